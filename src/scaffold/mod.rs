//! The files `rapporteur init` and `rapporteur new` write, kept as files
//! under `src/scaffold/files/` (embedded in the binary) so that they read
//! as what users get, and filled here: a `{name}` (lowercase letters,
//! digits, `_`) is a placeholder, every other brace is text, so YAML flow
//! mappings (`{ name: Acme }`) and CI expressions (`${{ runner.os }}`) need
//! no escaping. Values are inserted as given, in one pass: a value that
//! looks like a placeholder stays as it is.
//!
//! The values come from the model, not from copies: defaults from
//! `Config::default()`, allowed values from the enums (src/names.rs).

pub(crate) mod init;
pub(crate) mod new;

/// One embedded file and the name it has under `src/scaffold/files/`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Template {
    pub(crate) name: &'static str,
    text: &'static str,
}

macro_rules! template {
    ($name:literal) => {
        Template {
            name: $name,
            text: include_str!(concat!("files/", $name)),
        }
    };
}

pub(crate) const CONFIG: Template = template!("init/rapporteur.yaml");
pub(crate) const GITIGNORE: Template = template!("init/gitignore");
pub(crate) const GITHUB: Template = template!("init/github-workflow.yml");
pub(crate) const GITLAB: Template = template!("init/gitlab-ci.yml");
pub(crate) const CODEOWNERS: Template = template!("init/CODEOWNERS");
pub(crate) const README: Template = template!("init/README.md");
pub(crate) const EXAMPLE_ENGAGEMENT: Template = template!("init/engagement.yaml");
pub(crate) const EXAMPLE_PERIOD: Template = template!("init/period.yaml");
pub(crate) const EXAMPLE_SURVEY: Template = template!("init/period-survey.yaml");
pub(crate) const EXAMPLE_NOTE: Template = template!("init/note.md");
pub(crate) const EXAMPLE_MAPPING: Template = template!("init/mapping.yaml");
pub(crate) const EXAMPLE_EXPORT: Template = template!("init/pay-runs.csv");
pub(crate) const NEW_NOTE: Template = template!("new/note.md");
pub(crate) const NEW_PERIOD: Template = template!("new/period.yaml");
pub(crate) const NEW_ENGAGEMENT: Template = template!("new/engagement.yaml");

/// What went wrong filling a template: a placeholder with no value, or a
/// value the template has no place for (a misspelt name on either side).
#[derive(Debug, PartialEq)]
pub(crate) enum Unfilled {
    NoValue(String),
    Unused(String),
}

impl Template {
    /// The text with every placeholder replaced by its value. Which
    /// placeholders a file has and which names its command gives do not
    /// depend on any input, and the tests fill every file through its
    /// command, so a mismatch is a bug caught there (debug builds stop at
    /// it); in a release build such a placeholder is left as written.
    pub(crate) fn fill(&self, values: &[(&str, &str)]) -> String {
        let (text, problems) = self.render(values);
        debug_assert!(problems.is_empty(), "{}: {problems:?}", self.name);
        text
    }

    /// `fill`, or every mismatch between the placeholders and `values`.
    #[cfg(test)]
    pub(crate) fn try_fill(&self, values: &[(&str, &str)]) -> Result<String, Vec<Unfilled>> {
        let (text, problems) = self.render(values);
        if problems.is_empty() {
            Ok(text)
        } else {
            Err(problems)
        }
    }

    /// The text as written, for a file with no placeholder.
    pub(crate) fn text(&self) -> &'static str {
        debug_assert!(placeholders(self.text).is_empty(), "{}", self.name);
        self.text
    }

    fn render(&self, values: &[(&str, &str)]) -> (String, Vec<Unfilled>) {
        let mut out = String::with_capacity(self.text.len() + 256);
        let mut used = vec![false; values.len()];
        let mut problems = Vec::new();
        let mut rest = self.text;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start..];
            match placeholder_at(after) {
                Some(name) => {
                    match values.iter().position(|(key, _)| *key == name) {
                        Some(i) => {
                            out.push_str(values[i].1);
                            used[i] = true;
                        }
                        None => {
                            problems.push(Unfilled::NoValue(name.to_string()));
                            out.push_str(&after[..name.len() + 2]);
                        }
                    }
                    rest = &after[name.len() + 2..];
                }
                None => {
                    out.push('{');
                    rest = &after[1..];
                }
            }
        }
        out.push_str(rest);
        for ((key, _), used) in values.iter().zip(used) {
            if !used {
                problems.push(Unfilled::Unused(key.to_string()));
            }
        }
        (out, problems)
    }
}

