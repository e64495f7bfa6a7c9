//! Escalations and root causes end to end, in small repositories made
//! here: the engagement page's escalations section and breaches table,
//! the flags' words, and `check`'s diagnostics at file:line:col.

mod common;

use common::{rapporteur, repo, section};

const ENGAGEMENT: &str = "\
name: Acme Payroll
client: { name: Acme Corp, owner: Dana Ruiz }
provider: { name: BPSource Inc., owner: Ravi Menon }
phase: mature
start: 2025-01-01
contract: { end: 2028-01-31, rca_days: 10 }
escalation:
  - { level: 1, name: Service delivery managers, days: 5 }
  - { level: 2, name: Account directors, days: 10 }
kpis:
  - { id: accuracy, name: Payroll accuracy, unit: \"%\", target: 99.5, sla: true }
  - { id: csat, name: Satisfaction, target: 4 }
";

/// Breaches of accuracy in 2026-08 and 2026-09 (due 2026-09-10 and
/// 2026-10-10); October met.
fn periods() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "content/acme/periods/2026-08.yaml",
            "period: 2026-08\nkpis: { accuracy: 99.1 }\n",
        ),
        (
            "content/acme/periods/2026-09.yaml",
            "period: 2026-09\nkpis: { accuracy: 99.2 }\n",
        ),
        (
            "content/acme/periods/2026-10.yaml",
            "period: 2026-10\nkpis: { accuracy: 99.8 }\n",
        ),
    ]
}

fn note(title: &str, date: &str, extra: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n{extra}audience: shared\n---\nText.\n")
}

