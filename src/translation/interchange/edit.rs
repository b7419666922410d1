//! Edits in place: one YAML value of a front matter or catalogue entry, one
//! Fluent message, a page's body. Everything around the edit is given back
//! as it was, so a translation that did not change leaves its file
//! byte-identical and one that did shows as a one-value diff.

use std::ops::Range;

use super::super::ftl;

/// A file's text as the edits see it (no byte-order mark, `\n` line
/// endings), and how to give it back as it was written.
pub struct Encoded {
    bom: bool,
    crlf: bool,
}

impl Encoded {
    pub fn decode(raw: &str) -> (Encoded, String) {
        let bom = raw.starts_with('\u{feff}');
        let text = raw.trim_start_matches('\u{feff}');
        let crlf = text.contains("\r\n");
        (Encoded { bom, crlf }, text.replace("\r\n", "\n"))
    }

    pub fn encode(&self, text: &str) -> String {
        let text = if self.crlf { text.replace('\n', "\r\n") } else { text.to_string() };
        if self.bom { format!("\u{feff}{text}") } else { text }
    }
}

/// A value to write under a key.
pub enum Value<'a> {
    Text(&'a str),
    List(&'a [String]),
}

/// How a new value is quoted when the key had none to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Double,
    Single,
    /// `>-` and lines of about 80 characters, as the catalogue's summaries.
    Folded,
}

impl Style {
    fn of(written: &str) -> Style {
        match written.trim_start().chars().next() {
            Some('"') => Style::Double,
            Some('\'') => Style::Single,
            Some('>' | '|') => Style::Folded,
            Some('[' | '{') => Style::Double,
            _ => Style::Plain,
        }
    }
}

fn lines_of(text: &str) -> (Vec<String>, bool) {
    (text.lines().map(str::to_string).collect(), text.ends_with('\n'))
}

fn join(lines: &[String], final_newline: bool) -> String {
    let mut out = lines.join("\n");
    if final_newline && !lines.is_empty() {
        out.push('\n');
    }
    out
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// Whether `line` is `key:` at exactly `indent`.
fn is_key(line: &str, indent: &str, key: &str) -> bool {
    let Some(rest) = line.strip_prefix(indent) else { return false };
    let rest = rest
        .strip_prefix(key)
        .or_else(|| rest.strip_prefix(&format!("\"{key}\"")))
        .or_else(|| rest.strip_prefix(&format!("'{key}'")));
    rest.and_then(|r| r.strip_prefix(':')).is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// The lines after `key:` at line `n` that belong to its value.
fn value_end(lines: &[String], n: usize, indent: &str, limit: usize) -> usize {
    let mut end = n + 1;
    while end < limit {
        let line = &lines[end];
        let deeper = indentation(line) > indent.len();
        let item = line.strip_prefix(indent).is_some_and(|r| r == "-" || r.starts_with("- "));
        if !(line.trim().is_empty() || deeper || item) {
            break;
        }
        end += 1;
    }
    while end > n + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    end
}

/// The mapping at `indent` in `block` (line numbers, from 0) of `text`,
/// with `key` set to `value`. A new key goes after the last of `after`
/// present, else first.
pub fn set_key(
    text: &str,
    block: Range<usize>,
    indent: &str,
    key: &str,
    value: &Value,
    style: Style,
    after: &[&str],
) -> String {
    let (mut lines, final_newline) = lines_of(text);
    let limit = block.end.min(lines.len());
    match block.clone().find(|&n| n < lines.len() && is_key(&lines[n], indent, key)) {
        Some(n) => {
            let end = value_end(&lines, n, indent, limit);
            let written = lines[n].split_once(':').map_or("", |(_, r)| r).to_string();
            let child = lines[n + 1..end]
                .iter()
                .find(|l| !l.trim().is_empty())
                .map(|l| l[..indentation(l)].to_string())
                .filter(|c| c.len() > indent.len());
            let new = render(indent, key, value, Style::of(&written), child);
            lines.splice(n..end, new);
        }
        None => {
            let at = after
                .iter()
                .filter_map(|k| block.clone().find(|&n| n < lines.len() && is_key(&lines[n], indent, k)))
                .map(|n| value_end(&lines, n, indent, limit))
                .max()
                .unwrap_or(block.start);
            lines.splice(at..at, render(indent, key, value, style, None));
        }
    }
    join(&lines, final_newline)
}

/// `key: value` in the first of the wanted styles that YAML reads back as
/// the same text.
pub fn render(indent: &str, key: &str, value: &Value, style: Style, child: Option<String>) -> Vec<String> {
    let text = match value {
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|i| double(i)).collect();
            return vec![format!("{indent}{key}: [{}]", items.join(", "))];
        }
        Value::Text(text) => *text,
    };
    let child = child.unwrap_or_else(|| format!("{indent}  "));
    let candidates = [
        (style == Style::Folded).then(|| folded(indent, key, text, &child)).flatten(),
        (style == Style::Plain && !text.contains('\n')).then(|| vec![format!("{indent}{key}: {text}")]),
        (style == Style::Single && !text.contains('\n'))
            .then(|| vec![format!("{indent}{key}: '{}'", text.replace('\'', "''"))]),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|lines| reads_back(lines, indent, key, text))
        .unwrap_or_else(|| vec![format!("{indent}{key}: {}", double(text))])
}

