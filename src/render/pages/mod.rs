//! The list of pages of a site, one module per kind of page.

pub(crate) mod digest;
mod engagement;
mod index;
mod note;
mod obligations;
pub(crate) mod pack_words;
pub(crate) use note::page as note;
mod registers;
mod search;
pub(crate) use engagement::review::TEMPLATE as REVIEW_TEMPLATE;

use super::{Input, PageJob};

/// The portfolio-wide pages.
pub(crate) fn portfolio(input: &Input) -> Vec<PageJob> {
    vec![
        index::page(input),
        registers::actions_page(input),
        registers::risks_page(input),
        search::page(input),
        digest::portfolio_page(input),
    ]
}

/// The pages of one engagement: its report, its notes, its review packs.
pub(crate) fn engagement(
    input: &Input,
    e: &crate::model::Engagement,
    a: &crate::analyse::EngagementAnalysis,
    reviews: &[crate::analyse::review::QuarterReview],
) -> Vec<PageJob> {
    let mut jobs = vec![engagement::page(input, e, a)];
    for n in &e.notes {
        jobs.push(note::page(input, e, a, n));
    }
    jobs.extend(engagement::review::pages(input, e, &a.sign_off, reviews));
    jobs.push(digest::engagement_page(input, e, a));
    jobs
}
