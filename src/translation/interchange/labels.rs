//! The short texts outside pages, strings and resources: the site's title
//! and description in each language (`signpost.yaml`, `languages[].title`
//! and `.description`) and the labels of the catalogue's vocabulary
//! (`vocabulary.yaml`: categories, audiences, document languages, topics).
//! Without them a new language builds with "has no label" warnings that no
//! translation tool could fix.
//!
//! Their edits are made in place, like the others (module `edit`): one key
//! of one language's entry, or one language of one label.

use std::ops::Range;

use super::edit::{self, Style, Value};
use super::{Export, Field, Item, ItemState, Unit, Workspace};
use crate::model::{Lang, Term};

/// The site configuration's file.
pub const SITE_FILE: &str = "signpost.yaml";
/// The vocabulary's file, where the build reads it.
pub const VOCABULARY_FILE: &str = "content/catalogue/vocabulary.yaml";

fn unit(id: String, item: Item, field: Field, source: &str, current: Option<&str>, origin: &str) -> Unit {
    Unit {
        id,
        item,
        field,
        source: source.to_string(),
        target: current.map(str::to_string),
        current: current.map(str::to_string),
        state: if current.is_some() { ItemState::Current } else { ItemState::Missing },
        origin: origin.to_string(),
        required: true,
        context: None,
        codes: Vec::new(),
        source_codes: 0,
    }
}

/// `site:title` and `site:description`.
pub fn site(workspace: &Workspace, export: &mut Export) {
    let config = &workspace.config;
    let Some(language) = config.language(&export.target_lang) else { return };
    let title = language.own_title.then_some(language.title.as_str());
    export.units.push(unit(
        "site:title".into(),
        Item::Setting("title".into()),
        Field::Title,
        &config.title,
        title,
        SITE_FILE,
    ));
    if let Some(description) = &config.description {
        let own = language.description.as_deref().filter(|_| language.own_description);
        let id = "site:description".to_string();
        export.units.push(unit(id, Item::Setting("description".into()), Field::Summary, description, own, SITE_FILE));
    }
}

/// `vocabulary:<facet>:<id>` for each labelled term.
pub fn vocabulary(workspace: &Workspace, export: &mut Export) {
    let Some(catalogue) = &workspace.catalogue else { return };
    let vocabulary = &catalogue.vocabulary;
    let languages: Vec<&Term> = vocabulary.languages.iter().map(|l| &l.term).collect();
    let facets: [(&str, Vec<&Term>); 4] = [
        ("categories", vocabulary.categories.iter().collect()),
        ("audiences", vocabulary.audiences.iter().collect()),
        ("languages", languages),
        ("topics", vocabulary.topics.iter().collect()),
    ];
    for (facet, terms) in facets {
        for term in terms {
            let Some(source) = term.labels.get(&export.source_lang) else { continue };
            let key = format!("{facet}:{}", term.id);
            let current = term.labels.get(&export.target_lang).map(String::as_str);
            let id = format!("vocabulary:{key}");
            export.units.push(unit(id, Item::Term(key), Field::Label, source, current, VOCABULARY_FILE));
        }
    }
}

/// The lines (from 0) of the list entries under the top-level `key:` of
/// `lines`: from each entry's `- ` line to its last line that is not blank
/// or a comment.
fn entries(lines: &[&str], key: &str) -> Vec<Range<usize>> {
    let Some(start) = lines.iter().position(|l| l.trim_end() == format!("{key}:")) else { return Vec::new() };
    let indentation = |line: &str| line.len() - line.trim_start().len();
    let is_item = |line: &str| line.trim_start() == "-" || line.trim_start().starts_with("- ");
    // The block ends at the next top-level key.
    let end = lines[start + 1..]
        .iter()
        .position(|l| !l.is_empty() && !l.starts_with([' ', '\t', '#', '-']))
        .map_or(lines.len(), |p| start + 1 + p);
    let Some(dash) = lines[start + 1..end].iter().find(|l| is_item(l)).map(|l| indentation(l)) else {
        return Vec::new();
    };
    let starts: Vec<usize> = (start + 1..end).filter(|&n| is_item(lines[n]) && indentation(lines[n]) == dash).collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &from)| {
            let mut to = starts.get(i + 1).copied().unwrap_or(end);
            while to > from + 1 && (lines[to - 1].trim().is_empty() || lines[to - 1].trim_start().starts_with('#')) {
                to -= 1;
            }
            from..to
        })
        .collect()
}

