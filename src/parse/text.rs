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

/// Runs of white space as one space, none at the ends: what
/// `split_whitespace` and `join(" ")` make, a byte at a time where that
/// took 2 % of a large build. Only a character that starts with one of the
/// lead bytes of Unicode's white space beyond ASCII (U+0085 and U+00A0,
/// U+1680, U+2000-U+205F, U+3000) is decoded; any other byte is part of a
/// word (Arabic text is all such bytes).
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut word: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        let (space, len) = match bytes[at] {
            b @ 0..0x80 => (matches!(b, b'\t'..=b'\r' | b' '), 1),
            0xC2 | 0xE1..=0xE3 => text[at..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            _ => (false, 1),
        };
        match (space, word) {
            (true, Some(start)) => {
                push_word(&mut out, &text[start..at]);
                word = None;
            }
            (false, None) => word = Some(at),
            _ => {}
        }
        at += len;
    }
    if let Some(start) = word {
        push_word(&mut out, &text[start..]);
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
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

#[cfg(test)]
mod tests {
    use super::collapse_spaces;

    #[test]
    fn spaces_collapse_as_split_whitespace_does() {
        for text in [
            "",
            "   ",
            "a",
            " a  b\t\nc \u{0B}d\u{0C}e\r",
            "لماذا  هذا\u{A0}مهم؟\u{2003}نعم",
            "x\u{85}y\u{3000}z\u{200B}w",
            "a\u{1680}b\u{2000}c\u{200A}d\u{2028}e\u{2029}f\u{202F}g\u{205F}h\u{180E}i",
            "  trailing and leading  ",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_spaces(text), expected, "{text:?}");
        }
    }

    /// Every character, between letters: the lead-byte shortcut misses no
    /// white space and takes nothing else for it.
    #[test]
    fn every_character_is_judged_as_split_whitespace_judges_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}");
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_spaces(&text), expected, "U+{:04X}", u32::from(c));
        }
    }
}
