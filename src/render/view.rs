//! View data shared by every page: the site, the page's place in it.
//!
//! Templates get these prepared structs, never the raw model: every number is
//! already formatted, every link already relative to the page.

use serde::Serialize;
use tera::Context;

use super::{Input, links};

#[derive(Debug, Serialize)]
pub struct SiteView {
    pub title: String,
    /// The language tag of the pages (`<html lang>`).
    pub language: String,
    pub as_of: String,
    pub scope: String,
    pub shared: bool,
    pub extra: serde_json::Value,
}

#[derive(Debug, Serialize)]
pub struct Crumb {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct PageView {
    pub title: String,
    /// Prefix from this page to the site root ("", "../../", or the base URL).
    pub root: String,
    pub crumbs: Vec<Crumb>,
    /// Which header entry is current: portfolio, actions, risks, search.
    pub section: &'static str,
}

/// The context every template gets: `site` and `page`.
pub fn base_context(
    input: &Input,
    path: &str,
    title: String,
    section: &'static str,
    crumbs: Vec<(String, String)>,
) -> Context {
    let root = links::root_prefix(input.base_url, path);
    let config = &input.portfolio.config;
    let site = SiteView {
        title: config.title.clone(),
        language: input.language.id().to_string(),
        as_of: input.language.date(input.as_of),
        scope: input
            .scope
            .text()
            .iter()
            .map(|t| input.language.text(t))
            .collect::<Vec<_>>()
            .join("; "),
        shared: input.scope.audience == crate::model::Audience::Shared,
        extra: serde_json::to_value(&config.extra).unwrap_or_default(),
    };
    let crumbs = crumbs
        .into_iter()
        .map(|(label, url)| Crumb {
            label,
            url: format!("{root}{url}"),
        })
        .collect();
    let page = PageView {
        title,
        root,
        crumbs,
        section,
    };
    let mut context = Context::new();
    context.insert("site", &site);
    context.insert("page", &page);
    context
}
