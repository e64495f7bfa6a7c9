//! Changed after sign-off (docs/metrics.md, "Sign-off and disputes"): the
//! values of a month that the base revision had signed off (either side)
//! and the head changes, unless the head renews both sides' sign-offs.
//! `diff` lists them and `diff --strict` fails on them, so a restated
//! figure cannot pass a pull request unseen.
//!
//! Kept apart from the figures diff: it reads the period files themselves,
//! not the computed figures.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::{Month, Period, Side, SignOff};
use crate::yaml::Spans;

/// One value changed in a signed-off month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedAfterSignOff {
    pub engagement: String,
    pub month: Month,
    /// The YAML path of the value in the period, e.g. `kpis.service_level.good`.
    pub path: String,
    /// The value in the base and in the head, as written (`null`: absent).
    pub before: String,
    pub after: String,
    /// The head's file and 1-based line (the base's file when the head has
    /// no period for the month any more).
    pub file: PathBuf,
    pub line: usize,
    /// Who signed it off in the base, in words.
    pub signed: String,
}

impl ChangedAfterSignOff {
    /// One line: where, what, and the sign-off it breaks.
    pub fn sentence(&self) -> String {
        format!(
            "{}:{}: {} of {} changed after sign-off: {} → {} (signed off by {}); both sides \
             must sign the month off again",
            self.file.display(),
            self.line,
            self.path,
            self.month,
            self.before,
            self.after,
            self.signed
        )
    }
}

/// The changes of one engagement's periods from `base` to `head` in the
/// months the base had signed off. `head_text` gives the text of a head
/// file (relative to the root) to find the changed value's line.
pub fn changed_after_sign_off(
    engagement: &str,
    base: &[Period],
    head: &[Period],
    head_text: &dyn Fn(&Path) -> Option<String>,
) -> Vec<ChangedAfterSignOff> {
    let mut out = Vec::new();
    for b in base {
        let Some(signed) = b
            .sign_off
            .as_ref()
            .filter(|s| s.provider.is_some() || s.client.is_some())
        else {
            continue;
        };
        let h = head.iter().find(|h| h.period == b.period);
        if h.is_some_and(|h| renewed(signed, h.sign_off.as_ref())) {
            continue;
        }
        let before = values(b);
        let after = h.map(values).unwrap_or_default();
        let spans = h
            .and_then(|h| head_text(&h.source))
            .map(|t| Spans::index(&t));
        let mut paths: Vec<&String> = before.keys().chain(after.keys()).collect();
        paths.sort();
        paths.dedup();
        for path in paths {
            let (was, now) = (before.get(path), after.get(path));
            if was == now {
                continue;
            }
            let (file, line) = match h {
                Some(h) => {
                    let full = format!("{}{path}", h.yaml_prefix);
                    let line = spans.as_ref().map_or(1, |s| {
                        s.value(&full)
                            .or_else(|| s.key(&full))
                            .unwrap_or_else(|| s.nearest(&full))
                            .0
                    });
                    (h.source.clone(), line)
                }
                None => (b.source.clone(), 1),
            };
            out.push(ChangedAfterSignOff {
                engagement: engagement.to_string(),
                month: b.period,
                path: path.clone(),
                before: shown(was),
                after: if h.is_none() {
                    "the month's period removed".to_string()
                } else {
                    shown(now)
                },
                file,
                line,
                signed: signed_words(signed),
            });
        }
    }
    out
}

/// The head renews the sign-off when both sides signed it, each on a later
/// day than in the base (a side the base lacked counts as renewed by any
/// date).
fn renewed(base: &SignOff, head: Option<&SignOff>) -> bool {
    let Some(head) = head else { return false };
    [Side::Provider, Side::Client]
        .into_iter()
        .all(|side| match (base.of(side), head.of(side)) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(b), Some(h)) => h.date > b.date,
        })
}

fn signed_words(s: &SignOff) -> String {
    let parts: Vec<String> = [Side::Provider, Side::Client]
        .into_iter()
        .filter_map(|side| {
            let sig = s.of(side)?;
            Some(format!(
                "the {} ({}, {})",
                crate::analyse::words::side(side),
                sig.by,
                sig.date
            ))
        })
        .collect();
    parts.join(" and ")
}

