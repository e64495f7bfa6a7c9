//! The closed lists of values a record may use (docs/content.md, "Allowed
//! values"): each is an enum whose serde names are the words users write,
//! and from which the JSON Schema and the messages take their lists.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Who may read an item: both partners, or only the team that keeps the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    Internal,
    Shared,
}

/// The two sides of an outsourcing relationship.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, Default, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Client,
    #[default]
    Provider,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Prospecting,
    Transition,
    Steady,
    Mature,
    Renewal,
    Exit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

impl Frequency {
    /// The interval in days of each cadence (docs/metrics.md, "Communication
    /// cadence").
    pub fn interval_days(self) -> i64 {
        match self {
            Frequency::Weekly => 7,
            Frequency::Biweekly => 14,
            Frequency::Monthly => 30,
            Frequency::Quarterly => 90,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

/// How a KPI's monthly figure is written: a plain value, or counts
/// `{ good, total }` whose value is 100 × good / total (docs/content.md,
/// "Counted KPIs").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    #[default]
    Value,
    Ratio,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    OnTrack,
    AtRisk,
    OffTrack,
    Done,
    Dropped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedbackKind {
    Praise,
    Concern,
    Suggestion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RiskOwner {
    Client,
    Provider,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RiskStatus {
    Open,
    Mitigating,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    CheckIn,
    Review,
    Escalation,
    Workshop,
    Celebration,
    #[default]
    Note,
}
