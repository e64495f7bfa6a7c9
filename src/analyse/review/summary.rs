//! A review pack's one-page summary: the top three issues, the wins and
//! the decisions needed, each by a rule written in docs/metrics.md
//! ("Review packs"), from the figures at the end of the quarter. Nothing
//! here reads a date after the quarter, so a past pack never changes.

use chrono::NaiveDate;
use serde::Serialize;

use super::Quarter;
use super::grid::{CellStatus, SlaGrid};
use crate::analyse::EngagementAnalysis;
use crate::analyse::actions::ActionState;
use crate::analyse::feedback::{FeedbackItem, FeedbackSource};
use crate::analyse::flags::{FlagKind, Severity};
use crate::analyse::kpi::Judgement;
use crate::analyse::rag::Rag;
use crate::analyse::risk::RiskRating;
use crate::analyse::words::{self, count, with_unit};
use crate::format::{and_list, money};
use crate::model::{Audience, Engagement, FeedbackKind, GoalStatus, Month, NoteKind, Side};

fn internal(a: Option<Audience>) -> bool {
    a != Some(Audience::Shared)
}

/// Issues on the summary page.
pub const TOP_ISSUES: usize = 3;

/// The kinds of issue, in the order issues of one severity are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IssueKind {
    /// SLA KPIs that missed their target in the quarter.
    SlaMisses,
    /// SLA KPIs at or one default short of a chronic failure.
    TerminationRight,
    /// The highest open risk rated high or critical.
    Risk,
    /// Actions overdue at the end of the quarter.
    OverdueActions,
    /// Any other flag at the end of the quarter that is a warning or
    /// critical (overtime, missed check-ins, a perception gap, ...), as
    /// the flag says it.
    Flag,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// From an item the partner does not see (a shared build leaves it out).
    pub internal: bool,
    pub kind: IssueKind,
    pub severity: Severity,
    pub title: String,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WinKind {
    /// A KPI on target in every month of the quarter it was judged.
    TargetMet,
    MilestoneCelebrated,
    GoalDone,
    Celebration,
    Praise,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Win {
    /// From an item the partner does not see (a shared build leaves it out).
    pub internal: bool,
    pub kind: WinKind,
    pub text: String,
}

/// The kinds of decision, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    /// Relief claimed by one side for a month of the quarter, not agreed.
    ReliefClaim,
    /// The contract's notice deadline falls before the end of the next
    /// quarter (or has passed while the contract runs).
    NoticeDeadline,
    /// A KPI the client owns missed or went unreported in the quarter.
    ClientObligation,
    /// An escalation of the quarter with actions still open at its end.
    Escalation,
    /// An expectation one side set that the other has not agreed.
    Expectation,
    /// A goal past its due date, neither done nor dropped.
    GoalOverdue,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// From an item the partner does not see (a shared build leaves it out).
    pub internal: bool,
    pub kind: DecisionKind,
    pub text: String,
}

/// Every candidate issue, most severe first, then by kind; the summary
/// shows the first [`TOP_ISSUES`].
pub fn issues(e: &Engagement, grid: &SlaGrid, a: &EngagementAnalysis) -> Vec<Issue> {
    let mut out: Vec<Issue> = [
        sla_misses(grid, a),
        termination_right(a),
        risk(e, a),
        overdue_actions(e, a),
    ]
    .into_iter()
    .flatten()
    .chain(other_flags(a))
    .collect();
    out.sort_by_key(|i| (i.severity, i.kind));
    out
}

fn note_internal(e: &Engagement, slug: &str) -> bool {
    e.notes
        .iter()
        .find(|n| n.slug == slug)
        .is_some_and(|n| internal(n.meta.audience))
}

/// Whether a feedback item of the analysis came from an internal item.
fn feedback_internal(e: &Engagement, f: &FeedbackItem) -> bool {
    let same =
        |x: &&crate::model::Feedback| x.from == f.from && x.kind == f.kind && x.text == f.text;
    match &f.source {
        FeedbackSource::Period => e
            .periods
            .iter()
            .filter(|p| p.period == f.month)
            .flat_map(|p| p.feedback.iter())
            .find(same)
            .is_some_and(|x| internal(x.audience)),
        FeedbackSource::Note { slug, .. } => {
            e.notes.iter().find(|n| &n.slug == slug).is_some_and(|n| {
                internal(n.meta.audience)
                    || n.meta
                        .feedback
                        .iter()
                        .find(same)
                        .is_some_and(|x| internal(x.audience))
            })
        }
    }
}

fn month_list(months: &[Month]) -> String {
    and_list(&months.iter().map(Month::to_string).collect::<Vec<_>>())
}

