//! Plain data shared by the stages: languages, pages, the site. No I/O here.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

mod catalogue;
pub use catalogue::*;

/// A language code as declared in `signpost.yaml` (`en`, `fr`, `es`, `ar`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    pub fn new(code: impl Into<String>) -> Self {
        Lang(code.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Scripts written right to left, by primary language subtag, as mdBook's
    /// `TextDirection::from_lang_code` does.
    pub fn default_direction(&self) -> Direction {
        let primary = self.0.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        const RTL: &[&str] =
            &["ar", "arc", "ckb", "dv", "fa", "ha", "he", "khw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"];
        if RTL.contains(&primary.as_str()) { Direction::Rtl } else { Direction::Ltr }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A page's identity across languages: its path inside the language folder,
/// without extension, `_index` removed. The home page is the empty key.
/// `content/fr/guidance/assess-and-plan.md` and its English original share
/// the key `guidance/assess-and-plan`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PageKey(String);

impl PageKey {
    pub fn new(key: impl Into<String>) -> Self {
        PageKey(key.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_home(&self) -> bool {
        self.0.is_empty()
    }

    /// The key of the section that holds this page (`guidance` for
    /// `guidance/assess-and-plan`), or `None` for the home page.
    pub fn parent(&self) -> Option<PageKey> {
        if self.is_home() {
            return None;
        }
        Some(PageKey(self.0.rsplit_once('/').map_or("", |(dir, _)| dir).to_string()))
    }

    /// The key of a content file, from its path inside the language folder
    /// (`guidance/_index.md` → `guidance`), and whether it is a section
    /// index. `None` for anything that is not a Markdown file.
    pub fn from_file(rel: &str) -> Option<(PageKey, bool)> {
        let rel = rel.trim_start_matches("./");
        let stem = rel.strip_suffix(".md")?;
        if stem.is_empty() || stem.ends_with('/') {
            return None;
        }
        let (key, is_section) = match stem.rsplit_once('/') {
            Some((dir, "_index")) => (dir, true),
            None if stem == "_index" => ("", true),
            _ => (stem, false),
        };
        Some((PageKey(key.to_string()), is_section))
    }

    /// Path of the page's folder in the output, below the language folder.
    pub fn output_dir(&self) -> &str {
        &self.0
    }
}

/// What an author may write at the top of a page. Unknown keys are errors,
/// so a misspelt `sumary` is caught rather than silently ignored.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// One or two sentences: shown first, and used as meta description.
    #[serde(default)]
    pub summary: Option<String>,
    /// Position in its section; pages without come last, then by title.
    #[serde(default)]
    pub order: Option<i64>,
    /// Left out of the build.
    #[serde(default)]
    pub draft: bool,
    /// Who the page is for: `implementing-agencies`, `governments`, `donors`.
    #[serde(default)]
    pub audience: Vec<String>,
    /// A short label shown above the title and in navigation ("Step 1").
    #[serde(default)]
    pub label: Option<String>,
    /// Each `##` section becomes a collapsible block.
    #[serde(default)]
    pub collapsible: bool,
    /// Template to render with, instead of `page.html` / `section.html`.
    #[serde(default)]
    pub template: Option<String>,
    /// Date of the last meaningful change (`2026-11-23`), for the sitemap.
    #[serde(default)]
    pub updated: Option<crate::date::Date>,
    /// In a translation: the hash of the default-language text it was made
    /// from (see `signpost translate --done`).
    #[serde(default)]
    pub source_hash: Option<String>,
}

/// One Markdown file after parsing.
#[derive(Debug)]
pub struct Page {
    /// Relative to the site root, for diagnostics.
    pub source: PathBuf,
    pub lang: Lang,
    pub key: PageKey,
    /// An `_index.md`: a section that lists its pages.
    pub is_section: bool,
    pub front: FrontMatter,
    pub doc: Document,
    /// The Markdown after the front matter, for outputs that typeset it
    /// themselves: kept for the `navigation` pages when `downloads.pdf` is
    /// on (the PDF), empty otherwise.
    pub markdown: String,
}

/// Delimits a link's number in a [`Document`]'s HTML: `\0` cannot come
/// from the Markdown, which pulldown-cmark and `load` never pass it through
/// (CommonMark replaces it with U+FFFD), so a mark is never confused with
/// the author's text.
pub const LINK_MARK: char = '\0';

/// A page's Markdown, parsed (see `parse::markdown`).
#[derive(Debug, Default, Clone, Serialize)]
pub struct Document {
    /// HTML before the first `##` heading. Links to other pages hold
    /// [`LINK_MARK`]-delimited numbers into [`Document::links`] in place of
    /// their URL, which depends on the reader's language (see
    /// `assemble::links`).
    pub intro: String,
    /// The introduction as plain text, for the search index.
    #[serde(skip)]
    pub intro_text: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// Every `id` a link may point at: headings and footnotes.
    #[serde(skip)]
    pub anchors: BTreeSet<String>,
    #[serde(skip)]
    pub links: Vec<LinkRef>,
    /// Links and images to files beside the page (`figures/map.png`), for
    /// `signpost check`.
    #[serde(skip)]
    pub files: Vec<FileRef>,
    /// Images by site path (`/assets/map.png`, from `![](…)` or `<img src>`),
    /// relative to the output root: checked by build and check alike.
    #[serde(skip)]
    pub site_images: Vec<FileRef>,
}

/// A link or image to a file that is not a page.
#[derive(Debug, Clone)]
pub struct FileRef {
    /// Inside the page's language folder (`guidance/figures/map.png`).
    pub path: String,
    pub dest: String,
    pub position: (usize, usize),
    /// An image (`![](…)`, `<img src>`): a missing one is an error in
    /// `build` too, not only in `check`.
    pub image: bool,
}

/// A `##` section: its heading and what follows up to the next `##`.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    /// Heading as HTML (it may hold emphasis or code).
    pub title: String,
    /// Heading as plain text.
    pub title_text: String,
    /// HTML, with link marks as in [`Document::intro`].
    pub body: String,
    /// The body as plain text, for the search index: taken from the
    /// Markdown events while parsing, not from the HTML. Shared with the
    /// section's search document rather than copied into it: on a large
    /// site the text of every page is a good part of the build's memory.
    #[serde(skip)]
    pub text: std::sync::Arc<str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    pub id: String,
    pub number: usize,
    pub html: String,
}

/// A link from this page to a content page or an anchor.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// `None` for `#anchor` on the same page.
    pub target: Option<PageKey>,
    pub anchor: Option<String>,
    /// As written, for messages.
    pub dest: String,
    /// Line and column of the link in the file.
    pub position: (usize, usize),
}

/// What the translation status needs of a page file, drafts included:
/// recorded while parsing, so that nothing reads or parses a page twice.
#[derive(Debug, Clone)]
pub struct PageFacts {
    pub lang: Lang,
    /// The file's path inside its language folder (`guidance/a.md`).
    pub rel: String,
    /// Hash of its translatable text (`translation::source::page`).
    pub hash: String,
    /// The source hash a translation records, if any.
    pub recorded: Option<String>,
    pub draft: bool,
    /// The Markdown body, for counting translated segments.
    pub body: String,
    /// Segments of the front matter: the title, and the summary and label
    /// where there are.
    pub header_segments: usize,
}

/// All pages, by language, then key.
#[derive(Debug, Default)]
pub struct Site {
    pub pages: BTreeMap<Lang, BTreeMap<PageKey, Page>>,
    /// Output paths of the files beside the pages (`fr/guidance/map.png`),
    /// which pages may link to.
    pub files: BTreeSet<String>,
}

impl Site {
    pub fn page(&self, lang: &Lang, key: &PageKey) -> Option<&Page> {
        self.pages.get(lang)?.get(key)
    }

    /// The version a reader of `lang` sees: the translation if there is one,
    /// else the default language's text (shown with a notice).
    pub fn page_for(&self, lang: &Lang, default: &Lang, key: &PageKey) -> Option<(&Page, bool)> {
        if let Some(page) = self.page(lang, key) {
            return Some((page, false));
        }
        self.page(default, key).map(|page| (page, true))
    }

    /// Every key built in `lang`'s site: its own pages plus the default
    /// language's, in key order.
    pub fn keys_for(&self, lang: &Lang, default: &Lang) -> Vec<&PageKey> {
        let mut keys: Vec<&PageKey> = self.pages.get(lang).into_iter().flat_map(|p| p.keys()).collect();
        if lang != default {
            keys.extend(self.pages.get(default).into_iter().flat_map(|p| p.keys()));
            keys.sort();
            keys.dedup();
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_right_to_left() {
        assert_eq!(Lang::new("ar").default_direction(), Direction::Rtl);
        assert_eq!(Lang::new("fa-IR").default_direction(), Direction::Rtl);
        assert_eq!(Lang::new("fr").default_direction(), Direction::Ltr);
    }

    #[test]
    fn parent_keys() {
        assert_eq!(PageKey::new("guidance/a").parent(), Some(PageKey::new("guidance")));
        assert_eq!(PageKey::new("about").parent(), Some(PageKey::new("")));
        assert_eq!(PageKey::new("").parent(), None);
    }

    #[test]
    fn keys_from_files() {
        assert_eq!(PageKey::from_file("_index.md"), Some((PageKey::new(""), true)));
        assert_eq!(PageKey::from_file("guidance/_index.md"), Some((PageKey::new("guidance"), true)));
        assert_eq!(PageKey::from_file("guidance/a.md"), Some((PageKey::new("guidance/a"), false)));
        assert_eq!(PageKey::from_file("a.png"), None);
    }
}
