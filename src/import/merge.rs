//! Merging figures into a period file's text without re-serialising it:
//! values are added or replaced where the span index (`yaml::Spans`) says
//! they are written, so comments, key order and every other key stay as
//! they were. A value already there and different is a conflict, replaced
//! only when forced.

use std::fmt;

use rust_decimal::Decimal;

use super::aggregate::{Figures, NewValue};
use crate::analyse::exact::Num;
use crate::model::{KpiValue, Month, Period};
use crate::yaml::Spans;

/// A value the file already has, different from the import's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// `kpis.service_level`, `hours.worked`.
    pub key: String,
    pub old: String,
    pub new: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the file has {}, the import gives {}",
            self.key, self.old, self.new
        )
    }
}

/// A value as written in a period file.
pub fn text_of(value: &NewValue) -> String {
    match value {
        NewValue::Counts { good, total } => format!("{{ good: {good}, total: {total} }}"),
        NewValue::Number(d) => number_text(*d),
    }
}

fn number_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The values to write, as (section, key, text, what is there now).
fn wanted(
    figures: &Figures,
    existing: Option<&Period>,
) -> Vec<(&'static str, String, String, Old)> {
    let mut out = Vec::new();
    for (id, value) in &figures.kpis {
        let old = match existing.and_then(|p| p.kpis.get(id)) {
            None | Some(KpiValue::NotReported) => Old::Missing,
            Some(old) if same(old, value) => Old::Same,
            Some(old) => Old::Different(kpi_text(old)),
        };
        out.push(("kpis", id.clone(), text_of(value), old));
    }
    let hours = existing.and_then(|p| p.hours.as_ref());
    for (key, new, old) in [
        ("worked", figures.worked, hours.and_then(|h| h.worked)),
        (
            "overtime_requested",
            figures.overtime_requested,
            hours.and_then(|h| h.overtime_requested),
        ),
    ] {
        let Some(new) = new else { continue };
        let old = match old {
            None => Old::Missing,
            Some(o) if Num::of(o) == Num::Dec(new) => Old::Same,
            Some(o) => Old::Different(o.to_string()),
        };
        out.push(("hours", key.to_string(), number_text(new), old));
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Old {
    Missing,
    Same,
    Different(String),
}

fn same(old: &KpiValue, new: &NewValue) -> bool {
    match (old, new) {
        (KpiValue::Counts(c), NewValue::Counts { good, total }) => {
            c.good == *good && c.total == Some(*total)
        }
        (KpiValue::Number(f), NewValue::Number(d)) => Num::of(*f) == Num::Dec(*d),
        _ => false,
    }
}

fn kpi_text(v: &KpiValue) -> String {
    match v {
        KpiValue::NotReported => "null".into(),
        KpiValue::Number(f) => f.to_string(),
        KpiValue::Counts(c) => match c.total {
            Some(t) => format!("{{ good: {}, total: {t} }}", c.good),
            None => format!("{{ good: {}, total: null }}", c.good),
        },
    }
}

/// A new period file holding `figures`.
pub fn new_file(month: Month, figures: &Figures) -> String {
    let mut text = format!("period: {month}\n");
    for (section, key, value, _) in wanted(figures, None) {
        text = insert(&text, section, &key, &value);
    }
    text
}

/// `text` (the period file read as `existing`) with `figures` merged in,
/// and the conflicts found; with `force` the conflicting values are
/// replaced, else left as they are.
pub fn merge(
    text: &str,
    existing: &Period,
    figures: &Figures,
    force: bool,
) -> (String, Vec<Conflict>) {
    let mut text = text.to_string();
    let mut conflicts = Vec::new();
    for (section, key, value, old) in wanted(figures, Some(existing)) {
        match old {
            Old::Same => {}
            Old::Missing => text = insert(&text, section, &key, &value),
            Old::Different(old) => {
                conflicts.push(Conflict {
                    key: format!("{section}.{key}"),
                    old,
                    new: value.clone(),
                });
                if force {
                    text = insert(&text, section, &key, &value);
                }
            }
        }
    }
    (text, conflicts)
}

/// `text` with `section.key` set to `value`: the value replaced where it is
/// written, else the entry added at the end of the section (block or flow
/// style, as the section is written), else the section added at the end.
pub fn insert(text: &str, section: &str, key: &str, value: &str) -> String {
    let spans = Spans::index(text);
    let mut chars: Vec<char> = text.chars().collect();
    let path = format!("{section}.{key}");
    let splice = |chars: &mut Vec<char>, from: usize, to: usize, with: &str| {
        let to = to.min(chars.len());
        let from = from.min(to);
        chars.splice(from..to, with.chars());
    };
    if let Some((_, start, end)) = spans.entry(&path) {
        let end = value_end(&chars, start, end);
        splice(&mut chars, start, end, value);
        return chars.into_iter().collect();
    }
    let Some((_, start, end)) = spans.entry(section) else {
        let mut text = text.to_string();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!("{section}:\n  {key}: {value}\n"));
        return text;
    };
    let children = spans.children(section);
    let flow = chars.get(start) == Some(&'{');
    match children.last() {
        Some(last) if flow => {
            // Just after the last entry's value, before any blanks and the brace.
            let at = content_end(&spans, &chars, last);
            splice(&mut chars, at, at, &format!(", {key}: {value}"));
        }
        Some(last) => {
            let indent = spans.key(&children[0]).map_or(2, |(_, c)| c - 1);
            let end = content_end(&spans, &chars, last);
            let at = chars[end..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |i| end + i + 1);
            let mut line = String::new();
            if at == chars.len() && chars.last().is_some_and(|&c| c != '\n') {
                line.push('\n');
            }
            line.push_str(&format!("{}{key}: {value}\n", " ".repeat(indent)));
            splice(&mut chars, at, at, &line);
        }
        None => {
            // `kpis: {}`, `kpis:` or `kpis: null`: the section written anew, in flow style.
            let lead = if start > 0 && chars[start - 1] == ':' {
                " "
            } else {
                ""
            };
            splice(
                &mut chars,
                start,
                end,
                &format!("{lead}{{ {key}: {value} }}"),
            );
        }
    }
    chars.into_iter().collect()
}

/// Where the entry at `path` really ends: a block mapping's end event can
/// lie past comments and blank lines, so it is the end of its last child.
fn content_end(spans: &Spans, chars: &[char], path: &str) -> usize {
    let Some((_, start, end)) = spans.entry(path) else {
        return chars.len();
    };
    let flow = matches!(chars.get(start), Some('{' | '['));
    match spans.children(path).last() {
        Some(last) if !flow => content_end(spans, chars, last),
        _ => value_end(chars, start, end),
    }
}

/// The end of a value starting at `start`: for a flow collection, just past
/// its closing bracket (the parser's end can reach over a comment after it).
fn value_end(chars: &[char], start: usize, end: usize) -> usize {
    let end = end.min(chars.len());
    if !matches!(chars.get(start), Some('{' | '[')) {
        return end;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(kpis: &[(&str, NewValue)]) -> Figures {
        Figures {
            kpis: kpis.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..Figures::default()
        }
    }

    fn period(text: &str) -> Period {
        crate::yaml::from_str(text).unwrap()
    }

    fn n(s: &str) -> NewValue {
        NewValue::Number(s.parse().unwrap())
    }

    #[test]
    fn new_file_is_block_style_and_reads_back() {
        let f = Figures {
            worked: Some("2010.5".parse().unwrap()),
            ..figures(&[
                ("sl", NewValue::Counts { good: 8, total: 10 }),
                ("aht", n("312.50")),
            ])
        };
        let text = new_file("2026-03".parse().unwrap(), &f);
        assert_eq!(
            text,
            "period: 2026-03\nkpis:\n  aht: 312.5\n  sl: { good: 8, total: 10 }\nhours:\n  worked: 2010.5\n"
        );
        let p = period(&text);
        assert_eq!(p.kpis.len(), 2);
    }

    #[test]
    fn block_section_keeps_comments_and_order() {
        let text = "# March\nperiod: 2026-03\nkpis:\n  # counted\n  zeta: 1   # kept\n  alpha:\n    good: 1\n    total: 2\n\n# the pulse\nsurvey: {}\n";
        let f = figures(&[("mid", n("5")), ("zeta", n("1"))]);
        let (out, conflicts) = merge(text, &period(text), &f, false);
        assert!(conflicts.is_empty());
        assert_eq!(
            out,
            "# March\nperiod: 2026-03\nkpis:\n  # counted\n  zeta: 1   # kept\n  alpha:\n    good: 1\n    total: 2\n  mid: 5\n\n# the pulse\nsurvey: {}\n"
        );
    }

    #[test]
    fn flow_section_gets_the_entry_inside_its_braces() {
        let text = "period: 2026-03\nkpis: { a: 1 }  # note\n";
        let (out, _) = merge(text, &period(text), &figures(&[("b", n("2"))]), false);
        assert_eq!(out, "period: 2026-03\nkpis: { a: 1, b: 2 }  # note\n");
        let text = "period: 2026-03\nkpis: {}\n";
        let (out, _) = merge(text, &period(text), &figures(&[("b", n("2"))]), false);
        assert_eq!(out, "period: 2026-03\nkpis: { b: 2 }\n");
    }

    #[test]
    fn a_different_value_is_a_conflict_and_replaced_only_when_forced() {
        let text = "period: 2026-03\nkpis:\n  a: { good: 1, total: 2 } # old\n  b: null\n";
        let f = figures(&[("a", NewValue::Counts { good: 3, total: 4 }), ("b", n("7"))]);
        let (out, conflicts) = merge(text, &period(text), &f, false);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            conflicts[0].to_string(),
            "kpis.a: the file has { good: 1, total: 2 }, the import gives { good: 3, total: 4 }"
        );
        assert_eq!(
            out,
            "period: 2026-03\nkpis:\n  a: { good: 1, total: 2 } # old\n  b: 7\n"
        );
        let (out, _) = merge(text, &period(text), &f, true);
        assert_eq!(
            out,
            "period: 2026-03\nkpis:\n  a: { good: 3, total: 4 } # old\n  b: 7\n"
        );
        // And again: nothing changes.
        let (again, conflicts) = merge(&out, &period(&out), &f, false);
        assert!(conflicts.is_empty());
        assert_eq!(again, out);
    }

    #[test]
    fn equal_values_are_equal_as_decimals() {
        let text = "period: 2026-03\nkpis: { a: 4.40 }\nhours: { worked: 10 }\n";
        let f = Figures {
            worked: Some("10.0".parse().unwrap()),
            ..figures(&[("a", n("4.4"))])
        };
        let (out, conflicts) = merge(text, &period(text), &f, false);
        assert!(conflicts.is_empty());
        assert_eq!(out, text);
    }

    #[test]
    fn a_missing_section_is_added_at_the_end() {
        let text = "period: 2026-03\nsurvey: {}";
        let f = Figures {
            worked: Some("10".parse().unwrap()),
            ..Figures::default()
        };
        let (out, _) = merge(text, &period(text), &f, false);
        assert_eq!(out, "period: 2026-03\nsurvey: {}\nhours:\n  worked: 10\n");
    }
}
