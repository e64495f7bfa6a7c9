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
use crate::analyse::words;
use crate::model::{Audience, Engagement, FeedbackKind, GoalStatus, Month, NoteKind, Side};
use crate::text::{Arg, Text};

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
    pub title: Text,
    pub detail: Text,
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
    pub text: Text,
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
    pub text: Text,
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

/// Months as English has always listed them here (`2026-07 and 2026-08`):
/// the argument `months`, and as a sentence names them for languages that
/// write them out: `months_named`.
fn with_months(t: Text, months: &[Month]) -> Text {
    t.with(
        "months",
        Arg::List(months.iter().map(|m| Arg::Plain(m.to_string())).collect()),
    )
    .with(
        "months_named",
        Arg::Months(months.iter().map(|m| (*m, None)).collect()),
    )
}

/// A month as English writes it here (`2026-08`, argument `month`) and
/// named (`month_named`).
fn with_month(t: Text, month: Month) -> Text {
    t.with("month", month.to_string())
        .with("month_named", month)
}

/// A value with its unit, written by the language.
fn value(v: f64, unit: &str) -> Arg {
    Arg::Value(v, unit.to_string())
}

/// Texts one after the other, joined by the message `join` (`{ $a }; { $b }`).
fn joined(join: &'static str, parts: Vec<Text>) -> Text {
    let mut parts = parts.into_iter();
    let first = parts.next().unwrap_or_else(|| plain(""));
    parts.fold(first, |a, b| Text::new(join).with("a", a).with("b", b))
}

/// Words from elsewhere (a flag's title) as they are.
fn plain(text: &str) -> Text {
    Text::new("gov-plain").with("text", text)
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
    let mut parts: Vec<Text> = missed
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
                said.push(Arg::from(with_months(
                    Text::new("gov-review-missed-target").with("target", value(r.target, &r.unit)),
                    &breaches,
                )));
            }
            let defaults = of(CellStatus::Default);
            if !defaults.is_empty() {
                let t = match r.minimum {
                    Some(m) => {
                        Text::new("gov-review-missed-minimum-of").with("minimum", value(m, &r.unit))
                    }
                    None => Text::new("gov-review-missed-minimum"),
                };
                said.push(Arg::from(with_months(t, &defaults)));
            }
            Text::new("gov-review-sla-row")
                .with("name", &r.name)
                .with("said", Arg::List(said))
        })
        .collect();
    let cost = grid.credits.as_ref().and_then(|c| {
        let currency = c.currency.clone().unwrap_or_default();
        match (c.total.amount, c.total.pct_of_fee) {
            (Some(v), _) if v > 0.0 => {
                Some(Text::new("gov-review-credits").with("amount", Arg::Money(v, currency)))
            }
            (None, Some(p)) if p > 0.0 => {
                Some(Text::new("gov-review-credits-share").with("share", Arg::Number(p, 2)))
            }
            _ => None,
        }
    });
    parts.extend(cost);
    Some(Issue {
        kind: IssueKind::SlaMisses,
        internal: false,
        severity: if any_default {
            Severity::Critical
        } else {
            Severity::Warning
        },
        title: Text::new("gov-review-sla-title")
            .with("missed", missed.len())
            .with("count", grid.rows.len()),
        detail: joined("gov-join-space", parts),
    })
}

