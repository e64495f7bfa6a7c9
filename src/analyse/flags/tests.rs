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
fn every_problem_is_flagged_most_severe_first_in_plain_words() {
    let flags = flags_of(&troubled());
    let kinds: Vec<_> = flags.iter().map(|f| (f.severity, f.kind)).collect();
    use FlagKind::*;
    use Severity::*;
    assert_eq!(
        kinds,
        vec![
            (Critical, SlaBreach),
            (Critical, NoticeDeadline),
            (Critical, CriticalRisk),
            (Warning, ServiceCredits),
            (Warning, Overtime),
            (Warning, ExpectationsNotAgreed),
            (Warning, ReviewOverdue),
            (Warning, MissingCheckIns),
            (Warning, OneSidedFeedback),
            (Warning, PerceptionGap),
            (Warning, GoalOverdue),
            (Warning, ActionsOverdue),
            (Info, NoCelebration),
        ]
    );
    let words = |kind: FlagKind| {
        let f = flags.iter().find(|f| f.kind == kind).unwrap();
        // Leaked, to compare with the expected words as they are written.
        let (title, evidence) = (f.title.english().leak(), f.evidence.english().leak());
        (&*title, &*evidence)
    };
    assert_eq!(
        words(SlaBreach),
        (
            "BPSource breached the SLA on Accuracy in September and October 2026",
            "99% in September and 80% in October 2026, against a target of 99.5%."
        )
    );
    assert_eq!(
        words(NoticeDeadline),
        (
            "The renewal notice deadline passed 13 days ago, on 2 November 2026",
            "The contract ends on 31 January 2027; notice to renew or end it is due 90 days \
             before."
        )
    );
    assert_eq!(
        words(CriticalRisk),
        (
            "Critical risk: Single SME",
            "Likelihood 4 × impact 4 = 16, still being mitigated; its mitigation was due on 1 \
             October 2026."
        )
    );
    assert_eq!(
        words(MissingCheckIns),
        (
            "None of the 12 check-ins expected in the last 90 days was held",
            "Check-ins are agreed weekly. No check-in has been held yet."
        )
    );
    assert_eq!(
        words(ServiceCredits),
        (
            "Service credits of 10% of the monthly fee (100 USD) are due for the last 12 months",
            "For the breaches of 5% in September and 5% in October 2026."
        )
    );
    assert_eq!(
        words(Overtime),
        (
            "Overtime was over the 5% limit in October 2026",
            "Hours worked beyond contracted capacity: 10% in October 2026."
        )
    );
    assert_eq!(
        words(ExpectationsNotAgreed),
        (
            "1 expectation is not agreed by both sides",
            "“Weekend cover”, set by Acme Corp."
        )
    );
    assert_eq!(
        words(ReviewOverdue),
        (
            "The review is overdue",
            "No review has been held in the 318 days since the start; one is agreed every 90 \
             days."
        )
    );
    assert_eq!(
        words(OneSidedFeedback),
        (
            "Feedback is one-sided: BPSource gave none in the last 6 months",
            "BPSource gave no feedback in the last 6 months (May to October 2026); all 3 items \
             came from Acme Corp."
        )
    );
    assert_eq!(
        words(PerceptionGap),
        (
            "The two sides see trust differently",
            "In the survey of October 2026, the two sides' answers differ by 1 point or more on \
             trust (Acme Corp 2, BPSource 4)."
        )
    );
    assert_eq!(
        words(GoalOverdue),
        (
            "The goal “Cut errors” is overdue",
            "It was due on 30 June 2026 and is at risk."
        )
    );
    assert_eq!(
        words(ActionsOverdue),
        (
            "1 action is overdue",
            "“Ravi: share the calendar”, due 8 December 2025 (342 days late), from Kick-off."
        )
    );
    assert_eq!(
        words(NoCelebration).1,
        "No milestone was celebrated between 1 May 2026 and 15 November 2026."
    );
    let subjects: Vec<_> = flags.iter().filter_map(|f| f.subject.as_deref()).collect();
    assert_eq!(subjects, vec!["acc", "key-person", "cut-errors"]);
    // No machine output: no status colours, no "x of y" exposure, no ISO months.
    for f in &flags {
        for text in [f.title.english(), f.evidence.english()] {
            assert!(
                !text.contains(", red)") && !text.contains(", amber") && !text.contains("2026-"),
                "{text}"
            );
        }
    }
}

#[test]
fn breaches_defaults_chronic_failure_notice_and_critical_risks_are_the_critical_ones() {
    use FlagKind::*;
    // Every kind, from the enum itself: a kind added later is judged too.
    let critical: Vec<FlagKind> = crate::names::variants::<FlagKind>()
        .iter()
        .map(|name| serde_json::from_value::<FlagKind>(serde_json::json!(name)).unwrap())
        .filter(|k| k.severity() == Severity::Critical)
        .collect();
    assert_eq!(
        critical,
        vec![SlaBreach, ChronicFailure, NoticeDeadline, CriticalRisk]
    );
    assert_eq!(NoCelebration.severity(), Severity::Info);
}

