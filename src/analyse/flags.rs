//! Flags: the one list of things that need someone's attention in an
//! engagement, each with its severity and its evidence in words, gathered
//! from the figures the other modules computed.

use serde::{Deserialize, Serialize};

use super::EngagementAnalysis;
use super::actions::ActionItem;
use super::contract::NoticeState;
use super::kpi::{KpiAnalysis, SCORE_MONTHS};
use super::risk::RiskRating;
use super::window::MonthWindow;
use super::words::{self, Parties, count, num, pct, with_unit};
use crate::model::{Engagement, Month};

/// Overdue actions named in a flag's evidence; the rest are counted.
const ACTIONS_NAMED: usize = 3;

/// The kinds of flag, in the order flags of one severity are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    SlaBreach,
    ChronicFailure,
    NoticeDeadline,
    CriticalRisk,
    GreenOutsideRedInside,
    ReliefNotAgreed,
    FiguresDisputed,
    FiguresNotAgreed,
    ServiceCredits,
    RootCauseMissing,
    EscalationPastTimeBox,
    RiskOverdue,
    Overtime,
    ExpectationsNotAgreed,
    ReviewOverdue,
    MissingCheckIns,
    OneSidedFeedback,
    PerceptionGap,
    GoalOverdue,
    ObligationOverdue,
    ActionsOverdue,
    NoCelebration,
}

impl FlagKind {
    /// The one rule of severity (docs/metrics.md, "Flags"): what breaks
    /// the contract or is about to is critical (an SLA breach, defaults
    /// and chronic failure, a notice deadline near or past, a critical
    /// risk), and is shown open at the top of the engagement page; the
    /// nudge to celebrate is info; everything else is a warning, one line
    /// with its details on demand.
    pub fn severity(self) -> Severity {
        match self {
            FlagKind::SlaBreach
            | FlagKind::ChronicFailure
            | FlagKind::NoticeDeadline
            | FlagKind::CriticalRisk => Severity::Critical,
            FlagKind::NoCelebration => Severity::Info,
            _ => Severity::Warning,
        }
    }
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
    /// One sentence that says what is wrong, without a full stop: the line
    /// a reader sees first.
    pub title: String,
    /// The figures behind it, in sentences: shown on demand.
    pub evidence: String,
    /// The id of the KPI, risk or goal the flag is about, if it is about one.
    pub subject: Option<String>,
}

pub(crate) fn flag(kind: FlagKind, title: String, evidence: String) -> Flag {
    Flag {
        kind,
        severity: kind.severity(),
        title,
        evidence,
        subject: None,
    }
}

/// Every flag of the engagement, most severe first, then by kind.
pub fn collect(e: &Engagement, a: &EngagementAnalysis) -> Vec<Flag> {
    let parties = Parties::of(e);
    let recent = MonthWindow::last_months(a.as_of, SCORE_MONTHS);
    let mut flags: Vec<Flag> = a
        .performance
        .kpis
        .iter()
        .filter_map(|k| sla_breach(k, recent, &parties))
        .collect();
    flags.extend(relief_not_agreed(e, a));
    flags.extend(super::sign_off::flags(e, &a.sign_off, a.as_of));
    flags.extend(super::root_causes::flags(&a.root_causes, &parties));
    flags.extend(super::escalations::flags(&a.escalations));
    flags.extend(service_credits(a));
    flags.extend(at_risk_credits(a));
    flags.extend(chronic(a));
    flags.extend(notice(a));
    flags.extend(risks(a));
    flags.extend(overtime(a, recent));
    flags.extend(expectations(e, &parties));
    flags.extend(cadence(a));
    flags.extend(feedback(a, &parties));
    flags.extend(perception(a, &parties));
    flags.extend(watermelon(a, &parties));
    flags.extend(goals(a));
    flags.extend(super::obligations::flags(&a.obligations, &parties));
    flags.extend(actions(a));
    flags.extend(celebration(a));
    flags.sort_by_key(|f| (f.severity, f.kind));
    flags
}

