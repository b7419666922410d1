//! Downloads: the whole-toolkit print page, the offline copy and the list
//! "Save for offline reading" stores, on the multilingual fixture (whose
//! `base_url` has a path, `/kb/`).

use std::collections::HashSet;
use std::io::Read;

use crate::support::SiteTest;

const DOWNLOADS: &str = "downloads:\n  offline: true\n  service_worker: true\n";

fn with_downloads() -> SiteTest {
    let site = SiteTest::fixture("site/multilingual");
    let yaml = std::fs::read_to_string(site.root.join("signpost.yaml")).unwrap();
    site.write("signpost.yaml", format!("{yaml}{DOWNLOADS}"));
    site
}

/// Every `id` and every in-document link target of a page.
fn ids_and_anchors(html: &str) -> (Vec<&str>, Vec<&str>) {
    let values = |attr: &str| -> Vec<&str> {
        html.match_indices(attr).map(|(i, _)| &html[i + attr.len()..]).map(|v| &v[..v.find('"').unwrap()]).collect()
    };
    (values(" id=\""), values("href=\"#"))
}

#[test]
fn print_page_is_the_navigation_in_order_with_working_anchors() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let fr = site.page("fr/print/index.html");
    // Navigation order: home, step one (translated), step two (English,
    // marked as such).
    let titles = ["id=\"c1-title\"", "id=\"c2-title\">Étape un<", "id=\"c3-title\">Step two<"];
    let positions: Vec<usize> = titles.iter().map(|t| fr.find(t).unwrap_or_else(|| panic!("{t}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(fr.contains(r#"<article class="chapter" id="c3""#));
    assert!(fr.contains(r#"<div class="content" lang="en" dir="ltr">"#), "fallback chapter marked");
    // A link to another page of the book becomes an anchor in the document.
    assert!(fr.contains(r##"href="#c3-details""##));
    assert!(!fr.contains("<details"), "sections are open");

    let en = site.page("en/print/index.html");
    assert!(en.contains(r##"href="#c2-fn-plan""##), "footnotes numbered per chapter");
    assert!(en.contains(r#"href="/kb/en/about/""#), "a page outside the book keeps its URL");
    for html in [&fr, &en] {
        let (ids, anchors) = ids_and_anchors(html);
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "ids are unique");
        for anchor in anchors {
            assert!(unique.contains(anchor), "#{anchor} leads nowhere");
        }
    }
}

fn zip_entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

#[test]
fn offline_copy_has_relative_links_and_the_same_bytes_twice() {
    let site = with_downloads();
    site.build();
    let zip = site.output().join("fr/field-guide-offline.zip");
    let first = std::fs::read(&zip).unwrap();
    site.build();
    assert!(first == std::fs::read(&zip).unwrap(), "two builds give the same zip");
    assert!(site.output().join("field-guide-offline.zip").is_file(), "the copy with every language");

    let entries = zip_entries(&first);
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "entries in path order");
    for wanted in
        ["index.html", "style.css", "offline-fetch.js", "fr/index.html", "fr/search/index.html", "_offline/fr.js"]
    {
        assert!(names.contains(&format!("field-guide-fr/{wanted}").as_str()), "{wanted}");
    }
    assert!(!names.iter().any(|n| n.starts_with("field-guide-fr/en/") || n.ends_with(".zip")), "{names:?}");
    let page = |name: &str| &entries.iter().find(|(n, _)| n == &format!("field-guide-fr/{name}")).unwrap().1;
    let one = page("fr/guide/one/index.html");
    assert!(one.contains(r#"href="../../../fr/guide/two/index.html#details""#), "folder links end in index.html");
    assert!(one.contains(r#"href="../../../style.css""#));
    assert!(one.contains(r#"href="https://example.org/kb/en/guide/one/""#), "other languages stay online");
    for (name, text) in entries.iter().filter(|(n, _)| n.ends_with(".html")) {
        // offline-fetch.js is told the base path, to map search results to files.
        let text = text.replace(r#"data-base="/kb/""#, "");
        assert!(!text.contains("=\"/kb/") && !text.contains("&quot;/kb/"), "{name} keeps a site path");
    }
    let search = page("fr/search/index.html");
    assert!(search.contains(r#"<script src="../../_offline/fr.js"></script>"#));
    assert!(page("_offline/fr.js").contains("\"_search/fr/meta.json\":"));
}

#[test]
fn save_list_holds_the_language_and_its_size() {
    let site = with_downloads();
    site.build();
    let list: serde_json::Value = serde_json::from_str(&site.page("ar/offline.json")).unwrap();
    let urls: Vec<&str> = list["urls"].as_array().unwrap().iter().map(|u| u.as_str().unwrap()).collect();
    for wanted in
        ["/kb/ar/", "/kb/ar/guide/one/", "/kb/ar/search/", "/kb/ar/print/", "/kb/style.css", "/kb/_search/ar/meta.json"]
    {
        assert!(urls.contains(&wanted), "{wanted} in {urls:?}");
    }
    assert!(!urls.iter().any(|u| u.starts_with("/kb/en/") || u.ends_with("sw.js")), "{urls:?}");
    let size = |url: &str| {
        let path = url.strip_prefix("/kb/").unwrap();
        let path = if path.ends_with('/') || path.is_empty() { format!("{path}index.html") } else { path.to_string() };
        std::fs::metadata(site.output().join(path)).unwrap().len()
    };
    assert_eq!(list["bytes"].as_u64().unwrap(), urls.iter().map(|u| size(u)).sum::<u64>());
    let home = site.page("ar/index.html");
    assert!(home.contains(r#"data-list="/kb/ar/offline.json""#));
    assert!(home.contains(r#"href="/kb/ar/field-guide-offline.zip""#));
}

#[test]
fn without_downloads_no_zip_and_no_button() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    assert!(!site.output().join("fr/field-guide-offline.zip").exists());
    assert!(!site.output().join("fr/offline.json").exists());
    let home = site.page("fr/index.html");
    assert!(home.contains(r#"href="/kb/fr/print/""#), "the print page is always linked");
    assert!(!home.contains("data-save-offline"));
}

#[test]
fn misspelt_download_key_is_located() {
    let site = SiteTest::fixture("site/multilingual");
    let yaml = std::fs::read_to_string(site.root.join("signpost.yaml")).unwrap();
    let line = yaml.lines().count() + 2;
    site.write("signpost.yaml", format!("{yaml}downloads:\n  ofline: true\n"));
    let run = site.build_fails();
    assert!(
        run.stderr.contains(&format!("signpost.yaml:{line}:3: error: downloads: unknown field `ofline`")),
        "{}",
        run.stderr
    );
}
