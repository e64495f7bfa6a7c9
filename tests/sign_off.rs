//! Sign-off and disputes end to end: the example's provisional and
//! disputed months on the built pages, in the flags and in the export; and
//! a restatement of a signed-off month in a git history made here, which
//! `diff --strict` holds until both sides sign the month off again.

mod common;

use std::path::Path;
use std::process::Output;

use common::{copy_tree, example, git, rapporteur, repo_root};

/// The table row with `id`.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("id=\"{id}\"")).expect(id);
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_example_marks_its_provisional_and_disputed_months() {
    let built = example();
    let brightline = built.page("engagements/brightline-customer-care/index.html");
    assert!(
        brightline.contains(
            "Figures of 2026-10 disputed by the client: Queue 7 calls missing from the \
             telephony export"
        ),
        "the dispute is flagged"
    );
    // The service level's latest value (2026-10) is the disputed one; the
    // month's other KPIs are provisional while the dispute is open.
    let sl = row(&brightline, "kpi-service_level");
    assert!(sl.contains("58.4%"), "{sl}");
    assert!(sl.contains(">disputed</span>"), "{sl}");
    let aht = row(&brightline, "kpi-aht");
    assert!(aht.contains(">provisional</span>"), "{aht}");
    assert!(!aht.contains(">disputed</span>"), "{aht}");
    // The chart's table says why, and its legend names the marker.
    assert!(brightline.contains("disputed by the client: Queue 7 calls missing"));
    assert!(brightline.contains(">Disputed</text>"));

    let marlowe = built.page("engagements/marlowe-finance-ops/index.html");
    assert!(marlowe.contains("Figures of 2026-10 not agreed by the client"));
    assert!(marlowe.contains("provisional: not signed off by the client"));
    assert!(marlowe.contains(">Provisional</text>"));

    // A month signed off by both is not marked, and its engagement has no
    // sign-off flag.
    let payroll = built.page("engagements/calloway-payroll/index.html");
    assert!(!payroll.contains("sign-off-provisional"));
    assert!(!payroll.contains("not agreed by the"));
}

#[test]
fn the_export_carries_each_month_s_state() {
    let built = example();
    let json: serde_json::Value =
        serde_json::from_str(&built.page("data/engagements/brightline-customer-care.json"))
            .unwrap();
    let months = json["sign_off"]["months"].as_array().unwrap();
    let state = |m: &str| {
        months
            .iter()
            .find(|x| x["month"] == m)
            .map(|x| x["state"].as_str().unwrap().to_string())
    };
    assert_eq!(state("2026-10").as_deref(), Some("disputed"));
    assert_eq!(state("2026-09").as_deref(), Some("agreed"));
    assert_eq!(json["sign_off"]["sign_off_days"], 10);
    let csv = built.page("data/sign_off.csv");
    assert!(
        csv.lines().any(|l| l.starts_with(
            "marlowe-finance-ops,2026-10,provisional,Anil Kapoor,2026-11-04,,,2026-11-10,client,"
        )),
        "{csv}"
    );
    assert!(csv.contains(
        "brightline-customer-care,2026-10,disputed,Marisol Vega,2026-11-04,,,2026-11-10,,\
         client 2026-11-06 [service_level]: Queue 7 calls missing from the telephony export"
    ));
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} holds {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_signed_off_month_restated_holds_diff_strict_until_both_sides_sign_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_tree(&repo_root().join("content"), &root.join("content"));
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "the example"]);

    // The provider restates September's service level, signed off by both.
    let rel = "content/brightline-customer-care/periods/2026-09.yaml";
    edit(
        root,
        rel,
        "service_level: { good: 8226, total: 13420 }",
        "service_level: { good: 5502, total: 13420 }",
    );
    git(root, &["commit", "-q", "-am", "restate September"]);
    let diff = |base: &str| {
        rapporteur(
            &[
                "diff",
                "--base",
                base,
                "--head",
                "HEAD",
                "--strict",
                "--as-of",
                "2026-11-23",
            ],
            root,
        )
    };
    let out = diff("HEAD~1");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("changed after sign-off"))
        .unwrap_or_else(|| panic!("no change marked after sign-off:\n{text}"));
    assert!(line.contains("2026-09"), "{line}");
    assert!(line.contains(&format!("`{rel}:3`")), "{line}");
    // Without --strict the same diff is a report, not a failure.
    let plain = rapporteur(
        &[
            "diff",
            "--base",
            "HEAD~1",
            "--head",
            "HEAD",
            "--as-of",
            "2026-11-23",
        ],
        root,
    );
    assert_eq!(plain.status.code(), Some(0), "{}", stdout(&plain));

    // Renewing only the provider's sign-off is not enough ...
    edit(
        root,
        rel,
        "provider: { by: Marisol Vega, date: 2026-10-04 }",
        "provider: { by: Marisol Vega, date: 2026-11-20 }",
    );
    git(root, &["commit", "-q", "-am", "provider signs again"]);
    assert_eq!(diff("HEAD~2").status.code(), Some(1));
    // ... both sides, each on a later day, agree the restated figure.
    edit(
        root,
        rel,
        "client:   { by: Gareth Lloyd, date: 2026-10-06 }",
        "client:   { by: Gareth Lloyd, date: 2026-11-21 }",
    );
    git(root, &["commit", "-q", "-am", "client signs again"]);
    let out = diff("HEAD~3");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains("changed after sign-off"), "{text}");
}
