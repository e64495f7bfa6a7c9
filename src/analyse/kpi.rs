//! KPIs and SLAs: the status of each KPI per month, its 12-month series,
//! latest value, attainment, breaches and trend, and the performance score
//! with the provider's and the client's sub-scores.

use chrono::NaiveDate;
use serde::Serialize;

use std::cmp::Ordering;

use super::exact::{Num, share};
use super::rag::{self, Rag, RagRange};
use super::stats::{mean, slope, weighted_mean};
use super::terms::{self, Terms, baselining, terms_at};
use super::window::{MonthWindow, SERIES_MONTHS, chart_months, periods_before};
use super::words::{Parties, last_months_text, num_arg, possessive, value_arg};
use crate::model::{
    Counts, Direction, Engagement, Excused, Kpi, KpiValue, Measure, Month, Period, Side,
};
use crate::text::{Arg, Text};

/// Months of the trend.
pub const TREND_MONTHS: u32 = 6;
/// Months of the performance score.
pub const SCORE_MONTHS: u32 = 3;

/// How a month of a KPI is judged (docs/metrics.md, "Judged months"):
/// only a `Judged` month counts in attainment, breaches, defaults, scores
/// and health; the others are shown, marked so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Judgement {
    /// Judged by the terms in force: its status.
    Judged(Rag),
    /// No value (null, missing, not finite, or counts with `total` 0 or null).
    NotReported,
    /// Before the KPI's `in_force_from`.
    Baselining,
    /// A counted month whose `total` is below `min_volume`.
    LowVolume,
    /// Relief agreed by both sides, with its reason.
    Excused { reason: String },
}

impl Judgement {
    /// The colour the month shows: its status when judged, else grey.
    pub fn status(&self) -> Rag {
        match self {
            Judgement::Judged(rag) => *rag,
            _ => Rag::Grey,
        }
    }

    /// Judged or not reported: what `status` alone says, so the data files
    /// leave it out.
    pub fn is_plain(&self) -> bool {
        matches!(self, Judgement::Judged(_) | Judgement::NotReported)
    }
}

/// One month of a KPI's chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiPoint {
    pub month: Month,
    pub value: Option<f64>,
    /// The judged status; grey when the month is not judged.
    pub status: Rag,
    /// The month of `as_of`: shown, counted in no figure.
    pub in_progress: bool,
    #[serde(skip_serializing_if = "Judgement::is_plain")]
    pub judgement: Judgement,
    /// A counted KPI's counts, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
    /// The terms in force this month.
    #[serde(skip)]
    pub terms: Terms,
    /// The minimum service level in force was missed (an SLA KPI's judged month).
    #[serde(skip)]
    pub default: bool,
}

impl KpiPoint {
    /// A judged month of an SLA KPI that missed its target.
    pub fn is_breach(&self) -> bool {
        self.terms.sla && self.status.is_miss()
    }
}

/// A month's reading: its value and, for counts, the counts behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// Counts with `total` > 0.
    pub counts: Option<(i64, i64)>,
}

impl Reading {
    /// The reading's order against a threshold, exactly: a value compared
    /// in decimal, counts as good × 100 against threshold × total.
    fn order(&self, threshold: Num) -> Option<Ordering> {
        match self.counts {
            Some((good, total)) => Num::int(good)
                .times(Num::int(100))
                .order(threshold.times(Num::int(total))),
            None => Num::of(self.value).order(threshold),
        }
    }

    /// The value as an exact number (counts: 100 × good / total).
    fn num(&self) -> Num {
        match self.counts {
            Some((good, total)) => Num::int(good).times(Num::int(100)).over(Num::int(total)),
            None => Num::of(self.value),
        }
    }
}

/// A reported value with its month and status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthValue {
    pub month: Month,
    pub value: f64,
    pub status: Rag,
}

/// Months meeting the target out of months reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attainment {
    pub met: usize,
    pub reported: usize,
    /// met / reported, 0..=1.
    pub ratio: f64,
}

