//! Quarters, and the rules of a pack's summary, on small engagements.

use super::*;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

#[test]
fn quarter_arithmetic() {
    let q = Quarter::of(m("2026-08"));
    assert_eq!(q.label(), "2026-Q3");
    assert_eq!(q.months().first, m("2026-07"));
    assert_eq!(q.months().last, m("2026-09"));
    assert_eq!(q.as_of().to_string(), "2026-10-01");
    assert_eq!(q.spelled(), "Jul to Sep 2026");
    assert_eq!(Quarter::of(m("2026-12")).as_of().to_string(), "2027-01-01");
}
