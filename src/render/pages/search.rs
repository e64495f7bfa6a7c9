//! The search page: a form and an empty result list that the theme's
//! `search.js` fills from `search-index.js` (see `render::feeds::search`).

use crate::render::view::base_context;
use crate::render::{Input, PageJob, links};

pub(crate) fn page(input: &Input) -> PageJob {
    let path = links::search();
    let mut context = base_context(
        input,
        &path,
        input.language.word("nav-search"),
        "search",
        vec![],
    );
    context.insert("index_script", links::SEARCH_INDEX_JS);
    PageJob {
        path,
        template: "search.html",
        context,
    }
}
