//! `rapporteur serve`: build in memory, serve on 127.0.0.1, watch the
//! repository, rebuild on change and reload open pages.
//!
//! The site is kept in memory with what it was made from (`live::LiveSite`):
//! nothing is written to disk. A change inside one engagement's folder
//! re-renders that engagement and the portfolio-wide files only; anything
//! else rebuilds everything. A rebuild is swapped in at once, and a failed
//! rebuild keeps the last good site. Pages are served with a small
//! script that polls `/__rapporteur/version` and reloads when a rebuild
//! (good or failed) happened; while the last rebuild failed, every page also
//! carries an overlay with the errors, which are printed in the terminal too.
//! Fixing the file triggers a rebuild that clears the overlay by itself.
//!
//! The HTTP server (src/serve/http.rs) answers GET and HEAD from a fixed
//! pool of threads, only for its own `Host:`; the folders watched
//! (src/serve/watch.rs) are those the build reads, links out of the
//! repository not followed.

use std::collections::BTreeSet;
use std::io::Write;
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use clap::Args;

use super::{ContentArgs, Verbosity};
use crate::error::{Error, Result};
use crate::live::{LiveSite, Update};
use crate::load::{CONFIG_FILE, CONTENT_DIR};
use crate::output::SiteFiles;
use crate::serve::answer::{Rebuilt, VERSION_PATH, respond};
use crate::serve::http::{self, Request, Response};
use crate::serve::watch::Watched;
use crate::site::BuildOptions;

/// Quiet time after the last change before a rebuild starts: an editor's
/// save (write, rename) comes in one burst well within it.
const DEBOUNCE: Duration = Duration::from_millis(20);
/// A stream of changes rebuilds at least this often.
const DEBOUNCE_MAX: Duration = Duration::from_secs(2);

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// The port on 127.0.0.1; 0 picks a free one (the URL is printed).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
}

/// What the server serves: the last good site and the last rebuild's error.
#[derive(Default)]
struct State {
    /// `None` until a build succeeds.
    site: Option<LiveSite>,
    /// The errors of the last rebuild, as text; `None` when it succeeded.
    error: Option<String>,
    /// Raised by every rebuild, good or failed: open pages reload on a change.
    version: u64,
}

type Shared = Arc<RwLock<State>>;

impl State {
    fn files(&self) -> &SiteFiles {
        static NONE: SiteFiles = SiteFiles::new();
        self.site.as_ref().map_or(&NONE, LiveSite::files)
    }
}

pub fn execute(args: ServeArgs, verbosity: Verbosity) -> Result<u8> {
    // Absolute, so the watcher's paths compare with it.
    let root = args.content.root.canonicalize().map_err(|e| {
        Error::Usage(format!(
            "{} is not a folder ({e}): give the report repository with --root",
            args.content.root.display()
        ))
    })?;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, args.port)).map_err(|e| {
        Error::Usage(format!(
            "cannot listen on 127.0.0.1:{}: {e}; choose another --port",
            args.port
        ))
    })?;
    let port = listener
        .local_addr()
        .map_err(|e| Error::io("127.0.0.1", e))?
        .port();

    // A bad --as-of, --client or --provider stops here; content errors do not.
    args.content.as_of()?;
    let state: Shared = Arc::default();
    if let Err(err @ (Error::Usage(_) | Error::Io { .. })) =
        rebuild(&args.content, &state, verbosity, Start::First, &[])
    {
        return Err(err);
    }

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", root.display())))?;
    let mut watched = Watched::default();
    for warning in watched.update(&mut watcher, &root) {
        eprintln!("warning: {warning}");
    }

    {
        let state = Arc::clone(&state);
        let handler = move |request: &Request| answer(request, &state, verbosity);
        http::start(listener, port, Arc::new(handler)).map_err(Error::Usage)?;
    }
    println!("serving http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();

    // Changed since the last rebuild that succeeded: a failed one changed nothing.
    let mut pending = BTreeSet::new();
    while let Some(changed) = next_change(&rx, &root) {
        if verbosity == Verbosity::Verbose {
            for path in &changed {
                eprintln!("changed: {}", path.display());
            }
        }
        // A folder just created is watched before the build reads it, so
        // that a file written into it during the rebuild is seen too (the
        // walk is skipped for the common case, a file edited).
        if changed.iter().any(|p| root.join(p).is_dir()) {
            for warning in watched.update(&mut watcher, &root) {
                eprintln!("warning: {warning}");
            }
        }
        pending.extend(changed);
        let pending_now: Vec<PathBuf> = pending.iter().cloned().collect();
        // A failed rebuild is in the state (the overlay) and on the terminal already.
        if rebuild(&args.content, &state, verbosity, Start::Again, &pending_now).is_ok() {
            pending.clear();
        }
        // Folders may have been created during the rebuild.
        for warning in watched.update(&mut watcher, &root) {
            eprintln!("warning: {warning}");
        }
    }
    Ok(0)
}

/// Whether a changed path is one the build reads.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    rel == Path::new(CONFIG_FILE) || rel.starts_with(CONTENT_DIR) || rel.starts_with("themes")
}

