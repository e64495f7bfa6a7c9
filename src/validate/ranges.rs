//! Range checks: every number and date a user writes must lie in a sane
//! range. Past it the figures stop meaning anything (a weight of 1e308
//! makes health overflow, a capacity of 1e-320 makes overtime infinite,
//! two KPI values of ±9e307 make a chart's range infinite), so `check`
//! stops there with the value's position. The bounds are listed in
//! docs/check.md ("Ranges").

use chrono::{Datelike, NaiveDate};

use super::Finding;
use crate::components::ComponentKind;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::load::CONFIG_FILE;
use crate::model::{Engagement, Period};

/// The largest size of a KPI value, target or warn level, and of a fee.
pub(crate) const MAX_FIGURE: f64 = 1e15;
/// The largest weight (a KPI's, or a health component's).
pub(crate) const MAX_WEIGHT: f64 = 1e6;
/// Hours in a month: contracted, worked or requested as overtime.
pub(crate) const MIN_CAPACITY: f64 = 1.0;
pub(crate) const MAX_HOURS: f64 = 1e6;
/// The largest count of a counted KPI (`good`, `total`, `min_volume`).
pub(crate) const MAX_COUNT: i64 = 1_000_000_000_000_000;
/// The largest `pool_pct`: 100 times the at-risk amount.
pub(crate) const MAX_POOL_PCT: f64 = 10_000.0;
/// Months of `earn_back_months` and `chronic.months`: ten years.
pub(crate) const MAX_CONTRACT_MONTHS: u32 = 120;
/// Day counts (notice periods): a century.
pub(crate) const MAX_DAYS: i64 = 36_500;
/// Years of every date: in the content, `--as-of` and `SOURCE_DATE_EPOCH`.
pub(crate) const FIRST_YEAR: i32 = 1900;
pub(crate) const LAST_YEAR: i32 = 2200;
pub(crate) const YEARS_TEXT: &str = "the years 1900 to 2200";

