//! `rapporteur check` and the failure paths of `rapporteur build`, through the
//! real binary: one small repository per bad case in tests/fixtures/bad/,
//! each with its exit code, `file:line:col` and a fragment of the message;
//! the exact output of a few cases is pinned in tests/snapshots/.
//!
//! Rewrite the snapshots deliberately with `UPDATE_SNAPSHOTS=1 cargo test --test check`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{read_tree, repo_root};

const AS_OF: &str = "2026-11-23";

/// One bad repository and what `check` must say about it.
struct Case {
    name: &'static str,
    /// Extra arguments after `check --as-of …`.
    args: &'static [&'static str],
    code: i32,
    /// `file:line:col` of the diagnostic, as printed.
    at: &'static str,
    /// A fragment of its message (on the same line).
    says: &'static str,
}

const fn case(name: &'static str, at: &'static str, says: &'static str) -> Case {
    Case {
        name,
        args: &[],
        code: 1,
        at,
        says,
    }
}

const E: &str = "content/acme/engagement.yaml";

const CASES: &[Case] = &[
    case(
        "unknown-field",
        "content/acme/engagement.yaml:11:5",
        "unknown field `targt` in `kpis[0]`: did you mean `target`?",
    ),
    case(
        "wrong-type",
        "content/acme/engagement.yaml:11:13",
        "`kpis[0].target` must be a number, found the text \"high\"",
    ),
    case(
        "yaml-syntax",
        "content/acme/engagement.yaml:1:11",
        "YAML syntax error: mapping values are not allowed",
    ),
    case(
        "tab-indent",
        "content/acme/engagement.yaml:10:1",
        "not tabs",
    ),
    case(
        "duplicate-key",
        "content/acme/engagement.yaml:12:1",
        "`phase` is written twice (first on line 4)",
    ),
    case(
        "unknown-enum",
        "content/acme/engagement.yaml:4:8",
        "use one of prospecting, transition, steady, mature, renewal, exit (did you mean `mature`?)",
    ),
    case(
        "note-bad-kind",
        "content/acme/notes/2026-03-04-weekly.md:4:7",
        "use one of check-in, review, escalation, workshop, celebration, note",
    ),
    case(
        "bad-date",
        "content/acme/engagement.yaml:5:8",
        "`start`: `2024-02-30` is not a date: 2024-02 has no day 30; write it as YYYY-MM-DD",
    ),
    case(
        "risk-out-of-range",
        "content/acme/engagement.yaml:13:42",
        "likelihood is 7: use a whole number from 1 to 5",
    ),
    case(
        "survey-out-of-range",
        "content/acme/periods/2026-03.yaml:5:13",
        "survey score 6 is out of range",
    ),
    case(
        "negative-hours",
        "content/acme/periods/2026-03.yaml:3:10",
        "worked hours cannot be negative",
    ),
    case(
        "negative-capacity",
        "content/acme/engagement.yaml:6:13",
        "capacity must be more than 0",
    ),
    case(
        "period-mismatch",
        "content/acme/periods/2026-03.yaml:1:9",
        "`period: 2026-04` does not match the file name 2026-03.yaml",
    ),
    case(
        "undefined-kpi",
        "content/acme/periods/2026-03.yaml:2:9",
        "KPI `acuracy` is not defined in content/acme/engagement.yaml: did you mean `accuracy`?",
    ),
    case(
        "duplicate-id",
        "content/acme/engagement.yaml:12:5",
        "id `accuracy` is used twice in kpis",
    ),
    case(
        "duplicate-month",
        "content/acme/periods/2026-03.yaml:1:9",
        "month 2026-03 is given twice",
    ),
    case(
        "missing-field",
        "content/acme/engagement.yaml:1:1",
        "missing field `phase`",
    ),
    case(
        "missing-front-matter",
        "content/acme/notes/2026-03-04-weekly.md:1:1",
        "a note must start with front matter",
    ),
    case(
        "unclosed-front-matter",
        "content/acme/notes/2026-03-04-weekly.md:1:1",
        "the front matter is not closed",
    ),
    case(
        "broken-link",
        "content/acme/notes/2026-03-04-weekly.md:9:5",
        "broken link `2026-02-25-weekly.md`",
    ),
    case(
        "bad-folder-name",
        "content/Acme_Payroll:1:1",
        "`Acme_Payroll` is not a valid engagement id",
    ),
    case("reserved-name", "content/con:1:1", "reserved on Windows"),
    case(
        "bad-note-name",
        "content/acme/notes/Weekly Notes.md:1:1",
        "not a valid note file name",
    ),
    case(
        "bad-period-name",
        "content/acme/periods/march.yaml:1:1",
        "is not a period file name",
    ),
    case(
        "missing-record",
        "content/acme/engagement.yaml:1:1",
        "has no engagement.yaml",
    ),
    case(
        "note-outside-engagement",
        "content/notes/2026-03-04-weekly.md:1:1",
        "a note outside an engagement folder",
    ),
    case(
        "yaml-outside-engagement",
        "content/2026-03.yaml:1:1",
        "a YAML file outside an engagement folder",
    ),
    case(
        "note-outside-notes",
        "content/acme/2026-03-05-review.md:1:1",
        "a note outside notes/",
    ),
    case(
        "template-error",
        "themes/custom/templates/note.html:3:19",
        "template error",
    ),
    case(
        "template-render-error",
        "themes/custom/templates/note.html:3:8",
        "template error: Variable `nothing` is not defined",
    ),
    case(
        "template-missing-include",
        "themes/custom/templates/note.html:4:12",
        "template error: Unknown template `missing.html`",
    ),
    case("theme-escape", "rapporteur.yaml:1:1", "is not a theme name"),
    case(
        "config-unknown-key",
        "rapporteur.yaml:1:1",
        "unknown field `titel`: did you mean `title`?",
    ),
    case(
        "non-utf8",
        "content/acme/periods/2026-03.yaml:3:6",
        "not UTF-8 text (invalid byte 0xe9 at byte offset 46)",
    ),
    case(
        "too-large",
        "content/acme/notes/2026-03-04-weekly.md:1:1",
        "over the limit of 300 (limits.max_file_bytes",
    ),
    case(
        "alias-bomb",
        "content/acme/engagement.yaml:18:10",
        "alias bomb",
    ),
    case(
        "multi-error",
        "content/acme/periods/2026-03.yaml:2:19",
        "found the text \"99.6%\"",
    ),
    case(
        "sign-off-early",
        "content/acme/periods/2026-10.yaml:5:36",
        "the client's sign-off date 2026-10-15 is before 2026-10 ends (2026-10-31)",
    ),
    case(
        "sign-off-unknown-side",
        "content/acme/periods/2026-10.yaml:5:3",
        "unknown field `clinet` in `sign_off`: did you mean `client`? (allowed here: provider, client)",
    ),
    case(
        "sign-off-no-name",
        "content/acme/periods/2026-10.yaml:4:19",
        "the provider's sign-off names no one",
    ),
    case(
        "dispute-unknown-kpi",
        "content/acme/periods/2026-10.yaml:4:44",
        "disputed KPI `acuracy` is not defined in content/acme/engagement.yaml: did you mean `accuracy`?",
    ),
    case(
        "dispute-no-reason",
        "content/acme/periods/2026-10.yaml:4:5",
        "the client's dispute has no reason",
    ),
    case(
        "dispute-bad-side",
        "content/acme/periods/2026-10.yaml:4:11",
        "`by: vendor` is not an allowed value: use one of client, provider",
    ),
    Case {
        name: "no-content",
        args: &[],
        code: 0,
        at: "content:1:1",
        says: "there is no content/ folder",
    },
    Case {
        name: "no-kpis",
        args: &[],
        code: 0,
        at: "content/acme/engagement.yaml:1:1",
        says: "the engagement has no KPIs",
    },
    Case {
        name: "no-kpis",
        args: &["--strict"],
        code: 1,
        at: "content/acme/engagement.yaml:1:1",
        says: "the engagement has no KPIs",
    },
];

