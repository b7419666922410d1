//! Signpost builds a multilingual static site from a folder of Markdown
//! pages.
//!
//! # Stages
//!
//! Every command starts from one driver, [`prepare`], which runs the first
//! four stages once and returns every diagnostic with the assembled site;
//! [`build`] goes on with the last three. Each stage hands plain values to
//! the next, and imports only the stages before it (`tests/architecture.rs`
//! checks this):
//!
//! 1. [`load`]: find and read the files under `content/`, `static/` and the
//!    theme ([`config`] and [`i18n`] read `signpost.yaml` and `i18n/`).
//! 2. [`parse`]: front matter and Markdown of each page, in parallel; each
//!    section's HTML and plain text from the same events.
//! 3. [`validate`]: checks across files (URLs, links, anchors, files beside
//!    pages, navigation, the catalogue).
//! 4. [`assemble`]: the values render and index share (cards, facet index,
//!    search documents, links resolved per reader's language).
//! 5. [`render`] and [`index`], side by side (`rayon::join`): every page
//!    through the templates; a tantivy index per language and its export for
//!    the browser. Neither imports the other.
//!    Before render, when `downloads.pdf` is on, [`pdf`] typesets the
//!    toolkit as a PDF per language (the home and print pages link it with
//!    its size); after both, [`offline`] makes the downloads from the staged files.
//! 6. [`write`](mod@write): the staged output replaces the previous site, only
//!    if nothing failed.
//!
//! When only the text of pages changed since the last build, stage 5 starts
//! from the previous output and makes only what those pages reach
//! ([`incremental`]; `staged.rs` runs stage 5 either way).
//!
//! `check` is [`prepare`] plus whole-site checks; `serve`'s live updates
//! re-run the parse and the page checks of validate on what changed; the
//! translation tools start from [`prepare`] too, so every command reports a
//! problem in the same words at the same place.
//!
//! Problems are [`diag::Diagnostic`]s, collected from every stage and
//! reported together; any error stops the build before the output is
//! touched.

pub mod assemble;
pub mod check;
pub mod config;
pub mod date;
pub mod diag;
pub mod escape;
pub mod i18n;
pub mod incremental;
pub mod index;
pub mod live;
pub mod load;
pub mod model;
pub mod offline;
pub mod parse;
pub mod pdf;
pub mod render;
pub mod sanitize;
pub mod scaffold;
pub mod search;
pub mod serve;
mod staged;
pub mod theme;
pub mod timings;
pub mod translation;
pub mod validate;
pub mod write;
pub mod yaml;

use std::path::PathBuf;
use std::sync::Arc;

use diag::{Diagnostic, Diagnostics};

/// What `signpost build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `ROOT/public`.
    pub output: Option<PathBuf>,
    /// Keep the page files' text in [`Prepared::sources`], for the
    /// translation tools, which edit and export them.
    pub keep_sources: bool,
    /// Where the tantivy indexes go; defaults to `ROOT/.signpost/index`
    /// ([`index::index_root`]).
    pub index_dir: Option<PathBuf>,
    /// Time each stage ([`timings`]): [`Built::timings`].
    pub timings: bool,
    /// Start from the previous build where only the text of pages changed,
    /// and record this one for the next ([`incremental`]); `signpost
    /// build` sets it unless given `--no-cache`. Without it a build removes
    /// the record.
    pub cache: bool,
}

/// A finished build.
#[derive(Debug)]
pub struct Built {
    pub output: PathBuf,
    /// Pages written, in all languages.
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    /// Each stage's wall and CPU time, with `--timings`.
    pub timings: Vec<timings::StageTime>,
    /// In an incremental build, the pages rendered again; `None` for a
    /// full build.
    pub rendered_again: Option<usize>,
}

#[derive(Debug)]
pub enum Failure {
    /// The content has errors (exit code 1). Sorted, warnings included.
    Content(Vec<Diagnostic>),
    /// The output could not be written (exit code 2).
    Io(anyhow::Error),
    /// The command was given something it cannot work on (exit code 2).
    Usage(String),
}

impl From<Diagnostics> for Failure {
    fn from(diags: Diagnostics) -> Self {
        Failure::Content(diags.into_sorted())
    }
}

/// What a build holds in memory at its end: `serve` keeps it to re-render
/// a single page when only that page changed.
pub struct Snapshot {
    pub config: config::Config,
    pub site: model::Site,
    pub catalogue: Option<model::Catalogue>,
    pub assembled: assemble::Assembled,
    pub templates: render::Templates,
    pub strings: Arc<i18n::Strings>,
    /// Where the build put the search indexes ([`index::index_root`]).
    pub index_root: PathBuf,
    /// The PDFs it wrote, as pages link them.
    pub pdfs: render::PdfLinks,
}

