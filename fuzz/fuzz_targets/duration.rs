//! A duration as a policy writes it ("15 working days", "24小时"): parsed,
//! and what parses prints back to itself.
#![no_main]
use tousu_calendar::duration::Duration;

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Ok(d) = text.parse::<Duration>() {
        let again: Duration = d.to_string().parse().expect("a duration prints parseable");
        assert_eq!(d, again);
    }
});
