//! Trust and perception gap: the latest relationship survey before the month
//! of `as_of`, the gap between the sides per dimension, and the trust score.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::exact::{Num, dec};
use super::survey::{self, Mean, SideSurvey};
use super::window::{MonthWindow, SERIES_MONTHS, periods_before, periods_in};
use super::words::{Parties, num_arg};
use crate::config::Config;
use crate::model::{Engagement, Month, Period, Side, SurveyScores};
use crate::text::{Arg, Text};

/// Points off per point of mean |gap|.
pub const GAP_PENALTY: f64 = 12.5;
/// Survey months of the NPS history.
pub const NPS_MONTHS: usize = 4;
/// Decimal places a survey figure is settled to before it is compared: a
/// mean of thirds is 3.3333333333 as a person writes it, not a binary
/// fraction (docs/metrics.md, "Surveys with respondents").
const PLACES: u32 = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionGap {
    pub dimension: String,
    /// The side's mean answer (its answer, in the agreed form).
    pub client: Option<f64>,
    pub provider: Option<f64>,
    /// client − provider, where both answered.
    pub gap: Option<f64>,
    /// |gap| ≥ `thresholds.perception_gap_flag`.
    pub flagged: bool,
}

/// The mean answer of each side in one month, for a history chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyMonth {
    pub month: Month,
    pub client_mean: Option<f64>,
    pub provider_mean: Option<f64>,
}

/// Each side's NPS in one survey month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpsMonth {
    pub month: Month,
    pub client: Option<i64>,
    pub provider: Option<i64>,
}

/// The survey month before the one used, and its trust score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Previous {
    pub month: Month,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trust {
    /// The month of the survey used; `None` without any survey.
    pub month: Option<Month>,
    /// The five dimensions in their fixed order.
    pub dimensions: Vec<DimensionGap>,
    pub mean_abs_gap: Option<f64>,
    /// Mean of every answered score (side mean) of both sides, 1..5.
    pub mean_answer: Option<f64>,
    pub gap_limit: f64,
    /// The last 12 months, oldest first (months without a survey left out).
    pub history: Vec<SurveyMonth>,
    pub score: Option<f64>,
    /// Each side that answered the survey used, client first: its means,
    /// spread, NPS, comments, or only its number below the floor.
    pub sides: Vec<SideSurvey>,
    pub previous: Option<Previous>,
    /// Each side's NPS in the last four survey months, oldest first; empty
    /// when no response ever gave one.
    pub nps_history: Vec<NpsMonth>,
    /// `survey.min_responses`: a side with fewer is shown as "fewer than
    /// this many responses".
    pub floor: usize,
}

/// A month's survey as the sides that answered it; `None` when no side
/// can be shown with an answer (not a survey month).
fn survey_month(p: &Period) -> Option<Vec<SideSurvey>> {
    let s = p.survey.as_ref()?;
    let sides: Vec<SideSurvey> = [Side::Client, Side::Provider]
        .into_iter()
        .filter_map(|side| survey::side(s, side))
        .collect();
    sides
        .iter()
        .any(|x| x.shown() && x.answered())
        .then_some(sides)
}

fn of(sides: &[SideSurvey], side: Side) -> Option<&SideSurvey> {
    sides.iter().find(|x| x.side == side && x.shown())
}

fn means(sides: &[SideSurvey], side: Side) -> [Option<Mean>; 5] {
    let mut out = [None; 5];
    if let Some(x) = of(sides, side) {
        for (o, d) in out.iter_mut().zip(&x.dimensions) {
            *o = d.mean;
        }
    }
    out
}

fn settle(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(PLACES, RoundingStrategy::MidpointAwayFromZero)
}

fn to_f64(d: Decimal) -> f64 {
    Num::Dec(d).to_f64()
}

fn dec_mean(values: &[Decimal]) -> Option<Decimal> {
    (!values.is_empty())
        .then(|| values.iter().sum::<Decimal>() / Decimal::from(values.len() as u64))
}

/// The score of a month's sides: gaps per dimension, the mean |gap|, the
/// mean answer and the trust score, in exact decimals.
struct Scored {
    dimensions: Vec<DimensionGap>,
    mean_abs_gap: Option<f64>,
    mean_answer: Option<f64>,
    score: Option<f64>,
}

