//! `signpost i18n status`: per language, what is missing and what is
//! outdated, for pages, catalogue entries and interface strings.
//!
//! The JSON form (`--format json`) is documented in README.md ("Translation
//! status"); every item carries `path`, `kind` and `state`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{ftl, inline};
use crate::config::Config;
use crate::model::{Catalogue, Lang, PageFacts};
use crate::parse::source;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Page,
    Resource,
    String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// No translation, or one still marked `draft` since `signpost translate`.
    Missing,
    /// The source changed after the translation was made, or the
    /// translation does not say which version it was made from.
    Outdated,
}

/// Something left to translate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Item {
    /// Where the translation is (or goes), relative to the site root.
    pub path: String,
    pub kind: Kind,
    pub state: State,
    /// The resource id or message id (pages: the path in the language folder).
    pub id: String,
    /// Line of the entry in `path`, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The default-language text it translates.
    pub source: String,
    pub reason: String,
}

/// Totals of one kind in one language.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Tally {
    /// What the default language has.
    pub total: usize,
    /// Translated and up to date.
    pub current: usize,
    pub missing: usize,
    pub outdated: usize,
}

/// Segments (blocks of text, titles, summaries, labels, strings) in the
/// default language, and how many are translated in current translations.
/// A page's segment left unchanged in the source language does not count.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Segments {
    pub total: usize,
    pub translated: usize,
    /// `translated` as a share of `total`, 0 to 100, rounded down.
    pub percent: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub lang: String,
    pub name: String,
    pub pages: Tally,
    pub resources: Tally,
    pub strings: Tally,
    /// Translation units as a translation tool counts them ([`inline::translatable`]).
    pub segments: Segments,
    /// Share of everything that is current, 0 to 100, rounded down.
    pub percent: usize,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub default_language: String,
    pub languages: Vec<LanguageStatus>,
}

impl Report {
    pub fn is_complete(&self) -> bool {
        self.languages.iter().all(|l| l.items.is_empty())
    }
}

