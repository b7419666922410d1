//! Stage 2, parse: front matter with serde_yaml, Markdown with
//! pulldown-cmark. Each file is parsed on its own, in parallel; what depends
//! on other files (links, anchors) is recorded here and checked in
//! [`crate::validate`].
//!
//! Takes the page sources from [`crate::load`]; hands on [`Parsed`]: a
//! [`Page`] per file (front matter, sections as HTML and plain text, links
//! and anchors), and the catalogue ([`catalogue::Parsed`]).

pub mod catalogue;
pub mod front_matter;
mod html_text;
pub mod links;
pub mod markdown;
pub mod source;
pub mod text;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostics, LineIndex};
use crate::load::SourceFile;
use std::collections::BTreeSet;

use crate::model::{Lang, Page, PageFacts, PageKey};

/// The parsed pages, and the pages that could not be parsed: links to those
/// are not reported again, their own error says what is wrong.
#[derive(Debug, Default)]
pub struct Parsed {
    pub pages: Vec<Page>,
    pub failed: BTreeSet<(Lang, PageKey)>,
    /// Of every page parsed, drafts included, when asked for (the
    /// translation status).
    pub facts: Vec<PageFacts>,
}

/// Parses every source file in parallel. A file with errors is left out and
/// its errors are returned with everyone else's; drafts are left out too.
/// With `facts`, also what the translation status needs of each page.
pub fn pages(config: &Config, sources: Vec<SourceFile>, facts: bool) -> (Parsed, Diagnostics) {
    let results: Vec<_> = sources
        .into_par_iter()
        .map(|source| (source.lang.clone(), source.key.clone(), page(config, source, facts)))
        .collect();
    let mut parsed = Parsed::default();
    let mut diags = Diagnostics::new();
    for (lang, key, (page, page_facts, page_diags)) in results {
        diags.extend(page_diags);
        parsed.facts.extend(page_facts);
        match page {
            Some(page) if !page.front.draft => parsed.pages.push(page),
            Some(_) => {}
            None => {
                parsed.failed.insert((lang, key));
            }
        }
    }
    (parsed, diags)
}

fn page(config: &Config, source: SourceFile, want_facts: bool) -> (Option<Page>, Option<PageFacts>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let lines = LineIndex::new(&source.text);
    let split = match front_matter::split(&source.text, &source.path) {
        Ok(split) => split,
        Err(d) => {
            diags.push(d);
            return (None, None, diags);
        }
    };
    let front = front_matter::parse(&split, &source.path, &mut diags);
    let facts = front.as_ref().filter(|_| want_facts).map(|front| PageFacts {
        lang: source.lang.clone(),
        rel: source.path.iter().skip(2).map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("/"),
        hash: source::page(front, split.body),
        recorded: front.source_hash.clone(),
        draft: front.draft,
        body: split.body.to_string(),
        header_segments: 1 + usize::from(front.summary.is_some()) + usize::from(front.label.is_some()),
    });
    let doc = markdown::parse(config, &source, &split, &lines, &mut diags);
    // Kept only for the pages the PDF typesets from their Markdown.
    let in_pdf = config.downloads.pdf && config.navigation.iter().any(|entry| entry.key == source.key);
    let body = if in_pdf { split.body.to_string() } else { String::new() };
    let page = front.map(|front| Page {
        source: source.path,
        lang: source.lang,
        key: source.key,
        is_section: source.is_section,
        front,
        doc,
        markdown: body,
    });
    (page, facts, diags)
}
