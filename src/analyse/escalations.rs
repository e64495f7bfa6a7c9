//! Escalations: each note of kind `escalation` on the ladder of
//! `escalation:` (docs/metrics.md, "Escalations"). An escalation is open
//! until it is resolved or raised (a later escalation note names it in
//! `escalates:`); one still open more than its level's `days` after the
//! note's date is past its time box, and flagged with the rung to raise it
//! to. The flag's words are here too, so the rule and its sentence stay
//! together.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::flags::{Flag, FlagKind};
use super::tone::Tone;
use super::window::days_between;
use super::words::count;
use crate::model::{Engagement, EscalationLevel, Note, NoteKind};

/// The level of an escalation note that names none.
pub const DEFAULT_LEVEL: u32 = 1;

/// Where an escalation stands at `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EscalationState {
    Open,
    /// A later escalation note took it to a higher level.
    Raised,
    Resolved,
}

impl EscalationState {
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationState::Open => "open",
            EscalationState::Raised => "raised",
            EscalationState::Resolved => "resolved",
        }
    }
}

/// What to do with an escalation past its time box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "name")]
pub enum NextRung {
    /// Raise it to the rung of this name.
    Raise(String),
    /// It is on the highest rung already.
    Top,
}

impl NextRung {
    /// "raise to Account directors", "at the top of the ladder".
    pub fn words(&self) -> String {
        match self {
            NextRung::Raise(name) => format!("raise to {name}"),
            NextRung::Top => "at the top of the ladder".to_string(),
        }
    }
}

/// One escalation note, at one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    /// The note's file stem.
    pub slug: String,
    pub title: String,
    pub level: u32,
    /// The rung's name; `None` for a level not on the ladder.
    pub level_name: Option<String>,
    pub opened: NaiveDate,
    /// The rung's `days`; `None` off the ladder.
    pub time_box_days: Option<i64>,
    /// The last day within the time box: `opened` + `days`.
    pub time_box_end: Option<NaiveDate>,
    pub state: EscalationState,
    /// The day it was resolved or raised.
    pub ended: Option<NaiveDate>,
    /// The note that raised it, when raised.
    pub raised_by: Option<String>,
    /// The earlier note it raises, when that note is in this build.
    pub escalates: Option<String>,
    /// Days from `opened` to `ended`, or to `as_of` while open.
    pub days: i64,
    /// Open and more than `days` days after `opened`.
    pub past_time_box: bool,
    /// The rung to raise it to, when past its time box.
    pub next: Option<NextRung>,
    /// Green when settled within its time box, amber past it (open, or
    /// settled late), grey otherwise (open within it, or no time box).
    pub tone: Tone,
}

/// The ladder and every escalation up to `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Escalations {
    /// The ladder, lowest level first.
    pub ladder: Vec<EscalationLevel>,
    /// Oldest first (by date, then file stem).
    pub items: Vec<Escalation>,
}

impl Escalations {
    pub fn past_time_box(&self) -> impl Iterator<Item = &Escalation> {
        self.items.iter().filter(|x| x.past_time_box)
    }

    pub fn open(&self) -> impl Iterator<Item = &Escalation> {
        self.items
            .iter()
            .filter(|x| x.state == EscalationState::Open)
    }

    /// The rung of `level`, if it is on the ladder.
    pub fn rung(&self, level: u32) -> Option<&EscalationLevel> {
        self.ladder.iter().find(|r| r.level == level)
    }
}

fn is_escalation(n: &Note, as_of: NaiveDate) -> bool {
    n.meta.kind == NoteKind::Escalation && n.meta.date <= as_of
}

/// The escalations of `e` as of `as_of`: notes dated later have not
/// happened yet, nor have resolutions dated later.
pub fn analyse_escalations(e: &Engagement, as_of: NaiveDate) -> Escalations {
    let mut ladder = e.record.escalation.clone();
    ladder.sort_by_key(|r| r.level);
    let notes: Vec<&Note> = e.notes.iter().filter(|n| is_escalation(n, as_of)).collect();
    let items = notes
        .iter()
        .map(|n| escalation(n, &notes, &ladder, as_of))
        .collect();
    Escalations { ladder, items }
}

