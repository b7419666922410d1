//! Checks of the resource catalogue: every value declared in the
//! vocabulary, ids unique and usable in URLs, links only to http(s),
//! components that are real pages, translations of resources that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Catalogue, Resource, Site, Term};
use crate::parse::catalogue::Parsed;

/// The checked catalogue. Entries with errors are reported; the catalogue
/// is only used when there are none.
pub fn catalogue(config: &Config, site: &Site, parsed: Parsed, diags: &mut Diagnostics) -> Catalogue {
    let vocabulary_file =
        parsed.vocabulary_file.clone().unwrap_or_else(|| PathBuf::from("content/catalogue/vocabulary.yaml"));
    vocabulary(config, site, &parsed, &vocabulary_file, diags);
    let mut seen: BTreeMap<&str, &Resource> = BTreeMap::new();
    // In the order written, so that the second of two equal ids is blamed.
    let mut written: Vec<&Resource> = parsed.catalogue.resources.iter().collect();
    written.sort_by_key(|r| (r.file.clone(), r.path.trim_matches(['[', ']']).parse::<usize>().unwrap_or(0)));
    for resource in written {
        if let Some(first) = seen.insert(&resource.id, resource) {
            let (line, _) = parsed.position(&first.file, &format!("{}.id", first.path));
            let message = format!(
                "duplicate resource id `{}`: already used in {} at line {line}",
                resource.id,
                first.file.display()
            );
            diags.push(Diagnostic::error(
                &resource.file,
                parsed.position(&resource.file, &format!("{}.id", resource.path)),
                message,
            ));
        }
        self::resource(&parsed, resource, diags);
    }
    translations(config, &parsed, &seen, diags);
    parsed.catalogue
}

fn vocabulary(config: &Config, site: &Site, parsed: &Parsed, file: &Path, diags: &mut Diagnostics) {
    let v = &parsed.catalogue.vocabulary;
    let at = |path: String| parsed.position(file, &path);
    let lists: [(&str, Vec<&Term>); 4] = [
        ("categories", v.categories.iter().collect()),
        ("audiences", v.audiences.iter().collect()),
        ("languages", v.languages.iter().map(|l| &l.term).collect()),
        ("topics", v.topics.iter().collect()),
    ];
    for (list, terms) in &lists {
        let mut ids = BTreeSet::new();
        for (i, term) in terms.iter().enumerate() {
            if !valid_id(&term.id) {
                diags.push(Diagnostic::error(
                    file,
                    at(format!("{list}[{i}].id")),
                    format!("`{}` is not a valid id: use lowercase letters, digits and hyphens", term.id),
                ));
            }
            if !ids.insert(&term.id) {
                diags.push(Diagnostic::error(
                    file,
                    at(format!("{list}[{i}].id")),
                    format!("`{}` is declared twice in {list}", term.id),
                ));
            }
            for lang in term.labels.keys().filter(|l| config.language(l).is_none()) {
                diags.push(Diagnostic::error(
                    file,
                    at(format!("{list}[{i}].label.{lang}")),
                    format!("label for `{lang}`, which is not a language of the site"),
                ));
            }
            for lang in config.langs().filter(|l| !term.labels.contains_key(*l)) {
                let message = if *lang == config.default_lang {
                    format!("`{}` has no {lang} label", term.id)
                } else {
                    format!("`{}` has no {lang} label: the {} label is used", term.id, config.default_lang)
                };
                let d = if *lang == config.default_lang {
                    Diagnostic::error(file, at(format!("{list}[{i}].label")), message)
                } else {
                    Diagnostic::warning(file, at(format!("{list}[{i}].label")), message)
                };
                diags.push(d);
            }
        }
    }
    for (i, language) in v.languages.iter().enumerate() {
        if !v.language_facets().any(|f| f.term.id == language.facet) {
            diags.push(Diagnostic::error(
                file,
                at(format!("languages[{i}].facet")),
                format!("facet `{}` is not a language that counts as itself (such as `other`)", language.facet),
            ));
        }
    }
    for (i, component) in v.components.iter().enumerate() {
        if site.page(&config.default_lang, &component.page).is_none() {
            diags.push(Diagnostic::error(
                file,
                at(format!("components[{i}].page")),
                format!(
                    "component `{}` points to a page that does not exist: {}",
                    component.id,
                    component.page.as_str()
                ),
            ));
        }
    }
}

