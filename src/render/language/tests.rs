use std::path::PathBuf;

use super::*;
use crate::render::theme::ThemeFile;

fn builtin(id: &str) -> Language {
    let mut found = Vec::new();
    let language = Language::load(&Theme::builtin(), id, Path::new("test"), &mut found);
    assert!(found.is_empty(), "{found:?}");
    language.expect("loads")
}

/// The built-in theme with a user file `languages/<id>.ftl` holding `text`.
fn with_user_file(id: &str, text: &str) -> Theme {
    let mut theme = Theme::builtin();
    theme.files.insert(
        file_key(id),
        ThemeFile {
            bytes: text.as_bytes().to_vec(),
            origin: Origin::User(PathBuf::from(format!("themes/mine/languages/{id}.ftl"))),
        },
    );
    theme
}

#[test]
fn numbers_follow_the_language() {
    let (en, de) = (builtin("en"), builtin("de"));
    assert_eq!(en.number(1234.5, 2), "1,234.5");
    assert_eq!(de.number(1234.5, 2), "1.234,5");
    assert_eq!(de.number(99.6, 2), "99,6");
    assert_eq!(de.number(312.0, 2), "312");
    assert_eq!(de.number(-12400.0, 0), "-12.400");
    assert_eq!(en.number(-0.001, 2), "0");
    // Rounding is the same in every language: half to even, as format! rounds.
    assert_eq!(en.number(96.25, 1), "96.2");
    assert_eq!(de.number(96.25, 1), "96,2");
    assert_eq!(de.number(3e20, 0), "3.00e20");
}

#[test]
fn dates_and_months_follow_the_language() {
    let (en, de) = (builtin("en"), builtin("de"));
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    assert_eq!(en.date(day), "2026-11-30");
    assert_eq!(de.date(day), "30.11.2026");
    let march = Month::new(2027, 3).unwrap();
    assert_eq!(en.month(march), "March 2027");
    assert_eq!(de.month(march), "März 2027");
}

#[test]
fn the_built_in_german_has_every_english_message() {
    let theme = Theme::builtin();
    let english = message_ids(&theme, "en");
    let german = message_ids(&theme, "de");
    let missing: Vec<_> = english.difference(&german).collect();
    assert!(missing.is_empty(), "untranslated: {missing:?}");
    let extra: Vec<_> = german.difference(&english).collect();
    assert!(extra.is_empty(), "German messages English lacks: {extra:?}");
}

#[test]
fn a_user_file_overrides_message_by_message() {
    let theme = with_user_file("de", "nav-risks = Gefahren\n");
    let mut found = Vec::new();
    let de = Language::load(&theme, "de", Path::new("test"), &mut found).unwrap();
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(de.word("nav-risks"), "Gefahren");
    assert_eq!(de.word("nav-actions"), "Maßnahmen");
}

#[test]
fn a_user_language_falls_back_to_english_with_one_warning() {
    let theme = with_user_file("fr", "format-date = %d/%m/%Y\nnav-risks = Risques\n");
    let mut found = Vec::new();
    let fr = Language::load(&theme, "fr", Path::new("test"), &mut found).unwrap();
    assert_eq!(fr.word("nav-risks"), "Risques");
    assert_eq!(fr.word("nav-actions"), "Actions");
    assert_eq!(fr.number(1234.5, 1), "1\u{202f}234,5");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(!found[0].is_error());
    let english = message_ids(&Theme::builtin(), "en");
    let count = format!("{} message(s)", english.len() - 2);
    assert!(found[0].message.starts_with(&count), "{}", found[0].message);
    // The list starts with the first missing message in order, whichever
    // message files the theme has.
    let first = message_ids(&Theme::builtin(), "en")
        .into_iter()
        .find(|m| m != "format-date" && m != "nav-risks")
        .unwrap();
    assert!(found[0].message.contains(&first), "{}", found[0].message);
    assert_eq!(found[0].file, Path::new("themes/mine/languages/fr.ftl"));
}

