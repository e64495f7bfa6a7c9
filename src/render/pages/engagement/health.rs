//! Health with its breakdown, and the flags a reader must not miss.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::flags::Severity;
use crate::analyse::health::Shown;
use crate::analyse::rag::Rag;
use crate::analyse::tone::Tone;
use crate::config::HealthBands;
use crate::render::format;
use crate::render::language::Language;

#[derive(Debug, Serialize)]
pub(super) struct HealthView {
    pub score: String,
    pub class: &'static str,
    pub band: &'static str,
    pub components: Vec<ComponentRow>,
    pub left_out: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct ComponentRow {
    pub label: String,
    pub score: String,
    pub class: &'static str,
    pub weight: String,
    pub effective_weight: String,
    pub has_data: bool,
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct FlagView {
    pub severity: &'static str,
    pub class: &'static str,
    pub title: String,
    pub evidence: String,
}

/// What the partner's shared build shows for a health figure, beside it in
/// an internal build (docs/metrics.md, "Partner view").
#[derive(Debug, Serialize)]
pub(crate) struct PartnerView {
    pub score: String,
    pub class: &'static str,
    pub band: &'static str,
}

pub(crate) fn partner_view(shown: Shown) -> PartnerView {
    PartnerView {
        score: shown.rounded.map_or("no data".into(), |r| r.to_string()),
        class: shown.band.as_str(),
        band: band_words(shown.band),
    }
}

/// The words for a health band, shared with the portfolio.
pub(crate) fn band_words(band: Rag) -> &'static str {
    match band {
        Rag::Green => "healthy",
        Rag::Amber => "needs attention",
        Rag::Red => "at risk",
        Rag::Grey => "no data",
    }
}

pub(super) fn health_view(
    a: &EngagementAnalysis,
    bands: &HealthBands,
    language: &Language,
) -> HealthView {
    let h = &a.health;
    HealthView {
        score: h.rounded.map_or("—".into(), |r| r.to_string()),
        class: h.band.as_str(),
        band: band_words(h.band),
        components: h
            .components
            .iter()
            .map(|c| ComponentRow {
                label: format::capitalise(&c.label),
                score: c.score.map_or("no data".into(), |s| format::number(s, 0)),
                class: Rag::band(c.score, bands.green, bands.amber).as_str(),
                weight: format::number(c.weight, 1),
                effective_weight: if c.has_data {
                    format::percent(c.effective_weight)
                } else {
                    "left out".into()
                },
                has_data: c.has_data,
                reasons: c.reasons.iter().map(|r| language.text(r)).collect(),
            })
            .collect(),
        left_out: h.left_out_wording().map(|t| language.text(&t)),
    }
}

/// The engagement page's flags: the critical ones shown open, the rest one
/// line each with their details on demand (the rule is
/// `FlagKind::severity`, in the analysis).
#[derive(Debug, Serialize)]
pub(super) struct FlagGroups {
    pub critical: Vec<FlagView>,
    pub others: Vec<FlagView>,
    pub count: usize,
}

pub(super) fn flag_groups(a: &EngagementAnalysis, language: &Language) -> FlagGroups {
    let (critical, others) = flag_views(a, language)
        .into_iter()
        .partition(|f| f.severity == Severity::Critical.as_str());
    FlagGroups {
        critical,
        others,
        count: a.flags.len(),
    }
}

pub(super) fn flag_views(a: &EngagementAnalysis, language: &Language) -> Vec<FlagView> {
    a.flags
        .iter()
        .map(|f| FlagView {
            severity: f.severity.as_str(),
            class: Tone::from(f.severity).name(),
            title: language.text(&f.title),
            evidence: language.text(&f.evidence),
        })
        .collect()
}
