//! `GET /api/search?q=...&lang=...&category=...&audience=...&language=...&component=...`:
//! the answer of `signpost search --json`, or `{"error": "..."}` with a
//! status code for a request it cannot take.
//!
//! Each language's index is opened once and kept while it is current. A
//! rebuild moves a new output into place; the next request sees that the
//! files changed ([`LangIndex::is_current`]) and swaps in a newly opened
//! index for everyone. A request searches one opened index from start to
//! end; if a build committed meanwhile (so a lexicon or document file it
//! read may be the new build's), it is answered again from the new index.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::model::Lang;
use crate::search::{LangIndex, Request};

/// Longer queries are refused (the search itself reads only the first
/// [`crate::search::MAX_QUERY_CHARS`] characters).
pub const MAX_QUERY_BYTES: usize = 512;

/// The opened indexes of a built site, by language.
pub struct Indexes {
    output: PathBuf,
    /// The tantivy indexes, outside the published folder.
    index_root: PathBuf,
    default_lang: Lang,
    /// Cache-Control of answers: `no-store` while the site is rebuilt live.
    cache: HeaderValue,
    open: RwLock<HashMap<String, Arc<LangIndex>>>,
    /// Searches running at once: one per CPU. The rest wait their turn in
    /// order; 64 searches sharing two CPUs all finish late, and the
    /// slowest very late (p99 36 ms where p50 was 8 on the bundled site).
    running: tokio::sync::Semaphore,
}

impl Indexes {
    pub fn new(output: PathBuf, index_root: PathBuf, default_lang: Lang, live: bool) -> Indexes {
        let cache = HeaderValue::from_static(if live { "no-store" } else { "public, max-age=60" });
        let cpus = std::thread::available_parallelism().map_or(2, usize::from);
        let running = tokio::sync::Semaphore::new(cpus);
        Indexes { output, index_root, default_lang, cache, open: RwLock::default(), running }
    }

    /// The index of `lang` as the output holds it now.
    fn current(&self, lang: &Lang) -> Result<Arc<LangIndex>, String> {
        let cached = self.open.read().unwrap_or_else(|e| e.into_inner()).get(lang.as_str()).cloned();
        if let Some(index) = cached.filter(|index| index.is_current()) {
            return Ok(index);
        }
        let index = Arc::new(LangIndex::open(&self.index_root, &self.output, lang)?);
        self.open.write().unwrap_or_else(|e| e.into_inner()).insert(lang.to_string(), index.clone());
        Ok(index)
    }

    /// Answers from one build. `Err` when the language has no index.
    fn search(&self, request: &Request) -> Result<crate::search::Response, Failure> {
        let mut missing = None;
        for attempt in 0..5 {
            match self.current(&request.lang) {
                Ok(index) => {
                    let response = index.search(request);
                    if index.is_current() {
                        return Ok(response);
                    }
                }
                // Between the two renames of a commit, the output is
                // briefly missing: wait a moment before saying so.
                Err(e) => missing = Some(e),
            }
            std::thread::sleep(Duration::from_millis(20 << attempt));
        }
        Err(match missing {
            Some(_) => Failure::UnknownLang,
            None => Failure::Busy,
        })
    }
}

enum Failure {
    UnknownLang,
    Busy,
}

/// The query string; every value is optional here, checked below.
#[derive(Deserialize)]
pub struct Params {
    q: Option<String>,
    lang: Option<String>,
    category: Option<String>,
    audience: Option<String>,
    language: Option<String>,
    component: Option<String>,
}

pub async fn search(State(indexes): State<Arc<Indexes>>, params: Result<Query<Params>, QueryRejection>) -> Response {
    let Ok(Query(params)) = params else {
        return error(StatusCode::BAD_REQUEST, "the query string is not valid UTF-8 form data".into());
    };
    let Some(query) = params.q.filter(|q| !q.trim().is_empty()) else {
        return error(StatusCode::BAD_REQUEST, "missing query: add ?q=words".into());
    };
    if query.len() > MAX_QUERY_BYTES {
        return error(StatusCode::BAD_REQUEST, format!("the query is longer than {MAX_QUERY_BYTES} bytes"));
    }
    let lang = match params.lang.filter(|l| !l.is_empty()) {
        Some(lang) => lang,
        None => indexes.default_lang.to_string(),
    };
    // Language codes only: the value becomes part of a path.
    if lang.len() > 35 || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return error(StatusCode::NOT_FOUND, format!("unknown language `{lang}`"));
    }
    let nonempty = |v: Option<String>| v.filter(|v| !v.is_empty());
    let request = Request {
        query,
        lang: Lang::new(lang.clone()),
        filters: [params.category, params.audience, params.language, params.component].map(nonempty),
    };
    let searching = indexes.clone();
    let Ok(_turn) = indexes.running.acquire().await else {
        return error(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping".into());
    };
    // Searching is CPU work, up to a millisecond or more: off the threads
    // that serve files.
    let answer = tokio::task::spawn_blocking(move || searching.search(&request)).await;
    match answer {
        Ok(Ok(response)) => {
            let mut answer = json(StatusCode::OK, &response);
            answer.headers_mut().insert(header::CACHE_CONTROL, indexes.cache.clone());
            answer
        }
        Ok(Err(Failure::UnknownLang)) => {
            error(StatusCode::NOT_FOUND, format!("unknown language `{lang}`: this site has no search index for it"))
        }
        Ok(Err(Failure::Busy)) | Err(_) => {
            error(StatusCode::SERVICE_UNAVAILABLE, "the site is being rebuilt; try again".into())
        }
    }
}

fn json(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn error(status: StatusCode, message: String) -> Response {
    let mut answer = json(status, &serde_json::json!({ "error": message }));
    answer.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    answer
}
