//! The resource library's plain data: the vocabulary, the resources and
//! their translated text, as validate hands them on.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Lang, PageKey};

/// The resource library: a controlled vocabulary and the resources
/// described with it. Facts are written once (in the default language);
/// translatable text lives in one file per language.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub vocabulary: Vocabulary,
    /// Newest year first, then by title.
    pub resources: Vec<Resource>,
    /// Per language, per resource id.
    pub translations: BTreeMap<Lang, BTreeMap<String, ResourceText>>,
}

#[derive(Debug, Default)]
pub struct Vocabulary {
    pub categories: Vec<Term>,
    pub audiences: Vec<Term>,
    /// Languages a document may be written in.
    pub languages: Vec<DocLanguage>,
    pub topics: Vec<Term>,
    pub components: Vec<Component>,
}

/// A declared value with its label in each interface language.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub labels: BTreeMap<Lang, String>,
    /// Other words for it per language (`M&E`, `stigma reduction`): search
    /// finds the resources that carry the term by them.
    pub synonyms: BTreeMap<Lang, Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct DocLanguage {
    pub term: Term,
    /// The filter value it counts as: itself (`en`) or `other`.
    pub facet: String,
}

/// A toolkit component: a guidance page resources can belong to.
#[derive(Debug, Clone)]
pub struct Component {
    pub id: String,
    pub page: PageKey,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub id: String,
    /// When it entered the catalogue.
    pub added: crate::date::Date,
    pub title: String,
    pub organisation: String,
    pub year: i32,
    pub categories: Vec<String>,
    pub topics: Vec<String>,
    pub audiences: Vec<String>,
    pub components: Vec<String>,
    pub summary: String,
    pub links: Vec<ResourceLink>,
    /// Other titles in the default language (short names such as `PFA`,
    /// former titles), found by search but not shown.
    pub alternative_titles: Vec<String>,
    /// Where it is written, for diagnostics: file and YAML path (`[3]`).
    pub file: PathBuf,
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct ResourceLink {
    pub url: String,
    /// A declared document language.
    pub language: String,
    pub label: Option<String>,
}

/// The translatable text of a resource in one language.
#[derive(Debug, Clone, Default)]
pub struct ResourceText {
    /// Only where an official translation of the title exists.
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Labels of the links that have one, in order.
    pub link_labels: Vec<String>,
    /// The titles people use for it in this language (a document without a
    /// translated title is often known by a translated name).
    pub alternative_titles: Vec<String>,
    /// Hash of the default-language text this was translated from.
    pub source_hash: Option<String>,
}

impl Term {
    /// The label in `lang`, else in `default`, else the id.
    pub fn label<'a>(&'a self, lang: &Lang, default: &Lang) -> &'a str {
        self.labels.get(lang).or_else(|| self.labels.get(default)).map_or(&self.id, String::as_str)
    }
}

impl Vocabulary {
    pub fn category(&self, id: &str) -> Option<&Term> {
        self.categories.iter().find(|t| t.id == id)
    }
    pub fn audience(&self, id: &str) -> Option<&Term> {
        self.audiences.iter().find(|t| t.id == id)
    }
    pub fn topic(&self, id: &str) -> Option<&Term> {
        self.topics.iter().find(|t| t.id == id)
    }
    pub fn language(&self, id: &str) -> Option<&DocLanguage> {
        self.languages.iter().find(|l| l.term.id == id)
    }
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }
    /// The document-language filter values: the languages that count as
    /// themselves (English, French, ..., Other), in declared order.
    pub fn language_facets(&self) -> impl Iterator<Item = &DocLanguage> {
        self.languages.iter().filter(|l| l.facet == l.term.id)
    }
}

impl Resource {
    /// The document-language filter values of this resource.
    pub fn language_facets(&self, vocabulary: &Vocabulary) -> Vec<String> {
        let mut facets: Vec<String> =
            self.links.iter().filter_map(|l| vocabulary.language(&l.language)).map(|l| l.facet.clone()).collect();
        facets.sort();
        facets.dedup();
        facets
    }
}
