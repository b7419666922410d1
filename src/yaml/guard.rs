//! Checks on a YAML text before and after serde_yaml reads it, for the
//! three YAML readers (configuration, front matter, catalogue):
//!
//! - [`check`] runs before the parser: flow collections nested deeper than
//!   [`MAX_DEPTH`] are refused at the first bracket too many (serde_yaml
//!   takes quadratic time on 100,000 nested `[` before its own recursion
//!   limit), and a second document is reported at its `---` line (serde_yaml
//!   says "deserializing from YAML containing more than one document is not
//!   supported" at 1:1).
//! - [`duplicate_key`] runs after a "duplicate field/entry" error: serde
//!   points at the mapping, not at the repeated key, so the events of
//!   yaml-rust2 are read again to find the repeat.
//!
//! The scan of [`check`] is a few lines of byte matching: it needs to know
//! only where flow collections open and close, which a full YAML parser
//! would learn only by nesting as deep as the input does.

use std::collections::HashSet;
use std::path::Path;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diag::{Diagnostic, LineIndex, yaml_error};

/// Deepest flow nesting (`[[...]]`, `{a: {b: ...}}`) accepted.
pub const MAX_DEPTH: usize = 64;

/// A problem found by [`check`]: byte offset in the text and message.
pub type Found = (usize, String);

/// Refuses too deep nesting and a second document, in linear time.
pub fn check(text: &str) -> Result<(), Found> {
    let mut depth = 0usize;
    let mut seen_content = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let bare = line.trim_end();
        if depth == 0 && (bare == "---" || bare.starts_with("--- ")) {
            if seen_content {
                return Err((start, "a second YAML document starts here: a file holds one document".into()));
            }
            continue;
        }
        let bytes = line.as_bytes();
        let mut i = 0;
        // The last character that was not a space: a quote or a bracket
        // opens something only where a value may begin.
        let mut previous: Option<u8> = None;
        while i < bytes.len() {
            let b = bytes[i];
            let value_starts = match previous {
                None => true,
                Some(p) if depth > 0 => matches!(p, b'[' | b'{' | b',' | b':' | b'?'),
                Some(p) => matches!(p, b':' | b'-' | b'?'),
            };
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    i += 1;
                    continue;
                }
                b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t') => break,
                b'"' | b'\'' if value_starts => i = skip_quoted(bytes, i),
                b'[' | b'{' if value_starts || depth > 0 => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err((
                            start + i,
                            format!("lists or mappings nested more than {MAX_DEPTH} deep: write them flatter"),
                        ));
                    }
                }
                b']' | b'}' if depth > 0 => depth -= 1,
                _ => {}
            }
            seen_content = true;
            previous = Some(b);
            i += 1;
        }
    }
    Ok(())
}

/// Index of the closing quote of a quoted scalar that opens at `i` (or the
/// end of the line: a multi-line quoted scalar holds no brackets that count).
fn skip_quoted(bytes: &[u8], i: usize) -> usize {
    let quote = bytes[i];
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if quote == b'"' => j += 1,
            b'\'' if quote == b'\'' && bytes.get(j + 1) == Some(&b'\'') => j += 1,
            b if b == quote => return j,
            _ => {}
        }
        j += 1;
    }
    bytes.len().saturating_sub(1)
}

/// The first key written twice in one mapping, with its line and column
/// (of the repeat), or `None`.
pub fn duplicate_key(text: &str) -> Option<(String, (usize, usize))> {
    if check(text).is_err() {
        return None;
    }
    let mut finder = Duplicates::default();
    let _ = Parser::new_from_str(text).load(&mut finder, false);
    finder.found
}

/// For each open collection: the keys seen so far (`None` in a sequence),
/// and whether the next scalar is a key.
#[derive(Default)]
struct Duplicates {
    open: Vec<Option<(HashSet<String>, bool)>>,
    found: Option<(String, (usize, usize))>,
}

impl Duplicates {
    /// A node starts: if it is a mapping's value, the next node is a key.
    fn value_done(&mut self) {
        if let Some(Some((_, expect_key))) = self.open.last_mut() {
            *expect_key = !*expect_key;
        }
    }
}

