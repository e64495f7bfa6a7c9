//! The daily loop through the real binary on real files: init, new, schema,
//! export, diff (on a real git repository), serve (on a real port), and the
//! flags every content-reading command shares.

#[path = "../common/mod.rs"]
mod common;

mod diff;
mod export;
mod flags;
mod init;
mod new;
mod schema;
mod serve;

use std::path::Path;
use std::process::Output;

/// Runs the binary and insists on exit code 0; returns standard output.
pub fn ok(args: &[&str], cwd: &Path) -> String {
    let out = common::rapporteur(args, cwd);
    assert_success(&out, args);
    String::from_utf8(out.stdout).unwrap()
}

pub fn assert_success(out: &Output, args: &[&str]) {
    assert!(
        out.status.success(),
        "rapporteur {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `rapporteur init` into a fresh temporary folder, for a fixed date.
pub fn scaffold() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(
        &["init", "repo", "--as-of", common::EXAMPLE_AS_OF, "--quiet"],
        dir.path(),
    );
    dir
}
