//! Test constructors: small engagements built in code, no files on disk.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::{
    Action, Counts, Direction, Engagement, EngagementRecord, Excused, Feedback, FeedbackKind,
    Hours, Kpi, KpiValue, Measure, Month, Note, NoteKind, NoteMeta, Party, Period, Phase, Side,
    Survey, SurveyScores,
};

pub fn d(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

pub fn m(text: &str) -> Month {
    text.parse().expect("a test month")
}

/// A bare engagement: no KPIs, periods, notes, cadence, contract or risks.
pub fn engagement() -> Engagement {
    Engagement {
        id: "acme".to_string(),
        record: EngagementRecord {
            name: "Acme".to_string(),
            client: Party {
                name: "Acme Corp".to_string(),
                owner: None,
            },
            provider: Party {
                name: "BPSource".to_string(),
                owner: None,
            },
            services: Vec::new(),
            phase: Phase::Steady,
            start: None,
            contract: None,
            cadence: None,
            capacity: None,
            escalation: Vec::new(),
            kpis: Vec::new(),
            goals: Vec::new(),
            expectations: Vec::new(),
            risks: Vec::new(),
            milestones: Vec::new(),
            obligations: Vec::new(),
            periods: Vec::new(),
            audience: None,
            extra: Default::default(),
        },
        periods: Vec::new(),
        notes: Vec::new(),
        source: PathBuf::new(),
    }
}

/// The parties of [`engagement`]: "Acme Corp" (client) and "BPSource" (provider).
pub fn parties() -> crate::analyse::words::Parties {
    crate::analyse::words::Parties::of(&engagement())
}

/// A provider KPI, `higher` is better, weight 1, not an SLA.
pub fn kpi(id: &str, target: f64) -> Kpi {
    Kpi {
        id: id.to_string(),
        name: id.to_string(),
        unit: String::new(),
        direction: Direction::Higher,
        target,
        warn: None,
        sla: false,
        weight: 1.0,
        owner: Side::Provider,
        minimum: None,
        credit_allocation_pct: None,
        in_force_from: None,
        measure: Measure::Value,
        min_volume: None,
        terms: Vec::new(),
    }
}

pub fn period(month: &str) -> Period {
    Period {
        period: m(month),
        kpis: BTreeMap::new(),
        excused: Vec::new(),
        hours: None,
        survey: None,
        feedback: Vec::new(),
        sign_off: None,
        dispute: Vec::new(),
        source: PathBuf::new(),
        yaml_prefix: String::new(),
    }
}

/// Sets `kpi` to `value` in the period of `month`, adding the period if needed.
pub fn set_kpi(e: &mut Engagement, month: &str, kpi: &str, value: Option<f64>) {
    period_mut(e, month)
        .kpis
        .insert(kpi.to_string(), KpiValue::from(value));
}

/// Sets `kpi` to counts `{ good, total }` in the period of `month`.
pub fn set_counts(e: &mut Engagement, month: &str, kpi: &str, good: i64, total: Option<i64>) {
    period_mut(e, month)
        .kpis
        .insert(kpi.to_string(), KpiValue::Counts(Counts { good, total }));
}

/// Excuses `kpi` in `month` for `reason`, agreed or only claimed.
pub fn excuse(e: &mut Engagement, month: &str, kpi: &str, reason: &str, agreed: bool) {
    period_mut(e, month).excused.push(Excused {
        kpi: kpi.to_string(),
        reason: reason.to_string(),
        agreed,
    });
}

pub fn set_hours(e: &mut Engagement, month: &str, worked: Option<f64>, requested: Option<f64>) {
    period_mut(e, month).hours = Some(Hours {
        worked,
        overtime_requested: requested,
    });
}

pub fn set_survey(
    e: &mut Engagement,
    month: &str,
    client: Option<SurveyScores>,
    provider: Option<SurveyScores>,
) {
    period_mut(e, month).survey = Some(Survey {
        client,
        provider,
        ..Survey::default()
    });
}

pub fn add_period_feedback(e: &mut Engagement, month: &str, from: Side, kind: FeedbackKind) {
    period_mut(e, month).feedback.push(feedback(from, kind));
}

pub fn feedback(from: Side, kind: FeedbackKind) -> Feedback {
    Feedback {
        from,
        kind,
        text: "said something".to_string(),
        audience: None,
    }
}

/// Survey scores in the order trust, communication, collaboration, respect, goals.
pub fn scores(values: [Option<u8>; 5]) -> SurveyScores {
    SurveyScores {
        trust: values[0],
        communication: values[1],
        collaboration: values[2],
        respect: values[3],
        goals: values[4],
    }
}

/// The period of `month`, created in month order if missing (the loader's invariant).
pub fn period_mut<'a>(e: &'a mut Engagement, month: &str) -> &'a mut Period {
    let month = m(month);
    let index = match e.periods.binary_search_by_key(&month, |p| p.period) {
        Ok(i) => i,
        Err(i) => {
            e.periods.insert(i, period(&month.to_string()));
            i
        }
    };
    &mut e.periods[index]
}

pub fn note(date: &str, kind: NoteKind) -> Note {
    Note {
        slug: format!("{date}-{kind:?}").to_lowercase(),
        meta: NoteMeta {
            title: format!("{kind:?} on {date}"),
            date: d(date),
            kind,
            level: None,
            resolved: None,
            escalates: None,
            rca: None,
            attendees: Vec::new(),
            audience: None,
            feedback: Vec::new(),
            fulfils: Vec::new(),
            waives: Vec::new(),
        },
        body: String::new(),
        body_line: 1,
        actions: Vec::new(),
        links: Vec::new(),
        source: PathBuf::new(),
    }
}

/// Adds a note, keeping notes sorted by date then slug (the loader's invariant).
pub fn add_note(e: &mut Engagement, note: Note) {
    e.notes.push(note);
    e.notes
        .sort_by(|a, b| (a.meta.date, &a.slug).cmp(&(b.meta.date, &b.slug)));
}

pub fn action(text: &str, due: Option<&str>, done: bool) -> Action {
    Action {
        owner: text.split_once(':').map(|(o, _)| o.trim().to_string()),
        text: text.to_string(),
        task: text
            .split_once(':')
            .map_or(text, |(_, t)| t)
            .trim()
            .to_string(),
        due: due.map(d),
        done,
    }
}

/// Texts in their English wording, for comparing with the sentences expected.
pub fn english(texts: &[crate::text::Text]) -> Vec<String> {
    texts.iter().map(crate::text::Text::english).collect()
}
