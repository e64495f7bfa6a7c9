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
    // Git keeps no empty folder: the periods/ folders are made here.
    for id in ["brightline", "calloway-desk"] {
        std::fs::create_dir_all(dir.path().join("content").join(id).join("periods")).unwrap();
    }
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
        // Editors find the period schema, as in files `new period` writes.
        let head = format!(
            "# yaml-language-server: $schema=../../../schemas/period.schema.json\nperiod: {month}\n"
        );
        assert!(text.starts_with(&head), "{text}");
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
    refused_with_three_bad_cells(&err, root.path());
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

#[test]
fn a_mapping_of_the_wrong_shape_says_what_was_expected_at_its_line() {
    let root = repo();
    let mapping = root.path().join("m.yaml");
    let m = mapping.display().to_string();
    let head = "engagement: brightline\n\
                date: { column: Interval Start, format: \"%d/%m/%Y %H:%M\" }\nkpis:\n";
    for (kpi, needle) in [
        (
            "  service_level: { good: Answered in 20s }\n",
            format!("{m}:4:3: missing field `total` in `kpis.service_level`"),
        ),
        (
            "  service_level: { colum: AHT }\n",
            format!(
                "{m}:4:18: unknown field `colum` in `kpis.service_level`: did you mean `column`?"
            ),
        ),
        (
            "  service_level: { good: { count: row }, total: Offered }\n",
            format!("{m}:4:35: `count: row` is not an allowed value: use one of rows"),
        ),
        (
            "  service_level: { good: Answered in 20s, total: Offered, column: AHT }\n",
            format!(
                "{m}:4:18: `kpis.service_level`: a KPI is computed either from counts `{{ good, total }}` or from a value"
            ),
        ),
    ] {
        std::fs::write(&mapping, format!("{head}{kpi}")).unwrap();
        let out = import(
            root.path(),
            &fixtures().join("acd-interval.csv"),
            &mapping,
            &[],
        );
        assert_eq!(out.status.code(), Some(1), "{kpi}");
        let err = stderr(&out);
        assert!(err.contains(&needle), "missing {needle} in\n{err}");
        assert!(!err.contains("untagged"), "{err}");
    }
    std::fs::write(
        &mapping,
        "engagement: { colum: Queue, map: {} }\n\
         date: { column: Interval Start }\n",
    )
    .unwrap();
    let out = import(
        root.path(),
        &fixtures().join("acd-interval.csv"),
        &mapping,
        &[],
    );
    let err = stderr(&out);
    let needle = format!("{m}:1:15: unknown field `colum` in `engagement`: did you mean `column`?");
    assert!(err.contains(&needle), "missing {needle} in\n{err}");
}

/// One week of the provider's monthly spreadsheet.
struct Week {
    /// Week commencing (year, month, day): a date cell.
    day: (u16, u8, u8),
    offered: u32,
    in20: u32,
    abandoned: u32,
    handled: u32,
    aht: f64,
    paid_hours: f64,
}

/// Thirteen weeks from 5 January 2026, with figures that vary by week.
fn weeks() -> Vec<Week> {
    let days_in = |m: u8| match m {
        1 | 3 => 31,
        _ => 28,
    };
    let (mut m, mut d) = (1u8, 5u8);
    (0..13u32)
        .map(|i| {
            let offered = 4100 + 37 * i;
            let week = Week {
                day: (2026, m, d),
                offered,
                in20: offered - 600 - 11 * (i % 5),
                abandoned: 150 + 3 * i,
                handled: offered - 150 - 3 * i,
                aht: 298.0 + f64::from(i % 7) * 2.3,
                paid_hours: 1004.5 + f64::from(i) * 0.25,
            };
            d += 7;
            if d > days_in(m) {
                d -= days_in(m);
                m += 1;
            }
            week
        })
        .collect()
}

const MONTHLY_HEADER: [&str; 7] = [
    "Week commencing",
    "Calls offered",
    "Calls answered within 20s",
    "Calls abandoned",
    "Calls handled",
    "AHT (sec)",
    "Paid hours",
];

