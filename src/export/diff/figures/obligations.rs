//! The obligation figures that moved: each side's on-time record, and each
//! instance whose state changed, appeared or went (an obligation added,
//! removed or moved to other dates), matched by obligation id and due date.

use super::{FigureKind, Moves};
use crate::analyse::obligations::{Obligations, SideRecord};
use crate::export::EngagementFigures;
use crate::model::Side;

fn record(s: &SideRecord) -> Option<String> {
    let rate = s.rate?;
    Some(format!(
        "{} of {} on time ({}), {} late, {} overdue, {} waived",
        s.on_time,
        s.judged,
        crate::format::percent(rate),
        s.late,
        s.overdue,
        s.waived
    ))
}

/// (subject, state) of every instance, in obligation then date order.
fn states(o: &Obligations) -> Vec<(String, String, &'static str)> {
    o.items
        .iter()
        .flat_map(|x| {
            x.instances.iter().map(move |i| {
                (
                    x.id.clone(),
                    format!("{}, due {}", x.title, i.due),
                    i.state.label(),
                )
            })
        })
        .collect()
}

pub(super) fn changes(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    for side in [Side::Provider, Side::Client] {
        m.push(
            FigureKind::Obligations,
            format!("Obligations of the {}", crate::analyse::words::side(side)),
            None,
            record(b.obligations.side(side)),
            record(h.obligations.side(side)),
        );
    }
    let before = states(&b.obligations);
    let after = states(&h.obligations);
    let find = |list: &[(String, String, &'static str)], id: &str, subject: &str| {
        list.iter()
            .find(|(i, s, _)| i == id && s == subject)
            .map(|(_, _, state)| state.to_string())
    };
    for (id, subject, state) in &before {
        m.push(
            FigureKind::Obligation,
            subject.clone(),
            None,
            Some(state.to_string()),
            find(&after, id, subject),
        );
    }
    for (id, subject, state) in &after {
        if find(&before, id, subject).is_none() {
            m.push(
                FigureKind::Obligation,
                subject.clone(),
                None,
                None,
                Some(state.to_string()),
            );
        }
    }
}
