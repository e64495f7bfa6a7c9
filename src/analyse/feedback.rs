//! Two-way feedback: the feedback items of period files and note front
//! matter over the last 6 months, counted by side and kind, and how balanced
//! the two sides' voices are.

use chrono::NaiveDate;
use serde::Serialize;

use super::window::MonthWindow;
use super::words::{Parties, last_months_text, pct_arg};
use crate::model::{Engagement, FeedbackKind, Month, Side};
use crate::text::Text;

/// Months of the counts.
pub const WINDOW_MONTHS: u32 = 6;
/// Months in which at least one item must fall for a non-zero score.
pub const RECENT_MONTHS: u32 = 3;
/// Below this balance feedback is one-sided: a client share above 75% or below 25%.
pub const ONE_SIDED_BALANCE: f64 = 0.5;

/// Where an item was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum FeedbackSource {
    Period,
    Note {
        slug: String,
        title: String,
        date: NaiveDate,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackItem {
    pub month: Month,
    pub from: Side,
    pub kind: FeedbackKind,
    pub text: String,
    pub source: FeedbackSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct KindCounts {
    pub praise: usize,
    pub concern: usize,
    pub suggestion: usize,
    pub total: usize,
}

impl KindCounts {
    fn add(&mut self, kind: FeedbackKind) {
        match kind {
            FeedbackKind::Praise => self.praise += 1,
            FeedbackKind::Concern => self.concern += 1,
            FeedbackKind::Suggestion => self.suggestion += 1,
        }
        self.total += 1;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackMonth {
    pub month: Month,
    pub client: usize,
    pub provider: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackBalance {
    pub window: MonthWindow,
    /// The items of the window, by month; period items before note items.
    pub items: Vec<FeedbackItem>,
    pub client: KindCounts,
    pub provider: KindCounts,
    pub total: usize,
    /// Items in the last 3 months.
    pub recent: usize,
    /// client items / all items.
    pub client_share: Option<f64>,
    /// 1 − |client share − 0.5| × 2: 1 is even, 0 is one voice only.
    pub balance: Option<f64>,
    pub one_sided: bool,
    /// The 6 months, oldest first.
    pub months: Vec<FeedbackMonth>,
    pub score: Option<f64>,
}

pub fn analyse_feedback(e: &Engagement, as_of: NaiveDate) -> FeedbackBalance {
    let window = MonthWindow::last_months(as_of, WINDOW_MONTHS);
    let recent_window = MonthWindow::last_months(as_of, RECENT_MONTHS);
    let from_periods = e.periods.iter().flat_map(|p| {
        p.feedback
            .iter()
            .map(move |f| (p.period, f, FeedbackSource::Period))
    });
    let from_notes = e.notes.iter().flat_map(|n| {
        n.meta.feedback.iter().map(move |f| {
            let source = FeedbackSource::Note {
                slug: n.slug.clone(),
                title: n.meta.title.clone(),
                date: n.meta.date,
            };
            (Month::of(n.meta.date), f, source)
        })
    });
    let mut items: Vec<FeedbackItem> = from_periods
        .chain(from_notes)
        .filter(|(month, _, _)| window.contains(*month))
        .map(|(month, f, source)| FeedbackItem {
            month,
            from: f.from,
            kind: f.kind,
            text: f.text.clone(),
            source,
        })
        .collect();
    items.sort_by_key(|i| i.month); // stable: period items stay before note items
    let (mut client, mut provider) = (KindCounts::default(), KindCounts::default());
    for item in &items {
        match item.from {
            Side::Client => client.add(item.kind),
            Side::Provider => provider.add(item.kind),
        }
    }
    let total = items.len();
    let recent = items
        .iter()
        .filter(|i| recent_window.contains(i.month))
        .count();
    let client_share = (total > 0).then(|| client.total as f64 / total as f64);
    let balance = client_share.map(|s| 1.0 - (s - 0.5).abs() * 2.0);
    let months = window
        .months()
        .map(|month| {
            let of = |side| {
                items
                    .iter()
                    .filter(|i| i.month == month && i.from == side)
                    .count()
            };
            FeedbackMonth {
                month,
                client: of(Side::Client),
                provider: of(Side::Provider),
            }
        })
        .collect();
    FeedbackBalance {
        window,
        client,
        provider,
        total,
        recent,
        client_share,
        balance,
        one_sided: balance.is_some_and(|b| b < ONE_SIDED_BALANCE),
        months,
        score: balance.map(|b| if recent == 0 { 0.0 } else { b * 100.0 }),
        items,
    }
}

impl FeedbackBalance {
    /// Who gave the feedback and whether it is balanced, in sentences.
    pub fn reasons(&self, parties: &Parties) -> Vec<Text> {
        let months = last_months_text(self.window);
        let Some(share) = self.client_share else {
            return vec![
                Text::new("flag-feedback-neither")
                    .with("client", &parties.client)
                    .with("provider", &parties.provider)
                    .with("months", months),
            ];
        };
        let (client, provider) = (self.client.total, self.provider.total);
        let mut reasons = vec![match (client, provider) {
            (_, 0) => Text::new("flag-feedback-all-from")
                .with("quiet", &parties.provider)
                .with("months", months)
                .with("count", client)
                .with("loud", &parties.client),
            (0, _) => Text::new("flag-feedback-all-from")
                .with("quiet", &parties.client)
                .with("months", months)
                .with("count", provider)
                .with("loud", &parties.provider),
            _ => Text::new("flag-feedback-shares")
                .with("count", self.total)
                .with("months", months)
                .with("client_count", client)
                .with("client", &parties.client)
                .with("provider_count", provider)
                .with("provider", &parties.provider)
                .with("share", pct_arg(share)),
        }];
        if self.recent == 0 {
            reasons.push(Text::new("flag-feedback-nobody-recently").with("months", RECENT_MONTHS));
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{
        add_note, add_period_feedback, d, engagement, feedback, m, note, parties,
    };
    use crate::model::NoteKind;

    use FeedbackKind::{Concern, Praise, Suggestion};
    use Side::{Client, Provider};

    #[test]
    fn counts_both_sources_by_side_and_kind_in_six_months() {
        let mut e = engagement();
        // as_of 2026-11-20: 6 months 2026-05..10, 3 months 2026-08..10
        add_period_feedback(&mut e, "2026-04", Client, Praise); // too early
        add_period_feedback(&mut e, "2026-05", Client, Praise);
        add_period_feedback(&mut e, "2026-09", Client, Concern);
        add_period_feedback(&mut e, "2026-09", Provider, Suggestion);
        add_period_feedback(&mut e, "2026-11", Provider, Praise); // in progress
        let mut n = note("2026-06-03", NoteKind::Review);
        n.meta.feedback = vec![feedback(Provider, Concern)];
        add_note(&mut e, n);
        let mut later = note("2026-11-02", NoteKind::CheckIn);
        later.meta.feedback = vec![feedback(Client, Concern)];
        add_note(&mut e, later);
        let f = analyse_feedback(&e, d("2026-11-20"));
        assert_eq!(f.total, 4);
        assert_eq!(
            (f.client, f.provider),
            (
                KindCounts {
                    praise: 1,
                    concern: 1,
                    suggestion: 0,
                    total: 2
                },
                KindCounts {
                    praise: 0,
                    concern: 1,
                    suggestion: 1,
                    total: 2
                }
            )
        );
        assert_eq!(f.recent, 2);
        assert_eq!(
            (f.client_share, f.balance, f.score),
            (Some(0.5), Some(1.0), Some(100.0))
        );
        assert!(!f.one_sided);
        let months: Vec<_> = f.items.iter().map(|i| i.month).collect();
        assert_eq!(
            months,
            vec![m("2026-05"), m("2026-06"), m("2026-09"), m("2026-09")]
        );
        assert!(matches!(f.items[1].source, FeedbackSource::Note { .. }));
        assert_eq!(f.months.len(), 6);
        assert_eq!((f.months[4].client, f.months[4].provider), (1, 1));
    }

    #[test]
    fn one_side_only_is_one_sided_with_score_zero() {
        let mut e = engagement();
        for _ in 0..3 {
            add_period_feedback(&mut e, "2026-10", Client, Concern);
        }
        let f = analyse_feedback(&e, d("2026-11-01"));
        assert_eq!(
            (f.client_share, f.balance, f.score),
            (Some(1.0), Some(0.0), Some(0.0))
        );
        assert!(f.one_sided);
        assert_eq!(
            crate::analyse::testkit::english(&f.reasons(&parties())),
            vec![
                "BPSource gave no feedback in the last 6 months (May to October 2026); all 3 \
                 items came from Acme Corp."
            ]
        );
    }

    #[test]
    fn share_of_nine_in_ten_is_one_sided() {
        let mut e = engagement();
        for _ in 0..9 {
            add_period_feedback(&mut e, "2026-10", Client, Praise);
        }
        add_period_feedback(&mut e, "2026-10", Provider, Praise);
        let f = analyse_feedback(&e, d("2026-11-01"));
        // 1 − |0.9 − 0.5| × 2 = 0.2
        assert!((f.balance.unwrap() - 0.2).abs() < 1e-9);
        assert!(f.one_sided);
        assert_eq!(
            f.reasons(&parties())[0].english(),
            "Of the 10 items of feedback in the last 6 months (May to October 2026), 9 came \
             from Acme Corp and 1 from BPSource: a client share of 90%, where 50% is balanced."
        );
    }

    #[test]
    fn nothing_recent_scores_zero_and_nothing_at_all_is_no_data() {
        let mut e = engagement();
        add_period_feedback(&mut e, "2026-05", Client, Praise);
        add_period_feedback(&mut e, "2026-06", Provider, Praise);
        let f = analyse_feedback(&e, d("2026-11-01"));
        assert_eq!((f.balance, f.recent, f.score), (Some(1.0), 0, Some(0.0)));
        assert_eq!(
            f.reasons(&parties())[1].english(),
            "Nobody gave feedback in the last 3 months, so the score is 0."
        );
        let none = analyse_feedback(&engagement(), d("2026-11-01"));
        assert_eq!(
            (none.client_share, none.score, none.one_sided),
            (None, None, false)
        );
        assert_eq!(
            crate::analyse::testkit::english(&none.reasons(&parties())),
            vec![
                "Neither Acme Corp nor BPSource gave feedback in the last 6 months (May to October 2026)."
            ]
        );
    }
}
