//! Stage 1, load: find the site's files with walkdir and read them. Reports
//! files that cannot be part of the site (invalid UTF-8, undeclared language
//! folders, symbolic links leading outside the site) and goes on.
//!
//! Takes the [`Config`]; hands on [`Sources`]: each page's text, the
//! catalogue's YAML files and the files to copy as they are.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Lang, PageKey};

/// Folders nested deeper than this are reported, not followed.
const MAX_DEPTH: usize = 32;

/// A Markdown file, read and decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root.
    pub path: PathBuf,
    pub lang: Lang,
    pub key: PageKey,
    pub is_section: bool,
    /// UTF-8, byte-order mark removed, line endings `\n`.
    pub text: String,
}

/// A file copied as it is into the output (images, PDFs, CSS).
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: AssetSource,
    /// Relative to the output folder.
    pub target: PathBuf,
}

/// Where an asset's bytes come from.
#[derive(Debug, Clone)]
pub enum AssetSource {
    File(PathBuf),
    /// A file of the built-in theme ([`crate::theme`]).
    BuiltIn(&'static [u8]),
}

/// The folder of the resource catalogue, beside the language folders.
pub const CATALOGUE_DIR: &str = "catalogue";

/// A YAML file of the resource catalogue.
#[derive(Debug)]
pub struct CatalogueFile {
    /// Relative to the site root (`content/catalogue/resources.yaml`).
    pub path: PathBuf,
    /// Relative to the catalogue folder, forward slashes.
    pub name: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Sources {
    pub pages: Vec<SourceFile>,
    pub catalogue: Vec<CatalogueFile>,
    pub assets: Vec<Asset>,
}

/// Everything under `content/` plus the theme's (built-in, then the site's
/// `themes/<theme>/`) and the site's `static/`.
pub fn discover(config: &Config) -> (Sources, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut sources = Sources::default();
    let content = config.content_dir();
    let root = canonical_root(&config.root);

    let entries = match std::fs::read_dir(&content) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(Diagnostic::error("content", (1, 1), format!("cannot read the content folder: {e}")));
            return (sources, diags);
        }
    };
    let mut top: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    top.sort();
    for dir in top {
        let name = file_name(&dir);
        let rel = relative(&config.root, &dir);
        if name.starts_with('.') {
            continue;
        }
        if !dir.is_dir() {
            if name.ends_with(".md") {
                diags.push(Diagnostic::error(
                    rel,
                    (1, 1),
                    "a page must be inside a language folder such as `content/en/`",
                ));
            }
            continue;
        }
        if name == CATALOGUE_DIR {
            collect_catalogue(config, &root, &dir, &mut sources, &mut diags);
            continue;
        }
        let lang = Lang::new(&name);
        if config.language(&lang).is_none() {
            diags.push(Diagnostic::error(
                rel,
                (1, 1),
                format!("folder `{name}` is not a language declared in signpost.yaml"),
            ));
            continue;
        }
        walk_language(config, &root, &dir, &lang, &mut sources, &mut diags);
    }

    // Site files override the theme's: copy the theme's first.
    for (name, bytes) in crate::theme::built_in_files() {
        if let Some(inner) = name.strip_prefix("static/") {
            sources.assets.push(Asset { source: AssetSource::BuiltIn(bytes), target: PathBuf::from(inner) });
        }
    }
    for static_dir in [config.theme_dir().join("static"), config.root.join("static")] {
        if static_dir.is_dir() {
            collect_static(config, &root, &static_dir, &mut sources, &mut diags);
        }
    }
    (sources, diags)
}

fn walk_language(
    config: &Config,
    root: &Path,
    dir: &Path,
    lang: &Lang,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) {
    let mut pages = Vec::new();
    for (path, inner) in walk(config, root, dir, diags) {
        match PageKey::from_file(&inner) {
            Some((key, _))
                if key.as_str().split('/').any(|s| s == "." || s == ".." || s.is_empty()) && !key.is_home() =>
            {
                let rel = relative(&config.root, &path);
                let taken = key_of_dots(&key);
                let other =
                    if taken.is_home() { "_index.md".to_string() } else { format!("{}/_index.md", taken.as_str()) };
                diags.push(Diagnostic::error(
                    rel,
                    (1, 1),
                    format!(
                        "this file name gives no URL of its own: it would be {}, the URL of {}: rename the file",
                        config.page_url(lang, &taken),
                        Path::new("content").join(lang.as_str()).join(other).display()
                    ),
                ));
            }
            Some((key, is_section)) => pages.push((relative(&config.root, &path), key, is_section)),
            None => sources
                .assets
                .push(Asset { source: AssetSource::File(path), target: Path::new(lang.as_str()).join(&inner) }),
        }
    }
    // Reading is a third of a large build when done one file at a time.
    let read: Vec<Result<SourceFile, Diagnostic>> = pages
        .into_par_iter()
        .map(|(path, key, is_section)| {
            let text = read_text(&config.root, &path)?;
            Ok(SourceFile { path, lang: lang.clone(), key, is_section, text })
        })
        .collect();
    for result in read {
        match result {
            Ok(page) => sources.pages.push(page),
            Err(d) => diags.push(d),
        }
    }
}