/// The mapping of the monthly spreadsheet (as in docs/import.md). The date
/// format is for dates typed as text; the date cells are read as dates.
const MONTHLY_MAPPING: &str = "\
format: xlsx
sheet: Monthly
engagement: brightline
date: { column: Week commencing, format: \"%d/%m/%Y\" }
kpis:
  service_level: { good: Calls answered within 20s, total: Calls offered }
  abandonment:   { good: Calls abandoned, total: Calls offered }
  aht_seconds:   { column: AHT (sec), aggregate: weighted_mean, weight: Calls handled }
hours:
  worked: { column: Paid hours, aggregate: sum }
";

/// Writes the provider's workbook: a cover sheet first (so `sheet:` matters),
/// then "Monthly" with a header row, date cells and number cells. `bad`
/// replaces cells, by (0-based row, column), with text.
fn write_monthly_xlsx(path: &Path, weeks: &[Week], bad: &[(u32, u16, &str)]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Cover")
        .unwrap()
        .write_string(0, 0, "Kestrel BPO: monthly performance pack")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Monthly").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, name) in MONTHLY_HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for (i, w) in weeks.iter().enumerate() {
        let r = i as u32 + 1;
        let (y, m, d) = w.day;
        let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
        sheet.write_datetime_with_format(r, 0, &day, &date).unwrap();
        let numbers = [
            f64::from(w.offered),
            f64::from(w.in20),
            f64::from(w.abandoned),
            f64::from(w.handled),
            w.aht,
            w.paid_hours,
        ];
        for (c, n) in numbers.into_iter().enumerate() {
            sheet.write_number(r, c as u16 + 1, n).unwrap();
        }
    }
    for (r, c, text) in bad {
        sheet.write_string(*r, *c, *text).unwrap();
    }
    book.save(path).unwrap();
}

/// Per month ("2026-01"): Σoffered, Σin20, Σabandoned, Σ(aht·handled),
/// Σhandled, Σpaid hours, computed from the weeks as written.
fn monthly_sums(weeks: &[Week]) -> BTreeMap<String, [f64; 6]> {
    let mut sums: BTreeMap<String, [f64; 6]> = BTreeMap::new();
    for w in weeks {
        let s = sums
            .entry(format!("{}-{:02}", w.day.0, w.day.1))
            .or_default();
        s[0] += f64::from(w.offered);
        s[1] += f64::from(w.in20);
        s[2] += f64::from(w.abandoned);
        s[3] += w.aht * f64::from(w.handled);
        s[4] += f64::from(w.handled);
        s[5] += w.paid_hours;
    }
    sums
}

/// The number after `key: ` on a line of a period file.
fn figure(text: &str, key: &str) -> f64 {
    text.lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no {key} in\n{text}"))
        .parse()
        .unwrap()
}

