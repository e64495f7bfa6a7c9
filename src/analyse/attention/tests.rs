//! The attention list's boundaries, worked by hand: a notice deadline 90
//! days away is in and 91 out; a due date on `as_of` is not overdue; a
//! review due in 14 days is listed and in 15 not; the order is severity,
//! then date.

use super::*;
use crate::analyse::analyse_engagement;
use crate::analyse::testkit::{action, add_note, d, engagement, excuse, kpi, m, note, set_kpi};
use crate::config::Config;
use crate::model::{
    Cadence, Chronic, Contract, Frequency, Goal, Kpi, Milestone, NoteKind, Risk, RiskOwner,
    RiskStatus,
};

fn items_at(e: &Engagement, as_of: &str) -> Vec<AttentionItem> {
    let a = analyse_engagement(e, &Config::default(), d(as_of));
    engagement_items(e, &a, Config::default().thresholds.notice_warning_days)
}

fn of_kind(items: &[AttentionItem], kind: AttentionKind) -> Vec<&AttentionItem> {
    items.iter().filter(|i| i.kind == kind).collect()
}

fn with_contract(end: &str, notice_days: i64) -> Engagement {
    let mut e = engagement();
    e.record.contract = Some(Contract {
        end: Some(d(end)),
        renewal_notice_days: Some(notice_days),
        ..Contract::default()
    });
    e
}

#[test]
fn a_notice_deadline_90_days_away_is_listed_and_91_is_not() {
    // The deadline is 2027-01-01 (end 2027-04-01 − 90 days).
    let e = with_contract("2027-04-01", 90);
    let items = items_at(&e, "2026-10-03"); // 90 days before
    let notice = of_kind(&items, AttentionKind::NoticeDeadline);
    assert_eq!(notice.len(), 1);
    assert_eq!(
        notice[0].sentence.english(),
        "Notice deadline in 90 days, on 2027-01-01"
    );
    assert_eq!(
        (notice[0].severity, notice[0].status, notice[0].when),
        (Severity::Warning, Rag::Amber, When::Day(d("2027-01-01")))
    );
    assert_eq!(notice[0].place, Place::Contract);
    let early = items_at(&e, "2026-10-02"); // 91 days before
    assert!(of_kind(&early, AttentionKind::NoticeDeadline).is_empty());
    let today = items_at(&e, "2027-01-01");
    assert_eq!(
        of_kind(&today, AttentionKind::NoticeDeadline)[0]
            .sentence
            .english(),
        "Notice deadline is today, 2027-01-01"
    );
    let tomorrow = items_at(&e, "2026-12-31");
    assert_eq!(
        of_kind(&tomorrow, AttentionKind::NoticeDeadline)[0]
            .sentence
            .english(),
        "Notice deadline in 1 day, on 2027-01-01"
    );
}

#[test]
fn a_passed_notice_deadline_is_critical_until_the_contract_ends() {
    let e = with_contract("2027-04-01", 90);
    let past = items_at(&e, "2027-01-03");
    let notice = of_kind(&past, AttentionKind::NoticeDeadline);
    assert_eq!(
        notice[0].sentence.english(),
        "Notice deadline passed 2 days ago, on 2027-01-01; the contract ends 2027-04-01"
    );
    assert_eq!(
        (notice[0].severity, notice[0].status),
        (Severity::Critical, Rag::Red)
    );
    // The last day of the contract still counts; the day after, nothing.
    assert_eq!(
        of_kind(&items_at(&e, "2027-04-01"), AttentionKind::NoticeDeadline).len(),
        1
    );
    assert!(of_kind(&items_at(&e, "2027-04-02"), AttentionKind::NoticeDeadline).is_empty());
}

#[test]
fn a_wider_flag_threshold_widens_the_notice_window() {
    let e = with_contract("2027-04-01", 90);
    let a = analyse_engagement(&e, &Config::default(), d("2026-09-03")); // 120 days
    assert!(engagement_items(&e, &a, 60).is_empty());
    assert_eq!(engagement_items(&e, &a, 120).len(), 1);
}

