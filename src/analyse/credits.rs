//! Service credits: what SLA breaches cost the provider each month, from the
//! contract's `service_credits` terms and `monthly_fee`.

use chrono::NaiveDate;
use serde::Serialize;

use super::kpi::Performance;
use super::window::{MonthWindow, SERIES_MONTHS};
use crate::model::{Engagement, Month};

/// One month of credits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditMonth {
    pub month: Month,
    /// SLA KPIs that missed their target this month.
    pub breaches: usize,
    /// breaches × per_breach_pct, capped at cap_pct.
    pub pct: f64,
    /// pct × monthly_fee / 100; `None` without a fee.
    pub amount: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Credits {
    pub per_breach_pct: f64,
    pub cap_pct: f64,
    pub monthly_fee: Option<f64>,
    pub currency: Option<String>,
    /// Every month of the last 12, oldest first, zero where nothing was breached.
    pub months: Vec<CreditMonth>,
    /// Σ pct over the months, in percent of one monthly fee.
    pub total_pct: f64,
    pub total_amount: Option<f64>,
}

/// `None` when the contract has no `service_credits`; without `monthly_fee`
/// the percentages are still given and the amounts are `None`.
pub fn analyse_credits(
    e: &Engagement,
    performance: &Performance,
    as_of: NaiveDate,
) -> Option<Credits> {
    let contract = e.record.contract.as_ref()?;
    let terms = contract.service_credits.as_ref()?;
    let fee = contract.monthly_fee.filter(|f| f.is_finite());
    let months: Vec<CreditMonth> = MonthWindow::last_months(as_of, SERIES_MONTHS)
        .months()
        .map(|month| {
            let breaches = performance
                .kpis
                .iter()
                .filter(|k| k.breach_in(month))
                .count();
            let pct = (breaches as f64 * terms.per_breach_pct).min(terms.cap_pct);
            CreditMonth {
                month,
                breaches,
                pct,
                amount: fee.map(|f| pct * f / 100.0),
            }
        })
        .collect();
    let total_pct = months.iter().map(|m| m.pct).sum();
    Some(Credits {
        per_breach_pct: terms.per_breach_pct,
        cap_pct: terms.cap_pct,
        monthly_fee: fee,
        currency: contract.currency.clone(),
        total_amount: fee.map(|f| total_pct * f / 100.0),
        total_pct,
        months,
    })
}

impl Credits {
    pub fn months_with_credits(&self) -> impl Iterator<Item = &CreditMonth> {
        self.months.iter().filter(|m| m.pct > 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::kpi::analyse_performance;
    use crate::analyse::testkit::{d, engagement, kpi, m, set_kpi};
    use crate::model::{Contract, Kpi, ServiceCredits};

    fn contract(fee: Option<f64>, credits: bool) -> Contract {
        Contract {
            end: None,
            renewal_notice_days: None,
            monthly_fee: fee,
            currency: Some("USD".to_string()),
            service_credits: credits.then_some(ServiceCredits {
                per_breach_pct: 5.0,
                cap_pct: 12.0,
            }),
            ..Contract::default()
        }
    }

    /// Three SLA KPIs and one plain KPI: 2026-09 has three breaches, 2026-10 one.
    fn breached() -> Engagement {
        let mut e = engagement();
        for id in ["a", "b", "c"] {
            e.record.kpis.push(Kpi {
                sla: true,
                ..kpi(id, 100.0)
            });
            set_kpi(&mut e, "2026-09", id, Some(95.0)); // amber: a breach too
        }
        e.record.kpis.push(kpi("plain", 100.0));
        set_kpi(&mut e, "2026-10", "a", Some(10.0));
        set_kpi(&mut e, "2026-10", "b", Some(100.0));
        set_kpi(&mut e, "2026-10", "plain", Some(0.0)); // not an SLA: no credit
        set_kpi(&mut e, "2026-11", "c", Some(0.0)); // in progress: no credit
        e
    }

    fn credits(e: &Engagement) -> Option<Credits> {
        let as_of = d("2026-11-10");
        analyse_credits(e, &analyse_performance(e, as_of), as_of)
    }

    #[test]
    fn breaches_times_rate_capped_of_the_fee() {
        let mut e = breached();
        e.record.contract = Some(contract(Some(48000.0), true));
        let c = credits(&e).unwrap();
        assert_eq!(c.months.len(), 12);
        let by_month = |month: &str| c.months.iter().find(|x| x.month == m(month)).unwrap();
        let sep = by_month("2026-09");
        // 3 × 5% = 15%, capped at 12% → 5760
        assert_eq!((sep.breaches, sep.pct, sep.amount), (3, 12.0, Some(5760.0)));
        let oct = by_month("2026-10");
        assert_eq!((oct.breaches, oct.pct, oct.amount), (1, 5.0, Some(2400.0)));
        assert_eq!(by_month("2026-08").pct, 0.0);
        assert_eq!(c.total_pct, 17.0);
        assert_eq!(c.total_amount, Some(8160.0));
        assert_eq!(c.months_with_credits().count(), 2);
    }

    #[test]
    fn without_a_fee_only_percentages() {
        let mut e = breached();
        e.record.contract = Some(contract(None, true));
        let c = credits(&e).unwrap();
        assert_eq!(c.total_pct, 17.0);
        assert_eq!(c.total_amount, None);
        assert!(c.months.iter().all(|m| m.amount.is_none()));
    }

    #[test]
    fn none_without_terms_or_contract() {
        let mut e = breached();
        assert_eq!(credits(&e), None);
        e.record.contract = Some(contract(Some(1000.0), false));
        assert_eq!(credits(&e), None);
    }

    #[test]
    fn no_breach_no_credit() {
        let mut e = engagement();
        e.record.contract = Some(contract(Some(1000.0), true));
        let c = credits(&e).unwrap();
        assert_eq!((c.total_pct, c.total_amount), (0.0, Some(0.0)));
    }
}
