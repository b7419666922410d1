//! Stage 5, index: a tantivy index per language, written outside the
//! published folder (`ROOT/.signpost/index/<lang>/` by default, see
//! [`lang_dir`]: browsers never read it), and the packed files the browser
//! reads (`OUT/_search/<lang>/...`, see [`export`]).
//!
//! Documents are the sections of every page a reader of the language can
//! open (fallbacks included, under their default-language text), so a
//! result can lead straight to `#how`, and every resource of the library.
//! They come ready-made from [`crate::assemble::search`]: this stage takes
//! them and hands on files.

pub mod analysis;
pub mod documents;
pub mod export;
pub mod pack;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::schema::{Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::assemble::Assembled;
pub use crate::assemble::search::FACET_FIELDS;
use crate::assemble::search::SearchDoc;
use crate::config::Config;
pub use crate::config::search_dir;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Catalogue, Lang, Site};

/// Where the tantivy indexes go unless `--index-dir` says otherwise, below
/// the site's folder (git-ignored: it is rebuilt by every build).
pub const DEFAULT_INDEX_DIR: &str = ".signpost/index";

/// The folder holding every language's tantivy index.
pub fn index_root(root: &Path, index_dir: Option<&Path>) -> PathBuf {
    index_dir.map_or_else(|| root.join(DEFAULT_INDEX_DIR), Path::to_path_buf)
}

/// The tantivy index of one language below [`index_root`]: the one place
/// that knows the layout (`signpost search`, `serve` and the build use it).
pub fn lang_dir(index_root: &Path, lang: &Lang) -> PathBuf {
    index_root.join(lang.as_str())
}

