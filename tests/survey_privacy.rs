//! The survey's privacy floor: a side with fewer responses than
//! `survey.min_responses` shows "fewer than N responses" and nothing else.
//!
//! The fixture's provider side answers the March survey with 7 responses
//! under a floor of 8. Its comments hold a unique word, its means are
//! figures nothing else has (trust 19/7 = 2.714…, communication 13/7 =
//! 1.857…) and its NPS is −57 (4 detractors of 7). Every byte and file name
//! of the internal, shared and client-scoped builds, of `export` (JSON and
//! CSV) and of `diff` (Markdown and JSON, internal and shared, against a
//! git base without the survey) is searched. Roles are never shown, and
//! comments come in an order that is not the file's.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use rapporteur::model::Audience;

const AS_OF: &str = "2026-04-15";

/// What the provider's 7 responses would show if they leaked.
const WITHHELD: &[&str] = &[
    "quokkazanzibar",
    // Means: trust 19/7, communication 13/7, as a page, chart or JSON writes them.
    "2.71",
    "2.714",
    "1.86",
    "1.857",
    // NPS −57 (with either minus sign) and its answer count.
    "−57",
    "-57",
    "(7 answers)",
    "7 responses",
];

/// Never shown, whatever the floor.
const ROLES: &[&str] = &["canary-role"];

/// An internal response's comment: not in a shared build.
const INTERNAL_COMMENT: &str = "canary-internal-remark";

