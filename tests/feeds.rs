//! The files beside the pages: the Atom feed, the calendar, the search index
//! and the review packs, on the example portfolio; and that each of them
//! keeps to the audience and the client of the build.

mod common;

use common::*;
use rapporteur::load;
use rapporteur::model::Audience;

#[test]
fn the_feed_lists_the_newest_notes_newest_first() {
    let built = example();
    let feed = built.page("feed.xml");
    let loaded = load::load(&repo_root()).unwrap();
    let notes: usize = loaded
        .portfolio
        .engagements
        .iter()
        .map(|e| e.notes.len())
        .sum();
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(
        feed.matches("<entry>").count(),
        notes.min(rapporteur::render::FEED_ENTRIES)
    );
    assert!(feed.contains("<updated>2026-11-23T00:00:00Z</updated>"));
    let dates: Vec<&str> = feed
        .split("<published>")
        .skip(1)
        .map(|s| &s[..10])
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    // Every entry has the elements RFC 4287 requires.
    for entry in feed.split("<entry>").skip(1) {
        for required in ["<title>", "<id>", "<updated>", "<link rel=\"alternate\""] {
            assert!(entry.contains(required), "{required} in {entry}");
        }
    }
    assert!(
        !feed.contains("href=\"/"),
        "relative links without a base URL"
    );
}

#[test]
fn the_calendar_is_folded_crlf_text_with_unique_uids() {
    let built = example();
    let ics = built.page("calendar.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "no bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    let uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(uids.len(), unique.len(), "UIDs are unique");
    assert_eq!(
        unfolded.matches("BEGIN:VEVENT").count(),
        unfolded.matches("DTSTAMP:20261123T000000Z").count()
    );
    for kind in [
        "SUMMARY:Review due: ",
        "SUMMARY:Action due: ",
        "SUMMARY:Risk mitigation due: ",
        "SUMMARY:Renewal notice deadline: ",
        "SUMMARY:Milestone: ",
    ] {
        assert!(unfolded.contains(kind), "{kind}");
    }
    // TEXT values escape commas and semicolons.
    for line in unfolded.lines().filter(|l| l.starts_with("SUMMARY:")) {
        let value = &line["SUMMARY:".len()..];
        let bare = value
            .replace("\\\\", "")
            .replace("\\,", "")
            .replace("\\;", "");
        assert!(!bare.contains(',') && !bare.contains(';'), "{line}");
    }
}

#[test]
fn search_index_holds_note_bodies_as_plain_text() {
    let built = example();
    let json = built.search_index();
    let entries = json["entries"].as_array().unwrap();
    let note = entries
        .iter()
        .find(|e| e["kind"] == "note" && e["text"].as_str().unwrap().contains("paper-timesheet"))
        .expect("a note found by a word of its body");
    assert!(!note["text"].as_str().unwrap().contains("**"));
    let script = built.page("search-index.js");
    assert!(script.contains("window.RAPPORTEUR_SEARCH_INDEX = {"));
    let json: serde_json::Value =
        serde_json::from_slice(&built.files["search-index.json"]).unwrap();
    assert_eq!(
        json,
        built.search_index(),
        "search-index.json holds what the script assigns"
    );
}

#[test]
fn review_packs_cover_each_complete_quarter_and_are_linked() {
    let built = example();
    let report = built.page("engagements/brightline-customer-care/index.html");
    let pack = built.page("engagements/brightline-customer-care/review/2026-Q3.html");
    assert!(report.contains("href=\"review/2026-Q3.html\""));
    // The quarter in progress on 2026-11-23 has no pack yet.
    assert!(
        !built
            .files
            .contains_key("engagements/brightline-customer-care/review/2026-Q4.html")
    );
    // The quarter's months, and not the month after it.
    for month in ["2026-07", "2026-08", "2026-09"] {
        assert!(
            pack.contains(&format!("<th scope=\"col\">{month}</th>")),
            "{month}"
        );
    }
    assert!(pack.contains("over 2026-07 to 2026-09"));
    for id in ["health", "scorecard", "sla", "wins", "trust", "actions"] {
        assert!(pack.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
}

/// Feed, calendar and search index are made from the scoped model: a shared
/// build holds no internal note, a client's build no other client.
#[test]
fn feed_calendar_and_search_keep_to_the_scope_of_the_build() {
    let loaded = load::load(&repo_root()).unwrap();
    let internal: Vec<String> = loaded
        .portfolio
        .engagements
        .iter()
        .flat_map(|e| e.notes.iter())
        .filter(|n| n.meta.audience != Some(Audience::Shared))
        .map(|n| n.slug.clone())
        .collect();
    assert!(!internal.is_empty(), "the example has internal notes");
    let shared = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.audience = Audience::Shared;
    });
    for file in [
        "feed.xml",
        "calendar.ics",
        "search-index.js",
        "search-index.json",
    ] {
        let text = shared.page(file);
        for slug in &internal {
            assert!(
                !text.contains(slug.as_str()),
                "{file} holds internal note {slug}"
            );
        }
    }

    let client = &loaded.portfolio.engagements[0].record.client.name;
    let others: Vec<&str> = loaded
        .portfolio
        .engagements
        .iter()
        .filter(|e| &e.record.client.name != client)
        .map(|e| e.id.as_str())
        .collect();
    let scoped = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.client = Some(client.clone());
    });
    for file in [
        "feed.xml",
        "calendar.ics",
        "search-index.js",
        "search-index.json",
    ] {
        let text = scoped.page(file);
        for id in &others {
            assert!(!text.contains(id), "{file} holds {id} of another client");
        }
    }
}
