//! A second language (docs/languages.md): the example built in German has
//! no English word of the theme left, writes numbers and dates as German
//! readers do, and exports the same figures as the English build.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use common::{Built, EXAMPLE_AS_OF, build_with, example, example_copy, repo_root};

/// The example, built in German.
fn german() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        build_with(&repo_root(), EXAMPLE_AS_OF, |o| {
            o.language = Some("de".to_string())
        })
    })
}

/// Words of the theme a reader sees on every kind of page; none of them
/// may be left in a German build. The test below finds the rest of the
/// theme's English from the English build itself.
const THEME_ENGLISH: &[&str] = &[
    "Skip to content",
    "Report as of",
    "Built for",
    "Subscribe",
    "not reported",
    "Actions",
    "Risks",
    "Search",
    "January",
    "March",
    "October",
    "December",
];

/// The text a reader sees or hears on a page: text between tags and the
/// labels of `aria-label`, `title`, `alt` and `placeholder`, scripts and
/// styles left out, entities decoded, white space collapsed.
fn visible_text(html: &str) -> Vec<String> {
    let mut text = html.to_string();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(lt) = rest.find('<') {
        out.push(rest[..lt].to_string());
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt];
        for attr in ["aria-label=\"", "title=\"", "alt=\"", "placeholder=\""] {
            if let Some(i) = tag.find(attr) {
                let value = &tag[i + attr.len()..];
                out.push(value[..value.find('"').unwrap_or(value.len())].to_string());
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push(rest.to_string());
    out.into_iter()
        .map(|s| decode(&s).split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Everything the users wrote: a segment found here is content, shown as
/// written in every language.
fn content_text() -> String {
    let mut text = std::fs::read_to_string(repo_root().join("rapporteur.yaml")).unwrap();
    for entry in walkdir::WalkDir::new(repo_root().join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            text.push('\n');
        }
    }
    text
}

/// The literal text of every message of language `id` in the built-in
/// theme (placeholders left out, every variant of a selector).
fn language_text(id: &str) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn walk(pattern: &Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push(value.to_string()),
                PatternElement::Placeable { expression } => match expression {
                    Expression::Select { variants, .. } => {
                        variants.iter().for_each(|v| walk(&v.value, out))
                    }
                    Expression::Inline(InlineExpression::StringLiteral { value }) => {
                        out.push(value.to_string())
                    }
                    Expression::Inline(_) => {}
                },
            }
        }
    }
    let mut out = Vec::new();
    let dir = repo_root().join("themes/default/languages");
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let ours = rel == format!("{id}.ftl") || rel.starts_with(&format!("{id}/"));
        if !ours || !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
        for e in &resource.body {
            if let Entry::Message(m) = e
                && let Some(value) = &m.value
            {
                walk(value, &mut out);
            }
        }
    }
    out
}

/// The words (two letters or more, lower case) of `text`.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn a_german_build_leaves_no_english_word_of_the_theme() {
    let (en, de) = (example(), german());
    let content = content_text();
    let flat_content = content.split_whitespace().collect::<Vec<_>>().join(" ");
    let content_words = words(&content);
    let german = words(&language_text("de").join(" "));
    let english_theme = words(&language_text("en").join(" "));
    // A word a German page may hold: German, or the users' own.
    let allowed = |w: &String| german.contains(w) || content_words.contains(w);
    let mut left = BTreeMap::<String, BTreeSet<String>>::new();
    for (path, bytes) in &de.files {
        if !path.ends_with(".html") {
            continue;
        }
        let page = String::from_utf8_lossy(bytes);
        assert!(
            page.contains("<html lang=\"de\""),
            "{path} is not marked German"
        );
        let segments: BTreeSet<String> = visible_text(&page).into_iter().collect();
        let english: BTreeSet<String> = en
            .files
            .get(path)
            .map(|b| {
                visible_text(&String::from_utf8_lossy(b))
                    .into_iter()
                    .collect()
            })
            .unwrap_or_default();
        for s in &segments {
            // A command line shown as it is typed.
            if s.starts_with("--") {
                continue;
            }
            let ws = words(s);
            // As the English page has it, with a word neither German nor the users'.
            let unchanged = english.contains(s) && ws.iter().any(|w| w.len() >= 3 && !allowed(w));
            // A word of the English theme that German and the content lack.
            let theme_word = ws
                .iter()
                .any(|w| w.len() >= 4 && english_theme.contains(w) && !allowed(w));
            // A phrase of the theme the content never uses.
            let phrase = THEME_ENGLISH
                .iter()
                .any(|p| p.contains(' ') && s.contains(p) && !flat_content.contains(p));
            if unchanged || theme_word || phrase {
                left.entry(path.clone()).or_default().insert(s.clone());
            }
        }
    }
    let report: Vec<String> = left
        .iter()
        .map(|(page, s)| {
            let shown: Vec<_> = s.iter().take(12).cloned().collect();
            format!("{page}: {}", shown.join(" | "))
        })
        .collect();
    assert!(
        left.is_empty(),
        "English left on {} German pages:\n{}",
        left.len(),
        report.join("\n")
    );
}

