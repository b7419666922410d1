//! `signpost new`: a small, valid starter site, and a new page or catalogue
//! entry in an existing site, with the front matter filled in.
//!
//! The starter site has what a real one has, once: a home page, a section
//! with one guidance page (the five sections why, how, minimum,
//! comprehensive and key considerations), a catalogue of three entries with
//! its vocabulary, and a `.gitignore`. Its text is written in each chosen
//! language (`scaffold/text.rs`); translations are marked current with the same
//! `source_hash` that `signpost translate --done` records.

mod text;

use std::path::{Path, PathBuf};

use crate::Failure;
use crate::diag::Diagnostics;
use crate::parse::front_matter;
use crate::translation::{mark, source};

/// What `signpost new DIR` was asked for.
pub struct NewSite {
    pub dir: PathBuf,
    /// Language codes, the default first.
    pub languages: Vec<String>,
    pub title: Option<String>,
}

/// Writes the starter site into `new.dir`, which must be missing or empty.
/// Returns the files written, relative to it.
pub fn site(new: &NewSite) -> Result<Vec<PathBuf>, Failure> {
    let occupied = std::fs::read_dir(&new.dir).map(|mut e| e.next().is_some()).unwrap_or(false);
    if occupied {
        return Err(usage(format!("{} is not empty: give a new or empty folder", new.dir.display())));
    }
    let languages = languages(&new.languages)?;
    let default = languages[0].as_str();
    let files = files(&languages, new.title.as_deref());
    for (rel, text) in &files {
        let path = new.dir.join(rel);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|e| Failure::Io(anyhow::anyhow!("cannot write {}: {e}", path.display())))?;
    }
    // The catalogue's translations, marked current as `translate --done`
    // does: the hash is of the entry as the catalogue parser reads it.
    for lang in languages.iter().filter(|l| l.as_str() != default && text::for_lang(l).1) {
        for id in RESOURCE_IDS {
            crate::translation::done(&new.dir, &format!("resources/{id}"), lang, false)?;
        }
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// Checked codes, without repeats; `en` when none are given.
fn languages(codes: &[String]) -> Result<Vec<String>, Failure> {
    let mut out: Vec<String> = Vec::new();
    for code in codes.iter().flat_map(|c| c.split(',')).map(str::trim).filter(|c| !c.is_empty()) {
        let mut parts = code.split('-');
        let primary = parts.next().unwrap_or_default();
        let valid = (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_lowercase())
            && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !valid {
            return Err(usage(format!("`{code}` is not a language code such as en, fr, es, ar or pt-BR")));
        }
        if !out.iter().any(|c| c == code) {
            out.push(code.to_string());
        }
    }
    if out.is_empty() {
        out.push("en".to_string());
    }
    Ok(out)
}

const RESOURCE_IDS: [&str; 3] = ["example-guide", "example-checklist", "example-training-manual"];

/// Every file of the starter site: path relative to its folder, text.
fn files(languages: &[String], title: Option<&str>) -> Vec<(PathBuf, String)> {
    let default = &languages[0];
    let mut files = vec![
        (PathBuf::from(".gitignore"), "# Build output and caches of signpost\npublic/\n.signpost/\n".to_string()),
        (PathBuf::from(crate::config::CONFIG_FILE), config(languages, title)),
    ];
    let (source, _) = text::for_lang(default);
    // The default language's pages first: translations record their hash.
    let mut source_files: Vec<String> = Vec::new();
    for lang in languages {
        let (text, real) = text::for_lang(lang);
        let pages = [
            ("_index.md", &text.home, None),
            ("guidance/_index.md", &text.section, None),
            ("guidance/first-step.md", &text.step, Some(text.step_label)),
        ];
        for (i, (rel, page, label)) in pages.into_iter().enumerate() {
            let note = (!real).then(|| untranslated_note(lang, lang == default));
            let mut file = page_file(page, label, note.as_deref());
            if lang == default {
                source_files.push(file.clone());
            } else if real {
                // Marked as translated from the default language's page.
                let hash = page_hash(&source_files[i]);
                file = mark::page(&file, &hash, mark::Draft::Clear).unwrap_or(file);
            }
            files.push((Path::new("content").join(lang).join(rel), file));
        }
    }
    files.push((PathBuf::from("content/catalogue/vocabulary.yaml"), vocabulary(languages)));
    files.push((PathBuf::from("content/catalogue/resources.yaml"), resources(source, default)));
    for lang in languages.iter().filter(|l| *l != default) {
        let (text, real) = text::for_lang(lang);
        if real {
            let path = Path::new("content/catalogue/translations").join(format!("{lang}.yaml"));
            files.push((path, translations(text)));
        }
    }
    files
}

fn config(languages: &[String], title: Option<&str>) -> String {
    let (source, _) = text::for_lang(&languages[0]);
    let mut out = String::from("# Site configuration: see Signpost's README, \"Configuration\".\n");
    out.push_str(&format!("title: {}\n", quote(title.unwrap_or(source.site_title))));
    out.push_str(&format!("description: {}\n", quote(source.description)));
    out.push_str("# The address the site will be published at.\nbase_url: https://example.org/\n");
    out.push_str(&format!("default_language: {}\nlanguages:\n", languages[0]));
    for (i, lang) in languages.iter().enumerate() {
        let (text, real) = text::for_lang(lang);
        let name = if real { text.name } else { lang.as_str() };
        out.push_str(&format!("  - code: {lang}\n    name: {}\n", quote(name)));
        if !real {
            out.push_str("    # The language's name in itself (\"Português\").\n");
        }
        if i > 0 && title.is_none() && real {
            out.push_str(&format!("    title: {}\n", quote(text.site_title)));
        }
    }
    out.push_str("# The guidance, in reading order (previous/next follow it).\n");
    out.push_str("navigation:\n  - _index.md\n  - guidance/_index.md\n  - guidance/first-step.md\n");
    out
}

/// The note atop a page whose text is still the English starter text.
fn untranslated_note(lang: &str, is_default: bool) -> String {
    if is_default {
        format!("> This page is still in English: rewrite it in `{lang}`.")
    } else {
        format!(
            "> This page is still in English: translate it into `{lang}`, then run `signpost translate --done <page> --lang {lang}`."
        )
    }
}

/// A page file, with `note` above its text.
fn page_file(page: &text::Page, label: Option<&str>, note: Option<&str>) -> String {
    let mut out = format!("---\ntitle: {}\nsummary: {}\n", quote(page.title), quote(page.summary));
    if let Some(label) = label {
        out.push_str(&format!("label: {}\norder: 1\naudience: [practitioners, managers]\n", quote(label)));
    }
    out.push_str("---\n\n");
    if let Some(note) = note {
        out.push_str(note);
        out.push_str("\n\n");
    }
    out.push_str(page.body);
    out
}

fn page_hash(file: &str) -> String {
    let path = Path::new("page.md");
    let split = front_matter::split(file, path).expect("the starter pages have front matter");
    let front = front_matter::parse(&split, path, &mut Diagnostics::new()).expect("the starter pages parse");
    source::page(&front, split.body)
}

fn vocabulary(languages: &[String]) -> String {
    let labels = |pick: &dyn Fn(&text::Text) -> &'static str| {
        let entries: Vec<String> =
            languages.iter().map(|l| format!("{l}: {}", quote(pick(text::for_lang(l).0)))).collect();
        format!("{{{}}}", entries.join(", "))
    };
    let mut out = String::from(
        "# Controlled vocabulary of the resource catalogue, with a label in every language of the site.\n",
    );
    let untranslated: Vec<&str> = languages.iter().filter(|l| !text::for_lang(l).1).map(String::as_str).collect();
    if !untranslated.is_empty() {
        out.push_str(&format!("# The {} labels are in English: translate them.\n", untranslated.join(", ")));
    }
    out.push_str("\ncategories:\n");
    for (i, id) in ["guidance", "tools"].iter().enumerate() {
        out.push_str(&format!("  - id: {id}\n    label: {}\n", labels(&|t| t.categories[i])));
    }
    out.push_str("\naudiences:\n");
    for (i, id) in ["practitioners", "managers"].iter().enumerate() {
        out.push_str(&format!("  - id: {id}\n    label: {}\n", labels(&|t| t.audiences[i])));
    }
    out.push_str("\n# Languages a document can be written in; `other` groups the rest.\nlanguages:\n");
    for (i, id) in ["en", "fr", "es", "ar", "other"].iter().enumerate() {
        out.push_str(&format!("  - id: {id}\n    label: {}\n", labels(&|t| t.languages[i])));
    }
    out.push_str("\n# Toolkit components: each points to its guidance page (relative to content/<lang>/).\n");
    out.push_str("components:\n  - id: first-step\n    page: guidance/first-step.md\n");
    out
}

