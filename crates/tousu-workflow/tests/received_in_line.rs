//! `holds_case = "received_in_line"` read by the engine (ruling 170): before
//! any hand-over, the line of the department that received the case — its
//! first responder's department, one under it or one above it, not one
//! beside it; after one, as `true`; beside `"in_line"` in a list, the line
//! of whoever holds the case before a hand-over and after it. A
//! `role_holding_case` owner reads it as a grant does (ruling 172).
//!
//! The default roster: 总经理室 (`hq`: gm) above 客服部 (`cs`: kf1, the
//! default complaint's first responder) and 工程部 (`eng`: h1, head1).

mod common;

use common::*;
use tousu_policy::{Action, Grant, Milestone, Policy};
use tousu_workflow::*;

/// The default policy where `role` replies only under `holds_case = value`
/// (its `reply` taken out of its actions).
fn replying(role_id: &str, value: serde_json::Value) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    let role = policy
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == role_id)
        .unwrap();
    role.actions.retain(|a| *a != Action::Reply);
    let grant: Grant = serde_json::from_value(serde_json::json!({
        "actions": ["reply"],
        "holds_case": value,
    }))
    .unwrap();
    role.grants.push(grant);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn reply() -> CommandKind {
    CommandKind::Reply {
        text: "已核实并答复".into(),
        written: false,
    }
}

/// Whether `actor` (holding `role`) may reply under `holds_case = value` to
/// the default complaint kf1 received and accepted, before any hand-over,
/// or once assigned to h1 of 工程部 when `assigned`. A refusal names
/// `holds_case` and changes nothing.
fn replies(role: &str, value: serde_json::Value, actor: &str, assigned: bool) -> bool {
    let t0 = beijing(2026, 11, 30, 9, 0);
    let mut h = replying(role, value);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    if assigned {
        let assign = CommandKind::Assign {
            assignment: Assignment {
                lead: did("eng"),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        };
        h.run("kf1", Harness::minutes(t0, 10), assign).unwrap();
    }
    let before = h.events.len();
    let done = h.run(actor, Harness::minutes(t0, 20), reply());
    if let Err(e) = &done {
        assert!(e.to_string().contains("holds_case"), "{e}");
        assert_eq!(h.events.len(), before, "a refusal changes nothing");
    }
    done.is_ok()
}

#[test]
fn received_in_line_admits_the_receiver_and_the_departments_above_it_before_a_hand_over() {
    // 总经理室 is above 客服部, which received the case: in its line, though
    // `"received"` admits only 客服部 and those under it.
    assert!(replies(
        "general_manager",
        "received_in_line".into(),
        "gm",
        false
    ));
    assert!(!replies("general_manager", "received".into(), "gm", false));
    // 客服部 itself.
    assert!(replies(
        "complaint_manager",
        "received_in_line".into(),
        "kf1",
        false
    ));
    // 工程部 is beside 客服部: not in its line.
    assert!(!replies("handler", "received_in_line".into(), "h1", false));
}

#[test]
fn received_in_line_refuses_a_department_beside_the_receiver_naming_the_value() {
    let t0 = beijing(2026, 11, 30, 9, 0);
    let mut h = replying("handler", "received_in_line".into());
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    let err = h.run("h1", Harness::minutes(t0, 10), reply()).unwrap_err();
    let said = err.to_string();
    for part in ["\"received_in_line\"", "ruling 170", "above or under"] {
        assert!(said.contains(part), "{said}");
    }
}

#[test]
fn received_in_line_reads_a_handed_case_as_true_and_with_in_line_as_the_leads_line() {
    // Handed to h1 of 工程部: the receiver's line no longer counts (as
    // `"received"`), so 总经理室 and 客服部 are refused and h1 holds it.
    assert!(!replies(
        "general_manager",
        "received_in_line".into(),
        "gm",
        true
    ));
    assert!(!replies(
        "complaint_manager",
        "received_in_line".into(),
        "kf1",
        true
    ));
    assert!(replies("handler", "received_in_line".into(), "h1", true));
    // Beside "in_line": the line of whoever holds it, before and after.
    let line = || serde_json::json!(["received_in_line", "in_line"]);
    assert!(replies("general_manager", line(), "gm", false));
    assert!(replies("general_manager", line(), "gm", true));
    assert!(!replies("handler", line(), "h1", false));
    assert!(!replies("complaint_manager", line(), "kf1", true));
    // "in_line" alone: a case nobody was handed is anyone's, 工程部's too.
    assert!(replies("handler", "in_line".into(), "h1", false));
}

#[test]
fn a_complaint_recording_no_first_responder_is_anyones_until_handed() {
    let t0 = beijing(2026, 11, 30, 9, 0);
    let mut h = replying("handler", "received_in_line".into());
    let mut complaint = complaint(t0);
    complaint.first_responder = None;
    let kind = CommandKind::Register {
        case_id: tousu_model::CaseId::new("K-202511-0002").unwrap(),
        number: None,
        complaint: Box::new(complaint),
        repeat_count: 0,
    };
    h.run("kf1", t0, kind).unwrap();
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    h.run("h1", Harness::minutes(t0, 10), reply()).unwrap();
}

/// The default policy with an hour's clock from the registration owned by
/// the general manager on the case as `holds` reads where the case is, else
/// the complaint manager; who its breach is charged to once gm put a note
/// on the complaint kf1 received.
fn general_manager_charged(holds: &str) -> Option<String> {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "held",
        "name_zh": "持有部门时限",
        "start": ["registered"],
        "stop": ["closed"],
        "target": "1 hours",
        "owner": { "role_holding_case": { "role": "general_manager", "holds": holds } },
        "fallback_owner": { "role": "complaint_manager" },
    }))
    .unwrap();
    policy.milestones.push(m);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2026, 11, 30, 9, 0);
    h.register_default(t0);
    let note = CommandKind::AddNote {
        text: "总经理室已知悉".into(),
        attachments: vec![],
    };
    h.run("gm", Harness::minutes(t0, 10), note).unwrap();
    h.tick(Harness::minutes(t0, 120))
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone, owner, ..
            } if milestone.as_str() == "held" => {
                Some(owner.as_ref().map_or("-".to_owned(), ToString::to_string))
            }
            _ => None,
        })
}

#[test]
fn a_role_holding_case_owner_reads_received_in_line_as_a_grant_does() {
    // 总经理室 is above 客服部, which received it: counted in the receiver's
    // line, not as "received" reads it (then the complaint manager answers).
    assert_eq!(
        general_manager_charged("received_in_line").as_deref(),
        Some("gm")
    );
    assert_eq!(general_manager_charged("received").as_deref(), Some("kf1"));
}
