//! Bytes per open case in memory: replays the open cases of a varied
//! population (the replay bench's generator, 100,000 complaints of which
//! about four in ten are still open) and holds them, measuring the process's
//! resident set before and after. The difference per case is what a
//! service that keeps its open cases in memory pays for each, the
//! allocator's own overhead included.
//!
//! Then the memory store: 200,000 registrations stored without a due
//! instant, then 200,000 more with one; the difference per case is what an
//! entry of the store's due index costs, its lists' spare room included.
//! Each store is also counted in heap bytes (a counting global allocator
//! over the system's, `stats_alloc`: what the program holds, exact, without
//! the allocator's pages and chunk headers that move a resident-set
//! difference by tens of bytes an entry). The due instants are spread over
//! 30 days, to the second, as a store's open cases' next warnings and
//! deadlines are: all at one instant, the index would be one list.
//!
//! ```sh
//! cargo run --release -p tousu-benches --bin case_memory
//! ```
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use tousu::prelude::*;
use tousu_benches::streams::{roster, stream};
use tousu_benches::{Rng, ticks};
use tousu_policy::Policy;
use tousu_workflow::PolicyRuntime;

const CASES: usize = 100_000;

#[global_allocator]
static GLOBAL: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

/// Bytes the program holds on the heap, counted since `region` began
/// (`stats_alloc` counts a reallocation's growth or shrinking in its bytes
/// allocated or freed too).
fn held(region: &Region<'_, std::alloc::System>) -> i64 {
    let c = region.change();
    let bytes = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    bytes(c.bytes_allocated) - bytes(c.bytes_deallocated)
}

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
    // A replayed case shares its complaint with the registration event; a
    // service that loads its cases and drops the events keeps the complaint
    // in the case alone. The events here stay alive (allocated before the
    // first reading), so each case gets a copy of its own to be counted.
    let cases: Vec<Case> = open
        .iter()
        .map(|events| {
            let mut case = Case::replay_events(events).unwrap();
            case.complaint = std::sync::Arc::new((*case.complaint).clone());
            case
        })
        .collect();
    let after = rss();
    let n = cases.len() as u64;
    let clocks: usize = cases.iter().map(|c| c.clocks.len()).sum();
    println!(
        "{n} open cases ({events} events, {clocks} clocks): size_of::<Case>() = {} B, size_of::<Event>() = {} B; resident {} B per case",
        size_of::<Case>(),
        size_of::<Event>(),
        (after - before) / n
    );
    drop(cases);

    const STORED: usize = 200_000;
    const SPREAD_SECONDS: i64 = 30 * 24 * 3600;
    let mut template = ticks::template(ticks::t0());
    let due = template.next_due.take();
    // (resident bytes, heap bytes held) of a store of STORED registrations;
    // with `due`, the i-th is next due `due` plus a second count spread over
    // 30 days (7919 is prime to the spread, so the instants are distinct).
    let store_of = |template: &mut ticks::Template, prefix: &str, due: Option<_>| {
        let (before, region) = (rss(), Region::new(GLOBAL));
        let mut store = MemoryStore::new();
        for i in 0..STORED {
            let step = i64::try_from(i).unwrap_or(0) * 7919 % SPREAD_SECONDS;
            template.next_due = due.map(|d| d + TimeDelta::seconds(step));
            ticks::add_copy(&mut store, &format!("{prefix}{i:07}"), template);
        }
        let sizes = (rss() - before, held(&region));
        (store, sizes)
    };
    let (without, (plain, plain_heap)) = store_of(&mut template, "A", None);
    let (with, (indexed, indexed_heap)) = store_of(&mut template, "B", due);
    let per = |n: i64| n / i64::try_from(STORED).unwrap_or(1);
    println!(
        "memory store, {STORED} registrations: {} B per case without a due instant, {} B with; the due index {} B per entry",
        plain / STORED as u64,
        indexed / STORED as u64,
        (indexed.saturating_sub(plain)) / STORED as u64
    );
    println!(
        "heap held: {} B per case without a due instant, {} B with; the due index {} B per entry (due instants over 30 days)",
        per(plain_heap),
        per(indexed_heap),
        per(indexed_heap - plain_heap)
    );
    drop((without, with));
}