#[test]
fn an_action_due_on_as_of_is_not_overdue() {
    let mut e = engagement();
    let mut n = note("2026-10-01", NoteKind::CheckIn);
    n.actions = vec![action(
        "Ravi: share the calendar (due 2026-11-23)",
        Some("2026-11-23"),
        false,
    )];
    add_note(&mut e, n);
    assert!(of_kind(&items_at(&e, "2026-11-23"), AttentionKind::ActionsOverdue).is_empty());
    let items = items_at(&e, "2026-11-24");
    let overdue = of_kind(&items, AttentionKind::ActionsOverdue);
    assert_eq!(
        overdue[0].sentence.english(),
        "Action overdue since 2026-11-23: Ravi: share the calendar"
    );
    assert_eq!(
        (overdue[0].severity, overdue[0].when, &overdue[0].place),
        (
            Severity::Warning,
            When::Day(d("2026-11-23")),
            &Place::Actions
        )
    );
}

#[test]
fn several_overdue_actions_are_one_item_naming_the_oldest() {
    let mut e = engagement();
    let mut n = note("2026-10-01", NoteKind::CheckIn);
    n.actions = vec![
        action("Dana: b (due 2026-11-10)", Some("2026-11-10"), false),
        action("Ravi: a (due 2026-11-01)", Some("2026-11-01"), false),
        action("Ravi: done (due 2026-10-01)", Some("2026-10-01"), true),
    ];
    add_note(&mut e, n);
    let items = items_at(&e, "2026-11-23");
    let overdue = of_kind(&items, AttentionKind::ActionsOverdue);
    assert_eq!(overdue.len(), 1);
    assert_eq!(
        overdue[0].sentence.english(),
        "2 actions overdue, the oldest since 2026-11-01: Ravi: a"
    );
}

fn with_review(start: &str) -> Engagement {
    let mut e = engagement();
    e.record.start = Some(d(start));
    e.record.cadence = Some(Cadence {
        check_in: None,
        review: Some(Frequency::Quarterly),
    });
    e
}

#[test]
fn a_review_due_on_as_of_is_due_today_not_overdue() {
    let mut e = with_review("2025-01-01");
    add_note(&mut e, note("2026-08-25", NoteKind::Review)); // due 2026-11-23
    let items = items_at(&e, "2026-11-23");
    assert!(of_kind(&items, AttentionKind::ReviewOverdue).is_empty());
    assert_eq!(
        of_kind(&items, AttentionKind::ReviewDue)[0]
            .sentence
            .english(),
        "Review due today, 2026-11-23 (the last on 2026-08-25)"
    );
    let items = items_at(&e, "2026-11-24");
    let overdue = of_kind(&items, AttentionKind::ReviewOverdue);
    assert_eq!(
        overdue[0].sentence.english(),
        "Review overdue since 2026-11-23: the last on 2026-08-25, every 90 days agreed"
    );
    assert_eq!(
        (overdue[0].when, &overdue[0].place),
        (When::Day(d("2026-11-23")), &Place::Cadence)
    );
    assert!(of_kind(&items, AttentionKind::ReviewDue).is_empty());
}

#[test]
fn a_review_due_in_14_days_is_listed_and_in_15_not() {
    let mut e = with_review("2025-01-01");
    add_note(&mut e, note("2026-08-25", NoteKind::Review)); // due 2026-11-23
    let items = items_at(&e, "2026-11-09");
    assert_eq!(
        of_kind(&items, AttentionKind::ReviewDue)[0]
            .sentence
            .english(),
        "Review due in 14 days, on 2026-11-23 (the last on 2026-08-25)"
    );
    assert!(of_kind(&items_at(&e, "2026-11-08"), AttentionKind::ReviewDue).is_empty());
    // Without a review note, the interval counts from the start.
    let e = with_review("2026-09-01"); // due 2026-11-30
    assert_eq!(
        of_kind(&items_at(&e, "2026-11-23"), AttentionKind::ReviewDue)[0]
            .sentence
            .english(),
        "Review due in 7 days, on 2026-11-30 (none since the start)"
    );
}

