//! One `Engine::tick_all` over a memory store, for counting instructions
//! with callgrind (independent of the machine's load). Arguments: the open
//! cases with nothing due, then the cases due (default 100,000 and 1,000),
//! scattered among them ([`ticks::scattered`]); a third argument ticks that
//! many cohorts in turn, as the stores bench does (default 1); a fourth,
//! the threads the tick decides due cases on (default 1,
//! `Engine::with_tick_threads`). With more than one, a smaller population
//! is first ticked on one thread and on that many, and the two reports and
//! stores are asserted equal.
//! Each tick prints its wall time and the minor page faults it took.
//! Only `tick_all_once` and dropping its report are counted (the report's
//! content is checked in between):
//!
//! ```sh
//! cargo build --release -p tousu-benches --bin tick_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*tick_all_once*' --toggle-collect='*drop_report*' \
//!     target/release/tick_once 100000 1000
//! ```
use tousu::prelude::*;
use tousu_benches::ticks;

/// Ticks every case due at `now`.
#[inline(never)]
fn tick_all_once(engine: &mut Engine<MemoryStore>, now: DateTime<Utc>) -> TickReport {
    engine.tick_all(now).unwrap()
}

/// Drops the report: counted with the tick (`--toggle-collect` on both),
/// as it was when the tick dropped it, outside the checks in between.
#[inline(never)]
fn drop_report(report: TickReport) {
    drop(report);
}

/// Checks the report (outside the counted function): no failure, and every
/// case given the same events as the first (the cohort's cases are copies
/// of one registration), two of them (a warning and the first-response
/// breach), each for its own case.
fn check(report: &TickReport) -> usize {
    assert_eq!(report.failures().count(), 0);
    let kinds = |t: &tousu::Ticked| -> Vec<_> {
        let events = t.outcome.as_ref().unwrap();
        assert!(events.iter().all(|e| e.case_id == t.case));
        events
            .iter()
            .map(|e| std::mem::discriminant(&e.kind))
            .collect()
    };
    let first = kinds(&report.cases[0]);
    assert_eq!(first.len(), 2);
    assert!(report.cases.iter().all(|t| kinds(t) == first));
    report.cases.len()
}

/// The process's minor page faults so far (`/proc/self/stat`, field 10),
/// or `None` where that file is not there (not Linux).
fn minor_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (in parentheses), from field 3 (state).
    let rest = stat.rsplit_once(')')?.1;
    rest.split_whitespace().nth(7)?.parse().ok()
}

/// A report as compared: per case, its events or its error's text.
fn outcomes(report: &TickReport) -> Vec<(CaseId, Result<Vec<Event>, String>)> {
    report
        .cases
        .iter()
        .map(|t| {
            let outcome = match &t.outcome {
                Ok(events) => Ok(events.to_vec()),
                Err(e) => Err(e.to_string()),
            };
            (t.case.clone(), outcome)
        })
        .collect()
}

/// Ticks 3 cohorts of 2,500 due cases among 10,000 open on one thread and
/// on `threads`: the reports and the stored events must be the same.
fn assert_threads_agree(threads: usize) {
    let (open, due, cohorts) = (10_000, 2_500, 3);
    let mut one = ticks::scattered(open, due, cohorts);
    let mut many = ticks::scattered(open, due, cohorts).with_tick_threads(threads);
    for k in 0..cohorts {
        let a = one.tick_all(ticks::cohort_now(k)).unwrap();
        let b = many.tick_all(ticks::cohort_now(k)).unwrap();
        assert_eq!(a.cases.len(), due);
        assert_eq!(outcomes(&a), outcomes(&b));
    }
    assert_eq!(
        one.store().events_since(0, usize::MAX).unwrap(),
        many.store().events_since(0, usize::MAX).unwrap()
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut arg = |default: usize| args.next().map_or(default, |a| a.parse().unwrap());
    let (quiet, due, cohorts, threads) = (arg(100_000), arg(1_000), arg(1), arg(1));
    if threads > 1 {
        assert_threads_agree(threads);
    }
    let open = quiet + due * cohorts;
    let mut engine = ticks::scattered(open, due, cohorts).with_tick_threads(threads);
    for k in 0..cohorts {
        let faults = minor_faults();
        let start = std::time::Instant::now();
        let report = tick_all_once(&mut engine, ticks::cohort_now(k));
        let took = start.elapsed();
        let ticked = check(&report);
        // The drop is timed with the tick, as before the check came between.
        let dropping = std::time::Instant::now();
        drop_report(report);
        let took = took + dropping.elapsed();
        let faults = minor_faults()
            .zip(faults)
            .map_or("?".to_owned(), |(after, before)| {
                (after - before).to_string()
            });
        assert_eq!(ticked, due);
        println!(
            "ticked {ticked} due cases among {open} open in {took:?}, {faults} minor page faults"
        );
    }
}
