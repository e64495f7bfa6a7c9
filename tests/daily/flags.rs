//! The flags shared by every command that reads content (--root, --as-of,
//! --audience, --client, --provider) behave the same on each, and the
//! build's --quiet, --verbose and summary line.

use std::process::Command;

use super::{common, ok, stderr};

const RECORD: &str = "name: Acme Payroll\nclient: { name: Acme }\nprovider: { name: BPSource }\n\
                      phase: steady\nkpis: [{ id: acc, name: Accuracy, target: 99 }]\n";

/// A git repository with one commit, so `diff --base HEAD` can run too.
fn repo() -> tempfile::TempDir {
    let dir = common::repo(&[("content/acme/engagement.yaml", RECORD)]);
    for args in [
        &["init", "-q"][..],
        &["add", "."],
        &[
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.invalid",
            "commit",
            "-q",
            "-m",
            "x",
        ],
    ] {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    dir
}

/// Each content-reading command, with arguments of its own that let it finish.
const COMMANDS: [&[&str]; 4] = [
    &["build", "--out", "OUT"],
    &["export"],
    &["diff", "--base", "HEAD"],
    &["serve", "--port", "0"],
];

fn run(cmd: &[&str], flags: &[&str], cwd: &std::path::Path, out: &str) -> std::process::Output {
    let mut args: Vec<&str> = cmd
        .iter()
        .map(|a| if *a == "OUT" { out } else { a })
        .collect();
    args.extend(flags);
    common::rapporteur(&args, cwd)
}

#[test]
fn shared_flags_fail_the_same_way_on_every_command() {
    let repo = repo();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("site");
    let out = out.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--as-of", "2026-02-30"],
            "--as-of `2026-02-30` is not a date",
        ),
        (
            &["--client", "Nobody"],
            "no engagement has the client `Nobody`; the clients are: Acme",
        ),
        (
            &["--provider", "Nobody"],
            "no engagement has the provider `Nobody`",
        ),
        (
            &["--audience", "everyone"],
            "invalid value 'everyone' for '--audience",
        ),
    ];
    for cmd in COMMANDS {
        for (flags, says) in cases {
            let result = run(cmd, flags, repo.path(), out);
            assert_eq!(
                result.status.code(),
                Some(2),
                "{cmd:?} {flags:?}: {}",
                stderr(&result)
            );
            assert!(
                stderr(&result).contains(says),
                "{cmd:?} {flags:?}: {}",
                stderr(&result)
            );
        }
    }
}

#[test]
fn root_and_scope_flags_are_accepted_by_every_command() {
    let repo = repo();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("site");
    let root = repo.path().to_str().unwrap();
    let flags = [
        "--root",
        root,
        "--as-of",
        "2026-04-15",
        "--audience",
        "shared",
        "--client",
        "acme",
        "--provider",
        "bpsource",
    ];
    for cmd in &COMMANDS[..3] {
        let result = run(cmd, &flags, elsewhere.path(), out.to_str().unwrap());
        super::assert_success(&result, cmd);
    }
    let json = ok(
        &[
            "export",
            "--root",
            root,
            "--audience",
            "shared",
            "--as-of",
            "2026-04-15",
        ],
        elsewhere.path(),
    );
    assert!(json.contains("\"audience\": \"shared\""));
}

#[test]
fn build_is_quiet_or_verbose_on_request_and_ends_with_one_summary_line() {
    let repo = repo();
    let args = ["build", "--as-of", "2026-04-15"];
    let normal = common::rapporteur(&args, repo.path());
    let text = stderr(&normal);
    assert_eq!(text.lines().count(), 1, "{text}");
    // index, actions, risks, search, the engagement's report, the
    // portfolio's digest and the engagement's.
    assert!(text.starts_with("built 7 pages, "), "{text}");
    assert!(
        text.contains(" charts (") && text.contains(" in "),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no progress drawing when stderr is not a terminal"
    );

    let quiet = common::rapporteur(&["--quiet", "build", "--as-of", "2026-04-15"], repo.path());
    super::assert_success(&quiet, &["--quiet"]);
    assert_eq!(stderr(&quiet), "");

    let verbose = common::rapporteur(&["build", "-v", "--as-of", "2026-04-15"], repo.path());
    let text = stderr(&verbose);
    for stage in ["load", "validate", "analyse", "render+write", "swap"] {
        assert!(text.contains(&format!("{stage:>12}: ")), "{text}");
    }
    assert!(text.lines().last().unwrap().starts_with("built "), "{text}");
}
