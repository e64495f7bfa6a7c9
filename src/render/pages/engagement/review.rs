//! Quarterly review packs: one printable page per engagement and complete
//! quarter with data, `engagements/<id>/review/<YYYY-Qn>.html`.
//!
//! A pack's figures are those of an analysis dated the first day after the
//! quarter, so "the last 3 months" are the quarter's months, and nothing
//! reported after it shows. The sections reuse the report's view builders.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::registers::{MilestoneRow, NoteRow, note_row};
use super::{health, relationship, scorecard};
use crate::analyse::EngagementAnalysis;
use crate::analyse::actions::ActionState;
use crate::analyse::flags::Severity;
use crate::analyse::kpi::{Judgement, KpiAnalysis, KpiPoint};
use crate::analyse::rag::Rag;
use crate::analyse::review::grid::Credit;
use crate::analyse::review::summary::{Issue, TOP_ISSUES};
use crate::analyse::review::{QuarterReview, QuarterSummary, quarters};
use crate::analyse::sign_off::{SignOffs, disputed_text, not_agreed_text};
use crate::analyse::tone::Tone;
use crate::analyse::window::MonthWindow;
use crate::chart::Chart;
use crate::model::Month;
use crate::model::{Audience, Engagement};
use crate::render::language::{Language, arg};
use crate::render::pages::pack_words::label;
use crate::render::rows::{ActionRow, action_row};
use crate::render::view::base_context;
use crate::render::{Input, PageJob, charts, labels, links};
use fluent_bundle::FluentArgs;

/// The pack's template; `build --pdf` typesets the pages made with it.
pub(crate) const TEMPLATE: &str = "review.html";

/// A link to a pack, for the report and the packs' own navigation.
#[derive(Debug, Serialize)]
pub(crate) struct ReviewLink {
    pub label: String,
    /// From the engagement's folder (`review/2026-Q3.html`).
    pub url: String,
}

