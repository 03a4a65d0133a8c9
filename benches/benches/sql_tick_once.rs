//! `Engine::tick_all` over a SQL store, as the `sql_ticks` bench times it,
//! without criterion's ten samples: a few ticks over a store that can be
//! kept between runs. At a million open cases and ten per cent due the
//! bench would file over two million cases (100,000 more for each of its
//! eleven iterations) before it could report; this program files the quiet
//! cases once (resuming where a run left off) and one cohort per tick.
//!
//! ```sh
//! cargo bench -p tousu-benches --bench sql_tick_once -- sqlite /tmp/ticks.db 1000000 10 3
//! PG_PORT=54393 . .ci/postgres.sh   # sets TOUSU_TEST_POSTGRES_URL
//! cargo bench -p tousu-benches --bench sql_tick_once -- postgres bench_ticks 1000000 10 3
//! ```
//!
//! (A bench target, not a program of `src/bin`, for the stores, which are
//! the benches' dependencies; `cargo bench` adds `--bench`, ignored. The
//! executable, `target/release/deps/sql_tick_once-HASH`, takes the same
//! arguments.)
//!
//! Arguments: the store (`sqlite FILE` or `postgres SCHEMA`, the latter in
//! the cluster of `TOUSU_TEST_POSTGRES_URL`), the open cases (default
//! 1,000,000), the share due in per cent (default 1), the ticks (default
//! 3). The store keeps `OPEN - DUE` quiet cases (`Q0000000` …, filed a day
//! after [`ticks::t0`]); each tick first files a fresh cohort of `DUE`
//! cases 40 minutes before [`ticks::now`] through a second connection
//! (outside the timing, as the bench does), then times `tick_all` and
//! checks its report as the bench does: every cohort case ticked, none
//! failed, two events each (a warning and the first-response breach).
//! A cohort once ticked is next due hours later, so the cohorts of earlier
//! runs are never due again at [`ticks::now`]. Each tick prints its time,
//! the time per due case and the load average.
use std::time::Instant;

use chrono::TimeDelta;
use tousu::Batch;
use tousu::prelude::*;
use tousu_benches::ticks::{self, Template, roster, t0};
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

/// Files copies of `template` as the cases `ids`, a thousand a
/// transaction; with `resume`, a thousand whose last case is stored already
/// is skipped (a population an earlier run began).
fn add_copies<S: Store>(store: &mut S, ids: &[String], template: &Template, resume: bool) {
    for chunk in ids.chunks(1000) {
        let last = CaseId::new(chunk.last().unwrap()).unwrap();
        if resume && !store.load(&last).unwrap().is_empty() {
            continue;
        }
        let batches: Vec<Batch> = chunk
            .iter()
            .map(|id| ticks::batch_copy(id, template))
            .collect();
        for outcome in store.append_all(&batches).unwrap() {
            outcome.unwrap();
        }
    }
}

/// The one-minute load average (`/proc/loadavg`).
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default()
}

/// Files the quiet cases, then ticks `ticks` cohorts of `due` cases.
fn run<S: Store, W: Store>(store: S, mut writer: W, open: usize, percent: usize, ticks: usize) {
    let due = open * percent / 100;
    let quiet = ticks::template(t0() + TimeDelta::days(1));
    assert!(quiet.next_due.unwrap() > ticks::now());
    let filed = ticks::template(t0());
    assert!(filed.next_due.unwrap() <= ticks::now());
    let start = Instant::now();
    let ids: Vec<String> = (0..open - due).map(|i| format!("Q{i:07}")).collect();
    add_copies(&mut writer, &ids, &quiet, true);
    println!(
        "{} quiet cases stored ({:.1} s); {} open cases in the store; load {}",
        ids.len(),
        start.elapsed().as_secs_f64(),
        writer.open_cases().unwrap().len(),
        load()
    );
    let mut engine = Engine::new(Policy::default_policy().unwrap(), roster(), store).unwrap();
    // Unique to this run: cohorts of earlier runs stay in the store.
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    for k in 0..ticks {
        let ids: Vec<String> = (0..due).map(|i| format!("D{run}-{k:02}-{i:06}")).collect();
        let start = Instant::now();
        add_copies(&mut writer, &ids, &filed, false);
        let filing = start.elapsed();
        let before = load();
        let start = Instant::now();
        let report = engine.tick_all(ticks::now()).unwrap();
        let took = start.elapsed();
        assert_eq!(report.cases.len(), due);
        assert_eq!(report.failures().count(), 0);
        // A warning and a breach for each case filed 40 minutes before.
        assert_eq!(report.events().count(), due * 2);
        #[allow(clippy::float_arithmetic)] // printed only
        let per_case = took.as_secs_f64() * 1000.0 / f64::from(u32::try_from(due).unwrap());
        println!(
            "tick {k}: {due} due among {open} open: {:.3} s, {:.3} ms a due case \
             (cohort filed in {:.1} s), load {before} → {}",
            took.as_secs_f64(),
            per_case,
            filing.as_secs_f64(),
            load()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let arg = |i: usize, default: usize| -> usize {
        args.get(i).map_or(default, |a| a.parse().expect("a count"))
    };
    let (open, percent, ticks) = (arg(2, 1_000_000), arg(3, 1), arg(4, 3));
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("sqlite"), Some(path)) => {
            let store = SqliteStore::open(path).unwrap();
            let writer = store.reopen().unwrap().unwrap();
            run(store, writer, open, percent, ticks);
        }
        (Some("postgres"), Some(schema)) => {
            let url = std::env::var("TOUSU_TEST_POSTGRES_URL")
                .expect("TOUSU_TEST_POSTGRES_URL (e.g. from . .ci/postgres.sh)");
            let store = PgStore::connect_in_schema(&url, schema).unwrap();
            let writer = PgStore::connect_in_schema(&url, schema).unwrap();
            run(store, writer, open, percent, ticks);
        }
        _ => {
            eprintln!(
                "usage: sql_tick_once (sqlite FILE | postgres SCHEMA) [OPEN] [PERCENT] [TICKS]"
            );
            std::process::exit(2);
        }
    }
}
