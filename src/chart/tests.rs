//! Unit tests of the chart shapes: the structure of the SVG (markers, line
//! segments, reference lines, counts), data tables, descriptions, escaping,
//! determinism and robustness. `write_samples` (ignored) writes every sample
//! chart to /tmp/chart-samples/ for looking at.

use super::*;

fn months(n: usize) -> Vec<String> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // Counting back from Mar 26.
    (0..n)
        .map(|k| {
            let m = 2026 * 12 + 2 - (n - 1 - k);
            format!("{} {:02}", NAMES[m % 12], m / 12 % 100)
        })
        .collect()
}

fn points(values: &[Option<f64>]) -> Vec<Point> {
    months(values.len())
        .into_iter()
        .zip(values)
        .map(|(label, value)| Point {
            label,
            value: *value,
            shade: if value.is_some() {
                Shade::Green
            } else {
                Shade::Grey
            },
        })
        .collect()
}

/// Bands as a caller that judges "higher is better" against `good` and
/// `warn` would give them.
fn higher_bands(good: f64, warn: f64) -> Vec<ValueBand> {
    let band = |from, to, shade| ValueBand { from, to, shade };
    vec![
        band(None, Some(warn), Shade::Red),
        band(Some(warn), Some(good), Shade::Amber),
        band(Some(good), None, Shade::Green),
    ]
}

fn target(value: f64, direction: &str) -> Option<Target> {
    Some(Target {
        value,
        direction: direction.into(),
    })
}

fn kpi(values: &[Option<f64>]) -> TimeSeriesInput {
    TimeSeriesInput {
        id: "kpi-service-level".into(),
        title: "Service level vs target".into(),
        y_label: "Service level (%)".into(),
        unit: "%".into(),
        decimals: 1,
        points: points(values),
        last_in_progress: false,
        target: target(95.0, "higher is better"),
        bands: higher_bands(95.0, 90.0),
        y_floor: Some(0.0),
        y_ceiling: Some(100.0),
    }
}

/// 5 reported values and 2 gaps, one of them leaving a lone point.
const GAPPY: [Option<f64>; 7] = [
    Some(96.0),
    Some(93.5),
    None,
    Some(88.0),
    None,
    Some(95.5),
    Some(97.2),
];

fn workload() -> BarsInput {
    let hours = [
        Some(150.0),
        Some(158.0),
        Some(171.0),
        None,
        Some(160.0),
        Some(176.5),
    ];
    BarsInput {
        id: "workload".into(),
        title: "Hours worked vs contracted capacity".into(),
        category_label: "Month".into(),
        value_label: "Hours worked (h)".into(),
        unit: "h".into(),
        decimals: 1,
        bars: months(6)
            .into_iter()
            .zip(hours)
            .map(|(label, value)| Bar {
                label,
                value,
                reference: Some(160.0),
            })
            .collect(),
        reference: Some(Reference {
            name: "Contracted capacity".into(),
            flag: Flag::Above,
            flagged_name: "Over capacity".into(),
        }),
        orientation: Orientation::Vertical,
        value_max: None,
        integer: false,
    }
}

fn sla() -> BarsInput {
    let kpis = [
        ("Service level", Some(91.7)),
        (
            "First-contact resolution rate across all channels",
            Some(100.0),
        ),
        ("Accuracy", Some(75.0)),
        ("Client approvals on time", None),
    ];
    BarsInput {
        id: "sla".into(),
        title: "SLA attainment, last 12 months".into(),
        category_label: "KPI".into(),
        value_label: "Months meeting target (%)".into(),
        unit: "%".into(),
        decimals: 0,
        bars: kpis
            .iter()
            .map(|(label, value)| Bar {
                label: label.to_string(),
                value: *value,
                reference: Some(90.0),
            })
            .collect(),
        reference: Some(Reference {
            name: "Target".into(),
            flag: Flag::Below,
            flagged_name: "Below target".into(),
        }),
        orientation: Orientation::Horizontal,
        value_max: Some(100.0),
        integer: false,
    }
}

