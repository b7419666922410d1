//! The resource library: listings and their order, pagination, filter
//! pages, resource pages, escaping, feeds, audience pages, the data the
//! browser script reads, and bad catalogue input.
//!
//! The fixture has seven resources and a page size of 3; their facts are
//! in tests/fixtures/library/site/content/catalogue/resources.yaml.

use insta::assert_snapshot;

use crate::support::{SiteTest, main_of};

fn built() -> SiteTest {
    let site = SiteTest::fixture("library/site");
    site.build();
    site
}

/// Titles of the resources listed in a page, in order.
fn titles(html: &str) -> Vec<String> {
    let main = main_of(html);
    let marker = if main.contains(r#"<h2 class="resource-title">"#) {
        r#"<h2 class="resource-title">"#
    } else {
        r#"<h3 class="resource-title">"#
    };
    main.split(marker)
        .skip(1)
        .map(|s| s.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn library_lists_newest_year_first_then_title_paginated() {
    let site = built();
    let page1 = site.page("en/resources/index.html");
    assert_eq!(titles(&page1), ["Zeta Kit", "Beta Tool", "Delta Guide"]);
    assert!(page1.contains("Displaying 1–3 of 7"));
    assert!(page1.contains(r#"<a rel="next" href="/en/resources/page/2/">"#));
    assert_eq!(titles(&site.page("en/resources/page/2/index.html")), ["Alpha Guide", "Eta Notes", "Gamma Reading"]);
    let page3 = site.page("en/resources/page/3/index.html");
    assert_eq!(titles(&page3), ["Epsilon Report"]);
    assert!(page3.contains("Displaying 7–7 of 7"));
    assert!(!site.output().join("en/resources/page/4").exists());
}

#[test]
fn single_filter_pages_work_without_javascript() {
    let site = built();
    let kg = site.page("en/resources/category/key-guidance/index.html");
    assert_eq!(titles(&kg), ["Delta Guide", "Alpha Guide", "Eta Notes"]);
    assert!(kg.contains("Displaying 1–3 of 3"));
    assert!(kg.contains(r#"<a href="/en/resources/category/key-guidance/" data-value="key-guidance" aria-current="page">Key Guidance <span class="count">3</span></a>"#));
    // Any language without a value of its own counts as "Other".
    assert_eq!(titles(&site.page("en/resources/language/other/index.html")), ["Gamma Reading"]);
    assert_eq!(titles(&site.page("en/resources/audience/governments/index.html")), ["Alpha Guide", "Epsilon Report"]);
    assert!(site.page("en/resources/audience/donors/page/2/index.html").contains("Displaying 4–4 of 4"));
}

#[test]
fn counts_are_grammatical_in_each_language() {
    let site = built();
    assert!(site.page("fr/resources/index.html").contains("Affichage de 1 à 3 sur 7"));
    let ar = site.page("ar/resources/index.html");
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(ar.contains("عرض 1–3 من أصل 7 نتائج"), "Arabic 'few' form");
}

#[test]
fn resource_page_has_citation_links_and_schema_org() {
    let site = built();
    let en = site.page("en/resources/alpha-guide/index.html");
    // Organisation and year stay out of the heading: one title, one direction.
    assert!(en.contains(
        r#"<h1>Alpha Guide</h1>
<p class="citation" dir="auto">Org0 (2020)</p>"#
    ));
    // A labelled link says which language its document is in.
    assert!(en.contains(
        r#"<a href="https://example.org/alpha-guide/ar" hreflang="ar" rel="noopener">Executive summary (Arabic)</a>"#
    ));
    let json = en.split(r#"<script type="application/ld+json">"#).nth(1).unwrap().split("</script>").next().unwrap();
    let ld: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(ld["@type"], "CreativeWork");
    assert_eq!(ld["author"]["name"], "Org0");
    assert_eq!(ld["datePublished"], "2020");
    // The official French title and the French summary.
    let fr = site.page("fr/resources/alpha-guide/index.html");
    assert!(fr.contains(r#"<h1>Guide Alpha</h1>"#));
    assert!(fr.contains("Résumé du guide Alpha."));
    assert!(fr.contains(">Accéder en anglais</a>"));
    assert!(fr.contains(">Executive summary (arabe)</a>"));
    // Untranslated text keeps its language.
    let ar = site.page("ar/resources/beta-tool/index.html");
    assert!(ar.contains(r#"<p class="summary" lang="en" dir="ltr">Summary of Beta Tool.</p>"#));
}

#[test]
fn arabic_lists_take_the_arabic_comma() {
    let site = built();
    let ar = main_of(&site.page("ar/resources/alpha-guide/index.html")).to_string();
    assert!(ar.contains("الجهات المانحة، الحكومات") || ar.contains("الحكومات، الجهات المانحة"), "{ar}");
    assert!(!ar.contains("الحكومات, "), "no Latin comma between Arabic words");
    let en = site.page("en/resources/alpha-guide/index.html");
    assert!(en.contains("Donors, Governments") || en.contains("Governments, Donors"));
}

#[test]
fn library_and_search_pages_have_a_description_and_a_locale() {
    let site = built();
    for page in ["en/resources/index.html", "en/search/index.html", "ar/resources/index.html"] {
        assert!(site.page(page).contains(r#"<meta name="description" content=""#), "{page}");
    }
    assert!(site.page("ar/resources/index.html").contains(r#"<meta property="og:locale" content="ar_AR">"#));
    assert!(site.page("en/search/index.html").contains(r#"<meta property="og:locale" content="en_US">"#));
    // One search box on the search page: its own.
    assert_eq!(site.page("en/search/index.html").matches(r#"type="search""#).count(), 1);
}

#[test]
fn html_in_catalogue_text_is_shown_as_text() {
    let site = built();
    for page in ["en/resources/epsilon-report/index.html", "en/resources/page/3/index.html"] {
        let html = site.page(page);
        assert!(
            html.contains("Watch &lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;")
                || html.contains("Watch &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
            "{page}"
        );
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<b>bold</b>"), "{page}");
    }
    let items = site.page("_library/en/0.json");
    assert!(!items.contains("<script>alert"), "cards carry the template's escaped HTML");
    assert!(items.contains("Watch &lt;script&gt;"), "{items}");
}

#[test]
fn component_pages_list_their_resources() {
    let site = built();
    let plan = site.page("en/guidance/plan/index.html");
    let main = main_of(&plan);
    assert!(main.contains("Displaying 1–3 of 4"), "{main}");
    assert_eq!(titles(&plan), ["Delta Guide", "Alpha Guide", "Eta Notes"]);
    assert!(main.contains(r#"<a href="/en/resources/component/plan/">See all 4 resources</a>"#));
    assert_eq!(titles(&site.page("en/resources/component/plan/page/2/index.html")), ["Gamma Reading"]);
}

#[test]
fn audience_pages_gather_guidance_and_resources() {
    let site = built();
    let donors = site.page("en/audiences/donors/index.html");
    assert!(donors.contains("<h1>For donors</h1>"));
    assert!(donors.contains(r#"<a href="/en/guidance/plan/">Plan</a>"#));
    assert!(main_of(&donors).contains("Displaying 1–3 of 4"));
    assert!(site.page("fr/audiences/donors/index.html").contains("<h1>Pour les bailleurs de fonds</h1>"));
}

#[test]
fn atom_feed_lists_recent_additions() {
    let site = built();
    let feed = site.page("en/resources/feed.xml");
    assert!(feed.starts_with("<?xml"));
    assert!(feed.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">"#));
    assert_eq!(feed.matches("<entry>").count(), 7);
    // Eta (2024-07-16) was added last; Alpha (2024-01-10) first.
    let eta = feed.find("Eta Notes").unwrap();
    let alpha = feed.find("Alpha Guide").unwrap();
    assert!(eta < alpha);
    assert!(feed.contains("<updated>2024-07-16T00:00:00Z</updated>"));
    assert!(site.page("fr/resources/feed.xml").contains("Guide Alpha"));
}

#[test]
fn browser_data_packs_every_combination() {
    let site = built();
    let json = |path: &str| -> serde_json::Value {
        serde_json::from_str(&site.page(&format!("_library/{path}.json"))).unwrap()
    };
    // A state's number: each facet's value index (0: not chosen), category
    // slowest; 3 categories, 3 audiences, 4 languages; 64 states a pack.
    let entry = |kind: &str, scope: &str, [c, a, l]: [usize; 3]| {
        let n = (c * 4 + a) * 5 + l;
        json(&format!("{kind}/{scope}/{}", n / 64))[n % 64].clone()
    };
    let sums = |differences: &serde_json::Value| -> Vec<u64> {
        let mut last = 0;
        differences
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, d)| {
                last = if i == 0 { d.as_u64().unwrap() } else { last + d.as_u64().unwrap() };
                last
            })
            .collect()
    };
    // The title in a card, as the theme's template rendered it.
    let titles = |lang: &str, ordinals: &[u64]| -> Vec<String> {
        let cards = json(&format!("{lang}/0"));
        ordinals
            .iter()
            .map(|&i| {
                let html = cards[i as usize].as_str().unwrap();
                let after = &html[html.find("class=\"resource-title\"").unwrap()..];
                let after = &after[after.find("<a ").unwrap()..];
                let after = &after[after.find('>').unwrap() + 1..];
                after[..after.find("</a>").unwrap()].to_string()
            })
            .collect()
    };
    let everything = entry("states", "_", [0, 0, 0]);
    assert_eq!(everything[0], 7);
    assert_eq!(
        titles("en", &sums(&everything[2])),
        ["Zeta Kit", "Beta Tool", "Delta Guide"],
        "the first page, as listed"
    );
    // Key Guidance + Donors + Arabic: Delta and Alpha; beside each value,
    // what choosing it instead would give (vocabulary order).
    let kda = entry("states", "_", [1, 3, 3]);
    assert_eq!(kda[0], 2);
    assert_eq!(titles("en", &sums(&kda[2])), ["Delta Guide", "Alpha Guide"]);
    assert_eq!(kda[1], serde_json::json!([[2, 2, 0], [0, 1, 2], [1, 0, 2, 0]]));
    assert_eq!(entry("states", "_", [2, 1, 0])[0], 2);
    assert_eq!(entry("states", "_", [3, 1, 0])[0], 0, "empty combinations have an entry too");
    assert_eq!(titles("fr", &sums(&kda[2])), ["Delta Guide", "Guide Alpha"]);
    // A component page's own scope.
    let plan = entry("states", "plan", [0, 0, 0]);
    assert_eq!(plan[0], 4);
    assert_eq!(titles("en", &sums(&plan[2])), ["Delta Guide", "Alpha Guide", "Eta Notes"]);
    // Later pages: the whole list, first as is, then differences.
    assert_eq!(entry("list", "plan", [0, 0, 0]), serde_json::json!([2, 1, 1, 1]));
    // Gamma, 6th in catalogue order (index 5), is the only one in "other".
    assert_eq!(entry("list", "_", [0, 0, 4]), serde_json::json!([5]));
    // The cards are the theme's: the same markup as the listing pages.
    let listing = site.page("en/resources/page/3/index.html");
    let card = json("en/0")[6].as_str().unwrap().to_string();
    assert!(listing.contains(&card), "{card}");
}

#[test]
fn bad_catalogue_input_is_reported_all_at_once() {
    let run = SiteTest::fixture("library/errors").build_fails();
    assert_snapshot!(run.diagnostics());
}

#[test]
fn content_cannot_take_the_library_urls() {
    let site = SiteTest::fixture("library/site");
    site.write("content/en/resources/_index.md", "---\ntitle: Mine\n---\n");
    let run = site.build_fails();
    assert!(
        run.stderr.contains(
            "content/en/resources/_index.md:1:1: error: `resources/` is where Signpost writes pages of its own: move this page elsewhere"
        ),
        "{}",
        run.stderr
    );
}
