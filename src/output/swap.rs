//! Putting a finished staging folder in the place of the output: by
//! renaming folders, or, when the output folder itself cannot be renamed (a
//! mount point, such as a container volume), by moving what is inside it.
//! Either way a failure puts everything back. Also the clean-up of staging
//! and retired folders that a killed build left.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::owner;
use crate::error::{Error, Result};

/// Whether `out` is a folder on another file system than its parent (a
/// mount point): then it cannot be renamed, and its staging folder must be
/// inside it, on its own file system.
#[cfg(unix)]
pub(crate) fn is_mount_point(out: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = out.parent().unwrap_or(out);
    match (fs::symlink_metadata(out), fs::metadata(parent)) {
        (Ok(o), Ok(p)) => o.is_dir() && o.dev() != p.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub(crate) fn is_mount_point(_: &Path) -> bool {
    false
}

/// Whether renaming a folder failed because it is a mount point (or lies
/// on another file system): moving its contents will work.
pub(crate) fn is_unmovable(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::ResourceBusy | ErrorKind::CrossesDevices
    )
}

/// Puts the staging folder `new` (beside `out`) in the place of `out`,
/// keeping the previous output in `old`. On failure `out` is as it was.
pub(crate) fn swap_folder(out: &Path, new: &Path, old: &Path) -> std::io::Result<()> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(new, out);
    }
    fs::rename(out, old)?;
    // A folder replaced with --force had no marker: mark it now that it is
    // ours to delete, so that a clean-up can remove it if this build cannot.
    let marked_here = !owner::is_marked(old) && owner::mark(old).is_ok();
    if let Err(e) = fs::rename(new, out) {
        if marked_here {
            let _ = fs::remove_file(old.join(owner::MARKER));
        }
        let _ = fs::rename(old, out);
        return Err(e);
    }
    Ok(())
}

/// Replaces what is inside `out` with what is inside `new`, moving the
/// previous entries into `old`; `new` and `old` are inside `out` (the
/// same file system). On failure every entry moved is moved back.
pub(crate) fn swap_contents(out: &Path, new: &Path, old: &Path) -> Result<()> {
    fs::create_dir(old).map_err(|e| Error::io(old, e))?;
    owner::mark(old)?;
    let skip = [new.file_name(), old.file_name()];
    let previous: Vec<_> = names(out)?
        .into_iter()
        .filter(|n| !skip.contains(&Some(n.as_os_str())))
        .collect();
    if let Err((e, done)) = move_all(&previous, out, old) {
        let _ = move_all(&done, old, out);
        unmake(old);
        return Err(e);
    }
    if let Err((e, done)) = move_all(&names(new)?, new, out) {
        let _ = move_all(&done, out, new);
        let _ = move_all(&previous, old, out);
        unmake(old);
        return Err(e);
    }
    fs::remove_dir(new).map_err(|e| Error::io(new, e))
}

/// Removes the retired folder made for a swap that was undone, only if
/// everything went back out of it: never a file of the output.
fn unmake(old: &Path) {
    let _ = fs::remove_file(old.join(owner::MARKER));
    let _ = fs::remove_dir(old);
}

type Moved = std::result::Result<(), (Error, Vec<std::ffi::OsString>)>;

/// Renames each of `names` from `from` into `to`; on failure, the error and
/// the names that were moved, to move back.
fn move_all(names: &[std::ffi::OsString], from: &Path, to: &Path) -> Moved {
    for (i, name) in names.iter().enumerate() {
        let source = from.join(name);
        if let Err(e) = fs::rename(&source, to.join(name)) {
            return Err((Error::io(&source, e), names[..i].to_vec()));
        }
    }
    Ok(())
}

fn names(dir: &Path) -> Result<Vec<std::ffi::OsString>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    entries
        .map(|e| e.map(|e| e.file_name()).map_err(|e| Error::io(dir, e)))
        .collect()
}

/// Copies the staging folder `from` to `to` (a new folder), for an output
/// that turned out not to be movable after the site was written beside it.
pub(crate) fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.map_err(|e| Error::io(from, e.into()))?;
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir(&target).map_err(|e| Error::io(&target, e))?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| Error::io(&target, e))?;
        }
    }
    Ok(())
}

/// The staging and retired folders of output `name` (`.NAME.new-PID`,
/// `.NAME.old-PID`) that a killed build left in `dir`: only those that are
/// empty or hold the marker, so a folder of the user's that happens to have
/// such a name is never touched. Called under the output lock, so no live
/// build owns them.
pub(crate) fn leftovers(dir: &Path, name: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let prefixes = [format!(".{name}.new-"), format!(".{name}.old-")];
    entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let file_name = e.file_name();
            let file_name = file_name.to_string_lossy();
            prefixes.iter().any(|p| {
                file_name
                    .strip_prefix(p.as_str())
                    .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
            })
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .filter(|p| owner::is_marked(p) || fs::read_dir(p).is_ok_and(|mut d| d.next().is_none()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<String> {
        let mut found: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.depth() > 0)
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
                rel.replace('\\', "/")
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn contents_are_swapped_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(out.join("old-folder")).unwrap();
        fs::write(out.join("old-folder/a.html"), "old").unwrap();
        owner::mark(&out).unwrap();
        let (new, old) = (out.join(".site.new-1"), out.join(".site.old-1"));
        fs::create_dir_all(new.join("b")).unwrap();
        fs::write(new.join("b/c.html"), "new").unwrap();
        owner::mark(&new).unwrap();
        swap_contents(&out, &new, &old).unwrap();
        fs::remove_dir_all(&old).unwrap();
        assert_eq!(tree(&out), [owner::MARKER, "b", "b/c.html"]);
    }

    #[test]
    fn a_failed_contents_swap_puts_everything_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("a.html"), "old").unwrap();
        fs::write(out.join("b.html"), "old").unwrap();
        // A folder of the user's by the marker's name cannot be moved onto
        // the marker of the retired folder: the swap fails midway.
        fs::create_dir_all(out.join(owner::MARKER).join("mine")).unwrap();
        let (new, old) = (out.join(".site.new-1"), out.join(".site.old-1"));
        fs::create_dir_all(&new).unwrap();
        fs::write(new.join("c.html"), "new").unwrap();
        let before = tree(&out);
        assert!(swap_contents(&out, &new, &old).is_err());
        assert_eq!(tree(&out), before);
    }

    #[test]
    fn only_marked_or_empty_leftovers_of_this_output_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in [
            ".public.new-12",
            ".public.old-13",
            ".public.new-14",
            ".public.old-x",
            ".other.new-1",
            ".public.new-15",
        ] {
            fs::create_dir(d.join(name)).unwrap();
        }
        owner::mark(&d.join(".public.new-12")).unwrap();
        owner::mark(&d.join(".public.old-13")).unwrap();
        owner::mark(&d.join(".public.old-x")).unwrap();
        owner::mark(&d.join(".other.new-1")).unwrap();
        fs::write(d.join(".public.new-15/thesis.tex"), "mine").unwrap();
        let mut found: Vec<_> = leftovers(d, "public")
            .into_iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        found.sort();
        assert_eq!(
            found,
            [".public.new-12", ".public.new-14", ".public.old-13"]
        );
    }
}
