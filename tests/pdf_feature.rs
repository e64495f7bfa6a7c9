//! A rapporteur built without the `pdf` feature (`--no-default-features`)
//! refuses `build --pdf` as a usage error, before reading anything.
#![cfg(not(feature = "pdf"))]

mod common;

use common::*;

#[test]
fn pdf_without_the_feature_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    let output = rapporteur(
        &[
            "build",
            "--as-of",
            EXAMPLE_AS_OF,
            "--out",
            out.path().join("public").to_str().unwrap(),
            "--pdf",
        ],
        &repo_root(),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("built without PDF support"), "{stderr}");
    assert!(!out.path().join("public").exists(), "nothing was written");
}
