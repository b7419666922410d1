//! A block's inline Markdown as a translator sees it: its words, with each
//! link, emphasis, image, code span, footnote reference, line break and
//! piece of inline HTML replaced by a numbered marker: `<1>…</1>` around
//! the text that markup encloses, `<2/>` for markup that stands alone. The
//! markup itself (`[` and `](../a.md)`, `` `code` ``) stays in the unit as
//! its codes, so a translator can move a link but cannot break it. XLIFF
//! writes the markers as `<pc>` and `<ph>` with `<originalData>`; PO keeps
//! them as they are, in the form that Weblate's and Crowdin's markup
//! checks compare between source and translation (i18next's `<Trans>`
//! uses the same).
//!
//! Written here because no crate maps pulldown-cmark's inline events to
//! placeholders and back. Reading the markers of a translation back is
//! module `markers`.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use super::segment::{self, Block, Segment};

/// The markup a marker stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// Markup around text: `[` and `](a.md)`, `**` and `**`.
    Paired { open: String, close: String },
    /// Markup that stands alone: `` `x` ``, `[^1]`, a hard line break.
    Standalone(String),
}

impl Code {
    /// How an error names it: its markup.
    pub fn shown(&self, id: usize) -> String {
        match self {
            Code::Paired { open, close } => format!("<{id}>…</{id}> (`{open}…{close}`)"),
            Code::Standalone(data) => format!("<{id}/> (`{}`)", data.trim_end()),
        }
    }
}

/// A block's text with markers, and the codes the markers number from 1.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coded {
    pub text: String,
    pub codes: Vec<Code>,
}

impl Coded {
    /// Whether there is text to translate outside the markers: a block of
    /// markup only (an image without alt text, a bare URL) has none.
    pub fn has_words(&self) -> bool {
        super::markers::plain(&self.text).any(|text| text.chars().any(char::is_alphabetic))
    }
}

/// A segment of a body, coded.
#[derive(Debug, Clone)]
pub struct CodedBlock {
    pub block: Block,
    /// The block's text in the body, without surrounding white space.
    pub range: Range<usize>,
    pub coded: Coded,
    /// What starts each further line of the block: the indentation or `> `
    /// of the list item or quotation it is in.
    pub continuation: String,
}

/// The blocks of a body, in order, as [`segment::segments`] cuts them.
pub fn blocks(body: &str) -> Vec<CodedBlock> {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, segment::options())
        .into_offset_iter()
        .filter(|(event, _)| segment::is_inline(event))
        .collect();
    segment::segments(body)
        .into_iter()
        .map(|Segment { block, range }| {
            let range = trimmed(body, range);
            let inside = events.iter().filter(|(_, r)| range.start <= r.start && r.end <= range.end);
            CodedBlock {
                block,
                coded: encode(body, range.clone(), inside),
                continuation: continuation(body, &range),
                range,
            }
        })
        .collect()
}

fn trimmed(body: &str, range: Range<usize>) -> Range<usize> {
    let text = &body[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    start..range.start + text.trim_end().len()
}

/// The prefix of the block's second line, or of a line it would have.
fn continuation(body: &str, range: &Range<usize>) -> String {
    let text = &body[range.clone()];
    if let Some(newline) = text.find('\n') {
        let rest = &text[newline + 1..];
        return rest[..rest.len() - strip_prefix(rest).len()].to_string();
    }
    let line_start = body[..range.start].rfind('\n').map_or(0, |n| n + 1);
    body[line_start..range.start].chars().map(|c| if c == '>' || c == '\t' { c } else { ' ' }).collect()
}

/// A line without the indentation and `>` of the containers it is in. A
/// paragraph's own line never starts with `>` (that would start a quotation).
fn strip_prefix(line: &str) -> &str {
    line.trim_start_matches([' ', '\t', '>'])
}

/// `body[range]` with the containers' prefixes of its lines left out (of
/// its first line too when the range starts one), so that the translator
/// sees only the block's own text.
fn without_prefixes(body: &str, range: Range<usize>) -> String {
    let starts_line = range.start > 0 && body.as_bytes()[range.start - 1] == b'\n';
    let mut lines = body[range].split('\n');
    let first = lines.next().unwrap_or_default();
    let mut out = if starts_line { strip_prefix(first) } else { first }.to_string();
    for line in lines {
        out.push('\n');
        out.push_str(strip_prefix(line));
    }
    out
}

struct Frame {
    id: usize,
    range: Range<usize>,
    /// The opening markup, once the first thing inside it is known.
    open: Option<String>,
    /// Where the last thing inside it ends.
    last: usize,
}

struct Encoder<'a> {
    body: &'a str,
    cursor: usize,
    coded: Coded,
    frames: Vec<Frame>,
}