/// The name of the placeholder `text` starts with (`{title}` -> `title`).
fn placeholder_at(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('{')?;
    let len = inner
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .unwrap_or(inner.len());
    (len > 0 && inner[len..].starts_with('}')).then(|| &inner[..len])
}

/// Every placeholder name in `text`, in order.
pub(crate) fn placeholders(text: &str) -> Vec<&str> {
    text.char_indices()
        .filter(|(_, c)| *c == '{')
        .filter_map(|(i, _)| placeholder_at(&text[i..]))
        .collect()
}

/// A YAML scalar for any text: a JSON string is valid YAML.
pub(crate) fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Template = Template {
        name: "test",
        text: "a: {a}\nb: { c: {b_2} }\nci: ${{ runner.os }} {} {A} {x-y}\n",
    };

    #[test]
    fn placeholders_are_filled_once_and_other_braces_are_text() {
        assert_eq!(placeholders(T.text), ["a", "b_2"]);
        assert_eq!(
            T.try_fill(&[("a", "{b_2}"), ("b_2", "2")]).unwrap(),
            "a: {b_2}\nb: { c: 2 }\nci: ${{ runner.os }} {} {A} {x-y}\n"
        );
    }

    #[test]
    fn an_unknown_placeholder_or_an_unused_value_is_an_error() {
        assert_eq!(
            T.try_fill(&[("a", "1")]),
            Err(vec![Unfilled::NoValue("b_2".into())])
        );
        assert_eq!(
            T.try_fill(&[("a", "1"), ("b_2", "2"), ("title", "x")]),
            Err(vec![Unfilled::Unused("title".into())])
        );
    }

    /// Every file, filled as its command fills it (a debug build stops at a
    /// placeholder with no value or a value with no place), has no
    /// placeholder left.
    #[test]
    fn every_file_is_filled_by_its_command() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let month: crate::model::Month = "2026-10".parse().unwrap();
        let engagement = new::engagement("content/a/engagement.yaml", "a", "A", day);
        let record: crate::model::EngagementRecord = crate::yaml::from_str(&engagement).unwrap();
        let mut bare = record.clone();
        bare.kpis.clear();
        let texts = [
            init::config("T"),
            GITIGNORE.text().to_string(),
            init::github_workflow(None),
            init::github_workflow(Some("https://git.example.org/r.git")),
            init::gitlab_ci(None),
            init::gitlab_ci(Some("https://git.example.org/r.git")),
            init::readme("T", "a"),
            init::engagement("content/a/engagement.yaml", month),
            init::period("p.yaml", month, false),
            init::period("p.yaml", month, true),
            init::note("n.md", day, day),
            new::note("n.md", &record, "T", "review", day),
            new::period("p.yaml", &record, month),
            new::period("p.yaml", &bare, month),
            engagement,
        ];
        for text in texts {
            assert_eq!(placeholders(&text), Vec::<&str>::new(), "{text}");
            assert!(!text.is_empty());
        }
    }

    /// Uncommented, the period's sign-off block is a valid sign-off and
    /// dispute (the `...` reason filled in).
    #[test]
    fn the_sign_off_block_reads_once_uncommented() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let month: crate::model::Month = "2026-10".parse().unwrap();
        let engagement = new::engagement("content/a/engagement.yaml", "a", "A", day);
        let record: crate::model::EngagementRecord = crate::yaml::from_str(&engagement).unwrap();
        let text = new::period("content/a/periods/2026-10.yaml", &record, month);
        let mut open = false;
        let uncommented: String = text
            .lines()
            .map(|l| {
                open |= l.starts_with("# sign_off:");
                match l.strip_prefix("# ") {
                    Some(rest) if open => format!("{}\n", rest.replace("...", "Late export")),
                    _ => format!("{l}\n"),
                }
            })
            .collect();
        let parsed = crate::load::parse_period(
            std::path::Path::new("content/a/periods/2026-10.yaml"),
            &uncommented,
        );
        let period = parsed.value.expect("parses");
        let sign_off = period.sign_off.expect("a sign-off");
        assert_eq!(sign_off.client.unwrap().date.to_string(), "2026-11-01");
        assert_eq!(period.dispute.len(), 1, "{uncommented}");
    }
}
