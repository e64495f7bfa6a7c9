//! Render: view data for each page, Tera templates, Markdown, and the files
//! beside the pages (feed, calendar, search index); returns the whole site in
//! memory. Nothing here touches the file system (see `output`).

pub(crate) mod budget;
mod charts;
pub mod engine;
mod escalation_chart;
mod feeds;
pub(crate) use crate::format;
pub mod labels;
pub mod language;
pub mod links;
pub mod markdown;
mod pages;
pub mod pdf;
mod rows;
mod table_cards;
pub(crate) mod template_refs;
pub mod theme;
pub(crate) mod theme_files;
mod view;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;

use crate::analyse::EngagementAnalysis;
use crate::analyse::review::QuarterReview;
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
    /// In an internal build, the health the partner's shared build shows,
    /// one per engagement in the same order; `None` in a shared build.
    pub partner: Option<&'a [crate::analyse::health::Shown]>,
    pub as_of: NaiveDate,
    pub scope: &'a Scope,
    pub base_url: &'a str,
    /// `build --pdf`: each review pack also as a PDF.
    pub pdf: bool,
    /// The words of the theme and how figures are written.
    pub language: &'a language::Language,
}

impl Input<'_> {
    /// The partner's health of the engagement `id`, in an internal build.
    pub fn partner_of(&self, id: &str) -> Option<crate::analyse::health::Shown> {
        let i = self.portfolio.engagements.iter().position(|e| e.id == id)?;
        self.partner?.get(i).copied()
    }

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

/// Where rendered files go: a path in the output and its bytes.
pub type Sink<'a> = dyn Fn(String, Vec<u8>) + Sync + 'a;

/// The files that depend on every engagement: the portfolio pages, the
/// feed, the calendar, the search index and the figures under `data/`
/// (not the theme's static files).
pub fn render_portfolio_to(
    input: &Input,
    engine: &Engine,
    sink: &Sink,
) -> Result<(), Vec<Diagnostic>> {
    let failures = render_pages(page_data(|| pages::portfolio(input)), engine, sink);
    feeds_to(input, sink);
    data_to(input, sink);
    once_each(failures)
}

/// The machine-readable figures (data/*.json, data/*.csv), as `rapporteur
/// export` gives them.
fn data_to(input: &Input, sink: &Sink) {
    let figures = page_data(|| {
        crate::export::figures(input.portfolio, input.analyses, input.as_of, input.scope)
    });
    crate::export::site_files_to(&figures, sink);
}

/// The theme's static files, as they are.
pub fn statics_to(engine: &Engine, sink: &Sink) {
    for (path, file) in engine.theme().statics() {
        sink(path.to_string(), file.bytes.clone());
    }
    sink(
        links::PALETTE.to_string(),
        crate::chart::stylesheet().into_bytes(),
    );
}

/// The pages of the engagement at `index` of the portfolio alone: its
/// report, notes and review packs (from `reviews`, its past quarters'
/// figures), all under `links::engagement_dir`.
pub fn render_engagement_to(
    input: &Input,
    engine: &Engine,
    index: usize,
    reviews: &[QuarterReview],
    sink: &Sink,
) -> Result<(), Vec<Diagnostic>> {
    let (e, a) = (&input.portfolio.engagements[index], &input.analyses[index]);
    let jobs = page_data(|| pages::engagement(input, e, a, reviews));
    let mut failures = if input.pdf {
        review_pdfs_to(&jobs, input, sink)
    } else {
        Vec::new()
    };
    failures.extend(render_pages(jobs, engine, sink));
    once_each(failures)
}

/// `build --pdf`: the review packs among `jobs` typeset as PDFs, from the
/// contexts their HTML pages are filled with.
fn review_pdfs_to(jobs: &[PageJob], input: &Input, sink: &Sink) -> Vec<Diagnostic> {
    jobs.par_iter()
        .filter(|job| job.template == pages::REVIEW_TEMPLATE)
        .filter_map(|job| {
            let pdf = pdf::PdfJob::review(&job.path, &job.context, input.as_of, input.language);
            match stopwatch::time(Work::Pdf, || pdf.typeset()) {
                Ok(bytes) => {
                    sink(pdf.path, bytes);
                    None
                }
                Err(d) => Some(d),
            }
        })
        .collect()
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
    page_data(|| feeds::files_to(input, sink));
}

/// One broken template fails every page that uses it: report it once.
pub(crate) fn once_each(failures: Vec<Diagnostic>) -> Result<(), Vec<Diagnostic>> {
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