fn resources(text: &text::Text, lang: &str) -> String {
    let mut out = format!("# The resource catalogue: facts and {lang} text, one entry per resource.\n");
    out.push_str("# Add one with: signpost new resource ID\n");
    let facts = [
        ("guidance", "[practitioners, managers]", "en"),
        ("tools", "[practitioners]", "fr"),
        ("tools", "[managers]", "ar"),
    ];
    for (i, (id, (category, audiences, link_lang))) in RESOURCE_IDS.iter().zip(facts).enumerate() {
        out.push_str(&format!(
            "\n- id: {id}\n  added: 2025-01-0{}\n  title: {}\n  organisation: Example Organisation\n  year: 2024\n  categories: [{category}]\n  audiences: {audiences}\n  components: [first-step]\n  summary: {}\n  links:\n    - url: https://example.org/\n      language: {link_lang}\n",
            i + 1,
            quote(text.titles[i]),
            quote(text.summaries[i]),
        ));
    }
    out
}

fn translations(text: &text::Text) -> String {
    let mut out = String::from("# Translated text of the resource catalogue.\n");
    for (i, id) in RESOURCE_IDS.iter().enumerate() {
        out.push_str(&format!(
            "\n{id}:\n  title: {}\n  summary: {}\n",
            quote(text.titles[i]),
            quote(text.summaries[i])
        ));
    }
    out
}

