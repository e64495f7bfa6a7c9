//! Portfolio-wide registers: open actions (overdue first) and risks (by exposure).

use crate::analyse::actions::ActionState;
use crate::chart::Chart;
use crate::render::rows::{action_row, risk_row};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts};

pub(crate) fn actions_page(input: &Input) -> PageJob {
    let path = "actions.html".to_string();
    let mut context = base_context(input, &path, "Open actions".into(), "actions", vec![]);
    let mut items: Vec<_> = input
        .portfolio
        .engagements
        .iter()
        .zip(input.analyses)
        .flat_map(|(e, a)| a.actions.items.iter().map(move |x| (e, x)))
        .filter(|(_, x)| matches!(x.state, ActionState::Open | ActionState::Overdue))
        .collect();
    items.sort_by_key(|(e, x)| {
        (
            x.state != ActionState::Overdue,
            x.due.is_none(),
            x.due,
            e.id.clone(),
            x.note_date,
        )
    });
    let overdue = items
        .iter()
        .filter(|(_, x)| x.state == ActionState::Overdue)
        .count();
    let rows: Vec<_> = items
        .iter()
        .map(|(e, x)| action_row(&e.id, &e.record.name, x))
        .collect();
    context.insert("actions", &rows);
    context.insert("overdue", &overdue);
    PageJob {
        path,
        template: "actions.html",
        context,
    }
}

/// Open risks of every engagement in scope, by likelihood and impact.
pub(crate) fn portfolio_risk_map(input: &Input) -> Chart {
    let mut counts = [[0u32; 5]; 5];
    for a in input.analyses {
        for (row, add) in counts.iter_mut().zip(&a.risks.heat_map) {
            for (cell, n) in row.iter_mut().zip(add) {
                *cell += n;
            }
        }
    }
    charts::heat_map("portfolio-risks", "Open risks across the portfolio", counts)
}

pub(crate) fn risks_page(input: &Input) -> PageJob {
    let path = "risks.html".to_string();
    let mut context = base_context(input, &path, "Risks".into(), "risks", vec![]);
    let mut items: Vec<_> = input
        .portfolio
        .engagements
        .iter()
        .zip(input.analyses)
        .flat_map(|(e, a)| a.risks.items.iter().map(move |x| (e, x)))
        .collect();
    items.sort_by(|(ea, a), (eb, b)| {
        (!a.is_open(), std::cmp::Reverse(a.score), &ea.id, &a.id).cmp(&(
            !b.is_open(),
            std::cmp::Reverse(b.score),
            &eb.id,
            &b.id,
        ))
    });
    let open = items.iter().filter(|(_, x)| x.is_open()).count();
    let exposure: u32 = input.analyses.iter().map(|a| a.risks.exposure).sum();
    let rows: Vec<_> = items
        .iter()
        .map(|(e, x)| risk_row(&e.id, &e.record.name, x))
        .collect();
    context.insert("risks", &rows);
    context.insert("open", &open);
    context.insert("exposure", &exposure);
    context.insert("risk_map", &portfolio_risk_map(input));
    PageJob {
        path,
        template: "risks.html",
        context,
    }
}
