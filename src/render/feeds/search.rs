//! The search index: engagements, notes (title and body as plain text) and
//! action items, each with the link to its page from the site root.

use serde::Serialize;

use crate::analyse::actions::ActionState;
use crate::render::labels;
use crate::render::{Input, Sink, links, markdown};

#[derive(Debug, Serialize)]
pub(super) struct SearchIndex {
    /// How many of each kind, for the page's summary line.
    pub engagements: usize,
    pub notes: usize,
    pub actions: usize,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Serialize)]
pub(super) struct Entry {
    /// engagement, note or action
    pub kind: &'static str,
    pub title: String,
    /// From the site root.
    pub url: String,
    /// The engagement and kind, shown under the title.
    pub context: String,
    pub date: String,
    pub text: String,
}

pub(super) fn index(input: &Input) -> SearchIndex {
    let lang = input.language;
    let say = |id: &str, args: &[(&str, String)]| {
        let mut fluent = fluent_bundle::FluentArgs::new();
        for (name, value) in args {
            fluent.set(
                name.to_string(),
                crate::render::language::arg(value.clone()),
            );
        }
        lang.message(id, Some(&fluent)).unwrap_or_default()
    };
    let mut entries = Vec::new();
    let (mut notes, mut actions) = (0, 0);
    let engagements = input.portfolio.engagements.len();
    for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
        let r = &e.record;
        let owners = [&r.client.owner, &r.provider.owner]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>();
        entries.push(Entry {
            kind: "engagement",
            title: r.name.clone(),
            url: links::engagement(&e.id),
            context: say(
                "site-search-engagement-context",
                &[
                    ("client", r.client.name.clone()),
                    ("provider", r.provider.name.clone()),
                    ("phase", labels::phase(r.phase, lang)),
                ],
            ),
            date: String::new(),
            text: [r.services.join(" "), owners.join(" ")].join(" "),
        });
        for n in e.notes.iter().rev() {
            notes += 1;
            entries.push(Entry {
                kind: "note",
                title: n.meta.title.clone(),
                url: links::note(&e.id, &n.slug),
                context: format!("{} · {}", r.name, labels::note_kind(n.meta.kind, lang)),
                date: lang.date(n.meta.date),
                text: format!(
                    "{} {}",
                    n.meta.attendees.join(" "),
                    markdown::to_plain_text(&n.body)
                ),
            });
        }
        for x in &a.actions.items {
            actions += 1;
            let state = lang.word(match x.state {
                ActionState::Open => "site-search-action-open",
                ActionState::Overdue => "site-search-action-overdue",
                ActionState::ClosedRecently | ActionState::Closed => "site-search-action-done",
            });
            entries.push(Entry {
                kind: "action",
                title: x.text.clone(),
                url: format!("{}#actions", links::note(&e.id, &x.note_slug)),
                context: say(
                    "site-search-action-context",
                    &[("name", r.name.clone()), ("note", x.note_title.clone())],
                ),
                date: x.due.map(|d| lang.date(d)).unwrap_or_default(),
                text: format!("{} {state}", x.owner.clone().unwrap_or_default()),
            });
        }
    }
    SearchIndex {
        engagements,
        notes,
        actions,
        entries,
    }
}

/// The index as JSON (`search-index.json`, the machine-readable copy) and
/// as a script assigning a global (`search-index.js`): a `<script src>`
/// loads from `file://`, where `fetch()` of a local file is refused. Both
/// hold the same JSON, serialised once; the index itself is dropped before
/// the script is made, so a large portfolio holds two copies at most.
pub(super) fn files_to(input: &Input, sink: &Sink) {
    let json = serde_json::to_string(&index(input)).expect("the index serialises");
    let script = format!(
        "// The search index of this site, for search.html (also as search-index.json).\nwindow.RAPPORTEUR_SEARCH_INDEX = {json};\n"
    );
    sink(links::SEARCH_INDEX_JSON.to_string(), json.into_bytes());
    sink(links::SEARCH_INDEX_JS.to_string(), script.into_bytes());
}
