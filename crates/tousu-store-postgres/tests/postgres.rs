//! What only a real PostgreSQL can show: the planner uses the due index
//! over 100,000 open cases, a torn batch is detected on load, and a chunk
//! of writes locks its cases before a command on one of them can deadlock it.

mod common;

use chrono::{TimeZone, Utc};
use tousu::prelude::*;
use tousu::{Batch, CommandHash};
use tousu_store_postgres::DUE_QUERY;
use tousu_store_postgres::PgStore;

#[test]
fn the_due_query_uses_the_due_index_over_100_000_open_cases() {
    let Some(pg) = common::pg("due_plan") else {
        return;
    };
    let store = pg.store();
    let base = 1_700_000_000_000_000_000i64;
    let plan: Vec<String> = {
        let mut client = store.client().unwrap();
        client
            .batch_execute(&format!(
                "INSERT INTO tousu_cases (case_id, version, open, next_due)
                 SELECT 'C' || lpad(i::text, 6, '0'), 3, i % 10 <> 0, {base} + i * 1000000000::bigint
                 FROM generate_series(0, 99999) AS i;
                 ANALYZE tousu_cases"
            ))
            .unwrap();
        let sql = format!("EXPLAIN {DUE_QUERY}")
            .replace("$1", &(base + 1_000_000_000_000).to_string())
            .replace("$2", "1000");
        client
            .query(&sql, &[])
            .unwrap()
            .iter()
            .map(|r| r.get::<_, String>(0))
            .collect()
    };
    let plan = plan.join("\n");
    assert!(
        plan.contains("tousu_cases_due"),
        "the due query does not use the due index:\n{plan}"
    );
    assert!(!plan.contains("Seq Scan"), "{plan}");
    assert!(
        !plan.contains("Sort"),
        "the due query sorts instead of reading the index in order:\n{plan}"
    );
    let due = store
        .due(Utc.timestamp_nanos(base + 9_500_000_000), 100)
        .unwrap();
    // Cases 0..=9 are due by then, of which case 0 is closed.
    assert_eq!(due.len(), 9);
}

#[test]
fn a_torn_batch_is_reported_not_loaded() {
    let Some(pg) = common::pg("torn") else {
        return;
    };
    let mut engine = engine(pg.store());
    let filed = file(&mut engine, "f1");
    let last = filed.events.len() as u64;
    assert!(last > 1, "registration writes several events");
    engine
        .store()
        .client()
        .unwrap()
        .execute(
            "DELETE FROM tousu_events WHERE case_id = $1 AND version = $2",
            &[&filed.case.id.as_str(), &i64::try_from(last).unwrap()],
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

/// An engine over `store` with one complaint manager, `kf`.
fn engine(store: PgStore) -> Engine<PgStore> {
    let cs = DepartmentId::new("cs").unwrap();
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(StaffId::new("kf").unwrap(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap();
    Engine::new(Policy::default_policy().unwrap(), roster, store).unwrap()
}

/// Files a complaint by command `command`.
fn file(engine: &mut Engine<PgStore>, command: &str) -> Filed {
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

/// One more event on a filed case (its last, again), by command `by`.
fn one_more(engine: &Engine<PgStore>, case: &CaseId, by: &str) -> Batch {
    let events = engine.store().load(case).unwrap();
    let mut event = events.last().cloned().unwrap();
    let expected_version = event.version;
    event.version += 1;
    event.command_id = Some(CommandId::new(by).unwrap());
    Batch {
        case_id: case.clone(),
        expected_version,
        events: vec![event],
        command: Some((
            CommandId::new(by).unwrap(),
            CommandHash(tousu::workflow::CommandDigest::from_bytes([7; 32])),
        )),
        open: true,
        next_due: None,
        snapshot: None,
    }
}

/// A chunk of writes (`append_all`, as the tick writes) whose second case a
/// command holds: the chunk must wait for that case before it takes the
/// position counter, so the command, which needs the counter next, is not
/// blocked by the chunk that waits for it. Taking the counter first was a
/// deadlock; here the other side's `lock_timeout` turns it into a failure
/// well before PostgreSQL's deadlock detector would break it.
#[test]
fn a_chunk_of_writes_waits_for_a_held_case_before_the_position() {
    let Some(pg) = common::pg("lock_order") else {
        return;
    };
    let mut e = engine(pg.store());
    let (x, y) = (file(&mut e, "fx").case.id, file(&mut e, "fy").case.id);
    let batches = [one_more(&e, &x, "x1"), one_more(&e, &y, "y1")];
    let mut chunk = e.store().reconnect().unwrap();
    let app = format!("tousu_lock_order_{}", std::process::id());
    let command = e.store().reconnect().unwrap();
    let mut command = command.client().unwrap();
    let mut holder = command.transaction().unwrap();
    holder
        .execute(
            "SELECT 1 FROM tousu_cases WHERE case_id = $1 FOR UPDATE",
            &[&y.as_str()],
        )
        .unwrap();
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            chunk
                .client()
                .unwrap()
                .batch_execute(&format!("SET application_name = '{app}'"))
                .unwrap();
            chunk.append_all(&batches).unwrap()
        });
        // Until the chunk waits on a lock (for `y`; polled, no sleep).
        let mut watch = postgres::Client::connect(&pg.url, postgres::NoTls).unwrap();
        let waiting = (0..1_000_000).any(|_| {
            let n: i64 = watch
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity
                     WHERE application_name = $1 AND wait_event_type = 'Lock'",
                    &[&app],
                )
                .unwrap()
                .get(0);
            n > 0 || writer.is_finished()
        });
        assert!(waiting, "the chunk never waited for the held case");
        // The command now wants the counter, as a write on `y` would.
        holder
            .batch_execute("SET LOCAL lock_timeout = '500ms'")
            .unwrap();
        holder
            .execute("UPDATE tousu_position SET last = last WHERE id = 1", &[])
            .expect("the chunk holds the position counter while waiting for a case");
        holder.commit().unwrap();
        let outcomes = writer.join().unwrap();
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
    });
}
