//! Markdown note bodies to HTML: raw HTML escaped unless allowed, links to
//! other notes (`other-note.md`) pointed at their pages, and headings shifted
//! under the page's own `<h1>`. Also the plain text of a body, for search.
//!
//! A link to a note or engagement that this build does not publish (an
//! internal note in a shared build, another client's engagement) is reduced
//! to its text: even its file name must not reach the output.
//!
//! So is a link or image whose scheme is not http, https or mailto
//! (`javascript:`, `data:`...), and an image that is not an http(s) or
//! mailto URL: the site holds no file from `content/`, so a relative image
//! could only be broken or point out of the site (docs/check.md, "Links and
//! images"). `rapporteur check` warns about each with the same rules.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

use crate::load::markdown_options;
use crate::notelinks::{self, Dest, LinkTarget};

/// Renders a note body of `engagement`; links are rewritten for its page.
/// `published` says whether a note or engagement link target is in this build.
pub fn to_html(
    markdown: &str,
    allow_html: bool,
    engagement: &str,
    published: &dyn Fn(&LinkTarget) -> bool,
) -> String {
    // Parsed once: the heading shift needs every heading before the first
    // event is written.
    let events: Vec<Event> = Parser::new_ext(markdown, markdown_options()).collect();
    let shift = heading_shift(&events);
    // Which open links and images were dropped, so their matching ends are
    // dropped too.
    let mut dropped: Vec<bool> = Vec::new();
    let mut dropped_images: Vec<bool> = Vec::new();
    let events = events.into_iter().filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !allow_html => Some(Event::Text(raw)),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: shifted(level, shift),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => {
            Some(Event::End(TagEnd::Heading(shifted(level, shift))))
        }
        // A read-only checkbox that names its state, for screen readers.
        Event::TaskListMarker(done) => Some(Event::InlineHtml(CowStr::from(if done {
            r#"<input type="checkbox" disabled checked aria-label="done"> "#
        } else {
            r#"<input type="checkbox" disabled aria-label="not done"> "#
        }))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let target = notelinks::resolve(engagement, &dest_url);
            let hidden = matches!(notelinks::scheme(&dest_url), Dest::Forbidden(_))
                || target.as_ref().is_some_and(|(t, _)| !published(t));
            dropped.push(hidden);
            (!hidden).then(|| {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: rewrite_link(engagement, dest_url),
                    title,
                    id,
                })
            })
        }
        Event::End(TagEnd::Link) => {
            let hidden = dropped.pop().unwrap_or(false);
            (!hidden).then_some(Event::End(TagEnd::Link))
        }
        // A dropped image leaves its description as text.
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let hidden = notelinks::scheme(&dest_url) != Dest::External;
            dropped_images.push(hidden);
            (!hidden).then_some(Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Image) => {
            let hidden = dropped_images.pop().unwrap_or(false);
            (!hidden).then_some(Event::End(TagEnd::Image))
        }
        other => Some(other),
    });
    let events = super::table_cards::label_cells(events.collect());
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// How many levels to move the body's headings so that its top level is
/// `<h2>`: the page's title is the only `<h1>`, and no level is skipped.
fn heading_shift(events: &[Event]) -> i32 {
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as i32),
            _ => None,
        })
        .min();
    top.map_or(0, |top| 2 - top)
}

