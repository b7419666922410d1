//! Browser tests: builds the bundled site, serves it with `signpost serve`
//! on 127.0.0.1, and runs the Node test files in this folder
//! (`*.test.mjs`, node:test + playwright-core) against it in Debian's
//! Chromium.
//!
//! Needs `node`, `/usr/bin/chromium` and `npm ci` run in this folder
//! (`.ci/run` and `scripts/setup.sh` do both). Missing tools fail the run;
//! `SIGNPOST_SKIP_BROWSER=1` skips it explicitly and says so.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

fn main() -> ExitCode {
    if std::env::var_os("SIGNPOST_SKIP_BROWSER").is_some() {
        println!("browser tests skipped: SIGNPOST_SKIP_BROWSER is set");
        return ExitCode::SUCCESS;
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if let Err(missing) = check_tools(&here) {
        eprintln!(
            "browser tests cannot run: {missing}\nrun `bash scripts/setup.sh` first, or set SIGNPOST_SKIP_BROWSER=1 to skip them"
        );
        return ExitCode::FAILURE;
    }
    let work = tempfile::tempdir().expect("temporary folder");
    let output = work.path().join("public");
    let port = free_port();
    let index = work.path().join("index");
    let server = Server::start(&output, &index, port);
    if !server.wait_ready(port) {
        eprintln!("signpost serve did not start on port {port}");
        return ExitCode::FAILURE;
    }
    let mut tests: Vec<_> = std::fs::read_dir(&here)
        .expect("tests/browser")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    tests.sort();
    let status = Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .arg("--test-timeout=120000")
        .args(&tests)
        .env("SITE_URL", format!("http://127.0.0.1:{port}"))
        .env("SITE_OUTPUT", &output)
        .env("SITE_INDEX", &index)
        .env("SIGNPOST_BIN", env!("CARGO_BIN_EXE_signpost"))
        .env("SIGNPOST_ROOT", env!("CARGO_MANIFEST_DIR"))
        .env("CHROMIUM", CHROMIUM)
        .current_dir(&here)
        .status()
        .expect("run node");
    drop(server);
    if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn check_tools(here: &Path) -> Result<(), String> {
    if !Path::new(CHROMIUM).exists() {
        return Err(format!("{CHROMIUM} is missing (Debian package `chromium`)"));
    }
    if Command::new("node").arg("--version").stdout(Stdio::null()).status().is_err() {
        return Err("`node` is not on PATH".into());
    }
    if !here.join("node_modules/playwright-core").is_dir() {
        return Err("tests/browser/node_modules is missing (`npm ci --prefix tests/browser`)".into());
    }
    Ok(())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// `signpost serve` on the bundled site, stopped when dropped.
struct Server(Child);

impl Server {
    fn start(output: &Path, index: &Path, port: u16) -> Server {
        let child = Command::new(env!("CARGO_BIN_EXE_signpost"))
            // The served pages are checked as published: without the live
            // reload script (live.test.mjs runs a server of its own).
            .args(["serve", "--no-live", "--port", &port.to_string(), "--output"])
            .arg(output)
            .arg("--index-dir")
            .arg(index)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::null())
            .spawn()
            .expect("start signpost serve");
        Server(child)
    }

    fn wait_ready(&self, port: u16) -> bool {
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
