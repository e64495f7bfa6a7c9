//! Portfolio-wide registers of actions and risks, one section per engagement
//! (open items first, closed ones collapsed), and the choices of the filters
//! that the theme's `registers.js` shows.
//!
//! actions.html must stay small at portfolio scale (docs/performance.md,
//! "Registers at 100 engagements"): an action's line carries only its words,
//! owner and dates; its note is one click away on the engagement's page.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::analyse::actions::{ActionItem, ActionState};
use crate::analyse::risk::RiskItem;
use crate::chart::Chart;
use crate::model::Engagement;
use crate::render::language::Language;
use crate::render::rows::{RiskRow, risk_row};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, links};

/// One action as the portfolio register lists it.
#[derive(Debug, Serialize)]
struct Line {
    text: String,
    /// Empty when the item names none.
    owner: String,
    due: String,
    /// The date of the note it was agreed in.
    agreed: String,
}

fn line(x: &ActionItem, lang: &Language) -> Line {
    Line {
        text: x.task.clone(),
        owner: x.owner.clone().unwrap_or_default(),
        due: x.due.map(|d| lang.date(d)).unwrap_or_default(),
        agreed: lang.date(x.note_date),
    }
}

/// An engagement's part of the actions register.
#[derive(Debug, Serialize)]
struct ActionSection {
    id: String,
    name: String,
    /// From the site root: the engagement page's actions, each with its note.
    url: String,
    overdue: Vec<Line>,
    /// The colour of "N overdue" (`ActionState::tone`).
    overdue_class: &'static str,
    /// Open and not yet due (or without a due date).
    open: Vec<Line>,
    closed: Vec<Line>,
}

/// An engagement the register has nothing to list for.
#[derive(Debug, Serialize)]
struct Quiet {
    name: String,
    url: String,
}

#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// The values each filter offers: only those some row has.
#[derive(Debug, Serialize)]
struct Filters {
    /// What the register lists: "actions", "risks", in the build's language.
    noun: String,
    engagements: Vec<Choice>,
    owners: Vec<String>,
    /// The states a row's `data-state` may hold, with their words.
    states: Vec<Choice>,
}

fn choices(states: &[(&str, &str)], lang: &Language) -> Vec<Choice> {
    states
        .iter()
        .map(|(value, label)| Choice {
            value: value.to_string(),
            label: lang.word(label),
        })
        .collect()
}

fn engagement_choices<'a>(sections: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Choice> {
    let mut v: Vec<Choice> = sections
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name.to_string(),
        })
        .collect();
    v.sort_by(|a, b| (&a.label, &a.value).cmp(&(&b.label, &b.value)));
    v
}

fn action_section(e: &Engagement, items: &[ActionItem], lang: &Language) -> ActionSection {
    let pick = |keep: fn(&ActionItem) -> bool| -> Vec<&ActionItem> {
        items.iter().filter(|x| keep(x)).collect()
    };
    let mut overdue = pick(|x| x.state == ActionState::Overdue);
    overdue.sort_by_key(|x| (x.due, x.note_date));
    let mut open = pick(|x| x.state == ActionState::Open);
    open.sort_by_key(|x| (x.due.is_none(), x.due, x.note_date));
    // Only those closed in the last 90 days, as on the engagement page.
    let mut closed = pick(|x| x.state == ActionState::ClosedRecently);
    closed.sort_by_key(|x| std::cmp::Reverse(x.note_date));
    let lines = |v: Vec<&ActionItem>| v.into_iter().map(|x| line(x, lang)).collect();
    ActionSection {
        id: e.id.clone(),
        name: e.record.name.clone(),
        url: format!("{}#actions", links::engagement(&e.id)),
        overdue: lines(overdue),
        overdue_class: ActionState::Overdue.tone().name(),
        open: lines(open),
        closed: lines(closed),
    }
}

