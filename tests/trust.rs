//! Trustworthy output (issue 12): each class of hostile or mistaken input
//! has a fixture under `tests/fixtures/errors/` whose whole diagnostics
//! output is pinned, one fixture holds one of each at once, and what is
//! published is escaped for its context.

use insta::assert_snapshot;

use crate::support::{SiteTest, main_of, snapshot_tree};

fn diagnostics(case: &str) -> String {
    SiteTest::fixture(&format!("errors/{case}")).build_fails().diagnostics()
}

#[test]
fn control_characters_are_errors_at_their_position() {
    assert_snapshot!(diagnostics("bad-bytes"));
}

#[test]
fn invalid_dates_in_front_matter_and_catalogue() {
    assert_snapshot!(diagnostics("invalid-dates"));
}

#[test]
fn file_names_without_a_url_of_their_own() {
    assert_snapshot!(diagnostics("file-name-urls"));
}

#[test]
fn duplicate_keys_at_the_repeat() {
    assert_snapshot!(diagnostics("yaml-positions"));
}

#[test]
fn duplicate_configuration_key_at_the_repeat() {
    assert_snapshot!(diagnostics("config-duplicate-key"));
}

#[test]
fn second_configuration_document_at_its_marker() {
    assert_snapshot!(diagnostics("config-second-document"));
}

#[test]
fn language_code_and_theme_at_their_values() {
    assert_snapshot!(diagnostics("config-language-code"));
}

#[test]
fn configuration_syntax_error_is_a_syntax_error() {
    assert_snapshot!(diagnostics("config-syntax"));
}

#[test]
fn deep_nesting_is_refused() {
    assert_snapshot!(diagnostics("deep-nesting"));
}

#[test]
fn one_broken_catalogue_entry_is_reported_once() {
    assert_snapshot!(diagnostics("cascade"));
}

/// Configuration problems stop the build before pages are read, so they
/// have fixtures of their own; every other class is here at once.
#[test]
fn one_of_each_at_once() {
    assert_snapshot!(diagnostics("trust-all-at-once"));
}

#[test]
fn hundred_thousand_nested_brackets_fail_in_well_under_a_second() {
    let site = SiteTest::fixture("errors/deep-nesting");
    let deep = format!("---\ntitle: Deep\nsummary: {}x{}\n---\n", "[".repeat(100_000), "]".repeat(100_000));
    site.write("content/en/_index.md", deep);
    site.write("content/catalogue/vocabulary.yaml", format!("categories: {}\n", "[".repeat(100_000)));
    // CPU time, not wall time: the machine running the tests is shared.
    let mut command = std::process::Command::new("bash");
    command
        .current_dir(&site.root)
        .env("TIMEFORMAT", "%U %S")
        .args(["-c", &format!("time {} build 2>&1", env!("CARGO_BIN_EXE_signpost"))]);
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let seconds: f64 = stderr.split_whitespace().filter_map(|s| s.parse::<f64>().ok()).sum();
    assert!(seconds < 0.5, "took {seconds} s of CPU");
    let run = crate::support::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&output.stdout).into_owned(),
    };
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("content/en/_index.md:3:74: error: lists or mappings nested"), "{}", run.stderr);
    assert!(run.stderr.contains("content/catalogue/vocabulary.yaml:1:77: error:"), "{}", run.stderr);
}

#[test]
fn fragments_and_file_names_are_escaped_in_links() {
    let site = SiteTest::fixture("errors/file-name-urls");
    std::fs::remove_file(site.root.join("content/en/..md")).unwrap();
    std::fs::remove_file(site.root.join("content/en/guide/..md")).unwrap();
    site.write("content/en/%.md", "---\ntitle: Percent\n---\n\n## A \"quoted\" <heading> {#x\"y}\n");
    site.write(
        "content/en/guide/_index.md",
        "---\ntitle: Guide\n---\n\n[percent](../%25.md) [quoted](../%25.md#x\"y) [broken-out](../%25.md#x\"y)\n",
    );
    site.build();
    let main = main_of(&site.page("en/guide/index.html")).to_string();
    assert!(!main.contains("#x\"y"), "{main}");
    assert_snapshot!(main);
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/en/%25/</loc>"), "{sitemap}");
    assert!(site.output().join("en/%/index.html").is_file());
}

