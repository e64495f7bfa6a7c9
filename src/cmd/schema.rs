//! `rapporteur schema`: write the JSON Schema files (`crate::schema`).

use std::path::PathBuf;

use clap::Args;

use super::Verbosity;
use crate::error::Result;
use crate::output::Overwrite;
use crate::schema::{SCHEMA_DIR, write_all};

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Where to write the schema files.
    #[arg(long, value_name = "DIR", default_value = SCHEMA_DIR)]
    pub out: PathBuf,
    /// Replace schema files that are already there (after an upgrade).
    #[arg(long)]
    pub force: bool,
}

pub fn execute(args: SchemaArgs, verbosity: Verbosity) -> Result<u8> {
    let overwrite = if args.force {
        Overwrite::Allowed
    } else {
        Overwrite::Never
    };
    let written = write_all(&args.out, overwrite)?;
    if verbosity > Verbosity::Quiet {
        for path in &written {
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(0)
}
