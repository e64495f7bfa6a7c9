//! The content model: what users write in `content/`, as plain typed data.
//!
//! Every type here derives `Deserialize` with `deny_unknown_fields`, so a
//! typo in a YAML key is an error rather than a silently ignored field. No I/O
//! happens here; `load` fills these types and everything later reads them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Free-form data for custom templates (`extra:`), kept independent of the YAML crate.
pub type Extra = BTreeMap<String, serde_json::Value>;

pub mod config;
mod kpi_value;
mod obligations;
mod time;
mod values;

pub use kpi_value::*;
pub use obligations::*;
pub use time::*;
pub use values::*;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: String,
    #[serde(default)]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceCredits {
    pub per_breach_pct: f64,
    pub cap_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    #[serde(default, deserialize_with = "opt_date")]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub renewal_notice_days: Option<i64>,
    #[serde(default)]
    pub monthly_fee: Option<f64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub service_credits: Option<ServiceCredits>,
    /// The at-risk regime (docs/content.md, "At-risk credits"): the share of
    /// `monthly_fee` at risk each month, in percent.
    #[serde(default)]
    pub at_risk_pct: Option<f64>,
    /// The most that Σ `credit_allocation_pct` of the SLA KPIs in force may
    /// reach in any month, in percent.
    #[serde(default)]
    pub pool_pct: Option<f64>,
    /// Months of green after a default that earn its credit back.
    #[serde(default)]
    pub earn_back_months: Option<u32>,
    /// `defaults` defaults of one SLA KPI within `months` months is a
    /// chronic failure.
    #[serde(default)]
    pub chronic: Option<Chronic>,
    /// Days after a month ends within which both sides sign its figures
    /// off; a month still lacking a side's sign-off later is flagged.
    #[serde(default)]
    pub sign_off_days: Option<u32>,
    /// Days after a breached month ends within which its root-cause note
    /// is due (docs/content.md, "Escalations and root causes").
    #[serde(default)]
    pub rca_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chronic {
    pub defaults: u32,
    pub months: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    #[serde(default)]
    pub check_in: Option<Frequency>,
    #[serde(default)]
    pub review: Option<Frequency>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    pub hours_per_month: f64,
}

/// A key performance indicator with its agreed target.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    pub target: f64,
    #[serde(default)]
    pub warn: Option<f64>,
    #[serde(default)]
    pub sla: bool,
    #[serde(default = "one")]
    pub weight: f64,
    /// Whose obligation the KPI measures; the client's KPIs make the scorecard two-way.
    #[serde(default)]
    pub owner: Side,
    /// The minimum service level: an SLA KPI's judged month that misses it
    /// is a default (default: the target).
    #[serde(default)]
    pub minimum: Option<f64>,
    /// The KPI's share of the at-risk amount, in percent.
    #[serde(default)]
    pub credit_allocation_pct: Option<f64>,
    /// Months before it are "baselining": shown, judged nowhere.
    #[serde(default)]
    pub in_force_from: Option<Month>,
    /// A plain value (the default) or counts `{ good, total }` each month.
    #[serde(default)]
    pub measure: Measure,
    /// Months whose `total` is below it are "low volume": shown, judged nowhere.
    #[serde(default)]
    pub min_volume: Option<u64>,
    /// Amendments, oldest first: each overrides the fields it sets from its month on.
    #[serde(default)]
    pub terms: Vec<KpiTerm>,
}

/// An amendment of a KPI's terms, in force from `from` (docs/content.md,
/// "KPI terms over time").
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiTerm {
    pub from: Month,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub warn: Option<f64>,
    #[serde(default)]
    pub minimum: Option<f64>,
    #[serde(default)]
    pub sla: Option<bool>,
    #[serde(default)]
    pub weight: Option<f64>,
    #[serde(default)]
    pub credit_allocation_pct: Option<f64>,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub title: String,
    #[serde(default, deserialize_with = "opt_date")]
    pub due: Option<NaiveDate>,
    pub status: GoalStatus,
    #[serde(default)]
    pub mutual: bool,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub text: String,
    pub set_by: Side,
    /// An expectation nobody has agreed to is a realism problem, not a plan.
    #[serde(default = "yes")]
    pub agreed: bool,
    #[serde(default)]
    pub audience: Option<Audience>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    pub title: String,
    #[schemars(range(min = 1, max = 5))]
    pub likelihood: u8,
    #[schemars(range(min = 1, max = 5))]
    pub impact: u8,
    pub owner: RiskOwner,
    pub status: RiskStatus,
    #[serde(default)]
    pub mitigation: Option<String>,
    #[serde(default, deserialize_with = "opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub celebrated: bool,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub from: Side,
    pub kind: FeedbackKind,
    pub text: String,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    #[serde(default)]
    pub worked: Option<f64>,
    #[serde(default)]
    pub overtime_requested: Option<f64>,
}

