//! Tools for translators, beside the build: what is left to translate and
//! what went stale ([`status`](mod@status)), starting a page's translation and marking
//! one done ([`start`], [`done`]), and the files translation tools exchange.
//!
//! Every translation records the hash of the default-language text it was
//! made from ([`source`]); nothing here needs version control.

pub mod ftl;
pub mod inline;
pub mod interchange;
pub mod mark;
pub mod markers;
pub mod segment;
pub mod status;

/// The hashes translations record; computed while parsing.
pub use crate::parse::source;

use std::path::{Path, PathBuf};

use crate::Failure;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Catalogue, Lang};
use crate::parse::front_matter;

/// What the translation tools read of a site: its configuration, page
/// files and catalogue.
pub struct Workspace {
    pub config: Config,
    pub pages: Vec<crate::load::SourceFile>,
    pub catalogue: Option<Catalogue>,
    /// What the status needs of each page file (see [`status::report`]).
    pub facts: Vec<crate::model::PageFacts>,
}

impl Workspace {
    /// Reads the site through the build's own driver ([`crate::prepare`]):
    /// errors that would stop a build stop this too, with the same words.
    pub fn load(root: &Path) -> Result<Workspace, Failure> {
        let options = crate::BuildOptions { root: root.to_path_buf(), keep_sources: true, ..Default::default() };
        let (prepared, diags) = crate::prepare(&options)?;
        if diags.has_errors() {
            return Err(diags.into());
        }
        let crate::Prepared { config, sources, catalogue, facts, .. } = prepared;
        Ok(Workspace { config, pages: sources, catalogue, facts })
    }

    pub fn lang(&self, code: &str) -> Result<Lang, Failure> {
        let lang = Lang::new(code);
        if self.config.language(&lang).is_none() {
            return Err(usage(format!("`{code}` is not a language of this site (see signpost.yaml)")));
        }
        Ok(lang)
    }

    /// A language other than the default one, for translating into.
    pub fn target_lang(&self, code: &str) -> Result<Lang, Failure> {
        let lang = self.lang(code)?;
        if lang == self.config.default_lang {
            return Err(usage(format!("`{code}` is the default language: it is the source, not a translation")));
        }
        Ok(lang)
    }

    fn source_page(&self, rel: &str) -> Option<&crate::load::SourceFile> {
        let path = Path::new("content").join(self.config.default_lang.as_str()).join(rel);
        self.pages.iter().find(|p| p.path == path)
    }

    /// The hash of the default-language page `rel`.
    pub fn page_hash(&self, rel: &str) -> Result<String, Failure> {
        let file = self.source_page(rel).ok_or_else(|| {
            usage(format!("no page content/{}/{rel}: give a path inside the language folder", self.config.default_lang))
        })?;
        let mut diags = Diagnostics::new();
        let split = front_matter::split(&file.text, &file.path).map_err(|d| Failure::Content(vec![d]))?;
        let front = front_matter::parse(&split, &file.path, &mut diags).ok_or_else(|| Failure::from(diags))?;
        Ok(source::page(&front, split.body))
    }
}

pub fn usage(message: String) -> Failure {
    Failure::Usage(message)
}

/// `signpost i18n status`.
pub fn status(root: &Path, lang: Option<&str>) -> Result<status::Report, Failure> {
    let workspace = Workspace::load(root)?;
    let only = lang.map(|l| workspace.lang(l)).transpose()?;
    Ok(status::report(&workspace.config, &workspace.facts, workspace.catalogue.as_ref(), only.as_ref()))
}

/// `guidance/a.md`, also when written `content/en/guidance/a.md`.
fn page_rel(config: &Config, path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.trim_start_matches("./");
    for language in &config.languages {
        if let Some(inner) = rest.strip_prefix(&format!("content/{}/", language.lang)) {
            rest = inner;
        }
    }
    rest.to_string()
}

/// `signpost translate PATH --lang L`: a copy of the source page, marked
/// as a draft made from the source's current version. Returns its path.
pub fn start(root: &Path, path: &str, lang: &str) -> Result<PathBuf, Failure> {
    let workspace = Workspace::load(root)?;
    let lang = workspace.target_lang(lang)?;
    let rel = page_rel(&workspace.config, path);
    let hash = workspace.page_hash(&rel)?;
    let target = Path::new("content").join(lang.as_str()).join(&rel);
    let absolute = workspace.config.root.join(&target);
    if absolute.exists() {
        return Err(usage(format!(
            "{} exists already; after translating, mark it current with: signpost translate --done {rel} --lang {lang}",
            target.display()
        )));
    }
    let source = workspace.config.root.join("content").join(workspace.config.default_lang.as_str()).join(&rel);
    let raw = read(&source)?;
    let text = mark::page(&raw, &hash, mark::Draft::Set)
        .ok_or_else(|| Failure::Content(vec![Diagnostic::error(&target, (1, 1), "the source has no front matter")]))?;
    if let Some(parent) = absolute.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(&target, e))?;
    }
    write(&absolute, &text, &target)?;
    Ok(target)
}

