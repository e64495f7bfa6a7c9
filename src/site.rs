//! The build, as a short list of stages: load -> validate -> scope -> analyse
//! -> render+write (pages are written to a staging folder as they are
//! rendered) -> swap. Each stage is timed for `--timings`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::analyse::EngagementAnalysis;
use crate::analyse::health::Shown;
use crate::check::{self, Checked};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::export::{self, Computed};
use crate::model::{Audience, Engagement, Portfolio};
use crate::output::{self, SiteFiles};
use crate::render::{self, Engine};
use crate::scope::Scope;
use crate::{analyse, stopwatch};

#[derive(Debug, Clone, PartialEq)]
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
    /// Replace an output folder that rapporteur did not make (`--force`).
    pub force: bool,
    /// Each review pack also as a PDF (`--pdf`).
    pub pdf: bool,
    /// Overrides `language` of the configuration (`--language`).
    pub language: Option<String>,
}

impl BuildOptions {
    /// The audience and the parties the build is for.
    pub fn scope(&self) -> Scope {
        Scope {
            audience: self.audience,
            client: self.client.clone(),
            provider: self.provider.clone(),
        }
    }
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub pages: usize,
    /// SVG charts: `<svg` elements in pages plus `.svg` files.
    pub charts: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    pub timings: Vec<(&'static str, Duration)>,
    /// Inside render+write, the time of each kind of work summed over
    /// threads (`stopwatch`).
    pub work: Vec<(&'static str, Duration)>,
    pub scope: String,
    /// What went wrong without failing the build: an old output that could
    /// not be removed (`output::Staging::finish`).
    pub problems: Vec<String>,
}

/// The stages after the checks (`check::check`): scope, analyse, render,
/// keeping no file. `rapporteur check` runs them to find the problems only
/// rendering shows, in the memory of the pages in flight. Fails if the
/// checks found an error.
pub fn render_checked_for_problems(checked: Checked, opts: &BuildOptions) -> Result<BuildReport> {
    render_checked_to(checked, opts, "render", &|_, _| {})
}

/// The files `render` hands to its sink (from any thread), gathered in memory.
pub(crate) fn collect<T>(
    render: impl FnOnce(&render::Sink) -> Result<T>,
) -> Result<(SiteFiles, T)> {
    let files = Mutex::new(SiteFiles::new());
    let value = render(&|path, bytes| {
        files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path, bytes);
    })?;
    Ok((files.into_inner().unwrap_or_else(|p| p.into_inner()), value))
}

/// Scope, analyse and render, handing each file to `sink` as soon as it is
/// rendered.
fn render_checked_to(
    checked: Checked,
    opts: &BuildOptions,
    stage: &'static str,
    sink: &render::Sink,
) -> Result<BuildReport> {
    let (prepared, mut report) = prepare(checked, opts)?;
    let mut clock = Clock::new();
    stopwatch::take();
    let counter = Counter::new(sink);
    render_prepared(&prepared, opts.as_of, &|p, b| counter.sink(p, b))?;
    // When files are written as they come (`build`), rendering and writing
    // overlap: that stage is "render+write" (see docs/performance.md).
    clock.lap(stage, &mut report);
    report.work = stopwatch::take();
    counter.report(&mut report);
    Ok(report)
}

/// What the pages are rendered from: the scoped portfolio, its analyses and
/// the compiled templates. `live::LiveSite` keeps it to re-render a part.
pub(crate) struct Prepared {
    pub portfolio: Portfolio,
    pub analyses: Vec<EngagementAnalysis>,
    /// In an internal build, the health the partner's shared build shows
    /// for each engagement, in the same order (`partner_view`); empty in a
    /// shared build.
    pub partner: Vec<Shown>,
    pub scope: Scope,
    /// Shared with `live`'s rebuilds, which render while the site is served.
    pub engine: Arc<Engine>,
    /// `--pdf`: review packs as PDF too.
    pub pdf: bool,
}

impl Prepared {
    pub fn input(&self, as_of: NaiveDate) -> render::Input<'_> {
        render::Input {
            portfolio: &self.portfolio,
            analyses: &self.analyses,
            partner: (self.scope.audience == Audience::Internal).then_some(&self.partner[..]),
            as_of,
            scope: &self.scope,
            base_url: &self.portfolio.config.base_url,
            pdf: self.pdf,
            language: self.engine.language(),
        }
    }
}

