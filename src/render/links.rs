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

pub fn engagement(id: &str) -> String {
    format!("engagements/{id}/index.html")
}

pub fn note(engagement: &str, slug: &str) -> String {
    format!("engagements/{engagement}/notes/{slug}.html")
}

pub fn review(engagement: &str, quarter: &str) -> String {
    format!("engagements/{engagement}/review/{quarter}.html")
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
    }
}
