//! `build --pdf`: the review packs as PDF, read back with poppler's
//! `pdfinfo` and `pdftotext` as a reader's viewer would: the troubled
//! engagement's pack fits six A4 pages, holds the KPI names and the
//! quarter's credits the analysis computes, comes out byte-identical from
//! two builds, and shows a title full of Typst syntax as written.
#![cfg(feature = "pdf")]

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use chrono::NaiveDate;
use common::*;
use rapporteur::analyse::review::quarter_reviews;
use rapporteur::load;

const PACK: &str = "engagements/brightline-customer-care/review/2026-Q3.pdf";

/// Runs a poppler tool on the PDF `bytes`, returning its standard output.
fn poppler(tool: &str, bytes: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pack.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new(tool)
        .args(extra)
        .arg(&file)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF with all white space removed: a line may break
/// anywhere a word allows, so phrases are compared without it.
fn squeezed_text(bytes: &[u8]) -> String {
    squeeze(&poppler("pdftotext", bytes, &[]))
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pages(bytes: &[u8]) -> usize {
    let info = poppler("pdfinfo", bytes, &[]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// The troubled engagement's packs with their PDFs (one client: a debug
/// build typesets a pack in about a second).
fn example_with_pdf(dir_root: &Path) -> Built {
    build_with(dir_root, EXAMPLE_AS_OF, |o| {
        o.pdf = true;
        o.client = Some("Brightline Energy".into());
    })
}

fn brightline() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| example_with_pdf(&repo_root()))
}

#[test]
fn the_troubled_pack_fits_six_pages_and_holds_its_kpis_and_credits() {
    let built = brightline();
    let pdf = built.files.get(PACK).expect("the PDF beside the HTML pack");
    assert!(pdf.starts_with(b"%PDF-"));
    let count = pages(pdf);
    assert!((2..=6).contains(&count), "{count} pages");

    // The A4 page size, in points (595 x 842).
    let info = poppler("pdfinfo", pdf, &[]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");

    let loaded = load::load(&repo_root()).unwrap();
    let config = loaded.portfolio.config.clone();
    let e = loaded
        .portfolio
        .engagements
        .iter()
        .find(|e| e.id == "brightline-customer-care")
        .unwrap();
    let as_of = NaiveDate::parse_from_str(EXAMPLE_AS_OF, "%Y-%m-%d").unwrap();
    let review = quarter_reviews(e, &config, as_of)
        .into_iter()
        .find(|r| r.quarter.label() == "2026-Q3")
        .unwrap();
    let text = squeezed_text(pdf);

    // Every KPI by its name.
    assert!(!e.record.kpis.is_empty());
    for k in &e.record.kpis {
        assert!(text.contains(&squeeze(&k.name)), "KPI {} missing", k.name);
    }
    // The quarter's credits, month by month and in total, in that order.
    let credits = review.summary.grid.credits.as_ref().expect("credits");
    let currency = credits.currency.clone().unwrap();
    let mut at = 0;
    for c in credits.months.iter().chain([&credits.total]) {
        let amount = squeeze(&money(c.amount.unwrap(), &currency));
        at += text[at..]
            .find(&amount)
            .unwrap_or_else(|| panic!("{amount} after {at}"));
    }
    assert!(credits.total.amount.unwrap() > 0.0);

    // The summary comes first: its first page holds the grid and the issues,
    // no chart's data table.
    let first = squeeze(&poppler("pdftotext", pdf, &["-f", "1", "-l", "1"]));
    assert!(first.contains("Summaryofthequarter") && first.contains("Topissues"));
    assert!(first.contains(&squeeze(&money(credits.total.amount.unwrap(), &currency))));
    assert!(first.contains("Decisionsneeded") && first.contains("Wins"));
    assert!(!first.contains("Appendix"));
    assert!(text.contains("Appendix:thedataofeachchart"));

    // The HTML pack is still there beside it, and links to it.
    let html = built.page("engagements/brightline-customer-care/review/2026-Q3.html");
    assert!(html.contains("<a href=\"2026-Q3.pdf\">This pack as PDF</a>"));
}

#[test]
fn every_pack_has_its_pdf_and_a_build_without_the_flag_has_none() {
    let with = brightline();
    let packs: Vec<&String> = with
        .files
        .keys()
        .filter(|p| p.contains("/review/") && p.ends_with(".html"))
        .collect();
    assert!(packs.len() >= 8, "{packs:?}");
    for html in packs {
        let pdf = html.replace(".html", ".pdf");
        assert!(with.files.contains_key(&pdf), "{pdf}");
    }
    let without = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.client = Some("Brightline Energy".into());
    });
    assert!(!without.files.keys().any(|p| p.ends_with(".pdf")));
    let html = without.page("engagements/brightline-customer-care/review/2026-Q3.html");
    assert!(
        !html.contains(".pdf\""),
        "no link to a PDF that was not made"
    );
}

#[test]
fn two_builds_give_the_same_pdf_bytes() {
    let first = brightline();
    let second = example_with_pdf(&repo_root());
    let pdfs = |b: &Built| {
        b.files
            .iter()
            .filter(|(p, _)| p.ends_with(".pdf"))
            .map(|(p, bytes)| (p.clone(), bytes.clone()))
            .collect::<Vec<_>>()
    };
    assert!(!pdfs(first).is_empty());
    assert!(
        pdfs(first) == pdfs(&second),
        "PDF bytes differ between builds"
    );
    // Dated by the build's report date, not the clock.
    let info = poppler("pdfinfo", &first.files[PACK], &["-isodates"]);
    let created = info
        .lines()
        .find_map(|l| l.strip_prefix("CreationDate:"))
        .map(str::trim);
    assert_eq!(created, Some("2026-11-23T00:00:00Z"), "{info}");
}

/// Two runs of the binary, not two builds in one process: Typst memoises
/// its work within a process, which hid that svg2pdf wrote a chart's fonts
/// and resources in the order of a `HashMap`, different in every process
/// (vendor/svg2pdf/VENDORED.md).
#[test]
fn two_processes_give_the_same_pdf_bytes() {
    let repo = tempfile::tempdir().unwrap();
    let engagement = "content/brightline-customer-care";
    copy_tree(&repo_root().join(engagement), &repo.path().join(engagement));
    std::fs::copy(
        repo_root().join("rapporteur.yaml"),
        repo.path().join("rapporteur.yaml"),
    )
    .unwrap();
    // Early in the engagement: one pack, 2024-Q4, with its charts.
    let pack = "engagements/brightline-customer-care/review/2024-Q4.pdf";
    let build = |out: &str| {
        let out = repo.path().join(out);
        let args = [
            "build",
            "--as-of",
            "2025-01-20",
            "--pdf",
            "-q",
            "--out",
            out.to_str().unwrap(),
        ];
        let run = rapporteur(&args, repo.path());
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read(out.join(pack)).unwrap()
    };
    let (first, second) = (build("one"), build("two"));
    assert!(first.len() > 10_000, "{} bytes", first.len());
    assert!(
        first == second,
        "the PDF differs between two runs of the same build"
    );
}

#[test]
fn a_title_full_of_typst_syntax_is_shown_as_written() {
    let dir = example_copy();
    let hostile = r#"Care #panic("ran") *b* _i_ $x^2$ [a] \ @ref <lbl> = - + ~ // c /* d */ `r` #set text(red)"#;
    let file = dir
        .path()
        .join("content/brightline-customer-care/engagement.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let first = yaml.lines().next().unwrap();
    assert!(first.starts_with("name: "));
    let yaml = yaml.replacen(first, &format!("name: '{hostile}'"), 1);
    std::fs::write(&file, yaml).unwrap();

    let built = example_with_pdf(dir.path());
    let text = squeezed_text(&built.files[PACK]);
    // Typst would have failed on `#panic`, dropped the `*` and `_`, set `$x^2$`
    // as maths and `<lbl>` as a label: the text holds them as written.
    assert!(text.contains(&squeeze(hostile)), "{text}");
}

/// The German pack (`--language de`): the layout's words, numbers, dates and
/// amounts in German, in the shipped fonts, the summary still one page.
#[test]
fn the_german_pack_is_worded_and_written_in_german() {
    let built = build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
        o.pdf = true;
        o.client = Some("Brightline Energy".into());
        o.language = Some("de".into());
    });
    let pdf = &built.files[PACK];
    let text = squeezed_text(pdf);
    for words in [
        "Zusammenfassung des Quartals",
        "Wichtigste Probleme",
        "Offene Entscheidungen",
        "Quartal 01.07.2026 bis 30.09.2026",
        "40.704 GBP",
        "Anhang: die Daten jedes Diagramms",
        "Seite 1 von",
    ] {
        assert!(text.contains(&squeeze(words)), "{words} missing: {text}");
    }
    for english in [
        "Summaryofthequarter",
        "Topissues",
        "Decisionsneeded",
        "Quarter01",
        "Appendix",
        "page1of",
    ] {
        assert!(!text.contains(english), "{english} left in English");
    }
    let first = squeeze(&poppler("pdftotext", pdf, &["-f", "1", "-l", "1"]));
    assert!(first.contains("Zusammenfassung") && !first.contains("Anhang"));
    // Only the shipped DejaVu fonts, umlauts and all.
    let fonts = poppler("pdffonts", pdf, &[]);
    for line in fonts.lines().skip(2) {
        assert!(line.contains("DejaVuSans"), "{line}");
    }
    assert!(text.contains("Zurück"), "umlauts typeset");
}
