//! `signpost check`: what build validates plus missing files, unreachable
//! pages, duplicate titles and missing interface strings, all at once with
//! `path:line:column`, and nothing written.

use insta::assert_snapshot;

use crate::support::SiteTest;

/// A copy of the multilingual fixture with one problem of each kind.
fn site_with_problems() -> SiteTest {
    let site = SiteTest::fixture("site/multilingual");
    site.write(
        "content/en/guide/three.md",
        "---\ntitle: Step One\n---\n\nA map: ![map](figures/map.png), and ![ok](figures/ok.png).\n\nThe [plan](files/plan.pdf#page=2).\n",
    )
    .write("content/en/guide/figures/ok.png", b"\x89PNG")
    .write("content/en/notes/orphan.md", "---\ntitle: Notes nobody links to\n---\n\nText.\n");
    // A string of the site's own, used by its theme, in en and ar only
    // (the built-in strings fill in any message a site file leaves out).
    let page = std::fs::read_to_string(site.root.join("themes/default/templates/page.html")).unwrap();
    site.write("themes/default/templates/page.html", page.replace(r#"t(key="notes")"#, r#"t(key="site-notes")"#));
    for lang in ["en", "ar"] {
        let text = std::fs::read_to_string(site.root.join(format!("i18n/{lang}.ftl"))).unwrap();
        site.write(&format!("i18n/{lang}.ftl"), format!("{text}site-notes = Notes\n"));
    }
    site
}

#[test]
fn reports_every_kind_of_problem_and_writes_nothing() {
    let site = site_with_problems();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "missing files are errors:\n{}", run.stderr);
    assert_snapshot!(run.stderr);
    assert!(!site.output().exists(), "check writes no output");
}

#[test]
fn warnings_alone_exit_zero() {
    let site = site_with_problems();
    let page = std::fs::read_to_string(site.root.join("content/en/guide/three.md")).unwrap();
    site.write(
        "content/en/guide/three.md",
        page.replace("figures/map.png", "figures/ok.png").replace("[plan](files/plan.pdf#page=2)", "plan"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: another page of this section has the same title, `Step One`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/en/notes/orphan.md:1:1: warning: no navigation entry"), "{}", run.stderr);
    assert!(run.stderr.contains("0 errors, "), "{}", run.stderr);
}

#[test]
fn template_errors_are_found_by_rendering_in_memory() {
    let site = SiteTest::fixture("site/multilingual");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.no_such_field.title }}\n{% endblock main %}\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("templates/page.html:3:"), "{}", run.stderr);
    assert!(!site.output().exists());
}

#[test]
fn the_bundled_site_is_clean() {
    let run = SiteTest::bundled().run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.ends_with("0 errors, 0 warnings\n"), "{}", run.stderr);
}

/// `check` is `build`'s validation plus whole-site checks: every link error
/// `check` reports, `build` reports too, in the same words at the same
/// place, and the reverse.
#[test]
fn build_and_check_report_the_same_broken_links() {
    let site = SiteTest::fixture("errors/every-broken-link");
    let errors = |stderr: &str| -> Vec<String> {
        stderr.lines().filter(|l| l.contains(": error: ")).map(str::to_string).collect()
    };
    let built = site.build_fails();
    let checked = site.run(&["check"]);
    assert_eq!(checked.code, 1, "{}", checked.stderr);
    let (from_build, from_check) = (errors(&built.stderr), errors(&checked.stderr));
    for expected in [
        "content/en/_index.md:9:31: error: link to a page that does not exist: `guide/missing.md`",
        "content/en/_index.md:10:34: error: link to an anchor that does not exist: `#nowhere` in content/en/guide/one.md",
        "content/en/_index.md:11:47: error: link to an anchor that does not exist: `#elsewhere` in content/en/_index.md",
        "content/en/_index.md:12:31: error: link to a file that does not exist: `files/plan.pdf` (looked for content/en/files/plan.pdf)",
        "content/en/_index.md:13:33: error: link to a file that does not exist: `guide/figures/map.png` (looked for content/en/guide/figures/map.png)",
        "content/en/_index.md:14:27: error: link `../../outside.md` leads outside the site",
        "content/en/guide/one.md:7:46: error: link to a page that does not exist: `two.md`",
        "content/fr/_index.md:5:36: error: link to a page that does not exist: `guide/absente.md`",
    ] {
        assert!(from_build.iter().any(|l| l == expected), "build misses {expected}:\n{}", built.stderr);
    }
    assert_eq!(from_build, from_check, "build:\n{}\ncheck:\n{}", built.stderr, checked.stderr);
    assert!(!site.output().exists(), "nothing published");
}

#[test]
fn access_links_to_a_bare_domain_are_warned_at_the_url() {
    let run = SiteTest::fixture("library/bare-links").run(&["check"]);
    assert_eq!(run.code, 0, "warnings only:\n{}", run.stderr);
    let file = "content/catalogue/resources.yaml";
    let expected = [
        format!("{file}:11:12: warning: access link is a bare domain: https://www.who.int/ — link the document itself"),
        format!("{file}:17:12: warning: access link is a bare domain: https://www.who.int — link the document itself"),
    ];
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.contains("bare domain")).collect();
    assert_eq!(warnings, expected, "{}", run.stderr);
    assert!(run.stderr.ends_with("0 errors, 2 warnings\n"), "{}", run.stderr);
}
