//! Fuzz target: `rapporteur.yaml`, parsed as the loader does, and its
//! diagnostics formatted. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = rapporteur::load::parse_config(text);
    common::check(text, &parsed.value, &parsed.diagnostics);
});