/// The default-language side: what there is to translate, and its hashes.
struct Sources<'a> {
    /// Page path in a language folder (`guidance/a.md`) → hash, facts.
    pages: BTreeMap<String, (String, &'a PageFacts)>,
    resources: Vec<(&'a str, String)>,
    strings: Vec<(String, String)>,
}

/// The status of every language but the default one (or of `only`).
pub fn report(config: &Config, pages: &[PageFacts], catalogue: Option<&Catalogue>, only: Option<&Lang>) -> Report {
    let default = &config.default_lang;
    let by_lang = pages_by_lang(pages);
    let empty = BTreeMap::new();
    let sources = Sources {
        pages: by_lang
            .get(default)
            .unwrap_or(&empty)
            .iter()
            .filter(|(_, p)| !p.draft)
            .map(|(path, p)| (path.clone(), (p.hash.clone(), *p)))
            .collect(),
        resources: catalogue
            .map(|c| c.resources.iter().map(|r| (r.id.as_str(), source::resource(r))).collect())
            .unwrap_or_default(),
        strings: read_strings(config, default)
            .map(|text| ftl::messages(&text).iter().map(|m| (m.id.clone(), source::string(m.source(&text)))).collect())
            .unwrap_or_default(),
    };
    let languages = config
        .languages
        .iter()
        .filter(|l| &l.lang != default && only.is_none_or(|o| o == &l.lang))
        .map(|language| {
            let lang = &language.lang;
            let mut items = Vec::new();
            let mut segments = Segments::default();
            let translated = by_lang.get(lang).unwrap_or(&empty);
            let pages = page_items(config, lang, &sources, translated, &mut items, &mut segments);
            let resources = resource_items(config, lang, &sources, catalogue, &mut items, &mut segments);
            let strings = string_items(config, lang, &sources, &mut items);
            segments.total += strings.total;
            segments.translated += strings.current;
            let (labels, labelled) = labels(config, catalogue, language);
            segments.total += labels;
            segments.translated += labelled;
            segments.percent = (segments.translated * 100).checked_div(segments.total).unwrap_or(100);
            items.sort_by(|a, b| (a.kind, a.state, &a.path, &a.id).cmp(&(b.kind, b.state, &b.path, &b.id)));
            let total = pages.total + resources.total + strings.total;
            let current = pages.current + resources.current + strings.current;
            let percent = (current * 100).checked_div(total).unwrap_or(100);
            LanguageStatus {
                lang: lang.to_string(),
                name: language.name.clone(),
                pages,
                resources,
                strings,
                segments,
                percent,
                items,
            }
        })
        .collect();
    Report { default_language: default.to_string(), languages }
}

/// Each language's page facts, by path inside the language folder.
fn pages_by_lang(pages: &[PageFacts]) -> BTreeMap<Lang, BTreeMap<String, &PageFacts>> {
    let mut out: BTreeMap<Lang, BTreeMap<String, &PageFacts>> = BTreeMap::new();
    for facts in pages {
        out.entry(facts.lang.clone()).or_default().insert(facts.rel.clone(), facts);
    }
    out
}

fn page_path(lang: &Lang, rel: &str) -> String {
    format!("content/{lang}/{rel}")
}

/// The site's title and description and the vocabulary's labels, as the
/// translation tools export them: how many, and how many `language` has.
fn labels(config: &Config, catalogue: Option<&Catalogue>, language: &crate::config::Language) -> (usize, usize) {
    let mut total = 1;
    let mut translated = usize::from(language.own_title);
    if config.description.is_some() {
        total += 1;
        translated += usize::from(language.own_description);
    }
    if let Some(vocabulary) = catalogue.map(|c| &c.vocabulary) {
        let terms = vocabulary
            .categories
            .iter()
            .chain(&vocabulary.audiences)
            .chain(vocabulary.languages.iter().map(|l| &l.term))
            .chain(&vocabulary.topics)
            .filter(|t| t.labels.contains_key(&config.default_lang));
        for term in terms {
            total += 1;
            translated += usize::from(term.labels.contains_key(&language.lang));
        }
    }
    (total, translated)
}

fn page_items(
    config: &Config,
    lang: &Lang,
    sources: &Sources,
    translated: &BTreeMap<String, &PageFacts>,
    items: &mut Vec<Item>,
    segments: &mut Segments,
) -> Tally {
    let mut tally = Tally { total: sources.pages.len(), ..Tally::default() };
    for (rel, (hash, facts)) in &sources.pages {
        segments.total += facts.header_segments + inline::translatable(&facts.body).len();
        let source = page_path(&config.default_lang, rel);
        let item = |state, reason: &str| Item {
            path: page_path(lang, rel),
            kind: Kind::Page,
            state,
            id: rel.clone(),
            line: None,
            source: source.clone(),
            reason: reason.to_string(),
        };
        match translated.get(rel) {
            None => items.push(item(State::Missing, "not translated")),
            Some(page) if page.draft => items.push(item(State::Missing, "translation started (draft)")),
            Some(page) => match check(page.recorded.as_deref(), hash) {
                Ok(()) => {
                    tally.current += 1;
                    segments.translated += facts.header_segments + inline::translated(&facts.body, &page.body);
                }
                Err(reason) => items.push(Item { line: Some(1), ..item(State::Outdated, reason) }),
            },
        }
    }
    count(&mut tally, items, Kind::Page);
    tally
}

fn resource_items(
    config: &Config,
    lang: &Lang,
    sources: &Sources,
    catalogue: Option<&Catalogue>,
    items: &mut Vec<Item>,
    segments: &mut Segments,
) -> Tally {
    let mut tally = Tally { total: sources.resources.len(), ..Tally::default() };
    let file = format!("content/catalogue/translations/{lang}.yaml");
    let translations = catalogue.and_then(|c| c.translations.get(lang));
    let lines = std::fs::read_to_string(config.root.join(&file)).map(|text| entry_lines(&text)).unwrap_or_default();
    for (id, hash) in &sources.resources {
        // The summary and each link label; a title is translated only where
        // an official translation exists.
        let parts = catalogue
            .and_then(|c| c.resources.iter().find(|r| r.id == *id))
            .map_or(1, |r| 1 + r.links.iter().filter(|l| l.label.is_some()).count());
        segments.total += parts;
        let item = |state, reason: &str| Item {
            path: file.clone(),
            kind: Kind::Resource,
            state,
            id: id.to_string(),
            line: lines.get(*id).copied(),
            source: "content/catalogue".to_string(),
            reason: reason.to_string(),
        };
        match translations.and_then(|t| t.get(*id)) {
            Some(text) if text.summary.is_some() => match check(text.source_hash.as_deref(), hash) {
                Ok(()) => {
                    tally.current += 1;
                    segments.translated += parts;
                }
                Err(reason) => items.push(item(State::Outdated, reason)),
            },
            Some(_) => items.push(item(State::Missing, "no translated summary")),
            None => items.push(item(State::Missing, "not translated")),
        }
    }
    count(&mut tally, items, Kind::Resource);
    tally
}

/// Line of each top-level key of a YAML mapping (`id:` in the first column).
pub fn entry_lines(text: &str) -> BTreeMap<String, usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with([' ', '\t', '#', '-']) && l.contains(':'))
        .filter_map(|(n, l)| Some((l.split(':').next()?.trim().trim_matches(['"', '\'']).to_string(), n + 1)))
        .collect()
}

