//! The at-risk regime of a contract (docs/metrics.md, "At-risk credits"):
//! what each month's defaults cost, capped at the amount at risk, each
//! KPI's share earned back, pending or payable, and the chronic failure
//! of an SLA KPI that defaults too often.

use chrono::NaiveDate;
use serde::Serialize;

use super::exact::Num;
use super::kpi;
use super::rag::Rag;
use super::window::{MonthWindow, SERIES_MONTHS};
use crate::model::{Contract, Engagement, Kpi, Month};

/// What becomes of one KPI's share of a month's credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EarnBack {
    /// Green in each of the next `earn_back_months` months: not owed.
    EarnedBack,
    /// Those months are not all over yet, and none missed so far.
    Pending,
    /// Owed: one of those months was not green, or the contract has no
    /// earn-back.
    Payable,
}

/// One KPI in default in one month, and its share of the month's credit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub kpi: String,
    pub name: String,
    /// `credit_allocation_pct` in force that month.
    pub allocation_pct: f64,
    /// Its share of the month's credit, after the cap.
    pub amount: f64,
    pub earn_back: EarnBack,
}

/// One month of the at-risk regime.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditMonth {
    pub month: Month,
    /// The KPIs in default with an allocation in force.
    pub shares: Vec<Share>,
    /// Σ shares: min(at-risk amount, Σ allocation × at-risk amount).
    pub accrued: f64,
    /// Whether the cap cut the month's credit.
    pub capped: bool,
    pub earned_back: f64,
    pub pending: f64,
    pub payable: f64,
}

/// The credits of the last 12 months under the at-risk regime.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AtRiskCredits {
    pub monthly_fee: f64,
    pub currency: Option<String>,
    pub at_risk_pct: f64,
    /// at_risk_pct / 100 × monthly_fee.
    pub at_risk_amount: f64,
    pub earn_back_months: Option<u32>,
    /// Every month of the last 12, oldest first.
    pub months: Vec<CreditMonth>,
    pub accrued: f64,
    pub earned_back: f64,
    pub pending: f64,
    pub payable: f64,
}

/// `None` unless the contract has `at_risk_pct` and `monthly_fee`.
pub fn analyse(e: &Engagement, as_of: NaiveDate) -> Option<AtRiskCredits> {
    let contract = e.record.contract.as_ref()?;
    let at_risk_pct = contract.at_risk_pct.filter(|p| p.is_finite())?;
    let fee = contract.monthly_fee.filter(|f| f.is_finite())?;
    let at_risk = Num::of(at_risk_pct).times(Num::of(fee)).over(Num::int(100));
    let at_risk_amount = at_risk.cents();
    let current = Month::of(as_of);
    let months: Vec<CreditMonth> = MonthWindow::last_months(as_of, SERIES_MONTHS)
        .months()
        .map(|month| credit_month(e, contract, month, current, at_risk))
        .collect();
    let sum = |f: fn(&CreditMonth) -> f64| {
        months
            .iter()
            .fold(Num::int(0), |acc, m| acc.plus(Num::of(f(m))))
            .cents()
    };
    Some(AtRiskCredits {
        monthly_fee: fee,
        currency: contract.currency.clone(),
        at_risk_pct,
        at_risk_amount,
        earn_back_months: contract.earn_back_months,
        accrued: sum(|m| m.accrued),
        earned_back: sum(|m| m.earned_back),
        pending: sum(|m| m.pending),
        payable: sum(|m| m.payable),
        months,
    })
}

