//! Analyse: the pure figures of docs/metrics.md, computed
//! from an audience-filtered model and a report date, with no I/O.
//!
//! One module per concern; this one runs them for an engagement, combines
//! their scores into health, collects the flags and the portfolio row's
//! summary. docs/metrics.md states every formula as computed here.

pub mod actions;
pub mod at_risk;
pub mod attention;
pub mod cadence;
pub mod celebrations;
pub mod contract;
pub mod credits;
pub mod digest;
pub mod escalations;
pub mod exact;
pub mod feedback;
pub mod flags;
pub mod goals;
pub mod health;
pub mod kpi;
pub mod obligations;
pub mod rag;
pub mod review;
pub mod risk;
pub mod root_causes;
pub mod sign_off;
pub mod stats;
pub mod survey;
pub mod terms;
#[cfg(test)]
pub(crate) mod testkit;
pub mod tone;
pub mod trust;
pub mod watermelon;
pub mod window;
pub mod words;
pub mod workload;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::model::{Engagement, Month, Portfolio};

use self::actions::ActionRegister;
use self::cadence::Communication;
use self::celebrations::Celebrations;
use self::contract::ContractStatus;
use self::credits::Credits;
use self::feedback::FeedbackBalance;
use self::flags::{Flag, Severity};
use self::goals::Goals;
use self::health::{ComponentKind, Health, Scored, SparkPoint};
use self::kpi::{Attainment, Performance};
use self::rag::Rag;
use self::risk::RiskRegister;
use self::trust::Trust;
use self::workload::Workload;

/// Every figure of one engagement at `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngagementAnalysis {
    pub id: String,
    pub as_of: NaiveDate,
    pub performance: Performance,
    /// `None` without `contract.service_credits`.
    pub credits: Option<Credits>,
    /// `None` without `contract.at_risk_pct` and `monthly_fee`.
    pub at_risk: Option<at_risk::AtRiskCredits>,
    /// SLA KPIs at or one default short of a chronic failure.
    pub chronic: Vec<at_risk::ChronicState>,
    pub workload: Workload,
    pub communication: Communication,
    pub feedback: FeedbackBalance,
    pub trust: Trust,
    pub risks: RiskRegister,
    /// `None` without `contract.end`.
    pub contract: Option<ContractStatus>,
    pub goals: Goals,
    pub celebrations: Celebrations,
    pub actions: ActionRegister,
    /// Each ended month's sign-off; empty months without sign-off kept.
    pub sign_off: sign_off::SignOffs,
    /// Recurring obligations of both sides and their instances.
    pub obligations: obligations::Obligations,
    /// Escalation notes on the ladder, and their time boxes.
    pub escalations: escalations::Escalations,
    /// The root cause of each SLA breach of the last 12 months.
    pub root_causes: root_causes::RootCauses,
    pub health: Health,
    /// Most severe first.
    pub flags: Vec<Flag>,
    pub summary: Summary,
}

/// What the portfolio row shows for an engagement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub health: Option<f64>,
    pub health_rounded: Option<i64>,
    pub band: Rag,
    /// Health at the first day of each of the last 11 months, then at
    /// `as_of`, oldest first (from the month of `start` on).
    pub sparkline: Vec<SparkPoint>,
    /// Met / reported over every SLA KPI together, last 12 months.
    pub sla_attainment: Option<Attainment>,
    pub open_risks: usize,
    pub overdue_actions: usize,
    /// The latest check-in or review note on or before `as_of`.
    pub last_check_in: Option<NaiveDate>,
    pub days_since_check_in: Option<i64>,
    pub contract_end: Option<NaiveDate>,
    pub critical_flags: usize,
    pub flags: usize,
}

/// The health components of one engagement at one date.
struct Components {
    performance: Performance,
    workload: Workload,
    communication: Communication,
    feedback: FeedbackBalance,
    trust: Trust,
    risks: RiskRegister,
    obligations: obligations::Obligations,
}

