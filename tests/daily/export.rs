//! `rapporteur export` and the build's `data/` files: the same figures,
//! stable, scoped like the site.

use serde_json::Value;

use super::{common, ok, stderr};

const AS_OF: &str = "2026-04-15";

/// Two engagements; one internal risk with a title CSV must quote.
fn repo() -> tempfile::TempDir {
    let record = |client: &str, risk_title: &str, risk_audience: &str| {
        [
            format!("name: {client} Payroll"),
            format!("client: {{ name: {client} }}"),
            "provider: { name: BPSource }".into(),
            "phase: steady".into(),
            "start: 2025-01-01".into(),
            "contract:".into(),
            "  end: 2027-01-31".into(),
            "  monthly_fee: 1000".into(),
            "  currency: USD".into(),
            "  service_credits: { per_breach_pct: 5, cap_pct: 10 }".into(),
            "kpis:".into(),
            "  - { id: acc, name: Accuracy, unit: \"%\", target: 99, sla: true }".into(),
            "risks:".into(),
            format!(
                "  - {{ id: tax, title: '{risk_title}', likelihood: 4, impact: 4, owner: provider, \
                 status: open, audience: {risk_audience} }}"
            ),
            "  - { id: shared-risk, title: Shared risk, likelihood: 1, impact: 2, owner: both, \
             status: open, audience: shared }"
                .into(),
        ]
        .join("\n")
            + "\n"
    };
    common::repo(&[
        (
            "content/zeta/engagement.yaml",
            &record("Zeta", "Vendor lock-in", "shared"),
        ),
        (
            "content/acme/engagement.yaml",
            &record("Acme", "Tax \"filings\", single SME", "internal"),
        ),
        (
            "content/acme/periods/2026-02.yaml",
            "period: 2026-02\nkpis: { acc: 98 }\n",
        ),
        (
            "content/acme/periods/2026-03.yaml",
            "period: 2026-03\nkpis: { acc: 99.5 }\n",
        ),
        (
            "content/acme/notes/2026-03-02-check-in.md",
            "---\ntitle: Check-in\ndate: 2026-03-02\nkind: check-in\naudience: shared\n---\n\
             - [ ] Ravi: send the calendar (due 2026-03-09)\n",
        ),
    ])
}

#[test]
fn json_export_holds_every_figure_in_a_stable_order() {
    let repo = repo();
    let text = ok(&["export", "--as-of", AS_OF], repo.path());
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], 1);
    assert_eq!(json["as_of"], AS_OF);
    let ids: Vec<_> = json["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(ids, ["acme", "zeta"]);
    let acme = &json["engagements"][0];
    for key in [
        "health",
        "performance",
        "kpis",
        "sla_breaches",
        "credits",
        "workload",
        "communication",
        "feedback",
        "trust",
        "risks",
        "contract",
        "goals",
        "celebrations",
        "actions",
        "flags",
    ] {
        assert!(!acme[key].is_null(), "{key} missing");
    }
    // Every component of docs/metrics.md, obligations included.
    assert_eq!(acme["health"]["components"].as_array().unwrap().len(), 7);
    assert_eq!(acme["sla_breaches"][0]["month"], "2026-02");
    assert_eq!(acme["performance"]["sla_attainment"]["met"], 1);
    assert_eq!(acme["performance"]["sla_attainment"]["reported"], 2);
    assert_eq!(acme["credits"]["total_amount"], 50.0);
    let months = acme["kpis"][0]["months"].as_array().unwrap();
    assert_eq!(months.len(), 13, "12 months and the month in progress");
    assert_eq!(
        months[10]["status"], "amber",
        "98 is between warn (89.1) and target"
    );
    assert_eq!(months[11]["status"], "green");
    assert_eq!(acme["actions"]["items"][0]["state"], "overdue");
    assert!(
        acme["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "sla-breach")
    );

    // Same input, same bytes.
    assert_eq!(text, ok(&["export", "--as-of", AS_OF], repo.path()));
}

#[test]
fn export_honours_audience_client_and_provider() {
    let repo = repo();
    let shared = ok(
        &["export", "--as-of", AS_OF, "--audience", "shared"],
        repo.path(),
    );
    assert!(!shared.contains("single SME") && shared.contains("Vendor lock-in"));
    let json: Value = serde_json::from_str(&shared).unwrap();
    let acme_risks: Vec<_> = json["engagements"][0]["risks"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(acme_risks, ["shared-risk"], "the internal risk is left out");
    assert_eq!(json["scope"]["audience"], "shared");

    let csv = ok(
        &[
            "export",
            "--as-of",
            AS_OF,
            "--audience",
            "shared",
            "--format",
            "csv",
            "--table",
            "risks",
        ],
        repo.path(),
    );
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("acme,")).count(),
        1,
        "{csv}"
    );

    let acme = ok(
        &["export", "--as-of", AS_OF, "--client", "acme"],
        repo.path(),
    );
    let json: Value = serde_json::from_str(&acme).unwrap();
    assert_eq!(json["engagements"].as_array().unwrap().len(), 1);
    let out = common::rapporteur(
        &["export", "--as-of", AS_OF, "--provider", "Nobody"],
        repo.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the providers are: BPSource"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn csv_tables_quote_as_rfc_4180_asks() {
    let repo = repo();
    let risks = ok(
        &[
            "export", "--as-of", AS_OF, "--format", "csv", "--table", "risks",
        ],
        repo.path(),
    );
    let mut lines = risks.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "engagement,risk,title,owner,status,likelihood,impact,score,rating,due,overdue,mitigation"
    );
    assert_eq!(
        lines.next().unwrap(),
        "acme,tax,\"Tax \"\"filings\"\", single SME\",provider,open,4,4,16,critical,,false,"
    );
    assert!(risks.ends_with("\r\n"));
    let default = ok(
        &["export", "--as-of", AS_OF, "--format", "csv"],
        repo.path(),
    );
    assert!(
        default.starts_with("engagement,name,client,provider,phase,health,"),
        "{default}"
    );
    assert_eq!(default.lines().count(), 3);
    let kpis = ok(
        &[
            "export", "--as-of", AS_OF, "--format", "csv", "--table", "kpis",
        ],
        repo.path(),
    );
    assert!(
        kpis.contains(
            "acme,acc,Accuracy,%,provider,true,higher,99,89.1,2026-02,98,amber,false\r\n"
        ),
        "{kpis}"
    );

    let out = common::rapporteur(&["export", "--table", "kpis"], repo.path());
    assert_eq!(out.status.code(), Some(2), "--table needs --format csv");
}

