//! Axes and plot layout shared by the charts with axes: "nice" value ranges
//! and ticks, category axes that thin their labels to fit, the text size
//! estimate, and building the plotters chart context and mesh in the house
//! style.
//!
//! Every axis is an [`Axis`]: a plain `f64` range with its labelled ticks,
//! which is itself the plotters coordinate (it implements `Ranged` and
//! `ValueFormatter`), so ticks and labels are exactly the ones computed here
//! and the same code serves category and value axes in either orientation.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::backend::SvgCanvas;
use super::marks::{self, Swatch};
use super::palette;
use super::svg::{Area, DrawResult, clean};
use crate::render::language::Language;

/// The viewBox a chart is drawn in. Charts scale to their container, so a
/// chart is drawn twice: [`Size::WIDE`] for containers of at least
/// [`NARROW_BELOW`] CSS px and [`Size::NARROW`] below, and the page shows the
/// one that fits (a container query). With the text sizes below, chart text
/// never renders under 11 px: 13 × 510 / 600 on the wide drawing, and
/// 13 × 290 / 340 on the narrow one in a 375 px phone's 290+ px column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    pub const WIDE: Size = Size {
        width: 600,
        height: 300,
    };
    pub const NARROW: Size = Size {
        width: 340,
        height: 230,
    };

    /// The same width, `height` tall.
    pub fn with_height(self, height: u32) -> Size {
        Size { height, ..self }
    }

    /// Suffix of element ids in this drawing, so both drawings of a chart
    /// can sit in one page.
    pub fn id_suffix(self) -> &'static str {
        if self.width == Size::NARROW.width {
            "-n"
        } else {
            ""
        }
    }
}

/// Container width (CSS px) below which the narrow drawing is shown; the
/// theme's container query uses the same figure.
pub const NARROW_BELOW: u32 = 510;
/// Size of tick labels, legends and axis titles, in viewBox pixels.
pub(crate) const TEXT_PX: f64 = 15.0;
/// The smallest text a chart uses.
pub(crate) const MIN_PX: f64 = 13.0;
/// Size of annotations inside the plot (value labels, gaps, "n/r").
pub(crate) const SMALL_PX: f64 = 14.0;
/// Space left of the y-axis title.
const MARGIN_LEFT: u32 = 6;
/// Space right of the plot, for the last x label to overhang.
const MARGIN_RIGHT: u32 = 20;
const MARGIN_BOTTOM: u32 = 4;
/// Tick mark length; plotters puts labels at twice this from the axis.
const TICK: i32 = 4;

pub(crate) type Plot<'a, 'b> = ChartContext<'a, SvgCanvas<'b>, Cartesian2d<Axis, Axis>>;

/// A text style of `px` viewBox pixels (our backend writes the size as given).
pub(crate) fn font(px: f64, colour: RGBColor) -> TextStyle<'static> {
    ("sans-serif", px).into_font().color(&colour)
}

/// The same, bold.
pub(crate) fn bold(px: f64, colour: RGBColor) -> TextStyle<'static> {
    ("sans-serif", px, FontStyle::Bold)
        .into_font()
        .color(&colour)
}

/// Average glyph width of sans-serif text, in ems, on the generous side:
/// the browser picks the actual font.
const CHAR_EM: f64 = 0.56;

/// Estimated width of `text` at `px`.
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * CHAR_EM
}

/// `text` shortened with an ellipsis to fit `max_px` at `px`.
pub(crate) fn fit(text: &str, px: f64, max_px: f64) -> String {
    let text = clean(text);
    if text_width(&text, px) <= max_px {
        return text;
    }
    let keep = ((max_px / (px * CHAR_EM)).floor() as usize)
        .saturating_sub(1)
        .max(1);
    let mut short: String = text.chars().take(keep).collect();
    short = short.trim_end().to_string();
    short.push('…');
    short
}

/// One axis: its range, its labelled ticks, its title, whether grid lines
/// are drawn at the ticks.
#[derive(Debug, Clone)]
pub(crate) struct Axis {
    pub range: (f64, f64),
    pub ticks: Vec<(f64, String)>,
    pub desc: Option<String>,
    pub grid: bool,
    /// Size of the tick labels (smaller than [`TEXT_PX`] only for crowded
    /// category labels, never below [`MIN_PX`]).
    pub label_px: f64,
    /// How the labels are set when one line each does not fit.
    pub labels: Labels,
}

