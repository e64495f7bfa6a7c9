//! Unit tests of the chart shapes: the structure of the SVG (markers, line
//! segments, reference lines, counts), data tables, descriptions, escaping,
//! determinism and robustness. `write_samples` (ignored) writes every sample
//! chart to /tmp/chart-samples/ for looking at.

use super::*;

/// The shapes worded in English, as the tests read them.
fn time_series(input: &TimeSeriesInput) -> Chart {
    super::time_series(input, english())
}

fn bars(input: &BarsInput) -> Chart {
    super::bars(input, english())
}

fn grouped_bars(input: &GroupedBarsInput) -> Chart {
    super::grouped_bars(input, english())
}

fn heat_map(input: &HeatMapInput) -> Chart {
    super::heat_map(input, english())
}

fn sparkline(input: &SparklineInput) -> Chart {
    super::sparkline(input, english())
}

fn english() -> &'static crate::render::language::Language {
    crate::render::language::english()
}

/// What a table cell says for a missing value, in English.
const NOT_REPORTED: &str = "not reported";

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
            mark: Mark::Judged,
            note: None,
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

/// A constant target line, longer than any test's series.
fn target(value: f64, direction: &str) -> Option<Target> {
    Some(Target {
        line: Step::constant("Target", value, 64),
        direction: direction.into(),
    })
}

/// The same bands from the first point on.
fn spans(bands: Vec<ValueBand>) -> Vec<BandSpan> {
    vec![BandSpan { from: 0, bands }]
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
        limits: Vec::new(),
        bands: spans(higher_bands(95.0, 90.0)),
        y_floor: Some(0.0),
        y_ceiling: Some(100.0),
        highlight: None,
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
                flagged: value.is_some_and(|v| v > 160.0),
                in_progress: false,
            })
            .collect(),
        reference: Some(Reference {
            name: "Contracted capacity".into(),
            flagged_name: "Over capacity".into(),
            flagged_shade: Shade::Amber,
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
                flagged: value.is_some_and(|v| v < 90.0),
                in_progress: false,
            })
            .collect(),
        reference: Some(Reference {
            name: "Target".into(),
            flagged_name: "Below target".into(),
            flagged_shade: Shade::Red,
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
        ranges: Vec::new(),
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
        ranges: Vec::new(),
    }
}

fn risks() -> HeatMapInput {
    let mut counts = [[0u32; 5]; 5];
    counts[4][4] = 1; // critical
    counts[3][2] = 2; // high (12)
    counts[1][2] = 3; // medium (6)
    counts[0][0] = 4; // low
    // The classes of a usual rating: low 1–4, medium 5–9, high 10–15,
    // critical 16–25 (the analysis decides them; here, the test does).
    let mut cells = [[0usize; 5]; 5];
    for (l, row) in cells.iter_mut().enumerate() {
        for (i, cell) in row.iter_mut().enumerate() {
            *cell = match (l + 1) * (i + 1) {
                0..=4 => 0,
                5..=9 => 1,
                10..=15 => 2,
                _ => 3,
            };
        }
    }
    let class = |name: &str, legend: &str, shade| HeatClass {
        name: name.into(),
        legend: legend.into(),
        shade,
    };
    HeatMapInput {
        id: "risk-map".into(),
        title: "Open risks".into(),
        counts,
        cells,
        classes: vec![
            class("low", "Low 1–4", Shade::Green),
            class("medium", "Medium 5–9", Shade::Amber),
            class("high", "High 10–15", Shade::Orange),
            class("critical", "Critical 16–25", Shade::Red),
        ],
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

mod envelope;
mod robustness;
mod series;
mod shapes;
