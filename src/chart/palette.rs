//! The colour language: every colour a chart draws and every status colour a
//! page shows is named here, once (docs/metrics.md, "One colour language").
//!
//! Five statuses, each meaning one thing everywhere: red = breach, default or
//! critical; orange = high risk; amber = warning or near target (never an
//! SLA miss); green = met; grey = not reported or not judged. Each status has
//! a fill (chart marks, heat-map cells), an ink (text and borders of badges,
//! 4.5:1 on its background and on the card) and a background, in the light
//! and the dark scheme. [`stylesheet`] turns them into the CSS custom
//! properties the theme uses (`--red`, `--red-bg`, `--red-fill`, ...), so
//! badges, pills, flags and charts cannot drift apart.
//!
//! Charts are drawn in the light colours as SVG attributes (they print and
//! open on their own like that); in the dark scheme the stylesheet repaints
//! the neutral chart colours (background, text, axes, grid, data line) with
//! the page's own colours, matched by their light hex. Status fills are the
//! same in both schemes. That is why no two
//! neutral roles below share a hex, and why text drawn on a status fill has
//! colours of its own.
//!
//! Status hues follow Paul Tol's "vibrant" scheme and Okabe–Ito, which stay
//! apart under the common colour-vision deficiencies; meaning is never
//! carried by colour alone (words, symbols, hatching and dashes carry it too).

use std::fmt::Write as _;

use plotters::style::RGBColor;
use serde::Serialize;

/// Chart background: opaque, so a chart stays readable printed or alone.
pub(crate) const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Main text: axis titles, legend, annotations.
pub(crate) const INK: RGBColor = RGBColor(0x1F, 0x29, 0x33);
/// Secondary text: tick labels.
pub(crate) const MUTED: RGBColor = RGBColor(0x4A, 0x57, 0x63);
/// Axis lines and tick marks.
pub(crate) const AXIS: RGBColor = RGBColor(0x8A, 0x96, 0xA3);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE1, 0xE5, 0xEA);
/// A single measured series (a KPI's actuals, hours worked, a sparkline).
pub(crate) const DATA: RGBColor = RGBColor(0x2E, 0x4A, 0x6B);
/// Targets, limits and capacities; drawn dashed.
pub(crate) const REFERENCE: RGBColor = RGBColor(0x11, 0x11, 0x11);
/// Text drawn on a light status fill (kept in the dark scheme).
pub(crate) const ON_LIGHT_FILL: RGBColor = RGBColor(0x10, 0x10, 0x10);
/// Text drawn on a dark status fill (kept in the dark scheme).
pub(crate) const ON_DARK_FILL: RGBColor = RGBColor(0xFE, 0xFE, 0xFE);
/// Opacity of status background bands behind a series.
pub(crate) const BAND_OPACITY: f64 = 0.16;

/// The client's side of the relationship.
pub(crate) const CLIENT: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// The provider's side of the relationship.
pub(crate) const PROVIDER: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// The neutral chart colours and what the dark scheme paints them with:
/// the page's own colours (style.css), or a lighter hue where the page has
/// none.
const DARK_NEUTRALS: [(RGBColor, &str); 7] = [
    (BACKGROUND, "var(--card)"),
    (INK, "var(--ink)"),
    (MUTED, "var(--muted)"),
    (AXIS, "var(--muted)"),
    (GRID, "var(--line)"),
    (DATA, "#8DB6E8"),
    (REFERENCE, "var(--ink)"),
];

/// A status of the colour language, as the analysis decided it: charts and
/// pages draw a shade, they never judge a value themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shade {
    /// A breach, a default, a critical risk or flag.
    Red,
    /// A high risk.
    Orange,
    /// A warning, or near the target (never an SLA miss).
    Amber,
    /// Met.
    Green,
    /// Not reported, or not judged.
    Grey,
}

/// One status's colours in one scheme.
struct Tones {
    fill: RGBColor,
    ink: RGBColor,
    background: RGBColor,
}

