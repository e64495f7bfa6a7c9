//! Hand-computed credits of the at-risk regime: docs/metrics.md's worked
//! example, the cap with three KPIs, earn-back at the edges of `as_of`,
//! chronic failure and its warning.

use super::*;
use crate::analyse::testkit::{d, engagement, excuse, kpi, m, set_kpi};
use crate::model::{Chronic, Contract, Kpi};

/// An SLA KPI, higher is better: target 80, minimum 75, `pct` of the
/// amount at risk.
fn sla(id: &str, pct: f64) -> Kpi {
    Kpi {
        sla: true,
        minimum: Some(75.0),
        credit_allocation_pct: Some(pct),
        ..kpi(id, 80.0)
    }
}

/// Fee 1,000,000 with 12% at risk: 120,000 a month.
fn contract(earn_back_months: Option<u32>) -> Contract {
    Contract {
        monthly_fee: Some(1_000_000.0),
        currency: Some("GBP".into()),
        at_risk_pct: Some(12.0),
        earn_back_months,
        ..Contract::default()
    }
}

fn month<'a>(c: &'a AtRiskCredits, month: &str) -> &'a CreditMonth {
    c.months.iter().find(|x| x.month == m(month)).unwrap()
}

#[test]
fn one_default_at_40_percent_costs_48000() {
    let mut e = engagement();
    e.record.contract = Some(contract(None));
    e.record.kpis = vec![sla("sl", 40.0), sla("ab", 80.0)];
    set_kpi(&mut e, "2026-03", "sl", Some(70.0)); // below the minimum: a default
    set_kpi(&mut e, "2026-03", "ab", Some(77.0)); // a breach (below 80), no default
    let c = analyse(&e, d("2026-11-15")).unwrap();
    assert_eq!(c.at_risk_amount, 120_000.0);
    let march = month(&c, "2026-03");
    assert_eq!(march.accrued, 48_000.0);
    assert!(!march.capped);
    assert_eq!(march.shares.len(), 1);
    assert_eq!(march.payable, 48_000.0, "no earn-back: payable at once");
    assert_eq!(c.accrued, 48_000.0);
}

#[test]
fn the_cap_scales_each_share_by_its_allocation() {
    // 40% + 80% of 120,000 = 144,000, capped to 120,000 = 40,000 + 80,000.
    let mut e = engagement();
    e.record.contract = Some(contract(None));
    e.record.kpis = vec![sla("sl", 40.0), sla("ab", 80.0)];
    set_kpi(&mut e, "2026-03", "sl", Some(70.0));
    set_kpi(&mut e, "2026-03", "ab", Some(60.0));
    let c = analyse(&e, d("2026-11-15")).unwrap();
    let march = month(&c, "2026-03");
    assert!(march.capped);
    assert_eq!(march.accrued, 120_000.0);
    let amounts: Vec<f64> = march.shares.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [40_000.0, 80_000.0]);
}

#[test]
fn the_cap_with_three_kpis() {
    // 50 + 50 + 100 = 200% of 120,000 = 240,000, capped to 120,000:
    // 30,000 + 30,000 + 60,000.
    let mut e = engagement();
    e.record.contract = Some(contract(None));
    e.record.kpis = vec![sla("a", 50.0), sla("b", 50.0), sla("c", 100.0)];
    for k in ["a", "b", "c"] {
        set_kpi(&mut e, "2026-05", k, Some(10.0));
    }
    let c = analyse(&e, d("2026-11-15")).unwrap();
    let may = month(&c, "2026-05");
    let amounts: Vec<f64> = may.shares.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [30_000.0, 30_000.0, 60_000.0]);
    assert_eq!(may.accrued, 120_000.0);
}

#[test]
fn excused_low_volume_and_unallocated_defaults_cost_nothing() {
    let mut e = engagement();
    e.record.contract = Some(contract(None));
    let mut free = sla("free", 40.0);
    free.credit_allocation_pct = None;
    e.record.kpis = vec![sla("sl", 40.0), free];
    set_kpi(&mut e, "2026-03", "sl", Some(70.0));
    excuse(&mut e, "2026-03", "sl", "Carrier outage", true);
    set_kpi(&mut e, "2026-03", "free", Some(10.0));
    let c = analyse(&e, d("2026-11-15")).unwrap();
    assert_eq!(month(&c, "2026-03").accrued, 0.0);
    // Relief only claimed changes nothing.
    let mut claimed = engagement();
    claimed.record.contract = Some(contract(None));
    claimed.record.kpis = vec![sla("sl", 40.0)];
    set_kpi(&mut claimed, "2026-03", "sl", Some(70.0));
    excuse(&mut claimed, "2026-03", "sl", "Carrier outage", false);
    let c = analyse(&claimed, d("2026-11-15")).unwrap();
    assert_eq!(month(&c, "2026-03").accrued, 48_000.0);
}