/// Money is computed in decimals and each amount rounded to the cent
/// (docs/metrics.md, "At-risk credits"): a capped month's shares add up to
/// the amount at risk within a cent.
fn credit_month(
    e: &Engagement,
    contract: &Contract,
    month: Month,
    current: Month,
    at_risk: Num,
) -> CreditMonth {
    let defaults: Vec<(&Kpi, f64)> = e
        .record
        .kpis
        .iter()
        .filter_map(|k| {
            let p = kpi::point(e, k, month, false);
            let pct = p.terms.credit_allocation_pct.filter(|p| *p > 0.0)?;
            p.default.then_some((k, pct))
        })
        .collect();
    let hundred = Num::int(100);
    let uncapped = defaults.iter().fold(Num::int(0), |acc, (_, pct)| {
        acc.plus(Num::of(*pct).times(at_risk).over(hundred))
    });
    let capped = at_risk.lt(uncapped);
    let shares: Vec<Share> = defaults
        .iter()
        .map(|(k, pct)| {
            let full = Num::of(*pct).times(at_risk).over(hundred);
            // When the cap binds, each share shrinks in proportion to its
            // allocation.
            let amount = if capped {
                full.times(at_risk).over(uncapped)
            } else {
                full
            };
            Share {
                kpi: k.id.clone(),
                name: k.name.clone(),
                allocation_pct: *pct,
                amount: amount.cents(),
                earn_back: earn_back(e, k, month, current, contract.earn_back_months),
            }
        })
        .collect();
    let of = |state: Option<EarnBack>| {
        shares
            .iter()
            .filter(|s| state.is_none_or(|st| s.earn_back == st))
            .fold(Num::int(0), |acc, s| acc.plus(Num::of(s.amount)))
            .cents()
    };
    CreditMonth {
        month,
        accrued: if capped { at_risk.cents() } else { of(None) },
        capped,
        earned_back: of(Some(EarnBack::EarnedBack)),
        pending: of(Some(EarnBack::Pending)),
        payable: of(Some(EarnBack::Payable)),
        shares,
    }
}

/// The fate of `k`'s share of `month`'s credit: the next `months` months
/// are looked at in order; the first that is over and not green makes it
/// payable; all over and green earns it back; the month of `as_of`
/// (`current`) is not over, so it leaves the share pending.
fn earn_back(
    e: &Engagement,
    k: &Kpi,
    month: Month,
    current: Month,
    months: Option<u32>,
) -> EarnBack {
    let Some(n) = months.filter(|n| *n > 0) else {
        return EarnBack::Payable;
    };
    for next in (1..=n as i32).map(|i| month.plus(i)) {
        if next >= current {
            return EarnBack::Pending;
        }
        if kpi::point(e, k, next, false).status != Rag::Green {
            return EarnBack::Payable;
        }
    }
    EarnBack::EarnedBack
}

/// How close an SLA KPI is to a chronic failure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChronicState {
    pub kpi: String,
    pub name: String,
    /// The months in default within the last `chronic.months` months.
    pub defaults: Vec<Month>,
    /// At `chronic.defaults` or more: the termination right applies.
    pub failed: bool,
    /// One default short: the first month that no longer fits in one
    /// window with the oldest default counted.
    pub one_more_before: Option<Month>,
}

/// Each SLA KPI with a default in the contract's chronic-failure window
/// (the last `months` months before the month of `as_of`).
pub fn chronic(e: &Engagement, as_of: NaiveDate) -> Vec<ChronicState> {
    let Some(rule) = e.record.contract.as_ref().and_then(|c| c.chronic.as_ref()) else {
        return Vec::new();
    };
    if rule.defaults == 0 || rule.months == 0 {
        return Vec::new();
    }
    let window = MonthWindow::last_months(as_of, rule.months);
    e.record
        .kpis
        .iter()
        .filter_map(|k| {
            let defaults: Vec<Month> = window
                .months()
                .filter(|m| kpi::point(e, k, *m, false).default)
                .collect();
            let oldest = *defaults.first()?;
            let count = defaults.len() as u32;
            let failed = count >= rule.defaults;
            let one_more_before =
                (!failed && count + 1 == rule.defaults).then(|| oldest.plus(rule.months as i32));
            (failed || one_more_before.is_some()).then(|| ChronicState {
                kpi: k.id.clone(),
                name: k.name.clone(),
                defaults,
                failed,
                one_more_before,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
