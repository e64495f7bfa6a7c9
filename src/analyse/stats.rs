//! Small numeric helpers every figure shares: means, weighted means, the
//! least-squares slope and clamping to a 0..100 score.

/// The arithmetic mean; `None` for no values.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The mean of `(value, weight)` pairs weighted by weight. Pairs with a
/// weight ≤ 0 (or not finite) count nowhere; `None` when no weight is left.
pub fn weighted_mean(pairs: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (sum, total) = pairs
        .into_iter()
        .filter(|&(_, w)| w.is_finite() && w > 0.0)
        .fold((0.0, 0.0), |(s, t), (v, w)| (s + v * w, t + w));
    (total > 0.0).then(|| sum / total)
}

/// The least-squares slope of `y` over `x`; `None` with fewer than two
/// distinct `x`.
pub fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let mx = mean(points.iter().map(|p| p.0))?;
    let my = mean(points.iter().map(|p| p.1))?;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Clamps a score to 0..=100.
pub fn clamp_score(score: f64) -> f64 {
    score.clamp(0.0, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_of_nothing_is_none() {
        assert_eq!(mean([]), None);
        assert_eq!(mean([1.0, 2.0, 6.0]), Some(3.0));
    }

    #[test]
    fn weighted_mean_skips_non_positive_weights() {
        // (100×3 + 0×1) / 4 = 75
        assert_eq!(
            weighted_mean([(100.0, 3.0), (0.0, 1.0), (50.0, 0.0)]),
            Some(75.0)
        );
        assert_eq!(weighted_mean([(100.0, 0.0)]), None);
        assert_eq!(weighted_mean([]), None);
    }

    #[test]
    fn slope_of_a_line_and_of_one_point() {
        assert_eq!(slope(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]), Some(2.0));
        // x 0,2 y 10,4 → −3 per step
        assert_eq!(slope(&[(0.0, 10.0), (2.0, 4.0)]), Some(-3.0));
        assert_eq!(slope(&[(0.0, 1.0)]), None);
        assert_eq!(slope(&[]), None);
    }

    #[test]
    fn clamp() {
        assert_eq!(clamp_score(-5.0), 0.0);
        assert_eq!(clamp_score(120.0), 100.0);
        assert_eq!(clamp_score(42.5), 42.5);
    }
}
