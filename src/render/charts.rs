//! From figures to charts: each function turns one part of the analysis into
//! the input of one chart shape. The shapes themselves live in `crate::chart`.

use crate::analyse::cadence::Communication;
use crate::analyse::feedback::FeedbackBalance;
use crate::analyse::health::{self, SparkPoint};
use crate::analyse::kpi::{Judgement, KpiAnalysis, Performance};
use crate::analyse::rag::RagRange;
use crate::analyse::risk::RiskRating;
use crate::analyse::sign_off::{SignOffState, SignOffs};
use crate::analyse::tone::Tone;
use crate::analyse::trust::{NpsMonth, Trust};
use crate::analyse::window::MonthWindow;
use crate::analyse::workload::Workload;
use crate::chart::{
    self, BandSpan, Bar, BarSeries, BarsInput, Chart, GapNote, GroupedBarsInput, HeatClass,
    HeatMapInput, Highlight, Mark, Orientation, Point, Reference, Shade, SparklineInput, Step,
    Target, TimeSeriesInput, ValueBand,
};
use crate::config::HealthBands;
use crate::model::{Direction, Side};
use crate::render::format::capitalise;
use crate::render::language::{Language, arg};
use crate::stopwatch::{Timed, Work};

/// Decimals that show a KPI's values as written (99.62% needs two, 418 s none).
fn decimals_for(values: impl Iterator<Item = f64>) -> usize {
    values
        .map(|v| {
            let text = format!("{:.3}", v.abs().fract());
            text.trim_end_matches('0').len().saturating_sub(2)
        })
        .max()
        .unwrap_or(0)
        .min(2)
}

/// The colour language: each status as charts draw it.
pub(crate) fn shade(tone: impl Into<Tone>) -> Shade {
    match tone.into() {
        Tone::Red => Shade::Red,
        Tone::Orange => Shade::Orange,
        Tone::Amber => Shade::Amber,
        Tone::Green => Shade::Green,
        Tone::Grey => Shade::Grey,
    }
}

fn bands(ranges: Vec<RagRange>) -> Vec<ValueBand> {
    ranges
        .into_iter()
        .map(|r| ValueBand {
            from: r.from,
            to: r.to,
            shade: shade(r.rag),
        })
        .collect()
}

fn direction_words(d: Direction, lang: &Language) -> String {
    lang.word(match d {
        Direction::Higher => "chart-higher-is-better",
        Direction::Lower => "chart-lower-is-better",
    })
}

/// The value axis of a KPI chart: short, since the caption names the KPI.
fn axis_label(unit: &str, lang: &Language) -> String {
    if unit.is_empty() {
        lang.word("chart-actual")
    } else {
        lang.say("chart-actual-in", &[("unit", unit.to_string())])
    }
}

/// Actuals against the terms in force each month (target and minimum as
/// step lines, bands per span of terms), gaps where nothing was reported,
/// months excused or not judged drawn apart.
pub fn kpi(k: &KpiAnalysis, sign_off: &SignOffs, lang: &Language) -> Chart {
    kpi_chart(k, sign_off, None, lang)
}

/// [`kpi`] with the months of `quarter` shaded (a review pack's quarter
/// within its 12 months); `label` names it in the legend.
pub fn kpi_in_quarter(
    k: &KpiAnalysis,
    sign_off: &SignOffs,
    quarter: MonthWindow,
    label: &str,
    lang: &Language,
) -> Chart {
    let at = |month| k.series.iter().position(|p| p.month == month);
    let highlight = match (at(quarter.first), at(quarter.last)) {
        (Some(from), Some(to)) => Some(Highlight {
            from,
            to,
            label: label.to_string(),
        }),
        _ => None,
    };
    kpi_chart(k, sign_off, highlight, lang)
}

