//! The theme's words and the way figures are written, in one language
//! (docs/languages.md).
//!
//! Words come from Fluent files, `languages/<id>.ftl` and any
//! `languages/<id>/*.ftl` of the theme. A user theme's files override the
//! built-in ones message by message; a user theme may also add a language. A message missing from
//! the chosen language reads in English (`en`), with one warning naming the
//! missing messages, so a half-translated theme still builds.
//!
//! Numbers are written by ICU4X from CLDR data (`1,234.5` in `en`,
//! `1.234,5` in `de`); dates by chrono, in the pattern the language file
//! gives as `format-date`; month names are messages `month-1` .. `month-12`.
//! Figures are the same in every language: only their writing changes.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use chrono::format::{Item, StrftimeItems};
use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use unic_langid::LanguageIdentifier;

use super::theme::{Origin, Theme};
use crate::diagnostic::Diagnostic;
use crate::model::Month;
use crate::text::{Arg, Text};

/// The language every message falls back to; the built-in theme is
/// written in it first.
pub const FALLBACK: &str = "en";

type Bundle = FluentBundle<FluentResource>;

/// One language of the effective theme, ready to word and format pages.
pub struct Language {
    id: String,
    words: Bundle,
    /// The built-in English words, for messages the language lacks; `None`
    /// when the language is English.
    fallback: Option<Bundle>,
    numbers: DecimalFormatter,
    date_pattern: String,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language").field("id", &self.id).finish()
    }
}

/// The theme file of a language's words; more may lie in `languages/<id>/`.
pub fn file_key(id: &str) -> String {
    format!("languages/{id}.ftl")
}

/// The language a theme file holds words of: `languages/de.ftl` and
/// `languages/de/review.ftl` are both `de`.
fn language_of(key: &str) -> Option<&str> {
    let rest = key.strip_prefix("languages/")?;
    match rest.split_once('/') {
        Some((id, file)) => (!file.contains('/') && file.ends_with(".ftl")).then_some(id),
        None => rest.strip_suffix(".ftl"),
    }
}

/// The keys of the files of language `id` in `keys`, in order.
fn files_of<'k>(keys: impl Iterator<Item = &'k str>, id: &str) -> Vec<&'k str> {
    keys.filter(|k| language_of(k) == Some(id)).collect()
}

/// The languages the effective theme has words for, sorted.
pub fn available(theme: &Theme) -> Vec<String> {
    let ids: BTreeSet<&str> = theme.files.keys().filter_map(|k| language_of(k)).collect();
    ids.into_iter().map(str::to_string).collect()
}

impl Language {
    /// The language `id` of `theme`. `source` names where the choice was
    /// made (`rapporteur.yaml` or `--language`), for the error when the
    /// theme has no such language. Problems of the files are diagnostics:
    /// errors fail the build, a message missing from the language is a
    /// warning.
    pub fn load(
        theme: &Theme,
        id: &str,
        source: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Language> {
        let available = available(theme);
        if !available.iter().any(|a| a == id) {
            diagnostics.push(Diagnostic::error(
                source,
                format!(
                    "language `{id}`: the theme has no languages/{id}.ftl; it has {}",
                    available.join(", ")
                ),
            ));
            return None;
        }
        let Ok(langid) = LanguageIdentifier::from_str(id) else {
            diagnostics.push(Diagnostic::error(
                source,
                format!("language `{id}` is not a language tag such as `en`, `de` or `pt-BR`"),
            ));
            return None;
        };
        let words = bundle(theme, id, &langid, diagnostics)?;
        let fallback = if id == FALLBACK {
            None
        } else {
            let en = LanguageIdentifier::from_str(FALLBACK).expect("a valid tag");
            let fallback = bundle(theme, FALLBACK, &en, diagnostics)?;
            warn_missing(theme, id, &words, &fallback, diagnostics);
            Some(fallback)
        };
        let numbers = decimal_formatter(id);
        let date_pattern = match message(&words, fallback.as_ref(), "format-date", None) {
            Some(p) if valid_date_pattern(&p) => p.into_owned(),
            Some(p) => {
                let shown = crate::yaml::shorten(&p, 40);
                diagnostics.push(Diagnostic::error(
                    file_of(theme, id),
                    format!(
                        "format-date = {shown:?}: not a pattern that writes a date (chrono's \
                         strftime, such as %d.%m.%Y, without hours or time zones)"
                    ),
                ));
                return None;
            }
            None => "%Y-%m-%d".to_string(),
        };
        Some(Language {
            id: id.to_string(),
            words,
            fallback,
            numbers,
            date_pattern,
        })
    }

    fn builtin_english() -> Language {
        let mut ignored = Vec::new();
        let theme = Theme::builtin();
        Language::load(&theme, FALLBACK, Path::new("(built-in)"), &mut ignored)
            .expect("the built-in English loads")
    }

    /// The language tag, as `<html lang>` wants it.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The message `id` with `args`; `None` when neither the language nor
    /// English has it.
    pub fn message(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        message(&self.words, self.fallback.as_ref(), id, args).map(Cow::into_owned)
    }

    /// The message `id` with `args`, or the id itself when missing.
    pub fn say<V: Clone + Into<FluentValue<'static>>>(
        &self,
        id: &str,
        args: &[(&str, V)],
    ) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(name.to_string(), value.clone().into());
        }
        self.word_with(id, &fluent)
    }

    /// The message `id` without arguments, or the id itself when missing
    /// (a test of the built-in files guarantees the ids code asks for).
    pub fn word(&self, id: &str) -> String {
        self.message(id, None).unwrap_or_else(|| id.to_string())
    }

    /// A number with at most `decimals` decimals, trailing zeros trimmed,
    /// grouped and pointed as the language writes it. Rounding is half to
    /// even, as `format!` rounds; negative zero reads `0`.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        write_number(&self.numbers, value, decimals)
    }

    /// A date in the language's short pattern: `2026-11-30`, `30.11.2026`.
    pub fn date(&self, d: NaiveDate) -> String {
        d.format(&self.date_pattern).to_string()
    }

    /// The name of month `number` (1-12).
    pub fn month_name(&self, number: u32) -> String {
        self.word(&format!("month-{number}"))
    }

    /// A month as a sentence writes it: `August 2026`, `August 2026`.
    pub fn month(&self, m: Month) -> String {
        let first = m.first_day();
        let mut args = FluentArgs::new();
        args.set("month", self.month_name(first.month()));
        args.set("year", first.year().to_string());
        self.message("month-year", Some(&args))
            .unwrap_or_else(|| format!("{} {}", self.month_name(first.month()), first.year()))
    }
}

