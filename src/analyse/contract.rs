//! Contract dates: days to the end, the renewal notice deadline and whether
//! it needs attention.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::rag::Rag;
use super::window::days_between;
use crate::config::Thresholds;
use crate::model::Engagement;
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeState {
    /// The deadline is more than `notice_warning_days` away.
    Clear,
    /// The deadline is within `notice_warning_days` after `as_of` (inclusive).
    Near,
    /// The deadline has passed while the contract has not ended.
    Past,
    /// The contract's end is before `as_of`.
    Ended,
    /// No `renewal_notice_days`: no deadline to watch.
    NoNotice,
}

impl NoticeState {
    pub fn label(self) -> &'static str {
        match self {
            NoticeState::Clear => "notice deadline ahead",
            NoticeState::Near => "notice deadline near",
            NoticeState::Past => "notice deadline passed",
            NoticeState::Ended => "contract ended",
            NoticeState::NoNotice => "no notice period",
        }
    }
}

/// Days ahead within which a notice deadline needs someone's attention
/// (DESIGN, "The site": the portfolio's attention list) and shows amber.
pub const NOTICE_ATTENTION_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContractStatus {
    pub end: NaiveDate,
    /// end − as_of (negative once ended).
    pub days_to_end: i64,
    /// end − renewal_notice_days.
    pub notice_deadline: Option<NaiveDate>,
    pub days_to_deadline: Option<i64>,
    pub notice: NoticeState,
    /// Near or past: the deadline needs attention.
    pub flagged: bool,
}

/// `None` without a contract `end`.
pub fn analyse_contract(
    e: &Engagement,
    thresholds: &Thresholds,
    as_of: NaiveDate,
) -> Option<ContractStatus> {
    let contract = e.record.contract.as_ref()?;
    let end = contract.end?;
    let notice_deadline = contract.renewal_notice_days.and_then(|days| {
        if days >= 0 {
            end.checked_sub_days(Days::new(days.unsigned_abs()))
        } else {
            end.checked_add_days(Days::new(days.unsigned_abs()))
        }
    });
    let days_to_end = days_between(as_of, end);
    let days_to_deadline = notice_deadline.map(|d| days_between(as_of, d));
    let notice = match days_to_deadline {
        _ if days_to_end < 0 => NoticeState::Ended,
        None => NoticeState::NoNotice,
        Some(d) if d < 0 => NoticeState::Past,
        Some(d) if d <= thresholds.notice_warning_days => NoticeState::Near,
        Some(_) => NoticeState::Clear,
    };
    Some(ContractStatus {
        end,
        days_to_end,
        notice_deadline,
        days_to_deadline,
        notice,
        flagged: matches!(notice, NoticeState::Near | NoticeState::Past),
    })
}

impl ContractStatus {
    /// The notice deadline's colour (docs/metrics.md, "Contract"): red when
    /// flagged (within `notice_warning_days`, or past), amber within
    /// [`NOTICE_ATTENTION_DAYS`], grey otherwise: a deadline far away is
    /// neutral, never green, whatever the engagement's health.
    pub fn notice_colour(&self) -> Rag {
        match (self.notice, self.days_to_deadline) {
            _ if self.flagged => Rag::Red,
            (NoticeState::Clear, Some(d)) if d <= NOTICE_ATTENTION_DAYS => Rag::Amber,
            _ => Rag::Grey,
        }
    }