/// How a category axis's labels are set: no label is ever cut short.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Labels {
    /// One line each, drawn by plotters.
    Line,
    /// Several lines each (words wrapped), drawn by [`Layout::draw_mesh`].
    Wrapped(Vec<Vec<String>>),
    /// Turned a quarter (an x axis whose words are wider than a category),
    /// drawn by [`Layout::draw_mesh`].
    Turned(Vec<String>),
}

/// Most lines a wrapped label takes.
const MAX_LINES: usize = 3;
/// Line height of wrapped labels, as a multiple of the font size.
const LINE: f64 = 1.15;

/// `text` in lines of at most `max_px` at `px`, breaking between words;
/// `None` if a word is wider than `max_px` or more than `max_lines` lines
/// are needed.
fn wrap(text: &str, px: f64, max_px: f64, max_lines: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = vec![];
    for word in text.split_whitespace() {
        if text_width(word, px) > max_px {
            return None;
        }
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), px) <= max_px => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    (lines.len() <= max_lines).then_some(lines)
}

impl Labels {
    /// Most lines of any label.
    pub fn lines(&self) -> usize {
        match self {
            Labels::Wrapped(lines) => lines.iter().map(Vec::len).max().unwrap_or(1),
            _ => 1,
        }
    }
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let (lo, hi) = self.range;
        let share = if hi > lo {
            (value - lo) / (hi - lo)
        } else {
            0.5
        };
        let share = if share.is_finite() {
            share.clamp(-10.0, 10.0)
        } else {
            0.0
        };
        limit.0 + (f64::from(limit.1 - limit.0) * share).round() as i32
    }

    /// The ticks are the only key points: no light grid lines.
    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            vec![]
        } else {
            self.ticks.iter().map(|(v, _)| *v).collect()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.0..self.range.1
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(value: &f64) -> String {
        value.to_string()
    }

    /// A tick's own label; nothing at any other value.
    fn format_ext(&self, value: &f64) -> String {
        self.ticks
            .iter()
            .find(|(v, _)| (v - value).abs() < 1e-9)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    }
}

impl Axis {
    /// Widest tick label (or line of one), in pixels.
    fn label_width(&self) -> f64 {
        let widest = |labels: &mut dyn Iterator<Item = &String>| {
            labels
                .map(|l| text_width(l, self.label_px))
                .fold(0.0, f64::max)
        };
        match &self.labels {
            Labels::Wrapped(lines) => widest(&mut lines.iter().flatten()),
            _ => widest(&mut self.ticks.iter().map(|(_, l)| l)),
        }
    }

    /// How far the x labels reach below the axis beyond one line.
    pub fn extra_depth(&self) -> f64 {
        match &self.labels {
            Labels::Line => 0.0,
            Labels::Wrapped(_) => (self.labels.lines() - 1) as f64 * self.label_px * LINE,
            Labels::Turned(_) => (self.label_width() - TEXT_PX).max(0.0),
        }
    }
}

/// A value axis over `lo..=hi` with about `count` nice ticks, widened to the
/// ticks. `integer` keeps ticks on whole numbers (counts).
pub(crate) fn value_axis(
    lo: f64,
    hi: f64,
    count: usize,
    integer: bool,
    desc: &str,
    lang: &Language,
) -> Axis {
    let (lo, hi) = sane_range(lo, hi);
    let mut step = nice_step((hi - lo) / count.max(1) as f64);
    if integer {
        step = step.max(1.0).round();
    }
    let first = (lo / step).floor();
    let last = (hi / step).ceil().max(first + 1.0);
    let decimals = decimals_of(step);
    let ticks: Vec<(f64, String)> = (0..=((last - first) as usize).min(40))
        .map(|k| {
            let v = round_to((first + k as f64) * step, decimals + 2);
            (v, lang.number(v, decimals))
        })
        .collect();
    let range = (ticks[0].0, ticks[ticks.len() - 1].0);
    Axis {
        range,
        ticks,
        desc: non_empty(desc),
        grid: true,
        label_px: TEXT_PX,
        labels: Labels::Line,
    }
}

/// A value axis for bars: from zero (or the lowest negative value) to
/// `max` when given and no value exceeds it, else to the largest value
/// with some headroom for value labels.
pub(crate) fn bar_axis(
    values: impl Iterator<Item = f64>,
    max: Option<f64>,
    integer: bool,
    desc: &str,
    lang: &Language,
) -> Axis {
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    match max.filter(|m| m.is_finite() && *m > lo) {
        Some(max) if hi <= max => {
            let mut axis = value_axis(lo, max, 5, integer, desc, lang);
            axis.range.1 = max;
            axis.ticks.retain(|(v, _)| *v <= max);
            axis
        }
        _ => value_axis(
            lo,
            if hi > 0.0 { hi * 1.08 } else { hi },
            5,
            integer,
            desc,
            lang,
        ),
    }
}

