//! The search index as the browser reads it, exported from the tantivy
//! index so that the browser ranks exactly as tantivy does (BM25 with the
//! same statistics), in a few hundred files however large the site: each
//! file is a *pack* of many terms or documents (see [`super::pack`]),
//! of a size that grows with the site ([`pack_bytes`], [`super::documents::doc_pack_bytes`]):
//! small sites fetch little, large ones stay a few hundred files a
//! language. Each is fetched whole,
//! and `meta.json` lists each pack's first item, so one lookup finds it
//! (numbered items as differences, [`super::pack::gaps`], which gzip
//! shrinks to a tenth: 2,369 document packs are 14 kB of JSON otherwise):
//!
//! ```text
//! _search/<lang>/meta.json      counts, field weights and norms, facet values, each pack's first item
//! _search/<lang>/lex/<k>.json   {key: [[surface, stem, stem id, document frequency], ...], ...} for a range of keys
//! _search/<lang>/post/<k>.bin   pack of stems' postings (stem ids from meta.post[k]): per field, FieldPostings
//! _search/<lang>/pos/<k>.bin    pack of the same stems' positions (fetched only for "quoted phrases")
//!                               (post/ and facets.bin are gzip-compressed: pack::gzip)
//! _search/<lang>/docs/<k>.json  documents from meta.docs[k] on: URL, title, section, the text's opening (documents.rs)
//! _search/<lang>/facets.bin     per filter value, which documents have it (bit i = doc i), one after another
//! ```
//!
//! A word's *key* is the hex of its first two characters (surface forms
//! have no Arabic article: `analysis::strip_arabic_article`), so one pack
//! answers the exact word, its prefix expansions and its one-typo
//! neighbours. The same files serve `signpost search`, so the command line
//! and the browser expand a query the same way.
//!
//! A document carries only the opening of its text ([`super::documents::EXCERPT_CHARS`]):
//! the whole text of 40,000 pages would take thousands of files or large
//! downloads per query, and the snippet shown is cut from that opening.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::path::Path;

use serde_json::json;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Index, TERMINATED};

use super::documents::Documents;
use super::pack::{cut, gaps, gzip, pack, varint, write_file};
use super::{FACET_FIELDS, TEXT_FIELDS};
use crate::config::Config;
use crate::model::{Catalogue, Lang, Site};

/// About how many bytes a lexicon, postings or positions pack holds for
/// `docs` documents (one stem's postings may be more: they are not split):
/// 8 kB for a site of a few hundred pages, 48 kB from some 12,000
/// documents a language (the bundled site: 8 kB, 4 × 10,000 pages: 48 kB).
pub fn pack_bytes(docs: usize) -> usize {
    (docs * 4).clamp(8 * 1024, 48 * 1024)
}

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
    lang: &Lang,
    labels: &[Vec<(String, String)>],
    documents: &Documents,
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
    // Each stem's postings and positions, packed as they are read: nothing
    // of the index is held in memory but one pack's bytes.
    let mut stems: HashMap<String, (usize, u32)> = HashMap::with_capacity(terms.len());
    let target = pack_bytes(num_docs as usize);
    let mut post_packs = Packer::new(Packed::Postings, out, target);
    let mut pos_packs = Packer::new(Packed::Positions, out, target);
    let mut positions = Vec::new();
    for (id, (key, infos)) in terms.iter().enumerate() {
        let mut post = Vec::new();
        let mut pos = Vec::new();
        let mut df = 0;
        for (f, info) in infos.iter().enumerate() {
            let Some(info) = info else {
                varint(&mut post, 0);
                continue;
            };
            df += info.doc_freq;
            let mut postings =
                inverted[f].read_postings_from_terminfo(info, IndexRecordOption::WithFreqsAndPositions)?;
            let mut list = FieldPostings::default();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                list.docs.push(doc);
                list.tfs.push(postings.term_freq());
                list.norms.push(norms[f].fieldnorm_id(doc));
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
            list.write(idf(u64::from(info.doc_freq), u64::from(num_docs)), num_docs, &mut post);
        }
        post_packs.add(id, post)?;
        pos_packs.add(id, pos)?;
        stems.insert(String::from_utf8_lossy(key).into_owned(), (id, df));
    }
    let post_firsts = post_packs.finish()?;
    let pos_firsts = pos_packs.finish()?;
    let lex_firsts = write_lexicon(lexicon, &stems, target, out)?;
    let norms: Vec<u32> = (0..=255u8).map(FieldNormReader::id_to_fieldnorm).collect();
    let facets: serde_json::Map<_, _> = FACET_FIELDS
        .iter()
        .zip(labels)
        .zip(&documents.facets)
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
        "lex": lex_firsts,
        "post": gaps(&post_firsts),
        "pos": gaps(&pos_firsts),
        "docs": gaps(&documents.docs),
        "facets": facets,
        "arabic": super::analysis::browser_tables(lang),
        // Relative to this folder: the theme's copy of Snowball's generated
        // JavaScript for the stemmer the index used.
        "stemmer": super::analysis::snowball_name(lang).map(|name| format!("../../snowball/{name}-stemmer.js")),
    });
    write_file(&out.join("meta.json"), meta.to_string().as_bytes())?;
    Ok(())
}