/// The stages between the checks and rendering: scope and analyse. Fails
/// if the checks found an error.
pub(crate) fn prepare(checked: Checked, opts: &BuildOptions) -> Result<(Prepared, BuildReport)> {
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
    let scope = opts.scope();
    report.scope = scope.describe();
    let portfolio = scope.apply(portfolio)?;
    clock.lap("scope", &mut report);
    let analyses = analyse::analyse_portfolio(&portfolio, opts.as_of);
    let partner = partner_view(&scope, &portfolio, opts.as_of);
    clock.lap("analyse", &mut report);
    let prepared = Prepared {
        portfolio,
        analyses,
        partner,
        scope,
        engine: Arc::new(engine),
        pdf: opts.pdf,
    };
    Ok((prepared, report))
}

/// What the partner reads: each engagement's health in the shared build of
/// the same parties, so that no one prepares a meeting on a different
/// number than the other side has (docs/metrics.md, "Partner view"). The
/// health alone, not the whole analysis: it is shown beside the figure,
/// nothing else. Empty in a shared build, which shows no partner view.
pub(crate) fn partner_view(scope: &Scope, portfolio: &Portfolio, as_of: NaiveDate) -> Vec<Shown> {
    use rayon::prelude::*;
    if scope.audience != Audience::Internal {
        return Vec::new();
    }
    portfolio
        .engagements
        .par_iter()
        .map(|e| partner_health(scope, e, &portfolio.config, as_of))
        .collect()
}

/// The partner's health of one engagement of an internal build, at `as_of`.
pub(crate) fn partner_health(
    scope: &Scope,
    e: &Engagement,
    config: &crate::config::Config,
    as_of: NaiveDate,
) -> Shown {
    match shared(scope, e, config.survey.min_responses) {
        Some(shared) => analyse::health_shown_at(&shared, config, as_of),
        None => Shown::of(None, &config.thresholds.health),
    }
}

/// The engagement as the shared build of the same parties sees it.
fn shared(scope: &Scope, e: &Engagement, min_responses: usize) -> Option<Engagement> {
    let shared = Scope {
        audience: Audience::Shared,
        ..scope.clone()
    };
    shared.engagement(e.clone(), min_responses)
}

/// The figures alone, for `export` and `diff`: the content checks (no
/// templates: nothing is rendered), then scope and analyse as a build does
/// them. Content errors (and, with `strict`, warnings) fail as they fail a
/// build.
pub fn figures(opts: &BuildOptions) -> Result<Computed> {
    let content = check::check_content(&opts.root)?;
    if check::fails(&content.diagnostics, opts.strict) {
        return Err(Error::Content(content.diagnostics));
    }
    let scope = opts.scope();
    let portfolio = scope.apply(content.portfolio)?;
    let analyses = analyse::analyse_portfolio(&portfolio, opts.as_of);
    Ok(Computed {
        export: export::figures(&portfolio, &analyses, opts.as_of, &scope),
        warnings: content.diagnostics,
    })
}

/// One side of a `diff`: the figures, and the inputs they were computed
/// from — the scoped portfolio (what may be listed), the whole one and the
/// texts read (where each value is written, whatever the scope left out).
pub struct Revision {
    pub computed: Computed,
    pub scoped: Portfolio,
    pub whole: Portfolio,
    pub sources: crate::load::Sources,
}

/// [`figures`], keeping the inputs, for `diff`.
pub fn revision(opts: &BuildOptions) -> Result<Revision> {
    let content = check::check_content(&opts.root)?;
    if check::fails(&content.diagnostics, opts.strict) {
        return Err(Error::Content(content.diagnostics));
    }
    let scope = opts.scope();
    let whole = content.portfolio.clone();
    let scoped = scope.apply(content.portfolio)?;
    let analyses = analyse::analyse_portfolio(&scoped, opts.as_of);
    Ok(Revision {
        computed: Computed {
            export: export::figures(&scoped, &analyses, opts.as_of, &scope),
            warnings: content.diagnostics,
        },
        scoped,
        whole,
        sources: content.sources,
    })
}

