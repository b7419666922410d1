//! The files `library.js` reads to combine filters in the browser. None of
//! them grows into one big download: a first combined filter fetches the
//! count table (a few hundred numbers per scope), one bit set per chosen
//! value (one bit per resource) and the few item chunks on the page shown.
//!
//! ```text
//! _library/counts.json                  value ids, and per scope a table of counts
//! _library/bits/<facet>/<value>.bin     which resources have that value (bit i = resource i)
//! _library/<lang>/<chunk>.json          CHUNK resources' cards, in catalogue order
//! ```

use std::path::PathBuf;

use serde_json::{Value, json};

use super::library::{Card, FACETS, Index};
use crate::diag::Diagnostic;
use crate::write::Staging;

/// Resources per item chunk: small, so that a sparse result page fetches
/// little.
pub const CHUNK: usize = 16;

pub const DATA_DIR: &str = "_library";

/// The language-independent files: counts and bit sets.
pub fn write_shared(index: &Index, staging: &Staging) -> Vec<Diagnostic> {
    let mut scopes = serde_json::Map::new();
    scopes.insert(String::new(), histogram(index, None).into());
    for (c, id) in index.components.iter().enumerate() {
        scopes.insert(id.clone(), histogram(index, Some(c)).into());
    }
    let counts = json!({ "n": index.of.len(), "chunk": CHUNK, "facets": index.values, "scopes": scopes });
    let mut diags: Vec<Diagnostic> = staging
        .write(&PathBuf::from(DATA_DIR).join("counts.json"), counts.to_string().as_bytes())
        .err()
        .into_iter()
        .collect();
    for (f, facet) in FACETS.iter().enumerate() {
        for (v, id) in index.values[f].iter().enumerate() {
            let bits = bitset(index.of.len(), |i| index.of[i][f].contains(&v));
            diags.extend(staging.write(&PathBuf::from(DATA_DIR).join(format!("bits/{facet}/{id}.bin")), &bits).err());
        }
    }
    for (c, id) in index.components.iter().enumerate() {
        let bits = bitset(index.of.len(), |i| index.components_of[i].contains(&c));
        diags.extend(staging.write(&PathBuf::from(DATA_DIR).join(format!("bits/component/{id}.bin")), &bits).err());
    }
    diags
}

/// Item chunks for one language.
pub fn write_items(lang: &str, cards: &[Card], staging: &Staging) -> Vec<Diagnostic> {
    cards
        .chunks(CHUNK)
        .enumerate()
        .filter_map(|(k, chunk)| {
            let items: Vec<Value> = chunk.iter().map(item).collect();
            staging
                .write(
                    &PathBuf::from(DATA_DIR).join(format!("{lang}/{k}.json")),
                    Value::from(items).to_string().as_bytes(),
                )
                .err()
        })
        .collect()
}

/// A card as a compact array: the script draws it as the template does.
fn item(card: &Card) -> Value {
    let links: Vec<Value> = card.links.iter().map(|l| json!([l.url, l.label, l.language, l.hreflang])).collect();
    json!([
        card.url,
        card.citation,
        card.title,
        card.title_lang,
        card.summary,
        card.summary_lang,
        card.categories,
        card.audiences,
        links,
        card.fallback_dir
    ])
}

/// Counts of resources in `scope` for every combination of one value (or
/// none, index 0) per facet, flattened with the category varying slowest.
/// The count for a filter value given the other filters is one lookup.
fn histogram(index: &Index, scope: Option<usize>) -> Vec<u32> {
    let dims: Vec<usize> = index.values.iter().map(|v| v.len() + 1).collect();
    let mut table = vec![0u32; dims.iter().product()];
    for i in index.select(scope, None) {
        let with_any = |f: usize| std::iter::once(0).chain(index.of[i][f].iter().map(|v| v + 1)).collect::<Vec<_>>();
        let (cats, auds, langs) = (with_any(0), with_any(1), with_any(2));
        for &c in &cats {
            for &a in &auds {
                for &l in &langs {
                    table[(c * dims[1] + a) * dims[2] + l] += 1;
                }
            }
        }
    }
    table
}

fn bitset(n: usize, has: impl Fn(usize) -> bool) -> Vec<u8> {
    let mut bits = vec![0u8; n.div_ceil(8)];
    for i in (0..n).filter(|&i| has(i)) {
        bits[i / 8] |= 1 << (i % 8);
    }
    bits
}
