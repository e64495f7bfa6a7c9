//! Validate: checks across the loaded model that serde alone cannot make —
//! ranges, references, duplicate ids, links between notes.
//!
//! Each finding names the YAML path of the offending value (`kpis.2.id`);
//! `locate` turns it into a line and column through the source's `Spans`.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::{self, Source, Sources};
use crate::model::{Direction, Engagement, EngagementRecord, Period, Portfolio};
use crate::notelinks::{self, Dest, LinkTarget};
use crate::yaml::{Spans, closest, shorten};

mod contracts;
mod governance;
mod obligations;
pub(crate) mod ranges;
mod sign_off;
mod survey;

/// A problem at a YAML path of a file, before it is given a position.
#[derive(Debug, Clone, PartialEq)]
struct Finding {
    severity: Severity,
    file: PathBuf,
    path: String,
    /// For problems in a note's body: the exact 1-based line and column.
    at: Option<(usize, usize)>,
    message: String,
}

impl Finding {
    /// An error at `path` of `file`.
    fn error(file: &Path, path: String, message: String) -> Finding {
        Finding {
            severity: Severity::Error,
            file: file.to_path_buf(),
            path,
            at: None,
            message,
        }
    }

    /// A finding at `path` of a period, wherever it is written (its own
    /// file, or inline in engagement.yaml under its prefix).
    fn in_period(p: &Period, severity: Severity, path: &str, message: String) -> Finding {
        Finding {
            severity,
            file: p.source.clone(),
            path: format!("{}{path}", p.yaml_prefix),
            at: None,
            message,
        }
    }
}

/// Checks the whole portfolio; returns the diagnostics with their positions.
pub fn validate(portfolio: &Portfolio, sources: &Sources) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let notes: BTreeSet<(String, String)> = portfolio
        .engagements
        .iter()
        .flat_map(|e| e.notes.iter().map(|n| (e.id.clone(), n.slug.clone())))
        .collect();
    let ids: BTreeSet<&str> = portfolio
        .engagements
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    for e in &portfolio.engagements {
        findings.extend(engagement_findings(e, &notes, &ids));
    }
    ranges::config(&portfolio.config, &mut findings);
    locate(findings, sources)
}

/// Checks one engagement of a portfolio whose notes are `notes` (engagement
/// id, slug) and whose engagement ids are `ids`: what `validate` finds in
/// it. `sources` must hold the engagement's files.
pub fn validate_engagement(
    e: &Engagement,
    notes: &BTreeSet<(String, String)>,
    ids: &BTreeSet<&str>,
    sources: &Sources,
) -> Vec<Diagnostic> {
    locate(engagement_findings(e, notes, ids), sources)
}

fn engagement_findings(
    e: &Engagement,
    notes: &BTreeSet<(String, String)>,
    ids: &BTreeSet<&str>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_engagement(e, &mut findings);
    contracts::record(e, &mut findings);
    ranges::engagement(e, &mut findings);
    sign_off::record(e, &mut findings);
    obligations::record(e, &mut findings);
    for n in &e.notes {
        obligations::note(e, n, &mut findings);
    }
    governance::record(e, &mut findings);
    governance::notes(e, &mut findings);
    for p in &e.periods {
        check_period(e, p, &mut findings);
        contracts::period(e, p, &mut findings);
        sign_off::period(e, p, &mut findings);
    }
    check_links(e, notes, ids, &mut findings);
    findings
}

