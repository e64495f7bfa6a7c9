//! Sign-off: whether both sides have agreed each month's figures
//! (docs/metrics.md, "Sign-off and disputes"). A month is agreed, provisional
//! (a side has not signed it off) or disputed (a side's objection is open);
//! a side's sign-off missing `contract.sign_off_days` days after the month
//! ends, and every open dispute, is flagged. The flags' words are here too,
//! so the rule and its sentence stay together.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::flags::{Flag, FlagKind, Severity};
use super::window::{MonthWindow, SERIES_MONTHS};
use super::words;
use crate::model::{Engagement, Month, Period, Side};
use crate::text::{Arg, Text};

/// How far a month's figures are agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SignOffState {
    /// Both sides signed off and no objection is open.
    Agreed,
    /// A side has not signed off (yet).
    Provisional,
    /// A side's objection is open.
    Disputed,
}

impl SignOffState {
    /// The word pages and exports print.
    pub fn as_str(self) -> &'static str {
        match self {
            SignOffState::Agreed => "agreed",
            SignOffState::Provisional => "provisional",
            SignOffState::Disputed => "disputed",
        }
    }
}

/// An objection not settled by a later sign-off of its side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenDispute {
    pub by: Side,
    pub date: NaiveDate,
    /// The KPI ids it names; empty: every figure of the month.
    pub kpis: Vec<String>,
    pub reason: String,
}

/// One side's sign-off as counted at `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signed {
    pub by: String,
    pub date: NaiveDate,
}

/// The sign-off of one ended month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthSignOff {
    pub month: Month,
    pub state: SignOffState,
    pub provider: Option<Signed>,
    pub client: Option<Signed>,
    /// The last day on which a missing sign-off is not yet late: the
    /// month's last day plus `sign_off_days` (`None` without it).
    pub due: Option<NaiveDate>,
    /// The sides whose sign-off is missing after `due`, other than a side
    /// with an open dispute.
    pub late: Vec<Side>,
    pub disputes: Vec<OpenDispute>,
}

impl MonthSignOff {
    /// The state of one KPI's value: disputed when an open dispute names it
    /// (or names no KPI), else provisional while the month is not agreed.
    pub fn kpi_state(&self, kpi: &str) -> SignOffState {
        match self.state {
            SignOffState::Disputed
                if self
                    .disputes
                    .iter()
                    .any(|d| d.kpis.is_empty() || d.kpis.iter().any(|k| k == kpi)) =>
            {
                SignOffState::Disputed
            }
            SignOffState::Agreed => SignOffState::Agreed,
            _ => SignOffState::Provisional,
        }
    }
}

impl MonthSignOff {
    /// The sides that have not signed the month off.
    pub fn unsigned(&self) -> Vec<Side> {
        [
            (Side::Provider, &self.provider),
            (Side::Client, &self.client),
        ]
        .into_iter()
        .filter(|(_, s)| s.is_none())
        .map(|(side, _)| side)
        .collect()
    }

    /// What a page says beside `kpi`'s value of this month: "provisional:
    /// not signed off by the client", "disputed by the client: REASON";
    /// `None` when the value is agreed.
    pub fn kpi_words(&self, kpi: &str) -> Option<String> {
        self.kpi_text(kpi).map(|t| t.english())
    }

    /// [`MonthSignOff::kpi_words`] in the build's language.
    pub fn kpi_text(&self, kpi: &str) -> Option<Text> {
        match self.kpi_state(kpi) {
            SignOffState::Agreed => None,
            SignOffState::Disputed => {
                let why = self
                    .disputes
                    .iter()
                    .filter(|d| d.kpis.is_empty() || d.kpis.iter().any(|k| k == kpi))
                    .map(|d| {
                        Text::new("gov-sign-off-disputed-by")
                            .with("side", sign_off_side(d.by))
                            .with("reason", &d.reason)
                    });
                Some(joined_semicolon(why))
            }
            SignOffState::Provisional => Some(match self.unsigned().as_slice() {
                // Both signed, but another KPI's dispute holds the month open.
                [] => Text::new("gov-sign-off-provisional-disputed"),
                [side] => {
                    Text::new("gov-sign-off-provisional-by").with("side", sign_off_side(*side))
                }
                [first, second, ..] => Text::new("gov-sign-off-provisional-by-either")
                    .with("first", sign_off_side(*first))
                    .with("second", sign_off_side(*second)),
            }),
        }
    }
}