/// `signpost new page PATH`: a page in the default language (or `lang`),
/// its title taken from the file name. Returns its path in the site.
pub fn page(root: &Path, path: &str, lang: Option<&str>, guidance: bool) -> Result<PathBuf, Failure> {
    let config = crate::config::load(root, None)?;
    let lang = lang.unwrap_or(config.default_lang.as_str());
    if config.language(&crate::model::Lang::new(lang)).is_none() {
        return Err(usage(format!("`{lang}` is not a language of this site (see signpost.yaml)")));
    }
    let mut rel = path.replace('\\', "/").trim_start_matches("./").to_string();
    if let Some(inner) = rel.strip_prefix(&format!("content/{lang}/")) {
        rel = inner.to_string();
    }
    if !rel.ends_with(".md") {
        rel.push_str(".md");
    }
    if rel.starts_with('/') || rel.split('/').any(|p| p == ".." || p.is_empty()) {
        return Err(usage(format!("`{path}` is not a path inside the language folder, such as guidance/next-step.md")));
    }
    let target = Path::new("content").join(lang).join(&rel);
    let absolute = root.join(&target);
    if absolute.exists() {
        return Err(usage(format!("{} exists already", target.display())));
    }
    let stem = rel.rsplit('/').next().unwrap_or_default().trim_end_matches(".md");
    let stem = if stem == "_index" { rel.rsplit('/').nth(1).unwrap_or("home") } else { stem };
    let mut title: String = stem.replace(['-', '_'], " ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    let mut text = format!("---\ntitle: {}\nsummary: \"\"\n", quote(&title));
    if guidance {
        let (source, _) = text::for_lang("en");
        text.push_str("order: 1\n---\n\n");
        // The five sections, with their ids and empty bodies.
        for line in source.step.body.lines().filter(|l| l.starts_with("#")) {
            text.push_str(&format!("{line}\n\n"));
        }
    } else {
        text.push_str("---\n\n## First section {#first}\n\nWrite here.\n");
    }
    write_new(&absolute, &text)?;
    Ok(target)
}

