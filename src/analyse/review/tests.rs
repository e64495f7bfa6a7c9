//! Quarters, and the rules of a pack's summary, on small engagements.

use super::*;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

#[test]
fn quarter_arithmetic() {
    let q = Quarter::of(m("2026-08"));
    assert_eq!(q.label(), "2026-Q3");
    assert_eq!(q.months().first, m("2026-07"));
    assert_eq!(q.months().last, m("2026-09"));
    assert_eq!(q.as_of().to_string(), "2026-10-01");
    assert_eq!(q.spelled(), "Jul to Sep 2026");
    assert_eq!(Quarter::of(m("2026-12")).as_of().to_string(), "2027-01-01");
}

use super::grid::{CellStatus, sla_grid};
use super::summary::{DecisionKind, IssueKind, TOP_ISSUES, WinKind, decisions, issues, wins};
use crate::analyse::analyse_without_trend;
use crate::analyse::flags::Severity;
use crate::analyse::rag::Rag;
use crate::analyse::testkit::{
    action, add_note, add_period_feedback, d, engagement, excuse, kpi, note, set_kpi,
};
use crate::model::{
    Chronic, Contract, Expectation, FeedbackKind, Goal, GoalStatus, Kpi, Milestone, NoteKind, Risk,
    RiskOwner, RiskStatus, ServiceCredits, Side,
};

const FEE: f64 = 200_000.0;
const AT_RISK_PCT: f64 = 10.0;

/// An SLA KPI, higher is better: target 80, minimum 70, `pct` of the
/// amount at risk.
fn sla(id: &str, pct: f64) -> Kpi {
    Kpi {
        sla: true,
        minimum: Some(70.0),
        credit_allocation_pct: Some(pct),
        ..kpi(id, 80.0)
    }
}

fn at_risk_contract() -> Contract {
    Contract {
        monthly_fee: Some(FEE),
        currency: Some("GBP".into()),
        at_risk_pct: Some(AT_RISK_PCT),
        ..Contract::default()
    }
}

const Q3: Quarter = Quarter { year: 2026, q: 3 };

fn at_end(e: &Engagement, q: Quarter) -> EngagementAnalysis {
    analyse_without_trend(e, &Config::default(), q.as_of())
}

/// Two SLA KPIs over 2026-Q3: `sl` breaches in July, defaults in August,
/// meets in September; `ab` defaults in September. Nothing after the
/// quarter counts.
fn troubled() -> Engagement {
    let mut e = engagement();
    e.record.contract = Some(at_risk_contract());
    e.record.kpis = vec![sla("sl", 40.0), sla("ab", 80.0), kpi("fcr", 75.0)];
    for (month, sl, ab) in [
        ("2026-06", 85.0, 90.0),
        ("2026-07", 75.0, 90.0),
        ("2026-08", 65.0, 90.0),
        ("2026-09", 85.0, 60.0),
        // After the quarter: a default that no Q3 figure may see.
        ("2026-10", 10.0, 10.0),
    ] {
        set_kpi(&mut e, month, "sl", Some(sl));
        set_kpi(&mut e, month, "ab", Some(ab));
    }
    for month in ["2026-07", "2026-08", "2026-09"] {
        set_kpi(&mut e, month, "fcr", Some(80.0));
    }
    e
}

#[test]
fn the_grid_marks_breaches_and_defaults_month_by_month() {
    let e = troubled();
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    let ids: Vec<&str> = grid.rows.iter().map(|r| r.kpi.as_str()).collect();
    assert_eq!(ids, ["sl", "ab"], "only the SLA KPIs");
    assert_eq!(grid.months, [m("2026-07"), m("2026-08"), m("2026-09")]);
    let statuses =
        |row: usize| -> Vec<CellStatus> { grid.rows[row].cells.iter().map(|c| c.status).collect() };
    assert_eq!(
        statuses(0),
        [CellStatus::Breach, CellStatus::Default, CellStatus::Met]
    );
    assert_eq!(
        statuses(1),
        [CellStatus::Met, CellStatus::Met, CellStatus::Default]
    );
    // A miss is red and says so, never amber "near target".
    assert_eq!(CellStatus::Breach.rag(), Rag::Red);
    assert_eq!(CellStatus::Breach.words(), "breach");
    assert_eq!(grid.rows[0].minimum, Some(70.0));
}

