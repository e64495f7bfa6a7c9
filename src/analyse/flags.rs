//! Flags: the one list of things that need someone's attention in an
//! engagement, each with its severity and its evidence in words, gathered
//! from the figures the other modules computed.

use serde::Serialize;

use super::EngagementAnalysis;
use super::actions::ActionItem;
use super::contract::NoticeState;
use super::kpi::{KpiAnalysis, SCORE_MONTHS};
use super::rag::Rag;
use super::risk::RiskRating;
use super::trust::gap_wording;
use super::window::{MonthWindow, SERIES_MONTHS};
use super::words::{self, count, num, pct, with_unit};
use crate::model::{Engagement, Month};

/// Overdue actions named in a flag's evidence; the rest are counted.
const ACTIONS_NAMED: usize = 3;

/// The kinds of flag, in the order flags of one severity are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    SlaBreach,
    ReliefNotAgreed,
    FiguresDisputed,
    FiguresNotAgreed,
    ServiceCredits,
    ChronicFailure,
    NoticeDeadline,
    RiskOverdue,
    Overtime,
    ExpectationsNotAgreed,
    ReviewOverdue,
    MissingCheckIns,
    OneSidedFeedback,
    PerceptionGap,
    GoalOverdue,
    ActionsOverdue,
    NoCelebration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    Warning,
    Info,
}

impl Severity {
    /// Lowercase name, for CSS classes and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub severity: Severity,
    pub title: String,
    pub evidence: String,
    /// The id of the KPI, risk or goal the flag is about, if it is about one.
    pub subject: Option<String>,
}

fn flag(kind: FlagKind, severity: Severity, title: String, evidence: String) -> Flag {
    Flag {
        kind,
        severity,
        title,
        evidence,
        subject: None,
    }
}

/// Every flag of the engagement, most severe first, then by kind.
pub fn collect(e: &Engagement, a: &EngagementAnalysis) -> Vec<Flag> {
    let recent = MonthWindow::last_months(a.as_of, SCORE_MONTHS);
    let mut flags: Vec<Flag> = a
        .performance
        .kpis
        .iter()
        .filter_map(|k| sla_breach(k, recent))
        .collect();
    flags.extend(relief_not_agreed(e, a));
    flags.extend(super::sign_off::flags(&a.sign_off, a.as_of));
    flags.extend(service_credits(a));
    flags.extend(at_risk_credits(a));
    flags.extend(chronic(a));
    flags.extend(notice(a));
    flags.extend(risks(a));
    flags.extend(overtime(a, recent));
    flags.extend(expectations(e));
    flags.extend(cadence(a));
    flags.extend(feedback(a));
    flags.extend(perception(a));
    flags.extend(goals(a));
    flags.extend(actions(a));
    flags.extend(celebration(a));
    flags.sort_by_key(|f| (f.severity, f.kind));
    flags
}

/// An SLA KPI that missed its target in the last 3 months; critical if red.
fn sla_breach(k: &KpiAnalysis, recent: MonthWindow) -> Option<Flag> {
    let misses: Vec<_> = k
        .breaches
        .iter()
        .filter(|b| recent.contains(b.month))
        .collect();
    if misses.is_empty() {
        return None;
    }
    let severity = if misses.iter().any(|b| b.status == Rag::Red) {
        Severity::Critical
    } else {
        Severity::Warning
    };
    // A month judged against another target than the one shown names it.
    let target_in = |month| {
        k.series
            .iter()
            .find(|p| p.month == month && !p.in_progress)
            .map_or(k.target, |p| p.terms.target)
    };
    let months: Vec<String> = misses
        .iter()
        .map(|b| {
            let target = target_in(b.month);
            let other = if target == k.target {
                String::new()
            } else {
                format!(", target {}", with_unit(target, &k.unit))
            };
            format!(
                "{} ({}, {}{other})",
                b.month,
                with_unit(b.value, &k.unit),
                b.status.as_str()
            )
        })
        .collect();
    Some(Flag {
        subject: Some(k.id.clone()),
        ..flag(
            FlagKind::SlaBreach,
            severity,
            format!("SLA missed: {}", k.name),
            format!(
                "missed in {} against a target of {} ({} obligation)",
                months.join(", "),
                with_unit(k.target, &k.unit),
                words::side(k.owner)
            ),
        )
    })
}