/// An SLA KPI that missed its target in the last 3 months: a breach,
/// critical whether the miss was narrow or not.
fn sla_breach(k: &KpiAnalysis, recent: MonthWindow, parties: &Parties) -> Option<Flag> {
    let misses: Vec<_> = k
        .breaches
        .iter()
        .filter(|b| recent.contains(b.month))
        .collect();
    if misses.is_empty() {
        return None;
    }
    // A month judged against another target than the one shown names it.
    let terms_in = |month| {
        k.series
            .iter()
            .find(|p| p.month == month && !p.in_progress)
            .map(|p| &p.terms)
    };
    let values: Vec<(Month, String)> = misses
        .iter()
        .map(|b| {
            let target = terms_in(b.month).map_or(k.target, |t| t.target);
            let other = if target == k.target {
                String::new()
            } else {
                format!(" (against {})", with_unit(target, &k.unit))
            };
            (b.month, format!("{}{other}", with_unit(b.value, &k.unit)))
        })
        .collect();
    let months: Vec<Month> = misses.iter().map(|b| b.month).collect();
    let mut evidence = format!(
        "{}, against a target of {}",
        crate::format::capitalise(&crate::format::in_months(&values)),
        with_unit(k.target, &k.unit)
    );
    let defaults: Vec<Month> = k
        .defaults
        .iter()
        .map(|d| d.month)
        .filter(|m| {
            months.contains(m)
                && terms_in(*m).is_some_and(|t| t.minimum.is_some_and(|min| min != t.target))
        })
        .collect();
    if !defaults.is_empty() {
        // The year was just named with the values: said once is enough.
        let year = format!(" {}", months[months.len() - 1].year);
        let listed = crate::format::month_list(&defaults);
        let listed = listed.strip_suffix(year.as_str()).unwrap_or(&listed);
        let when = match (defaults.len(), months.len()) {
            (1, 1) => " (a default)".to_string(),
            (d, m) if d == m => " every month (defaults)".to_string(),
            (1, _) => format!(" in {listed} (a default)"),
            _ => format!(" in {listed} (defaults)"),
        };
        evidence.push_str(&format!(
            "; below the {} minimum{when}",
            with_unit(k.minimum, &k.unit)
        ));
    }
    evidence.push('.');
    Some(Flag {
        subject: Some(k.id.clone()),
        ..flag(
            FlagKind::SlaBreach,
            format!(
                "{} breached the SLA on {} in {}",
                parties.name(k.owner),
                k.name,
                crate::format::month_list(&months)
            ),
            evidence,
        )
    })
}

/// Each excuse claimed and not agreed (`agreed: false`) for a KPI in a
/// month of the chart series (the last 12 months and the month in
/// progress): it changes no figure, and someone has to agree or drop it.
fn relief_not_agreed(e: &Engagement, a: &EngagementAnalysis) -> Vec<Flag> {
    super::attention::unagreed_relief(e, a.as_of)
        .map(|(month, x)| {
            let name = e.kpi(&x.kpi).map_or(x.kpi.as_str(), |k| k.name.as_str());
            Flag {
                subject: Some(x.kpi.clone()),
                ..flag(
                    FlagKind::ReliefNotAgreed,
                    format!(
                        "Relief for {name} in {} is claimed but not agreed",
                        crate::format::month(month)
                    ),
                    format!(
                        "{} Until both sides agree it, the month counts as any other.",
                        words::sentence(&x.reason)
                    ),
                )
            }
        })
        .collect()
}

fn service_credits(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.credits.as_ref().filter(|c| c.total_pct > 0.0)?;
    let months: Vec<(Month, String)> = c
        .months_with_credits()
        .map(|m| (m.month, format!("{}%", num(m.pct))))
        .collect();
    let amount = c.total_amount.map_or(String::new(), |x| {
        format!(
            " ({})",
            crate::format::money(x, c.currency.as_deref().unwrap_or(""))
        )
    });
    Some(flag(
        FlagKind::ServiceCredits,
        format!(
            "Service credits of {}% of the monthly fee{amount} are due for the last 12 months",
            num(c.total_pct)
        ),
        format!("For the breaches of {}.", crate::format::in_months(&months)),
    ))
}

fn at_risk_credits(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.at_risk.as_ref().filter(|c| c.accrued > 0.0)?;
    let money = |x: f64| {
        if x == 0.0 {
            "nothing".to_string()
        } else {
            crate::format::money(x, c.currency.as_deref().unwrap_or(""))
        }
    };
    let months: Vec<(Month, String)> = c
        .months
        .iter()
        .filter(|m| m.accrued > 0.0)
        .map(|m| (m.month, money(m.accrued)))
        .collect();
    Some(flag(
        FlagKind::ServiceCredits,
        format!(
            "Service credits of {} accrued over the last 12 months",
            money(c.accrued)
        ),
        format!(
            "Of these, {} is payable, {} waits to be earned back and {} has been earned back. \
             By month: {}.",
            money(c.payable),
            money(c.pending),
            money(c.earned_back),
            crate::format::in_months(&months)
        ),
    ))
}