impl Language {
    /// A measured value with its unit: `99.6%`, `312 s`, `4.4` (at most two
    /// decimals).
    pub fn value(&self, value: f64, unit: &str) -> String {
        self.value_in(value, 2, unit)
    }

    /// [`Language::value`] with at most `decimals` decimals.
    pub fn value_in(&self, value: f64, decimals: usize, unit: &str) -> String {
        let n = self.number(value, decimals);
        match unit.trim() {
            "" => n,
            // `%` and `/5` read as part of the number.
            u if u == "%" || u.starts_with('/') => format!("{n}{u}"),
            u => format!("{n} {u}"),
        }
    }

    /// A value, or the words for a month with none.
    pub fn optional_value(&self, v: Option<f64>, unit: &str) -> String {
        v.map_or_else(|| self.word("not-reported"), |v| self.value(v, unit))
    }

    /// A share 0..1 as a whole percentage.
    pub fn percent(&self, share: f64) -> String {
        format!("{}%", self.number(share * 100.0, 0))
    }

    /// A whole amount with the language's grouping and its currency.
    pub fn money(&self, amount: f64, currency: &str) -> String {
        let n = self.number(amount.round(), 0);
        format!("{n} {currency}").trim_end().to_string()
    }

    /// A date as a sentence writes it: `4 March 2027`, `4. März 2027`.
    pub fn long_date(&self, d: NaiveDate) -> String {
        let mut args = FluentArgs::new();
        args.set("day", d.day().to_string());
        args.set("month", self.month_name(d.month()));
        args.set("year", d.year().to_string());
        self.message("date-long", Some(&args))
            .unwrap_or_else(|| self.date(d))
    }

    /// `August to October 2026`, `December 2025 to February 2026`, or one
    /// month alone.
    pub fn month_span(&self, first: Month, last: Month) -> String {
        if first == last {
            return self.month(first);
        }
        let (a, b) = (first.first_day(), last.first_day());
        let from = if a.year() == b.year() {
            self.month_name(a.month())
        } else {
            self.month(first)
        };
        let mut args = FluentArgs::new();
        args.set("from", from);
        args.set("to", self.month(last));
        self.word_with("month-span", &args)
    }

