//! serde_yaml's error messages, rewritten for people who edit the files by
//! hand: same facts (field, value, what was expected), plainer words, and
//! always a way to fix it.

use serde_yaml::Location;

use super::allowed::allowed_values;

/// Where a serde error is about: the path of the mapping or value in dot
/// form (`kpis.0`), and the field inside it when the message names one.
#[derive(Debug, Default, PartialEq)]
pub(super) struct ErrorPath {
    pub path: String,
    pub field: Option<String>,
    /// serde's own position is not the spot (missing fields): locate by path.
    pub by_path: bool,
    /// How to patch the text to look for further errors.
    pub repair: Repair,
    /// For an unknown field, the path of the field it probably meant.
    pub meant: Option<String>,
    /// A missing field: repeats a typo already reported, if `meant` named it.
    pub missing: bool,
}

/// A patch that takes an error out of the text, so parsing can go on.
#[derive(Debug, Default, PartialEq)]
pub(super) enum Repair {
    #[default]
    None,
    /// Blank out the entry at this path (an unknown field).
    Remove(String),
    /// Put this placeholder in place of the value at `ErrorPath::path`.
    Replace(String),
}

/// A value of the kind serde expected, to stand in for a wrong one.
fn placeholder(expected: &str, path: &str) -> Option<String> {
    Some(match expected {
        "f64" | "f32" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64"
        | "isize" => "0".into(),
        "u8" => "1".into(),
        "a string" | "a borrowed string" => "x".into(),
        "a boolean" => "true".into(),
        "a sequence" => "[]".into(),
        "a formatted date string" => "2000-01-01".into(),
        "a month written YYYY-MM" => "2000-01".into(),
        "a date written YYYY-MM-DD" => "2000-01-01".into(),
        "a YAML tag starting with '!'" => allowed_values(path)?.first()?.to_string(),
        _ => return None,
    })
}

/// The known name nearest to `word`, if it is a plausible typo.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&word, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2) && *d < word.chars().count().max(2))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// `text` cut to `max` characters, with `…` where it was cut: values quoted
/// in messages stay readable whatever their length.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// Removes every ` at line L column C` that serde_yaml puts in its text: the
/// position is shown separately.
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let tail = &after[digits..];
        match tail.strip_prefix(" column ") {
            Some(col) if digits > 0 => {
                rest = col.trim_start_matches(|c: char| c.is_ascii_digit());
            }
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits serde's `kpis[1].target: message` into the dot path and the message.
fn split_path(message: &str) -> (String, String, &str) {
    if let Some((p, rest)) = message.split_once(": ") {
        let looks_like_path = !p.is_empty()
            && !p.contains(' ')
            && p.chars()
                .all(|c| c.is_alphanumeric() || "_-.[]<>*".contains(c));
        if looks_like_path {
            let dotted = p.replace('[', ".").replace(']', "");
            return (
                dotted.trim_start_matches('.').to_string(),
                p.to_string(),
                rest,
            );
        }
    }
    (String::new(), String::new(), message)
}

/// The names between backticks in serde's `expected one of `a`, `b``.
fn backticked(list: &str) -> Vec<&str> {
    list.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect()
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}.{child}")
    }
}

fn shown_path(path: &str) -> String {
    if path.is_empty() {
        "the top level".to_string()
    } else {
        format!("`{path}`")
    }
}

/// The scalar written at `line`:`column` of `text` (1-based), for messages
/// that need the value serde did not repeat.
fn token_at(text: &str, location: Option<Location>) -> Option<String> {
    let l = location?;
    let line = text.lines().nth(l.line().checked_sub(1)?)?;
    let rest: String = line.chars().skip(l.column().checked_sub(1)?).collect();
    let rest = rest.trim_start();
    let token = if let Some(q) = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\'')) {
        q.split(['"', '\'']).next().unwrap_or("")
    } else {
        rest.split([',', '}', ']', '#'])
            .next()
            .unwrap_or("")
            .trim_end()
    };
    (!token.is_empty()).then(|| token.chars().take(60).collect())
}

/// chrono's date parse errors, as a reason a person understands.
fn date_problem(message: &str) -> Option<&'static str> {
    Some(match message {
        "input is out of range" => "that day does not exist",
        "input contains invalid characters" | "trailing input" | "premature end of input" => {
            "it is not written as YYYY-MM-DD"
        }
        "input is not enough for unique date and time"
        | "no possible date and time matching input"
        | "bad or unsupported format string" => "it is not a date",
        _ => return None,
    })
}