/// A side as the sign-off messages select their words by it.
fn sign_off_side(side: Side) -> &'static str {
    match side {
        Side::Client => "client",
        Side::Provider => "provider",
    }
}

/// `a; b; c`.
fn joined_semicolon(texts: impl Iterator<Item = Text>) -> Text {
    texts
        .reduce(|a, b| Text::new("gov-join-semicolon").with("a", a).with("b", b))
        .unwrap_or_else(|| Text::new("gov-plain").with("text", ""))
}

/// "figures of 2026-10 not agreed by the client", in the build's language.
pub fn not_agreed_text(month: Month, side: Side) -> Text {
    Text::new("gov-sign-off-not-agreed")
        .with("month", month.to_string())
        .with("month_named", month)
        .with("side", sign_off_side(side))
}

/// "figures of 2026-10 disputed by the client: Queue 7 missing", in the
/// build's language.
pub fn disputed_text(month: Month, d: &OpenDispute) -> Text {
    Text::new("gov-sign-off-disputed")
        .with("month", month.to_string())
        .with("month_named", month)
        .with("side", sign_off_side(d.by))
        .with("reason", &d.reason)
}

/// The sign-off of every ended month of an engagement that keeps sign-off.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct SignOffs {
    /// `contract.sign_off_days`, if the contract sets it.
    pub sign_off_days: Option<u32>,
    /// Months with a period, oldest first, up to the last ended month;
    /// empty for an engagement that does not keep sign-off.
    pub months: Vec<MonthSignOff>,
}

impl SignOffs {
    pub fn month(&self, month: Month) -> Option<&MonthSignOff> {
        self.months.iter().find(|m| m.month == month)
    }

    /// The state of `kpi`'s value in `month`; `None` where nothing is
    /// decided (the month in progress, or no sign-off kept).
    pub fn kpi_state(&self, month: Month, kpi: &str) -> Option<SignOffState> {
        self.month(month).map(|m| m.kpi_state(kpi))
    }

    /// The months not agreed, oldest first.
    pub fn unagreed(&self) -> impl Iterator<Item = &MonthSignOff> {
        self.months
            .iter()
            .filter(|m| m.state != SignOffState::Agreed)
    }
}

/// An engagement keeps sign-off when its contract sets `sign_off_days` or
/// any of its periods carries a `sign_off` or a `dispute`: otherwise no
/// month is marked (a portfolio that does not sign off is not provisional
/// everywhere).
pub fn keeps_sign_off(e: &Engagement) -> bool {
    e.record
        .contract
        .as_ref()
        .is_some_and(|c| c.sign_off_days.is_some())
        || e.periods
            .iter()
            .any(|p| p.sign_off.is_some() || !p.dispute.is_empty())
}

/// The sign-off of each month of `e` that ended before `as_of`. Sign-offs
/// and disputes dated after `as_of` have not happened yet.
pub fn analyse_sign_off(e: &Engagement, as_of: NaiveDate) -> SignOffs {
    let days = e.record.contract.as_ref().and_then(|c| c.sign_off_days);
    if !keeps_sign_off(e) {
        return SignOffs {
            sign_off_days: days,
            months: Vec::new(),
        };
    }
    let current = Month::of(as_of);
    let months = e
        .periods
        .iter()
        .filter(|p| p.period < current)
        .map(|p| month(p, days, as_of))
        .collect();
    SignOffs {
        sign_off_days: days,
        months,
    }
}

