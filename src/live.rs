//! A site kept in memory with what it was made from, for `serve`: a change
//! under one engagement's folder reloads, re-checks, re-analyses and
//! re-renders that engagement, then the files that gather every engagement
//! (portfolio pages, feed, calendar, search index, data/). The other
//! engagements' pages depend only on the configuration, the theme and the
//! set of pages that links may point to, so they are kept.
//!
//! Anything else rebuilds everything: the configuration, the theme, an
//! engagement added or removed, a note added or removed (links elsewhere may
//! point to it), an engagement or note moved in or out of the build's scope.
//! Either way the files are those a full build writes (tests/live.rs).
//!
//! A rebuild is planned (reload, check, analyse: milliseconds), then
//! rendered. The pages of edited notes are rendered with the plan
//! (`Plan::edited_note_pages`), so that `serve` shows an edited note before
//! the engagement's report and the portfolio files are redone: their bytes
//! are already final.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::analyse::{self, EngagementAnalysis};
use crate::check;
use crate::diagnostic::{self, Diagnostic};
use crate::error::{Error, Result};
use crate::load::{self, CONTENT_DIR};
use crate::model::{Engagement, Portfolio};
use crate::output::SiteFiles;
use crate::render::{self, links};
use crate::site::{self, BuildOptions, BuildReport, Clock, Counter, Prepared};
use crate::validate;

/// A built site and the model, analyses and templates it was rendered from.
pub struct LiveSite {
    opts: BuildOptions,
    /// Shared with plans, which copy it only after the edited notes' pages
    /// are out.
    prepared: Arc<Prepared>,
    /// The notes of every engagement in the content, in the build's scope
    /// or not, by engagement id: links are checked against these.
    notes: BTreeMap<String, BTreeSet<String>>,
    /// The warnings of the build, for every file.
    warnings: Vec<Diagnostic>,
    files: SiteFiles,
}

/// A rebuild, checked and analysed but not rendered yet. It owns what it
/// renders from, so the site can be served (and edited notes swapped in)
/// while it renders.
pub struct Plan(Planned);

enum Planned {
    Everything(BuildOptions),
    Engagements(Box<Next>),
}

/// Some engagements reloaded, checked and analysed, to put in the site's model.
struct Next {
    as_of: chrono::NaiveDate,
    base: Arc<Prepared>,
    /// Index in the scoped portfolio, the engagement and its analysis.
    replaced: Vec<(usize, Engagement, EngagementAnalysis)>,
    /// Every engagement reloaded, with its notes (in scope or not).
    notes: Vec<(String, BTreeSet<String>)>,
    /// The pages of the notes whose files changed, already rendered.
    edited: SiteFiles,
    warnings: Vec<Diagnostic>,
    report: BuildReport,
}

/// What a rebuild made, ready to be swapped in by `LiveSite::apply`.
pub struct Update {
    change: Change,
    /// The files rendered (for a partial rebuild, only those).
    pub report: BuildReport,
    /// Which engagements were re-rendered; `None` when everything was.
    pub engagements: Option<Vec<String>>,
}

enum Change {
    Everything(Box<LiveSite>),
    Engagements {
        prepared: Box<Prepared>,
        /// Indices of the re-rendered engagements in `prepared`.
        changed: Vec<usize>,
        notes: Vec<(String, BTreeSet<String>)>,
        warnings: Vec<Diagnostic>,
        files: SiteFiles,
    },
}

impl Update {
    /// A full build, as an update of any site or of none yet.
    pub fn build(opts: &BuildOptions) -> Result<Update> {
        let (site, report) = LiveSite::build(opts)?;
        Ok(Update {
            change: Change::Everything(Box::new(site)),
            report,
            engagements: None,
        })
    }

    /// Swaps this update into `site`: a full build replaces it (or is the
    /// first one), a partial one changes its engagements.
    pub fn apply_to(self, site: &mut Option<LiveSite>) {
        match site {
            Some(site) => site.apply(self),
            None => {
                if let Change::Everything(built) = self.change {
                    *site = Some(*built);
                }
            }
        }
    }
}