fn check_engagement(e: &Engagement, out: &mut Vec<Finding>) {
    let file = &e.source;
    let r = &e.record;
    let mut push = |severity, path: String, message: String| {
        out.push(Finding {
            severity,
            file: file.clone(),
            path,
            at: None,
            message,
        })
    };
    if r.kpis.is_empty() {
        push(
            Severity::Warning,
            "kpis".into(),
            "the engagement has no KPIs: add `kpis:` with at least one target, or the \
             scorecard stays empty"
                .into(),
        );
    }
    let id_lists: [(&str, Vec<&str>); 4] = [
        ("kpis", r.kpis.iter().map(|k| k.id.as_str()).collect()),
        ("goals", r.goals.iter().map(|g| g.id.as_str()).collect()),
        ("risks", r.risks.iter().map(|x| x.id.as_str()).collect()),
        (
            "obligations",
            r.obligations.iter().map(|x| x.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in id_lists {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if !load::is_slug(id) {
                push(
                    Severity::Error,
                    format!("{list}.{i}.id"),
                    format!(
                        "`{}` is not a valid id: use lowercase letters, digits and dashes",
                        shorten(id, 60)
                    ),
                );
            }
            if let Some(first) = seen.insert(id, i) {
                push(
                    Severity::Error,
                    format!("{list}.{i}.id"),
                    format!(
                        "id `{}` is used twice in {list} (also item {}): give each its own id",
                        shorten(id, 60),
                        first + 1
                    ),
                );
            }
        }
    }
    for (i, k) in r.kpis.iter().enumerate() {
        if let Some(warn) = k.warn {
            let wrong_side = match k.direction {
                Direction::Higher => warn > k.target,
                Direction::Lower => warn < k.target,
            };
            if wrong_side {
                let side = if k.direction == Direction::Higher {
                    "below"
                } else {
                    "above"
                };
                push(
                    Severity::Error,
                    format!("kpis.{i}.warn"),
                    format!(
                        "warn {} is on the wrong side of target {}: for `direction: {}` it \
                         must be {side} the target",
                        ranges::show(warn),
                        ranges::show(k.target),
                        if k.direction == Direction::Higher {
                            "higher"
                        } else {
                            "lower"
                        }
                    ),
                );
            }
        }
        for (field, v) in [("target", Some(k.target)), ("warn", k.warn)] {
            if v.is_some_and(|v| !v.is_finite()) {
                push(
                    Severity::Error,
                    format!("kpis.{i}.{field}"),
                    format!("{field} must be a finite number, not .nan or .inf"),
                );
            }
        }
        if k.weight < 0.0 || !k.weight.is_finite() {
            push(
                Severity::Error,
                format!("kpis.{i}.weight"),
                "weight must be zero or more".into(),
            );
        }
    }
    for (i, risk) in r.risks.iter().enumerate() {
        for (field, v) in [("likelihood", risk.likelihood), ("impact", risk.impact)] {
            if !(1..=5).contains(&v) {
                push(
                    Severity::Error,
                    format!("risks.{i}.{field}"),
                    format!("{field} is {v}: use a whole number from 1 to 5"),
                );
            }
        }
    }
    if let Some(c) = &r.capacity {
        let v = c.hours_per_month;
        if !(v > 0.0 && v.is_finite()) {
            push(
                Severity::Error,
                "capacity.hours_per_month".into(),
                format!(
                    "capacity must be more than 0 hours a month (found {v}): write the \
                     contracted hours per month"
                ),
            );
        }
    }
    if let Some(c) = &r.contract {
        if c.renewal_notice_days.is_some_and(|d| d < 0) {
            push(
                Severity::Error,
                "contract.renewal_notice_days".into(),
                "renewal_notice_days must be zero or more".into(),
            );
        }
        if let Some(sc) = &c.service_credits {
            for (field, v) in [
                ("per_breach_pct", sc.per_breach_pct),
                ("cap_pct", sc.cap_pct),
            ] {
                if !(0.0..=100.0).contains(&v) {
                    push(
                        Severity::Error,
                        format!("contract.service_credits.{field}"),
                        format!("{field} is {v}: use a percentage from 0 to 100"),
                    );
                }
            }
        }
        if c.monthly_fee.is_some_and(|f| f < 0.0) {
            push(
                Severity::Error,
                "contract.monthly_fee".into(),
                "monthly_fee must be zero or more".into(),
            );
        }
    }
}

fn check_period(e: &Engagement, p: &Period, out: &mut Vec<Finding>) {
    let mut push = |path: String, message: String| {
        out.push(Finding {
            severity: Severity::Error,
            file: p.source.clone(),
            path: format!("{}{path}", p.yaml_prefix),
            at: None,
            message,
        })
    };
    for (id, value) in &p.kpis {
        if value.number().is_some_and(|v| !v.is_finite()) {
            push(
                format!("kpis.{id}"),
                format!(
                    "KPI `{}` must be a finite number: write the value, or null if not reported",
                    shorten(id, 60)
                ),
            );
        }
        if e.kpi(id).is_none() {
            let known: Vec<&str> = e.record.kpis.iter().map(|k| k.id.as_str()).collect();
            let hint = closest(id, &known)
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            push(
                format!("kpis.{id}"),
                format!(
                    "KPI `{}` is not defined in {}: {hint}the KPIs are: {}",
                    shorten(id, 60),
                    e.source.display(),
                    known.join(", ")
                ),
            );
        }
    }
    if let Some(h) = &p.hours {
        for (field, v) in [
            ("worked", h.worked),
            ("overtime_requested", h.overtime_requested),
        ] {
            if v.is_some_and(|v| !(v >= 0.0 && v.is_finite())) {
                push(
                    format!("hours.{field}"),
                    format!(
                        "{field} hours cannot be negative (found {}): write 0 or more",
                        v.unwrap_or_default()
                    ),
                );
            }
        }
    }
    survey::period(p, out);
}

/// Relative links from notes to `.md` notes and engagement folders must
/// resolve; a link or image with a scheme that is never published is a
/// warning (the render shows its text only); an image must be one the site
/// holds, and rapporteur publishes no file from `content/`, so a relative
/// image is broken like a broken link (docs/check.md, "Links and images").
fn check_links(
    e: &Engagement,
    notes: &BTreeSet<(String, String)>,
    engagements: &BTreeSet<&str>,
    out: &mut Vec<Finding>,
) {
    for note in &e.notes {
        for link in &note.links {
            let dest_url = &link.dest;
            let what = if link.image { "image" } else { "link" };
            let problem = match notelinks::scheme(dest_url) {
                Dest::External => None,
                Dest::Forbidden(scheme) if scheme == notelinks::PROTOCOL_RELATIVE => Some((
                    Severity::Warning,
                    format!(
                        "{what} `{}` leaves the site without a scheme (`//host`, a file \
                         share when the site is opened from disk), which is never published: \
                         the {what}'s text is shown without it; use an http, https or mailto \
                         address (`https://host/...`)",
                        shorten(dest_url, 80),
                    ),
                )),
                Dest::Forbidden(scheme) => Some((
                    Severity::Warning,
                    format!(
                        "{what} `{}` uses the `{}:` scheme, which is never published: the \
                         {what}'s text is shown without it; use an http, https or mailto \
                         address, or a relative link to a note",
                        shorten(dest_url, 80),
                        shorten(&scheme, 20)
                    ),
                )),
                Dest::Relative if link.image => Some((
                    Severity::Error,
                    format!(
                        "image `{}` is not in the site: rapporteur publishes no file from \
                         content/, so the image would be broken; put it on a web server and \
                         write its https:// address, or remove it",
                        shorten(dest_url, 80)
                    ),
                )),
                Dest::Relative => broken(e, dest_url, notes, engagements).then(|| {
                    (
                        Severity::Error,
                        format!(
                            "broken link `{}`: no such note or engagement; link to a note \
                             by its file name (e.g. `2026-03-04-weekly.md`)",
                            shorten(dest_url, 80)
                        ),
                    )
                }),
            };
            if let Some((severity, message)) = problem {
                let before = &note.body[..link.offset];
                let line = note.body_line + before.matches('\n').count();
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                out.push(Finding {
                    severity,
                    file: note.source.clone(),
                    path: String::new(),
                    at: Some((line, column)),
                    message,
                });
            }
        }
    }
}

/// Whether a relative link of a note of `e` points at no note or engagement.
fn broken(
    e: &Engagement,
    dest_url: &str,
    notes: &BTreeSet<(String, String)>,
    engagements: &BTreeSet<&str>,
) -> bool {
    let Some((target, _)) = notelinks::resolve(&e.id, dest_url) else {
        return false;
    };
    match &target {
        LinkTarget::Note { engagement, slug } => {
            !notes.contains(&(engagement.clone(), slug.clone()))
        }
        LinkTarget::Engagement(id) => !engagements.contains(id.as_str()),
        LinkTarget::Elsewhere => true,
    }
}

/// Gives each finding a line and column from its file's spans.
fn locate(findings: Vec<Finding>, sources: &Sources) -> Vec<Diagnostic> {
    let mut spans: HashMap<PathBuf, Spans> = HashMap::new();
    findings
        .into_iter()
        .map(|f| {
            let d = Diagnostic {
                severity: f.severity,
                ..Diagnostic::error(&f.file, f.message)
            };
            let Some(source) = sources.get(&f.file) else {
                let (line, column) = f.at.unwrap_or((1, 1));
                return Diagnostic { line, column, ..d };
            };
            if let Some((line, column)) = f.at {
                return d.at(&source.text, line, column);
            }
            let index = spans
                .entry(f.file.clone())
                .or_insert_with(|| Spans::index(source.yaml()));
            // A path ending in `=` points at the value itself (ranges.rs).
            let (path, value) = match f.path.strip_suffix('=') {
                Some(path) => (path, index.value(path)),
                None => (f.path.as_str(), None),
            };
            let (line, column) = value
                .or_else(|| index.key(path))
                .unwrap_or_else(|| index.nearest(path));
            d.at(&source.text, line + source.yaml_first_line - 1, column)
        })
        .collect()
}

/// The sources of a check of one file alone: all of `text` is YAML.
fn one_file(rel: &Path, text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.insert(
        rel.to_path_buf(),
        Source {
            text: text.to_string(),
            yaml_range: 0..text.len(),
            yaml_first_line: 1,
        },
    );
    sources
}

/// Validates one engagement record on its own, with its inline periods and
/// no files around it: what the fuzz targets and unit tests call.
pub fn validate_record(rel: &Path, text: &str, mut record: EngagementRecord) -> Vec<Diagnostic> {
    let periods = std::mem::take(&mut record.periods)
        .into_iter()
        .enumerate()
        .map(|(i, mut p)| {
            p.source = rel.to_path_buf();
            p.yaml_prefix = format!("periods.{i}.");
            p
        })
        .collect();
    let engagement = Engagement {
        id: "engagement".into(),
        record,
        periods,
        notes: Vec::new(),
        source: rel.to_path_buf(),
    };
    let portfolio = Portfolio {
        config: crate::config::Config::default(),
        engagements: vec![engagement],
    };
    let sources = one_file(rel, text);
    validate(&portfolio, &sources)
}

/// Validates one period file on its own, in an engagement whose KPIs are
/// `kpis` (ids): what the period fuzz target calls, so the checks of a
/// period's values, sign-off and disputes run on every input. Only the
/// period's own diagnostics are returned.
pub fn validate_period(
    rel: &Path,
    text: &str,
    mut period: Period,
    kpis: &[&str],
) -> Vec<Diagnostic> {
    period.source = rel.to_path_buf();
    period.yaml_prefix = String::new();
    let record = EngagementRecord {
        name: "engagement".into(),
        client: crate::model::Party {
            name: "client".into(),
            owner: None,
        },
        provider: crate::model::Party {
            name: "provider".into(),
            owner: None,
        },
        services: Vec::new(),
        phase: crate::model::Phase::Steady,
        start: None,
        contract: None,
        cadence: None,
        capacity: None,
        escalation: Vec::new(),
        kpis: kpis
            .iter()
            .map(|id| crate::model::Kpi {
                id: id.to_string(),
                name: id.to_string(),
                unit: String::new(),
                direction: Direction::Higher,
                target: 1.0,
                warn: None,
                sla: true,
                weight: 1.0,
                owner: crate::model::Side::Provider,
                minimum: None,
                credit_allocation_pct: None,
                in_force_from: None,
                measure: crate::model::Measure::Value,
                min_volume: None,
                terms: Vec::new(),
            })
            .collect(),
        goals: Vec::new(),
        expectations: Vec::new(),
        risks: Vec::new(),
        milestones: Vec::new(),
        obligations: Vec::new(),
        periods: Vec::new(),
        audience: None,
        extra: Default::default(),
    };
    let engagement = Engagement {
        id: "engagement".into(),
        record,
        periods: vec![period],
        notes: Vec::new(),
        source: PathBuf::from("engagement.yaml"),
    };
    let sources = one_file(rel, text);
    let notes = BTreeSet::new();
    let ids = BTreeSet::from(["engagement"]);
    validate_engagement(&engagement, &notes, &ids, &sources)
        .into_iter()
        .filter(|d| d.file == rel)
        .collect()
}
