//! The digest (`digest.html`, `engagements/<id>/digest.html`): the month's
//! changes of the example, self-contained enough to be mailed, and no
//! internal item in the partner's edition.

mod common;

use common::*;
use rapporteur::model::Audience;

/// Every digest of a build: the portfolio's and each engagement's.
fn digests(built: &Built) -> Vec<(&String, String)> {
    built
        .files
        .iter()
        .filter(|(path, _)| path.ends_with("digest.html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes.clone()).unwrap()))
        .collect()
}

#[test]
fn the_digest_is_small_and_self_contained_without_a_base_url() {
    let built = example();
    let all = digests(built);
    // The portfolio's and one per engagement.
    assert_eq!(
        all.len(),
        7,
        "{:?}",
        all.iter().map(|d| d.0).collect::<Vec<_>>()
    );
    for (path, html) in &all {
        assert!(html.len() < 100 * 1024, "{path}: {} bytes", html.len());
        assert!(!html.contains("<script"), "{path} runs a script");
        assert!(
            !html.contains("http"),
            "{path} refers to http without a base URL"
        );
        // No link of any kind: a relative one breaks once the page is mailed.
        for attribute in ["href=", "src=", "<link", "url("] {
            assert!(!html.contains(attribute), "{path} has {attribute}");
        }
        assert!(html.contains("<style>") && html.contains(".rag-red { color: #b3261e;"));
    }
}

#[test]
fn links_are_absolute_with_a_base_url() {
    let base = "https://reports.example.org/kestrel/";
    let built = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.base_url = Some(base.into());
    });
    for (path, html) in digests(&built) {
        let hrefs: Vec<&str> = html
            .split("href=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(!hrefs.is_empty(), "{path} links nothing");
        for href in hrefs {
            assert!(href.starts_with(base), "{path}: {href}");
        }
        assert!(!html.contains("<script") && html.len() < 100 * 1024);
    }
    let digest = built.page("digest.html");
    assert!(digest.contains(&format!(
        "<a href=\"{base}engagements/brightline-customer-care/index.html\">"
    )));
    assert!(digest.contains(&format!(
        "href=\"{base}engagements/brightline-customer-care/notes/2026-11-19-october-service-review.html\""
    )));
}

#[test]
fn the_month_of_the_example_shows_its_breaches_flags_and_notes() {
    let built = example();
    let digest = built.page("digest.html");
    assert!(digest.contains("From 23 October 2026 to 23 November 2026"));
    // Brightline's October: 5,840 of 10,000 calls answered in 20 s against
    // 80%, below the 70% minimum: a new breach and a default.
    let brightline = built.page("engagements/brightline-customer-care/digest.html");
    for page in [&digest, &brightline] {
        let breaches = section_after(page, "New SLA breaches");
        assert!(
            breaches.contains("Calls answered within 20 seconds</th><td>October 2026</td>"),
            "{breaches}"
        );
        assert!(
            breaches.contains("58.4%") && breaches.contains("default</span> below the minimum 70%")
        );
        // September's breach was known a month ago: not new.
        assert!(!breaches.contains("September 2026"));
    }
    // Marlowe's July miss of first-time-right invoices (96.6 against 97)
    // left the 3-month window: its flag is cleared.
    let marlowe = built.page("engagements/marlowe-finance-ops/digest.html");
    let cleared = section_after(&marlowe, "Flags cleared");
    assert!(
        cleared.contains("breached the SLA on Invoices processed first time right in July 2026"),
        "{cleared}"
    );
    // Its notice deadline came within reach in the month: a new flag.
    assert!(section_after(&marlowe, "Flags raised").contains("renewal notice deadline"));
    // The client's monthly forecast (due on the 25th, no grace) is due in
    // the next 14 days like any deadline.
    let due = section_after(&brightline, "Due in the next 14 days");
    assert!(
        due.contains("25 November 2026</th><td>obligation due: Contact volume forecast"),
        "{due}"
    );
    // Notes after 23 October up to 23 November; 22 October's is not.
    let notes = section_after(&brightline, "<h3>Notes</h3>");
    assert!(notes.contains("Monthly service review — October"));
    assert!(notes.contains("Weekly check-in"));
    assert!(
        !notes.contains("Monthly service review — September"),
        "{notes}"
    );
}

/// The text from `heading` to the next heading.
fn section_after<'a>(html: &'a str, heading: &str) -> &'a str {
    let start = html.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let rest = &html[start + heading.len()..];
    &rest[..rest.find("<h3>").unwrap_or(rest.len())]
}

/// Internal items of the leak fixture (tests/audience.rs) dated in the
/// month before 5 February 2026: a note, its feedback, its title.
const INTERNAL: &[&str] = &[
    "canary-note-title-int",
    "canary-slug-int",
    "canary-risk-int",
    "canary-goal-int",
    "canary-milestone-int",
    "canary-owner-int",
    "canary-default-int",
];

#[test]
fn the_shared_digest_holds_no_internal_item() {
    let fixture = repo_root().join("tests/fixtures/leaks");
    let as_of = "2026-02-05";
    let internal = build_with(&fixture, as_of, |_| {});
    let page = internal.page("engagements/alpha-ops/digest.html");
    // The internal digest lists the internal note of the month.
    assert!(
        page.to_lowercase().contains("canary-note-title-int"),
        "{page}"
    );
    let shared = build_with(&fixture, as_of, |o| o.audience = Audience::Shared);
    for (path, html) in digests(&shared) {
        let text = html.to_lowercase();
        let leaked: Vec<_> = INTERNAL.iter().filter(|c| text.contains(*c)).collect();
        assert!(leaked.is_empty(), "{path} leaks {leaked:?}");
        assert!(
            text.contains("shared with the partner"),
            "{path} says whom it is for"
        );
    }
}

/// `--language de`: the digest's words, dates and figures in German.
#[test]
fn the_german_digest_is_worded_in_german() {
    let built = build_with(&repo_root(), "2026-11-23", |o| {
        o.language = Some("de".into());
    });
    let html = built.page("digest.html");
    assert!(html.contains("<html lang=\"de\">"));
    for words in [
        "Was sich im Portfolio geändert hat",
        "Vom 23. Oktober 2026 bis zum 23. November 2026",
        "Neue SLA-Verstöße",
        "58,4%",
        "Fällig in den nächsten",
    ] {
        assert!(html.contains(words), "{words} missing");
    }
    for english in [
        "What changed",
        "New SLA breaches",
        "Flags raised",
        "Due in the next",
        "Built by rapporteur",
    ] {
        assert!(!html.contains(english), "{english} left in English");
    }
}
