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
//! _search/<lang>/facets.bin      per filter value, which documents have it (bit i = doc i), one after another
//! ```
//!
//! `<key>` is the hex of a word's first two characters (surface forms have
//! no Arabic article: `analysis::strip_arabic_article`), so one file answers the exact word, its prefix expansions and
//! its one-typo neighbours. The same files serve `signpost search`, so the
//! command line and the browser expand a query the same way.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;

use serde_json::json;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Index, TERMINATED};

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

/// Writes the browser's files of one language from its committed tantivy
/// index (one segment) and the lexicon its analyser recorded.
pub fn write(
    labels: &[Vec<(String, String)>],
    bits: &[Vec<(usize, usize)>],
    lexicon: &HashMap<String, String>,
    index_dir: &Path,
    out: &Path,
) -> tantivy::Result<()> {
    let index = Index::open_in_dir(index_dir)?;
    let searcher = index.reader()?.searcher();
    let segment = searcher.segment_reader(0);
    let schema = index.schema();
    let num_docs = segment.max_doc();

    // Every stem with its term in each field, in byte order (tantivy's).
    let mut inverted = Vec::new();
    let mut norms = Vec::new();
    let mut averages = Vec::new();
    let mut terms: BTreeMap<Vec<u8>, [Option<TermInfo>; 3]> = BTreeMap::new();
    for (f, (name, _)) in TEXT_FIELDS.iter().enumerate() {
        let field = schema.get_field(name)?;
        let reader = segment.inverted_index(field)?;
        averages.push(reader.total_num_tokens() as f32 / num_docs.max(1) as f32);
        norms.push(
            segment.fieldnorms_readers().get_field(field)?.unwrap_or_else(|| FieldNormReader::constant(num_docs, 1)),
        );
        let mut stream = reader.terms().stream()?;
        while stream.advance() {
            terms.entry(stream.key().to_vec()).or_default()[f] = Some(stream.value().clone());
        }
        inverted.push(reader);
    }
    // Each stem's files, written as its postings are read: nothing of the
    // index is held in memory but one stem's bytes.
    let mut stems: HashMap<String, (usize, u32)> = HashMap::with_capacity(terms.len());
    let mut post = Vec::new();
    let mut pos = Vec::new();
    let mut positions = Vec::new();
    for (id, (key, infos)) in terms.iter().enumerate() {
        post.clear();
        pos.clear();
        let mut df = 0;
        for (f, info) in infos.iter().enumerate() {
            let Some(info) = info else {
                varint(&mut post, 0);
                continue;
            };
            df += info.doc_freq;
            varint(&mut post, info.doc_freq);
            post.extend_from_slice(&idf(u64::from(info.doc_freq), u64::from(num_docs)).to_le_bytes());
            let mut postings =
                inverted[f].read_postings_from_terminfo(info, IndexRecordOption::WithFreqsAndPositions)?;
            let mut previous = 0;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                varint(&mut post, doc - previous);
                previous = doc;
                varint(&mut post, postings.term_freq());
                post.push(norms[f].fieldnorm_id(doc));
                positions.clear();
                postings.positions(&mut positions);
                varint(&mut pos, positions.len() as u32);
                let mut last = 0;
                for &p in &positions {
                    varint(&mut pos, p - last);
                    last = p;
                }
                doc = postings.advance();
            }
        }
        write_file(&out.join(format!("post/{id}.bin")), &post)?;
        write_file(&out.join(format!("pos/{id}.bin")), &pos)?;
        stems.insert(String::from_utf8_lossy(key).into_owned(), (id, df));
    }
    write_lexicon(lexicon, &stems, out)?;
    let norms: Vec<u32> = (0..=255u8).map(FieldNormReader::id_to_fieldnorm).collect();
    let facets: serde_json::Map<_, _> = FACET_FIELDS
        .iter()
        .zip(labels)
        .zip(bits)
        .map(|((f, values), bits)| {
            let values: Vec<_> = values.iter().zip(bits).map(|((v, l), (o, n))| json!([v, l, o, n])).collect();
            (f.to_string(), json!(values))
        })
        .collect();
    let meta = json!({
        "n": num_docs,
        "fields": TEXT_FIELDS.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        "boosts": TEXT_FIELDS.iter().map(|(_, boost)| boost).collect::<Vec<_>>(),
        "avg": averages.iter().map(|a| f64::from(*a)).collect::<Vec<_>>(),
        "norms": norms,
        "docChunk": DOC_CHUNK,
        "facets": facets,
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

fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Surface forms met by the analyser, grouped by [`shard_key`], each with
/// its stem, and each stem with its file id and document frequency (the
/// sum over fields), which orders prefix and typo expansions.
fn write_lexicon(
    lexicon: &HashMap<String, String>,
    stems: &HashMap<String, (usize, u32)>,
    out: &Path,
) -> io::Result<()> {
    let mut surfaces: Vec<(&String, &String)> = lexicon.iter().collect();
    surfaces.sort_unstable();
    let mut shards: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for (surface, stem) in surfaces {
        let Some(&(id, df)) = stems.get(stem) else { continue };
        shards.entry(shard_key(surface)).or_default().push(json!([surface, stem, id, df]));
    }
    for (key, words) in shards {
        write_file(&out.join(format!("lex/{key}.json")), serde_json::Value::from(words).to_string().as_bytes())?;
    }
    Ok(())
}

/// The files that need only the documents, not the index: their text
/// (`docs/`) and the filters' bit sets (`facets.bin`), written while
/// tantivy indexes. Returns each facet value's bit set's offset and length,
/// for [`write()`].
pub fn write_documents(
    docs: &[SearchDoc],
    labels: &[Vec<(String, String)>],
    out: &Path,
) -> io::Result<Vec<Vec<(usize, usize)>>> {
    write_docs(docs, out)?;
    write_facets(docs, labels, out)
}

fn write_docs(docs: &[SearchDoc], out: &Path) -> io::Result<()> {
    for (k, chunk) in docs.chunks(DOC_CHUNK).enumerate() {
        // Tuples serialise as JSON arrays, straight from the borrowed text.
        let items: Vec<_> = chunk.iter().map(|d| (&d.url, &d.title, &d.section, &d.body)).collect();
        write_file(&out.join(format!("docs/{k}.json")), &serde_json::to_vec(&items)?)?;
    }
    Ok(())
}

/// One bit set per facet value, as long as the last document that has it,
/// all in one file (`facets.bin`, not written when empty) so that a query
/// fetches them in one request. Returns, per facet and value, the offset
/// and length of its bit set, which `meta.json` gives.
fn write_facets(
    docs: &[SearchDoc],
    labels: &[Vec<(String, String)>],
    out: &Path,
) -> io::Result<Vec<Vec<(usize, usize)>>> {
    let mut all = Vec::new();
    let mut ranges = Vec::new();
    for (f, values) in labels.iter().enumerate() {
        let mut mine = Vec::new();
        for (value, _) in values {
            let has: Vec<usize> =
                docs.iter().enumerate().filter(|(_, d)| d.facets[f].contains(value)).map(|(i, _)| i).collect();
            let mut bits = vec![0u8; has.last().map_or(0, |last| last / 8 + 1)];
            for i in has {
                bits[i / 8] |= 1 << (i % 8);
            }
            mine.push((all.len(), bits.len()));
            all.extend_from_slice(&bits);
        }
        ranges.push(mine);
    }
    if !all.is_empty() {
        write_file(&out.join("facets.bin"), &all)?;
    }
    Ok(ranges)
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
