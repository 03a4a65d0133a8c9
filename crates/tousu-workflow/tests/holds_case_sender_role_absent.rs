//! A grant's `holds_case = "sender"` and `"role_absent"` (ruling 166).
//! `"sender"`: the department that made the case's standing hand-over keeps
//! it through a take-over (`"sent"` loses it then, ruling 152) — S29's city
//! station reporting to the province on a case it charged to a unit after
//! the province took it up. `"role_absent"`: when the standing assignment
//! went where no holder of the grant's role is, every holder of the role
//! holds it — S41's 品质科 or 工程科 reporting on a case the 副总 sent to the
//! 生产部. `policy check` finds either where it changes nothing
//! (`holds_case_applies`, ruling 157).

mod common;

use common::*;
use tousu_model::Roster;
use tousu_policy::{Action, Grant, HoldsCase, Policy, check_invariants};
use tousu_workflow::*;

/// The default policy where the handler replies only under `holds_case =
/// value`.
fn policy(value: &serde_json::Value) -> Policy {
    policy_holding(&[("handler", Action::Reply)], value)
}

/// The common roster, with 运维部 beside 工程部 under 总经理室 (a handler
/// `o1`), and a second handler `h2` of 工程部.
fn roster_with_handlers() -> Roster {
    roster_with_ops(&[
        ("o1", "周师傅", "ops", "handler"),
        ("h2", "吴师傅", "eng", "handler"),
    ])
}

/// A default complaint registered at `t0`, accepted (+5 min) and assigned
/// by 客服部 to `lead` (+10 min), the handler replying under `holds_case =
/// value`.
fn assigned(value: serde_json::Value, lead: &str, t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy(&value)).unwrap();
    h.roster = roster_with_handlers();
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    let assignment = Assignment {
        lead: did(lead),
        handler: None,
        co_handling: vec![],
    };
    h.run(
        "kf1",
        Harness::minutes(t0, 10),
        CommandKind::Assign { assignment },
    )
    .unwrap();
    h
}

/// [`assigned`] to 工程部, whose head transfers it to 运维部 (+15 min); then,
/// if `take_over`, `o1` reports it up and a department head takes it over
/// (+20 min; none is over 运维部, so every holder, ruling 129).
fn sent_on(
    value: serde_json::Value,
    take_over: bool,
    t0: chrono::DateTime<chrono::Utc>,
) -> Harness {
    let mut h = assigned(value, "eng", t0);
    let transfer = CommandKind::Transfer {
        assignment: Assignment {
            lead: did("ops"),
            handler: Some(sid("o1")),
            co_handling: vec![],
        },
        reason: "属运维部".into(),
    };
    h.run("head1", Harness::minutes(t0, 15), transfer).unwrap();
    if take_over {
        let escalate = CommandKind::Escalate {
            reason: "需主管处理".into(),
            step: None,
        };
        h.run("o1", Harness::minutes(t0, 20), escalate).unwrap();
        assert!(h.case().assigned_before_take_over);
    }
    h
}

