//! The resource catalogue under `content/catalogue/`:
//!
//! - `vocabulary.yaml`: categories, audiences, document languages, topics
//!   and components, each value with its label in every interface language;
//! - `resources.yaml` (or `resources/*.yaml`): the resources, facts and
//!   default-language text;
//! - `translations/<lang>.yaml`: per language, the translatable text of
//!   each resource (summary, link labels, an official title).
//!
//! Each resource is read on its own so that one bad entry does not hide the
//! next; serde_path_to_error names the field at fault and
//! [`Positions`] turns that name into a line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::CatalogueFile;
use crate::model::{
    Catalogue, Component, DocLanguage, Lang, PageKey, Resource, ResourceLink, ResourceText, Term, Vocabulary,
};
use crate::yaml::guard;
use crate::yaml::positions::Positions;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    categories: Vec<RawTerm>,
    audiences: Vec<RawTerm>,
    languages: Vec<RawLanguage>,
    #[serde(default)]
    topics: Vec<RawTerm>,
    #[serde(default)]
    components: Vec<RawComponent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: String,
    label: BTreeMap<String, String>,
    /// Other words for the term, per language, found by search.
    #[serde(default)]
    synonyms: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    id: String,
    label: BTreeMap<String, String>,
    /// `other` for languages without a filter value of their own.
    #[serde(default)]
    facet: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    id: String,
    page: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResource {
    id: String,
    added: serde_yaml::Value,
    title: String,
    organisation: String,
    year: serde_yaml::Value,
    categories: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    audiences: Vec<String>,
    #[serde(default)]
    components: Vec<String>,
    summary: String,
    links: Vec<RawLink>,
    #[serde(default)]
    alternative_titles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    url: String,
    language: String,
    #[serde(default)]
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    link_labels: Vec<String>,
    #[serde(default)]
    alternative_titles: Vec<String>,
    #[serde(default)]
    source_hash: Option<String>,
}

/// The parsed catalogue with the positions of every value, for the checks
/// in [`crate::validate`].
#[derive(Debug, Default)]
pub struct Parsed {
    pub catalogue: Catalogue,
    pub positions: BTreeMap<PathBuf, Positions>,
    /// Where each translated entry is written: (language, id) → (file, path).
    pub translation_sources: BTreeMap<(Lang, String), (PathBuf, String)>,
    pub vocabulary_file: Option<PathBuf>,
    /// Resources that could not be read (their errors are reported): a
    /// translation of one of them is not reported again as "no resource
    /// has the id". `None` in the set stands for a whole unreadable file.
    pub unreadable: std::collections::BTreeSet<Option<String>>,
}

impl Parsed {
    /// Line and column of `path` (`[3].categories[1]`) in `file`.
    pub fn position(&self, file: &Path, path: &str) -> (usize, usize) {
        self.positions.get(file).map_or((1, 1), |p| p.get(path))
    }
}

/// What one catalogue file holds.
enum Content {
    Vocabulary(Option<Vocabulary>),
    Resources(Vec<Resource>, Vec<Option<String>>),
    Translations(Lang, Vec<(String, ResourceText)>),
    Unexpected,
}

/// One file parsed on its own, with its positions and problems.
struct ParsedFile {
    path: PathBuf,
    positions: Positions,
    content: Content,
    diags: Diagnostics,
}

/// Parses the files in parallel (a large catalogue is a few files of some
/// megabytes each: the resources and a translation file per language), then
/// puts them together in their order.
pub fn parse(files: Vec<CatalogueFile>, diags: &mut Diagnostics) -> Option<Parsed> {
    if files.is_empty() {
        return None;
    }
    let files: Vec<ParsedFile> = files.into_par_iter().map(parse_file).collect();
    let mut parsed = Parsed::default();
    let mut found_vocabulary = false;
    for file in files {
        diags.extend(file.diags);
        match file.content {
            Content::Vocabulary(vocabulary) => {
                found_vocabulary = true;
                parsed.vocabulary_file = Some(file.path.clone());
                if let Some(vocabulary) = vocabulary {
                    parsed.catalogue.vocabulary = vocabulary;
                }
            }
            Content::Resources(resources, unreadable) => {
                parsed.catalogue.resources.extend(resources);
                parsed.unreadable.extend(unreadable);
            }
            Content::Translations(lang, texts) => {
                let translations = parsed.catalogue.translations.entry(lang.clone()).or_default();
                for (id, text) in texts {
                    parsed.translation_sources.insert((lang.clone(), id.clone()), (file.path.clone(), id.clone()));
                    translations.insert(id, text);
                }
            }
            Content::Unexpected => {}
        }
        parsed.positions.insert(file.path, file.positions);
    }
    if !found_vocabulary {
        diags.push(Diagnostic::error(Path::new("content/catalogue"), (1, 1), "the catalogue has no vocabulary.yaml"));
    }
    parsed.catalogue.resources.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    Some(parsed)
}

