//! No panic and bounded work on hostile input (issue 12): numbers and
//! dates out of range, file names that are not UTF-8, extreme report
//! dates, absurd `--jobs`, runaway user templates, and `serve` against
//! symbolic links and foreign `Host:` headers. Every case runs the real
//! binary, checks the exit code and the message with its position, and
//! that nothing outside the output changed.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const AS_OF: &str = "2026-04-15";
const ENGAGEMENT: &str = "content/acme-payroll/engagement.yaml";
const PERIOD: &str = "content/acme-payroll/periods/2026-03.yaml";

/// A copy of the design example in a temporary folder.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &common::repo_root().join("tests/fixtures/design-example"),
        dir.path(),
    );
    dir
}

/// Replaces `from` by `to` in the file `rel` of `root` (it must be there).
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `args` in `root`, asserting no panic and the exit code, and that
/// the repository is as it was; returns stdout and stderr together.
fn run(root: &Path, args: &[&str], code: i32) -> String {
    let before = common::snapshot(root);
    let out = common::rapporteur(args, root);
    let all = text(&out);
    assert!(!all.contains("panicked"), "{args:?} panicked:\n{all}");
    assert_eq!(out.status.code(), Some(code), "{args:?}:\n{all}");
    common::assert_same_tree(&before, &common::snapshot(root), &format!("{args:?}"));
    assert!(common::leftovers(root).is_empty());
    all
}

/// `check` on the example after `edits`, expecting exit 1 and each
/// `(file:line:col, fragment)` among the diagnostics.
fn check_says(edits: &[(&str, &str, &str)], expect: &[(&str, &str)]) {
    let dir = example();
    for (rel, from, to) in edits {
        edit(dir.path(), rel, from, to);
    }
    let all = run(dir.path(), &["check", "--as-of", AS_OF], 1);
    for (at, says) in expect {
        let line = all
            .lines()
            .find(|l| l.contains(at))
            .unwrap_or_else(|| panic!("nothing at {at}:\n{all}"));
        assert!(line.contains(says), "{at} does not say `{says}`: {line}");
    }
}

