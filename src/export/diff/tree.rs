//! Two values of the model compared as JSON trees, so that every field the
//! model has — and every field added to it later — is compared without a
//! hand-written list. Mappings are compared key by key; list items are
//! matched by their key (a goal by its `id`, a term by its `from`, see
//! [`item_key`]) or, for lists without one (feedback), by being equal. An
//! item added or removed is one change; a mapping that appears or goes is
//! compared field by field against nothing, so each value is its own line.

use serde_json::Value;

/// One step of a path into a model value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Seg {
    Field(String),
    /// A list item, found again in any version of the list by `ident`.
    Item(Ident),
}

/// How a list item is recognised across versions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ident {
    /// By the value of one of its fields (`id`, `from`, `kpi`, ...).
    Key(&'static str, Value),
    /// By being equal: the item itself.
    Whole(Value),
}

impl Ident {
    /// Whether `item` is the item this identifies.
    pub(crate) fn matches(&self, item: &Value) -> bool {
        match self {
            Ident::Key(field, key) => item.get(field) == Some(key),
            Ident::Whole(whole) => item == whole,
        }
    }

    /// How the item is named in a change's label.
    pub(crate) fn label(&self) -> String {
        match self {
            Ident::Key(_, key) => scalar(key),
            Ident::Whole(whole) => summary(whole),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    Added,
    Removed,
    Changed,
}

/// One difference: where, what kind, and the two values (`None` on the
/// side that has none).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Leaf {
    pub(crate) path: Vec<Seg>,
    pub(crate) edit: Edit,
    pub(crate) before: Option<Value>,
    pub(crate) after: Option<Value>,
}

/// The field that identifies an item of the list held in `field`, if the
/// list's items have one (docs/export.md, "diff").
pub(crate) fn item_key(field: &str) -> Option<&'static str> {
    match field {
        "kpis" | "goals" | "risks" | "obligations" => Some("id"),
        "terms" => Some("from"),
        "excused" => Some("kpi"),
        "expectations" => Some("text"),
        "milestones" => Some("title"),
        _ => None,
    }
}

/// Every difference between `base` and `head`, in path order.
pub(crate) fn compare(base: &Value, head: &Value) -> Vec<Leaf> {
    let mut out = Vec::new();
    walk(Some(base), Some(head), &mut Vec::new(), &mut out);
    out
}

fn walk(base: Option<&Value>, head: Option<&Value>, path: &mut Vec<Seg>, out: &mut Vec<Leaf>) {
    let base = base.filter(|v| !v.is_null());
    let head = head.filter(|v| !v.is_null());
    match (base, head) {
        (None, None) => {}
        (Some(Value::Object(b)), Some(Value::Object(h))) => {
            let mut keys: Vec<&String> = b.keys().chain(h.keys()).collect();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                path.push(Seg::Field(key.clone()));
                walk(b.get(key), h.get(key), path, out);
                path.pop();
            }
        }
        // A mapping that appears or goes: each of its values on its own.
        (Some(Value::Object(b)), None) => {
            walk(Some(&Value::Object(b.clone())), Some(&empty()), path, out)
        }
        (None, Some(Value::Object(h))) => {
            walk(Some(&empty()), Some(&Value::Object(h.clone())), path, out)
        }
        (Some(Value::Array(b)), Some(Value::Array(h))) => lists(b, h, path, out),
        (Some(Value::Array(b)), None) => lists(b, &[], path, out),
        (None, Some(Value::Array(h))) => lists(&[], h, path, out),
        (b, h) if b == h => {}
        (b, h) => out.push(Leaf {
            path: path.clone(),
            edit: match (b, h) {
                (None, _) => Edit::Added,
                (_, None) => Edit::Removed,
                _ => Edit::Changed,
            },
            before: b.cloned(),
            after: h.cloned(),
        }),
    }
}

fn empty() -> Value {
    Value::Object(serde_json::Map::new())
}