fn kpi_chart(
    k: &KpiAnalysis,
    sign_off: &SignOffs,
    highlight: Option<Highlight>,
    lang: &Language,
) -> Chart {
    let _timed = Timed::start(Work::Charts);
    let points: Vec<Point> = k
        .series
        .iter()
        .map(|p| {
            let agreed = sign_off
                .month(p.month)
                .filter(|_| p.value.is_some())
                .and_then(|m| {
                    let state = m.kpi_state(&k.id);
                    Some((state, lang.text(&m.kpi_text(&k.id)?)))
                });
            let (mark, note) = match &p.judgement {
                Judgement::Excused { reason } => (
                    Mark::Excused,
                    Some(lang.say("chart-note-excused", &[("reason", reason.clone())])),
                ),
                Judgement::Baselining => {
                    (Mark::NotJudged, Some(lang.word("chart-note-baselining")))
                }
                Judgement::LowVolume => (Mark::NotJudged, Some(lang.word("chart-note-low-volume"))),
                Judgement::Judged(_) | Judgement::NotReported => (Mark::Judged, None),
            };
            // A month not agreed keeps an excused or not-judged marker and
            // says both in the table.
            let (mark, note) = match agreed {
                None => (mark, note),
                Some((state, words)) => (
                    match (mark, state) {
                        (Mark::Judged, SignOffState::Disputed) => Mark::Disputed,
                        (Mark::Judged, _) => Mark::Provisional,
                        (other, _) => other,
                    },
                    Some(note.map_or(words.clone(), |n| format!("{n}; {words}"))),
                ),
            };
            Point {
                label: chart::short_month(lang, p.month.first_day()),
                value: p.value,
                shade: shade(p.status),
                mark,
                note,
            }
        })
        .collect();
    let percent = k.unit == "%";
    let target = Step {
        name: lang.word("chart-target"),
        values: k.series.iter().map(|p| Some(p.terms.target)).collect(),
    };
    // A minimum is drawn only where the contract sets one apart from the target.
    let minimum: Vec<Option<f64>> = k
        .series
        .iter()
        .map(|p| p.terms.minimum.filter(|m| *m != p.terms.target))
        .collect();
    let limits = if minimum.iter().any(Option::is_some) {
        vec![Step {
            name: lang.word("chart-minimum"),
            values: minimum,
        }]
    } else {
        Vec::new()
    };
    let mut spans: Vec<BandSpan> = Vec::new();
    for (i, p) in k.series.iter().enumerate() {
        let here = bands(k.status_ranges_at(p));
        if spans.last().is_none_or(|s| s.bands != here) {
            spans.push(BandSpan {
                from: i,
                bands: here,
            });
        }
    }
    chart::time_series(
        &TimeSeriesInput {
            id: format!("kpi-chart-{}", k.id),
            title: lang.say("chart-kpi-title", &[("kpi", k.name.clone())]),
            y_label: axis_label(&k.unit, lang),
            unit: k.unit.clone(),
            decimals: decimals_for(k.series.iter().filter_map(|p| p.value)),
            points,
            last_in_progress: k.series.last().is_some_and(|p| p.in_progress),
            target: Some(Target {
                line: target,
                direction: direction_words(k.direction, lang),
            }),
            limits,
            bands: spans,
            y_floor: Some(0.0).filter(|_| k.target >= 0.0),
            y_ceiling: percent.then_some(100.0),
            highlight,
        },
        lang,
    )
}

