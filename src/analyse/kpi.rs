//! KPIs and SLAs: the status of each KPI per month, its 12-month series,
//! latest value, attainment, breaches and trend, and the performance score
//! with the provider's and the client's sub-scores.

use chrono::NaiveDate;
use serde::Serialize;

use super::rag::{self, Rag, RagRange};
use super::stats::{mean, slope, weighted_mean};
use super::window::{MonthWindow, SERIES_MONTHS, chart_months, periods_before};
use super::words::{count, num, with_unit};
use crate::model::{Direction, Engagement, Kpi, Month, Period, Side};

/// Months of the trend.
pub const TREND_MONTHS: u32 = 6;
/// Months of the performance score.
pub const SCORE_MONTHS: u32 = 3;
/// A slope smaller than this share of the target per month is flat.
pub const FLAT_SLOPE_SHARE: f64 = 0.01;

/// One month of a KPI's chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiPoint {
    pub month: Month,
    pub value: Option<f64>,
    pub status: Rag,
    /// The month of `as_of`: shown, counted in no figure.
    pub in_progress: bool,
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
    pub sla: bool,
    pub weight: f64,
    pub target: f64,
    /// The amber edge in force: `warn`, or 10% past the target.
    pub warn: f64,
    /// The last 12 months, oldest first, then the month in progress.
    pub series: Vec<KpiPoint>,
    /// The latest reported value before the month of `as_of`, at any age.
    pub latest: Option<MonthValue>,
    /// Target attainment over the last 12 months (the SLA attainment of an SLA KPI).
    pub attainment: Option<Attainment>,
    /// SLA KPIs only: reported months of the last 12 that missed the target.
    pub breaches: Vec<MonthValue>,
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

/// The amber edge: `warn` if given, else 10% of |target| past it in the bad direction.
pub fn effective_warn(kpi: &Kpi) -> f64 {
    kpi.warn.unwrap_or(match kpi.direction {
        Direction::Higher => kpi.target - 0.1 * kpi.target.abs(),
        Direction::Lower => kpi.target + 0.1 * kpi.target.abs(),
    })
}

/// The status of one value: green meets the target, amber reaches `warn`
/// (inclusive), red otherwise; grey when not reported or not a number.
pub fn status(kpi: &Kpi, value: Option<f64>) -> Rag {
    let Some(v) = value.filter(|v| v.is_finite()) else {
        return Rag::Grey;
    };
    let warn = effective_warn(kpi);
    let (meets, within_warn) = match kpi.direction {
        Direction::Higher => (v >= kpi.target, v >= warn),
        Direction::Lower => (v <= kpi.target, v <= warn),
    };
    if meets {
        Rag::Green
    } else if within_warn {
        Rag::Amber
    } else {
        Rag::Red
    }
}

/// The reported value of `kpi` in `month`; `None` for null, missing or not finite.
pub fn value(e: &Engagement, kpi: &str, month: Month) -> Option<f64> {
    period_value(e.period(month)?, kpi)
}

fn period_value(p: &Period, kpi: &str) -> Option<f64> {
    p.kpis.get(kpi).copied().flatten().filter(|v| v.is_finite())
}

/// The status of `kpi` in `month`.
pub fn status_in(e: &Engagement, kpi: &Kpi, month: Month) -> Rag {
    status(kpi, value(e, &kpi.id, month))
}

/// Mean status points of `kpi` over `window`; `None` if nothing reported.
pub fn window_score(e: &Engagement, kpi: &Kpi, window: MonthWindow) -> Option<f64> {
    mean(
        window
            .months()
            .filter_map(|m| status_in(e, kpi, m).points()),
    )
}

pub fn analyse_kpi(e: &Engagement, kpi: &Kpi, as_of: NaiveDate) -> KpiAnalysis {
    let series: Vec<KpiPoint> = chart_months(as_of, SERIES_MONTHS)
        .map(|(month, in_progress)| {
            let value = value(e, &kpi.id, month);
            KpiPoint {
                month,
                value,
                status: status(kpi, value),
                in_progress,
            }
        })
        .collect();
    let year = || series.iter().filter(|p| !p.in_progress);
    let attainment = Attainment::from_statuses(year().map(|p| p.status));
    let breaches = if kpi.sla {
        year()
            .filter_map(reported)
            .filter(|v| v.status.is_miss())
            .collect()
    } else {
        Vec::new()
    };
    let latest = periods_before(&e.periods, as_of).find_map(|p| {
        let value = period_value(p, &kpi.id)?;
        Some(MonthValue {
            month: p.period,
            value,
            status: status(kpi, Some(value)),
        })
    });
    KpiAnalysis {
        id: kpi.id.clone(),
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        direction: kpi.direction,
        owner: kpi.owner,
        sla: kpi.sla,
        weight: kpi.weight,
        target: kpi.target,
        warn: effective_warn(kpi),
        series,
        latest,
        attainment,
        breaches,
        trend: trend(e, kpi, as_of),
        score: window_score(e, kpi, MonthWindow::last_months(as_of, SCORE_MONTHS)),
    }
}

