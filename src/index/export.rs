//! The search index as the browser reads it, exported from the tantivy
//! index so that the browser ranks exactly as tantivy does (BM25 with the
//! same statistics), while fetching only what a query needs:
//!
//! ```text
//! _search/<lang>/meta.json        counts, field weights and norms, facet values
//! _search/<lang>/lex/<key>.json   words (surface forms) starting with <key>, and their stems
//! _search/<lang>/post/<id>.bin    a stem's postings per field: doc, term frequency, field norm
//! _search/<lang>/pos/<id>.bin     its positions (fetched only for "quoted phrases")
//! _search/<lang>/docs/<k>.json    DOC_CHUNK documents' URL, title, section and text
//! _search/<lang>/facets/<facet>/<value>.bin   which documents have a filter value (bit i = doc i)
//! ```
//!
//! `<key>` is the hex of a word's first two characters (surface forms have
//! no Arabic article: [`analysis::strip_arabic_article`]), so one file answers the exact word, its prefix expansions and
//! its one-typo neighbours. The same files serve `signpost search`, so the
//! command line and the browser expand a query the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use serde_json::json;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Index, TERMINATED};

use super::analysis::{self, surface_analyzer, tokens};
use super::{FACET_FIELDS, SearchDoc, TEXT_FIELDS};
use crate::config::Config;
use crate::model::{Catalogue, Lang, Site};

/// Documents per `docs/<k>.json` file.
pub const DOC_CHUNK: usize = 8;

/// BM25 parameters, as tantivy's.
pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;

/// Per facet, its values and their labels in `lang`.
pub fn facet_labels(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    lang: &Lang,
) -> Vec<Vec<(String, String)>> {
    let Some(catalogue) = catalogue else { return vec![Vec::new(); FACET_FIELDS.len()] };
    let v = &catalogue.vocabulary;
    let default = &config.default_lang;
    let terms = |terms: Vec<&crate::model::Term>| {
        terms.into_iter().map(|t| (t.id.clone(), t.label(lang, default).to_string())).collect()
    };
    vec![
        terms(v.categories.iter().collect()),
        terms(v.audiences.iter().collect()),
        terms(v.language_facets().map(|l| &l.term).collect()),
        v.components
            .iter()
            .map(|c| {
                let title = site
                    .page_for(lang, default, &c.page)
                    .map_or_else(|| c.id.clone(), |(page, _)| page.front.title.clone());
                (c.id.clone(), title)
            })
            .collect(),
    ]
}

/// The key of the lexicon file holding a surface form.
pub fn shard_key(surface: &str) -> String {
    let prefix: String = surface.chars().take(2).collect();
    prefix.bytes().map(|b| format!("{b:02x}")).collect()
}

/// A stem's postings in one field.
#[derive(Default)]
struct FieldPostings {
    docs: Vec<u32>,
    freqs: Vec<u32>,
    norms: Vec<u8>,
    positions: Vec<Vec<u32>>,
}

pub fn write(
    lang: &Lang,
    docs: &[SearchDoc],
    labels: &[Vec<(String, String)>],
    index_dir: &Path,
    out: &Path,
) -> tantivy::Result<()> {
    let index = Index::open_in_dir(index_dir)?;
    let searcher = index.reader()?.searcher();
    let segment = searcher.segment_reader(0);
    let schema = index.schema();
    let num_docs = segment.max_doc();

    // Every stem's postings, per field, read back from tantivy.
    let mut stems: BTreeMap<String, [FieldPostings; 3]> = BTreeMap::new();
    let mut averages = Vec::new();
    for (f, (name, _)) in TEXT_FIELDS.iter().enumerate() {
        let field = schema.get_field(name)?;
        let inverted = segment.inverted_index(field)?;
        averages.push(inverted.total_num_tokens() as f32 / num_docs.max(1) as f32);
        let norms =
            segment.fieldnorms_readers().get_field(field)?.unwrap_or_else(|| FieldNormReader::constant(num_docs, 1));
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let stem = String::from_utf8_lossy(stream.key()).into_owned();
            let mut postings =
                inverted.read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqsAndPositions)?;
            let entry = &mut stems.entry(stem).or_default()[f];
            let mut doc = postings.doc();
            while doc != TERMINATED {
                entry.docs.push(doc);
                entry.freqs.push(postings.term_freq());
                entry.norms.push(norms.fieldnorm_id(doc));
                let mut positions = Vec::new();
                postings.positions(&mut positions);
                entry.positions.push(positions);
                doc = postings.advance();
            }
        }
    }
    let ids: BTreeMap<&str, usize> = stems.keys().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
    for (id, postings) in stems.values().enumerate() {
        write_file(&out.join(format!("post/{id}.bin")), &encode_postings(postings, num_docs))?;
        write_file(&out.join(format!("pos/{id}.bin")), &encode_positions(postings))?;
    }
    write_lexicon(lang, docs, &stems, &ids, out)?;
    write_docs(docs, out)?;
    write_facets(docs, labels, out)?;
    let norms: Vec<u32> = (0..=255u8).map(FieldNormReader::id_to_fieldnorm).collect();
    let meta = json!({
        "n": num_docs,
        "fields": TEXT_FIELDS.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        "boosts": TEXT_FIELDS.iter().map(|(_, boost)| boost).collect::<Vec<_>>(),
        "avg": averages.iter().map(|a| f64::from(*a)).collect::<Vec<_>>(),
        "norms": norms,
        "docChunk": DOC_CHUNK,
        "facets": FACET_FIELDS.iter().zip(labels).map(|(f, values)| (f.to_string(), json!(values))).collect::<serde_json::Map<_, _>>(),
    });
    write_file(&out.join("meta.json"), meta.to_string().as_bytes())?;
    Ok(())
}

