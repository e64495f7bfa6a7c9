//! The files of a site that are not pages: the Atom feed of notes, the
//! iCalendar file of dates due, and the search index (one file, a script
//! assigning the JSON index, as it must work from `file://`, where pages
//! cannot fetch JSON).
//!
//! They are made from the same scoped model and analyses as the pages, so
//! they hold exactly what the build's audience and scope let the pages show.

mod atom;
mod ical;
mod search;

pub use atom::FEED_ENTRIES;

use super::Input;

/// Every non-page file, each handed to `sink` as soon as it is made.
pub(crate) fn files_to(input: &Input, sink: &super::Sink) {
    // Independent files over the whole portfolio: made side by side.
    rayon::join(
        || search::files_to(input, sink),
        || {
            rayon::join(
                || {
                    sink(
                        super::links::FEED.to_string(),
                        atom::feed(input).into_bytes(),
                    )
                },
                || {
                    let calendar = ical::calendar(input);
                    sink(super::links::CALENDAR.to_string(), calendar.into_bytes())
                },
            )
        },
    );
}
