//! "Save for offline reading": what the service worker stores for one
//! language, `<lang>/offline.json`, written from the staged files so that
//! the button on the toolkit home can say how much it will download.
//!
//! The list holds the language's pages (its own and the fallbacks it
//! shows), its search and print pages, the theme's files at the top of the
//! site, and the files `search.js` reads; not the resource library's
//! listings, which the online site serves. The page never caches anything
//! itself: the theme's `save-offline.js` registers `sw.js` only when the
//! reader presses the button, and the service worker then fetches the list.

use serde_json::json;

use super::Files;
use crate::config::Config;
use crate::model::{Lang, Site};
use crate::render::{print, search_page};

/// `{"lang", "bytes", "urls"}`: the URLs as the server answers them
/// (folders for pages), and their total size in bytes.
pub fn list(config: &Config, site: &Site, files: &Files, lang: &Lang) -> String {
    let base = &config.base_path;
    let mut urls: Vec<(String, u64)> = Vec::new();
    let page = |url: String| {
        let path = format!("{}index.html", url.strip_prefix(base.as_str()).unwrap_or(&url));
        files.get(&path).map(|&size| (url, size))
    };
    let pages = site.keys_for(lang, &config.default_lang).into_iter().map(|key| config.page_url(lang, key));
    let extra = [search_page::url(base, lang), print::url(base, lang)];
    urls.extend(pages.chain(extra).filter_map(page));
    let top = files.iter().filter(|(path, _)| !path.contains('/') && is_theme_file(path));
    let search = super::copy::search_files(files, lang).into_iter().filter_map(|p| files.get_key_value(p));
    urls.extend(top.chain(search).map(|(path, &size)| (format!("{base}{path}"), size)));
    let bytes: u64 = urls.iter().map(|(_, size)| size).sum();
    json!({
        "lang": lang.as_str(),
        "bytes": bytes,
        "urls": urls.into_iter().map(|(url, _)| url).collect::<Vec<_>>(),
    })
    .to_string()
}

/// A style sheet, script or image the pages load, not a page, feed or
/// download of its own (nor the service worker, which the browser keeps).
fn is_theme_file(path: &str) -> bool {
    let ext = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    !matches!(ext, "html" | "xml" | "txt" | "zip" | "pdf" | "json" | "") && path != crate::config::SAVE_SCRIPT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_files_only() {
        assert!(is_theme_file("style.css"));
        assert!(is_theme_file("search.js"));
        assert!(!is_theme_file(crate::config::SAVE_SCRIPT));
        assert!(!is_theme_file("index.html"));
        assert!(!is_theme_file("site-offline.zip"));
    }
}
