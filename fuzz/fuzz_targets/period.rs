//! Fuzz target: a period file `periods/2026-03.yaml`, parsed as the loader
//! does, then checked in an engagement with two KPIs (its values, excused
//! months, sign-off and disputes), and its diagnostics formatted. Nothing
//! may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rel = Path::new("content/acme/periods/2026-03.yaml");
    let parsed = rapporteur::load::parse_period(rel, text);
    common::check(text, &parsed.value, &parsed.diagnostics);
    if let Some(period) = parsed.value {
        let checked =
            rapporteur::validate::validate_period(rel, text, period, &["service_level", "accuracy"]);
        common::positions(text, &checked);
    }
});
