//! The inputs that changed: the engagement record (contract, KPIs and their
//! terms, goals, expectations, risks, milestones, obligations, everything else it
//! holds), each month's period (KPI values and counts, hours, survey
//! answers, feedback, excused months, anything else a period file holds),
//! the notes (added, removed, front matter and body edited) and the
//! configuration.
//!
//! The scoped models are compared (a shared diff lists no internal item);
//! the whole models only place each change at its line.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use super::locate::Finder;
use super::tree::{self, Edit, Leaf, Seg};
use super::{InputChange, InputKind, Location, marks};
use crate::format::{grouped, value};
use crate::model::{Engagement, KpiValue, Month, Note, Period};
use crate::site::Revision;

/// The changes of `rapporteur.yaml`.
pub(crate) fn configuration(base: &Revision, head: &Revision) -> Vec<InputChange> {
    let (Ok(b), Ok(h)) = (
        serde_json::to_value(&base.scoped.config),
        serde_json::to_value(&head.scoped.config),
    ) else {
        return Vec::new();
    };
    let find = Finder::new(&head.sources, "head");
    let file = Path::new(crate::load::CONFIG_FILE);
    tree::compare(&b, &h)
        .into_iter()
        .map(|leaf| {
            let at = find.find(file, "", &h, &leaf.path);
            change(InputKind::Configuration, words(&leaf.path), leaf, at)
        })
        .collect()
}

/// A whole engagement added or removed, as one change.
pub(crate) fn whole_engagement(side: &Revision, id: &str, edit: Edit) -> InputChange {
    let e = side.scoped.engagements.iter().find(|e| e.id == id);
    let revision = if edit == Edit::Removed {
        "base"
    } else {
        "head"
    };
    let find = Finder::new(&side.sources, revision);
    let name = e.map(|e| e.record.name.clone());
    let at = e.map_or_else(
        || find.at(Path::new(crate::load::CONTENT_DIR), 1),
        |e| find.line_of(&e.source, "name"),
    );
    let (before, after) = match edit {
        Edit::Removed => (name, None),
        _ => (None, name),
    };
    InputChange {
        kind: InputKind::Engagement,
        edit,
        subject: id.to_string(),
        month: None,
        before,
        after,
        at,
        marks: Vec::new(),
    }
}

/// Every changed input of the engagement `id`, which both sides have.
pub(crate) fn engagement(
    base: &Revision,
    head: &Revision,
    id: &str,
    as_of: NaiveDate,
) -> Vec<InputChange> {
    let of = |p: &crate::model::Portfolio| p.engagements.iter().find(|e| e.id == id).cloned();
    let (Some(eb), Some(eh)) = (of(&base.scoped), of(&head.scoped)) else {
        return Vec::new();
    };
    let whole_head = of(&head.whole).unwrap_or_else(|| eh.clone());
    let whole_base = of(&base.whole).unwrap_or_else(|| eb.clone());
    let sides = Sides {
        base: &eb,
        head: &eh,
        whole_base: &whole_base,
        whole_head: &whole_head,
        find_base: Finder::new(&base.sources, "base"),
        find_head: Finder::new(&head.sources, "head"),
        as_of,
    };
    let mut out = sides.record();
    out.extend(sides.periods());
    out.extend(sides.notes());
    out
}

/// One engagement at both revisions.
struct Sides<'a> {
    base: &'a Engagement,
    head: &'a Engagement,
    whole_base: &'a Engagement,
    whole_head: &'a Engagement,
    find_base: Finder<'a>,
    find_head: Finder<'a>,
    as_of: NaiveDate,
}

