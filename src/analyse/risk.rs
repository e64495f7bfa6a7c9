//! Risk exposure: each risk's rating, the exposure of open risks, overdue
//! mitigations, the 5×5 heat map and the risk score.

use chrono::NaiveDate;
use serde::Serialize;

use super::words::count;
use crate::model::{Engagement, Risk, RiskOwner, RiskStatus};

/// Exposure at which the score reaches 0.
pub const EXPOSURE_ZERO: f64 = 50.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskRating {
    Low,
    Medium,
    High,
    Critical,
}

impl RiskRating {
    /// low 1–4, medium 5–9, high 10–15, critical 16–25.
    pub fn of(score: u32) -> RiskRating {
        match score {
            0..=4 => RiskRating::Low,
            5..=9 => RiskRating::Medium,
            10..=15 => RiskRating::High,
            _ => RiskRating::Critical,
        }
    }

    pub const ALL: [RiskRating; 4] = [
        RiskRating::Low,
        RiskRating::Medium,
        RiskRating::High,
        RiskRating::Critical,
    ];

    /// The scores of the rating, for legends: "10–15".
    pub fn scores(self) -> &'static str {
        match self {
            RiskRating::Low => "1–4",
            RiskRating::Medium => "5–9",
            RiskRating::High => "10–15",
            RiskRating::Critical => "16–25",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RiskRating::Low => "low",
            RiskRating::Medium => "medium",
            RiskRating::High => "high",
            RiskRating::Critical => "critical",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskItem {
    pub id: String,
    pub title: String,
    pub owner: RiskOwner,
    pub status: RiskStatus,
    pub likelihood: u8,
    pub impact: u8,
    /// likelihood × impact.
    pub score: u32,
    pub rating: RiskRating,
    pub mitigation: Option<String>,
    pub due: Option<NaiveDate>,
    /// `due` before `as_of` and not closed.
    pub overdue: bool,
}

impl RiskItem {
    /// Open or mitigating.
    pub fn is_open(&self) -> bool {
        self.status != RiskStatus::Closed
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskRegister {
    /// Every risk in record order.
    pub items: Vec<RiskItem>,
    /// Risks open or mitigating.
    pub open: usize,
    /// Σ likelihood × impact over open and mitigating risks.
    pub exposure: u32,
    /// Counts of open and mitigating risks: `heat_map[likelihood − 1][impact − 1]`.
    pub heat_map: [[u32; 5]; 5],
    pub overdue: usize,
    /// 100 × max(0, 1 − exposure / 50): always known, 100 without open risks.
    pub score: f64,
}

fn item(r: &Risk, as_of: NaiveDate) -> RiskItem {
    let score = u32::from(r.likelihood) * u32::from(r.impact);
    RiskItem {
        id: r.id.clone(),
        title: r.title.clone(),
        owner: r.owner,
        status: r.status,
        likelihood: r.likelihood,
        impact: r.impact,
        score,
        rating: RiskRating::of(score),
        mitigation: r.mitigation.clone(),
        due: r.due,
        overdue: r.status != RiskStatus::Closed && r.due.is_some_and(|d| d < as_of),
    }
}

pub fn analyse_risks(e: &Engagement, as_of: NaiveDate) -> RiskRegister {
    let items: Vec<RiskItem> = e.record.risks.iter().map(|r| item(r, as_of)).collect();
    let mut heat_map = [[0u32; 5]; 5];
    for r in items.iter().filter(|r| r.is_open()) {
        // Values outside 1..5 are a validation error; they are left off the map.
        let (l, i) = (usize::from(r.likelihood), usize::from(r.impact));
        if (1..=5).contains(&l) && (1..=5).contains(&i) {
            heat_map[l - 1][i - 1] += 1;
        }
    }
    // Saturating: no register is large enough to overflow, but no input may panic.
    let exposure = items
        .iter()
        .filter(|r| r.is_open())
        .fold(0u32, |sum, r| sum.saturating_add(r.score));
    RiskRegister {
        open: items.iter().filter(|r| r.is_open()).count(),
        overdue: items.iter().filter(|r| r.overdue).count(),
        score: 100.0 * (1.0 - f64::from(exposure) / EXPOSURE_ZERO).max(0.0),
        exposure,
        heat_map,
        items,
    }
}

impl RiskRegister {
    /// Why the score is what it is, in sentences.
    pub fn reasons(&self) -> Vec<String> {
        if self.open == 0 {
            return vec!["No risk is open.".to_string()];
        }
        let zero = crate::format::number(EXPOSURE_ZERO, 0);
        let exposure = format!(
            "Risk exposure is {} (likelihood × impact summed over {})",
            self.exposure,
            count(self.open, "open risk")
        );
        let mut reasons = vec![match f64::from(self.exposure).partial_cmp(&EXPOSURE_ZERO) {
            Some(std::cmp::Ordering::Greater) => {
                format!("{exposure}, above the {zero} at which the score reaches 0.")
            }
            Some(std::cmp::Ordering::Equal) => {
                format!("{exposure}, the {zero} at which the score reaches 0.")
            }
            _ => format!("{exposure}; the score would reach 0 at {zero}."),
        }];
        // The critical risks by name; the high ones counted (the register
        // below names them), so the reason stays a line or two.
        let critical: Vec<String> = self
            .items
            .iter()
            .filter(|r| r.is_open() && r.rating == RiskRating::Critical)
            .map(|r| format!("{} ({} × {})", r.title, r.likelihood, r.impact))
            .collect();
        let high = self
            .items
            .iter()
            .filter(|r| r.is_open() && r.rating == RiskRating::High)
            .count();
        let high = match high {
            0 => None,
            1 => Some("1 is rated high".to_string()),
            n => Some(format!("{n} are rated high")),
        };
        match (critical.as_slice(), high) {
            ([], None) => {}
            ([], Some(high)) => reasons.push(format!("Of them, {high}.")),
            ([one], high) => reasons.push(format!(
                "The critical one is {one}{}.",
                high.map_or(String::new(), |h| format!("; {h}"))
            )),
            (many, high) => reasons.push(format!(
                "The critical ones are {}{}.",
                crate::format::and_list(many),
                high.map_or(String::new(), |h| format!("; {h}"))
            )),
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement};

    fn risk(id: &str, l: u8, i: u8, status: RiskStatus, due: Option<&str>) -> Risk {
        Risk {
            id: id.to_string(),
            title: id.to_string(),
            likelihood: l,
            impact: i,
            owner: RiskOwner::Provider,
            status,
            mitigation: None,
            due: due.map(d),
            audience: None,
        }
    }

    #[test]
    fn ratings_at_their_edges() {
        let cases = [
            (1, "low"),
            (4, "low"),
            (5, "medium"),
            (9, "medium"),
            (10, "high"),
            (15, "high"),
            (16, "critical"),
            (25, "critical"),
        ];
        for (score, label) in cases {
            assert_eq!(RiskRating::of(score).label(), label, "{score}");
        }
    }

    #[test]
    fn exposure_heat_map_overdue_and_score() {
        let mut e = engagement();
        e.record.risks = vec![
            risk("a", 3, 4, RiskStatus::Open, Some("2026-05-31")), // 12, overdue
            risk("b", 2, 2, RiskStatus::Mitigating, None),         // 4, no due date
            risk("c", 5, 5, RiskStatus::Closed, Some("2026-01-01")), // closed: not counted
            risk("d", 3, 4, RiskStatus::Open, Some("2026-06-01")), // due on as_of: not overdue
        ];
        let r = analyse_risks(&e, d("2026-06-01"));
        assert_eq!((r.open, r.exposure, r.overdue), (3, 28, 1));
        // 100 × (1 − 28/50) = 44
        assert!((r.score - 44.0).abs() < 1e-9);
        assert_eq!(r.heat_map[2][3], 2);
        assert_eq!(r.heat_map[1][1], 1);
        assert_eq!(r.heat_map[4][4], 0);
        let overdue: Vec<_> = r.items.iter().map(|i| i.overdue).collect();
        assert_eq!(overdue, vec![true, false, false, false]);
        assert_eq!(r.items[0].rating, RiskRating::High);
        assert_eq!(
            r.reasons(),
            vec![
                "Risk exposure is 28 (likelihood × impact summed over 3 open risks); the score \
                 would reach 0 at 50.",
                "Of them, 2 are rated high."
            ]
        );
    }

    #[test]
    fn no_open_risk_scores_100_and_exposure_past_50_scores_0() {
        let mut e = engagement();
        let r = analyse_risks(&e, d("2026-06-01"));
        assert_eq!((r.score, r.exposure), (100.0, 0));
        assert_eq!(r.reasons(), vec!["No risk is open."]);
        e.record.risks = vec![
            risk("a", 5, 5, RiskStatus::Open, None),
            risk("b", 5, 5, RiskStatus::Open, None),
            risk("c", 1, 1, RiskStatus::Open, None),
        ];
        let r = analyse_risks(&e, d("2026-06-01"));
        assert_eq!(r.score, 0.0);
        assert_eq!(
            r.reasons(),
            vec![
                "Risk exposure is 51 (likelihood × impact summed over 3 open risks), above the 50 \
                 at which the score reaches 0.",
                "The critical ones are a (5 × 5) and b (5 × 5)."
            ]
        );
    }

    #[test]
    fn out_of_range_values_stay_off_the_heat_map() {
        let mut e = engagement();
        e.record.risks = vec![risk("bad", 0, 9, RiskStatus::Open, None)];
        let r = analyse_risks(&e, d("2026-06-01"));
        assert_eq!(r.heat_map, [[0; 5]; 5]);
        assert_eq!(r.exposure, 0);
    }
}
