//! Trust and perception gap: the latest relationship survey before the month
//! of `as_of`, the gap between the sides per dimension, and the trust score.

use chrono::NaiveDate;
use serde::Serialize;

use super::stats::{clamp_score, mean};
use super::window::{MonthWindow, SERIES_MONTHS, periods_before, periods_in};
use super::words::{Parties, num};
use crate::config::Thresholds;
use crate::model::{Engagement, Month, Survey, SurveyScores};

/// Points off per point of mean |gap|.
pub const GAP_PENALTY: f64 = 12.5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionGap {
    pub dimension: String,
    pub client: Option<u8>,
    pub provider: Option<u8>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trust {
    /// The month of the survey used; `None` without any survey.
    pub month: Option<Month>,
    /// The five dimensions in their fixed order.
    pub dimensions: Vec<DimensionGap>,
    pub mean_abs_gap: Option<f64>,
    /// Mean of every answered score of both sides, 1..5.
    pub mean_answer: Option<f64>,
    pub gap_limit: f64,
    /// The last 12 months, oldest first (months without a survey left out).
    pub history: Vec<SurveyMonth>,
    pub score: Option<f64>,
}

fn answers(scores: Option<&SurveyScores>) -> [Option<u8>; 5] {
    scores.map_or([None; 5], SurveyScores::by_dimension)
}

fn side_mean(scores: Option<&SurveyScores>) -> Option<f64> {
    mean(answers(scores).into_iter().flatten().map(f64::from))
}

/// A survey counts when at least one side answered at least one question.
fn answered(survey: &Survey) -> bool {
    answers(survey.client.as_ref())
        .into_iter()
        .chain(answers(survey.provider.as_ref()))
        .any(|a| a.is_some())
}

pub fn analyse_trust(e: &Engagement, thresholds: &Thresholds, as_of: NaiveDate) -> Trust {
    let gap_limit = thresholds.perception_gap_flag;
    let history = periods_in(&e.periods, MonthWindow::last_months(as_of, SERIES_MONTHS))
        .filter_map(|p| {
            let s = p.survey.as_ref().filter(|s| answered(s))?;
            Some(SurveyMonth {
                month: p.period,
                client_mean: side_mean(s.client.as_ref()),
                provider_mean: side_mean(s.provider.as_ref()),
            })
        })
        .collect();
    let latest = periods_before(&e.periods, as_of)
        .find_map(|p| Some((p.period, p.survey.as_ref().filter(|s| answered(s))?)));
    let Some((month, survey)) = latest else {
        return Trust {
            month: None,
            dimensions: Vec::new(),
            mean_abs_gap: None,
            mean_answer: None,
            gap_limit,
            history,
            score: None,
        };
    };
    let client = answers(survey.client.as_ref());
    let provider = answers(survey.provider.as_ref());
    let dimensions: Vec<DimensionGap> = SurveyScores::DIMENSIONS
        .iter()
        .zip(client.into_iter().zip(provider))
        .map(|(name, (c, p))| {
            let gap = c.zip(p).map(|(c, p)| f64::from(c) - f64::from(p));
            DimensionGap {
                dimension: name.to_string(),
                client: c,
                provider: p,
                gap,
                flagged: gap.is_some_and(|g| g.abs() >= gap_limit),
            }
        })
        .collect();
    let mean_abs_gap = mean(dimensions.iter().filter_map(|d| d.gap).map(f64::abs));
    let all = client.into_iter().chain(provider).flatten().map(f64::from);
    let mean_answer = mean(all.clone());
    let mapped = mean(all.map(|s| (s - 1.0) * 25.0));
    let score = mapped.map(|m| clamp_score(m - GAP_PENALTY * mean_abs_gap.unwrap_or(0.0)));
    Trust {
        month: Some(month),
        dimensions,
        mean_abs_gap,
        mean_answer,
        gap_limit,
        history,
        score,
    }
}

impl Trust {
    pub fn flagged(&self) -> impl Iterator<Item = &DimensionGap> {
        self.dimensions.iter().filter(|d| d.flagged)
    }

    /// Why the score is what it is, in sentences.
    pub fn reasons(&self, parties: &Parties) -> Vec<String> {
        let (Some(month), Some(answer)) = (self.month, self.mean_answer) else {
            return vec!["No relationship survey has been answered yet.".to_string()];
        };
        let sides = match (
            self.dimensions.iter().any(|d| d.client.is_some()),
            self.dimensions.iter().any(|d| d.provider.is_some()),
        ) {
            (true, true) => "both sides".to_string(),
            (true, false) => format!("{} only", parties.client),
            _ => format!("{} only", parties.provider),
        };
        let mut reasons = vec![format!(
            "In the survey of {}, answered by {sides}, the mean answer was {} out of 5.",
            crate::format::month(month),
            num(answer)
        )];
        match self.mean_abs_gap {
            Some(0.0) => reasons.push(
                "The two sides gave the same answer to every question both answered.".to_string(),
            ),
            Some(gap) => reasons.push(format!(
                "The two sides' answers differ by {} on average (−{}).",
                points(gap),
                num(GAP_PENALTY * gap)
            )),
            None => reasons.push(
                "No question was answered by both sides, so there is no perception gap."
                    .to_string(),
            ),
        }
        reasons.extend(
            self.gaps_wording(parties)
                .map(|gaps| format!("They differ by {gaps}.")),
        );
        reasons
    }

    /// "1 point or more on trust (Brightline Energy 2, Fenwick Contact
    /// Solutions 4) and goals (2 and 4)": the flagged gaps, client first.
    pub fn gaps_wording(&self, parties: &Parties) -> Option<String> {
        let gaps: Vec<String> = self
            .flagged()
            .enumerate()
            .map(|(i, d)| {
                let (c, p) = (d.client.unwrap_or(0), d.provider.unwrap_or(0));
                if i == 0 {
                    format!(
                        "{} ({} {c}, {} {p})",
                        d.dimension, parties.client, parties.provider
                    )
                } else {
                    format!("{} ({c} and {p})", d.dimension)
                }
            })
            .collect();
        if gaps.is_empty() {
            return None;
        }
        Some(format!(
            "{} or more on {}",
            points(self.gap_limit),
            crate::format::and_list(&gaps)
        ))
    }
}

/// `1 point`, `1.2 points`.
fn points(x: f64) -> String {
    if x == 1.0 {
        "1 point".to_string()
    } else {
        format!("{} points", num(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement, m, parties, scores, set_survey};

    fn analyse(e: &Engagement, as_of: &str) -> Trust {
        analyse_trust(e, &Thresholds::default(), d(as_of))
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
        let r = t.reasons(&parties());
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
        assert!(t.reasons(&parties())[0].contains("answered by Acme Corp only"));
        assert_eq!(
            t.reasons(&parties())[1],
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
            t.reasons(&parties()),
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
}
