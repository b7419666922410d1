//! Searching the prebuilt index of a built site, for `signpost search` and
//! `signpost serve`'s `/api/search`: the tantivy index where the build
//! wrote it ([`crate::index::lang_dir`], outside the published folder) and
//! the lexicon and documents of the browser's files in the output. The
//! index is used as it is, never rebuilt.
//!
//! A query is cut into words and "quoted phrases". Every word must match;
//! each word becomes the stems the lexicon gives it: its own, those of the
//! words it begins (for the last word, as people type), and those of words
//! a typo or two away when it matches nothing ([`typo_budget`]). tantivy scores the matches with BM25, a title counting three
//! times and a section heading twice. The browser (`search.js`) expands
//! and scores queries the same way from the same files.
//!
//! - `query.rs`: the query cut into words and phrases; the typo distance;
//! - `files.rs`: the browser's files, read once per opened index.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, Searcher, Term};

use crate::index::analysis;
use crate::index::{FACET_FIELDS, TEXT_FIELDS, lang_dir, schema, search_dir};
use crate::model::Lang;
use files::{Entry, Files};
pub use query::{Parsed, edit_distance, parse, typo_budget};

mod files;
mod query;

/// Longer queries are cut: nobody types more, and it bounds the work.
pub const MAX_QUERY_CHARS: usize = 200;
/// Stems one word may expand to (prefix and typo matches).
pub const MAX_EXPANSIONS: usize = 10;
pub const PAGE_SIZE: usize = 10;

#[derive(Debug, Clone)]
pub struct Request {
    pub query: String,
    pub lang: Lang,
    /// Per [`FACET_FIELDS`]: the value to filter by.
    pub filters: [Option<String>; 4],
}

/// The documented JSON shape of `signpost search --json` and `/api/search`.
#[derive(Debug, Serialize)]
pub struct Response {
    pub query: String,
    pub lang: String,
    pub total: usize,
    pub results: Vec<Hit>,
    /// Per facet, per value: matches if that value were chosen instead.
    pub facets: BTreeMap<String, BTreeMap<String, usize>>,
    /// Why there are no results, or what was changed in the query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The query as the typo rule read it ("Showing results for …"), when
    /// a word matched only through typos.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub section: String,
    /// HTML: escaped text with the matched words in `<mark>`.
    pub snippet: String,
}

impl Response {
    /// The results as `signpost search` prints them: a count, then each
    /// result's title (and section), URL and snippet, the matched words in
    /// brackets.
    pub fn text(&self) -> String {
        let mut text = match &self.corrected {
            Some(corrected) => format!("showing results for: {corrected}\n"),
            None => String::new(),
        };
        text.push_str(&format!("{}\n", crate::diag::count(self.total, "result")));
        for hit in &self.results {
            let section = if hit.section.is_empty() { String::new() } else { format!(" › {}", hit.section) };
            let snippet = hit.snippet.replace("<mark>", "[").replace("</mark>", "]");
            text.push_str(&format!("\n{}{section}\n  {}\n  {snippet}\n", hit.title, hit.url));
        }
        text
    }
}

/// What a query word stands for.
#[derive(Debug, Default)]
pub struct Expansion {
    pub stems: Vec<String>,
    /// The word it was taken for, when only typo matches were found.
    pub corrected: Option<String>,
}

/// An opened index of one language of a built site.
pub struct LangIndex {
    lang: Lang,
    /// The tantivy index (outside the published folder).
    index_dir: PathBuf,
    /// Which build's index this is (see [`LangIndex::is_current`]).
    stamp: Option<Stamp>,
    searcher: Searcher,
    index: Index,
    /// The browser's files (`OUT/_search/<lang>/`).
    files: Files,
}

impl LangIndex {
    /// The index of `lang` in `index_root` ([`crate::index::index_root`])
    /// with the browser's files of the site built into `output`.
    pub fn open(index_root: &Path, output: &Path, lang: &Lang) -> Result<LangIndex, String> {
        let dir = output.join(search_dir(lang));
        let index_dir = lang_dir(index_root, lang);
        // Taken before the index is opened: a build committed in between
        // makes the index look outdated, never a new index look current.
        let stamp = Stamp::of(&index_dir);
        let index = Index::open_in_dir(&index_dir)
            .map_err(|e| format!("no search index for `{lang}` in {}: {e}", index_dir.display()))?;
        index.tokenizers().register(&analysis::analyzer_name(lang), analysis::analyzer(lang));
        let searcher = index.reader().map_err(|e| e.to_string())?.searcher();
        let files =
            Files::open(dir).map_err(|e| format!("no search files for `{lang}` in {}: {e}", output.display()))?;
        Ok(LangIndex { lang: lang.clone(), index_dir, stamp, searcher, index, files })
    }

