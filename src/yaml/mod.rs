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

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

pub use messages::{closest, shorten};

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

/// A key written twice in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The path of the entry: `kpis.0.target`.
    pub path: String,
    /// Where the second key is written.
    pub line: usize,
    pub column: usize,
    /// Where the first one is.
    pub first: (usize, usize),
    /// Index into `Spans::ranges` of this entry (key to end of value).
    slot: usize,
}

/// Where each value of a YAML text is written, by path: `kpis.2.target`,
/// `kpis.2` (the item), `survey.client.trust`. Built from the parser's events,
/// so checks made after deserialising can still point at the right spot.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// path -> (line, column), both 1-based, of the value (for a mapping key's
    /// value) or of the item.
    values: HashMap<String, (usize, usize)>,
    /// path -> position of the key itself, for mapping entries.
    keys: HashMap<String, (usize, usize)>,
    /// Keys written twice in the same mapping.
    pub duplicates: Vec<Duplicate>,
    /// Duplicates found beyond those kept in `duplicates`.
    more_duplicates: usize,
    /// A reason to refuse the text before deserialising it.
    pub problem: Option<YamlError>,
    /// Bytes of paths stored so far.
    path_bytes: usize,
    /// Character ranges of entries: from the key (or item) to the end of the
    /// value, and where the value starts. `usize::MAX` ends are still open.
    ranges: Vec<Range>,
    /// path -> index into `ranges`, for the first entry of each path.
    range_of: HashMap<String, usize>,
}

/// Character offsets of one entry of a mapping or item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    entry_start: usize,
    value_start: usize,
    end: usize,
}

/// One open collection while indexing.
struct Frame {
    path: String,
    /// `Some` for a mapping: the key waiting for its value, and the keys seen.
    map: Option<MapState>,
    /// Next item index, for a sequence.
    next: usize,
    /// Values in this collection with aliases expanded (saturating).
    size: u64,
    anchor: usize,
    /// This collection is itself a mapping key (`? [a, b]: c`).
    is_key: bool,
    at: (usize, usize),
    /// Index of this collection's own entry in `Spans::ranges`.
    slot: Option<usize>,
}

#[derive(Default)]
struct MapState {
    /// The key's text, position and character offset.
    key: Option<(String, (usize, usize), usize)>,
    seen: HashSet<String>,
}