impl LiveSite {
    /// A full build, in memory.
    pub fn build(opts: &BuildOptions) -> Result<(LiveSite, BuildReport)> {
        let checked = check::check(&opts.root, opts.language.as_deref())?;
        if checked.fails(opts.strict) {
            return Err(Error::Content(checked.diagnostics));
        }
        let notes = checked
            .portfolio
            .engagements
            .iter()
            .map(|e| (e.id.clone(), slugs(e)))
            .collect();
        let (prepared, mut report) = site::prepare(checked, opts)?;
        let mut clock = Clock::new();
        let files = gather(&mut report, |sink| {
            site::render_prepared(&prepared, opts.as_of, sink)
        })?;
        clock.lap("render", &mut report);
        let site = LiveSite {
            opts: opts.clone(),
            prepared: Arc::new(prepared),
            notes,
            warnings: report.warnings.clone(),
            files,
        };
        Ok((site, report))
    }

    /// Every file of the site, by its path in the output.
    pub fn files(&self) -> &SiteFiles {
        &self.files
    }

    /// Rebuilds after the files at `changed` (relative to the root) changed,
    /// with `opts` (the date may have moved on): `plan`, then `Plan::finish`.
    pub fn update(&self, opts: &BuildOptions, changed: &[PathBuf]) -> Result<Update> {
        self.plan(opts, changed)?.finish()
    }

    /// Plans the rebuild after the files at `changed` (relative to the root)
    /// changed. Give every path changed since the last update that was
    /// applied: a failed one changes nothing, so its paths must come again.
    pub fn plan(&self, opts: &BuildOptions, changed: &[PathBuf]) -> Result<Plan> {
        // Another date, scope or root: every page may differ.
        let same_options = *opts == self.opts;
        let ids = changed
            .iter()
            .map(|path| self.engagement_of(path))
            .collect::<Option<BTreeSet<&str>>>();
        if let (true, Some(ids)) = (same_options, ids)
            && let Some(next) = self.partial(&ids, changed)?
        {
            return Ok(Plan(Planned::Engagements(Box::new(next))));
        }
        Ok(Plan(Planned::Everything(opts.clone())))
    }

    /// Puts pages whose final bytes are known ahead of the update that
    /// makes them (`Plan::edited_note_pages`).
    pub fn put_early(&mut self, files: SiteFiles) {
        self.files.extend(files);
    }

    /// Swaps in what `update` made.
    pub fn apply(&mut self, update: Update) {
        match update.change {
            Change::Everything(site) => *self = *site,
            Change::Engagements {
                prepared,
                changed,
                notes,
                warnings,
                files,
            } => {
                let folders: Vec<String> = changed
                    .iter()
                    .map(|&i| links::engagement_dir(&prepared.portfolio.engagements[i].id))
                    .collect();
                self.files
                    .retain(|path, _| !folders.iter().any(|f| path.starts_with(f.as_str())));
                self.files.extend(files);
                self.prepared = Arc::new(*prepared);
                self.notes.extend(notes);
                self.warnings = warnings;
            }
        }
    }

