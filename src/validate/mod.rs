//! Stage 3, validate: checks that need more than one file. Pages are
//! assembled into the [`Site`]; two files with the same URL, links to pages
//! or anchors that do not exist and navigation entries that lead nowhere are
//! reported, all of them, at their file, line and column.
//!
//! Takes [`Parsed`] pages and catalogue; hands on the [`Site`] and the
//! validated [`crate::model::Catalogue`] to [`crate::assemble`].

pub mod catalogue;

use std::collections::BTreeSet;
use std::collections::btree_map::Entry;
use std::path::Path;

use crate::config::{CONFIG_FILE, Config, locate};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Lang, Page, PageKey, Site};
use crate::parse::Parsed;

/// Output folders of each language that belong to the resource library.
const RESERVED_SECTIONS: &[&str] = &["resources", "audiences"];

/// `files`: the output paths of the files copied beside the pages.
pub fn site(config: &Config, parsed: Parsed, files: BTreeSet<String>) -> (Site, Diagnostics) {
    let Parsed { mut pages, failed, .. } = parsed;
    let mut diags = Diagnostics::new();
    let mut site = Site { files, ..Site::default() };
    // Sorted so that, of two files with one URL, the same one is reported.
    pages.sort_by(|a, b| a.source.cmp(&b.source));
    for page in pages {
        let status = config.translation_status.then_some(crate::config::STATUS_DIR);
        if let Some(reserved) = RESERVED_SECTIONS
            .iter()
            .copied()
            .chain(status)
            .find(|r| page.key.as_str() == *r || page.key.as_str().starts_with(&format!("{r}/")))
        {
            let message = format!("`{reserved}/` is where Signpost writes pages of its own: move this page elsewhere");
            diags.push(Diagnostic::error(&page.source, (1, 1), message));
            continue;
        }
        match site.pages.entry(page.lang.clone()).or_default().entry(page.key.clone()) {
            Entry::Vacant(slot) => {
                slot.insert(page);
            }
            Entry::Occupied(first) => diags.push(Diagnostic::error(
                &page.source,
                (1, 1),
                format!(
                    "this page has the same URL, {}, as {}",
                    config.page_url(&page.lang, &page.key),
                    first.get().source.display()
                ),
            )),
        }
    }
    diags.extend(all_links(config, &site, &failed));
    diags.extend(images(config, &site));
    navigation(config, &site, &mut diags);
    (site, diags)
}

/// The links of one page, checked against the site: for `serve`, which
/// checks only the pages an edit can break. The same checks as a build's.
pub fn page_links(config: &Config, site: &Site, page: &Page) -> Diagnostics {
    let mut diags = Diagnostics::new();
    links(config, site, &BTreeSet::new(), page, &mut diags);
    files(site, page, &mut diags);
    diags
}

/// The links of every page, checked against the others.
fn all_links(config: &Config, site: &Site, failed: &BTreeSet<(Lang, PageKey)>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for pages in site.pages.values() {
        for page in pages.values() {
            links(config, site, failed, page, &mut diags);
            files(site, page, &mut diags);
        }
    }
    diags
}

/// Links and images to files beside a page: the file must be in the page's
/// language folder, where the build copies it from.
fn files(site: &Site, page: &Page, diags: &mut Diagnostics) {
    for file in &page.doc.files {
        if !site.files.contains(&format!("{}/{}", page.lang, file.path)) {
            let message = format!(
                "link to a file that does not exist: `{}` (looked for content/{}/{})",
                file.dest, page.lang, file.path
            );
            diags.push(Diagnostic::error(&page.source, file.position, message));
        }
    }
}

fn links(config: &Config, site: &Site, failed: &BTreeSet<(Lang, PageKey)>, page: &Page, diags: &mut Diagnostics) {
    for link in &page.doc.links {
        let target = match &link.target {
            None => page,
            Some(key) => match site.page_for(&page.lang, &config.default_lang, key) {
                Some((target, _)) => target,
                None if failed.contains(&(page.lang.clone(), key.clone()))
                    || failed.contains(&(config.default_lang.clone(), key.clone())) =>
                {
                    continue;
                }
                None => {
                    diags.push(Diagnostic::error(
                        &page.source,
                        link.position,
                        format!("link to a page that does not exist: `{}`", link.dest),
                    ));
                    continue;
                }
            },
        };
        let missing = link.anchor.as_ref().filter(|a| !a.is_empty() && !target.doc.anchors.contains(*a));
        if let Some(anchor) = missing {
            let mut message =
                format!("link to an anchor that does not exist: `#{anchor}` in {}", target.source.display());
            let nearest = nearest_anchors(anchor, &target.doc.anchors);
            if !nearest.is_empty() {
                let list: Vec<String> = nearest.iter().map(|a| format!("#{a}")).collect();
                message.push_str(&format!("; did you mean {}?", list.join(" or ")));
            }
            diags.push(Diagnostic::error(&page.source, link.position, message));
        }
    }
}

/// Images by site path that are not there, like broken links, looked for
/// where such files come from: a language folder, the site's `static/` or
/// the theme's. (Images beside the page are checked with the other files
/// beside it, in `files`.)
fn images(config: &Config, site: &Site) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for page in site.pages.values().flat_map(|pages| pages.values()) {
        for file in &page.doc.site_images {
            let in_language = file
                .path
                .split_once('/')
                .filter(|(lang, _)| config.language(&Lang::new(*lang)).is_some())
                .map(|(lang, rest)| config.content_dir().join(lang).join(rest));
            let found = in_language
                .iter()
                .chain(&[
                    config.root.join("static").join(&file.path),
                    config.theme_dir().join("static").join(&file.path),
                ])
                .any(|p| p.is_file());
            if !found {
                let message = format!(
                    "image that does not exist: `{}` (looked in static/, the theme's static/ and content/)",
                    file.dest
                );
                diags.push(Diagnostic::error(&page.source, file.position, message));
            }
        }
    }
    diags
}

/// The page's ids closest to an anchor that is not there: first those
/// that differ only in punctuation (GitHub writes `dont-tolerate` where
/// Signpost writes `don-t-tolerate`), else those within a few edits.
fn nearest_anchors<'a>(anchor: &str, anchors: &'a BTreeSet<String>) -> Vec<&'a str> {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let wanted = letters(anchor);
    let same: Vec<&str> = anchors.iter().filter(|a| letters(a) == wanted).map(String::as_str).collect();
    if !same.is_empty() {
        return same;
    }
    let limit = (anchor.chars().count() / 4).clamp(1, 3);
    let mut close: Vec<(usize, &str)> =
        anchors.iter().map(|a| (distance(anchor, a), a.as_str())).filter(|(d, _)| *d <= limit).collect();
    close.sort();
    close.into_iter().take(3).map(|(_, a)| a).collect()
}

/// Levenshtein distance, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

fn navigation(config: &Config, site: &Site, diags: &mut Diagnostics) {
    for entry in &config.navigation {
        if site.page(&config.default_lang, &entry.key).is_none() {
            let position = locate(&config.text, &entry.file);
            let message =
                format!("navigation entry `{}` is not a page in content/{}/", entry.file, config.default_lang);
            diags.push(Diagnostic::error(Path::new(CONFIG_FILE), position, message));
        }
    }
}
