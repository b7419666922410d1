//! The toolkit as a PDF per language, `OUT/<lang>/<slug>.pdf`, typeset in
//! process by typst used as a library: typst shapes Arabic and lays out
//! mixed-direction text, writes tagged text (selectable, searchable, in
//! logical order), bookmarks, links and subsets the fonts. Nothing runs
//! outside the build: no browser, no external program.
//!
//! - [`book`](book::book): the site → a [`Book`] per language (the
//!   `navigation` pages in order, as plain values);
//! - `markup`: the book → typst markup, from the Markdown's
//!   pulldown-cmark events;
//! - `world`: the typst `World` holding that markup and the theme's fonts
//!   (`themes/<theme>/fonts/`);
//! - [`typeset`]: compile and export, with a fixed document id and no date,
//!   so that the same site gives the same bytes.
//!
//! Runs when `downloads.pdf` is true; its problems are diagnostics.

pub mod book;
mod escape;
mod markup;
mod world;

use std::path::PathBuf;

use rayon::prelude::*;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::{Lang, Site};
use crate::render::{PdfLink, PdfLinks};
use crate::write::Staging;
pub use book::{Book, Chapter};
pub use world::Fonts;

/// `<lang>/<slug>.pdf`, the slug from the site title as the offline
/// copies' (ASCII, so that it survives every file system).
pub fn path(config: &Config, lang: &Lang) -> PathBuf {
    PathBuf::from(lang.as_str()).join(format!("{}.pdf", config.slug()))
}

/// Typesets and writes every language's PDF (when `downloads.pdf` is on).
pub fn site(config: &Config, site: &Site, strings: &Strings, staging: &Staging) -> (PdfLinks, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut downloads = PdfLinks::new();
    if !config.downloads.pdf {
        return (downloads, diags);
    }
    let fonts = match Fonts::load(config) {
        Ok(fonts) => fonts,
        Err(d) => {
            diags.push(d);
            return (downloads, diags);
        }
    };
    let langs: Vec<&Lang> = config.langs().collect();
    type Written = Result<(PdfLink, Vec<Diagnostic>), Vec<Diagnostic>>;
    let results: Vec<(Lang, Written)> = langs
        .par_iter()
        .filter_map(|lang| {
            let book = book::book(config, site, strings, lang)?;
            let result = typeset(&book, &fonts).and_then(|(bytes, warnings)| {
                let rel = path(config, lang);
                staging.write(&rel, &bytes).map_err(|d| vec![d])?;
                let url = format!("{}{}", config.base_path, rel.to_string_lossy().replace('\\', "/"));
                Ok((PdfLink { url, bytes: bytes.len(), size: size(bytes.len()) }, warnings))
            });
            Some(((*lang).clone(), result))
        })
        .collect();
    for (lang, result) in results {
        match result {
            Ok((download, warnings)) => {
                downloads.insert(lang, download);
                diags.extend(warnings);
            }
            Err(found) => diags.extend(found),
        }
    }
    // typst memoises across compilations; a build does not come back to
    // these documents, so the cache would only grow in `serve`.
    typst::comemo::evict(0);
    (downloads, diags)
}

/// The PDF of a book, and typst's warnings about it.
pub fn typeset(book: &Book, fonts: &Fonts) -> Result<(Vec<u8>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let markup = markup::book(book);
    let world = world::BookWorld::new(&format!("book-{}", book.lang), markup.text, fonts);
    let place = |d: &SourceDiagnostic| diagnostic(book, &markup.chapters, &world, d);
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|errors| errors.iter().map(place).collect::<Vec<_>>())?;
    let options = PdfOptions {
        // A stable document id: a hash of this, instead of the time.
        ident: Smart::Custom(format!("signpost:{}:{}", book.lang, book.title)),
        // No creation date: the same site gives the same bytes.
        timestamp: None,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| errors.iter().map(place).collect::<Vec<_>>())?;
    Ok((bytes, warnings.iter().map(place).collect()))
}

/// A typst message at the page whose markup it concerns (typst sees only
/// the generated markup), or at the book's language folder.
fn diagnostic(book: &Book, chapters: &[std::ops::Range<usize>], world: &dyn World, d: &SourceDiagnostic) -> Diagnostic {
    let at = world.range(d.span).map(|r| r.start);
    let chapter = at.and_then(|at| chapters.iter().position(|range| range.contains(&at)));
    let path =
        chapter.map_or_else(|| PathBuf::from("content").join(book.lang.as_str()), |c| book.chapters[c].source.clone());
    let mut message = format!("in the PDF ({}): {}", book.lang, d.message);
    for hint in &d.hints {
        message.push_str(&format!(" (hint: {})", hint.v));
    }
    match d.severity {
        Severity::Error => Diagnostic::error(path, (1, 1), message),
        Severity::Warning => Diagnostic::warning(path, (1, 1), message),
    }
}

/// A file size for people: `850 KB`, `1.2 MB`.
fn size(bytes: usize) -> String {
    const KB: usize = 1024;
    if bytes < 1000 * KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{:.1} MB", bytes as f64 / (KB * KB) as f64)
    }
}