    /// Whether the files on disk are still those of the build this index
    /// was opened from. The index is mapped in memory, but the lexicon and
    /// the documents are read when a query needs them: after a rebuild,
    /// `serve` opens the index again, and a request that was answered while
    /// a build committed is answered again from the new one. The index is
    /// moved into place after the published files, so its stamp changes last.
    pub fn is_current(&self) -> bool {
        self.stamp.is_some() && Stamp::of(&self.index_dir) == self.stamp
    }

    /// Words one or two typos from `word` ([`typo_budget`]): those sharing
    /// its first letter, and those beginning with its second letter (first
    /// letter typed twice or in front of another) or with its first two
    /// swapped. A wrong first letter is not looked for: it would mean
    /// reading the whole lexicon.
    fn typo_candidates(&self, word: &str, budget: usize) -> Vec<(usize, Entry)> {
        let chars: Vec<char> = word.chars().collect();
        let hex =
            |cs: &[char]| -> String { cs.iter().collect::<String>().bytes().map(|b| format!("{b:02x}")).collect() };
        let mut entries = self.files.entries_under(&hex(&chars[..1]));
        if chars.len() >= 3 {
            entries.extend(self.files.shard(&chars[1..3].iter().collect::<String>()));
            entries.extend(self.files.shard(&[chars[1], chars[0]].iter().collect::<String>()));
        }
        let mut seen = BTreeSet::new();
        entries
            .into_iter()
            .filter(|e| seen.insert(e.0.clone()))
            .filter_map(|e| edit_distance(&e.0, word, budget).map(|d| (d, e)))
            .collect()
    }

