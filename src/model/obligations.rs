//! Recurring obligations of either side (docs/content.md, "Obligations"):
//! what `obligations:` in engagement.yaml holds, and the `fulfils:` and
//! `waives:` keys of a note's front matter that answer them.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, Side, date};

/// How often an obligation falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Recurrence {
    Monthly,
    Quarterly,
    Yearly,
}

impl Recurrence {
    /// Months from one instance to the next.
    pub fn months(self) -> i32 {
        match self {
            Recurrence::Monthly => 1,
            Recurrence::Quarterly => 3,
            Recurrence::Yearly => 12,
        }
    }
}

/// A recurring duty of one side: first due on `due`, then every `every`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: String,
    pub title: String,
    pub owner: Side,
    pub every: Recurrence,
    /// The first instance's due date; later ones keep its day of month.
    #[serde(deserialize_with = "date")]
    pub due: NaiveDate,
    /// Days after a due date within which a fulfilment still counts as on time.
    #[serde(default)]
    pub grace_days: u32,
    #[serde(default)]
    pub audience: Option<Audience>,
}

/// `waives: [{ obligation: soc2-report, reason: ... }]` in a note: the
/// instance the note would fulfil is waived instead.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub obligation: String,
    /// Required and non-empty (a `check` error otherwise).
    #[serde(default)]
    pub reason: String,
}
