//! Pure parsers, one per kind of file: text in, typed value and diagnostics
//! out. They never touch the disk, so the loader, the tests and the fuzz
//! targets (fuzz/) all go through exactly the same code.

use std::path::Path;

use crate::components::ComponentKind;
use crate::config::{Config, MAX_FILE_BYTES};
use crate::diagnostic::Diagnostic;
use crate::model::{EngagementRecord, Month, Note, Period};
use crate::yaml::{self, Spans, YamlError};

use super::{CONFIG_FILE, is_slug, notes, text};

/// A parsed file: the value when it could be read, and every problem in it.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Parsed<T> {
    fn failed(diagnostics: Vec<Diagnostic>) -> Parsed<T> {
        Parsed {
            value: None,
            diagnostics,
        }
    }

    /// Refuses a text holding control characters, each at its place, before
    /// any parser sees it (the YAML parser would say only "at position N").
    fn controls(rel: &Path, text: &str) -> Option<Parsed<T>> {
        let found = text::control_characters(rel, text);
        (!found.is_empty()).then(|| Parsed::failed(found))
    }
}

fn to_diagnostics(
    rel: &Path,
    text: &str,
    errors: Vec<YamlError>,
    first_line: usize,
) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|e| Diagnostic::error(rel, e.message).at(text, e.line + first_line - 1, e.column))
        .collect()
}

/// Parses a YAML file that must not be empty.
fn parse_yaml<T: serde::de::DeserializeOwned>(rel: &Path, text: &str, empty: &str) -> Parsed<T> {
    if let Some(refused) = Parsed::controls(rel, text) {
        return refused;
    }
    if text.trim().is_empty() {
        return Parsed::failed(vec![Diagnostic::error(rel, empty)]);
    }
    let parsed = yaml::parse::<T>(text);
    Parsed {
        value: parsed.value,
        diagnostics: to_diagnostics(rel, text, parsed.errors, 1),
    }
}

/// `rapporteur.yaml`; an empty file is the default configuration. On errors
/// the value is `None` and the caller goes on with the defaults.
pub fn parse_config(text: &str) -> Parsed<Config> {
    let rel = Path::new(CONFIG_FILE);
    if let Some(refused) = Parsed::controls(rel, text) {
        return refused;
    }
    if text.trim().is_empty() {
        return Parsed {
            value: Some(Config::default()),
            diagnostics: Vec::new(),
        };
    }
    let mut parsed = parse_yaml::<Config>(rel, text, "");
    if let Some(config) = &parsed.value {
        let spans = Spans::index(text);
        let key = |path: &str| spans.key(path).unwrap_or_else(|| spans.nearest(path));
        let value = |path: &str| spans.value(path).unwrap_or_else(|| spans.nearest(path));
        let mut errors = Vec::new();
        let mut at = |(line, column): (usize, usize), message: String| {
            errors.push(Diagnostic::error(rel, message).at(text, line, column));
        };
        let theme_ok = config
            .theme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && !config.theme.is_empty();
        if !theme_ok {
            at(
                key("theme"),
                format!(
                    "`theme: {}` is not a theme name: name a folder of themes/ (letters, digits, \
                     `-`, `_`), or remove `theme:` for the built-in theme",
                    config.theme
                ),
            );
        }
        let max = config.limits.max_file_bytes;
        if !MAX_FILE_BYTES.contains(&max) {
            at(
                value("limits.max_file_bytes"),
                format!(
                    "max_file_bytes is {max}: use a number of bytes from {} to {} (1 GiB); the \
                     default is 10485760 (10 MiB)",
                    MAX_FILE_BYTES.start(),
                    MAX_FILE_BYTES.end()
                ),
            );
        }
        let w = &config.weights;
        for (name, v) in ComponentKind::ALL.iter().map(|k| (k.key(), k.weight(w))) {
            if !(v >= 0.0 && v.is_finite()) {
                at(
                    key(&format!("weights.{name}")),
                    format!("weight {name} is {v}: use zero or more (0 leaves it out of health)"),
                );
            }
        }
        let h = &config.thresholds.health;
        if !(h.amber <= h.green && (0.0..=100.0).contains(&h.amber) && h.green <= 100.0) {
            at(
                key("thresholds.health"),
                format!(
                    "health bands green {} / amber {} are out of order: use 0 <= amber <= green \
                     <= 100",
                    h.green, h.amber
                ),
            );
        }
        let t = &config.thresholds;
        if !(t.overtime_flag >= 0.0 && t.perception_gap_flag >= 0.0) {
            at(
                key("thresholds"),
                "thresholds cannot be negative: use 0 or more".into(),
            );
        }
        // A floor of 0 would show a side that has no response at all.
        if config.survey.min_responses == 0 {
            at(
                value("survey.min_responses"),
                "survey.min_responses is 0: use 1 or more (the default is 3; 1 shows every \
                 answer)"
                    .into(),
            );
        }
        parsed.diagnostics.extend(errors);
    }
    if !parsed.diagnostics.is_empty() {
        parsed.value = None;
    }
    parsed
}

/// An `engagement.yaml`; `rel` is its path relative to the root.
pub fn parse_engagement(rel: &Path, text: &str) -> Parsed<EngagementRecord> {
    parse_yaml(
        rel,
        text,
        "engagement.yaml is empty: write the record (name, client, provider, phase, kpis; \
         see docs/content.md)",
    )
}

/// A period file `periods/YYYY-MM.yaml`; `period:` must be the month of the
/// file name (when the name is a month).
pub fn parse_period(rel: &Path, text: &str) -> Parsed<Period> {
    let mut parsed = parse_yaml::<Period>(
        rel,
        text,
        "the period file is empty: write `period: YYYY-MM` and the month's measurements",
    );
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.split('.').next().unwrap_or("");
    if let (Some(period), Ok(month)) = (&mut parsed.value, stem.parse::<Month>()) {
        if period.period != month {
            let spans = Spans::index(text);
            let (line, column) = spans.value("period").unwrap_or((1, 1));
            parsed.diagnostics.push(
                Diagnostic::error(
                    rel,
                    format!(
                        "`period: {}` does not match the file name {name}: make them the same \
                         month (rename the file to {}.yaml or change `period:`)",
                        period.period, period.period
                    ),
                )
                .at(text, line, column),
            );
        }
        period.source = rel.to_path_buf();
    }
    if !parsed.diagnostics.is_empty() {
        parsed.value = None;
    }
    parsed
}

/// A note `notes/<slug>.md`: front matter between `---` lines, then Markdown.
pub fn parse_note(rel: &Path, text: &str) -> Parsed<Note> {
    let slug = rel
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    if !is_slug(&slug) {
        return Parsed::failed(vec![Diagnostic::error(
            rel,
            format!("`{slug}` is not a valid note name: use lowercase letters, digits and dashes"),
        )]);
    }
    if let Some(refused) = Parsed::controls(rel, text) {
        return refused;
    }
    match notes::parse_note(rel, &slug, text) {
        Ok(note) => Parsed {
            value: Some(note),
            diagnostics: Vec::new(),
        },
        Err(diagnostics) => Parsed::failed(diagnostics),
    }
}
