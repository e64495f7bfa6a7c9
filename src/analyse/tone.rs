//! The colour language as the analysis decides it (docs/metrics.md, "One
//! colour language"): every status a page or chart colours is one of these,
//! chosen here, never in a template or a chart.

use serde::Serialize;

use super::actions::ActionState;
use super::flags::Severity;
use super::rag::Rag;
use super::review::summary::{Issue, IssueKind};
use super::risk::RiskRating;

/// One status of the colour language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// A breach, a default, a critical risk or flag.
    Red,
    /// A high risk.
    Orange,
    /// A warning, or near the target (never an SLA miss).
    Amber,
    /// Met.
    Green,
    /// Not reported, or not judged; also a neutral fact.
    Grey,
}

impl Tone {
    /// The class suffix and the word (`rag-orange`).
    pub fn name(self) -> &'static str {
        match self {
            Tone::Red => "red",
            Tone::Orange => "orange",
            Tone::Amber => "amber",
            Tone::Green => "green",
            Tone::Grey => "grey",
        }
    }
}

impl From<Rag> for Tone {
    fn from(rag: Rag) -> Tone {
        match rag {
            Rag::Green => Tone::Green,
            Rag::Amber => Tone::Amber,
            Rag::Red => Tone::Red,
            Rag::Grey => Tone::Grey,
        }
    }
}

impl From<Severity> for Tone {
    /// Critical red, warning amber, information grey.
    fn from(s: Severity) -> Tone {
        match s {
            Severity::Critical => Tone::Red,
            Severity::Warning => Tone::Amber,
            Severity::Info => Tone::Grey,
        }
    }
}

impl Issue {
    /// A pack's issue in the colour language: a high risk is orange (only
    /// a critical one is red), anything else as its severity.
    pub fn tone(&self) -> Tone {
        match (self.kind, self.severity) {
            (IssueKind::Risk, Severity::Warning) => Tone::Orange,
            (_, s) => s.into(),
        }
    }
}

impl ActionState {
    /// Overdue is a warning (amber): red is kept for breaches, defaults and
    /// critical items; open is neutral, closed met.
    pub fn tone(self) -> Tone {
        match self {
            ActionState::Open => Tone::Grey,
            ActionState::Overdue => Tone::Amber,
            ActionState::ClosedRecently | ActionState::Closed => Tone::Green,
        }
    }
}

impl RiskRating {
    /// A rating is not "met", so low is grey (not green); medium amber, high
    /// orange, critical red: the heat map's cells and the badges alike.
    pub fn tone(self) -> Tone {
        match self {
            RiskRating::Low => Tone::Grey,
            RiskRating::Medium => Tone::Amber,
            RiskRating::High => Tone::Orange,
            RiskRating::Critical => Tone::Red,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_high_risk_is_orange_and_a_critical_one_red() {
        assert_eq!(RiskRating::of(10).tone(), Tone::Orange);
        assert_eq!(RiskRating::of(15).tone(), Tone::Orange);
        assert_eq!(RiskRating::of(16).tone(), Tone::Red);
        assert_eq!(RiskRating::of(9).tone(), Tone::Amber);
        assert_eq!(RiskRating::of(4).tone(), Tone::Grey);
    }
}
