//! Issue 12, link safety and friends, through the real binary: no script
//! link or out-of-site image reaches any output file, spreadsheet formulas
//! in CSV cells are neutralised, control characters never reach the
//! terminal raw, `new` writes only names `check` accepts, and `diff` copes
//! with submodules and says when a clone is too shallow.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;

const DESIGN: &str = "tests/fixtures/design-example";
const NOTES: &str = "content/acme-payroll/notes";

/// A copy of the design example with `extra` files (path, text) added.
fn example_with(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo_root().join(DESIGN), dir.path());
    for (path, text) in extra {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn stderr(out: &Output) -> String {
    text(&out.stderr)
}

fn stdout(out: &Output) -> String {
    text(&out.stdout)
}

/// Every `href`/`src` value (double or single quoted, any case) in `text`.
fn urls(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for attr in ["href=", "src="] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(attr) {
            let start = from + at + attr.len();
            let quote = lower[start..].chars().next();
            let value = match quote {
                Some(q @ ('"' | '\'')) => {
                    let rest = &lower[start + 1..];
                    &rest[..rest.find(q).unwrap_or(rest.len())]
                }
                _ => {
                    let rest = &lower[start..];
                    &rest[..rest.find([' ', '>']).unwrap_or(rest.len())]
                }
            };
            found.push(value.to_string());
            from = start;
        }
    }
    found
}

