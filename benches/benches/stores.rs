//! The stores: `Engine::tick_all` over 1,000,000 open cases in memory of
//! which 1 % have something due, and commands per second through each store
//! (memory, SQLite, PostgreSQL when TOUSU_TEST_POSTGRES_URL is set), with
//! and without snapshots. Inputs are built outside the timed sections.
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use tousu::prelude::*;
use tousu_benches::ticks::{self, filing, roster, t0};
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

const OPEN_CASES: usize = 1_000_000;

/// `Engine::tick_all` over 1,000,000 open cases of which `percent` % are due:
/// the store holds cohorts of that many cases scattered among the others
/// ([`ticks::scattered`]), and each iteration ticks the next cohort at its
/// instant; the cohorts ticked before are no longer due and those after
/// not yet, so exactly that many are due each time. When the cohorts run
/// out, the store is built anew (outside the timing).
fn tick_all_due(c: &mut Criterion, percent: usize) {
    let due = OPEN_CASES * percent / 100;
    // As many cohorts as half the store holds, up to the most it can.
    let cohorts = (50 / percent).min(ticks::MAX_COHORTS);
    let mut engine = None;
    let mut cohort = 0usize;
    let mut group = c.benchmark_group("stores");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(due as u64));
    let name = format!("tick_all 1,000,000 open cases, {percent} % due (memory)");
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                if cohort == cohorts || engine.is_none() {
                    engine = None; // the old store's memory back first
                    engine = Some(ticks::scattered(OPEN_CASES, due, cohorts));
                    cohort = 0;
                }
                let engine = engine.as_mut().unwrap();
                let now = ticks::cohort_now(cohort);
                cohort += 1;
                let start = Instant::now();
                let report = engine.tick_all(black_box(now)).unwrap();
                total += start.elapsed();
                assert_eq!(report.cases.len(), due);
                assert_eq!(report.failures().count(), 0);
                assert_eq!(report.events().count(), due * EVENTS_PER_DUE_CASE);
            }
            total
        });
    });
    group.finish();
}

/// What a tick at `now` appends to a case filed 40 minutes before.
const EVENTS_PER_DUE_CASE: usize = 2;

fn tick_all_one_and_ten_percent_due(c: &mut Criterion) {
    for percent in [1, 10] {
        tick_all_due(c, percent);
    }
}

/// Notes per case before a fresh case takes its place: cases stay about as
/// long as a real one (registration plus up to 40 commands), so the figure
/// does not depend on how many iterations criterion runs.
const NOTES_PER_CASE: u64 = 40;

/// Handles one note per iteration (the engine loads the case, checks the
/// command id, decides, and writes events, command record, index entry and
/// snapshot in one store write), on 100 cases in turn.
fn notes<S: Store>(c: &mut Criterion, name: &str, store: S, snapshots: u64) {
    let mut engine = Engine::new(Policy::default_policy().unwrap(), roster(), store)
        .unwrap()
        .with_snapshots(snapshots);
    let mut filed = 0usize;
    let mut file = |engine: &mut Engine<S>| {
        filed += 1;
        let case = engine.file(filing(filed, t0())).unwrap().case;
        (case.id, case.version, 0u64)
    };
    let mut cases: Vec<(CaseId, u64, u64)> = (0..100).map(|_| file(&mut engine)).collect();
    let mut n = 0usize;
    let mut group = c.benchmark_group("stores");
    group.throughput(Throughput::Elements(1));
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let slot = n % cases.len();
                if cases[slot].2 == NOTES_PER_CASE {
                    cases[slot] = file(&mut engine);
                }
                let (case, version, notes) = &mut cases[slot];
                let note = Command::new(
                    CommandId::new(format!("n{n}")).unwrap(),
                    StaffId::new("kf").unwrap(),
                    t0() + TimeDelta::minutes(1),
                    *version,
                    CommandKind::AddNote {
                        text: "已电话联系客户".into(),
                        attachments: vec![],
                    },
                );
                let start = Instant::now();
                let events = engine.handle(case, &note).unwrap();
                total += start.elapsed();
                *version += events.len() as u64;
                *notes += 1;
            }
            total
        });
    });
    group.finish();
}

fn commands_per_second(c: &mut Criterion) {
    for (label, every) in [("no snapshots", 0), ("snapshot every 16 events", 16)] {
        notes(
            c,
            &format!("command memory ({label})"),
            MemoryStore::new(),
            every,
        );
        let dir = tempfile::tempdir().unwrap();
        let sqlite = SqliteStore::open(dir.path().join("bench.db")).unwrap();
        notes(c, &format!("command sqlite ({label})"), sqlite, every);
        match std::env::var("TOUSU_TEST_POSTGRES_URL") {
            Ok(url) => {
                let schema = format!("bench_{}_{every}", std::process::id());
                let pg = PgStore::connect_in_schema(&url, &schema).unwrap();
                notes(c, &format!("command postgres ({label})"), pg, every);
                let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                client
                    .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
                    .unwrap();
            }
            Err(_) => eprintln!("skipped the PostgreSQL bench: TOUSU_TEST_POSTGRES_URL is not set"),
        }
    }
}

criterion_group!(
    benches,
    tick_all_one_and_ten_percent_due,
    commands_per_second
);
criterion_main!(benches);
