//! `rapporteur import FILE --mapping MAPPING.yaml`: turn a CSV or
//! spreadsheet export into period files (the stages are in `crate::import`).
//! Prints every bad cell, mapping problem and conflict of the run; writes
//! nothing unless all is well (conflicts only with `--force`); with
//! `--dry-run` prints the change as a unified diff instead. Exit codes as
//! for `check`: 0 ok, 1 content errors or conflicts, 2 usage or I/O.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use super::Verbosity;
use crate::error::Result;
use crate::import::{self, Outcome};
use crate::output::{self, Overwrite};

/// Bad cells printed in one run; the rest are counted.
const MAX_BAD_CELLS: usize = 1000;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export: .csv, .xlsx, .xls or .ods.
    pub file: PathBuf,
    /// The mapping of its columns onto KPIs and hours (see docs/import.md).
    #[arg(long, value_name = "MAPPING.yaml")]
    pub mapping: PathBuf,
    /// Print the change as a unified diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace values that differ from the import's (conflicts).
    #[arg(long)]
    pub force: bool,
    /// The report repository (holds rapporteur.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

pub fn execute(args: ImportArgs, verbosity: Verbosity) -> Result<u8> {
    let outcome = import::plan(&args.root, &args.file, &args.mapping, args.force)?;
    let color = super::color(std::io::stderr().is_terminal());
    for d in &outcome.diagnostics {
        eprint!("{}", d.render(color));
    }
    let file = args.file.display().to_string();
    for bad in outcome.bad_cells.iter().take(MAX_BAD_CELLS) {
        let line = crate::diagnostic::printable(&format!("{file}:{bad}"), false).into_owned();
        eprintln!("error: {line}");
    }
    let shown = outcome.bad_cells.len().min(MAX_BAD_CELLS);
    if outcome.bad_total > shown {
        eprintln!(
            "error: {} more bad cells in {file}",
            outcome.bad_total - shown
        );
    }
    for (rel, conflict) in &outcome.conflicts {
        let label = if args.force { "replaced" } else { "conflict" };
        eprintln!("{label}: {}: {conflict}", rel.display());
    }
    if outcome.refused(args.force) {
        summary_refused(&outcome, args.force);
        return Ok(1);
    }
    if args.dry_run {
        print_diff(&outcome);
        return Ok(0);
    }
    for change in &outcome.changes {
        let path = args.root.join(&change.rel);
        match change.old {
            None => output::write_file(&path, change.new.as_bytes(), Overwrite::Never)?,
            Some(_) => output::replace_file(&path, change.new.as_bytes())?,
        }
        if verbosity >= Verbosity::Verbose {
            eprintln!("wrote {}", change.rel.display());
        }
    }
    if verbosity >= Verbosity::Normal {
        let created = outcome.changes.iter().filter(|c| c.old.is_none()).count();
        eprintln!(
            "imported {} rows into {} months: {} files created, {} updated, {} unchanged",
            outcome.rows,
            outcome.months,
            created,
            outcome.changes.len() - created,
            outcome.months.saturating_sub(outcome.changes.len())
        );
    }
    Ok(0)
}

fn summary_refused(outcome: &Outcome, force: bool) {
    let mut reasons = Vec::new();
    if outcome.bad_total > 0 {
        reasons.push(format!("{} bad cells", outcome.bad_total));
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        reasons.push(format!("{errors} errors"));
    }
    if !force && !outcome.conflicts.is_empty() {
        reasons.push(format!(
            "{} conflicts (values already there that differ; --force replaces them)",
            outcome.conflicts.len()
        ));
    }
    eprintln!("error: nothing written: {}", reasons.join(", "));
}

fn print_diff(outcome: &Outcome) {
    for change in &outcome.changes {
        let rel = change.rel.display().to_string();
        let old = change.old.as_deref().unwrap_or("");
        let diff = similar::TextDiff::from_lines(old, &change.new);
        let from = if change.old.is_some() {
            format!("a/{rel}")
        } else {
            "/dev/null".to_string()
        };
        print!(
            "{}",
            diff.unified_diff()
                .context_radius(3)
                .header(&from, &format!("b/{rel}"))
        );
    }
}