/// The cases pinned verbatim in tests/snapshots/<case>.txt.
const SNAPSHOTS: &[&str] = &[
    "unknown-field",
    "unknown-enum",
    "duplicate-key",
    "broken-link",
    "template-error",
    "non-utf8",
    "multi-error",
];

fn bad(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/bad").join(name)
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .output()
        .expect("run rapporteur")
}

fn check(name: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--as-of", AS_OF];
    args.extend_from_slice(extra);
    run(&bad(name), &args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn every_bad_case_is_reported_where_it_is() {
    let mut failures = Vec::new();
    for c in CASES {
        let out = check(c.name, c.args);
        let text = stdout(&out);
        let code = out.status.code().unwrap_or(-1);
        let headline = text.lines().find(|l| {
            (l.starts_with("error: ") || l.starts_with("warning: "))
                && l.contains(&format!(" {}: ", c.at))
        });
        let ok = code == c.code && headline.is_some_and(|l| l.contains(c.says));
        if !ok {
            failures.push(format!(
                "{} {:?}: exit {code} (want {}), want `{}` saying `{}`, got:\n{text}{}",
                c.name,
                c.args,
                c.code,
                c.at,
                c.says,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let last = text.lines().last().unwrap_or("");
        assert!(
            last.starts_with("checked "),
            "{}: summary last: {text}",
            c.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_has_a_case() {
    for entry in std::fs::read_dir(repo_root().join("tests/fixtures/bad")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            CASES.iter().any(|c| c.name == name),
            "tests/fixtures/bad/{name} has no case in tests/check.rs"
        );
    }
}

#[test]
fn all_problems_of_a_run_are_reported_in_order() {
    let text = stdout(&check("multi-error", &[]));
    let heads: Vec<&str> = text.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(heads.len(), 3, "{text}");
    assert!(heads[0].starts_with("error: content/acme/engagement.yaml:4:8: "));
    assert!(heads[1].starts_with("error: content/acme/notes/2026-03-04-weekly.md:3:7: "));
    assert!(heads[2].starts_with("error: content/acme/periods/2026-03.yaml:2:19: "));
    assert!(
        text.ends_with("checked 1 engagement, 1 period, 1 note: 3 errors\n"),
        "{text}"
    );
}

#[test]
fn human_output_is_pinned_for_a_few_cases() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for name in SNAPSHOTS {
        let text = stdout(&check(name, &[]));
        let file = repo_root()
            .join("tests/snapshots")
            .join(format!("{name}.txt"));
        if update {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&file).unwrap_or_else(|_| {
            panic!("{} is missing: run with UPDATE_SNAPSHOTS=1", file.display())
        });
        if text != want {
            failures.push(format!("--- {name}: want\n{want}--- got\n{text}"));
        }
    }
    assert!(
        failures.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 rewrites them):\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_example_checks_clean_with_one_summary_line() {
    let out = run(&repo_root(), &["check", "--as-of", AS_OF]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("checked "), "{text}");
    assert!(text.ends_with(" notes: no problems\n"), "{text}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn json_format_is_one_object_per_line() {
    let out = check("multi-error", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert_eq!(rows[0]["severity"], "error");
    assert_eq!(rows[0]["file"], E);
    assert_eq!(rows[0]["line"], 4);
    assert_eq!(rows[0]["column"], 8);
    assert_eq!(rows[0]["source_line"], "phase: matured");
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 errors"));
}

#[test]
fn github_format_annotates_files() {
    let out = check("multi-error", &["--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "::error file=content/acme/engagement.yaml,line=4,col=8,title=rapporteur::`phase: matured` is not an allowed value"
        ),
        "{text}"
    );
    let out = check("no-kpis", &["--format", "github"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("::warning file=content/acme/engagement.yaml,line=1,col=1,"));
}

#[test]
fn usage_and_io_errors_exit_2() {
    let root = repo_root();
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--as-of", "2026-02-30"],
        &["check", "--root", "/no/such/folder"],
        &["check", "--as-of", AS_OF, "--client", "Nobody Ltd"],
    ] {
        let out = run(&root, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Copies a fixture into a temporary folder, so a build can write beside it.
fn copy_of(fixture: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in read_tree(fixture) {
        let to = dir.path().join("repo").join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }
    dir
}

#[test]
fn build_runs_the_same_checks_and_writes_nothing_on_errors() {
    for name in ["multi-error", "template-error", "broken-link", "alias-bomb"] {
        let dir = copy_of(&bad(name));
        let repo = dir.path().join("repo");
        let out = run(&repo, &["build", "--as-of", AS_OF]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        let checked = stdout(&check(name, &[]));
        for line in checked.lines().filter(|l| l.starts_with("error: ")) {
            assert!(
                err.contains(line),
                "{name}: build does not report {line}:\n{err}"
            );
        }
        assert!(!repo.join("public").exists(), "{name}: build wrote output");
        let names: Vec<_> = std::fs::read_dir(&repo)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.to_string_lossy().starts_with(".public")),
            "{name}: staging left behind: {names:?}"
        );
    }
    // Warnings pass a build, and fail it with --strict.
    let dir = copy_of(&bad("no-kpis"));
    let repo = dir.path().join("repo");
    assert_eq!(
        run(&repo, &["build", "--as-of", AS_OF, "--strict"])
            .status
            .code(),
        Some(1)
    );
    assert!(!repo.join("public").exists());
    assert_eq!(
        run(&repo, &["build", "--as-of", AS_OF]).status.code(),
        Some(0)
    );
    assert!(repo.join("public/index.html").is_file());
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let dir = copy_of(&bad("multi-error"));
    let repo = dir.path().join("repo");
    let out_dir = dir.path().join("site");
    let out_arg = out_dir.to_str().unwrap();
    // A good build first: tests/fixtures/design-example.
    let good = repo_root().join("tests/fixtures/design-example");
    let first = run(&good, &["build", "--as-of", AS_OF, "--out", out_arg]);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = read_tree(&out_dir);
    assert!(before.contains_key("index.html"));
    // Then a broken repository into the same folder: refused, nothing touched.
    let second = run(&repo, &["build", "--as-of", AS_OF, "--out", out_arg]);
    assert_eq!(second.status.code(), Some(1));
    assert_eq!(read_tree(&out_dir), before, "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut leftovers = leftovers;
    leftovers.sort();
    assert_eq!(leftovers, ["repo", "site"], "no staging folder is left");
}

#[test]
fn output_folders_that_hold_the_sources_are_refused() {
    let dir = copy_of(&repo_root().join("tests/fixtures/design-example"));
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("themes/mine")).unwrap();
    let before = read_tree(dir.path());
    for out in [
        ".",
        "..",
        "content",
        "content/acme-payroll/site",
        "themes",
        "themes/mine/out",
        "public/..",
    ] {
        let o = run(&repo, &["build", "--as-of", AS_OF, "--out", out]);
        assert_eq!(o.status.code(), Some(2), "--out {out}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("refusing to build into"), "--out {out}: {err}");
    }
    assert_eq!(
        read_tree(dir.path()),
        before,
        "a refused build wrote something"
    );
}

#[test]
fn byte_order_marks_and_crlf_line_ends_are_fine() {
    let dir = copy_of(&repo_root().join("tests/fixtures/design-example"));
    let repo = dir.path().join("repo");
    for (rel, _) in read_tree(&repo.join("content")) {
        let path = repo.join("content").join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    }
    let out = run(&repo, &["check", "--as-of", AS_OF]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::symlink;
    use std::time::{Duration, Instant};

    fn good_repo() -> tempfile::TempDir {
        copy_of(&repo_root().join("tests/fixtures/design-example"))
    }

    #[test]
    fn symlinks_outside_the_repository_are_not_followed_and_loops_do_not_hang() {
        let dir = good_repo();
        let repo = dir.path().join("repo");
        let secret = dir.path().join("secret.md");
        std::fs::write(
            &secret,
            "---\ntitle: SECRET\ndate: 2026-03-01\n---\nSECRET BODY\n",
        )
        .unwrap();
        let notes = repo.join("content/acme-payroll/notes");
        symlink(&secret, notes.join("2026-03-01-leak.md")).unwrap();
        symlink("2026-03-02-loop.md", notes.join("2026-03-02-loop.md")).unwrap();
        symlink("..", notes.join("up")).unwrap();
        symlink(dir.path(), repo.join("content/outside")).unwrap();
        symlink("/etc", repo.join("content/acme-payroll/periods/etc")).unwrap();
        // A link that stays inside the repository is followed.
        symlink("2026-03-04-weekly.md", notes.join("2026-03-05-same.md")).unwrap();

        let start = Instant::now();
        let out = run(&repo, &["check", "--as-of", AS_OF]);
        assert!(start.elapsed() < Duration::from_secs(20));
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(text.contains("error: content/acme-payroll/notes/2026-03-01-leak.md:1:1: this symbolic link points outside the repository"), "{text}");
        assert!(text.contains("error: content/acme-payroll/notes/2026-03-02-loop.md:1:1: this symbolic link cannot be followed"), "{text}");
        assert!(
            text.contains("error: content/outside:1:1: this symbolic link points outside"),
            "{text}"
        );
        assert!(
            text.contains(
                "error: content/acme-payroll/periods/etc:1:1: this symbolic link points outside"
            ),
            "{text}"
        );
        assert!(!text.contains("SECRET"), "{text}");
        assert!(
            text.contains("2 notes"),
            "the in-repository link is read: {text}"
        );

        let site = dir.path().join("site");
        let b = run(
            &repo,
            &["build", "--as-of", AS_OF, "--out", site.to_str().unwrap()],
        );
        assert_eq!(b.status.code(), Some(1));
        assert!(!site.exists());
    }

    #[test]
    fn a_named_pipe_is_refused_instead_of_blocking() {
        let dir = good_repo();
        let repo = dir.path().join("repo");
        let fifo = repo.join("content/acme-payroll/notes/2026-03-09-pipe.md");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo not available: skipped");
            return;
        }
        let start = Instant::now();
        let out = run(&repo, &["check", "--as-of", AS_OF]);
        assert!(start.elapsed() < Duration::from_secs(20));
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout(&out).contains("2026-03-09-pipe.md:1:1: not a regular file"));
    }

    #[test]
    fn hostile_names_never_write_outside_the_output() {
        let dir = good_repo();
        let repo = dir.path().join("repo");
        let record = std::fs::read(repo.join("content/acme-payroll/engagement.yaml")).unwrap();
        let note = "---\ntitle: \"../../../escape\\0\"\ndate: 2026-03-05\n---\n[x](../../../../../etc/passwd)\n";
        for name in ["a\\b", "..x", "con", "LPT1", "x:y", " lead", "ünï"] {
            let d = repo.join("content").join(name);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join("engagement.yaml"), &record).unwrap();
        }
        let notes = repo.join("content/acme-payroll/notes");
        for name in ["a\\b.md", "nul.md", "..md", "x:y.md", "com1.md"] {
            std::fs::write(notes.join(name), note).unwrap();
        }
        let site = dir.path().join("site");
        let out = run(
            &repo,
            &["build", "--as-of", AS_OF, "--out", site.to_str().unwrap()],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        // Hidden entries (`..x`, `..md`) are skipped like `.git`; the others are refused.
        for name in [
            "content/a\\b:",
            "content/con:",
            "content/LPT1:",
            "content/x:y:",
            "content/ lead:",
            "notes/nul.md:",
            "notes/x:y.md:",
            "notes/com1.md:",
        ] {
            assert!(err.contains(name), "no diagnostic for {name}: {err}");
        }
        assert!(!site.exists());
        let mut top: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        top.sort();
        assert_eq!(top, ["repo"]);
        // With the hostile names gone, the hostile title and link are only text.
        for name in ["a\\b", "..x", "con", "LPT1", "x:y", " lead", "ünï"] {
            std::fs::remove_dir_all(repo.join("content").join(name)).unwrap();
        }
        for name in ["a\\b.md", "nul.md", "..md", "x:y.md", "com1.md"] {
            std::fs::remove_file(notes.join(name)).unwrap();
        }
        std::fs::write(
            notes.join("2026-03-05-hostile.md"),
            note.replace("[x](../../../../../etc/passwd)", "text"),
        )
        .unwrap();
        let out = run(
            &repo,
            &["build", "--as-of", AS_OF, "--out", site.to_str().unwrap()],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut top: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        top.sort();
        assert_eq!(top, ["repo", "site"]);
        assert!(
            read_tree(&site).contains_key("engagements/acme-payroll/notes/2026-03-05-hostile.html")
        );
    }
}
