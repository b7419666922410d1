//! Stage 5 as the driver ([`crate::build_keeping`]) runs it: the PDFs,
//! render and index into the staging folders, either the whole site into
//! empty folders or, for an incremental build ([`crate::incremental`]),
//! what changed pages reach into folders that hold the previous build.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::{Failure, assemble, config, i18n, incremental, index, model, pdf, render, timings, write};

/// A fresh staging folder for the output and one for the indexes.
pub(crate) fn staging_folders(output: &Path, index_root: &Path) -> Result<(write::Staging, PathBuf), Failure> {
    let staging = write::Staging::create(output).map_err(|e| {
        Failure::Io(anyhow::anyhow!("cannot create the staging folder beside {}: {e}", output.display()))
    })?;
    let index_staging = index::staging_dir(index_root).map_err(|e| {
        Failure::Io(anyhow::anyhow!("cannot create the staging folder beside {}: {e}", index_root.display()))
    })?;
    Ok((staging, index_staging))
}

/// What render and index work from.
pub(crate) struct SiteWork<'a> {
    pub(crate) config: &'a config::Config,
    pub(crate) site: &'a model::Site,
    pub(crate) catalogue: Option<&'a model::Catalogue>,
    pub(crate) assembled: &'a assemble::Assembled,
    pub(crate) templates: &'a render::Templates,
    pub(crate) strings: &'a Arc<i18n::Strings>,
    pub(crate) timings: &'a timings::Timings,
}

impl SiteWork<'_> {
    /// Every page, PDF and search file into empty staging folders.
    pub(crate) fn full(&self, staging: &write::Staging, index_staging: &Path) -> (Diagnostics, render::PdfLinks) {
        let SiteWork { config, site, catalogue, assembled, templates, strings, timings } = *self;
        // Render and index read the same model and write different files: run
        // side by side, so that neither's last, single-threaded steps leave a
        // core idle (one after the other while timing, see `timings`).
        let render = || {
            // The home and print pages link each PDF with its size: typeset first.
            let (pdfs, mut found) = timings.stage("pdf", || pdf::site(config, site, strings, staging));
            found.extend(timings.stage("render", || {
                render::site(config, site, catalogue, assembled, templates, strings, &pdfs, staging)
            }));
            (found, pdfs)
        };
        let index =
            || timings.stage("index", || index::site(config, site, catalogue, assembled, index_staging, staging.dir()));
        let ((mut found, pdfs), indexed) =
            if timings.is_on() { (render(), index()) } else { rayon::join(render, index) };
        found.extend(indexed);
        (found, pdfs)
    }

    /// What the changed pages reach, into staging folders that hold the
    /// previous build ([`incremental`]); everything when the PDFs' links
    /// changed. Returns the pages rendered again too.
    pub(crate) fn incremental(
        &self,
        mut plan: incremental::Plan,
        previous_pdfs: &str,
        staging: &write::Staging,
        index_staging: &Path,
    ) -> (Diagnostics, render::PdfLinks, Option<usize>) {
        let SiteWork { config, site, catalogue, assembled, templates, strings, timings } = *self;
        let (pdfs, mut found) = timings.stage("pdf", || pdf::site(config, site, strings, staging));
        plan.everything = incremental::pdfs_key(&pdfs) != previous_pdfs;
        let langs: Vec<&model::Lang> = if plan.everything { config.langs().collect() } else { plan.langs().collect() };
        for lang in &langs {
            let search = index::search_dir(lang);
            let removed =
                staging.remove(&search).and_then(|()| write::remove_if_present(&index::lang_dir(index_staging, lang)));
            if let Err(e) = removed {
                found.push(Diagnostic::error(&search, (1, 1), format!("cannot replace the search files: {e}")));
            }
        }
        let render = || {
            timings.stage("render", || match plan.everything {
                true => render::site(config, site, catalogue, assembled, templates, strings, &pdfs, staging),
                false => render::changed(
                    config,
                    site,
                    catalogue,
                    assembled,
                    templates,
                    strings,
                    &pdfs,
                    &plan.targets,
                    staging,
                ),
            })
        };
        let index = || {
            timings.stage("index", || {
                index::languages(config, site, catalogue, assembled, &langs, index_staging, staging.dir())
            })
        };
        let (rendered, indexed) = if timings.is_on() { (render(), index()) } else { rayon::join(render, index) };
        found.extend(rendered);
        found.extend(indexed);
        let again = if plan.everything { staging.pages() } else { plan.page_count() };
        (found, pdfs, Some(again))
    }
}
