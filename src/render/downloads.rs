//! What a language's toolkit home and print page offer for reading off the
//! network (`downloads:` in `signpost.yaml`), as the templates see it: the
//! PDF the build wrote, the print page, the offline copies and "Save for
//! offline reading". The files themselves are made by `pdf` and `offline`.

use serde::Serialize;

use crate::config::Config;
use crate::model::Lang;

/// A PDF the build wrote (see `pdf`), as the pages link it.
#[derive(Debug, Clone, Serialize)]
pub struct PdfLink {
    /// Site-relative URL.
    pub url: String,
    pub bytes: usize,
    /// `850 KB`, `1.2 MB`.
    pub size: String,
}

/// The PDFs written, by language.
pub type PdfLinks = std::collections::BTreeMap<Lang, PdfLink>;

/// Links for `downloads:` (see [`crate::offline`]); empty outside a
/// language's site.
#[derive(Serialize, Default)]
pub struct Downloads {
    /// The language's PDF of the toolkit, when the build wrote one.
    pub pdf: Option<PdfLink>,
    /// The whole toolkit on one page, always built.
    pub print_url: Option<String>,
    /// This language's offline copy, and the one with every language.
    pub offline_zip: Option<String>,
    pub offline_all_zip: Option<String>,
    /// "Save for offline reading": the service worker's script and scope,
    /// and the list of what it saves for this language.
    pub service_worker: Option<String>,
    pub scope: Option<String>,
    pub save_list: Option<String>,
}

/// What a language's toolkit home offers for reading off the network
/// (`downloads:` in `signpost.yaml`; the files are made by `offline`).
pub fn links(config: &Config, lang: &Lang, pdf: Option<&PdfLink>) -> Downloads {
    let base = &config.base_path;
    let downloads = config.downloads;
    Downloads {
        pdf: pdf.cloned(),
        print_url: Some(super::print::url(base, lang)),
        offline_zip: downloads.offline.then(|| format!("{base}{}", config.offline_zip_path(Some(lang)))),
        offline_all_zip: downloads.offline.then(|| format!("{base}{}", config.offline_zip_path(None))),
        service_worker: downloads.service_worker.then(|| format!("{base}{}", crate::config::SAVE_SCRIPT)),
        scope: downloads.service_worker.then(|| base.clone()),
        save_list: downloads.service_worker.then(|| format!("{base}{}", crate::config::save_list_path(lang))),
    }
}