fn sla_misses(grid: &SlaGrid, a: &EngagementAnalysis) -> Option<Issue> {
    let missed: Vec<_> = grid
        .rows
        .iter()
        .filter(|r| r.misses().next().is_some())
        .collect();
    if missed.is_empty() {
        return None;
    }
    let any_default = missed.iter().any(|r| {
        let k = a.performance.kpis.iter().find(|k| k.id == r.kpi);
        r.misses()
            .any(|c| k.is_some_and(|k| k.defaults.iter().any(|d| d.month == c.month)))
    });
    let parts: Vec<String> = missed
        .iter()
        .map(|r| {
            let of = |status: CellStatus| -> Vec<Month> {
                r.cells
                    .iter()
                    .filter(|c| c.status == status)
                    .map(|c| c.month)
                    .collect()
            };
            let mut said = Vec::new();
            let breaches = of(CellStatus::Breach);
            if !breaches.is_empty() {
                said.push(format!(
                    "missed the {} target in {}",
                    with_unit(r.target, &r.unit),
                    month_list(&breaches)
                ));
            }
            let defaults = of(CellStatus::Default);
            if !defaults.is_empty() {
                let minimum = r
                    .minimum
                    .map_or_else(String::new, |m| format!(" {}", with_unit(m, &r.unit)));
                said.push(format!(
                    "missed the{minimum} minimum (a default) in {}",
                    month_list(&defaults)
                ));
            }
            format!("{}: {}.", r.name, and_list(&said))
        })
        .collect();
    let cost = grid
        .credits
        .as_ref()
        .and_then(|c| {
            let currency = c.currency.clone().unwrap_or_default();
            match (c.total.amount, c.total.pct_of_fee) {
                (Some(v), _) if v > 0.0 => Some(format!(
                    " Service credits of the quarter: {}.",
                    money(v, &currency)
                )),
                (None, Some(p)) if p > 0.0 => Some(format!(
                    " Service credits of the quarter: {}% of the monthly fee.",
                    words::num(p)
                )),
                _ => None,
            }
        })
        .unwrap_or_default();
    Some(Issue {
        kind: IssueKind::SlaMisses,
        internal: false,
        severity: if any_default {
            Severity::Critical
        } else {
            Severity::Warning
        },
        title: format!(
            "{} of {} missed in the quarter",
            missed.len(),
            count(grid.rows.len(), "SLA")
        ),
        detail: format!("{}{cost}", parts.join(" ")),
    })
}