fn collect_catalogue(config: &Config, root: &Path, dir: &Path, sources: &mut Sources, diags: &mut Diagnostics) {
    for (path, name) in walk(config, root, dir, diags) {
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        let rel = relative(&config.root, &path);
        match read_text(&config.root, &rel) {
            Ok(text) => sources.catalogue.push(CatalogueFile { path: rel, name, text }),
            Err(d) => diags.push(d),
        }
    }
}

fn collect_static(config: &Config, root: &Path, dir: &Path, sources: &mut Sources, diags: &mut Diagnostics) {
    for (path, inner) in walk(config, root, dir, diags) {
        sources.assets.push(Asset { source: AssetSource::File(path), target: PathBuf::from(inner) });
    }
}

/// The files below `dir` in name order, each with its path relative to
/// `dir` (forward slashes). Hidden files are skipped; symbolic links are
/// followed only when they stay inside the site.
fn walk(config: &Config, root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let walker = WalkDir::new(dir).follow_links(false).max_depth(MAX_DEPTH).sort_by_file_name().into_iter();
    // Hidden files are skipped, but not `..md`: a page an author meant to
    // publish, which must be reported rather than vanish.
    let hidden = |name: &str| name.starts_with('.') && !name.strip_suffix(".md").is_some_and(is_dots);
    for entry in walker.filter_entry(|e| e.depth() == 0 || !hidden(&e.file_name().to_string_lossy())) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(|p| relative(&config.root, p)).unwrap_or_default();
                diags.push(Diagnostic::error(
                    path,
                    (1, 1),
                    format!("cannot read: {}", e.io_error().map_or(e.to_string(), |io| io.to_string())),
                ));
                continue;
            }
        };
        let path = entry.path();
        let rel = relative(&config.root, path);
        if entry.depth() == MAX_DEPTH && entry.file_type().is_dir() {
            diags.push(Diagnostic::error(
                rel,
                (1, 1),
                format!("folders nested more than {MAX_DEPTH} deep are not read"),
            ));
            continue;
        }
        let is_file = if entry.path_is_symlink() {
            match std::fs::canonicalize(path) {
                Ok(target) if target.starts_with(root) => target.is_file(),
                Ok(_) => {
                    diags.push(Diagnostic::error(rel, (1, 1), "symbolic link leads outside the site"));
                    continue;
                }
                Err(e) => {
                    diags.push(Diagnostic::error(rel, (1, 1), format!("broken symbolic link: {e}")));
                    continue;
                }
            }
        } else {
            entry.file_type().is_file()
        };
        if is_file {
            let inner = path.strip_prefix(dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
            files.push((path.to_path_buf(), inner));
        }
    }
    files
}

/// Reads a text file of the site (path relative to the root).
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    match std::fs::read(root.join(rel)) {
        Ok(bytes) => crate::diag::decode(rel, bytes),
        Err(e) => Err(Diagnostic::error(rel, (1, 1), format!("cannot read: {e}"))),
    }
}

fn is_dots(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b == b'.')
}

/// The key a browser would reach for a key with `.` or `..` segments
/// (`guide/.` is `guide`): the page it would collide with.
fn key_of_dots(key: &PageKey) -> PageKey {
    let mut parts: Vec<&str> = Vec::new();
    for part in key.as_str().split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    PageKey::new(parts.join("/"))
}

fn canonical_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// `path` relative to the site root, for diagnostics.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_bom_and_crlf() {
        let text = crate::diag::decode(Path::new("a.md"), b"\xef\xbb\xbfa\r\nb\r\n".to_vec()).unwrap();
        assert_eq!(text, "a\nb\n");
    }

    #[test]
    fn control_characters_are_located() {
        let d = crate::diag::decode(Path::new("a.md"), b"ok\tfine\nab\0c\x07".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (2, 3));
        assert!(d.message.contains("U+0000") && d.message.contains("1 more"), "{}", d.message);
        assert_eq!(
            crate::diag::decode(Path::new("a.md"), b"tab\tcr\r\nlf\ncr\r".to_vec()).unwrap(),
            "tab\tcr\nlf\ncr\n"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let d = crate::diag::decode(Path::new("a.md"), b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (2, 3));
    }
}
