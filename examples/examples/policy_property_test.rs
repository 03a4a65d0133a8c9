//! How a tester checks their own policy with the tester's kit
//! (`tousu::workflow::testkit`, feature `proptest`): the whole law library
//! in one call, then the coverage, so that a law whose premise was never
//! met does not pass unseen. The policy here is the default one: department
//! heads approve up to 1,000 元, the general manager above; a respondent on
//! the roster must recuse. The same run is a test in
//! `tests/tests/testkit.rs`.
//!
//! `cargo run -p tousu-examples --example policy_property_test`

use chrono::{TimeZone, Utc};
use tousu::model::*;
use tousu::policy::Policy;
use tousu::workflow::PolicyRuntime;
use tousu::workflow::testkit::Kit;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A roster with someone on each side of each authority limit, and staff
/// who can be complained about (the kit names them as respondents, so
/// recusal is reached): the handlers report to the head, who reports to the
/// general manager.
fn roster() -> Result<Roster> {
    let d = |s: &str| DepartmentId::new(s);
    let person = |id: &str, dept: &str, role: &str, sup: Option<&str>| -> Result<Staff> {
        let s = Staff::new(StaffId::new(id)?, id, d(dept)?).with_role(RoleId::new(role)?);
        Ok(match sup {
            Some(sup) => s.with_supervisor(StaffId::new(sup)?),
            None => s,
        })
    };
    Ok(Roster::new(
        DepartmentTree::new(vec![
            Department::new(d("hq")?, "总经理室", None),
            Department::new(d("cs")?, "客服部", Some(d("hq")?)),
            Department::new(d("eng")?, "工程部", Some(d("hq")?)),
        ])?,
        vec![
            person("gm", "hq", "general_manager", None)?,
            person("kf", "cs", "complaint_manager", Some("gm"))?,
            person("head", "eng", "department_head", Some("gm"))?,
            person("head2", "eng", "department_head", Some("gm"))?,
            person("h1", "eng", "handler", Some("head"))?,
            person("h2", "eng", "handler", Some("head"))?,
        ],
    )?)
}

fn main() -> Result<()> {
    let rt = PolicyRuntime::new(Policy::default_policy()?)?;
    let roster = roster()?;
    let start = Utc
        .with_ymd_and_hms(2025, 3, 3, 1, 0, 0)
        .single()
        .ok_or("time")?;
    // 128 generated cases of up to 40 steps; every law of the library.
    let report = Kit::new(&rt, &roster, start).cases(128).check()?;
    println!("{report}");
    // What the runs never reached is as important as what held.
    let missing = report.coverage.missing();
    if !missing.is_empty() {
        return Err(format!("not reached: {}", missing.join("; ")).into());
    }
    Ok(())
}
