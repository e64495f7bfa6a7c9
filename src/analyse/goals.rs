//! Shared goals: how many mutual goals are on track, and which goals are overdue.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Engagement, Goal, GoalStatus};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalRef {
    pub id: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub status: GoalStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goals {
    /// Goals with `mutual: true`.
    pub mutual: usize,
    /// Mutual goals on-track or done.
    pub mutual_on_track: usize,
    /// mutual_on_track / mutual; `None` without mutual goals.
    pub mutual_share: Option<f64>,
    /// Goals (mutual or not) due before `as_of` and neither done nor dropped.
    pub overdue: Vec<GoalRef>,
}

fn is_closed(g: &Goal) -> bool {
    matches!(g.status, GoalStatus::Done | GoalStatus::Dropped)
}

pub fn analyse_goals(e: &Engagement, as_of: NaiveDate) -> Goals {
    let goals = &e.record.goals;
    let mutual = goals.iter().filter(|g| g.mutual).count();
    let mutual_on_track = goals
        .iter()
        .filter(|g| g.mutual && matches!(g.status, GoalStatus::OnTrack | GoalStatus::Done))
        .count();
    Goals {
        mutual,
        mutual_on_track,
        mutual_share: (mutual > 0).then(|| mutual_on_track as f64 / mutual as f64),
        overdue: goals
            .iter()
            .filter(|g| !is_closed(g) && g.due.is_some_and(|d| d < as_of))
            .map(|g| GoalRef {
                id: g.id.clone(),
                title: g.title.clone(),
                due: g.due,
                status: g.status,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement};

    fn goal(id: &str, status: GoalStatus, due: Option<&str>, mutual: bool) -> Goal {
        Goal {
            id: id.to_string(),
            title: id.to_string(),
            due: due.map(d),
            status,
            mutual,
            audience: None,
        }
    }

    #[test]
    fn mutual_share_and_overdue() {
        let mut e = engagement();
        e.record.goals = vec![
            goal("a", GoalStatus::OnTrack, Some("2026-01-01"), true), // overdue
            goal("b", GoalStatus::Done, Some("2026-01-01"), true),    // done: not overdue
            goal("c", GoalStatus::AtRisk, None, true),                // no due date
            goal("d", GoalStatus::OffTrack, Some("2026-01-01"), false), // overdue, not mutual
            goal("e", GoalStatus::Dropped, Some("2025-01-01"), true), // dropped
            goal("f", GoalStatus::AtRisk, Some("2026-06-01"), true),  // due on as_of
        ];
        let g = analyse_goals(&e, d("2026-06-01"));
        assert_eq!((g.mutual, g.mutual_on_track), (5, 2));
        assert_eq!(g.mutual_share, Some(0.4));
        let overdue: Vec<_> = g.overdue.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(overdue, vec!["a", "d"]);
    }

    #[test]
    fn no_mutual_goal_is_no_share() {
        let mut e = engagement();
        e.record.goals = vec![goal("a", GoalStatus::OnTrack, None, false)];
        let g = analyse_goals(&e, d("2026-06-01"));
        assert_eq!((g.mutual, g.mutual_share), (0, None));
        assert!(g.overdue.is_empty());
    }
}
