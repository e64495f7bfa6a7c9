//! The file-system side of loading: walk the repository's folders, read
//! each file within the size limit (following a symbolic link only inside
//! the repository), and parse engagements, periods and notes, keeping
//! every problem as a diagnostic.

use super::*;

/// What an entry of a content folder is, once symbolic links are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    File,
    Dir,
}

/// What reading one entry of content/ gave.
pub(super) struct EngagementRead {
    pub(super) engagement: Option<Engagement>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) sources: Sources,
}

pub(super) struct Reader<'a> {
    pub(super) root: &'a Path,
    /// The root with symbolic links resolved: links must stay under it.
    pub(super) canonical_root: PathBuf,
    pub(super) max_bytes: u64,
    pub(super) sources: Sources,
}

impl Reader<'_> {
    pub(super) fn keep(&mut self, rel: &Path, text: String, yaml_range: std::ops::Range<usize>) {
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
    pub(super) fn kind(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Kind> {
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
    pub(super) fn entries(
        &self,
        dir: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<(PathBuf, Kind)> {
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
    pub(super) fn read(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
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

    pub(super) fn config(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Config {
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
    pub(super) fn engagement_alone(
        &self,
        entry: &Path,
        kind: Kind,
        config: &Config,
    ) -> EngagementRead {
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

    pub(super) fn engagement(
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

    pub(super) fn periods(&mut self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Period> {
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

    pub(super) fn notes(&mut self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Note> {
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
