//! How a tester checks laws of their own policy with the exported proptest
//! strategies: generate command sequences under the policy and roster, drive
//! them, and assert what must always hold. The same properties run as a real
//! test in `tests/tests/policy_properties.rs`.
//!
//! `cargo run -p tousu-examples --example policy_property_test`

use std::cell::Cell;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use tousu::model::*;
use tousu::policy::Policy;
use tousu::workflow::{Case, PolicyRuntime, Status, strategies};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn roster() -> Result<Roster> {
    let d = |s: &str| DepartmentId::new(s);
    let person = |id: &str, dept: &str, role: &str| -> Result<Staff> {
        Ok(Staff::new(StaffId::new(id)?, id, d(dept)?).with_role(RoleId::new(role)?))
    };
    Ok(Roster::new(
        DepartmentTree::new(vec![
            Department::new(d("hq")?, "总经理室", None),
            Department::new(d("eng")?, "工程部", Some(d("hq")?)),
        ])?,
        vec![
            person("gm", "hq", "general_manager")?,
            person("kf", "hq", "complaint_manager")?,
            person("head", "eng", "department_head")?,
            person("h1", "eng", "handler")?,
        ],
    )?)
}

fn main() -> Result<()> {
    let rt = PolicyRuntime::new(Policy::default_policy()?)?;
    let roster = roster()?;
    let start = Utc
        .with_ymd_and_hms(2025, 12, 1, 1, 0, 0)
        .single()
        .ok_or("time")?;
    let mut runner = TestRunner::new(Config {
        cases: 200,
        ..Config::default()
    });
    // Counters for the summary; the property closure is `Fn`, hence `Cell`.
    let (closed, rejected, events) = (Cell::new(0u32), Cell::new(0usize), Cell::new(0usize));
    let result = runner.run(&strategies::steps(&rt.policy, &roster, 1..40), |steps| {
        let run = strategies::drive(&rt, &roster, "kf", start, &steps)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Law 1: the stored events rebuild the case exactly.
        prop_assert_eq!(
            &Case::replay(&rt.policy, &run.events)
                .map_err(|e| TestCaseError::fail(e.to_string()))?,
            &run.case
        );
        // Law 2: a closed case has no running clock.
        if run.case.status == Status::Closed {
            closed.set(closed.get() + 1);
            prop_assert!(
                run.case.open_clocks().all(|c| !c.is_running()),
                "closed with a running clock"
            );
        }
        // Law 3: nobody approves above their authority.
        let head_within_limit = run.case.proposal.as_ref().is_none_or(|p| {
            p.approved_by
                .as_ref()
                .is_none_or(|who| who.as_str() != "head" || p.amount <= Money::from_fen(100_000))
        });
        prop_assert!(head_within_limit, "the head approved above 1,000 元");
        rejected.set(rejected.get() + run.rejected.len());
        events.set(events.get() + run.events.len());
        Ok(())
    });
    match result {
        Ok(()) => println!(
            "200 generated scenarios: every law held ({} ended closed; {} events; {} commands rejected as the policy requires)",
            closed.get(),
            events.get(),
            rejected.get()
        ),
        Err(e) => println!("a law failed: {e}"),
    }
    Ok(())
}