#[test]
fn a_broken_file_names_its_line_and_column() {
    let theme = with_user_file("de", "nav-risks = Gefahren\n\nbroken line without equals\n");
    let mut found = Vec::new();
    assert!(Language::load(&theme, "de", Path::new("test"), &mut found).is_none());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].file, Path::new("themes/mine/languages/de.ftl"));
    // Where the parser stopped: after `broken`, where `=` was expected.
    assert_eq!((found[0].line, found[0].column), (3, 8));
    assert!(
        found[0].message.starts_with("not a Fluent message"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_unknown_language_lists_the_ones_there_are() {
    let mut found = Vec::new();
    assert!(
        Language::load(
            &Theme::builtin(),
            "fr",
            Path::new("rapporteur.yaml"),
            &mut found
        )
        .is_none()
    );
    assert!(found[0].is_error());
    assert!(found[0].message.contains("de, en"), "{}", found[0].message);
}

#[test]
fn a_date_pattern_with_a_time_is_an_error_not_a_panic() {
    // Found by the fuzzer: `%H` is valid strftime, but a date has no hour.
    for pattern in ["%d.%m.%Y %H", "%z"] {
        let theme = with_user_file("de", &format!("format-date = {pattern}\n"));
        let mut found = Vec::new();
        assert!(Language::load(&theme, "de", Path::new("test"), &mut found).is_none());
        assert!(found[0].message.contains("format-date"), "{found:?}");
    }
}

#[test]
fn a_bad_date_pattern_is_an_error() {
    let theme = with_user_file("de", "format-date = %Q\n");
    let mut found = Vec::new();
    assert!(Language::load(&theme, "de", Path::new("test"), &mut found).is_none());
    assert!(found[0].message.contains("format-date"), "{found:?}");
}

#[test]
fn a_language_may_be_split_into_files_of_a_folder() {
    let mut theme = with_user_file("de", "nav-risks = Gefahren\n");
    theme.files.insert(
        "languages/de/extra.ftl".to_string(),
        ThemeFile {
            bytes: b"nav-search = Finden\n".to_vec(),
            origin: Origin::User(PathBuf::from("themes/mine/languages/de/extra.ftl")),
        },
    );
    let mut found = Vec::new();
    let de = Language::load(&theme, "de", Path::new("test"), &mut found).unwrap();
    assert_eq!(
        (de.word("nav-risks"), de.word("nav-search")),
        ("Gefahren".into(), "Finden".into())
    );
    assert_eq!(available(&theme), ["de", "en"]);
}

#[test]
fn sentences_are_put_together_in_each_language() {
    let (en, de) = (builtin("en"), builtin("de"));
    let (aug, oct) = (Month::new(2026, 8).unwrap(), Month::new(2026, 10).unwrap());
    let jan = Month::new(2027, 1).unwrap();
    assert_eq!(en.month_span(aug, oct), "August to October 2026");
    assert_eq!(de.month_span(aug, jan), "August 2026 bis Januar 2027");
    let items = [
        (aug, Some("64.7%".to_string())),
        (oct, Some("58.4%".to_string())),
    ];
    assert_eq!(
        en.in_months(&items),
        "64.7% in August and 58.4% in October 2026"
    );
    assert_eq!(
        de.month_list(&[aug, oct, jan]),
        "August, Oktober 2026 und Januar 2027"
    );
    let day = NaiveDate::from_ymd_opt(2027, 3, 4).unwrap();
    assert_eq!(
        (en.long_date(day), de.long_date(day)),
        ("4 March 2027".into(), "4. März 2027".into())
    );
    assert_eq!(de.money(1234567.4, "EUR"), "1.234.567 EUR");
    assert_eq!(de.value(99.55, "%"), "99,55%");
    assert_eq!(de.optional_value(None, "%"), "nicht gemeldet");
}

#[test]
fn a_text_is_worded_with_its_arguments() {
    let de = builtin("de");
    let aug = Month::new(2026, 8).unwrap();
    let text = Text::new("in-month")
        .with("text", Arg::Value(1234.5, "s".into()))
        .with("month", aug);
    assert_eq!(de.text(&text), "1.234,5 s im August 2026");
    assert_eq!(text.english(), "1,234.5 s in August 2026");
    let list = Text::new("list-last")
        .with("init", "a, b")
        .with("last", Text::new("not-reported"));
    assert_eq!(de.text(&list), "a, b und nicht gemeldet");
}

#[test]
fn counts_in_messages_are_written_as_the_page_writes_numbers() {
    let (en, de) = (builtin("en"), builtin("de"));
    let text = Text::new("list-last")
        .with("init", Arg::Count(1234))
        .with("last", Arg::Count(12));
    assert_eq!(en.text(&text), "1,234 and 12");
    assert_eq!(de.text(&text), "1.234 und 12");
}
