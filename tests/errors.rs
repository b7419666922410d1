//! Bad input: each error fixture's whole diagnostics output is pinned in a
//! snapshot, the exit code is 1, and the previous output is left intact.

use insta::assert_snapshot;

use crate::support::{SiteTest, snapshot_tree};

/// Builds a fixture that must fail and returns its diagnostics.
fn diagnostics(case: &str) -> String {
    SiteTest::fixture(&format!("errors/{case}")).build_fails().diagnostics()
}

#[test]
fn invalid_yaml_is_placed_in_the_markdown_file() {
    assert_snapshot!(diagnostics("invalid-yaml"));
}

#[test]
fn unknown_front_matter_key() {
    assert_snapshot!(diagnostics("unknown-key"));
}

#[test]
fn missing_title() {
    assert_snapshot!(diagnostics("missing-title"));
}

#[test]
fn broken_internal_link() {
    assert_snapshot!(diagnostics("broken-link"));
}

#[test]
fn broken_anchor() {
    assert_snapshot!(diagnostics("broken-anchor"));
}

#[test]
fn template_syntax_error() {
    assert_snapshot!(diagnostics("template-syntax"));
}

#[test]
fn template_runtime_error() {
    assert_snapshot!(diagnostics("template-runtime"));
}

#[test]
fn two_pages_with_one_url() {
    assert_snapshot!(diagnostics("duplicate-url"));
}

#[test]
fn link_leading_outside_the_site() {
    assert_snapshot!(diagnostics("link-outside"));
}

#[test]
fn undeclared_language_folder() {
    assert_snapshot!(diagnostics("undeclared-language"));
}

#[test]
fn unknown_configuration_key() {
    assert_snapshot!(diagnostics("config-unknown-key"));
}

#[test]
fn bad_configuration_values() {
    assert_snapshot!(diagnostics("config-bad-values"));
}

#[test]
fn many_problems_are_reported_at_once_and_sorted() {
    assert_snapshot!(diagnostics("many-problems"));
}

#[test]
fn invalid_utf8() {
    let site = SiteTest::fixture("errors/undeclared-language");
    std::fs::remove_dir_all(site.root.join("content/de")).unwrap();
    site.write("content/en/latin1.md", b"---\ntitle: Caf\xe9\n---\n".as_slice());
    assert_snapshot!(site.build_fails().diagnostics());
}

#[cfg(unix)]
#[test]
fn symlink_leading_outside_the_site() {
    let site = SiteTest::fixture("errors/undeclared-language");
    std::fs::remove_dir_all(site.root.join("content/de")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.root.join("content/en/host.md")).unwrap();
    assert_snapshot!(site.build_fails().diagnostics());
}

#[test]
fn a_failed_build_leaves_the_previous_output_intact() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let before = snapshot_tree(&site.output());
    site.write("content/en/guide/two.md", "---\ntitle: Step two\nbad_key: 1\n---\n");
    site.build_fails();
    assert_eq!(before, snapshot_tree(&site.output()), "output changed after a failed build");
    // No staging folder is left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn huge_and_deeply_nested_input_does_not_crash() {
    let site = SiteTest::fixture("site/multilingual");
    let nested_quotes = ">".repeat(50_000);
    let nested_lists: String = (0..2_000).map(|i| format!("{}- item\n", "  ".repeat(i))).collect();
    let long_paragraph = "word ".repeat(1_000_000);
    site.write(
        "content/en/deep.md",
        format!("---\ntitle: Deep\n---\n\n{nested_quotes} deep\n\n{nested_lists}\n{long_paragraph}\n"),
    );
    let nested_yaml = format!("---\ntitle: Nested\nsummary: {}x{}\n---\n", "[".repeat(10_000), "]".repeat(10_000));
    site.write("content/en/nested-yaml.md", nested_yaml);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("content/en/nested-yaml.md:3:"), "{}", run.stderr);
    assert!(!run.stderr.contains("content/en/deep.md"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_with_2() {
    let site = SiteTest::fixture("site/multilingual");
    assert_eq!(site.run(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(site.run(&["build", "--root", "/no/such/folder"]).code, 1);
}