#[test]
fn a_high_risk_overdue_is_a_warning_and_a_critical_risk_is_critical_when_not_overdue() {
    let mut e = engagement();
    let risk = |id: &str, l: u8, i: u8, due: Option<&str>| Risk {
        id: id.to_string(),
        title: id.to_string(),
        likelihood: l,
        impact: i,
        owner: RiskOwner::Provider,
        status: RiskStatus::Open,
        mitigation: None,
        due: due.map(d),
        audience: None,
    };
    e.record.risks = vec![
        risk("late-high", 3, 4, Some("2026-10-01")),
        risk("critical", 4, 5, None),
        risk("low", 1, 1, None),
    ];
    let flags = flags_of(&e);
    let of = |id: &str| flags.iter().find(|f| f.subject.as_deref() == Some(id));
    let critical = of("critical").unwrap();
    assert_eq!(
        (
            critical.severity,
            critical.kind,
            critical.title.english().as_str()
        ),
        (
            Severity::Critical,
            FlagKind::CriticalRisk,
            "Critical risk: critical"
        )
    );
    assert_eq!(
        critical.evidence.english(),
        "Likelihood 4 × impact 5 = 20, still open."
    );
    let high = of("late-high").unwrap();
    assert_eq!(
        (
            high.severity,
            high.title.english().as_str(),
            high.evidence.english().as_str()
        ),
        (
            Severity::Warning,
            "The mitigation of late-high is overdue since 1 October 2026",
            "Likelihood 3 × impact 4 = 12, still open: a high risk."
        )
    );
    assert!(of("low").is_none());
}

#[test]
fn a_bare_engagement_only_gets_the_celebration_nudge() {
    let flags = flags_of(&engagement());
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].kind, FlagKind::NoCelebration);
}

#[test]
fn a_narrow_sla_miss_is_a_critical_breach_and_old_breaches_are_not_flagged() {
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
    assert_eq!(sla[0].severity, Severity::Critical);
    assert_eq!(
        sla[0].evidence.english(),
        "95 in October 2026, against a target of 100."
    );
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
    assert_eq!(f.title.english(), "5 actions are overdue");
    assert!(
        f.evidence.english().ends_with("; and 2 more."),
        "{}",
        f.evidence
    );
}

#[test]
fn a_near_deadline_is_critical() {
    let mut e = troubled();
    e.record.contract.as_mut().unwrap().end = Some(d("2027-03-01")); // deadline 2026-12-01
    let f = flags_of(&e)
        .into_iter()
        .find(|f| f.kind == FlagKind::NoticeDeadline)
        .unwrap();
    assert_eq!(
        (f.severity, f.title.english().as_str()),
        (
            Severity::Critical,
            "The renewal notice deadline is in 16 days, on 1 December 2026"
        )
    );
    assert_eq!(
        f.evidence.english(),
        "The contract ends on 1 March 2027; notice to renew or end it is due 90 days before."
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
        (
            relief[0].title.english().as_str(),
            relief[0].evidence.english().as_str()
        ),
        (
            "Relief for Service level in October 2026 is claimed but not agreed",
            "Carrier outage (INC-1). Until both sides agree it, the month counts as any other."
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
fn chronic_failure_and_one_default_short_of_it_are_critical() {
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
    assert_eq!(warning.severity, Severity::Critical);
    assert_eq!(
        (
            warning.title.english().as_str(),
            warning.evidence.english().as_str()
        ),
        (
            "Service level is one default away from chronic failure",
            "It defaulted in July and September 2026; one more default before January 2027 \
             gives the contract's termination right for chronic failure."
        )
    );
    set_kpi(&mut e, "2026-10", "sl", Some(70.0));
    let critical = flags_of_at(&e, as_of)
        .into_iter()
        .find(|f| f.kind == FlagKind::ChronicFailure)
        .expect("a chronic failure");
    assert_eq!(critical.severity, Severity::Critical);
    assert_eq!(
        (
            critical.title.english().as_str(),
            critical.evidence.english().as_str()
        ),
        (
            "Chronic failure: Service level has defaulted too often",
            "It defaulted in July, September and October 2026, so the contract's termination \
             right for chronic failure applies."
        )
    );
    let breach = flags_of_at(&e, as_of)
        .into_iter()
        .find(|f| f.kind == FlagKind::SlaBreach)
        .expect("a breach");
    assert_eq!(
        breach.evidence.english(),
        "70 in September and 70 in October 2026, against a target of 80; below the 75 minimum \
         every month (defaults)."
    );
    let credits = flags_of_at(&e, as_of)
        .into_iter()
        .find(|f| f.kind == FlagKind::ServiceCredits)
        .expect("credits accrued");
    assert!(
        credits
            .title
            .english()
            .starts_with("Service credits of 144,000 accrued"),
        "{}",
        credits.title
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
        sla.evidence.english(),
        "95 (against 100) in September and 85 in October 2026, against a target of 90."
    );
}

/// The same flags in German: the language's words, numbers and dates, the
/// same figures; every argument the messages ask for is given.
#[test]
fn flags_read_in_german_with_german_numbers_and_dates() {
    use crate::render::language::Language;
    use crate::render::theme::Theme;
    let mut found = Vec::new();
    let de = Language::load(
        &Theme::builtin(),
        "de",
        std::path::Path::new("test"),
        &mut found,
    )
    .expect("German loads");
    assert!(found.is_empty(), "{found:?}");
    let flags = flags_of(&troubled());
    let words = |kind: FlagKind| {
        let f = flags.iter().find(|f| f.kind == kind).unwrap();
        (de.text(&f.title), de.text(&f.evidence))
    };
    assert_eq!(
        words(FlagKind::SlaBreach),
        (
            "BPSource hat das SLA für Accuracy im September und Oktober 2026 verfehlt".to_string(),
            "99% im September und 80% im Oktober 2026, bei einem Zielwert von 99,5%.".to_string()
        )
    );
    assert_eq!(
        words(FlagKind::NoticeDeadline).1,
        "Der Vertrag endet am 31. Januar 2027; die Kündigung oder Verlängerung ist 90 Tage \
         vorher fällig."
    );
    for f in &flags {
        for text in [de.text(&f.title), de.text(&f.evidence)] {
            assert!(!text.contains('{') && !text.contains("flag-"), "{text}");
        }
    }
}
