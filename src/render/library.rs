//! The resource library: listing pages (all resources, and one listing per
//! category, audience, document language and component, each paginated),
//! a page per resource, audience pages and an Atom feed per language.
//!
//! Every listing is plain HTML that works without JavaScript. The theme's
//! `library.js` adds combined filters on top, reading the small files that
//! `library_data` writes; what it draws must match these pages.

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

/// A listing: which resources, under which URL.
#[derive(Clone, Copy)]
pub struct Listing<'a> {
    /// `category`, `audience`, `language` or `component`, and the value.
    pub filter: Option<(&'a str, &'a str)>,
}

impl Listing<'_> {
    /// URL of page `n` (from 1) of this listing in `lang`.
    pub fn url(&self, config: &Config, lang: &Lang, n: usize) -> String {
        let mut url = library_url(config, lang);
        if let Some((facet, value)) = self.filter {
            url.push_str(&format!("{facet}/{value}/"));
        }
        if n > 1 {
            url.push_str(&format!("page/{n}/"));
        }
        url
    }
}

pub fn library_url(config: &Config, lang: &Lang) -> String {
    format!("{}{lang}/resources/", config.base_path)
}

pub fn resource_url(config: &Config, lang: &Lang, id: &str) -> String {
    format!("{}{id}/", library_url(config, lang))
}

/// What the templates get for a list of resources with its filters.
#[derive(Serialize)]
pub struct LibraryView<'a> {
    #[serde(flatten)]
    pub filters: Filters,
    /// The filters as HTML, when they were rendered beforehand
    /// (`filters.html`, once per listing: they are the same on each of its
    /// pages); `filters` is then empty.
    pub filters_html: Option<&'a str>,
    /// The resources shown, unless `cards_html` holds them.
    pub items: Vec<&'a Card>,
    /// The cards shown as HTML, when they were rendered beforehand
    /// (`card.html`): the library's listing pages show each resource in
    /// many listings, so each card is rendered once per language, not once
    /// per listing page; `items` is then empty.
    pub cards_html: Option<Vec<&'a str>>,
    pub total: usize,
    pub start: usize,
    pub end: usize,
    pub pages: Vec<PageLink>,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// On a component page: the full listing of its resources.
    pub all_url: Option<String>,
    /// Settings for `library.js`, as JSON.
    pub script: String,
}

/// A listing's filters and every card, rendered beforehand for its pages.
pub struct Rendered<'a> {
    pub filters: String,
    /// In catalogue order.
    pub cards: &'a [String],
}

/// The filters beside a listing: what `filters.html` gets as `lib`.
#[derive(Serialize, Default)]
pub struct Filters {
    pub filters: Vec<FacetView>,
    /// The facet and value this listing is filtered by, if any.
    pub selected: Option<(String, String)>,
    pub clear_url: String,
}

#[derive(Serialize)]
pub struct FacetView {
    pub facet: &'static str,
    pub values: Vec<FacetValue>,
}

#[derive(Serialize)]
pub struct FacetValue {
    pub id: String,
    pub label: String,
    pub count: usize,
    pub url: String,
    pub selected: bool,
}

#[derive(Serialize)]
pub struct PageLink {
    /// 0 stands for a gap ("…").
    pub number: usize,
    pub url: String,
    pub current: bool,
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

/// Builds cards and views for one interface language.
pub struct Library<'a> {
    pub config: &'a Config,
    pub catalogue: &'a Catalogue,
    pub index: &'a Index,
    pub lang: &'a Lang,
    /// `library.js` settings shared by every listing in this language.
    pub script_base: serde_json::Value,
    /// Every resource's card, in catalogue order: made on first use, once.
    pub cards: std::sync::OnceLock<Vec<Card>>,
}

impl<'a> Library<'a> {
    /// The cards of all resources, in catalogue order.
    pub fn cards(&self) -> &[Card] {
        self.cards.get_or_init(|| {
            use rayon::prelude::*;
            self.catalogue.resources.par_iter().map(|r| card(self.config, self.catalogue, self.lang, r)).collect()
        })
    }

