//! YAML front matter between `---` lines at the top of a Markdown file.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
pub use crate::model::FrontMatter;
use crate::yaml::positions::Positions;

/// A file cut into its front matter and its Markdown body.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Line of the file where the YAML starts.
    pub yaml_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::error(
            path,
            (1, 1),
            "missing front matter: start the file with a line `---`, then `title: ...`, then `---`",
        ));
    };
    let start = 4;
    let mut offset = start;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let body_offset = offset + line.len();
            return Ok(Split { yaml: &text[start..offset], yaml_line: 2, body: &text[body_offset..], body_offset });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, (1, 1), "front matter is not closed: add a line `---` after it"))
}

/// The lines of the front matter (counted from 0, the opening `---` being
/// line 0), for the translation tools that edit them in place: the same
/// rule as [`split`], which the build reads the page with. `text` may
/// still have its byte-order mark and `\r\n` line ends: the lines are the
/// same.
pub fn block(text: &str) -> Option<std::ops::Range<usize>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') { text.replace("\r\n", "\n") } else { text.to_string() };
    let split = split(&text, Path::new("")).ok()?;
    Some(1..1 + split.yaml.split_inclusive('\n').count())
}

/// The front matter, or `None` after reporting why it cannot be read.
pub fn parse(split: &Split, path: &Path, diags: &mut Diagnostics) -> Option<FrontMatter> {
    if split.yaml.trim().is_empty() {
        diags.push(Diagnostic::error(path, (1, 1), "missing field `title` in the front matter"));
        return None;
    }
    if let Err(d) = crate::yaml::guard::guard(path, split.yaml, split.yaml_line) {
        diags.push(d);
        return None;
    }
    match serde_yaml::from_str::<FrontMatter>(split.yaml) {
        Ok(front) if front.title.trim().is_empty() => {
            let line = split.yaml.lines().position(|l| l.starts_with("title")).map_or(1, |i| i + split.yaml_line);
            diags.push(Diagnostic::error(path, (line, 1), "`title` is empty"));
            None
        }
        Ok(front) => Some(front),
        Err(e) => {
            let mut d = crate::yaml::guard::read_error(path, split.yaml, &e, split.yaml_line);
            // serde_yaml places a value's own error at its key: the date
            // is shown where it is written.
            if d.message.contains("is not a date") {
                let (line, column) = Positions::new(split.yaml.to_string()).get("updated");
                (d.line, d.column) = (line + split.yaml_line - 1, column);
            }
            diags.push(d);
            None
        }
    }
}