#[test]
fn the_grid_credits_follow_the_contract_per_month_and_in_total() {
    let e = troubled();
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    let credits = grid.credits.expect("an at-risk contract has credits");
    // What the contract says, month by month: a default costs its KPI's
    // allocation of the amount at risk; a breach above the minimum nothing.
    let at_risk = FEE * AT_RISK_PCT / 100.0;
    let sl = e.kpi("sl").unwrap().credit_allocation_pct.unwrap() / 100.0;
    let ab = e.kpi("ab").unwrap().credit_allocation_pct.unwrap() / 100.0;
    let expected = [0.0, sl * at_risk, ab * at_risk];
    let amounts: Vec<f64> = credits.months.iter().map(|c| c.amount.unwrap()).collect();
    assert_eq!(amounts, expected);
    assert_eq!(credits.total.amount, Some(expected.iter().sum::<f64>()));
    // Without earn-back the whole quarter is payable at once.
    let settled = credits.settlement.unwrap();
    assert_eq!(settled.payable, expected.iter().sum::<f64>());
    assert_eq!((settled.pending, settled.earned_back), (0.0, 0.0));
    // And the analysis' own months agree with the grid.
    let accrued: Vec<f64> = a
        .at_risk
        .as_ref()
        .unwrap()
        .months
        .iter()
        .filter(|c| Q3.months().contains(c.month))
        .map(|c| c.accrued)
        .collect();
    assert_eq!(accrued, amounts);
}

#[test]
fn per_breach_credits_count_every_breach_of_the_quarter() {
    let mut e = troubled();
    e.record.contract = Some(Contract {
        monthly_fee: Some(FEE),
        currency: Some("EUR".into()),
        service_credits: Some(ServiceCredits {
            per_breach_pct: 2.0,
            cap_pct: 3.0,
        }),
        ..Contract::default()
    });
    let a = at_end(&e, Q3);
    let credits = sla_grid(&e, Q3, &a).credits.unwrap();
    // One breach a month; a default is a breach too.
    let pct: Vec<f64> = credits
        .months
        .iter()
        .map(|c| c.pct_of_fee.unwrap())
        .collect();
    assert_eq!(pct, [2.0, 2.0, 2.0]);
    assert_eq!(credits.total.pct_of_fee, Some(6.0));
    assert_eq!(credits.total.amount, Some(6.0 * FEE / 100.0));
    assert!(credits.settlement.is_none());
}

#[test]
fn a_pack_sees_nothing_after_its_quarter() {
    let e = troubled();
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    let mut later = e.clone();
    for month in ["2026-10", "2026-11"] {
        set_kpi(&mut later, month, "sl", Some(0.0));
        set_kpi(&mut later, month, "ab", Some(0.0));
    }
    let b = at_end(&later, Q3);
    assert_eq!(sla_grid(&later, Q3, &b), grid);
    assert_eq!(issues(&later, &grid, &b), issues(&e, &grid, &a));
}

fn risk(id: &str, likelihood: u8, impact: u8, status: RiskStatus) -> Risk {
    Risk {
        id: id.into(),
        title: format!("risk {id}"),
        likelihood,
        impact,
        owner: RiskOwner::Provider,
        status,
        mitigation: None,
        due: None,
        audience: None,
    }
}

