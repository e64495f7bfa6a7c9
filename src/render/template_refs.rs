//! Which template includes or extends which, read from the templates'
//! text before Tera compiles them, with the line of each tag: so that a
//! cycle is reported at the tags that make it (Tera names only the chain,
//! with no file or line), and a user template that nothing uses (a misspelt
//! override, `engagment.html`) is a warning instead of being ignored.
//!
//! Tera 2 refers to another template only by `{% include "name" %}` and
//! `{% extends "name" %}`, with a literal name; components are found by
//! their own name, from any template, so a template defining one is used.

use std::collections::{BTreeMap, BTreeSet};

use super::theme::{BUILTIN_THEME, Origin, Theme};
use crate::diagnostic::Diagnostic;
use crate::yaml;

/// One `{% include %}` or `{% extends %}` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ref {
    /// `include` or `extends`.
    verb: &'static str,
    target: String,
    line: usize,
    column: usize,
    /// The tag as written, for messages.
    tag: String,
}

/// What one template's text refers to.
#[derive(Debug, Default)]
struct Scanned {
    refs: Vec<Ref>,
    defines_component: bool,
}

/// The references of every template of a theme.
pub(crate) struct References<'a> {
    theme: &'a Theme,
    /// By template name, in name order.
    templates: BTreeMap<&'a str, (String, Scanned)>,
}

/// At most this many cycles are reported: each is fixed the same way.
const MAX_CYCLES: usize = 10;

impl<'a> References<'a> {
    pub(crate) fn scan(theme: &'a Theme) -> References<'a> {
        let templates = theme
            .templates()
            .map(|(name, file)| {
                let text = String::from_utf8_lossy(&file.bytes).into_owned();
                let scanned = scan(&text);
                (name, (text, scanned))
            })
            .collect();
        References { theme, templates }
    }

    /// An error for each cycle of includes and extends, at a tag of the
    /// user's that closes it.
    pub(crate) fn cycles(&self) -> Vec<Diagnostic> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let names: Vec<&str> = self.templates.keys().copied().collect();
        let mut mark: BTreeMap<&str, Mark> = names.iter().map(|n| (*n, Mark::New)).collect();
        let mut found = Vec::new();
        // Depth-first, each edge looked at once: bounded by the tags.
        for &start in &names {
            if mark[start] != Mark::New {
                continue;
            }
            // (template, index of its next reference to follow)
            let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
            mark.insert(start, Mark::Open);
            while let Some(&(name, next)) = stack.last() {
                let Some(r) = self.templates[name].1.refs.get(next) else {
                    mark.insert(name, Mark::Done);
                    stack.pop();
                    continue;
                };
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                let Some((&target, _)) = self.templates.get_key_value(r.target.as_str()) else {
                    continue; // an unknown template: Tera says so, at the tag
                };
                match mark[target] {
                    Mark::New => {
                        mark.insert(target, Mark::Open);
                        stack.push((target, 0));
                    }
                    Mark::Open => {
                        let from = stack.iter().position(|(n, _)| *n == target).unwrap_or(0);
                        // Each template on the cycle, with the tag leading on.
                        let cycle: Vec<(&str, &Ref)> = stack[from..]
                            .iter()
                            .map(|(n, i)| (*n, &self.templates[n].1.refs[i - 1]))
                            .collect();
                        if found.len() < MAX_CYCLES {
                            found.push(self.cycle(cycle));
                        }
                    }
                    Mark::Done => {}
                }
            }
        }
        found
    }

    /// The error for one cycle, at the first of its tags in a user file.
    fn cycle(&self, mut cycle: Vec<(&str, &Ref)>) -> Diagnostic {
        let user = |name: &str| {
            matches!(
                self.theme
                    .files
                    .get(&format!("templates/{name}"))
                    .map(|f| &f.origin),
                Some(Origin::User(_))
            )
        };
        if let Some(first) = cycle.iter().position(|(n, _)| user(n)) {
            cycle.rotate_left(first);
        }
        let chain: Vec<String> = cycle
            .iter()
            .map(|(n, r)| format!("{n}:{} {} {}", r.line, r.verb, r.target))
            .collect();
        let (name, r) = cycle[0];
        let text = &self.templates[name].0;
        Diagnostic::error(
            self.file(name),
            format!(
                "`{}` makes a cycle: {}; a template cannot include or extend itself, even \
                 through other templates: remove one of these tags",
                r.tag,
                chain.join(", ")
            ),
        )
        .at(text, r.line, r.column)
    }

    /// A warning for each user template that no page and no template uses.
    pub(crate) fn unused(&self) -> Vec<Diagnostic> {
        let built_in: Vec<&str> = BUILTIN_THEME
            .iter()
            .filter_map(|(path, _)| path.strip_prefix("templates/"))
            .collect();
        let used: BTreeSet<&str> = self
            .templates
            .iter()
            .flat_map(|(name, (_, s))| {
                s.refs
                    .iter()
                    .filter(move |r| r.target != **name)
                    .map(|r| r.target.as_str())
            })
            .collect();
        let mut found = Vec::new();
        for (name, (_, scanned)) in &self.templates {
            let Some(Origin::User(path)) = self
                .theme
                .files
                .get(&format!("templates/{name}"))
                .map(|f| &f.origin)
            else {
                continue;
            };
            if built_in.contains(name) || used.contains(name) || scanned.defines_component {
                continue;
            }
            let fix = match yaml::closest(name, &built_in) {
                Some(near) => format!(
                    "did you mean `{near}`? A template replaces the built-in one of exactly the \
                     same name"
                ),
                None => "name it after the built-in template it is to replace, or include it \
                         from one"
                    .to_string(),
            };
            found.push(Diagnostic::warning(
                path,
                format!(
                    "this template is not used: no page is made from it and no template \
                     includes or extends it; {fix}"
                ),
            ));
        }
        found
    }

