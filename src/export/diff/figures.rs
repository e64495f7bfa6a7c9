//! The figures that moved between two exports of one engagement: health and
//! each component, the performance scores, each KPI's months (value and
//! status), latest status, attainment, pooled value, trend and score, SLA
//! breaches and defaults, credits (accrued, payable, pending, earned back;
//! per month and over 12 months), chronic failure, risk exposure, goals,
//! overdue actions, obligations (each side's record, each instance's
//! state), and flags raised, cleared or reworded. A figure is
//! compared as the page shows it (rounded, formatted), so a change the
//! reader cannot see is not listed.

mod obligations;

use super::tree::Edit;
use super::{FigureChange, FigureKind};
use crate::analyse::kpi::{Judgement, KpiPoint};
use crate::analyse::rag::Rag;
use crate::export::{EngagementFigures, KpiFigures};
use crate::format::{money, number, percent, value};
use crate::model::Month;

/// Collects changes, each compared as text.
#[derive(Default)]
struct Moves(Vec<FigureChange>);

impl Moves {
    fn push(
        &mut self,
        kind: FigureKind,
        subject: impl Into<String>,
        month: Option<Month>,
        before: Option<String>,
        after: Option<String>,
    ) {
        if before == after {
            return;
        }
        let edit = match (&before, &after) {
            (None, _) => Edit::Added,
            (_, None) => Edit::Removed,
            _ => Edit::Changed,
        };
        self.0.push(FigureChange {
            kind,
            edit,
            subject: subject.into(),
            month,
            before,
            after,
            reason: None,
        });
    }
}