pub(crate) fn review_links(e: &Engagement, as_of: NaiveDate) -> Vec<ReviewLink> {
    quarters(e, as_of)
        .into_iter()
        .rev()
        .map(|q| ReviewLink {
            label: q.label(),
            url: format!("review/{}.html", q.label()),
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct ReviewView {
    name: String,
    quarter: String,
    spelled: String,
    first_day: String,
    last_day: String,
    /// The report date of the pack's figures: the day after the quarter.
    figures_as_of: String,
    client: String,
    client_owner: String,
    provider: String,
    provider_owner: String,
    phase: String,
    report_url: String,
    previous: Option<ReviewLink>,
    next: Option<ReviewLink>,
    summary: SummaryView,
    health: health::HealthView,
    /// Every flag at the end of the quarter, one line each.
    flags: Vec<ItemView>,
    /// The running footer of the printed pack, as a CSS string.
    footer_css: String,
    /// The printed page number, as a CSS `content` value: `"page " counter(page) " of " counter(pages)`.
    page_css: String,
    scorecard: scorecard::ScorecardView,
    month_labels: Vec<String>,
    kpis: Vec<QuarterKpiRow>,
    /// The quarter's months not agreed by both sides at the build's date,
    /// for the summary (docs/metrics.md, "Sign-off and disputes").
    unagreed: Vec<UnagreedRow>,
    /// Every chart of the detail, KPIs first, two to a row.
    charts: Vec<Chart>,
    /// Each chart's data, for the appendix.
    data: Vec<DataView>,
    trust: relationship::TrustView,
    milestones: Vec<MilestoneRow>,
    meetings: Vec<NoteRow>,
    actions: Vec<ActionRow>,
}

/// The summary page: what the analysis decided, in words and classes.
#[derive(Debug, Serialize)]
struct SummaryView {
    trend: Vec<TrendPoint>,
    /// "down 18 points over the quarter".
    change: String,
    grid_months: Vec<String>,
    grid: Vec<GridRowView>,
    credits: Option<CreditsView>,
    issues: Vec<ItemView>,
    /// Candidate issues left off the page, said as a number.
    more_issues: usize,
    wins: Vec<ItemView>,
    decisions: Vec<ItemView>,
    /// Past what one page holds: listed in the detail.
    more_wins: Vec<ItemView>,
    more_decisions: Vec<ItemView>,
}

/// Decisions and wins the summary page shows; the rest go to the detail,
/// so the summary stays one printed page.
const SUMMARY_DECISIONS: usize = 6;
const SUMMARY_WINS: usize = 4;

#[derive(Debug, Serialize)]
struct TrendPoint {
    date: String,
    score: String,
    class: &'static str,
    band: String,
}

#[derive(Debug, Serialize)]
struct GridRowView {
    name: String,
    target: String,
    cells: Vec<Cell>,
    /// The quarter pooled, for a counted KPI.
    quarter: String,
}

#[derive(Debug, Serialize)]
struct CreditsView {
    months: Vec<String>,
    total: String,
    /// Where the quarter's credits stand at its end (earn-back).
    settlement: String,
}

#[derive(Debug, Serialize)]
struct ItemView {
    /// "critical" or "warning" for an issue, in the language; empty otherwise.
    severity: String,
    class: &'static str,
    title: String,
    text: String,
    internal: bool,
}

/// A chart's data table in the appendix: its notes (an excused month's
/// reason) under the table rather than in a column, so that three tables
/// fit side by side on paper.
#[derive(Debug, Serialize)]
struct DataView {
    id: String,
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
}

impl DataView {
    fn of(chart: &Chart) -> DataView {
        let t = &chart.table;
        let noted = t.headers.last().is_some_and(|h| h == "Note") && t.headers.len() > 2;
        let mut headers = t.headers.clone();
        let mut notes = Vec::new();
        let rows = t
            .rows
            .iter()
            .map(|row| {
                let mut row = row.clone();
                if noted {
                    let note = row.pop().unwrap_or_default();
                    if !note.is_empty()
                        && let Some(first) = row.first_mut()
                    {
                        notes.push(format!("{first}: {note}"));
                        first.push('*');
                    }
                }
                row
            })
            .collect();
        if noted {
            headers.pop();
        }
        DataView {
            id: chart.id.clone(),
            title: chart.title.clone(),
            headers,
            rows,
            notes,
        }
    }
}

/// One KPI's three months of the quarter.
#[derive(Debug, Serialize)]
struct QuarterKpiRow {
    name: String,
    owner: String,
    sla: bool,
    target: String,
    months: Vec<Cell>,
    score: String,
    /// A counted KPI's quarter, pooled: "79.4% of 118,204".
    pooled: String,
}

#[derive(Debug, Serialize)]
struct Cell {
    value: String,
    status: String,
    class: &'static str,
    /// "provisional" or "disputed", else empty.
    sign_off: &'static str,
    /// `sign_off` in the language.
    sign_off_label: String,
    sign_off_words: String,
}

/// A month of the quarter whose figures are not agreed.
#[derive(Debug, Serialize)]
struct UnagreedRow {
    month: String,
    /// "provisional" or "disputed".
    state: &'static str,
    /// `state` in the language.
    state_label: String,
    /// Who has not signed, or who disputes which KPIs and why.
    words: String,
}

fn unagreed(lang: &Language, s: &SignOffs, window: MonthWindow) -> Vec<UnagreedRow> {
    s.unagreed()
        .filter(|m| window.contains(m.month))
        .map(|m| {
            let mut words: Vec<String> = m
                .disputes
                .iter()
                .map(|d| lang.text(&disputed_text(m.month, d)))
                .collect();
            for side in m.unsigned() {
                if !m.disputes.iter().any(|d| d.by == side) {
                    words.push(lang.text(&not_agreed_text(m.month, side)));
                }
            }
            UnagreedRow {
                month: m.month.to_string(),
                state: m.state.as_str(),
                state_label: label(lang, "sign-off", m.state.as_str()),
                words: words.join("; "),
            }
        })
        .collect()
}

/// Every pack of an engagement, from its past quarters' figures.
/// `agreed`: the engagement's sign-offs at the build's date, as its
/// analysis has them (a pack's figures are the quarter's, but whether they
/// are agreed is known at the build's date: sign-offs come after).
pub(crate) fn pages(
    input: &Input,
    e: &Engagement,
    agreed: &SignOffs,
    reviews: &[QuarterReview],
) -> Vec<PageJob> {
    let link = |r: &QuarterReview| ReviewLink {
        label: r.quarter.label(),
        url: format!("{}.html", r.quarter.label()),
    };
    reviews
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let previous = i.checked_sub(1).map(|p| link(&reviews[p]));
            let next = reviews.get(i + 1).map(link);
            let mut job = page(input, e, agreed, r, previous, next);
            // In an internal build, what the partner's pack shows.
            job.context.insert(
                "partner",
                &r.partner.map(|p| super::partner_view(p, input.language)),
            );
            job
        })
        .collect()
}

fn page(
    input: &Input,
    e: &Engagement,
    agreed: &SignOffs,
    review: &QuarterReview,
    previous: Option<ReviewLink>,
    next: Option<ReviewLink>,
) -> PageJob {
    let (q, a) = (review.quarter, &review.analysis);
    let path = links::review(&e.id, &q.label());
    let r = &e.record;
    let lang = input.language;
    let mut title_args = FluentArgs::new();
    title_args.set("quarter", arg(q.label()));
    let mut context = base_context(
        input,
        &path,
        lang.message("pack-title", Some(&title_args))
            .unwrap_or_default(),
        "portfolio",
        vec![
            (lang.word("nav-portfolio"), links::index()),
            (r.name.clone(), links::engagement(&e.id)),
        ],
    );
    let window = q.months();
    let in_quarter = |d: NaiveDate| window.contains_date(d);
    let bands = &input.portfolio.config.thresholds.health;
    // The quarter's own months: the month after it is not part of the pack.
    let kpis: Vec<_> = a
        .performance
        .kpis
        .iter()
        .map(|k| {
            let mut k = k.clone();
            k.series.retain(|p| !p.in_progress);
            k
        })
        .collect();
    let mut charts: Vec<Chart> = kpis
        .iter()
        .map(|k| charts::kpi_in_quarter(k, agreed, window, &q.label(), input.language))
        .collect();
    charts.extend(charts::sla_attainment(&a.performance, input.language));
    charts.extend(charts::survey(&a.trust, input.language));
    charts.extend(charts::survey_nps(&a.trust, input.language));
    let view = ReviewView {
        name: r.name.clone(),
        quarter: q.label(),
        spelled: spelled(lang, window),
        first_day: lang.date(window.first.first_day()),
        last_day: lang.date(q.as_of().pred_opt().expect("a day before")),
        figures_as_of: lang.date(q.as_of()),
        client: r.client.name.clone(),
        client_owner: r.client.owner.clone().unwrap_or_default(),
        provider: r.provider.name.clone(),
        provider_owner: r.provider.owner.clone().unwrap_or_default(),
        phase: labels::phase(r.phase, lang),
        report_url: "../index.html".into(),
        previous,
        next,
        summary: summary_view(lang, &review.summary, a, agreed),
        health: health::health_view(a, bands, lang),
        unagreed: unagreed(lang, agreed, window),
        flags: a
            .flags
            .iter()
            .map(|f| ItemView {
                severity: labels::severity(f.severity, lang),
                class: severity_class(f.severity),
                title: lang.text(&f.title),
                text: lang.text(&f.evidence),
                internal: false,
            })
            .collect(),
        footer_css: css_string(&footer(lang, &r.name, &q.label(), input.scope.audience)),
        page_css: format!(
            "{} counter(page) {} counter(pages)",
            css_string(&format!("{} ", lang.word("pack-print-page"))),
            css_string(&format!(" {} ", lang.word("pack-print-of")))
        ),
        scorecard: scorecard::scorecard_view(a, Some(window), agreed, lang),
        month_labels: window.months().map(|m| m.to_string()).collect(),
        kpis: kpis
            .iter()
            .map(|k| QuarterKpiRow {
                name: k.name.clone(),
                owner: labels::side(k.owner, lang),
                sla: k.sla,
                target: scorecard::target_text(k, input.language),
                months: window
                    .months()
                    .map(|month| {
                        kpi_cell(
                            lang,
                            k,
                            k.series.iter().find(|p| p.month == month),
                            month,
                            agreed,
                        )
                    })
                    .collect(),
                score: k.score.map_or("—".into(), |s| lang.number(s, 0)),
                pooled: e
                    .kpi(&k.id)
                    .and_then(|model| crate::analyse::kpi::pooled(e, model, window))
                    .map_or_else(String::new, |p| pooled_text(lang, p)),
            })
            .collect(),
        data: charts.iter().map(DataView::of).collect(),
        charts,
        trust: relationship::trust_view(a, input.language),
        milestones: r
            .milestones
            .iter()
            .filter(|m| in_quarter(m.date))
            .map(|m| MilestoneRow::of(m, input.language))
            .collect(),
        meetings: e
            .notes
            .iter()
            .filter(|n| in_quarter(n.meta.date))
            .map(|n| note_row(n, "../notes/", input.language))
            .collect(),
        actions: a
            .actions
            .items
            .iter()
            .filter(|x| matches!(x.state, ActionState::Open | ActionState::Overdue))
            .map(|x| action_row(&e.id, &r.name, x, input.language))
            .collect(),
    };
    context.insert("r", &view);
    // `build --pdf`: the pack's PDF beside it, from this page's folder.
    if input.pdf {
        context.insert("pdf_url", &format!("{}.pdf", q.label()));
    }
    PageJob {
        path,
        template: TEMPLATE,
        context,
    }
}

/// The colour of a severity (`analyse::tone`).
fn severity_class(s: Severity) -> &'static str {
    Tone::from(s).name()
}