#[test]
fn missed_check_ins_follow_the_flag_held_below_expected() {
    let mut e = engagement();
    e.record.cadence = Some(Cadence {
        check_in: Some(Frequency::Monthly),
        review: None,
    });
    // as_of 2026-11-23: the 90 days are 2026-08-26..=2026-11-23; 3 expected.
    add_note(&mut e, note("2026-10-01", NoteKind::CheckIn));
    add_note(&mut e, note("2026-11-01", NoteKind::CheckIn));
    let items = items_at(&e, "2026-11-23");
    let missed = of_kind(&items, AttentionKind::MissedCheckIns);
    assert_eq!(
        missed[0].sentence.english(),
        "Check-ins missed: 2 of 3 expected held in the last 90 days, the last on 2026-11-01"
    );
    assert_eq!(
        (missed[0].severity, missed[0].when),
        (Severity::Warning, When::Day(d("2026-11-01")))
    );
    add_note(&mut e, note("2026-08-26", NoteKind::Review)); // the first day of the 90
    assert!(of_kind(&items_at(&e, "2026-11-23"), AttentionKind::MissedCheckIns).is_empty());
    // None held: critical, dated by the start of the 90 days.
    let mut quiet = engagement();
    quiet.record.cadence = e.record.cadence.clone();
    let items = items_at(&quiet, "2026-11-23");
    let missed = of_kind(&items, AttentionKind::MissedCheckIns);
    assert_eq!(
        missed[0].sentence.english(),
        "Check-ins missed: 0 of 3 expected held in the last 90 days, none yet"
    );
    assert_eq!(
        (missed[0].severity, missed[0].when),
        (Severity::Critical, When::Day(d("2026-08-26")))
    );
}

#[test]
fn overdue_risks_and_goals_are_listed_from_the_day_after_due() {
    let mut e = engagement();
    e.record.risks = vec![
        Risk {
            id: "high".into(),
            title: "Attrition".into(),
            likelihood: 4,
            impact: 3,
            owner: RiskOwner::Provider,
            status: RiskStatus::Mitigating,
            mitigation: None,
            due: Some(d("2026-11-22")),
            audience: None,
        },
        Risk {
            id: "low".into(),
            title: "Desk move".into(),
            likelihood: 1,
            impact: 2,
            owner: RiskOwner::Client,
            status: RiskStatus::Open,
            mitigation: None,
            due: Some(d("2026-11-23")), // due on as_of: not overdue
            audience: None,
        },
    ];
    e.record.goals = vec![Goal {
        id: "g".into(),
        title: "Runbooks signed off".into(),
        due: Some(d("2026-10-31")),
        status: GoalStatus::OffTrack,
        mutual: true,
        audience: None,
    }];
    let items = items_at(&e, "2026-11-23");
    let risks = of_kind(&items, AttentionKind::RiskOverdue);
    assert_eq!(risks.len(), 1);
    assert_eq!(
        risks[0].sentence.english(),
        "Risk mitigation overdue since 2026-11-22: Attrition (high risk, still being mitigated)"
    );
    assert_eq!(
        risks[0].severity,
        Severity::Warning,
        "only a critical risk is critical"
    );
    let goals = of_kind(&items, AttentionKind::GoalOverdue);
    assert_eq!(
        goals[0].sentence.english(),
        "Goal overdue since 2026-10-31: Runbooks signed off (off track)"
    );
    assert_eq!(
        (goals[0].severity, &goals[0].place),
        (Severity::Warning, &Place::Goals)
    );
}

