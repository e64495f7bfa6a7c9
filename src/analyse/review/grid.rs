//! A review pack's SLA grid: each SLA KPI in each month of the quarter,
//! breaches and defaults marked, and what the quarter's misses cost per
//! month and in total (docs/metrics.md, "Review packs").

use serde::Serialize;

use super::Quarter;
use crate::analyse::EngagementAnalysis;
use crate::analyse::exact::Num;
use crate::analyse::kpi::{self, Judgement, KpiAnalysis, KpiPoint, Pooled};
use crate::analyse::rag::Rag;
use crate::model::{Direction, Engagement, Month};

/// How one month of an SLA KPI reads in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellStatus {
    /// On target.
    Met,
    /// Missed the target (and the minimum, where none is set apart).
    Breach,
    /// Missed a minimum set below the target: the breach that costs money.
    Default,
    /// Not an SLA that month: its plain status.
    NotSla(Rag),
    Excused,
    LowVolume,
    Baselining,
    NotReported,
}

impl CellStatus {
    /// The colour of the colour language (a breach is red, never amber).
    pub fn rag(self) -> Rag {
        match self {
            CellStatus::Met => Rag::Green,
            CellStatus::Breach | CellStatus::Default => Rag::Red,
            CellStatus::NotSla(rag) => rag,
            _ => Rag::Grey,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            CellStatus::Met => "met",
            CellStatus::Breach => "breach",
            CellStatus::Default => "default",
            CellStatus::NotSla(rag) => rag.label(),
            CellStatus::Excused => "excused",
            CellStatus::LowVolume => "low volume",
            CellStatus::Baselining => "baselining",
            CellStatus::NotReported => "not reported",
        }
    }

    pub fn is_miss(self) -> bool {
        matches!(self, CellStatus::Breach | CellStatus::Default)
    }

