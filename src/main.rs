//! The `rapporteur` binary: parse arguments, run a subcommand, print, exit.

use std::process::ExitCode;

use clap::Parser;

use rapporteur::cmd::{self, Cli};

/// mimalloc instead of the system allocator: a build allocates and frees
/// many small strings (templates, charts, Markdown) on every thread, and
/// glibc's malloc took about a sixth of a build's CPU time
/// (docs/performance.md, "Where the time goes").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            let message = rapporteur::diagnostic::printable(&err.to_string(), true).into_owned();
            eprintln!("error: {message}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
