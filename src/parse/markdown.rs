//! Markdown to HTML with pulldown-cmark, cut into the page's `##` sections.
//!
//! Links to other content files are not resolved here: the same English text
//! is shown in the French site when a page is untranslated, and its links
//! must then lead to French pages. Each such link's `href` is written as a
//! mark ([`LINK_MARK`], its number, [`LINK_MARK`]) and recorded in
//! [`Document::links`]; [`crate::validate`] checks it and
//! [`crate::assemble`] fills in the URL for the reader's language.
//!
//! Each section's plain text, for the search index, is collected from the
//! same events as its HTML.

use std::collections::HashMap;

use crate::config::{Config, RawHtml};
use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use crate::escape;
use crate::load::SourceFile;
use crate::model::{Document, FileRef, Footnote, LINK_MARK, LinkRef, PageKey, Section};
use crate::parse::front_matter::Split;
use crate::parse::links::{is_external, join, slugify};
use crate::parse::text::{collapse_spaces, plain_text, push_text};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// [`LINK_MARK`] while a section passes through the sanitizer (U+FDD0, a
/// noncharacter: Unicode keeps it out of interchanged text).
const LINK_MARK_IN_HTML: &str = "\u{FDD0}";

/// The Markdown extensions every page is read with.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_STRIKETHROUGH
}

pub fn parse(
    config: &Config,
    source: &SourceFile,
    split: &Split,
    lines: &LineIndex,
    diags: &mut Diagnostics,
) -> Document {
    let mut builder = Builder {
        config,
        source,
        lines,
        body_offset: split.body_offset,
        diags,
        doc: Document::default(),
        section: None,
        current: Vec::new(),
        current_text: String::new(),
        heading: None,
        footnote: None,
        footnote_numbers: HashMap::new(),
        footnote_bodies: Vec::new(),
        used_ids: HashMap::new(),
        raw_html: false,
        in_code: false,
        image: false,
    };
    for (event, range) in Parser::new_ext(split.body, options()).into_offset_iter() {
        builder.event(event, range.start);
    }
    builder.finish()
}

/// A heading whose text is still being read: its id depends on its words.
struct PendingHeading<'a> {
    level: HeadingLevel,
    id: Option<String>,
    classes: Vec<String>,
    events: Vec<Event<'a>>,
}

struct Builder<'a, 'd> {
    config: &'a Config,
    source: &'a SourceFile,
    lines: &'a LineIndex,
    body_offset: usize,
    diags: &'d mut Diagnostics,
    doc: Document,
    /// The `##` section being filled, if any (else the intro).
    section: Option<Section>,
    /// Events of the current intro or section body.
    current: Vec<Event<'a>>,
    /// Their text, for the search index.
    current_text: String,
    /// A heading being collected.
    heading: Option<PendingHeading<'a>>,
    /// A footnote definition being collected.
    footnote: Option<(String, Vec<Event<'a>>)>,
    footnote_numbers: HashMap<String, usize>,
    footnote_bodies: Vec<(String, Vec<Event<'a>>)>,
    used_ids: HashMap<String, usize>,
    /// Raw HTML was written in this page: cleaned when the site says so.
    raw_html: bool,
    /// Inside a code block, where `{{ }}` and `[x](y)` are examples.
    in_code: bool,
    /// The destination being resolved is an image's.
    image: bool,
}

impl<'a> Builder<'a, '_> {
    fn event(&mut self, event: Event<'a>, offset: usize) {
        self.warn_about_lost_text(&event, offset);
        let event = self.rewrite_link(event, offset);
        let event = match event {
            Event::Html(html) | Event::InlineHtml(html) if self.config.raw_html == RawHtml::Escape => Event::Text(html),
            Event::Html(html) => {
                self.raw_html = true;
                Event::Html(html)
            }
            Event::InlineHtml(html) => {
                self.raw_html = true;
                Event::InlineHtml(html)
            }
            event => event,
        };
        match event {
            Event::Start(Tag::Heading { level, id, classes, .. }) => {
                let classes = classes.into_iter().map(|c| c.to_string()).collect();
                self.heading =
                    Some(PendingHeading { level, id: id.map(|i| i.to_string()), classes, events: Vec::new() });
            }
            Event::End(TagEnd::Heading(_)) => self.finish_heading(),
            Event::Start(Tag::FootnoteDefinition(name)) => self.footnote = Some((name.to_string(), Vec::new())),
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(footnote) = self.footnote.take() {
                    self.footnote_bodies.push(footnote);
                }
            }
            Event::FootnoteReference(name) => {
                // Markup only: the note's number is not text to search.
                let html = self.footnote_reference(&name);
                self.push_markup(Event::InlineHtml(html.into()));
            }
            event => self.push(event),
        }
    }

