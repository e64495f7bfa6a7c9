//! Output ownership (docs/commands.md, "build"): a build replaces only a
//! folder it made, never the user's project, home, files or folders; what it
//! keeps beside the output while it runs never outlives it; builds into one
//! output take turns; a mount point works as an output.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{
    assert_same_tree, copy_tree, fake_project, leftovers, rapporteur, repo_root, snapshot,
};

const AS_OF: &str = "2026-11-23";
const MARKER: &str = ".rapporteur-output";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder holding `repo/`, a small valid report repository.
fn report_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo_root().join("tests/fixtures/design-example"),
        &dir.path().join("repo"),
    );
    dir
}

fn build(repo: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--as-of", AS_OF];
    args.extend_from_slice(extra);
    rapporteur(&args, repo)
}

/// Asserts a refusal: exit 2, the message names `what` and says what to do.
fn assert_refused(o: &Output, what: &str, why: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("refusing to build into"), "{err}");
    assert!(err.contains(what), "names {what}: {err}");
    assert!(err.contains(why), "says {why}: {err}");
    assert!(err.contains("choose another --out"), "{err}");
}

fn no_leftovers(dir: &Path) {
    assert_eq!(
        leftovers(dir),
        Vec::<String>::new(),
        "staging or retired folders remain"
    );
    let locks: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".lock"))
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(locks.is_empty(), "lock files remain: {locks:?}");
}

#[test]
fn out_dot_from_inside_a_project_is_refused() {
    let reports = report_repo();
    let project = fake_project();
    let before = snapshot(project.path());
    let before_reports = snapshot(reports.path());
    let root = reports.path().join("repo");
    let o = build(
        project.path(),
        &["--root", root.to_str().unwrap(), "--out", "."],
    );
    let named = std::fs::canonicalize(project.path()).unwrap();
    assert_refused(&o, &named.display().to_string(), "it is the current folder");
    assert_same_tree(&before, &snapshot(project.path()), "the project");
    assert_same_tree(&before_reports, &snapshot(reports.path()), "the reports");
    no_leftovers(project.path());
}

#[test]
fn a_git_repository_is_refused_even_with_force() {
    let dir = report_repo();
    let project = fake_project();
    let before = snapshot(project.path());
    let out = project.path().to_str().unwrap();
    let o = build(&dir.path().join("repo"), &["--out", out, "--force"]);
    let named = std::fs::canonicalize(project.path()).unwrap();
    assert_refused(
        &o,
        &named.display().to_string(),
        "it holds .git, so it is a git repository",
    );
    assert_same_tree(&before, &snapshot(project.path()), "the project");
    no_leftovers(project.path());
}

#[test]
fn the_home_folder_is_refused() {
    let dir = report_repo();
    let home = fake_project();
    std::fs::remove_dir_all(home.path().join(".git")).unwrap();
    let before = snapshot(home.path());
    let o = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(["build", "--as-of", AS_OF, "--force", "--out"])
        .arg(home.path())
        .current_dir(dir.path().join("repo"))
        .env("HOME", home.path())
        .env("USERPROFILE", home.path())
        .output()
        .unwrap();
    let named = std::fs::canonicalize(home.path()).unwrap();
    assert_refused(&o, &named.display().to_string(), "it is your home folder");
    assert_same_tree(&before, &snapshot(home.path()), "the home folder");
    no_leftovers(home.path());
}

#[test]
fn build_in_a_folder_that_is_not_a_report_repository_is_refused() {
    // Another web project: its own public/, no content/, no rapporteur.yaml.
    let project = fake_project();
    let before = snapshot(project.path());
    let o = rapporteur(&["build", "--as-of", AS_OF], project.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("is not a report repository"), "{err}");
    assert!(err.contains("rapporteur init"), "says what to do: {err}");
    assert_same_tree(&before, &snapshot(project.path()), "the project");
    no_leftovers(project.path());
}

