//! Notes: front matter, Markdown body, and the action items in their task lists.

use std::path::Path;

use chrono::NaiveDate;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diagnostic::Diagnostic;
use crate::model::{Action, BodyLink, Note, NoteMeta};
use crate::yaml;

/// Parses a note file; `slug` is its file stem. Every problem is returned.
pub(crate) fn parse_note(rel: &Path, slug: &str, text: &str) -> Result<Note, Vec<Diagnostic>> {
    let (front, body, front_line) = split_front_matter(text)
        .map_err(|(msg, line)| vec![Diagnostic::error(rel, msg).at(text, line, 1)])?;
    if front.trim().is_empty() {
        return Err(vec![
            Diagnostic::error(
                rel,
                "the front matter is empty: write at least `title:` and `date:` between the \
                 `---` lines",
            )
            .at(text, front_line.max(2) - 1, 1),
        ]);
    }
    let meta: NoteMeta = yaml::parse(front).into_result().map_err(|errors| {
        errors
            .into_iter()
            .map(|e| Diagnostic::error(rel, e.message).at(text, e.line + front_line - 1, e.column))
            .collect::<Vec<_>>()
    })?;
    let body_line = text.len() - body.len();
    let body_line = text[..body_line].matches('\n').count() + 1;
    let (actions, links) = harvest(body);
    Ok(Note {
        slug: slug.to_string(),
        meta,
        body: body.to_string(),
        body_line,
        actions,
        links,
        source: rel.to_path_buf(),
    })
}

/// Where the YAML between the `---` lines is in `text`, if the note has any.
pub(crate) fn front_matter_range(text: &str) -> Option<std::ops::Range<usize>> {
    let (front, ..) = split_front_matter(text).ok()?;
    let start = front.as_ptr() as usize - text.as_ptr() as usize;
    Some(start..start + front.len())
}

/// Splits `---\n<yaml>\n---\n<body>`; returns the YAML, the body and the line
/// on which the YAML starts, or why the front matter is missing (and where).
fn split_front_matter(text: &str) -> Result<(&str, &str, usize), (String, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        let hint = if text.contains('\r') && !text.contains('\n') {
            " (the file's lines end with a lone carriage return: save it with LF or CRLF line endings)"
        } else if text.starts_with("+++") {
            " (TOML front matter between `+++` lines is not supported: write YAML between `---` lines)"
        } else if text.trim_start().starts_with("---") {
            " (the `---` must be the very first line, with nothing before it)"
        } else if text.lines().take(5).any(|l| l.starts_with("title:")) {
            " (the `title:` lines are there: add a line `---` above and below them)"
        } else {
            ""
        };
        return Err((
            format!(
                "a note must start with front matter: a line `---`, the YAML (title, date, \
                 ...), then another line `---`{hint}"
            ),
            1,
        ));
    }
    let rest = &text[first_line_end..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((front, body, 2));
        }
        offset += line.len();
    }
    Err((
        "the front matter is not closed: add a line `---` after the YAML (title, date, ...) \
         and before the note's text"
            .to_string(),
        1,
    ))
}

/// Markdown options shared by every place that parses note bodies.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
}

/// Collects task-list items: owner before the first colon, `(due YYYY-MM-DD)`, checked = done.
#[cfg(test)]
fn harvest_actions(body: &str) -> Vec<Action> {
    harvest(body).0
}

