//! Quarterly review packs: one printable page per engagement and complete
//! quarter with data, `engagements/<id>/review/<YYYY-Qn>.html`.
//!
//! A pack's figures are those of an analysis dated the first day after the
//! quarter, so "the last 3 months" are the quarter's months, and nothing
//! reported after it shows. The sections reuse the report's view builders.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::registers::{MilestoneRow, NoteRow, note_row};
use super::{health, relationship, scorecard};
use crate::analyse::EngagementAnalysis;
use crate::analyse::actions::ActionState;
use crate::analyse::kpi::Judgement;
use crate::analyse::review::{Quarter, QuarterReview, quarters};
use crate::analyse::sign_off::{SignOffs, analyse_sign_off, disputed_words, not_agreed_words};
use crate::analyse::window::MonthWindow;
use crate::chart::Chart;
use crate::model::{Engagement, FeedbackKind, NoteKind};
use crate::render::rows::{ActionRow, action_row};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, format, labels, links};

/// A link to a pack, for the report and the packs' own navigation.
#[derive(Debug, Serialize)]
pub(crate) struct ReviewLink {
    pub label: String,
    /// From the engagement's folder (`review/2026-Q3.html`).
    pub url: String,
}

pub(crate) fn review_links(e: &Engagement, as_of: NaiveDate) -> Vec<ReviewLink> {
    quarters(e, as_of)
        .into_iter()
        .rev()
        .map(|q| ReviewLink {
            label: q.label(),
            url: format!("review/{}.html", q.label()),
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct ReviewView {
    name: String,
    quarter: String,
    spelled: String,
    first_day: String,
    last_day: String,
    /// The report date of the pack's figures: the day after the quarter.
    figures_as_of: String,
    client: String,
    client_owner: String,
    provider: String,
    provider_owner: String,
    phase: &'static str,
    report_url: String,
    previous: Option<ReviewLink>,
    next: Option<ReviewLink>,
    health: health::HealthView,
    flags: Vec<health::FlagView>,
    scorecard: scorecard::ScorecardView,
    month_labels: Vec<String>,
    kpis: Vec<QuarterKpiRow>,
    /// The quarter's months not agreed by both sides at the build's date,
    /// for the summary (docs/metrics.md, "Sign-off and disputes").
    unagreed: Vec<UnagreedRow>,
    charts: Vec<Chart>,
    sla_chart: Option<Chart>,
    survey_chart: Option<Chart>,
    trust: relationship::TrustView,
    wins: Vec<WinRow>,
    milestones: Vec<MilestoneRow>,
    meetings: Vec<NoteRow>,
    actions: Vec<ActionRow>,
}

/// One KPI's three months of the quarter.
#[derive(Debug, Serialize)]
struct QuarterKpiRow {
    name: String,
    owner: &'static str,
    sla: bool,
    target: String,
    months: Vec<Cell>,
    score: String,
    /// A counted KPI's quarter, pooled: "79.4% of 118,204".
    pooled: String,
}

#[derive(Debug, Serialize)]
struct Cell {
    value: String,
    status: &'static str,
    class: &'static str,
    /// "provisional" or "disputed", else empty.
    sign_off: &'static str,
    sign_off_words: String,
}

/// A month of the quarter whose figures are not agreed.
#[derive(Debug, Serialize)]
struct UnagreedRow {
    month: String,
    /// "provisional" or "disputed".
    state: &'static str,
    /// Who has not signed, or who disputes which KPIs and why.
    words: String,
}

fn unagreed(s: &SignOffs, window: MonthWindow) -> Vec<UnagreedRow> {
    s.unagreed()
        .filter(|m| window.contains(m.month))
        .map(|m| {
            let mut words: Vec<String> = m
                .disputes
                .iter()
                .map(|d| disputed_words(m.month, d))
                .collect();
            for side in m.unsigned() {
                if !m.disputes.iter().any(|d| d.by == side) {
                    words.push(not_agreed_words(m.month, side));
                }
            }
            UnagreedRow {
                month: m.month.to_string(),
                state: m.state.as_str(),
                words: words.join("; "),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct WinRow {
    when: String,
    kind: &'static str,
    text: String,
}

/// Every pack of an engagement, from its past quarters' figures.
pub(crate) fn pages(input: &Input, e: &Engagement, reviews: &[QuarterReview]) -> Vec<PageJob> {
    let link = |r: &QuarterReview| ReviewLink {
        label: r.quarter.label(),
        url: format!("{}.html", r.quarter.label()),
    };
    reviews
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let previous = i.checked_sub(1).map(|p| link(&reviews[p]));
            let next = reviews.get(i + 1).map(link);
            let mut job = page(input, e, r.quarter, &r.analysis, previous, next);
            // The partner's figure goes into the pack's data; drawing it
            // is left to the pack's layout.
            job.context
                .insert("partner", &r.partner.map(super::partner_view));
            job
        })
        .collect()
}

fn page(
    input: &Input,
    e: &Engagement,
    q: Quarter,
    a: &EngagementAnalysis,
    previous: Option<ReviewLink>,
    next: Option<ReviewLink>,
) -> PageJob {
    let path = links::review(&e.id, &q.label());
    let r = &e.record;
    let mut context = base_context(
        input,
        &path,
        format!("Review pack {}", q.label()),
        "portfolio",
        vec![
            ("Portfolio".into(), links::index()),
            (r.name.clone(), links::engagement(&e.id)),
        ],
    );
    let window = q.months();
    let in_quarter = |d: NaiveDate| window.contains_date(d);
    // The pack's figures are those of the quarter's end, but whether they
    // are agreed is known at the build's date: sign-offs come after.
    let agreed = analyse_sign_off(e, input.as_of);
    let bands = &input.portfolio.config.thresholds.health;
    // The quarter's own months: the month after it is not part of the pack.
    let kpis: Vec<_> = a
        .performance
        .kpis
        .iter()
        .map(|k| {
            let mut k = k.clone();
            k.series.retain(|p| !p.in_progress);
            k
        })
        .collect();
    let mut wins: Vec<WinRow> = a
        .feedback
        .items
        .iter()
        .filter(|f| window.contains(f.month) && f.kind == FeedbackKind::Praise)
        .map(|f| WinRow {
            when: f.month.to_string(),
            kind: if f.from == crate::model::Side::Client {
                "Praise from the client"
            } else {
                "Praise from the provider"
            },
            text: f.text.clone(),
        })
        .collect();
    wins.extend(
        e.notes
            .iter()
            .filter(|n| n.meta.kind == NoteKind::Celebration && in_quarter(n.meta.date))
            .map(|n| WinRow {
                when: format::date(n.meta.date),
                kind: "Celebration",
                text: n.meta.title.clone(),
            }),
    );
    let view = ReviewView {
        name: r.name.clone(),
        quarter: q.label(),
        spelled: q.spelled(),
        first_day: format::date(window.first.first_day()),
        last_day: format::date(q.as_of().pred_opt().expect("a day before")),
        figures_as_of: format::date(q.as_of()),
        client: r.client.name.clone(),
        client_owner: r.client.owner.clone().unwrap_or_default(),
        provider: r.provider.name.clone(),
        provider_owner: r.provider.owner.clone().unwrap_or_default(),
        phase: labels::phase(r.phase),
        report_url: "../index.html".into(),
        previous,
        next,
        health: health::health_view(a, bands),
        flags: health::flag_views(a),
        scorecard: scorecard::scorecard_view(a, Some(window), &agreed),
        unagreed: unagreed(&agreed, window),
        month_labels: (0..3).map(|i| window.first.plus(i).to_string()).collect(),
        kpis: kpis
            .iter()
            .map(|k| QuarterKpiRow {
                name: k.name.clone(),
                owner: labels::side(k.owner),
                sla: k.sla,
                target: scorecard::target_text(k),
                months: (0..3)
                    .map(|i| {
                        let month = window.first.plus(i);
                        let point = k.series.iter().find(|p| p.month == month);
                        let value = point.and_then(|p| p.value);
                        let status = point.map_or(crate::analyse::rag::Rag::Grey, |p| p.status);
                        let not_judged = point.and_then(|p| match &p.judgement {
                            Judgement::Excused { .. } => Some("excused"),
                            Judgement::LowVolume => Some("low volume"),
                            Judgement::Baselining => Some("baselining"),
                            _ => None,
                        });
                        let (shown, words) = status.shown(point.is_some_and(|p| p.terms.sla));
                        let (sign_off, sign_off_words) = match value {
                            Some(_) => scorecard::agreement(&agreed, month, &k.id),
                            None => ("", String::new()),
                        };
                        Cell {
                            sign_off,
                            sign_off_words,
                            value: format::optional_value(value, &k.unit),
                            status: match (value, not_judged) {
                                (_, Some(why)) => why,
                                (Some(_), None) => words,
                                (None, None) => "not reported",
                            },
                            class: shown.as_str(),
                        }
                    })
                    .collect(),
                score: k.score.map_or("—".into(), |s| format::number(s, 0)),
                pooled: e
                    .kpi(&k.id)
                    .and_then(|model| crate::analyse::kpi::pooled(e, model, window))
                    .map_or_else(String::new, |p| {
                        format!(
                            "{} of {}",
                            format::value(p.value, &k.unit),
                            format::grouped(p.total as f64)
                        )
                    }),
            })
            .collect(),
        charts: kpis.iter().map(|k| charts::kpi(k, &agreed)).collect(),
        sla_chart: charts::sla_attainment(&a.performance),
        survey_chart: charts::survey(&a.trust),
        trust: relationship::trust_view(a),
        wins,
        milestones: r
            .milestones
            .iter()
            .filter(|m| in_quarter(m.date))
            .map(MilestoneRow::of)
            .collect(),
        meetings: e
            .notes
            .iter()
            .filter(|n| in_quarter(n.meta.date))
            .map(|n| note_row(n, "../notes/"))
            .collect(),
        actions: a
            .actions
            .items
            .iter()
            .filter(|x| matches!(x.state, ActionState::Open | ActionState::Overdue))
            .map(|x| action_row(&e.id, &r.name, x))
            .collect(),
    };
    context.insert("r", &view);
    PageJob {
        path,
        template: "review.html",
        context,
    }
}
