use super::*;
use std::collections::BTreeMap;

#[test]
fn spans_find_values_by_path() {
    let text = "name: A\nkpis:\n  - id: x\n    target: 5\n  - { id: y, target: 7 }\n\
                    periods: [ {period: 2026-01} ]\nname: B\n";
    let spans = Spans::index(text);
    assert_eq!(spans.value("name"), Some((1, 7)));
    assert_eq!(spans.value("kpis.0"), Some((3, 5)));
    assert_eq!(spans.value("kpis.0.target"), Some((4, 13)));
    assert_eq!(spans.key("kpis.0.target"), Some((4, 5)));
    assert_eq!(spans.value("kpis.1.target"), Some((5, 22)));
    assert_eq!(spans.value("periods.0.period"), Some((6, 21)));
    assert_eq!(spans.nearest("kpis.1.missing"), (5, 5));
    let d = &spans.duplicates;
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].path.as_str(), d[0].line, d[0].column), ("name", 7, 1));
    assert_eq!(d[0].first, (1, 1));
}

#[test]
fn complex_keys_do_not_confuse_the_index() {
    let spans = Spans::index("? [a, b]\n: 1\nc: 2\n");
    assert_eq!(spans.value("c"), Some((3, 4)));
    assert!(spans.duplicates.is_empty());
}

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct K {
    id: String,
    target: f64,
}

#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct R {
    kpis: Vec<K>,
}

#[test]
fn missing_and_duplicate_fields_are_located() {
    let err = from_str::<R>("kpis:\n  - id: a\n    target: 1\n  - id: b\n").unwrap_err();
    assert_eq!((err.line, err.column), (4, 5), "{err:?}");
    assert!(err.message.contains("missing field `target`"), "{err:?}");
    let parsed = parse::<R>("kpis:\n  - id: a\n    target: 1\n    target: 2\n");
    assert_eq!(parsed.errors.len(), 1, "reported once: {:?}", parsed.errors);
    let err = &parsed.errors[0];
    assert_eq!((err.line, err.column), (4, 5), "{err:?}");
    assert!(
        err.message
            .contains("`kpis.0.target` is written twice (first on line 3)"),
        "{err:?}"
    );
}

#[test]
fn duplicate_map_keys_are_errors_though_serde_accepts_them() {
    let parsed = parse::<BTreeMap<String, u8>>("a: 1\nb: 2\na: 3\n");
    assert!(parsed.value.is_none());
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!((parsed.errors[0].line, parsed.errors[0].column), (3, 1));
}

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Rec {
    name: String,
    phase: crate::model::Phase,
    start: Option<chrono::NaiveDate>,
    #[serde(default)]
    kpis: Vec<K>,
    #[serde(default)]
    services: Vec<String>,
}

fn all_errors(text: &str) -> Vec<(usize, usize, String)> {
    let parsed = parse::<Rec>(text);
    assert!(parsed.value.is_none());
    let mut e: Vec<_> = parsed
        .errors
        .into_iter()
        .map(|e| (e.line, e.column, e.message))
        .collect();
    e.sort();
    e
}

#[test]
fn several_errors_in_one_file_are_all_reported() {
    let text = "name: A\nphase: matured\nstart: 2024-02-30\nkpis:\n  - id: a\n    targt: 1\n    \
                    target: high\n  - { id: b, colour: red, target: 2 }\nservices: oops\nextra: 1\n";
    let errors = all_errors(text);
    let at: Vec<(usize, usize)> = errors.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        at,
        [(2, 8), (3, 8), (6, 5), (7, 13), (8, 14), (9, 11), (10, 1)],
        "{errors:#?}"
    );
    assert!(errors[0].2.contains("matured"));
    assert!(errors[4].2.contains("unknown field `colour`"));
    assert!(errors[6].2.contains("unknown field `extra`"));
    // A value too long to patch in place is taken out with its key.
    let errors = all_errors(
        "name: A\nphase: matured\nkpis: [{ id: a, target: high }, { id: b, target: 1, x: 1 }]\n",
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");
    // A misspelt required field is one mistake, reported once.
    let errors = all_errors("nmae: A\nphase: mature\n");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].2.contains("did you mean `name`?"), "{errors:#?}");
}

#[test]
fn a_patch_never_invents_errors() {
    // The wrong value of a required field is reported; the struct that
    // replaced a wrong mapping lacks fields, which is not reported.
    let errors = all_errors("name: [a, b]\nphase: mature\nkpis:\n  - just text\n");
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].2.contains("`name` must be text"), "{errors:#?}");
    assert!(
        errors[1].2.contains("`kpis[0]` must be a mapping"),
        "{errors:#?}"
    );
    // Duplicates are reported once, and the rest is still checked.
    let errors = all_errors("name: A\nphase: mature\nname: B\nphase: nope\n");
    assert_eq!(errors.len(), 2, "{errors:#?}");
}

#[test]
fn error_carries_position_and_clean_message() {
    let err = from_str::<BTreeMap<String, u8>>("a: 1\nb: [oops\n").unwrap_err();
    assert!(err.line >= 2, "{err:?}");
    assert!(!err.message.contains(" at line "), "{err:?}");
}

#[test]
fn alias_bomb_is_refused_before_expanding() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in 'b'..='j' {
        text.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
        prev = name;
    }
    let start = std::time::Instant::now();
    let err = from_str::<BTreeMap<String, serde_json::Value>>(&text).unwrap_err();
    assert!(err.message.contains("alias bomb"), "{err:?}");
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    // A wide fan-out under serde's own repetition limit is refused too.
    let wide = format!(
        "a: &a [{}]\nb: [{}]\n",
        ["1"; 2000].join(","),
        ["*a"; 2000].join(",")
    );
    let err = from_str::<BTreeMap<String, serde_json::Value>>(&wide).unwrap_err();
    assert!(err.message.contains("alias bomb"), "{err:?}");
    // Modest reuse is fine.
    let ok = "a: &a {x: 1}\nb: *a\nc: *a\n";
    assert!(from_str::<BTreeMap<String, serde_json::Value>>(ok).is_ok());
}

#[test]
fn end_of_stream_errors_point_at_the_end_of_the_last_line() {
    let err = from_str::<BTreeMap<String, u8>>("{l").unwrap_err();
    assert_eq!((err.line, err.column), (1, 3), "{err:?}");
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = "\u{feff}a: 1\nb: 2\n";
    let parsed = parse::<BTreeMap<String, u8>>(text);
    assert_eq!(
        parsed.value.map(|m| m.len()),
        Some(2),
        "{:?}",
        parsed.errors
    );
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let err = from_str::<BTreeMap<String, serde_json::Value>>(&text).unwrap_err();
    assert!(err.message.contains("nested"), "{err:?}");
}

#[test]
fn long_keys_keep_paths_short() {
    let key = "k".repeat(10_000);
    let spans = Spans::index(&format!("{key}:\n  a: 1\n  b: 2\n"));
    assert!(spans.values.keys().all(|p| p.len() < 200));
}