impl Attainment {
    /// `None` when nothing was reported.
    pub fn of(met: usize, reported: usize) -> Option<Attainment> {
        (reported > 0).then(|| Attainment {
            met,
            reported,
            ratio: met as f64 / reported as f64,
        })
    }

    fn from_statuses(statuses: impl IntoIterator<Item = Rag>) -> Option<Attainment> {
        let (met, reported) = statuses
            .into_iter()
            .filter(|s| *s != Rag::Grey)
            .fold((0, 0), |(m, r), s| {
                (m + usize::from(s == Rag::Green), r + 1)
            });
        Attainment::of(met, reported)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TrendDirection {
    Improving,
    Flat,
    Declining,
}

impl TrendDirection {
    pub fn label(self) -> &'static str {
        match self {
            TrendDirection::Improving => "improving",
            TrendDirection::Flat => "flat",
            TrendDirection::Declining => "declining",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// Least-squares slope in the KPI's unit per month (sign as measured).
    pub slope: f64,
    pub direction: TrendDirection,
    /// Reported months the slope was fitted on.
    pub points: usize,
}

/// Everything the scorecard shows for one KPI.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiAnalysis {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub owner: Side,
    /// An SLA in the last complete month or in any month of the last 12.
    pub sla: bool,
    /// The weight in force in the last month of the score's window.
    pub weight: f64,
    /// The target in force in the last complete month.
    pub target: f64,
    /// The amber edge in force then: `warn`, or 10% past the target.
    pub warn: f64,
    /// The last 12 months, oldest first, then the month in progress.
    pub series: Vec<KpiPoint>,
    /// The latest reported value before the month of `as_of`, at any age.
    pub latest: Option<MonthValue>,
    /// Target attainment over the last 12 months (the SLA attainment of an SLA KPI).
    pub attainment: Option<Attainment>,
    /// Judged months of the last 12 in which the KPI was an SLA and missed
    /// the target in force.
    pub breaches: Vec<MonthValue>,
    /// Judged months of the last 12 in which the KPI was an SLA and missed
    /// the minimum in force (a default).
    pub defaults: Vec<MonthValue>,
    /// The minimum service level in force in the last complete month.
    pub minimum: f64,
    pub measure: Measure,
    /// A counted KPI's counts pooled over the last 12 months.
    pub pooled: Option<Pooled>,
    pub trend: Option<Trend>,
    /// Mean status points over the last 3 months; `None` if nothing reported.
    pub score: Option<f64>,
}

/// The performance component: every KPI, the two-way score and pooled SLA attainment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Performance {
    pub kpis: Vec<KpiAnalysis>,
    pub score: Option<f64>,
    pub provider_score: Option<f64>,
    pub client_score: Option<f64>,
    /// Met / reported over all SLA KPIs together, last 12 months.
    pub sla_attainment: Option<Attainment>,
    /// The window of the score (the last 3 months).
    pub score_window: MonthWindow,
}

/// The amber edge of the KPI's own fields: `warn` if given, else 10% of
/// |target| past it in the bad direction.
pub fn effective_warn(kpi: &Kpi) -> f64 {
    terms::own(kpi).effective_warn(kpi.direction)
}

/// The status of one value against the KPI's own fields: green meets the
/// target, amber reaches `warn` (inclusive), red otherwise; grey when not
/// reported or not a number.
pub fn status(kpi: &Kpi, value: Option<f64>) -> Rag {
    match value.filter(|v| v.is_finite()) {
        Some(value) => judge_reading(
            &terms::own(kpi),
            kpi.direction,
            &Reading {
                value,
                counts: None,
            },
        ),
        None => Rag::Grey,
    }
}

/// Whether `reading` meets `threshold` in the KPI's good direction
/// (inclusive), exactly.
fn meets(direction: Direction, reading: &Reading, threshold: Num) -> bool {
    match (direction, reading.order(threshold)) {
        (_, Some(Ordering::Equal)) => true,
        (Direction::Higher, Some(o)) => o == Ordering::Greater,
        (Direction::Lower, Some(o)) => o == Ordering::Less,
        (_, None) => false,
    }
}

/// The status of a reading against `terms`, compared exactly.
pub fn judge_reading(terms: &Terms, direction: Direction, reading: &Reading) -> Rag {
    if meets(direction, reading, Num::of(terms.target)) {
        Rag::Green
    } else if meets(direction, reading, terms.warn_num(direction)) {
        Rag::Amber
    } else {
        Rag::Red
    }
}

/// The reading of `kpi` in `month`; `None` when not reported.
pub fn reading(e: &Engagement, kpi: &str, month: Month) -> Option<Reading> {
    period_reading(e.period(month)?, kpi)
}

fn period_reading(p: &Period, kpi: &str) -> Option<Reading> {
    match p.kpis.get(kpi)? {
        KpiValue::NotReported => None,
        KpiValue::Number(v) => v.is_finite().then_some(Reading {
            value: *v,
            counts: None,
        }),
        KpiValue::Counts(Counts { good, total }) => {
            let total = total.filter(|t| *t > 0)?;
            Some(Reading {
                value: 100.0 * *good as f64 / total as f64,
                counts: Some((*good, total)),
            })
        }
    }
}

/// The reported value of `kpi` in `month`; `None` for null, missing or not finite.
pub fn value(e: &Engagement, kpi: &str, month: Month) -> Option<f64> {
    reading(e, kpi, month).map(|r| r.value)
}

/// The agreed excuse of `kpi` in `month`, if any.
fn agreed_excuse<'a>(p: Option<&'a Period>, kpi: &str) -> Option<&'a Excused> {
    p?.excused.iter().find(|x| x.agreed && x.kpi == kpi)
}

