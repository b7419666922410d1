//! Rendering the resource library in one language: the listings (all, and
//! per filter value, paginated), each resource's page, the audience pages
//! and the Atom feed.

use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use super::Output;
use super::context::{Chrome, ContextBuilder, NavItem};
use super::library::{
    Card, FACETS, Filters, Index, Library, LibraryView, Listing, Rendered, facet_label, json_ld, library_url,
    resource_url,
};
use super::{Templates, library_data, render};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::model::{Catalogue, Lang};

#[derive(Serialize)]
struct ListingPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    library: LibraryView<'a>,
    feed_url: String,
}

#[derive(Serialize)]
struct ResourcePage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    resource: Card,
    organisation: &'a str,
    year: i32,
    added: crate::date::Date,
    topics: Vec<String>,
    components: Vec<NavItem<'a>>,
    json_ld: String,
}

/// `card.html` renders one card, at heading level `h`.
#[derive(Serialize)]
struct CardContext<'a> {
    r: &'a Card,
    h: u8,
}

/// `filters.html` renders a listing's filters, at heading level `h`.
#[derive(Serialize)]
struct FiltersContext {
    lib: Filters,
    h: u8,
}

#[derive(Serialize)]
struct AudiencePage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    audience: String,
    pages: Vec<NavItem<'a>>,
    library: LibraryView<'a>,
}

pub struct Renderer<'a> {
    pub builder: &'a ContextBuilder<'a>,
    pub library: Library<'a>,
    pub tera: &'a Tera,
    pub templates: &'a Templates,
    pub staging: &'a dyn Output,
}

/// `library.js` settings that are the same on every listing of a language.
pub fn script_base(
    config: &Config,
    strings: &Strings,
    lang: &Lang,
    index: &Index,
    catalogue: &Catalogue,
) -> serde_json::Value {
    let labels: Vec<Vec<String>> = (0..3)
        .map(|f| index.values[f].iter().map(|id| facet_label(config, catalogue, lang, f, id)).collect())
        .collect();
    serde_json::json!({
        "lang": lang.as_str(),
        "data": format!("{}{}/", config.base_path, library_data::DATA_DIR),
        "library": library_url(config, lang),
        "size": config.page_size,
        "chunk": library_data::CHUNK,
        "pack": library_data::STATES_PER_PACK,
        "labels": labels,
        "strings": {
            "displaying": strings.plural_patterns(lang, "displaying", "total", &["start", "end"]),
            "count": strings.plural_patterns(lang, "resource-count", "count", &[]),
            "access": strings.format(lang, "access-in", Some(&args(&[("language", "{language}")]))),
            "labelled": strings.format(lang, "access-labelled", Some(&args(&[("label", "{label}"), ("language", "{language}")]))),
            "filters": strings.format(lang, "filters-toggle", Some(&args(&[("count", "{count}")]))),
            "list": strings.list_patterns(lang),
            "page": strings.format(lang, "page-number", Some(&args(&[("number", "{number}")]))),
            "previous": strings.format(lang, "previous", None),
            "next": strings.format(lang, "next", None),
            "categories": strings.format(lang, "categories", None),
            "audiences": strings.format(lang, "audiences", None),
            "noResults": strings.format(lang, "no-results", None),
        },
    })
}

fn args<'a>(pairs: &[(&'a str, &'a str)]) -> fluent_bundle::FluentArgs<'a> {
    let mut args = fluent_bundle::FluentArgs::new();
    for (k, v) in pairs {
        args.set(*k, *v);
    }
    args
}