fn termination_right(a: &EngagementAnalysis) -> Option<Issue> {
    if a.chronic.is_empty() {
        return None;
    }
    let failed: Vec<_> = a.chronic.iter().filter(|c| c.failed).collect();
    let parts: Vec<String> = a
        .chronic
        .iter()
        .filter_map(|c| {
            let defaults = format!("defaults in {}", month_list(&c.defaults));
            if c.failed {
                Some(format!(
                    "{}: chronic failure ({defaults}), the client's termination right applies",
                    c.name
                ))
            } else {
                c.one_more_before.map(|before| {
                    format!(
                        "{}: one more default before {before} gives a termination right ({defaults})",
                        c.name
                    )
                })
            }
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(Issue {
        kind: IssueKind::TerminationRight,
        internal: false,
        severity: if failed.is_empty() {
            Severity::Warning
        } else {
            Severity::Critical
        },
        title: if failed.is_empty() {
            "One default away from a termination right".to_string()
        } else {
            "Chronic failure: a termination right applies".to_string()
        },
        detail: format!("{}.", parts.join("; ")),
    })
}

fn risk(e: &Engagement, a: &EngagementAnalysis) -> Option<Issue> {
    let mut serious: Vec<_> = a
        .risks
        .items
        .iter()
        .filter(|r| r.is_open() && matches!(r.rating, RiskRating::High | RiskRating::Critical))
        .collect();
    serious.sort_by(|x, y| y.score.cmp(&x.score).then(x.id.cmp(&y.id)));
    let top = serious.first()?;
    let mut detail = format!(
        "Rated {} (likelihood {} × impact {} = {}), {}",
        top.rating.label(),
        top.likelihood,
        top.impact,
        top.score,
        words::risk_status(top.status)
    );
    if let Some(m) = &top.mitigation {
        detail.push_str(&format!(": {m}"));
    }
    if let Some(due) = top.due {
        let late = if top.overdue { ", overdue" } else { "" };
        detail.push_str(&format!(" (due {due}{late})"));
    }
    if serious.len() > 1 {
        detail.push_str(&format!(
            "; {} more rated high or critical",
            serious.len() - 1
        ));
    }
    detail.push('.');
    Some(Issue {
        kind: IssueKind::Risk,
        internal: internal(
            e.record
                .risks
                .iter()
                .find(|r| r.id == top.id)
                .and_then(|r| r.audience),
        ),
        severity: if top.rating == RiskRating::Critical {
            Severity::Critical
        } else {
            Severity::Warning
        },
        title: format!("Risk: {}", top.title),
        detail,
    })
}

fn overdue_actions(e: &Engagement, a: &EngagementAnalysis) -> Option<Issue> {
    let mut overdue: Vec<_> = a.actions.overdue_items().collect();
    if overdue.is_empty() {
        return None;
    }
    overdue.sort_by_key(|x| std::cmp::Reverse(x.days_overdue));
    let named: Vec<String> = overdue
        .iter()
        .take(2)
        .map(|x| {
            let due = x.due.map_or_else(String::new, |d| format!(", due {d}"));
            format!("{}{due}", x.text)
        })
        .collect();
    let more = overdue.len().saturating_sub(named.len());
    let tail = if more > 0 {
        format!("; {more} more")
    } else {
        String::new()
    };
    Some(Issue {
        kind: IssueKind::OverdueActions,
        internal: overdue.iter().any(|x| note_internal(e, &x.note_slug)),
        severity: Severity::Warning,
        title: format!("{} overdue", count(overdue.len(), "action")),
        detail: format!("{}{tail}.", named.join("; ")),
    })
}

/// The flags no other issue or decision speaks for.
fn other_flags(a: &EngagementAnalysis) -> impl Iterator<Item = Issue> + '_ {
    a.flags
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .filter(|f| {
            matches!(
                f.kind,
                FlagKind::Overtime
                    | FlagKind::ReviewOverdue
                    | FlagKind::MissingCheckIns
                    | FlagKind::OneSidedFeedback
                    | FlagKind::PerceptionGap
                    | FlagKind::GreenOutsideRedInside
            )
        })
        .map(|f| Issue {
            kind: IssueKind::Flag,
            internal: false,
            severity: f.severity,
            title: f.title.english(),
            detail: sentence(&f.evidence.english()),
        })
}

/// `text` with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let mut out = crate::format::capitalise(text.trim());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// What went well in the quarter, in the order of [`WinKind`].
pub fn wins(e: &Engagement, q: Quarter, grid: &SlaGrid, a: &EngagementAnalysis) -> Vec<Win> {
    let window = q.months();
    let in_quarter = |d: NaiveDate| window.contains_date(d);
    let mut out = Vec::new();
    for k in &a.performance.kpis {
        let judged: Vec<Rag> = k
            .series
            .iter()
            .filter(|p| window.contains(p.month) && !p.in_progress)
            .filter_map(|p| match p.judgement {
                Judgement::Judged(rag) => Some(rag),
                _ => None,
            })
            .collect();
        if judged.is_empty() || judged.iter().any(|r| *r != Rag::Green) {
            continue;
        }
        let sla = grid
            .rows
            .iter()
            .any(|r| r.kpi == k.id && r.met_throughout());
        let months = if judged.len() == 3 {
            "every month of the quarter".to_string()
        } else {
            format!("each of the {} judged", count(judged.len(), "month"))
        };
        out.push(Win {
            kind: WinKind::TargetMet,
            internal: false,
            text: if sla {
                format!("{}: SLA met in {months}", k.name)
            } else {
                format!("{}: on target in {months}", k.name)
            },
        });
    }
    out.extend(
        e.record
            .milestones
            .iter()
            .filter(|m| m.celebrated && in_quarter(m.date))
            .map(|m| Win {
                kind: WinKind::MilestoneCelebrated,
                internal: internal(m.audience),
                text: format!("Milestone celebrated on {}: {}", m.date, m.title),
            }),
    );
    out.extend(
        e.record
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Done && g.due.is_some_and(in_quarter))
            .map(|g| Win {
                kind: WinKind::GoalDone,
                internal: internal(g.audience),
                text: format!("Goal done: {}", g.title),
            }),
    );
    out.extend(
        e.notes
            .iter()
            .filter(|n| n.meta.kind == NoteKind::Celebration && in_quarter(n.meta.date))
            .map(|n| Win {
                kind: WinKind::Celebration,
                internal: internal(n.meta.audience),
                text: format!("Celebrated on {}: {}", n.meta.date, n.meta.title),
            }),
    );
    out.extend(
        a.feedback
            .items
            .iter()
            .filter(|f| window.contains(f.month) && f.kind == FeedbackKind::Praise)
            .map(|f| Win {
                kind: WinKind::Praise,
                internal: feedback_internal(e, f),
                text: format!(
                    "Praise from the {} ({}): {}",
                    words::side(f.from),
                    f.month,
                    f.text
                ),
            }),
    );
    out
}

