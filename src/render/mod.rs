//! Render: view data for each page, Tera templates, Markdown, and the files
//! beside the pages (feed, calendar, search index); returns the whole site in
//! memory. Nothing here touches the file system (see `output`).

pub(crate) mod budget;
mod charts;
pub mod engine;
mod feeds;
pub use crate::format;
pub mod labels;
pub mod links;
pub mod markdown;
mod pages;
mod rows;
pub(crate) mod template_refs;
pub mod theme;
pub(crate) mod theme_files;
mod view;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;

use crate::analyse::EngagementAnalysis;
use crate::diagnostic::Diagnostic;
use crate::model::Portfolio;
use crate::notelinks::LinkTarget;
use crate::scope::Scope;
use crate::stopwatch::{self, Work};
pub use engine::Engine;
pub use feeds::FEED_ENTRIES;

/// Everything the pages are made from.
pub struct Input<'a> {
    pub portfolio: &'a Portfolio,
    /// One per engagement, in the same order.
    pub analyses: &'a [EngagementAnalysis],
    pub as_of: NaiveDate,
    pub scope: &'a Scope,
    pub base_url: &'a str,
}

impl Input<'_> {
    /// Whether this build has a page for a note or engagement link target.
    pub fn publishes(&self, target: &LinkTarget) -> bool {
        let engagement = |id: &str| self.portfolio.engagements.iter().find(|e| e.id == id);
        match target {
            LinkTarget::Note {
                engagement: id,
                slug,
            } => engagement(id).is_some_and(|e| e.notes.iter().any(|n| &n.slug == slug)),
            LinkTarget::Engagement(id) => engagement(id).is_some(),
            LinkTarget::Elsewhere => false,
        }
    }
}

/// One page to render: where it goes, with which template and data.
pub(crate) struct PageJob {
    pub path: String,
    pub template: &'static str,
    pub context: Context,
}

/// Renders every page, the feeds and the theme's static files, handing each
/// file to `sink` as soon as it is made (from several threads), so that a
/// build can write pages while others render and never holds the whole site.
pub fn render_to(input: &Input, engine: &Engine, sink: &Sink) -> Result<(), Vec<Diagnostic>> {
    // An engagement's page data (with its charts) is made only when its
    // pages are rendered, so memory holds the engagements in flight, not all.
    // The portfolio-wide files, a few large ones, are made meanwhile.
    let (portfolio, engagements) = rayon::join(
        || render_portfolio_to(input, engine, sink),
        || -> Vec<Result<(), Vec<Diagnostic>>> {
            (0..input.portfolio.engagements.len())
                .into_par_iter()
                .map(|i| render_engagement_to(input, engine, i, sink))
                .collect()
        },
    );
    for (path, file) in engine.theme().statics() {
        sink(path.to_string(), file.bytes.clone());
    }
    let failures = std::iter::once(portfolio)
        .chain(engagements)
        .filter_map(Result::err)
        .flatten()
        .collect();
    once_each(failures)
}

/// Where rendered files go: a path in the output and its bytes.
pub type Sink<'a> = dyn Fn(String, Vec<u8>) + Sync + 'a;

/// The files that depend on every engagement: the portfolio pages, the
/// feed, the calendar and the search index (not the theme's static files).
pub fn render_portfolio_to(
    input: &Input,
    engine: &Engine,
    sink: &Sink,
) -> Result<(), Vec<Diagnostic>> {
    let failures = render_pages(page_data(|| pages::portfolio(input)), engine, sink);
    feeds_to(input, sink);
    once_each(failures)
}

/// The pages of the engagement at `index` of the portfolio alone: its
/// report, notes and review packs, all under `links::engagement_dir`.
pub fn render_engagement_to(
    input: &Input,
    engine: &Engine,
    index: usize,
    sink: &Sink,
) -> Result<(), Vec<Diagnostic>> {
    let (e, a) = (&input.portfolio.engagements[index], &input.analyses[index]);
    once_each(render_pages(
        page_data(|| pages::engagement(input, e, a)),
        engine,
        sink,
    ))
}

/// The page of the note `slug` of engagement `e` (analysed as `a`).
pub fn render_note_to(
    input: &Input,
    engine: &Engine,
    e: &crate::model::Engagement,
    a: &EngagementAnalysis,
    slug: &str,
    sink: &Sink,
) -> Result<(), Vec<Diagnostic>> {
    let jobs = e
        .notes
        .iter()
        .filter(|n| n.slug == slug)
        .map(|n| page_data(|| pages::note(input, e, a, n)))
        .collect();
    once_each(render_pages(jobs, engine, sink))
}

fn page_data<T>(make: impl FnOnce() -> T) -> T {
    stopwatch::time(Work::PageData, make)
}

fn render_pages(jobs: Vec<PageJob>, engine: &Engine, sink: &Sink) -> Vec<Diagnostic> {
    jobs.into_par_iter()
        .filter_map(|job| {
            match stopwatch::time(Work::Templates, || {
                engine.render(job.template, &job.context)
            }) {
                Ok(html) => {
                    sink(job.path, html.into_bytes());
                    None
                }
                Err(d) => Some(d),
            }
        })
        .collect()
}

fn feeds_to(input: &Input, sink: &Sink) {
    for (path, bytes) in page_data(|| feeds::files(input)) {
        sink(path, bytes);
    }
}

/// One broken template fails every page that uses it: report it once.
fn once_each(failures: Vec<Diagnostic>) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    for d in failures {
        if !errors.contains(&d) {
            errors.push(d);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
