//! Time series against a target: one value per month as a line with a marker
//! per reported month, a labelled target line, optional RAG background bands
//! and an optional provisional last month (the month in progress).
//!
//! A month without a value is a gap: the line breaks there and nothing is
//! drawn at zero; a reported month between two gaps keeps its marker.

use plotters::prelude::*;

use super::Chart;
use super::axis::{self, Layout, Size};
use super::backend::{Dash, Dashed};
use super::bands::{self, ValueBand};
use super::marks::{self, Swatch};
use super::palette;
use super::palette::Shade;
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{self, DataTable, ValueFormat, Word, finite, not_reported, say};
use crate::render::language::Language;

/// One month of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The category label, e.g. "Mar 26".
    pub label: String,
    /// The value; `None` is "not reported" and shown as a gap.
    pub value: Option<f64>,
    /// The value's status as the caller judged it (grey: not judged).
    pub shade: Shade,
    /// How the value's marker is drawn.
    pub mark: Mark,
    /// Said beside the value in the data table ("excused: carrier outage").
    pub note: Option<String>,
}

/// How a reported value's marker is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    /// Judged: a filled dot.
    #[default]
    Judged,
    /// Shown but counted nowhere by agreement: a hatched square.
    Excused,
    /// Shown but not judged (too few to judge, or before the terms apply):
    /// a hollow grey dot.
    NotJudged,
    /// Judged, but a side has not signed the month off: a hollow diamond.
    Provisional,
    /// Judged, but a side disputes the value: a filled triangle.
    Disputed,
}

/// A reference line that may step from month to month (a target amended
/// from some month on), with its legend name.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// E.g. "Target", "Minimum".
    pub name: String,
    /// The value at each point (`None`: no line there); one per point.
    pub values: Vec<Option<f64>>,
}

impl Step {
    /// The same value at each of `points` points.
    #[cfg(test)]
    pub fn constant(name: &str, value: f64, points: usize) -> Step {
        Step {
            name: name.to_string(),
            values: vec![Some(value); points],
        }
    }

    /// The one value of the line, when it never changes.
    fn single(&self) -> Option<f64> {
        let first = self.values.first().copied().flatten()?;
        self.values
            .iter()
            .all(|v| *v == Some(first))
            .then_some(first)
    }

    /// The latest value of the line.
    fn latest(&self) -> Option<f64> {
        self.values.iter().rev().find_map(|v| *v)
    }
}

/// A target line and the words that say which way is good.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub line: Step,
    /// E.g. "higher is better".
    pub direction: String,
}

/// The background bands from point `from` on (until the next span).
#[derive(Debug, Clone, PartialEq)]
pub struct BandSpan {
    pub from: usize,
    pub bands: Vec<ValueBand>,
}

/// Consecutive points picked out behind the plot, e.g. a review pack's
/// quarter within its 12 months.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The first and last point shaded (inclusive).
    pub from: usize,
    pub to: usize,
    /// Its name in the legend and the description, e.g. "2026-Q3".
    pub label: String,
}

/// A monthly series, e.g. a KPI's actuals against its target.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSeriesInput {
    /// Element id prefix, unique on the page, e.g. "kpi-accuracy".
    pub id: String,
    pub title: String,
    /// The value axis title with its unit, e.g. "Service level (%)".
    pub y_label: String,
    /// The unit written after values in the description, e.g. "%", "h".
    pub unit: String,
    /// Decimals shown for values.
    pub decimals: usize,
    /// Oldest first.
    pub points: Vec<Point>,
    /// The last point is the month in progress: drawn hollow and joined by a
    /// dashed line, and not the "latest" value of the description.
    pub last_in_progress: bool,
    /// The target line.
    pub target: Option<Target>,
    /// Other reference lines drawn with their own dash, e.g. a minimum.
    pub limits: Vec<Step>,
    /// Shaded behind the plot, e.g. the values of each status, from the
    /// first point on or changing where terms change.
    pub bands: Vec<BandSpan>,
    /// The value axis never goes below this (e.g. 0 for a percentage).
    pub y_floor: Option<f64>,
    /// The value axis never goes above this (e.g. 100 for a percentage).
    pub y_ceiling: Option<f64>,
    /// Shaded across the plot's full height, over the bands.
    pub highlight: Option<Highlight>,
}

