//! `rapporteur diff` on a real git repository made here from the example
//! portfolio: every changed input with the head's file and line (a restated
//! past month marked so even when no status moves), the figures it moved
//! (credits accrued and payable included), notes added, removed and edited,
//! the shared audience's diff without internal items, and JSON carrying the
//! same changes as Markdown.

mod common;

use std::path::Path;

use common::{EXAMPLE_AS_OF, example_copy, git, rapporteur};
use serde_json::Value;

const BRIGHTLINE: &str = "content/brightline-customer-care";
const OCTOBER: &str = "content/brightline-customer-care/periods/2026-10.yaml";
const SL_OCTOBER: &str = "service_level: { good: 5840, total: 10000 }";

/// The example portfolio committed into a fresh git repository.
fn example_repo() -> tempfile::TempDir {
    let dir = example_copy();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "base"]);
    dir
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The line of `rel` that holds `needle`, 1-based.
fn line_of(root: &Path, rel: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// `diff --base HEAD` against the working tree, as Markdown and as JSON.
fn diff(root: &Path, extra: &[&str]) -> (String, Value) {
    let run = |format: &str| {
        let mut args = vec![
            "diff",
            "--base",
            "HEAD",
            "--as-of",
            EXAMPLE_AS_OF,
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        let out = rapporteur(&args, root);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let markdown = run("markdown");
    let json = serde_json::from_str(&run("json")).unwrap();
    (markdown, json)
}

fn engagement<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the diff: {json:#}"))
}

fn inputs<'a>(json: &'a Value, id: &str) -> &'a Vec<Value> {
    engagement(json, id)["inputs"].as_array().unwrap()
}

fn figures(json: &Value, id: &str) -> Vec<String> {
    engagement(json, id)["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}|{}|{}",
                f["subject"].as_str().unwrap(),
                f["before"].as_str().unwrap_or("none"),
                f["after"].as_str().unwrap_or("none")
            )
        })
        .collect()
}

#[test]
fn a_restated_past_month_is_listed_with_its_file_and_line_though_it_stays_red() {
    let dir = example_repo();
    let root = dir.path();
    // October as it stood before anyone signed it off (the example's
    // provider has signed: a change then would also be held, see the end).
    edit(
        root,
        OCTOBER,
        "  provider: { by: Marisol Vega, date: 2026-11-04 }\n",
        "",
    );
    git(root, &["commit", "-q", "-am", "October not signed off yet"]);
    edit(
        root,
        OCTOBER,
        SL_OCTOBER,
        "service_level: { good: 4100, total: 10000 }",
    );
    let (markdown, json) = diff(root, &[]);
    let line = line_of(root, OCTOBER, "service_level:");
    assert!(
        markdown.contains(&format!(
            "- **restated** Value Calls answered within 20 seconds, 2026-10: 58.4% (5,840 of \
             10,000) → 41% (4,100 of 10,000) · `{OCTOBER}:{line}`"
        )),
        "{markdown}"
    );
    let changes = inputs(&json, "brightline-customer-care");
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let c = &changes[0];
    assert_eq!(c["kind"], "kpi-value");
    assert_eq!(c["month"], "2026-10");
    assert_eq!(c["marks"], serde_json::json!(["restated"]));
    assert_eq!(c["at"]["file"], OCTOBER);
    assert_eq!(c["at"]["line"], line);
    // It stays red: no status, health or credit moved.
    let moved = figures(&json, "brightline-customer-care");
    assert!(
        moved.contains(&"Calls answered within 20 seconds, 2026-10|58.4% red|41% red".to_string()),
        "{moved:#?}"
    );
    assert!(
        !moved
            .iter()
            .any(|f| f.starts_with("Health") || f.starts_with("Credit")),
        "{moved:#?}"
    );
    // Restated is not held: only a change after sign-off fails --strict.
    let strict = |base: &str| {
        rapporteur(
            &["diff", "--base", base, "--as-of", EXAMPLE_AS_OF, "--strict"],
            root,
        )
        .status
        .code()
    };
    assert_eq!(strict("HEAD"), Some(0));
    // Against the example as it was, signed by the provider, it is held.
    assert_eq!(strict("HEAD~1"), Some(1));
}

