//! The build, as a short list of stages: load -> validate -> scope -> analyse
//! -> render -> write. Each stage is timed for `--timings`.

use std::path::PathBuf;
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
    let mut files = render::render(&input, &engine).map_err(Error::Content)?;
    // The machine-readable figures (data/*.json, data/*.csv), as `rapporteur export` gives them.
    files.extend(export::site_files(&export::figures(
        &portfolio, &analyses, opts.as_of, &scope,
    )));
    clock.lap("render", &mut report);
    report.pages = files.keys().filter(|k| k.ends_with(".html")).count();
    report.charts = count_charts(&files);
    report.files = files.len();
    Ok((files, report))
}

/// Builds the site and swaps it into the output folder.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    output::check_out_dir(&opts.root, &opts.out)?;
    let (files, mut report) = render_site(opts)?;
    let start = Instant::now();
    output::write_site(&opts.out, &files)?;
    report.timings.push(("write", start.elapsed()));
    Ok(report)
}

fn count_charts(files: &SiteFiles) -> usize {
    files
        .iter()
        .map(|(path, bytes)| match path.rsplit('.').next() {
            Some("html") => bytes.windows(4).filter(|w| w == b"<svg").count(),
            Some("svg") => 1,
            _ => 0,
        })
        .sum()
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
