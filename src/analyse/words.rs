//! Number formatting and names for the reasons and evidence written in
//! words. Raw figures stay `f64`; only these sentences are formatted here.

use crate::model::{GoalStatus, RiskStatus, Side};

/// A number with at most two decimals and no trailing zeros: `98.1`, `12`.
pub fn num(value: f64) -> String {
    crate::format::number(value, 2)
}

/// A ratio as a whole percentage: `0.094` → `9%`.
pub fn pct(ratio: f64) -> String {
    format!("{}%", num((ratio * 100.0).round()))
}

/// A value with its unit: `99.5%`, `1.8 days`, `4.2/5`.
pub fn with_unit(value: f64, unit: &str) -> String {
    crate::format::value(value, unit)
}

/// `1 check-in`, `3 check-ins`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub fn side(side: Side) -> &'static str {
    match side {
        Side::Client => "client",
        Side::Provider => "provider",
    }
}

/// As written in YAML: `on-track`, `at-risk`, ...
pub fn goal_status(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::OnTrack => "on-track",
        GoalStatus::AtRisk => "at-risk",
        GoalStatus::OffTrack => "off-track",
        GoalStatus::Done => "done",
        GoalStatus::Dropped => "dropped",
    }
}

pub fn risk_status(status: RiskStatus) -> &'static str {
    match status {
        RiskStatus::Open => "open",
        RiskStatus::Mitigating => "mitigating",
        RiskStatus::Closed => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(98.10), "98.1");
        assert_eq!(num(0.126), "0.13");
        assert_eq!(num(-0.001), "0");
        assert_eq!(pct(0.094), "9%");
        assert_eq!(pct(0.05), "5%");
        assert_eq!(with_unit(99.5, "%"), "99.5%");
        assert_eq!(with_unit(1.8, "days"), "1.8 days");
        assert_eq!(with_unit(4.0, ""), "4");
        assert_eq!(count(1, "risk"), "1 risk");
        assert_eq!(count(0, "risk"), "0 risks");
    }
}