/// An SLA KPI in chronic failure, or one default short of it: both
/// critical, for they rest on defaults.
fn chronic(a: &EngagementAnalysis) -> Vec<Flag> {
    a.chronic
        .iter()
        .map(|c| {
            let months = crate::format::month_list(&c.defaults);
            let (title, evidence) = match c.one_more_before {
                None => (
                    format!("Chronic failure: {} has defaulted too often", c.name),
                    format!(
                        "It defaulted in {months}, so the contract's termination right for \
                         chronic failure applies."
                    ),
                ),
                Some(before) => (
                    format!("{} is one default away from chronic failure", c.name),
                    format!(
                        "It defaulted in {months}; one more default before {} gives the \
                         contract's termination right for chronic failure.",
                        crate::format::month(before)
                    ),
                ),
            };
            Flag {
                subject: Some(c.kpi.clone()),
                ..flag(FlagKind::ChronicFailure, title, evidence)
            }
        })
        .collect()
}

fn notice(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.contract.as_ref().filter(|c| c.flagged)?;
    let deadline = c.notice_deadline?;
    let title = match c.notice {
        NoticeState::Past => format!(
            "The renewal notice deadline {}, on {}",
            c.notice_words(),
            crate::format::long_date(deadline)
        ),
        _ => format!(
            "The renewal notice deadline is {}, on {}",
            c.notice_words(),
            crate::format::long_date(deadline)
        ),
    };
    let before = super::window::days_between(deadline, c.end);
    Some(flag(
        FlagKind::NoticeDeadline,
        title,
        format!(
            "The contract ends on {}; notice to renew or end it is due {} before.",
            crate::format::long_date(c.end),
            count(before.max(0) as usize, "day")
        ),
    ))
}

/// Each open critical risk (critical), and each other overdue mitigation
/// (a warning).
fn risks(a: &EngagementAnalysis) -> Vec<Flag> {
    a.risks
        .items
        .iter()
        .filter(|r| r.is_open() && (r.overdue || r.rating == RiskRating::Critical))
        .map(|r| {
            let due = r.due.map(crate::format::long_date).unwrap_or_default();
            let scored = format!(
                "Likelihood {} × impact {} = {}, {}",
                r.likelihood,
                r.impact,
                r.score,
                words::risk_status(r.status)
            );
            let (kind, title, evidence) = if r.rating == RiskRating::Critical {
                let overdue = if r.overdue {
                    format!("; its mitigation was due on {due}")
                } else {
                    String::new()
                };
                (
                    FlagKind::CriticalRisk,
                    format!("Critical risk: {}", r.title),
                    format!("{scored}{overdue}."),
                )
            } else {
                (
                    FlagKind::RiskOverdue,
                    format!("The mitigation of {} is overdue since {due}", r.title),
                    format!("{scored}: a {} risk.", r.rating.label()),
                )
            };
            Flag {
                subject: Some(r.id.clone()),
                ..flag(kind, title, evidence)
            }
        })
        .collect()
}

/// Months of the last 3 whose overtime is over the limit.
fn overtime(a: &EngagementAnalysis, recent: MonthWindow) -> Option<Flag> {
    let w = &a.workload;
    let months: Vec<(Month, String)> = w
        .flagged_months()
        .filter(|m| recent.contains(m.month))
        .filter_map(|m| Some((m.month, pct(m.ratio?))))
        .collect();
    if months.is_empty() {
        return None;
    }
    let just: Vec<Month> = months.iter().map(|(m, _)| *m).collect();
    Some(flag(
        FlagKind::Overtime,
        format!(
            "Overtime was over the {} limit in {}",
            pct(w.limit),
            crate::format::month_list(&just)
        ),
        format!(
            "Hours worked beyond contracted capacity: {}.",
            crate::format::in_months(&months)
        ),
    ))
}

fn expectations(e: &Engagement, parties: &Parties) -> Option<Flag> {
    let unagreed: Vec<String> = e
        .record
        .expectations
        .iter()
        .filter(|x| !x.agreed)
        .map(|x| format!("“{}”, set by {}", x.text, parties.name(x.set_by)))
        .collect();
    if unagreed.is_empty() {
        return None;
    }
    Some(flag(
        FlagKind::ExpectationsNotAgreed,
        format!(
            "{} not agreed by both sides",
            crate::format::capitalise(&words::count_is(unagreed.len(), "expectation"))
        ),
        words::sentence(&unagreed.join("; ")),
    ))
}