/// Each excuse claimed and not agreed (`agreed: false`) for a KPI in a
/// month of the chart series (the last 12 months and the month in
/// progress): it changes no figure, and someone has to agree or drop it.
fn relief_not_agreed(e: &Engagement, a: &EngagementAnalysis) -> Vec<Flag> {
    let months = MonthWindow {
        first: Month::of(a.as_of).plus(-(SERIES_MONTHS as i32)),
        last: Month::of(a.as_of),
    };
    e.periods
        .iter()
        .filter(|p| months.contains(p.period))
        .flat_map(|p| p.excused.iter().map(move |x| (p.period, x)))
        .filter(|(_, x)| !x.agreed)
        .map(|(month, x)| {
            let name = e.kpi(&x.kpi).map_or(x.kpi.as_str(), |k| k.name.as_str());
            Flag {
                subject: Some(x.kpi.clone()),
                ..flag(
                    FlagKind::ReliefNotAgreed,
                    Severity::Warning,
                    format!("Relief claimed, not agreed: {name}"),
                    format!("{name} in {month}: {}", x.reason),
                )
            }
        })
        .collect()
}

fn service_credits(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.credits.as_ref().filter(|c| c.total_pct > 0.0)?;
    let months: Vec<String> = c
        .months_with_credits()
        .map(|m| format!("{} {}%", m.month, num(m.pct)))
        .collect();
    let amount = c.total_amount.map_or(String::new(), |x| {
        format!(
            " = {}",
            crate::format::money(x, c.currency.as_deref().unwrap_or(""))
        )
    });
    Some(flag(
        FlagKind::ServiceCredits,
        Severity::Warning,
        "Service credits due".to_string(),
        format!(
            "{}% of the monthly fee over the last 12 months{amount}: {}",
            num(c.total_pct),
            months.join(", ")
        ),
    ))
}

fn at_risk_credits(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.at_risk.as_ref().filter(|c| c.accrued > 0.0)?;
    let money = |x: f64| crate::format::money(x, c.currency.as_deref().unwrap_or(""));
    let months: Vec<String> = c
        .months
        .iter()
        .filter(|m| m.accrued > 0.0)
        .map(|m| format!("{} {}", m.month, money(m.accrued)))
        .collect();
    Some(flag(
        FlagKind::ServiceCredits,
        Severity::Warning,
        "Service credits due".to_string(),
        format!(
            "{} accrued over the last 12 months ({} payable, {} pending earn-back, {} earned \
             back): {}",
            money(c.accrued),
            money(c.payable),
            money(c.pending),
            money(c.earned_back),
            months.join(", ")
        ),
    ))
}

/// An SLA KPI in chronic failure (critical), or one default short of it.
fn chronic(a: &EngagementAnalysis) -> Vec<Flag> {
    a.chronic
        .iter()
        .map(|c| {
            let months: Vec<String> = c.defaults.iter().map(|m| m.to_string()).collect();
            let months = crate::format::and_list(&months);
            let (severity, title, evidence) = match c.one_more_before {
                None => (
                    Severity::Critical,
                    format!("Chronic failure: {}", c.name),
                    format!(
                        "chronic failure: {} defaulted in {months}; the contract's termination \
                         right applies",
                        c.name
                    ),
                ),
                Some(before) => (
                    Severity::Warning,
                    format!("One default from chronic failure: {}", c.name),
                    format!(
                        "one more default of {} before {before} gives a termination right \
                         (defaults in {months})",
                        c.name
                    ),
                ),
            };
            Flag {
                subject: Some(c.kpi.clone()),
                ..flag(FlagKind::ChronicFailure, severity, title, evidence)
            }
        })
        .collect()
}

fn notice(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.contract.as_ref().filter(|c| c.flagged)?;
    let (deadline, days) = c.notice_deadline.zip(c.days_to_deadline)?;
    let (severity, title, when) = match c.notice {
        NoticeState::Past => (
            Severity::Critical,
            "Renewal notice deadline passed",
            format!("{} days ago", -days),
        ),
        _ => (
            Severity::Warning,
            "Renewal notice deadline near",
            format!("in {} days", days),
        ),
    };
    Some(flag(
        FlagKind::NoticeDeadline,
        severity,
        title.to_string(),
        format!("notice due {deadline}, {when}; the contract ends {}", c.end),
    ))
}

/// Each overdue mitigation; critical for a high or critical risk.
fn risks(a: &EngagementAnalysis) -> Vec<Flag> {
    a.risks
        .items
        .iter()
        .filter(|r| r.overdue)
        .map(|r| Flag {
            subject: Some(r.id.clone()),
            ..flag(
                FlagKind::RiskOverdue,
                if r.rating >= RiskRating::High {
                    Severity::Critical
                } else {
                    Severity::Warning
                },
                format!("Risk mitigation overdue: {}", r.title),
                format!(
                    "due {}, {} × {} = {} ({}), still {}",
                    r.due.map(|d| d.to_string()).unwrap_or_default(),
                    r.likelihood,
                    r.impact,
                    r.score,
                    r.rating.label(),
                    words::risk_status(r.status)
                ),
            )
        })
        .collect()
}

