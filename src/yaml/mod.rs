//! The one place that knows which YAML crates parse the content.
//!
//! Everything else asks for a typed value from text and gets back the value
//! and/or `YamlError`s with 1-based positions and messages that say how to fix
//! the text, so the crates can be swapped. The text is first indexed once with
//! a span-aware parser (`Spans`): that index finds duplicate keys, refuses
//! alias bombs and too-deep nesting before serde expands anything, and gives
//! later checks the position of any value by its path.

mod allowed;
mod messages;
mod spans;

use serde::de::DeserializeOwned;

pub use messages::{closest, shorten};
pub use spans::{Duplicate, Spans};
use spans::{Range, join};

/// Nesting deeper than this is refused (serde_yaml's own limit is 128).
pub const MAX_DEPTH: usize = 128;
/// Values that aliases (`*name`) may add to a document, beyond those written.
pub const MAX_ALIAS_VALUES: u64 = 100_000;
/// Bytes the span index may use for paths (counting each entry's overhead),
/// so that a hostile file cannot make it huge: past it, positions of further
/// values fall back to their nearest indexed parent.
const PATH_BUDGET: usize = 32 << 20;
/// What one indexed path costs beyond its bytes (map entry, allocation).
const ENTRY_COST: usize = 96;
/// Above this size a text gets only a few rounds of error patching.
const LARGE_TEXT: usize = 1 << 20;
/// Keys longer than this are shortened in paths.
const MAX_KEY_IN_PATH: usize = 128;
/// Duplicate keys reported per file; the rest are summed up in one message.
const MAX_DUPLICATES: usize = 50;

/// A YAML problem at a position in the text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What parsing a text gave: the value when it could be read, and every
/// problem found (duplicate keys do not stop the value from being read).
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: Option<T>,
    pub errors: Vec<YamlError>,
}

impl<T> Parsed<T> {
    /// The value only when there was no problem at all.
    pub fn into_result(self) -> Result<T, Vec<YamlError>> {
        match self.value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(self.errors),
        }
    }
}

/// Rounds of "report, patch the spot, try again" per text: serde stops at
/// the first error, so a text with several gets several rounds.
const MAX_ROUNDS: usize = 25;

/// Parses `text` into `T`, reporting every problem with its position.
///
/// serde stops at its first error. To report more than one per file, the
/// spot of each error is patched in a copy of the text without moving any
/// other line (an unknown entry blanked out, a wrong value replaced by a
/// placeholder of the expected kind) and the copy parsed again. An error that
/// only the patch could have caused ends the rounds unreported.
pub fn parse<T: DeserializeOwned>(text: &str) -> Parsed<T> {
    // serde_yaml misreads a text that starts with a byte-order mark (it
    // loses every key after the first); the loader strips it, and so does this.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut spans = Spans::index(text);
    let mut errors: Vec<YamlError> = Vec::new();
    if let Some(problem) = &spans.problem {
        // Refused before serde would expand or recurse into it.
        errors.push(problem.clone());
        return Parsed {
            value: None,
            errors,
        };
    }
    errors.extend(spans.duplicate_errors());
    let mut chars: Vec<char> = text.chars().collect();
    let mut patched = false;
    for d in &spans.duplicates {
        if let Some(r) = spans.ranges.get(d.slot).filter(|r| r.end != usize::MAX) {
            blank(&mut chars, r.entry_start, r.end, true);
            patched = true;
        }
    }
    let mut current = if patched {
        chars.iter().collect::<String>()
    } else {
        text.to_string()
    };
    if patched {
        spans = Spans::index(&current);
    }
    let mut touched: Vec<String> = Vec::new();
    let mut meant: Vec<String> = Vec::new();
    let rounds = if text.len() > LARGE_TEXT {
        3
    } else {
        MAX_ROUNDS
    };
    for _ in 0..rounds {
        let err = match serde_yaml::from_str::<T>(&current) {
            Ok(value) => {
                let value = (!patched).then_some(value);
                return Parsed { value, errors };
            }
            Err(err) => err,
        };
        let raw = err.to_string();
        if raw.contains("duplicate field `") && !errors.is_empty() {
            break;
        }
        let (message, at) = messages::friendly(&raw, &current, err.location());
        let typo_again = at.missing
            && at
                .field
                .as_ref()
                .is_some_and(|f| meant.contains(&join(&at.path, f)));
        let missing_path = at.field.as_ref().map(|f| join(&at.path, f));
        let artifact = typo_again
            || touched.iter().any(|t| {
                at.path == *t
                    || at.path.starts_with(&format!("{t}."))
                    || (at.missing && missing_path.as_ref() == Some(t))
            });
        if artifact {
            break;
        }
        let (line, column) = match err.location() {
            Some(l) if !at.by_path && (l.line(), l.column()) != (1, 1) => (l.line(), l.column()),
            _ => spans.locate(&at.path, at.field.as_deref()),
        };
        let (line, column) = clamp(&current, line, column);
        if errors.iter().any(|e| (e.line, e.column) == (line, column)) {
            break;
        }
        errors.push(YamlError {
            line,
            column,
            message,
        });
        meant.extend(at.meant.clone());
        let mut chars: Vec<char> = current.chars().collect();
        let done = match &at.repair {
            messages::Repair::Remove(path) => spans.range(path).map(|r| {
                blank(&mut chars, r.entry_start, r.end, true);
                path.clone()
            }),
            // A placeholder that does not fit: take the whole entry out
            // instead (if it was required, its absence ends the rounds).
            messages::Repair::Replace(placeholder) => spans.range(&at.path).map(|r| {
                if !replace(&mut chars, r, placeholder) {
                    blank(&mut chars, r.entry_start, r.end, true);
                }
                at.path.clone()
            }),
            messages::Repair::None => None,
        };
        let Some(path) = done else { break };
        touched.push(path);
        patched = true;
        current = chars.iter().collect();
        spans = Spans::index(&current);
    }
    Parsed {
        value: None,
        errors,
    }
}

