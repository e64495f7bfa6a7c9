//! Workload realism: hours worked against contracted capacity, overtime per
//! month, and the score that also charges expectations nobody agreed to.

use chrono::NaiveDate;
use serde::Serialize;

use super::exact::Num;

use super::stats::mean;
use super::window::{MonthWindow, SERIES_MONTHS, chart_months};
use super::words::{Parties, last_months_text, pct_arg};
use crate::config::Thresholds;
use crate::model::{Engagement, Month};
use crate::text::{Arg, Text};

/// Months of the score.
pub const SCORE_MONTHS: u32 = 3;
/// Overtime ratio up to which the score is 100.
pub const RATIO_FULL: f64 = 0.02;
/// Overtime ratio from which the score is 0.
pub const RATIO_ZERO: f64 = 0.20;
/// Points off for each expectation with `agreed: false`.
pub const UNAGREED_PENALTY: f64 = 10.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkloadMonth {
    pub month: Month,
    pub worked: Option<f64>,
    pub overtime_requested: Option<f64>,
    /// max(0, worked − capacity) / capacity; `None` without both.
    pub ratio: Option<f64>,
    /// ratio above `thresholds.overtime_flag`.
    pub flagged: bool,
    pub in_progress: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    /// Contracted hours per month; `None` when missing or not positive.
    pub capacity: Option<f64>,
    /// The overtime ratio above which a month is flagged.
    pub limit: f64,
    /// The last 12 months, oldest first, then the month in progress.
    pub months: Vec<WorkloadMonth>,
    pub score_window: MonthWindow,
    /// Months of the score window with hours worked (and a capacity).
    pub reported_months: usize,
    /// Mean ratio over those months.
    pub mean_ratio: Option<f64>,
    /// Expectations with `agreed: false`.
    pub unagreed_expectations: usize,
    pub score: Option<f64>,
}

/// 100 up to 2% overtime, 0 from 20%, linear between.
pub fn ratio_score(r: f64) -> f64 {
    if r <= RATIO_FULL {
        100.0
    } else if r >= RATIO_ZERO {
        0.0
    } else {
        100.0 * (RATIO_ZERO - r) / (RATIO_ZERO - RATIO_FULL)
    }
}

/// `(worked − capacity) / capacity > limit`, decided in decimals as a
/// person would (docs/metrics.md, "Exact decimals"): 176.4 hours against 168
/// is exactly 5% over, not over a 5% limit.
fn over_limit(worked: f64, capacity: f64, limit: f64) -> bool {
    let (w, c) = (Num::of(worked), Num::of(capacity));
    w.minus(c).order(Num::of(limit).times(c)) == Some(std::cmp::Ordering::Greater)
}

pub fn analyse_workload(e: &Engagement, thresholds: &Thresholds, as_of: NaiveDate) -> Workload {
    // A capacity of 0 would divide by zero: it is treated as no capacity.
    let capacity = e
        .record
        .capacity
        .as_ref()
        .map(|c| c.hours_per_month)
        .filter(|c| c.is_finite() && *c > 0.0);
    let limit = thresholds.overtime_flag;
    let months: Vec<WorkloadMonth> = chart_months(as_of, SERIES_MONTHS)
        .map(|(month, in_progress)| {
            let hours = e.period(month).and_then(|p| p.hours.as_ref());
            let worked = hours.and_then(|h| h.worked).filter(|w| w.is_finite());
            let ratio = capacity.zip(worked).map(|(c, w)| (w - c).max(0.0) / c);
            WorkloadMonth {
                month,
                worked,
                overtime_requested: hours.and_then(|h| h.overtime_requested),
                ratio,
                flagged: capacity
                    .zip(worked)
                    .is_some_and(|(c, w)| over_limit(w, c, limit)),
                in_progress,
            }
        })
        .collect();
    let score_window = MonthWindow::last_months(as_of, SCORE_MONTHS);
    let ratios: Vec<f64> = months
        .iter()
        .filter(|m| score_window.contains(m.month) && !m.in_progress)
        .filter_map(|m| m.ratio)
        .collect();
    let mean_ratio = mean(ratios.iter().copied());
    let unagreed_expectations = e.record.expectations.iter().filter(|x| !x.agreed).count();
    let score = mean_ratio
        .map(|r| (ratio_score(r) - UNAGREED_PENALTY * unagreed_expectations as f64).max(0.0));
    Workload {
        capacity,
        limit,
        months,
        score_window,
        reported_months: ratios.len(),
        mean_ratio,
        unagreed_expectations,
        score,
    }
}

impl Workload {
    /// Months of the last 12 (not the one in progress) over the limit.
    pub fn flagged_months(&self) -> impl Iterator<Item = &WorkloadMonth> {
        self.months.iter().filter(|m| m.flagged && !m.in_progress)
    }