#[test]
fn issues_rank_by_severity_then_kind_and_the_page_shows_three() {
    let mut e = troubled();
    // A high risk (3 × 4 = 12): a warning; a critical one closed: nothing.
    e.record.risks = vec![
        risk("high", 3, 4, RiskStatus::Open),
        risk("gone", 5, 5, RiskStatus::Closed),
    ];
    let mut n = note("2026-08-10", NoteKind::CheckIn);
    n.actions = vec![action("Dana: send the plan", Some("2026-09-01"), false)];
    add_note(&mut e, n);
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    let all = issues(&e, &grid, &a);
    let kinds: Vec<(Severity, IssueKind)> = all.iter().map(|i| (i.severity, i.kind)).collect();
    // The defaults make the SLA issue critical; then the warnings by kind.
    assert_eq!(kinds[0], (Severity::Critical, IssueKind::SlaMisses));
    assert_eq!(kinds[1], (Severity::Warning, IssueKind::Risk));
    assert_eq!(kinds[2], (Severity::Warning, IssueKind::OverdueActions));
    assert!(all.len() >= TOP_ISSUES);
    assert!(
        all[0].title.english().starts_with("2 of 2 SLAs missed"),
        "{}",
        all[0].title
    );
    assert!(
        all[0]
            .detail
            .english()
            .contains("sl: missed the 80 target in 2026-07")
            && all[0]
                .detail
                .english()
                .contains("missed the 70 minimum (a default) in 2026-08"),
        "{}",
        all[0].detail.english()
    );
    // The quarter's credits, as the grid has them.
    let total = grid.credits.as_ref().unwrap().total.amount.unwrap();
    assert!(
        all[0]
            .detail
            .english()
            .contains(&crate::format::money(total, "GBP")),
        "{}",
        all[0].detail.english()
    );
    assert_eq!(all[1].title.english(), "Risk: risk high");
    assert_eq!(all[2].title.english(), "1 action overdue");

    // A critical risk outranks every warning; a chronic failure is critical.
    e.record
        .risks
        .push(risk("worst", 4, 5, RiskStatus::Mitigating));
    // One default in 6 months is a chronic failure here: sl and ab both.
    e.record.contract.as_mut().unwrap().chronic = Some(Chronic {
        defaults: 1,
        months: 6,
    });
    let a = at_end(&e, Q3);
    let all = issues(&e, &grid, &a);
    let top: Vec<IssueKind> = all.iter().take(TOP_ISSUES).map(|i| i.kind).collect();
    assert_eq!(
        top,
        [
            IssueKind::SlaMisses,
            IssueKind::TerminationRight,
            IssueKind::Risk
        ]
    );
    assert_eq!(all[1].severity, Severity::Critical);
    assert_eq!(all[2].title.english(), "Risk: risk worst");
    assert!(
        all[2]
            .detail
            .english()
            .contains("1 more rated high or critical"),
        "{}",
        all[2].detail.english()
    );
}

#[test]
fn a_quarter_without_trouble_has_no_issue() {
    let mut e = engagement();
    e.record.kpis = vec![sla("sl", 40.0)];
    for month in ["2026-07", "2026-08", "2026-09"] {
        set_kpi(&mut e, month, "sl", Some(90.0));
    }
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    assert!(issues(&e, &grid, &a).is_empty());
    // No contract: no credits row.
    assert!(grid.credits.is_none());
}

#[test]
fn wins_are_targets_met_throughout_milestones_goals_and_praise_of_the_quarter() {
    let mut e = troubled();
    e.record.milestones = vec![
        Milestone {
            date: d("2026-08-20"),
            title: "Go-live".into(),
            celebrated: true,
            audience: None,
        },
        Milestone {
            date: d("2026-08-21"),
            title: "Not celebrated".into(),
            celebrated: false,
            audience: None,
        },
        Milestone {
            date: d("2026-10-02"),
            title: "After the quarter".into(),
            celebrated: true,
            audience: None,
        },
    ];
    e.record.goals = vec![
        Goal {
            id: "done".into(),
            title: "Done in Q3".into(),
            due: Some(d("2026-09-15")),
            status: GoalStatus::Done,
            mutual: true,
            audience: None,
        },
        Goal {
            id: "early".into(),
            title: "Done in Q2".into(),
            due: Some(d("2026-06-15")),
            status: GoalStatus::Done,
            mutual: true,
            audience: None,
        },
    ];
    add_period_feedback(&mut e, "2026-08", Side::Client, FeedbackKind::Praise);
    add_period_feedback(&mut e, "2026-08", Side::Client, FeedbackKind::Concern);
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    let w = wins(&e, Q3, &grid, &a);
    let kinds: Vec<WinKind> = w.iter().map(|w| w.kind).collect();
    // sl and ab missed in the quarter; fcr met every month.
    assert_eq!(
        kinds,
        [
            WinKind::TargetMet,
            WinKind::MilestoneCelebrated,
            WinKind::GoalDone,
            WinKind::Praise
        ]
    );
    assert_eq!(
        w[0].text.english(),
        "fcr: on target in every month of the quarter"
    );
    assert!(w[1].text.english().ends_with("Go-live"));
    assert_eq!(w[2].text.english(), "Goal done: Done in Q3");

    // An SLA met in every judged month says so; an excused month is not judged.
    let mut e = engagement();
    e.record.kpis = vec![sla("sl", 40.0)];
    for month in ["2026-07", "2026-08", "2026-09"] {
        set_kpi(&mut e, month, "sl", Some(90.0));
    }
    set_kpi(&mut e, "2026-08", "sl", Some(10.0));
    excuse(&mut e, "2026-08", "sl", "outage", true);
    let a = at_end(&e, Q3);
    let grid = sla_grid(&e, Q3, &a);
    let w = wins(&e, Q3, &grid, &a);
    assert_eq!(
        w[0].text.english(),
        "sl: SLA met in each of the 2 months judged"
    );
}

