//! Grouped bars: two or more series side by side per category, from zero,
//! with a legend (e.g. feedback by kind from client and provider, survey
//! scores per dimension). With two series it can also write the gap (first
//! minus second) under each category, in bold where it reaches a threshold.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Chart;
use super::axis::{self, Axis, Layout, SMALL_PX, Size, text_width};
use super::marks::{self, Swatch};
use super::palette;
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{DataTable, ValueFormat, finite, lower, not_reported, say};
use crate::render::language::Language;

/// Share of a category slot a group of bars fills.
const GROUP: f64 = 0.8;

/// Whose series it is; picks its colour from the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Client,
    Provider,
}

/// One series of a grouped bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSeries {
    /// Shown in the legend, e.g. "Client".
    pub name: String,
    pub tone: Tone,
    /// One per category; `None` is "not reported".
    pub values: Vec<Option<f64>>,
}

/// Write the gap between the first two series under each category.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GapNote {
    /// Gaps whose size reaches this are written in bold and listed in the
    /// description (e.g. 1.0 for survey scores).
    pub flag_at: f64,
}

/// A grouped bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedBarsInput {
    /// Element id prefix, unique on the page, e.g. "feedback".
    pub id: String,
    pub title: String,
    /// The category column's header, e.g. "Kind", "Dimension".
    pub category_label: String,
    /// The value axis title with its unit, e.g. "Items", "Score (1–5)".
    pub value_label: String,
    pub unit: String,
    pub decimals: usize,
    pub categories: Vec<String>,
    pub series: Vec<BarSeries>,
    /// A fixed end of the value axis (e.g. 5 for survey scores).
    pub value_max: Option<f64>,
    /// Values are counts: ticks on whole numbers.
    pub integer: bool,
    /// Only used with at least two series.
    pub gap: Option<GapNote>,
    /// Per series and category, the lowest and highest value behind the
    /// bar (e.g. the spread of survey answers), drawn as a whisker; empty
    /// for none.
    pub ranges: Vec<Vec<Option<(f64, f64)>>>,
}

/// Render a grouped bar chart.
pub fn grouped_bars(input: &GroupedBarsInput, lang: &Language) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let fmt = ValueFormat {
        unit: &input.unit,
        decimals: input.decimals,
        lang,
    };
    let values = values(input);
    let gaps = gaps(input, &values);
    let desc = describe(input, &values, gaps.as_deref(), fmt);
    let drawing = |size: Size| {
        // Labels set on several lines or turned take their room below the
        // plot, not out of it.
        let (_, _, x) = axes(input, &values, gaps.is_some(), size, lang);
        let size = size.with_height(size.height + x.extra_depth().ceil() as u32);
        let frame = Frame::new(&id, &title, &desc, size, lang);
        svg::render(&frame, |root| {
            draw(root, input, &values, gaps.as_deref(), fmt, size)
        })
    };
    Chart {
        svg: drawing(Size::WIDE),
        narrow: Some(drawing(Size::NARROW)),
        id,
        title,
        desc,
        table: table(input, &values, gaps.as_deref(), fmt),
    }
}

/// values[series][category], finite or `None`, padded to the categories.
fn values(input: &GroupedBarsInput) -> Vec<Vec<Option<f64>>> {
    input
        .series
        .iter()
        .map(|s| {
            (0..input.categories.len())
                .map(|i| finite(s.values.get(i).copied().flatten()))
                .collect()
        })
        .collect()
}

/// First minus second series per category, when asked for.
fn gaps(input: &GroupedBarsInput, values: &[Vec<Option<f64>>]) -> Option<Vec<Option<f64>>> {
    input.gap?;
    let (first, second) = (values.first()?, values.get(1)?);
    Some(
        first
            .iter()
            .zip(second)
            .map(|(a, b)| Some((*a)? - (*b)?))
            .collect(),
    )
}

fn colours(input: &GroupedBarsInput) -> Vec<RGBColor> {
    input
        .series
        .iter()
        .map(|s| match s.tone {
            Tone::Client => palette::CLIENT,
            Tone::Provider => palette::PROVIDER,
        })
        .collect()
}