#[test]
fn monthly_xlsx_with_date_cells_writes_each_months_sums() {
    let root = repo();
    let book = root.path().join("Kestrel monthly pack.xlsx");
    let weeks = weeks();
    write_monthly_xlsx(&book, &weeks, &[]);
    let mapping = root.path().join("kestrel-monthly.yaml");
    std::fs::write(&mapping, MONTHLY_MAPPING).unwrap();
    let out = import(root.path(), &book, &mapping, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sums = monthly_sums(&weeks);
    assert_eq!(
        sums.keys().collect::<Vec<_>>(),
        ["2026-01", "2026-02", "2026-03"]
    );
    for (month, s) in &sums {
        let text = read(
            root.path(),
            &format!("content/brightline/periods/{month}.yaml"),
        );
        assert!(
            text.contains(&format!(
                "  service_level: {{ good: {}, total: {} }}\n",
                s[1], s[0]
            )),
            "{month}: {text}"
        );
        assert!(
            text.contains(&format!(
                "  abandonment: {{ good: {}, total: {} }}\n",
                s[2], s[0]
            )),
            "{month}: {text}"
        );
        let aht = figure(&text, "aht_seconds");
        assert!((aht - s[3] / s[4]).abs() < 0.0001, "{month}: {aht} {s:?}");
        let worked = figure(&text, "worked");
        assert!((worked - s[5]).abs() < 1e-9, "{month}: {worked} {s:?}");
    }
    let check = rapporteur(
        &["check", "--root", root.path().to_str().unwrap()],
        root.path(),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let again = import(root.path(), &book, &mapping, &[]);
    assert!(
        stderr(&again).contains("0 files created, 0 updated"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn bad_cells_of_a_spreadsheet_are_reported_at_its_row_numbers() {
    let root = repo();
    let book = root.path().join("pack.xlsx");
    // 0-based (3, 1) is row 4 of the sheet, (5, 5) row 6, (8, 0) row 9.
    write_monthly_xlsx(
        &book,
        &weeks(),
        &[(3, 1, "n/a"), (5, 5, "TBC"), (8, 0, "week 8")],
    );
    let mapping = root.path().join("kestrel-monthly.yaml");
    std::fs::write(&mapping, MONTHLY_MAPPING).unwrap();
    let out = import(root.path(), &book, &mapping, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let name = book.display().to_string();
    for needle in [
        format!("{name}:4:Calls offered: `n/a` is not a count"),
        format!("{name}:6:AHT (sec): `TBC` is not a number"),
        format!("{name}:9:Week commencing: `week 8` is not a date written as `%d/%m/%Y`"),
    ] {
        assert!(err.contains(&needle), "missing {needle} in\n{err}");
    }
    refused_with_three_bad_cells(&err, root.path());
}

/// The end of a run with three bad cells: counted once each (`Offered` is
/// the total of two KPIs), and nothing written.
fn refused_with_three_bad_cells(err: &str, root: &Path) {
    assert!(err.contains("nothing written: 3 bad cells"), "{err}");
    assert!(
        root.join("content/brightline/periods")
            .read_dir()
            .unwrap()
            .next()
            .is_none()
    );
}

/// Writes `rows` (header first) as the one sheet "Monthly" of a minimal
/// OpenDocument spreadsheet: `mimetype` stored first, a manifest, and
/// content.xml with typed cells (`date` cells with `office:date-value`).
fn write_ods(path: &Path, rows: &[Vec<(&str, String)>]) {
    use std::io::Write;
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#,
    )
    .unwrap();
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Monthly">"#,
    );
    for row in rows {
        xml.push_str("<table:table-row>");
        for (kind, value) in row {
            let attrs = match *kind {
                "date" => format!(r#"office:value-type="date" office:date-value="{value}""#),
                "float" => format!(r#"office:value-type="float" office:value="{value}""#),
                _ => r#"office:value-type="string""#.to_string(),
            };
            xml.push_str(&format!(
                "<table:table-cell {attrs}><text:p>{value}</text:p></table:table-cell>"
            ));
        }
        xml.push_str("</table:table-row>");
    }
    xml.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn monthly_ods_reads_like_the_xlsx() {
    let root = repo();
    let weeks = weeks();
    let mut rows = vec![
        MONTHLY_HEADER
            .iter()
            .map(|h| ("string", (*h).to_string()))
            .collect::<Vec<_>>(),
    ];
    for w in &weeks {
        let (y, m, d) = w.day;
        let mut row = vec![("date", format!("{y}-{m:02}-{d:02}"))];
        for n in [
            f64::from(w.offered),
            f64::from(w.in20),
            f64::from(w.abandoned),
            f64::from(w.handled),
            w.aht,
            w.paid_hours,
        ] {
            row.push(("float", n.to_string()));
        }
        rows.push(row);
    }
    let book = root.path().join("pack.ods");
    write_ods(&book, &rows);
    let mapping = root.path().join("kestrel-monthly.yaml");
    std::fs::write(
        &mapping,
        MONTHLY_MAPPING.replace("format: xlsx", "format: ods"),
    )
    .unwrap();
    let out = import(root.path(), &book, &mapping, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (month, s) in &monthly_sums(&weeks) {
        let text = read(
            root.path(),
            &format!("content/brightline/periods/{month}.yaml"),
        );
        assert!(
            text.contains(&format!(
                "  service_level: {{ good: {}, total: {} }}\n",
                s[1], s[0]
            )),
            "{month}: {text}"
        );
        assert!((figure(&text, "worked") - s[5]).abs() < 1e-9, "{text}");
    }
}

/// The same weeks in the old Excel format (BIFF), written by
/// tests/fixtures/import/make-kestrel-xls.py: a committed file, since no
/// well-kept Rust crate writes .xls.
#[test]
fn monthly_xls_reads_like_the_xlsx() {
    let root = repo();
    let mapping = root.path().join("kestrel-monthly.yaml");
    std::fs::write(
        &mapping,
        MONTHLY_MAPPING.replace("format: xlsx", "format: xls"),
    )
    .unwrap();
    let book = fixtures().join("kestrel-monthly.xls");
    let out = import(root.path(), &book, &mapping, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sums = monthly_sums(&weeks());
    assert_eq!(sums.len(), 3);
    for (month, s) in &sums {
        let text = read(
            root.path(),
            &format!("content/brightline/periods/{month}.yaml"),
        );
        assert!(
            text.contains(&format!(
                "  abandonment: {{ good: {}, total: {} }}\n",
                s[2], s[0]
            )),
            "{month}: {text}"
        );
        let aht = figure(&text, "aht_seconds");
        assert!((aht - s[3] / s[4]).abs() < 0.0001, "{month}: {aht} {s:?}");
        assert!((figure(&text, "worked") - s[5]).abs() < 1e-9, "{text}");
    }
}

/// The mapping schema `rapporteur schema` writes.
fn mapping_schema() -> jsonschema::Validator {
    let dir = tempfile::tempdir().unwrap();
    let out = rapporteur(&["schema", "--out", "schemas"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text =
        std::fs::read_to_string(dir.path().join("schemas/import-mapping.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .build(&schema)
        .unwrap_or_else(|e| panic!("not a valid schema: {e}"))
}

fn schema_errors(schema: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let value: serde_json::Value = rapporteur::yaml::from_str(yaml).unwrap();
    schema
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn every_example_mapping_validates_against_the_mapping_schema() {
    let schema = mapping_schema();
    let mut checked = 0;
    for e in std::fs::read_dir(fixtures()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let errors = schema_errors(&schema, &text);
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "the ACD and ITSM mappings");
    assert!(schema_errors(&schema, MONTHLY_MAPPING).is_empty());
    // The mapping `rapporteur init` writes.
    let dir = tempfile::tempdir().unwrap();
    let out = rapporteur(&["init", "repo", "--quiet"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(dir.path(), "repo/mappings/pay-runs.yaml");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../schemas/import-mapping.schema.json\n")
    );
    let errors = schema_errors(&schema, &text);
    assert!(errors.is_empty(), "init's mapping: {errors:#?}");
    // What the loader refuses, the schema refuses.
    for bad in [
        "engagement: a\ndate: { column: D }\nkpis: { x: { column: C, aggregate: median } }\n",
        "engagement: a\ndate: { column: D }\nformat: numbers\n",
        "engagement: a\ndate: { column: D, fromat: \"%d\" }\n",
        "engagement: a\ndate: { column: D }\nsheets: Monthly\n",
        "date: { column: D }\n",
        "engagement: a\ndate: { column: D }\nkpis: { x: { good: A, total: { count: all } } }\n",
    ] {
        assert!(!schema_errors(&schema, bad).is_empty(), "accepted {bad}");
    }
}

/// A Windows-1252 export: a name in a column the mapping does not read is
/// harmless; a byte that is not UTF-8 where it reads is a bad cell.
#[test]
fn bytes_that_are_not_utf8_are_bad_only_where_the_mapping_reads_them() {
    let root = repo();
    let csv = root.path().join("acd.csv");
    let mut bytes =
        b"Interval Start,Offered,Answered in 20s,Abandoned,AHT,Handled,Agent\n".to_vec();
    bytes.extend_from_slice(b"01/02/2026 00:00,10,8,1,300,9,Jos\xe9\n");
    std::fs::write(&csv, &bytes).unwrap();
    let mapping = fixtures().join("acd-queues.yaml");
    let out = import(root.path(), &csv, &mapping, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(root.path(), "content/brightline/periods/2026-02.yaml");
    assert!(
        text.contains("service_level: { good: 8, total: 10 }"),
        "{text}"
    );

    bytes.extend_from_slice(b"02/02/2026 00:00,1\xe90,8,1,300,9,Ana\n");
    std::fs::write(&csv, &bytes).unwrap();
    let out = import(root.path(), &csv, &mapping, &["--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let needle = format!("{}:3:Offered:", csv.display());
    assert!(err.contains(&needle) && err.contains("UTF-8"), "{err}");
    assert_eq!(
        read(root.path(), "content/brightline/periods/2026-02.yaml"),
        text,
        "a refused import writes nothing"
    );
}

/// A restatement of a signed month is allowed with --force, never silent.
#[test]
fn forcing_new_figures_into_a_signed_month_warns_of_the_sign_off() {
    let root = repo();
    let rel = "content/brightline/periods/2026-02.yaml";
    let signed = format!(
        "{COMMENTED}sign_off:\n  provider: {{ by: Ana Ruiz, date: 2026-03-03 }}\n  client: {{ by: Ben Cole, date: 2026-03-05 }}\n"
    );
    std::fs::write(root.path().join(rel), &signed).unwrap();
    let out = acd(root.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "warning: {rel}:1:1: 2026-02 was signed off by the provider and the client: --force restates"
        )),
        "{err}"
    );
    assert!(read(root.path(), rel).contains("  client: { by: Ben Cole, date: 2026-03-05 }\n"));
    // Run again, nothing differs: nothing is restated, nothing to warn of.
    let out = acd(root.path(), &["--force"]);
    assert!(!stderr(&out).contains("signed off"), "{}", stderr(&out));
}
