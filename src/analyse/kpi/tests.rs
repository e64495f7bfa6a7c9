use super::*;
use crate::analyse::testkit::{d, engagement, kpi, m, parties, set_kpi};

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
    assert_eq!(
        crate::analyse::testkit::english(&p.reasons(&parties())),
        vec!["No KPI was reported in the last 3 months (August to October 2026)."]
    );
}

#[test]
fn no_kpis_at_all() {
    let p = analyse_performance(&engagement(), d("2026-11-15"));
    assert_eq!(p.score, None);
    assert_eq!(
        crate::analyse::testkit::english(&p.reasons(&parties())),
        vec!["No KPIs are defined."]
    );
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
        crate::analyse::testkit::english(&p.reasons(&parties())),
        vec![
            "Of the 3 monthly KPI results of the last 3 months (August to October 2026), 1 met \
             the target, 1 missed it within the warning margin (half marks) and 1 missed it.",
            "BPSource's KPIs score 75 and Acme Corp's KPIs 0.",
        ]
    );
}

#[test]
fn reasons_name_the_sla_kpis_that_missed_in_the_latest_month() {
    let mut e = engagement();
    for (id, v) in [("a", 50.0), ("b", 50.0), ("c", 100.0)] {
        e.record.kpis.push(Kpi {
            sla: true,
            unit: "%".to_string(),
            ..kpi(id, 100.0)
        });
        set_kpi(&mut e, "2026-10", id, Some(v));
    }
    let reasons = analyse_performance(&e, d("2026-11-02")).reasons(&parties());
    assert_eq!(
        reasons.last().unwrap().english(),
        "2 of 3 SLA KPIs missed their target in October 2026: a 50% (target 100%) and b 50% \
         (target 100%)."
    );
    assert!(
        !reasons
            .iter()
            .any(|r| r.english().contains(" red") || r.english().contains("2026-")),
        "{reasons:?}"
    );
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

// Issue 14: terms over time, counted KPIs, excused months, exact decimals.

use crate::analyse::testkit::{excuse, set_counts};
use crate::model::{KpiTerm, Measure};

fn term(from: &str) -> KpiTerm {
    KpiTerm {
        from: m(from),
        target: None,
        warn: None,
        minimum: None,
        sla: None,
        weight: None,
        credit_allocation_pct: None,
    }
}

fn statuses(a: &KpiAnalysis) -> Vec<(Month, Rag)> {
    a.series
        .iter()
        .filter(|p| p.value.is_some())
        .map(|p| (p.month, p.status))
        .collect()
}

#[test]
fn decimal_boundaries_higher_3_78_against_4_2_is_amber() {
    let k = kpi("csat", 4.2); // default warn 0.9 × 4.2 = 3.78 exactly
    assert_eq!(status(&k, Some(3.78)), Rag::Amber);
    assert_eq!(status(&k, Some(3.7799)), Rag::Red);
    assert_eq!(status(&k, Some(4.2)), Rag::Green);
    assert_eq!(effective_warn(&k), 3.78);
}

#[test]
fn decimal_boundaries_lower_0_77_against_0_7_is_amber() {
    let k = lower("defects", 0.7); // default warn 1.1 × 0.7 = 0.77 exactly
    assert_eq!(status(&k, Some(0.77)), Rag::Amber);
    assert_eq!(status(&k, Some(0.7701)), Rag::Red);
    assert_eq!(status(&k, Some(0.7)), Rag::Green);
}

#[test]
fn negative_targets_warn_and_flat_band_use_the_absolute_target() {
    let k = kpi("margin", -10.0); // warn −11
    assert_eq!(status(&k, Some(-11.0)), Rag::Amber);
    assert_eq!(status(&k, Some(-11.01)), Rag::Red);
    let mut e = engagement();
    e.record.kpis.push(k);
    // Slope exactly 0.1 = 1% of |−10|: not flat.
    set_kpi(&mut e, "2026-09", "margin", Some(-10.2));
    set_kpi(&mut e, "2026-10", "margin", Some(-10.1));
    let t = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"))
        .trend
        .unwrap();
    assert_eq!(t.direction, TrendDirection::Improving);
    set_kpi(&mut e, "2026-10", "margin", Some(-10.11)); // slope 0.09
    let t = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"))
        .trend
        .unwrap();
    assert_eq!(t.direction, TrendDirection::Flat);
}

#[test]
fn a_slope_of_exactly_one_percent_of_the_target_is_not_flat() {
    let mut e = engagement();
    e.record.kpis.push(kpi("csat", 4.2)); // 1% of 4.2 = 0.042 a month
    set_kpi(&mut e, "2026-08", "csat", Some(4.2));
    set_kpi(&mut e, "2026-09", "csat", Some(4.242));
    set_kpi(&mut e, "2026-10", "csat", Some(4.284));
    let t = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"))
        .trend
        .unwrap();
    assert_eq!(t.direction, TrendDirection::Improving);
    // Just under 1%: flat.
    set_kpi(&mut e, "2026-10", "csat", Some(4.2839));
    let t = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"))
        .trend
        .unwrap();
    assert_eq!(t.direction, TrendDirection::Flat);
}

#[test]
fn a_trend_against_a_target_of_zero_is_flat_only_at_slope_zero() {
    let mut e = engagement();
    e.record.kpis.push(lower("incidents", 0.0));
    set_kpi(&mut e, "2026-09", "incidents", Some(2.0));
    set_kpi(&mut e, "2026-10", "incidents", Some(2.0));
    let t = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"))
        .trend
        .unwrap();
    assert_eq!(t.direction, TrendDirection::Flat);
    set_kpi(&mut e, "2026-10", "incidents", Some(2.001));
    let t = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"))
        .trend
        .unwrap();
    assert_eq!(t.direction, TrendDirection::Declining);
}

#[test]
fn ratio_values_are_compared_exactly_as_counts() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        measure: Measure::Ratio,
        ..kpi("sl", 33.34)
    });
    set_counts(&mut e, "2026-09", "sl", 3334, Some(10000)); // 33.34: green
    set_counts(&mut e, "2026-10", "sl", 3333, Some(10000)); // 33.33: amber
    set_counts(&mut e, "2026-08", "sl", 5, Some(0)); // total 0: not reported
    set_counts(&mut e, "2026-07", "sl", 5, None); // null total: not reported
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    assert_eq!(
        statuses(&a),
        vec![(m("2026-09"), Rag::Green), (m("2026-10"), Rag::Amber)]
    );
    assert_eq!(a.series[10].value, Some(33.34));
    // 100 × 1 / 3 is judged as 100 against 33.34 × 3 = 100.02: amber.
    set_counts(&mut e, "2026-10", "sl", 1, Some(3));
    assert_eq!(status_in(&e, &e.record.kpis[0], m("2026-10")), Rag::Amber);
}