    /// Items that each belong to a month, as one list that names each year
    /// once, after its last month: `64.7% in August, 61.3% in September and
    /// 58.4% in October 2026`. Without texts: `August and September 2026`.
    /// The months are expected oldest first.
    pub fn in_months(&self, items: &[(Month, Option<String>)]) -> String {
        let parts: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, (m, text))| {
                let d = m.first_day();
                let year_ends = items
                    .get(i + 1)
                    .is_none_or(|(next, _)| next.first_day().year() != d.year());
                let name = if year_ends {
                    self.month(*m)
                } else {
                    self.month_name(d.month())
                };
                match text {
                    None => name,
                    Some(text) => {
                        let mut args = FluentArgs::new();
                        args.set("text", text.clone());
                        args.set("month", name);
                        self.word_with("in-month", &args)
                    }
                }
            })
            .collect();
        self.and_list(&parts)
    }

    /// Months oldest first, each year named once: `August, September and October 2026`.
    pub fn month_list(&self, months: &[Month]) -> String {
        let items: Vec<(Month, Option<String>)> = months.iter().map(|m| (*m, None)).collect();
        self.in_months(&items)
    }

    /// `a`, `a and b`, `a, b and c`.
    pub fn and_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let mut args = FluentArgs::new();
                args.set("init", init.join(&self.word("list-separator")));
                args.set("last", last.clone());
                self.word_with("list-last", &args)
            }
        }
    }

    /// A sentence the analysis decided, worded in this language.
    pub fn text(&self, text: &Text) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &text.args {
            args.set(*name, self.arg(arg));
        }
        self.message(text.id, Some(&args))
            .unwrap_or_else(|| text.id.to_string())
    }

    fn arg(&self, arg: &Arg) -> FluentValue<'static> {
        let text = match arg {
            Arg::Plain(s) => s.clone(),
            // A number, so that plural forms choose by it; written by
            // `fluent_number`.
            Arg::Count(n) => return FluentValue::from(*n),
            Arg::Number(v, decimals) => self.number(*v, *decimals),
            Arg::Value(v, unit) => self.value(*v, unit),
            Arg::Percent(share) => self.percent(*share),
            Arg::Money(amount, currency) => self.money(*amount, currency),
            Arg::Date(d) => self.date(*d),
            Arg::LongDate(d) => self.long_date(*d),
            Arg::Month(m) => self.month(*m),
            Arg::MonthSpan(a, b) => self.month_span(*a, *b),
            Arg::Months(items) => {
                let items: Vec<(Month, Option<String>)> = items
                    .iter()
                    .map(|(m, a)| (*m, a.as_ref().map(|a| self.arg_text(a))))
                    .collect();
                self.in_months(&items)
            }
            Arg::Text(t) => self.text(t),
            Arg::Sentence(t) => {
                let text = crate::format::capitalise(self.text(t).trim());
                if text.ends_with(['.', '!', '?']) {
                    text
                } else {
                    format!("{text}.")
                }
            }
            Arg::List(items) => {
                let items: Vec<String> = items.iter().map(|a| self.arg_text(a)).collect();
                self.and_list(&items)
            }
        };
        FluentValue::from(text)
    }

    fn arg_text(&self, arg: &Arg) -> String {
        match self.arg(arg) {
            FluentValue::String(s) => s.into_owned(),
            FluentValue::Number(n) => self.number(n.value, 0),
            _ => String::new(),
        }
    }

    /// A message with arguments, or its id when missing.
    fn word_with(&self, id: &str, args: &FluentArgs) -> String {
        self.message(id, Some(args))
            .unwrap_or_else(|| id.to_string())
    }
}

/// The built-in English, shared: exports and tests word texts with it.
pub fn english() -> &'static Language {
    static ENGLISH: std::sync::OnceLock<Language> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(Language::builtin_english)
}

fn message<'b>(
    words: &'b Bundle,
    fallback: Option<&'b Bundle>,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<Cow<'b, str>> {
    let bundle = if words.has_message(id) {
        words
    } else {
        fallback.filter(|f| f.has_message(id))?
    };
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors: Vec<FluentError> = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors))
}

/// The bundle of language `id`: the built-in files, then the user theme's
/// files over them, message by message.
fn bundle(
    theme: &Theme,
    id: &str,
    langid: &LanguageIdentifier,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Bundle> {
    let mut bundle = Bundle::new_concurrent(vec![langid.clone()]);
    // Unicode isolation marks around arguments would land in the HTML.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(fluent_number));
    let mut ok = true;
    for (bytes, name) in sources(theme, id) {
        match parse(bytes, &name) {
            Ok(resource) => bundle.add_resource_overriding(resource),
            Err(d) => {
                diagnostics.push(d);
                ok = false;
            }
        }
    }
    ok.then_some(bundle)
}

/// The texts of language `id`, built-in first, each with the name
/// diagnostics give it.
fn sources<'t>(theme: &'t Theme, id: &str) -> Vec<(&'t [u8], String)> {
    let builtin = files_of(super::theme::builtin_keys(), id)
        .into_iter()
        .filter_map(|k| {
            Some((
                super::theme::builtin_file(k)?,
                format!("(built-in theme) {k}"),
            ))
        });
    let user = theme.files.iter().filter_map(|(k, f)| match &f.origin {
        Origin::User(path) if language_of(k) == Some(id) => {
            Some((&f.bytes[..], path.display().to_string()))
        }
        _ => None,
    });
    builtin.chain(user).collect()
}

