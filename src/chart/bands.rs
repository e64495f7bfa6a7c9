//! Background bands: value ranges shaded behind a series, as the caller
//! (the analysis) decided them; here they are only clipped to the plot.

use serde::Serialize;

use super::palette::Shade;

/// The values from `from` to `to` (`None`: open-ended) in one shade.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ValueBand {
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub shade: Shade,
}

/// The bands within `lo..hi`, bottom to top, empty ones left out.
pub(crate) fn clipped(bands: &[ValueBand], lo: f64, hi: f64) -> Vec<(f64, f64, Shade)> {
    let mut out: Vec<(f64, f64, Shade)> = bands
        .iter()
        .filter(|b| b.from.is_none_or(f64::is_finite) && b.to.is_none_or(f64::is_finite))
        .map(|b| {
            let from = super::bound(b.from.unwrap_or(lo), lo, hi);
            let to = super::bound(b.to.unwrap_or(hi), lo, hi);
            (from, to, b.shade)
        })
        .filter(|(from, to, _)| to > from)
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

/// The finite edges of the bands: values a value axis should show.
pub(crate) fn edges(bands: &[ValueBand]) -> impl Iterator<Item = f64> + '_ {
    bands
        .iter()
        .flat_map(|b| [b.from, b.to])
        .flatten()
        .filter(|v| v.is_finite())
}