/// The entry whose `field` is `value`, and the indentation of its keys.
fn find_entry(lines: &[&str], list: &str, field: &str, value: &str) -> Option<(Range<usize>, String)> {
    entries(lines, list).into_iter().find_map(|entry| {
        let dash = lines[entry.start];
        let indent = " ".repeat(dash.len() - dash.trim_start().len() + 2);
        let matches = |line: &str| {
            let rest = line.trim_start().trim_start_matches("- ").trim_start();
            rest.strip_prefix(field)
                .and_then(|r| r.strip_prefix(':'))
                .map(|r| r.trim().trim_matches(['"', '\'']) == value)
                .unwrap_or(false)
        };
        lines[entry.clone()].iter().any(|l| matches(l)).then_some((entry, indent))
    })
}

fn flow_entry(lines: &[&str], entry: &Range<usize>) -> bool {
    lines[entry.start].trim_start().trim_start_matches('-').trim_start().starts_with('{')
}

/// `signpost.yaml` with `languages[code = lang].key` set to `value`.
pub fn set_site(text: &str, lang: &Lang, key: &str, value: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((entry, indent)) = find_entry(&lines, "languages", "code", lang.as_str()) else {
        return Err(format!("no entry `- code: {lang}` under `languages:`"));
    };
    if flow_entry(&lines, &entry) {
        return Err(format!("the language `{lang}` is written on one line: write its keys on lines of their own"));
    }
    let keys = entry.start + 1..entry.end;
    Ok(edit::set_key(text, keys, &indent, key, &Value::Text(value), Style::Plain, &["name", "direction", "title"]))
}

/// Whether `signpost.yaml` now reads `languages[code = lang].key` as `value`.
pub fn site_reads(text: &str, lang: &Lang, key: &str, value: &str) -> bool {
    let parsed: Option<serde_yaml::Value> = serde_yaml::from_str(text).ok();
    let languages = parsed.as_ref().and_then(|v| v.get("languages")).and_then(|v| v.as_sequence());
    let entry =
        languages.and_then(|l| l.iter().find(|e| e.get("code").and_then(|c| c.as_str()) == Some(lang.as_str())));
    entry.and_then(|e| e.get(key)).and_then(|v| v.as_str()) == Some(value)
}

/// `vocabulary.yaml` with the `lang` label of `facet`'s term `id` set.
pub fn set_term(text: &str, facet: &str, id: &str, lang: &Lang, value: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((entry, indent)) = find_entry(&lines, facet, "id", id) else {
        return Err(format!("no entry `- id: {id}` under `{facet}:`"));
    };
    if flow_entry(&lines, &entry) {
        return Err(format!("the term `{id}` is written on one line: write its keys on lines of their own"));
    }
    let label = (entry.start + 1..entry.end)
        .find(|&n| lines[n].strip_prefix(indent.as_str()).is_some_and(|r| r.starts_with("label:")));
    let Some(label) = label else { return Err(format!("the term `{id}` has no `label:`")) };
    let written = lines[label][indent.len() + "label:".len()..].trim();
    if written.starts_with('{') {
        // A flow mapping on one line, as the bundled vocabulary writes it:
        // the line is written again with the language set.
        let mut labels: serde_yaml::Mapping =
            serde_yaml::from_str(written).map_err(|e| format!("the label of `{id}` does not read: {e}"))?;
        labels.insert(lang.as_str().into(), value.into());
        let mut pairs = Vec::new();
        for (k, v) in &labels {
            let (Some(k), Some(v)) = (k.as_str(), v.as_str()) else {
                return Err(format!("the label of `{id}` maps languages to texts: {written}"));
            };
            // JSON's string syntax is YAML's double-quoted one.
            let quoted = serde_json::to_string(v).map_err(|e| e.to_string())?;
            pairs.push(format!("{k}: {quoted}"));
        }
        let line = format!("{indent}label: {{{}}}", pairs.join(", "));
        let mut out: Vec<&str> = lines.clone();
        out[label] = &line;
        let mut joined = out.join("\n");
        if text.ends_with('\n') {
            joined.push('\n');
        }
        return Ok(joined);
    }
    let child = lines.get(label + 1).map(|l| l[..l.len() - l.trim_start().len()].to_string()).unwrap_or_default();
    if child.len() <= indent.len() {
        return Err(format!("the label of `{id}` is not a mapping of languages to texts"));
    }
    let end = (label + 1..entry.end).find(|&n| {
        let line = lines[n];
        !line.trim().is_empty() && line.len() - line.trim_start().len() < child.len()
    });
    let block = label + 1..end.unwrap_or(entry.end);
    // A new language goes after the languages the label has.
    let others: Vec<&str> = lines[block.clone()]
        .iter()
        .filter_map(|l| l.strip_prefix(child.as_str())?.split_once(':').map(|(key, _)| key.trim()))
        .collect();
    Ok(edit::set_key(text, block, &child, lang.as_str(), &Value::Text(value), Style::Double, &others))
}