/// The file diagnostics name for language `id` as a whole: the user's
/// main file, or the built-in one.
fn file_of(theme: &Theme, id: &str) -> String {
    let key = file_key(id);
    match theme.files.get(&key).map(|f| &f.origin) {
        Some(Origin::User(path)) => path.display().to_string(),
        _ => format!("(built-in theme) {key}"),
    }
}

/// One Fluent file; its first syntax error names the line and column.
fn parse(bytes: &[u8], name: &str) -> Result<FluentResource, Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            return Err(Diagnostic::error(
                name,
                format!(
                    "not UTF-8 text (byte {}): save it as UTF-8",
                    e.valid_up_to()
                ),
            ));
        }
    };
    FluentResource::try_new(text.clone()).map_err(|(_, errors)| {
        let first = &errors[0];
        let (line, column) = line_column(&text, first.pos.start);
        Diagnostic::error(name, format!("not a Fluent message: {}", first.kind))
            .at(&text, line, column)
    })
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// One warning listing the messages language `id` lacks.
fn warn_missing(
    theme: &Theme,
    id: &str,
    words: &Bundle,
    english: &Bundle,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let missing: BTreeSet<String> = message_ids(theme, FALLBACK)
        .into_iter()
        .filter(|m| english.has_message(m) && !words.has_message(m))
        .collect();
    if missing.is_empty() {
        return;
    }
    let shown: Vec<&str> = missing.iter().take(8).map(String::as_str).collect();
    let more = missing.len().saturating_sub(shown.len());
    diagnostics.push(Diagnostic::warning(
        file_of(theme, id),
        format!(
            "{} message(s) of the English theme are missing here and read in English: {}{}",
            missing.len(),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ),
    ));
}

/// The ids of the messages in the files of language `id` (built-in and user).
pub fn message_ids(theme: &Theme, id: &str) -> BTreeSet<String> {
    sources(theme, id)
        .into_iter()
        .filter_map(|(bytes, _)| std::str::from_utf8(bytes).ok())
        .filter_map(|text| FluentResource::try_new(text.to_string()).ok())
        .flat_map(|r| {
            r.entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Whether `pattern` writes a date: valid strftime, and nothing a date
/// lacks (`%H`, `%z`), which chrono would only refuse while writing.
fn valid_date_pattern(pattern: &str) -> bool {
    use std::fmt::Write;
    if pattern.is_empty() || StrftimeItems::new(pattern).any(|i| matches!(i, Item::Error)) {
        return false;
    }
    let sample = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a valid date");
    write!(String::new(), "{}", sample.format(pattern)).is_ok()
}

/// CLDR's grouping and decimal signs for `id`, or English's when CLDR does
/// not know the language (a user theme's own language tag).
fn decimal_formatter(id: &str) -> DecimalFormatter {
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(GroupingStrategy::Auto);
    let prefs = icu_locale_core::Locale::try_from_str(id)
        .map(|l| DecimalFormatterPreferences::from(&l))
        .unwrap_or_default();
    DecimalFormatter::try_new(prefs, options)
        .or_else(|_| DecimalFormatter::try_new(Default::default(), options))
        .expect("compiled CLDR data has a root locale")
}

/// CLDR's writing of numbers for a bundle's language, made once per
/// bundle by Fluent's memoizer.
struct Numbers(DecimalFormatter);

impl intl_memoizer::Memoizable for Numbers {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Numbers, ()> {
        Ok(Numbers(decimal_formatter(&lang.to_string())))
    }
}

/// A number argument of a message (a count that chose a plural form, a
/// number a template passed) written as the rest of the page writes
/// numbers: `1,234` and `1.234`, not Fluent's plain `1234`.
fn fluent_number(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    use fluent_bundle::memoizer::MemoizerKind;
    let FluentValue::Number(n) = value else {
        return None;
    };
    memoizer
        .with_try_get_threadsafe::<Numbers, _, _>((), |f| write_number(&f.0, n.value, 2))
        .ok()
}

/// `value` with at most `decimals` decimals, rounded as every language
/// rounds it (`format::number`), then grouped and pointed by `formatter`.
/// An exponent or NaN is no decimal and stays as written.
fn write_number(formatter: &DecimalFormatter, value: f64, decimals: usize) -> String {
    let text = crate::format::number(value, decimals);
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return text;
    }
    match Decimal::try_from_str(&text) {
        Ok(d) => formatter.format_to_string(&d),
        Err(_) => text,
    }
}

/// A value for a message argument.
pub fn arg(text: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(text.into())
}

#[cfg(test)]
mod tests;