/// One month of `kpi` judged by its own terms (docs/metrics.md, "Judged
/// months").
pub fn point(e: &Engagement, kpi: &Kpi, month: Month, in_progress: bool) -> KpiPoint {
    let period = e.period(month);
    let reading = period.and_then(|p| period_reading(p, &kpi.id));
    let counts = period
        .and_then(|p| p.kpis.get(&kpi.id))
        .and_then(KpiValue::counts);
    let terms = terms_at(kpi, month);
    let excuse = agreed_excuse(period, &kpi.id);
    let judgement = match (&reading, excuse) {
        (None, Some(x)) => Judgement::Excused {
            reason: x.reason.clone(),
        },
        (None, None) => Judgement::NotReported,
        (Some(_), _) if baselining(kpi, month) => Judgement::Baselining,
        (Some(_), Some(x)) => Judgement::Excused {
            reason: x.reason.clone(),
        },
        (Some(r), None)
            if r.counts
                .zip(kpi.min_volume)
                .is_some_and(|((_, total), min)| (total as u64) < min) =>
        {
            Judgement::LowVolume
        }
        (Some(r), None) => Judgement::Judged(judge_reading(&terms, kpi.direction, r)),
    };
    let default = match (&judgement, &reading) {
        (Judgement::Judged(_), Some(r)) if terms.sla => {
            !meets(kpi.direction, r, Num::of(terms.effective_minimum()))
        }
        _ => false,
    };
    KpiPoint {
        month,
        value: reading.map(|r| r.value),
        status: judgement.status(),
        in_progress,
        judgement,
        counts,
        terms,
        default,
    }
}

/// The status of `kpi` in `month`, judged by the terms in force then.
pub fn status_in(e: &Engagement, kpi: &Kpi, month: Month) -> Rag {
    point(e, kpi, month, false).status
}

/// Mean status points of `kpi` over `window`; `None` if nothing judged.
pub fn window_score(e: &Engagement, kpi: &Kpi, window: MonthWindow) -> Option<f64> {
    mean(
        window
            .months()
            .filter_map(|m| status_in(e, kpi, m).points()),
    )
}

