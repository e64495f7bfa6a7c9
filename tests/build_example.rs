//! `rapporteur build` end to end: the example portfolio, a portfolio written
//! only from the documented content model (tests/fixtures/design-example), theme overrides and reproducibility.

mod common;

use common::*;
use rapporteur::load;
use rapporteur::model::{Direction, KpiValue, Month};

#[test]
fn every_engagement_and_note_has_a_page_linked_from_the_portfolio() {
    let built = example();
    let loaded = load::load(&repo_root()).unwrap();
    assert!(loaded.portfolio.engagements.len() >= 4);
    let index = built.page("index.html");
    for e in &loaded.portfolio.engagements {
        let url = format!("engagements/{}/index.html", e.id);
        assert!(
            index.contains(&format!("href=\"{url}\"")),
            "index links {url}"
        );
        let page = built.page(&url);
        assert!(
            page.contains(&e.record.client.name),
            "{url} names the client"
        );
        for n in &e.notes {
            let note_url = format!("engagements/{}/notes/{}.html", e.id, n.slug);
            let note = built.page(&note_url);
            assert!(note.contains("<h1>"), "{note_url}");
            assert!(page.contains(&format!("href=\"notes/{}.html\"", n.slug)));
        }
    }
}

/// The engagement in trouble shows its red SLA KPI with the value of its
/// latest period file, and the status in words as well as colour.
#[test]
fn troubled_engagement_shows_its_red_kpi_with_the_actual_value() {
    let loaded = load::load(&repo_root()).unwrap();
    let e = loaded
        .portfolio
        .engagements
        .iter()
        .find(|e| e.id == "brightline-customer-care")
        .expect("the example has an engagement in trouble");
    let kpi = e.kpi("service_level").unwrap();
    let latest = Month::of(date(EXAMPLE_AS_OF)).plus(-1);
    // A counted KPI: the value is 100 × good / total of the period file.
    let counts = e.period(latest).unwrap().kpis["service_level"]
        .counts()
        .expect("service_level is counted in the example");
    let value = 100.0 * counts.good as f64 / counts.total.unwrap() as f64;
    // Red by the analysis' own rule (docs/metrics.md), not a copy of it.
    assert_eq!(kpi.direction, Direction::Higher);
    assert_eq!(
        rapporteur::analyse::kpi::status_in(e, kpi, latest),
        rapporteur::analyse::rag::Rag::Red,
        "the example KPI is red"
    );

    let page = example().page("engagements/brightline-customer-care/index.html");
    let row = section_row(&page, "kpi-service_level");
    assert!(
        row.contains(&format!("{value}%")),
        "row shows {value}%: {row}"
    );
    assert!(
        row.contains(&latest.to_string()),
        "row names the month: {row}"
    );
    assert!(
        // An SLA KPI's miss reads as a breach (the colour language).
        row.contains("rag-red") && row.contains("breach"),
        "{row}"
    );
}

#[test]
fn a_portfolio_written_only_from_design_md_builds() {
    let root = repo_root().join("tests/fixtures/design-example");
    let built = build_with(&root, "2026-04-10", |_| {});
    let page = built.page("engagements/acme-payroll/index.html");
    assert!(page.contains("Acme Payroll Processing"));
    // accuracy 99.6 meets 99.5: green; approvals not reported: grey.
    let accuracy = section_row(&page, "kpi-accuracy");
    assert!(
        accuracy.contains("99.6%") && accuracy.contains("on target"),
        "{accuracy}"
    );
    let approvals = section_row(&page, "kpi-approvals_on_time");
    assert!(approvals.contains("not reported"), "{approvals}");
    let note = built.page("engagements/acme-payroll/notes/2026-03-04-weekly.html");
    assert!(note.contains("share the cut-off calendar"));
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let first = example();
    let second = build_with(&repo_root(), EXAMPLE_AS_OF, |_| {});
    assert_eq!(
        first.files.keys().collect::<Vec<_>>(),
        second.files.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first.files {
        assert!(
            second.files[path] == *bytes,
            "{path} differs between builds"
        );
    }
}

#[test]
fn a_user_theme_overrides_templates_one_by_one() {
    let root = repo_root().join("tests/fixtures/design-example");
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root, dir.path());
    let config = std::fs::read_to_string(dir.path().join("rapporteur.yaml")).unwrap();
    std::fs::write(
        dir.path().join("rapporteur.yaml"),
        config.replace("theme: default", "theme: house"),
    )
    .unwrap();
    let templates = dir.path().join("themes/house/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("note.html"),
        "{% extends \"base.html\" %}{% block content %}HOUSE NOTE {{ note.title }}{% endblock %}",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("themes/house/static")).unwrap();
    std::fs::write(dir.path().join("themes/house/static/house.css"), "p{}").unwrap();

    let built = build_with(dir.path(), "2026-04-10", |_| {});
    let note = built.page("engagements/acme-payroll/notes/2026-03-04-weekly.html");
    assert!(note.contains("HOUSE NOTE Weekly check-in"), "override used");
    assert!(
        note.contains("site-header"),
        "built-in base.html still used"
    );
    assert!(built.files.contains_key("house.css") && built.files.contains_key("style.css"));
    let report = built.page("engagements/acme-payroll/index.html");
    assert!(
        report.contains("KPI scorecard"),
        "other templates stay built-in"
    );
}