    /// The stems a word stands for, best first, and the word the typo
    /// rule took it for, if it did.
    pub fn expand(&self, word: &str, prefix: bool, exact_only: bool) -> Expansion {
        let shard = self.files.shard(word);
        let exact: Option<&Entry> = shard.iter().find(|e| e.0 == word);
        let mut stems: Vec<String> = Vec::new();
        match exact {
            Some(entry) => stems.push(entry.1.clone()),
            None => {
                // A form the documents do not use: its Snowball stem, if
                // theirs ("evaluating" → "evalu"). The browser runs the
                // same stemmer (Snowball's JavaScript).
                let stem = analysis::stem(&self.lang, word);
                if self.files.shard(&stem).iter().any(|e| e.1 == stem) {
                    stems.push(stem);
                }
            }
        }
        let mut expansion = Expansion { stems, corrected: None };
        if exact_only {
            return expansion;
        }
        let mut others: Vec<&Entry> =
            if prefix { shard.iter().filter(|e| e.0.starts_with(word)).collect() } else { Vec::new() };
        others.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.1.cmp(&b.1)));
        // Typos only when the word matched nothing else: an exact match
        // always ranks first. The closest words only, most frequent first.
        let budget = if expansion.stems.is_empty() && others.is_empty() { typo_budget(word) } else { 0 };
        let mut typos = if budget > 0 { self.typo_candidates(word, budget) } else { Vec::new() };
        let closest = typos.iter().map(|(d, _)| *d).min().unwrap_or(0);
        typos.retain(|(d, _)| *d == closest);
        typos.sort_by(|a, b| b.1.3.cmp(&a.1.3).then_with(|| a.1.1.cmp(&b.1.1)).then_with(|| a.1.0.cmp(&b.1.0)));
        expansion.corrected = typos.first().map(|(_, e)| e.0.clone());
        for entry in others.into_iter().chain(typos.iter().map(|(_, e)| e)) {
            if expansion.stems.len() >= MAX_EXPANSIONS {
                break;
            }
            if !expansion.stems.contains(&entry.1) {
                expansion.stems.push(entry.1.clone());
            }
        }
        expansion
    }

    pub fn search(&self, request: &Request) -> Response {
        let (parsed, mut message) = parse(&self.lang, &request.query);
        let mut response = Response {
            query: request.query.clone(),
            lang: self.lang.to_string(),
            total: 0,
            results: Vec::new(),
            facets: BTreeMap::new(),
            message: None,
            corrected: None,
        };
        let facet_values = self.files.facet_values();
        for (f, filter) in request.filters.iter().enumerate() {
            if let Some(value) = filter.as_ref().filter(|v| !facet_values[f].contains(*v)) {
                message = Some(format!("unknown {} `{value}`", FACET_FIELDS[f]));
            }
        }
        if parsed.words.is_empty() {
            response.message = message.or_else(|| Some("empty query".into()));
            return response;
        }
        let last = parsed.words.len() - 1;
        let in_phrase: BTreeSet<&String> = parsed.phrases.iter().flatten().collect();
        let expanded: Vec<Expansion> = parsed
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| self.expand(w, i == last && parsed.last_is_prefix, in_phrase.contains(w)))
            .collect();
        if expanded.iter().any(|e| e.corrected.is_some()) {
            let words = parsed.words.iter().zip(&expanded);
            response.corrected =
                Some(words.map(|(w, e)| e.corrected.as_deref().unwrap_or(w)).collect::<Vec<_>>().join(" "));
        }
        let expansions: Vec<Vec<String>> = expanded.into_iter().map(|e| e.stems).collect();
        let Some(query) = self.query(&expansions) else {
            response.message = message;
            return response;
        };
        // Every match with its score: filters and phrases are applied after
        // tantivy's scoring, as the browser does, so both rank alike.
        let limit = self.searcher.num_docs().max(1) as usize;
        let (scored, _count) =
            self.searcher.search(&query, &(TopDocs::with_limit(limit).order_by_score(), Count)).unwrap_or_default();
        let phrase_docs = self.phrase_docs(&parsed.phrases);
        let matches: Vec<(f32, u32)> = scored
            .into_iter()
            .map(|(score, addr)| (score, addr.doc_id))
            .filter(|(_, doc)| phrase_docs.as_ref().is_none_or(|p| p.contains(doc)))
            .collect();
        let bits = self.files.facet_bits();
        let passes = |doc: u32, skip: Option<usize>| {
            request.filters.iter().enumerate().all(|(f, value)| {
                Some(f) == skip || value.as_ref().is_none_or(|v| has_bit(bits.get(&(f, v.clone())), doc))
            })
        };
        let mut hits: Vec<(f32, u32)> = matches.iter().copied().filter(|(_, doc)| passes(*doc, None)).collect();
        // A title the query is, then titles holding every word, then the
        // rest; by score within each.
        let tiers = self.title_tiers(&expansions, parsed.words.len());
        let tier = |doc: u32| tiers.get(&doc).copied().unwrap_or(2);
        hits.sort_by(|a, b| tier(a.1).cmp(&tier(b.1)).then(b.0.total_cmp(&a.0)).then(a.1.cmp(&b.1)));
        response.total = hits.len();
        for (f, facet) in FACET_FIELDS.iter().enumerate() {
            let counts = facet_values[f]
                .iter()
                .map(|value| {
                    (
                        value.clone(),
                        matches
                            .iter()
                            .filter(|(_, doc)| passes(*doc, Some(f)) && has_bit(bits.get(&(f, value.clone())), *doc))
                            .count(),
                    )
                })
                .collect();
            response.facets.insert(facet.to_string(), counts);
        }
        response.results = self.hits(&query, &hits[..hits.len().min(PAGE_SIZE)]);
        response.message = message;
        response
    }

    /// Every word must match; a word matches through any of its stems in
    /// any text field.
    fn query(&self, expansions: &[Vec<String>]) -> Option<Box<dyn Query>> {
        let schema = self.index.schema();
        let fields: Vec<_> =
            TEXT_FIELDS.iter().filter_map(|(name, boost)| Some((schema.get_field(name).ok()?, *boost))).collect();
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for stems in expansions {
            if stems.is_empty() {
                return None;
            }
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for stem in stems {
                for (field, boost) in &fields {
                    let term = TermQuery::new(Term::from_field_text(*field, stem), IndexRecordOption::WithFreqs);
                    let clause: Box<dyn Query> =
                        if *boost == 1.0 { Box::new(term) } else { Box::new(BoostQuery::new(Box::new(term), *boost)) };
                    clauses.push((Occur::Should, clause));
                }
            }
            words.push((Occur::Must, Box::new(BooleanQuery::new(clauses))));
        }
        Some(Box::new(BooleanQuery::new(words)))
    }

    /// Per document whose title holds every word (through any of its
    /// stems): 0 if the title has as many words as the query, else 1.
    fn title_tiers(&self, expansions: &[Vec<String>], words: usize) -> HashMap<u32, u8> {
        let Ok(field) = self.index.schema().get_field(TEXT_FIELDS[0].0) else { return HashMap::new() };
        let mut all: Option<BTreeSet<u32>> = None;
        for stems in expansions {
            let clauses: Vec<(Occur, Box<dyn Query>)> = stems
                .iter()
                .map(|stem| {
                    let term = TermQuery::new(Term::from_field_text(field, stem), IndexRecordOption::Basic);
                    (Occur::Should, Box::new(term) as Box<dyn Query>)
                })
                .collect();
            let found = self
                .searcher
                .search(&BooleanQuery::new(clauses), &tantivy::collector::DocSetCollector)
                .unwrap_or_default();
            let docs: BTreeSet<u32> = found.into_iter().map(|a| a.doc_id).collect();
            all = Some(match all {
                Some(previous) => previous.intersection(&docs).copied().collect(),
                None => docs,
            });
        }
        let norms = self.searcher.segment_reader(0).get_fieldnorms_reader(field).ok();
        all.unwrap_or_default()
            .into_iter()
            .map(|doc| {
                let length = norms.as_ref().map_or(0, |n| n.fieldnorm(doc));
                (doc, if length as usize == words { 0 } else { 1 })
            })
            .collect()
    }

    /// Documents where each phrase appears, words in a row in one field.
    fn phrase_docs(&self, phrases: &[Vec<String>]) -> Option<BTreeSet<u32>> {
        if phrases.is_empty() {
            return None;
        }
        let schema = self.index.schema();
        let mut result: Option<BTreeSet<u32>> = None;
        for phrase in phrases {
            let stems: Vec<String> = phrase
                .iter()
                .map(|w| self.expand(w, false, true).stems.into_iter().next().unwrap_or_default())
                .collect();
            let mut docs = BTreeSet::new();
            for (name, _) in TEXT_FIELDS {
                let Ok(field) = schema.get_field(name) else { continue };
                let terms: Vec<Term> = stems.iter().map(|s| Term::from_field_text(field, s)).collect();
                let query = PhraseQuery::new(terms);
                if let Ok(found) = self.searcher.search(&query, &tantivy::collector::DocSetCollector) {
                    docs.extend(found.into_iter().map(|a| a.doc_id));
                }
            }
            result = Some(match result {
                Some(previous) => previous.intersection(&docs).copied().collect(),
                None => docs,
            });
        }
        result
    }

    /// The results' text from the browser's `docs/` files (the index
    /// stores none), with a snippet of the body around the query's stems.
    fn hits(&self, query: &dyn Query, docs: &[(f32, u32)]) -> Vec<Hit> {
        let (_, fields) = schema(&self.lang);
        let snippets = SnippetGenerator::create(&self.searcher, query, fields.text[2]).ok();
        docs.iter()
            .filter_map(|(_, doc)| {
                let [url, title, section, body] = self.files.document(*doc)?;
                let snippet = snippets.as_ref().map(|g| g.snippet(&body).to_html()).unwrap_or_default();
                let snippet =
                    if snippet.is_empty() { escape(&body.chars().take(160).collect::<String>()) } else { snippet };
                Some(Hit { url, title, section, snippet: snippet.replace("<b>", "<mark>").replace("</b>", "</mark>") })
            })
            .collect()
    }
}

/// A build's index, told apart from the next one's: a build writes every
/// file anew and moves the whole output (or language folder) into place.
#[derive(Debug, PartialEq)]
struct Stamp {
    modified: std::time::SystemTime,
    len: u64,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(index_dir: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(index_dir.join("meta.json")).ok()?;
        Some(Stamp {
            modified: meta.modified().ok()?,
            len: meta.len(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt as _;
                (meta.dev(), meta.ino())
            },
        })
    }
}

fn has_bit(bits: Option<&Vec<u8>>, doc: u32) -> bool {
    bits.and_then(|b| b.get(doc as usize / 8)).is_some_and(|byte| byte & (1 << (doc % 8)) != 0)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
