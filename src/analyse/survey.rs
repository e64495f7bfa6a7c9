//! One month's survey as each side's figures (docs/metrics.md, "Surveys
//! with respondents"): per dimension the side's mean and the spread of its
//! answers, its NPS, how many answered, and its comments. The model it
//! reads has been through the privacy floor (`scope::privacy`): a side below
//! it holds no response, only their number, and is shown as such.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Side, Survey, SurveyScores};

/// An NPS answer from this up is a promoter's.
pub const PROMOTER: u8 = 9;
/// An NPS answer up to this is a detractor's.
pub const DETRACTOR: u8 = 6;

/// The mean of a side's answers to one question, kept as the sum and the
/// count so that gaps and scores are computed exactly; written out as its
/// value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mean {
    pub sum: u32,
    pub count: u32,
}

impl Serialize for Mean {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.value())
    }
}

impl Mean {
    pub fn exact(self) -> Decimal {
        Decimal::from(self.sum) / Decimal::from(self.count.max(1))
    }

    pub fn value(self) -> f64 {
        f64::from(self.sum) / f64::from(self.count.max(1))
    }
}

/// A side's answers to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideDimension {
    pub mean: Option<Mean>,
    /// The lowest and the highest answer, with individual responses.
    pub low: Option<u8>,
    pub high: Option<u8>,
}

/// How a side answered a month's survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// One answer agreed by the side (`survey.client:`), not subject to the floor.
    Agreed,
    /// Individual responses, at least the floor.
    Responses,
    /// Fewer responses than the floor: only their number is known.
    BelowFloor,
}

/// One side's figures in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideSurvey {
    pub side: Side,
    pub form: Form,
    /// The responses counted: 0 for an agreed answer, and 0 below the
    /// floor, whose number is not told ("fewer than 3").
    pub responses: usize,
    /// In the order of `SurveyScores::DIMENSIONS`; empty below the floor.
    pub dimensions: Vec<SideDimension>,
    /// % promoters − % detractors, whole, half away from zero; `None`
    /// without an `nps` answer.
    pub nps: Option<i64>,
    pub nps_answers: usize,
    /// Trimmed, sorted by text: neither who wrote them nor in what order.
    pub comments: Vec<String>,
}

impl SideSurvey {
    pub fn shown(&self) -> bool {
        self.form != Form::BelowFloor
    }

    /// Answered at least one score or NPS question.
    pub fn answered(&self) -> bool {
        self.nps.is_some() || self.dimensions.iter().any(|d| d.mean.is_some())
    }

    /// The mean of the side's dimension means.
    pub fn overall(&self) -> Option<f64> {
        super::stats::mean(
            self.dimensions
                .iter()
                .filter_map(|d| d.mean.map(Mean::value)),
        )
    }
}

/// NPS of `answers` (each 0..10): whole, half away from zero (200/3 → 67).
pub fn nps(answers: impl IntoIterator<Item = u8>) -> Option<i64> {
    let (mut n, mut net) = (0i64, 0i64);
    for a in answers {
        n += 1;
        if a >= PROMOTER {
            net += 1;
        } else if a <= DETRACTOR {
            net -= 1;
        }
    }
    if n == 0 {
        return None;
    }
    let x = net * 100;
    Some(x.signum() * ((x.abs() * 2 + n) / (2 * n)))
}