fn month(p: &Period, days: Option<u32>, as_of: NaiveDate) -> MonthSignOff {
    let signed = |side: Side| {
        p.sign_off
            .as_ref()
            .and_then(|s| s.of(side))
            .filter(|s| s.date <= as_of)
            .map(|s| Signed {
                by: s.by.clone(),
                date: s.date,
            })
    };
    let (provider, client) = (signed(Side::Provider), signed(Side::Client));
    let of = |side: Side| match side {
        Side::Provider => provider.as_ref(),
        Side::Client => client.as_ref(),
    };
    // Past any date (a huge `sign_off_days`), a sign-off is never late.
    let due = days.and_then(|d| {
        p.period
            .last_day()
            .checked_add_days(Days::new(u64::from(d)))
    });
    // "A later sign-off of that side settles it": a sign-off on the day of
    // the dispute does not.
    let disputes: Vec<OpenDispute> = p
        .dispute
        .iter()
        .filter(|d| d.date <= as_of)
        .filter(|d| of(d.by).is_none_or(|s| s.date <= d.date))
        .map(|d| OpenDispute {
            by: d.by,
            date: d.date,
            kpis: d.kpis.clone(),
            reason: d.reason.clone(),
        })
        .collect();
    // A side whose dispute is open has said why it does not agree: the
    // dispute's flag stands for it.
    let late: Vec<Side> = [Side::Provider, Side::Client]
        .into_iter()
        .filter(|&side| of(side).is_none() && due.is_some_and(|due| as_of > due))
        .filter(|&side| !disputes.iter().any(|d| d.by == side))
        .collect();
    let state = if !disputes.is_empty() {
        SignOffState::Disputed
    } else if provider.is_none() || client.is_none() {
        SignOffState::Provisional
    } else {
        SignOffState::Agreed
    };
    MonthSignOff {
        month: p.period,
        state,
        provider,
        client,
        due,
        late,
        disputes,
    }
}

/// "figures of 2026-10 not agreed by the client"
pub fn not_agreed_words(month: Month, side: Side) -> String {
    format!("figures of {month} not agreed by the {}", words::side(side))
}

/// "figures of 2026-10 disputed by the client: Queue 7 missing"
pub fn disputed_words(month: Month, d: &OpenDispute) -> String {
    format!(
        "figures of {month} disputed by the {}: {}",
        words::side(d.by),
        d.reason
    )
}

/// A side as a message selects its words by it: `client`, `provider`
/// (German declines them: `vom Kunden`).
fn side_key(side: Side) -> &'static str {
    match side {
        Side::Client => "client",
        Side::Provider => "provider",
    }
}

