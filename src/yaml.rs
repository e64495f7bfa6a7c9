//! The one place that knows which YAML crate parses the content.
//!
//! Everything else asks for a typed value from text and gets back either the
//! value or a `YamlError` with a 1-based position, so the crate can be swapped.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

/// A YAML problem at a position in the text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses `text` into `T`, reporting where the text did not fit.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|err| {
        let message = clean_message(&err.to_string());
        // serde reports missing and duplicate fields at the start of their
        // mapping (or at 1:1): find the real spot by the path in the message.
        let by_path = message.contains("missing field `") || message.contains("duplicate field `");
        let (line, column) = match err.location() {
            Some(l) if !by_path && (l.line(), l.column()) != (1, 1) => (l.line(), l.column()),
            _ => locate_by_path(text, &message),
        };
        YamlError {
            line,
            column,
            message,
        }
    })
}

/// Turns serde's `kpis[1].target: message` prefix into a position in `text`.
fn locate_by_path(text: &str, message: &str) -> (usize, usize) {
    let spans = Spans::index(text);
    let (path, rest) = match message.split_once(": ") {
        Some((p, rest)) if !p.contains(' ') => (p.replace('[', ".").replace(']', ""), rest),
        _ => (String::new(), message),
    };
    if let Some(field) = rest
        .strip_prefix("duplicate field `")
        .and_then(|f| f.split('`').next())
    {
        let wanted = join(&path, field);
        if let Some((_, line, col)) = spans.duplicates.iter().find(|(p, ..)| *p == wanted) {
            return (*line, *col);
        }
    }
    spans.nearest(&path)
}

/// serde_yaml appends " at line L column C" to its messages; we show the
/// position ourselves, so it is removed here.
fn clean_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
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
    /// Keys written twice in the same mapping: (path, position of the second).
    pub duplicates: Vec<(String, usize, usize)>,
}

impl Spans {
    /// Indexes `text`; a syntax error leaves the index partial (serde reports it).
    pub fn index(text: &str) -> Spans {
        let mut spans = Spans::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let at = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        *key = Some((value.into_owned(), at));
                        continue;
                    }
                    spans.record_value(&mut stack, at);
                    spans.finish_value(&mut stack);
                }
                Event::Alias(_) => {
                    spans.record_value(&mut stack, at);
                    spans.finish_value(&mut stack);
                }
                Event::SequenceStart(..) => {
                    let path = spans.record_value(&mut stack, at);
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingStart(..) => {
                    let path = spans.record_value(&mut stack, at);
                    stack.push(Frame::Map {
                        path,
                        key: None,
                        seen: Vec::new(),
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    stack.pop();
                    spans.finish_value(&mut stack);
                }
                _ => {}
            }
        }
        spans
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

    /// Registers a value starting at `at` in the current container; returns its path.
    fn record_value(&mut self, stack: &mut [Frame], at: (usize, usize)) -> String {
        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, next }) => join(path, &next.to_string()),
            Some(Frame::Map { path, key, seen }) => {
                let (name, key_at) = key.clone().unwrap_or_default();
                let full = join(path, &name);
                if seen.contains(&name) {
                    self.duplicates.push((full.clone(), key_at.0, key_at.1));
                } else {
                    seen.push(name);
                }
                self.keys.entry(full.clone()).or_insert(key_at);
                full
            }
        };
        self.values.entry(path.clone()).or_insert(at);
        path
    }

    /// Moves the current container past the value just ended.
    fn finish_value(&mut self, stack: &mut [Frame]) {
        match stack.last_mut() {
            Some(Frame::Seq { next, .. }) => *next += 1,
            Some(Frame::Map { key, .. }) => *key = None,
            None => {}
        }
    }
}

enum Frame {
    Seq {
        path: String,
        next: usize,
    },
    Map {
        path: String,
        key: Option<(String, (usize, usize))>,
        seen: Vec<String>,
    },
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}.{child}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn spans_find_values_by_path() {
        let text = "name: A\nkpis:\n  - id: x\n    target: 5\n  - { id: y, target: 7 }\n\
                    periods: [ {period: 2026-01} ]\nname: B\n";
        let spans = Spans::index(text);
        assert_eq!(spans.value("name"), Some((1, 7)));
        assert_eq!(spans.value("kpis.0"), Some((3, 5)));
        assert_eq!(spans.value("kpis.0.target"), Some((4, 13)));
        assert_eq!(spans.key("kpis.0.target"), Some((4, 5)));
        assert_eq!(spans.value("kpis.1.target"), Some((5, 22)));
        assert_eq!(spans.value("periods.0.period"), Some((6, 21)));
        assert_eq!(spans.nearest("kpis.1.missing"), (5, 5));
        assert_eq!(spans.duplicates, vec![("name".to_string(), 7, 1)]);
    }

    #[test]
    fn missing_and_duplicate_fields_are_located() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct K {
            id: String,
            target: f64,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct R {
            kpis: Vec<K>,
        }
        let err = from_str::<R>("kpis:\n  - id: a\n    target: 1\n  - id: b\n").unwrap_err();
        assert_eq!((err.line, err.column), (4, 5), "{err:?}");
        let err = from_str::<R>("kpis:\n  - id: a\n    target: 1\n    target: 2\n").unwrap_err();
        assert_eq!((err.line, err.column), (4, 5), "{err:?}");
    }

    #[test]
    fn error_carries_position_and_clean_message() {
        let err = from_str::<BTreeMap<String, u8>>("a: 1\nb: [oops\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        assert!(!err.message.contains(" at line "), "{err:?}");
    }
}
