//! Rows shared by the engagement report and the portfolio registers, so an
//! action or a risk reads the same wherever it is listed.

use serde::Serialize;

use super::language::Language;
use super::{labels, links};
use crate::analyse::actions::{ActionItem, ActionState};
use crate::analyse::risk::RiskItem;
use crate::model::RiskStatus;
use crate::text::Text;

#[derive(Debug, Serialize)]
pub struct ActionRow {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub state: String,
    pub state_class: &'static str,
    pub overdue: bool,
    pub done: bool,
    pub note_title: String,
    pub note_date: String,
    /// From the site root.
    pub note_url: String,
    pub engagement_name: String,
    pub engagement_url: String,
}

pub fn action_row(
    engagement_id: &str,
    engagement_name: &str,
    a: &ActionItem,
    l: &Language,
) -> ActionRow {
    let state = match a.state {
        ActionState::Open => "eng-action-open",
        ActionState::Overdue => "eng-action-overdue",
        ActionState::ClosedRecently => "eng-action-closed-recently",
        ActionState::Closed => "eng-action-closed",
    };
    let state = match (a.state, a.days_overdue) {
        (ActionState::Overdue, Some(days)) => {
            l.text(&Text::new("eng-action-overdue-by").with("days", days))
        }
        _ => l.word(state),
    };
    ActionRow {
        text: a.task.clone(),
        owner: a.owner.clone().unwrap_or_else(|| "—".into()),
        due: a.due.map_or_else(|| "—".into(), |d| l.date(d)),
        state,
        state_class: a.state.tone().name(),
        overdue: a.state == ActionState::Overdue,
        done: a.done,
        note_title: a.note_title.clone(),
        note_date: l.date(a.note_date),
        note_url: links::note(engagement_id, &a.note_slug),
        engagement_name: engagement_name.to_string(),
        engagement_url: links::engagement(engagement_id),
    }
}

#[derive(Debug, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub status: String,
    pub likelihood: u8,
    pub impact: u8,
    pub score: u32,
    pub rating: String,
    pub rating_class: &'static str,
    pub mitigation: String,
    pub due: String,
    pub overdue: bool,
    /// The states a register's filter matches it by, space-separated:
    /// `open` (mitigating and overdue included), `mitigating`, `overdue`, `closed`.
    pub states: &'static str,
    pub engagement_name: String,
    pub engagement_url: String,
}

pub fn risk_row(engagement_id: &str, engagement_name: &str, r: &RiskItem, l: &Language) -> RiskRow {
    RiskRow {
        id: r.id.clone(),
        title: r.title.clone(),
        owner: labels::risk_owner(r.owner, l),
        status: labels::risk_status(r.status, l),
        likelihood: r.likelihood,
        impact: r.impact,
        score: r.score,
        rating: labels::risk_rating(r.rating, l),
        rating_class: r.rating.tone().name(),
        mitigation: r.mitigation.clone().unwrap_or_default(),
        due: r.due.map_or_else(|| "—".into(), |d| l.date(d)),
        overdue: r.overdue,
        states: match (r.status, r.overdue) {
            (RiskStatus::Closed, _) => "closed",
            (RiskStatus::Mitigating, true) => "open mitigating overdue",
            (RiskStatus::Mitigating, false) => "open mitigating",
            (RiskStatus::Open, true) => "open overdue",
            (RiskStatus::Open, false) => "open",
        },
        engagement_name: engagement_name.to_string(),
        engagement_url: links::engagement(engagement_id),
    }
}
