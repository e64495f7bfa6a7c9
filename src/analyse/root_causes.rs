//! Root causes: with `contract.rca_days`, every breach of an SLA KPI in the
//! last 12 months needs a note whose front matter says `rca: { kpi, month }`
//! (docs/metrics.md, "Root causes"), dated from the breached month's first
//! day to `rca_days` days after the month ends. The breaches are the ones
//! `kpi` decided; this module only looks for their notes. The flag's words
//! are here too, so the rule and its sentence stay together.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::flags::{Flag, FlagKind};
use super::kpi::Performance;
use super::tone::Tone;
use super::words::Parties;
use crate::model::{Engagement, Month, Note, Side};
use crate::text::{Arg, Text};

/// Where a breach's root cause stands at `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RcaState {
    /// A root-cause note dated within the window.
    Written,
    /// A root-cause note dated after the due day: it does not count, so
    /// the breach is flagged as having no root cause, as a missing one is.
    WrittenLate,
    /// None yet, and the due day has not passed.
    Due,
    /// None, and the due day has passed: flagged.
    Missing,
    /// None, and no `rca_days` to make one due.
    NotTracked,
}

impl RcaState {
    pub fn as_str(self) -> &'static str {
        match self {
            RcaState::Written => "written",
            RcaState::WrittenLate => "written-late",
            RcaState::Due => "due",
            RcaState::Missing => "missing",
            RcaState::NotTracked => "not-tracked",
        }
    }

    /// Met green, late amber; a missing root cause is a warning, so amber
    /// too; not yet due grey.
    pub fn tone(self) -> Tone {
        match self {
            RcaState::Written => Tone::Green,
            RcaState::WrittenLate | RcaState::Missing => Tone::Amber,
            RcaState::Due | RcaState::NotTracked => Tone::Grey,
        }
    }
}

/// The root-cause note of a breach.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RcaNote {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
}

/// One breach and its root cause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RootCause {
    pub kpi: String,
    pub kpi_name: String,
    /// Whose KPI it is: that side owes the root cause.
    pub owner: Side,
    pub month: Month,
    /// The last day on which the note is on time: the month's last day
    /// plus `rca_days`; `None` without `rca_days`.
    pub due: Option<NaiveDate>,
    pub state: RcaState,
    pub note: Option<RcaNote>,
}

/// The root cause of every breach of the last 12 months.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct RootCauses {
    pub rca_days: Option<u32>,
    /// By KPI in the scorecard's order, then by month.
    pub breaches: Vec<RootCause>,
}

impl RootCauses {
    pub fn of(&self, kpi: &str, month: Month) -> Option<&RootCause> {
        self.breaches
            .iter()
            .find(|b| b.kpi == kpi && b.month == month)
    }

    pub fn missing(&self) -> impl Iterator<Item = &RootCause> {
        self.breaches
            .iter()
            .filter(|b| matches!(b.state, RcaState::Missing | RcaState::WrittenLate))
    }

    /// Whether the breaches table has anything to say about root causes.
    pub fn shown(&self) -> bool {
        self.rca_days.is_some() || self.breaches.iter().any(|b| b.note.is_some())
    }
}

/// The last day a root cause of a breach in `month` is on time.
pub fn due(month: Month, rca_days: u32) -> Option<NaiveDate> {
    month
        .last_day()
        .checked_add_days(Days::new(u64::from(rca_days)))
}

/// The first note dated from `month`'s first day to `as_of` that names
/// the breach.
fn note_for<'a>(e: &'a Engagement, kpi: &str, month: Month, as_of: NaiveDate) -> Option<&'a Note> {
    e.notes.iter().find(|n| {
        n.meta
            .rca
            .as_ref()
            .is_some_and(|r| r.kpi == kpi && r.month == month)
            && (month.first_day()..=as_of).contains(&n.meta.date)
    })
}

