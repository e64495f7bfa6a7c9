//! The lock that makes builds into one output folder take turns: a file
//! `.NAME.lock` beside the output (`NAME` the output folder's name), held
//! from staging to swap and removed when released, so it is left in no
//! one's way (docs/commands.md, "build").

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::interrupt;
use crate::error::{Error, Result};

/// How often to reopen a lock file that the previous holder removed while
/// we waited; more means something else keeps replacing the file.
const MAX_ATTEMPTS: usize = 100;

pub(crate) struct OutLock {
    path: PathBuf,
    // Held open: the lock lasts as long as the file is open.
    _file: File,
}

impl OutLock {
    /// Waits until no other build holds the lock of output `name` in `parent`.
    pub fn acquire(parent: &Path, name: &str) -> Result<OutLock> {
        let path = parent.join(format!(".{name}.lock"));
        for _ in 0..MAX_ATTEMPTS {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            // Through the trait: std's own `File::lock` is newer than our
            // minimum Rust version.
            fs4::FileExt::lock(&file).map_err(|e| Error::io(&path, e))?;
            // The holder before us removes the file when it is done: a lock
            // on a removed file excludes no one, so open the path again.
            if is_same_file(&file, &path) {
                interrupt::register(&path);
                return Ok(OutLock { path, _file: file });
            }
        }
        Err(Error::Usage(format!(
            "could not lock {}: it kept being replaced; is another program removing it?",
            path.display()
        )))
    }
}

impl Drop for OutLock {
    fn drop(&mut self) {
        // Removed while still held, so whoever opens the path next gets a
        // fresh file (see `acquire`).
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
        interrupt::forget(&self.path);
    }
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere the file is never removed (an open file may not be), so the
/// path always names the file we locked.
#[cfg(not(unix))]
fn is_same_file(_: &File, _: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_exclusive_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutLock::acquire(dir.path(), "public").unwrap();
        let path = dir.path().join(".public.lock");
        let other = File::open(&path).unwrap();
        assert!(fs4::FileExt::try_lock(&other).is_err(), "held");
        drop(first);
        assert!(!path.exists(), "removed when released");
        drop(OutLock::acquire(dir.path(), "public").unwrap());
    }
}
