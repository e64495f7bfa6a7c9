//! Render: view data for each page, Tera templates, Markdown, and the files
//! beside the pages (feed, calendar, search index); returns the whole site in
//! memory. Nothing here touches the file system (see `output`).

mod charts;
pub mod engine;
mod feeds;
pub use crate::format;
pub mod labels;
pub mod links;
pub mod markdown;
mod pages;
mod rows;
pub mod theme;
mod view;

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;

use crate::analyse::EngagementAnalysis;
use crate::diagnostic::Diagnostic;
use crate::model::Portfolio;
use crate::notelinks::LinkTarget;
use crate::output::SiteFiles;
use crate::scope::Scope;
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

/// Renders every page, the feeds and the theme's static files, in memory.
pub fn render(input: &Input, engine: &Engine) -> Result<SiteFiles, Vec<Diagnostic>> {
    let files = std::sync::Mutex::new(SiteFiles::new());
    render_to(input, engine, &|path, bytes| {
        files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path, bytes);
    })?;
    Ok(files.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// Renders every page, the feeds and the theme's static files, handing each
/// file to `sink` as soon as it is made (from several threads), so that a
/// build can write pages while others render and never holds the whole site.
/// Pages come first, then the feeds and static files, one at a time.
pub fn render_to(
    input: &Input,
    engine: &Engine,
    sink: &(dyn Fn(String, Vec<u8>) + Sync),
) -> Result<(), Vec<Diagnostic>> {
    let render_all = |jobs: Vec<PageJob>| -> Vec<Diagnostic> {
        jobs.into_par_iter()
            .filter_map(|job| match engine.render(job.template, &job.context) {
                Ok(html) => {
                    sink(job.path, html.into_bytes());
                    None
                }
                Err(d) => Some(d),
            })
            .collect()
    };
    // The feeds and the search index are a few large files, each made on
    // one thread: they are made beside the pages, not after them.
    let ((mut failures, by_engagement), ()) = rayon::join(
        || {
            rayon::join(
                || render_all(pages::portfolio(input)),
                // An engagement's page data (with its charts) is made only when its
                // pages are rendered, so memory holds the engagements in flight, not all.
                || {
                    input
                        .portfolio
                        .engagements
                        .par_iter()
                        .zip(input.analyses.par_iter())
                        .map(|(e, a)| render_all(pages::engagement(input, e, a)))
                        .collect::<Vec<Vec<Diagnostic>>>()
                },
            )
        },
        || {
            for (path, bytes) in feeds::files(input) {
                sink(path, bytes);
            }
        },
    );
    failures.extend(by_engagement.into_iter().flatten());
    // One broken template fails every page that uses it: report it once.
    let mut errors = Vec::new();
    for d in failures {
        if !errors.contains(&d) {
            errors.push(d);
        }
    }
    for (path, file) in engine.theme().statics() {
        sink(path.to_string(), file.bytes.clone());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