/// Render a time series vs target.
pub fn time_series(input: &TimeSeriesInput, lang: &Language) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let fmt = ValueFormat {
        unit: &input.unit,
        decimals: input.decimals,
        lang,
    };
    let values: Vec<Option<f64>> = input.points.iter().map(|p| finite(p.value)).collect();
    let in_progress = input.last_in_progress && !input.points.is_empty();
    let target = input
        .target
        .as_ref()
        .filter(|t| t.line.values.iter().flatten().any(|v| v.is_finite()));
    let desc = describe(input, &values, in_progress, target, fmt);
    let drawing = |size: Size| {
        let frame = Frame::new(&id, &title, &desc, size, lang);
        svg::render(&frame, |root| {
            draw(root, input, &values, in_progress, target, fmt, size)
        })
    };
    Chart {
        svg: drawing(Size::WIDE),
        narrow: Some(drawing(Size::NARROW)),
        id,
        title,
        desc,
        table: table(input, &values, in_progress, target, fmt),
    }
}

fn draw(
    root: &Area,
    input: &TimeSeriesInput,
    values: &[Option<f64>],
    in_progress: bool,
    target: Option<&Target>,
    fmt: ValueFormat,
    size: Size,
) -> DrawResult {
    let word = |id: &str| fmt.lang.word(id);
    let mut legend = vec![(Swatch::LineDot(palette::DATA), word("chart-actual"))];
    if in_progress && values.last().is_some_and(Option::is_some) {
        legend.push((Swatch::Hollow(palette::DATA), word("chart-in-progress")));
    }
    if let Some(t) = target {
        let name = match t.line.single() {
            Some(v) => format!("{} {}", t.line.name, fmt.value(v)),
            None => t.line.name.clone(),
        };
        legend.push((Swatch::Reference, name));
    }
    for limit in &input.limits {
        let name = match limit.single() {
            Some(v) => format!("{} {}", limit.name, fmt.value(v)),
            None => limit.name.clone(),
        };
        legend.push((Swatch::Limit, name));
    }
    let marks = |m: Mark| {
        input
            .points
            .iter()
            .any(|p| p.value.is_some() && p.mark == m)
    };
    if marks(Mark::Excused) {
        legend.push((Swatch::Hatched(palette::DATA), word("chart-excused")));
    }
    if marks(Mark::NotJudged) {
        legend.push((
            Swatch::Hollow(Shade::Grey.colour()),
            word("chart-not-judged"),
        ));
    }
    if marks(Mark::Provisional) {
        legend.push((Swatch::Diamond(palette::DATA), word("chart-provisional")));
    }
    if marks(Mark::Disputed) {
        legend.push((Swatch::Triangle(palette::DATA), word("chart-disputed")));
    }
    let highlight = highlighted(input);
    if let Some(h) = &highlight {
        // The tint as it looks on white (the swatch is opaque).
        legend.push((Swatch::Fill(palette::GRID), svg::clean(&h.label)));
    }

    let y = value_axis(input, values, target, fmt.lang);
    let layout = Layout::new(size, &legend, &y, false);
    let labels: Vec<String> = input.points.iter().map(|p| p.label.clone()).collect();
    let x = axis::month_axis(&labels, layout.plot_width() / labels.len().max(1) as f64);

    layout.legend(root, &legend)?;
    let mut plot = layout.build(root, &x, &y)?;
    if target.is_some() {
        for (i, span) in input.bands.iter().enumerate() {
            // A span covers its points' columns: from halfway before its
            // first point to halfway before the next span's.
            let left = column_edge(span.from, x.range);
            let right = input
                .bands
                .get(i + 1)
                .map_or(x.range.1, |next| column_edge(next.from, x.range));
            for (from, to, shade) in bands::clipped(&span.bands, y.range.0, y.range.1) {
                let style = shade.colour().mix(palette::BAND_OPACITY).filled();
                plot.draw_series(std::iter::once(Rectangle::new(
                    [(left, from), (right, to)],
                    style,
                )))?;
            }
        }
    }
    if let Some(h) = &highlight {
        let left = column_edge(h.from, x.range);
        let right = column_edge(h.to + 1, x.range);
        let style = palette::DATA.mix(HIGHLIGHT_OPACITY).filled();
        plot.draw_series(std::iter::once(Rectangle::new(
            [(left, y.range.0), (right, y.range.1)],
            style,
        )))?;
    }
    layout.draw_mesh(root, &mut plot, &x, &y)?;

    if let Some(t) = target {
        marks::reference_line(root, &plot, &step_points(&t.line, x.range), Dash::Reference)?;
    }
    for limit in &input.limits {
        marks::reference_line(root, &plot, &step_points(limit, x.range), Dash::Limit)?;
    }

    let last = values.len().saturating_sub(1);
    let settled = if in_progress { &values[..last] } else { values };
    for run in table::runs(settled) {
        if run.len() >= 2 {
            let line = run.iter().map(|&(i, v)| (i as f64, v));
            plot.draw_series(LineSeries::new(line, palette::DATA.stroke_width(2)))?;
        }
    }
    if in_progress && let (Some(Some(prev)), Some(Some(now))) = (settled.last(), values.last()) {
        let dashed = vec![((last - 1) as f64, *prev), (last as f64, *now)];
        let line = PathElement::new(dashed, palette::DATA.stroke_width(2));
        plot.draw_series([Dashed::new(Dash::Provisional, line)])?;
    }
    let reported = |mark: Mark| {
        settled
            .iter()
            .enumerate()
            .filter(move |(i, _)| input.points[*i].mark == mark)
            .filter_map(|(i, v)| v.map(|v| (i as f64, v)))
    };
    plot.draw_series(reported(Mark::Judged).map(|p| Circle::new(p, 4, palette::DATA.filled())))?;
    for p in reported(Mark::Excused) {
        marks::hatched_marker(root, plot.backend_coord(&p))?;
    }
    plot.draw_series(
        reported(Mark::NotJudged).map(|p| Circle::new(p, 4, Shade::Grey.colour().stroke_width(2))),
    )?;
    for p in reported(Mark::Provisional) {
        marks::diamond_marker(root, plot.backend_coord(&p))?;
    }
    for p in reported(Mark::Disputed) {
        marks::triangle_marker(root, plot.backend_coord(&p))?;
    }
    if in_progress && let Some(Some(now)) = values.last() {
        let p = (last as f64, *now);
        plot.draw_series([
            Circle::new(p, 4, palette::BACKGROUND.filled()),
            Circle::new(p, 4, palette::DATA.stroke_width(2)),
        ])?;
    }
    if values.iter().all(Option::is_none) {
        marks::no_data(root, &layout, fmt.lang)?;
    }
    Ok(())
}

