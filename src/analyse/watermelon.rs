//! "Green outside, red inside" (docs/metrics.md, "Surveys with
//! respondents"): the KPIs look good while the people on the other side
//! are not. A warning when the performance score is ≥ 75 and the trust
//! score is below 50, or the client's NPS is below 0, or the trust score
//! fell by 15 or more since the previous survey month.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::exact::dec;
use super::trust::Trust;
use super::words::{Parties, num, num_arg};
use crate::model::Side;
use crate::text::{Arg, Text};

/// The performance score from which the KPIs look green.
pub const GREEN_PERFORMANCE: i64 = 75;
/// A trust score below this is red inside.
pub const LOW_TRUST: i64 = 50;
/// A fall of the trust score by this much or more is red inside.
pub const TRUST_FALL: i64 = 15;

/// What raised the warning: the figures of each trigger met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Watermelon {
    pub performance: f64,
    /// The trust score, when it is below 50.
    pub low_trust: Option<f64>,
    /// The client's NPS, when it is below 0.
    pub client_nps: Option<i64>,
    /// The previous survey month's trust score and the fall since, when
    /// it fell by 15 or more.
    pub fall: Option<(crate::model::Month, f64, f64)>,
}

/// A score as a person reads it: the decimal of its text, to 9 places,
/// so no binary noise puts 75 below 75.
fn settled(x: f64) -> Option<Decimal> {
    dec(x).map(|d| d.round_dp_with_strategy(9, RoundingStrategy::MidpointAwayFromZero))
}

pub fn judge(performance: Option<f64>, t: &Trust) -> Option<Watermelon> {
    let performance = performance?;
    if settled(performance)? < Decimal::from(GREEN_PERFORMANCE) {
        return None;
    }
    let score = t.score.and_then(|s| Some((s, settled(s)?)));
    let low_trust = score
        .filter(|(_, d)| *d < Decimal::from(LOW_TRUST))
        .map(|(s, _)| s);
    let client_nps = t
        .side(Side::Client)
        .filter(|x| x.shown())
        .and_then(|x| x.nps)
        .filter(|n| *n < 0);
    let fall = t.previous.as_ref().and_then(|p| {
        let (now, now_d) = score?;
        let before = p.score?;
        let fell = settled(before)? - now_d;
        (fell >= Decimal::from(TRUST_FALL)).then_some((p.month, before, now))
    });
    (low_trust.is_some() || client_nps.is_some() || fall.is_some()).then_some(Watermelon {
        performance,
        low_trust,
        client_nps,
        fall,
    })
}

impl Watermelon {
    /// The triggers met, briefly: "trust 41, client NPS −25".
    pub fn brief(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.low_trust {
            parts.push(format!("trust {}", num(s)));
        }
        if let Some(n) = self.client_nps {
            parts.push(format!("client NPS {}", n.to_string().replace('-', "−")));
        }
        if let Some((_, before, now)) = self.fall {
            parts.push(format!("trust down {}", num(before - now)));
        }
        parts.join(", ")
    }

