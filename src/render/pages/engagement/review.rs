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
use crate::analyse::actions::ActionState;
use crate::analyse::window::MonthWindow;
use crate::analyse::{self, EngagementAnalysis};
use crate::chart::Chart;
use crate::model::{Engagement, FeedbackKind, Month, NoteKind};
use crate::render::rows::{ActionRow, action_row};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, format, labels, links};

/// A calendar quarter, `2026-Q3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Quarter {
    year: i32,
    /// 1..=4
    q: u32,
}

impl Quarter {
    pub fn of(m: Month) -> Quarter {
        Quarter {
            year: m.year,
            q: m.quarter(),
        }
    }

    pub fn months(self) -> MonthWindow {
        let first = Month::new(self.year, (self.q - 1) * 3 + 1).expect("quarter month");
        MonthWindow {
            first,
            last: first.plus(2),
        }
    }

    /// The report date of the quarter's figures: the day after it ends.
    pub fn as_of(self) -> NaiveDate {
        self.months().last.plus(1).first_day()
    }

    pub fn label(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    fn spelled(self) -> String {
        let w = self.months();
        let name = |m: Month| m.short_label()[..3].to_string();
        format!("{} to {} {}", name(w.first), name(w.last), self.year)
    }
}

/// Quarters that hold a period with any measurement and ended before the
/// month of `as_of` (a quarter in progress has no pack yet), oldest first.
pub(crate) fn quarters(e: &Engagement, as_of: NaiveDate) -> Vec<Quarter> {
    let current = Month::of(as_of);
    let mut quarters: Vec<Quarter> = e
        .periods
        .iter()
        .filter(|p| {
            p.kpis.values().any(Option::is_some)
                || p.hours.as_ref().is_some_and(|h| h.worked.is_some())
                || p.survey.is_some()
        })
        .map(|p| Quarter::of(p.period))
        .filter(|q| q.months().last < current)
        .collect();
    quarters.dedup();
    quarters
}

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
}

#[derive(Debug, Serialize)]
struct Cell {
    value: String,
    status: &'static str,
    class: &'static str,
}

#[derive(Debug, Serialize)]
struct WinRow {
    when: String,
    kind: &'static str,
    text: String,
}

/// Every pack of an engagement, analysed in parallel.
pub(crate) fn pages(input: &Input, e: &Engagement) -> Vec<PageJob> {
    let all = quarters(e, input.as_of);
    let config = &input.portfolio.config;
    // The packs' 12-month health sparklines overlap: each month's score is
    // computed once per engagement, not once per pack.
    let scores = std::sync::Mutex::new(std::collections::HashMap::new());
    let health_at = |date: chrono::NaiveDate| -> Option<f64> {
        let known = scores
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&date)
            .copied();
        known.unwrap_or_else(|| {
            let score = analyse::health_at(e, config, date);
            scores
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(date, score);
            score
        })
    };
    all.par_iter()
        .enumerate()
        .map(|(i, q)| {
            let a = analyse::analyse_engagement_with(e, config, q.as_of(), &health_at);
            let link = |q: &Quarter| ReviewLink {
                label: q.label(),
                url: format!("{}.html", q.label()),
            };
            let previous = i.checked_sub(1).map(|p| link(&all[p]));
            let next = all.get(i + 1).map(link);
            page(input, e, *q, &a, previous, next)
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
        scorecard: scorecard::scorecard_view(a, Some(window)),
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
                        Cell {
                            value: format::optional_value(value, &k.unit),
                            status: if value.is_some() {
                                status.label()
                            } else {
                                "not reported"
                            },
                            class: status.as_str(),
                        }
                    })
                    .collect(),
                score: k.score.map_or("—".into(), |s| format::number(s, 0)),
            })
            .collect(),
        charts: kpis.iter().map(charts::kpi).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }

    #[test]
    fn quarter_arithmetic() {
        let q = Quarter::of(m("2026-08"));
        assert_eq!(q.label(), "2026-Q3");
        assert_eq!(q.months().first, m("2026-07"));
        assert_eq!(q.months().last, m("2026-09"));
        assert_eq!(q.as_of().to_string(), "2026-10-01");
        assert_eq!(q.spelled(), "Jul to Sep 2026");
        assert_eq!(Quarter::of(m("2026-12")).as_of().to_string(), "2027-01-01");
    }
}
