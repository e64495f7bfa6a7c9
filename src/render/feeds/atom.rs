//! `feed.xml`: an Atom feed (RFC 4287) of the newest notes in scope, newest
//! first: at most `FEED_ENTRIES` of them, as feeds conventionally carry the
//! recent entries (a reader keeps what it has already fetched); every note
//! stays reachable from its engagement's page and the search.
//!
//! Links are relative to the feed unless the build has an absolute base
//! URL; each entry's content has its note page as `xml:base`, so the relative links in
//! the note's HTML resolve as they do on the page. Times are the notes'
//! dates and, for the feed, the report date: nothing depends on the clock.

use chrono::NaiveDate;

use crate::model::{Engagement, Note};
use crate::render::language::arg;
use crate::render::{Input, links, markdown};

/// How many notes the feed carries, newest first.
pub const FEED_ENTRIES: usize = 50;

/// `2026-03-04T00:00:00Z`: Atom wants a date-time; notes have a day.
fn timestamp(d: NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

/// Text for XML content and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A stable identifier for a site: its absolute base URL, else its title.
fn site_id(input: &Input) -> String {
    match links::absolute_base(input.base_url) {
        Some(base) => base,
        None => {
            let slug: String = input
                .portfolio
                .config
                .title
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let slug = slug
                .split('-')
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            format!("urn:rapporteur:{}:", slug.join("-"))
        }
    }
}

pub(super) fn feed(input: &Input) -> String {
    let base = links::absolute_base(input.base_url).unwrap_or_default();
    let id = site_id(input);
    let title = &input.portfolio.config.title;
    let mut notes: Vec<(&Engagement, &Note)> = input
        .portfolio
        .engagements
        .iter()
        .flat_map(|e| e.notes.iter().map(move |n| (e, n)))
        .collect();
    // Newest first; ties by engagement and file name.
    notes.sort_by(|(ea, a), (eb, b)| {
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| ea.id.cmp(&eb.id))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    notes.truncate(FEED_ENTRIES);
    let updated = input.as_of;
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let lang = input.language;
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("site", arg(title.clone()));
    let feed_title = lang
        .message("site-feed-title", Some(&args))
        .unwrap_or_default();
    out.push_str(&format!("  <title>{}</title>\n", escape(&feed_title)));
    let scope: Vec<String> = input.scope.text().iter().map(|t| lang.text(t)).collect();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("date", arg(lang.date(input.as_of)));
    args.set("scope", arg(scope.join("; ")));
    let subtitle = lang
        .message("site-feed-subtitle", Some(&args))
        .unwrap_or_default();
    out.push_str(&format!("  <subtitle>{}</subtitle>\n", escape(&subtitle)));
    out.push_str(&format!("  <id>{}feed.xml</id>\n", escape(&id)));
    out.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&format!("{base}{}", links::index()))
    ));
    if !base.is_empty() {
        out.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            escape(&format!("{base}{}", links::FEED))
        ));
    }
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(title)
    ));
    out.push_str("  <generator>rapporteur</generator>\n");
    let allow_html = input.portfolio.config.markdown.allow_html;
    for (e, n) in notes {
        let page = format!("{base}{}", links::note(&e.id, &n.slug));
        let html = markdown::to_html(&n.body, allow_html, &e.id, &|t| input.publishes(t));
        // The kind's name in the data ("check-in"), and in words.
        let term = crate::names::name_of(&n.meta.kind);
        let kind = crate::render::labels::note_kind(n.meta.kind, lang);
        let mut summary = format!("{kind} · {} · {}", e.record.name, lang.date(n.meta.date));
        if !n.meta.attendees.is_empty() {
            summary.push_str(&format!(" · {}", n.meta.attendees.join(", ")));
        }
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <title>{}: {}</title>\n",
            escape(&e.record.name),
            escape(&n.meta.title)
        ));
        out.push_str(&format!(
            "    <id>{}notes/{}/{}</id>\n",
            escape(&id),
            escape(&e.id),
            escape(&n.slug)
        ));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            timestamp(n.meta.date)
        ));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            timestamp(n.meta.date)
        ));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&page)
        ));
        out.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            escape(&term),
            escape(&kind)
        ));
        out.push_str(&format!("    <summary>{}</summary>\n", escape(&summary)));
        // The note's links are relative to its page.
        out.push_str(&format!(
            "    <content type=\"html\" xml:base=\"{}\">{}</content>\n",
            escape(&page),
            escape(&html)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
