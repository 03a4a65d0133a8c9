//! Events as JSON lines through replay: never a panic.
#![no_main]
use tousu_workflow::{Case, Event};

libfuzzer_sys::fuzz_target!(|text: &str| {
    let events: Result<Vec<Event>, _> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(tousu_model::json::from_str::<Event>)
        .collect();
    if let Ok(events) = events {
        let _ = Case::replay_events(&events);
    }
});
