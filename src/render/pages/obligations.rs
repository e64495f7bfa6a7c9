//! The portfolio's obligations on actions.html: every instance overdue or
//! due soon, one table per side, so that what the clients owe is listed as
//! plainly as what the providers owe.

use serde::Serialize;

use crate::analyse::obligations::InstanceState;
use crate::analyse::words::Parties;
use crate::model::Side;
use crate::render::{Input, links};

#[derive(Debug, Serialize)]
pub(super) struct PortfolioObligations {
    /// Whether any engagement records obligations.
    pub any: bool,
    pub overdue: usize,
    pub due_soon: usize,
    /// The providers' side, then the clients'.
    pub sides: Vec<SideLines>,
}

#[derive(Debug, Serialize)]
pub(super) struct SideLines {
    /// "providers", "clients", in the build's language.
    pub heading: String,
    pub lines: Vec<Line>,
}

#[derive(Debug, Serialize)]
pub(super) struct Line {
    pub engagement_name: String,
    /// From the site root: the obligation's row in the engagement's register.
    pub url: String,
    pub title: String,
    pub party: String,
    pub due: String,
    /// The state's key ("overdue", "due-soon").
    pub state: &'static str,
    pub state_words: String,
    pub class: &'static str,
}

pub(super) fn portfolio_obligations(input: &Input) -> PortfolioObligations {
    let mut any = false;
    let mut sides = Vec::new();
    let (mut overdue, mut due_soon) = (0, 0);
    let lang = input.language;
    for (side, heading) in [
        (Side::Provider, "site-owed-by-providers"),
        (Side::Client, "site-owed-by-clients"),
    ] {
        let mut lines = Vec::new();
        for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
            let parties = Parties::of(e);
            any |= !a.obligations.items.is_empty();
            for o in a.obligations.items.iter().filter(|o| o.owner == side) {
                for i in o
                    .instances
                    .iter()
                    .filter(|i| matches!(i.state, InstanceState::Overdue | InstanceState::DueSoon))
                {
                    match i.state {
                        InstanceState::Overdue => overdue += 1,
                        _ => due_soon += 1,
                    }
                    lines.push((
                        i.state,
                        i.due,
                        Line {
                            engagement_name: e.record.name.clone(),
                            url: format!("{}#obligation-{}", links::engagement(&e.id), o.id),
                            title: o.title.clone(),
                            party: parties.name(side).to_string(),
                            due: lang.date(i.due),
                            state: i.state.key(),
                            state_words: lang.word(&format!("site-obligation-{}", i.state.key())),
                            class: i.state.tone().name(),
                        },
                    ));
                }
            }
        }
        // Overdue first, the oldest first; then what is due soonest.
        lines.sort_by(|x, y| {
            (x.0, x.1, &x.2.engagement_name, &x.2.title).cmp(&(
                y.0,
                y.1,
                &y.2.engagement_name,
                &y.2.title,
            ))
        });
        sides.push(SideLines {
            heading: lang.word(heading),
            lines: lines.into_iter().map(|(_, _, l)| l).collect(),
        });
    }
    PortfolioObligations {
        any,
        overdue,
        due_soon,
        sides,
    }
}