fn reported(p: &KpiPoint) -> Option<MonthValue> {
    Some(MonthValue {
        month: p.month,
        value: p.value?,
        status: p.status,
    })
}

/// Least-squares slope over the last 6 months' reported values, x in months.
fn trend(e: &Engagement, kpi: &Kpi, as_of: NaiveDate) -> Option<Trend> {
    let window = MonthWindow::last_months(as_of, TREND_MONTHS);
    let points: Vec<(f64, f64)> = window
        .months()
        .filter_map(|m| Some((window.first.months_until(m) as f64, value(e, &kpi.id, m)?)))
        .collect();
    let slope = slope(&points)?;
    let good = match kpi.direction {
        Direction::Higher => slope > 0.0,
        Direction::Lower => slope < 0.0,
    };
    // A slope of exactly 0 is flat even against a target of 0.
    let direction = if slope == 0.0 || slope.abs() < FLAT_SLOPE_SHARE * kpi.target.abs() {
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
    let (met, reported) = kpis
        .iter()
        .filter(|k| k.sla)
        .filter_map(|k| k.attainment.as_ref())
        .fold((0, 0), |(m, r), a| (m + a.met, r + a.reported));
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

    /// The status in `month` from the series (grey outside it).
    pub fn status_in(&self, month: Month) -> Rag {
        self.series
            .iter()
            .find(|p| p.month == month && !p.in_progress)
            .map_or(Rag::Grey, |p| p.status)
    }
}

impl Performance {
    /// Why the score is what it is, in words.
    pub fn reasons(&self) -> Vec<String> {
        let window = self.score_window;
        if self.kpis.is_empty() {
            return vec!["no KPIs defined".to_string()];
        }
        if self.score.is_none() {
            return vec![format!("no KPI reported in {}", window.label())];
        }
        let statuses: Vec<Rag> = self
            .kpis
            .iter()
            .flat_map(|k| window.months().map(|m| k.status_in(m)))
            .filter(|s| *s != Rag::Grey)
            .collect();
        let n = |rag: Rag| statuses.iter().filter(|s| **s == rag).count();
        let mut reasons = vec![format!(
            "{} green, {} amber, {} red of {} in {}",
            n(Rag::Green),
            n(Rag::Amber),
            n(Rag::Red),
            count(statuses.len(), "monthly KPI result"),
            window.label()
        )];
        if let (Some(p), Some(c)) = (self.provider_score, self.client_score) {
            reasons.push(format!(
                "provider KPIs score {}, client KPIs {}",
                num(p.round()),
                num(c.round())
            ));
        }
        reasons.extend(self.sla_reasons(window.last));
        reasons
    }

    /// "2 of 3 SLA KPIs red in 2026-10", and each red KPI with its value.
    fn sla_reasons(&self, month: Month) -> Vec<String> {
        let sla: Vec<(&KpiAnalysis, Rag)> = self
            .kpis
            .iter()
            .filter(|k| k.sla)
            .map(|k| (k, k.status_in(month)))
            .filter(|(_, s)| *s != Rag::Grey)
            .collect();
        let mut reasons = Vec::new();
        for rag in [Rag::Red, Rag::Amber] {
            let hits = sla.iter().filter(|(_, s)| *s == rag).count();
            if hits > 0 {
                reasons.push(format!(
                    "{hits} of {} SLA KPIs {} in {month}",
                    sla.len(),
                    rag.as_str()
                ));
            }
        }
        for (k, _) in sla.iter().filter(|(_, s)| *s == Rag::Red) {
            if let Some(v) = k
                .series
                .iter()
                .find(|p| p.month == month)
                .and_then(|p| p.value)
            {
                reasons.push(format!(
                    "{}: {} against a target of {}",
                    k.name,
                    with_unit(v, &k.unit),
                    with_unit(k.target, &k.unit)
                ));
            }
        }
        reasons
    }
}

#[cfg(test)]
mod tests;
