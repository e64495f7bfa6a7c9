//! The words of the reasons and flags: numbers, the parties' names and the
//! small phrases every sentence of the analysis shares, so that each reads
//! as a person would write it ("Fenwick Contact Solutions gave no feedback
//! in the last 6 months"), never as machine output. Raw figures stay
//! `f64`; only these sentences are formatted, through `crate::format`.

use super::window::MonthWindow;
use crate::model::{Engagement, GoalStatus, RiskStatus, Side};

/// The two parties' names, as the reasons and flags call them.
#[derive(Debug, Clone, PartialEq)]
pub struct Parties {
    pub client: String,
    pub provider: String,
}

impl Parties {
    pub fn of(e: &Engagement) -> Parties {
        Parties {
            client: e.record.client.name.clone(),
            provider: e.record.provider.name.clone(),
        }
    }

    pub fn name(&self, side: Side) -> &str {
        match side {
            Side::Client => &self.client,
            Side::Provider => &self.provider,
        }
    }
}

/// `Fenwick Contact Solutions'`, `Brightline Energy's`.
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A sentence: first letter capitalised, ending with a full stop.
pub fn sentence(text: &str) -> String {
    let text = crate::format::capitalise(text.trim());
    if text.ends_with(['.', '!', '?']) {
        text
    } else {
        format!("{text}.")
    }
}

/// `the last 3 months (August to October 2026)`.
pub fn last_months(window: MonthWindow) -> String {
    let n = window.first.months_until(window.last) + 1;
    let span = crate::format::month_span(window.first, window.last);
    if n == 1 {
        format!("the last month ({span})")
    } else {
        format!("the last {n} months ({span})")
    }
}

/// `1 action is`, `3 actions are`.
pub fn count_is(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun} is")
    } else {
        format!("{n} {noun}s are")
    }
}

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

/// How often, as a sentence says it: `weekly`, `every two weeks`.
pub fn frequency(f: crate::model::Frequency) -> &'static str {
    use crate::model::Frequency;
    match f {
        Frequency::Weekly => "weekly",
        Frequency::Biweekly => "every two weeks",
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
    }
}

/// As a sentence says it: `on track`, `at risk`, ...
pub fn goal_status(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::OnTrack => "on track",
        GoalStatus::AtRisk => "at risk",
        GoalStatus::OffTrack => "off track",
        GoalStatus::Done => "done",
        GoalStatus::Dropped => "dropped",
    }
}

/// `still open`, `still being mitigated`, `closed`.
pub fn risk_status(status: RiskStatus) -> &'static str {
    match status {
        RiskStatus::Open => "still open",
        RiskStatus::Mitigating => "still being mitigated",
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
        assert_eq!(count_is(1, "action"), "1 action is");
        assert_eq!(
            possessive("Fenwick Contact Solutions"),
            "Fenwick Contact Solutions'"
        );
        assert_eq!(possessive("Brightline Energy"), "Brightline Energy's");
        assert_eq!(sentence("no survey yet"), "No survey yet.");
        assert_eq!(sentence("Done."), "Done.");
    }
}
