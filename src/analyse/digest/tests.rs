use super::*;
use crate::analyse::analyse_engagement;
use crate::analyse::testkit::{action, add_note, d, engagement, kpi, m, note, set_kpi};
use crate::model::{Kpi, Milestone};

#[test]
fn the_month_looks_back_to_the_same_day_or_the_shorter_months_end() {
    assert_eq!(since(d("2026-11-23")), d("2026-10-23"));
    assert_eq!(since(d("2026-03-31")), d("2026-02-28"));
    assert_eq!(since(d("2024-03-31")), d("2024-02-29"));
    assert_eq!(since(d("2026-01-01")), d("2025-12-01"));
}

/// An SLA KPI met in September and missed in October (80 against 100),
/// a success celebrated in November, notes and an action around the ends.
fn troubled() -> Engagement {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("acc", 100.0)
    });
    set_kpi(&mut e, "2026-09", "acc", Some(100.0));
    set_kpi(&mut e, "2026-10", "acc", Some(80.0));
    e.record.milestones.push(Milestone {
        date: d("2026-11-02"),
        title: "Go-live".into(),
        celebrated: true,
        audience: None,
    });
    for date in ["2026-10-23", "2026-10-24", "2026-11-23", "2026-11-24"] {
        add_note(&mut e, note(date, NoteKind::CheckIn));
    }
    let mut review = note("2026-11-20", NoteKind::Review);
    review.actions = vec![
        action("Ana: today", Some("2026-11-23"), false),
        action("Ben: in 14 days", Some("2026-12-07"), false),
        action("Cy: in 15 days", Some("2026-12-08"), false),
        action("Di: done", Some("2026-11-30"), true),
    ];
    add_note(&mut e, review);
    e
}

#[test]
fn a_month_of_changes_is_read_from_the_analyses_at_both_ends() {
    let e = troubled();
    let config = Config::default();
    let now = analyse_engagement(&e, &config, d("2026-11-23"));
    let digest = of(&e, &config, &now);
    assert_eq!(
        (digest.since, digest.as_of),
        (d("2026-10-23"), d("2026-11-23"))
    );

    // On 23 October the window is July..September: September met, health
    // (100 × 35 + 100 × 10) / 45 = 100. On 23 November it is August..October:
    // (100 + 0) / 2 = 50 for performance, (50 × 35 + 100 × 10) / 45 = 61.1.
    let h = digest.health;
    assert_eq!(
        (h.before, h.after, h.change),
        (Some(100), Some(61), Some(-39))
    );
    assert_eq!((h.before_band, h.after_band), (Rag::Green, Rag::Amber));
    assert!(h.moved() && h.band_changed());

    // October was judged in the month; September was already known.
    assert_eq!(digest.breaches.len(), 1);
    let b = &digest.breaches[0];
    assert_eq!(
        (b.kpi.as_str(), b.month, b.value, b.target),
        ("acc", m("2026-10"), 80.0, 100.0)
    );
    assert_eq!((b.default, b.status), (None, Rag::Red));

    // The breach is a new flag; the celebration in November clears the nudge.
    let kinds = |flags: &[Flag]| flags.iter().map(|f| f.kind).collect::<Vec<_>>();
    assert!(
        kinds(&digest.raised).contains(&FlagKind::SlaBreach),
        "{:?}",
        kinds(&digest.raised)
    );
    assert_eq!(digest.raised[0].subject.as_deref(), Some("acc"));
    assert_eq!(kinds(&digest.cleared), vec![FlagKind::NoCelebration]);

    // Notes after 23 October up to 23 November.
    let dates: Vec<_> = digest.notes.iter().map(|n| n.date).collect();
    assert_eq!(
        dates,
        vec![d("2026-10-24"), d("2026-11-20"), d("2026-11-23")]
    );

    // Due from 23 November to 7 December (14 days on), open only, nearest first.
    let due: Vec<_> = digest
        .due
        .iter()
        .map(|x| (x.date, x.detail.as_str()))
        .collect();
    assert_eq!(
        due,
        vec![
            (d("2026-11-23"), "Ana: today"),
            (d("2026-12-07"), "Ben: in 14 days")
        ]
    );
    assert!(!digest.is_quiet());
}

#[test]
fn a_minimum_apart_from_the_target_makes_a_miss_a_default() {
    let mut e = troubled();
    e.record.kpis[0].minimum = Some(90.0);
    set_kpi(&mut e, "2026-10", "acc", Some(95.0));
    e.record.milestones.clear();
    e.notes.clear();
    let config = Config::default();
    let now = analyse_engagement(&e, &config, d("2026-11-23"));
    let digest = of(&e, &config, &now);
    assert_eq!(
        digest.breaches[0].default, None,
        "95 is above the minimum 90"
    );
    set_kpi(&mut e, "2026-10", "acc", Some(85.0));
    let now = analyse_engagement(&e, &config, d("2026-11-23"));
    let digest = of(&e, &config, &now);
    assert_eq!(digest.breaches[0].default, Some(90.0));
}

#[test]
fn a_month_without_change_is_quiet() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("acc", 100.0)
    });
    for month in ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"] {
        set_kpi(&mut e, month, "acc", Some(100.0));
    }
    e.record.milestones.push(Milestone {
        date: d("2026-09-01"),
        title: "Go-live".into(),
        celebrated: true,
        audience: None,
    });
    let config = Config::default();
    let now = analyse_engagement(&e, &config, d("2026-11-23"));
    let digest = of(&e, &config, &now);
    assert!(digest.is_quiet(), "{digest:#?}");
    assert_eq!(digest.health.change, Some(0));
}
