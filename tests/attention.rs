//! The portfolio's attention list and "next deadline" column, and the
//! partner view beside each health figure, read from real builds: the
//! internal page shows the number the partner's shared build shows, and a
//! shared build says nothing of a partner view.

mod common;

use std::collections::BTreeMap;

use common::*;
use rapporteur::model::Audience;

/// One `<li>` of the attention list: (colour, date, engagement, link, sentence).
type Item = (String, String, String, String, String);

fn between<'a>(text: &'a str, from: &str, to: &str) -> Option<&'a str> {
    let start = text.find(from)? + from.len();
    let end = text[start..].find(to)? + start;
    Some(&text[start..end])
}

fn attention_items(index: &str) -> Vec<Item> {
    section(index, "attention")
        .split("<li class=\"attention-")
        .skip(1)
        .map(|li| {
            let get = |from, to| between(li, from, to).unwrap_or_default().to_string();
            (
                get("", "\""),
                get("<time datetime=\"", "\""),
                get("<strong>", "</strong>"),
                get("<a href=\"", "\""),
                get("\">", "</a>")
                    .rsplit("\">")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect()
}

fn shared_example() -> Built {
    build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.audience = Audience::Shared
    })
}

fn engagement_ids(built: &Built) -> Vec<String> {
    built
        .files
        .keys()
        .filter_map(|p| p.strip_prefix("engagements/")?.strip_suffix("/index.html"))
        .filter(|id| !id.contains('/'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_portfolio_opens_on_the_attention_list() {
    let index = example().page("index.html");
    let after_heading = index
        .split("<h1>Portfolio</h1>")
        .nth(1)
        .expect("the portfolio's heading");
    assert!(
        after_heading
            .trim_start()
            .starts_with("<section class=\"card attention\" id=\"attention\""),
        "the attention list comes right after the heading: {}",
        &after_heading[..200]
    );
    let items = attention_items(&index);
    assert!(items.len() >= 10, "{items:#?}");
    // Marlowe's notice deadline, 38 days away, is there in words, linked to
    // the contract on its page, critical as its flag (near: within 60 days).
    assert!(
        items.contains(&(
            "red".into(),
            "2026-12-31".into(),
            "Marlowe Pharmaceuticals — Finance Operations (P2P and record-to-report)".into(),
            "engagements/marlowe-finance-ops/index.html#contract".into(),
            "Notice deadline in 38 days, on 2026-12-31".into(),
        )),
        "{items:#?}"
    );
    // Critical (red) first, then by date.
    let key = |i: &Item| (i.0 != "red", i.1.clone());
    let keys: Vec<_> = items.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(items[0].0, "red", "the overdue critical risk first");
}

#[test]
fn each_attention_item_links_to_an_element_of_its_engagement_page() {
    let built = example();
    for (_, _, _, href, sentence) in attention_items(&built.page("index.html")) {
        let (page, id) = href.split_once('#').expect("a link to a place");
        let target = built.page(page);
        assert!(
            target.contains(&format!(" id=\"{id}\"")),
            "{sentence}: no element #{id} in {page}"
        );
    }
}

#[test]
fn the_next_deadline_column_names_the_earliest_date_ahead() {
    let index = example().page("index.html");
    // Marlowe: an action of Anil Kapoor due on 2026-11-25, two days ahead,
    // before its notice deadline of 2026-12-31.
    let row = index
        .split("<tr data-phase")
        .find(|r| r.contains("engagements/marlowe-finance-ops/index.html\""))
        .expect("Marlowe's row");
    let cell = between(row, "data-label=\"Next deadline\"", "</td>").unwrap();
    assert!(cell.starts_with(" data-sort=\"2\">"), "{cell}");
    assert!(
        cell.contains("<time datetime=\"2026-11-25\">2026-11-25</time>")
            && cell.contains("action due")
            && cell.contains("Anil Kapoor"),
        "{cell}"
    );
}

#[test]
fn the_partner_view_is_what_the_shared_build_shows() {
    let internal = example();
    let shared = shared_example();
    let headline = |html: &str| -> String {
        let dd = between(html, "<dt>Health</dt><dd>", "</dd>").expect("the headline health");
        between(dd, "\">", " · ").unwrap().to_string()
    };
    let partner = |html: &str| -> String {
        between(html, "partner view: ", "<")
            .expect("a partner view")
            .to_string()
    };
    let mut differ = 0;
    let ids = engagement_ids(internal);
    assert_eq!(ids, engagement_ids(&shared));
    for id in &ids {
        let page = format!("engagements/{id}/index.html");
        let ours = internal.page(&page);
        let theirs = headline(&shared.page(&page));
        assert_eq!(partner(&ours), theirs, "{id}: the partner view of the page");
        assert!(
            ours.contains(&format!("<strong>Partner view: {theirs}</strong>")),
            "{id}: the explanation names the figure"
        );
        differ += usize::from(headline(&ours) != theirs);
    }
    // The portfolio: each row's partner view is the shared portfolio's figure.
    let rows = |html: &str| -> BTreeMap<String, String> {
        html.split("<tr data-phase")
            .skip(1)
            .map(|r| {
                let id = between(r, "href=\"engagements/", "/").unwrap().to_string();
                let figure = between(r, "\"><strong>", "</strong>").unwrap().to_string();
                (
                    id,
                    between(r, "partner view: ", "<")
                        .unwrap_or(&figure)
                        .to_string(),
                )
            })
            .collect()
    };
    let ours = rows(&internal.page("index.html"));
    let theirs = rows(&shared.page("index.html"));
    assert_eq!(ours, theirs);
    // The example's internal notes and risks move some figures: the test
    // tells the partner's number from ours.
    assert!(differ >= 2, "only {differ} engagements differ");
}

#[test]
fn a_shared_build_says_nothing_of_a_partner_view() {
    let shared = shared_example();
    let pages: Vec<_> = shared
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .filter(|(_, b)| {
            let text = String::from_utf8_lossy(b).to_lowercase();
            text.contains("partner view") || text.contains("partner-view\"")
        })
        .map(|(p, _)| p.clone())
        .collect();
    assert!(pages.is_empty(), "{pages:?}");
    // The internal build shows it on every engagement page and row.
    let internal = example();
    let ids = engagement_ids(internal);
    let index = internal.page("index.html");
    assert_eq!(index.matches("partner view: ").count(), ids.len());
}

#[test]
fn a_shared_attention_list_holds_only_shared_items() {
    let fixture = repo_root().join("tests/fixtures/leaks");
    let internal = build_with(&fixture, "2026-03-01", |_| {});
    let shared = build_with(&fixture, "2026-03-01", |o| o.audience = Audience::Shared);
    let list = |b: &Built| section(&b.page("index.html"), "attention").to_lowercase();
    // The internal goal and risk, overdue, are listed in the internal build.
    assert!(list(&internal).contains("canary-goal-int"));
    assert!(list(&internal).contains("canary-risk-int"));
    let shared_list = list(&shared);
    assert!(!shared_list.contains("canary"), "{shared_list}");
    assert!(
        shared_list.contains("<li"),
        "the shared items are still listed"
    );
}
