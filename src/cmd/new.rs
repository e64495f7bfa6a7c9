//! `rapporteur new note|period|engagement`: write a new content file from a
//! commented template, so a monthly update or a meeting note starts right.
//!
//! A file that exists is never overwritten: the command fails with exit code
//! 2 and leaves it as it was (a note takes the next free name instead,
//! `-2`, `-3`...). Every name it writes is one `rapporteur check` accepts;
//! a name it cannot make valid is refused before anything is written
//! (docs/commands.md, `new`). Every file starts with a `yaml-language-server`
//! line pointing at `schemas/` (see `rapporteur schema`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};

use super::Verbosity;
use crate::diagnostic::{Diagnostic, printable};
use crate::error::{Error, Result};
use crate::load::{self, CONTENT_DIR};
use crate::model::{EngagementRecord, Month, NoteKind};
use crate::output::{self, Overwrite};
use crate::scaffold;
use crate::schema::SCHEMA_DIR;
use crate::yaml;

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: What,
    /// The report repository (holds rapporteur.yaml and content/).
    #[arg(long, default_value = ".", global = true)]
    pub root: PathBuf,
    /// The report date (YYYY-MM-DD), the default date of a note and start of
    /// an engagement; default SOURCE_DATE_EPOCH, else today.
    #[arg(long, value_name = "DATE", global = true)]
    pub as_of: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum What {
    /// content/<engagement>/notes/<date>-<slug>.md, with front matter.
    Note {
        /// The engagement id (its folder under content/).
        engagement: String,
        /// The note's title; the file name is made from it.
        title: String,
        /// What kind of meeting it records.
        #[arg(
            long,
            default_value_t = crate::names::name_of(&NoteKind::default()),
            value_parser = PossibleValuesParser::new(crate::names::variants::<NoteKind>())
        )]
        kind: String,
        /// The note's date (YYYY-MM-DD); default --as-of, else today.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// content/<engagement>/periods/YYYY-MM.yaml, with every KPI as a key.
    Period {
        /// The engagement id (its folder under content/).
        engagement: String,
        /// The month, YYYY-MM.
        month: String,
    },
    /// content/<id>/engagement.yaml, a commented record to fill in.
    Engagement {
        /// The new engagement's id: lowercase letters, digits and dashes.
        id: String,
    },
}

pub fn execute(args: NewArgs, verbosity: Verbosity) -> Result<u8> {
    let as_of = super::as_of_from(args.as_of.as_deref())?;
    let (rel, text) = match &args.what {
        What::Note {
            engagement,
            title,
            kind,
            date,
        } => {
            let date = match date {
                Some(text) => parse_date(text, "--date")?,
                None => as_of,
            };
            let record = read_record(&args.root, engagement)?;
            let (rel, text) = note(engagement, &record, title, kind, date);
            (free_note_name(&args.root, &rel)?, text)
        }
        What::Period { engagement, month } => {
            let month: Month = month.parse().map_err(Error::Usage)?;
            let record = read_record(&args.root, engagement)?;
            if record.periods.iter().any(|p| p.period == month) {
                return Err(Error::Usage(format!(
                    "{month} is already written inline under `periods:` in \
                     {CONTENT_DIR}/{engagement}/engagement.yaml: edit it there, or move it into \
                     a period file"
                )));
            }
            period(engagement, &record, month)
        }
        What::Engagement { id } => engagement(id, as_of)?,
    };
    let path = args.root.join(&rel);
    output::write_file(&path, text.as_bytes(), Overwrite::Never)?;
    if verbosity > Verbosity::Quiet && !args.root.join(SCHEMA_DIR).is_dir() {
        eprintln!(
            "hint: run `rapporteur schema --out {}` so editors can check the file as you type",
            args.root.join(SCHEMA_DIR).display()
        );
    }
    println!("{}", printable(&path.display().to_string(), false));
    Ok(0)
}

fn parse_date(text: &str, flag: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Usage(format!("{flag} `{text}` is not a date: write YYYY-MM-DD")))
}