/// A month axis along x: month `i` sits at `i`. Labels are thinned to
/// every k-th so that each fits the `slot_px` a month has; the latest month
/// is always labelled.
pub(crate) fn month_axis(labels: &[String], slot_px: f64) -> Axis {
    let n = labels.len().max(1);
    let widest = labels
        .iter()
        .map(|l| text_width(&clean(l), TEXT_PX))
        .fold(0.0, f64::max);
    let step = label_step(slot_px, widest + 10.0);
    let ticks = labels
        .iter()
        .enumerate()
        .filter(|(i, _)| (labels.len() - 1 - i).is_multiple_of(step))
        .map(|(i, label)| (i as f64, clean(label)))
        .collect();
    Axis {
        range: (-0.5, n as f64 - 0.5),
        ticks,
        desc: None,
        grid: false,
        label_px: TEXT_PX,
        labels: Labels::Line,
    }
}

/// A category axis: category `i` sits at `i` (or at `n - 1 - i` when
/// `reversed`, so the first category is on top of a vertical axis). Every
/// category is labelled in full within `max_label_px`: in a smaller font if
/// that makes every label fit on one line, else on up to three lines, else
/// (along x) turned a quarter.
pub(crate) fn category_axis(
    labels: &[String],
    max_label_px: f64,
    reversed: bool,
    desc: &str,
) -> Axis {
    let n = labels.len().max(1);
    let widest = |px: f64| {
        labels
            .iter()
            .map(|l| text_width(&clean(l), px))
            .fold(0.0, f64::max)
    };
    let one_line = [TEXT_PX, TEXT_PX - 1.0, MIN_PX]
        .into_iter()
        .find(|px| widest(*px) <= max_label_px);
    let cleaned: Vec<String> = labels.iter().map(|l| clean(l)).collect();
    let wrapped = || {
        [TEXT_PX, MIN_PX].into_iter().find_map(|px| {
            let lines: Option<Vec<Vec<String>>> = cleaned
                .iter()
                .map(|l| wrap(l, px, max_label_px, MAX_LINES))
                .collect();
            lines.map(|lines| (px, Labels::Wrapped(lines)))
        })
    };
    let (label_px, set) = match one_line {
        Some(px) => (px, Labels::Line),
        None => wrapped().unwrap_or_else(|| {
            if reversed {
                // Down a y axis there is no room to turn: as many lines as it
                // takes, and a single word wider than the labels' column
                // shortened, the only cut left.
                let lines = cleaned
                    .iter()
                    .map(|l| {
                        let words: Vec<String> = l
                            .split_whitespace()
                            .map(|w| fit(w, MIN_PX, max_label_px))
                            .collect();
                        wrap(&words.join(" "), MIN_PX, max_label_px, usize::MAX).unwrap_or_default()
                    })
                    .collect();
                (MIN_PX, Labels::Wrapped(lines))
            } else {
                (MIN_PX, Labels::Turned(cleaned.clone()))
            }
        }),
    };
    let ticks = cleaned
        .iter()
        .enumerate()
        .map(|(i, label)| (category_position(i, n, reversed), label.clone()))
        .collect();
    Axis {
        range: (-0.5, n as f64 - 0.5),
        ticks,
        desc: non_empty(desc),
        grid: false,
        label_px,
        labels: set,
    }
}

/// Where category `i` of `n` sits on a category axis.
pub(crate) fn category_position(i: usize, n: usize, reversed: bool) -> f64 {
    if reversed {
        (n - 1 - i) as f64
    } else {
        i as f64
    }
}

/// Label every k-th category, k in 1, 2, 3, 4, 6, 12, ... so labels fit.
fn label_step(slot_px: f64, needed_px: f64) -> usize {
    if slot_px.is_nan() || slot_px <= 0.0 {
        return 1;
    }
    let k = (needed_px / slot_px).ceil().max(1.0) as usize;
    [1, 2, 3, 4, 6, 12]
        .into_iter()
        .find(|&s| s >= k)
        .unwrap_or(k.next_multiple_of(12))
}

fn non_empty(text: &str) -> Option<String> {
    let text = clean(text);
    (!text.is_empty()).then_some(text)
}

