//! Checks of contracts as they are written (docs/check.md, "Contracts as
//! they are written"): KPI terms over time, counted KPIs, excused months and
//! the at-risk regime. Ranges of their numbers are in `ranges.rs`.

use std::collections::{BTreeMap, BTreeSet};

use super::Finding;
use super::ranges::show;
use crate::analyse::terms::{baselining, terms_at};
use crate::model::{Counts, Engagement, KpiValue, Measure, Month, Period};
use crate::yaml::{closest, shorten};

/// The record's findings: term months, the pool and the two credit regimes.
pub(super) fn record(e: &Engagement, out: &mut Vec<Finding>) {
    let r = &e.record;
    for (i, k) in r.kpis.iter().enumerate() {
        for (j, pair) in k.terms.windows(2).enumerate() {
            if pair[1].from <= pair[0].from {
                out.push(Finding::error(
                    &e.source,
                    format!("kpis.{i}.terms.{}.from", j + 1),
                    format!(
                        "term `from: {}` of KPI `{}` is not after the term before it \
                         (`from: {}`): list the terms oldest first, each from a later month",
                        pair[1].from,
                        shorten(&k.id, 60),
                        pair[0].from
                    ),
                ));
            }
        }
        for (j, t) in k.terms.iter().enumerate() {
            for (field, v) in [
                ("target", t.target),
                ("warn", t.warn),
                ("minimum", t.minimum),
                ("weight", t.weight),
            ] {
                if v.is_some_and(|v| !v.is_finite()) {
                    out.push(Finding::error(
                        &e.source,
                        format!("kpis.{i}.terms.{j}.{field}"),
                        format!("{field} must be a finite number, not .nan or .inf"),
                    ));
                }
            }
            if t.weight.is_some_and(|w| w < 0.0) {
                out.push(Finding::error(
                    &e.source,
                    format!("kpis.{i}.terms.{j}.weight"),
                    "weight must be zero or more".into(),
                ));
            }
        }
        if k.minimum.is_some_and(|v| !v.is_finite()) {
            out.push(Finding::error(
                &e.source,
                format!("kpis.{i}.minimum"),
                "minimum must be a finite number, not .nan or .inf".into(),
            ));
        }
    }
    let Some(c) = &r.contract else { return };
    if c.service_credits.is_some() && c.at_risk_pct.is_some() {
        out.push(Finding::error(
            &e.source,
            "contract.at_risk_pct".into(),
            "the contract has both `service_credits` and `at_risk_pct`: a contract prices \
             misses one way; keep `service_credits` (per breach) or the at-risk regime \
             (`at_risk_pct` with each KPI's `credit_allocation_pct`), not both"
                .into(),
        ));
    }
    // A pool out of range has its own message (ranges.rs).
    if let Some(pool) = c.pool_pct.filter(|p| p.is_finite() && *p >= 0.0) {
        pool_findings(e, pool, out);
    }
}

/// Σ credit_allocation_pct of the SLA KPIs in force may not exceed
/// `pool_pct` in any month. The sum changes only where a term starts or a
/// KPI comes into force, so those months (and the time before all of them)
/// are the ones to check; each month where the pool is exceeded anew is
/// reported once.
fn pool_findings(e: &Engagement, pool: f64, out: &mut Vec<Finding>) {
    let kpis = &e.record.kpis;
    let mut months: BTreeSet<Month> = kpis
        .iter()
        .flat_map(|k| k.terms.iter().map(|t| t.from).chain(k.in_force_from))
        .collect();
    let before = months
        .first()
        .map_or(Month::new(2000, 1), |m| Some(m.plus(-1)));
    months.extend(before);
    let mut last: Option<Vec<String>> = None;
    for month in months {
        let shares: Vec<(String, f64)> = kpis
            .iter()
            .filter(|k| !baselining(k, month))
            .filter_map(|k| {
                let t = terms_at(k, month);
                let pct = t.credit_allocation_pct.filter(|p| t.sla && p.is_finite())?;
                Some((k.id.clone(), pct))
            })
            .collect();
        let sum = shares.iter().fold(0.0, |s, (_, p)| s + p);
        let ids: Vec<String> = shares.iter().map(|(id, _)| id.clone()).collect();
        if sum > pool && last.as_ref() != Some(&ids) {
            let list: Vec<String> = shares
                .iter()
                .map(|(id, p)| format!("`{}` {}%", shorten(id, 60), show(*p)))
                .collect();
            let when = if Some(month) == before {
                "from the start".to_string()
            } else {
                format!("in {month}")
            };
            out.push(Finding::error(
                &e.source,
                "contract.pool_pct".into(),
                format!(
                    "{when} the SLA KPIs in force allocate {}% of the at-risk amount \
                     ({}), more than pool_pct {}: lower their `credit_allocation_pct` \
                     or raise `pool_pct`",
                    show(sum),
                    list.join(", "),
                    show(pool)
                ),
            ));
            last = Some(ids);
        } else if sum <= pool {
            last = None;
        }
    }
}