/// One field's postings of a stem, written column by column (the
/// documents, then their term frequencies, then their length ids) so that
/// gzip finds each column's repetitions:
///
/// ```text
/// varint count               0: the stem is not in this field, nothing follows
/// f32 idf                    little-endian
/// u8 layout                  0: count varint gaps (the first document, then differences)
///                            1: a bit set of ⌈documents / 8⌉ bytes (bit d % 8 of byte d / 8)
/// count varints              term frequencies, in document order
/// count bytes                field-norm ids, in document order
/// ```
///
/// A stem found in a large share of the documents takes fewer bytes as a
/// bit set than as gaps (one byte each), and the layout is chosen per list.
#[derive(Default)]
struct FieldPostings {
    docs: Vec<u32>,
    tfs: Vec<u32>,
    norms: Vec<u8>,
}

/// [`FieldPostings`]' layouts.
const GAPS: u8 = 0;
const BITS: u8 = 1;

impl FieldPostings {
    fn write(&self, idf: f32, num_docs: u32, out: &mut Vec<u8>) {
        varint(out, self.docs.len() as u32);
        if self.docs.is_empty() {
            return;
        }
        out.extend_from_slice(&idf.to_le_bytes());
        let mut gaps = Vec::with_capacity(self.docs.len());
        let mut previous = 0;
        for &doc in &self.docs {
            varint(&mut gaps, doc - previous);
            previous = doc;
        }
        let bits_len = num_docs.div_ceil(8) as usize;
        if bits_len < gaps.len() {
            out.push(BITS);
            let mut bits = vec![0u8; bits_len];
            for &doc in &self.docs {
                bits[doc as usize / 8] |= 1 << (doc % 8);
            }
            out.extend_from_slice(&bits);
        } else {
            out.push(GAPS);
            out.extend_from_slice(&gaps);
        }
        for &tf in &self.tfs {
            varint(out, tf);
        }
        out.extend_from_slice(&self.norms);
    }
}

/// tantivy's inverse document frequency, computed here in `f32` exactly as
/// tantivy does and shipped as such: the browser does no logarithms.
pub fn idf(doc_freq: u64, doc_count: u64) -> f32 {
    let x = ((doc_count - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    (1.0 + x).ln()
}

/// What a [`Packer`] packs: every search fetches postings, only "quoted
/// phrases" fetch positions.
#[derive(Clone, Copy)]
enum Packed {
    Postings,
    Positions,
}

impl Packed {
    fn dir(self) -> &'static str {
        match self {
            Packed::Postings => "post",
            Packed::Positions => "pos",
        }
    }

    /// Entries from this size on start a pack of their own: a search for a
    /// common word fetches no other stem's postings with its own. Positions
    /// are not worth the extra files.
    fn alone_from(self, target: usize) -> usize {
        match self {
            Packed::Postings => target,
            Packed::Positions => usize::MAX,
        }
    }

    /// Postings are published gzip-compressed ([`gzip`]). Positions are
    /// not: they are the larger half, and compressing them too made the
    /// build of 4 × 10,000 pages + 5,000 resources take 1.10 × the CPU of
    /// the build without gzip, against 1.02 × for postings alone
    /// (bench/results.md, 2026-12-06), for the rare phrase query.
    fn gzipped(self) -> bool {
        matches!(self, Packed::Postings)
    }
}

/// Stems' entries gathered into packs of about `target` bytes, each
/// written when full.
struct Packer<'a> {
    kind: Packed,
    out: &'a Path,
    entries: Vec<Vec<u8>>,
    bytes: usize,
    target: usize,
    /// The first stem id of each pack.
    firsts: Vec<usize>,
}

