use super::*;
use crate::analyse::testkit::{d, engagement, kpi, m, set_kpi};

fn lower(id: &str, target: f64) -> Kpi {
    Kpi {
        direction: Direction::Lower,
        ..kpi(id, target)
    }
}

#[test]
fn status_higher_with_default_warn() {
    let k = kpi("acc", 100.0); // warn 90
    assert_eq!(status(&k, Some(100.0)), Rag::Green);
    assert_eq!(status(&k, Some(99.9)), Rag::Amber);
    assert_eq!(status(&k, Some(90.0)), Rag::Amber, "warn is inclusive");
    assert_eq!(status(&k, Some(89.9)), Rag::Red);
    assert_eq!(status(&k, None), Rag::Grey);
    assert_eq!(status(&k, Some(f64::NAN)), Rag::Grey);
}

#[test]
fn status_lower_with_default_and_explicit_warn() {
    let k = lower("days", 2.0); // warn 2.2
    assert_eq!(status(&k, Some(2.0)), Rag::Green);
    assert_eq!(status(&k, Some(2.2)), Rag::Amber);
    assert_eq!(status(&k, Some(2.3)), Rag::Red);
    let k = Kpi {
        warn: Some(3.0),
        ..lower("days", 2.0)
    };
    assert_eq!(status(&k, Some(3.0)), Rag::Amber);
    assert_eq!(status(&k, Some(3.01)), Rag::Red);
    assert_eq!(status(&k, Some(1.0)), Rag::Green);
}

#[test]
fn default_warn_of_a_negative_target_lies_in_the_bad_direction() {
    assert_eq!(effective_warn(&kpi("margin", -10.0)), -11.0);
    assert_eq!(effective_warn(&lower("loss", -10.0)), -9.0);
}

#[test]
fn an_engagement_without_periods_has_grey_series_and_no_figures() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("acc", 99.0)
    });
    let p = analyse_performance(&e, d("2026-11-15"));
    let a = &p.kpis[0];
    assert_eq!(a.series.len(), 13);
    assert!(a.series.iter().all(|p| p.status == Rag::Grey));
    assert!(a.series[12].in_progress && a.series[12].month == m("2026-11"));
    assert_eq!(a.series[0].month, m("2025-11"));
    assert_eq!((a.latest.clone(), a.attainment.clone()), (None, None));
    assert!(a.breaches.is_empty());
    assert_eq!((a.trend.clone(), a.score), (None, None));
    assert_eq!((p.score, &p.sla_attainment), (None, &None));
    assert_eq!(p.reasons(), vec!["no KPI reported in 2026-08..2026-10"]);
}

#[test]
fn no_kpis_at_all() {
    let p = analyse_performance(&engagement(), d("2026-11-15"));
    assert_eq!(p.score, None);
    assert_eq!(p.reasons(), vec!["no KPIs defined"]);
}

#[test]
fn the_month_in_progress_is_shown_but_not_counted_and_later_months_ignored() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("acc", 99.0)
    });
    set_kpi(&mut e, "2026-10", "acc", Some(99.5)); // green, counted
    set_kpi(&mut e, "2026-11", "acc", Some(50.0)); // in progress: shown only
    set_kpi(&mut e, "2026-12", "acc", Some(10.0)); // after as_of: ignored
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-15"));
    let last = a.series.last().unwrap();
    assert_eq!(
        (last.value, last.status, last.in_progress),
        (Some(50.0), Rag::Red, true)
    );
    assert!(a.series.iter().all(|p| p.month <= m("2026-11")));
    assert_eq!(a.latest.as_ref().unwrap().month, m("2026-10"));
    assert_eq!(a.attainment, Attainment::of(1, 1));
    assert!(a.breaches.is_empty());
    assert_eq!(a.score, Some(100.0));
}

#[test]
fn attainment_breaches_and_null_values() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("acc", 100.0)
    });
    set_kpi(&mut e, "2025-10", "acc", Some(0.0)); // before the 12 months
    set_kpi(&mut e, "2026-01", "acc", Some(100.0)); // green
    set_kpi(&mut e, "2026-02", "acc", Some(95.0)); // amber
    set_kpi(&mut e, "2026-03", "acc", None); // null: not reported
    set_kpi(&mut e, "2026-09", "acc", Some(80.0)); // red
    set_kpi(&mut e, "2026-10", "acc", Some(101.0)); // green
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    assert_eq!(a.attainment, Attainment::of(2, 4)); // 2 green of 4 reported
    assert_eq!(a.attainment.as_ref().unwrap().ratio, 0.5);
    let breaches: Vec<_> = a
        .breaches
        .iter()
        .map(|b| (b.month, b.value, b.status))
        .collect();
    assert_eq!(
        breaches,
        vec![
            (m("2026-02"), 95.0, Rag::Amber),
            (m("2026-09"), 80.0, Rag::Red)
        ]
    );
    // last 3 months 2026-08..10: red 0, green 100 → 50
    assert_eq!(a.score, Some(50.0));
    assert_eq!(a.latest.unwrap().value, 101.0);
}

#[test]
fn a_kpi_that_is_not_an_sla_has_attainment_but_no_breaches() {
    let mut e = engagement();
    e.record.kpis.push(kpi("csat", 4.0));
    set_kpi(&mut e, "2026-10", "csat", Some(3.0));
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    assert_eq!(a.attainment, Attainment::of(0, 1));
    assert!(a.breaches.is_empty());
    let p = analyse_performance(&e, d("2026-11-01"));
    assert_eq!(p.sla_attainment, None);
}

