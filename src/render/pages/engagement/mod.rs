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
use crate::render::language::Language;
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, labels, links};
use crate::text::Text;

#[derive(Debug, Serialize)]
struct EngagementView {
    id: String,
    name: String,
    client: String,
    client_owner: String,
    provider: String,
    provider_owner: String,
    phase: String,
    services: String,
    start: String,
    contract: Option<ContractView>,
    cadence: String,
    capacity: String,
    /// The scorecard's words with the parties' names: "Fenwick Contact
    /// Solutions' KPIs", "Brightline Energy's KPIs for Fenwick …",
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
        vec![(input.language.word("nav-portfolio"), links::index())],
    );
    let r = &e.record;
    let thresholds = &input.portfolio.config.thresholds;
    let l = input.language;
    let view = EngagementView {
        id: e.id.clone(),
        name: r.name.clone(),
        client: r.client.name.clone(),
        client_owner: r.client.owner.clone().unwrap_or_default(),
        provider: r.provider.name.clone(),
        provider_owner: r.provider.owner.clone().unwrap_or_default(),
        phase: labels::phase(r.phase, l),
        services: r.services.join(", "),
        start: r.start.map(|d| l.date(d)).unwrap_or_default(),
        contract: contract_view(e, a, l),
        cadence: r
            .cadence
            .as_ref()
            .map(|c| {
                let f = |x: Option<crate::model::Frequency>| {
                    x.map_or("—".to_string(), |x| labels::frequency(x, l))
                };
                l.text(
                    &Text::new("eng-cadence-agreed")
                        .with("check_in", f(c.check_in))
                        .with("review", f(c.review)),
                )
            })
            .unwrap_or_else(|| l.word("eng-not-agreed-lower")),
        capacity: r
            .capacity
            .as_ref()
            .map(|c| {
                l.text(
                    &Text::new("eng-capacity-hours")
                        .with("hours", l.number(c.hours_per_month.round(), 0)),
                )
            })
            .unwrap_or_else(|| l.word("eng-not-set")),
        provider_kpis: l.text(
            &Text::new("eng-provider-kpis")
                .with("possessive", words::possessive(&r.provider.name))
                .with("name", &r.provider.name),
        ),
        client_obligations: l.text(
            &Text::new("eng-client-obligations")
                .with("possessive", words::possessive(&r.client.name))
                .with("name", &r.client.name)
                .with("provider", &r.provider.name),
        ),
        score_window: l.month_span(
            a.performance.score_window.first,
            a.performance.score_window.last,
        ),
        health: health::health_view(a, &thresholds.health, l),
        partner: input.partner_of(&e.id).map(|s| partner_view(s, l)),
        flags: health::flag_groups(a, l),
        scorecard: scorecard::scorecard_view(a, None, &a.sign_off, l),
        workload: relationship::workload_view(a, l),
        cadence_section: relationship::cadence_view(a, l),
        feedback: relationship::feedback_view(a, l),
        trust: relationship::trust_view(a, l),
        registers: registers::registers_view(e, a, l),
        obligations: obligations::obligations_view(e, a, l),
        escalations: governance::escalations_view(a, l),
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

fn contract_view(e: &Engagement, a: &EngagementAnalysis, l: &Language) -> Option<ContractView> {
    let status = a.contract.as_ref()?;
    let c = e.record.contract.as_ref()?;
    Some(ContractView {
        end: l.date(status.end),
        days_to_end: status.days_to_end,
        notice_deadline: status
            .notice_deadline
            .map_or_else(|| "—".into(), |d| l.date(d)),
        notice: l.text(&status.notice_words()),
        notice_class: status.notice_colour().as_str(),
        fee: match c.monthly_fee {
            Some(fee) => l.text(
                &Text::new("eng-fee-monthly")
                    .with("amount", l.money(fee, c.currency.as_deref().unwrap_or(""))),
            ),
            None => l.word("eng-fee-not-stated"),
        },
    })
}
