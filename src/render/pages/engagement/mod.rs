//! The relationship report of one engagement: one view struct per section,
//! each built from the analysis by its own function.

mod governance;
mod health;
pub(crate) use health::{PartnerView, band_words, partner_view};
mod obligations;
mod registers;
mod relationship;
pub(crate) mod review;
mod scorecard;
mod survey;

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::words;
use crate::chart::Chart;
use crate::model::Engagement;
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, format, labels, links};

#[derive(Debug, Serialize)]
struct EngagementView {
    id: String,
    name: String,
    client: String,
    client_owner: String,
    provider: String,
    provider_owner: String,
    phase: &'static str,
    services: String,
    start: String,
    contract: Option<ContractView>,
    cadence: String,
    capacity: String,
    /// The scorecard's words with the parties' names: "Fenwick Contact
    /// Solutions' KPIs", "Brightline Energy's obligations to Fenwick …",
    /// and its window as "August to October 2026".
    provider_kpis: String,
    client_obligations: String,
    score_window: String,
    health: health::HealthView,
    /// In an internal build, what the partner's shared build shows.
    partner: Option<PartnerView>,
    flags: health::FlagGroups,
    scorecard: scorecard::ScorecardView,
    workload: relationship::WorkloadView,
    cadence_section: relationship::CadenceView,
    feedback: relationship::FeedbackView,
    trust: relationship::TrustView,
    registers: registers::RegistersView,
    obligations: obligations::ObligationsView,
    escalations: governance::EscalationsView,
    charts: ChartsView,
    /// Quarterly review packs, newest first.
    reviews: Vec<review::ReviewLink>,
}

/// Every chart of the report, each with its data table.
#[derive(Debug, Serialize)]
struct ChartsView {
    kpis: Vec<Chart>,
    sla: Option<Chart>,
    workload: Option<Chart>,
    cadence: Option<Chart>,
    feedback: Option<Chart>,
    survey: Option<Chart>,
    survey_nps: Option<Chart>,
    risks: Chart,
    escalations: Option<Chart>,
}

#[derive(Debug, Serialize)]
struct ContractView {
    end: String,
    days_to_end: i64,
    notice_deadline: String,
    /// "in 101 days", "passed 13 days ago", "contract ended".
    notice: String,
    notice_class: &'static str,
    fee: String,
}

pub(crate) fn page(input: &Input, e: &Engagement, a: &EngagementAnalysis) -> PageJob {
    let path = links::engagement(&e.id);
    let mut context = base_context(
        input,
        &path,
        e.record.name.clone(),
        "portfolio",
        vec![("Portfolio".into(), links::index())],
    );
    let r = &e.record;
    let thresholds = &input.portfolio.config.thresholds;
    let view = EngagementView {
        id: e.id.clone(),
        name: r.name.clone(),
        client: r.client.name.clone(),
        client_owner: r.client.owner.clone().unwrap_or_default(),
        provider: r.provider.name.clone(),
        provider_owner: r.provider.owner.clone().unwrap_or_default(),
        phase: labels::phase(r.phase),
        services: r.services.join(", "),
        start: r.start.map(format::date).unwrap_or_default(),
        contract: contract_view(e, a),
        cadence: r
            .cadence
            .as_ref()
            .map(|c| {
                let f = |x: Option<crate::model::Frequency>| {
                    x.map_or("—".to_string(), |x| format!("{x:?}").to_lowercase())
                };
                format!("check-ins {}, reviews {}", f(c.check_in), f(c.review))
            })
            .unwrap_or_else(|| "not agreed".into()),
        capacity: r
            .capacity
            .as_ref()
            .map(|c| format!("{} h/month", format::grouped(c.hours_per_month)))
            .unwrap_or_else(|| "not set".into()),
        provider_kpis: format!("{} KPIs", words::possessive(&r.provider.name)),
        client_obligations: format!(
            "{} obligations to {}",
            words::possessive(&r.client.name),
            r.provider.name
        ),
        score_window: format::month_span(
            a.performance.score_window.first,
            a.performance.score_window.last,
        ),
        health: health::health_view(a, &thresholds.health),
        partner: input.partner_of(&e.id).map(partner_view),
        flags: health::flag_groups(a),
        scorecard: scorecard::scorecard_view(a, None, &a.sign_off),
        workload: relationship::workload_view(a),
        cadence_section: relationship::cadence_view(a),
        feedback: relationship::feedback_view(a),
        trust: relationship::trust_view(a),
        registers: registers::registers_view(e, a),
        obligations: obligations::obligations_view(e, a),
        escalations: governance::escalations_view(a),
        charts: ChartsView {
            kpis: a
                .performance
                .kpis
                .iter()
                .map(|k| charts::kpi(k, &a.sign_off, input.language))
                .collect(),
            sla: charts::sla_attainment(&a.performance, input.language),
            workload: charts::workload(&a.workload, input.language),
            cadence: charts::cadence(&a.communication, input.language),
            feedback: charts::feedback(&a.feedback, input.language),
            survey: charts::survey(&a.trust, input.language),
            survey_nps: charts::survey_nps(&a.trust, input.language),
            risks: charts::heat_map(
                "risk-map",
                &input.language.word("chart-risk-map-title"),
                a.risks.heat_map,
                input.language,
            ),
            escalations: crate::render::escalation_chart::escalations(
                &a.escalations,
                a.as_of,
                input.language,
            ),
        },
        reviews: review::review_links(e, input.as_of),
    };
    context.insert("e", &view);
    PageJob {
        path,
        template: "engagement.html",
        context,
    }
}

fn contract_view(e: &Engagement, a: &EngagementAnalysis) -> Option<ContractView> {
    let status = a.contract.as_ref()?;
    let c = e.record.contract.as_ref()?;
    Some(ContractView {
        end: format::date(status.end),
        days_to_end: status.days_to_end,
        notice_deadline: status
            .notice_deadline
            .map(format::date)
            .unwrap_or_else(|| "—".into()),
        notice: status.notice_words(),
        notice_class: status.notice_colour().as_str(),
        fee: match c.monthly_fee {
            Some(fee) => format!(
                "{} a month",
                format::money(fee, c.currency.as_deref().unwrap_or(""))
            ),
            None => "not stated".into(),
        },
    })
}
