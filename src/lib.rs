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
    let (Prepared { config, assets, strings, templates, site, catalogue, assembled, status, .. }, mut diags) =
        prepare_timed(options, &timings)?;
    let Some(templates) = templates.filter(|_| !diags.has_errors()) else {
        return Err(diags.into());
    };

    let staging = write::Staging::create(&config.output).map_err(|e| {
        Failure::Io(anyhow::anyhow!("cannot create the staging folder beside {}: {e}", config.output.display()))
    })?;
    diags.extend(staging.copy(&assets));
    let index_root = index::index_root(&options.root, options.index_dir.as_deref());
    let index_staging = index::staging_dir(&index_root).map_err(|e| {
        Failure::Io(anyhow::anyhow!("cannot create the staging folder beside {}: {e}", index_root.display()))
    })?;
    // Render and index read the same model and write different files: run
    // side by side, so that neither's last, single-threaded steps leave a
    // core idle (one after the other while timing, see `timings`).
    let render = || {
        // The home and print pages link each PDF with its size: typeset first.
        let (pdfs, mut found) = timings.stage("pdf", || pdf::site(&config, &site, &strings, &staging));
        found.extend(timings.stage("render", || {
            render::site(&config, &site, catalogue.as_ref(), &assembled, &templates, &strings, &pdfs, &staging)
        }));
        found
    };
    let index = || {
        timings.stage("index", || {
            index::site(&config, &site, catalogue.as_ref(), &assembled, &index_staging, staging.dir())
        })
    };
    let (rendered, indexed) = if timings.is_on() { (render(), index()) } else { rayon::join(render, index) };
    diags.extend(rendered);
    diags.extend(indexed);
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
    // Made from the staged files, so only once they are all there.
    if !diags.has_errors() {
        diags.extend(timings.stage("offline", || offline::write(&config, &site, &staging)));
    }
    if diags.has_errors() {
        let _ = std::fs::remove_dir_all(&index_staging);
        return Err(diags.into());
    }
    let pages = staging.pages();
    timings.stage("write", || {
        staging.commit().map_err(|e| {
            Failure::Io(anyhow::anyhow!("cannot move the new site into {}: {e}", config.output.display()))
        })?;
        index::commit_indexes(&index_staging, &index_root).map_err(|e| {
            Failure::Io(anyhow::anyhow!("cannot move the new search index into {}: {e}", index_root.display()))
        })
    })?;

    let timings = timings.into_stages();
    let built = Built { output: config.output.clone(), pages, warnings: diags.into_sorted(), timings };
    Ok((built, Snapshot { config, site, catalogue, assembled, templates, strings, index_root }))
}