#[test]
fn pooled_counts_are_sums_not_means_of_percentages() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        measure: Measure::Ratio,
        min_volume: Some(500),
        in_force_from: Some(m("2026-05")),
        ..kpi("sl", 80.0)
    });
    set_counts(&mut e, "2026-04", "sl", 1, Some(100)); // baselining: out
    set_counts(&mut e, "2026-09", "sl", 900, Some(1000)); // 90%
    set_counts(&mut e, "2026-10", "sl", 5, Some(10)); // 50%, low volume: in
    set_counts(&mut e, "2026-08", "sl", 0, Some(700)); // excused (agreed): out
    excuse(&mut e, "2026-08", "sl", "outage", true);
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    let p = a.pooled.unwrap();
    assert_eq!((p.good, p.total), (905, 1010));
    assert_eq!(format!("{:.1}", p.value), "89.6");
    // Any window, e.g. a quarter for a review pack.
    let q3 = MonthWindow {
        first: m("2026-07"),
        last: m("2026-09"),
    };
    assert_eq!(pooled(&e, &e.record.kpis[0], q3).unwrap().total, 1000);
    let q2 = MonthWindow {
        first: m("2026-04"),
        last: m("2026-06"),
    };
    assert_eq!(pooled(&e, &e.record.kpis[0], q2), None);
}

