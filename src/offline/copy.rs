//! The offline copy: a zip of the staged pages of some languages that works
//! opened from disk, on any system.
//!
//! The pages are rendered once, for the web; the copy rewrites their links.
//! Every site-absolute URL in an attribute (`href="/fr/guide/"`, and the
//! JSON settings of the scripts, `&quot;/_search/fr/&quot;`) becomes
//! relative to the page, with folder links written `…/index.html`, since a
//! browser shows a folder's listing, not its `index.html`, on `file://`. A
//! URL of a file not in the copy (another language, a feed, the sitemap)
//! becomes absolute on `base_url`, so it still leads somewhere online.
//!
//! A page may not `fetch()` files beside it on `file://`, so the search
//! files of each language are packed into one script,
//! `_offline/<lang>.js`, which the search page loads before the theme's
//! `offline-fetch.js` answers the search script's requests from it. The
//! library's combined filters need a server: offline they fall back to
//! the pre-rendered listings (`library.js` stays idle on `file://`, and
//! the copy leaves its settings out of the pages).

use std::collections::HashSet;
use std::io::{self, Write as _};
use std::path::Path;

use base64::Engine as _;
use rayon::prelude::*;

use super::Files;
use crate::config::Config;
use crate::model::Lang;

/// The theme's script that serves `fetch()` from the packed search files.
pub const FETCH_SCRIPT: &str = "offline-fetch.js";

/// Files that are downloads themselves, never copied into another.
fn is_download(path: &str) -> bool {
    path.ends_with(".zip") || path.ends_with(".pdf")
}

/// Whether a staged file belongs in the copy of `langs`: their folders,
/// and the site-wide files at the top (styles, scripts, the language
/// chooser), without what only a server uses.
fn in_copy(path: &str, langs: &[&Lang]) -> bool {
    if is_download(path) {
        return false;
    }
    match path.split_once('/') {
        Some((first, _)) => langs.iter().any(|l| l.as_str() == first && path != crate::config::save_list_path(l)),
        // The service worker and the link preview image serve a site on a
        // server only: a copy on disk never uses them.
        None => {
            !matches!(path, "sitemap.xml" | "robots.txt" | "404.html" | "og-image.png" | crate::config::SAVE_SCRIPT)
        }
    }
}

/// The files `search.js` may read for `lang`: its search folder, without
/// the tantivy index that only `signpost search` opens (`index/`, see
/// [`crate::index::site`]).
pub fn search_files<'a>(files: &'a Files, lang: &Lang) -> Vec<&'a str> {
    let dir = format!("{}/", crate::index::search_dir(lang).to_string_lossy().replace('\\', "/"));
    let index = format!("{dir}index/");
    files.keys().filter(|p| p.starts_with(&dir) && !p.starts_with(&index)).map(String::as_str).collect()
}

/// `_offline/<lang>.js`.
fn data_script_path(lang: &Lang) -> String {
    format!("_offline/{lang}.js")
}

/// Writes `dest`, the zip of the copy of `langs`, its files in one folder
/// named after the site (and the language, for one language's copy). The
/// same site gives the same bytes: entries in path order, one fixed date.
///
/// Entries are read, rewritten and deflated a chunk at a time, straight
/// into the file: a large site's copy is never held in memory whole.
pub fn zip(
    config: &Config,
    dir: &Path,
    files: &Files,
    langs: &[&Lang],
    lang: Option<&Lang>,
    dest: &Path,
) -> io::Result<()> {
    let search: Vec<(&Lang, Vec<&str>)> = langs.iter().map(|&l| (l, search_files(files, l))).collect();
    let copied: Vec<&str> = files.keys().map(String::as_str).filter(|p| in_copy(p, langs)).collect();
    let known = Known::new(copied.iter().chain(search.iter().flat_map(|(_, paths)| paths.iter())).copied());
    let scripts: Vec<(String, &Lang, &[&str])> =
        search.iter().map(|(l, paths)| (data_script_path(l), *l, paths.as_slice())).collect();
    let mut names: Vec<&str> = copied.iter().copied().chain(scripts.iter().map(|(p, ..)| p.as_str())).collect();
    names.sort_unstable();
    let folder = match lang {
        Some(lang) => format!("{}-{lang}", config.slug()),
        None => config.slug(),
    };
    let entry = |name: &str| -> io::Result<Vec<u8>> {
        if let Some((_, lang, paths)) = scripts.iter().find(|(p, ..)| p == name) {
            return data_script(dir, lang, paths);
        }
        let bytes = std::fs::read(dir.join(name))?;
        Ok(match name.ends_with(".html") {
            true => page(config, &String::from_utf8_lossy(&bytes), name, &known).into_bytes(),
            false => bytes,
        })
    };
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut zip = Package::create(dest, &folder)?;
    for chunk in names.chunks(64) {
        let entries = chunk.par_iter().map(|name| entry(name)).collect::<io::Result<Vec<Vec<u8>>>>()?;
        for (name, bytes) in chunk.iter().zip(entries) {
            zip.add(name, &bytes)?;
        }
    }
    zip.finish()
}

