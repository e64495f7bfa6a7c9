//! `rapporteur diff --base REV [--head REV]`: the figures at two git
//! revisions, compared, printed as Markdown (`crate::export::diff`). The
//! revisions are read into temporary folders by `crate::git`.

use std::path::Path;

use clap::Args;

use super::ContentArgs;
use crate::diagnostic::printable;
use crate::error::{Error, Result};
use crate::export::signoff::{self, ChangedAfterSignOff};
use crate::export::{Computed, diff};
use crate::git::Repo;
use crate::load;
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
    /// Exit with 1 when a value of a month the base had signed off changed
    /// without both sides signing it off again.
    #[arg(long)]
    pub strict: bool,
}

/// The values changed after sign-off between the repositories at `base`
/// and `head` (`crate::export::signoff`).
fn changed_after_sign_off(base: &Path, head: &Path) -> Result<Vec<ChangedAfterSignOff>> {
    let base = load::load(base)?;
    let head = load::load(head)?;
    let text = |rel: &Path| head.sources.get(rel).map(|s| s.text.clone());
    let mut out = Vec::new();
    for b in &base.portfolio.engagements {
        let periods = head
            .portfolio
            .engagements
            .iter()
            .find(|h| h.id == b.id)
            .map_or(&[][..], |h| h.periods.as_slice());
        out.extend(signoff::changed_after_sign_off(
            &b.id, &b.periods, periods, &text,
        ));
    }
    Ok(out)
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
    let (head, head_label, restated) = match &args.head {
        Some(rev) => {
            let tree = repo.checkout(rev)?;
            let computed = compute(tree.path(), &format!("head revision {rev}"))?;
            let restated = changed_after_sign_off(base_tree.path(), tree.path())?;
            (computed, repo.label(rev)?, restated)
        }
        None => (
            compute(&content.root, "working tree")?,
            "working tree".to_string(),
            changed_after_sign_off(base_tree.path(), &content.root)?,
        ),
    };
    let sides = diff::Sides {
        base: &base_label,
        head: &head_label,
    };
    let mut text = diff::markdown(&base.export, &head.export, &sides);
    text.push_str(&signoff::markdown(&restated));
    print!("{}", printable(&text, true));
    Ok(u8::from(args.strict && !restated.is_empty()))
}