    /// The evidence, in sentences with the parties' names.
    pub fn evidence(&self, t: &Trust, parties: &Parties) -> Text {
        let mut parts: Vec<Arg> = Vec::new();
        if let Some(s) = self.low_trust {
            parts.push(
                Text::new("flag-watermelon-low-trust")
                    .with("score", num_arg(s))
                    .with("limit", LOW_TRUST)
                    .into(),
            );
        }
        if let Some(n) = self.client_nps {
            parts.push(
                Text::new("flag-watermelon-nps")
                    .with("party", &parties.client)
                    .with("possessive", super::words::possessive(&parties.client))
                    .with("nps", n.to_string().replace('-', "−"))
                    .into(),
            );
        }
        if let Some((before_month, before, now)) = self.fall {
            parts.push(
                Text::new("flag-watermelon-fall")
                    .with("before", num_arg(before))
                    .with("month", before_month)
                    .with("now", num_arg(now))
                    .with("fall", num_arg(before - now))
                    .into(),
            );
        }
        let month = match t.month {
            Some(m) => Arg::Month(m),
            None => Arg::Plain(String::new()),
        };
        Text::new("flag-watermelon-evidence")
            .with("performance", num_arg(self.performance))
            .with("green", GREEN_PERFORMANCE)
            .with("month", month)
            .with("parts", Arg::List(parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::survey::{Form, SideSurvey};
    use crate::analyse::testkit::{m, parties};
    use crate::analyse::trust::Previous;

    fn trust(score: Option<f64>, client_nps: Option<i64>, previous: Option<f64>) -> Trust {
        Trust {
            month: Some(m("2026-10")),
            dimensions: Vec::new(),
            mean_abs_gap: None,
            mean_answer: None,
            gap_limit: 1.0,
            history: Vec::new(),
            score,
            sides: vec![SideSurvey {
                side: Side::Client,
                form: Form::Responses,
                responses: 5,
                dimensions: Vec::new(),
                nps: client_nps,
                nps_answers: 5,
                comments: Vec::new(),
            }],
            previous: previous.map(|s| Previous {
                month: m("2026-07"),
                score: Some(s),
            }),
            nps_history: Vec::new(),
            floor: 3,
        }
    }

    #[test]
    fn low_trust_with_green_performance() {
        let t = trust(Some(49.9), Some(10), None);
        let w = judge(Some(75.0), &t).expect("75 is green, 49.9 below 50");
        assert_eq!(
            (w.low_trust, w.client_nps, w.fall),
            (Some(49.9), None, None)
        );
        assert_eq!(
            w.evidence(&t, &parties()).english(),
            "The performance score is 75 (75 or more), yet in the survey of October 2026 the \
             trust score is 49.9 (below 50)."
        );
        // Exactly 50 is not below 50; 74.99 is not green.
        assert_eq!(judge(Some(75.0), &trust(Some(50.0), Some(10), None)), None);
        assert_eq!(judge(Some(74.99), &t), None);
        assert_eq!(judge(None, &t), None, "no performance score, no warning");
        // A sum that binary floating point puts a hair under 75 is 75.
        assert!(judge(Some(74.999_999_999_999_99), &t).is_some());
    }

    #[test]
    fn a_client_nps_below_zero() {
        let t = trust(Some(80.0), Some(-1), None);
        let w = judge(Some(90.0), &t).unwrap();
        assert_eq!(w.client_nps, Some(-1));
        assert_eq!(
            w.evidence(&t, &parties()).english(),
            "The performance score is 90 (75 or more), yet in the survey of October 2026 Acme \
             Corp's NPS is −1."
        );
        assert_eq!(judge(Some(90.0), &trust(Some(80.0), Some(0), None)), None);
        assert_eq!(judge(Some(90.0), &trust(Some(80.0), None, None)), None);
    }

    #[test]
    fn a_fall_of_fifteen_or_more() {
        let t = trust(Some(60.0), None, Some(75.0));
        let w = judge(Some(100.0), &t).unwrap();
        assert_eq!(w.fall, Some((m("2026-07"), 75.0, 60.0)));
        assert_eq!(
            w.evidence(&t, &parties()).english(),
            "The performance score is 100 (75 or more), yet in the survey of October 2026 the \
             trust score fell from 75 in July 2026 to 60 (by 15)."
        );
        assert_eq!(
            judge(Some(100.0), &trust(Some(60.01), None, Some(75.0))),
            None
        );
        // A rise is no fall.
        assert_eq!(
            judge(Some(100.0), &trust(Some(90.0), None, Some(60.0))),
            None
        );
    }

    #[test]
    fn all_three_at_once_in_one_sentence() {
        let t = trust(Some(40.0), Some(-20), Some(70.0));
        let w = judge(Some(80.0), &t).unwrap();
        assert_eq!(w.brief(), "trust 40, client NPS −20, trust down 30");
        assert_eq!(
            w.evidence(&t, &parties()).english(),
            "The performance score is 80 (75 or more), yet in the survey of October 2026 the \
             trust score is 40 (below 50), Acme Corp's NPS is −20 and the trust score fell \
             from 70 in July 2026 to 40 (by 30)."
        );
    }
}
