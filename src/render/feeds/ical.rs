//! `calendar.ics`: the dates people act on, as an iCalendar file (RFC 5545)
//! to subscribe to: reviews due, action and risk-mitigation due dates,
//! contract notice deadlines and ends, milestones, and the open instances
//! of obligations.
//!
//! Every event is a whole day. Lines end in CRLF and are folded at 75
//! octets; text values escape `\`, `;`, `,` and newlines. UIDs are made
//! from the items themselves and DTSTAMP is the report date, so the same
//! input gives the same bytes.

use chrono::{Days, NaiveDate};

use crate::analyse::actions::ActionState;
use crate::render::{Input, links};

struct Event {
    date: NaiveDate,
    uid: String,
    summary: String,
    description: String,
    /// From the site root.
    url: String,
    category: &'static str,
}

pub(super) fn calendar(input: &Input) -> String {
    let mut events = Vec::new();
    for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
        let name = &e.record.name;
        let report = links::engagement(&e.id);
        let c = &a.communication;
        if let Some(review) = c.review {
            if let Some(since) = c.last_review.or(e.record.start) {
                let due = since + Days::new(review.interval_days() as u64);
                let last = match c.last_review {
                    Some(d) => format!("the last review was on {d}"),
                    None => format!("no review since the start on {since}"),
                };
                events.push(Event {
                    date: due,
                    uid: format!("review-{}-{due}", e.id),
                    summary: format!("Review due: {name}"),
                    description: format!(
                        "{} review agreed; {last}.",
                        crate::render::format::capitalise(&format!("{review:?}").to_lowercase())
                    ),
                    url: format!("{report}#cadence"),
                    category: "Review",
                });
            }
        }
        let mut per_note: Vec<(&str, usize)> = Vec::new();
        for x in &a.actions.items {
            // The n-th action of its note: stable while the note is unchanged.
            let n = match per_note.iter_mut().find(|(s, _)| *s == x.note_slug) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    per_note.push((&x.note_slug, 1));
                    1
                }
            };
            let (Some(due), false) = (x.due, x.done) else {
                continue;
            };
            let overdue = if x.state == ActionState::Overdue {
                " It is overdue."
            } else {
                ""
            };
            events.push(Event {
                date: due,
                uid: format!("action-{}-{}-{n}", e.id, x.note_slug),
                summary: format!("Action due: {}", x.text),
                description: format!(
                    "{name}. From the note \"{}\" of {}.{overdue}",
                    x.note_title, x.note_date
                ),
                url: format!("{}#actions", links::note(&e.id, &x.note_slug)),
                category: "Action",
            });
        }
        for r in a.risks.items.iter().filter(|r| r.is_open()) {
            let Some(due) = r.due else { continue };
            events.push(Event {
                date: due,
                uid: format!("risk-{}-{}", e.id, r.id),
                summary: format!("Risk mitigation due: {}", r.title),
                description: format!(
                    "{name}. Rated {} ({} × {}).{}",
                    r.rating.label(),
                    r.likelihood,
                    r.impact,
                    r.mitigation
                        .as_deref()
                        .map(|m| format!(" Mitigation: {m}"))
                        .unwrap_or_default()
                ),
                url: format!("{report}#risks"),
                category: "Risk",
            });
        }
        if let Some(contract) = &a.contract {
            if let Some(deadline) = contract.notice_deadline {
                events.push(Event {
                    date: deadline,
                    uid: format!("notice-{}-{deadline}", e.id),
                    summary: format!("Renewal notice deadline: {name}"),
                    description: format!(
                        "Last day to give notice before the contract ends on {}.",
                        contract.end
                    ),
                    url: report.clone(),
                    category: "Contract",
                });
            }
            events.push(Event {
                date: contract.end,
                uid: format!("contract-end-{}-{}", e.id, contract.end),
                summary: format!("Contract ends: {name}"),
                description: format!("{name}: the contract's end date."),
                url: report.clone(),
                category: "Contract",
            });
        }
        for (i, m) in e.record.milestones.iter().enumerate() {
            events.push(Event {
                date: m.date,
                uid: format!("milestone-{}-{}-{}", e.id, m.date, i + 1),
                summary: format!("Milestone: {}", m.title),
                description: format!("{name}.{}", if m.celebrated { " Celebrated." } else { "" }),
                url: format!("{report}#goals"),
                category: "Milestone",
            });
        }
        // Obligations: each instance still open, up to as_of + 90 days.
        let parties = crate::analyse::words::Parties::of(e);
        for o in &a.obligations.items {
            for i in o.instances.iter().filter(|i| i.state.is_open()) {
                events.push(Event {
                    date: i.due,
                    uid: format!("obligation-{}-{}-{}", e.id, o.id, i.due),
                    summary: format!("Obligation due: {}", o.title),
                    description: format!(
                        "{name}. Owed by {} ({}); {}.",
                        parties.name(o.owner),
                        crate::analyse::words::side(o.owner),
                        i.state.label()
                    ),
                    url: format!("{report}#obligation-{}", o.id),
                    category: "Obligation",
                });
            }
        }
        events.extend(governance(e, a, &report));
    }
    events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));

    let base = links::absolute_base(input.base_url);
    let stamp = format!("{}T000000Z", input.as_of.format("%Y%m%d"));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//rapporteur//relationship reports//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", text(&input.portfolio.config.title)),
    ];
    for ev in &events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@rapporteur", ev.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", ev.date.format("%Y%m%d")));
        let end = ev.date + Days::new(1);
        lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", text(&ev.summary)));
        lines.push(format!("DESCRIPTION:{}", text(&ev.description)));
        lines.push(format!("CATEGORIES:{}", text(ev.category)));
        if let Some(base) = &base {
            lines.push(format!("URL:{base}{}", ev.url));
        }
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    out
}