#[test]
fn low_volume_baselining_and_excused_months_are_shown_and_judged_nowhere() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        measure: Measure::Ratio,
        min_volume: Some(500),
        in_force_from: Some(m("2026-07")),
        ..kpi("sl", 80.0)
    });
    set_counts(&mut e, "2026-06", "sl", 10, Some(1000)); // baselining
    set_counts(&mut e, "2026-08", "sl", 1, Some(10)); // low volume
    set_counts(&mut e, "2026-09", "sl", 100, Some(1000)); // excused, agreed
    excuse(&mut e, "2026-09", "sl", "Carrier outage", true);
    set_counts(&mut e, "2026-10", "sl", 100, Some(1000)); // claimed only: red
    excuse(&mut e, "2026-10", "sl", "Claimed", false);
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    let judged = |month: &str| {
        let p = a.series.iter().find(|p| p.month == m(month)).unwrap();
        (p.value, p.judgement.clone(), p.status)
    };
    assert_eq!(
        judged("2026-06"),
        (Some(1.0), Judgement::Baselining, Rag::Grey)
    );
    assert_eq!(
        judged("2026-08"),
        (Some(10.0), Judgement::LowVolume, Rag::Grey)
    );
    assert_eq!(
        judged("2026-09"),
        (
            Some(10.0),
            Judgement::Excused {
                reason: "Carrier outage".to_string()
            },
            Rag::Grey
        )
    );
    assert_eq!(
        judged("2026-10"),
        (Some(10.0), Judgement::Judged(Rag::Red), Rag::Red)
    );
    assert_eq!(a.attainment, Attainment::of(0, 1));
    let months = |v: &[MonthValue]| v.iter().map(|b| b.month).collect::<Vec<_>>();
    assert_eq!(months(&a.breaches), vec![m("2026-10")]);
    assert_eq!(months(&a.defaults), vec![m("2026-10")]);
    assert_eq!(a.score, Some(0.0)); // only 2026-10 is judged
    assert_eq!(a.series.iter().filter(|p| p.counts.is_some()).count(), 4);
    // The data files say why a month is grey, and nothing for plain months.
    let json = serde_json::to_value(&a.series).unwrap();
    assert_eq!(json[7]["judgement"], "baselining");
    assert_eq!(json[10]["judgement"]["excused"]["reason"], "Carrier outage");
    assert!(json[11].get("judgement").is_none());
    assert_eq!(json[11]["counts"]["good"], 100);
}

#[test]
fn each_month_is_judged_by_the_terms_in_force_then() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        minimum: Some(75.0),
        terms: vec![KpiTerm {
            target: Some(82.0),
            minimum: Some(78.0),
            weight: Some(3.0),
            ..term("2026-10")
        }],
        ..kpi("sl", 80.0)
    });
    set_kpi(&mut e, "2026-09", "sl", Some(80.0)); // target 80: green
    set_kpi(&mut e, "2026-10", "sl", Some(80.0)); // target 82: amber, breach
    set_kpi(&mut e, "2026-08", "sl", Some(76.0)); // breach, not a default (75)
    set_kpi(&mut e, "2026-07", "sl", Some(74.0)); // amber (warn 72), below 75: default
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-01"));
    assert_eq!(
        statuses(&a),
        vec![
            (m("2026-07"), Rag::Amber),
            (m("2026-08"), Rag::Amber),
            (m("2026-09"), Rag::Green),
            (m("2026-10"), Rag::Amber)
        ]
    );
    let months = |v: &[MonthValue]| v.iter().map(|b| b.month).collect::<Vec<_>>();
    assert_eq!(
        months(&a.breaches),
        vec![m("2026-07"), m("2026-08"), m("2026-10")]
    );
    // 2026-10: 80 misses the new minimum 78? No: 80 ≥ 78, no default.
    assert_eq!(months(&a.defaults), vec![m("2026-07")]);
    // The weight, target and minimum of the last month of the score window.
    assert_eq!((a.weight, a.target, a.minimum), (3.0, 82.0, 78.0));
    let earlier = analyse_kpi(&e, &e.record.kpis[0], d("2026-10-15"));
    assert_eq!((earlier.weight, earlier.target), (1.0, 80.0));
}