pub(crate) fn year_in_range(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// A number as a person reads it: 1e-320 rather than 321 digits.
pub(crate) fn show(v: f64) -> String {
    if v == 0.0 || (1e-3..1e9).contains(&v.abs()) {
        v.to_string()
    } else {
        format!("{v:e}")
    }
}

/// The range findings of one engagement: its record, periods and notes.
pub(super) fn engagement(e: &Engagement, out: &mut Vec<Finding>) {
    let r = &e.record;
    let mut at = Pusher {
        file: &e.source,
        prefix: "",
        out,
    };
    for (i, k) in r.kpis.iter().enumerate() {
        at.figure(&format!("kpis.{i}.target"), "target", Some(k.target));
        at.figure(&format!("kpis.{i}.warn"), "warn", k.warn);
        at.weight(&format!("kpis.{i}.weight"), Some(k.weight));
        at.figure(&format!("kpis.{i}.minimum"), "minimum", k.minimum);
        at.pct(
            &format!("kpis.{i}.credit_allocation_pct"),
            "credit_allocation_pct",
            k.credit_allocation_pct,
            100.0,
        );
        at.month(
            &format!("kpis.{i}.in_force_from"),
            "in_force_from",
            k.in_force_from,
        );
        if let Some(v) = k.min_volume.filter(|v| *v > MAX_COUNT as u64) {
            at.push(
                format!("kpis.{i}.min_volume"),
                format!("min_volume {v} is too large: use a count from 0 to {MAX_COUNT:e}"),
            );
        }
        for (j, t) in k.terms.iter().enumerate() {
            let path = |field: &str| format!("kpis.{i}.terms.{j}.{field}");
            at.month(&path("from"), "term month", Some(t.from));
            at.figure(&path("target"), "target", t.target);
            at.figure(&path("warn"), "warn", t.warn);
            at.figure(&path("minimum"), "minimum", t.minimum);
            at.weight(&path("weight"), t.weight);
            at.pct(
                &path("credit_allocation_pct"),
                "credit_allocation_pct",
                t.credit_allocation_pct,
                100.0,
            );
        }
    }
    if let Some(c) = &r.capacity {
        let v = c.hours_per_month;
        // Zero, negative and non-finite capacities have their own message.
        if v > 0.0 && v.is_finite() && !(MIN_CAPACITY..=MAX_HOURS).contains(&v) {
            at.push(
                "capacity.hours_per_month".into(),
                format!(
                    "hours_per_month {} is out of range: write the contracted hours per month, \
                     from {MIN_CAPACITY} to {MAX_HOURS:e}",
                    show(v)
                ),
            );
        }
    }
    if let Some(c) = &r.contract {
        if let Some(fee) = c.monthly_fee.filter(|f| f.is_finite() && *f > MAX_FIGURE) {
            at.push(
                "contract.monthly_fee".into(),
                format!(
                    "monthly_fee {} is too large: use at most {MAX_FIGURE:e}",
                    show(fee)
                ),
            );
        }
        if c.monthly_fee.is_some_and(|f| !f.is_finite()) {
            at.push(
                "contract.monthly_fee".into(),
                "monthly_fee must be a finite number, not .nan or .inf".into(),
            );
        }
        if let Some(d) = c.renewal_notice_days.filter(|d| *d > MAX_DAYS) {
            at.push(
                "contract.renewal_notice_days".into(),
                format!("renewal_notice_days {d} is too long: use at most {MAX_DAYS} (a century)"),
            );
        }
        at.date("contract.end", "contract end", c.end);
        at.pct("contract.at_risk_pct", "at_risk_pct", c.at_risk_pct, 100.0);
        at.pct("contract.pool_pct", "pool_pct", c.pool_pct, MAX_POOL_PCT);
        let months = 1..=MAX_CONTRACT_MONTHS;
        if let Some(n) = c.earn_back_months.filter(|n| !months.contains(n)) {
            at.push(
                "contract.earn_back_months".into(),
                format!(
                    "earn_back_months is {n}: use a number of months from 1 to \
                     {MAX_CONTRACT_MONTHS}, or leave it out for no earn-back"
                ),
            );
        }
        if let Some(ch) = &c.chronic {
            if !months.contains(&ch.months) {
                at.push(
                    "contract.chronic.months".into(),
                    format!(
                        "chronic months is {}: use a number of months from 1 to \
                         {MAX_CONTRACT_MONTHS}",
                        ch.months
                    ),
                );
            } else if !(1..=ch.months).contains(&ch.defaults) {
                at.push(
                    "contract.chronic.defaults".into(),
                    format!(
                        "chronic defaults is {}: use a number of defaults from 1 to {} (the \
                         months it counts them in)",
                        ch.defaults, ch.months
                    ),
                );
            }
        }
    }
    at.date("start", "start", r.start);
    for (i, g) in r.goals.iter().enumerate() {
        at.date(&format!("goals.{i}.due"), "due date", g.due);
    }
    for (i, x) in r.risks.iter().enumerate() {
        at.date(&format!("risks.{i}.due"), "due date", x.due);
    }
    for (i, m) in r.milestones.iter().enumerate() {
        at.date(
            &format!("milestones.{i}.date"),
            "milestone date",
            Some(m.date),
        );
    }
    for p in &e.periods {
        period(p, at.out);
    }
    for n in &e.notes {
        Pusher {
            file: &n.source,
            prefix: "",
            out: at.out,
        }
        .date("date", "note date", Some(n.meta.date));
    }
}

fn period(p: &Period, out: &mut Vec<Finding>) {
    let mut at = Pusher {
        file: &p.source,
        prefix: &p.yaml_prefix,
        out,
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&p.period.year) {
        at.push(
            "period".into(),
            format!(
                "period {} is outside {YEARS_TEXT}: write the month as YYYY-MM",
                p.period
            ),
        );
    }
    for (id, value) in &p.kpis {
        at.figure(&format!("kpis.{id}"), "KPI value", value.number());
        if let Some(c) = value.counts() {
            for (field, v) in [("good", Some(c.good)), ("total", c.total)] {
                if let Some(v) = v.filter(|v| *v > MAX_COUNT) {
                    at.push(
                        format!("kpis.{id}.{field}"),
                        format!("count {field} {v} is too large: use at most {MAX_COUNT:e}"),
                    );
                }
            }
        }
    }
    if let Some(h) = &p.hours {
        for (field, v) in [
            ("worked", h.worked),
            ("overtime_requested", h.overtime_requested),
        ] {
            if let Some(v) = v.filter(|v| v.is_finite() && *v > MAX_HOURS) {
                at.push(
                    format!("hours.{field}"),
                    format!(
                        "{field} {} is too large: write the month's hours, at most {MAX_HOURS:e}",
                        show(v)
                    ),
                );
            }
        }
    }
}

/// The range findings of rapporteur.yaml.
pub(super) fn config(config: &Config, out: &mut Vec<Finding>) {
    let mut at = Pusher {
        file: std::path::Path::new(CONFIG_FILE),
        prefix: "",
        out,
    };
    let w = &config.weights;
    for kind in ComponentKind::ALL {
        let (name, v) = (kind.key(), kind.weight(w));
        if v.is_finite() && v > MAX_WEIGHT {
            at.push(
                format!("weights.{name}"),
                format!(
                    "weight {name} is {}: use a weight from 0 to {MAX_WEIGHT:e} (weights count \
                     relative to each other)",
                    show(v)
                ),
            );
        }
    }
    let t = &config.thresholds;
    for (name, v) in [
        ("overtime_flag", t.overtime_flag),
        ("perception_gap_flag", t.perception_gap_flag),
    ] {
        if !v.is_finite() || v > MAX_WEIGHT {
            at.push(
                format!("thresholds.{name}"),
                format!(
                    "{name} is {}: use a number from 0 to {MAX_WEIGHT:e}",
                    show(v)
                ),
            );
        }
    }
    if !(0..=MAX_DAYS).contains(&t.notice_warning_days) {
        at.push(
            "thresholds.notice_warning_days".into(),
            format!(
                "notice_warning_days is {}: use a number of days from 0 to {MAX_DAYS}",
                t.notice_warning_days
            ),
        );
    }
}

/// Pushes error findings into one file, under a YAML path prefix.
struct Pusher<'a> {
    file: &'a std::path::Path,
    prefix: &'a str,
    out: &'a mut Vec<Finding>,
}

