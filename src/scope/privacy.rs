//! The survey's privacy floor (docs/metrics.md, "Surveys with
//! respondents"), applied once, as a build's model is scoped: a side with
//! fewer responses in a month than `survey.min_responses` keeps only their
//! number, so no later stage (analysis, pages, packs, charts, feeds, export,
//! diff) holds an answer it could show. Responses kept lose their role and
//! the order of the file, either of which can name a person.

use std::cmp::Ordering;

use crate::model::{Engagement, Side, SurveyResponse, Withheld};

pub(crate) fn apply_floor(e: &mut Engagement, min_responses: usize) {
    for s in e.periods.iter_mut().filter_map(|p| p.survey.as_mut()) {
        let count = |side: Side| s.responses.iter().filter(|r| r.side == side).count();
        let below = |n: usize| if n < min_responses { n } else { 0 };
        // A model scoped again (the partner's view of an internal build)
        // keeps what was held back the first time.
        s.withheld = Withheld {
            client: s.withheld.client.max(below(count(Side::Client))),
            provider: s.withheld.provider.max(below(count(Side::Provider))),
        };
        let withheld = s.withheld;
        s.responses.retain(|r| match r.side {
            Side::Client => withheld.client == 0,
            Side::Provider => withheld.provider == 0,
        });
        for r in &mut s.responses {
            r.role = None;
        }
        s.responses.sort_by(order);
    }
}

/// By side, then by comment, scores and NPS: an order that says nothing of
/// who wrote first.
fn order(a: &SurveyResponse, b: &SurveyResponse) -> Ordering {
    let side = |r: &SurveyResponse| r.side == Side::Provider;
    side(a)
        .cmp(&side(b))
        .then_with(|| a.comment.cmp(&b.comment))
        .then_with(|| a.by_dimension().cmp(&b.by_dimension()))
        .then_with(|| a.nps.cmp(&b.nps))
        .then_with(|| {
            a.audience
                .map(|x| x as u8)
                .cmp(&b.audience.map(|x| x as u8))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{engagement, period_mut};
    use crate::model::{Audience, Survey};

    pub(crate) fn response(side: Side, trust: u8, comment: &str) -> SurveyResponse {
        SurveyResponse {
            side,
            role: Some("lead".into()),
            trust: Some(trust),
            communication: None,
            collaboration: None,
            respect: None,
            goals: None,
            nps: Some(trust * 2),
            comment: (!comment.is_empty()).then(|| comment.to_string()),
            audience: Some(Audience::Shared),
        }
    }

    fn floored(client: usize, provider: usize, min: usize) -> Survey {
        let mut e = engagement();
        let mut responses = Vec::new();
        for i in 0..client {
            responses.push(response(Side::Client, 1 + (i % 5) as u8, &format!("c{i}")));
        }
        for i in 0..provider {
            responses.push(response(
                Side::Provider,
                5 - (i % 5) as u8,
                &format!("p{i}"),
            ));
        }
        period_mut(&mut e, "2026-10").survey = Some(Survey {
            responses,
            ..Survey::default()
        });
        apply_floor(&mut e, min);
        e.periods[0].survey.clone().unwrap()
    }

    #[test]
    fn a_side_below_the_floor_keeps_its_count_only() {
        // N − 1, N, N + 1 responses with a floor of 3.
        for (n, shown) in [(2, false), (3, true), (4, true)] {
            let s = floored(n, 5, 3);
            let client = s
                .responses
                .iter()
                .filter(|r| r.side == Side::Client)
                .count();
            assert_eq!(client, if shown { n } else { 0 }, "{n} responses");
            let expected = if shown { 0 } else { n };
            assert_eq!(
                s.withheld,
                Withheld {
                    client: expected,
                    provider: 0
                }
            );
            assert_eq!(
                s.responses.len() - client,
                5,
                "the provider is above the floor"
            );
        }
        // No response at all is nothing withheld.
        assert_eq!(
            floored(0, 1, 3).withheld,
            Withheld {
                client: 0,
                provider: 1
            }
        );
        assert!(floored(0, 1, 3).responses.is_empty());
    }

    #[test]
    fn roles_and_the_files_order_are_gone() {
        let mut e = engagement();
        let responses = vec![
            response(Side::Provider, 2, "zeta"),
            response(Side::Client, 4, "mid"),
            response(Side::Provider, 3, "alpha"),
            response(Side::Client, 5, "beta"),
            response(Side::Client, 1, "alpha"),
            response(Side::Provider, 4, "omega"),
        ];
        period_mut(&mut e, "2026-10").survey = Some(Survey {
            responses,
            ..Survey::default()
        });
        apply_floor(&mut e, 3);
        let s = e.periods[0].survey.as_ref().unwrap();
        let order: Vec<(Side, &str)> = s
            .responses
            .iter()
            .map(|r| (r.side, r.comment.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            order,
            vec![
                (Side::Client, "alpha"),
                (Side::Client, "beta"),
                (Side::Client, "mid"),
                (Side::Provider, "alpha"),
                (Side::Provider, "omega"),
                (Side::Provider, "zeta"),
            ]
        );
        assert!(s.responses.iter().all(|r| r.role.is_none()));
    }
}
