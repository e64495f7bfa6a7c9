//! One meeting note: its front matter, body, its action items with their
//! state, and the way back to its engagement and on to the next note.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::model::{Engagement, Note};
use crate::render::language::Language;
use crate::render::rows::{ActionRow, action_row};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, labels, links, markdown};

#[derive(Debug, Serialize)]
struct NoteView {
    title: String,
    date: String,
    kind: String,
    attendees: Vec<String>,
    audience: String,
    html: String,
    engagement_name: String,
    /// From the site root, like every row's links.
    engagement_url: String,
    actions: Vec<ActionRow>,
    previous: Option<NoteLink>,
    next: Option<NoteLink>,
}

#[derive(Debug, Serialize)]
struct NoteLink {
    title: String,
    date: String,
    /// Beside this note.
    url: String,
}

fn link(n: &Note, l: &Language) -> NoteLink {
    NoteLink {
        title: n.meta.title.clone(),
        date: l.date(n.meta.date),
        url: format!("{}.html", n.slug),
    }
}

pub(crate) fn page(input: &Input, e: &Engagement, a: &EngagementAnalysis, n: &Note) -> PageJob {
    let path = links::note(&e.id, &n.slug);
    let mut context = base_context(
        input,
        &path,
        n.meta.title.clone(),
        "portfolio",
        vec![
            (input.language.word("nav-portfolio"), links::index()),
            (e.record.name.clone(), links::engagement(&e.id)),
        ],
    );
    let at = e.notes.iter().position(|x| x.slug == n.slug);
    let l = input.language;
    let view = NoteView {
        title: n.meta.title.clone(),
        date: l.date(n.meta.date),
        kind: labels::note_kind(n.meta.kind, l),
        attendees: n.meta.attendees.clone(),
        audience: labels::audience(n.meta.audience.unwrap_or_default(), l),
        html: markdown::to_html(
            &n.body,
            input.portfolio.config.markdown.allow_html,
            &e.id,
            &|target| input.publishes(target),
        ),
        engagement_name: e.record.name.clone(),
        engagement_url: links::engagement(&e.id),
        // The register holds the actions of notes up to the report date,
        // with their state; a note dated later has none in it yet.
        actions: a
            .actions
            .items
            .iter()
            .filter(|x| x.note_slug == n.slug)
            .map(|x| action_row(&e.id, &e.record.name, x, l))
            .collect(),
        previous: at
            .and_then(|i| i.checked_sub(1))
            .map(|i| link(&e.notes[i], l)),
        next: at.and_then(|i| e.notes.get(i + 1)).map(|x| link(x, l)),
    };
    context.insert("note", &view);
    PageJob {
        path,
        template: "note.html",
        context,
    }
}
