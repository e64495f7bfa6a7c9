//! Fuzz target: a period file `periods/2026-03.yaml`, parsed as the loader
//! does, and its diagnostics formatted. Nothing may panic or hang.
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
        rapporteur::load::parse_period(Path::new("content/acme/periods/2026-03.yaml"), text);
    common::check(text, &parsed.value, &parsed.diagnostics);
});
