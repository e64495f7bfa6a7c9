//! From a file's bytes to text a parser may read: UTF-8 only (a byte-order
//! mark dropped), UTF-16 recognised and named as such, and control
//! characters refused at their line and column.
//!
//! Which characters are refused (docs/check.md, "Files"): the C0
//! controls except tab, line feed and carriage return; DEL (U+007F); and the
//! C1 controls U+0080..=U+009F. None of them is text anyone means to write:
//! they come from pasting out of word processors (a vertical tab for a
//! manual line break), from binary or UTF-16 files, or from text decoded
//! twice. YAML refuses most of them anyway, without a position; in a note's
//! body they would silently reach the page.

use std::path::Path;

use crate::diagnostic::{self, Diagnostic};

/// The text of a file, or the diagnostic saying why it is not UTF-8 text.
pub(crate) fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if let Some(form) = utf16(&bytes) {
        return Err(Diagnostic::error(
            rel,
            format!(
                "this file is UTF-16 ({form}), not UTF-8: save it as UTF-8 (in most editors: \
                 Save As, Encoding: UTF-8)"
            ),
        ));
    }
    match String::from_utf8(bytes) {
        // A byte-order mark is not content (and confuses the YAML parser).
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let (line, column) = line_col(&text, offset);
            Err(Diagnostic::error(
                rel,
                format!(
                    "the file is not UTF-8 text (invalid byte 0x{:02x} at byte offset \
                     {offset}): save it as UTF-8",
                    e.as_bytes()[offset]
                ),
            )
            .at(&text, line, column))
        }
    }
}

/// Which UTF-16 the bytes are, if they are: a byte-order mark, or (without
/// one) the zero byte in every other place that ASCII text in UTF-16 has.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("little-endian, with a byte-order mark"),
        [0xFE, 0xFF, ..] => return Some("big-endian, with a byte-order mark"),
        _ => {}
    }
    // Only the start is looked at: enough to tell, and bounded.
    let head = &bytes[..bytes.len().min(512)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let count = |zero_first: bool| {
        head.chunks_exact(2)
            .filter(|p| (p[0] == 0) == zero_first && (p[1] == 0) != zero_first)
            .count()
    };
    // Three pairs in four: UTF-16 text with some non-ASCII still passes,
    // while UTF-8 text with a stray NUL does not (that one is reported as a
    // control character, at its place).
    if count(false) * 4 >= pairs * 3 {
        Some("little-endian, without a byte-order mark")
    } else if count(true) * 4 >= pairs * 3 {
        Some("big-endian, without a byte-order mark")
    } else {
        None
    }
}

/// At most this many control characters are reported per file: one is
/// enough to find the others, and a binary file has thousands.
const MAX_REPORTED: usize = 10;

/// A diagnostic for each control character in `text` (up to `MAX_REPORTED`),
/// at its line and column.
pub(crate) fn control_characters(rel: &Path, text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut skipped = 0;
    for (offset, c) in text.char_indices().filter(|(_, c)| is_refused(*c)) {
        if found.len() == MAX_REPORTED {
            skipped += 1;
            continue;
        }
        let (line, column) = line_col(text, offset);
        found.push(Diagnostic::error(rel, refused_message(c)).at(text, line, column));
    }
    if skipped > 0
        && let Some(last) = found.last_mut()
    {
        last.message.push_str(&format!(
            " ({skipped} more control characters follow in this file)"
        ));
    }
    found
}

/// Whether `c` is a control character that text may not hold.
pub(crate) fn is_refused(c: char) -> bool {
    // `char::is_control` is the category Cc: C0, DEL and C1, nothing else.
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn refused_message(c: char) -> String {
    let code = u32::from(c);
    let (name, cause) = match c {
        '\u{0}' => (
            "NUL",
            "it comes from binary files or text saved as UTF-16; save the file as UTF-8 text",
        ),
        '\u{8}' => ("backspace", "it often comes from pasting out of a terminal"),
        '\u{b}' => (
            "vertical tab",
            "it often comes from pasting from a word processor, where it is a manual line break",
        ),
        '\u{c}' => (
            "form feed",
            "it often comes from pasting from a word processor, where it is a page break",
        ),
        '\u{1b}' => (
            "escape",
            "it often comes from pasting coloured terminal output",
        ),
        '\u{7f}' => ("delete", "it often comes from pasting out of a terminal"),
        '\u{80}'..='\u{9f}' => (
            "a C1 control",
            "it usually means the text was converted from Windows-1252 or Latin-1 twice; retype \
             the character around it",
        ),
        _ => ("a control character", "it is invisible in most editors"),
    };
    format!("remove the control character U+{code:04X} ({name}): {cause}")
}

/// 1-based line and column of a byte offset.
/// Lines end as YAML ends them (`\r\n`, `\n` or a lone `\r`), as in `Diagnostic::at`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lines: Vec<&str> = diagnostic::source_lines(&text[..end]).collect();
    let column = lines.last().map_or(0, |l| l.chars().count()) + 1;
    (lines.len(), column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf16_is_named_with_and_without_a_byte_order_mark() {
        let rel = Path::new("n.md");
        let le = utf16le("---\ntitle: Café\n---\n");
        let be: Vec<u8> = "---\ntitle: x\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let with_mark = [&[0xFF, 0xFE][..], &le].concat();
        for (bytes, says) in [
            (le.clone(), "little-endian, without"),
            (be.clone(), "big-endian, without"),
            (with_mark, "little-endian, with a"),
            ([&[0xFE, 0xFF][..], &be].concat(), "big-endian, with a"),
        ] {
            let d = decode(rel, bytes).unwrap_err();
            assert!(
                d.message.contains("UTF-16") && d.message.contains(says),
                "{d:?}"
            );
            assert_eq!((d.line, d.column), (1, 1));
        }
        // UTF-8 with one NUL is text with a control character, not UTF-16.
        assert!(decode(rel, b"title: a\0b\n".to_vec()).is_ok());
        assert!(decode(rel, b"\0".to_vec()).is_ok());
        assert_eq!(decode(rel, "\u{feff}a".into()).unwrap(), "a");
    }

    #[test]
    fn control_characters_are_found_where_they_are() {
        let rel = Path::new("e.yaml");
        let found = control_characters(rel, "name: a\r\nclient: B\u{b}\n\u{85}x\ttab\n");
        let at: Vec<(usize, usize)> = found.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(2, 10), (3, 1)]);
        assert!(
            found[0].message.contains("U+000B (vertical tab)"),
            "{found:?}"
        );
        assert!(found[1].message.contains("U+0085"), "{found:?}");
        assert!(control_characters(rel, "a\tb\r\nc\rd\n é ✓").is_empty());
        let many = control_characters(rel, &"\u{0}".repeat(30));
        assert_eq!(many.len(), MAX_REPORTED);
        assert!(many[9].message.contains("20 more"), "{many:?}");
    }

    #[test]
    fn line_col_is_one_based() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
        assert_eq!(line_col("a\r\nb\rcd", 6), (3, 2));
    }
}