    /// Text that other tools would have turned into something, and that
    /// Signpost publishes as written: a warning at its position that says
    /// what to write instead.
    fn warn_about_lost_text(&mut self, event: &Event<'a>, offset: usize) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Html(html) | Event::InlineHtml(html) if html.contains("<img") => {
                self.image_sources(html, offset);
            }
            _ => {}
        }
        match event {
            Event::Html(html) => {
                if let Some(at) = html.find(" markdown=\"1\"").or_else(|| html.find(" markdown=1")) {
                    self.warn(offset + at + 1, "`markdown=\"1\"` has no effect: Markdown inside an HTML element is read only after a blank line; put a blank line after the opening tag and before the closing one");
                } else if let Some(at) = markdown_link_in(html) {
                    self.warn(offset + at, "this Markdown is inside a raw HTML block and is published as written: put a blank line after the opening tag and before the closing one");
                }
            }
            // All three begin with `{`, which most text has not: one fast
            // scan first (this ran on every piece of text of the site).
            Event::Text(text) if !self.in_code && text.contains('{') => {
                if let Some(at) = text.find("{:") {
                    self.warn(offset + at, "attribute lists such as `{: .class}` are not read and are published as text: for a heading write `## Title {#id .class}`, otherwise remove it");
                }
                for (open, close, what) in [("{%", "%}", "`{% ... %}`"), ("{{", "}}", "`{{ ... }}`")] {
                    if let Some(at) = text.find(open).filter(|&at| text[at..].contains(close)) {
                        let message = format!(
                            "template tags such as {what} are not run in pages and are published as text: write the text itself, or put it in `code` if it is an example"
                        );
                        self.warn(offset + at, &message);
                    }
                }
            }
            _ => {}
        }
    }

    /// `<img src="…">` in raw HTML, recorded like Markdown images.
    fn image_sources(&mut self, html: &str, offset: usize) {
        let mut rest = html;
        let mut at = 0;
        while let Some(i) = rest.find("<img") {
            let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e);
            let tag = &rest[i..tag_end];
            if let Some(s) = tag.find("src=") {
                let value = &tag[s + 4..];
                let src = match value.chars().next() {
                    Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                    _ => value.split([' ', '\t', '\n', '>']).next().unwrap_or(""),
                };
                let src = src.to_string();
                self.image = true;
                // Only recorded: raw HTML is published as written.
                let _ = self.destination(CowStr::from(src), offset + at + i + s);
                self.image = false;
            }
            at += tag_end;
            rest = &rest[tag_end..];
        }
    }

    fn warn(&mut self, offset: usize, message: &str) {
        let position = self.position(offset);
        self.diags.push(Diagnostic::warning(&self.source.path, position, message));
    }

    fn push(&mut self, event: Event<'a>) {
        if self.heading.is_none() && self.footnote.is_none() {
            push_text(&mut self.current_text, &event);
        }
        self.push_markup(event);
    }

    fn push_markup(&mut self, event: Event<'a>) {
        if let Some(heading) = &mut self.heading {
            heading.events.push(event);
        } else if let Some((_, events)) = &mut self.footnote {
            events.push(event);
        } else {
            self.current.push(event);
        }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.source.text, self.body_offset + offset)
    }

    /// Turns links to content files into placeholders and records them;
    /// turns links to files beside the page into site URLs.
    fn rewrite_link(&mut self, event: Event<'a>, offset: usize) -> Event<'a> {
        let Event::Start(tag) = event else {
            return event;
        };
        match tag {
            Tag::Link { link_type, dest_url, title, id } => match self.destination(dest_url, offset) {
                Destination::Url(dest_url) => Event::Start(Tag::Link { link_type, dest_url, title, id }),
                // Written as pulldown-cmark writes a link, with the mark
                // where the URL goes; its end tag is pulldown-cmark's.
                Destination::Page(n) => {
                    let title = if title.is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape::cmark_attr(&title))
                    };
                    Event::InlineHtml(format!("<a href=\"{LINK_MARK}{n}{LINK_MARK}\"{title}>").into())
                }
            },
            Tag::Image { link_type, dest_url, title, id } => {
                self.image = true;
                let dest_url = match self.destination(dest_url, offset) {
                    Destination::Url(url) => url,
                    // An image of a page: nothing to show.
                    Destination::Page(_) => CowStr::from(""),
                };
                self.image = false;
                Event::Start(Tag::Image { link_type, dest_url, title, id })
            }
            tag => Event::Start(tag),
        }
    }

    fn destination(&mut self, dest: CowStr<'a>, offset: usize) -> Destination<'a> {
        if self.image && dest.starts_with('/') && !dest.starts_with("//") {
            let path = dest.split(['?', '#']).next().unwrap_or("");
            let inside = path.strip_prefix(self.config.base_path.as_str()).unwrap_or(path.trim_start_matches('/'));
            let file = FileRef {
                path: escape::percent_decode(inside).into_owned(),
                dest: dest.to_string(),
                position: self.position(offset),
                image: true,
            };
            self.doc.site_images.push(file);
        }
        if dest.is_empty() || is_external(&dest) || dest.starts_with('/') {
            return Destination::Url(dest);
        }
        let position = self.position(offset);
        if let Some(anchor) = dest.strip_prefix('#') {
            self.doc.links.push(LinkRef {
                target: None,
                anchor: Some(escape::percent_decode(anchor).into_owned()),
                dest: dest.to_string(),
                position,
            });
            return Destination::Url(dest);
        }
        // As URLs, links are percent-encoded: `%25.md` is the file `%.md`.
        let (path, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(escape::percent_decode(fragment).into_owned())),
            None => (&*dest, None),
        };
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let path = &*escape::percent_decode(path);
        let Some(joined) = join(&self.source_dir(), path) else {
            self.diags.push(Diagnostic::error(
                &self.source.path,
                position,
                format!("link `{dest}` leads outside the site"),
            ));
            return Destination::Url(dest);
        };
        if let Some((target, _)) = PageKey::from_file(&joined) {
            let n = self.doc.links.len();
            self.doc.links.push(LinkRef { target: Some(target), anchor: fragment, dest: dest.to_string(), position });
            return Destination::Page(n);
        }
        // A file beside the page (an image, a PDF): it is copied to the
        // output under the language of the page that holds it.
        self.doc.files.push(FileRef { path: joined.clone(), dest: dest.to_string(), position, image: self.image });
        let hash = fragment.map(|f| format!("#{}", escape::url_fragment(&f))).unwrap_or_default();
        let path: Vec<_> = joined.split('/').map(escape::url_segment).collect();
        Destination::Url(format!("{}{}/{}{hash}", self.config.base_path, self.source.lang, path.join("/")).into())
    }

    /// Folder of the source file inside its language folder: the source
    /// path is `content/<lang>/<dir>/<file>.md`.
    fn source_dir(&self) -> String {
        let inner: Vec<_> = self.source.path.iter().skip(2).map(|p| p.to_string_lossy()).collect();
        inner[..inner.len().saturating_sub(1)].join("/")
    }

    fn finish_heading(&mut self) {
        let Some(PendingHeading { level, id, classes, events }) = self.heading.take() else {
            return;
        };
        let text = plain_text(&events);
        let id = self.unique_id(id.unwrap_or_else(|| slugify(&text)));
        self.doc.anchors.insert(id.clone());
        if level == HeadingLevel::H2 {
            self.close_section();
            let mut title = String::new();
            html::push_html(&mut title, events.into_iter());
            let title = self.clean(title);
            self.section = Some(Section { id, title, title_text: text, body: String::new(), text: Default::default() });
            return;
        }
        let tag = Tag::Heading {
            level,
            id: Some(id.into()),
            classes: classes.into_iter().map(CowStr::from).collect(),
            attrs: Vec::new(),
        };
        self.push(Event::Start(tag));
        for event in events {
            self.push(event);
        }
        self.push(Event::End(TagEnd::Heading(level)));
    }

    fn unique_id(&mut self, id: String) -> String {
        let count = self.used_ids.entry(id.clone()).or_insert(0);
        *count += 1;
        if *count == 1 { id } else { format!("{id}-{}", *count - 1) }
    }

    fn footnote_reference(&mut self, name: &str) -> String {
        let next = self.footnote_numbers.len() + 1;
        let number = *self.footnote_numbers.entry(name.to_string()).or_insert(next);
        let slug = slugify(name);
        let id = self.unique_id(format!("fnref-{slug}"));
        self.doc.anchors.insert(id.clone());
        format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn-{slug}\" id=\"{id}\" role=\"doc-noteref\">{number}</a></sup>"
        )
    }

    /// HTML of this page, cleaned if it holds raw HTML and the site asks
    /// for `sanitize`.
    fn clean(&self, html: String) -> String {
        if !(self.raw_html && self.config.raw_html == RawHtml::Sanitize) {
            return html;
        }
        // An HTML parser turns NUL into U+FFFD, and the link marks are NULs:
        // they cross the sanitizer as a noncharacter, which no text needs.
        let protected = html.replace(LINK_MARK, LINK_MARK_IN_HTML);
        crate::sanitize::html(&protected).replace(LINK_MARK_IN_HTML, LINK_MARK.encode_utf8(&mut [0; 4]))
    }

    /// Ends the intro or the current section.
    fn close_section(&mut self) {
        let mut body = String::new();
        html::push_html(&mut body, std::mem::take(&mut self.current).into_iter());
        let text = collapse_spaces(&std::mem::take(&mut self.current_text));
        // Kept for the whole build (and by `serve`): drop the slack of the
        // growing buffer, up to half of it on a large page.
        let mut body = self.clean(body);
        body.shrink_to_fit();
        match self.section.take() {
            Some(mut section) => {
                section.body = body;
                section.text = text.into();
                self.doc.sections.push(section);
            }
            None => {
                self.doc.intro = body;
                self.doc.intro_text = text;
                self.doc.intro_text.shrink_to_fit();
            }
        }
    }

    fn finish(mut self) -> Document {
        self.close_section();
        let mut bodies = std::mem::take(&mut self.footnote_bodies);
        // Numbered in order of first reference, as readers meet them;
        // unreferenced notes come last.
        let unreferenced = usize::MAX;
        bodies.sort_by_key(|(name, _)| self.footnote_numbers.get(name).copied().unwrap_or(unreferenced));
        for (name, events) in bodies {
            let number = match self.footnote_numbers.get(&name) {
                Some(&n) => n,
                None => {
                    let n = self.footnote_numbers.len() + 1;
                    self.footnote_numbers.insert(name.clone(), n);
                    n
                }
            };
            let id = format!("fn-{}", slugify(&name));
            self.doc.anchors.insert(id.clone());
            let mut html = String::new();
            html::push_html(&mut html, events.into_iter());
            let html = self.clean(html);
            self.doc.footnotes.push(Footnote { id, number, html });
        }
        self.doc
    }
}

/// Where a link leads: a URL as written (or rewritten for a file beside
/// the page), or the page link of this number.
enum Destination<'a> {
    Url(CowStr<'a>),
    Page(usize),
}

/// Where a Markdown link or emphasis starts in raw HTML, if anywhere.
fn markdown_link_in(html: &str) -> Option<usize> {
    let close = html.find("](")?;
    html[..close].rfind('[')
}
