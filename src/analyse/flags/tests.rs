use super::*;
use crate::analyse::analyse_engagement;
use crate::analyse::testkit::*;
use crate::config::Config;
use crate::model::{
    Cadence, Capacity, Contract, Expectation, FeedbackKind, Frequency, Goal, GoalStatus, Kpi,
    NoteKind, Risk, RiskOwner, RiskStatus, ServiceCredits, Side,
};

/// Everything wrong at once, as of 2026-11-15.
fn troubled() -> Engagement {
    let mut e = engagement();
    let r = &mut e.record;
    r.start = Some(d("2026-01-01"));
    r.kpis.push(Kpi {
        sla: true,
        unit: "%".to_string(),
        name: "Accuracy".to_string(),
        ..kpi("acc", 99.5)
    });
    r.contract = Some(Contract {
        end: Some(d("2027-01-31")),
        renewal_notice_days: Some(90),
        monthly_fee: Some(1000.0),
        currency: Some("USD".to_string()),
        service_credits: Some(ServiceCredits {
            per_breach_pct: 5.0,
            cap_pct: 12.0,
        }),
        ..Contract::default()
    });
    r.risks.push(Risk {
        id: "key-person".to_string(),
        title: "Single SME".to_string(),
        likelihood: 4,
        impact: 4,
        owner: RiskOwner::Provider,
        status: RiskStatus::Mitigating,
        mitigation: None,
        due: Some(d("2026-10-01")),
        audience: None,
    });
    r.capacity = Some(Capacity {
        hours_per_month: 100.0,
    });
    r.expectations.push(Expectation {
        text: "Weekend cover".to_string(),
        set_by: Side::Client,
        agreed: false,
        audience: None,
    });
    r.cadence = Some(Cadence {
        check_in: Some(Frequency::Weekly),
        review: Some(Frequency::Quarterly),
    });
    r.goals.push(Goal {
        id: "cut-errors".to_string(),
        title: "Cut errors".to_string(),
        due: Some(d("2026-06-30")),
        status: GoalStatus::AtRisk,
        mutual: true,
        audience: None,
    });
    set_kpi(&mut e, "2026-09", "acc", Some(99.0));
    set_kpi(&mut e, "2026-10", "acc", Some(80.0)); // red: below 89.55
    set_hours(&mut e, "2026-10", Some(110.0), Some(10.0));
    for _ in 0..3 {
        add_period_feedback(&mut e, "2026-10", Side::Client, FeedbackKind::Concern);
    }
    set_survey(
        &mut e,
        "2026-10",
        Some(scores([Some(2), Some(3), None, None, None])),
        Some(scores([Some(4), Some(3), None, None, None])),
    );
    let mut n = note("2025-12-01", NoteKind::Note);
    n.meta.title = "Kick-off".to_string();
    n.actions = vec![action(
        "Ravi: share the calendar",
        Some("2025-12-08"),
        false,
    )];
    add_note(&mut e, n);
    e
}

fn flags_of(e: &Engagement) -> Vec<Flag> {
    analyse_engagement(e, &Config::default(), d("2026-11-15")).flags
}

