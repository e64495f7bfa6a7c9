//! The checks every command that reads content runs first: load (every file,
//! with its own problems), validate (across files), check the theme's file
//! names and template references, and compile its templates. `rapporteur check` stops here; `rapporteur build` goes on only
//! when nothing failed. Both call `check`, so they cannot drift apart.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::error::Result;
use crate::load::CONFIG_FILE;
use crate::model::Portfolio;
use crate::render::language::Language;
use crate::render::template_refs::References;
use crate::render::{Engine, theme::Theme, theme_files};
use crate::{load, validate};

/// What the checks found, and what later stages need from them.
pub struct Checked {
    /// Everything that could be read, even when there are errors.
    pub portfolio: Portfolio,
    /// The compiled templates; `None` when a template does not compile.
    pub engine: Option<Engine>,
    /// Every problem found, in reporting order.
    pub diagnostics: Vec<Diagnostic>,
    /// How long loading and validating took.
    pub timings: Vec<(&'static str, Duration)>,
    /// How many files of each kind were read.
    pub counts: Counts,
}

/// The content checks alone (load and validate, no templates), for commands
/// that read the content but render no page (`export`, `diff`).
pub struct Content {
    pub portfolio: Portfolio,
    /// Every problem found, in reporting order.
    pub diagnostics: Vec<Diagnostic>,
    /// The YAML texts read, so that `diff` can point at a changed value's line.
    pub sources: load::Sources,
    pub timings: Vec<(&'static str, Duration)>,
    pub counts: Counts,
}

/// Loads and validates the repository at `root`. Only an unreadable root is
/// an `Err`; everything wrong in the content is a diagnostic.
pub fn check_content(root: &Path) -> Result<Content> {
    let start = Instant::now();
    let loaded = load::load(root)?;
    let load_time = start.elapsed();
    let start = Instant::now();
    let counts = Counts::of(&loaded.sources, &loaded.portfolio);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(validate::validate(&loaded.portfolio, &loaded.sources));
    diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    Ok(Content {
        portfolio: loaded.portfolio,
        diagnostics,
        sources: loaded.sources,
        timings: vec![("load", load_time), ("validate", start.elapsed())],
        counts,
    })
}

/// Runs every check on the repository at `root`: the content's, then the
/// theme's templates and the words of its language (`language`, else the
/// configuration's). Only an unreadable root is an `Err`.
pub fn check(root: &Path, language: Option<&str>) -> Result<Checked> {
    let content = check_content(root)?;
    let mut diagnostics = content.diagnostics;
    let mut timings = content.timings;
    let start = Instant::now();
    let theme = Theme::load(root, &content.portfolio.config.theme, &mut diagnostics);
    let language = match language {
        Some(id) => Language::load(&theme, id, Path::new("--language"), &mut diagnostics),
        None => {
            let mut found = Vec::new();
            let language = Language::load(
                &theme,
                &content.portfolio.config.language,
                Path::new(CONFIG_FILE),
                &mut found,
            );
            diagnostics.extend(at_config_key(found, &content.sources, "language"));
            language
        }
    };
    // Names are checked here, before anything is written: a static file the
    // output cannot hold would otherwise fail `build` halfway, naming a
    // staging path.
    diagnostics.extend(theme_files::check(&theme));
    let references = References::scan(&theme);
    diagnostics.extend(references.unused());
    let cycles = references.cycles();
    let engine = if !cycles.is_empty() {
        // Tera would refuse them too, but at no file or line.
        diagnostics.extend(cycles);
        None
    } else if let Some(language) = language {
        match Engine::new(theme, language) {
            Ok(engine) => Some(engine),
            Err(template_errors) => {
                diagnostics.extend(template_errors);
                None
            }
        }
    } else {
        None
    };
    diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    timings.push(("templates", start.elapsed()));
    Ok(Checked {
        portfolio: content.portfolio,
        engine,
        diagnostics,
        timings,
        counts: content.counts,
    })
}

/// Diagnostics about the configuration's `key`, placed at its value.
fn at_config_key(found: Vec<Diagnostic>, sources: &load::Sources, key: &str) -> Vec<Diagnostic> {
    let source = sources.get(Path::new(CONFIG_FILE));
    let at = source.and_then(|s| Some((s, crate::yaml::Spans::index(&s.text).value(key)?)));
    found
        .into_iter()
        .map(|d| match at {
            Some((source, (line, column))) if d.file == Path::new(CONFIG_FILE) => {
                d.at(&source.text, line, column)
            }
            _ => d,
        })
        .collect()
}

impl Checked {
    /// Whether the run must fail: any error, or with `strict` any warning.
    pub fn fails(&self, strict: bool) -> bool {
        fails(&self.diagnostics, strict)
    }
}

/// Whether `diagnostics` fail a run: any error, or with `strict` any warning.
pub fn fails(diagnostics: &[Diagnostic], strict: bool) -> bool {
    diagnostics.iter().any(|d| d.is_error() || strict)
}

/// What a check read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub engagements: usize,
    pub periods: usize,
    pub notes: usize,
}

impl Counts {
    /// The files read, broken ones included, plus inline periods.
    fn of(sources: &load::Sources, portfolio: &Portfolio) -> Counts {
        let mut counts = Counts {
            engagements: 0,
            periods: 0,
            notes: 0,
        };
        for path in sources.keys() {
            let parent = path.parent().and_then(|p| p.file_name());
            if path.file_name().is_some_and(|n| n == "engagement.yaml") {
                counts.engagements += 1;
            } else if parent.is_some_and(|p| p == "periods") {
                counts.periods += 1;
            } else if parent.is_some_and(|p| p == "notes") {
                counts.notes += 1;
            }
        }
        counts.periods += portfolio
            .engagements
            .iter()
            .flat_map(|e| &e.periods)
            .filter(|p| p.source.file_name().is_some_and(|n| n == "engagement.yaml"))
            .count();
        counts
    }

    /// `checked 6 engagements, 127 periods, 45 notes: no problems`.
    pub fn summary(&self, diagnostics: &[Diagnostic]) -> String {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diagnostics.len() - errors;
        let outcome = match (errors, warnings) {
            (0, 0) => "no problems".to_string(),
            (0, w) => plural(w, "warning"),
            (e, 0) => plural(e, "error"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        };
        format!(
            "checked {}, {}, {}: {outcome}",
            plural(self.engagements, "engagement"),
            plural(self.periods, "period"),
            plural(self.notes, "note"),
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_and_pluralises() {
        let counts = Counts {
            engagements: 1,
            periods: 2,
            notes: 0,
        };
        assert_eq!(
            counts.summary(&[]),
            "checked 1 engagement, 2 periods, 0 notes: no problems"
        );
        let d = vec![
            Diagnostic::error("a", "x"),
            Diagnostic::warning("a", "y"),
            Diagnostic::warning("b", "z"),
        ];
        assert_eq!(
            counts.summary(&d),
            "checked 1 engagement, 2 periods, 0 notes: 1 error, 2 warnings"
        );
        assert!(fails(&d, false));
        assert!(!fails(&d[1..], false));
        assert!(fails(&d[1..], true));
    }
}
