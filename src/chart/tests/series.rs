//! Time series and sparklines: gaps, markers, targets, bands, ranges.

use super::*;

#[test]
fn gaps_break_the_line_and_every_reported_month_has_a_marker() {
    let chart = time_series(&kpi(&GAPPY));
    let markers = elements(&chart.svg, "circle", DATA_FILL);
    assert_eq!(
        markers.len(),
        5 + 1,
        "one filled marker per reported month, and the legend's"
    );
    // [96, 93.5] and [95.5, 97.2] are lines; 88 alone is only a marker.
    let segments = elements(&chart.svg, "polyline", DATA_STROKE);
    assert_eq!(
        segments.len(),
        2 + 1,
        "two segments and the legend's line: {segments:#?}"
    );
    for segment in &segments[1..] {
        assert_eq!(points_of(segment).len(), 2);
    }
}

#[test]
fn missing_values_are_not_drawn_at_zero() {
    let chart = time_series(&kpi(&[None, Some(96.0), None]));
    // The y axis starts above zero, so a zero would lie outside the plot;
    // instead the single value is one marker and there is no line at all.
    assert_eq!(
        elements(&chart.svg, "circle", DATA_FILL).len(),
        1 + 1,
        "with the legend's"
    );
    assert_eq!(
        elements(&chart.svg, "polyline", DATA_STROKE).len(),
        1,
        "only the legend's"
    );
    assert_eq!(chart.table.rows[0][1], NOT_REPORTED);
    assert_eq!(chart.table.rows[2][1], NOT_REPORTED);
}

#[test]
fn target_line_is_dashed_and_labelled() {
    let chart = time_series(&kpi(&GAPPY));
    let targets = elements(&chart.svg, "polyline", REFERENCE_STROKE);
    assert_eq!(targets.len(), 2, "the line and its legend swatch");
    assert!(targets.iter().all(|t| t.contains("stroke-dasharray")));
    assert!(chart.svg.contains(">Target 95%</text>"));
    assert_eq!(
        chart.table.headers,
        ["Month", "Service level (%)", "Target"]
    );
    assert_eq!(chart.table.rows[1], ["Oct 25", "93.5", "95"]);
}

#[test]
fn bands_follow_target_warn_and_direction() {
    let higher = time_series(&kpi(&GAPPY));
    let band = |c: &str| format!("fill=\"{c}\"");
    let bands = |svg: &str| {
        [Shade::Green, Shade::Amber, Shade::Red].map(|s| {
            let c = palette::hex(s.colour());
            elements(svg, "rect", &band(&c))
                .iter()
                .filter(|l| l.contains("opacity=\"0.16\""))
                .count()
        })
    };
    assert_eq!(bands(&higher.svg), [1, 1, 1]);
    let mut input = kpi(&GAPPY);
    input.bands.clear();
    assert_eq!(bands(&time_series(&input).svg), [0, 0, 0]);
    // Only the bands given are drawn: here green below, red above.
    input.target = target(5.0, "lower is better");
    input.bands = spans(vec![
        ValueBand {
            from: None,
            to: Some(5.0),
            shade: Shade::Green,
        },
        ValueBand {
            from: Some(5.0),
            to: None,
            shade: Shade::Red,
        },
    ]);
    assert_eq!(bands(&time_series(&input).svg), [1, 0, 1]);

    let colours: Vec<_> = super::bands::clipped(&higher_bands(95.0, 90.0), 80.0, 100.0)
        .into_iter()
        .map(|(a, b, s)| (a, b, s.name()))
        .collect();
    assert_eq!(
        colours,
        [
            (80.0, 90.0, "red"),
            (90.0, 95.0, "amber"),
            (95.0, 100.0, "green")
        ]
    );
    // A band outside the range, or with a NaN edge, is left out.
    let odd = [
        ValueBand {
            from: Some(120.0),
            to: None,
            shade: Shade::Green,
        },
        ValueBand {
            from: Some(f64::NAN),
            to: Some(90.0),
            shade: Shade::Red,
        },
    ];
    assert!(super::bands::clipped(&odd, 80.0, 100.0).is_empty());
}

#[test]
fn sparkline_ends_in_the_shade_it_is_given() {
    // 74.6 shows as 75, which the analysis bands green: the chart must not
    // judge the raw value amber itself.
    let mut input = health();
    let last = input.points.len() - 1;
    input.points[last].value = Some(74.6);
    input.points[last].shade = Shade::Green;
    let chart = sparkline(&input);
    let green = format!("fill=\"{}\"", palette::hex(Shade::Green.colour()));
    let amber = format!("fill=\"{}\"", palette::hex(Shade::Amber.colour()));
    let marker = |fill: &str| {
        elements(&chart.svg, "circle", fill)
            .iter()
            .filter(|c| c.contains("r=\"12\""))
            .count()
    };
    assert_eq!(marker(&green), 1, "{}", chart.svg);
    assert_eq!(marker(&amber), 0);
    assert!(chart.desc.contains(", green"), "{}", chart.desc);
    input.points[last].shade = Shade::Amber;
    let chart = sparkline(&input);
    assert!(chart.desc.contains(", amber"), "{}", chart.desc);
}

