//! Site configuration: `RawConfig` is what the author wrote in
//! `signpost.yaml`; `Config` is what the stages use, with defaults filled in,
//! text direction derived and every reference checked.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use raw::RawConfig;

mod raw;
use crate::model::{Direction, Lang, PageKey};

/// The folder of each language where the translation status page goes,
/// when the site publishes one.
pub const STATUS_DIR: &str = "translation-status";

/// The built-in theme's name: used without a `themes/<name>/` folder.
pub const DEFAULT_THEME: &str = "default";

/// The service worker of "Save for offline reading", a theme file at the
/// top of the site so that its scope covers every language and the search
/// files (`downloads.service_worker`).
pub const SAVE_SCRIPT: &str = "sw.js";

/// What the service worker saves for a language: `<lang>/offline.json`.
pub fn save_list_path(lang: &Lang) -> String {
    format!("{lang}/offline.json")
}

/// Where the search files of a language go, below the output folder.
pub fn search_dir(lang: &Lang) -> std::path::PathBuf {
    std::path::Path::new("_search").join(lang.as_str())
}

pub const CONFIG_FILE: &str = "signpost.yaml";

/// `downloads:` in `signpost.yaml`; every key is off unless written.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Downloads {
    /// `<lang>/<slug>-offline.zip` per language and `<slug>-offline.zip`
    /// for all: a copy that works opened from disk (`file://`).
    #[serde(default)]
    pub offline: bool,
    /// `<lang>/<slug>.pdf`: the toolkit (the `navigation` pages) as a PDF
    /// per language.
    #[serde(default)]
    pub pdf: bool,
    /// A "Save for offline reading" button on each toolkit home, with a
    /// service worker that caches that language's toolkit and search data.
    #[serde(default)]
    pub service_worker: bool,
}

/// What happens to HTML written in Markdown (`markdown.raw_html`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Published as written, scripts included: for sites whose every
    /// author and translator is trusted.
    Allow,
    /// Cleaned with ammonia ([`crate::sanitize`]): formatting stays,
    /// scripts, event handlers and `javascript:` links go.
    #[default]
    Sanitize,
    /// Shown as text.
    Escape,
}

/// The PDF's page size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// The name typst's `page(paper: ..)` knows it by.
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Language {
    pub lang: Lang,
    /// The language's name in itself ("Français", "العربية").
    pub name: String,
    pub direction: Direction,
    /// The site title in this language: its own, else the site's.
    pub title: String,
    /// The site description in this language: its own, else the site's.
    pub description: Option<String>,
    /// Whether `title` and `description` are the language's own (what the
    /// translation tools export as translated).
    pub own_title: bool,
    pub own_description: bool,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub output: PathBuf,
    pub title: String,
    pub description: Option<String>,
    /// Absolute, ends with `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/toolkit/`): every URL the site
    /// links to starts with it, so the site also works below a folder.
    pub base_path: String,
    pub default_lang: Lang,
    /// In the order written; the default language first.
    pub languages: Vec<Language>,
    pub theme: String,
    pub page_size: usize,
    pub navigation: Vec<NavEntry>,
    /// Whether to publish `/<lang>/translation-status/`.
    pub translation_status: bool,
    /// Where a page file can be edited online; `{path}` stands for the
    /// file's path from the site root (`content/fr/about.md`).
    pub edit_url: Option<String>,
    pub raw_html: RawHtml,
    pub downloads: Downloads,
    pub paper: Paper,
    /// The text of `signpost.yaml`, to place errors found by later stages.
    pub text: String,
}

/// One entry of the site navigation, as written and as a page key.
#[derive(Debug, Clone)]
pub struct NavEntry {
    pub file: String,
    pub key: PageKey,
}

impl Config {
    pub fn language(&self, lang: &Lang) -> Option<&Language> {
        self.languages.iter().find(|l| &l.lang == lang)
    }

