//! A page body cut into the units a translation tool works with: one per
//! block of text (paragraph, list item, table cell, heading, footnote),
//! each the source text of its inline content, Markdown included.
//!
//! A segment is a maximal run of inline events between two block events of
//! pulldown-cmark, so a tight list item, a paragraph in a loose one, a
//! table cell and a heading (without its `{#id}`) all come out the same
//! way; code blocks and HTML blocks are not text to translate.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What kind of block a segment is, for a translator's context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    Footnote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub block: Block,
    /// Byte range in the body.
    pub range: Range<usize>,
}

impl Segment {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body[self.range.clone()].trim()
    }
}

/// The options the build parses pages with, so segments match its blocks.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// The segments of a page body, in order.
pub fn segments(body: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    // Innermost enclosing block that names a segment's kind.
    let mut blocks: Vec<Block> = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut flush = |run: &mut Option<Range<usize>>, blocks: &[Block]| {
        if let Some(range) = run.take().filter(|r| !body[r.clone()].trim().is_empty()) {
            out.push(Segment { block: blocks.last().copied().unwrap_or(Block::Paragraph), range });
        }
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let inline = is_inline(&event);
        if inline {
            run = Some(match run.take() {
                Some(r) => r.start..range.end.max(r.end),
                None => range,
            });
            continue;
        }
        flush(&mut run, &blocks);
        match event {
            Event::Start(Tag::Heading { .. }) => blocks.push(Block::Heading),
            Event::Start(Tag::Item) => blocks.push(Block::ListItem),
            Event::Start(Tag::TableCell) => blocks.push(Block::TableCell),
            Event::Start(Tag::FootnoteDefinition(_)) => blocks.push(Block::Footnote),
            Event::End(TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::FootnoteDefinition) => {
                blocks.pop();
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => blocks.push(Block::Paragraph),
            _ => {}
        }
    }
    flush(&mut run, &blocks);
    // Code and HTML blocks hold Text events too: leave them out.
    let skipped = skipped_ranges(body);
    out.retain(|s| !skipped.iter().any(|r| r.start <= s.range.start && s.range.end <= r.end));
    out
}

/// Whether an event belongs to a block's running text.
pub fn is_inline(event: &Event) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::InlineMath(_) => true,
        Event::Start(tag) => {
            matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. })
        }
        Event::End(tag) => {
            matches!(tag, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image)
        }
        _ => false,
    }
}

/// Ranges of code blocks and HTML blocks.
fn skipped_ranges(body: &str) -> Vec<Range<usize>> {
    Parser::new_ext(body, options())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)))
        .map(|(_, r)| r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "## Why? {#why}

First paragraph with a [link](a.md) and `code`.

- **One** item
- Two[^1]

| A | B |
| --- | --- |
| cell | other |

```
not text
```

[^1]: A footnote.
";

    #[test]
    fn one_segment_per_block() {
        let found: Vec<(Block, &str)> = segments(BODY).iter().map(|s| (s.block, s.text(BODY))).collect();
        assert_eq!(
            found,
            [
                (Block::Heading, "Why?"),
                (Block::Paragraph, "First paragraph with a [link](a.md) and `code`."),
                (Block::ListItem, "**One** item"),
                (Block::ListItem, "Two[^1]"),
                (Block::TableCell, "A"),
                (Block::TableCell, "B"),
                (Block::TableCell, "cell"),
                (Block::TableCell, "other"),
                (Block::Footnote, "A footnote."),
            ]
        );
    }
}