/// Builds the site: [`prepare`], then render and index, then write.
pub fn build(options: &BuildOptions) -> Result<Built, Failure> {
    build_keeping(options).map(|(built, _)| built)
}

/// Stages 1 to 4 in memory: what `build` renders and `check` inspects.
pub struct Prepared {
    pub config: config::Config,
    pub assets: Vec<load::Asset>,
    pub strings: Arc<i18n::Strings>,
    /// `None` when a template does not parse (reported).
    pub templates: Option<render::Templates>,
    pub site: model::Site,
    pub catalogue: Option<model::Catalogue>,
    pub assembled: assemble::Assembled,
    /// For the translation status page, when the configuration asks for it.
    pub status: Option<translation::status::Report>,
    /// What the translation status needs of each page file, drafts
    /// included, when the status page or the options ask for it.
    pub facts: Vec<model::PageFacts>,
    /// The page files as read, when the options ask for them.
    pub sources: Vec<load::SourceFile>,
    /// The hashes of the inputs, when the options ask for the cache.
    pub inputs: Option<Inputs>,
}

/// What the [`incremental`] record holds of the inputs.
pub struct Inputs {
    pub global: String,
    pub pages: std::collections::BTreeMap<String, String>,
}

/// The one driver: load, parse, validate and assemble, collecting every
/// problem. Every command starts here.
pub fn prepare(options: &BuildOptions) -> Result<(Prepared, Diagnostics), Failure> {
    prepare_timed(options, &timings::Timings::new(false))
}

fn prepare_timed(options: &BuildOptions, timings: &timings::Timings) -> Result<(Prepared, Diagnostics), Failure> {
    let mut diags = Diagnostics::new();
    let (config, sources, strings, templates) = timings.stage("load", || {
        let config = config::load(&options.root, options.output.clone())?;
        let (sources, found) = load::discover(&config);
        diags.extend(found);
        let (strings, found) = i18n::Strings::load(&config);
        diags.extend(found);
        let (templates, found) = render::Templates::load(&config);
        diags.extend(found);
        Ok::<_, Failure>((config, sources, strings, templates))
    })?;

    let inputs = options.cache.then(|| {
        timings.stage("hash inputs", || {
            let (global, pages) = rayon::join(
                || incremental::global_hash(&config, "", &sources),
                || incremental::page_hashes(&sources.pages),
            );
            global.map(|global| Inputs { global, pages })
        })
    });
    let inputs = inputs.flatten();
    let want_facts = config.translation_status || options.keep_sources;
    let kept = if options.keep_sources { sources.pages.clone() } else { Vec::new() };
    // The catalogue is a few large YAML files: parsed beside the pages.
    let ((mut pages, found), (catalogue, found_in_catalogue)) = timings.stage("parse", || {
        rayon::join(|| parse::pages(&config, sources.pages, want_facts), || parse_catalogue(sources.catalogue))
    });
    diags.extend(found);
    diags.extend(found_in_catalogue);
    let facts = std::mem::take(&mut pages.facts);

    let files = sources.assets.iter().map(|a| a.target.to_string_lossy().replace('\\', "/")).collect();
    let (site, catalogue, status) = timings.stage("validate", || {
        let (site, found) = validate::site(&config, pages, files);
        diags.extend(found);
        let catalogue = catalogue.map(|parsed| validate::catalogue::catalogue(&config, &site, parsed, &mut diags));
        let status =
            config.translation_status.then(|| translation::status::report(&config, &facts, catalogue.as_ref(), None));
        (site, catalogue, status)
    });
    let strings = Arc::new(strings);
    let assembled = timings.stage("assemble", || assemble::site(&config, catalogue.as_ref()));
    let prepared = Prepared {
        config,
        assets: sources.assets,
        strings,
        templates,
        site,
        catalogue,
        assembled,
        status,
        facts,
        sources: kept,
        inputs,
    };
    Ok((prepared, diags))
}

fn parse_catalogue(files: Vec<load::CatalogueFile>) -> (Option<parse::catalogue::Parsed>, Diagnostics) {
    let mut diags = Diagnostics::new();
    (parse::catalogue::parse(files, &mut diags), diags)
}

