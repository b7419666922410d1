//! `signpost i18n status` and `signpost translate`: what is missing, what
//! went stale when the English source changed, and marking work done.

use serde_json::Value;

use crate::support::SiteTest;

fn status(site: &SiteTest, args: &[&str]) -> Value {
    let mut all = vec!["i18n", "status", "--format", "json"];
    all.extend_from_slice(args);
    let run = site.run(&all);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr))
}

fn language<'a>(report: &'a Value, lang: &str) -> &'a Value {
    report["languages"].as_array().unwrap().iter().find(|l| l["lang"] == lang).unwrap()
}

/// `(path, kind, state, id)` of every item of a language.
fn items(report: &Value, lang: &str) -> Vec<(String, String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap().to_string();
    language(report, lang)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (text(&i["path"]), text(&i["kind"]), text(&i["state"]), text(&i["id"])))
        .collect()
}

fn has(report: &Value, lang: &str, path: &str, kind: &str, state: &str) -> bool {
    items(report, lang).iter().any(|(p, k, s, _)| p == path && k == kind && s == state)
}

#[test]
fn json_has_the_documented_shape() {
    let site = SiteTest::bundled();
    let report = status(&site, &[]);
    assert_eq!(report["default_language"], "en");
    let langs: Vec<&str> =
        report["languages"].as_array().unwrap().iter().map(|l| l["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["fr", "es", "ar"]);
    for language in report["languages"].as_array().unwrap() {
        for kind in ["pages", "resources", "strings"] {
            let t = &language[kind];
            let sum = ["current", "missing", "outdated"].iter().map(|k| t[k].as_u64().unwrap()).sum::<u64>();
            assert_eq!(sum, t["total"].as_u64().unwrap(), "{kind} of {}", language["lang"]);
        }
        assert!(language["percent"].as_u64().unwrap() <= 100);
        let segments = &language["segments"];
        let (total, translated) = (segments["total"].as_u64().unwrap(), segments["translated"].as_u64().unwrap());
        assert!(translated < total && total > language["pages"]["total"].as_u64().unwrap() * 10, "{segments}");
        assert_eq!(segments["percent"].as_u64().unwrap(), translated * 100 / total);
        for item in language["items"].as_array().unwrap() {
            let path = item["path"].as_str().unwrap();
            assert!(!path.starts_with('/') && std::path::Path::new(&site.root).join(path).parent().unwrap().exists());
            assert!(["page", "resource", "string"].contains(&item["kind"].as_str().unwrap()), "{item}");
            assert!(["missing", "outdated"].contains(&item["state"].as_str().unwrap()), "{item}");
            assert!(item["id"].is_string() && item["source"].is_string() && item["reason"].is_string());
        }
    }
    // The bundled site leaves a few things untranslated on purpose.
    assert!(has(&report, "fr", "content/fr/stakeholder-dialogues.md", "page", "missing"));
    assert!(has(&report, "ar", "content/ar/guidance/monitoring-evaluation.md", "page", "missing"));
    assert!(has(&report, "fr", "content/catalogue/translations/fr.yaml", "resource", "missing"));
    assert_eq!(language(&report, "fr")["pages"]["outdated"], 0, "bundled translations are current");

    let only = status(&site, &["--lang", "ar"]);
    assert_eq!(only["languages"].as_array().unwrap().len(), 1);
    assert_eq!(site.run(&["i18n", "status", "--lang", "xx"]).code, 2);
}

#[test]
fn strict_fails_when_anything_is_left() {
    let site = SiteTest::bundled();
    let run = site.run(&["i18n", "status", "--strict"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("missing  page     content/fr/stakeholder-dialogues.md"), "{}", run.stdout);
    assert_eq!(site.run(&["i18n", "status"]).code, 0, "without --strict it is only a report");
}

#[test]
fn an_english_change_makes_translations_outdated_until_marked_done() {
    let site = SiteTest::bundled();
    let source = site.root.join("content/en/guidance/assess-and-plan.md");
    let text = std::fs::read_to_string(&source).unwrap();
    // A fact that is not translated changes nothing.
    site.write("content/en/guidance/assess-and-plan.md", text.replace("order: 1", "order: 2"));
    let report = status(&site, &[]);
    assert!(!has(&report, "fr", "content/fr/guidance/assess-and-plan.md", "page", "outdated"));

    site.write(
        "content/en/guidance/assess-and-plan.md",
        text.replace("Integration only works", "Integration works only"),
    );
    let report = status(&site, &[]);
    for lang in ["fr", "es", "ar"] {
        let path = format!("content/{lang}/guidance/assess-and-plan.md");
        assert!(has(&report, lang, &path, "page", "outdated"), "{lang}: {:?}", items(&report, lang));
    }
    let before = std::fs::read_to_string(site.root.join("content/fr/guidance/assess-and-plan.md")).unwrap();
    let run = site.run(&["translate", "--done", "guidance/assess-and-plan.md", "--lang", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = std::fs::read_to_string(site.root.join("content/fr/guidance/assess-and-plan.md")).unwrap();
    let changed: Vec<(&str, &str)> = before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "only the source_hash line changes: {changed:?}");
    assert!(changed[0].1.starts_with("source_hash: "));

    let report = status(&site, &[]);
    assert!(!has(&report, "fr", "content/fr/guidance/assess-and-plan.md", "page", "outdated"));
    assert!(has(&report, "es", "content/es/guidance/assess-and-plan.md", "page", "outdated"));
    site.build();
}

#[test]
fn catalogue_and_string_changes_are_tracked() {
    let site = SiteTest::bundled();
    let resources = std::fs::read_to_string(site.root.join("content/catalogue/resources.yaml")).unwrap();
    site.write(
        "content/catalogue/resources.yaml",
        resources.replace("Country-reported data on mental health", "Data reported by countries on mental health"),
    );
    let en = std::fs::read_to_string(site.root.join("i18n/en.ftl")).unwrap();
    site.write("i18n/en.ftl", en.replace("home = Home", "home = Start page"));
    let fr = std::fs::read_to_string(site.root.join("i18n/fr.ftl")).unwrap();
    site.write("i18n/fr.ftl", fr.replace("open-all = Ouvrir toutes les sections\n", ""));

    let report = status(&site, &[]);
    let fr_items = items(&report, "fr");
    let find = |kind: &str, id: &str| fr_items.iter().find(|i| i.1 == kind && i.3 == id).map(|i| i.2.clone());
    assert_eq!(find("resource", "who-2021-mental-health-atlas-2020").as_deref(), Some("outdated"));
    assert_eq!(find("string", "home").as_deref(), Some("outdated"));
    assert_eq!(find("string", "open-all").as_deref(), Some("missing"));

    for path in ["resources/who-2021-mental-health-atlas-2020", "strings/home"] {
        let run = site.run(&["translate", "--done", path, "--lang", "fr"]);
        assert_eq!(run.code, 0, "{path}: {}", run.stderr);
    }
    let report = status(&site, &["--lang", "fr"]);
    let fr_items = items(&report, "fr");
    assert!(fr_items.iter().all(|i| i.3 != "who-2021-mental-health-atlas-2020" && i.3 != "home"), "{fr_items:?}");
    assert!(fr_items.iter().any(|i| i.3 == "open-all"));
    site.build();
}

#[test]
fn translate_starts_a_draft_that_is_not_published_until_done() {
    let site = SiteTest::bundled();
    let run = site.run(&["translate", "stakeholder-dialogues.md", "--lang", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let started = std::fs::read_to_string(site.root.join("content/fr/stakeholder-dialogues.md")).unwrap();
    let source = std::fs::read_to_string(site.root.join("content/en/stakeholder-dialogues.md")).unwrap();
    assert!(started.contains("draft: true\nsource_hash: "), "{started}");
    assert!(started.ends_with(source.split("\n---\n").nth(1).unwrap()), "the body is the source's");
    let report = status(&site, &["--lang", "fr"]);
    assert!(has(&report, "fr", "content/fr/stakeholder-dialogues.md", "page", "missing"));

    // Still a draft: French readers see the English page with its notice.
    site.build();
    assert!(site.page("fr/stakeholder-dialogues/index.html").contains("class=\"notice\" role=\"note\""));

    let again = site.run(&["translate", "stakeholder-dialogues.md", "--lang", "fr"]);
    assert_eq!(again.code, 2, "an existing translation is never overwritten");
    assert!(again.stderr.contains("exists already"), "{}", again.stderr);

    // Only the title translated: the body is still English, so --done
    // refuses unless forced.
    site.write("content/fr/stakeholder-dialogues.md", started.replacen("title: ", "title: Dialogues — ", 1));
    let refused = site.run(&["translate", "--done", "stakeholder-dialogues.md", "--lang", "fr"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("content/fr/stakeholder-dialogues.md: the body is still the en page's ("));
    assert!(refused.stderr.contains("segments, none translated"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    let report = status(&site, &["--lang", "fr"]);
    assert!(has(&report, "fr", "content/fr/stakeholder-dialogues.md", "page", "missing"), "still a draft");
    let forced = site.run(&["translate", "--done", "--force", "stakeholder-dialogues.md", "--lang", "fr"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let done = std::fs::read_to_string(site.root.join("content/fr/stakeholder-dialogues.md")).unwrap();
    assert!(!done.contains("draft: true"));
    let report = status(&site, &["--lang", "fr"]);
    assert!(!items(&report, "fr").iter().any(|i| i.0 == "content/fr/stakeholder-dialogues.md"));
    site.build();
    assert!(!site.page("fr/stakeholder-dialogues/index.html").contains("class=\"notice\" role=\"note\""));
}

#[test]
fn translate_refuses_what_it_cannot_do() {
    let site = SiteTest::bundled();
    for (args, expected) in [
        (vec!["translate", "nowhere.md", "--lang", "fr"], "no page content/en/nowhere.md"),
        (vec!["translate", "about.md", "--lang", "en"], "is the default language"),
        (vec!["translate", "about.md", "--lang", "de"], "not a language of this site"),
        (vec!["translate", "--done", "resources/nothing", "--lang", "fr"], "no resource `nothing`"),
        (vec!["translate", "--done", "strings/nothing", "--lang", "fr"], "no string `nothing`"),
    ] {
        let run = site.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn the_site_can_publish_a_status_page() {
    let site = SiteTest::bundled();
    let config = std::fs::read_to_string(site.root.join("signpost.yaml")).unwrap();
    assert!(config.contains("translation_status: true"), "the bundled site publishes it");
    site.build();
    for lang in ["en", "fr", "es", "ar"] {
        let html = site.page(&format!("{lang}/translation-status/index.html"));
        // Every language's page lists every translation language.
        for name in ["Français", "Español", "العربية"] {
            assert!(html.contains(name), "{lang}: {name}");
        }
        assert!(html.contains("content/fr/stakeholder-dialogues.md"), "{lang}");
        assert!(html.contains("translation-status/\">"), "{lang}: linked from the footer");
    }
    let report = status(&site, &["--lang", "ar"]);
    let percent = language(&report, "ar")["percent"].as_u64().unwrap();
    let en = site.page("en/translation-status/index.html");
    assert!(en.contains(&format!("value=\"{percent}\"")), "the page shows the same share as the command");

    // Without the setting, no page and no link.
    site.write("signpost.yaml", config.replace("translation_status: true", "translation_status: false"));
    site.build();
    assert!(!site.output().join("en/translation-status").exists());
    assert!(!site.page("en/index.html").contains("translation-status/"));
}

/// Segments count blocks: translating one paragraph of a page counts one
/// more, and a current page whose paragraphs are left in English counts
/// none of them.
#[test]
fn status_counts_segments() {
    let site = SiteTest::bundled();
    let segments = |site: &SiteTest| language(&status(site, &["--lang", "fr"]), "fr")["segments"]["translated"].clone();
    let before = segments(&site).as_u64().unwrap();
    let page = "content/fr/about.md";
    let french = std::fs::read_to_string(site.root.join(page)).unwrap();
    let english = std::fs::read_to_string(site.root.join("content/en/about.md")).unwrap();
    let body = |text: &str| text.splitn(3, "---\n").nth(2).unwrap().to_string();
    let fr_front = french.split("---\n").nth(1).unwrap().to_string();
    // The English body under the French front matter: still current by its
    // hash, but its text segments are untranslated.
    site.write(page, format!("---\n{fr_front}---\n{}", body(&english)));
    let english_body = segments(&site).as_u64().unwrap();
    let blocks = signpost::translation::segment::segments(&body(&english)).len() as u64;
    assert_eq!(english_body, before - blocks, "{before} {blocks}");
    let text = site.run(&["i18n", "status", "--lang", "fr"]).stdout;
    assert!(text.contains(&format!("{english_body} of ")) && text.contains(" segments, "), "{text}");
}
