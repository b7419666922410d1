//! gettext PO: `msgctxt` is the unit id, `msgid` the source, `msgstr` the
//! translation, `#, fuzzy` an outdated one, and the header's `Language`
//! the language translated into.
//!
//! Written and read here rather than with the `polib` crate: its parser
//! keeps no line numbers (errors must say where), and it slices quoted
//! strings without checking them, so a malformed line panics.

use std::fmt::Write as _;
use std::path::Path;

use super::{Document, Export, Incoming, error};
use crate::diag::Diagnostics;

pub fn write(export: &Export) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {} translation.", export.site_title, export.target_lang);
    let _ = writeln!(out, "# Written by `signpost i18n export`; read back by `signpost i18n import FILE`.");
    let _ = writeln!(out, "# msgctxt is the id of each text: keep it as it is.");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let header = [
        format!("Project-Id-Version: {}", export.site_title),
        format!("Language: {}", export.target_lang),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
        format!("X-Source-Language: {}", export.source_lang),
        "X-Generator: signpost".to_string(),
    ];
    for line in header {
        let _ = writeln!(out, "{}", quote(&format!("{line}\n")));
    }
    for unit in &export.units {
        out.push('\n');
        if let Some(context) = &unit.context {
            let _ = writeln!(out, "#. {context}");
        }
        if !unit.codes.is_empty() {
            let codes: Vec<String> =
                unit.codes.iter().enumerate().map(|(n, c)| c.shown(n + 1).replace('\n', " ")).collect();
            let _ = writeln!(out, "#. Keep each marker once, moved with its words: {}", codes.join(", "));
        }
        if let Some(review) = unit.review() {
            let _ = writeln!(out, "#. {review}");
        }
        let _ = writeln!(out, "#: {}", unit.origin);
        if unit.review().is_some() {
            out.push_str("#, fuzzy\n");
        }
        keyword(&mut out, "msgctxt", &unit.id);
        keyword(&mut out, "msgid", &unit.source);
        keyword(&mut out, "msgstr", unit.target.as_deref().unwrap_or(""));
    }
    out
}

/// `msgid "text"`, or over several lines after `""` when the text has
/// line breaks.
fn keyword(out: &mut String, name: &str, text: &str) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        let _ = writeln!(out, "{name} {}", quote(text));
        return;
    }
    let _ = writeln!(out, "{name} \"\"");
    for line in lines {
        let _ = writeln!(out, "{}", quote(line));
    }
}

fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The string of `"..."` at the start of `text`; errors say at which
/// character (from 0) of `text`.
fn unquote(text: &str) -> Result<String, (usize, String)> {
    let mut chars = text.char_indices().peekable();
    if chars.next().map(|(_, c)| c) != Some('"') {
        return Err((0, "expected a \"quoted string\"".into()));
    }
    let mut out = String::new();
    let count = |byte: usize| text[..byte].chars().count();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let rest = &text[i + 1..];
                if !rest.trim().is_empty() {
                    return Err((count(i + 1), "text after the closing quote".into()));
                }
                return Ok(out);
            }
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '"' | '\\' | '\'' | '?' => out.push(e),
                    _ => return Err((count(i), format!("unknown escape `\\{e}`"))),
                }
            }
            c => out.push(c),
        }
    }
    Err((count(text.len()), "the string is not closed: add a `\"`".into()))
}

#[derive(Default)]
struct Entry {
    /// Line and column of the entry's first line.
    start: Option<(usize, usize)>,
    fuzzy: bool,
    obsolete: bool,
    ctxt: Option<(String, (usize, usize))>,
    id: Option<(String, (usize, usize))>,
    str: Option<(String, (usize, usize))>,
    /// The keyword continuation lines add to.
    current: Option<&'static str>,
}

impl Entry {
    fn has_keyword(&self) -> bool {
        self.ctxt.is_some() || self.id.is_some() || self.str.is_some()
    }

    fn field(&mut self, name: &str) -> &mut Option<(String, (usize, usize))> {
        match name {
            "msgctxt" => &mut self.ctxt,
            "msgid" => &mut self.id,
            _ => &mut self.str,
        }
    }
}