/// A shared note with every hostile link form, one per line, and the
/// 1-based line and column of each in the file.
const HOSTILE: &str = "---
title: Hostile links
date: 2026-03-05
audience: shared
---
Plain [inline one](javascript:alert(document.cookie)) here.
[mixed case](JaVaScRiPt:alert(1))
[tab inside](<java\tscript:alert(1)>)
[entity](&#106;avascript:alert(1))
[leading space]( javascript:alert(1))
[vb](vbscript:msgbox(1))
[data link](data:text/html;base64,PHNjcmlwdD4=)
<javascript:alert(2)>
[reference style][evil]
![data image](data:image/svg+xml,x)
[file link](file:///etc/passwd)
[other host](//evil.example/share)
Fine: [site](https://example.com/ok) and [mail](mailto:a@example.com).

[evil]: vbscript:msgbox(2)
";

/// (text shown, line, column) of each hostile link of `HOSTILE`.
const HOSTILE_AT: [(&str, usize, usize); 12] = [
    ("inline one", 6, 7),
    ("mixed case", 7, 1),
    ("tab inside", 8, 1),
    ("entity", 9, 1),
    ("leading space", 10, 1),
    ("vb", 11, 1),
    ("data link", 12, 1),
    ("javascript:alert(2)", 13, 1),
    ("reference style", 14, 1),
    ("data image", 15, 1),
    ("file link", 16, 1),
    ("other host", 17, 1),
];

#[test]
fn hostile_link_schemes_never_reach_any_output_file_and_check_warns_at_each() {
    let dir = example_with(&[(&format!("{NOTES}/2026-03-05-hostile.md"), HOSTILE)]);
    let root = dir.path();
    let before = snapshot(root);
    let check = rapporteur(&["check", "--root", ".", "--as-of", "2026-03-31"], root);
    let report = stdout(&check);
    assert_eq!(check.status.code(), Some(0), "{report}{}", stderr(&check));
    for (shown, line, col) in HOSTILE_AT {
        let at = format!("warning: {NOTES}/2026-03-05-hostile.md:{line}:{col}:");
        let warning = report
            .lines()
            .find(|l| l.starts_with(&at))
            .unwrap_or_else(|| panic!("no warning at {at} for {shown}:\n{report}"));
        assert!(
            warning.contains("is never published") && warning.contains("use an http, https"),
            "{warning}"
        );
    }
    assert_eq!(
        report.matches("warning: ").count(),
        HOSTILE_AT.len(),
        "{report}"
    );
    let strict = rapporteur(&["check", "--strict", "--as-of", "2026-03-31"], root);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));
    assert_same_tree(&before, &snapshot(root), "check");

    for audience in ["shared", "internal"] {
        let out = root.join(format!("site-{audience}"));
        let build = rapporteur(
            &[
                "build",
                "--audience",
                audience,
                "--as-of",
                "2026-03-31",
                "--out",
                out.to_str().unwrap(),
            ],
            root,
        );
        assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
        assert!(
            stderr(&build).contains(&format!("{NOTES}/2026-03-05-hostile.md:6:7:")),
            "build shows the warnings too: {}",
            stderr(&build)
        );
        let files = read_tree(&out);
        for (path, bytes) in &files {
            for url in urls(&text(bytes)) {
                let squeezed: String = url.chars().filter(|c| !c.is_whitespace()).collect();
                let other_host = squeezed.starts_with("//") || squeezed.starts_with('\\');
                assert!(
                    !other_host,
                    "{audience} build: {path} links to another host: `{url}`"
                );
                for bad in ["javascript:", "vbscript:", "data:", "file:", "&#106;"] {
                    assert!(
                        !squeezed.contains(bad),
                        "{audience} build: {path} has {bad} in `{url}`"
                    );
                }
            }
        }
        let page = text(&files["engagements/acme-payroll/notes/2026-03-05-hostile.html"]);
        for (shown, ..) in HOSTILE_AT {
            assert!(page.contains(shown), "{audience}: `{shown}` not shown");
        }
        assert!(page.contains(r#"<a href="https://example.com/ok">site</a>"#));
        assert!(page.contains(r#"<a href="mailto:a@example.com">mail</a>"#));
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    }
    let mut after = snapshot(root);
    after.retain(|k, _| !k.starts_with("site-"));
    assert_same_tree(&before, &after, "build outside its output");
}

#[test]
fn images_outside_the_site_are_broken_image_errors_and_never_emitted() {
    let note = "---
title: Pictures
date: 2026-03-05
audience: shared
---
Org chart: ![org chart](org.png)
![secret](../../../../etc/passwd)
![ok](https://example.com/chart.png)
";
    let dir = example_with(&[
        (&format!("{NOTES}/2026-03-05-pictures.md"), note),
        (&format!("{NOTES}/org.png"), "not really a png"),
    ]);
    let root = dir.path();
    let before = snapshot(root);
    let check = rapporteur(&["check", "--as-of", "2026-03-31"], root);
    let report = stdout(&check);
    assert_eq!(check.status.code(), Some(1), "{report}");
    for (src, at) in [("org.png", "6:12"), ("../../../../etc/passwd", "7:1")] {
        assert!(
            report.contains(&format!(
                "error: {NOTES}/2026-03-05-pictures.md:{at}: image `{src}` is not in the site"
            )),
            "{report}"
        );
    }
    assert!(!report.contains("chart.png"), "{report}");
    let build = rapporteur(&["build", "--as-of", "2026-03-31"], root);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(
        !root.join("public").exists(),
        "a failed build writes nothing"
    );
    assert_same_tree(&before, &snapshot(root), "check and failed build");
    assert!(leftovers(root).is_empty());
}

/// A report repository whose engagement folder is a git submodule (a
/// repository of its own, shared with the partner), with two commits: the
/// second moves the submodule to a commit where accuracy fell to 99.1.
/// Returns the folder holding both repositories, and the report's path.
fn submodule_report() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let engagement = dir.path().join("engagement");
    copy_tree(
        &repo_root().join(DESIGN).join("content/acme-payroll"),
        &engagement,
    );
    git(&engagement, &["init", "-q"]);
    git(&engagement, &["add", "-A"]);
    git(&engagement, &["commit", "-q", "-m", "engagement"]);
    let report = dir.path().join("report");
    std::fs::create_dir(&report).unwrap();
    std::fs::copy(
        repo_root().join(DESIGN).join("rapporteur.yaml"),
        report.join("rapporteur.yaml"),
    )
    .unwrap();
    git(&report, &["init", "-q"]);
    // Another submodule outside content/, never initialised in clones.
    let vendor = dir.path().join("vendor");
    std::fs::create_dir(&vendor).unwrap();
    std::fs::write(vendor.join("README"), "a library\n").unwrap();
    git(&vendor, &["init", "-q"]);
    git(&vendor, &["add", "-A"]);
    git(&vendor, &["commit", "-q", "-m", "vendor"]);
    let url = |p: &Path| format!("file://{}", p.display());
    git(
        &report,
        &[
            "submodule",
            "add",
            "-q",
            &url(&engagement),
            "content/acme-payroll",
        ],
    );
    git(
        &report,
        &["submodule", "add", "-q", &url(&vendor), "vendor/lib"],
    );
    git(&report, &["add", "-A"]);
    git(&report, &["commit", "-q", "-m", "report"]);
    let inner = report.join("content/acme-payroll");
    let period = inner.join("periods/2026-03.yaml");
    let text = std::fs::read_to_string(&period)
        .unwrap()
        .replace("accuracy: 99.6", "accuracy: 99.1");
    std::fs::write(&period, text).unwrap();
    git(&inner, &["commit", "-q", "-am", "March accuracy restated"]);
    git(
        &inner,
        &["push", "-q", "origin", "HEAD:refs/heads/restated"],
    );
    git(&report, &["commit", "-q", "-am", "move the engagement"]);
    (dir, report)
}

const MOVED: &str =
    "Payroll accuracy, latest status: green (2026-03: 99.6%) → amber (2026-03: 99.1%)";

#[test]
fn diff_reads_an_engagement_kept_in_a_submodule_at_each_revision() {
    let (_dir, report) = submodule_report();
    let before = snapshot(&report);
    for head in [&["--head", "HEAD"][..], &[][..]] {
        let mut args = vec!["diff", "--base", "HEAD~1", "--as-of", "2026-04-15"];
        args.extend_from_slice(head);
        let out = rapporteur(&args, &report);
        assert_eq!(out.status.code(), Some(0), "{head:?}: {}", stderr(&out));
        assert!(stdout(&out).contains(MOVED), "{head:?}: {}", stdout(&out));
    }
    let out = rapporteur(
        &[
            "diff",
            "--base",
            "HEAD",
            "--head",
            "HEAD",
            "--as-of",
            "2026-04-15",
        ],
        &report,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("No input changed and no figure moved"),
        "{}",
        stdout(&out)
    );
    assert_same_tree(&before, &snapshot(&report), "diff");
}

#[test]
fn diff_says_to_initialise_a_submodule_that_holds_content() {
    let (dir, report) = submodule_report();
    let clone = dir.path().join("clone");
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            report.to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
    );
    let before = snapshot(&clone);
    let out = rapporteur(&["diff", "--base", "HEAD~1", "--head", "HEAD"], &clone);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains(
            "content/acme-payroll is a submodule whose commit \
             "
        ) && stderr(&out).contains("run `git submodule update --init`"),
        "{}",
        stderr(&out)
    );
    assert_same_tree(&before, &snapshot(&clone), "a refused diff");
    // Initialised (the vendor submodule is left out): the diff works.
    git(
        &clone,
        &[
            "submodule",
            "update",
            "--init",
            "-q",
            "content/acme-payroll",
        ],
    );
    let out = rapporteur(
        &["diff", "--base", "HEAD~1", "--as-of", "2026-04-15"],
        &clone,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(MOVED), "{}", stdout(&out));
}

#[test]
fn diff_in_a_shallow_clone_says_the_history_is_shallow() {
    let dir = example_with(&[]);
    let origin = dir.path();
    git(origin, &["init", "-q"]);
    git(origin, &["add", "-A"]);
    git(origin, &["commit", "-q", "-m", "one"]);
    std::fs::write(origin.join("README.md"), "two\n").unwrap();
    git(origin, &["add", "-A"]);
    git(origin, &["commit", "-q", "-m", "two"]);
    let parent = tempfile::tempdir().unwrap();
    let clone = parent.path().join("clone");
    let url = format!("file://{}", origin.display());
    git(
        parent.path(),
        &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()],
    );
    let before = snapshot(&clone);
    let out = rapporteur(&["diff", "--base", "HEAD~1"], &clone);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert_eq!(
        stderr(&out).trim(),
        "error: `HEAD~1` cannot be read because the clone is shallow: its history was cut off \
         when it was cloned or fetched, so older revisions are missing; fetch more history \
         (git fetch --unshallow, or fetch-depth: 0 in a CI checkout) and run diff again"
    );
    assert!(stdout(&out).is_empty());
    assert_same_tree(&before, &snapshot(&clone), "a refused diff");
    // A typo in a full clone is still called what it is.
    let out = rapporteur(&["diff", "--base", "no-such-branch"], origin);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`no-such-branch` is not a commit of"),
        "{}",
        stderr(&out)
    );
}

/// The design example with formula-like text in every kind of user cell.
fn formula_example() -> tempfile::TempDir {
    let dir = example_with(&[(
        &format!("{NOTES}/2026-03-06-formulas.md"),
        "---\ntitle: \"=1+1\"\ndate: 2026-03-06\naudience: shared\n---\n\
         - [ ] =HYPERLINK(\"http://x\",\"y\"): click me\n\
         - [ ] @SUM(A1): add up\n\
         - [ ] +1: plus\n\
         - [ ] -2+3: minus\n",
    )]);
    let record = dir.path().join("content/acme-payroll/engagement.yaml");
    let text = std::fs::read_to_string(&record)
        .unwrap()
        .replace("name: Acme Payroll Processing", "name: \"@SUM(A1)\"")
        .replace("name: Payroll accuracy", "name: \"+1\"")
        .replace("title: Single SME for tax filings", "title: \"\\tTabbed\"")
        .replace(
            "mitigation: Cross-train two analysts",
            "mitigation: \"\\rCarriage\"",
        );
    std::fs::write(&record, text).unwrap();
    let period = dir.path().join("content/acme-payroll/periods/2026-03.yaml");
    let text = std::fs::read_to_string(&period)
        .unwrap()
        .replace("approvals_on_time: null", "approvals_on_time: -3.5");
    std::fs::write(&period, text).unwrap();
    dir
}

/// Each formula-like text and how every CSV must hold it.
const NEUTRALISED: [(&str, &str); 7] = [
    ("=HYPERLINK(", "\"'=HYPERLINK(\"\"http\""),
    (
        "click me",
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\"): click me\"",
    ),
    ("@SUM(A1)", "\"'@SUM(A1)\""),
    ("+1", "\"'+1\""),
    ("-2+3", "\"'-2+3\""),
    ("\tTabbed", "\"'\tTabbed\""),
    ("\rCarriage", "\"'\rCarriage\""),
];

/// Asserts that no cell of `csv` starts a formula, and that each of
/// `NEUTRALISED` is found neutralised.
fn assert_neutralised(what: &str, csv: &str, expect: &[&str]) {
    for (text, written) in NEUTRALISED {
        if expect.contains(&text) {
            assert!(csv.contains(written), "{what}: no {written:?} in\n{csv}");
        }
    }
    // No cell a spreadsheet reads starts a formula, except a number.
    for cell in cells(csv) {
        let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        assert!(
            !formula || cell.parse::<f64>().is_ok(),
            "{what}: cell {cell:?} starts a formula in\n{csv}"
        );
    }
}

/// The cells of an RFC 4180 CSV text, unquoted.
fn cells(csv: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => out.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => out.push(std::mem::take(&mut cell)),
            (false, c) => cell.push(c),
        }
    }
    out
}

