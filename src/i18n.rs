//! Interface strings: one Fluent file per language, `i18n/<lang>.ftl`.
//! Signpost carries en, fr, es and ar built in ([`crate::theme`]); a site's
//! own file overrides them message by message, so it holds only what it
//! changes or adds.
//!
//! Fluent selects plural forms with CLDR's rules (through intl_pluralrules),
//! so Arabic gets its six categories and French counts 0 as singular. A
//! string missing in a language falls back to the default language's and is
//! reported as a warning, so a half-translated site still builds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use crate::model::Lang;

pub struct Strings {
    default: Lang,
    bundles: BTreeMap<Lang, Bundle>,
}

struct Bundle {
    fluent: FluentBundle<FluentResource>,
    /// Message ids: Fluent bundles cannot list their messages.
    ids: BTreeSet<String>,
}

/// Path of a language's strings, relative to the site root.
pub fn file_of(lang: &Lang) -> PathBuf {
    Path::new("i18n").join(format!("{lang}.ftl"))
}

impl Strings {
    /// Each language's built-in strings (if Signpost has that language),
    /// overridden message by message by the site's `i18n/<lang>.ftl`.
    pub fn load(config: &Config) -> (Strings, Diagnostics) {
        let mut diags = Diagnostics::new();
        let mut bundles = BTreeMap::new();
        for language in &config.languages {
            let lang = &language.lang;
            let path = file_of(lang);
            let built_in = crate::theme::built_in_strings(lang.as_str());
            let site = match std::fs::read(config.root.join(&path)) {
                Ok(bytes) => crate::diag::decode(&path, bytes).map_err(|d| diags.push(d)).ok(),
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    diags.push(Diagnostic::error(&path, (1, 1), format!("cannot read the interface strings: {e}")));
                    None
                }
                Err(_) => None,
            };
            let mut layers = Vec::new();
            match built_in {
                Some(text) => layers.push((crate::theme::built_in_path(&path.to_string_lossy()), text.to_string())),
                None if site.is_none() && lang == &config.default_lang => {
                    // A default language Signpost has no strings for:
                    // English stands in, so the site still builds.
                    let english = crate::theme::built_in_strings("en").unwrap_or_default();
                    diags.push(Diagnostic::warning(
                        &path,
                        (1, 1),
                        format!("no interface strings for `{lang}`: the built-in English strings are used"),
                    ));
                    layers.push((crate::theme::built_in_path("i18n/en.ftl"), english.to_string()));
                }
                None if site.is_none() => diags.push(Diagnostic::warning(
                    &path,
                    (1, 1),
                    format!("no interface strings for `{lang}`: the {} strings are used", config.default_lang),
                )),
                None => {}
            }
            layers.extend(site.map(|text| (path.clone(), text)));
            bundles.insert(lang.clone(), bundle(lang, layers, &mut diags));
        }
        let strings = Strings { default: config.default_lang.clone(), bundles };
        strings.report_missing(&mut diags);
        (strings, diags)
    }

    /// The string `id` in `lang`, else in the default language.
    pub fn format(&self, lang: &Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        [lang, &self.default].into_iter().find_map(|lang| {
            let bundle = &self.bundles.get(lang)?.fluent;
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
        })
    }

    pub fn has(&self, lang: &Lang, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.ids.contains(id))
    }

    /// Message ids of a language, sorted.
    pub fn ids(&self, lang: &Lang) -> BTreeSet<String> {
        self.bundles.get(lang).map(|b| b.ids.clone()).unwrap_or_default()
    }

    fn report_missing(&self, diags: &mut Diagnostics) {
        let reference = self.ids(&self.default);
        for lang in self.bundles.keys().filter(|l| **l != self.default) {
            if self.bundles[lang].ids.is_empty() {
                continue; // Already reported: the whole file is missing.
            }
            for id in reference.iter().filter(|id| !self.has(lang, id)) {
                let message = format!("interface string `{id}` is missing: the {} text is used", self.default);
                diags.push(Diagnostic::warning(file_of(lang), (1, 1), message));
            }
        }
    }
}

