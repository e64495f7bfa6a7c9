//! Load: walk a report repository and read it into the typed model.
//!
//! Loading never stops at the first bad file: every problem becomes a
//! `Diagnostic`, and whatever could be read is still returned, so `check`
//! reports everything in one run.

mod notes;
mod parse;
mod text;

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

/// What an entry of a content folder is, once symbolic links are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
}

/// What reading one entry of content/ gave.
struct EngagementRead {
    engagement: Option<Engagement>,
    diagnostics: Vec<Diagnostic>,
    sources: Sources,
}

struct Reader<'a> {
    root: &'a Path,
    /// The root with symbolic links resolved: links must stay under it.
    canonical_root: PathBuf,
    max_bytes: u64,
    sources: Sources,
}

impl Reader<'_> {
    fn keep(&mut self, rel: &Path, text: String, yaml_range: std::ops::Range<usize>) {
        let yaml_first_line = text[..yaml_range.start].matches('\n').count() + 1;
        let source = Source {
            text,
            yaml_range,
            yaml_first_line,
        };
        self.sources.insert(rel.to_path_buf(), source);
    }

    /// Whether `path` is a file or a folder, following a symbolic link only
    /// when it stays inside the repository. `None` when it does not exist or
    /// must not be read (with a diagnostic for the latter).
    fn kind(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Kind> {
        let rel = relative(self.root, path);
        let meta = std::fs::symlink_metadata(path).ok()?;
        let meta = if meta.file_type().is_symlink() {
            let target = match std::fs::canonicalize(path) {
                Ok(t) => t,
                Err(e) => {
                    diagnostics.push(Diagnostic::error(
                        rel,
                        format!(
                            "this symbolic link cannot be followed ({e}): it is broken or loops; \
                             replace it by the file itself"
                        ),
                    ));
                    return None;
                }
            };
            if !target.starts_with(&self.canonical_root) {
                diagnostics.push(Diagnostic::error(
                    rel,
                    format!(
                        "this symbolic link points outside the repository (to {}) and is not \
                         followed: copy the file into the repository instead",
                        target.display()
                    ),
                ));
                return None;
            }
            match std::fs::metadata(&target) {
                Ok(m) => m,
                Err(e) => {
                    diagnostics.push(Diagnostic::error(rel, format!("cannot read it: {e}")));
                    return None;
                }
            }
        } else {
            meta
        };
        if meta.is_dir() {
            Some(Kind::Dir)
        } else if meta.is_file() {
            Some(Kind::File)
        } else {
            diagnostics.push(Diagnostic::error(
                rel,
                "not a regular file or folder (a pipe, socket or device), so it is not read: \
                 remove it, or put a file in its place",
            ));
            None
        }
    }

    /// The entries of a folder that may be read, sorted by name; hidden
    /// entries (`.name`) are skipped.
    fn entries(&self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<(PathBuf, Kind)> {
        let read = match std::fs::read_dir(dir) {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    relative(self.root, dir),
                    format!("cannot read the folder: {e}"),
                ));
                return Vec::new();
            }
        };
        let mut paths: Vec<PathBuf> = read
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        paths.sort();
        paths
            .into_iter()
            .filter_map(|p| {
                let kind = self.kind(&p, diagnostics)?;
                Some((p, kind))
            })
            .collect()
    }

    /// Reads a text file, or records why it could not be read. At most
    /// `max_bytes` are read, whatever the file claims its size is.
    fn read(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
        use std::io::Read;
        let rel = relative(self.root, path);
        let too_big = |size: String| {
            Diagnostic::error(
                &rel,
                format!(
                    "the file is {size} bytes, over the limit of {} (limits.max_file_bytes in \
                     rapporteur.yaml): split it or raise the limit",
                    self.max_bytes
                ),
            )
        };
        let file = std::fs::File::open(path).and_then(|f| {
            let size = f.metadata()?.len();
            Ok((f, size))
        });
        let (file, size) = match file {
            Ok(f) => f,
            Err(e) => {
                diagnostics.push(Diagnostic::error(rel, format!("cannot read the file: {e}")));
                return None;
            }
        };
        if size > self.max_bytes {
            diagnostics.push(too_big(size.to_string()));
            return None;
        }
        let mut bytes = Vec::with_capacity(size as usize);
        if let Err(e) = file
            .take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
        {
            diagnostics.push(Diagnostic::error(rel, format!("cannot read the file: {e}")));
            return None;
        }
        if bytes.len() as u64 > self.max_bytes {
            diagnostics.push(too_big(format!("more than {}", self.max_bytes)));
            return None;
        }
        match text::decode(&rel, bytes) {
            Ok(text) => Some(text),
            Err(d) => {
                diagnostics.push(d);
                None
            }
        }
    }

    fn config(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Config {
        let path = self.root.join(CONFIG_FILE);
        match self.kind(&path, diagnostics) {
            Some(Kind::File) => {}
            // Ignoring it would build with settings the user did not write.
            Some(Kind::Dir) => {
                diagnostics.push(Diagnostic::error(
                    CONFIG_FILE,
                    "rapporteur.yaml is a folder, not a file: the settings were not read; move \
                     the folder away and write the settings in a file rapporteur.yaml (or \
                     remove it to use the defaults)",
                ));
                return Config::default();
            }
            None => return Config::default(),
        }
        let Some(text) = self.read(&path, diagnostics) else {
            return Config::default();
        };
        let parsed = parse::parse_config(&text);
        diagnostics.extend(parsed.diagnostics);
        self.keep(Path::new(CONFIG_FILE), text.clone(), 0..text.len());
        parsed.value.unwrap_or_default()
    }

    /// One entry of content/, read on its own: an engagement folder, or a
    /// file that belongs to no engagement.
    fn engagement_alone(&self, entry: &Path, kind: Kind, config: &Config) -> EngagementRead {
        let mut one = Reader {
            root: self.root,
            canonical_root: self.canonical_root.clone(),
            max_bytes: self.max_bytes,
            sources: Sources::new(),
        };
        let mut diagnostics = Vec::new();
        let engagement = match kind {
            Kind::Dir => one.engagement(entry, config, &mut diagnostics),
            Kind::File => {
                let name = entry.file_name().unwrap_or_default().to_string_lossy();
                diagnostics.push(Diagnostic::error(
                    relative(self.root, entry),
                    outside_engagement(&name, "content/"),
                ));
                None
            }
        };
        EngagementRead {
            engagement,
            diagnostics,
            sources: one.sources,
        }
    }

    fn engagement(
        &mut self,
        dir: &Path,
        config: &Config,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Engagement> {
        let id = dir.file_name()?.to_string_lossy().into_owned();
        let rel_dir = relative(self.root, dir);
        if id == "notes" || id == "periods" {
            let entries = self.entries(dir, diagnostics);
            for (path, _) in &entries {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                diagnostics.push(Diagnostic::error(
                    relative(self.root, path),
                    outside_engagement(&name, "content/"),
                ));
            }
            if entries.is_empty() {
                diagnostics.push(Diagnostic::error(
                    rel_dir,
                    format!(
                        "content/{id}/ is not an engagement: {id}/ folders belong inside \
                         content/<engagement-id>/"
                    ),
                ));
            }
            return None;
        }
        if let Some(problem) = bad_name(&id) {
            diagnostics.push(Diagnostic::error(
                rel_dir,
                format!(
                    "`{id}` is not a valid engagement id ({problem}): rename the folder to \
                     lowercase letters, digits and dashes (e.g. `{}`)",
                    suggest_name(&id, "engagement")
                ),
            ));
            return None;
        }
        let record_path = dir.join("engagement.yaml");
        let rel_record = relative(self.root, &record_path);
        let mut has_record = false;
        let mut has_periods = false;
        let mut has_notes = false;
        for (path, kind) in self.entries(dir, diagnostics) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            match (name.as_ref(), kind) {
                ("engagement.yaml", Kind::File) => has_record = true,
                ("periods", Kind::Dir) => has_periods = true,
                ("notes", Kind::Dir) => has_notes = true,
                (_, kind) => diagnostics.push(misplaced(&relative(self.root, &path), &name, kind)),
            }
        }
        if !has_record {
            diagnostics.push(Diagnostic::error(
                rel_record,
                "the engagement folder has no engagement.yaml: add one with name, client, \
                 provider, phase and kpis",
            ));
            return None;
        }
        // Periods and notes are read even when the record is broken, so that
        // their own problems are reported in the same run.
        let mut record = None;
        if let Some(text) = self.read(&record_path, diagnostics) {
            let parsed = parse::parse_engagement(&rel_record, &text);
            diagnostics.extend(parsed.diagnostics);
            self.keep(&rel_record, text.clone(), 0..text.len());
            record = parsed.value;
        }
        let periods = if has_periods {
            self.periods(&dir.join("periods"), diagnostics)
        } else {
            Vec::new()
        };
        let mut notes = if has_notes {
            self.notes(&dir.join("notes"), diagnostics)
        } else {
            Vec::new()
        };
        let mut record = record?;
        let mut by_month: BTreeMap<Month, Period> = BTreeMap::new();
        for (i, mut period) in std::mem::take(&mut record.periods).into_iter().enumerate() {
            period.source = rel_record.clone();
            period.yaml_prefix = format!("periods.{i}.");
            insert_period(&mut by_month, period, &self.sources, diagnostics);
        }
        for period in periods {
            insert_period(&mut by_month, period, &self.sources, diagnostics);
        }
        notes.sort_by(|a, b| (a.meta.date, &a.slug).cmp(&(b.meta.date, &b.slug)));

        let default = record.audience.unwrap_or(config.default_audience);
        let mut engagement = Engagement {
            id,
            record,
            periods: by_month.into_values().collect(),
            notes,
            source: rel_record,
        };
        resolve_audiences(&mut engagement, default);
        Some(engagement)
    }

    fn periods(&mut self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Period> {
        let mut periods = Vec::new();
        for (path, kind) in self.entries(dir, diagnostics) {
            let rel = relative(self.root, &path);
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let stem = name.strip_suffix(".yaml").or(name.strip_suffix(".yml"));
            let stem = match (stem, kind) {
                (Some(stem), Kind::File) => stem,
                (_, Kind::Dir) => {
                    diagnostics.push(Diagnostic::warning(
                        rel,
                        "sub-folders of periods/ are not read: move its period files up into \
                         periods/",
                    ));
                    continue;
                }
                (None, Kind::File) => {
                    let msg = if name.ends_with(".md") {
                        "a note in periods/ is not read: move it to the engagement's notes/"
                    } else {
                        "not a period file, not read: period files are named YYYY-MM.yaml"
                    };
                    diagnostics.push(Diagnostic::warning(rel, msg));
                    continue;
                }
            };
            if stem.parse::<Month>().is_err() {
                diagnostics.push(Diagnostic::error(
                    rel,
                    format!(
                        "`{name}` is not a period file name: name it after its month, \
                         YYYY-MM.yaml (e.g. 2026-03.yaml)"
                    ),
                ));
                continue;
            }
            let Some(text) = self.read(&path, diagnostics) else {
                continue;
            };
            let parsed = parse::parse_period(&rel, &text);
            diagnostics.extend(parsed.diagnostics);
            self.keep(&rel, text.clone(), 0..text.len());
            periods.extend(parsed.value);
        }
        periods
    }

    fn notes(&mut self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Note> {
        let mut notes = Vec::new();
        for (path, kind) in self.entries(dir, diagnostics) {
            let rel = relative(self.root, &path);
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let slug = match (name.strip_suffix(".md"), kind) {
                (Some(slug), Kind::File) => slug,
                (_, Kind::Dir) => {
                    diagnostics.push(Diagnostic::warning(
                        rel,
                        "sub-folders of notes/ are not read: move its notes up into notes/",
                    ));
                    continue;
                }
                (None, Kind::File) => {
                    diagnostics.push(Diagnostic::warning(
                        rel,
                        "not a note, not read: notes are Markdown files named <slug>.md",
                    ));
                    continue;
                }
            };
            if let Some(problem) = bad_name(slug) {
                diagnostics.push(Diagnostic::error(
                    rel,
                    format!(
                        "`{name}` is not a valid note file name ({problem}): use lowercase \
                         letters, digits and dashes, e.g. `{}.md`",
                        suggest_name(slug, "note")
                    ),
                ));
                continue;
            }
            let Some(text) = self.read(&path, diagnostics) else {
                continue;
            };
            let parsed = parse::parse_note(&rel, &text);
            diagnostics.extend(parsed.diagnostics);
            let front = notes::front_matter_range(&text).unwrap_or(0..0);
            self.keep(&rel, text, front);
            notes.extend(parsed.value);
        }
        notes
    }
}

/// A file or folder in an engagement folder that rapporteur does not read.
fn misplaced(rel: &Path, name: &str, kind: Kind) -> Diagnostic {
    let known = ["engagement.yaml", "periods", "notes"];
    if kind == Kind::File && name.ends_with(".md") {
        return Diagnostic::error(
            rel,
            "a note outside notes/: move it into the engagement's notes/ folder",
        );
    }
    if kind == Kind::File && (name.ends_with(".yaml") || name.ends_with(".yml")) {
        let msg = if name.starts_with("engagement") {
            "the record must be named exactly `engagement.yaml`: rename it".to_string()
        } else {
            "a YAML file outside periods/ is not read: period files go in the engagement's \
             periods/ folder, named YYYY-MM.yaml"
                .to_string()
        };
        return Diagnostic::error(rel, msg);
    }
    let guess = yaml::closest(name, &known)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default();
    Diagnostic::warning(
        rel,
        format!(
            "not read{guess}: an engagement folder holds engagement.yaml, periods/ and notes/ \
             only"
        ),
    )
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
    for period in &mut engagement.periods {
        period
            .feedback
            .iter_mut()
            .for_each(|f| fill(&mut f.audience, default));
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
/// too, since DESIGN.md's own examples write KPI ids like `approvals_on_time`.
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
