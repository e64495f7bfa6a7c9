//! Data in: `rapporteur import` turns a CSV or spreadsheet export into
//! period files. The stages: parse the mapping (`mapping`), read the file
//! (`table`), aggregate its rows per engagement and month (`aggregate`,
//! pure), merge the figures into each period file's text (`merge`), then
//! load and validate the repository as it would be, in memory, before the
//! command writes anything through `crate::output`.

pub mod aggregate;
pub mod mapping;
mod mapping_de;
pub mod merge;
pub mod table;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::{self, Diagnostic};
use crate::error::{Error, Result};
use crate::load::{self, Source};
use crate::model::Period;
use crate::schema;

pub use aggregate::BadCell;
pub use merge::Conflict;

/// What one file of the repository would become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// Relative to the root.
    pub rel: PathBuf,
    /// `None` for a file the import creates.
    pub old: Option<String>,
    pub new: String,
}

/// Everything an import found, before anything is written.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Problems of the mapping, or of the files as they would be written.
    pub diagnostics: Vec<Diagnostic>,
    /// The first `aggregate::BAD_CELLS_KEPT` bad cells.
    pub bad_cells: Vec<BadCell>,
    /// Every bad cell, kept or not.
    pub bad_total: usize,
    /// By file (relative to the root).
    pub conflicts: Vec<(PathBuf, Conflict)>,
    /// The files that change (none equal to what is there).
    pub changes: Vec<FileChange>,
    /// Rows read and (engagement, month) pairs they fill.
    pub rows: usize,
    pub months: usize,
}

impl Outcome {
    /// Whether nothing may be written: any problem, or a conflict not forced.
    pub fn refused(&self, force: bool) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
            || self.bad_total > 0
            || (!force && !self.conflicts.is_empty())
    }
}