    /// The filters beside a listing: each value with its count in `scope`.
    pub fn filters(&self, listing: Listing, scope: Option<usize>) -> Filters {
        let counts = self.index.counts(scope);
        let selected = listing.filter.filter(|(facet, _)| *facet != "component");
        let filters = FACETS
            .iter()
            .enumerate()
            .map(|(f, facet)| FacetView {
                facet,
                values: self.index.values[f]
                    .iter()
                    .enumerate()
                    .map(|(v, id)| FacetValue {
                        id: id.clone(),
                        label: self.facet_label(f, id),
                        count: counts[f][v],
                        url: Listing { filter: Some((facet, id)) }.url(self.config, self.lang, 1),
                        selected: selected == Some((facet, id.as_str())),
                    })
                    .collect(),
            })
            .collect();
        Filters {
            filters,
            selected: selected.map(|(f, v)| (f.to_string(), v.to_string())),
            clear_url: library_url(self.config, self.lang),
        }
    }

    /// Page `n` (from 1) of a listing of `ordinals`, with its filters and
    /// cards, or their HTML when they were rendered beforehand.
    pub fn view<'v>(
        &'v self,
        listing: Listing,
        scope: Option<usize>,
        ordinals: &[usize],
        n: usize,
        rendered: Option<&'v Rendered>,
    ) -> LibraryView<'v> {
        let size = self.config.page_size;
        let page_count = ordinals.len().div_ceil(size).max(1);
        let start = (n - 1) * size;
        let shown = page_of(ordinals, n, size);
        let selected = listing.filter.filter(|(facet, _)| *facet != "component");
        let url = |page: usize| listing.url(self.config, self.lang, page);
        let mut script = self.script_base.clone();
        script["scope"] = scope.map_or(serde_json::Value::Null, |c| self.index.components[c].clone().into());
        script["selected"] = selected.map_or(serde_json::Value::Null, |(f, v)| serde_json::json!([f, v]));
        script["page"] = n.into();
        let (filters, items) = match rendered {
            Some(_) => (Filters::default(), Vec::new()),
            None => {
                let cards = self.cards();
                (self.filters(listing, scope), shown.iter().map(|&i| &cards[i]).collect())
            }
        };
        LibraryView {
            filters,
            filters_html: rendered.map(|r| r.filters.as_str()),
            items,
            cards_html: rendered.map(|r| shown.iter().map(|&i| r.cards[i].as_str()).collect()),
            total: ordinals.len(),
            start: if shown.is_empty() { 0 } else { start + 1 },
            end: start + shown.len(),
            pages: window(n, page_count)
                .into_iter()
                .map(|p| PageLink { number: p, url: if p == 0 { String::new() } else { url(p) }, current: p == n })
                .collect(),
            prev: (n > 1).then(|| url(n - 1)),
            next: (n < page_count).then(|| url(n + 1)),
            all_url: None,
            script: script.to_string(),
        }
    }

    pub fn facet_label(&self, facet: usize, id: &str) -> String {
        facet_label(self.config, self.catalogue, self.lang, facet, id)
    }
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

/// The ordinals shown on page `n` (from 1) of a listing, `size` a page.
pub fn page_of(ordinals: &[usize], n: usize, size: usize) -> &[usize] {
    let start = (n - 1) * size;
    &ordinals[start.min(ordinals.len())..(start + size).min(ordinals.len())]
}

/// Page numbers to link from page `n` of `count`: the first, the last and
/// two either side of `n`, with 0 for each gap. A listing of 5,000 pages
/// would otherwise carry 5,000 links on each of them.
pub fn window(n: usize, count: usize) -> Vec<usize> {
    let mut pages = Vec::new();
    for p in 1..=count {
        if p == 1 || p == count || p.abs_diff(n) <= 2 {
            pages.push(p);
        } else if pages.last() != Some(&0) {
            pages.push(0);
        }
    }
    pages
}

/// schema.org description of a resource, for search engines.
pub fn json_ld(config: &Config, resource: &Resource, card: &Card) -> String {
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": card.title,
        "author": { "@type": "Organization", "name": resource.organisation },
        "datePublished": resource.year.to_string(),
        "description": card.summary,
        "url": config.absolute(&card.url),
        "inLanguage": resource.links.iter().map(|l| l.language.clone()).collect::<Vec<_>>(),
        "audience": card.audiences.iter().map(|a| serde_json::json!({"@type": "Audience", "audienceType": a})).collect::<Vec<_>>(),
        "genre": card.categories,
        "sameAs": resource.links.iter().map(|l| l.url.clone()).collect::<Vec<_>>(),
    });
    crate::escape::json_in_script(&value)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn pagination_window() {
        assert_eq!(window(1, 4), vec![1, 2, 3, 4]);
        assert_eq!(window(10, 20), vec![1, 0, 8, 9, 10, 11, 12, 0, 20]);
        assert_eq!(window(1, 1), vec![1]);
    }
}
