//! `signpost check`: everything `build` validates, without writing
//! anything, plus what a build lets pass but an author wants to know:
//!
//! - pages no navigation, section list or link reaches (warning);
//! - two pages of one section with the same title (warning);
//! - interface strings a template uses that a language lacks (warning; an
//!   error in the default language, which has nothing to fall back on);
//! - resource access links to a bare domain, not the document (warning).
//!
//! Pages are rendered in memory, so template errors are found too; the
//! library's pages, feeds and the search index are left to `build`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use crate::i18n::Strings;
use crate::model::{Catalogue, Lang, Page, PageKey, Site};
use crate::render::Templates;
use crate::yaml::positions::Positions;
use crate::{BuildOptions, Failure, Prepared};

/// What `check` found, sorted; errors and warnings.
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// Pages checked, in all languages (translations, not fallback copies).
    pub pages: usize,
}

pub fn check(options: &BuildOptions) -> Result<Checked, Failure> {
    let (prepared, mut diags) = crate::prepare(options)?;
    let Prepared { config, strings, templates, site, catalogue, assembled, .. } = &prepared;
    diags.extend(unreachable(config, site, catalogue.is_some()));
    diags.extend(duplicate_titles(config, site));
    if let Some(catalogue) = catalogue {
        diags.extend(bare_domain_links(config, catalogue));
    }
    if let Some(templates) = templates {
        diags.extend(template_strings(config, templates, strings));
        if !diags.has_errors() {
            diags.extend(render(config, site, catalogue.as_ref(), assembled, templates, strings));
        }
    }
    let pages = site.pages.values().map(|p| p.len()).sum();
    Ok(Checked { diagnostics: diags.into_sorted(), pages })
}

/// Pages of each language that nothing leads to: not the home page, the
/// navigation, their section's list, an audience page or a link.
fn unreachable(config: &Config, site: &Site, has_library: bool) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (lang, own) in &site.pages {
        let keys: BTreeSet<&PageKey> = site.keys_for(lang, &config.default_lang).into_iter().collect();
        let mut reached: BTreeSet<&PageKey> = BTreeSet::new();
        let mut queue: VecDeque<&PageKey> = VecDeque::new();
        let home = PageKey::new("");
        let starts = keys.iter().copied().filter(|k| **k == home || config.navigation.iter().any(|n| n.key == **k));
        queue.extend(starts);
        while let Some(key) = queue.pop_front() {
            if !reached.insert(key) {
                continue;
            }
            let Some((page, _)) = site.page_for(lang, &config.default_lang, key) else { continue };
            let linked = page.doc.links.iter().filter_map(|l| l.target.as_ref());
            let listed = keys.iter().copied().filter(|k| page.is_section && k.parent().as_ref() == Some(key));
            queue.extend(linked.filter_map(|t| keys.get(t).copied()).chain(listed));
        }
        for (key, page) in own {
            let on_audience_page = has_library && !page.front.audience.is_empty();
            if !reached.contains(key) && !on_audience_page {
                let message = "no navigation entry, section list or link leads to this page";
                diags.push(Diagnostic::warning(&page.source, (1, 1), message));
            }
        }
    }
    diags
}

/// Two pages of one section, in one language, with the same title: readers
/// cannot tell them apart in the section's list.
fn duplicate_titles(config: &Config, site: &Site) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for own in site.pages.values() {
        let mut seen: BTreeMap<(Option<PageKey>, String), &Page> = BTreeMap::new();
        for page in own.values() {
            let title = page.front.title.trim().to_lowercase();
            match seen.get(&(page.key.parent(), title.clone())) {
                Some(first) => {
                    let message = format!(
                        "another page of this section has the same title, `{}`: {}",
                        page.front.title.trim(),
                        first.source.display()
                    );
                    diags.push(Diagnostic::warning(&page.source, title_position(config, &page.source), message));
                }
                None => {
                    seen.insert((page.key.parent(), title), page);
                }
            }
        }
    }
    diags
}

/// Line of `title:` in a page's front matter.
fn title_position(config: &Config, source: &Path) -> (usize, usize) {
    let text = crate::load::read_text(&config.root, source).unwrap_or_default();
    text.lines().position(|l| l.starts_with("title:")).map_or((1, 1), |n| (n + 1, 1))
}

