//! The second half of `signpost i18n import`: from the checked plans of
//! [`super::import`], every new file text, computed before anything is
//! written, each edit read back to make sure it says what was meant.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::edit::{self, Encoded, Style, Value};
use super::import::Plan;
use super::{Export, Field, Item, ItemState, Workspace, blocks, error, ftl, labels, page_file, translations_file};
use crate::config::RawHtml;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Lang;
use crate::parse::front_matter;
use crate::translation::{mark, status};

pub(super) struct Apply<'a> {
    pub workspace: &'a Workspace,
    pub export: &'a Export,
    pub lang: Lang,
    /// The imported file, as given.
    pub shown: &'a Path,
    pub diags: &'a mut Diagnostics,
    /// New texts of files, relative to the site root.
    pub writes: Vec<(PathBuf, String)>,
}

impl Apply<'_> {
    /// Computes every new file; returns how many items become current.
    pub fn all(&mut self, plans: &BTreeMap<Item, Plan>) -> usize {
        let complete: BTreeMap<&Item, bool> =
            plans.iter().map(|(item, plan)| (item, self.complete(item, plan))).collect();
        let touched = |item: &Item| {
            let plan = &plans[item];
            !plan.changes.is_empty() || complete[item]
        };
        let items: Vec<&Item> = plans.keys().filter(|i| touched(i)).collect();
        for item in &items {
            let plan = &plans[*item];
            if complete[*item] || plan.stale {
                continue;
            }
            // A page has dozens of blocks: name the first few.
            let ids = |units: &mut dyn Iterator<Item = usize>| {
                let all: Vec<String> = units.map(|n| format!("`{}`", self.export.units[n].id)).collect();
                match all.len() {
                    0..=4 => all.join(", "),
                    n => format!("{} and {} more", all[..3].join(", "), n - 3),
                }
            };
            let message = if plan.blocked.is_empty() {
                let untranslated = self.export.units.iter().enumerate().filter(|(n, u)| {
                    &u.item == *item && u.required && u.target.is_none() && !plan.changes.contains_key(n)
                });
                format!("imported, but not yet current: still to translate {}", ids(&mut untranslated.map(|(n, _)| n)))
            } else {
                format!(
                    "imported, but not marked current: still marked for review {}",
                    ids(&mut plan.blocked.iter().copied())
                )
            };
            self.diags.push(Diagnostic::warning(self.shown, plan.at, message));
        }
        self.strings(&items, plans, &complete);
        self.labels(&items, plans);
        self.resources(&items, plans, &complete);
        for item in &items {
            if let Item::Page(rel) = item {
                self.page(item, rel, &plans[*item], complete[*item]);
            }
        }
        let was_current =
            |item: &Item| self.export.units.iter().any(|u| &u.item == item && u.state == ItemState::Current);
        items.iter().filter(|i| complete[**i] && !was_current(i)).count()
    }

    fn complete(&self, item: &Item, plan: &Plan) -> bool {
        let acted = !plan.changes.is_empty() || !plan.confirmed.is_empty();
        let translated = self
            .export
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| &u.item == item && u.required)
            .all(|(n, u)| plan.changes.contains_key(&n) || plan.confirmed.contains(&n) || u.target.is_some());
        acted && plan.blocked.is_empty() && !plan.stale && translated
    }

    fn root(&self) -> &Path {
        &self.workspace.config.root
    }

    /// The file's text as written, or `None` when it does not exist.
    fn raw(&mut self, rel: &Path) -> Option<String> {
        let bytes = std::fs::read(self.root().join(rel)).ok()?;
        match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                self.diags.push(error(rel, (1, 1), "invalid UTF-8: the file must be saved as UTF-8"));
                None
            }
        }
    }

    fn stage(&mut self, rel: PathBuf, old: Option<&str>, new: String) {
        if old != Some(new.as_str()) {
            self.writes.push((rel, new));
        }
    }

    /// An edit that does not read back as intended is a bug, reported
    /// rather than written.
    fn unsafe_edit(&mut self, rel: &Path, what: &str) {
        self.diags.push(error(
            rel,
            (1, 1),
            format!("could not set {what} in this file without changing its meaning; nothing was written"),
        ));
    }

    fn strings(&mut self, items: &[&Item], plans: &BTreeMap<Item, Plan>, complete: &BTreeMap<&Item, bool>) {
        let ids: Vec<&String> =
            items.iter().filter_map(|i| if let Item::String(id) = i { Some(id) } else { None }).collect();
        if ids.is_empty() {
            return;
        }
        let rel = crate::i18n::file_of(&self.lang);
        let raw = self.raw(&rel);
        let (encoded, mut text) = Encoded::decode(raw.as_deref().unwrap_or(""));
        let mut recorded = status::read_string_sources(&self.workspace.config, &self.lang);
        let before = recorded.clone();
        for id in ids {
            let item = Item::String(id.clone());
            for value in plans[&item].changes.values() {
                text = edit::set_message(&text, id, value);
                if ftl::by_id(&text).get(id.as_str()).map(|m| m.source(&text)) != Some(value.as_str()) {
                    self.unsafe_edit(&rel, &format!("the message `{id}`"));
                }
            }
            if complete[&item] {
                recorded.insert(id.clone(), self.export.hashes[&item].clone());
            }
        }
        self.stage(rel, raw.as_deref(), encoded.encode(&text));
        if recorded != before {
            let sources = status::string_sources_file(&self.lang);
            let old = self.raw(&sources);
            self.stage(sources, old.as_deref(), mark::string_sources(&recorded));
        }
    }

    /// The site's title and description in `signpost.yaml`, and the
    /// vocabulary's labels.
    fn labels(&mut self, items: &[&Item], plans: &BTreeMap<Item, Plan>) {
        let changed = |wanted: fn(&Item) -> Option<&String>| -> Vec<(&String, &String)> {
            items.iter().filter_map(|item| Some((wanted(item)?, plans[*item].changes.values().next()?))).collect()
        };
        let settings = changed(|i| if let Item::Setting(key) = i { Some(key) } else { None });
        let lang = self.lang.clone();
        self.edit_yaml(labels::SITE_FILE, &settings, |text, key, value| {
            let edited = labels::set_site(text, &lang, key, value)?;
            Ok((labels::site_reads(&edited, &lang, key, value), edited))
        });
        let terms = changed(|i| if let Item::Term(key) = i { Some(key) } else { None });
        self.edit_yaml(labels::VOCABULARY_FILE, &terms, |text, key, value| {
            let (facet, id) = key.split_once(':').unwrap_or((key, ""));
            let edited = labels::set_term(text, facet, id, &lang, value)?;
            Ok((labels::term_reads(&edited, facet, id, &lang, value), edited))
        });
    }

    /// Applies `set` for each (key, value) to the file `rel`: the edited
    /// text and whether it reads back, or what stops the edit.
    fn edit_yaml(
        &mut self,
        rel: &str,
        changes: &[(&String, &String)],
        set: impl Fn(&str, &str, &str) -> Result<(bool, String), String>,
    ) {
        if changes.is_empty() {
            return;
        }
        let rel = PathBuf::from(rel);
        let raw = self.raw(&rel);
        let (encoded, mut text) = Encoded::decode(raw.as_deref().unwrap_or(""));
        for (key, value) in changes {
            match set(&text, key, value) {
                Ok((true, edited)) => text = edited,
                Ok((false, _)) => self.unsafe_edit(&rel, &format!("`{key}`")),
                Err(message) => self.diags.push(error(&rel, (1, 1), message)),
            }
        }
        self.stage(rel, raw.as_deref(), encoded.encode(&text));
    }

    fn resources(&mut self, items: &[&Item], plans: &BTreeMap<Item, Plan>, complete: &BTreeMap<&Item, bool>) {
        let ids: Vec<&String> =
            items.iter().filter_map(|i| if let Item::Resource(id) = i { Some(id) } else { None }).collect();
        if ids.is_empty() {
            return;
        }
        let rel = translations_file(&self.lang);
        let raw = self.raw(&rel);
        let (encoded, mut text) = Encoded::decode(raw.as_deref().unwrap_or(""));
        for id in ids {
            let item = Item::Resource(id.clone());
            let wanted = self.resource_fields(&item, &plans[&item]);
            let hash = &self.export.hashes[&item];
            match edit::entry_block(&text, id) {
                Some((start, _, _)) if !edit::entry_is_block(&text, start) => {
                    let message = format!(
                        "the entry `{id}` is written on one line: write its fields on lines of their own, then import again"
                    );
                    self.diags.push(error(&rel, (start + 1, 1), message));
                    continue;
                }
                Some(_) => {
                    for (key, value, style, after) in &wanted {
                        let Some((start, end, indent)) = edit::entry_block(&text, id) else { continue };
                        text = edit::set_key(&text, start + 1..end, &indent, key, &value.as_value(), *style, after);
                    }
                    if complete[&item] {
                        match mark::resource(&text, id, hash) {
                            Ok(marked) => text = marked,
                            Err(message) => self.diags.push(error(&rel, (1, 1), message)),
                        }
                    }
                }
                None => {
                    let mut fields: Vec<(&str, Value, Style)> =
                        wanted.iter().map(|(k, v, s, _)| (*k, v.as_value(), *s)).collect();
                    if complete[&item] {
                        fields.push(("source_hash", Value::Text(hash), Style::Plain));
                    }
                    text = edit::append_entry(&text, id, &fields);
                }
            }
            // Read back what was written.
            let parsed: Option<serde_yaml::Value> = serde_yaml::from_str(&text).ok();
            let entry = parsed.as_ref().and_then(|v| v.get(id.as_str()));
            let reads_back = entry.is_some_and(|entry| {
                wanted.iter().all(|(key, value, _, _)| match value {
                    Owned::Text(t) => entry.get(*key).and_then(|v| v.as_str()) == Some(t.as_str()),
                    Owned::List(list) => {
                        let found: Option<Vec<&str>> = entry
                            .get(*key)
                            .and_then(|v| v.as_sequence())
                            .map(|s| s.iter().filter_map(|v| v.as_str()).collect());
                        found == Some(list.iter().map(String::as_str).collect())
                    }
                })
            });
            if !reads_back {
                self.unsafe_edit(&rel, &format!("the entry `{id}`"));
            }
        }
        self.stage(rel, raw.as_deref(), encoded.encode(&text));
    }

    /// The keys to set in a resource's entry: (key, value, style, keys it follows).
    fn resource_fields(&self, item: &Item, plan: &Plan) -> Vec<(&'static str, Owned, Style, &'static [&'static str])> {
        let mut out = Vec::new();
        let units: Vec<(usize, &super::Unit)> =
            self.export.units.iter().enumerate().filter(|(_, u)| &u.item == item).collect();
        let mut links: Vec<(usize, &super::Unit)> = Vec::new();
        for &(n, unit) in &units {
            match (unit.field, plan.changes.get(&n)) {
                (Field::Title, Some(t)) => out.push(("title", Owned::Text(t.clone()), Style::Plain, &[][..])),
                (Field::Summary, Some(t)) => {
                    out.push(("summary", Owned::Text(t.clone()), Style::Folded, &["title"][..]))
                }
                (Field::AlternativeTitles, Some(t)) => {
                    let titles = t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
                    let after = &["title", "summary", "link_labels"][..];
                    out.push(("alternative_titles", Owned::List(titles), Style::Double, after));
                }
                (Field::Link(_), _) => links.push((n, unit)),
                _ => {}
            }
        }
        // Labels go by position: fill the ones before a new label with the
        // current translation, else the source.
        if let Some(last) = links.iter().rposition(|(n, _)| plan.changes.contains_key(n)) {
            let keep = links.iter().rposition(|(_, u)| u.current.is_some()).map_or(0, |p| p + 1);
            let labels = links[..(last + 1).max(keep)]
                .iter()
                .map(|(n, u)| plan.changes.get(n).or(u.current.as_ref()).unwrap_or(&u.source).clone())
                .collect();
            out.push(("link_labels", Owned::List(labels), Style::Double, &["title", "summary"][..]));
        }
        out
    }

    fn page(&mut self, item: &Item, rel: &str, plan: &Plan, complete: bool) {
        let target = page_file(&self.lang, rel);
        let units: Vec<(usize, &super::Unit)> =
            self.export.units.iter().enumerate().filter(|(_, u)| &u.item == item).collect();
        let exists = units.first().is_some_and(|(_, u)| u.state != ItemState::Missing);
        let (raw, start) = if exists {
            let Some(raw) = self.raw(&target) else { return };
            (Some(raw.clone()), raw)
        } else {
            let has_title = units.iter().any(|(n, u)| u.field == Field::Title && plan.changes.contains_key(n));
            if !has_title {
                let message = format!(
                    "content/{}/{rel} does not exist yet: a new page needs a title (unit `page:{rel}:title`)",
                    self.lang
                );
                self.diags.push(error(self.shown, plan.at, message));
                return;
            }
            let source = page_file(&self.export.source_lang, rel);
            let Some(raw) = self.raw(&source) else { return };
            (None, raw)
        };
        let (encoded, mut text) = Encoded::decode(&start);
        let mut expected: Vec<(Field, Cow<str>)> = Vec::new();
        let mut changed_blocks: BTreeMap<usize, String> = BTreeMap::new();
        let mut block_count = 0;
        for (n, unit) in &units {
            let Some(value) = plan.changes.get(n) else { continue };
            let key = match unit.field {
                Field::Title => ("title", &[][..]),
                Field::Summary => ("summary", &["title"][..]),
                Field::Label => ("label", &["title", "summary"][..]),
                Field::Block { index, of, .. } => {
                    changed_blocks.insert(index, value.clone());
                    block_count = of;
                    continue;
                }
                _ => {
                    let body = self.clean(value);
                    text = edit::set_body(&text, &body).unwrap_or(text);
                    expected.push((unit.field, body));
                    continue;
                }
            };
            expected.push((unit.field, Cow::Borrowed(value.as_str())));
            if let Some(block) = edit::front_matter_block(&text) {
                text = edit::set_key(&text, block, "", key.0, &Value::Text(value), Style::Double, key.1);
            }
        }
        if !changed_blocks.is_empty() {
            let Some(body) = self.blocks_into(&text, rel, block_count, &changed_blocks, plan) else { return };
            text = edit::set_body(&text, &body).unwrap_or(text);
            expected.push((Field::Body, Cow::Owned(body)));
        }
        let hash = &self.export.hashes[item];
        if complete || !exists {
            let draft = if complete { mark::Draft::Clear } else { mark::Draft::Set };
            text = mark::page(&text, hash, draft).unwrap_or(text);
        }
        let mut diags = Diagnostics::new();
        let reads_back = front_matter::split(&text, &target).ok().is_some_and(|split| {
            front_matter::parse(&split, &target, &mut diags).is_some_and(|front| {
                expected.iter().all(|(field, value)| match field {
                    Field::Title => front.title == *value,
                    Field::Summary => front.summary.as_deref() == Some(&**value),
                    Field::Label => front.label.as_deref() == Some(&**value),
                    _ => split.body.trim_start_matches('\n').trim_end() == value.trim_end(),
                })
            })
        });
        if !reads_back {
            self.unsafe_edit(&target, "the translation");
            return;
        }
        let new = if exists { encoded.encode(&text) } else { text };
        self.stage(target, raw.as_deref(), new);
    }

    /// Translated Markdown is cleaned of unsafe raw HTML before it enters
    /// the site, unless the site allows it.
    fn clean<'t>(&self, markdown: &'t str) -> Cow<'t, str> {
        match self.workspace.config.raw_html {
            RawHtml::Allow => Cow::Borrowed(markdown),
            _ => crate::sanitize::markdown(markdown),
        }
    }

    /// The page body of `text` with the translated blocks in place. A page
    /// without a body yet starts from the source's, whose untranslated
    /// blocks stay in the source language until translated.
    fn blocks_into(
        &mut self,
        text: &str,
        rel: &str,
        count: usize,
        changed: &BTreeMap<usize, String>,
        plan: &Plan,
    ) -> Option<String> {
        let body = |text: &str| front_matter::split(text, Path::new(rel)).ok().map(|s| s.body.to_string());
        let mut base = body(text).unwrap_or_default();
        if base.trim().is_empty() {
            let source = page_file(&self.export.source_lang, rel);
            base = self.raw(&source).and_then(|raw| body(&raw)).unwrap_or_default();
        }
        match blocks::rebuild(&base, count, changed) {
            Ok(rebuilt) => Some(self.clean(rebuilt.trim_start_matches('\n').trim_end()).into_owned()),
            Err(message) => {
                let target = page_file(&self.lang, rel);
                self.diags.push(error(self.shown, plan.at, format!("{}: {message}", target.display())));
                None
            }
        }
    }
}

/// A value to set, owned until it is rendered.
enum Owned {
    Text(String),
    List(Vec<String>),
}

impl Owned {
    fn as_value(&self) -> Value<'_> {
        match self {
            Owned::Text(t) => Value::Text(t),
            Owned::List(l) => Value::List(l),
        }
    }
}
