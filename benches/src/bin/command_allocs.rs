//! Heap allocations per command of the workflow bench's lifecycle (its 13
//! commands through `handle`, as the `lifecycle` bench runs them), counted
//! by a counting global allocator (`stats_alloc`), whole and split: the
//! fingerprint alone (`Command::digest`), the decision alone (`register` or
//! `decide` against the case before the command, its events dropped), and
//! per command kind.
//!
//! ```sh
//! cargo run --release -p tousu-benches --bin command_allocs
//! ```
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use tousu_benches::lifecycle::{lifecycle, roster, states};
use tousu_policy::Policy;
use tousu_workflow::{PolicyRuntime, decide, handle, register};

#[global_allocator]
static GLOBAL: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

/// Allocations and reallocations `f` makes, and the bytes it allocates.
fn count(f: impl FnOnce()) -> (usize, usize, usize) {
    let region = Region::new(GLOBAL);
    f();
    let c = region.change();
    (c.allocations, c.reallocations, c.bytes_allocated)
}

fn main() {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (commands, events) = lifecycle(&rt, &roster, "K-202511-0001");
    let before = states(&rt, &roster, &commands);
    let n = commands.len();
    println!("{n} commands, {} events", events.len());

    let (a, r, b) = count(|| {
        let mut case = None;
        for cmd in &commands {
            handle(&mut case, cmd, &rt.ctx(&roster, cmd.at)).unwrap();
        }
        drop(case);
    });
    println!("handle, the whole lifecycle: {a} allocations, {r} reallocations, {b} bytes");
    let (a, r, b) = count(|| {
        for cmd in &commands {
            std::hint::black_box(cmd.digest());
        }
    });
    println!("fingerprints alone: {a} allocations, {r} reallocations, {b} bytes");
    let (a, r, b) = count(|| {
        for (case, cmd) in before.iter().zip(&commands) {
            let ctx = rt.ctx(&roster, cmd.at);
            let events = match case {
                None => register(cmd, &ctx),
                Some(case) => decide(case, cmd, &ctx),
            };
            drop(events.unwrap());
        }
    });
    println!("decisions alone (events dropped): {a} allocations, {r} reallocations, {b} bytes");
    println!("per command (decision alone; handle):");
    for (case, cmd) in before.iter().zip(&commands) {
        let ctx = rt.ctx(&roster, cmd.at);
        let mut events = Vec::new();
        let (a, r, _) = count(|| {
            events = match case {
                None => register(cmd, &ctx),
                Some(case) => decide(case, cmd, &ctx),
            }
            .unwrap();
        });
        let mut case = case.clone();
        let (ha, hr, _) = count(|| {
            handle(&mut case, cmd, &ctx).unwrap();
        });
        println!(
            "  {:<22} {} events: decide {a} + {r} realloc; handle {ha} + {hr} realloc",
            cmd.kind.name(),
            events.len()
        );
    }
}