/// Every figure of the engagement that moved from `b` to `h`.
pub(crate) fn changes(b: &EngagementFigures, h: &EngagementFigures) -> Vec<FigureChange> {
    let mut m = Moves::default();
    m.push(
        FigureKind::Health,
        "Health",
        None,
        Some(health(b)),
        Some(health(h)),
    );
    for (cb, ch) in b.health.components.iter().zip(&h.health.components) {
        let (sb, sh) = (score(cb.score), score(ch.score));
        if sb != sh {
            let subject = format!("Health component {}", ch.label);
            m.push(FigureKind::Component, subject, None, Some(sb), Some(sh));
            if let Some(last) = m.0.last_mut() {
                last.reason = Some(
                    ch.reasons
                        .iter()
                        .map(|r| r.english())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
                .filter(|r| !r.is_empty());
            }
        }
    }
    let (pb, ph) = (&b.performance, &h.performance);
    for (what, x, y) in [
        ("Performance", pb.score, ph.score),
        (
            "Performance, provider's KPIs",
            pb.provider_score,
            ph.provider_score,
        ),
        (
            "Performance, client's KPIs",
            pb.client_score,
            ph.client_score,
        ),
    ] {
        m.push(
            FigureKind::Performance,
            what,
            None,
            Some(score(x)),
            Some(score(y)),
        );
    }
    m.push(
        FigureKind::SlaAttainment,
        "SLA attainment, all SLA KPIs, last 12 months",
        None,
        pb.sla_attainment.as_ref().map(attainment),
        ph.sla_attainment.as_ref().map(attainment),
    );
    for k in &h.kpis {
        match b.kpis.iter().find(|o| o.id == k.id) {
            Some(o) => kpi(&mut m, o, k),
            None => m.push(
                FigureKind::KpiLatest,
                &k.name,
                None,
                None,
                Some("new KPI".into()),
            ),
        }
    }
    for o in b
        .kpis
        .iter()
        .filter(|o| !h.kpis.iter().any(|k| k.id == o.id))
    {
        m.push(
            FigureKind::KpiLatest,
            &o.name,
            None,
            Some("KPI".into()),
            None,
        );
    }
    breaches(&mut m, b, h);
    credits(&mut m, b, h);
    chronic(&mut m, b, h);
    others(&mut m, b, h);
    obligations::changes(&mut m, b, h);
    governance(&mut m, b, h);
    flags(&mut m, b, h);
    m.0
}

/// The headline figures of an engagement added or removed.
pub(crate) fn summary(e: &EngagementFigures, edit: Edit) -> Vec<FigureChange> {
    let text = format!(
        "{}, {} open risk(s), {} overdue action(s), {} flag(s)",
        health(e),
        e.risks.open,
        e.actions.overdue,
        e.flags.len()
    );
    let (before, after) = match edit {
        Edit::Removed => (Some(text), None),
        _ => (None, Some(text)),
    };
    vec![FigureChange {
        kind: FigureKind::Health,
        edit,
        subject: "Health".into(),
        month: None,
        before,
        after,
        reason: None,
    }]
}

fn kpi(m: &mut Moves, o: &KpiFigures, k: &KpiFigures) {
    let mut months: Vec<Month> = o.months.iter().chain(&k.months).map(|p| p.month).collect();
    months.sort_unstable();
    months.dedup();
    for month in months {
        let point = |f: &KpiFigures| {
            f.months
                .iter()
                .find(|p| p.month == month)
                .map(|p| point(p, &f.unit))
        };
        m.push(
            FigureKind::KpiMonth,
            format!("{}, {month}", k.name),
            Some(month),
            point(o).flatten(),
            point(k).flatten(),
        );
    }
    let latest = |f: &KpiFigures| {
        f.latest.as_ref().map(|l| {
            format!(
                "{} ({}: {})",
                l.status.as_str(),
                l.month,
                value(l.value, &f.unit)
            )
        })
    };
    let status = |f: &KpiFigures| f.latest.as_ref().map(|l| l.status);
    if status(o) != status(k) {
        m.push(
            FigureKind::KpiLatest,
            format!("{}, latest status", k.name),
            None,
            latest(o),
            latest(k),
        );
    }
    m.push(
        FigureKind::KpiAttainment,
        format!("{}, attainment", k.name),
        None,
        o.attainment.as_ref().map(attainment),
        k.attainment.as_ref().map(attainment),
    );
    let pooled = |f: &KpiFigures| {
        f.pooled.map(|p| {
            format!(
                "{} ({} of {})",
                value(p.value, &f.unit),
                crate::format::grouped(p.good as f64),
                crate::format::grouped(p.total as f64)
            )
        })
    };
    m.push(
        FigureKind::KpiPooled,
        format!("{}, pooled 12 months", k.name),
        None,
        pooled(o),
        pooled(k),
    );
    let trend = |f: &KpiFigures| f.trend.as_ref().map(|t| t.direction.label().to_string());
    m.push(
        FigureKind::KpiTrend,
        format!("{}, trend", k.name),
        None,
        trend(o),
        trend(k),
    );
    m.push(
        FigureKind::KpiScore,
        format!("{}, score", k.name),
        None,
        o.score.map(|s| score(Some(s))),
        k.score.map(|s| score(Some(s))),
    );
}

/// A month of a KPI as the page shows it: `41% red`, `72% excused`, `not
/// reported`.
fn point(p: &KpiPoint, unit: &str) -> Option<String> {
    let v = p.value.map(|v| value(v, unit));
    let judged = match &p.judgement {
        Judgement::Judged(rag) => rag.as_str().to_string(),
        Judgement::NotReported => return v.map(|v| format!("{v} not judged")),
        Judgement::Baselining => "baselining".into(),
        Judgement::LowVolume => "low volume".into(),
        Judgement::Excused { .. } => "excused".into(),
    };
    let text = match v {
        Some(v) => format!("{v} {judged}"),
        None => judged,
    };
    Some(if p.in_progress {
        format!("{text} (in progress)")
    } else {
        text
    })
}

fn breaches(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    let name = |id: &str| {
        h.kpis
            .iter()
            .chain(&b.kpis)
            .find(|k| k.id == id)
            .map_or((id.to_string(), String::new()), |k| {
                (k.name.clone(), k.unit.clone())
            })
    };
    let mut keys: Vec<(&str, Month)> = b
        .sla_breaches
        .iter()
        .chain(&h.sla_breaches)
        .map(|x| (x.kpi.as_str(), x.month))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    for (id, month) in keys {
        let (kpi, unit) = name(id);
        let find = |f: &'_ EngagementFigures| -> Option<crate::export::Breach> {
            f.sla_breaches
                .iter()
                .find(|x| x.kpi == id && x.month == month)
                .cloned()
        };
        let text = |f: &EngagementFigures| {
            find(f).map(|x| format!("{} ({})", value(x.value, &unit), x.status.as_str()))
        };
        let subject = format!("{kpi}, {month}");
        if find(b).is_some() != find(h).is_some() {
            m.push(FigureKind::Breach, &subject, Some(month), text(b), text(h));
        }
        let default = |f: &EngagementFigures| {
            find(f)
                .filter(|x| x.default)
                .map(|_| "below the minimum".to_string())
        };
        m.push(
            FigureKind::Default,
            &subject,
            Some(month),
            default(b),
            default(h),
        );
    }
}