/// A flag for each side's sign-off late in a month of the chart series
/// (older months are history, not a task), and for each open dispute.
pub fn flags(e: &Engagement, s: &SignOffs, as_of: NaiveDate) -> Vec<Flag> {
    // KPIs by their names, as every other sentence names them.
    let name = |id: &String| {
        e.record
            .kpis
            .iter()
            .find(|k| &k.id == id)
            .map_or_else(|| id.clone(), |k| k.name.clone())
    };
    let series = MonthWindow::last_months(as_of, SERIES_MONTHS);
    let mut out = Vec::new();
    for m in &s.months {
        for d in &m.disputes {
            let kpis = if d.kpis.is_empty() {
                Text::new("flag-every-figure").into()
            } else {
                Arg::List(d.kpis.iter().map(|k| Arg::Plain(name(k))).collect())
            };
            out.push(Flag {
                kind: FlagKind::FiguresDisputed,
                severity: Severity::Warning,
                title: Text::new("flag-figures-disputed")
                    .with("month", m.month.to_string())
                    .with("side", side_key(d.by))
                    .with("reason", &d.reason),
                evidence: Text::new("flag-figures-disputed-evidence")
                    .with("kpis", kpis)
                    .with("date", d.date)
                    .with("side", side_key(d.by)),
                subject: (d.kpis.len() == 1).then(|| d.kpis[0].clone()),
            });
        }
        if !series.contains(m.month) {
            continue;
        }
        for &side in &m.late {
            out.push(Flag {
                kind: FlagKind::FiguresNotAgreed,
                severity: Severity::Warning,
                title: Text::new("flag-figures-not-agreed")
                    .with("month", m.month.to_string())
                    .with("side", side_key(side)),
                evidence: Text::new("flag-figures-not-agreed-evidence")
                    .with("side", side_key(side))
                    .with("due", m.due.map_or(Arg::Plain(String::new()), Arg::Date))
                    .with("days", s.sign_off_days.unwrap_or_default()),
                subject: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement, m, period};
    use crate::model::{Contract, Dispute, SignOff, Signature};

    fn sig(by: &str, date: &str) -> Option<Signature> {
        Some(Signature {
            by: by.to_string(),
            date: d(date),
        })
    }

    /// An engagement with `sign_off_days` and the period of 2026-10 signed
    /// off as given.
    fn with(days: Option<u32>, provider: Option<&str>, client: Option<&str>) -> Engagement {
        let mut e = engagement();
        e.record.contract = Some(Contract {
            sign_off_days: days,
            ..Contract::default()
        });
        let mut p = period("2026-10");
        p.sign_off = Some(SignOff {
            provider: provider.and_then(|x| sig("Ravi Menon", x)),
            client: client.and_then(|x| sig("Dana Ruiz", x)),
        });
        e.periods.push(p);
        e
    }

    fn october(e: &Engagement, as_of: &str) -> MonthSignOff {
        analyse_sign_off(e, d(as_of))
            .month(m("2026-10"))
            .cloned()
            .expect("October has ended")
    }

    #[test]
    fn a_missing_sign_off_is_late_only_after_sign_off_days() {
        let e = with(Some(10), Some("2026-11-04"), None);
        // October ends on the 31st; the client has until 2026-11-10.
        let on_the_day = october(&e, "2026-11-10");
        assert_eq!(on_the_day.due, Some(d("2026-11-10")));
        assert_eq!(on_the_day.state, SignOffState::Provisional);
        assert!(on_the_day.late.is_empty());
        let day_after = october(&e, "2026-11-11");
        assert_eq!(day_after.late, vec![Side::Client]);
        let f = flags(&e, &analyse_sign_off(&e, d("2026-11-11")), d("2026-11-11"));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].title.english(),
            "Figures of 2026-10 not agreed by the client"
        );
        assert_eq!(
            f[0].evidence.english(),
            "no sign-off from the client by 2026-11-10, 10 days after the month ended"
        );
        assert!(flags(&e, &analyse_sign_off(&e, d("2026-11-10")), d("2026-11-10")).is_empty());
    }

    #[test]
    fn zero_days_means_due_on_the_month_s_last_day() {
        let e = with(Some(0), None, None);
        // The month in progress has no state at all.
        assert!(analyse_sign_off(&e, d("2026-10-31")).months.is_empty());
        assert_eq!(
            october(&e, "2026-11-01").late,
            vec![Side::Provider, Side::Client]
        );
    }

    #[test]
    fn both_sides_signed_is_agreed_and_a_sign_off_dated_later_does_not_count_yet() {
        let e = with(Some(10), Some("2026-11-04"), Some("2026-11-06"));
        assert_eq!(october(&e, "2026-11-06").state, SignOffState::Agreed);
        let before = october(&e, "2026-11-05");
        assert_eq!(before.state, SignOffState::Provisional);
        assert_eq!(before.client, None);
        assert_eq!(
            before.kpi_words("sl").as_deref(),
            Some("provisional: not signed off by the client")
        );
        assert_eq!(october(&e, "2026-11-06").kpi_words("sl"), None);
        // Late only from 2026-11-11, and the client signed on the 6th.
        assert!(october(&e, "2026-12-01").late.is_empty());
    }

    #[test]
    fn without_sign_off_days_the_state_is_kept_and_nothing_is_late() {
        let e = with(None, Some("2026-11-04"), None);
        let o = october(&e, "2027-06-01");
        assert_eq!((o.state, o.due), (SignOffState::Provisional, None));
        assert!(o.late.is_empty());
        assert!(flags(&e, &analyse_sign_off(&e, d("2027-06-01")), d("2027-06-01")).is_empty());
    }

    #[test]
    fn an_engagement_without_sign_off_marks_no_month() {
        let mut e = engagement();
        e.periods.push(period("2026-10"));
        assert!(analyse_sign_off(&e, d("2026-12-01")).months.is_empty());
        // One sign-off anywhere and every ended month has a state.
        e.periods.push(period("2026-09"));
        e.periods[0].sign_off = Some(SignOff::default());
        let s = analyse_sign_off(&e, d("2026-12-01"));
        assert_eq!(s.months.len(), 2);
        assert_eq!(s.unagreed().count(), 2);
    }

    #[test]
    fn a_dispute_is_settled_only_by_a_later_sign_off_of_its_side() {
        let mut e = with(Some(10), Some("2026-11-04"), Some("2026-11-05"));
        e.periods[0].dispute.push(Dispute {
            by: Side::Client,
            date: d("2026-11-05"),
            kpis: vec!["service_level".into()],
            reason: "Queue 7 missing from the export".into(),
        });
        // Signed the same day: still open.
        let o = october(&e, "2026-11-20");
        assert_eq!(o.state, SignOffState::Disputed);
        assert_eq!(o.kpi_state("service_level"), SignOffState::Disputed);
        assert_eq!(o.kpi_state("aht"), SignOffState::Provisional);
        assert_eq!(
            o.kpi_words("service_level").as_deref(),
            Some("disputed by the client: Queue 7 missing from the export")
        );
        assert_eq!(
            o.kpi_words("aht").as_deref(),
            Some("provisional: the month is disputed")
        );
        let f = flags(&e, &analyse_sign_off(&e, d("2026-11-20")), d("2026-11-20"));
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].title.english(),
            "Figures of 2026-10 disputed by the client: Queue 7 missing from the export"
        );
        assert_eq!(f[0].subject.as_deref(), Some("service_level"));
        // Unsigned by the client and late, but its dispute says so already.
        e.periods[0].sign_off.as_mut().unwrap().client = None;
        assert!(october(&e, "2026-11-20").late.is_empty());
        assert_eq!(
            flags(&e, &analyse_sign_off(&e, d("2026-11-20")), d("2026-11-20")).len(),
            1
        );
        // A provider's later sign-off does not settle the client's dispute.
        e.periods[0].sign_off.as_mut().unwrap().provider = sig("Ravi Menon", "2026-11-09");
        assert_eq!(october(&e, "2026-11-20").state, SignOffState::Disputed);
        // The client's sign-off the day after settles it, from that day on.
        e.periods[0].sign_off.as_mut().unwrap().client = sig("Dana Ruiz", "2026-11-06");
        assert_eq!(october(&e, "2026-11-05").state, SignOffState::Disputed);
        // (provisional on the 6th: the provider signs again on the 9th)
        assert_eq!(october(&e, "2026-11-06").state, SignOffState::Provisional);
        assert_eq!(october(&e, "2026-11-09").state, SignOffState::Agreed);
        // A dispute dated after as_of has not been raised yet.
        e.periods[0].dispute[0].date = d("2026-11-30");
        assert_eq!(october(&e, "2026-11-20").state, SignOffState::Agreed);
        assert_eq!(october(&e, "2026-12-01").state, SignOffState::Disputed);
    }

    #[test]
    fn a_dispute_naming_no_kpi_disputes_every_value() {
        let mut e = with(None, None, None);
        e.periods[0].dispute.push(Dispute {
            by: Side::Provider,
            date: d("2026-11-03"),
            kpis: Vec::new(),
            reason: "wrong export".into(),
        });
        let o = october(&e, "2026-11-20");
        assert_eq!(o.kpi_state("anything"), SignOffState::Disputed);
        let f = flags(&e, &analyse_sign_off(&e, d("2026-11-20")), d("2026-11-20"));
        assert_eq!(
            f[0].title.english(),
            "Figures of 2026-10 disputed by the provider: wrong export"
        );
        assert!(
            f[0].evidence
                .english()
                .starts_with("every figure disputed on 2026-11-03")
        );
    }

    #[test]
    fn late_sign_offs_are_flagged_only_in_the_chart_series() {
        let e = with(Some(10), None, Some("2026-11-02"));
        let s = analyse_sign_off(&e, d("2027-10-15"));
        assert_eq!(s.months[0].late, vec![Side::Provider]);
        // 2026-10 is 12 months before 2027-10: still shown.
        assert_eq!(flags(&e, &s, d("2027-10-15")).len(), 1);
        assert!(flags(&e, &s, d("2027-11-01")).is_empty());
    }

    #[test]
    fn a_huge_sign_off_days_is_never_late() {
        let e = with(Some(u32::MAX), None, None);
        let o = october(&e, "2200-01-01");
        assert_eq!((o.due, o.late.len()), (None, 0));
    }
}
