//! `rapporteur diff` on a real git repository the test creates: only what
//! changed, as Markdown.

use std::path::Path;
use std::process::Command;

use super::common::git;
use super::{common, ok, stderr};

const AS_OF: &str = "2026-04-15";

fn write(root: &Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const RECORD: &str = "name: Acme Payroll
client: { name: Acme }
provider: { name: BPSource }
phase: steady
start: 2025-01-01
kpis:
  - { id: acc, name: Accuracy, unit: \"%\", target: 99, warn: 98, sla: true }
risks:
  - { id: old-risk, title: Legacy payroll system, likelihood: 2, impact: 3, owner: provider, status: open }
";

/// A repository whose report root is a subfolder, with two commits.
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let root = top.join("reports");
    write(&root, "content/acme/engagement.yaml", RECORD);
    write(
        &root,
        "content/acme/periods/2026-02.yaml",
        "period: 2026-02\nkpis: { acc: 99.5 }\n",
    );
    write(
        &root,
        "content/acme/periods/2026-03.yaml",
        "period: 2026-03\nkpis: { acc: 99.4 }\n",
    );
    write(
        &root,
        "content/calm/engagement.yaml",
        "name: Calm\nclient: { name: C }\nprovider: { name: P }\nphase: steady\n",
    );
    write(top, "README.md", "not a report\n");
    git(top, &["init", "-q", "-b", "main"]);
    git(top, &["add", "."]);
    git(top, &["commit", "-q", "-m", "March figures"]);

    // The change: March misses the SLA, a risk closes, a new one opens, an action falls overdue.
    write(
        &root,
        "content/acme/periods/2026-03.yaml",
        "period: 2026-03\nkpis: { acc: 95.2 }\n",
    );
    write(
        &root,
        "content/acme/engagement.yaml",
        &(RECORD.replace("status: open }", "status: closed }")
            + "  - { id: new-risk, title: Tax filings rely on one SME, likelihood: 4, impact: 4, owner: provider, status: open }\n"),
    );
    write(
        &root,
        "content/acme/notes/2026-03-20-review.md",
        "---\ntitle: Review\ndate: 2026-03-20\nkind: review\n---\n- [ ] Ravi: send the *cut-off* calendar (due 2026-04-01)\n",
    );
    git(top, &["add", "."]);
    git(top, &["commit", "-q", "-m", "March figures corrected"]);
    dir
}

#[test]
fn diff_lists_only_what_changed_between_two_revisions() {
    let dir = history();
    let root = dir.path().join("reports");
    let md = ok(
        &[
            "diff", "--base", "HEAD~1", "--head", "main", "--as-of", AS_OF,
        ],
        &root,
    );
    assert!(
        md.starts_with("<!-- rapporteur-diff -->\n## Relationship figures: what changed\n"),
        "{md}"
    );
    assert!(md.contains("`HEAD~1 ("), "{md}");
    assert!(md.contains("### Acme Payroll (`acme`)"), "{md}");
    assert!(
        !md.contains("Calm"),
        "unchanged engagements are left out:\n{md}"
    );
    assert!(md.contains("- Health: 97 (green) → 54 (amber)"), "{md}");
    assert!(
        md.contains("- Health component performance: 100 → 50 — "),
        "component with its reasons:\n{md}"
    );
    assert!(
        md.contains("- Accuracy, latest status: green (2026-03: 99.4%) → red (2026-03: 95.2%)"),
        "{md}"
    );
    assert!(
        md.contains("- New SLA breach: Accuracy, 2026-03: 95.2% (red)"),
        "{md}"
    );
    assert!(
        md.contains("- **restated** Value Accuracy, 2026-03: 99.4% → 95.2% · `content/acme/periods/2026-03.yaml:2`"),
        "{md}"
    );
    assert!(
        md.contains("- Note 2026-03-20-review added: Review (2026-03-20, review) · `content/acme/notes/2026-03-20-review.md:2`"),
        "{md}"
    );
    assert!(
        md.contains("- Flag raised: 1 action is overdue (warning)"),
        "{md}"
    );
    assert!(
        md.contains(
            "- Risk new-risk added: Tax filings rely on one SME · `content/acme/engagement.yaml:10`"
        ),
        "{md}"
    );
    assert!(
        md.contains("- Flag raised: Critical risk: Tax filings rely on one SME (critical)"),
        "{md}"
    );
    assert!(
        md.contains("- Risk old-risk › status: open → closed · `content/acme/engagement.yaml:9`"),
        "{md}"
    );

    // The same revision on both sides: nothing changed.
    let same = ok(
        &["diff", "--base", "HEAD", "--head", "HEAD", "--as-of", AS_OF],
        &root,
    );
    assert!(
        same.ends_with("No input changed and no figure moved.\n"),
        "{same}"
    );
}

#[test]
fn diff_against_the_working_tree_sees_uncommitted_edits() {
    let dir = history();
    let root = dir.path().join("reports");
    let clean = ok(&["diff", "--base", "HEAD", "--as-of", AS_OF], &root);
    assert!(clean.contains("→ `working tree`"), "{clean}");
    assert!(
        clean.ends_with("No input changed and no figure moved.\n"),
        "{clean}"
    );
    write(
        &root,
        "content/acme/periods/2026-03.yaml",
        "period: 2026-03\nkpis: { acc: 99.9 }\n",
    );
    let md = ok(&["diff", "--base", "HEAD", "--as-of", AS_OF], &root);
    assert!(
        md.contains("- Accuracy, latest status: red (2026-03: 95.2%) → green (2026-03: 99.9%)"),
        "{md}"
    );
    // Reading a revision leaves the repository as it was.
    let status = Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        " M reports/content/acme/periods/2026-03.yaml\n"
    );
}

#[test]
fn diff_explains_bad_revisions_and_folders_outside_git() {
    let dir = history();
    let root = dir.path().join("reports");
    let out = common::rapporteur(&["diff", "--base", "no-such-branch"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`no-such-branch` is not a commit"),
        "{}",
        stderr(&out)
    );
    let outside = tempfile::tempdir().unwrap();
    let out = common::rapporteur(
        &["diff", "--base", "HEAD", "--root", root.to_str().unwrap()],
        outside.path(),
    );
    super::assert_success(&out, &["diff", "--root"]);
    let plain = common::repo(&[("content/a/engagement.yaml", "name: A\n")]);
    let out = common::rapporteur(&["diff", "--base", "HEAD"], plain.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not inside a git repository"),
        "{}",
        stderr(&out)
    );
}
