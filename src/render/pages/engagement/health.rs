//! Health with its breakdown, and the flags a reader must not miss.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::flags::Severity;
use crate::analyse::health::Shown;
use crate::analyse::rag::Rag;
use crate::analyse::tone::Tone;
use crate::config::HealthBands;
use crate::render::labels;
use crate::render::language::Language;

#[derive(Debug, Serialize)]
pub(super) struct HealthView {
    pub score: String,
    pub class: &'static str,
    pub band: String,
    pub components: Vec<ComponentRow>,
    pub left_out: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct ComponentRow {
    pub label: String,
    pub score: String,
    pub class: &'static str,
    /// The colour in words, for screen readers.
    pub class_words: String,
    pub weight: String,
    pub effective_weight: String,
    pub has_data: bool,
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct FlagView {
    pub severity: &'static str,
    pub severity_words: String,
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
    pub band: String,
}

pub(crate) fn partner_view(shown: Shown, l: &Language) -> PartnerView {
    PartnerView {
        score: shown
            .rounded
            .map_or_else(|| l.word("eng-no-data"), |r| r.to_string()),
        class: shown.band.as_str(),
        band: band_words(shown.band, l),
    }
}

/// The words for a health band, shared with the portfolio.
pub(crate) fn band_words(band: Rag, l: &Language) -> String {
    labels::band(band, l)
}

pub(super) fn health_view(a: &EngagementAnalysis, bands: &HealthBands, l: &Language) -> HealthView {
    let h = &a.health;
    HealthView {
        score: h.rounded.map_or("—".into(), |r| r.to_string()),
        class: h.band.as_str(),
        band: band_words(h.band, l),
        components: h
            .components
            .iter()
            .map(|c| ComponentRow {
                label: l.word(&format!("eng-component-{}", c.kind.key())),
                score: c
                    .score
                    .map_or_else(|| l.word("eng-no-data"), |s| l.number(s, 0)),
                class: Rag::band(c.score, bands.green, bands.amber).as_str(),
                class_words: labels::colour(Rag::band(c.score, bands.green, bands.amber), l),
                weight: l.number(c.weight, 1),
                effective_weight: if c.has_data {
                    l.percent(c.effective_weight)
                } else {
                    l.word("eng-left-out")
                },
                has_data: c.has_data,
                reasons: c.reasons.iter().map(|r| l.text(r)).collect(),
            })
            .collect(),
        left_out: h.left_out_wording().map(|t| l.text(&t)),
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

pub(super) fn flag_groups(a: &EngagementAnalysis, l: &Language) -> FlagGroups {
    let (critical, others) = flag_views(a, l)
        .into_iter()
        .partition(|f| f.severity == Severity::Critical.as_str());
    FlagGroups {
        critical,
        others,
        count: a.flags.len(),
    }
}

pub(super) fn flag_views(a: &EngagementAnalysis, l: &Language) -> Vec<FlagView> {
    a.flags
        .iter()
        .map(|f| FlagView {
            severity: f.severity.as_str(),
            severity_words: labels::severity(f.severity, l),
            class: Tone::from(f.severity).name(),
            title: l.text(&f.title),
            evidence: l.text(&f.evidence),
        })
        .collect()
}