/// The last day of each open escalation's time box, and each root cause
/// not yet written (docs/metrics.md, "Escalations", "Root causes").
fn governance(
    e: &crate::model::Engagement,
    a: &crate::analyse::EngagementAnalysis,
    report: &str,
) -> Vec<Event> {
    let name = &e.record.name;
    let mut events = Vec::new();
    for x in a.escalations.open() {
        let Some(end) = x.time_box_end else { continue };
        let next = a
            .escalations
            .ladder
            .iter()
            .find(|r| r.level > x.level)
            .map_or("it is at the top of the ladder".to_string(), |r| {
                format!("still open after this day, raise it to {}", r.name)
            });
        events.push(Event {
            date: end,
            uid: format!("escalation-{}-{}", e.id, x.slug),
            summary: format!("Escalation time box ends: {}", x.title),
            description: format!(
                "{name}. Opened on {} at {}; {next}.",
                x.opened,
                crate::analyse::escalations::level_words(x)
            ),
            url: format!("{report}#escalations"),
            category: "Escalation",
        });
    }
    for r in a.root_causes.breaches.iter().filter(|r| r.note.is_none()) {
        let Some(due) = r.due else { continue };
        events.push(Event {
            date: due,
            uid: format!("rca-{}-{}-{}", e.id, r.kpi, r.month),
            summary: format!("Root cause due: {} in {}", r.kpi_name, r.month),
            description: format!(
                "{name}. A note with `rca: {{ kpi: {}, month: {} }}` explains the breach.",
                r.kpi, r.month
            ),
            url: format!("{report}#sla"),
            category: "Root cause",
        });
    }
    events
}

/// A TEXT value: backslash, semicolon, comma and newlines escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `line` folded into lines of at most 75 octets, each ended by
/// CRLF; a continuation starts with one space. Never splits a character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let mut out = String::new();
        fold(&line, &mut out);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends with CRLF");
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert!(lines[1].starts_with(' '));
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
        let mut short = String::new();
        fold("VERSION:2.0", &mut short);
        assert_eq!(short, "VERSION:2.0\r\n");
    }
}
