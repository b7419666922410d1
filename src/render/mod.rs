//! Stage 5, render: every page of every language through the Tera
//! templates, in parallel, straight into the [`Output`] (the staging folder); then the files
//! that tie the languages together (root language chooser, 404, sitemap,
//! robots.txt).
//!
//! Each language's site holds every page: its own translations, and the
//! default language's text (with a notice) where a translation is missing.
//!
//! Takes the [`Site`], the catalogue and the [`crate::assemble::Assembled`]
//! values; hands on files, and diagnostics for templates that fail.

mod context;
mod downloads;
pub mod library;
mod library_data;
pub mod print;
mod resources;
pub mod search_page;
mod sitemap;
pub mod status_page;
pub mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::assemble::Assembled;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::{Catalogue, Lang, PageKey, Site};
use context::ContextBuilder;
pub use downloads::{Downloads, PdfLink, PdfLinks};
use library::Library;
pub use templates::Templates;

/// Where rendered files go: the staging folder of a build
/// ([`crate::write::Staging`]), or the served folder for a live update.
/// Render writes each page as soon as it is made, so a large site is never
/// held in memory whole; the trait keeps render below write.
pub trait Output: Sync {
    /// Writes `bytes` to `rel`, below the output folder.
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic>;
}

/// What rendering one language takes: Tera with `t()` bound to the
/// language's strings, each section's pages in order, and the library.
struct Language<'a> {
    tera: Tera,
    children: BTreeMap<PageKey, Vec<&'a PageKey>>,
    library: Option<Library<'a>>,
}

fn language<'a>(
    config: &'a Config,
    site: &'a Site,
    catalogue: Option<&'a Catalogue>,
    assembled: &'a Assembled,
    templates: &Templates,
    strings: &Arc<Strings>,
    lang: &'a Lang,
) -> Language<'a> {
    let library = catalogue.zip(assembled.facets.as_ref()).map(|(catalogue, index)| Library {
        config,
        catalogue,
        index,
        lang,
        script_base: resources::script_base(config, strings, lang, index, catalogue),
        cards: &assembled.lang(lang).cards,
    });
    Language { tera: templates.for_lang(strings, lang), children: children(config, site, lang), library }
}

/// Renders the whole site into `staging`.
#[allow(clippy::too_many_arguments)]
pub fn site(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    assembled: &Assembled,
    templates: &Templates,
    strings: &Arc<Strings>,
    pdfs: &PdfLinks,
    staging: &dyn Output,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let index = assembled.facets.as_ref();
    if let Some(index) = index {
        diags.extend(library_data::write_lists(&library_data::States::new(index), config.page_size, staging));
    }
    for lang in config.langs() {
        let Language { tera, children, library } =
            language(config, site, catalogue, assembled, templates, strings, lang);
        let builder = ContextBuilder { config, site, lang, children: &children, catalogue, pdfs };
        let keys = site.keys_for(lang, &config.default_lang);
        diags.extend(pages_into(&builder, library.as_ref(), &tera, templates, &keys, staging));
        diags.extend(search_page::write(&builder, strings, &tera, templates, staging).err());
        diags.extend(print::write(&builder, library.as_ref(), strings, &tera, templates, staging).err());
        if let Some(library) = library {
            let renderer = resources::Renderer { builder: &builder, library, tera: &tera, templates, staging };
            diags.extend(renderer.all(strings));
        }
    }
    let default_tera = templates.for_lang(strings, &config.default_lang);
    diags.extend(special_pages(config, site, templates, &default_tera, staging));
    if let Err(d) = staging.write(Path::new("sitemap.xml"), sitemap::sitemap(config, site).as_bytes()) {
        diags.push(d);
    }
    if let Err(d) = staging.write(Path::new("robots.txt"), sitemap::robots(config).as_bytes()) {
        diags.push(d);
    }
    diags
}

/// Renders into `staging` (which holds the previous build's files) what
/// the text of some pages reaches: those pages, by language, and the print
/// page of each of those languages. For an incremental build, when nothing
/// else changed (see `incremental`).
#[allow(clippy::too_many_arguments)]
pub fn changed(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    assembled: &Assembled,
    templates: &Templates,
    strings: &Arc<Strings>,
    pdfs: &PdfLinks,
    targets: &BTreeMap<Lang, std::collections::BTreeSet<PageKey>>,
    staging: &dyn Output,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (lang, keys) in targets {
        let Language { tera, children, library } =
            language(config, site, catalogue, assembled, templates, strings, lang);
        let builder = ContextBuilder { config, site, lang, children: &children, catalogue, pdfs };
        let keys: Vec<&PageKey> = keys.iter().collect();
        diags.extend(pages_into(&builder, library.as_ref(), &tera, templates, &keys, staging));
        diags.extend(print::write(&builder, library.as_ref(), strings, &tera, templates, staging).err());
    }
    diags
}

/// Renders some pages of one language into `staging`, in parallel.
fn pages_into(
    builder: &ContextBuilder,
    library: Option<&Library>,
    tera: &Tera,
    templates: &Templates,
    keys: &[&PageKey],
    staging: &dyn Output,
) -> Vec<Diagnostic> {
    keys.par_iter().filter_map(|key| page(builder, library, tera, templates, key, staging).err()).collect()
}

