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

/// Every non-page file, by its path in the output.
pub(crate) fn files(input: &Input) -> Vec<(String, Vec<u8>)> {
    // Three independent files over the whole portfolio: made side by side.
    let ((json, script), (feed, calendar)) = rayon::join(
        || search::files(&search::index(input)),
        || rayon::join(|| atom::feed(input), || ical::calendar(input)),
    );
    vec![
        (super::links::FEED.to_string(), feed.into_bytes()),
        (super::links::CALENDAR.to_string(), calendar.into_bytes()),
        (
            super::links::SEARCH_INDEX_JSON.to_string(),
            json.into_bytes(),
        ),
        (
            super::links::SEARCH_INDEX_JS.to_string(),
            script.into_bytes(),
        ),
    ]
}