/// Every file of the site, from what `prepare` gave: the portfolio-wide
/// files beside every engagement's pages, then the theme's static files.
pub(crate) fn render_prepared(
    prepared: &Prepared,
    as_of: NaiveDate,
    sink: &render::Sink,
) -> Result<()> {
    use rayon::prelude::*;
    let input = prepared.input(as_of);
    let engine = &prepared.engine;
    // An engagement's page data (with its charts and its past quarters'
    // figures) is made only when its pages are rendered, so memory holds
    // the engagements in flight, not all. The portfolio-wide files, a few
    // large ones, are made meanwhile.
    let (portfolio, engagements) = rayon::join(
        || render::render_portfolio_to(&input, engine, sink),
        || -> Vec<std::result::Result<(), Vec<Diagnostic>>> {
            (0..input.portfolio.engagements.len())
                .into_par_iter()
                .map(|i| render_engagement(&input, engine, i, sink))
                .collect()
        },
    );
    render::statics_to(engine, sink);
    let failures = std::iter::once(portfolio)
        .chain(engagements)
        .filter_map(std::result::Result::err)
        .flatten()
        .collect();
    render::once_each(failures).map_err(Error::Content)
}

/// The pages of the engagement at `index`: its past quarters are analysed
/// here, just before their packs are rendered.
pub(crate) fn render_engagement(
    input: &render::Input,
    engine: &Engine,
    index: usize,
    sink: &render::Sink,
) -> std::result::Result<(), Vec<Diagnostic>> {
    let e = &input.portfolio.engagements[index];
    let config = &input.portfolio.config;
    let mut reviews = analyse::review::quarter_reviews(e, config, input.as_of);
    // The partner's pack shows the health of the shared items at the
    // quarter's report date.
    if input.partner.is_some()
        && let Some(shared) = shared(input.scope, e, config.survey.min_responses)
    {
        for r in &mut reviews {
            r.partner = Some(analyse::health_shown_at(&shared, config, r.quarter.as_of()));
        }
    }
    render::render_engagement_to(input, engine, index, &reviews, sink)
}

/// Counts what passes to a sink: pages, charts, files.
pub(crate) struct Counter<'a> {
    sink: &'a render::Sink<'a>,
    pages: AtomicUsize,
    charts: AtomicUsize,
    files: AtomicUsize,
}

impl<'a> Counter<'a> {
    pub fn new(sink: &'a render::Sink<'a>) -> Counter<'a> {
        Counter {
            sink,
            pages: AtomicUsize::new(0),
            charts: AtomicUsize::new(0),
            files: AtomicUsize::new(0),
        }
    }

    pub fn sink(&self, path: String, bytes: Vec<u8>) {
        if path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        self.charts
            .fetch_add(count_charts(&path, &bytes), Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        (self.sink)(path, bytes);
    }

    pub fn report(self, report: &mut BuildReport) {
        report.pages = self.pages.into_inner();
        report.charts = self.charts.into_inner();
        report.files = self.files.into_inner();
    }
}

/// Builds the site and swaps it into the output folder. Pages are written
/// to a staging folder as they are rendered (memory stays bounded by the
/// pages in flight, not the site); the output is replaced only when all is
/// written, and left untouched on failure.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    output::check_repository(&opts.root)?;
    output::check_out_dir(&opts.root, &opts.out)?;
    // Asked again under the output lock; here to refuse before any work.
    output::check_replaceable(&opts.out, opts.force)?;
    let checked = check::check(&opts.root, opts.language.as_deref())?;
    if checked.fails(opts.strict) {
        return Err(Error::Content(checked.diagnostics));
    }
    let staging = output::Staging::new(&opts.out, opts.force)?;
    let mut report = render_checked_to(checked, opts, "render+write", &|path, bytes| {
        staging.write(&path, &bytes)
    })?;
    let start = Instant::now();
    report.problems = staging.finish()?;
    report.timings.push(("swap", start.elapsed()));
    Ok(report)
}

/// SVG charts in one file: `<svg` elements of a page, or one `.svg` file.
/// A chart's narrow drawing (labelled by `ID-n-title ID-n-desc`) is the
/// same chart.
fn count_charts(path: &str, bytes: &[u8]) -> usize {
    match path.rsplit('.').next() {
        Some("html") => {
            let svgs = memchr::memmem::find_iter(bytes, b"<svg").count();
            svgs.saturating_sub(memchr::memmem::find_iter(bytes, b"-n-title ").count())
        }
        Some("svg") => 1,
        _ => 0,
    }
}

pub(crate) struct Clock(Instant);

impl Clock {
    pub fn new() -> Clock {
        Clock(Instant::now())
    }

    pub fn lap(&mut self, stage: &'static str, report: &mut BuildReport) {
        report.timings.push((stage, self.0.elapsed()));
        self.0 = Instant::now();
    }
}