fn score(sides: &[SideSurvey], gap_limit: f64) -> Scored {
    let (client, provider) = (means(sides, Side::Client), means(sides, Side::Provider));
    let limit = dec(gap_limit).map_or(Num::Float(gap_limit), Num::Dec);
    let mut gaps = Vec::new();
    let dimensions = SurveyScores::DIMENSIONS
        .iter()
        .zip(client.iter().zip(&provider))
        .map(|(name, (c, p))| {
            let gap = c.zip(*p).map(|(c, p)| settle(c.exact() - p.exact()));
            gaps.extend(gap.map(|g| g.abs()));
            DimensionGap {
                dimension: name.to_string(),
                client: c.map(Mean::value),
                provider: p.map(Mean::value),
                gap: gap.map(to_f64),
                flagged: gap.is_some_and(|g| Num::Dec(g.abs()).ge(limit)),
            }
        })
        .collect();
    let all: Vec<Decimal> = client
        .iter()
        .chain(&provider)
        .flatten()
        .map(|m| m.exact())
        .collect();
    let mean_abs_gap = dec_mean(&gaps);
    let mean_answer = dec_mean(&all);
    let mapped: Vec<Decimal> = all
        .iter()
        .map(|m| (m - Decimal::ONE) * Decimal::from(25))
        .collect();
    let penalty = Decimal::new(125, 1) * mean_abs_gap.unwrap_or_default();
    let score = dec_mean(&mapped).map(|m| {
        settle(m - penalty)
            .max(Decimal::ZERO)
            .min(Decimal::from(100))
    });
    Scored {
        dimensions,
        mean_abs_gap: mean_abs_gap.map(|g| to_f64(settle(g))),
        mean_answer: mean_answer.map(|m| to_f64(settle(m))),
        score: score.map(to_f64),
    }
}

pub fn analyse_trust(e: &Engagement, config: &Config, as_of: NaiveDate) -> Trust {
    let gap_limit = config.thresholds.perception_gap_flag;
    let floor = config.survey.min_responses;
    let history = periods_in(&e.periods, MonthWindow::last_months(as_of, SERIES_MONTHS))
        .filter_map(|p| {
            let sides = survey_month(p)?;
            Some(SurveyMonth {
                month: p.period,
                client_mean: of(&sides, Side::Client).and_then(SideSurvey::overall),
                provider_mean: of(&sides, Side::Provider).and_then(SideSurvey::overall),
            })
        })
        .collect();
    // Newest first: the survey used, the one before it, and so on.
    let mut months =
        periods_before(&e.periods, as_of).filter_map(|p| Some((p.period, survey_month(p)?)));
    let Some((month, sides)) = months.next() else {
        return Trust {
            month: None,
            dimensions: Vec::new(),
            mean_abs_gap: None,
            mean_answer: None,
            gap_limit,
            history,
            score: None,
            sides: Vec::new(),
            previous: None,
            nps_history: Vec::new(),
            floor,
        };
    };
    let earlier: Vec<(Month, Vec<SideSurvey>)> = months.take(NPS_MONTHS - 1).collect();
    let previous = earlier.first().map(|(m, sides)| Previous {
        month: *m,
        score: score(sides, gap_limit).score,
    });
    let nps = |sides: &[SideSurvey], side| of(sides, side).and_then(|x| x.nps);
    let mut nps_history: Vec<NpsMonth> = std::iter::once((month, &sides))
        .chain(earlier.iter().map(|(m, s)| (*m, s)))
        .map(|(m, s)| NpsMonth {
            month: m,
            client: nps(s, Side::Client),
            provider: nps(s, Side::Provider),
        })
        .collect();
    nps_history.reverse();
    if nps_history
        .iter()
        .all(|n| n.client.is_none() && n.provider.is_none())
    {
        nps_history.clear();
    }
    let scored = score(&sides, gap_limit);
    Trust {
        month: Some(month),
        dimensions: scored.dimensions,
        mean_abs_gap: scored.mean_abs_gap,
        mean_answer: scored.mean_answer,
        gap_limit,
        history,
        score: scored.score,
        sides,
        previous,
        nps_history,
        floor,
    }
}

impl Trust {
    pub fn flagged(&self) -> impl Iterator<Item = &DimensionGap> {
        self.dimensions.iter().filter(|d| d.flagged)
    }