impl<'a> Renderer<'a> {
    fn config(&self) -> &'a Config {
        self.builder.config
    }

    fn lang(&self) -> &'a Lang {
        self.builder.lang
    }

    fn chrome(&self, title: String, summary: Option<String>, url_of: impl Fn(&Lang) -> String) -> Chrome<'a> {
        self.builder.page_chrome(title, summary, url_of)
    }

    fn write(&self, template: &str, url: &str, context: &impl Serialize) -> Result<(), Diagnostic> {
        let html = render(self.tera, self.templates, template, context)?;
        let rel = url.strip_prefix(&self.config().base_path).unwrap_or(url);
        self.staging.write(&PathBuf::from(rel).join("index.html"), html.as_bytes())
    }

    /// Every library page of this language.
    pub fn all(&self, strings: &Strings) -> Vec<Diagnostic> {
        let index = self.library.index;
        let mut listings: Vec<(Listing, Option<usize>, Vec<usize>)> =
            vec![(Listing { filter: None }, None, index.select(None, None))];
        for (f, facet) in FACETS.iter().enumerate() {
            for (v, id) in index.values[f].iter().enumerate() {
                listings.push((Listing { filter: Some((facet, id)) }, None, index.select(None, Some((f, v)))));
            }
        }
        for (c, id) in index.components.iter().enumerate() {
            listings.push((Listing { filter: Some(("component", id)) }, Some(c), index.select(Some(c), None)));
        }
        let pages: Vec<(usize, usize)> = listings
            .iter()
            .enumerate()
            .flat_map(|(l, (_, _, ordinals))| {
                (1..=ordinals.len().div_ceil(self.config().page_size).max(1)).map(move |n| (l, n))
            })
            .collect();
        let cards = self.library.cards();
        let cards_html = match self.cards_html(cards) {
            Ok(html) => html,
            Err(d) => return vec![d],
        };
        let rendered = match self.filters_html(&listings) {
            Ok(filters) => {
                filters.into_iter().map(|filters| Rendered { filters, cards: &cards_html }).collect::<Vec<_>>()
            }
            Err(d) => return vec![d],
        };
        let mut diags: Vec<Diagnostic> =
            pages.par_iter().filter_map(|&(l, n)| self.listing(strings, &listings[l], n, &rendered[l]).err()).collect();
        diags.extend(
            self.library
                .catalogue
                .resources
                .par_iter()
                .zip(cards.par_iter())
                .filter_map(|(r, card)| self.resource(r, card).err())
                .collect::<Vec<_>>(),
        );
        diags.extend(library_data::write_items(self.lang().as_str(), &cards_html, self.staging));
        diags.extend(self.audiences(strings).err());
        diags.extend(
            self.staging
                .write(
                    &PathBuf::from(self.lang().as_str()).join("resources/feed.xml"),
                    self.feed(strings, cards).as_bytes(),
                )
                .err(),
        );
        diags
    }

    /// Every card as the listing pages show it (heading level 2), rendered
    /// once; a template error is reported once, not once per resource.
    fn cards_html(&self, cards: &[Card]) -> Result<Vec<String>, Diagnostic> {
        cards
            .par_iter()
            .map(|card| render(self.tera, self.templates, "card.html", &CardContext { r: card, h: 2 }))
            .collect()
    }

    /// Each listing's filters (heading level 2), rendered once for all its
    /// pages.
    fn filters_html(&self, listings: &[(Listing, Option<usize>, Vec<usize>)]) -> Result<Vec<String>, Diagnostic> {
        listings
            .par_iter()
            .map(|(listing, scope, _)| {
                let context = FiltersContext { lib: self.library.filters(*listing, *scope), h: 2 };
                render(self.tera, self.templates, "filters.html", &context)
            })
            .collect()
    }

    fn listing(
        &self,
        strings: &Strings,
        (listing, scope, ordinals): &(Listing, Option<usize>, Vec<usize>),
        n: usize,
        rendered: &Rendered,
    ) -> Result<(), Diagnostic> {
        let config = self.config();
        let lang = self.lang();
        let library_title = strings.format(lang, "resource-library", None).unwrap_or_default();
        let filtered = listing.filter.map(|(facet, id)| match facet {
            "component" => self.component_title(id).unwrap_or_else(|| id.to_string()),
            facet => self.library.facet_label(FACETS.iter().position(|f| *f == facet).unwrap_or(0), id),
        });
        let mut title = filtered.map_or(library_title.clone(), |label| format!("{label} · {library_title}"));
        if n > 1 {
            title = format!(
                "{title} · {}",
                strings.format(lang, "page-number", Some(&args(&[("number", &n.to_string())]))).unwrap_or_default()
            );
        }
        let url_of = |l: &Lang| listing.url(config, l, n);
        let library = self.library.view(*listing, *scope, ordinals, n, Some(rendered));
        let context = ListingPage {
            chrome: self.chrome(title, None, url_of),
            library,
            feed_url: format!("{}feed.xml", library_url(config, lang)),
        };
        self.write("library.html", &listing.url(config, lang, n), &context)
    }

    fn component_title(&self, id: &str) -> Option<String> {
        let component = self.library.catalogue.vocabulary.component(id)?;
        let (page, _) = self.builder.site.page_for(self.lang(), &self.config().default_lang, &component.page)?;
        Some(page.front.title.clone())
    }

    fn resource(&self, resource: &crate::model::Resource, card: &Card) -> Result<(), Diagnostic> {
        let config = self.config();
        let lang = self.lang();
        let vocabulary = &self.library.catalogue.vocabulary;
        let components = resource
            .components
            .iter()
            .filter_map(|id| self.builder.item(&vocabulary.component(id)?.page, None))
            .collect();
        let context = ResourcePage {
            chrome: self.chrome(format!("{} {}", card.citation, card.title), Some(card.summary.clone()), |l| {
                resource_url(config, l, &resource.id)
            }),
            resource: card.clone(),
            organisation: &resource.organisation,
            year: resource.year,
            added: resource.added,
            topics: resource
                .topics
                .iter()
                .map(|t| vocabulary.topic(t).map_or(t.clone(), |t| t.label(lang, &config.default_lang).to_string()))
                .collect(),
            components,
            json_ld: json_ld(config, resource, card),
        };
        self.write("resource.html", &card.url, &context)
    }

    fn audiences(&self, strings: &Strings) -> Result<(), Diagnostic> {
        let config = self.config();
        let lang = self.lang();
        let index = self.library.index;
        for (v, audience) in index.values[1].iter().enumerate() {
            let label = self.library.facet_label(1, audience);
            let title = strings
                .format(lang, "audience-page-title", Some(&args(&[("audience", audience.as_str()), ("label", &label)])))
                .unwrap_or_else(|| label.clone());
            let pages = self
                .builder
                .site
                .keys_for(lang, &config.default_lang)
                .into_iter()
                .filter(|key| {
                    let page = self.builder.site.page_for(lang, &config.default_lang, key);
                    page.is_some_and(|(page, _)| page.front.audience.contains(audience))
                })
                .filter_map(|key| self.builder.item(key, None))
                .collect();
            let listing = Listing { filter: Some(("audience", audience)) };
            let mut library = self.library.view(listing, None, &index.select(None, Some((1, v))), 1, None);
            library.all_url = Some(listing.url(config, lang, 1));
            let url_of = |l: &Lang| format!("{}{l}/audiences/{audience}/", config.base_path);
            let context = AudiencePage { chrome: self.chrome(title, None, url_of), audience: label, pages, library };
            self.write("audience.html", &url_of(lang), &context)?;
        }
        Ok(())
    }

    /// The most recently added resources, newest first.
    fn feed(&self, strings: &Strings, cards: &[Card]) -> String {
        let config = self.config();
        let lang = self.lang();
        let resources = &self.library.catalogue.resources;
        let mut order: Vec<usize> = (0..resources.len()).collect();
        order.sort_by(|&a, &b| {
            resources[b].added.cmp(&resources[a].added).then_with(|| resources[a].id.cmp(&resources[b].id))
        });
        order.truncate(20);
        let title = strings.format(lang, "resource-library", None).unwrap_or_default();
        let site_title = config.language(lang).map_or(config.title.as_str(), |l| l.title.as_str());
        let self_url = xml_url(&config.absolute(&format!("{}feed.xml", library_url(config, lang))));
        let updated = order.first().map_or("1970-01-01".to_string(), |&i| resources[i].added.to_string());
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        let _ = writeln!(xml, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">");
        let _ = writeln!(xml, "  <title>{} · {}</title>", xml_escape(&title), xml_escape(site_title));
        let _ = writeln!(xml, "  <id>{self_url}</id>\n  <link rel=\"self\" href=\"{self_url}\"/>");
        let _ = writeln!(
            xml,
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_url(&config.absolute(&library_url(config, lang)))
        );
        let _ = writeln!(xml, "  <updated>{updated}T00:00:00Z</updated>");
        for &i in &order {
            let (r, card) = (&resources[i], &cards[i]);
            let url = xml_url(&config.absolute(&card.url));
            let _ = writeln!(
                xml,
                "  <entry>\n    <title>{} {}</title>\n    <id>{url}</id>\n    <link href=\"{url}\"/>",
                xml_escape(&card.citation),
                xml_escape(&card.title)
            );
            let _ = writeln!(
                xml,
                "    <updated>{}T00:00:00Z</updated>\n    <author><name>{}</name></author>",
                r.added,
                xml_escape(&r.organisation)
            );
            let _ = writeln!(xml, "    <summary>{}</summary>\n  </entry>", xml_escape(&card.summary));
        }
        xml.push_str("</feed>\n");
        xml
    }
}

fn xml_escape(text: &str) -> String {
    crate::escape::xml(text).into_owned()
}

/// An absolute URL in the feed: ASCII (Atom's `id` is an IRI, but readers
/// differ), XML-escaped.
fn xml_url(url: &str) -> String {
    crate::escape::xml(&crate::escape::ascii_url(url)).into_owned()
}
