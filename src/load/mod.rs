//! Load: walk a report repository and read it into the typed model.
//!
//! Loading never stops at the first bad file: every problem becomes a
//! `Diagnostic`, and whatever could be read is still returned, so `check`
//! reports everything in one run.

mod notes;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic};
use crate::error::{Error, Result};
use crate::model::{Audience, Engagement, EngagementRecord, Month, Note, Period, Portfolio};
use crate::yaml;

pub use notes::markdown_options;

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
    let mut diagnostics = Vec::new();
    let config = load_config(root, &mut diagnostics);
    let mut reader = Reader {
        root,
        max_bytes: config.limits.max_file_bytes,
        sources: Sources::new(),
    };
    let mut engagements = Vec::new();
    let content = root.join(CONTENT_DIR);
    if content.is_dir() {
        for entry in sorted_entries(&content, &mut diagnostics, root) {
            let rel = relative(root, &entry);
            if entry.is_dir() {
                if let Some(e) = reader.engagement(&entry, &config, &mut diagnostics) {
                    engagements.push(e);
                }
            } else {
                diagnostics.push(Diagnostic::error(
                    rel,
                    "files directly in content/ belong to no engagement: move it into \
                     content/<engagement-id>/ (periods/ or notes/)",
                ));
            }
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

fn load_config(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Config {
    let path = root.join(CONFIG_FILE);
    if !path.is_file() {
        return Config::default();
    }
    let reader = Reader {
        root,
        max_bytes: Config::default().limits.max_file_bytes,
        sources: Sources::new(),
    };
    let Some(text) = reader.read(&path, diagnostics) else {
        return Config::default();
    };
    // An empty file is a valid configuration: every key is optional.
    if text.trim().is_empty() {
        return Config::default();
    }
    match yaml::from_str::<Config>(&text) {
        Ok(config) => config,
        Err(e) => {
            diagnostics.push(Diagnostic::error(CONFIG_FILE, e.message).at(&text, e.line, e.column));
            Config::default()
        }
    }
}

struct Reader<'a> {
    root: &'a Path,
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

    /// Reads a text file, or records why it could not be read.
    fn read(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
        let rel = relative(self.root, path);
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > self.max_bytes {
            diagnostics.push(Diagnostic::error(
                rel,
                format!(
                    "the file is {size} bytes, over the limit of {} (limits.max_file_bytes in \
                     rapporteur.yaml): split it or raise the limit",
                    self.max_bytes
                ),
            ));
            return None;
        }
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    let (line, column) = line_col(&text, offset);
                    diagnostics.push(
                        Diagnostic::error(
                            rel,
                            format!(
                                "the file is not UTF-8 (invalid byte at offset {offset}): \
                                 save it as UTF-8"
                            ),
                        )
                        .at(&text, line, column),
                    );
                    None
                }
            },
            Err(e) => {
                diagnostics.push(Diagnostic::error(rel, format!("cannot read the file: {e}")));
                None
            }
        }
    }

    fn engagement(
        &mut self,
        dir: &Path,
        config: &Config,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Engagement> {
        let id = dir.file_name()?.to_string_lossy().into_owned();
        let record_path = dir.join("engagement.yaml");
        let rel_record = relative(self.root, &record_path);
        if !is_slug(&id) {
            diagnostics.push(Diagnostic::error(
                relative(self.root, dir),
                format!(
                    "`{id}` is not a valid engagement id: rename the folder to lowercase \
                     letters, digits and dashes (e.g. `{}`)",
                    slugify(&id)
                ),
            ));
            return None;
        }
        if !record_path.is_file() {
            diagnostics.push(Diagnostic::error(
                rel_record,
                "the engagement folder has no engagement.yaml: add one with name, client, \
                 provider, phase and kpis",
            ));
            return None;
        }
        let text = self.read(&record_path, diagnostics)?;
        let parsed = yaml::from_str(&text);
        self.keep(&rel_record, text.clone(), 0..text.len());
        let mut record: EngagementRecord = match parsed {
            Ok(r) => r,
            Err(e) => {
                diagnostics
                    .push(Diagnostic::error(&rel_record, e.message).at(&text, e.line, e.column));
                return None;
            }
        };
        let mut by_month: BTreeMap<Month, Period> = BTreeMap::new();
        for (i, mut period) in std::mem::take(&mut record.periods).into_iter().enumerate() {
            period.source = rel_record.clone();
            period.yaml_prefix = format!("periods.{i}.");
            insert_period(&mut by_month, period, diagnostics);
        }
        for period in self.periods(&dir.join("periods"), diagnostics) {
            insert_period(&mut by_month, period, diagnostics);
        }
        let mut notes = self.notes(&dir.join("notes"), diagnostics);
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
        if !dir.is_dir() {
            return periods;
        }
        for path in sorted_entries(dir, diagnostics, self.root) {
            let rel = relative(self.root, &path);
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let Some(stem) = name.strip_suffix(".yaml").or(name.strip_suffix(".yml")) else {
                diagnostics.push(Diagnostic::warning(
                    rel,
                    "not a period file: period files are named YYYY-MM.yaml",
                ));
                continue;
            };
            let month: Month = match stem.parse() {
                Ok(m) => m,
                Err(_) => {
                    diagnostics.push(Diagnostic::error(
                        rel,
                        format!("`{name}` is not a period file name: name it YYYY-MM.yaml"),
                    ));
                    continue;
                }
            };
            let Some(text) = self.read(&path, diagnostics) else {
                continue;
            };
            let parsed = yaml::from_str::<Period>(&text);
            self.keep(&rel, text.clone(), 0..text.len());
            match parsed {
                Ok(mut period) => {
                    if period.period != month {
                        let line = line_of_key(&text, "period");
                        diagnostics.push(
                            Diagnostic::error(
                                &rel,
                                format!(
                                    "`period: {}` does not match the file name {name}: make \
                                     them the same month",
                                    period.period
                                ),
                            )
                            .at(&text, line, 1),
                        );
                        continue;
                    }
                    period.source = rel;
                    periods.push(period);
                }
                Err(e) => {
                    diagnostics.push(Diagnostic::error(rel, e.message).at(&text, e.line, e.column))
                }
            }
        }
        periods
    }

    fn notes(&mut self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Note> {
        let mut notes = Vec::new();
        if !dir.is_dir() {
            return notes;
        }
        for path in sorted_entries(dir, diagnostics, self.root) {
            let rel = relative(self.root, &path);
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let Some(slug) = name.strip_suffix(".md") else {
                continue;
            };
            if !is_slug(slug) {
                diagnostics.push(Diagnostic::error(
                    rel,
                    format!(
                        "`{name}` is not a valid note file name: use lowercase letters, digits \
                         and dashes, e.g. `{}.md`",
                        slugify(slug)
                    ),
                ));
                continue;
            }
            let Some(text) = self.read(&path, diagnostics) else {
                continue;
            };
            match notes::parse_note(&rel, slug, &text) {
                Ok(note) => {
                    let front = notes::front_matter_range(&text).unwrap_or(0..0);
                    self.keep(&rel, text, front);
                    notes.push(note)
                }
                Err(d) => diagnostics.push(d),
            }
        }
        notes
    }
}

fn insert_period(
    by_month: &mut BTreeMap<Month, Period>,
    period: Period,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(first) = by_month.get(&period.period) {
        diagnostics.push(Diagnostic::error(
            &period.source,
            format!(
                "month {} is given twice (also in {}): keep one",
                period.period,
                first.source.display()
            ),
        ));
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

/// The entries of a folder, sorted by name; symbolic links are not followed.
fn sorted_entries(dir: &Path, diagnostics: &mut Vec<Diagnostic>, root: &Path) -> Vec<PathBuf> {
    let mut entries = Vec::new();
    for entry in WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .follow_links(false)
    {
        match entry {
            Ok(e) if e.path_is_symlink() => diagnostics.push(Diagnostic::warning(
                relative(root, e.path()),
                "symbolic links are not followed: replace the link by the file itself",
            )),
            Ok(e) => {
                let hidden = e.file_name().to_string_lossy().starts_with('.');
                if !hidden {
                    entries.push(e.into_path());
                }
            }
            Err(e) => diagnostics.push(Diagnostic::error(
                relative(root, e.path().unwrap_or(dir)),
                format!("cannot read the folder: {e}"),
            )),
        }
    }
    entries
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The 1-based line on which a top-level `key:` is written (1 if absent).
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 1)
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
        if c.is_ascii_alphanumeric() || (c == '_' && !out.is_empty()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("acme-payroll"));
        assert!(is_slug("2024-x"));
        assert!(is_slug("approvals_on_time"));
        for bad in ["", "-a", "_a", "Acme", "a/b", "..", "a b", "a.b"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(slugify("Acme Payroll_2"), "acme-payroll_2");
    }

    #[test]
    fn line_col_is_one_based() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
    }
}
