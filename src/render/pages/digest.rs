//! The digest pages, `digest.html` and `engagements/<id>/digest.html`: what
//! changed over the month (`analyse::digest`), for CI to e-mail. A mail
//! carries the page alone, so it is self-contained: its stylesheet inline
//! with the colours written out, no script, and links only when the site
//! has an absolute base URL (else their text alone: a relative link breaks
//! once mailed). Every word of it is in the templates (`digest.html`,
//! `digest-style.html`) and the language's `pack.ftl`; this module writes
//! figures and dates in the language and words the labels.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::digest::{self, EngagementDigest};
use crate::analyse::flags::Flag;
use crate::analyse::tone::Tone;
use crate::model::Engagement;
use crate::render::language::{Language, arg};
use crate::render::pages::engagement::band_words;
use crate::render::pages::pack_words::label;
use crate::render::view::base_context;
use crate::render::{Input, PageJob, labels, links};
use fluent_bundle::FluentArgs;

/// An engagement's digest, beside its report.
fn engagement_path(id: &str) -> String {
    format!("{}{}", links::engagement_dir(id), links::DIGEST)
}

#[derive(Debug, Serialize)]
struct DigestView {
    /// The engagement's name on its own digest; empty on the portfolio's.
    name: String,
    since: String,
    as_of: String,
    /// The same dates as column headings: `2026-10-23`.
    since_short: String,
    as_of_short: String,
    /// The site (or the engagement's report), when links can be absolute.
    url: Option<String>,
    /// The colour language with its colours written out.
    palette: String,
    due_days: i64,
    /// With something to tell, worst health first.
    engagements: Vec<EngagementView>,
    /// Names of the engagements with nothing to tell.
    quiet: Vec<String>,
    /// Every engagement's health at both ends, worst now first.
    health: Vec<HealthRow>,
}

#[derive(Debug, Serialize)]
struct HealthRow {
    name: String,
    url: Option<String>,
    before: String,
    before_class: &'static str,
    after: String,
    after_class: &'static str,
    after_band: String,
    /// "+4", "−12", "±0", or empty without data at one end.
    change: String,
    band_changed: bool,
}

#[derive(Debug, Serialize)]
struct EngagementView {
    name: String,
    url: Option<String>,
    health: HealthRow,
    breaches: Vec<BreachView>,
    raised: Vec<FlagView>,
    cleared: Vec<FlagView>,
    due: Vec<DueView>,
    notes: Vec<NoteView>,
}

#[derive(Debug, Serialize)]
struct BreachView {
    kpi: String,
    month: String,
    value: String,
    target: String,
    /// The minimum missed as well, when the month was a default.
    minimum: Option<String>,
    class: &'static str,
}

#[derive(Debug, Serialize)]
struct FlagView {
    severity: String,
    title: String,
    evidence: String,
    class: &'static str,
}

#[derive(Debug, Serialize)]
struct DueView {
    date: String,
    kind: String,
    detail: String,
}

#[derive(Debug, Serialize)]
struct NoteView {
    date: String,
    title: String,
    kind: String,
    url: Option<String>,
}

/// `digest.html`: every engagement of the build.
pub(crate) fn portfolio_page(input: &Input) -> PageJob {
    use rayon::prelude::*;
    let config = &input.portfolio.config;
    let digests: Vec<EngagementDigest> = input
        .portfolio
        .engagements
        .par_iter()
        .zip(input.analyses)
        .map(|(e, a)| digest::of(e, config, a))
        .collect();
    let title = input.language.word("pack-digest-title");
    page(
        input,
        links::DIGEST.to_string(),
        title,
        String::new(),
        links::index(),
        &digests,
    )
}

/// `engagements/<id>/digest.html`: one engagement.
pub(crate) fn engagement_page(input: &Input, e: &Engagement, a: &EngagementAnalysis) -> PageJob {
    let d = digest::of(e, &input.portfolio.config, a);
    page(
        input,
        engagement_path(&e.id),
        {
            let mut args = FluentArgs::new();
            args.set("name", arg(e.record.name.clone()));
            input
                .language
                .message("pack-digest-engagement-title", Some(&args))
                .unwrap_or_default()
        },
        e.record.name.clone(),
        links::engagement(&e.id),
        std::slice::from_ref(&d),
    )
}

