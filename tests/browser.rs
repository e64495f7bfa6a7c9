//! Browser tests: the example site, built once, opened from `file://` in
//! headless Chromium by `tests/browser/run.js` (playwright-core, axe-core and
//! the Nu Html Checker, installed by `.ci/run` with `npm ci`); and built with
//! `--base-url /reports/`, served on 127.0.0.1 under that sub-path.
//!
//! Without Chromium, Node, Java or the npm packages this test passes and
//! says loudly that it skipped; with `CI=true` a skip is a failure.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RAPPORTEUR_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["chromium", "chromium-browser"]
        .iter()
        .find_map(|p| on_path(p))
}

/// What is missing to run the browser tests, if anything.
fn missing(dir: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if chromium().is_none() {
        missing.push("Chromium (apt-get install chromium)".to_string());
    }
    for program in ["node", "java"] {
        if on_path(program).is_none() {
            missing.push(format!("`{program}` on PATH"));
        }
    }
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        if !dir.join("node_modules").join(package).is_dir() {
            missing.push(format!(
                "the npm package {package} (npm ci --prefix tests/browser)"
            ));
        }
    }
    missing
}

#[test]
fn the_example_site_works_in_a_real_browser() {
    let dir = repo_root().join("tests/browser");
    let missing = missing(&dir);
    if !missing.is_empty() {
        let message = format!(
            "BROWSER TESTS SKIPPED: missing {}. Run .ci/run (it installs them) to run them.",
            missing.join(", ")
        );
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{message} Under CI=true a skip is a failure.");
        }
        // Straight to the terminal: the test harness captures eprintln! of a passing test.
        let bar = "!".repeat(78);
        let _ = writeln!(std::io::stderr(), "\n{bar}\n{message}\n{bar}\n");
        return;
    }
    let built = example();
    // The same site under a sub-path, served over HTTP by the script.
    let sub = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.base_url = Some("/reports/".into());
    });
    let output = Command::new("node")
        .arg(dir.join("run.js"))
        .arg("--site")
        .arg(built.out())
        .arg("--served")
        .arg(sub.out())
        .args(["--base", "/reports/"])
        .args(["--word", "paper-timesheet"])
        .args([
            "--expect",
            "engagements/calloway-payroll/notes/2026-09-01-check-in.html",
        ])
        .env("RAPPORTEUR_CHROMIUM", chromium().expect("checked above"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        output.status.success(),
        "browser tests failed:\n{stdout}\n{stderr}"
    );
}
