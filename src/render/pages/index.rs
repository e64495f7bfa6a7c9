//! The portfolio: one row per engagement, with the figures a manager scans,
//! and the choices of the filters that the theme's `portfolio.js` shows.

use serde::Serialize;

use crate::analyse::attention::{self, AttentionItem, When};
use crate::analyse::rag::Rag;
use crate::chart::Chart;
use crate::model::Phase;
use crate::render::labels;
use crate::render::language::{Language, arg};
use crate::render::pages::engagement::{PartnerView, partner_view};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, links};

#[derive(Debug, Serialize)]
struct Row {
    id: String,
    name: String,
    url: String,
    client: String,
    provider: String,
    phase: String,
    health: String,
    /// For sorting: -1 when there is no score.
    health_value: i64,
    health_class: &'static str,
    health_words: String,
    /// In an internal build, what the partner's shared build shows.
    partner: Option<PartnerView>,
    partner_url: String,
    sla: String,
    sla_value: f64,
    open_risks: usize,
    overdue_actions: usize,
    since_check_in: String,
    since_check_in_value: i64,
    contract_end: String,
    next_deadline: Option<NextDeadline>,
    /// For sorting: days from `as_of`, none last.
    next_deadline_value: i64,
    flags: String,
    critical_flags: usize,
    sparkline: Chart,
}

#[derive(Debug, Serialize)]
struct NextDeadline {
    date: String,
    /// `datetime` of the `<time>` element.
    iso: String,
    what: String,
    detail: String,
}

/// One line of the attention list.
#[derive(Debug, Serialize)]
struct AttentionRow {
    engagement: String,
    severity: String,
    class: &'static str,
    sentence: String,
    /// The day or month as the page writes it.
    when: String,
    /// `datetime` of the `<time>` element: a day or a month.
    when_iso: String,
    url: String,
}

/// Items shown before the rest fold away: every critical one is shown, and
/// warnings up to this many items in all, so the engagements stay near the
/// top of a large portfolio.
const ATTENTION_SHOWN: usize = 10;

/// The attention list, with its counts by severity.
#[derive(Debug, Serialize)]
struct AttentionView {
    items: Vec<AttentionRow>,
    /// The items folded under "more" (in the page, closed until opened).
    more: Vec<AttentionRow>,
    /// "2 critical and 9 warnings".
    summary: String,
}

fn attention_view(items: &[AttentionItem], lang: &Language) -> AttentionView {
    let critical = items
        .iter()
        .filter(|i| i.severity == crate::analyse::flags::Severity::Critical)
        .count();
    let mut rows: Vec<AttentionRow> = items
        .iter()
        .map(|i| AttentionRow {
            engagement: i.engagement_name.clone(),
            severity: labels::severity(i.severity, lang),
            class: i.status.as_str(),
            sentence: lang.text(&i.sentence),
            when: match i.when {
                When::Day(d) => lang.date(d),
                When::Month(m) => m.to_string(),
            },
            when_iso: match i.when {
                When::Day(d) => d.to_string(),
                When::Month(m) => m.to_string(),
            },
            url: links::engagement_place(&i.engagement, &i.place),
        })
        .collect();
    let more = rows.split_off(rows.len().min(ATTENTION_SHOWN.max(critical)));
    AttentionView {
        items: rows,
        more,
        summary: {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("critical", critical);
            args.set("warnings", items.len() - critical);
            lang.message("site-attention-summary", Some(&args))
                .unwrap_or_default()
        },
    }
}