/// A tint of the data colour over the RAG bands: the quarter stands out and
/// its bands still read.
const HIGHLIGHT_OPACITY: f64 = 0.1;

/// The highlight when it names points of the series (a stretch past the
/// last point is cut to it; one wholly outside is not drawn).
fn highlighted(input: &TimeSeriesInput) -> Option<Highlight> {
    let h = input.highlight.as_ref()?;
    let last = input.points.len().checked_sub(1)?;
    (h.from <= h.to && h.from <= last).then(|| Highlight {
        from: h.from,
        to: h.to.min(last),
        label: h.label.clone(),
    })
}

/// The left edge of the column of point `index`: halfway to the point
/// before, and the plot's edge for the first.
fn column_edge(index: usize, range: (f64, f64)) -> f64 {
    if index == 0 {
        range.0
    } else {
        (index as f64 - 0.5).max(range.0).min(range.1)
    }
}

/// A step line's corners in chart coordinates: a constant line spans the
/// plot; a changing one runs across each point's column and steps between
/// columns.
fn step_points(line: &Step, range: (f64, f64)) -> Vec<(f64, f64)> {
    if let Some(v) = line.single() {
        return vec![(range.0, v), (range.1, v)];
    }
    let last = line.values.len().saturating_sub(1);
    let mut out = Vec::new();
    for (i, v) in line.values.iter().enumerate() {
        let Some(v) = v.filter(|v| v.is_finite()) else {
            continue;
        };
        let left = column_edge(i, range);
        let right = if i == last {
            range.1
        } else {
            column_edge(i + 1, range)
        };
        out.push((left, v));
        out.push((right, v));
    }
    out
}

/// A padded value range holding every value, the reference lines and the
/// bands' edges. The padding (not the data) stops at the floor and ceiling.
fn value_axis(
    input: &TimeSeriesInput,
    values: &[Option<f64>],
    target: Option<&Target>,
    lang: &Language,
) -> axis::Axis {
    let lines = target
        .map(|t| &t.line)
        .into_iter()
        .chain(&input.limits)
        .flat_map(|l| l.values.iter().flatten().copied());
    let edges = input
        .bands
        .iter()
        .filter(|_| target.is_some())
        .flat_map(|span| bands::edges(&span.bands).collect::<Vec<_>>());
    let all: Vec<f64> = values
        .iter()
        .flatten()
        .copied()
        .chain(lines)
        .chain(edges)
        .filter(|v| v.is_finite())
        .collect();
    let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (data_lo, data_hi) = axis::sane_range(lo, hi);
    let pad = (data_hi - data_lo) * 0.1;
    // Stay on the data's side of zero: a positive series needs no negative axis.
    let zero = if data_lo >= 0.0 {
        0.0
    } else {
        f64::NEG_INFINITY
    };
    let floor = input
        .y_floor
        .filter(|f| f.is_finite())
        .unwrap_or(zero)
        .min(data_lo);
    let ceiling = input
        .y_ceiling
        .filter(|c| c.is_finite())
        .unwrap_or(f64::INFINITY)
        .max(data_hi);
    let lo = (data_lo - pad).max(floor);
    let hi = (data_hi + pad).min(ceiling);
    let mut y = axis::value_axis(lo, hi, 5, false, &input.y_label, lang);
    // Rounding out to whole ticks must not cross the floor or ceiling either.
    y.range = (y.range.0.max(floor), y.range.1.min(ceiling));
    y.ticks
        .retain(|(v, _)| *v >= y.range.0 - 1e-9 && *v <= y.range.1 + 1e-9);
    y
}

