//! Small edits to the files translators own, leaving every other byte as it
//! was: a line `source_hash: ...` set in a page's front matter or in one
//! catalogue entry, and the map of `i18n/<lang>.sources.yaml`.

use std::collections::BTreeMap;

/// A file's text cut into the parts an edit must give back unchanged.
struct Lines {
    bom: bool,
    newline: &'static str,
    lines: Vec<String>,
    /// Whether the text ended with a newline.
    final_newline: bool,
}

impl Lines {
    fn new(raw: &str) -> Lines {
        let bom = raw.starts_with('\u{feff}');
        let text = raw.trim_start_matches('\u{feff}');
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let final_newline = text.ends_with('\n');
        let lines = text.lines().map(str::to_string).collect();
        Lines { bom, newline, lines, final_newline }
    }

    fn join(&self) -> String {
        let mut out = if self.bom { "\u{feff}".to_string() } else { String::new() };
        out.push_str(&self.lines.join(self.newline));
        if self.final_newline {
            out.push_str(self.newline);
        }
        out
    }
}

/// How a page's front matter is to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Draft {
    /// Add `draft: true`: a translation just started is not published.
    Set,
    /// Remove `draft: true`: the translation is done.
    Clear,
}

/// The page's text with `source_hash: HASH` in its front matter, and
/// `draft` set or cleared. `None` when the file has no front matter.
pub fn page(raw: &str, hash: &str, draft: Draft) -> Option<String> {
    let mut file = Lines::new(raw);
    let end = crate::parse::front_matter::block(raw)?.end;
    let mut front: Vec<String> =
        file.lines[1..end].iter().filter(|l| !matches!(key_of(l), Some("draft" | "source_hash"))).cloned().collect();
    if draft == Draft::Set {
        front.push("draft: true".to_string());
    }
    front.push(format!("source_hash: {hash}"));
    file.lines.splice(1..end, front);
    Some(file.join())
}

/// The key of a top-level YAML line (`draft: true` → `draft`).
fn key_of(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#']) {
        return None;
    }
    line.split_once(':').map(|(k, _)| k.trim())
}

/// The translations file with `source_hash: HASH` in the entry `id`.
pub fn resource(raw: &str, id: &str, hash: &str) -> Result<String, String> {
    let mut file = Lines::new(raw);
    let start = file
        .lines
        .iter()
        .position(|l| key_of(l).map(|k| k.trim_matches(['"', '\''])) == Some(id))
        .ok_or_else(|| format!("no entry `{id}` in this file"))?;
    if !file.lines[start].split_once(':').is_some_and(|(_, rest)| rest.trim().is_empty()) {
        return Err(format!("the entry `{id}` is written on one line: write its fields on lines of their own"));
    }
    let end = file.lines[start + 1..]
        .iter()
        .position(|l| !l.trim().is_empty() && !l.starts_with([' ', '\t', '#']))
        .map_or(file.lines.len(), |n| start + 1 + n);
    let indent: String = file.lines[start + 1..end]
        .iter()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map_or("  ".to_string(), |l| l.chars().take_while(|c| c.is_whitespace()).collect());
    let line = format!("{indent}source_hash: {hash}");
    let existing = (start + 1..end)
        .find(|&n| file.lines[n].starts_with(&indent) && file.lines[n][indent.len()..].starts_with("source_hash:"));
    match existing {
        Some(n) => file.lines[n] = line,
        None => file.lines.insert(start + 1, line),
    }
    Ok(file.join())
}

/// `i18n/<lang>.sources.yaml`, written in id order with a header that says
/// what it is.
pub fn string_sources(map: &BTreeMap<String, String>) -> String {
    let mut out = String::from(
        "# Written by `signpost translate --done strings` and `signpost i18n import`:\n\
         # for each interface string, the hash of the default-language text it was\n\
         # translated from. `signpost i18n status` compares it with the source.\n",
    );
    for (id, hash) in map {
        out.push_str(&format!("{id}: \"{hash}\"\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_keeps_every_other_byte() {
        let raw = "\u{feff}---\r\ntitle: Évaluer\r\ndraft: true\r\nsource_hash: old\r\n---\r\nCorps.\r\n";
        let done = page(raw, "abc", Draft::Clear).unwrap();
        assert_eq!(done, "\u{feff}---\r\ntitle: Évaluer\r\nsource_hash: abc\r\n---\r\nCorps.\r\n");
        let started = page("---\ntitle: T\n---\nBody", "abc", Draft::Set).unwrap();
        assert_eq!(started, "---\ntitle: T\ndraft: true\nsource_hash: abc\n---\nBody");
        assert!(page("no front matter", "abc", Draft::Set).is_none());
    }

    #[test]
    fn resource_entry_gets_its_hash() {
        let raw = "# comment\n\none:\n  summary: >-\n    Text.\n\ntwo:\n    summary: B\n    source_hash: old\n";
        let marked = resource(raw, "one", "abc").unwrap();
        assert_eq!(
            marked,
            "# comment\n\none:\n  source_hash: abc\n  summary: >-\n    Text.\n\ntwo:\n    summary: B\n    source_hash: old\n"
        );
        let marked = resource(raw, "two", "abc").unwrap();
        assert!(marked.ends_with("two:\n    summary: B\n    source_hash: abc\n"));
        assert!(resource(raw, "three", "abc").is_err());
        assert!(resource("one: {summary: x}\n", "one", "abc").is_err());
    }
}
