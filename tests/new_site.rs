//! A site of one's own, outside the repository, with only the binary:
//! `signpost new`, build, serve; the built-in theme and strings, overridden
//! file by file and string by string; `theme export`.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::snapshot_tree;

/// A temporary folder (outside the repository) to run the binary in.
struct Outside {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stderr: String,
}

impl Outside {
    fn new() -> Outside {
        let dir = tempfile::tempdir().unwrap();
        assert!(!dir.path().starts_with(env!("CARGO_MANIFEST_DIR")));
        Outside { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn run(&self, cwd: &str, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(args)
            .current_dir(self.path(cwd))
            .output()
            .expect("run signpost");
        Run { code: output.status.code().unwrap_or(-1), stderr: String::from_utf8_lossy(&output.stderr).into_owned() }
    }

    fn ok(&self, cwd: &str, args: &[&str]) -> Run {
        let run = self.run(cwd, args);
        assert_eq!(run.code, 0, "signpost {args:?} failed:\n{}", run.stderr);
        run
    }

    /// `signpost new site` in all four languages with starter text.
    fn new_site(&self) -> PathBuf {
        self.ok(".", &["new", "site", "--languages", "en,fr,es,ar", "--title", "Field notes"]);
        self.path("site")
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

#[test]
fn a_new_site_builds_and_serves_at_once() {
    let outside = Outside::new();
    let site = outside.new_site();
    assert!(!site.join("themes").exists() && !site.join("i18n").exists(), "the theme and strings are built in");
    assert_eq!(outside.read("site/.gitignore").lines().filter(|l| *l == "public/" || *l == ".signpost/").count(), 2);
    let run = outside.ok("site", &["build"]);
    assert!(!run.stderr.contains("warning"), "a starter site builds without warnings:\n{}", run.stderr);
    let step = outside.read("site/public/ar/guidance/first-step/index.html");
    assert!(step.contains(r#"dir="rtl""#) && step.contains("لماذا هذه الخطوة ضرورية؟"));
    for id in ["why", "how", "minimum", "comprehensive", "key-considerations"] {
        assert!(step.contains(&format!(r#"id="{id}""#)), "section {id}");
    }
    assert!(outside.path("site/public/fr/resources/example-guide/index.html").is_file());
    assert!(outside.path("site/public/style.css").is_file(), "the built-in theme's static files");
    // Audiences the built-in strings do not know are titled by their label.
    let home = outside.read("site/public/fr/index.html");
    assert!(home.contains("Praticiens</a>") && !home.contains("organismes de mise en œuvre"), "{home}");

    // Translations are marked current, as `translate --done` would.
    let status = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["i18n", "status", "--strict"])
        .current_dir(&site)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stdout));

    // Serve the built site and fetch a page.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--no-live", "--port", &port.to_string()])
        .current_dir(&site)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let page = get(port, "/fr/guidance/first-step/");
    let _ = server.kill();
    let _ = server.wait();
    let page = page.expect("the server answers");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Planifier le travail"));

    // A non-empty folder is refused; so is a bad language code.
    let refused = outside.run(".", &["new", "site"]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("is not empty"), "{}", refused.stderr);
    assert_eq!(outside.run(".", &["new", "other", "--languages", "en,Français"]).code, 2);

    // A page and a catalogue entry, written inside the site, build.
    outside.ok("site", &["new", "page", "guidance/next-step.md", "--guidance"]);
    outside.ok("site", &["new", "resource", "who-mhgap-guide"]);
    assert_eq!(outside.run("site", &["new", "resource", "who-mhgap-guide"]).code, 2, "the id is taken");
    let page = outside.read("site/content/en/guidance/next-step.md");
    assert!(page.starts_with("---\ntitle: \"Next step\"\n") && page.contains("{#key-considerations}"), "{page}");
    outside.ok("site", &["build"]);
    assert!(outside.path("site/public/en/guidance/next-step/index.html").is_file());
    assert!(outside.path("site/public/en/resources/who-mhgap-guide/index.html").is_file());
}

/// A GET over HTTP/1.1, retried while the server starts.
fn get(port: u16, path: &str) -> Option<String> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            stream.write_all(request.as_bytes()).ok()?;
            let mut response = Vec::new();
            stream.read_to_end(&mut response).ok()?;
            return Some(String::from_utf8_lossy(&response).into_owned());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
fn a_site_overrides_the_built_in_theme_file_by_file() {
    let outside = Outside::new();
    let site = outside.new_site();
    outside.ok("site", &["build"]);
    let built_in_css = outside.read("site/public/style.css");
    let other_page = outside.read("site/public/en/guidance/first-step/index.html");

    write(&site, "static/style.css", "body { color: teal }\n");
    write(
        &site,
        "templates/home.html",
        "{% extends \"section.html\" %}{% block title %}Home: {{ site.title }}{% endblock title %}",
    );
    write(&site, "i18n/fr.ftl", "next = Plus loin\n");
    outside.ok("site", &["build"]);
    assert_eq!(outside.read("site/public/style.css"), "body { color: teal }\n");
    assert_ne!(built_in_css, "body { color: teal }\n");
    assert!(outside.path("site/public/search.js").is_file(), "the other static files stay built in");
    assert!(outside.read("site/public/en/index.html").contains("<title>Home: Field notes</title>"));
    assert_eq!(outside.read("site/public/en/guidance/first-step/index.html"), other_page, "other templates unchanged");

    // One French string changes; the rest stay the built-in French ones.
    outside.ok("site", &["new", "page", "guidance/second-step.md", "--lang", "en"]);
    let fr = "---\ntitle: \"Deuxième étape\"\n---\n\nTexte.\n";
    write(&site, "content/fr/guidance/second-step.md", fr);
    let yaml = std::fs::read_to_string(site.join("signpost.yaml")).unwrap();
    write(&site, "signpost.yaml", &format!("{yaml}  - guidance/second-step.md\n"));
    outside.ok("site", &["build"]);
    let page = outside.read("site/public/fr/guidance/first-step/index.html");
    assert!(page.contains(r#"<span class="pager-dir">Plus loin</span>"#), "{page}");
    assert!(page.contains("Aller au contenu"));
    assert!(outside.read("site/public/en/guidance/first-step/index.html").contains(">Next</span>"));

    // A theme that does not exist is an error at its line.
    write(&site, "signpost.yaml", &format!("{yaml}theme: plain\n"));
    let run = outside.run("site", &["build"]);
    assert_eq!(run.code, 1);
    let line = yaml.lines().count() + 1;
    assert!(run.stderr.contains(&format!("signpost.yaml:{line}:8: error: theme `plain` not found")), "{}", run.stderr);
}

#[test]
fn an_exported_theme_builds_the_same_bytes() {
    let outside = Outside::new();
    let site = outside.new_site();
    outside.ok("site", &["build"]);
    let before = snapshot_tree(&site.join("public"));
    let run = outside.ok("site", &["theme", "export"]);
    assert!(run.stderr.contains("themes/default"), "{}", run.stderr);
    assert!(site.join("themes/default/templates/base.html").is_file());
    assert!(site.join("themes/default/static/style.css").is_file());
    outside.ok("site", &["build"]);
    assert_eq!(snapshot_tree(&site.join("public")), before);
    // A second export would overwrite a customised theme: refused.
    let again = outside.run("site", &["theme", "export"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("not empty"), "{}", again.stderr);
}

#[test]
fn edit_url_links_every_page_to_its_file() {
    let outside = Outside::new();
    outside.ok(".", &["new", "site", "--languages", "en,fr"]);
    let site = outside.path("site");
    let yaml = std::fs::read_to_string(site.join("signpost.yaml")).unwrap();
    write(&site, "signpost.yaml", &format!("{yaml}edit_url: https://git.example.org/kb/edit/main/{{path}}\n"));
    outside.ok("site", &["new", "page", "guidance/only-english.md"]);
    outside.ok("site", &["build"]);
    let edit = |rel: &str| format!(r#"href="https://git.example.org/kb/edit/main/{rel}" rel="nofollow">"#);
    let en = outside.read("site/public/en/guidance/first-step/index.html");
    assert!(en.contains(&format!("{}Edit this page</a>", edit("content/en/guidance/first-step.md"))), "{en}");
    assert!(!en.contains("Translate this page"));
    let fr = outside.read("site/public/fr/guidance/first-step/index.html");
    assert!(fr.contains(&format!("{}Modifier cette page</a>", edit("content/fr/guidance/first-step.md"))));
    // Shown in English to French readers: edit the English file, or
    // translate into the French one.
    let fallback = outside.read("site/public/fr/guidance/only-english/index.html");
    assert!(fallback.contains(&format!("{}Modifier cette page</a>", edit("content/en/guidance/only-english.md"))));
    assert!(fallback.contains(&format!("{}Traduire cette page</a>", edit("content/fr/guidance/only-english.md"))));

    write(&site, "signpost.yaml", &format!("{yaml}edit_url: https://git.example.org/kb/edit/main/\n"));
    let run = outside.run("site", &["build"]);
    assert_eq!(run.code, 1);
    let line = yaml.lines().count() + 1;
    assert!(
        run.stderr.contains(&format!("signpost.yaml:{line}:11: error: `edit_url` must contain `{{path}}`")),
        "{}",
        run.stderr
    );
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_new_site_builds_its_pdf_and_offline_copy_with_the_built_in_fonts() {
    let outside = Outside::new();
    let site = outside.new_site();
    let config = outside.read("site/signpost.yaml");
    std::fs::write(site.join("signpost.yaml"), format!("{config}downloads:\n  pdf: true\n  offline: true\n")).unwrap();
    outside.ok("site", &["build"]);
    for lang in ["en", "ar"] {
        let pdf = std::fs::read(site.join(format!("public/{lang}/field-notes.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{lang}");
        assert!(site.join(format!("public/{lang}/field-notes-offline.zip")).is_file(), "{lang}");
    }
    // The theme's own fonts, once exported, give the same PDF.
    let before = std::fs::read(site.join("public/ar/field-notes.pdf")).unwrap();
    outside.ok("site", &["theme", "export"]);
    assert!(site.join("themes/default/fonts/NotoNaskhArabic-Regular.ttf").is_file());
    outside.ok("site", &["build"]);
    assert_eq!(std::fs::read(site.join("public/ar/field-notes.pdf")).unwrap(), before);
}
