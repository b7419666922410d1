//! Live reload for `signpost serve`: watches the site's files, rebuilds what
//! a change touched, and tells the open pages through server-sent events.
//!
//! An edit to the text of existing pages is handled in memory: those files
//! are parsed again, every link of the site is checked again, and only the
//! pages showing that text are rendered and written (the page, its
//! fallback copies in languages without a translation, and the print page
//! of each of those languages), as an incremental build does. Anything else (a
//! new or deleted file, a front-matter change that other pages list, the
//! catalogue, templates, interface strings, configuration) runs a full
//! build into a staging folder, as `signpost build` does. A failed build
//! leaves the last good site in place and sends its diagnostics to the
//! browser, which shows them over the page.
//!
//! After an in-memory edit, the search files are written again once the
//! page has been told to reload (`live/reindex.rs`).

mod reindex;
mod watch;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::channel;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use serde::Serialize;
use watch::{next_batch, watch_folders};

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::model::{Lang, Page, PageKey, Site};
use crate::{BuildOptions, Failure, Snapshot};

/// What the open pages are told.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Event {
    /// These pages changed (`en/guidance/a/`; empty: every page); a page
    /// showing one reloads.
    Reload { pages: Vec<String>, millis: u128 },
    /// The last build failed: `path:line:column: message`, one a line.
    Error { diagnostics: Vec<String> },
}

/// The latest event and its number, for every open page to wait on.
#[derive(Default)]
pub struct Hub {
    latest: Mutex<(u64, Option<Event>)>,
    changed: Condvar,
}

impl Hub {
    fn publish(&self, event: Event) {
        let mut latest = self.latest.lock().unwrap_or_else(|e| e.into_inner());
        *latest = (latest.0 + 1, Some(event));
        self.changed.notify_all();
    }

    /// Shows a failed build's errors to every page.
    pub fn report(&self, diags: &[Diagnostic]) {
        self.publish(Event::Error {
            diagnostics: diags.iter().filter(|d| d.is_error()).map(ToString::to_string).collect(),
        });
    }

    /// The latest event's number, and the event if it is an error still
    /// standing (a page opened now must show it at once).
    pub fn current(&self) -> (u64, Option<Event>) {
        let latest = self.latest.lock().unwrap_or_else(|e| e.into_inner());
        (latest.0, latest.1.clone().filter(|e| matches!(e, Event::Error { .. })))
    }

    /// The next event after number `seen`, or `None` after `timeout`.
    pub fn wait(&self, seen: u64, timeout: Duration) -> Option<(u64, Event)> {
        let latest = self.latest.lock().unwrap_or_else(|e| e.into_inner());
        let (latest, _) =
            self.changed.wait_timeout_while(latest, timeout, |(n, _)| *n == seen).unwrap_or_else(|e| e.into_inner());
        latest.1.clone().filter(|_| latest.0 != seen).map(|e| (latest.0, e))
    }
}

/// The watcher's memory between changes.
struct State {
    options: BuildOptions,
    /// What the last good build was made from; `None` after a failed first
    /// build, when only a full build can help.
    snapshot: Option<Snapshot>,
    /// A full build failed: the snapshot no longer matches the files.
    needs_full: bool,
    /// Pages whose last in-memory update failed: checked again next time.
    pending: BTreeSet<PathBuf>,
    /// For each page key, the pages (language, key) that link to it: after
    /// an edit only those links are checked again. Scanning every link of
    /// 40,000 pages instead took 30 to 300 ms, most of it cache misses.
    referrers: Referrers,
}

type Referrers = HashMap<PageKey, BTreeSet<(Lang, PageKey)>>;

fn referrers(site: &Site) -> Referrers {
    let mut map = Referrers::new();
    for page in site.pages.values().flat_map(|p| p.values()) {
        add_referrer(&mut map, page);
    }
    map
}

fn add_referrer(map: &mut Referrers, page: &Page) {
    for target in page.doc.links.iter().filter_map(|l| l.target.as_ref()) {
        map.entry(target.clone()).or_default().insert((page.lang.clone(), page.key.clone()));
    }
}

fn remove_referrer(map: &mut Referrers, page: &Page) {
    for target in page.doc.links.iter().filter_map(|l| l.target.as_ref()) {
        if let Some(from) = map.get_mut(target) {
            from.remove(&(page.lang.clone(), page.key.clone()));
        }
    }
}

