//! The marks a changed value carries, for the reviewer who must not miss
//! it. "Restated": a value of a month already reported (a month before the
//! month of `as_of`) changed or went. "Changed after sign-off": a value of a
//! month both sides had agreed in the base changed without both sign-offs
//! being renewed (docs/publishing.md); `diff --strict` fails on it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Month, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// A past month's value changed or removed.
    Restated,
    /// A value of a month the base had signed off changed without both
    /// sign-offs being renewed.
    ChangedAfterSignOff,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::Restated => "restated",
            Mark::ChangedAfterSignOff => "changed after sign-off",
        }
    }

    /// Whether `diff --strict` exits 1 on a change with this mark.
    pub fn holds(self) -> bool {
        match self {
            Mark::Restated => false,
            Mark::ChangedAfterSignOff => true,
        }
    }
}

/// The marks of a value of `month` that the base had (`base` is its
/// period) and the head changed or removed (`head` is the head's period of
/// that month, if any). A value only added marks nothing: a month reported
/// late is not restated.
pub(crate) fn of_value_change(
    month: Month,
    as_of: NaiveDate,
    base: &Period,
    head: Option<&Period>,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    if month < Month::of(as_of) {
        marks.push(Mark::Restated);
    }
    if changed_after_sign_off(base, head) {
        marks.push(Mark::ChangedAfterSignOff);
    }
    marks
}

/// Whether the base had signed off `base`'s month and the head changed a
/// value of it without renewing both sign-offs (the rule of
/// `export::signoff`, docs/metrics.md).
fn changed_after_sign_off(base: &Period, head: Option<&Period>) -> bool {
    crate::export::signoff::signed_and_not_renewed(base, head)
}