/// The units of a PO file; every syntax error is reported.
pub fn read(text: &str, path: &Path, diags: &mut Diagnostics) -> Document {
    let mut doc = Document { lang_at: (1, 1), ..Document::default() };
    let mut entry = Entry::default();
    for (n, line) in text.lines().enumerate() {
        let number = n + 1;
        let trimmed = line.trim_start();
        let indent = line.chars().count() - trimmed.chars().count();
        if trimmed.is_empty() {
            finish(std::mem::take(&mut entry), &mut doc, path, diags);
            continue;
        }
        if trimmed.starts_with('#') && entry.has_keyword() && !entry.obsolete {
            // A comment starts the next entry, even without a blank line.
            finish(std::mem::take(&mut entry), &mut doc, path, diags);
        }
        entry.start.get_or_insert((number, indent + 1));
        if trimmed.starts_with("#~") {
            entry.obsolete = true;
            continue;
        }
        if let Some(flags) = trimmed.strip_prefix("#,") {
            entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            continue;
        }
        if trimmed.starts_with('#') || entry.obsolete {
            continue;
        }
        let (name, rest) = match trimmed.find(|c: char| c.is_whitespace() || c == '"') {
            _ if trimmed.starts_with('"') => ("", trimmed),
            Some(i) => (&trimmed[..i], &trimmed[i..]),
            None => (trimmed, ""),
        };
        let rest_column = indent + trimmed[..trimmed.len() - rest.len()].chars().count();
        let rest_trimmed = rest.trim_start();
        let column = rest_column + (rest.chars().count() - rest_trimmed.chars().count()) + 1;
        // A broken string is reported, and read as empty so that its entry
        // brings no second error.
        let value = unquote(rest_trimmed).unwrap_or_else(|(offset, message)| {
            diags.push(error(path, (number, column + offset), message));
            String::new()
        });
        match name {
            "" => match entry.current {
                Some(current) => {
                    if let Some((text, _)) = entry.field(current) {
                        text.push_str(&value);
                    }
                }
                None => diags.push(error(path, (number, indent + 1), "a string with no msgid or msgstr before it")),
            },
            "msgctxt" | "msgid" | "msgstr" => {
                let name = match name {
                    "msgctxt" => "msgctxt",
                    "msgid" => "msgid",
                    _ => "msgstr",
                };
                // `msgctxt` or `msgid` after a complete entry starts the next one.
                let starts_next = (name == "msgctxt" && (entry.id.is_some() || entry.str.is_some()))
                    || (name == "msgid" && entry.str.is_some());
                if starts_next {
                    finish(std::mem::take(&mut entry), &mut doc, path, diags);
                    entry.start = Some((number, indent + 1));
                }
                if entry.field(name).is_some() {
                    diags.push(error(path, (number, indent + 1), format!("a second `{name}` in one entry")));
                    continue;
                }
                *entry.field(name) = Some((value, (number, indent + 1)));
                entry.current = Some(name);
            }
            _ if name == "msgid_plural" || name.starts_with("msgstr[") => {
                diags.push(error(
                    path,
                    (number, indent + 1),
                    format!("`{name}`: signpost's texts have no plural forms in PO (Fluent strings carry their own)"),
                ));
            }
            _ => diags.push(error(
                path,
                (number, indent + 1),
                format!("`{name}` is not PO: expected msgctxt, msgid, msgstr, a \"string\" or a # comment"),
            )),
        }
    }
    finish(entry, &mut doc, path, diags);
    doc
}

fn finish(entry: Entry, doc: &mut Document, path: &Path, diags: &mut Diagnostics) {
    if entry.obsolete || !entry.has_keyword() {
        return;
    }
    let start = entry.start.unwrap_or((1, 1));
    let Some((id, id_at)) = entry.id else {
        diags.push(error(path, start, "an entry without msgid"));
        return;
    };
    let Some((target, target_at)) = entry.str else {
        diags.push(error(path, id_at, "an entry without msgstr"));
        return;
    };
    let Some((unit, unit_at)) = entry.ctxt else {
        if id.is_empty() {
            header(&target, target_at, doc);
        } else {
            diags.push(error(path, id_at, "an entry without msgctxt: signpost reads the id of each text from msgctxt"));
        }
        return;
    };
    doc.units.push(Incoming {
        id: unit,
        source: Some(id),
        target: Some(target).filter(|t| !t.is_empty()),
        confirmed: !entry.fuzzy,
        at: unit_at,
        target_at,
    });
}

fn header(text: &str, at: (usize, usize), doc: &mut Document) {
    doc.lang_at = at;
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_string();
        match key.trim() {
            "Language" if !value.is_empty() => doc.target_lang = Some((value, at)),
            "X-Source-Language" if !value.is_empty() => doc.source_lang = Some((value, at)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for text in ["plain", "a \"quote\" and \\ and\ttab", "two\nlines\n", ""] {
            assert_eq!(unquote(&quote(text)).unwrap(), text);
        }
        assert_eq!(unquote("\"open").unwrap_err().1, "the string is not closed: add a `\"`");
        assert_eq!(unquote("\"a\\q\"").unwrap_err(), (2, "unknown escape `\\q`".to_string()));
        assert_eq!(unquote("\"a\" b").unwrap_err().0, 3);
    }

    #[test]
    fn entries_with_positions() {
        let text = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\n#, fuzzy\nmsgctxt \"string:a\"\nmsgid \"A\"\nmsgstr \"\"\n\"un\\n\"\n\"deux\"\n";
        let mut diags = Diagnostics::new();
        let doc = read(text, Path::new("fr.po"), &mut diags);
        assert!(diags.is_empty());
        assert_eq!(doc.target_lang.unwrap().0, "fr");
        let unit = &doc.units[0];
        assert_eq!((unit.id.as_str(), unit.target.as_deref(), unit.confirmed), ("string:a", Some("un\ndeux"), false));
        assert_eq!((unit.at, unit.target_at), ((6, 1), (8, 1)));
    }
}
