//! Search quality on the bundled site: realistic queries in four
//! languages (words as written, other word forms, typos, words without
//! accents or with another Arabic spelling), each with the page that
//! answers it, judged from the content (where a resource answers as well as
//! the page, both are listed). The right page must be in the top 3 for at
//! least 9 queries in 10 in every language, and a resource searched by its
//! exact title must come first. `tests/browser/search.test.mjs` checks that
//! the browser returns the same results as `signpost search`.

use crate::support::SiteTest;

/// (language, query, acceptable pages), shared with the browser's test.
fn queries() -> Vec<(String, String, Vec<String>)> {
    let file: serde_json::Value = serde_json::from_str(include_str!("search-queries.json")).unwrap();
    serde_json::from_value(file["queries"].clone()).unwrap()
}

/// (language, a resource's exact title as the reader sees it, its page).
const TITLES: &[(&str, &str, &str)] = &[
    ("en", "PFA", "/en/resources/who-2011-psychological-first-aid/"),
    ("ar", "الإسعافات الأولية النفسية", "/ar/resources/who-2011-psychological-first-aid/"),
    ("en", "Psychological First Aid: Guide for Field Workers", "/en/resources/who-2011-psychological-first-aid/"),
    (
        "en",
        "mhGAP Humanitarian Intervention Guide",
        "/en/resources/who-unhcr-2015-mhgap-humanitarian-intervention-guide/",
    ),
    (
        "fr",
        "Guide d'intervention humanitaire mhGAP",
        "/fr/resources/who-unhcr-2015-mhgap-humanitarian-intervention-guide/",
    ),
    (
        "es",
        "Guía de intervención humanitaria mhGAP",
        "/es/resources/who-unhcr-2015-mhgap-humanitarian-intervention-guide/",
    ),
    (
        "ar",
        "mhGAP Humanitarian Intervention Guide",
        "/ar/resources/who-unhcr-2015-mhgap-humanitarian-intervention-guide/",
    ),
    (
        "es",
        "A Common Monitoring and Evaluation Framework for Mental Health and Psychosocial Support",
        "/es/resources/iasc-2017-common-monitoring-evaluation-framework/",
    ),
];

fn top(site: &SiteTest, lang: &str, query: &str, n: usize) -> Vec<String> {
    let run = site.run(&["search", query, "--lang", lang, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let response: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    response["results"]
        .as_array()
        .unwrap()
        .iter()
        .take(n)
        .map(|hit| hit["url"].as_str().unwrap().split('#').next().unwrap().to_string())
        .collect()
}

#[test]
fn the_right_page_is_in_the_top_three() {
    let site = SiteTest::bundled();
    site.build();
    let all = queries();
    for lang in ["en", "fr", "es", "ar"] {
        let queries: Vec<_> = all.iter().filter(|(l, _, _)| l == lang).collect();
        assert!(queries.len() >= 20, "{lang}: {} queries", queries.len());
        let missed: Vec<String> = queries
            .iter()
            .filter_map(|(_, query, pages)| {
                let found = top(&site, lang, query, 3);
                (!found.iter().any(|url| pages.contains(url))).then(|| format!("{query} → {found:?}"))
            })
            .collect();
        assert!(
            missed.len() * 10 <= queries.len(),
            "{lang}: {} of {} missed: {missed:#?}",
            missed.len(),
            queries.len()
        );
    }
    for (lang, title, page) in TITLES {
        assert_eq!(top(&site, lang, title, 1), [page.to_string()], "{lang}: {title}");
    }
}
