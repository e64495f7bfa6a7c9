//! Charts: plain input structs in, accessible SVG strings out.
//!
//! This module owns every chart the site shows. Each chart *shape* has one
//! helper ([`time_series`], [`bars`], [`grouped_bars`], [`heat_map`],
//! [`sparkline`]) taking a plain input struct defined here (labels as
//! `String`, values as `Option<f64>`, `None` meaning "not reported"), so the
//! module knows nothing of the content model and is usable on its own. Every
//! helper returns a [`Chart`]: a title, a one-sentence description, an SVG
//! string and the same data as a table for screen readers and printing.
//!
//! Drawing goes through our own plotters backend (`backend.rs`) without
//! fonts: text is laid out with a width estimate and emitted as SVG `<text>`,
//! so the browser picks the font and nothing here needs fontconfig or
//! freetype. Shared pieces live in their own files: the palette
//! (`palette.rs`), the SVG wrapper that adds `<title>`, `<desc>`, ARIA and the
//! `viewBox` (`svg.rs`), axes, ticks and label layout (`axis.rs`), legends
//! and marks drawn by several shapes (`marks.rs`), background bands
//! (`bands.rs`) and value formatting plus the data table (`table.rs`).
//!
//! Every word a chart writes itself (legend entries, the description, the
//! data table's headers, "n/r") and every number comes from the
//! `Language` each helper is given: the words of a chart's own content
//! (its title, labels, series names) come in already worded.
//!
//! Charts decide nothing: every status colour (a point's [`Shade`], a
//! background [`ValueBand`]) comes in with the input, as the analysis
//! decided it.
//!
//! Rendering is pure and deterministic: the same input gives byte-identical
//! SVG, and no input panics (a drawing failure falls back to an SVG that says
//! so, with the data table intact).

mod axis;
mod backend;
mod bands;
mod bars;
mod grouped;
mod heatmap;
mod marks;
mod palette;
mod series;
mod sparkline;
mod svg;
mod table;
mod timeline;

use serde::Serialize;

pub use bands::ValueBand;
pub use bars::{Bar, BarsInput, Orientation, Reference, bars};
pub use grouped::{BarSeries, GapNote, GroupedBarsInput, Tone, grouped_bars};
pub use heatmap::{HeatClass, HeatMapInput, heat_map};
pub(crate) use palette::print_tones;
pub use palette::{Shade, literal_rules, stylesheet};
pub use series::{BandSpan, Highlight, Mark, Point, Step, Target, TimeSeriesInput, time_series};
pub use sparkline::{SparklineInput, sparkline};
pub use table::{DataTable, short_month};
pub use timeline::{TimelineInput, TimelineSpan, timeline};

/// One rendered chart, ready to be inlined into a page.
///
/// The page shows `title` as the figure caption (the SVG carries it only as
/// its accessible `<title>`), may show `desc`, and should offer `table` as
/// the text alternative (e.g. in a `<details>` element and in print).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chart {
    /// The element id prefix used inside the SVG (sanitised from the input).
    pub id: String,
    /// What the chart shows, e.g. "Service level vs target".
    pub title: String,
    /// One sentence describing the chart, with the latest value where useful.
    pub desc: String,
    /// A standalone `<svg class="chart">` element with a `viewBox` and no
    /// fixed size: the page's CSS sizes it (`width: 100%; height: auto`,
    /// or a fixed width such as 120px for sparklines).
    pub svg: String,
    /// The same chart drawn for a narrow container (a phone), where the
    /// wide drawing's text would shrink below 11 px; `None` for charts
    /// without text (sparklines).
    pub narrow: Option<String>,
    /// The plotted data as text.
    pub table: DataTable,
}

#[cfg(test)]
mod tests;

/// `value` kept within `lo..=hi` without `f64::clamp`'s panics: a range
/// made of extreme figures can be reversed or NaN (`9e307 - -9e307` is
/// infinite), and a chart must still be drawn, never abort the build.
pub(crate) fn bound(value: f64, lo: f64, hi: f64) -> f64 {
    // `max` and `min` ignore a NaN operand; a reversed range gives `hi`.
    value.max(lo).min(hi)
}
