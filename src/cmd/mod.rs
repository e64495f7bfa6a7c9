//! Command-line interface: one file per subcommand, each with `execute`.

mod build;
mod check;
mod diff;
mod export;
mod import;
mod init;
mod new;
mod schema;
mod serve;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::model::Audience;
use crate::site::BuildOptions;

#[derive(Debug, Parser)]
#[command(
    name = "rapporteur",
    version,
    about = "Relationship reports for outsourcing engagements, built from YAML and Markdown"
)]
pub struct Cli {
    /// Print only warnings and errors: no progress, no summary line.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: stage timings, files written, each rebuild and request.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// How much a command prints besides its result, warnings and errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the static site into the output folder.
    Build(build::BuildArgs),
    /// Check the content, the configuration and the theme; write nothing.
    Check(check::CheckArgs),
    /// Build, serve on 127.0.0.1, rebuild on change and reload open pages.
    Serve(serve::ServeArgs),
    /// Scaffold a report repository with an example engagement and CI files.
    Init(init::InitArgs),
    /// Write a new note, period or engagement from a template.
    New(new::NewArgs),
    /// Write the JSON Schemas of every YAML file, for editors and CI.
    Schema(schema::SchemaArgs),
    /// Print every computed figure as JSON or CSV.
    Export(export::ExportArgs),
    /// Every input and figure that changed between two git revisions.
    Diff(diff::DiffArgs),
    /// Turn a CSV or spreadsheet export into period files, by a mapping.
    Import(import::ImportArgs),
}

/// Flags shared by every subcommand that reads content.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The report repository (holds rapporteur.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The report date (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Who the output is for: `shared` leaves out internal items.
    #[arg(long, value_enum, default_value = "internal")]
    pub audience: AudienceArg,
    /// Only the engagements with this client (by name or engagement-free slug).
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Only the engagements with this provider.
    #[arg(long, value_name = "NAME")]
    pub provider: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AudienceArg {
    Internal,
    Shared,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Audience {
        match a {
            AudienceArg::Internal => Audience::Internal,
            AudienceArg::Shared => Audience::Shared,
        }
    }
}

impl ContentArgs {
    /// The options every command's stages run with, from these shared
    /// flags: output `public/` under the root, no `--base-url`, warnings do
    /// not fail, nothing forced. Each command sets what its own flags say.
    pub fn options(&self) -> Result<BuildOptions> {
        Ok(BuildOptions {
            root: self.root.clone(),
            out: self.root.join("public"),
            as_of: self.as_of()?,
            audience: self.audience.into(),
            client: self.client.clone(),
            provider: self.provider.clone(),
            base_url: None,
            strict: false,
            force: false,
            pdf: false,
            language: None,
        })
    }

    /// `--as-of`, else `SOURCE_DATE_EPOCH`, else today.
    pub fn as_of(&self) -> Result<NaiveDate> {
        as_of_from(self.as_of.as_deref())
    }
}

/// The report date for a `--as-of` flag value: the flag, else
/// `SOURCE_DATE_EPOCH`, else today. Every subcommand decides it here.
pub(crate) fn as_of_from(flag: Option<&str>) -> Result<NaiveDate> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    resolve_as_of(flag, epoch.as_deref(), chrono::Local::now().date_naive())
}

fn resolve_as_of(flag: Option<&str>, epoch: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    if let Some(text) = flag {
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            Error::Usage(format!("--as-of `{text}` is not a date: write YYYY-MM-DD"))
        })?;
        return in_range(date, &format!("--as-of `{text}`"));
    }
    if let Some(text) = epoch.filter(|t| !t.trim().is_empty()) {
        let seconds: i64 = text.trim().parse().map_err(|_| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH `{text}` is not a number of seconds"
            ))
        })?;
        let what = format!("SOURCE_DATE_EPOCH `{text}`");
        let date = chrono::DateTime::from_timestamp(seconds, 0)
            .map(|t| t.date_naive())
            .ok_or_else(|| {
                Error::Usage(format!(
                    "{what} is out of range: give seconds since 1970 for a date in {}",
                    crate::validate::ranges::YEARS_TEXT
                ))
            })?;
        return in_range(date, &what);
    }
    in_range(today, "today's date")
}