/// The record of an existing engagement, to take its KPIs and owners from.
fn read_record(root: &Path, id: &str) -> Result<EngagementRecord> {
    let rel = PathBuf::from(CONTENT_DIR).join(id).join("engagement.yaml");
    let path = root.join(&rel);
    if !load::is_slug(id) || !path.is_file() {
        return Err(Error::Usage(format!(
            "there is no engagement `{id}` ({} not found); the engagements are: {}",
            path.display(),
            engagement_ids(root).join(", ")
        )));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    yaml::from_str(&text).map_err(|e| {
        Error::Content(vec![
            Diagnostic::error(rel, e.message).at(&text, e.line, e.column),
        ])
    })
}

fn engagement_ids(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.join(CONTENT_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("engagement.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    if ids.is_empty() {
        ids.push("(none yet: `rapporteur new engagement <id>`)".into());
    }
    ids
}

/// How many numbered names (`-2`, `-3`...) a note may try: bounded work.
const MAX_NOTE_COUNTER: usize = 999;

/// `rel`, or the first of `<stem>-2.md`, `<stem>-3.md`... not taken, so
/// that two notes of a day with the same title do not collide. The file
/// text names no file, so it is the same for any of them.
fn free_note_name(root: &Path, rel: &str) -> Result<String> {
    let stem = rel.trim_end_matches(".md");
    let taken = |rel: &str| root.join(rel).symlink_metadata().is_ok();
    if !taken(rel) {
        return Ok(rel.to_string());
    }
    (2..=MAX_NOTE_COUNTER)
        .map(|n| format!("{stem}-{n}.md"))
        .find(|candidate| !taken(candidate))
        .ok_or_else(|| {
            Error::Usage(format!(
                "{} and {stem}-2.md to {stem}-{MAX_NOTE_COUNTER}.md all exist: give the note \
                 another title or --date",
                root.join(rel).display()
            ))
        })
}

/// Lowercase ASCII letters and digits, runs of anything else as one dash;
/// other scripts transliterated first ("Überprüfung" -> `uberprufung`,
/// "会议" -> `hui-yi`) with `deunicode`, so titles in any language give
/// distinct, readable names.
pub fn slug(title: &str) -> String {
    slug_or(title, "note")
}

/// `slug(text)`, or `fallback` when nothing of `text` is left.
fn slug_or(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// The path (relative to the root) and text of a new note.
pub fn note(
    engagement: &str,
    record: &EngagementRecord,
    title: &str,
    kind: &str,
    date: NaiveDate,
) -> (String, String) {
    let rel = format!("{CONTENT_DIR}/{engagement}/notes/{date}-{}.md", slug(title));
    let text = scaffold::new::note(&rel, record, title, kind, date);
    (rel, text)
}

/// The path and text of a new period file, every KPI of the record as a key.
pub fn period(engagement: &str, record: &EngagementRecord, month: Month) -> (String, String) {
    let rel = format!("{CONTENT_DIR}/{engagement}/periods/{month}.yaml");
    let text = scaffold::new::period(&rel, record, month);
    (rel, text)
}

/// The path and text of a new engagement record.
pub fn engagement(id: &str, as_of: NaiveDate) -> Result<(String, String)> {
    if let Some(problem) = load::bad_name(id) {
        let mut suggestion = slug_or(id, "my-engagement");
        if load::reserved_on_windows(&suggestion) {
            suggestion.push_str("-engagement");
        }
        return Err(Error::Usage(format!(
            "`{}` cannot be an engagement id ({problem}): use lowercase letters, digits and \
             dashes, e.g. `{suggestion}`",
            printable(id, false)
        )));
    }
    let rel = format!("{CONTENT_DIR}/{id}/engagement.yaml");
    let name: String = id
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text = scaffold::new::engagement(&rel, id, &name, as_of);
    Ok((rel, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_with_single_dashes() {
        assert_eq!(slug("Weekly check-in"), "weekly-check-in");
        assert_eq!(slug("  Q3 review: pay & tax!! "), "q3-review-pay-tax");
        assert_eq!(slug("Überprüfung der Qualität"), "uberprufung-der-qualitat");
        assert_eq!(slug("会议"), "hui-yi");
        assert_eq!(slug("***"), "note");
        assert!(slug(&"x ".repeat(100)).len() <= 60);
    }

    #[test]
    fn engagement_ids_check_would_refuse_are_refused_with_a_valid_suggestion() {
        let as_of = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        for (id, suggestion) in [
            ("con", "con-engagement"),
            ("Acme Payroll", "acme-payroll"),
            ("LPT1", "lpt1-engagement"),
            ("***", "my-engagement"),
            ("-x", "x"),
        ] {
            let Err(Error::Usage(message)) = engagement(id, as_of) else {
                panic!("{id} accepted");
            };
            assert!(
                message.contains(&format!("e.g. `{suggestion}`")),
                "{message}"
            );
            assert!(load::bad_name(suggestion).is_none(), "{suggestion}");
        }
    }

    #[test]
    fn templates_parse_as_the_types_they_are_for() {
        let as_of = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let (rel, text) = engagement("acme-payroll", as_of).unwrap();
        assert_eq!(rel, "content/acme-payroll/engagement.yaml");
        let record: EngagementRecord = yaml::from_str(&text).unwrap();
        assert_eq!(record.name, "Acme Payroll");
        let (_, text) = period("acme-payroll", &record, "2026-02".parse().unwrap());
        let p: crate::model::Period = yaml::from_str(&text).unwrap();
        assert_eq!(
            p.kpis.get("on_time"),
            Some(&crate::model::KpiValue::NotReported)
        );
        let (rel, text) = note("acme-payroll", &record, "Kick-off: \"go\"", "review", as_of);
        assert_eq!(rel, "content/acme-payroll/notes/2026-03-04-kick-off-go.md");
        let front = text.split("---\n").nth(1).unwrap();
        let meta: crate::model::NoteMeta = yaml::from_str(front).unwrap();
        assert_eq!(meta.title, "Kick-off: \"go\"");
        assert_eq!(meta.attendees, vec!["Client owner", "Provider owner"]);
    }
}
