//! `sitemap.xml` with `hreflang` alternates, and `robots.txt`.

use std::fmt::Write;

use crate::config::Config;
use crate::model::Site;
use crate::render::context::alternates;

pub fn sitemap(config: &Config, site: &Site) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // Only real translations are listed: a fallback repeats the original.
    for lang in config.langs() {
        let Some(pages) = site.pages.get(lang) else {
            continue;
        };
        for (key, page) in pages {
            let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", escape(&config.absolute(&config.page_url(lang, key))));
            if let Some(date) = page.front.updated {
                let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
            }
            let alternates = alternates(config, site, key);
            if alternates.len() > 2 {
                for alt in alternates {
                    let _ = writeln!(
                        xml,
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        alt.hreflang,
                        escape(&alt.href)
                    );
                }
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(config: &Config) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", config.base_url)
}

/// An absolute URL as the sitemap protocol wants it: ASCII, XML-escaped.
fn escape(url: &str) -> String {
    crate::escape::xml(&crate::escape::ascii_url(url)).into_owned()
}
