//! Tera templates: the built-in theme's, overridden file by file by the
//! site's `themes/<theme>/templates/`, then by its own `templates/`. Template errors are reported at the template's
//! path and line, in Tera's words.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Tera, Value};
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use crate::i18n::Strings;
use crate::model::Lang;

pub struct Templates {
    tera: Tera,
    /// Template name → (path relative to the site root, text), to place
    /// errors.
    sources: BTreeMap<String, (PathBuf, String)>,
}

impl Templates {
    pub fn load(config: &Config) -> (Option<Templates>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let mut sources = BTreeMap::new();
        // The built-in theme first: the site's files override it by name.
        for (name, bytes) in crate::theme::built_in_files() {
            if let Some(name) = name.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(bytes).into_owned();
                sources.insert(name.to_string(), (crate::theme::built_in_path(&format!("templates/{name}")), text));
            }
        }
        let dirs = [config.theme_dir().join("templates"), config.root.join("templates")];
        for dir in dirs.iter().filter(|d| d.is_dir()) {
            for entry in WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
                let rel = crate::load::relative(&config.root, entry.path());
                match crate::load::read_text(&config.root, &rel) {
                    Ok(text) => {
                        sources.insert(name, (rel, text));
                    }
                    Err(d) => diags.push(d),
                }
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let all = sources.iter().map(|(name, (_, text))| (name.as_str(), text.as_str()));
        let templates = Templates { tera: Tera::default(), sources: BTreeMap::new() };
        if let Err(e) = tera.add_raw_templates(all) {
            let templates = Templates { sources, ..templates };
            diags.extend(templates.parse_errors(&e));
            return (None, diags);
        }
        (Some(Templates { tera, sources }), diags)
    }

    /// Tera stops at the first template that fails to parse; parsing each
    /// one alone finds them all. A template whose parent is missing fails
    /// only in the combined parse, so that error is kept as a fallback.
    fn parse_errors(&self, combined: &tera::Error) -> Diagnostics {
        let mut diags: Diagnostics = self
            .sources
            .iter()
            .filter_map(|(name, (_, text))| {
                Tera::default()
                    .add_raw_template(name, text)
                    .err()
                    .filter(is_parse_error)
                    .map(|e| self.diagnostic(&e, Some(name)))
            })
            .collect();
        if diags.is_empty() {
            diags.push(self.diagnostic(combined, None));
        }
        diags
    }

    /// Tera instances for one language, with `t()` bound to its strings.
    pub fn for_lang(&self, strings: &Arc<Strings>, lang: &Lang) -> Tera {
        let mut tera = self.tera.clone();
        let strings = Arc::clone(strings);
        let lang = lang.clone();
        let (list_strings, list_lang) = (Arc::clone(&strings), lang.clone());
        tera.register_function("t", move |args: &HashMap<String, Value>| translate(&strings, &lang, args));
        // `names | list`: a list joined the language's way ("a, b" / "a، b").
        tera.register_filter("list", move |value: &Value, _: &HashMap<String, Value>| {
            let items: Vec<String> = match value {
                Value::Array(items) => {
                    items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect()
                }
                other => return Ok(other.clone()),
            };
            let items: Vec<&str> = items.iter().map(String::as_str).collect();
            Ok(Value::String(list_strings.list(&list_lang, &items)))
        });
        tera
    }

    /// Each template's path (relative to the site root) and text.
    pub fn sources(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.sources.values().map(|(path, text)| (path.as_path(), text.as_str()))
    }

    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// An error of Tera's placed at a template and line: Tera's parse errors
    /// carry `--> line:column`; render errors name the template and often a
    /// variable, which we look for in the template's text.
    pub fn diagnostic(&self, error: &tera::Error, name: Option<&str>) -> Diagnostic {
        let chain = error_chain(error);
        let innermost = chain.last().cloned().unwrap_or_default();
        let name = name
            .map(str::to_string)
            .or_else(|| quoted(&innermost, '\''))
            .or_else(|| chain.iter().find_map(|m| quoted(m, '\'')));
        let Some((path, text)) = name.as_deref().and_then(|n| self.sources.get(n)) else {
            return Diagnostic::error(Path::new("templates"), (1, 1), chain.join(": "));
        };
        if let Some((position, message)) = pest_position(&innermost) {
            return Diagnostic::error(path, position, message);
        }
        let position = quoted(&innermost, '`')
            .and_then(|needle| text.find(&needle).map(|offset| LineIndex::new(text).position(text, offset)))
            .unwrap_or((1, 1));
        let message = chain.iter().skip(usize::from(chain.len() > 1)).cloned().collect::<Vec<_>>().join(": ");
        Diagnostic::error(path, position, message)
    }
}

/// Tera's escape function for `.html` and `.xml` templates: the quoted
/// attribute rules of [`crate::escape::html_attr`], which also hold in text.
fn escape_html(text: &str) -> String {
    crate::escape::html_attr(text).into_owned()
}

fn is_parse_error(error: &tera::Error) -> bool {
    error_chain(error).iter().any(|m| m.contains("-->"))
}

fn error_chain(error: &tera::Error) -> Vec<String> {
    let mut chain = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        chain.push(e.to_string());
        source = e.source();
    }
    chain
}

/// The first text between two `quote` characters.
fn quoted(message: &str, quote: char) -> Option<String> {
    let start = message.find(quote)? + 1;
    let len = message[start..].find(quote)?;
    Some(message[start..start + len].to_string())
}

/// Position and message of a pest error as Tera words it:
/// ` --> 3:5` … `= expected ...`.
fn pest_position(message: &str) -> Option<((usize, usize), String)> {
    let arrow = message.find("--> ")? + 4;
    let rest = &message[arrow..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    let detail = message.lines().find_map(|l| l.trim().strip_prefix("= ")).unwrap_or("syntax error").to_string();
    Some(((line.parse().ok()?, column.parse().ok()?), detail))
}

/// `t(key="displaying", start=1, end=10, total=35)`: an interface string.
fn translate(strings: &Strings, lang: &Lang, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let key = args.get("key").and_then(Value::as_str).ok_or_else(|| tera::Error::msg("t() needs `key`"))?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args.iter().filter(|(n, _)| n.as_str() != "key") {
        let value = match value {
            Value::Number(n) => {
                n.as_i64().map_or_else(|| FluentValue::from(n.as_f64().unwrap_or_default()), FluentValue::from)
            }
            Value::String(s) => FluentValue::from(s.clone()),
            other => FluentValue::from(other.to_string()),
        };
        fluent_args.set(name.clone(), value);
    }
    strings.format(lang, key, Some(&fluent_args)).map(Value::String).ok_or_else(|| {
        tera::Error::msg(format!("interface string `{key}` is not defined in {}", crate::i18n::file_of(lang).display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pest_positions() {
        let msg = " --> 3:5\n  |\n3 | {{ x }\n  |     ^---\n  |\n  = expected `}}`";
        assert_eq!(pest_position(msg), Some(((3, 5), "expected `}}`".to_string())));
    }
}
