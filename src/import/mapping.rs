//! The mapping of an export onto period files (DESIGN-level contract in
//! docs/content.md's terms): which engagement, which date column, and how
//! each KPI and the hours are computed from the columns. Parsed strictly
//! through `crate::yaml`; every name it gives (engagement, KPI, column) is
//! checked against the repository and the file's header, at the mapping's
//! line and column.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::model::{Measure, Portfolio};
use crate::yaml::{self, Spans};

/// A mapping file as written.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// `csv | xlsx | xls | ods`; default: from the file's extension.
    #[serde(default)]
    pub format: Option<Format>,
    /// The worksheet of a spreadsheet; default: the first.
    #[serde(default)]
    pub sheet: Option<String>,
    /// A CSV's delimiter (one character; `\t` for tab); default: sniffed
    /// from the header line among `,`, `;` and tab.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// The engagement id every row belongs to, or `{ column, map }` to take
    /// it from a column's values.
    pub engagement: EngagementSource,
    /// The column whose date puts each row in its month.
    pub date: DateSource,
    /// KPI id (as in engagement.yaml) -> how its month value is computed.
    #[serde(default)]
    pub kpis: BTreeMap<String, KpiSource>,
    /// The period file's `hours`, each from a column.
    #[serde(default)]
    pub hours: Option<HoursSource>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Xlsx,
    Xls,
    Ods,
}

/// One engagement for every row, or one per row from a column's values.
// Deserialize by hand (mapping_de.rs) for messages that say what was expected.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum EngagementSource {
    Fixed(String),
    Column(EngagementColumn),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EngagementColumn {
    /// The header name of the column holding the client or queue code.
    pub column: String,
    /// Cell value -> engagement id.
    pub map: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateSource {
    /// The header name of the date column.
    pub column: String,
    /// chrono's `strftime` format of dates written as text; default
    /// `%Y-%m-%d`, with or without a time.
    #[serde(default)]
    pub format: Option<String>,
}

/// How one KPI's month value is computed.
// Deserialize by hand (mapping_de.rs) for messages that say what was expected.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum KpiSource {
    /// A `measure: ratio` KPI: counts.
    Ratio {
        /// The month's good count: a column summed, or rows counted.
        good: CountSource,
        /// The month's total count: a column summed, or rows counted.
        total: CountSource,
    },
    /// A plain-value KPI: a column aggregated over the month's rows.
    Aggregate(AggregateSource),
}

/// One side of a ratio: a column summed, or rows counted.
// Deserialize by hand (mapping_de.rs) for messages that say what was expected.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum CountSource {
    /// The header name of a column whose values are summed.
    Column(String),
    /// The rows whose cell in `column` equals `equals`.
    Where { count_where: CountWhere },
    /// Every row (`count: rows`).
    Rows { count: Rows },
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountWhere {
    /// The header name of the column compared.
    pub column: String,
    /// The value counted; compared with the trimmed cell text, ignoring case.
    pub equals: Scalar,
}

/// `count: rows`.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Rows {
    Rows,
}

/// A value to compare a cell with, as written (`"true"`, `true`, `1`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    pub fn text(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Text(t) => t.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AggregateSource {
    /// The header name of the column aggregated.
    pub column: String,
    /// How the month's rows are combined; default `sum`.
    #[serde(default)]
    pub aggregate: Aggregate,
    /// The weight column of `weighted_mean`.
    #[serde(default)]
    pub weight: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    /// The sum of the month's values, exact.
    #[default]
    Sum,
    /// Their mean, to 4 decimal places.
    Mean,
    /// Σ(value × weight) / Σweight, to 4 decimal places.
    WeightedMean,
    /// The value of the row with the latest date in the month.
    Last,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursSource {
    /// `hours.worked` of the period file.
    #[serde(default)]
    pub worked: Option<AggregateSource>,
    /// `hours.overtime_requested` of the period file.
    #[serde(default)]
    pub overtime_requested: Option<AggregateSource>,
}

