//! A grant's `holds_case` read by the engine: a step that takes the case
//! over after its assignment displaces the handler named before (ruling
//! 129), `"handed"` refuses a case nobody was handed (ruling 130),
//! `"co_handling"` admits the departments the assignment called in (ruling
//! 148), `"in_line"` the departments above its lead (ruling 149),
//! `"received"` only the department that received a case not yet handed
//! on (ruling 151) and `"sent"` the department that handed it on too
//! (ruling 152).

mod common;

use common::*;
use tousu_policy::{Action, Grant, Policy};
use tousu_workflow::*;

/// The default policy where the handler replies only while the case is
/// with him, `holds_case` being `value` (`true` or `"handed"`).
fn harness(value: serde_json::Value) -> Harness {
    harness_for("handler", value)
}

/// The default policy where `role` replies only under `holds_case = value`.
fn harness_for(role_id: &str, value: serde_json::Value) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    for role in &mut policy.roles {
        if role.id.as_str() == role_id {
            role.actions.retain(|a| *a != Action::Reply);
            let grant: Grant = serde_json::from_value(serde_json::json!({
                "actions": ["reply"],
                "holds_case": value,
            }))
            .unwrap();
            role.grants.push(grant);
        }
    }
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn h1() -> Assignment {
    Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    }
}

fn to_h1() -> CommandKind {
    CommandKind::Assign { assignment: h1() }
}

fn reply() -> CommandKind {
    CommandKind::Reply {
        text: "已安排维修".into(),
        written: false,
    }
}

/// The handler's reply, refused for where the case is and changing
/// nothing; what the refusal says.
fn refused(h: &mut Harness, at: chrono::DateTime<chrono::Utc>) -> String {
    let before = h.events.len();
    let err = h.run("h1", at, reply()).unwrap_err();
    assert_eq!(h.events.len(), before);
    match err {
        Rejection::GrantConditionUnmet { unmet, .. } => {
            assert_eq!(unmet.len(), 1, "{unmet:?}");
            unmet.into_iter().next().unwrap_or_default()
        }
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
}

/// A default complaint registered at `t0`, accepted (+5 min) and assigned
/// to h1 (+10 min), under `holds_case = true`.
fn assigned_to_h1(t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = harness(true.into());
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    h.run("kf1", Harness::minutes(t0, 10), to_h1()).unwrap();
    h
}

#[test]
fn a_take_over_after_the_assignment_displaces_the_named_handler() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = assigned_to_h1(t0);
    // Named, he holds it; he reports it up to his head, who takes it over.
    let escalate = CommandKind::Escalate {
        reason: "需主管处理".into(),
        step: None,
    };
    h.run("h1", Harness::minutes(t0, 20), escalate).unwrap();
    assert!(h.case().assigned_before_take_over);
    let said = refused(&mut h, Harness::minutes(t0, 30));
    assert!(
        said.contains("`holds_case`") && said.contains("gone elsewhere"),
        "{said}"
    );
    // The head sends it back to the department, naming nobody: the
    // assignment is the newer, and h1, in the department, holds it again.
    let back = CommandKind::Transfer {
        assignment: Assignment {
            handler: None,
            ..h1()
        },
        reason: "交还责任人处理".into(),
    };
    h.run("head1", Harness::minutes(t0, 40), back).unwrap();
    h.run("h1", Harness::minutes(t0, 50), reply()).unwrap();
}

/// After a take-over the one it went to may hand the case back to the very
/// handler it was taken from (批办 to him again): the same assignment made
/// again is a transfer then, and the handler holds the case once more.
/// Without a take-over since, it is still refused as nothing to transfer,
/// changing nothing.
#[test]
fn a_case_taken_over_can_be_handed_back_to_its_handler() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = assigned_to_h1(t0);
    let again = || CommandKind::Transfer {
        assignment: h1(),
        reason: "交还责任人处理".into(),
    };
    let before = h.events.len();
    let err = h.run("kf1", Harness::minutes(t0, 15), again()).unwrap_err();
    assert!(err.to_string().contains("nothing to transfer"), "{err}");
    assert_eq!(h.events.len(), before);
    let escalate = CommandKind::Escalate {
        reason: "需主管处理".into(),
        step: None,
    };
    h.run("h1", Harness::minutes(t0, 20), escalate).unwrap();
    refused(&mut h, Harness::minutes(t0, 30));
    h.run("head1", Harness::minutes(t0, 40), again()).unwrap();
    assert!(!h.case().assigned_before_take_over);
    assert_eq!(h.case().assignment.as_ref(), Some(&h1()));
    h.run("h1", Harness::minutes(t0, 50), reply()).unwrap();
}