    /// The engagement whose folder holds `path`; `None` when the path is
    /// not inside a known engagement's folder (then everything is rebuilt).
    fn engagement_of<'a>(&'a self, path: &Path) -> Option<&'a str> {
        let mut parts = path.components();
        if parts.next() != Some(Component::Normal(CONTENT_DIR.as_ref())) {
            return None;
        }
        let Some(Component::Normal(id)) = parts.next() else {
            return None;
        };
        let (id, _) = self.notes.get_key_value(id.to_str()?)?;
        // The folder itself (created, removed, renamed) changes the engagements.
        if parts.next().is_none() && !self.opts.root.join(path).is_dir() {
            return None;
        }
        Some(id.as_str())
    }

    /// Reloads, checks and analyses the engagements `ids`; `None` when the
    /// change reaches further (see the module's comment).
    fn partial(&self, ids: &BTreeSet<&str>, changed: &[PathBuf]) -> Result<Option<Next>> {
        let mut report = BuildReport {
            scope: self.prepared.scope.describe(),
            ..BuildReport::default()
        };
        let mut clock = Clock::new();
        let config = &self.prepared.portfolio.config;
        let mut reloaded = Vec::new();
        let mut diagnostics: Vec<Diagnostic> = self
            .warnings
            .iter()
            .filter(|d| !ids.iter().any(|id| in_folder(&d.file, id)))
            .cloned()
            .collect();
        let mut sources = load::Sources::new();
        for &id in ids {
            let one = load::load_engagement(&self.opts.root, id, config)?;
            sources.extend(one.sources);
            let failed = one.diagnostics.iter().any(Diagnostic::is_error);
            diagnostics.extend(one.diagnostics);
            match one.engagement {
                Some(e) => reloaded.push(e),
                // Its errors fail the update below.
                None if failed => {}
                // The engagement is gone: every page lists the engagements.
                None => return Ok(None),
            }
        }
        clock.lap("load", &mut report);
        let mut notes = self.notes.clone();
        let mut notes_changed = false;
        for e in &reloaded {
            notes_changed |= notes.insert(e.id.clone(), slugs(e)).as_ref() != Some(&slugs(e));
        }
        let all_notes: BTreeSet<(String, String)> = notes
            .iter()
            .flat_map(|(id, slugs)| slugs.iter().map(|s| (id.clone(), s.clone())))
            .collect();
        let all_ids: BTreeSet<&str> = notes.keys().map(String::as_str).collect();
        for e in &reloaded {
            diagnostics.extend(validate::validate_engagement(
                e, &all_notes, &all_ids, &sources,
            ));
        }
        diagnostic::sort(&mut diagnostics);
        diagnostics.dedup();
        if check::fails(&diagnostics, self.opts.strict) {
            return Err(Error::Content(diagnostics));
        }
        if notes_changed {
            // Links elsewhere may point to a note added or removed.
            return Ok(None);
        }
        clock.lap("validate", &mut report);

        let portfolio = &self.prepared.portfolio;
        let mut replaced = Vec::new();
        for e in reloaded {
            let before = portfolio.engagements.iter().position(|x| x.id == e.id);
            match (
                before,
                self.prepared
                    .scope
                    .engagement(e, config.survey.min_responses),
            ) {
                (None, None) => {}
                (Some(i), Some(e)) if slugs(&e) == slugs(&portfolio.engagements[i]) => {
                    let a = analyse::analyse_engagement(&e, config, self.opts.as_of);
                    replaced.push((i, e, a));
                }
                // In or out of scope, or notes published or withdrawn.
                _ => return Ok(None),
            }
        }
        clock.lap("analyse", &mut report);

        // The pages of edited notes first, before the portfolio is copied:
        // a note's page depends on its engagement, the configuration and
        // which pages exist, and the last did not change.
        let current = self.prepared.input(self.opts.as_of);
        let engine = &self.prepared.engine;
        let edited = gather(&mut BuildReport::default(), |sink| {
            for (_, e, a) in &replaced {
                for n in e.notes.iter().filter(|n| changed.contains(&n.source)) {
                    render::render_note_to(&current, engine, e, a, &n.slug, sink)
                        .map_err(Error::Content)?;
                }
            }
            Ok(())
        })?;
        clock.lap("edited notes", &mut report);

        report.warnings = diagnostics.clone();
        Ok(Some(Next {
            as_of: self.opts.as_of,
            base: Arc::clone(&self.prepared),
            replaced,
            notes: ids
                .iter()
                .filter_map(|id| notes.get_key_value(*id))
                .map(|(id, s)| (id.clone(), s.clone()))
                .collect(),
            edited,
            warnings: diagnostics,
            report,
        }))
    }
}

