//! Bytes per open case in memory: replays the open cases of a varied
//! population (the replay bench's generator, 100,000 complaints of which
//! about four in ten are still open) and holds them, measuring the process's
//! resident set before and after. The difference per case is what a
//! service that keeps its open cases in memory pays for each, the
//! allocator's own overhead included.
//!
//! ```sh
//! cargo run --release -p tousu-benches --bin case_memory
//! ```
use tousu_benches::Rng;
use tousu_benches::streams::{roster, stream};
use tousu_policy::Policy;
use tousu_workflow::{Case, PolicyRuntime, Status};

const CASES: usize = 100_000;

/// `VmRSS` of this process in bytes, from `/proc/self/status`.
fn rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
        .unwrap_or(0)
        * 1024
}

fn main() {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let mut rng = Rng(17);
    let open: Vec<_> = (0..CASES)
        .map(|i| stream(&rt, &roster, &mut rng, i))
        .filter(|events| Case::replay_events(events).unwrap().status != Status::Closed)
        .collect();
    let events: usize = open.iter().map(Vec::len).sum();
    let before = rss();
    let cases: Vec<Case> = open
        .iter()
        .map(|events| Case::replay_events(events).unwrap())
        .collect();
    let after = rss();
    let n = cases.len() as u64;
    let clocks: usize = cases.iter().map(|c| c.clocks.len()).sum();
    println!(
        "{n} open cases ({events} events, {clocks} clocks): size_of::<Case>() = {} B; resident {} B per case",
        size_of::<Case>(),
        (after - before) / n
    );
}