/// What serde's "expected X" means, in words for a YAML author.
fn expected_words(expected: &str, path: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".into(),
        crate::model::KPI_VALUE_EXPECTED => {
            "a number (or, for a `measure: ratio` KPI, counts `{ good, total }`)".into()
        }
        "u8" => "a whole number from 1 to 5".into(),
        "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "a string" | "a borrowed string" => "text".into(),
        "a boolean" => "`true` or `false`".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping (`key: value` lines)".into(),
        "a formatted date string" => "a date (YYYY-MM-DD)".into(),
        "a month written YYYY-MM" => "a month (YYYY-MM)".into(),
        "a date written YYYY-MM-DD" => "a date (YYYY-MM-DD)".into(),
        "a YAML tag starting with '!'" => match allowed_values(path) {
            Some(values) => format!("one of {}", values.join(", ")),
            None => "one of the allowed values".into(),
        },
        other if other.starts_with("struct ") => "a mapping (`key: value` lines)".into(),
        other => other.to_string(),
    }
}

/// What serde's "invalid type: X" found, in words; and whether it was text.
fn found_words(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {}", shorten(s, 60));
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(n) = found.strip_prefix(prefix) {
            return format!("the number {}", n.trim_matches('`'));
        }
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return b.to_string();
    }
    match found {
        "unit value" => "nothing (an empty value or `null`)".into(),
        "map" => "a mapping".into(),
        "sequence" => "a list".into(),
        other => other.to_string(),
    }
}

fn type_hint(expected: &str, found: &str) -> &'static str {
    let text = found.starts_with("string ");
    let number = found.starts_with("integer ") || found.starts_with("floating point ");
    match (expected, found) {
        (_, "unit value") => "write a value after the colon, or remove the line",
        ("a YAML tag starting with '!'", _) => "write one of these values",
        ("a formatted date string", _) => "write the date as YYYY-MM-DD, e.g. 2026-03-04",
        ("a month written YYYY-MM", _) => "write the month as YYYY-MM, e.g. 2026-03",
        ("a date written YYYY-MM-DD", _) => "write the date as YYYY-MM-DD, e.g. 2026-03-04",
        ("a boolean", _) => "write `true` or `false`",
        ("a string", _) if number || found.starts_with("boolean ") => {
            "put it in quotes, e.g. \"2026\""
        }
        ("f64" | "f32", _) if text => "write the number without quotes or units, e.g. 99.5",
        (crate::model::KPI_VALUE_EXPECTED, _) if text => {
            "write the number without quotes or units, e.g. 99.5"
        }
        (e, _) if e.starts_with('u') || e.starts_with('i') && text => {
            "write a whole number without quotes"
        }
        ("a sequence", _) => "write a list: `[a, b]`, or lines starting with `- ` below the key",
        ("a map", _) => "write `key: value` lines indented below it",
        (e, _) if e.starts_with("struct ") => "write `key: value` lines indented below it",
        _ => "change the value to the expected kind",
    }
}

