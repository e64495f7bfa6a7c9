//! The `rapporteur` binary: parse arguments, run a subcommand, print, exit.

use std::process::ExitCode;

use clap::Parser;

use rapporteur::cmd::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::execute(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if let rapporteur::error::Error::Content(diagnostics) = &err {
                for d in diagnostics {
                    eprint!("{d}");
                }
            }
            eprintln!("error: {err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