/// [`build`], keeping what it built from.
pub fn build_keeping(options: &BuildOptions) -> Result<(Built, Snapshot), Failure> {
    // Folders left by killed builds go while this one runs; dropping the
    // handle (on any return) waits for the last of them.
    let output = options.output.clone().unwrap_or_else(|| options.root.join("public"));
    let _leftovers = write::Leftovers::remove_in_background(&output);
    let timings = timings::Timings::new(options.timings);
    let (prepared, mut diags) = prepare_timed(options, &timings)?;
    let Prepared { config, assets, strings, templates, site, catalogue, assembled, status, inputs, .. } = prepared;
    let Some(templates) = templates.filter(|_| !diags.has_errors()) else {
        return Err(diags.into());
    };
    let index_root = index::index_root(&options.root, options.index_dir.as_deref());
    let mut record = inputs.map(|inputs| incremental::Record {
        binary: incremental::binary_identity(),
        output: config.output.clone(),
        index_root: index_root.clone(),
        global: inputs.global,
        structure: incremental::structure_hash(&site),
        pages: inputs.pages,
        pdfs: String::new(),
        html_pages: 0,
    });
    let previous = record.as_ref().and_then(|_| incremental::read(&options.root));
    let plan =
        record.as_ref().zip(previous.as_ref()).and_then(|(now, before)| incremental::plan(&config, &site, before, now));

    let site_work = staged::SiteWork {
        config: &config,
        site: &site,
        catalogue: catalogue.as_ref(),
        assembled: &assembled,
        templates: &templates,
        strings: &strings,
        timings: &timings,
    };
    let (mut staging, index_staging) = staged::staging_folders(&config.output, &index_root)?;
    let planned = plan.is_some();
    let seeded = planned
        && timings.stage("keep previous", || {
            staging.seed_from(&config.output).and_then(|()| write::link_tree(&index_root, &index_staging)).is_ok()
        });
    let (staged, pdfs, rendered_again) = match plan.filter(|_| seeded) {
        Some(plan) => {
            let previous_pdfs = previous.as_ref().map(|p| p.pdfs.as_str()).unwrap_or_default();
            site_work.incremental(plan, previous_pdfs, &staging, &index_staging)
        }
        None => {
            // A failed seeding leaves part of a tree: start again from empty folders.
            if planned {
                drop(staging);
                let _ = std::fs::remove_dir_all(&index_staging);
                (staging, _) = staged::staging_folders(&config.output, &index_root)?;
            }
            diags.extend(staging.copy(&assets));
            let (found, pdfs) = site_work.full(&staging, &index_staging);
            (found, pdfs, None)
        }
    };
    diags.extend(staged);
    if let Some(report) = &status {
        diags.extend(render::status_page::write_all(
            &config,
            &site,
            catalogue.as_ref(),
            &templates,
            &strings,
            report,
            &staging,
        ));
    }
    // Made from the staged files, so only once they are all there; their
    // previous versions are not among them.
    if !diags.has_errors() {
        for rel in offline::outputs(&config) {
            if let Err(e) = staging.remove(std::path::Path::new(&rel)) {
                diags.push(Diagnostic::error(std::path::Path::new(&rel), (1, 1), format!("cannot replace: {e}")));
            }
        }
        diags.extend(timings.stage("offline", || offline::write(&config, &site, &staging)));
    }
    if diags.has_errors() {
        let _ = std::fs::remove_dir_all(&index_staging);
        return Err(diags.into());
    }
    let pages = match (rendered_again, &previous) {
        (Some(_), Some(previous)) => previous.html_pages,
        _ => staging.pages(),
    };
    timings.stage("write", || {
        // The output is about to change: the record describes it again only
        // once both folders are in place.
        incremental::forget(&options.root).map_err(|e| {
            Failure::Io(anyhow::anyhow!("cannot remove {}: {e}", incremental::record_path(&options.root).display()))
        })?;
        staging.commit().map_err(|e| {
            Failure::Io(anyhow::anyhow!("cannot move the new site into {}: {e}", config.output.display()))
        })?;
        index::commit_indexes(&index_staging, &index_root).map_err(|e| {
            Failure::Io(anyhow::anyhow!("cannot move the new search index into {}: {e}", index_root.display()))
        })
    })?;
    if let Some(record) = record.as_mut() {
        record.pdfs = incremental::pdfs_key(&pdfs);
        record.html_pages = pages;
        // Without it the next build is a full one: not worth failing this one.
        if let Err(e) = incremental::remember(&options.root, record) {
            diags.push(Diagnostic::warning(
                incremental::record_path(&options.root),
                (1, 1),
                format!("cannot write the build record: {e}"),
            ));
        }
    }

    let timings = timings.into_stages();
    let built = Built { output: config.output.clone(), pages, rendered_again, warnings: diags.into_sorted(), timings };
    Ok((built, Snapshot { config, site, catalogue, assembled, templates, strings, index_root, pdfs }))
}
