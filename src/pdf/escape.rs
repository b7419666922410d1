//! Author text into typst source: the one way it enters the markup, so
//! that nothing an author writes can become typst code or formatting.

/// How author text is written into typst source.
#[derive(Clone, Copy)]
pub enum Mode {
    /// As text in markup: every ASCII punctuation character is escaped
    /// (typst gives most of them a meaning: `#`, `*`, `_`, `=`, `-`, `+`,
    /// `/`, `<`, `@`, `$`, `[`, `]`, `~`, quotes, `...`), and line breaks
    /// become spaces.
    Markup,
    /// Inside a typst string literal (`"..."`).
    String,
}

/// Arabic short vowels and other harakat (U+064B to U+0652): optional in
/// Arabic prose, and in a PDF they break the text a reader copies or
/// searches for (typst maps a letter and its marks to one cluster, and
/// pdftotext, like other extractors, then repeats or drops letters:
/// `تُنفَّذ` came out as `ُتُت ّ َف`). The PDF leaves them out; the site keeps them.
pub fn is_haraka(c: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&c)
}

/// Writes `text` into typst source. The one place author text goes through.
pub fn escape(out: &mut String, text: &str, mode: Mode) {
    for c in text.chars() {
        match (mode, c) {
            (_, c) if is_haraka(c) => {}
            (Mode::Markup, '\n' | '\r' | '\t') => out.push(' '),
            (Mode::Markup, c) if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            (Mode::String, '\\' | '"') => {
                out.push('\\');
                out.push(c);
            }
            (Mode::String, '\n') => out.push_str("\\n"),
            (Mode::String, '\r') => out.push_str("\\r"),
            (Mode::String, '\t') => out.push_str("\\t"),
            (_, c) => out.push(c),
        }
    }
}

/// `"text"`: a typst string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape(&mut out, text, Mode::String);
    out.push('"');
    out
}

/// Markup for author text.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape(&mut out, text, Mode::Markup);
    out
}
