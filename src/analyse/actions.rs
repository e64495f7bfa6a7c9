//! The action register: task-list items of notes dated on or before `as_of`,
//! with their note, and whether each is open, overdue or recently closed.

use chrono::NaiveDate;
use serde::Serialize;

use super::window::{DayWindow, days_between};
use crate::model::{Action, Engagement, Note};

/// Days in which a closed action counts as recently closed (by its note's date).
pub const CLOSED_WINDOW_DAYS: u32 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionState {
    Open,
    /// Open with `due` before `as_of`.
    Overdue,
    /// Done, in a note dated in the last 90 days.
    ClosedRecently,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionItem {
    pub note_slug: String,
    pub note_title: String,
    pub note_date: NaiveDate,
    pub owner: Option<String>,
    pub text: String,
    /// `text` without the owner and due-date markers (see `Action::task`).
    pub task: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    pub state: ActionState,
    /// as_of − due, for overdue actions.
    pub days_overdue: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionRegister {
    /// Every action, by note date then order in the note.
    pub items: Vec<ActionItem>,
    /// Not done (overdue ones included).
    pub open: usize,
    pub overdue: usize,
    pub closed_recently: usize,
}

fn item(note: &Note, action: &Action, as_of: NaiveDate, recent: DayWindow) -> ActionItem {
    let overdue_by = action
        .due
        .filter(|d| !action.done && *d < as_of)
        .map(|d| days_between(d, as_of));
    let state = match (action.done, overdue_by) {
        (false, Some(_)) => ActionState::Overdue,
        (false, None) => ActionState::Open,
        (true, _) if recent.contains(note.meta.date) => ActionState::ClosedRecently,
        (true, _) => ActionState::Closed,
    };
    ActionItem {
        note_slug: note.slug.clone(),
        note_title: note.meta.title.clone(),
        note_date: note.meta.date,
        owner: action.owner.clone(),
        text: action.text.clone(),
        task: action.task.clone(),
        due: action.due,
        done: action.done,
        state,
        days_overdue: overdue_by,
    }
}

pub fn analyse_actions(e: &Engagement, as_of: NaiveDate) -> ActionRegister {
    let recent = DayWindow::last_days(as_of, CLOSED_WINDOW_DAYS);
    // A note dated after as_of is not written yet as far as this report knows.
    let items: Vec<ActionItem> = e
        .notes
        .iter()
        .filter(|n| n.meta.date <= as_of)
        .flat_map(|n| n.actions.iter().map(move |a| item(n, a, as_of, recent)))
        .collect();
    let n = |state: ActionState| items.iter().filter(|i| i.state == state).count();
    ActionRegister {
        open: items.iter().filter(|i| !i.done).count(),
        overdue: n(ActionState::Overdue),
        closed_recently: n(ActionState::ClosedRecently),
        items,
    }
}

impl ActionRegister {
    pub fn overdue_items(&self) -> impl Iterator<Item = &ActionItem> {
        self.items
            .iter()
            .filter(|i| i.state == ActionState::Overdue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{action, add_note, d, engagement, note};
    use crate::model::NoteKind;

    #[test]
    fn states_of_actions() {
        let mut e = engagement();
        let mut old = note("2026-01-10", NoteKind::CheckIn);
        old.actions = vec![
            action("Ravi: share the calendar", Some("2026-01-17"), false), // overdue
            action("Dana: confirm approvers", None, true),                 // closed long ago
        ];
        let mut recent = note("2026-05-20", NoteKind::CheckIn);
        recent.actions = vec![
            action("Ravi: draft the plan", Some("2026-06-01"), false), // due on as_of: open
            action("no owner here", None, false),                      // open, no due date
            action("Dana: sign off", Some("2026-05-01"), true),        // closed recently
        ];
        let mut future = note("2026-06-02", NoteKind::CheckIn);
        future.actions = vec![action("Ravi: later", Some("2026-01-01"), false)];
        add_note(&mut e, old);
        add_note(&mut e, recent);
        add_note(&mut e, future);
        let a = analyse_actions(&e, d("2026-06-01"));
        let states: Vec<_> = a.items.iter().map(|i| i.state).collect();
        assert_eq!(
            states,
            vec![
                ActionState::Overdue,
                ActionState::Closed,
                ActionState::Open,
                ActionState::Open,
                ActionState::ClosedRecently
            ]
        );
        assert_eq!((a.open, a.overdue, a.closed_recently), (3, 1, 1));
        let overdue = a.overdue_items().next().unwrap();
        assert_eq!(overdue.days_overdue, Some(135));
        assert_eq!(overdue.owner.as_deref(), Some("Ravi"));
        assert_eq!(overdue.note_slug, "2026-01-10-checkin");
    }

    #[test]
    fn recently_closed_is_by_the_note_date() {
        let mut e = engagement();
        // 89 days before 2026-06-01: the first day of its 90
        let mut n = note("2026-03-04", NoteKind::Note);
        n.actions = vec![action("x", None, true)];
        add_note(&mut e, n);
        assert_eq!(analyse_actions(&e, d("2026-06-01")).closed_recently, 1);
        assert_eq!(analyse_actions(&e, d("2026-06-02")).closed_recently, 0);
    }

    #[test]
    fn no_notes_no_actions() {
        let a = analyse_actions(&engagement(), d("2026-06-01"));
        assert_eq!(
            (a.items.len(), a.open, a.overdue, a.closed_recently),
            (0, 0, 0, 0)
        );
    }
}