fn shifted(level: HeadingLevel, shift: i32) -> HeadingLevel {
    match (level as i32 + shift).clamp(1, 6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The words of a body without markup, one space between blocks: what
/// search matches against.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Note and engagement links point at their pages (from a note page, which
/// sits at `engagements/<id>/notes/`); other links are left as written.
fn rewrite_link<'a>(engagement: &str, dest: CowStr<'a>) -> CowStr<'a> {
    let Some((target, fragment)) = notelinks::resolve(engagement, &dest) else {
        return dest;
    };
    let mut url = match target {
        LinkTarget::Note {
            engagement: e,
            slug,
        } if e == engagement => format!("{slug}.html"),
        LinkTarget::Note {
            engagement: e,
            slug,
        } => format!("../../{e}/notes/{slug}.html"),
        LinkTarget::Engagement(e) => format!("../../{e}/index.html"),
        LinkTarget::Elsewhere => return dest,
    };
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(&f);
    }
    CowStr::from(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let md = "Hi <script>alert(1)</script>\n\n<div>block</div>\n";
        let safe = to_html(md, false, "a", &|_| true);
        assert!(!safe.contains("<script>"), "{safe}");
        assert!(safe.contains("&lt;script&gt;"), "{safe}");
        assert!(!safe.contains("<div>"), "{safe}");
        assert!(to_html(md, true, "a", &|_| true).contains("<script>"));
    }

    #[test]
    fn note_links_point_at_pages() {
        let html = to_html(
            "[a](2026-03-04-weekly.md) [b](x.md#top) [c](https://e.com/a.md) \
             [d](../../other/notes/y.md) [e](../../other/)",
            false,
            "mine",
            &|_| true,
        );
        assert!(html.contains(r#"href="2026-03-04-weekly.html""#), "{html}");
        assert!(html.contains(r#"href="x.html#top""#), "{html}");
        assert!(html.contains(r#"href="https://e.com/a.md""#), "{html}");
        assert!(
            html.contains(r#"href="../../other/notes/y.html""#),
            "{html}"
        );
        assert!(html.contains(r#"href="../../other/index.html""#), "{html}");
    }

    #[test]
    fn headings_start_at_h2_and_skip_no_level() {
        let html = to_html("# A\n\n## B\n", false, "a", &|_| true);
        assert!(
            html.contains("<h2>A</h2>") && html.contains("<h3>B</h3>"),
            "{html}"
        );
        let html = to_html("### Only\n", false, "a", &|_| true);
        assert!(html.contains("<h2>Only</h2>"), "{html}");
    }

    #[test]
    fn plain_text_keeps_words_only() {
        let text =
            to_plain_text("## Actions\n\n- [ ] Ravi: send the **cal**endar\n\n`code` <b>x</b>");
        assert_eq!(text, "Actions Ravi: send the calendar code <b>x</b>");
    }

    #[test]
    fn links_to_unpublished_targets_keep_only_their_text() {
        let published =
            |t: &LinkTarget| !matches!(t, LinkTarget::Note { slug, .. } if slug == "secret");
        let html = to_html(
            "[our position](secret.md) and [public](open.md)",
            false,
            "a",
            &published,
        );
        assert!(!html.contains("secret"), "{html}");
        assert!(html.contains("our position"), "{html}");
        assert!(html.contains(r#"<a href="open.html">public</a>"#), "{html}");
    }

    #[test]
    fn only_http_https_mailto_and_relative_urls_are_emitted() {
        let md = "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](&#106;avascript:x) \
                  [d](<java\tscript:x>) <javascript:alert(2)> [e][r] [f](vbscript:x) \
                  [g](data:text/html,x) ![h](data:image/png,x) ![i](../../../../etc/passwd) \
                  ![j](https://e.com/j.png) [k](https://e.com) [l](mailto:a@e.com) [m](x.md)\n\n\
                  [r]: javascript:alert(3)\n";
        let html = to_html(md, false, "a", &|_| true);
        let urls: Vec<&str> = [" href=\"", " src=\""]
            .iter()
            .flat_map(|attr| html.split(attr).skip(1))
            .map(|rest| rest.split('"').next().unwrap_or(""))
            .collect();
        assert!(
            urls.iter()
                .all(|u| u.starts_with("https:") || u.starts_with("mailto:") || u == &"x.html"),
            "{urls:?} in {html}"
        );
        assert!(!html.contains("etc/passwd"), "{html}");
        for text in [
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "h",
            "i",
            "javascript:alert(2)",
        ] {
            assert!(html.contains(text), "{text} in {html}");
        }
        assert_eq!(html.matches("<a ").count(), 3, "{html}");
        assert_eq!(html.matches("<img ").count(), 1, "{html}");
        assert!(
            html.contains(r#"<img src="https://e.com/j.png" alt="j""#),
            "{html}"
        );
    }

    #[test]
    fn extensions_are_on() {
        let html = to_html(
            "| a |\n|---|\n| 1 |\n\n- [x] done\n\n~~gone~~ [^1]\n\n[^1]: note\n",
            false,
            "a",
            &|_| true,
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("checkbox"));
        assert!(html.contains("<del>"));
        assert!(html.contains("footnote"));
    }
}