/// Months of the last 3 whose overtime is over the limit.
fn overtime(a: &EngagementAnalysis, recent: MonthWindow) -> Option<Flag> {
    let w = &a.workload;
    let months: Vec<String> = w
        .flagged_months()
        .filter(|m| recent.contains(m.month))
        .filter_map(|m| Some(format!("{} {}", m.month, pct(m.ratio?))))
        .collect();
    if months.is_empty() {
        return None;
    }
    Some(flag(
        FlagKind::Overtime,
        Severity::Warning,
        "Overtime over the limit".to_string(),
        format!(
            "overtime beyond capacity in {} against a {} limit",
            months.join(", "),
            pct(w.limit)
        ),
    ))
}

fn expectations(e: &Engagement) -> Option<Flag> {
    let unagreed: Vec<String> = e
        .record
        .expectations
        .iter()
        .filter(|x| !x.agreed)
        .map(|x| format!("{} (set by the {})", x.text, words::side(x.set_by)))
        .collect();
    if unagreed.is_empty() {
        return None;
    }
    Some(flag(
        FlagKind::ExpectationsNotAgreed,
        Severity::Warning,
        format!("{} not agreed", count(unagreed.len(), "expectation")),
        unagreed.join("; "),
    ))
}

fn cadence(a: &EngagementAnalysis) -> Vec<Flag> {
    let c = &a.communication;
    let mut flags = Vec::new();
    if c.review_overdue {
        flags.push(flag(
            FlagKind::ReviewOverdue,
            Severity::Warning,
            "Review overdue".to_string(),
            c.review_wording(),
        ));
    }
    if let Some(expected) = c.expected.filter(|x| c.held < *x) {
        flags.push(flag(
            FlagKind::MissingCheckIns,
            if c.held == 0 {
                Severity::Critical
            } else {
                Severity::Warning
            },
            "Missing check-ins".to_string(),
            format!(
                "{} of {} held in the last {} days",
                c.held,
                count(expected, "expected check-in"),
                super::cadence::WINDOW_DAYS
            ),
        ));
    }
    flags
}

fn feedback(a: &EngagementAnalysis) -> Option<Flag> {
    let f = &a.feedback;
    if !f.one_sided {
        return None;
    }
    Some(flag(
        FlagKind::OneSidedFeedback,
        Severity::Warning,
        "One-sided feedback".to_string(),
        f.reasons().remove(0),
    ))
}

fn perception(a: &EngagementAnalysis) -> Option<Flag> {
    let gaps: Vec<String> = a.trust.flagged().map(gap_wording).collect();
    let month = a.trust.month?;
    if gaps.is_empty() {
        return None;
    }
    Some(flag(
        FlagKind::PerceptionGap,
        Severity::Warning,
        "Perception gap".to_string(),
        format!("survey of {month}: {}", gaps.join("; ")),
    ))
}

fn goals(a: &EngagementAnalysis) -> Vec<Flag> {
    a.goals
        .overdue
        .iter()
        .map(|g| Flag {
            subject: Some(g.id.clone()),
            ..flag(
                FlagKind::GoalOverdue,
                Severity::Warning,
                format!("Goal overdue: {}", g.title),
                format!(
                    "due {}, {}",
                    g.due.map(|d| d.to_string()).unwrap_or_default(),
                    words::goal_status(g.status)
                ),
            )
        })
        .collect()
}

fn action_wording(i: &ActionItem) -> String {
    let due = i.due.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{} (due {due}, {} late, from {})",
        i.text,
        count(i.days_overdue.unwrap_or(0).max(0) as usize, "day"),
        i.note_title
    )
}

fn actions(a: &EngagementAnalysis) -> Option<Flag> {
    let overdue: Vec<&ActionItem> = a.actions.overdue_items().collect();
    if overdue.is_empty() {
        return None;
    }
    let mut named: Vec<String> = overdue
        .iter()
        .take(ACTIONS_NAMED)
        .map(|i| action_wording(i))
        .collect();
    if overdue.len() > ACTIONS_NAMED {
        named.push(format!("and {} more", overdue.len() - ACTIONS_NAMED));
    }
    Some(flag(
        FlagKind::ActionsOverdue,
        Severity::Warning,
        format!("{} overdue", count(overdue.len(), "action")),
        named.join("; "),
    ))
}

fn celebration(a: &EngagementAnalysis) -> Option<Flag> {
    let c = &a.celebrations;
    if !c.nudge {
        return None;
    }
    let mut evidence = format!(
        "no milestone celebrated from {} to {}",
        c.window.first.first_day(),
        c.until
    );
    if !c.uncelebrated.is_empty() {
        evidence.push_str(&format!(
            "; {} reached but not celebrated",
            count(c.uncelebrated.len(), "milestone")
        ));
    }
    Some(flag(
        FlagKind::NoCelebration,
        Severity::Info,
        "No success celebrated in 6 months".to_string(),
        evidence,
    ))
}

#[cfg(test)]
mod tests;