impl Sides<'_> {
    /// engagement.yaml: everything but the periods written in it.
    fn record(&self) -> Vec<InputChange> {
        let json = |e: &Engagement| {
            let mut v = serde_json::to_value(&e.record).unwrap_or(Value::Null);
            if let Some(map) = v.as_object_mut() {
                map.remove("periods");
            }
            v
        };
        let whole = json(self.whole_head);
        tree::compare(&json(self.base), &json(self.head))
            .into_iter()
            .map(|leaf| {
                let kind = record_kind(&leaf.path);
                let path = if kind == InputKind::Engagement {
                    &leaf.path[..]
                } else {
                    &leaf.path[1..]
                };
                let subject = words(path);
                let at = self
                    .find_head
                    .find(&self.head.source, "", &whole, &leaf.path);
                change(kind, subject, leaf, at)
            })
            .collect()
    }

    /// Each month either side has, in order.
    fn periods(&self) -> Vec<InputChange> {
        let mut months: Vec<Month> = self
            .base
            .periods
            .iter()
            .chain(&self.head.periods)
            .map(|p| p.period)
            .collect();
        months.sort_unstable();
        months.dedup();
        let mut out = Vec::new();
        for month in months {
            let pb = self.base.period(month);
            let ph = self.head.period(month);
            out.extend(self.kpi_values(month, pb, ph));
            out.extend(self.period_rest(month, pb, ph));
        }
        out
    }

    /// Where a value of the period of `month` is written: in the head's
    /// period, else (the month is gone) in the base's.
    fn period_at(&self, month: Month, yaml: &str, path: &[Seg]) -> Location {
        let (find, whole) = match self.whole_head.period(month) {
            Some(p) => (&self.find_head, p),
            None => match self.whole_base.period(month) {
                Some(p) => (&self.find_base, p),
                None => return self.find_head.at(&self.head.source, 1),
            },
        };
        if path.is_empty() {
            return find.line_of(&whole.source, &format!("{}{yaml}", whole.yaml_prefix));
        }
        let json = period_json(whole);
        find.find(&whole.source, &whole.yaml_prefix, &json, path)
    }

    /// A KPI's value or counts of `month`, per KPI either side reports.
    fn kpi_values(
        &self,
        month: Month,
        pb: Option<&Period>,
        ph: Option<&Period>,
    ) -> Vec<InputChange> {
        let empty = Default::default();
        let vb = pb.map_or(&empty, |p| &p.kpis);
        let vh = ph.map_or(&empty, |p| &p.kpis);
        let mut ids: Vec<&String> = vb.keys().chain(vh.keys()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            let kpi = self.head.kpi(id).or_else(|| self.base.kpi(id));
            let unit = kpi.map_or("", |k| k.unit.as_str());
            let before = vb.get(id).and_then(|v| kpi_text(v, unit));
            let after = vh.get(id).and_then(|v| kpi_text(v, unit));
            let same =
                vb.get(id).copied().unwrap_or_default() == vh.get(id).copied().unwrap_or_default();
            if same || before == after && before.is_none() {
                continue;
            }
            let edit = match (&before, &after) {
                (None, _) => Edit::Added,
                (_, None) => Edit::Removed,
                _ => Edit::Changed,
            };
            let marks = match (edit, pb) {
                (Edit::Added, _) | (_, None) => Vec::new(),
                (_, Some(pb)) => marks::of_value_change(month, self.as_of, pb, ph),
            };
            let name = kpi.map_or(id.as_str(), |k| k.name.as_str());
            out.push(InputChange {
                kind: InputKind::KpiValue,
                edit,
                subject: format!("{name}, {month}"),
                month: Some(month),
                before,
                after,
                at: self.period_at(month, &format!("kpis.{id}"), &[]),
                marks,
            });
        }
        out
    }

    /// The rest of a period: hours, survey, feedback, excused, and any
    /// other key a period file holds.
    fn period_rest(
        &self,
        month: Month,
        pb: Option<&Period>,
        ph: Option<&Period>,
    ) -> Vec<InputChange> {
        let json = |p: Option<&Period>| p.map_or(Value::Object(Default::default()), period_json);
        tree::compare(&json(pb), &json(ph))
            .into_iter()
            .map(|leaf| {
                let kind = period_kind(&leaf.path);
                let subject = match words(&leaf.path[1..]) {
                    rest if rest.is_empty() => month.to_string(),
                    rest => format!("{month} › {rest}"),
                };
                let valued = matches!(
                    kind,
                    InputKind::Hours | InputKind::Survey | InputKind::Excused
                );
                let marks = match (leaf.edit, pb) {
                    (Edit::Changed | Edit::Removed, Some(pb)) if valued => {
                        marks::of_value_change(month, self.as_of, pb, ph)
                    }
                    _ => Vec::new(),
                };
                let at = self.period_at(month, "", &leaf.path);
                InputChange {
                    month: Some(month),
                    marks,
                    ..change(kind, subject, leaf, at)
                }
            })
            .collect()
    }

    /// Notes added, removed, or edited (front matter field by field, the
    /// body as a whole, at its first changed line).
    fn notes(&self) -> Vec<InputChange> {
        let mut slugs: Vec<&str> = self
            .base
            .notes
            .iter()
            .chain(&self.head.notes)
            .map(|n| n.slug.as_str())
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        let note = |e: &'_ Engagement, slug: &str| e.notes.iter().find(|n| n.slug == slug).cloned();
        let mut out = Vec::new();
        for slug in slugs {
            match (note(self.base, slug), note(self.head, slug)) {
                (None, Some(h)) => out.push(InputChange {
                    kind: InputKind::Note,
                    edit: Edit::Added,
                    subject: slug.to_string(),
                    month: None,
                    before: None,
                    after: Some(describe(&h)),
                    at: self.find_head.line_of(&h.source, "title"),
                    marks: Vec::new(),
                }),
                (Some(b), None) => {
                    // Still in the head but out of scope (now internal): say where.
                    let at = if self.find_head.has(&b.source) {
                        self.find_head.line_of(&b.source, "audience")
                    } else {
                        self.find_base.line_of(&b.source, "title")
                    };
                    out.push(InputChange {
                        kind: InputKind::Note,
                        edit: Edit::Removed,
                        subject: slug.to_string(),
                        month: None,
                        before: Some(describe(&b)),
                        after: None,
                        at,
                        marks: Vec::new(),
                    });
                }
                (Some(b), Some(h)) => out.extend(self.note_edits(&b, &h)),
                (None, None) => {}
            }
        }
        out
    }

    fn note_edits(&self, b: &Note, h: &Note) -> Vec<InputChange> {
        let whole = self
            .whole_head
            .notes
            .iter()
            .find(|n| n.slug == h.slug)
            .unwrap_or(h);
        let json = |n: &Note| serde_json::to_value(&n.meta).unwrap_or(Value::Null);
        let whole_json = json(whole);
        let mut out: Vec<InputChange> = tree::compare(&json(b), &json(h))
            .into_iter()
            .map(|leaf| {
                let kind = match leaf.path.first() {
                    Some(Seg::Field(f)) if f == "feedback" => InputKind::Feedback,
                    _ => InputKind::Note,
                };
                let subject = format!("{} › {}", h.slug, words(&leaf.path));
                let subject = subject.trim_end_matches(" › ").to_string();
                let at = self.find_head.find(&h.source, "", &whole_json, &leaf.path);
                change(kind, subject, leaf, at)
            })
            .collect();
        if b.body != h.body {
            let first = b
                .body
                .lines()
                .zip(h.body.lines())
                .position(|(x, y)| x != y)
                .unwrap_or_else(|| b.body.lines().count().min(h.body.lines().count()));
            let lines = |n: &Note| format!("{} lines", n.body.lines().count());
            out.push(InputChange {
                kind: InputKind::Note,
                edit: Edit::Changed,
                subject: format!("{} › text", h.slug),
                month: None,
                before: Some(lines(b)),
                after: Some(lines(h)),
                at: self.find_head.at(&h.source, h.body_line + first),
                marks: Vec::new(),
            });
        }
        out
    }
}

