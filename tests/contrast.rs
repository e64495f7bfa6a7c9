//! The built-in theme's palette meets WCAG AA contrast (4.5:1 for text) in
//! the light and the dark scheme, for every pair of colours the stylesheet
//! sets text in. axe-core checks the rendered pages too (tests/browser.rs);
//! this checks the pairs it cannot see, such as closed details.

use std::collections::BTreeMap;

const THEME: &str = include_str!("../themes/default/static/style.css");

/// `--name: #rrggbb;` declarations of the first `:root { ... }` after `from`
/// in `css`.
fn palette(css: &str, from: usize) -> BTreeMap<String, (f64, f64, f64)> {
    let start = css[from..].find(":root {").expect(":root block") + from;
    let end = css[start..].find('}').unwrap() + start;
    css[start + ":root {".len()..end]
        .split(';')
        .filter_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            let name = name.trim().strip_prefix("--")?;
            let hex = value.trim().strip_prefix('#')?;
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            let rgb = (channel(0)?, channel(2)?, channel(4)?);
            Some((name.to_string(), (rgb.0 as f64, rgb.1 as f64, rgb.2 as f64)))
        })
        .collect()
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn ratio(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text colour on background colour, as the stylesheet uses them.
const PAIRS: &[(&str, &str)] = &[
    ("ink", "bg"),
    ("ink", "card"),
    ("muted", "bg"),
    ("muted", "card"),
    ("accent", "bg"),
    ("accent", "card"),
    ("green", "green-bg"),
    ("green", "card"),
    ("amber", "amber-bg"),
    ("amber", "card"),
    ("red", "red-bg"),
    ("red", "card"),
    ("orange", "orange-bg"),
    ("orange", "card"),
    ("grey", "grey-bg"),
    ("ink", "amber-bg"),
    ("ink", "red-bg"),
    ("white", "header"),
    ("white", "accent-strong"),
    ("muted", "red-bg"),
];

#[test]
fn palette_meets_wcag_aa_in_both_schemes() {
    // The status colours come from the colour language (palette.css, made
    // by the build), the page's own from the theme.
    let generated = rapporteur::palette_css();
    let scheme = |css: &str, dark: bool| {
        let at = if dark {
            css.find("@media (prefers-color-scheme: dark)")
                .expect("a dark scheme")
        } else {
            0
        };
        palette(css, at)
    };
    let mut light = scheme(THEME, false);
    light.extend(scheme(&generated, false));
    let mut dark = light.clone();
    dark.extend(scheme(THEME, true));
    dark.extend(scheme(&generated, true));
    let mut failures = Vec::new();
    for (scheme, colours) in [("light", &light), ("dark", &dark)] {
        for (fg, bg) in PAIRS {
            let colour = |name: &str| match name {
                "white" => (255.0, 255.0, 255.0),
                n => *colours
                    .get(n)
                    .unwrap_or_else(|| panic!("--{n} is not in the {scheme} palette")),
            };
            let r = ratio(colour(fg), colour(bg));
            if r < 4.5 {
                failures.push(format!("{scheme}: --{fg} on --{bg} is {r:.2}:1"));
            }
        }
    }
    assert!(failures.is_empty(), "below 4.5:1:\n{}", failures.join("\n"));
}

#[test]
fn contrast_formula_matches_known_values() {
    let white = (255.0, 255.0, 255.0);
    assert!((ratio(white, (0.0, 0.0, 0.0)) - 21.0).abs() < 1e-9);
    assert!((ratio(white, (118.0, 118.0, 118.0)) - 4.54).abs() < 0.01);
}
