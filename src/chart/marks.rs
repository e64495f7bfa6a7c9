//! Marks drawn by more than one chart shape: the legend, dashed reference
//! lines, bars and their hatching when flagged, value labels on a white
//! backing, the "n/r" (not reported) mark and the "no data" notice.
//!
//! Everything here draws on the root area in pixel coordinates (chart
//! coordinates are converted with `Plot::backend_coord`), so the marks do
//! not depend on the axes' types.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{Layout, Plot, SMALL_PX, TEXT_PX, font, text_width};
use super::backend::{Dash, Dashed};
use super::palette::{self, Shade};
use super::svg::{Area, DrawResult, clean};
use crate::render::language::Language;

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled square (bars, cells).
    Fill(RGBColor),
    /// A filled square with hatching (flagged bars).
    Hatched(RGBColor),
    /// A line with a dot (a measured series).
    LineDot(RGBColor),
    /// A dashed reference line (a target).
    Reference,
    /// A reference line in the limit's dash (a minimum).
    Limit,
    /// A hollow circle (a provisional value).
    Hollow(RGBColor),
    /// A hollow diamond (a value not signed off by both sides).
    Diamond(RGBColor),
    /// A filled triangle (a disputed value).
    Triangle(RGBColor),
}

const SWATCH: i32 = 16;

/// Reference lines: targets, limits, capacities.
const REFERENCE_STYLE: ShapeStyle = ShapeStyle {
    color: RGBAColor(
        palette::REFERENCE.0,
        palette::REFERENCE.1,
        palette::REFERENCE.2,
        1.0,
    ),
    filled: false,
    stroke_width: 2,
};
const LEGEND_ROW: i32 = 22;
const LEGEND_GAP: i32 = 18;

/// Legend entries laid out in rows within `width`: (x, row) per entry.
fn legend_positions(items: &[(Swatch, String)], width: f64) -> Vec<(i32, i32)> {
    let mut positions = Vec::with_capacity(items.len());
    let (mut x, mut row) = (0, 0);
    for (_, label) in items {
        let w = SWATCH + 6 + text_width(label, TEXT_PX).ceil() as i32;
        if x > 0 && f64::from(x + w) > width {
            x = 0;
            row += 1;
        }
        positions.push((x, row));
        x += w + LEGEND_GAP;
    }
    positions
}

/// Whether every entry fits `width` (one too wide for its row would run
/// past the drawing's edge and be cut).
pub(crate) fn legend_fits(items: &[(Swatch, String)], width: f64) -> bool {
    items
        .iter()
        .all(|(_, label)| f64::from(SWATCH + 6) + text_width(label, TEXT_PX) <= width)
}

/// Height of the strip a legend needs above the plot (a margin when empty).
pub(crate) fn legend_height(items: &[(Swatch, String)], width: f64) -> u32 {
    let rows = legend_positions(items, width)
        .last()
        .map_or(0, |(_, row)| row + 1);
    (10 + rows * LEGEND_ROW + if rows > 0 { 6 } else { 0 }) as u32
}

/// Draw the legend in rows from (`left`, 10), within `width`.
pub(crate) fn legend(root: &Area, items: &[(Swatch, String)], left: i32, width: f64) -> DrawResult {
    for ((swatch, label), (x, row)) in items.iter().zip(legend_positions(items, width)) {
        let x = left + x;
        let mid = 10 + row * LEGEND_ROW + LEGEND_ROW / 2;
        let (x0, y0, x1, y1) = (x, mid - SWATCH / 2 + 2, x + SWATCH, mid + SWATCH / 2 - 2);
        match *swatch {
            Swatch::Fill(c) => {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], c.filled()))?;
            }
            Swatch::Hatched(c) => {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], c.filled()))?;
                hatch(root, (x0, y0), (x1, y1))?;
            }
            Swatch::LineDot(c) => {
                root.draw(&PathElement::new(
                    vec![(x0, mid), (x1, mid)],
                    c.stroke_width(2),
                ))?;
                root.draw(&Circle::new((x + SWATCH / 2, mid), 4, c.filled()))?;
            }
            Swatch::Reference | Swatch::Limit => {
                let dash = match *swatch {
                    Swatch::Limit => Dash::Limit,
                    _ => Dash::Reference,
                };
                root.draw(&Dashed::new(
                    dash,
                    PathElement::new(vec![(x0, mid), (x1, mid)], REFERENCE_STYLE),
                ))?;
            }
            Swatch::Hollow(c) => {
                root.draw(&Circle::new((x + SWATCH / 2, mid), 4, c.stroke_width(2)))?;
            }
            Swatch::Diamond(c) => diamond(root, (x + SWATCH / 2, mid), c)?,
            Swatch::Triangle(c) => triangle(root, (x + SWATCH / 2, mid), c)?,
        }
        let style = font(TEXT_PX, palette::INK).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(clean(label), (x1 + 6, mid), style))?;
    }
    Ok(())
}

