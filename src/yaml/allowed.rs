//! The allowed values of each enum field, for messages about a value of the
//! wrong kind (`phase: 3`): the field's path says which model type it is,
//! and the type gives its names (src/names.rs), so the lists follow the
//! model (docs/content.md gives them for each file).

use crate::import::mapping;
use crate::model::{
    Audience, Direction, FeedbackKind, Frequency, GoalStatus, Measure, NoteKind, Phase, RiskOwner,
    RiskStatus, Side,
};
use crate::names::variants;

/// The allowed values of the enum field at `path` (`risks.0.status`), by
/// the field's name and, where names are shared, its list.
pub(super) fn allowed_values(path: &str) -> Option<&'static [&'static str]> {
    let mut parts = path.rsplit('.').filter(|p| p.parse::<usize>().is_err());
    let field = parts.next()?;
    let parent = parts.next().unwrap_or("");
    Some(match (parent, field) {
        (_, "phase") => variants::<Phase>(),
        ("cadence", _) => variants::<Frequency>(),
        (_, "direction") => variants::<Direction>(),
        (_, "measure") => variants::<Measure>(),
        // A term's `from` is a month, not a side.
        ("terms", "from") => return None,
        ("kpis", "owner") => variants::<Side>(),
        ("risks", "owner") => variants::<RiskOwner>(),
        ("obligations", "owner") => variants::<Side>(),
        ("obligations", "every") => variants::<crate::model::Recurrence>(),
        ("goals", "status") => variants::<GoalStatus>(),
        ("risks", "status") => variants::<RiskStatus>(),
        (_, "set_by" | "from") | ("dispute", "by") | ("responses", "side") => variants::<Side>(),
        ("feedback", "kind") => variants::<FeedbackKind>(),
        // Import mappings (src/import/mapping.rs).
        ("", "format") => variants::<mapping::Format>(),
        (_, "aggregate") => variants::<mapping::Aggregate>(),
        ("good" | "total", "count") => variants::<mapping::Rows>(),
        ("", "kind") => variants::<NoteKind>(),
        (_, "audience" | "default_audience") => variants::<Audience>(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::schema::Kind;

    /// The names an enum schema allows, or `None` for any other schema.
    fn enum_names(node: &Value) -> Option<Vec<String>> {
        let strings = |list: &Value| -> Option<Vec<String>> {
            list.as_array()?
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        if let Some(list) = node.get("enum") {
            return strings(list);
        }
        let one_of = node.get("oneOf")?.as_array()?;
        one_of
            .iter()
            .map(|v| v.get("const").and_then(Value::as_str).map(str::to_string))
            .collect()
    }

    /// Every enum field of a schema, with its dotted path (`kpis.0.owner`).
    fn enum_fields(node: &Value, defs: &Value, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        if path.matches('.').count() > 8 {
            return;
        }
        if let Some(name) = node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            return enum_fields(&defs[name], defs, path, out);
        }
        if let Some(names) = enum_names(node) {
            out.push((path.to_string(), names));
            return;
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for member in node
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                enum_fields(member, defs, path, out);
            }
        }
        let child = |name: &str| {
            if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            }
        };
        if let Some(properties) = node.get("properties").and_then(Value::as_object) {
            for (name, value) in properties {
                enum_fields(value, defs, &child(name), out);
            }
        }
        if let Some(items) = node.get("items") {
            enum_fields(items, defs, &child("0"), out);
        }
        if let Some(values) = node.get("additionalProperties").filter(|v| v.is_object()) {
            enum_fields(values, defs, &child("key"), out);
        }
    }

    #[test]
    fn every_enum_field_of_the_schemas_has_its_allowed_values() {
        let mut fields = Vec::new();
        for kind in Kind::ALL {
            let schema: Value = serde_json::from_str(&kind.schema()).unwrap();
            enum_fields(&schema, &schema["$defs"], "", &mut fields);
        }
        assert!(fields.len() >= 12, "{fields:?}");
        for (path, names) in fields {
            assert_eq!(
                allowed_values(&path).map(<[&str]>::to_vec),
                Some(names.iter().map(String::as_str).collect()),
                "{path}"
            );
        }
    }
}
