//! `rapporteur import` through the real binary, on the exports in
//! tests/fixtures/import/: the written period files hold the sums of the raw
//! columns (computed here without the product's code), conflicts write
//! nothing unless forced, `--dry-run` writes nothing, a second run changes
//! nothing, comments are kept, and every bad cell is reported in one run.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::rapporteur;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// A copy of the fixture repository, to import into.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&fixtures().join("repo"), dir.path());
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn import(root: &Path, file: &Path, mapping: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ];
    args.extend(extra);
    rapporteur(&args, root)
}

fn acd(root: &Path, extra: &[&str]) -> std::process::Output {
    let f = fixtures();
    import(
        root,
        &f.join("acd-interval.csv"),
        &f.join("acd-queues.yaml"),
        extra,
    )
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Fields of a CSV line, with `"..."` quoting (enough for the fixtures).
fn fields(line: &str, delimiter: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == delimiter && !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[derive(Default, Debug)]
struct Month {
    offered: i64,
    in20: i64,
    abandoned: i64,
    aht_x_handled: f64,
    handled: f64,
}

/// The ACD export's sums per month ("02/2026" -> sums), read by hand.
fn acd_sums() -> BTreeMap<String, Month> {
    let text = std::fs::read_to_string(fixtures().join("acd-interval.csv")).unwrap();
    let mut sums: BTreeMap<String, Month> = BTreeMap::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f = fields(line, ',');
        let date = &f[1]; // dd/mm/YYYY HH:MM
        let month = format!("{}-{}", &date[6..10], &date[3..5]);
        let m = sums.entry(month).or_default();
        let n = |i: usize| f[i].parse::<i64>().unwrap();
        m.offered += n(2);
        m.in20 += n(3);
        m.abandoned += n(4);
        if !f[6].is_empty() {
            m.aht_x_handled += f[6].parse::<f64>().unwrap() * n(5) as f64;
            m.handled += n(5) as f64;
        }
    }
    sums
}

#[test]
fn acd_interval_export_writes_the_sums_of_its_columns() {
    let root = repo();
    let out = acd(root.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sums = acd_sums();
    assert_eq!(sums.len(), 2, "the fixture spans February and 1 March");
    for (month, m) in &sums {
        let text = read(
            root.path(),
            &format!("content/brightline/periods/{month}.yaml"),
        );
        assert!(text.starts_with(&format!("period: {month}\n")), "{text}");
        assert!(
            text.contains(&format!(
                "  service_level: {{ good: {}, total: {} }}\n",
                m.in20, m.offered
            )),
            "{month}: {text}"
        );
        assert!(
            text.contains(&format!(
                "  abandonment: {{ good: {}, total: {} }}\n",
                m.abandoned, m.offered
            )),
            "{month}: {text}"
        );
        let aht: f64 = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("aht_seconds: "))
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            (aht - m.aht_x_handled / m.handled).abs() < 0.0001,
            "{aht} {m:?}"
        );
    }
    let check = rapporteur(
        &["check", "--root", root.path().to_str().unwrap()],
        root.path(),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn itsm_ticket_export_counts_rows_that_made_sla() {
    let root = repo();
    let f = fixtures();
    let out = import(
        root.path(),
        &f.join("itsm-tickets.csv"),
        &f.join("itsm-tickets.yaml"),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(f.join("itsm-tickets.csv")).unwrap();
    let mut counts: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f = fields(line, ';');
        let c = counts.entry(f[2][..7].to_string()).or_default();
        c.0 += i64::from(f[4] == "true");
        c.1 += 1;
    }
    for (month, (good, total)) in counts {
        let text = read(
            root.path(),
            &format!("content/calloway-desk/periods/{month}.yaml"),
        );
        assert!(
            text.contains(&format!(
                "resolution_sla: {{ good: {good}, total: {total} }}"
            )),
            "{month}: {text}"
        );
    }
}

#[test]
fn a_second_run_changes_nothing_and_dry_run_prints_nothing() {
    let root = repo();
    assert_eq!(acd(root.path(), &[]).status.code(), Some(0));
    let rel = "content/brightline/periods/2026-02.yaml";
    let first = read(root.path(), rel);
    let again = acd(root.path(), &[]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("0 files created, 0 updated"),
        "{}",
        stderr(&again)
    );
    assert_eq!(read(root.path(), rel), first);
    let dry = acd(root.path(), &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0));
    assert!(
        dry.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&dry.stdout)
    );
}