/// A period's findings: counts, the kind of value for the KPI's measure,
/// and its excused list.
pub(super) fn period(e: &Engagement, p: &Period, out: &mut Vec<Finding>) {
    let at = |path: String| format!("{}{path}", p.yaml_prefix);
    for (id, value) in &p.kpis {
        let Some(kpi) = e.kpi(id) else { continue };
        let id = shorten(id, 60);
        match (kpi.measure, value) {
            (Measure::Ratio, KpiValue::Number(v)) => out.push(Finding::error(
                &p.source,
                at(format!("kpis.{id}")),
                format!(
                    "KPI `{id}` is counted (`measure: ratio`), so write its counts, e.g. \
                     `{{ good: 8123, total: 10012 }}`, not the number {}",
                    show(*v)
                ),
            )),
            (Measure::Value, KpiValue::Counts(_)) => out.push(Finding::error(
                &p.source,
                at(format!("kpis.{id}")),
                format!(
                    "KPI `{id}` takes a number, not counts: write the value, or add \
                     `measure: ratio` to the KPI in {}",
                    e.source.display()
                ),
            )),
            _ => {}
        }
        if let KpiValue::Counts(Counts { good, total }) = value {
            for (field, v) in [("good", Some(*good)), ("total", *total)] {
                if let Some(v) = v.filter(|v| *v < 0) {
                    out.push(Finding::error(
                        &p.source,
                        at(format!("kpis.{id}.{field}")),
                        format!("count `{field}` of KPI `{id}` is {v}: counts cannot be negative"),
                    ));
                }
            }
            if let Some(total) = total.filter(|t| *good > *t && *t >= 0) {
                out.push(Finding::error(
                    &p.source,
                    at(format!("kpis.{id}.good")),
                    format!(
                        "KPI `{id}` has {good} good of {total} in total: `good` cannot be \
                         more than `total`"
                    ),
                ));
            }
        }
    }
    let known: Vec<&str> = e.record.kpis.iter().map(|k| k.id.as_str()).collect();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, x) in p.excused.iter().enumerate() {
        let kpi = shorten(&x.kpi, 60);
        if e.kpi(&x.kpi).is_none() {
            let hint = closest(&x.kpi, &known)
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            out.push(Finding::error(
                &p.source,
                at(format!("excused.{i}.kpi")),
                format!(
                    "excused KPI `{kpi}` is not defined in {}: {hint}the KPIs are: {}",
                    e.source.display(),
                    known.join(", ")
                ),
            ));
        }
        if let Some(first) = seen.insert(&x.kpi, i) {
            out.push(Finding::error(
                &p.source,
                at(format!("excused.{i}.kpi")),
                format!(
                    "KPI `{kpi}` is excused twice in {} (also item {}): keep one entry per \
                     KPI and month",
                    p.period,
                    first + 1
                ),
            ));
        }
        if x.reason.trim().is_empty() {
            let path = if x.reason.is_empty() {
                format!("excused.{i}")
            } else {
                format!("excused.{i}.reason")
            };
            out.push(Finding::error(
                &p.source,
                at(path),
                format!(
                    "excused `{kpi}` has no reason: write why the month is excused, e.g. \
                     `reason: \"Carrier outage 14-15 March (INC-20931)\"`"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diagnostic::Diagnostic;

    fn check(text: &str) -> Vec<Diagnostic> {
        let record = crate::yaml::from_str(text).expect("a record");
        crate::validate::validate_record(Path::new("engagement.yaml"), text, record)
            .into_iter()
            .filter(|d| !d.message.contains("no KPIs"))
            .collect()
    }

    fn said(text: &str) -> Vec<(usize, usize, String)> {
        check(text)
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    }

    const HEAD: &str = "name: Acme\nclient: { name: A }\nprovider: { name: B }\nphase: steady\n";

    #[test]
    fn terms_must_increase_strictly() {
        let text = format!(
            "{HEAD}kpis:\n  - id: sl\n    name: SL\n    target: 80\n    terms:\n      \
             - {{ from: 2026-01, target: 82 }}\n      - {{ from: 2026-01, target: 83 }}\n"
        );
        let d = said(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].0, d[0].1), (11, 11));
        assert!(d[0].2.contains("not after the term before it"), "{d:?}");
    }

    #[test]
    fn both_credit_regimes_and_an_exceeded_pool_are_errors() {
        let text = format!(
            "{HEAD}contract:\n  at_risk_pct: 12\n  pool_pct: 100\n  \
             service_credits: {{ per_breach_pct: 5, cap_pct: 12 }}\nkpis:\n  \
             - {{ id: a, name: A, target: 80, sla: true, credit_allocation_pct: 60 }}\n  \
             - {{ id: b, name: B, target: 80, sla: true, credit_allocation_pct: 30,\n      \
             terms: [{{ from: 2026-07, credit_allocation_pct: 50 }}] }}\n  \
             - {{ id: c, name: C, target: 80, credit_allocation_pct: 90 }}\n"
        );
        let d = said(&text);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].2.contains("both `service_credits` and `at_risk_pct`"));
        assert_eq!((d[0].0, d[0].1), (6, 3));
        // c is no SLA: it counts nowhere; a + b reach 110% from 2026-07.
        assert_eq!(d[1].0, 7);
        assert!(
            d[1].2.starts_with(
                "in 2026-07 the SLA KPIs in force allocate 110% of the at-risk amount \
                 (`a` 60%, `b` 50%), more than pool_pct 100"
            ),
            "{d:?}"
        );
    }

    #[test]
    fn the_new_numbers_have_ranges() {
        let text = format!(
            "{HEAD}contract:\n  at_risk_pct: 120\n  pool_pct: -1\n  earn_back_months: 0\n  \
             chronic: {{ defaults: 7, months: 6 }}\nkpis:\n  \
             - {{ id: a, name: A, target: 80, credit_allocation_pct: 101, min_volume: 1000000000000000001,\n      \
             in_force_from: 1800-01, terms: [{{ from: 2026-01, weight: 1e9, minimum: 1e16 }}] }}\n"
        );
        let d = said(&text);
        let mut found: Vec<(usize, &str)> = d
            .iter()
            .map(|(l, _, m)| (*l, m.split(':').next().unwrap()))
            .collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                (6, "at_risk_pct is 120"),
                (7, "pool_pct is -1"),
                (8, "earn_back_months is 0"),
                (9, "chronic defaults is 7"),
                (11, "credit_allocation_pct is 101"),
                (11, "min_volume 1000000000000000001 is too large"),
                (
                    12,
                    "in_force_from 1800-01 is outside the years 1900 to 2200"
                ),
                (12, "minimum 1e16 is out of range"),
                (12, "weight 1e9 is too large"),
            ],
            "{d:#?}"
        );
    }

    #[test]
    fn counts_measures_and_excuses_are_checked_in_periods() {
        let text = format!(
            "{HEAD}kpis:\n  - {{ id: sl, name: SL, target: 80, measure: ratio }}\n  \
             - {{ id: acc, name: Acc, target: 99 }}\nperiods:\n  - period: 2026-03\n    \
             kpis:\n      sl: {{ good: 12, total: 10 }}\n      acc: {{ good: 1, total: 2 }}\n    \
             excused:\n      - {{ kpi: slx, reason: outage }}\n      \
             - {{ kpi: acc, reason: \"\" }}\n      - {{ kpi: acc }}\n  \
             - period: 2026-04\n    kpis: {{ sl: 80, acc: 99 }}\n  \
             - period: 2026-05\n    kpis: {{ sl: {{ good: -1, total: 5 }} }}\n"
        );
        let d = said(&text);
        let lines: Vec<(usize, &str)> = d.iter().map(|(l, _, m)| (*l, m.as_str())).collect();
        let has = |line: usize, fragment: &str| {
            assert!(
                lines
                    .iter()
                    .any(|(l, m)| *l == line && m.contains(fragment)),
                "{fragment} on line {line}: {lines:#?}"
            )
        };
        has(11, "has 12 good of 10 in total");
        has(12, "takes a number, not counts");
        has(14, "excused KPI `slx` is not defined");
        has(14, "did you mean `sl`?");
        has(15, "has no reason");
        has(16, "excused twice in 2026-03");
        has(16, "has no reason");
        has(18, "is counted (`measure: ratio`)");
        has(20, "counts cannot be negative");
        assert_eq!(d.len(), 8, "{lines:#?}");
    }
}
