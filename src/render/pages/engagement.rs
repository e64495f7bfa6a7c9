//! The relationship report of one engagement.

use serde::Serialize;

use crate::model::Engagement;
use crate::render::view::base_context;
use crate::render::{Input, PageJob, format, labels, links};

#[derive(Debug, Serialize)]
struct EngagementView {
    id: String,
    name: String,
    client: String,
    provider: String,
    phase: &'static str,
    services: Vec<String>,
    notes: Vec<NoteRow>,
}

#[derive(Debug, Serialize)]
struct NoteRow {
    title: String,
    date: String,
    kind: &'static str,
    url: String,
}

pub(crate) fn page(input: &Input, e: &Engagement) -> PageJob {
    let path = links::engagement(&e.id);
    let mut context = base_context(
        input,
        &path,
        e.record.name.clone(),
        "portfolio",
        vec![("Portfolio".into(), links::index())],
    );
    let view = EngagementView {
        id: e.id.clone(),
        name: e.record.name.clone(),
        client: e.record.client.name.clone(),
        provider: e.record.provider.name.clone(),
        phase: labels::phase(e.record.phase),
        services: e.record.services.clone(),
        notes: e
            .notes
            .iter()
            .rev()
            .map(|n| NoteRow {
                title: n.meta.title.clone(),
                date: format::date(n.meta.date),
                kind: labels::note_kind(n.meta.kind),
                url: format!("notes/{}.html", n.slug),
            })
            .collect(),
    };
    context.insert("e", &view);
    PageJob {
        path,
        template: "engagement.html",
        context,
    }
}
