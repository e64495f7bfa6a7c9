//! Communication cadence: check-ins held against the agreed cadence in the
//! last 90 days, whether a review is overdue, the longest silence between
//! check-ins in the last 12 months, and a monthly held-vs-expected series.

use chrono::NaiveDate;
use serde::Serialize;

use super::window::{DayWindow, SERIES_MONTHS, chart_months, days_between};
use crate::model::{Engagement, Frequency, Month, Note, NoteKind};
use crate::text::{Arg, Text};

/// Days of the held-vs-expected window.
pub const WINDOW_DAYS: u32 = 90;
/// Points off when the review is overdue.
pub const OVERDUE_REVIEW_PENALTY: f64 = 25.0;

/// Days of the longest gap's window.
pub const GAP_DAYS: u32 = 365;

/// The longest stretch without a check-in: between two check-ins, or open
/// from the last one to `as_of` (`open_end`). It never starts at a window's
/// edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    pub open_end: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CadenceMonth {
    pub month: Month,
    pub held: usize,
    /// Days in the month / meeting interval; `None` without a cadence.
    pub expected: Option<f64>,
    /// The month of `as_of`: shown, judged by nothing.
    pub in_progress: bool,
}

impl CadenceMonth {
    /// A whole month with fewer check-ins than the cadence expects.
    pub fn fewer_than_expected(&self) -> bool {
        !self.in_progress && self.expected.is_some_and(|e| (self.held as f64) < e)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communication {
    pub check_in: Option<Frequency>,
    pub review: Option<Frequency>,
    /// The interval expected meetings are counted by: `cadence.check_in`'s.
    pub meeting_interval_days: Option<i64>,
    pub window: DayWindow,
    /// floor(90 / meeting interval).
    pub expected: Option<usize>,
    /// Check-in and review notes dated in the last 90 days.
    pub held: usize,
    /// The latest review note dated on or before `as_of`.
    pub last_review: Option<NaiveDate>,
    /// Days since the last review, else since `start`; `None` with neither.
    pub days_since_review: Option<i64>,
    pub review_overdue: bool,
    /// The latest check-in or review note dated on or before `as_of`.
    pub last_check_in: Option<NaiveDate>,
    pub days_since_check_in: Option<i64>,
    pub longest_gap: Option<Gap>,
    /// The last 12 months, oldest first.
    pub months: Vec<CadenceMonth>,
    pub score: Option<f64>,
}

/// Notes that count as a check-in: reviews are check-ins too.
fn is_check_in(note: &Note) -> bool {
    matches!(note.meta.kind, NoteKind::CheckIn | NoteKind::Review)
}

pub fn analyse_cadence(e: &Engagement, as_of: NaiveDate) -> Communication {
    let cadence = e.record.cadence.as_ref();
    let check_in = cadence.and_then(|c| c.check_in);
    let review = cadence.and_then(|c| c.review);
    // Expected check-ins need `cadence.check_in`; the review cadence does
    // not stand in for it (docs/metrics.md, "Communication cadence").
    let interval = check_in.map(Frequency::interval_days);
    let window = DayWindow::last_days(as_of, WINDOW_DAYS);
    let meetings: Vec<NaiveDate> = e
        .notes
        .iter()
        .filter(|n| is_check_in(n) && n.meta.date <= as_of)
        .map(|n| n.meta.date)
        .collect();
    let held = meetings.iter().filter(|d| window.contains(**d)).count();
    let expected = interval.map(|i| (i64::from(WINDOW_DAYS) / i) as usize);
    let last_review = e
        .notes
        .iter()
        .filter(|n| n.meta.kind == NoteKind::Review && n.meta.date <= as_of)
        .map(|n| n.meta.date)
        .max();
    let days_since_review = last_review
        .or(e.record.start)
        .map(|since| days_between(since, as_of));
    let review_overdue = review
        .zip(days_since_review)
        .is_some_and(|(r, days)| days > r.interval_days());
    let last_check_in = meetings.iter().max().copied();
    let score = expected.map(|expected| {
        let share = (held as f64 / expected as f64).min(1.0);
        let penalty = if review_overdue {
            OVERDUE_REVIEW_PENALTY
        } else {
            0.0
        };
        (share * 100.0 - penalty).max(0.0)
    });
    Communication {
        check_in,
        review,
        meeting_interval_days: interval,
        window,
        expected,
        held,
        last_review,
        days_since_review,
        review_overdue,
        last_check_in,
        days_since_check_in: last_check_in.map(|d| days_between(d, as_of)),
        longest_gap: longest_gap(&meetings, as_of),
        months: monthly(&meetings, as_of, interval),
        score,
    }
}

/// The longest stretch between consecutive check-ins dated in the last 365
/// days, or from the last of them to `as_of`; on a tie the earliest wins.
/// `None` with no check-in in the 365 days.
fn longest_gap(meetings: &[NaiveDate], as_of: NaiveDate) -> Option<Gap> {
    let window = DayWindow::last_days(as_of, GAP_DAYS);
    let points: Vec<NaiveDate> = meetings
        .iter()
        .copied()
        .filter(|d| window.contains(*d))
        .chain(std::iter::once(as_of))
        .collect();
    let n = points.len();
    // `max_by_key` keeps the last of equal gaps; reversing keeps the earliest.
    (1..n)
        .rev()
        .max_by_key(|&i| days_between(points[i - 1], points[i]))
        .map(|i| Gap {
            from: points[i - 1],
            to: points[i],
            days: days_between(points[i - 1], points[i]),
            open_end: i == n - 1,
        })
}

/// The last 12 months and the month in progress (its check-ins up to
/// `as_of`, which is never after the data's end).
fn monthly(meetings: &[NaiveDate], as_of: NaiveDate, interval: Option<i64>) -> Vec<CadenceMonth> {
    chart_months(as_of, SERIES_MONTHS)
        .map(|(month, in_progress)| {
            let days = days_between(month.first_day(), month.plus(1).first_day());
            CadenceMonth {
                month,
                held: meetings
                    .iter()
                    .filter(|d| Month::of(**d) == month && **d <= as_of)
                    .count(),
                expected: interval.map(|i| days as f64 / i as f64),
                in_progress,
            }
        })
        .collect()
}

impl Communication {
    /// Why the score is what it is, in sentences.
    pub fn reasons(&self) -> Vec<Text> {
        let Some(expected) = self.expected else {
            let mut reasons = vec![Text::new("flag-cadence-not-agreed")];
            if self.review_overdue {
                reasons.push(
                    Text::new("flag-review-overdue-reason")
                        .with("wording", self.review_text(false)),
                );
            }
            return reasons;
        };
        let mut reasons =
            vec![Text::new("flag-sentence").with("text", held_text(self.held, expected))];
        if self.review_overdue {
            reasons.push(
                Text::new("flag-review-overdue-penalty-reason")
                    .with("penalty", Arg::Number(OVERDUE_REVIEW_PENALTY, 2))
                    .with("wording", self.review_text(false)),
            );
        }
        reasons
    }

    /// "the last review was on 1 January 2026, 91 days ago; one is agreed
    /// every 90 days", in English.
    pub fn review_wording(&self) -> String {
        self.review_text(false).english()
    }

    /// The review's wording as a message; `capital`: as a sentence of its
    /// own, capitalised and with a full stop.
    pub fn review_text(&self, capital: bool) -> Text {
        let interval = self.review.map_or(0, Frequency::interval_days);
        let days = self.days_since_review.unwrap_or(0).max(0);
        let id = match (self.last_review.is_some(), capital) {
            (true, false) => "flag-review-last",
            (true, true) => "flag-review-last-sentence",
            (false, false) => "flag-review-none",
            (false, true) => "flag-review-none-sentence",
        };
        let text = Text::new(id).with("days", days).with("interval", interval);
        match self.last_review {
            Some(date) => text.with("date", Arg::LongDate(date)),
            None => text,
        }
    }
}

/// "6 of the 12 check-ins expected in the last 90 days were held", without
/// a full stop.
pub fn held_text(held: usize, expected: usize) -> Text {
    let id = match (held, expected) {
        (0, 1) => "flag-check-in-one-not-held",
        (0, _) => "flag-check-ins-none-held",
        (1, 1) => "flag-check-in-one-held",
        (h, e) if h == e => "flag-check-ins-all-held",
        (h, e) if h >= e => "flag-check-ins-more-held",
        _ => "flag-check-ins-some-held",
    };
    Text::new(id)
        .with("held", held)
        .with("expected", expected)
        .with("days", WINDOW_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{add_note, d, engagement, m, note};
    use crate::model::Cadence;

    fn with_cadence(check_in: Option<Frequency>, review: Option<Frequency>) -> Engagement {
        let mut e = engagement();
        e.record.cadence = Some(Cadence { check_in, review });
        e
    }

    #[test]
    fn held_against_expected_in_the_last_90_days() {
        let mut e = with_cadence(Some(Frequency::Weekly), None);
        // as_of 2026-03-31: the 90 days are 2026-01-01..=2026-03-31
        add_note(&mut e, note("2025-12-31", NoteKind::CheckIn)); // one day too early
        add_note(&mut e, note("2026-01-01", NoteKind::CheckIn));
        add_note(&mut e, note("2026-02-01", NoteKind::Review));
        add_note(&mut e, note("2026-03-31", NoteKind::CheckIn));
        add_note(&mut e, note("2026-03-15", NoteKind::Workshop)); // not a check-in
        add_note(&mut e, note("2026-04-01", NoteKind::CheckIn)); // after as_of
        let c = analyse_cadence(&e, d("2026-03-31"));
        assert_eq!((c.expected, c.held), (Some(12), 3));
        assert!(!c.review_overdue, "no review cadence: never overdue");
        assert_eq!(c.score, Some(25.0));
        assert_eq!(c.last_check_in, Some(d("2026-03-31")));
        assert_eq!(c.days_since_check_in, Some(0));
        assert_eq!(
            crate::analyse::testkit::english(&c.reasons()),
            vec!["3 of the 12 check-ins expected in the last 90 days were held."]
        );
        assert_eq!(
            held_text(0, 12).english(),
            "None of the 12 check-ins expected in the last 90 days was held"
        );
        assert_eq!(
            held_text(13, 12).english(),
            "13 check-ins were held in the last 90 days, against 12 expected"
        );
    }

    #[test]
    fn more_than_expected_caps_at_100() {
        let mut e = with_cadence(Some(Frequency::Quarterly), None);
        add_note(&mut e, note("2026-03-01", NoteKind::CheckIn));
        add_note(&mut e, note("2026-03-02", NoteKind::CheckIn));
        let c = analyse_cadence(&e, d("2026-03-31"));
        assert_eq!((c.expected, c.score), (Some(1), Some(100.0)));
    }

    #[test]
    fn review_overdue_since_the_last_review_or_the_start() {
        let mut e = with_cadence(Some(Frequency::Monthly), Some(Frequency::Quarterly));
        e.record.start = Some(d("2025-01-01"));
        add_note(&mut e, note("2026-01-01", NoteKind::Review));
        add_note(&mut e, note("2026-06-01", NoteKind::Review)); // after as_of: ignored
        // 2026-04-01 is 90 days after 2026-01-01: not yet overdue
        let c = analyse_cadence(&e, d("2026-04-01"));
        assert_eq!((c.days_since_review, c.review_overdue), (Some(90), false));
        let c = analyse_cadence(&e, d("2026-04-02"));
        assert_eq!((c.days_since_review, c.review_overdue), (Some(91), true));
        // held: the review of 2026-01-01 is outside 2026-01-03..2026-04-02 → 0 of 3, −25 → 0
        assert_eq!((c.held, c.score), (0, Some(0.0)));
        assert_eq!(
            c.reasons()[1].english(),
            "The review is overdue (−25): the last review was on 1 January 2026, 91 days ago; one \
             is agreed every 90 days."
        );
        e.notes.clear();
        let c = analyse_cadence(&e, d("2025-04-01"));
        assert_eq!(
            (c.last_review, c.days_since_review, c.review_overdue),
            (None, Some(90), false)
        );
        let c = analyse_cadence(&e, d("2025-05-01"));
        assert!(c.review_overdue);
        assert!(
            c.review_wording()
                .starts_with("no review has been held in the 120 days since the start")
        );
    }

    #[test]
    fn no_review_and_no_start_is_not_overdue() {
        let e = with_cadence(None, Some(Frequency::Monthly));
        let c = analyse_cadence(&e, d("2026-04-01"));
        assert_eq!((c.days_since_review, c.review_overdue), (None, false));
    }

    #[test]
    fn a_review_cadence_does_not_stand_in_for_check_ins() {
        // Settled reading: expected check-ins need cadence.check_in; an
        // overdue review needs cadence.review; one does not stand in for the other.
        let mut e = with_cadence(None, Some(Frequency::Monthly));
        e.record.start = Some(d("2026-01-01"));
        add_note(&mut e, note("2026-03-20", NoteKind::CheckIn));
        let c = analyse_cadence(&e, d("2026-04-01"));
        assert_eq!(
            (c.expected, c.score, c.meeting_interval_days),
            (None, None, None)
        );
        assert!(c.months.iter().all(|x| x.expected.is_none()));
        // The overdue review is still known (and flagged).
        assert!(c.review_overdue);
        assert_eq!(
            crate::analyse::testkit::english(&c.reasons()),
            vec![
                "No check-in cadence is agreed (cadence.check_in), so communication is not scored.",
                "The review is overdue: no review has been held in the 90 days since the start; \
                 one is agreed every 30 days."
            ]
        );
        // A check-in cadence alone never makes a review overdue.
        let e = with_cadence(Some(Frequency::Weekly), None);
        assert!(!analyse_cadence(&e, d("2030-01-01")).review_overdue);
    }

    #[test]
    fn no_data_without_cadence_but_dates_still_known() {
        let mut e = engagement();
        add_note(&mut e, note("2026-03-20", NoteKind::CheckIn));
        let c = analyse_cadence(&e, d("2026-03-31"));
        assert_eq!((c.expected, c.score), (None, None));
        assert_eq!(c.days_since_check_in, Some(11));
        assert!(c.months.iter().all(|x| x.expected.is_none()));
        let empty = with_cadence(None, None);
        assert_eq!(analyse_cadence(&empty, d("2026-03-31")).score, None);
    }

    #[test]
    fn longest_gap_is_between_check_ins_of_365_days_or_open_to_as_of() {
        let mut e = engagement();
        e.record.start = Some(d("2020-01-01")); // never a bound
        // as_of 2026-11-15: the 365 days are 2025-11-16..=2026-11-15
        add_note(&mut e, note("2025-11-15", NoteKind::CheckIn)); // one day too early
        add_note(&mut e, note("2026-01-10", NoteKind::CheckIn));
        add_note(&mut e, note("2026-02-10", NoteKind::Review));
        add_note(&mut e, note("2026-10-01", NoteKind::CheckIn));
        add_note(&mut e, note("2026-11-02", NoteKind::CheckIn)); // counts: up to as_of
        let c = analyse_cadence(&e, d("2026-11-15"));
        let gap = c.longest_gap.unwrap();
        assert_eq!(
            (gap.from, gap.to, gap.days, gap.open_end),
            (d("2026-02-10"), d("2026-10-01"), 233, false)
        );
        // None from the window's start: nothing before 2026-01-10 counts.
        assert_eq!(
            analyse_cadence(&engagement(), d("2026-11-15")).longest_gap,
            None
        );
    }

    #[test]
    fn longest_gap_may_be_the_open_stretch_to_as_of() {
        let mut e = engagement();
        e.record.start = Some(d("2026-09-01"));
        add_note(&mut e, note("2026-09-05", NoteKind::CheckIn));
        add_note(&mut e, note("2026-09-10", NoteKind::CheckIn));
        let gap = analyse_cadence(&e, d("2026-11-15")).longest_gap.unwrap();
        // 2026-09-05..10 is 5 days, 2026-09-10..11-15 is 66 (open)
        assert_eq!(
            (gap.from, gap.to, gap.days, gap.open_end),
            (d("2026-09-10"), d("2026-11-15"), 66, true)
        );
        // A tie keeps the earliest: 5 days, then 5 days open.
        let gap = analyse_cadence(&e, d("2026-09-15")).longest_gap.unwrap();
        assert_eq!((gap.from, gap.open_end), (d("2026-09-05"), false));
    }

    #[test]
    fn monthly_series_counts_held_against_expected() {
        let mut e = with_cadence(Some(Frequency::Weekly), None);
        add_note(&mut e, note("2026-02-03", NoteKind::CheckIn));
        add_note(&mut e, note("2026-02-10", NoteKind::Review));
        add_note(&mut e, note("2026-03-02", NoteKind::CheckIn));
        add_note(&mut e, note("2026-03-09", NoteKind::CheckIn));
        let c = analyse_cadence(&e, d("2026-03-05"));
        assert_eq!(c.months.len(), 13, "12 months and the month in progress");
        let feb = &c.months[11];
        assert_eq!(
            (feb.month, feb.held, feb.expected),
            (m("2026-02"), 2, Some(4.0))
        );
        assert!(feb.fewer_than_expected());
        let march = c.months.last().unwrap();
        assert_eq!(
            (march.month, march.held, march.in_progress),
            (m("2026-03"), 1, true)
        );
        assert!(
            !march.fewer_than_expected(),
            "a month in progress is not judged"
        );
    }
}
