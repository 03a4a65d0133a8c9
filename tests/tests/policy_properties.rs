//! Property tests a tester would write against their own policy, with the
//! strategies the crates export (feature `proptest`): here against the
//! embedded default policy. The `policy_property_test` example walks
//! through the same code.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeSet;
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::{Case, EventKind, PolicyRuntime, strategies};

fn roster() -> Roster {
    let d = |s: &str| DepartmentId::new(s).unwrap();
    let s = |id: &str, dept: &str, role: &str, sup: Option<&str>| {
        let st = Staff::new(StaffId::new(id).unwrap(), id, d(dept))
            .with_role(RoleId::new(role).unwrap())
            .with_pay(
                rust_decimal::Decimal::from(2),
                Money::from_yuan(1000).unwrap(),
            );
        match sup {
            Some(x) => st.with_supervisor(StaffId::new(x).unwrap()),
            None => st,
        }
    };
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(d("hq"), "总经理室", None),
            Department::new(d("cs"), "客服部", Some(d("hq"))),
            Department::new(d("eng"), "工程部", Some(d("hq"))),
        ])
        .unwrap(),
        vec![
            s("gm", "hq", "general_manager", None),
            s("kf", "cs", "complaint_manager", Some("gm")),
            s("head", "eng", "department_head", Some("gm")),
            s("h1", "eng", "handler", Some("head")),
            s("h2", "eng", "handler", Some("head")),
        ],
    )
    .unwrap()
}

fn runtime() -> PolicyRuntime {
    PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any command sequence: replay equals the incremental case, a breach is
    /// reported at most once per milestone and round, and no deadline comes
    /// before its clock started.
    #[test]
    fn workflow_laws(steps in strategies::steps(&runtime().policy, &roster(), 1..40)) {
        let rt = runtime();
        let roster = roster();
        let start = Utc.with_ymd_and_hms(2025, 12, 1, 1, 0, 0).unwrap();
        let run = strategies::drive(&rt, &roster, "kf", start, &steps).unwrap();
        prop_assert_eq!(&Case::replay(&rt.policy, &run.events).unwrap(), &run.case);
        let mut breaches = BTreeSet::new();
        for e in &run.events {
            if let EventKind::MilestoneBreached { milestone, round, .. } = &e.kind {
                let round = *round;
                prop_assert!(breaches.insert((milestone.clone(), round)), "breach reported twice: {} round {}", milestone, round);
            }
        }
        for c in &run.case.clocks {
            prop_assert!(c.deadline_at().is_some_and(|d| d >= c.started_at), "{} due before it started", c.milestone);
        }
    }

    /// Any month's facts: nobody is charged above the cap (unless the
    /// whole-bonus sanction applies), nothing is negative, and what is owed
    /// equals what is deducted plus what is carried.
    #[test]
    fn penalty_laws(facts in tousu_penalty::strategies::facts(&Policy::default_policy().unwrap().penalties.unwrap(), &roster(), "2025-12".parse().unwrap())) {
        let schedule = Policy::default_policy().unwrap().penalties.unwrap();
        let result = tousu_penalty::compute_statements(&schedule, &roster(), &facts, None).unwrap();
        for s in &result.statements {
            prop_assert!(!s.deducted.is_negative() && !s.carried_forward.is_negative());
            prop_assert!(s.deducted <= s.cap_limit || s.lines.iter().any(|l| l.rule.contains("whole_bonus")), "{}: {} above cap {}", s.staff, s.deducted, s.cap_limit);
            prop_assert_eq!(s.gross.checked_add(s.carried_in).unwrap(), s.deducted.checked_add(s.carried_forward).unwrap());
        }
    }
}
