//! The resource library: listing pages (all resources, and one listing per
//! category, audience, document language and component, each paginated),
//! a page per resource, audience pages and an Atom feed per language.
//!
//! Every listing is plain HTML that works without JavaScript. The theme's
//! `library.js` adds combined filters on top, reading the small files that
//! `library_data` writes; what it draws must match these pages.

use serde::Serialize;

pub use crate::assemble::library::facet_label;
pub use crate::assemble::library::{Card, FACETS, Index, LinkView, library_url, resource_url};
use crate::config::Config;
use crate::model::{Catalogue, Lang, Resource};

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

/// Builds cards and views for one interface language.
pub struct Library<'a> {
    pub config: &'a Config,
    pub catalogue: &'a Catalogue,
    pub index: &'a Index,
    pub lang: &'a Lang,
    /// `library.js` settings shared by every listing in this language.
    pub script_base: serde_json::Value,
    /// Every resource's card, in catalogue order (assembled once).
    pub cards: &'a [Card],
}

impl<'a> Library<'a> {
    /// The cards of all resources, in catalogue order.
    pub fn cards(&self) -> &'a [Card] {
        self.cards
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

/// The ordinals shown on page `n` (from 1) of a listing, `size` a page.
pub fn page_of(ordinals: &[usize], n: usize, size: usize) -> &[usize] {
    let start = (n - 1) * size;
    &ordinals[start.min(ordinals.len())..(start + size).min(ordinals.len())]
}

/// Page numbers to link from page `n` of `count`: the first, the last and
/// two either side of `n`, with 0 for each gap. A listing of 5,000 pages
/// would otherwise carry 5,000 links on each of them. A gap never stands
/// for a single page: "1 2 3 … 5" shows 4 instead.
pub fn window(n: usize, count: usize) -> Vec<usize> {
    let mut pages = Vec::new();
    for p in 1..=count {
        let near = p.abs_diff(n) <= 2 || (p == 2 && n <= 5) || (p + 1 == count && n + 4 >= count);
        if p == 1 || p == count || near {
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
        // A gap hides at least two pages.
        assert_eq!(window(1, 5), vec![1, 2, 3, 4, 5]);
        assert_eq!(window(5, 5), vec![1, 2, 3, 4, 5]);
        assert_eq!(window(1, 6), vec![1, 2, 3, 0, 6]);
        assert_eq!(window(5, 10), vec![1, 2, 3, 4, 5, 6, 7, 0, 10]);
        assert_eq!(window(6, 10), vec![1, 0, 4, 5, 6, 7, 8, 9, 10]);
    }
}
