//! Revisions of the report repository as folders on disk, for `diff`.
//!
//! Each revision is read into a temporary folder with the `git` command —
//! `read-tree` into a temporary index file, then `checkout-index` into the
//! folder — so neither the repository's index, its work tree nor its list of
//! worktrees changes. Without `--head` the working tree itself (with
//! uncommitted edits) is the head. Both sides use the same `--as-of`.
//!
//! A submodule in the tree (a gitlink) is read the same way from its own
//! repository, at the commit the revision records, when that repository is
//! checked out here; otherwise it stays an empty folder, and if it is under
//! `content/` the command stops and says to run `git submodule update
//! --init` (an engagement missing from one side would read as removed). A
//! revision missing from a shallow clone is reported as such, with how to
//! fetch more history (docs/commands.md, `diff`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// The git repository that holds the report repository.
pub(crate) struct Repo {
    toplevel: PathBuf,
    /// The report root inside the repository (`""` at the top, else `sub/dir`).
    prefix: String,
}

/// A revision's tree of the report root, deleted when dropped.
pub(crate) struct Tree {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Tree {
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Repo {
    pub(crate) fn of(root: &Path) -> Result<Repo> {
        let toplevel = git(root, &["rev-parse", "--show-toplevel"], &[]).map_err(|e| {
            Error::Usage(format!(
                "{} is not inside a git repository ({e}): diff compares git revisions",
                root.display()
            ))
        })?;
        let prefix = git(root, &["rev-parse", "--show-prefix"], &[])?;
        Ok(Repo {
            toplevel: PathBuf::from(toplevel),
            prefix: prefix.trim_end_matches('/').to_string(),
        })
    }

    /// `main (1a2b3c4)`.
    pub(crate) fn label(&self, rev: &str) -> Result<String> {
        let short = git(
            &self.toplevel,
            &["rev-parse", "--short", &format!("{rev}^{{commit}}")],
            &[],
        )?;
        Ok(if short.starts_with(rev) {
            short
        } else {
            format!("{rev} ({short})")
        })
    }

    /// Reads the report root at `rev` into a temporary folder.
    pub(crate) fn checkout(&self, rev: &str) -> Result<Tree> {
        if rev.starts_with('-') {
            return Err(Error::Usage(format!("`{rev}` is not a revision")));
        }
        let found = git(
            &self.toplevel,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
            &[],
        );
        if found.is_err() {
            return Err(Error::Usage(self.missing(rev)));
        }
        let dir = tempfile::Builder::new()
            .prefix("rapporteur-diff-")
            .tempdir()
            .map_err(|e| Error::io(std::env::temp_dir(), e))?;
        let tree = dir.path().join("tree");
        std::fs::create_dir(&tree).map_err(|e| Error::io(&tree, e))?;
        let treeish = if self.prefix.is_empty() {
            format!("{rev}^{{tree}}")
        } else {
            format!("{rev}:{}", self.prefix)
        };
        let worktree = self.toplevel.join(&self.prefix);
        materialise(&self.toplevel, &treeish, &worktree, &tree, dir.path(), 0).map_err(|e| {
            Error::Usage(format!(
                "cannot read {} at `{rev}`: {}",
                if self.prefix.is_empty() {
                    "the repository"
                } else {
                    &self.prefix
                },
                message(e)
            ))
        })?;
        Ok(Tree {
            _dir: dir,
            path: tree,
        })
    }

    /// Why `rev` cannot be read: a shallow clone's missing history is said
    /// as such, since "not a commit" would send the user looking for a typo.
    fn missing(&self, rev: &str) -> String {
        let shallow = git(
            &self.toplevel,
            &["rev-parse", "--is-shallow-repository"],
            &[],
        );
        if shallow.is_ok_and(|s| s == "true") {
            format!(
                "`{rev}` cannot be read because the clone is shallow: its history was cut \
                 off when it was cloned or fetched, so older revisions are missing; fetch \
                 more history (git fetch --unshallow, or fetch-depth: 0 in a CI checkout) \
                 and run diff again"
            )
        } else {
            format!(
                "`{rev}` is not a commit of {}: give a branch, tag or commit",
                self.toplevel.display()
            )
        }
    }
}

/// How deep submodules inside submodules are followed: bounded work.
const MAX_SUBMODULE_DEPTH: usize = 4;

/// Writes the tree `treeish` of the repository at `repo` into `into`, then
/// each submodule of it from its own repository (checked out at
/// `worktree`/<path>), at the commit the tree records. `scratch` holds the
/// temporary index files.
fn materialise(
    repo: &Path,
    treeish: &str,
    worktree: &Path,
    into: &Path,
    scratch: &Path,
    depth: usize,
) -> Result<()> {
    let index = scratch.join(format!("index-{depth}"));
    let env = [("GIT_INDEX_FILE", index.as_os_str())];
    git(repo, &["read-tree", treeish], &env)?;
    let mut prefix = into.to_path_buf().into_os_string();
    prefix.push("/");
    let mut arg = std::ffi::OsString::from("--prefix=");
    arg.push(&prefix);
    git_os(
        repo,
        &["checkout-index".as_ref(), "-a".as_ref(), arg.as_os_str()],
        &env,
    )?;
    // Gitlinks: `160000 <commit> 0\t<path>`, one per line.
    let staged = git(repo, &["ls-files", "--stage", "-z"], &env)?;
    let _ = std::fs::remove_file(&index);
    for entry in staged.split('\0') {
        let Some(("160000", rest)) = entry.split_once(' ') else {
            continue;
        };
        let Some((commit, path)) = rest.split_once('\t').map(|(c, p)| (c.split(' ').next(), p))
        else {
            continue;
        };
        let commit = commit.unwrap_or_default();
        let sub = worktree.join(path);
        let present = depth < MAX_SUBMODULE_DEPTH
            && sub.join(".git").exists()
            && git(
                &sub,
                &["cat-file", "-e", &format!("{commit}^{{commit}}")],
                &[],
            )
            .is_ok();
        if present {
            let target = into.join(path);
            std::fs::create_dir_all(&target).map_err(|e| Error::io(&target, e))?;
            materialise(
                &sub,
                &format!("{commit}^{{tree}}"),
                &sub,
                &target,
                scratch,
                depth + 1,
            )?;
        } else if depth == 0 && Path::new(path).starts_with(crate::load::CONTENT_DIR) {
            return Err(Error::Usage(format!(
                "{path} is a submodule whose commit {} is not checked out here; run `git \
                 submodule update --init` and run diff again",
                &commit[..commit.len().min(7)]
            )));
        }
    }
    Ok(())
}

/// The text of a git error, without the `Error` wrapping.
fn message(e: Error) -> String {
    match e {
        Error::Usage(m) => m,
        other => other.to_string(),
    }
}

fn git(dir: &Path, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Result<String> {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    git_os(dir, &args, env)
}

/// Runs `git -C dir args...`; its trimmed standard output, or its error text.
fn git_os(
    dir: &Path,
    args: &[&std::ffi::OsStr],
    env: &[(&str, &std::ffi::OsStr)],
) -> Result<String> {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().map_err(|e| {
        Error::Usage(format!(
            "cannot run git ({e}): diff needs the git command on PATH"
        ))
    })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(Error::Usage(if stderr.is_empty() {
            format!("git {:?} failed", args)
        } else {
            stderr
        }))
    }
}
