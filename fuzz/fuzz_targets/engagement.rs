//! Fuzz target: an `engagement.yaml`, parsed as the loader does, then
//! validated and its diagnostics formatted. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rel = Path::new("content/acme/engagement.yaml");
    let parsed = rapporteur::load::parse_engagement(rel, text);
    common::check(text, &parsed.value, &parsed.diagnostics);
    if let Some(record) = parsed.value {
        let found = rapporteur::validate::validate_record(rel, text, record);
        common::positions(text, &found);
    }
});
