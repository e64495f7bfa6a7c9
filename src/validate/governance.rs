//! Checks of the escalation ladder, escalation notes and root-cause notes
//! (docs/check.md, "Escalations and root causes"): a ladder climbing in
//! strictly increasing levels with positive time boxes; a note's level on
//! the ladder, its resolution not before it, the note it raises an earlier
//! escalation at a lower level; a root cause naming an SLA KPI and a month
//! that KPI breached.

use super::Finding;
use super::ranges::{MAX_DAYS, YEARS_TEXT, year_in_range};
use crate::analyse::escalations::DEFAULT_LEVEL;
use crate::analyse::kpi::point;
use crate::diagnostic::Severity;
use crate::model::{Engagement, Note, NoteKind};
use crate::yaml::{closest, shorten};

fn at(e: &Engagement, severity: Severity, path: String, message: String) -> Finding {
    Finding {
        severity,
        file: e.source.clone(),
        path,
        at: None,
        message,
    }
}

fn in_note(n: &Note, severity: Severity, path: &str, message: String) -> Finding {
    Finding {
        severity,
        file: n.source.clone(),
        path: path.to_string(),
        at: None,
        message,
    }
}

/// The ladder and `contract.rca_days`.
pub(super) fn record(e: &Engagement, out: &mut Vec<Finding>) {
    let ladder = &e.record.escalation;
    for (i, r) in ladder.iter().enumerate() {
        if r.days <= 0 || r.days > MAX_DAYS {
            out.push(at(
                e,
                Severity::Error,
                format!("escalation.{i}.days="),
                format!(
                    "the time box of level {} is {} days: write how many days an escalation \
                     may stay at this level, from 1 to {MAX_DAYS}",
                    r.level, r.days
                ),
            ));
        }
        if r.name.trim().is_empty() {
            out.push(at(
                e,
                Severity::Error,
                format!("escalation.{i}.name="),
                format!(
                    "level {} has no name: write who handles escalations at this level, e.g. \
                     `name: Account directors`",
                    r.level
                ),
            ));
        }
        if let Some(prev) = i.checked_sub(1).map(|p| &ladder[p]) {
            if r.level == prev.level {
                out.push(at(
                    e,
                    Severity::Error,
                    format!("escalation.{i}.level="),
                    format!(
                        "level {} is on the ladder twice (also item {i}): give each rung its own \
                         level",
                        r.level
                    ),
                ));
            } else if r.level < prev.level {
                out.push(at(
                    e,
                    Severity::Error,
                    format!("escalation.{i}.level="),
                    format!(
                        "level {} comes after level {}: list the ladder lowest level first, \
                         each higher than the one before",
                        r.level, prev.level
                    ),
                ));
            }
        }
    }
    let days = e.record.contract.as_ref().and_then(|c| c.rca_days);
    if let Some(days) = days.filter(|d| i64::from(*d) > MAX_DAYS) {
        out.push(at(
            e,
            Severity::Error,
            "contract.rca_days=".into(),
            format!("rca_days is {days}: use a number of days from 0 to {MAX_DAYS}, e.g. 10"),
        ));
    }
}

/// Every note's `level`, `resolved`, `escalates` and `rca`.
pub(super) fn notes(e: &Engagement, out: &mut Vec<Finding>) {
    for n in &e.notes {
        escalation(e, n, out);
        root_cause(e, n, out);
    }
}

