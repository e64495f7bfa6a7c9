//! Registers of the report: risks, goals, expectations, milestones, actions
//! and notes.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::actions::ActionState;
use crate::model::{Audience, Engagement, GoalStatus, Milestone, Note};
use crate::render::labels;
use crate::render::language::Language;
use crate::render::rows::{ActionRow, RiskRow, action_row, risk_row};
use crate::text::Text;

#[derive(Debug, Serialize)]
pub(super) struct RegistersView {
    pub risks: Vec<RiskRow>,
    pub exposure: u32,
    pub open_risks: usize,
    pub risk_score: String,
    pub risk_reasons: Vec<String>,
    pub goals: Vec<GoalRow>,
    pub mutual_share: String,
    pub expectations: Vec<ExpectationRow>,
    pub milestones: Vec<MilestoneRow>,
    pub celebration_nudge: bool,
    /// Open and overdue actions, overdue first.
    pub actions: Vec<ActionRow>,
    /// Closed in the last 90 days: shown collapsed under the open ones.
    pub closed_actions: Vec<ActionRow>,
    pub open_actions: usize,
    pub overdue_actions: usize,
    pub closed_recently: usize,
    pub notes: Vec<NoteRow>,
}

#[derive(Debug, Serialize)]
pub(super) struct GoalRow {
    pub title: String,
    pub status: String,
    pub class: &'static str,
    pub due: String,
    pub mutual: bool,
    pub overdue: bool,
    pub internal: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct ExpectationRow {
    pub text: String,
    pub set_by: String,
    pub agreed: bool,
    pub internal: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct MilestoneRow {
    pub date: String,
    pub title: String,
    pub celebrated: bool,
    pub internal: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct NoteRow {
    pub title: String,
    pub date: String,
    pub kind: String,
    pub url: String,
    pub internal: bool,
    pub actions: usize,
}

fn internal(a: Option<Audience>) -> bool {
    a != Some(Audience::Shared)
}

impl MilestoneRow {
    pub(super) fn of(m: &Milestone, l: &Language) -> MilestoneRow {
        MilestoneRow {
            date: l.date(m.date),
            title: m.title.clone(),
            celebrated: m.celebrated,
            internal: internal(m.audience),
        }
    }
}

/// A note in a list; `prefix` leads from the page to the notes folder.
pub(super) fn note_row(n: &Note, prefix: &str, l: &Language) -> NoteRow {
    NoteRow {
        title: n.meta.title.clone(),
        date: l.date(n.meta.date),
        kind: labels::note_kind(n.meta.kind, l),
        url: format!("{prefix}{}.html", n.slug),
        internal: internal(n.meta.audience),
        actions: n.actions.len(),
    }
}

pub(super) fn registers_view(
    e: &Engagement,
    a: &EngagementAnalysis,
    l: &Language,
) -> RegistersView {
    let r = &e.record;
    let name = &r.name;
    let mut risks: Vec<&_> = a.risks.items.iter().collect();
    risks.sort_by(|x, y| (!x.is_open(), y.score).cmp(&(!y.is_open(), x.score)));
    let mut actions: Vec<&_> = a
        .actions
        .items
        .iter()
        .filter(|x| matches!(x.state, ActionState::Overdue | ActionState::Open))
        .collect();
    // Overdue first, then open by due date.
    actions.sort_by_key(|x| {
        (
            x.state != ActionState::Overdue,
            x.due.is_none(),
            x.due,
            x.note_date,
        )
    });
    // The latest closed first: what was just done is what a reader asks about.
    let mut closed: Vec<&_> = a
        .actions
        .items
        .iter()
        .filter(|x| x.state == ActionState::ClosedRecently)
        .collect();
    closed.sort_by_key(|x| std::cmp::Reverse((x.note_date, x.due)));
    RegistersView {
        risks: risks.iter().map(|x| risk_row(&e.id, name, x, l)).collect(),
        exposure: a.risks.exposure,
        open_risks: a.risks.open,
        risk_score: l.number(a.risks.score, 0),
        risk_reasons: a.risks.reasons_text().iter().map(|t| l.text(t)).collect(),
        goals: r
            .goals
            .iter()
            .map(|g| {
                let class = match g.status {
                    GoalStatus::OnTrack | GoalStatus::Done => "green",
                    GoalStatus::AtRisk => "amber",
                    GoalStatus::OffTrack => "red",
                    GoalStatus::Dropped => "grey",
                };
                GoalRow {
                    title: g.title.clone(),
                    status: labels::goal_status(g.status, l),
                    class,
                    due: g.due.map_or_else(|| "—".into(), |d| l.date(d)),
                    mutual: g.mutual,
                    overdue: a.goals.overdue.iter().any(|o| o.id == g.id),
                    internal: internal(g.audience),
                }
            })
            .collect(),
        mutual_share: a.goals.mutual_share.map_or_else(
            || l.word("eng-no-mutual-goals"),
            |s| {
                l.text(
                    &Text::new("eng-mutual-share")
                        .with("percent", l.percent(s))
                        .with("on_track", a.goals.mutual_on_track)
                        .with("mutual", a.goals.mutual),
                )
            },
        ),
        expectations: r
            .expectations
            .iter()
            .map(|x| ExpectationRow {
                text: x.text.clone(),
                set_by: labels::side(x.set_by, l),
                agreed: x.agreed,
                internal: internal(x.audience),
            })
            .collect(),
        milestones: r
            .milestones
            .iter()
            .rev()
            .map(|m| MilestoneRow::of(m, l))
            .collect(),
        celebration_nudge: a.celebrations.nudge,
        actions: actions
            .iter()
            .map(|x| action_row(&e.id, name, x, l))
            .collect(),
        closed_actions: closed
            .iter()
            .map(|x| action_row(&e.id, name, x, l))
            .collect(),
        open_actions: a.actions.open,
        overdue_actions: a.actions.overdue,
        closed_recently: a.actions.closed_recently,
        notes: e
            .notes
            .iter()
            .rev()
            .map(|n| note_row(n, "notes/", l))
            .collect(),
    }
}
