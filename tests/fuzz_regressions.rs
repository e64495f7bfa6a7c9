//! Every input in tests/fixtures/fuzz/<target>/ goes through the same code as
//! the fuzz target of that name (fuzz/fuzz_targets/): hostile inputs written
//! by hand, and every crash input the fuzzers found (see docs/reliability.md).
//! None may panic, hang or take long.

use std::path::Path;
use std::time::{Duration, Instant};

use rapporteur::diagnostic::Diagnostic;
use rapporteur::load;

/// What the fuzz targets assert too (fuzz/fuzz_targets/common.rs): a file is
/// read or has a diagnostic, and every diagnostic points into the text.
fn invariants<T>(text: &str, value: &Option<T>, diagnostics: &[Diagnostic]) -> Vec<String> {
    assert_eq!(value.is_some(), diagnostics.is_empty(), "{diagnostics:?}");
    positions(text, diagnostics)
}

fn positions(text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let lines = rapporteur::diagnostic::source_lines(text).count();
    for d in diagnostics {
        assert!(d.line >= 1 && d.line <= lines && d.column >= 1, "{d:?}");
        if d.line > 1 {
            assert!(d.source_line.is_some(), "no line shown for {d:?}");
        }
    }
    diagnostics.iter().map(|d| d.to_string()).collect()
}

fn inputs(target: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// Runs `f` on every input of `target`, each within a time budget.
fn each(target: &str, f: impl Fn(&str) -> Vec<String>) {
    for (name, text) in inputs(target) {
        let start = Instant::now();
        let messages = f(&text);
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(5),
            "{target}/{name} took {took:?}"
        );
        if name.starts_with("alias-") {
            assert!(
                messages.iter().any(|m| m.contains("alias bomb")),
                "{target}/{name}: {messages:?}"
            );
        }
        if name.starts_with("deep-") {
            assert!(!messages.is_empty(), "{target}/{name} was accepted");
        }
        for m in &messages {
            assert!(
                m.lines().all(|l| l.chars().count() < 400),
                "{target}/{name}: a source line is shown whole: {m}"
            );
        }
    }
}

#[test]
fn engagement_inputs() {
    let rel = Path::new("content/acme/engagement.yaml");
    each("engagement", |text| {
        let parsed = load::parse_engagement(rel, text);
        let mut out = invariants(text, &parsed.value, &parsed.diagnostics);
        if let Some(record) = parsed.value {
            let checked = rapporteur::validate::validate_record(rel, text, record);
            out.extend(positions(text, &checked));
        }
        out
    });
}

#[test]
fn period_inputs() {
    let rel = Path::new("content/acme/periods/2026-03.yaml");
    each("period", |text| {
        let parsed = load::parse_period(rel, text);
        let mut out = invariants(text, &parsed.value, &parsed.diagnostics);
        if let Some(period) = parsed.value {
            let checked = rapporteur::validate::validate_period(
                rel,
                text,
                period,
                &["service_level", "accuracy"],
            );
            out.extend(positions(text, &checked));
        }
        out
    });
}

#[test]
fn note_inputs() {
    let rel = Path::new("content/acme/notes/2026-03-04-weekly.md");
    each("note", |text| {
        let parsed = load::parse_note(rel, text);
        if let Some(note) = &parsed.value {
            let html = rapporteur::render::markdown::to_html(&note.body, false, "acme", &|_| true);
            assert!(!html.contains("<script>"), "{html}");
        }
        invariants(text, &parsed.value, &parsed.diagnostics)
    });
}

#[test]
fn config_inputs() {
    each("config", |text| {
        let parsed = load::parse_config(text);
        invariants(text, &parsed.value, &parsed.diagnostics)
    });
}

/// The repository the import targets check mappings against, and the ACD
/// fixture's header (fuzz/fuzz_targets/import_mapping.rs).
fn import_repo() -> rapporteur::model::Portfolio {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/repo");
    load::load(&root).unwrap().portfolio
}

const ACD_HEADER: [&str; 7] = [
    "Queue",
    "Interval Start",
    "Offered",
    "Answered in 20s",
    "Abandoned",
    "Handled",
    "AHT",
];

#[test]
fn import_mapping_inputs() {
    use rapporteur::import::mapping;
    let portfolio = import_repo();
    let header: Vec<String> = ACD_HEADER.iter().map(|h| h.to_string()).collect();
    let rel = Path::new("mapping.yaml");
    each("import_mapping", |text| match mapping::parse(rel, text) {
        Err(d) => {
            assert!(!d.is_empty());
            positions(text, &d)
        }
        Ok(m) => match mapping::resolve(rel, text, &m, &portfolio, &header) {
            Err(d) => {
                assert!(!d.is_empty());
                positions(text, &d)
            }
            Ok(plan) => {
                assert!(plan.date < header.len());
                Vec::new()
            }
        },
    });
}

#[test]
fn import_csv_inputs() {
    use rapporteur::import::aggregate::Aggregator;
    use rapporteur::import::mapping;
    use rapporteur::import::table::CsvRows;
    let portfolio = import_repo();
    let mappings = [
        include_str!("fixtures/import/acd-queues.yaml"),
        include_str!("fixtures/import/itsm-tickets.yaml"),
    ];
    let rel = Path::new("mapping.yaml");
    each("import_csv", |text| {
        let Ok(mut rows) = CsvRows::new(Path::new("export.csv"), text.as_bytes(), None) else {
            return Vec::new();
        };
        let header = rows.header.clone();
        let Some(plan) = mappings.iter().find_map(|m| {
            let parsed = mapping::parse(rel, m).unwrap();
            mapping::resolve(rel, m, &parsed, &portfolio, &header).ok()
        }) else {
            return Vec::new();
        };
        let mut aggregator = Aggregator::new(&plan, &header);
        let mut last = 1;
        while let Ok(Some((number, cells))) = rows.next_row() {
            assert_eq!(number, last + 1);
            last = number;
            aggregator.push(number, cells);
        }
        let out = aggregator.finish();
        assert!(out.bad.len() <= out.bad_total && out.rows < last);
        out.bad
            .iter()
            .map(|bad| {
                assert!(bad.row >= 2 && bad.row <= last, "{bad:?}");
                assert!(header.contains(&bad.column), "{bad:?}");
                bad.to_string()
            })
            .collect()
    });
}

/// A user theme's language file over the built-in German, as the
/// `language_file` target lays it.
#[test]
fn language_file_inputs() {
    use rapporteur::render::language::{self, Language};
    use rapporteur::render::theme::{Origin, Theme, ThemeFile};
    let file = "themes/mine/languages/de.ftl";
    each("language_file", |text| {
        let mut theme = Theme::builtin();
        theme.files.insert(
            language::file_key("de"),
            ThemeFile {
                bytes: text.as_bytes().to_vec(),
                origin: Origin::User(file.into()),
            },
        );
        let mut diagnostics = Vec::new();
        let loaded = Language::load(&theme, "de", Path::new("rapporteur.yaml"), &mut diagnostics);
        let ours: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.file == Path::new(file))
            .cloned()
            .collect();
        let messages = positions(text, &ours);
        match loaded {
            Some(de) => {
                for id in language::message_ids(&theme, "en") {
                    let _ = de.message(&id, None);
                }
                let _ = de.date(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
            }
            None => assert!(diagnostics.iter().any(Diagnostic::is_error)),
        }
        messages
    });
}
