//! A [`Book`] as typst markup: a fixed preamble (page, fonts, headings),
//! the cover, the table of contents, then one chapter per page, written
//! from pulldown-cmark events.
//!
//! Author text enters the markup only through [`escape`], so nothing an
//! author writes (`#`, `*`, `$`, `<`, `//`, `http://`) can become typst
//! code or formatting. Everything else written here is fixed markup.
//!
//! Labels are generated, never taken from the text: `<c3>` is chapter 3,
//! `<c3-h1>` its second heading, `<c3-fn0>` its first footnote. A link to a
//! page of the book becomes a link to its chapter or heading; a link to
//! any other page leads to that page on the site.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::book::{Book, Chapter};
use super::escape::{Mode, escape, string, text};
use crate::model::{Direction, Lang, PageKey};
use crate::parse::links::{is_external, join, slugify};
use crate::parse::markdown::options;
use crate::parse::text::plain_text;

/// The markup of a book, and where each chapter's markup is (to place
/// typst's messages at the page they come from).
pub struct Markup {
    pub text: String,
    pub chapters: Vec<Range<usize>>,
}

/// The whole book as one typst source.
pub fn book(book: &Book) -> Markup {
    // Which headings each chapter has, so links can point at them.
    let anchors: Vec<Vec<String>> = book.chapters.iter().map(|c| heading_ids(&c.markdown)).collect();
    let mut out = String::with_capacity(book.chapters.iter().map(|c| c.markdown.len() * 5 / 4).sum::<usize>() + 4096);
    preamble(book, &mut out);
    let mut ranges = Vec::with_capacity(book.chapters.len());
    for (i, chapter) in book.chapters.iter().enumerate() {
        let start = out.len();
        ChapterWriter::new(book, &anchors, i).write(chapter, &mut out);
        ranges.push(start..out.len());
    }
    Markup { text: out, chapters: ranges }
}

/// `lang: "pt", region: "BR", dir: ltr`: typst takes a language, an
/// optional region and a direction.
fn language(lang: &Lang, direction: Direction) -> String {
    let mut parts = lang.as_str().split(['-', '_']);
    let primary = parts.next().unwrap_or("en").to_ascii_lowercase();
    let mut out = format!("lang: {}", string(&primary));
    if let Some(region) = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic())) {
        let _ = write!(out, ", region: {}", string(&region.to_ascii_uppercase()));
    }
    let _ = write!(out, ", dir: {}", direction.as_str());
    out
}

/// Page, type and heading styles, the cover and the table of contents.
fn preamble(book: &Book, out: &mut String) {
    let title = string(&book.title);
    let _ = write!(
        out,
        r##"#set document(title: {title})
#set page(paper: {paper}, margin: (x: 2.2cm, top: 2.4cm, bottom: 2.6cm))
#set text(font: ("Noto Sans", "Noto Naskh Arabic"), size: 10.5pt, {lang})
#set par(leading: 0.75em, spacing: 1.2em)
#show raw: set text(font: ("Noto Sans", "Noto Naskh Arabic"), size: 0.95em)
#show raw.where(block: true): block.with(fill: luma(245), inset: 8pt, radius: 3pt, width: 100%)
#show link: set text(fill: rgb("#1d4f91"))
#set heading(numbering: none)
#show heading: set text(weight: "bold")
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 1): set block(above: 0.6em, below: 1em)
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 2): set block(above: 1.8em, below: 0.9em)
#show heading.where(level: 3): set text(size: 11.5pt)
#show outline.entry.where(level: 1): set block(above: 1.1em)
#show outline.entry.where(level: 1): set text(weight: "bold")
#set table(inset: 6pt, stroke: 0.5pt + luma(170))
#set quote(block: true)

#page(numbering: none)[
#v(28%)
#text(size: 26pt, weight: "bold")[{cover_title}]
#v(1.5em)
#text(size: 15pt)[{language_name}]
#v(1fr)
// A box of its own: the address reads left to right in any language.
#box(text(dir: ltr, link({home})[{home_text}]))
]

#set page(numbering: "1")
#counter(page).update(1)
#outline(title: [{contents}], depth: 2)
"##,
        paper = string(book.paper.as_str()),
        lang = language(&book.lang, book.direction),
        cover_title = text(&book.title),
        language_name = text(&book.language_name),
        home = string(&book.home_url),
        home_text = text(&book.home_url),
        contents = text(&book.contents),
    );
}

/// The ids the site gives a page's headings, in order: the author's
/// `{#id}`, else a slug of the words, made unique as the HTML does.
fn heading_ids(markdown: &str) -> Vec<String> {
    let mut ids = HeadingIds::default();
    let mut found = Vec::new();
    let mut heading: Option<(Option<String>, Vec<Event>)> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => heading = Some((id.map(|i| i.to_string()), Vec::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, events)) = heading.take() {
                    found.push(ids.unique(id.unwrap_or_else(|| slugify(&plain_text(&events)))));
                }
            }
            event => {
                if let Some((_, events)) = &mut heading {
                    events.push(event);
                }
            }
        }
    }
    found
}

