//! The export as CSV tables, one row per engagement, KPI month, breach,
//! action, risk or flag, with RFC 4180 quoting: fields holding a comma, a
//! quote, a line break or leading/trailing space are quoted and their quotes
//! doubled; lines end with CRLF; missing values are empty fields.
//!
//! A text cell that a spreadsheet would read as a formula (it starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return: an action owner written
//! `=HYPERLINK(...)`) is neutralised as OWASP's "CSV injection" advice says:
//! prefixed with `'` and quoted. Numbers rapporteur formats itself are not
//! user text and are written as they are, so `-3.5` stays a number
//! (docs/export.md).

use std::fmt::Write;

use super::{EngagementFigures, Export};
use crate::analyse::health::ComponentKind;

/// The tables of the export, in the order the build writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per engagement: health, components and headline counts.
    Engagements,
    /// One row per engagement and health component, with its reasons.
    Health,
    /// One row per engagement, KPI and month: value and status.
    Kpis,
    /// One row per SLA KPI: attainment over the last 12 months.
    Sla,
    /// One row per SLA breach.
    Breaches,
    /// One row per engagement with service credits and month.
    Credits,
    /// One row per KPI share of a month's at-risk credit.
    AtRiskCredits,
    /// One row per action item.
    Actions,
    /// One row per risk.
    Risks,
    /// One row per flag.
    Flags,
    /// One row per engagement keeping sign-off and ended month: the state
    /// of the month's figures, who signed when, open disputes.
    SignOff,
    /// One row per instance of an obligation, with its state.
    Obligations,
    /// One row per escalation note: level, opened, time box, state.
    Escalations,
    /// One row per SLA breach of the last 12 months: its root cause.
    RootCauses,
}

impl Table {
    pub const ALL: [Table; 14] = [
        Table::Engagements,
        Table::Health,
        Table::Kpis,
        Table::Sla,
        Table::Breaches,
        Table::Credits,
        Table::AtRiskCredits,
        Table::Actions,
        Table::Risks,
        Table::Flags,
        Table::SignOff,
        Table::Obligations,
        Table::Escalations,
        Table::RootCauses,
    ];

    /// The table's name, also its file name under `data/` (without `.csv`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Engagements => "engagements",
            Table::Health => "health",
            Table::Kpis => "kpis",
            Table::Sla => "sla",
            Table::Breaches => "breaches",
            Table::Credits => "credits",
            Table::AtRiskCredits => "at_risk_credits",
            Table::Actions => "actions",
            Table::Risks => "risks",
            Table::Flags => "flags",
            Table::SignOff => "sign_off",
            Table::Obligations => "obligations",
            Table::Escalations => "escalations",
            Table::RootCauses => "root_causes",
        }
    }
}

/// One CSV field before quoting.
enum Field {
    /// Text that may come from the content: neutralised if formula-like.
    Text(String),
    /// A number or boolean rapporteur formatted.
    Number(String),
    Empty,
}

impl From<&str> for Field {
    fn from(s: &str) -> Field {
        Field::Text(s.to_string())
    }
}

impl From<String> for Field {
    fn from(s: String) -> Field {
        Field::Text(s)
    }
}

impl From<&String> for Field {
    fn from(s: &String) -> Field {
        Field::Text(s.clone())
    }
}

impl From<f64> for Field {
    fn from(v: f64) -> Field {
        if v.is_finite() {
            Field::Number(v.to_string())
        } else {
            Field::Empty
        }
    }
}

impl From<bool> for Field {
    fn from(v: bool) -> Field {
        Field::Number(v.to_string())
    }
}

macro_rules! integer_fields {
    ($($t:ty),*) => {$(
        impl From<$t> for Field {
            fn from(v: $t) -> Field {
                Field::Number(v.to_string())
            }
        }
    )*};
}
integer_fields!(usize, u32, u8, i64);

impl<T: Into<Field>> From<Option<T>> for Field {
    fn from(v: Option<T>) -> Field {
        v.map_or(Field::Empty, Into::into)
    }
}

/// Text of a serialisable enum as it appears in the JSON export (`"on-track"`).
fn label<T: serde::Serialize>(value: &T) -> Field {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Field::Text(s),
        _ => Field::Empty,
    }
}

