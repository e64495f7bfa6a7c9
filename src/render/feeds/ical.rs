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
use crate::render::language::Language;
use crate::render::{Input, links};

struct Event {
    date: NaiveDate,
    uid: String,
    summary: String,
    description: String,
    /// From the site root.
    url: String,
    category: String,
}

pub(super) fn calendar(input: &Input) -> String {
    let lang = input.language;
    let word = |id: &str| lang.word(id);
    let mut events = Vec::new();
    for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
        let name = &e.record.name;
        let report = links::engagement(&e.id);
        let c = &a.communication;
        if let Some(review) = c.review
            && let Some(since) = c.last_review.or(e.record.start)
        {
            let due = since + Days::new(review.interval_days() as u64);
            let last = match c.last_review {
                Some(d) => lang.say("site-ical-last-review", &[("date", lang.date(d))]),
                None => lang.say("site-ical-no-review", &[("date", lang.date(since))]),
            };
            let frequency = format!("{review:?}").to_lowercase();
            events.push(Event {
                date: due,
                uid: format!("review-{}-{due}", e.id),
                summary: lang.say("site-ical-review-due", &[("name", name.clone())]),
                description: lang.say(
                    "site-ical-review-agreed",
                    &[
                        (
                            "frequency",
                            word(&format!("site-ical-frequency-{frequency}")),
                        ),
                        ("last", last),
                    ],
                ),
                url: format!("{report}#cadence"),
                category: word("site-ical-category-review"),
            });
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
                word("site-ical-overdue")
            } else {
                String::new()
            };
            events.push(Event {
                date: due,
                uid: format!("action-{}-{}-{n}", e.id, x.note_slug),
                summary: lang.say("site-ical-action-due", &[("text", x.text.clone())]),
                description: lang.say(
                    "site-ical-action-description",
                    &[
                        ("name", name.clone()),
                        ("note", x.note_title.clone()),
                        ("date", lang.date(x.note_date)),
                        ("overdue", overdue),
                    ],
                ),
                url: format!("{}#actions", links::note(&e.id, &x.note_slug)),
                category: word("site-ical-category-action"),
            });
        }
        for r in a.risks.items.iter().filter(|r| r.is_open()) {
            let Some(due) = r.due else { continue };
            events.push(Event {
                date: due,
                uid: format!("risk-{}-{}", e.id, r.id),
                summary: lang.say("site-ical-risk-due", &[("title", r.title.clone())]),
                description: lang.say(
                    "site-ical-risk-description",
                    &[
                        ("name", name.clone()),
                        ("rating", word(&format!("chart-risk-{}", r.rating.label()))),
                        ("likelihood", r.likelihood.to_string()),
                        ("impact", r.impact.to_string()),
                        (
                            "mitigation",
                            r.mitigation
                                .as_deref()
                                .map(|m| {
                                    lang.say(
                                        "site-ical-mitigation",
                                        &[("mitigation", m.to_string())],
                                    )
                                })
                                .unwrap_or_default(),
                        ),
                    ],
                ),
                url: format!("{report}#risks"),
                category: word("site-ical-category-risk"),
            });
        }
        if let Some(contract) = &a.contract {
            if let Some(deadline) = contract.notice_deadline {
                events.push(Event {
                    date: deadline,
                    uid: format!("notice-{}-{deadline}", e.id),
                    summary: lang.say("site-ical-notice-deadline", &[("name", name.clone())]),
                    description: lang.say(
                        "site-ical-notice-description",
                        &[("date", lang.date(contract.end))],
                    ),
                    url: report.clone(),
                    category: word("site-ical-category-contract"),
                });
            }
            events.push(Event {
                date: contract.end,
                uid: format!("contract-end-{}-{}", e.id, contract.end),
                summary: lang.say("site-ical-contract-ends", &[("name", name.clone())]),
                description: lang.say(
                    "site-ical-contract-end-description",
                    &[("name", name.clone())],
                ),
                url: report.clone(),
                category: word("site-ical-category-contract"),
            });
        }
        for (i, m) in e.record.milestones.iter().enumerate() {
            events.push(Event {
                date: m.date,
                uid: format!("milestone-{}-{}-{}", e.id, m.date, i + 1),
                summary: lang.say("site-ical-milestone", &[("title", m.title.clone())]),
                description: lang.say(
                    "site-ical-milestone-description",
                    &[
                        ("name", name.clone()),
                        (
                            "celebrated",
                            if m.celebrated {
                                word("site-ical-celebrated")
                            } else {
                                String::new()
                            },
                        ),
                    ],
                ),
                url: format!("{report}#goals"),
                category: word("site-ical-category-milestone"),
            });
        }
        // Obligations: each instance still open, up to as_of + 90 days.
        let parties = crate::analyse::words::Parties::of(e);
        for o in &a.obligations.items {
            for i in o.instances.iter().filter(|i| i.state.is_open()) {
                events.push(Event {
                    date: i.due,
                    uid: format!("obligation-{}-{}-{}", e.id, o.id, i.due),
                    summary: lang.say("site-ical-obligation-due", &[("title", o.title.clone())]),
                    description: lang.say(
                        "site-ical-obligation-description",
                        &[
                            ("name", name.clone()),
                            ("party", parties.name(o.owner).to_string()),
                            (
                                "side",
                                word(match o.owner {
                                    crate::model::Side::Client => "site-ical-side-client",
                                    crate::model::Side::Provider => "site-ical-side-provider",
                                }),
                            ),
                            ("state", word(&format!("site-obligation-{}", i.state.key()))),
                        ],
                    ),
                    url: format!("{report}#obligation-{}", o.id),
                    category: word("site-ical-category-obligation"),
                });
            }
        }
        events.extend(governance(e, a, &report, lang));
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
        lines.push(format!("CATEGORIES:{}", text(&ev.category)));
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
    lang: &Language,
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
            .map_or_else(
                || lang.word("site-ical-top-of-ladder"),
                |r| lang.say("site-ical-raise-to", &[("level", r.name.clone())]),
            );
        let level = match &x.level_name {
            Some(level) => lang.say(
                "site-ical-level-named",
                &[("level", x.level.to_string()), ("name", level.clone())],
            ),
            None => lang.say("site-ical-level", &[("level", x.level.to_string())]),
        };
        events.push(Event {
            date: end,
            uid: format!("escalation-{}-{}", e.id, x.slug),
            summary: lang.say("site-ical-escalation-due", &[("title", x.title.clone())]),
            description: lang.say(
                "site-ical-escalation-description",
                &[
                    ("name", name.clone()),
                    ("date", lang.date(x.opened)),
                    ("level", level),
                    ("next", next),
                ],
            ),
            url: format!("{report}#escalations"),
            category: lang.word("site-ical-category-escalation"),
        });
    }
    for r in a.root_causes.breaches.iter().filter(|r| r.note.is_none()) {
        let Some(due) = r.due else { continue };
        events.push(Event {
            date: due,
            uid: format!("rca-{}-{}-{}", e.id, r.kpi, r.month),
            summary: lang.say(
                "site-ical-rca-due",
                &[("kpi", r.kpi_name.clone()), ("month", r.month.to_string())],
            ),
            description: lang.say(
                "site-ical-rca-description",
                &[
                    ("name", name.clone()),
                    ("kpi", r.kpi.clone()),
                    ("month", r.month.to_string()),
                ],
            ),
            url: format!("{report}#sla"),
            category: lang.word("site-ical-category-rca"),
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
