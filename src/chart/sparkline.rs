//! Sparklines: a tiny line (120×28) for a table row, without axes or text,
//! with gaps for missing values, the last reported point marked and
//! optional pale bands behind the line; the last point takes its own shade,
//! as the caller judged it.

use plotters::prelude::*;

use super::Chart;
use super::bands::{self, ValueBand};
use super::palette;
use super::palette::Shade;
use super::series::Point;
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{self, DataTable, ValueFormat, finite, say};
use crate::render::language::Language;

const WIDTH: u32 = 120;
const HEIGHT: u32 = 28;
/// Drawn at 4× for sub-pixel precision; sizes below are in drawn pixels.
const SCALE: u32 = 4;
/// Room around the line so the end marker is not clipped.
const PAD: u32 = 4 * SCALE;

/// A sparkline.
#[derive(Debug, Clone, PartialEq)]
pub struct SparklineInput {
    /// Element id prefix, unique on the page, e.g. "health-acme".
    pub id: String,
    pub title: String,
    /// The value column's header, e.g. "Health (0–100)".
    pub value_label: String,
    pub unit: String,
    pub decimals: usize,
    /// Oldest first; meant for up to 12.
    pub points: Vec<Point>,
    /// A fixed value range, e.g. (0, 100) for health; else the data's.
    pub range: Option<(f64, f64)>,
    /// Pale bands behind the line, e.g. the health scores of each band.
    pub bands: Vec<ValueBand>,
}

/// Render a sparkline.
pub fn sparkline(input: &SparklineInput, lang: &Language) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let fmt = ValueFormat {
        unit: &input.unit,
        decimals: input.decimals,
        lang,
    };
    let values: Vec<Option<f64>> = input.points.iter().map(|p| finite(p.value)).collect();
    let desc = describe(input, &values, fmt);
    let frame = Frame {
        id: id.clone(),
        title: &title,
        desc: &desc,
        width: WIDTH,
        height: HEIGHT,
        scale: SCALE,
        lang,
    };
    let svg = svg::render(&frame, |root| draw(root, input, &values));
    let table = DataTable {
        headers: vec![lang.word("chart-month"), svg::clean(&input.value_label)],
        rows: input
            .points
            .iter()
            .zip(&values)
            .map(|(p, v)| vec![svg::clean(&p.label), fmt.cell(*v)])
            .collect(),
    };
    Chart {
        id,
        title,
        desc,
        svg,
        narrow: None,
        table,
    }
}

/// The value range: the fixed one if it holds every value, else the data's
/// with a little padding.
fn range(input: &SparklineInput, values: &[Option<f64>]) -> (f64, f64) {
    let lo = values
        .iter()
        .flatten()
        .copied()
        .fold(f64::INFINITY, f64::min);
    let hi = values
        .iter()
        .flatten()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    if let Some((a, b)) = input
        .range
        .filter(|(a, b)| a.is_finite() && b.is_finite() && b > a)
        && !(lo < a || hi > b)
    {
        return (a, b);
    }
    let (lo, hi) = super::axis::sane_range(lo, hi);
    let pad = (hi - lo) * 0.1;
    (lo - pad, hi + pad)
}

fn draw(root: &Area, input: &SparklineInput, values: &[Option<f64>]) -> DrawResult {
    let (lo, hi) = range(input, values);
    let x_max = values.len().saturating_sub(1).max(1) as f64;
    let mut plot = ChartBuilder::on(root)
        .margin(PAD)
        .build_cartesian_2d(0.0..x_max, lo..hi)?;
    let (width, height) = ((WIDTH * SCALE) as i32, (HEIGHT * SCALE) as i32);
    for (from, to, shade) in bands::clipped(&input.bands, lo, hi) {
        // Bands fill the whole sparkline, padding included.
        let top = if to >= hi {
            0
        } else {
            plot.backend_coord(&(0.0, to)).1
        };
        let bottom = if from <= lo {
            height
        } else {
            plot.backend_coord(&(0.0, from)).1
        };
        let style = shade.colour().mix(palette::BAND_OPACITY).filled();
        root.draw(&Rectangle::new([(0, top), (width, bottom)], style))?;
    }
    for run in table::runs(values) {
        let line = run.iter().map(|&(i, v)| (i as f64, v));
        if run.len() >= 2 {
            plot.draw_series(LineSeries::new(line, palette::DATA.stroke_width(6)))?;
        } else {
            // A lone value between gaps is a dot, or it would vanish.
            plot.draw_series(line.map(|p| Circle::new(p, 5, palette::DATA.filled())))?;
        }
    }
    let last = values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i as f64, v)));
    if let Some((i, v)) = last {
        let colour = match shade_of(input, i) {
            Shade::Grey => palette::DATA,
            shade => shade.colour(),
        };
        plot.draw_series([
            Circle::new((i, v), 12, colour.filled()),
            Circle::new((i, v), 12, palette::INK.stroke_width(3)),
        ])?;
    }
    Ok(())
}

/// The shade of the point at `x` (an index).
fn shade_of(input: &SparklineInput, x: f64) -> Shade {
    input
        .points
        .get(x as usize)
        .map_or(Shade::Grey, |p| p.shade)
}

fn describe(input: &SparklineInput, values: &[Option<f64>], fmt: ValueFormat) -> String {
    let lang = fmt.lang;
    let name = svg::clean(&input.title);
    let reported: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    let Some(&(i, v)) = reported.last() else {
        return say(lang, "chart-spark-nothing", [("name", name.into())]);
    };
    let mut text = say(
        lang,
        "chart-spark-latest",
        [
            ("name", name.into()),
            ("value", fmt.value(v).into()),
            ("month", svg::clean(&input.points[i].label).into()),
        ],
    );
    match input.points[i].shade {
        Shade::Grey => {}
        shade => text.push_str(&say(
            lang,
            "chart-spark-shade",
            [(
                "shade",
                lang.word(&format!("chart-shade-{}", shade.name())).into(),
            )],
        )),
    }
    if let Some(&(j, first)) = reported.first().filter(|_| reported.len() > 1) {
        text.push_str(&say(
            lang,
            "chart-spark-from",
            [
                ("value", fmt.value(first).into()),
                ("month", svg::clean(&input.points[j].label).into()),
            ],
        ));
    }
    let missing = values.len() - reported.len();
    if missing > 0 {
        text.push_str(&say(
            lang,
            "chart-series-months-not-reported",
            [("count", missing.into())],
        ));
    }
    text.push('.');
    text
}
