use super::*;

#[test]
fn month_arithmetic_crosses_years() {
    let m: Month = "2026-01".parse().unwrap();
    assert_eq!(m.plus(-1).to_string(), "2025-12");
    assert_eq!(m.plus(13).to_string(), "2027-02");
    assert_eq!(m.months_until("2025-11".parse().unwrap()), -2);
    assert_eq!(m.quarter(), 1);
    assert_eq!(m.short_label(), "Jan 26");
}

#[test]
fn dates_are_written_yyyy_mm_dd() {
    assert_eq!(
        parse_date("2026-03-04"),
        NaiveDate::from_ymd_opt(2026, 3, 4).ok_or(String::new())
    );
    for (bad, why) in [
        ("2026-3-4", "write it as YYYY-MM-DD"),
        ("2026/03/04", "write it as YYYY-MM-DD"),
        ("20260304", "write it as YYYY-MM-DD"),
        ("2026-13-01", "there is no month 13"),
        ("2026-02-30", "2026-02 has no day 30"),
    ] {
        let err = parse_date(bad).unwrap_err();
        assert!(err.contains(why), "{bad}: {err}");
    }
}

#[test]
fn month_rejects_bad_text() {
    for bad in ["2026-13", "2026-3", "26-03", "2026/03", "march"] {
        assert!(bad.parse::<Month>().is_err(), "{bad}");
    }
}