#[test]
fn in_progress_month_is_hollow_dashed_and_not_the_latest() {
    let mut input = kpi(&[Some(96.0), Some(94.0), Some(91.0)]);
    input.last_in_progress = true;
    let chart = time_series(&input);
    assert_eq!(
        elements(&chart.svg, "circle", DATA_FILL).len(),
        2 + 1,
        "with the legend's"
    );
    let hollow = elements(&chart.svg, "circle", DATA_STROKE);
    assert_eq!(hollow.len(), 1 + 1, "with the legend's");
    assert!(hollow.iter().all(|c| c.contains("fill=\"none\"")));
    let dashed = elements(&chart.svg, "polyline", "stroke-dasharray=\"4 3\"");
    assert_eq!(dashed.len(), 1);
    assert!(dashed[0].contains(DATA_STROKE), "{}", dashed[0]);
    assert!(
        chart.desc.contains("latest 94% in Feb 26"),
        "{}",
        chart.desc
    );
    assert!(
        chart.desc.contains("Mar 26 in progress at 91%"),
        "{}",
        chart.desc
    );
    assert_eq!(chart.table.rows[2][1], "91 (in progress)");
    assert!(chart.svg.contains(">In progress</text>"));
}

#[test]
fn y_range_holds_target_and_warn_and_stays_within_ceiling() {
    let chart = time_series(&kpi(&[Some(99.0), Some(99.5)]));
    // Ticks are written as text; the warn (90) and the ceiling (100) bound them.
    let ticks = tick_values(&chart.svg);
    assert!(ticks.iter().any(|t| *t <= 90.0), "{ticks:?}");
    assert!(ticks.iter().all(|t| *t <= 100.0), "{ticks:?}");
}