fn credits(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    match (&b.at_risk_credits, &h.at_risk_credits) {
        (None, None) => {}
        (o, n) if o.is_some() != n.is_some() => m.push(
            FigureKind::CreditsAccrued,
            "At-risk credit regime",
            None,
            o.as_ref().map(|_| "in the contract".to_string()),
            n.as_ref().map(|_| "in the contract".to_string()),
        ),
        (Some(o), Some(n)) => {
            let cur = |c: &Option<String>| c.clone().unwrap_or_default();
            let (co, cn) = (cur(&o.currency), cur(&n.currency));
            let mut months: Vec<Month> =
                o.months.iter().chain(&n.months).map(|x| x.month).collect();
            months.sort_unstable();
            months.dedup();
            type Pick = fn(&crate::analyse::at_risk::CreditMonth) -> f64;
            let parts: [(FigureKind, &str, Pick); 4] = [
                (FigureKind::CreditsAccrued, "accrued", |x| x.accrued),
                (FigureKind::CreditsPayable, "payable", |x| x.payable),
                (FigureKind::CreditsPending, "pending earn-back", |x| {
                    x.pending
                }),
                (FigureKind::CreditsEarnedBack, "earned back", |x| {
                    x.earned_back
                }),
            ];
            for (kind, what, pick) in parts {
                for &month in &months {
                    let at = |c: &crate::analyse::at_risk::AtRiskCredits, cur: &str| {
                        let amount = c.months.iter().find(|x| x.month == month).map_or(0.0, pick);
                        money(amount, cur)
                    };
                    m.push(
                        kind,
                        format!("Credit {what}, {month}"),
                        Some(month),
                        Some(at(o, &co)),
                        Some(at(n, &cn)),
                    );
                }
            }
            let totals: [(FigureKind, &str, f64, f64); 4] = [
                (FigureKind::CreditsAccrued, "accrued", o.accrued, n.accrued),
                (FigureKind::CreditsPayable, "payable", o.payable, n.payable),
                (
                    FigureKind::CreditsPending,
                    "pending earn-back",
                    o.pending,
                    n.pending,
                ),
                (
                    FigureKind::CreditsEarnedBack,
                    "earned back",
                    o.earned_back,
                    n.earned_back,
                ),
            ];
            for (kind, what, x, y) in totals {
                m.push(
                    kind,
                    format!("Credits {what}, last 12 months"),
                    None,
                    Some(money(x, &co)),
                    Some(money(y, &cn)),
                );
            }
        }
        _ => {}
    }
    match (&b.credits, &h.credits) {
        (None, None) => {}
        (o, n) => {
            let pct = |c: &Option<crate::export::CreditFigures>| {
                c.as_ref()
                    .map(|c| format!("{}% of the monthly fee", number(c.total_pct, 2)))
            };
            m.push(
                FigureKind::ServiceCredits,
                "Service credits, last 12 months",
                None,
                pct(o),
                pct(n),
            );
            if let (Some(o), Some(n)) = (o, n) {
                let mut months: Vec<Month> =
                    o.months.iter().chain(&n.months).map(|x| x.month).collect();
                months.sort_unstable();
                months.dedup();
                for month in months {
                    let at = |c: &crate::export::CreditFigures| {
                        let x = c.months.iter().find(|x| x.month == month);
                        format!("{}%", number(x.map_or(0.0, |x| x.pct), 2))
                    };
                    m.push(
                        FigureKind::ServiceCredits,
                        format!("Service credit, {month}"),
                        Some(month),
                        Some(at(o)),
                        Some(at(n)),
                    );
                }
            }
        }
    }
}