/// An SLA KPI, target 80, minimum 75, under a chronic-failure rule of 3
/// defaults in 6 months.
fn chronic_engagement() -> Engagement {
    let mut e = engagement();
    e.record.contract = Some(Contract {
        monthly_fee: Some(100_000.0),
        at_risk_pct: Some(10.0),
        chronic: Some(Chronic {
            defaults: 3,
            months: 6,
        }),
        ..Contract::default()
    });
    e.record.kpis = vec![Kpi {
        sla: true,
        minimum: Some(75.0),
        credit_allocation_pct: Some(50.0),
        name: "Calls answered".into(),
        ..kpi("sl", 80.0)
    }];
    e
}

#[test]
fn chronic_failure_is_critical_and_one_short_a_warning() {
    let mut e = chronic_engagement();
    set_kpi(&mut e, "2026-07", "sl", Some(70.0));
    set_kpi(&mut e, "2026-09", "sl", Some(70.0));
    let items = items_at(&e, "2026-11-23");
    let chronic = of_kind(&items, AttentionKind::ChronicFailure);
    assert_eq!(
        chronic[0].sentence.english(),
        "One more default of Calls answered before 2027-01 gives a termination right \
         (defaults in 2026-07 and 2026-09)"
    );
    assert_eq!(
        (chronic[0].severity, chronic[0].when, &chronic[0].place),
        (Severity::Warning, When::Month(m("2027-01")), &Place::Sla)
    );
    set_kpi(&mut e, "2026-10", "sl", Some(70.0));
    let items = items_at(&e, "2026-11-23");
    let chronic = of_kind(&items, AttentionKind::ChronicFailure);
    assert_eq!(
        (chronic[0].severity, chronic[0].status, chronic[0].when),
        (Severity::Critical, Rag::Red, When::Month(m("2026-10")))
    );
    assert!(
        chronic[0]
            .sentence
            .english()
            .ends_with("the contract's termination right applies")
    );
}

#[test]
fn relief_claimed_and_not_agreed_is_listed_until_agreed() {
    let mut e = chronic_engagement();
    set_kpi(&mut e, "2026-09", "sl", Some(70.0));
    excuse(&mut e, "2026-09", "sl", "Carrier outage", false);
    let items = items_at(&e, "2026-11-23");
    let relief = of_kind(&items, AttentionKind::ReliefNotAgreed);
    assert_eq!(
        relief[0].sentence.english(),
        "Relief claimed for Calls answered in 2026-09, not agreed by both sides"
    );
    assert_eq!(
        (relief[0].when, &relief[0].place),
        (When::Month(m("2026-09")), &Place::Kpi("sl".into()))
    );
    let mut agreed = chronic_engagement();
    excuse(&mut agreed, "2026-09", "sl", "Carrier outage", true);
    assert!(
        of_kind(
            &items_at(&agreed, "2026-11-23"),
            AttentionKind::ReliefNotAgreed
        )
        .is_empty()
    );
}

#[test]
fn the_portfolio_lists_critical_first_then_by_date() {
    let mut late = with_contract("2027-05-21", 90); // deadline 2027-02-20: 77 days, not flagged
    late.id = "late".into();
    late.record.name = "Late".into();
    let mut past = with_contract("2027-03-01", 90); // deadline 2026-12-01: passed
    past.id = "past".into();
    past.record.name = "Past".into();
    let mut soon = with_contract("2027-02-20", 90); // deadline 2026-11-22 → passed too
    soon.id = "soon".into();
    soon.record.name = "Soon".into();
    let mut near = with_contract("2027-03-20", 90); // deadline 2026-12-20
    near.id = "near".into();
    near.record.name = "Near".into();
    let p = Portfolio {
        config: Config::default(),
        engagements: vec![late, past, soon, near],
    };
    let as_of = d("2026-12-05");
    let analyses = crate::analyse::analyse_portfolio(&p, as_of);
    let items = portfolio(&p, &analyses);
    let order: Vec<(&str, Severity)> = items
        .iter()
        .filter(|i| i.kind == AttentionKind::NoticeDeadline)
        .map(|i| (i.engagement.as_str(), i.severity))
        .collect();
    assert_eq!(
        order,
        vec![
            ("soon", Severity::Critical),
            ("past", Severity::Critical),
            ("near", Severity::Critical), // 15 days: flagged near, critical as the flag
            ("late", Severity::Warning),
        ]
    );
}

