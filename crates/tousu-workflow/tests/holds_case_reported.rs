//! A grant's `holds_case = "reported"` (ruling 165): while a step someone
//! took by hand (a report up) stands taken over, the case is with the
//! holders of that step's role in the line of the reporter's department —
//! that department or one above it, every holder when none is there — and
//! with the reporter's department, which keeps the case it reported; else
//! as `true`. In a list it replaces `true` in the list's reading. `policy
//! check` finds it where no step taken by hand takes a case over
//! (`holds_case_applies`, ruling 157), and `acts_on_any_case` points a
//! grant held only after such a step to it.

mod common;

use common::*;
use tousu_model::Roster;
use tousu_policy::{Action, Grant, Policy, check_invariants};
use tousu_workflow::*;

/// The default policy where the department head assigns, and the handler
/// replies, only under `holds_case = value`.
fn policy(value: &serde_json::Value) -> Policy {
    policy_holding(
        &[
            ("department_head", Action::Assign),
            ("handler", Action::Reply),
        ],
        value,
    )
}

/// The common roster with 运维部 beside 工程部 (its head `oh`, its handler
/// `o1`) and a handler `c2` in 客服部, where no department head sits.
fn roster_with_two_lines() -> Roster {
    roster_with_ops(&[
        ("oh", "运维部 钱主管", "ops", "department_head"),
        ("o1", "运维部 周师傅", "ops", "handler"),
        ("c2", "客服部 值班员", "cs", "handler"),
    ])
}

fn assign_to(lead: &str, handler: &str) -> CommandKind {
    CommandKind::Assign {
        assignment: Assignment {
            lead: did(lead),
            handler: Some(sid(handler)),
            co_handling: vec![],
        },
    }
}

/// A default complaint registered at `t0` and accepted (+5 min), under
/// `holds_case = value`.
fn accepted(value: serde_json::Value, t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy(&value)).unwrap();
    h.roster = roster_with_two_lines();
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    h
}

/// [`accepted`], then reported up by `reporter` (+10 min): the step
/// `manual-head` takes it over to the department heads, nobody assigned.
fn reported_by(
    reporter: &str,
    value: serde_json::Value,
    t0: chrono::DateTime<chrono::Utc>,
) -> Harness {
    let mut h = accepted(value, t0);
    let escalate = CommandKind::Escalate {
        reason: "超出处理范围".into(),
        step: None,
    };
    h.run(reporter, Harness::minutes(t0, 10), escalate).unwrap();
    let last = h.case().escalations.last().unwrap();
    assert_eq!(last.by, Some(sid(reporter)), "the reporter is recorded");
    h
}

/// `actor`'s `kind`, refused for where the case is and changing nothing;
/// what the refusal says.
fn refused(
    h: &mut Harness,
    actor: &str,
    at: chrono::DateTime<chrono::Utc>,
    kind: CommandKind,
) -> String {
    let before = h.events.len();
    let err = h.run(actor, at, kind).unwrap_err();
    assert_eq!(h.events.len(), before);
    match err {
        Rejection::GrantConditionUnmet { unmet, .. } => unmet.join("; "),
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
}

#[test]
fn reported_gives_the_step_to_the_head_in_the_reporters_line_only() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // Under `true` a take-over before any assignment is every head's
    // (ruling 121): 运维部's head hands on 工程部's report.
    let mut h = reported_by("h1", true.into(), t0);
    h.run("oh", Harness::minutes(t0, 20), assign_to("ops", "o1"))
        .unwrap();
    // Under "reported" only the head in 工程部's line does.
    let mut h = reported_by("h1", "reported".into(), t0);
    let said = refused(
        &mut h,
        "oh",
        Harness::minutes(t0, 20),
        assign_to("ops", "o1"),
    );
    assert!(
        said.contains("`holds_case = \"reported\"`") && said.contains("ruling 165"),
        "{said}"
    );
    h.run("head1", Harness::minutes(t0, 30), assign_to("eng", "h1"))
        .unwrap();
    // Assigned after the take-over: read as `true`, the handler's.
    h.run("h1", Harness::minutes(t0, 40), spoken_reply())
        .unwrap();
}

#[test]
fn reported_gives_the_step_to_every_holder_when_none_is_in_the_reporters_line() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // 客服部 has no department head: every head holds it, as ruling 129.
    let mut h = reported_by("c2", "reported".into(), t0);
    h.run("oh", Harness::minutes(t0, 20), assign_to("ops", "o1"))
        .unwrap();
}