impl Components {
    fn compute(e: &Engagement, config: &Config, as_of: NaiveDate) -> Components {
        Components {
            performance: kpi::analyse_performance(e, as_of),
            workload: workload::analyse_workload(e, &config.thresholds, as_of),
            communication: cadence::analyse_cadence(e, as_of),
            feedback: feedback::analyse_feedback(e, as_of),
            trust: trust::analyse_trust(e, config, as_of),
            risks: risk::analyse_risks(e, as_of),
            obligations: obligations::analyse_obligations(e, as_of),
        }
    }

    fn scored(&self) -> Vec<Scored> {
        ComponentKind::ALL
            .iter()
            .map(|&kind| Scored {
                kind,
                score: match kind {
                    ComponentKind::Performance => self.performance.score,
                    ComponentKind::Workload => self.workload.score,
                    ComponentKind::Communication => self.communication.score,
                    ComponentKind::Feedback => self.feedback.score,
                    ComponentKind::Trust => self.trust.score,
                    ComponentKind::Risk => Some(self.risks.score),
                    ComponentKind::Obligations => self.obligations.score,
                },
            })
            .collect()
    }

    fn reasons(&self, kind: ComponentKind, parties: &words::Parties) -> Vec<crate::text::Text> {
        match kind {
            ComponentKind::Performance => self.performance.reasons(parties),
            ComponentKind::Workload => self.workload.reasons(parties),
            ComponentKind::Communication => self.communication.reasons(),
            ComponentKind::Feedback => self.feedback.reasons(parties),
            ComponentKind::Trust => self.trust.reasons(parties),
            ComponentKind::Risk => self.risks.reasons_text(),
            ComponentKind::Obligations => self.obligations.reasons_text(parties),
        }
    }
}

/// The health score alone, with `as_of` as the report date (for the
/// sparkline); `None` before the month of `start`.
pub fn health_at(e: &Engagement, config: &Config, as_of: NaiveDate) -> Option<f64> {
    if before_start(e, Month::of(as_of)) {
        return None;
    }
    health::score(
        &Components::compute(e, config, as_of).scored(),
        &config.weights,
    )
}

/// The health as a page shows it at `as_of`, and nothing else: what the
/// partner's shared build prints, computed from the shared-scoped model
/// without the rest of its analysis (`site::partner_view`).
pub fn health_shown_at(e: &Engagement, config: &Config, as_of: NaiveDate) -> health::Shown {
    health::Shown::of(health_at(e, config, as_of), &config.thresholds.health)
}

/// Health is not computed for a month before the month of `start`
/// (docs/metrics.md, "Health").
fn before_start(e: &Engagement, month: Month) -> bool {
    e.record.start.is_some_and(|s| month < Month::of(s))
}

pub fn analyse_engagement(e: &Engagement, config: &Config, as_of: NaiveDate) -> EngagementAnalysis {
    analyse(e, config, as_of, Trend::Included)
}

/// The figures as of a past date, for a review pack, without the 12-month
/// health trend (`summary.sparkline` is empty): packs do not show it, and it
/// costs twelve more analyses.
pub fn analyse_without_trend(
    e: &Engagement,
    config: &Config,
    as_of: NaiveDate,
) -> EngagementAnalysis {
    analyse(e, config, as_of, Trend::Left)
}

#[derive(Clone, Copy, PartialEq)]
enum Trend {
    Included,
    Left,
}

