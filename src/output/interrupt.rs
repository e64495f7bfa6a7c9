//! Ctrl-C, SIGTERM or SIGHUP during a build: remove what the build made
//! beside the output (staging folder, retired output, lock file) and exit
//! with 130, leaving the previous output as it was. A swap in progress is
//! finished first, so the output is always whole.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::error::{Error, Result};

/// The exit code after a signal, as shells report Ctrl-C.
pub const INTERRUPTED: i32 = 130;

/// Paths to remove on a signal. Held during a swap, which a signal waits for.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static ABORTING: AtomicBool = AtomicBool::new(false);

/// Installs the handler; `build` calls it once, before it writes anything.
///
/// A process started with one of the signals ignored (a background job of a
/// script ignores Ctrl-C, `nohup` ignores SIGHUP) is left as its parent
/// wanted it: no handler, and the next build removes what a killed one
/// left (`swap::leftovers`).
pub fn install() -> Result<()> {
    match ctrlc::try_set_handler(on_signal) {
        Ok(()) | Err(ctrlc::Error::MultipleHandlers) => Ok(()),
        Err(e) => Err(Error::Usage(format!(
            "could not install the Ctrl-C handler: {e}"
        ))),
    }
}

fn on_signal() {
    remove_temporaries();
    std::process::exit(INTERRUPTED);
}

/// Stops writers and removes what builds in progress made beside their
/// outputs: before the process ends on a signal, or when a template runs
/// over its budget (`render::budget`).
pub(crate) fn remove_temporaries() {
    ABORTING.store(true, Ordering::SeqCst);
    let paths = held();
    for path in paths.iter().rev() {
        remove(path);
    }
}

/// Removes `path`, folder or file; writer threads may still be adding a
/// file or two, so a folder that is not empty yet is tried again.
fn remove(path: &Path) {
    for _ in 0..50 {
        let removed = match std::fs::symlink_metadata(path) {
            Err(_) => return,
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
            Ok(_) => std::fs::remove_file(path),
        };
        if removed.is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether a signal arrived: writers stop writing.
pub(crate) fn aborting() -> bool {
    ABORTING.load(Ordering::Relaxed)
}

/// Remember `path` for removal on a signal (before creating it).
pub(crate) fn register(path: &Path) {
    held().push(path.to_path_buf());
}

/// Forget `path`: it is gone, or it is the output now.
pub(crate) fn forget(path: &Path) {
    held().retain(|p| p != path);
}

/// The list of paths, locked: hold it across a swap so that a signal waits
/// for the swap to end.
pub(crate) fn held() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARY.lock().unwrap_or_else(|p| p.into_inner())
}
