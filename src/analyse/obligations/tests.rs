use super::*;
use crate::analyse::testkit::{add_note, d, engagement, note, parties};
use crate::model::{Audience, NoteKind, Waiver};

fn obligation(id: &str, owner: Side, every: Recurrence, due: &str, grace: u32) -> Obligation {
    Obligation {
        id: id.to_string(),
        title: id.to_string(),
        owner,
        every,
        due: d(due),
        grace_days: grace,
        audience: Some(Audience::Shared),
    }
}

fn fulfil(e: &mut Engagement, date: &str, id: &str) {
    let mut n = note(date, NoteKind::Note);
    n.slug = format!("{date}-{id}");
    n.meta.fulfils = vec![id.to_string()];
    add_note(e, n);
}

fn waive(e: &mut Engagement, date: &str, id: &str) {
    let mut n = note(date, NoteKind::Note);
    n.slug = format!("{date}-waive-{id}");
    n.meta.waives = vec![Waiver {
        obligation: id.to_string(),
        reason: "agreed to skip".to_string(),
    }];
    add_note(e, n);
}

fn states(o: &ObligationStatus) -> Vec<(NaiveDate, InstanceState)> {
    o.instances.iter().map(|i| (i.due, i.state)).collect()
}

fn dues(due: &str, every: Recurrence, n: u32) -> Vec<NaiveDate> {
    (0..n).map(|k| nth_due(d(due), every, k).unwrap()).collect()
}

#[test]
fn recurrence_keeps_the_first_day_of_month_or_the_months_last_day() {
    // Each instance from the first due day: 31 -> 28 -> 31, never 28 -> 28.
    assert_eq!(
        dues("2026-01-31", Recurrence::Monthly, 4),
        vec![
            d("2026-01-31"),
            d("2026-02-28"),
            d("2026-03-31"),
            d("2026-04-30")
        ]
    );
    // Leap years: the 29th of February comes back in 2028.
    assert_eq!(
        dues("2024-02-29", Recurrence::Yearly, 5),
        vec![
            d("2024-02-29"),
            d("2025-02-28"),
            d("2026-02-28"),
            d("2027-02-28"),
            d("2028-02-29")
        ]
    );
    assert_eq!(
        dues("2025-11-30", Recurrence::Quarterly, 4),
        vec![
            d("2025-11-30"),
            d("2026-02-28"),
            d("2026-05-30"),
            d("2026-08-30")
        ]
    );
    // Across a year end, and into a leap February.
    assert_eq!(
        dues("2027-12-30", Recurrence::Monthly, 3),
        vec![d("2027-12-30"), d("2028-01-30"), d("2028-02-29")]
    );
}

#[test]
fn instances_reach_90_days_past_as_of() {
    let mut e = engagement();
    e.record.obligations = vec![obligation(
        "rota",
        Side::Client,
        Recurrence::Monthly,
        "2026-01-05",
        0,
    )];
    // as_of + 90 = 2027-02-21: January 2026 .. February 2027 is 14 instances.
    let a = analyse_obligations(&e, d("2026-11-23"));
    let o = &a.items[0];
    assert_eq!(o.instances.len(), 14);
    assert_eq!(o.instances.last().unwrap().due, d("2027-02-05"));
    // With as_of + 90 exactly on a due date, that instance is generated.
    let a = analyse_obligations(&e, d("2026-11-07"));
    assert_eq!(a.items[0].instances.last().unwrap().due, d("2027-02-05"));
    let a = analyse_obligations(&e, d("2026-11-06"));
    assert_eq!(a.items[0].instances.last().unwrap().due, d("2027-01-05"));
}