#[test]
fn a_term_from_a_later_month_changes_no_earlier_figure() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("sl", 80.0)
    });
    for (month, v) in [("2026-05", 70.0), ("2026-08", 79.0), ("2026-10", 81.0)] {
        set_kpi(&mut e, month, "sl", Some(v));
    }
    let as_of = d("2026-11-15");
    let before = analyse_performance(&e, as_of);
    e.record.kpis[0].terms.push(KpiTerm {
        target: Some(99.0),
        weight: Some(9.0),
        sla: Some(false),
        ..term("2026-12")
    });
    assert_eq!(analyse_performance(&e, as_of), before);
    // The flat band takes the target in force in the trend's last month.
    e.record.kpis[0].terms[0].from = m("2026-10");
    let after = analyse_performance(&e, as_of);
    assert_eq!(after.kpis[0].series[..11], before.kpis[0].series[..11]);
    assert_ne!(after.kpis[0].series[11], before.kpis[0].series[11]);
}

/// A term that starts in the month of `as_of` is in force there (the point
/// in progress shows it) and changes no judged month before it.
#[test]
fn a_term_starting_in_the_month_in_progress_changes_no_judged_month() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        ..kpi("sl", 80.0)
    });
    set_kpi(&mut e, "2026-10", "sl", Some(81.0));
    set_kpi(&mut e, "2026-11", "sl", Some(81.0));
    let before = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-15"));
    e.record.kpis[0].terms.push(KpiTerm {
        from: m("2026-11"),
        target: Some(85.0),
        warn: None,
        minimum: None,
        sla: None,
        weight: None,
        credit_allocation_pct: None,
    });
    let after = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-15"));
    let october = |a: &KpiAnalysis| a.series.iter().find(|p| p.month == m("2026-10")).cloned();
    assert_eq!(october(&before), october(&after));
    assert_eq!(before.attainment, after.attainment);
    assert_eq!(before.score, after.score);
    let november = after.series.last().unwrap();
    assert!(november.in_progress);
    assert_eq!(november.terms.target, 85.0);
    assert_eq!(after.target, 80.0, "the target of the last complete month");
}

/// `total: 0` is "not reported", not a division by zero.
#[test]
fn a_count_total_of_zero_is_not_reported() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        measure: Measure::Ratio,
        ..kpi("sl", 80.0)
    });
    set_counts(&mut e, "2026-09", "sl", 0, Some(0));
    set_counts(&mut e, "2026-10", "sl", 0, None);
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-15"));
    for month in ["2026-09", "2026-10"] {
        let p = a.series.iter().find(|p| p.month == m(month)).unwrap();
        assert_eq!((p.value, p.status), (None, Rag::Grey), "{month}");
        assert_eq!(p.judgement, Judgement::NotReported, "{month}");
    }
    assert_eq!(a.attainment, None);
    assert!(a.breaches.is_empty());
    assert_eq!(a.pooled, None);
}

/// A counted KPI whose every month is below `min_volume` is shown and
/// judged nowhere, but its counts still pool.
#[test]
fn a_ratio_kpi_with_every_month_low_volume_is_judged_nowhere_but_pools() {
    let mut e = engagement();
    e.record.kpis.push(Kpi {
        sla: true,
        measure: Measure::Ratio,
        min_volume: Some(500),
        ..kpi("sl", 80.0)
    });
    set_counts(&mut e, "2026-08", "sl", 90, Some(100));
    set_counts(&mut e, "2026-09", "sl", 10, Some(20));
    set_counts(&mut e, "2026-10", "sl", 199, Some(200));
    let a = analyse_kpi(&e, &e.record.kpis[0], d("2026-11-15"));
    assert!(
        a.series
            .iter()
            .filter(|p| p.value.is_some())
            .all(|p| p.judgement == Judgement::LowVolume && p.status == Rag::Grey)
    );
    assert_eq!(a.attainment, None);
    assert_eq!(a.score, None);
    assert!(a.breaches.is_empty() && a.defaults.is_empty());
    // (90 + 10 + 199) / (100 + 20 + 200) = 299 / 320 = 93.4375%.
    let pooled = a.pooled.expect("low-volume counts pool");
    assert_eq!((pooled.good, pooled.total), (299, 320));
    assert_eq!(pooled.value, 93.4375);
}