/// Rewrites one serde_yaml message; also says where it is about.
pub(super) fn friendly(raw: &str, text: &str, location: Option<Location>) -> (String, ErrorPath) {
    let stripped = strip_positions(raw);
    let (dotted, path, rest) = split_path(&stripped);
    let path = shorten(&path, 80);
    let mut at = ErrorPath {
        path: dotted,
        ..ErrorPath::default()
    };
    let in_path = if path.is_empty() {
        String::new()
    } else {
        format!(" in `{path}`")
    };

    if let Some(tail) = rest.strip_prefix("unknown field `") {
        let (full_field, list) = tail.split_once('`').unwrap_or((tail, ""));
        let field = shorten(full_field, 60);
        let field = field.as_str();
        at.field = Some(full_field.to_string());
        at.repair = Repair::Remove(join(&at.path, full_field));
        let known = backticked(list);
        let guess = closest(field, &known);
        at.meant = guess.map(|c| join(&at.path, c));
        let fix = match guess {
            Some(c) => format!("did you mean `{c}`?"),
            None if known.is_empty() => "remove it".to_string(),
            None => "remove it or rename it".to_string(),
        };
        let allowed = if known.is_empty() {
            String::new()
        } else {
            format!(" (allowed here: {})", known.join(", "))
        };
        return (
            format!("unknown field `{field}`{in_path}: {fix}{allowed}"),
            at,
        );
    }
    if let Some(tail) = rest.strip_prefix("unknown variant `") {
        let (value, list) = tail.split_once('`').unwrap_or((tail, ""));
        let value = shorten(value, 60);
        let value = value.as_str();
        let known = backticked(list);
        if let Some(first) = known.iter().min_by_key(|k| k.len()) {
            at.repair = Repair::Replace(first.to_string());
        }
        let guess = closest(value, &known)
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        let field = path.rsplit('.').next().unwrap_or("");
        let what = if field.is_empty() {
            format!("`{value}`")
        } else {
            format!("`{field}: {value}`")
        };
        return (
            format!(
                "{what} is not an allowed value: use one of {}{guess}",
                known.join(", ")
            ),
            at,
        );
    }
    if let Some(tail) = rest.strip_prefix("missing field `") {
        let field = tail.split('`').next().unwrap_or(tail);
        at.field = Some(field.to_string());
        at.by_path = true;
        at.missing = true;
        let place = if path.is_empty() {
            "at the top level"
        } else {
            "to it"
        };
        return (
            format!("missing field `{field}`{in_path}: add `{field}: …` {place}"),
            at,
        );
    }
    if let Some(tail) = rest.strip_prefix("duplicate field `") {
        let field = tail.split('`').next().unwrap_or(tail);
        at.field = Some(field.to_string());
        at.by_path = true;
        return (
            format!("`{field}` is written twice{in_path}: keep one of them"),
            at,
        );
    }
    for (prefix, kind) in [("invalid type: ", "type"), ("invalid value: ", "value")] {
        let Some(tail) = rest.strip_prefix(prefix) else {
            continue;
        };
        let Some((found, expected)) = tail.rsplit_once(", expected ") else {
            continue;
        };
        let subject = if path.is_empty() {
            "the file".to_string()
        } else {
            format!("`{path}`")
        };
        let expected_text = expected_words(expected, &at.path);
        if let Some(p) = placeholder(expected, &at.path) {
            at.repair = Repair::Replace(p);
        }
        let message = if kind == "value" && found.starts_with("integer") {
            format!(
                "{subject} is out of range: {} is not {expected_text}",
                found_words(found).trim_start_matches("the number ")
            )
        } else {
            format!(
                "{subject} must be {expected_text}, found {}: {}",
                found_words(found),
                type_hint(expected, found)
            )
        };
        return (message, at);
    }
    if let Some(problem) = date_problem(rest) {
        at.repair = Repair::Replace("2000-01-01".into());
        let value = token_at(text, location)
            .map(|v| format!("`{v}` "))
            .unwrap_or_default();
        let subject = if path.is_empty() {
            String::new()
        } else {
            format!("`{path}`: ")
        };
        return (
            format!(
                "{subject}{value}is not a valid date ({problem}): write dates as YYYY-MM-DD, \
                 e.g. 2026-03-04"
            ),
            at,
        );
    }
    if rest.contains("is not a month: write it as YYYY-MM") {
        at.repair = Repair::Replace("2000-01".into());
    }
    if rest.contains("is not a date: ") {
        at.repair = Repair::Replace("2000-01-01".into());
    }
    let rest = &shorten(rest, 300);
    let message = match rest.as_str() {
        "EOF while parsing a value" => "the file holds no YAML value: write the fields (see \
             docs/content.md)"
            .to_string(),
        "recursion limit exceeded" => "the YAML is nested too deeply: flatten it (these files \
             need a few levels at most)"
            .to_string(),
        "repetition limit exceeded" => "the aliases (`*name`) in this file expand too much: \
             this looks like an alias bomb and is refused; write the values out"
            .to_string(),
        "unknown anchor" => "this alias (`*name`) refers to no anchor (`&name`) written \
             before it: define the anchor first or write the value out"
            .to_string(),
        m if m.starts_with("deserializing from YAML containing more than one document") => {
            "the file holds more than one YAML document (a `---` line in the middle): keep \
             a single document"
                .to_string()
        }
        m => syntax_message(m, &path),
    };
    (message, at)
}