    pub fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.languages.iter().map(|l| &l.lang)
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }

    /// Site-relative URL of a page in a language: `/fr/guidance/x/`. The
    /// one place where a file name becomes a URL: each segment is
    /// percent-encoded here (`%.md` is `/en/%25/`), once.
    pub fn page_url(&self, lang: &Lang, key: &PageKey) -> String {
        if key.is_home() {
            return format!("{}{}/", self.base_path, lang);
        }
        let mut url = format!("{}{}/", self.base_path, lang);
        for segment in key.as_str().split('/') {
            url.push_str(&crate::escape::url_segment(segment));
            url.push('/');
        }
        url
    }

    /// `<lang>/<slug>-offline.zip`, or `<slug>-offline.zip` with every
    /// language (`downloads.offline`, see `offline`).
    pub fn offline_zip_path(&self, lang: Option<&Lang>) -> String {
        match lang {
            Some(lang) => format!("{lang}/{}-offline.zip", self.slug()),
            None => format!("{}-offline.zip", self.slug()),
        }
    }

    /// The site title as a file name, ASCII only so that it survives every
    /// file system and zip tool: `mental-health-integration-toolkit`.
    pub fn slug(&self) -> String {
        let mut slug = String::new();
        for c in self.title.chars().map(|c| c.to_ascii_lowercase()) {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        if slug.is_empty() { "site".to_string() } else { slug.to_string() }
    }

    /// Absolute URL for sitemaps, canonical links and feeds.
    pub fn absolute(&self, site_url: &str) -> String {
        let path = site_url.strip_prefix(&self.base_path).unwrap_or(site_url.trim_start_matches('/'));
        format!("{}{}", self.base_url, path)
    }
}

/// Reads and resolves `ROOT/signpost.yaml`. Every problem is returned, each
/// with its position in the file.
pub fn load(root: &Path, output: Option<PathBuf>) -> Result<Config, Diagnostics> {
    let path = Path::new(CONFIG_FILE);
    let text = match std::fs::read(root.join(path)) {
        Ok(bytes) => match crate::diag::decode(path, bytes) {
            Ok(text) => text,
            Err(d) => return Err(std::iter::once(d).collect()),
        },
        Err(e) => {
            return Err(std::iter::once(Diagnostic::error(
                path,
                (1, 1),
                format!("cannot read the site configuration: {e}"),
            ))
            .collect());
        }
    };
    crate::yaml::guard::guard(path, &text, 1).map_err(|d| std::iter::once(d).collect::<Diagnostics>())?;
    let raw: RawConfig = serde_yaml::from_str(&text)
        .map_err(|e| std::iter::once(crate::yaml::guard::read_error(path, &text, &e, 1)).collect::<Diagnostics>())?;
    resolve(raw, &text, root, output)
}

fn resolve(raw: RawConfig, text: &str, root: &Path, output: Option<PathBuf>) -> Result<Config, Diagnostics> {
    let path = Path::new(CONFIG_FILE);
    // Each value where it is written, by its YAML path (not the first
    // place its text happens to occur).
    let positions = crate::yaml::positions::Positions::new(text.to_string());
    let at = |yaml_path: &str| positions.get(yaml_path);
    let mut diags = Diagnostics::new();

    // Checked here, not when the templates load, so that it is reported
    // with the configuration's other faults.
    let theme = raw.theme.clone().unwrap_or_else(|| DEFAULT_THEME.to_string());
    let theme_is_name = !theme.is_empty() && !theme.contains(['/', '\\']) && theme != "." && theme != "..";
    if !theme_is_name || (theme != DEFAULT_THEME && !root.join("themes").join(&theme).is_dir()) {
        diags.push(Diagnostic::error(
            path,
            at("theme"),
            format!(
                "theme `{theme}` not found: there is no folder themes/{theme} (the built-in theme is `{DEFAULT_THEME}`)"
            ),
        ));
    }

    let mut languages = Vec::new();
    for (i, raw_lang) in raw.languages.into_iter().enumerate() {
        let code_at = positions.get(&format!("languages[{i}].code"));
        let lang = Lang::new(raw_lang.code.trim());
        if !valid_lang_code(lang.as_str()) {
            diags.push(Diagnostic::error(
                path,
                code_at,
                format!("`{}` is not a language code (expected a BCP 47 tag such as `en` or `pt-BR`)", raw_lang.code),
            ));
            continue;
        }
        if languages.iter().any(|l: &Language| l.lang == lang) {
            diags.push(Diagnostic::error(path, code_at, format!("language `{lang}` is declared twice")));
            continue;
        }
        languages.push(Language {
            direction: raw_lang.direction.unwrap_or_else(|| lang.default_direction()),
            own_title: raw_lang.title.is_some(),
            own_description: raw_lang.description.is_some(),
            title: raw_lang.title.unwrap_or_else(|| raw.title.clone()),
            description: raw_lang.description.or_else(|| raw.description.clone()),
            lang,
            name: raw_lang.name,
        });
    }
    let default_lang = Lang::new(raw.default_language.trim());
    match languages.iter().position(|l| l.lang == default_lang) {
        Some(i) => languages[..=i].rotate_right(1),
        None => diags.push(Diagnostic::error(
            path,
            at("default_language"),
            format!("the default language `{default_lang}` is not in `languages`"),
        )),
    }

    let base_url = if raw.base_url.ends_with('/') { raw.base_url.clone() } else { format!("{}/", raw.base_url) };
    let base_path = match base_url.split_once("://") {
        Some((scheme, rest)) if !scheme.is_empty() && !rest.is_empty() => {
            rest.find('/').map_or("/".to_string(), |i| rest[i..].to_string())
        }
        _ => {
            diags.push(Diagnostic::error(
                path,
                at("base_url"),
                "`base_url` must be an absolute URL such as `https://example.org/`",
            ));
            "/".to_string()
        }
    };

    let page_size = raw.page_size.unwrap_or(10);
    if page_size == 0 {
        diags.push(Diagnostic::error(path, at("page_size"), "`page_size` must be at least 1"));
    }

    let mut navigation = Vec::new();
    for (i, entry) in raw.navigation.iter().enumerate() {
        match PageKey::from_file(entry) {
            Some((key, _)) => navigation.push(NavEntry { file: entry.clone(), key }),
            None => diags.push(Diagnostic::error(
                path,
                at(&format!("navigation[{i}]")),
                format!("navigation entry `{entry}` is not a content file such as `guidance/_index.md`"),
            )),
        }
    }

    if raw.edit_url.as_deref().is_some_and(|u| !u.contains("{path}")) {
        diags.push(Diagnostic::error(
            path,
            at("edit_url"),
            "`edit_url` must contain `{path}`, which stands for the page's file (such as `https://github.com/org/site/edit/main/{path}`)",
        ));
    }

    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Config {
        output: output.unwrap_or_else(|| root.join("public")),
        root: root.to_path_buf(),
        title: raw.title,
        description: raw.description,
        base_url,
        base_path,
        default_lang,
        languages,
        theme,
        page_size: page_size.max(1),
        navigation,
        translation_status: raw.translation_status,
        edit_url: raw.edit_url,
        raw_html: raw.markdown.raw_html,
        downloads: raw.downloads,
        paper: raw.pdf.paper.unwrap_or_default(),
        text: text.to_string(),
    })
}

