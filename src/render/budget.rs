//! The budget of one page's template rendering: a theme's templates are the
//! user's code (Tera 2 has loops and `{% set %}`), and a loop of 1e6 × 1e6
//! or a string doubled in a loop would otherwise run for hours or exhaust
//! memory. docs/reliability.md lists what is bounded and how:
//!
//! - output: a page over `MAX_PAGE_BYTES` fails with a diagnostic naming
//!   the template (the writer Tera renders into refuses more bytes);
//! - time and memory: Tera 2 has no hook to stop a render that writes
//!   nothing, and a thread cannot be stopped from outside, so a watchdog
//!   thread ends the process with exit 1 and a message naming the template
//!   when one page has rendered for longer than `MAX_PAGE_TIME`, or when
//!   the process holds more than `MAX_RSS` while a page renders. It first
//!   removes what a build in progress made beside its output
//!   (`output::remove_temporaries`), so the previous output stays exactly
//!   as it was.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The largest page a template may write.
pub(crate) const MAX_PAGE_BYTES: usize = 64 << 20;
/// The longest one page may render. A page of the largest portfolio in
/// docs/performance.md renders in milliseconds, a debug build included.
pub(crate) const MAX_PAGE_TIME: Duration = Duration::from_secs(5);
/// The most memory the process may hold while a page renders: four times
/// the peak of the largest portfolio in docs/performance.md.
pub(crate) const MAX_RSS: u64 = 4 << 30;
/// How often the watchdog looks.
const TICK: Duration = Duration::from_millis(25);

struct InFlight {
    started: Instant,
    /// The template file as diagnostics name it.
    file: String,
}

static IN_FLIGHT: Mutex<BTreeMap<u64, InFlight>> = Mutex::new(BTreeMap::new());
static NEXT: AtomicU64 = AtomicU64::new(0);
static WATCHDOG: OnceLock<bool> = OnceLock::new();

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Starts the watchdog once per process; an error when no thread can be
/// started (then nothing would bound a template, so nothing is rendered).
pub(crate) fn start_watchdog() -> Result<(), String> {
    let started = *WATCHDOG.get_or_init(|| {
        std::thread::Builder::new()
            .name("template-watchdog".into())
            .spawn(watchdog)
            .is_ok()
    });
    if started {
        Ok(())
    } else {
        Err("cannot start the thread that bounds template rendering".into())
    }
}

/// A page being rendered, watched until dropped.
pub(crate) struct Watched(u64);

/// Watches the rendering of one page by the template `file`.
pub(crate) fn watch(file: String) -> Watched {
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let started = Instant::now();
    lock(&IN_FLIGHT).insert(id, InFlight { started, file });
    Watched(id)
}

impl Drop for Watched {
    fn drop(&mut self) {
        lock(&IN_FLIGHT).remove(&self.0);
    }
}

fn watchdog() {
    loop {
        std::thread::sleep(TICK);
        let over = {
            let in_flight = lock(&IN_FLIGHT);
            let oldest = in_flight.values().min_by_key(|f| f.started);
            oldest.and_then(|f| {
                let elapsed = f.started.elapsed();
                if elapsed > MAX_PAGE_TIME {
                    return Some((
                        f.file.clone(),
                        format!(
                            "a page took more than {} s to render; a loop in the template (or \
                             one it extends or includes) runs too long: make it smaller",
                            MAX_PAGE_TIME.as_secs()
                        ),
                    ));
                }
                let rss = resident_bytes()?;
                (rss > MAX_RSS).then(|| {
                    (
                        f.file.clone(),
                        format!(
                            "rendering a page took the memory of rapporteur past {} GiB; a \
                             value built in a loop of the template (or one it extends or \
                             includes) grows too large: make it smaller",
                            MAX_RSS >> 30
                        ),
                    )
                })
            })
        };
        if let Some((file, message)) = over {
            abort(&file, &message);
        }
    }
}

/// Ends the process: the rendering thread cannot be stopped. This is the
/// one place library code prints, because no caller is left to do it.
fn abort(file: &str, message: &str) -> ! {
    crate::output::remove_temporaries();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {file}: template over budget: {message}");
    let _ = writeln!(
        err,
        "error: build stopped; nothing was written, the output is as it was"
    );
    let _ = err.flush();
    std::process::exit(1);
}

/// The process's resident memory, where the system tells it.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib.saturating_mul(1024))
}

/// A page's bytes, refusing to grow past `MAX_PAGE_BYTES`: Tera's render
/// then fails with this writer's error.
#[derive(Default)]
pub(crate) struct Capped {
    pub(crate) bytes: Vec<u8>,
    pub(crate) over: bool,
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > MAX_PAGE_BYTES {
            self.over = true;
            return Err(std::io::Error::other("page over budget"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_refuses_past_the_budget() {
        let mut w = Capped::default();
        w.write_all(&vec![b'x'; MAX_PAGE_BYTES]).unwrap();
        assert!(w.write_all(b"y").is_err());
        assert!(w.over);
    }
}