impl MarkedEventReceiver for Duplicates {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.found.is_some() {
            return;
        }
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Some((keys, true))) = self.open.last_mut()
                    && !keys.insert(value.clone())
                {
                    self.found = Some((value, (mark.line(), mark.col() + 1)));
                }
                self.value_done();
            }
            Event::Alias(_) => self.value_done(),
            Event::SequenceStart(..) => {
                self.value_done();
                self.open.push(None);
            }
            Event::MappingStart(..) => {
                self.value_done();
                self.open.push(Some((HashSet::new(), true)));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.open.pop();
            }
            _ => {}
        }
    }
}

/// A position inside `text`: libyaml places "end of stream" on the line
/// after the last one when the text does not end with a newline.
pub fn clamp(text: &str, (line, column): (usize, usize)) -> (usize, usize) {
    let lines = text.split('\n').count();
    if line <= lines {
        return (line.max(1), column.max(1));
    }
    let last = text.rsplit('\n').next().unwrap_or("");
    (lines, last.chars().count() + 1)
}

/// [`check`] as a diagnostic; `first_line` is the file's line where `text`
/// starts (front matter starts on line 2).
pub fn guard(path: &Path, text: &str, first_line: usize) -> Result<(), Diagnostic> {
    check(text).map_err(|(offset, message)| {
        let (line, column) = LineIndex::new(text).position(text, offset);
        Diagnostic::error(path, (line + first_line - 1, column), message)
    })
}

/// serde_yaml's error as a diagnostic, with a repeated key placed at the
/// repeat rather than where serde_yaml noticed it.
pub fn read_error(path: &Path, text: &str, error: &serde_yaml::Error, first_line: usize) -> Diagnostic {
    let mut diagnostic = yaml_error(path, error, first_line);
    let (line, column) = clamp(text, (diagnostic.line + 1 - first_line, diagnostic.column));
    (diagnostic.line, diagnostic.column) = (line + first_line - 1, column);
    // libyaml's words carry their own (unshifted) position in the middle.
    if let Some(at) = diagnostic.message.find(" at line ")
        && let Some(comma) = diagnostic.message[at..].find(", ")
    {
        diagnostic.message.replace_range(at..at + comma, "");
    }
    // A key without its `:` is noticed at the start of the next line: the
    // fault is the line before (the last one with text).
    if diagnostic.message.contains("while scanning a simple key")
        && diagnostic.column == 1
        && let Some(line) = text
            .lines()
            .take(diagnostic.line.saturating_sub(first_line))
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    {
        diagnostic.line = line + first_line;
        diagnostic.message = format!("{}: a key needs `:` after it", diagnostic.message);
    }
    if (diagnostic.message.contains("duplicate entry") || diagnostic.message.contains("duplicate field"))
        && let Some((key, (line, column))) = duplicate_key(text)
    {
        diagnostic.line = line + first_line - 1;
        diagnostic.column = column;
        diagnostic.message = format!("`{key}` is written twice in the same mapping: keep one");
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_fast() {
        let deep = format!("a: {}x{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let started = std::time::Instant::now();
        let (offset, message) = check(&deep).unwrap_err();
        assert_eq!(offset, 3 + MAX_DEPTH);
        assert!(message.contains("nested"));
        assert!(started.elapsed().as_millis() < 100);
        assert!(check("a: [[1, 2], {b: [3]}]\nc: text [with] brackets\nd: \"[[[[\"\n").is_ok());
    }

    #[test]
    fn second_document_is_placed_at_its_marker() {
        assert!(check("---\na: 1\n").is_ok());
        let (offset, _) = check("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(offset, 5);
        assert!(check("a: |\n  ---\n").is_ok());
    }

    #[test]
    fn duplicate_keys_are_found_at_the_repeat() {
        let text = "title: A\nlist:\n  - title: x\n    title: y\nsummary: s\n";
        assert_eq!(duplicate_key(text), Some(("title".into(), (4, 5))));
        assert_eq!(duplicate_key("a: 1\nb: {a: 2}\n"), None);
        assert_eq!(duplicate_key("a: 1\nb: 2\na: 3\n"), Some(("a".into(), (3, 1))));
    }
}
