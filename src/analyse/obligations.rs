//! Recurring obligations of both sides (docs/metrics.md, "Obligations"):
//! each obligation's instances up to `as_of` + 90 days, which note fulfils
//! or waives each, the state of each instance, and the health component
//! (each side's on-time rate over the last 12 months, then their mean).
//!
//! Matching: notes dated on or before `as_of` are taken in date order
//! (then file name); each id a note `fulfils` (or `waives`) goes to the
//! oldest open instance whose window has opened, that is, whose previous
//! instance's due date is before the note's date. It is on time when the
//! note is dated on or before due + `grace_days`, else late. So a pack sent
//! five days late every month is late every month, not on time for the
//! month after.

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::flags::{Flag, FlagKind, flag};
use super::tone::Tone;
use super::window::MonthWindow;
use super::words::{self, Parties};
use crate::model::{Engagement, Month, Obligation, Recurrence, Side};
use crate::text::{Arg, Text};

/// Instances are generated up to this many days after `as_of`.
pub const HORIZON_DAYS: u64 = 90;
/// An open instance due within this many days from `as_of` is "due soon".
pub const DUE_SOON_DAYS: u64 = 14;
/// Months of the score's window.
pub const SCORE_MONTHS: u32 = 12;

/// The state of one instance at `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstanceState {
    Overdue,
    DueSoon,
    Upcoming,
    FulfilledLate,
    Fulfilled,
    Waived,
}

impl InstanceState {
    pub const ALL: [InstanceState; 6] = [
        InstanceState::Overdue,
        InstanceState::DueSoon,
        InstanceState::Upcoming,
        InstanceState::FulfilledLate,
        InstanceState::Fulfilled,
        InstanceState::Waived,
    ];

    /// Words for people: "fulfilled late".
    pub fn label(self) -> &'static str {
        match self {
            InstanceState::Overdue => "overdue",
            InstanceState::DueSoon => "due soon",
            InstanceState::Upcoming => "upcoming",
            InstanceState::FulfilledLate => "fulfilled late",
            InstanceState::Fulfilled => "fulfilled",
            InstanceState::Waived => "waived",
        }
    }

    /// The name in data files and `data-state`: "fulfilled-late".
    pub fn key(self) -> &'static str {
        match self {
            InstanceState::Overdue => "overdue",
            InstanceState::DueSoon => "due-soon",
            InstanceState::Upcoming => "upcoming",
            InstanceState::FulfilledLate => "fulfilled-late",
            InstanceState::Fulfilled => "fulfilled",
            InstanceState::Waived => "waived",
        }
    }

    /// Still to be done.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            InstanceState::Overdue | InstanceState::DueSoon | InstanceState::Upcoming
        )
    }

    /// Overdue and late are warnings (amber), as overdue actions are; on
    /// time is met (green); what is open and not late, or waived, is not
    /// judged (grey).
    pub fn tone(self) -> Tone {
        match self {
            InstanceState::Overdue | InstanceState::FulfilledLate => Tone::Amber,
            InstanceState::Fulfilled => Tone::Green,
            InstanceState::DueSoon | InstanceState::Upcoming | InstanceState::Waived => Tone::Grey,
        }
    }
}

/// The note that fulfilled or waived an instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteRef {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
}

/// One occurrence of an obligation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instance {
    pub due: NaiveDate,
    /// due + `grace_days`: the last day a fulfilment is on time.
    pub deadline: NaiveDate,
    pub state: InstanceState,
    /// The note that fulfilled or waived it.
    pub note: Option<NoteRef>,
    /// The waiver's reason, when waived.
    pub reason: Option<String>,
}

/// One obligation with its instances, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObligationStatus {
    pub id: String,
    pub title: String,
    pub owner: Side,
    pub every: Recurrence,
    pub grace_days: u32,
    pub instances: Vec<Instance>,
    /// The first due date past the instances' horizon.
    pub later: Option<NaiveDate>,
}

impl ObligationStatus {
    pub fn overdue(&self) -> impl Iterator<Item = &Instance> {
        self.instances
            .iter()
            .filter(|i| i.state == InstanceState::Overdue)
    }

    /// The first open instance not yet overdue: what is due next.
    pub fn next(&self) -> Option<&Instance> {
        self.instances
            .iter()
            .find(|i| matches!(i.state, InstanceState::DueSoon | InstanceState::Upcoming))
    }
}

