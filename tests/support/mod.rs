//! `SiteTest`: copy a fixture site into a temporary folder, run the real
//! `signpost` binary on it, and look at what it printed and wrote.
//!
//! Fixtures hold only what their case needs; the repository's theme and
//! interface strings are copied in when a fixture has none of its own.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

pub struct SiteTest {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> SiteTest {
        let test = SiteTest::empty();
        copy_dir(&fixture(name), &test.root);
        test.with_defaults()
    }

    /// A copy of the bundled site at the repository root.
    pub fn bundled() -> SiteTest {
        let test = SiteTest::empty();
        for dir in ["content", "themes", "i18n"] {
            copy_dir(&repo().join(dir), &test.root.join(dir));
        }
        std::fs::copy(repo().join("signpost.yaml"), test.root.join("signpost.yaml")).unwrap();
        test
    }

    /// A copy of this site's sources, without its output or `.signpost/`.
    pub fn copy_sources(&self) -> SiteTest {
        let copy = SiteTest::empty();
        for entry in std::fs::read_dir(&self.root).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name();
            if name == "public" || name == ".signpost" {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &copy.root.join(&name));
            } else {
                std::fs::copy(entry.path(), copy.root.join(&name)).unwrap();
            }
        }
        copy
    }

    fn empty() -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        SiteTest { _dir: dir, root }
    }

    fn with_defaults(self) -> SiteTest {
        if !self.root.join("themes").exists() {
            copy_dir(&repo().join("themes"), &self.root.join("themes"));
        }
        if !self.root.join("i18n").exists() {
            copy_dir(&repo().join("i18n"), &self.root.join("i18n"));
        }
        self
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(args)
            .current_dir(&self.root)
            .output()
            .expect("run signpost");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// `signpost build`, which must succeed.
    pub fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// `signpost build`, which must fail with content errors (exit 1).
    pub fn build_fails(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 1, "expected content errors, got exit {}:\n{}", run.code, run.stderr);
        run
    }

    pub fn output(&self) -> PathBuf {
        self.root.join("public")
    }

    /// A file of the built site, as text.
    pub fn page(&self, rel: &str) -> String {
        let path = self.output().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

impl Run {
    /// Diagnostics without the closing summary line.
    pub fn diagnostics(&self) -> String {
        self.stderr.lines().filter(|l| !l.starts_with("build failed:")).collect::<Vec<_>>().join("\n")
    }
}

/// The `<main>` element of a page: comparing only it keeps tests about
/// content free of noise from the header and footer.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if entry.file_type().is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file below `dir`, relative, sorted, with its bytes.
pub fn snapshot_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}