#[derive(Default)]
struct HeadingIds(HashMap<String, usize>);

impl HeadingIds {
    fn unique(&mut self, id: String) -> String {
        let count = self.0.entry(id.clone()).or_insert(0);
        *count += 1;
        if *count == 1 { id } else { format!("{id}-{}", *count - 1) }
    }
}

/// Where a link leads.
enum Target {
    Label(String),
    Url(String),
}

struct ChapterWriter<'b> {
    book: &'b Book,
    anchors: &'b [Vec<String>],
    chapter: usize,
    /// The page's folder inside its language folder, for relative links.
    dir: String,
    headings: usize,
    /// Footnote definitions by name, and the label of each one already
    /// placed (a second reference points at the first).
    footnotes: HashMap<String, Vec<Event<'b>>>,
    placed: HashMap<String, String>,
    /// What closes each open link: `]` or nothing (a link left as text).
    links: Vec<&'static str>,
    /// Text of the code block being read, and its language.
    code: Option<(String, String)>,
}

impl<'b> ChapterWriter<'b> {
    fn new(book: &'b Book, anchors: &'b [Vec<String>], chapter: usize) -> Self {
        let source = &book.chapters[chapter].source;
        // `content/<lang>/<dir>/<file>.md`
        let inner: Vec<_> = source.iter().skip(2).map(|p| p.to_string_lossy()).collect();
        let dir = inner[..inner.len().saturating_sub(1)].join("/");
        ChapterWriter {
            book,
            anchors,
            chapter,
            dir,
            headings: 0,
            footnotes: HashMap::new(),
            placed: HashMap::new(),
            links: Vec::new(),
            code: None,
        }
    }

    fn write(mut self, chapter: &'b Chapter, out: &mut String) {
        let i = self.chapter;
        out.push_str("\n#pagebreak(weak: true)\n#counter(footnote).update(0)\n#[\n");
        let book_language = language(&self.book.lang, self.book.direction);
        if chapter.lang != self.book.lang {
            let _ = writeln!(out, "#set text({})", language(&chapter.lang, chapter.direction));
        }
        if let Some(notice) = &chapter.fallback_notice {
            let _ = writeln!(
                out,
                "#block(fill: luma(238), inset: 8pt, radius: 3pt, width: 100%)[#set text({book_language}, size: 9.5pt)\n{}]",
                text(notice)
            );
        }
        if let Some(label) = &chapter.label {
            let _ = writeln!(out, "#text(size: 10pt, fill: luma(90))[{}]", text(label));
        }
        let _ = writeln!(out, "#heading(level: 1)[{}]<c{i}>", text(&chapter.title));
        if let Some(summary) = &chapter.summary {
            let _ = writeln!(out, "#text(size: 11.5pt)[#emph[{}]]\n", text(summary));
        }
        out.push('\n');

        // Footnote definitions are placed where they are referenced.
        let mut events = Vec::new();
        let mut definition: Option<(String, Vec<Event>)> = None;
        for event in Parser::new_ext(&chapter.markdown, options()) {
            match event {
                Event::Start(Tag::FootnoteDefinition(name)) => definition = Some((name.to_string(), Vec::new())),
                Event::End(TagEnd::FootnoteDefinition) => {
                    if let Some((name, body)) = definition.take() {
                        self.footnotes.insert(name, body);
                    }
                }
                event => match &mut definition {
                    Some((_, body)) => body.push(event),
                    None => events.push(event),
                },
            }
        }
        for event in events {
            self.event(event, out);
        }
        out.push_str("\n]\n");
    }

