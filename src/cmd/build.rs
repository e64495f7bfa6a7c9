//! `rapporteur build`: render the site into the output folder.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use super::ContentArgs;
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
    /// Print how long each stage took.
    #[arg(long)]
    pub timings: bool,
}

pub fn execute(args: BuildArgs) -> Result<u8> {
    super::set_jobs(args.jobs)?;
    let content = &args.content;
    let opts = BuildOptions {
        root: content.root.clone(),
        out: args
            .out
            .clone()
            .unwrap_or_else(|| content.root.join("public")),
        as_of: content.as_of()?,
        audience: content.audience.into(),
        client: content.client.clone(),
        provider: content.provider.clone(),
        base_url: args.base_url.clone(),
        strict: args.strict,
    };
    let color = super::color(std::io::stderr().is_terminal());
    let report = match site::build(&opts) {
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
    if args.timings {
        for (stage, time) in &report.timings {
            eprintln!("{stage:>10}: {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    let total: f64 = report.timings.iter().map(|(_, t)| t.as_secs_f64()).sum();
    eprintln!(
        "built {} pages ({} files) into {} as of {} [{}] in {:.0} ms{}",
        report.pages,
        report.files,
        opts.out.display(),
        opts.as_of,
        report.scope,
        total * 1000.0,
        warnings_suffix(&report.warnings),
    );
    Ok(0)
}

fn warnings_suffix(warnings: &[Diagnostic]) -> String {
    match warnings.len() {
        0 => String::new(),
        n => format!(", {n} warning(s)"),
    }
}
