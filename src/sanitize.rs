//! Raw HTML written in Markdown, cleaned with ammonia (a maintained HTML
//! sanitiser built on html5ever) when the site's `markdown.raw_html` is
//! `sanitize`: scripts, event handlers, `javascript:` links and unknown
//! tags go; formatting, tables, links and images stay.
//!
//! The build cleans whole sections after Markdown has become HTML (a raw
//! block may open in one event and close in another), and `i18n import`
//! cleans the raw HTML in translated Markdown before writing it into the
//! site.

use std::borrow::Cow;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        // What Signpost's own Markdown output carries: heading and footnote
        // ids, classes, ARIA roles, table alignment, and the placeholders of
        // links to other pages (filled in per language when rendering).
        builder
            .add_generic_attributes(["id", "class", "role", "dir", "lang"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .add_tags(["aside", "details", "summary", "figure", "figcaption", "section"])
            .add_url_schemes(["signpost"])
            .link_rel(None)
            .id_prefix(None::<&str>);
        builder
    })
}

/// An HTML fragment, cleaned.
pub fn html(fragment: &str) -> String {
    cleaner().clean(fragment).to_string()
}

/// Markdown with its raw HTML cleaned: each HTML block as a whole, each
/// inline tag kept only if it is an allowed tag without anything unsafe.
pub fn markdown(text: &str) -> Cow<'_, str> {
    let mut cuts: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some(range.start),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(start) = block.take() {
                    let raw = &text[start..range.end];
                    let clean = html(raw);
                    if clean.trim() != raw.trim() {
                        let newline = if raw.ends_with('\n') && !clean.ends_with('\n') { "\n" } else { "" };
                        cuts.push((start..range.end, format!("{clean}{newline}")));
                    }
                }
            }
            Event::InlineHtml(tag) if !inline_is_clean(&tag) => cuts.push((range, String::new())),
            _ => {}
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, replacement) in cuts {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// An inline tag alone (`<b>`, `</b>`, `<br>`) that cleaning keeps as it is.
fn inline_is_clean(tag: &str) -> bool {
    if let Some(name) = tag.strip_prefix("</").and_then(|t| t.strip_suffix('>')) {
        let name = name.trim().to_ascii_lowercase();
        return html(&format!("<{name}></{name}>")) == format!("<{name}></{name}>");
    }
    // An opening tag comes back with its end tag added: it is clean if
    // nothing in it was dropped.
    let cleaned = html(tag);
    cleaned.starts_with(tag.trim_end_matches("/>").trim_end_matches('>')) || tag.starts_with("<!--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_go() {
        assert_eq!(html("<p onclick=\"x()\">Hi<script>alert(1)</script></p>"), "<p>Hi</p>");
        assert_eq!(html("<a href=\"javascript:alert(1)\">x</a>"), "<a>x</a>");
        assert_eq!(html("<h3 id=\"a\">T</h3>"), "<h3 id=\"a\">T</h3>");
        assert_eq!(html("<a href=\"signpost:link:0#x\">x</a>"), "<a href=\"signpost:link:0#x\">x</a>");
    }

    #[test]
    fn markdown_keeps_its_text_and_safe_tags() {
        let text = "Some <b>bold</b> text.\n\n<div onclick=\"x()\">\n<script>alert(1)</script>\n</div>\n\nEnd <img src=x onerror=alert(1)>.\n";
        let clean = markdown(text);
        assert!(clean.contains("Some <b>bold</b> text."), "{clean}");
        assert!(!clean.contains("script") && !clean.contains("onclick") && !clean.contains("onerror"), "{clean}");
        assert!(clean.contains("End ."), "{clean}");
        assert!(matches!(markdown("Plain *text*.\n"), Cow::Borrowed(_)));
    }
}