/// The items of one list: matched by key and compared, or added and removed.
fn lists(base: &[Value], head: &[Value], path: &mut Vec<Seg>, out: &mut Vec<Leaf>) {
    let key = match path.last() {
        Some(Seg::Field(f)) => item_key(f),
        _ => None,
    };
    let ident = |item: &Value| match key.and_then(|k| item.get(k).map(|v| (k, v))) {
        Some((k, v)) if !v.is_null() => Ident::Key(k, v.clone()),
        _ => Ident::Whole(item.clone()),
    };
    let mut used = vec![false; head.len()];
    for b in base {
        let id = ident(b);
        let found = head
            .iter()
            .enumerate()
            .position(|(i, h)| !used[i] && id.matches(h));
        path.push(Seg::Item(id));
        match found {
            Some(i) => {
                used[i] = true;
                walk(Some(b), Some(&head[i]), path, out);
            }
            None => out.push(Leaf {
                path: path.clone(),
                edit: Edit::Removed,
                before: Some(b.clone()),
                after: None,
            }),
        }
        path.pop();
    }
    for (i, h) in head.iter().enumerate() {
        if !used[i] {
            path.push(Seg::Item(ident(h)));
            out.push(Leaf {
                path: path.clone(),
                edit: Edit::Added,
                before: None,
                after: Some(h.clone()),
            });
            path.pop();
        }
    }
}

/// A scalar as text: strings as written, `yes`/`no`, numbers as JSON has
/// them; anything else as its summary.
pub(crate) fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Null => "not set".into(),
        Value::Number(n) => n
            .as_f64()
            .filter(|_| n.is_f64())
            .map_or_else(|| n.to_string(), |f| crate::format::number(f, 6)),
        other => summary(other),
    }
}

/// What names an item in one line: feedback as `from kind: text`, else its
/// title, text, name, reason or id, else its fields written out.
pub(crate) fn summary(value: &Value) -> String {
    const LONGEST: usize = 120;
    let text = match value {
        Value::Object(map) => {
            let field = |k: &str| map.get(k).and_then(Value::as_str);
            if let (Some(from), Some(kind), Some(text)) =
                (field("from"), field("kind"), field("text"))
            {
                format!("{from} {kind}: {text}")
            } else if let Some(named) = ["title", "text", "name", "reason", "id"]
                .iter()
                .find_map(|k| field(k))
            {
                named.to_string()
            } else {
                flow(value)
            }
        }
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(", "),
        other => return scalar(other),
    };
    shorten(&text, LONGEST)
}

/// A value as a YAML-like flow text: `{ by: Dana, date: 2026-11-06 }`.
fn flow(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{k}: {}", flow(v)))
                .collect();
            format!("{{ {} }}", inner.join(", "))
        }
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(flow).collect::<Vec<_>>().join(", ")
            )
        }
        other => scalar(other),
    }
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_string();
    }
    let cut: String = text.chars().take(most - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn paths(leaves: &[Leaf]) -> Vec<String> {
        leaves
            .iter()
            .map(|l| {
                let p: Vec<String> = l
                    .path
                    .iter()
                    .map(|s| match s {
                        Seg::Field(f) => f.clone(),
                        Seg::Item(i) => format!("[{}]", i.label()),
                    })
                    .collect();
                format!("{} {:?}", p.join("."), l.edit)
            })
            .collect()
    }

    #[test]
    fn items_are_matched_by_key_not_by_position() {
        let base = json!({ "goals": [{ "id": "a", "status": "on-track" }, { "id": "b", "status": "done" }] });
        let head = json!({ "goals": [{ "id": "c", "status": "done" }, { "id": "a", "status": "at-risk" }] });
        assert_eq!(
            paths(&compare(&base, &head)),
            [
                "goals.[a].status Changed",
                "goals.[b] Removed",
                "goals.[c] Added"
            ]
        );
    }

    #[test]
    fn unkeyed_items_are_matched_when_equal_and_a_mapping_that_appears_is_listed_value_by_value() {
        let fb = |t: &str| json!({ "from": "client", "kind": "praise", "text": t });
        let base = json!({ "feedback": [fb("one"), fb("two")], "hours": null });
        let head = json!({ "feedback": [fb("two"), fb("three")], "hours": { "worked": 10, "overtime_requested": null } });
        assert_eq!(
            paths(&compare(&base, &head)),
            [
                "feedback.[client praise: one] Removed",
                "feedback.[client praise: three] Added",
                "hours.worked Added"
            ]
        );
    }
}
