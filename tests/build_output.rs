//! What a successful build writes: languages, directions, fallbacks,
//! switchers, alternates, sitemap, and byte-identical rebuilds.

use crate::support::{SiteTest, main_of, snapshot_tree};

#[test]
fn every_language_gets_every_page() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    for lang in ["en", "fr", "ar"] {
        for page in
            ["index.html", "guide/index.html", "guide/one/index.html", "guide/two/index.html", "about/index.html"]
        {
            assert!(site.output().join(lang).join(page).is_file(), "{lang}/{page} missing");
        }
    }
    assert!(!site.output().join("en/guide/draft").exists(), "drafts are left out");
}

#[test]
fn arabic_is_right_to_left() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    assert!(site.page("ar/index.html").contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(site.page("fr/index.html").contains(r#"<html lang="fr" dir="ltr">"#));
}

#[test]
fn untranslated_page_falls_back_with_notice_and_lang() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let html = site.page("ar/guide/one/index.html");
    let main = main_of(&html);
    assert!(main.contains("لم تُترجم هذه الصفحة إلى العربية بعد"), "notice in the reader's language:\n{main}");
    // The original's language is named in Arabic, not as "English".
    assert!(main.contains("بلغتها الأصلية: الإنجليزية."), "{main}");
    assert!(main.contains(r#"<div class="content" lang="en" dir="ltr">"#), "untranslated text marked as English");
    assert!(main.contains("Step one"), "English text shown");
    // No hreflang announces the fallback as an Arabic translation.
    assert!(!html.contains(r#"hreflang="ar" href"#), "{html}");
    assert!(html.contains(r#"<link rel="alternate" hreflang="fr" href="https://example.org/kb/fr/guide/one/">"#));
    // The fallback's canonical page is the English original.
    assert!(html.contains(r#"<link rel="canonical" href="https://example.org/kb/en/guide/one/">"#));
    // A translated page has no notice.
    assert!(!main_of(&site.page("fr/guide/one/index.html")).contains(r#"class="notice""#));
}

#[test]
fn untranslated_navigation_items_keep_the_readers_direction() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let html = site.page("ar/guide/two/index.html");
    let nav =
        html.split(r#"<nav class="toolkit-nav""#).nth(1).expect("toolkit navigation").split("</nav>").next().unwrap();
    // The link stays in the menu's direction (right-aligned in Arabic); only
    // its English text is marked, inside it.
    assert!(nav.contains(r#"/"><span class="fallback" lang="en" dir="ltr">"#), "{nav}");
    assert!(!nav.contains(r#"<a href="/kb/ar/guide/one/" lang="en""#), "{nav}");
}

#[test]
fn guidance_pages_have_breadcrumbs_json_ld_and_a_locale() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let html = site.page("fr/guide/one/index.html");
    assert!(
        html.contains(
            r#"<nav class="breadcrumbs" aria-label="Fil d’Ariane"><ol><li><a href="/kb/fr/">Accueil</a></li>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<meta property="og:locale" content="fr_FR">"#));
    assert!(html.contains(r#"<meta property="og:image" content="https://example.org/kb/og-image.png">"#));
    let json = html.split(r#"<script type="application/ld+json">"#).nth(1).unwrap().split("</script>").next().unwrap();
    let ld: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(ld["@type"], "Article");
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(ld["url"], "https://example.org/kb/fr/guide/one/");
    // The `updated` date is shown, and printed at the foot of the page.
    let two = site.page("en/guide/two/index.html");
    assert!(two.contains(r#"<p class="updated"><time datetime="2026-11-23">Updated 2026-11-23</time></p>"#), "{two}");
    assert!(two.contains(" · Updated 2026-11-23</p>"));
    let ld = two.split(r#"<script type="application/ld+json">"#).nth(1).unwrap().split("</script>").next().unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(ld).unwrap()["dateModified"], "2026-11-23");
}

#[test]
fn links_lead_to_the_readers_language() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    // English text shown in the Arabic site links to Arabic pages.
    let ar = site.page("ar/guide/one/index.html");
    assert!(ar.contains(r#"href="/kb/ar/guide/two/#details""#), "{}", main_of(&ar));
    assert!(ar.contains(r#"href="/kb/ar/about/""#));
    let fr = site.page("fr/index.html");
    assert!(fr.contains(r#"href="/kb/fr/guide/one/#how""#));
    assert!(fr.contains(r#"href="/kb/fr/guide/""#));
}

#[test]
fn switcher_leads_to_the_same_page_in_each_language() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let html = site.page("fr/guide/two/index.html");
    for (lang, name) in [("en", "English"), ("fr", "Français"), ("ar", "العربية")] {
        let link = format!(r#"<a href="/kb/{lang}/guide/two/" lang="{lang}""#);
        assert!(html.contains(&link), "switcher link to {name} missing");
    }
    assert!(html.contains(r#"hreflang="fr" aria-current="page">Français</a>"#));
}

#[test]
fn sections_list_pages_by_order_with_plural_counts() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let en = site.page("en/guide/index.html");
    let one = en.find("Step one").unwrap();
    let two = en.find("Step two").unwrap();
    assert!(one < two, "order 1 before order 2");
    assert!(en.contains("(2 pages)"));
    assert!(site.page("fr/guide/index.html").contains("(2 pages)"));
    assert!(site.page("ar/guide/index.html").contains("(صفحتان)"), "Arabic dual");
}

#[test]
fn markdown_extensions_are_on() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let main = main_of(&site.page("en/guide/one/index.html")).to_string();
    assert!(main.contains("<table>"), "tables");
    assert!(main.contains("“quoted” phrase – with dashes"), "smart punctuation: {main}");
    assert!(main.contains(r##"<a href="#fn-plan" id="fnref-plan" role="doc-noteref">1</a>"##), "footnote reference");
    assert!(main.contains(r#"<li id="fn-plan" value="1">"#), "footnote definition");
    assert!(main.contains(r#"<details class="section">"#), "collapsible section");
    assert!(main.contains(r#"<div class="section-body" id="how">"#), "its id inside, so #how opens it");
    let about = main_of(&site.page("en/about/index.html")).to_string();
    assert!(about.contains(r#"<h2 id="who-we-are">"#), "heading id from its words");
}

#[test]
fn root_index_sitemap_robots_and_404() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let root = site.page("index.html");
    // Works without JavaScript: plain links to every language.
    for lang in ["en", "fr", "ar"] {
        assert!(root.contains(&format!(r#"<a href="/kb/{lang}/" lang="{lang}""#)));
    }
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/kb/fr/guide/one/</loc>"));
    assert!(
        sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/kb/fr/guide/one/"/>"#)
    );
    assert!(!sitemap.contains("<loc>https://example.org/kb/ar/guide/one/</loc>"), "fallbacks are not listed");
    assert!(site.page("robots.txt").contains("Sitemap: https://example.org/kb/sitemap.xml"));
    assert!(site.page("404.html").contains("Page not found"));
}

#[test]
fn rebuilds_are_byte_identical() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let first = snapshot_tree(&site.output());
    site.build();
    let second = snapshot_tree(&site.output());
    assert!(!first.is_empty());
    assert_eq!(first.len(), second.len());
    for ((path_a, a), (path_b, b)) in first.iter().zip(&second) {
        assert_eq!(path_a, path_b);
        assert!(a == b, "{path_a} differs between two builds");
    }
}

#[test]
fn bom_and_crlf_are_fine() {
    let site = SiteTest::fixture("site/multilingual");
    site.write("content/en/about.md", "\u{feff}---\r\ntitle: About\r\n---\r\n\r\nWindows [link](guide/one.md).\r\n");
    site.build();
    assert!(site.page("en/about/index.html").contains(r#"<a href="/kb/en/guide/one/">link</a>"#));
}

#[test]
fn static_files_and_page_assets_are_copied() {
    let site = SiteTest::fixture("site/multilingual");
    site.write("content/en/guide/chart.svg", "<svg/>");
    site.write(
        "content/en/guide/two.md",
        "---\ntitle: Step two\n---\n\n![chart](chart.svg)\n\n## Details {#details}\n",
    );
    site.write("static/extra.css", "body{}");
    site.build();
    assert!(site.output().join("en/guide/chart.svg").is_file());
    assert!(site.output().join("extra.css").is_file());
    assert!(site.output().join("style.css").is_file(), "theme static files");
    assert!(
        site.page("fr/guide/two/index.html").contains(r#"src="/kb/en/guide/chart.svg""#),
        "asset of a fallback page"
    );
}

#[test]
fn site_templates_override_the_theme() {
    let site = SiteTest::fixture("site/multilingual");
    site.write("templates/404.html", "custom 404 {{ site.title }}");
    site.build();
    assert_eq!(site.page("404.html"), "custom 404 Field Guide");
}

#[test]
fn bundled_site_builds_without_warnings() {
    let site = SiteTest::bundled();
    let run = site.build();
    let warnings: Vec<_> = run.stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert!(site.page("ar/guidance/advocate-coordinate-network/index.html").contains(r#"dir="rtl""#));
}