/// A finite range with `hi > lo`.
pub(crate) fn sane_range(lo: f64, hi: f64) -> (f64, f64) {
    match (lo.is_finite(), hi.is_finite()) {
        (true, true) if hi > lo => (lo, hi),
        (true, true) if hi == lo => {
            let pad = (lo.abs() * 0.1).max(1.0);
            (lo - pad, hi + pad)
        }
        (true, true) => (hi, lo),
        _ => (0.0, 1.0),
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|&f| f >= fraction - 1e-9)
        .unwrap_or(10.0);
    nice * magnitude
}

/// Decimals needed to write multiples of `step` exactly (at most 4).
fn decimals_of(step: f64) -> usize {
    (0..4)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4)
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

/// Pixel geometry of a chart with axes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub width: u32,
    pub height: u32,
    /// Space above the plot (the legend lives there).
    pub top: u32,
    left_area: u32,
    bottom_area: u32,
    /// How far x labels of several lines (or turned) reach beyond one line.
    x_extra: u32,
    /// Where the legend starts and how wide it may be.
    legend_left: i32,
    legend_width: f64,
}

impl Layout {
    /// Leave room for the legend above the plot, `y`'s labels and title on
    /// the left, and one line of x labels below (plus one more line if
    /// `extra_line`, for the x title or notes under the labels).
    pub fn new(
        Size { width, height }: Size,
        legend: &[(Swatch, String)],
        y: &Axis,
        extra_line: bool,
    ) -> Layout {
        let left_area = (y.label_width() + f64::from(TICK * 2) + 4.0).ceil() as u32;
        let x_title = if extra_line { TEXT_PX + 8.0 } else { 0.0 };
        let bottom_area = (f64::from(TICK * 2) + TEXT_PX + 4.0 + x_title).ceil() as u32;
        let mut layout = Layout {
            width,
            height,
            top: 0,
            left_area,
            bottom_area,
            x_extra: 0,
            legend_left: 0,
            legend_width: 0.0,
        };
        // Aligned with the plot, unless using the whole width saves a row
        // or an entry is wider than the plot (long y labels leave it narrow).
        let full = f64::from(layout.plot_right() - MARGIN_LEFT as i32);
        let aligned = marks::legend_height(legend, layout.plot_width());
        let widened = marks::legend_height(legend, full);
        let fits = marks::legend_fits(legend, layout.plot_width());
        (layout.legend_left, layout.legend_width, layout.top) = if widened < aligned || !fits {
            (MARGIN_LEFT as i32, full, widened)
        } else {
            (layout.plot_left(), layout.plot_width(), aligned)
        };
        // The y title reads across, above the plot, where it has the whole
        // width: turned along a short axis it would be cut.
        if y.desc.is_some() {
            layout.top += (TEXT_PX + 8.0) as u32;
        }
        layout
    }

    /// The height around the plot: legend, y title, x labels and title.
    pub fn chrome(&self) -> u32 {
        self.top + self.bottom_area + MARGIN_BOTTOM
    }

    /// Make room under the plot for `x`'s labels when they take more than
    /// one line or are turned (the plot gets shorter, never narrower).
    pub fn fit_x(&mut self, x: &Axis) {
        self.x_extra = x.extra_depth().ceil() as u32;
        self.bottom_area += self.x_extra;
    }

    /// Draw the legend above the plot.
    pub fn legend(&self, root: &Area, legend: &[(Swatch, String)]) -> DrawResult {
        marks::legend(root, legend, self.legend_left, self.legend_width)
    }

    /// The y pixel of the line below the x labels.
    pub fn below_labels(&self) -> i32 {
        self.top as i32
            + self.plot_height() as i32
            + TICK * 2
            + TEXT_PX as i32
            + 6
            + self.x_extra as i32
    }

    /// Left edge of the plot.
    pub fn plot_left(&self) -> i32 {
        (MARGIN_LEFT + self.left_area) as i32
    }

    pub fn plot_right(&self) -> i32 {
        self.width.saturating_sub(MARGIN_RIGHT) as i32
    }

    pub fn plot_width(&self) -> f64 {
        f64::from((self.plot_right() - self.plot_left()).max(1))
    }

    pub fn plot_height(&self) -> f64 {
        f64::from(
            self.height
                .saturating_sub(self.top + self.bottom_area + MARGIN_BOTTOM)
                .max(1),
        )
    }