/// Quotes a field as RFC 4180 asks.
pub fn quote(field: &str) -> String {
    let needs = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The first characters that make a spreadsheet evaluate a cell.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as written: quoted as RFC 4180 asks and, if a spreadsheet
/// would run it as a formula, prefixed with `'` and quoted.
pub(crate) fn text_cell(field: &str) -> String {
    if field.starts_with(FORMULA_STARTS) {
        format!("\"'{}\"", field.replace('"', "\"\""))
    } else {
        quote(field)
    }
}

struct Writer(String);

impl Writer {
    fn row<I: IntoIterator<Item = Field>>(&mut self, fields: I) {
        let line: Vec<String> = fields
            .into_iter()
            .map(|f| match f {
                Field::Text(t) => text_cell(&t),
                Field::Number(n) => quote(&n),
                Field::Empty => String::new(),
            })
            .collect();
        let _ = write!(self.0, "{}\r\n", line.join(","));
    }

    fn header(&mut self, names: &[&str]) {
        self.row(names.iter().map(|n| Field::from(*n)));
    }
}

/// One table of the export as CSV text, header first.
pub fn table(export: &Export, table: Table) -> String {
    let mut w = Writer(String::new());
    let rows = match table {
        Table::Engagements => engagements,
        Table::Health => health,
        Table::Kpis => kpis,
        Table::Sla => sla,
        Table::Breaches => breaches,
        Table::Credits => credits,
        Table::AtRiskCredits => at_risk_credits,
        Table::Actions => actions,
        Table::Risks => risks,
        Table::Flags => flags,
        Table::SignOff => sign_off,
        Table::Obligations => obligations,
        Table::Escalations => escalations,
        Table::RootCauses => root_causes,
    };
    rows(&mut w, &export.engagements);
    w.0
}

fn engagements(w: &mut Writer, all: &[EngagementFigures]) {
    let mut header = vec![
        "engagement",
        "name",
        "client",
        "provider",
        "phase",
        "health",
        "health_rounded",
        "band",
    ];
    header.extend(ComponentKind::ALL.iter().map(|k| k.key()));
    header.extend([
        "sla_met",
        "sla_reported",
        "sla_attainment",
        "sla_breaches",
        "credits_total_pct",
        "credits_total_amount",
        "currency",
        "open_risks",
        "risk_exposure",
        "open_actions",
        "overdue_actions",
        "days_since_check_in",
        "contract_end",
        "notice_deadline",
        "flags",
        "critical_flags",
    ]);
    w.header(&header);
    for e in all {
        let mut row: Vec<Field> = vec![
            (&e.id).into(),
            (&e.name).into(),
            (&e.client).into(),
            (&e.provider).into(),
            label(&e.phase),
            e.health.score.into(),
            e.health.rounded.into(),
            label(&e.health.band),
        ];
        for &kind in ComponentKind::ALL {
            let score = e
                .health
                .components
                .iter()
                .find(|c| c.kind == kind)
                .and_then(|c| c.score);
            row.push(score.into());
        }
        let sla = e.performance.sla_attainment.as_ref();
        let credits = e.credits.as_ref();
        let contract = e.contract.as_ref();
        let critical = e
            .flags
            .iter()
            .filter(|f| f.severity == crate::analyse::flags::Severity::Critical)
            .count();
        row.extend([
            sla.map(|a| a.met).into(),
            sla.map(|a| a.reported).into(),
            sla.map(|a| a.ratio).into(),
            e.sla_breaches.len().into(),
            credits.map(|c| c.total_pct).into(),
            credits.and_then(|c| c.total_amount).into(),
            credits.and_then(|c| c.currency.clone()).into(),
            e.risks.open.into(),
            e.risks.exposure.into(),
            e.actions.open.into(),
            e.actions.overdue.into(),
            e.communication.days_since_check_in.into(),
            contract.map(|c| c.end.to_string()).into(),
            contract
                .and_then(|c| c.notice_deadline)
                .map(|d| d.to_string())
                .into(),
            e.flags.len().into(),
            critical.into(),
        ]);
        w.row(row);
    }
}

fn health(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "component",
        "label",
        "score",
        "weight",
        "effective_weight",
        "has_data",
        "reasons",
    ]);
    for e in all {
        for c in &e.health.components {
            w.row([
                (&e.id).into(),
                label(&c.kind),
                (&c.label).into(),
                c.score.into(),
                c.weight.into(),
                c.effective_weight.into(),
                c.has_data.into(),
                c.reasons
                    .iter()
                    .map(|r| r.english())
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into(),
            ]);
        }
    }
}

