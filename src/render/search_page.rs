//! The search page of each language, `/<lang>/search/`. Its script and
//! index load only once a reader searches; without JavaScript it says so
//! and points to the library's filter pages.

use std::path::PathBuf;

use serde::Serialize;
use tera::Tera;

use super::Output;
use super::context::{Chrome, ContextBuilder};
use super::{Templates, render};
use crate::config::search_dir;
use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::model::Lang;

#[derive(Serialize)]
struct SearchPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Settings for `search.js`, as JSON.
    script: String,
}

pub fn url(base_path: &str, lang: &Lang) -> String {
    format!("{base_path}{lang}/search/")
}

pub fn write(
    builder: &ContextBuilder,
    strings: &Strings,
    tera: &Tera,
    templates: &Templates,
    staging: &dyn Output,
) -> Result<(), Diagnostic> {
    let config = builder.config;
    let lang = builder.lang;
    let title = strings.format(lang, "search", None).unwrap_or_default();
    let facets: serde_json::Map<String, serde_json::Value> = ["category", "audience", "language", "component"]
        .iter()
        .map(|f| (f.to_string(), strings.format(lang, &format!("filter-{f}"), None).unwrap_or_default().into()))
        .collect();
    let mut corrected = fluent_bundle::FluentArgs::new();
    corrected.set("query", "{query}");
    let script = serde_json::json!({
        "lang": lang.as_str(),
        "data": format!("{}{}/", config.base_path, search_dir(lang).to_string_lossy()),
        "strings": {
            "results": strings.plural_patterns(lang, "search-results", "count", &[]),
            "corrected": strings.format(lang, "search-corrected", Some(&corrected)),
            "old_browser": strings.format(lang, "search-old-browser", None),
            "facets": facets,
        },
    });
    let context = SearchPage {
        chrome: builder.page_chrome(title, None, |l| url(&config.base_path, l)),
        script: script.to_string(),
    };
    let html = render(tera, templates, "search.html", &context)?;
    staging.write(&PathBuf::from(lang.as_str()).join("search/index.html"), html.as_bytes())
}