#[test]
fn fulfilment_windows_at_their_edges() {
    let mut e = engagement();
    e.record.obligations = vec![obligation(
        "pack",
        Side::Provider,
        Recurrence::Monthly,
        "2026-01-05",
        0,
    )];
    fulfil(&mut e, "2026-01-05", "pack"); // January, on its due day: on time
    fulfil(&mut e, "2026-01-05", "pack"); // the same day again: February's window opens after 01-05
    fulfil(&mut e, "2026-02-06", "pack"); // February, a day late
    fulfil(&mut e, "2026-02-06", "pack"); // March's window opened after 02-05: on time
    let a = analyse_obligations(&e, d("2026-04-20"));
    assert_eq!(
        states(&a.items[0])[..4],
        [
            (d("2026-01-05"), InstanceState::Fulfilled),
            (d("2026-02-05"), InstanceState::FulfilledLate),
            (d("2026-03-05"), InstanceState::Fulfilled),
            (d("2026-04-05"), InstanceState::Overdue),
        ]
    );
    // The second note of 2026-01-05 matched nothing: only four notes' worth.
    let notes: Vec<_> = a.items[0]
        .instances
        .iter()
        .filter_map(|i| i.note.as_ref().map(|n| n.date))
        .collect();
    assert_eq!(
        notes,
        vec![d("2026-01-05"), d("2026-02-06"), d("2026-02-06")]
    );
}

#[test]
fn a_late_note_fulfils_the_oldest_open_instance() {
    // Sent five days late every month: late every month, never "on time
    // for the next".
    let mut e = engagement();
    e.record.obligations = vec![obligation(
        "pack",
        Side::Provider,
        Recurrence::Monthly,
        "2026-01-10",
        0,
    )];
    for date in ["2026-01-15", "2026-02-15", "2026-03-15"] {
        fulfil(&mut e, date, "pack");
    }
    let a = analyse_obligations(&e, d("2026-04-01"));
    assert_eq!(
        states(&a.items[0])[..4],
        [
            (d("2026-01-10"), InstanceState::FulfilledLate),
            (d("2026-02-10"), InstanceState::FulfilledLate),
            (d("2026-03-10"), InstanceState::FulfilledLate),
            (d("2026-04-10"), InstanceState::DueSoon),
        ]
    );
}

#[test]
fn grace_days_extend_on_time_and_overdue() {
    let mut e = engagement();
    e.record.obligations = vec![
        obligation("a", Side::Provider, Recurrence::Yearly, "2026-02-05", 3),
        obligation("b", Side::Provider, Recurrence::Yearly, "2026-02-05", 3),
    ];
    fulfil(&mut e, "2026-02-08", "a"); // due + 3: on time
    fulfil(&mut e, "2026-02-09", "b"); // due + 4: late
    let a = analyse_obligations(&e, d("2026-03-01"));
    assert_eq!(a.items[0].instances[0].state, InstanceState::Fulfilled);
    assert_eq!(a.items[0].instances[0].deadline, d("2026-02-08"));
    assert_eq!(a.items[1].instances[0].state, InstanceState::FulfilledLate);
    // Unfulfilled: within its grace on 02-08 (due soon), overdue on 02-09.
    let mut e = engagement();
    e.record.obligations = vec![obligation(
        "a",
        Side::Client,
        Recurrence::Yearly,
        "2026-02-05",
        3,
    )];
    let at = |as_of| analyse_obligations(&e, d(as_of)).items[0].instances[0].state;
    assert_eq!(at("2026-02-08"), InstanceState::DueSoon);
    assert_eq!(at("2026-02-09"), InstanceState::Overdue);
    // Without grace: overdue the day after the due date, not on it.
    e.record.obligations[0].grace_days = 0;
    let at = |as_of| analyse_obligations(&e, d(as_of)).items[0].instances[0].state;
    assert_eq!(at("2026-02-05"), InstanceState::DueSoon);
    assert_eq!(at("2026-02-06"), InstanceState::Overdue);
}

#[test]
fn due_soon_is_14_days_ahead() {
    let mut e = engagement();
    e.record.obligations = vec![
        obligation("a", Side::Provider, Recurrence::Yearly, "2026-12-07", 0),
        obligation("b", Side::Provider, Recurrence::Yearly, "2026-12-08", 0),
    ];
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!(a.items[0].instances[0].state, InstanceState::DueSoon);
    assert_eq!(a.items[1].instances[0].state, InstanceState::Upcoming);
    assert_eq!(a.score, None, "nothing due in the window: no data");
}

