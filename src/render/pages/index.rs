//! The portfolio: one row per engagement.

use serde::Serialize;

use crate::render::view::base_context;
use crate::render::{Input, PageJob, format, labels, links};

#[derive(Debug, Serialize)]
struct Row {
    id: String,
    name: String,
    url: String,
    client: String,
    provider: String,
    phase: &'static str,
    contract_end: String,
}

pub(crate) fn page(input: &Input) -> PageJob {
    let path = links::index();
    let mut context = base_context(input, &path, "Portfolio".into(), "portfolio", vec![]);
    let rows: Vec<Row> = input
        .portfolio
        .engagements
        .iter()
        .map(|e| Row {
            id: e.id.clone(),
            name: e.record.name.clone(),
            url: links::engagement(&e.id),
            client: e.record.client.name.clone(),
            provider: e.record.provider.name.clone(),
            phase: labels::phase(e.record.phase),
            contract_end: e
                .record
                .contract
                .as_ref()
                .and_then(|c| c.end)
                .map(format::date)
                .unwrap_or_default(),
        })
        .collect();
    context.insert("rows", &rows);
    PageJob {
        path,
        template: "index.html",
        context,
    }
}