    /// The side's figures in the survey used, if it answered (below the
    /// floor included).
    pub fn side(&self, side: Side) -> Option<&SideSurvey> {
        self.sides.iter().find(|x| x.side == side)
    }

    /// Why the score is what it is, in sentences.
    pub fn reasons(&self, parties: &Parties) -> Vec<Text> {
        let (Some(month), Some(answer)) = (self.month, self.mean_answer) else {
            return vec![Text::new("flag-trust-no-survey")];
        };
        let sides = match (
            self.dimensions.iter().any(|d| d.client.is_some()),
            self.dimensions.iter().any(|d| d.provider.is_some()),
        ) {
            (true, true) => Text::new("flag-trust-both-sides"),
            (true, false) => Text::new("flag-trust-side-only").with("party", &parties.client),
            _ => Text::new("flag-trust-side-only").with("party", &parties.provider),
        };
        let mut reasons = vec![
            Text::new("flag-trust-survey")
                .with("month", month)
                .with("sides", sides)
                .with("answer", num_arg(answer)),
        ];
        reasons.extend(
            self.sides
                .iter()
                .filter(|x| !x.shown())
                .map(|x| Text::new("flag-trust-below-floor").with("party", parties.name(x.side))),
        );
        match self.mean_abs_gap {
            Some(0.0) => reasons.push(Text::new("flag-trust-same-answers")),
            Some(gap) => reasons.push(
                Text::new("flag-trust-gap")
                    .with("gap", points(gap))
                    .with("penalty", num_arg(GAP_PENALTY * gap)),
            ),
            None => reasons.push(Text::new("flag-trust-no-gap")),
        }
        reasons.extend(
            self.gaps_wording(parties)
                .map(|gaps| Text::new("flag-trust-differ").with("gaps", gaps)),
        );
        reasons
    }

    /// "1 point or more on trust (Brightline Energy 2, Fenwick Contact
    /// Solutions 4) and goals (2 and 4)": the flagged gaps, client first.
    pub fn gaps_wording(&self, parties: &Parties) -> Option<Text> {
        let gaps: Vec<Arg> = self
            .flagged()
            .enumerate()
            .map(|(i, d)| {
                let (c, p) = (
                    num_arg(d.client.unwrap_or(0.0)),
                    num_arg(d.provider.unwrap_or(0.0)),
                );
                let gap = if i == 0 {
                    Text::new("flag-trust-gap-named")
                        .with("client", &parties.client)
                        .with("provider", &parties.provider)
                } else {
                    Text::new("flag-trust-gap-answers")
                };
                gap.with("dimension", &d.dimension)
                    .with("client_answer", c)
                    .with("provider_answer", p)
                    .into()
            })
            .collect();
        if gaps.is_empty() {
            return None;
        }
        Some(
            Text::new("flag-trust-gaps")
                .with("limit", points(self.gap_limit))
                .with("gaps", Arg::List(gaps)),
        )
    }
}

