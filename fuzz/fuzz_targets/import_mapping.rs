//! Fuzz target: an import mapping's text, parsed and checked against a small
//! fixed repository (tests/fixtures/import/repo) and the ACD fixture's
//! header, as `rapporteur import` does. Nothing may panic; every diagnostic
//! points into the text; a mapping that resolves names columns of the header.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rapporteur::import::mapping::{self, CountPlan, EngagementPlan, KpiPlan};

#[path = "common.rs"]
mod common;

const HEADER: [&str; 7] = [
    "Queue",
    "Interval Start",
    "Offered",
    "Answered in 20s",
    "Abandoned",
    "Handled",
    "AHT",
];


fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rel = Path::new("mapping.yaml");
    let header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    let parsed = match mapping::parse(rel, text) {
        Ok(m) => m,
        Err(d) => {
            assert!(!d.is_empty());
            common::positions(text, &d);
            return;
        }
    };
    match mapping::resolve(rel, text, &parsed, common::import_portfolio(), &header) {
        Err(d) => {
            assert!(!d.is_empty());
            common::positions(text, &d);
        }
        Ok(plan) => {
            let n = header.len();
            assert!(plan.date < n);
            if let EngagementPlan::Column { column, .. } = plan.engagement {
                assert!(column < n);
            }
            let count = |c: &CountPlan| match c {
                CountPlan::Sum(i) | CountPlan::Where { column: i, .. } => assert!(*i < n),
                CountPlan::Rows => {}
            };
            for (_, kpi) in &plan.kpis {
                match kpi {
                    KpiPlan::Ratio { good, total } => {
                        count(good);
                        count(total);
                    }
                    KpiPlan::Aggregate(a) => {
                        assert!(a.column < n && a.weight.is_none_or(|w| w < n));
                    }
                }
            }
        }
    }
});
