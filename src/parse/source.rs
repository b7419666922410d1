//! Which version of the default-language text a translation was made from.
//!
//! A translation records a short hash of its source's translatable text
//! (`source_hash` in a page's front matter or a catalogue entry, and
//! `i18n/<lang>.sources.yaml` for interface strings). When the source
//! changes, its hash no longer matches and the translation is outdated. No
//! version control is needed, and facts that are not translated (a page's
//! `order`, a resource's year) do not make translations stale.

use sha2::{Digest, Sha256};

use crate::model::FrontMatter;
use crate::model::Resource;

/// 12 hex digits (48 bits) of SHA-256: short enough to read in a diff,
/// far too long to collide by chance within one site.
fn of_parts(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        // A separator, so that moving text between fields changes the hash.
        hasher.update([0u8]);
    }
    hasher.finalize()[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// A page's title, summary, label and body. Trailing blank lines do not
/// count, so an editor that adds a final newline changes nothing.
pub fn page(front: &FrontMatter, body: &str) -> String {
    let summary = front.summary.as_deref().unwrap_or("");
    let label = front.label.as_deref().unwrap_or("");
    of_parts(&["page", front.title.trim(), summary.trim(), label.trim(), body.trim_end()])
}

/// A resource's title, summary and link labels: what a translation file
/// gives in another language.
pub fn resource(resource: &Resource) -> String {
    let mut parts = vec!["resource", resource.title.as_str(), resource.summary.as_str()];
    parts.extend(resource.links.iter().filter_map(|l| l.label.as_deref()));
    of_parts(&parts)
}

/// An interface string: its Fluent source text after `id =`.
pub fn string(source: &str) -> String {
    of_parts(&["string", source.trim()])
}

/// A block of a page body, for the id of its translation unit.
pub fn block(text: &str) -> String {
    of_parts(&["block", text])[..8].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_translatable_text_counts() {
        let mut front = FrontMatter { title: "Assess".into(), ..Default::default() };
        let before = page(&front, "Body.\n");
        front.order = Some(3);
        assert_eq!(page(&front, "Body.\n\n"), before, "order and trailing blank lines are not text");
        front.summary = Some("New".into());
        assert_ne!(page(&front, "Body.\n"), before);
        assert_eq!(before.len(), 12);
    }

    #[test]
    fn fields_are_separated() {
        assert_ne!(of_parts(&["ab", "c"]), of_parts(&["a", "bc"]));
    }
}
