//! `signpost serve`: the built site on 127.0.0.1, for authors. Never serves
//! a file outside the output folder.

use std::path::{Component, Path, PathBuf};

use anyhow::Context as _;
use tiny_http::{Header, Response, Server, StatusCode};

use crate::BuildOptions;
use crate::model::Lang;
use crate::search::{LangIndex, Request};

const WORKERS: usize = 4;

pub fn serve(_options: &BuildOptions, output: &Path, port: u16) -> anyhow::Result<()> {
    let server =
        Server::http(("127.0.0.1", port)).map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let root = std::fs::canonicalize(output).with_context(|| format!("cannot open {}", output.display()))?;
    eprintln!("serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)", output.display());
    // A few workers, so that one slow client does not hold up the others.
    let server = std::sync::Arc::new(server);
    let indexes = Indexes::default();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            let (server, root, indexes) = (&server, &root, &indexes);
            scope.spawn(move || {
                while let Ok(request) = server.recv() {
                    let response = respond(root, indexes, request.url());
                    let _ = request.respond(response);
                }
            });
        }
    });
    Ok(())
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn respond(root: &Path, indexes: &Indexes, url: &str) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/api/search" {
        return api_search(root, indexes, url.split_once('?').map_or("", |(_, q)| q));
    }
    let Some(rel) = safe_relative(&percent_decode(path)) else {
        return text(400, "bad path");
    };
    let mut file = root.join(&rel);
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = format!("{path}/");
            return Response::from_data(Vec::new()).with_status_code(301).with_header(header("Location", &location));
        }
        file = file.join("index.html");
    }
    // Symbolic links inside the output could still lead out of it.
    match std::fs::canonicalize(&file) {
        Ok(real) if real.starts_with(root) && real.is_file() => match std::fs::read(&real) {
            Ok(bytes) => Response::from_data(bytes).with_header(header("Content-Type", content_type(&real))),
            Err(_) => text(500, "cannot read file"),
        },
        _ => not_found(root),
    }
}

/// Opened search indexes, by language, shared by the workers.
type Indexes = std::sync::RwLock<std::collections::HashMap<String, std::sync::Arc<LangIndex>>>;

/// `GET /api/search?q=...&lang=...&category=...&audience=...&language=...&component=...`
fn api_search(root: &Path, indexes: &Indexes, query: &str) -> Reply {
    let params: Vec<(String, String)> = query
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .map(|(k, v)| (percent_decode(&k.replace('+', " ")), percent_decode(&v.replace('+', " "))))
        .collect();
    let get = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).filter(|v| !v.is_empty());
    let lang = get("lang").unwrap_or_else(|| default_lang(root));
    if !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return json(400, &serde_json::json!({"error": "unknown language"}));
    }
    let index = {
        let cached = indexes.read().unwrap_or_else(|e| e.into_inner()).get(&lang).cloned();
        match cached {
            Some(index) => index,
            None => match LangIndex::open(root, &Lang::new(lang.clone())) {
                Ok(index) => {
                    let index = std::sync::Arc::new(index);
                    indexes.write().unwrap_or_else(|e| e.into_inner()).insert(lang.clone(), index.clone());
                    index
                }
                Err(_) => {
                    return json(404, &serde_json::json!({"error": format!("no search index for language `{lang}`")}));
                }
            },
        }
    };
    let request = Request {
        query: get("q").unwrap_or_default(),
        lang: Lang::new(lang),
        filters: ["category", "audience", "language", "component"].map(get),
    };
    json(200, &index.search(&request))
}

/// The language of the root page's `<html lang>`, else `en`.
fn default_lang(root: &Path) -> String {
    let html = std::fs::read_to_string(root.join("index.html")).unwrap_or_default();
    html.split("<html lang=\"").nth(1).and_then(|rest| rest.split('"').next()).map_or("en".to_string(), str::to_string)
}

fn json(status: u16, value: &impl serde::Serialize) -> Reply {
    Response::from_data(serde_json::to_vec(value).unwrap_or_default())
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "application/json"))
}

fn not_found(root: &Path) -> Reply {
    match std::fs::read(root.join("404.html")) {
        Ok(bytes) => Response::from_data(bytes)
            .with_status_code(StatusCode(404))
            .with_header(header("Content-Type", "text/html; charset=utf-8")),
        Err(_) => text(404, "not found"),
    }
}

fn text(status: u16, body: &str) -> Reply {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// The request path as a relative path with no `..`, or `None`.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let mut rel = PathBuf::new();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => rel.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(rel)
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| u8::from_str_radix(path.get(i + 1..i + 3)?, 16).ok())
            .flatten();
        if let Some(byte) = escaped {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_paths_that_climb() {
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/en/a/"), Some(PathBuf::from("en/a")));
        assert_eq!(percent_decode("/%2e%2e/x"), "/../x");
    }
}