/// `text` as a quoted CSS string that no character can end early (nor the
/// `<style>` element around it): anything but letters, digits and spaces
/// is written as a CSS escape.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// The running footer of the printed pack: `name · review 2026-Q3 · shared edition`.
fn footer(lang: &Language, name: &str, quarter: &str, audience: Audience) -> String {
    let mut args = FluentArgs::new();
    args.set("name", arg(name));
    args.set("quarter", arg(quarter));
    let edition = if audience == Audience::Shared {
        "pack-edition-shared"
    } else {
        "pack-edition-internal"
    };
    args.set("edition", arg(lang.word(edition)));
    lang.message("pack-footer", Some(&args)).unwrap_or_default()
}

/// `Jul to Sep 2026`: the quarter's months, abbreviated.
fn spelled(lang: &Language, window: MonthWindow) -> String {
    let mut args = FluentArgs::new();
    args.set(
        "from",
        arg(lang.word(&format!("pack-month-abbr-{}", window.first.month))),
    );
    args.set(
        "to",
        arg(lang.word(&format!("pack-month-abbr-{}", window.last.month))),
    );
    args.set("year", arg(window.last.year.to_string()));
    lang.message("pack-quarter-spelled", Some(&args))
        .unwrap_or_default()
}

/// `Aug 26`: a month of the summary's grid.
fn short_month(lang: &Language, m: Month) -> String {
    let mut args = FluentArgs::new();
    args.set(
        "month",
        arg(lang.word(&format!("pack-month-abbr-{}", m.month))),
    );
    args.set("year", arg(format!("{:02}", m.year.rem_euclid(100))));
    lang.message("pack-month-short", Some(&args))
        .unwrap_or_default()
}

