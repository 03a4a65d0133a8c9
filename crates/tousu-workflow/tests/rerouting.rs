//! An assignment follows its category's route after it was made, too
//! (ruling 54): a case migrated to a version whose route wants a supporting
//! role (协办, ruling 42) not called in is transferred first.

mod common;

use chrono::{DateTime, Utc};
use tousu_model::Satisfaction;
use tousu_policy::{Policy, PolicyVersion, Route};
use tousu_workflow::*;

use common::*;

/// The default policy routing installation and repair complaints to the
/// handler role, version 1 without support and version 2 with the
/// complaint desk (客服部's `complaint_manager`) supporting.
fn versions() -> (PolicyRuntime, PolicyRuntime) {
    let mut old = Policy::default_policy().unwrap();
    old.schema_version = 2;
    let route: Route = serde_json::from_value(serde_json::json!({
        "id": "repair-route",
        "categories": ["installation_repair"],
        "handler_role": "handler",
    }))
    .unwrap();
    old.routing.push(route);
    old.validate().unwrap();
    let mut new = old.clone();
    new.version = PolicyVersion::new("2").unwrap();
    new.routing[0].support = vec![tousu_model::RoleId::new("complaint_manager").unwrap()];
    new.validate().unwrap();
    (
        PolicyRuntime::new(old).unwrap(),
        PolicyRuntime::new(new).unwrap(),
    )
}

fn assignment(co_handling: &[&str]) -> Assignment {
    Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: co_handling.iter().map(|d| did(d)).collect(),
    }
}

/// Registered and accepted under version 1, assigned to 工程部 alone.
fn assigned() -> (Harness, PolicyRuntime, DateTime<Utc>) {
    let (old, new) = versions();
    let mut h = Harness::new();
    h.rt = old;
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    let assign = CommandKind::Assign {
        assignment: assignment(&[]),
    };
    h.run("kf1", Harness::minutes(t0, 10), assign).unwrap();
    (h, new, t0)
}

fn migrate(
    h: &mut Harness,
    new: &PolicyRuntime,
    at: DateTime<Utc>,
) -> Result<Vec<Event>, Rejection> {
    let old = std::mem::replace(&mut h.rt, new.clone());
    let kind = CommandKind::MigratePolicy {
        policy_id: new.policy.id.clone(),
        version: new.policy.version.clone(),
        reason: "第二版: 客服部协办".into(),
    };
    let result = h.run("gm", at, kind);
    if result.is_err() {
        h.rt = old;
    }
    result
}

#[test]
fn a_handled_case_moves_to_a_route_with_support_only_once_it_is_called_in() {
    let (mut h, new, t0) = assigned();
    let before = h.case().clone();
    let err = migrate(&mut h, &new, Harness::minutes(t0, 20)).unwrap_err();
    assert_eq!(err.kind(), "misrouted");
    insta::assert_snapshot!(err.to_string(), @r#"route repair-route hands installation_repair complaints to role "handler": role "complaint_manager" supports them (协办), and neither the lead department eng nor a co-handling department (none given) has anyone who holds it; call in a department where someone does — the case's assignment must follow the route of version 2, which it would migrate to: transfer it under its current version first, then migrate"#);
    assert_eq!(h.case(), &before, "a refused migration changes nothing");

    // Transferred under version 1 with 客服部 called in, it moves.
    let transfer = CommandKind::Transfer {
        assignment: assignment(&["cs"]),
        reason: "客服部协办".into(),
    };
    h.run("kf1", Harness::minutes(t0, 25), transfer).unwrap();
    migrate(&mut h, &new, Harness::minutes(t0, 30)).unwrap();
    assert_eq!(h.case().policy_version.to_string(), "2");
    assert_eq!(&Case::replay_events(&h.events).unwrap(), h.case());
}

#[test]
fn a_case_migrated_after_its_investigation_is_transferred_before_the_next() {
    let (mut h, new, t0) = assigned();
    h.run(
        "h1",
        Harness::minutes(t0, 30),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    let reply = CommandKind::Reply {
        text: "已上门维修".into(),
        written: false,
    };
    h.run("h1", Harness::minutes(t0, 60), reply).unwrap();
    // Replied: no transfer is possible, and none is needed for the round
    // whose investigation is over, so the case moves.
    migrate(&mut h, &new, Harness::minutes(t0, 70)).unwrap();
    let callback = CommandKind::RecordCallback {
        satisfaction: Satisfaction::Unsatisfied,
        note: Some("仍漏水".into()),
    };
    h.run("kf1", Harness::minutes(t0, 80), callback).unwrap();
    let reopen = CommandKind::Reopen {
        reason: "仍漏水".into(),
    };
    h.run("gm", Harness::minutes(t0, 90), reopen).unwrap();
    assert_eq!(h.case().status, Status::Assigned);

    // The new round's investigation waits for 客服部 to be called in.
    let version = h.case().version;
    let err = h
        .run(
            "h1",
            Harness::minutes(t0, 100),
            CommandKind::StartInvestigation,
        )
        .unwrap_err();
    assert_eq!(err.kind(), "misrouted");
    assert!(
        err.to_string()
            .contains("role \"complaint_manager\" supports them")
            && err.to_string().ends_with("transfer it first"),
        "{err}"
    );
    assert_eq!(h.case().version, version, "nothing recorded");
    let transfer = CommandKind::Transfer {
        assignment: assignment(&["cs"]),
        reason: "按第二版由客服部协办".into(),
    };
    h.run("kf1", Harness::minutes(t0, 110), transfer).unwrap();
    h.run(
        "h1",
        Harness::minutes(t0, 120),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    assert_eq!(h.case().status, Status::Investigating);
    assert_eq!(&Case::replay_events(&h.events).unwrap(), h.case());
}
