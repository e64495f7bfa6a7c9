//! Fuzz target: a user theme's language file (`languages/de.ftl`), laid
//! over the built-in German as `build` lays it, then every built-in
//! message worded and a figure written. Nothing may panic or hang; a file
//! that fails names itself and a line of its text.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use rapporteur::render::language::{self, Language};
use rapporteur::render::theme::{Origin, Theme, ThemeFile};

#[path = "common.rs"]
mod common;

const FILE: &str = "themes/mine/languages/de.ftl";

fuzz_target!(|data: &[u8]| {
    let mut theme = Theme::builtin();
    theme.files.insert(
        language::file_key("de"),
        ThemeFile {
            bytes: data.to_vec(),
            origin: Origin::User(PathBuf::from(FILE)),
        },
    );
    let mut diagnostics = Vec::new();
    let loaded = Language::load(&theme, "de", Path::new("rapporteur.yaml"), &mut diagnostics);
    let ours: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.file == Path::new(FILE))
        .cloned()
        .collect();
    if let Ok(text) = std::str::from_utf8(data) {
        common::positions(text, &ours);
    }
    let Some(de) = loaded else {
        assert!(diagnostics.iter().any(|d| d.is_error()), "refused without an error");
        return;
    };
    for id in language::message_ids(&theme, "en") {
        let _ = de.message(&id, None);
    }
    let _ = de.number(-1234.5, 2);
    let _ = de.date(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let _ = de.month_list(&[rapporteur::model::Month::new(2026, 8).unwrap()]);
});