impl Shade {
    pub const ALL: [Shade; 5] = [
        Shade::Red,
        Shade::Orange,
        Shade::Amber,
        Shade::Green,
        Shade::Grey,
    ];

    fn light(self) -> Tones {
        let (fill, ink, background) = match self {
            Shade::Red => (0xCC3311, 0xB3261E, 0xFDE7E5),
            Shade::Orange => (0xEE7733, 0x9E3D00, 0xFDEBDD),
            Shade::Amber => (0xE69F00, 0x8A5A00, 0xFFF1D6),
            Shade::Green => (0x009E73, 0x1E7B46, 0xE3F3EA),
            Shade::Grey => (0x767676, 0x5B6370, 0xECEFF3),
        };
        Tones {
            fill: rgb(fill),
            ink: rgb(ink),
            background: rgb(background),
        }
    }

    /// The dark scheme's ink and background; the fill stays as it is, so
    /// a mark means the same in both schemes and text drawn on it
    /// ([`Shade::on_fill`]) keeps its contrast.
    fn dark(self) -> Tones {
        let (ink, background) = match self {
            Shade::Red => (0xFF9B93, 0x44201E),
            Shade::Orange => (0xFFB37A, 0x45290F),
            Shade::Amber => (0xFFD27A, 0x3D3013),
            Shade::Green => (0x7FD6A0, 0x17382A),
            Shade::Grey => (0xB7BFCC, 0x2A313C),
        };
        Tones {
            fill: self.light().fill,
            ink: rgb(ink),
            background: rgb(background),
        }
    }

    /// The fill a chart draws this status with.
    pub(crate) fn colour(self) -> RGBColor {
        self.light().fill
    }

    /// Text drawn on this status's fill: whichever of near-black and
    /// near-white reads better on it (WCAG contrast).
    pub(crate) fn on_fill(self) -> RGBColor {
        let fill = luminance(self.colour());
        let contrast = |text: RGBColor| {
            let t = luminance(text);
            (t.max(fill) + 0.05) / (t.min(fill) + 0.05)
        };
        if contrast(ON_DARK_FILL) >= contrast(ON_LIGHT_FILL) {
            ON_DARK_FILL
        } else {
            ON_LIGHT_FILL
        }
    }

    /// The colour's name, for descriptions and CSS classes (`rag-red`):
    /// colour is never the only cue.
    pub fn name(self) -> &'static str {
        match self {
            Shade::Red => "red",
            Shade::Orange => "orange",
            Shade::Amber => "amber",
            Shade::Green => "green",
            Shade::Grey => "grey",
        }
    }
}

