//! Attention: what needs someone this week, across the portfolio, and each
//! engagement's next deadline. The portfolio opens on this list, so it is
//! decided here from the figures the other modules computed (and from the
//! build's scoped model, so a shared build lists only shared items); the
//! page only draws it. docs/metrics.md, "Attention", states each rule.

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;

use super::EngagementAnalysis;
use super::actions::ActionItem;
use super::cadence::{Communication, WINDOW_DAYS};
use super::contract::NoticeState;
use super::escalations::{Escalation, NextRung};
use super::flags::{FlagKind, Severity};
use super::rag::Rag;
use super::risk::RiskRating;
use super::window::{MonthWindow, SERIES_MONTHS, days_between};
use super::words::{goal_status_text, risk_status_text};
use crate::model::{Engagement, Excused, GoalStatus, Month, Portfolio};
use crate::text::{Arg, Text};

/// A notice deadline this many days away or nearer is listed (or farther,
/// when `thresholds.notice_warning_days` is larger: a flagged deadline is
/// always listed); the same horizon colours the engagement page's pill.
pub const NOTICE_DAYS: i64 = super::contract::NOTICE_ATTENTION_DAYS;
/// A review due this many days away or nearer is listed.
pub const REVIEW_DUE_DAYS: i64 = 14;

/// What an item is about, in the order items of one severity and date are
/// listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttentionKind {
    NoticeDeadline,
    ChronicFailure,
    RiskOverdue,
    ActionsOverdue,
    GoalOverdue,
    ObligationOverdue,
    MissedCheckIns,
    ReviewOverdue,
    ReviewDue,
    ReliefNotAgreed,
    GreenOutsideRedInside,
    RootCauseMissing,
    EscalationPastTimeBox,
}

/// Where on the engagement's page the item is dealt with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "section", content = "id")]
pub enum Place {
    Contract,
    Sla,
    Kpi(String),
    Risks,
    Actions,
    Goals,
    Cadence,
    Trust,
    Obligations,
    Escalations,
}

/// The date an item is about: a day, or a month for what is judged by month
/// (a default, a claimed relief).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "value")]
pub enum When {
    Day(NaiveDate),
    Month(Month),
}