/// Paths in the copy, and every folder above them (`ar/`, `ar/guidance/`).
pub struct Known<'a> {
    files: HashSet<&'a str>,
    dirs: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    pub fn new(paths: impl Iterator<Item = &'a str>) -> Self {
        let mut known = Known { files: HashSet::new(), dirs: HashSet::new() };
        for path in paths {
            known.files.insert(path);
            for (i, _) in path.match_indices('/') {
                known.dirs.insert(&path[..=i]);
            }
        }
        known
    }

    /// The file or folder the copy holds for a site path (without
    /// `base_path`): folders as their `index.html` where there is one.
    fn local(&self, path: &str) -> Option<String> {
        if path.is_empty() || path.ends_with('/') {
            let index = format!("{path}index.html");
            if self.files.contains(index.as_str()) {
                return Some(index);
            }
            return self.dirs.contains(path).then(|| path.to_string());
        }
        if self.files.contains(path) {
            return Some(path.to_string());
        }
        let index = format!("{path}/index.html");
        self.files.contains(index.as_str()).then_some(index)
    }
}

/// One page of the copy, at `from` (`ar/guidance/x/index.html`): its
/// site-absolute URLs made relative, and, where the page searches, the
/// scripts that give `search.js` its files without `fetch()`.
pub fn page(config: &Config, html: &str, from: &str, known: &Known) -> String {
    let up = "../".repeat(from.matches('/').count());
    let mut html = relative(config, &without_library_settings(html), &up, known);
    let lang = from.split_once('/').map(|(lang, _)| lang);
    if let (Some(lang), true) = (lang, html.contains(" data-search=\"")) {
        let scripts = format!(
            "<script src=\"{up}{FETCH_SCRIPT}\" data-base=\"{}\"></script>\n<script src=\"{up}{}\"></script>\n",
            config.base_path,
            data_script_path(&Lang::new(lang))
        );
        if let Some(i) = html.find("</head>") {
            html.insert_str(i, &scripts);
        }
    }
    html
}

/// `html` without the settings of `library.js`, which stays idle on
/// `file://` (its filters need a server): about 1.5 KB of every listing.
fn without_library_settings(html: &str) -> std::borrow::Cow<'_, str> {
    const ATTRIBUTE: &str = " data-library=\"";
    let Some(start) = html.find(ATTRIBUTE) else { return html.into() };
    let Some(len) = html[start + ATTRIBUTE.len()..].find('"') else { return html.into() };
    let end = start + ATTRIBUTE.len() + len + 1;
    format!("{}{}", &html[..start], &html[end..]).into()
}

