//! Changed after sign-off (docs/metrics.md, "Sign-off and disputes"): a
//! value of a month that the base revision had signed off (either side)
//! and the head changes, unless the head renews both sides' sign-offs.
//! `diff` marks such a change (`export::diff::marks`) and `diff --strict`
//! fails on it, so a restated figure cannot pass a pull request unseen.

use crate::model::{Period, Side, SignOff};

/// Whether `base`'s month was signed off (by either side) and `head`, the
/// same month in the head, does not renew both sign-offs: a value of it
/// changed is "changed after sign-off".
pub fn signed_and_not_renewed(base: &Period, head: Option<&Period>) -> bool {
    let Some(signed) = base
        .sign_off
        .as_ref()
        .filter(|s| s.provider.is_some() || s.client.is_some())
    else {
        return false;
    };
    !head.is_some_and(|h| renewed(signed, h.sign_off.as_ref()))
}

/// Both sides signed again, each on a later day than in the base (a side
/// that had not signed in the base renews by signing at all).
fn renewed(base: &SignOff, head: Option<&SignOff>) -> bool {
    let Some(head) = head else { return false };
    [Side::Provider, Side::Client]
        .into_iter()
        .all(|side| match (base.of(side), head.of(side)) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(b), Some(h)) => h.date > b.date,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::{d, period};
    use crate::model::Signature;

    fn signed(p: &mut Period, provider: &str, client: &str) {
        p.sign_off = Some(SignOff {
            provider: Some(Signature {
                by: "Ravi".into(),
                date: d(provider),
            }),
            client: Some(Signature {
                by: "Dana".into(),
                date: d(client),
            }),
        });
    }

    #[test]
    fn a_signed_off_month_holds_until_both_sides_sign_again_on_a_later_day() {
        let mut base = period("2026-10");
        signed(&mut base, "2026-11-04", "2026-11-06");
        let mut head = period("2026-10");
        head.sign_off = base.sign_off.clone();
        assert!(signed_and_not_renewed(&base, Some(&head)));
        signed(&mut head, "2026-11-20", "2026-11-06");
        assert!(
            signed_and_not_renewed(&base, Some(&head)),
            "one side is not enough"
        );
        signed(&mut head, "2026-11-20", "2026-11-21");
        assert!(!signed_and_not_renewed(&base, Some(&head)));
        assert!(
            signed_and_not_renewed(&base, None),
            "a removed month holds too"
        );
    }

    #[test]
    fn an_unsigned_month_holds_nothing_and_one_signature_is_a_sign_off() {
        let base = period("2026-10");
        assert!(!signed_and_not_renewed(&base, None));
        let mut base = period("2026-10");
        signed(&mut base, "2026-11-04", "2026-11-06");
        base.sign_off.as_mut().unwrap().client = None;
        assert!(signed_and_not_renewed(&base, Some(&period("2026-10"))));
    }
}