#[test]
fn handed_refuses_a_case_nobody_was_handed() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let accepted = |value: serde_json::Value| {
        let mut h = harness(value);
        h.register_default(t0);
        let accept = CommandKind::Accept {
            override_reason: None,
        };
        h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
        h
    };
    // `true`: a case nobody was handed is anyone's (ruling 121).
    let mut h = accepted(true.into());
    h.run("h1", Harness::minutes(t0, 10), reply()).unwrap();
    // `"handed"`: nobody's until handed.
    let mut h = accepted("handed".into());
    let said = refused(&mut h, Harness::minutes(t0, 10));
    assert!(said.contains("nobody has been assigned it"), "{said}");
    h.run("kf1", Harness::minutes(t0, 20), to_h1()).unwrap();
    h.run("h1", Harness::minutes(t0, 30), reply()).unwrap();
}

/// A default complaint accepted (+5 min) and assigned (+10 min) with
/// `assignment`, `role` replying under `holds_case = value`; whether
/// `actor` may reply then (+20 min; a refusal names `holds_case` and
/// changes nothing).
fn replies(role: &str, value: serde_json::Value, assignment: Assignment, actor: &str) -> bool {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness_for(role, value);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    let assign = CommandKind::Assign { assignment };
    h.run("kf1", Harness::minutes(t0, 10), assign).unwrap();
    let before = h.events.len();
    let done = h.run(actor, Harness::minutes(t0, 20), reply());
    if let Err(e) = &done {
        assert!(e.to_string().contains("holds_case"), "{e}");
        assert_eq!(h.events.len(), before);
    }
    done.is_ok()
}

#[test]
fn co_handling_admits_a_department_called_in_and_true_does_not() {
    let with_cs = Assignment {
        co_handling: vec![did("cs")],
        ..h1()
    };
    let manager = |value: serde_json::Value, a: &Assignment| {
        replies("complaint_manager", value, a.clone(), "kf1")
    };
    // 客服部 was called in beside 工程部: its manager acts under
    // "co_handling", not under `true`; nor on a case it was not called in to.
    assert!(manager("co_handling".into(), &with_cs));
    assert!(!manager(true.into(), &with_cs));
    assert!(!manager("co_handling".into(), &h1()));
    // The general manager's 总经理室 is above 客服部, not called in.
    assert!(!replies(
        "general_manager",
        "co_handling".into(),
        with_cs,
        "gm"
    ));
}

#[test]
fn in_line_admits_a_department_above_the_lead_not_beside_it() {
    // 总经理室 is above 工程部, the lead: in line. 客服部 is beside it: not.
    assert!(replies("general_manager", "in_line".into(), h1(), "gm"));
    assert!(!replies("general_manager", true.into(), h1(), "gm"));
    assert!(!replies("complaint_manager", "in_line".into(), h1(), "kf1"));
}

/// The default complaint's first responder is kf1 of 客服部: before any
/// hand-over only 客服部 holds the case under `"received"` (under `true`,
/// anyone does); once assigned to h1 of 工程部, h1 holds it and 客服部 no
/// longer does.
#[test]
fn received_keeps_a_case_nobody_was_handed_with_the_department_that_received_it() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let accepted = |role: &str| {
        let mut h = harness_for(role, "received".into());
        h.register_default(t0);
        let accept = CommandKind::Accept {
            override_reason: None,
        };
        h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
        h
    };
    // 工程部's handler: not the receiving department, refused until handed.
    let mut h = accepted("handler");
    let said = refused(&mut h, Harness::minutes(t0, 10));
    assert!(said.contains("department that received it"), "{said}");
    h.run("kf1", Harness::minutes(t0, 20), to_h1()).unwrap();
    h.run("h1", Harness::minutes(t0, 30), reply()).unwrap();
    // 客服部's manager: the receiving department, holds it until handed on.
    let mut h = accepted("complaint_manager");
    h.run("kf1", Harness::minutes(t0, 10), reply()).unwrap();
    assert!(!replies(
        "complaint_manager",
        "received".into(),
        h1(),
        "kf1"
    ));
}

/// kf1 of 客服部 assigns the case to 工程部: under `"sent"` 客服部 still
/// holds it (under `true` it does not, above); 总经理室, above 客服部, does
/// not.
#[test]
fn sent_keeps_a_case_with_the_department_that_handed_it_on() {
    assert!(replies("complaint_manager", "sent".into(), h1(), "kf1"));
    assert!(!replies("general_manager", "sent".into(), h1(), "gm"));
    assert!(replies("handler", "sent".into(), h1(), "h1"));
}