impl<'a> Packer<'a> {
    fn new(kind: Packed, out: &'a Path, target: usize) -> Packer<'a> {
        Packer { kind, out, entries: Vec::new(), bytes: 0, target, firsts: Vec::new() }
    }

    fn add(&mut self, id: usize, entry: Vec<u8>) -> io::Result<()> {
        if entry.len() >= self.kind.alone_from(self.target) {
            self.flush()?;
        }
        if self.entries.is_empty() {
            self.firsts.push(id);
        }
        self.bytes += entry.len();
        self.entries.push(entry);
        if self.bytes >= self.target {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.entries.is_empty() {
            let k = self.firsts.len() - 1;
            let packed = pack(&self.entries);
            let bytes = if self.kind.gzipped() { gzip(&packed)? } else { packed };
            write_file(&self.out.join(format!("{}/{k}.bin", self.kind.dir())), &bytes)?;
            self.entries.clear();
            self.bytes = 0;
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<Vec<usize>> {
        self.flush()?;
        Ok(self.firsts)
    }
}

/// Surface forms met by the analyser, grouped by [`shard_key`], each with
/// its stem, and each stem with its id and document frequency (the sum
/// over fields), which orders prefix and typo expansions; keys in byte
/// order, packed. Returns each pack's first key.
fn write_lexicon(
    lexicon: &HashMap<String, String>,
    stems: &HashMap<String, (usize, u32)>,
    target: usize,
    out: &Path,
) -> io::Result<Vec<String>> {
    // (surface, stem, stem id, document frequency), serialised as a JSON
    // array; with the stems each shard lists, to add a stem no word has
    // without scanning the shard.
    type Entry<'a> = (&'a str, &'a str, usize, u32);
    let mut surfaces: Vec<(&String, &String)> = lexicon.iter().collect();
    surfaces.sort_unstable();
    let mut shards: BTreeMap<String, (Vec<Entry>, HashSet<&str>)> = BTreeMap::new();
    for (surface, stem) in surfaces {
        let Some(&(id, df)) = stems.get(stem) else { continue };
        let (words, listed) = shards.entry(shard_key(surface)).or_default();
        words.push((surface, stem, id, df));
        listed.insert(stem);
    }
    // A query word the documents do not use is stemmed and its stem looked
    // up under the stem's own key: every stem is listed there, as a word of
    // its own if no word under that key has it.
    let mut by_stem: Vec<(&String, &(usize, u32))> = stems.iter().collect();
    by_stem.sort_unstable();
    for (stem, &(id, df)) in by_stem {
        let (words, listed) = shards.entry(shard_key(stem)).or_default();
        if listed.insert(stem) {
            let at = words.partition_point(|e| e.0 < stem.as_str());
            words.insert(at, (stem, stem, id, df));
        }
    }
    let shards: Vec<(String, Vec<u8>)> = shards
        .into_iter()
        .map(|(key, (words, _))| Ok((key, serde_json::to_vec(&words)?)))
        .collect::<serde_json::Result<_>>()?;
    let firsts = cut(shards.iter().map(|(key, words)| key.len() + words.len()), target);
    let mut keys = Vec::with_capacity(firsts.len());
    for (k, &first) in firsts.iter().enumerate() {
        let end = firsts.get(k + 1).copied().unwrap_or(shards.len());
        let mut file = vec![b'{'];
        for (i, (key, words)) in shards[first..end].iter().enumerate() {
            if i > 0 {
                file.push(b',');
            }
            serde_json::to_writer(&mut file, key)?;
            file.push(b':');
            file.extend_from_slice(words);
        }
        file.push(b'}');
        write_file(&out.join(format!("lex/{k}.json")), &file)?;
        keys.push(shards[first].0.clone());
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The postings examples the browser's tests decode too
    /// (tests/browser/codec.test.mjs): one list as gaps, one as a bit set.
    #[test]
    fn postings_are_written_as_the_shared_vectors_say() {
        let text = include_str!("../../tests/codec-vectors.json");
        let vectors: serde_json::Value = serde_json::from_str(text).unwrap();
        for v in vectors["postings"].as_array().unwrap() {
            let num_docs = v[0].as_u64().unwrap() as u32;
            let mut out = Vec::new();
            for field in v[1].as_array().unwrap() {
                if field.is_null() {
                    FieldPostings::default().write(0.0, num_docs, &mut out);
                    continue;
                }
                let (idf, docs, tfs, norms): (f32, Vec<u32>, Vec<u32>, Vec<u8>) =
                    serde_json::from_value(field.clone()).unwrap();
                FieldPostings { docs, tfs, norms }.write(idf, num_docs, &mut out);
            }
            let bytes: Vec<u8> = serde_json::from_value(v[2].clone()).unwrap();
            assert_eq!(out, bytes, "{v}");
        }
    }
}