/// One side's relationship pulse, each dimension 1..5 and optional.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyScores {
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub trust: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub communication: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub collaboration: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub respect: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub goals: Option<u8>,
}

impl SurveyScores {
    pub const DIMENSIONS: [&'static str; 5] = [
        "trust",
        "communication",
        "collaboration",
        "respect",
        "goals",
    ];

    /// The scores in the order of `DIMENSIONS`.
    pub fn by_dimension(&self) -> [Option<u8>; 5] {
        [
            self.trust,
            self.communication,
            self.collaboration,
            self.respect,
            self.goals,
        ]
    }
}

/// A month's survey: one agreed answer per side (`client`, `provider`) or
/// individual responses (`responses`), never both in one period.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    #[serde(default)]
    pub client: Option<SurveyScores>,
    #[serde(default)]
    pub provider: Option<SurveyScores>,
    /// Individual answers, each from one person of one side
    /// (docs/content.md, "Surveys with respondents").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<SurveyResponse>,
    /// Responses of each side held back by the privacy floor: only their
    /// number survives scoping (`privacy::apply_floor`).
    #[serde(skip)]
    pub withheld: Withheld,
}

/// One person's answers to a month's survey.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyResponse {
    pub side: Side,
    /// Who answered (e.g. vendor-manager); never shown.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub trust: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub communication: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub collaboration: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub respect: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub goals: Option<u8>,
    /// How likely the person is to recommend the partner, 0..10.
    #[serde(default)]
    #[schemars(range(min = 0, max = 10))]
    pub nps: Option<u8>,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub audience: Option<Audience>,
}

impl SurveyResponse {
    /// The scores in the order of `SurveyScores::DIMENSIONS`.
    pub fn by_dimension(&self) -> [Option<u8>; 5] {
        [
            self.trust,
            self.communication,
            self.collaboration,
            self.respect,
            self.goals,
        ]
    }
}

/// How many responses of each side the privacy floor held back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Withheld {
    pub client: usize,
    pub provider: usize,
}

/// One month of measurements.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub period: Month,
    /// KPI id -> value: a number, counts `{ good, total }`, or null ("not reported").
    #[serde(default)]
    pub kpis: BTreeMap<String, KpiValue>,
    /// Misses excused for this month (docs/content.md, "Excused misses").
    #[serde(default)]
    pub excused: Vec<Excused>,
    #[serde(default)]
    pub hours: Option<Hours>,
    #[serde(default)]
    pub survey: Option<Survey>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    /// Each side's agreement of the month's figures (docs/content.md,
    /// "Sign-off and disputes").
    #[serde(default)]
    pub sign_off: Option<SignOff>,
    /// Objections to the month's figures; a later sign-off of the same side
    /// settles one.
    #[serde(default)]
    pub dispute: Vec<Dispute>,
    /// Where the period was written, relative to the root (set by the loader).
    #[serde(skip)]
    pub source: PathBuf,
    /// `periods.N.` for a period written inline in engagement.yaml, else empty:
    /// the YAML path of this period's values within `source`.
    #[serde(skip)]
    pub yaml_prefix: String,
}

/// Who agreed a month's figures, and when, for each side. The keys are the
/// two sides, so a third name is a parse error.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    #[serde(default)]
    pub provider: Option<Signature>,
    #[serde(default)]
    pub client: Option<Signature>,
}

impl SignOff {
    pub fn of(&self, side: Side) -> Option<&Signature> {
        match side {
            Side::Provider => self.provider.as_ref(),
            Side::Client => self.client.as_ref(),
        }
    }
}

/// One side's sign-off: the person and the day.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Required and non-empty (a `check` error otherwise).
    #[serde(default)]
    pub by: String,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
}

/// One side's objection to some of a month's figures (all of them when
/// `kpis` is empty), open until that side signs off on a later day.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub by: Side,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub kpis: Vec<String>,
    /// Required and non-empty (a `check` error otherwise).
    #[serde(default)]
    pub reason: String,
}

