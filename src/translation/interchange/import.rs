//! `signpost i18n import FILE`: a translated XLIFF or PO file back into the
//! site. Everything is checked and every new file text computed before the
//! first write; any error writes nothing.
//!
//! A unit whose target equals the current translation changes nothing. An
//! item (a string, a resource, a page) becomes current, its source hash
//! recorded, when something of it was imported or confirmed (a unit the tool
//! marks as done though the item was outdated), no unit of it is left for
//! review, and everything it needs is translated. So exporting and
//! importing again, untouched, writes nothing at all.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::apply::Apply;
use super::blocks;
use super::{Export, Field, Format, Item, ItemState, Workspace, collect, error, po, target_lang, xliff};
use crate::Failure;
use crate::diag::{Diagnostic, Diagnostics};

/// What an import did.
#[derive(Debug)]
pub struct Imported {
    /// Units whose translation changed.
    pub units: usize,
    /// Items that were missing, outdated or drafts and are now current.
    pub current: usize,
    /// Files written, relative to the site root.
    pub files: Vec<PathBuf>,
    /// Units translated from another version of the source.
    pub warnings: Vec<Diagnostic>,
}

/// What the file asks of one item.
#[derive(Default)]
pub(super) struct Plan {
    /// Unit index → new text.
    pub changes: BTreeMap<usize, String>,
    /// The file was made from another version of the source.
    pub stale: bool,
    /// Units confirmed unchanged in an outdated item or a draft.
    pub confirmed: Vec<usize>,
    /// Units of an outdated item or a draft still marked for review.
    pub blocked: Vec<usize>,
    /// The first unit of the item in the file.
    pub at: (usize, usize),
}

pub fn import(root: &Path, file: &Path) -> Result<Imported, Failure> {
    let bytes = std::fs::read(file).map_err(|e| crate::translation::io(file, e))?;
    let text = crate::diag::decode(file, bytes).map_err(|d| Failure::Content(vec![d]))?;
    let mut diags = Diagnostics::new();
    let doc = match Format::of(file, &text) {
        Format::Xliff => xliff::read(&text, file, &mut diags),
        Format::Po => po::read(&text, file, &mut diags),
    };
    if diags.has_errors() {
        return Err(diags.into());
    }
    let workspace = Workspace::load(root)?;
    let lang = target_lang(&workspace, &doc, file, &mut diags);
    // Ids are the same in every language: check them even when the
    // language is wrong, to report everything at once.
    let checked = lang.clone().or_else(|| {
        workspace.config.languages.iter().map(|l| l.lang.clone()).find(|l| l != &workspace.config.default_lang)
    });
    let Some(checked) = checked else { return Err(diags.into()) };
    let export = collect(&workspace, &checked)?;
    let plans = plan(&export, &doc, file, &mut diags);
    let mut writes = Vec::new();
    let mut current = 0;
    if let Some(lang) = lang.filter(|_| !diags.has_errors()) {
        let mut apply =
            Apply { workspace: &workspace, export: &export, lang, shown: file, diags: &mut diags, writes: Vec::new() };
        current = apply.all(&plans);
        writes = apply.writes;
    }
    if diags.has_errors() {
        return Err(diags.into());
    }
    let mut files = Vec::new();
    for (rel, text) in writes {
        let absolute = workspace.config.root.join(&rel);
        if let Some(parent) = absolute.parent() {
            std::fs::create_dir_all(parent).map_err(|e| crate::translation::io(&rel, e))?;
        }
        crate::translation::write(&absolute, &text, &rel)?;
        files.push(rel);
    }
    let units = plans.values().map(|p| p.changes.len()).sum();
    Ok(Imported { units, current, files, warnings: diags.into_sorted() })
}

fn plan(export: &Export, doc: &super::Document, shown: &Path, diags: &mut Diagnostics) -> BTreeMap<Item, Plan> {
    let by_id: HashMap<&str, usize> = export.units.iter().enumerate().map(|(n, u)| (u.id.as_str(), n)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut plans: BTreeMap<Item, Plan> = BTreeMap::new();
    for incoming in &doc.units {
        let Some(&index) = by_id.get(incoming.id.as_str()) else {
            let message = format!(
                "unknown unit id `{}`: no interface string, resource or page of this site has it (export again for the current ids)",
                incoming.id
            );
            diags.push(error(shown, incoming.at, message));
            continue;
        };
        if let Some(line) = seen.insert(&incoming.id, incoming.at.0) {
            diags.push(error(
                shown,
                incoming.at,
                format!("unit `{}` appears twice (also on line {line})", incoming.id),
            ));
            continue;
        }
        let unit = &export.units[index];
        let plan = plans.entry(unit.item.clone()).or_insert_with(|| Plan { at: incoming.at, ..Plan::default() });
        // Tools may fill a target with its source before anyone translates
        // it: unless confirmed, that is no translation.
        // A resource's title is translated only where an official
        // translation exists: its source again is never one.
        let title = matches!(unit.item, Item::Resource(_)) && unit.field == Field::Title;
        let prefilled = |t: &String| (title || !incoming.confirmed) && *t == unit.normalise(&unit.source);
        let target = incoming.target.as_deref().map(|t| unit.normalise(t));
        let Some(target) = target.filter(|t| !t.is_empty() && !prefilled(t)) else {
            continue;
        };
        if let Some(source) = &incoming.source
            && unit.normalise(source) != unit.normalise(&unit.source)
        {
            plan.stale = true;
            let message = format!(
                "`{}`: the source changed since this file was exported, so this translation is not marked current (export again to review it)",
                unit.id
            );
            diags.push(Diagnostic::warning(shown, incoming.at, message));
        }
        if unit.field == Field::Value
            && let Err(message) = check_fluent(&unit.id["string:".len()..], &target)
        {
            diags.push(error(shown, incoming.target_at, format!("`{}`: {message}", unit.id)));
            continue;
        }
        let review = matches!(unit.state, ItemState::Outdated | ItemState::Draft);
        if unit.current.as_deref().map(|c| unit.normalise(c)).as_deref() == Some(target.as_str()) {
            match (review, incoming.confirmed) {
                (true, true) => plan.confirmed.push(index),
                (true, false) => plan.blocked.push(index),
                (false, _) => {}
            }
            continue;
        }
        // A block's markers must come back whole; what is stored is the
        // Markdown they stand for.
        let markdown = match unit.field {
            Field::Block { kind, .. } => match blocks::check(&target, kind, &unit.codes, unit.source_codes) {
                Ok(markdown) => markdown,
                Err(message) => {
                    diags.push(error(shown, incoming.target_at, format!("`{}`: {message}", unit.id)));
                    continue;
                }
            },
            _ => target,
        };
        plan.changes.insert(index, markdown);
    }
    plans
}

/// A Fluent message's value must read as one message.
fn check_fluent(id: &str, value: &str) -> Result<(), String> {
    use fluent_syntax::ast::Entry;
    let text = format!("{id} = {value}\n");
    match fluent_syntax::parser::parse(text.as_str()) {
        Ok(resource) => {
            let entries = resource.body.iter().filter(|e| !matches!(e, Entry::Comment(_))).count();
            let messages = resource.body.iter().filter(|e| matches!(e, Entry::Message(_) | Entry::Term(_))).count();
            if entries == 1 && messages == 1 && resource.body.len() == 1 {
                Ok(())
            } else {
                Err("the translation is not one Fluent message: indent its continuation lines".to_string())
            }
        }
        Err((_, errors)) => Err(format!(
            "the translation is not valid Fluent: {}",
            errors.first().map_or_else(|| "syntax error".to_string(), ToString::to_string)
        )),
    }
}
