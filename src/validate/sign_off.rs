//! Checks of a period's `sign_off` and `dispute` (docs/check.md, "Sign-off
//! and disputes"): who signed, on a day not before the month ends, and a
//! dispute naming the engagement's KPIs with a reason. The side names are
//! the keys of `SignOff` and the values of `Side`, which the parser holds.

use chrono::NaiveDate;

use super::Finding;
use super::ranges::{MAX_DAYS, YEARS_TEXT, year_in_range};
use crate::diagnostic::Severity;
use crate::model::{Engagement, Period, Side};
use crate::names::name_of;
use crate::yaml::{closest, shorten};

fn error(p: &Period, path: String, message: String) -> Finding {
    Finding::in_period(p, Severity::Error, &path, message)
}

/// `contract.sign_off_days` within a century, as notice periods are.
pub(super) fn record(e: &Engagement, out: &mut Vec<Finding>) {
    let days = e.record.contract.as_ref().and_then(|c| c.sign_off_days);
    if let Some(days) = days.filter(|d| i64::from(*d) > MAX_DAYS) {
        out.push(Finding {
            severity: Severity::Error,
            file: e.source.clone(),
            path: "contract.sign_off_days=".into(),
            at: None,
            message: format!(
                "sign_off_days is {days}: use a number of days from 0 to {MAX_DAYS}, e.g. 10"
            ),
        });
    }
}

/// A date of the period's sign-off or dispute at `path`, `what` in words.
fn date(p: &Period, path: String, what: &str, date: NaiveDate, out: &mut Vec<Finding>) {
    let end = p.period.last_day();
    if !year_in_range(date) {
        out.push(error(
            p,
            path,
            format!("{what} {date} is outside {YEARS_TEXT}: check the year"),
        ));
    } else if date < end {
        out.push(error(
            p,
            path,
            format!(
                "{what} {date} is before {} ends ({end}): the figures of a month can be \
                 agreed or disputed only once it is over; write the day it was given",
                p.period
            ),
        ));
    }
}

pub(super) fn period(e: &Engagement, p: &Period, out: &mut Vec<Finding>) {
    if let Some(s) = &p.sign_off {
        for side in [Side::Provider, Side::Client] {
            let Some(sig) = s.of(side) else { continue };
            let key = name_of(&side);
            if sig.by.trim().is_empty() {
                let party = match side {
                    Side::Provider => &e.record.provider,
                    Side::Client => &e.record.client,
                };
                let who = party.owner.as_deref().unwrap_or(party.name.as_str());
                out.push(error(
                    p,
                    format!("sign_off.{key}.by="),
                    format!(
                        "the {key}'s sign-off names no one: write who signed the month off, \
                         e.g. `{key}: {{ by: {}, date: {} }}`",
                        shorten(who, 60),
                        p.period.plus(1).first_day()
                    ),
                ));
            }
            date(
                p,
                format!("sign_off.{key}.date="),
                &format!("the {key}'s sign-off date"),
                sig.date,
                out,
            );
        }
    }
    let known: Vec<&str> = e.record.kpis.iter().map(|k| k.id.as_str()).collect();
    for (i, d) in p.dispute.iter().enumerate() {
        date(
            p,
            format!("dispute.{i}.date="),
            "the dispute's date",
            d.date,
            out,
        );
        for (j, kpi) in d.kpis.iter().enumerate() {
            if e.kpi(kpi).is_some() {
                continue;
            }
            let hint = closest(kpi, &known)
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            out.push(error(
                p,
                format!("dispute.{i}.kpis.{j}="),
                format!(
                    "disputed KPI `{}` is not defined in {}: {hint}the KPIs are: {}",
                    shorten(kpi, 60),
                    e.source.display(),
                    known.join(", ")
                ),
            ));
        }
        if d.reason.trim().is_empty() {
            let path = if d.reason.is_empty() {
                format!("dispute.{i}")
            } else {
                format!("dispute.{i}.reason")
            };
            out.push(error(
                p,
                path,
                format!(
                    "the {}'s dispute has no reason: write what is wrong with the figures, \
                     e.g. `reason: Queue 7 missing from the export`",
                    name_of(&d.by)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn said(periods: &str) -> Vec<(usize, String)> {
        let text = format!(
            "name: Acme\nclient: {{ name: A, owner: Dana Ruiz }}\nprovider: {{ name: B }}\n\
             phase: steady\ncontract: {{ sign_off_days: 40000 }}\n\
             kpis:\n  - {{ id: sl, name: SL, target: 80 }}\nperiods:\n{periods}"
        );
        let record = crate::yaml::from_str(&text).expect("a record");
        crate::validate::validate_record(Path::new("engagement.yaml"), &text, record)
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect()
    }

    #[test]
    fn a_month_may_be_signed_off_from_its_last_day_on() {
        let d = said(
            "  - period: 2026-10\n    sign_off:\n      \
             provider: { by: R, date: 2026-10-31 }\n      \
             client: { by: '  ', date: 2026-10-30 }\n    \
             dispute: [{ by: client, date: 2026-10-01, reason: early }]\n",
        );
        let lines: Vec<(usize, &str)> = d
            .iter()
            .map(|(l, m)| (*l, m.split(':').next().unwrap()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (5, "sign_off_days is 40000"),
                (12, "the client's sign-off names no one"),
                (
                    12,
                    "the client's sign-off date 2026-10-30 is before 2026-10 ends (2026-10-31)"
                ),
                (
                    13,
                    "the dispute's date 2026-10-01 is before 2026-10 ends (2026-10-31)"
                ),
            ],
            "{d:#?}"
        );
        assert!(
            d[1].1
                .contains("`client: { by: Dana Ruiz, date: 2026-11-01 }`")
        );
    }
}
