//! The red/amber/green status shared by KPIs and the health band, and the
//! points each status is worth in a score.

use serde::Serialize;

/// A traffic-light status; `Grey` is "not reported" (or "no data").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Green,
    Amber,
    Red,
    Grey,
}

impl Rag {
    /// Lowercase name, for CSS classes and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
            Rag::Grey => "grey",
        }
    }

    /// Words for people (and screen readers), so colour is never the only cue.
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "on target",
            Rag::Amber => "near target",
            Rag::Red => "off target",
            Rag::Grey => "not reported",
        }
    }

    /// Points in a score: green 100, amber 50, red 0; grey counts nowhere.
    pub fn points(self) -> Option<f64> {
        match self {
            Rag::Green => Some(100.0),
            Rag::Amber => Some(50.0),
            Rag::Red => Some(0.0),
            Rag::Grey => None,
        }
    }

    /// How a KPI's month reads in the site's colour language, as a class
    /// and words: a miss of a KPI that is an SLA that month is a breach,
    /// red, never "near target" (docs/metrics.md, "KPI status"); the
    /// score still counts its status (amber 50, red 0).
    pub fn shown(self, sla: bool) -> (Rag, &'static str) {
        match self {
            Rag::Amber | Rag::Red if sla => (Rag::Red, "breach"),
            rag => (rag, rag.label()),
        }
    }

    /// A reported month that misses the target.
    pub fn is_miss(self) -> bool {
        matches!(self, Rag::Amber | Rag::Red)
    }

    /// The band of a 0..100 score: green ≥ `green`, amber ≥ `amber`, else red.
    pub fn band(score: Option<f64>, green: f64, amber: f64) -> Rag {
        match score {
            None => Rag::Grey,
            Some(s) if s >= green => Rag::Green,
            Some(s) if s >= amber => Rag::Amber,
            Some(_) => Rag::Red,
        }
    }
}

/// The values that earn one status, `None` at an open end: what a chart
/// shades behind a series, decided here with the statuses themselves.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RagRange {
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub rag: Rag,
}

/// The status ranges, lowest values first, of a value judged against
/// `good` (green from there on) and `warn` (the amber edge, inclusive) in
/// the good direction; a `warn` that is not on the bad side of `good` makes
/// no amber range, as it makes no amber status.
pub fn ranges(higher_is_better: bool, good: f64, warn: f64) -> Vec<RagRange> {
    let range = |from, to, rag| RagRange { from, to, rag };
    let amber = warn.is_finite()
        && if higher_is_better {
            warn < good
        } else {
            warn > good
        };
    match (higher_is_better, amber) {
        (true, true) => vec![
            range(None, Some(warn), Rag::Red),
            range(Some(warn), Some(good), Rag::Amber),
            range(Some(good), None, Rag::Green),
        ],
        (true, false) => vec![
            range(None, Some(good), Rag::Red),
            range(Some(good), None, Rag::Green),
        ],
        (false, true) => vec![
            range(None, Some(good), Rag::Green),
            range(Some(good), Some(warn), Rag::Amber),
            range(Some(warn), None, Rag::Red),
        ],
        (false, false) => vec![
            range(None, Some(good), Rag::Green),
            range(Some(good), None, Rag::Red),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_and_labels() {
        assert_eq!(Rag::Green.points(), Some(100.0));
        assert_eq!(Rag::Amber.points(), Some(50.0));
        assert_eq!(Rag::Red.points(), Some(0.0));
        assert_eq!(Rag::Grey.points(), None);
        assert_eq!(Rag::Grey.label(), "not reported");
        assert_eq!(Rag::Amber.as_str(), "amber");
        assert!(Rag::Amber.is_miss() && Rag::Red.is_miss());
        assert!(!Rag::Green.is_miss() && !Rag::Grey.is_miss());
    }

    #[test]
    fn ranges_follow_the_statuses() {
        let rags = |r: Vec<RagRange>| r.iter().map(|r| (r.from, r.to, r.rag)).collect::<Vec<_>>();
        assert_eq!(
            rags(ranges(true, 95.0, 90.0)),
            [
                (None, Some(90.0), Rag::Red),
                (Some(90.0), Some(95.0), Rag::Amber),
                (Some(95.0), None, Rag::Green)
            ]
        );
        assert_eq!(
            rags(ranges(false, 10.0, 12.0)),
            [
                (None, Some(10.0), Rag::Green),
                (Some(10.0), Some(12.0), Rag::Amber),
                (Some(12.0), None, Rag::Red)
            ]
        );
        // A warn on the good side makes no amber range, as in `kpi::status`.
        assert_eq!(ranges(false, 5.0, 1.0).len(), 2);
        assert_eq!(ranges(true, 5.0, f64::NAN).len(), 2);
    }

    #[test]
    fn an_sla_miss_reads_as_a_breach_never_near_target() {
        assert_eq!(Rag::Amber.shown(true), (Rag::Red, "breach"));
        assert_eq!(Rag::Red.shown(true), (Rag::Red, "breach"));
        assert_eq!(Rag::Green.shown(true), (Rag::Green, "on target"));
        assert_eq!(Rag::Grey.shown(true), (Rag::Grey, "not reported"));
        assert_eq!(Rag::Amber.shown(false), (Rag::Amber, "near target"));
    }

    #[test]
    fn band_edges_are_inclusive() {
        assert_eq!(Rag::band(Some(75.0), 75.0, 50.0), Rag::Green);
        assert_eq!(Rag::band(Some(74.9), 75.0, 50.0), Rag::Amber);
        assert_eq!(Rag::band(Some(50.0), 75.0, 50.0), Rag::Amber);
        assert_eq!(Rag::band(Some(49.9), 75.0, 50.0), Rag::Red);
        assert_eq!(Rag::band(None, 75.0, 50.0), Rag::Grey);
    }
}
