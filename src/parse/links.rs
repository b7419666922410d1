//! How Markdown names places: a heading's id, a link that leaves the
//! site, a file path relative to the page. Shared by the HTML pages, the
//! PDF and the translation files, which must agree on them.

/// The id of the section a heading opens, shared by all languages when the
/// author writes `{#how}`; otherwise derived from the heading's words.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() { "section".to_string() } else { slug }
}

/// A link with a scheme (`https:`, `mailto:`) or to another host (`//`).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    // A scheme: letters, digits, `+-.`, then `:` before any `/`, `?` or `#`.
    match dest.find([':', '/', '?', '#']) {
        Some(i) if dest.as_bytes()[i] == b':' => {
            dest[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => false,
    }
}

/// `dir/rel` with `.` and `..` resolved; `None` if it climbs above the
/// language folder.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slugify("Key considerations"), "key-considerations");
        assert_eq!(slugify("Pourquoi ?"), "pourquoi");
        assert_eq!(slugify("لماذا؟"), "لماذا");
        assert_eq!(slugify("!!"), "section");
    }

    #[test]
    fn joins_relative_paths() {
        assert_eq!(join("guidance", "../about.md").as_deref(), Some("about.md"));
        assert_eq!(join("", "guidance/a.md").as_deref(), Some("guidance/a.md"));
        assert_eq!(join("", "../x.md"), None);
    }

    #[test]
    fn external_links() {
        assert!(is_external("https://who.int"));
        assert!(is_external("mailto:a@b.org"));
        assert!(!is_external("a.md#x:y"));
        assert!(!is_external("guidance/a.md"));
    }
}