/// `signpost new resource ID`: an entry at the end of the catalogue, with
/// today's date and the vocabulary's first category and audience.
pub fn resource(root: &Path, id: &str) -> Result<PathBuf, Failure> {
    let config = crate::config::load(root, None)?;
    let valid = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(usage(format!("`{id}` is not a valid id: use lowercase letters, digits and hyphens")));
    }
    let catalogue = root.join("content/catalogue");
    let vocabulary = std::fs::read_to_string(catalogue.join("vocabulary.yaml"))
        .map_err(|e| usage(format!("content/catalogue/vocabulary.yaml: {e}: this site has no catalogue")))?;
    let first = |list: &str| {
        let start = vocabulary.find(&format!("\n{list}:"))?;
        vocabulary[start..].lines().find_map(|l| l.trim().strip_prefix("- id:")).map(|v| v.trim().to_string())
    };
    let (Some(category), Some(audience)) = (first("categories"), first("audiences")) else {
        return Err(usage("content/catalogue/vocabulary.yaml declares no category or no audience".to_string()));
    };
    let (file, existing) = if catalogue.join("resources").is_dir() {
        let file = Path::new("content/catalogue/resources").join(format!("{id}.yaml"));
        (file, String::new())
    } else {
        let file = PathBuf::from("content/catalogue/resources.yaml");
        let existing = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
        (file, existing)
    };
    let taken = walkdir::WalkDir::new(&catalogue)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.path().components().any(|c| c.as_os_str() == "translations"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .any(|text| text.lines().any(|l| l.trim().strip_prefix("- id:").is_some_and(|v| v.trim() == id)));
    if taken {
        return Err(usage(format!("the catalogue has a resource `{id}` already")));
    }
    let (year, date) = today();
    let title = id.replace('-', " ");
    let entry = format!(
        "\n- id: {id}\n  added: {date}\n  title: {}\n  organisation: \"\"\n  year: {year}\n  categories: [{category}]\n  audiences: [{audience}]\n  summary: \"\"\n  links:\n    - url: https://example.org/\n      language: {}\n",
        quote(&(title[..1].to_uppercase() + &title[1..])),
        config.default_lang,
    );
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&entry);
    let absolute = root.join(&file);
    absolute
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&absolute, text))
        .map_err(|e| Failure::Io(anyhow::anyhow!("cannot write {}: {e}", file.display())))?;
    Ok(file)
}

/// The current year and date (UTC), from the days since 1970 by Howard
/// Hinnant's civil-from-days algorithm: one date does not justify a crate.
fn today() -> (i64, String) {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil((seconds / 86_400) as i64)
}

/// Year and `YYYY-MM-DD` of a day counted from 1970-01-01.
fn civil(days_since_epoch: i64) -> (i64, String) {
    let days = days_since_epoch + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, format!("{year:04}-{month:02}-{day:02}"))
}

fn write_new(absolute: &Path, text: &str) -> Result<(), Failure> {
    absolute
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(absolute, text))
        .map_err(|e| Failure::Io(anyhow::anyhow!("cannot write {}: {e}", absolute.display())))
}

/// A YAML string in double quotes: JSON's escapes are YAML's.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn usage(message: String) -> Failure {
    Failure::Usage(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Translations record the hash of the default language's page as
    /// written, also when that page holds the English text with a note.
    #[test]
    fn translations_match_the_default_pages_as_written() {
        for languages in [["en", "fr"], ["pt", "ar"]] {
            let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
            let files = files(&languages, None);
            let text = |rel: &str| &files.iter().find(|(p, _)| p == Path::new(rel)).unwrap().1;
            let source = text(&format!("content/{}/guidance/first-step.md", languages[0]));
            let translation = text(&format!("content/{}/guidance/first-step.md", languages[1]));
            assert!(translation.contains(&format!("source_hash: {}\n", page_hash(source))), "{translation}");
            assert_eq!(source.contains("still in English"), languages[0] == "pt");
        }
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(civil(0).1, "1970-01-01");
        assert_eq!(civil(11_016).1, "2000-02-29");
        assert_eq!(civil(20_454), (2026, "2026-01-01".to_string()));
        assert_eq!(civil(20_513).1, "2026-03-01");
    }
}
