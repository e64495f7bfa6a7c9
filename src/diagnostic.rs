//! Diagnostics: what went wrong in which file, where, and how to fix it.
//!
//! Library code collects these instead of printing; the command decides how to
//! show them and which exit code they mean.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content, with its position (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the repository root. Written lossily in JSON: a file
    /// name that is not UTF-8 is still reported, with U+FFFD in place of
    /// the bad bytes, rather than failing the whole report.
    #[serde(serialize_with = "lossy_path")]
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The source line the position points into, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

fn lossy_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 1,
            column: 1,
            message: message.into(),
            source_line: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the diagnostic at `line`:`column` of `text`, keeping that line for display.
    /// A position past the last line (parsers report the end of the stream
    /// there) is shown at the end of the last line.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Diagnostic {
        let lines: Vec<&str> = source_lines(text).collect();
        let last = lines.len();
        (self.line, self.column) = if line > last {
            (last, lines[last - 1].chars().count() + 1)
        } else {
            (line.max(1), column.max(1))
        };
        self.source_line = Some(visible(lines[self.line - 1]));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The order in which diagnostics are reported: by file, then position.
    pub fn sort_key(&self) -> (&Path, usize, usize, &str) {
        (&self.file, self.line, self.column, &self.message)
    }
}

impl Diagnostic {
    /// The human-readable form: a headline with `file:line:col`, then the
    /// source line with a caret under the spot. With `color`, ANSI colours.
    pub fn render(&self, color: bool) -> String {
        let paint = |code: &str, text: &str| {
            if color {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let (label, code) = match self.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let mut out = format!(
            "{}: {} {}\n",
            paint(code, label),
            paint(
                "1",
                &format!(
                    "{}:{}:{}:",
                    printable(&self.file.display().to_string(), false),
                    self.line,
                    self.column
                )
            ),
            printable(&self.message, true)
        );
        if let Some(text) = &self.source_line {
            let (text, column) = window(text, self.column);
            let gutter = self.line.to_string().len();
            let bar = paint("1;34", "|");
            // Each character as shown: an escaped one takes the width of
            // its escape, so the caret still falls under the spot.
            let shown: Vec<Cow<str>> = text
                .chars()
                .map(|c| match c {
                    '\t' => Cow::Borrowed("\t"),
                    c => Cow::Owned(printable(c.encode_utf8(&mut [0; 4]), false).into_owned()),
                })
                .collect();
            let pad: String = shown
                .iter()
                .take(column.saturating_sub(1))
                .map(|s| {
                    if s == "\t" {
                        "\t".to_string()
                    } else {
                        " ".repeat(s.chars().count())
                    }
                })
                .collect();
            let token = token_width(&text, column);
            let width: usize = shown
                .iter()
                .skip(column.saturating_sub(1))
                .take(token)
                .map(|s| s.chars().count())
                .sum();
            out.push_str(&format!("{:gutter$} {bar}\n", ""));
            out.push_str(&format!(
                "{} {bar} {}\n",
                paint("1;34", &self.line.to_string()),
                shown.concat()
            ));
            out.push_str(&format!(
                "{:gutter$} {bar} {pad}{}\n",
                "",
                paint(code, &"^".repeat(width.max(1)))
            ));
        }
        out
    }
}

/// `line` with its control characters (other than tab) drawn as their
/// Unicode pictures (`␋` for a vertical tab), one character for one: a
/// terminal shows them instead of obeying them, and columns stay the same.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// `text` safe to print on a terminal: control characters (ESC, which
/// starts colour and cursor commands, and the rest of C0, DEL and C1) and
/// the bidirectional overrides that reorder what is shown are written as
/// `\u{1b}`, never raw. With `lines`, line breaks and tabs stay. Every
/// message, file name and source line a person reads goes through here
/// (docs/check.md, "Control characters").
pub fn printable(text: &str, lines: bool) -> Cow<'_, str> {
    let escaped = |c: char| {
        (c.is_control() && !(lines && matches!(c, '\n' | '\t')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Longest source line shown whole; longer ones are cut around the column.
const MAX_SHOWN: usize = 160;

/// The part of `line` to show, and the column within it: a window around
/// `column`, marked with `…` where it was cut.
fn window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_SHOWN {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(MAX_SHOWN / 3);
    let end = (start + MAX_SHOWN).min(chars.len());
    let mut shown = String::new();
    let mut column = at - start + 1;
    if start > 0 {
        shown.push('…');
        column += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, column)
}

/// How many characters to underline from `column` (1-based): the word,
/// quoted text or key there, at least one.
fn token_width(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    let Some(&first) = rest.first() else {
        return 1;
    };
    if ('\u{2400}'..='\u{2421}').contains(&first) || first == '\u{fffd}' {
        // A control character drawn by `visible`: that one character.
        return 1;
    }
    let width = if first == '[' {
        // A Markdown link: `[text](target)`.
        let text: String = rest.iter().collect();
        text.find("](")
            .and_then(|i| {
                text[i..]
                    .find(')')
                    .map(|j| text[..i + j + 1].chars().count())
            })
            .unwrap_or(1)
    } else if first == '"' || first == '\'' {
        rest[1..]
            .iter()
            .position(|&c| c == first)
            .map_or(rest.len(), |i| i + 2)
    } else {
        let mut n = 0;
        while n < rest.len() {
            let c = rest[n];
            let key_end = c == ':' && rest.get(n + 1).is_none_or(|c| c.is_whitespace());
            if c.is_whitespace() || ",[]{}#".contains(c) || key_end {
                break;
            }
            n += 1;
        }
        n
    };
    width.clamp(1, 80)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// The lines of `text` as YAML counts them: a line ends at `\r\n`, `\n` or a
/// lone `\r`, so positions from the parsers and shown lines agree.
pub fn source_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r']) {
            Some(i) => {
                let skip = if current[i..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[i + skip..]);
                Some(&current[..i])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Sorts diagnostics into their stable reporting order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_as_in_yaml() {
        let lines: Vec<&str> = source_lines("a\r\nb\rc\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
        assert_eq!(source_lines("").count(), 1);
        assert_eq!(source_lines("a\n").collect::<Vec<_>>(), ["a", ""]);
        let d = Diagnostic::error("f", "m").at("\rBr", 2, 1);
        assert_eq!(d.source_line.as_deref(), Some("Br"));
        let d = Diagnostic::error("f", "m").at("a\u{b}b\u{0}\u{1b}[31m\u{7f}\u{85}\tc", 1, 2);
        assert_eq!(d.source_line.as_deref(), Some("a␋b␀␛[31m␡\u{fffd}\tc"));
        assert!(
            d.to_string().ends_with("| a␋b␀␛[31m␡\u{fffd}\tc\n  |  ^\n"),
            "{d}"
        );
        let d = Diagnostic::error("f", "m").at("a\nbc", 6, 1);
        assert_eq!(
            (d.line, d.column, d.source_line.as_deref()),
            (2, 3, Some("bc"))
        );
    }

    #[test]
    fn caret_underlines_the_token() {
        let d = Diagnostic::error("c/e.yaml", "unknown field").at("name: x\n    targt: 5\n", 2, 5);
        assert_eq!(
            d.to_string(),
            "error: c/e.yaml:2:5: unknown field\n  |\n2 |     targt: 5\n  |     ^^^^^\n"
        );
        let colored = d.render(true);
        let d = Diagnostic::error("c/\u{1b}[2J.yaml", "key `\u{1b}[31mred`\nnext").at(
            "a: 1\n\u{1b}[31mred: 2\n",
            2,
            6,
        );
        assert_eq!(
            d.to_string(),
            "error: c/\\u{1b}[2J.yaml:2:6: key `\\u{1b}[31mred`\nnext\n  |\n\
             2 | ␛[31mred: 2\n  |      ^^^\n"
        );
        let d = Diagnostic::error("f", "m").at("\u{1b}x", 1, 1);
        assert!(
            // The source line draws ESC as its picture: one column.
            d.to_string().ends_with("1 | ␛x\n  | ^\n"),
            "{d}"
        );
        assert_eq!(printable("a\u{202e}b\u{9b}", true), "a\\u{202e}b\\u{9b}");
        assert!(colored.contains("\x1b[1;31merror\x1b[0m"), "{colored:?}");
        assert_eq!(token_width("a: \"x y\" z", 4), 5);
        assert_eq!(token_width("a", 5), 1);
        assert_eq!(token_width("See [x](y.md) z", 5), 9);
        let long = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::error("f", "m").at(&long, 1, 501);
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[2].chars().count() < 200, "{shown}");
        let x = lines[2].chars().position(|c| c == 'X').unwrap();
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        assert_eq!(x, caret, "{shown}");
    }
}
