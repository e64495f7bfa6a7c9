//! The 5×5 risk heat map: likelihood up, impact across, the number of risks
//! in each cell, cells coloured by rating (likelihood × impact: low 1–4,
//! medium 5–9, high 10–15, critical 16–25) with a legend. The rating colours
//! run light to dark, and a cell's rating follows from its position, so the
//! colour is never the only carrier of meaning.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Chart;
use super::axis::{self, Layout, TEXT_PX};
use super::marks::Swatch;
use super::palette;
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{DataTable, join_and, plural};

const HEIGHT: u32 = 320;

/// Risk counts per cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatMapInput {
    /// Element id prefix, unique on the page, e.g. "risk-map".
    pub id: String,
    pub title: String,
    /// `counts[likelihood - 1][impact - 1]`: risks with that likelihood and
    /// impact (each 1..=5).
    pub counts: [[u32; 5]; 5],
}

/// A risk rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rating {
    Low,
    Medium,
    High,
    Critical,
}

const RATINGS: [Rating; 4] = [Rating::Low, Rating::Medium, Rating::High, Rating::Critical];

impl Rating {
    fn of(likelihood: usize, impact: usize) -> Rating {
        match likelihood * impact {
            0..=4 => Rating::Low,
            5..=9 => Rating::Medium,
            10..=15 => Rating::High,
            _ => Rating::Critical,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Rating::Low => "low",
            Rating::Medium => "medium",
            Rating::High => "high",
            Rating::Critical => "critical",
        }
    }

    fn legend(self) -> &'static str {
        match self {
            Rating::Low => "Low 1–4",
            Rating::Medium => "Medium 5–9",
            Rating::High => "High 10–15",
            Rating::Critical => "Critical 16–25",
        }
    }

    fn fill(self) -> RGBColor {
        match self {
            Rating::Low => palette::RISK_LOW,
            Rating::Medium => palette::RISK_MEDIUM,
            Rating::High => palette::RISK_HIGH,
            Rating::Critical => palette::RISK_CRITICAL,
        }
    }

    fn ink(self) -> RGBColor {
        if self == Rating::Critical {
            palette::BACKGROUND
        } else {
            palette::INK
        }
    }
}

/// Render the risk heat map.
pub fn heat_map(input: &HeatMapInput) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let desc = describe(input);
    let frame = Frame {
        id: &id,
        title: &title,
        desc: &desc,
        width: axis::WIDTH,
        height: HEIGHT,
        scale: 1,
    };
    let svg = svg::render(&frame, |root| draw(root, input));
    Chart {
        id,
        title,
        desc,
        svg,
        table: table(input),
    }
}

fn draw(root: &Area, input: &HeatMapInput) -> DrawResult {
    let legend: Vec<_> = RATINGS
        .iter()
        .map(|r| (Swatch::Fill(r.fill()), r.legend().to_string()))
        .collect();
    let scale: Vec<String> = (1..=5).map(|v| v.to_string()).collect();
    let y = axis::category_axis(&scale, TEXT_PX, false, "Likelihood");
    let layout = Layout::new(axis::WIDTH, HEIGHT, &legend, &y, true);
    let x = axis::category_axis(&scale, TEXT_PX, false, "Impact");

    layout.legend(root, &legend)?;
    let mut plot = layout.build(root, &x, &y)?;
    layout.draw_mesh(&mut plot, &x, &y)?;
    for (l, row) in input.counts.iter().enumerate() {
        for (i, count) in row.iter().enumerate() {
            let rating = Rating::of(l + 1, i + 1);
            let a = plot.backend_coord(&(i as f64 - 0.5, l as f64 + 0.5));
            let b = plot.backend_coord(&(i as f64 + 0.5, l as f64 - 0.5));
            // One pixel of white between cells.
            root.draw(&Rectangle::new(
                [(a.0 + 1, a.1 + 1), (b.0 - 1, b.1 - 1)],
                rating.fill().filled(),
            ))?;
            if *count > 0 {
                let centre = plot.backend_coord(&(i as f64, l as f64));
                let style = axis::bold(TEXT_PX + 4.0, rating.ink())
                    .pos(Pos::new(HPos::Center, VPos::Center));
                root.draw(&Text::new(count.to_string(), centre, style))?;
            }
        }
    }
    Ok(())
}

fn describe(input: &HeatMapInput) -> String {
    let total: u64 = input.counts.iter().flatten().map(|c| u64::from(*c)).sum();
    if total == 0 {
        return "No risks to plot by likelihood and impact.".to_string();
    }
    let mut by_rating = [0u64; 4];
    for (l, row) in input.counts.iter().enumerate() {
        for (i, count) in row.iter().enumerate() {
            let r = Rating::of(l + 1, i + 1);
            by_rating[RATINGS.iter().position(|x| *x == r).unwrap_or(0)] += u64::from(*count);
        }
    }
    let parts: Vec<String> = RATINGS
        .iter()
        .rev()
        .zip(by_rating.iter().rev())
        .map(|(r, n)| format!("{n} {}", r.name()))
        .collect();
    format!(
        "{} by likelihood and impact: {}.",
        plural(total, "risk", "risks"),
        join_and(&parts)
    )
}

/// Rows by likelihood, 5 first, as on the map.
fn table(input: &HeatMapInput) -> DataTable {
    let mut headers = vec!["Likelihood".to_string()];
    headers.extend((1..=5).map(|i| format!("Impact {i}")));
    let rows = (0..5)
        .rev()
        .map(|l| {
            let mut row = vec![(l + 1).to_string()];
            row.extend(input.counts[l].iter().map(u32::to_string));
            row
        })
        .collect();
    DataTable { headers, rows }
}
