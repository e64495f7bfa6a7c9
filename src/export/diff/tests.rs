use super::markdown::md;
use super::*;
use crate::model::{Month, Period};

#[test]
fn markdown_specials_are_escaped() {
    assert_eq!(md("a *b* <c> [d](e)"), "a \\*b\\* \\<c\\> \\[d\\](e)");
}

fn period(month: &str) -> Period {
    crate::yaml::from_str(&format!("period: {month}\n")).unwrap()
}

#[test]
fn a_value_of_a_month_already_reported_is_restated_and_the_month_in_progress_is_not() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let month = |m: &str| m.parse::<Month>().unwrap();
    let oct = period("2026-10");
    let nov = period("2026-11");
    assert_eq!(
        marks::of_value_change(month("2026-10"), as_of, &oct, Some(&oct)),
        [Mark::Restated]
    );
    assert!(marks::of_value_change(month("2026-11"), as_of, &nov, Some(&nov)).is_empty());
    assert!(!Mark::Restated.holds() && Mark::ChangedAfterSignOff.holds());
}
