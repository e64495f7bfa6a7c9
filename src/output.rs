//! The only module that writes files: the rendered site, swapped into the
//! output folder at once, and single files outside it (`write_file`: the
//! scaffolds of `init` and `new`, schemas, exports), which never replace a
//! file unless the caller allows it.
//!
//! The site is written to a staging folder beside the output and renamed into
//! place only when every file is written, so a failed build leaves the previous
//! output exactly as it was. Every path is checked to stay inside the output.

use crate::stopwatch::{self, Work};
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The rendered site: output path (`/`-separated, relative) -> bytes.
pub type SiteFiles = BTreeMap<String, Vec<u8>>;

/// Refuses output folders that would overwrite the sources.
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
    Ok(())
}

/// Writes `files` as the new content of `out`, replacing what was there.
pub fn write_site(out: &Path, files: &SiteFiles) -> Result<()> {
    use rayon::prelude::*;
    for path in files.keys() {
        check_relative(path)?;
    }
    let staging = Staging::new(out)?;
    files
        .par_iter()
        .for_each(|(path, bytes)| staging.write(path, bytes));
    staging.finish()
}

/// A site being written file by file, as it is rendered, into a staging
/// folder beside `out`; `finish` swaps it into place. Until then `out` is
/// untouched, and a staging folder that is dropped unfinished is removed.
/// `write` may be called from several threads; the first failure is kept
/// and returned by `finish`.
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    folders: Mutex<HashSet<PathBuf>>,
    failed: Mutex<Option<Error>>,
    done: bool,
}

impl Staging {
    /// Creates an empty staging folder for the site that will replace `out`.
    pub fn new(out: &Path) -> Result<Staging> {
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
        let pid = std::process::id();
        let staging = parent.join(format!(".{name}.new-{pid}"));
        let retired = parent.join(format!(".{name}.old-{pid}"));
        remove_if_exists(&staging)?;
        fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(Staging {
            out,
            staging,
            retired,
            folders: Mutex::new(HashSet::new()),
            failed: Mutex::new(None),
            done: false,
        })
    }

    /// Writes one file of the site (a relative, `/`-separated path).
    pub fn write(&self, path: &str, bytes: &[u8]) {
        let written = stopwatch::time(Work::Writing, || self.try_write(path, bytes));
        if let Err(e) = written {
            let mut failed = self.failed.lock().unwrap_or_else(|p| p.into_inner());
            failed.get_or_insert(e);
        }
    }

    fn try_write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        check_relative(path)?;
        let target = self.staging.join(path);
        if let Some(folder) = target.parent() {
            let known = self
                .folders
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(folder);
            if !known {
                fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
                self.folders
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(folder.to_path_buf());
            }
        }
        fs::write(&target, bytes).map_err(|e| Error::io(&target, e))
    }

    /// Swaps the staging folder into place, unless a write failed: then the
    /// staging folder is removed and `out` stays as it was.
    pub fn finish(mut self) -> Result<()> {
        self.done = true;
        let failed = self.failed.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(e) = failed {
            let _ = fs::remove_dir_all(&self.staging);
            return Err(e);
        }
        let (out, staging, retired) = (&self.out, &self.staging, &self.retired);
        if out.exists() {
            fs::rename(out, retired).map_err(|e| Error::io(out, e))?;
            if let Err(e) = fs::rename(staging, out) {
                // Put the previous site back; the build failed, the output stays.
                let _ = fs::rename(retired, out);
                let _ = fs::remove_dir_all(staging);
                return Err(Error::io(out, e));
            }
            fs::remove_dir_all(retired).map_err(|e| Error::io(retired, e))?;
        } else {
            fs::rename(staging, out).map_err(|e| Error::io(out, e))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Whether a single-file write may replace a file that is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse: the file is the user's (`new`, `init`).
    Never,
    /// Replace it (`schema --force`, `export --out FILE --force`).
    Allowed,
}

/// Writes one file outside the site (a scaffold, a schema, an export),
/// creating its folders. With `Overwrite::Never`, a file that exists is an
/// error and is left untouched (the check and the creation are one step).
pub fn write_file(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true);
    match overwrite {
        Overwrite::Never => options.create_new(true),
        Overwrite::Allowed => options.create(true).truncate(true),
    };
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Usage(format!(
                "{} already exists: rapporteur never overwrites a file; edit it, or move it \
                 away and run the command again",
                path.display()
            ))
        } else {
            Error::io(path, e)
        }
    })?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))
}

fn remove_if_exists(path: &Path) -> Result<()> {
    if path.exists() {
        fs::remove_dir_all(path).map_err(|e| Error::io(path, e))?;
    }
    Ok(())
}

/// A safe output path: relative, plain names only, nothing a file system reads specially.
fn check_relative(path: &str) -> Result<()> {
    let bad = |why: &str| Err(Error::Usage(format!("unsafe output path `{path}`: {why}")));
    if path.is_empty() || path.contains('\\') || path.contains('\0') || path.contains(':') {
        return bad("empty, or holds a backslash, colon or NUL");
    }
    for component in Path::new(path).components() {
        match component {
            Component::Normal(name) => {
                let name = name.to_string_lossy();
                let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
                let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
                    || ((stem.starts_with("COM") || stem.starts_with("LPT")) && stem.len() == 4);
                if reserved {
                    return bad("a name reserved on Windows");
                }
            }
            _ => return bad("it leaves the output folder"),
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(path)
    };
    // Resolve `.` and `..` lexically: the output may not exist yet.
    let mut clean = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // Resolve symlinks of the part that exists, so `out` can't alias the root.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(n) => rest.push(n.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut resolved = fs::canonicalize(&existing).unwrap_or(existing);
    for n in rest.into_iter().rev() {
        resolved.push(n);
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_refused() {
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "a\\b",
            "c:x",
            "a/CON.html",
            "",
            "a\0",
        ] {
            assert!(check_relative(bad).is_err(), "{bad:?}");
        }
        for good in ["index.html", "engagements/acme/notes/n-1.html", "style.css"] {
            assert!(check_relative(good).is_ok(), "{good}");
        }
    }

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
    }

    #[test]
    fn single_files_are_never_overwritten_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/c.yaml");
        write_file(&path, b"one", Overwrite::Never).unwrap();
        let err = write_file(&path, b"two", Overwrite::Never).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_file(&path, b"three", Overwrite::Allowed).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
    }

    #[test]
    fn site_is_swapped_in_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut files = SiteFiles::new();
        files.insert("a/b.html".into(), b"one".to_vec());
        write_site(&out, &files).unwrap();
        files.clear();
        files.insert("c.html".into(), b"two".to_vec());
        write_site(&out, &files).unwrap();
        assert!(!out.join("a/b.html").exists());
        assert_eq!(fs::read(out.join("c.html")).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
        files.insert("../escape".into(), b"x".to_vec());
        assert!(write_site(&out, &files).is_err());
        assert_eq!(
            fs::read(out.join("c.html")).unwrap(),
            b"two",
            "failed build keeps output"
        );
    }

    #[test]
    fn a_streamed_site_that_fails_leaves_the_output_and_no_staging() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut files = SiteFiles::new();
        files.insert("a.html".into(), b"one".to_vec());
        write_site(&out, &files).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.write("b/c.html", b"two");
        staging.write("../escape", b"x");
        assert!(staging.finish().is_err());
        drop(Staging::new(&out).unwrap());
        assert_eq!(fs::read(out.join("a.html")).unwrap(), b"one");
        assert!(!out.join("b").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }
}
