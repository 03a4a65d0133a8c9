//! Conditional grants: an action a role may take only in some statuses,
//! after an escalation step, or when a predicate on the complaint holds —
//! allowed when every condition holds, refused naming each one that fails.

mod common;

use common::*;
use tousu_policy::{Grant, Policy};
use tousu_workflow::*;

/// The default policy where the general manager may reply, but only to an
/// accepted case the department head has taken over (`manual-head`), and the
/// handler may add notes only to complaints made in person.
fn harness() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let grant = |json: serde_json::Value| -> Grant { serde_json::from_value(json).unwrap() };
    for role in &mut policy.roles {
        match role.id.as_str() {
            "general_manager" => role.grants.push(grant(serde_json::json!({
                "actions": ["reply"],
                "statuses": ["accepted"],
                "after_escalation": ["manual-head"],
            }))),
            "handler" => {
                role.actions.retain(|a| *a != tousu_policy::Action::AddNote);
                role.grants.push(grant(serde_json::json!({
                    "actions": ["add_note"],
                    "when": { "channel": ["visit"] },
                })));
            }
            _ => {}
        }
    }
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn unmet(r: Rejection) -> Vec<String> {
    match r {
        Rejection::GrantConditionUnmet { unmet, .. } => unmet,
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
}

/// Registered, accepted and taken over by the department head.
fn escalated(t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = harness();
    h.register_default(t0);
    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    h.run(
        "head1",
        Harness::minutes(t0, 15),
        CommandKind::Escalate {
            reason: "客户要求主管处理".into(),
            step: None,
        },
    )
    .unwrap();
    h
}

fn reply() -> CommandKind {
    CommandKind::Reply {
        text: "已安排维修".into(),
    }
}

#[test]
fn a_grant_holds_only_when_every_condition_does() {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut h = harness();
    h.register_default(t0);
    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    let before = h.run("gm", Harness::minutes(t0, 10), reply()).unwrap_err();
    assert_eq!(
        unmet(before),
        [
            "role general_manager (grants[0]): one of the escalation steps manual-head must have been taken (none has)"
        ]
    );

    // Accepted and escalated: every condition holds.
    let mut ok = escalated(t0);
    ok.run("gm", Harness::minutes(t0, 20), reply()).unwrap();
    assert_eq!(ok.case().status, Status::Replied);

    // Assigned, the case is no longer in the status the grant names.
    let mut assigned = escalated(t0);
    assigned
        .run(
            "kf1",
            Harness::minutes(t0, 20),
            CommandKind::Assign {
                assignment: Assignment {
                    lead: did("eng"),
                    handler: Some(sid("h1")),
                    co_handling: vec![],
                },
            },
        )
        .unwrap();
    let refused = assigned
        .run("gm", Harness::minutes(t0, 25), reply())
        .unwrap_err();
    assert_eq!(
        unmet(refused),
        [
            "role general_manager (grants[0]): the status must be one of accepted (the case is assigned)"
        ]
    );
}

#[test]
fn a_predicate_on_the_complaint_limits_a_grant() {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut h = harness();
    h.register_default(t0); // by phone
    let note = CommandKind::AddNote {
        text: "现场照片".into(),
        attachments: vec![],
    };
    let refused = h.run("h1", Harness::minutes(t0, 5), note).unwrap_err();
    let [why] = unmet(refused).try_into().unwrap();
    assert!(why.contains("`when`") && why.contains("visit"), "{why}");
}
