//! A site being written, file by file as it is rendered, into a staging
//! folder; `finish` swaps it into the place of the output. Until then the
//! output is untouched; a staging folder dropped unfinished, or caught by a
//! signal, is removed. The output lock is held from start to end.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::lock::OutLock;
use super::{absolute, check_relative, interrupt, owner, swap};
use crate::error::{Error, Result};
use crate::stopwatch::{self, Work};

/// `write` may be called from several threads; the first failure is kept
/// and returned by `finish`.
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    /// The staging folder is inside `out`, which is a mount point.
    inside: bool,
    folders: Mutex<HashSet<PathBuf>>,
    failed: Mutex<Option<Error>>,
    done: bool,
    /// What went wrong without failing the build (an old output that could
    /// not be removed).
    problems: Vec<String>,
    _lock: OutLock,
}

impl Staging {
    /// Creates an empty staging folder for the site that will replace `out`,
    /// once no other build is writing to `out`. Refuses a non-empty `out`
    /// without the marker unless `force` (`owner`).
    pub fn new(out: &Path, force: bool) -> Result<Staging> {
        let out = absolute(out)?;
        let parent = out
            .parent()
            .ok_or_else(|| Error::Usage(format!("{} has no parent folder", out.display())))?
            .to_path_buf();
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let lock = OutLock::acquire(&parent, &name)?;
        owner::check_replaceable(&out, force)?;
        let mut problems = Vec::new();
        for leftover in swap::leftovers(&parent, &name)
            .into_iter()
            .chain(swap::leftovers(&out, &name))
        {
            if let Err(e) = fs::remove_dir_all(&leftover) {
                problems.push(not_removed(&leftover, &e, "an earlier build left"));
            }
        }
        let inside = swap::is_mount_point(&out);
        let pid = std::process::id();
        let home = if inside { &out } else { &parent };
        let staging = home.join(format!(".{name}.new-{pid}"));
        let retired = home.join(format!(".{name}.old-{pid}"));
        // Never a folder that is there already: that one is not ours. A
        // signal just before `register` leaves an empty folder, which the
        // next build removes.
        fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        interrupt::register(&staging);
        if let Err(e) = owner::mark(&staging) {
            let _ = fs::remove_dir_all(&staging);
            interrupt::forget(&staging);
            return Err(e);
        }
        Ok(Staging {
            out,
            staging,
            retired,
            inside,
            folders: Mutex::new(HashSet::new()),
            failed: Mutex::new(None),
            done: false,
            problems,
            _lock: lock,
        })
    }

    /// Writes one file of the site (a relative, `/`-separated path).
    pub fn write(&self, path: &str, bytes: &[u8]) {
        if interrupt::aborting() {
            return;
        }
        let written = stopwatch::time(Work::Writing, || self.try_write(path, bytes));
        if let Err(e) = written {
            let mut failed = self.failed.lock().unwrap_or_else(|p| p.into_inner());
            failed.get_or_insert(e);
        }
    }

    fn try_write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        check_relative(path)?;
        let target = self.staging.join(path);
        if let Some(folder) = Path::new(path).parent() {
            let known = self
                .folders
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(folder);
            if !known {
                self.create_folders(folder)?;
                self.folders
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(folder.to_path_buf());
            }
        }
        fs::write(&target, bytes).map_err(|e| Error::io(&target, e))
    }

    /// Creates `folder` (relative) and its parents inside the staging
    /// folder, but never the staging folder itself: once a signal has
    /// removed it, a late writer must not bring it back.
    fn create_folders(&self, folder: &Path) -> Result<()> {
        let mut path = self.staging.clone();
        for part in folder.components() {
            path.push(part);
            match fs::create_dir(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    return Err(Error::io(&path, e));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Swaps the staging folder into place, unless a write failed: then the
    /// staging folder is removed and `out` stays as it was. Returns what went
    /// wrong after the swap without failing the build: an old output that
    /// could not be removed is left, named, for the next build to remove.
    pub fn finish(mut self) -> Result<Vec<String>> {
        self.done = true;
        let failed = self.failed.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(e) = failed {
            self.discard();
            return Err(e);
        }
        // A signal now waits until the output is whole again.
        let mut temporary = interrupt::held();
        let swapped = self.swap(&mut temporary);
        drop(temporary);
        let retired = match swapped {
            Ok(retired) => retired,
            Err(e) => {
                self.discard();
                return Err(e);
            }
        };
        if fs::symlink_metadata(&retired).is_ok()
            && let Err(e) = fs::remove_dir_all(&retired)
        {
            let problem = not_removed(&retired, &e, "this build replaced");
            self.problems.push(problem);
        }
        interrupt::forget(&retired);
        Ok(std::mem::take(&mut self.problems))
    }

    /// Puts the site in place; returns the folder now holding the previous
    /// output, to delete. `temporary` is the list a signal removes: the
    /// staging folder leaves it once it is the output.
    fn swap(&self, temporary: &mut Vec<PathBuf>) -> Result<PathBuf> {
        let (out, staging, retired) = (&self.out, &self.staging, &self.retired);
        temporary.push(retired.clone());
        let swapped = if self.inside {
            swap::swap_contents(out, staging, retired)
        } else {
            match swap::swap_folder(out, staging, retired) {
                Err(e) if swap::is_unmovable(&e) => return self.swap_into(temporary),
                swapped => swapped.map_err(|e| Error::io(out, e)),
            }
        };
        if swapped.is_ok() {
            temporary.retain(|p| p != staging);
        }
        swapped.map(|()| retired.clone())
    }

    /// `out` turned out to be a mount point that `is_mount_point` did not
    /// see (a bind mount on the same file system): copy the site inside it
    /// and swap what it holds. The staging folder beside it is removed by
    /// `finish` either way.
    fn swap_into(&self, temporary: &mut Vec<PathBuf>) -> Result<PathBuf> {
        let out = &self.out;
        let inner = |p: &Path| out.join(p.file_name().unwrap_or_default());
        let (new, old) = (inner(&self.staging), inner(&self.retired));
        temporary.push(new.clone());
        temporary.push(old.clone());
        let swapped = swap::copy_tree(&self.staging, &new)
            .and_then(|()| swap::swap_contents(out, &new, &old));
        if swapped.is_err() {
            let _ = fs::remove_dir_all(&new);
            temporary.retain(|p| p != &old);
        }
        temporary.retain(|p| p != &new && p != &self.retired);
        let _ = fs::remove_dir_all(&self.staging);
        temporary.retain(|p| p != &self.staging);
        swapped.map(|()| old)
    }

    fn discard(&self) {
        let _ = fs::remove_dir_all(&self.staging);
        interrupt::forget(&self.staging);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            self.discard();
        }
    }
}

fn not_removed(path: &Path, e: &std::io::Error, what: &str) -> String {
    format!(
        "could not remove {}, the old output {what}: {e}; the site is built, and the next \
         build tries again (or delete that folder yourself)",
        path.display()
    )
}