/// A libyaml syntax error (or anything else), with a hint for the usual causes.
fn syntax_message(message: &str, path: &str) -> String {
    let hint = if message.contains("tab character") {
        Some("YAML is indented with spaces, not tabs: replace the tab by spaces")
    } else if message.contains("found character that cannot start any token") {
        Some("a tab, `@` or backtick cannot start a value: indent with spaces and quote such text")
    } else if message.contains("mapping values are not allowed") {
        Some("a `: ` inside a value: quote the text, or fix the indentation")
    } else if message.contains("did not find expected key") {
        Some("the line is not aligned with the keys above it: fix the indentation")
    } else if message.contains("could not find expected ':'") {
        Some("a key without `:`: add `: ` after the key, or quote the text")
    } else if message.contains("did not find expected '-' indicator") {
        Some("a list item is not aligned with the items above it: fix the indentation")
    } else if message.contains("did not find expected ',' or ']'")
        || message.contains("did not find expected ',' or '}'")
    {
        Some("an unclosed `[` or `{`: close it, or quote text holding `,` `[` `]` `{` `}`")
    } else if message.contains("found unexpected end of stream") {
        Some("the file ends inside a quoted text or a bracket: close it")
    } else if message.contains("found undefined tag handle") || message.contains("tag") {
        Some("text starting with `!` is a YAML tag: quote it")
    } else if message.contains("control characters are not allowed") {
        Some("remove the control character (or save the file as plain UTF-8 text)")
    } else {
        None
    };
    let subject = if path.is_empty() {
        String::new()
    } else {
        format!(" in {}", shown_path(path))
    };
    match hint {
        Some(hint) => format!("YAML syntax error{subject}: {message}; {hint}"),
        None if message.contains("while ") || message.contains("found ") => {
            format!("YAML syntax error{subject}: {message}; check indentation and quoting here")
        }
        None if path.is_empty() => message.to_string(),
        None => format!("`{path}`: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(raw: &str) -> String {
        friendly(raw, "", None).0
    }

    #[test]
    fn closest_names_typos_only() {
        assert_eq!(closest("acuracy", &["accuracy", "csat"]), Some("accuracy"));
        assert_eq!(closest("targt", &["id", "target", "warn"]), Some("target"));
        assert_eq!(closest("backlog", &["accuracy", "csat"]), None);
        assert_eq!(closest("x", &["id", "sla"]), None);
    }

    #[test]
    fn positions_are_stripped_everywhere() {
        assert_eq!(
            strip_positions(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
        assert_eq!(strip_positions("at line x"), "at line x");
    }

    #[test]
    fn unknown_field_suggests_the_closest() {
        let m = f("kpis[0]: unknown field `targt`, expected one of `id`, `name`, `target`");
        assert_eq!(
            m,
            "unknown field `targt` in `kpis[0]`: did you mean `target`? (allowed here: id, name, target)"
        );
    }

    #[test]
    fn unknown_variant_lists_allowed_values() {
        let m = f("phase: unknown variant `matured`, expected one of `steady`, `mature`");
        assert_eq!(
            m,
            "`phase: matured` is not an allowed value: use one of steady, mature (did you mean `mature`?)"
        );
    }

    #[test]
    fn wrong_types_say_expected_and_found() {
        let m = f("kpis[0].target: invalid type: string \"high\", expected f64");
        assert_eq!(
            m,
            "`kpis[0].target` must be a number, found the text \"high\": write the number without quotes or units, e.g. 99.5"
        );
        let m = f("phase: invalid type: sequence, expected a YAML tag starting with '!'");
        assert!(m.contains("one of prospecting, transition"), "{m}");
        let m = f("risks[0].likelihood: invalid value: integer `300`, expected u8");
        assert_eq!(
            m,
            "`risks[0].likelihood` is out of range: 300 is not a whole number from 1 to 5"
        );
        let m = f("name: invalid type: integer `5`, expected a string");
        assert!(m.contains("put it in quotes"), "{m}");
    }

    #[test]
    fn dates_name_the_value() {
        let text = "start: 2024-02-30\n";
        let loc =
            serde_yaml::from_str::<std::collections::BTreeMap<String, chrono::NaiveDate>>(text)
                .unwrap_err()
                .location();
        let (m, _) = friendly("start: input is out of range", text, loc);
        assert_eq!(
            m,
            "`start`: `2024-02-30` is not a valid date (that day does not exist): write dates as \
             YYYY-MM-DD, e.g. 2026-03-04"
        );
    }

    #[test]
    fn syntax_errors_keep_the_facts_and_add_a_hint() {
        let m = f("mapping values are not allowed in this context at line 2 column 8");
        assert!(
            m.starts_with("YAML syntax error: mapping values are not allowed"),
            "{m}"
        );
        assert!(m.contains("quote the text"), "{m}");
    }
}
