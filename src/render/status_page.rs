//! The translation status page, `/<lang>/translation-status/`, published
//! when `signpost.yaml` says `translation_status: true`: per language, the
//! share translated and the list of what is missing or outdated (the same
//! report as `signpost i18n status`).

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use super::Output;
use super::context::{Chrome, ContextBuilder};
use super::{Templates, children, render};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::model::{Catalogue, Lang, Site};
use crate::translation::status::{Kind, Report, State, Tally};

/// Where the page is in each language.
use crate::config::STATUS_DIR as DIR;

#[derive(Serialize)]
struct StatusPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    report: &'a [LanguageView],
}

#[derive(Serialize)]
struct LanguageView {
    lang: String,
    name: String,
    dir: &'static str,
    percent: usize,
    rows: Vec<Row>,
    items: Vec<ItemView>,
}

/// One line of the table: pages, resources or strings.
#[derive(Serialize)]
struct Row {
    kind: &'static str,
    tally: Tally,
}

#[derive(Serialize)]
struct ItemView {
    kind: &'static str,
    state: &'static str,
    path: String,
    id: String,
    reason: String,
}

pub fn url(base_path: &str, lang: &Lang) -> String {
    format!("{base_path}{lang}/{DIR}/")
}

fn kind_id(kind: Kind) -> &'static str {
    match kind {
        Kind::Page => "page",
        Kind::Resource => "resource",
        Kind::String => "string",
    }
}

/// The page in every interface language.
pub fn write_all(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    templates: &Templates,
    strings: &Arc<Strings>,
    report: &Report,
    staging: &dyn Output,
) -> Vec<Diagnostic> {
    let languages: Vec<LanguageView> = report
        .languages
        .iter()
        .map(|l| LanguageView {
            lang: l.lang.clone(),
            name: l.name.clone(),
            dir: Lang::new(l.lang.clone()).default_direction().as_str(),
            percent: l.percent,
            rows: vec![
                Row { kind: "page", tally: l.pages },
                Row { kind: "resource", tally: l.resources },
                Row { kind: "string", tally: l.strings },
            ],
            items: l
                .items
                .iter()
                .map(|i| ItemView {
                    kind: kind_id(i.kind),
                    state: if i.state == State::Missing { "missing" } else { "outdated" },
                    path: i.line.map_or(i.path.clone(), |n| format!("{}:{n}", i.path)),
                    id: i.id.clone(),
                    reason: i.reason.clone(),
                })
                .collect(),
        })
        .collect();
    let mut diags = Vec::new();
    let pdfs = super::PdfLinks::new();
    for lang in config.langs() {
        let tera = templates.for_lang(strings, lang);
        let children = children(config, site, lang);
        let builder = ContextBuilder { config, site, lang, children: &children, catalogue, pdfs: &pdfs };
        let title = strings.format(lang, "translation-status", None).unwrap_or_default();
        let chrome = builder.page_chrome(title, None, |l| url(&config.base_path, l));
        let context = StatusPage { chrome, report: &languages };
        let result = render(&tera, templates, "translation-status.html", &context).and_then(|html| {
            staging.write(&PathBuf::from(lang.as_str()).join(DIR).join("index.html"), html.as_bytes())
        });
        diags.extend(result.err());
    }
    diags
}
