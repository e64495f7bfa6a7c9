//! Health: the weighted mean of the component scores, renormalised over the
//! components that have data, with its breakdown in words and the 12-month
//! sparkline. The components themselves are computed elsewhere; this module
//! only combines them.

use chrono::NaiveDate;
use serde::Serialize;

use super::rag::{self, Rag, RagRange};
use super::stats::weighted_mean;
use super::window::{MonthWindow, SERIES_MONTHS};
use crate::config::{HealthBands, Weights};
use crate::model::Month;
use crate::text::{Arg, Text};

pub use crate::components::ComponentKind;

/// One component's score as computed by its module; `None` is "no data".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub kind: ComponentKind,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub kind: ComponentKind,
    pub label: String,
    pub score: Option<f64>,
    /// The configured weight.
    pub weight: f64,
    /// The share of the health this component carries after renormalisation, 0..=1.
    pub effective_weight: f64,
    pub has_data: bool,
    pub reasons: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Health {
    /// The exact weighted mean; `None` when no component has data and weight.
    pub score: Option<f64>,
    /// The score rounded to a whole number, as shown.
    pub rounded: Option<i64>,
    /// Band of the rounded score, so the colour agrees with the number shown.
    pub band: Rag,
    pub components: Vec<Component>,
    /// Components without data, left out of the mean.
    pub left_out: Vec<ComponentKind>,
}

/// One point of the sparkline: the health with `date` as `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SparkPoint {
    pub month: Month,
    pub date: NaiveDate,
    pub score: Option<f64>,
    pub rounded: Option<i64>,
    pub band: Rag,
}

/// The weighted mean of the scores with data; weights ≤ 0 count nowhere.
pub fn score(scored: &[Scored], weights: &Weights) -> Option<f64> {
    weighted_mean(
        scored
            .iter()
            .filter_map(|s| Some((s.score?, s.kind.weight(weights)))),
    )
}

fn rounded(score: Option<f64>) -> Option<i64> {
    score.map(|s| s.round() as i64)
}

/// A health figure as a page shows it: rounded, in the band of the rounded
/// value (docs/metrics.md, "Health").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub rounded: Option<i64>,
    pub band: Rag,
}

impl Shown {
    pub fn of(score: Option<f64>, bands: &HealthBands) -> Shown {
        let rounded = rounded(score);
        Shown {
            rounded,
            band: band(rounded, bands),
        }
    }
}

/// The scores that earn each band, for a chart's background.
pub fn band_ranges(bands: &HealthBands) -> Vec<RagRange> {
    rag::ranges(true, bands.green, bands.amber)
}

fn band(rounded: Option<i64>, bands: &HealthBands) -> Rag {
    Rag::band(rounded.map(|r| r as f64), bands.green, bands.amber)
}

/// The health with its breakdown; `reasons` gives each component's words.
pub fn breakdown(
    scored: &[Scored],
    reasons: impl Fn(ComponentKind) -> Vec<Text>,
    weights: &Weights,
    bands: &HealthBands,
) -> Health {
    let score = score(scored, weights);
    let positive = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
    let total: f64 = scored
        .iter()
        .filter(|s| s.score.is_some())
        .map(|s| positive(s.kind.weight(weights)))
        .sum();
    let components = scored
        .iter()
        .map(|s| {
            let weight = s.kind.weight(weights);
            let carried = if s.score.is_some() {
                positive(weight)
            } else {
                0.0
            };
            Component {
                kind: s.kind,
                label: s.kind.label().to_string(),
                score: s.score,
                weight,
                effective_weight: if total > 0.0 { carried / total } else { 0.0 },
                has_data: s.score.is_some(),
                reasons: reasons(s.kind),
            }
        })
        .collect();
    let shown = Shown::of(score, bands);
    Health {
        score,
        rounded: shown.rounded,
        band: shown.band,
        components,
        left_out: scored
            .iter()
            .filter(|s| s.score.is_none())
            .map(|s| s.kind)
            .collect(),
    }
}

/// The health at the first day of each of the last 11 months, oldest
/// first, then at `as_of` itself: the line ends on the figure shown beside
/// it, in its band.
pub fn sparkline(
    as_of: NaiveDate,
    bands: &HealthBands,
    score_at: impl Fn(NaiveDate) -> Option<f64>,
) -> Vec<SparkPoint> {
    MonthWindow::last_months(as_of, SERIES_MONTHS - 1)
        .months()
        .map(|month| (month, month.first_day()))
        .chain(std::iter::once((Month::of(as_of), as_of)))
        .map(|(month, date)| SparkPoint::at(month, date, score_at(date), bands))
        .collect()
}

impl SparkPoint {
    /// The health `score` at `date`, rounded and banded as the page shows it.
    pub fn at(
        month: Month,
        date: NaiveDate,
        score: Option<f64>,
        bands: &HealthBands,
    ) -> SparkPoint {
        let rounded = rounded(score);
        SparkPoint {
            month,
            date,
            score,
            rounded,
            band: band(rounded, bands),
        }
    }
}