/// One side's record over the score's window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideRecord {
    pub side: Side,
    /// Instances due in the window that are judged: on time, late or overdue.
    pub judged: usize,
    pub on_time: usize,
    pub late: usize,
    pub overdue: usize,
    /// Left out of the rate.
    pub waived: usize,
    /// on_time / judged; `None` without a judged instance.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Obligations {
    /// In the order of engagement.yaml.
    pub items: Vec<ObligationStatus>,
    /// The months whose instances the score judges.
    pub window: MonthWindow,
    pub provider: SideRecord,
    pub client: SideRecord,
    /// The mean of the sides' rates × 100; `None` without a judged instance.
    pub score: Option<f64>,
    /// Overdue instances, of every obligation.
    pub overdue: usize,
}

impl Obligations {
    pub fn side(&self, side: Side) -> &SideRecord {
        match side {
            Side::Provider => &self.provider,
            Side::Client => &self.client,
        }
    }
}

fn plus_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// The due date of instance `k` (0 is `due` itself): `k` × `every` months
/// after `due`'s month, on `due`'s day of month or that month's last day
/// where it has none. Each instance is counted from the first due date, so
/// 2026-01-31 monthly is followed by 2026-02-28 and then 2026-03-31.
pub fn nth_due(due: NaiveDate, every: Recurrence, k: u32) -> Option<NaiveDate> {
    let steps = i32::try_from(k).ok()?.checked_mul(every.months())?;
    let month = Month::of(due).plus(steps);
    if !(1..=9999).contains(&month.year) {
        return None;
    }
    let last = month.last_day();
    Some(if due.day() > last.day() {
        last
    } else {
        NaiveDate::from_ymd_opt(month.year, month.month, due.day())?
    })
}

/// The due dates of `o` up to `until`, oldest first.
pub fn due_dates(o: &Obligation, until: NaiveDate) -> Vec<NaiveDate> {
    (0..)
        .map_while(|k| nth_due(o.due, o.every, k).filter(|d| *d <= until))
        .collect()
}

/// What a note does to an instance.
enum Claim {
    Fulfil,
    Waive(String),
}

fn analyse_one(e: &Engagement, o: &Obligation, as_of: NaiveDate) -> ObligationStatus {
    let dues = due_dates(o, plus_days(as_of, HORIZON_DAYS));
    let grace = u64::from(o.grace_days);
    let deadline = |i: usize| plus_days(dues[i], grace);
    let mut claimed: Vec<Option<(Claim, NaiveDate, NoteRef)>> = dues.iter().map(|_| None).collect();
    for note in e.notes.iter().filter(|n| n.meta.date <= as_of) {
        let date = note.meta.date;
        let claims = note
            .meta
            .fulfils
            .iter()
            .filter(|id| **id == o.id)
            .take(1)
            .map(|_| Claim::Fulfil)
            .chain(
                note.meta
                    .waives
                    .iter()
                    .filter(|w| w.obligation == o.id)
                    .map(|w| Claim::Waive(w.reason.clone())),
            );
        for claim in claims {
            // The oldest open instance whose window has opened.
            let slot =
                (0..dues.len()).find(|&i| claimed[i].is_none() && (i == 0 || dues[i - 1] < date));
            if let Some(i) = slot {
                let note_ref = NoteRef {
                    slug: note.slug.clone(),
                    title: note.meta.title.clone(),
                    date,
                };
                claimed[i] = Some((claim, date, note_ref));
            }
        }
    }
    let soon = plus_days(as_of, DUE_SOON_DAYS);
    let instances: Vec<Instance> = dues
        .iter()
        .zip(claimed)
        .enumerate()
        .map(|(i, (&due, claim))| {
            let deadline = deadline(i);
            let (state, note, reason) = match claim {
                Some((Claim::Waive(reason), _, note)) => {
                    (InstanceState::Waived, Some(note), Some(reason))
                }
                Some((Claim::Fulfil, date, note)) if date <= deadline => {
                    (InstanceState::Fulfilled, Some(note), None)
                }
                Some((Claim::Fulfil, _, note)) => (InstanceState::FulfilledLate, Some(note), None),
                None if deadline < as_of => (InstanceState::Overdue, None, None),
                // Past its due date but within its grace: its deadline is near.
                None if due <= soon => (InstanceState::DueSoon, None, None),
                None => (InstanceState::Upcoming, None, None),
            };
            Instance {
                due,
                deadline,
                state,
                note,
                reason,
            }
        })
        .collect();
    ObligationStatus {
        id: o.id.clone(),
        title: o.title.clone(),
        owner: o.owner,
        every: o.every,
        grace_days: o.grace_days,
        later: u32::try_from(dues.len())
            .ok()
            .and_then(|k| nth_due(o.due, o.every, k)),
        instances,
    }
}