#[test]
fn export_out_writes_a_file_and_never_overwrites_it_without_force() {
    let repo = repo();
    ok(
        &["export", "--as-of", AS_OF, "--out", "figures.json"],
        repo.path(),
    );
    let first = std::fs::read_to_string(repo.path().join("figures.json")).unwrap();
    assert!(first.starts_with("{\n  \"format\": 1,"));
    let out = common::rapporteur(
        &["export", "--as-of", AS_OF, "--out", "figures.json"],
        repo.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    ok(
        &[
            "export",
            "--as-of",
            AS_OF,
            "--out",
            "figures.json",
            "--force",
            "--format",
            "csv",
        ],
        repo.path(),
    );
    assert!(
        std::fs::read_to_string(repo.path().join("figures.json"))
            .unwrap()
            .starts_with("engagement,")
    );
}

#[test]
fn the_build_writes_the_same_figures_under_data() {
    let repo = repo();
    for audience in ["internal", "shared"] {
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        let site_arg = site.to_str().unwrap();
        ok(
            &[
                "build",
                "--as-of",
                AS_OF,
                "--audience",
                audience,
                "--out",
                site_arg,
            ],
            repo.path(),
        );
        let exported = ok(
            &["export", "--as-of", AS_OF, "--audience", audience],
            repo.path(),
        );
        let written = std::fs::read_to_string(site.join("data/portfolio.json")).unwrap();
        assert_eq!(written, exported, "{audience}");
        let acme: Value = serde_json::from_str(
            &std::fs::read_to_string(site.join("data/engagements/acme.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(acme["id"], "acme");
        for table in [
            "engagements",
            "health",
            "kpis",
            "sla",
            "breaches",
            "credits",
            "actions",
            "risks",
            "flags",
        ] {
            let csv = std::fs::read_to_string(site.join(format!("data/{table}.csv"))).unwrap();
            let args = [
                "export",
                "--as-of",
                AS_OF,
                "--audience",
                audience,
                "--format",
                "csv",
                "--table",
                table,
            ];
            assert_eq!(csv, ok(&args, repo.path()), "{table}");
        }
        let risks = std::fs::read_to_string(site.join("data/risks.csv")).unwrap();
        assert_eq!(
            risks.contains("single SME"),
            audience == "internal",
            "{audience}: {risks}"
        );
    }
}
