//! A calendar data file, TOML or JSON by the first byte: never a panic.
#![no_main]
use tousu_calendar::CalendarData;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let _ = if kind % 2 == 0 {
        CalendarData::from_toml_str(text)
    } else {
        CalendarData::from_json_str(text)
    };
});