fn side_record(items: &[ObligationStatus], side: Side, window: MonthWindow) -> SideRecord {
    let in_window = items
        .iter()
        .filter(|o| o.owner == side)
        .flat_map(|o| o.instances.iter())
        .filter(|i| window.contains_date(i.due));
    let (mut on_time, mut late, mut overdue, mut waived) = (0, 0, 0, 0);
    for i in in_window {
        match i.state {
            InstanceState::Fulfilled => on_time += 1,
            InstanceState::FulfilledLate => late += 1,
            InstanceState::Overdue => overdue += 1,
            InstanceState::Waived => waived += 1,
            // Still within its grace: not judged yet.
            InstanceState::DueSoon | InstanceState::Upcoming => {}
        }
    }
    let judged = on_time + late + overdue;
    SideRecord {
        side,
        judged,
        on_time,
        late,
        overdue,
        waived,
        rate: (judged > 0).then(|| on_time as f64 / judged as f64),
    }
}

/// The mean of the sides' on-time rates × 100, in decimals (docs/metrics.md,
/// "Exact decimals"): 2 of 3 and 1 of 1 is (2/3 + 1) / 2 × 100.
fn score(sides: &[&SideRecord]) -> Option<f64> {
    let rates: Vec<Decimal> = sides
        .iter()
        .filter(|s| s.judged > 0)
        .map(|s| Decimal::from(s.on_time as u64) / Decimal::from(s.judged as u64))
        .collect();
    if rates.is_empty() {
        return None;
    }
    let mean = rates.iter().sum::<Decimal>() / Decimal::from(rates.len() as u64);
    f64::try_from(mean * Decimal::ONE_HUNDRED).ok()
}

pub fn analyse_obligations(e: &Engagement, as_of: NaiveDate) -> Obligations {
    let items: Vec<ObligationStatus> = e
        .record
        .obligations
        .iter()
        .map(|o| analyse_one(e, o, as_of))
        .collect();
    let window = MonthWindow::last_months(as_of, SCORE_MONTHS);
    let provider = side_record(&items, Side::Provider, window);
    let client = side_record(&items, Side::Client, window);
    Obligations {
        overdue: items.iter().map(|o| o.overdue().count()).sum(),
        score: score(&[&provider, &client]),
        window,
        provider,
        client,
        items,
    }
}

impl Obligations {
    /// The health breakdown's words, in English.
    pub fn reasons(&self, parties: &Parties) -> Vec<String> {
        self.reasons_text(parties)
            .iter()
            .map(Text::english)
            .collect()
    }