/// A position inside `text`: the parser may report the end of the stream one
/// line past the last one, which is shown as the end of the last line.
fn clamp(text: &str, line: usize, column: usize) -> (usize, usize) {
    let lines: Vec<&str> = crate::diagnostic::source_lines(text).collect();
    if line <= lines.len() {
        return (line.max(1), column.max(1));
    }
    let last = lines.last().map_or(0, |l| l.chars().count());
    (lines.len().max(1), last + 1)
}

/// Blanks `chars[from..to]` with spaces, keeping line breaks, and a comma
/// that follows it in a flow collection (`{ a: 1, b: 2 }`) when `comma`.
fn blank(chars: &mut [char], from: usize, to: usize, comma: bool) {
    let to = to.min(chars.len());
    for c in chars.iter_mut().take(to).skip(from) {
        if *c != '\n' && *c != '\r' {
            *c = ' ';
        }
    }
    if comma {
        let mut i = to;
        while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
            i += 1;
        }
        if i < chars.len() && chars[i] == ',' {
            chars[i] = ' ';
        }
    }
}

/// Replaces the value of `r` by `placeholder` without moving anything that
/// follows on its line or on other lines; `false` when it cannot.
fn replace(chars: &mut Vec<char>, r: Range, placeholder: &str) -> bool {
    let end = r.end.min(chars.len());
    let start = r.value_start.min(end);
    let line_end = chars[start..]
        .iter()
        .position(|&c| c == '\n' || c == '\r')
        .map_or(chars.len(), |i| start + i);
    let room = line_end.min(end) - start;
    let ph: Vec<char> = placeholder.chars().collect();
    let rest_blank = chars[end.min(line_end)..line_end]
        .iter()
        .all(|c| c.is_whitespace());
    // Longer than the old value: only where nothing but blanks follows it on its line.
    if ph.len() > room && !rest_blank {
        return false;
    }
    blank(chars, start, end, false);
    for (i, c) in ph.iter().enumerate() {
        if i < room {
            chars[start + i] = *c;
        } else {
            chars.insert(start + i, *c);
        }
    }
    true
}

/// Parses `text` into `T`; the first problem (by position) if any.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    parse(text).into_result().map_err(|mut errors| {
        errors.sort_by_key(|e| (e.line, e.column));
        errors.swap_remove(0)
    })
}

#[cfg(test)]
mod tests;