fn valid_lang_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Position of the first occurrence of `needle` in a YAML file. serde_yaml
/// gives positions only for its own errors; for our checks on values we
/// point at where the value is written.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    match text.find(needle) {
        Some(offset) if !needle.is_empty() => LineIndex::new(text).position(text, offset),
        _ => (1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Result<Config, Diagnostics> {
        let raw: RawConfig = serde_yaml::from_str(yaml).unwrap();
        // The repository's root, which has the default theme.
        resolve(raw, yaml, Path::new(env!("CARGO_MANIFEST_DIR")), None)
    }

    #[test]
    fn default_language_first_and_arabic_rtl() {
        let c = config("title: T\nbase_url: https://example.org/kb\ndefault_language: fr\nlanguages:\n  - {code: ar, name: A}\n  - {code: fr, name: F}\n").unwrap();
        assert_eq!(c.languages[0].lang.as_str(), "fr");
        assert_eq!(c.languages[1].direction, Direction::Rtl);
        assert_eq!(c.base_path, "/kb/");
        assert_eq!(c.page_url(&Lang::new("fr"), &PageKey::new("a/b")), "/kb/fr/a/b/");
        assert_eq!(c.absolute("/kb/fr/"), "https://example.org/kb/fr/");
    }

    #[test]
    fn downloads_and_paper() {
        let base = "title: T\nbase_url: https://e.org/\ndefault_language: en\nlanguages:\n  - {code: en, name: E}\n";
        let c = config(base).unwrap();
        assert!(!c.downloads.pdf);
        assert_eq!(c.paper, Paper::A4);
        let c = config(&format!("{base}downloads:\n  pdf: true\npdf:\n  paper: letter\n")).unwrap();
        assert!(c.downloads.pdf);
        assert_eq!(c.paper, Paper::Letter);
        let e = serde_yaml::from_str::<RawConfig>(&format!("{base}pdf:\n  paper: a5\n")).unwrap_err();
        assert_eq!(e.location().map(|l| l.line()), Some(7));
        let e = serde_yaml::from_str::<RawConfig>(&format!("{base}downloads:\n  pfd: true\n")).unwrap_err();
        assert_eq!(e.location().map(|l| l.line()), Some(7));
    }

    #[test]
    fn bad_default_language_is_located() {
        let errors =
            config("title: T\nbase_url: https://e.org/\ndefault_language: de\nlanguages:\n  - {code: en, name: E}\n")
                .unwrap_err();
        let d = errors.into_sorted();
        assert_eq!((d[0].line, d[0].column), (3, 19));
    }
}
