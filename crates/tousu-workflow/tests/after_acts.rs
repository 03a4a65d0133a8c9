//! A grant's `after_acts` read by the engine (ruling 131): the handler
//! answers only once the department head recorded his instruction in the
//! round; a new round waits for a new one; the document keeps the acts.

mod common;

use common::*;
use tousu_policy::{Action, CaseAction, Grant, Policy};
use tousu_workflow::*;

/// The default policy where the handler replies only after an instruction
/// (`instruction_given`), which the department head records.
fn harness() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    let grant = |json: serde_json::Value| -> Grant { serde_json::from_value(json).unwrap() };
    for role in &mut policy.roles {
        match role.id.as_str() {
            "handler" => {
                role.actions.retain(|a| *a != Action::Reply);
                role.grants.push(grant(serde_json::json!({
                    "actions": ["reply"],
                    "after_acts": ["instruction_given"],
                })));
            }
            "department_head" => role.grants.push(grant(serde_json::json!({
                "actions": ["record_action"],
                "acts": ["instruction_given"],
            }))),
            _ => {}
        }
    }
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn reply() -> CommandKind {
    CommandKind::Reply {
        text: "经主管批示,已安排维修".into(),
        written: false,
    }
}

fn instruction() -> CommandKind {
    CommandKind::RecordAction {
        action: CaseAction::InstructionGiven,
        note: Some("同意维修".into()),
        milestone: None,
    }
}

fn waits(h: &mut Harness, at: chrono::DateTime<chrono::Utc>) {
    let before = h.events.len();
    match h.run("h1", at, reply()).unwrap_err() {
        Rejection::GrantConditionUnmet { unmet, .. } => {
            assert_eq!(
                unmet,
                [
                    "role handler (grants[0]): one of the acts instruction_given must have been recorded in the round (`after_acts`; none has)"
                ]
            );
        }
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
    assert_eq!(h.events.len(), before);
}

#[test]
fn the_answer_waits_for_the_instruction_in_each_round() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness();
    h.investigating_from(t0);
    waits(&mut h, Harness::minutes(t0, 40));
    // The handler may not record the instruction for the head.
    let own = h
        .run("h1", Harness::minutes(t0, 45), instruction())
        .unwrap_err();
    assert!(matches!(own, Rejection::NotPermitted { .. }), "{own}");
    h.run("head1", Harness::minutes(t0, 50), instruction())
        .unwrap();
    assert_eq!(h.case().acts_recorded, [CaseAction::InstructionGiven]);
    h.run("h1", Harness::minutes(t0, 60), reply()).unwrap();
    // The customer is unsatisfied: a new round waits for a new instruction.
    let callback = CommandKind::RecordCallback {
        satisfaction: tousu_model::Satisfaction::Unsatisfied,
        note: None,
    };
    h.run("kf1", Harness::minutes(t0, 80), callback).unwrap();
    let reopen = CommandKind::Reopen {
        reason: "客户不满意".into(),
    };
    h.run("gm", Harness::minutes(t0, 90), reopen).unwrap();
    assert!(h.case().acts_recorded.is_empty());
    waits(&mut h, Harness::minutes(t0, 100));
    h.run("head1", Harness::minutes(t0, 110), instruction())
        .unwrap();
    h.run("h1", Harness::minutes(t0, 120), reply()).unwrap();
    // Replayed from its events, the case finds the same acts.
    let replayed = Case::replay_events(&h.events).unwrap();
    assert_eq!(replayed.acts_recorded, h.case().acts_recorded);
}
