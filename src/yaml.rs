//! The one place that knows which YAML crate parses the content.
//!
//! Everything else asks for a typed value from text and gets back either the
//! value or a `YamlError` with a 1-based position, so the crate can be swapped.

use serde::de::DeserializeOwned;

/// A YAML problem at a position in the text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses `text` into `T`, reporting where the text did not fit.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|err| {
        let (line, column) = err
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        YamlError {
            line,
            column,
            message: clean_message(&err.to_string()),
        }
    })
}

/// serde_yaml appends " at line L column C" to its messages; we show the
/// position ourselves, so it is removed here.
fn clean_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn error_carries_position_and_clean_message() {
        let err = from_str::<BTreeMap<String, u8>>("a: 1\nb: [oops\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        assert!(!err.message.contains(" at line "), "{err:?}");
    }
}
