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
use crate::render::language::{Language, arg};
use crate::stopwatch::{Timed, Work};

/// The escalations open at `as_of` or ended in the last 12 months, from
/// the first month one of them was open (at most 12 months back) to
/// `as_of`; `None` when there is none.
pub fn escalations(x: &Escalations, as_of: NaiveDate, lang: &Language) -> Option<Chart> {
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
            levels.push((
                e.level,
                lang.say(
                    "chart-escalation-level",
                    &[("level", arg(e.level.to_string()))],
                ),
            ));
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
                    lang.date(e.opened),
                    e.time_box_end.map_or_else(
                        || lang.word("chart-escalation-no-time-box"),
                        |d| lang.date(d),
                    ),
                    match e.ended {
                        Some(d) => lang.say(
                            &format!("chart-escalation-{}-on", e.state.as_str()),
                            &[("date", arg(lang.date(d)))],
                        ),
                        None if e.past_time_box => lang.word("chart-escalation-open-past"),
                        None => lang.word("chart-escalation-open"),
                    },
                ],
            }
        })
        .collect();
    let open = spans.iter().filter(|s| s.open).count();
    let past = shown.iter().filter(|e| e.past_time_box).count();
    let desc = lang.say(
        "chart-escalations-desc",
        &[
            ("count", spans.len().into()),
            ("from", arg(lang.date(first))),
            ("to", arg(lang.date(as_of))),
            ("open", open.into()),
            ("past", past.into()),
        ],
    );
    Some(chart::timeline(
        &TimelineInput {
            id: "escalations".into(),
            title: lang.word("chart-escalations-title"),
            lanes: levels.into_iter().map(|(_, name)| name).collect(),
            first,
            last: as_of,
            spans,
            shades: vec![
                (shade(Tone::Green), lang.word("chart-escalations-resolved")),
                (shade(Tone::Amber), lang.word("chart-escalations-past")),
                (shade(Tone::Grey), lang.word("chart-escalations-other")),
            ],
            open_name: lang.word("chart-escalations-still-open"),
            box_name: lang.word("chart-escalations-box-ends"),
            headers: [
                "chart-escalations-escalation",
                "chart-escalations-level",
                "chart-escalations-opened",
                "chart-escalations-box-ends",
                "chart-escalations-state",
            ]
            .into_iter()
            .map(|id| lang.word(id))
            .collect(),
            desc,
        },
        lang,
    ))
}