/// The `<tr id="...">` row of a table, up to its end.
fn section_row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap()]
}

/// A KPI chart draws the target as a line and one marker per reported month
/// of its 12-month window: months not reported are gaps, not zeros.
#[test]
fn kpi_chart_has_the_target_line_and_one_point_per_reported_period() {
    let loaded = load::load(&repo_root()).unwrap();
    let as_of = date(EXAMPLE_AS_OF);
    let current = Month::of(as_of);
    for e in &loaded.portfolio.engagements {
        let page = example().page(&format!("engagements/{}/index.html", e.id));
        for kpi in &e.record.kpis {
            let svg = inline_svg(&page, &format!("kpi-chart-{}", kpi.id));
            // A counted month with a total is reported too (100 × good / total).
            let value = |m: Month| {
                e.period(m).and_then(|p| match p.kpis.get(&kpi.id)? {
                    KpiValue::Number(v) => Some(*v),
                    KpiValue::Counts(c) => c
                        .total
                        .filter(|t| *t > 0)
                        .map(|t| 100.0 * c.good as f64 / t as f64),
                    KpiValue::NotReported => None,
                })
            };
            // Months shown but judged nowhere, by the content's own words:
            // excused by agreement, too few calls, or before the terms apply.
            let not_judged = |m: Month| {
                let period = e.period(m);
                let excused =
                    period.is_some_and(|p| p.excused.iter().any(|x| x.kpi == kpi.id && x.agreed));
                let low_volume = period
                    .and_then(|p| match p.kpis.get(&kpi.id)? {
                        KpiValue::Counts(c) => c.total,
                        _ => None,
                    })
                    .zip(kpi.min_volume)
                    .is_some_and(|(total, min)| (total as u64) < min);
                let baselining = kpi.in_force_from.is_some_and(|from| m < from);
                excused || low_volume || baselining
            };
            // Months not agreed by both sides (the example settles no
            // dispute): `Some(true)` disputed for this KPI, `Some(false)`
            // provisional; each has a marker of its own.
            let unagreed = |m: Month| {
                let p = e.period(m).filter(|_| m < current)?;
                let disputed = p
                    .dispute
                    .iter()
                    .any(|d| d.kpis.is_empty() || d.kpis.contains(&kpi.id));
                let unsigned = p
                    .sign_off
                    .as_ref()
                    .is_none_or(|s| s.provider.is_none() || s.client.is_none());
                (disputed || unsigned || !p.dispute.is_empty()).then_some(disputed)
            };
            // The window: the last 12 complete months, then the month in progress.
            let shown = |m: &Month| value(*m).is_some() && !not_judged(*m);
            let months = || (-12..0).map(|n| current.plus(n)).filter(shown);
            let reported = months().filter(|m| unagreed(*m).is_none()).count();
            let diamonds = months().filter(|m| unagreed(*m) == Some(false)).count();
            let triangles = months().filter(|m| unagreed(*m) == Some(true)).count();
            let sample = |n: usize| n + usize::from(n > 0);
            let polygons = |fill: &str| {
                svg.lines()
                    .filter(|l| l.starts_with("<polygon ") && l.contains(fill))
                    .count()
            };
            assert_eq!(
                (
                    polygons(r##"fill="#FFFFFF""##),
                    polygons(r##"fill="#2E4A6B""##)
                ),
                (sample(diamonds), sample(triangles)),
                "{} {}: one marker per month not agreed",
                e.id,
                kpi.id
            );
            let filled = markers(svg, r##"fill="#2E4A6B""##);
            let hollow = markers(svg, r##"stroke="#2E4A6B""##);
            // The legend shows one sample of each marker it uses.
            assert_eq!(
                filled,
                reported + 1,
                "{} {}: one point per reported month",
                e.id,
                kpi.id
            );
            let in_progress = usize::from(value(current).is_some());
            assert_eq!(
                hollow,
                2 * in_progress,
                "{} {}: the month in progress",
                e.id,
                kpi.id
            );
            assert!(
                svg.contains("stroke-dasharray"),
                "{} {}: target line",
                e.id,
                kpi.id
            );
            // "Target 80%", or "Target" alone where a term amended it.
            assert!(
                svg.contains(">Target"),
                "{} {}: target labelled",
                e.id,
                kpi.id
            );
            assert!(
                svg.contains("<title") && svg.contains("<desc"),
                "accessible chart"
            );
        }
    }
}

/// The number of markers (circles of radius 4) filled with `fill`, whether
/// the circle carries the fill or inherits it from its `<g>`.
fn markers(svg: &str, fill: &str) -> usize {
    let mut groups: Vec<&str> = Vec::new();
    let mut n = 0;
    for line in svg.lines() {
        if let Some(attrs) = line.strip_prefix("<g") {
            groups.push(attrs);
        } else if line == "</g>" {
            groups.pop();
        } else if line.starts_with("<circle ") && line.contains(r#"r="4""#) {
            let own = line.contains(" fill=\"");
            if (own && line.contains(fill))
                || (!own
                    && groups
                        .iter()
                        .rev()
                        .find(|g| g.contains(" fill=\""))
                        .is_some_and(|g| g.contains(fill)))
            {
                n += 1;
            }
        }
    }
    n
}

/// The `<svg>` element whose ids start with `id`.
fn inline_svg<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("aria-labelledby=\"{id}-title"))
        .unwrap_or_else(|| panic!("no chart {id}"));
    let start = html[..at].rfind("<svg").unwrap();
    let end = html[start..].find("</svg>").unwrap() + start;
    &html[start..end]
}

/// The portfolio opens on the engagements that need a reader most: the
/// worst health first, whatever their names.
#[test]
fn the_portfolio_lists_the_worst_health_first() {
    let page = example().page("index.html");
    let body = page.split("<tbody").nth(1).expect("a table body");
    let order: Vec<&str> = body
        .split("href=\"engagements/")
        .skip(1)
        .filter_map(|rest| rest.split('/').next())
        .collect();
    let mut dedup = order.clone();
    dedup.dedup();
    assert_eq!(
        dedup.first().copied(),
        Some("brightline-customer-care"),
        "the troubled engagement (health 16) first: {dedup:?}"
    );
    assert_eq!(
        dedup.last().copied(),
        Some("calloway-payroll"),
        "the healthiest (94) last: {dedup:?}"
    );
}

/// actions.html: one section per engagement that holds each of its open
/// actions once, by its words alone: the owner and the due date, in their
/// own columns, are not repeated in the text.
#[test]
fn actions_register_lists_every_open_action_in_its_engagement_without_repeating_its_columns() {
    let built = example();
    let loaded = load::load(&repo_root()).unwrap();
    let as_of = date(EXAMPLE_AS_OF);
    let page = built
        .page("actions.html")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let mut listed = 0;
    for e in &loaded.portfolio.engagements {
        let open: Vec<_> = e
            .notes
            .iter()
            .filter(|n| n.meta.date <= as_of)
            .flat_map(|n| n.actions.iter().filter(|a| !a.done).map(move |a| (n, a)))
            .collect();
        let Some(section) = page
            .split(&format!("data-engagement=\"{}\"", e.id))
            .nth(1)
            .and_then(|s| s.split("</section>").next())
        else {
            assert!(open.is_empty(), "{} has open actions and no section", e.id);
            continue;
        };
        let section = section.split("<details").next().unwrap();
        for (n, a) in &open {
            let owner = a.owner.as_deref().unwrap_or("—");
            let due = a.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
            let row = format!(
                "<tr><th>{}<td data-label=\"Owner\">{owner}<td data-label=\"Due\">{due}\
                 <td data-label=\"Agreed\">{}\n",
                a.task, n.meta.date
            );
            assert_eq!(section.matches(&row).count(), 1, "{row} in {}", e.id);
            assert!(
                !a.task.contains("(due ") && !a.task.starts_with(&format!("{owner}:")),
                "{row}"
            );
            listed += 1;
        }
        assert_eq!(
            section.matches("\n<tr><th>").count(),
            open.len(),
            "{}: only its open actions",
            e.id
        );
    }
    assert!(listed >= 10, "the example has open actions: {listed}");
    assert!(!page.contains("(due 20"), "a due-date marker is shown");
}
