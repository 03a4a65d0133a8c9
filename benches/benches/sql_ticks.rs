//! `Engine::tick_all` over the SQL stores: 100,000 open cases (set
//! `TOUSU_BENCH_SQL_OPEN` for another count) of which 1 % have something due
//! (set `TOUSU_BENCH_SQL_DUE_PERCENT` for another share, e.g. 10),
//! in SQLite (a WAL file in a temporary directory) and, when
//! `TOUSU_TEST_POSTGRES_URL` is set, PostgreSQL. The memory store's
//! million-case figure is in the `stores` bench; this one shows that a SQL
//! store's tick, too, costs what the due cases cost (the due index is read,
//! the quiet cases never are).
//!
//! Each iteration adds a fresh cohort of due cases through a second
//! connection (outside the timing), so exactly that share is due at every
//! tick.
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use tousu::Batch;
use tousu::prelude::*;
use tousu_benches::ticks::{self, Template, roster, t0};
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

/// A count from the environment variable `name`, else `default`.
fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Stores copies of `template` as the cases `ids` in any store, a thousand
/// a transaction (`Store::append_all`).
fn add_copies<S: Store>(store: &mut S, ids: impl Iterator<Item = String>, template: &Template) {
    let mut ids = ids.peekable();
    while ids.peek().is_some() {
        let batches: Vec<Batch> = ids
            .by_ref()
            .take(1000)
            .map(|id| ticks::batch_copy(&id, template))
            .collect();
        for outcome in store.append_all(&batches).unwrap() {
            outcome.unwrap();
        }
    }
}

/// Ticks `engine` once per iteration after `add` has stored a fresh cohort
/// of `due` due cases through its own connection.
fn tick<S: Store, W: Store>(c: &mut Criterion, name: &str, mut engine: Engine<S>, mut writer: W) {
    let open = env_count("TOUSU_BENCH_SQL_OPEN", 100_000);
    let percent = env_count("TOUSU_BENCH_SQL_DUE_PERCENT", 1);
    let due = open * percent / 100;
    let quiet = ticks::template(t0() + TimeDelta::days(1));
    assert!(quiet.next_due.unwrap() > ticks::now());
    let filed = ticks::template(t0());
    assert!(filed.next_due.unwrap() <= ticks::now());
    add_copies(
        &mut writer,
        (0..open - due).map(|i| format!("Q{i:07}")),
        &quiet,
    );
    let mut cohort = 0usize;
    let mut group = c.benchmark_group("sql_ticks");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(due as u64));
    group.bench_function(
        format!("tick_all {open} open cases, {percent} % due ({name})"),
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let ids = (0..due).map(|i| format!("D{cohort:04}-{i:05}"));
                    add_copies(&mut writer, ids, &filed);
                    cohort += 1;
                    let start = Instant::now();
                    let report = engine.tick_all(black_box(ticks::now())).unwrap();
                    total += start.elapsed();
                    assert_eq!(report.cases.len(), due);
                    assert_eq!(report.failures().count(), 0);
                    // A warning and a breach for each case filed 40 minutes before.
                    assert_eq!(report.events().count(), due * 2);
                }
                total
            });
        },
    );
    group.finish();
}

fn engine<S: Store>(store: S) -> Engine<S> {
    Engine::new(Policy::default_policy().unwrap(), roster(), store).unwrap()
}

fn sql_ticks(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(dir.path().join("ticks.db")).unwrap();
    let writer = sqlite.reopen().unwrap().unwrap();
    tick(c, "sqlite", engine(sqlite), writer);
    match std::env::var("TOUSU_TEST_POSTGRES_URL") {
        Ok(url) => {
            let schema = format!("bench_ticks_{}", std::process::id());
            let pg = PgStore::connect_in_schema(&url, &schema).unwrap();
            let writer = PgStore::connect_in_schema(&url, &schema).unwrap();
            tick(c, "postgres", engine(pg), writer);
            let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            client
                .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
                .unwrap();
        }
        Err(_) => {
            eprintln!("skipped the PostgreSQL tick bench: TOUSU_TEST_POSTGRES_URL is not set");
        }
    }
}

criterion_group!(benches, sql_ticks);
criterion_main!(benches);
