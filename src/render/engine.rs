//! Tera, loaded once per build with every template of the effective theme.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult, Value};

use super::budget;
use super::language::Language;
use super::theme::{Origin, Theme};
use crate::diagnostic::Diagnostic;

pub struct Engine {
    tera: Tera,
    theme: Theme,
    language: Arc<Language>,
}

impl Engine {
    /// Compiles every template; a broken one becomes a diagnostic naming the
    /// template file and line. Templates word their pages in `language`.
    pub fn new(theme: Theme, language: Language) -> Result<Engine, Vec<Diagnostic>> {
        budget::start_watchdog().map_err(|e| vec![Diagnostic::error("themes", e)])?;
        let language = Arc::new(language);
        let mut tera = Tera::new();
        tera.register_function("t", Words(language.clone()));
        let templates: Vec<(String, String)> = theme
            .templates()
            .map(|(name, file)| {
                (
                    name.to_string(),
                    String::from_utf8_lossy(&file.bytes).into_owned(),
                )
            })
            .collect();
        if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n, t))) {
            return Err(vec![template_diagnostic(&theme, &templates, &e)]);
        }
        Ok(Engine {
            tera,
            theme,
            language,
        })
    }

    /// The language the pages are worded and their figures written in.
    pub fn language(&self) -> &Language {
        &self.language
    }

    /// Renders a page within its budget (`budget`): too much output is a
    /// diagnostic naming the template; too much time or memory ends the
    /// process with a message naming it.
    pub fn render(&self, template: &str, context: &Context) -> Result<String, Diagnostic> {
        let mut page = budget::Capped::default();
        let rendered = {
            let _watched = budget::watch(file_of(&self.theme, template));
            self.tera.render_to(template, context, &mut page)
        };
        if page.over {
            return Err(Diagnostic::error(
                file_of(&self.theme, template),
                format!(
                    "template over budget: a page is larger than {} MiB; a loop in the \
                     template (or one it extends or includes) writes too much: make it smaller",
                    budget::MAX_PAGE_BYTES >> 20
                ),
            ));
        }
        rendered
            .map(|()| {
                String::from_utf8(page.bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
            })
            .map_err(|e| {
                let sources: Vec<(String, String)> = self
                    .theme
                    .templates()
                    .map(|(n, f)| {
                        (
                            n.to_string(),
                            String::from_utf8_lossy(&f.bytes).into_owned(),
                        )
                    })
                    .collect();
                template_diagnostic(&self.theme, &sources, &e)
            })
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }
}

/// `t(k="message-id", name=value, ...)`: a message of the language, its
/// arguments HTML-escaped unless marked safe. The message itself is the
/// theme's own text, as trusted as its templates, so it may hold markup.
struct Words(Arc<Language>);

impl tera::Function<TeraResult<Value>> for Words {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let id: String = kwargs.must_get::<&str>("k")?.to_string();
        let mut args = FluentArgs::new();
        for (key, value) in kwargs.iter() {
            let Some(name) = key.as_str().filter(|n| *n != "k") else {
                continue;
            };
            args.set(name.to_string(), fluent_value(value));
        }
        match self.0.message(&id, Some(&args)) {
            Some(text) => Ok(Value::safe_string(&text)),
            None => Err(tera::Error::message(format!(
                "no message `{id}` in languages/{}.ftl or languages/en.ftl",
                self.0.id()
            ))),
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// A template value as a message argument: numbers stay numbers (plural
/// forms choose by them), text is escaped unless marked safe.
fn fluent_value(value: &Value) -> FluentValue<'static> {
    if let Some(n) = value.as_f64().filter(|_| value.is_number()) {
        return FluentValue::from(n);
    }
    let text = match value.as_str() {
        Some(s) => s.to_string(),
        None => value.to_string(),
    };
    if value.is_safe() {
        FluentValue::from(text)
    } else {
        let mut escaped = Vec::with_capacity(text.len());
        let _ = tera::escape_html(&text, &mut escaped);
        FluentValue::from(String::from_utf8_lossy(&escaped).into_owned())
    }
}

/// Tera formats some errors (an unknown `{% include %}`) as a report with a
/// ` --> name:line:col` line instead of a structured kind: read it back.
fn located_report(report: &str) -> Option<(String, usize, usize, String)> {
    let (head, rest) = report.split_once("\n")?;
    let at = rest
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = at.rsplitn(3, ':');
    let column: usize = parts.next()?.trim().parse().ok()?;
    let line: usize = parts.next()?.trim().parse().ok()?;
    let name = parts.next()?.to_string();
    let message = head.strip_prefix("error: ").unwrap_or(head).to_string();
    Some((name, line, column, message))
}

/// The template `name` as diagnostics name it: the user's file, or the built-in one.
fn file_of(theme: &Theme, name: &str) -> String {
    match theme
        .files
        .get(&format!("templates/{name}"))
        .map(|f| &f.origin)
    {
        Some(Origin::User(path)) => path.display().to_string(),
        Some(Origin::BuiltIn) => format!("(built-in theme) templates/{name}"),
        None if name.is_empty() => "themes".to_string(),
        None => format!("templates/{name}"),
    }
}

/// Names the template file (the user's, or the built-in one) and the line.
fn template_diagnostic(theme: &Theme, sources: &[(String, String)], e: &tera::Error) -> Diagnostic {
    let (name, line, column, message) = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
            r.message().to_string(),
        ),
        other => located_report(&other.to_string())
            .unwrap_or_else(|| (String::new(), 1, 1, other.to_string())),
    };
    let file = file_of(theme, &name);
    let text = sources
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or("");
    Diagnostic::error(file, format!("template error: {message}")).at(text, line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formatted_report_gives_template_and_line() {
        let report = "error: Unknown template `nope.html`\n --> note.html:3:12\n  |\n3 | x\n";
        assert_eq!(
            located_report(report),
            Some((
                "note.html".to_string(),
                3,
                12,
                "Unknown template `nope.html`".to_string()
            ))
        );
        assert_eq!(located_report("plain message"), None);
    }
}
