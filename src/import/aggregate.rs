//! Rows to figures, with no I/O: each row goes to its engagement and the
//! month of its date; ratio KPIs become counts `{ good, total }`, other
//! KPIs and hours an aggregate in exact decimals (docs/metrics.md, "Exact
//! decimals"). Every bad cell of the file is collected, none stops the run.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::{Decimal, RoundingStrategy};

use super::mapping::{Aggregate, AggregatePlan, CountPlan, EngagementPlan, KpiPlan, Plan};
use super::table::{Cell, Table};
use crate::analyse::exact::Num;
use crate::model::Month;

/// Decimal places kept of a mean or weighted mean (sums and counts are exact).
pub const MEAN_PLACES: u32 = 4;

/// A month's new value of a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewValue {
    Counts { good: i64, total: i64 },
    Number(Decimal),
}

/// What the rows of one engagement and month give.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub kpis: BTreeMap<String, NewValue>,
    pub worked: Option<Decimal>,
    pub overtime_requested: Option<Decimal>,
}

/// A cell that could not be read as the mapping says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCell {
    /// As a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The header's name of the column.
    pub column: String,
    pub value: String,
    pub expected: String,
}

impl fmt::Display for BadCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            write!(
                f,
                "{}:{}: the cell is empty; expected {}",
                self.row, self.column, self.expected
            )
        } else {
            write!(
                f,
                "{}:{}: `{}` is not {}",
                self.row, self.column, self.value, self.expected
            )
        }
    }
}

/// Bad cells kept with their row, column and value; the rest are counted
/// (`Aggregated::bad_total`), so a file full of them cannot fill memory.
pub const BAD_CELLS_KEPT: usize = 1000;

/// The figures of every (engagement, month) the rows touch, and every bad cell.
#[derive(Debug, Default)]
pub struct Aggregated {
    pub figures: BTreeMap<(String, Month), Figures>,
    /// The first `BAD_CELLS_KEPT` bad cells, in row order.
    pub bad: Vec<BadCell>,
    /// Every bad cell, kept or not.
    pub bad_total: usize,
    /// Rows read (blank rows are skipped and not counted).
    pub rows: usize,
}

#[derive(Debug, Default, Clone)]
struct CountAcc {
    good: i64,
    total: i64,
}

#[derive(Debug, Default, Clone)]
struct AggAcc {
    sum: Decimal,
    n: u64,
    weighted: Decimal,
    weights: Decimal,
    last: Option<(NaiveDateTime, Decimal)>,
}

/// The accumulators of one (engagement, month), by KPI index of the plan.
#[derive(Debug, Default, Clone)]
struct Bucket {
    counts: Vec<CountAcc>,
    aggs: Vec<AggAcc>,
    worked: AggAcc,
    overtime: AggAcc,
}

impl Bucket {
    fn new(kpis: usize) -> Self {
        Bucket {
            counts: vec![CountAcc::default(); kpis],
            aggs: vec![AggAcc::default(); kpis],
            ..Bucket::default()
        }
    }
}

/// Aggregates `table` as `plan` says.
pub fn aggregate(plan: &Plan, table: &Table) -> Aggregated {
    let mut aggregator = Aggregator::new(plan, &table.header);
    for row in &table.rows {
        aggregator.push(row.number, &row.cells);
    }
    aggregator.finish()
}

/// Aggregates rows one at a time, as they are read: it keeps only the
/// accumulators of each (engagement, month) and the first bad cells, so an
/// export of any length takes the memory of its months, not of its rows.
#[derive(Debug)]
pub struct Aggregator<'p> {
    plan: &'p Plan,
    header: Vec<String>,
    buckets: HashMap<String, BTreeMap<Month, Bucket>>,
    /// Where the figures of a row with no engagement or date go (dropped).
    scratch: Bucket,
    out: Aggregated,
}

static EMPTY: Cell = Cell::Empty;

impl<'p> Aggregator<'p> {
    pub fn new(plan: &'p Plan, header: &[String]) -> Self {
        Aggregator {
            plan,
            header: header.to_vec(),
            buckets: HashMap::new(),
            scratch: Bucket::new(plan.kpis.len()),
            out: Aggregated::default(),
        }
    }

