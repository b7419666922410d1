//! `signpost serve` over real sockets: static files (compression, 304,
//! ranges, MIME types, caching), paths that try to leave the output folder
//! or the host, `/api/search`'s JSON and errors, answers that follow live
//! rebuilds, and a clean stop on SIGTERM.
//!
//! Requests are written by hand as HTTP/1.0 (the answer ends when the
//! connection closes, so no chunked decoding is needed here).

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::SiteTest;

/// `signpost serve` on a free port of 127.0.0.1, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(site: &SiteTest, args: &[&str]) -> Server {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .arg("serve")
            .args(args)
            .args(["--port", &port.to_string()])
            .current_dir(&site.root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start signpost serve");
        let mut server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(server.child.try_wait().unwrap().is_none(), "signpost serve exited");
            assert!(Instant::now() < deadline, "signpost serve did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Sends `GET path` with these extra header lines.
    fn get(&self, path: &str, headers: &[&str]) -> Answer {
        self.request("GET", path, headers)
    }

    fn request(&self, method: &str, path: &str, headers: &[&str]) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut head = format!("{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n");
        for header in headers {
            head.push_str(header);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        Answer::parse(&bytes)
    }

    fn search(&self, query: &str) -> Value {
        let answer = self.get(&format!("/api/search?{query}"), &[]);
        assert_eq!(answer.header("content-type"), Some("application/json"), "{query}");
        serde_json::from_slice(&answer.body).unwrap_or_else(|e| panic!("{e}: {}", answer.text()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap()
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn parse(bytes: &[u8]) -> Answer {
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete head");
        let head = String::from_utf8_lossy(&bytes[..end]);
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Answer { status, headers, body: bytes[end + 4..].to_vec() }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The multilingual fixture (published under `/kb/`) with files of the
/// kinds a site ships in `static/`.
fn site() -> SiteTest {
    let site = SiteTest::fixture("site/multilingual");
    for (name, bytes) in [
        ("fonts/body.woff2", &b"wOF2 not really a font"[..]),
        ("images/photo.webp", b"RIFF not really an image"),
        ("video/intro.mp4", b"not really a video"),
        ("data/list.json", b"{\"a\": 1}"),
    ] {
        site.write(&format!("static/{name}"), bytes);
    }
    site
}

#[test]
fn static_files_negotiate_validate_and_range() {
    let site = site();
    let server = Server::start(&site, &["--no-live"]);

    let page = server.get("/en/", &[]);
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    assert!(page.header("last-modified").is_some());
    assert!(page.text().contains("</html>"));
    assert!(!page.text().contains("/_signpost/live.js"), "no reload script without live reload");

    // Revalidation.
    let etag = page.header("etag").expect("an ETag").to_string();
    let again = server.get("/en/", &[&format!("If-None-Match: {etag}")]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(server.get("/en/", &["If-None-Match: \"another\""]).status, 200);

    // Ranges.
    let css = server.get("/style.css", &[]);
    let part = server.get("/style.css", &["Range: bytes=0-9"]);
    assert_eq!(part.status, 206);
    assert_eq!(part.header("content-range"), Some(format!("bytes 0-9/{}", css.body.len()).as_str()));
    assert_eq!(part.body, css.body[..10]);
    assert_eq!(css.header("cache-control"), Some("public, max-age=300"));

    // Compression, as the client accepts it.
    let gzip = server.get("/en/", &["Accept-Encoding: gzip"]);
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert!(gzip.body.starts_with(&[0x1f, 0x8b]), "a gzip stream");
    assert!(gzip.body.len() < page.body.len());
    let brotli = server.get("/style.css", &["Accept-Encoding: br, gzip;q=0.5"]);
    assert_eq!(brotli.header("content-encoding"), Some("br"));
    assert!(brotli.body.len() < css.body.len());
    assert!(brotli.header("vary").is_some_and(|v| v.to_ascii_lowercase().contains("accept-encoding")));
    assert_eq!(page.header("content-encoding"), None, "plain to a client that asks for nothing");

    for (path, kind) in [
        ("/fonts/body.woff2", "font/woff2"),
        ("/images/photo.webp", "image/webp"),
        ("/video/intro.mp4", "video/mp4"),
        ("/data/list.json", "application/json"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/search.js", "text/javascript; charset=utf-8"),
        ("/en/about/index.html", "text/html; charset=utf-8"),
    ] {
        let answer = server.get(path, &[]);
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.header("content-type"), Some(kind), "{path}");
    }

    let head = server.request("HEAD", "/en/", &[]);
    assert_eq!((head.status, head.body.len()), (200, 0));
    assert_eq!(server.request("POST", "/en/", &["Content-Length: 0"]).status, 405);
}

#[test]
fn a_port_in_use_is_refused_even_by_a_second_signpost() {
    // Each CPU's thread listens on the port with SO_REUSEPORT; a second
    // server must still be refused, not share the first one's connections.
    let site = site();
    let server = Server::start(&site, &["--no-live"]);
    let mut second = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--no-build", "--port", &server.port.to_string()])
        .current_dir(&site.root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run signpost serve");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            second.kill().unwrap();
            panic!("a second server started on a port in use");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut second.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!status.success());
    assert!(stderr.contains("cannot listen on"), "{stderr}");
    assert_eq!(server.get("/en/", &[]).status, 200);
}

#[test]
fn files_changed_while_serving_are_served_new() {
    // Small files are answered from memory while unchanged: any change to
    // the file, or to where its path leads, is seen at once.
    let site = site();
    let server = Server::start(&site, &["--no-live"]);
    let file = site.output().join("notes.txt");
    let mut seen = Vec::new();
    for text in ["first", "second version", "same length!", "SAME LENGTH!"] {
        std::fs::write(&file, text).unwrap();
        seen.push(server.get("/notes.txt", &[]).text());
    }
    // A file kept in memory (files that changed in the last two seconds
    // are not), then changed.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    seen.push(server.get("/notes.txt", &[]).text());
    std::fs::write(&file, "same LENGTH!").unwrap();
    seen.push(server.get("/notes.txt", &[]).text());
    // Replaced by another file, as a build does.
    let other = site.output().join("notes.new");
    std::fs::write(&other, "moved into place").unwrap();
    std::fs::rename(&other, &file).unwrap();
    seen.push(server.get("/notes.txt", &[]).text());
    assert_eq!(
        seen,
        ["first", "second version", "same length!", "SAME LENGTH!", "SAME LENGTH!", "same LENGTH!", "moved into place"]
    );
    std::fs::remove_file(&file).unwrap();
    assert_eq!(server.get("/notes.txt", &[]).status, 404);
}

#[test]
fn paths_stay_in_the_output_and_on_this_host() {
    let site = site();
    let server = Server::start(&site, &["--no-live"]);
    // Links in the output to a file outside it: absolute, relative, and
    // through a folder; and a relative link that stays inside, served.
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(site.root.join("signpost.yaml"), site.output().join("config.yaml")).unwrap();
        symlink("../signpost.yaml", site.output().join("relative.yaml")).unwrap();
        symlink("..", site.output().join("up")).unwrap();
        symlink("en/index.html", site.output().join("home.html")).unwrap();
        let home = server.get("/home.html", &[]);
        assert_eq!(
            (home.status, home.body.clone()),
            (200, std::fs::read(site.output().join("en/index.html")).unwrap())
        );
    }
    for path in [
        "/../signpost.yaml",
        "/%2e%2e/signpost.yaml",
        "/%2E%2E/signpost.yaml",
        "/en/../../signpost.yaml",
        "/%2e%2e%2fsignpost.yaml",
        "/en/%2e%2e%2f%2e%2e%2fsignpost.yaml",
        "/..%5csignpost.yaml",
        "/%252e%252e/signpost.yaml",
        "/config.yaml",
        "/relative.yaml",
        "/up/signpost.yaml",
        "/kb/../signpost.yaml",
    ] {
        let answer = server.get(path, &[]);
        assert_ne!(answer.status, 200, "{path}");
        assert!(!answer.text().contains("default_language"), "{path}: {}", answer.text());
    }

    let missing = server.get("/en/nowhere/", &[]);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body, std::fs::read(site.output().join("404.html")).unwrap(), "the site's 404 page");

    // A folder without its slash: redirected on this host, to a path.
    let folder = server.get("/en", &[]);
    assert!(matches!(folder.status, 301 | 307 | 308), "{}", folder.status);
    assert_eq!(folder.header("location"), Some("/en/"));
    for path in ["//en", "//en/", "///en", "//example.org/", "/en//guide", "//127.0.0.1/en"] {
        let answer = server.get(path, &[]);
        let location = answer.header("location").unwrap_or("");
        assert!(location.starts_with('/'), "{path} -> {location}");
        assert!(!location.starts_with("//") && !location.starts_with("/\\"), "{path} -> {location}");
    }
    assert_eq!(server.get("//en", &[]).header("location"), Some("/en"));

    // The site's base path (`/kb/`) is served as the root too.
    assert_eq!(server.get("/kb/en/", &[]).status, 200);
    assert_eq!(server.get("/kb/style.css", &[]).status, 200);
}

#[test]
fn search_api_answers_json_and_refuses_bad_queries() {
    let site = site();
    let server = Server::start(&site, &["--no-live"]);

    let found = server.search("q=planning&lang=en");
    assert_eq!(found["query"], "planning");
    assert_eq!(found["lang"], "en");
    assert!(found["total"].as_u64().unwrap() > 0, "{found}");
    let first = &found["results"][0];
    for key in ["url", "title", "section", "snippet"] {
        assert!(first[key].is_string(), "{key} in {first}");
    }
    assert!(first["url"].as_str().unwrap().starts_with("/kb/en/guide/one/"), "{first}");
    for facet in ["category", "audience", "language", "component"] {
        assert!(found["facets"][facet].is_object(), "facets.{facet}");
    }
    // The default language, and words percent-encoded.
    assert_eq!(server.search("q=small%20team")["lang"], "en");
    assert!(server.search("q=small+team")["total"].as_u64().unwrap() > 0);
    assert_eq!(server.get("/api/search?q=planning", &[]).header("cache-control"), Some("public, max-age=60"));

    let long = format!("q={}", "a".repeat(513));
    for (query, status, says) in [
        ("", 400, "missing query"),
        ("q=", 400, "missing query"),
        ("lang=en", 400, "missing query"),
        (long.as_str(), 400, "512 bytes"),
        ("q=plan&lang=de", 404, "unknown language `de`"),
        ("q=plan&lang=..%2f..", 404, "unknown language"),
    ] {
        let answer = server.get(&format!("/api/search?{query}"), &[]);
        assert_eq!(answer.status, status, "{query}: {}", answer.text());
        assert_eq!(answer.header("content-type"), Some("application/json"), "{query}");
        let error: Value = serde_json::from_slice(&answer.body).unwrap();
        assert!(error["error"].as_str().unwrap().contains(says), "{query}: {error}");
    }
}

/// Polls the API until `done` holds for the answer, for up to a minute.
fn until(server: &Server, query: &str, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let answer = server.search(query);
        if done(&answer) {
            return answer;
        }
        assert!(Instant::now() < deadline, "{query} still answers {answer}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn urls(answer: &Value) -> Vec<String> {
    answer["results"].as_array().unwrap().iter().map(|r| r["url"].as_str().unwrap().to_string()).collect()
}

#[test]
fn search_follows_live_rebuilds() {
    let site = site();
    let server = Server::start(&site, &[]);
    // Opens the index before anything changes.
    assert_eq!(server.search("q=zeppelin&lang=en")["total"], 0);
    let page = server.get("/en/", &[]);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(page.text().contains("/_signpost/live.js"), "the reload script in pages");
    assert_eq!(server.search("q=planning")["total"].as_u64().map(|n| n > 0), Some(true));

    // A new page.
    site.write("content/en/guide/three.md", "---\ntitle: Step three\n---\n\nThe zeppelin lands.\n");
    let found = until(&server, "q=zeppelin&lang=en", |a| a["total"] == 1);
    assert_eq!(urls(&found), ["/kb/en/guide/three/"]);

    // A change to a page's text only.
    let one = std::fs::read_to_string(site.root.join("content/en/guide/one.md")).unwrap();
    site.write("content/en/guide/one.md", one.replace("Because planning saves time.", "Because quokkas save time."));
    let found = until(&server, "q=quokkas&lang=en", |a| a["total"] == 1);
    assert_eq!(urls(&found), ["/kb/en/guide/one/#why"]);
    let gone = server.search("q=planning+saves&lang=en");
    assert_eq!(gone["total"], 0, "the old text is no longer found: {gone}");
    // The print page holds the navigation's pages: it follows too.
    let print = server.get("/en/print/", &[]).text();
    assert!(print.contains("quokkas") && !print.contains("planning saves"), "the print page is stale");
}

#[test]
fn events_stream_and_sigterm_stops_the_server() {
    let site = site();
    let mut server = Server::start(&site, &[]);
    // An open event stream must not keep the server from stopping.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.write_all(b"GET /_signpost/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    events.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut head = [0; 512];
    let n = events.read(&mut head).unwrap();
    let head = String::from_utf8_lossy(&head[..n]).to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("content-type: text/event-stream"), "{head}");

    let stopped = Instant::now();
    let status = Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let code = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(stopped.elapsed() < Duration::from_secs(10), "still running 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(code.success(), "{code}");
    assert!(stopped.elapsed() < Duration::from_secs(4), "stopped after {:?}", stopped.elapsed());
}
