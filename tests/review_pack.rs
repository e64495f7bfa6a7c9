//! The quarterly review pack as built from the example: a cover naming both
//! parties and the edition, the summary before any chart, and the summary's
//! figures (the SLA grid's credits, the top issues, the decisions) as the
//! analysis of the content decides them.

mod common;

use chrono::NaiveDate;
use common::*;
use rapporteur::analyse::review::{QuarterReview, quarter_reviews};
use rapporteur::load;
use rapporteur::model::{Audience, Engagement};

const PACK: &str = "engagements/brightline-customer-care/review/2026-Q3.html";

/// Text as the templates write it (Tera 2's HTML escaping).
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn brightline() -> (Engagement, QuarterReview) {
    let loaded = load::load(&repo_root()).unwrap();
    let config = loaded.portfolio.config.clone();
    let e = loaded
        .portfolio
        .engagements
        .into_iter()
        .find(|e| e.id == "brightline-customer-care")
        .unwrap();
    let as_of = NaiveDate::parse_from_str(EXAMPLE_AS_OF, "%Y-%m-%d").unwrap();
    let review = quarter_reviews(&e, &config, as_of)
        .into_iter()
        .find(|r| r.quarter.label() == "2026-Q3")
        .unwrap();
    (e, review)
}

/// The text of the element with `id` up to the next section.
fn part<'a>(page: &'a str, id: &str) -> &'a str {
    section(page, id)
}

#[test]
fn the_cover_names_both_parties_and_the_edition() {
    let (e, _) = brightline();
    let client = html(&e.record.client.name);
    let provider = html(&e.record.provider.name);
    let internal = example().page(PACK);
    let cover = part(&internal, "overview");
    assert!(cover.contains("Internal edition — not for the partner"));
    assert!(cover.contains(&client) && cover.contains(&provider));
    assert!(cover.contains("2026-Q3"));

    let shared = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.audience = Audience::Shared;
    });
    let page = shared.page(PACK);
    let cover = part(&page, "overview");
    assert!(
        cover.contains(&format!(
            "Prepared for <strong>{client}</strong> and <strong>{provider}</strong>"
        )),
        "{cover}"
    );
    assert!(!page.contains("Internal edition"));
    assert!(!page.contains("tag-internal"), "no internal item is marked");
}

#[test]
fn the_summary_comes_before_any_chart_and_the_scoring_after_them() {
    let page = example().page(PACK);
    let summary = page.find("id=\"summary\"").unwrap();
    let grid = page.find("class=\"sla-grid").unwrap();
    let chart = page.find("<figure class=\"chart\"").unwrap();
    let weights = page.find("class=\"breakdown\"").unwrap();
    assert!(summary < grid && grid < chart, "summary and grid first");
    assert!(chart < weights, "scoring internals only in the appendix");
    // The quarter is shaded in each KPI chart and named in its description.
    assert!(page.contains("2026-Q3 (Jul 26 to Sep 26) shaded"));
}

#[test]
fn the_summary_holds_the_figures_the_content_implies() {
    let (e, review) = brightline();
    let page = example().page(PACK);
    let summary = part(&page, "summary");
    let s = &review.summary;

    // Credits: each month of the quarter and the total, in order.
    let credits = s
        .grid
        .credits
        .as_ref()
        .expect("Brightline has at-risk credits");
    let currency = credits.currency.clone().unwrap();
    let tfoot = &summary[summary.find("<tfoot>").expect("a credits row")..];
    let mut at = 0;
    for c in credits.months.iter().chain([&credits.total]) {
        let text = money(c.amount.unwrap(), &currency);
        let found = tfoot[at..]
            .find(&text)
            .unwrap_or_else(|| panic!("{text} after {at} in {tfoot}"));
        at += found + text.len();
    }
    // The analysis' own at-risk months say the same.
    let months: f64 = review
        .analysis
        .at_risk
        .as_ref()
        .unwrap()
        .months
        .iter()
        .filter(|m| review.quarter.months().contains(m.month))
        .map(|m| m.accrued)
        .sum();
    assert_eq!(credits.total.amount, Some(months));
    assert!(
        months > 0.0,
        "the troubled engagement paid for its defaults"
    );

    // Every SLA KPI is a row, and each breach and default is marked.
    let slas = e.record.kpis.iter().filter(|k| k.sla).count();
    assert_eq!(s.grid.rows.len(), slas);
    let misses: usize = s.grid.rows.iter().map(|r| r.misses().count()).sum();
    let grid = &summary[..summary.find("<tfoot>").unwrap()];
    assert_eq!(
        grid.matches(">breach<").count() + grid.matches(">default<").count(),
        misses
    );
    assert!(!summary.contains("near target"), "an SLA miss is a breach");

    // The top issues in order, then the decisions.
    let mut at = 0;
    for issue in s.issues.iter().take(3) {
        let title = html(&issue.title.english());
        at += summary[at..]
            .find(&title)
            .unwrap_or_else(|| panic!("{title}"));
    }
    for d in s.decisions.iter().take(6) {
        assert!(summary.contains(&html(&d.text.english())), "{}", d.text);
    }
    assert!(
        s.decisions.iter().any(|d| d
            .text
            .english()
            .starts_with("Agree or reject the relief claimed")),
        "September's relief claim waits on a decision"
    );
}