    /// Adds the row numbered `number` (as a spreadsheet numbers it).
    pub fn push(&mut self, number: usize, cells: &[Cell]) {
        if cells.iter().all(Cell::is_empty) {
            return;
        }
        let Aggregator {
            plan,
            header,
            buckets,
            scratch,
            out,
        } = self;
        let plan: &Plan = plan;
        out.rows += 1;
        let at = |i: usize| cells.get(i).unwrap_or(&EMPTY);
        let (bad_cells, bad_total) = (&mut out.bad, &mut out.bad_total);
        // A column read by two KPIs (`Offered` as the total of two ratios)
        // reports its bad cell once.
        let mut reported: Vec<usize> = Vec::new();
        let mut bad = |i: usize, expected: String| {
            if reported.contains(&i) {
                return;
            }
            reported.push(i);
            *bad_total += 1;
            if bad_cells.len() < BAD_CELLS_KEPT {
                let expected = match at(i) {
                    Cell::NotUtf8(_) => "UTF-8 text (export the file as CSV UTF-8)".to_string(),
                    _ => expected,
                };
                bad_cells.push(BadCell {
                    row: number,
                    column: header.get(i).cloned().unwrap_or_default(),
                    value: at(i).shown(),
                    expected,
                });
            }
        };
        let date = match date(at(plan.date), plan.date_format.as_deref()) {
            Ok(d) => Some(d),
            Err(expected) => {
                bad(plan.date, expected);
                None
            }
        };
        let engagement: Option<&str> = match &plan.engagement {
            EngagementPlan::Fixed(id) => Some(id),
            EngagementPlan::Column { column, map } => {
                let value = text(at(*column));
                match map.get(value.trim()) {
                    Some(id) => Some(id),
                    None => {
                        let keys: Vec<String> = map.keys().map(|k| format!("`{k}`")).collect();
                        bad(
                            *column,
                            format!("one of the mapping's values: {}", keys.join(", ")),
                        );
                        None
                    }
                }
            }
        };
        let bucket = match (date, engagement) {
            (Some(d), Some(e)) => {
                if !buckets.contains_key(e) {
                    buckets.insert(e.to_string(), BTreeMap::new());
                }
                match buckets.get_mut(e) {
                    Some(months) => months
                        .entry(Month::of(d.date()))
                        .or_insert_with(|| Bucket::new(plan.kpis.len())),
                    None => scratch,
                }
            }
            _ => scratch,
        };
        for (k, (_, kpi)) in plan.kpis.iter().enumerate() {
            match kpi {
                KpiPlan::Ratio { good, total } => {
                    let g = count(good, at, &mut bad);
                    let t = count(total, at, &mut bad);
                    let acc = &mut bucket.counts[k];
                    acc.good = acc.good.saturating_add(g);
                    acc.total = acc.total.saturating_add(t);
                }
                KpiPlan::Aggregate(a) => add(&mut bucket.aggs[k], a, at, date, &mut bad),
            }
        }
        if let Some(a) = &plan.worked {
            add(&mut bucket.worked, a, at, date, &mut bad);
        }
        if let Some(a) = &plan.overtime_requested {
            add(&mut bucket.overtime, a, at, date, &mut bad);
        }
    }

    /// The figures of every (engagement, month), and the bad cells.
    pub fn finish(self) -> Aggregated {
        let plan = self.plan;
        let mut out = self.out;
        for (engagement, months) in self.buckets {
            for (month, b) in months {
                out.figures
                    .insert((engagement.clone(), month), figures(plan, &b));
            }
        }
        out
    }
}

fn figures(plan: &Plan, b: &Bucket) -> Figures {
    let mut f = Figures::default();
    for (k, (id, kpi)) in plan.kpis.iter().enumerate() {
        let value = match kpi {
            KpiPlan::Ratio { .. } => b.counts.get(k).map(|c| NewValue::Counts {
                good: c.good,
                total: c.total,
            }),
            KpiPlan::Aggregate(a) => b
                .aggs
                .get(k)
                .and_then(|acc| result(acc, a.aggregate))
                .map(NewValue::Number),
        };
        if let Some(v) = value {
            f.kpis.insert(id.clone(), v);
        }
    }
    f.worked = plan.worked.and_then(|a| result(&b.worked, a.aggregate));
    f.overtime_requested = plan
        .overtime_requested
        .and_then(|a| result(&b.overtime, a.aggregate));
    f
}

/// A cell's text, borrowed when it is text.
fn text(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(t) => Cow::Borrowed(t),
        c => Cow::Owned(c.shown()),
    }
}