#[test]
fn waived_instances_are_left_out_of_the_score() {
    let mut e = engagement();
    // Window 2025-11..2026-10 for as_of 2026-11-23.
    e.record.obligations = vec![obligation(
        "pack",
        Side::Provider,
        Recurrence::Quarterly,
        "2026-01-31",
        0,
    )];
    fulfil(&mut e, "2026-01-30", "pack"); // 01-31 on time
    waive(&mut e, "2026-03-01", "pack"); // 04-30 waived
    fulfil(&mut e, "2026-08-03", "pack"); // 07-31 late
    // 10-31 overdue
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!(
        states(&a.items[0])[..4],
        [
            (d("2026-01-31"), InstanceState::Fulfilled),
            (d("2026-04-30"), InstanceState::Waived),
            (d("2026-07-31"), InstanceState::FulfilledLate),
            (d("2026-10-31"), InstanceState::Overdue),
        ]
    );
    assert_eq!(
        a.items[0].instances[1].reason.as_deref(),
        Some("agreed to skip")
    );
    let p = &a.provider;
    assert_eq!(
        (p.judged, p.on_time, p.late, p.overdue, p.waived),
        (3, 1, 1, 1, 1)
    );
    // 1 of 3; the client has none and is left out: 33.33…
    assert_eq!(a.client.judged, 0);
    assert!((a.score.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(a.overdue, 1);
}

#[test]
fn the_score_is_the_mean_of_both_sides_rates() {
    let mut e = engagement();
    e.record.obligations = vec![
        obligation("pack", Side::Provider, Recurrence::Monthly, "2026-08-10", 0),
        obligation("rota", Side::Client, Recurrence::Yearly, "2026-03-01", 0),
    ];
    fulfil(&mut e, "2026-08-10", "pack"); // 08-10 on time
    fulfil(&mut e, "2026-09-01", "pack"); // 09-10 on time
    // 10-10 overdue; 11-10 overdue too, but in the month of as_of: not judged.
    fulfil(&mut e, "2026-02-20", "rota"); // 03-01 on time
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!((a.provider.on_time, a.provider.judged), (2, 3));
    assert_eq!((a.client.on_time, a.client.judged), (1, 1));
    assert_eq!(a.overdue, 2);
    // (2/3 + 1) / 2 × 100 = 83.33…
    assert!((a.score.unwrap() - 250.0 / 3.0).abs() < 1e-9);
    // The window is by month: an instance due on 2025-11-01 counts, one
    // due on 2025-10-31 not; 2026-10-31 counts, 2026-11-01 (the month of
    // as_of) not. All but 2025-11-01 are overdue: 1 on time of 2 judged.
    let mut e = engagement();
    e.record.obligations = vec![
        obligation("x", Side::Client, Recurrence::Yearly, "2025-10-31", 0),
        obligation("y", Side::Client, Recurrence::Yearly, "2025-11-01", 0),
    ];
    fulfil(&mut e, "2025-10-01", "y");
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!((a.client.on_time, a.client.judged), (1, 2));
    assert_eq!((a.client.overdue, a.overdue), (1, 3));
    assert_eq!(a.score, Some(50.0));
}

#[test]
fn notes_after_as_of_and_other_ids_count_nowhere() {
    let mut e = engagement();
    e.record.obligations = vec![obligation(
        "a",
        Side::Client,
        Recurrence::Yearly,
        "2026-06-30",
        0,
    )];
    fulfil(&mut e, "2026-11-24", "a");
    fulfil(&mut e, "2026-06-01", "b");
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!(a.items[0].instances[0].state, InstanceState::Overdue);
    assert_eq!(a.score, Some(0.0));
}

#[test]
fn no_obligation_is_no_data_and_the_reasons_name_the_parties() {
    let e = engagement();
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!(a.score, None);
    assert_eq!(a.reasons(&parties()), vec!["No obligations are recorded."]);

    let mut e = engagement();
    e.record.obligations = vec![
        obligation("pack", Side::Provider, Recurrence::Monthly, "2026-08-10", 0),
        obligation("rota", Side::Client, Recurrence::Yearly, "2026-03-01", 0),
    ];
    e.record.obligations[0].title = "MI pack".into();
    fulfil(&mut e, "2026-08-10", "pack");
    fulfil(&mut e, "2026-09-01", "pack");
    waive(&mut e, "2026-02-01", "rota");
    let a = analyse_obligations(&e, d("2026-11-23"));
    assert_eq!(
        a.reasons(&parties()),
        vec![
            "BPSource met 2 of 3 obligations due in the last 12 months (November 2025 to \
             October 2026) on time (1 still overdue): 67%.",
            "Acme Corp had no obligation to judge that fell due in the last 12 months \
             (November 2025 to October 2026) (1 instance waived), so that side is left out.",
            "Overdue: MI pack from BPSource (due 10 October 2026) and MI pack from BPSource \
             (due 10 November 2026).",
        ]
    );
}

#[test]
fn overdue_obligations_are_flagged_naming_their_owner() {
    let mut e = engagement();
    e.record.obligations = vec![
        obligation("rota", Side::Client, Recurrence::Monthly, "2026-09-05", 2),
        obligation("soc2", Side::Provider, Recurrence::Yearly, "2026-03-31", 0),
    ];
    e.record.obligations[0].title = "Approver rota".into();
    e.record.obligations[1].title = "SOC 2 report".into();
    fulfil(&mut e, "2026-09-01", "rota");
    let a = analyse_obligations(&e, d("2026-11-23"));
    let f = flags(&a, &parties());
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].kind, FlagKind::ObligationOverdue);
    assert_eq!(f[0].severity, crate::analyse::flags::Severity::Warning);
    assert_eq!(f[0].subject.as_deref(), Some("rota"));
    assert_eq!(
        f[0].title.english(),
        "Acme Corp has not delivered “Approver rota” 2 times, since 5 October 2026"
    );
    assert_eq!(
        f[0].evidence.english(),
        "Acme Corp (the client) owes it every month. Due 5 October 2026 and 5 November \
         2026 (with 2 days of grace); no note fulfils or waives them."
    );
    assert_eq!(
        f[1].title.english(),
        "BPSource has not delivered “SOC 2 report”, due on 31 March 2026"
    );
}

