//! The toolkit's PDF per language (`downloads.pdf`): read back with
//! poppler's tools (`pdftotext`, `pdffonts`, `pdftoppm`, from Debian's
//! poppler-utils) and lopdf for the outline.
//!
//! One build of the bundled site serves the checks of all four languages;
//! the pages of the first language and an Arabic body page are rendered to
//! `target/pdf-pages/` for people to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{SiteTest, repo};

/// The navigation of the bundled site, as `signpost.yaml` lists it.
fn navigation() -> Vec<String> {
    let config = std::fs::read_to_string(repo().join("signpost.yaml")).unwrap();
    let start = config.find("\nnavigation:\n").expect("a navigation") + "\nnavigation:\n".len();
    config[start..].lines().map_while(|l| l.trim().strip_prefix("- ")).map(str::to_string).collect()
}

/// The built page of a navigation entry (`guidance/a.md` → `ar/guidance/a/index.html`).
fn html_of(lang: &str, entry: &str) -> String {
    let key = entry.trim_end_matches(".md").trim_end_matches("_index").trim_end_matches('/');
    if key.is_empty() { format!("{lang}/index.html") } else { format!("{lang}/{key}/index.html") }
}

/// The text of each element `<tag ...>…</tag>` in `html`, tags removed and
/// entities decoded, in order.
fn texts(html: &str, open: &str, close: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let inner_start = after.find('>').unwrap() + 1;
        let end = after.find(close).unwrap();
        found.push(plain(&after[inner_start..end]));
        rest = &after[end..];
    }
    found
}

fn plain(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    words(&text)
}

/// Whitespace collapsed: lines wrap differently on paper.
/// Words separated by single spaces, without Arabic harakat, which the
/// PDF leaves out on purpose (see `is_haraka` in src/pdf/markup.rs).
fn words(text: &str) -> String {
    let text: String = text.chars().filter(|c| !('\u{064B}'..='\u{0652}').contains(c)).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A string of `i18n/<lang>.ftl` (a single-line one).
fn interface_string(lang: &str, id: &str) -> String {
    let ftl = std::fs::read_to_string(repo().join(format!("i18n/{lang}.ftl"))).unwrap();
    let line = ftl.lines().find_map(|l| l.strip_prefix(&format!("{id} = "))).unwrap();
    line.trim().to_string()
}

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (Debian poppler-utils, see scripts/setup.sh): {e}"));
    assert!(output.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The titles of the top-level bookmarks, in order.
fn outline(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let outlines = doc.get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap()).unwrap();
    let mut titles = Vec::new();
    let mut next = outlines.get(b"First").ok().map(|o| o.as_reference().unwrap());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        titles.push(words(&lopdf::decode_text_string(item.get(b"Title").unwrap()).unwrap()));
        next = item.get(b"Next").ok().map(|o| o.as_reference().unwrap());
    }
    titles
}

fn pdf_of(site: &SiteTest, lang: &str) -> PathBuf {
    let home = site.page(&format!("{lang}/index.html"));
    let link = home.find("\" type=\"application/pdf\"").expect("the home page links the PDF");
    let href = &home[home[..link].rfind("href=\"").unwrap() + 6..link];
    // Below the site's base path (`/kb/`), in the language's folder.
    let rel = &href[href.find(&format!("/{lang}/")).unwrap_or_else(|| panic!("{href}")) + 1..];
    assert!(href.starts_with('/') && rel.ends_with(".pdf"), "{href}");
    let path = site.output().join(rel);
    let size = &home[link..];
    let size = &size[size.find("(PDF, ").unwrap() + 6..size.find(")</span>").unwrap()];
    assert!(size.ends_with(" KB") || size.ends_with(" MB"), "size shown: {size}");
    path
}

