//! One meeting note: its front matter, body and action items.

use serde::Serialize;

use crate::model::{Engagement, Note};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, format, labels, links, markdown};

#[derive(Debug, Serialize)]
struct NoteView {
    title: String,
    date: String,
    kind: &'static str,
    attendees: Vec<String>,
    audience: &'static str,
    html: String,
    engagement_name: String,
    engagement_url: String,
    actions: Vec<ActionView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ActionView {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub done: bool,
}

pub(crate) fn page(input: &Input, e: &Engagement, n: &Note) -> PageJob {
    let path = links::note(&e.id, &n.slug);
    let mut context = base_context(
        input,
        &path,
        n.meta.title.clone(),
        "portfolio",
        vec![
            ("Portfolio".into(), links::index()),
            (e.record.name.clone(), links::engagement(&e.id)),
        ],
    );
    let root = links::root_prefix(input.base_url, &path);
    let view = NoteView {
        title: n.meta.title.clone(),
        date: format::date(n.meta.date),
        kind: labels::note_kind(n.meta.kind),
        attendees: n.meta.attendees.clone(),
        audience: labels::audience(n.meta.audience.unwrap_or_default()),
        html: markdown::to_html(
            &n.body,
            input.portfolio.config.markdown.allow_html,
            &e.id,
            &|target| input.publishes(target),
        ),
        engagement_name: e.record.name.clone(),
        engagement_url: format!("{root}{}", links::engagement(&e.id)),
        actions: n
            .actions
            .iter()
            .map(|a| ActionView {
                text: a.text.clone(),
                owner: a.owner.clone().unwrap_or_default(),
                due: a.due.map(format::date).unwrap_or_default(),
                done: a.done,
            })
            .collect(),
    };
    context.insert("note", &view);
    PageJob {
        path,
        template: "note.html",
        context,
    }
}
