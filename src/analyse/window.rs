//! Time windows relative to the report date `as_of`: "the last N months",
//! "the last N days" and the in-progress month.
//!
//! Every figure goes through these so that all of them agree on one rule
//! (docs/metrics.md, "Windows"): month windows hold whole calendar months
//! *before* the month of
//! `as_of`; the month of `as_of` is in progress and counted in no window;
//! anything later is ignored.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::{Month, Period};

/// Months of every 12-month figure and chart series.
pub const SERIES_MONTHS: u32 = 12;

/// A run of whole calendar months, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthWindow {
    pub first: Month,
    pub last: Month,
}

impl MonthWindow {
    /// The `n` calendar months before the month of `as_of` (`n` ≥ 1).
    pub fn last_months(as_of: NaiveDate, n: u32) -> MonthWindow {
        let current = in_progress_month(as_of);
        MonthWindow {
            first: current.plus(-(n.max(1) as i32)),
            last: current.plus(-1),
        }
    }

    pub fn contains(&self, month: Month) -> bool {
        self.first <= month && month <= self.last
    }

    pub fn contains_date(&self, date: NaiveDate) -> bool {
        self.contains(Month::of(date))
    }

    /// The months of the window, oldest first.
    pub fn months(&self) -> impl Iterator<Item = Month> + use<> {
        let first = self.first;
        (0..=first.months_until(self.last)).map(move |i| first.plus(i))
    }

    /// The first day of the window.
    pub fn first_day(&self) -> NaiveDate {
        self.first.first_day()
    }

    /// The last day of the window (the day before the month after it).
    pub fn last_day(&self) -> NaiveDate {
        self.last.last_day()
    }

    /// `2026-08..2026-10`, or `2026-10` for a window of one month.
    pub fn label(&self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}..{}", self.first, self.last)
        }
    }
}

/// A run of days, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayWindow {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DayWindow {
    /// The days from `as_of − (n − 1)` to `as_of` (`n` ≥ 1).
    pub fn last_days(as_of: NaiveDate, n: u32) -> DayWindow {
        let back = u64::from(n.max(1) - 1);
        DayWindow {
            first: as_of
                .checked_sub_days(Days::new(back))
                .unwrap_or(NaiveDate::MIN),
            last: as_of,
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }
}

/// The month of `as_of`: shown as in progress, counted in no window.
pub fn in_progress_month(as_of: NaiveDate) -> Month {
    Month::of(as_of)
}

/// The months of a chart: the last `n` months oldest first, marked `false`,
/// then the month in progress, marked `true`.
pub fn chart_months(as_of: NaiveDate, n: u32) -> impl Iterator<Item = (Month, bool)> {
    MonthWindow::last_months(as_of, n)
        .months()
        .map(|m| (m, false))
        .chain(std::iter::once((in_progress_month(as_of), true)))
}

/// The periods whose month falls in `window`, oldest first.
pub fn periods_in(periods: &[Period], window: MonthWindow) -> impl Iterator<Item = &Period> {
    periods.iter().filter(move |p| window.contains(p.period))
}

/// The periods before the month of `as_of`, newest first: where "the latest
/// reported" figures search.
pub fn periods_before(periods: &[Period], as_of: NaiveDate) -> impl Iterator<Item = &Period> {
    let current = in_progress_month(as_of);
    periods.iter().rev().filter(move |p| p.period < current)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, m, period};

    #[test]
    fn last_months_are_before_the_month_of_as_of() {
        for as_of in ["2026-11-01", "2026-11-23", "2026-11-30"] {
            let w = MonthWindow::last_months(d(as_of), 3);
            assert_eq!((w.first, w.last), (m("2026-08"), m("2026-10")), "{as_of}");
            assert_eq!(w.label(), "2026-08..2026-10");
        }
    }

    #[test]
    fn month_window_crosses_years_and_lists_months() {
        let w = MonthWindow::last_months(d("2026-02-10"), 12);
        assert_eq!((w.first, w.last), (m("2025-02"), m("2026-01")));
        let months: Vec<_> = w.months().collect();
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], m("2025-02"));
        assert_eq!(months[11], m("2026-01"));
        assert_eq!(w.first_day(), d("2025-02-01"));
        assert_eq!(w.last_day(), d("2026-01-31"));
        assert!(
            !w.contains(m("2026-02")),
            "the month of as_of is in no window"
        );
        assert!(w.contains_date(d("2025-02-01")));
        assert!(!w.contains_date(d("2025-01-31")));
    }

    #[test]
    fn one_month_window_has_a_short_label() {
        let w = MonthWindow::last_months(d("2026-03-05"), 1);
        assert_eq!(w.label(), "2026-02");
        assert_eq!(w.last_day(), d("2026-02-28"));
    }

    #[test]
    fn last_days_include_as_of() {
        let w = DayWindow::last_days(d("2026-03-31"), 90);
        assert_eq!(w.first, d("2026-01-01"));
        assert!(w.contains(d("2026-01-01")) && w.contains(d("2026-03-31")));
        assert!(!w.contains(d("2025-12-31")) && !w.contains(d("2026-04-01")));
        assert_eq!(
            DayWindow::last_days(d("2026-03-31"), 1).first,
            d("2026-03-31")
        );
    }

    #[test]
    fn periods_in_and_before_skip_the_month_in_progress() {
        let periods = vec![
            period("2026-07"),
            period("2026-08"),
            period("2026-10"),
            period("2026-11"),
            period("2026-12"),
        ];
        let w = MonthWindow::last_months(d("2026-11-15"), 3);
        let inside: Vec<_> = periods_in(&periods, w).map(|p| p.period).collect();
        assert_eq!(inside, vec![m("2026-08"), m("2026-10")]);
        let before: Vec<_> = periods_before(&periods, d("2026-11-15"))
            .map(|p| p.period)
            .collect();
        assert_eq!(before, vec![m("2026-10"), m("2026-08"), m("2026-07")]);
        assert_eq!(in_progress_month(d("2026-11-15")), m("2026-11"));
    }

    #[test]
    fn chart_months_end_with_the_month_in_progress() {
        let months: Vec<_> = chart_months(d("2026-01-31"), 2).collect();
        assert_eq!(
            months,
            vec![
                (m("2025-11"), false),
                (m("2025-12"), false),
                (m("2026-01"), true)
            ]
        );
    }

    #[test]
    fn days_between_is_signed() {
        assert_eq!(days_between(d("2026-01-01"), d("2026-01-31")), 30);
        assert_eq!(days_between(d("2026-01-31"), d("2026-01-01")), -30);
    }
}
