//! A KPI's terms over time (docs/metrics.md, "Terms in force"): the KPI's
//! own fields, overridden field by field by each `terms` entry whose `from`
//! is on or before the month, in the order written. Every month is judged
//! by its own terms, so a term from a later month changes no earlier figure.

use serde::Serialize;

use super::exact::{Num, share};
use crate::model::{Direction, Kpi, Month};

/// The terms of a KPI in force in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Terms {
    pub target: f64,
    /// `warn` as written; `None` takes the default (10% of |target| past it).
    pub warn: Option<f64>,
    /// `minimum` as written; `None` is the target.
    pub minimum: Option<f64>,
    pub sla: bool,
    pub weight: f64,
    pub credit_allocation_pct: Option<f64>,
}

/// The KPI's own fields, before any term.
pub fn own(kpi: &Kpi) -> Terms {
    Terms {
        target: kpi.target,
        warn: kpi.warn,
        minimum: kpi.minimum,
        sla: kpi.sla,
        weight: kpi.weight,
        credit_allocation_pct: kpi.credit_allocation_pct,
    }
}

/// The terms of `kpi` in force in `month`.
pub fn terms_at(kpi: &Kpi, month: Month) -> Terms {
    let mut t = own(kpi);
    for term in kpi.terms.iter().filter(|term| term.from <= month) {
        t.target = term.target.unwrap_or(t.target);
        t.warn = term.warn.or(t.warn);
        t.minimum = term.minimum.or(t.minimum);
        t.sla = term.sla.unwrap_or(t.sla);
        t.weight = term.weight.unwrap_or(t.weight);
        t.credit_allocation_pct = term.credit_allocation_pct.or(t.credit_allocation_pct);
    }
    t
}

/// Whether `month` is before the KPI's `in_force_from` ("baselining").
pub fn baselining(kpi: &Kpi, month: Month) -> bool {
    kpi.in_force_from.is_some_and(|from| month < from)
}

impl Terms {
    /// The amber edge, exactly: `warn`, else `target ∓ 0.1 × |target|` on
    /// the bad side.
    pub fn warn_num(&self, direction: Direction) -> Num {
        if let Some(w) = self.warn {
            return Num::of(w);
        }
        let t = Num::of(self.target);
        let band = share(t.abs(), 1, 1);
        match direction {
            Direction::Higher => t.minus(band),
            Direction::Lower => t.plus(band),
        }
    }

    /// The amber edge as a number for display and charts.
    pub fn effective_warn(&self, direction: Direction) -> f64 {
        self.warn_num(direction).to_f64()
    }

    /// The minimum service level: `minimum`, else the target.
    pub fn effective_minimum(&self) -> f64 {
        self.minimum.unwrap_or(self.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{kpi, m};
    use crate::model::KpiTerm;

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

    #[test]
    fn terms_override_field_by_field_from_their_month() {
        let k = Kpi {
            minimum: Some(75.0),
            sla: true,
            credit_allocation_pct: Some(40.0),
            terms: vec![
                KpiTerm {
                    target: Some(82.0),
                    minimum: Some(78.0),
                    ..term("2026-01")
                },
                KpiTerm {
                    credit_allocation_pct: Some(50.0),
                    weight: Some(2.0),
                    ..term("2026-07")
                },
            ],
            ..kpi("service_level", 80.0)
        };
        let before = terms_at(&k, m("2025-12"));
        assert_eq!(
            (before.target, before.minimum, before.credit_allocation_pct),
            (80.0, Some(75.0), Some(40.0))
        );
        let first = terms_at(&k, m("2026-01"));
        assert_eq!(
            (
                first.target,
                first.minimum,
                first.credit_allocation_pct,
                first.weight
            ),
            (82.0, Some(78.0), Some(40.0), 1.0)
        );
        let second = terms_at(&k, m("2026-09"));
        assert_eq!(
            (second.target, second.minimum, second.credit_allocation_pct),
            (82.0, Some(78.0), Some(50.0))
        );
        assert_eq!((second.weight, second.sla), (2.0, true));
    }

    #[test]
    fn minimum_defaults_to_the_target_in_force() {
        let k = Kpi {
            terms: vec![KpiTerm {
                target: Some(90.0),
                ..term("2026-03")
            }],
            ..kpi("acc", 80.0)
        };
        assert_eq!(terms_at(&k, m("2026-02")).effective_minimum(), 80.0);
        assert_eq!(terms_at(&k, m("2026-03")).effective_minimum(), 90.0);
        // The default warn follows the target in force.
        assert_eq!(
            terms_at(&k, m("2026-03")).effective_warn(Direction::Higher),
            81.0
        );
    }

    #[test]
    fn baselining_is_before_in_force_from() {
        let k = Kpi {
            in_force_from: Some(m("2025-03")),
            ..kpi("acc", 80.0)
        };
        assert!(baselining(&k, m("2025-02")));
        assert!(!baselining(&k, m("2025-03")));
        assert!(!baselining(&kpi("acc", 80.0), m("1990-01")));
    }
}