#[test]
fn overdue_obligations_reach_the_portfolio_attention_list() {
    use crate::analyse::attention::{AttentionKind, Place, When, engagement_items};
    let mut e = engagement();
    e.record.obligations = vec![obligation(
        "rota",
        Side::Client,
        Recurrence::Monthly,
        "2026-10-05",
        0,
    )];
    e.record.obligations[0].title = "Approver rota".into();
    let a =
        crate::analyse::analyse_engagement(&e, &crate::config::Config::default(), d("2026-11-23"));
    let items = engagement_items(&e, &a, 60);
    let item = items
        .iter()
        .find(|i| i.kind == AttentionKind::ObligationOverdue)
        .expect("an attention item");
    assert_eq!(
        item.sentence.english(),
        "Obligation overdue since 2026-10-05: Approver rota, owed by Acme Corp, 2 times"
    );
    assert_eq!(
        (item.when, &item.place),
        (When::Day(d("2026-10-05")), &Place::Obligations)
    );
    assert_eq!(
        crate::render::links::engagement_place("acme", &item.place),
        "engagements/acme/index.html#obligations"
    );
}

#[test]
fn dates_at_the_ends_of_the_calendar_do_not_panic() {
    let mut e = engagement();
    e.record.obligations = vec![
        obligation(
            "a",
            Side::Client,
            Recurrence::Monthly,
            "0000-01-31",
            u32::MAX,
        ),
        obligation("b", Side::Provider, Recurrence::Yearly, "9999-12-31", 0),
    ];
    fulfil(&mut e, "0000-01-01", "a");
    let a = analyse_obligations(&e, d("9999-12-31"));
    // Year 0 is outside the years an instance may fall in (check says so).
    assert!(a.items[0].instances.is_empty());
    assert_eq!(a.items[1].instances.len(), 1);
    assert_eq!(a.items[1].later, None);
}