fn describe(
    input: &TimeSeriesInput,
    values: &[Option<f64>],
    in_progress: bool,
    target: Option<&Target>,
    fmt: ValueFormat,
) -> String {
    let lang = fmt.lang;
    let name = svg::clean(&input.title);
    let Some(first) = input.points.first() else {
        return say(lang, "chart-series-no-months", [("name", name.into())]);
    };
    let last = &input.points[input.points.len() - 1];
    let mut text = say(
        lang,
        "chart-series-per-month",
        [
            ("name", name.into()),
            ("from", svg::clean(&first.label).into()),
            ("to", svg::clean(&last.label).into()),
        ],
    );
    if let Some(t) = target {
        let amended = match (t.line.single(), t.line.latest()) {
            (Some(v), _) => Some(("chart-series-target", v)),
            (None, Some(v)) => Some(("chart-series-target-amended", v)),
            (None, None) => None,
        };
        if let Some((id, v)) = amended {
            text.push_str(&say(
                lang,
                id,
                [
                    ("value", fmt.value(v).into()),
                    ("direction", svg::clean(&t.direction).into()),
                ],
            ));
        }
    }
    let settled = if in_progress {
        &values[..values.len() - 1]
    } else {
        values
    };
    let latest = settled
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i, v)));
    match latest {
        Some((i, v)) => {
            text.push_str(&say(
                lang,
                "chart-series-latest",
                [
                    ("value", fmt.value(v).into()),
                    ("month", svg::clean(&input.points[i].label).into()),
                ],
            ));
            if target.is_some() {
                match input.points[i].shade {
                    Shade::Green => text.push_str(&lang.word("chart-series-meeting")),
                    Shade::Amber | Shade::Orange | Shade::Red => {
                        text.push_str(&lang.word("chart-series-missing"))
                    }
                    Shade::Grey => {}
                }
            }
        }
        None => text.push_str(&lang.word("chart-series-nothing")),
    }
    let missing = settled.iter().filter(|v| v.is_none()).count();
    if missing > 0 && missing < settled.len() {
        text.push_str(&say(
            lang,
            "chart-series-months-not-reported",
            [("count", missing.into())],
        ));
    }
    if in_progress {
        let month = svg::clean(&last.label);
        match values.last().copied().flatten() {
            Some(v) => text.push_str(&say(
                lang,
                "chart-series-in-progress-at",
                [("month", month.into()), ("value", fmt.value(v).into())],
            )),
            None => text.push_str(&say(
                lang,
                "chart-series-in-progress",
                [("month", month.into())],
            )),
        }
    }
    if let Some(h) = highlighted(input) {
        text.push_str(&say(
            lang,
            "chart-series-shaded",
            [
                ("label", svg::clean(&h.label).into()),
                ("from", svg::clean(&input.points[h.from].label).into()),
                ("to", svg::clean(&input.points[h.to].label).into()),
            ],
        ));
    }
    text.push('.');
    text
}

fn table(
    input: &TimeSeriesInput,
    values: &[Option<f64>],
    in_progress: bool,
    target: Option<&Target>,
    fmt: ValueFormat,
) -> DataTable {
    let lang = fmt.lang;
    let mut headers = vec![lang.word("chart-month"), svg::clean(&input.y_label)];
    if let Some(t) = target {
        headers.push(svg::clean(&t.line.name));
    }
    for limit in &input.limits {
        headers.push(svg::clean(&limit.name));
    }
    let notes = input.points.iter().any(|p| p.note.is_some());
    if notes {
        headers.push(lang.word("chart-note"));
    }
    let last = values.len().saturating_sub(1);
    let rows = input
        .points
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (point, value))| {
            let mut cell = fmt.cell(*value);
            if in_progress && i == last {
                let cell_text = if value.is_some() {
                    cell
                } else {
                    not_reported(lang)
                };
                cell = say(
                    lang,
                    "chart-cell-in-progress",
                    [("value", Word::Text(cell_text))],
                );
            }
            let mut row = vec![svg::clean(&point.label), cell];
            let at = |line: &Step| {
                line.values
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or_else(String::new, |v| fmt.number(v))
            };
            if let Some(t) = target {
                row.push(at(&t.line));
            }
            for limit in &input.limits {
                row.push(at(limit));
            }
            if notes {
                row.push(point.note.as_deref().map(svg::clean).unwrap_or_default());
            }
            row
        })
        .collect();
    DataTable { headers, rows }
}
