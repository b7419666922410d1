use std::path::PathBuf;

use super::*;
use crate::config::Paper;

fn chapter(key: &str, source: &str, markdown: &str) -> Chapter {
    Chapter {
        key: PageKey::new(key),
        source: PathBuf::from(source),
        lang: Lang::new("en"),
        direction: Direction::Ltr,
        fallback_notice: None,
        title: format!("Title of {key}"),
        label: None,
        summary: None,
        markdown: markdown.to_string(),
    }
}

fn book(chapters: Vec<Chapter>) -> Book {
    Book {
        lang: Lang::new("en"),
        direction: Direction::Ltr,
        language_name: "English".into(),
        title: "Kit".into(),
        home_url: "https://e.org/kb/en/".into(),
        base_url: "https://e.org/kb/".into(),
        origin: "https://e.org".into(),
        paper: Paper::A4,
        contents: "Contents".into(),
        chapters,
    }
}

/// The markup of the chapters only (after the fixed preamble).
fn body(b: &Book) -> String {
    let markup = super::book(b);
    markup.text[markup.chapters[0].start..].to_string()
}

#[test]
fn author_text_cannot_become_code() {
    let mut out = String::new();
    escape(&mut out, "#set page(width: 1pt) *x* $y$ <l> @r // c http://a.b 1. - = ~ \\", Mode::Markup);
    // Every ASCII punctuation character is escaped, so none is markup.
    let unescaped =
        out.char_indices().filter(|&(i, c)| c.is_ascii_punctuation() && c != '\\' && !out[..i].ends_with('\\'));
    assert_eq!(unescaped.count(), 0, "{out}");
    assert!(out.starts_with("\\#set page\\(width\\: 1pt\\)"));
    let mut s = String::new();
    escape(&mut s, "a \"quoted\" \\ path\nnext", Mode::String);
    assert_eq!(s, "a \\\"quoted\\\" \\\\ path\\nnext");
}

#[test]
fn links_lead_into_the_book_or_to_the_site() {
    let b = book(vec![
        chapter(
            "",
            "content/en/_index.md",
            "See [step](guidance/a.md#how), [about](about.md) and [web](https://who.int).",
        ),
        chapter(
            "guidance/a",
            "content/en/guidance/a.md",
            "## Why {#why}\n\n## How? {#how}\n\n[back](../_index.md) [top](#why) [map](fig/map.png)",
        ),
    ]);
    let text = body(&b);
    assert!(text.contains("#link(<c1-h1>)[step]"), "{text}");
    assert!(text.contains("#link(\"https://e.org/kb/en/about/\")[about]"), "{text}");
    assert!(text.contains("#link(\"https://who.int\")[web]"), "{text}");
    assert!(text.contains("#heading(level: 2)[How\\?]<c1-h1>"), "{text}");
    assert!(text.contains("#link(<c0>)[back]"), "{text}");
    assert!(text.contains("#link(<c1-h0>)[top]"), "{text}");
    assert!(text.contains("#link(\"https://e.org/kb/en/guidance/fig/map.png\")[map]"), "{text}");
}

#[test]
fn footnotes_numbered_per_chapter_and_reused() {
    let b = book(vec![chapter(
        "",
        "content/en/_index.md",
        "One[^a] two[^b] again[^a].\n\n[^a]: Note *A*.\n[^b]: Note B.\n",
    )]);
    let text = body(&b);
    assert!(text.contains("#counter(footnote).update(0)"));
    assert!(text.contains("One#footnote[Note #emph[A]\\.]<c0-fn0>"), "{text}");
    assert!(text.contains("two#footnote[Note B\\.]<c0-fn1>"), "{text}");
    assert!(text.contains("again#footnote(<c0-fn0>)"), "{text}");
    // The definitions are not repeated in the text.
    assert_eq!(text.matches("Note B").count(), 1);
}

#[test]
fn lists_tables_and_fallbacks() {
    let mut fallback = chapter("x", "content/en/x.md", "- a\n- b\n\n3. c\n\n| h | i |\n|:--|--:|\n| 1 | 2 |\n");
    fallback.fallback_notice = Some("Pas encore traduit".into());
    let mut b = book(vec![fallback]);
    b.lang = Lang::new("fr");
    let text = body(&b);
    assert!(text.contains("#list[a][b]"), "{text}");
    assert!(text.contains("#enum(start: 3)[c]"), "{text}");
    assert!(
        text.contains("#table(columns: 2, align: (start, end,),\ntable.header([h], [i], ),\n[1], [2], \n)"),
        "{text}"
    );
    assert!(text.contains("#set text(lang: \"en\", dir: ltr)"), "{text}");
    assert!(text.contains("#set text(lang: \"fr\", dir: ltr, size: 9.5pt)\nPas encore traduit"), "{text}");
}

#[test]
fn languages_with_regions() {
    assert_eq!(language(&Lang::new("pt-BR"), Direction::Ltr), "lang: \"pt\", region: \"BR\", dir: ltr");
    assert_eq!(language(&Lang::new("ar"), Direction::Rtl), "lang: \"ar\", dir: rtl");
}
