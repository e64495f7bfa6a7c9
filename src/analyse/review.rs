//! Past quarters, as the review packs show them: each complete quarter with
//! data, analysed with the day after it as the report date, so that "the
//! last 3 months" are the quarter's months and nothing reported after it
//! counts.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::EngagementAnalysis;
use super::window::MonthWindow;
use crate::config::Config;
use crate::model::{Engagement, KpiValue, Month};

/// A calendar quarter, `2026-Q3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    pub year: i32,
    /// 1..=4
    pub q: u32,
}

impl Quarter {
    pub fn of(m: Month) -> Quarter {
        Quarter {
            year: m.year,
            q: m.quarter(),
        }
    }

    pub fn months(self) -> MonthWindow {
        let first = Month::new(self.year, (self.q - 1) * 3 + 1).expect("quarter month");
        MonthWindow {
            first,
            last: first.plus(2),
        }
    }

    /// The report date of the quarter's figures: the day after it ends.
    pub fn as_of(self) -> NaiveDate {
        self.months().last.plus(1).first_day()
    }

    pub fn label(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    pub fn spelled(self) -> String {
        let w = self.months();
        let name = |m: Month| m.short_label()[..3].to_string();
        format!("{} to {} {}", name(w.first), name(w.last), self.year)
    }
}

/// Quarters that hold a period with any measurement and ended before the
/// month of `as_of` (a quarter in progress has no pack yet), oldest first.
pub fn quarters(e: &Engagement, as_of: NaiveDate) -> Vec<Quarter> {
    let current = Month::of(as_of);
    let mut quarters: Vec<Quarter> = e
        .periods
        .iter()
        .filter(|p| {
            p.kpis.values().any(|v| *v != KpiValue::NotReported)
                || p.hours.as_ref().is_some_and(|h| h.worked.is_some())
                || p.survey.is_some()
        })
        .map(|p| Quarter::of(p.period))
        .filter(|q| q.months().last < current)
        .collect();
    quarters.dedup();
    quarters
}

/// One past quarter and the engagement's figures at its end.
pub struct QuarterReview {
    pub quarter: Quarter,
    pub analysis: EngagementAnalysis,
    /// In an internal build, the health the partner's pack shows (set by
    /// `site::render_engagement`, which knows the scope).
    pub partner: Option<super::health::Shown>,
}

/// Every past quarter of `e` with its figures, oldest first (analysed in
/// parallel; packs show no trend, so none is computed).
pub fn quarter_reviews(e: &Engagement, config: &Config, as_of: NaiveDate) -> Vec<QuarterReview> {
    quarters(e, as_of)
        .into_par_iter()
        .map(|quarter| QuarterReview {
            quarter,
            analysis: super::analyse_without_trend(e, config, quarter.as_of()),
            partner: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
}