fn resource(parsed: &Parsed, r: &Resource, diags: &mut Diagnostics) {
    let v = &parsed.catalogue.vocabulary;
    let at = |field: &str| parsed.position(&r.file, &format!("{}.{field}", r.path));
    if !valid_id(&r.id) {
        diags.push(Diagnostic::error(
            &r.file,
            at("id"),
            format!("`{}` is not a valid id: use lowercase letters, digits and hyphens (it becomes the URL)", r.id),
        ));
    } else if RESERVED_IDS.contains(&r.id.as_str()) {
        diags.push(Diagnostic::error(
            &r.file,
            at("id"),
            format!("`{}` is reserved for the library's own pages: choose another id", r.id),
        ));
    }
    let declared = |kind: &str, id: &str| match kind {
        "category" => v.category(id).is_some(),
        "audience" => v.audience(id).is_some(),
        "topic" => v.topic(id).is_some(),
        _ => v.component(id).is_some(),
    };
    let fields = [
        ("categories", "category", &r.categories, true),
        ("audiences", "audience", &r.audiences, true),
        ("topics", "topic", &r.topics, false),
        ("components", "component", &r.components, false),
    ];
    for (field, kind, values, required) in fields {
        if required && values.is_empty() {
            diags.push(Diagnostic::error(&r.file, at(field), format!("`{field}` needs at least one value")));
        }
        for (i, value) in values.iter().enumerate().filter(|(_, value)| !declared(kind, value)) {
            diags.push(Diagnostic::error(
                &r.file,
                at(&format!("{field}[{i}]")),
                format!("unknown {kind} `{value}`: declare it in the vocabulary"),
            ));
        }
    }
    if r.links.is_empty() {
        diags.push(Diagnostic::error(&r.file, at("links"), "a resource needs at least one link"));
    }
    for (i, link) in r.links.iter().enumerate() {
        if v.language(&link.language).is_none() {
            diags.push(Diagnostic::error(
                &r.file,
                at(&format!("links[{i}].language")),
                format!("unknown document language `{}`: declare it in the vocabulary", link.language),
            ));
        }
        if let Err(reason) = check_url(&link.url) {
            diags.push(Diagnostic::error(&r.file, at(&format!("links[{i}].url")), reason));
        }
    }
}

fn translations(config: &Config, parsed: &Parsed, resources: &BTreeMap<&str, &Resource>, diags: &mut Diagnostics) {
    for (lang, texts) in &parsed.catalogue.translations {
        for (id, text) in texts {
            let (file, path) = &parsed.translation_sources[&(lang.clone(), id.clone())];
            if config.language(lang).is_none() || *lang == config.default_lang {
                diags.push(Diagnostic::error(
                    file,
                    (1, 1),
                    format!("`{lang}` is not a translation language of the site"),
                ));
                break;
            }
            let Some(resource) = resources.get(id.as_str()) else {
                // A resource that could not be read has its own error.
                if parsed.unreadable.contains(&None) || parsed.unreadable.contains(&Some(id.clone())) {
                    continue;
                }
                diags.push(Diagnostic::error(
                    file,
                    parsed.positions[file].key(path),
                    format!("no resource has the id `{id}`"),
                ));
                continue;
            };
            let labelled = resource.links.iter().filter(|l| l.label.is_some()).count();
            if text.link_labels.len() > labelled {
                let message = format!(
                    "{} link labels, but `{id}` has {}",
                    text.link_labels.len(),
                    crate::diag::count(labelled, "labelled link")
                );
                diags.push(Diagnostic::error(file, parsed.position(file, &format!("{path}.link_labels")), message));
            }
        }
    }
}

/// Names the library uses below `resources/` for its listings.
const RESERVED_IDS: &[&str] = &["category", "audience", "language", "component", "page"];

/// Ids become URLs: lowercase ASCII letters, digits and inner hyphens.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Only http(s) links: `javascript:` and `data:` would run or embed code.
fn check_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return Err(format!("`{url}` is not an http(s) link"));
    };
    if rest.is_empty() || rest.starts_with('/') || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{url}` is not a valid web address"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(check_url("https://www.who.int/").is_ok());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("data:text/html,x").is_err());
        assert!(check_url("JAVASCRIPT:x").is_err());
        assert!(check_url("https:///x").is_err());
        assert!(check_url("https://a b").is_err());
    }

    #[test]
    fn ids() {
        assert!(valid_id("who-2013-investing"));
        assert!(!valid_id("Who"));
        assert!(!valid_id("a/b"));
    }
}
