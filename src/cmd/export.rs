//! `rapporteur export`: every computed figure as JSON or as one CSV table, on
//! standard output or into a file. The shaping lives in `crate::export`,
//! shared with the build's `data/` files.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::ContentArgs;
use crate::error::{Error, Result};
use crate::export::{self, csv::Table};
use crate::output::{self, Overwrite};
use crate::site::{self, BuildOptions};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// JSON (every figure in one document) or CSV (one table, see --table).
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// The CSV table to print (default: engagements).
    #[arg(long, value_enum)]
    pub table: Option<Table>,
    /// Write into this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the --out file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

pub fn execute(args: ExportArgs) -> Result<u8> {
    if args.table.is_some() && args.format == Format::Json {
        return Err(Error::Usage(
            "--table picks one CSV table: add --format csv (JSON holds every table)".into(),
        ));
    }
    let opts = BuildOptions {
        strict: args.strict,
        ..args.content.options()?
    };
    let computed = site::figures(&opts)?;
    for w in &computed.warnings {
        eprint!("{w}");
    }
    let text = match args.format {
        Format::Json => export::to_json(&computed.export),
        Format::Csv => {
            export::csv::table(&computed.export, args.table.unwrap_or(Table::Engagements))
        }
    };
    match &args.out {
        Some(path) => {
            let overwrite = if args.force {
                Overwrite::Allowed
            } else {
                Overwrite::Never
            };
            output::write_file(path, text.as_bytes(), overwrite)?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| Error::io("<stdout>", e))?;
        }
    }
    Ok(0)
}
