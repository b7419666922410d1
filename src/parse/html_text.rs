//! The plain text of raw HTML written in Markdown, for the search index:
//! the rest of a page's text comes from pulldown-cmark's events, but a raw
//! HTML block is one event holding markup.

/// The text of raw HTML in the Markdown: tags dropped (each counts as a space), the
/// entities the renderer writes decoded, runs of white space made one
/// space. One pass: this runs on every section of every language.
pub fn html_to_text(html: &str) -> String {
    const ENTITIES: [(&str, char); 5] =
        [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&amp;", '&')];
    let bytes = html.as_bytes();
    let mut text = String::with_capacity(html.len());
    let mut space = false;
    let mut i = 0;
    let push = |text: &mut String, space: &mut bool, s: &str| {
        if *space && !text.is_empty() {
            text.push(' ');
        }
        *space = false;
        text.push_str(s);
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'<' => {
                // A tag counts as a space.
                i = bytes[i..].iter().position(|&b| b == b'>').map_or(bytes.len(), |end| i + end + 1);
                space = true;
            }
            b'&' => {
                let (len, decoded) = ENTITIES
                    .iter()
                    .find(|(name, _)| html[i..].starts_with(name))
                    .map_or((1, '&'), |(name, decoded)| (name.len(), *decoded));
                push(&mut text, &mut space, decoded.encode_utf8(&mut [0; 4]));
                i += len;
            }
            _ => {
                // A run of text up to the next tag, entity or white space.
                let start = i;
                while let Some(&b) = bytes.get(i) {
                    if b == b'<' || b == b'&' || b.is_ascii_whitespace() || b == 0x0b {
                        break;
                    }
                    // Only these lead bytes start non-ASCII white space
                    // (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
                    if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                        && html[i..].chars().next().is_some_and(char::is_whitespace)
                    {
                        break;
                    }
                    i += 1;
                }
                if i == start {
                    space = true;
                    i += html[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    push(&mut text, &mut space, &html[start..i]);
                }
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_html() {
        assert_eq!(
            html_to_text("<p>Plan  <b>well</b>,\n&amp; &lt;test&gt;</p><p>Next</p>"),
            "Plan well , & <test> Next"
        );
        assert_eq!(html_to_text("a&amp;lt;b &quot;c&#39;"), "a&lt;b \"c'");
        assert_eq!(html_to_text("  <br>  "), "");
        assert_eq!(html_to_text("x&nbsp;y"), "x&nbsp;y");
        assert_eq!(html_to_text("é\u{a0}<i>ü</i>\u{b}z\u{3000}ق\u{2019}s"), "é ü z ق\u{2019}s");
        assert_eq!(html_to_text("a<b"), "a");
    }
}