fn count<'a>(
    plan: &CountPlan,
    at: impl Fn(usize) -> &'a Cell,
    bad: &mut impl FnMut(usize, String),
) -> i64 {
    match plan {
        CountPlan::Rows => 1,
        CountPlan::Where { column, equals } => {
            if let Cell::NotUtf8(_) = at(*column) {
                bad(*column, String::new());
                return 0;
            }
            let cell = text(at(*column));
            i64::from(cell.trim().eq_ignore_ascii_case(equals.trim()))
        }
        CountPlan::Sum(column) => match at(*column) {
            Cell::Empty => 0,
            cell => match whole(cell) {
                Some(n) => n,
                None => {
                    bad(*column, "a count (a whole number, 0 or more)".into());
                    0
                }
            },
        },
    }
}

fn add<'a>(
    acc: &mut AggAcc,
    plan: &AggregatePlan,
    at: impl Fn(usize) -> &'a Cell,
    date: Option<NaiveDateTime>,
    bad: &mut impl FnMut(usize, String),
) {
    let cell = at(plan.column);
    if cell.is_empty() {
        return;
    }
    let Some(v) = number(cell) else {
        bad(plan.column, "a number".into());
        return;
    };
    let w = match plan.weight {
        Some(wc) => match at(wc) {
            c if c.is_empty() => Decimal::ZERO,
            c => match number(c) {
                Some(w) if w >= Decimal::ZERO => w,
                _ => {
                    bad(wc, "a weight (a number, 0 or more)".into());
                    return;
                }
            },
        },
        None => Decimal::ONE,
    };
    acc.sum = acc.sum.saturating_add(v);
    acc.n += 1;
    acc.weighted = acc.weighted.saturating_add(v.saturating_mul(w));
    acc.weights = acc.weights.saturating_add(w);
    // The latest date wins; on the same date, the later row.
    if let Some(d) = date
        && acc.last.is_none_or(|(l, _)| d >= l)
    {
        acc.last = Some((d, v));
    }
}

