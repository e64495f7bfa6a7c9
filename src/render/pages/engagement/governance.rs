//! The engagement page's escalations section (the ladder, each escalation
//! with its time box) and the root-cause cell of the breaches table, from
//! what `analyse::escalations` and `analyse::root_causes` decided.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::escalations::{EscalationState, level_words};
use crate::analyse::root_causes::{RcaState, RootCauses};
use crate::model::Month;
use crate::render::labels;
use crate::render::language::Language;
use crate::text::Text;

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
    pub state_words: String,
    /// "on 2026-09-10" beside the pill, when settled.
    pub ended: String,
    pub days: String,
    /// "past its time box: raise to Account directors", or empty.
    pub past: String,
    pub class: &'static str,
}

pub(super) fn escalations_view(a: &EngagementAnalysis, l: &Language) -> EscalationsView {
    let x = &a.escalations;
    let rows: Vec<EscalationRow> = x
        .items
        .iter()
        .rev()
        .map(|x| EscalationRow {
            title: x.title.clone(),
            url: format!("{NOTES}{}.html", x.slug),
            level: level_words(x),
            opened: l.date(x.opened),
            time_box_end: x
                .time_box_end
                .map_or_else(|| l.word("eng-no-time-box"), |d| l.date(d)),
            state: x.state.as_str(),
            state_words: labels::escalation_state(x.state, l),
            ended: match (x.state, x.ended) {
                (EscalationState::Open, _) | (_, None) => String::new(),
                (_, Some(d)) => l.text(&Text::new("eng-ended-on").with("date", l.date(d))),
            },
            days: days(x.days, l),
            past: x
                .next
                .as_ref()
                .map(|n| l.text(&Text::new("eng-past-time-box").with("next", n.words())))
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
                days: days(r.days, l),
            })
            .collect(),
        summary: l.text(
            &Text::new("eng-escalations-summary")
                .with("open", open)
                .with("past", past),
        ),
        rows,
    }
}

/// "1 day", "12 days"; a negative count reads 0.
fn days(n: i64, l: &Language) -> String {
    l.text(&Text::new("eng-days").with("count", n.max(0)))
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
pub(super) fn root_cause_cell(
    r: &RootCauses,
    kpi: &str,
    month: Month,
    l: &Language,
) -> Option<RootCauseCell> {
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
    let date = |d: Option<NaiveDate>| d.map(|d| l.date(d)).unwrap_or_default();
    let words = match b.state {
        RcaState::Written => String::new(),
        RcaState::WrittenLate => l.text(
            &Text::new("eng-rca-written-late")
                .with("date", date(b.note.as_ref().map(|n| n.date)))
                .with("due", date(b.due)),
        ),
        RcaState::Due => l.text(&Text::new("eng-rca-due").with("due", date(b.due))),
        RcaState::Missing => l.text(&Text::new("eng-rca-missing").with("due", date(b.due))),
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
