//! The words of the reasons and flags: numbers, the parties' names and the
//! small phrases every sentence of the analysis shares, so that each reads
//! as a person would write it ("Fenwick Contact Solutions gave no feedback
//! in the last 6 months"), never as machine output. Raw figures stay
//! `f64`; only these sentences are formatted, through `crate::format`.

use super::window::MonthWindow;
use crate::model::{Engagement, GoalStatus, Month, RiskStatus, Side};
use crate::text::{Arg, Text};

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

/// [`last_months`] as a message, worded in the site's language.
pub fn last_months_text(window: MonthWindow) -> Text {
    let n = window.first.months_until(window.last) + 1;
    Text::new("flag-last-months")
        .with("count", i64::from(n))
        .with("span", Arg::MonthSpan(window.first, window.last))
}

/// A ratio as a whole percentage, for a message: `0.094` → `9%`.
pub fn pct_arg(ratio: f64) -> Arg {
    Arg::Value((ratio * 100.0).round(), "%".to_string())
}

/// A value with its unit, for a message: `99.5%`, `1.8 days`.
pub fn value_arg(value: f64, unit: &str) -> Arg {
    Arg::Value(value, unit.to_string())
}

/// A number with at most two decimals, for a message.
pub fn num_arg(value: f64) -> Arg {
    Arg::Number(value, 2)
}

/// The name of a month without its year (`August`), for lists that name
/// the year once elsewhere.
pub fn month_name(m: Month) -> Arg {
    const IDS: [&str; 12] = [
        "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
        "month-9", "month-10", "month-11", "month-12",
    ];
    Text::new(IDS[(m.month.clamp(1, 12) - 1) as usize]).into()
}

/// Sentences one after the other, separated by a space; `None` when there
/// are none.
pub fn sentences(texts: Vec<Text>) -> Option<Text> {
    joined(texts, "flag-then")
}

/// Texts joined by message `id` (`{ $first }…{ $rest }`), right to left.
pub fn joined(texts: Vec<Text>, id: &'static str) -> Option<Text> {
    texts
        .into_iter()
        .rev()
        .reduce(|rest, first| Text::new(id).with("first", first).with("rest", rest))
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

/// [`frequency`] as a message.
pub fn frequency_text(f: crate::model::Frequency) -> Text {
    use crate::model::Frequency;
    Text::new(match f {
        Frequency::Weekly => "flag-frequency-weekly",
        Frequency::Biweekly => "flag-frequency-biweekly",
        Frequency::Monthly => "flag-frequency-monthly",
        Frequency::Quarterly => "flag-frequency-quarterly",
    })
}

/// [`goal_status`] as a message.
pub fn goal_status_text(status: GoalStatus) -> Text {
    Text::new(match status {
        GoalStatus::OnTrack => "flag-goal-on-track",
        GoalStatus::AtRisk => "flag-goal-at-risk",
        GoalStatus::OffTrack => "flag-goal-off-track",
        GoalStatus::Done => "flag-goal-done",
        GoalStatus::Dropped => "flag-goal-dropped",
    })
}

/// [`risk_status`] as a message.
pub fn risk_status_text(status: RiskStatus) -> Text {
    Text::new(match status {
        RiskStatus::Open => "flag-risk-still-open",
        RiskStatus::Mitigating => "flag-risk-still-mitigating",
        RiskStatus::Closed => "flag-risk-closed",
    })
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
