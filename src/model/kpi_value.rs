//! The value of a KPI in a period: a number, counts `{ good, total }` for a
//! `measure: ratio` KPI, or null ("not reported"). Read by hand so that a
//! wrong value's error says what was expected, at the value's position.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Counts of a `measure: ratio` KPI: its value is 100 × good / total.
/// `total` 0 or null is "not reported"; a negative count or `good` above
/// `total` is a `check` error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub good: i64,
    pub total: Option<i64>,
}

/// A KPI's entry in a period's `kpis:`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum KpiValue {
    /// `null`: not reported.
    #[default]
    NotReported,
    Number(f64),
    Counts(Counts),
}

impl KpiValue {
    /// The plain number written, if any (counts are not a number).
    pub fn number(&self) -> Option<f64> {
        match self {
            KpiValue::Number(v) => Some(*v),
            _ => None,
        }
    }

    pub fn counts(&self) -> Option<Counts> {
        match self {
            KpiValue::Counts(c) => Some(*c),
            _ => None,
        }
    }
}

impl From<Option<f64>> for KpiValue {
    fn from(value: Option<f64>) -> KpiValue {
        value.map_or(KpiValue::NotReported, KpiValue::Number)
    }
}

impl Serialize for KpiValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            KpiValue::NotReported => s.serialize_none(),
            KpiValue::Number(v) => s.serialize_some(v),
            KpiValue::Counts(c) => s.serialize_some(c),
        }
    }
}

/// What a KPI value is expected to be, in serde's "expected" words (the
/// YAML messages turn it into advice, src/yaml/messages.rs).
pub const KPI_VALUE_EXPECTED: &str =
    "a number, null, or counts `{ good: <count>, total: <count> }`";
const EXPECTED: &str = KPI_VALUE_EXPECTED;
const FIELDS: &[&str] = &["good", "total"];

impl<'de> Deserialize<'de> for KpiValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KpiValue, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = KpiValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_unit<E: de::Error>(self) -> Result<KpiValue, E> {
        Ok(KpiValue::NotReported)
    }

    fn visit_none<E: de::Error>(self) -> Result<KpiValue, E> {
        Ok(KpiValue::NotReported)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<KpiValue, D::Error> {
        KpiValue::deserialize(d)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<KpiValue, E> {
        Ok(KpiValue::Number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<KpiValue, E> {
        Ok(KpiValue::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<KpiValue, E> {
        Ok(KpiValue::Number(v as f64))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KpiValue, A::Error> {
        let (mut good, mut total) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "good" if good.is_some() => return Err(de::Error::duplicate_field("good")),
                "good" => good = Some(map.next_value::<i64>()?),
                "total" if total.is_some() => return Err(de::Error::duplicate_field("total")),
                "total" => total = Some(map.next_value::<Option<i64>>()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let good = good.ok_or_else(|| de::Error::missing_field("good"))?;
        let total = total.ok_or_else(|| de::Error::missing_field("total"))?;
        Ok(KpiValue::Counts(Counts { good, total }))
    }
}

/// The schema of a value: what `KpiValue` reads.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum KpiValueSchema {
    Number(Option<f64>),
    Counts(Counts),
}

impl JsonSchema for KpiValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "KpiValue".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        KpiValueSchema::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<KpiValue, String> {
        crate::yaml::from_str::<KpiValue>(text).map_err(|e| e.message)
    }

    #[test]
    fn numbers_null_and_counts() {
        assert_eq!(read("99.5"), Ok(KpiValue::Number(99.5)));
        assert_eq!(read("3"), Ok(KpiValue::Number(3.0)));
        assert_eq!(read("null"), Ok(KpiValue::NotReported));
        assert_eq!(read("~"), Ok(KpiValue::NotReported));
        assert_eq!(
            read("{ good: 8123, total: 10012 }"),
            Ok(KpiValue::Counts(Counts {
                good: 8123,
                total: Some(10012)
            }))
        );
        assert_eq!(
            read("{ good: 0, total: null }"),
            Ok(KpiValue::Counts(Counts {
                good: 0,
                total: None
            }))
        );
    }

    #[test]
    fn wrong_values_say_what_was_expected() {
        let e = read("fast").unwrap_err();
        assert!(
            e.contains("must be a number (or, for a `measure: ratio` KPI, counts"),
            "{e}"
        );
        let e = read("{ good: 1, totl: 2 }").unwrap_err();
        assert!(
            e.contains("unknown field `totl`") && e.contains("`total`"),
            "{e}"
        );
        let e = read("{ good: 1 }").unwrap_err();
        assert!(e.contains("missing field `total`"), "{e}");
        let e = read("{ good: 1.5, total: 2 }").unwrap_err();
        assert!(e.contains("1.5"), "{e}");
    }

    #[test]
    fn errors_keep_their_position_in_a_period() {
        let text = "period: 2026-03\nkpis:\n  acc: 99\n  calls: { good: 10, totl: 12 }\n";
        let e = crate::yaml::from_str::<crate::model::Period>(text).unwrap_err();
        assert_eq!(e.line, 4, "{e:?}");
        assert!(e.message.contains("totl"), "{e:?}");
        let text = "period: 2026-03\nkpis:\n  acc: fast\n";
        let e = crate::yaml::from_str::<crate::model::Period>(text).unwrap_err();
        assert_eq!((e.line, e.column), (3, 8), "{e:?}");
        assert!(
            e.message
                .contains("must be a number (or, for a `measure: ratio` KPI"),
            "{e:?}"
        );
    }
}