/// SLA attainment per SLA KPI over 12 months, against 100%.
pub fn sla_attainment(p: &Performance, lang: &Language) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    let bars: Vec<Bar> = p
        .kpis
        .iter()
        .filter(|k| k.sla)
        .map(|k| Bar {
            label: k.name.clone(),
            value: k.attainment.as_ref().map(|a| a.ratio * 100.0),
            reference: Some(100.0),
            flagged: k.attainment.as_ref().is_some_and(|a| a.met < a.reported),
            in_progress: false,
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    Some(chart::bars(
        &BarsInput {
            id: "sla-attainment".into(),
            title: lang.word("chart-sla-title"),
            category_label: lang.word("chart-sla-category"),
            value_label: lang.word("chart-sla-value"),
            unit: "%".into(),
            decimals: 0,
            bars,
            reference: Some(Reference {
                name: lang.word("chart-sla-reference"),
                flagged_name: lang.word("chart-sla-flagged"),
                flagged_shade: shade(Tone::Red),
            }),
            orientation: Orientation::Horizontal,
            value_max: Some(100.0),
            integer: false,
        },
        lang,
    ))
}

/// Hours worked per month against contracted capacity, overtime marked.
pub fn workload(w: &Workload, lang: &Language) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    let capacity = w.capacity?;
    let limit = capacity * (1.0 + w.limit);
    Some(chart::bars(
        &BarsInput {
            id: "workload".into(),
            title: lang.word("chart-workload-title"),
            category_label: lang.word("chart-month"),
            value_label: lang.word("chart-workload-value"),
            unit: "h".into(),
            decimals: 0,
            bars: w
                .months
                .iter()
                .map(|m| Bar {
                    label: chart::short_month(lang, m.month.first_day()),
                    value: m.worked,
                    reference: Some(limit),
                    flagged: m.flagged && !m.in_progress,
                    in_progress: m.in_progress,
                })
                .collect(),
            reference: Some(Reference {
                name: lang.say(
                    "chart-workload-reference",
                    &[("limit", lang.number(w.limit * 100.0, 1))],
                ),
                flagged_name: lang.word("chart-workload-flagged"),
                flagged_shade: shade(Tone::Amber),
            }),
            orientation: Orientation::Vertical,
            value_max: None,
            integer: false,
        },
        lang,
    ))
}

/// Check-ins held per month against the cadence's expectation.
pub fn cadence(c: &Communication, lang: &Language) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    c.meeting_interval_days?;
    Some(chart::bars(
        &BarsInput {
            id: "cadence".into(),
            title: lang.word("chart-cadence-title"),
            category_label: lang.word("chart-month"),
            value_label: lang.word("chart-cadence-value"),
            unit: String::new(),
            decimals: 1,
            bars: c
                .months
                .iter()
                .map(|m| Bar {
                    label: chart::short_month(lang, m.month.first_day()),
                    value: Some(m.held as f64),
                    reference: m.expected,
                    flagged: m.fewer_than_expected(),
                    in_progress: m.in_progress,
                })
                .collect(),
            reference: Some(Reference {
                name: lang.word("chart-cadence-reference"),
                flagged_name: lang.word("chart-cadence-flagged"),
                flagged_shade: shade(Tone::Amber),
            }),
            orientation: Orientation::Vertical,
            value_max: None,
            integer: true,
        },
        lang,
    ))
}

/// Feedback items by kind, client beside provider.
pub fn feedback(f: &FeedbackBalance, lang: &Language) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    if f.total == 0 {
        return None;
    }
    let counts = |k: &crate::analyse::feedback::KindCounts| {
        vec![
            Some(k.praise as f64),
            Some(k.concern as f64),
            Some(k.suggestion as f64),
        ]
    };
    Some(chart::grouped_bars(
        &GroupedBarsInput {
            id: "feedback".into(),
            title: lang.say(
                "chart-feedback-title",
                &[
                    ("from", f.window.first.to_string()),
                    ("to", f.window.last.to_string()),
                ],
            ),
            category_label: lang.word("chart-feedback-category"),
            value_label: lang.word("chart-feedback-value"),
            unit: String::new(),
            decimals: 0,
            categories: vec![
                lang.word("chart-feedback-praise"),
                lang.word("chart-feedback-concern"),
                lang.word("chart-feedback-suggestion"),
            ],
            series: vec![
                BarSeries {
                    name: lang.word("chart-client"),
                    tone: chart::Tone::Client,
                    values: counts(&f.client),
                },
                BarSeries {
                    name: lang.word("chart-provider"),
                    tone: chart::Tone::Provider,
                    values: counts(&f.provider),
                },
            ],
            value_max: None,
            integer: true,
            gap: None,
            ranges: Vec::new(),
        },
        lang,
    ))
}