#[test]
fn kpi_values_of_plus_and_minus_9e307_are_range_errors_not_a_chart_panic() {
    let dir = example();
    let feb = dir.path().join("content/acme-payroll/periods/2026-02.yaml");
    let march = std::fs::read_to_string(dir.path().join(PERIOD)).unwrap();
    std::fs::write(
        &feb,
        march.replace("2026-03", "2026-02").replace("99.6", "9e307"),
    )
    .unwrap();
    edit(dir.path(), PERIOD, "99.6", "-9e307");
    for args in [
        &["check", "--as-of", AS_OF][..],
        &["check", "--as-of", AS_OF, "--format", "json"][..],
    ] {
        let all = run(dir.path(), args, 1);
        assert!(all.contains("9e307 is out of range"), "{all}");
    }
    let all = run(dir.path(), &["check", "--as-of", AS_OF], 1);
    assert!(
        all.contains("content/acme-payroll/periods/2026-02.yaml:2:19: KPI value 9e307"),
        "{all}"
    );
    assert!(
        all.contains("content/acme-payroll/periods/2026-03.yaml:2:19: KPI value -9e307"),
        "{all}"
    );
    // build refuses too, and writes nothing.
    let all = run(dir.path(), &["build", "--as-of", AS_OF], 1);
    assert!(all.contains("out of range"), "{all}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_kpi_weight_of_1e308_is_a_range_error() {
    check_says(
        &[(ENGAGEMENT, "weight: 3 ", "weight: 1e308 ")],
        &[(
            "engagement.yaml:23:13:",
            "weight 1e308 is too large: use a weight from 0 to 1e6",
        )],
    );
}

#[test]
fn a_capacity_of_1e_320_hours_is_a_range_error() {
    check_says(
        &[(
            ENGAGEMENT,
            "hours_per_month: 1920",
            "hours_per_month: 1e-320",
        )],
        &[(
            "engagement.yaml:14:30:",
            "hours_per_month 1e-320 is out of range",
        )],
    );
}

#[test]
fn targets_fees_hours_and_notice_days_past_their_bounds_are_range_errors() {
    check_says(
        &[
            (ENGAGEMENT, "target: 99.5", "target: 2e15"),
            (ENGAGEMENT, "monthly_fee: 48000", "monthly_fee: 1e16"),
            (
                ENGAGEMENT,
                "renewal_notice_days: 90",
                "renewal_notice_days: 9999999",
            ),
            (PERIOD, "worked: 2010", "worked: 1e9"),
        ],
        &[
            ("engagement.yaml:10:16:", "monthly_fee 1e16 is too large"),
            (
                "engagement.yaml:9:24:",
                "renewal_notice_days 9999999 is too long",
            ),
            ("engagement.yaml:20:13:", "target 2e15 is out of range"),
            ("2026-03.yaml:3:18:", "worked 1e9 is too large"),
        ],
    );
}

#[test]
fn dates_outside_1900_to_2200_are_range_errors() {
    let note = "content/acme-payroll/notes/2026-03-04-weekly.md";
    check_says(
        &[
            (ENGAGEMENT, "start: 2024-02-01", "start: 1800-01-01"),
            (ENGAGEMENT, "end: 2027-01-31", "end: 2999-01-31"),
            (ENGAGEMENT, "date: 2026-03-01", "date: 0001-03-01"),
            (ENGAGEMENT, "due: 2026-06-30", "due: 9999-06-30"),
            (note, "date: 2026-03-04", "date: 2300-03-04"),
        ],
        &[
            (
                "engagement.yaml:6:8:",
                "start 1800-01-01 is outside the years 1900 to 2200",
            ),
            ("engagement.yaml:8:8:", "contract end 2999-01-31 is outside"),
            (
                "engagement.yaml:39:13:",
                "milestone date 0001-03-01 is outside",
            ),
            ("engagement.yaml:32:58:", "due date 9999-06-30 is outside"),
            (
                "2026-03-04-weekly.md:3:7:",
                "note date 2300-03-04 is outside",
            ),
        ],
    );
}

#[test]
fn health_weights_in_rapporteur_yaml_past_1e6_are_range_errors() {
    check_says(
        &[("rapporteur.yaml", "performance: 35", "performance: 1e300")],
        &[(
            "rapporteur.yaml:12:",
            "weight performance is 1e300: use a weight from 0 to 1e6",
        )],
    );
}

#[cfg(unix)]
#[test]
fn check_json_with_a_file_name_that_is_not_utf8_reports_it_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = example();
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.md");
    let notes = dir.path().join("content/acme-payroll/notes");
    std::fs::write(notes.join(name), "---\ntitle: x\ndate: 2026-03-05\n---\n").unwrap();
    let all = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "json"],
        1,
    );
    let line = all
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON line:\n{all}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(
        v["file"], "content/acme-payroll/notes/bad\u{fffd}.md",
        "{line}"
    );
    assert_eq!(v["severity"], "error");
}

/// The binary with `SOURCE_DATE_EPOCH` set.
fn with_epoch(epoch: &str, args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap()
}

#[test]
fn extreme_source_date_epoch_and_as_of_are_usage_errors() {
    let dir = example();
    let before = common::snapshot(dir.path());
    for epoch in ["99999999999999999", "-99999999999", "253402300799"] {
        for args in [
            &["check"][..],
            &["build"][..],
            &["export"][..],
            &["new", "note", "acme-payroll", "hi"][..],
        ] {
            let out = with_epoch(epoch, args, dir.path());
            let all = text(&out);
            assert_eq!(out.status.code(), Some(2), "{epoch} {args:?}: {all}");
            assert!(
                all.contains(&format!("SOURCE_DATE_EPOCH `{epoch}`")),
                "{all}"
            );
            assert!(all.contains("1900 to 2200"), "{all}");
        }
    }
    let all = run(dir.path(), &["check", "--as-of", "2201-01-01"], 2);
    assert!(
        all.contains("--as-of `2201-01-01` is 2201-01-01, outside"),
        "{all}"
    );
    common::assert_same_tree(&before, &common::snapshot(dir.path()), "epoch");
}