/// A mapping resolved against a file's header: columns by index.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub engagement: EngagementPlan,
    pub date: usize,
    pub date_format: Option<String>,
    /// In the order written in the mapping (KPI ids sorted).
    pub kpis: Vec<(String, KpiPlan)>,
    pub worked: Option<AggregatePlan>,
    pub overtime_requested: Option<AggregatePlan>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EngagementPlan {
    Fixed(String),
    Column {
        column: usize,
        map: BTreeMap<String, String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum KpiPlan {
    Ratio { good: CountPlan, total: CountPlan },
    Aggregate(AggregatePlan),
}

#[derive(Debug, Clone, PartialEq)]
pub enum CountPlan {
    Sum(usize),
    Where { column: usize, equals: String },
    Rows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AggregatePlan {
    pub column: usize,
    pub aggregate: Aggregate,
    pub weight: Option<usize>,
}

/// Parses a mapping's text; problems are diagnostics at its line and column.
pub fn parse(rel: &Path, text: &str) -> Result<Mapping, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::error(
            rel,
            "the mapping is empty: write at least `engagement:`, `date:` and `kpis:` \
             (see docs/import.md)",
        )]);
    }
    yaml::parse::<Mapping>(text)
        .into_result()
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|e| Diagnostic::error(rel, e.message).at(text, e.line, e.column))
                .collect()
        })
}

/// Checks `mapping` against the repository and the file's `header`, and
/// resolves its columns; every problem is a diagnostic at the mapping's
/// line and column.
pub fn resolve(
    rel: &Path,
    text: &str,
    mapping: &Mapping,
    portfolio: &Portfolio,
    header: &[String],
) -> Result<Plan, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let spans = Spans::index(text);
    let problems = std::cell::RefCell::new(Vec::new());
    let mut error = |path: &str, message: String| {
        let (line, column) = spans.value(path).unwrap_or_else(|| spans.nearest(path));
        problems
            .borrow_mut()
            .push(Diagnostic::error(rel, message).at(text, line, column));
    };
    let mut column = |path: &str, name: &str, error: &mut dyn FnMut(&str, String)| {
        let found = header.iter().position(|h| h.trim() == name.trim());
        if found.is_none() {
            let names: Vec<&str> = header.iter().map(String::as_str).collect();
            let hint = yaml::closest(name, &names)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            error(
                path,
                format!(
                    "the file has no column `{name}`{hint}: its header names {}",
                    list(&names)
                ),
            );
        }
        found.unwrap_or(0)
    };
    let known: Vec<&str> = portfolio
        .engagements
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let mut engagement_ids: Vec<(String, String)> = Vec::new();
    let engagement = match &mapping.engagement {
        EngagementSource::Fixed(id) => {
            engagement_ids.push((id.clone(), "engagement".into()));
            EngagementPlan::Fixed(id.clone())
        }
        EngagementSource::Column(c) => {
            for (key, id) in &c.map {
                engagement_ids.push((id.clone(), format!("engagement.map.{key}")));
            }
            EngagementPlan::Column {
                column: column("engagement.column", &c.column, &mut error),
                map: c
                    .map
                    .iter()
                    .map(|(k, v)| (k.trim().to_string(), v.clone()))
                    .collect(),
            }
        }
    };
    let mut engagements = Vec::new();
    for (id, path) in &engagement_ids {
        match portfolio.engagements.iter().find(|e| &e.id == id) {
            Some(e) => engagements.push(e),
            None => {
                let hint = yaml::closest(id, &known)
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                error(
                    path,
                    format!(
                        "there is no engagement `{id}` in content/{hint}: the engagements are {}",
                        list(&known)
                    ),
                );
            }
        }
    }
    let date = column("date.column", &mapping.date.column, &mut error);
    let mut kpis = Vec::new();
    for (id, source) in &mapping.kpis {
        let at = format!("kpis.{id}");
        for e in &engagements {
            let Some(kpi) = e.record.kpis.iter().find(|k| &k.id == id) else {
                let ids: Vec<&str> = e.record.kpis.iter().map(|k| k.id.as_str()).collect();
                let hint = yaml::closest(id, &ids)
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                let (line, col) = spans.key(&at).unwrap_or_else(|| spans.nearest(&at));
                problems.borrow_mut().push(
                    Diagnostic::error(
                        rel,
                        format!(
                            "engagement `{}` has no KPI `{id}`{hint}: its KPIs are {}",
                            e.id,
                            list(&ids)
                        ),
                    )
                    .at(text, line, col),
                );
                continue;
            };
            let ratio = matches!(source, KpiSource::Ratio { .. });
            let counted = kpi.measure == Measure::Ratio;
            if ratio != counted {
                let (line, col) = spans.key(&at).unwrap_or_else(|| spans.nearest(&at));
                let message = if counted {
                    format!(
                        "KPI `{id}` of `{}` is `measure: ratio`: map it as counts, \
                         `{{ good: <column>, total: <column> }}`",
                        e.id
                    )
                } else {
                    format!(
                        "KPI `{id}` of `{}` is a plain value, not `measure: ratio`: map it as \
                         `{{ column: <column>, aggregate: sum | mean | weighted_mean | last }}`",
                        e.id
                    )
                };
                problems
                    .borrow_mut()
                    .push(Diagnostic::error(rel, message).at(text, line, col));
            }
        }
        let plan = match source {
            KpiSource::Ratio { good, total } => KpiPlan::Ratio {
                good: count(&format!("{at}.good"), good, &mut column, &mut error),
                total: count(&format!("{at}.total"), total, &mut column, &mut error),
            },
            KpiSource::Aggregate(a) => {
                KpiPlan::Aggregate(aggregate(&at, a, &mut column, &mut error))
            }
        };
        kpis.push((id.clone(), plan));
    }
    let mut worked = None;
    let mut overtime_requested = None;
    if let Some(hours) = &mapping.hours {
        if let Some(a) = &hours.worked {
            worked = Some(aggregate("hours.worked", a, &mut column, &mut error));
        }
        if let Some(a) = &hours.overtime_requested {
            overtime_requested = Some(aggregate(
                "hours.overtime_requested",
                a,
                &mut column,
                &mut error,
            ));
        }
    }
    if mapping.kpis.is_empty() && worked.is_none() && overtime_requested.is_none() {
        error(
            "",
            "the mapping maps no KPI and no hours: add `kpis:` (or `hours:`) saying which \
             columns give which figure"
                .into(),
        );
    }
    let problems = problems.into_inner();
    if problems.is_empty() {
        Ok(Plan {
            engagement,
            date,
            date_format: mapping.date.format.clone(),
            kpis,
            worked,
            overtime_requested,
        })
    } else {
        Err(problems)
    }
}