    /// Build the chart context over `x` and `y`; draw backgrounds on it,
    /// then call [`draw_mesh`].
    pub fn build<'a, 'b>(
        &self,
        root: &'a Area<'b>,
        x: &Axis,
        y: &Axis,
    ) -> Result<Plot<'a, 'b>, Box<dyn std::error::Error>> {
        let plot = ChartBuilder::on(root)
            .margin_top(self.top)
            .margin_right(MARGIN_RIGHT)
            .margin_bottom(MARGIN_BOTTOM)
            .margin_left(MARGIN_LEFT)
            .x_label_area_size(self.bottom_area)
            .y_label_area_size(self.left_area)
            .build_cartesian_2d(x.clone(), y.clone())?;
        Ok(plot)
    }

    /// Axes, tick labels, titles and grid lines.
    pub fn draw_mesh(&self, root: &Area, plot: &mut Plot, x: &Axis, y: &Axis) -> DrawResult {
        // Labels set here rather than by plotters are invisible to it.
        let labels = |a: &Axis| {
            if a.labels == Labels::Line {
                font(a.label_px, palette::MUTED)
            } else {
                ("sans-serif", a.label_px).into_font().color(&TRANSPARENT)
            }
        };
        let mut mesh = plot.configure_mesh();
        mesh.x_label_style(labels(x))
            .y_label_style(labels(y))
            .axis_desc_style(font(TEXT_PX, palette::INK))
            .axis_style(palette::AXIS)
            .bold_line_style(palette::GRID)
            .light_line_style(TRANSPARENT)
            .set_all_tick_mark_size(TICK);
        if !x.grid {
            mesh.disable_x_mesh();
        }
        if !y.grid {
            mesh.disable_y_mesh();
        }
        mesh.draw()?;
        let full = f64::from(self.width) - f64::from(MARGIN_LEFT + MARGIN_RIGHT);
        if let Some(desc) = &x.desc {
            // Centred under the plot, but moved in rather than cut where the
            // plot is narrow and off centre.
            let text = fit(desc, TEXT_PX, full);
            let half = text_width(&text, TEXT_PX) / 2.0;
            let centre = f64::from(self.plot_left()) + self.plot_width() / 2.0;
            let centre = centre
                .min(f64::from(self.width - MARGIN_RIGHT) - half)
                .max(f64::from(MARGIN_LEFT) + half);
            let bottom = (self.height - MARGIN_BOTTOM) as i32;
            let style = font(TEXT_PX, palette::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
            root.draw(&Text::new(text, (centre.round() as i32, bottom), style))?;
        }
        if let Some(desc) = &y.desc {
            let style = font(TEXT_PX, palette::INK).pos(Pos::new(HPos::Left, VPos::Bottom));
            let at = (MARGIN_LEFT as i32, self.top as i32 - 6);
            root.draw(&Text::new(fit(desc, TEXT_PX, full), at, style))?;
        }
        self.draw_own_labels(root, plot, x, true)?;
        self.draw_own_labels(root, plot, y, false)
    }

    /// The labels plotters cannot set: several lines, or turned.
    fn draw_own_labels(&self, root: &Area, plot: &Plot, axis: &Axis, along_x: bool) -> DrawResult {
        let px = axis.label_px;
        let (y_lo, x_lo) = (plot.y_range().start, plot.x_range().start);
        for (i, (at, label)) in axis.ticks.iter().enumerate() {
            let anchor = if along_x {
                let p = plot.backend_coord(&(*at, y_lo));
                (p.0, p.1 + TICK * 2)
            } else {
                let p = plot.backend_coord(&(x_lo, *at));
                (p.0 - TICK * 2, p.1)
            };
            match &axis.labels {
                Labels::Line => {}
                Labels::Wrapped(lines) => {
                    let lines = lines.get(i).map_or(&[][..], Vec::as_slice);
                    let step = px * LINE;
                    // Down a y axis the block is centred on its category.
                    let first = if along_x {
                        f64::from(anchor.1)
                    } else {
                        f64::from(anchor.1) - step * (lines.len() as f64 - 1.0) / 2.0
                    };
                    let pos = if along_x {
                        Pos::new(HPos::Center, VPos::Top)
                    } else {
                        Pos::new(HPos::Right, VPos::Center)
                    };
                    for (k, line) in lines.iter().enumerate() {
                        let y = (first + step * k as f64).round() as i32;
                        let style = font(px, palette::MUTED).pos(pos);
                        root.draw(&Text::new(line.clone(), (anchor.0, y), style))?;
                    }
                }
                Labels::Turned(_) => {
                    let style = font(px, palette::MUTED)
                        .transform(FontTransform::Rotate90)
                        .pos(Pos::new(HPos::Left, VPos::Center));
                    root.draw(&Text::new(label.clone(), anchor, style))?;
                }
            }
        }
        Ok(())
    }
}