fn chronic(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    let state = |f: &EngagementFigures, id: &str| {
        f.chronic.iter().find(|c| c.kpi == id).map(|c| {
            if c.failed {
                format!("chronic failure ({} defaults)", c.defaults.len())
            } else {
                let before = c
                    .one_more_before
                    .map_or(String::new(), |m| format!(" before {m}"));
                format!("one more default{before} gives a termination right")
            }
        })
    };
    let mut ids: Vec<(&str, &str)> = b
        .chronic
        .iter()
        .chain(&h.chronic)
        .map(|c| (c.kpi.as_str(), c.name.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup_by_key(|(id, _)| *id);
    for (id, name) in ids {
        let subject = format!("Chronic failure, {name}");
        m.push(
            FigureKind::Chronic,
            subject,
            None,
            state(b, id),
            state(h, id),
        );
    }
}

fn others(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    let risks = |f: &EngagementFigures| {
        format!(
            "exposure {}, {} open, {} overdue",
            f.risks.exposure, f.risks.open, f.risks.overdue
        )
    };
    m.push(
        FigureKind::Risks,
        "Risks",
        None,
        Some(risks(b)),
        Some(risks(h)),
    );
    let goals = |f: &EngagementFigures| {
        f.goals.mutual_share.map(|s| {
            format!(
                "{} of {} mutual goals on track ({}), {} overdue",
                f.goals.mutual_on_track,
                f.goals.mutual,
                percent(s),
                f.goals.overdue.len()
            )
        })
    };
    m.push(FigureKind::Goals, "Goals", None, goals(b), goals(h));
    let actions = |f: &EngagementFigures| {
        format!(
            "{} open, {} overdue, {} closed in 90 days",
            f.actions.open, f.actions.overdue, f.actions.closed_recently
        )
    };
    m.push(
        FigureKind::Actions,
        "Actions",
        None,
        Some(actions(b)),
        Some(actions(h)),
    );
}

/// Flags raised and cleared; a flag about the same thing that is reworded
/// (a count in its title moved) is one change.
fn flags(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    let text = |f: &crate::analyse::flags::Flag| format!("{} ({})", f.title, f.severity.as_str());
    let same = |x: &crate::analyse::flags::Flag, y: &crate::analyse::flags::Flag| {
        x.kind == y.kind && x.title == y.title && x.severity == y.severity
    };
    let gone: Vec<_> = b
        .flags
        .iter()
        .filter(|x| !h.flags.iter().any(|y| same(x, y)))
        .collect();
    let new: Vec<_> = h
        .flags
        .iter()
        .filter(|y| !b.flags.iter().any(|x| same(x, y)))
        .collect();
    let mut paired = vec![false; new.len()];
    for x in &gone {
        let key = |f: &crate::analyse::flags::Flag| (f.kind, f.subject.clone());
        let unique = |list: &[&crate::analyse::flags::Flag]| {
            list.iter().filter(|f| key(f) == key(x)).count() == 1
        };
        let partner = new
            .iter()
            .position(|y| key(y) == key(x))
            .filter(|_| unique(&gone) && unique(&new));
        match partner {
            Some(i) => {
                paired[i] = true;
                m.push(
                    FigureKind::Flag,
                    kind_name(x),
                    None,
                    Some(text(x)),
                    Some(text(new[i])),
                );
            }
            None => m.push(FigureKind::Flag, kind_name(x), None, Some(text(x)), None),
        }
    }
    for (y, _) in new.iter().zip(&paired).filter(|(_, p)| !**p) {
        m.push(FigureKind::Flag, kind_name(y), None, None, Some(text(y)));
    }
}

fn kind_name(f: &crate::analyse::flags::Flag) -> String {
    serde_json::to_value(f.kind)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace(['_', '-'], " ")))
        .unwrap_or_default()
}

