//! A holder owner limited to the departments holding the case (`{ holder =
//! { role = "…", holds = … } }`, ruling 164): of the roster's holders of the
//! role, only those in a department holding the case, read as a grant's
//! `holds_case` reads it for each of them, are counted before the one at the
//! top is named. Where every branch has its own complaint manager, the
//! receiving branch's answers though he has not acted yet.

mod common;

use common::*;
use tousu_model::{Department, DepartmentTree, RoleId, Roster, Staff};
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

/// 客服部 (cs) and 工程部 (eng) under 总经理室 (hq), each with its own
/// complaint manager (kf1, kf2) at the top of its department; kf1 receives
/// the default complaint.
fn two_managers() -> Roster {
    let role = |r: &str| RoleId::new(r).unwrap();
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
    ])
    .unwrap();
    let staff = vec![
        Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
        Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager")),
        Staff::new(sid("kf2"), "周客服", did("eng")).with_role(role("complaint_manager")),
        Staff::new(sid("h1"), "张师傅", did("eng")).with_role(role("handler")),
        Staff::new(sid("resp"), "刘师傅", did("eng")).with_role(role("handler")),
    ];
    Roster::new(tree, staff).unwrap()
}

/// The default policy with an hour's clock from the registration owned by
/// the holder `holder` (a `{ holder = … }` table).
fn policy_with(holder: serde_json::Value) -> Result<Policy, String> {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "held",
        "name_zh": "持有部门时限",
        "start": ["registered"],
        "stop": ["closed"],
        "target": "1 hours",
        "owner": { "holder": holder },
    }))
    .map_err(|e| e.to_string())?;
    policy.milestones.push(m);
    policy.validate().map_err(|e| e.to_string())?;
    Ok(policy)
}

/// Who the `held` clock's breach is charged to ("-": nobody) on the
/// two-manager roster, the case received by kf1 and, when `assign`,
/// assigned to 工程部's h1 before the breach.
fn charged(holder: serde_json::Value, assign: bool) -> String {
    let mut h = Harness::new();
    h.roster = two_managers();
    h.rt = PolicyRuntime::new(policy_with(holder).unwrap()).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    if assign {
        let accept = CommandKind::Accept {
            override_reason: None,
        };
        h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
        let kind = CommandKind::Assign {
            assignment: Assignment {
                lead: did("eng"),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        };
        h.run("kf1", Harness::minutes(t0, 10), kind).unwrap();
    }
    let events = h.tick(Harness::minutes(t0, 120));
    events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone, owner, ..
            } if milestone.as_str() == "held" => {
                Some(owner.as_ref().map_or("-".to_owned(), ToString::to_string))
            }
            _ => None,
        })
        .expect("the clock breached")
}

fn manager(holds: Option<serde_json::Value>) -> serde_json::Value {
    match holds {
        None => serde_json::json!({ "role": "complaint_manager" }),
        Some(holds) => serde_json::json!({ "role": "complaint_manager", "holds": holds }),
    }
}

#[test]
fn holder_holds_names_the_receiving_departments_holder_where_the_roster_has_two() {
    // Two complaint managers at the top: the roster names neither.
    assert_eq!(charged(manager(None), false), "-");
    // The case is 客服部's, which received it (ruling 151): its manager.
    let received = serde_json::json!("received");
    assert_eq!(charged(manager(Some(received)), false), "kf1");
    let followed = serde_json::json!(["received", "followed"]);
    assert_eq!(charged(manager(Some(followed)), false), "kf1");
}

#[test]
fn holder_holds_reads_the_case_handed_on_as_the_grant_reads_it() {
    // Assigned to 工程部: under `"received"` it is 工程部's now, so its manager.
    let received = serde_json::json!("received");
    assert_eq!(charged(manager(Some(received)), true), "kf2");
    // `"handed"` and `"lead"` read it so too.
    let lead = serde_json::json!(["handed", "lead"]);
    assert_eq!(charged(manager(Some(lead)), true), "kf2");
    // `"followed"` keeps 客服部 too (ruling 162): two at the top, nobody named.
    let followed = serde_json::json!(["received", "followed"]);
    assert_eq!(charged(manager(Some(followed)), true), "-");
    // `"handed"` names nobody before the hand-over.
    let handed = serde_json::json!("handed");
    assert_eq!(charged(manager(Some(handed)), false), "-");
}

#[test]
fn holder_holds_loads_writes_back_and_refuses_what_cannot_apply() {
    // Without `holds` a holder is written as before (older files unchanged).
    let written = |holder: serde_json::Value| {
        let p = policy_with(holder).unwrap();
        let m = p.milestones.iter().find(|m| m.id.as_str() == "held");
        serde_json::to_value(&m.unwrap().owner).unwrap()
    };
    assert_eq!(
        written(manager(None)),
        serde_json::json!({ "holder": { "role": "complaint_manager" } })
    );
    let followed = serde_json::json!(["received", "followed"]);
    assert_eq!(
        written(manager(Some(followed.clone()))),
        serde_json::json!({ "holder": { "role": "complaint_manager", "holds": followed } })
    );
    // `false` counts every department, as no `holds` does.
    let err = policy_with(manager(Some(serde_json::json!(false)))).unwrap_err();
    assert!(
        err.contains(".owner.holder.holds") && err.contains("ruling 164"),
        "{err}"
    );
    // `among` other than the roster already says where to look.
    let err = policy_with(serde_json::json!({
        "role": "complaint_manager",
        "among": "lead_department",
        "holds": "received",
    }))
    .unwrap_err();
    assert!(
        err.contains(".owner.holder.holds") && err.contains("lead_department"),
        "{err}"
    );
    // A list's own rules hold (ruling 156).
    let err = policy_with(manager(Some(serde_json::json!(["handed", "received"])))).unwrap_err();
    assert!(err.contains("both \"handed\" and \"received\""), "{err}");
}

#[test]
fn holder_holds_reads_the_role_as_held_in_departments_for_acts_on_any_case() {
    // A clock charged to the complaint manager of the department holding the
    // case says the role has holders in several departments: its acts on any
    // case are listed (`acts_on_any_case`); the roster's holder alone says
    // nothing of it.
    let listed = |holder: serde_json::Value| {
        tousu_policy::check_invariants(&policy_with(holder).unwrap())
            .into_iter()
            .filter(|f| f.invariant == "acts_on_any_case")
            .map(|f| f.message)
            .find(|m| m.contains("role \"complaint_manager\""))
    };
    assert_eq!(listed(manager(None)), None);
    let msg = listed(manager(Some(serde_json::json!("received")))).unwrap();
    assert!(
        msg.contains("the clocks \"held\" are charged to it in the department holding the case"),
        "{msg}"
    );
}
