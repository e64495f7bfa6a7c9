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
use super::words::{self, Parties, month_name, pct_arg, value_arg};
use crate::model::{Engagement, Month};
use crate::text::{Arg, Text};

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
    pub title: Text,
    /// The figures behind it, in sentences: shown on demand.
    pub evidence: Text,
    /// The id of the KPI, risk or goal the flag is about, if it is about one.
    pub subject: Option<String>,
}

pub(crate) fn flag(kind: FlagKind, title: Text, evidence: Text) -> Flag {
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
    let values: Vec<(Month, Option<Arg>)> = misses
        .iter()
        .map(|b| {
            let target = terms_in(b.month).map_or(k.target, |t| t.target);
            let value = value_arg(b.value, &k.unit);
            let value = if target == k.target {
                value
            } else {
                Text::new("flag-value-against")
                    .with("value", value)
                    .with("target", value_arg(target, &k.unit))
                    .into()
            };
            (b.month, Some(value))
        })
        .collect();
    let months: Vec<Month> = misses.iter().map(|b| b.month).collect();
    let defaults: Vec<Month> = k
        .defaults
        .iter()
        .map(|d| d.month)
        .filter(|m| {
            months.contains(m)
                && terms_in(*m).is_some_and(|t| t.minimum.is_some_and(|min| min != t.target))
        })
        .collect();
    let evidence = if defaults.is_empty() {
        Text::new("flag-sla-breach-evidence")
    } else {
        let id = match (defaults.len(), months.len()) {
            (1, 1) => "flag-sla-breach-evidence-default",
            (d, m) if d == m => "flag-sla-breach-evidence-defaults-every-month",
            (1, _) => "flag-sla-breach-evidence-default-in",
            _ => "flag-sla-breach-evidence-defaults-in",
        };
        Text::new(id)
            .with("minimum", value_arg(k.minimum, &k.unit))
            .with(
                "defaults",
                defaults_list(&defaults, months[months.len() - 1].year),
            )
    };
    let evidence = evidence
        .with("values", Arg::Months(values))
        .with("target", value_arg(k.target, &k.unit));
    Some(Flag {
        subject: Some(k.id.clone()),
        ..flag(
            FlagKind::SlaBreach,
            Text::new("flag-sla-breach")
                .with("party", parties.name(k.owner))
                .with("kpi", &k.name)
                .with("months", months_arg(&months)),
            evidence,
        )
    })
}

/// Months oldest first, each year named once: `August and September 2026`.
fn months_arg(months: &[Month]) -> Arg {
    Arg::Months(months.iter().map(|m| (*m, None)).collect())
}

/// The months of defaults, oldest first, each year named once after its
/// last month, except `year` at the end: the sentence named it just before
/// with the values, and said once is enough.
fn defaults_list(defaults: &[Month], year: i32) -> Arg {
    let items = defaults
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let next = defaults.get(i + 1);
            let year_ends = next.is_none_or(|n| n.year != m.year);
            if year_ends && !(next.is_none() && m.year == year) {
                Arg::Month(*m)
            } else {
                month_name(*m)
            }
        })
        .collect();
    Arg::List(items)
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
                    Text::new("flag-relief-not-agreed")
                        .with("kpi", name)
                        .with("month", month),
                    Text::new("flag-relief-not-agreed-evidence")
                        .with("reason", words::sentence(&x.reason)),
                )
            }
        })
        .collect()
}

fn service_credits(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.credits.as_ref().filter(|c| c.total_pct > 0.0)?;
    let months: Vec<(Month, Option<Arg>)> = c
        .months_with_credits()
        .map(|m| (m.month, Some(value_arg(m.pct, "%"))))
        .collect();
    let title = match c.total_amount {
        Some(x) => Text::new("flag-service-credits-amount").with(
            "amount",
            Arg::Money(x, c.currency.clone().unwrap_or_default()),
        ),
        None => Text::new("flag-service-credits"),
    };
    Some(flag(
        FlagKind::ServiceCredits,
        title.with("share", value_arg(c.total_pct, "%")),
        Text::new("flag-service-credits-evidence").with("months", Arg::Months(months)),
    ))
}

fn at_risk_credits(a: &EngagementAnalysis) -> Option<Flag> {
    let c = a.at_risk.as_ref().filter(|c| c.accrued > 0.0)?;
    let money = |x: f64| {
        if x == 0.0 {
            Text::new("flag-nothing").into()
        } else {
            Arg::Money(x, c.currency.clone().unwrap_or_default())
        }
    };
    let months: Vec<(Month, Option<Arg>)> = c
        .months
        .iter()
        .filter(|m| m.accrued > 0.0)
        .map(|m| (m.month, Some(money(m.accrued))))
        .collect();
    Some(flag(
        FlagKind::ServiceCredits,
        Text::new("flag-credits-accrued").with("amount", money(c.accrued)),
        Text::new("flag-credits-accrued-evidence")
            .with("payable", money(c.payable))
            .with("pending", money(c.pending))
            .with("earned", money(c.earned_back))
            .with("months", Arg::Months(months)),
    ))
}

