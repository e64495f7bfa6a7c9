//! Values and their text: the data table behind every chart, the formatting
//! of values in tables and descriptions, and the handling of missing values.

use serde::Serialize;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::FluentValue;

use super::svg;
use crate::render::language::Language;

/// The plotted data as text, for screen readers and printing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DataTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How the values of one chart are written, and in which language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ValueFormat<'a> {
    /// Appended to values: "%" directly, anything else after a space.
    pub unit: &'a str,
    pub decimals: usize,
    pub lang: &'a Language,
}

impl ValueFormat<'_> {
    /// The bare number: "96.2", "96,2".
    pub fn number(&self, value: f64) -> String {
        self.lang.number(value, self.decimals)
    }

    /// The number with its unit: "96.2%", "160 h", "4.4/5".
    pub fn value(&self, value: f64) -> String {
        self.lang.value_in(value, self.decimals, self.unit)
    }

    /// A table cell: the value, or "not reported".
    pub fn cell(&self, value: Option<f64>) -> String {
        value.map_or_else(|| not_reported(self.lang), |v| self.number(v))
    }
}

/// What a table cell (and a description) says for a missing value.
pub(crate) fn not_reported(lang: &Language) -> String {
    lang.word("not-reported")
}

/// A month as a chart's axis labels it: "Sep 26", "Sep 26" in German too,
/// "Mär 26" (the language's `chart-month-short-<n>` and two digits of the
/// year).
pub fn short_month(lang: &Language, d: NaiveDate) -> String {
    format!(
        "{} {:02}",
        lang.word(&format!("chart-month-short-{}", d.month())),
        d.year().rem_euclid(100)
    )
}

/// A message argument: words, or a count plural forms choose by.
pub(crate) enum Word {
    Text(String),
    Count(u64),
}

impl From<String> for Word {
    fn from(s: String) -> Word {
        Word::Text(s)
    }
}

impl From<&str> for Word {
    fn from(s: &str) -> Word {
        Word::Text(s.to_string())
    }
}

impl From<&String> for Word {
    fn from(s: &String) -> Word {
        Word::Text(s.clone())
    }
}

impl From<usize> for Word {
    fn from(n: usize) -> Word {
        Word::Count(n as u64)
    }
}

/// The chart message `id` with `args`, in `lang`.
pub(crate) fn say<const N: usize>(lang: &Language, id: &str, args: [(&str, Word); N]) -> String {
    lang.say(
        id,
        &args.map(|(name, word)| (name, FluentValue::from(word))),
    )
}

impl From<Word> for FluentValue<'static> {
    fn from(word: Word) -> Self {
        match word {
            Word::Text(s) => FluentValue::from(s),
            Word::Count(n) => FluentValue::from(n),
        }
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

/// Label text for use inside a sentence: lower case, except words written
/// in capitals ("KPI"), in a language that writes nouns in lower case
/// (`chart-sentence-case = lower`); German keeps its capitals.
pub(crate) fn lower(lang: &Language, text: &str) -> String {
    if lang.word("chart-sentence-case") != "lower" {
        return svg::clean(text);
    }
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
