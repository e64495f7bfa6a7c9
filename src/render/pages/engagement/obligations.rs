//! The obligations register of the report: one table per side, so the
//! client's lapses show as clearly as the provider's, each obligation's
//! record over the score's window, what is overdue and what is due next,
//! and every instance on demand.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::obligations::{
    Instance, InstanceState, ObligationStatus, Obligations, SideRecord,
};
use crate::analyse::words::Parties;
use crate::model::{Audience, Engagement, Side};
use crate::render::language::Language;
use crate::render::{labels, links};
use crate::text::Text;

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
    pub side: String,
    /// The side inside a sentence, in brackets after the heading.
    pub side_in_text: String,
    /// `client` or `provider`, for the heading's id.
    pub key: &'static str,
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
    pub next_state: String,
    pub next_class: &'static str,
    pub internal: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct InstanceRow {
    pub obligation: String,
    pub due: String,
    pub state: String,
    pub state_key: &'static str,
    pub class: &'static str,
    /// From the site root; empty without a note.
    pub note_url: String,
    pub note_title: String,
    pub note_date: String,
    pub reason: String,
}

fn rate_words(s: &SideRecord, l: &Language) -> String {
    let waived = match s.waived {
        0 => String::new(),
        n => l.text(&Text::new("eng-side-waived").with("count", n)),
    };
    match s.rate {
        Some(rate) => l.text(
            &Text::new("eng-side-record")
                .with("on_time", s.on_time)
                .with("judged", s.judged)
                .with("percent", l.percent(rate))
                .with("waived", waived),
        ),
        None => l.text(&Text::new("eng-side-nothing-due").with("waived", waived)),
    }
}

fn row(
    o: &ObligationStatus,
    a: &Obligations,
    audience: Option<Audience>,
    l: &Language,
) -> ObligationRow {
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
            0 => labels::recurrence(o.every, l),
            g => l.text(
                &Text::new("eng-grace-days")
                    .with("every", labels::recurrence(o.every, l))
                    .with("days", g),
            ),
        },
        record: if judged == 0 {
            "—".to_string()
        } else {
            l.text(
                &Text::new("eng-on-time")
                    .with("on_time", on_time)
                    .with("judged", judged),
            )
        },
        overdue: o.overdue().map(|i| l.date(i.due)).collect(),
        next_due: next
            .map(|i| i.due)
            .or(o.later)
            .map_or("—".to_string(), |d| l.date(d)),
        next_state: labels::instance_state(next.map_or(InstanceState::Upcoming, |i| i.state), l),
        next_class: next.map_or(InstanceState::Upcoming.tone().name(), |i| {
            i.state.tone().name()
        }),
        internal: audience != Some(Audience::Shared),
    }
}

fn instance_row(e: &Engagement, o: &ObligationStatus, i: &Instance, l: &Language) -> InstanceRow {
    InstanceRow {
        obligation: o.title.clone(),
        due: l.date(i.due),
        state: labels::instance_state(i.state, l),
        state_key: i.state.key(),
        class: i.state.tone().name(),
        note_url: i
            .note
            .as_ref()
            .map(|n| links::note(&e.id, &n.slug))
            .unwrap_or_default(),
        note_title: i.note.as_ref().map(|n| n.title.clone()).unwrap_or_default(),
        note_date: i.note.as_ref().map(|n| l.date(n.date)).unwrap_or_default(),
        reason: i.reason.clone().unwrap_or_default(),
    }
}

pub(super) fn obligations_view(
    e: &Engagement,
    a: &EngagementAnalysis,
    l: &Language,
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
                .map(|(x, i)| instance_row(e, x, i, l))
                .collect();
            SideView {
                side: labels::side(side, l),
                side_in_text: labels::side_in_text(side, l),
                key: match side {
                    Side::Client => "client",
                    Side::Provider => "provider",
                },
                name: parties.name(side).to_string(),
                possessive: crate::analyse::words::possessive(parties.name(side)),
                record: rate_words(o.side(side), l),
                overdue: mine.iter().map(|x| x.overdue().count()).sum(),
                rows: mine.iter().map(|x| row(x, o, audience(&x.id), l)).collect(),
                instances,
            }
        })
        .collect();
    ObligationsView {
        any: !o.items.is_empty(),
        score: o
            .score
            .map_or_else(|| l.word("eng-no-data"), |s| l.number(s, 0)),
        reasons: o.reasons_text(&parties).iter().map(|t| l.text(t)).collect(),
        sides,
    }
}