/// Reads `file` as `mapping_path` says and works out every change to the
/// repository at `root`. Only unreadable files are an `Err`.
pub fn plan(root: &Path, file: &Path, mapping_path: &Path, force: bool) -> Result<Outcome> {
    let mapping_text =
        std::fs::read_to_string(mapping_path).map_err(|e| Error::io(mapping_path, e))?;
    let mut outcome = Outcome::default();
    let mapping = match mapping::parse(mapping_path, &mapping_text) {
        Ok(m) => m,
        Err(d) => {
            outcome.diagnostics = d;
            return Ok(outcome);
        }
    };
    let format = table::format_of(file, mapping.format)?;
    let rows = table::open(
        file,
        format,
        mapping.delimiter.as_deref(),
        mapping.sheet.as_deref(),
    )?;
    let loaded = load::load(root)?;
    let plan = match mapping::resolve(
        mapping_path,
        &mapping_text,
        &mapping,
        &loaded.portfolio,
        &rows.header,
    ) {
        Ok(p) => p,
        Err(d) => {
            outcome.diagnostics = d;
            return Ok(outcome);
        }
    };
    // Row by row as the file is read: memory holds the months, not the rows.
    let mut aggregator = aggregate::Aggregator::new(&plan, &rows.header);
    rows.for_each(|number, cells| aggregator.push(number, cells))?;
    let aggregated = aggregator.finish();
    outcome.rows = aggregated.rows;
    outcome.months = aggregated.figures.len();
    outcome.bad_cells = aggregated.bad;
    outcome.bad_total = aggregated.bad_total;
    if outcome.bad_total > 0 {
        return Ok(outcome);
    }
    let mut portfolio = loaded.portfolio;
    let mut sources = loaded.sources;
    let baseline = crate::validate::validate(&portfolio, &sources);
    let before: BTreeSet<(PathBuf, String)> = loaded
        .diagnostics
        .iter()
        .chain(&baseline)
        .filter(|d| d.is_error())
        .map(|d| (d.file.clone(), d.message.clone()))
        .collect();
    let mut parse_problems = Vec::new();
    for ((id, month), figures) in &aggregated.figures {
        let Some(engagement) = portfolio.engagements.iter_mut().find(|e| &e.id == id) else {
            continue;
        };
        let existing = engagement.periods.iter().position(|p| p.period == *month);
        let (rel, old, new) = match existing {
            Some(i) => {
                let period: &Period = &engagement.periods[i];
                if !period.yaml_prefix.is_empty() {
                    outcome.diagnostics.push(Diagnostic::error(
                        &period.source,
                        format!(
                            "{month} is written inline in engagement.yaml, which import does not \
                             edit: move it to periods/{month}.yaml and import again"
                        ),
                    ));
                    continue;
                }
                let rel = period.source.clone();
                let Some(text) = sources.get(&rel).map(|s| s.text.clone()) else {
                    continue;
                };
                let (new, conflicts) = merge::merge(&text, period, figures, force);
                if force
                    && !conflicts.is_empty()
                    && let Some(warning) = signed_warning(period, &rel)
                {
                    outcome.diagnostics.push(warning);
                }
                outcome
                    .conflicts
                    .extend(conflicts.into_iter().map(|c| (rel.clone(), c)));
                (rel, Some(text), new)
            }
            None => {
                let rel = PathBuf::from(load::CONTENT_DIR)
                    .join(id)
                    .join("periods")
                    .join(format!("{month}.yaml"));
                // Editors find the period schema as in files `new period` writes.
                let modeline = schema::Kind::Period.modeline(&format!(
                    "{CONTENT}/{id}/periods/{month}.yaml",
                    CONTENT = load::CONTENT_DIR
                ));
                (
                    rel,
                    None,
                    format!("{modeline}{}", merge::new_file(*month, figures)),
                )
            }
        };
        if old.as_deref() == Some(new.as_str()) {
            continue;
        }
        // The file as it would be, read as the loader reads it.
        let parsed = load::parse_period(&rel, &new);
        parse_problems.extend(parsed.diagnostics);
        if let Some(mut period) = parsed.value {
            period.source = rel.clone();
            match existing {
                Some(i) => engagement.periods[i] = period,
                None => {
                    engagement.periods.push(period);
                    engagement.periods.sort_by_key(|p| p.period);
                }
            }
        }
        sources.insert(
            rel.clone(),
            Source {
                text: new.clone(),
                yaml_range: 0..new.len(),
                yaml_first_line: 1,
            },
        );
        outcome.changes.push(FileChange { rel, old, new });
    }
    // The repository as it would be must pass `check`: errors it did not
    // have before are the import's, and refuse it. New warnings of the
    // files written are shown too (they do not refuse: `check` passes).
    let written: BTreeSet<&PathBuf> = outcome.changes.iter().map(|c| &c.rel).collect();
    let mut after = parse_problems;
    after.extend(crate::validate::validate(&portfolio, &sources));
    let mut new_errors: Vec<Diagnostic> = after
        .into_iter()
        .filter(|d| {
            let new = !before.contains(&(d.file.clone(), d.message.clone()));
            let ours = written.contains(&d.file);
            if d.is_error() {
                ours || new
            } else {
                ours && new
            }
        })
        .collect();
    diagnostic::sort(&mut new_errors);
    new_errors.dedup();
    outcome.diagnostics.extend(new_errors);
    Ok(outcome)
}

/// Replacing figures someone signed is allowed (a restatement) but never
/// silent: `diff --strict` will call it a change after sign-off.
fn signed_warning(period: &Period, rel: &Path) -> Option<Diagnostic> {
    let signed = period.sign_off.as_ref()?;
    let sides: Vec<&str> = [("provider", &signed.provider), ("client", &signed.client)]
        .into_iter()
        .filter(|(_, s)| s.is_some())
        .map(|(side, _)| side)
        .collect();
    (!sides.is_empty()).then(|| {
        Diagnostic::warning(
            rel,
            format!(
                "{} was signed off by the {}: --force restates figures already agreed; \
                 ask for a new sign-off (`diff --strict` reports this as a change after sign-off)",
                period.period,
                sides.join(" and the ")
            ),
        )
    })
}