#[test]
fn reported_keeps_the_case_with_the_reporters_department() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // Under `true` the reporter is off the case it reported.
    let mut h = reported_by("h1", true.into(), t0);
    let said = refused(&mut h, "h1", Harness::minutes(t0, 20), spoken_reply());
    assert!(said.contains("gone elsewhere"), "{said}");
    // Under "reported" his department keeps it; 运维部 does not.
    let mut h = reported_by("h1", "reported".into(), t0);
    refused(&mut h, "o1", Harness::minutes(t0, 20), spoken_reply());
    h.run("h1", Harness::minutes(t0, 30), spoken_reply())
        .unwrap();
}

#[test]
fn handed_and_reported_refuses_a_case_nobody_was_handed() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let list = serde_json::json!(["handed", "reported"]);
    // Nobody handed it: nobody's, as under "handed" (ruling 130).
    let mut h = accepted(list.clone(), t0);
    let said = refused(
        &mut h,
        "head1",
        Harness::minutes(t0, 8),
        assign_to("eng", "h1"),
    );
    assert!(said.contains("ruling 156"), "{said}");
    // Reported up: the head in the reporter's line, not the one beside it.
    let mut h = reported_by("h1", list, t0);
    refused(
        &mut h,
        "oh",
        Harness::minutes(t0, 20),
        assign_to("ops", "o1"),
    );
    h.run("head1", Harness::minutes(t0, 30), assign_to("eng", "h1"))
        .unwrap();
}

#[test]
fn reported_loads_round_trips_and_an_older_record_has_no_reporter() {
    let g: Grant = serde_json::from_value(
        serde_json::json!({ "actions": ["assign"], "holds_case": "reported" }),
    )
    .unwrap();
    assert_eq!(g.holds_case, tousu_policy::HoldsCase::Reported);
    assert_eq!(serde_json::to_value(&g).unwrap()["holds_case"], "reported");
    let g: Grant = serde_json::from_value(serde_json::json!({
        "actions": ["assign"],
        "holds_case": ["reported", "sent"],
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&g).unwrap()["holds_case"],
        serde_json::json!(["sent", "reported"])
    );
    let twice = serde_json::from_value::<Grant>(serde_json::json!({
        "actions": ["assign"],
        "holds_case": ["reported", "reported"],
    }))
    .unwrap_err();
    assert!(twice.to_string().contains("named twice"), "{twice}");
    // A record stored before the reporter was kept loads, with none.
    let old: EscalationRecord = serde_json::from_value(serde_json::json!({
        "step": "manual-head",
        "take_over": "department_head",
        "at": "2026-03-16T01:10:00Z",
        "round": 1,
    }))
    .unwrap();
    assert_eq!(old.by, None);
}

#[test]
fn reported_where_no_step_taken_by_hand_takes_a_case_over_is_found() {
    let findings = |p: &Policy| -> Vec<(String, String)> {
        check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "holds_case_applies")
            .map(|f| (f.path, f.message))
            .collect()
    };
    let mut p = policy(&serde_json::json!(["handed", "reported"]));
    assert!(findings(&p).is_empty(), "{:?}", findings(&p));
    for step in &mut p.escalation {
        if matches!(step.after, tousu_policy::EscalationTrigger::Manual) {
            step.take_over = None;
        }
    }
    let found = findings(&p);
    assert_eq!(found.len(), 2, "{found:?}");
    let (path, message) = &found[0];
    assert!(path.ends_with(".holds_case"), "{path}");
    assert!(
        message.contains("ruling 165") && message.contains("write `holds_case = \"handed\"`"),
        "{message}"
    );
}

/// `acts_on_any_case` points a grant held only after a step taken by hand
/// that takes the case over, no `holds_case`, to `"reported"`: S25's team
/// leader handing on a call passed up to him before the value existed.
#[test]
fn acts_on_any_case_names_reported_for_a_grant_after_a_report_up() {
    let (mut p, i) = s18_responsible_dept();
    let note = |p: &Policy| any_case_note(p, i);
    let hint = "hold only after a step taken by hand";
    assert!(note(&p).is_none_or(|m| !m.contains(hint)));
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
            "grants[{j}] hold only after a step taken by hand that takes the case over"
        )) && message.contains("`holds_case = \"reported\"` (ruling 165)"),
        "{message}"
    );
}
