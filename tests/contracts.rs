//! Contracts as they are written (docs/content.md, "KPI terms over time" and
//! "At-risk regime"; docs/metrics.md): the example portfolio's contact
//! centre, built with the real pipeline.

mod common;

use std::path::Path;

use common::*;
use rapporteur::load;
use rapporteur::model::{Direction, Engagement, Kpi, KpiValue, Month};

const CONTACT_CENTRE: &str = "brightline-customer-care";
const PAGE: &str = "engagements/brightline-customer-care/index.html";

fn contact_centre(root: &Path) -> Engagement {
    load::load(root)
        .unwrap()
        .portfolio
        .engagements
        .into_iter()
        .find(|e| e.id == CONTACT_CENTRE)
        .expect("the example has the contact centre")
}

/// The per-month KPI entries of a `data/engagements/<id>.json`, by KPI id
/// and month, for the months before `before`.
fn months_before(json: &[u8], before: &str) -> Vec<(String, String, serde_json::Value)> {
    let data: serde_json::Value = serde_json::from_slice(json).unwrap();
    let mut out = Vec::new();
    for k in data["kpis"].as_array().unwrap() {
        for m in k["months"].as_array().unwrap() {
            let month = m["month"].as_str().unwrap().to_string();
            if month.as_str() < before {
                out.push((k["id"].as_str().unwrap().to_string(), month, m.clone()));
            }
        }
    }
    out
}

