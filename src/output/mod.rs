//! The only module that writes files: the rendered site, swapped into the
//! output folder at once, and single files outside it (`write_file`: the
//! scaffolds of `init` and `new`, schemas, exports), which never replace a
//! file unless the caller allows it, and period files `import` edits
//! (`replace_file`, renamed over the old one).
//!
//! The site is written to a staging folder beside the output and renamed into
//! place only when every file is written, so a failed build leaves the previous
//! output exactly as it was. Every path is checked to stay inside the output.
//! A build replaces only a folder it made (`owner`: the marker file), one
//! build at a time (`lock`), and what it leaves beside the output is removed
//! on a signal (`interrupt`) or, after a kill, by the next build (`swap`).
//! docs/commands.md, "build", says this for users.

mod interrupt;
mod lock;
mod owner;
mod staging;
mod swap;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

pub(crate) use interrupt::remove_temporaries;
pub use interrupt::{INTERRUPTED, install as install_interrupt_handler};
pub(crate) use owner::check_replaceable;
pub use owner::{MARKER, check_out_dir, check_repository};
pub use staging::Staging;

/// The rendered site: output path (`/`-separated, relative) -> bytes.
pub type SiteFiles = BTreeMap<String, Vec<u8>>;

/// Writes `files` as the new content of `out`, replacing what was there
/// (only a folder rapporteur made, unless `force`).
pub fn write_site(out: &Path, files: &SiteFiles, force: bool) -> Result<Vec<String>> {
    use rayon::prelude::*;
    for path in files.keys() {
        check_relative(path)?;
    }
    let staging = Staging::new(out, force)?;
    files
        .par_iter()
        .for_each(|(path, bytes)| staging.write(path, bytes));
    staging.finish()
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

/// Replaces the file at `path` with `bytes` at once: written beside it to a
/// temporary file, then renamed over it, so a reader (or a crash) sees the
/// old text or the new, never half of one (`import` editing period files).
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".rapporteur-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(temp.path(), e))?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the file's permissions; a failure here only loses them.
        let _ = fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
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
        write_site(&out, &files, false).unwrap();
        files.clear();
        files.insert("c.html".into(), b"two".to_vec());
        write_site(&out, &files, false).unwrap();
        assert!(!out.join("a/b.html").exists());
        assert_eq!(fs::read(out.join("c.html")).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
        files.insert("../escape".into(), b"x".to_vec());
        assert!(write_site(&out, &files, false).is_err());
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
        write_site(&out, &files, false).unwrap();
        let staging = Staging::new(&out, false).unwrap();
        staging.write("b/c.html", b"two");
        staging.write("../escape", b"x");
        assert!(staging.finish().is_err());
        drop(Staging::new(&out, false).unwrap());
        assert_eq!(fs::read(out.join("a.html")).unwrap(), b"one");
        assert!(!out.join("b").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }
}
