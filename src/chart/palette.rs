//! The chart palette: every colour a chart uses is named here, once.
//!
//! Hues come from the Okabe–Ito set, which stays distinguishable under the
//! common colour-vision deficiencies; meaning is never carried by colour
//! alone (labels, markers, hatching and dashes carry it too). Dashes are
//! drawn by wrapping a shape in `backend::Dashed`, not by colour.

use plotters::style::RGBColor;
use serde::Serialize;

/// Chart background: opaque, so a chart stays readable on a dark page.
pub(crate) const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Main text: axis titles, legend, annotations.
pub(crate) const INK: RGBColor = RGBColor(0x1F, 0x29, 0x33);
/// Secondary text: tick labels, "not reported" marks.
pub(crate) const MUTED: RGBColor = RGBColor(0x4A, 0x57, 0x63);
/// Axis lines and tick marks.
pub(crate) const AXIS: RGBColor = RGBColor(0x8A, 0x96, 0xA3);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE1, 0xE5, 0xEA);

/// A single measured series (a KPI's actuals, hours worked, a sparkline).
pub(crate) const DATA: RGBColor = RGBColor(0x2E, 0x4A, 0x6B);
/// Targets, limits and capacities; drawn dashed.
pub(crate) const REFERENCE: RGBColor = RGBColor(0x11, 0x11, 0x11);

/// RAG: meets the target.
pub(crate) const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// RAG: near the target (between warn and target).
pub(crate) const AMBER: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// RAG: misses the target; also the fill of flagged bars.
pub(crate) const RED: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// RAG: not reported; also the "n/r" marks (4.5:1 on white).
pub(crate) const GREY: RGBColor = RGBColor(0x76, 0x76, 0x76);
/// Opacity of RAG background bands.
pub(crate) const BAND_OPACITY: f64 = 0.16;

/// The client's side of the relationship.
pub(crate) const CLIENT: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// The provider's side of the relationship.
pub(crate) const PROVIDER: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
/// Risk ratings, light to dark so they read in greyscale too.
pub(crate) const RISK_LOW: RGBColor = RGBColor(0xD4, 0xEB, 0xDF);
pub(crate) const RISK_MEDIUM: RGBColor = RGBColor(0xF7, 0xDE, 0x9C);
pub(crate) const RISK_HIGH: RGBColor = RGBColor(0xEE, 0xA0, 0x62);
pub(crate) const RISK_CRITICAL: RGBColor = RGBColor(0xA8, 0x3A, 0x0C);

/// The `#RRGGBB` form plotters writes into the SVG, for post-processing.
pub(crate) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The colour of a status as the analysis decided it: charts draw a shade,
/// they never judge a value themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shade {
    Green,
    Amber,
    Red,
    /// Not reported, or not judged.
    Grey,
}

impl Shade {
    pub(crate) fn colour(self) -> RGBColor {
        match self {
            Shade::Green => GREEN,
            Shade::Amber => AMBER,
            Shade::Red => RED,
            Shade::Grey => GREY,
        }
    }

    /// The colour's name, for descriptions: colour is never the only cue.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Shade::Green => "green",
            Shade::Amber => "amber",
            Shade::Red => "red",
            Shade::Grey => "grey",
        }
    }
}
