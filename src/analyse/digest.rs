//! The digest: what changed in an engagement over the month before `as_of`,
//! for the e-mail CI sends (docs/metrics.md, "Digest").
//!
//! The month is the span from the same day of the previous month (clamped
//! to that month's end: 31 March looks back to 28 February) to `as_of`.
//! What changed is read by analysing the same model at both ends of it and
//! comparing: new breaches and defaults, flags raised and cleared, the
//! health at both ends; beside them, what is due in the next days and the
//! notes dated in the month. Both analyses come from the build's scoped
//! model, so a shared build's digest holds shared items only.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::attention::{self, Deadline, DeadlineKind};
use super::flags::{Flag, FlagKind};
use super::rag::Rag;
use super::window::days_between;
use super::{EngagementAnalysis, analyse_without_trend};
use crate::config::Config;
use crate::model::{Engagement, Month, NoteKind};

/// A deadline this many days after `as_of` or nearer is listed as due (the
/// horizon of a review due on the portfolio's attention list).
pub const DUE_DAYS: i64 = attention::REVIEW_DUE_DAYS;

/// The start of the digest's month: the same day of the month before
/// `as_of`, or that month's last day when it has no such day. The month
/// runs from the day after it to `as_of`, so monthly digests sent on the
/// same day tile without gap or overlap.
pub fn since(as_of: NaiveDate) -> NaiveDate {
    as_of.checked_sub_months(Months::new(1)).unwrap_or(as_of)
}

/// What changed in one engagement between `since` and `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngagementDigest {
    pub id: String,
    pub name: String,
    pub since: NaiveDate,
    pub as_of: NaiveDate,
    pub health: HealthMove,
    /// SLA misses of months judged since `since`: the month just reported,
    /// oldest first, then by KPI.
    pub breaches: Vec<NewBreach>,
    /// Flags at `as_of` that were not raised at `since`, most severe first.
    pub raised: Vec<Flag>,
    /// Flags at `since` that are no longer raised at `as_of`.
    pub cleared: Vec<Flag>,
    /// Deadlines from `as_of` to `DUE_DAYS` days after it, nearest first.
    pub due: Vec<Deadline>,
    /// Notes dated after `since`, up to `as_of`, oldest first.
    pub notes: Vec<NoteRef>,
}

impl EngagementDigest {
    /// Nothing to tell: no new breach, flag, note or deadline, and the
    /// health shows the same number.
    pub fn is_quiet(&self) -> bool {
        self.breaches.is_empty()
            && self.raised.is_empty()
            && self.cleared.is_empty()
            && self.due.is_empty()
            && self.notes.is_empty()
            && !self.health.moved()
    }
}

/// The health as shown at both ends of the month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HealthMove {
    pub before: Option<i64>,
    pub before_band: Rag,
    pub after: Option<i64>,
    pub after_band: Rag,
    /// `after − before`, when both have data.
    pub change: Option<i64>,
}

impl HealthMove {
    fn of(before: &EngagementAnalysis, after: &EngagementAnalysis) -> HealthMove {
        let (b, a) = (before.health.rounded, after.health.rounded);
        HealthMove {
            before: b,
            before_band: before.health.band,
            after: a,
            after_band: after.health.band,
            change: b.zip(a).map(|(b, a)| a - b),
        }
    }

    /// The number shown changed (or appeared, or went).
    pub fn moved(&self) -> bool {
        self.before != self.after
    }

    /// The band changed: what a reader must not miss.
    pub fn band_changed(&self) -> bool {
        self.before_band != self.after_band
    }
}

/// An SLA miss in a month that was judged at `as_of` and not yet at `since`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewBreach {
    pub kpi: String,
    pub name: String,
    pub unit: String,
    pub month: Month,
    pub value: f64,
    /// The target in force that month.
    pub target: f64,
    /// The minimum service level it also missed (a default), when the
    /// terms set one apart from the target.
    pub default: Option<f64>,
    pub status: Rag,
}

/// A note of the month, for its line and its link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteRef {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub kind: NoteKind,
}

/// The digest of `e`, analysed as `now`: the model is analysed once more
/// at `since(now.as_of)` to compare with.
pub fn of(e: &Engagement, config: &Config, now: &EngagementAnalysis) -> EngagementDigest {
    let before = analyse_without_trend(e, config, since(now.as_of));
    compare(e, &before, now)
}