impl Pusher<'_> {
    fn push(&mut self, path: String, message: String) {
        self.out.push(Finding {
            severity: Severity::Error,
            file: self.file.to_path_buf(),
            // At the value itself: that is what to change.
            path: format!("{}{path}=", self.prefix),
            at: None,
            message,
        });
    }

    /// A KPI figure: finite ones beyond ±`MAX_FIGURE` (non-finite ones have
    /// their own message).
    fn figure(&mut self, path: &str, what: &str, value: Option<f64>) {
        if let Some(v) = value.filter(|v| v.is_finite() && v.abs() > MAX_FIGURE) {
            self.push(
                path.into(),
                format!(
                    "{what} {} is out of range: use a number from -{MAX_FIGURE:e} to \
                     {MAX_FIGURE:e} (is the unit right?)",
                    show(v)
                ),
            );
        }
    }

    /// A weight: finite ones above `MAX_WEIGHT` (negative and non-finite
    /// ones have their own message).
    fn weight(&mut self, path: &str, weight: Option<f64>) {
        if let Some(w) = weight.filter(|w| w.is_finite() && *w > MAX_WEIGHT) {
            self.push(
                path.into(),
                format!(
                    "weight {} is too large: use a weight from 0 to {MAX_WEIGHT:e} (weights \
                     count relative to each other; 1 is the default)",
                    show(w)
                ),
            );
        }
    }

    /// A percentage from 0 to `max`.
    fn pct(&mut self, path: &str, what: &str, value: Option<f64>, max: f64) {
        if let Some(v) = value.filter(|v| !(0.0..=max).contains(v)) {
            self.push(
                path.into(),
                format!("{what} is {}: use a percentage from 0 to {max}", show(v)),
            );
        }
    }

    fn month(&mut self, path: &str, what: &str, month: Option<crate::model::Month>) {
        if let Some(m) = month.filter(|m| !(FIRST_YEAR..=LAST_YEAR).contains(&m.year)) {
            self.push(
                path.into(),
                format!("{what} {m} is outside {YEARS_TEXT}: check the year"),
            );
        }
    }

    fn date(&mut self, path: &str, what: &str, date: Option<NaiveDate>) {
        if let Some(d) = date.filter(|d| !year_in_range(*d)) {
            self.push(
                path.into(),
                format!("{what} {d} is outside {YEARS_TEXT}: check the year"),
            );
        }
    }
}
