//! Where each page lives in the output, and how a page links to another.
//!
//! Links are relative to the page (`../../index.html`) unless a base URL was
//! asked for, so a site works from `file://`, at `/`, and under any sub-path.

/// The prefix that leads from a page back to the site root.
pub fn root_prefix(base_url: &str, page_path: &str) -> String {
    if !base_url.is_empty() {
        let mut base = base_url.to_string();
        if !base.ends_with('/') {
            base.push('/');
        }
        return base;
    }
    "../".repeat(page_path.matches('/').count())
}

pub fn index() -> String {
    "index.html".to_string()
}

/// The folder of the engagements' folders.
pub const ENGAGEMENTS: &str = "engagements";

/// The folder of the machine-readable figures (`export::site_files`).
pub const DATA: &str = "data";

/// The folder of every page of one engagement (and of nothing else).
pub fn engagement_dir(id: &str) -> String {
    format!("{ENGAGEMENTS}/{id}/")
}

pub fn engagement(id: &str) -> String {
    format!("{ENGAGEMENTS}/{id}/index.html")
}

/// Where on an engagement's page an attention item is dealt with: the ids
/// the theme's templates give those places (engagement.html,
/// scorecard-table.html).
pub fn engagement_place(id: &str, place: &crate::analyse::attention::Place) -> String {
    use crate::analyse::attention::Place;
    let anchor = match place {
        Place::Contract => "contract".to_string(),
        Place::Sla => "sla".to_string(),
        Place::Kpi(kpi) => format!("kpi-{kpi}"),
        Place::Risks => "risks".to_string(),
        Place::Actions => "actions".to_string(),
        Place::Goals => "goals".to_string(),
        Place::Cadence => "cadence".to_string(),
        Place::Trust => "trust".to_string(),
        Place::Obligations => "obligations".to_string(),
        Place::Escalations => "escalations".to_string(),
    };
    format!("{}#{anchor}", engagement(id))
}

/// The explanation of the partner view on an engagement's page.
pub fn partner_view(id: &str) -> String {
    format!("{}#partner-view", engagement(id))
}

pub fn note(engagement: &str, slug: &str) -> String {
    format!("{ENGAGEMENTS}/{engagement}/notes/{slug}.html")
}

pub fn review(engagement: &str, quarter: &str) -> String {
    format!("{ENGAGEMENTS}/{engagement}/review/{quarter}.html")
}

pub fn actions() -> String {
    "actions.html".to_string()
}

pub fn risks() -> String {
    "risks.html".to_string()
}

pub fn search() -> String {
    "search.html".to_string()
}

/// The month's digest (`render::pages::digest`), portfolio-wide; each
/// engagement's is `digest.html` in its folder.
pub const DIGEST: &str = "digest.html";

pub const FEED: &str = "feed.xml";
pub const CALENDAR: &str = "calendar.ics";
pub const SEARCH_INDEX_JS: &str = "search-index.js";
pub const SEARCH_INDEX_JSON: &str = "search-index.json";
/// The colour language as CSS custom properties, linked before the theme's
/// stylesheet.
pub const PALETTE: &str = "palette.css";

/// What a build puts at the top of the output folder besides the theme's
/// static files, from the definitions above: the pages and files
/// (`Generated::File`) and the folders (`Generated::Folder`). The theme's
/// static files are checked against it before anything is written
/// (`theme_files`); `tests/safety_errors.rs` builds a site and holds that
/// nothing else is there.
pub(crate) fn generated() -> Vec<(String, Generated)> {
    let files = [index(), actions(), risks(), search()]
        .into_iter()
        .chain(
            [
                FEED,
                CALENDAR,
                SEARCH_INDEX_JS,
                SEARCH_INDEX_JSON,
                PALETTE,
                DIGEST,
            ]
            .map(String::from),
        )
        // Not a page, but written into every output by `output`: a theme
        // file of that name would be replaced by it.
        .chain([crate::output::MARKER.to_string()])
        .map(|f| (f, Generated::File));
    let folders = [ENGAGEMENTS, DATA].map(|d| (d.to_string(), Generated::Folder));
    files.chain(folders).collect()
}

/// What a generated top-level path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Generated {
    File,
    Folder,
}

/// The base URL with one trailing slash, when it is absolute (`https://…`):
/// only then can a feed or a calendar carry links that work outside the site.
pub fn absolute_base(base_url: &str) -> Option<String> {
    let absolute = base_url.starts_with("https://") || base_url.starts_with("http://");
    absolute.then(|| format!("{}/", base_url.trim_end_matches('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(root_prefix("", "index.html"), "");
        assert_eq!(root_prefix("", &note("a", "b")), "../../../");
        assert_eq!(
            root_prefix("https://x.org/r", "index.html"),
            "https://x.org/r/"
        );
        assert_eq!(root_prefix("/sub/", &engagement("a")), "/sub/");
        assert_eq!(root_prefix("", &review("a", "2026-Q3")), "../../../");
    }

    #[test]
    fn only_http_bases_are_absolute() {
        assert_eq!(absolute_base(""), None);
        assert_eq!(absolute_base("/sub/"), None);
        assert_eq!(
            absolute_base("https://x.org/r").as_deref(),
            Some("https://x.org/r/")
        );
    }
}
