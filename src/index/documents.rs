//! The browser's files that need only the search documents, not the
//! tantivy index, written while tantivy indexes: the documents' text
//! (`_search/<lang>/docs/<k>.json`) and the filters' bit sets
//! (`facets.bin`). Takes the assembled [`SearchDoc`]s and the facets'
//! labels; hands [`super::export::write`] where each pack and bit set lies.

use std::io;
use std::path::Path;

use super::SearchDoc;
use super::pack::{gzip, write_file};

/// About how many bytes a documents pack holds: ten results are in up to
/// ten packs (6 to 12 kB).
pub fn doc_pack_bytes(docs: usize) -> usize {
    (docs * 2).clamp(6 * 1024, 12 * 1024)
}

/// Characters of a document's text the browser gets, for its snippet.
pub const EXCERPT_CHARS: usize = 200;

/// What [`write_documents`] tells [`super::export::write`] for `meta.json`.
pub struct Documents {
    /// Per facet and value, the offset and length of its bit set.
    pub facets: Vec<Vec<(usize, usize)>>,
    /// The first document of each `docs/<k>.json` pack.
    pub docs: Vec<usize>,
}

/// The files that need only the documents, not the index: their text
/// (`docs/`) and the filters' bit sets (`facets.bin`), written while
/// tantivy indexes.
pub fn write_documents(docs: &[SearchDoc], labels: &[Vec<(String, String)>], out: &Path) -> io::Result<Documents> {
    Ok(Documents { docs: write_docs(docs, out)?, facets: write_facets(docs, labels, out)? })
}

/// The opening of a text, at most [`EXCERPT_CHARS`] characters, cut after
/// a word.
pub fn excerpt(text: &str) -> &str {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => text,
        Some((end, _)) => {
            let cut = &text[..end];
            cut.rfind(char::is_whitespace).map_or(cut, |space| &cut[..space])
        }
    }
}

/// `docs/<k>.json`: per document `[url, title, section, excerpt]`, where a
/// document that follows another of the same page in its pack gives its
/// URL from the `#` on (`""` for the page's own URL) and its title as `0`:
/// a page's sections share both, and writing them once makes a fifth
/// fewer files of the same size. `search.js` and [`crate::search`] expand
/// them again.
fn write_docs(docs: &[SearchDoc], out: &Path) -> io::Result<Vec<usize>> {
    // Cut as `pack::cut` cuts, with each document sized as it follows the
    // one before, and written as it is serialised: a pack's first document
    // alone is serialised again, in full.
    let target = doc_pack_bytes(docs.len());
    let write = |k: usize, mut file: Vec<u8>| {
        file.push(b']');
        write_file(&out.join(format!("docs/{k}.json")), &file)
    };
    let mut firsts = Vec::new();
    let mut file = Vec::new();
    let mut filled = target;
    for i in 0..docs.len() {
        let item = compact_doc(docs, i, false)?;
        if filled >= target {
            if !firsts.is_empty() {
                write(firsts.len() - 1, std::mem::take(&mut file))?;
            }
            firsts.push(i);
            filled = 0;
            file.push(b'[');
            file.extend_from_slice(&compact_doc(docs, i, true)?);
        } else {
            file.push(b',');
            file.extend_from_slice(&item);
        }
        filled += item.len();
    }
    if !firsts.is_empty() {
        write(firsts.len() - 1, file)?;
    }
    Ok(firsts)
}

/// Document `i` as JSON, as it follows document `i - 1` in a pack (in
/// full when it opens the pack).
fn compact_doc(docs: &[SearchDoc], i: usize, opens_pack: bool) -> serde_json::Result<Vec<u8>> {
    let doc = &docs[i];
    let page = |url: &str| url.split('#').next().unwrap_or_default().len();
    let previous = if opens_pack || i == 0 { None } else { docs.get(i - 1) };
    let url = match previous {
        Some(p) if p.url[..page(&p.url)] == doc.url[..page(&doc.url)] => &doc.url[page(&doc.url)..],
        _ => doc.url.as_str(),
    };
    // Tuples serialise as JSON arrays, straight from the borrowed text.
    if previous.is_some_and(|p| p.title == doc.title) {
        serde_json::to_vec(&(url, 0, &doc.section, excerpt(&doc.body)))
    } else {
        serde_json::to_vec(&(url, &doc.title, &doc.section, excerpt(&doc.body)))
    }
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
        write_file(&out.join("facets.bin"), &gzip(&all)?)?;
    }
    Ok(ranges)
}
