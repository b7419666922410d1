//! Signpost builds a multilingual static site from a folder of Markdown
//! pages.
//!
//! # Stages
//!
//! [`build`] runs these in order; each hands plain values to the next:
//!
//! 1. [`load`]: find and read the files under `content/`, `static/` and the
//!    theme ([`config`] and [`i18n`] read `signpost.yaml` and `i18n/`).
//! 2. [`parse`]: front matter and Markdown of each page, in parallel.
//! 3. [`validate`]: checks across files (URLs, links, anchors, navigation).
//! 4. [`render`]: every page in every language through the templates;
//!    before it, when `downloads.pdf` is on, [`pdf`] typesets the toolkit
//!    as a PDF per language (the home page links it with its size).
//! 5. [`index`]: a tantivy index per language, and its export for the
//!    browser. Render and index only read the validated site and write
//!    different files, so they run side by side (`rayon::join`).
//! 6. [`write`](mod@write): the staged output replaces the previous site, only if
//!    nothing failed.
//!
//! Problems are [`diag::Diagnostic`]s, collected from every stage and
//! reported together; any error stops the build before the output is
//! touched.

pub mod check;
pub mod config;
pub mod diag;
pub mod i18n;
pub mod index;
pub mod live;
pub mod load;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod render;
pub mod search;
pub mod serve;
pub mod translation;
pub mod validate;
pub mod write;

use std::path::PathBuf;
use std::sync::Arc;

use diag::{Diagnostic, Diagnostics};

/// What `signpost build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `ROOT/public`.
    pub output: Option<PathBuf>,
}

/// A finished build.
#[derive(Debug)]
pub struct Built {
    pub output: PathBuf,
    /// Pages written, in all languages.
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
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
    pub templates: render::Templates,
    pub strings: Arc<i18n::Strings>,
}

/// Builds the site: load → parse → validate → render → write.
pub fn build(options: &BuildOptions) -> Result<Built, Failure> {
    build_keeping(options).map(|(built, _)| built)
}

/// Stages 1 to 3 in memory: what `build` renders and `check` inspects.
pub struct Prepared {
    pub config: config::Config,
    pub assets: Vec<load::Asset>,
    pub strings: Arc<i18n::Strings>,
    /// `None` when a template does not parse (reported).
    pub templates: Option<render::Templates>,
    pub site: model::Site,
    pub catalogue: Option<model::Catalogue>,
    /// For the translation status page, when the configuration asks for it.
    pub status: Option<translation::status::Report>,
}

/// Load, parse and validate, collecting every problem.
pub fn prepare(options: &BuildOptions) -> Result<(Prepared, Diagnostics), Failure> {
    let config = config::load(&options.root, options.output.clone())?;
    let mut diags = Diagnostics::new();

    let (sources, found) = load::discover(&config);
    diags.extend(found);
    let (strings, found) = i18n::Strings::load(&config);
    diags.extend(found);
    let (templates, found) = render::Templates::load(&config);
    diags.extend(found);

    // The status compares raw texts: kept only when a status page is wanted.
    let status_pages = config.translation_status.then(|| sources.pages.clone());
    // The catalogue is a few large YAML files: parsed beside the pages.
    let ((pages, found), (catalogue, found_in_catalogue)) =
        rayon::join(|| parse::pages(&config, sources.pages), || parse_catalogue(sources.catalogue));
    diags.extend(found);
    diags.extend(found_in_catalogue);

    let (site, found) = validate::site(&config, pages);
    diags.extend(found);
    let catalogue = catalogue.map(|parsed| validate::catalogue::catalogue(&config, &site, parsed, &mut diags));
    let status = status_pages
        .map(|pages| translation::status::report(&config, &pages, catalogue.as_ref(), None, &mut Diagnostics::new()));
    let strings = Arc::new(strings);
    Ok((Prepared { config, assets: sources.assets, strings, templates, site, catalogue, status }, diags))
}

fn parse_catalogue(files: Vec<load::CatalogueFile>) -> (Option<parse::catalogue::Parsed>, Diagnostics) {
    let mut diags = Diagnostics::new();
    (parse::catalogue::parse(files, &mut diags), diags)
}

/// [`build`], keeping what it built from.
pub fn build_keeping(options: &BuildOptions) -> Result<(Built, Snapshot), Failure> {
    let (Prepared { config, assets, strings, templates, site, catalogue, status }, mut diags) = prepare(options)?;
    let Some(templates) = templates.filter(|_| !diags.has_errors()) else {
        return Err(diags.into());
    };

    let staging = write::Staging::create(&config.output).map_err(|e| {
        Failure::Io(anyhow::anyhow!("cannot create the staging folder beside {}: {e}", config.output.display()))
    })?;
    diags.extend(staging.copy(&assets));
    // Render and index read the same model and write different files: run
    // side by side, so that neither's last, single-threaded steps leave a
    // core idle.
    let (rendered, indexed) = rayon::join(
        || {
            // The home page links each PDF with its size: typeset first.
            let (downloads, mut found) = pdf::site(&config, &site, &strings, &staging);
            found.extend(render::site(&config, &site, catalogue.as_ref(), &templates, &strings, &downloads, &staging));
            found
        },
        || index::site(&config, &site, catalogue.as_ref(), staging.dir()),
    );
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
    if diags.has_errors() {
        return Err(diags.into());
    }
    let pages = staging.pages();
    staging
        .commit()
        .map_err(|e| Failure::Io(anyhow::anyhow!("cannot move the new site into {}: {e}", config.output.display())))?;

    let built = Built { output: config.output.clone(), pages, warnings: diags.into_sorted() };
    Ok((built, Snapshot { config, site, catalogue, templates, strings }))
}
