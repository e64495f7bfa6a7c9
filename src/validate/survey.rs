//! Checks of a period's `survey` (docs/check.md, "Surveys"): one form per
//! period (the sides' agreed answers or individual responses), scores
//! 1..5 and `nps` 0..10 as whole numbers, and a response that answers
//! something. The side names are the values of `Side`, which the parser
//! holds.

use super::Finding;
use crate::diagnostic::Severity;
use crate::model::{Period, SurveyScores};

fn finding(p: &Period, severity: Severity, path: String, message: String) -> Finding {
    Finding::in_period(p, severity, &path, message)
}

pub(super) fn period(p: &Period, out: &mut Vec<Finding>) {
    let Some(s) = &p.survey else { return };
    let mut error = |path: String, message: String| {
        out.push(finding(p, Severity::Error, path, message));
    };
    if !s.responses.is_empty() {
        for side in [("client", &s.client), ("provider", &s.provider)]
            .iter()
            .filter(|(_, scores)| scores.is_some())
            .map(|(side, _)| side)
        {
            error(
                format!("survey.{side}"),
                format!(
                    "this survey lists `responses:` and also `{side}:`: a month's survey is \
                     either each side's agreed answer or individual responses; move the \
                     {side}'s answer into `responses:` (with `side: {side}`) or remove one form"
                ),
            );
        }
    }
    for (side, scores) in [("client", &s.client), ("provider", &s.provider)] {
        let Some(scores) = scores else { continue };
        for (dim, v) in SurveyScores::DIMENSIONS.iter().zip(scores.by_dimension()) {
            if let Some(v) = v.filter(|v| !(1..=5).contains(v)) {
                error(
                    format!("survey.{side}.{dim}"),
                    format!("survey score {v} is out of range: use a whole number from 1 to 5"),
                );
            }
        }
    }
    for (i, r) in s.responses.iter().enumerate() {
        for (dim, v) in SurveyScores::DIMENSIONS.iter().zip(r.by_dimension()) {
            if let Some(v) = v.filter(|v| !(1..=5).contains(v)) {
                error(
                    format!("survey.responses.{i}.{dim}="),
                    format!("survey score {v} is out of range: use a whole number from 1 to 5"),
                );
            }
        }
        if let Some(v) = r.nps.filter(|v| *v > 10) {
            error(
                format!("survey.responses.{i}.nps="),
                format!(
                    "nps {v} is out of range: use a whole number from 0 (not at all likely to \
                     recommend) to 10 (extremely likely)"
                ),
            );
        }
        if r.by_dimension().iter().all(Option::is_none)
            && r.nps.is_none()
            && r.comment.as_deref().is_none_or(|c| c.trim().is_empty())
        {
            error(
                format!("survey.responses.{i}"),
                "this response answers nothing: give at least one score (trust, \
                 communication, collaboration, respect, goals), an nps or a comment, or remove \
                 it"
                .into(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn said(text: &str) -> Vec<(usize, usize, String)> {
        let period = crate::yaml::from_str(text).expect("a period");
        crate::validate::validate_period(Path::new("periods/2026-10.yaml"), text, period, &[])
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn one_form_per_period_and_every_answer_in_range() {
        let text = "period: 2026-10\nsurvey:\n  client: { trust: 4 }\n  responses:\n    \
                    - { side: client, trust: 6, nps: 11 }\n    - { side: provider, role: lead }\n    \
                    - { side: provider, nps: 0 }\n";
        let d = said(text);
        let found: Vec<(usize, usize, &str)> = d
            .iter()
            .map(|(l, c, m)| (*l, *c, m.split(':').next().unwrap()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, 3, "this survey lists `responses"),
                (5, 30, "survey score 6 is out of range"),
                (5, 38, "nps 11 is out of range"),
                (6, 7, "this response answers nothing"),
            ],
            "{d:#?}"
        );
        assert!(
            d[0].2
                .contains("move the client's answer into `responses:`")
        );
        // nps 0 is an answer; the agreed form alone is fine.
        assert!(said("period: 2026-10\nsurvey:\n  client: { trust: 4 }\n").is_empty());
    }
}
