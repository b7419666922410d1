//! Fluent files cut into messages, keeping every byte: the status reads a
//! message's source text, and the interchange formats replace one message
//! while leaving the rest of the file exactly as it was.

use std::collections::BTreeMap;
use std::ops::Range;

/// One message (or term) of a `.ftl` file.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// `open-all`, or `-brand` for a term.
    pub id: String,
    /// Line of `id =`, from 1.
    pub line: usize,
    /// Bytes of the whole entry, `id =` to the end of its last line.
    pub span: Range<usize>,
    /// Bytes of the value: after `=` to the end of the entry.
    pub value: Range<usize>,
}

impl Message {
    /// The value as written (placeables, variants and attributes included),
    /// without the spaces around it.
    pub fn source<'a>(&self, text: &'a str) -> &'a str {
        text[self.value.clone()].trim()
    }
}

/// The messages of a file, in order. A message starts at a line
/// `id = ...` in the first column and goes on over its indented lines;
/// comments and blank lines between messages belong to none.
pub fn messages(text: &str) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    let mut offset = 0;
    let mut open: Option<Message> = None;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        // Fluent lets the closing brace of a select expression sit in the
        // first column.
        let indented = line.starts_with([' ', '\t', '}']);
        if indented && !line.trim().is_empty() {
            if let Some(message) = open.as_mut() {
                message.span.end = offset;
                message.value.end = offset;
            }
            continue;
        }
        if line.trim().is_empty() {
            continue; // A blank line may sit inside a multiline value.
        }
        out.extend(open.take());
        if let Some((id, eq)) = entry_start(line) {
            let end = start + line.len();
            open = Some(Message { id, line: n + 1, span: start..end, value: start + eq + 1..end });
        }
    }
    out.extend(open);
    out
}

/// `id` and the byte of `=` in a line that starts an entry.
fn entry_start(line: &str) -> Option<(String, usize)> {
    let eq = line.find('=')?;
    let id = line[..eq].trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then(|| (id.to_string(), eq))
}

/// Messages by id.
pub fn by_id(text: &str) -> BTreeMap<String, Message> {
    messages(text).into_iter().map(|m| (m.id.clone(), m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Strings\n\nhome = Home\ncount = { $n ->\n    [one] one\n\n   *[other] many\n}\n-brand = Signpost\n    .gender = masculine\n";

    #[test]
    fn cuts_messages_with_their_indented_lines() {
        let found = messages(FILE);
        let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["home", "count", "-brand"]);
        assert_eq!(found[0].source(FILE), "Home");
        assert_eq!(found[0].line, 3);
        assert_eq!(found[1].source(FILE), "{ $n ->\n    [one] one\n\n   *[other] many\n}");
        assert_eq!(&FILE[found[2].span.clone()], "-brand = Signpost\n    .gender = masculine\n");
    }
}