/// Waits for a relevant change, then for the changes to settle; returns
/// every relevant path that changed, relative to `root`, or `None` when the
/// watcher is gone.
fn next_change(
    rx: &Receiver<notify::Result<notify::Event>>,
    root: &Path,
) -> Option<BTreeSet<PathBuf>> {
    let mut changed = BTreeSet::new();
    let add = |changed: &mut BTreeSet<PathBuf>, event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths.iter().filter(|p| relevant(root, p)) {
            if let Ok(rel) = path.strip_prefix(root) {
                changed.insert(rel.to_path_buf());
            }
        }
    };
    while changed.is_empty() {
        add(&mut changed, rx.recv().ok()?);
    }
    let start = Instant::now();
    while start.elapsed() < DEBOUNCE_MAX {
        match rx.recv_timeout(DEBOUNCE) {
            Ok(event) => add(&mut changed, event),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    Some(changed)
}

/// Whether a build is the first one, whose usage errors stop the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    First,
    Again,
}

/// Rebuilds the site in memory after the paths `changed` (relative to the
/// root) changed, and swaps it in: only what depends on them when it can
/// (see `live`), all of it otherwise. On failure keeps the last good site,
/// records the errors for the overlay, prints them and returns them. A
/// usage error of the first build (an unknown `--client`) is only returned.
fn rebuild(
    content: &ContentArgs,
    state: &Shared,
    verbosity: Verbosity,
    start: Start,
    changed: &[PathBuf],
) -> Result<()> {
    let clock = Instant::now();
    let result = content.options().and_then(|defaults| {
        let opts = BuildOptions {
            // Relative links, whatever rapporteur.yaml says, so every page works from `/`.
            // Nothing is written: serve keeps the site in memory.
            base_url: Some(String::new()),
            ..defaults
        };
        let as_of = opts.as_of;
        // Pages are served from the last good site while this one is made.
        let plan = {
            let current = state.read().unwrap_or_else(|e| e.into_inner());
            match &current.site {
                Some(site) => site.plan(&opts, changed)?,
                None => return Update::build(&opts).map(|update| (update, as_of)),
            }
        };
        // An edited note's page is final before the rest is rendered: show it now.
        let early = plan.edited_note_pages().clone();
        if !early.is_empty() {
            let mut state = state.write().unwrap_or_else(|e| e.into_inner());
            if let Some(site) = &mut state.site {
                if verbosity == Verbosity::Verbose {
                    let pages: Vec<&String> = early.keys().collect();
                    eprintln!(
                        "{pages:?} rewritten in {:.0} ms",
                        clock.elapsed().as_secs_f64() * 1000.0
                    );
                }
                site.put_early(early);
                state.version += 1;
            }
        }
        plan.finish().map(|update| (update, as_of))
    });
    let mut state = state.write().unwrap_or_else(|e| e.into_inner());
    state.version += 1;
    match result {
        Ok((update, as_of)) => {
            let report = &update.report;
            for w in &report.warnings {
                eprint!("{w}");
            }
            if verbosity > Verbosity::Quiet {
                let recovered = if state.error.is_some() {
                    " (errors fixed)"
                } else {
                    ""
                };
                let what = match &update.engagements {
                    None => format!("built {} pages, {} charts", report.pages, report.charts),
                    Some(ids) => format!(
                        "rebuilt {} ({} pages, {} files) and the portfolio-wide files",
                        ids.join(", "),
                        report.pages,
                        report.files
                    ),
                };
                eprintln!(
                    "{what} in memory as of {as_of} in {:.0} ms{recovered}",
                    clock.elapsed().as_secs_f64() * 1000.0
                );
            }
            if verbosity == Verbosity::Verbose {
                let stages: Vec<String> = report
                    .timings
                    .iter()
                    .map(|(stage, t)| format!("{stage} {:.1} ms", t.as_secs_f64() * 1000.0))
                    .collect();
                eprintln!("stages: {}", stages.join(", "));
            }
            update.apply_to(&mut state.site);
            state.error = None;
            Ok(())
        }
        Err(err @ (Error::Usage(_) | Error::Io { .. })) if start == Start::First => Err(err),
        Err(err) => {
            let text = error_text(&err);
            eprint!("{text}");
            eprintln!("the server keeps the last good build; fix the file and save to rebuild");
            state.error = Some(text);
            Err(err)
        }
    }
}

/// The errors of a failed build as the terminal shows them.
fn error_text(err: &Error) -> String {
    let mut text = String::new();
    if let Error::Content(diagnostics) = err {
        for d in diagnostics {
            text.push_str(&d.to_string());
        }
    }
    text.push_str(&format!("error: {err}\n"));
    text
}

/// Answers one GET or HEAD request from the state.
fn answer(request: &Request, state: &Shared, verbosity: Verbosity) -> Response {
    let response = {
        let state = state.read().unwrap_or_else(|e| e.into_inner());
        let rebuilt = Rebuilt {
            version: state.version,
            error: state.error.as_deref(),
        };
        respond(&request.target, state.files(), &rebuilt)
    };
    if verbosity == Verbosity::Verbose && !request.target.starts_with(VERSION_PATH) {
        eprintln!("{} {} {}", request.method, request.target, response.status);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_build_inputs_are_relevant() {
        let root = Path::new("/r");
        assert!(relevant(root, Path::new("/r/content/a/engagement.yaml")));
        assert!(relevant(root, Path::new("/r/rapporteur.yaml")));
        assert!(relevant(root, Path::new("/r/themes/t/templates/base.html")));
        assert!(!relevant(root, Path::new("/r/public/index.html")));
        assert!(!relevant(root, Path::new("/r/README.md")));
        assert!(!relevant(root, Path::new("/elsewhere/content/x")));
    }
}
