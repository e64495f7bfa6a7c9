//! The HTTP side of `serve`: a fixed pool of worker threads behind one
//! accept thread, all started before the URL is printed, so that no thread
//! is ever started per connection (a failed start cannot take the server
//! down). A connection is handed over only to a worker that is free (it is
//! never queued behind a slow client); with none free it is refused: 503.
//!
//! Requests are parsed by `httparse` (the parser under hyper), one per
//! connection (`Connection: close`), GET and HEAD only, and answered only
//! when their `Host:` is this server's own address: a web page that points
//! a name of its own at 127.0.0.1 (DNS rebinding) gets 421, not the
//! internal build.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Worker threads: a browser opens a handful of connections per page,
/// and may open one or two ahead that stay idle until the read timeout.
pub(crate) const WORKERS: usize = 16;
/// A request is a line and some headers: more is a bad client.
const MAX_REQUEST: usize = 64 * 1024;
const MAX_HEADERS: usize = 100;
/// How long a client may take to send its request or read the answer
/// (on 127.0.0.1 a request arrives at once).
const TIMEOUT: Duration = Duration::from_secs(5);

/// One request, as the handler sees it.
pub(crate) struct Request {
    pub(crate) method: String,
    /// The path and query, as sent (percent-encoded).
    pub(crate) target: String,
}

pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) body: Vec<u8>,
    pub(crate) location: Option<String>,
}

impl Response {
    pub(crate) fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
        }
    }

    fn write(&self, stream: &mut impl Write, head_only: bool) -> std::io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            301 => "Moved Permanently",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            421 => "Misdirected Request",
            503 => "Service Unavailable",
            _ => "Error",
        };
        let mut head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\nConnection: close\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        if let Some(location) = &self.location {
            head.push_str(&format!("Location: {location}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}

pub(crate) type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// Starts the workers and the accept thread on `listener` (bound to
/// 127.0.0.1 at `port`); an error when a thread cannot be started.
pub(crate) fn start(listener: TcpListener, port: u16, handler: Arc<Handler>) -> Result<(), String> {
    // Every stream sent has a worker reserved for it: never more than WORKERS.
    let (tx, rx) = mpsc::sync_channel::<TcpStream>(WORKERS);
    let rx = Arc::new(Mutex::new(rx));
    let free = Arc::new(AtomicUsize::new(WORKERS));
    let hosts = Arc::new(allowed_hosts(port));
    for i in 0..WORKERS {
        let (rx, handler, hosts) = (Arc::clone(&rx), Arc::clone(&handler), Arc::clone(&hosts));
        let free = Arc::clone(&free);
        std::thread::Builder::new()
            .name(format!("http-{i}"))
            .spawn(move || work(&rx, &free, &*handler, &hosts))
            .map_err(|e| format!("cannot start the server's threads: {e}"))?;
    }
    std::thread::Builder::new()
        .name("http-accept".into())
        .spawn(move || accept(&listener, &tx, &free))
        .map_err(|e| format!("cannot start the server's threads: {e}"))?;
    Ok(())
}

/// The `Host:` values of this server: by address and by name, with its
/// port or without (a client's own choice; a rebinding page's `Host:` is
/// its own name, never one of these).
fn allowed_hosts(port: u16) -> Vec<String> {
    vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "127.0.0.1".into(),
        "localhost".into(),
    ]
}

fn accept(listener: &TcpListener, tx: &SyncSender<TcpStream>, free: &AtomicUsize) {
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            // Out of file descriptors, a connection reset: wait and go on.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let reserved = free
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok();
        if reserved {
            if tx.send(stream).is_err() {
                return;
            }
        } else {
            let mut stream = stream;
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let busy = Response::text(503, "the server is busy: reload in a moment\n");
            let _ = busy.write(&mut stream, false);
        }
    }
}

fn work(rx: &Mutex<Receiver<TcpStream>>, free: &AtomicUsize, handler: &Handler, hosts: &[String]) {
    loop {
        let stream = {
            let rx = rx.lock().unwrap_or_else(|p| p.into_inner());
            match rx.recv() {
                Ok(stream) => stream,
                Err(_) => return,
            }
        };
        // A panic would lose this worker for good: keep it, drop the connection.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            serve_one(stream, handler, hosts)
        }));
        free.fetch_add(1, Ordering::AcqRel);
    }
}

/// Reads one request, answers it and closes the connection.
fn serve_one(mut stream: TcpStream, handler: &Handler, hosts: &[String]) -> std::io::Result<()> {
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    let (response, head_only) = match read_request(&mut stream)? {
        Parsed::Bad(why) => (Response::text(400, why), false),
        Parsed::Request {
            method,
            target,
            host,
        } => {
            let head_only = method == "HEAD";
            let allowed = host.is_some_and(|h| hosts.iter().any(|a| a.eq_ignore_ascii_case(&h)));
            let response = if !allowed {
                Response::text(
                    421,
                    &format!("this server answers only http://{}/\n", hosts[0]),
                )
            } else if method == "GET" || method == "HEAD" {
                handler(&Request { method, target })
            } else {
                Response::text(405, "only GET and HEAD are served\n")
            };
            (response, head_only)
        }
        Parsed::Closed => return Ok(()),
    };
    response.write(&mut stream, head_only)
}

enum Parsed {
    Request {
        method: String,
        target: String,
        host: Option<String>,
    },
    Bad(&'static str),
    Closed,
}

/// Reads up to the end of the headers (bounded) and parses them.
fn read_request(stream: &mut impl Read) -> std::io::Result<Parsed> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(if buf.is_empty() {
                Parsed::Closed
            } else {
                Parsed::Bad("the request ended early\n")
            });
        }
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(&buf) {
            Ok(httparse::Status::Complete(_)) => {
                let host = request
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case("host"))
                    .and_then(|h| std::str::from_utf8(h.value).ok())
                    .map(|h| h.trim().to_string());
                return Ok(Parsed::Request {
                    method: request.method.unwrap_or("").to_string(),
                    target: request.path.unwrap_or("/").to_string(),
                    host,
                });
            }
            Ok(httparse::Status::Partial) if buf.len() < MAX_REQUEST => {}
            Ok(httparse::Status::Partial) => return Ok(Parsed::Bad("the request is too large\n")),
            Err(_) => return Ok(Parsed::Bad("not an HTTP request\n")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Parsed {
        read_request(&mut text.as_bytes()).unwrap()
    }

    #[test]
    fn requests_parse_with_their_host() {
        match parse("GET /a%20b?x HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n") {
            Parsed::Request {
                method,
                target,
                host,
            } => {
                assert_eq!((method.as_str(), target.as_str()), ("GET", "/a%20b?x"));
                assert_eq!(host.as_deref(), Some("127.0.0.1:9"));
            }
            _ => panic!("not parsed"),
        }
        assert!(matches!(parse("GET / HTTP/1.1\r\n"), Parsed::Bad(_)));
        assert!(matches!(parse(""), Parsed::Closed));
        assert!(matches!(parse("\u{1}\u{2}\r\n\r\n"), Parsed::Bad(_)));
    }
}