/// `1 point`, `1.2 points`.
fn points(x: f64) -> Text {
    if x == 1.0 {
        Text::new("flag-one-point")
    } else {
        Text::new("flag-points").with("points", num_arg(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement, m, parties, period_mut, scores, set_survey};
    use crate::model::{Survey, SurveyResponse};

    fn analyse(e: &Engagement, as_of: &str) -> Trust {
        analyse_trust(e, &Config::default(), d(as_of))
    }

    #[test]
    fn gaps_where_both_answered_and_the_score() {
        let mut e = engagement();
        set_survey(
            &mut e,
            "2026-09",
            Some(scores([Some(4), Some(3), Some(4), Some(4), None])),
            Some(scores([Some(2), Some(3), Some(5), None, Some(5)])),
        );
        let t = analyse(&e, "2026-11-01");
        assert_eq!(t.month, Some(m("2026-09")));
        let gaps: Vec<_> = t.dimensions.iter().map(|d| (d.gap, d.flagged)).collect();
        assert_eq!(
            gaps,
            vec![
                (Some(2.0), true),
                (Some(0.0), false),
                (Some(-1.0), true),
                (None, false),
                (None, false)
            ]
        );
        // mean |gap| = (2 + 0 + 1) / 3 = 1
        assert_eq!(t.mean_abs_gap, Some(1.0));
        // answers 4,3,4,4,2,3,5,5 → mapped 75,50,75,75,25,50,100,100 → 68.75; − 12.5 = 56.25
        assert_eq!(t.score, Some(56.25));
        assert_eq!(t.mean_answer, Some(3.75));
        let r = crate::analyse::testkit::english(&t.reasons(&parties()));
        assert_eq!(
            r[0],
            "In the survey of September 2026, answered by both sides, the mean answer was 3.75 \
             out of 5."
        );
        assert_eq!(
            r[1],
            "The two sides' answers differ by 1 point on average (−12.5)."
        );
        assert_eq!(
            r[2],
            "They differ by 1 point or more on trust (Acme Corp 4, BPSource 2) and \
             collaboration (4 and 5)."
        );
        assert_eq!(t.flagged().count(), 2);
    }

    #[test]
    fn one_side_only_has_no_gap_and_no_penalty() {
        let mut e = engagement();
        set_survey(
            &mut e,
            "2026-10",
            Some(scores([Some(5), Some(3), None, None, None])),
            None,
        );
        let t = analyse(&e, "2026-11-30");
        assert_eq!(t.mean_abs_gap, None);
        // (100 + 50) / 2 = 75
        assert_eq!(t.score, Some(75.0));
        assert!(
            t.reasons(&parties())[0]
                .english()
                .contains("answered by Acme Corp only")
        );
        assert_eq!(
            t.reasons(&parties())[1].english(),
            "No question was answered by both sides, so there is no perception gap."
        );
    }

    #[test]
    fn the_latest_survey_before_the_month_of_as_of() {
        let mut e = engagement();
        let all = |s| Some(scores([Some(s); 5]));
        set_survey(&mut e, "2025-01", all(1), all(1)); // old but usable
        set_survey(&mut e, "2026-10", None, Some(SurveyScores::default())); // empty: skipped
        set_survey(&mut e, "2026-11", all(5), all(5)); // in progress: skipped
        let t = analyse(&e, "2026-11-15");
        assert_eq!(t.month, Some(m("2025-01")));
        assert_eq!(t.score, Some(0.0));
        assert!(t.history.is_empty(), "2025-01 is older than 12 months");
    }

    #[test]
    fn score_is_clamped_at_zero() {
        let mut e = engagement();
        set_survey(
            &mut e,
            "2026-10",
            Some(scores([Some(1); 5])),
            Some(scores([Some(5), Some(1), Some(1), Some(1), Some(1)])),
        );
        // mapped mean (0×9 + 100) / 10 = 10; gap mean 4/5 = 0.8 → −10 → 0
        assert_eq!(analyse(&e, "2026-11-15").score, Some(0.0));
    }

    #[test]
    fn no_survey_is_no_data() {
        let t = analyse(&engagement(), "2026-11-15");
        assert_eq!((t.month, t.score), (None, None));
        assert_eq!(
            crate::analyse::testkit::english(&t.reasons(&parties())),
            vec!["No relationship survey has been answered yet."]
        );
    }

    #[test]
    fn history_lists_each_sides_mean() {
        let mut e = engagement();
        set_survey(
            &mut e,
            "2026-06",
            Some(scores([Some(4), Some(2), None, None, None])),
            None,
        );
        let t = analyse(&e, "2026-11-15");
        assert_eq!(
            t.history,
            vec![SurveyMonth {
                month: m("2026-06"),
                client_mean: Some(3.0),
                provider_mean: None
            }]
        );
    }

    fn response(side: Side, trust: u8, communication: u8, nps: Option<u8>) -> SurveyResponse {
        SurveyResponse {
            side,
            role: None,
            trust: Some(trust),
            communication: Some(communication),
            collaboration: None,
            respect: None,
            goals: None,
            nps,
            comment: None,
            audience: None,
        }
    }

    /// A month of responses, through the privacy floor as a build scopes it.
    fn set_responses(e: &mut Engagement, month: &str, responses: Vec<SurveyResponse>) {
        period_mut(e, month).survey = Some(Survey {
            responses,
            ..Survey::default()
        });
        let floor = Config::default().survey.min_responses;
        *e = crate::scope::Scope::internal()
            .engagement(e.clone(), floor)
            .unwrap();
    }

    #[test]
    fn side_means_of_thirds_make_an_exact_gap_and_score() {
        let mut e = engagement();
        // Client trust 4, 5, 4 = 13/3; provider 3, 4, 3 = 10/3: a gap of
        // exactly 1, flagged. Communication 3, 3, 3 and 3, 3, 3: none.
        set_responses(
            &mut e,
            "2026-10",
            vec![
                response(Side::Client, 4, 3, Some(9)),
                response(Side::Client, 5, 3, Some(10)),
                response(Side::Client, 4, 3, Some(6)),
                response(Side::Provider, 3, 3, None),
                response(Side::Provider, 4, 3, None),
                response(Side::Provider, 3, 3, None),
            ],
        );
        let t = analyse(&e, "2026-11-15");
        assert_eq!(t.dimensions[0].gap, Some(1.0));
        assert!(t.dimensions[0].flagged);
        assert_eq!(t.dimensions[1].gap, Some(0.0));
        // mapped: trust (13/3 − 1) × 25 = 83.33…, (10/3 − 1) × 25 = 58.33…,
        // communication 50 and 50: mean 60.4166…; mean |gap| 0.5 → −6.25
        // = 54.1666666667 (settled to 10 places).
        assert_eq!(t.score, Some(54.1666666667));
        assert_eq!(t.side(Side::Client).unwrap().nps, Some(33));
        assert_eq!(t.side(Side::Provider).unwrap().nps, None);
        assert_eq!(
            t.nps_history,
            vec![NpsMonth {
                month: m("2026-10"),
                client: Some(33),
                provider: None
            }]
        );
    }

    #[test]
    fn a_side_below_the_floor_is_left_out_of_the_score_and_the_gaps() {
        let mut e = engagement();
        set_responses(
            &mut e,
            "2026-10",
            vec![
                response(Side::Client, 4, 4, Some(9)),
                response(Side::Client, 4, 4, Some(9)),
                response(Side::Client, 4, 4, Some(9)),
                response(Side::Provider, 1, 1, Some(0)),
                response(Side::Provider, 1, 1, Some(0)),
            ],
        );
        let t = analyse(&e, "2026-11-15");
        assert_eq!(t.month, Some(m("2026-10")));
        // The client alone: (4 − 1) × 25 = 75, no gap.
        assert_eq!((t.score, t.mean_abs_gap), (Some(75.0), None));
        assert!(t.dimensions.iter().all(|d| d.provider.is_none()));
        let p = t.side(Side::Provider).unwrap();
        assert_eq!(
            (p.form, p.nps, p.responses),
            (survey::Form::BelowFloor, None, 0)
        );
        assert!(
            t.reasons(&parties())[1]
                .english()
                .contains("fewer responses than the privacy floor")
        );
    }

    #[test]
    fn a_month_with_no_side_shown_is_not_a_survey_month() {
        let mut e = engagement();
        let all = |s| Some(scores([Some(s); 5]));
        set_survey(&mut e, "2026-08", all(5), all(5));
        set_responses(
            &mut e,
            "2026-09",
            vec![
                response(Side::Client, 3, 3, Some(9)),
                response(Side::Client, 3, 3, Some(9)),
                response(Side::Client, 3, 3, Some(9)),
            ],
        );
        // October: two of each side, both below the floor of 3.
        set_responses(
            &mut e,
            "2026-10",
            vec![
                response(Side::Client, 1, 1, Some(0)),
                response(Side::Client, 1, 1, Some(0)),
                response(Side::Provider, 1, 1, Some(0)),
            ],
        );
        let t = analyse(&e, "2026-11-15");
        assert_eq!(t.month, Some(m("2026-09")));
        assert_eq!(t.score, Some(50.0));
        // The previous survey month is August, whose score was 100.
        assert_eq!(
            t.previous,
            Some(Previous {
                month: m("2026-08"),
                score: Some(100.0)
            })
        );
        let months: Vec<Month> = t.history.iter().map(|h| h.month).collect();
        assert_eq!(months, vec![m("2026-08"), m("2026-09")]);
        // August's agreed answers have no NPS: a gap in the history.
        assert_eq!(
            t.nps_history,
            vec![
                NpsMonth {
                    month: m("2026-08"),
                    client: None,
                    provider: None
                },
                NpsMonth {
                    month: m("2026-09"),
                    client: Some(100),
                    provider: None
                }
            ]
        );
    }
}
