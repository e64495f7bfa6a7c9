//! The engagement page's escalations section (the ladder, each escalation
//! with its time box) and the root-cause cell of the breaches table, from
//! what `analyse::escalations` and `analyse::root_causes` decided.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::escalations::{EscalationState, level_words};
use crate::analyse::root_causes::{RcaState, RootCauses};
use crate::model::Month;
use crate::render::format;

/// Where the note pages are, from the engagement's page.
const NOTES: &str = "notes/";

#[derive(Debug, Serialize)]
pub(super) struct EscalationsView {
    /// Whether the section has anything to show (a ladder or an escalation).
    pub shown: bool,
    pub ladder: Vec<RungRow>,
    pub rows: Vec<EscalationRow>,
    /// "2 open, 1 past its time box".
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub(super) struct RungRow {
    pub level: u32,
    pub name: String,
    pub days: String,
}

#[derive(Debug, Serialize)]
pub(super) struct EscalationRow {
    pub title: String,
    pub url: String,
    pub level: String,
    pub opened: String,
    pub time_box_end: String,
    /// "open", "raised", "resolved": the pill.
    pub state: &'static str,
    /// "on 2026-09-10" beside the pill, when settled.
    pub ended: String,
    pub days: String,
    /// "past its time box: raise to Account directors", or empty.
    pub past: String,
    pub class: &'static str,
}

pub(super) fn escalations_view(a: &EngagementAnalysis) -> EscalationsView {
    let x = &a.escalations;
    let rows: Vec<EscalationRow> = x
        .items
        .iter()
        .rev()
        .map(|x| EscalationRow {
            title: x.title.clone(),
            url: format!("{NOTES}{}.html", x.slug),
            level: level_words(x),
            opened: format::date(x.opened),
            time_box_end: x
                .time_box_end
                .map_or("no time box".to_string(), format::date),
            state: x.state.as_str(),
            ended: match (x.state, x.ended) {
                (EscalationState::Open, _) | (_, None) => String::new(),
                (_, Some(d)) => format!("on {}", format::date(d)),
            },
            days: crate::analyse::words::count(x.days as usize, "day"),
            past: x
                .next
                .as_ref()
                .map(|n| format!("past its time box: {}", n.words()))
                .unwrap_or_default(),
            class: x.tone.name(),
        })
        .collect();
    let open = x.open().count();
    let past = x.past_time_box().count();
    EscalationsView {
        shown: !x.ladder.is_empty() || !rows.is_empty(),
        ladder: x
            .ladder
            .iter()
            .map(|r| RungRow {
                level: r.level,
                name: r.name.clone(),
                days: crate::analyse::words::count(r.days.max(0) as usize, "day"),
            })
            .collect(),
        summary: format!(
            "{} open, {} past {} time box",
            open,
            past,
            if past == 1 { "its" } else { "their" }
        ),
        rows,
    }
}

/// What the breaches table says about a breach's root cause.
#[derive(Debug, Serialize)]
pub(super) struct RootCauseCell {
    /// The note's title and link, when there is one.
    pub title: String,
    pub url: String,
    /// "due 2026-10-10", "no root cause", "no root cause: written late, on 2026-10-14".
    pub words: String,
    pub class: &'static str,
}

/// The cell of the breach of `kpi` in `month`; `None` when the table shows
/// no root causes (no `rca_days` and no root-cause note).
pub(super) fn root_cause_cell(r: &RootCauses, kpi: &str, month: Month) -> Option<RootCauseCell> {
    if !r.shown() {
        return None;
    }
    let Some(b) = r.of(kpi, month) else {
        return Some(RootCauseCell {
            title: String::new(),
            url: String::new(),
            words: String::new(),
            class: "grey",
        });
    };
    let date = |d: Option<NaiveDate>| d.map(format::date).unwrap_or_default();
    let words = match b.state {
        RcaState::Written => String::new(),
        RcaState::WrittenLate => format!(
            "no root cause: written late, on {} (due {})",
            date(b.note.as_ref().map(|n| n.date)),
            date(b.due)
        ),
        RcaState::Due => format!("due {}", date(b.due)),
        RcaState::Missing => format!("no root cause (due {})", date(b.due)),
        RcaState::NotTracked => "—".to_string(),
    };
    Some(RootCauseCell {
        title: b.note.as_ref().map(|n| n.title.clone()).unwrap_or_default(),
        url: b
            .note
            .as_ref()
            .map(|n| format!("{NOTES}{}.html", n.slug))
            .unwrap_or_default(),
        words,
        class: b.state.tone().name(),
    })
}
