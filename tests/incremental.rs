//! Incremental builds (issue 18): after each kind of change to the bundled
//! site, `signpost build` over the previous build gives the same output and
//! search indexes, byte for byte, as a full build of a fresh copy; and an
//! edit to one page's text renders only what shows it.

use std::path::Path;

use crate::support::{SiteTest, snapshot_tree};

/// The build summary line: `built N pages into ... (M rendered again, ...)`.
fn rendered_again(stderr: &str) -> Option<usize> {
    let line = stderr.lines().find(|l| l.starts_with("built "))?;
    let (_, rest) = line.split_once(" (")?;
    rest.split(' ').next()?.parse().ok()
}

/// Builds over the previous build, then a fresh copy without the cache,
/// and compares the two; returns the pages rendered again, if incremental.
fn build_matches_a_full_build(site: &SiteTest, change: &str) -> Option<usize> {
    let run = site.build();
    let fresh = site.copy_sources();
    let full = fresh.run(&["build", "--no-cache"]);
    assert_eq!(full.code, 0, "{change}: full build failed:\n{}", full.stderr);
    assert_eq!(rendered_again(&full.stderr), None, "{change}: --no-cache must build everything");
    for (what, rel) in [("output", "public"), ("search index", ".signpost/index")] {
        let (ours, theirs) = (snapshot_tree(&site.root.join(rel)), snapshot_tree(&fresh.root.join(rel)));
        let names = |tree: &[(String, Vec<u8>)]| tree.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&ours), names(&theirs), "{change}: the {what} holds other files");
        for ((name, a), (_, b)) in ours.iter().zip(&theirs) {
            assert!(a == b, "{change}: {rel}/{name} differs from a full build");
        }
    }
    rendered_again(&run.stderr)
}

fn edit(site: &SiteTest, rel: &str, edit: impl FnOnce(String) -> String) {
    let path = site.root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(text, edited, "{rel}: the edit changed nothing");
    std::fs::write(path, edited).unwrap();
}

#[test]
fn every_kind_of_change_builds_what_a_full_build_does() {
    let site = SiteTest::bundled();
    assert_eq!(rendered_again(&site.build().stderr), None, "the first build is a full one");
    assert!(site.root.join(".signpost/build.json").is_file());

    // Text of a page the PDFs do not hold: that page and its copies only.
    edit(&site, "content/en/stakeholder-dialogues.md", |t| t + "\nA closing sentence added by the test.\n");
    let again = build_matches_a_full_build(&site, "edited page");
    assert!(matches!(again, Some(1..=4)), "an edited page rendered {again:?} pages again");

    // Text of a navigation page: the PDFs change, and with their sizes
    // every page, in place.
    edit(&site, "content/en/guidance/build-capacity.md", |t| t + "\nAnother sentence for the PDF.\n");
    build_matches_a_full_build(&site, "edited navigation page");

    site.write("content/en/added.md", "---\ntitle: Added by the test\n---\n\nA page that was not there.\n");
    assert_eq!(build_matches_a_full_build(&site, "added page"), None, "an added page needs a full build");

    std::fs::remove_file(site.root.join("content/fr/about.md")).unwrap();
    assert_eq!(build_matches_a_full_build(&site, "removed page"), None, "a removed page needs a full build");

    edit(&site, "content/catalogue/resources.yaml", |t| {
        t.replacen("title: WHO MiNDbank", "title: WHO MiNDbank database", 1)
    });
    assert_eq!(build_matches_a_full_build(&site, "edited resource"), None, "the catalogue needs a full build");

    edit(&site, "themes/default/templates/page.html", |t| {
        t.replacen("{% block meta %}", "{% block meta %}<!-- edited -->", 1)
    });
    assert_eq!(build_matches_a_full_build(&site, "edited template"), None, "a template needs a full build");
    assert!(site.page("en/about/index.html").contains("<!-- edited -->"));
}

#[test]
fn a_build_without_the_cache_forgets_the_record() {
    let site = SiteTest::fixture("site/multilingual");
    site.build();
    let record = Path::new(".signpost/build.json");
    assert!(site.root.join(record).is_file());
    let run = site.run(&["build", "--no-cache"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.root.join(record).exists(), "the record outlived a build it does not describe");
    // And the next build is a full one.
    assert_eq!(rendered_again(&site.build().stderr), None);
}