/// A bundle of `layers` (path for diagnostics, Fluent text), each later one
/// overriding the messages it defines.
fn bundle(lang: &Lang, layers: Vec<(PathBuf, String)>, diags: &mut Diagnostics) -> Bundle {
    let langid: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) are for plain-text UIs; the theme
    // isolates with `<bdi>` and `dir` where it matters.
    bundle.set_use_isolating(false);
    let mut ids = BTreeSet::new();
    for (path, text) in layers {
        let lines = LineIndex::new(&text);
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    let position = lines.position(&text, error.pos.start);
                    diags.push(Diagnostic::error(&path, position, error.kind.to_string()));
                }
                resource
            }
        };
        ids.extend(resource.entries().filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        }));
        // Overriding a layer below is the point; a message defined twice
        // in one file is Fluent's parse error, reported above.
        bundle.add_resource_overriding(resource);
    }
    Bundle { fluent: bundle, ids }
}

impl Strings {
    /// `items` joined with the language's list patterns (`list-two`,
    /// `list-start`, `list-middle`, `list-end`, after CLDR's), so Arabic
    /// gets its comma «،». Missing patterns fall back to `", "`.
    pub fn list(&self, lang: &Lang, items: &[&str]) -> String {
        let pair = |id: &str, a: &str, b: &str| {
            let mut args = FluentArgs::new();
            args.set("a", a.to_string());
            args.set("b", b.to_string());
            self.format(lang, id, Some(&args)).unwrap_or_else(|| format!("{a}, {b}"))
        };
        match items {
            [] => String::new(),
            [one] => one.to_string(),
            [a, b] => pair("list-two", a, b),
            [first, middle @ .., last] => {
                // CLDR builds from the end: start(a, middle(b, … end(y, z))).
                let mut tail = pair("list-end", middle.last().unwrap_or(first), last);
                if let Some((_, inner)) = middle.split_last() {
                    for item in inner.iter().rev() {
                        tail = pair("list-middle", item, &tail);
                    }
                    tail = pair("list-start", first, &tail);
                }
                tail
            }
        }
    }

    /// The list patterns of `lang` with `{0}` and `{1}`, for the theme's
    /// scripts, which join lists the same way.
    pub fn list_patterns(&self, lang: &Lang) -> BTreeMap<String, String> {
        ["two", "start", "middle", "end"]
            .into_iter()
            .filter_map(|k| {
                let mut args = FluentArgs::new();
                args.set("a", "{0}");
                args.set("b", "{1}");
                Some((k.to_string(), self.format(lang, &format!("list-{k}"), Some(&args))?))
            })
            .collect()
    }

    /// A message as one pattern per CLDR plural category of `lang`, with
    /// `{name}` for each argument, for the theme's scripts: the browser's
    /// `Intl.PluralRules` picks the category, so counts drawn by JavaScript
    /// are as grammatical as those in the HTML.
    pub fn plural_patterns(&self, lang: &Lang, id: &str, selector: &str, others: &[&str]) -> BTreeMap<String, String> {
        let langid: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
        let Ok(rules) = intl_pluralrules::PluralRules::create(langid, intl_pluralrules::PluralRuleType::CARDINAL)
        else {
            return BTreeMap::new();
        };
        let mut patterns = BTreeMap::new();
        // The first number of each category stands for all of it.
        for n in (0..=1000u64).chain([1_000_000]) {
            let Ok(category) = rules.select(n) else { continue };
            let name = format!("{category:?}").to_lowercase();
            if patterns.contains_key(&name) {
                continue;
            }
            let mut args = FluentArgs::new();
            args.set(selector.to_string(), n);
            for other in others {
                args.set(other.to_string(), format!("{{{other}}}"));
            }
            if let Some(text) = self.format(lang, id, Some(&args)) {
                patterns.insert(name, text.replacen(&n.to_string(), &format!("{{{selector}}}"), 1));
            }
        }
        patterns
    }
}
