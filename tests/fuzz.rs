//! A bounded fuzz test (proptest) of the readers that see author input
//! first: the front-matter splitter, the three YAML readers (configuration,
//! front matter, catalogue) and the Markdown link resolver with the link
//! checks after it. Inputs are the small corpus in `tests/fuzz-corpus/`,
//! mutated with the characters that have broken readers before (brackets,
//! document markers, control characters, quotes, `..`, `%`). For each input:
//! no panic, less than a second, and either a result or diagnostics at a
//! real `PATH:LINE:COL` of that input.
//!
//! It runs a fixed number of cases with no saved regressions, so CI time is
//! bounded (a few seconds) and a run writes nothing into the repository.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, FileFailurePersistence};

use signpost::config::Config;
use signpost::diag::Diagnostic;
use signpost::load::{CatalogueFile, SourceFile};
use signpost::model::{Lang, PageKey};

use crate::support::repo;

/// Cases per target in CI; `SIGNPOST_FUZZ_CASES=5000` for a longer run.
const CASES: u32 = 96;
const LIMIT: Duration = Duration::from_secs(1);

fn corpus(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fuzz-corpus").join(name)).unwrap()
}

/// Pieces that are often where readers go wrong.
const PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "---\n",
    "...\n",
    "\0",
    "\u{7}",
    "#",
    ":",
    ": ",
    "\n",
    "  ",
    "- ",
    "\"",
    "'",
    "%",
    "%2",
    "%25",
    "é",
    "عربي",
    "](",
    "](#",
    "](../",
    "..",
    "../..",
    "<aside>",
    "</aside>",
    "{#",
    "*",
    "|\n",
    ">\n",
    "&",
    "!",
    "\t",
    "\r\n",
    "\u{feff}",
    "title: ",
    "updated: 2024-02-31",
    "[x](a.md#b\"c)",
    "[[[[[[[[",
    "{a: {b: {c:",
];

/// A corpus text with a few pieces inserted, removed or repeated.
fn mutated(seed: &'static str) -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), prop::sample::select(PIECES), 0..4usize, 1..200usize);
    prop::collection::vec(edit, 0..8).prop_map(move |edits| {
        let mut text = corpus(seed);
        for (at, piece, kind, times) in edits {
            let mut cut = at.index(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            match kind {
                0 => text.insert_str(cut, piece),
                1 => text.insert_str(cut, &piece.repeat(times)),
                2 => {
                    let mut end = (cut + times).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(cut..end, "");
                }
                _ => text.truncate(cut),
            }
        }
        text
    })
}

fn runner() -> RunnerConfig {
    RunnerConfig {
        cases: std::env::var("SIGNPOST_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..RunnerConfig::default()
    }
}

/// Every diagnostic names `path` and a line and column inside `text`.
fn assert_placed(diags: &[Diagnostic], path: &Path, text: &str) {
    let lines = text.split('\n').count();
    for d in diags {
        assert_eq!(d.path, path, "{d}");
        assert!(d.line >= 1 && d.line <= lines, "{d}: the text has {lines} lines");
        let width = text.split('\n').nth(d.line - 1).map_or(0, |l| l.chars().count());
        assert!(d.column >= 1 && d.column <= width + 1, "{d}: line {} has {width} characters", d.line);
    }
}

/// The text as the readers see it (`diag::decode`): one BOM removed, line
/// ends as LF. A second BOM is text, a zero-width no-break space: a
/// diagnostic may point past it (a fuzz case of eleven BOMs found the
/// helper stripping them all, where the loader strips the first only).
fn as_loaded(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = f();
    assert!(started.elapsed() < LIMIT, "{what} took {:?}", started.elapsed());
    result
}

/// A site folder with the default theme's folder, for `config::load`.
fn site_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("themes/default/templates")).unwrap();
    dir
}

fn config() -> Config {
    let dir = site_dir();
    std::fs::write(dir.path().join("signpost.yaml"), corpus("signpost.yaml")).unwrap();
    signpost::config::load(dir.path(), Some(PathBuf::from("/nonexistent"))).unwrap()
}

/// The fuzz case that found `as_loaded` stripping every BOM: the error is
/// placed on line 1, which still holds ten of them.
#[test]
fn a_configuration_of_byte_order_marks_is_placed_inside_the_text() {
    let dir = site_dir();
    let text = format!("{}{}{}", "\u{feff}".repeat(11), "\n".repeat(50), "\u{feff}".repeat(3));
    std::fs::write(dir.path().join("signpost.yaml"), &text).unwrap();
    let diags = signpost::config::load(dir.path(), None).expect_err("not a configuration").into_sorted();
    assert!(!diags.is_empty());
    assert_placed(&diags, Path::new("signpost.yaml"), &as_loaded(&text));
}

proptest! {
    #![proptest_config(runner())]

    #[test]
    fn configuration(text in mutated("signpost.yaml")) {
        let dir = site_dir();
        std::fs::write(dir.path().join("signpost.yaml"), &text).unwrap();
        let result = timed("config::load", || signpost::config::load(dir.path(), None));
        if let Err(diags) = result {
            let diags = diags.into_sorted();
            prop_assert!(!diags.is_empty());
            // The file as the reader saw it: BOM removed, CRLF as LF.
            assert_placed(&diags, Path::new("signpost.yaml"), &as_loaded(&text));
        }
    }

    #[test]
    fn pages_and_links(text in mutated("page.md")) {
        let config = config();
        let path = PathBuf::from("content/en/guide/page.md");
        let decoded = signpost::diag::decode(&path, text.clone().into_bytes());
        let text = match decoded {
            Ok(text) => text,
            Err(d) => {
                assert_placed(&[d], &path, &as_loaded(&text));
                return Ok(());
            }
        };
        let source = SourceFile {
            path: path.clone(),
            lang: Lang::new("en"),
            key: PageKey::new("guide/page"),
            is_section: false,
            text: text.clone(),
        };
        let (parsed, mut diags) = timed("parse::pages", || signpost::parse::pages(&config, vec![source], false));
        let (_, found) = timed("validate::site", || signpost::validate::site(&config, parsed, Default::default()));
        diags.extend(found);
        // Navigation entries of the configuration are checked here too.
        let diags: Vec<_> = diags.into_sorted().into_iter().filter(|d| d.path != Path::new("signpost.yaml")).collect();
        assert_placed(&diags, &path, &text);
    }

    #[test]
    fn catalogue(resources in mutated("resources.yaml"), translation in mutated("translation.yaml")) {
        // As `load` hands them over; a text it refuses never gets here.
        let decode = |text: &str| signpost::diag::decode(Path::new("x.yaml"), text.as_bytes().to_vec()).ok();
        let (Some(resources), Some(translation)) = (decode(&resources), decode(&translation)) else {
            return Ok(());
        };
        let file = |name: &str, text: &str| CatalogueFile {
            path: PathBuf::from("content/catalogue").join(name),
            name: name.to_string(),
            text: text.to_string(),
        };
        let files = vec![
            file("vocabulary.yaml", "categories: []\naudiences: []\nlanguages: []\ntopics: []\ncomponents: []\n"),
            file("resources.yaml", &resources),
            file("translations/es.yaml", &translation),
        ];
        let mut diags = signpost::diag::Diagnostics::new();
        timed("parse::catalogue", || signpost::parse::catalogue::parse(files, &mut diags));
        for d in diags.into_sorted() {
            let text = if d.path.ends_with("resources.yaml") { &resources } else { &translation };
            assert_placed(std::slice::from_ref(&d), &d.path.clone(), text);
        }
    }
}
