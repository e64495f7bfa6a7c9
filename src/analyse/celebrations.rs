//! Celebrating successes: milestones celebrated in the last 6 months, and the
//! nudge when there are none.

use chrono::NaiveDate;
use serde::Serialize;

use super::window::MonthWindow;
use crate::model::Engagement;

/// Months the celebration window covers.
pub const WINDOW_MONTHS: u32 = 6;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneRef {
    pub date: NaiveDate,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Celebrations {
    pub window: MonthWindow,
    /// The last day counted: `as_of`.
    pub until: NaiveDate,
    /// Milestones with `celebrated: true` dated from the window's first day
    /// to `as_of`, oldest first.
    pub celebrated: Vec<MilestoneRef>,
    /// Milestones in the window nobody celebrated: candidates for the nudge.
    pub uncelebrated: Vec<MilestoneRef>,
    /// "no success celebrated in 6 months".
    pub nudge: bool,
}

pub fn analyse_celebrations(e: &Engagement, as_of: NaiveDate) -> Celebrations {
    let window = MonthWindow::last_months(as_of, WINDOW_MONTHS);
    // From the window's first day up to `as_of`: a success celebrated this
    // month silences the nudge (docs/metrics.md, "Celebrations").
    let first = window.first.first_day();
    let mut in_window: Vec<_> = e
        .record
        .milestones
        .iter()
        .filter(|m| first <= m.date && m.date <= as_of)
        .collect();
    in_window.sort_by_key(|m| m.date);
    let pick = |celebrated: bool| -> Vec<MilestoneRef> {
        in_window
            .iter()
            .filter(|m| m.celebrated == celebrated)
            .map(|m| MilestoneRef {
                date: m.date,
                title: m.title.clone(),
            })
            .collect()
    };
    let celebrated = pick(true);
    Celebrations {
        window,
        until: as_of,
        nudge: celebrated.is_empty(),
        uncelebrated: pick(false),
        celebrated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement};
    use crate::model::Milestone;

    fn milestone(date: &str, celebrated: bool) -> Milestone {
        Milestone {
            date: d(date),
            title: date.to_string(),
            celebrated,
            audience: None,
        }
    }

    #[test]
    fn celebrated_milestones_by_month_window() {
        let mut e = engagement();
        // as_of 2026-11-20: window 2026-05..2026-10
        e.record.milestones = vec![
            milestone("2026-10-31", true),
            milestone("2026-04-30", true), // too early
            milestone("2026-05-01", true),
            milestone("2026-11-01", true), // month in progress: counts
            milestone("2026-11-21", true), // after as_of
            milestone("2026-07-01", false),
        ];
        let c = analyse_celebrations(&e, d("2026-11-20"));
        let dates: Vec<_> = c.celebrated.iter().map(|m| m.date).collect();
        assert_eq!(
            dates,
            vec![d("2026-05-01"), d("2026-10-31"), d("2026-11-01")]
        );
        assert_eq!(c.uncelebrated.len(), 1);
        assert!(!c.nudge);
    }

    #[test]
    fn a_success_celebrated_this_month_silences_the_nudge() {
        let mut e = engagement();
        e.record.milestones = vec![milestone("2026-11-03", true)];
        assert!(!analyse_celebrations(&e, d("2026-11-20")).nudge);
        assert!(analyse_celebrations(&e, d("2026-11-02")).nudge);
    }

    #[test]
    fn none_celebrated_is_a_nudge() {
        let mut e = engagement();
        assert!(analyse_celebrations(&e, d("2026-11-20")).nudge);
        e.record.milestones = vec![milestone("2026-08-01", false)];
        assert!(analyse_celebrations(&e, d("2026-11-20")).nudge);
    }
}
