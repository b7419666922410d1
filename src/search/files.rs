//! The browser's files of one language (`OUT/_search/<lang>/`, written by
//! [`crate::index::export`]) as `signpost search` and `/api/search` read
//! them: `meta.json` once when the index is opened, the lexicon, document
//! and facet files when a query first needs them, kept while the index is
//! open: a server answers the same words many times, and each answer
//! parsed `meta.json`'s lists, `facets.bin` and its document packs again.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use crate::index::FACET_FIELDS;
use crate::index::export::shard_key;
use crate::index::pack::{pack_of, sums};

/// One lexicon entry: a surface form, its stem, the stem's file id (for the
/// browser) and its document frequency.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Entry(pub String, pub String, serde::de::IgnoredAny, pub usize);

/// A lexicon pack: entries by key.
type LexiconPack = HashMap<String, Vec<Entry>>;

/// A document as `docs/<k>.json` holds it: URL, title, section, the
/// opening of its text.
pub type Document = [String; 4];

/// A document as a pack holds it: after another of the same page, its URL
/// from the `#` on and its title as `0` (`index::export::write_docs`).
type PackedDocument = (String, serde_json::Value, String, String);

/// The documents of a pack in full.
fn expand_documents(items: Vec<PackedDocument>) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::with_capacity(items.len());
    for (url, title, section, text) in items {
        let previous = documents.last();
        let url = match previous {
            Some(p) if url.is_empty() || url.starts_with('#') => {
                format!("{}{url}", p[0].split('#').next().unwrap_or_default())
            }
            _ => url,
        };
        let title = match (title, previous) {
            (serde_json::Value::String(title), _) => title,
            (_, Some(p)) => p[1].clone(),
            (_, None) => String::new(),
        };
        documents.push([url, title, section, text]);
    }
    documents
}

/// Document packs kept at most; past it the cache starts again (a few
/// megabytes: 256 packs of up to 12 kB).
const KEPT_DOCUMENT_PACKS: usize = 256;

pub struct Files {
    dir: PathBuf,
    /// The first key of each lexicon pack.
    lex_firsts: Vec<String>,
    /// The first document of each documents pack.
    doc_firsts: Vec<u32>,
    /// Per facet, its values.
    facet_values: Vec<Vec<String>>,
    /// Per facet and value: (offset, length) of its bit set in `facets.bin`.
    facet_ranges: HashMap<(usize, String), (usize, usize)>,
    facet_bits: OnceLock<HashMap<(usize, String), Vec<u8>>>,
    lexicon: Mutex<HashMap<usize, Arc<LexiconPack>>>,
    documents: Mutex<HashMap<usize, Arc<Vec<Document>>>>,
}

impl Files {
    /// Reads `meta.json` of the files in `dir`.
    pub fn open(dir: PathBuf) -> Result<Files, String> {
        let path = dir.join("meta.json");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let meta: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let list = |kind: &str| meta[kind].as_array().cloned().unwrap_or_default();
        let lex_firsts = list("lex").iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
        // Written as differences (`index::pack::gaps`).
        let doc_firsts = sums(list("docs").iter().filter_map(serde_json::Value::as_u64))
            .into_iter()
            .filter_map(|n| u32::try_from(n).ok())
            .collect();
        let mut facet_values = Vec::new();
        let mut facet_ranges = HashMap::new();
        for (f, facet) in FACET_FIELDS.iter().enumerate() {
            let mut values = Vec::new();
            for entry in meta["facets"][facet].as_array().into_iter().flatten() {
                let Some(value) = entry[0].as_str() else { continue };
                values.push(value.to_string());
                if let (Some(offset), Some(len)) = (entry[2].as_u64(), entry[3].as_u64()) {
                    facet_ranges.insert((f, value.to_string()), (offset as usize, len as usize));
                }
            }
            facet_values.push(values);
        }
        Ok(Files {
            dir,
            lex_firsts,
            doc_firsts,
            facet_values,
            facet_ranges,
            facet_bits: OnceLock::new(),
            lexicon: Mutex::default(),
            documents: Mutex::default(),
        })
    }

    /// Per facet, the values documents have.
    pub fn facet_values(&self) -> &[Vec<String>] {
        &self.facet_values
    }

    /// Each filter value's bit set (bit i: document i has it), cut from
    /// `facets.bin` where `meta.json` says it lies.
    pub fn facet_bits(&self) -> &HashMap<(usize, String), Vec<u8>> {
        self.facet_bits.get_or_init(|| {
            let file = std::fs::read(self.dir.join("facets.bin")).unwrap_or_default();
            let all = crate::index::pack::gunzip(&file).unwrap_or_default();
            let cut = |&(offset, len): &(usize, usize)| all.get(offset..offset + len).unwrap_or_default().to_vec();
            self.facet_ranges.iter().map(|(key, range)| (key.clone(), cut(range))).collect()
        })
    }

    /// A lexicon pack, read once.
    fn lexicon_pack(&self, k: usize) -> Arc<LexiconPack> {
        let mut packs = self.lexicon.lock().unwrap_or_else(|e| e.into_inner());
        packs
            .entry(k)
            .or_insert_with(|| {
                let text = std::fs::read_to_string(self.dir.join(format!("lex/{k}.json"))).unwrap_or_default();
                Arc::new(serde_json::from_str(&text).unwrap_or_default())
            })
            .clone()
    }

    /// The lexicon entries of a surface form's key.
    pub fn shard(&self, surface: &str) -> Vec<Entry> {
        let key = shard_key(surface);
        self.lexicon_pack(pack_of(&self.lex_firsts, &key)).get(&key).cloned().unwrap_or_default()
    }

    /// Every entry whose key starts with `prefix` (hex): keys are in byte
    /// order, so they lie in a run of packs.
    pub fn entries_under(&self, prefix: &str) -> Vec<Entry> {
        let first = pack_of(&self.lex_firsts, &prefix.to_string());
        let last = pack_of(&self.lex_firsts, &format!("{prefix}g"));
        let mut entries = Vec::new();
        for k in first..=last {
            let pack = self.lexicon_pack(k);
            let mut keys: Vec<&String> = pack.keys().filter(|key| key.starts_with(prefix)).collect();
            keys.sort();
            entries.extend(keys.into_iter().flat_map(|key| pack[key].iter().cloned()));
        }
        entries
    }

    /// Document `doc` as the browser gets it.
    pub fn document(&self, doc: u32) -> Option<Document> {
        let k = pack_of(&self.doc_firsts, &doc);
        let pack = {
            let mut packs = self.documents.lock().unwrap_or_else(|e| e.into_inner());
            if packs.len() >= KEPT_DOCUMENT_PACKS && !packs.contains_key(&k) {
                packs.clear();
            }
            packs
                .entry(k)
                .or_insert_with(|| {
                    let text = std::fs::read_to_string(self.dir.join(format!("docs/{k}.json")));
                    let items = text.ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
                    Arc::new(expand_documents(items))
                })
                .clone()
        };
        pack.get((doc - self.doc_firsts.get(k)?) as usize).cloned()
    }
}