/// Counts pooled over a window: Σ good / Σ total.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pooled {
    pub good: i64,
    pub total: i64,
    /// 100 × good / total.
    pub value: f64,
}

/// The pooled value of a counted KPI over `window` (docs/metrics.md,
/// "Counted KPIs"): Σ good / Σ total over the reported months that are not
/// excused (agreed) and not baselining; low-volume months go in. `None`
/// when no month has counts.
pub fn pooled(e: &Engagement, kpi: &Kpi, window: MonthWindow) -> Option<Pooled> {
    let (good, total) = window
        .months()
        .filter(|m| !baselining(kpi, *m))
        .filter_map(|m| {
            let p = e.period(m)?;
            if agreed_excuse(Some(p), &kpi.id).is_some() {
                return None;
            }
            period_reading(p, &kpi.id)?.counts
        })
        .fold((0i64, 0i64), |(g, t), (good, total)| {
            (g.saturating_add(good), t.saturating_add(total))
        });
    (total > 0).then(|| Pooled {
        good,
        total,
        value: 100.0 * good as f64 / total as f64,
    })
}

pub fn analyse_kpi(e: &Engagement, kpi: &Kpi, as_of: NaiveDate) -> KpiAnalysis {
    let series: Vec<KpiPoint> = chart_months(as_of, SERIES_MONTHS)
        .map(|(month, in_progress)| point(e, kpi, month, in_progress))
        .collect();
    let year = || series.iter().filter(|p| !p.in_progress);
    let attainment = Attainment::from_statuses(year().map(|p| p.status));
    let breaches = year()
        .filter(|p| p.is_breach())
        .filter_map(reported)
        .collect();
    let defaults = year().filter(|p| p.default).filter_map(reported).collect();
    let latest = periods_before(&e.periods, as_of).find_map(|p| {
        let value = period_reading(p, &kpi.id)?.value;
        Some(MonthValue {
            month: p.period,
            value,
            status: point(e, kpi, p.period, false).status,
        })
    });
    let score_window = MonthWindow::last_months(as_of, SCORE_MONTHS);
    // The terms of the last complete month: its weight counts in the
    // performance score, its target and warn are the ones shown.
    let now = terms_at(kpi, score_window.last);
    let score = mean(
        year()
            .filter(|p| score_window.contains(p.month))
            .filter_map(|p| p.status.points()),
    );
    KpiAnalysis {
        id: kpi.id.clone(),
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        direction: kpi.direction,
        owner: kpi.owner,
        sla: now.sla || year().any(|p| p.terms.sla),
        weight: now.weight,
        target: now.target,
        warn: now.effective_warn(kpi.direction),
        minimum: now.effective_minimum(),
        measure: kpi.measure,
        pooled: pooled(e, kpi, MonthWindow::last_months(as_of, SERIES_MONTHS)),
        trend: trend(e, kpi, as_of),
        series,
        latest,
        attainment,
        breaches,
        defaults,
        score,
    }
}

fn reported(p: &KpiPoint) -> Option<MonthValue> {
    Some(MonthValue {
        month: p.month,
        value: p.value?,
        status: p.status,
    })
}