    /// Why the score is what it is, in sentences.
    pub fn reasons(&self, parties: &Parties) -> Vec<Text> {
        if self.capacity.is_none() {
            return vec![Text::new("flag-workload-no-capacity")];
        }
        let months = last_months_text(self.score_window);
        let Some(r) = self.mean_ratio else {
            return vec![Text::new("flag-workload-no-hours").with("months", months)];
        };
        let over = if self.reported_months == 1 {
            Text::new("flag-workload-one-month")
        } else if self.reported_months == self.score_window.months().count() {
            Text::new("flag-workload-over")
        } else {
            Text::new("flag-workload-reported").with("count", self.reported_months)
        };
        let mut reasons = vec![
            Text::new("flag-workload-overtime")
                .with("ratio", pct_arg(r))
                .with("over", over.with("months", months))
                .with("limit", pct_arg(self.limit)),
        ];
        if self.unagreed_expectations > 0 {
            reasons.push(
                Text::new("flag-workload-expectations")
                    .with("count", self.unagreed_expectations)
                    .with("client", &parties.client)
                    .with("provider", &parties.provider)
                    .with("penalty", Arg::Number(UNAGREED_PENALTY, 2)),
            );
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement, m, parties, set_hours};
    use crate::model::{Capacity, Expectation, Side};

    fn with_capacity(hours: f64) -> Engagement {
        let mut e = engagement();
        e.record.capacity = Some(Capacity {
            hours_per_month: hours,
        });
        e
    }

    fn unagreed() -> Expectation {
        Expectation {
            text: "Weekend cover".to_string(),
            set_by: Side::Client,
            agreed: false,
            audience: None,
        }
    }

    fn analyse(e: &Engagement) -> Workload {
        analyse_workload(e, &Thresholds::default(), d("2026-11-15"))
    }

    #[test]
    fn a_month_exactly_at_the_overtime_limit_is_not_flagged() {
        // 176.4 / 168 − 1 is 0.05000000000000003 in binary floating point.
        let mut e = with_capacity(168.0);
        set_hours(&mut e, "2026-09", Some(176.4), None);
        set_hours(&mut e, "2026-10", Some(176.5), None);
        let w = analyse(&e);
        let flagged = |month| {
            w.months
                .iter()
                .find(|x| x.month == m(month))
                .unwrap()
                .flagged
        };
        assert!(
            !flagged("2026-09"),
            "exactly 5% over is not over the 5% limit"
        );
        assert!(flagged("2026-10"));
    }

    #[test]
    fn ratio_score_edges() {
        assert_eq!(ratio_score(0.0), 100.0);
        assert_eq!(ratio_score(0.02), 100.0);
        assert_eq!(ratio_score(0.20), 0.0);
        assert_eq!(ratio_score(0.5), 0.0);
        // 100 × (0.20 − 0.11) / 0.18 = 50
        assert!((ratio_score(0.11) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn mean_ratio_over_the_reported_months_of_the_last_three() {
        let mut e = with_capacity(1000.0);
        set_hours(&mut e, "2026-07", Some(5000.0), None); // outside the 3 months
        set_hours(&mut e, "2026-08", Some(1100.0), Some(80.0)); // 10%
        set_hours(&mut e, "2026-09", None, Some(10.0)); // not reported
        set_hours(&mut e, "2026-10", Some(900.0), None); // under capacity: 0
        set_hours(&mut e, "2026-11", Some(3000.0), None); // in progress
        let w = analyse(&e);
        assert_eq!(w.months.len(), 13);
        assert_eq!(w.reported_months, 2);
        assert_eq!(w.mean_ratio, Some(0.05));
        // 100 × (0.20 − 0.05) / 0.18 = 83.33…
        assert!((w.score.unwrap() - 250.0 / 3.0).abs() < 1e-9);
        let aug = w.months.iter().find(|x| x.month == m("2026-08")).unwrap();
        assert_eq!(
            (aug.ratio, aug.flagged, aug.overtime_requested),
            (Some(0.1), true, Some(80.0))
        );
        let flagged: Vec<_> = w.flagged_months().map(|x| x.month).collect();
        assert_eq!(
            flagged,
            vec![m("2026-07"), m("2026-08")],
            "not the month in progress"
        );
        assert_eq!(
            crate::analyse::testkit::english(&w.reasons(&parties())),
            vec![
                "Overtime beyond contracted capacity averaged 5% over the 2 months reported of \
                 the last 3 months (August to October 2026), against a limit of 5%."
            ]
        );
    }

    #[test]
    fn exactly_at_the_limit_is_not_flagged() {
        let mut e = with_capacity(100.0);
        set_hours(&mut e, "2026-10", Some(105.0), None);
        let w = analyse(&e);
        let oct = w.months.iter().find(|x| x.month == m("2026-10")).unwrap();
        assert!(!oct.flagged);
    }

    #[test]
    fn unagreed_expectations_cost_ten_each_never_below_zero() {
        let mut e = with_capacity(100.0);
        set_hours(&mut e, "2026-10", Some(100.0), None);
        e.record.expectations = vec![unagreed(), unagreed()];
        assert_eq!(analyse(&e).score, Some(80.0));
        assert_eq!(
            analyse(&e).reasons(&parties())[1].english(),
            "2 expectations are not agreed between Acme Corp and BPSource (−10 each)."
        );
        set_hours(&mut e, "2026-10", Some(115.0), None); // 15% → 27.8 − 20
        assert!((analyse(&e).score.unwrap() - (500.0 / 18.0 - 20.0)).abs() < 1e-9);
        set_hours(&mut e, "2026-10", Some(118.0), None); // 18% → 11.1 − 20 → 0
        assert_eq!(analyse(&e).score, Some(0.0));
    }

    #[test]
    fn no_data_without_capacity_or_hours() {
        let mut e = engagement();
        set_hours(&mut e, "2026-10", Some(100.0), None);
        let w = analyse(&e);
        assert_eq!((w.capacity, w.score), (None, None));
        assert_eq!(
            w.months
                .iter()
                .find(|x| x.month == m("2026-10"))
                .unwrap()
                .worked,
            Some(100.0)
        );
        let e = with_capacity(100.0);
        let w = analyse(&e);
        assert_eq!((w.mean_ratio, w.score), (None, None));
        assert_eq!(
            crate::analyse::testkit::english(&w.reasons(&parties())),
            vec!["No hours worked were reported in the last 3 months (August to October 2026)."]
        );
        let e = with_capacity(0.0);
        assert_eq!(analyse(&e).capacity, None);
    }
}