#[test]
fn decisions_list_what_someone_must_decide() {
    let mut e = troubled();
    e.record.kpis.push(Kpi {
        owner: Side::Client,
        ..kpi("forecast", 95.0)
    });
    set_kpi(&mut e, "2026-07", "forecast", Some(40.0));
    set_kpi(&mut e, "2026-09", "forecast", Some(96.0));
    excuse(&mut e, "2026-09", "ab", "IVR outage", false);
    // The notice deadline (end − 90 days = 2026-11-02) falls in 2026-Q4.
    e.record.contract.as_mut().unwrap().end = Some(d("2027-01-31"));
    e.record.contract.as_mut().unwrap().renewal_notice_days = Some(90);
    e.record.expectations = vec![
        Expectation {
            text: "Weekend cover".into(),
            set_by: Side::Client,
            agreed: false,
            audience: None,
        },
        Expectation {
            text: "Agreed already".into(),
            set_by: Side::Client,
            agreed: true,
            audience: None,
        },
    ];
    e.record.goals = vec![Goal {
        id: "late".into(),
        title: "Recover the service level".into(),
        due: Some(d("2026-09-30")),
        status: GoalStatus::OffTrack,
        mutual: true,
        audience: None,
    }];
    let mut esc = note("2026-08-12", NoteKind::Escalation);
    esc.actions = vec![
        action("Ravi: recovery plan", Some("2026-12-01"), false),
        action("Dana: data", None, true),
    ];
    add_note(&mut e, esc);
    let a = at_end(&e, Q3);
    let list = decisions(&e, Q3, &a);
    let kinds: Vec<DecisionKind> = list.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            DecisionKind::ReliefClaim,
            DecisionKind::NoticeDeadline,
            DecisionKind::ClientObligation,
            DecisionKind::Escalation,
            DecisionKind::Expectation,
            DecisionKind::GoalOverdue
        ]
    );
    assert_eq!(
        list[0].text.english(),
        "Agree or reject the relief claimed for ab in 2026-09: IVR outage"
    );
    assert_eq!(
        list[1].text.english(),
        "Renew, renegotiate or give notice by 2026-11-02 (the contract ends on 2027-01-31)"
    );
    assert_eq!(
        list[2].text.english(),
        "What Acme Corp owes: forecast at 40 in 2026-07 against a target of 95; not reported in 2026-08"
    );
    assert!(
        list[3].text.english().ends_with(": 1 action still open"),
        "{}",
        list[3].text.english()
    );
    assert_eq!(
        list[4].text.english(),
        "Agree or drop the client's expectation: Weekend cover"
    );
    assert!(
        list[5]
            .text
            .english()
            .contains("Recover the service level (due 2026-09-30, off track)")
    );
    // The same decisions in German: German dates, months named, the side declined.
    let de = {
        let theme = crate::render::theme::Theme::builtin();
        let mut found = Vec::new();
        crate::render::language::Language::load(
            &theme,
            "de",
            std::path::Path::new("test"),
            &mut found,
        )
        .expect("the built-in German loads")
    };
    assert_eq!(
        de.text(&list[1].text),
        "Verlängern, neu verhandeln oder bis 02.11.2026 kündigen (der Vertrag endet am 31.01.2027)"
    );
    assert_eq!(
        de.text(&list[2].text),
        "Was Acme Corp schuldet: forecast bei 40 im Juli 2026 gegenüber einem Zielwert von 95; \
         nicht gemeldet im August 2026"
    );
    assert_eq!(
        de.text(&list[4].text),
        "Erwartung des Kunden vereinbaren oder verwerfen: Weekend cover"
    );

    // A deadline two quarters away is not yet a decision of this pack.
    e.record.contract.as_mut().unwrap().end = Some(d("2027-06-30"));
    let a = at_end(&e, Q3);
    assert!(
        decisions(&e, Q3, &a)
            .iter()
            .all(|x| x.kind != DecisionKind::NoticeDeadline)
    );
}

#[test]
fn the_trend_runs_over_the_quarter_and_ends_on_the_pack_figure() {
    let e = troubled();
    let config = Config::default();
    let a = at_end(&e, Q3);
    let s = quarter_summary(&e, &config, Q3, &a);
    let dates: Vec<String> = s.trend.iter().map(|p| p.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"]
    );
    let last = s.trend.last().unwrap();
    assert_eq!((last.rounded, last.band), (a.health.rounded, a.health.band));
    assert_eq!(
        s.trend[1].score,
        crate::analyse::health_at(&e, &config, d("2026-08-01"))
    );
}
