//! Penalty facts and a roster (the `tousu penalties --facts` file) through
//! the statements under the default policy's schedule: never a panic.
#![no_main]
use std::sync::OnceLock;

use tousu_model::Roster;
use tousu_penalty::PenaltyFacts;
use tousu_policy::{PenaltySchedule, Policy};

#[derive(serde::Deserialize)]
struct FactsFile {
    roster: Roster,
    facts: PenaltyFacts,
}

fn schedule() -> &'static PenaltySchedule {
    static S: OnceLock<PenaltySchedule> = OnceLock::new();
    S.get_or_init(|| Policy::default_policy().unwrap().penalties.unwrap())
}

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Ok(file) = tousu_model::json::from_str::<FactsFile>(text) {
        let _ = tousu_penalty::compute_statements(schedule(), &file.roster, &file.facts, None);
    }
});
