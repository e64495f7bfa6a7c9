//! What changed in the figures between two exports, as Markdown fit for a
//! pull-request comment or a CI job summary: health and RAG changes per
//! engagement with their reasons, new SLA breaches, new overdue actions, new
//! and closed risks. Only changes are listed; engagements without one are
//! left out.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{ActionFigure, EngagementFigures, Export, RiskFigure};
use crate::analyse::actions::ActionState;
use crate::analyse::rag::Rag;
use crate::format::value;
use crate::model::RiskStatus;

/// The two sides' names, as the heading shows them.
#[derive(Debug, Clone)]
pub struct Sides<'a> {
    pub base: &'a str,
    pub head: &'a str,
}

/// The Markdown report of what changed from `base` to `head`.
pub fn markdown(base: &Export, head: &Export, sides: &Sides) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Relationship figures: what changed\n");
    let _ = writeln!(
        out,
        "`{}` → `{}`, as of {} ({}).\n",
        sides.base,
        sides.head,
        head.as_of,
        head.scope.describe()
    );
    let before: BTreeMap<&str, &EngagementFigures> = base
        .engagements
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let after: BTreeMap<&str, &EngagementFigures> = head
        .engagements
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let mut ids: Vec<&str> = before.keys().chain(after.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut changed = 0;
    for id in ids {
        let section = match (before.get(id), after.get(id)) {
            (Some(b), Some(h)) => changes(b, h),
            (None, Some(h)) => vec![format!(
                "New engagement: health {} ({}), {} open risk(s), {} overdue action(s)",
                health(h.health.rounded),
                band(h.health.band),
                h.risks.open,
                h.actions.overdue
            )],
            (Some(_), None) => vec!["Engagement removed (or outside the scope)".to_string()],
            (None, None) => Vec::new(),
        };
        if section.is_empty() {
            continue;
        }
        changed += 1;
        let name = after
            .get(id)
            .or(before.get(id))
            .map(|e| e.name.as_str())
            .unwrap_or(id);
        let _ = writeln!(out, "### {} (`{id}`)\n", md(name));
        for line in section {
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
    }
    if changed == 0 {
        out.push_str("No figure changed.\n");
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// The changes of one engagement, each a Markdown list item (may hold a sub-list).
fn changes(b: &EngagementFigures, h: &EngagementFigures) -> Vec<String> {
    let mut lines = Vec::new();
    if b.health.rounded != h.health.rounded || b.health.band != h.health.band {
        let mut line = format!(
            "Health **{} → {}** ({} → {})",
            health(b.health.rounded),
            health(h.health.rounded),
            band(b.health.band),
            band(h.health.band)
        );
        for (cb, ch) in b.health.components.iter().zip(&h.health.components) {
            if score_text(cb.score) != score_text(ch.score) {
                let _ = write!(
                    line,
                    "\n  - {}: {} → {}: {}",
                    ch.label,
                    score_text(cb.score),
                    score_text(ch.score),
                    md(&ch.reasons.join("; "))
                );
            }
        }
        lines.push(line);
    }
    for k in &h.kpis {
        let Some(old) = b.kpis.iter().find(|o| o.id == k.id) else {
            lines.push(format!("New KPI {}", md(&k.name)));
            continue;
        };
        let status = |latest: &Option<crate::analyse::kpi::MonthValue>| {
            latest.as_ref().map_or(Rag::Grey, |l| l.status)
        };
        if status(&old.latest) != status(&k.latest) {
            let detail = k.latest.as_ref().map_or(String::new(), |l| {
                format!(" (latest {}: {})", l.month, value(l.value, &k.unit))
            });
            lines.push(format!(
                "KPI {}: {} → {}{detail}",
                md(&k.name),
                band(status(&old.latest)),
                band(status(&k.latest)),
            ));
        }
    }
    for breach in &h.sla_breaches {
        let known = b
            .sla_breaches
            .iter()
            .any(|o| o.kpi == breach.kpi && o.month == breach.month);
        if !known {
            let kpi = h.kpis.iter().find(|k| k.id == breach.kpi);
            let (name, unit, target) = kpi.map_or((breach.kpi.as_str(), "", None), |k| {
                (k.name.as_str(), k.unit.as_str(), Some(k.target))
            });
            let target = target.map_or(String::new(), |t| format!(", target {}", value(t, unit)));
            lines.push(format!(
                "New SLA breach: {} in {}: {} ({}{target})",
                md(name),
                breach.month,
                value(breach.value, unit),
                band(breach.status)
            ));
        }
    }
    for breach in h.sla_breaches.iter().filter(|x| x.default) {
        let known = b
            .sla_breaches
            .iter()
            .any(|o| o.kpi == breach.kpi && o.month == breach.month && o.default);
        if !known {
            let name = h
                .kpis
                .iter()
                .find(|k| k.id == breach.kpi)
                .map_or(breach.kpi.as_str(), |k| k.name.as_str());
            lines.push(format!(
                "New default (below the minimum): {} in {}",
                md(name),
                breach.month
            ));
        }
    }
    lines.extend(credit_changes(b, h));
    let was_overdue = |a: &ActionFigure| {
        b.actions
            .items
            .iter()
            .any(|o| o.note == a.note && o.text == a.text && o.state == ActionState::Overdue)
    };
    for a in h
        .actions
        .items
        .iter()
        .filter(|a| a.state == ActionState::Overdue)
    {
        if !was_overdue(a) {
            // The text usually says `(due …)` itself.
            let due = a
                .due
                .filter(|d| !a.text.contains(&d.to_string()))
                .map_or(String::new(), |d| format!(" (due {d})"));
            lines.push(format!(
                "New overdue action: {}{due}, from note `{}`",
                md(&a.text),
                a.note
            ));
        }
    }
    let open = |r: &RiskFigure| r.status != RiskStatus::Closed;
    for r in h.risks.items.iter().filter(|r| open(r)) {
        let before = b.risks.items.iter().find(|o| o.id == r.id);
        match before {
            Some(o) if open(o) => {}
            Some(_) => lines.push(format!("Risk reopened: {}", risk(r))),
            None => lines.push(format!("New risk: {}", risk(r))),
        }
    }
    for o in b.risks.items.iter().filter(|r| open(r)) {
        match h.risks.items.iter().find(|r| r.id == o.id) {
            Some(r) if !open(r) => lines.push(format!("Risk closed: {}", risk(o))),
            None => lines.push(format!("Risk removed: {}", risk(o))),
            Some(_) => {}
        }
    }
    lines
}

/// The credits that moved: the at-risk regime's totals (accrued, payable,
/// pending, earned back), the flat regime's percentage, a chronic failure
/// reached or left.
fn credit_changes(b: &EngagementFigures, h: &EngagementFigures) -> Vec<String> {
    let mut lines = Vec::new();
    let money = |x: f64, c: &Option<String>| crate::format::money(x, c.as_deref().unwrap_or(""));
    match (&b.at_risk_credits, &h.at_risk_credits) {
        (Some(o), Some(n)) => {
            let moved = [
                ("accrued", o.accrued, n.accrued),
                ("payable", o.payable, n.payable),
                ("pending earn-back", o.pending, n.pending),
                ("earned back", o.earned_back, n.earned_back),
            ]
            .into_iter()
            .filter(|(_, x, y)| money(*x, &o.currency) != money(*y, &n.currency))
            .map(|(what, x, y)| {
                format!(
                    "{what} {} → {}",
                    money(x, &o.currency),
                    money(y, &n.currency)
                )
            })
            .collect::<Vec<_>>();
            if !moved.is_empty() {
                lines.push(format!(
                    "Service credits, last 12 months: {}",
                    moved.join(", ")
                ));
            }
            for m in &n.months {
                let before = o.months.iter().find(|x| x.month == m.month);
                let accrued = before.map_or(0.0, |x| x.accrued);
                if money(accrued, &o.currency) != money(m.accrued, &n.currency) {
                    lines.push(format!(
                        "Credit of {}: {} → {}",
                        m.month,
                        money(accrued, &o.currency),
                        money(m.accrued, &n.currency)
                    ));
                }
            }
        }
        (None, Some(_)) => lines.push("The contract now has an at-risk credit regime".into()),
        (Some(_), None) => lines.push("The contract no longer has an at-risk credit regime".into()),
        (None, None) => {}
    }
    if let (Some(o), Some(n)) = (&b.credits, &h.credits) {
        if crate::format::number(o.total_pct, 2) != crate::format::number(n.total_pct, 2) {
            lines.push(format!(
                "Service credits, last 12 months: {}% → {}% of the monthly fee",
                crate::format::number(o.total_pct, 2),
                crate::format::number(n.total_pct, 2)
            ));
        }
    }
    for c in &h.chronic {
        let before = b.chronic.iter().find(|x| x.kpi == c.kpi);
        if c.failed && !before.is_some_and(|x| x.failed) {
            lines.push(format!("Chronic failure reached: {}", md(&c.name)));
        }
    }
    for c in b.chronic.iter().filter(|c| c.failed) {
        if !h.chronic.iter().any(|x| x.kpi == c.kpi && x.failed) {
            lines.push(format!("Chronic failure left: {}", md(&c.name)));
        }
    }
    lines
}

fn risk(r: &RiskFigure) -> String {
    format!(
        "`{}` {} ({} × {} = {}, {})",
        r.id,
        md(&r.title),
        r.likelihood,
        r.impact,
        r.score,
        serde_json::to_value(r.rating)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    )
}

fn health(rounded: Option<i64>) -> String {
    rounded.map_or("–".to_string(), |h| h.to_string())
}

fn score_text(score: Option<f64>) -> String {
    score.map_or("no data".to_string(), |s| format!("{}", s.round() as i64))
}

fn band(rag: Rag) -> &'static str {
    rag.as_str()
}

/// Escapes the characters Markdown would read as markup in free text.
fn md(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(md("a *b* <c> [d](e)"), "a \\*b\\* \\<c\\> \\[d\\](e)");
        assert_eq!(value(97.25, "%"), "97.25%");
        assert_eq!(value(2.0, "days"), "2 days");
    }
}