/// What changed from `before` to `now`, two analyses of `e` (pure).
pub fn compare(
    e: &Engagement,
    before: &EngagementAnalysis,
    now: &EngagementAnalysis,
) -> EngagementDigest {
    let (since, as_of) = (before.as_of, now.as_of);
    EngagementDigest {
        id: e.id.clone(),
        name: e.record.name.clone(),
        since,
        as_of,
        health: HealthMove::of(before, now),
        breaches: new_breaches(before, now),
        raised: missing_from(&now.flags, &before.flags),
        cleared: missing_from(&before.flags, &now.flags),
        due: due(e, now),
        notes: notes_between(e, since, as_of),
    }
}

/// The deadlines from `as_of` to `DUE_DAYS` days after it, nearest first:
/// those of `attention::deadlines`, an action with its words (the mail is
/// read away from the page that has them), not only its owner.
fn due(e: &Engagement, now: &EngagementAnalysis) -> Vec<Deadline> {
    let soon = |date: NaiveDate| date >= now.as_of && days_between(now.as_of, date) <= DUE_DAYS;
    let mut due: Vec<Deadline> = attention::deadlines(e, now)
        .into_iter()
        .filter(|d| d.kind != DeadlineKind::ActionDue && soon(d.date))
        .collect();
    for i in now.actions.items.iter().filter(|i| !i.done) {
        if let Some(date) = i.due.filter(|d| soon(*d)) {
            due.push(Deadline {
                date,
                kind: DeadlineKind::ActionDue,
                detail: attention::action_words(i),
            });
        }
    }
    due.sort_by(|a, b| (a.date, a.kind, &a.detail).cmp(&(b.date, b.kind, &b.detail)));
    due
}

/// A flag is the same flag at both ends when it is of the same kind about
/// the same thing; its words may differ (another month, another count).
fn key(f: &Flag) -> (FlagKind, Option<&str>) {
    (f.kind, f.subject.as_deref())
}

/// The flags of `these` that `those` has no flag like.
fn missing_from(these: &[Flag], those: &[Flag]) -> Vec<Flag> {
    these
        .iter()
        .filter(|f| !those.iter().any(|g| key(g) == key(f)))
        .cloned()
        .collect()
}

/// Breaches of `now` that `before` did not have (by KPI and month): the
/// months judged since, whatever the model held then.
fn new_breaches(before: &EngagementAnalysis, now: &EngagementAnalysis) -> Vec<NewBreach> {
    let known = |kpi: &str, month: Month| {
        before
            .performance
            .kpis
            .iter()
            .filter(|k| k.id == kpi)
            .any(|k| k.breaches.iter().any(|b| b.month == month))
    };
    let mut out: Vec<NewBreach> = now
        .performance
        .kpis
        .iter()
        .flat_map(|k| {
            k.breaches
                .iter()
                .filter(|b| !known(&k.id, b.month))
                .map(move |b| {
                    let terms = k
                        .series
                        .iter()
                        .find(|p| p.month == b.month)
                        .map(|p| &p.terms);
                    // A minimum of its own, as the breach flag names it: a
                    // miss of a minimum that is the target is a breach only.
                    let minimum = terms
                        .and_then(|t| t.minimum.filter(|min| *min != t.target))
                        .filter(|_| k.defaults.iter().any(|d| d.month == b.month));
                    NewBreach {
                        kpi: k.id.clone(),
                        name: k.name.clone(),
                        unit: k.unit.clone(),
                        month: b.month,
                        value: b.value,
                        target: terms.map_or(k.target, |t| t.target),
                        default: minimum,
                        // Every breach is an SLA miss: red, never amber.
                        status: b.status.shown(true).0,
                    }
                })
        })
        .collect();
    // Stable: KPIs keep the record's order within a month.
    out.sort_by_key(|b| b.month);
    out
}

/// Notes dated after `since`, up to `as_of`, oldest first.
fn notes_between(e: &Engagement, since: NaiveDate, as_of: NaiveDate) -> Vec<NoteRef> {
    let mut notes: Vec<NoteRef> = e
        .notes
        .iter()
        .filter(|n| n.meta.date > since && n.meta.date <= as_of)
        .map(|n| NoteRef {
            slug: n.slug.clone(),
            title: n.meta.title.clone(),
            date: n.meta.date,
            kind: n.meta.kind,
        })
        .collect();
    notes.sort_by(|a, b| (a.date, &a.slug).cmp(&(b.date, &b.slug)));
    notes
}

#[cfg(test)]
mod tests;
