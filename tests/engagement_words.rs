//! The engagement page in plain words (docs/metrics.md, "Health" and
//! "Flags"): the example's troubled engagement, built with the real
//! pipeline, says why in sentences with the parties' names, lists its
//! breaches and defaults among the critical flags shown open, keeps the
//! rest one line each behind <details>, and collapses its closed actions.

mod common;

use common::*;

const PAGE: &str = "engagements/brightline-customer-care/index.html";

/// Text of an HTML fragment as a reader sees it: tags dropped, the
/// entities the templates write decoded, white space collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_health_breakdown_says_why_in_sentences_with_the_parties_names() {
    let page = example().page(PAGE);
    let health = text(section(&page, "health"));
    for sentence in [
        "Every monthly KPI result of the last 3 months (August to October 2026) missed its \
         target (21 of 21).",
        "Fenwick Contact Solutions' KPIs score 0 and Brightline Energy's KPIs 0.",
        "All 3 SLA KPIs missed their target in October 2026: Calls answered within 20 seconds \
         58.4% (target 80%), Average handle time 418 s (target 360 s) and Abandonment rate 9.8% \
         (target 5%).",
        "6 of the 12 check-ins expected in the last 90 days were held.",
        "Fenwick Contact Solutions gave no feedback in the last 6 months (May to October 2026); \
         all 11 items came from Brightline Energy.",
        "Risk exposure is 54 (likelihood × impact summed over 4 open risks), above the 50 at \
         which the score reaches 0.",
    ] {
        assert!(
            health.contains(sentence),
            "missing {sentence:?} in\n{health}"
        );
    }
    for machine in ["green, 0 amber", "exposure 54 of 50", "2026-08..2026-10"] {
        assert!(!health.contains(machine), "{machine:?} in\n{health}");
    }
}

#[test]
fn breaches_and_defaults_are_critical_and_open_the_rest_one_line_each() {
    let page = example().page(PAGE);
    let flags = section(&page, "flags");
    let split = flags.find("class=\"flag-lines\"").expect("the other flags");
    let (critical, others) = (text(&flags[..split]), &flags[split..]);
    assert!(
        !flags[..split].contains("<details"),
        "critical flags are open"
    );
    for sentence in [
        "Fenwick Contact Solutions breached the SLA on Calls answered within 20 seconds in \
         August, September and October 2026",
        "64.7% in August, 61.3% in September and 58.4% in October 2026, against a target of 80%; \
         below the 70% minimum every month (defaults).",
        "Fenwick Contact Solutions breached the SLA on Average handle time in August, September \
         and October 2026",
        "below the 405 s minimum in September and October (defaults).",
        "Fenwick Contact Solutions breached the SLA on Abandonment rate",
        "Calls answered within 20 seconds is one default away from chronic failure",
        "Critical risk: Agent attrition above 7% a month at Newport",
    ] {
        assert!(
            critical.contains(sentence),
            "missing {sentence:?} in\n{critical}"
        );
    }
    // Twelve others (the nine of before, the month the client disputes, the
    // client's overdue volume forecast and the escalation past its time
    // box), each a closed <details> whose summary is its one line.
    let lines: Vec<&str> = others.split("<li ").skip(1).collect();
    assert_eq!(lines.len(), 12, "{others}");
    for line in &lines {
        assert!(line.contains("<details><summary>"), "{line}");
        assert!(!line.contains("<details open"), "{line}");
    }
    let others = text(others);
    for sentence in [
        "Service credits of 66,144 GBP accrued over the last 12 months",
        "Of these, 40,704 GBP is payable, 25,440 GBP waits to be earned back and nothing has \
         been earned back.",
        "Feedback is one-sided: Fenwick Contact Solutions gave none in the last 6 months",
        "Only 6 of the 12 check-ins expected in the last 90 days were held",
        "Brightline Energy has not delivered “Contact volume forecast for the next month”, due \
         on 25 October 2026",
        "Escalation “Formal escalation — third month of SLA breaches” past its time box: raise \
         to Executive steering committee",
    ] {
        assert!(
            others.contains(sentence),
            "missing {sentence:?} in\n{others}"
        );
    }
    // The 15 of before and the overdue volume forecast.
    assert!(page.contains("<a href=\"#flags\">Flags (17)</a>"));
}

