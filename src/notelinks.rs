//! What a relative link in a note points at, in the content tree.
//!
//! Links are written as in the repository, relative to the note's folder
//! (`content/<id>/notes/`): `other.md`, `../../acme/notes/x.md`, `../../acme/`.
//! Validation checks them and rendering rewrites them with the same rules.
//!
//! Only http, https, mailto and relative URLs are ever published
//! (docs/check.md, "Links and images"): any other scheme (`javascript:`,
//! `vbscript:`, `data:`, `file:`) would run or load something in the
//! reader's browser, so `scheme` finds it for both the check and the render.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    Note {
        engagement: String,
        slug: String,
    },
    Engagement(String),
    /// A relative link to something that is not published: a broken link.
    Elsewhere,
}

/// The schemes a published link or image may use.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// What a link or image destination is, as a browser would read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Dest {
    /// An http, https or mailto URL.
    External,
    /// A path relative to the page (or an in-page `#anchor`).
    Relative,
    /// A URL with any other scheme, lowercased, as written before the colon.
    Forbidden(String),
}

/// What `scheme` calls a link without a scheme that leaves the site's host.
pub(crate) const PROTOCOL_RELATIVE: &str = "//";

/// Classifies `dest` (entities already decoded by the Markdown parser).
/// Browsers drop ASCII tabs and line breaks anywhere in a URL and control
/// characters and spaces around it (`java\tscript:`), and read a scheme in
/// any case, so those are removed before the scheme is read. Anything before
/// the first `:` that comes before any `/`, `?` or `#` is taken as a
/// scheme, even one a browser would not accept (`java%73cript:`): what is
/// not on the allow-list is refused, rather than guessing how a browser
/// would decode it.
pub(crate) fn scheme(dest: &str) -> Dest {
    let cleaned: String = dest
        .chars()
        .filter(|c| !(c.is_ascii_control() || c.is_ascii_whitespace()))
        .collect();
    // `//host/x` (or `\\host`, which browsers read the same) takes the
    // page's scheme: from `file://` that is a file share on another host.
    if ["//", "\\\\", "/\\", "\\/"]
        .iter()
        .any(|p| cleaned.starts_with(p))
    {
        return Dest::Forbidden(PROTOCOL_RELATIVE.to_string());
    }
    let Some(colon) = cleaned.find(':') else {
        return Dest::Relative;
    };
    let before = &cleaned[..colon];
    if before.is_empty() || before.contains(['/', '?', '#']) {
        return Dest::Relative;
    }
    let name = before.to_ascii_lowercase();
    if ALLOWED_SCHEMES.contains(&name.as_str()) {
        Dest::External
    } else {
        Dest::Forbidden(name)
    }
}

/// A link's target and `#fragment`; `None` for external links and in-page anchors.
pub fn resolve(engagement: &str, dest: &str) -> Option<(LinkTarget, Option<String>)> {
    if dest.is_empty()
        || dest.starts_with('#')
        || dest.starts_with('/')
        || dest.contains("://")
        || scheme(dest) != Dest::Relative
    {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let mut parts: Vec<String> = vec![engagement.to_string(), "notes".to_string()];
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some((LinkTarget::Elsewhere, fragment));
                }
            }
            s => parts.push(s.to_string()),
        }
    }
    let target = match parts.as_slice() {
        [id, notes, file] if notes == "notes" && file.ends_with(".md") => LinkTarget::Note {
            engagement: id.clone(),
            slug: file.trim_end_matches(".md").to_string(),
        },
        [id] => LinkTarget::Engagement(id.clone()),
        [id, file] if file == "engagement.yaml" => LinkTarget::Engagement(id.clone()),
        _ => LinkTarget::Elsewhere,
    };
    Some((target, fragment))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(e: &str, s: &str) -> LinkTarget {
        LinkTarget::Note {
            engagement: e.into(),
            slug: s.into(),
        }
    }

    #[test]
    fn resolves_relative_to_the_notes_folder() {
        assert_eq!(resolve("a", "x.md"), Some((note("a", "x"), None)));
        assert_eq!(
            resolve("a", "./x.md#top"),
            Some((note("a", "x"), Some("top".into())))
        );
        assert_eq!(
            resolve("a", "../../b/notes/y.md"),
            Some((note("b", "y"), None))
        );
        assert_eq!(
            resolve("a", "../../b/"),
            Some((LinkTarget::Engagement("b".into()), None))
        );
        assert_eq!(
            resolve("a", "../engagement.yaml").unwrap().0,
            LinkTarget::Engagement("a".into())
        );
        assert_eq!(
            resolve("a", "../../../../etc/passwd").unwrap().0,
            LinkTarget::Elsewhere
        );
        assert_eq!(
            resolve("a", "files/contract.pdf").unwrap().0,
            LinkTarget::Elsewhere
        );
        assert_eq!(resolve("a", "https://example.com/x.md"), None);
        assert_eq!(resolve("a", "mailto:someone@example.com"), None);
        assert_eq!(resolve("a", "#actions"), None);
        assert_eq!(resolve("a", "javascript:alert('/')"), None);
    }

    #[test]
    fn only_http_https_and_mailto_schemes_are_external() {
        for ok in ["https://e.com", "HTTP://e.com", " mailto:a@b.c", "Https:x"] {
            assert_eq!(scheme(ok), Dest::External, "{ok}");
        }
        for rel in ["x.md", "../a/b:c", "#top", "?q=a:b", "", ":x", "/a/b"] {
            assert_eq!(scheme(rel), Dest::Relative, "{rel:?}");
        }
        // Another host with the page's scheme: a file share from file://.
        for other_host in [
            "//e.com/a",
            " //e.com",
            "\\\\server\\share",
            "/\\e.com",
            "\\/e.com",
        ] {
            assert_eq!(
                scheme(other_host),
                Dest::Forbidden(PROTOCOL_RELATIVE.into()),
                "{other_host:?}"
            );
        }
        for (bad, name) in [
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            ("java\tscript:alert(1)", "javascript"),
            ("java\nscript:x", "javascript"),
            (" \u{1}javascript:x", "javascript"),
            ("vbscript:msgbox", "vbscript"),
            ("data:text/html,<b>", "data"),
            ("file:///etc/passwd", "file"),
            ("java%73cript:x", "java%73cript"),
            ("javascript\\:x", "javascript\\"),
        ] {
            assert_eq!(scheme(bad), Dest::Forbidden(name.into()), "{bad:?}");
        }
    }
}