fn analyse(e: &Engagement, config: &Config, as_of: NaiveDate, trend: Trend) -> EngagementAnalysis {
    let c = Components::compute(e, config, as_of);
    let bands = &config.thresholds.health;
    let parties = words::Parties::of(e);
    let mut health = health::breakdown(
        &c.scored(),
        |k| c.reasons(k, &parties),
        &config.weights,
        bands,
    );
    if before_start(e, Month::of(as_of)) {
        health.score = None;
        health.rounded = None;
        health.band = Rag::Grey;
    }
    let sparkline = match trend {
        Trend::Included => health::sparkline(as_of, bands, |date| health_at(e, config, date))
            .into_iter()
            .filter(|p| !before_start(e, p.month))
            .collect(),
        Trend::Left => Vec::new(),
    };
    let actions = actions::analyse_actions(e, as_of);
    let summary = Summary {
        health: health.score,
        health_rounded: health.rounded,
        band: health.band,
        sparkline,
        sla_attainment: c.performance.sla_attainment.clone(),
        open_risks: c.risks.open,
        overdue_actions: actions.overdue,
        last_check_in: c.communication.last_check_in,
        days_since_check_in: c.communication.days_since_check_in,
        contract_end: e.record.contract.as_ref().and_then(|c| c.end),
        critical_flags: 0,
        flags: 0,
    };
    let mut analysis = EngagementAnalysis {
        id: e.id.clone(),
        as_of,
        credits: credits::analyse_credits(e, &c.performance, as_of),
        at_risk: at_risk::analyse(e, as_of),
        chronic: at_risk::chronic(e, as_of),
        contract: contract::analyse_contract(e, &config.thresholds, as_of),
        goals: goals::analyse_goals(e, as_of),
        celebrations: celebrations::analyse_celebrations(e, as_of),
        actions,
        sign_off: sign_off::analyse_sign_off(e, as_of),
        escalations: escalations::analyse_escalations(e, as_of),
        root_causes: root_causes::analyse_root_causes(e, &c.performance, as_of),
        performance: c.performance,
        workload: c.workload,
        communication: c.communication,
        feedback: c.feedback,
        trust: c.trust,
        risks: c.risks,
        obligations: c.obligations,
        health,
        flags: Vec::new(),
        summary,
    };
    analysis.flags = flags::collect(e, &analysis);
    analysis.summary.flags = analysis.flags.len();
    analysis.summary.critical_flags = analysis
        .flags
        .iter()
        .filter(|f| f.severity == Severity::Critical)
        .count();
    analysis
}