/// Least-squares slope over the last 6 months' reported values (judged or
/// not), x in months. Flat, improving or declining is decided exactly:
/// with n points, `n·Sxy = nΣxy − ΣxΣy` and `n·Sxx = nΣx² − (Σx)²`, the
/// trend is flat when `n·Sxy` is 0 or `|n·Sxy| < 0.01 × |target| × n·Sxx`,
/// the target being the one in force in the window's last month.
fn trend(e: &Engagement, kpi: &Kpi, as_of: NaiveDate) -> Option<Trend> {
    let window = MonthWindow::last_months(as_of, TREND_MONTHS);
    let readings: Vec<(i32, Reading)> = window
        .months()
        .filter_map(|m| Some((window.first.months_until(m), reading(e, &kpi.id, m)?)))
        .collect();
    let points: Vec<(f64, f64)> = readings
        .iter()
        .map(|(x, r)| (f64::from(*x), r.value))
        .collect();
    let slope = slope(&points)?;
    let zero = Num::int(0);
    let (mut sx, mut sy, mut sxy, mut sxx) = (zero, zero, zero, zero);
    for (x, r) in &readings {
        let (x, y) = (Num::int(i64::from(*x)), r.num());
        sx = sx.plus(x);
        sy = sy.plus(y);
        sxy = sxy.plus(x.times(y));
        sxx = sxx.plus(x.times(x));
    }
    let n = Num::int(readings.len() as i64);
    let n_sxy = n.times(sxy).minus(sx.times(sy));
    let n_sxx = n.times(sxx).minus(sx.times(sx));
    let target = Num::of(terms_at(kpi, window.last).target);
    let band = share(target.abs(), 1, 2).times(n_sxx);
    let good = match kpi.direction {
        Direction::Higher => n_sxy.signum() == Some(Ordering::Greater),
        Direction::Lower => n_sxy.signum() == Some(Ordering::Less),
    };
    // A slope of exactly 0 is flat even against a target of 0.
    let direction = if n_sxy.is_zero() || n_sxy.abs().lt(band) {
        TrendDirection::Flat
    } else if good {
        TrendDirection::Improving
    } else {
        TrendDirection::Declining
    };
    Some(Trend {
        slope,
        direction,
        points: points.len(),
    })
}

/// Weighted mean of the KPI scores of `kpis` (those without a score left out).
fn weighted_score<'a>(kpis: impl Iterator<Item = &'a KpiAnalysis>) -> Option<f64> {
    weighted_mean(kpis.filter_map(|k| Some((k.score?, k.weight))))
}

pub fn analyse_performance(e: &Engagement, as_of: NaiveDate) -> Performance {
    let kpis: Vec<KpiAnalysis> = e
        .record
        .kpis
        .iter()
        .map(|k| analyse_kpi(e, k, as_of))
        .collect();
    let by_owner = |side: Side| weighted_score(kpis.iter().filter(|k| k.owner == side));
    // Each judged month of a KPI that is an SLA in that month.
    let (met, reported) = kpis
        .iter()
        .flat_map(|k| &k.series)
        .filter(|p| !p.in_progress && p.terms.sla && p.status != Rag::Grey)
        .fold((0, 0), |(m, r), p| {
            (m + usize::from(p.status == Rag::Green), r + 1)
        });
    Performance {
        score: weighted_score(kpis.iter()),
        provider_score: by_owner(Side::Provider),
        client_score: by_owner(Side::Client),
        sla_attainment: Attainment::of(met, reported),
        score_window: MonthWindow::last_months(as_of, SCORE_MONTHS),
        kpis,
    }
}

impl KpiAnalysis {
    /// The values that earn each status, for a chart's background.
    pub fn status_ranges(&self) -> Vec<RagRange> {
        rag::ranges(self.direction == Direction::Higher, self.target, self.warn)
    }

    /// The same under the terms in force at the point `p`.
    pub fn status_ranges_at(&self, p: &KpiPoint) -> Vec<RagRange> {
        rag::ranges(
            self.direction == Direction::Higher,
            p.terms.target,
            p.terms.effective_warn(self.direction),
        )
    }

    /// A breach in `month` (a judged SLA month that missed its target).
    pub fn breach_in(&self, month: Month) -> bool {
        self.series
            .iter()
            .any(|p| p.month == month && !p.in_progress && p.is_breach())
    }

    /// The status in `month` from the series (grey outside it).
    pub fn status_in(&self, month: Month) -> Rag {
        self.series
            .iter()
            .find(|p| p.month == month && !p.in_progress)
            .map_or(Rag::Grey, |p| p.status)
    }
}