/// A report date far from the content's years makes nonsense (and long
/// month ranges): the same years as dates in the content (docs/check.md).
fn in_range(date: NaiveDate, what: &str) -> Result<NaiveDate> {
    if crate::validate::ranges::year_in_range(date) {
        Ok(date)
    } else {
        Err(Error::Usage(format!(
            "{what} is {date}, outside {}: give a report date in those years",
            crate::validate::ranges::YEARS_TEXT
        )))
    }
}

/// Runs the subcommand; returns the exit code.
pub fn execute(cli: Cli) -> Result<u8> {
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    match cli.command {
        Command::Build(args) => build::execute(args, verbosity),
        Command::Check(args) => check::execute(args, verbosity),
        Command::Serve(args) => serve::execute(args, verbosity),
        Command::Init(args) => init::execute(args, verbosity),
        Command::New(args) => new::execute(args, verbosity),
        Command::Schema(args) => schema::execute(args, verbosity),
        Command::Export(args) => export::execute(args),
        Command::Diff(args) => diff::execute(args),
        Command::Import(args) => import::execute(args, verbosity),
    }
}

/// Colour on a terminal, unless NO_COLOR is set to anything but "".
fn color(is_terminal: bool) -> bool {
    is_terminal && color_allowed(std::env::var_os("NO_COLOR").as_deref())
}

fn color_allowed(no_color: Option<&std::ffi::OsStr>) -> bool {
    no_color.is_none_or(|v| v.is_empty())
}

/// More threads than this never helps and costs a stack each (`--jobs
/// 20000` took minutes and 1.4 GB on a 7-page site).
const MAX_JOBS: usize = 256;

/// The most threads `--jobs` gives: 4 per core (I/O waits), at most `MAX_JOBS`.
fn jobs_cap() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    cores.saturating_mul(4).min(MAX_JOBS)
}

/// Sizes the global thread pool once, before any parallel work. Above
/// `jobs_cap` the count is lowered with a warning: the output is the same
/// whatever the count, so a CI file written for a bigger machine still works.
fn set_jobs(jobs: Option<usize>) -> Result<()> {
    if let Some(n) = jobs {
        if n == 0 {
            return Err(Error::Usage("--jobs must be at least 1".into()));
        }
        let cap = jobs_cap();
        let n = if n > cap {
            eprintln!(
                "warning: --jobs {n} is more than this machine can use; using {cap} \
                 (4 per core, at most {MAX_JOBS})"
            );
            cap
        } else {
            n
        };
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Error::Usage(format!("--jobs: {e}")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_any_non_empty_value() {
        assert!(color_allowed(None));
        assert!(color_allowed(Some("".as_ref())));
        assert!(!color_allowed(Some("1".as_ref())));
    }

    #[test]
    fn as_of_prefers_flag_then_epoch_then_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            resolve_as_of(Some("2026-03-01"), Some("0"), today).unwrap(),
            d("2026-03-01")
        );
        assert_eq!(
            resolve_as_of(None, Some("86400"), today).unwrap(),
            d("1970-01-02")
        );
        assert_eq!(resolve_as_of(None, None, today).unwrap(), today);
        assert!(resolve_as_of(Some("2026-02-30"), None, today).is_err());
        assert!(resolve_as_of(None, Some("soon"), today).is_err());
        for far in [
            "99999999999999999",
            "-99999999999",
            "-2208988801",
            "7289654400",
        ] {
            assert!(resolve_as_of(None, Some(far), today).is_err(), "{far}");
        }
        assert!(resolve_as_of(Some("2201-01-01"), None, today).is_err());
        assert!(resolve_as_of(Some("1900-01-01"), None, today).is_ok());
    }
}
