//! A timeline: spans of days in lanes (escalations by level), each span
//! filled in the status its input carries, hatched while still open, with
//! an optional mark where its time box ends. Spans of one lane that overlap
//! in time share the lane in tracks, so none hides another.
//!
//! Dates go along x in days from the first day shown, labelled at month
//! starts; lanes go up y, the first at the bottom (a ladder is climbed).

use chrono::{Datelike, NaiveDate};

use super::Chart;
use super::axis::{self, Axis, Labels, Layout, Size, TEXT_PX, text_width};
use super::backend::Dash;
use super::marks::{self, Swatch};
use super::palette::{self, Shade};
use super::svg::{self, Area, DrawResult, Frame};
use super::table::{DataTable, short_month};
use crate::render::language::Language;

/// Height of a lane.
const LANE: u32 = 46;
/// Share of a lane its bars fill.
const BAR: f64 = 0.6;

/// One span of days in a lane.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineSpan {
    /// Index into [`TimelineInput::lanes`].
    pub lane: usize,
    pub from: NaiveDate,
    /// The last day, inclusive.
    pub to: NaiveDate,
    /// Still open on the last day shown: drawn hatched.
    pub open: bool,
    /// The last day of its time box, marked across the bar.
    pub box_end: Option<NaiveDate>,
    pub shade: Shade,
    /// Its row of the data table, under [`TimelineInput::headers`].
    pub cells: Vec<String>,
}

/// A timeline chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineInput {
    pub id: String,
    pub title: String,
    /// The lanes, bottom first, e.g. "1 Service delivery managers".
    pub lanes: Vec<String>,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub spans: Vec<TimelineSpan>,
    /// What each shade used means, in legend order.
    pub shades: Vec<(Shade, String)>,
    /// What an open span is ("Still open") and the box mark ("Time box ends").
    pub open_name: String,
    pub box_name: String,
    pub headers: Vec<String>,
    /// The description, written by the caller (it knows the words).
    pub desc: String,
}

pub fn timeline(input: &TimelineInput, lang: &Language) -> Chart {
    let id = svg::sanitize_id(&input.id);
    let title = svg::clean(&input.title);
    let desc = svg::clean(&input.desc);
    let drawing = |size: Size| {
        let lanes = input.lanes.len().max(1) as u32;
        let y = lane_axis(input, size);
        let chrome = Layout::new(size, &legend(input), &y, false).chrome();
        let size = size.with_height((chrome + LANE * lanes).clamp(150, 900));
        let frame = Frame::new(&id, &title, &desc, size, lang);
        svg::render(&frame, |root| draw(root, input, size, lang))
    };
    Chart {
        svg: drawing(Size::WIDE),
        narrow: Some(drawing(Size::NARROW)),
        id,
        title,
        desc,
        table: DataTable {
            headers: input.headers.iter().map(|h| svg::clean(h)).collect(),
            rows: input
                .spans
                .iter()
                .map(|s| s.cells.iter().map(|c| svg::clean(c)).collect())
                .collect(),
        },
    }
}

fn lane_axis(input: &TimelineInput, size: Size) -> Axis {
    axis::category_axis(&input.lanes, f64::from(size.width) * 0.35, false, "")
}

fn legend(input: &TimelineInput) -> Vec<(Swatch, String)> {
    let mut legend: Vec<(Swatch, String)> = input
        .shades
        .iter()
        .filter(|(shade, _)| input.spans.iter().any(|s| s.shade == *shade))
        .map(|(shade, name)| (Swatch::Fill(shade.colour()), svg::clean(name)))
        .collect();
    if input.spans.iter().any(|s| s.open) {
        legend.push((Swatch::Hatched(palette::DATA), svg::clean(&input.open_name)));
    }
    if input.spans.iter().any(|s| s.box_end.is_some()) {
        legend.push((Swatch::Reference, svg::clean(&input.box_name)));
    }
    legend
}

/// Days from `first` to `d`.
fn day(first: NaiveDate, d: NaiveDate) -> f64 {
    (d - first).num_days() as f64
}

/// The date axis: month starts labelled "Sep 26", thinned to fit.
fn date_axis(first: NaiveDate, last: NaiveDate, plot_px: f64, lang: &Language) -> Axis {
    let end = day(first, last) + 1.0;
    let mut starts = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(first.year(), first.month(), 1);
    while let Some(d) = m.filter(|d| *d <= last) {
        if d >= first {
            starts.push((day(first, d), short_month(lang, d)));
        }
        m = d.checked_add_months(chrono::Months::new(1));
    }
    let september = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or(first);
    let widest = text_width(&short_month(lang, september), TEXT_PX) + 10.0;
    let per_month = plot_px * 30.5 / end.max(1.0);
    let step = (widest / per_month.max(1.0)).ceil().max(1.0) as usize;
    let keep = starts.len().saturating_sub(1) % step;
    let ticks = starts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % step == keep)
        .map(|(_, t)| t)
        .collect();
    Axis {
        range: (0.0, end.max(1.0)),
        ticks,
        desc: None,
        grid: true,
        label_px: TEXT_PX,
        labels: Labels::Line,
    }
}