#[test]
fn bundled_toolkit_as_pdf_in_every_language() {
    let site = SiteTest::bundled();
    site.build();
    let navigation = navigation();
    let pages_dir = repo().join("target/pdf-pages");
    std::fs::create_dir_all(&pages_dir).unwrap();
    let mut first_build = Vec::new();
    for lang in ["en", "fr", "es", "ar"] {
        let pdf = pdf_of(&site, lang);
        let file = pdf.to_str().unwrap();
        first_build.push((pdf.clone(), std::fs::read(&pdf).unwrap()));

        // Text: every navigation page's title, then its section headings,
        // in reading order, as the page itself writes them.
        let text = words(&tool("pdftotext", &["-enc", "UTF-8", file, "-"]));
        let resources = interface_string(lang, "resources");
        let mut expected = Vec::new();
        for entry in &navigation {
            let html = site.page(&html_of(lang, entry));
            let main = crate::support::main_of(&html);
            expected.push(texts(main, "<h1", "</h1>").remove(0));
            // The page's sections; not the lists the site adds (pages of a
            // section, resources, notes, "On this page", downloads).
            let sections = main.split("<h2").skip(1).filter(|h| {
                !["children-heading", "notes-heading", "toc-heading", "downloads-heading"]
                    .iter()
                    .any(|id| h.starts_with(&format!(" id=\"{id}\"")))
            });
            expected.extend(
                sections
                    .map(|h| plain(&h[h.find('>').unwrap() + 1..h.find("</h2>").unwrap()]))
                    .filter(|h| *h != resources),
            );
        }
        // The body starts where the first chapter's title appears again,
        // after the table of contents.
        let first = &expected[0];
        let toc = text.find(first.as_str()).unwrap_or_else(|| panic!("{lang}: `{first}` not in the PDF"));
        let mut at = toc + first.len();
        at = text[at..].find(first.as_str()).map(|i| at + i).unwrap_or(toc);
        for heading in &expected {
            match text[at..].find(heading.as_str()) {
                Some(i) => at += i + heading.len(),
                None => panic!("{lang}: `{heading}` missing or out of order in the PDF's text"),
            }
        }

        // Bookmarks: one per navigation page, with its title.
        let titles: Vec<String> = navigation
            .iter()
            .map(|entry| texts(crate::support::main_of(&site.page(&html_of(lang, entry))), "<h1", "</h1>").remove(0))
            .collect();
        assert_eq!(outline(&pdf), titles, "{lang}: the outline");

        // Fonts: every font embedded (subset); Arabic set in Noto Naskh Arabic.
        let fonts = tool("pdffonts", &[file]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in &rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(columns[columns.len() - 5], "yes", "{lang}: font not embedded: {row}");
        }
        assert!(fonts.contains("NotoSans"), "{fonts}");
        if lang == "ar" {
            assert!(fonts.contains("NotoNaskhArabic"), "{fonts}");
        }

        // For review: the cover of each, and an Arabic body page.
        let png = pages_dir.join(format!("{lang}-cover")).to_string_lossy().into_owned();
        tool("pdftoppm", &["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file, &png]);
        if lang == "ar" {
            let png = pages_dir.join("ar-body").to_string_lossy().into_owned();
            tool("pdftoppm", &["-png", "-r", "80", "-f", "4", "-l", "4", "-singlefile", file, &png]);
        }
    }

    // The same site gives the same bytes.
    site.build();
    for (pdf, bytes) in first_build {
        assert!(std::fs::read(&pdf).unwrap() == bytes, "{} differs between two builds", pdf.display());
    }
}

#[test]
fn paper_size_and_switch() {
    let site = SiteTest::fixture("site/multilingual");
    let config = std::fs::read_to_string(site.root.join("signpost.yaml")).unwrap();
    site.write("signpost.yaml", format!("{config}downloads:\n  pdf: true\npdf:\n  paper: letter\n"));
    site.build();
    let pdf = pdf_of(&site, "en");
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
    assert!(!site.output().join("fr/index.html").exists() || site.page("fr/index.html").contains(".pdf"));

    site.write("signpost.yaml", format!("{config}downloads:\n  pdf: false\n"));
    site.build();
    assert!(!pdf.exists(), "no PDF when downloads.pdf is false");
    assert!(!site.page("en/index.html").contains(".pdf\""));
}