fn result(acc: &AggAcc, aggregate: Aggregate) -> Option<Decimal> {
    if acc.n == 0 {
        return None;
    }
    let round = |d: Decimal| {
        d.round_dp_with_strategy(MEAN_PLACES, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    };
    match aggregate {
        Aggregate::Sum => Some(acc.sum.normalize()),
        Aggregate::Mean => acc.sum.checked_div(Decimal::from(acc.n)).map(round),
        Aggregate::WeightedMean => {
            if acc.weights.is_zero() {
                None
            } else {
                acc.weighted.checked_div(acc.weights).map(round)
            }
        }
        Aggregate::Last => acc.last.map(|(_, v)| v.normalize()),
    }
}

/// A cell as a decimal number: a number cell, or text like `12`, `-3.5`.
fn number(cell: &Cell) -> Option<Decimal> {
    match cell {
        Cell::Number(f) if f.is_finite() => match Num::of(*f) {
            Num::Dec(d) => Some(d),
            Num::Float(_) => None,
        },
        Cell::Text(t) => Decimal::from_str(t.trim()).ok(),
        _ => None,
    }
}

fn whole(cell: &Cell) -> Option<i64> {
    let d = number(cell)?;
    (d.fract().is_zero() && d >= Decimal::ZERO)
        .then(|| i64::try_from(d).ok())
        .flatten()
}

/// The date of a cell: a spreadsheet date as it is, text by `format`
/// (default `%Y-%m-%d`, with or without a time).
fn date(cell: &Cell, format: Option<&str>) -> Result<NaiveDateTime, String> {
    let expected = || match format {
        Some(f) => format!("a date written as `{f}`"),
        None => "a date written as YYYY-MM-DD (set `date.format` for another)".to_string(),
    };
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::Text(t) => {
            let t = t.trim();
            const DEFAULTS: [&str; 4] = [
                "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%d %H:%M",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d",
            ];
            let given: [&str; 1];
            let formats: &[&str] = match format {
                Some(f) => {
                    given = [f];
                    &given
                }
                None => &DEFAULTS,
            };
            for &f in formats {
                if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
                    return Ok(d);
                }
                if let Ok(d) = NaiveDate::parse_from_str(t, f) {
                    return Ok(d.and_hms_opt(0, 0, 0).unwrap_or_default());
                }
            }
            Err(expected())
        }
        _ => Err(expected()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Row;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    number: i + 2,
                    cells: r
                        .iter()
                        .map(|c| {
                            if c.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(c.to_string())
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn plan(kpis: Vec<(&str, KpiPlan)>) -> Plan {
        Plan {
            engagement: EngagementPlan::Fixed("e".into()),
            date: 0,
            date_format: Some("%d/%m/%Y %H:%M".into()),
            kpis: kpis.into_iter().map(|(k, p)| (k.to_string(), p)).collect(),
            worked: None,
            overtime_requested: None,
        }
    }

    fn month(s: &str) -> (String, Month) {
        ("e".into(), s.parse().unwrap())
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn ratio_sums_columns_per_month() {
        let t = table(
            &["When", "Good", "Offered"],
            &[
                &["31/01/2026 23:30", "8", "10"],
                &["01/02/2026 00:00", "5", "9"],
                &["01/02/2026 00:30", "4", "4"],
                &["", "", ""],
            ],
        );
        let p = plan(vec![(
            "sl",
            KpiPlan::Ratio {
                good: CountPlan::Sum(1),
                total: CountPlan::Sum(2),
            },
        )]);
        let a = aggregate(&p, &t);
        assert!(a.bad.is_empty(), "{:?}", a.bad);
        assert_eq!(a.rows, 3);
        assert_eq!(
            a.figures[&month("2026-01")].kpis["sl"],
            NewValue::Counts { good: 8, total: 10 }
        );
        assert_eq!(
            a.figures[&month("2026-02")].kpis["sl"],
            NewValue::Counts { good: 9, total: 13 }
        );
    }

    #[test]
    fn counts_rows_and_rows_where_a_column_equals() {
        let t = table(
            &["When", "Made SLA"],
            &[
                &["01/03/2026 09:00", "TRUE"],
                &["02/03/2026 09:00", "false"],
                &["03/03/2026 09:00", "true"],
            ],
        );
        let p = plan(vec![(
            "res",
            KpiPlan::Ratio {
                good: CountPlan::Where {
                    column: 1,
                    equals: "true".into(),
                },
                total: CountPlan::Rows,
            },
        )]);
        let a = aggregate(&p, &t);
        assert_eq!(
            a.figures[&month("2026-03")].kpis["res"],
            NewValue::Counts { good: 2, total: 3 }
        );
    }

    #[test]
    fn aggregates_are_exact_decimals() {
        let t = table(
            &["When", "AHT", "Handled"],
            &[
                &["01/03/2026 09:00", "0.1", "1"],
                &["01/03/2026 09:30", "0.2", "2"],
                &["01/03/2026 08:00", "0.4", "1"],
            ],
        );
        let agg = |aggregate, weight| {
            let p = plan(vec![(
                "x",
                KpiPlan::Aggregate(AggregatePlan {
                    column: 1,
                    aggregate,
                    weight,
                }),
            )]);
            match aggregate_one(&p, &t) {
                NewValue::Number(d) => d,
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(agg(Aggregate::Sum, None), dec("0.7"));
        assert_eq!(agg(Aggregate::Mean, None), dec("0.2333"));
        // (0.1 + 0.4 + 0.4) / 4
        assert_eq!(agg(Aggregate::WeightedMean, Some(2)), dec("0.225"));
        // The latest date, not the last row.
        assert_eq!(agg(Aggregate::Last, None), dec("0.2"));
    }

    fn aggregate_one(p: &Plan, t: &Table) -> NewValue {
        let a = aggregate(p, t);
        assert!(a.bad.is_empty(), "{:?}", a.bad);
        *a.figures
            .values()
            .next()
            .unwrap()
            .kpis
            .values()
            .next()
            .unwrap()
    }

    #[test]
    fn every_bad_cell_is_collected_with_its_row_and_header_name() {
        let t = table(
            &["When", "Good", "Offered"],
            &[
                &["2026-03-01", "1", "2"],
                &["01/03/2026 10:00", "x", "2"],
                &["01/03/2026 10:30", "1", "-4"],
            ],
        );
        let p = plan(vec![(
            "sl",
            KpiPlan::Ratio {
                good: CountPlan::Sum(1),
                total: CountPlan::Sum(2),
            },
        )]);
        let a = aggregate(&p, &t);
        let shown: Vec<String> = a.bad.iter().map(|b| b.to_string()).collect();
        assert_eq!(
            shown,
            vec![
                "2:When: `2026-03-01` is not a date written as `%d/%m/%Y %H:%M`",
                "3:Good: `x` is not a count (a whole number, 0 or more)",
                "4:Offered: `-4` is not a count (a whole number, 0 or more)",
            ]
        );
    }
}