#[test]
fn jobs_beyond_four_per_core_are_lowered_with_a_warning() {
    let dir = example();
    let start = std::time::Instant::now();
    let out = common::rapporteur(&["build", "--as-of", AS_OF, "--jobs", "20000"], dir.path());
    let all = text(&out);
    assert_eq!(out.status.code(), Some(0), "{all}");
    assert!(
        all.contains("warning: --jobs 20000 is more than this machine can use; using"),
        "{all}"
    );
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    assert!(dir.path().join("public/index.html").is_file());
    assert!(common::leftovers(dir.path()).is_empty());
}

/// Builds the example, then with `template` as the theme's note.html:
/// the second build must fail within seconds with `says`, naming the
/// template file, and leave the first build's output and the repository
/// exactly as they were, with no staging folder.
fn runaway_template(template: &str, says: &str) {
    let dir = example();
    let root = dir.path();
    run_ok(root, &["build", "--as-of", AS_OF]);
    edit(
        root,
        "rapporteur.yaml",
        "theme: default ",
        "theme: runaway ",
    );
    let note = root.join("themes/runaway/templates/note.html");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(&note, template).unwrap();
    let before = common::snapshot(root);
    let start = std::time::Instant::now();
    let out = common::rapporteur(&["build", "--as-of", AS_OF], root);
    let all = text(&out);
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
    assert!(!all.contains("panicked"), "{all}");
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(
        all.contains("error: themes/runaway/templates/note.html:"),
        "the template is not named:\n{all}"
    );
    assert!(all.contains(says), "{all}");
    common::assert_same_tree(&before, &common::snapshot(root), "runaway template");
    assert!(
        common::leftovers(root).is_empty(),
        "{:?}",
        common::leftovers(root)
    );
}

fn run_ok(root: &Path, args: &[&str]) {
    let out = common::rapporteur(args, root);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
}

#[test]
fn a_template_looping_1e15_times_stops_with_the_template_named() {
    runaway_template(
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}\
         {% for k in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}",
        "template over budget: a page took more than 5 s to render",
    );
}

#[test]
fn a_template_doubling_a_string_stops_with_the_template_named() {
    runaway_template(
        "{% set s = \"x\" %}{% for i in range(end=100) %}{% set_global s = s ~ s %}\
         {% endfor %}{{ s | length }}",
        "template over budget",
    );
}

#[test]
fn a_template_writing_more_than_64_mib_fails_with_the_template_named() {
    let body = "x".repeat(1000);
    runaway_template(
        &format!(
            "{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{body}\
             {{% endfor %}}{{% endfor %}}"
        ),
        "template over budget: a page is larger than 64 MiB",
    );
}

/// `rapporteur serve` on a free port, killed on drop.
struct Server {
    child: std::process::Child,
    port: u16,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path) -> Server {
        use std::io::{BufRead, Read};
        let mut child = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .args(["serve", "--port", "0", "--as-of", AS_OF])
            .current_dir(root)
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let sink = std::sync::Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let mut server = Server {
            child,
            port: 0,
            stderr,
        };
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_default();
        server.port = line
            .trim()
            .strip_prefix("serving http://127.0.0.1:")
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no URL printed: {line:?}\n{}", server.stderr()));
        server
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends `request` as it is; returns the status and the body.
    fn raw(&self, request: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (status, body.to_string())
    }

    fn get_with_host(&self, path: &str, host: &str) -> (u16, String) {
        self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ))
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.get_with_host(path, &format!("127.0.0.1:{}", self.port))
    }

    /// Whether the process still runs.
    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