#[test]
fn latest_reported_value_may_be_old() {
    let mut e = engagement();
    e.record.kpis.push(kpi("acc", 99.0));
    set_kpi(&mut e, "2024-03", "acc", Some(98.0));
    set_kpi(&mut e, "2026-10", "acc", None);
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    let latest = a.latest.unwrap();
    assert_eq!(
        (latest.month, latest.value, latest.status),
        (m("2024-03"), 98.0, Rag::Amber)
    );
}

#[test]
fn trend_needs_two_points_and_respects_direction() {
    let mut e = engagement();
    e.record.kpis.push(kpi("up", 100.0));
    e.record.kpis.push(lower("down", 10.0));
    e.record.kpis.push(kpi("flat", 100.0));
    e.record.kpis.push(kpi("one", 100.0));
    // as_of 2026-11: trend months 2026-05..2026-10, x = 0..5
    set_kpi(&mut e, "2026-05", "up", Some(90.0)); // x 0
    set_kpi(&mut e, "2026-07", "up", Some(94.0)); // x 2 → slope 2/month
    set_kpi(&mut e, "2026-04", "down", Some(0.0)); // outside the 6 months
    set_kpi(&mut e, "2026-09", "down", Some(8.0)); // x 4
    set_kpi(&mut e, "2026-10", "down", Some(9.0)); // x 5 → +1/month, worse for `lower`
    set_kpi(&mut e, "2026-09", "flat", Some(100.0));
    set_kpi(&mut e, "2026-10", "flat", Some(100.9)); // 0.9 < 1% of 100
    set_kpi(&mut e, "2026-10", "one", Some(100.0));
    let p = analyse_performance(&e, d("2026-11-20"));
    let t = |i: usize| p.kpis[i].trend.clone();
    let up = t(0).unwrap();
    assert_eq!(
        (up.slope, up.direction, up.points),
        (2.0, TrendDirection::Improving, 2)
    );
    let down = t(1).unwrap();
    assert_eq!(
        (down.direction, down.points),
        (TrendDirection::Declining, 2)
    );
    assert!((down.slope - 1.0).abs() < 1e-9);
    assert_eq!(t(2).unwrap().direction, TrendDirection::Flat);
    assert_eq!(t(3), None);
}

#[test]
fn falling_lower_is_better_kpi_improves() {
    let mut e = engagement();
    e.record.kpis.push(lower("days", 2.0));
    set_kpi(&mut e, "2026-09", "days", Some(3.0));
    set_kpi(&mut e, "2026-10", "days", Some(2.0));
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    let trend = a.trend.unwrap();
    assert_eq!(
        (trend.slope, trend.direction),
        (-1.0, TrendDirection::Improving)
    );
}

#[test]
fn performance_score_is_weighted_and_two_way() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        weight: 3.0,
        sla: true,
        ..kpi("acc", 100.0)
    });
    e.record.kpis.push(Kpi {
        owner: Side::Client,
        ..kpi("approvals", 95.0)
    });
    e.record.kpis.push(kpi("silent", 1.0)); // nothing reported: left out
    // acc: green, amber, (null) → 75
    set_kpi(&mut e, "2026-08", "acc", Some(100.0));
    set_kpi(&mut e, "2026-09", "acc", Some(95.0));
    set_kpi(&mut e, "2026-10", "acc", None);
    // approvals: red → 0
    set_kpi(&mut e, "2026-10", "approvals", Some(50.0));
    let p = analyse_performance(&e, d("2026-11-30"));
    // (75×3 + 0×1) / 4 = 56.25
    assert_eq!(p.score, Some(56.25));
    assert_eq!(p.provider_score, Some(75.0));
    assert_eq!(p.client_score, Some(0.0));
    assert_eq!(p.sla_attainment, Attainment::of(1, 2));
    assert_eq!(
        p.reasons(),
        vec![
            "1 green, 1 amber, 1 red of 3 monthly KPI results in 2026-08..2026-10",
            "provider KPIs score 75, client KPIs 0",
        ]
    );
}

#[test]
fn reasons_name_the_red_sla_kpis_of_the_latest_month() {
    let mut e = engagement();
    for (id, v) in [("a", 50.0), ("b", 50.0), ("c", 100.0)] {
        e.record.kpis.push(Kpi {
            sla: true,
            unit: "%".to_string(),
            ..kpi(id, 100.0)
        });
        set_kpi(&mut e, "2026-10", id, Some(v));
    }
    let reasons = analyse_performance(&e, d("2026-11-02")).reasons();
    assert!(
        reasons.contains(&"2 of 3 SLA KPIs red in 2026-10".to_string()),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"a: 50% against a target of 100%".to_string()));
}

#[test]
fn pooled_sla_attainment_sums_months() {
    let mut e = engagement();
    for id in ["a", "b"] {
        e.record.kpis.push(Kpi {
            sla: true,
            ..kpi(id, 10.0)
        });
    }
    set_kpi(&mut e, "2026-09", "a", Some(10.0));
    set_kpi(&mut e, "2026-10", "a", Some(10.0));
    set_kpi(&mut e, "2026-10", "b", Some(1.0));
    let p = analyse_performance(&e, d("2026-11-02"));
    assert_eq!(p.sla_attainment, Attainment::of(2, 3));
}
