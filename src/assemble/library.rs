//! Assembled values of the resource library, shared by the pages that list
//! resources ([`crate::render`]) and the search index ([`crate::index`]):
//! the facet index of every resource, and each resource's card as a reader
//! of one language sees it. Both are made once, here.

use serde::Serialize;

use crate::config::Config;
use crate::model::{Catalogue, Lang, Resource};

/// The filter facets, in the order they are shown and stored.
pub const FACETS: [&str; 3] = ["category", "audience", "language"];

/// Facet values of every resource, as indices into the vocabulary: the
/// same in every language, computed once.
pub struct Index {
    /// Per facet, the value ids (declared order).
    pub values: [Vec<String>; 3],
    /// Per resource (catalogue order), per facet, its value indices.
    pub of: Vec<[Vec<usize>; 3]>,
    pub components: Vec<String>,
    /// Per resource, its component indices.
    pub components_of: Vec<Vec<usize>>,
    /// Facet counts per scope (all, then each component), filled on use.
    counts: Vec<std::sync::OnceLock<[Vec<usize>; 3]>>,
}

impl Index {
    pub fn new(catalogue: &Catalogue) -> Index {
        let v = &catalogue.vocabulary;
        let values = [
            v.categories.iter().map(|t| t.id.clone()).collect::<Vec<_>>(),
            v.audiences.iter().map(|t| t.id.clone()).collect(),
            v.language_facets().map(|l| l.term.id.clone()).collect(),
        ];
        let components: Vec<String> = v.components.iter().map(|c| c.id.clone()).collect();
        let position = |list: &[String], id: &str| list.iter().position(|x| x == id);
        let of = catalogue
            .resources
            .iter()
            .map(|r| {
                let ids = [r.categories.clone(), r.audiences.clone(), r.language_facets(v)];
                std::array::from_fn(|f| {
                    let mut found: Vec<usize> = ids[f].iter().filter_map(|id| position(&values[f], id)).collect();
                    found.sort_unstable();
                    found.dedup();
                    found
                })
            })
            .collect();
        let components_of = catalogue
            .resources
            .iter()
            .map(|r| r.components.iter().filter_map(|id| position(&components, id)).collect())
            .collect();
        let counts = (0..=components.len()).map(|_| std::sync::OnceLock::new()).collect();
        Index { values, of, components, components_of, counts }
    }

    /// Resources (ordinals, in catalogue order) in `scope` with `filter`.
    pub fn select(&self, scope: Option<usize>, filter: Option<(usize, usize)>) -> Vec<usize> {
        (0..self.of.len())
            .filter(|&i| scope.is_none_or(|c| self.components_of[i].contains(&c)))
            .filter(|&i| filter.is_none_or(|(f, v)| self.of[i][f].contains(&v)))
            .collect()
    }

    /// How many resources of `scope` have each value of each facet:
    /// computed once per scope, not once per listing page (at 50,000
    /// resources that was two thirds of the build).
    pub fn counts(&self, scope: Option<usize>) -> &[Vec<usize>; 3] {
        let slot = scope.map_or(0, |c| c + 1);
        self.counts[slot].get_or_init(|| self.count(scope))
    }

    fn count(&self, scope: Option<usize>) -> [Vec<usize>; 3] {
        let mut counts: [Vec<usize>; 3] = std::array::from_fn(|f| vec![0; self.values[f].len()]);
        for i in self.select(scope, None) {
            for (facet, values) in counts.iter_mut().zip(&self.of[i]) {
                for &v in values {
                    facet[v] += 1;
                }
            }
        }
        counts
    }
}

pub fn library_url(config: &Config, lang: &Lang) -> String {
    format!("{}{lang}/resources/", config.base_path)
}

pub fn resource_url(config: &Config, lang: &Lang, id: &str) -> String {
    format!("{}{id}/", library_url(config, lang))
}

/// A resource as listed, and on its own page.
#[derive(Serialize, Clone)]
pub struct Card {
    pub id: String,
    pub url: String,
    /// "WHO (2013)".
    pub citation: String,
    pub title: String,
    /// Set when the title is shown in another language than the page's.
    pub title_lang: Option<String>,
    pub summary: String,
    pub summary_lang: Option<String>,
    /// Direction of the default language, for text shown in it.
    pub fallback_dir: &'static str,
    pub categories: Vec<String>,
    pub audiences: Vec<String>,
    pub links: Vec<LinkView>,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub url: String,
    /// The author's label, translated; else the theme says "Access in X".
    pub label: Option<String>,
    /// Name of the document's language, in the reader's language.
    pub language: String,
    pub hreflang: String,
}

/// The label in `lang` of value `id` of facet number `facet` ([`FACETS`]).
pub fn facet_label(config: &Config, catalogue: &Catalogue, lang: &Lang, facet: usize, id: &str) -> String {
    let v = &catalogue.vocabulary;
    let term = match facet {
        0 => v.category(id),
        1 => v.audience(id),
        _ => v.language(id).map(|l| &l.term),
    };
    term.map_or(id.to_string(), |t| t.label(lang, &config.default_lang).to_string())
}

/// A resource as a reader of `lang` sees it: its translated text where
/// there is one, else the default language's, marked with its language.
pub fn card(config: &Config, catalogue: &Catalogue, lang: &Lang, resource: &Resource) -> Card {
    let default = &config.default_lang;
    let vocabulary = &catalogue.vocabulary;
    let text = catalogue.translations.get(lang).and_then(|t| t.get(&resource.id));
    let other_lang = (lang != default).then(|| default.to_string());
    let (title, title_lang) = match text.and_then(|t| t.title.clone()) {
        Some(title) => (title, None),
        // Titles stay in their original language unless officially translated: no notice.
        None => (resource.title.clone(), other_lang.clone()),
    };
    let (summary, summary_lang) = match text.and_then(|t| t.summary.clone()) {
        Some(summary) => (summary, None),
        None => (resource.summary.clone(), other_lang),
    };
    let mut labels = text.map(|t| t.link_labels.iter()).into_iter().flatten();
    let links = resource
        .links
        .iter()
        .map(|link| LinkView {
            url: link.url.clone(),
            label: link.label.as_ref().map(|own| labels.next().cloned().unwrap_or_else(|| own.clone())),
            language: vocabulary
                .language(&link.language)
                .map_or(link.language.clone(), |l| l.term.label(lang, default).to_string()),
            hreflang: link.language.clone(),
        })
        .collect();
    let label = |id: &String, term: Option<&crate::model::Term>| {
        term.map_or(id.clone(), |t| t.label(lang, default).to_string())
    };
    Card {
        id: resource.id.clone(),
        url: resource_url(config, lang, &resource.id),
        citation: format!("{} ({})", resource.organisation, resource.year),
        title,
        title_lang,
        summary,
        summary_lang,
        fallback_dir: config.language(default).map_or("ltr", |l| l.direction.as_str()),
        categories: resource.categories.iter().map(|c| label(c, vocabulary.category(c))).collect(),
        audiences: resource.audiences.iter().map(|a| label(a, vocabulary.audience(a))).collect(),
        links,
    }
}