/// A period as compared: without its month (the file's name says it) and
/// its KPI values (compared one by one), and with only the sides' agreed
/// survey answers: individual responses are under the privacy floor's
/// rule and are never listed value by value (docs/export.md, "diff"). Of
/// them, the number each side shown gave is compared (`survey.responses`):
/// the scoped model holds no response of a side below the floor.
fn period_json(p: &Period) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Some(map) = v.as_object_mut() {
        map.remove("period");
        map.remove("kpis");
        if let Some(Value::Object(survey)) = map.get_mut("survey") {
            survey.retain(|k, _| k == "client" || k == "provider");
            if let Some(s) = p.survey.as_ref().filter(|s| !s.responses.is_empty()) {
                let count = |side| s.responses.iter().filter(|r| r.side == side).count();
                let mut counts = serde_json::Map::new();
                for (name, side) in [
                    ("client", crate::model::Side::Client),
                    ("provider", crate::model::Side::Provider),
                ] {
                    if count(side) > 0 {
                        counts.insert(name.into(), count(side).into());
                    }
                }
                survey.insert("responses".into(), Value::Object(counts));
            }
        }
    }
    v
}

fn record_kind(path: &[Seg]) -> InputKind {
    let Some(Seg::Field(first)) = path.first() else {
        return InputKind::Engagement;
    };
    match first.as_str() {
        "contract" => InputKind::Contract,
        "kpis" if path.iter().any(|s| *s == Seg::Field("terms".into())) => InputKind::Term,
        "kpis" => InputKind::Kpi,
        "goals" => InputKind::Goal,
        "expectations" => InputKind::Expectation,
        "risks" => InputKind::Risk,
        "milestones" => InputKind::Milestone,
        "obligations" => InputKind::Obligation,
        _ => InputKind::Engagement,
    }
}

