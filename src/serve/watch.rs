//! The folders `serve` watches: those `build` reads, and no others. A
//! recursive watch would follow a symbolic link out of the repository
//! (`content/x -> /usr` watched all of /usr; a link to /proc ended the
//! server), which `build` refuses to read (src/load: a link is followed
//! only when it resolves inside the repository). So every folder is
//! watched on its own, found by a walk that follows a link only under
//! that same rule, and each folder once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use notify::{RecursiveMode, Watcher};

use crate::load::{self, CONFIG_FILE, CONTENT_DIR};

/// Most folders watched: far above a large portfolio (docs/performance.md,
/// 3,004 output folders), far below the system's limit on watches.
const MAX_FOLDERS: usize = 20_000;

/// The folders watched so far, by their real path.
#[derive(Default)]
pub(crate) struct Watched {
    folders: BTreeSet<PathBuf>,
}

impl Watched {
    /// Watches the root (for rapporteur.yaml and new folders; not
    /// recursively), themes/ (not recursively), and every folder under
    /// content/ and themes/<the theme in use>/ not yet watched. A folder that cannot be watched is reported, not fatal:
    /// the server goes on without its changes. Returns the warnings.
    pub(crate) fn update(&mut self, watcher: &mut impl Watcher, root: &Path) -> Vec<String> {
        // A folder that was removed lost its watch: watch it again once it is back.
        self.folders.retain(|p| p.is_dir());
        let mut warnings = Vec::new();
        let mut wanted = vec![root.to_path_buf()];
        folders_under(root, &root.join(CONTENT_DIR), &mut wanted);
        // themes/ itself for a theme folder created later; then the theme in use.
        let themes = root.join("themes");
        if let Ok(real) = std::fs::canonicalize(&themes)
            && real.starts_with(root)
            && real.is_dir()
            && !wanted.contains(&real)
        {
            wanted.push(real);
        }
        if let Some(theme) = theme_in_use(root) {
            folders_under(root, &themes.join(theme), &mut wanted);
        }
        for folder in wanted {
            if self.folders.contains(&folder) {
                continue;
            }
            if self.folders.len() >= MAX_FOLDERS {
                warnings.push(format!(
                    "more than {MAX_FOLDERS} folders under content/ and themes/: the others are \
                     not watched; restart serve after changing them"
                ));
                break;
            }
            match watcher.watch(&folder, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    self.folders.insert(folder);
                }
                Err(e) => warnings.push(format!(
                    "cannot watch {}: {e}; its changes are not seen",
                    folder.display()
                )),
            }
        }
        warnings
    }
}

/// The theme rapporteur.yaml names, when it reads and is valid (a rebuild
/// after rapporteur.yaml changes looks again).
fn theme_in_use(root: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(root.join(CONFIG_FILE)).ok()?;
    let mut text = String::new();
    // The loader's default limit: a larger file fails the build anyway.
    let limit = crate::config::Config::default().limits.max_file_bytes;
    file.take(limit).read_to_string(&mut text).ok()?;
    load::parse_config(&text).value.map(|c| c.theme)
}

/// Every folder at or under `top` that `build` would read, by its real
/// path: symbolic links are followed only into the repository `root`
/// (canonical), and each real folder is listed once (links cannot loop).
pub(crate) fn folders_under(root: &Path, top: &Path, out: &mut Vec<PathBuf>) {
    let mut seen: BTreeSet<PathBuf> = out.iter().cloned().collect();
    let mut stack = vec![top.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(real) = std::fs::canonicalize(&path) else {
            continue;
        };
        if !real.starts_with(root) || !real.is_dir() || !seen.insert(real.clone()) {
            continue;
        }
        if seen.len() > MAX_FOLDERS {
            break;
        }
        if let Ok(entries) = std::fs::read_dir(&real) {
            for entry in entries.flatten() {
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                // Hidden folders (.git) are not read by build.
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                if kind.is_dir() || kind.is_symlink() {
                    stack.push(entry.path());
                }
            }
        }
        out.push(real);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_repository_are_not_walked() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("deep")).unwrap();
        let repo = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(repo.path()).unwrap();
        std::fs::create_dir_all(root.join("content/a/notes")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("content/out")).unwrap();
        std::os::unix::fs::symlink("/proc", root.join("content/proc")).unwrap();
        std::os::unix::fs::symlink("a", root.join("content/inside")).unwrap();
        std::os::unix::fs::symlink("loop", root.join("content/loop")).unwrap();
        let mut found = Vec::new();
        folders_under(&root, &root.join("content"), &mut found);
        found.sort();
        let content = root.join("content");
        assert_eq!(
            found,
            [content.clone(), content.join("a"), content.join("a/notes")]
        );
    }
}