#[test]
fn a_folder_rapporteur_did_not_make_is_refused_without_force() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    for (path, text) in [
        ("thesis/chapter-1.tex", "\\chapter{One}\n"),
        (".github/workflows/ci.yml", "on: push\n"),
        ("schemas/engagement.json", "{}\n"),
    ] {
        let p = repo.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let before = snapshot(dir.path());
    for out in ["thesis", ".github", "schemas"] {
        let o = build(&repo, &["--out", out]);
        assert_refused(&o, out, "rapporteur did not make it");
        assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
        assert!(stderr(&o).contains(MARKER), "{}", stderr(&o));
    }
    assert_same_tree(&before, &snapshot(dir.path()), "the repository");
    no_leftovers(dir.path());
}

#[test]
fn a_file_as_out_is_refused_and_left_where_it_was() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    std::fs::write(repo.join("notes.txt"), "my notes\n").unwrap();
    let before = snapshot(dir.path());
    for out in ["notes.txt", "rapporteur.yaml"] {
        for force in [false, true] {
            let mut args = vec!["--out", out];
            if force {
                args.push("--force");
            }
            let o = build(&repo, &args);
            assert_refused(&o, out, "it is a file, not a folder");
        }
    }
    assert_same_tree(&before, &snapshot(dir.path()), "the repository");
    no_leftovers(dir.path());
}

#[test]
fn force_replaces_a_folder_rapporteur_did_not_make() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("thesis")).unwrap();
    std::fs::write(repo.join("thesis/chapter-1.tex"), "x").unwrap();
    let mut before = snapshot(dir.path());
    let o = build(&repo, &["--out", "thesis", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(repo.join("thesis/index.html").is_file());
    assert!(repo.join("thesis").join(MARKER).is_file());
    assert!(!repo.join("thesis/chapter-1.tex").exists());
    let mut after = snapshot(dir.path());
    before.retain(|k, _| !k.starts_with("repo/thesis"));
    after.retain(|k, _| !k.starts_with("repo/thesis"));
    assert_same_tree(&before, &after, "the repository outside the output");
    no_leftovers(dir.path());
}

#[test]
fn a_marked_folder_is_replaced_without_force_and_byte_for_byte() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    let first = build(&repo, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let built = common::read_tree(&repo.join("public"));
    assert!(built.contains_key(MARKER), "{:?}", built.keys());
    std::fs::write(repo.join("public/stale.html"), "from an older build").unwrap();
    let second = build(&repo, &[]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(
        common::read_tree(&repo.join("public")),
        built,
        "same input, same bytes"
    );
    no_leftovers(dir.path());
}

#[test]
fn a_leftover_of_a_killed_build_is_removed_by_the_next_build() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    let killed = [".public.new-99999999", ".public.old-99999998"];
    for name in killed {
        std::fs::create_dir_all(repo.join(name).join("engagements")).unwrap();
        std::fs::write(repo.join(name).join(MARKER), "x").unwrap();
        std::fs::write(repo.join(name).join("engagements/a.html"), "partial").unwrap();
    }
    // Not ours: same kind of name, but no marker. Never touched.
    let mine = repo.join(".public.new-12345/draft.md");
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "mine").unwrap();
    let o = build(&repo, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for name in killed {
        assert!(!repo.join(name).exists(), "{name} remains");
    }
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine");
    assert_eq!(leftovers(dir.path()), [".public.new-12345"]);
}

#[test]
fn init_ignores_the_output_and_what_a_build_keeps_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = rapporteur(&["init", "reports"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let repo = dir.path().join("reports");
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(&repo)
            .output()
            .unwrap()
    };
    assert!(git(&["init", "-q"]).status.success());
    for path in [
        "public/index.html",
        ".public.new-123/index.html",
        ".public.old-123/a.html",
        ".public.lock",
    ] {
        let ignored = git(&["check-ignore", "-q", "--no-index", path]);
        assert_eq!(ignored.status.code(), Some(0), "{path} is not ignored");
    }
    let ignored = git(&["check-ignore", "-q", "--no-index", "content/x.yaml"]);
    assert_eq!(ignored.status.code(), Some(1), "content is ignored");
}

/// A repository big enough that a debug build renders for a while: many
/// engagements, each with many notes.
fn big_repo(engagements: usize, notes: usize) -> tempfile::TempDir {
    let dir = report_repo();
    let content = dir.path().join("repo/content");
    let source = content.join("acme-payroll");
    let note = std::fs::read_to_string(source.join("notes/2026-03-04-weekly.md")).unwrap();
    for e in 0..engagements {
        let target = content.join(format!("acme-payroll-{e}"));
        copy_tree(&source, &target);
        for n in 0..notes {
            let day = 1 + n % 28;
            let month = 1 + (n / 28) % 9;
            let text = note.replace("2026-03-04", &format!("2026-{month:02}-{day:02}"));
            let file = format!("notes/2026-{month:02}-{day:02}-note-{n}.md");
            std::fs::write(target.join(file), text).unwrap();
        }
    }
    dir
}

/// The staging folder of a running build of `repo`, once it appears.
fn wait_for_staging(parent: &Path, child: &mut std::process::Child) -> Option<PathBuf> {
    let deadline = Instant::now() + Duration::from_secs(120);
    let prefix = ".public.new-";
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return None;
        }
        let found = std::fs::read_dir(parent)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix));
        if let Some(found) = found {
            return Some(found);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    None
}

