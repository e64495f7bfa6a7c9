//! Raw HTML never reaches a page unescaped: `<script>` written into every
//! free-text field of the YAML and of a note shows up on every page only as
//! text, unless `markdown.allow_html: true` lets note bodies through.

mod common;

use common::{build_with, repo};

const PAYLOAD: &str = "\"'><script>alert(1)</script>";
const RAW: &str = "<script>alert(1)";
const ESCAPED: &str = "&lt;script&gt;alert(1)";

/// A repository with the payload in every free-text field.
fn hostile_repo(allow_html: bool) -> tempfile::TempDir {
    let p = PAYLOAD.replace('\\', "\\\\").replace('"', "\\\"");
    let q = |s: &str| format!("\"{s} {p}\"");
    let config = format!(
        "title: {}\nmarkdown: {{ allow_html: {allow_html} }}\ndefault_audience: shared\n",
        q("Reports")
    );
    let record = format!(
        "name: {name}\nclient: {{ name: {client}, owner: {cowner} }}\n\
         provider: {{ name: {provider}, owner: {powner} }}\nservices: [{service}]\n\
         phase: mature\nstart: 2024-02-01\n\
         contract: {{ end: 2027-01-31, renewal_notice_days: 90, monthly_fee: 1000, currency: {cur} }}\n\
         cadence: {{ check_in: weekly, review: quarterly }}\ncapacity: {{ hours_per_month: 100 }}\n\
         kpis:\n  - {{ id: accuracy, name: {kname}, unit: {unit}, target: 99, sla: true }}\n\
         goals:\n  - {{ id: g, title: {goal}, due: 2026-12-31, status: on-track, mutual: true }}\n\
         expectations:\n  - {{ text: {exp}, set_by: client, agreed: false }}\n\
         risks:\n  - {{ id: r, title: {risk}, likelihood: 3, impact: 4, owner: provider, \
         status: open, mitigation: {mit}, due: 2026-01-31 }}\n\
         milestones:\n  - {{ date: 2026-10-01, title: {mile}, celebrated: true }}\n",
        name = q("Acme"),
        client = q("Acme Corp"),
        cowner = q("Dana"),
        provider = q("BPSource"),
        powner = q("Ravi"),
        service = q("payroll"),
        cur = q("USD"),
        kname = q("Accuracy"),
        unit = q("%"),
        goal = q("Goal"),
        exp = q("Expectation"),
        risk = q("Risk"),
        mit = q("Mitigation"),
        mile = q("Milestone"),
    );
    let period = format!(
        "period: 2026-10\nkpis: {{ accuracy: 98 }}\nhours: {{ worked: 120 }}\n\
         survey: {{ client: {{ trust: 4 }}, provider: {{ trust: 2 }} }}\n\
         feedback:\n  - {{ from: client, kind: praise, text: {} }}\n",
        q("Feedback")
    );
    let note = format!(
        "---\ntitle: {}\ndate: 2026-10-05\nkind: check-in\nattendees: [{}]\n\
         feedback:\n  - {{ from: provider, kind: concern, text: {} }}\n---\n\
         Inline {PAYLOAD} and *emphasis*.\n\n<div>{PAYLOAD}</div>\n\n\
         ## Actions\n- [ ] Ravi: {PAYLOAD} (due 2026-10-20)\n",
        q("Weekly"),
        q("Dana"),
        q("Concern")
    );
    repo(&[
        ("rapporteur.yaml", config.as_str()),
        ("content/acme/engagement.yaml", record.as_str()),
        ("content/acme/periods/2026-10.yaml", period.as_str()),
        ("content/acme/notes/2026-10-05-weekly.md", note.as_str()),
    ])
}

/// Every page an HTML reader would open: HTML, and XML and SVG documents.
fn pages(built: &common::Built) -> Vec<(&String, String)> {
    built
        .files
        .iter()
        .filter(|(path, _)| [".html", ".xml", ".svg"].iter().any(|e| path.ends_with(e)))
        .map(|(path, bytes)| (path, String::from_utf8_lossy(bytes).into_owned()))
        .collect()
}

#[test]
fn script_in_every_free_text_field_is_escaped_on_every_page() {
    let dir = hostile_repo(false);
    let built = build_with(dir.path(), "2026-11-23", |_| {});
    let pages = pages(&built);
    assert!(pages.len() >= 3, "{:?}", built.files.keys());
    for (path, html) in &pages {
        assert!(!html.contains(RAW), "{path} holds raw <script>");
        assert!(!html.contains("<div>\"'>"), "{path} holds the raw <div>");
        // Every HTML page shows at least the site title, so the payload, as text.
        if path.ends_with(".html") {
            assert!(
                html.contains(ESCAPED),
                "{path} does not show the payload as text"
            );
        }
    }
    // In the feed, HTML content is escaped once for XML: the HTML inside
    // must itself hold the payload escaped, or a feed reader runs it.
    if let Some(feed) = built.files.get("feed.xml") {
        let feed = String::from_utf8_lossy(feed);
        for part in feed.split("<content type=\"html\"").skip(1) {
            let content = part.split("</content>").next().unwrap_or("");
            assert!(
                !content.contains("&lt;script"),
                "feed content runs the script: {content}"
            );
        }
    }
    // Scripts insert data (search-index.js holds the raw text) as text only.
    for (path, bytes) in &built.files {
        if path.ends_with(".js") {
            let js = String::from_utf8_lossy(bytes);
            for sink in [
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
            ] {
                assert!(!js.contains(sink), "{path} uses {sink}");
            }
        }
    }
    let note = built.page("engagements/acme/notes/2026-10-05-weekly.html");
    // The body's inline and block HTML, the title and the action are all text.
    assert!(note.matches(ESCAPED).count() >= 3, "{note}");
    // Which fields a page shows is the theme's business; whichever it shows,
    // none is raw (above), and the report shows at least the parties.
    let report = built.page("engagements/acme/index.html");
    assert!(report.contains("Acme Corp &quot;"), "{report}");
}

#[test]
fn allow_html_lets_note_bodies_through_but_never_yaml_fields() {
    let dir = hostile_repo(true);
    let built = build_with(dir.path(), "2026-11-23", |_| {});
    let note = built.page("engagements/acme/notes/2026-10-05-weekly.html");
    assert!(note.contains(&format!("<div>{PAYLOAD}</div>")), "{note}");
    // The title, from the front matter, stays escaped.
    assert!(note.contains("Weekly &quot;"), "{note}");
    for (path, html) in pages(&built) {
        if !path.contains("/notes/") {
            assert!(!html.contains(RAW), "{path} holds raw <script>");
        }
    }
}
