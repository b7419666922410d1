//! Just enough HTTP/1.1 for `signpost serve`: `GET` and `HEAD`, kept-alive
//! connections, each on a thread of its own.
//!
//! tiny_http served this before. Its pool gives a connection a thread for as
//! long as the connection is open, and can queue a new one without starting
//! a thread for it (two connections arriving together both see the one idle
//! thread); with kept-alive connections a browser's fifth request then waited
//! until Chromium closed another connection, minutes later (seen in the
//! browser tests). It also drops a `Connection: close` header from answers.
//! A thread per connection cannot starve, and an author's browser opens a
//! handful of connections.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// A request line's method and target (path and query, as sent).
pub struct Request {
    pub method: String,
    pub target: String,
}

/// An answer with its whole body.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response { status, headers: vec![("Content-Type", content_type.to_string())], body }
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Response {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name, value.to_string()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What a handler does with a request: answer it, or keep the connection
/// to write to it as long as it likes (server-sent events).
pub enum Answer {
    Response(Response),
    Stream(Box<dyn FnOnce(&mut TcpStream) + Send>),
}

/// The longest request head accepted; browsers send a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;
/// A kept-alive connection idle this long is closed.
const IDLE: Duration = Duration::from_secs(120);

/// Accepts connections until the process ends, each on its own thread.
pub fn run<H>(listener: &TcpListener, handle: &H)
where
    H: Fn(&Request) -> Answer + Sync,
{
    std::thread::scope(|scope| {
        for stream in listener.incoming() {
            match stream {
                Ok(stream) => {
                    scope.spawn(move || connection(stream, handle));
                }
                // Out of file descriptors, say: wait for some to close
                // rather than spin.
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    });
}

/// Requests of one connection, answered in order, until the client closes
/// it, asks to, goes idle or sends something this server does not take.
fn connection<H>(mut stream: TcpStream, handle: &H)
where
    H: Fn(&Request) -> Answer,
{
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(IDLE));
    let Ok(reader) = stream.try_clone() else { return };
    let mut reader = BufReader::new(reader);
    loop {
        let head = match read_head(&mut reader) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(status) => {
                let _ = write(&mut stream, &Response::new(status, "text/plain", Vec::new()), false, false);
                return;
            }
        };
        // A body is not expected: it is left unread, and the answer closes
        // the connection, so no next request is looked for after it.
        let has_body = head.content_length > 0 || head.chunked;
        let keep_alive = head.keep_alive && !has_body;
        let request = Request { method: head.method, target: head.target };
        if request.method != "GET" && request.method != "HEAD" {
            let answer = Response::new(405, "text/plain; charset=utf-8", b"only GET and HEAD".to_vec())
                .with_header("Allow", "GET, HEAD");
            let _ = write(&mut stream, &answer, false, false);
            return;
        }
        match handle(&request) {
            Answer::Response(response) => {
                if write(&mut stream, &response, request.method == "HEAD", keep_alive).is_err() || !keep_alive {
                    return;
                }
            }
            Answer::Stream(stream_to) => {
                stream_to(&mut stream);
                return;
            }
        }
    }
}

struct Head {
    method: String,
    target: String,
    keep_alive: bool,
    content_length: u64,
    chunked: bool,
}

/// The next request's head, `None` when the client has closed the
/// connection (or left it idle), or the status to refuse it with.
fn read_head(reader: &mut impl BufRead) -> Result<Option<Head>, u16> {
    let mut lines = Vec::new();
    let mut size = 0;
    loop {
        let mut line = Vec::new();
        let read = reader.by_ref().take((MAX_HEAD - size) as u64 + 1).read_until(b'\n', &mut line);
        match read {
            Ok(0) if lines.is_empty() => return Ok(None),
            Ok(0) => return Err(400),
            Ok(n) => size += n,
            Err(_) if lines.is_empty() => return Ok(None),
            Err(_) => return Err(408),
        }
        if size > MAX_HEAD {
            return Err(431);
        }
        let line = String::from_utf8(line).map_err(|_| 400u16)?;
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            // Blank lines before a request line are allowed (RFC 9112, 2.2).
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(line);
    }
    let mut request_line = lines[0].split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (request_line.next(), request_line.next(), request_line.next(), request_line.next())
    else {
        return Err(400);
    };
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(505),
    };
    let mut head = Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive: http11,
        content_length: 0,
        chunked: false,
    };
    for line in &lines[1..] {
        let Some((name, value)) = line.split_once(':') else { return Err(400) };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" if value.split(',').any(|v| v.trim() == "close") => head.keep_alive = false,
            "connection" if value.split(',').any(|v| v.trim() == "keep-alive") => head.keep_alive = true,
            "content-length" => head.content_length = value.parse().map_err(|_| 400u16)?,
            "transfer-encoding" => head.chunked = true,
            _ => {}
        }
    }
    Ok(Some(head))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The status line, headers and body in one write.
fn write(stream: &mut impl Write, response: &Response, head_only: bool, keep_alive: bool) -> io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: {}\r\n\r\n",
        response.body.len(),
        if keep_alive { "keep-alive" } else { "close" }
    ));
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Option<Head>, u16> {
        read_head(&mut BufReader::new(text.as_bytes()))
    }

    #[test]
    fn reads_request_heads() {
        let h = head("GET /en/?q=a%20b HTTP/1.1\r\nHost: x\r\n\r\n").unwrap().unwrap();
        assert_eq!((h.method.as_str(), h.target.as_str(), h.keep_alive), ("GET", "/en/?q=a%20b", true));
        assert!(!head("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap().unwrap().keep_alive);
        assert!(!head("GET / HTTP/1.0\r\n\r\n").unwrap().unwrap().keep_alive);
        assert!(head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").unwrap().unwrap().keep_alive);
        assert_eq!(head("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc").unwrap().unwrap().content_length, 3);
        assert!(head("").unwrap().is_none());
    }

    #[test]
    fn refuses_what_it_does_not_take() {
        assert_eq!(head("GET /\r\n\r\n").err(), Some(400));
        assert_eq!(head("GET / HTTP/2.0\r\n\r\n").err(), Some(505));
        assert_eq!(head("GET / HTTP/1.1\r\nno colon\r\n\r\n").err(), Some(400));
        assert_eq!(head("GET / HTTP/1.1\r\nHost: x\r\n").err(), Some(400));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(head(&huge).err(), Some(431));
    }

    #[test]
    fn writes_length_and_connection() {
        let mut out = Vec::new();
        write(&mut out, &Response::new(200, "text/plain", b"hi".to_vec()), false, true).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nhi"
        );
        let mut out = Vec::new();
        write(&mut out, &Response::new(404, "text/plain", b"no".to_vec()), true, false).unwrap();
        assert!(String::from_utf8(out).unwrap().ends_with("Content-Length: 2\r\nConnection: close\r\n\r\n"));
    }
}
