//! `rapporteur diff --base REV [--head REV] [--format markdown|json]
//! [--strict]`: the inputs and figures at two git revisions, compared
//! (`crate::export::diff`), printed as Markdown or JSON. The revisions are
//! read into temporary folders by `crate::git`. With `--strict` the exit
//! code is 1 when a change must hold the pull request (a value changed
//! after both sides signed its month off).

use std::path::Path;

use clap::{Args, ValueEnum};

use super::ContentArgs;
use crate::diagnostic::printable;
use crate::error::{Error, Result};
use crate::export::diff::{self, Diff};
use crate::git::Repo;
use crate::site::{self, BuildOptions, Revision};

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// The revision to compare against (a branch, tag or commit).
    #[arg(long, value_name = "REV")]
    pub base: String,
    /// The revision to compare (default: the working tree, edits included).
    #[arg(long, value_name = "REV")]
    pub head: Option<String>,
    /// Markdown (a pull-request comment) or JSON (the same changes, for tools).
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: Format,
    /// Exit 1 when a value changed after its month was signed off.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

pub fn execute(args: DiffArgs) -> Result<u8> {
    let content = &args.content;
    let opts = content.options()?;
    let repo = Repo::of(&content.root)?;
    let compute = |root: &Path, side: &str| -> Result<Revision> {
        site::revision(&BuildOptions {
            root: root.to_path_buf(),
            ..opts.clone()
        })
        .map_err(|e| match e {
            Error::Content(diagnostics) => {
                for d in &diagnostics {
                    eprint!("{d}");
                }
                Error::Usage(format!(
                    "the {side} does not build ({} error(s) above); fix it first",
                    diagnostics.iter().filter(|d| d.is_error()).count()
                ))
            }
            other => other,
        })
    };
    let base_tree = repo.checkout(&args.base)?;
    let base_label = repo.label(&args.base)?;
    let base = compute(base_tree.path(), &format!("base revision {}", args.base))?;
    let (head, head_label) = match &args.head {
        Some(rev) => {
            let tree = repo.checkout(rev)?;
            let computed = compute(tree.path(), &format!("head revision {rev}"))?;
            (computed, repo.label(rev)?)
        }
        None => (
            compute(&content.root, "working tree")?,
            "working tree".to_string(),
        ),
    };
    let sides = diff::Sides {
        base: &base_label,
        head: &head_label,
    };
    let changes = Diff::between(&base, &head, &sides, opts.as_of);
    let text = match args.format {
        Format::Markdown => diff::markdown(&changes),
        Format::Json => crate::export::to_json(&changes),
    };
    print!("{}", printable(&text, true));
    Ok(if args.strict && changes.holds() { 1 } else { 0 })
}
