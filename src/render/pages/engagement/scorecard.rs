//! The two-way KPI scorecard, SLA breaches and service credits.

use serde::Serialize;

use crate::analyse::EngagementAnalysis;
use crate::analyse::kpi::{Attainment, Judgement, KpiAnalysis};
use crate::analyse::sign_off::{SignOffState, SignOffs};
use crate::analyse::terms::Terms;
use crate::analyse::window::MonthWindow;
use crate::model::Month;
use crate::model::{Direction, Side};
use crate::render::labels;
use crate::render::language::Language;
use crate::text::Text;

#[derive(Debug, Serialize)]
pub(super) struct ScorecardView {
    pub score: String,
    pub provider_score: String,
    pub client_score: String,
    pub window: String,
    pub provider: Vec<KpiRow>,
    pub client: Vec<KpiRow>,
    pub sla_attainment: String,
    pub breaches_span: String,
    pub breaches: Vec<BreachRow>,
    /// The breaches table has a root-cause column.
    pub root_causes: bool,
    pub credits: Option<CreditsView>,
    pub at_risk: Option<AtRiskView>,
}

#[derive(Debug, Serialize)]
pub(super) struct KpiRow {
    pub id: String,
    pub name: String,
    pub target: String,
    pub warn: String,
    pub latest: String,
    pub latest_month: String,
    pub status: String,
    pub class: &'static str,
    pub attainment: String,
    pub trend: String,
    pub sla: bool,
    pub weight: String,
    pub score: String,
    /// "provisional" or "disputed" when the latest value's month is not
    /// agreed by both sides, else empty; `sign_off_words` says why.
    pub sign_off: &'static str,
    pub sign_off_words: String,
    /// How the terms changed over the months shown ("from 2026-01: target
    /// ≥ 82%, minimum ≥ 78%"); empty when they did not and set nothing
    /// beside the target.
    pub terms: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct BreachRow {
    pub kpi: String,
    pub month: String,
    pub value: String,
    /// The target in force that month.
    pub target: String,
    /// The minimum in force that month, when it differs from the target.
    pub minimum: String,
    /// The minimum was missed too: the breach costs money.
    pub default: bool,
    pub status: String,
    pub class: &'static str,
    /// "provisional" or "disputed" when the month is not agreed, else empty.
    pub sign_off: &'static str,
    pub sign_off_words: String,
    /// The breach's root-cause note or its absence (docs/metrics.md, "Root
    /// causes").
    pub root_cause: Option<super::governance::RootCauseCell>,
}

/// The at-risk regime's credits of a span (docs/metrics.md, "At-risk
/// credits").
#[derive(Debug, Serialize)]
pub(super) struct AtRiskView {
    pub terms: String,
    pub span: String,
    pub months: Vec<AtRiskRow>,
    pub accrued: String,
    pub earned_back: String,
    pub pending: String,
    pub payable: String,
}

#[derive(Debug, Serialize)]
pub(super) struct AtRiskRow {
    pub month: String,
    /// "Service level (40%)", with the cap when it bound.
    pub defaults: String,
    pub accrued: String,
    pub earned_back: String,
    pub pending: String,
    pub payable: String,
}

#[derive(Debug, Serialize)]
pub(super) struct CreditsView {
    pub terms: String,
    /// The months the total covers, in words.
    pub span: String,
    pub months: Vec<CreditRow>,
    pub total: String,
}

#[derive(Debug, Serialize)]
pub(super) struct CreditRow {
    pub month: String,
    pub breaches: usize,
    pub pct: String,
    pub amount: String,
}

/// The scorecard at the analysis date; breaches and credits only of the
/// months of `within` when given (a review pack's quarter), else of the
/// analysis' 12 months.
pub(super) fn scorecard_view(
    a: &EngagementAnalysis,
    within: Option<MonthWindow>,
    sign_off: &SignOffs,
    l: &Language,
) -> ScorecardView {
    let keep = |m: crate::model::Month| within.is_none_or(|w| w.contains(m));
    let p = &a.performance;
    let rows = |side: Side| -> Vec<KpiRow> {
        p.kpis
            .iter()
            .filter(|k| k.owner == side)
            .map(|k| kpi_row(k, sign_off, l))
            .collect()
    };
    let score = |s: Option<f64>| s.map_or_else(|| l.word("eng-no-data"), |s| l.number(s, 0));
    ScorecardView {
        score: score(p.score),
        provider_score: score(p.provider_score),
        client_score: score(p.client_score),
        window: window_words(p.score_window.first, p.score_window.last, l),
        provider: rows(Side::Provider),
        client: rows(Side::Client),
        sla_attainment: attainment(p.sla_attainment.as_ref(), l),
        breaches_span: span(within, l),
        breaches: p
            .kpis
            .iter()
            .flat_map(|k| {
                k.breaches.iter().filter(|b| keep(b.month)).map(move |b| {
                    let terms = k
                        .series
                        .iter()
                        .find(|p| p.month == b.month)
                        .map(|p| &p.terms);
                    let target = terms.map_or(k.target, |t| t.target);
                    let minimum = terms.map_or(k.minimum, |t| t.effective_minimum());
                    // Every breach is an SLA KPI's miss.
                    let shown = b.status.shown(true);
                    let (sign_off, sign_off_words) = agreement(sign_off, b.month, &k.id, l);
                    BreachRow {
                        sign_off,
                        sign_off_words,
                        root_cause: super::governance::root_cause_cell(
                            &a.root_causes,
                            &k.id,
                            b.month,
                            l,
                        ),
                        kpi: k.name.clone(),
                        month: b.month.to_string(),
                        value: l.value(b.value, &k.unit),
                        target: bound_text(k, target, l),
                        minimum: if minimum == target {
                            String::new()
                        } else {
                            bound_text(k, minimum, l)
                        },
                        // A default is worth saying apart from the breach
                        // only where a minimum below the target is set.
                        default: minimum != target && k.defaults.iter().any(|d| d.month == b.month),
                        status: labels::kpi_status(b.status, true, l),
                        class: shown.0.as_str(),
                    }
                })
            })
            .collect(),
        root_causes: a.root_causes.shown(),
        credits: credits_view(a, &keep, span(within, l), l),
        at_risk: at_risk_view(a, &keep, span(within, l), l),
    }
}

fn at_risk_view(
    a: &EngagementAnalysis,
    keep: &dyn Fn(crate::model::Month) -> bool,
    span: String,
    l: &Language,
) -> Option<AtRiskView> {
    let c = a.at_risk.as_ref()?;
    let currency = c.currency.clone().unwrap_or_default();
    let money = |v: f64| l.money(v, &currency);
    let months: Vec<_> = c
        .months
        .iter()
        .filter(|m| keep(m.month) && m.accrued > 0.0)
        .collect();
    let total = |f: fn(&crate::analyse::at_risk::CreditMonth) -> f64| {
        money(months.iter().map(|m| f(m)).sum::<f64>())
    };
    let earn_back = match c.earn_back_months {
        Some(n) if n > 0 => l.text(&Text::new("eng-at-risk-earn-back").with("months", n)),
        _ => String::new(),
    };
    Some(AtRiskView {
        terms: l.text(
            &Text::new("eng-at-risk-terms")
                .with("percent", l.number(c.at_risk_pct, 2))
                .with("amount", money(c.at_risk_amount))
                .with("earn_back", earn_back),
        ),
        span,
        accrued: total(|m| m.accrued),
        earned_back: total(|m| m.earned_back),
        pending: total(|m| m.pending),
        payable: total(|m| m.payable),
        months: months
            .iter()
            .map(|m| {
                let mut defaults: Vec<String> = m
                    .shares
                    .iter()
                    .map(|s| {
                        l.text(
                            &Text::new("eng-at-risk-default")
                                .with("name", &s.name)
                                .with("percent", l.number(s.allocation_pct, 2)),
                        )
                    })
                    .collect();
                if m.capped {
                    defaults.push(l.word("eng-at-risk-capped"));
                }
                AtRiskRow {
                    month: m.month.to_string(),
                    defaults: defaults.join(&l.word("list-separator")),
                    accrued: money(m.accrued),
                    earned_back: money(m.earned_back),
                    pending: money(m.pending),
                    payable: money(m.payable),
                }
            })
            .collect(),
    })
}

/// The state word and its reason of `kpi`'s value in `month`, when the
/// month is not agreed (docs/metrics.md, "Sign-off and disputes").
pub(super) fn agreement(
    s: &SignOffs,
    month: Month,
    kpi: &str,
    l: &Language,
) -> (&'static str, String) {
    match s.month(month) {
        Some(m) if m.kpi_state(kpi) != SignOffState::Agreed => (
            m.kpi_state(kpi).as_str(),
            m.kpi_text(kpi).map(|t| l.text(&t)).unwrap_or_default(),
        ),
        _ => ("", String::new()),
    }
}

fn kpi_row(k: &KpiAnalysis, s: &SignOffs, l: &Language) -> KpiRow {
    let (sign_off, sign_off_words) = k
        .latest
        .as_ref()
        .map_or(("", String::new()), |x| agreement(s, x.month, &k.id, l));
    let (latest, latest_month, status, class) = match &k.latest {
        Some(latest) => {
            let judgement = k
                .series
                .iter()
                .find(|p| p.month == latest.month)
                .map(|p| &p.judgement);
            let (status, class) = match judgement {
                Some(Judgement::Excused { .. }) => (l.word("eng-status-excused"), "grey"),
                Some(Judgement::LowVolume) => (l.word("eng-status-low-volume"), "grey"),
                Some(Judgement::Baselining) => (l.word("eng-status-baselining"), "grey"),
                _ => {
                    let sla = k
                        .series
                        .iter()
                        .find(|p| p.month == latest.month)
                        .map_or(k.sla, |p| p.terms.sla);
                    let (rag, _) = latest.status.shown(sla);
                    (labels::kpi_status(latest.status, sla, l), rag.as_str())
                }
            };
            (
                l.value(latest.value, &k.unit),
                latest.month.to_string(),
                status,
                class,
            )
        }
        None => (
            "—".into(),
            String::new(),
            l.word("eng-not-reported"),
            "grey",
        ),
    };
    let mut attainment = attainment(k.attainment.as_ref(), l);
    if let Some(p) = &k.pooled {
        attainment.push_str(
            &l.text(
                &Text::new("eng-pooled")
                    .with("value", l.value(p.value, &k.unit))
                    .with("total", l.number((p.total as f64).round(), 0)),
            ),
        );
    }
    KpiRow {
        id: k.id.clone(),
        name: k.name.clone(),
        target: target_text(k, l),
        warn: l.value(k.warn, &k.unit),
        latest,
        latest_month,
        status,
        class,
        attainment,
        trend: k.trend.as_ref().map_or_else(
            || l.word("eng-too-few-months"),
            |t| labels::trend(t.direction, l),
        ),
        sla: k.sla,
        weight: l.number(k.weight, 2),
        score: k.score.map_or("—".into(), |s| l.number(s, 0)),
        sign_off,
        sign_off_words,
        terms: terms_text(k, l),
    }
}

/// The terms in force over the months shown, one entry per change.
fn terms_text(k: &KpiAnalysis, l: &Language) -> Vec<String> {
    let describe = |t: &Terms| {
        let mut parts =
            vec![l.text(&Text::new("eng-terms-target").with("bound", bound_text(k, t.target, l)))];
        if let Some(m) = t.minimum.filter(|m| *m != t.target) {
            parts.push(l.text(&Text::new("eng-terms-minimum").with("bound", bound_text(k, m, l))));
        }
        if let Some(pct) = t.credit_allocation_pct {
            parts
                .push(l.text(&Text::new("eng-terms-allocation").with("percent", l.number(pct, 2))));
        }
        parts.join(&l.word("list-separator"))
    };
    let mut out: Vec<(Month, String)> = Vec::new();
    for p in &k.series {
        let text = describe(&p.terms);
        if out.last().is_none_or(|(_, last)| *last != text) {
            out.push((p.month, text));
        }
    }
    let plain = out.len() == 1
        && k.series
            .first()
            .is_some_and(|p| p.terms.minimum.is_none() && p.terms.credit_allocation_pct.is_none());
    if plain {
        return Vec::new();
    }
    if out.len() == 1 {
        return vec![out.remove(0).1];
    }
    (0..out.len())
        .map(|i| {
            let (month, text) = &out[i];
            match (i, out.get(i + 1)) {
                (0, Some((next, _))) => l.text(
                    &Text::new("eng-terms-until")
                        .with("month", next.plus(-1).to_string())
                        .with("terms", text),
                ),
                _ => l.text(
                    &Text::new("eng-terms-from")
                        .with("month", month.to_string())
                        .with("terms", text),
                ),
            }
        })
        .collect()
}

/// `≥ 99.5%` or `≤ 360 s`: the target with the direction that meets it.
pub(crate) fn target_text(k: &KpiAnalysis, l: &Language) -> String {
    bound_text(k, k.target, l)
}

/// `≥ 80%`: a bound of `k` in its good direction.
fn bound_text(k: &KpiAnalysis, value: f64, l: &Language) -> String {
    let sign = match k.direction {
        Direction::Higher => "≥",
        Direction::Lower => "≤",
    };
    format!("{sign} {}", l.value(value, &k.unit))
}

pub(crate) fn attainment(a: Option<&Attainment>, l: &Language) -> String {
    match a {
        Some(a) => l.text(
            &Text::new("eng-attainment")
                .with("percent", l.percent(a.ratio))
                .with("met", a.met)
                .with("reported", a.reported),
        ),
        None => l.word("eng-nothing-reported"),
    }
}

/// "the last 12 months", or the months of a review pack.
fn span(within: Option<MonthWindow>, l: &Language) -> String {
    within.map_or_else(
        || l.word("eng-last-12-months-span"),
        |w| window_words(w.first, w.last, l),
    )
}

/// "2026-08 to 2026-10": the first and last month of a window.
pub(super) fn window_words(first: Month, last: Month, l: &Language) -> String {
    l.text(
        &Text::new("eng-window")
            .with("first", first.to_string())
            .with("last", last.to_string()),
    )
}

fn credits_view(
    a: &EngagementAnalysis,
    keep: &dyn Fn(crate::model::Month) -> bool,
    span: String,
    l: &Language,
) -> Option<CreditsView> {
    let c = a.credits.as_ref()?;
    let months: Vec<_> = c.months_with_credits().filter(|m| keep(m.month)).collect();
    let total_pct: f64 = months.iter().map(|m| m.pct).sum();
    let total_amount = c
        .total_amount
        .map(|_| months.iter().filter_map(|m| m.amount).sum::<f64>());
    let currency = c.currency.clone().unwrap_or_default();
    let money = |v: Option<f64>, pct: f64| match v {
        Some(v) => l.text(
            &Text::new("eng-credit-share")
                .with("amount", l.money(v, &currency))
                .with("percent", l.number(pct, 2)),
        ),
        None => l.text(&Text::new("eng-credit-share-only").with("percent", l.number(pct, 2))),
    };
    Some(CreditsView {
        terms: l.text(
            &Text::new("eng-credits-terms")
                .with("per_breach", l.number(c.per_breach_pct, 2))
                .with("cap", l.number(c.cap_pct, 2)),
        ),
        span,
        months: months
            .iter()
            .map(|m| CreditRow {
                month: m.month.to_string(),
                breaches: m.breaches,
                pct: format!("{}%", l.number(m.pct, 2)),
                amount: m.amount.map_or("—".into(), |v| l.money(v, &currency)),
            })
            .collect(),
        total: money(total_amount, total_pct),
    })
}
