//! Links between pages, resolved for the reader: the same English text is
//! shown in the French site while a page is untranslated, and its links must
//! then lead to French pages. [`crate::parse`] leaves a numbered mark where
//! each such URL goes (see [`LINK_MARK`]); here each mark becomes the URL of
//! its target in the reader's language.

use crate::config::Config;
use crate::escape;
use crate::model::{Document, Footnote, LINK_MARK, Lang, LinkRef, Page, PageKey, Section};

/// `page`'s document with every link mark replaced by its URL for a reader
/// of `lang`.
pub fn document(config: &Config, lang: &Lang, page: &Page) -> Document {
    let doc = &page.doc;
    let fill = |html: &str| resolve(html, &doc.links, |target| config.page_url(lang, target));
    Document {
        intro: fill(&doc.intro),
        sections: doc
            .sections
            .iter()
            .map(|s| Section { title: fill(&s.title), body: fill(&s.body), text: Default::default(), ..s.clone() })
            .collect(),
        footnotes: doc.footnotes.iter().map(|f| Footnote { html: fill(&f.html), ..f.clone() }).collect(),
        ..Document::default()
    }
}

/// `html` with each mark replaced by its link's URL and anchor. A mark
/// whose number is not a link (it cannot come from the parser) is dropped.
pub fn resolve(html: &str, links: &[LinkRef], url: impl Fn(&PageKey) -> String) -> String {
    resolve_each(html, links, |link| {
        let mut href = link.target.as_ref().map(&url).unwrap_or_default();
        if let Some(anchor) = &link.anchor {
            href.push('#');
            href.push_str(&escape::url_fragment(anchor));
        }
        href
    })
}

/// `html` with each mark replaced by `href(link)`, escaped for the quoted
/// attribute it stands in: the whole-toolkit page turns links between its
/// chapters into anchors of its own this way.
pub fn resolve_each(html: &str, links: &[LinkRef], href: impl Fn(&LinkRef) -> String) -> String {
    let Some(first) = html.find(LINK_MARK) else { return html.to_string() };
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(&html[..first]);
    let mut parts = html[first + 1..].split(LINK_MARK);
    while let Some(number) = parts.next() {
        if let Some(link) = number.parse::<usize>().ok().and_then(|n| links.get(n)) {
            // Inside a quoted `href`: the fragment as the author wrote it
            // must not end the attribute.
            out.push_str(&escape::html_attr(&href(link)));
        }
        if let Some(between) = parts.next() {
            out.push_str(between);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_cannot_leave_the_attribute() {
        let links = [link("a", Some("x\" onmouseover=\"alert(1)"))];
        let html = "<a href=\"\u{0}0\u{0}\">A</a>";
        let out = resolve(html, &links, |k: &PageKey| format!("/{}/", k.as_str()));
        assert!(!out.contains("\" onmouseover"), "{out}");
    }

    fn link(target: &str, anchor: Option<&str>) -> LinkRef {
        LinkRef {
            target: Some(PageKey::new(target)),
            anchor: anchor.map(str::to_string),
            dest: String::new(),
            position: (1, 1),
        }
    }

    #[test]
    fn marks_become_urls() {
        let links = [link("a", None), link("b", Some("how"))];
        let url = |k: &PageKey| format!("/fr/{}/", k.as_str());
        let html = "<a href=\"\u{0}0\u{0}\">A</a> <a href=\"\u{0}1\u{0}\">B</a>";
        assert_eq!(resolve(html, &links, url), "<a href=\"/fr/a/\">A</a> <a href=\"/fr/b/#how\">B</a>");
        assert_eq!(resolve("plain", &links, url), "plain");
        // A number that is no link is dropped, never a panic.
        assert_eq!(resolve("x\u{0}9\u{0}y\u{0}", &links, url), "xy");
    }
}