/// An SLA KPI in chronic failure, or one default short of it: both
/// critical, for they rest on defaults.
fn chronic(a: &EngagementAnalysis) -> Vec<Flag> {
    a.chronic
        .iter()
        .map(|c| {
            let months = months_arg(&c.defaults);
            let (title, evidence) = match c.one_more_before {
                None => (
                    Text::new("flag-chronic").with("kpi", &c.name),
                    Text::new("flag-chronic-evidence").with("months", months),
                ),
                Some(before) => (
                    Text::new("flag-chronic-near").with("kpi", &c.name),
                    Text::new("flag-chronic-near-evidence")
                        .with("months", months)
                        .with("month", before),
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
    let title = Text::new(match c.notice {
        NoticeState::Past => "flag-notice-passed",
        _ => "flag-notice",
    })
    .with("when", c.notice_words())
    .with("date", Arg::LongDate(deadline));
    let before = super::window::days_between(deadline, c.end);
    Some(flag(
        FlagKind::NoticeDeadline,
        title,
        Text::new("flag-notice-evidence")
            .with("end", Arg::LongDate(c.end))
            .with("days", before.max(0)),
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
            let due = r.due.map_or(Arg::Plain(String::new()), Arg::LongDate);
            let scored = Text::new("flag-risk-scored")
                .with("likelihood", u32::from(r.likelihood))
                .with("impact", u32::from(r.impact))
                .with("score", r.score)
                .with("status", words::risk_status_text(r.status));
            let (kind, title, evidence) = if r.rating == RiskRating::Critical {
                let evidence = if r.overdue {
                    Text::new("flag-critical-risk-overdue-evidence").with("due", due)
                } else {
                    Text::new("flag-critical-risk-evidence")
                };
                (
                    FlagKind::CriticalRisk,
                    Text::new("flag-critical-risk").with("title", &r.title),
                    evidence.with("scored", scored),
                )
            } else {
                (
                    FlagKind::RiskOverdue,
                    Text::new("flag-risk-overdue")
                        .with("title", &r.title)
                        .with("due", due),
                    Text::new("flag-risk-overdue-evidence")
                        .with("scored", scored)
                        .with("rating", rating_text(r.rating)),
                )
            };
            Flag {
                subject: Some(r.id.clone()),
                ..flag(kind, title, evidence)
            }
        })
        .collect()
}

/// `a high risk`, as the evidence of an overdue mitigation says it.
fn rating_text(rating: RiskRating) -> Text {
    Text::new(match rating {
        RiskRating::Low => "flag-risk-rated-low",
        RiskRating::Medium => "flag-risk-rated-medium",
        RiskRating::High => "flag-risk-rated-high",
        RiskRating::Critical => "flag-risk-rated-critical",
    })
}

/// Months of the last 3 whose overtime is over the limit.
fn overtime(a: &EngagementAnalysis, recent: MonthWindow) -> Option<Flag> {
    let w = &a.workload;
    let months: Vec<(Month, Option<Arg>)> = w
        .flagged_months()
        .filter(|m| recent.contains(m.month))
        .filter_map(|m| Some((m.month, Some(pct_arg(m.ratio?)))))
        .collect();
    if months.is_empty() {
        return None;
    }
    let just: Vec<Month> = months.iter().map(|(m, _)| *m).collect();
    Some(flag(
        FlagKind::Overtime,
        Text::new("flag-overtime")
            .with("limit", pct_arg(w.limit))
            .with("months", months_arg(&just)),
        Text::new("flag-overtime-evidence").with("months", Arg::Months(months)),
    ))
}

fn expectations(e: &Engagement, parties: &Parties) -> Option<Flag> {
    let unagreed: Vec<Text> = e
        .record
        .expectations
        .iter()
        .filter(|x| !x.agreed)
        .map(|x| {
            Text::new("flag-expectation-item")
                .with("text", &x.text)
                .with("party", parties.name(x.set_by))
        })
        .collect();
    let n = unagreed.len();
    // The sentence ends with a party's name, which may end with its own full stop.
    let ends = e
        .record
        .expectations
        .iter()
        .rfind(|x| !x.agreed)
        .map(|x| parties.name(x.set_by).trim_end().ends_with(['.', '!', '?']))?;
    let list = words::joined(unagreed, "flag-semicolon")?;
    Some(flag(
        FlagKind::ExpectationsNotAgreed,
        Text::new("flag-expectations").with("count", n),
        full_stop(list, ends),
    ))
}

/// `text` as a sentence: with a full stop unless it `ends` with one.
fn full_stop(text: Text, ends: bool) -> Text {
    if ends {
        text
    } else {
        Text::new("flag-sentence").with("text", text)
    }
}

fn cadence(a: &EngagementAnalysis) -> Vec<Flag> {
    let c = &a.communication;
    let mut flags = Vec::new();
    if c.review_overdue {
        flags.push(flag(
            FlagKind::ReviewOverdue,
            Text::new("flag-review-overdue"),
            c.review_text(true),
        ));
    }
    if let Some(expected) = c.expected.filter(|x| c.held < *x) {
        // Said as the shortfall it is: "Only 6 of the 12 ...".
        let title = if c.held > 0 && expected > 1 {
            Text::new("flag-check-ins-only-held")
                .with("held", c.held)
                .with("expected", expected)
                .with("days", super::cadence::WINDOW_DAYS)
        } else {
            super::cadence::held_text(c.held, expected)
        };
        let evidence = match c.last_check_in {
            Some(d) => Text::new("flag-check-ins-agreed").with("date", Arg::LongDate(d)),
            None => Text::new("flag-check-ins-agreed-none"),
        };
        let frequency: Arg = match c.check_in {
            Some(f) => words::frequency_text(f).into(),
            None => Arg::Plain(String::new()),
        };
        flags.push(flag(
            FlagKind::MissingCheckIns,
            title,
            evidence.with("frequency", frequency),
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
        Text::new("flag-feedback-none")
            .with("party", quiet)
            .with("months", super::feedback::WINDOW_MONTHS)
    } else {
        Text::new("flag-feedback-most").with("party", loud)
    };
    Some(flag(
        FlagKind::OneSidedFeedback,
        title,
        words::sentences(f.reasons(parties))?,
    ))
}

fn perception(a: &EngagementAnalysis, parties: &Parties) -> Option<Flag> {
    let t = &a.trust;
    let month = t.month?;
    let gaps = t.gaps_wording(parties)?;
    let names: Vec<Arg> = t.flagged().map(|d| Arg::from(&d.dimension)).collect();
    Some(flag(
        FlagKind::PerceptionGap,
        Text::new("flag-perception").with("dimensions", Arg::List(names)),
        Text::new("flag-perception-evidence")
            .with("month", month)
            .with("gaps", gaps),
    ))
}

/// "Green outside, red inside": the KPIs are green, the people are not.
fn watermelon(a: &EngagementAnalysis, parties: &Parties) -> Option<Flag> {
    let w = super::watermelon::judge(a.performance.score, &a.trust)?;
    Some(flag(
        FlagKind::GreenOutsideRedInside,
        Text::new("flag-watermelon"),
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
                Text::new("flag-goal-overdue").with("title", &g.title),
                Text::new("flag-goal-overdue-evidence")
                    .with(
                        "due",
                        g.due.map_or(Arg::Plain(String::new()), Arg::LongDate),
                    )
                    .with("status", words::goal_status_text(g.status)),
            )
        })
        .collect()
}

fn action_wording(i: &ActionItem) -> Text {
    Text::new("flag-action-item")
        .with("text", &i.text)
        .with(
            "due",
            i.due.map_or(Arg::Plain(String::new()), Arg::LongDate),
        )
        .with("days", i.days_overdue.unwrap_or(0).max(0))
        .with("note", &i.note_title)
}

fn actions(a: &EngagementAnalysis) -> Option<Flag> {
    let overdue: Vec<&ActionItem> = a.actions.overdue_items().collect();
    if overdue.is_empty() {
        return None;
    }
    let mut named: Vec<Text> = overdue
        .iter()
        .take(ACTIONS_NAMED)
        .map(|i| action_wording(i))
        .collect();
    // The sentence ends with a note's title, which may end with its own full stop.
    let ends = if overdue.len() > ACTIONS_NAMED {
        named.push(Text::new("flag-actions-more").with("count", overdue.len() - ACTIONS_NAMED));
        false
    } else {
        overdue
            .last()
            .is_some_and(|i| i.note_title.trim_end().ends_with(['.', '!', '?']))
    };
    Some(flag(
        FlagKind::ActionsOverdue,
        Text::new("flag-actions-overdue").with("count", overdue.len()),
        full_stop(words::joined(named, "flag-semicolon")?, ends),
    ))
}

fn celebration(a: &EngagementAnalysis) -> Option<Flag> {
    let c = &a.celebrations;
    if !c.nudge {
        return None;
    }
    let evidence = match c.uncelebrated.len() {
        0 => Text::new("flag-no-celebration-evidence"),
        n => Text::new("flag-no-celebration-evidence-uncelebrated").with("count", n),
    };
    Some(flag(
        FlagKind::NoCelebration,
        Text::new("flag-no-celebration"),
        evidence
            .with("from", Arg::LongDate(c.window.first.first_day()))
            .with("until", Arg::LongDate(c.until)),
    ))
}

#[cfg(test)]
mod tests;