fn kpis(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "kpi",
        "name",
        "unit",
        "owner",
        "sla",
        "direction",
        "target",
        "warn",
        "month",
        "value",
        "status",
        "in_progress",
    ]);
    for e in all {
        for k in &e.kpis {
            for p in &k.months {
                w.row([
                    (&e.id).into(),
                    (&k.id).into(),
                    (&k.name).into(),
                    (&k.unit).into(),
                    label(&k.owner),
                    k.sla.into(),
                    label(&k.direction),
                    k.target.into(),
                    k.warn.into(),
                    p.month.to_string().into(),
                    p.value.into(),
                    label(&p.status),
                    p.in_progress.into(),
                ]);
            }
        }
    }
}

fn sla(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "kpi",
        "name",
        "owner",
        "met",
        "reported",
        "attainment",
        "breaches",
    ]);
    for e in all {
        for k in e.kpis.iter().filter(|k| k.sla) {
            let a = k.attainment.as_ref();
            let breaches = e.sla_breaches.iter().filter(|b| b.kpi == k.id).count();
            w.row([
                (&e.id).into(),
                (&k.id).into(),
                (&k.name).into(),
                label(&k.owner),
                a.map(|a| a.met).into(),
                a.map(|a| a.reported).into(),
                a.map(|a| a.ratio).into(),
                breaches.into(),
            ]);
        }
    }
}

fn breaches(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "kpi",
        "month",
        "value",
        "status",
        "target",
        "default",
    ]);
    for e in all {
        for b in &e.sla_breaches {
            let target = e.kpis.iter().find(|k| k.id == b.kpi).map(|k| k.target);
            w.row([
                (&e.id).into(),
                (&b.kpi).into(),
                b.month.to_string().into(),
                b.value.into(),
                label(&b.status),
                target.into(),
                b.default.into(),
            ]);
        }
    }
}

fn credits(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "month",
        "breaches",
        "pct",
        "amount",
        "currency",
    ]);
    for e in all {
        let Some(c) = &e.credits else { continue };
        for m in &c.months {
            w.row([
                (&e.id).into(),
                m.month.to_string().into(),
                m.breaches.into(),
                m.pct.into(),
                m.amount.into(),
                c.currency.clone().into(),
            ]);
        }
    }
}

fn at_risk_credits(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "month",
        "kpi",
        "allocation_pct",
        "amount",
        "earn_back",
        "month_capped",
        "currency",
    ]);
    for e in all {
        let Some(c) = &e.at_risk_credits else {
            continue;
        };
        for m in &c.months {
            for s in &m.shares {
                w.row([
                    (&e.id).into(),
                    m.month.to_string().into(),
                    (&s.kpi).into(),
                    s.allocation_pct.into(),
                    s.amount.into(),
                    label(&s.earn_back),
                    m.capped.into(),
                    c.currency.clone().into(),
                ]);
            }
        }
    }
}

fn actions(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "note",
        "note_date",
        "owner",
        "text",
        "due",
        "done",
        "state",
        "days_overdue",
    ]);
    for e in all {
        for a in &e.actions.items {
            w.row([
                (&e.id).into(),
                (&a.note).into(),
                a.note_date.to_string().into(),
                a.owner.clone().into(),
                (&a.text).into(),
                a.due.map(|d| d.to_string()).into(),
                a.done.into(),
                label(&a.state),
                a.days_overdue.into(),
            ]);
        }
    }
}

fn risks(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "risk",
        "title",
        "owner",
        "status",
        "likelihood",
        "impact",
        "score",
        "rating",
        "due",
        "overdue",
        "mitigation",
    ]);
    for e in all {
        for r in &e.risks.items {
            w.row([
                (&e.id).into(),
                (&r.id).into(),
                (&r.title).into(),
                label(&r.owner),
                label(&r.status),
                r.likelihood.into(),
                r.impact.into(),
                r.score.into(),
                label(&r.rating),
                r.due.map(|d| d.to_string()).into(),
                r.overdue.into(),
                r.mitigation.clone().into(),
            ]);
        }
    }
}

fn flags(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "severity",
        "kind",
        "subject",
        "title",
        "evidence",
    ]);
    for e in all {
        for f in &e.flags {
            w.row([
                (&e.id).into(),
                label(&f.severity),
                label(&f.kind),
                f.subject.clone().into(),
                f.title.english().into(),
                f.evidence.english().into(),
            ]);
        }
    }
}

