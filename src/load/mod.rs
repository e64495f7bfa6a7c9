//! Load: walk a report repository and read it into the typed model.
//!
//! Loading never stops at the first bad file: every problem becomes a
//! `Diagnostic`, and whatever could be read is still returned, so `check`
//! reports everything in one run.

mod notes;
mod parse;
mod reader;
mod text;

use reader::{EngagementRead, Kind, Reader};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic};
use crate::error::{Error, Result};
use crate::model::{Audience, Engagement, Month, Note, Period, Portfolio};
use crate::yaml;

pub use notes::markdown_options;
pub use parse::{Parsed, parse_config, parse_engagement, parse_note, parse_period};

pub const CONFIG_FILE: &str = "rapporteur.yaml";
pub const CONTENT_DIR: &str = "content";

/// What the loader could read, and what it found wrong.
#[derive(Debug)]
pub struct Loaded {
    pub portfolio: Portfolio,
    pub diagnostics: Vec<Diagnostic>,
    /// The YAML texts read, so later checks can point into them.
    pub sources: Sources,
}

/// The texts read, by file relative to the root.
pub type Sources = BTreeMap<PathBuf, Source>;

#[derive(Debug, Clone)]
pub struct Source {
    pub text: String,
    /// Where the YAML is in `text`: all of it, or a note's front matter.
    pub yaml_range: std::ops::Range<usize>,
    /// The line of the file on which the YAML starts.
    pub yaml_first_line: usize,
}

impl Source {
    pub fn yaml(&self) -> &str {
        &self.text[self.yaml_range.clone()]
    }
}

/// Reads the repository at `root`. Only a missing or unreadable root is an
/// `Err`; problems inside files are diagnostics.
pub fn load(root: &Path) -> Result<Loaded> {
    if !root.is_dir() {
        return Err(Error::io(
            root,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        ));
    }
    let canonical_root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let mut diagnostics = Vec::new();
    let mut reader = Reader {
        root,
        canonical_root,
        max_bytes: Config::default().limits.max_file_bytes,
        sources: Sources::new(),
    };
    let config = reader.config(&mut diagnostics);
    reader.max_bytes = config.limits.max_file_bytes;
    let mut engagements = Vec::new();
    let content = root.join(CONTENT_DIR);
    let content_kind = reader.kind(&content, &mut diagnostics);
    if content_kind.is_none() && std::fs::symlink_metadata(&content).is_err() {
        diagnostics.push(Diagnostic::warning(
            CONTENT_DIR,
            "there is no content/ folder, so there is nothing to report: create \
             content/<engagement-id>/engagement.yaml (or point --root at the report repository)",
        ));
    }
    if content_kind == Some(Kind::File) {
        diagnostics.push(Diagnostic::error(
            CONTENT_DIR,
            "content must be a folder of engagement folders, not a file",
        ));
    }
    if content_kind == Some(Kind::Dir) {
        let entries = reader.entries(&content, &mut diagnostics);
        // Engagements are read and parsed in parallel, each into its own
        // result; the results are merged in folder order, and diagnostics
        // are sorted below, so the outcome does not depend on the threads.
        let read: Vec<EngagementRead> = {
            use rayon::prelude::*;
            let reader = &reader;
            let config = &config;
            entries
                .par_iter()
                .map(|(entry, kind)| reader.engagement_alone(entry, *kind, config))
                .collect()
        };
        for one in read {
            engagements.extend(one.engagement);
            diagnostics.extend(one.diagnostics);
            reader.sources.extend(one.sources);
        }
    }
    diagnostic::sort(&mut diagnostics);
    Ok(Loaded {
        portfolio: Portfolio {
            config,
            engagements,
        },
        diagnostics,
        sources: reader.sources,
    })
}