#[test]
fn formula_cells_are_neutralised_in_every_csv_of_the_site() {
    let dir = formula_example();
    let root = dir.path();
    let build = rapporteur(&["build", "--as-of", "2026-03-31"], root);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    let data = |t: &str| std::fs::read_to_string(root.join("public/data").join(t)).unwrap();
    let actions = data("actions.csv");
    assert_neutralised(
        "actions.csv",
        &actions,
        &["=HYPERLINK(", "click me", "@SUM(A1)", "+1", "-2+3"],
    );
    assert_neutralised("engagements.csv", &data("engagements.csv"), &["@SUM(A1)"]);
    assert_neutralised("kpis.csv", &data("kpis.csv"), &["+1"]);
    assert_neutralised("risks.csv", &data("risks.csv"), &["\tTabbed", "\rCarriage"]);
    for table in [
        "health.csv",
        "sla.csv",
        "breaches.csv",
        "credits.csv",
        "flags.csv",
    ] {
        assert_neutralised(table, &data(table), &[]);
    }
    // Numbers rapporteur writes stay numbers, minus sign and all.
    let kpis = data("kpis.csv");
    assert!(
        kpis.contains(",99.5,99,"),
        "target and warn as numbers:\n{kpis}"
    );
    assert!(
        kpis.contains(",2026-03,-3.5,"),
        "a negative value stays a number:\n{kpis}"
    );
    assert!(leftovers(root).is_empty());
}

