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

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::edit::{self, Encoded, Style, Value};
use super::{
    Export, Field, Format, Item, ItemState, Workspace, collect, error, ftl, page_file, po, target_lang,
    translations_file, xliff,
};
use super::{blocks, labels};
use crate::Failure;
use crate::config::RawHtml;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Lang;
use crate::parse::front_matter;
use crate::translation::{mark, status};

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
struct Plan {
    /// Unit index → new text.
    changes: BTreeMap<usize, String>,
    /// The file was made from another version of the source.
    stale: bool,
    /// Units confirmed unchanged in an outdated item or a draft.
    confirmed: Vec<usize>,
    /// Units of an outdated item or a draft still marked for review.
    blocked: Vec<usize>,
    /// The first unit of the item in the file.
    at: (usize, usize),
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

struct Apply<'a> {
    workspace: &'a Workspace,
    export: &'a Export,
    lang: Lang,
    /// The imported file, as given.
    shown: &'a Path,
    diags: &'a mut Diagnostics,
    /// New texts of files, relative to the site root.
    writes: Vec<(PathBuf, String)>,
}

impl Apply<'_> {
    /// Computes every new file; returns how many items become current.
    fn all(&mut self, plans: &BTreeMap<Item, Plan>) -> usize {
        let complete: BTreeMap<&Item, bool> =
            plans.iter().map(|(item, plan)| (item, self.complete(item, plan))).collect();
        let touched = |item: &Item| {
            let plan = &plans[item];
            !plan.changes.is_empty() || complete[item]
        };
        let items: Vec<&Item> = plans.keys().filter(|i| touched(i)).collect();
        for item in &items {
            let plan = &plans[*item];
            if complete[*item] || plan.stale {
                continue;
            }
            // A page has dozens of blocks: name the first few.
            let ids = |units: &mut dyn Iterator<Item = usize>| {
                let all: Vec<String> = units.map(|n| format!("`{}`", self.export.units[n].id)).collect();
                match all.len() {
                    0..=4 => all.join(", "),
                    n => format!("{} and {} more", all[..3].join(", "), n - 3),
                }
            };
            let message = if plan.blocked.is_empty() {
                let untranslated = self.export.units.iter().enumerate().filter(|(n, u)| {
                    &u.item == *item && u.required && u.target.is_none() && !plan.changes.contains_key(n)
                });
                format!("imported, but not yet current: still to translate {}", ids(&mut untranslated.map(|(n, _)| n)))
            } else {
                format!(
                    "imported, but not marked current: still marked for review {}",
                    ids(&mut plan.blocked.iter().copied())
                )
            };
            self.diags.push(Diagnostic::warning(self.shown, plan.at, message));
        }
        self.strings(&items, plans, &complete);
        self.labels(&items, plans);
        self.resources(&items, plans, &complete);
        for item in &items {
            if let Item::Page(rel) = item {
                self.page(item, rel, &plans[*item], complete[*item]);
            }
        }
        let was_current =
            |item: &Item| self.export.units.iter().any(|u| &u.item == item && u.state == ItemState::Current);
        items.iter().filter(|i| complete[**i] && !was_current(i)).count()
    }

    fn complete(&self, item: &Item, plan: &Plan) -> bool {
        let acted = !plan.changes.is_empty() || !plan.confirmed.is_empty();
        let translated = self
            .export
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| &u.item == item && u.required)
            .all(|(n, u)| plan.changes.contains_key(&n) || plan.confirmed.contains(&n) || u.target.is_some());
        acted && plan.blocked.is_empty() && !plan.stale && translated
    }

    fn root(&self) -> &Path {
        &self.workspace.config.root
    }

    /// The file's text as written, or `None` when it does not exist.
    fn raw(&mut self, rel: &Path) -> Option<String> {
        let bytes = std::fs::read(self.root().join(rel)).ok()?;
        match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                self.diags.push(error(rel, (1, 1), "invalid UTF-8: the file must be saved as UTF-8"));
                None
            }
        }
    }

    fn stage(&mut self, rel: PathBuf, old: Option<&str>, new: String) {
        if old != Some(new.as_str()) {
            self.writes.push((rel, new));
        }
    }

    /// An edit that does not read back as intended is a bug, reported
    /// rather than written.
    fn unsafe_edit(&mut self, rel: &Path, what: &str) {
        self.diags.push(error(
            rel,
            (1, 1),
            format!("could not set {what} in this file without changing its meaning; nothing was written"),
        ));
    }

    fn strings(&mut self, items: &[&Item], plans: &BTreeMap<Item, Plan>, complete: &BTreeMap<&Item, bool>) {
        let ids: Vec<&String> =
            items.iter().filter_map(|i| if let Item::String(id) = i { Some(id) } else { None }).collect();
        if ids.is_empty() {
            return;
        }
        let rel = crate::i18n::file_of(&self.lang);
        let raw = self.raw(&rel);
        let (encoded, mut text) = Encoded::decode(raw.as_deref().unwrap_or(""));
        let mut recorded = status::read_string_sources(&self.workspace.config, &self.lang);
        let before = recorded.clone();
        for id in ids {
            let item = Item::String(id.clone());
            for value in plans[&item].changes.values() {
                text = edit::set_message(&text, id, value);
                if ftl::by_id(&text).get(id.as_str()).map(|m| m.source(&text)) != Some(value.as_str()) {
                    self.unsafe_edit(&rel, &format!("the message `{id}`"));
                }
            }
            if complete[&item] {
                recorded.insert(id.clone(), self.export.hashes[&item].clone());
            }
        }
        self.stage(rel, raw.as_deref(), encoded.encode(&text));
        if recorded != before {
            let sources = status::string_sources_file(&self.lang);
            let old = self.raw(&sources);
            self.stage(sources, old.as_deref(), mark::string_sources(&recorded));
        }
    }

    /// The site's title and description in `signpost.yaml`, and the
    /// vocabulary's labels.
    fn labels(&mut self, items: &[&Item], plans: &BTreeMap<Item, Plan>) {
        let changed = |wanted: fn(&Item) -> Option<&String>| -> Vec<(&String, &String)> {
            items.iter().filter_map(|item| Some((wanted(item)?, plans[*item].changes.values().next()?))).collect()
        };
        let settings = changed(|i| if let Item::Setting(key) = i { Some(key) } else { None });
        let lang = self.lang.clone();
        self.edit_yaml(labels::SITE_FILE, &settings, |text, key, value| {
            let edited = labels::set_site(text, &lang, key, value)?;
            Ok((labels::site_reads(&edited, &lang, key, value), edited))
        });
        let terms = changed(|i| if let Item::Term(key) = i { Some(key) } else { None });
        self.edit_yaml(labels::VOCABULARY_FILE, &terms, |text, key, value| {
            let (facet, id) = key.split_once(':').unwrap_or((key, ""));
            let edited = labels::set_term(text, facet, id, &lang, value)?;
            Ok((labels::term_reads(&edited, facet, id, &lang, value), edited))
        });
    }

    /// Applies `set` for each (key, value) to the file `rel`: the edited
    /// text and whether it reads back, or what stops the edit.
    fn edit_yaml(
        &mut self,
        rel: &str,
        changes: &[(&String, &String)],
        set: impl Fn(&str, &str, &str) -> Result<(bool, String), String>,
    ) {
        if changes.is_empty() {
            return;
        }
        let rel = PathBuf::from(rel);
        let raw = self.raw(&rel);
        let (encoded, mut text) = Encoded::decode(raw.as_deref().unwrap_or(""));
        for (key, value) in changes {
            match set(&text, key, value) {
                Ok((true, edited)) => text = edited,
                Ok((false, _)) => self.unsafe_edit(&rel, &format!("`{key}`")),
                Err(message) => self.diags.push(error(&rel, (1, 1), message)),
            }
        }
        self.stage(rel, raw.as_deref(), encoded.encode(&text));
    }

    fn resources(&mut self, items: &[&Item], plans: &BTreeMap<Item, Plan>, complete: &BTreeMap<&Item, bool>) {
        let ids: Vec<&String> =
            items.iter().filter_map(|i| if let Item::Resource(id) = i { Some(id) } else { None }).collect();
        if ids.is_empty() {
            return;
        }
        let rel = translations_file(&self.lang);
        let raw = self.raw(&rel);
        let (encoded, mut text) = Encoded::decode(raw.as_deref().unwrap_or(""));
        for id in ids {
            let item = Item::Resource(id.clone());
            let wanted = self.resource_fields(&item, &plans[&item]);
            let hash = &self.export.hashes[&item];
            match edit::entry_block(&text, id) {
                Some((start, _, _)) if !edit::entry_is_block(&text, start) => {
                    let message = format!(
                        "the entry `{id}` is written on one line: write its fields on lines of their own, then import again"
                    );
                    self.diags.push(error(&rel, (start + 1, 1), message));
                    continue;
                }
                Some(_) => {
                    for (key, value, style, after) in &wanted {
                        let Some((start, end, indent)) = edit::entry_block(&text, id) else { continue };
                        text = edit::set_key(&text, start + 1..end, &indent, key, &value.as_value(), *style, after);
                    }
                    if complete[&item] {
                        match mark::resource(&text, id, hash) {
                            Ok(marked) => text = marked,
                            Err(message) => self.diags.push(error(&rel, (1, 1), message)),
                        }
                    }
                }
                None => {
                    let mut fields: Vec<(&str, Value, Style)> =
                        wanted.iter().map(|(k, v, s, _)| (*k, v.as_value(), *s)).collect();
                    if complete[&item] {
                        fields.push(("source_hash", Value::Text(hash), Style::Plain));
                    }
                    text = edit::append_entry(&text, id, &fields);
                }
            }
            // Read back what was written.
            let parsed: Option<serde_yaml::Value> = serde_yaml::from_str(&text).ok();
            let entry = parsed.as_ref().and_then(|v| v.get(id.as_str()));
            let reads_back = entry.is_some_and(|entry| {
                wanted.iter().all(|(key, value, _, _)| match value {
                    Owned::Text(t) => entry.get(*key).and_then(|v| v.as_str()) == Some(t.as_str()),
                    Owned::List(list) => {
                        let found: Option<Vec<&str>> = entry
                            .get(*key)
                            .and_then(|v| v.as_sequence())
                            .map(|s| s.iter().filter_map(|v| v.as_str()).collect());
                        found == Some(list.iter().map(String::as_str).collect())
                    }
                })
            });
            if !reads_back {
                self.unsafe_edit(&rel, &format!("the entry `{id}`"));
            }
        }
        self.stage(rel, raw.as_deref(), encoded.encode(&text));
    }

    /// The keys to set in a resource's entry: (key, value, style, keys it follows).
    fn resource_fields(&self, item: &Item, plan: &Plan) -> Vec<(&'static str, Owned, Style, &'static [&'static str])> {
        let mut out = Vec::new();
        let units: Vec<(usize, &super::Unit)> =
            self.export.units.iter().enumerate().filter(|(_, u)| &u.item == item).collect();
        let mut links: Vec<(usize, &super::Unit)> = Vec::new();
        for &(n, unit) in &units {
            match (unit.field, plan.changes.get(&n)) {
                (Field::Title, Some(t)) => out.push(("title", Owned::Text(t.clone()), Style::Plain, &[][..])),
                (Field::Summary, Some(t)) => {
                    out.push(("summary", Owned::Text(t.clone()), Style::Folded, &["title"][..]))
                }
                (Field::AlternativeTitles, Some(t)) => {
                    let titles = t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
                    let after = &["title", "summary", "link_labels"][..];
                    out.push(("alternative_titles", Owned::List(titles), Style::Double, after));
                }
                (Field::Link(_), _) => links.push((n, unit)),
                _ => {}
            }
        }
        // Labels go by position: fill the ones before a new label with the
        // current translation, else the source.
        if let Some(last) = links.iter().rposition(|(n, _)| plan.changes.contains_key(n)) {
            let keep = links.iter().rposition(|(_, u)| u.current.is_some()).map_or(0, |p| p + 1);
            let labels = links[..(last + 1).max(keep)]
                .iter()
                .map(|(n, u)| plan.changes.get(n).or(u.current.as_ref()).unwrap_or(&u.source).clone())
                .collect();
            out.push(("link_labels", Owned::List(labels), Style::Double, &["title", "summary"][..]));
        }
        out
    }

    fn page(&mut self, item: &Item, rel: &str, plan: &Plan, complete: bool) {
        let target = page_file(&self.lang, rel);
        let units: Vec<(usize, &super::Unit)> =
            self.export.units.iter().enumerate().filter(|(_, u)| &u.item == item).collect();
        let exists = units.first().is_some_and(|(_, u)| u.state != ItemState::Missing);
        let (raw, start) = if exists {
            let Some(raw) = self.raw(&target) else { return };
            (Some(raw.clone()), raw)
        } else {
            let has_title = units.iter().any(|(n, u)| u.field == Field::Title && plan.changes.contains_key(n));
            if !has_title {
                let message = format!(
                    "content/{}/{rel} does not exist yet: a new page needs a title (unit `page:{rel}:title`)",
                    self.lang
                );
                self.diags.push(error(self.shown, plan.at, message));
                return;
            }
            let source = page_file(&self.export.source_lang, rel);
            let Some(raw) = self.raw(&source) else { return };
            (None, raw)
        };
        let (encoded, mut text) = Encoded::decode(&start);
        let mut expected: Vec<(Field, Cow<str>)> = Vec::new();
        let mut changed_blocks: BTreeMap<usize, String> = BTreeMap::new();
        let mut block_count = 0;
        for (n, unit) in &units {
            let Some(value) = plan.changes.get(n) else { continue };
            let key = match unit.field {
                Field::Title => ("title", &[][..]),
                Field::Summary => ("summary", &["title"][..]),
                Field::Label => ("label", &["title", "summary"][..]),
                Field::Block { index, of, .. } => {
                    changed_blocks.insert(index, value.clone());
                    block_count = of;
                    continue;
                }
                _ => {
                    let body = self.clean(value);
                    text = edit::set_body(&text, &body).unwrap_or(text);
                    expected.push((unit.field, body));
                    continue;
                }
            };
            expected.push((unit.field, Cow::Borrowed(value.as_str())));
            if let Some(block) = edit::front_matter_block(&text) {
                text = edit::set_key(&text, block, "", key.0, &Value::Text(value), Style::Double, key.1);
            }
        }
        if !changed_blocks.is_empty() {
            let Some(body) = self.blocks_into(&text, rel, block_count, &changed_blocks, plan) else { return };
            text = edit::set_body(&text, &body).unwrap_or(text);
            expected.push((Field::Body, Cow::Owned(body)));
        }
        let hash = &self.export.hashes[item];
        if complete || !exists {
            let draft = if complete { mark::Draft::Clear } else { mark::Draft::Set };
            text = mark::page(&text, hash, draft).unwrap_or(text);
        }
        let mut diags = Diagnostics::new();
        let reads_back = front_matter::split(&text, &target).ok().is_some_and(|split| {
            front_matter::parse(&split, &target, &mut diags).is_some_and(|front| {
                expected.iter().all(|(field, value)| match field {
                    Field::Title => front.title == *value,
                    Field::Summary => front.summary.as_deref() == Some(&**value),
                    Field::Label => front.label.as_deref() == Some(&**value),
                    _ => split.body.trim_start_matches('\n').trim_end() == value.trim_end(),
                })
            })
        });
        if !reads_back {
            self.unsafe_edit(&target, "the translation");
            return;
        }
        let new = if exists { encoded.encode(&text) } else { text };
        self.stage(target, raw.as_deref(), new);
    }

    /// Translated Markdown is cleaned of unsafe raw HTML before it enters
    /// the site, unless the site allows it.
    fn clean<'t>(&self, markdown: &'t str) -> Cow<'t, str> {
        match self.workspace.config.raw_html {
            RawHtml::Allow => Cow::Borrowed(markdown),
            _ => crate::sanitize::markdown(markdown),
        }
    }

    /// The page body of `text` with the translated blocks in place. A page
    /// without a body yet starts from the source's, whose untranslated
    /// blocks stay in the source language until translated.
    fn blocks_into(
        &mut self,
        text: &str,
        rel: &str,
        count: usize,
        changed: &BTreeMap<usize, String>,
        plan: &Plan,
    ) -> Option<String> {
        let body = |text: &str| front_matter::split(text, Path::new(rel)).ok().map(|s| s.body.to_string());
        let mut base = body(text).unwrap_or_default();
        if base.trim().is_empty() {
            let source = page_file(&self.export.source_lang, rel);
            base = self.raw(&source).and_then(|raw| body(&raw)).unwrap_or_default();
        }
        match blocks::rebuild(&base, count, changed) {
            Ok(rebuilt) => Some(self.clean(rebuilt.trim_start_matches('\n').trim_end()).into_owned()),
            Err(message) => {
                let target = page_file(&self.lang, rel);
                self.diags.push(error(self.shown, plan.at, format!("{}: {message}", target.display())));
                None
            }
        }
    }
}

/// A value to set, owned until it is rendered.
enum Owned {
    Text(String),
    List(Vec<String>),
}

impl Owned {
    fn as_value(&self) -> Value<'_> {
        match self {
            Owned::Text(t) => Value::Text(t),
            Owned::List(l) => Value::List(l),
        }
    }
}
