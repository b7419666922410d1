//! What a template sees: plain serialisable structs built from the site for
//! one page in one language. Templates get URLs ready to use and text ready
//! to show, so they hold no logic about languages or fallbacks.

use serde::Serialize;

use super::downloads::{Downloads, PdfLinks};
use crate::config::Config;
use crate::model::{Catalogue, Lang, PageKey, Site};
use crate::model::{Footnote, Section};

#[derive(Serialize)]
pub struct PageContext<'a> {
    /// The reader's language and its direction.
    pub lang: &'a str,
    pub dir: &'static str,
    pub site: SiteContext<'a>,
    pub page: PageView<'a>,
    /// One entry per language: where this page is in it.
    pub languages: Vec<LanguageLink<'a>>,
    /// `hreflang` alternates: real translations only, never fallbacks.
    pub alternates: Vec<Alternate>,
    pub nav: Vec<NavItem<'a>>,
    /// The home page and the sections above this page, outermost first.
    pub breadcrumbs: Vec<NavItem<'a>>,
    /// schema.org description of the page, for search engines.
    pub json_ld: String,
    pub prev: Option<NavItem<'a>>,
    pub next: Option<NavItem<'a>>,
    /// For sections: their pages, by `order` then title.
    pub children: Vec<NavItem<'a>>,
    /// For toolkit components: their resources, with filters.
    pub resources: Option<crate::render::library::LibraryView<'a>>,
}

#[derive(Serialize)]
pub struct SiteContext<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub base_path: &'a str,
    pub home: String,
    pub default_lang: &'a str,
    /// Absolute URL of the site's root (`base_url` + base path), for
    /// `og:image`.
    pub url: String,
    /// The resource library and the audience pages, when there is a
    /// catalogue.
    pub library_url: Option<String>,
    pub audiences: Vec<SiteLink>,
    pub search_url: String,
    /// The translation status page, when the site publishes one.
    pub status_url: Option<String>,
    /// What the toolkit home offers for reading off the network.
    pub downloads: Downloads,
}

#[derive(Serialize, Clone)]
pub struct SiteLink {
    pub id: String,
    pub label: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct PageView<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub label: Option<&'a str>,
    pub url: String,
    pub canonical: String,
    pub is_home: bool,
    pub is_section: bool,
    pub collapsible: bool,
    #[serde(skip)]
    pub template: Option<&'a str>,
    pub audience: &'a [String],
    /// Date of the last meaningful change, when the front matter gives it.
    pub updated: Option<String>,
    /// Shown in the default language because it is not translated yet.
    pub fallback: bool,
    /// Language and direction of the text (differs from the reader's in a
    /// fallback).
    pub content_lang: &'a str,
    pub content_dir: &'static str,
    /// Native name of the text's language, for the fallback notice.
    pub content_language_name: &'a str,
    pub intro: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// "Edit this page": the shown file in the site's `edit_url`.
    pub edit_url: Option<String>,
    /// "Translate this page": the reader's language's file, when the page
    /// is shown in another language (a fallback) or is a translation.
    pub translate_url: Option<String>,
}

#[derive(Serialize)]
pub struct LanguageLink<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub dir: &'static str,
    pub url: String,
    pub current: bool,
    pub translated: bool,
}

#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct NavItem<'a> {
    pub title: &'a str,
    pub label: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub url: String,
    pub current: bool,
    /// Shown in the default language (lang attribute needed).
    pub fallback: bool,
    pub content_lang: &'a str,
    pub content_dir: &'static str,
}

impl PageContext<'_> {
    /// The template the author asked for in the front matter.
    pub fn page_template(&self) -> Option<&str> {
        self.page.template
    }
}

/// Context of the root language chooser and the 404 page, which belong to
/// no one language.
#[derive(Serialize)]
pub struct RootContext<'a> {
    pub lang: &'a str,
    pub dir: &'static str,
    pub site: SiteContext<'a>,
    pub languages: Vec<LanguageLink<'a>>,
}

impl<'a> RootContext<'a> {
    pub fn new(config: &'a Config, site: &Site) -> Self {
        let home = PageKey::new("");
        let default = config.language(&config.default_lang).expect("the default language is declared");
        RootContext {
            lang: config.default_lang.as_str(),
            dir: default.direction.as_str(),
            site: SiteContext {
                title: &default.title,
                description: default.description.as_deref(),
                base_path: &config.base_path,
                home: config.page_url(&config.default_lang, &home),
                default_lang: config.default_lang.as_str(),
                url: config.absolute(&config.base_path),
                library_url: None,
                audiences: Vec::new(),
                search_url: format!("{}{}/search/", config.base_path, config.default_lang),
                status_url: None,
                downloads: Downloads::default(),
            },
            languages: config
                .languages
                .iter()
                .map(|l| LanguageLink {
                    code: l.lang.as_str(),
                    name: &l.name,
                    dir: l.direction.as_str(),
                    url: config.page_url(&l.lang, &home),
                    current: l.lang == config.default_lang,
                    translated: site.page(&l.lang, &home).is_some(),
                })
                .collect(),
        }
    }
}

