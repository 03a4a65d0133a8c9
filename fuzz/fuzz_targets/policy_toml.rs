//! A policy in TOML: parsed and validated, never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|text: &str| {
    let _ = tousu_policy::Policy::from_toml_str(text);
});