/// One engagement folder read on its own (`serve` reloads only the
/// engagement that changed): what `load` would give for it, under the
/// configuration `config` that was loaded with the rest.
#[derive(Debug)]
pub struct LoadedEngagement {
    /// `None` when the folder is gone or its record cannot be read.
    pub engagement: Option<Engagement>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Reads `content/<id>/` of the repository at `root` as `load` reads each
/// engagement folder.
pub fn load_engagement(root: &Path, id: &str, config: &Config) -> Result<LoadedEngagement> {
    let canonical_root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let reader = Reader {
        root,
        canonical_root,
        max_bytes: config.limits.max_file_bytes,
        sources: Sources::new(),
    };
    let dir = root.join(CONTENT_DIR).join(id);
    let mut diagnostics = Vec::new();
    let read = match reader.kind(&dir, &mut diagnostics) {
        Some(kind) => reader.engagement_alone(&dir, kind, config),
        None => EngagementRead {
            engagement: None,
            diagnostics: Vec::new(),
            sources: Sources::new(),
        },
    };
    diagnostics.extend(read.diagnostics);
    diagnostic::sort(&mut diagnostics);
    Ok(LoadedEngagement {
        engagement: read.engagement,
        diagnostics,
        sources: read.sources,
    })
}

/// Why a file at this place belongs to no engagement, and where it should go.
fn outside_engagement(name: &str, place: &str) -> String {
    if name.ends_with(".md") {
        format!(
            "a note outside an engagement folder: notes belong in \
             content/<engagement-id>/notes/; move it there ({place} holds engagement folders)"
        )
    } else if name.ends_with(".yaml") || name.ends_with(".yml") {
        format!(
            "a YAML file outside an engagement folder: periods belong in \
             content/<engagement-id>/periods/YYYY-MM.yaml and records in \
             content/<engagement-id>/engagement.yaml; move it there ({place} holds engagement \
             folders)"
        )
    } else {
        format!(
            "this file belongs to no engagement: {place} holds only engagement folders; move \
             it into content/<engagement-id>/ or out of content/"
        )
    }
}

/// Why a folder or note name cannot be used for a page, if it cannot
/// (`rapporteur new` asks the same before it writes).
pub(crate) fn bad_name(name: &str) -> Option<&'static str> {
    if !is_slug(name) {
        return Some("ids are lowercase slugs");
    }
    if reserved_on_windows(name) {
        return Some("the name is reserved on Windows");
    }
    None
}

/// `con`, `nul`, `com1`, `lpt¹`, ...: names Windows will not create, in any
/// case and with any extension.
pub fn reserved_on_windows(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            let mut rest = n.chars();
            matches!((rest.next(), rest.next()), (Some(d), None) if d.is_ascii_digit() || "¹²³".contains(d))
        })
    };
    ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str()) || numbered("COM") || numbered("LPT")
}

/// Adds a period unless its month is already there (a month given twice is an error).
fn insert_period(
    by_month: &mut BTreeMap<Month, Period>,
    period: Period,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(first) = by_month.get(&period.period) {
        let mut d = Diagnostic::error(
            &period.source,
            format!(
                "month {} is given twice (also in {}): keep one of them",
                period.period,
                first.source.display()
            ),
        );
        if let Some(source) = sources.get(&period.source) {
            let spans = yaml::Spans::index(source.yaml());
            let path = format!("{}period", period.yaml_prefix);
            let (line, column) = spans.value(&path).unwrap_or((1, 1));
            d = d.at(&source.text, line, column);
        }
        diagnostics.push(d);
        return;
    }
    by_month.insert(period.period, period);
}

/// Gives every item without an audience its record's, else the site default.
fn resolve_audiences(engagement: &mut Engagement, default: Audience) {
    fn fill(audience: &mut Option<Audience>, default: Audience) {
        audience.get_or_insert(default);
    }
    let record = &mut engagement.record;
    record.audience = Some(default);
    record
        .goals
        .iter_mut()
        .for_each(|g| fill(&mut g.audience, default));
    record
        .expectations
        .iter_mut()
        .for_each(|x| fill(&mut x.audience, default));
    record
        .risks
        .iter_mut()
        .for_each(|r| fill(&mut r.audience, default));
    record
        .milestones
        .iter_mut()
        .for_each(|m| fill(&mut m.audience, default));
    record
        .obligations
        .iter_mut()
        .for_each(|o| fill(&mut o.audience, default));
    for period in &mut engagement.periods {
        period
            .feedback
            .iter_mut()
            .for_each(|f| fill(&mut f.audience, default));
        if let Some(survey) = &mut period.survey {
            survey
                .responses
                .iter_mut()
                .for_each(|r| fill(&mut r.audience, default));
        }
    }
    for note in &mut engagement.notes {
        fill(&mut note.meta.audience, default);
        let note_default = note.meta.audience.unwrap_or(default);
        note.meta
            .feedback
            .iter_mut()
            .for_each(|f| fill(&mut f.audience, note_default));
    }
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Ids are lowercase slugs, `[a-z0-9][a-z0-9-]*`; underscores are accepted
/// too, since the documented examples write KPI ids like `approvals_on_time`
/// (docs/content.md).
pub fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "engagement".into()
    } else {
        out
    }
}

/// A valid name close to `name`, for the fix in a message.
fn suggest_name(name: &str, suffix: &str) -> String {
    let slug = slugify(name);
    if reserved_on_windows(&slug) {
        format!("{slug}-{suffix}")
    } else {
        slug
    }
}

#[cfg(test)]
mod tests;
