//! The search documents of each language: what a reader of it can find,
//! as plain text taken from the parsed Markdown, ready for the index.

use rayon::prelude::*;

use crate::assemble::library::{Card, resource_url};
use crate::config::Config;
use crate::model::{Catalogue, Lang, PageKey, Resource, Site};

/// Filter fields, in the order of [`SearchDoc::facets`].
pub const FACET_FIELDS: [&str; 4] = ["category", "audience", "language", "component"];

/// One searchable unit: a section of a page, or a resource.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    pub url: String,
    pub title: String,
    pub section: String,
    /// Shared with the page's [`crate::model::Section::text`].
    pub body: std::sync::Arc<str>,
    /// Words that find it as its title does but are not shown: a
    /// resource's alternative titles and its terms' synonyms.
    pub also: String,
    /// Per [`FACET_FIELDS`], the values.
    pub facets: [Vec<String>; 4],
}

/// Everything a reader of `lang` can find: resources first (their facet
/// bit sets then stay short), then each page's sections in key order.
///
/// Built in parallel; rayon keeps the order.
pub fn documents(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    cards: &[Card],
    lang: &Lang,
) -> Vec<SearchDoc> {
    let mut docs: Vec<SearchDoc> = match catalogue {
        Some(c) => {
            c.resources.par_iter().zip(cards).map(|(r, card)| resource_document(config, c, lang, r, card)).collect()
        }
        None => Vec::new(),
    };
    let keys = site.keys_for(lang, &config.default_lang);
    docs.par_extend(keys.par_iter().flat_map_iter(|key| page_documents(config, site, catalogue, lang, key)));
    docs
}

fn resource_document(
    config: &Config,
    catalogue: &Catalogue,
    lang: &Lang,
    resource: &Resource,
    card: &Card,
) -> SearchDoc {
    SearchDoc {
        url: resource_url(config, lang, &resource.id),
        title: format!("{} {}", card.citation, card.title),
        section: String::new(),
        body: card.summary.as_str().into(),
        also: also(catalogue, lang, resource),
        facets: [
            resource.categories.clone(),
            resource.audiences.clone(),
            resource.language_facets(&catalogue.vocabulary),
            resource.components.clone(),
        ],
    }
}

/// A resource's alternative titles in `lang` and in the default language
/// (a short name like `PFA` is typed in every language), and the synonyms
/// in `lang` of its categories, audiences and topics, one per line.
fn also(catalogue: &Catalogue, lang: &Lang, resource: &Resource) -> String {
    let translated = catalogue.translations.get(lang).and_then(|t| t.get(&resource.id));
    let mut words: Vec<&str> =
        translated.map(|t| t.alternative_titles.iter().map(String::as_str).collect()).unwrap_or_default();
    words.extend(resource.alternative_titles.iter().map(String::as_str));
    let vocabulary = &catalogue.vocabulary;
    let terms = resource
        .categories
        .iter()
        .filter_map(|id| vocabulary.category(id))
        .chain(resource.audiences.iter().filter_map(|id| vocabulary.audience(id)))
        .chain(resource.topics.iter().filter_map(|id| vocabulary.topics.iter().find(|t| &t.id == id)));
    for term in terms {
        words.extend(term.synonyms.get(lang).into_iter().flatten().map(String::as_str));
    }
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(*w));
    words.join("\n")
}

/// A page's introduction (with its summary), then each of its sections.
fn page_documents(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    lang: &Lang,
    key: &PageKey,
) -> Vec<SearchDoc> {
    let Some((page, _)) = site.page_for(lang, &config.default_lang, key) else { return Vec::new() };
    let url = config.page_url(lang, key);
    let component =
        catalogue.and_then(|c| c.vocabulary.components.iter().find(|c| &c.page == key)).map(|c| c.id.clone());
    let facets = [Vec::new(), page.front.audience.clone(), Vec::new(), component.into_iter().collect()];
    let intro = &page.doc.intro_text;
    let summary = page.front.summary.clone().unwrap_or_default();
    let mut docs = vec![SearchDoc {
        url: url.clone(),
        title: page.front.title.clone(),
        section: String::new(),
        body: join_text(&summary, intro).into(),
        also: String::new(),
        facets: facets.clone(),
    }];
    docs.extend(page.doc.sections.iter().map(|section| SearchDoc {
        url: format!("{url}#{}", section.id),
        title: page.front.title.clone(),
        section: section.title_text.clone(),
        body: section.text.clone(),
        also: String::new(),
        facets: facets.clone(),
    }));
    docs
}

fn join_text(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}\n{b}"),
    }
}
