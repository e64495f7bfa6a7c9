//! How numbers, money and dates read, on a page or in the words of a flag:
//! one place, so every figure agrees wherever it is written.

use chrono::Datelike;

use crate::model::Month;

/// Past this magnitude a number is written with an exponent, so that an
/// absurd value stays short on a page and on a chart's axis.
const HUGE: f64 = 1e15;

/// A number with at most `decimals` decimals, trailing zeros trimmed (and
/// no negative zero): 95.0 -> "95", 96.25 (1) -> "96.2" (half to even, as
/// `format!` rounds), -0.0 -> "0", 3e20 -> "3.00e20".
pub fn number(value: f64, decimals: usize) -> String {
    if value.abs() >= HUGE {
        return format!("{value:.2e}");
    }
    // Whole numbers (most figures and ticks) skip float formatting: the same text.
    if value.fract() == 0.0 {
        return (value as i64).to_string();
    }
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" { "0".to_string() } else { text }
}

/// A measured value with its unit: `99.6%`, `312 s`, `4.4`.
pub fn value(value: f64, unit: &str) -> String {
    value_in(value, 2, unit)
}

/// [`value`] with at most `decimals` decimals.
pub fn value_in(value: f64, decimals: usize, unit: &str) -> String {
    let n = number(value, decimals);
    match unit.trim() {
        "" => n,
        // `%` and `/5` read as part of the number.
        u if u == "%" || u.starts_with('/') => format!("{n}{u}"),
        u => format!("{n} {u}"),
    }
}

/// A share 0..1 as a whole percentage.
pub fn percent(share: f64) -> String {
    format!("{}%", number(share * 100.0, 0))
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month as a sentence writes it: `August 2026`.
pub fn month(m: Month) -> String {
    let first = m.first_day();
    format!("{} {}", MONTH_NAMES[first.month0() as usize], first.year())
}

/// `August to October 2026`, `December 2025 to February 2026`, or one
/// month alone.
pub fn month_span(first: Month, last: Month) -> String {
    if first == last {
        return month(first);
    }
    let (a, b) = (first.first_day(), last.first_day());
    if a.year() == b.year() {
        format!("{} to {}", MONTH_NAMES[a.month0() as usize], month(last))
    } else {
        format!("{} to {}", month(first), month(last))
    }
}

/// `trust` -> `Trust`.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A whole number with thousands separators: `12,400`.
pub fn grouped(amount: f64) -> String {
    let whole = amount.round() as i64;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 { format!("-{out}") } else { out }
}

pub fn money(amount: f64, currency: &str) -> String {
    format!("{} {currency}", grouped(amount))
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(99.60, 2), "99.6");
        assert_eq!(number(312.0, 2), "312");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(value(99.6, "%"), "99.6%");
        assert_eq!(value(312.0, "s"), "312 s");
        assert_eq!(value(4.25, "/5"), "4.25/5");
        assert_eq!(grouped(-12400.4), "-12,400");
        assert_eq!(percent(0.875), "88%");
        assert_eq!(money(1234567.4, "USD"), "1,234,567 USD");
        assert_eq!(money(999.0, ""), "999");
        assert_eq!(number(3e20, 0), "3.00e20");
        assert_eq!(number(-1e15, 2), "-1.00e15");
        assert_eq!(number(f64::NAN, 1), "NaN");
    }

    #[test]
    fn months_and_dates_read_as_a_person_writes_them() {
        let m = |s: &str| s.parse::<Month>().unwrap();
        assert_eq!(month(m("2026-08")), "August 2026");
        assert_eq!(
            month_span(m("2026-08"), m("2026-10")),
            "August to October 2026"
        );
        assert_eq!(
            month_span(m("2025-12"), m("2026-02")),
            "December 2025 to February 2026"
        );
        assert_eq!(month_span(m("2026-10"), m("2026-10")), "October 2026");
    }

    #[test]
    fn whole_numbers_read_as_float_formatting_reads_them() {
        for v in [0.0, -0.0, 1.0, -7.0, 95.0, 100.0, 12_400.0, -1e14, 9.99e14] {
            for d in [0, 1, 2] {
                let slow = format!("{v:.d$}");
                let slow = if slow.contains('.') {
                    slow.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    slow
                };
                let slow = if slow == "-0" { "0".to_string() } else { slow };
                assert_eq!(number(v, d), slow, "{v} {d}");
            }
        }
    }
}