    fn of(p: Option<&KpiPoint>) -> CellStatus {
        let Some(p) = p else {
            return CellStatus::NotReported;
        };
        match &p.judgement {
            Judgement::NotReported => CellStatus::NotReported,
            Judgement::Excused { .. } => CellStatus::Excused,
            Judgement::LowVolume => CellStatus::LowVolume,
            Judgement::Baselining => CellStatus::Baselining,
            Judgement::Judged(rag) if !p.terms.sla => CellStatus::NotSla(*rag),
            Judgement::Judged(_) if !p.is_breach() => CellStatus::Met,
            // A default is said apart only where a minimum below the target is set.
            Judgement::Judged(_) if p.default && p.terms.effective_minimum() != p.terms.target => {
                CellStatus::Default
            }
            Judgement::Judged(_) => CellStatus::Breach,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCell {
    pub month: Month,
    pub value: Option<f64>,
    pub status: CellStatus,
}

/// One SLA KPI over the quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRow {
    pub kpi: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    /// The target and minimum in force in the quarter's last month.
    pub target: f64,
    pub minimum: Option<f64>,
    /// One per month of the quarter.
    pub cells: Vec<GridCell>,
    /// A counted KPI's quarter, pooled.
    pub pooled: Option<Pooled>,
}

impl GridRow {
    pub fn misses(&self) -> impl Iterator<Item = &GridCell> {
        self.cells.iter().filter(|c| c.status.is_miss())
    }

    /// Judged in at least one month of the quarter and on target in each.
    pub fn met_throughout(&self) -> bool {
        let judged: Vec<_> = self
            .cells
            .iter()
            .filter(|c| matches!(c.status, CellStatus::Met) || c.status.is_miss())
            .collect();
        !judged.is_empty() && judged.iter().all(|c| c.status == CellStatus::Met)
    }
}

/// What a month's SLA misses cost: an amount, or (per-breach credits
/// without a fee) a percentage of the monthly fee.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Credit {
    pub amount: Option<f64>,
    pub pct_of_fee: Option<f64>,
}

/// The quarter's credits under the contract's regime.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCredits {
    pub currency: Option<String>,
    /// One per month of the quarter.
    pub months: Vec<Credit>,
    pub total: Credit,
    /// At-risk credits: of the total, how much was earned back, is pending
    /// earn-back and is payable at the end of the quarter.
    pub settlement: Option<Settlement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Settlement {
    pub earned_back: f64,
    pub pending: f64,
    pub payable: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlaGrid {
    pub months: Vec<Month>,
    pub rows: Vec<GridRow>,
    /// `None` when the contract has no credits.
    pub credits: Option<GridCredits>,
}

/// The grid of quarter `q` from the analysis at its end: every KPI that is
/// an SLA in any month of the quarter.
pub fn sla_grid(e: &Engagement, q: Quarter, a: &EngagementAnalysis) -> SlaGrid {
    let window = q.months();
    let months: Vec<Month> = window.months().collect();
    let in_quarter = |k: &&KpiAnalysis| {
        k.series
            .iter()
            .any(|p| window.contains(p.month) && p.terms.sla)
    };
    let rows = a
        .performance
        .kpis
        .iter()
        .filter(in_quarter)
        .map(|k| {
            let at = |m: Month| k.series.iter().find(|p| p.month == m && !p.in_progress);
            let last = at(window.last);
            let target = last.map_or(k.target, |p| p.terms.target);
            let minimum = last.map_or(k.minimum, |p| p.terms.effective_minimum());
            let minimum = (minimum != target).then_some(minimum);
            GridRow {
                kpi: k.id.clone(),
                name: k.name.clone(),
                unit: k.unit.clone(),
                direction: k.direction,
                target,
                minimum,
                cells: months
                    .iter()
                    .map(|&m| GridCell {
                        month: m,
                        value: at(m).and_then(|p| p.value),
                        status: CellStatus::of(at(m)),
                    })
                    .collect(),
                pooled: e.kpi(&k.id).and_then(|model| kpi::pooled(e, model, window)),
            }
        })
        .collect();
    SlaGrid {
        credits: credits(q, a),
        months,
        rows,
    }
}

fn credits(q: Quarter, a: &EngagementAnalysis) -> Option<GridCredits> {
    let window = q.months();
    let sum = |values: &mut dyn Iterator<Item = f64>| {
        values
            .fold(Num::int(0), |acc, v| acc.plus(Num::of(v)))
            .cents()
    };
    if let Some(c) = &a.at_risk {
        let months: Vec<_> = c
            .months
            .iter()
            .filter(|m| window.contains(m.month))
            .collect();
        return Some(GridCredits {
            currency: c.currency.clone(),
            months: months
                .iter()
                .map(|m| Credit {
                    amount: Some(m.accrued),
                    pct_of_fee: None,
                })
                .collect(),
            total: Credit {
                amount: Some(sum(&mut months.iter().map(|m| m.accrued))),
                pct_of_fee: None,
            },
            settlement: Some(Settlement {
                earned_back: sum(&mut months.iter().map(|m| m.earned_back)),
                pending: sum(&mut months.iter().map(|m| m.pending)),
                payable: sum(&mut months.iter().map(|m| m.payable)),
            }),
        });
    }
    let c = a.credits.as_ref()?;
    let months: Vec<_> = c
        .months
        .iter()
        .filter(|m| window.contains(m.month))
        .collect();
    let total_pct: f64 = months.iter().map(|m| m.pct).sum();
    Some(GridCredits {
        currency: c.currency.clone(),
        months: months
            .iter()
            .map(|m| Credit {
                amount: m.amount,
                pct_of_fee: Some(m.pct),
            })
            .collect(),
        total: Credit {
            amount: c
                .monthly_fee
                .map(|_| sum(&mut months.iter().filter_map(|m| m.amount))),
            pct_of_fee: Some(total_pct),
        },
        settlement: None,
    })
}
