//! One `Engine::tick_all` over a memory store, for counting instructions
//! with callgrind (independent of the machine's load). Arguments: the open
//! cases with nothing due, then the cases due (default 100,000 and 1,000),
//! scattered among them ([`ticks::scattered`]).
//! Only `tick_all_once` is counted:
//!
//! ```sh
//! cargo build --release -p tousu-benches --bin tick_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*tick_all_once*' target/release/tick_once 100000 1000
//! ```
use tousu::prelude::*;
use tousu_benches::ticks;

/// Ticks every due case; how many were ticked.
#[inline(never)]
fn tick_all_once(engine: &mut Engine<MemoryStore>) -> usize {
    let report = engine.tick_all(ticks::now()).unwrap();
    assert_eq!(report.failures().count(), 0);
    report.cases.len()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut arg = |default: usize| args.next().map_or(default, |a| a.parse().unwrap());
    let (quiet, due) = (arg(100_000), arg(1_000));
    let mut engine = ticks::scattered(quiet + due, due, 1);
    let start = std::time::Instant::now();
    let ticked = tick_all_once(&mut engine);
    let took = start.elapsed();
    assert_eq!(ticked, due);
    println!(
        "ticked {ticked} due cases among {} open in {took:?}",
        quiet + due
    );
}