pub fn analyse_root_causes(e: &Engagement, perf: &Performance, as_of: NaiveDate) -> RootCauses {
    let rca_days = e.record.contract.as_ref().and_then(|c| c.rca_days);
    let breaches = perf
        .kpis
        .iter()
        .flat_map(|k| k.breaches.iter().map(move |b| (k, b.month)))
        .map(|(k, month)| {
            let due = rca_days.and_then(|days| due(month, days));
            let note = note_for(e, &k.id, month, as_of);
            let state = match (note, due) {
                (Some(n), Some(due)) if n.meta.date > due => RcaState::WrittenLate,
                (Some(_), _) => RcaState::Written,
                (None, Some(due)) if as_of > due => RcaState::Missing,
                (None, Some(_)) => RcaState::Due,
                (None, None) => RcaState::NotTracked,
            };
            RootCause {
                kpi: k.id.clone(),
                kpi_name: k.name.clone(),
                owner: k.owner,
                month,
                due,
                state,
                note: note.map(|n| RcaNote {
                    slug: n.slug.clone(),
                    title: n.meta.title.clone(),
                    date: n.meta.date,
                }),
            }
        })
        .collect();
    RootCauses { rca_days, breaches }
}

/// One warning per KPI with breaches whose root cause is missing, naming
/// the side that owes it.
pub fn flags(r: &RootCauses, parties: &Parties) -> Vec<Flag> {
    let mut kpis: Vec<&str> = r.missing().map(|b| b.kpi.as_str()).collect();
    kpis.dedup();
    kpis.into_iter()
        .map(|kpi| {
            let missing: Vec<&RootCause> = r.missing().filter(|b| b.kpi == kpi).collect();
            let first = missing[0];
            let months: Vec<Month> = missing.iter().map(|b| b.month).collect();
            let dues: Vec<Arg> = missing
                .iter()
                .filter_map(|b| {
                    let id = match (missing.len() > 1, b.note.is_some()) {
                        (false, false) => "flag-rca-due",
                        (true, false) => "flag-rca-due-for",
                        (false, true) => "flag-rca-due-late",
                        (true, true) => "flag-rca-due-for-late",
                    };
                    let due = Text::new(id)
                        .with("due", Arg::LongDate(b.due?))
                        .with("month", b.month);
                    let due = match &b.note {
                        Some(n) => due.with("written", Arg::LongDate(n.date)),
                        None => due,
                    };
                    Some(due.into())
                })
                .collect();
            let evidence = if missing.iter().all(|b| b.note.is_none()) {
                "flag-rca-missing-evidence"
            } else {
                "flag-rca-missing-evidence-late"
            };
            let kind = FlagKind::RootCauseMissing;
            Flag {
                kind,
                severity: kind.severity(),
                title: Text::new("flag-rca-missing")
                    .with("party", parties.name(first.owner))
                    .with("count", missing.len())
                    .with("kpi", &first.kpi_name)
                    .with(
                        "months",
                        Arg::Months(months.iter().map(|m| (*m, None)).collect()),
                    ),
                evidence: Text::new(evidence)
                    .with("count", missing.len())
                    .with("dues", Arg::List(dues))
                    .with("days", r.rca_days.unwrap_or(0)),
                subject: Some(kpi.to_string()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::flags::Severity;
    use crate::analyse::kpi::analyse_performance;
    use crate::analyse::testkit::{add_note, d, engagement, kpi, m, note, parties, set_kpi};
    use crate::model::{Contract, Kpi, NoteKind, RcaRef};

    /// An SLA KPI (target 99) breached in 2026-09 (98) and met in 2026-10,
    /// with 10 days for root causes: due 2026-10-10.
    fn breached() -> Engagement {
        let mut e = engagement();
        e.record.kpis.push(Kpi {
            sla: true,
            name: "Accuracy".into(),
            ..kpi("acc", 99.0)
        });
        set_kpi(&mut e, "2026-09", "acc", Some(98.0));
        set_kpi(&mut e, "2026-10", "acc", Some(99.5));
        e.record.contract = Some(Contract {
            rca_days: Some(10),
            ..Contract::default()
        });
        e
    }

    fn rca_note(e: &mut Engagement, date: &str, kpi: &str, month: &str) {
        let mut n = note(date, NoteKind::Note);
        n.slug = format!("{date}-rca");
        n.meta.rca = Some(RcaRef {
            kpi: kpi.into(),
            month: m(month),
        });
        add_note(e, n);
    }

    fn at(e: &Engagement, as_of: &str) -> RootCauses {
        analyse_root_causes(e, &analyse_performance(e, d(as_of)), d(as_of))
    }

    #[test]
    fn the_due_day_is_rca_days_after_the_month_ends() {
        assert_eq!(due(m("2026-09"), 10), Some(d("2026-10-10")));
        assert_eq!(due(m("2028-02"), 0), Some(d("2028-02-29")));
        let e = breached();
        let r = at(&e, "2026-10-10");
        assert_eq!(r.breaches.len(), 1);
        assert_eq!(r.breaches[0].due, Some(d("2026-10-10")));
        assert_eq!(
            r.breaches[0].state,
            RcaState::Due,
            "on the due day, not late"
        );
        assert!(flags(&r, &parties()).is_empty());
        let r = at(&e, "2026-10-11");
        assert_eq!(r.breaches[0].state, RcaState::Missing);
        let f = flags(&r, &parties());
        assert_eq!(
            f[0].title.english(),
            "No root cause from BPSource for the breach of Accuracy in September 2026"
        );
        assert_eq!(
            f[0].evidence.english(),
            "A root-cause note was due by 10 October 2026, 10 days after the month ended; \
             none names the breach in its `rca:`."
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn a_note_on_the_first_day_of_the_breached_month_counts() {
        let mut e = breached();
        rca_note(&mut e, "2026-09-01", "acc", "2026-09");
        let r = at(&e, "2026-11-23");
        assert_eq!(r.breaches[0].state, RcaState::Written);
        assert_eq!(r.breaches[0].note.as_ref().unwrap().slug, "2026-09-01-rca");
    }

    #[test]
    fn a_note_the_day_before_the_breached_month_does_not() {
        let mut e = breached();
        rca_note(&mut e, "2026-08-31", "acc", "2026-09");
        assert_eq!(at(&e, "2026-11-23").breaches[0].state, RcaState::Missing);
    }

    #[test]
    fn a_note_on_the_due_day_is_on_time_and_the_day_after_late() {
        let mut e = breached();
        rca_note(&mut e, "2026-10-10", "acc", "2026-09");
        assert_eq!(at(&e, "2026-11-23").breaches[0].state, RcaState::Written);
        let mut e = breached();
        rca_note(&mut e, "2026-10-11", "acc", "2026-09");
        let r = at(&e, "2026-11-23");
        assert_eq!(r.breaches[0].state, RcaState::WrittenLate);
        // A note outside the window does not count: still no root cause.
        let f = flags(&r, &parties());
        assert_eq!(f.len(), 1, "written late: still flagged");
        assert!(
            f[0].evidence
                .english()
                .contains("(written late, on 11 October 2026)")
                && f[0]
                    .evidence
                    .english()
                    .ends_with("a note after that day does not count."),
            "{}",
            f[0].evidence
        );
        // Before that note's day it has not been written yet.
        assert_eq!(at(&e, "2026-10-10").breaches[0].state, RcaState::Due);
    }

    #[test]
    fn a_note_for_another_month_or_kpi_does_not_count() {
        let mut e = breached();
        rca_note(&mut e, "2026-10-02", "acc", "2026-10");
        rca_note(&mut e, "2026-10-03", "other", "2026-09");
        assert_eq!(at(&e, "2026-11-23").breaches[0].state, RcaState::Missing);
    }

    #[test]
    fn without_rca_days_nothing_is_due() {
        let mut e = breached();
        e.record.contract = None;
        let r = at(&e, "2026-11-23");
        assert_eq!(
            (r.breaches[0].state, r.breaches[0].due, r.shown()),
            (RcaState::NotTracked, None, false)
        );
        rca_note(&mut e, "2026-10-20", "acc", "2026-09");
        let r = at(&e, "2026-11-23");
        assert_eq!((r.breaches[0].state, r.shown()), (RcaState::Written, true));
    }

    #[test]
    fn missing_root_causes_of_one_kpi_are_one_flag() {
        let mut e = breached();
        set_kpi(&mut e, "2026-08", "acc", Some(97.0));
        let r = at(&e, "2026-11-23");
        let f = flags(&r, &parties());
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].title.english(),
            "No root cause from BPSource for the breaches of Accuracy in August and September 2026"
        );
        assert_eq!(
            f[0].evidence.english(),
            "Root-cause notes were due by 10 September 2026 for August 2026 and 10 October \
             2026 for September 2026, 10 days after the month ended; none names the breaches \
             in its `rca:`."
        );
    }
}
