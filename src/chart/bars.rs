//! Bars from zero, one per category, vertical or horizontal, with an
//! optional reference line (a capacity, a target, an expected count) that
//! may differ per category and flags the bars on its wrong side.
//!
//! Flagged bars get a different fill *and* hatching, and a legend entry, so
//! the flag does not rest on colour alone. A missing value is marked "n/r"
//! where its bar would be, so it cannot be read as zero.

use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Chart;
use super::axis::{self, Axis, Layout, SMALL_PX, Size, text_width};
use super::backend::Dash;
use super::marks::{self, Swatch};
use super::palette::{self, Shade};
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{DataTable, ValueFormat, finite, lower, not_reported, say};
use crate::render::language::Language;

/// Height per bar of a horizontal bar chart.
const ROW: u32 = 34;
/// Share of a category slot a bar fills.
const BAR: f64 = 0.7;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The category, e.g. "Mar 26" or a KPI's name.
    pub label: String,
    /// `None` is "not reported".
    pub value: Option<f64>,
    /// The reference value at this bar (ignored without
    /// [`BarsInput::reference`]); `None` leaves a gap in the line.
    pub reference: Option<f64>,
    /// Drawn in the reference's flag colour, hatched: the analysis flagged
    /// this bar (the chart never compares a value with the line itself).
    pub flagged: bool,
    /// The month of `as_of`: drawn hollow, as it is still in progress.
    pub in_progress: bool,
}

/// The reference line drawn over the bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// What the line is, e.g. "Contracted capacity", "Target".
    pub name: String,
    /// What a flagged bar is, e.g. "Over capacity", "Below target".
    pub flagged_name: String,
    /// The status a flagged bar shows (a breach red, a warning amber).
    pub flagged_shade: Shade,
}

/// Bar direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Categories along x (months).
    Vertical,
    /// Categories down y, first on top (long names, e.g. KPIs).
    Horizontal,
}

/// A bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarsInput {
    /// Element id prefix, unique on the page, e.g. "workload".
    pub id: String,
    pub title: String,
    /// The category column's header, e.g. "Month", "KPI".
    pub category_label: String,
    /// The value axis title with its unit, e.g. "Hours worked (h)".
    pub value_label: String,
    /// The unit written after values, e.g. "%", "h"; may be empty.
    pub unit: String,
    pub decimals: usize,
    pub bars: Vec<Bar>,
    pub reference: Option<Reference>,
    pub orientation: Orientation,
    /// A fixed end of the value axis (e.g. 100 for percentages).
    pub value_max: Option<f64>,
    /// Values are counts: ticks on whole numbers.
    pub integer: bool,
}

/// Render a bar chart.
pub fn bars(input: &BarsInput, lang: &Language) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let fmt = ValueFormat {
        unit: &input.unit,
        decimals: input.decimals,
        lang,
    };
    let data = Data::new(input);
    let desc = describe(input, &data, fmt);
    let drawing = |size: Size| {
        let size = match input.orientation {
            Orientation::Vertical => size,
            Orientation::Horizontal => {
                // Tall enough for every row's label lines under the legend,
                // however many lines the legend takes at this width.
                let labels: Vec<String> = input.bars.iter().map(|b| b.label.clone()).collect();
                let y = axis::category_axis(&labels, label_column(size), true, "");
                let row = ROW.max((y.label_px * 1.15 * y.labels.lines() as f64 + 8.0) as u32);
                let chrome = Layout::new(size, &legend(input, &data, fmt), &y, true).chrome();
                size.with_height((chrome + row * input.bars.len() as u32).clamp(150, 900))
            }
        };
        let frame = Frame::new(&id, &title, &desc, size, lang);
        svg::render(&frame, |root| draw(root, input, &data, fmt, size))
    };
    Chart {
        svg: drawing(Size::WIDE),
        narrow: Some(drawing(Size::NARROW)),
        id,
        title,
        desc,
        table: table(input, &data, fmt),
    }
}

/// Width of the category labels' column of a horizontal bar chart.
fn label_column(size: Size) -> f64 {
    f64::from(size.width) * 0.45
}

/// Values cleaned of non-finite numbers, and the flags.
struct Data {
    values: Vec<Option<f64>>,
    references: Vec<Option<f64>>,
    flagged: Vec<bool>,
}

impl Data {
    fn new(input: &BarsInput) -> Data {
        let values: Vec<_> = input.bars.iter().map(|b| finite(b.value)).collect();
        let references: Vec<_> = match &input.reference {
            Some(_) => input.bars.iter().map(|b| finite(b.reference)).collect(),
            None => vec![None; input.bars.len()],
        };
        let flagged = input
            .bars
            .iter()
            .zip(&values)
            .map(|(b, v)| b.flagged && v.is_some() && input.reference.is_some())
            .collect();
        Data {
            values,
            references,
            flagged,
        }
    }

