//! The span index: where each value of a YAML text is written, built once
//! from the span-aware parser's events, with the duplicate keys, alias
//! budget and nesting depth it checks on the way.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser};

use super::*;

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
    pub(super) slot: usize,
}

/// Where each value of a YAML text is written, by path: `kpis.2.target`,
/// `kpis.2` (the item), `survey.client.trust`. Built from the parser's events,
/// so checks made after deserialising can still point at the right spot.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// path -> (line, column), both 1-based, of the value (for a mapping key's
    /// value) or of the item.
    pub(super) values: HashMap<String, (usize, usize)>,
    /// path -> position of the key itself, for mapping entries.
    pub(super) keys: HashMap<String, (usize, usize)>,
    /// Keys written twice in the same mapping.
    pub duplicates: Vec<Duplicate>,
    /// Duplicates found beyond those kept in `duplicates`.
    pub(super) more_duplicates: usize,
    /// A reason to refuse the text before deserialising it.
    pub problem: Option<YamlError>,
    /// Bytes of paths stored so far.
    pub(super) path_bytes: usize,
    /// Character ranges of entries: from the key (or item) to the end of the
    /// value, and where the value starts. `usize::MAX` ends are still open.
    pub(super) ranges: Vec<Range>,
    /// path -> index into `ranges`, for the first entry of each path.
    pub(super) range_of: HashMap<String, usize>,
}

/// Character offsets of one entry of a mapping or item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Range {
    pub(super) entry_start: usize,
    pub(super) value_start: usize,
    pub(super) end: usize,
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
        if let Some(Frame { map: Some(m), .. }) = stack.last_mut()
            && m.key.is_none()
        {
            m.key = Some((name(), at, index));
            return true;
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

    /// Character offsets of the entry at `path`: where its key (or item)
    /// starts, where its value starts and where the value ends. For editing
    /// a text in place (`import` adds and replaces values without
    /// re-serialising the file). `None` when the entry is not written or its
    /// end is unknown.
    pub fn entry(&self, path: &str) -> Option<(usize, usize, usize)> {
        self.range(path)
            .map(|r| (r.entry_start, r.value_start, r.end))
    }

    /// The paths of the entries written directly under the mapping at
    /// `path`, in the order they are written.
    pub fn children(&self, path: &str) -> Vec<String> {
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.")
        };
        let mut found: Vec<(usize, String)> = self
            .range_of
            .iter()
            .filter(|(p, _)| {
                p.len() > prefix.len() && p.starts_with(&prefix) && !p[prefix.len()..].contains('.')
            })
            .map(|(p, slot)| (*slot, p.clone()))
            .collect();
        found.sort();
        found.into_iter().map(|(_, p)| p).collect()
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
    pub(super) fn locate(&self, path: &str, field: Option<&str>) -> (usize, usize) {
        if let Some(field) = field
            && let Some(at) = self.keys.get(&join(path, field))
        {
            return *at;
        }
        self.key(path).unwrap_or_else(|| self.nearest(path))
    }

    /// Errors for the duplicate keys, in the order they were found.
    pub(super) fn duplicate_errors(&self) -> Vec<YamlError> {
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
        if self.more_duplicates > 0
            && let Some(last) = self.duplicates.last()
        {
            errors.push(YamlError {
                line: last.line,
                column: last.column,
                message: format!(
                    "{} more keys are written twice in this file: keep one of each",
                    self.more_duplicates
                ),
            });
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

    pub(super) fn close(&mut self, slot: usize, end: usize) {
        if let Some(r) = self.ranges.get_mut(slot) {
            r.end = end;
        }
    }

    pub(super) fn range(&self, path: &str) -> Option<Range> {
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
pub(super) fn path_key(name: &str) -> String {
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

pub(super) fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}.{child}")
    }
}