fn page(
    builder: &ContextBuilder,
    library: Option<&Library>,
    tera: &Tera,
    templates: &Templates,
    key: &PageKey,
    staging: &dyn Output,
) -> Result<(), Diagnostic> {
    match page_html(builder, library, tera, templates, key)? {
        Some(html) => staging.write(&output_path(builder.lang, key), html.as_bytes()),
        None => Ok(()),
    }
}

fn page_html(
    builder: &ContextBuilder,
    library: Option<&Library>,
    tera: &Tera,
    templates: &Templates,
    key: &PageKey,
) -> Result<Option<String>, Diagnostic> {
    let Some(mut context) = builder.page(key) else { return Ok(None) };
    if let Some(library) = library {
        context.resources = component_resources(library, key);
    }
    let template = template_for(templates, &context);
    render(tera, templates, &template, &context).map(Some)
}

/// Some pages of one language, as [`site`] renders them, in memory: for
/// `check`, which renders every template without writing. `None` for a
/// key that is not a page in that language.
#[allow(clippy::too_many_arguments)]
pub fn pages(
    config: &Config,
    site: &Site,
    catalogue: Option<&Catalogue>,
    assembled: &Assembled,
    templates: &Templates,
    strings: &Arc<Strings>,
    lang: &Lang,
    keys: &[PageKey],
) -> Vec<(PageKey, Result<Option<String>, Diagnostic>)> {
    // No PDF links: `check` writes nothing, so there are none.
    let pdfs = PdfLinks::new();
    let Language { tera, children, library } = language(config, site, catalogue, assembled, templates, strings, lang);
    let builder = ContextBuilder { config, site, lang, children: &children, catalogue, pdfs: &pdfs };
    keys.iter().map(|key| (key.clone(), page_html(&builder, library.as_ref(), &tera, templates, key))).collect()
}

/// The first page of a toolkit component's resources, with its filters.
fn component_resources<'a>(library: &'a Library, key: &PageKey) -> Option<library::LibraryView<'a>> {
    let c = library.catalogue.vocabulary.components.iter().position(|c| &c.page == key)?;
    let id = &library.index.components[c];
    let listing = library::Listing { filter: Some(("component", id)) };
    let mut view = library.view(listing, Some(c), &library.index.select(Some(c), None), 1, None);
    view.all_url = Some(listing.url(library.config, library.lang, 1));
    Some(view)
}

fn template_for(templates: &Templates, context: &context::PageContext) -> String {
    let page = &context.page;
    let wanted = match () {
        _ if page.is_home => "home.html",
        _ if page.is_section => "section.html",
        _ => "page.html",
    };
    let chosen = context.page_template().unwrap_or(wanted);
    if templates.has(chosen) || chosen != "home.html" { chosen.to_string() } else { "section.html".to_string() }
}

fn render(tera: &Tera, templates: &Templates, name: &str, context: &impl Serialize) -> Result<String, Diagnostic> {
    let context = Context::from_serialize(context).map_err(|e| templates.diagnostic(&e, Some(name)))?;
    tera.render(name, &context).map_err(|e| templates.diagnostic(&e, Some(name)))
}

/// `<lang>/<key>/index.html`.
pub fn output_path(lang: &Lang, key: &PageKey) -> PathBuf {
    let mut path = PathBuf::from(lang.as_str());
    if !key.is_home() {
        path.push(key.output_dir());
    }
    path.join("index.html")
}

/// Each section's pages in a language, by `order`, then title.
pub(crate) fn children<'a>(config: &Config, site: &'a Site, lang: &Lang) -> BTreeMap<PageKey, Vec<&'a PageKey>> {
    let mut children: BTreeMap<PageKey, Vec<&PageKey>> = BTreeMap::new();
    for key in site.keys_for(lang, &config.default_lang) {
        if let Some(parent) = key.parent() {
            children.entry(parent).or_default().push(key);
        }
    }
    for keys in children.values_mut() {
        keys.sort_by_cached_key(|key| {
            let front = site.page_for(lang, &config.default_lang, key).map(|(p, _)| &p.front);
            (
                front.and_then(|f| f.order).unwrap_or(i64::MAX),
                front.map(|f| f.title.to_lowercase()).unwrap_or_default(),
                key.as_str().to_string(),
            )
        });
    }
    children
}

/// The root `index.html` (a language chooser that works without
/// JavaScript) and `404.html`.
fn special_pages(
    config: &Config,
    site: &Site,
    templates: &Templates,
    tera: &Tera,
    staging: &dyn Output,
) -> Vec<Diagnostic> {
    let context = context::RootContext::new(config, site);
    [("root.html", "index.html"), ("404.html", "404.html")]
        .into_iter()
        .filter_map(|(template, output)| {
            render(tera, templates, template, &context)
                .and_then(|html| staging.write(Path::new(output), html.as_bytes()))
                .err()
        })
        .collect()
}
