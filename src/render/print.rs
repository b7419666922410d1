//! The whole toolkit of one language on one page, `/<lang>/print/`, for the
//! browser's Print → PDF: every page of `navigation` in reading order, one
//! table of contents, links between those pages turned into anchors inside
//! the document, each chapter's footnotes and its resources as a compact
//! table.
//!
//! Chapter `n`'s ids are prefixed `c<n>-`, so that two pages' `#how` or
//! `#fn-1` stay distinct on the one page.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;
use tera::Tera;

use super::context::{Chrome, ContextBuilder};
use super::library::{Card, Library};
use super::{Output, Templates, render};
use crate::assemble::links::resolve_each;
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::escape::url_fragment;
use crate::i18n::Strings;
use crate::model::{Footnote, Lang, Page, PageKey, Section, Site};

/// One page of the book, as a reader of the book's language sees it.
pub struct Chapter<'a> {
    pub key: &'a PageKey,
    pub page: &'a Page,
    /// Shown in the default language: not translated yet.
    pub fallback: bool,
}

/// The book of `lang`: the pages of `navigation`, in reading order, each
/// in `lang` or else in the default language.
pub fn book<'a>(config: &Config, site: &'a Site, lang: &Lang) -> Vec<Chapter<'a>> {
    config
        .navigation
        .iter()
        .filter_map(|entry| site.page_for(lang, &config.default_lang, &entry.key))
        .map(|(page, fallback)| Chapter { key: &page.key, page, fallback })
        .collect()
}

pub fn url(base_path: &str, lang: &Lang) -> String {
    format!("{base_path}{lang}/print/")
}

#[derive(Serialize)]
struct PrintPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    chapters: Vec<ChapterView<'a>>,
}

#[derive(Serialize)]
struct ChapterView<'a> {
    /// The chapter's anchor, `c1`; its inner ids start with `c1-`.
    id: String,
    title: &'a str,
    label: Option<&'a str>,
    summary: Option<&'a str>,
    fallback: bool,
    content_lang: &'a str,
    content_dir: &'static str,
    content_language_name: &'a str,
    intro: String,
    sections: Vec<Section>,
    footnotes: Vec<Footnote>,
    resources: Vec<&'a Card>,
}

/// Writes `<lang>/print/index.html`.
pub fn write(
    builder: &ContextBuilder,
    library: Option<&Library>,
    strings: &Strings,
    tera: &Tera,
    templates: &Templates,
    staging: &dyn Output,
) -> Result<(), Diagnostic> {
    let config = builder.config;
    let lang = builder.lang;
    let book = book(config, builder.site, lang);
    let chapter_of: HashMap<&PageKey, usize> = book.iter().enumerate().map(|(i, c)| (c.key, i + 1)).collect();
    let chapters =
        book.iter().enumerate().map(|(i, c)| chapter(config, lang, library, &chapter_of, i + 1, c)).collect();
    let title = strings.format(lang, "print-title", None).unwrap_or_default();
    let context = PrintPage { chrome: builder.page_chrome(title, None, |l| url(&config.base_path, l)), chapters };
    let html = render(tera, templates, "print.html", &context)?;
    staging.write(&PathBuf::from(lang.as_str()).join("print/index.html"), html.as_bytes())
}

fn chapter<'a>(
    config: &'a Config,
    lang: &Lang,
    library: Option<&'a Library>,
    chapter_of: &HashMap<&PageKey, usize>,
    n: usize,
    chapter: &Chapter<'a>,
) -> ChapterView<'a> {
    let page = chapter.page;
    let prefix = format!("c{n}-");
    // Ids first, while links to other pages are still placeholders; then
    // each placeholder becomes an anchor in this document, or the page's
    // URL when it is not in the book.
    let html = |html: &str| {
        let html = html.replace(" id=\"", &format!(" id=\"{prefix}")).replace("href=\"#", &format!("href=\"#{prefix}"));
        resolve_each(&html, &page.doc.links, |link| {
            let anchor = link.anchor.as_deref().map(url_fragment);
            match link.target.as_ref() {
                None => format!("#{prefix}{}", anchor.unwrap_or_default()),
                Some(target) => match (chapter_of.get(target), anchor) {
                    (Some(m), Some(anchor)) => format!("#c{m}-{anchor}"),
                    (Some(m), None) => format!("#c{m}"),
                    (None, anchor) => {
                        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                        format!("{}{anchor}", config.page_url(lang, target))
                    }
                },
            }
        })
    };
    let doc = &page.doc;
    let content_language = config.language(&page.lang);
    ChapterView {
        id: format!("c{n}"),
        title: &page.front.title,
        label: page.front.label.as_deref(),
        summary: page.front.summary.as_deref(),
        fallback: chapter.fallback,
        content_lang: page.lang.as_str(),
        content_dir: content_language.map_or("ltr", |l| l.direction.as_str()),
        content_language_name: content_language.map_or("", |l| l.name.as_str()),
        intro: html(&doc.intro),
        sections: doc
            .sections
            .iter()
            .map(|s| Section {
                id: format!("{prefix}{}", s.id),
                title: html(&s.title),
                body: html(&s.body),
                text: Default::default(),
                ..s.clone()
            })
            .collect(),
        footnotes: doc
            .footnotes
            .iter()
            .map(|f| Footnote { id: format!("{prefix}{}", f.id), html: html(&f.html), ..f.clone() })
            .collect(),
        resources: library.map(|library| resources(library, chapter.key)).unwrap_or_default(),
    }
}

/// Every resource of the toolkit component that is this page, in
/// catalogue order.
fn resources<'a>(library: &'a Library, key: &PageKey) -> Vec<&'a Card> {
    let Some(c) = library.catalogue.vocabulary.components.iter().position(|c| &c.page == key) else {
        return Vec::new();
    };
    let cards = library.cards();
    library.index.select(Some(c), None).into_iter().map(|i| &cards[i]).collect()
}
