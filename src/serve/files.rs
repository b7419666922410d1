//! The built site's files, through tower-http's `ServeDir`: MIME types
//! (mime_guess), `ETag` and `Last-Modified` with 304 answers, ranges,
//! precompressed `.br`/`.gz` files when a build writes them, the 404 page.
//!
//! Around it: request paths made safe before anything looks at them (runs
//! of slashes merged, so that a redirect can never read `//host/`), the
//! site's base path, a `Cache-Control` per kind of file, and, with live
//! reload, the reload script added to HTML pages as they are sent.

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::io::{AsyncRead, AsyncSeek, ReadBuf};
use tower_http::services::ServeDir;
use tower_http::services::fs::{Backend, File};

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

/// The file system, refusing any file whose real path is outside the
/// root: `ServeDir` already refuses `..`, and this catches symbolic links
/// in the output that lead out of it.
///
/// Calls are made on the answering thread, as nginx does, not on tokio's
/// blocking pool: a site's files are small and in the page cache, and each
/// trip to the pool (tokio::fs makes one per call, and `ServeDir` makes
/// four per page) cost more than the work, a page answered in 0.3 ms where
/// nginx took 0.06. Files up to [`READ_WHOLE`] are read at once; larger
/// ones (videos, PDFs) are streamed through the pool.
#[derive(Clone)]
pub struct InsideRoot {
    root: Arc<PathBuf>,
    /// The root's real path as last resolved. A fast path only: a file
    /// that seems outside it is checked again against the root resolved
    /// anew, since the root may be a link that a deployment points at a
    /// new build.
    real_root: Arc<std::sync::RwLock<PathBuf>>,
}

/// Files up to this size are read into memory in one call when opened.
pub const READ_WHOLE: u64 = 1024 * 1024;

impl InsideRoot {
    pub fn new(root: &Path) -> InsideRoot {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        InsideRoot { root: Arc::new(root.to_path_buf()), real_root: Arc::new(std::sync::RwLock::new(real)) }
    }

    fn open_inside(&self, path: &Path) -> io::Result<Opened> {
        let mut file = open_for_reading(path)?;
        let metadata = file.metadata()?;
        if !metadata.is_file() || !self.holds(&real_path(&file, path)?)? {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        if metadata.len() > READ_WHOLE {
            return Ok(Opened { content: Content::Streamed(tokio::fs::File::from_std(file)), metadata });
        }
        let mut bytes = Vec::with_capacity(metadata.len() as usize);
        // Up to the length read above: no further call to find the end.
        io::Read::read_to_end(&mut io::Read::take(&mut file, metadata.len()), &mut bytes)?;
        Ok(Opened { content: Content::Read(io::Cursor::new(bytes)), metadata })
    }

    /// Whether `real` (a real path) lies in the root.
    fn holds(&self, real: &Path) -> io::Result<bool> {
        if real.starts_with(&*self.real_root.read().unwrap_or_else(|e| e.into_inner())) {
            return Ok(true);
        }
        let now = std::fs::canonicalize(self.root.as_path())?;
        let inside = real.starts_with(&now);
        *self.real_root.write().unwrap_or_else(|e| e.into_inner()) = now;
        Ok(inside)
    }
}

impl Backend for InsideRoot {
    type File = Opened;
    type Metadata = std::fs::Metadata;
    type OpenFuture = std::future::Ready<io::Result<Opened>>;
    type MetadataFuture = std::future::Ready<io::Result<std::fs::Metadata>>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        std::future::ready(self.open_inside(&path))
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        std::future::ready(std::fs::metadata(path))
    }
}

/// Opens without waiting: a named pipe in the output must not hold a
/// server thread (it is refused once opened, as not a file).
#[cfg(target_os = "linux")]
fn open_for_reading(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_for_reading(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Where an opened file really is, links resolved: on Linux one call on
/// the open file (no race with a link changed meanwhile), elsewhere by
/// resolving its path.
#[cfg(target_os = "linux")]
fn real_path(file: &std::fs::File, path: &Path) -> io::Result<PathBuf> {
    use std::os::fd::AsRawFd as _;
    std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).or_else(|_| std::fs::canonicalize(path))
}

#[cfg(not(target_os = "linux"))]
fn real_path(_: &std::fs::File, path: &Path) -> io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// A file opened by [`InsideRoot`], with its metadata as of opening.
pub struct Opened {
    content: Content,
    metadata: std::fs::Metadata,
}

enum Content {
    Read(io::Cursor<Vec<u8>>),
    Streamed(tokio::fs::File),
}

impl AsyncRead for Opened {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        match &mut self.content {
            Content::Read(bytes) => Pin::new(bytes).poll_read(cx, buf),
            Content::Streamed(file) => Pin::new(file).poll_read(cx, buf),
        }
    }
}

impl AsyncSeek for Opened {
    fn start_seek(mut self: Pin<&mut Self>, position: io::SeekFrom) -> io::Result<()> {
        match &mut self.content {
            Content::Read(bytes) => Pin::new(bytes).start_seek(position),
            Content::Streamed(file) => Pin::new(file).start_seek(position),
        }
    }

    fn poll_complete(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        match &mut self.content {
            Content::Read(bytes) => Pin::new(bytes).poll_complete(cx),
            Content::Streamed(file) => Pin::new(file).poll_complete(cx),
        }
    }
}

impl File for Opened {
    type Metadata = std::fs::Metadata;
    type MetadataFuture<'a> = std::future::Ready<io::Result<std::fs::Metadata>>;

    fn metadata(&self) -> Self::MetadataFuture<'_> {
        std::future::ready(Ok(self.metadata.clone()))
    }
}
