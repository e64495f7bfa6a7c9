//! Hand-written `Deserialize` for the mapping's either-or shapes. serde's
//! untagged enums only say "data did not match any variant"; these say
//! which key was unknown or missing, at its line (docs/import.md).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::mapping::{
    Aggregate, AggregateSource, CountSource, CountWhere, EngagementColumn, EngagementSource,
    KpiSource, Rows,
};

const KPI_KEYS: &[&str] = &["good", "total", "column", "aggregate", "weight"];
const COUNT_KEYS: &[&str] = &["count_where", "count"];

impl<'de> Deserialize<'de> for EngagementSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = EngagementSource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an engagement id, or `{ column, map }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(EngagementSource::Fixed(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                EngagementColumn::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(EngagementSource::Column)
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for KpiSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KpiSource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`{ good, total }` (a ratio KPI) or `{ column, aggregate }`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut good: Option<CountSource> = None;
                let mut total: Option<CountSource> = None;
                let mut column: Option<String> = None;
                let mut aggregate: Option<Aggregate> = None;
                let mut weight: Option<String> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "good" => once(&mut good, "good", map.next_value()?)?,
                        "total" => once(&mut total, "total", map.next_value()?)?,
                        "column" => once(&mut column, "column", map.next_value()?)?,
                        "aggregate" => once(&mut aggregate, "aggregate", map.next_value()?)?,
                        "weight" => once(&mut weight, "weight", map.next_value()?)?,
                        other => return Err(de::Error::unknown_field(other, KPI_KEYS)),
                    }
                }
                let counts = good.is_some() || total.is_some();
                let value = column.is_some() || aggregate.is_some() || weight.is_some();
                match (counts, value) {
                    (true, true) => Err(de::Error::custom(
                        "a KPI is computed either from counts `{ good, total }` or from a \
                         value `{ column, aggregate }`, not both",
                    )),
                    (true, false) => Ok(KpiSource::Ratio {
                        good: good.ok_or_else(|| de::Error::missing_field("good"))?,
                        total: total.ok_or_else(|| de::Error::missing_field("total"))?,
                    }),
                    (false, true) => Ok(KpiSource::Aggregate(AggregateSource {
                        column: column.ok_or_else(|| de::Error::missing_field("column"))?,
                        aggregate: aggregate.unwrap_or_default(),
                        weight,
                    })),
                    (false, false) => Err(de::Error::custom(
                        "expected `{ good, total }` (a ratio KPI's counts) or \
                         `{ column, aggregate }` (a value)",
                    )),
                }
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for CountSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CountSource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a column's header name, `{ count_where: { column, equals } }` or \
                     `{ count: rows }`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CountSource::Column(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut found: Option<CountSource> = None;
                while let Some(key) = map.next_key::<String>()? {
                    let next = match key.as_str() {
                        "count_where" => CountSource::Where {
                            count_where: map.next_value::<CountWhere>()?,
                        },
                        "count" => CountSource::Rows {
                            count: map.next_value::<Rows>()?,
                        },
                        other => return Err(de::Error::unknown_field(other, COUNT_KEYS)),
                    };
                    if found.is_some() {
                        return Err(de::Error::custom(
                            "a count is either `count_where` or `count: rows`, not both",
                        ));
                    }
                    found = Some(next);
                }
                found.ok_or_else(|| de::Error::missing_field("count_where"))
            }
        }
        deserializer.deserialize_any(V)
    }
}

fn once<T, E: de::Error>(slot: &mut Option<T>, key: &'static str, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(value);
    Ok(())
}
