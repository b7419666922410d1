//! The built site's files, through tower-http's `ServeDir`: MIME types
//! (mime_guess), `ETag` and `Last-Modified` with 304 answers, ranges,
//! precompressed `.br`/`.gz` files when a build writes them, the 404 page.
//!
//! Around it: request paths made safe before anything looks at them (runs
//! of slashes merged, so that a redirect can never read `//host/`), the
//! site's base path, a `Cache-Control` per kind of file, and, with live
//! reload, the reload script added to HTML pages as they are sent.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::services::ServeDir;

use super::disk::InsideRoot;

pub const LIVE_SCRIPT: &str = "/_signpost/live.js";

/// What the middleware needs to know about the site.
pub struct Site {
    /// `/kb` for a site published at `https://example.org/kb/`; empty at `/`.
    pub base: String,
    pub live: bool,
}

/// The files of `root`; `404.html` for anything else.
pub fn service(root: &Path) -> ServeDir<impl NotFound, InsideRoot> {
    let backend = InsideRoot::new(root);
    let page = root.join("404.html");
    let not_found = tower::service_fn(move |_: Request| {
        let page = page.clone();
        async move { Ok::<_, std::convert::Infallible>(not_found(&page).await) }
    });
    ServeDir::with_backend(root, backend).precompressed_br().precompressed_gzip().fallback(not_found)
}

/// The service answering 404.
pub trait NotFound:
    tower::Service<Request, Response = Response, Error = std::convert::Infallible, Future: Send + 'static>
    + Clone
    + Send
    + Sync
    + 'static
{
}

impl<S> NotFound for S where
    S: tower::Service<Request, Response = Response, Error = std::convert::Infallible, Future: Send + 'static>
        + Clone
        + Send
        + Sync
        + 'static
{
}

async fn not_found(page: &Path) -> Response {
    match tokio::fs::read(page).await {
        Ok(bytes) => {
            (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes).into_response()
        }
        Err(_) => {
            (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "not found").into_response()
        }
    }
}

/// Runs before routing: slashes merged, the base path taken off.
pub async fn tidy(State(site): State<Arc<Site>>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.contains("//") {
        // `//example.org/` in a Location header is another host.
        let mut merged = String::with_capacity(path.len());
        for part in path.split('/').filter(|p| !p.is_empty()) {
            merged.push('/');
            merged.push_str(part);
        }
        if merged.is_empty() || path.ends_with('/') {
            merged.push('/');
        }
        if let Some(query) = request.uri().query() {
            merged = format!("{merged}?{query}");
        }
        return redirect(&merged);
    }
    if !site.base.is_empty()
        && let Some(rest) = path.strip_prefix(site.base.as_str()).filter(|rest| rest.starts_with('/'))
    {
        let rest = match request.uri().query() {
            Some(query) => format!("{rest}?{query}"),
            None => rest.to_string(),
        };
        if let Ok(uri) = rest.parse::<Uri>() {
            *request.uri_mut() = uri;
        }
    }
    let is_get = request.method() == Method::GET;
    let response = next.run(request).await;
    finish(&site, response, is_get).await
}

fn redirect(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(location) => (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, location)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// `charset=utf-8` on text (pages are in Arabic too), a `Cache-Control`,
/// and the live reload script in pages.
async fn finish(site: &Site, mut response: Response, is_get: bool) -> Response {
    let headers = response.headers_mut();
    let Some(kind) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string) else {
        return response;
    };
    let is_text = kind.starts_with("text/") || kind == "application/javascript" || kind == "image/svg+xml";
    if is_text
        && !kind.contains("charset")
        && kind != "text/event-stream"
        && let Ok(value) = HeaderValue::from_str(&format!("{kind}; charset=utf-8"))
    {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if headers.contains_key(header::CACHE_CONTROL) {
        return response; // The API and the events say their own.
    }
    let is_html = kind.starts_with("text/html");
    // Pages keep their URLs from build to build: always revalidated (a 304
    // costs little). Other files for five minutes when nothing rebuilds
    // them, and revalidated each time while writing.
    let cache = match (site.live, is_html) {
        (true, true) => "no-store",
        (true, false) | (false, true) => "no-cache",
        (false, false) => "public, max-age=300",
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if site.live && is_html && is_get && response.status() == StatusCode::OK {
        return with_live_script(response).await;
    }
    response
}

/// The page with the reload script before `</body>`; its validators go,
/// as they describe the file, not this answer.
async fn with_live_script(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    // Precompressed pages are not rewritten (a build writes none today).
    if parts.headers.contains_key(header::CONTENT_ENCODING) {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = format!("<script src=\"{LIVE_SCRIPT}\" defer></script>");
    let mut html = String::from_utf8_lossy(&bytes).into_owned();
    match html.rfind("</body>") {
        Some(at) => html.insert_str(at, &tag),
        None => html.push_str(&tag),
    }
    for name in [header::CONTENT_LENGTH, header::ETAG, header::LAST_MODIFIED, header::ACCEPT_RANGES] {
        parts.headers.remove(name);
    }
    Response::from_parts(parts, Body::from(html))
}

/// `GET /_signpost/live.js`.
pub async fn live_script() -> Response {
    let headers = [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-store")];
    (headers, crate::live::SCRIPT).into_response()
}