/// `signpost translate --done PATH --lang L`: the translation of a page
/// (`guidance/a.md`), a resource (`resources/<id>`) or the interface strings
/// (`strings`, or `strings/<id>`) is current. Returns what was marked.
///
/// A page whose body is still the source's (only its title translated,
/// say) is refused unless `force`: marking it would hide it from the
/// status while readers see the source language.
pub fn done(root: &Path, path: &str, lang: &str, force: bool) -> Result<String, Failure> {
    let workspace = Workspace::load(root)?;
    let lang = workspace.target_lang(lang)?;
    let rel = page_rel(&workspace.config, path);
    if let Some(id) = rel.strip_prefix("resources/") {
        return done_resource(&workspace, &lang, id);
    }
    if rel == "strings" || rel.starts_with("strings/") {
        return done_strings(&workspace, &lang, rel.strip_prefix("strings/"));
    }
    let hash = workspace.page_hash(&rel)?;
    let target = Path::new("content").join(lang.as_str()).join(&rel);
    let absolute = workspace.config.root.join(&target);
    if !absolute.exists() {
        return Err(usage(format!(
            "{} does not exist; start it with: signpost translate {rel} --lang {lang}",
            target.display()
        )));
    }
    let raw = read(&absolute)?;
    if !force {
        let source = workspace.source_page(&rel).map(|p| p.text.as_str()).unwrap_or_default();
        let body = |text: &str| front_matter::split(text, &target).map(|s| s.body.trim().to_string()).ok();
        if let Some(same) = body(&raw).filter(|b| !b.is_empty() && Some(b) == body(source).as_ref()) {
            return Err(usage(format!(
                "{}: the body is still the {} page's ({} segments, none translated): translate it first, \
                 or add --force to mark it as current anyway",
                target.display(),
                workspace.config.default_lang,
                segment::segments(&same).len()
            )));
        }
    }
    let text = mark::page(&raw, &hash, mark::Draft::Clear)
        .ok_or_else(|| Failure::Content(vec![Diagnostic::error(&target, (1, 1), "the page has no front matter")]))?;
    write(&absolute, &text, &target)?;
    Ok(format!("{} is marked as translated from source {hash}", target.display()))
}

fn done_resource(workspace: &Workspace, lang: &Lang, id: &str) -> Result<String, Failure> {
    let resource = workspace
        .catalogue
        .as_ref()
        .and_then(|c| c.resources.iter().find(|r| r.id == id))
        .ok_or_else(|| usage(format!("no resource `{id}` in the catalogue")))?;
    let hash = source::resource(resource);
    let target = Path::new("content/catalogue/translations").join(format!("{lang}.yaml"));
    let absolute = workspace.config.root.join(&target);
    let raw = read(&absolute)?;
    let text =
        mark::resource(&raw, id, &hash).map_err(|m| Failure::Content(vec![Diagnostic::error(&target, (1, 1), m)]))?;
    write(&absolute, &text, &target)?;
    Ok(format!("{id} in {} is marked as translated from source {hash}", target.display()))
}

fn done_strings(workspace: &Workspace, lang: &Lang, only: Option<&str>) -> Result<String, Failure> {
    let config = &workspace.config;
    let source_path = crate::i18n::file_of(&config.default_lang);
    let source_text = read(&config.root.join(&source_path))?;
    let translated = read(&config.root.join(crate::i18n::file_of(lang))).unwrap_or_default();
    let present = ftl::by_id(&translated);
    let mut recorded = status::read_string_sources(config, lang);
    let mut marked = 0;
    for message in ftl::messages(&source_text) {
        let wanted = only.is_none_or(|id| id == message.id);
        if wanted && present.contains_key(&message.id) {
            recorded.insert(message.id.clone(), source::string(message.source(&source_text)));
            marked += 1;
        }
    }
    if let Some(id) = only.filter(|_| marked == 0) {
        return Err(usage(format!(
            "no string `{id}` in both {} and {}",
            source_path.display(),
            crate::i18n::file_of(lang).display()
        )));
    }
    let target = status::string_sources_file(lang);
    write(&config.root.join(&target), &mark::string_sources(&recorded), &target)?;
    Ok(format!("{} marked as current in {}", crate::diag::count(marked, "interface string"), target.display()))
}

fn read(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
    String::from_utf8(bytes).map_err(|_| Failure::Io(anyhow::anyhow!("{}: not UTF-8", path.display())))
}

/// Writes through a temporary file, so a crash never leaves half a file.
fn write(absolute: &Path, text: &str, shown: &Path) -> Result<(), Failure> {
    let temporary = absolute.with_extension("signpost-tmp");
    std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, absolute)).map_err(|e| io(shown, e))
}

fn io(path: &Path, e: std::io::Error) -> Failure {
    Failure::Io(anyhow::anyhow!("{}: {e}", path.display()))
}