fn obligations(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "obligation",
        "title",
        "owner",
        "every",
        "due",
        "deadline",
        "state",
        "note",
        "note_date",
        "reason",
    ]);
    for e in all {
        for o in &e.obligations.items {
            for i in &o.instances {
                w.row([
                    (&e.id).into(),
                    (&o.id).into(),
                    (&o.title).into(),
                    label(&o.owner),
                    label(&o.every),
                    i.due.to_string().into(),
                    i.deadline.to_string().into(),
                    label(&i.state),
                    i.note.as_ref().map(|n| n.slug.clone()).into(),
                    i.note.as_ref().map(|n| n.date.to_string()).into(),
                    i.reason.clone().into(),
                ]);
            }
        }
    }
}

fn escalations(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "note",
        "title",
        "level",
        "level_name",
        "opened",
        "time_box_days",
        "time_box_end",
        "state",
        "ended",
        "past_time_box",
        "raise_to",
    ]);
    for e in all {
        for x in &e.escalations.items {
            w.row([
                (&e.id).into(),
                (&x.slug).into(),
                (&x.title).into(),
                f64::from(x.level).into(),
                x.level_name.clone().into(),
                x.opened.to_string().into(),
                x.time_box_days.map(|d| d as f64).into(),
                x.time_box_end.map(|d| d.to_string()).into(),
                label(&x.state),
                x.ended.map(|d| d.to_string()).into(),
                x.past_time_box.into(),
                match &x.next {
                    Some(crate::analyse::escalations::NextRung::Raise(name)) => name.into(),
                    Some(crate::analyse::escalations::NextRung::Top) => {
                        "(top of the ladder)".into()
                    }
                    None => Field::Empty,
                },
            ]);
        }
    }
}

fn root_causes(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "kpi",
        "month",
        "due",
        "state",
        "note",
        "note_date",
    ]);
    for e in all {
        for r in &e.root_causes.breaches {
            w.row([
                (&e.id).into(),
                (&r.kpi).into(),
                r.month.to_string().into(),
                r.due.map(|d| d.to_string()).into(),
                label(&r.state),
                r.note.as_ref().map(|n| n.slug.clone()).into(),
                r.note.as_ref().map(|n| n.date.to_string()).into(),
            ]);
        }
    }
}

fn sign_off(w: &mut Writer, all: &[EngagementFigures]) {
    w.header(&[
        "engagement",
        "month",
        "state",
        "provider_by",
        "provider_date",
        "client_by",
        "client_date",
        "due",
        "late",
        "disputes",
    ]);
    for e in all {
        for m in &e.sign_off.months {
            let late: Vec<String> = m.late.iter().map(crate::names::name_of).collect();
            let disputes: Vec<String> = m
                .disputes
                .iter()
                .map(|d| {
                    format!(
                        "{} {} [{}]: {}",
                        crate::names::name_of(&d.by),
                        d.date,
                        d.kpis.join(", "),
                        d.reason
                    )
                })
                .collect();
            w.row([
                (&e.id).into(),
                m.month.to_string().into(),
                label(&m.state),
                m.provider.as_ref().map(|s| s.by.clone()).into(),
                m.provider.as_ref().map(|s| s.date.to_string()).into(),
                m.client.as_ref().map(|s| s.by.clone()).into(),
                m.client.as_ref().map(|s| s.date.to_string()).into(),
                m.due.map(|d| d.to_string()).into(),
                late.join(" ").into(),
                disputes.join("; ").into(),
            ]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_asks() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(" padded"), "\" padded\"");
        assert_eq!(quote(""), "");
    }

    #[test]
    fn formula_like_text_is_neutralised_and_numbers_are_not() {
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for (cell, written) in [
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("+1", "\"'+1\""),
            ("-2+3", "\"'-2+3\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(text_cell(cell), written, "{cell:?}");
        }
        let mut w = Writer(String::new());
        w.row([
            Field::from(-3.5),
            Field::from(-2i64),
            Field::from("-3.5"),
            Field::from(Some("@x".to_string())),
        ]);
        assert_eq!(w.0, "-3.5,-2,\"'-3.5\",\"'@x\"\r\n");
    }

    #[test]
    fn rows_end_with_crlf_and_missing_values_are_empty() {
        let mut w = Writer(String::new());
        w.row([Field::from("a"), Field::from(None::<f64>), Field::from(1.5)]);
        w.row([Field::from(f64::NAN), Field::from(Some(3usize))]);
        assert_eq!(w.0, "a,,1.5\r\n,3\r\n");
    }

    #[test]
    fn every_table_has_a_distinct_name() {
        let mut names: Vec<_> = Table::ALL.iter().map(|t| t.name()).collect();
        names.dedup();
        assert_eq!(names.len(), Table::ALL.len());
    }
}
