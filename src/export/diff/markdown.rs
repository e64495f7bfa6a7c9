//! A diff as Markdown for a pull-request comment: one line per change,
//! grouped per engagement into inputs then figures; a long group is folded
//! into `<details>`, except the changes a reviewer must not miss (restated,
//! changed after sign-off), which stay in sight.

use std::fmt::Write;

use super::tree::Edit;
use super::{Diff, FigureChange, FigureKind, InputChange};

/// A group longer than this is folded.
const FOLD_AFTER: usize = 8;

/// The hidden marker that finds the comment again, so CI updates one
/// comment instead of adding one per push.
pub const MARKER: &str = "<!-- rapporteur-diff -->";

/// The Markdown of `diff`.
pub fn markdown(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{MARKER}\n## Relationship figures: what changed\n");
    let inputs = diff.inputs().count();
    let restated = diff
        .inputs()
        .filter(|c| c.marks.contains(&super::Mark::Restated))
        .count();
    let figures: usize = diff.engagements.iter().map(|e| e.figures.len()).sum();
    let _ = write!(
        out,
        "`{}` → `{}`, as of {} ({}).",
        code(&diff.base),
        code(&diff.head),
        diff.as_of,
        diff.scope
    );
    if diff.is_empty() {
        out.push_str("\n\nNo input changed and no figure moved.\n");
        return out;
    }
    let _ = writeln!(
        out,
        " {} changed input(s){}, {} moved figure(s).\n",
        inputs,
        if restated > 0 {
            format!(" ({restated} restated)")
        } else {
            String::new()
        },
        figures
    );
    if !diff.configuration.is_empty() {
        let _ = writeln!(out, "### Configuration (`rapporteur.yaml`)\n");
        group(&mut out, "inputs", &diff.configuration, input_line);
    }
    for e in &diff.engagements {
        let state = match e.edit {
            Edit::Added => " — added",
            Edit::Removed => " — removed",
            Edit::Changed => "",
        };
        let _ = writeln!(out, "### {} (`{}`){state}\n", md(&e.name), code(&e.id));
        let _ = writeln!(out, "**Inputs**\n");
        group(&mut out, "changed inputs", &e.inputs, input_line);
        let _ = writeln!(out, "**Figures**\n");
        if e.figures.is_empty() {
            let _ = writeln!(out, "No figure moved.\n");
        } else {
            group(&mut out, "moved figures", &e.figures, figure_line);
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// Whether a line must stay in sight when its group is folded.
trait Pinned {
    fn pinned(&self) -> bool;
}

impl Pinned for InputChange {
    fn pinned(&self) -> bool {
        !self.marks.is_empty()
    }
}

/// The headline stays in sight: health, breaches and defaults, the
/// 12-month credits, flags.
impl Pinned for FigureChange {
    fn pinned(&self) -> bool {
        match self.kind {
            FigureKind::Health | FigureKind::Breach | FigureKind::Default | FigureKind::Flag => {
                true
            }
            FigureKind::CreditsAccrued | FigureKind::CreditsPayable => self.month.is_none(),
            _ => false,
        }
    }
}

fn group<T: Pinned>(out: &mut String, what: &str, items: &[T], line: fn(&T) -> String) {
    if items.len() <= FOLD_AFTER {
        for item in items {
            let _ = writeln!(out, "- {}", line(item));
        }
        out.push('\n');
        return;
    }
    let (pinned, rest): (Vec<&T>, Vec<&T>) = items.iter().partition(|i| i.pinned());
    for item in &pinned {
        let _ = writeln!(out, "- {}", line(item));
    }
    if !pinned.is_empty() {
        out.push('\n');
    }
    let more = if pinned.is_empty() { "" } else { "other " };
    let _ = writeln!(
        out,
        "<details><summary>{} {more}{what}</summary>\n",
        rest.len()
    );
    for item in rest {
        let _ = writeln!(out, "- {}", line(item));
    }
    let _ = writeln!(out, "\n</details>\n");
}

/// `**restated** Value Calls answered, 2026-10: 58.4% → 41% · `file:3``
pub(crate) fn input_line(c: &InputChange) -> String {
    let marks: String = c
        .marks
        .iter()
        .map(|m| format!("**{}** ", m.label()))
        .collect();
    let what = match c.subject.as_str() {
        "" => c.kind.noun().to_string(),
        subject => format!("{} {}", c.kind.noun(), md(subject)),
    };
    let change = match (c.edit, &c.before, &c.after) {
        (Edit::Added, _, Some(after)) => format!("{what} added: {}", md(after)),
        (Edit::Removed, Some(before), _) => format!("{what} removed: {}", md(before)),
        (_, before, after) => format!("{what}: {} → {}", text(before), text(after)),
    };
    let at = format!("{}:{}", code(&c.at.file), c.at.line);
    let at = if c.at.revision == "base" {
        format!("(was `{at}`)")
    } else {
        format!("`{at}`")
    };
    format!("{marks}{change} · {at}")
}

pub(crate) fn figure_line(f: &FigureChange) -> String {
    let subject = md(&f.subject);
    let line = match (f.kind, f.edit, &f.before, &f.after) {
        (FigureKind::Flag, Edit::Added, _, Some(a)) => format!("Flag raised: {}", md(a)),
        (FigureKind::Flag, Edit::Removed, Some(b), _) => format!("Flag cleared: {}", md(b)),
        (FigureKind::Flag, _, b, a) => format!("Flag reworded: {} → {}", text(b), text(a)),
        (FigureKind::Breach, Edit::Added, _, Some(a)) => {
            format!("New SLA breach: {subject}: {}", md(a))
        }
        (FigureKind::Breach, Edit::Removed, Some(b), _) => {
            format!("SLA breach gone: {subject} (was {})", md(b))
        }
        (FigureKind::Default, Edit::Added, ..) => {
            format!("New default (below the minimum): {subject}")
        }
        (FigureKind::Default, Edit::Removed, ..) => {
            format!("Default gone (no longer below the minimum): {subject}")
        }
        (_, _, b, a) => format!("{subject}: {} → {}", text(b), text(a)),
    };
    match &f.reason {
        Some(r) => format!("{line} — {}", md(r)),
        None => line,
    }
}

fn text(v: &Option<String>) -> String {
    v.as_deref().map_or("none".to_string(), md)
}

/// Text inside backticks: a backtick would end the span early.
fn code(text: &str) -> String {
    text.replace('`', "'").replace('\n', " ")
}

/// Escapes the characters Markdown would read as markup in free text.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}