fn build(files: &[(&str, String)], as_of: &str) -> (tempfile::TempDir, String) {
    let mut all: Vec<(&str, &str)> = vec![("content/acme/engagement.yaml", ENGAGEMENT)];
    all.extend(periods());
    all.extend(files.iter().map(|(p, t)| (*p, t.as_str())));
    let dir = repo(&all);
    let out = rapporteur(&["build", "--as-of", as_of, "--out", "site"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page =
        std::fs::read_to_string(dir.path().join("site/engagements/acme/index.html")).unwrap();
    (dir, page)
}

fn escalations() -> Vec<(&'static str, String)> {
    vec![
        (
            "content/acme/notes/2026-11-01-backlog.md",
            note("Backlog of queries", "2026-11-01", "kind: escalation\n"),
        ),
        (
            "content/acme/notes/2026-10-01-late-files.md",
            note(
                "Late bank files",
                "2026-10-01",
                "kind: escalation\nresolved: 2026-10-04\n",
            ),
        ),
    ]
}

#[test]
fn an_escalation_is_flagged_the_day_after_its_time_box() {
    // Opened 2026-11-01 at level 1 (5 days): the box's last day is 11-06.
    let (_dir, page) = build(&escalations(), "2026-11-06");
    let flags = section(&page, "flags");
    assert!(!flags.contains("past its time box"), "{flags}");
    let (_dir, page) = build(&escalations(), "2026-11-07");
    assert!(
        section(&page, "flags").contains(
            "Escalation “Backlog of queries” past its time box: raise to Account directors"
        ),
        "{}",
        section(&page, "flags")
    );
    let ics = std::fs::read_to_string(_dir.path().join("site/calendar.ics")).unwrap();
    assert!(
        ics.contains("SUMMARY:Escalation time box ends: Backlog of queries\r\nDESCRIPTION:")
            && ics.contains("DTSTART;VALUE=DATE:20261106"),
        "{ics}"
    );
    let csv = std::fs::read_to_string(_dir.path().join("site/data/escalations.csv")).unwrap();
    assert!(
        csv.contains(
            "acme,2026-11-01-backlog,Backlog of queries,1,Service delivery managers,2026-11-01,5,\
             2026-11-06,open,,true,Account directors\r\n"
        ),
        "{csv}"
    );
    let index = std::fs::read_to_string(_dir.path().join("site/index.html")).unwrap();
    assert!(
        index.contains(
            "Escalation past its time box since 2026-11-06: Backlog of queries, at level 1 \
             (Service delivery managers); raise to Account directors"
        ),
        "the attention list names it"
    );
    let table = section(&page, "escalations");
    assert!(
        table.contains("Escalations by level"),
        "the timeline is drawn"
    );
    assert!(
        table.contains("<span class=\"rag rag-amber\">open</span>"),
        "{table}"
    );
    assert!(table.contains("2026-11-06"), "the time box's end: {table}");
    // Resolved in 3 days of its 5: green, with the day.
    assert!(
        table.contains("<span class=\"rag rag-green\">resolved</span> on 2026-10-04"),
        "{table}"
    );
}

#[test]
fn raising_an_escalation_closes_the_lower_level() {
    let mut files = escalations();
    files.push((
        "content/acme/notes/2026-11-05-backlog-directors.md",
        note(
            "Backlog at director level",
            "2026-11-05",
            "kind: escalation\nlevel: 2\nescalates: 2026-11-01-backlog\n",
        ),
    ));
    // Level 2 from 11-05 (10 days): not past on 11-15, past on 11-16.
    let (_dir, page) = build(&files, "2026-11-15");
    let flags = section(&page, "flags");
    assert!(!flags.contains("past its time box"), "{flags}");
    assert!(
        section(&page, "escalations")
            .contains("<span class=\"rag rag-grey\">raised</span> on 2026-11-05")
    );
    let (_dir, page) = build(&files, "2026-11-16");
    assert!(section(&page, "flags").contains(
        "Escalation “Backlog at director level” past its time box: at the top of the ladder"
    ));
}

#[test]
fn the_breaches_table_shows_each_root_cause() {
    let files = vec![(
        "content/acme/notes/2026-10-10-rca.md",
        note(
            "Root cause of September",
            "2026-10-10",
            "rca: { kpi: accuracy, month: 2026-09 }\n",
        ),
    )];
    // On 2026-09-10 August's is due that day, not late.
    let (_dir, page) = build(&files, "2026-09-10");
    let sla = section(&page, "sla");
    assert!(sla.contains("due 2026-09-10"), "{sla}");
    assert!(!section(&page, "flags").contains("No root cause"));
    // On 2026-11-23: August's is late, September's written on its due day.
    let (_dir, page) = build(&files, "2026-11-23");
    let sla = section(&page, "sla");
    assert!(
        sla.contains("<span class=\"rag rag-amber\">no root cause (due 2026-09-10)</span>"),
        "{sla}"
    );
    assert!(
        sla.contains("<a href=\"notes/2026-10-10-rca.html\">Root cause of September</a>"),
        "{sla}"
    );
    assert!(section(&page, "flags").contains(
        "No root cause from BPSource Inc. for the breach of Payroll accuracy in August 2026"
    ));
    let csv = std::fs::read_to_string(_dir.path().join("site/data/root_causes.csv")).unwrap();
    assert!(
        csv.contains("acme,accuracy,2026-08,2026-09-10,missing,,\r\n")
            && csv
                .contains("acme,accuracy,2026-09,2026-10-10,written,2026-10-10-rca,2026-10-10\r\n"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(_dir.path().join("site/data/engagements/acme.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["root_causes"]["breaches"][0]["state"], "missing");
    assert_eq!(json["root_causes"]["rca_days"], 10);
    let ics = std::fs::read_to_string(_dir.path().join("site/calendar.ics")).unwrap();
    assert!(
        ics.contains("SUMMARY:Root cause due: Payroll accuracy in 2026-08"),
        "{ics}"
    );
    assert!(
        !ics.contains("Root cause due: Payroll accuracy in 2026-09"),
        "written: {ics}"
    );
    let index = std::fs::read_to_string(_dir.path().join("site/index.html")).unwrap();
    assert!(
        index.contains(
            "No root cause for the breach of Payroll accuracy in 2026-08, due 2026-09-10"
        )
    );
    // August's written ten days after its due day: outside the window it
    // does not count, so the breach keeps its warning; the table says when.
    let mut late = files.clone();
    late.push((
        "content/acme/notes/2026-09-20-rca.md",
        note(
            "Root cause of August",
            "2026-09-20",
            "rca: { kpi: accuracy, month: 2026-08 }\n",
        ),
    ));
    let (_dir, page) = build(&late, "2026-11-23");
    let sla = section(&page, "sla");
    assert!(
        sla.contains("no root cause: written late, on 2026-09-20 (due 2026-09-10)"),
        "{sla}"
    );
    assert!(section(&page, "flags").contains(
        "No root cause from BPSource Inc. for the breach of Payroll accuracy in August 2026"
    ));
}

#[test]
fn check_names_each_mistake_at_its_place() {
    let engagement = ENGAGEMENT.replace(
        "  - { level: 2, name: Account directors, days: 10 }\n",
        "  - { level: 2, name: Account directors, days: 0 }\n  - { level: 2, name: Board, days: 9 }\n",
    );
    let mut all: Vec<(&str, String)> = vec![("content/acme/engagement.yaml", engagement)];
    all.extend(periods().into_iter().map(|(p, t)| (p, t.to_string())));
    all.push((
        "content/acme/notes/2026-11-01-a.md",
        note(
            "A",
            "2026-11-01",
            "kind: escalation\nlevel: 4\nresolved: 2026-10-30\n",
        ),
    ));
    all.push((
        "content/acme/notes/2026-11-02-b.md",
        note("B", "2026-11-02", "rca: { kpi: csat, month: 2026-09 }\n"),
    ));
    all.push((
        "content/acme/notes/2026-11-03-c.md",
        note(
            "C",
            "2026-11-03",
            "rca: { kpi: accuracy, month: 2026-10 }\n",
        ),
    ));
    let files: Vec<(&str, &str)> = all.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = repo(&files);
    let out = rapporteur(&["check", "--as-of", "2026-11-23"], dir.path());
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for (at, says) in [
        (
            "content/acme/engagement.yaml:9:48",
            "the time box of level 2 is 0 days",
        ),
        (
            "content/acme/engagement.yaml:10:14",
            "level 2 is on the ladder twice (also item 2)",
        ),
        (
            "content/acme/notes/2026-11-01-a.md:5:8",
            "level 4 is not on the escalation ladder",
        ),
        (
            "content/acme/notes/2026-11-01-a.md:6:11",
            "resolved 2026-10-30 is before the escalation was opened (2026-11-01)",
        ),
        (
            "content/acme/notes/2026-11-02-b.md:4:13",
            "`csat` is not an SLA KPI",
        ),
        (
            "content/acme/notes/2026-11-03-c.md:4:30",
            "Payroll accuracy did not breach its SLA in 2026-10",
        ),
    ] {
        assert!(
            text.lines().any(|l| l.contains(at) && l.contains(says)),
            "expected `{at}` with `{says}` in:\n{text}"
        );
    }
}

#[test]
fn diff_reports_an_escalation_resolved_and_a_root_cause_written() {
    let mut all: Vec<(&str, String)> = vec![("content/acme/engagement.yaml", ENGAGEMENT.into())];
    all.extend(periods().into_iter().map(|(p, t)| (p, t.to_string())));
    all.extend(escalations());
    let files: Vec<(&str, &str)> = all.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = repo(&files);
    let root = dir.path();
    common::git(root, &["init", "-q"]);
    common::git(root, &["add", "-A"]);
    common::git(root, &["commit", "-q", "-m", "base"]);
    std::fs::write(
        root.join("content/acme/notes/2026-11-01-backlog.md"),
        note(
            "Backlog of queries",
            "2026-11-01",
            "kind: escalation\nresolved: 2026-11-20\n",
        ),
    )
    .unwrap();
    std::fs::write(
        root.join("content/acme/notes/2026-09-05-rca.md"),
        note(
            "Root cause of August",
            "2026-09-05",
            "rca: { kpi: accuracy, month: 2026-08 }\n",
        ),
    )
    .unwrap();
    let out = rapporteur(
        &[
            "diff",
            "--base",
            "HEAD",
            "--as-of",
            "2026-11-23",
            "--format",
            "json",
        ],
        root,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let figures: Vec<String> = json["engagements"][0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}|{}|{}|{}",
                f["kind"].as_str().unwrap(),
                f["subject"].as_str().unwrap(),
                f["before"].as_str().unwrap_or("none"),
                f["after"].as_str().unwrap_or("none")
            )
        })
        .collect();
    for expected in [
        "escalation|Escalation “Backlog of queries”|level 1 (Service delivery managers), open, \
         past its time box: raise to Account directors|level 1 (Service delivery managers), \
         resolved on 2026-11-20",
        "root-cause|Root cause, Payroll accuracy, 2026-08|no root cause (due 2026-09-10)|\
         written: Root cause of August",
    ] {
        assert!(
            figures.iter().any(|f| f == expected),
            "no `{expected}` in {figures:#?}"
        );
    }
}