/// Starts watching the site in a thread of its own. `snapshot` is what the
/// first build kept (`None` if it failed).
pub fn start(options: BuildOptions, snapshot: Option<Snapshot>, hub: Arc<Hub>) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(&options.root)?;
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(sender)?;
    // The root itself only for signpost.yaml and new folders; the output
    // folder usually sits in it and must not trigger builds.
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    let mut watched = BTreeSet::new();
    watch_folders(&mut watcher, &root, &mut watched);
    let needs_full = snapshot.is_none();
    let referrers = snapshot.as_ref().map(|s| referrers(&s.site)).unwrap_or_default();
    let mut state = State { options, snapshot, needs_full, pending: BTreeSet::new(), referrers };
    std::thread::spawn(move || {
        while let Some(paths) = next_batch(&events, &root) {
            // A folder created since (the site's own `templates/`).
            watch_folders(&mut watcher, &root, &mut watched);
            let started = Instant::now();
            let event = state.apply(&paths, started);
            let in_memory = matches!(&event, Some(Event::Reload { pages, .. }) if !pages.is_empty());
            if let Some(event) = event {
                hub.publish(event);
            }
            if in_memory && let Some(snapshot) = &state.snapshot {
                let started = Instant::now();
                match reindex::search(snapshot) {
                    Ok(()) => eprintln!("  search index updated in {} ms", started.elapsed().as_millis()),
                    Err(e) => eprintln!("error: the search index was not updated: {e}"),
                }
            }
        }
    });
    Ok(())
}

impl State {
    fn apply(&mut self, paths: &BTreeSet<PathBuf>, started: Instant) -> Option<Event> {
        let mut pages: BTreeSet<PathBuf> = paths.clone();
        pages.extend(self.pending.iter().cloned());
        if !self.needs_full && pages.iter().all(|p| self.is_known_page(p)) {
            match self.update_pages(&pages) {
                Ok(Some(urls)) => {
                    self.pending.clear();
                    let millis = started.elapsed().as_millis();
                    eprintln!("updated {} in {millis} ms", crate::diag::count(urls.len(), "page"));
                    return Some(Event::Reload { pages: urls, millis });
                }
                Ok(None) => {} // Changed what other pages show: build all.
                Err(diags) => {
                    self.pending = pages;
                    return Some(error(diags));
                }
            }
        }
        self.full(started)
    }

    fn full(&mut self, started: Instant) -> Option<Event> {
        match crate::build_keeping(&self.options) {
            Ok((built, snapshot)) => {
                for warning in &built.warnings {
                    eprintln!("{warning}");
                }
                let millis = started.elapsed().as_millis();
                eprintln!("rebuilt {} pages in {millis} ms", built.pages);
                self.referrers = referrers(&snapshot.site);
                self.snapshot = Some(snapshot);
                self.needs_full = false;
                self.pending.clear();
                Some(Event::Reload { pages: Vec::new(), millis })
            }
            Err(Failure::Content(diags)) => {
                self.needs_full = true;
                Some(error(diags))
            }
            Err(Failure::Io(e)) => {
                self.needs_full = true;
                Some(Event::Error { diagnostics: vec![format!("error: {e:#}")] })
            }
            Err(Failure::Usage(message)) => {
                self.needs_full = true;
                Some(Event::Error { diagnostics: vec![format!("error: {message}")] })
            }
        }
    }

    /// A Markdown file that is a page of the last good build.
    fn is_known_page(&self, rel: &Path) -> bool {
        let Some(snapshot) = &self.snapshot else { return false };
        let Some((lang, key, _)) = page_of(rel) else { return false };
        snapshot.site.page(&lang, &key).is_some_and(|p| p.source == rel) && snapshot.config.root.join(rel).is_file()
    }

    /// Parses, checks and renders the changed pages. `Ok(None)` when the
    /// change reaches other pages (titles in lists and navigation) and a
    /// full build is needed.
    fn update_pages(&mut self, paths: &BTreeSet<PathBuf>) -> Result<Option<Vec<String>>, Vec<Diagnostic>> {
        let started = Instant::now();
        let Some(snapshot) = self.snapshot.as_mut() else { return Ok(None) };
        let config = &snapshot.config;
        let mut sources = Vec::new();
        let mut diags = Diagnostics::new();
        for rel in paths {
            let Some((lang, key, is_section)) = page_of(rel) else { return Ok(None) };
            match crate::load::read_text(&config.root, rel) {
                Ok(text) => sources.push(SourceFile { path: rel.clone(), lang, key, is_section, text }),
                Err(d) => diags.push(d),
            }
        }
        let (parsed, found) = crate::parse::pages(config, sources, false);
        diags.extend(found);
        if diags.has_errors() {
            return Err(diags.into_sorted());
        }
        if parsed.pages.len() != paths.len() {
            return Ok(None); // A page became a draft.
        }
        let new: Vec<Page> = parsed.pages;
        if new.iter().any(|page| lists_differently(snapshot.site.page(&page.lang, &page.key), page)) {
            return Ok(None);
        }
        // The PDFs hold the navigation's pages, and the home page links them.
        let in_pdf = |page: &Page| page.key.is_home() || config.navigation.iter().any(|entry| entry.key == page.key);
        if config.downloads.pdf && new.iter().any(in_pdf) {
            return Ok(None);
        }
        // Swap the new pages in; put the old ones back if a link broke.
        let mut old = Vec::new();
        for page in new {
            let slot = snapshot.site.pages.entry(page.lang.clone()).or_default();
            old.extend(slot.insert(page.key.clone(), page));
        }
        let parsed_at = Instant::now();
        let found = check_links(config, &snapshot.site, &self.referrers, &old);
        if found.has_errors() {
            for page in old {
                snapshot.site.pages.entry(page.lang.clone()).or_default().insert(page.key.clone(), page);
            }
            return Err(found.into_sorted());
        }
        for page in &old {
            remove_referrer(&mut self.referrers, page);
            if let Some(new) = snapshot.site.page(&page.lang, &page.key) {
                add_referrer(&mut self.referrers, new);
            }
        }
        let checked_at = Instant::now();
        let changed: Vec<(Lang, PageKey)> = old.iter().map(|p| (p.lang.clone(), p.key.clone())).collect();
        let targets = crate::incremental::targets(config, &snapshot.site, &changed);
        let urls = write_pages(snapshot, &targets)?;
        eprintln!(
            "  parse {} ms, links {} ms, render and write {} ms",
            (parsed_at - started).as_millis(),
            (checked_at - parsed_at).as_millis(),
            checked_at.elapsed().as_millis()
        );
        Ok(Some(urls))
    }
}

