//! Fuzz target: a note (front matter and Markdown body), parsed as the loader
//! does, its body rendered, its diagnostics formatted. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed =
        rapporteur::load::parse_note(Path::new("content/acme/notes/2026-03-04-weekly.md"), text);
    common::check(text, &parsed.value, &parsed.diagnostics);
    if let Some(note) = parsed.value {
        let _ = rapporteur::render::markdown::to_html(&note.body, false, "acme", &|_| true);
    }
});
