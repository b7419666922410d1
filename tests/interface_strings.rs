//! Interface strings: CLDR plural forms in each language, a site's strings
//! over the built-in ones message by message, and fallback to the default
//! language with a warning.

use signpost::config;
use signpost::i18n::Strings;
use signpost::model::Lang;

use crate::support::{SiteTest, repo};

fn bundled_strings() -> Strings {
    let config = config::load(repo(), None).expect("bundled configuration");
    let (strings, diags) = Strings::load(&config);
    assert!(!diags.has_errors());
    strings
}

fn count(strings: &Strings, lang: &str, id: &str, n: i64) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", n);
    strings.format(&Lang::new(lang), id, Some(&args)).unwrap()
}

fn displaying(strings: &Strings, lang: &str, start: i64, end: i64, total: i64) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("start", start);
    args.set("end", end);
    args.set("total", total);
    strings.format(&Lang::new(lang), "displaying", Some(&args)).unwrap()
}

#[test]
fn resource_counts_are_grammatical() {
    let s = bundled_strings();
    let cases: &[(&str, i64, &str)] = &[
        ("en", 1, "1 resource"),
        ("en", 3, "3 resources"),
        ("en", 0, "0 resources"),
        ("fr", 0, "0 ressource"),
        ("fr", 1, "1 ressource"),
        ("fr", 3, "3 ressources"),
        ("es", 1, "1 recurso"),
        ("es", 3, "3 recursos"),
        ("ar", 0, "لا توجد موارد"),
        ("ar", 1, "مورد واحد"),
        ("ar", 2, "موردان"),
        ("ar", 3, "3 موارد"),
        ("ar", 11, "11 موردًا"),
        ("ar", 100, "100 مورد"),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(&count(&s, lang, "resource-count", *n), expected, "{lang} {n}");
    }
}

#[test]
fn lists_follow_each_language_arabic_with_its_comma() {
    let s = bundled_strings();
    let en = signpost::model::Lang::new("en");
    let ar = signpost::model::Lang::new("ar");
    assert_eq!(
        s.list(&en, &["Donors", "Governments", "Implementing agencies"]),
        "Donors, Governments, Implementing agencies"
    );
    assert_eq!(s.list(&ar, &["الجهات المنفذة", "الحكومات"]), "الجهات المنفذة، الحكومات");
    assert_eq!(s.list(&ar, &["أ", "ب", "ج", "د"]), "أ، ب، ج، د");
    assert_eq!(s.list(&ar, &["أ"]), "أ");
    // The browser script gets the same patterns.
    assert_eq!(s.list_patterns(&ar)["middle"], "{0}، {1}");
}

#[test]
fn language_names_are_in_the_readers_language() {
    let s = bundled_strings();
    let name = |lang: &str, code: &str| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("code", code.to_string());
        s.format(&signpost::model::Lang::new(lang), "language-name", Some(&args)).unwrap()
    };
    assert_eq!(name("ar", "en"), "الإنجليزية");
    assert_eq!(name("fr", "en"), "anglais");
    assert_eq!(name("es", "ar"), "árabe");
    assert_eq!(name("en", "fr"), "French");
}

#[test]
fn displaying_counts_are_grammatical() {
    let s = bundled_strings();
    assert_eq!(displaying(&s, "en", 1, 10, 35), "Displaying 1–10 of 35");
    assert_eq!(displaying(&s, "fr", 1, 10, 35), "Affichage de 1 à 10 sur 35");
    assert_eq!(displaying(&s, "es", 1, 10, 35), "Mostrando 1–10 de 35");
    // 35 is "many" in Arabic: the counted noun is singular, accusative.
    assert_eq!(displaying(&s, "ar", 1, 10, 35), "عرض 1–10 من أصل 35 نتيجة");
    assert_eq!(displaying(&s, "ar", 1, 5, 5), "عرض 1–5 من أصل 5 نتائج");
}

#[test]
fn missing_string_falls_back_with_a_warning() {
    // A message the site adds in its default language only.
    let site = SiteTest::fixture("site/multilingual");
    site.write("i18n/fr.ftl", "skip-to-content = Passer au contenu\n");
    site.write("templates/page.html", {
        let page = std::fs::read_to_string(repo().join("themes/default/templates/page.html")).unwrap();
        page.replace(r#"{{ t(key="next") }}"#, r#"{{ t(key="next") }} {{ t(key="site-motto") }}"#)
    });
    let en = std::fs::read_to_string(site.root.join("i18n/en.ftl")).unwrap();
    site.write("i18n/en.ftl", format!("{en}site-motto = Read on\n"));
    let run = site.build();
    assert!(
        run.stderr.contains("i18n/fr.ftl:1:1: warning: interface string `site-motto` is missing: the en text is used"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0, "a missing string is not an error");
    // The French pager shows the English motto, the rest stays French.
    let page = site.page("fr/guide/one/index.html");
    assert!(page.contains(r#"<span class="pager-dir">Suivant Read on</span>"#), "{page}");
    assert!(page.contains("Passer au contenu"));
}

/// A site's `.ftl` holds only what it changes: one message overrides that
/// message of the built-in strings, and every other one stays built in.
#[test]
fn a_site_string_overrides_only_itself() {
    let site = SiteTest::fixture("site/multilingual");
    std::fs::remove_dir_all(site.root.join("i18n")).unwrap();
    site.write("i18n/fr.ftl", "next = Plus loin\n");
    let run = site.build();
    assert!(!run.stderr.contains("fr.ftl"), "no warning about the French strings:\n{}", run.stderr);
    let page = site.page("fr/guide/one/index.html");
    assert!(page.contains(r#"<span class="pager-dir">Plus loin</span>"#), "{page}");
    assert!(page.contains("Aller au contenu"), "the built-in French strings fill in the rest");
    let english = site.page("en/guide/one/index.html");
    assert!(english.contains(r#"<span class="pager-dir">Next</span>"#));
}