/// A YAML double-quoted scalar: JSON's escapes are YAML's.
fn double(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn folded(indent: &str, key: &str, text: &str, child: &str) -> Option<Vec<String>> {
    let simple = !text.is_empty()
        && !text.contains(['\n', '\t'])
        && !text.contains("  ")
        && !text.starts_with(' ')
        && !text.ends_with(' ');
    if !simple {
        return None;
    }
    let mut lines = vec![format!("{indent}{key}: >-")];
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && child.len() + line.chars().count() + 1 + word.chars().count() > 80 {
            lines.push(format!("{child}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(format!("{child}{line}"));
    Some(lines)
}

fn reads_back(lines: &[String], indent: &str, key: &str, text: &str) -> bool {
    let snippet: Vec<&str> = lines.iter().map(|l| l.strip_prefix(indent).unwrap_or(l)).collect();
    let parsed: Result<serde_yaml::Value, _> = serde_yaml::from_str(&snippet.join("\n"));
    parsed.ok().and_then(|v| v.get(key).and_then(|v| v.as_str().map(|s| s == text))).unwrap_or(false)
}

/// The front matter's lines (from 0), between the `---` lines.
pub fn front_matter_block(text: &str) -> Option<Range<usize>> {
    crate::parse::front_matter::block(text)
}

/// The text with its page body (after the front matter) replaced; the
/// blank lines around the body stay as they were.
pub fn set_body(text: &str, body: &str) -> Option<String> {
    let block = front_matter_block(text)?;
    let offset: usize = text.split_inclusive('\n').take(block.end + 1).map(str::len).sum();
    let old = &text[offset..];
    let start = old.len() - old.trim_start_matches('\n').len();
    let end = old.trim_end().len();
    Some(if end <= start {
        format!("{}\n{body}\n", &text[..offset])
    } else {
        format!("{}{}{body}{}", &text[..offset], &old[..start], &old[end..])
    })
}

/// The resource entry `id:` of a translations file: its key line and the
/// end of its lines (from 0), and the indentation of its fields.
pub fn entry_block(text: &str, id: &str) -> Option<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| is_key(l, "", id))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| !l.trim().is_empty() && !l.starts_with([' ', '\t', '#']))
        .map_or(lines.len(), |n| start + 1 + n);
    let indent = lines[start + 1..end]
        .iter()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map_or("  ".to_string(), |l| l[..indentation(l)].to_string());
    Some((start, end, indent))
}

/// Whether the entry's fields are on lines of their own (`id:` alone).
pub fn entry_is_block(text: &str, start: usize) -> bool {
    text.lines().nth(start).and_then(|l| l.split_once(':')).is_some_and(|(_, rest)| {
        let rest = rest.trim();
        rest.is_empty() || rest.starts_with('#')
    })
}

/// A new entry at the end of a translations file.
pub fn append_entry(text: &str, id: &str, fields: &[(&str, Value, Style)]) -> String {
    let mut out = text.to_string();
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    out.push_str(&format!("{id}:\n"));
    for (key, value, style) in fields {
        for line in render("  ", key, value, *style, None) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The Fluent file with the message `id` set to `value` (appended when it
/// has none).
pub fn set_message(text: &str, id: &str, value: &str) -> String {
    let entry = format!("{id} = {value}");
    match ftl::by_id(text).get(id) {
        Some(message) => {
            let old = &text[message.span.clone()];
            let newline = if old.ends_with('\n') { "\n" } else { "" };
            format!("{}{entry}{newline}{}", &text[..message.span.start], &text[message.span.end..])
        }
        None => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&entry);
            out.push('\n');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_a_value_in_its_own_style() {
        let text = "---\ntitle: \"Old\"\nsummary: >-\n  one two\n  three\norder: 1\n---\nBody\n";
        let block = front_matter_block(text).unwrap();
        let out = set_key(text, block.clone(), "", "title", &Value::Text("Nou \"veau\""), Style::Double, &[]);
        assert_eq!(out, "---\ntitle: \"Nou \\\"veau\\\"\"\nsummary: >-\n  one two\n  three\norder: 1\n---\nBody\n");
        let out = set_key(text, block.clone(), "", "summary", &Value::Text("un deux"), Style::Double, &[]);
        assert_eq!(out, "---\ntitle: \"Old\"\nsummary: >-\n  un deux\norder: 1\n---\nBody\n");
        let out = set_key(text, block, "", "label", &Value::Text("Étape: 1"), Style::Double, &["title", "summary"]);
        assert_eq!(
            out,
            "---\ntitle: \"Old\"\nsummary: >-\n  one two\n  three\nlabel: \"Étape: 1\"\norder: 1\n---\nBody\n"
        );
    }

    #[test]
    fn plain_values_that_yaml_would_misread_are_quoted() {
        assert_eq!(render("", "title", &Value::Text("Oui"), Style::Plain, None), ["title: Oui"]);
        assert_eq!(render("", "title", &Value::Text("true"), Style::Plain, None), ["title: \"true\""]);
        assert_eq!(render("  ", "title", &Value::Text("a: b"), Style::Plain, None), ["  title: \"a: b\""]);
    }

    #[test]
    fn catalogue_entries_keep_their_shape() {
        let text = "# c\n\none:\n    summary: >-\n      Old\n      text.\n    link_labels:\n    - A\n    - B\n\n\"two\":\n  summary: S";
        let (start, end, indent) = entry_block(text, "one").unwrap();
        assert_eq!((start, end, indent.as_str()), (2, 10, "    "));
        let labels = ["X".to_string(), "Y \"z\"".to_string()];
        let out = set_key(text, start + 1..end, &indent, "link_labels", &Value::List(&labels), Style::Double, &[]);
        assert_eq!(
            out,
            "# c\n\none:\n    summary: >-\n      Old\n      text.\n    link_labels: [\"X\", \"Y \\\"z\\\"\"]\n\n\"two\":\n  summary: S"
        );
        let out = set_key(text, start + 1..end, &indent, "summary", &Value::Text("New text."), Style::Folded, &[]);
        assert!(out.starts_with("# c\n\none:\n    summary: >-\n      New text.\n    link_labels:\n"), "{out}");
        let (start, end, indent) = entry_block(text, "two").unwrap();
        let out = set_key(text, start + 1..end, &indent, "title", &Value::Text("T"), Style::Plain, &[]);
        assert!(out.ends_with("\"two\":\n  title: T\n  summary: S"), "{out}");
        assert!(entry_is_block(text, start));
        assert!(!entry_is_block("one: {summary: x}\n", 0));
        let long = "word ".repeat(30);
        let out = append_entry("a:\n  summary: x", "b", &[("summary", Value::Text(long.trim()), Style::Folded)]);
        assert!(out.starts_with("a:\n  summary: x\n\nb:\n  summary: >-\n    word word"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() <= 80));
        let parsed: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
        assert_eq!(parsed["b"]["summary"].as_str(), Some(long.trim()));
    }

    #[test]
    fn body_keeps_its_blank_lines() {
        let text = "---\ntitle: T\n---\n\nOld body.\n\n";
        assert_eq!(set_body(text, "New.").unwrap(), "---\ntitle: T\n---\n\nNew.\n\n");
        assert_eq!(set_body("---\ntitle: T\n---\n", "New.").unwrap(), "---\ntitle: T\n---\n\nNew.\n");
    }

    #[test]
    fn messages_are_replaced_or_appended() {
        let text = "# c\na = A\nb = { $n ->\n   *[other] B\n}\nc = C";
        assert_eq!(set_message(text, "b", "X"), "# c\na = A\nb = X\nc = C");
        assert_eq!(set_message(text, "c", "Y"), "# c\na = A\nb = { $n ->\n   *[other] B\n}\nc = Y");
        assert_eq!(set_message(text, "d", "D"), format!("{text}\nd = D\n"));
    }
}