pub(crate) fn actions_page(input: &Input) -> PageJob {
    let path = "actions.html".to_string();
    let lang = input.language;
    let mut context = base_context(input, &path, lang.word("nav-actions"), "actions", vec![]);
    let mut sections = Vec::new();
    let mut quiet = Vec::new();
    for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
        let s = action_section(e, &a.actions.items, lang);
        if s.overdue.is_empty() && s.open.is_empty() && s.closed.is_empty() {
            quiet.push(Quiet {
                name: s.name,
                url: links::engagement(&e.id),
            });
        } else {
            sections.push(s);
        }
    }
    // Most overdue first: where someone has to chase.
    sections.sort_by(|a, b| {
        (b.overdue.len(), b.open.len(), &a.name, &a.id).cmp(&(
            a.overdue.len(),
            a.open.len(),
            &b.name,
            &b.id,
        ))
    });
    let owners: BTreeSet<&str> = sections
        .iter()
        .flat_map(|s| s.overdue.iter().chain(&s.open).chain(&s.closed))
        .map(|l| l.owner.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    let filters = Filters {
        noun: lang.word("site-noun-actions"),
        engagements: engagement_choices(sections.iter().map(|s| (s.id.as_str(), s.name.as_str()))),
        owners: owners.into_iter().map(str::to_string).collect(),
        states: choices(
            &[
                ("open", "site-state-open-overdue-included"),
                ("overdue", "site-state-overdue"),
                ("closed", "site-state-closed-90-days"),
            ],
            lang,
        ),
    };
    // Thousands at portfolio scale: "3,011".
    let count = |f: fn(&ActionSection) -> usize| {
        lang.number(sections.iter().map(f).sum::<usize>() as f64, 0)
    };
    context.insert("overdue", &count(|s| s.overdue.len()));
    context.insert("open", &count(|s| s.overdue.len() + s.open.len()));
    context.insert("closed", &count(|s| s.closed.len()));
    context.insert("sections", &sections);
    context.insert("quiet", &quiet);
    context.insert("filters", &filters);
    context.insert(
        "obligations",
        &super::obligations::portfolio_obligations(input),
    );
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
    let lang = input.language;
    let title = lang.word("chart-portfolio-risk-map-title");
    charts::heat_map("portfolio-risks", &title, counts, lang)
}

/// An engagement's part of the risk register.
#[derive(Debug, Serialize)]
struct RiskSection {
    id: String,
    name: String,
    url: String,
    exposure: u32,
    /// Open and mitigating, by exposure.
    open: Vec<RiskRow>,
    closed: Vec<RiskRow>,
}

pub(crate) fn risks_page(input: &Input) -> PageJob {
    let path = "risks.html".to_string();
    let lang = input.language;
    let mut context = base_context(input, &path, lang.word("nav-risks"), "risks", vec![]);
    let mut sections = Vec::new();
    let mut quiet = Vec::new();
    for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
        if a.risks.items.is_empty() {
            quiet.push(Quiet {
                name: e.record.name.clone(),
                url: links::engagement(&e.id),
            });
            continue;
        }
        let mut items: Vec<&RiskItem> = a.risks.items.iter().collect();
        items.sort_by(|a, b| {
            (std::cmp::Reverse(a.score), &a.id).cmp(&(std::cmp::Reverse(b.score), &b.id))
        });
        let rows = |open: bool| {
            items
                .iter()
                .filter(|x| x.is_open() == open)
                .map(|x| risk_row(&e.id, &e.record.name, x, input.language))
                .collect()
        };
        sections.push(RiskSection {
            id: e.id.clone(),
            name: e.record.name.clone(),
            url: format!("{}#risks", links::engagement(&e.id)),
            exposure: a.risks.exposure,
            open: rows(true),
            closed: rows(false),
        });
    }
    sections.sort_by(|a, b| {
        (b.exposure, b.open.len(), &a.name, &a.id).cmp(&(a.exposure, a.open.len(), &b.name, &b.id))
    });
    let owners: BTreeSet<&str> = sections
        .iter()
        .flat_map(|s| s.open.iter().chain(&s.closed))
        .map(|r| r.owner.as_str())
        .collect();
    let filters = Filters {
        noun: lang.word("site-noun-risks"),
        engagements: engagement_choices(sections.iter().map(|s| (s.id.as_str(), s.name.as_str()))),
        owners: owners.into_iter().map(str::to_string).collect(),
        states: choices(
            &[
                ("open", "site-state-open-or-mitigating"),
                ("mitigating", "site-state-mitigating"),
                ("overdue", "site-state-past-due"),
                ("closed", "site-state-closed"),
            ],
            lang,
        ),
    };
    let open: usize = sections.iter().map(|s| s.open.len()).sum();
    let overdue = sections
        .iter()
        .flat_map(|s| &s.open)
        .filter(|r| r.overdue)
        .count();
    let exposure: u32 = input.analyses.iter().map(|a| a.risks.exposure).sum();
    context.insert("sections", &sections);
    context.insert("quiet", &quiet);
    context.insert("filters", &filters);
    context.insert("open", &lang.number(open as f64, 0));
    context.insert("overdue", &overdue);
    context.insert(
        "closed",
        &sections.iter().map(|s| s.closed.len()).sum::<usize>(),
    );
    context.insert("exposure", &exposure);
    context.insert("risk_map", &portfolio_risk_map(input));
    PageJob {
        path,
        template: "risks.html",
        context,
    }
}
