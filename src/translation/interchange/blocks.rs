//! A page body as units of one block each (paragraph, list item, table
//! cell, heading, footnote), and the body rebuilt from them on import.
//!
//! A block's id is derived from its source text (and, for a text repeated
//! in the page, its repetition), so an unchanged paragraph keeps its id when
//! another changes. Its inline Markdown travels as markers (module
//! `inline`); everything between blocks (list markers, table rules, code
//! blocks, heading ids) is taken from the page, never from the translator.
//!
//! A translation written by hand whose blocks do not line up with the
//! source's (another number of paragraphs, other links) is offered whole,
//! as one `body` unit, rather than cut wrongly.

use std::collections::{BTreeMap, HashMap};

use crate::parse::links::slugify;
use crate::parse::source;
use crate::translation::inline::{self, Code, CodedBlock};
use crate::translation::markers;
use crate::translation::segment::Block;

use super::Field;

/// A unit of a page body.
pub struct BodyUnit {
    pub id: String,
    pub field: Field,
    pub source: String,
    /// The translation's text of the block, when there is one.
    pub current: Option<String>,
    pub context: String,
    /// The source's codes, then those only the translation has.
    pub codes: Vec<Code>,
    /// How many of `codes` are the source's.
    pub source_codes: usize,
}

fn kind(block: Block) -> &'static str {
    match block {
        Block::Paragraph => "paragraph",
        Block::Heading => "heading",
        Block::ListItem => "list item",
        Block::TableCell => "table cell",
        Block::Footnote => "footnote",
    }
}

/// The units of a page's body, given the source's and the translation's.
pub fn units(rel: &str, title: &str, source: &str, translation: Option<&str>) -> Vec<BodyUnit> {
    if source.is_empty() {
        return Vec::new();
    }
    let blocks = inline::blocks(source);
    let targets = match translation.filter(|t| !t.is_empty()) {
        None => Some(vec![None; blocks.len()]),
        Some(t) => markers::align(&blocks, &inline::blocks(t)).map(|all| all.into_iter().map(Some).collect()),
    };
    let Some(targets) = targets else {
        return vec![BodyUnit {
            id: format!("page:{rel}:body"),
            field: Field::Body,
            source: source.to_string(),
            current: translation.map(str::to_string),
            context: format!("{title}: the whole text, as its translation's blocks do not line up with the source's"),
            codes: Vec::new(),
            source_codes: 0,
        }];
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut section = String::new();
    let mut out = Vec::with_capacity(blocks.len());
    let count = blocks.len();
    for (index, (block, current)) in blocks.into_iter().zip(targets).enumerate() {
        let raw = &source[block.range.clone()];
        let hash = source::block(raw);
        let repeat = seen.entry(hash.clone()).and_modify(|n| *n += 1).or_insert(1);
        let key = if *repeat == 1 { hash } else { format!("{hash}-{repeat}") };
        if block.block == Block::Heading {
            section = heading_id(source, &block);
        }
        // A block of markup only (an image, a link list's bare URL) has
        // nothing to translate: it stays as the page has it.
        if !block.coded.has_words() {
            continue;
        }
        let place = if section.is_empty() { String::new() } else { format!(" › #{section}") };
        let source_codes = block.coded.codes.len();
        let mut codes = block.coded.codes;
        let current = current.map(|aligned| {
            codes.extend(aligned.extra);
            aligned.text
        });
        out.push(BodyUnit {
            id: format!("page:{rel}:{key}"),
            field: Field::Block { index, of: count, kind: block.block },
            source: block.coded.text,
            current,
            context: format!("{title}{place} · {}", kind(block.block)),
            codes,
            source_codes,
        });
    }
    out
}

/// A heading's `{#id}`, or the id the build gives it.
fn heading_id(body: &str, block: &CodedBlock) -> String {
    let line_end = body[block.range.end..].find('\n').map_or(body.len(), |n| block.range.end + n);
    let rest = body[block.range.end..line_end].trim();
    match rest.strip_prefix("{#").and_then(|r| r.split(['}', ' ']).next()) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => slugify(&body[block.range.clone()]),
    }
}

/// A translated block as it can go into the page: its markers complete,
/// and on one line where the block must be.
pub fn check(text: &str, kind: Block, codes: &[Code], source_codes: usize) -> Result<String, String> {
    let markdown = markers::decode(text, codes, source_codes)?;
    match kind {
        Block::Heading | Block::TableCell if markdown.contains('\n') => {
            Err(format!("a {} is one line: take out the line break", self::kind(kind)))
        }
        Block::TableCell if markdown.replace("\\|", "").contains('|') => {
            Err("a `|` would split the table cell: write it as `\\|`".to_string())
        }
        _ => Ok(markdown),
    }
}

/// `base` (the translation's body, or the source's for a new translation)
/// with the blocks of `changes` (block index → checked Markdown) in place;
/// an error when `base` no longer has the `expected` number of blocks.
pub fn rebuild(base: &str, expected: usize, changes: &BTreeMap<usize, String>) -> Result<String, String> {
    let blocks = inline::blocks(base);
    if blocks.len() != expected {
        return Err(format!(
            "the page has {} blocks where the exported file has {expected}: export again, then translate",
            blocks.len()
        ));
    }
    let continued = changes.iter().map(|(n, text)| (*n, inline::continued(text, &blocks[*n].continuation))).collect();
    Ok(inline::rebuild(base, &blocks, &continued))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "## Why? {#why}\n\nFirst [link](a.md).\n\nSame.\n\nSame.\n";

    #[test]
    fn ids_follow_the_text_not_the_position() {
        let ids = |body: &str| units("a.md", "A", body, None).into_iter().map(|u| u.id).collect::<Vec<_>>();
        let before = ids(BODY);
        assert_eq!(before.len(), 4);
        assert!(before[3].ends_with("-2"), "{before:?}");
        let edited = ids(&BODY.replace("First", "The first"));
        assert_eq!((before[0].as_str(), &before[2..]), (edited[0].as_str(), &edited[2..]));
        assert_ne!(before[1], edited[1]);
        let units = units("a.md", "A", BODY, None);
        assert_eq!(units[1].context, "A › #why · paragraph");
        assert_eq!(units[1].source, "First <1>link</1>.");
    }

    #[test]
    fn a_translation_with_other_blocks_is_offered_whole() {
        let units = units("a.md", "A", BODY, Some("## Pourquoi ? {#why}\n\nTout en un.\n"));
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].id, "page:a.md:body");
    }

    #[test]
    fn rebuild_replaces_only_the_changed_block() {
        let mut changes = BTreeMap::new();
        changes.insert(
            1,
            check("Premier <1>lien</1>.", Block::Paragraph, &units("a.md", "A", BODY, None)[1].codes, 1).unwrap(),
        );
        assert_eq!(rebuild(BODY, 4, &changes).unwrap(), BODY.replace("First [link](a.md).", "Premier [lien](a.md)."));
        assert!(rebuild(BODY, 5, &changes).is_err());
        assert!(check("a\nb", Block::Heading, &[], 0).is_err());
        assert!(check("a | b", Block::TableCell, &[], 0).is_err());
    }
}