#[test]
fn closed_actions_are_collapsed_under_the_open_ones() {
    let page = example().page(PAGE);
    let actions = section(&page, "actions");
    let details = actions
        .find("<details class=\"closed-actions\">")
        .expect("closed actions in a closed <details>");
    let (open, closed) = actions.split_at(details);
    assert!(!open.contains("Closed recently"), "{open}");
    assert!(!actions.contains("<s>"), "no struck-through text");
    let rows = closed.matches("Closed recently").count();
    assert_eq!(rows, 13, "{closed}");
    assert!(closed.contains("<summary>13 closed actions in the last 90 days</summary>"));
}

#[test]
fn the_notice_deadline_101_days_away_is_neutral_and_ratings_are_not_green() {
    let page = example().page(PAGE);
    assert!(
        page.contains("2027-03-04 <span class=\"rag rag-grey\">in 101 days</span>"),
        "{}",
        section(&page, "overview")
    );
    let risks = section(&page, "risks");
    assert!(risks.contains("<span class=\"rag rag-red\">critical</span>"));
    assert!(risks.contains("<span class=\"rag rag-orange\">high</span>"));
    assert!(!risks.contains("rag-green"), "{risks}");
}

/// The German build of the report and of a note page: the theme's words
/// from `languages/de/eng.ftl`, numbers and dates as German writes them
/// (docs/languages.md). The analysis' sentences and the content stay as
/// they are, so only the theme's own words are checked.
#[test]
fn the_german_report_and_note_page_use_german_words_and_formats() {
    let built = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.language = Some("de".into())
    });
    let page = built.page(PAGE);
    assert!(page.contains(r#"<html lang="de">"#));
    let top = text(&page[..page.find(r#"id="health""#).expect("a health section")]);
    for german in [
        "Kunde",
        "Dienstleister",
        "Vertragsende 31.08.2027",
        "Kündigungsfrist 04.03.2027",
        "212.000 GBP im Monat",
        "Abstimmungen wöchentlich, Reviews monatlich",
        "9.920 h/Monat",
        "Regelbetrieb",
        "Auf dieser Seite",
    ] {
        assert!(top.contains(german), "missing {german:?} in\n{top}");
    }
    let sla = text(section(&page, "sla"));
    assert!(sla.contains("SLA-Verstöße, letzte 12 Monate"), "{sla}");
    assert!(sla.contains("66.144 GBP"), "{sla}");
    let workload = text(section(&page, "workload"));
    assert!(
        workload.contains("Geleistete Stunden nach Monat"),
        "{workload}"
    );
    assert!(workload.contains("11.420 h"), "{workload}");
    // English headings and labels of the theme, which the German build must
    // not show; the charts' words are checked with the charts.
    let page = without_charts(&page);
    for english in [
        ">Client<",
        ">Provider<",
        ">Health<",
        ">Notice deadline<",
        ">On this page<",
        ">KPI scorecard<",
        ">Workload against capacity<",
        ">Communication cadence<",
        ">Two-way feedback<",
        ">Goals, expectations and milestones<",
        ">Obligations of both sides<",
        ">Quarterly review packs<",
        "data-label=\"Owner\"",
        "data-label=\"Due\"",
        ">Steady state<",
        ">not celebrated yet<",
        " a month<",
    ] {
        assert!(!page.contains(english), "{english:?} in the German report");
    }
    let note = built.page(
        "engagements/brightline-customer-care/notes/2026-08-12-service-level-escalation.html",
    );
    let note = text(&note);
    for german in [
        "Datum 12.08.2026",
        "Art Eskalation",
        "Maßnahmen dieser Notiz",
        "mit Stand vom 23.11.2026",
        "Frühere Notiz · 30.03.2026",
    ] {
        assert!(note.contains(german), "missing {german:?} in\n{note}");
    }
}

/// The page without its chart figures.
fn without_charts(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(r#"<figure class="chart""#) {
        out.push_str(&rest[..at]);
        rest = rest[at..]
            .find("</figure>")
            .map_or("", |end| &rest[at + end + "</figure>".len()..]);
    }
    out.push_str(rest);
    out
}