fn survey() -> GroupedBarsInput {
    GroupedBarsInput {
        id: "survey".into(),
        title: "Survey: client vs provider".into(),
        category_label: "Dimension".into(),
        value_label: "Score (1–5)".into(),
        unit: String::new(),
        decimals: 1,
        categories: [
            "Trust",
            "Communication",
            "Collaboration",
            "Respect",
            "Goals",
        ]
        .map(String::from)
        .to_vec(),
        series: vec![
            BarSeries {
                name: "Client".into(),
                tone: Tone::Client,
                values: vec![Some(4.5), Some(3.0), Some(4.0), None, Some(3.5)],
            },
            BarSeries {
                name: "Provider".into(),
                tone: Tone::Provider,
                values: vec![Some(3.0), Some(3.5), Some(4.0), Some(5.0), Some(3.0)],
            },
        ],
        value_max: Some(5.0),
        integer: false,
        gap: Some(GapNote { flag_at: 1.0 }),
    }
}

fn feedback() -> GroupedBarsInput {
    GroupedBarsInput {
        id: "feedback".into(),
        title: "Feedback by kind, last 6 months".into(),
        category_label: "Kind".into(),
        value_label: "Items".into(),
        unit: String::new(),
        decimals: 0,
        categories: ["Praise", "Concern", "Suggestion"]
            .map(String::from)
            .to_vec(),
        series: vec![
            BarSeries {
                name: "Client".into(),
                tone: Tone::Client,
                values: vec![Some(3.0), Some(1.0), Some(2.0)],
            },
            BarSeries {
                name: "Provider".into(),
                tone: Tone::Provider,
                values: vec![Some(1.0), Some(4.0), Some(0.0)],
            },
        ],
        value_max: None,
        integer: true,
        gap: None,
    }
}

fn risks() -> HeatMapInput {
    let mut counts = [[0u32; 5]; 5];
    counts[4][4] = 1; // critical
    counts[3][2] = 2; // high (12)
    counts[1][2] = 3; // medium (6)
    counts[0][0] = 4; // low
    HeatMapInput {
        id: "risk-map".into(),
        title: "Open risks".into(),
        counts,
    }
}