/// tantivy's inverse document frequency, computed here in `f32` exactly as
/// tantivy does and shipped as such: the browser does no logarithms.
pub fn idf(doc_freq: u64, doc_count: u64) -> f32 {
    let x = ((doc_count - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    (1.0 + x).ln()
}

fn encode_postings(fields: &[FieldPostings; 3], num_docs: u32) -> Vec<u8> {
    let mut out = Vec::new();
    for field in fields {
        varint(&mut out, field.docs.len() as u32);
        if field.docs.is_empty() {
            continue;
        }
        out.extend_from_slice(&idf(field.docs.len() as u64, u64::from(num_docs)).to_le_bytes());
        let mut previous = 0;
        for ((&doc, &freq), &norm) in field.docs.iter().zip(&field.freqs).zip(&field.norms) {
            varint(&mut out, doc - previous);
            previous = doc;
            varint(&mut out, freq);
            out.push(norm);
        }
    }
    out
}

fn encode_positions(fields: &[FieldPostings; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    for field in fields {
        for positions in &field.positions {
            varint(&mut out, positions.len() as u32);
            let mut previous = 0;
            for &p in positions {
                varint(&mut out, p - previous);
                previous = p;
            }
        }
    }
    out
}

fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Surface forms seen in the documents, grouped by [`shard_key`], each with
/// its stem, and each stem with its file id and document frequency (the
/// sum over fields), which orders prefix and typo expansions.
fn write_lexicon(
    lang: &Lang,
    docs: &[SearchDoc],
    stems: &BTreeMap<String, [FieldPostings; 3]>,
    ids: &BTreeMap<&str, usize>,
    out: &Path,
) -> io::Result<()> {
    let mut analyzer = surface_analyzer(lang);
    let mut surfaces = BTreeSet::new();
    for doc in docs {
        for text in [&doc.title, &doc.section, &doc.body] {
            surfaces.extend(tokens(&mut analyzer, text));
        }
    }
    let mut shards: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for surface in surfaces {
        let stem = analysis::stem(lang, &surface);
        let (Some(&id), Some(postings)) = (ids.get(stem.as_str()), stems.get(&stem)) else { continue };
        let df: usize = postings.iter().map(|p| p.docs.len()).sum();
        shards.entry(shard_key(&surface)).or_default().push(json!([surface, stem, id, df]));
    }
    for (key, words) in shards {
        write_file(&out.join(format!("lex/{key}.json")), serde_json::Value::from(words).to_string().as_bytes())?;
    }
    Ok(())
}

fn write_docs(docs: &[SearchDoc], out: &Path) -> io::Result<()> {
    for (k, chunk) in docs.chunks(DOC_CHUNK).enumerate() {
        let items: Vec<serde_json::Value> = chunk.iter().map(|d| json!([d.url, d.title, d.section, d.body])).collect();
        write_file(&out.join(format!("docs/{k}.json")), serde_json::Value::from(items).to_string().as_bytes())?;
    }
    Ok(())
}

/// One bit set per facet value, as long as the last document that has it.
fn write_facets(docs: &[SearchDoc], labels: &[Vec<(String, String)>], out: &Path) -> io::Result<()> {
    for (f, facet) in FACET_FIELDS.iter().enumerate() {
        for (value, _) in &labels[f] {
            let has: Vec<usize> =
                docs.iter().enumerate().filter(|(_, d)| d.facets[f].contains(value)).map(|(i, _)| i).collect();
            let mut bits = vec![0u8; has.last().map_or(0, |last| last / 8 + 1)];
            for i in has {
                bits[i / 8] |= 1 << (i % 8);
            }
            write_file(&out.join(format!("facets/{facet}/{value}.bin")), &bits)?;
        }
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
