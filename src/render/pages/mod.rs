//! The list of pages of a site, one module per kind of page.

mod engagement;
mod index;
mod note;
mod registers;
mod search;

use super::{Input, PageJob};

pub(crate) fn all(input: &Input) -> Vec<PageJob> {
    let mut jobs = vec![
        index::page(input),
        registers::actions_page(input),
        registers::risks_page(input),
        search::page(input),
    ];
    for (e, a) in input.portfolio.engagements.iter().zip(input.analyses) {
        jobs.push(engagement::page(input, e, a));
        for n in &e.notes {
            jobs.push(note::page(input, e, a, n));
        }
        jobs.extend(engagement::review::pages(input, e));
    }
    jobs
}