/// Relative luminance (WCAG 2).
fn luminance(c: RGBColor) -> f64 {
    let linear = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn rgb(hex: u32) -> RGBColor {
    RGBColor((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// The `#RRGGBB` form plotters writes into the SVG, for post-processing.
pub(crate) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The colour language on paper, for the PDF packs (`render::pdf`): each
/// status's light ink and background, and the symbol that says it without
/// colour (the same as the theme's `.rag-*::before`).
pub(crate) fn print_tones() -> serde_json::Value {
    let symbol = |shade: Shade| match shade {
        Shade::Red => "▲",
        Shade::Orange => "■",
        Shade::Amber => "◆",
        Shade::Green => "●",
        Shade::Grey => "○",
    };
    let mut tones = serde_json::Map::new();
    for shade in Shade::ALL {
        let t = shade.light();
        tones.insert(
            shade.name().into(),
            serde_json::json!({
                "ink": hex(t.ink),
                "bg": hex(t.background),
                "fill": hex(t.fill),
                "symbol": symbol(shade),
            }),
        );
    }
    tones.insert(
        "neutral".into(),
        serde_json::json!({ "ink": hex(INK), "muted": hex(MUTED), "line": hex(GRID), "axis": hex(AXIS) }),
    );
    serde_json::Value::Object(tones)
}

/// The colour language as CSS: custom properties for both schemes, and the
/// dark scheme's repainting of charts. Written to the site as `palette.css`,
/// linked before the theme's stylesheet.
pub fn stylesheet() -> String {
    let mut css = String::from(
        "/* The colour language, generated by rapporteur (docs/metrics.md, \
         \"One colour language\"). */\n:root {\n",
    );
    let vars = |css: &mut String, tones: fn(Shade) -> Tones| {
        for shade in Shade::ALL {
            let t = tones(shade);
            let name = shade.name();
            let _ = writeln!(
                css,
                "  --{name}: {}; --{name}-bg: {}; --{name}-fill: {};",
                hex(t.ink).to_lowercase(),
                hex(t.background).to_lowercase(),
                hex(t.fill).to_lowercase()
            );
        }
    };
    vars(&mut css, Shade::light);
    let _ = writeln!(
        css,
        "  --client: {}; --provider: {};\n}}",
        hex(CLIENT).to_lowercase(),
        hex(PROVIDER).to_lowercase()
    );
    css.push_str("@media (prefers-color-scheme: dark) {\n  :root {\n");
    vars(&mut css, Shade::dark);
    css.push_str("  }\n");
    for (colour, dark) in DARK_NEUTRALS {
        let h = hex(colour);
        let _ = writeln!(
            css,
            "  svg.chart [fill=\"{h}\"] {{ fill: {dark}; }}\n  svg.chart [stroke=\"{h}\"] {{ stroke: {dark}; }}"
        );
    }
    css.push_str("}\n");
    let _ = write!(
        css,
        "/* Each chart is drawn wide and narrow: the narrow drawing where the \
         wide one's text would shrink below 11 px. */\n\
         figure.chart {{ container-type: inline-size; }}\n\
         figure.chart .chart-narrow {{ display: none; }}\n\
         @container (max-width: {}.98px) {{\n  \
         figure.chart .chart-wide {{ display: none; }}\n  \
         figure.chart .chart-narrow {{ display: block; }}\n}}\n",
        super::axis::NARROW_BELOW - 1
    );
    css
}

/// The colour language as plain rules with the light scheme's colours
/// written out (`.rag-red { color: #b3261e; background: #fde7e5; }`): for
/// the digest, read in mail clients that know no custom property.
pub fn literal_rules() -> String {
    let mut css = String::new();
    for shade in Shade::ALL {
        let t = shade.light();
        let _ = writeln!(
            css,
            ".rag-{} {{ color: {}; background: {}; }}",
            shade.name(),
            hex(t.ink).to_lowercase(),
            hex(t.background).to_lowercase()
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_a_dark_scheme_repaints_has_a_hex_of_its_own() {
        let mut seen = std::collections::BTreeSet::new();
        let repainted = DARK_NEUTRALS
            .iter()
            .map(|(c, _)| *c)
            .chain(Shade::ALL.iter().map(|s| s.colour()));
        for colour in repainted.chain([ON_LIGHT_FILL, ON_DARK_FILL, CLIENT, PROVIDER]) {
            assert!(seen.insert(hex(colour)), "{} is used twice", hex(colour));
        }
    }

    #[test]
    fn text_on_a_status_fill_reads_at_large_text_contrast_or_better() {
        for shade in Shade::ALL {
            let (f, t) = (luminance(shade.colour()), luminance(shade.on_fill()));
            let ratio = (f.max(t) + 0.05) / (f.min(t) + 0.05);
            assert!(ratio >= 3.0, "{}: {ratio:.2}", shade.name());
        }
    }

    #[test]
    fn the_stylesheet_names_every_status_in_both_schemes() {
        let css = stylesheet();
        for shade in Shade::ALL {
            let n = shade.name();
            assert_eq!(css.matches(&format!("--{n}: ")).count(), 2, "{n}");
            assert_eq!(css.matches(&format!("--{n}-bg: ")).count(), 2, "{n}");
        }
        assert!(css.contains("svg.chart [fill=\"#FFFFFF\"] { fill: var(--card); }"));
    }
}
