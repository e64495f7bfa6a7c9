//! Export: every computed figure of a build as machine-readable data — one
//! JSON document and a set of CSV tables — shaped here once and used by both
//! `rapporteur export` and the build (which writes them under `data/`).
//!
//! The shape is a documented contract (docs/export.md) with its own version
//! number (`format`), so it does not follow every change of the `analyse`
//! structs. Order is stable: engagements by id, KPIs, risks and goals in
//! record order, months oldest first, actions by note date, flags most severe
//! first. Figures are computed from the scoped model, so an export honours
//! `--audience`, `--client` and `--provider` like the site does.

pub mod csv;
pub mod diff;
pub mod signoff;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analyse::actions::ActionState;
use crate::analyse::at_risk::{AtRiskCredits, ChronicState};
use crate::analyse::contract::ContractStatus;
use crate::analyse::credits::CreditMonth;
use crate::analyse::flags::Flag;
use crate::analyse::health::{Component, SparkPoint};
use crate::analyse::kpi::{Attainment, KpiAnalysis, KpiPoint, MonthValue, Pooled, Trend};
use crate::analyse::rag::Rag;
use crate::analyse::risk::RiskRating;
use crate::analyse::sign_off::SignOffs;
use crate::analyse::trust::DimensionGap;
use crate::analyse::workload::WorkloadMonth;
use crate::analyse::{self, EngagementAnalysis};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Direction, Engagement, Frequency, GoalStatus, Month, Phase, Portfolio, RiskOwner, RiskStatus,
    Side,
};
use crate::scope::Scope;

/// The version of the export's shape; raised when a field changes meaning or
/// goes away (new fields may appear without a new version).
pub const FORMAT: u32 = 1;

/// Every figure of a build.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Export {
    pub format: u32,
    pub as_of: NaiveDate,
    pub scope: Scope,
    pub engagements: Vec<EngagementFigures>,
}