fn cadence(a: &EngagementAnalysis) -> Vec<Flag> {
    let c = &a.communication;
    let mut flags = Vec::new();
    if c.review_overdue {
        flags.push(flag(
            FlagKind::ReviewOverdue,
            "The review is overdue".to_string(),
            words::sentence(&c.review_wording()),
        ));
    }
    if let Some(expected) = c.expected.filter(|x| c.held < *x) {
        let held = super::cadence::held_wording(c.held, expected);
        // Said as the shortfall it is: "Only 6 of the 12 ...".
        let held = if c.held > 0 && expected > 1 {
            format!("Only {held}")
        } else {
            held
        };
        let last = c
            .last_check_in
            .map_or("No check-in has been held yet.".to_string(), |d| {
                format!("The last was on {}.", crate::format::long_date(d))
            });
        flags.push(flag(
            FlagKind::MissingCheckIns,
            held.trim_end_matches('.').to_string(),
            format!(
                "Check-ins are agreed {}. {last}",
                c.check_in.map_or("", words::frequency)
            ),
        ));
    }
    flags
}

fn feedback(a: &EngagementAnalysis, parties: &Parties) -> Option<Flag> {
    let f = &a.feedback;
    if !f.one_sided {
        return None;
    }
    let (quiet, loud) = if f.client_share.unwrap_or(0.0) >= 0.5 {
        (&parties.provider, &parties.client)
    } else {
        (&parties.client, &parties.provider)
    };
    let title = if f.client.total == 0 || f.provider.total == 0 {
        format!(
            "Feedback is one-sided: {quiet} gave none in the last {} months",
            super::feedback::WINDOW_MONTHS
        )
    } else {
        format!("Feedback is one-sided: most of it came from {loud}")
    };
    Some(flag(
        FlagKind::OneSidedFeedback,
        title,
        f.reasons(parties).join(" "),
    ))
}

fn perception(a: &EngagementAnalysis, parties: &Parties) -> Option<Flag> {
    let t = &a.trust;
    let month = t.month?;
    let gaps = t.gaps_wording(parties)?;
    let names: Vec<String> = t.flagged().map(|d| d.dimension.clone()).collect();
    Some(flag(
        FlagKind::PerceptionGap,
        format!(
            "The two sides see {} differently",
            crate::format::and_list(&names)
        ),
        format!(
            "In the survey of {}, the two sides' answers differ by {gaps}.",
            crate::format::month(month)
        ),
    ))
}

/// "Green outside, red inside": the KPIs are green, the people are not.
fn watermelon(a: &EngagementAnalysis, parties: &Parties) -> Option<Flag> {
    let w = super::watermelon::judge(a.performance.score, &a.trust)?;
    Some(flag(
        FlagKind::GreenOutsideRedInside,
        "Green outside, red inside: the KPIs look good, the relationship does not".to_string(),
        w.evidence(&a.trust, parties),
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
                format!("The goal “{}” is overdue", g.title),
                format!(
                    "It was due on {} and is {}.",
                    g.due.map(crate::format::long_date).unwrap_or_default(),
                    words::goal_status(g.status)
                ),
            )
        })
        .collect()
}

fn action_wording(i: &ActionItem) -> String {
    let due = i.due.map(crate::format::long_date).unwrap_or_default();
    format!(
        "“{}”, due {due} ({} late), from {}",
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
        format!(
            "{} overdue",
            crate::format::capitalise(&words::count_is(overdue.len(), "action"))
        ),
        words::sentence(&named.join("; ")),
    ))
}

fn celebration(a: &EngagementAnalysis) -> Option<Flag> {
    let c = &a.celebrations;
    if !c.nudge {
        return None;
    }
    let mut evidence = format!(
        "No milestone was celebrated between {} and {}.",
        crate::format::long_date(c.window.first.first_day()),
        crate::format::long_date(c.until)
    );
    if !c.uncelebrated.is_empty() {
        evidence.push_str(&format!(
            " {} reached but not celebrated.",
            crate::format::capitalise(&match c.uncelebrated.len() {
                1 => "1 milestone was".to_string(),
                n => format!("{n} milestones were"),
            })
        ));
    }
    Some(flag(
        FlagKind::NoCelebration,
        "No success celebrated in 6 months".to_string(),
        evidence,
    ))
}

#[cfg(test)]
mod tests;