impl When {
    /// For ordering: a month sorts on its first day.
    pub fn sort_date(self) -> NaiveDate {
        match self {
            When::Day(d) => d,
            When::Month(m) => m.first_day(),
        }
    }
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Day(d) => write!(f, "{d}"),
            When::Month(m) => write!(f, "{m}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttentionItem {
    /// The engagement's id.
    pub engagement: String,
    pub engagement_name: String,
    pub kind: AttentionKind,
    pub severity: Severity,
    /// The colour of `severity`: red for critical, amber for a warning.
    pub status: Rag,
    /// A sentence a person would write about the engagement (which the
    /// page names beside it).
    pub sentence: Text,
    pub when: When,
    pub place: Place,
}

/// Every item of the portfolio: critical first, then by date (the oldest
/// or nearest first), then by engagement name and kind.
pub fn portfolio(p: &Portfolio, analyses: &[EngagementAnalysis]) -> Vec<AttentionItem> {
    let mut items: Vec<AttentionItem> = p
        .engagements
        .iter()
        .zip(analyses)
        .flat_map(|(e, a)| engagement_items(e, a, p.config.thresholds.notice_warning_days))
        .collect();
    items.sort_by(|x, y| {
        (x.severity, x.when.sort_date(), &x.engagement_name, x.kind).cmp(&(
            y.severity,
            y.when.sort_date(),
            &y.engagement_name,
            y.kind,
        ))
    });
    items
}

/// The items of one engagement, in no particular order.
pub fn engagement_items(
    e: &Engagement,
    a: &EngagementAnalysis,
    notice_warning_days: i64,
) -> Vec<AttentionItem> {
    let name = e.record.name.as_str();
    let mut items = Vec::new();
    let mut push = |kind, severity, sentence: Text, when, place| {
        items.push(AttentionItem {
            engagement: e.id.clone(),
            engagement_name: name.to_string(),
            kind,
            severity,
            status: colour(severity),
            sentence,
            when,
            place,
        });
    };

    if let Some((severity, sentence, deadline)) = notice(a, notice_warning_days) {
        push(
            AttentionKind::NoticeDeadline,
            severity,
            sentence,
            When::Day(deadline),
            Place::Contract,
        );
    }
    for c in &a.chronic {
        // English writes ISO months (`2026-08`), as the list always has;
        // another language may name them (`months_named`).
        let months = Arg::List(
            c.defaults
                .iter()
                .map(|m| Arg::Plain(m.to_string()))
                .collect(),
        );
        let named = Arg::Months(c.defaults.iter().map(|m| (*m, None)).collect());
        match c.one_more_before {
            None => push(
                AttentionKind::ChronicFailure,
                Severity::Critical,
                Text::new("gov-attention-chronic")
                    .with("kpi", &c.name)
                    .with("months", months.clone())
                    .with("months_named", named.clone()),
                When::Month(*c.defaults.last().unwrap_or(&Month::of(a.as_of))),
                Place::Sla,
            ),
            Some(before) => push(
                AttentionKind::ChronicFailure,
                Severity::Warning,
                Text::new("gov-attention-chronic-one-more")
                    .with("kpi", &c.name)
                    .with("before", before.to_string())
                    .with("before_named", before)
                    .with("months", months)
                    .with("months_named", named),
                When::Month(before),
                Place::Sla,
            ),
        }
    }
    for r in a.risks.items.iter().filter(|r| r.overdue) {
        let Some(due) = r.due else { continue };
        push(
            AttentionKind::RiskOverdue,
            // As the flags judge it: only a critical risk is critical.
            if r.rating >= RiskRating::Critical {
                Severity::Critical
            } else {
                Severity::Warning
            },
            Text::new("gov-attention-risk-overdue")
                .with("due", due)
                .with("title", &r.title)
                .with("rating", rating_text(r.rating))
                // words.rs writes the status (English until it has ids).
                .with("status", risk_status_text(r.status)),
            When::Day(due),
            Place::Risks,
        );
    }
    if let Some((sentence, due)) = actions(a) {
        push(
            AttentionKind::ActionsOverdue,
            Severity::Warning,
            sentence,
            When::Day(due),
            Place::Actions,
        );
    }
    for g in &a.goals.overdue {
        let Some(due) = g.due else { continue };
        push(
            AttentionKind::GoalOverdue,
            Severity::Warning,
            Text::new("gov-attention-goal-overdue")
                .with("due", due)
                .with("title", &g.title)
                .with("status", goal_status_text(g.status)),
            When::Day(due),
            Place::Goals,
        );
    }
    for (sentence, due) in super::obligations::attention(e, &a.obligations) {
        push(
            AttentionKind::ObligationOverdue,
            Severity::Warning,
            sentence,
            When::Day(due),
            Place::Obligations,
        );
    }
    if let Some((severity, sentence, when)) = missed_check_ins(&a.communication) {
        push(
            AttentionKind::MissedCheckIns,
            severity,
            sentence,
            When::Day(when),
            Place::Cadence,
        );
    }
    if let Some((kind, sentence, due)) = review(&a.communication, a.as_of) {
        push(
            kind,
            Severity::Warning,
            sentence,
            When::Day(due),
            Place::Cadence,
        );
    }
    if let (Some(w), Some(month)) = (
        super::watermelon::judge(a.performance.score, &a.trust),
        a.trust.month,
    ) {
        push(
            AttentionKind::GreenOutsideRedInside,
            FlagKind::GreenOutsideRedInside.severity(),
            Text::new("gov-attention-watermelon")
                .with("month", month.to_string())
                .with("month_named", month)
                .with("brief", w.brief()),
            When::Month(month),
            Place::Trust,
        );
    }
    for (month, x) in unagreed_relief(e, a.as_of) {
        let kpi = e.kpi(&x.kpi).map_or(x.kpi.as_str(), |k| k.name.as_str());
        push(
            AttentionKind::ReliefNotAgreed,
            Severity::Warning,
            // The reason is on the engagement's page: a list of what needs
            // someone keeps to one line an item.
            Text::new("gov-attention-relief")
                .with("kpi", kpi)
                .with("month", month.to_string())
                .with("month_named", month),
            When::Month(month),
            Place::Kpi(x.kpi.clone()),
        );
    }
    governance(a, &mut push);
    items
}

/// Escalations past their time box and root causes past due: warnings, as
/// the flags judge them, one item each, dated by the day the box or the
/// root cause ran out.
fn governance(
    a: &EngagementAnalysis,
    push: &mut impl FnMut(AttentionKind, Severity, Text, When, Place),
) {
    for x in a.escalations.past_time_box() {
        let (Some(end), Some(next)) = (x.time_box_end, &x.next) else {
            continue;
        };
        push(
            AttentionKind::EscalationPastTimeBox,
            Severity::Warning,
            Text::new("gov-attention-escalation")
                .with("end", end)
                .with("title", &x.title)
                .with("level", level_text(x))
                .with("next", next_text(next)),
            When::Day(end),
            Place::Escalations,
        );
    }
    for r in a.root_causes.missing() {
        let Some(due) = r.due else { continue };
        push(
            AttentionKind::RootCauseMissing,
            Severity::Warning,
            Text::new("gov-attention-root-cause")
                .with("kpi", &r.kpi_name)
                .with("month", r.month.to_string())
                .with("month_named", r.month)
                .with("due", due),
            When::Day(due),
            Place::Sla,
        );
    }
}

/// A risk's rating as a sentence names it: `critical`.
pub(crate) fn rating_text(rating: RiskRating) -> Text {
    Text::new(match rating {
        RiskRating::Low => "gov-rating-low",
        RiskRating::Medium => "gov-rating-medium",
        RiskRating::High => "gov-rating-high",
        RiskRating::Critical => "gov-rating-critical",
    })
}

/// "level 2 (Account directors)", as `escalations::level_words` has it.
fn level_text(x: &Escalation) -> Text {
    // The level is a number of the content, not a count.
    let level = x.level.to_string();
    match &x.level_name {
        Some(name) => Text::new("gov-level-named")
            .with("level", level)
            .with("name", name),
        None => Text::new("gov-level").with("level", level),
    }
}

/// "raise to Account directors", as `NextRung::words` has it.
fn next_text(next: &NextRung) -> Text {
    match next {
        NextRung::Raise(name) => Text::new("gov-next-raise").with("name", name),
        NextRung::Top => Text::new("gov-next-top"),
    }
}

/// Critical is red, a warning amber: the site's colour language.
fn colour(severity: Severity) -> Rag {
    match severity {
        Severity::Critical => Rag::Red,
        Severity::Warning | Severity::Info => Rag::Amber,
    }
}

/// Each excuse claimed and not agreed (`agreed: false`) in a month of the
/// chart series (the last 12 months and the month in progress): the same
/// claims the `relief-not-agreed` flags name.
pub fn unagreed_relief(
    e: &Engagement,
    as_of: NaiveDate,
) -> impl Iterator<Item = (Month, &Excused)> {
    let months = MonthWindow {
        first: Month::of(as_of).plus(-(SERIES_MONTHS as i32)),
        last: Month::of(as_of),
    };
    e.periods
        .iter()
        .filter(move |p| months.contains(p.period))
        .flat_map(|p| p.excused.iter().map(move |x| (p.period, x)))
        .filter(|(_, x)| !x.agreed)
}

/// A notice deadline passed while the contract runs or flagged near
/// (critical), or within `NOTICE_DAYS` (a warning) from `as_of` on.
fn notice(a: &EngagementAnalysis, notice_warning_days: i64) -> Option<(Severity, Text, NaiveDate)> {
    let c = a.contract.as_ref()?;
    let (deadline, days) = c.notice_deadline.zip(c.days_to_deadline)?;
    match c.notice {
        NoticeState::Past => Some((
            Severity::Critical,
            Text::new("gov-attention-notice-passed")
                .with("days", days.unsigned_abs() as usize)
                .with("deadline", deadline)
                .with("end", c.end),
            deadline,
        )),
        NoticeState::Near | NoticeState::Clear if days <= NOTICE_DAYS.max(notice_warning_days) => {
            let sentence = if days == 0 {
                Text::new("gov-attention-notice-today").with("deadline", deadline)
            } else {
                Text::new("gov-attention-notice-in")
                    .with("days", days as usize)
                    .with("deadline", deadline)
            };
            // Critical where the flag is (near), as the flags judge it.
            let severity = if c.notice == NoticeState::Near {
                Severity::Critical
            } else {
                Severity::Warning
            };
            Some((severity, sentence, deadline))
        }
        _ => None,
    }
}

/// One item for all overdue actions of an engagement, naming the oldest.
fn actions(a: &EngagementAnalysis) -> Option<(Text, NaiveDate)> {
    let overdue: Vec<&ActionItem> = a.actions.overdue_items().collect();
    let oldest = overdue.iter().min_by_key(|i| i.due)?;
    let due = oldest.due?;
    let sentence = match overdue.len() {
        1 => Text::new("gov-attention-action-overdue")
            .with("due", due)
            .with("action", action_words(oldest)),
        n => Text::new("gov-attention-actions-overdue")
            .with("count", n)
            .with("due", due)
            .with("action", action_words(oldest)),
    };
    Some((sentence, due))
}

/// The action's text without its "(due …)", which the sentence says.
pub(crate) fn action_words(i: &ActionItem) -> String {
    let text = match i.due {
        Some(due) => i.text.replace(&format!(" (due {due})"), ""),
        None => i.text.clone(),
    };
    text.trim().to_string()
}

/// Fewer check-ins held than expected in the last 90 days: the rule of the
/// `missing-check-ins` flag (docs/metrics.md, "Flags"). Critical when none
/// was held. Dated by the last check-in (the start of the 90 days without one).
fn missed_check_ins(c: &Communication) -> Option<(Severity, Text, NaiveDate)> {
    let expected = c.expected.filter(|x| c.held < *x)?;
    let last = match c.last_check_in {
        Some(d) => Text::new("gov-attention-last-on").with("date", d),
        None => Text::new("gov-attention-none-yet"),
    };
    let sentence = Text::new("gov-attention-check-ins-missed")
        .with("held", c.held)
        .with("expected", expected)
        .with("days", WINDOW_DAYS)
        .with("last", last);
    let severity = if c.held == 0 {
        Severity::Critical
    } else {
        Severity::Warning
    };
    Some((
        severity,
        sentence,
        c.last_check_in.unwrap_or(c.window.first),
    ))
}

/// The day the next review is due: the last review (or `start`) plus the
/// review interval. Overdue after that day (docs/metrics.md, "Communication
/// cadence"); `None` without `cadence.review`.
pub fn review_due(c: &Communication, as_of: NaiveDate) -> Option<NaiveDate> {
    let interval = c.review?.interval_days();
    let since = c.days_since_review?;
    as_of.checked_add_signed(TimeDelta::try_days(interval - since)?)
}

/// A review overdue, or due within `REVIEW_DUE_DAYS`.
fn review(c: &Communication, as_of: NaiveDate) -> Option<(AttentionKind, Text, NaiveDate)> {
    let due = review_due(c, as_of)?;
    let days = days_between(as_of, due);
    let last = match c.last_review {
        Some(d) => Text::new("gov-attention-last-on").with("date", d),
        None => Text::new("gov-attention-none-since-start"),
    };
    let every = c.review.map_or(0, |r| r.interval_days());
    if c.review_overdue {
        Some((
            AttentionKind::ReviewOverdue,
            Text::new("gov-attention-review-overdue")
                .with("due", due)
                .with("last", last)
                .with("every", every),
            due,
        ))
    } else if (0..=REVIEW_DUE_DAYS).contains(&days) {
        let sentence = if days == 0 {
            Text::new("gov-attention-review-today")
                .with("due", due)
                .with("last", last)
        } else {
            Text::new("gov-attention-review-in")
                .with("days", days as usize)
                .with("due", due)
                .with("last", last)
        };
        Some((AttentionKind::ReviewDue, sentence, due))
    } else {
        None
    }
}

/// What a next deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    NoticeDeadline,
    ReviewDue,
    ActionDue,
    RiskDue,
    GoalDue,
    Milestone,
    ObligationDue,
    EscalationTimeBox,
    RootCauseDue,
}

