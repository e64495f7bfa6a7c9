//! The content model: what users write in `content/`, as plain typed data.
//!
//! Every type here derives `Deserialize` with `deny_unknown_fields`, so a
//! typo in a YAML key is an error rather than a silently ignored field. No I/O
//! happens here; `load` fills these types and everything later reads them.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Free-form data for custom templates (`extra:`), kept independent of the YAML crate.
pub type Extra = BTreeMap<String, serde_json::Value>;

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

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_any(DateVisitor)
}

fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
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

/// Who may read an item: both partners, or only the team that keeps the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    Internal,
    Shared,
}

/// The two sides of an outsourcing relationship.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, Default, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Client,
    #[default]
    Provider,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Prospecting,
    Transition,
    Steady,
    Mature,
    Renewal,
    Exit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

impl Frequency {
    /// The interval in days that DESIGN.md gives each cadence.
    pub fn interval_days(self) -> i64 {
        match self {
            Frequency::Weekly => 7,
            Frequency::Biweekly => 14,
            Frequency::Monthly => 30,
            Frequency::Quarterly => 90,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    OnTrack,
    AtRisk,
    OffTrack,
    Done,
    Dropped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedbackKind {
    Praise,
    Concern,
    Suggestion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RiskOwner {
    Client,
    Provider,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RiskStatus {
    Open,
    Mitigating,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    CheckIn,
    Review,
    Escalation,
    Workshop,
    Celebration,
    #[default]
    Note,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: String,
    #[serde(default)]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceCredits {
    pub per_breach_pct: f64,
    pub cap_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    #[serde(default, deserialize_with = "opt_date")]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub renewal_notice_days: Option<i64>,
    #[serde(default)]
    pub monthly_fee: Option<f64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub service_credits: Option<ServiceCredits>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    #[serde(default)]
    pub check_in: Option<Frequency>,
    #[serde(default)]
    pub review: Option<Frequency>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    pub hours_per_month: f64,
}

/// A key performance indicator with its agreed target.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    pub target: f64,
    #[serde(default)]
    pub warn: Option<f64>,
    #[serde(default)]
    pub sla: bool,
    #[serde(default = "one")]
    pub weight: f64,
    /// Whose obligation the KPI measures; the client's KPIs make the scorecard two-way.
    #[serde(default)]
    pub owner: Side,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub title: String,
    #[serde(default, deserialize_with = "opt_date")]
    pub due: Option<NaiveDate>,
    pub status: GoalStatus,
    #[serde(default)]
    pub mutual: bool,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub text: String,
    pub set_by: Side,
    /// An expectation nobody has agreed to is a realism problem, not a plan.
    #[serde(default = "yes")]
    pub agreed: bool,
    #[serde(default)]
    pub audience: Option<Audience>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    pub title: String,
    #[schemars(range(min = 1, max = 5))]
    pub likelihood: u8,
    #[schemars(range(min = 1, max = 5))]
    pub impact: u8,
    pub owner: RiskOwner,
    pub status: RiskStatus,
    #[serde(default)]
    pub mitigation: Option<String>,
    #[serde(default, deserialize_with = "opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub celebrated: bool,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub from: Side,
    pub kind: FeedbackKind,
    pub text: String,
    #[serde(default)]
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    #[serde(default)]
    pub worked: Option<f64>,
    #[serde(default)]
    pub overtime_requested: Option<f64>,
}

/// One side's relationship pulse, each dimension 1..5 and optional.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyScores {
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub trust: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub communication: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub collaboration: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub respect: Option<u8>,
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub goals: Option<u8>,
}

impl SurveyScores {
    pub const DIMENSIONS: [&'static str; 5] = [
        "trust",
        "communication",
        "collaboration",
        "respect",
        "goals",
    ];

    /// The scores in the order of `DIMENSIONS`.
    pub fn by_dimension(&self) -> [Option<u8>; 5] {
        [
            self.trust,
            self.communication,
            self.collaboration,
            self.respect,
            self.goals,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    #[serde(default)]
    pub client: Option<SurveyScores>,
    #[serde(default)]
    pub provider: Option<SurveyScores>,
}

/// One month of measurements.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub period: Month,
    /// KPI id -> value; `None` is "not reported".
    #[serde(default)]
    pub kpis: BTreeMap<String, Option<f64>>,
    #[serde(default)]
    pub hours: Option<Hours>,
    #[serde(default)]
    pub survey: Option<Survey>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    /// Where the period was written, relative to the root (set by the loader).
    #[serde(skip)]
    pub source: PathBuf,
    /// `periods.N.` for a period written inline in engagement.yaml, else empty:
    /// the YAML path of this period's values within `source`.
    #[serde(skip)]
    pub yaml_prefix: String,
}

/// The engagement record as written in `engagement.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EngagementRecord {
    pub name: String,
    pub client: Party,
    pub provider: Party,
    #[serde(default)]
    pub services: Vec<String>,
    pub phase: Phase,
    #[serde(default, deserialize_with = "opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub contract: Option<Contract>,
    #[serde(default)]
    pub cadence: Option<Cadence>,
    #[serde(default)]
    pub capacity: Option<Capacity>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub expectations: Vec<Expectation>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub periods: Vec<Period>,
    #[serde(default)]
    pub audience: Option<Audience>,
    #[serde(default)]
    pub extra: Extra,
}

/// An action item harvested from a note's task list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The text before the first colon, if any.
    pub owner: Option<String>,
    /// The whole item text as written (without the checkbox).
    pub text: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// Front matter of a note, between the `---` lines.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteMeta {
    pub title: String,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub kind: NoteKind,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub audience: Option<Audience>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
}

/// A meeting note: front matter, Markdown body and the actions found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// The file stem; the note's page is `notes/<slug>.html`.
    pub slug: String,
    pub meta: NoteMeta,
    pub body: String,
    /// The line of the file on which the body starts, for diagnostics.
    pub body_line: usize,
    pub actions: Vec<Action>,
    /// The links of the body, found when the note was read (so that later
    /// stages need not parse the Markdown again to check them).
    pub links: Vec<BodyLink>,
    pub source: PathBuf,
}

/// A link or image in a note's body: its destination as written, and the
/// byte offset in the body where the link starts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyLink {
    pub dest: String,
    pub offset: usize,
    /// An image (`![alt](src)`): the site must hold what it shows.
    pub image: bool,
}

