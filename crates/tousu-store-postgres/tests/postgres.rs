//! What only a real PostgreSQL can show: the planner uses the due index
//! over 100,000 open cases, and a torn batch is detected on load.

mod common;

use chrono::{TimeZone, Utc};
use tousu::prelude::*;
use tousu_store_postgres::DUE_QUERY;

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
    let cs = DepartmentId::new("cs").unwrap();
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(StaffId::new("kf").unwrap(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap();
    let mut engine = Engine::new(Policy::default_policy().unwrap(), roster, pg.store()).unwrap();
    let at = Utc.with_ymd_and_hms(2025, 12, 1, 1, 0, 0).unwrap();
    let filed = engine
        .file(Filing {
            actor: StaffId::new("kf").unwrap(),
            command_id: CommandId::new("f1").unwrap(),
            case_id: None,
            complaint: Complaint::builder(at, Channel::Phone, "热水器漏水")
                .build()
                .unwrap(),
            repeat_count: 0,
        })
        .unwrap();
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