fn pooled_text(lang: &Language, p: crate::analyse::kpi::Pooled) -> String {
    lang.say(
        "pack-pooled",
        &[
            ("share", lang.value_in(p.value, 1, "%")),
            ("total", lang.number(p.total as f64, 0)),
        ],
    )
}

/// A month of the scorecard: a miss of an SLA KPI reads "breach", red.
fn kpi_cell(
    lang: &Language,
    k: &KpiAnalysis,
    point: Option<&KpiPoint>,
    month: Month,
    agreed: &SignOffs,
) -> Cell {
    let value = point.and_then(|p| p.value);
    let status = point.map_or(Rag::Grey, |p| p.status);
    let not_judged = point.and_then(|p| match &p.judgement {
        Judgement::Excused { .. } => Some("excused"),
        Judgement::LowVolume => Some("low volume"),
        Judgement::Baselining => Some("baselining"),
        _ => None,
    });
    let (shown, words) = status.shown(point.is_some_and(|p| p.terms.sla));
    let (sign_off, sign_off_words) = match value {
        Some(_) => scorecard::agreement(agreed, month, &k.id, lang),
        None => ("", String::new()),
    };
    let status = match (value, not_judged) {
        (_, Some(why)) => why,
        (Some(_), None) => words,
        (None, None) => "not reported",
    };
    Cell {
        sign_off,
        sign_off_label: label(lang, "sign-off", sign_off),
        sign_off_words,
        value: lang.optional_value(value, &k.unit),
        status: label(lang, "status", status),
        class: shown.as_str(),
    }
}