    fn event(&mut self, event: Event<'b>, out: &mut String) {
        match event {
            Event::Start(tag) => self.start(tag, out),
            Event::End(tag) => self.end(tag, out),
            Event::Text(t) => match &mut self.code {
                Some((code, _)) => code.push_str(&t),
                None => escape(out, &t, Mode::Markup),
            },
            Event::Code(t) => {
                let _ = write!(out, "#raw({})", string(&t));
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => escape(out, &t, Mode::Markup),
            // Raw HTML means nothing on paper.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::FootnoteReference(name) => self.footnote(&name, out),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("\n#line(length: 100%, stroke: 0.5pt + luma(170))\n\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "☑ " } else { "☐ " }),
        }
    }

    fn start(&mut self, tag: Tag<'b>, out: &mut String) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                // `#` in a page is below its title, which is level 1.
                let level = (level as usize).max(2);
                let outlined = if level > 2 { ", outlined: false" } else { "" };
                let _ = write!(out, "\n#heading(level: {level}{outlined})[");
            }
            Tag::BlockQuote(_) => out.push_str("\n#quote["),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((String::new(), lang));
            }
            Tag::List(Some(start)) => {
                let _ = write!(out, "\n#enum(start: {start})");
            }
            Tag::List(None) => out.push_str("\n#list"),
            Tag::Item => out.push('['),
            Tag::Table(alignments) => {
                let aligns: Vec<&str> = alignments
                    .iter()
                    .map(|a| match a {
                        pulldown_cmark::Alignment::None => "auto",
                        pulldown_cmark::Alignment::Left => "start",
                        pulldown_cmark::Alignment::Center => "center",
                        pulldown_cmark::Alignment::Right => "end",
                    })
                    .collect();
                let _ = write!(out, "\n#table(columns: {}, align: ({},),\n", aligns.len(), aligns.join(", "));
            }
            Tag::TableHead => out.push_str("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => out.push('['),
            Tag::Emphasis => out.push_str("#emph["),
            Tag::Strong => out.push_str("#strong["),
            Tag::Strikethrough => out.push_str("#strike["),
            Tag::Superscript => out.push_str("#super["),
            Tag::Subscript => out.push_str("#sub["),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => match self.target(&dest_url) {
                Some(Target::Label(label)) => {
                    let _ = write!(out, "#link(<{label}>)[");
                    self.links.push("]");
                }
                Some(Target::Url(url)) => {
                    let _ = write!(out, "#link({})[", string(&url));
                    self.links.push("]");
                }
                None => self.links.push(""),
            },
            // Not enabled in `options()`; their text is kept.
            Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd, out: &mut String) {
        match tag {
            TagEnd::Paragraph => out.push_str("\n\n"),
            TagEnd::Heading(_) => {
                let _ = write!(out, "]<c{}-h{}>\n\n", self.chapter, self.headings);
                self.headings += 1;
            }
            TagEnd::BlockQuote(_) => out.push_str("]\n\n"),
            TagEnd::CodeBlock => {
                if let Some((code, lang)) = self.code.take() {
                    let lang = if lang.is_empty() { String::new() } else { format!("lang: {}, ", string(&lang)) };
                    let _ = write!(out, "\n#raw(block: true, {lang}{})\n\n", string(code.trim_end_matches('\n')));
                }
            }
            TagEnd::List(_) => out.push_str("\n\n"),
            TagEnd::Item => {
                trim_end(out);
                out.push(']');
            }
            TagEnd::Table => out.push_str(")\n\n"),
            TagEnd::TableHead => out.push_str("),\n"),
            TagEnd::TableRow => out.push('\n'),
            TagEnd::TableCell => out.push_str("], "),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {
                out.push(']')
            }
            TagEnd::Link | TagEnd::Image => out.push_str(self.links.pop().unwrap_or("")),
            TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
    }

    /// A footnote at its first reference; later references point at it.
    fn footnote(&mut self, name: &str, out: &mut String) {
        if let Some(label) = self.placed.get(name) {
            let _ = write!(out, "#footnote(<{label}>)");
            return;
        }
        let Some(body) = self.footnotes.remove(name) else { return };
        let label = format!("c{}-fn{}", self.chapter, self.placed.len());
        self.placed.insert(name.to_string(), label.clone());
        let mut inner = String::new();
        for event in body {
            self.event(event, &mut inner);
        }
        trim_end(&mut inner);
        let _ = write!(out, "#footnote[{inner}]<{label}>");
    }

    /// Where a link of this page leads in the PDF: a chapter or heading of
    /// the book, else the page on the site; `None` leaves the text unlinked.
    fn target(&self, dest: &str) -> Option<Target> {
        let book = self.book;
        if dest.is_empty() {
            return None;
        }
        if is_external(dest) {
            return Some(Target::Url(dest.to_string()));
        }
        if dest.starts_with('/') {
            return Some(Target::Url(format!("{}{dest}", book.origin)));
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            return self.label(self.chapter, Some(anchor));
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (dest, None),
        };
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let joined = join(&self.dir, path)?;
        let chapter = &book.chapters[self.chapter];
        let Some((key, _)) = PageKey::from_file(&joined) else {
            // A file beside the page, on the site.
            let hash = fragment.map(|f| format!("#{f}")).unwrap_or_default();
            return Some(Target::Url(format!("{}{}/{joined}{hash}", book.base_url, chapter.lang)));
        };
        match book.chapter(&key) {
            Some(j) => self.label(j, fragment),
            None => {
                let hash = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                Some(Target::Url(format!("{}{hash}", book.page_url(&key))))
            }
        }
    }

    /// Chapter `j`, or its heading with that id (the chapter itself for an
    /// id that is not a heading, such as a footnote's).
    fn label(&self, j: usize, anchor: Option<&str>) -> Option<Target> {
        let heading = anchor.and_then(|a| self.anchors[j].iter().position(|id| id == a));
        Some(Target::Label(match heading {
            Some(h) => format!("c{j}-h{h}"),
            None => format!("c{j}"),
        }))
    }
}

fn trim_end(out: &mut String) {
    let kept = out.trim_end().len();
    out.truncate(kept);
}

#[cfg(test)]
mod tests;
