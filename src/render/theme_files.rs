//! The user theme's files checked before anything is written: static files
//! whose names no common file system can hold, or that collide with what the
//! build generates, and files a theme does not read.
//!
//! The rules (docs/check.md, "Configuration and theme"):
//! - a name Windows cannot write (`CON`, `PRN`, `AUX`, `NUL`, `COM0`-`COM9`,
//!   `LPT0`-`LPT9`, with any extension; a character of `<>:"/\|?*` or a
//!   control character; a trailing dot or space) is an error;
//! - a static file where the build makes a folder (`engagements`, `data`),
//!   inside such a folder, or a folder where the build writes a file
//!   (`index.html/`) is an error: the build could not write the site;
//! - a static file with the name of a generated page or file (`index.html`,
//!   `feed.xml`) replaces it: a warning, since it may be meant (a custom
//!   landing page) but is more often a surprise;
//! - a folder of the theme other than `templates/`, `static/` and
//!   `languages/` is not read: a warning (files beside them, a README, are
//!   left alone).
//!
//! Names are compared without regard to case, as the file systems of
//! Windows and macOS compare them.

use std::collections::BTreeSet;
use std::path::Path;

use super::links::{self, Generated};
use super::theme::{Origin, Theme};
use crate::diagnostic::Diagnostic;
use crate::load::reserved_on_windows;
use crate::yaml;

/// The folders a theme is read from (`static/` is handled before).
const FOLDERS: [&str; 3] = ["templates", "static", "languages"];

/// Every problem with the names of the user theme's files.
pub(crate) fn check(theme: &Theme) -> Vec<Diagnostic> {
    let generated = links::generated();
    let mut found = Vec::new();
    let mut unread = BTreeSet::new();
    for (key, file) in &theme.files {
        let Origin::User(path) = &file.origin else {
            continue;
        };
        if let Some(output) = key.strip_prefix("static/") {
            found.extend(static_file(path, output, &generated, theme));
            continue;
        }
        // Files beside templates/ and static/ (a README, a licence) are the
        // theme's own business; a folder there is a misspelt one.
        let Some((folder, _)) = key.split_once('/') else {
            continue;
        };
        if FOLDERS.contains(&folder) || !unread.insert(folder.to_string()) {
            continue;
        }
        let depth = key.split('/').count();
        let folder_path = path.ancestors().nth(depth - 1).unwrap_or(path);
        let guess = yaml::closest(folder, &FOLDERS)
            .map(|c| format!(" (did you mean {c}/?)"))
            .unwrap_or_default();
        found.push(Diagnostic::warning(
            folder_path,
            format!(
                "this folder is not read{guess}: a theme holds its templates in templates/, \
                 the files it publishes in static/ and its words in languages/"
            ),
        ));
    }
    found
}

/// The problem with one static file, published at `output`, if any.
fn static_file(
    path: &Path,
    output: &str,
    generated: &[(String, Generated)],
    theme: &Theme,
) -> Option<Diagnostic> {
    for part in output.split('/') {
        if let Some(why) = unwritable(part) {
            return Some(Diagnostic::error(
                path,
                format!(
                    "`{part}` cannot be written on Windows ({why}), so the site could not be \
                     copied or built there: rename it"
                ),
            ));
        }
    }
    let lower = output.to_ascii_lowercase();
    let (first, rest) = match lower.split_once('/') {
        Some((first, rest)) => (first, Some(rest)),
        None => (lower.as_str(), None),
    };
    for (name, kind) in generated {
        if first != name.to_ascii_lowercase() {
            continue;
        }
        let message = match (kind, rest) {
            (Generated::Folder, None) => format!(
                "the build makes a folder {name}/ here, so a file named `{name}` cannot be \
                 written: rename the file"
            ),
            (Generated::Folder, Some(_)) => format!(
                "{name}/ is written by the build alone (generated pages and figures): move the \
                 file elsewhere in static/"
            ),
            (Generated::File, Some(_)) => format!(
                "the build writes the file {name} here, so it cannot be a folder: rename the \
                 folder"
            ),
            (Generated::File, None) => {
                return Some(Diagnostic::warning(
                    path,
                    format!(
                        "this file replaces the generated {name}{}: the built site shows it \
                         instead; rename it if that is not meant{}",
                        page_of(name).map_or(String::new(), |p| format!(" ({p})")),
                        template_of(name, theme)
                            .map(|t| format!(", or override templates/{t} to change the page"))
                            .unwrap_or_default()
                    ),
                ));
            }
        };
        return Some(Diagnostic::error(path, message));
    }
    // A built-in static file where this one needs a folder, or the reverse.
    for (other, file) in theme.statics() {
        if file.origin != Origin::BuiltIn {
            continue;
        }
        let other_lower = other.to_ascii_lowercase();
        if lower.starts_with(&format!("{other_lower}/")) {
            return Some(Diagnostic::error(
                path,
                format!(
                    "the built-in theme publishes a file `{other}`, so there cannot be a folder \
                     of that name: rename the folder"
                ),
            ));
        }
        if other_lower.starts_with(&format!("{lower}/")) {
            return Some(Diagnostic::error(
                path,
                format!(
                    "the built-in theme publishes `{other}`, so `{output}` must stay a folder: \
                     rename the file"
                ),
            ));
        }
    }
    None
}

/// Why a file or folder name cannot be created on Windows, if it cannot.
fn unwritable(name: &str) -> Option<String> {
    if reserved_on_windows(name) {
        let stem = name.split('.').next().unwrap_or(name).trim_end();
        return Some(format!(
            "{} is a reserved device name, with any extension",
            stem.to_ascii_uppercase()
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| "<>:\"\\|?*".contains(*c) || c.is_control())
    {
        return Some(if c.is_control() {
            format!("it holds the control character U+{:04X}", u32::from(c))
        } else {
            format!("it holds `{c}`")
        });
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("it ends with a dot or a space".to_string());
    }
    None
}

/// What a generated file is, for people.
fn page_of(name: &str) -> Option<&'static str> {
    [
        (links::index(), "the portfolio page"),
        (links::actions(), "the actions register"),
        (links::risks(), "the risk register"),
        (links::search(), "the search page"),
        (links::FEED.to_string(), "the Atom feed of notes"),
        (links::CALENDAR.to_string(), "the calendar of dates due"),
        (links::SEARCH_INDEX_JS.to_string(), "the search index"),
        (links::SEARCH_INDEX_JSON.to_string(), "the search index"),
        (
            links::PALETTE.to_string(),
            "the colour language's stylesheet",
        ),
    ]
    .into_iter()
    .find(|(file, _)| file == name)
    .map(|(_, what)| what)
}

/// The template that makes the generated page `name`, when there is one of
/// that name (`index.html` is made from templates/index.html).
fn template_of<'a>(name: &'a str, theme: &Theme) -> Option<&'a str> {
    theme.templates().any(|(t, _)| t == name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_cannot_write() {
        for bad in [
            "aux.css",
            "CON",
            "con.tar.gz",
            "Lpt9.js",
            "a:b",
            "a\\b",
            "x?",
            "a.",
            "a ",
        ] {
            assert!(unwritable(bad).is_some(), "{bad}");
        }
        for good in [
            "auxiliary.css",
            "style.css",
            "a-b_c.d",
            "café.svg",
            "console.js",
        ] {
            assert_eq!(unwritable(good), None, "{good}");
        }
    }
}
