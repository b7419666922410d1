//! Diagnostics for content authors: one type, collected rather than returned
//! early, so a build reports every problem it finds at once.
//!
//! Printed as `path:line:column: error: message`, with the path relative to
//! the site root and columns counted in characters (not bytes), because that
//! is what editors and terminals show to the person fixing the file.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the site root.
    pub path: PathBuf,
    /// From 1.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, path: path.into(), line, column, message: message.into() }
    }

    pub fn warning(path: impl Into<PathBuf>, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, path: path.into(), line, column, message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&Path, usize, usize, Severity, &str) {
        (&self.path, self.line, self.column, self.severity, &self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Forward slashes on every platform: the paths are for people and tests.
        let path = self.path.to_string_lossy().replace('\\', "/");
        write!(f, "{path}:{}:{}: {severity}: {}", self.line, self.column, self.message)
    }
}

/// Every diagnostic of a build. Stages push into their own collection (they
/// often run in parallel) and the pipeline merges them.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorted by path, line and column: rayon's order is not stable, and a
    /// stable order makes the output readable and snapshot-testable.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

/// Byte offsets to (line, column) positions for one text.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// Line and column (both from 1, column in characters) of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte offset where a line (from 1) starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0)
    }
}

/// UTF-8 with the byte-order mark removed and `\r\n` (or a lone `\r`) turned into `\n`, so
/// that every later stage sees one kind of text. Invalid UTF-8 is reported at
/// the first bad byte.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The valid prefix is UTF-8 by construction.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let position = LineIndex::new(prefix).position(prefix, prefix.len());
        Diagnostic::error(path, position, "invalid UTF-8: the file must be saved as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    // A lone CR ends a line too, for YAML and CommonMark alike: as LF,
    // every later stage counts lines as the parsers do.
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    check_control_characters(path, &text)?;
    Ok(text)
}

/// Where the first control character other than tab, line feed and
/// carriage return is: `text.find(char::is_control)` with those three
/// allowed, read byte by byte (every page is checked; decoding each
/// character took 1.6 % of a large build). Controls are U+0000-U+001F,
/// U+007F, and U+0080-U+009F, which UTF-8 writes as 0xC2 then 0x80-0x9F.
fn first_control(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().position(|(at, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 | 0x7F => true,
        0xC2 => bytes.get(at + 1).is_some_and(|next| (0x80..0xA0).contains(next)),
        _ => false,
    })
}

/// A control character other than tab, line feed and carriage return has no
/// place in a text file and would be copied into the HTML (a NUL byte often
/// comes from a file saved as UTF-16): reported at the first one.
fn check_control_characters(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let is_bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let Some(offset) = first_control(text) else {
        return Ok(());
    };
    let c = text[offset..].chars().next().unwrap_or_default();
    let more = text[offset..].chars().filter(|&c| is_bad(c)).count() - 1;
    let also = match more {
        0 => String::new(),
        1 => " (and 1 more in this file)".to_string(),
        n => format!(" (and {n} more in this file)"),
    };
    let utf16 = if c == '\0' { "; a file full of them was probably saved as UTF-16: save it as UTF-8" } else { "" };
    Err(Diagnostic::error(
        path,
        LineIndex::new(text).position(text, offset),
        format!("control character U+{:04X} in the text{also}: remove it{utf16}", u32::from(c)),
    ))
}

/// Where a YAML library error happened, shifted to the enclosing file, with
/// serde_yaml's own words but without its trailing "at line L column C".
pub fn yaml_error(path: &Path, error: &serde_yaml::Error, first_line: usize) -> Diagnostic {
    let (line, column) = error.location().map_or((1, 1), |loc| (loc.line(), loc.column()));
    let message = strip_yaml_location(&error.to_string());
    Diagnostic::error(path, (line + first_line - 1, column), message)
}

fn strip_yaml_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// `1 error`, `2 errors`: a count and an English noun, for the command's
/// summary lines.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character after some Arabic text: the byte scan finds what
    /// `find(char::is_control)` finds, tab, line feed and return allowed.
    #[test]
    fn the_byte_scan_finds_the_control_characters_char_is_control_finds() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("عربي\t{c}x");
            let expected = text.find(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            assert_eq!(first_control(&text), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\nعربي x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), (2, 6));
        assert_eq!(index.position(text, 0), (1, 1));
    }

    #[test]
    fn display_format() {
        let d = Diagnostic::error("content/en/a.md", (3, 7), "broken");
        assert_eq!(d.to_string(), "content/en/a.md:3:7: error: broken");
    }
}