/// Every figure of one engagement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngagementFigures {
    pub id: String,
    pub name: String,
    pub client: String,
    pub provider: String,
    pub phase: Phase,
    pub health: HealthFigures,
    pub performance: PerformanceFigures,
    pub kpis: Vec<KpiFigures>,
    /// Every SLA breach of the last 12 months, by KPI (record order) then month.
    pub sla_breaches: Vec<Breach>,
    /// `null` without `contract.service_credits`.
    pub credits: Option<CreditFigures>,
    /// The at-risk regime's credits by month, each KPI's share earned
    /// back, pending or payable; `null` without `contract.at_risk_pct`.
    pub at_risk_credits: Option<AtRiskCredits>,
    /// SLA KPIs in chronic failure or one default short of it.
    pub chronic: Vec<ChronicState>,
    pub workload: WorkloadFigures,
    pub communication: CommunicationFigures,
    pub feedback: FeedbackFigures,
    pub trust: TrustFigures,
    pub risks: RiskFigures,
    /// `null` without `contract.end`.
    pub contract: Option<ContractStatus>,
    pub goals: GoalFigures,
    pub celebrations: CelebrationFigures,
    pub actions: ActionFigures,
    /// Most severe first.
    pub flags: Vec<Flag>,
    /// Each ended month's sign-off state (agreed, provisional, disputed);
    /// no months for an engagement that does not keep sign-off.
    pub sign_off: SignOffs,
    /// Each obligation with every instance and its state, and each side's
    /// on-time record over the last 12 months (docs/export.md, "Obligations").
    pub obligations: crate::analyse::obligations::Obligations,
    /// The escalation ladder and every escalation note up to `as_of`.
    pub escalations: crate::analyse::escalations::Escalations,
    /// The root cause of each SLA breach of the last 12 months.
    pub root_causes: crate::analyse::root_causes::RootCauses,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HealthFigures {
    pub score: Option<f64>,
    pub rounded: Option<i64>,
    pub band: Rag,
    /// The components (`ComponentKind::ALL`) in their fixed order, with their reasons.
    pub components: Vec<Component>,
    /// The health at the first day of each of the last 11 months, then at
    /// `as_of`, oldest first (from the month of `start` on).
    pub sparkline: Vec<SparkPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerformanceFigures {
    pub score: Option<f64>,
    pub provider_score: Option<f64>,
    pub client_score: Option<f64>,
    /// Met / reported over every SLA KPI together, last 12 months.
    pub sla_attainment: Option<Attainment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiFigures {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub owner: Side,
    pub sla: bool,
    pub weight: f64,
    pub target: f64,
    /// The amber edge in force (`warn`, else 10% past the target).
    pub warn: f64,
    /// Mean status points over the last 3 months.
    pub score: Option<f64>,
    /// Target attainment over the last 12 months.
    pub attainment: Option<Attainment>,
    pub trend: Option<Trend>,
    pub latest: Option<MonthValue>,
    /// The minimum service level in force in the last complete month.
    pub minimum: f64,
    /// A counted KPI's counts pooled over the last 12 months; `null` for a
    /// KPI of values.
    pub pooled: Option<Pooled>,
    /// The last 12 months, oldest first, then the month in progress.
    pub months: Vec<KpiPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breach {
    pub kpi: String,
    pub month: Month,
    pub value: f64,
    pub status: Rag,
    /// The minimum in force was missed too (a default).
    pub default: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditFigures {
    pub per_breach_pct: f64,
    pub cap_pct: f64,
    pub monthly_fee: Option<f64>,
    pub currency: Option<String>,
    pub total_pct: f64,
    pub total_amount: Option<f64>,
    pub months: Vec<CreditMonth>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkloadFigures {
    pub score: Option<f64>,
    pub capacity: Option<f64>,
    pub limit: f64,
    pub mean_ratio: Option<f64>,
    pub reported_months: usize,
    pub unagreed_expectations: usize,
    pub months: Vec<WorkloadMonth>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommunicationFigures {
    pub score: Option<f64>,
    pub check_in: Option<Frequency>,
    pub review: Option<Frequency>,
    pub expected: Option<usize>,
    pub held: usize,
    pub last_check_in: Option<NaiveDate>,
    pub days_since_check_in: Option<i64>,
    pub last_review: Option<NaiveDate>,
    pub days_since_review: Option<i64>,
    pub review_overdue: bool,
    pub longest_gap_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackFigures {
    pub score: Option<f64>,
    pub total: usize,
    pub recent: usize,
    pub client: KindCounts,
    pub provider: KindCounts,
    pub client_share: Option<f64>,
    pub balance: Option<f64>,
    pub one_sided: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCounts {
    pub praise: usize,
    pub concern: usize,
    pub suggestion: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustFigures {
    pub score: Option<f64>,
    /// The month of the survey used.
    pub month: Option<Month>,
    pub mean_answer: Option<f64>,
    pub mean_abs_gap: Option<f64>,
    pub dimensions: Vec<DimensionGap>,
    /// Each side of the survey used: its means, spread, NPS and comments,
    /// or only `below-floor` (docs/metrics.md, "Surveys with respondents").
    pub sides: Vec<crate::analyse::survey::SideSurvey>,
    /// Each side's NPS in the last four survey months.
    pub nps: Vec<crate::analyse::trust::NpsMonth>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskFigures {
    pub score: f64,
    pub open: usize,
    pub exposure: u32,
    pub overdue: usize,
    pub items: Vec<RiskFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskFigure {
    pub id: String,
    pub title: String,
    pub owner: RiskOwner,
    pub status: RiskStatus,
    pub likelihood: u8,
    pub impact: u8,
    pub score: u32,
    pub rating: RiskRating,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    pub mitigation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalFigures {
    pub mutual: usize,
    pub mutual_on_track: usize,
    pub mutual_share: Option<f64>,
    pub overdue: Vec<OverdueGoal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverdueGoal {
    pub id: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub status: GoalStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CelebrationFigures {
    /// Milestones celebrated in the last 6 months.
    pub celebrated: usize,
    /// "no success celebrated in 6 months".
    pub nudge: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionFigures {
    pub open: usize,
    pub overdue: usize,
    pub closed_recently: usize,
    pub items: Vec<ActionFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionFigure {
    /// The slug of the note that holds the action.
    pub note: String,
    pub note_date: NaiveDate,
    pub owner: Option<String>,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    pub state: ActionState,
    pub days_overdue: Option<i64>,
}

/// Shapes the figures of a scoped portfolio; `analyses` are in the
/// portfolio's order (as `analyse::analyse_portfolio` returns them).
pub fn figures(
    portfolio: &Portfolio,
    analyses: &[EngagementAnalysis],
    as_of: NaiveDate,
    scope: &Scope,
) -> Export {
    let mut engagements: Vec<EngagementFigures> = portfolio
        .engagements
        .iter()
        .zip(analyses)
        .map(|(e, a)| engagement(e, a))
        .collect();
    engagements.sort_by(|a, b| a.id.cmp(&b.id));
    Export {
        format: FORMAT,
        as_of,
        scope: scope.clone(),
        engagements,
    }
}

fn engagement(e: &Engagement, a: &EngagementAnalysis) -> EngagementFigures {
    let r = &e.record;
    let p = &a.performance;
    EngagementFigures {
        id: e.id.clone(),
        name: r.name.clone(),
        client: r.client.name.clone(),
        provider: r.provider.name.clone(),
        phase: r.phase,
        health: HealthFigures {
            score: a.health.score,
            rounded: a.health.rounded,
            band: a.health.band,
            components: a.health.components.clone(),
            sparkline: a.summary.sparkline.clone(),
        },
        performance: PerformanceFigures {
            score: p.score,
            provider_score: p.provider_score,
            client_score: p.client_score,
            sla_attainment: p.sla_attainment.clone(),
        },
        kpis: p.kpis.iter().map(kpi).collect(),
        sla_breaches: p
            .kpis
            .iter()
            .flat_map(|k| {
                k.breaches.iter().map(|b| Breach {
                    kpi: k.id.clone(),
                    month: b.month,
                    value: b.value,
                    status: b.status,
                    default: k.defaults.iter().any(|d| d.month == b.month),
                })
            })
            .collect(),
        at_risk_credits: a.at_risk.clone(),
        chronic: a.chronic.clone(),
        credits: a.credits.as_ref().map(|c| CreditFigures {
            per_breach_pct: c.per_breach_pct,
            cap_pct: c.cap_pct,
            monthly_fee: c.monthly_fee,
            currency: c.currency.clone(),
            total_pct: c.total_pct,
            total_amount: c.total_amount,
            months: c.months.clone(),
        }),
        workload: WorkloadFigures {
            score: a.workload.score,
            capacity: a.workload.capacity,
            limit: a.workload.limit,
            mean_ratio: a.workload.mean_ratio,
            reported_months: a.workload.reported_months,
            unagreed_expectations: a.workload.unagreed_expectations,
            months: a.workload.months.clone(),
        },
        communication: {
            let c = &a.communication;
            CommunicationFigures {
                score: c.score,
                check_in: c.check_in,
                review: c.review,
                expected: c.expected,
                held: c.held,
                last_check_in: c.last_check_in,
                days_since_check_in: c.days_since_check_in,
                last_review: c.last_review,
                days_since_review: c.days_since_review,
                review_overdue: c.review_overdue,
                longest_gap_days: c.longest_gap.as_ref().map(|g| g.days),
            }
        },
        feedback: {
            let f = &a.feedback;
            let counts = |k: &analyse::feedback::KindCounts| KindCounts {
                praise: k.praise,
                concern: k.concern,
                suggestion: k.suggestion,
                total: k.total,
            };
            FeedbackFigures {
                score: f.score,
                total: f.total,
                recent: f.recent,
                client: counts(&f.client),
                provider: counts(&f.provider),
                client_share: f.client_share,
                balance: f.balance,
                one_sided: f.one_sided,
            }
        },
        trust: TrustFigures {
            score: a.trust.score,
            month: a.trust.month,
            mean_answer: a.trust.mean_answer,
            mean_abs_gap: a.trust.mean_abs_gap,
            dimensions: a.trust.dimensions.clone(),
            sides: a.trust.sides.clone(),
            nps: a.trust.nps_history.clone(),
        },
        risks: RiskFigures {
            score: a.risks.score,
            open: a.risks.open,
            exposure: a.risks.exposure,
            overdue: a.risks.overdue,
            items: a
                .risks
                .items
                .iter()
                .map(|r| RiskFigure {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    owner: r.owner,
                    status: r.status,
                    likelihood: r.likelihood,
                    impact: r.impact,
                    score: r.score,
                    rating: r.rating,
                    due: r.due,
                    overdue: r.overdue,
                    mitigation: r.mitigation.clone(),
                })
                .collect(),
        },
        contract: a.contract.clone(),
        goals: GoalFigures {
            mutual: a.goals.mutual,
            mutual_on_track: a.goals.mutual_on_track,
            mutual_share: a.goals.mutual_share,
            overdue: a
                .goals
                .overdue
                .iter()
                .map(|g| OverdueGoal {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    due: g.due,
                    status: g.status,
                })
                .collect(),
        },
        celebrations: CelebrationFigures {
            celebrated: a.celebrations.celebrated.len(),
            nudge: a.celebrations.nudge,
        },
        actions: ActionFigures {
            open: a.actions.open,
            overdue: a.actions.overdue,
            closed_recently: a.actions.closed_recently,
            items: a
                .actions
                .items
                .iter()
                .map(|i| ActionFigure {
                    note: i.note_slug.clone(),
                    note_date: i.note_date,
                    owner: i.owner.clone(),
                    text: i.text.clone(),
                    due: i.due,
                    done: i.done,
                    state: i.state,
                    days_overdue: i.days_overdue,
                })
                .collect(),
        },
        flags: a.flags.clone(),
        sign_off: a.sign_off.clone(),
        obligations: a.obligations.clone(),
        escalations: a.escalations.clone(),
        root_causes: a.root_causes.clone(),
    }
}

fn kpi(k: &KpiAnalysis) -> KpiFigures {
    KpiFigures {
        id: k.id.clone(),
        name: k.name.clone(),
        unit: k.unit.clone(),
        direction: k.direction,
        owner: k.owner,
        sla: k.sla,
        weight: k.weight,
        target: k.target,
        warn: k.warn,
        score: k.score,
        attainment: k.attainment.clone(),
        trend: k.trend.clone(),
        latest: k.latest.clone(),
        minimum: k.minimum,
        pooled: k.pooled,
        months: k.series.clone(),
    }
}

/// The export as pretty-printed JSON, ending with a newline.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut text =
        serde_json::to_string_pretty(value).expect("export structs always serialise to JSON");
    text.push('\n');
    text
}

/// The machine-readable files of the site, under `data/`: the whole export
/// (`data/portfolio.json`), one file per engagement
/// (`data/engagements/<id>.json`) and every CSV table (`data/<table>.csv`),
/// each handed to `put` as soon as it is made: a large portfolio's files
/// are never all in memory at once.
pub fn site_files_to(export: &Export, put: &dyn Fn(String, Vec<u8>)) {
    put("data/portfolio.json".into(), to_json(export).into_bytes());
    for e in &export.engagements {
        put(
            format!("data/engagements/{}.json", e.id),
            to_json(e).into_bytes(),
        );
    }
    for table in csv::Table::ALL {
        put(
            format!("data/{}.csv", table.name()),
            csv::table(export, table).into_bytes(),
        );
    }
}

/// The figures with the warnings the content produced on the way.
#[derive(Debug)]
pub struct Computed {
    pub export: Export,
    pub warnings: Vec<Diagnostic>,
}
