//! The 5×5 risk heat map: likelihood up, impact across, the number of risks
//! in each cell, cells coloured by the rating class the caller gives each
//! (the analysis rates risks; the chart only draws), with a legend. A cell's
//! rating follows from its position, so colour is never the only carrier of
//! meaning.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Chart;
use super::axis::{self, Layout, Size, TEXT_PX};
use super::marks::Swatch;
use super::palette::Shade;
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{DataTable, Word, say};
use crate::render::language::Language;

const HEIGHT_EXTRA: u32 = 20;

/// Risk counts per cell, and the rating class of each cell as the analysis
/// rates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatMapInput {
    /// Element id prefix, unique on the page, e.g. "risk-map".
    pub id: String,
    pub title: String,
    /// `counts[likelihood - 1][impact - 1]`: risks with that likelihood and
    /// impact (each 1..=5).
    pub counts: [[u32; 5]; 5],
    /// `cells[likelihood - 1][impact - 1]`: the index of the cell's class.
    pub cells: [[usize; 5]; 5],
    /// The rating classes, lowest first (the legend's order).
    pub classes: Vec<HeatClass>,
}

/// A rating class of the heat map, e.g. high.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatClass {
    /// "high".
    pub name: String,
    /// "High 10–15".
    pub legend: String,
    pub shade: Shade,
}

impl HeatMapInput {
    fn class(&self, likelihood: usize, impact: usize) -> Option<&HeatClass> {
        self.classes.get(self.cells[likelihood][impact])
    }
}

/// Render the risk heat map.
pub fn heat_map(input: &HeatMapInput, lang: &Language) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let desc = describe(input, lang);
    let drawing = |size: Size| {
        let size = size.with_height(size.height + HEIGHT_EXTRA);
        let frame = Frame::new(&id, &title, &desc, size, lang);
        svg::render(&frame, |root| draw(root, input, size, lang))
    };
    Chart {
        svg: drawing(Size::WIDE),
        narrow: Some(drawing(Size::NARROW)),
        id,
        title,
        desc,
        table: table(input, lang),
    }
}

fn draw(root: &Area, input: &HeatMapInput, size: Size, lang: &Language) -> DrawResult {
    let legend: Vec<_> = input
        .classes
        .iter()
        .map(|c| (Swatch::Fill(c.shade.colour()), svg::clean(&c.legend)))
        .collect();
    let scale: Vec<String> = (1..=5).map(|v| v.to_string()).collect();
    let y = axis::category_axis(&scale, TEXT_PX, false, &lang.word("chart-likelihood"));
    let layout = Layout::new(size, &legend, &y, true);
    let x = axis::category_axis(&scale, TEXT_PX, false, &lang.word("chart-impact"));

    layout.legend(root, &legend)?;
    let mut plot = layout.build(root, &x, &y)?;
    layout.draw_mesh(root, &mut plot, &x, &y)?;
    for (l, row) in input.counts.iter().enumerate() {
        for (i, count) in row.iter().enumerate() {
            let shade = input.class(l, i).map_or(Shade::Grey, |c| c.shade);
            let a = plot.backend_coord(&(i as f64 - 0.5, l as f64 + 0.5));
            let b = plot.backend_coord(&(i as f64 + 0.5, l as f64 - 0.5));
            // One pixel of white between cells.
            root.draw(&Rectangle::new(
                [(a.0 + 1, a.1 + 1), (b.0 - 1, b.1 - 1)],
                shade.colour().filled(),
            ))?;
            if *count > 0 {
                let centre = plot.backend_coord(&(i as f64, l as f64));
                let style = axis::bold(TEXT_PX + 4.0, shade.on_fill())
                    .pos(Pos::new(HPos::Center, VPos::Center));
                root.draw(&Text::new(count.to_string(), centre, style))?;
            }
        }
    }
    Ok(())
}

fn describe(input: &HeatMapInput, lang: &Language) -> String {
    let total: u64 = input.counts.iter().flatten().map(|c| u64::from(*c)).sum();
    if total == 0 {
        return lang.word("chart-heat-no-risks");
    }
    let mut by_class = vec![0u64; input.classes.len()];
    for (l, row) in input.counts.iter().enumerate() {
        for (i, count) in row.iter().enumerate() {
            if let Some(n) = by_class.get_mut(input.cells[l][i]) {
                *n += u64::from(*count);
            }
        }
    }
    let parts: Vec<String> = input
        .classes
        .iter()
        .rev()
        .zip(by_class.iter().rev())
        .map(|(c, n)| {
            say(
                lang,
                "chart-heat-class-count",
                [
                    ("count", Word::Count(*n)),
                    ("class", svg::clean(&c.name).into()),
                ],
            )
        })
        .collect();
    say(
        lang,
        "chart-heat-desc",
        [
            ("count", Word::Count(total)),
            ("classes", lang.and_list(&parts).into()),
        ],
    )
}

/// Rows by likelihood, 5 first, as on the map.
fn table(input: &HeatMapInput, lang: &Language) -> DataTable {
    let mut headers = vec![lang.word("chart-likelihood")];
    headers.extend((1..=5).map(|i| say(lang, "chart-impact-n", [("n", i.to_string().into())])));
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