/// A side's figures in `s`; `None` when it did not answer at all.
pub fn side(s: &Survey, side: Side) -> Option<SideSurvey> {
    let withheld = match side {
        Side::Client => s.withheld.client,
        Side::Provider => s.withheld.provider,
    };
    if withheld > 0 {
        return Some(SideSurvey {
            side,
            form: Form::BelowFloor,
            responses: 0,
            dimensions: Vec::new(),
            nps: None,
            nps_answers: 0,
            comments: Vec::new(),
        });
    }
    let agreed = match side {
        Side::Client => s.client.as_ref(),
        Side::Provider => s.provider.as_ref(),
    };
    if let Some(scores) = agreed.filter(|_| s.responses.is_empty()) {
        return Some(SideSurvey {
            side,
            form: Form::Agreed,
            responses: 0,
            dimensions: scores
                .by_dimension()
                .iter()
                .map(|a| SideDimension {
                    mean: a.map(|a| Mean {
                        sum: u32::from(a),
                        count: 1,
                    }),
                    low: None,
                    high: None,
                })
                .collect(),
            nps: None,
            nps_answers: 0,
            comments: Vec::new(),
        });
    }
    let responses: Vec<_> = s.responses.iter().filter(|r| r.side == side).collect();
    if responses.is_empty() {
        return None;
    }
    let dimensions = (0..SurveyScores::DIMENSIONS.len())
        .map(|i| {
            let answers: Vec<u8> = responses
                .iter()
                .filter_map(|r| r.by_dimension()[i])
                .collect();
            SideDimension {
                mean: (!answers.is_empty()).then(|| Mean {
                    sum: answers.iter().map(|a| u32::from(*a)).sum(),
                    count: answers.len() as u32,
                }),
                low: answers.iter().min().copied(),
                high: answers.iter().max().copied(),
            }
        })
        .collect();
    let nps_answers: Vec<u8> = responses.iter().filter_map(|r| r.nps).collect();
    let mut comments: Vec<String> = responses
        .iter()
        .filter_map(|r| r.comment.as_deref())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    comments.sort();
    Some(SideSurvey {
        side,
        form: Form::Responses,
        responses: responses.len(),
        dimensions,
        nps: nps(nps_answers.iter().copied()),
        nps_answers: nps_answers.len(),
        comments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Audience, SurveyResponse, Withheld};

    fn response(side: Side, scores: [Option<u8>; 5], nps: Option<u8>) -> SurveyResponse {
        SurveyResponse {
            side,
            role: None,
            trust: scores[0],
            communication: scores[1],
            collaboration: scores[2],
            respect: scores[3],
            goals: scores[4],
            nps,
            comment: None,
            audience: Some(Audience::Shared),
        }
    }

    fn with(responses: Vec<SurveyResponse>) -> Survey {
        Survey {
            responses,
            ..Survey::default()
        }
    }

    #[test]
    fn nps_of_promoters_detractors_and_passives() {
        assert_eq!(nps([9, 10, 10]), Some(100), "all promoters");
        assert_eq!(nps([0, 6, 3, 5]), Some(-100), "all detractors");
        assert_eq!(nps([7, 8]), Some(0), "all passives");
        assert_eq!(nps([]), None, "no nps answers");
        // 2 promoters of 3: 200/3 = 66.67 → 67; the mirror → −67.
        assert_eq!(nps([9, 10, 7]), Some(67));
        assert_eq!(nps([1, 2, 7]), Some(-67));
        // 1 of 8 net: 12.5 → 13, half away from zero; −12.5 → −13.
        assert_eq!(nps([9, 7, 7, 7, 7, 7, 7, 7]), Some(13));
        assert_eq!(nps([6, 7, 7, 7, 7, 7, 7, 7]), Some(-13));
        // 1 of 3 net: 33.3 → 33.
        assert_eq!(nps([10, 8, 8]), Some(33));
    }

    #[test]
    fn means_spread_nps_and_comments_of_a_side() {
        let mut r = vec![
            response(Side::Client, [Some(4), Some(3), None, None, None], Some(9)),
            response(Side::Client, [Some(2), None, None, None, None], Some(6)),
            response(Side::Client, [Some(5), Some(4), None, None, None], Some(10)),
            response(Side::Provider, [Some(1); 5], None),
        ];
        r[0].comment = Some("  zebra crossing ".into());
        r[2].comment = Some("apples".into());
        let c = side(&with(r.clone()), Side::Client).unwrap();
        assert_eq!(c.form, Form::Responses);
        assert_eq!(c.responses, 3);
        // trust 4, 2, 5: mean 11/3, spread 2..5
        let trust = &c.dimensions[0];
        assert_eq!(trust.mean, Some(Mean { sum: 11, count: 3 }));
        assert_eq!((trust.low, trust.high), (Some(2), Some(5)));
        // communication answered twice: 3, 4 → 3.5
        assert_eq!(c.dimensions[1].mean.map(Mean::value), Some(3.5));
        assert_eq!(
            c.dimensions[2],
            SideDimension {
                mean: None,
                low: None,
                high: None
            }
        );
        // 9, 6, 10: 2 promoters, 1 detractor of 3 → 33
        assert_eq!((c.nps, c.nps_answers), (Some(33), 3));
        assert_eq!(c.comments, vec!["apples", "zebra crossing"]);
        let p = side(&with(r), Side::Provider).unwrap();
        assert_eq!((p.nps, p.nps_answers), (None, 0), "no nps answers");
        assert_eq!(p.overall(), Some(1.0));
    }

    #[test]
    fn below_the_floor_is_a_count_only() {
        let s = Survey {
            withheld: Withheld {
                client: 2,
                provider: 0,
            },
            ..Survey::default()
        };
        let c = side(&s, Side::Client).unwrap();
        assert_eq!(
            (c.form, c.responses, c.shown()),
            (Form::BelowFloor, 0, false)
        );
        assert!(c.dimensions.is_empty() && c.nps.is_none() && c.comments.is_empty());
        assert_eq!(side(&s, Side::Provider), None);
    }

    #[test]
    fn an_agreed_answer_is_its_own_mean() {
        let s = Survey {
            client: Some(SurveyScores {
                trust: Some(4),
                ..SurveyScores::default()
            }),
            ..Survey::default()
        };
        let c = side(&s, Side::Client).unwrap();
        assert_eq!(c.form, Form::Agreed);
        assert_eq!(c.dimensions[0].mean, Some(Mean { sum: 4, count: 1 }));
        assert_eq!(c.dimensions[0].low, None);
    }
}
