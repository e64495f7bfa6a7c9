//! `rapporteur schema`: the generated JSON Schemas accept the whole example
//! portfolio and tests/fixtures/design-example, and reject what the loader rejects.

use std::path::Path;

use serde_json::Value;

use super::{common, ok, stderr};

struct Schemas {
    config: jsonschema::Validator,
    engagement: jsonschema::Validator,
    period: jsonschema::Validator,
    note: jsonschema::Validator,
}

fn schemas() -> (tempfile::TempDir, Schemas) {
    let dir = tempfile::tempdir().unwrap();
    ok(&["schema", "--out", "schemas"], dir.path());
    let load = |name: &str| {
        let text = std::fs::read_to_string(dir.path().join("schemas").join(name)).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
    };
    let schemas = Schemas {
        config: load("rapporteur.schema.json"),
        engagement: load("engagement.schema.json"),
        period: load("period.schema.json"),
        note: load("note.schema.json"),
    };
    (dir, schemas)
}

/// The YAML of a file as JSON, through the project's YAML module.
fn json(yaml: &str) -> Value {
    rapporteur::yaml::from_str::<Value>(yaml).unwrap()
}

fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter");
    &rest[..rest.find("\n---\n").expect("closed front matter") + 1]
}

fn check(validator: &jsonschema::Validator, path: &Path, value: &Value) -> usize {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    1
}

/// Validates every YAML file of a report repository; returns how many.
fn validate_repository(root: &Path, s: &Schemas) -> usize {
    let mut checked = 0;
    let config = root.join("rapporteur.yaml");
    if config.is_file() {
        let value = json(&std::fs::read_to_string(&config).unwrap());
        checked += check(&s.config, &config, &value);
    }
    for entry in walkdir::WalkDir::new(root.join("content")).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let parent = path.parent().unwrap().file_name().unwrap();
        checked += if path.file_name().unwrap() == "engagement.yaml" {
            check(&s.engagement, path, &json(&text))
        } else if parent == "periods" {
            check(&s.period, path, &json(&text))
        } else if parent == "notes" {
            check(&s.note, path, &json(front_matter(&text)))
        } else {
            panic!("unexpected file {}", path.display())
        };
    }
    checked
}

#[test]
fn the_example_portfolio_and_the_design_example_match_the_schemas() {
    let (_dir, s) = schemas();
    let root = common::repo_root();
    let n = validate_repository(&root, &s);
    assert!(n > 150, "only {n} files checked");
    let n = validate_repository(&root.join("tests/fixtures/design-example"), &s);
    assert_eq!(n, 4);
}

#[test]
fn scaffolded_files_match_the_schemas_their_first_line_names() {
    let (_dir, s) = schemas();
    let dir = super::scaffold();
    let repo = dir.path().join("repo");
    ok(&["new", "period", "acme-payroll", "2026-11"], &repo);
    ok(&["new", "engagement", "beta-ops"], &repo);
    ok(
        &[
            "new",
            "note",
            "beta-ops",
            "Kick-off",
            "--date",
            "2026-11-02",
        ],
        &repo,
    );
    assert_eq!(validate_repository(&repo, &s), 8);
    // The schemas init wrote are the ones `schema` writes.
    for name in ["engagement", "period", "note", "rapporteur"] {
        let file = format!("{name}.schema.json");
        assert_eq!(
            std::fs::read(repo.join("schemas").join(&file)).unwrap(),
            std::fs::read(_dir.path().join("schemas").join(&file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn schemas_reject_what_the_loader_rejects() {
    let (_dir, s) = schemas();
    let bad_period = json("period: 2026-13\nkpis: { a: x }\n");
    assert!(!s.period.is_valid(&bad_period));
    let typo = json("period: 2026-03\nkpi: {}\n");
    assert!(!s.period.is_valid(&typo), "unknown keys are refused");
    let bad_score = json("period: 2026-03\nsurvey: { client: { trust: 6 } }\n");
    assert!(!s.period.is_valid(&bad_score), "survey scores are 1..5");
    let bad_date = json("title: T\ndate: 2026-02-30\n");
    assert!(!s.note.is_valid(&bad_date), "dates are checked");
    let bad_kind = json("title: T\ndate: 2026-02-03\nkind: standup\n");
    assert!(!s.note.is_valid(&bad_kind));
    let missing = json("name: A\nclient: { name: C }\nphase: steady\n");
    assert!(!s.engagement.is_valid(&missing), "provider is required");
    assert!(s.config.is_valid(&json("title: T\n")));
    assert!(!s.config.is_valid(&json("default_audience: everyone\n")));
}

#[test]
fn schema_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    ok(&["schema", "--out", "s"], dir.path());
    let out = common::rapporteur(&["schema", "--out", "s"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    ok(&["schema", "--out", "s", "--force"], dir.path());
}