/// `html` with each site-absolute URL in an attribute, or in JSON inside
/// one, replaced: relative (`up` leads to the site's top) when the copy
/// holds it, else absolute on `base_url`.
fn relative(config: &Config, html: &str, up: &str, known: &Known) -> String {
    let base = config.base_path.as_str();
    // How a URL opens and closes: an attribute value, or a JSON string in
    // an attribute value.
    let quotes = [(format!("=\"{base}"), "\""), (format!("&quot;{base}"), "&quot;")];
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    loop {
        let next = quotes
            .iter()
            .filter_map(|(open, close)| rest.find(open.as_str()).map(|i| (i, open.len() - base.len(), *close)))
            .min_by_key(|(i, ..)| *i);
        let Some((i, open_len, close)) = next else { break };
        let start = i + open_len;
        let Some(len) = rest[start..].find(close) else { break };
        let url = &rest[start..start + len];
        out.push_str(&rest[..start]);
        match url[base.len()..].starts_with('/') {
            // `//host/…`: not a path of this site.
            true => out.push_str(url),
            false => out.push_str(&resolve(config, &url[base.len()..], up, known)),
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// A site path (after `base_path`, with its query and fragment) as the
/// copy links it.
fn resolve(config: &Config, url: &str, up: &str, known: &Known) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (path, tail) = url.split_at(end);
    match known.local(path) {
        Some(local) => format!("{up}{local}{tail}"),
        None => format!("{}{url}", config.base_url),
    }
}

/// The search files of `lang` as one script: JSON files as text, the
/// others in base64, by site path, handed to `offline-fetch.js`.
fn data_script(dir: &Path, lang: &Lang, paths: &[&str]) -> io::Result<Vec<u8>> {
    let mut files = serde_json::Map::new();
    for &path in paths {
        let bytes = std::fs::read(dir.join(path))?;
        let value = match path.ends_with(".json") {
            true => String::from_utf8(bytes).map(serde_json::Value::String).unwrap_or_else(|e| base64(e.as_bytes())),
            false => base64(&bytes),
        };
        files.insert(path.to_string(), value);
    }
    let json = serde_json::to_string(&files).map_err(io::Error::other)?;
    Ok(format!(
        "// The search files of `{lang}`, for a copy of the site opened from disk, where a page\n\
         // may not fetch() them: generated by signpost, read by {FETCH_SCRIPT}.\n\
         signpostOfflineFiles({json});\n"
    )
    .into_bytes())
}

/// Binary content: `["<base64>"]`, told apart from text by the array.
fn base64(bytes: &[u8]) -> serde_json::Value {
    serde_json::Value::Array(vec![base64::engine::general_purpose::STANDARD.encode(bytes).into()])
}

/// A zip file being written: entries (in the order added) below
/// `folder/`, deflated, every entry dated 1980-01-01 (the zip format's first
/// day) so that two builds give the same bytes.
struct Package {
    writer: zip::ZipWriter<io::BufWriter<std::fs::File>>,
    folder: String,
    options: zip::write::SimpleFileOptions,
}

impl Package {
    fn create(dest: &Path, folder: &str) -> io::Result<Package> {
        let file = io::BufWriter::new(std::fs::File::create(dest)?);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        Ok(Package { writer: zip::ZipWriter::new(file), folder: folder.to_string(), options })
    }

    fn add(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        self.writer.start_file(format!("{}/{name}", self.folder), self.options).map_err(io::Error::other)?;
        self.writer.write_all(bytes)
    }

    fn finish(self) -> io::Result<()> {
        self.writer.finish().map_err(io::Error::other)?.into_inner().map(drop).map_err(|e| e.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_relative_or_online() {
        let dir = tempfile::tempdir().unwrap();
        let yaml =
            "title: T\nbase_url: https://example.org/kb/\ndefault_language: en\nlanguages:\n  - {code: en, name: E}\n";
        std::fs::write(dir.path().join("signpost.yaml"), yaml).unwrap();
        let config = crate::config::load(dir.path(), None).unwrap();
        let known = Known::new(["style.css", "en/index.html", "en/a/index.html", "_search/en/meta.json"].into_iter());
        let html = concat!(
            r#"<head><link href="/kb/style.css"></head><a href="/kb/en/">h</a> <a href="/kb/en/a/#how">a</a> "#,
            r#"<a href="/kb/fr/?x=1">fr</a> <a href="//cdn.example/x">c</a> <a href="/other/">o</a> "#,
            r#"<div data-search="{&quot;data&quot;:&quot;/kb/_search/en/&quot;}"></div>"#,
        );
        let out = page(&config, html, "en/a/index.html", &known);
        let expected = concat!(
            r#"<head><link href="../../style.css">"#,
            r#"<script src="../../offline-fetch.js" data-base="/kb/"></script>"#,
            "\n",
            r#"<script src="../../_offline/en.js"></script>"#,
            "\n",
            r#"</head><a href="../../en/index.html">h</a> <a href="../../en/a/index.html#how">a</a> "#,
            r#"<a href="https://example.org/kb/fr/?x=1">fr</a> <a href="//cdn.example/x">c</a> <a href="/other/">o</a> "#,
            r#"<div data-search="{&quot;data&quot;:&quot;../../_search/en/&quot;}"></div>"#,
        );
        assert_eq!(out, expected);
    }
}
