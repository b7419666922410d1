//! Stage 2, parse: front matter with serde_yaml, Markdown with
//! pulldown-cmark. Each file is parsed on its own, in parallel; what depends
//! on other files (links, anchors) is recorded here and checked in
//! [`crate::validate`].

pub mod front_matter;
pub mod markdown;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostics, LineIndex};
use crate::load::SourceFile;
use crate::model::Page;

pub use markdown::Document;

/// Parses every source file in parallel. A file with errors is left out and
/// its errors are returned with everyone else's; drafts are left out too.
pub fn pages(config: &Config, sources: Vec<SourceFile>) -> (Vec<Page>, Diagnostics) {
    let results: Vec<(Option<Page>, Diagnostics)> = sources
        .into_par_iter()
        .map(|source| page(config, source))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut diags = Diagnostics::new();
    for (page, page_diags) in results {
        diags.extend(page_diags);
        pages.extend(page.filter(|p| !p.front.draft));
    }
    (pages, diags)
}

fn page(config: &Config, source: SourceFile) -> (Option<Page>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let lines = LineIndex::new(&source.text);
    let split = match front_matter::split(&source.text, &source.path) {
        Ok(split) => split,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let front = front_matter::parse(&split, &source.path, &mut diags);
    let doc = markdown::parse(config, &source, &split, &lines, &mut diags);
    let page = front.map(|front| Page {
        source: source.path,
        lang: source.lang,
        key: source.key,
        is_section: source.is_section,
        front,
        doc,
    });
    (page, diags)
}
