//! A sentence the analysis decided, before it is worded: a message id of the
//! theme's language files and its arguments (docs/languages.md). The
//! analysis says *what* to tell the reader; `render::language::Language`
//! words it in the build's language. Exports, which are the same in every
//! language, write the English wording.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::Month;

/// A message of the theme's language files with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Text`]: what it is, so each language writes it its way.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Words from the content (a name, a title): never translated.
    Plain(String),
    /// A whole count: plural forms choose by it.
    Count(i64),
    /// A number with at most this many decimals.
    Number(f64, usize),
    /// A measured value with its unit, as `format::value` writes it: `99.6%`, `312 s`.
    Value(f64, String),
    /// A share 0..1 as a whole percentage.
    Percent(f64),
    /// A whole amount and its currency: `12,400 USD`.
    Money(f64, String),
    /// A date in the language's short pattern.
    Date(NaiveDate),
    /// A date as a sentence writes it: `4 March 2027`.
    LongDate(NaiveDate),
    Month(Month),
    /// `August to October 2026`.
    MonthSpan(Month, Month),
    /// Months oldest first, each with an optional text: `64.7% in August
    /// and 61.3% in September 2026`.
    Months(Vec<(Month, Option<Arg>)>),
    /// Another message, worded in place.
    Text(Box<Text>),
    /// Another message as a sentence: a capital first letter and a full
    /// stop, whatever its wording gives.
    Sentence(Box<Text>),
    /// `a, b and c`.
    List(Vec<Arg>),
}

impl Text {
    pub fn new(id: &'static str) -> Text {
        Text {
            id,
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, arg: impl Into<Arg>) -> Text {
        self.args.push((name, arg.into()));
        self
    }

    /// The English wording, as exports and tests read it.
    pub fn english(&self) -> String {
        crate::render::language::english().text(self)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// Exports carry the English wording: they are the same in every language.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Plain(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Plain(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Plain(s.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n as i64)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Count(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Count(i64::from(n))
    }
}

impl From<Month> for Arg {
    fn from(m: Month) -> Arg {
        Arg::Month(m)
    }
}

impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Arg {
        Arg::Date(d)
    }
}
