//! Exact decimal comparisons (docs/metrics.md, "Exact decimals"): a
//! boundary is decided as a person computes it, so 3.78 is exactly
//! 0.9 × 4.2 and a slope of exactly 1% of the target is not flat. Each
//! `f64` read from YAML becomes the decimal of its shortest round-trip text
//! (`format!("{}", f)`: 3.78, not 3.779999…), and the arithmetic of a
//! boundary (the default `warn`, a ratio's counts, the trend's sums) is done
//! in decimals. A number no decimal holds (beyond 28 digits, or beyond
//! ±7.9e28; the range checks keep content far from both) falls back to
//! `f64`.

use std::cmp::Ordering;

use rust_decimal::Decimal;

/// A number as the analysis compares it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Dec(Decimal),
    Float(f64),
}

impl Num {
    /// The decimal of `v`'s shortest round-trip text; `f64` if none holds it.
    pub fn of(v: f64) -> Num {
        dec(v).map_or(Num::Float(v), Num::Dec)
    }

    pub fn int(v: i64) -> Num {
        Num::Dec(Decimal::from(v))
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Num::Dec(d) => f64::try_from(d).unwrap_or(f64::NAN),
            Num::Float(f) => f,
        }
    }

    /// An amount of money: rounded to the cent, half away from zero.
    pub fn cents(self) -> f64 {
        match self {
            Num::Dec(d) => Num::Dec(
                d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            )
            .to_f64(),
            Num::Float(f) => (f * 100.0).round() / 100.0,
        }
    }

    pub fn abs(self) -> Num {
        match self {
            Num::Dec(d) => Num::Dec(d.abs()),
            Num::Float(f) => Num::Float(f.abs()),
        }
    }

    fn zip(
        self,
        other: Num,
        exact: impl Fn(Decimal, Decimal) -> Option<Decimal>,
        float: impl Fn(f64, f64) -> f64,
    ) -> Num {
        match (self, other) {
            (Num::Dec(a), Num::Dec(b)) => {
                exact(a, b).map_or_else(|| Num::Float(float(a_f(a), a_f(b))), Num::Dec)
            }
            (a, b) => Num::Float(float(a.to_f64(), b.to_f64())),
        }
    }

    pub fn plus(self, other: Num) -> Num {
        self.zip(other, |a, b| a.checked_add(b), |a, b| a + b)
    }

    pub fn minus(self, other: Num) -> Num {
        self.zip(other, |a, b| a.checked_sub(b), |a, b| a - b)
    }

    pub fn times(self, other: Num) -> Num {
        self.zip(other, |a, b| a.checked_mul(b), |a, b| a * b)
    }

    /// Decimal division rounds at 28 significant digits.
    pub fn over(self, other: Num) -> Num {
        self.zip(other, |a, b| a.checked_div(b), |a, b| a / b)
    }

    /// The order of two numbers; `None` when one is not a number.
    pub fn order(self, other: Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Dec(a), Num::Dec(b)) => Some(a.cmp(&b)),
            (a, b) => a.to_f64().partial_cmp(&b.to_f64()),
        }
    }

    pub fn is_zero(self) -> bool {
        self.order(Num::int(0)) == Some(Ordering::Equal)
    }

    pub fn lt(self, other: Num) -> bool {
        self.order(other) == Some(Ordering::Less)
    }

    pub fn ge(self, other: Num) -> bool {
        matches!(self.order(other), Some(Ordering::Greater | Ordering::Equal))
    }

    pub fn le(self, other: Num) -> bool {
        matches!(self.order(other), Some(Ordering::Less | Ordering::Equal))
    }

    pub fn signum(self) -> Option<Ordering> {
        self.order(Num::int(0))
    }
}

fn a_f(d: Decimal) -> f64 {
    f64::try_from(d).unwrap_or(f64::NAN)
}

/// The decimal of `v`'s shortest round-trip text; `None` for a value that
/// is not finite or that no decimal holds exactly.
pub fn dec(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    Decimal::from_str_exact(&format!("{v}")).ok()
}

/// `share` (a decimal such as 0.1) of `v`.
pub fn share(v: Num, numerator: i64, scale: u32) -> Num {
    v.times(Num::Dec(Decimal::new(numerator, scale)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_text_makes_the_decimal() {
        assert_eq!(Num::of(3.78), Num::Dec(Decimal::new(378, 2)));
        // 0.9 × 4.2 in binary is 3.7800000000000002; in decimals it is 3.78.
        assert_ne!(0.9 * 4.2, 3.78);
        assert_eq!(
            share(Num::of(4.2), 9, 1).order(Num::of(3.78)),
            Some(Ordering::Equal)
        );
        assert!(matches!(Num::of(f64::NAN), Num::Float(_)));
        assert!(matches!(Num::of(1e-320), Num::Float(_)));
        assert!(matches!(Num::of(1e300), Num::Float(_)));
        assert_eq!(Num::of(2.5).to_f64(), 2.5);
    }

    #[test]
    fn overflow_falls_back_to_floats() {
        let big = Num::of(1e28);
        assert!(matches!(big, Num::Dec(_)));
        assert!(matches!(big.times(big), Num::Float(_)));
        assert!(Num::of(1.0).lt(big.times(big)));
    }
}
