//! Render: view data for each page, Tera templates, Markdown, and the files
//! beside the pages (feed, calendar, search index); returns the whole site in
//! memory. Nothing here touches the file system (see `output`).

mod charts;
pub mod engine;
mod feeds;
pub mod format;
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

/// Renders every page, writes the feeds and copies the theme's static files.
pub fn render(input: &Input, engine: &Engine) -> Result<SiteFiles, Vec<Diagnostic>> {
    let jobs = pages::all(input);
    let rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .into_par_iter()
        .map(|job| {
            engine
                .render(job.template, &job.context)
                .map(|html| (job.path, html.into_bytes()))
        })
        .collect();
    let mut files = SiteFiles::new();
    let mut errors = Vec::new();
    for r in rendered {
        match r {
            Ok((path, bytes)) => {
                files.insert(path, bytes);
            }
            // One broken template fails every page that uses it: report it once.
            Err(d) if !errors.contains(&d) => errors.push(d),
            Err(_) => {}
        }
    }
    files.extend(feeds::files(input));
    for (path, file) in engine.theme().statics() {
        files.insert(path.to_string(), file.bytes.clone());
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}