/// The figures a month's sign-off agrees, by YAML path: KPI values and
/// counts, excused months, hours and survey scores. Feedback and the
/// sign-off itself are not figures.
fn values(p: &Period) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let parts = [
        ("kpis", serde_json::to_value(&p.kpis)),
        ("excused", serde_json::to_value(&p.excused)),
        ("hours", serde_json::to_value(&p.hours)),
        ("survey", serde_json::to_value(&p.survey)),
    ];
    for (key, value) in parts {
        if let Ok(value) = value {
            flatten(key.to_string(), &value, &mut out);
        }
    }
    out
}

fn flatten(path: String, value: &Value, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                flatten(format!("{path}.{k}"), v, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                flatten(format!("{path}.{i}"), v, out);
            }
        }
        // An absent part and an empty one are the same figures.
        Value::Null | Value::Object(_) | Value::Array(_) => {}
        leaf => {
            out.insert(path, leaf.clone());
        }
    }
}

fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "null".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The Markdown section `diff` prints for these changes (nothing when
/// there are none).
pub fn markdown(changes: &[ChangedAfterSignOff]) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n### Changed after sign-off\n\n");
    for c in changes {
        let _ = writeln!(
            out,
            "- **changed after sign-off**: `{}`: {}",
            c.engagement,
            c.sentence()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, period};
    use crate::model::{KpiValue, Signature};

    fn signed(p: &mut Period, provider: &str, client: &str) {
        p.sign_off = Some(SignOff {
            provider: Some(Signature {
                by: "Ravi".into(),
                date: d(provider),
            }),
            client: Some(Signature {
                by: "Dana".into(),
                date: d(client),
            }),
        });
    }

    fn october(value: f64) -> Period {
        let mut p = period("2026-10");
        p.source = PathBuf::from("content/a/periods/2026-10.yaml");
        p.kpis.insert("sl".into(), KpiValue::Number(value));
        p
    }

    const TEXT: &str = "period: 2026-10\nkpis:\n  sl: 41\n";

    fn changes(base: &Period, head: &Period) -> Vec<ChangedAfterSignOff> {
        changed_after_sign_off(
            "a",
            std::slice::from_ref(base),
            std::slice::from_ref(head),
            &|_| Some(TEXT.to_string()),
        )
    }

    #[test]
    fn a_value_changed_in_a_signed_off_month_is_listed_with_its_line() {
        let mut base = october(58.4);
        signed(&mut base, "2026-11-04", "2026-11-06");
        let mut head = october(41.0);
        head.sign_off = base.sign_off.clone();
        let c = changes(&base, &head);
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].sentence(),
            "content/a/periods/2026-10.yaml:3: kpis.sl of 2026-10 changed after sign-off: \
             58.4 → 41.0 (signed off by the provider (Ravi, 2026-11-04) and the client (Dana, \
             2026-11-06)); both sides must sign the month off again"
        );
        // Renewing one side is not enough; both, each on a later day, is.
        signed(&mut head, "2026-11-20", "2026-11-06");
        assert_eq!(changes(&base, &head).len(), 1);
        signed(&mut head, "2026-11-20", "2026-11-21");
        assert!(changes(&base, &head).is_empty());
    }

    #[test]
    fn an_unsigned_month_or_an_unchanged_value_is_not_listed() {
        let base = october(58.4);
        assert!(changes(&base, &october(41.0)).is_empty());
        let mut base = october(58.4);
        signed(&mut base, "2026-11-04", "2026-11-06");
        let mut head = october(58.4);
        head.feedback.push(crate::model::Feedback {
            from: Side::Client,
            kind: crate::model::FeedbackKind::Concern,
            text: "late".into(),
            audience: None,
        });
        assert!(changes(&base, &head).is_empty());
        // Only one side signed in the base: still signed off.
        base.sign_off.as_mut().unwrap().client = None;
        assert_eq!(changes(&base, &october(41.0)).len(), 1);
    }

    #[test]
    fn a_removed_signed_off_month_is_listed() {
        let mut base = october(58.4);
        signed(&mut base, "2026-11-04", "2026-11-06");
        let c = changed_after_sign_off("a", &[base], &[], &|_| None);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].after, "the month's period removed");
    }
}
