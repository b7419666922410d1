//! The two small binary encodings of the browser's files, written here and
//! read by `search.js`, `library.js` and `signpost search`: unsigned LEB128
//! varints, and *packs*, many entries in one file with a directory in front,
//! so that a site publishes a few hundred files instead of one per term.
//!
//! ```text
//! pack = varint n, n varint lengths, then the n entries one after another
//! ```
//!
//! Hand-written: both are a few lines, and the JavaScript side must decode
//! them without a library; `tests/codec-vectors.json` holds byte-exact
//! examples that the Rust tests and the browser tests both check.
//!
//! Binary files that every search fetches are published gzip-compressed
//! ([`gzip`], through flate2).

use std::io::{self, Read, Write};
use std::path::Path;

/// Appends `value` as unsigned LEB128.
pub fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one varint at `*pos`, moving past it; `None` past the end.
pub fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
}

/// Entries into one pack.
pub fn pack<E: AsRef<[u8]>>(entries: &[E]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.iter().map(|e| e.as_ref().len() + 2).sum::<usize>() + 4);
    varint(&mut out, entries.len() as u32);
    for e in entries {
        varint(&mut out, e.as_ref().len() as u32);
    }
    for e in entries {
        out.extend_from_slice(e.as_ref());
    }
    out
}

/// A pack's entries; `None` if it is cut short.
pub fn unpack(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut pos = 0;
    let n = read_varint(bytes, &mut pos)? as usize;
    let lengths: Vec<usize> =
        (0..n).map(|_| read_varint(bytes, &mut pos).map(|l| l as usize)).collect::<Option<_>>()?;
    let mut entries = Vec::with_capacity(n);
    for len in lengths {
        entries.push(bytes.get(pos..pos + len)?);
        pos += len;
    }
    Some(entries)
}

/// Increasing numbers (each pack's first item) as their differences: the
/// first, then each minus the one before.
pub fn gaps(firsts: &[usize]) -> Vec<usize> {
    let mut previous = 0;
    firsts
        .iter()
        .map(|&first| {
            let gap = first - previous;
            previous = first;
            gap
        })
        .collect()
}

/// [`gaps`] undone: running sums.
pub fn sums(gaps: impl IntoIterator<Item = u64>) -> Vec<u64> {
    let mut total = 0;
    gaps.into_iter()
        .map(|gap| {
            total += gap;
            total
        })
        .collect()
}

/// Which pack holds item `key`, given each pack's first item in order:
/// the last pack whose first item is not after `key`.
pub fn pack_of<K: Ord>(firsts: &[K], key: &K) -> usize {
    firsts.partition_point(|first| first <= key).saturating_sub(1)
}

/// Cuts items, in order, into packs of about `target` bytes: an item
/// starts a new pack when the current one has reached the target. Returns
/// the index of each pack's first item.
pub fn cut(sizes: impl IntoIterator<Item = usize>, target: usize) -> Vec<usize> {
    let mut firsts = Vec::new();
    let mut filled = target;
    for (i, size) in sizes.into_iter().enumerate() {
        if filled >= target {
            firsts.push(i);
            filled = 0;
        }
        filled += size;
    }
    firsts
}

/// A binary file that every search fetches (postings, `facets.bin`) as it
/// is published: gzip-compressed here, because static hosts compress text
/// types (HTML, JSON, JavaScript) but send `application/octet-stream` as
/// it is, and postings shrink to less than half. `search.js` undoes it with
/// the browser's `DecompressionStream`, [`crate::search`] with [`gunzip`].
/// Level 2: level 6 made files 2 % smaller for three times the build
/// time. The header carries no time or name, so two builds of the same
/// site write the same bytes.
pub fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new().write(Vec::with_capacity(bytes.len() / 2), flate2::Compression::new(2));
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// [`gzip`] undone.
pub fn gunzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 3);
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

/// Writes a file of the browser's, its folder made first.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vectors the browser's tests read too (tests/browser/codec.test.mjs).
    #[test]
    fn shared_vectors() {
        let text = include_str!("../../tests/codec-vectors.json");
        let vectors: serde_json::Value = serde_json::from_str(text).unwrap();
        for v in vectors["varint"].as_array().unwrap() {
            let mut out = Vec::new();
            varint(&mut out, v[0].as_u64().unwrap() as u32);
            let bytes: Vec<u8> = serde_json::from_value(v[1].clone()).unwrap();
            assert_eq!(out, bytes, "{v}");
            assert_eq!(read_varint(&bytes, &mut 0), Some(v[0].as_u64().unwrap() as u32));
        }
        for v in vectors["pack"].as_array().unwrap() {
            let entries: Vec<Vec<u8>> = serde_json::from_value(v[0].clone()).unwrap();
            let bytes: Vec<u8> = serde_json::from_value(v[1].clone()).unwrap();
            assert_eq!(pack(&entries), bytes, "{v}");
            let back: Vec<Vec<u8>> = unpack(&bytes).unwrap().into_iter().map(<[u8]>::to_vec).collect();
            assert_eq!(back, entries);
        }
        assert_eq!(unpack(&[2, 1]), None, "cut short");
        for v in vectors["gaps"].as_array().unwrap() {
            let firsts: Vec<usize> = serde_json::from_value(v[0].clone()).unwrap();
            let differences: Vec<usize> = serde_json::from_value(v[1].clone()).unwrap();
            assert_eq!(gaps(&firsts), differences, "{v}");
            let back = sums(differences.iter().map(|&d| d as u64));
            assert_eq!(back, firsts.iter().map(|&f| f as u64).collect::<Vec<_>>());
        }
    }

    #[test]
    fn packs_are_found_by_their_first_item() {
        let firsts = [0, 10, 25];
        assert_eq!([0, 9, 10, 24, 25, 1000].map(|k| pack_of(&firsts, &k)), [0, 0, 1, 1, 2, 2]);
        assert_eq!(cut([10, 10, 30, 5, 5, 5], 20), [0, 2, 3]);
        assert_eq!(cut([], 20), Vec::<usize>::new());
    }
}