/// The values each filter offers: only those some row has, in order.
#[derive(Debug, Serialize)]
struct Filters {
    phases: Vec<String>,
    bands: Vec<Choice>,
    clients: Vec<String>,
    providers: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

fn filters(rows: &[Row], lang: &Language) -> Filters {
    let sorted = |f: fn(&Row) -> &String| {
        let mut v: Vec<String> = rows.iter().map(|r| f(r).clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let mut phases: Vec<String> = Vec::new();
    for p in [
        Phase::Prospecting,
        Phase::Transition,
        Phase::Steady,
        Phase::Mature,
        Phase::Renewal,
        Phase::Exit,
    ] {
        let label = labels::phase(p, lang);
        if rows.iter().any(|r| r.phase == label) {
            phases.push(label);
        }
    }
    let bands = [Rag::Green, Rag::Amber, Rag::Red, Rag::Grey]
        .into_iter()
        .filter(|b| rows.iter().any(|r| r.health_class == b.as_str()))
        .map(|b| Choice {
            value: b.as_str(),
            label: crate::format::capitalise(&labels::band(b, lang)),
        })
        .collect();
    Filters {
        phases,
        bands,
        clients: sorted(|r| &r.client),
        providers: sorted(|r| &r.provider),
    }
}

/// A phase as the portfolio names it.
/// A count in words ("no flags", "1 flag", "3 flags").
fn counted(lang: &Language, id: &str, count: usize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", count);
    lang.message(id, Some(&args)).unwrap_or_default()
}

pub(crate) fn page(input: &Input) -> PageJob {
    let path = links::index();
    let lang = input.language;
    let title = lang.word("nav-portfolio");
    let mut context = base_context(input, &path, title, "portfolio", vec![]);
    let bands = &input.portfolio.config.thresholds.health;
    let mut rows: Vec<Row> = input
        .portfolio
        .engagements
        .iter()
        .zip(input.analyses)
        .map(|(e, a)| {
            let s = &a.summary;
            let next = attention::next_deadline(e, a);
            Row {
                id: e.id.clone(),
                name: e.record.name.clone(),
                url: links::engagement(&e.id),
                client: e.record.client.name.clone(),
                provider: e.record.provider.name.clone(),
                phase: labels::phase(e.record.phase, lang),
                health: s.health_rounded.map_or("—".into(), |h| h.to_string()),
                health_value: s.health_rounded.unwrap_or(-1),
                health_class: s.band.as_str(),
                health_words: labels::band(s.band, lang),
                partner: input.partner_of(&e.id).map(|p| partner_view(p, lang)),
                partner_url: links::partner_view(&e.id),
                sla: s
                    .sla_attainment
                    .as_ref()
                    .map_or_else(|| lang.word("site-no-sla-data"), |x| lang.percent(x.ratio)),
                sla_value: s.sla_attainment.as_ref().map_or(-1.0, |x| x.ratio),
                open_risks: s.open_risks,
                overdue_actions: s.overdue_actions,
                since_check_in: s.days_since_check_in.map_or_else(
                    || lang.word("site-none"),
                    |d| {
                        let mut args = fluent_bundle::FluentArgs::new();
                        args.set("days", arg(lang.number(d as f64, 0)));
                        lang.message("site-days-ago", Some(&args))
                            .unwrap_or_default()
                    },
                ),
                since_check_in_value: s.days_since_check_in.unwrap_or(i64::MAX),
                contract_end: s.contract_end.map(|d| lang.date(d)).unwrap_or_default(),
                next_deadline: next.as_ref().map(|d| NextDeadline {
                    date: lang.date(d.date),
                    iso: d.date.to_string(),
                    what: lang.word(&format!(
                        "site-deadline-{}",
                        d.kind.label().replace(' ', "-")
                    )),
                    detail: d.detail.clone(),
                }),
                next_deadline_value: next
                    .as_ref()
                    .map_or(i64::MAX, |d| (d.date - input.as_of).num_days()),
                flags: counted(lang, "site-flags", s.flags),
                critical_flags: s.critical_flags,
                sparkline: charts::health_sparkline(
                    &e.id,
                    &e.record.name,
                    &s.sparkline,
                    bands,
                    input.language,
                ),
            }
        })
        .collect();
    // What needs a reader first: the worst health first, no score last
    // (ties keep the portfolio's order).
    rows.sort_by_key(|r| (r.health_value < 0, r.health_value));
    let items = attention::portfolio(input.portfolio, input.analyses);
    context.insert("attention", &attention_view(&items, lang));
    context.insert("filters", &filters(&rows, lang));
    context.insert("rows", &rows);
    let risk_map = super::registers::portfolio_risk_map(input);
    context.insert("risk_map", &risk_map);
    PageJob {
        path,
        template: "index.html",
        context,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::attention::{AttentionKind, Place};
    use crate::analyse::flags::Severity;

    fn item(severity: Severity, day: u32) -> AttentionItem {
        AttentionItem {
            engagement: "acme".into(),
            engagement_name: "Acme".into(),
            kind: AttentionKind::GoalOverdue,
            severity,
            status: if severity == Severity::Critical {
                Rag::Red
            } else {
                Rag::Amber
            },
            // "level 11": any message with the day in it.
            sentence: crate::text::Text::new("gov-level").with("level", day.to_string()),
            when: When::Day(chrono::NaiveDate::from_ymd_opt(2026, 1, day).unwrap()),
            place: Place::Goals,
        }
    }

    #[test]
    fn warnings_fold_after_10_items_and_critical_ones_never() {
        let warnings: Vec<_> = (1..=25).map(|d| item(Severity::Warning, d)).collect();
        let en = crate::render::language::english();
        let v = attention_view(&warnings, en);
        assert_eq!((v.items.len(), v.more.len()), (10, 15));
        assert_eq!(v.summary, "0 critical and 25 warnings");
        assert_eq!(v.more[0].sentence, "level 11");
        assert_eq!(
            v.items[0].url, "engagements/acme/index.html#goals",
            "the place on the engagement's page"
        );
        let critical: Vec<_> = (1..=22)
            .map(|d| item(Severity::Critical, d))
            .chain([item(Severity::Warning, 1)])
            .collect();
        let v = attention_view(&critical, en);
        assert_eq!((v.items.len(), v.more.len()), (22, 1));
        assert_eq!(v.items[21].class, "red");
        assert_eq!(v.summary, "22 critical and 1 warning");
        let v = attention_view(&warnings[..10], en);
        assert!(v.more.is_empty());
    }
}
