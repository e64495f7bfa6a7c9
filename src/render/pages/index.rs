//! The portfolio: one row per engagement, with the figures a manager scans.

use serde::Serialize;

use crate::chart::Chart;
use crate::render::pages::engagement::band_words;
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, format, labels, links};

#[derive(Debug, Serialize)]
struct Row {
    id: String,
    name: String,
    url: String,
    client: String,
    provider: String,
    phase: &'static str,
    health: String,
    /// For sorting: -1 when there is no score.
    health_value: i64,
    health_class: &'static str,
    health_words: &'static str,
    sla: String,
    sla_value: f64,
    open_risks: usize,
    overdue_actions: usize,
    since_check_in: String,
    since_check_in_value: i64,
    contract_end: String,
    flags: String,
    critical_flags: usize,
    sparkline: Chart,
}

pub(crate) fn page(input: &Input) -> PageJob {
    let path = links::index();
    let mut context = base_context(input, &path, "Portfolio".into(), "portfolio", vec![]);
    let bands = &input.portfolio.config.thresholds.health;
    let rows: Vec<Row> = input
        .portfolio
        .engagements
        .iter()
        .zip(input.analyses)
        .map(|(e, a)| {
            let s = &a.summary;
            Row {
                id: e.id.clone(),
                name: e.record.name.clone(),
                url: links::engagement(&e.id),
                client: e.record.client.name.clone(),
                provider: e.record.provider.name.clone(),
                phase: labels::phase(e.record.phase),
                health: s.health_rounded.map_or("—".into(), |h| h.to_string()),
                health_value: s.health_rounded.unwrap_or(-1),
                health_class: s.band.as_str(),
                health_words: band_words(s.band),
                sla: s
                    .sla_attainment
                    .as_ref()
                    .map_or("no SLA data".into(), |x| format::percent(x.ratio)),
                sla_value: s.sla_attainment.as_ref().map_or(-1.0, |x| x.ratio),
                open_risks: s.open_risks,
                overdue_actions: s.overdue_actions,
                since_check_in: s
                    .days_since_check_in
                    .map_or("none".into(), |d| format!("{d} days ago")),
                since_check_in_value: s.days_since_check_in.unwrap_or(i64::MAX),
                contract_end: s.contract_end.map(format::date).unwrap_or_default(),
                flags: match s.flags {
                    0 => "no flags".to_string(),
                    1 => "1 flag".to_string(),
                    n => format!("{n} flags"),
                },
                critical_flags: s.critical_flags,
                sparkline: charts::health_sparkline(&e.id, &e.record.name, &s.sparkline, bands),
            }
        })
        .collect();
    context.insert("rows", &rows);
    let risk_map = super::registers::portfolio_risk_map(input);
    context.insert("risk_map", &risk_map);
    PageJob {
        path,
        template: "index.html",
        context,
    }
}
