//! What the server answers for a path of the site held in memory: the
//! file, with the reload script (and the error overlay while the last
//! rebuild failed) added to every page; a redirect for a folder; a page
//! saying what is missing. The HTML added is kept as files (`files/`).

use super::http::Response;
use crate::output::SiteFiles;

/// The path the reload script polls.
pub(crate) const VERSION_PATH: &str = "/__rapporteur/version";
/// The id of the error overlay's element in served pages.
pub(crate) const OVERLAY_ID: &str = "rapporteur-error";

const OVERLAY: &str = include_str!("files/overlay.html");
const RELOAD: &str = include_str!("files/reload.html");
const NO_BUILD: &str = include_str!("files/no-build.html");
const NOT_FOUND: &str = include_str!("files/not-found.html");

/// What a response depends on besides the files: the last rebuild.
pub(crate) struct Rebuilt<'a> {
    /// Raised by every rebuild, good or failed: open pages reload on a change.
    pub version: u64,
    /// The errors of the last rebuild, as text; `None` when it succeeded.
    pub error: Option<&'a str>,
}

/// The response to `GET target`.
pub(crate) fn respond(target: &str, files: &SiteFiles, state: &Rebuilt) -> Response {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == VERSION_PATH {
        return Response::text(200, &state.version.to_string());
    }
    let Some(decoded) = percent_decode(path) else {
        return Response::text(404, "not a valid path\n");
    };
    let key = decoded.trim_start_matches('/');
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if let Some(bytes) = files.get(&key) {
        let content_type = content_type(&key);
        let body = if content_type.starts_with("text/html") {
            inject(bytes, state)
        } else {
            bytes.clone()
        };
        return Response {
            status: 200,
            content_type,
            body,
            location: None,
        };
    }
    if files.contains_key(&format!("{key}/index.html")) {
        return Response {
            location: Some(format!("{path}/")),
            ..Response::text(301, "moved\n")
        };
    }
    let page = if files.is_empty() {
        NO_BUILD.to_string()
    } else {
        NOT_FOUND.replace("{path}", &escape(&decoded))
    };
    // Before the first good build, every page shows the errors (200 keeps browsers quiet).
    let status = if files.is_empty() { 200 } else { 404 };
    Response {
        status,
        content_type: "text/html; charset=utf-8",
        body: inject(page.as_bytes(), state),
        location: None,
    }
}

/// Adds the reload script, and the error overlay when the last rebuild
/// failed, before `</body>` (or at the end).
fn inject(html: &[u8], state: &Rebuilt) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = state.error {
        extra.push_str(
            &OVERLAY
                .replace("{id}", OVERLAY_ID)
                .replace("{errors}", &escape(error)),
        );
    }
    extra.push_str(
        &RELOAD
            .replace("{version_path}", VERSION_PATH)
            .replace("{version}", &state.version.to_string()),
    );
    let text = String::from_utf8_lossy(html);
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + extra.len());
    out.push_str(&text[..at]);
    out.push_str(&extra);
    out.push_str(&text[at..]);
    out.into_bytes()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/atom+xml",
        "ics" => "text/calendar; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `%41` -> `A`; `None` for text that is not UTF-8 once decoded. A `%`
/// not followed by two hex digits stays as it is (the crate's rule); no
/// site file has a `%` in its name, so such a path is not found.
fn percent_decode(path: &str) -> Option<String> {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(files: &[(&str, &str)]) -> SiteFiles {
        files
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    fn state(error: Option<&str>) -> Rebuilt<'_> {
        Rebuilt { error, version: 7 }
    }

    #[test]
    fn pages_get_the_reload_script_and_the_overlay_when_broken() {
        let f = files(&[("index.html", "<html><body>hi</body></html>")]);
        let r = respond("/", &f, &state(None));
        let body = String::from_utf8(r.body).unwrap();
        assert!(body.contains("var v=\"7\""), "{body}");
        assert!(body.ends_with("</body></html>"));
        assert!(!body.contains(OVERLAY_ID));
        let s = state(Some("error: a <b> & c\n"));
        let body = String::from_utf8(respond("/index.html?x=1", &f, &s).body).unwrap();
        assert!(body.contains(OVERLAY_ID));
        assert!(body.contains("a &lt;b&gt; &amp; c"));
        assert_eq!(respond(VERSION_PATH, &f, &s).body, b"7");
    }

    #[test]
    fn paths_map_to_site_files() {
        let f = files(&[
            ("engagements/a/index.html", "<body>a</body>"),
            ("style.css", "x"),
        ]);
        let s = state(None);
        assert_eq!(respond("/style.css", &f, &s).body, b"x");
        assert_eq!(respond("/engagements/a/", &f, &s).status, 200);
        let r = respond("/engagements/a", &f, &s);
        assert_eq!(
            (r.status, r.location.as_deref()),
            (301, Some("/engagements/a/"))
        );
        assert_eq!(respond("/%2e%2e/etc/passwd", &f, &s).status, 404);
        assert_eq!(respond("/bad%zz", &f, &s).status, 404);
        assert_eq!(percent_decode("/a%20b").as_deref(), Some("/a b"));
    }
}
