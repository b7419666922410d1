//! The files `library.js` reads to combine filters in the browser. None of
//! them grows into one big download: the filters are single-valued per
//! facet, so every combination (a *state*) of every scope can have its own
//! small file, and a first combined filter fetches just that one file: the
//! total, the count beside every filter value, and the first page's cards.
//! Later pages read one block of the state's result list and the few item
//! chunks those results are in.
//!
//! ```text
//! _library/<lang>/first/<scope>/<state>.json  total, counts given the other filters, first page's cards
//! _library/list/<scope>/<state>.<b>.bin       results b×BLOCK.. of the state, catalogue ordinals as varints
//! _library/<lang>/<chunk>.json                CHUNK resources' cards, in catalogue order
//! ```
//!
//! `<scope>` is `_` for the whole library (ids cannot contain `_`) or a
//! component id; `<state>` is `<category>.<audience>.<language>`, each a
//! value id or `_` when that facet is not chosen. A list block holds
//! `page_size × PAGES_PER_BLOCK` ordinals: the first as is, then each as
//! the difference from the one before, in unsigned LEB128 (one byte per
//! result when they are close, as in the large states).

use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::{Value, json};

use super::Output;
use super::library::{Card, Index};
use crate::diag::Diagnostic;

/// Resources per item chunk: small, so that a sparse result page fetches
/// little.
pub const CHUNK: usize = 16;

/// Result pages per list block: a block never straddles a page, and the
/// number of blocks stays about the number of results / 1,000.
pub const PAGES_PER_BLOCK: usize = 100;

pub const DATA_DIR: &str = "_library";

/// The results of every state of every scope, in catalogue order: the same
/// in every language, computed once.
pub struct States {
    /// Values per facet plus one (index 0: facet not chosen).
    dims: [usize; 3],
    /// `<state>` file name of each state, category varying slowest.
    names: Vec<String>,
    /// Per scope (`_`, then each component), its directory name and per
    /// state the ordinals of its results.
    scopes: Vec<(String, Vec<Vec<u32>>)>,
}

impl States {
    pub fn new(index: &Index) -> States {
        let dims: [usize; 3] = std::array::from_fn(|f| index.values[f].len() + 1);
        let name = |f: usize, v: usize| if v == 0 { "_" } else { index.values[f][v - 1].as_str() };
        let mut names = Vec::with_capacity(dims.iter().product());
        for c in 0..dims[0] {
            for a in 0..dims[1] {
                for l in 0..dims[2] {
                    names.push(format!("{}.{}.{}", name(0, c), name(1, a), name(2, l)));
                }
            }
        }
        let scopes = std::iter::once(None)
            .chain((0..index.components.len()).map(Some))
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|scope| {
                let dir = scope.map_or("_".to_string(), |c| index.components[c].clone());
                let mut lists = vec![Vec::new(); names.len()];
                for i in index.select(scope, None) {
                    let with_any = |f: usize| std::iter::once(0).chain(index.of[i][f].iter().map(|v| v + 1));
                    for c in with_any(0) {
                        for a in with_any(1) {
                            for l in with_any(2) {
                                lists[(c * dims[1] + a) * dims[2] + l].push(i as u32);
                            }
                        }
                    }
                }
                (dir, lists)
            })
            .collect();
        States { dims, names, scopes }
    }

    /// For each facet, how many results each of its values gives with the
    /// other facets as in `state`: what the filter shows beside the value.
    fn counts(&self, lists: &[Vec<u32>], state: usize) -> [Vec<usize>; 3] {
        let [_, da, dl] = self.dims;
        let chosen = [state / (da * dl), state / dl % da, state % dl];
        std::array::from_fn(|f| {
            (1..self.dims[f])
                .map(|v| {
                    let mut s = chosen;
                    s[f] = v;
                    lists[(s[0] * da + s[1]) * dl + s[2]].len()
                })
                .collect()
        })
    }

    fn each(&self) -> impl ParallelIterator<Item = (&str, &str, &[Vec<u32>], usize)> {
        self.scopes.par_iter().flat_map(move |(dir, lists)| {
            (0..self.names.len()).into_par_iter().map(move |s| (dir.as_str(), self.names[s].as_str(), &lists[..], s))
        })
    }
}

/// The language-independent files: the result lists, in blocks.
pub fn write_lists(states: &States, page_size: usize, staging: &dyn Output) -> Vec<Diagnostic> {
    let block = page_size * PAGES_PER_BLOCK;
    states
        .each()
        .flat_map_iter(|(dir, name, lists, s)| {
            lists[s].chunks(block).enumerate().filter_map(move |(b, ordinals)| {
                let path = PathBuf::from(DATA_DIR).join(format!("list/{dir}/{name}.{b}.bin"));
                staging.write(&path, &varints(ordinals)).err()
            })
        })
        .collect()
}

/// For one language: the first page of every state, and the item chunks.
pub fn write_items(
    lang: &str,
    cards: &[Card],
    states: &States,
    page_size: usize,
    staging: &dyn Output,
) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = states
        .each()
        .filter_map(|(dir, name, lists, s)| {
            let first: Vec<Value> = lists[s].iter().take(page_size).map(|&i| item(&cards[i as usize])).collect();
            let data = json!({ "total": lists[s].len(), "counts": states.counts(lists, s), "items": first });
            let path = PathBuf::from(DATA_DIR).join(format!("{lang}/first/{dir}/{name}.json"));
            staging.write(&path, data.to_string().as_bytes()).err()
        })
        .collect();
    diags.par_extend(cards.par_chunks(CHUNK).enumerate().filter_map(|(k, chunk)| {
        let items: Vec<Value> = chunk.iter().map(item).collect();
        staging
            .write(&PathBuf::from(DATA_DIR).join(format!("{lang}/{k}.json")), Value::from(items).to_string().as_bytes())
            .err()
    }));
    diags
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

/// Increasing ordinals as unsigned LEB128: the first, then the differences.
fn varints(ordinals: &[u32]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(ordinals.len());
    let mut previous = None;
    for &i in ordinals {
        let mut n = previous.map_or(i, |p| i - p);
        previous = Some(i);
        while n >= 0x80 {
            bytes.push((n & 0x7f) as u8 | 0x80);
            n >>= 7;
        }
        bytes.push(n as u8);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::varints;

    #[test]
    fn ordinals_as_differences() {
        assert_eq!(varints(&[5]), [5]);
        assert_eq!(varints(&[0, 1, 129, 300]), [0, 1, 0x80, 0x01, 171, 1]);
        assert_eq!(varints(&[200_000]), [0xc0, 0x9a, 0x0c]);
    }
}