    fn any_flagged(&self) -> bool {
        self.flagged.iter().any(|f| *f)
    }

    /// The reference value if it is the same wherever it is given.
    fn constant_reference(&self) -> Option<f64> {
        let mut present = self.references.iter().flatten();
        let first = *present.next()?;
        present.all(|r| *r == first).then_some(first)
    }
}

/// The legend: the bars, flagged bars, the month in progress, the line.
fn legend(input: &BarsInput, data: &Data, fmt: ValueFormat) -> Vec<(Swatch, String)> {
    let mut legend = vec![(Swatch::Fill(palette::DATA), svg::clean(&input.value_label))];
    if let (Some(r), true) = (&input.reference, data.any_flagged()) {
        legend.push((
            Swatch::Hatched(r.flagged_shade.colour()),
            svg::clean(&r.flagged_name),
        ));
    }
    if input
        .bars
        .iter()
        .any(|b| b.in_progress && b.value.is_some())
    {
        legend.push((
            Swatch::Hollow(palette::DATA),
            fmt.lang.word("chart-in-progress"),
        ));
    }
    if let Some(r) = input
        .reference
        .as_ref()
        .filter(|_| data.references.iter().any(Option::is_some))
    {
        let label = match data.constant_reference() {
            Some(v) => format!("{} {}", svg::clean(&r.name), fmt.value(v)),
            None => svg::clean(&r.name),
        };
        legend.push((Swatch::Reference, label));
    }
    legend
}

fn draw(root: &Area, input: &BarsInput, data: &Data, fmt: ValueFormat, size: Size) -> DrawResult {
    let horizontal = input.orientation == Orientation::Horizontal;
    let legend = legend(input, data, fmt);
    let value = value_axis(input, data, fmt.lang);
    let n = input.bars.len();
    let labels: Vec<String> = input.bars.iter().map(|b| b.label.clone()).collect();
    let (x, y, layout) = if horizontal {
        let y = axis::category_axis(&labels, label_column(size), true, "");
        let layout = Layout::new(size, &legend, &y, true);
        (value, y, layout)
    } else {
        let layout = Layout::new(size, &legend, &value, false);
        let x = axis::month_axis(&labels, layout.plot_width() / n.max(1) as f64);
        (x, value, layout)
    };
    // (category position, value) -> chart coordinates.
    let at = |c: f64, v: f64| if horizontal { (v, c) } else { (c, v) };
    let pos = |i: usize| axis::category_position(i, n, horizontal);

    layout.legend(root, &legend)?;
    let mut plot = layout.build(root, &x, &y)?;
    layout.draw_mesh(root, &mut plot, &x, &y)?;

    for (i, value) in data.values.iter().enumerate() {
        let c = pos(i);
        match *value {
            Some(v) => {
                let flagged = data.flagged[i];
                let colour = match &input.reference {
                    Some(r) if flagged => r.flagged_shade.colour(),
                    _ => palette::DATA,
                };
                let (a, b) = (at(c - BAR / 2.0, 0.0), at(c + BAR / 2.0, v));
                if input.bars[i].in_progress {
                    marks::hollow_bar(root, &plot, a, b, colour)?;
                } else {
                    marks::bar(root, &plot, a, b, colour, flagged)?;
                }
            }
            None => {
                let (anchor, nudge) = if horizontal {
                    (Pos::new(HPos::Left, VPos::Center), (4, 0))
                } else {
                    (Pos::new(HPos::Center, VPos::Bottom), (0, -2))
                };
                marks::not_reported(root, &plot, at(c, 0.0), nudge, anchor, fmt.lang)?;
            }
        }
    }
    for run in reference_runs(&data.references) {
        let points: Vec<(f64, f64)> = run
            .iter()
            .flat_map(|&(i, r)| {
                let (a, b) = if horizontal {
                    (pos(i) + 0.5, pos(i) - 0.5)
                } else {
                    (pos(i) - 0.5, pos(i) + 0.5)
                };
                [at(a, r), at(b, r)]
            })
            .collect();
        marks::reference_line(root, &plot, &points, Dash::Reference)?;
    }
    // Labels last, so their backing keeps them readable over the line.
    let slot_px = if horizontal {
        f64::from(ROW)
    } else {
        layout.plot_width() / n.max(1) as f64
    };
    let labels_fit = horizontal
        || data
            .values
            .iter()
            .flatten()
            .all(|v| text_width(&fmt.number(*v), SMALL_PX) + 6.0 <= slot_px);
    if labels_fit {
        for (i, v) in data.values.iter().enumerate() {
            if let Some(v) = *v {
                marks::value_label(root, &plot, at(pos(i), v), &fmt.number(v), horizontal)?;
            }
        }
    }
    if data.values.iter().all(Option::is_none) {
        marks::no_data(root, &layout, fmt.lang)?;
    }
    Ok(())
}

