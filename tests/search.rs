//! Search from the command line: the prebuilt index of a built site,
//! queried in each language, with filters, phrases, prefixes, typos and bad
//! input; the JSON shape documented in README.md.

use serde_json::Value;

use crate::support::SiteTest;

fn built() -> SiteTest {
    let site = SiteTest::fixture("library/site");
    site.build();
    site
}

fn search(site: &SiteTest, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let run = site.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn urls(response: &Value) -> Vec<String> {
    response["results"].as_array().unwrap().iter().map(|r| r["url"].as_str().unwrap().to_string()).collect()
}

#[test]
fn json_has_the_documented_shape() {
    let site = built();
    let r = search(&site, &["summary", "--lang", "en"]);
    assert_eq!(r["query"], "summary");
    assert_eq!(r["lang"], "en");
    assert!(r["total"].as_u64().unwrap() > 0);
    for hit in r["results"].as_array().unwrap() {
        for key in ["url", "title", "section", "snippet"] {
            assert!(hit[key].is_string(), "{key} in {hit}");
        }
    }
    for facet in ["category", "audience", "language", "component"] {
        assert!(r["facets"][facet].is_object(), "facets.{facet}");
    }
}

#[test]
fn sections_lead_to_their_anchor() {
    let site = built();
    let r = search(&site, &["because", "--lang", "en"]);
    assert_eq!(urls(&r), ["/en/guidance/plan/#why"]);
    assert_eq!(r["results"][0]["section"], "Why");
    assert!(r["results"][0]["snippet"].as_str().unwrap().contains("<mark>Because</mark>"));
}

#[test]
fn untranslated_pages_are_found_under_their_default_text() {
    let site = built();
    // The home page has no French version: its English text is in the French index.
    let r = search(&site, &["welcome", "--lang", "fr"]);
    assert_eq!(urls(&r), ["/fr/"]);
    // The French page is found by its French words, not its English ones.
    assert_eq!(urls(&search(&site, &["parce", "--lang", "fr"])), ["/fr/guidance/plan/#why"]);
}

#[test]
fn words_are_stemmed_and_folded() {
    let site = built();
    let plural = search(&site, &["summaries", "--lang", "en"]);
    let singular = search(&site, &["summary", "--lang", "en"]);
    assert_eq!(plural["total"], singular["total"]);
    // Accent folding: "resume" finds "Résumé".
    let r = search(&site, &["resume", "--lang", "fr"]);
    assert!(urls(&r).contains(&"/fr/resources/alpha-guide/".to_string()), "{r}");
}

#[test]
fn arabic_is_normalised() {
    let site = built();
    let plain = search(&site, &["ملخص", "--lang", "ar"]);
    assert!(plain["total"].as_u64().unwrap() >= 1);
    // With tashkeel and tatweel, the same results.
    let marked = search(&site, &["مُلَخّـــص", "--lang", "ar"]);
    assert_eq!(urls(&plain), urls(&marked));
}

#[test]
fn arabic_article_and_particles_are_stripped() {
    let site = built();
    // The summary says بالذهان ("with the psychosis").
    let bare = search(&site, &["ذهان", "--lang", "ar"]);
    assert_eq!(urls(&bare), ["/ar/resources/alpha-guide/"]);
    for query in ["الذهان", "بالذهان", "والذهان", "للذهان"] {
        assert_eq!(urls(&search(&site, &[query, "--lang", "ar"])), urls(&bare), "{query}");
    }
    let snippet = bare["results"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>بالذهان</mark>"), "{snippet}");
}

#[test]
fn filters_narrow_and_count() {
    let site = built();
    let all = search(&site, &["summary", "--lang", "en"]);
    let donors = search(&site, &["summary", "--lang", "en", "--audience", "donors"]);
    assert!(donors["total"].as_u64() < all["total"].as_u64());
    assert_eq!(donors["total"], all["facets"]["audience"]["donors"]);
    let both = search(&site, &["summary", "--lang", "en", "--audience", "donors", "--category", "key-guidance"]);
    // Alpha and Delta: Key Guidance for donors.
    assert_eq!(both["total"], 2);
}

#[test]
fn all_words_must_match_and_phrases_keep_order() {
    let site = built();
    assert_eq!(search(&site, &["summary beta", "--lang", "en"])["total"], 1);
    assert_eq!(search(&site, &["\"beta tool\"", "--lang", "en"])["total"], 1);
    assert_eq!(search(&site, &["\"tool beta\"", "--lang", "en"])["total"], 0);
}

#[test]
fn last_word_is_a_prefix_and_typos_are_forgiven() {
    let site = built();
    assert!(search(&site, &["summ", "--lang", "en"])["total"].as_u64().unwrap() > 0, "prefix");
    assert_eq!(search(&site, &["summ ", "--lang", "en"])["total"], 0, "a finished word is not a prefix");
    let typo = search(&site, &["sumary", "--lang", "en"]);
    assert!(typo["total"].as_u64().unwrap() > 0, "one typo in a word of five letters or more");
}

#[test]
fn bad_input_is_harmless() {
    let site = built();
    let empty = search(&site, &["", "--lang", "en"]);
    assert_eq!(empty["total"], 0);
    assert_eq!(empty["message"], "empty query");
    let long = search(&site, &[&"summary ".repeat(100), "--lang", "en"]);
    assert!(long["message"].as_str().unwrap().contains("shortened"));
    let control = search(&site, &["sum\u{7}mary\u{1b}[31m", "--lang", "en"]);
    assert!(control["total"].is_number());
    let unknown = search(&site, &["summary", "--lang", "en", "--category", "nope"]);
    assert_eq!(unknown["total"], 0);
    assert_eq!(unknown["message"], "unknown category `nope`");
    // HTML in the catalogue comes back escaped in snippets.
    let html = search(&site, &["watch", "--lang", "en"]);
    let snippet = html["results"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("&lt;script&gt;") && !snippet.contains("<script>"), "{snippet}");
    // A missing language is a usage error, not a crash.
    assert_eq!(site.run(&["search", "x", "--lang", "de"]).code, 2);
}