#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let before = snapshot_tree(&site.output());
    // A pid no process has (Linux caps pids at 2^22).
    let ours = [".public.staging-4000000000", ".public.staging-4000000000.old", ".public.staging-4000000001.old-3"];
    let others = [".public.staging-notapid", ".public.old", "public.staging-4000000000", ".other.staging-4000000000"];
    for name in ours.iter().chain(&others) {
        site.write(&format!("{name}/en/index.html"), "old");
    }
    site.write("content/en/guide/two.md", "---\ntitle: Step two\nbad_key: 1\n---\n");
    site.build_fails();
    assert_eq!(before, snapshot_tree(&site.output()), "output changed after a failed build");
    for name in ours {
        assert!(!site.root.join(name).exists(), "{name} is still there");
    }
    for name in others {
        assert!(site.root.join(name).exists(), "{name} was removed");
    }
}

#[test]
fn broken_images_are_reported_by_build_and_check() {
    assert_snapshot!(diagnostics("broken-images"));
    let site = SiteTest::fixture("errors/broken-images");
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    for missing in ["/assets/missing.png", "figures/gone.png", "/static-gone.png", "figures/also-gone.png"] {
        assert_eq!(check.stderr.matches(&format!("`{missing}`")).count(), 1, "{missing}:\n{}", check.stderr);
    }
}

#[test]
fn anchors_written_for_github_get_a_suggestion() {
    assert_snapshot!(diagnostics("github-anchors"));
}

/// Warnings do not fail the build: the whole of what it printed is pinned.
#[test]
fn markdown_that_would_be_lost_is_a_warning() {
    let site = SiteTest::fixture("errors/markdown-lost");
    let run = site.build();
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_snapshot!(warnings.join("\n"));
}

const RAW: &str = "---\ntitle: Raw\n---\n\n<div onclick=\"steal()\"><b>Bold</b><script>alert(1)</script></div>\n\nA [link](javascript:alert(1)) and <i>inline</i>, and [the guide](guide.md).\n";

fn raw_html_as(policy: Option<&str>) -> String {
    let site = SiteTest::fixture("errors/markdown-lost");
    if let Some(policy) = policy {
        let config = std::fs::read_to_string(site.root.join("signpost.yaml")).unwrap();
        site.write("signpost.yaml", format!("{config}markdown:\n  raw_html: {policy}\n"));
    }
    site.write("content/en/raw.md", RAW);
    site.build();
    let page = site.page("en/raw/index.html");
    let main = main_of(&page);
    let start = main.find("<div class=\"content\">").unwrap_or(0);
    main[start..].lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

#[test]
fn raw_html_is_sanitized_by_default() {
    let html = raw_html_as(None);
    assert!(!html.contains("script") && !html.contains("onclick") && !html.contains("javascript:"), "{html}");
    assert!(html.contains("<b>Bold</b>") && html.contains("<i>inline</i>"), "{html}");
    // Links between pages survive the sanitizer (their URL is filled in after it).
    assert!(html.contains("<a href=\"/en/guide/\">the guide</a>"), "{html}");
    assert!(!html.contains('\u{FFFD}') && !html.contains('\0'), "{html}");
    assert_eq!(html, raw_html_as(Some("sanitize")));
}

#[test]
fn raw_html_escaped_or_allowed() {
    let escaped = raw_html_as(Some("escape"));
    assert!(escaped.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !escaped.contains("<b>"), "{escaped}");
    let allowed = raw_html_as(Some("allow"));
    assert!(allowed.contains("<script>alert(1)</script>"), "{allowed}");
}