#[test]
fn dry_run_prints_a_unified_diff_and_writes_nothing() {
    let root = repo();
    let out = acd(root.path(), &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("--- /dev/null\n+++ b/content/brightline/periods/2026-02.yaml\n"),
        "{diff}"
    );
    assert!(diff.contains("+period: 2026-02\n"), "{diff}");
    assert!(
        !root
            .path()
            .join("content/brightline/periods/2026-02.yaml")
            .exists()
    );
}

const COMMENTED: &str = "# February, agreed at the monthly review\nperiod: 2026-02\nkpis:\n  # counted by the ACD\n  service_level: { good: 1, total: 2 }  # provisional\nhours: { worked: 1900 }\nfeedback:\n  - { from: client, kind: praise, text: Storm week went well }\n";

#[test]
fn a_conflict_writes_nothing_and_force_replaces_keeping_comments() {
    let root = repo();
    let rel = "content/brightline/periods/2026-02.yaml";
    std::fs::write(root.path().join(rel), COMMENTED).unwrap();
    let out = acd(root.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "conflict: {rel}: kpis.service_level: the file has {{ good: 1, total: 2 }}"
        )),
        "{err}"
    );
    assert_eq!(read(root.path(), rel), COMMENTED);
    assert!(
        !root
            .path()
            .join("content/brightline/periods/2026-03.yaml")
            .exists(),
        "nothing at all is written"
    );

    let out = acd(root.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = &acd_sums()["2026-02"];
    let text = read(root.path(), rel);
    let expected = COMMENTED.replace(
        "service_level: { good: 1, total: 2 }  # provisional",
        &format!(
            "service_level: {{ good: {}, total: {} }}  # provisional",
            m.in20, m.offered
        ),
    );
    // The new KPIs go after the last one written; everything else stays.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.retain(|l| !l.starts_with("  abandonment:") && !l.starts_with("  aht_seconds:"));
    assert_eq!(lines.join("\n") + "\n", expected);
    assert!(text.contains(&format!(
        "  abandonment: {{ good: {}, total: {} }}\n",
        m.abandoned, m.offered
    )));
    let check = rapporteur(
        &["check", "--root", root.path().to_str().unwrap()],
        root.path(),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn bad_cells_in_three_columns_are_reported_in_one_run() {
    let root = repo();
    let csv = root.path().join("bad.csv");
    std::fs::write(
        &csv,
        "Queue,Interval Start,Offered,Answered in 20s,Abandoned,Handled,AHT\n\
         Sales,01/02/2026 08:00,10,8,1,9,300\n\
         Sales,2026-02-01,10,8,1,9,300\n\
         Sales,01/02/2026 09:00,ten,8,1,9,300\n\
         Sales,01/02/2026 09:30,10,8,1,9,fast\n",
    )
    .unwrap();
    let out = import(root.path(), &csv, &fixtures().join("acd-queues.yaml"), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let name = csv.display().to_string();
    for needle in [
        format!("{name}:3:Interval Start: `2026-02-01` is not a date written as `%d/%m/%Y %H:%M`"),
        format!("{name}:4:Offered: `ten` is not a count"),
        format!("{name}:5:AHT: `fast` is not a number"),
    ] {
        assert!(err.contains(&needle), "missing {needle} in\n{err}");
    }
    assert!(
        root.path()
            .join("content/brightline/periods")
            .read_dir()
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn a_mapping_naming_an_unknown_kpi_engagement_or_column_is_an_error_at_its_line() {
    let root = repo();
    let mapping = root.path().join("m.yaml");
    std::fs::write(
        &mapping,
        "engagement: { column: Queue, map: { Sales: brightlin } }\n\
         date: { column: Interval Start, format: \"%d/%m/%Y %H:%M\" }\n\
         kpis:\n  service_levl: { good: Answered in 20s, total: Offerd }\n",
    )
    .unwrap();
    let out = import(
        root.path(),
        &fixtures().join("acd-interval.csv"),
        &mapping,
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let m = mapping.display().to_string();
    for needle in [
        format!("{m}:1:44: there is no engagement `brightlin`"),
        format!("{m}:4:49: the file has no column `Offerd` (did you mean `Offered`?)"),
    ] {
        assert!(err.contains(&needle), "missing {needle} in\n{err}");
    }
    std::fs::write(
        &mapping,
        "engagement: brightline\n\
         date: { column: Interval Start, format: \"%d/%m/%Y %H:%M\" }\n\
         kpis:\n  service_levl: { good: Answered in 20s, total: Offered }\n",
    )
    .unwrap();
    let out = import(
        root.path(),
        &fixtures().join("acd-interval.csv"),
        &mapping,
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let needle = format!(
        "{m}:4:3: engagement `brightline` has no KPI `service_levl` (did you mean `service_level`?)"
    );
    assert!(err.contains(&needle), "missing {needle} in\n{err}");
}
