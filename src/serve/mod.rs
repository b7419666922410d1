//! `signpost serve`: the built site on 127.0.0.1, for authors. Never serves
//! a file outside the output folder. With live reload, every HTML page gets
//! a small script that listens to `/_signpost/events` (see [`crate::live`]).

mod http;

use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::live::{Event, Hub};
use crate::model::Lang;
use crate::search::{LangIndex, Request};
use http::{Answer, Response};

/// Serves `output` until the process ends; `hub` is live reload's, if on.
/// Pages link to `base_path` (`/kb/` for `https://example.org/kb/`): it is
/// served too, as the output's root.
/// `/api/search` reads the search indexes in `index_root`
/// ([`crate::index::index_root`]).
pub fn serve(
    output: &Path,
    index_root: &Path,
    port: u16,
    hub: Option<Arc<Hub>>,
    base_path: &str,
) -> anyhow::Result<()> {
    let listener = listen(port)?;
    let root = std::fs::canonicalize(output).with_context(|| format!("cannot open {}", output.display()))?;
    eprintln!("serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)", output.display());
    let indexes = Indexes { root: index_root.to_path_buf(), open: Default::default() };
    let base = base_path.trim_end_matches('/');
    http::run(&listener, &|request: &http::Request| {
        let url = request.target.as_str();
        if let Some(hub) = hub.as_ref().filter(|_| url == EVENTS) {
            let hub = hub.clone();
            return Answer::Stream(Box::new(move |stream| events(stream, &hub)));
        }
        let url = url.strip_prefix(base).filter(|rest| !base.is_empty() && rest.starts_with('/')).unwrap_or(url);
        let response = respond(&root, &indexes, url);
        Answer::Response(if hub.is_some() { with_live_script(response, url) } else { response })
    });
    Ok(())
}

const EVENTS: &str = "/_signpost/events";
const LIVE_SCRIPT: &str = "/_signpost/live.js";

/// A listening socket on 127.0.0.1 with `TCP_NODELAY` (set again on each
/// connection). Without it, the small writes of an answer wait for the
/// client's delayed acknowledgement: about 40 ms per request on a
/// kept-alive connection (Nagle's algorithm).
fn listen(port: u16) -> anyhow::Result<std::net::TcpListener> {
    use socket2::{Domain, Socket, Type};
    let address: std::net::SocketAddr = ([127, 0, 0, 1], port).into();
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&address.into()).map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    socket.listen(128)?;
    Ok(socket.into())
}

/// Server-sent events: an error still standing at once, then each event of
/// the hub, with a comment every 15 s so that proxies keep it open.
fn events(stream: &mut TcpStream, hub: &Hub) {
    use std::io::Write as _;
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    let (mut seen, standing) = hub.current();
    let send = |stream: &mut TcpStream, event: &Event| {
        let data = serde_json::to_string(event).unwrap_or_default();
        stream.write_all(format!("data: {data}\n\n").as_bytes()).and_then(|()| stream.flush())
    };
    if stream.write_all(head.as_bytes()).and_then(|()| stream.flush()).is_err() {
        return;
    }
    if let Some(event) = standing
        && send(stream, &event).is_err()
    {
        return;
    }
    loop {
        let sent = match hub.wait(seen, std::time::Duration::from_secs(15)) {
            Some((n, event)) => {
                seen = n;
                send(stream, &event)
            }
            None => stream.write_all(b": still here\n\n").and_then(|()| stream.flush()),
        };
        if sent.is_err() {
            return; // The page was closed.
        }
    }
}

/// An HTML page with the live reload script added before `</body>`.
fn with_live_script(response: Response, url: &str) -> Response {
    if url.split('?').next() == Some(LIVE_SCRIPT) {
        return Response::new(200, "text/javascript; charset=utf-8", crate::live::SCRIPT.as_bytes().to_vec())
            .with_header("Cache-Control", "no-store");
    }
    if !response.header("Content-Type").is_some_and(|t| t.starts_with("text/html")) {
        return response;
    }
    let tag = format!("<script src=\"{LIVE_SCRIPT}\" defer></script>");
    let mut html = String::from_utf8_lossy(&response.body).into_owned();
    match html.rfind("</body>") {
        Some(at) => html.insert_str(at, &tag),
        None => html.push_str(&tag),
    }
    Response { body: html.into_bytes(), ..response }.with_header("Cache-Control", "no-store")
}

fn respond(root: &Path, indexes: &Indexes, url: &str) -> Response {
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
            return Response::new(301, "text/plain", Vec::new()).with_header("Location", &location);
        }
        file = file.join("index.html");
    }
    // Symbolic links inside the output could still lead out of it.
    match std::fs::canonicalize(&file) {
        Ok(real) if real.starts_with(root) && real.is_file() => match std::fs::read(&real) {
            Ok(bytes) => Response::new(200, content_type(&real), bytes),
            Err(_) => text(500, "cannot read file"),
        },
        _ => not_found(root),
    }
}

/// Opened search indexes, by language, shared by the workers.
struct Indexes {
    /// Where the build wrote them.
    root: std::path::PathBuf,
    open: std::sync::RwLock<std::collections::HashMap<String, std::sync::Arc<LangIndex>>>,
}

/// `GET /api/search?q=...&lang=...&category=...&audience=...&language=...&component=...`
fn api_search(root: &Path, indexes: &Indexes, query: &str) -> Response {
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
        let cached = indexes.open.read().unwrap_or_else(|e| e.into_inner()).get(&lang).cloned();
        match cached {
            Some(index) => index,
            None => match LangIndex::open(&indexes.root, root, &Lang::new(lang.clone())) {
                Ok(index) => {
                    let index = std::sync::Arc::new(index);
                    indexes.open.write().unwrap_or_else(|e| e.into_inner()).insert(lang.clone(), index.clone());
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

fn json(status: u16, value: &impl serde::Serialize) -> Response {
    Response::new(status, "application/json", serde_json::to_vec(value).unwrap_or_default())
}

fn not_found(root: &Path) -> Response {
    match std::fs::read(root.join("404.html")) {
        Ok(bytes) => Response::new(404, "text/html; charset=utf-8", bytes),
        Err(_) => text(404, "not found"),
    }
}

fn text(status: u16, body: &str) -> Response {
    Response::new(status, "text/plain; charset=utf-8", body.as_bytes().to_vec())
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
