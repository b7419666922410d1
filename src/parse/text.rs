//! Plain text from pulldown-cmark's events: a section's words for the
//! search index (read from the same events as its HTML, never from the
//! HTML), and the text of a heading or title.

use pulldown_cmark::Event;

/// Adds what `event` holds of a section's text: words, code, a space for
/// a break or the end of a block, the text inside raw HTML.
pub fn push_text(text: &mut String, event: &Event) {
    match event {
        Event::Text(t) | Event::Code(t) => text.push_str(t),
        Event::Html(html) | Event::InlineHtml(html) => {
            text.push(' ');
            text.push_str(&super::html_text::html_to_text(html));
            text.push(' ');
        }
        Event::SoftBreak | Event::HardBreak | Event::Rule | Event::End(_) | Event::Start(_) => text.push(' '),
        _ => {}
    }
}

/// Runs of white space as one space, none at the ends.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
