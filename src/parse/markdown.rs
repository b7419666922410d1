//! Markdown to HTML with pulldown-cmark, cut into the page's `##` sections.
//!
//! Links to other content files are not resolved here: the same English text
//! is shown in the French site when a page is untranslated, and its links
//! must then lead to French pages. Each such link is written as a
//! placeholder (`signpost:link:N`) and recorded in [`Document::links`];
//! [`crate::validate`] checks it and [`crate::render`] fills in the URL for
//! the reader's language.

use std::collections::{BTreeSet, HashMap};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use crate::load::SourceFile;
use crate::model::PageKey;
use crate::parse::front_matter::Split;

pub const LINK_PLACEHOLDER: &str = "signpost:link:";

#[derive(Debug, Default, Clone, Serialize)]
pub struct Document {
    /// HTML before the first `##` heading.
    pub intro: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// Every `id` a link may point at: headings and footnotes.
    #[serde(skip)]
    pub anchors: BTreeSet<String>,
    #[serde(skip)]
    pub links: Vec<LinkRef>,
    /// Links and images to files beside the page (`figures/map.png`), for
    /// `signpost check`.
    #[serde(skip)]
    pub files: Vec<FileRef>,
}

/// A link or image to a file that is not a page.
#[derive(Debug, Clone)]
pub struct FileRef {
    /// Inside the page's language folder (`guidance/figures/map.png`).
    pub path: String,
    pub dest: String,
    pub position: (usize, usize),
}

/// A `##` section: its heading and what follows up to the next `##`.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    /// Heading as HTML (it may hold emphasis or code).
    pub title: String,
    /// Heading as plain text.
    pub title_text: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    pub id: String,
    pub number: usize,
    pub html: String,
}

/// A link from this page to a content page or an anchor.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// `None` for `#anchor` on the same page.
    pub target: Option<PageKey>,
    pub anchor: Option<String>,
    /// As written, for messages.
    pub dest: String,
    /// Line and column of the link in the file.
    pub position: (usize, usize),
}

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
        heading: None,
        footnote: None,
        footnote_numbers: HashMap::new(),
        footnote_bodies: Vec::new(),
        used_ids: HashMap::new(),
    };
    for (event, range) in Parser::new_ext(split.body, options()).into_offset_iter() {
        builder.event(event, range.start);
    }
    builder.finish()
}

/// The id of the section a heading opens, shared by all languages when the
/// author writes `{#how}`; otherwise derived from the heading's words.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() { "section".to_string() } else { slug }
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
    /// A heading being collected.
    heading: Option<PendingHeading<'a>>,
    /// A footnote definition being collected.
    footnote: Option<(String, Vec<Event<'a>>)>,
    footnote_numbers: HashMap<String, usize>,
    footnote_bodies: Vec<(String, Vec<Event<'a>>)>,
    used_ids: HashMap<String, usize>,
}

impl<'a> Builder<'a, '_> {
    fn event(&mut self, event: Event<'a>, offset: usize) {
        let event = self.rewrite_link(event, offset);
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
                let html = self.footnote_reference(&name);
                self.push(Event::InlineHtml(html.into()));
            }
            event => self.push(event),
        }
    }

    fn push(&mut self, event: Event<'a>) {
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
            Tag::Link { link_type, dest_url, title, id } => {
                let dest_url = self.destination(dest_url, offset);
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            Tag::Image { link_type, dest_url, title, id } => {
                let dest_url = self.destination(dest_url, offset);
                Event::Start(Tag::Image { link_type, dest_url, title, id })
            }
            tag => Event::Start(tag),
        }
    }

    fn destination(&mut self, dest: CowStr<'a>, offset: usize) -> CowStr<'a> {
        if dest.is_empty() || is_external(&dest) || dest.starts_with('/') {
            return dest;
        }
        let position = self.position(offset);
        if let Some(anchor) = dest.strip_prefix('#') {
            self.doc.links.push(LinkRef {
                target: None,
                anchor: Some(anchor.to_string()),
                dest: dest.to_string(),
                position,
            });
            return dest;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment.to_string())),
            None => (&*dest, None),
        };
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let Some(joined) = join(&self.source_dir(), path) else {
            self.diags.push(Diagnostic::error(
                &self.source.path,
                position,
                format!("link `{dest}` leads outside the site"),
            ));
            return dest;
        };
        if let Some((target, _)) = PageKey::from_file(&joined) {
            let n = self.doc.links.len();
            self.doc.links.push(LinkRef { target: Some(target), anchor: fragment, dest: dest.to_string(), position });
            return format!("{LINK_PLACEHOLDER}{n}").into();
        }
        // A file beside the page (an image, a PDF): it is copied to the
        // output under the language of the page that holds it.
        self.doc.files.push(FileRef { path: joined.clone(), dest: dest.to_string(), position });
        let hash = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        format!("{}{}/{joined}{hash}", self.config.base_path, self.source.lang).into()
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
            self.section = Some(Section { id, title, title_text: text, body: String::new() });
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

    /// Ends the intro or the current section.
    fn close_section(&mut self) {
        let mut body = String::new();
        html::push_html(&mut body, std::mem::take(&mut self.current).into_iter());
        match self.section.take() {
            Some(mut section) => {
                section.body = body;
                self.doc.sections.push(section);
            }
            None => self.doc.intro = body,
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
            self.doc.footnotes.push(Footnote { id, number, html });
        }
        self.doc
    }
}

/// Text of inline events, for ids and plain-text titles.
pub fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// A link with a scheme (`https:`, `mailto:`) or to another host (`//`).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    // A scheme: letters, digits, `+-.`, then `:` before any `/`, `?` or `#`.
    match dest.find([':', '/', '?', '#']) {
        Some(i) if dest.as_bytes()[i] == b':' => {
            dest[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => false,
    }
}

/// `dir/rel` with `.` and `..` resolved; `None` if it climbs above the
/// language folder.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slugify("Key considerations"), "key-considerations");
        assert_eq!(slugify("Pourquoi ?"), "pourquoi");
        assert_eq!(slugify("لماذا؟"), "لماذا");
        assert_eq!(slugify("!!"), "section");
    }

    #[test]
    fn joins_relative_paths() {
        assert_eq!(join("guidance", "../about.md").as_deref(), Some("about.md"));
        assert_eq!(join("", "guidance/a.md").as_deref(), Some("guidance/a.md"));
        assert_eq!(join("", "../x.md"), None);
    }

    #[test]
    fn external_links() {
        assert!(is_external("https://who.int"));
        assert!(is_external("mailto:a@b.org"));
        assert!(!is_external("a.md#x:y"));
        assert!(!is_external("guidance/a.md"));
    }
}