impl Health {
    /// "No data for workload realism and trust, so they are left out and the
    /// other weights are scaled up to make 100%."
    pub fn left_out_wording(&self) -> Option<Text> {
        let names: Vec<Arg> = self
            .left_out
            .iter()
            .map(|k| Text::new(component_id(*k)).into())
            .collect();
        (!names.is_empty()).then(|| {
            Text::new("flag-health-left-out")
                .with("count", names.len())
                .with("components", Arg::List(names))
        })
    }
}

/// The message of a component's name in a sentence: `workload realism`.
pub fn component_id(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Performance => "flag-component-performance",
        ComponentKind::Workload => "flag-component-workload",
        ComponentKind::Communication => "flag-component-communication",
        ComponentKind::Feedback => "flag-component-feedback",
        ComponentKind::Trust => "flag-component-trust",
        ComponentKind::Risk => "flag-component-risk",
        ComponentKind::Obligations => "flag-component-obligations",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, m};

    fn scored(scores: [Option<f64>; 6]) -> Vec<Scored> {
        ComponentKind::ALL
            .iter()
            .zip(scores)
            .map(|(&kind, score)| Scored { kind, score })
            .collect()
    }

    fn health(scores: [Option<f64>; 6]) -> Health {
        let reasons = |k: ComponentKind| vec![Text::new(component_id(k))];
        breakdown(
            &scored(scores),
            reasons,
            &Weights::default(),
            &HealthBands::default(),
        )
    }

    #[test]
    fn weighted_mean_of_all_components() {
        // (100×35 + 60×15 + 50×15 + 0×10 + 80×15 + 100×10) / 100 = 73.5
        let h = health([
            Some(100.0),
            Some(60.0),
            Some(50.0),
            Some(0.0),
            Some(80.0),
            Some(100.0),
        ]);
        assert_eq!(h.score, Some(73.5));
        assert_eq!(h.rounded, Some(74));
        assert_eq!(h.band, Rag::Amber);
        assert!(h.left_out.is_empty() && h.left_out_wording().is_none());
        assert_eq!(h.components[0].effective_weight, 0.35);
        // Each component carries its own reasons.
        assert_eq!(h.components[0].reasons[0].english(), "performance");
        assert_eq!(h.components[1].reasons[0].english(), "workload realism");
    }

    #[test]
    fn components_without_data_are_left_out_and_weights_renormalised() {
        // performance 80 (35) and risk 40 (10): (2800 + 400) / 45 = 71.1…
        let h = health([Some(80.0), None, None, None, None, Some(40.0)]);
        assert!((h.score.unwrap() - 3200.0 / 45.0).abs() < 1e-9);
        assert_eq!((h.rounded, h.band), (Some(71), Rag::Amber));
        assert!((h.components[0].effective_weight - 35.0 / 45.0).abs() < 1e-12);
        assert_eq!(h.components[1].effective_weight, 0.0);
        assert!(!h.components[1].has_data);
        assert_eq!(h.left_out.len(), 4);
        assert_eq!(
            h.left_out_wording().unwrap().english(),
            "No data for workload realism, communication cadence, two-way feedback and trust, so \
             they are left out and the other weights are scaled up to make 100%."
        );
    }

    #[test]
    fn band_follows_the_rounded_number() {
        // risk alone at 74.5 rounds to 75: green, as shown
        let h = health([None, None, None, None, None, Some(74.5)]);
        assert_eq!((h.rounded, h.band), (Some(75), Rag::Green));
        let h = health([None, None, None, None, None, Some(49.4)]);
        assert_eq!(h.band, Rag::Red);
        assert_eq!(
            h.left_out_wording().unwrap().english().matches(',').count(),
            4
        );
    }

    #[test]
    fn nothing_at_all_is_grey() {
        let h = health([None; 6]);
        assert_eq!((h.score, h.rounded, h.band), (None, None, Rag::Grey));
        assert!(h.components.iter().all(|c| c.effective_weight == 0.0));
    }

    #[test]
    fn zero_weights_count_nowhere() {
        let weights = Weights {
            performance: 0.0,
            ..Weights::default()
        };
        let s = scored([Some(0.0), None, None, None, None, Some(100.0)]);
        assert_eq!(score(&s, &weights), Some(100.0));
        let only = scored([Some(0.0), None, None, None, None, None]);
        assert_eq!(score(&only, &weights), None);
    }

    #[test]
    fn sparkline_asks_the_first_day_of_11_months_then_as_of() {
        let points = sparkline(d("2026-11-15"), &HealthBands::default(), |date| {
            if date == d("2026-11-15") {
                Some(74.6)
            } else {
                (date >= d("2026-06-01")).then_some(80.0)
            }
        });
        assert_eq!(points.len(), 12);
        assert_eq!(
            (points[0].month, points[0].date),
            (m("2025-12"), d("2025-12-01"))
        );
        assert_eq!(points[0].band, Rag::Grey);
        assert_eq!(points[10].date, d("2026-10-01"));
        // The last point is as_of itself: the figure printed beside the
        // line, banded as that figure (74.6 shows as 75, green).
        assert_eq!(
            (points[11].month, points[11].date),
            (m("2026-11"), d("2026-11-15"))
        );
        assert_eq!(
            (points[11].rounded, points[11].band),
            (Some(75), Rag::Green)
        );
    }
}