/// One file; its text moves into its [`Positions`], which the parsers
/// below read it from.
fn parse_file(file: CatalogueFile) -> ParsedFile {
    let CatalogueFile { path, name, text } = file;
    let mut diags = Diagnostics::new();
    let positions = Positions::new(text);
    let stem = name.trim_end_matches(".yaml").trim_end_matches(".yml");
    let content = if stem == "vocabulary" {
        Content::Vocabulary(vocabulary(&path, &positions, &mut diags))
    } else if stem == "resources" || stem.starts_with("resources/") {
        let mut out = Vec::new();
        let unreadable = resources(&path, &positions, &mut out, &mut diags);
        Content::Resources(out, unreadable)
    } else if let Some(lang) = stem.strip_prefix("translations/") {
        Content::Translations(Lang::new(lang), translations(&path, &positions, &mut diags))
    } else {
        diags.push(Diagnostic::error(&path, (1, 1), "unexpected file in the catalogue: expected vocabulary.yaml, resources.yaml, resources/*.yaml or translations/<lang>.yaml"));
        Content::Unexpected
    };
    ParsedFile { path, positions, content, diags }
}

fn vocabulary(path: &Path, positions: &Positions, diags: &mut Diagnostics) -> Option<Vocabulary> {
    if let Err(d) = guard::guard(path, positions.text(), 1) {
        diags.push(d);
        return None;
    }
    let raw: RawVocabulary = match serde_yaml::from_str(positions.text()) {
        Ok(raw) => raw,
        Err(e) => {
            diags.push(guard::read_error(path, positions.text(), &e, 1));
            return None;
        }
    };
    let terms = |raw: Vec<RawTerm>| {
        raw.into_iter()
            .map(|t| Term {
                id: t.id,
                labels: labels(t.label),
                synonyms: t.synonyms.into_iter().map(|(lang, words)| (Lang::new(&lang), words)).collect(),
            })
            .collect()
    };
    Some(Vocabulary {
        categories: terms(raw.categories),
        audiences: terms(raw.audiences),
        topics: terms(raw.topics),
        languages: raw
            .languages
            .into_iter()
            .map(|l| DocLanguage {
                facet: l.facet.unwrap_or_else(|| l.id.clone()),
                term: Term { id: l.id, labels: labels(l.label), synonyms: BTreeMap::new() },
            })
            .collect(),
        components: raw
            .components
            .into_iter()
            .map(|c| Component {
                page: PageKey::from_file(&c.page).map_or_else(|| PageKey::new(c.page.clone()), |(k, _)| k),
                id: c.id,
            })
            .collect(),
    })
}

fn labels(raw: BTreeMap<String, String>) -> BTreeMap<Lang, String> {
    raw.into_iter().map(|(lang, label)| (Lang::new(lang), label)).collect()
}

/// A YAML document, or its syntax error reported.
fn document(path: &Path, positions: &Positions, diags: &mut Diagnostics) -> Option<serde_yaml::Value> {
    if let Err(d) = guard::guard(path, positions.text(), 1) {
        diags.push(d);
        return None;
    }
    match serde_yaml::from_str(positions.text()) {
        Ok(value) => Some(value),
        Err(e) => {
            diags.push(guard::read_error(path, positions.text(), &e, 1));
            None
        }
    }
}