fn period_kind(path: &[Seg]) -> InputKind {
    match path.first() {
        Some(Seg::Field(f)) => match f.as_str() {
            "hours" => InputKind::Hours,
            "survey" => InputKind::Survey,
            "feedback" => InputKind::Feedback,
            "excused" => InputKind::Excused,
            _ => InputKind::Period,
        },
        _ => InputKind::Period,
    }
}

/// A path in words: `service_level › terms › 2026-01 › target`. An item
/// known only by itself (feedback) is left out: the change's value says it.
fn words(path: &[Seg]) -> String {
    path.iter()
        .filter_map(|s| match s {
            Seg::Field(f) => Some(f.replace('_', " ")),
            Seg::Item(tree::Ident::Whole(_)) => None,
            Seg::Item(id) => Some(id.label()),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// A change of the tree as an input change: an item added or removed is
/// named by its summary, a value by itself.
fn change(kind: InputKind, subject: String, leaf: Leaf, at: Location) -> InputChange {
    let value = leaf
        .after
        .as_ref()
        .or(leaf.before.as_ref())
        .map(tree::scalar);
    // An item named by its own text is not named twice.
    let subject = match value {
        Some(v) if leaf.edit != Edit::Changed && subject.ends_with(&v) => subject
            [..subject.len() - v.len()]
            .trim_end_matches(" › ")
            .trim_end()
            .to_string(),
        _ => subject,
    };
    InputChange {
        kind,
        edit: leaf.edit,
        subject,
        month: None,
        before: leaf.before.as_ref().map(tree::scalar),
        after: leaf.after.as_ref().map(tree::scalar),
        at,
        marks: Vec::new(),
    }
}

/// A KPI's entry as a reader writes it: `58.4% (5,840 of 10,000)`; `None`
/// when not reported.
fn kpi_text(v: &KpiValue, unit: &str) -> Option<String> {
    match v {
        KpiValue::NotReported => None,
        KpiValue::Number(x) => Some(value(*x, unit)),
        KpiValue::Counts(c) => Some(match c.total {
            Some(total) if total > 0 => format!(
                "{} ({} of {})",
                value(c.good as f64 * 100.0 / total as f64, unit),
                grouped(c.good as f64),
                grouped(total as f64)
            ),
            Some(total) => format!("no volume ({} of {})", c.good, total),
            None => format!("no total ({} good)", grouped(c.good as f64)),
        }),
    }
}

/// A note in one line: `Monthly service review (2026-11-04, review)`.
fn describe(n: &Note) -> String {
    let kind = serde_json::to_value(n.meta.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!("{} ({}, {kind})", n.meta.title, n.meta.date)
}
