//! The survey's respondents as a page and a pack show them: who answered
//! (or "fewer than N responses"), each side's NPS, the spread of answers
//! and the comments. The analysis decided every figure; a side below the
//! privacy floor reaches here with its number only.

use serde::Serialize;

use crate::analyse::survey::{Form, SideSurvey};
use crate::analyse::trust::Trust;
use crate::render::labels;
use crate::render::language::Language;
use crate::text::Text;

#[derive(Debug, Serialize)]
pub(super) struct RespondentsView {
    pub sides: Vec<SideRow>,
    /// Some side answered as individuals (not one agreed answer).
    pub any_responses: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct SideRow {
    pub side: String,
    /// The side inside a sentence: "client".
    pub side_in_text: String,
    /// "8 responses", "fewer than 3 responses", "one agreed answer".
    pub answered: String,
    pub shown: bool,
    /// "+33 (6 answers)", "no NPS answer", "—".
    pub nps: String,
    pub comments: Vec<String>,
}

fn answered(x: &SideSurvey, floor: usize, l: &Language) -> String {
    match x.form {
        Form::Agreed => l.word("eng-one-agreed-answer"),
        Form::BelowFloor => l.text(&Text::new("eng-fewer-responses").with("floor", floor)),
        Form::Responses => l.text(&Text::new("eng-responses").with("count", x.responses)),
    }
}

fn nps(x: &SideSurvey, l: &Language) -> String {
    match (x.form, x.nps) {
        (Form::Responses, Some(n)) => {
            let sign = if n > 0 { "+" } else { "" };
            l.text(
                &Text::new("eng-nps-value")
                    .with("nps", format!("{sign}{}", n.to_string().replace('-', "−")))
                    .with("count", x.nps_answers),
            )
        }
        (Form::Responses, None) => l.word("eng-no-nps-answer"),
        _ => "—".into(),
    }
}

/// `None` when no side of the survey used answered as individuals: the
/// agreed answers say all in the survey's table.
pub(super) fn respondents(t: &Trust, l: &Language) -> Option<RespondentsView> {
    if t.sides.iter().all(|x| x.form == Form::Agreed) {
        return None;
    }
    Some(RespondentsView {
        any_responses: true,
        sides: t
            .sides
            .iter()
            .map(|x| SideRow {
                side: labels::side(x.side, l),
                side_in_text: labels::side_in_text(x.side, l),
                answered: answered(x, t.floor, l),
                shown: x.shown(),
                nps: nps(x, l),
                comments: x.comments.clone(),
            })
            .collect(),
    })
}

/// "2–5": a side's lowest and highest answer to a dimension; "—" without.
pub(super) fn spread(t: &Trust, side: crate::model::Side, i: usize, l: &Language) -> String {
    t.side(side)
        .and_then(|x| x.dimensions.get(i))
        .and_then(|d| {
            Some(format!(
                "{}–{}",
                l.number(f64::from(d.low?), 0),
                l.number(f64::from(d.high?), 0)
            ))
        })
        .unwrap_or_else(|| "—".into())
}
