//! The survey's respondents as a page and a pack show them: who answered
//! (or "fewer than N responses"), each side's NPS, the spread of answers
//! and the comments. The analysis decided every figure; a side below the
//! privacy floor reaches here with its number only.

use serde::Serialize;

use crate::analyse::survey::{Form, SideSurvey};
use crate::analyse::trust::Trust;
use crate::render::labels;

#[derive(Debug, Serialize)]
pub(super) struct RespondentsView {
    pub sides: Vec<SideRow>,
    /// Some side answered as individuals (not one agreed answer).
    pub any_responses: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct SideRow {
    pub side: &'static str,
    /// "8 responses", "fewer than 3 responses", "one agreed answer".
    pub answered: String,
    pub shown: bool,
    /// "+33 (6 answers)", "no NPS answer", "—".
    pub nps: String,
    pub comments: Vec<String>,
}

fn answered(x: &SideSurvey, floor: usize) -> String {
    match x.form {
        Form::Agreed => "one agreed answer".into(),
        Form::BelowFloor => format!("fewer than {floor} responses"),
        Form::Responses if x.responses == 1 => "1 response".into(),
        Form::Responses => format!("{} responses", x.responses),
    }
}

fn nps(x: &SideSurvey) -> String {
    match (x.form, x.nps) {
        (Form::Responses, Some(n)) => {
            let sign = if n > 0 { "+" } else { "" };
            let answers = match x.nps_answers {
                1 => "1 answer".to_string(),
                k => format!("{k} answers"),
            };
            format!("{sign}{} ({answers})", n.to_string().replace('-', "−"))
        }
        (Form::Responses, None) => "no NPS answer".into(),
        _ => "—".into(),
    }
}

/// `None` when no side of the survey used answered as individuals: the
/// agreed answers say all in the survey's table.
pub(super) fn respondents(t: &Trust) -> Option<RespondentsView> {
    if t.sides.iter().all(|x| x.form == Form::Agreed) {
        return None;
    }
    Some(RespondentsView {
        any_responses: true,
        sides: t
            .sides
            .iter()
            .map(|x| SideRow {
                side: labels::side(x.side),
                answered: answered(x, t.floor),
                shown: x.shown(),
                nps: nps(x),
                comments: x.comments.clone(),
            })
            .collect(),
    })
}

/// "2–5": a side's lowest and highest answer to a dimension; "—" without.
pub(super) fn spread(t: &Trust, side: crate::model::Side, i: usize) -> String {
    t.side(side)
        .and_then(|x| x.dimensions.get(i))
        .and_then(|d| Some(format!("{}–{}", d.low?, d.high?)))
        .unwrap_or_else(|| "—".into())
}