#[test]
fn earn_back_needs_green_in_each_of_the_next_months() {
    // Earn-back over 3 months, as of 2026-11-15 (November in progress).
    let base = || {
        let mut e = engagement();
        e.record.contract = Some(contract(Some(3)));
        e.record.kpis = vec![sla("sl", 40.0)];
        e
    };
    // Earned back: default in May, green June, July, August.
    let mut earned = base();
    set_kpi(&mut earned, "2026-05", "sl", Some(70.0));
    for mo in ["2026-06", "2026-07", "2026-08"] {
        set_kpi(&mut earned, mo, "sl", Some(85.0));
    }
    let c = analyse(&earned, d("2026-11-15")).unwrap();
    let may = month(&c, "2026-05");
    assert_eq!(may.shares[0].earn_back, EarnBack::EarnedBack);
    assert_eq!(
        (may.earned_back, may.payable, may.pending),
        (48_000.0, 0.0, 0.0)
    );

    // Payable: green June, amber July (79: below the target, above the
    // minimum) — payable in July already, whatever August does.
    let mut missed = base();
    set_kpi(&mut missed, "2026-05", "sl", Some(70.0));
    set_kpi(&mut missed, "2026-06", "sl", Some(85.0));
    set_kpi(&mut missed, "2026-07", "sl", Some(79.0));
    let c = analyse(&missed, d("2026-11-15")).unwrap();
    assert_eq!(month(&c, "2026-05").shares[0].earn_back, EarnBack::Payable);

    // A month not reported is not green either.
    let mut gap = base();
    set_kpi(&mut gap, "2026-05", "sl", Some(70.0));
    set_kpi(&mut gap, "2026-06", "sl", Some(85.0));
    set_kpi(&mut gap, "2026-08", "sl", Some(85.0));
    let c = analyse(&gap, d("2026-11-15")).unwrap();
    assert_eq!(month(&c, "2026-05").shares[0].earn_back, EarnBack::Payable);

    // Pending: default in September, green October; November (the month
    // of as_of) is not over, so it can neither earn back nor make payable.
    let mut late = base();
    set_kpi(&mut late, "2026-09", "sl", Some(70.0));
    set_kpi(&mut late, "2026-10", "sl", Some(85.0));
    set_kpi(&mut late, "2026-11", "sl", Some(10.0));
    let c = analyse(&late, d("2026-11-15")).unwrap();
    let sep = month(&c, "2026-09");
    assert_eq!(sep.shares[0].earn_back, EarnBack::Pending);
    assert_eq!(sep.pending, 48_000.0);
    assert_eq!(c.pending, 48_000.0);
    // A default in October: its first month to look at is November: pending.
    set_kpi(&mut late, "2026-10", "sl", Some(70.0));
    let c = analyse(&late, d("2026-11-15")).unwrap();
    assert_eq!(month(&c, "2026-10").shares[0].earn_back, EarnBack::Pending);
    // September is now payable: October, over, missed.
    assert_eq!(month(&c, "2026-09").shares[0].earn_back, EarnBack::Payable);
}

#[test]
fn no_contract_fee_or_at_risk_pct_means_no_regime() {
    let mut e = engagement();
    assert!(analyse(&e, d("2026-11-15")).is_none());
    e.record.contract = Some(Contract {
        at_risk_pct: Some(12.0),
        ..Contract::default()
    });
    assert!(analyse(&e, d("2026-11-15")).is_none(), "no fee");
}

#[test]
fn chronic_failure_and_one_more_default_before() {
    // months: 6, as_of in 2026-11: the window is 2026-05..2026-10.
    let base = |defaults: u32| {
        let mut e = engagement();
        e.record.contract = Some(Contract {
            chronic: Some(Chronic {
                defaults,
                months: 6,
            }),
            ..contract(None)
        });
        e.record.kpis = vec![sla("sl", 40.0)];
        e
    };
    // Defaults in 2026-07 and 2026-09 with `defaults: 3`: one more before
    // 2027-01 (2026-07 to 2026-12 is the 6-month stretch).
    let mut e = base(3);
    set_kpi(&mut e, "2026-07", "sl", Some(70.0));
    set_kpi(&mut e, "2026-09", "sl", Some(70.0));
    set_kpi(&mut e, "2026-04", "sl", Some(70.0)); // outside the window
    let states = chronic(&e, d("2026-11-15"));
    assert_eq!(states.len(), 1);
    assert!(!states[0].failed);
    assert_eq!(states[0].defaults, [m("2026-07"), m("2026-09")]);
    assert_eq!(states[0].one_more_before, Some(m("2027-01")));
    // A third default in the window: chronic failure.
    set_kpi(&mut e, "2026-10", "sl", Some(70.0));
    let states = chronic(&e, d("2026-11-15"));
    assert!(states[0].failed);
    assert_eq!(states[0].one_more_before, None);
    // One default with `defaults: 3`: two short, nothing said.
    let mut quiet = base(3);
    set_kpi(&mut quiet, "2026-07", "sl", Some(70.0));
    assert!(chronic(&quiet, d("2026-11-15")).is_empty());
    // The month of as_of counts in no window.
    let mut now = base(1);
    set_kpi(&mut now, "2026-11", "sl", Some(70.0));
    assert!(chronic(&now, d("2026-11-15")).is_empty());
}