/// A KPI's miss excused for one month: with `agreed: true` the month is
/// judged nowhere; unagreed relief changes no figure and is flagged.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Excused {
    pub kpi: String,
    /// Required and non-empty (a `check` error otherwise).
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub agreed: bool,
}

/// The engagement record as written in `engagement.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EngagementRecord {
    pub name: String,
    pub client: Party,
    pub provider: Party,
    #[serde(default)]
    pub services: Vec<String>,
    pub phase: Phase,
    #[serde(default, deserialize_with = "opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub contract: Option<Contract>,
    #[serde(default)]
    pub cadence: Option<Cadence>,
    #[serde(default)]
    pub capacity: Option<Capacity>,
    /// The escalation ladder, lowest level first (docs/content.md,
    /// "Escalations and root causes").
    #[serde(default)]
    pub escalation: Vec<EscalationLevel>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub expectations: Vec<Expectation>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    // -- obligations (docs/content.md, "Obligations") --
    /// Recurring duties of either side.
    #[serde(default)]
    pub obligations: Vec<Obligation>,
    // -- end obligations --
    #[serde(default)]
    pub periods: Vec<Period>,
    #[serde(default)]
    pub audience: Option<Audience>,
    #[serde(default)]
    pub extra: Extra,
}

/// An action item harvested from a note's task list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The text before the first colon, if any.
    pub owner: Option<String>,
    /// The whole item text as written (without the checkbox).
    pub text: String,
    /// The text without the markers that `owner` and `due` were read from,
    /// for tables that show those in their own columns.
    pub task: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// Front matter of a note, between the `---` lines.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteMeta {
    pub title: String,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub kind: NoteKind,
    // Escalations and root causes (docs/content.md, "Escalations and root
    // causes").
    /// An escalation note's rung of the ladder (default 1).
    #[serde(default)]
    pub level: Option<u32>,
    /// The day an escalation was settled.
    #[serde(default, deserialize_with = "opt_date")]
    pub resolved: Option<NaiveDate>,
    /// The file stem of the earlier escalation note this one raises.
    #[serde(default)]
    pub escalates: Option<String>,
    /// The SLA breach this note gives the root cause of.
    #[serde(default)]
    pub rca: Option<RcaRef>,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub audience: Option<Audience>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    // -- obligations (docs/content.md, "Obligations") --
    /// Ids of the obligations whose instance this note fulfils.
    #[serde(default)]
    pub fulfils: Vec<String>,
    /// Instances this note waives, each with its reason.
    #[serde(default)]
    pub waives: Vec<Waiver>,
    // -- end obligations --
}

/// One rung of the escalation ladder: an escalation at `level` that stays
/// open more than `days` days should be raised to the next rung.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationLevel {
    pub level: u32,
    pub name: String,
    /// The time box; zero or less is a `check` error.
    pub days: i64,
}

/// Which breach a root-cause note explains.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RcaRef {
    pub kpi: String,
    pub month: Month,
}

/// A meeting note: front matter, Markdown body and the actions found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// The file stem; the note's page is `notes/<slug>.html`.
    pub slug: String,
    pub meta: NoteMeta,
    pub body: String,
    /// The line of the file on which the body starts, for diagnostics.
    pub body_line: usize,
    pub actions: Vec<Action>,
    /// The links of the body, found when the note was read (so that later
    /// stages need not parse the Markdown again to check them).
    pub links: Vec<BodyLink>,
    pub source: PathBuf,
}

/// A link or image in a note's body: its destination as written, and the
/// byte offset in the body where the link starts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyLink {
    pub dest: String,
    pub offset: usize,
    /// An image (`![alt](src)`): the site must hold what it shows.
    pub image: bool,
}

/// An engagement with its periods and notes, as loaded from its folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Engagement {
    /// The folder name.
    pub id: String,
    pub record: EngagementRecord,
    /// Inline and file periods together, sorted by month, each month once.
    pub periods: Vec<Period>,
    /// Sorted by date, then slug.
    pub notes: Vec<Note>,
    pub source: PathBuf,
}

impl Engagement {
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.record.kpis.iter().find(|k| k.id == id)
    }

    pub fn period(&self, month: Month) -> Option<&Period> {
        self.periods.iter().find(|p| p.period == month)
    }
}

/// Everything a build reads: the configuration and all engagements, sorted by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    pub config: crate::config::Config,
    pub engagements: Vec<Engagement>,
}

#[cfg(test)]
mod tests;
