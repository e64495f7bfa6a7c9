//! Which folders a build may replace: never one that holds the sources, the
//! current folder, the home folder, a git repository or a file; and, unless
//! `build --force`, only an empty folder or one rapporteur made itself, which
//! it knows by the marker file at its top (docs/commands.md, "build").

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::absolute;
use crate::error::{Error, Result};

/// The marker file at the top of every output folder rapporteur writes.
pub const MARKER: &str = ".rapporteur-output";

/// The marker's text: fixed, so two builds of the same input stay
/// byte-identical.
pub(crate) const MARKER_TEXT: &str = "This folder is the output of `rapporteur build`. \
The next build deletes it and writes it anew: keep no files of your own here.\n";

/// The repository files whose presence says "this is a report repository".
const REPOSITORY_SIGNS: [&str; 2] = ["rapporteur.yaml", "content"];

/// Refuses a root that is not a report repository: building one would
/// write an empty site, into a `public/` that may be someone else's.
pub fn check_repository(root: &Path) -> Result<()> {
    if REPOSITORY_SIGNS.iter().any(|s| root.join(s).exists()) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} is not a report repository: it has neither rapporteur.yaml nor content/; \
         run the command in your report repository, point --root at it, or create one \
         with `rapporteur init DIR`",
        root.display()
    )))
}

/// Refuses output folders that no build may replace, with or without
/// `--force`: the sources, the current or home folder, a git repository,
/// a file.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<()> {
    let root = absolute(root)?;
    let out = absolute(out)?;
    let refuse = |why: &str| {
        Err(Error::Usage(format!(
            "refusing to build into {}: {why}; choose another --out",
            out.display()
        )))
    };
    if root.starts_with(&out) {
        return refuse("it is the repository root or contains it");
    }
    for protected in ["content", "themes", ".git"] {
        if out.starts_with(root.join(protected)) {
            return refuse(&format!("it is inside {protected}/"));
        }
    }
    if out.components().any(|c| c.as_os_str() == ".git") {
        return refuse("it is inside a .git folder");
    }
    if let Some(cwd) = std::env::current_dir().ok().and_then(|c| absolute(&c).ok())
        && cwd.starts_with(&out)
    {
        return refuse("it is the current folder or contains it");
    }
    if let Some(home) = home().and_then(|h| absolute(&h).ok())
        && home.starts_with(&out)
    {
        return refuse("it is your home folder or contains it");
    }
    match fs::symlink_metadata(&out) {
        Ok(meta) if meta.is_file() => {
            return refuse("it is a file, not a folder, and rapporteur never replaces a file");
        }
        Ok(meta) if !meta.is_dir() => return refuse("it exists and is not a folder"),
        _ => {}
    }
    if out.join(".git").exists() {
        return refuse("it holds .git, so it is a git repository");
    }
    if out.join("rapporteur.yaml").exists() {
        return refuse("it holds rapporteur.yaml, so it is a report repository");
    }
    Ok(())
}

/// Refuses an `out` that exists, is not empty and has no marker, unless
/// `force`. Run again under the output lock, just before staging.
pub(crate) fn check_replaceable(out: &Path, force: bool) -> Result<()> {
    let out = absolute(out)?;
    let mut entries = match fs::read_dir(&out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(&out, e)),
    };
    if force || entries.next().is_none() || is_marked(&out) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "refusing to build into {}: the folder is not empty and rapporteur did not make it \
         (it has no {MARKER} file); choose another --out, or add --force to delete this \
         folder and everything in it and put the site there",
        out.display()
    )))
}

/// Whether `dir` holds the marker: rapporteur made it.
pub(crate) fn is_marked(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// Writes the marker into `dir`.
pub(crate) fn mark(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER);
    fs::write(&path, MARKER_TEXT).map_err(|e| Error::io(&path, e))
}

fn home() -> Option<PathBuf> {
    let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(var)
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_may_not_hold_the_sources() {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        assert!(check_out_dir(r, r).is_err());
        assert!(check_out_dir(r, r.parent().unwrap()).is_err());
        assert!(check_out_dir(r, &r.join("content/x")).is_err());
        assert!(check_out_dir(r, &r.join("themes")).is_err());
        assert!(check_out_dir(r, &r.join("public")).is_ok());
        assert!(check_out_dir(r, &r.join("public/../content")).is_err());
        assert!(check_out_dir(r, &r.join("public/.git/x")).is_err());
    }

    #[test]
    fn only_empty_or_marked_folders_are_replaced_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        assert!(check_replaceable(&out, false).is_ok(), "missing");
        fs::create_dir(&out).unwrap();
        assert!(check_replaceable(&out, false).is_ok(), "empty");
        fs::write(out.join("thesis.tex"), "x").unwrap();
        let err = check_replaceable(&out, false).unwrap_err().to_string();
        assert!(err.contains("--force") && err.contains(MARKER), "{err}");
        assert!(check_replaceable(&out, true).is_ok(), "forced");
        mark(&out).unwrap();
        assert!(check_replaceable(&out, false).is_ok(), "marked");
    }
}