/// What every library page's template gets besides its own data.
#[derive(Serialize)]
pub struct Chrome<'a> {
    pub lang: &'a str,
    pub dir: &'static str,
    pub site: SiteContext<'a>,
    pub page: Head,
    pub languages: Vec<LanguageLink<'a>>,
    pub alternates: Vec<Alternate>,
    pub nav: Vec<NavItem<'a>>,
}

/// The few page fields `base.html` reads.
#[derive(Serialize)]
pub struct Head {
    pub title: String,
    pub summary: Option<String>,
    pub url: String,
    pub canonical: String,
}

/// `edit_url` with `{path}` replaced by a file's path from the site root.
fn edit_url(config: &Config, file: &std::path::Path) -> Option<String> {
    let path = file.to_string_lossy().replace('\\', "/");
    config.edit_url.as_ref().map(|url| url.replace("{path}", &path))
}

/// Builds contexts for one language of the site.
pub struct ContextBuilder<'a> {
    pub config: &'a Config,
    pub site: &'a Site,
    pub lang: &'a Lang,
    /// Section key → its pages, sorted.
    pub children: &'a std::collections::BTreeMap<PageKey, Vec<&'a PageKey>>,
    pub catalogue: Option<&'a Catalogue>,
    /// The PDFs written, linked from the home and print pages.
    pub pdfs: &'a PdfLinks,
}

