//! What only the SQLite store can show: the due query's plan uses the
//! index, a torn batch is detected on load, and cases survive reopening.

use chrono::{TimeZone, Utc};
use rusqlite::params;
use tousu::conformance::Backend;
use tousu::prelude::*;
use tousu_store_sqlite::{DUE_QUERY, SqliteStore};

#[test]
fn the_due_query_uses_the_due_index_over_100_000_open_cases() {
    let store = SqliteStore::open_in_memory().unwrap();
    let conn = store.connection();
    conn.execute_batch("BEGIN").unwrap();
    for i in 0..100_000i64 {
        conn.execute(
            "INSERT INTO tousu_cases (case_id, version, open, next_due) VALUES (?1, 3, ?2, ?3)",
            params![
                format!("C{i:06}"),
                i % 10 != 0,
                1_700_000_000_000_000_000 + i * 1_000_000_000
            ],
        )
        .unwrap();
    }
    conn.execute_batch("COMMIT; ANALYZE").unwrap();
    let plan: Vec<String> = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {DUE_QUERY}"))
        .unwrap()
        .query_map(
            params![1_700_000_000_000_000_000i64 + 1_000_000_000_000, 1000],
            |r| r.get::<_, String>(3),
        )
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let plan = plan.join("\n");
    assert!(
        plan.contains("USING INDEX tousu_cases_due")
            || plan.contains("USING COVERING INDEX tousu_cases_due"),
        "the due query does not use the due index:\n{plan}"
    );
    assert!(
        !plan.contains("SCAN tousu_cases\n") && !plan.ends_with("SCAN tousu_cases"),
        "{plan}"
    );
    assert!(
        !plan.contains("TEMP B-TREE"),
        "the due query sorts instead of reading the index in order:\n{plan}"
    );
    let due = store
        .due(
            Utc.timestamp_nanos(1_700_000_000_000_000_000 + 9_500_000_000),
            100,
        )
        .unwrap();
    // Cases 0..=9 are due by then, of which case 0 is closed.
    assert_eq!(due.len(), 9);
}

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

fn file_one(engine: &mut Engine<SqliteStore>, command: &str) -> Filed {
    let at = Utc.with_ymd_and_hms(2025, 12, 1, 1, 0, 0).unwrap();
    engine
        .file(Filing {
            actor: StaffId::new("kf").unwrap(),
            command_id: CommandId::new(command).unwrap(),
            case_id: None,
            complaint: Complaint::builder(at, Channel::Phone, "热水器漏水")
                .build()
                .unwrap(),
            repeat_count: 0,
        })
        .unwrap()
}

#[test]
fn a_torn_batch_is_reported_not_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.db");
    let mut engine = Engine::new(
        Policy::default_policy().unwrap(),
        roster(),
        SqliteStore::open(&path).unwrap(),
    )
    .unwrap();
    let filed = file_one(&mut engine, "f1");
    let last = filed.events.len() as u64;
    assert!(last > 1, "registration writes several events");
    // What a store without transactions could leave: the batch's last event missing.
    engine
        .store()
        .connection()
        .execute(
            "DELETE FROM tousu_events WHERE case_id = ?1 AND version = ?2",
            params![filed.case.id.as_str(), i64::try_from(last).unwrap()],
        )
        .unwrap();
    let err = engine.case(&filed.case.id).unwrap_err();
    assert!(
        matches!(err, Error::Store(StoreError::Torn { version, batch_end, .. }) if version == last - 1 && batch_end == last),
        "{err}"
    );
    // Read with others in bulk, the torn case is refused alone.
    let good = CaseId::new("another").unwrap();
    let bulk = engine
        .store()
        .load_latest_all(&[filed.case.id.clone(), good.clone()])
        .unwrap();
    assert!(
        matches!(&bulk[..], [Err(StoreError::Torn { version, batch_end, .. }), Ok(_)] if *version == last - 1 && *batch_end == last),
        "{bulk:?}"
    );
}

#[test]
fn cases_survive_closing_and_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.db");
    let open = || {
        Engine::new(
            Policy::default_policy().unwrap(),
            roster(),
            SqliteStore::open(&path).unwrap(),
        )
        .unwrap()
    };
    let mut engine = open();
    let first = file_one(&mut engine, "f1");
    drop(engine);
    let mut engine = open();
    assert_eq!(engine.case(&first.case.id).unwrap(), first.case);
    let second = file_one(&mut engine, "f2");
    assert_eq!(second.case.number.unwrap().as_str(), "202512-0002");
    let due = engine
        .store()
        .due(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(), 10)
        .unwrap();
    assert_eq!(
        due.len(),
        2,
        "both cases are in the due index after reopening"
    );
}

#[test]
fn an_in_memory_store_has_no_second_connection() {
    let store = SqliteStore::open_in_memory().unwrap();
    assert!(store.reopen().unwrap().is_none());
    struct InMemory;
    impl Backend for InMemory {
        type Store = SqliteStore;
        fn empty(&self) -> Result<SqliteStore, StoreError> {
            SqliteStore::open_in_memory()
        }
        fn another(&self, _: &SqliteStore) -> Result<SqliteStore, StoreError> {
            Err(StoreError::backend("none"))
        }
    }
    // The single-connection checks pass in memory too.
    tousu::conformance::append_and_load(&InMemory).unwrap();
    tousu::conformance::snapshots_agree_with_replay(&InMemory).unwrap();
    tousu::conformance::due_index_agrees_with_replay(&InMemory).unwrap();
}