fn string_items(config: &Config, lang: &Lang, sources: &Sources, items: &mut Vec<Item>) -> Tally {
    let mut tally = Tally { total: sources.strings.len(), ..Tally::default() };
    let file = crate::i18n::file_of(lang).to_string_lossy().replace('\\', "/");
    let text = read_strings(config, lang).unwrap_or_default();
    let present = ftl::by_id(&text);
    let recorded = read_string_sources(config, lang);
    for (id, hash) in &sources.strings {
        let item = |state, reason: &str, line| Item {
            path: file.clone(),
            kind: Kind::String,
            state,
            id: id.clone(),
            line,
            source: crate::i18n::file_of(&config.default_lang).to_string_lossy().replace('\\', "/"),
            reason: reason.to_string(),
        };
        match present.get(id) {
            None => items.push(item(State::Missing, "not translated", None)),
            Some(message) => match check(recorded.get(id).map(String::as_str), hash) {
                Ok(()) => tally.current += 1,
                Err(reason) => items.push(item(State::Outdated, reason, Some(message.line))),
            },
        }
    }
    count(&mut tally, items, Kind::String);
    tally
}

fn check(recorded: Option<&str>, current: &str) -> Result<(), &'static str> {
    match recorded {
        Some(h) if h == current => Ok(()),
        Some(_) => Err("the source changed since this translation was made"),
        None => Err("no source_hash: not known which version of the source it translates"),
    }
}

fn count(tally: &mut Tally, items: &[Item], kind: Kind) {
    tally.missing = items.iter().filter(|i| i.kind == kind && i.state == State::Missing).count();
    tally.outdated = items.iter().filter(|i| i.kind == kind && i.state == State::Outdated).count();
}

fn read_strings(config: &Config, lang: &Lang) -> Option<String> {
    let bytes = std::fs::read(config.root.join(crate::i18n::file_of(lang))).ok()?;
    crate::diag::decode(&crate::i18n::file_of(lang), bytes).ok()
}

/// `i18n/<lang>.sources.yaml`: message id → hash of the default-language
/// text it was translated from.
pub fn string_sources_file(lang: &Lang) -> PathBuf {
    Path::new("i18n").join(format!("{lang}.sources.yaml"))
}

pub fn read_string_sources(config: &Config, lang: &Lang) -> BTreeMap<String, String> {
    std::fs::read_to_string(config.root.join(string_sources_file(lang)))
        .ok()
        .and_then(|text| serde_yaml::from_str(&text).ok())
        .unwrap_or_default()
}

/// The report as a terminal reads it.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for l in &report.languages {
        let tally = |t: &Tally| format!("{}/{}", t.current, t.total);
        let _ = writeln!(
            out,
            "{} ({}): {}% translated; pages {}, resources {}, strings {} up to date; {} of {} segments, {} %",
            l.lang,
            l.name,
            l.percent,
            tally(&l.pages),
            tally(&l.resources),
            tally(&l.strings),
            l.segments.translated,
            l.segments.total,
            l.segments.percent
        );
        for item in &l.items {
            let place = item.line.map_or(item.path.clone(), |n| format!("{}:{n}", item.path));
            let state = match item.state {
                State::Missing => "missing",
                State::Outdated => "outdated",
            };
            let kind = match item.kind {
                Kind::Page => "page",
                Kind::Resource => "resource",
                Kind::String => "string",
            };
            let id = if item.kind == Kind::Page { String::new() } else { format!(" {}", item.id) };
            let _ = writeln!(out, "  {state:<8} {kind:<8} {place}{id}: {}", item.reason);
        }
    }
    if report.is_complete() {
        out.push_str("everything is translated and up to date\n");
    }
    out
}
