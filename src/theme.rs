//! The built-in default theme and interface strings, compiled into the
//! binary by `build.rs` from the repository's `themes/default/` and
//! `i18n/*.ftl` (one copy: those folders are the source), as mdBook embeds
//! its theme. A site needs only `signpost.yaml` and `content/`; its own
//! files override the built-in ones file by file, in this order (later
//! wins):
//!
//! 1. the built-in theme;
//! 2. the site's `themes/<theme>/` (any theme name; `default` included);
//! 3. the site's `templates/` and `static/`.
//!
//! Interface strings override message by message ([`crate::i18n`]).
//! `signpost theme export` writes the built-in theme out for customising.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/built_in.rs"));
}

/// The name of the built-in theme.
pub const DEFAULT: &str = crate::config::DEFAULT_THEME;

/// Every file of the built-in theme: its path below the theme folder
/// (`templates/base.html`, `static/style.css`) and its bytes, sorted.
pub fn built_in_files() -> &'static [(&'static str, &'static [u8])] {
    built_in::THEME
}

/// The built-in interface strings of a language (`en`, `fr`, `es`, `ar`).
pub fn built_in_strings(lang: &str) -> Option<&'static str> {
    built_in::STRINGS.iter().find(|(code, _)| *code == lang).map(|(_, text)| *text)
}

/// Languages with built-in interface strings.
pub fn built_in_languages() -> impl Iterator<Item = &'static str> {
    built_in::STRINGS.iter().map(|(code, _)| *code)
}

/// Where a diagnostic places a built-in file, which the site does not have
/// until it exports the theme.
pub fn built_in_path(name: &str) -> PathBuf {
    Path::new("(built-in)").join(name)
}

/// Whether the configured theme can be found: `default` always can.
pub fn exists(config: &Config) -> bool {
    config.theme == DEFAULT || config.theme_dir().is_dir()
}

/// One file of the theme in use (`fonts/NotoSans-Regular.ttf`): the site's
/// `themes/<theme>/` copy if there is one, else the built-in one.
pub fn file(config: &Config, name: &str) -> Option<Cow<'static, [u8]>> {
    let on_disk = config.theme_dir().join(name);
    if on_disk.is_file() {
        return std::fs::read(on_disk).ok().map(Cow::Owned);
    }
    built_in_files().iter().find(|(n, _)| *n == name).map(|(_, bytes)| Cow::Borrowed(*bytes))
}

/// Names of the theme's files below `folder` (`fonts`), built-in and the
/// site theme's together, relative to the theme folder, sorted.
pub fn list(config: &Config, folder: &str) -> Vec<String> {
    let prefix = format!("{}/", folder.trim_end_matches('/'));
    let mut names: BTreeMap<String, ()> =
        built_in_files().iter().filter(|(n, _)| n.starts_with(&prefix)).map(|(n, _)| (n.to_string(), ())).collect();
    let dir = config.theme_dir();
    for entry in walkdir::WalkDir::new(dir.join(folder)).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file()
            && let Ok(rel) = entry.path().strip_prefix(&dir)
        {
            names.insert(rel.to_string_lossy().replace('\\', "/"), ());
        }
    }
    names.into_keys().collect()
}

/// Writes the built-in theme into `dir` (created if needed) and returns the
/// files written. Refuses a folder that already holds any file unless
/// `force`, so that a customised theme is never overwritten by accident.
pub fn export(dir: &Path, force: bool) -> Result<Vec<PathBuf>, String> {
    let occupied = std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied && !force {
        return Err(format!(
            "{} is not empty: choose another folder, or add --force to overwrite the theme's files in it",
            dir.display()
        ));
    }
    let mut written = Vec::new();
    for (name, bytes) in built_in_files() {
        let path = dir.join(name);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository's theme and strings are what is embedded, byte for
    /// byte: a file added, changed or removed there shows up here.
    #[test]
    fn embeds_the_repository_theme_and_strings() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let theme = root.join("themes/default");
        let on_disk: Vec<String> = walkdir::WalkDir::new(&theme)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path().strip_prefix(&theme).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        let mut embedded: Vec<String> = built_in_files().iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        let mut sorted = on_disk.clone();
        sorted.sort();
        assert_eq!(embedded, sorted);
        assert!(embedded.iter().any(|n| n == "templates/base.html"));
        for (name, bytes) in built_in_files() {
            assert_eq!(std::fs::read(theme.join(name)).unwrap(), *bytes, "{name}");
        }
        for lang in ["en", "fr", "es", "ar"] {
            let text = std::fs::read_to_string(root.join("i18n").join(format!("{lang}.ftl"))).unwrap();
            assert_eq!(built_in_strings(lang), Some(text.as_str()));
        }
        assert_eq!(built_in_strings("pt"), None);
    }
}