#[test]
fn adding_a_term_from_a_future_month_changes_no_figure_of_an_earlier_month() {
    let dir = example_copy();
    let before = build_with(dir.path(), EXAMPLE_AS_OF, |_| {});

    // An amendment from 2026-12, the month after the month of as_of, that
    // would change every figure if it were applied to earlier months.
    let record = dir
        .path()
        .join("content/brightline-customer-care/engagement.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let term = "      - { from: 2026-01, target: 80 }";
    assert!(text.contains(term), "the example's service-level term");
    let amended = text.replacen(
        term,
        &format!(
            "{term}\n      - {{ from: 2026-12, target: 90, warn: 85, minimum: 85, weight: 9, \
             credit_allocation_pct: 70 }}"
        ),
        1,
    );
    std::fs::write(&record, amended).unwrap();
    let kpi = contact_centre(dir.path())
        .record
        .kpis
        .into_iter()
        .find(|k| k.id == "service_level")
        .unwrap();
    assert_eq!(kpi.terms.len(), 2, "the new term is read");
    assert_eq!(kpi.terms[1].from.to_string(), "2026-12");

    let after = build_with(dir.path(), EXAMPLE_AS_OF, |_| {});

    let packs = |b: &Built| -> Vec<String> {
        b.files
            .keys()
            .filter(|p| p.starts_with("engagements/") && p.contains("/review/"))
            .cloned()
            .collect()
    };
    assert!(
        packs(&before).iter().any(|p| p.contains(CONTACT_CENTRE)),
        "the contact centre has review packs"
    );
    assert_eq!(packs(&before), packs(&after));
    for pack in packs(&before) {
        assert!(
            before.files[&pack] == after.files[&pack],
            "{pack} changed when a term from 2026-12 was added"
        );
    }

    let data: Vec<&String> = before
        .files
        .keys()
        .filter(|p| p.starts_with("data/engagements/") && p.ends_with(".json"))
        .collect();
    assert!(data.iter().any(|p| p.contains(CONTACT_CENTRE)));
    for path in data {
        let old = months_before(&before.files[path], "2026-12");
        let new = months_before(&after.files[path], "2026-12");
        assert!(!old.is_empty(), "{path} has months");
        assert_eq!(old, new, "{path}: a month before 2026-12 changed");
    }
}

/// The terms of `k` in force in `month`, by the rule of docs/content.md:
/// the KPI's own fields, overridden field by field by each term from on or
/// before the month, in order.
struct InForce {
    target: f64,
    minimum: f64,
    sla: bool,
    allocation: Option<f64>,
}

fn in_force(k: &Kpi, month: Month) -> InForce {
    let mut t = InForce {
        target: k.target,
        minimum: f64::NAN,
        sla: k.sla,
        allocation: k.credit_allocation_pct,
    };
    let mut minimum = k.minimum;
    for term in k.terms.iter().filter(|t| t.from <= month) {
        t.target = term.target.unwrap_or(t.target);
        minimum = term.minimum.or(minimum);
        t.sla = term.sla.unwrap_or(t.sla);
        t.allocation = term.credit_allocation_pct.or(t.allocation);
    }
    t.minimum = minimum.unwrap_or(t.target);
    t
}

/// What a month of a KPI is, computed from the period file alone.
enum Reading {
    /// Not judged: not reported, excused (agreed), baselining or low volume.
    NotJudged,
    Judged(f64),
}

fn reading(e: &Engagement, k: &Kpi, month: Month) -> Reading {
    let Some(p) = e.period(month) else {
        return Reading::NotJudged;
    };
    if p.excused.iter().any(|x| x.kpi == k.id && x.agreed) {
        return Reading::NotJudged;
    }
    if k.in_force_from.is_some_and(|from| month < from) {
        return Reading::NotJudged;
    }
    match p.kpis.get(&k.id) {
        Some(KpiValue::Number(v)) => Reading::Judged(*v),
        Some(KpiValue::Counts(c)) => match c.total {
            Some(total) if total > 0 => {
                if k.min_volume.is_some_and(|min| (total as u64) < min) {
                    Reading::NotJudged
                } else {
                    Reading::Judged(100.0 * c.good as f64 / total as f64)
                }
            }
            _ => Reading::NotJudged,
        },
        _ => Reading::NotJudged,
    }
}

fn meets(k: &Kpi, value: f64, level: f64) -> bool {
    match k.direction {
        Direction::Higher => value >= level,
        Direction::Lower => value <= level,
    }
}

/// The cells of the row of `month` in the page's "Service credits by month".
fn credit_row(page: &str, month: &str) -> Vec<String> {
    let table = &page[page
        .find("<caption>Service credits by month</caption>")
        .expect("the page has the credits table")..];
    let table = &table[..table.find("</table>").unwrap()];
    let start = table
        .find(&format!("<th scope=\"row\" class=\"date\">{month}</th>"))
        .unwrap_or_else(|| panic!("no credits row for {month}"));
    let row = &table[start..];
    let row = &row[..row.find("</tr>").unwrap()];
    row.split("<td")
        .skip(1)
        .map(|cell| {
            let cell = &cell[cell.find('>').unwrap() + 1..];
            cell[..cell.find("</td>").unwrap()].to_string()
        })
        .collect()
}

/// docs/metrics.md and docs/content.md state the at-risk credit: at-risk
/// amount = at_risk_pct / 100 × monthly_fee; a month's credit = min(at-risk
/// amount, Σ allocation / 100 × at-risk amount over the SLA KPIs in default),
/// each share scaled down in proportion when the cap binds; a share is
/// earned back after `earn_back_months` green months, payable as soon as one
/// is not green, pending while they are not all over. Computed here from
/// the period files and the contract, not by src/analyse.
#[test]
fn the_contact_centre_page_shows_the_credits_computed_by_hand() {
    let e = contact_centre(&repo_root());
    let contract = e.record.contract.as_ref().unwrap();
    let fee = contract.monthly_fee.unwrap();
    let currency = contract.currency.clone().unwrap();
    let at_risk = contract.at_risk_pct.unwrap() / 100.0 * fee;
    let earn_back = contract.earn_back_months.unwrap();
    let current = Month::of(date(EXAMPLE_AS_OF));
    assert_eq!(at_risk, 25_440.0, "12% of 212,000");

    let page = example().page(PAGE);
    let mut checked = Vec::new();
    for month in ["2026-08", "2026-09", "2026-10"] {
        let m: Month = month.parse().unwrap();
        let in_default: Vec<(&Kpi, f64)> = e
            .record
            .kpis
            .iter()
            .filter_map(|k| {
                let t = in_force(k, m);
                let Reading::Judged(v) = reading(&e, k, m) else {
                    return None;
                };
                (t.sla && !meets(k, v, t.minimum)).then_some((k, t.allocation?))
            })
            .collect();
        assert!(!in_default.is_empty(), "{month} has a default");
        let uncapped: f64 = in_default.iter().map(|(_, a)| a / 100.0 * at_risk).sum();
        let scale = if uncapped > at_risk {
            at_risk / uncapped
        } else {
            1.0
        };
        let (mut earned, mut pending, mut payable) = (0.0, 0.0, 0.0);
        for (k, allocation) in &in_default {
            let share = allocation / 100.0 * at_risk * scale;
            let mut fate = "earned back";
            for next in (1..=earn_back as i32).map(|i| m.plus(i)) {
                if next >= current {
                    fate = "pending";
                    break;
                }
                let green = match reading(&e, k, next) {
                    Reading::Judged(v) => meets(k, v, in_force(k, next).target),
                    Reading::NotJudged => false,
                };
                if !green {
                    fate = "payable";
                    break;
                }
            }
            match fate {
                "earned back" => earned += share,
                "pending" => pending += share,
                _ => payable += share,
            }
        }
        let accrued = earned + pending + payable;
        let cells = credit_row(&page, month);
        for (k, allocation) in &in_default {
            assert!(
                cells[0].contains(&format!("{} ({allocation}%)", k.name)),
                "{month}: {} in default: {cells:?}",
                k.name
            );
        }
        assert_eq!(
            cells[0].contains("capped at the amount at risk"),
            scale < 1.0,
            "{month}: {cells:?}"
        );
        assert_eq!(
            cells[1..],
            [
                money(accrued, &currency),
                money(earned, &currency),
                money(pending, &currency),
                money(payable, &currency)
            ],
            "{month}: accrued, earned back, pending, payable"
        );
        checked.push((month, (accrued * 100.0).round() / 100.0));
    }
    // The three months show what the example is for: one default, a
    // capped month that is payable, and a capped month still pending.
    assert_eq!(
        checked,
        [
            ("2026-08", 15_264.0),
            ("2026-09", 25_440.0),
            ("2026-10", 25_440.0)
        ]
    );
}

#[test]
fn the_example_shows_excused_relief_chronic_default_and_low_volume_months() {
    let built = example();
    let page = built.page(PAGE);
    let flags = section(&page, "flags");

    // A relief claim not agreed: a warning with its KPI, month and reason.
    assert!(
        flags.contains("Relief for Abandonment rate in September 2026 is claimed but not agreed"),
        "{flags}"
    );
    assert!(flags.contains("IVR outage 22 September"));

    // One default short of chronic failure, with the month: critical, open.
    let critical = &flags[..flags.find("flag-lines").unwrap_or(flags.len())];
    assert!(
        critical
            .contains("Calls answered within 20 seconds is one default away from chronic failure"),
        "{flags}"
    );
    assert!(critical.contains(
        "It defaulted in August, September and October 2026; one more default before February \
         2027 gives the contract"
    ));
    assert!(
        !flags.contains("Chronic failure:"),
        "a warning, not a failure"
    );

    // A breach marked default, with the minimum in force.
    let breaches = &page[page.find("<caption>SLA breaches").unwrap()..];
    let breaches = &breaches[..breaches.find("</table>").unwrap()];
    let row = breaches
        .split("<tr>")
        .find(|r| r.contains("Calls answered within 20 seconds") && r.contains("2026-08"))
        .expect("the August service-level breach");
    assert!(
        row.contains("minimum ≥ 70%") && row.contains("default"),
        "{row}"
    );
    let row = breaches
        .split("<tr>")
        .find(|r| r.contains("Abandonment rate") && r.contains("2026-08"))
        .expect("the August abandonment breach");
    assert!(
        !row.contains(">default<"),
        "8.3% meets the 8.5% minimum: {row}"
    );

    // The excused month (with its reason) and the low-volume month are in
    // the built data; the page's tables do not show judgements yet.
    let data: serde_json::Value =
        serde_json::from_slice(&built.files["data/engagements/brightline-customer-care.json"])
            .unwrap();
    let month = |kpi: &str, month: &str| -> serde_json::Value {
        data["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == kpi)
            .unwrap()["months"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["month"] == month)
            .unwrap()
            .clone()
    };
    let july = month("service_level", "2026-07");
    assert_eq!(july["status"], "grey");
    assert!(
        july["judgement"]["excused"]["reason"]
            .as_str()
            .unwrap()
            .starts_with("Carrier outage 14-15 July"),
        "{july}"
    );
    let november = month("service_level", "2025-11");
    assert_eq!(november["judgement"], "low-volume", "{november}");
    assert_eq!(november["counts"]["total"], 4870);
}

/// `export` carries the at-risk credits and each breach's default, as
/// JSON and as CSV, with the figures the page shows.
#[test]
fn export_carries_the_at_risk_credits_and_the_defaults() {
    let root = repo_root();
    let json = rapporteur(&["export", "--as-of", EXAMPLE_AS_OF], &root);
    assert_eq!(
        json.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let export: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let cc = export["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "brightline-customer-care")
        .expect("the contact centre");
    let credits = &cc["at_risk_credits"];
    // 15,264 (2026-08) + 25,440 (2026-09) + 25,440 (2026-10), see above.
    assert_eq!(credits["accrued"].as_f64(), Some(66_144.0));
    assert_eq!(credits["payable"].as_f64(), Some(40_704.0));
    assert_eq!(credits["pending"].as_f64(), Some(25_440.0));
    let october = credits["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2026-10")
        .unwrap();
    assert_eq!(october["capped"], true);
    assert!(
        october["shares"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["earn_back"] == "pending")
    );
    let defaults = cc["sla_breaches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["default"] == true)
        .count();
    assert!(defaults >= 3, "{defaults} defaults");
    assert_eq!(cc["chronic"][0]["one_more_before"], "2027-02");
    let csv = rapporteur(
        &[
            "export",
            "--as-of",
            EXAMPLE_AS_OF,
            "--format",
            "csv",
            "--table",
            "at-risk-credits",
        ],
        &root,
    );
    let text = String::from_utf8_lossy(&csv.stdout);
    assert_eq!(
        csv.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    assert!(
        text.starts_with(
            "engagement,month,kpi,allocation_pct,amount,earn_back,month_capped,currency"
        ),
        "{text}"
    );
    assert!(
        text.contains("brightline-customer-care,2026-08,service_level,60,15264,payable,false,GBP"),
        "{text}"
    );
}

/// `diff` lists the credits a restated value moves: the month's credit and
/// the 12-month totals, and the new default.
#[test]
fn diff_lists_the_credits_a_change_moves() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let git = |args: &[&str]| {
        git(root, args);
    };
    let write = |path: &str, text: &str| {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "content/cc/engagement.yaml",
        "name: Contact centre
client: { name: Brightline }
provider: { name: Fenwick }
phase: steady
start: 2025-01-01
contract: { monthly_fee: 1000000, currency: GBP, at_risk_pct: 12 }
kpis:
  - { id: sl, name: Service level, unit: \"%\", target: 80, minimum: 75, sla: true, credit_allocation_pct: 40 }
",
    );
    write(
        "content/cc/periods/2026-02.yaml",
        "period: 2026-02\nkpis: { sl: 81 }\n",
    );
    write(
        "content/cc/periods/2026-03.yaml",
        "period: 2026-03\nkpis: { sl: 78 }\n",
    );
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "base"]);
    // Restated: March was below the minimum after all.
    write(
        "content/cc/periods/2026-03.yaml",
        "period: 2026-03\nkpis: { sl: 70 }\n",
    );
    let out = rapporteur(&["diff", "--base", "HEAD", "--as-of", "2026-04-15"], root);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("New default (below the minimum): Service level, 2026-03"),
        "{text}"
    );
    assert!(
        text.contains("Credit accrued, 2026-03: 0 GBP → 48,000 GBP"),
        "{text}"
    );
    assert!(
        text.contains("Credits accrued, last 12 months: 0 GBP → 48,000 GBP")
            && text.contains("Credits payable, last 12 months: 0 GBP → 48,000 GBP")
            && text.contains("**restated** Value Service level, 2026-03: 78% → 70% · `content/cc/periods/2026-03.yaml:2`"),
        "{text}"
    );
}
