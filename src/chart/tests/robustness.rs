//! Odd and extreme input never panics; sample pages to look at.

use super::*;

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
    input.bands = spans(vec![ValueBand {
        from: Some(f64::INFINITY),
        to: Some(f64::NAN),
        shade: Shade::Amber,
    }]);
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
                flagged: false,
                in_progress: false,
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
    lower.bands = spans(vec![
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
    ]);
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
        bar.flagged = bar.value.is_some_and(|v| v < if i < 3 { 4.0 } else { 5.0 });
    }
    checkins.reference = Some(Reference {
        name: "Expected".into(),
        flagged_name: "Fewer than expected".into(),
        flagged_shade: Shade::Amber,
    });
    // A contract as written: a target amended in the fifth month, a
    // minimum, an excused month and one too small to judge.
    let mut contract = kpi(&[
        Some(82.0),
        Some(79.5),
        Some(61.0),
        Some(84.0),
        Some(80.5),
        Some(86.0),
        Some(77.0),
    ]);
    contract.id = "kpi-contract".into();
    let amended = |before: f64, after: f64| {
        (0..7)
            .map(|i| Some(if i < 4 { before } else { after }))
            .collect::<Vec<_>>()
    };
    contract.target = Some(Target {
        line: Step {
            name: "Target".into(),
            values: amended(80.0, 82.0),
        },
        direction: "higher is better".into(),
    });
    contract.limits = vec![Step {
        name: "Minimum".into(),
        values: amended(75.0, 78.0),
    }];
    contract.bands = vec![
        BandSpan {
            from: 0,
            bands: higher_bands(80.0, 75.0),
        },
        BandSpan {
            from: 4,
            bands: higher_bands(82.0, 78.0),
        },
    ];
    contract.points[2].mark = Mark::Excused;
    contract.points[2].note = Some("excused: carrier outage".into());
    contract.points[6].mark = Mark::NotJudged;
    contract.points[6].note = Some("low volume".into());
    let samples = [
        ("kpi-contract", time_series(&contract)),
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
        input.bands = spans(higher_bands(a, b));
        let _ = time_series(&input);
    }
    assert_eq!(super::bound(1.0, 5.0, 2.0), 2.0);
    assert!(super::bound(1.0, f64::NAN, f64::NAN) == 1.0);
}
