//! Errors where they belong (issue 12): control characters, UTF-16 files,
//! `limits.max_file_bytes`, a `rapporteur.yaml` that is not a file, theme
//! file names the output cannot hold, template cycles and theme files that
//! are silently ignored or replace a page. Each case runs the real binary
//! on a copy of tests/fixtures/design-example: `check` must name the file
//! and its position, and `build` must refuse before writing anything (the
//! whole temporary root is hashed before and after, and no staging folder
//! may remain).

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

const AS_OF: &str = "2026-11-23";
const RECORD: &str = "content/acme-payroll/engagement.yaml";
const PERIOD: &str = "content/acme-payroll/periods/2026-03.yaml";
const NOTE: &str = "content/acme-payroll/notes/2026-03-04-weekly.md";

/// A temporary folder holding `repo/`, a copy of tests/fixtures/design-example.
fn example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    common::copy_tree(
        &common::repo_root().join("tests/fixtures/design-example"),
        &repo,
    );
    (dir, repo)
}

/// The example with `theme: mine` and an empty themes/mine/.
fn themed() -> (tempfile::TempDir, PathBuf) {
    let (dir, repo) = example();
    let config = repo.join("rapporteur.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("theme: default", "theme: mine")).unwrap();
    std::fs::create_dir_all(repo.join("themes/mine/templates")).unwrap();
    std::fs::create_dir_all(repo.join("themes/mine/static")).unwrap();
    (dir, repo)
}

fn write(repo: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = repo.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Replaces the first `from` of a file's text by `to`.
fn edit(repo: &Path, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(repo.join(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    write(repo, rel, text.replacen(from, to, 1));
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn check(repo: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--as-of", AS_OF];
    args.extend_from_slice(extra);
    common::rapporteur(&args, repo)
}

/// The headline `severity: at: ...` of `output`, asserting there is one
/// that contains `says`.
fn headline<'a>(output: &'a str, severity: &str, at: &str, says: &str) -> &'a str {
    output
        .lines()
        .find(|l| l.starts_with(&format!("{severity}: {at}: ")) && l.contains(says))
        .unwrap_or_else(|| panic!("no `{severity}: {at}: …{says}…` in:\n{output}"))
}

/// `check` fails with the error at `at` saying `says`; `build` fails with
/// the same error, and leaves the whole folder as it was, with no staging
/// folder anywhere. Returns check's output.
fn refused(dir: &Path, repo: &Path, at: &str, says: &str) -> String {
    let out = check(repo, &[]);
    let shown = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "check: {shown}");
    let line = headline(&shown, "error", at, says).to_string();
    let before = common::snapshot(dir);
    let build = common::rapporteur(&["build", "--as-of", AS_OF], repo);
    let err = text(&build.stderr);
    assert_eq!(build.status.code(), Some(1), "build: {err}");
    assert!(err.contains(&line), "build does not report {line}:\n{err}");
    assert!(!err.contains(".public.new-"), "a staging path: {err}");
    common::assert_same_tree(&before, &common::snapshot(dir), "a refused build");
    assert!(!repo.join("public").exists());
    assert_eq!(common::leftovers(dir), Vec::<String>::new());
    shown
}

/// `check` passes with the warning at `at` saying `says` and fails with
/// `--strict`; `build` writes the site, and nothing else changes.
fn warned(dir: &Path, repo: &Path, at: &str, says: &str) {
    let out = check(repo, &[]);
    let shown = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "check: {shown}");
    headline(&shown, "warning", at, says);
    assert_eq!(check(repo, &["--strict"]).status.code(), Some(1));
    let before = common::snapshot(dir);
    let build = common::rapporteur(&["build", "--as-of", AS_OF], repo);
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));
    let after = common::snapshot(dir);
    let outside = |s: &std::collections::BTreeMap<String, Option<Vec<u8>>>| {
        s.iter()
            .filter(|(k, _)| !k.starts_with("repo/public"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    common::assert_same_tree(&outside(&before), &outside(&after), "a build");
    assert_eq!(common::leftovers(dir), Vec::<String>::new());
}

// Control characters.

#[test]
fn a_vertical_tab_in_a_record_is_reported_at_its_line_and_column() {
    let (dir, repo) = example();
    edit(&repo, RECORD, "Ravi Menon", "Ravi\u{b} Menon");
    let shown = refused(
        dir.path(),
        &repo,
        &format!("{RECORD}:3:45"),
        "remove the control character U+000B (vertical tab): it often comes from pasting from a \
         word processor",
    );
    // The line is shown with the character drawn, and the caret under it.
    let caret = format!("  | {}^\n", " ".repeat(44));
    assert!(
        shown.contains(&format!(
            "3 | provider: {{ name: BPSource Inc., owner: Ravi␋ Menon }}\n{caret}"
        )),
        "{shown}"
    );
}

#[test]
fn a_nul_in_a_period_file_is_reported_at_its_line_and_column() {
    let (dir, repo) = example();
    edit(&repo, PERIOD, "worked: 2010", "worked: 20\u{0}10");
    refused(dir.path(), &repo, &format!("{PERIOD}:3:20"), "U+0000 (NUL)");
}

#[test]
fn a_control_character_in_rapporteur_yaml_is_reported_at_its_line_and_column() {
    let (dir, repo) = example();
    edit(
        &repo,
        "rapporteur.yaml",
        "partner reports",
        "partner\u{c} reports",
    );
    refused(
        dir.path(),
        &repo,
        "rapporteur.yaml:1:29",
        "U+000C (form feed)",
    );
}

#[test]
fn a_control_character_in_a_notes_front_matter_is_reported_at_its_line_and_column() {
    let (dir, repo) = example();
    edit(&repo, NOTE, "Weekly check-in", "Weekly\u{b}check-in");
    refused(
        dir.path(),
        &repo,
        &format!("{NOTE}:2:14"),
        "U+000B (vertical tab)",
    );
}

#[test]
fn a_control_character_in_a_notes_body_is_reported_at_its_line_and_column() {
    let (dir, repo) = example();
    edit(
        &repo,
        NOTE,
        "confirm the approver",
        "confirm\u{1b}[31m the approver",
    );
    let shown = refused(
        dir.path(),
        &repo,
        &format!("{NOTE}:10:20"),
        "U+001B (escape)",
    );
    // Never sent raw to the terminal.
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}

// UTF-16.

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn a_utf16_note_without_a_byte_order_mark_is_named_utf16() {
    let (dir, repo) = example();
    let note = std::fs::read_to_string(repo.join(NOTE)).unwrap();
    write(&repo, NOTE, utf16le(&note));
    refused(
        dir.path(),
        &repo,
        &format!("{NOTE}:1:1"),
        "this file is UTF-16 (little-endian, without a byte-order mark), not UTF-8: save it as \
         UTF-8",
    );
}

#[test]
fn a_utf16_note_with_a_byte_order_mark_is_named_utf16() {
    let (dir, repo) = example();
    let note = std::fs::read_to_string(repo.join(NOTE)).unwrap();
    write(&repo, NOTE, [&[0xFF, 0xFE][..], &utf16le(&note)].concat());
    refused(
        dir.path(),
        &repo,
        &format!("{NOTE}:1:1"),
        "this file is UTF-16 (little-endian, with a byte-order mark)",
    );
}

#[test]
fn a_big_endian_utf16_record_is_named_utf16() {
    let (dir, repo) = example();
    let record = std::fs::read_to_string(repo.join(RECORD)).unwrap();
    let bytes: Vec<u8> = record.encode_utf16().flat_map(u16::to_be_bytes).collect();
    write(&repo, RECORD, bytes);
    refused(
        dir.path(),
        &repo,
        &format!("{RECORD}:1:1"),
        "this file is UTF-16 (big-endian, without a byte-order mark)",
    );
}

// limits.max_file_bytes.

#[test]
fn max_file_bytes_out_of_range_is_a_config_error_at_its_value() {
    for (value, column) in [("18446744073709551615", 27), ("0", 27), ("100", 27)] {
        let (dir, repo) = example();
        edit(
            &repo,
            "rapporteur.yaml",
            "max_file_bytes: 10485760",
            &format!("max_file_bytes: {value}"),
        );
        refused(
            dir.path(),
            &repo,
            &format!("rapporteur.yaml:6:{column}"),
            &format!(
                "max_file_bytes is {value}: use a number of bytes from 256 to 1073741824 (1 GiB)"
            ),
        );
    }
}

#[test]
fn max_file_bytes_at_the_ends_of_its_range_is_accepted() {
    for value in ["1073741824", "2048"] {
        let (_dir, repo) = example();
        edit(
            &repo,
            "rapporteur.yaml",
            "max_file_bytes: 10485760",
            &format!("max_file_bytes: {value}"),
        );
        let out = check(&repo, &[]);
        assert_eq!(out.status.code(), Some(0), "{value}: {}", text(&out.stdout));
    }
}

// rapporteur.yaml that is not a file.

#[test]
fn a_rapporteur_yaml_folder_is_an_error_not_the_defaults() {
    let (dir, repo) = example();
    std::fs::remove_file(repo.join("rapporteur.yaml")).unwrap();
    write(&repo, "rapporteur.yaml/settings.yaml", "title: x\n");
    refused(
        dir.path(),
        &repo,
        "rapporteur.yaml:1:1",
        "rapporteur.yaml is a folder, not a file: the settings were not read",
    );
}

#[cfg(unix)]
#[test]
fn a_rapporteur_yaml_pipe_is_an_error_and_does_not_block() {
    let (dir, repo) = example();
    std::fs::remove_file(repo.join("rapporteur.yaml")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(repo.join("rapporteur.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    refused(
        dir.path(),
        &repo,
        "rapporteur.yaml:1:1",
        "not a regular file or folder (a pipe, socket or device)",
    );
}

// Theme static files the output cannot hold.

#[test]
fn theme_static_names_windows_cannot_write_are_check_errors() {
    for (name, says) in [
        (
            "aux.css",
            "`aux.css` cannot be written on Windows (AUX is a reserved device name",
        ),
        (
            "con.js",
            "(CON is a reserved device name, with any extension)",
        ),
        ("img/LPT1.png", "`LPT1.png` cannot be written on Windows"),
        ("a:b", "`a:b` cannot be written on Windows (it holds `:`)"),
        ("a\\b.css", "(it holds `\\`)"),
        ("what?.css", "(it holds `?`)"),
        ("dot.", "(it ends with a dot or a space)"),
    ] {
        let (dir, repo) = themed();
        write(&repo, &format!("themes/mine/static/{name}"), "x");
        refused(
            dir.path(),
            &repo,
            &format!("themes/mine/static/{name}:1:1"),
            says,
        );
    }
}

#[test]
fn a_theme_static_file_where_the_build_makes_a_folder_is_a_check_error() {
    for (name, says) in [
        (
            "engagements",
            "the build makes a folder engagements/ here, so a file named `engagements` cannot \
             be written",
        ),
        ("Data", "the build makes a folder data/ here"),
        ("data/extra.csv", "data/ is written by the build alone"),
        (
            "engagements/acme-payroll/index.html",
            "engagements/ is written by the build alone",
        ),
        (
            "index.html/x.css",
            "the build writes the file index.html here, so it cannot be a folder",
        ),
        (
            "style.css/x.css",
            "the built-in theme publishes a file `style.css`, so there cannot be a folder",
        ),
    ] {
        let (dir, repo) = themed();
        write(&repo, &format!("themes/mine/static/{name}"), "x");
        refused(
            dir.path(),
            &repo,
            &format!("themes/mine/static/{name}:1:1"),
            says,
        );
    }
}

#[test]
fn every_top_level_path_a_build_writes_is_checked_against_the_theme() {
    // Build the example, then put a static file of each generated name into
    // a theme: `check` must say something about every one (a page added to
    // the site but not to `links::generated` fails here).
    let (_dir, repo) = example();
    let build = common::rapporteur(&["build", "--as-of", AS_OF], &repo);
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));
    let built_in_static = common::repo_root().join("themes/default/static");
    let mut names: Vec<String> = std::fs::read_dir(repo.join("public"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !built_in_static.join(n).exists())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let (_dir, repo) = themed();
        write(&repo, &format!("themes/mine/static/{name}"), "x");
        let shown = text(&check(&repo, &[]).stdout);
        assert!(
            shown.contains(&format!(": themes/mine/static/{name}:1:1: ")),
            "a static file `{name}` passes check:\n{shown}"
        );
    }
}

// Template cycles.

#[test]
fn an_include_cycle_names_the_templates_and_lines() {
    let (dir, repo) = themed();
    write(
        &repo,
        "themes/mine/templates/a.html",
        "<p>\n\n{% include \"b.html\" %}\n",
    );
    write(
        &repo,
        "themes/mine/templates/b.html",
        "{%- include 'a.html' -%}\n",
    );
    let shown = refused(
        dir.path(),
        &repo,
        "themes/mine/templates/a.html:3:1",
        "`{% include \"b.html\" %}` makes a cycle: a.html:3 includes b.html, b.html:1 includes \
         a.html; a template cannot include or extend itself",
    );
    assert!(!shown.contains("themes:1:1"), "{shown}");
}

#[test]
fn an_extends_cycle_through_a_built_in_template_names_the_user_tag() {
    // base.html overridden to include note.html, which (built in) extends base.html.
    let (dir, repo) = themed();
    write(
        &repo,
        "themes/mine/templates/base.html",
        "<html>\n{% include \"note.html\" %}\n</html>\n",
    );
    refused(
        dir.path(),
        &repo,
        "themes/mine/templates/base.html:2:1",
        "makes a cycle: base.html:2 includes note.html, note.html:1 extends base.html;",
    );
}

#[test]
fn a_template_extending_itself_is_a_cycle_at_its_tag() {
    let (dir, repo) = themed();
    write(
        &repo,
        "themes/mine/templates/index.html",
        "{% extends \"index.html\" %}\n",
    );
    refused(
        dir.path(),
        &repo,
        "themes/mine/templates/index.html:1:1",
        "makes a cycle: index.html:1 extends index.html;",
    );
}

// Theme files that replace a page or are not used.

#[test]
fn a_static_index_html_replaces_the_portfolio_with_a_warning() {
    let (dir, repo) = themed();
    write(
        &repo,
        "themes/mine/static/index.html",
        "<p>my own landing page</p>\n",
    );
    warned(
        dir.path(),
        &repo,
        "themes/mine/static/index.html:1:1",
        "this file replaces the generated index.html (the portfolio page)",
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("public/index.html")).unwrap(),
        "<p>my own landing page</p>\n"
    );
}

#[test]
fn a_misspelt_template_override_is_a_warning_with_the_nearest_name() {
    let (dir, repo) = themed();
    let engagement = std::fs::read_to_string(
        common::repo_root().join("themes/default/templates/engagement.html"),
    )
    .unwrap();
    write(&repo, "themes/mine/templates/engagment.html", &engagement);
    warned(
        dir.path(),
        &repo,
        "themes/mine/templates/engagment.html:1:1",
        "this template is not used: no page is made from it and no template includes or \
         extends it; did you mean `engagement.html`?",
    );
}

#[test]
fn a_partial_included_by_an_override_is_not_warned() {
    let (_dir, repo) = themed();
    let note =
        std::fs::read_to_string(common::repo_root().join("themes/default/templates/note.html"))
            .unwrap();
    let note = note.replacen(
        "{% block content %}",
        "{% block content %}{% include \"my-byline.html\" %}",
        1,
    );
    assert!(note.contains("my-byline"));
    write(&repo, "themes/mine/templates/note.html", &note);
    write(
        &repo,
        "themes/mine/templates/my-byline.html",
        "<p>by us</p>\n",
    );
    let out = check(&repo, &["--strict"]);
    let shown = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert_eq!(shown.lines().count(), 1, "{shown}");
}

#[test]
fn a_misspelt_theme_folder_is_a_warning() {
    let (dir, repo) = themed();
    write(&repo, "themes/mine/template/note.html", "x");
    write(&repo, "themes/mine/README.md", "my theme\n");
    warned(
        dir.path(),
        &repo,
        "themes/mine/template:1:1",
        "this folder is not read (did you mean templates/?)",
    );
}