/// The latest survey, each side's mean per dimension with the spread of
/// its answers, gaps written. A side below the privacy floor has no bar.
pub fn survey(t: &Trust, lang: &Language) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    let month = t.month?;
    let spread = |side| -> Vec<Option<(f64, f64)>> {
        let dims = t.side(side).map(|x| &x.dimensions[..]).unwrap_or_default();
        (0..t.dimensions.len())
            .map(|i| {
                let d = dims.get(i)?;
                Some((f64::from(d.low?), f64::from(d.high?)))
            })
            .collect()
    };
    let ranges = vec![spread(Side::Client), spread(Side::Provider)];
    let has_spread = ranges.iter().flatten().any(Option::is_some);
    Some(chart::grouped_bars(
        &GroupedBarsInput {
            id: "survey".into(),
            title: lang.say("chart-survey-title", &[("month", month.to_string())]),
            category_label: lang.word("chart-survey-category"),
            value_label: lang.word("chart-survey-value"),
            unit: String::new(),
            decimals: 2,
            categories: t
                .dimensions
                .iter()
                .map(|d| {
                    lang.message(&format!("chart-dimension-{}", d.dimension), None)
                        .unwrap_or_else(|| capitalise(&d.dimension))
                })
                .collect(),
            series: vec![
                BarSeries {
                    name: side_name(t, Side::Client, lang),
                    tone: chart::Tone::Client,
                    values: t.dimensions.iter().map(|d| d.client).collect(),
                },
                BarSeries {
                    name: side_name(t, Side::Provider, lang),
                    tone: chart::Tone::Provider,
                    values: t.dimensions.iter().map(|d| d.provider).collect(),
                },
            ],
            value_max: Some(5.0),
            integer: true,
            // A side below the floor has no gap to write.
            gap: t.sides.iter().all(|x| x.shown()).then_some(GapNote {
                flag_at: t.gap_limit,
            }),
            ranges: if has_spread { ranges } else { Vec::new() },
        },
        lang,
    ))
}

/// "Client", or "Client (fewer than 3 responses)" below the privacy floor.
fn side_name(t: &Trust, side: Side, lang: &Language) -> String {
    let name = lang.word(match side {
        Side::Client => "chart-client",
        Side::Provider => "chart-provider",
    });
    match t.side(side).filter(|x| !x.shown()) {
        Some(_) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("side", arg(name));
            args.set("floor", t.floor);
            lang.message("chart-side-below-floor", Some(&args))
                .unwrap_or_default()
        }
        None => name,
    }
}

/// Each side's NPS in the last four survey months (docs/metrics.md,
/// "Surveys with respondents"); none without an NPS answer.
pub fn survey_nps(t: &Trust, lang: &Language) -> Option<Chart> {
    let _timed = Timed::start(Work::Charts);
    if t.nps_history.is_empty() {
        return None;
    }
    let series = |name: &str, tone, pick: fn(&NpsMonth) -> Option<i64>| BarSeries {
        name: name.into(),
        tone,
        values: t
            .nps_history
            .iter()
            .map(|n| pick(n).map(|v| v as f64))
            .collect(),
    };
    Some(chart::grouped_bars(
        &GroupedBarsInput {
            id: "survey-nps".into(),
            title: lang.word("chart-nps-title"),
            category_label: lang.word("chart-month"),
            value_label: lang.word("chart-nps-value"),
            unit: String::new(),
            decimals: 0,
            categories: t.nps_history.iter().map(|n| n.month.to_string()).collect(),
            series: vec![
                series(&lang.word("chart-client"), chart::Tone::Client, |n| {
                    n.client
                }),
                series(&lang.word("chart-provider"), chart::Tone::Provider, |n| {
                    n.provider
                }),
            ],
            value_max: Some(100.0),
            integer: true,
            gap: None,
            ranges: Vec::new(),
        },
        lang,
    ))
}

