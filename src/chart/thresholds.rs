//! Targets with a warning level and a direction, and the green/amber/red
//! bands they divide a value axis into.
//!
//! The classification matches the DESIGN's KPI status: green meets the
//! target, amber lies between `warn` (inclusive) and the target, red is
//! beyond `warn`. The caller resolves defaults (e.g. warn = 0.9 × target);
//! without a usable `warn` there is no amber band.

use serde::Serialize;

use super::palette;
use plotters::style::RGBColor;

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// More is better: a value meets the target when it is >= target.
    Higher,
    /// Less is better: a value meets the target when it is <= target.
    Lower,
}

/// A target, an optional warning level and the good direction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    pub target: f64,
    /// Where amber ends and red begins; ignored unless it lies on the bad
    /// side of the target.
    pub warn: Option<f64>,
    pub direction: Direction,
}

/// A RAG status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn name(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }

    pub fn colour(self) -> RGBColor {
        match self {
            Rag::Green => palette::GREEN,
            Rag::Amber => palette::AMBER,
            Rag::Red => palette::RED,
        }
    }
}

impl Thresholds {
    /// The warning level if it is finite and on the bad side of the target.
    pub(crate) fn warn(&self) -> Option<f64> {
        let warn = self.warn.filter(|w| w.is_finite())?;
        let bad_side = match self.direction {
            Direction::Higher => warn < self.target,
            Direction::Lower => warn > self.target,
        };
        bad_side.then_some(warn)
    }

    /// The status of one value.
    pub(crate) fn status(&self, value: f64) -> Rag {
        let (meets, within_warn) = match self.direction {
            Direction::Higher => (
                value >= self.target,
                self.warn().is_some_and(|w| value >= w),
            ),
            Direction::Lower => (
                value <= self.target,
                self.warn().is_some_and(|w| value <= w),
            ),
        };
        if meets {
            Rag::Green
        } else if within_warn {
            Rag::Amber
        } else {
            Rag::Red
        }
    }

    /// The bands covering `lo..hi`, bottom to top, empty ones left out.
    pub(crate) fn bands(&self, lo: f64, hi: f64) -> Vec<(f64, f64, Rag)> {
        let target = self.target;
        let warn = self.warn();
        let mut bands = match (self.direction, warn) {
            (Direction::Higher, Some(w)) => {
                vec![
                    (lo, w, Rag::Red),
                    (w, target, Rag::Amber),
                    (target, hi, Rag::Green),
                ]
            }
            (Direction::Higher, None) => vec![(lo, target, Rag::Red), (target, hi, Rag::Green)],
            (Direction::Lower, Some(w)) => {
                vec![
                    (lo, target, Rag::Green),
                    (target, w, Rag::Amber),
                    (w, hi, Rag::Red),
                ]
            }
            (Direction::Lower, None) => vec![(lo, target, Rag::Green), (target, hi, Rag::Red)],
        };
        for band in &mut bands {
            band.0 = super::bound(band.0, lo, hi);
            band.1 = super::bound(band.1, lo, hi);
        }
        bands.retain(|(from, to, _)| to > from);
        bands
    }

    /// "higher is better" / "lower is better".
    pub(crate) fn direction_text(&self) -> &'static str {
        match self.direction {
            Direction::Higher => "higher is better",
            Direction::Lower => "lower is better",
        }
    }
}
