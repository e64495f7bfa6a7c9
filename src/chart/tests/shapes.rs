//! Bars, grouped bars, heat maps and sparklines.

use super::*;

#[test]
fn over_capacity_bars_are_hatched_and_listed() {
    let chart = bars(&workload());
    // 171 and 176.5 exceed 160.
    let amber = format!("fill=\"{}\"", palette::hex(Shade::Amber.colour()));
    let flagged = elements(&chart.svg, "rect", &amber);
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

/// Long KPI names leave the narrow drawing's plot about half its width; a
/// legend entry wider than that starts at the left margin instead of
/// running past the drawing's right edge (where it was cut).
#[test]
fn a_legend_entry_wider_than_a_narrow_plot_stays_inside_the_drawing() {
    let mut input = sla();
    input.bars[0].label = "Calls answered within 20 seconds".into();
    input.value_label = "Months on target (%)".into();
    let reference = input.reference.as_mut().unwrap();
    reference.name = "Every month on target".into();
    reference.flagged_name = "Breached in some months".into();
    let chart = bars(&input);
    let narrow = chart.narrow.as_deref().unwrap();
    let width = f64::from(crate::chart::axis::Size::NARROW.width);
    for label in ["Months on target (%)", "Breached in some months"] {
        let line = elements(narrow, "text", "")
            .into_iter()
            .find(|l| l.contains(&format!(">{label}</text>")))
            .unwrap_or_else(|| panic!("no legend entry {label}"));
        let x: f64 = line
            .split(" x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or_else(|| panic!("no x in {line}"));
        let right = x + crate::chart::axis::text_width(label, crate::chart::axis::TEXT_PX);
        assert!(right <= width, "{label} ends at {right} of {width}: {line}");
    }
}

#[test]
fn horizontal_bars_wrap_long_names_and_keep_them_in_the_table() {
    let chart = bars(&sla());
    let narrow = chart.narrow.as_deref().unwrap();
    for svg in [&chart.svg[..], narrow] {
        assert!(svg.contains(">First-contact"), "{svg}");
        assert!(
            svg.contains("channels</text>"),
            "the last word is on a line of its own"
        );
        assert!(!svg.contains('…'));
    }
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
        elements(
            &chart.svg,
            "rect",
            &format!("fill=\"{}\"", palette::hex(Shade::Red.colour()))
        )
        .len(),
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
fn a_chart_in_german_writes_its_words_and_numbers_in_german() {
    let mut theme_errors = Vec::new();
    let de = crate::render::language::Language::load(
        &crate::render::theme::Theme::builtin(),
        "de",
        std::path::Path::new("test"),
        &mut theme_errors,
    )
    .unwrap();
    let mut input = workload();
    for bar in &mut input.bars {
        bar.value = bar.value.map(|v| v * 10.0);
        bar.reference = Some(1600.0);
    }
    let chart = super::super::bars(&input, &de);
    // Ticks and values grouped and pointed as German writes them.
    assert!(chart.svg.contains(">1.500<"), "{}", chart.svg);
    assert!(chart.desc.contains("1.765 h"), "{}", chart.desc);
    assert!(
        chart.svg.contains(">k. A.<"),
        "a missing bar is marked in German"
    );
    assert_eq!(chart.table.rows[3][1], "nicht gemeldet");
    assert!(
        chart.desc.contains("nach Month"),
        "labels keep their case: {}",
        chart.desc
    );
    let series = super::super::time_series(&kpi(&GAPPY), &de);
    for word in ["Istwert", "je Monat", "zuletzt"] {
        assert!(
            series.svg.contains(word) || series.desc.contains(word),
            "{word}: {}",
            series.desc
        );
    }
    assert_eq!(series.table.headers[0], "Monat");
    assert!(!series.desc.contains("latest"), "{}", series.desc);
}