/// A fresh folder beside `index_root` to build the indexes in; moved into
/// place by [`commit_indexes`] once the site itself is in place, so that a
/// failed build leaves the previous indexes as they were.
pub fn staging_dir(index_root: &Path) -> std::io::Result<PathBuf> {
    let name = index_root.file_name().map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    let parent = index_root.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Swaps the staged indexes in: old folder aside, new one in, old removed.
pub fn commit_indexes(staging: &Path, index_root: &Path) -> std::io::Result<()> {
    let old = staging.with_extension("old");
    let had = index_root.exists();
    if had {
        std::fs::rename(index_root, &old)?;
    }
    if let Err(e) = std::fs::rename(staging, index_root) {
        if had {
            let _ = std::fs::rename(&old, index_root);
        }
        return Err(e);
    }
    if had {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(())
}

/// The scored text fields, in the order the browser stores them, with their
/// weight in the score: a word in a title counts three times, in a section
/// heading twice.
pub const TEXT_FIELDS: [(&str, f32); 3] = [("title", 3.0), ("section", 2.0), ("body", 1.0)];

/// The fields of the index schema.
pub struct Fields {
    pub url: Field,
    pub text: [Field; 3],
    pub facets: [Field; 4],
}

pub fn schema(lang: &Lang) -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(&analysis::analyzer_name(lang))
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    // Nothing is stored: the text of results is in the browser's files
    // (`docs/`), which `signpost search` reads too.
    let text = TextOptions::default().set_indexing_options(indexing);
    let url = builder.add_text_field("url", STRING);
    let text = TEXT_FIELDS.map(|(name, _)| builder.add_text_field(name, text.clone()));
    let facets = FACET_FIELDS.map(|name| builder.add_text_field(name, STRING));
    (builder.build(), Fields { url, text, facets })
}

/// Builds the index of every language into `indexes` (a folder from
/// [`staging_dir`]) and exports it into the staged output `out`.
pub fn site(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    assembled: &Assembled,
    indexes: &Path,
    out: &Path,
) -> Diagnostics {
    languages(config, site, catalogue, assembled, &config.langs().collect::<Vec<_>>(), indexes, out)
}

/// [`site`] for some languages only: an incremental build indexes again
/// only the languages whose pages changed.
pub fn languages(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    assembled: &Assembled,
    langs: &[&Lang],
    indexes: &Path,
    out: &Path,
) -> Diagnostics {
    langs
        .par_iter()
        .filter_map(|lang| {
            let docs = assembled.search_documents(config, site, catalogue, lang);
            let labels = export::facet_labels(config, site, catalogue, lang);
            language(lang, &docs, &labels, &lang_dir(indexes, lang), &out.join(search_dir(lang))).err()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

fn language(
    lang: &Lang,
    docs: &[SearchDoc],
    labels: &[Vec<(String, String)>],
    index_dir: &Path,
    dir: &Path,
) -> Result<(), Diagnostic> {
    let fail = |e: &dyn std::fmt::Display| {
        Diagnostic::error(search_dir(lang), (1, 1), format!("cannot build the search index: {e}"))
    };
    // The documents' own files do not wait for the index.
    let (documents, lexicon) = rayon::join(
        || documents::write_documents(docs, labels, dir).map_err(|e| fail(&e)),
        || build_index(lang, docs, index_dir).map_err(|e| fail(&e)),
    );
    export::write(lang, labels, &documents?, &lexicon?, index_dir, dir).map_err(|e| fail(&e))
}

/// The tantivy index of `docs`, in one segment with a fixed name; returns
/// every word the analyser met, with its stem.
fn build_index(lang: &Lang, docs: &[SearchDoc], index_dir: &Path) -> tantivy::Result<HashMap<String, String>> {
    std::fs::create_dir_all(index_dir)?;
    let (schema, fields) = schema(lang);
    let index = Index::create_in_dir(index_dir, schema)?;
    let lexicon = analysis::Lexicon::default();
    index.tokenizers().register(&analysis::analyzer_name(lang), analysis::recording_analyzer(lang, lexicon.clone()));
    // One thread and a budget large enough for one segment: documents keep
    // their order, which the browser's data and tie-breaks rely on.
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 1_500_000_000)?;
    for doc in docs {
        let mut document = TantivyDocument::default();
        document.add_text(fields.url, &doc.url);
        for (field, text) in fields.text.iter().zip([doc.title.as_str(), doc.section.as_str(), &doc.body]) {
            document.add_text(*field, text);
        }
        // Alternative titles and synonyms count as the title does.
        if !doc.also.is_empty() {
            document.add_text(fields.text[0], &doc.also);
        }
        for (field, values) in fields.facets.iter().zip(&doc.facets) {
            for value in values {
                document.add_text(*field, value);
            }
        }
        writer.add_document(document)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    make_deterministic(index_dir)?;
    Ok(std::mem::take(&mut lexicon.lock().unwrap_or_else(|e| e.into_inner()).surfaces))
}

/// tantivy names segments with random UUIDs; two builds of the same site
/// must be byte-identical, so the one segment gets a fixed name.
fn make_deterministic(dir: &Path) -> std::io::Result<()> {
    const FIXED: &str = "00000000000000000000000000000001";
    let meta_path = dir.join("meta.json");
    let meta = std::fs::read_to_string(&meta_path)?;
    let value: serde_json::Value = serde_json::from_str(&meta).map_err(std::io::Error::other)?;
    let segments = value["segments"].as_array().cloned().unwrap_or_default();
    if segments.len() != 1 {
        return Err(std::io::Error::other(format!("expected one segment, found {}", segments.len())));
    }
    let id = segments[0]["segment_id"].as_str().unwrap_or_default().to_string();
    let simple = id.replace('-', "");
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with(&simple) {
            std::fs::rename(&path, dir.join(name.replacen(&simple, FIXED, 1)))?;
        } else if name.ends_with(".lock") {
            std::fs::remove_file(&path)?;
        }
    }
    let fixed_id = format!("{}-{}-{}-{}-{}", &FIXED[..8], &FIXED[8..12], &FIXED[12..16], &FIXED[16..20], &FIXED[20..]);
    std::fs::write(&meta_path, meta.replace(&id, &fixed_id))?;
    // tantivy lists its files from a hash set: sort them.
    let managed = dir.join(".managed.json");
    if let Ok(text) = std::fs::read_to_string(&managed) {
        let mut files: Vec<String> =
            serde_json::from_str(&text.replace(&simple, FIXED)).map_err(std::io::Error::other)?;
        files.sort();
        std::fs::write(&managed, serde_json::to_string(&files).map_err(std::io::Error::other)?)?;
    }
    Ok(())
}