#[test]
fn the_next_deadline_is_the_earliest_on_or_after_as_of() {
    let mut e = with_contract("2027-04-01", 90); // notice 2027-01-01
    e.record.milestones = vec![
        Milestone {
            date: d("2026-12-15"),
            title: "Wave 2 go-live".into(),
            celebrated: false,
            audience: None,
        },
        Milestone {
            date: d("2026-11-01"), // past
            title: "Wave 1".into(),
            celebrated: true,
            audience: None,
        },
    ];
    let a = analyse_engagement(&e, &Config::default(), d("2026-11-23"));
    let next = next_deadline(&e, &a).unwrap();
    assert_eq!(
        (next.date, next.kind, next.detail.as_str()),
        (d("2026-12-15"), DeadlineKind::Milestone, "Wave 2 go-live")
    );
    // An action due on as_of is the next deadline, not an overdue one.
    let mut n = note("2026-11-01", NoteKind::CheckIn);
    n.actions = vec![action(
        "Ravi: x (due 2026-11-23)",
        Some("2026-11-23"),
        false,
    )];
    add_note(&mut e, n);
    let a = analyse_engagement(&e, &Config::default(), d("2026-11-23"));
    let next = next_deadline(&e, &a).unwrap();
    assert_eq!(
        (next.date, next.kind, next.detail.as_str()),
        (d("2026-11-23"), DeadlineKind::ActionDue, "Ravi")
    );
    // Past the milestone and the action's day, the notice deadline is next.
    let a = analyse_engagement(&e, &Config::default(), d("2026-12-16"));
    let next = next_deadline(&e, &a).unwrap();
    assert_eq!(
        (next.date, next.kind),
        (d("2027-01-01"), DeadlineKind::NoticeDeadline)
    );
    // Nothing dated ahead: none.
    let bare = engagement();
    let a = analyse_engagement(&bare, &Config::default(), d("2026-11-23"));
    assert_eq!(next_deadline(&bare, &a), None);
}

/// The built-in German, as a `--language de` build has it.
fn german() -> crate::render::language::Language {
    let theme = crate::render::theme::Theme::builtin();
    let mut found = Vec::new();
    crate::render::language::Language::load(&theme, "de", std::path::Path::new("test"), &mut found)
        .expect("the built-in German loads")
}

#[test]
fn the_sentences_read_in_german_with_german_dates_and_plurals() {
    let e = with_contract("2027-04-01", 90);
    let de = german();
    let in_90 = of_kind(&items_at(&e, "2026-10-03"), AttentionKind::NoticeDeadline)[0]
        .sentence
        .clone();
    assert_eq!(
        de.text(&in_90),
        "Kündigungsfrist endet in 90 Tagen, am 01.01.2027"
    );
    let in_1 = of_kind(&items_at(&e, "2026-12-31"), AttentionKind::NoticeDeadline)[0]
        .sentence
        .clone();
    assert_eq!(
        de.text(&in_1),
        "Kündigungsfrist endet in einem Tag, am 01.01.2027"
    );
    // English is unchanged by the same Text.
    assert_eq!(in_1.english(), "Notice deadline in 1 day, on 2027-01-01");
    // A sign-off names the side as German declines it.
    let text = crate::analyse::sign_off::not_agreed_text(m("2026-10"), crate::model::Side::Client);
    assert_eq!(
        de.text(&text),
        "Werte für Oktober 2026 nicht vereinbart vom Kunden"
    );
    assert_eq!(
        text.english(),
        "figures of 2026-10 not agreed by the client"
    );
}