/// The legend, the value axis and the category axis at `size`.
fn axes(
    input: &GroupedBarsInput,
    values: &[Vec<Option<f64>>],
    gaps: bool,
    size: Size,
    lang: &Language,
) -> (Vec<(Swatch, String)>, Axis, Axis) {
    let legend: Vec<_> = input
        .series
        .iter()
        .zip(&colours(input))
        .map(|(s, c)| (Swatch::Fill(*c), svg::clean(&s.name)))
        .collect();
    let all = values.iter().flatten().flatten().copied();
    let y = axis::bar_axis(
        all,
        input.value_max,
        input.integer,
        &input.value_label,
        lang,
    );
    let layout = Layout::new(size, &legend, &y, gaps);
    let slot = layout.plot_width() / input.categories.len().max(1) as f64;
    let x = axis::category_axis(&input.categories, slot - 8.0, false, "");
    (legend, y, x)
}

fn draw(
    root: &Area,
    input: &GroupedBarsInput,
    values: &[Vec<Option<f64>>],
    gaps: Option<&[Option<f64>]>,
    fmt: ValueFormat,
    size: Size,
) -> DrawResult {
    let colours = colours(input);
    let (legend, y, x) = axes(input, values, gaps.is_some(), size, fmt.lang);
    let mut layout = Layout::new(size, &legend, &y, gaps.is_some());
    let slot = layout.plot_width() / input.categories.len().max(1) as f64;
    layout.fit_x(&x);

    layout.legend(root, &legend)?;
    let mut plot = layout.build(root, &x, &y)?;
    layout.draw_mesh(root, &mut plot, &x, &y)?;

    let k = values.len().max(1);
    let width = GROUP / k as f64;
    // A whisker stands where a bar's label would.
    let labels_fit = input.ranges.is_empty()
        && values
            .iter()
            .flatten()
            .flatten()
            .all(|v| text_width(&fmt.number(*v), SMALL_PX) + 6.0 <= slot * width);
    for (s, series) in values.iter().enumerate() {
        for (i, value) in series.iter().enumerate() {
            let left = i as f64 - GROUP / 2.0 + s as f64 * width;
            let centre = left + width / 2.0;
            match value {
                Some(v) => {
                    marks::bar(
                        root,
                        &plot,
                        (left, 0.0),
                        (left + width, *v),
                        colours[s],
                        false,
                    )?;
                    if labels_fit {
                        marks::value_label(root, &plot, (centre, *v), &fmt.number(*v), false)?;
                    }
                    if let Some((low, high)) = range(input, s, i) {
                        whisker(root, &plot, centre, (low, high), width)?;
                    }
                }
                None => {
                    let anchor = Pos::new(HPos::Center, VPos::Bottom);
                    marks::not_reported(root, &plot, (centre, 0.0), (0, -2), anchor, fmt.lang)?;
                }
            }
        }
    }
    if let (Some(gaps), Some(note)) = (gaps, input.gap) {
        let row = layout.below_labels();
        for (i, gap) in gaps.iter().enumerate() {
            let Some(gap) = gap else { continue };
            let (px, _) = plot.backend_coord(&(i as f64, y.range.0));
            let text = say(
                fmt.lang,
                "chart-gap-label",
                [("gap", signed(fmt.number(*gap)).into())],
            );
            let flagged = reaches(*gap, note.flag_at);
            let style = if flagged {
                axis::bold(SMALL_PX, palette::INK)
            } else {
                axis::font(SMALL_PX, palette::MUTED)
            };
            root.draw(&Text::new(
                text,
                (px, row),
                style.pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
    }
    if values.iter().flatten().all(Option::is_none) {
        marks::no_data(root, &layout, fmt.lang)?;
    }
    Ok(())
}

/// |gap| reaches the flag: the bars are means (thirds, sevenths) whose
/// binary difference may fall a hair short of a gap the analysis, in
/// decimals, flags; no two means of survey answers differ by less than
/// this without being equal.
fn reaches(gap: f64, flag_at: f64) -> bool {
    gap.abs() >= flag_at - 1e-9
}

/// The finite range of series `s` at category `i`, if given.
fn range(input: &GroupedBarsInput, s: usize, i: usize) -> Option<(f64, f64)> {
    let (low, high) = input.ranges.get(s)?.get(i).copied().flatten()?;
    Some((finite(Some(low))?, finite(Some(high))?))
}

/// A vertical line from `low` to `high` with a cap at each end.
fn whisker(
    root: &Area,
    plot: &axis::Plot,
    x: f64,
    (low, high): (f64, f64),
    width: f64,
) -> DrawResult {
    let style = ShapeStyle::from(&palette::INK).stroke_width(2);
    let (cx, top) = plot.backend_coord(&(x, high));
    let (_, bottom) = plot.backend_coord(&(x, low));
    let (l, _) = plot.backend_coord(&(x - width / 4.0, high));
    let half = (cx - l).max(3);
    root.draw(&PathElement::new(vec![(cx, top), (cx, bottom)], style))?;
    for y in [top, bottom] {
        root.draw(&PathElement::new(
            vec![(cx - half, y), (cx + half, y)],
            style,
        ))?;
    }
    Ok(())
}

/// "+1.5", "-0.5", "0".
fn signed(number: String) -> String {
    if number.starts_with('-') || number == "0" {
        number
    } else {
        format!("+{number}")
    }
}

fn describe(
    input: &GroupedBarsInput,
    values: &[Vec<Option<f64>>],
    gaps: Option<&[Option<f64>]>,
    fmt: ValueFormat,
) -> String {
    let lang = fmt.lang;
    let names: Vec<String> = input.series.iter().map(|s| svg::clean(&s.name)).collect();
    let mut text = say(
        lang,
        "chart-grouped-by",
        [
            ("value", svg::clean(&input.value_label).into()),
            ("category", lower(lang, &input.category_label).into()),
            ("series", lang.and_list(&names).into()),
        ],
    );
    if values.iter().flatten().all(Option::is_none) {
        text.push_str(&lang.word("chart-nothing-reported"));
        return text;
    }
    if input.categories.len() * values.len() <= 12 {
        let parts: Vec<String> = names
            .iter()
            .zip(values)
            .map(|(name, series)| {
                let items: Vec<String> = input
                    .categories
                    .iter()
                    .zip(series)
                    .map(|(c, v)| {
                        format!(
                            "{} {}",
                            lower(lang, c),
                            v.map_or_else(|| not_reported(lang), |v| fmt.value(v))
                        )
                    })
                    .collect();
                format!("{name} {}", items.join(", "))
            })
            .collect();
        text.push_str(&say(
            lang,
            "chart-items",
            [("items", parts.join("; ").into())],
        ));
    }
    if let (Some(gaps), Some(note)) = (gaps, input.gap) {
        let largest = gaps
            .iter()
            .enumerate()
            .filter_map(|(i, g)| g.map(|g| (i, g)))
            .fold(None, |best: Option<(usize, f64)>, (i, g)| match best {
                Some((_, b)) if b.abs() >= g.abs() => best,
                _ => Some((i, g)),
            });
        if let Some((i, g)) = largest {
            let id = if reaches(g, note.flag_at) {
                "chart-grouped-largest-gap-flagged"
            } else {
                "chart-grouped-largest-gap"
            };
            text.push_str(&say(
                lang,
                id,
                [
                    ("gap", signed(fmt.number(g)).into()),
                    ("category", svg::clean(&input.categories[i]).into()),
                ],
            ));
        }
    }
    text.push('.');
    if !input.ranges.is_empty() {
        text.push(' ');
        text.push_str(&lang.word("chart-grouped-whiskers"));
    }
    text
}

fn table(
    input: &GroupedBarsInput,
    values: &[Vec<Option<f64>>],
    gaps: Option<&[Option<f64>]>,
    fmt: ValueFormat,
) -> DataTable {
    let lang = fmt.lang;
    let mut headers = vec![svg::clean(&input.category_label)];
    headers.extend(input.series.iter().map(|s| svg::clean(&s.name)));
    let ranged: Vec<usize> = (0..input.series.len())
        .filter(|s| input.ranges.get(*s).is_some_and(|r| !r.is_empty()))
        .collect();
    headers.extend(ranged.iter().map(|s| {
        say(
            lang,
            "chart-grouped-spread-header",
            [("series", svg::clean(&input.series[*s].name).into())],
        )
    }));
    if gaps.is_some() {
        headers.push(say(
            lang,
            "chart-grouped-gap-header",
            [
                ("first", svg::clean(&input.series[0].name).into()),
                ("second", svg::clean(&input.series[1].name).into()),
            ],
        ));
    }
    let rows = input
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![svg::clean(c)];
            row.extend(values.iter().map(|s| fmt.cell(s[i])));
            row.extend(ranged.iter().map(|s| {
                range(input, *s, i).map_or_else(
                    || not_reported(lang),
                    |(low, high)| format!("{}–{}", fmt.number(low), fmt.number(high)),
                )
            }));
            if let Some(gaps) = gaps {
                row.push(gaps[i].map_or_else(|| not_reported(lang), |g| signed(fmt.number(g))));
            }
            row
        })
        .collect();
    DataTable { headers, rows }
}
