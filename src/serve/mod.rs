//! `signpost serve`: the built site and `GET /api/search` over HTTP/1.1,
//! on axum (hyper, tokio) with tower-http. 127.0.0.1 by default; never a
//! file outside the output folder. With live reload, every HTML page gets
//! a small script that listens to `/_signpost/events` (see [`crate::live`]).
//!
//! - `files.rs`: the site's files, safe paths, caching headers, the script;
//! - `disk.rs`: reading them, never outside the output, small ones kept;
//! - `api.rs`: the search API over an index that follows rebuilds;
//! - `events.rs`: live reload's events as server-sent events.
//!
//! The accept loop is here rather than in `axum::serve` because it bounds
//! what clients can hold: at most [`MAX_CONNECTIONS`] open connections (the
//! next waits in the kernel's queue), request heads within
//! [`HEAD_TIMEOUT`], answers within [`ANSWER_TIMEOUT`] (408 after). Ctrl-C
//! or SIGTERM stop accepting, end the event streams, and let answers under
//! way finish for up to [`GRACE`].

mod api;
mod disk;
mod events;
mod files;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::{Semaphore, watch};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::live::Hub;
use crate::model::Lang;

pub use api::MAX_QUERY_BYTES;

/// Open connections at most; an author's browser opens about six, and each
/// costs a file descriptor (the usual limit is 1,024).
pub const MAX_CONNECTIONS: usize = 512;
/// A client has this long to send a request's head (slow clients, or idle
/// kept-alive connections, are closed after it).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest a request may take to be answered (the live event stream's
/// answer starts at once and then lasts).
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);
/// How long answers under way may take to finish after Ctrl-C.
pub const GRACE: Duration = Duration::from_secs(5);

/// What `serve` serves, and where.
pub struct Options {
    pub output: PathBuf,
    /// Where the build wrote the search indexes that `/api/search` reads
    /// ([`crate::index::index_root`]).
    pub indexes: PathBuf,
    /// `127.0.0.1:1111` unless asked otherwise.
    pub bind: SocketAddr,
    /// Pages link to `base_path` (`/kb/` for `https://example.org/kb/`):
    /// it is served too, as the output's root.
    pub base_path: String,
    /// The language `/api/search` searches when the request names none.
    pub default_lang: Lang,
    /// Live reload's hub, if on.
    pub hub: Option<Arc<Hub>>,
}

/// Serves until Ctrl-C or SIGTERM.
///
/// One single-threaded runtime per CPU, each with its own listening
/// socket on the same port (`SO_REUSEPORT`: the kernel spreads the
/// connections), as nginx runs one worker per CPU. A connection stays on
/// the thread that accepted it, where one runtime shared by all threads
/// handed work between them: with 64 connections on the bundled site a
/// page went from 0.66 to 0.70 × nginx's requests per second (bench/
/// search-load.sh, before the files kept in memory took it further).
pub fn serve(options: Options) -> anyhow::Result<()> {
    if !options.output.is_dir() {
        anyhow::bail!("cannot open {}: not a folder", options.output.display());
    }
    // Not resolved further: the output may be a link that a deployment
    // points at a new build (files.rs checks each file's real path).
    let root = std::path::absolute(&options.output)?;
    let threads = if cfg!(unix) { std::thread::available_parallelism().map_or(1, usize::from) } else { 1 };
    let runtimes = (0..threads)
        .map(|_| {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                // Searches and large files' reads run there; bounded like
                // the connections.
                .max_blocking_threads(64)
                .build()
                .context("cannot start the server's threads")
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    // First alone, unshared: a port that another server holds is refused,
    // even one that would share it. Port 0 (any free port) becomes one.
    let bind = {
        let _inside = runtimes[0].enter();
        listen(options.bind, false)?.local_addr()?
    };
    let mut workers = Vec::with_capacity(threads);
    for runtime in runtimes {
        let listener = {
            let _inside = runtime.enter();
            listen(bind, threads > 1)?
        };
        workers.push((runtime, listener));
    }
    let (stop, stopping) = watch::channel(false);
    let app = {
        let _inside = workers[0].0.enter();
        app(&options, root, stopping.clone())
    };
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    eprintln!("serving {} at http://{bind}/ (Ctrl-C to stop)", options.output.display());

    let (first_runtime, first_listener) = workers.remove(0);
    let others: Vec<_> = workers
        .into_iter()
        .map(|(runtime, listener)| {
            let (app, permits, stopping) = (app.clone(), permits.clone(), stopping.clone());
            std::thread::spawn(move || runtime.block_on(accept(listener, app, permits, stopping)))
        })
        .collect();
    first_runtime.block_on(async {
        let stopper = async {
            stop_signal().await;
            eprintln!("stopping: finishing the answers under way");
            let _ = stop.send(true);
        };
        tokio::join!(stopper, accept(first_listener, app, permits, stopping));
    });
    for thread in others {
        let _ = thread.join();
    }
    Ok(())
}

/// Accepts connections on one thread until told to stop, then lets the
/// answers under way finish for up to [`GRACE`].
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    permits: Arc<Semaphore>,
    mut stopping: watch::Receiver<bool>,
) {
    let service = hyper_util::service::TowerToHyperService::new(app);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(HEAD_TIMEOUT);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let stopped = stopping.wait_for(|stop| *stop);
    tokio::pin!(stopped);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            _ = &mut stopped => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors, say: wait for some to close
                // rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut stopped => break,
        };
        // Without it, the small writes of an answer wait for the client's
        // delayed acknowledgement: about 40 ms a request (Nagle).
        let _ = stream.set_nodelay(true);
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(GRACE, graceful.shutdown()).await.is_err() {
        eprintln!("stopped with answers still under way after {} s", GRACE.as_secs());
    }
}

/// The routes and the layers around them, outermost first: compression,
/// the answer timeout, `nosniff`, then [`files::tidy`] (before routing,
/// since it rewrites the path).
fn app(options: &Options, root: PathBuf, stopping: watch::Receiver<bool>) -> Router {
    let live = options.hub.is_some();
    let indexes =
        Arc::new(api::Indexes::new(root.clone(), options.indexes.clone(), options.default_lang.clone(), live));
    let mut router = Router::new().route("/api/search", get(api::search).with_state(indexes));
    if let Some(hub) = &options.hub {
        let events = Arc::new(events::Events::start(hub.clone(), stopping));
        router = router
            .route("/_signpost/events", get(events::stream).with_state(events))
            .route(files::LIVE_SCRIPT, get(files::live_script));
    }
    let router = router.fallback_service(files::service(&root));
    let site = Arc::new(files::Site { base: options.base_path.trim_end_matches('/').to_string(), live });
    let layered = ServiceBuilder::new()
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, ANSWER_TIMEOUT))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(axum::middleware::from_fn_with_state(site, files::tidy))
        .service(router);
    Router::new().fallback_service(layered)
}

/// A listening socket, with room in the queue for a burst of connections;
/// `shared`: one of several on the same port.
fn listen(bind: SocketAddr, shared: bool) -> anyhow::Result<tokio::net::TcpListener> {
    let socket = if bind.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    #[cfg(unix)]
    if shared {
        socket.set_reuseport(true)?;
    }
    socket.bind(bind).map_err(|e| anyhow::anyhow!("cannot listen on {bind}: {e}"))?;
    Ok(socket.listen(1024)?)
}

/// Ctrl-C, or SIGTERM (what `systemctl stop` and container runtimes send).
async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => return std::future::pending().await,
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