#[test]
fn a_german_build_writes_numbers_and_dates_as_germans_do() {
    let (en, de) = (example(), german());
    assert!(en.page("index.html").contains("2026-11-23"));
    assert!(de.page("index.html").contains("23.11.2026"));
    // Every decimal figure of the English engagement pages is written with
    // a decimal comma in the German ones, and every grouped amount with
    // full stops.
    let content = content_text();
    let mut checked = 0;
    for (path, bytes) in &en.files {
        if !(path.starts_with("engagements/") && path.ends_with("/index.html")) {
            continue;
        }
        let english = String::from_utf8_lossy(bytes);
        let german = de.page(path);
        // Figures the users wrote in their text are shown as written.
        for figure in figures(&english)
            .into_iter()
            .filter(|f| !content.contains(f.as_str()))
        {
            let written = figure
                .replace(',', "\u{0}")
                .replace('.', ",")
                .replace('\u{0}', ".");
            assert!(
                german.contains(&written),
                "{path}: {figure} is not written {written}"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 20,
        "only {checked} figures with a decimal point or grouping"
    );
}

/// Figures such as `99.6%`, `4.25/5` and `12,400 GBP` in `html`.
fn figures(html: &str) -> BTreeSet<String> {
    let bytes = html.as_bytes();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit()
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] == b'-'
                    || bytes[i - 1] == b'.'
                    || bytes[i - 1] == b','))
        {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b',')
            {
                i += 1;
            }
            let number = html[start..i].trim_end_matches(['.', ',']);
            let rest = &html[start + number.len()..];
            let unit = if rest.starts_with('%') {
                "%"
            } else if rest.starts_with(" GBP")
                || rest.starts_with(" EUR")
                || rest.starts_with(" USD")
            {
                &rest[..4]
            } else {
                ""
            };
            let decimal = number.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty() && (1..=2).contains(&b.len()) && !b.contains(',')
            });
            let grouped = number.contains(',') && number.split(',').skip(1).all(|g| g.len() == 3);
            if !unit.is_empty() && (decimal || grouped) {
                out.insert(format!("{number}{unit}"));
            }
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn the_figures_and_the_export_are_the_same_in_every_language() {
    let (en, de) = (example(), german());
    let data = |b: &Built| -> BTreeMap<String, Vec<u8>> {
        b.files
            .iter()
            .filter(|(p, _)| p.starts_with("data/"))
            .map(|(p, v)| (p.clone(), v.clone()))
            .collect()
    };
    let (en_data, de_data) = (data(en), data(de));
    assert!(!en_data.is_empty());
    assert!(
        en_data == de_data,
        "data/ differs between the English and German builds"
    );

    let repo = example_copy();
    let config = repo.path().join("rapporteur.yaml");
    let english = common::rapporteur(
        &["export", "--format", "json", "--as-of", EXAMPLE_AS_OF],
        repo.path(),
    );
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("language: en", "language: de")).unwrap();
    assert!(
        std::fs::read_to_string(&config)
            .unwrap()
            .contains("language: de")
    );
    let german = common::rapporteur(
        &["export", "--format", "json", "--as-of", EXAMPLE_AS_OF],
        repo.path(),
    );
    assert!(english.status.success() && german.status.success());
    assert!(
        english.stdout == german.stdout,
        "export differs with language: de"
    );
}

#[test]
fn a_language_the_theme_lacks_is_an_error_at_its_value() {
    let repo = example_copy();
    let config = repo.path().join("rapporteur.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("language: en", "language: fr")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("language:"))
        .unwrap()
        + 1;
    // `check` reports on standard output.
    let out = common::rapporteur(&["check"], repo.path());
    let stderr = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("error: rapporteur.yaml:{line}:11: language `fr`")),
        "{stderr}"
    );
    assert!(stderr.contains("it has de, en"), "{stderr}");
}

#[test]
fn a_user_theme_overrides_a_word_and_adds_a_language() {
    let repo = example_copy();
    let languages = repo.path().join("themes/default/languages");
    std::fs::create_dir_all(&languages).unwrap();
    std::fs::write(languages.join("de.ftl"), "nav-risks = Gefahren\n").unwrap();
    std::fs::write(
        languages.join("fr.ftl"),
        "format-date = %d/%m/%Y\nnav-risks = Risques\n",
    )
    .unwrap();
    let out = repo.path().join("out-de");
    let built = common::rapporteur(
        &[
            "build",
            "--as-of",
            EXAMPLE_AS_OF,
            "--language",
            "de",
            "--out",
            out.to_str().unwrap(),
        ],
        repo.path(),
    );
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains(">Gefahren</a>") && index.contains(">Maßnahmen</a>"));

    let out = repo.path().join("out-fr");
    let built = common::rapporteur(
        &[
            "build",
            "--as-of",
            EXAMPLE_AS_OF,
            "--language",
            "fr",
            "--out",
            out.to_str().unwrap(),
        ],
        repo.path(),
    );
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{stderr}");
    assert!(
        stderr.contains("themes/default/languages/fr.ftl") && stderr.contains("read in English"),
        "{stderr}"
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"fr\"") && index.contains(">Risques</a>"));
    assert!(index.contains("23/11/2026") && index.contains(">Actions</a>"));
}
