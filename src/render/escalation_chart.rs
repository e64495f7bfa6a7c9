//! The escalations' timeline: each escalation a span in the lane of its
//! level, from the note's date to its resolution or raise (or to `as_of`
//! while open), coloured as `analyse::escalations` decided, its time box
//! marked.

use chrono::{Datelike, NaiveDate};

use crate::analyse::escalations::{EscalationState, Escalations};
use crate::analyse::tone::Tone;
use crate::analyse::window::SERIES_MONTHS;
use crate::chart::{self, Chart, TimelineInput, TimelineSpan};
use crate::model::Month;
use crate::render::charts::shade;
use crate::render::format;
use crate::stopwatch::{Timed, Work};

/// The escalations open at `as_of` or ended in the last 12 months, from
/// the first month one of them was open (at most 12 months back) to
/// `as_of`; `None` when there is none.
pub fn escalations(x: &Escalations, as_of: NaiveDate) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    let earliest = Month::of(as_of).plus(-(SERIES_MONTHS as i32)).first_day();
    let shown: Vec<_> = x
        .items
        .iter()
        .filter(|e| e.ended.is_none_or(|d| d >= earliest))
        .collect();
    let first = shown.iter().map(|e| e.opened).min()?.max(earliest);
    let first = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    // Lanes: the ladder's levels, then any level used off it, lowest first.
    let mut levels: Vec<(u32, String)> = x
        .ladder
        .iter()
        .map(|r| (r.level, format!("{} {}", r.level, r.name)))
        .collect();
    for e in &shown {
        if !levels.iter().any(|(l, _)| *l == e.level) {
            levels.push((e.level, format!("Level {}", e.level)));
        }
    }
    levels.sort_by_key(|(l, _)| *l);
    levels.dedup_by_key(|(l, _)| *l);
    let spans: Vec<TimelineSpan> = shown
        .iter()
        .map(|e| {
            let open = e.state == EscalationState::Open;
            TimelineSpan {
                lane: levels.iter().position(|(l, _)| *l == e.level).unwrap_or(0),
                from: e.opened,
                to: e.ended.unwrap_or(as_of).max(e.opened),
                open,
                box_end: e.time_box_end,
                shade: shade(e.tone),
                cells: vec![
                    e.title.clone(),
                    e.level.to_string(),
                    format::date(e.opened),
                    e.time_box_end
                        .map_or("no time box".to_string(), format::date),
                    match e.ended {
                        Some(d) => format!("{} on {}", e.state.as_str(), format::date(d)),
                        None if e.past_time_box => "open, past its time box".to_string(),
                        None => "open".to_string(),
                    },
                ],
            }
        })
        .collect();
    let open = spans.iter().filter(|s| s.open).count();
    let past = shown.iter().filter(|e| e.past_time_box).count();
    let desc = format!(
        "{} by level from {} to {}: {} still open, {} past {} time box",
        crate::chart::plural_words(spans.len(), "escalation", "escalations"),
        format::date(first),
        format::date(as_of),
        open,
        past,
        if past == 1 { "its" } else { "their" }
    );
    Some(chart::timeline(&TimelineInput {
        id: "escalations".into(),
        title: "Escalations by level".into(),
        lanes: levels.into_iter().map(|(_, name)| name).collect(),
        first,
        last: as_of,
        spans,
        shades: vec![
            (shade(Tone::Green), "Resolved within its time box".into()),
            (shade(Tone::Amber), "Past its time box".into()),
            (
                shade(Tone::Grey),
                "Within its time box, raised, or no time box".into(),
            ),
        ],
        open_name: "Still open".into(),
        box_name: "Time box ends".into(),
        headers: vec![
            "Escalation".into(),
            "Level".into(),
            "Opened".into(),
            "Time box ends".into(),
            "State".into(),
        ],
        desc: format!("{desc}."),
    }))
}