/// One entry, with serde's error placed at the field it names.
fn entry<T: DeserializeOwned>(
    value: serde_yaml::Value,
    file: &Path,
    prefix: &str,
    positions: &Positions,
    diags: &mut Diagnostics,
) -> Option<T> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| {
            let field = e.path().to_string();
            let path = if field == "." {
                prefix.to_string()
            } else if field.starts_with('[') {
                format!("{prefix}{field}")
            } else {
                format!("{prefix}.{field}")
            };
            let message = e.into_inner().to_string();
            // An unknown field is best shown at its key.
            let position = match message.strip_prefix("unknown field `").and_then(|m| m.split('`').next()) {
                Some(key) => positions.key(&format!("{path}.{key}")),
                None => positions.get(&path),
            };
            diags.push(Diagnostic::error(file, position, message));
        })
        .ok()
}

/// Reads the resources of one file into `out`; returns the ids of those
/// that could not be read (`None`: the whole file).
fn resources(
    path: &Path,
    positions: &Positions,
    out: &mut Vec<Resource>,
    diags: &mut Diagnostics,
) -> Vec<Option<String>> {
    let mut unreadable = Vec::new();
    let Some(value) = document(path, positions, diags) else { return vec![None] };
    let serde_yaml::Value::Sequence(items) = value else {
        diags.push(Diagnostic::error(path, (1, 1), "expected a list of resources (`- id: ...`)"));
        return vec![None];
    };
    for (index, item) in items.into_iter().enumerate() {
        let prefix = format!("[{index}]");
        let id = item.get("id").and_then(serde_yaml::Value::as_str).map(str::to_string);
        let Some(raw) = entry::<RawResource>(item, path, &prefix, positions, diags) else {
            // Without an id, any translation might be of this one.
            unreadable.push(id);
            continue;
        };
        // Reported, but the entry is kept so that its other fields are
        // checked too: the build fails all the same.
        let year = year(&raw.year).unwrap_or_else(|| {
            let message = format!("`{}` is not a year: write it as a number such as 2013", scalar_text(&raw.year));
            diags.push(Diagnostic::error(path, positions.get(&format!("{prefix}.year")), message));
            0
        });
        let added = Date::parse(&scalar_text(&raw.added)).unwrap_or_else(|message| {
            diags.push(Diagnostic::error(path, positions.get(&format!("{prefix}.added")), message));
            Date::default()
        });
        out.push(Resource {
            id: raw.id,
            added,
            title: raw.title,
            organisation: raw.organisation,
            year,
            categories: raw.categories,
            topics: raw.topics,
            audiences: raw.audiences,
            components: raw.components,
            summary: raw.summary,
            alternative_titles: raw.alternative_titles,
            links: raw
                .links
                .into_iter()
                .map(|l| ResourceLink { url: l.url, language: l.language, label: l.label })
                .collect(),
            file: path.to_path_buf(),
            path: prefix,
        });
    }
    unreadable
}

/// Each translated entry, by resource id, in the file's order.
fn translations(path: &Path, positions: &Positions, diags: &mut Diagnostics) -> Vec<(String, ResourceText)> {
    let mut out = Vec::new();
    let Some(value) = document(path, positions, diags) else { return out };
    let serde_yaml::Value::Mapping(entries) = value else {
        diags.push(Diagnostic::error(path, (1, 1), "expected a mapping from resource id to its translated text"));
        return out;
    };
    for (key, value) in entries {
        let Some(id) = key.as_str().map(str::to_string) else {
            diags.push(Diagnostic::error(path, (1, 1), "resource ids must be strings"));
            continue;
        };
        if let Some(raw) = entry::<RawText>(value, path, &id, positions, diags) {
            let text = ResourceText {
                title: raw.title,
                summary: raw.summary,
                link_labels: raw.link_labels,
                alternative_titles: raw.alternative_titles,
                source_hash: raw.source_hash,
            };
            out.push((id, text));
        }
    }
    out
}

fn year(value: &serde_yaml::Value) -> Option<i32> {
    value.as_i64().filter(|y| (1800..=2200).contains(y)).map(|y| y as i32)
}

fn scalar_text(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Null => String::new(),
        _ => "a list or mapping".to_string(),
    }
}
