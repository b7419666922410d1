//! The files `library.js` reads to combine filters in the browser, packed
//! so that a library of any size publishes a few hundred files: the
//! filters are single-valued per facet, so every combination (a *state*)
//! of every scope is known in advance; states are numbered, category
//! varying slowest, and [`STATES_PER_PACK`] states share a file.
//!
//! ```text
//! _library/states/<scope>/<g>.json  per state g×P..: [total, counts given the other filters, first page's ordinals as differences]
//! _library/list/<scope>/<g>.json    per state g×P..: all its results' ordinals, as differences
//! _library/<lang>/<chunk>.json      CHUNK resources' cards as the theme's card template renders them, in catalogue order
//! ```
//!
//! A first combined filter fetches one states pack and the card chunks of
//! its first page; a later page, the list pack and its page's chunks.
//! `<scope>` is `_` for the whole library (ids cannot contain `_`) or a
//! component id. States and lists are the same in every language. Cards
//! are HTML from `card.html` (heading level 2; the script renames the
//! heading where the list sits under another level), so a theme that
//! overrides the card changes what the script draws too.

use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::{Value, json};

use super::Output;
use super::library::Index;
use crate::diag::Diagnostic;

/// Resources per card chunk: a first page in catalogue order is one or two
/// files, and 5,000 resources are some 160 files per language.
pub const CHUNK: usize = 32;

/// States per states and list pack: a pack of states is about 10 kB.
pub const STATES_PER_PACK: usize = 64;

pub const DATA_DIR: &str = "_library";

/// The results of every state of every scope, in catalogue order: the same
/// in every language, computed once.
pub struct States {
    /// Values per facet plus one (index 0: facet not chosen).
    dims: [usize; 3],
    /// Per scope (`_`, then each component), its directory name and per
    /// state the ordinals of its results.
    scopes: Vec<(String, Vec<Vec<u32>>)>,
}

impl States {
    pub fn new(index: &Index) -> States {
        let dims: [usize; 3] = std::array::from_fn(|f| index.values[f].len() + 1);
        let states: usize = dims.iter().product();
        let scopes = std::iter::once(None)
            .chain((0..index.components.len()).map(Some))
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|scope| {
                let dir = scope.map_or("_".to_string(), |c| index.components[c].clone());
                let mut lists = vec![Vec::new(); states];
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
        States { dims, scopes }
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
}

/// The language-independent files: per pack of states, their totals,
/// counts and first pages, and their whole result lists.
pub fn write_lists(states: &States, page_size: usize, staging: &dyn Output) -> Vec<Diagnostic> {
    states
        .scopes
        .par_iter()
        .flat_map(|(dir, lists)| {
            (0..lists.len().div_ceil(STATES_PER_PACK)).into_par_iter().map(move |g| (dir.as_str(), &lists[..], g))
        })
        .flat_map_iter(|(dir, lists, g)| {
            let range = g * STATES_PER_PACK..((g + 1) * STATES_PER_PACK).min(lists.len());
            let firsts: Vec<Value> = range
                .clone()
                .map(|s| {
                    let first = &lists[s][..lists[s].len().min(page_size)];
                    json!([lists[s].len(), states.counts(lists, s), differences(first)])
                })
                .collect();
            let all: Vec<Value> = range.map(|s| differences(&lists[s]).into()).collect();
            let data = PathBuf::from(DATA_DIR);
            [
                staging.write(&data.join(format!("states/{dir}/{g}.json")), Value::from(firsts).to_string().as_bytes()),
                staging.write(&data.join(format!("list/{dir}/{g}.json")), Value::from(all).to_string().as_bytes()),
            ]
            .into_iter()
            .filter_map(Result::err)
        })
        .collect()
}

/// For one language: the cards, as the theme renders them, in chunks.
pub fn write_items(lang: &str, cards_html: &[String], staging: &dyn Output) -> Vec<Diagnostic> {
    cards_html
        .par_chunks(CHUNK)
        .enumerate()
        .filter_map(|(k, chunk)| {
            let items: Vec<&str> = chunk.iter().map(|html| html.trim()).collect();
            let bytes = serde_json::to_vec(&items).unwrap_or_default();
            staging.write(&PathBuf::from(DATA_DIR).join(format!("{lang}/{k}.json")), &bytes).err()
        })
        .collect()
}

/// Increasing ordinals as the first, then the differences (small numbers,
/// which compress well).
fn differences(ordinals: &[u32]) -> Vec<u32> {
    let mut previous = None;
    ordinals
        .iter()
        .map(|&i| {
            let d = previous.map_or(i, |p| i - p);
            previous = Some(i);
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::differences;

    #[test]
    fn ordinals_as_differences() {
        assert_eq!(differences(&[5]), [5]);
        assert_eq!(differences(&[0, 1, 129, 300]), [0, 1, 128, 171]);
    }
}
