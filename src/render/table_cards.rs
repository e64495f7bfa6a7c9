//! Tables written in a note's Markdown, made readable on a phone: a table of
//! `MIN_COLUMNS` or more columns is wrapped in `<div class="table-cards">`
//! and each body cell carries its column's heading as `data-label`, so the
//! theme can show each row as a card with every value named (the theme's
//! own tables do the same in their templates).

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// Narrower tables fit a phone's width as they are.
pub(crate) const MIN_COLUMNS: usize = 4;

/// The same events, with wide tables' body cells labelled.
pub(crate) fn label_cells(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut at = 0;
    while at < events.len() {
        let Event::Start(Tag::Table(aligns)) = &events[at] else {
            out.push(events[at].clone());
            at += 1;
            continue;
        };
        let aligns = aligns.clone();
        let end = table_end(&events, at);
        let labels = headings(&events[at..end]);
        if labels.len() < MIN_COLUMNS {
            out.extend(events[at..end].iter().cloned());
            at = end;
            continue;
        }
        out.push(Event::Html(CowStr::from(r#"<div class="table-cards">"#)));
        let mut in_body = false;
        let mut column = 0;
        for event in &events[at..end] {
            match event {
                Event::End(TagEnd::TableHead) => {
                    in_body = true;
                    out.push(event.clone());
                }
                Event::Start(Tag::TableRow) => {
                    column = 0;
                    out.push(event.clone());
                }
                Event::Start(Tag::TableCell) if in_body => {
                    let label = labels.get(column).map_or("", String::as_str);
                    let align = match aligns.get(column) {
                        Some(Alignment::Left) => r#" style="text-align: left""#,
                        Some(Alignment::Center) => r#" style="text-align: center""#,
                        Some(Alignment::Right) => r#" style="text-align: right""#,
                        _ => "",
                    };
                    out.push(Event::Html(CowStr::from(format!(
                        r#"<td data-label="{}"{align}>"#,
                        attribute(label)
                    ))));
                }
                Event::End(TagEnd::TableCell) if in_body => {
                    column += 1;
                    out.push(Event::Html(CowStr::from("</td>")));
                }
                other => out.push(other.clone()),
            }
        }
        out.push(Event::Html(CowStr::from("</div>\n")));
        at = end;
    }
    out
}

/// One past the `End(Table)` that closes the table opened at `start`.
fn table_end(events: &[Event], start: usize) -> usize {
    events[start..]
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::Table)))
        .map_or(events.len(), |i| start + i + 1)
}

/// The plain text of each heading cell.
fn headings(table: &[Event]) -> Vec<String> {
    let mut labels = Vec::new();
    let mut in_head = false;
    for event in table {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => break,
            Event::Start(Tag::TableCell) if in_head => labels.push(String::new()),
            Event::Text(t) | Event::Code(t) if in_head => {
                if let Some(label) = labels.last_mut() {
                    label.push_str(t);
                }
            }
            _ => {}
        }
    }
    labels
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use crate::render::markdown::to_html;

    #[test]
    fn wide_tables_label_their_cells_narrow_ones_stay() {
        let wide = "| KPI | Owner | Target | \"Jan\" & <b> |\n|---|---|--:|---|\n| QA | Kestrel | 90% | 89% |\n";
        let html = to_html(wide, false, "a", &|_| true);
        assert!(
            html.starts_with(r#"<div class="table-cards"><table>"#),
            "{html}"
        );
        assert!(html.contains(r#"<td data-label="KPI">QA</td>"#), "{html}");
        assert!(
            html.contains(r#"<td data-label="Target" style="text-align: right">90%</td>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<td data-label="&quot;Jan&quot; &amp; &lt;b&gt;">89%</td>"#),
            "{html}"
        );
        assert!(
            html.contains("<th>Owner</th>"),
            "the heading row is as before: {html}"
        );
        assert!(
            html.trim_end().ends_with("</table>\n</div>") || html.trim_end().ends_with("</div>"),
            "{html}"
        );
        let narrow = "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n";
        let html = to_html(narrow, false, "a", &|_| true);
        assert!(
            !html.contains("data-label") && !html.contains("table-cards"),
            "{html}"
        );
    }
}