fn termination_right(a: &EngagementAnalysis) -> Option<Issue> {
    if a.chronic.is_empty() {
        return None;
    }
    let failed: Vec<_> = a.chronic.iter().filter(|c| c.failed).collect();
    let parts: Vec<Text> = a
        .chronic
        .iter()
        .filter_map(|c| {
            if c.failed {
                Some(with_months(
                    Text::new("gov-review-chronic").with("kpi", &c.name),
                    &c.defaults,
                ))
            } else {
                c.one_more_before.map(|before| {
                    with_months(
                        Text::new("gov-review-one-more-default")
                            .with("kpi", &c.name)
                            .with("before", before.to_string())
                            .with("before_named", before),
                        &c.defaults,
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
        title: Text::new(if failed.is_empty() {
            "gov-review-termination-near"
        } else {
            "gov-review-termination-applies"
        }),
        detail: Text::new("gov-sentence").with("text", joined("gov-join-semicolon", parts)),
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
    let none = || Arg::Plain(String::new());
    let detail = Text::new("gov-review-risk-detail")
        .with("rating", crate::analyse::attention::rating_text(top.rating))
        .with("likelihood", top.likelihood.to_string())
        .with("impact", top.impact.to_string())
        .with("score", top.score.to_string())
        // words.rs writes the status (English until it has ids).
        .with("status", words::risk_status_text(top.status))
        .with(
            "mitigation",
            top.mitigation.as_ref().map_or_else(none, |m| {
                Text::new("gov-review-risk-mitigation")
                    .with("text", m)
                    .into()
            }),
        )
        .with(
            "due",
            top.due.map_or_else(none, |due| {
                Text::new(if top.overdue {
                    "gov-review-risk-due-overdue"
                } else {
                    "gov-review-risk-due"
                })
                .with("due", due)
                .into()
            }),
        )
        .with(
            "more",
            if serious.len() > 1 {
                Text::new("gov-review-risk-more")
                    .with("count", serious.len() - 1)
                    .into()
            } else {
                none()
            },
        );
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
        title: Text::new("gov-review-risk-title").with("title", &top.title),
        detail,
    })
}

fn overdue_actions(e: &Engagement, a: &EngagementAnalysis) -> Option<Issue> {
    let mut overdue: Vec<_> = a.actions.overdue_items().collect();
    if overdue.is_empty() {
        return None;
    }
    overdue.sort_by_key(|x| std::cmp::Reverse(x.days_overdue));
    let mut named: Vec<Text> = overdue
        .iter()
        .take(2)
        .map(|x| match x.due {
            Some(d) => Text::new("gov-review-action-due")
                .with("text", &x.text)
                .with("due", d),
            None => plain(&x.text),
        })
        .collect();
    let more = overdue.len().saturating_sub(named.len());
    if more > 0 {
        named.push(Text::new("gov-review-more").with("count", more));
    }
    Some(Issue {
        kind: IssueKind::OverdueActions,
        internal: overdue.iter().any(|x| note_internal(e, &x.note_slug)),
        severity: Severity::Warning,
        title: Text::new("gov-review-actions-title").with("count", overdue.len()),
        detail: Text::new("gov-sentence").with("text", joined("gov-join-semicolon", named)),
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
            title: f.title.clone(),
            detail: Text::new("gov-plain")
                .with("text", Arg::Sentence(Box::new(f.evidence.clone()))),
        })
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
            Text::new("gov-review-every-month")
        } else {
            Text::new("gov-review-each-judged").with("count", judged.len())
        };
        out.push(Win {
            kind: WinKind::TargetMet,
            internal: false,
            text: Text::new(if sla {
                "gov-review-win-sla-met"
            } else {
                "gov-review-win-on-target"
            })
            .with("kpi", &k.name)
            .with("months", months),
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
                text: Text::new("gov-review-win-milestone")
                    .with("date", m.date)
                    .with("title", &m.title),
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
                text: Text::new("gov-review-win-goal").with("title", &g.title),
            }),
    );
    out.extend(
        e.notes
            .iter()
            .filter(|n| n.meta.kind == NoteKind::Celebration && in_quarter(n.meta.date))
            .map(|n| Win {
                kind: WinKind::Celebration,
                internal: internal(n.meta.audience),
                text: Text::new("gov-review-win-celebrated")
                    .with("date", n.meta.date)
                    .with("title", &n.meta.title),
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
                text: with_month(
                    Text::new("gov-review-win-praise")
                        // words.rs names the side (English until it has ids).
                        .with("side", words::side(f.from))
                        .with("text", &f.text),
                    f.month,
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
                text: with_month(
                    Text::new("gov-review-decide-relief")
                        .with("kpi", kpi_name(&x.kpi))
                        .with("reason", &x.reason),
                    p.period,
                ),
            });
        }
    }
    if let Some(c) = &a.contract {
        let horizon = q.next().months().last_day();
        if let Some(deadline) = c.notice_deadline
            && c.days_to_end >= 0
            && deadline <= horizon
        {
            let text = Text::new(if deadline < a.as_of {
                "gov-review-decide-notice-passed"
            } else {
                "gov-review-decide-notice"
            })
            .with("deadline", deadline)
            .with("end", c.end);
            out.push(Decision {
                kind: DecisionKind::NoticeDeadline,
                internal: false,
                text,
            });
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
        let missed: Vec<(Month, f64)> = months
            .iter()
            .filter(|p| matches!(p.judgement, Judgement::Judged(r) if r.is_miss()))
            .filter_map(|p| p.value.map(|v| (p.month, v)))
            .collect();
        let unreported: Vec<Month> = months
            .iter()
            .filter(|p| p.judgement == Judgement::NotReported)
            .map(|p| p.month)
            .collect();
        let mut said = Vec::new();
        if !missed.is_empty() {
            said.push(
                Text::new("gov-review-at-against")
                    .with(
                        "values",
                        Arg::List(
                            missed
                                .iter()
                                .map(|(m, v)| {
                                    with_month(
                                        Text::new("gov-review-value-in")
                                            .with("value", value(*v, &k.unit)),
                                        *m,
                                    )
                                    .into()
                                })
                                .collect(),
                        ),
                    )
                    // `64.7% in August and 61.3% in September 2026`.
                    .with(
                        "values_named",
                        Arg::Months(
                            missed
                                .iter()
                                .map(|(m, v)| (*m, Some(value(*v, &k.unit))))
                                .collect(),
                        ),
                    )
                    .with("target", value(k.target, &k.unit)),
            );
        }
        if !unreported.is_empty() {
            said.push(with_months(
                Text::new("gov-review-not-reported-in"),
                &unreported,
            ));
        }
        if !said.is_empty() {
            out.push(Decision {
                kind: DecisionKind::ClientObligation,
                internal: false,
                text: Text::new("gov-review-decide-client-owes")
                    .with("client", client)
                    .with("kpi", lower_first(&k.name))
                    .with("kpi_name", &k.name)
                    .with("said", joined("gov-join-semicolon", said)),
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
                text: Text::new("gov-review-decide-escalation")
                    .with("date", n.meta.date)
                    .with("title", &n.meta.title)
                    .with("count", open),
            });
        }
    }
    for x in e.record.expectations.iter().filter(|x| !x.agreed) {
        out.push(Decision {
            kind: DecisionKind::Expectation,
            internal: internal(x.audience),
            // words.rs names the side (English until it has ids).
            text: Text::new("gov-review-decide-expectation")
                .with("side", words::side(x.set_by))
                .with("text", &x.text),
        });
    }
    for g in &a.goals.overdue {
        let due = g.due.map_or_else(
            || Arg::Plain(String::new()),
            |d| Text::new("gov-review-goal-due").with("due", d).into(),
        );
        out.push(Decision {
            kind: DecisionKind::GoalOverdue,
            internal: internal(
                e.record
                    .goals
                    .iter()
                    .find(|x| x.id == g.id)
                    .and_then(|x| x.audience),
            ),
            text: Text::new("gov-review-decide-goal")
                .with("title", &g.title)
                .with("due", due)
                .with("status", words::goal_status_text(g.status)),
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