/// Access links to a site's home page (`https://www.who.int/`): a reader who
/// clicks "Access in Arabic" expects the document, in Arabic. Positions are
/// read only for a file that has such a link.
fn bare_domain_links(config: &Config, catalogue: &Catalogue) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut files: BTreeMap<&Path, Positions> = BTreeMap::new();
    for resource in &catalogue.resources {
        for (i, link) in resource.links.iter().enumerate().filter(|(_, l)| is_bare_domain(&l.url)) {
            let positions = files.entry(&resource.file).or_insert_with(|| {
                Positions::new(crate::load::read_text(&config.root, &resource.file).unwrap_or_default())
            });
            let message = format!("access link is a bare domain: {} — link the document itself", link.url);
            diags.push(Diagnostic::warning(
                &resource.file,
                positions.get(&format!("{}.links[{i}].url", resource.path)),
                message,
            ));
        }
    }
    diags
}

/// A URL whose path is empty or `/`, with no query (`?id=12` names a document).
fn is_bare_domain(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else { return false };
    let rest = rest.split('#').next().unwrap_or_default();
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    !rest.contains('?') && (path.is_empty() || path == "/")
}

/// `t(key="...")` in the templates, against each language's strings.
fn template_strings(config: &Config, templates: &Templates, strings: &Strings) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (path, text) in templates.sources() {
        let lines = LineIndex::new(text);
        for (offset, id) in string_uses(text) {
            let position = lines.position(text, offset);
            for lang in config.langs().filter(|l| !strings.has(l, id)) {
                if *lang == config.default_lang {
                    let message = format!("interface string `{id}` is not in {}", crate::i18n::file_of(lang).display());
                    diags.push(Diagnostic::error(path, position, message));
                } else {
                    let message = format!(
                        "interface string `{id}` is missing in {}: readers see the {} text",
                        crate::i18n::file_of(lang).display(),
                        config.default_lang
                    );
                    diags.push(Diagnostic::warning(path, position, message));
                }
            }
        }
    }
    diags
}

/// Byte offset and id of each `t(key="id"` in a template.
fn string_uses(text: &str) -> Vec<(usize, &str)> {
    let mut uses = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("t(key=") {
        let start = from + at;
        from = start + 6;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `format(key=` and the like.
        }
        let rest = &text[from..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        if let Some(end) = rest[1..].find(quote) {
            // `t(key="filter-" ~ facet)` builds its id at render time.
            let dynamic = rest[2 + end..].trim_start().starts_with('~');
            if !dynamic {
                uses.push((start, &rest[1..1 + end]));
            }
        }
    }
    uses
}

/// Every page of every language through the templates, in memory.
fn render(
    config: &Config,
    site: &Site,
    catalogue: Option<&crate::model::Catalogue>,
    assembled: &crate::assemble::Assembled,
    templates: &Templates,
    strings: &Arc<Strings>,
) -> Diagnostics {
    let langs: Vec<&Lang> = config.langs().collect();
    let found: Vec<Diagnostic> = langs
        .par_iter()
        .flat_map(|lang| {
            let keys: Vec<PageKey> = site.keys_for(lang, &config.default_lang).into_iter().cloned().collect();
            crate::render::pages(config, site, catalogue, assembled, templates, strings, lang, &keys)
                .into_iter()
                .filter_map(|(_, result)| result.err())
                .collect::<Vec<_>>()
        })
        .collect();
    // A template error shows on every page that uses the template; the
    // sorted diagnostics keep it once.
    let mut diags = Diagnostics::new();
    diags.extend(found);
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_string_uses() {
        let text = "{{ t(key=\"home\") }} {{ format(key=\"x\") }}\n{{ t(key='next', n=1) }} {{ t(key=\"f-\" ~ x) }}";
        let ids: Vec<&str> = string_uses(text).into_iter().map(|(_, id)| id).collect();
        assert_eq!(ids, ["home", "next"]);
    }

    #[test]
    fn bare_domains_are_urls_without_a_path() {
        for url in ["https://www.who.int/", "https://www.who.int", "http://example.org/#top"] {
            assert!(is_bare_domain(url), "{url}");
        }
        for url in ["https://iris.who.int/handle/10665/250239", "https://example.org/?id=12", "https://example.org/a/"]
        {
            assert!(!is_bare_domain(url), "{url}");
        }
    }
}
