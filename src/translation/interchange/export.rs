//! `signpost i18n export`: every unit of one language, its source and its
//! current translation, gathered from the interface strings, the catalogue
//! and the pages, then written as XLIFF or PO.

use std::collections::BTreeMap;
use std::path::Path;

use super::super::{Workspace, ftl, source, status};
use super::{Field, Format, Item, ItemState, Unit, blocks, labels, po, xliff};
use crate::Failure;
use crate::diag::Diagnostics;
use crate::model::Lang;
use crate::parse::front_matter;

/// Everything of one language that a translation tool works on.
pub struct Export {
    pub source_lang: Lang,
    pub target_lang: Lang,
    pub site_title: String,
    pub units: Vec<Unit>,
    /// The current source hash of each item.
    pub(super) hashes: BTreeMap<Item, String>,
}

/// `signpost i18n export --lang L --format F`: the file's text.
pub fn export(root: &Path, lang: &str, format: Format) -> Result<String, Failure> {
    let workspace = Workspace::load(root)?;
    let lang = workspace.target_lang(lang)?;
    let units = collect(&workspace, &lang)?;
    Ok(match format {
        Format::Xliff => xliff::write(&units),
        Format::Po => po::write(&units),
    })
}

/// The units of `lang`: interface strings, the site's title and
/// description, the vocabulary's labels, then the catalogue, then pages.
pub(super) fn collect(workspace: &Workspace, lang: &Lang) -> Result<Export, Failure> {
    let mut export = Export {
        source_lang: workspace.config.default_lang.clone(),
        target_lang: lang.clone(),
        site_title: workspace.config.title.clone(),
        units: Vec::new(),
        hashes: BTreeMap::new(),
    };
    let mut diags = Diagnostics::new();
    strings(workspace, &mut export);
    labels::site(workspace, &mut export);
    labels::vocabulary(workspace, &mut export);
    resources(workspace, &mut export);
    pages(workspace, &mut export, &mut diags);
    if diags.has_errors() {
        return Err(diags.into());
    }
    Ok(export)
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A file as the build reads it (no byte-order mark, `\n` line endings).
fn read_decoded(root: &Path, rel: &Path) -> Option<String> {
    let bytes = std::fs::read(root.join(rel)).ok()?;
    crate::diag::decode(rel, bytes).ok()
}

fn strings(workspace: &Workspace, export: &mut Export) {
    let config = &workspace.config;
    let source_file = crate::i18n::file_of(&config.default_lang);
    let Some(source_text) = read_decoded(&config.root, &source_file) else { return };
    let lang = &export.target_lang;
    let target_text = read_decoded(&config.root, &crate::i18n::file_of(lang)).unwrap_or_default();
    let present = ftl::by_id(&target_text);
    let recorded = status::read_string_sources(config, lang);
    for message in ftl::messages(&source_text) {
        let text = message.source(&source_text);
        let hash = source::string(text);
        let current = present.get(&message.id).map(|m| m.source(&target_text).to_string());
        let state = match &current {
            None => ItemState::Missing,
            Some(_) if recorded.get(&message.id) == Some(&hash) => ItemState::Current,
            Some(_) => ItemState::Outdated,
        };
        let item = Item::String(message.id.clone());
        export.units.push(Unit {
            id: format!("string:{}", message.id),
            item: item.clone(),
            field: Field::Value,
            source: text.to_string(),
            target: current.clone(),
            current,
            state,
            origin: slash(&source_file),
            required: true,
            context: None,
            codes: Vec::new(),
            source_codes: 0,
        });
        export.hashes.insert(item, hash);
    }
}

fn resources(workspace: &Workspace, export: &mut Export) {
    let Some(catalogue) = &workspace.catalogue else { return };
    let translations = catalogue.translations.get(&export.target_lang);
    // In the order of the files, which is the order translators know.
    let mut resources: Vec<_> = catalogue.resources.iter().collect();
    resources.sort_by_key(|r| (r.file.clone(), r.path.trim_matches(['[', ']']).parse::<usize>().unwrap_or(0)));
    for resource in resources {
        let hash = source::resource(resource);
        let text = translations.and_then(|t| t.get(&resource.id));
        let state = match text {
            Some(t) if t.summary.is_some() && t.source_hash.as_deref() == Some(hash.as_str()) => ItemState::Current,
            Some(t) if t.summary.is_some() => ItemState::Outdated,
            _ => ItemState::Missing,
        };
        let item = Item::Resource(resource.id.clone());
        let mut push = |suffix: String, field, source: &str, current: Option<&String>, required| {
            export.units.push(Unit {
                id: format!("resource:{}:{suffix}", resource.id),
                item: item.clone(),
                field,
                source: source.to_string(),
                target: current.cloned(),
                current: current.cloned(),
                state,
                origin: slash(&resource.file),
                required,
                context: None,
                codes: Vec::new(),
                source_codes: 0,
            });
        };
        push("title".into(), Field::Title, &resource.title, text.and_then(|t| t.title.as_ref()), false);
        push("summary".into(), Field::Summary, &resource.summary, text.and_then(|t| t.summary.as_ref()), true);
        for (n, label) in resource.links.iter().filter_map(|l| l.label.as_ref()).enumerate() {
            push(format!("link:{n}"), Field::Link(n), label, text.and_then(|t| t.link_labels.get(n)), false);
        }
        // Alternative titles, one per line: the names readers search by.
        if !resource.alternative_titles.is_empty() {
            let current = text.map(|t| t.alternative_titles.join("\n")).filter(|t| !t.is_empty());
            let source = resource.alternative_titles.join("\n");
            push("alternative_titles".into(), Field::AlternativeTitles, &source, current.as_ref(), false);
        }
        export.hashes.insert(item, hash);
    }
}

/// A page's translatable text.
struct PageText {
    title: String,
    summary: Option<String>,
    label: Option<String>,
    body: String,
    draft: bool,
    hash: String,
    recorded: Option<String>,
}

fn page_text(file: &crate::load::SourceFile, diags: &mut Diagnostics) -> Option<PageText> {
    let split = front_matter::split(&file.text, &file.path).map_err(|d| diags.push(d)).ok()?;
    let front = front_matter::parse(&split, &file.path, diags)?;
    Some(PageText {
        hash: source::page(&front, split.body),
        title: front.title,
        summary: front.summary.filter(|s| !s.trim().is_empty()),
        label: front.label.filter(|s| !s.trim().is_empty()),
        body: split.body.trim_start_matches('\n').trim_end().to_string(),
        draft: front.draft,
        recorded: front.source_hash,
    })
}

/// `content/fr/guidance/a.md` → `guidance/a.md`.
fn in_language_folder(path: &Path) -> String {
    let parts: Vec<String> = path.iter().skip(2).map(|p| p.to_string_lossy().into_owned()).collect();
    parts.join("/")
}

fn pages(workspace: &Workspace, export: &mut Export, diags: &mut Diagnostics) {
    let default = &workspace.config.default_lang;
    let lang = export.target_lang.clone();
    let translated: BTreeMap<String, &crate::load::SourceFile> =
        workspace.pages.iter().filter(|p| p.lang == lang).map(|p| (in_language_folder(&p.path), p)).collect();
    let mut sources: Vec<_> = workspace.pages.iter().filter(|p| &p.lang == default).collect();
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    for file in sources {
        let rel = in_language_folder(&file.path);
        let Some(source) = page_text(file, diags) else { continue };
        if source.draft {
            continue; // Not published, so nothing to translate yet.
        }
        let translation = match translated.get(&rel) {
            Some(t) => match page_text(t, diags) {
                Some(text) => Some(text),
                None => continue,
            },
            None => None,
        };
        let state = match &translation {
            None => ItemState::Missing,
            Some(t) if t.draft => ItemState::Draft,
            Some(t) if t.recorded.as_deref() == Some(source.hash.as_str()) => ItemState::Current,
            Some(_) => ItemState::Outdated,
        };
        let item = Item::Page(rel.clone());
        let fields: [(&str, Field, Option<&String>, Option<&String>); 3] = [
            ("title", Field::Title, Some(&source.title), translation.as_ref().map(|t| &t.title)),
            ("summary", Field::Summary, source.summary.as_ref(), translation.as_ref().and_then(|t| t.summary.as_ref())),
            ("label", Field::Label, source.label.as_ref(), translation.as_ref().and_then(|t| t.label.as_ref())),
        ];
        let mut push =
            |id: String, field, source_text: &String, current: Option<String>, context, codes: Vec<_>, source_codes| {
                let current = current.filter(|c| !c.is_empty());
                // A draft is a copy of the source until translated: what is
                // still the source's text is not offered as a translation.
                let target = current.clone().filter(|c| state != ItemState::Draft || c != source_text);
                export.units.push(Unit {
                    id,
                    item: item.clone(),
                    field,
                    source: source_text.clone(),
                    target,
                    current,
                    state,
                    origin: slash(&file.path),
                    required: true,
                    context,
                    codes,
                    source_codes,
                });
            };
        for (name, field, source_text, current) in fields {
            let Some(source_text) = source_text else { continue };
            push(format!("page:{rel}:{name}"), field, source_text, current.cloned(), None, Vec::new(), 0);
        }
        let translated_body = translation.as_ref().map(|t| t.body.as_str());
        for unit in blocks::units(&rel, &source.title, &source.body, translated_body) {
            push(unit.id, unit.field, &unit.source, unit.current, Some(unit.context), unit.codes, unit.source_codes);
        }
        export.hashes.insert(item, source.hash);
    }
}
