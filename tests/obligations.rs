//! Obligations end to end: a small repository whose obligations of both
//! sides are fulfilled on time, late, waived and not at all; the register's
//! states, the component's score, the flag, the portfolio's section, the
//! calendar and the export on the built site; and a shared build without
//! the internal obligation.

mod common;

use common::{build_with, repo, section};
use rapporteur::model::Audience;

const RECORD: &str = "\
name: Acme Payroll
client: { name: Acme Corp }
provider: { name: BPSource }
phase: steady
kpis:
  - { id: acc, name: Accuracy, target: 99 }
obligations:
  - { id: mi-pack, title: Monthly MI pack, owner: provider, every: monthly, due: 2026-08-10, grace_days: 2 }
  - { id: rota, title: Approver rota, owner: client, every: yearly, due: 2026-03-01 }
  - { id: forecast, title: Volume forecast, owner: client, every: quarterly, due: 2026-06-30 }
  - { id: board-pack, title: Secret board pack, owner: client, every: yearly, due: 2026-05-01, audience: internal }
audience: shared
";

fn note(date: &str, front: &str) -> String {
    format!("---\ntitle: Note of {date}\ndate: {date}\n{front}\n---\nBody.\n")
}

fn site(audience: Audience) -> common::Built {
    let n1 = note("2026-08-12", "fulfils: [mi-pack]");
    let n2 = note("2026-09-20", "fulfils: [mi-pack]");
    let n3 = note("2026-02-20", "fulfils: [rota]");
    let n4 = note(
        "2026-06-20",
        "waives: [{ obligation: forecast, reason: Peak season freeze }]",
    );
    let n5 = note("2026-09-25", "fulfils: [forecast]");
    let dir = repo(&[
        ("content/acme/engagement.yaml", RECORD),
        ("content/acme/notes/2026-08-12-pack.md", &n1),
        ("content/acme/notes/2026-09-20-pack.md", &n2),
        ("content/acme/notes/2026-02-20-rota.md", &n3),
        ("content/acme/notes/2026-06-20-waiver.md", &n4),
        ("content/acme/notes/2026-09-25-forecast.md", &n5),
    ]);
    let built = build_with(dir.path(), "2026-11-23", |o| o.audience = audience);
    drop(dir);
    built
}

/// The row of the instances table holding `due` for `title`.
fn instance<'a>(html: &'a str, title: &str, due: &str) -> &'a str {
    let needle = format!(
        "<th scope=\"row\">{title}</th>\n        <td class=\"date\" data-label=\"Due\">{due}</td>"
    );
    let start = html
        .find(&needle)
        .unwrap_or_else(|| panic!("{title} {due}"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap()]
}

#[test]
fn the_register_the_score_and_the_flag_hold_the_hand_computed_figures() {
    let built = site(Audience::Internal);
    let page = built.page("engagements/acme/index.html");
    let register = section(&page, "obligations");
    // Provider: 08-10 on time (08-12 is within 2 days' grace), 09-10 late
    // (09-20), 10-10 overdue; 11-10 overdue too but in the month of as_of.
    for (due, state) in [
        ("2026-08-10", ">fulfilled</span>"),
        ("2026-09-10", ">fulfilled late</span>"),
        ("2026-10-10", ">overdue</span>"),
        ("2026-11-10", ">overdue</span>"),
        // 2026-12-10 is 17 days after as_of: beyond the 14 of "due soon".
        ("2026-12-10", ">upcoming</span>"),
        ("2027-01-10", ">upcoming</span>"),
    ] {
        let row = instance(register, "Monthly MI pack", due);
        assert!(row.contains(state), "{due}: {row}");
    }
    let waived = instance(register, "Volume forecast", "2026-06-30");
    assert!(waived.contains(">waived</span>") && waived.contains("Waived: Peak season freeze"));
    assert!(instance(register, "Volume forecast", "2026-09-30").contains(">fulfilled</span>"));
    assert!(instance(register, "Approver rota", "2026-03-01").contains(">fulfilled</span>"));
    // Provider 1 of 3; client 2 of 3 (rota and forecast on time, the
    // internal board pack overdue since 2026-05-01; the waived forecast
    // left out): (1/3 + 2/3) / 2 × 100 = 50.
    assert!(
        register.contains("Obligations score <strong>50</strong>"),
        "{register}"
    );
    assert!(register.contains("1 of 3 on time (33%)"));
    assert!(register.contains("2 of 3 on time (67%), 1 waived"));
    assert!(register.contains("on-time rates: 50."), "{register}");
    // Health: obligations 50 and risk 100 at weight 10 each: 75.
    let health = section(&page, "health");
    assert!(
        health.contains(">50<span class=\"visually-hidden\">"),
        "{health}"
    );
    assert!(page.contains(">75<small> / 100</small>"));
    // The flag names the party that owes it.
    assert!(
        page.contains(
            "BPSource has not delivered “Monthly MI pack” 2 times, since 10 October 2026"
        )
    );
    // The internal obligation is shown, marked, in the internal build.
    assert!(
        register.contains("Secret board pack <span class=\"tag tag-internal\">internal</span>")
    );

    let actions = built.page("actions.html");
    let portfolio = section(&actions, "obligations");
    assert!(portfolio.contains("engagements/acme/index.html#obligation-mi-pack"));
    assert!(
        portfolio.contains("3 overdue and 0 due in the next 14 days"),
        "{portfolio}"
    );
    let index = built.page("index.html");
    assert!(index.contains(
        "Obligation overdue since 2026-10-10: Monthly MI pack, owed by BPSource, 2 times"
    ));
    assert!(index.contains("engagements/acme/index.html#obligations"));

    let calendar = built.page("calendar.ics");
    assert!(
        calendar.contains("UID:obligation-acme-mi-pack-2026-12-10"),
        "{calendar}"
    );
    assert!(
        !calendar.contains("obligation-acme-mi-pack-2026-08-10"),
        "a fulfilled instance is no event"
    );
    let csv = built.page("data/obligations.csv");
    assert!(csv.contains("acme,mi-pack,Monthly MI pack,provider,monthly,2026-09-10,2026-09-12,fulfilled-late,2026-09-20-pack,2026-09-20,\r\n"), "{csv}");
    assert!(csv.contains("acme,forecast,Volume forecast,client,quarterly,2026-06-30,2026-06-30,waived,2026-06-20-waiver,2026-06-20,Peak season freeze\r\n"));
}

#[test]
fn a_shared_build_has_no_byte_of_the_internal_obligation() {
    let built = site(Audience::Shared);
    for (path, bytes) in &built.files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Secret board pack"), "{path}");
        assert!(!text.contains("board-pack"), "{path}");
    }
    // The board pack's lapse counts nowhere: the client's record is 2 of 2,
    // (1/3 + 1) / 2 × 100 = 66.67, and health (66.67 + 100) / 2 = 83.
    let page = built.page("engagements/acme/index.html");
    let register = section(&page, "obligations");
    assert!(
        register.contains("Obligations score <strong>67</strong>"),
        "{register}"
    );
    assert!(register.contains("2 of 2 on time (100%), 1 waived"));
    assert!(page.contains(">83<small> / 100</small>"));
}