impl Performance {
    /// Why the score is what it is, in sentences.
    pub fn reasons(&self, parties: &Parties) -> Vec<Text> {
        let window = self.score_window;
        if self.kpis.is_empty() {
            return vec![Text::new("flag-kpi-none-defined")];
        }
        let months = last_months_text(window);
        if self.score.is_none() {
            return vec![Text::new("flag-kpi-none-reported").with("months", months)];
        }
        let statuses: Vec<Rag> = self
            .kpis
            .iter()
            .flat_map(|k| window.months().map(|m| k.status_in(m)))
            .filter(|s| *s != Rag::Grey)
            .collect();
        let n = |rag: Rag| statuses.iter().filter(|s| **s == rag).count();
        let all = statuses.len();
        let mut reasons = vec![match (n(Rag::Green), n(Rag::Amber), n(Rag::Red)) {
            (g, _, _) if g == all => Text::new("flag-kpi-all-met")
                .with("months", months)
                .with("met", g)
                .with("count", all),
            (_, _, r) if r == all => Text::new("flag-kpi-all-missed")
                .with("months", months)
                .with("missed", r)
                .with("count", all),
            (g, a, r) => {
                let mut parts: Vec<Arg> = Vec::new();
                if g > 0 {
                    parts.push(Text::new("flag-kpi-met").with("count", g).into());
                }
                if a > 0 {
                    parts.push(Text::new("flag-kpi-missed-within").with("count", a).into());
                }
                if r > 0 {
                    parts.push(Text::new("flag-kpi-missed").with("count", r).into());
                }
                Text::new("flag-kpi-results")
                    .with("count", all)
                    .with("months", months)
                    .with("parts", Arg::List(parts))
            }
        }];
        if let (Some(p), Some(c)) = (self.provider_score, self.client_score) {
            reasons.push(
                Text::new("flag-kpi-two-way")
                    .with("provider", &parties.provider)
                    .with("provider_possessive", possessive(&parties.provider))
                    .with("provider_score", num_arg(p.round()))
                    .with("client", &parties.client)
                    .with("client_possessive", possessive(&parties.client))
                    .with("client_score", num_arg(c.round())),
            );
        }
        reasons.extend(self.sla_reason(window.last));
        reasons
    }

    /// The SLA KPIs judged in `month`, and each one that missed its target
    /// there (amber or red: a breach either way) with its value.
    fn sla_reason(&self, month: Month) -> Option<Text> {
        let judged: Vec<(&KpiAnalysis, &KpiPoint)> = self
            .kpis
            .iter()
            .filter_map(|k| {
                let p = k
                    .series
                    .iter()
                    .find(|p| p.month == month && !p.in_progress && p.terms.sla)?;
                (p.status != Rag::Grey).then_some((k, p))
            })
            .collect();
        if judged.is_empty() {
            return None;
        }
        let missed: Vec<Arg> = judged
            .iter()
            .filter(|(_, p)| p.status.is_miss())
            .filter_map(|(k, p)| {
                Some(
                    Text::new("flag-kpi-missed-value")
                        .with("kpi", &k.name)
                        .with("value", value_arg(p.value?, &k.unit))
                        .with("target", value_arg(p.terms.target, &k.unit))
                        .into(),
                )
            })
            .collect();
        let total = judged.len();
        let id = match missed.len() {
            0 if total == 1 => "flag-sla-one-met",
            0 if total == 2 => "flag-sla-both-met",
            0 => "flag-sla-all-met",
            1 if total == 1 => "flag-sla-one-missed",
            2 if total == 2 => "flag-sla-both-missed",
            m if m == total => "flag-sla-all-missed",
            _ => "flag-sla-some-missed",
        };
        Some(
            Text::new(id)
                .with("month", month)
                .with("count", total)
                .with("missed", missed.len())
                .with("kpis", Arg::List(missed)),
        )
    }
}

#[cfg(test)]
mod tests;
