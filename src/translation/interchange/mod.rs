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
mod export;
mod import;
mod labels;
pub mod po;
pub mod xliff;

use std::path::{Path, PathBuf};

use export::collect;
pub use export::{Export, export};
pub use import::{Imported, import};

use super::{Workspace, ftl};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Lang;

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