type ColumnFn<'a> = dyn FnMut(&str, &str, &mut dyn FnMut(&str, String)) -> usize + 'a;

fn count(
    at: &str,
    source: &CountSource,
    column: &mut ColumnFn<'_>,
    error: &mut dyn FnMut(&str, String),
) -> CountPlan {
    match source {
        CountSource::Column(name) => CountPlan::Sum(column(at, name, error)),
        CountSource::Where { count_where } => CountPlan::Where {
            column: column(
                &format!("{at}.count_where.column"),
                &count_where.column,
                error,
            ),
            equals: count_where.equals.text(),
        },
        CountSource::Rows { .. } => CountPlan::Rows,
    }
}

fn aggregate(
    at: &str,
    source: &AggregateSource,
    column: &mut ColumnFn<'_>,
    error: &mut dyn FnMut(&str, String),
) -> AggregatePlan {
    let col = column(&format!("{at}.column"), &source.column, error);
    let weight = match (&source.weight, source.aggregate) {
        (Some(w), Aggregate::WeightedMean) => Some(column(&format!("{at}.weight"), w, error)),
        (None, Aggregate::WeightedMean) => {
            error(
                &format!("{at}.aggregate"),
                "`weighted_mean` needs `weight: <column>`, the column each row is weighted by \
                 (e.g. handled calls)"
                    .into(),
            );
            None
        }
        (Some(_), _) => {
            error(
                &format!("{at}.weight"),
                "`weight` is only read with `aggregate: weighted_mean`: remove it, or use \
                 weighted_mean"
                    .into(),
            );
            None
        }
        (None, _) => None,
    };
    AggregatePlan {
        column: col,
        aggregate: source.aggregate,
        weight,
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