/// The body's action items and links, in one pass over its Markdown.
fn harvest(body: &str) -> (Vec<Action>, Vec<BodyLink>) {
    struct Open {
        text: String,
        task: Option<bool>,
        // Where the action goes, so nested items keep document order.
        slot: usize,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut actions = Vec::new();
    let mut links = Vec::new();
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => links.push(BodyLink {
                dest: dest_url.into_string(),
                offset: range.start,
                image: false,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => links.push(BodyLink {
                dest: dest_url.into_string(),
                offset: range.start,
                image: true,
            }),
            Event::Start(Tag::Item) => stack.push(Open {
                text: String::new(),
                task: None,
                slot: actions.len(),
            }),
            Event::TaskListMarker(checked) => {
                if let Some(item) = stack.last_mut() {
                    item.task = Some(checked);
                }
            }
            // A nested list belongs to its own items, not to the parent's text.
            Event::Start(Tag::List(_)) => {
                if let Some(item) = stack.last_mut() {
                    item.text.push('\u{0}');
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(item) = stack.last_mut() {
                    item.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(item) = stack.last_mut() {
                    item.text.push(' ');
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(Open {
                    text,
                    task: Some(done),
                    slot,
                }) = stack.pop()
                {
                    let own = text.split('\u{0}').next().unwrap_or("").trim();
                    actions.insert(slot, action_from_text(own, done));
                }
            }
            _ => {}
        }
    }
    (actions, links)
}

fn action_from_text(text: &str, done: bool) -> Action {
    let owner = text
        .split_once(':')
        .map(|(owner, _)| owner.trim().to_string())
        .filter(|o| !o.is_empty());
    let due = find_due(text);
    Action {
        task: task_text(
            text,
            owner.is_some(),
            due.as_ref().map(|(_, at)| at.clone()),
        ),
        owner,
        text: text.to_string(),
        due: due.map(|(date, _)| date),
        done,
    }
}

/// The date of the `(due YYYY-MM-DD)` marker and where the marker is.
fn find_due(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let at = text.find("(due ")?;
    let start = at + "(due ".len();
    let date = text.get(start..start + 10)?;
    if text[start + 10..].starts_with(')') {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        Some((date, at..start + 11))
    } else {
        None
    }
}

/// The item's text without the owner before the first colon and without the
/// due-date marker, which tables show in their own columns; the whole text
/// when nothing else would be left.
fn task_text(text: &str, has_owner: bool, due: Option<std::ops::Range<usize>>) -> String {
    let mut kept = text.to_string();
    if let Some(at) = due {
        kept.replace_range(at, "");
    }
    let kept = if has_owner {
        kept.split_once(':').map_or(kept.as_str(), |(_, rest)| rest)
    } else {
        kept.as_str()
    };
    // The marker's removal leaves a double space, or a space before the
    // sentence's last stop.
    let mut words = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    for stop in [" .", " ,", " ;"] {
        words = words.replace(stop, &stop[1..]);
    }
    let words = words.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    if words.is_empty() {
        text.to_string()
    } else if has_owner {
        capitalised(words)
    } else {
        words.to_string()
    }
}

/// "share the calendar" as "Share the calendar"; a word with capitals of its
/// own ("iPhone") is left as written.
fn capitalised(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    if first.chars().skip(1).any(char::is_uppercase) {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_have_owner_due_and_done() {
        let body = "## Actions\n- [ ] Ravi: share the calendar (due 2026-03-11)\n\
                    - [x] Dana: confirm approvers\n- plain bullet\n- [ ] no owner here\n";
        let actions = harvest_actions(body);
        assert_eq!(actions.len(), 3);
        assert_eq!(actions[0].owner.as_deref(), Some("Ravi"));
        assert_eq!(actions[0].due, NaiveDate::from_ymd_opt(2026, 3, 11));
        assert!(!actions[0].done);
        assert!(actions[1].done);
        assert_eq!(actions[1].due, None);
        assert_eq!(actions[2].owner, None);
    }

    #[test]
    fn the_task_leaves_out_what_its_own_columns_show() {
        let task = |line: &str| harvest_actions(line)[0].task.clone();
        assert_eq!(
            task("- [ ] Ravi: share the calendar (due 2026-03-11)"),
            "Share the calendar"
        );
        assert_eq!(
            task("- [ ] Ravi Menon: send (due 2026-03-11) the plan, then call."),
            "Send the plan, then call."
        );
        assert_eq!(
            task("- [ ] Ravi: update the SLA paper (due 2026-03-11)."),
            "Update the SLA paper."
        );
        assert_eq!(task("- [x] Dana: iPhone roll-out"), "iPhone roll-out");
        // No owner, no date: the text as written; a marker that is no date stays.
        assert_eq!(task("- [ ] no owner here"), "no owner here");
        assert_eq!(task("- [ ] A: x (due soon)"), "X (due soon)");
        // Nothing left but the markers: the whole text.
        assert_eq!(
            task("- [ ] Ravi: (due 2026-03-11)"),
            "Ravi: (due 2026-03-11)"
        );
        // Only the first colon separates the owner.
        assert_eq!(
            task("- [ ] Bo: agenda: rates (due 2026-01-02)"),
            "Agenda: rates"
        );
    }

    #[test]
    fn links_are_found_with_their_offsets_in_the_same_pass() {
        let body =
            "See [the review](2026-03-04-review.md).\n\n- [ ] Ana: read [x](../b/) ![i](p.png)\n";
        let (actions, links) = harvest(body);
        assert_eq!(actions.len(), 1);
        let found: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.dest.as_str(), &body[l.offset..l.offset + 3]))
            .collect();
        assert_eq!(
            found,
            [
                ("2026-03-04-review.md", "[th"),
                ("../b/", "[x]"),
                ("p.png", "![i")
            ]
        );
        assert!(links[2].image && !links[0].image);
    }

    #[test]
    fn nested_task_is_its_own_action() {
        let body = "- [ ] Ana: parent (due 2026-01-02)\n  - [x] Bo: child\n";
        let actions = harvest_actions(body);
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].text, "Ana: parent (due 2026-01-02)");
        assert_eq!(actions[1].text, "Bo: child");
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let rel = Path::new("content/x/notes/a.md");
        let err = parse_note(rel, "a", "---\ntitle: T\ndate: 2026-13-01\n---\nbody").unwrap_err();
        assert_eq!(err[0].line, 3, "{err:?}");
        let err = parse_note(rel, "a", "no front matter").unwrap_err();
        assert!(err[0].message.contains("must start with front matter"));
        let err = parse_note(rel, "a", "---\ntitle: T\n").unwrap_err();
        assert!(err[0].message.contains("not closed"));
        let err = parse_note(rel, "a", "---\n---\nbody").unwrap_err();
        assert!(err[0].message.contains("front matter is empty"), "{err:?}");
    }

    #[test]
    fn note_parses_with_defaults() {
        let note = parse_note(
            Path::new("n.md"),
            "n",
            "---\ntitle: Weekly\ndate: 2026-03-04\n---\n- [ ] A: x\n",
        )
        .unwrap();
        assert_eq!(note.meta.kind, crate::model::NoteKind::Note);
        assert_eq!(note.actions.len(), 1);
    }
}