impl Plan {
    /// The pages of the notes whose files changed, in their final bytes;
    /// none when everything is rebuilt.
    pub fn edited_note_pages(&self) -> &SiteFiles {
        static NONE: SiteFiles = SiteFiles::new();
        match &self.0 {
            Planned::Engagements(next) => &next.edited,
            Planned::Everything(_) => &NONE,
        }
    }

    /// Renders what the plan changes: the changed engagements' pages and
    /// every portfolio-wide file, or the whole site.
    pub fn finish(self) -> Result<Update> {
        let next = match self.0 {
            Planned::Everything(opts) => return Update::build(&opts),
            Planned::Engagements(next) => next,
        };
        let next = *next;
        let mut report = BuildReport::default();
        let mut clock = Clock::new();
        // The site's model with the reloaded engagements in place: a copy,
        // made now that the edited notes' pages are out.
        let base = &next.base;
        let mut prepared = Prepared {
            portfolio: Portfolio {
                config: base.portfolio.config.clone(),
                engagements: base.portfolio.engagements.clone(),
            },
            analyses: base.analyses.clone(),
            partner: base.partner.clone(),
            scope: base.scope.clone(),
            engine: Arc::clone(&base.engine),
            pdf: base.pdf,
        };
        let mut changed = Vec::new();
        for (i, e, a) in next.replaced {
            if let Some(partner) = prepared.partner.get_mut(i) {
                *partner = site::partner_health(
                    &prepared.scope,
                    &e,
                    &prepared.portfolio.config,
                    next.as_of,
                );
            }
            prepared.portfolio.engagements[i] = e;
            prepared.analyses[i] = a;
            changed.push(i);
        }
        let files = render_changed(&prepared, next.as_of, &changed, &mut report)?;
        let mut timings = next.report.timings;
        clock.lap("render", &mut report);
        timings.append(&mut report.timings);
        report.timings = timings;
        report.warnings = next.warnings.clone();
        report.scope = next.report.scope;
        let engagements = changed
            .iter()
            .map(|&i| prepared.portfolio.engagements[i].id.clone())
            .collect();
        Ok(Update {
            change: Change::Engagements {
                prepared: Box::new(prepared),
                changed,
                notes: next.notes,
                warnings: next.warnings,
                files,
            },
            report,
            engagements: Some(engagements),
        })
    }
}

/// The pages of the engagements at `changed` and every portfolio-wide file.
fn render_changed(
    prepared: &Prepared,
    as_of: chrono::NaiveDate,
    changed: &[usize],
    report: &mut BuildReport,
) -> Result<SiteFiles> {
    let input = prepared.input(as_of);
    let engine = &prepared.engine;
    gather(report, |sink| {
        let engagements = || -> Result<()> {
            for &i in changed {
                site::render_engagement(&input, engine, i, sink).map_err(Error::Content)?;
            }
            Ok(())
        };
        let (pages, portfolio) = rayon::join(engagements, || {
            render::render_portfolio_to(&input, engine, sink)
        });
        pages?;
        portfolio.map_err(Error::Content)
    })
}

/// The files `render` hands to its sink, counted into `report`.
fn gather(
    report: &mut BuildReport,
    render: impl FnOnce(&render::Sink) -> Result<()>,
) -> Result<SiteFiles> {
    let (files, ()) = site::collect(|sink| {
        let counter = Counter::new(sink);
        render(&|p, b| counter.sink(p, b))?;
        counter.report(report);
        Ok(())
    })?;
    Ok(files)
}

fn slugs(e: &Engagement) -> BTreeSet<String> {
    e.notes.iter().map(|n| n.slug.clone()).collect()
}

/// Whether a diagnostic's file is in the folder of engagement `id`.
fn in_folder(file: &Path, id: &str) -> bool {
    file.starts_with(Path::new(CONTENT_DIR).join(id))
}
