//! The stores: `Engine::tick_all` over 1,000,000 open cases in memory of
//! which 1 % have something due, and commands per second through each store
//! (memory, SQLite, PostgreSQL when TOUSU_TEST_POSTGRES_URL is set), with
//! and without snapshots. Inputs are built outside the timed sections.
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tousu::prelude::*;
use tousu::{Batch, CommandHash};
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

const OPEN_CASES: usize = 1_000_000;
const DUE: usize = OPEN_CASES / 100;

fn roster() -> Roster {
    let cs = DepartmentId::new("cs").unwrap();
    Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(StaffId::new("kf").unwrap(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap()
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, 1, 0, 0).unwrap()
}

fn filing(n: usize, when: DateTime<Utc>) -> Filing {
    Filing {
        actor: StaffId::new("kf").unwrap(),
        command_id: CommandId::new(format!("f{n}")).unwrap(),
        case_id: None,
        complaint: Complaint::builder(when, Channel::Phone, "热水器漏水")
            .build()
            .unwrap(),
        repeat_count: 0,
    }
}

/// A registration filed at `when`, as a template: its events, next due
/// instant, and the snapshot after it.
fn template(when: DateTime<Utc>) -> (Vec<Event>, Option<DateTime<Utc>>) {
    let mut e = Engine::new(
        Policy::default_policy().unwrap(),
        roster(),
        MemoryStore::new(),
    )
    .unwrap();
    let filed = e.file(filing(0, when)).unwrap();
    let rt = tousu::workflow::PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let r = roster();
    let due = tousu::workflow::next_due(&filed.case, &rt.ctx(&r, when)).unwrap();
    (filed.events, due)
}

/// Stores a copy of the template under a new case id.
fn add_copy(store: &mut MemoryStore, id: &str, template: &(Vec<Event>, Option<DateTime<Utc>>)) {
    let case_id = CaseId::new(id).unwrap();
    let events: Vec<Event> = template
        .0
        .iter()
        .map(|e| Event {
            case_id: case_id.clone(),
            ..e.clone()
        })
        .collect();
    store
        .append(&Batch {
            case_id,
            expected_version: 0,
            events,
            command: Some((CommandId::new("f").unwrap(), CommandHash([0; 32]))),
            open: true,
            next_due: template.1,
            snapshot: None,
        })
        .unwrap();
}

fn tick_all_one_percent_due(c: &mut Criterion) {
    // 99 % filed a day after `now` (nothing due yet), 1 % filed 40 minutes
    // before it (warnings and the first-response breach due).
    let now = t0() + TimeDelta::minutes(40);
    let quiet = template(t0() + TimeDelta::days(1));
    let due = template(t0());
    assert!(quiet.1.unwrap() > now && due.1.unwrap() <= now);
    let mut store = MemoryStore::new();
    for i in 0..OPEN_CASES - DUE {
        add_copy(&mut store, &format!("Q{i:07}"), &quiet);
    }
    let mut engine = Engine::new(Policy::default_policy().unwrap(), roster(), store).unwrap();
    let mut cohort = 0usize;
    let mut group = c.benchmark_group("stores");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DUE as u64));
    group.bench_function("tick_all 1,000,000 open cases, 1 % due (memory)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // A fresh 1 %, due at `now`; the cohorts ticked before are
                // no longer due, so the store keeps 1,000,000 open cases
                // plus 10,000 per iteration, of which exactly 10,000 are due.
                let mut store = engine.store().clone();
                for i in 0..DUE {
                    add_copy(&mut store, &format!("D{cohort:04}-{i:05}"), &due);
                }
                cohort += 1;
                let start = Instant::now();
                let report = engine.tick_all(black_box(now)).unwrap();
                total += start.elapsed();
                assert_eq!(report.cases.len(), DUE);
                assert_eq!(report.failures().count(), 0);
            }
            total
        });
    });
    group.finish();
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

criterion_group!(benches, tick_all_one_percent_due, commands_per_second);
criterion_main!(benches);
