//! The build, as a short list of stages: load -> validate -> scope -> analyse
//! -> render+write (pages are written to a staging folder as they are
//! rendered) -> swap. Each stage is timed for `--timings`.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::check::{self, Checked};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::model::Audience;
use crate::output::{self, SiteFiles};
use crate::render;
use crate::scope::Scope;
use crate::{analyse, export};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    pub as_of: NaiveDate,
    pub audience: Audience,
    pub client: Option<String>,
    pub provider: Option<String>,
    /// Overrides `base_url` of the configuration.
    pub base_url: Option<String>,
    /// Warnings fail the build too.
    pub strict: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub pages: usize,
    /// SVG charts: `<svg` elements in pages plus `.svg` files.
    pub charts: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    pub timings: Vec<(&'static str, Duration)>,
    pub scope: String,
}

/// Builds the site in memory: every stage but writing.
pub fn render_site(opts: &BuildOptions) -> Result<(SiteFiles, BuildReport)> {
    let checked = check::check(&opts.root)?;
    if checked.fails(opts.strict) {
        return Err(Error::Content(checked.diagnostics));
    }
    render_checked(checked, opts)
}

/// The stages after the checks (`check::check`, shared with `rapporteur
/// check`): scope, analyse, render. Fails if the checks found an error.
pub fn render_checked(checked: Checked, opts: &BuildOptions) -> Result<(SiteFiles, BuildReport)> {
    let files = Mutex::new(SiteFiles::new());
    let report = render_checked_to(checked, opts, "render", &|path, bytes| {
        files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path, bytes);
    })?;
    Ok((
        files.into_inner().unwrap_or_else(|p| p.into_inner()),
        report,
    ))
}

/// `render_checked`, handing each file to `sink` as soon as it is rendered.
fn render_checked_to(
    checked: Checked,
    opts: &BuildOptions,
    stage: &'static str,
    sink: &(dyn Fn(String, Vec<u8>) + Sync),
) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let mut clock = Clock::new();
    report.timings = checked.timings;
    let engine = match checked.engine {
        Some(engine) if !checked.diagnostics.iter().any(Diagnostic::is_error) => engine,
        _ => return Err(Error::Content(checked.diagnostics)),
    };
    let mut portfolio = checked.portfolio;
    report.warnings = checked.diagnostics;

    if let Some(base) = &opts.base_url {
        portfolio.config.base_url = base.clone();
    }
    let scope = Scope {
        audience: opts.audience,
        client: opts.client.clone(),
        provider: opts.provider.clone(),
    };
    report.scope = scope.describe();
    let portfolio = scope.apply(portfolio)?;
    clock.lap("scope", &mut report);
    let analyses = analyse::analyse_portfolio(&portfolio, opts.as_of);
    clock.lap("analyse", &mut report);

    let input = render::Input {
        portfolio: &portfolio,
        analyses: &analyses,
        as_of: opts.as_of,
        scope: &scope,
        base_url: &portfolio.config.base_url,
    };
    let (pages, charts, count) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let counted = |path: String, bytes: Vec<u8>| {
        if path.ends_with(".html") {
            pages.fetch_add(1, Ordering::Relaxed);
        }
        charts.fetch_add(count_charts(&path, &bytes), Ordering::Relaxed);
        count.fetch_add(1, Ordering::Relaxed);
        sink(path, bytes);
    };
    // The machine-readable figures (data/*.json, data/*.csv), as `rapporteur
    // export` gives them, are made beside the pages rather than after them.
    let (rendered, ()) = rayon::join(
        || render::render_to(&input, &engine, &counted),
        || {
            for (path, bytes) in
                export::site_files(&export::figures(&portfolio, &analyses, opts.as_of, &scope))
            {
                counted(path, bytes);
            }
        },
    );
    rendered.map_err(Error::Content)?;
    // When files are written as they come (`build`), rendering and writing
    // overlap: that stage is "render+write" (see docs/performance.md).
    clock.lap(stage, &mut report);
    report.pages = pages.into_inner();
    report.charts = charts.into_inner();
    report.files = count.into_inner();
    Ok(report)
}

/// Builds the site and swaps it into the output folder. Pages are written
/// to a staging folder as they are rendered (memory stays bounded by the
/// pages in flight, not the site); the output is replaced only when all is
/// written, and left untouched on failure.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    output::check_out_dir(&opts.root, &opts.out)?;
    let checked = check::check(&opts.root)?;
    if checked.fails(opts.strict) {
        return Err(Error::Content(checked.diagnostics));
    }
    let staging = output::Staging::new(&opts.out)?;
    let mut report = render_checked_to(checked, opts, "render+write", &|path, bytes| {
        staging.write(&path, &bytes)
    })?;
    let start = Instant::now();
    staging.finish()?;
    report.timings.push(("swap", start.elapsed()));
    Ok(report)
}

/// SVG charts in one file: `<svg` elements of a page, or one `.svg` file.
fn count_charts(path: &str, bytes: &[u8]) -> usize {
    match path.rsplit('.').next() {
        Some("html") => memchr::memmem::find_iter(bytes, b"<svg").count(),
        Some("svg") => 1,
        _ => 0,
    }
}

struct Clock(Instant);

impl Clock {
    fn new() -> Clock {
        Clock(Instant::now())
    }

    fn lap(&mut self, stage: &'static str, report: &mut BuildReport) {
        report.timings.push((stage, self.0.elapsed()));
        self.0 = Instant::now();
    }
}
