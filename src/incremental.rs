//! Incremental builds: what `signpost build` can keep of the previous one.
//!
//! A build records, in `ROOT/.signpost/build.json` ([`RECORD_FILE`]), a hash
//! of everything but the page files (the binary, the options, the
//! configuration, theme, templates, strings, static files, the catalogue
//! and the files beside pages: [`global_hash`]), a hash of what pages show
//! of each other ([`structure_hash`]: keys, files, front matter), the PDFs'
//! links with their sizes, and a hash of each page file. The next build
//! compares: when only the text of some pages changed, it starts from the
//! previous output (hard links into the staging folder, so the old site
//! stays whole until the new one is in place) and renders those pages,
//! their fallback copies, the print pages of their languages and the search
//! files and indexes of those languages again; the PDFs and downloads are
//! made again as always, and when the PDFs' links changed (an edit to a
//! page they hold) every page is rendered again into that folder. Any
//! doubt (no record, another binary, a changed template, a page added,
//! removed or retitled) means a full build, and a build without the cache
//! removes the record, since what it writes is not what the record says.
//! The output folder is taken to be the one the last build wrote, as Hugo
//! and Zola take it; `--no-cache` builds everything.
//!
//! Load, parse, validate and assemble still run on the whole site, so a
//! change is checked against every page exactly as in a full build: on a
//! large site they are most of what an incremental build costs
//! (`bench/results.md`).
//!
//! Hashes are std's SipHash (`DefaultHasher`, fixed keys): fast, and tied to
//! the binary that the record names, so a change of hasher between Rust
//! versions is a change of binary and a full build.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::load::{AssetSource, SourceFile, Sources};
use crate::model::{Lang, PageKey, Site};
use crate::render::PdfLinks;

/// The record of the last build, below the site's folder (git-ignored).
pub const RECORD_FILE: &str = ".signpost/build.json";

/// What a build leaves for the next one.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub binary: String,
    pub output: PathBuf,
    pub index_root: PathBuf,
    pub global: String,
    pub structure: String,
    /// Each page file (path below the site's folder) and its hash.
    pub pages: BTreeMap<String, String>,
    /// The links to the PDFs, sizes included: the templates may show them
    /// on any page, so when they change every page is rendered again.
    pub pdfs: String,
    /// HTML pages in the output, for the build summary.
    pub html_pages: usize,
}

/// The PDF links as [`Record::pdfs`] holds them.
pub fn pdfs_key(pdfs: &PdfLinks) -> String {
    format!("{pdfs:?}")
}

/// The pages to render again, by language, when only page text changed.
#[derive(Debug, Default)]
pub struct Plan {
    pub targets: BTreeMap<Lang, BTreeSet<PageKey>>,
    /// Every page is rendered and every language indexed again (into the
    /// previous output, whose files are the same set): the PDFs changed.
    pub everything: bool,
}

impl Plan {
    /// Languages whose pages, print page and search files change.
    pub fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.targets.keys()
    }

    pub fn page_count(&self) -> usize {
        self.targets.values().map(BTreeSet::len).sum()
    }
}

fn hex(hasher: &DefaultHasher) -> String {
    format!("{:016x}", hasher.finish())
}

/// Each page file's hash, by its path below the site's folder.
pub fn page_hashes(pages: &[SourceFile]) -> BTreeMap<String, String> {
    pages
        .par_iter()
        .map(|page| {
            let mut hasher = DefaultHasher::new();
            page.text.hash(&mut hasher);
            (page.path.to_string_lossy().replace('\\', "/"), hex(&hasher))
        })
        .collect()
}

/// The binary: its version, and its executable's size and modification
/// time (a rebuilt binary of the same version is another binary).
pub fn binary_identity() -> String {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let (len, modified) = exe.map_or((0, None), |m| (m.len(), m.modified().ok()));
    let nanos = modified.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    format!("{} {len} {nanos}", env!("CARGO_PKG_VERSION"))
}