impl<'a> ContextBuilder<'a> {
    pub fn page(&self, key: &'a PageKey) -> Option<PageContext<'a>> {
        let config = self.config;
        let (page, fallback) = self.site.page_for(self.lang, &config.default_lang, key)?;
        let language = config.language(self.lang)?;
        let content_language = config.language(&page.lang)?;
        let url = config.page_url(self.lang, key);
        // A fallback's canonical page is the original it repeats.
        let canonical = config.absolute(&config.page_url(&page.lang, key));
        let doc = crate::assemble::links::document(config, self.lang, page);
        let nav = self.nav(key);
        let position = nav.iter().position(|item| item.current);
        let mut breadcrumbs: Vec<NavItem<'a>> =
            std::iter::successors(key.parent(), PageKey::parent).filter_map(|k| self.item(&k, None)).collect();
        breadcrumbs.reverse();
        let json_ld = page_json_ld(&page.front, &canonical, self.lang.as_str(), self.site_context().title);
        Some(PageContext {
            lang: self.lang.as_str(),
            dir: language.direction.as_str(),
            site: self.site_context(),
            page: PageView {
                key: key.as_str(),
                title: &page.front.title,
                summary: page.front.summary.as_deref(),
                label: page.front.label.as_deref(),
                url,
                canonical,
                is_home: key.is_home(),
                is_section: page.is_section,
                collapsible: page.front.collapsible,
                template: page.front.template.as_deref(),
                audience: &page.front.audience,
                updated: page.front.updated.as_ref().map(ToString::to_string),
                fallback,
                content_lang: page.lang.as_str(),
                content_dir: content_language.direction.as_str(),
                content_language_name: &content_language.name,
                intro: doc.intro,
                sections: doc.sections,
                footnotes: doc.footnotes,
                edit_url: edit_url(config, &page.source),
                translate_url: (self.lang != &config.default_lang)
                    .then(|| {
                        let own = std::path::Path::new("content").join(self.lang.as_str());
                        let rest: std::path::PathBuf = page.source.iter().skip(2).collect();
                        edit_url(config, &own.join(rest))
                    })
                    .flatten()
                    .filter(|_| fallback),
            },
            languages: self.languages(key),
            alternates: self.alternates(key),
            breadcrumbs,
            json_ld,
            prev: position.and_then(|i| i.checked_sub(1)).map(|i| nav[i].clone()),
            next: position.and_then(|i| nav.get(i + 1)).cloned(),
            nav,
            children: self
                .children
                .get(key)
                .map(|keys| keys.iter().filter_map(|k| self.item(k, Some(key))).collect())
                .unwrap_or_default(),
            resources: None,
        })
    }

    pub fn site_context(&self) -> SiteContext<'a> {
        let config = self.config;
        let language = config.language(self.lang);
        let title = language.map_or(config.title.as_str(), |l| l.title.as_str());
        let base = &config.base_path;
        let lang = self.lang;
        SiteContext {
            title,
            description: language.map_or(config.description.as_deref(), |l| l.description.as_deref()),
            base_path: base,
            home: config.page_url(lang, &PageKey::new("")),
            default_lang: config.default_lang.as_str(),
            url: config.absolute(base),
            library_url: self.catalogue.map(|_| format!("{base}{lang}/resources/")),
            search_url: format!("{base}{lang}/search/"),
            status_url: config.translation_status.then(|| crate::render::status_page::url(base, lang)),
            downloads: super::downloads::links(config, lang, self.pdfs.get(lang)),
            audiences: self
                .catalogue
                .map(|c| {
                    c.vocabulary
                        .audiences
                        .iter()
                        .map(|a| SiteLink {
                            id: a.id.clone(),
                            label: a.label(lang, &config.default_lang).to_string(),
                            url: format!("{base}{lang}/audiences/{}/", a.id),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Switcher links and `hreflang` alternates for an output that exists
    /// in every language (library pages, audience pages), given its URL in
    /// each language.
    pub fn chrome(&self, url_of: impl Fn(&Lang) -> String) -> (Vec<LanguageLink<'a>>, Vec<Alternate>) {
        let config = self.config;
        let languages = config
            .languages
            .iter()
            .map(|l| LanguageLink {
                code: l.lang.as_str(),
                name: &l.name,
                dir: l.direction.as_str(),
                url: url_of(&l.lang),
                current: &l.lang == self.lang,
                translated: true,
            })
            .collect();
        let mut alternates: Vec<Alternate> =
            config.langs().map(|l| Alternate { hreflang: l.to_string(), href: config.absolute(&url_of(l)) }).collect();
        alternates
            .push(Alternate { hreflang: "x-default".into(), href: config.absolute(&url_of(&config.default_lang)) });
        (languages, alternates)
    }

    /// The frame of a page that exists in every language (library, search).
    pub fn page_chrome(&self, title: String, summary: Option<String>, url_of: impl Fn(&Lang) -> String) -> Chrome<'a> {
        let config = self.config;
        let language = config.language(self.lang).expect("declared language");
        let url = url_of(self.lang);
        let (languages, alternates) = self.chrome(url_of);
        Chrome {
            lang: self.lang.as_str(),
            dir: language.direction.as_str(),
            site: self.site_context(),
            page: Head { title, summary, canonical: config.absolute(&url), url },
            languages,
            alternates,
            nav: self.plain_nav(),
        }
    }

    /// The site navigation, with nothing marked current.
    pub fn plain_nav(&self) -> Vec<NavItem<'a>> {
        self.config.navigation.iter().filter_map(|entry| self.item(&entry.key, None)).collect()
    }

    /// A link to the page `key` as a reader of this language sees it.
    pub fn item(&self, key: &PageKey, current: Option<&PageKey>) -> Option<NavItem<'a>> {
        let (page, fallback) = self.site.page_for(self.lang, &self.config.default_lang, key)?;
        Some(NavItem {
            title: &page.front.title,
            label: page.front.label.as_deref(),
            summary: page.front.summary.as_deref(),
            url: self.config.page_url(self.lang, key),
            current: Some(key) == current,
            fallback,
            content_lang: page.lang.as_str(),
            content_dir: self.config.language(&page.lang).map_or("ltr", |l| l.direction.as_str()),
        })
    }

    fn nav(&self, current: &PageKey) -> Vec<NavItem<'a>> {
        self.config.navigation.iter().filter_map(|entry| self.item(&entry.key, Some(current))).collect()
    }

    fn languages(&self, key: &PageKey) -> Vec<LanguageLink<'a>> {
        let config = self.config;
        config
            .languages
            .iter()
            .map(|language| {
                let built = self.site.page_for(&language.lang, &config.default_lang, key).is_some();
                let target = if built { key.clone() } else { PageKey::new("") };
                LanguageLink {
                    code: language.lang.as_str(),
                    name: &language.name,
                    dir: language.direction.as_str(),
                    url: config.page_url(&language.lang, &target),
                    current: &language.lang == self.lang,
                    translated: self.site.page(&language.lang, key).is_some(),
                }
            })
            .collect()
    }

    fn alternates(&self, key: &PageKey) -> Vec<Alternate> {
        alternates(self.config, self.site, key)
    }
}

/// schema.org `Article` of a guidance page. Inside `<script>`, `</` would
/// end the element: no markup characters at all.
fn page_json_ld(front: &crate::parse::front_matter::FrontMatter, url: &str, lang: &str, site: &str) -> String {
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": front.title,
        "url": url,
        "inLanguage": lang,
        "isPartOf": { "@type": "WebSite", "name": site },
    });
    if let Some(summary) = &front.summary {
        value["description"] = summary.as_str().into();
    }
    if let Some(updated) = &front.updated {
        value["dateModified"] = updated.to_string().into();
    }
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// Translations of a page for `hreflang`, plus `x-default`.
pub fn alternates(config: &Config, site: &Site, key: &PageKey) -> Vec<Alternate> {
    let mut alternates: Vec<Alternate> = config
        .langs()
        .filter(|lang| site.page(lang, key).is_some())
        .map(|lang| Alternate { hreflang: lang.to_string(), href: config.absolute(&config.page_url(lang, key)) })
        .collect();
    if site.page(&config.default_lang, key).is_some() {
        alternates.push(Alternate {
            hreflang: "x-default".to_string(),
            href: config.absolute(&config.page_url(&config.default_lang, key)),
        });
    }
    alternates
}
