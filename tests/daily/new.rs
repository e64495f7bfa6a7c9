//! `rapporteur new`: notes, periods and engagements from templates, never
//! over a file that exists, and the repository still builds.

use super::{common, ok, scaffold, stderr};

#[test]
fn new_files_build_and_are_never_overwritten() {
    let dir = scaffold();
    let repo = dir.path().join("repo");
    let as_of = ["--as-of", common::EXAMPLE_AS_OF];

    let path = ok(&["new", "period", "acme-payroll", "2026-11"], &repo);
    assert!(
        path.trim()
            .ends_with("content/acme-payroll/periods/2026-11.yaml"),
        "{path}"
    );
    let period =
        std::fs::read_to_string(repo.join("content/acme-payroll/periods/2026-11.yaml")).unwrap();
    assert!(period.starts_with(
        "# yaml-language-server: $schema=../../../schemas/period.schema.json\nperiod: 2026-11\n"
    ));
    for kpi in ["accuracy", "turnaround_days", "approvals_on_time"] {
        assert!(
            period.contains(&format!("\n  {kpi}: null")),
            "{kpi} in {period}"
        );
    }
    assert!(
        period.contains("# hours:")
            && period.contains("# survey:")
            && period.contains("# feedback:")
    );

    let mut args = vec![
        "new",
        "note",
        "acme-payroll",
        "Weekly check-in: cut-off",
        "--kind",
        "check-in",
    ];
    args.extend(as_of);
    ok(&args, &repo);
    let note_path = repo.join("content/acme-payroll/notes/2026-11-23-weekly-check-in-cut-off.md");
    let note = std::fs::read_to_string(&note_path).unwrap();
    assert!(
        note.starts_with(
            "---\n# yaml-language-server: $schema=../../../schemas/note.schema.json\n"
        )
    );
    assert!(note.contains("title: \"Weekly check-in: cut-off\"\ndate: 2026-11-23\nkind: check-in"));

    ok(
        &[
            "new",
            "note",
            "acme-payroll",
            "QBR",
            "--kind",
            "review",
            "--date",
            "2026-11-02",
        ],
        &repo,
    );
    assert!(
        repo.join("content/acme-payroll/notes/2026-11-02-qbr.md")
            .is_file()
    );

    ok(
        &["new", "engagement", "beta-ops", "--as-of", "2026-06-01"],
        &repo,
    );
    let record = std::fs::read_to_string(repo.join("content/beta-ops/engagement.yaml")).unwrap();
    assert!(
        record
            .starts_with("# yaml-language-server: $schema=../../schemas/engagement.schema.json\n")
    );
    assert!(record.contains("start: 2026-06-01"));

    // Everything written builds, warnings and all.
    let out = common::rapporteur(
        &["build", "--as-of", common::EXAMPLE_AS_OF, "--strict"],
        &repo,
    );
    super::assert_success(&out, &["build", "--strict"]);

    // Never overwrite: a note takes the next free name, the file untouched;
    // a period or an engagement that exists is exit 2.
    std::fs::write(&note_path, "mine").unwrap();
    let mut args = vec!["new", "note", "acme-payroll", "Weekly check-in: cut-off"];
    args.extend(as_of);
    let second = ok(&args, &repo);
    assert!(second.trim().ends_with("-cut-off-2.md"), "{second}");
    assert_eq!(std::fs::read_to_string(&note_path).unwrap(), "mine");
    let out = common::rapporteur(&["new", "period", "acme-payroll", "2026-11"], &repo);
    assert_eq!(out.status.code(), Some(2));
    let out = common::rapporteur(&["new", "engagement", "beta-ops"], &repo);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_explains_bad_arguments() {
    let dir = scaffold();
    let repo = dir.path().join("repo");
    let cases: [(&[&str], &str); 4] = [
        (
            &["new", "period", "nope", "2026-11"],
            "the engagements are: acme-payroll",
        ),
        (
            &["new", "period", "acme-payroll", "2026-13"],
            "write it as YYYY-MM",
        ),
        (&["new", "engagement", "Bad Id"], "e.g. `bad-id`"),
        (
            &["new", "note", "acme-payroll", "x", "--date", "soon"],
            "--date `soon` is not a date",
        ),
    ];
    for (args, says) in cases {
        let out = common::rapporteur(args, &repo);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn new_period_refuses_a_month_written_inline() {
    let repo = common::repo(&[(
        "content/acme/engagement.yaml",
        "name: A\nclient: { name: C }\nprovider: { name: P }\nphase: steady\n\
         kpis: [{ id: x, name: X, target: 1 }]\nperiods:\n  - { period: 2026-03, kpis: { x: 1 } }\n",
    )]);
    let out = common::rapporteur(&["new", "period", "acme", "2026-03"], repo.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("already written inline"),
        "{}",
        stderr(&out)
    );
    ok(&["new", "period", "acme", "2026-04"], repo.path());
}
