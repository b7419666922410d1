//! Stage 5, index: a tantivy index per language, written outside the
//! published folder (`ROOT/.signpost/index/<lang>/` by default, see
//! [`lang_dir`]: browsers never read it), and the packed files the browser
//! reads (`OUT/_search/<lang>/...`, see [`export`]).
//!
//! Documents are the sections of every page a reader of the language can
//! open (fallbacks included, under their default-language text), so a
//! result can lead straight to `#how`, and every resource of the library.

pub mod analysis;
pub mod export;
pub mod pack;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::schema::{Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Catalogue, Lang, PageKey, Resource, Site};
use crate::render::library::{card, resource_url};

/// Where the search files of a language go, below the output folder.
pub fn search_dir(lang: &Lang) -> PathBuf {
    Path::new("_search").join(lang.as_str())
}

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

/// Filter fields.
pub const FACET_FIELDS: [&str; 4] = ["category", "audience", "language", "component"];

/// One searchable unit: a section of a page, or a resource.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    pub url: String,
    pub title: String,
    pub section: String,
    pub body: String,
    /// Per [`FACET_FIELDS`], the values.
    pub facets: [Vec<String>; 4],
}

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
pub fn site(config: &Config, site: &Site, catalogue: Option<&Catalogue>, indexes: &Path, out: &Path) -> Diagnostics {
    config
        .langs()
        .collect::<Vec<_>>()
        .par_iter()
        .filter_map(|lang| {
            let docs = documents(config, site, catalogue, lang);
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
        || export::write_documents(docs, labels, dir).map_err(|e| fail(&e)),
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
        for (field, text) in fields.text.iter().zip([&doc.title, &doc.section, &doc.body]) {
            document.add_text(*field, text);
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

/// Everything a reader of `lang` can find: resources first (their facet
/// bit sets then stay short), then each page's sections in key order.
///
/// Built in parallel (the text of every section is taken out of its HTML);
/// rayon keeps the order.
pub fn documents(config: &Config, site: &Site, catalogue: Option<&Catalogue>, lang: &Lang) -> Vec<SearchDoc> {
    let mut docs: Vec<SearchDoc> = match catalogue {
        Some(c) => c.resources.par_iter().map(|r| resource_document(config, c, lang, r)).collect(),
        None => Vec::new(),
    };
    let keys = site.keys_for(lang, &config.default_lang);
    docs.par_extend(keys.par_iter().flat_map_iter(|key| page_documents(config, site, catalogue, lang, key)));
    docs
}

fn resource_document(config: &Config, catalogue: &Catalogue, lang: &Lang, resource: &Resource) -> SearchDoc {
    let card = card(config, catalogue, lang, resource);
    SearchDoc {
        url: resource_url(config, lang, &resource.id),
        title: format!("{} {}", card.citation, card.title),
        section: String::new(),
        body: card.summary,
        facets: [
            resource.categories.clone(),
            resource.audiences.clone(),
            resource.language_facets(&catalogue.vocabulary),
            resource.components.clone(),
        ],
    }
}

/// A page's introduction (with its summary), then each of its sections.
fn page_documents(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    lang: &Lang,
    key: &PageKey,
) -> Vec<SearchDoc> {
    let Some((page, _)) = site.page_for(lang, &config.default_lang, key) else { return Vec::new() };
    let url = config.page_url(lang, key);
    let component =
        catalogue.and_then(|c| c.vocabulary.components.iter().find(|c| &c.page == key)).map(|c| c.id.clone());
    let facets = [Vec::new(), page.front.audience.clone(), Vec::new(), component.into_iter().collect()];
    let intro = html_to_text(&page.doc.intro);
    let summary = page.front.summary.clone().unwrap_or_default();
    let mut docs = vec![SearchDoc {
        url: url.clone(),
        title: page.front.title.clone(),
        section: String::new(),
        body: join_text(&summary, &intro),
        facets: facets.clone(),
    }];
    docs.extend(page.doc.sections.iter().map(|section| SearchDoc {
        url: format!("{url}#{}", section.id),
        title: page.front.title.clone(),
        section: section.title_text.clone(),
        body: html_to_text(&section.body),
        facets: facets.clone(),
    }));
    docs
}

fn join_text(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}\n{b}"),
    }
}

/// The text of rendered HTML: tags dropped (each counts as a space), the
/// entities the renderer writes decoded, runs of white space made one
/// space. One pass: this runs on every section of every language.
pub fn html_to_text(html: &str) -> String {
    const ENTITIES: [(&str, char); 5] =
        [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&amp;", '&')];
    let bytes = html.as_bytes();
    let mut text = String::with_capacity(html.len());
    let mut space = false;
    let mut i = 0;
    let push = |text: &mut String, space: &mut bool, s: &str| {
        if *space && !text.is_empty() {
            text.push(' ');
        }
        *space = false;
        text.push_str(s);
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'<' => {
                // A tag counts as a space.
                i = bytes[i..].iter().position(|&b| b == b'>').map_or(bytes.len(), |end| i + end + 1);
                space = true;
            }
            b'&' => {
                let (len, decoded) = ENTITIES
                    .iter()
                    .find(|(name, _)| html[i..].starts_with(name))
                    .map_or((1, '&'), |(name, decoded)| (name.len(), *decoded));
                push(&mut text, &mut space, decoded.encode_utf8(&mut [0; 4]));
                i += len;
            }
            _ => {
                // A run of text up to the next tag, entity or white space.
                let start = i;
                while let Some(&b) = bytes.get(i) {
                    if b == b'<' || b == b'&' || b.is_ascii_whitespace() || b == 0x0b {
                        break;
                    }
                    // Only these lead bytes start non-ASCII white space
                    // (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
                    if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                        && html[i..].chars().next().is_some_and(char::is_whitespace)
                    {
                        break;
                    }
                    i += 1;
                }
                if i == start {
                    space = true;
                    i += html[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    push(&mut text, &mut space, &html[start..i]);
                }
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn text_of_html() {
        assert_eq!(
            html_to_text("<p>Plan  <b>well</b>,\n&amp; &lt;test&gt;</p><p>Next</p>"),
            "Plan well , & <test> Next"
        );
        assert_eq!(html_to_text("a&amp;lt;b &quot;c&#39;"), "a&lt;b \"c'");
        assert_eq!(html_to_text("  <br>  "), "");
        assert_eq!(html_to_text("x&nbsp;y"), "x&nbsp;y");
        assert_eq!(html_to_text("é\u{a0}<i>ü</i>\u{b}z\u{3000}ق\u{2019}s"), "é ü z ق\u{2019}s");
        assert_eq!(html_to_text("a<b"), "a");
    }
}