impl Encoder<'_> {
    fn text_to(&mut self, end: usize) {
        if end > self.cursor {
            self.coded.text.push_str(&without_prefixes(self.body, self.cursor..end));
            self.cursor = end;
        }
    }

    /// Something starts at `at` inside the innermost open markup: its
    /// opening markup is what lies before it.
    fn child(&mut self, at: usize) {
        if let Some(frame) = self.frames.last_mut().filter(|f| f.open.is_none()) {
            frame.open = Some(without_prefixes(self.body, self.cursor..at));
            self.coded.text.push_str(&format!("<{}>", frame.id));
            self.cursor = at;
        }
    }

    fn ended(&mut self, end: usize) {
        if let Some(frame) = self.frames.last_mut() {
            frame.last = frame.last.max(end);
        }
    }

    fn new_code(&mut self) -> usize {
        self.coded.codes.push(Code::Standalone(String::new()));
        self.coded.codes.len()
    }

    fn standalone(&mut self, range: Range<usize>) {
        self.child(range.start);
        self.text_to(range.start);
        let id = self.new_code();
        self.coded.codes[id - 1] = Code::Standalone(without_prefixes(self.body, range.clone()));
        self.coded.text.push_str(&format!("<{id}/>"));
        self.cursor = range.end;
        self.ended(range.end);
    }

    fn open(&mut self, range: Range<usize>) {
        self.child(range.start);
        self.text_to(range.start);
        let id = self.new_code();
        self.frames.push(Frame { id, last: range.start, range, open: None });
    }

    fn close(&mut self) {
        let Some(frame) = self.frames.pop() else { return };
        let code = match frame.open {
            // Nothing inside (`[](a.md)`): the whole stands alone.
            None => {
                self.coded.text.push_str(&format!("<{}/>", frame.id));
                Code::Standalone(without_prefixes(self.body, frame.range.clone()))
            }
            Some(open) => {
                self.text_to(frame.last);
                self.coded.text.push_str(&format!("</{}>", frame.id));
                Code::Paired { open, close: without_prefixes(self.body, frame.last..frame.range.end) }
            }
        };
        self.coded.codes[frame.id - 1] = code;
        self.cursor = frame.range.end;
        self.ended(frame.range.end);
    }
}

fn encode<'e>(body: &str, range: Range<usize>, events: impl Iterator<Item = &'e (Event<'e>, Range<usize>)>) -> Coded {
    let mut encoder = Encoder { body, cursor: range.start, coded: Coded::default(), frames: Vec::new() };
    // Inside an autolink, which stands alone as a whole.
    let mut skipping = 0usize;
    for (event, r) in events {
        if skipping > 0 {
            match event {
                Event::Start(Tag::Link { .. }) => skipping += 1,
                Event::End(pulldown_cmark::TagEnd::Link) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. }) => {
                encoder.standalone(r.clone());
                skipping = 1;
            }
            Event::Start(_) => encoder.open(r.clone()),
            Event::End(_) => encoder.close(),
            Event::Text(_) | Event::SoftBreak => {
                encoder.child(r.start);
                encoder.text_to(r.end);
                encoder.ended(r.end);
            }
            _ => encoder.standalone(r.clone()),
        }
    }
    while !encoder.frames.is_empty() {
        encoder.close();
    }
    encoder.text_to(range.end);
    encoder.coded
}

/// The blocks of a body that have text to translate: what a translation
/// tool counts as the page's segments.
pub fn translatable(body: &str) -> Vec<CodedBlock> {
    blocks(body).into_iter().filter(|b| b.coded.has_words()).collect()
}