const ENGAGEMENT: &str = "\
name: Survey Desk
client: { name: Alpha Corp, owner: Ann Alpha }
provider: { name: Prov One, owner: Pat Prov }
phase: steady
start: 2025-06-01
audience: shared
kpis:
  - { id: quality, name: Quality, unit: \"%\", target: 95, sla: true }
";

/// The client's 8 shared responses (trust and communication 4, NPS 9)
/// with comments in an order that is not alphabetical, one internal
/// response, and the provider's 7 below the floor of 8.
fn march() -> String {
    let mut text = String::from("period: 2026-03\nkpis: { quality: 99 }\nsurvey:\n  responses:\n");
    let comments = [
        "zulu client remark",
        "alpha client remark",
        "mike client remark",
    ];
    for i in 0..8 {
        let comment = comments
            .get(i)
            .map(|c| format!(", comment: \"{c}\""))
            .unwrap_or_default();
        text.push_str(&format!(
            "    - {{ side: client, role: canary-role-client-{i}, trust: 4, communication: 4, \
             nps: 9{comment}, audience: shared }}\n"
        ));
    }
    text.push_str(&format!(
        "    - {{ side: client, role: canary-role-client-x, trust: 4, communication: 4, nps: 9, \
         comment: \"{INTERNAL_COMMENT}\", audience: internal }}\n"
    ));
    let trust = [1, 2, 3, 4, 5, 2, 2]; // 19
    let communication = [1, 1, 2, 2, 2, 2, 3]; // 13
    let nps = [0, 1, 2, 3, 7, 8, 8]; // 4 detractors, 0 promoters: −57
    for i in 0..7 {
        let comment = if i < 2 {
            format!(", comment: \"quokkazanzibar number {i}\"")
        } else {
            String::new()
        };
        text.push_str(&format!(
            "    - {{ side: provider, role: canary-role-provider-{i}, trust: {}, communication: \
             {}, nps: {}{comment}, audience: shared }}\n",
            trust[i], communication[i], nps[i]
        ));
    }
    text
}

/// February: both sides above the floor, so the NPS history and the
/// previous month have a provider figure of their own (8 responses, NPS
/// 0). Trust: client 4 and 4, provider 3 and 3 → (75 + 75 + 50 + 50) / 4
/// − 12.5 × 1 = 50, the score the diff's base shows.
fn february() -> String {
    let mut text = String::from("period: 2026-02\nkpis: { quality: 99 }\nsurvey:\n  responses:\n");
    for (side, score) in [("client", 4), ("provider", 3)] {
        for _ in 0..8 {
            text.push_str(&format!(
                "    - {{ side: {side}, trust: {score}, communication: {score}, nps: 8, \
                 audience: shared }}\n"
            ));
        }
    }
    text
}

/// The repository without March's survey (the git base of the diff).
fn base_files() -> Vec<(&'static str, String)> {
    vec![
        (
            "rapporteur.yaml",
            "title: Survey privacy\nsurvey: { min_responses: 8 }\n".to_string(),
        ),
        (
            "content/survey-desk/engagement.yaml",
            ENGAGEMENT.to_string(),
        ),
        ("content/survey-desk/periods/2026-02.yaml", february()),
        (
            "content/survey-desk/periods/2026-03.yaml",
            "period: 2026-03\nkpis: { quality: 99 }\n".to_string(),
        ),
    ]
}

fn fixture() -> tempfile::TempDir {
    let files = base_files();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = repo(&refs);
    std::fs::write(
        dir.path().join("content/survey-desk/periods/2026-03.yaml"),
        march(),
    )
    .unwrap();
    dir
}

/// Every file name and content, lowercased.
fn haystack(files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut all = String::new();
    for (path, bytes) in files {
        all.push_str(&path.to_lowercase());
        all.push('\n');
        all.push_str(&String::from_utf8_lossy(bytes).to_lowercase());
        all.push('\n');
    }
    all
}

fn leaks(what: &str, text: &str, canaries: &[&str]) -> Vec<String> {
    canaries
        .iter()
        .filter(|c| text.contains(&c.to_lowercase()))
        .map(|c| {
            let at = text.find(&c.to_lowercase()).unwrap_or(0);
            let mut from = at.saturating_sub(80);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (at + 80).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            format!("{what}: `{c}` in …{}…", &text[from..to])
        })
        .collect()
}

type Tweak = fn(&mut rapporteur::site::BuildOptions);

fn run(root: &Path, args: &[&str]) -> String {
    let out = rapporteur(args, root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "rapporteur {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_side_below_the_floor_leaves_no_trace_in_any_output() {
    let root = fixture();
    let mut found = Vec::new();
    let mut missing = Vec::new();
    let builds: [(&str, Tweak); 3] = [
        ("internal build", |_| {}),
        ("shared build", |o| o.audience = Audience::Shared),
        ("client build", |o| o.client = Some("Alpha Corp".into())),
    ];
    for (what, tweak) in &builds {
        let built = build_with(root.path(), AS_OF, tweak);
        let text = haystack(&built.files);
        found.extend(leaks(what, &text, WITHHELD));
        found.extend(leaks(what, &text, ROLES));
        // What is shown is shown: the floor, the client's comments, the pack,
        // and trust from the client alone: (4 − 1) × 25 = 75, no gap.
        let page = built.page("engagements/survey-desk/index.html");
        for shown in [
            "fewer than 8 responses",
            "alpha client remark",
            "Score <strong>75</strong>",
        ] {
            if !page.contains(shown) {
                missing.push(format!("{what}: `{shown}` is not on the page"));
            }
        }
        if !built
            .files
            .contains_key("engagements/survey-desk/review/2026-Q1.html")
        {
            missing.push(format!("{what}: no pack of the quarter with the survey"));
        }
        if *what == "shared build" {
            found.extend(leaks(what, &text, &[INTERNAL_COMMENT]));
        } else if !text.contains(INTERNAL_COMMENT) {
            missing.push(format!("{what} shows no internal comment"));
        }
    }
    for audience in ["internal", "shared"] {
        for format in ["json", "csv"] {
            let out = run(
                root.path(),
                &[
                    "export",
                    "--format",
                    format,
                    "--as-of",
                    AS_OF,
                    "--audience",
                    audience,
                ],
            );
            let what = format!("export {format} {audience}");
            found.extend(leaks(&what, &out.to_lowercase(), WITHHELD));
            found.extend(leaks(&what, &out.to_lowercase(), ROLES));
        }
    }
    // The diff: March's survey added since the git base.
    let base = repo(&[]);
    for (path, text) in base_files() {
        let p = base.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    git(base.path(), &["init", "-q"]);
    git(base.path(), &["add", "-A"]);
    git(base.path(), &["commit", "-q", "-m", "base"]);
    std::fs::write(
        base.path().join("content/survey-desk/periods/2026-03.yaml"),
        march(),
    )
    .unwrap();
    for audience in ["internal", "shared"] {
        for format in ["markdown", "json"] {
            let out = run(
                base.path(),
                &[
                    "diff",
                    "--base",
                    "HEAD",
                    "--as-of",
                    AS_OF,
                    "--format",
                    format,
                    "--audience",
                    audience,
                ],
            );
            let what = format!("diff {format} {audience}");
            // March's survey is listed (the client's count) and moves trust
            // from February's 50 to 75.
            if !(out.contains("2026-03") && out.contains("75")) {
                missing.push(format!("{what} lists no change of March: {out}"));
            }
            found.extend(leaks(&what, &out.to_lowercase(), WITHHELD));
            found.extend(leaks(&what, &out.to_lowercase(), ROLES));
        }
    }
    assert!(found.is_empty(), "leaked:\n{}", found.join("\n"));
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn comments_come_sorted_by_text_not_in_the_files_order() {
    let root = fixture();
    let built = build_with(root.path(), AS_OF, |_| {});
    let page = built.page("engagements/survey-desk/index.html");
    let at = |c: &str| page.find(c).unwrap_or_else(|| panic!("{c} is not shown"));
    // The file says zulu, alpha, mike.
    assert!(at("alpha client remark") < at("mike client remark"));
    assert!(at("mike client remark") < at("zulu client remark"));
    let json = run(
        root.path(),
        &["export", "--format", "json", "--as-of", AS_OF],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sides = &json["engagements"][0]["trust"]["sides"];
    assert_eq!(
        sides[0]["comments"],
        serde_json::json!([
            "alpha client remark",
            "canary-internal-remark",
            "mike client remark",
            "zulu client remark"
        ])
    );
    assert_eq!(sides[0]["responses"], 9);
    assert_eq!(sides[0]["nps"], 100);
    assert_eq!(sides[1]["form"], "below-floor");
    assert_eq!(sides[1]["nps"], serde_json::Value::Null);
    // February's provider NPS is shown; March's is not.
    assert_eq!(
        json["engagements"][0]["trust"]["nps"],
        serde_json::json!([
            { "month": "2026-02", "client": 0, "provider": 0 },
            { "month": "2026-03", "client": 100, "provider": null }
        ])
    );
}
