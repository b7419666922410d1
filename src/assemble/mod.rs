//! Stage 4, assemble: from the validated site to the values that render and
//! index read, made once and shared, so that neither stage builds what the
//! other needs and neither imports the other.
//!
//! Takes the [`Site`] and the [`Catalogue`] from [`crate::validate`]; hands
//! on an [`Assembled`] value:
//!
//! - the resource library's facet index and, per language, every resource's
//!   card ([`library`]);
//! - per language, the search documents: each page's sections as plain text
//!   and each resource ([`search`]), made when the index asks for them
//!   ([`Assembled::search_documents`]) and dropped once indexed: held for
//!   every language at once they add to a large site's peak memory, and
//!   `serve` would keep them for nothing;
//! - links between pages resolved to URLs in the reader's language
//!   ([`links`]). Rendering calls [`links::document`] page by page, as it
//!   writes them: holding every page's HTML in four languages at once would
//!   double a large site's memory for nothing.

pub mod library;
pub mod links;
pub mod search;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::Config;
use crate::model::{Catalogue, Lang, Site};

/// What render and index read, besides the site itself.
pub struct Assembled {
    /// The facet index of the library, when there is a catalogue.
    pub facets: Option<library::Index>,
    pub langs: BTreeMap<Lang, Language>,
}

/// One language's assembled values.
pub struct Language {
    /// Every resource's card, in catalogue order (empty without a catalogue).
    pub cards: Vec<library::Card>,
}

impl Assembled {
    /// The values of `lang`, a declared language.
    pub fn lang(&self, lang: &Lang) -> &Language {
        &self.langs[lang]
    }

    /// What a reader of `lang` can find, in index order.
    pub fn search_documents(
        &self,
        config: &Config,
        site: &Site,
        catalogue: Option<&Catalogue>,
        lang: &Lang,
    ) -> Vec<search::SearchDoc> {
        search::documents(config, site, catalogue, &self.lang(lang).cards, lang)
    }
}

/// Assembles every language, in parallel.
pub fn site(config: &Config, catalogue: Option<&Catalogue>) -> Assembled {
    let langs: Vec<&Lang> = config.langs().collect();
    let languages: Vec<(Lang, Language)> = langs
        .par_iter()
        .map(|lang| {
            let cards: Vec<library::Card> = match catalogue {
                Some(c) => c.resources.par_iter().map(|r| library::card(config, c, lang, r)).collect(),
                None => Vec::new(),
            };
            ((*lang).clone(), Language { cards })
        })
        .collect();
    Assembled { facets: catalogue.map(library::Index::new), langs: languages.into_iter().collect() }
}
