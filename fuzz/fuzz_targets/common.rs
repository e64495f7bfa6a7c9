//! Invariants every loader keeps, whatever the input: a file is either read
//! or has at least one diagnostic (never silently dropped), and every
//! diagnostic points into the text and can be shown. Each target includes
//! this file and uses what it needs of it.

#![allow(dead_code)]

use rapporteur::diagnostic::Diagnostic;

pub fn check<T>(text: &str, value: &Option<T>, diagnostics: &[Diagnostic]) {
    assert_eq!(
        value.is_some(),
        diagnostics.is_empty(),
        "a value with errors, or no value and no error: {diagnostics:?}"
    );
    positions(text, diagnostics);
}

pub fn positions(text: &str, diagnostics: &[Diagnostic]) {
    let lines = rapporteur::diagnostic::source_lines(text).count();
    for d in diagnostics {
        assert!(!d.message.is_empty());
        assert!(
            d.line >= 1 && d.line <= lines,
            "line {} of {lines}: {d:?}",
            d.line
        );
        assert!(d.column >= 1);
        let _ = d.to_string();
    }
}

/// The small repository the import targets resolve mappings against
/// (tests/fixtures/import/repo), loaded once.
pub fn import_portfolio() -> &'static rapporteur::model::Portfolio {
    static P: std::sync::OnceLock<rapporteur::model::Portfolio> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/import/repo");
        rapporteur::load::load(std::path::Path::new(root))
            .expect("the fixture repository loads")
            .portfolio
    })
}