fn escalation(e: &Engagement, n: &Note, out: &mut Vec<Finding>) {
    let m = &n.meta;
    let escalation = m.kind == NoteKind::Escalation;
    for (key, given) in [
        ("level", m.level.is_some()),
        ("resolved", m.resolved.is_some()),
        ("escalates", m.escalates.is_some()),
    ] {
        if given && !escalation {
            out.push(in_note(
                n,
                Severity::Warning,
                key,
                format!(
                    "`{key}` is read only on escalation notes: add `kind: escalation`, or \
                     remove `{key}`"
                ),
            ));
        }
    }
    if !escalation {
        return;
    }
    let level = m.level.unwrap_or(DEFAULT_LEVEL);
    let ladder = &e.record.escalation;
    if !ladder.is_empty() && !ladder.iter().any(|r| r.level == level) {
        let levels: Vec<String> = ladder
            .iter()
            .map(|r| format!("{} ({})", r.level, r.name))
            .collect();
        out.push(in_note(
            n,
            Severity::Error,
            if m.level.is_some() { "level=" } else { "kind=" },
            format!(
                "level {level} is not on the escalation ladder of {}: use one of {}",
                e.source.display(),
                levels.join(", ")
            ),
        ));
    }
    if let Some(resolved) = m.resolved {
        if !year_in_range(resolved) {
            out.push(in_note(
                n,
                Severity::Error,
                "resolved=",
                format!("resolved {resolved} is outside {YEARS_TEXT}: check the year"),
            ));
        } else if resolved < m.date {
            out.push(in_note(
                n,
                Severity::Error,
                "resolved=",
                format!(
                    "resolved {resolved} is before the escalation was opened ({}): write the \
                     day it was settled",
                    m.date
                ),
            ));
        }
    }
    let Some(slug) = &m.escalates else { return };
    let earlier = e
        .notes
        .iter()
        .find(|x| &x.slug == slug && x.meta.kind == NoteKind::Escalation);
    let problem = match earlier {
        _ if slug == &n.slug => Some("names this note itself".to_string()),
        None => {
            let known: Vec<&str> = e
                .notes
                .iter()
                .filter(|x| x.meta.kind == NoteKind::Escalation && x.slug != n.slug)
                .map(|x| x.slug.as_str())
                .collect();
            let hint = closest(slug, &known)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            Some(format!(
                "names no escalation note of this engagement{hint}: write the file name, \
                 without `.md`, of the escalation this one raises"
            ))
        }
        Some(x) if x.meta.date > m.date => Some(format!(
            "names an escalation opened later ({}): an escalation can only raise an \
             earlier one",
            x.meta.date
        )),
        Some(x) if x.meta.level.unwrap_or(DEFAULT_LEVEL) >= level => Some(format!(
            "raises an escalation at level {} to level {level}: the new level must be higher",
            x.meta.level.unwrap_or(DEFAULT_LEVEL)
        )),
        Some(_) => None,
    };
    if let Some(problem) = problem {
        out.push(in_note(
            n,
            Severity::Error,
            "escalates=",
            format!("`escalates: {}` {problem}", shorten(slug, 60)),
        ));
    }
}

fn root_cause(e: &Engagement, n: &Note, out: &mut Vec<Finding>) {
    let Some(rca) = &n.meta.rca else { return };
    let sla: Vec<&str> = e
        .record
        .kpis
        .iter()
        .filter(|k| k.sla || k.terms.iter().any(|t| t.sla == Some(true)))
        .map(|k| k.id.as_str())
        .collect();
    let Some(kpi) = e.kpi(&rca.kpi).filter(|k| sla.contains(&k.id.as_str())) else {
        let hint = closest(&rca.kpi, &sla)
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        let what = if e.kpi(&rca.kpi).is_some() {
            "is not an SLA KPI"
        } else {
            "is not a KPI"
        };
        out.push(in_note(
            n,
            Severity::Error,
            "rca.kpi=",
            format!(
                "`{}` {what} of {}: a root cause explains an SLA breach; {hint}the SLA KPIs \
                 are: {}",
                shorten(&rca.kpi, 60),
                e.source.display(),
                if sla.is_empty() {
                    "none".to_string()
                } else {
                    sla.join(", ")
                }
            ),
        ));
        return;
    };
    if !point(e, kpi, rca.month, false).is_breach() {
        out.push(in_note(
            n,
            Severity::Warning,
            "rca.month=",
            format!(
                "{} did not breach its SLA in {}: no breach needs this root cause; check the \
                 month",
                kpi.name, rca.month
            ),
        ));
    } else if n.meta.date < rca.month.first_day() {
        out.push(in_note(
            n,
            Severity::Warning,
            "date=",
            format!(
                "the note is dated {}, before {} began: a root cause of that month's breach \
                 counts from {} on",
                n.meta.date,
                rca.month,
                rca.month.first_day()
            ),
        ));
    }
}