/// An engagement with its periods and notes, as loaded from its folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Engagement {
    /// The folder name.
    pub id: String,
    pub record: EngagementRecord,
    /// Inline and file periods together, sorted by month, each month once.
    pub periods: Vec<Period>,
    /// Sorted by date, then slug.
    pub notes: Vec<Note>,
    pub source: PathBuf,
}

impl Engagement {
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.record.kpis.iter().find(|k| k.id == id)
    }

    pub fn period(&self, month: Month) -> Option<&Period> {
        self.periods.iter().find(|p| p.period == month)
    }
}

/// Everything a build reads: the configuration and all engagements, sorted by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    pub config: crate::config::Config,
    pub engagements: Vec<Engagement>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_arithmetic_crosses_years() {
        let m: Month = "2026-01".parse().unwrap();
        assert_eq!(m.plus(-1).to_string(), "2025-12");
        assert_eq!(m.plus(13).to_string(), "2027-02");
        assert_eq!(m.months_until("2025-11".parse().unwrap()), -2);
        assert_eq!(m.quarter(), 1);
        assert_eq!(m.short_label(), "Jan 26");
    }

    #[test]
    fn dates_are_written_yyyy_mm_dd() {
        assert_eq!(
            parse_date("2026-03-04"),
            NaiveDate::from_ymd_opt(2026, 3, 4).ok_or(String::new())
        );
        for (bad, why) in [
            ("2026-3-4", "write it as YYYY-MM-DD"),
            ("2026/03/04", "write it as YYYY-MM-DD"),
            ("20260304", "write it as YYYY-MM-DD"),
            ("2026-13-01", "there is no month 13"),
            ("2026-02-30", "2026-02 has no day 30"),
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn month_rejects_bad_text() {
        for bad in ["2026-13", "2026-3", "26-03", "2026/03", "march"] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
    }
}
