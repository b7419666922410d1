//! Reading off the network (`downloads:` in `signpost.yaml`), made from the
//! staged site once render and index have written it:
//!
//! - [`copy`]: the offline copy, `<lang>/<slug>-offline.zip` per language
//!   and `<slug>-offline.zip` with every language: the pages with relative
//!   links, so that they work opened from disk (`file://`), search included.
//! - [`save`]: for "Save for offline reading" on each toolkit home, the
//!   list of what the service worker (`sw.js`, a theme file) stores for a
//!   language, with its size: `<lang>/offline.json`.
//!
//! The whole-toolkit print page is rendered with the other pages
//! ([`crate::render::print`]).

pub mod copy;
pub mod save;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Lang, Site};
use crate::write::Staging;

/// The staged site: each file's path (with `/`, relative to the output
/// folder) and size, in path order.
pub type Files = BTreeMap<String, u64>;

/// The files [`write()`] makes, below the output folder. They are made from
/// a list of the staged files taken before they exist: an incremental
/// build, which starts from the previous output, removes them first.
pub fn outputs(config: &Config) -> Vec<String> {
    let mut files = Vec::new();
    if config.downloads.service_worker {
        files.extend(config.langs().map(crate::config::save_list_path));
    }
    if config.downloads.offline {
        files.extend(config.langs().map(Some).chain([None]).map(|lang| config.offline_zip_path(lang)));
    }
    files
}

/// Writes the downloads `config.downloads` asks for into `staging`.
pub fn write(config: &Config, site: &Site, staging: &Staging) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let downloads = config.downloads;
    if !downloads.offline && !downloads.service_worker {
        return diags;
    }
    let files = match list(staging.dir()) {
        Ok(files) => files,
        Err(e) => {
            diags.push(Diagnostic::error(Path::new("."), (1, 1), format!("cannot list the staged site: {e}")));
            return diags;
        }
    };
    if downloads.service_worker {
        for lang in config.langs() {
            let list = save::list(config, site, &files, lang);
            diags.extend(staging.write(Path::new(&crate::config::save_list_path(lang)), list.as_bytes()).err());
        }
    }
    if downloads.offline {
        let scopes: Vec<Option<&Lang>> = config.langs().map(Some).chain([None]).collect();
        let written: Vec<Diagnostic> = scopes
            .par_iter()
            .filter_map(|&lang| {
                let langs: Vec<&Lang> = lang.map_or_else(|| config.langs().collect(), |l| vec![l]);
                let rel = config.offline_zip_path(lang);
                copy::zip(config, staging.dir(), &files, &langs, lang, &staging.dir().join(&rel))
                    .map_err(|e| {
                        Diagnostic::error(Path::new(&rel), (1, 1), format!("cannot make the offline copy: {e}"))
                    })
                    .err()
            })
            .collect();
        diags.extend(written);
    }
    diags
}

fn list(dir: &Path) -> std::io::Result<Files> {
    let mut files = Files::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).map_err(std::io::Error::other)?;
        let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        files.insert(rel.join("/"), entry.metadata()?.len());
    }
    Ok(files)
}