#[cfg(unix)]
#[test]
fn a_signal_during_a_build_removes_the_staging_folder_and_keeps_the_output() {
    let dir = big_repo(30, 40);
    let repo = dir.path().join("repo");
    let first = build(&repo, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    for signal in ["TERM", "INT"] {
        let before = snapshot(&repo.join("public"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .args(["build", "--as-of", "2026-11-24"])
            .current_dir(&repo)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let staging = wait_for_staging(&repo, &mut child);
        assert!(
            staging.is_some(),
            "the build ended before its staging folder was seen"
        );
        // Let it write a part of the site first.
        std::thread::sleep(Duration::from_millis(50));
        let pid = child.id().to_string();
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(130), "SIG{signal}: {}", stderr(&o));
        assert_same_tree(
            &before,
            &snapshot(&repo.join("public")),
            "the previous output",
        );
        no_leftovers(dir.path());
    }
}

#[test]
fn concurrent_builds_into_one_output_take_turns() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    let out = dir.path().join("site");
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_rapporteur"))
                .args(["build", "--as-of", AS_OF, "--out"])
                .arg(&out)
                .current_dir(&repo)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let alone = dir.path().join("alone");
    let o = build(&repo, &["--out", alone.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        common::read_tree(&out),
        common::read_tree(&alone),
        "a whole site"
    );
    assert!(out.join(MARKER).is_file());
    no_leftovers(dir.path());
}

/// Runs `chattr` on `path`; false where it cannot (not root, or a file
/// system without the immutable flag).
#[cfg(target_os = "linux")]
fn chattr(flag: &str, path: &Path) -> bool {
    Command::new("chattr")
        .arg(flag)
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(target_os = "linux")]
#[test]
fn an_old_output_that_cannot_be_removed_is_a_warning_and_removed_later() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    assert_eq!(build(&repo, &[]).status.code(), Some(0));
    // An immutable file in the output: not even root may delete it.
    let stuck = repo.join("public/engagements/stuck.txt");
    std::fs::write(&stuck, "x").unwrap();
    if !chattr("+i", &stuck) {
        eprintln!("skipped: chattr +i does not work here (needs root and ext4 or the like)");
        return;
    }
    struct Unfreeze(PathBuf);
    impl Drop for Unfreeze {
        fn drop(&mut self) {
            for e in walkdir::WalkDir::new(&self.0)
                .into_iter()
                .filter_map(|e| e.ok())
            {
                if e.file_name() == "stuck.txt" {
                    chattr("-i", e.path());
                }
            }
        }
    }
    let _unfreeze = Unfreeze(dir.path().to_path_buf());
    let before_repo = snapshot(&repo.join("content"));
    for round in 0..2 {
        let o = build(&repo, &[]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "round {round}: {err}");
        assert!(
            err.contains("warning: could not remove"),
            "round {round}: {err}"
        );
        assert!(err.contains(".public.old-"), "names the folder: {err}");
        assert!(!repo.join("public/engagements/stuck.txt").exists());
        // One folder is left, whatever the number of builds.
        assert_eq!(
            leftovers(dir.path()).len(),
            1,
            "round {round}: {:?}",
            leftovers(dir.path())
        );
    }
    for e in walkdir::WalkDir::new(dir.path())
        .into_iter()
        .filter_map(|e| e.ok())
    {
        if e.file_name() == "stuck.txt" {
            chattr("-i", e.path());
        }
    }
    let o = build(&repo, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    assert_same_tree(
        &before_repo,
        &snapshot(&repo.join("content")),
        "the content",
    );
    no_leftovers(dir.path());
}

/// A folder mounted for the length of a test, unmounted even if it fails.
#[cfg(target_os = "linux")]
struct Mounted(PathBuf);

#[cfg(target_os = "linux")]
impl Mounted {
    /// `mount ARGS.. target`; None where mounting is not allowed (not root).
    fn new(args: &[&str], target: &Path) -> Option<Mounted> {
        std::fs::create_dir_all(target).unwrap();
        let ok = Command::new("mount")
            .args(args)
            .arg(target)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| Mounted(target.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Builds twice into the mount point `out` and checks the site is there,
/// whole, with nothing left inside or beside it.
#[cfg(target_os = "linux")]
fn builds_into_mount_point(dir: &Path, out: &Path) {
    let repo = dir.join("repo");
    let alone = dir.join("alone");
    let o = build(&repo, &["--out", alone.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for round in 0..2 {
        let o = build(&repo, &["--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "round {round}: {}", stderr(&o));
        assert_eq!(
            common::read_tree(out),
            common::read_tree(&alone),
            "round {round}"
        );
        no_leftovers(dir);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_as_output_is_filled_in_place() {
    let dir = report_repo();
    let out = dir.path().join("volume");
    let Some(_mounted) = Mounted::new(&["-t", "tmpfs", "none"], &out) else {
        eprintln!("skipped: mounting needs root");
        return;
    };
    builds_into_mount_point(dir.path(), &out);
}

#[cfg(target_os = "linux")]
#[test]
fn a_bind_mount_on_the_same_file_system_as_output_is_filled_in_place() {
    // Same device number as its parent: found only when the rename fails.
    let dir = report_repo();
    let source = dir.path().join("bound");
    std::fs::create_dir_all(&source).unwrap();
    let out = dir.path().join("volume");
    let Some(_mounted) = Mounted::new(&["--bind", source.to_str().unwrap()], &out) else {
        eprintln!("skipped: mounting needs root");
        return;
    };
    builds_into_mount_point(dir.path(), &out);
}

/// A build started as a background job of a script (which ignores Ctrl-C),
/// or under `nohup`, runs: the handler is not forced over its parent's
/// choice, and the build succeeds.
#[test]
fn a_build_started_with_signals_ignored_runs() {
    let dir = report_repo();
    let repo = dir.path().join("repo");
    let bin = env!("CARGO_BIN_EXE_rapporteur");
    let script = format!(
        "trap '' INT HUP; '{bin}' build --as-of 2026-03-31 --quiet & wait $!; echo \"exit $?\""
    );
    let o = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(&repo)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("exit 0"), "{out}\n{}", stderr(&o));
    assert!(repo.join("public/index.html").is_file());
    no_leftovers(dir.path());
}