fn escalation(n: &Note, all: &[&Note], ladder: &[EscalationLevel], as_of: NaiveDate) -> Escalation {
    let level = n.meta.level.unwrap_or(DEFAULT_LEVEL);
    let opened = n.meta.date;
    let rung = ladder.iter().find(|r| r.level == level);
    let time_box_days = rung.map(|r| r.days);
    let time_box_end = time_box_days
        .and_then(|d| u64::try_from(d).ok())
        .and_then(|d| opened.checked_add_days(Days::new(d)));
    // The first later escalation note that names this one raises it.
    let raised = all
        .iter()
        .filter(|m| m.slug != n.slug && m.meta.escalates.as_deref() == Some(n.slug.as_str()))
        .min_by_key(|m| (m.meta.date, &m.slug));
    let resolved = n.meta.resolved.filter(|d| *d <= as_of);
    let (state, ended, raised_by) = match (resolved, raised) {
        (Some(r), Some(m)) if m.meta.date < r => (
            EscalationState::Raised,
            Some(m.meta.date),
            Some(m.slug.clone()),
        ),
        (Some(r), _) => (EscalationState::Resolved, Some(r), None),
        (None, Some(m)) => (
            EscalationState::Raised,
            Some(m.meta.date),
            Some(m.slug.clone()),
        ),
        (None, None) => (EscalationState::Open, None, None),
    };
    let until = ended.unwrap_or(as_of);
    // "More than `days` after the note's date": the last day of the box is
    // `opened + days`; the day after it is past.
    let past = |day: NaiveDate| time_box_end.is_some_and(|end| day > end);
    let past_time_box = state == EscalationState::Open && past(as_of);
    let next = past_time_box.then(|| {
        ladder
            .iter()
            .find(|r| r.level > level)
            .map_or(NextRung::Top, |r| NextRung::Raise(r.name.clone()))
    });
    let tone = match (state, time_box_end) {
        (_, None) if state == EscalationState::Resolved => Tone::Green,
        (_, None) => Tone::Grey,
        _ if past(until) => Tone::Amber,
        (EscalationState::Resolved, _) => Tone::Green,
        _ => Tone::Grey,
    };
    let escalates = n
        .meta
        .escalates
        .clone()
        .filter(|s| all.iter().any(|m| &m.slug == s && m.slug != n.slug));
    Escalation {
        slug: n.slug.clone(),
        title: n.meta.title.clone(),
        level,
        level_name: rung.map(|r| r.name.clone()),
        opened,
        time_box_days,
        time_box_end,
        state,
        ended,
        raised_by,
        escalates,
        days: days_between(opened, until).max(0),
        past_time_box,
        next,
        tone,
    }
}

/// A level as a page names it: "level 2 (Account directors)".
pub fn level_words(x: &Escalation) -> String {
    match &x.level_name {
        Some(name) => format!("level {} ({name})", x.level),
        None => format!("level {}", x.level),
    }
}

