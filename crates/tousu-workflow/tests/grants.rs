//! Conditional grants: an action a role may take only in some statuses,
//! after an escalation step, or when a predicate on the complaint holds —
//! allowed when every condition holds, refused naming each one that fails.

mod common;

use common::*;
use tousu_model::CaseId;
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

/// Registered, accepted and taken over by the department head: the handler
/// reports it up (`manual-head` is the handler's step, its `by`).
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
        "h1",
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
        written: false,
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

/// The default policy where the general manager closes abnormally only after
/// the customer rejected the answer (`callback = ["unsatisfied"]`, ruling 60),
/// with the case accepted and answered on the spot by the desk.
fn replied_with_callback_grant(t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let gm = policy
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "general_manager")
        .unwrap();
    gm.actions
        .retain(|a| *a != tousu_policy::Action::CloseAbnormally);
    gm.grants.push(
        serde_json::from_value(serde_json::json!({
            "actions": ["close_abnormally"],
            "callback": ["unsatisfied"],
        }))
        .unwrap(),
    );
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h.register_default(t0);
    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    h.run("kf1", Harness::minutes(t0, 10), reply()).unwrap();
    h
}

fn abnormal() -> CommandKind {
    CommandKind::CloseAbnormally {
        reason: "客户要求超出公司政策，无法达成一致".into(),
    }
}

fn callback(satisfaction: tousu_model::Satisfaction) -> CommandKind {
    CommandKind::RecordCallback {
        satisfaction,
        note: None,
    }
}

#[test]
fn a_callback_grant_waits_for_the_customers_answer() {
    use tousu_model::Satisfaction::{Satisfied, Unsatisfied};
    let t0 = beijing(2025, 11, 3, 9, 0);
    let refusal = |r: Rejection| unmet(r).join(" | ");

    // Answered, but no callback yet.
    let mut h = replied_with_callback_grant(t0);
    let before = h
        .run("gm", Harness::minutes(t0, 20), abnormal())
        .unwrap_err();
    assert_eq!(
        refusal(before),
        "role general_manager (grants[0]): the round's last callback must have answered one of unsatisfied (there is none since the last reply)"
    );

    // The customer is satisfied: nothing to close abnormally.
    h.run("kf1", Harness::minutes(t0, 30), callback(Satisfied))
        .unwrap();
    let satisfied = h
        .run("gm", Harness::minutes(t0, 40), abnormal())
        .unwrap_err();
    assert!(
        refusal(satisfied).ends_with("(it answered satisfied)"),
        "the refusal says what the customer answered"
    );

    // Unsatisfied: the grant holds.
    let mut h = replied_with_callback_grant(t0);
    h.run("kf1", Harness::minutes(t0, 30), callback(Unsatisfied))
        .unwrap();
    let mut closed = replied_with_callback_grant(t0);
    closed
        .run("kf1", Harness::minutes(t0, 30), callback(Unsatisfied))
        .unwrap();
    closed
        .run("gm", Harness::minutes(t0, 40), abnormal())
        .unwrap();
    assert_eq!(closed.case().status, Status::Closed);

    // A new round's answer clears the last callback: the grant waits again.
    h.run(
        "gm",
        Harness::minutes(t0, 40),
        CommandKind::Reopen {
            reason: "客户不满意，重新处理".into(),
        },
    )
    .unwrap();
    h.run("kf1", Harness::minutes(t0, 60), reply()).unwrap();
    let next_round = h
        .run("gm", Harness::minutes(t0, 70), abnormal())
        .unwrap_err();
    assert!(
        refusal(next_round).ends_with("(there is none since the last reply)"),
        "a reply in the new round clears the callback"
    );
}

/// A grant of `register` tests what the registration says (ruling 137): the
/// handler registers only complaints made in person, and only those the
/// classification puts at `major`; a phone complaint classified lower is
/// refused naming both conditions, and nothing is recorded.
#[test]
fn a_register_grant_tests_the_complaint_and_its_level() {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    for role in &mut policy.roles {
        if role.id.as_str() == "handler" {
            role.actions
                .retain(|a| *a != tousu_policy::Action::Register);
            role.grants.push(
                serde_json::from_value(serde_json::json!({
                    "actions": ["register"],
                    "levels": ["major"],
                    "when": { "channel": ["visit"] },
                }))
                .unwrap(),
            );
        }
    }
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let kind = CommandKind::Register {
        case_id: CaseId::new("K-202509-0001").unwrap(),
        number: None,
        complaint: Box::new(complaint(t0)),
        repeat_count: 0,
    };
    let [why] = unmet(h.run("h1", t0, kind.clone()).unwrap_err())
        .try_into()
        .unwrap();
    assert!(
        why.starts_with("role handler (grants[0]): the level must be one of major (the case is ")
            && why.contains("`when`")
            && why.contains("visit"),
        "{why}"
    );
    assert!(h.events.is_empty(), "nothing is recorded");
    h.run("kf1", t0, kind).unwrap();
}