    /// The deadline in words beside its date: "in 101 days", "today",
    /// "passed 13 days ago", "contract ended", "no notice period".
    pub fn notice_words(&self) -> Text {
        match (self.notice, self.days_to_deadline) {
            (NoticeState::Ended | NoticeState::NoNotice, _) | (_, None) => {
                Text::new(match self.notice {
                    NoticeState::Clear => "flag-notice-state-clear",
                    NoticeState::Near => "flag-notice-state-near",
                    NoticeState::Past => "flag-notice-state-past",
                    NoticeState::Ended => "flag-notice-state-ended",
                    NoticeState::NoNotice => "flag-notice-state-none",
                })
            }
            (_, Some(0)) => Text::new("flag-notice-today"),
            (_, Some(d)) if d < 0 => Text::new("flag-notice-days-ago").with("days", -d),
            (_, Some(d)) => Text::new("flag-notice-in-days").with("days", d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, engagement};
    use crate::model::Contract;

    fn with_contract(end: Option<&str>, notice: Option<i64>) -> Engagement {
        let mut e = engagement();
        e.record.contract = Some(Contract {
            end: end.map(d),
            renewal_notice_days: notice,
            monthly_fee: None,
            currency: None,
            service_credits: None,
            ..Contract::default()
        });
        e
    }

    fn state(e: &Engagement, as_of: &str) -> ContractStatus {
        analyse_contract(e, &Thresholds::default(), d(as_of)).unwrap()
    }

    #[test]
    fn deadline_is_end_minus_notice_days() {
        let e = with_contract(Some("2027-01-31"), Some(90));
        let c = state(&e, "2026-06-01");
        assert_eq!(c.notice_deadline, Some(d("2026-11-02")));
        assert_eq!((c.days_to_deadline, c.days_to_end), (Some(154), 244));
        assert_eq!((c.notice, c.flagged), (NoticeState::Clear, false));
    }

    #[test]
    fn near_past_and_ended() {
        let e = with_contract(Some("2027-01-31"), Some(90)); // deadline 2026-11-02
        let near = state(&e, "2026-09-03"); // 60 days before: inclusive
        assert_eq!(
            (near.days_to_deadline, near.notice, near.flagged),
            (Some(60), NoticeState::Near, true)
        );
        assert_eq!(state(&e, "2026-09-02").notice, NoticeState::Clear); // 61 days
        assert_eq!(state(&e, "2026-11-02").notice, NoticeState::Near); // the day itself
        let past = state(&e, "2026-11-03");
        assert_eq!((past.notice, past.flagged), (NoticeState::Past, true));
        assert_eq!(state(&e, "2027-01-31").notice, NoticeState::Past); // last day of the contract
        let ended = state(&e, "2027-02-01");
        assert_eq!(
            (ended.days_to_end, ended.notice, ended.flagged),
            (-1, NoticeState::Ended, false)
        );
    }

    #[test]
    fn a_far_deadline_is_grey_within_90_days_amber_flagged_red() {
        let e = with_contract(Some("2027-01-31"), Some(90)); // deadline 2026-11-02
        let at = |as_of: &str| {
            let c = state(&e, as_of);
            (c.notice_colour(), c.notice_words().english())
        };
        // 101 days ahead, as Brightline's: neutral, never green.
        assert_eq!(at("2026-07-24"), (Rag::Grey, "in 101 days".to_string()));
        assert_eq!(at("2026-08-04"), (Rag::Amber, "in 90 days".to_string()));
        assert_eq!(at("2026-09-02"), (Rag::Amber, "in 61 days".to_string()));
        assert_eq!(at("2026-09-03"), (Rag::Red, "in 60 days".to_string()));
        assert_eq!(at("2026-11-02"), (Rag::Red, "due today".to_string()));
        assert_eq!(
            at("2026-11-15"),
            (Rag::Red, "passed 13 days ago".to_string())
        );
        assert_eq!(at("2027-02-01"), (Rag::Grey, "contract ended".to_string()));
        let e = with_contract(Some("2027-01-31"), None);
        let c = state(&e, "2026-06-01");
        assert_eq!(
            (c.notice_colour(), c.notice_words().english()),
            (Rag::Grey, "no notice period".to_string())
        );
    }

    #[test]
    fn without_notice_days_or_end() {
        let e = with_contract(Some("2027-01-31"), None);
        let c = state(&e, "2026-06-01");
        assert_eq!(
            (c.notice_deadline, c.notice, c.flagged),
            (None, NoticeState::NoNotice, false)
        );
        let e = with_contract(None, Some(90));
        assert_eq!(
            analyse_contract(&e, &Thresholds::default(), d("2026-06-01")),
            None
        );
        assert_eq!(
            analyse_contract(&engagement(), &Thresholds::default(), d("2026-06-01")),
            None
        );
    }
}
