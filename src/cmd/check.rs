//! `rapporteur check`: run every check `build` runs, write nothing, and
//! report each problem as text for people, JSON lines for tools, or GitHub
//! workflow commands for inline pull-request annotations.

use std::io::{IsTerminal, Write};
use std::path::Path;

use clap::{Args, ValueEnum};

use super::{ContentArgs, Verbosity};
use crate::check::{self, Counts};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::site::{self, BuildOptions};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// How to print the problems.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Headline, source line and caret; coloured on a terminal unless NO_COLOR is set.
    Human,
    /// One JSON object per line (JSON Lines), one per problem.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    Github,
}

pub fn execute(args: CheckArgs, verbosity: Verbosity) -> Result<u8> {
    let content = &args.content;
    let opts = BuildOptions {
        strict: args.strict,
        ..content.options()?
    };
    let checked = check::check(&opts.root, opts.language.as_deref())?;
    let counts = checked.counts;
    let timings = checked.timings.clone();
    let mut diagnostics = checked.diagnostics.clone();
    if !checked.fails(false) {
        // Content and templates are sound: render in memory too, so that
        // errors only rendering shows (a template using a missing value, an
        // unknown --client) are found without writing anything.
        match site::render_checked_for_problems(checked, &opts) {
            Ok(_) => {}
            Err(Error::Content(found)) => {
                for d in found {
                    if !diagnostics.contains(&d) {
                        diagnostics.push(d);
                    }
                }
                diagnostic::sort(&mut diagnostics);
            }
            Err(e) => return Err(e),
        }
    }
    let stdout = std::io::stdout();
    let color = super::color(stdout.is_terminal());
    let summary = verbosity != Verbosity::Quiet;
    let text = report(
        &diagnostics,
        counts,
        args.format,
        &opts.root,
        color,
        summary,
    );
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("standard output", e))?;
    if args.format == Format::Json && summary {
        eprintln!("{}", counts.summary(&diagnostics));
    }
    if verbosity == Verbosity::Verbose {
        for (stage, time) in &timings {
            eprintln!("{stage:>10}: {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    Ok(u8::from(check::fails(&diagnostics, args.strict)))
}

/// Everything printed on standard output for `format`.
pub fn report(
    diagnostics: &[Diagnostic],
    counts: Counts,
    format: Format,
    root: &Path,
    color: bool,
    summary: bool,
) -> String {
    let mut out = String::new();
    match format {
        Format::Human => {
            for d in diagnostics {
                out.push_str(&d.render(color));
                out.push('\n');
            }
            if summary {
                out.push_str(&counts.summary(diagnostics));
                out.push('\n');
            }
        }
        Format::Json => {
            for d in diagnostics {
                // Every field is text or a number (the file lossily): this
                // cannot fail, and a panic must not be the answer if it did.
                let line = serde_json::to_string(d).unwrap_or_else(|e| {
                    serde_json::json!({ "severity": "error", "message": e.to_string() }).to_string()
                });
                out.push_str(&line);
                out.push('\n');
            }
        }
        Format::Github => {
            for d in diagnostics {
                out.push_str(&github_command(d, root));
                out.push('\n');
            }
            if summary {
                out.push_str(&counts.summary(diagnostics));
                out.push('\n');
            }
        }
    }
    out
}

/// One workflow command. The file is given from the working directory (the
/// root joined to the diagnostic's path), which is what GitHub resolves.
fn github_command(d: &Diagnostic, root: &Path) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = if root == Path::new(".") || root.as_os_str().is_empty() {
        d.file.clone()
    } else {
        root.join(&d.file)
    };
    let file = file.to_string_lossy().replace('\\', "/");
    let file = file.strip_prefix("./").unwrap_or(&file).to_string();
    format!(
        "::{level} file={},line={},col={},title=rapporteur::{}",
        escape_property(&file),
        d.line,
        d.column,
        escape_data(&d.message)
    )
}

fn escape_data(text: &str) -> String {
    diagnostic::printable(text, true)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Diagnostic> {
        vec![
            Diagnostic::error("content/a,b/engagement.yaml", "bad: 100%\nreally").at(
                "x: 1\nname: 5\n",
                2,
                7,
            ),
        ]
    }

    const COUNTS: Counts = Counts {
        engagements: 1,
        periods: 0,
        notes: 0,
    };

    #[test]
    fn github_commands_are_escaped_and_rooted() {
        let out = report(
            &sample(),
            COUNTS,
            Format::Github,
            Path::new("reports"),
            false,
            true,
        );
        assert_eq!(
            out.lines().next().unwrap(),
            "::error file=reports/content/a%2Cb/engagement.yaml,line=2,col=7,title=rapporteur::bad: 100%25%0Areally"
        );
        let out = report(
            &sample(),
            COUNTS,
            Format::Github,
            Path::new("."),
            false,
            true,
        );
        assert!(
            out.starts_with("::error file=content/a%2Cb/engagement.yaml,"),
            "{out}"
        );
    }

    #[test]
    fn json_is_one_object_per_line() {
        let out = report(&sample(), COUNTS, Format::Json, Path::new("."), false, true);
        assert_eq!(out.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(v["severity"], "error");
        assert_eq!(v["file"], "content/a,b/engagement.yaml");
        assert_eq!(v["line"], 2);
        assert_eq!(v["column"], 7);
        assert_eq!(v["source_line"], "name: 5");
    }

    #[test]
    fn human_ends_with_the_summary() {
        let out = report(&[], COUNTS, Format::Human, Path::new("."), false, true);
        assert_eq!(
            out,
            "checked 1 engagement, 0 periods, 0 notes: no problems\n"
        );
        let quiet = report(&[], COUNTS, Format::Human, Path::new("."), false, false);
        assert_eq!(quiet, "");
    }
}