/// Whether `vocabulary.yaml` now reads the label as `value`.
pub fn term_reads(text: &str, facet: &str, id: &str, lang: &Lang, value: &str) -> bool {
    let parsed: Option<serde_yaml::Value> = serde_yaml::from_str(text).ok();
    let terms = parsed.as_ref().and_then(|v| v.get(facet)).and_then(|v| v.as_sequence());
    let term = terms.and_then(|t| t.iter().find(|e| e.get("id").and_then(|i| i.as_str()) == Some(id)));
    term.and_then(|t| t.get("label")).and_then(|l| l.get(lang.as_str())).and_then(|v| v.as_str()) == Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "title: Toolkit\nlanguages:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\n\n  - code: ar\n    name: العربية\n    title: عنوان\ntheme: default\n";

    #[test]
    fn a_language_gets_its_title_after_its_name() {
        let fr = Lang::new("fr");
        let out = set_site(SITE, &fr, "title", "Boîte à outils").unwrap();
        assert_eq!(out, SITE.replace("    name: Français\n", "    name: Français\n    title: Boîte à outils\n"));
        assert!(site_reads(&out, &fr, "title", "Boîte à outils"));
        let ar = Lang::new("ar");
        let out = set_site(SITE, &ar, "title", "مجموعة").unwrap();
        assert_eq!(out, SITE.replace("title: عنوان", "title: مجموعة"));
        assert!(set_site(SITE, &Lang::new("es"), "title", "x").is_err());
    }

    const VOCABULARY: &str = "categories:\n  - id: key\n    label: {en: \"Key\", fr: \"Clé\"}\n  - id: tools\n    label:\n      en: Tools\n      fr: Outils\n\naudiences:\n  - id: donors\n    label: {en: \"Donors\"}\n";

    #[test]
    fn a_label_is_set_in_a_flow_or_a_block_mapping() {
        let es = Lang::new("es");
        let out = set_term(VOCABULARY, "audiences", "donors", &es, "Donantes \"clave\"").unwrap();
        assert_eq!(out, VOCABULARY.replace("{en: \"Donors\"}", "{en: \"Donors\", es: \"Donantes \\\"clave\\\"\"}"));
        assert!(term_reads(&out, "audiences", "donors", &es, "Donantes \"clave\""));
        let out = set_term(VOCABULARY, "categories", "tools", &es, "Herramientas").unwrap();
        assert_eq!(out, VOCABULARY.replace("      fr: Outils\n", "      fr: Outils\n      es: \"Herramientas\"\n"));
        let fr = Lang::new("fr");
        let out = set_term(VOCABULARY, "categories", "key", &fr, "Clés").unwrap();
        assert!(term_reads(&out, "categories", "key", &fr, "Clés"));
        assert!(set_term(VOCABULARY, "topics", "x", &fr, "y").is_err());
    }
}