impl Spans {
    /// Indexes `text`; a syntax error leaves the index partial (serde reports it).
    pub fn index(text: &str) -> Spans {
        let mut spans = Spans::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut anchors: HashMap<usize, u64> = HashMap::new();
        let mut written: u64 = 0;
        let mut expanded: u64 = 0;
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let at = (span.start.line(), span.start.col() + 1);
            let (start, end) = (span.start.index(), span.end.index());
            let size = match event {
                Event::Scalar(value, _, anchor, _) => {
                    written += 1;
                    if spans.take_key(&mut stack, || value.to_string(), at, start) {
                        1
                    } else {
                        let slot = spans.record_value(&mut stack, at, start).1;
                        spans.close(slot, end);
                        spans.finish_value(&mut stack);
                        if anchor != 0 {
                            anchors.insert(anchor, 1);
                        }
                        1
                    }
                }
                Event::Alias(id) => {
                    written += 1;
                    let size = anchors.get(&id).copied().unwrap_or(1);
                    if !spans.take_key(&mut stack, || "*alias".to_string(), at, start) {
                        let slot = spans.record_value(&mut stack, at, start).1;
                        spans.close(slot, end);
                        spans.finish_value(&mut stack);
                    }
                    size
                }
                Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                    written += 1;
                    if stack.len() >= MAX_DEPTH {
                        spans.problem = Some(YamlError {
                            line: at.0,
                            column: at.1,
                            message: format!(
                                "the YAML is nested more than {MAX_DEPTH} levels deep: \
                                 flatten it (these files need a few levels at most)"
                            ),
                        });
                        break;
                    }
                    let is_map = matches!(event, Event::MappingStart(..));
                    let is_key =
                        matches!(stack.last(), Some(Frame { map: Some(m), .. }) if m.key.is_none());
                    let (path, slot) = if is_key {
                        (String::new(), None)
                    } else {
                        let (path, slot) = spans.record_value(&mut stack, at, start);
                        (path, Some(slot))
                    };
                    stack.push(Frame {
                        path,
                        map: is_map.then(MapState::default),
                        next: 0,
                        size: 1,
                        anchor,
                        is_key,
                        at,
                        slot,
                    });
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(frame) = stack.pop() else { continue };
                    if let Some(slot) = frame.slot {
                        spans.close(slot, end);
                    }
                    if frame.anchor != 0 {
                        anchors.insert(frame.anchor, frame.size);
                    }
                    if frame.is_key {
                        if let Some(Frame { map: Some(m), .. }) = stack.last_mut() {
                            m.key = Some(("?".to_string(), frame.at, start));
                        }
                    } else {
                        spans.finish_value(&mut stack);
                    }
                    frame.size
                }
                _ => continue,
            };
            match stack.last_mut() {
                Some(parent) => parent.size = parent.size.saturating_add(size),
                None => expanded = expanded.saturating_add(size),
            }
            let pending: u64 = stack.iter().map(|f| f.size).fold(0, u64::saturating_add);
            let total = expanded.saturating_add(pending);
            if total.saturating_sub(written) > MAX_ALIAS_VALUES {
                spans.problem = Some(YamlError {
                    line: at.0,
                    column: at.1,
                    message: format!(
                        "the aliases (`*name`) in this file expand to more than \
                         {MAX_ALIAS_VALUES} values: this looks like an alias bomb and is \
                         refused; write the values out instead of repeating aliases"
                    ),
                });
                break;
            }
        }
        spans
    }

    /// If the current collection is a mapping waiting for a key, `name` is it.
    fn take_key(
        &mut self,
        stack: &mut [Frame],
        name: impl FnOnce() -> String,
        at: (usize, usize),
        index: usize,
    ) -> bool {
        if let Some(Frame { map: Some(m), .. }) = stack.last_mut() {
            if m.key.is_none() {
                m.key = Some((name(), at, index));
                return true;
            }
        }
        false
    }

    /// Position of the value at `path`, if written.
    pub fn value(&self, path: &str) -> Option<(usize, usize)> {
        self.values.get(path).copied()
    }

    /// Position of the key of the entry at `path`, else of its value.
    pub fn key(&self, path: &str) -> Option<(usize, usize)> {
        self.keys
            .get(path)
            .or_else(|| self.values.get(path))
            .copied()
    }

    /// The position of `path`, else of its nearest written parent, else 1:1.
    pub fn nearest(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(at) = self.value(p) {
                return at;
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return (1, 1),
            }
        }
    }

    /// Where to point for a serde error at `path` (and about `field` in it):
    /// the field's key when written, else the value, else the nearest parent.
    fn locate(&self, path: &str, field: Option<&str>) -> (usize, usize) {
        if let Some(field) = field {
            if let Some(at) = self.keys.get(&join(path, field)) {
                return *at;
            }
        }
        self.key(path).unwrap_or_else(|| self.nearest(path))
    }

    /// Errors for the duplicate keys, in the order they were found.
    fn duplicate_errors(&self) -> Vec<YamlError> {
        let mut errors: Vec<YamlError> = self
            .duplicates
            .iter()
            .map(|d| YamlError {
                line: d.line,
                column: d.column,
                message: format!(
                    "`{}` is written twice (first on line {}): keep one of them",
                    d.path, d.first.0
                ),
            })
            .collect();
        if self.more_duplicates > 0 {
            if let Some(last) = self.duplicates.last() {
                errors.push(YamlError {
                    line: last.line,
                    column: last.column,
                    message: format!(
                        "{} more keys are written twice in this file: keep one of each",
                        self.more_duplicates
                    ),
                });
            }
        }
        errors
    }

    /// Registers a value starting at `at` (character `index`) in the current
    /// container; returns its path and its slot in `ranges`.
    fn record_value(
        &mut self,
        stack: &mut [Frame],
        at: (usize, usize),
        index: usize,
    ) -> (String, usize) {
        let slot = self.ranges.len();
        let mut entry_start = index;
        let mut duplicate = false;
        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame {
                path,
                map: None,
                next,
                ..
            }) => join(path, &next.to_string()),
            Some(Frame {
                path, map: Some(m), ..
            }) => {
                let (name, key_at, key_index) = m.key.clone().unwrap_or_default();
                entry_start = key_index;
                let full = join(path, &path_key(&name));
                if m.seen.contains(&name) {
                    duplicate = true;
                    if self.duplicates.len() < MAX_DUPLICATES {
                        let first = self.keys.get(&full).copied().unwrap_or((1, 1));
                        self.duplicates.push(Duplicate {
                            path: full.clone(),
                            line: key_at.0,
                            column: key_at.1,
                            first,
                            slot,
                        });
                    } else {
                        self.more_duplicates += 1;
                    }
                } else {
                    m.seen.insert(name);
                }
                if self.path_bytes < PATH_BUDGET && !self.keys.contains_key(&full) {
                    self.path_bytes += full.len() + ENTRY_COST;
                    self.keys.insert(full.clone(), key_at);
                }
                full
            }
        };
        if self.path_bytes >= PATH_BUDGET {
            return (path, usize::MAX);
        }
        if !self.values.contains_key(&path) {
            self.path_bytes += path.len() + ENTRY_COST;
            self.values.insert(path.clone(), at);
        }
        self.path_bytes += std::mem::size_of::<Range>();
        self.ranges.push(Range {
            entry_start,
            value_start: index,
            end: usize::MAX,
        });
        if !duplicate {
            self.range_of.entry(path.clone()).or_insert(slot);
        }
        (path, slot)
    }

    fn close(&mut self, slot: usize, end: usize) {
        if let Some(r) = self.ranges.get_mut(slot) {
            r.end = end;
        }
    }

    fn range(&self, path: &str) -> Option<Range> {
        let r = *self.ranges.get(*self.range_of.get(path)?)?;
        (r.end != usize::MAX && r.entry_start <= r.value_start && r.value_start <= r.end)
            .then_some(r)
    }

    /// Moves the current container past the value just ended.
    fn finish_value(&mut self, stack: &mut [Frame]) {
        match stack.last_mut() {
            Some(Frame { map: Some(m), .. }) => m.key = None,
            Some(frame) => frame.next += 1,
            None => {}
        }
    }
}

/// A key as it appears in a path: long keys are cut so paths stay small.
fn path_key(name: &str) -> String {
    if name.len() <= MAX_KEY_IN_PATH {
        return name.to_string();
    }
    let mut end = MAX_KEY_IN_PATH;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{}…{hash:016x}", &name[..end])
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}.{child}")
    }
}

#[cfg(test)]
mod tests;
