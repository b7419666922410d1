//! The book: what the PDF of one language holds, as plain values. The pages
//! of `navigation` in reading order, each with its title, label, summary
//! and Markdown body; an untranslated page is the default language's text,
//! marked as such. Built from the validated site by [`book`], then
//! typeset by [`super::typeset`] without looking at the site again.

use std::path::PathBuf;

use fluent_bundle::FluentArgs;

use crate::config::{Config, Paper};
use crate::i18n::Strings;
use crate::model::{Direction, Lang, PageKey, Site};

#[derive(Debug, Clone)]
pub struct Book {
    pub lang: Lang,
    pub direction: Direction,
    /// The language's name in itself, for the cover.
    pub language_name: String,
    /// The site title in this language.
    pub title: String,
    /// The language's home page on the site, absolute, ending with `/`:
    /// links to pages outside the book lead there.
    pub home_url: String,
    /// The site's `base_url` (absolute, ends with `/`): files beside a
    /// page are linked there.
    pub base_url: String,
    /// Scheme and host of the site (`https://example.org`), for links
    /// written from the site root (`/about/`).
    pub origin: String,
    pub paper: Paper,
    /// "Contents", in this language.
    pub contents: String,
    pub chapters: Vec<Chapter>,
}

/// One page of the navigation.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub key: PageKey,
    /// The Markdown file, relative to the site root (for messages, and to
    /// resolve the page's relative links).
    pub source: PathBuf,
    /// The language of the text: the default language in a fallback.
    pub lang: Lang,
    pub direction: Direction,
    /// The notice shown above an untranslated page, in the book's language.
    pub fallback_notice: Option<String>,
    pub title: String,
    pub label: Option<String>,
    pub summary: Option<String>,
    pub markdown: String,
}

impl Book {
    /// The page's address on the site, in the book's language.
    pub fn page_url(&self, key: &PageKey) -> String {
        if key.is_home() { self.home_url.clone() } else { format!("{}{}/", self.home_url, key.as_str()) }
    }

    /// Where the chapter of `key` is, if the book holds it.
    pub fn chapter(&self, key: &PageKey) -> Option<usize> {
        self.chapters.iter().position(|c| &c.key == key)
    }
}

/// The book of `lang`: the navigation's pages that exist in that
/// language's site, in order.
pub fn book(config: &Config, site: &Site, strings: &Strings, lang: &Lang) -> Option<Book> {
    let language = config.language(lang)?;
    let chapters = config
        .navigation
        .iter()
        .filter_map(|entry| {
            let (page, fallback) = site.page_for(lang, &config.default_lang, &entry.key)?;
            let content_language = config.language(&page.lang)?;
            let fallback_notice = fallback.then(|| {
                let mut args = FluentArgs::new();
                args.set("language", content_language.name.clone());
                strings.format(lang, "fallback-notice", Some(&args)).unwrap_or_default()
            });
            Some(Chapter {
                key: entry.key.clone(),
                source: page.source.clone(),
                lang: page.lang.clone(),
                direction: content_language.direction,
                fallback_notice,
                title: page.front.title.clone(),
                label: page.front.label.clone(),
                summary: page.front.summary.clone(),
                markdown: page.markdown.clone(),
            })
        })
        .collect();
    let home_url = config.absolute(&config.page_url(lang, &PageKey::new("")));
    let origin = config.base_url.strip_suffix(&config.base_path[1..]).unwrap_or(&config.base_url);
    Some(Book {
        lang: lang.clone(),
        direction: language.direction,
        language_name: language.name.clone(),
        title: language.title.clone(),
        home_url,
        base_url: config.base_url.clone(),
        origin: origin.trim_end_matches('/').to_string(),
        paper: config.paper,
        contents: strings.format(lang, "contents", None).unwrap_or_else(|| "Contents".to_string()),
        chapters,
    })
}