/// Each span's track within its lane, and the lane's number of tracks:
/// a span takes the first track whose last span ended before it starts.
fn tracks(input: &TimelineInput) -> (Vec<usize>, Vec<usize>) {
    let mut ends: Vec<Vec<NaiveDate>> = vec![Vec::new(); input.lanes.len()];
    let mut track = Vec::with_capacity(input.spans.len());
    for s in &input.spans {
        let Some(lane) = ends.get_mut(s.lane) else {
            track.push(0);
            continue;
        };
        let t = match lane.iter().position(|end| *end < s.from) {
            Some(t) => t,
            None => {
                lane.push(s.to);
                lane.len() - 1
            }
        };
        lane[t] = s.to.max(lane[t]);
        track.push(t);
    }
    (track, ends.iter().map(|l| l.len().max(1)).collect())
}

fn draw(root: &Area, input: &TimelineInput, size: Size, lang: &Language) -> DrawResult {
    let legend = legend(input);
    let y = lane_axis(input, size);
    let layout = Layout::new(size, &legend, &y, false);
    let x = date_axis(input.first, input.last, layout.plot_width(), lang);
    layout.legend(root, &legend)?;
    let mut plot = layout.build(root, &x, &y)?;
    layout.draw_mesh(root, &mut plot, &x, &y)?;
    let (track, count) = tracks(input);
    let n = input.lanes.len();
    for (i, s) in input.spans.iter().enumerate() {
        if s.lane >= n || s.to < input.first || s.from > input.last {
            continue;
        }
        let lane = axis::category_position(s.lane, n, false);
        let k = count[s.lane] as f64;
        let height = BAR / k;
        // Tracks stacked from the top of the lane's band down.
        let top = lane + BAR / 2.0 - height * track[i] as f64;
        let bottom = top - height * 0.85;
        let from = day(input.first, s.from.max(input.first));
        let to = day(input.first, s.to.min(input.last)) + 1.0;
        marks::bar(
            root,
            &plot,
            (from, bottom),
            (to, top),
            s.shade.colour(),
            s.open,
        )?;
        if let Some(end) = s.box_end.filter(|e| *e >= input.first && *e <= input.last) {
            let at = day(input.first, end) + 1.0;
            marks::reference_line(
                root,
                &plot,
                &[(at, bottom - height * 0.12), (at, top + height * 0.12)],
                Dash::Reference,
            )?;
        }
    }
    if input.spans.is_empty() {
        marks::no_data(root, &layout, lang)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn span(lane: usize, from: &str, to: &str, open: bool) -> TimelineSpan {
        TimelineSpan {
            lane,
            from: d(from),
            to: d(to),
            open,
            box_end: Some(d(from) + chrono::Days::new(5)),
            shade: if open { Shade::Amber } else { Shade::Green },
            cells: vec![format!("{from}"), "row".into()],
        }
    }

    fn input(spans: Vec<TimelineSpan>) -> TimelineInput {
        TimelineInput {
            id: "esc".into(),
            title: "Escalations by level".into(),
            lanes: vec!["1 Managers".into(), "2 Directors".into()],
            first: d("2026-08-01"),
            last: d("2026-11-23"),
            spans,
            shades: vec![
                (Shade::Green, "Resolved within its time box".into()),
                (Shade::Amber, "Past its time box".into()),
            ],
            open_name: "Still open".into(),
            box_name: "Time box ends".into(),
            headers: vec!["Opened".into(), "What".into()],
            desc: "Two escalations.".into(),
        }
    }

    #[test]
    fn overlapping_spans_of_a_lane_share_it_in_tracks() {
        let i = input(vec![
            span(0, "2026-08-10", "2026-09-10", false),
            span(0, "2026-09-01", "2026-09-20", false),
            span(0, "2026-09-15", "2026-09-30", false),
            span(1, "2026-09-10", "2026-11-23", true),
        ]);
        // The third starts after the first ended: back on track 0.
        assert_eq!(tracks(&i), (vec![0, 1, 0, 0], vec![2, 1]));
    }

    #[test]
    fn the_chart_carries_its_words_legend_and_table() {
        let en = crate::render::language::english();
        let c = timeline(
            &input(vec![
                span(0, "2026-08-10", "2026-09-10", false),
                span(1, "2026-09-10", "2026-11-23", true),
            ]),
            en,
        );
        assert_eq!(c.desc, "Two escalations.");
        assert_eq!(c.table.rows.len(), 2);
        for text in [
            "Resolved within its time box",
            "Past its time box",
            "Still open",
            "Time box ends",
            "2 Directors",
            "Sep 26",
        ] {
            assert!(c.svg.contains(text), "{text}");
        }
        assert!(c.narrow.as_deref().unwrap().contains("Still open"));
        // No span: a drawing that says so, and no open or box entry.
        let empty = timeline(&input(vec![]), en);
        assert!(empty.svg.contains("No data reported"));
        assert!(!empty.svg.contains("Still open"));
    }
}