fn page(
    input: &Input,
    path: String,
    title: String,
    name: String,
    home: String,
    digests: &[EngagementDigest],
) -> PageJob {
    let base = links::absolute_base(input.base_url);
    let url = |path: String| base.as_ref().map(|b| format!("{b}{path}"));
    let mut order: Vec<&EngagementDigest> = digests.iter().collect();
    // As the portfolio lists them: worst health first, no data last.
    order.sort_by_key(|d| (d.health.after.is_none(), d.health.after));
    let (since, as_of) = digests
        .first()
        .map(|d| (d.since, d.as_of))
        .unwrap_or((digest::since(input.as_of), input.as_of));
    let lang = input.language;
    let view = DigestView {
        name,
        since: lang.long_date(since),
        as_of: lang.long_date(as_of),
        since_short: lang.date(since),
        as_of_short: lang.date(as_of),
        url: url(home),
        palette: crate::chart::literal_rules(),
        due_days: digest::DUE_DAYS,
        engagements: order
            .iter()
            .filter(|d| !d.is_quiet())
            .map(|d| engagement_view(lang, d, &url))
            .collect(),
        quiet: order
            .iter()
            .filter(|d| d.is_quiet())
            .map(|d| d.name.clone())
            .collect(),
        health: order.iter().map(|d| health_row(lang, d, &url)).collect(),
    };
    let mut context = base_context(input, &path, title, "portfolio", Vec::new());
    context.insert("d", &view);
    PageJob {
        path,
        template: "digest.html",
        context,
    }
}

fn health_row(
    lang: &Language,
    d: &EngagementDigest,
    url: &impl Fn(String) -> Option<String>,
) -> HealthRow {
    let h = &d.health;
    let shown = |score: Option<i64>| score.map_or("—".to_string(), |s| s.to_string());
    HealthRow {
        name: d.name.clone(),
        url: url(links::engagement(&d.id)),
        before: shown(h.before),
        before_class: Tone::from(h.before_band).name(),
        after: shown(h.after),
        after_class: Tone::from(h.after_band).name(),
        after_band: band_words(h.after_band, lang),
        change: h.change.map_or(String::new(), |c| match c {
            0 => "±0".to_string(),
            c if c > 0 => format!("+{c}"),
            c => format!("−{}", -c),
        }),
        band_changed: h.band_changed(),
    }
}

fn engagement_view(
    lang: &Language,
    d: &EngagementDigest,
    url: &impl Fn(String) -> Option<String>,
) -> EngagementView {
    let flag = |f: &Flag| FlagView {
        severity: labels::severity(f.severity, lang),
        title: lang.text(&f.title),
        evidence: lang.text(&f.evidence),
        class: Tone::from(f.severity).name(),
    };
    EngagementView {
        name: d.name.clone(),
        url: url(links::engagement(&d.id)),
        health: health_row(lang, d, url),
        breaches: d
            .breaches
            .iter()
            .map(|b| BreachView {
                kpi: b.name.clone(),
                month: lang.month(b.month),
                value: lang.value(b.value, &b.unit),
                target: lang.value(b.target, &b.unit),
                minimum: b.default.map(|m| lang.value(m, &b.unit)),
                class: Tone::from(b.status).name(),
            })
            .collect(),
        raised: d.raised.iter().map(flag).collect(),
        cleared: d.cleared.iter().map(flag).collect(),
        due: d
            .due
            .iter()
            .map(|x| DueView {
                date: lang.long_date(x.date),
                kind: label(lang, "due", x.kind.label()),
                detail: x.detail.clone(),
            })
            .collect(),
        notes: d
            .notes
            .iter()
            .map(|n| NoteView {
                date: lang.long_date(n.date),
                title: n.title.clone(),
                kind: labels::note_kind(n.kind, lang),
                url: url(links::note(&d.id, &n.slug)),
            })
            .collect(),
    }
}
