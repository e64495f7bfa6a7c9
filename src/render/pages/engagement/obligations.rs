//! The obligations register of the report: one table per side, so the
//! client's lapses show as clearly as the provider's, each obligation's
//! record over the score's window, what is overdue and what is due next,
//! and every instance on demand.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::obligations::{
    Instance, InstanceState, ObligationStatus, Obligations, SideRecord, every_words,
};
use crate::analyse::words::Parties;
use crate::model::{Audience, Engagement, Side};
use crate::render::{format, links};

#[derive(Debug, Serialize)]
pub(super) struct ObligationsView {
    pub any: bool,
    /// The component's score, or "no data".
    pub score: String,
    pub reasons: Vec<String>,
    /// The provider's side, then the client's.
    pub sides: Vec<SideView>,
}

#[derive(Debug, Serialize)]
pub(super) struct SideView {
    pub side: &'static str,
    pub name: String,
    /// "Fenwick Contact Solutions'".
    pub possessive: String,
    /// "3 of 4 on time (75%)", or why there is no rate.
    pub record: String,
    pub overdue: usize,
    pub rows: Vec<ObligationRow>,
    pub instances: Vec<InstanceRow>,
}

#[derive(Debug, Serialize)]
pub(super) struct ObligationRow {
    pub id: String,
    pub title: String,
    /// "every month, 3 days' grace".
    pub every: String,
    /// In the window: "10 of 11 on time".
    pub record: String,
    /// Overdue instances' due dates.
    pub overdue: Vec<String>,
    pub next_due: String,
    pub next_state: &'static str,
    pub next_class: &'static str,
    pub internal: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct InstanceRow {
    pub obligation: String,
    pub due: String,
    pub state: &'static str,
    pub state_key: &'static str,
    pub class: &'static str,
    /// From the site root; empty without a note.
    pub note_url: String,
    pub note_title: String,
    pub note_date: String,
    pub reason: String,
}

fn rate_words(s: &SideRecord) -> String {
    let waived = match s.waived {
        0 => String::new(),
        n => format!(", {n} waived"),
    };
    match s.rate {
        Some(rate) => format!(
            "{} of {} on time ({}){waived}",
            s.on_time,
            s.judged,
            format::percent(rate)
        ),
        None => format!("nothing due to judge{waived}"),
    }
}

fn row(o: &ObligationStatus, a: &Obligations, audience: Option<Audience>) -> ObligationRow {
    let in_window: Vec<&Instance> = o
        .instances
        .iter()
        .filter(|i| a.window.contains_date(i.due))
        .collect();
    let judged = in_window
        .iter()
        .filter(|i| {
            matches!(
                i.state,
                InstanceState::Fulfilled | InstanceState::FulfilledLate | InstanceState::Overdue
            )
        })
        .count();
    let on_time = in_window
        .iter()
        .filter(|i| i.state == InstanceState::Fulfilled)
        .count();
    let next = o.next();
    ObligationRow {
        id: o.id.clone(),
        title: o.title.clone(),
        every: match o.grace_days {
            0 => every_words(o.every).to_string(),
            1 => format!("{}, 1 day's grace", every_words(o.every)),
            g => format!("{}, {g} days' grace", every_words(o.every)),
        },
        record: if judged == 0 {
            "—".to_string()
        } else {
            format!("{on_time} of {judged} on time")
        },
        overdue: o.overdue().map(|i| format::date(i.due)).collect(),
        next_due: next
            .map(|i| i.due)
            .or(o.later)
            .map_or("—".to_string(), format::date),
        next_state: next.map_or(InstanceState::Upcoming.label(), |i| i.state.label()),
        next_class: next.map_or(InstanceState::Upcoming.tone().name(), |i| {
            i.state.tone().name()
        }),
        internal: audience != Some(Audience::Shared),
    }
}

fn instance_row(e: &Engagement, o: &ObligationStatus, i: &Instance) -> InstanceRow {
    InstanceRow {
        obligation: o.title.clone(),
        due: format::date(i.due),
        state: i.state.label(),
        state_key: i.state.key(),
        class: i.state.tone().name(),
        note_url: i
            .note
            .as_ref()
            .map(|n| links::note(&e.id, &n.slug))
            .unwrap_or_default(),
        note_title: i.note.as_ref().map(|n| n.title.clone()).unwrap_or_default(),
        note_date: i
            .note
            .as_ref()
            .map(|n| format::date(n.date))
            .unwrap_or_default(),
        reason: i.reason.clone().unwrap_or_default(),
    }
}

pub(super) fn obligations_view(
    e: &Engagement,
    a: &EngagementAnalysis,
    language: &crate::render::language::Language,
) -> ObligationsView {
    let o = &a.obligations;
    let parties = Parties::of(e);
    let audience = |id: &str| {
        e.record
            .obligations
            .iter()
            .find(|x| x.id == id)
            .and_then(|x| x.audience)
    };
    let sides = [Side::Provider, Side::Client]
        .into_iter()
        .map(|side| {
            let mine: Vec<&ObligationStatus> = o.items.iter().filter(|x| x.owner == side).collect();
            let mut by_due: Vec<(&ObligationStatus, &Instance)> = mine
                .iter()
                .flat_map(|x| x.instances.iter().map(move |i| (*x, i)))
                .collect();
            // The latest first: "what happened lately?" is the first question.
            by_due.sort_by_key(|(x, i)| (std::cmp::Reverse(i.due), x.title.clone()));
            let instances = by_due
                .into_iter()
                .map(|(x, i)| instance_row(e, x, i))
                .collect();
            SideView {
                side: crate::render::labels::side(side),
                name: parties.name(side).to_string(),
                possessive: crate::analyse::words::possessive(parties.name(side)),
                record: rate_words(o.side(side)),
                overdue: mine.iter().map(|x| x.overdue().count()).sum(),
                rows: mine.iter().map(|x| row(x, o, audience(&x.id))).collect(),
                instances,
            }
        })
        .collect();
    ObligationsView {
        any: !o.items.is_empty(),
        score: o
            .score
            .map_or("no data".to_string(), |s| format::number(s, 0)),
        reasons: o
            .reasons_text(&parties)
            .iter()
            .map(|r| language.text(r))
            .collect(),
        sides,
    }
}
