//! What a relative link in a note points at, in the content tree.
//!
//! Links are written as in the repository, relative to the note's folder
//! (`content/<id>/notes/`): `other.md`, `../../acme/notes/x.md`, `../../acme/`.
//! Validation checks them and rendering rewrites them with the same rules.

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

/// A link's target and `#fragment`; `None` for external links and in-page anchors.
pub fn resolve(engagement: &str, dest: &str) -> Option<(LinkTarget, Option<String>)> {
    if dest.is_empty()
        || dest.starts_with('#')
        || dest.starts_with('/')
        || dest.contains("://")
        || dest.contains(':') && !dest.contains('/')
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
    }
}
