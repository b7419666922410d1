//! One escaping helper per output context. Every value an author, a
//! translator or the catalogue controls goes through the helper of the
//! context it lands in, so that no text can end an attribute, an element or
//! a script early, whatever it holds:
//!
//! - [`html_text`] and [`html_attr`]: HTML element content and quoted
//!   attribute values (also Tera's escape function for `.html` templates);
//! - [`url_segment`] and [`url_fragment`]: one path segment or the
//!   `#fragment` of a URL, percent-encoded (non-ASCII letters are kept, as
//!   browsers accept them in `href` and show them in the address bar);
//!   [`ascii_url`] percent-encodes what is left for XML formats that require
//!   plain ASCII URLs (sitemap, Atom);
//! - [`xml`] and [`xml_text`]: sitemap, Atom and XLIFF (quick-xml's escaping);
//! - [`json_in_script`]: JSON written inside a `<script>` element (JSON-LD).
//!
//! Percent-encoding is a few lines over a byte table: the `percent-encoding`
//! crate would need the same table written out, so no crate is added.

use std::borrow::Cow;

/// Text between HTML tags: `&`, `<` and `>`.
pub fn html_text(text: &str) -> Cow<'_, str> {
    replace_bytes(text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        _ => None,
    })
}

/// A quoted HTML attribute value (or text): the five markup characters.
/// Tera's own escaping also turns `/` into `&#x2F;`, which bloats every URL.
pub fn html_attr(text: &str) -> Cow<'_, str> {
    replace_bytes(text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

/// An attribute value as pulldown-cmark writes one (a link's title):
/// [`html_attr`] without `'`, so that a title reads the same byte for byte
/// whether pulldown-cmark or the Markdown stage wrote the link.
pub fn cmark_attr(text: &str) -> Cow<'_, str> {
    replace_bytes(text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        _ => None,
    })
}

/// XML text and attribute values (sitemap, Atom, XLIFF).
pub fn xml(text: &str) -> Cow<'_, str> {
    quick_xml::escape::escape(text)
}

/// XML element content where quotes may stay as written (XLIFF segments,
/// which translators read).
pub fn xml_text(text: &str) -> Cow<'_, str> {
    quick_xml::escape::partial_escape(text)
}

/// One path segment of a URL: everything but unreserved characters,
/// sub-delimiters allowed in a path (`!$&'()*+,;=:@`) and non-ASCII letters
/// is percent-encoded, `%` and `/` included.
pub fn url_segment(text: &str) -> Cow<'_, str> {
    percent_encode(text, |b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b))
}

/// The part of a URL after `#`: as [`url_segment`], but `/` and `?` may stay.
pub fn url_fragment(text: &str) -> Cow<'_, str> {
    percent_encode(text, |b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b))
}

/// A URL whose ASCII part is already encoded, with its non-ASCII characters
/// percent-encoded too, for formats that want ASCII URLs.
pub fn ascii_url(url: &str) -> Cow<'_, str> {
    if url.is_ascii() {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() * 2);
    for c in url.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                push_percent(&mut out, b);
            }
        }
    }
    Cow::Owned(out)
}

/// JSON for the inside of a `<script>` element: `<`, `>` and `&` as
/// `\u` escapes, so `</script>` or `<!--` in a value cannot end or change the
/// element; U+2028 and U+2029 too, for older JavaScript parsers.
pub fn json_in_script(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// `%XX` sequences decoded (a link written `my%20file.md` names the file
/// `my file.md`); the text as it is when the result would not be UTF-8.
pub fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

fn percent_encode(text: &str, keep: impl Fn(u8) -> bool) -> Cow<'_, str> {
    // Non-ASCII bytes (>= 0x80) are kept: they are whole UTF-8 characters.
    let kept = |b: u8| b >= 0x80 || keep(b);
    if text.bytes().all(kept) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        if !kept(b) {
            out.push_str(&text[plain..i]);
            push_percent(&mut out, b);
            plain = i + 1;
        }
    }
    out.push_str(&text[plain..]);
    Cow::Owned(out)
}

fn push_percent(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 15)]));
}

/// Copies runs of plain text at once; only ASCII bytes are replaced, so the
/// cut points are always character boundaries.
fn replace_bytes(text: &str, entity: impl Fn(u8) -> Option<&'static str>) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        if let Some(entity) = entity(b) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 16 + 8));
            out.push_str(&text[plain..i]);
            out.push_str(entity);
            plain = i + 1;
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[plain..]);
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html() {
        assert_eq!(html_attr(r#"a<b>&"c'/é"#), "a&lt;b&gt;&amp;&quot;c&#39;/é");
        assert_eq!(html_attr("قراءة <مهمة>"), "قراءة &lt;مهمة&gt;");
        assert_eq!(html_text(r#"<"'>"#), r#"&lt;"'&gt;"#);
        assert!(matches!(html_attr("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn urls() {
        assert_eq!(url_segment("%"), "%25");
        assert_eq!(url_segment("a b/c?d#e"), "a%20b%2Fc%3Fd%23e");
        assert_eq!(url_segment("دليل"), "دليل");
        assert_eq!(url_fragment(r#""><script>"#), "%22%3E%3Cscript%3E");
        assert_eq!(url_fragment("a/b?c"), "a/b?c");
        assert_eq!(percent_decode("%25.md"), "%.md");
        assert_eq!(percent_decode("a%20b%"), "a b%");
        assert_eq!(percent_decode("%ff"), "%ff");
        assert_eq!(ascii_url("https://e.org/ar/دليل/"), "https://e.org/ar/%D8%AF%D9%84%D9%8A%D9%84/");
    }

    #[test]
    fn xml_and_script() {
        assert_eq!(xml(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
        let value = serde_json::json!({"name": "</script><script>alert(1)</script>\u{2028}"});
        let json = json_in_script(&value);
        assert!(!json.contains('<') && !json.contains('\u{2028}'), "{json}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap(), value);
    }
}