#[test]
fn every_problem_is_flagged_most_severe_first() {
    let flags = flags_of(&troubled());
    let kinds: Vec<_> = flags.iter().map(|f| (f.severity, f.kind)).collect();
    use FlagKind::*;
    use Severity::*;
    assert_eq!(
        kinds,
        vec![
            (Critical, SlaBreach),
            (Critical, NoticeDeadline),
            (Critical, RiskOverdue),
            (Critical, MissingCheckIns),
            (Warning, ServiceCredits),
            (Warning, Overtime),
            (Warning, ExpectationsNotAgreed),
            (Warning, ReviewOverdue),
            (Warning, OneSidedFeedback),
            (Warning, PerceptionGap),
            (Warning, GoalOverdue),
            (Warning, ActionsOverdue),
            (Info, NoCelebration),
        ]
    );
    let evidence = |kind: FlagKind| {
        let f = flags.iter().find(|f| f.kind == kind).unwrap();
        (f.title.as_str(), f.evidence.as_str())
    };
    assert_eq!(
        evidence(SlaBreach),
        (
            "SLA missed: Accuracy",
            "missed in 2026-09 (99%, amber), 2026-10 (80%, red) against a target of 99.5% \
                 (provider obligation)"
        )
    );
    assert_eq!(
        evidence(NoticeDeadline),
        (
            "Renewal notice deadline passed",
            "notice due 2026-11-02, 13 days ago; the contract ends 2027-01-31"
        )
    );
    assert_eq!(
        evidence(RiskOverdue).1,
        "due 2026-10-01, 4 × 4 = 16 (critical), still mitigating"
    );
    assert_eq!(
        evidence(MissingCheckIns).1,
        "0 of 12 expected check-ins held in the last 90 days"
    );
    assert_eq!(
        evidence(ServiceCredits).1,
        "10% of the monthly fee over the last 12 months = 100 USD: 2026-09 5%, 2026-10 5%"
    );
    assert_eq!(
        evidence(Overtime).1,
        "overtime beyond capacity in 2026-10 10% against a 5% limit"
    );
    assert_eq!(
        evidence(ExpectationsNotAgreed),
        (
            "1 expectation not agreed",
            "Weekend cover (set by the client)"
        )
    );
    assert_eq!(
        evidence(ReviewOverdue).1,
        "no review in the 318 days since the start, every 90 days agreed"
    );
    assert!(
        evidence(OneSidedFeedback)
            .1
            .starts_with("client share of feedback 100%")
    );
    assert_eq!(
        evidence(PerceptionGap).1,
        "survey of 2026-10: perception gap on trust: client 2, provider 4"
    );
    assert_eq!(
        evidence(GoalOverdue),
        ("Goal overdue: Cut errors", "due 2026-06-30, at-risk")
    );
    assert_eq!(
        evidence(ActionsOverdue),
        (
            "1 action overdue",
            "Ravi: share the calendar (due 2025-12-08, 342 days late, from Kick-off)"
        )
    );
    assert_eq!(
        evidence(NoCelebration).1,
        "no milestone celebrated from 2026-05-01 to 2026-11-15"
    );
    let subjects: Vec<_> = flags.iter().filter_map(|f| f.subject.as_deref()).collect();
    assert_eq!(subjects, vec!["acc", "key-person", "cut-errors"]);
}

#[test]
fn a_bare_engagement_only_gets_the_celebration_nudge() {
    let flags = flags_of(&engagement());
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].kind, FlagKind::NoCelebration);
}

#[test]
fn amber_only_breach_is_a_warning_and_old_breaches_are_not_flagged() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("acc", 100.0)
    });
    set_kpi(&mut e, "2026-03", "acc", Some(0.0)); // red, but 8 months ago
    set_kpi(&mut e, "2026-10", "acc", Some(95.0)); // amber
    let flags = flags_of(&e);
    let sla: Vec<_> = flags
        .iter()
        .filter(|f| f.kind == FlagKind::SlaBreach)
        .collect();
    assert_eq!(sla.len(), 1);
    assert_eq!(sla[0].severity, Severity::Warning);
    assert!(sla[0].evidence.starts_with("missed in 2026-10 (95, amber)"));
}

#[test]
fn many_overdue_actions_are_counted_past_three() {
    let mut e = engagement();
    let mut n = note("2026-01-01", NoteKind::CheckIn);
    n.actions = (0..5)
        .map(|i| action(&format!("task {i}"), Some("2026-01-02"), false))
        .collect();
    add_note(&mut e, n);
    let flags = flags_of(&e);
    let f = flags
        .iter()
        .find(|f| f.kind == FlagKind::ActionsOverdue)
        .unwrap();
    assert_eq!(f.title, "5 actions overdue");
    assert!(f.evidence.ends_with("; and 2 more"), "{}", f.evidence);
}

#[test]
fn a_near_deadline_is_a_warning() {
    let mut e = troubled();
    e.record.contract.as_mut().unwrap().end = Some(d("2027-03-01")); // deadline 2026-12-01
    let f = flags_of(&e)
        .into_iter()
        .find(|f| f.kind == FlagKind::NoticeDeadline)
        .unwrap();
    assert_eq!(
        (f.severity, f.title.as_str()),
        (Severity::Warning, "Renewal notice deadline near")
    );
    assert_eq!(
        f.evidence,
        "notice due 2026-12-01, in 16 days; the contract ends 2027-03-01"
    );
}

