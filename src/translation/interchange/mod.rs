//! `signpost i18n export` and `signpost i18n import`: the site's text in
//! XLIFF 2.0 or gettext PO, so that translators can work in Weblate, Crowdin
//! or Poedit instead of editing YAML, Fluent and Markdown.
//!
//! Every piece of text is a unit with a stable id (`string:open-all`,
//! `resource:<id>:summary`, `resource:<id>:link:0`,
//! `page:guidance/a.md:title`, `...:body`), its default-language source and
//! the current translation. Import changes files by editing text in place
//! (module `edit`), never by writing them out again, so what a translator did not
//! change stays the same byte for byte; and it checks everything before it
//! writes anything.

mod apply;
mod blocks;
mod edit;
mod import;
mod labels;
pub mod po;
pub mod xliff;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use import::{Imported, import};

use super::{Workspace, ftl, source, status};
use crate::Failure;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Lang;
use crate::parse::front_matter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff,
    Po,
}

impl Format {
    /// By the file's extension, else by its first character.
    fn of(path: &Path, text: &str) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("po" | "pot") => Format::Po,
            Some("xlf" | "xliff" | "xml") => Format::Xliff,
            _ if text.trim_start().starts_with('<') => Format::Xliff,
            _ => Format::Po,
        }
    }
}

/// The translation a unit belongs to: what has one source hash and one
/// state in `signpost i18n status`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// A message id of `i18n/<lang>.ftl`.
    String(String),
    /// A resource id of the catalogue.
    Resource(String),
    /// A page path in the language folder (`guidance/a.md`).
    Page(String),
    /// A key of the language's entry in `signpost.yaml` (`title`).
    Setting(String),
    /// A vocabulary term, `facet:id` (`categories:key-guidance`).
    Term(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The whole value of a Fluent message.
    Value,
    Title,
    Summary,
    Label,
    /// A page body as one unit.
    Body,
    /// The `index`-th of the `of` blocks of a page body.
    Block {
        index: usize,
        of: usize,
        kind: crate::translation::segment::Block,
    },
    /// The label of the resource's n-th labelled link.
    Link(usize),
    /// A resource's alternative titles, one per line.
    AlternativeTitles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
    Current,
    Outdated,
    /// A page started with `signpost translate`, still a copy of the source.
    Draft,
    Missing,
}

/// One piece of text to translate.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub item: Item,
    pub field: Field,
    pub source: String,
    /// The translation offered to the tool (none for a draft's untouched copy).
    pub target: Option<String>,
    /// The translation as it is in the file, compared with what comes back.
    current: Option<String>,
    pub state: ItemState,
    /// The default-language file it comes from.
    pub origin: String,
    /// Whether the item is translated only once this unit is.
    required: bool,
    /// Where the text is, for the translator (page, section, kind of block).
    pub context: Option<String>,
    /// The markup that the markers of a block's text stand for: the
    /// source's, then those only its translation has.
    pub codes: Vec<crate::translation::inline::Code>,
    /// How many of `codes` are the source's (each must be in a translation).
    pub source_codes: usize,
}

impl Unit {
    /// Why a tool should ask for this unit to be reviewed, if it should.
    pub fn review(&self) -> Option<&'static str> {
        self.target.as_ref()?;
        match self.state {
            ItemState::Outdated => Some("outdated: the source changed since this was translated"),
            ItemState::Draft => Some("draft: the translation of this page is not finished"),
            _ => None,
        }
    }

    /// Read back from a tool: whether it differs from the file, comparing
    /// the way the file's own text is compared.
    fn normalise(&self, text: &str) -> String {
        let text = text.replace("\r\n", "\n");
        match self.field {
            Field::Body => text.trim_start_matches('\n').trim_end().to_string(),
            // Markdown ignores the white space around a block.
            Field::Block { .. } => text.trim().to_string(),
            _ => text.trim().to_string(),
        }
    }
}

/// Everything of one language that a translation tool works on.
pub struct Export {
    pub source_lang: Lang,
    pub target_lang: Lang,
    pub site_title: String,
    pub units: Vec<Unit>,
    /// The current source hash of each item.
    hashes: BTreeMap<Item, String>,
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
fn collect(workspace: &Workspace, lang: &Lang) -> Result<Export, Failure> {
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

/// What a translation file says, as read by [`xliff::read`] or [`po::read`].
#[derive(Debug, Default)]
pub struct Document {
    pub source_lang: Option<(String, (usize, usize))>,
    pub target_lang: Option<(String, (usize, usize))>,
    /// Where the languages are stated, or should be.
    pub lang_at: (usize, usize),
    pub units: Vec<Incoming>,
}

/// One unit read back from a translation tool.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub id: String,
    /// The source text the translator saw, when the file gives it.
    pub source: Option<String>,
    /// `None` or empty: not translated.
    pub target: Option<String>,
    /// The tool says the translation is done (XLIFF state `translated`,
    /// `reviewed` or `final`; PO without `#, fuzzy`).
    pub confirmed: bool,
    /// Line and column of the unit and of its target.
    pub at: (usize, usize),
    pub target_at: (usize, usize),
}

fn error(path: &Path, at: (usize, usize), message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(path, at, message)
}

/// The language a file translates into, checked against the site.
fn target_lang(workspace: &Workspace, doc: &Document, shown: &Path, diags: &mut Diagnostics) -> Option<Lang> {
    let config = &workspace.config;
    let codes: Vec<&str> = config.languages.iter().map(|l| l.lang.as_str()).collect();
    let find = |code: &str| {
        let code = code.trim().replace('_', "-");
        config.languages.iter().map(|l| &l.lang).find(|l| l.as_str().eq_ignore_ascii_case(&code)).cloned()
    };
    if let Some((code, at)) = &doc.source_lang
        && find(code).as_ref() != Some(&config.default_lang)
    {
        diags.push(error(
            shown,
            *at,
            format!("the source language is `{code}`, but this site's default language is `{}`", config.default_lang),
        ));
    }
    let Some((code, at)) = &doc.target_lang else {
        diags.push(error(
            shown,
            doc.lang_at,
            "the file does not say which language it translates into (XLIFF: `trgLang` on <xliff>; PO: a `Language:` header)",
        ));
        return None;
    };
    match find(code) {
        None => {
            diags.push(error(
                shown,
                *at,
                format!("`{code}` is not a language of this site (languages: {})", codes.join(", ")),
            ));
            None
        }
        Some(lang) if lang == config.default_lang => {
            diags.push(error(
                shown,
                *at,
                format!("`{code}` is the default language: it is the source, not a translation"),
            ));
            None
        }
        Some(lang) => Some(lang),
    }
}

/// Where a page's translation is.
fn page_file(lang: &Lang, rel: &str) -> PathBuf {
    Path::new("content").join(lang.as_str()).join(rel)
}

fn translations_file(lang: &Lang) -> PathBuf {
    Path::new("content/catalogue/translations").join(format!("{lang}.yaml"))
}
