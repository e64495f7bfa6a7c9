//! The relationship sections: workload against capacity, check-in cadence,
//! two-way feedback and the survey's perception gap.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::health::ComponentKind;
use crate::model::Side;
use crate::render::labels;
use crate::render::language::Language;
use crate::text::Text;

#[derive(Debug, Serialize)]
pub(super) struct WorkloadView {
    pub has_capacity: bool,
    pub capacity: String,
    pub limit: String,
    pub score: String,
    pub reasons: Vec<String>,
    pub months: Vec<WorkloadRow>,
}

#[derive(Debug, Serialize)]
pub(super) struct WorkloadRow {
    pub month: String,
    pub worked: String,
    pub overtime: String,
    pub requested: String,
    pub flagged: bool,
    pub in_progress: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct CadenceView {
    pub agreed: bool,
    pub expected: String,
    pub held: usize,
    pub review: String,
    pub review_overdue: bool,
    pub last_check_in: String,
    pub longest_gap: String,
    pub score: String,
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct FeedbackView {
    pub window: String,
    pub total: usize,
    pub rows: Vec<FeedbackRow>,
    pub client_share: String,
    pub balance: String,
    pub one_sided: bool,
    pub score: String,
    pub reasons: Vec<String>,
    pub items: Vec<FeedbackItemRow>,
}

#[derive(Debug, Serialize)]
pub(super) struct FeedbackRow {
    pub side: String,
    pub praise: usize,
    pub concern: usize,
    pub suggestion: usize,
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub(super) struct FeedbackItemRow {
    pub month: String,
    pub from: String,
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub(super) struct TrustView {
    pub month: String,
    pub has_survey: bool,
    pub dimensions: Vec<DimensionRow>,
    pub mean_gap: String,
    pub gap_limit: String,
    pub score: String,
    pub reasons: Vec<String>,
    /// Who answered, NPS and comments (docs/metrics.md, "Surveys with
    /// respondents").
    pub respondents: Option<super::survey::RespondentsView>,
}

#[derive(Debug, Serialize)]
pub(super) struct DimensionRow {
    pub dimension: String,
    pub client: String,
    pub provider: String,
    pub gap: String,
    pub flagged: bool,
    /// Lowest–highest answer of each side, with individual responses.
    pub client_spread: String,
    pub provider_spread: String,
}

/// A component's reasons as the health breakdown states them (with the
/// parties' names), so a section and the breakdown say the same.
fn reasons_of(a: &EngagementAnalysis, kind: ComponentKind, language: &Language) -> Vec<String> {
    a.health
        .components
        .iter()
        .find(|c| c.kind == kind)
        .map(|c| c.reasons.iter().map(|r| language.text(r)).collect())
        .unwrap_or_default()
}

fn score_text(score: Option<f64>, l: &Language) -> String {
    score.map_or_else(|| l.word("eng-no-data"), |s| l.number(s, 0))
}

fn hours(v: Option<f64>, l: &Language) -> String {
    v.map_or_else(
        || l.word("eng-not-reported"),
        |v| l.text(&Text::new("eng-hours").with("hours", l.number(v.round(), 0))),
    )
}

pub(super) fn workload_view(a: &EngagementAnalysis, l: &Language) -> WorkloadView {
    let w = &a.workload;
    WorkloadView {
        has_capacity: w.capacity.is_some(),
        capacity: w
            .capacity
            .map_or_else(|| l.word("eng-not-set"), |c| hours(Some(c), l)),
        limit: l.percent(w.limit),
        score: score_text(w.score, l),
        reasons: reasons_of(a, ComponentKind::Workload, l),
        months: w
            .months
            .iter()
            .map(|m| WorkloadRow {
                month: m.month.to_string(),
                worked: hours(m.worked, l),
                overtime: m
                    .ratio
                    .map_or("—".into(), |r| format!("{}%", l.number(r * 100.0, 1))),
                requested: hours(m.overtime_requested, l),
                flagged: m.flagged,
                in_progress: m.in_progress,
            })
            .collect(),
    }
}

pub(super) fn cadence_view(a: &EngagementAnalysis, l: &Language) -> CadenceView {
    let c = &a.communication;
    CadenceView {
        agreed: c.check_in.is_some() || c.review.is_some(),
        expected: c.expected.map_or("—".into(), |n| n.to_string()),
        held: c.held,
        review: if c.review.is_some() {
            l.text(&c.review_text(false))
        } else {
            l.word("eng-no-review-cadence")
        },
        review_overdue: c.review_overdue,
        last_check_in: match (c.last_check_in, c.days_since_check_in) {
            (Some(d), Some(days)) => l.text(
                &Text::new("eng-last-check-in-value")
                    .with("date", l.date(d))
                    .with("days", days),
            ),
            _ => l.word("eng-none"),
        },
        longest_gap: c.longest_gap.as_ref().map_or_else(
            || l.word("eng-no-gap"),
            |g| {
                l.text(
                    &Text::new(if g.open_end {
                        "eng-gap-value-open"
                    } else {
                        "eng-gap-value"
                    })
                    .with("days", g.days)
                    .with("from", l.date(g.from))
                    .with("to", l.date(g.to)),
                )
            },
        ),
        score: score_text(c.score, l),
        reasons: reasons_of(a, ComponentKind::Communication, l),
    }
}

pub(super) fn feedback_view(a: &EngagementAnalysis, l: &Language) -> FeedbackView {
    let f = &a.feedback;
    let row = |side, k: &crate::analyse::feedback::KindCounts| FeedbackRow {
        side,
        praise: k.praise,
        concern: k.concern,
        suggestion: k.suggestion,
        total: k.total,
    };
    FeedbackView {
        window: super::scorecard::window_words(f.window.first, f.window.last, l),
        total: f.total,
        rows: vec![
            row(labels::side(Side::Client, l), &f.client),
            row(labels::side(Side::Provider, l), &f.provider),
        ],
        client_share: f.client_share.map_or("—".into(), |s| l.percent(s)),
        balance: f.balance.map_or("—".into(), |b| l.number(b, 2)),
        one_sided: f.one_sided,
        score: score_text(f.score, l),
        reasons: reasons_of(a, ComponentKind::Feedback, l),
        items: f
            .items
            .iter()
            .rev()
            .map(|i| FeedbackItemRow {
                month: i.month.to_string(),
                from: labels::side(i.from, l),
                kind: labels::feedback_kind(i.kind, l),
                text: i.text.clone(),
            })
            .collect(),
    }
}

pub(super) fn trust_view(a: &EngagementAnalysis, l: &Language) -> TrustView {
    let t = &a.trust;
    // A side's mean (its answer, in the agreed form), to two decimals.
    let score = |s: Option<f64>| s.map_or("—".to_string(), |s| l.number(s, 2));
    TrustView {
        month: t.month.map_or("—".into(), |m| m.to_string()),
        has_survey: t.month.is_some(),
        dimensions: t
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| DimensionRow {
                // The dimensions are the survey's own; one without a message
                // reads as the record names it.
                dimension: l
                    .message(&format!("eng-dimension-{}", d.dimension), None)
                    .unwrap_or_else(|| crate::format::capitalise(&d.dimension)),
                client: score(d.client),
                provider: score(d.provider),
                gap: d.gap.map_or("—".into(), |g| {
                    let n = l.number(g, 2);
                    if g > 0.0 { format!("+{n}") } else { n }
                }),
                flagged: d.flagged,
                client_spread: super::survey::spread(t, Side::Client, i, l),
                provider_spread: super::survey::spread(t, Side::Provider, i, l),
            })
            .collect(),
        mean_gap: t.mean_abs_gap.map_or("—".into(), |g| l.number(g, 2)),
        gap_limit: l.number(t.gap_limit, 1),
        score: score_text(t.score, l),
        reasons: reasons_of(a, ComponentKind::Trust, l),
        respondents: super::survey::respondents(t, l),
    }
}
