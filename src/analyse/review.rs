//! Past quarters, as the review packs show them: each complete quarter with
//! data, analysed with the day after it as the report date, so that "the
//! last 3 months" are the quarter's months and nothing reported after it
//! counts.

pub mod grid;
pub mod summary;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use self::grid::SlaGrid;
use self::summary::{Decision, Issue, Win};
use super::EngagementAnalysis;
use super::health::SparkPoint;
use super::window::MonthWindow;
use crate::config::Config;
use crate::model::{Engagement, KpiValue, Month};

/// A calendar quarter, `2026-Q3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        Quarter::of(self.months().last.plus(1))
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
    pub summary: QuarterSummary,
}

/// What a pack's summary page shows, decided from the figures at the end
/// of the quarter (docs/metrics.md, "Review packs").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterSummary {
    /// Health on the first day of each month of the quarter, then at its
    /// end (the pack's report date).
    pub trend: Vec<SparkPoint>,
    pub grid: SlaGrid,
    /// Every candidate issue, most severe first; the page shows the first
    /// [`summary::TOP_ISSUES`].
    pub issues: Vec<Issue>,
    pub wins: Vec<Win>,
    pub decisions: Vec<Decision>,
}

/// The summary of quarter `q`, `a` being the analysis at its end.
pub fn quarter_summary(
    e: &Engagement,
    config: &Config,
    q: Quarter,
    a: &EngagementAnalysis,
) -> QuarterSummary {
    let bands = &config.thresholds.health;
    let trend = q
        .months()
        .months()
        .map(|m| (m, m.first_day()))
        .chain(std::iter::once((Month::of(q.as_of()), q.as_of())))
        .filter(|(m, _)| e.record.start.is_none_or(|s| *m >= Month::of(s)))
        .map(|(m, date)| {
            let score = if date == a.as_of {
                a.health.score
            } else {
                super::health_at(e, config, date)
            };
            SparkPoint::at(m, date, score, bands)
        })
        .collect();
    let grid = grid::sla_grid(e, q, a);
    QuarterSummary {
        trend,
        issues: summary::issues(e, &grid, a),
        wins: summary::wins(e, q, &grid, a),
        decisions: summary::decisions(e, q, a),
        grid,
    }
}

/// Every past quarter of `e` with its figures, oldest first (analysed in
/// parallel; packs show no trend, so none is computed).
pub fn quarter_reviews(e: &Engagement, config: &Config, as_of: NaiveDate) -> Vec<QuarterReview> {
    quarters(e, as_of)
        .into_par_iter()
        .map(|quarter| {
            let analysis = super::analyse_without_trend(e, config, quarter.as_of());
            QuarterReview {
                quarter,
                partner: None,
                summary: quarter_summary(e, config, quarter, &analysis),
                analysis,
            }
        })
        .collect()
}