/// Everything a build reads but the page files: the configuration as
/// loaded, `extra` (the options), the catalogue's text, every file copied
/// as it is (theme and site `static/`, files beside pages), and every file
/// of the theme's folder, `templates/`, `i18n/` and the configuration file.
/// The built-in theme is part of the binary. `None` if a file cannot be read.
pub fn global_hash(config: &Config, extra: &str, sources: &Sources) -> Option<String> {
    let mut hasher = DefaultHasher::new();
    extra.hash(&mut hasher);
    format!("{config:?}").hash(&mut hasher);
    for file in &sources.catalogue {
        (&file.path, &file.text).hash(&mut hasher);
    }
    let root = &config.root;
    let mut files: Vec<PathBuf> = vec![root.join(crate::config::CONFIG_FILE)];
    for folder in [config.theme_dir(), root.join("templates"), root.join("i18n")] {
        for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
                Ok(_) => {}
                Err(e) if e.io_error().is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound) => {}
                Err(_) => return None,
            }
        }
    }
    files.extend(sources.assets.iter().filter_map(|asset| match &asset.source {
        AssetSource::File(path) => Some(path.clone()),
        AssetSource::BuiltIn(_) => None,
    }));
    let targets: Vec<&Path> = sources.assets.iter().map(|a| a.target.as_path()).collect();
    targets.hash(&mut hasher);
    let hashes: Vec<Option<u64>> = files
        .par_iter()
        .map(|path| {
            let mut hasher = DefaultHasher::new();
            path.hash(&mut hasher);
            match std::fs::read(path) {
                Ok(bytes) => bytes.hash(&mut hasher),
                // A missing configuration file is part of the state.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => "missing".hash(&mut hasher),
                Err(_) => return None,
            }
            Some(hasher.finish())
        })
        .collect();
    for hash in hashes {
        hash?.hash(&mut hasher);
    }
    Some(hex(&hasher))
}

/// What a page's output may show of other pages: every page's language,
/// key, kind, file and front matter, and the files beside pages. The text
/// of pages is left out: it shows only on the page itself, its fallback
/// copies, the print page, the PDF, the downloads and the search files.
/// (The PDFs' sizes show on other pages too: see [`Record::pdfs`].)
pub fn structure_hash(site: &Site) -> String {
    let mut hasher = DefaultHasher::new();
    for (lang, pages) in &site.pages {
        lang.hash(&mut hasher);
        for (key, page) in pages {
            key.hash(&mut hasher);
            page.is_section.hash(&mut hasher);
            page.source.hash(&mut hasher);
            format!("{:?}", page.front).hash(&mut hasher);
        }
    }
    site.files.hash(&mut hasher);
    hex(&hasher)
}

/// Where the record of a site's last build is.
pub fn record_path(root: &Path) -> PathBuf {
    root.join(RECORD_FILE)
}

/// The record of the last build, if there is a readable one.
pub fn read(root: &Path) -> Option<Record> {
    let text = std::fs::read_to_string(record_path(root)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Removes the record: the output is about to change in a way it does not
/// describe (a build without the cache, `serve`'s in-place updates).
pub fn forget(root: &Path) -> std::io::Result<()> {
    crate::write::remove_if_present(&record_path(root))
}

/// Writes the record after a build committed.
pub fn remember(root: &Path, record: &Record) -> std::io::Result<()> {
    let path = record_path(root);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let text = serde_json::to_string(record).map_err(std::io::Error::other)?;
    crate::write::atomic(&path, text.as_bytes())
}

/// What to render again, if the previous build can be kept: the same
/// binary, options, global inputs and structure, an output and indexes
/// still in place; then the pages whose files changed.
pub fn plan(config: &Config, site: &Site, previous: &Record, current: &Record) -> Option<Plan> {
    let same = previous.binary == current.binary
        && previous.output == current.output
        && previous.index_root == current.index_root
        && previous.global == current.global
        && previous.structure == current.structure;
    let in_place = current.output.is_dir()
        && config.langs().all(|lang| crate::index::lang_dir(&current.index_root, lang).is_dir());
    if !same || !in_place || previous.pages.keys().ne(current.pages.keys()) {
        return None;
    }
    let changed: Vec<(Lang, PageKey)> = site
        .pages
        .iter()
        .flat_map(|(lang, pages)| pages.iter().map(move |(key, page)| (lang, key, page)))
        .filter(|(_, _, page)| {
            let path = page.source.to_string_lossy().replace('\\', "/");
            previous.pages.get(&path) != current.pages.get(&path)
        })
        .map(|(lang, key, _)| (lang.clone(), key.clone()))
        .collect();
    Some(Plan { targets: targets(config, site, &changed), everything: false })
}

/// The pages showing the text of `changed`: each page, and where it is in
/// the default language, its fallback copies in languages that have no
/// translation of it.
pub fn targets(config: &Config, site: &Site, changed: &[(Lang, PageKey)]) -> BTreeMap<Lang, BTreeSet<PageKey>> {
    let mut targets: BTreeMap<Lang, BTreeSet<PageKey>> = BTreeMap::new();
    for (lang, key) in changed {
        targets.entry(lang.clone()).or_default().insert(key.clone());
        if *lang == config.default_lang {
            for other in config.langs().filter(|l| site.page(l, key).is_none()) {
                targets.entry(other.clone()).or_default().insert(key.clone());
            }
        }
    }
    targets
}
