//! `rapporteur build`: render the site into the output folder.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use super::{ContentArgs, Verbosity};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::site::{self, BuildOptions};

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// The output folder (default: `public` under the root).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Absolute links under this URL instead of relative links.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print how long each stage took (also with --verbose).
    #[arg(long)]
    pub timings: bool,
    /// Replace an --out folder that rapporteur did not make (it has no
    /// .rapporteur-output file), deleting everything in it.
    #[arg(long)]
    pub force: bool,
    /// Also write each review pack as an A4 PDF beside its page
    /// (engagements/<id>/review/<YYYY-Qn>.pdf).
    #[arg(long)]
    pub pdf: bool,
    /// Word the site and write its figures in this language of the theme
    /// (`en`, `de`) instead of the configuration's `language`.
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,
}

pub fn execute(args: BuildArgs, verbosity: Verbosity) -> Result<u8> {
    if args.pdf && !crate::render::pdf::AVAILABLE {
        return Err(Error::Usage(
            "--pdf: this rapporteur was built without PDF support (the cargo feature `pdf`); \
             install it with default features, or build without --pdf"
                .into(),
        ));
    }
    super::set_jobs(args.jobs)?;
    crate::output::install_interrupt_handler()?;
    let content = &args.content;
    let defaults = content.options()?;
    let opts = BuildOptions {
        out: args.out.clone().unwrap_or(defaults.out.clone()),
        base_url: args.base_url.clone(),
        strict: args.strict,
        force: args.force,
        pdf: args.pdf,
        language: args.language.clone(),
        ..defaults
    };
    let color = super::color(std::io::stderr().is_terminal());
    let progress = spinner(verbosity, "building the reports".to_string());
    let built = site::build(&opts);
    progress.finish_and_clear();
    let report = match built {
        Ok(report) => report,
        Err(Error::Content(diagnostics)) => {
            for d in &diagnostics {
                eprintln!("{}", d.render(color));
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            eprintln!(
                "build failed: {errors} error(s), {warnings} warning(s){}; nothing was written, \
                 {} is as it was",
                if args.strict { " (--strict)" } else { "" },
                opts.out.display()
            );
            return Ok(1);
        }
        Err(e) => return Err(e),
    };
    for w in &report.warnings {
        eprintln!("{}", w.render(color));
    }
    for problem in &report.problems {
        eprintln!("warning: {problem}");
    }
    if verbosity == Verbosity::Quiet {
        return Ok(0);
    }
    if args.timings || verbosity == Verbosity::Verbose {
        for (stage, time) in &report.timings {
            eprintln!("{stage:>12}: {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
        eprintln!("render+write by kind of work, summed over threads:");
        for (work, time) in &report.work {
            eprintln!("  {work:>22}: {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    eprintln!("{}", summary(&report, &opts.out, opts.as_of));
    Ok(0)
}

/// The one line every build ends with: pages, charts, files, where, when, how long.
pub(super) fn summary(
    report: &site::BuildReport,
    out: &std::path::Path,
    as_of: chrono::NaiveDate,
) -> String {
    let total: f64 = report.timings.iter().map(|(_, t)| t.as_secs_f64()).sum();
    format!(
        "built {} pages, {} charts ({} files) into {} as of {} [{}] in {:.0} ms{}",
        report.pages,
        report.charts,
        report.files,
        out.display(),
        as_of,
        report.scope,
        total * 1000.0,
        warnings_suffix(&report.warnings),
    )
}

/// A spinner on stderr while a long step runs: only on a terminal, never
/// when `CI` is set or with `--quiet`, so logs stay clean.
pub(super) fn spinner(verbosity: Verbosity, message: String) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let show = verbosity != Verbosity::Quiet
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none();
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    bar
}

fn warnings_suffix(warnings: &[Diagnostic]) -> String {
    match warnings.len() {
        0 => String::new(),
        n => format!(", {n} warning(s)"),
    }
}
