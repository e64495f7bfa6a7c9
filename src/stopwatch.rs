//! Time spent in each kind of work inside the render+write stage, where
//! many threads render and write at once: summed over threads, so that
//! `build --timings` can say where that stage's time goes (charts, page
//! data, templates, writing) although the kinds overlap in wall time.
//!
//! The sums are process-wide: two builds in one process (tests) add up.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub enum Work {
    /// Building the view data of pages, charts included.
    PageData,
    /// Drawing charts (part of page data).
    Charts,
    /// Filling templates.
    Templates,
    /// Writing files.
    Writing,
    /// Typesetting review packs as PDF (`build --pdf`).
    Pdf,
}

const KINDS: [(Work, &str); 5] = [
    (Work::PageData, "page data"),
    (Work::Charts, "charts (in page data)"),
    (Work::Templates, "filling templates"),
    (Work::Writing, "writing files"),
    (Work::Pdf, "typesetting PDFs"),
];

static NANOS: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];

/// Runs `f`, adding its time to `work`.
pub fn time<T>(work: Work, f: impl FnOnce() -> T) -> T {
    let _timed = Timed::start(work);
    f()
}

/// Adds the time from `start` to its drop to a kind of work.
pub struct Timed(Work, Instant);

impl Timed {
    pub fn start(work: Work) -> Timed {
        Timed(work, Instant::now())
    }
}

impl Drop for Timed {
    fn drop(&mut self) {
        let nanos = u64::try_from(self.1.elapsed().as_nanos()).unwrap_or(u64::MAX);
        NANOS[self.0 as usize].fetch_add(nanos, Ordering::Relaxed);
    }
}

/// The time of each kind of work since the last call, and starts again.
pub fn take() -> Vec<(&'static str, Duration)> {
    KINDS
        .iter()
        .map(|&(work, name)| {
            let nanos = NANOS[work as usize].swap(0, Ordering::Relaxed);
            (name, Duration::from_nanos(nanos))
        })
        .collect()
}