fn health(e: &EngagementFigures) -> String {
    match e.health.rounded {
        Some(h) => format!("{h} ({})", band(e.health.band)),
        None => "no data".to_string(),
    }
}

fn band(rag: Rag) -> &'static str {
    rag.as_str()
}

fn score(s: Option<f64>) -> String {
    s.map_or("no data".to_string(), |s| number(s.round(), 0))
}

fn attainment(a: &crate::analyse::kpi::Attainment) -> String {
    format!("{} ({} of {} months)", percent(a.ratio), a.met, a.reported)
}

/// Each escalation's level, state and time box, and each breach's root
/// cause, as the page words them (docs/export.md, "diff").
fn governance(m: &mut Moves, b: &EngagementFigures, h: &EngagementFigures) {
    use crate::analyse::escalations::{Escalation, level_words};
    use crate::analyse::root_causes::{RcaState, RootCause};
    let escalation = |x: &Escalation| {
        let mut text = format!("{}, {}", level_words(x), x.state.as_str());
        if let Some(ended) = x.ended {
            text.push_str(&format!(" on {ended}"));
        }
        if let Some(next) = &x.next {
            text.push_str(&format!(", past its time box: {}", next.words()));
        }
        text
    };
    let mut slugs: Vec<(&str, &str)> = b
        .escalations
        .items
        .iter()
        .chain(&h.escalations.items)
        .map(|x| (x.slug.as_str(), x.title.as_str()))
        .collect();
    slugs.sort_unstable();
    slugs.dedup_by_key(|(slug, _)| *slug);
    let find = |f: &EngagementFigures, slug: &str| {
        f.escalations
            .items
            .iter()
            .find(|x| x.slug == slug)
            .map(escalation)
    };
    for (slug, title) in slugs {
        m.push(
            FigureKind::Escalation,
            format!("Escalation “{title}”"),
            None,
            find(b, slug),
            find(h, slug),
        );
    }
    let cause = |r: &RootCause| match (r.state, &r.note, r.due) {
        (RcaState::Written, Some(n), _) => format!("written: {}", n.title),
        (RcaState::WrittenLate, Some(n), _) => format!("written late, on {}: {}", n.date, n.title),
        (RcaState::Due, _, Some(due)) => format!("due {due}"),
        (RcaState::Missing, _, Some(due)) => format!("no root cause (due {due})"),
        _ => "not tracked".to_string(),
    };
    let mut keys: Vec<(&str, Month, &str)> = b
        .root_causes
        .breaches
        .iter()
        .chain(&h.root_causes.breaches)
        .map(|r| (r.kpi.as_str(), r.month, r.kpi_name.as_str()))
        .collect();
    keys.sort_unstable();
    keys.dedup_by_key(|(kpi, month, _)| (*kpi, *month));
    let find = |f: &EngagementFigures, kpi: &str, month: Month| {
        f.root_causes
            .breaches
            .iter()
            .find(|r| r.kpi == kpi && r.month == month && r.state != RcaState::NotTracked)
            .map(cause)
    };
    for (kpi, month, name) in keys {
        m.push(
            FigureKind::RootCause,
            format!("Root cause, {name}, {month}"),
            Some(month),
            find(b, kpi, month),
            find(h, kpi, month),
        );
    }
}