/// Diagonal white hatching inside a pixel rectangle.
pub(crate) fn hatch(root: &Area, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> DrawResult {
    let (left, right) = (x0.min(x1), x0.max(x1));
    let (top, bottom) = (y0.min(y1), y0.max(y1));
    let style = palette::BACKGROUND.stroke_width(2);
    // Lines x - y = c, i.e. going up to the right, every 7 px.
    let mut c = left - bottom;
    while c < right - top {
        // Clip the line x = y + c to the rectangle.
        let ya = (left - c).max(top);
        let yb = (right - c).min(bottom);
        if yb > ya {
            root.draw(&PathElement::new(vec![(ya + c, ya), (yb + c, yb)], style))?;
        }
        c += 7;
    }
    Ok(())
}

/// A filled bar between two chart-coordinate corners, hatched if flagged.
pub(crate) fn bar(
    root: &Area,
    plot: &Plot,
    corner_a: (f64, f64),
    corner_b: (f64, f64),
    colour: RGBColor,
    hatched: bool,
) -> DrawResult {
    let a = plot.backend_coord(&corner_a);
    let b = plot.backend_coord(&corner_b);
    let (a, b) = ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
    root.draw(&Rectangle::new([a, b], colour.filled()))?;
    if hatched {
        hatch(root, a, b)?;
    }
    Ok(())
}

/// A bar drawn as an outline: a month still in progress.
pub(crate) fn hollow_bar(
    root: &Area,
    plot: &Plot,
    corner_a: (f64, f64),
    corner_b: (f64, f64),
    colour: RGBColor,
) -> DrawResult {
    let a = plot.backend_coord(&corner_a);
    let b = plot.backend_coord(&corner_b);
    let (a, b) = ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
    root.draw(&Rectangle::new([a, b], palette::BACKGROUND.filled()))?;
    root.draw(&Rectangle::new([a, b], colour.stroke_width(2)))?;
    Ok(())
}

/// A small "n/r" (not reported) at a chart coordinate, so a missing bar is
/// not mistaken for a zero.
pub(crate) fn not_reported(
    root: &Area,
    plot: &Plot,
    at: (f64, f64),
    nudge: (i32, i32),
    pos: Pos,
    lang: &Language,
) -> DrawResult {
    let p = plot.backend_coord(&at);
    let p = (p.0 + nudge.0, p.1 + nudge.1);
    let style = font(SMALL_PX, Shade::Grey.colour()).pos(pos);
    root.draw(&Text::new(lang.word("not-reported-short"), p, style))?;
    Ok(())
}

/// A line through chart coordinates in the reference style, dashed with
/// `dash`; its label is the legend entry.
pub(crate) fn reference_line(
    root: &Area,
    plot: &Plot,
    points: &[(f64, f64)],
    dash: Dash,
) -> DrawResult {
    let mut pixels: Vec<_> = points.iter().map(|p| plot.backend_coord(p)).collect();
    pixels.dedup();
    if pixels.len() >= 2 {
        root.draw(&Dashed::new(
            dash,
            PathElement::new(pixels, REFERENCE_STYLE),
        ))?;
    }
    Ok(())
}

/// The marker of a value shown but counted nowhere by agreement: a small
/// hatched square in the data colour, centred on `at` (pixels).
pub(crate) fn hatched_marker(root: &Area, at: (i32, i32)) -> DrawResult {
    let (a, b) = ((at.0 - 5, at.1 - 5), (at.0 + 5, at.1 + 5));
    root.draw(&Rectangle::new([a, b], palette::DATA.filled()))?;
    hatch(root, a, b)
}

/// The marker of a value not signed off by both sides: a hollow diamond in
/// the data colour, centred on `at` (pixels).
pub(crate) fn diamond_marker(root: &Area, at: (i32, i32)) -> DrawResult {
    diamond(root, at, palette::DATA)
}

fn diamond(root: &Area, (x, y): (i32, i32), c: RGBColor) -> DrawResult {
    let r = 6;
    let corners = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
    root.draw(&Polygon::new(corners.clone(), palette::BACKGROUND.filled()))?;
    root.draw(&PathElement::new(corners, c.stroke_width(2)))?;
    Ok(())
}

/// The marker of a disputed value: a filled triangle in the data colour,
/// pointing up, centred on `at` (pixels).
pub(crate) fn triangle_marker(root: &Area, at: (i32, i32)) -> DrawResult {
    triangle(root, at, palette::DATA)
}

fn triangle(root: &Area, (x, y): (i32, i32), c: RGBColor) -> DrawResult {
    let corners = vec![(x, y - 7), (x + 6, y + 4), (x - 6, y + 4)];
    root.draw(&Polygon::new(corners, c.filled()))?;
    Ok(())
}

/// Annotation text on a translucent white backing, so it reads over bands,
/// hatching and reference lines.
fn annotation(root: &Area, text: &str, at: (i32, i32), h: HPos, v: VPos) -> DrawResult {
    let text = clean(text);
    let w = text_width(&text, SMALL_PX).ceil() as i32;
    let h_px = (SMALL_PX * 1.25).ceil() as i32;
    let x0 = match h {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2,
        HPos::Right => at.0 - w,
    };
    let y0 = match v {
        VPos::Top => at.1,
        VPos::Center => at.1 - h_px / 2,
        VPos::Bottom => at.1 - h_px,
    };
    root.draw(&Rectangle::new(
        [(x0 - 3, y0), (x0 + w + 3, y0 + h_px)],
        palette::BACKGROUND.mix(0.9).filled(),
    ))?;
    let style = font(SMALL_PX, palette::INK).pos(Pos::new(h, v));
    root.draw(&Text::new(text, at, style))?;
    Ok(())
}

/// "No data reported" in the middle of the plot.
pub(crate) fn no_data(root: &Area, layout: &Layout, lang: &Language) -> DrawResult {
    let x = (layout.plot_left() + layout.plot_right()) / 2;
    let y = layout.top as i32 + (layout.plot_height() / 2.0) as i32;
    let style = font(TEXT_PX, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Center));
    root.draw(&Text::new(lang.word("chart-no-data"), (x, y), style))?;
    Ok(())
}

/// The value written at the end of a bar (`end`, chart coordinates), on a
/// white backing: outside the bar when the plot has room, else just inside.
pub(crate) fn value_label(
    root: &Area,
    plot: &Plot,
    end: (f64, f64),
    text: &str,
    horizontal: bool,
) -> DrawResult {
    let (px, py) = plot.backend_coord(&end);
    let area = plot.plotting_area().get_pixel_range();
    let h_px = (SMALL_PX * 1.25).ceil() as i32;
    let w_px = text_width(text, SMALL_PX).ceil() as i32;
    let (at, h, v) = if horizontal {
        if px + 6 + w_px <= area.0.end {
            ((px + 4, py), HPos::Left, VPos::Center)
        } else {
            ((px - 4, py), HPos::Right, VPos::Center)
        }
    } else if py - 3 - h_px >= area.1.start {
        ((px, py - 3), HPos::Center, VPos::Bottom)
    } else {
        ((px, py + 3), HPos::Center, VPos::Top)
    };
    annotation(root, text, at, h, v)
}
