//! The SVG envelope: accessibility, escaping, ids, determinism, number text.

use super::*;

#[test]
fn svg_envelope_is_accessible_and_responsive() {
    let chart = time_series(&kpi(&GAPPY));
    let svg = &chart.svg;
    assert!(svg.starts_with("<svg "));
    let root = svg.lines().next().unwrap();
    assert!(root.contains("viewBox=\"0 0 600 300\""));
    assert!(!root.contains("width=") && !root.contains("height="));
    assert!(root.contains("role=\"img\""));
    assert!(root.contains("aria-labelledby=\"kpi-service-level-title kpi-service-level-desc\""));
    let mut lines = svg.lines().skip(1);
    assert_eq!(
        lines.next().unwrap(),
        "<title id=\"kpi-service-level-title\">Service level vs target</title>"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("<desc id=\"kpi-service-level-desc\">Service level vs target per month")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("<rect x=\"0\" y=\"0\" width=\"600\" height=\"300\"")
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    // Font sizes are rounded and at least 12.
    for size in svg.split("font-size=\"").skip(1) {
        let size: f64 = size.split('"').next().unwrap().parse().unwrap();
        assert!(size >= 12.0 && size.fract() == 0.0, "{size}");
    }
    assert!(!svg.contains("opacity=\"1\""));
}

#[test]
fn text_is_escaped_everywhere() {
    let mut input = kpi(&GAPPY);
    input.title = "<script>alert('x')</script> & co".into();
    input.y_label = "Rate <b> (%)".into();
    input.id = "kpi \"x\"><script>".into();
    input.points[0].label = "<i>Sep\n25".into();
    let chart = time_series(&input);
    assert!(!chart.svg.contains("<script"));
    assert!(!chart.svg.contains("<b>") && !chart.svg.contains("<i>"));
    assert!(
        chart
            .svg
            .contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co")
    );
    assert!(
        chart
            .svg
            .contains("aria-labelledby=\"kpi--x---script--title")
    );
    assert!(chart.svg.contains("&lt;i&gt;Sep 25"));
    // The Chart's own strings are plain text: the page escapes them.
    assert_eq!(chart.title, "<script>alert('x')</script> & co");
}

#[test]
fn a_failed_drawing_still_gives_an_accessible_svg() {
    let frame = svg::Frame {
        id: "x".into(),
        title: "T & U",
        desc: "D",
        width: 600,
        height: 300,
        scale: 1,
        lang: english(),
    };
    let out = svg::render(&frame, |_| Err("boom".into()));
    assert!(out.starts_with("<svg ") && out.contains("<title id=\"x-title\">T &amp; U</title>"));
    assert!(out.contains("Chart unavailable: see the data table"));
    assert_eq!(count(&out, "<svg"), 1);
    assert!(out.trim_end().ends_with("</svg>"));
}

#[test]
fn ids_are_sanitised() {
    assert_eq!(svg::sanitize_id("kpi-accuracy"), "kpi-accuracy");
    assert_eq!(svg::sanitize_id("9 lives"), "chart-9-lives");
    assert_eq!(svg::sanitize_id(""), "chart-");
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(time_series(&kpi(&GAPPY)), time_series(&kpi(&GAPPY)));
    assert_eq!(bars(&workload()), bars(&workload()));
    assert_eq!(bars(&sla()), bars(&sla()));
    assert_eq!(grouped_bars(&survey()), grouped_bars(&survey()));
    assert_eq!(heat_map(&risks()), heat_map(&risks()));
    assert_eq!(sparkline(&health()), sparkline(&health()));
}

#[test]
fn numbers_have_limited_decimals() {
    assert_eq!(crate::format::number(95.0, 1), "95");
    assert_eq!(crate::format::number(96.25, 1), "96.2");
    assert_eq!(crate::format::number(1.0 / 3.0, 2), "0.33");
    assert_eq!(crate::format::number(-0.01, 1), "0");
    let mut input = kpi(&[Some(1.0 / 3.0 * 100.0)]);
    input.decimals = 2;
    let chart = time_series(&input);
    assert_eq!(chart.table.rows[0][1], "33.33");
    assert!(!chart.svg.contains("33.333"));
}

#[test]
fn many_months_thin_the_labels_but_keep_the_latest() {
    let values: Vec<Option<f64>> = (0..24).map(|i| Some(90.0 + f64::from(i % 7))).collect();
    let chart = time_series(&kpi(&values));
    let labels = months(24);
    let shown: Vec<&String> = labels
        .iter()
        .filter(|l| chart.svg.contains(&format!(">{l}</text>")))
        .collect();
    assert!(shown.len() <= 12 && shown.len() >= 6, "{shown:?}");
    assert!(shown.contains(&&labels[23]));
}

/// The narrowest figure a chart gets on a 375 px phone (measured: 315 px in
/// the default theme; a margin below it).
const PHONE_FIGURE_PX: f64 = 290.0;

#[test]
fn chart_text_renders_at_11_px_or_more_wherever_its_drawing_is_shown() {
    // The wide drawing is shown down to NARROW_BELOW px, the narrow one in
    // anything narrower, down to a phone's column.
    let smallest = |svg: &str| -> (f64, f64) {
        let width: f64 = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let px = svg
            .split("font-size=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse::<f64>().unwrap())
            .fold(f64::INFINITY, f64::min);
        (px, width)
    };
    let wide_shown = f64::from(super::axis::NARROW_BELOW);
    for chart in [
        time_series(&kpi(&GAPPY)),
        bars(&workload()),
        bars(&sla()),
        grouped_bars(&survey()),
        heat_map(&risks()),
    ] {
        let (px, width) = smallest(&chart.svg);
        assert!(
            px * wide_shown / width >= 11.0,
            "{}: {px} in {width}",
            chart.id
        );
        let (px, width) = smallest(chart.narrow.as_deref().unwrap());
        assert!(
            px * PHONE_FIGURE_PX / width >= 11.0,
            "{} narrow: {px} in {width}",
            chart.id
        );
    }
    // And the stylesheet switches where the wide drawing stops.
    let query = format!(
        "@container (max-width: {}.98px)",
        super::axis::NARROW_BELOW - 1
    );
    assert!(stylesheet().contains(&query));
}

#[test]
fn every_chart_with_text_comes_with_a_narrow_drawing_with_ids_of_its_own() {
    for chart in [
        bars(&workload()),
        bars(&sla()),
        grouped_bars(&survey()),
        heat_map(&risks()),
    ] {
        let narrow = chart.narrow.as_deref().expect("a narrow drawing");
        assert!(narrow.contains("viewBox=\"0 0 340 "), "{}", chart.id);
        assert!(narrow.contains(&format!("id=\"{}-n-title\"", chart.id)));
        assert!(chart.svg.contains(&format!("id=\"{}-title\"", chart.id)));
    }
    assert!(
        sparkline(&health()).narrow.is_none(),
        "a sparkline has no text"
    );
}

#[test]
fn no_label_is_cut_short_in_either_drawing() {
    let mut sla = sla();
    sla.bars[0].label = "Files passing the bank's quality checks first time".into();
    let mut survey = survey();
    survey.categories = [
        "Communication",
        "Collaboration",
        "Responsiveness",
        "Respect",
        "Trust",
    ]
    .map(String::from)
    .to_vec();
    survey
        .series
        .iter_mut()
        .for_each(|s| s.values = vec![Some(3.0); 5]);
    for chart in [bars(&sla), grouped_bars(&survey)] {
        for svg in [&chart.svg, chart.narrow.as_ref().unwrap()] {
            assert!(!svg.contains('…'), "{}: {svg}", chart.id);
        }
        let narrow = chart.narrow.unwrap();
        for word in ["Responsiveness", "Files passing", "first time"] {
            if chart.id == "survey" && word == "Responsiveness"
                || chart.id == "sla" && word != "Responsiveness"
            {
                assert!(narrow.contains(word), "{} lacks {word}", chart.id);
            }
        }
    }
}
