//! Months and dates as users write them: `YYYY-MM` and `YYYY-MM-DD`,
//! exactly, with messages that say what is wrong.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, the unit of every period of measurements (`YYYY-MM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a Month is always valid")
    }

    /// The month's last day.
    pub fn last_day(self) -> NaiveDate {
        self.plus(1)
            .first_day()
            .pred_opt()
            .unwrap_or(NaiveDate::MIN)
    }

    /// The month `n` months after this one (`n` may be negative).
    pub fn plus(self, n: i32) -> Month {
        let index = self.year * 12 + (self.month as i32 - 1) + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months from `self` to `other` (positive when `other` is later).
    pub fn months_until(self, other: Month) -> i32 {
        (other.year * 12 + other.month as i32) - (self.year * 12 + self.month as i32)
    }

    /// The quarter this month belongs to, 1..=4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    /// Short label for chart axes: `Mar 26`.
    pub fn short_label(self) -> String {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!(
            "{} {:02}",
            NAMES[self.month as usize - 1],
            self.year.rem_euclid(100)
        )
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = String;

    fn from_str(s: &str) -> Result<Month, String> {
        let bad = || format!("`{s}` is not a month: write it as YYYY-MM, e.g. 2026-03");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        /// Takes text and numbers alike, so `period: 202603` gets the same
        /// "not a month" message as `period: 2026-3`.
        struct MonthVisitor;
        impl serde::de::Visitor<'_> for MonthVisitor {
            type Value = Month;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a month written YYYY-MM")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Month, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Month, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Month, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Month, E> {
                self.visit_str(&n.to_string())
            }
        }
        d.deserialize_any(MonthVisitor)
    }
}

/// A month is written as a `YYYY-MM` string in every YAML file.
impl JsonSchema for Month {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Month".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "A calendar month, YYYY-MM (e.g. 2026-03)."
        })
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parses a date written exactly `YYYY-MM-DD` (chrono alone also takes
/// `2026-3-4`), with a message that says what is wrong with it.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return Err(format!(
            "`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-04"
        ));
    }
    let (y, m, d) = (&s[..4], &s[5..7], &s[8..]);
    let (year, month, day): (i32, u32, u32) = (
        y.parse().unwrap_or(0),
        m.parse().unwrap_or(0),
        d.parse().unwrap_or(0),
    );
    if !(1..=12).contains(&month) {
        return Err(format!(
            "`{s}` is not a date: there is no month {month}; write it as YYYY-MM-DD"
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!("`{s}` is not a date: {y}-{m} has no day {day}; write it as YYYY-MM-DD")
    })
}

/// Takes text and numbers alike, so that `20260304` gets the same message.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        parse_date(s).map_err(E::custom)
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<NaiveDate, E> {
        self.visit_str(&n.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<NaiveDate, E> {
        self.visit_str(&n.to_string())
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<NaiveDate, E> {
        self.visit_str(&n.to_string())
    }
}

pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_any(DateVisitor)
}

pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    /// `null` (or an empty value) is no date; anything else must be one.
    struct OptVisitor;
    impl<'de> serde::de::Visitor<'de> for OptVisitor {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            date(d).map(Some)
        }
    }
    d.deserialize_option(OptVisitor)
}