fn summary_view(
    lang: &Language,
    s: &QuarterSummary,
    a: &EngagementAnalysis,
    agreed: &SignOffs,
) -> SummaryView {
    let trend: Vec<TrendPoint> = s
        .trend
        .iter()
        .map(|p| TrendPoint {
            date: lang.date(p.date),
            score: p.rounded.map_or("—".into(), |r| r.to_string()),
            class: p.band.as_str(),
            band: health::band_words(p.band, lang),
        })
        .collect();
    let ends = (
        s.trend.first().and_then(|p| p.rounded),
        s.trend.last().and_then(|p| p.rounded),
    );
    let change = match ends {
        (Some(from), Some(to)) if s.trend.len() > 1 => match to - from {
            0 => lang.word("pack-change-none"),
            d if d > 0 => lang.say("pack-change-up", &[("points", d.to_string())]),
            d => lang.say("pack-change-down", &[("points", (-d).to_string())]),
        },
        _ => String::new(),
    };
    let grid = &s.grid;
    let kpi = |id: &str| a.performance.kpis.iter().find(|k| k.id == id);
    let credits = grid.credits.as_ref().map(|c| {
        let currency = c.currency.clone().unwrap_or_default();
        let credit = |c: &Credit| match (c.amount, c.pct_of_fee) {
            (Some(v), _) => lang.money(v, &currency),
            (None, Some(p)) => lang.say("pack-credit-of-fee", &[("share", lang.number(p, 2))]),
            (None, None) => "—".into(),
        };
        CreditsView {
            months: c.months.iter().map(credit).collect(),
            total: credit(&c.total),
            settlement: c.settlement.map_or_else(String::new, |x| {
                let mut parts = Vec::new();
                let amounts = [
                    (x.payable, "pack-settlement-payable"),
                    (x.pending, "pack-settlement-pending"),
                    (x.earned_back, "pack-settlement-earned-back"),
                ];
                for (amount, id) in amounts {
                    if amount > 0.0 {
                        parts.push(lang.say(id, &[("amount", lang.money(amount, &currency))]));
                    }
                }
                lang.and_list(&parts)
            }),
        }
    });
    let issue = |i: &Issue| ItemView {
        severity: labels::severity(i.severity, lang),
        class: i.tone().name(),
        title: lang.text(&i.title),
        text: lang.text(&i.detail),
        internal: i.internal,
    };
    let plain = |text: &crate::text::Text, internal: bool| ItemView {
        severity: String::new(),
        class: "",
        title: String::new(),
        text: lang.text(text),
        internal,
    };
    SummaryView {
        trend,
        change,
        grid_months: grid.months.iter().map(|m| short_month(lang, *m)).collect(),
        grid: grid
            .rows
            .iter()
            .map(|row| GridRowView {
                name: row.name.clone(),
                target: kpi(&row.kpi).map_or_else(String::new, |k| {
                    let mut t = scorecard::target_text(k, lang);
                    if let Some(m) = row.minimum {
                        t = lang.say(
                            "pack-target-minimum",
                            &[("target", t), ("minimum", lang.value(m, &row.unit))],
                        );
                    }
                    t
                }),
                cells: row
                    .cells
                    .iter()
                    .map(|c| {
                        let (sign_off, sign_off_words) = match c.value {
                            Some(_) => scorecard::agreement(agreed, c.month, &row.kpi, lang),
                            None => ("", String::new()),
                        };
                        Cell {
                            sign_off,
                            sign_off_label: label(lang, "sign-off", sign_off),
                            sign_off_words,
                            value: c
                                .value
                                .map_or_else(|| "—".to_string(), |v| lang.value(v, &row.unit)),
                            status: label(lang, "status", c.status.words()),
                            class: c.status.rag().as_str(),
                        }
                    })
                    .collect(),
                quarter: row
                    .pooled
                    .map_or_else(|| "—".into(), |p| pooled_text(lang, p)),
            })
            .collect(),
        credits,
        issues: s.issues.iter().take(TOP_ISSUES).map(issue).collect(),
        more_issues: s.issues.len().saturating_sub(TOP_ISSUES),
        wins: s
            .wins
            .iter()
            .take(SUMMARY_WINS)
            .map(|w| plain(&w.text, w.internal))
            .collect(),
        more_wins: s
            .wins
            .iter()
            .skip(SUMMARY_WINS)
            .map(|w| plain(&w.text, w.internal))
            .collect(),
        decisions: s
            .decisions
            .iter()
            .take(SUMMARY_DECISIONS)
            .map(|d| plain(&d.text, d.internal))
            .collect(),
        more_decisions: s
            .decisions
            .iter()
            .skip(SUMMARY_DECISIONS)
            .map(|d| plain(&d.text, d.internal))
            .collect(),
    }
}
