//! The texts of `rapporteur new`: a note, a period file with every KPI of
//! its engagement as a key, and an engagement record to fill in. `rel` is
//! the path a text is written to, for its `$schema` line.

use chrono::NaiveDate;

use super::{NEW_ENGAGEMENT, NEW_NOTE, NEW_PERIOD, quoted};
use crate::model::{
    Audience, Direction, EngagementRecord, FeedbackKind, Frequency, Month, NoteKind, Phase, Side,
};
use crate::names::{joined, name_of};
use crate::schema::Kind;

pub(crate) fn note(
    rel: &str,
    record: &EngagementRecord,
    title: &str,
    kind: &str,
    date: NaiveDate,
) -> String {
    let attendees: Vec<String> = [&record.client.owner, &record.provider.owner]
        .into_iter()
        .flatten()
        .map(|name| quoted(name))
        .collect();
    NEW_NOTE.fill(&[
        ("modeline", &Kind::Note.modeline(rel)),
        ("title", &quoted(title)),
        ("date", &date.to_string()),
        ("kind", kind),
        ("note_kinds", &joined::<NoteKind>(" | ")),
        ("attendees", &attendees.join(", ")),
    ])
}

pub(crate) fn period(rel: &str, record: &EngagementRecord, month: Month) -> String {
    let mut kpis = String::new();
    if record.kpis.is_empty() {
        kpis.push_str("kpis: {}                     # the engagement has no KPI yet\n");
    } else {
        kpis.push_str("kpis:                        # null = not reported\n");
        let width = record.kpis.iter().map(|k| k.id.len()).max().unwrap_or(0);
        for k in &record.kpis {
            let unit = if k.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", k.unit)
            };
            kpis.push_str(&format!(
                "  {id}: null{pad}  # {name}: target {target}{unit}, {better} is better{sla}\n",
                id = k.id,
                pad = " ".repeat(width - k.id.len()),
                name = k.name.replace('\n', " "),
                target = k.target,
                better = name_of(&k.direction),
                sla = if k.sla { ", SLA" } else { "" },
            ));
        }
    }
    let capacity = record
        .capacity
        .as_ref()
        .map(|c| format!(" (capacity {} h a month)", c.hours_per_month))
        .unwrap_or_default();
    let month_end = month.last_day();
    let days = record.contract.as_ref().and_then(|c| c.sign_off_days);
    let due = days
        .and_then(|d| month_end.checked_add_days(chrono::Days::new(u64::from(d))))
        .map(|due| {
            format!(
                ", by {due} ({} days after the month)",
                days.unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let by = |p: &crate::model::Party| quoted(p.owner.as_deref().unwrap_or(&p.name));
    NEW_PERIOD.fill(&[
        ("modeline", &Kind::Period.modeline(rel)),
        ("month", &month.to_string()),
        ("kpis", &kpis),
        ("capacity", &capacity),
        ("month_end", &month_end.to_string()),
        ("due", &due),
        ("provider_by", &by(&record.provider)),
        ("client_by", &by(&record.client)),
        ("example_date", &month.plus(1).first_day().to_string()),
        (
            "dispute_kpis",
            record.kpis.first().map_or("...", |k| k.id.as_str()),
        ),
        ("sides", &joined::<Side>(" | ")),
        ("feedback_kinds", &joined::<FeedbackKind>(" | ")),
    ])
}

/// An engagement record named `name`, starting on `start`.
pub(crate) fn engagement(rel: &str, id: &str, name: &str, start: NaiveDate) -> String {
    NEW_ENGAGEMENT.fill(&[
        ("modeline", &Kind::Engagement.modeline(rel)),
        ("id", id),
        ("name", name),
        ("phases", &joined::<Phase>(" | ")),
        ("start", &start.to_string()),
        ("frequencies", &joined::<Frequency>(" | ")),
        ("directions", &joined::<Direction>(" | ")),
        ("kpi_owners", &joined::<Side>(" | ")),
        ("audiences", &joined::<Audience>(" | ")),
    ])
}