/// Runs of consecutive categories with a reference value.
fn reference_runs(references: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut runs: Vec<Vec<(usize, f64)>> = vec![];
    for (i, r) in references.iter().enumerate() {
        match (r, runs.last_mut()) {
            (Some(r), Some(run)) if run.last().is_some_and(|(j, _)| j + 1 == i) => {
                run.push((i, *r))
            }
            (Some(r), _) => runs.push(vec![(i, *r)]),
            (None, _) => {}
        }
    }
    runs
}

/// The value axis over values and references.
fn value_axis(input: &BarsInput, data: &Data, lang: &Language) -> Axis {
    let all = data
        .values
        .iter()
        .chain(&data.references)
        .flatten()
        .copied();
    axis::bar_axis(
        all,
        input.value_max,
        input.integer,
        &input.value_label,
        lang,
    )
}

fn describe(input: &BarsInput, data: &Data, fmt: ValueFormat) -> String {
    let lang = fmt.lang;
    let mut text = say(
        lang,
        "chart-bars-by",
        [
            ("value", svg::clean(&input.value_label).into()),
            ("category", lower(lang, &input.category_label).into()),
        ],
    );
    let labels: Vec<String> = input.bars.iter().map(|b| svg::clean(&b.label)).collect();
    let reported: Vec<(usize, f64)> = data
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    if reported.is_empty() {
        text.push_str(&lang.word("chart-nothing-reported"));
        return text;
    }
    if labels.len() <= 6 {
        let items: Vec<String> = labels
            .iter()
            .zip(&data.values)
            .map(|(l, v)| {
                format!(
                    "{l} {}",
                    v.map_or_else(|| not_reported(lang), |v| fmt.value(v))
                )
            })
            .collect();
        text.push_str(&say(
            lang,
            "chart-items",
            [("items", lang.and_list(&items).into())],
        ));
    } else {
        let (i, v) = reported[reported.len() - 1];
        text.push_str(&say(
            lang,
            "chart-bars-latest",
            [
                ("from", (&labels[0]).into()),
                ("to", (&labels[labels.len() - 1]).into()),
                ("value", fmt.value(v).into()),
                ("label", (&labels[i]).into()),
            ],
        ));
    }
    if let Some(r) = &input.reference {
        let name = lower(lang, &r.name);
        match data.constant_reference() {
            Some(v) => text.push_str(&say(
                lang,
                "chart-bars-reference",
                [("name", name.into()), ("value", fmt.value(v).into())],
            )),
            None if data.references.iter().any(Option::is_some) => {
                text.push_str(&say(
                    lang,
                    "chart-bars-reference-varies",
                    [("name", name.into())],
                ));
            }
            None => {}
        }
        {
            let flagged: Vec<String> = labels
                .iter()
                .zip(&data.flagged)
                .filter(|(_, f)| **f)
                .map(|(l, _)| l.clone())
                .collect();
            let name = lower(lang, &r.flagged_name);
            if flagged.is_empty() {
                text.push_str(&say(
                    lang,
                    "chart-bars-none-flagged",
                    [("name", name.into())],
                ));
            } else {
                text.push_str(&say(
                    lang,
                    "chart-bars-flagged",
                    [
                        ("count", flagged.len().into()),
                        ("name", name.into()),
                        ("labels", lang.and_list(&flagged).into()),
                    ],
                ));
            }
        }
    }
    text.push('.');
    text
}

fn table(input: &BarsInput, data: &Data, fmt: ValueFormat) -> DataTable {
    let mut headers = vec![
        svg::clean(&input.category_label),
        svg::clean(&input.value_label),
    ];
    if let Some(r) = &input.reference {
        headers.push(svg::clean(&r.name));
        headers.push(svg::clean(&r.flagged_name));
    }
    let rows = input
        .bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let mut row = vec![svg::clean(&bar.label), fmt.cell(data.values[i])];
            if input.reference.is_some() {
                row.push(fmt.cell(data.references[i]));
                let cell = match (data.values[i], data.references[i]) {
                    _ if data.flagged[i] => "chart-yes",
                    (Some(_), Some(_)) if bar.in_progress => "chart-cell-bar-in-progress",
                    (Some(_), Some(_)) => "chart-no",
                    _ => "",
                };
                row.push(if cell.is_empty() {
                    String::new()
                } else {
                    fmt.lang.word(cell)
                });
            }
            row
        })
        .collect();
    DataTable { headers, rows }
}