/// One warning per escalation past its time box: "Escalation “…” past
/// its time box: raise to Account directors".
pub fn flags(a: &Escalations) -> Vec<Flag> {
    a.past_time_box()
        .filter_map(|x| {
            let next = x.next.as_ref()?;
            let end = x.time_box_end?;
            let kind = FlagKind::EscalationPastTimeBox;
            Some(Flag {
                kind,
                severity: kind.severity(),
                title: format!(
                    "Escalation “{}” past its time box: {}",
                    x.title,
                    next.words()
                ),
                evidence: format!(
                    "Opened on {} at {}, whose time box is {}; it ended on {} and the \
                     escalation has been open {}.",
                    crate::format::long_date(x.opened),
                    level_words(x),
                    count(x.time_box_days.unwrap_or(0).max(0) as usize, "day"),
                    crate::format::long_date(end),
                    count(x.days as usize, "day"),
                ),
                subject: Some(x.slug.clone()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::flags::Severity;
    use crate::analyse::testkit::{add_note, d, engagement, note};

    fn ladder() -> Vec<EscalationLevel> {
        [
            (1, "Service delivery managers", 5),
            (2, "Account directors", 10),
        ]
        .into_iter()
        .map(|(level, name, days)| EscalationLevel {
            level,
            name: name.to_string(),
            days,
        })
        .collect()
    }

    fn escalation_note(slug: &str, date: &str, level: Option<u32>) -> Note {
        let mut n = note(date, NoteKind::Escalation);
        n.slug = slug.to_string();
        n.meta.title = format!("Backlog {slug}");
        n.meta.level = level;
        n
    }

    fn with(notes: Vec<Note>) -> Engagement {
        let mut e = engagement();
        e.record.escalation = ladder();
        for n in notes {
            add_note(&mut e, n);
        }
        e
    }

    #[test]
    fn the_time_box_ends_days_after_the_note_and_is_past_the_day_after() {
        // Level 1: 5 days from 2026-11-01, so the box's last day is 2026-11-06.
        let e = with(vec![escalation_note("a", "2026-11-01", None)]);
        let at = |day: &str| analyse_escalations(&e, d(day)).items[0].clone();
        let before = at("2026-11-05");
        assert_eq!(before.time_box_end, Some(d("2026-11-06")));
        assert_eq!((before.days, before.past_time_box), (4, false));
        let exactly = at("2026-11-06");
        assert_eq!((exactly.days, exactly.past_time_box), (5, false));
        assert_eq!(exactly.tone, Tone::Grey);
        let after = at("2026-11-07");
        assert_eq!((after.days, after.past_time_box), (6, true));
        assert_eq!(
            after.next,
            Some(NextRung::Raise("Account directors".into()))
        );
        assert_eq!(after.tone, Tone::Amber);
        assert_eq!(flags(&analyse_escalations(&e, d("2026-11-06"))), vec![]);
        let f = flags(&analyse_escalations(&e, d("2026-11-07")));
        assert_eq!(
            f[0].title,
            "Escalation “Backlog a” past its time box: raise to Account directors"
        );
        assert_eq!(
            f[0].evidence,
            "Opened on 1 November 2026 at level 1 (Service delivery managers), whose time \
             box is 5 days; it ended on 6 November 2026 and the escalation has been open 6 days."
        );
        // A warning: late, not a breach of the contract itself.
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn the_top_rung_has_nowhere_to_go() {
        // Level 2: 10 days from 2026-10-20 → last day 2026-10-30.
        let e = with(vec![escalation_note("b", "2026-10-20", Some(2))]);
        assert!(!analyse_escalations(&e, d("2026-10-30")).items[0].past_time_box);
        let x = &analyse_escalations(&e, d("2026-10-31")).items[0];
        assert_eq!(
            (x.past_time_box, x.next.clone()),
            (true, Some(NextRung::Top))
        );
        assert_eq!(
            flags(&analyse_escalations(&e, d("2026-10-31")))[0].title,
            "Escalation “Backlog b” past its time box: at the top of the ladder"
        );
    }

    #[test]
    fn raising_closes_the_lower_level_on_the_day_of_the_higher_note() {
        // Level 1 from 2026-09-01 (box to 09-06), raised on 09-10 (late:
        // amber); level 2 from 09-10 (box to 09-20), resolved on 09-18.
        let mut second = escalation_note("b", "2026-09-10", Some(2));
        second.meta.escalates = Some("a".into());
        second.meta.resolved = Some(d("2026-09-18"));
        let e = with(vec![escalation_note("a", "2026-09-01", None), second]);
        let a = analyse_escalations(&e, d("2026-11-23"));
        let (first, second) = (&a.items[0], &a.items[1]);
        assert_eq!(first.state, EscalationState::Raised);
        assert_eq!(first.ended, Some(d("2026-09-10")));
        assert_eq!(first.raised_by.as_deref(), Some("b"));
        assert_eq!((first.days, first.past_time_box), (9, false));
        assert_eq!(first.tone, Tone::Amber);
        assert_eq!(second.state, EscalationState::Resolved);
        assert_eq!(second.escalates.as_deref(), Some("a"));
        assert_eq!((second.days, second.tone), (8, Tone::Green));
        assert!(flags(&a).is_empty());
        // Before the raise, the first one is open and past its box.
        let a = analyse_escalations(&e, d("2026-09-09"));
        assert_eq!(a.items.len(), 1);
        assert!(a.items[0].past_time_box);
    }

    #[test]
    fn a_resolution_after_as_of_has_not_happened_yet() {
        let mut n = escalation_note("a", "2026-11-01", None);
        n.meta.resolved = Some(d("2026-11-20"));
        let e = with(vec![n]);
        let x = &analyse_escalations(&e, d("2026-11-10")).items[0];
        assert_eq!((x.state, x.past_time_box), (EscalationState::Open, true));
        let x = &analyse_escalations(&e, d("2026-11-20")).items[0];
        assert_eq!(
            (x.state, x.days, x.tone),
            (EscalationState::Resolved, 19, Tone::Amber)
        );
    }

    #[test]
    fn a_level_off_the_ladder_has_no_time_box() {
        let mut e = with(vec![escalation_note("a", "2026-01-01", Some(7))]);
        let x = &analyse_escalations(&e, d("2026-11-23")).items[0];
        assert_eq!(
            (x.time_box_end, x.past_time_box, x.tone),
            (None, false, Tone::Grey)
        );
        e.record.escalation.clear();
        e.notes[0].meta.level = None;
        let x = &analyse_escalations(&e, d("2026-11-23")).items[0];
        assert_eq!(
            (x.level, x.level_name.clone(), x.past_time_box),
            (1, None, false)
        );
    }

    #[test]
    fn only_escalation_notes_count_and_the_ladder_is_sorted() {
        let mut e = with(vec![
            escalation_note("a", "2026-11-01", None),
            note("2026-11-02", NoteKind::CheckIn),
        ]);
        e.record.escalation.reverse();
        let a = analyse_escalations(&e, d("2026-11-23"));
        assert_eq!(a.items.len(), 1);
        assert_eq!(a.ladder[0].level, 1);
    }
}