/// What someone must decide, in the order of [`DecisionKind`].
pub fn decisions(e: &Engagement, q: Quarter, a: &EngagementAnalysis) -> Vec<Decision> {
    let window = q.months();
    let mut out = Vec::new();
    let kpi_name = |id: &str| e.kpi(id).map_or(id.to_string(), |k| k.name.clone());
    for p in e.periods.iter().filter(|p| window.contains(p.period)) {
        for x in p.excused.iter().filter(|x| !x.agreed) {
            out.push(Decision {
                kind: DecisionKind::ReliefClaim,
                internal: false,
                text: format!(
                    "Agree or reject the relief claimed for {} in {}: {}",
                    kpi_name(&x.kpi),
                    p.period,
                    x.reason
                ),
            });
        }
    }
    if let Some(c) = &a.contract {
        let horizon = q.next().months().last_day();
        if let Some(deadline) = c.notice_deadline {
            if c.days_to_end >= 0 && deadline <= horizon {
                let text = if deadline < a.as_of {
                    format!(
                        "The notice deadline passed on {deadline}: agree what happens when the contract ends on {}",
                        c.end
                    )
                } else {
                    format!(
                        "Renew, renegotiate or give notice by {deadline} (the contract ends on {})",
                        c.end
                    )
                };
                out.push(Decision {
                    kind: DecisionKind::NoticeDeadline,
                    internal: false,
                    text,
                });
            }
        }
    }
    let client = &e.record.client.name;
    for k in a
        .performance
        .kpis
        .iter()
        .filter(|k| k.owner == Side::Client)
    {
        let months: Vec<_> = k
            .series
            .iter()
            .filter(|p| window.contains(p.month) && !p.in_progress)
            .collect();
        let missed: Vec<String> = months
            .iter()
            .filter(|p| matches!(p.judgement, Judgement::Judged(r) if r.is_miss()))
            .filter_map(|p| {
                p.value
                    .map(|v| format!("{} in {}", with_unit(v, &k.unit), p.month))
            })
            .collect();
        let unreported: Vec<Month> = months
            .iter()
            .filter(|p| p.judgement == Judgement::NotReported)
            .map(|p| p.month)
            .collect();
        let mut said = Vec::new();
        if !missed.is_empty() {
            said.push(format!(
                "at {} against a target of {}",
                and_list(&missed),
                with_unit(k.target, &k.unit)
            ));
        }
        if !unreported.is_empty() {
            said.push(format!("not reported in {}", month_list(&unreported)));
        }
        if !said.is_empty() {
            out.push(Decision {
                kind: DecisionKind::ClientObligation,
                internal: false,
                text: format!(
                    "What {client} owes: {} {}",
                    lower_first(&k.name),
                    said.join("; ")
                ),
            });
        }
    }
    for n in e
        .notes
        .iter()
        .filter(|n| n.meta.kind == NoteKind::Escalation && window.contains_date(n.meta.date))
    {
        let open = a
            .actions
            .items
            .iter()
            .filter(|x| x.note_slug == n.slug)
            .filter(|x| matches!(x.state, ActionState::Open | ActionState::Overdue))
            .count();
        if open > 0 {
            out.push(Decision {
                kind: DecisionKind::Escalation,
                internal: internal(n.meta.audience),
                text: format!(
                    "Close the escalation of {} ({}): {} still open",
                    n.meta.date,
                    n.meta.title,
                    count(open, "action")
                ),
            });
        }
    }
    for x in e.record.expectations.iter().filter(|x| !x.agreed) {
        out.push(Decision {
            kind: DecisionKind::Expectation,
            internal: internal(x.audience),
            text: format!(
                "Agree or drop the {}'s expectation: {}",
                words::side(x.set_by),
                x.text
            ),
        });
    }
    for g in &a.goals.overdue {
        let due = g.due.map_or_else(String::new, |d| format!("due {d}, "));
        out.push(Decision {
            kind: DecisionKind::GoalOverdue,
            internal: internal(
                e.record
                    .goals
                    .iter()
                    .find(|x| x.id == g.id)
                    .and_then(|x| x.audience),
            ),
            text: format!(
                "Re-plan or drop the goal: {} ({due}{})",
                g.title,
                words::goal_status(g.status)
            ),
        });
    }
    out
}

/// "Weekly volume forecast ..." reads as part of a sentence; a name that
/// starts with an acronym ("SLA ...", "CSAT") keeps its capitals.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}