#[test]
fn a_month_turned_green_lists_health_status_attainment_and_the_credits_accrued_and_payable() {
    let dir = example_repo();
    let root = dir.path();
    edit(
        root,
        OCTOBER,
        SL_OCTOBER,
        "service_level: { good: 8500, total: 10000 }",
    );
    let (markdown, json) = diff(root, &[]);
    let moved = figures(&json, "brightline-customer-care");
    for expected in [
        // With the obligations component (54.17, weight 10) beside the others.
        "Health|20 (red)|23 (red)",
        "Calls answered within 20 seconds, 2026-10|58.4% red|85% green",
        "Calls answered within 20 seconds, attainment|20% (2 of 10 months)|30% (3 of 10 months)",
        "Credit accrued, 2026-10|25,440 GBP|17,808 GBP",
        "Credits accrued, last 12 months|66,144 GBP|58,512 GBP",
        "Credit payable, 2026-09|25,440 GBP|13,698 GBP",
        "Credits payable, last 12 months|40,704 GBP|28,962 GBP",
    ] {
        assert!(
            moved.iter().any(|m| m == expected),
            "{expected}: {moved:#?}"
        );
    }
    assert!(
        markdown.contains("- Default gone (no longer below the minimum): Calls answered within 20 seconds, 2026-10"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- Credits payable, last 12 months: 40,704 GBP → 28,962 GBP"),
        "{markdown}"
    );
}

#[test]
fn notes_added_removed_and_edited_are_listed_at_their_lines() {
    let dir = example_repo();
    let root = dir.path();
    let notes = format!("{BRIGHTLINE}/notes");
    let edited = format!("{notes}/2026-10-15-check-in.md");
    edit(
        root,
        &edited,
        "First check-in with Dylan Hughes",
        "First weekly check-in with Dylan Hughes",
    );
    edit(
        root,
        &edited,
        "title: Weekly check-in",
        "title: Weekly check-in (recovery)",
    );
    std::fs::remove_file(root.join(format!("{notes}/2026-09-03-check-in.md"))).unwrap();
    let added = format!("{notes}/2026-11-20-winter-planning.md");
    std::fs::write(
        root.join(&added),
        "---\ntitle: Winter planning\ndate: 2026-11-20\nkind: workshop\naudience: shared\n---\nPlanned the winter peak.\n",
    )
    .unwrap();
    let (markdown, json) = diff(root, &[]);
    let body_line = line_of(root, &edited, "First weekly check-in");
    let title_line = line_of(root, &edited, "title:");
    for expected in [
        format!(
            "- Note 2026-10-15-check-in › title: Weekly check-in → Weekly check-in (recovery) · `{edited}:{title_line}`"
        ),
        "- Note 2026-10-15-check-in › text: ".to_string(),
        format!("· `{edited}:{body_line}`"),
        format!(
            "- Note 2026-09-03-check-in removed: Weekly check-in (2026-09-03, check-in) · (was `{notes}/2026-09-03-check-in.md:2`)"
        ),
        format!(
            "- Note 2026-11-20-winter-planning added: Winter planning (2026-11-20, workshop) · `{added}:2`"
        ),
    ] {
        assert!(markdown.contains(&expected), "{expected}\n{markdown}");
    }
    let notes: Vec<&Value> = inputs(&json, "brightline-customer-care")
        .iter()
        .filter(|c| c["kind"] == "note")
        .collect();
    assert_eq!(notes.len(), 4, "{notes:#?}");
}

#[test]
fn record_and_period_items_are_listed_and_a_shared_diff_leaves_internal_ones_out() {
    let dir = example_repo();
    let root = dir.path();
    let record = format!("{BRIGHTLINE}/engagement.yaml");
    edit(
        root,
        &record,
        "due: 2026-12-15, status: on-track",
        "due: 2026-12-15, status: at-risk",
    );
    // An internal expectation reworded, and an internal risk's likelihood.
    edit(
        root,
        &record,
        "Service credits waived while the billing migration settles",
        "Service credits waived until the migration settles",
    );
    edit(
        root,
        &record,
        "    likelihood: 3\n    impact: 4\n    owner: provider\n    status: open\n    mitigation: Recovery",
        "    likelihood: 4\n    impact: 4\n    owner: provider\n    status: open\n    mitigation: Recovery",
    );
    edit(
        root,
        OCTOBER,
        "hours: { worked: 11420",
        "hours: { worked: 11200",
    );
    let (internal, _) = diff(root, &[]);
    let goal_line = line_of(root, &record, "id: joint-forecast");
    assert!(
        internal.contains(&format!(
            "- Goal joint-forecast › status: on-track → at-risk · `{record}:{goal_line}`"
        )),
        "{internal}"
    );
    assert!(
        internal.contains(
            "- **restated** **changed after sign-off** Hours 2026-10 › worked: 11420 → 11200 · `"
        ),
        "{internal}"
    );
    assert!(
        internal.contains(
            "- Expectation added: Service credits waived until the migration settles · `"
        ),
        "{internal}"
    );
    assert!(
        internal.contains("Risk rebid › likelihood: 3 → 4"),
        "{internal}"
    );
    let (shared, json) = diff(root, &["--audience", "shared"]);
    assert!(
        shared.contains("- Goal joint-forecast › status: on-track → at-risk"),
        "{shared}"
    );
    for secret in [
        "Service credits waived",
        "rebid",
        "Client moves chat in-house",
    ] {
        assert!(
            !shared.contains(secret),
            "{secret} in the shared diff:\n{shared}"
        );
        assert!(
            !json.to_string().contains(secret),
            "{secret} in the shared JSON"
        );
    }
}

/// Markdown and JSON are two renderings of one list of changes.
#[test]
fn json_and_markdown_carry_the_same_changes() {
    let dir = example_repo();
    let root = dir.path();
    edit(
        root,
        OCTOBER,
        SL_OCTOBER,
        "service_level: { good: 8500, total: 10000 }",
    );
    edit(
        root,
        &format!("{BRIGHTLINE}/notes/2026-10-15-check-in.md"),
        "First check-in",
        "First weekly check-in",
    );
    let (markdown, json) = diff(root, &[]);
    let items = markdown.lines().filter(|l| l.starts_with("- ")).count();
    let mut total = 0;
    for e in json["engagements"].as_array().unwrap() {
        for c in e["inputs"].as_array().unwrap() {
            total += 1;
            let at = format!("{}:{}", c["at"]["file"].as_str().unwrap(), c["at"]["line"]);
            let line = markdown
                .lines()
                .find(|l| l.contains(c["subject"].as_str().unwrap()) && l.contains(&at))
                .unwrap_or_else(|| panic!("{c:#} is not in\n{markdown}"));
            for side in ["before", "after"] {
                if let Some(v) = c[side].as_str() {
                    assert!(line.contains(v), "{v} not in {line}");
                }
            }
        }
        for f in e["figures"].as_array().unwrap() {
            total += 1;
            // A flag's line names the flag by its words, not its kind.
            let subject = if f["kind"] == "flag" {
                f["after"].as_str().or(f["before"].as_str()).unwrap()
            } else {
                f["subject"].as_str().unwrap()
            };
            assert!(
                markdown
                    .lines()
                    .any(|l| l.starts_with("- ") && l.contains(subject)),
                "{subject} is not in\n{markdown}"
            );
        }
    }
    assert_eq!(items, total, "{markdown}");
    assert!(total > 10, "{markdown}");
}

#[test]
fn nothing_changed_says_so_and_the_comment_carries_its_marker() {
    let dir = example_repo();
    let (markdown, json) = diff(dir.path(), &[]);
    assert!(
        markdown.starts_with("<!-- rapporteur-diff -->\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("No input changed and no figure moved."),
        "{markdown}"
    );
    assert_eq!(json["engagements"], serde_json::json!([]));
}

#[test]
fn obligation_changes_and_instance_states_are_listed() {
    let dir = example_repo();
    let root = dir.path();
    // The October pack's note no longer fulfils it, and the forecast gets
    // a grace of 10 days (the August one, sent on 3 September, turns on time).
    edit(
        root,
        &format!("{BRIGHTLINE}/notes/2026-10-08-recovery-strategy.md"),
        "fulfils: [mi-pack]\n",
        "",
    );
    edit(
        root,
        &format!("{BRIGHTLINE}/engagement.yaml"),
        "owner: client, every: monthly, due: 2026-08-25 }",
        "owner: client, every: monthly, due: 2026-08-25, grace_days: 10 }",
    );
    let (markdown, json) = diff(root, &[]);
    let changed = inputs(&json, "brightline-customer-care");
    assert!(
        changed.iter().any(|i| i["kind"] == "obligation"
            && i["after"] == "10"
            && i["at"]["line"]
                == line_of(
                    root,
                    &format!("{BRIGHTLINE}/engagement.yaml"),
                    "grace_days: 10"
                )),
        "{changed:#?}"
    );
    let moved = figures(&json, "brightline-customer-care");
    for expected in [
        // The 11-12 check-in now answers October (late), November is overdue.
        "Monthly MI pack, due 2026-10-10|fulfilled|fulfilled late",
        "Monthly MI pack, due 2026-11-10|fulfilled|overdue",
        "Contact volume forecast for the next month, due 2026-08-25|fulfilled late|fulfilled",
        // Provider 3 of 4 → 2 of 4; client 1 of 3 → 2 of 3.
        "Obligations of the provider|3 of 4 on time (75%), 1 late, 0 overdue, 0 waived|2 of 4 on time (50%), 2 late, 0 overdue, 0 waived",
        "Obligations of the client|1 of 3 on time (33%), 1 late, 1 overdue, 0 waived|2 of 3 on time (67%), 0 late, 1 overdue, 0 waived",
    ] {
        assert!(
            moved.iter().any(|m| m == expected),
            "{expected}: {moved:#?}"
        );
    }
    assert!(
        markdown.contains("Monthly MI pack, due 2026-11-10: fulfilled → overdue"),
        "{markdown}"
    );
}
