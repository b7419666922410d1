//! `signpost.yaml` as the author wrote it: the shape serde reads, every
//! unknown key refused. [`super::resolve`] turns it into a [`super::Config`].

use serde::Deserialize;

use super::{Downloads, Paper, RawHtml};
use crate::model::Direction;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    pub base_url: String,
    pub default_language: String,
    pub languages: Vec<RawLanguage>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub page_size: Option<usize>,
    /// Content files (relative to a language folder) in navigation order.
    #[serde(default)]
    pub navigation: Vec<String>,
    /// Publish a translation status page per language
    /// (`/<lang>/translation-status/`), for translators and coordinators.
    #[serde(default)]
    pub translation_status: bool,
    /// `https://github.com/org/site/edit/main/{path}`: an "Edit this page"
    /// link on every page, `{path}` being the file from the site root.
    #[serde(default)]
    pub edit_url: Option<String>,
    #[serde(default)]
    pub markdown: RawMarkdown,
    /// What the site offers for reading off the network.
    #[serde(default)]
    pub downloads: Downloads,
    /// How the PDF of the toolkit is typeset.
    #[serde(default)]
    pub pdf: RawPdf,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMarkdown {
    #[serde(default)]
    pub raw_html: RawHtml,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPdf {
    #[serde(default)]
    pub paper: Option<Paper>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub direction: Option<Direction>,
    /// The site title in this language, if it differs.
    #[serde(default)]
    pub title: Option<String>,
    /// The site description in this language.
    #[serde(default)]
    pub description: Option<String>,
}