/// Open risks by likelihood and impact.
pub fn heat_map(id: &str, title: &str, counts: [[u32; 5]; 5], lang: &Language) -> Chart {
    let _timed = Timed::start(Work::Charts);
    let mut cells = [[0usize; 5]; 5];
    for (l, row) in cells.iter_mut().enumerate() {
        for (i, cell) in row.iter_mut().enumerate() {
            let rating = RiskRating::of(((l + 1) * (i + 1)) as u32);
            *cell = RiskRating::ALL
                .iter()
                .position(|r| *r == rating)
                .unwrap_or(0);
        }
    }
    chart::heat_map(
        &HeatMapInput {
            id: id.to_string(),
            title: title.to_string(),
            counts,
            cells,
            classes: RiskRating::ALL
                .iter()
                .map(|r| {
                    let name = lang.word(&format!("chart-risk-{}", r.label()));
                    HeatClass {
                        legend: format!("{} {}", capitalise(&name), r.scores()),
                        name,
                        shade: shade(r.tone()),
                    }
                })
                .collect(),
        },
        lang,
    )
}

/// Health at the start of each of the last 12 months.
pub fn health_sparkline(
    id: &str,
    name: &str,
    points: &[SparkPoint],
    health_bands: &HealthBands,
    lang: &Language,
) -> Chart {
    let _timed = Timed::start(Work::Charts);
    chart::sparkline(
        &SparklineInput {
            id: format!("spark-{id}"),
            title: lang.say("chart-health-title", &[("name", name.to_string())]),
            value_label: lang.word("chart-health-value"),
            unit: String::new(),
            decimals: 0,
            points: points
                .iter()
                .map(|p| Point {
                    label: lang.date(p.date),
                    value: p.score,
                    shade: shade(p.band),
                    mark: Mark::Judged,
                    note: None,
                })
                .collect(),
            range: Some((0.0, 100.0)),
            bands: bands(health::band_ranges(health_bands)),
        },
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_ends_in_the_band_of_the_figure_shown() {
        // 74.6 is shown as 75, which is green: the last point must be too.
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let bands = HealthBands::default();
        let points = health::sparkline(as_of, &bands, |_| Some(74.6));
        assert_eq!(
            points.last().map(|p| p.band),
            Some(crate::analyse::rag::Rag::Green)
        );
        let en = crate::render::language::english();
        let chart = health_sparkline("acme", "Acme", &points, &bands, en);
        assert!(chart.desc.contains("latest 74.6") || chart.desc.contains("latest 75"));
        assert!(chart.desc.contains(", green"), "{}", chart.desc);
        assert!(!chart.desc.contains("amber"), "{}", chart.desc);
    }

    #[test]
    fn a_sparkline_that_begins_late_or_has_no_point_draws() {
        // Health is not computed before `start`'s month: fewer points, or none.
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let bands = HealthBands::default();
        let points = health::sparkline(as_of, &bands, |_| Some(80.0));
        for n in [0, 1, 2] {
            let en = crate::render::language::english();
            let chart = health_sparkline("acme", "Acme", &points[12 - n..], &bands, en);
            assert!(chart.svg.contains("<svg"), "{n} points");
            assert_eq!(chart.table.rows.len(), n);
        }
    }

    #[test]
    fn decimals_follow_the_data() {
        assert_eq!(decimals_for([418.0, 401.0].into_iter()), 0);
        assert_eq!(decimals_for([99.6, 99.62].into_iter()), 2);
        assert_eq!(decimals_for([4.4].into_iter()), 1);
        assert_eq!(decimals_for(std::iter::empty()), 0);
    }
}
