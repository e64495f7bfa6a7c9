//! The names a unit enum of the model is written with in YAML, read from the
//! type itself: serde's derive hands its list of variant names (after
//! `rename_all`) to the deserializer, so asking for an enum with a
//! deserializer that only records that list gives exactly what the loader
//! accepts, in declaration order. Messages (`src/yaml/allowed.rs`), the
//! scaffold comments of `init` and `new` and the `--kind` values of `new
//! note` take their lists from here instead of copying them.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

/// The serde names of the unit enum `T` (`["prospecting", "transition",
/// ...]` for `Phase`); empty for a type that is not an enum.
pub(crate) fn variants<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut names = None;
    // The deserializer always fails: the value is never built, only asked for.
    let _ = T::deserialize(Names(&mut names));
    names.unwrap_or(&[])
}

/// The names of `T` joined by `sep`: `weekly | biweekly | ...`.
pub(crate) fn joined<T: DeserializeOwned>(sep: &str) -> String {
    variants::<T>().join(sep)
}

/// The name `value` is written with in YAML (`Direction::Higher` ->
/// `higher`), as serde writes it.
pub(crate) fn name_of<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A deserializer that records the variant list it is asked for, then stops.
struct Names<'a>(&'a mut Option<&'static [&'static str]>);

/// The deserializer never yields a value.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("only the names of an enum are read")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for Names<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some(variants);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Audience, Direction, FeedbackKind, Frequency, GoalStatus, Measure, NoteKind, Phase,
        RiskOwner, RiskStatus, Side,
    };

    /// The names the JSON Schema of `T` allows (`enum`, or `oneOf` consts
    /// when the variants carry doc comments).
    fn schema_names<T: schemars::JsonSchema>() -> Vec<String> {
        let schema = schemars::schema_for!(T);
        let value = schema.as_value();
        let strings = |list: &serde_json::Value| -> Vec<String> {
            list.as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        if let Some(list) = value.get("enum") {
            return strings(list);
        }
        value["oneOf"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|v| match v.get("enum") {
                Some(list) => strings(list),
                None => v["const"]
                    .as_str()
                    .map(str::to_string)
                    .into_iter()
                    .collect(),
            })
            .collect()
    }

    /// Every listed name is one serde accepts, and the list is the schema's.
    fn check<T: DeserializeOwned + schemars::JsonSchema>(count: usize) {
        let names = variants::<T>();
        assert_eq!(names.len(), count, "{names:?}");
        for name in names {
            let parsed: Result<T, _> = serde_json::from_value(serde_json::json!(name));
            assert!(parsed.is_ok(), "{name} is not accepted");
        }
        assert_eq!(names.to_vec(), schema_names::<T>());
    }

    #[test]
    fn the_names_are_those_serde_accepts_and_the_schema_lists() {
        check::<Phase>(6);
        check::<Frequency>(4);
        check::<Direction>(2);
        check::<Measure>(2);
        check::<Side>(2);
        check::<RiskOwner>(3);
        check::<GoalStatus>(5);
        check::<RiskStatus>(3);
        check::<FeedbackKind>(3);
        check::<NoteKind>(6);
        check::<Audience>(2);
        assert_eq!(variants::<GoalStatus>()[0], "on-track");
        assert_eq!(name_of(&GoalStatus::OnTrack), "on-track");
        assert_eq!(
            joined::<Frequency>(" | "),
            "weekly | biweekly | monthly | quarterly"
        );
    }

    #[test]
    fn a_type_that_is_no_enum_has_no_names() {
        assert!(variants::<String>().is_empty());
        assert!(variants::<crate::model::Party>().is_empty());
    }
}