/// `actor`'s reply, refused for where the case is and changing nothing;
/// what the refusal says.
fn refused(h: &mut Harness, actor: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let before = h.events.len();
    let err = h.run(actor, at, spoken_reply()).unwrap_err();
    assert_eq!(h.events.len(), before);
    match err {
        Rejection::GrantConditionUnmet { unmet, .. } => unmet.join("; "),
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
}

#[test]
fn sender_keeps_the_department_that_handed_the_case_on_through_a_take_over() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // Not taken over: "sent" and "sender" alike admit 工程部, which sent it.
    let mut h = sent_on("sent".into(), false, t0);
    h.run("h2", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
    let mut h = sent_on("sender".into(), false, t0);
    h.run("h2", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
    // Taken over: "sent" loses 工程部 (ruling 152), "sender" keeps it.
    let mut h = sent_on("sent".into(), true, t0);
    refused(&mut h, "h2", Harness::minutes(t0, 30));
    let mut h = sent_on("sender".into(), true, t0);
    h.run("h2", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
}

#[test]
fn sender_does_not_admit_the_lead_after_a_take_over_nor_a_department_beside() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // 运维部 leads the assignment; after the take-over only "lead" keeps it.
    let mut h = sent_on("sender".into(), true, t0);
    let said = refused(&mut h, "o1", Harness::minutes(t0, 30));
    assert!(
        said.contains("`holds_case = \"sender\"`") && said.contains("ruling 166"),
        "{said}"
    );
    let mut h = sent_on(serde_json::json!(["lead", "sender"]), true, t0);
    h.run("o1", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
    // Assigned by 客服部 (no handler there) to 工程部: 运维部 is beside it.
    let mut h = assigned("sender".into(), "eng", t0);
    refused(&mut h, "o1", Harness::minutes(t0, 30));
    h.run("h2", Harness::minutes(t0, 35), spoken_reply())
        .unwrap();
}

#[test]
fn role_absent_admits_every_holder_only_when_the_case_went_where_none_is() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // Sent to 工程部, where handlers are: 运维部's handler is off it.
    let mut h = assigned("role_absent".into(), "eng", t0);
    let said = refused(&mut h, "o1", Harness::minutes(t0, 30));
    assert!(
        said.contains("`holds_case = \"role_absent\"`") && said.contains("ruling 166"),
        "{said}"
    );
    h.run("h2", Harness::minutes(t0, 35), spoken_reply())
        .unwrap();
    // Sent to 客服部, where no handler is: every handler holds it.
    let mut h = assigned("role_absent".into(), "cs", t0);
    h.run("o1", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
    // Under `true` none of them does.
    let mut h = assigned(true.into(), "cs", t0);
    refused(&mut h, "o1", Harness::minutes(t0, 30));
}

#[test]
fn role_absent_reads_the_assignment_through_a_take_over_with_lead() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let list = serde_json::json!(["lead", "role_absent"]);
    // 运维部 has a handler: after the take-over 运维部 keeps it ("lead"),
    // 工程部 does not.
    let mut h = sent_on(list.clone(), true, t0);
    refused(&mut h, "h2", Harness::minutes(t0, 30));
    h.run("o1", Harness::minutes(t0, 35), spoken_reply())
        .unwrap();
}

#[test]
fn sender_and_role_absent_load_round_trip_and_list() {
    for (text, value) in [
        ("sender", HoldsCase::Sender),
        ("role_absent", HoldsCase::RoleAbsent),
    ] {
        let g: Grant =
            serde_json::from_value(serde_json::json!({ "actions": ["reply"], "holds_case": text }))
                .unwrap();
        assert_eq!(g.holds_case, value);
        assert_eq!(serde_json::to_value(&g).unwrap()["holds_case"], text);
    }
    let list = serde_json::json!(["received", "lead", "sender", "role_absent"]);
    let g: Grant =
        serde_json::from_value(serde_json::json!({ "actions": ["reply"], "holds_case": list }))
            .unwrap();
    assert_eq!(serde_json::to_value(&g).unwrap()["holds_case"], list);
    let twice = serde_json::from_value::<Grant>(serde_json::json!({
        "actions": ["reply"],
        "holds_case": ["sender", "sender"],
    }))
    .unwrap_err();
    assert!(twice.to_string().contains("named twice"), "{twice}");
    let wrong = serde_json::from_value::<Grant>(serde_json::json!({
        "actions": ["reply"],
        "holds_case": "senders",
    }))
    .unwrap_err();
    assert!(
        wrong.to_string().contains("\"sender\"") && wrong.to_string().contains("\"role_absent\""),
        "{wrong}"
    );
}

fn applies(p: &Policy) -> Vec<(String, String)> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == "holds_case_applies")
        .map(|f| (f.path, f.message))
        .collect()
}

#[test]
fn sender_where_no_step_takes_a_case_over_is_found_as_sent() {
    let mut p = policy(&serde_json::json!(["handed", "sender"]));
    assert!(applies(&p).is_empty(), "{:?}", applies(&p));
    for step in &mut p.escalation {
        step.take_over = None;
    }
    let found = applies(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, message) = &found[0];
    assert!(path.ends_with(".holds_case"), "{path}");
    assert!(
        message.contains("ruling 166")
            && message.contains("write `holds_case = [\"handed\", \"sent\"]`"),
        "{message}"
    );
}

#[test]
fn role_absent_where_no_case_is_assigned_is_found() {
    let mut p = policy(&serde_json::json!(["lead", "role_absent"]));
    assert!(applies(&p).is_empty(), "{:?}", applies(&p));
    for role in &mut p.roles {
        role.actions
            .retain(|a| !matches!(a, Action::Assign | Action::Transfer));
    }
    let found = applies(&p);
    // "lead" and "role_absent" each read as if absent.
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("\"role_absent\"") && m.contains("ruling 166")),
        "{found:?}"
    );
}