fn health() -> SparklineInput {
    let values = [
        62.0, 65.0, 70.0, 74.0, 71.0, 76.0, 78.0, 80.0, 77.0, 79.0, 81.0, 83.0,
    ];
    SparklineInput {
        id: "health-acme".into(),
        title: "Health, last 12 months".into(),
        value_label: "Health (0–100)".into(),
        unit: String::new(),
        decimals: 0,
        points: points(&values.map(Some)),
        range: Some((0.0, 100.0)),
        bands: higher_bands(75.0, 50.0),
    }
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Elements of one kind stroked or filled in one colour (counting the
/// attributes they inherit from their groups).
fn elements(svg: &str, tag: &str, attr: &str) -> Vec<String> {
    flat(svg)
        .lines()
        .filter(|l| l.starts_with(&format!("<{tag} ")) && l.contains(attr))
        .map(str::to_string)
        .collect()
}

/// The SVG with every `<g>`'s attributes copied onto each element inside
/// it, one element per line, and the `<g>` tags dropped: what each element
/// looks like, whatever way the styles are shared.
fn flat(svg: &str) -> String {
    let mut inherited: Vec<String> = Vec::new();
    let mut out = String::new();
    for line in svg.lines() {
        if let Some(attrs) = line.strip_prefix("<g") {
            inherited.push(attrs.trim_end_matches('>').to_string());
            continue;
        }
        if line == "</g>" {
            inherited.pop();
            continue;
        }
        let extra = inherited.concat();
        let with = if line.starts_with('<') && !line.starts_with("</") && !extra.is_empty() {
            let end = line
                .find("/>")
                .or_else(|| line.find('>'))
                .unwrap_or(line.len());
            format!("{}{extra}{}", &line[..end], &line[end..])
        } else {
            line.to_string()
        };
        out.push_str(&with);
        out.push('\n');
    }
    out
}

/// The straight lines stroked in `colour`, as `[x1, y1, x2, y2]`, in order:
/// from two-point polylines, and from the subpaths of the `<path>` a run of
/// lines is merged into (`M x y` then `H x`, `V y` or `L x y`).
fn strokes(svg: &str, colour: &str) -> Vec<[i32; 4]> {
    let stroke = format!("stroke=\"{colour}\"");
    let mut out = Vec::new();
    for line in elements(svg, "polyline", &stroke) {
        let p: Vec<i32> = points_of(&line)
            .iter()
            .flat_map(|p| p.split(','))
            .map(|v| v.parse().unwrap())
            .collect();
        if let [x1, y1, x2, y2] = p[..] {
            out.push([x1, y1, x2, y2]);
        }
    }
    for path in elements(svg, "path", &stroke) {
        let d = path
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for sub in d.split('M').skip(1) {
            let at = sub.find(['H', 'V', 'L']).unwrap();
            let start: Vec<i32> = sub[..at].split(' ').map(|v| v.parse().unwrap()).collect();
            let end: Vec<i32> = sub[at + 1..]
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect();
            let (x1, y1) = (start[0], start[1]);
            out.push(match &sub[at..=at] {
                "H" => [x1, y1, end[0], y1],
                "V" => [x1, y1, x1, end[0]],
                _ => [x1, y1, end[0], end[1]],
            });
        }
    }
    out
}

/// The points of a polyline.
fn points_of(polyline: &str) -> Vec<&str> {
    polyline
        .split("points=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split_whitespace()
        .collect()
}

const DATA_FILL: &str = "fill=\"#2E4A6B\"";
const DATA_STROKE: &str = "stroke=\"#2E4A6B\"";
const REFERENCE_STROKE: &str = "stroke=\"#111111\"";

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
        ["#009E73", "#E69F00", "#D55E00"].map(|c| {
            elements(svg, "rect", &band(c))
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
    input.bands = vec![
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
    ];
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
    let green = format!("fill=\"{}\"", palette::hex(palette::GREEN));
    let amber = format!("fill=\"{}\"", palette::hex(palette::AMBER));
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
        id: "x",
        title: "T & U",
        desc: "D",
        width: 600,
        height: 300,
        scale: 1,
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

#[test]
fn over_capacity_bars_are_hatched_and_listed() {
    let chart = bars(&workload());
    // 171 and 176.5 exceed 160.
    let flagged = elements(&chart.svg, "rect", "fill=\"#D55E00\"");
    assert_eq!(flagged.len(), 2 + 1, "two bars and the legend swatch");
    assert!(strokes(&chart.svg, "#FFFFFF").len() >= 6, "hatching");
    assert_eq!(
        elements(&chart.svg, "rect", DATA_FILL).len(),
        3 + 1,
        "three plain bars and the legend swatch"
    );
    assert!(chart.svg.contains("Contracted capacity 160 h"));
    assert!(
        chart.svg.contains(">n/r</text>"),
        "the missing month is marked"
    );
    assert!(
        chart
            .desc
            .contains("2 bars over capacity: Dec 25 and Mar 26"),
        "{}",
        chart.desc
    );
    assert_eq!(
        chart.table.headers,
        [
            "Month",
            "Hours worked (h)",
            "Contracted capacity",
            "Over capacity"
        ]
    );
    assert_eq!(chart.table.rows[2], ["Dec 25", "171", "160", "yes"]);
    assert_eq!(chart.table.rows[3], ["Jan 26", NOT_REPORTED, "160", ""]);
}

#[test]
fn bars_start_at_zero() {
    let chart = bars(&workload());
    assert!(
        chart.svg.contains(">0</text>"),
        "the value axis starts at 0"
    );
    let mut input = sla();
    input.orientation = Orientation::Vertical;
    let chart = bars(&input);
    assert!(chart.svg.contains(">0</text>") && chart.svg.contains(">100</text>"));
}

#[test]
fn horizontal_bars_truncate_long_names_but_keep_them_in_the_table() {
    let chart = bars(&sla());
    assert!(chart.svg.contains("First-contact resolution"));
    assert!(!chart.svg.contains("across all channels</text>"));
    assert!(chart.svg.contains('…'));
    assert_eq!(
        chart.table.rows[1][0],
        "First-contact resolution rate across all channels"
    );
    assert!(
        chart.desc.contains("1 bar below target: Accuracy"),
        "{}",
        chart.desc
    );
    assert!(chart.svg.contains("Target 90%"));
}

#[test]
fn varying_reference_is_a_step_line() {
    let mut input = workload();
    input.bars[4].reference = Some(140.0);
    input.bars[5].reference = None;
    let chart = bars(&input);
    let lines = elements(&chart.svg, "polyline", REFERENCE_STROKE);
    assert_eq!(
        lines.len(),
        2,
        "the legend swatch and one run over five months"
    );
    let run = points_of(&lines[1]);
    // Flat at 160 for four months, a step down, flat at 140 for the fifth.
    let ys: Vec<&str> = run.iter().map(|p| p.split(',').nth(1).unwrap()).collect();
    let step = ys.iter().position(|y| *y != ys[0]).unwrap();
    assert_eq!(run.len(), step + 2);
    assert_eq!(
        run[step - 1].split(',').next(),
        run[step].split(',').next(),
        "a vertical step"
    );
    assert!(
        chart.desc.contains("contracted capacity varies"),
        "{}",
        chart.desc
    );
}

#[test]
fn grouped_bars_have_a_legend_and_gaps() {
    let chart = grouped_bars(&survey());
    assert_eq!(
        elements(&chart.svg, "rect", "fill=\"#0072B2\"").len(),
        4 + 1
    );
    assert_eq!(
        elements(&chart.svg, "rect", "fill=\"#CC79A7\"").len(),
        5 + 1
    );
    assert!(chart.svg.contains(">Client</text>") && chart.svg.contains(">Provider</text>"));
    assert!(chart.svg.contains(">gap +1.5</text>"));
    assert_eq!(
        count(&flat(&chart.svg), "font-weight=\"bold\""),
        1,
        "only |gap| >= 1 is bold"
    );
    assert!(
        chart.desc.contains("largest gap +1.5 on Trust, flagged"),
        "{}",
        chart.desc
    );
    assert_eq!(
        chart.table.headers,
        ["Dimension", "Client", "Provider", "Gap (Client − Provider)"]
    );
    assert_eq!(
        chart.table.rows[3],
        ["Respect", NOT_REPORTED, "5", NOT_REPORTED]
    );
}

#[test]
fn count_axes_use_whole_numbers() {
    let chart = grouped_bars(&feedback());
    assert!(!chart.svg.contains(">0.5</text>") && !chart.svg.contains(">1.5</text>"));
    assert!(
        chart
            .desc
            .contains("Client praise 3, concern 1, suggestion 2"),
        "{}",
        chart.desc
    );
}

#[test]
fn heat_map_shows_counts_and_ratings() {
    let chart = heat_map(&risks());
    let flat = flat(&chart.svg);
    let bold: Vec<&str> = flat
        .lines()
        .filter(|l| l.contains("font-weight=\"bold\""))
        .collect();
    assert_eq!(bold.len(), 4, "one bold count per non-empty cell");
    for (text, n) in bold.iter().zip(["4", "3", "2", "1"]) {
        assert!(text.ends_with(&format!(">{n}</text>")), "{text}");
    }
    assert!(chart.svg.contains(">Likelihood</text>") && chart.svg.contains(">Impact</text>"));
    assert_eq!(
        elements(&chart.svg, "rect", "fill=\"#A83A0C\"").len(),
        4 + 1,
        "critical cells (4x4, 4x5, 5x4, 5x5) and legend"
    );
    assert_eq!(
        chart.desc,
        "10 risks by likelihood and impact: 1 critical, 2 high, 3 medium and 4 low."
    );
    assert_eq!(chart.table.headers[0], "Likelihood");
    assert_eq!(chart.table.rows[0], ["5", "0", "0", "0", "0", "1"]);
    assert_eq!(chart.table.rows[4], ["1", "4", "0", "0", "0", "0"]);
}

#[test]
fn sparkline_is_tiny_marks_the_last_point_and_shows_gaps() {
    let mut input = health();
    input.points[3].value = None;
    input.points[5].value = None;
    let chart = sparkline(&input);
    assert!(chart.svg.contains("viewBox=\"0 0 120 28\""));
    // Drawn at 4x and scaled back, for sub-pixel precision.
    assert!(chart.svg.contains(
        "<g transform=\"scale(0.25)\">\n<rect x=\"0\" y=\"0\" width=\"480\" height=\"112\""
    ));
    assert!(chart.svg.ends_with("</g>\n</svg>\n"));
    assert!(!chart.svg.contains("<text"), "no axes, no labels");
    assert_eq!(elements(&chart.svg, "polyline", DATA_STROKE).len(), 2);
    assert_eq!(
        elements(&chart.svg, "circle", DATA_FILL).len(),
        1,
        "the lone point between the gaps"
    );
    let last = elements(&chart.svg, "circle", "fill=\"#009E73\"");
    assert_eq!(last.len(), 1, "the last point, green");
    assert!(
        chart
            .desc
            .starts_with("Health, last 12 months: latest 83 (Mar 26), green, from 62 in Apr 25"),
        "{}",
        chart.desc
    );
    assert!(chart.desc.contains("2 months not reported"));
    assert_eq!(chart.table.rows.len(), 12);
}

#[test]
fn nothing_panics_on_odd_input() {
    let odd = [
        None,
        Some(f64::NAN),
        Some(f64::INFINITY),
        Some(-1e300),
        Some(1e300),
        Some(0.0),
    ];
    let mut input = kpi(&odd);
    input.target = target(f64::NAN, "lower is better");
    input.bands = vec![ValueBand {
        from: Some(f64::INFINITY),
        to: Some(f64::NAN),
        shade: Shade::Amber,
    }];
    let chart = time_series(&input);
    assert!(chart.svg.starts_with("<svg"));
    for values in [&[][..], &[None, None][..], &[Some(5.0)][..], &odd[..]] {
        let mut input = kpi(values);
        input.last_in_progress = true;
        let chart = time_series(&input);
        assert!(chart.svg.contains("</svg>"));
        let mut input = health();
        input.points = points(values);
        assert!(sparkline(&input).svg.contains("</svg>"));
        let mut input = workload();
        input.bars = months(values.len())
            .into_iter()
            .zip(values)
            .map(|(label, value)| Bar {
                label,
                value: *value,
                reference: *value,
            })
            .collect();
        assert!(bars(&input).svg.contains("</svg>"));
        input.orientation = Orientation::Horizontal;
        input.value_max = Some(f64::NAN);
        assert!(bars(&input).svg.contains("</svg>"));
    }
    let mut input = survey();
    input.categories.clear();
    assert!(grouped_bars(&input).svg.contains("</svg>"));
    let mut input = survey();
    input.series.truncate(1);
    input.series[0].values.clear();
    assert!(grouped_bars(&input).desc.contains("nothing reported"));
    let mut input = risks();
    input.counts = [[u32::MAX; 5]; 5];
    assert!(heat_map(&input).svg.contains("4294967295"));
    assert!(
        time_series(&kpi(&[None, None]))
            .svg
            .contains("No data reported")
    );
}

/// Write every sample to /tmp/chart-samples/ as SVG and as an HTML page
/// (chart at 100% width, its table below) to look at in a browser:
/// `cargo test --lib chart::tests::write_samples -- --ignored`.
#[test]
#[ignore]
fn write_samples() {
    let mut in_progress = kpi(&GAPPY);
    in_progress.last_in_progress = true;
    let long: Vec<Option<f64>> = (0..24)
        .map(|i| {
            if i % 9 == 4 {
                None
            } else {
                Some(4.0 + f64::from(i % 5) * 0.8)
            }
        })
        .collect();
    let mut lower = kpi(&long);
    lower.id = "kpi-handle-time".into();
    lower.title = "Average handle time vs target".into();
    lower.y_label = "Average handle time (min)".into();
    lower.unit = "min".into();
    lower.target = target(5.0, "lower is better");
    lower.bands = vec![
        ValueBand {
            from: None,
            to: Some(5.0),
            shade: Shade::Green,
        },
        ValueBand {
            from: Some(5.0),
            to: Some(6.0),
            shade: Shade::Amber,
        },
        ValueBand {
            from: Some(6.0),
            to: None,
            shade: Shade::Red,
        },
    ];
    lower.y_ceiling = None;
    let mut checkins = workload();
    checkins.id = "checkins".into();
    checkins.title = "Check-ins held vs expected".into();
    checkins.value_label = "Check-ins held".into();
    checkins.unit = String::new();
    checkins.decimals = 0;
    checkins.integer = true;
    for (i, bar) in checkins.bars.iter_mut().enumerate() {
        bar.value = [Some(4.0), Some(4.0), Some(2.0), Some(5.0), None, Some(3.0)][i];
        bar.reference = Some(if i < 3 { 4.0 } else { 5.0 });
    }
    checkins.reference = Some(Reference {
        name: "Expected".into(),
        flag: Flag::Below,
        flagged_name: "Fewer than expected".into(),
    });
    let samples = [
        ("kpi", time_series(&in_progress)),
        ("kpi-lower", time_series(&lower)),
        ("workload", bars(&workload())),
        ("sla", bars(&sla())),
        ("checkins", bars(&checkins)),
        ("survey", grouped_bars(&survey())),
        ("feedback", grouped_bars(&feedback())),
        ("risks", heat_map(&risks())),
        ("sparkline", sparkline(&health())),
    ];
    let dir = std::path::Path::new("/tmp/chart-samples");
    std::fs::create_dir_all(dir).unwrap();
    let mut index = String::from(
        "<!doctype html><meta charset=utf-8><style>body{font-family:sans-serif;margin:8px;background:#333;color:#eee}svg.chart{width:100%;height:auto;display:block}td,th{border:1px solid #888;padding:2px 6px}</style>\n",
    );
    for (name, chart) in &samples {
        std::fs::write(dir.join(format!("{name}.svg")), &chart.svg).unwrap();
        let table: String = std::iter::once(format!(
            "<tr><th>{}</th></tr>",
            chart.table.headers.join("</th><th>")
        ))
        .chain(
            chart
                .table
                .rows
                .iter()
                .map(|r| format!("<tr><td>{}</td></tr>", r.join("</td><td>"))),
        )
        .collect();
        let width = if *name == "sparkline" {
            "width:120px"
        } else {
            ""
        };
        let page = format!(
            "<!doctype html><meta charset=utf-8><style>body{{margin:0;background:#333;color:#eee;font-family:sans-serif}}svg.chart{{width:100%;height:auto;display:block;{width}}}</style>{}<p>{}</p><table>{table}</table>",
            chart.svg, chart.desc
        );
        std::fs::write(dir.join(format!("{name}.html")), page).unwrap();
        index.push_str(&format!(
            "<h3>{}</h3>{}<p>{}</p>\n",
            chart.title, chart.svg, chart.desc
        ));
    }
    std::fs::write(dir.join("index.html"), index).unwrap();
}

/// Figures past any sane range (a range check bypassed) still draw: the
/// axis range is infinite or NaN there, and no clamp may panic on it.
#[test]
fn extreme_values_never_panic() {
    for (a, b) in [(9e307, -9e307), (f64::MAX, f64::MIN), (1e308, 1e308)] {
        let mut input = kpi(&[Some(a), Some(b)]);
        input.y_floor = None;
        input.y_ceiling = None;
        input.target = target(a, "higher is better");
        input.bands = higher_bands(a, b);
        let _ = time_series(&input);
    }
    assert_eq!(super::bound(1.0, 5.0, 2.0), 2.0);
    assert!(super::bound(1.0, f64::NAN, f64::NAN) == 1.0);
}
