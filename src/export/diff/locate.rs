//! Where a changed value is written: its file and line, from the span index
//! the loader's checks use (`crate::yaml::Spans`), so the line is the one a
//! diagnostic about that value would name.
//!
//! A change's path is found again in the whole model of that revision (not
//! the scoped one: a shared diff leaves internal items out, but they still
//! take their place in the file's lists), item by item, to the YAML path
//! with indices (`goals.3.status`) the span index knows. Something the file
//! no longer has is placed at its nearest parent that it still has.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Location;
use super::tree::Seg;
use crate::load::Sources;
use crate::yaml::Spans;

/// The files of one revision, each indexed once when first asked.
pub(crate) struct Finder<'a> {
    sources: &'a Sources,
    revision: &'static str,
    spans: RefCell<HashMap<PathBuf, Spans>>,
}

impl<'a> Finder<'a> {
    pub(crate) fn new(sources: &'a Sources, revision: &'static str) -> Finder<'a> {
        Finder {
            sources,
            revision,
            spans: RefCell::new(HashMap::new()),
        }
    }

    /// Whether this revision has `file`.
    pub(crate) fn has(&self, file: &Path) -> bool {
        self.sources.contains_key(file)
    }

    /// The line of `path` in `file`, whose YAML (under `prefix`, for a
    /// period written inline) is `whole` as the model reads it.
    pub(crate) fn find(&self, file: &Path, prefix: &str, whole: &Value, path: &[Seg]) -> Location {
        let mut yaml = prefix.trim_end_matches('.').to_string();
        let mut at = Some(whole);
        for seg in path {
            let step = match (seg, at) {
                (Seg::Field(f), Some(v)) => {
                    at = v.get(f);
                    f.clone()
                }
                (Seg::Item(id), Some(Value::Array(items))) => {
                    match items.iter().position(|item| id.matches(item)) {
                        Some(i) => {
                            at = items.get(i);
                            i.to_string()
                        }
                        None => break,
                    }
                }
                _ => break,
            };
            if !yaml.is_empty() {
                yaml.push('.');
            }
            yaml.push_str(&step);
        }
        self.line_of(file, &yaml)
    }

    /// The line of the YAML `path` in `file` (the nearest written parent's
    /// when it is not written; line 1 for an empty path).
    pub(crate) fn line_of(&self, file: &Path, path: &str) -> Location {
        let line = self.sources.get(file).map_or(1, |source| {
            let mut cache = self.spans.borrow_mut();
            let spans = cache
                .entry(file.to_path_buf())
                .or_insert_with(|| Spans::index(source.yaml()));
            let (line, _) = if path.is_empty() {
                (1, 1)
            } else {
                spans.value(path).unwrap_or_else(|| spans.nearest(path))
            };
            line + source.yaml_first_line - 1
        });
        self.at(file, line)
    }

    /// `file` at `line`.
    pub(crate) fn at(&self, file: &Path, line: usize) -> Location {
        Location {
            file: file.to_string_lossy().replace('\\', "/"),
            line,
            revision: self.revision,
        }
    }
}