/// The links of the changed pages (now in `site`), and of the pages that
/// link to them: an anchor they use may be gone.
fn check_links(config: &crate::config::Config, site: &Site, referrers: &Referrers, changed: &[Page]) -> Diagnostics {
    let mut pages: BTreeSet<(Lang, PageKey)> = changed.iter().map(|p| (p.lang.clone(), p.key.clone())).collect();
    for page in changed {
        pages.extend(referrers.get(&page.key).into_iter().flatten().cloned());
    }
    let mut diags = Diagnostics::new();
    for (lang, key) in &pages {
        if let Some(page) = site.page(lang, key) {
            diags.extend(crate::validate::page_links(config, site, page));
        }
    }
    diags
}

/// Whether the new version of a page changes what other pages show of it:
/// its title, summary, label or order in section lists and navigation,
/// its audiences on the audience pages, its date in the sitemap, its
/// recorded source on the translation status page. (Its anchors matter to
/// pages linking to them, but every link was just checked again.)
fn lists_differently(old: Option<&Page>, new: &Page) -> bool {
    let Some(old) = old else { return true };
    let (a, b) = (&old.front, &new.front);
    a.title != b.title
        || a.summary != b.summary
        || a.label != b.label
        || a.order != b.order
        || a.audience != b.audience
        || a.template != b.template
        || a.updated != b.updated
        || a.source_hash != b.source_hash
        || old.is_section != new.is_section
}

/// Language, key and whether it is a section, for `content/<lang>/....md`.
fn page_of(rel: &Path) -> Option<(Lang, PageKey, bool)> {
    let mut parts = rel.components();
    if parts.next()? != Component::Normal("content".as_ref()) {
        return None;
    }
    let lang = Lang::new(parts.next()?.as_os_str().to_string_lossy());
    let inner = parts.as_path().to_string_lossy().replace('\\', "/");
    let (key, is_section) = PageKey::from_file(&inner)?;
    Some((lang, key, is_section))
}

/// Renders and writes in place in the output what the changed text
/// reaches (the pages, their fallback copies, their languages' print
/// pages), each file through a temporary file and a rename, so a reader
/// never gets half a page. Returns the URLs to reload.
fn write_pages(
    snapshot: &Snapshot,
    targets: &BTreeMap<Lang, BTreeSet<PageKey>>,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let config = &snapshot.config;
    // The output no longer matches the record of the last build.
    crate::incremental::forget(&config.root)
        .map_err(|e| vec![Diagnostic::error(crate::incremental::RECORD_FILE, (1, 1), format!("cannot remove: {e}"))])?;
    let diags = crate::render::changed(
        config,
        &snapshot.site,
        snapshot.catalogue.as_ref(),
        &snapshot.assembled,
        &snapshot.templates,
        &snapshot.strings,
        &snapshot.pdfs,
        targets,
        &InPlace(&config.output),
    );
    if diags.has_errors() {
        return Err(diags.into_sorted());
    }
    // Without the base path: `serve` puts the output at the server's root.
    let unbased = |url: String| url.trim_start_matches(&config.base_path).to_string();
    let mut urls = Vec::new();
    for (lang, keys) in targets {
        urls.extend(keys.iter().map(|key| unbased(config.page_url(lang, key))));
        urls.push(unbased(crate::render::print::url(&config.base_path, lang)));
    }
    Ok(urls)
}

/// The served output as render's [`crate::render::Output`]: files replaced
/// in place, atomically.
struct InPlace<'a>(&'a Path);

impl crate::render::Output for InPlace<'_> {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        crate::write::atomic(&self.0.join(rel), bytes)
            .map_err(|e| Diagnostic::error(rel, (1, 1), format!("cannot write: {e}")))
    }
}

fn error(diags: Vec<Diagnostic>) -> Event {
    for d in &diags {
        eprintln!("{d}");
    }
    eprintln!("the last good site is still served");
    Event::Error { diagnostics: diags.iter().filter(|d| d.is_error()).map(ToString::to_string).collect() }
}

/// The script `serve` adds to every HTML page it sends.
pub const SCRIPT: &str = include_str!("live.js");
