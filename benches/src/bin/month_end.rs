//! A month-end penalty run on the penalty bench's input (10,000 staff,
//! 100,000 cases): builds the input, computes every statement, renders the
//! Markdown and JSON once, and prints what the process holds at each step
//! and its peak resident set (`VmHWM`). Run it under
//! `/usr/bin/time -v` for the same peak from outside:
//!
//! ```sh
//! cargo build --release -p tousu-benches --bin month_end
//! /usr/bin/time -v target/release/month_end
//! ```
//!
//! With the argument `compute` it only computes and drops the result, inside
//! `month_end_run`, for counting instructions with callgrind:
//!
//! ```sh
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*month_end_run*' target/release/month_end compute
//! ```
use std::time::Instant;

use tousu_benches::month_end::{facts, roster, schedule};
use tousu_penalty::{compute_statements, render_markdown};

/// `VmRSS` and `VmHWM` of this process in KiB, from `/proc/self/status`
/// (zero where there is no such file).
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn report(step: &str) {
    let (rss, hwm) = memory();
    println!(
        "{step:<28} RSS {:>8.1} MiB   peak {:>8.1} MiB",
        kib(rss),
        kib(hwm)
    );
}

#[allow(clippy::cast_precision_loss, clippy::float_arithmetic)]
fn kib(k: u64) -> f64 {
    k as f64 / 1024.0
}

/// FNV-1a, 64 bits, as the penalty bench prints it: the output's identity.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Computes the statements and drops them: what a month-end run pays.
#[inline(never)]
fn month_end_run(
    schedule: &tousu_policy::PenaltySchedule,
    roster: &tousu_model::Roster,
    facts: &tousu_penalty::PenaltyFacts,
    carry: &tousu_penalty::CarryOver,
) -> u32 {
    let r = compute_statements(schedule, roster, facts, Some(carry)).unwrap();
    r.summary.lines
}

fn main() {
    let (schedule, roster) = (schedule(), roster());
    let (facts, carry) = facts();
    if std::env::args().nth(1).as_deref() == Some("compute") {
        let lines = month_end_run(&schedule, &roster, &facts, &carry);
        println!("{lines} lines");
        return;
    }
    report("input built");
    let started = Instant::now();
    let result = compute_statements(&schedule, &roster, &facts, Some(&carry)).unwrap();
    let computed = started.elapsed();
    report("statements computed");
    let markdown = render_markdown(&result);
    report("Markdown rendered");
    let json = serde_json::to_string(&result).unwrap();
    report("JSON written");
    println!(
        "{} statements, {} lines; Markdown {} bytes (FNV-1a {:016x}), JSON {} bytes (FNV-1a {:016x})",
        result.statements.len(),
        result.summary.lines,
        markdown.len(),
        fnv1a(markdown.as_bytes()),
        json.len(),
        fnv1a(json.as_bytes())
    );
    drop((markdown, json));
    let started = Instant::now();
    drop(result);
    let dropped = started.elapsed();
    report("result dropped");
    println!("compute {computed:?}, drop {dropped:?} (one cold run)");
}