impl DeadlineKind {
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::NoticeDeadline => "notice deadline",
            DeadlineKind::ReviewDue => "review due",
            DeadlineKind::ActionDue => "action due",
            DeadlineKind::RiskDue => "risk mitigation due",
            DeadlineKind::GoalDue => "goal due",
            DeadlineKind::Milestone => "milestone",
            DeadlineKind::ObligationDue => "obligation due",
            DeadlineKind::EscalationTimeBox => "escalation time box ends",
            DeadlineKind::RootCauseDue => "root cause due",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadline {
    pub date: NaiveDate,
    pub kind: DeadlineKind,
    /// The action's owner (else its text), the risk's, goal's or
    /// milestone's title; empty for a notice deadline or a review.
    pub detail: String,
}

/// The earliest dated thing on or after `as_of` (a due date on `as_of` is
/// not overdue yet): the notice deadline of a running contract, the next
/// review, an open action's, an open risk's or an unfinished goal's due
/// date, a milestone. On the same day, in the order of `DeadlineKind`.
pub fn next_deadline(e: &Engagement, a: &EngagementAnalysis) -> Option<Deadline> {
    deadlines(e, a).into_iter().next()
}

/// Every dated thing on or after `as_of` that [`next_deadline`] chooses
/// from, nearest first (on the same day, in the order of `DeadlineKind`):
/// the digest lists those of the next days.
pub fn deadlines(e: &Engagement, a: &EngagementAnalysis) -> Vec<Deadline> {
    let as_of = a.as_of;
    let mut all: Vec<Deadline> = Vec::new();
    let mut add = |date: Option<NaiveDate>, kind, detail: &str| {
        if let Some(date) = date.filter(|d| *d >= as_of) {
            all.push(Deadline {
                date,
                kind,
                detail: detail.to_string(),
            });
        }
    };
    if let Some(c) = a
        .contract
        .as_ref()
        .filter(|c| c.notice != NoticeState::Ended)
    {
        add(c.notice_deadline, DeadlineKind::NoticeDeadline, "");
    }
    add(
        review_due(&a.communication, as_of),
        DeadlineKind::ReviewDue,
        "",
    );
    for i in a.actions.items.iter().filter(|i| !i.done) {
        // Its owner says who to ask; the text is on the engagement's page.
        let who = i.owner.clone().unwrap_or_else(|| action_words(i));
        add(i.due, DeadlineKind::ActionDue, &who);
    }
    for r in a.risks.items.iter().filter(|r| r.is_open()) {
        add(r.due, DeadlineKind::RiskDue, &r.title);
    }
    for g in &e.record.goals {
        if !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped) {
            add(g.due, DeadlineKind::GoalDue, &g.title);
        }
    }
    for m in &e.record.milestones {
        add(Some(m.date), DeadlineKind::Milestone, &m.title);
    }
    // Governance dates, as calendar.ics has them: open obligations (by
    // their last day on time), open escalations' time boxes, root causes
    // not yet written.
    for o in &a.obligations.items {
        for i in o.instances.iter().filter(|i| i.state.is_open()) {
            add(Some(i.deadline), DeadlineKind::ObligationDue, &o.title);
        }
    }
    for x in a.escalations.open() {
        add(x.time_box_end, DeadlineKind::EscalationTimeBox, &x.title);
    }
    for r in &a.root_causes.breaches {
        if r.state == super::root_causes::RcaState::Due {
            add(r.due, DeadlineKind::RootCauseDue, &r.kpi_name);
        }
    }
    all.sort_by_key(|d| (d.date, d.kind));
    all
}

#[cfg(test)]
mod tests;
