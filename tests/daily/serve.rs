//! `rapporteur serve`: the real binary on a free port against a temporary
//! repository — edit a note and see it, break a YAML file and see the
//! overlay, fix it and see the recovery. Every wait is bounded; the server
//! is killed when the test ends, pass or fail.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use super::common;

const RECORD: &str = "name: Acme Payroll\nclient: { name: Acme }\nprovider: { name: BPSource }\n\
                      phase: steady\nkpis: [{ id: acc, name: Accuracy, target: 99 }]\n";
const NOTE: &str = "content/acme/notes/2026-03-02-check-in.md";
const NOTE_PAGE: &str = "/engagements/acme/notes/2026-03-02-check-in.html";

/// The server process, killed on drop.
struct Server {
    child: Child,
    port: u16,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .args(["serve", "--port", "0", "--as-of", "2026-04-15"])
            .current_dir(root)
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start rapporteur serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        {
            let mut pipe = child.stderr.take().unwrap();
            let stderr = Arc::clone(&stderr);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    stderr
                        .lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
        }
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let mut server = Server {
            child,
            port: 0,
            stderr,
        };
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no URL printed; stderr:\n{}", server.stderr()));
        let url = line
            .trim()
            .strip_prefix("serving http://127.0.0.1:")
            .unwrap_or_else(|| {
                panic!(
                    "unexpected first line {line:?}; stderr:\n{}",
                    server.stderr()
                )
            });
        server.port = url.split('/').next().unwrap().parse().unwrap();
        server
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// GET `path`: (status, body).
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read response");
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (status, body.to_string())
    }

    /// Polls `path` until `test` holds on its body; panics after 30 s.
    fn wait_for(&self, path: &str, what: &str, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (_, body) = self.get(path);
            if test(&body) {
                return body;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what} on {path}; last body:\n{body}\nstderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the terminal output holds `text`; panics after 10 s.
    fn wait_for_stderr(&self, text: &str) {
        let start = Instant::now();
        while !self.stderr().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the terminal never showed {text:?}:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn version(&self) -> u64 {
        self.get("/__rapporteur/version").1.trim().parse().unwrap()
    }
}

fn note(text: &str) -> String {
    format!("---\ntitle: Check-in\ndate: 2026-03-02\nkind: check-in\n---\n{text}\n")
}

#[test]
fn serve_rebuilds_on_change_shows_errors_and_recovers() {
    let repo = common::repo(&[
        ("content/acme/engagement.yaml", RECORD),
        (NOTE, &note("The first version of the note.")),
    ]);
    let root = repo.path();
    let server = Server::start(root);

    let (status, page) = server.get(NOTE_PAGE);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("The first version of the note."), "{page}");
    assert!(
        page.contains("/__rapporteur/version"),
        "the reload script is injected"
    );
    assert!(!page.contains("rapporteur-error"));
    let (status, index) = server.get("/");
    assert_eq!(status, 200);
    assert!(index.contains("Acme Payroll"));
    assert_eq!(server.get("/data/portfolio.json").0, 200);
    assert_eq!(server.get("/no/such/page.html").0, 404);
    let first = server.version();

    // Edit a note: the page shows the new text, and the version moved on.
    std::fs::write(root.join(NOTE), note("The second version of the note.")).unwrap();
    server.wait_for(NOTE_PAGE, "the edited note", |b| {
        b.contains("The second version")
    });
    assert!(server.version() > first);
    // Only that engagement and the portfolio-wide files were re-rendered.
    server.wait_for_stderr("rebuilt acme (");

    // Break the record: the overlay names the file; the last good page stays under it.
    std::fs::write(
        root.join("content/acme/engagement.yaml"),
        "name: [unclosed\n",
    )
    .unwrap();
    let broken = server.wait_for(NOTE_PAGE, "the error overlay", |b| {
        b.contains("rapporteur-error")
    });
    assert!(broken.contains("content/acme/engagement.yaml"), "{broken}");
    assert!(
        broken.contains("The second version"),
        "the last good build is kept"
    );
    // And the terminal shows them.
    server.wait_for_stderr("content/acme/engagement.yaml:1:7");

    // Fix it: the overlay goes away by itself.
    std::fs::write(
        root.join("content/acme/engagement.yaml"),
        RECORD.replace("Acme Payroll", "Acme Payroll Services"),
    )
    .unwrap();
    server.wait_for("/", "recovery", |b| {
        b.contains("Acme Payroll Services") && !b.contains("rapporteur-error")
    });
    server.wait_for_stderr("(errors fixed)");
}

#[test]
fn serve_starts_with_broken_content_and_recovers() {
    let repo = common::repo(&[("content/acme/engagement.yaml", "name: [unclosed\n")]);
    let server = Server::start(repo.path());
    let body = server.wait_for("/", "the error page", |b| b.contains("rapporteur-error"));
    assert!(body.contains("content/acme/engagement.yaml"), "{body}");
    std::fs::write(repo.path().join("content/acme/engagement.yaml"), RECORD).unwrap();
    server.wait_for("/", "recovery", |b| {
        b.contains("Acme Payroll") && !b.contains("rapporteur-error")
    });
}

#[test]
fn serve_refuses_a_port_in_use() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let repo = common::repo(&[("content/acme/engagement.yaml", RECORD)]);
    let out = common::rapporteur(&["serve", "--port", &port], repo.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("choose another --port"));
}