#[test]
fn values_beyond_the_ceiling_stay_inside_the_plot() {
    let chart = time_series(&kpi(&[Some(97.0), Some(104.0)]));
    // The y axis line runs from the top of the plot to its bottom.
    let [_, y1, _, y2] = strokes(&chart.svg, "#8A96A3")[0];
    let (top, bottom) = (y1.min(y2), y1.max(y2));
    for marker in elements(&chart.svg, "circle", DATA_FILL).iter().skip(1) {
        let cy: i32 = marker
            .split("cy=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!((top..=bottom).contains(&cy), "{cy} outside {top}..{bottom}");
    }
    // Without a ceiling, the padding may go past 100.
    let chart = time_series(&kpi(&[Some(60.0), Some(99.0)]));
    assert_eq!(tick_values(&chart.svg).last(), Some(&100.0));
}

/// The numeric text elements of a chart, in order.
fn tick_values(svg: &str) -> Vec<f64> {
    svg.split("</text>")
        .filter_map(|t| t.rsplit('>').next()?.trim().parse().ok())
        .collect()
}

/// A target amended from the fourth month on steps there; the table gives
/// each month's own target, and the legend names no single value.
#[test]
fn an_amended_target_is_a_step_line() {
    let mut input = kpi(&[Some(96.0), Some(97.0), Some(95.0), Some(98.0), Some(99.0)]);
    input.target = Some(Target {
        line: Step {
            name: "Target".into(),
            values: vec![Some(95.0), Some(95.0), Some(95.0), Some(97.5), Some(97.5)],
        },
        direction: "higher is better".into(),
    });
    let chart = time_series(&input);
    let lines = elements(&chart.svg, "polyline", "stroke-dasharray=\"7 4\"");
    assert_eq!(
        lines.len(),
        2,
        "the step line and its legend swatch: {lines:#?}"
    );
    let step = lines
        .iter()
        .find(|l| points_of(l).len() > 2)
        .expect("a step line");
    let ys: Vec<&str> = points_of(step)
        .iter()
        .map(|p| p.split(',').nth(1).unwrap())
        .collect();
    let distinct: std::collections::BTreeSet<&&str> = ys.iter().collect();
    assert_eq!(distinct.len(), 2, "two levels: {ys:?}");
    assert!(
        chart.svg.contains(">Target</text>"),
        "no single value in the legend"
    );
    assert!(
        chart.desc.contains("target amended to 97.5%"),
        "{}",
        chart.desc
    );
    let targets: Vec<&str> = chart.table.rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(targets, ["95", "95", "95", "97.5", "97.5"]);
}

/// A minimum is its own line with its own dash and legend entry, and the
/// table a column of its own.
#[test]
fn a_minimum_is_drawn_in_the_limit_dash() {
    let mut input = kpi(&[Some(96.0), Some(91.0), Some(93.0)]);
    input.limits = vec![Step::constant("Minimum", 92.0, 3)];
    let chart = time_series(&input);
    let limits = elements(&chart.svg, "polyline", "stroke-dasharray=\"2 3\"");
    assert_eq!(
        limits.len(),
        2,
        "the line and its legend swatch: {limits:#?}"
    );
    assert!(chart.svg.contains(">Minimum 92%</text>"));
    assert_eq!(chart.table.headers[3], "Minimum");
    assert_eq!(chart.table.rows[0][3], "92");
    // The plain KPI chart has no such line.
    assert!(!time_series(&kpi(&[Some(96.0)])).svg.contains("2 3"));
}

/// An excused month keeps its value, hatched; a month not judged is a
/// hollow grey dot; both say why in the table.
#[test]
fn excused_and_unjudged_months_are_drawn_apart_and_explained() {
    let mut input = kpi(&[Some(96.0), Some(61.0), Some(88.0), Some(97.0)]);
    input.points[1].mark = Mark::Excused;
    input.points[1].note = Some("excused: carrier outage".into());
    input.points[2].mark = Mark::NotJudged;
    input.points[2].note = Some("low volume".into());
    let chart = time_series(&input);
    assert_eq!(
        elements(&chart.svg, "circle", DATA_FILL).len(),
        2 + 1,
        "two judged months and the legend's"
    );
    let grey = format!("stroke=\"{}\"", palette::hex(Shade::Grey.colour()));
    let hollow = elements(&chart.svg, "circle", &grey);
    assert_eq!(hollow.len(), 1 + 1, "one unjudged month and the legend's");
    assert!(chart.svg.contains(">Excused</text>") && chart.svg.contains(">Not judged</text>"));
    let data_rect = format!("fill=\"{}\"", palette::hex(palette::DATA));
    assert_eq!(
        elements(&chart.svg, "rect", &data_rect).len(),
        1 + 1,
        "a hatched square for the excused month and the legend's"
    );
    assert_eq!(chart.table.headers.last().unwrap(), "Note");
    assert_eq!(
        chart.table.rows[1].last().unwrap(),
        "excused: carrier outage"
    );
    assert_eq!(chart.table.rows[0].last().unwrap(), "");
}

/// Bands follow the terms: each span covers its months' columns.
#[test]
fn band_spans_change_where_terms_change() {
    let mut input = kpi(&[Some(96.0), Some(97.0), Some(95.0), Some(98.0)]);
    input.bands = vec![
        BandSpan {
            from: 0,
            bands: higher_bands(95.0, 90.0),
        },
        BandSpan {
            from: 2,
            bands: higher_bands(97.0, 92.0),
        },
    ];
    let chart = time_series(&input);
    let green = format!("fill=\"{}\"", palette::hex(Shade::Green.colour()));
    let greens: Vec<String> = elements(&chart.svg, "rect", &green)
        .into_iter()
        .filter(|r| r.contains("opacity=\"0.16\""))
        .collect();
    assert_eq!(greens.len(), 2, "one green band per span: {greens:#?}");
}

/// A review pack's quarter: one shaded column span over the bands, named in
/// the legend and the description; a span past the data is cut to it.
#[test]
fn a_highlight_shades_its_points_columns() {
    let tint = format!("fill=\"{}\"", palette::hex(palette::DATA));
    let shaded = |svg: &str| -> Vec<String> {
        elements(svg, "rect", &tint)
            .into_iter()
            .filter(|r| r.contains("opacity=\"0.1\""))
            .collect()
    };
    let mut input = kpi(&[Some(96.0), Some(97.0), Some(95.0), Some(98.0), Some(94.0)]);
    assert!(shaded(&time_series(&input).svg).is_empty());
    input.highlight = Some(Highlight {
        from: 2,
        to: 4,
        label: "2026-Q3".into(),
    });
    let chart = time_series(&input);
    let rects = shaded(&chart.svg);
    assert_eq!(rects.len(), 1, "{rects:#?}");
    assert!(chart.svg.contains(">2026-Q3</text>"), "in the legend");
    assert!(
        chart.desc.contains("2026-Q3 (Jan 26 to Mar 26) shaded"),
        "{}",
        chart.desc
    );
    // Wider than a column and narrower than the plot: 3 of 5 columns.
    let width = |r: &str| -> f64 {
        let at = r.find("width=\"").unwrap() + 7;
        r[at..].split('"').next().unwrap().parse().unwrap()
    };
    let plot = elements(&chart.svg, "rect", "fill=\"#009E73\"")
        .into_iter()
        .find(|r| r.contains("opacity=\"0.16\""))
        .map(|r| width(&r))
        .unwrap();
    let w = width(&rects[0]);
    assert!((w / plot - 0.6).abs() < 0.02, "{w} of {plot}");
    input.highlight = Some(Highlight {
        from: 7,
        to: 9,
        label: "later".into(),
    });
    assert!(shaded(&time_series(&input).svg).is_empty());
}