    fn file(&self, name: &str) -> String {
        match self
            .theme
            .files
            .get(&format!("templates/{name}"))
            .map(|f| &f.origin)
        {
            Some(Origin::User(path)) => path.display().to_string(),
            _ => format!("(built-in theme) templates/{name}"),
        }
    }
}

/// The include and extends tags of a template's text; comments (`{# #}`)
/// and `{% raw %}` blocks are skipped, as Tera skips them.
fn scan(text: &str) -> Scanned {
    let mut scanned = Scanned::default();
    let mut at = 0;
    while let Some(found) = text[at..].find(['{']).map(|i| at + i) {
        let rest = &text[found..];
        if rest.starts_with("{#") {
            at = rest.find("#}").map_or(text.len(), |end| found + end + 2);
            continue;
        }
        if !rest.starts_with("{%") {
            at = found + 1;
            continue;
        }
        let Some(end) = rest.find("%}") else {
            break;
        };
        let tag = &rest[..end + 2];
        at = found + end + 2;
        let inner = tag[2..tag.len() - 2].trim_matches('-').trim();
        let (word, args) = inner
            .split_once(|c: char| c.is_whitespace())
            .unwrap_or((inner, ""));
        match word {
            "include" | "extends" => {
                if let Some(target) = literal(args.trim()) {
                    let before = &text[..found];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    scanned.refs.push(Ref {
                        verb: if word == "include" {
                            "includes"
                        } else {
                            "extends"
                        },
                        target,
                        line,
                        column,
                        tag: yaml::shorten(tag, 80),
                    });
                }
            }
            "component" => scanned.defines_component = true,
            "raw" => {
                // Up to the `endraw` tag, whatever its whitespace control.
                at = text[at..]
                    .find("endraw")
                    .map_or(text.len(), |i| at + i + "endraw".len());
            }
            _ => {}
        }
    }
    scanned
}

/// The text of a quoted name (`"a.html"`, `'a.html'` or `` `a.html` ``).
fn literal(args: &str) -> Option<String> {
    let quote = args.chars().next().filter(|q| "\"'`".contains(*q))?;
    let body = &args[1..];
    let end = body.find(quote)?;
    Some(body[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::ThemeFile;

    fn theme(user: &[(&str, &str)]) -> Theme {
        let mut theme = Theme::default();
        for (name, text) in user {
            theme.files.insert(
                format!("templates/{name}"),
                ThemeFile {
                    bytes: text.as_bytes().to_vec(),
                    origin: Origin::User(format!("themes/t/templates/{name}").into()),
                },
            );
        }
        theme
    }

    #[test]
    fn tags_are_found_with_their_lines_and_comments_are_not() {
        let s = scan(
            "{# {% include \"no.html\" %} #}\nx {%- include 'a.html' -%}\n{% raw %}{% include \"r.html\" %}{% endraw %}\n  {% extends `b.html` %}{% component C() %}",
        );
        let got: Vec<(&str, &str, usize, usize)> = s
            .refs
            .iter()
            .map(|r| (r.verb, r.target.as_str(), r.line, r.column))
            .collect();
        assert_eq!(
            got,
            [("includes", "a.html", 2, 3), ("extends", "b.html", 4, 3)]
        );
        assert!(s.defines_component);
        assert!(scan("{% include").refs.is_empty());
        assert!(scan("{% include x %}").refs.is_empty());
    }

    #[test]
    fn cycles_name_every_tag_once() {
        let t = theme(&[
            ("a.html", "x\n\n{% include \"b.html\" %}"),
            ("b.html", "{% include \"a.html\" %}"),
            ("c.html", "{% extends \"c.html\" %}"),
            ("d.html", "{% include \"a.html\" %}"),
        ]);
        let found = References::scan(&t).cycles();
        assert_eq!(found.len(), 2, "{found:?}");
        let d = &found[0];
        assert_eq!(d.file.to_str(), Some("themes/t/templates/a.html"));
        assert_eq!((d.line, d.column), (3, 1));
        assert!(
            d.message.starts_with(
                "`{% include \"b.html\" %}` makes a cycle: a.html:3 includes b.html, \
                 b.html:1 includes a.html;"
            ),
            "{d:?}"
        );
        assert!(
            found[1].message.contains("c.html:1 extends c.html;"),
            "{found:?}"
        );
    }

    #[test]
    fn unused_user_templates_are_warned_with_the_nearest_name() {
        let t = theme(&[
            ("engagment.html", "{% include \"part.html\" %}"),
            ("part.html", "p"),
            (
                "components.html",
                "{% component Tag(x) %}{% endcomponent Tag %}",
            ),
            ("self.html", "{% include \"self.html\" %}"),
        ]);
        let found = References::scan(&t).unused();
        let files: Vec<_> = found.iter().map(|d| d.file.to_str().unwrap()).collect();
        assert_eq!(
            files,
            [
                "themes/t/templates/engagment.html",
                "themes/t/templates/self.html"
            ]
        );
        assert!(
            found[0].message.contains("did you mean `engagement.html`?"),
            "{found:?}"
        );
    }
}
