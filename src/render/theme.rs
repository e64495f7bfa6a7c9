//! The theme: built-in templates and static files, overridden one by one by a
//! user theme.
//!
//! Lookup order for a file `templates/X` or `static/X`:
//! 1. `<root>/themes/<theme>/X` when the configuration names a theme and that folder exists;
//! 2. the built-in `themes/default/X`, embedded in the binary at compile time.
//!
//! A user theme therefore only needs the files it changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

include!(concat!(env!("OUT_DIR"), "/builtin_theme.rs"));

/// Where a theme file came from, so template errors can name the real file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// Relative to the repository root.
    User(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    pub origin: Origin,
}

/// Every file of the effective theme, keyed by its path inside the theme
/// (`templates/base.html`, `static/style.css`).
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// The built-in theme with the user's `themes/<name>/` laid over it.
    pub fn load(root: &Path, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Theme {
        let mut files = Theme::builtin().files;
        let user_dir = root.join("themes").join(name);
        if user_dir.is_dir() {
            for entry in WalkDir::new(&user_dir)
                .sort_by_file_name()
                .follow_links(false)
            {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        diagnostics.push(Diagnostic::error(
                            rel(root, e.path().unwrap_or(&user_dir)),
                            format!("cannot read the theme: {e}"),
                        ));
                        continue;
                    }
                };
                if !entry.file_type().is_file() {
                    continue;
                }
                // Joined by component, so that a `\` in a name on Unix stays
                // a character of that name (and is refused as one).
                let key = entry
                    .path()
                    .strip_prefix(&user_dir)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                match std::fs::read(entry.path()) {
                    Ok(bytes) => {
                        let origin = Origin::User(rel(root, entry.path()));
                        files.insert(key, ThemeFile { bytes, origin });
                    }
                    Err(e) => diagnostics.push(Diagnostic::error(
                        rel(root, entry.path()),
                        format!("cannot read the theme file: {e}"),
                    )),
                }
            }
        } else if name != "default" {
            diagnostics.push(Diagnostic::error(
                "rapporteur.yaml",
                format!(
                    "theme `{name}` not found: create themes/{name}/ or remove `theme:` to use \
                     the built-in theme"
                ),
            ));
        }
        Theme { files }
    }

    /// The built-in theme alone.
    pub fn builtin() -> Theme {
        let files = BUILTIN_THEME
            .iter()
            .map(|(path, bytes)| {
                let file = ThemeFile {
                    bytes: bytes.to_vec(),
                    origin: Origin::BuiltIn,
                };
                (path.to_string(), file)
            })
            .collect();
        Theme { files }
    }

    /// Templates by name (`base.html`), with their origin.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| Some((k.strip_prefix("templates/")?, f)))
    }

    /// Static files by their path in the output (`style.css`).
    pub fn statics(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| Some((k.strip_prefix("static/")?, f)))
    }
}

/// The built-in theme's file `key` (`languages/en.ftl`), whatever a user
/// theme lays over it.
pub(crate) fn builtin_file(key: &str) -> Option<&'static [u8]> {
    BUILTIN_THEME
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, bytes)| *bytes)
}

/// The keys of the built-in theme's files.
pub(crate) fn builtin_keys() -> impl Iterator<Item = &'static str> {
    BUILTIN_THEME.iter().map(|(k, _)| *k)
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