    /// The health breakdown's words: each side's record, then what is
    /// overdue, naming the party.
    pub fn reasons_text(&self, parties: &Parties) -> Vec<Text> {
        if self.items.is_empty() {
            return vec![Text::new("flag-obligations-none")];
        }
        let mut reasons = Vec::new();
        let span = words::last_months_text(self.window);
        let mut rates = Vec::new();
        for side in [Side::Provider, Side::Client] {
            let s = self.side(side);
            let name = parties.name(side);
            if s.judged == 0 {
                let text = if s.waived > 0 {
                    Text::new("flag-obligations-side-none-waived").with("waived", s.waived)
                } else {
                    Text::new("flag-obligations-side-none")
                };
                reasons.push(text.with("party", name).with("months", span.clone()));
                continue;
            }
            let mut misses: Vec<Arg> = Vec::new();
            if s.late > 0 {
                misses.push(
                    Text::new("flag-obligations-late")
                        .with("count", s.late)
                        .into(),
                );
            }
            if s.overdue > 0 {
                misses.push(
                    Text::new("flag-obligations-still-overdue")
                        .with("count", s.overdue)
                        .into(),
                );
            }
            let id = match (misses.is_empty(), s.waived > 0) {
                (true, false) => "flag-obligations-side",
                (false, false) => "flag-obligations-side-misses",
                (true, true) => "flag-obligations-side-waived",
                (false, true) => "flag-obligations-side-misses-waived",
            };
            let rate = s.rate.unwrap_or(0.0);
            rates.push(rate);
            reasons.push(
                Text::new(id)
                    .with("party", name)
                    .with("on_time", s.on_time)
                    .with("count", s.judged)
                    .with("months", span.clone())
                    .with("misses", Arg::List(misses))
                    .with("waived", s.waived)
                    .with("rate", words::pct_arg(rate)),
            );
        }
        if let Some(score) = self.score
            && rates.len() == 2
        {
            reasons.push(Text::new("flag-obligations-score").with("score", words::num_arg(score)));
        }
        let overdue: Vec<Arg> = self
            .items
            .iter()
            .flat_map(|o| o.overdue().map(move |i| (o, i)))
            .map(|(o, i)| {
                Text::new("flag-obligations-overdue-item")
                    .with("title", &o.title)
                    .with("party", parties.name(o.owner))
                    .with("due", Arg::LongDate(i.due))
                    .into()
            })
            .collect();
        if !overdue.is_empty() {
            reasons.push(Text::new("flag-obligations-overdue").with("items", Arg::List(overdue)));
        }
        reasons
    }
}

/// How often, as a sentence says it: `every month`.
pub fn every_words(every: Recurrence) -> &'static str {
    match every {
        Recurrence::Monthly => "every month",
        Recurrence::Quarterly => "every quarter",
        Recurrence::Yearly => "every year",
    }
}

/// [`every_words`] as a message.
fn every_text(every: Recurrence) -> Text {
    Text::new(match every {
        Recurrence::Monthly => "flag-every-month",
        Recurrence::Quarterly => "flag-every-quarter",
        Recurrence::Yearly => "flag-every-year",
    })
}

/// `client`, `provider`, as a message.
pub(crate) fn side_text(side: Side) -> Text {
    Text::new(match side {
        Side::Client => "flag-side-client",
        Side::Provider => "flag-side-provider",
    })
}

/// One warning per obligation with an overdue instance, naming the party
/// that owes it: the client's lapses show as the provider's do.
pub fn flags(a: &Obligations, parties: &Parties) -> Vec<Flag> {
    a.items
        .iter()
        .filter_map(|o| {
            let overdue: Vec<&Instance> = o.overdue().collect();
            let first = overdue.first()?;
            let owner = parties.name(o.owner);
            let title = match overdue.len() {
                1 => Text::new("flag-obligation-overdue"),
                _ => Text::new("flag-obligation-overdue-times"),
            }
            .with("party", owner)
            .with("title", &o.title)
            .with("count", overdue.len())
            .with("due", Arg::LongDate(first.due));
            let dues: Vec<Arg> = overdue.iter().map(|i| Arg::LongDate(i.due)).collect();
            let evidence = match o.grace_days {
                0 => Text::new("flag-obligation-overdue-evidence"),
                g => Text::new("flag-obligation-overdue-evidence-grace").with("grace", g),
            }
            .with("party", owner)
            .with("side", side_text(o.owner))
            .with("every", every_text(o.every))
            .with("dues", Arg::List(dues))
            .with("count", overdue.len());
            Some(Flag {
                subject: Some(o.id.clone()),
                ..flag(FlagKind::ObligationOverdue, title, evidence)
            })
        })
        .collect()
}

/// The portfolio's attention items of one engagement: each obligation
/// with an overdue instance, with the oldest such due date.
pub fn attention(e: &Engagement, a: &Obligations) -> Vec<(Text, NaiveDate)> {
    let parties = Parties::of(e);
    a.items
        .iter()
        .filter_map(|o| {
            let overdue: Vec<&Instance> = o.overdue().collect();
            let first = overdue.first()?;
            Some((
                Text::new("gov-attention-obligation-overdue")
                    .with("due", first.due)
                    .with("title", &o.title)
                    .with("owner", parties.name(o.owner))
                    .with("times", overdue.len()),
                first.due,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests;