/// How many of `source`'s translatable blocks `translation` translates:
/// those whose text does not appear unchanged among the translation's
/// blocks. A block left in the source language counts as untranslated, as
/// in a translation tool where the target equals the source.
pub fn translated(source: &str, translation: &str) -> usize {
    let left: std::collections::BTreeSet<&str> =
        segment::segments(translation).iter().map(|s| s.text(translation)).collect();
    translatable(source).iter().filter(|b| !left.contains(&source[b.range.clone()])).count()
}

/// `markdown` as it goes into a block's place: its further lines continued
/// with the block's prefix.
pub fn continued(markdown: &str, continuation: &str) -> String {
    markdown.replace('\n', &format!("\n{continuation}"))
}

/// `body` with the blocks of `replacements` (block index → Markdown already
/// continued) put in their places.
pub fn rebuild(body: &str, blocks: &[CodedBlock], replacements: &BTreeMap<usize, String>) -> String {
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (n, block) in blocks.iter().enumerate() {
        if let Some(text) = replacements.get(&n) {
            out.push_str(&body[at..block.range.start]);
            out.push_str(text);
            at = block.range.end;
        }
    }
    out.push_str(&body[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translation::markers::decode;

    fn coded(body: &str) -> Vec<(String, Vec<Code>)> {
        blocks(body).into_iter().map(|b| (b.coded.text, b.coded.codes)).collect()
    }

    fn paired(open: &str, close: &str) -> Code {
        Code::Paired { open: open.into(), close: close.into() }
    }

    #[test]
    fn links_emphasis_and_code_become_markers() {
        let body = "Read [the **whole** guide](../a.md \"A\") and `run`.\n";
        let blocks = coded(body);
        assert_eq!(blocks[0].0, "Read <1>the <2>whole</2> guide</1> and <3/>.");
        assert_eq!(
            blocks[0].1,
            [paired("[", "](../a.md \"A\")"), paired("**", "**"), Code::Standalone("`run`".into())]
        );
    }

    #[test]
    fn autolinks_footnotes_images_and_breaks() {
        let body = "See <https://who.int>[^1] ![a map](m.png)  \nnext\n\n[^1]: Note.\n";
        let blocks = coded(body);
        assert_eq!(blocks[0].0, "See <1/><2/> <3>a map</3><4/>next");
        assert_eq!(blocks[0].1[0], Code::Standalone("<https://who.int>".into()));
        assert_eq!(blocks[0].1[1], Code::Standalone("[^1]".into()));
        assert_eq!(blocks[0].1[2], paired("![", "](m.png)"));
    }

    #[test]
    fn container_prefixes_stay_out_of_the_text() {
        let body = "> - a quoted item\n>   on two lines\n";
        let blocks = blocks(body);
        assert_eq!(blocks[0].coded.text, "a quoted item\non two lines");
        assert_eq!(blocks[0].continuation, ">   ");
        let single = super::blocks("- one line\n");
        assert_eq!(single[0].continuation, "  ");
    }

    #[test]
    fn round_trip_of_the_source_is_the_source() {
        let body = "## Why? {#why}\n\nFirst *paragraph* with a [link](a.md),\nover `two` lines.\n\n- **One** item\n  continued\n- Two[^1]\n\n| A | [B](b.md) |\n| --- | --- |\n| cell | other |\n\n[^1]: A footnote.\n";
        let blocks = blocks(body);
        let all: BTreeMap<usize, String> = blocks
            .iter()
            .enumerate()
            .map(|(n, b)| {
                (n, continued(&decode(&b.coded.text, &b.coded.codes, b.coded.codes.len()).unwrap(), &b.continuation))
            })
            .collect();
        assert_eq!(rebuild(body, &blocks, &all), body);
    }

    #[test]
    fn counts_what_changed_and_leaves_out_markup_only_blocks() {
        let body = "First paragraph.\n\n<https://who.int>\n\n![](map.png)\n\n![A map](map.png)\n";
        assert_eq!(translatable(body).len(), 2);
        assert_eq!(translated(body, body), 0);
        assert_eq!(translated(body, &body.replace("First paragraph", "Premier paragraphe")), 1);
    }
}