#[test]
fn formula_cells_are_neutralised_in_export_csv() {
    let dir = formula_example();
    let root = dir.path();
    let before = snapshot(root);
    for (table, expect) in [
        (
            "actions",
            &["=HYPERLINK(", "click me", "@SUM(A1)", "+1", "-2+3"][..],
        ),
        ("engagements", &["@SUM(A1)"][..]),
        ("risks", &["\tTabbed", "\rCarriage"][..]),
    ] {
        let out = rapporteur(
            &[
                "export",
                "--format",
                "csv",
                "--table",
                table,
                "--as-of",
                "2026-03-31",
            ],
            root,
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_neutralised(table, &stdout(&out), expect);
    }
    assert_same_tree(&before, &snapshot(root), "export writes nothing");
}

#[test]
fn control_characters_from_yaml_keys_and_file_names_reach_the_terminal_escaped() {
    let esc_note = format!("{NOTES}/2026-03-07-\u{1b}[2J.md");
    let dir = example_with(&[
        // An ESC in a quoted key (YAML's `\e`).
        (
            "content/acme-payroll/periods/2026-02.yaml",
            "period: 2026-02\nkpis: { accuracy: 99.6 }\n\"\\e[31mbogus\": 1\n",
        ),
        // Raw ones in a note's body, shown in a diagnostic's source line.
        (
            &format!("{NOTES}/2026-03-08-raw.md"),
            "---\ntitle: Raw\ndate: 2026-03-08\n---\nSee [\u{1b}(0owned\u{7}](gone.md)\n",
        ),
        (&esc_note, "no front matter\n"),
    ]);
    let root = dir.path();
    let before = snapshot(root);
    for format in ["human", "github"] {
        let check = rapporteur(
            &["check", "--format", format, "--as-of", "2026-03-31"],
            root,
        );
        assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
        let all = format!("{}{}", stdout(&check), stderr(&check));
        assert!(
            !all.contains('\u{1b}'),
            "{format}: a raw ESC was printed: {all:?}"
        );
        assert!(
            !all.contains('\u{7}'),
            "{format}: a raw BEL was printed: {all:?}"
        );
        for shown in ["\\u{1b}[31mbogus", "2026-03-07-\\u{1b}[2J.md"] {
            assert!(all.contains(shown), "{format}: no {shown} in {all}");
        }
        if format == "human" {
            assert!(
                all.contains("error: content/acme-payroll/periods/2026-02.yaml:3:1:"),
                "{all}"
            );
            // Raw control characters in a note are errors at their own
            // spot, and the shown line draws them as pictures.
            assert!(
                all.contains(&format!(
                    "error: {NOTES}/2026-03-08-raw.md:5:6: remove the control character U+001B"
                )),
                "{all}"
            );
            assert!(
                all.contains("5 | See [\u{241b}(0owned\u{2407}](gone.md)\n"),
                "{all}"
            );
        }
    }
    let build = rapporteur(&["build", "--as-of", "2026-03-31"], root);
    assert_eq!(build.status.code(), Some(1));
    assert!(!stderr(&build).contains('\u{1b}'), "{:?}", stderr(&build));
    assert!(
        stderr(&build).contains("2026-03-07-\\u{1b}[2J.md"),
        "{}",
        stderr(&build)
    );
    assert_same_tree(&before, &snapshot(root), "check and a failed build");
    assert!(leftovers(root).is_empty());
}

#[test]
fn new_refuses_engagement_ids_check_would_reject_before_writing_anything() {
    let dir = example_with(&[]);
    let root = dir.path();
    let before = snapshot(root);
    for (id, problem, suggestion) in [
        ("con", "the name is reserved on Windows", "con-engagement"),
        ("NUL", "ids are lowercase slugs", "nul-engagement"),
        ("Acme Payroll", "ids are lowercase slugs", "acme-payroll"),
        ("Überprüfung", "ids are lowercase slugs", "uberprufung"),
    ] {
        let out = rapporteur(&["new", "engagement", id, "--as-of", "2026-03-31"], root);
        assert_eq!(out.status.code(), Some(2), "{id}: {}", stderr(&out));
        let expect = format!(
            "error: `{id}` cannot be an engagement id ({problem}): use lowercase letters, \
             digits and dashes, e.g. `{suggestion}`"
        );
        assert!(stderr(&out).contains(&expect), "{id}: {}", stderr(&out));
        assert_same_tree(&before, &snapshot(root), id);
    }
}

#[test]
fn whatever_new_writes_passes_check() {
    let dir = example_with(&[]);
    let root = dir.path();
    let new = |args: &[&str]| {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--as-of", "2026-03-31"]);
        let out = rapporteur(&all, root);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stdout(&out).trim().to_string()
    };
    assert!(new(&["engagement", "globex"]).ends_with("content/globex/engagement.yaml"));
    assert!(
        new(&["engagement", "con-engagement"]).ends_with("content/con-engagement/engagement.yaml")
    );
    let notes = "content/acme-payroll/notes";
    for (title, file) in [
        (
            "Überprüfung der Qualität",
            "2026-03-31-uberprufung-der-qualitat.md",
        ),
        ("会议", "2026-03-31-hui-yi.md"),
        ("会议", "2026-03-31-hui-yi-2.md"),
        ("会议!", "2026-03-31-hui-yi-3.md"),
        ("Квартальный обзор", "2026-03-31-kvartal-nyi-obzor.md"),
        ("🎉", "2026-03-31-tada.md"),
        ("!!!", "2026-03-31-note.md"),
        ("???", "2026-03-31-note-2.md"),
        ("CON", "2026-03-31-con.md"),
        ("\u{1b}[2J", "2026-03-31-2j.md"),
    ] {
        let printed = new(&["note", "acme-payroll", title]);
        assert!(
            printed.ends_with(&format!("{notes}/{file}")),
            "{title}: {printed}"
        );
        assert!(root.join(notes).join(file).is_file(), "{file}");
    }
    new(&["period", "acme-payroll", "2026-04"]);
    new(&["period", "globex", "2026-03"]);
    let check = rapporteur(&["check", "--as-of", "2026-03-31"], root);
    let report = stdout(&check);
    assert_eq!(check.status.code(), Some(0), "{report}");
    assert!(!report.contains("error"), "{report}");
    assert!(
        report.contains("checked 3 engagements, 3 periods, 11 notes"),
        "{report}"
    );
}
