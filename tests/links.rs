//! A crawl of the whole output: every `href`, `src` and form `action` of
//! every page, every link of the feed and of the search index, resolves to a
//! built file, and every `#fragment` to an element of its page. Run for the
//! default relative build (which must hold no absolute `/...` link) and for
//! builds under a base URL, with the base mapped back to the output folder.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;

/// Attribute values in `text` named `attr`, as written between double
/// quotes (`href` also finds `xlink:href`; `src` does not find `data-src`).
fn attribute_values<'a>(text: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!("{attr}=\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(&needle) {
        let start = from + at;
        let before = text[..start].chars().next_back();
        let value_start = start + needle.len();
        let len = text[value_start..].find('"').expect("closing quote");
        if before.is_some_and(|c| c.is_whitespace() || c == ':') {
            out.push(&text[value_start..value_start + len]);
        }
        from = value_start + len;
    }
    out
}

/// Every `id="..."` of a page.
fn ids(html: &str) -> BTreeSet<String> {
    attribute_values(html, "id")
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// `dir` joined with the relative `path`, `..` and `.` resolved; `None` if
/// it climbs out of the site.
fn join(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

struct Crawl<'a> {
    files: &'a BTreeMap<String, Vec<u8>>,
    /// The base URL the build was made with, with a trailing slash; "" for relative.
    base: String,
    ids: BTreeMap<String, BTreeSet<String>>,
    problems: Vec<String>,
    checked: usize,
}

impl<'a> Crawl<'a> {
    fn new(files: &'a BTreeMap<String, Vec<u8>>, base: &str) -> Crawl<'a> {
        let ids = files
            .iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .map(|(p, b)| (p.clone(), ids(&String::from_utf8_lossy(b))))
            .collect();
        Crawl {
            files,
            base: base.to_string(),
            ids,
            problems: Vec::new(),
            checked: 0,
        }
    }

    /// Checks one link found in `from` (a path in the output).
    fn check(&mut self, from: &str, raw: &str) {
        let url = raw.replace("&amp;", "&");
        if url.starts_with("mailto:") || url.starts_with("data:") || url.starts_with("tel:") {
            return;
        }
        self.checked += 1;
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p.to_string(), Some(f.to_string())),
            None => (url.clone(), None),
        };
        let path = path.split('?').next().unwrap_or("").to_string();
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        let target = if !self.base.is_empty() && path.starts_with(&self.base) {
            Some(path[self.base.len()..].to_string())
        } else if path.starts_with('/') {
            self.problems.push(format!(
                "{from}: absolute link `{raw}` outside the base URL `{}`",
                self.base
            ));
            return;
        } else if path.contains("://") || path.starts_with("//") {
            // A link to another site, written in a note: not ours to check.
            self.checked -= 1;
            return;
        } else if path.is_empty() {
            Some(from.to_string())
        } else {
            join(dir, &path)
        };
        let Some(target) = target else {
            self.problems
                .push(format!("{from}: `{raw}` climbs out of the site"));
            return;
        };
        if !self.files.contains_key(&target) {
            self.problems
                .push(format!("{from}: `{raw}` -> {target}, which was not built"));
            return;
        }
        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
            match self.ids.get(&target) {
                Some(ids) if ids.contains(&fragment) => {}
                Some(_) => self
                    .problems
                    .push(format!("{from}: `{raw}`: {target} has no id `{fragment}`")),
                None => self.problems.push(format!(
                    "{from}: `{raw}`: a fragment of a file that is not a page"
                )),
            }
        }
    }

    fn crawl(mut self) -> (usize, Vec<String>) {
        let files = self.files;
        for (path, bytes) in files {
            let text = String::from_utf8_lossy(bytes);
            if path.ends_with(".html") {
                for attr in ["href", "src", "action"] {
                    for value in attribute_values(&text, attr) {
                        self.check(path, value);
                    }
                }
            } else if path == "feed.xml" {
                for value in attribute_values(&text, "href") {
                    self.check(path, value);
                }
            } else if path == "search-index.js" {
                let index = search_index_of(&text);
                for entry in index["entries"].as_array().unwrap() {
                    // Entry links are from the site root, where search.html is.
                    self.check("search.html", entry["url"].as_str().unwrap());
                }
            }
        }
        (self.checked, self.problems)
    }
}

fn assert_links_resolve(built: &Built, base: &str) {
    let (checked, problems) = Crawl::new(&built.files, base).crawl();
    assert!(checked > 1000, "only {checked} links checked");
    assert!(
        problems.is_empty(),
        "{} broken links of {checked} (base `{base}`):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_link_of_the_relative_build_resolves_and_none_is_absolute() {
    let built = example();
    for (path, bytes) in &built.files {
        if path.ends_with(".html") {
            let text = String::from_utf8_lossy(bytes);
            for attr in ["href", "src", "action"] {
                for value in attribute_values(&text, attr) {
                    assert!(
                        !value.starts_with('/'),
                        "{path}: absolute link `{value}` in a build without a base URL"
                    );
                }
            }
        }
    }
    assert_links_resolve(built, "");
}

#[test]
fn every_link_resolves_under_a_sub_path() {
    let built = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.base_url = Some("/reports/kestrel".into());
    });
    let index = built.page("index.html");
    assert!(index.contains("href=\"/reports/kestrel/style.css\""));
    assert_links_resolve(&built, "/reports/kestrel/");
}

#[test]
fn every_link_resolves_under_an_absolute_base_url() {
    let built = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.base_url = Some("https://reports.example.org/kestrel/".into());
    });
    let feed = built.page("feed.xml");
    assert!(feed.contains("rel=\"self\" type=\"application/atom+xml\" href=\"https://reports.example.org/kestrel/feed.xml\""));
    let calendar = built.page("calendar.ics");
    assert!(calendar.contains("URL:https://reports.example.org/kestrel/engagements/"));
    assert_links_resolve(&built, "https://reports.example.org/kestrel/");
}

#[test]
fn the_crawler_finds_broken_links() {
    let mut files = BTreeMap::new();
    files.insert(
        "a/index.html".to_string(),
        br##"<a href="../b.html#x">b</a> <a href="#top">t</a> <img src="/c.png"> <a data-src="/no"> <a href="../../out.html"> <a href="https://e.org/">e</a>"##.to_vec(),
    );
    files.insert("b.html".to_string(), b"<p id=\"y\">".to_vec());
    let (checked, problems) = Crawl::new(&files, "").crawl();
    assert_eq!(checked, 4, "{problems:?}");
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].contains("has no id `x`"));
    assert!(problems[1].contains("has no id `top`"));
    assert!(problems[2].contains("climbs out"));
    assert!(problems[3].contains("absolute link"));
}