#[test]
fn relief_claimed_not_agreed_is_a_warning_and_changes_no_figure() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        name: "Service level".to_string(),
        ..kpi("sl", 80.0)
    });
    set_kpi(&mut e, "2026-10", "sl", Some(50.0)); // red
    excuse(&mut e, "2026-10", "sl", "Carrier outage (INC-1)", false);
    excuse(&mut e, "2025-06", "sl", "too old to flag", false);
    let flags = flags_of(&e);
    let relief: Vec<_> = flags
        .iter()
        .filter(|f| f.kind == FlagKind::ReliefNotAgreed)
        .collect();
    assert_eq!(relief.len(), 1);
    assert_eq!(relief[0].severity, Severity::Warning);
    assert_eq!(relief[0].subject.as_deref(), Some("sl"));
    assert_eq!(
        (relief[0].title.as_str(), relief[0].evidence.as_str()),
        (
            "Relief claimed, not agreed: Service level",
            "Service level in 2026-10: Carrier outage (INC-1)"
        )
    );
    // The claim changes no figure: the month is still a red breach.
    assert!(flags.iter().any(|f| f.kind == FlagKind::SlaBreach));
    // Agreed, the month is judged nowhere: no breach, no relief flag.
    e.periods.iter_mut().for_each(|p| {
        p.excused.iter_mut().for_each(|x| x.agreed = true);
    });
    let flags = flags_of(&e);
    assert!(
        !flags
            .iter()
            .any(|f| matches!(f.kind, FlagKind::SlaBreach | FlagKind::ReliefNotAgreed))
    );
}

#[test]
fn chronic_failure_is_critical_and_one_short_is_a_warning() {
    use crate::model::{Chronic, Contract};
    let mut e = engagement();
    e.record.contract = Some(Contract {
        monthly_fee: Some(1_000_000.0),
        at_risk_pct: Some(12.0),
        chronic: Some(Chronic {
            defaults: 3,
            months: 6,
        }),
        ..Contract::default()
    });
    e.record.kpis = vec![Kpi {
        sla: true,
        minimum: Some(75.0),
        credit_allocation_pct: Some(40.0),
        name: "Service level".into(),
        ..kpi("sl", 80.0)
    }];
    set_kpi(&mut e, "2026-07", "sl", Some(70.0));
    set_kpi(&mut e, "2026-09", "sl", Some(70.0));
    let as_of = d("2026-11-15");
    let warning = flags_of_at(&e, as_of)
        .into_iter()
        .find(|f| f.kind == FlagKind::ChronicFailure)
        .expect("a chronic-failure warning");
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.evidence,
        "one more default of Service level before 2027-01 gives a termination right \
         (defaults in 2026-07 and 2026-09)"
    );
    set_kpi(&mut e, "2026-10", "sl", Some(70.0));
    let critical = flags_of_at(&e, as_of)
        .into_iter()
        .find(|f| f.kind == FlagKind::ChronicFailure)
        .expect("a chronic failure");
    assert_eq!(critical.severity, Severity::Critical);
    assert_eq!(
        critical.evidence,
        "chronic failure: Service level defaulted in 2026-07, 2026-09 and 2026-10; the \
         contract's termination right applies"
    );
    let credits = flags_of_at(&e, as_of)
        .into_iter()
        .find(|f| f.kind == FlagKind::ServiceCredits)
        .expect("credits accrued");
    assert!(
        credits.evidence.starts_with("144,000 accrued"),
        "{}",
        credits.evidence
    );
}

fn flags_of_at(e: &Engagement, as_of: chrono::NaiveDate) -> Vec<Flag> {
    crate::analyse::analyse_engagement(e, &crate::config::Config::default(), as_of).flags
}

#[test]
fn a_breach_judged_against_an_earlier_target_names_it() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        terms: vec![crate::model::KpiTerm {
            from: m("2026-10"),
            target: Some(90.0),
            warn: None,
            minimum: None,
            sla: None,
            weight: None,
            credit_allocation_pct: None,
        }],
        ..kpi("acc", 100.0)
    });
    set_kpi(&mut e, "2026-09", "acc", Some(95.0)); // amber against 100
    set_kpi(&mut e, "2026-10", "acc", Some(85.0)); // amber against 90
    let flags = flags_of(&e);
    let sla = flags
        .iter()
        .find(|f| f.kind == FlagKind::SlaBreach)
        .unwrap();
    assert_eq!(
        sla.evidence,
        "missed in 2026-09 (95, amber, target 100), 2026-10 (85, amber) against a target \
         of 90 (provider obligation)"
    );
}