#[test]
fn serve_answers_only_its_own_host() {
    let dir = example();
    let before = common::snapshot(dir.path());
    let server = Server::start(dir.path());
    let port = server.port;
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        let (status, body) = server.get_with_host("/", &host);
        assert_eq!(status, 200, "{host}: {body}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        let (status, body) = server.get_with_host("/", &host);
        assert_eq!(status, 421, "{host}: {body}");
        assert!(!body.contains("<html"), "{host} got the site: {body}");
        assert!(
            body.contains(&format!("http://127.0.0.1:{port}/")),
            "{body}"
        );
    }
    // No Host at all (HTTP/1.0) is refused too.
    let (status, _) = server.raw("GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status, 421);
    // Path traversal still finds nothing outside the site.
    let (status, body) = server.get("/..%2f..%2frapporteur.yaml");
    assert_eq!(status, 404, "{body}");
    let (status, _) = server.get("/%2e%2e/%2e%2e/etc/passwd");
    assert_eq!(status, 404);
    drop(server);
    common::assert_same_tree(&before, &common::snapshot(dir.path()), "serve");
}

#[test]
fn serve_refuses_connections_beyond_its_workers_and_keeps_answering() {
    let dir = example();
    let server = Server::start(dir.path());
    // Idle connections hold every worker and fill the queue: the next ones
    // are refused at once (503), no thread is started for them.
    let idle: Vec<std::net::TcpStream> = (0..120)
        .map(|_| std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let start = std::time::Instant::now();
    let (status, _) = server.get("/");
    // 503, or a reset when the request arrives after the refusal closed it.
    assert!(matches!(status, 503 | 0), "{status}: {}", server.stderr());
    assert!(
        start.elapsed().as_secs() < 5,
        "the refusal waited {:?} ({status})",
        start.elapsed()
    );
    drop(idle);
    // Once they are gone the server answers again.
    let start = std::time::Instant::now();
    loop {
        let (status, _) = server.get("/");
        if status == 200 {
            break;
        }
        assert!(
            start.elapsed().as_secs() < 20,
            "no answer after the idle connections closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// inotify watches the process holds (Linux shows them in fdinfo).
#[cfg(target_os = "linux")]
fn inotify_watches(pid: u32) -> usize {
    let mut count = 0;
    for fd in std::fs::read_dir(format!("/proc/{pid}/fdinfo"))
        .unwrap()
        .flatten()
    {
        if let Ok(text) = std::fs::read_to_string(fd.path()) {
            count += text
                .lines()
                .filter(|l| l.starts_with("inotify wd:"))
                .count();
        }
    }
    count
}

#[cfg(target_os = "linux")]
#[test]
fn serve_does_not_follow_links_out_of_the_repository() {
    let outside = tempfile::tempdir().unwrap();
    for i in 0..50 {
        std::fs::create_dir_all(outside.path().join(format!("d{i}/e"))).unwrap();
    }
    let dir = example();
    let content = dir.path().join("content");
    std::os::unix::fs::symlink("/usr", content.join("usr")).unwrap();
    std::os::unix::fs::symlink("/proc", content.join("proc")).unwrap();
    std::os::unix::fs::symlink(outside.path(), content.join("outside")).unwrap();
    // A theme not in use is not read by build, so not watched either.
    for i in 0..40 {
        std::fs::create_dir_all(dir.path().join(format!("themes/unused/templates/{i}"))).unwrap();
    }
    let before = common::snapshot(dir.path());
    let mut server = Server::start(dir.path());
    // The bad links are errors, as build reports them: on the terminal and
    // in the overlay of every page.
    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(page.contains("rapporteur-error"), "no overlay:\n{page}");
    assert!(page.contains("points outside the repository"), "{page}");
    let stderr = server.stderr();
    assert!(stderr.contains("content/usr"), "{stderr}");
    assert!(stderr.contains("content/proc"), "{stderr}");
    // Only the folders build reads are watched: a handful, not /usr.
    let watches = inotify_watches(server.child.id());
    assert!(watches < 30, "{watches} folders watched");
    // Still up, still answering.
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(server.alive(), "serve exited:\n{}", server.stderr());
    assert_eq!(server.get("/__rapporteur/version").0, 200);
    drop(server);
    common::assert_same_tree(&before, &common::snapshot(dir.path()), "serve");
}