/// Every engagement of the portfolio, in the portfolio's order, in parallel.
pub fn analyse_portfolio(p: &Portfolio, as_of: NaiveDate) -> Vec<EngagementAnalysis> {
    p.engagements
        .par_iter()
        .map(|e| analyse_engagement(e, &p.config, as_of))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement, kpi, m, set_kpi};
    use crate::model::Kpi;

    #[test]
    fn a_bare_engagement_is_healthy_on_risk_alone() {
        let a = analyse_engagement(&engagement(), &Config::default(), d("2026-11-15"));
        assert_eq!(a.health.score, Some(100.0));
        assert_eq!(
            (a.summary.health_rounded, a.summary.band),
            (Some(100), Rag::Green)
        );
        assert_eq!(a.health.left_out.len(), 6);
        assert_eq!(a.summary.sparkline.len(), 12);
        assert_eq!(a.summary.sla_attainment, None);
        assert_eq!((a.summary.open_risks, a.summary.overdue_actions), (0, 0));
        assert_eq!(
            (a.summary.days_since_check_in, a.summary.contract_end),
            (None, None)
        );
        assert_eq!((a.summary.flags, a.summary.critical_flags), (1, 0));
        assert!(a.credits.is_none() && a.contract.is_none());
    }

    #[test]
    fn health_breakdown_carries_reasons_and_renormalised_weights() {
        let mut e = engagement();
        e.record.kpis.push(Kpi {
            sla: true,
            ..kpi("acc", 100.0)
        });
        set_kpi(&mut e, "2026-10", "acc", Some(95.0)); // amber → 50
        let a = analyse_engagement(&e, &Config::default(), d("2026-11-15"));
        // (50 × 35 + 100 × 10) / 45 = 61.1…
        assert!((a.health.score.unwrap() - 2750.0 / 45.0).abs() < 1e-9);
        assert_eq!((a.health.rounded, a.health.band), (Some(61), Rag::Amber));
        let perf = &a.health.components[0];
        assert!((perf.effective_weight - 35.0 / 45.0).abs() < 1e-12);
        assert_eq!(
            perf.reasons[0].english(),
            "Of the 1 monthly KPI result of the last 3 months (August to October 2026), 1 \
             missed it within the warning margin (half marks)."
        );
        assert_eq!(
            perf.reasons[1].english(),
            "The SLA KPI missed its target in October 2026: acc 95 (target 100)."
        );
        assert_eq!(
            crate::analyse::testkit::english(&a.health.components[5].reasons),
            vec!["No risk is open."]
        );
        assert_eq!(a.summary.sla_attainment, Attainment::of(0, 1));
    }

    #[test]
    fn health_is_not_computed_before_the_month_of_start() {
        let mut e = engagement();
        e.record.start = Some(d("2026-07-20"));
        let a = analyse_engagement(&e, &Config::default(), d("2026-11-15"));
        // The sparkline begins in start's month and ends at as_of.
        let months: Vec<Month> = a.summary.sparkline.iter().map(|p| p.month).collect();
        assert_eq!(
            months,
            vec![
                m("2026-07"),
                m("2026-08"),
                m("2026-09"),
                m("2026-10"),
                m("2026-11")
            ]
        );
        let last = a.summary.sparkline.last().unwrap();
        assert_eq!(last.date, d("2026-11-15"));
        assert_eq!((last.rounded, last.band), (a.health.rounded, a.health.band));
        assert_eq!(a.summary.sparkline[0].score, Some(100.0));
        // as_of before start's month: "no data".
        let a = analyse_engagement(&e, &Config::default(), d("2026-06-30"));
        assert_eq!(
            (a.health.score, a.summary.health_rounded, a.summary.band),
            (None, None, Rag::Grey)
        );
        assert!(a.summary.sparkline.is_empty());
        // In start's month, before the day itself, health is computed.
        let a = analyse_engagement(&e, &Config::default(), d("2026-07-01"));
        assert_eq!(a.health.score, Some(100.0));
        assert_eq!(health_at(&e, &Config::default(), d("2026-06-01")), None);
    }

    #[test]
    fn sparkline_is_the_health_at_each_first_of_month() {
        let mut e = engagement();
        e.record.kpis.push(kpi("acc", 100.0));
        set_kpi(&mut e, "2026-05", "acc", Some(0.0)); // red in 2026-05
        let a = analyse_engagement(&e, &Config::default(), d("2026-11-15"));
        let at = |month: &str| {
            a.summary
                .sparkline
                .iter()
                .find(|p| p.month == m(month))
                .unwrap()
                .score
        };
        assert_eq!(
            at("2026-05"),
            Some(100.0),
            "2026-05 is in progress on 2026-05-01"
        );
        // windows 2026-03..05, 04..06, 05..07 hold the red month: (0 × 35 + 100 × 10) / 45
        for month in ["2026-06", "2026-07", "2026-08"] {
            assert!((at(month).unwrap() - 1000.0 / 45.0).abs() < 1e-9, "{month}");
        }
        assert_eq!(at("2026-09"), Some(100.0));
        assert_eq!(
            health_at(&e, &Config::default(), d("2026-06-01")),
            at("2026-06")
        );
    }

    #[test]
    fn portfolio_keeps_order_and_matches_single_analyses() {
        let mut second = engagement();
        second.id = "zeta".to_string();
        let p = Portfolio {
            config: Config::default(),
            engagements: vec![second, engagement()],
        };
        let all = analyse_portfolio(&p, d("2026-11-15"));
        let ids: Vec<_> = all.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["zeta", "acme"]);
        assert_eq!(
            all[1],
            analyse_engagement(&p.engagements[1], &p.config, d("2026-11-15"))
        );
    }

    #[test]
    fn analysis_serialises_to_json() {
        let a = analyse_engagement(&engagement(), &Config::default(), d("2026-11-15"));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["summary"]["band"], "green");
        assert_eq!(json["health"]["components"][0]["kind"], "performance");
        assert_eq!(json["flags"][0]["kind"], "no-celebration");
        assert_eq!(json["risks"]["heat_map"][0][0], 0);
    }
}
