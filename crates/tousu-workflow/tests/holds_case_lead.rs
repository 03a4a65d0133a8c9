//! A grant's `holds_case = "lead"` (ruling 173): the named handler and
//! the lead department of the case's standing assignment keep the case
//! after a step took it over (ruling 129 displaced them under `true`),
//! while a department beside the lead never holds it; in a list it widens
//! `"handed"`. `policy check` finds `"lead"` where it changes nothing
//! (`holds_case_applies`, ruling 157).

mod common;

use common::*;
use tousu_model::Roster;
use tousu_policy::{Action, Grant, Policy, check_invariants};
use tousu_workflow::*;

/// The default policy where the handler replies only under `holds_case =
/// value`.
fn policy(value: &serde_json::Value) -> Policy {
    policy_holding(&[("handler", Action::Reply)], value)
}

/// The common roster, a handler `o1` of 运维部, a department beside 工程部
/// under 总经理室, and a second handler `h2` of 工程部 (`resp` is the
/// default complaint's respondent, recused).
fn roster_with_another_department() -> Roster {
    roster_with_ops(&[
        ("o1", "周师傅", "ops", "handler"),
        ("h2", "吴师傅", "eng", "handler"),
    ])
}

/// A default complaint registered at `t0` and accepted (+5 min), the
/// handler replying under `holds_case = value`.
fn accepted(value: serde_json::Value, t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy(&value)).unwrap();
    h.roster = roster_with_another_department();
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    h
}

/// [`accepted`], then assigned to h1 of 工程部 (+10 min), who reports it up
/// to his head, who takes it over (+20 min, ruling 129).
fn taken_over(value: serde_json::Value, t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = accepted(value, t0);
    let assignment = Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    };
    h.run(
        "kf1",
        Harness::minutes(t0, 10),
        CommandKind::Assign { assignment },
    )
    .unwrap();
    let escalate = CommandKind::Escalate {
        reason: "需主管处理".into(),
        step: None,
    };
    h.run("h1", Harness::minutes(t0, 20), escalate).unwrap();
    assert!(h.case().assigned_before_take_over);
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
fn lead_keeps_the_handler_and_his_department_through_a_take_over() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // Under `true` the take-over displaced the named handler (ruling 129).
    let mut h = taken_over(true.into(), t0);
    let said = refused(&mut h, "h1", Harness::minutes(t0, 30));
    assert!(said.contains("gone elsewhere"), "{said}");
    // Under "lead" he keeps it, and so does his department.
    let mut h = taken_over("lead".into(), t0);
    h.run("h1", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
    let mut h = taken_over("lead".into(), t0);
    h.run("h2", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
}

#[test]
fn lead_does_not_admit_a_department_beside_the_lead() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = taken_over("lead".into(), t0);
    let said = refused(&mut h, "o1", Harness::minutes(t0, 30));
    assert!(
        said.contains("`holds_case = \"lead\"`") && said.contains("ruling 173"),
        "{said}"
    );
    // Assigned and not taken over, it reads as `true`: 运维部 is off it.
    let mut h = accepted("lead".into(), t0);
    let assignment = Assignment {
        lead: did("eng"),
        handler: None,
        co_handling: vec![],
    };
    h.run(
        "kf1",
        Harness::minutes(t0, 10),
        CommandKind::Assign { assignment },
    )
    .unwrap();
    refused(&mut h, "o1", Harness::minutes(t0, 15));
    h.run("h1", Harness::minutes(t0, 20), spoken_reply())
        .unwrap();
}

#[test]
fn handed_and_lead_refuses_a_case_nobody_was_handed_and_keeps_a_taken_over_one() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let list = serde_json::json!(["handed", "lead"]);
    // Nobody handed it: nobody's, as under "handed" (ruling 130); "lead"
    // adds nothing with no assignment.
    let mut h = accepted(list.clone(), t0);
    let said = refused(&mut h, "h1", Harness::minutes(t0, 10));
    assert!(said.contains("ruling 156"), "{said}");
    // Assigned, then taken over: the handler keeps it.
    let mut h = taken_over(list, t0);
    h.run("h1", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
    refused(&mut h, "o1", Harness::minutes(t0, 40));
}

#[test]
fn lead_loads_round_trips_and_is_listed_with_the_other_values() {
    let g: Grant =
        serde_json::from_value(serde_json::json!({ "actions": ["reply"], "holds_case": "lead" }))
            .unwrap();
    assert_eq!(g.holds_case, tousu_policy::HoldsCase::Lead);
    assert_eq!(serde_json::to_value(&g).unwrap()["holds_case"], "lead");
    let g: Grant = serde_json::from_value(serde_json::json!({
        "actions": ["reply"],
        "holds_case": ["received", "lead"],
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&g).unwrap()["holds_case"],
        serde_json::json!(["received", "lead"])
    );
    let twice = serde_json::from_value::<Grant>(serde_json::json!({
        "actions": ["reply"],
        "holds_case": ["lead", "lead"],
    }))
    .unwrap_err();
    assert!(twice.to_string().contains("named twice"), "{twice}");
    let wrong = serde_json::from_value::<Grant>(serde_json::json!({
        "actions": ["reply"],
        "holds_case": "leader",
    }))
    .unwrap_err();
    assert!(wrong.to_string().contains("\"lead\""), "{wrong}");
}

#[test]
fn lead_where_no_step_takes_a_case_over_is_found() {
    let findings = |p: &Policy| -> Vec<(String, String)> {
        check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "holds_case_applies")
            .map(|f| (f.path, f.message))
            .collect()
    };
    let mut p = policy(&serde_json::json!(["handed", "lead"]));
    assert!(findings(&p).is_empty(), "{:?}", findings(&p));
    for step in &mut p.escalation {
        step.take_over = None;
    }
    let found = findings(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, message) = &found[0];
    assert!(path.ends_with(".holds_case"), "{path}");
    assert!(
        message.contains("ruling 173") && message.contains("write `holds_case = \"handed\"`"),
        "{message}"
    );
}

/// `acts_on_any_case` points a grant held only after a take-over step, no
/// `holds_case`, to `"lead"`: S18's way of keeping the department on the
/// case handed up to its 主管领导 before the value existed.
#[test]
fn acts_on_any_case_names_lead_for_a_grant_after_a_take_over() {
    let (mut p, i) = s18_responsible_dept();
    let note = |p: &Policy| any_case_note(p, i);
    assert!(note(&p).is_none_or(|m| !m.contains("ruling 173")));
    let grant: Grant = serde_json::from_value(serde_json::json!({
        "actions": ["reply"],
        "after_escalation": ["manual-leader"],
    }))
    .unwrap();
    p.roles[i].grants.push(grant);
    let j = p.roles[i].grants.len() - 1;
    let message = note(&p).unwrap();
    assert!(
        message.contains(&format!(
            "grants[{j}] hold only after a step that takes the case over"
        )) && message.contains("`holds_case = \"lead\"` (ruling 173)"),
        "{message}"
    );
}
