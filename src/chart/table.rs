//! Values and their text: the data table behind every chart, the formatting
//! of values in tables and descriptions, and the handling of missing values.

use serde::Serialize;

use super::svg;
use crate::format;

/// What a table cell (and a description) says for a missing value.
pub const NOT_REPORTED: &str = "not reported";

/// The plotted data as text, for screen readers and printing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DataTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How the values of one chart are written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ValueFormat<'a> {
    /// Appended to values: "%" directly, anything else after a space.
    pub unit: &'a str,
    pub decimals: usize,
}

impl ValueFormat<'_> {
    /// The bare number: "96.2".
    pub fn number(&self, value: f64) -> String {
        format::number(value, self.decimals)
    }

    /// The number with its unit: "96.2%", "160 h", "4.4/5".
    pub fn value(&self, value: f64) -> String {
        format::value_in(value, self.decimals, self.unit)
    }

    /// A table cell: the value, or "not reported".
    pub fn cell(&self, value: Option<f64>) -> String {
        value.map_or_else(|| NOT_REPORTED.to_string(), |v| self.number(v))
    }
}

/// A finite value or nothing: NaN and infinities count as not reported.
pub(crate) fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// Runs of consecutive reported values: (index, value).
pub(crate) fn runs(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut runs = vec![];
    let mut current = vec![];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i, *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

pub(crate) use crate::format::and_list as join_and;

/// Label text for use inside a sentence: lower case, except words written
/// in capitals ("KPI").
pub(crate) fn lower(text: &str) -> String {
    svg::clean(text)
        .split(' ')
        .map(|word| {
            let acronym = word.chars().filter(|c| c.is_alphabetic()).count() > 1
                && word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            if acronym {
                word.to_string()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "1 month", "2 months".
pub(crate) fn plural(count: u64, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}
