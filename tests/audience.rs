//! Leak tests: a shared build holds no byte of any internal item, and a
//! party-scoped build holds nothing of the other parties.
//!
//! The fixture `tests/fixtures/leaks` writes a unique canary (`CANARY-...`)
//! into every internal field and into every field of a second client. After
//! each scoped build, every byte of every output file and every file name is
//! searched, case-insensitively.

mod common;

use std::collections::BTreeMap;

use common::*;
use rapporteur::model::Audience;

const AS_OF: &str = "2026-03-01";

/// Internal items of Alpha's engagements.
const INTERNAL: &[&str] = &[
    "canary-goal-int",
    "canary-expect-int",
    "canary-risk-int",
    "canary-mitigation-int",
    "canary-milestone-int",
    "canary-feedback-int",
    "canary-notefb-int",
    "canary-note-title-int",
    "canary-note-body-int",
    "canary-attendee-int",
    "canary-owner-int",
    "canary-slug-int",
    // An item with no audience, in a record with none: internal by default.
    "canary-default-int",
];

/// Everything of the second client, Beta (all of it shared).
const BETA: &[&str] = &[
    "canary-beta-name",
    "canary-beta-client",
    "canary-beta-owner",
    "canary-beta-kpi",
    "canary-beta-risk",
    "canary-beta-feedback",
    "canary-beta-note",
    "canary-beta-body",
    "canary-beta-action",
    // The engagement id and note file name.
    "canary-beta-desk",
];

fn fixture() -> std::path::PathBuf {
    repo_root().join("tests/fixtures/leaks")
}

/// Every output file name and content, lowercased.
fn haystack(files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut all = String::new();
    for (path, bytes) in files {
        all.push_str(&path.to_lowercase());
        all.push('\n');
        all.push_str(&String::from_utf8_lossy(bytes).to_lowercase());
        all.push('\n');
    }
    all
}

fn found<'a>(text: &str, canaries: &[&'a str]) -> Vec<&'a str> {
    canaries
        .iter()
        .copied()
        .filter(|c| text.contains(c))
        .collect()
}

#[test]
fn the_internal_build_shows_every_item() {
    let built = build_with(&fixture(), AS_OF, |_| {});
    let text = haystack(&built.files);
    let missing: Vec<_> = INTERNAL
        .iter()
        .chain(BETA)
        .filter(|c| !text.contains(*c))
        .collect();
    assert!(missing.is_empty(), "the internal build lacks {missing:?}");
}

#[test]
fn a_shared_build_holds_no_internal_item() {
    let built = build_with(&fixture(), AS_OF, |o| o.audience = Audience::Shared);
    let text = haystack(&built.files);
    assert_eq!(
        found(&text, INTERNAL),
        Vec::<&str>::new(),
        "leaked into the shared build"
    );
    // Shared items are still there, and the footer says what the build is for.
    for visible in [
        "shared goal visible",
        "shared body visible",
        "shared praise visible",
    ] {
        assert!(text.contains(visible), "{visible} is missing");
    }
    let index = built.page("index.html");
    assert!(index.contains("shared with the partner: internal items left out"));
}

#[test]
fn shared_figures_are_computed_from_shared_items_only() {
    let internal = build_with(&fixture(), AS_OF, |_| {});
    let shared = build_with(&fixture(), AS_OF, |o| o.audience = Audience::Shared);
    let page = |b: &Built| b.page("engagements/alpha-ops/index.html");
    // The internal risk (4 × 5 = 20) counts only in the internal build:
    // exposure 24 internally, 4 shared.
    assert!(page(&internal).contains("exposure 24"), "internal exposure");
    assert!(page(&shared).contains("exposure 4"), "shared exposure");
    assert!(!page(&shared).contains("exposure 24"));
}

#[test]
fn a_client_scoped_build_holds_nothing_of_other_clients() {
    for audience in [Audience::Internal, Audience::Shared] {
        let built = build_with(&fixture(), AS_OF, |o| {
            o.audience = audience;
            o.client = Some("Alpha Corp".into());
        });
        let text = haystack(&built.files);
        assert_eq!(
            found(&text, BETA),
            Vec::<&str>::new(),
            "{audience:?}: Beta leaked"
        );
        assert!(text.contains("alpha operations") && text.contains("alpha back office"));
        assert!(built.page("index.html").contains("client Alpha Corp only"));
    }
    let beta = build_with(&fixture(), AS_OF, |o| {
        o.client = Some("canary-beta-client bank".into());
    });
    let text = haystack(&beta.files);
    assert!(!text.contains("alpha operations") && !text.contains("alpha corp"));
    assert!(text.contains("canary-beta-kpi"));
}

#[test]
fn a_provider_scoped_build_holds_nothing_of_other_providers() {
    let built = build_with(&fixture(), AS_OF, |o| o.provider = Some("Prov Two".into()));
    let text = haystack(&built.files);
    assert!(text.contains("alpha back office"));
    assert!(!text.contains("alpha operations") && !text.contains("prov one"));
    assert_eq!(found(&text, BETA), Vec::<&str>::new());
}

#[test]
fn an_unknown_party_is_a_usage_error_naming_the_known_ones() {
    let out = tempfile::tempdir().unwrap();
    let output = rapporteur(
        &[
            "build",
            "--root",
            fixture().to_str().unwrap(),
            "--out",
            out.path().join("public").to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--client",
            "Nobody Ltd",
        ],
        &repo_root(),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no engagement has the client `Nobody Ltd`"),
        "{stderr}"
    );
    assert!(stderr.contains("Alpha Corp"), "{stderr}");
}

/// The text of every PDF of a build, read by `pdftotext`, lowercased and
/// without white space (a line may break inside a canary at its hyphens):
/// a PDF's text is compressed, so the byte search above cannot see into it.
#[cfg(feature = "pdf")]
fn pdf_text(files: &BTreeMap<String, Vec<u8>>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut all = String::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".pdf")) {
        let file = dir.path().join("pack.pdf");
        std::fs::write(&file, bytes).unwrap();
        let out = std::process::Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) must be installed");
        assert!(out.status.success(), "pdftotext failed on {path}");
        all.push_str(&path.to_lowercase());
        all.extend(
            String::from_utf8_lossy(&out.stdout)
                .to_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace()),
        );
    }
    all
}

#[cfg(feature = "pdf")]
#[test]
fn a_shared_pdf_holds_no_internal_item() {
    // A month after the fixture's first quarter: its packs exist.
    const PACKS_AS_OF: &str = "2026-04-15";
    let shared = build_with(&fixture(), PACKS_AS_OF, |o| {
        o.audience = Audience::Shared;
        o.pdf = true;
    });
    let internal = build_with(&fixture(), PACKS_AS_OF, |o| o.pdf = true);
    let (shared, internal) = (pdf_text(&shared.files), pdf_text(&internal.files));
    // The internal packs show internal items, so the search can find them.
    let shown = found(&internal, INTERNAL);
    assert!(shown.len() >= 4, "the internal PDFs show {shown:?}");
    assert!(shared.contains("sharededition"), "the shared packs say so");
    assert_eq!(
        found(&shared, INTERNAL),
        Vec::<&str>::new(),
        "leaked into the shared PDFs"
    );
}
