//! Two processes file complaints into one PostgreSQL schema at the same
//! time: the numbers are taken once each, with no gap. The test runs itself
//! as the second process (the environment variable tells it which it is
//! and which schema to use). Skipped, saying so, without
//! TOUSU_TEST_POSTGRES_URL.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use chrono::{TimeZone, Utc};
use tousu::prelude::*;
use tousu_store_postgres::PgStore;

const CHILD: &str = "TOUSU_POSTGRES_SECOND_PROCESS_SCHEMA";
const TEST: &str = "two_processes_number_into_one_schema_without_duplicates_or_gaps";
const EACH: usize = 25;

fn engine(url: &str, schema: &str) -> Engine<PgStore> {
    let cs = DepartmentId::new("cs").unwrap();
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(StaffId::new("kf").unwrap(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap();
    Engine::new(
        Policy::default_policy().unwrap(),
        roster,
        PgStore::connect_in_schema(url, schema).unwrap(),
    )
    .unwrap()
}

fn file_all(engine: &mut Engine<PgStore>, who: &str) {
    let at = Utc.with_ymd_and_hms(2025, 12, 1, 1, 0, 0).unwrap();
    for i in 0..EACH {
        engine
            .file(Filing {
                actor: StaffId::new("kf").unwrap(),
                command_id: CommandId::new(format!("{who}-{i}")).unwrap(),
                case_id: None,
                complaint: Complaint::builder(at, Channel::Phone, "热水器漏水")
                    .build()
                    .unwrap(),
                repeat_count: 0,
            })
            .unwrap();
    }
}

#[test]
fn two_processes_number_into_one_schema_without_duplicates_or_gaps() {
    let Some(pg) = common::pg("processes") else {
        return;
    };
    if let Ok(schema) = std::env::var(CHILD) {
        let mut e = engine(&pg.url, &schema);
        println!("\nSECOND-PROCESS-READY");
        file_all(&mut e, "child");
        return;
    }
    let schema = pg.schema("shared");
    // The parent creates the schema and its tables before the child opens it.
    let mut parent = engine(&pg.url, &schema);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", TEST, "--nocapture", "--test-threads=1"])
        .env(CHILD, &schema)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Start together: wait (blocking, no sleep) until the child says it is ready.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("SECOND-PROCESS-READY") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the child ended early"
        );
    }
    file_all(&mut parent, "parent");
    std::io::copy(&mut out, &mut std::io::sink()).unwrap();
    assert!(child.wait().unwrap().success(), "the second process failed");
    let mut numbers: Vec<String> = parent
        .store()
        .case_ids()
        .unwrap()
        .iter()
        .map(|id| parent.case(id).unwrap().number.unwrap().to_string())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=2 * EACH).map(|n| format!("202512-{n:04}")).collect();
    assert_eq!(numbers, expected);
}
