//! `rapporteur diff --base REV [--head REV]`: the figures at two git
//! revisions, compared, printed as Markdown (`crate::export::diff`). The
//! revisions are read into temporary folders by `crate::git`.

use std::path::Path;

use clap::Args;

use super::ContentArgs;
use crate::diagnostic::printable;
use crate::error::{Error, Result};
use crate::export::{Computed, diff};
use crate::git::Repo;
use crate::site::{self, BuildOptions};

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
}

pub fn execute(args: DiffArgs) -> Result<u8> {
    let content = &args.content;
    let opts = content.options()?;
    let repo = Repo::of(&content.root)?;
    let compute = |root: &Path, side: &str| -> Result<Computed> {
        site::figures(&BuildOptions {
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
    let text = diff::markdown(&base.export, &head.export, &sides);
    print!("{}", printable(&text, true));
    Ok(0)
}
