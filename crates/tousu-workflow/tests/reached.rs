//! A grant's `reached` (ruling 160): it holds once the case has been in
//! one of its statuses, in this round or an earlier one, though the case
//! has moved on since; the case keeps the statuses it entered (a replay
//! finds them, a document written before them loads and reads its current
//! status); validation refuses an empty list and `registered` by path, and
//! the invariants find a status no role can put a case in.

mod common;

use common::*;
use tousu_model::{FaultParty, Remedy, RemedyKind, Satisfaction};
use tousu_policy::{Action, DEFAULT_POLICY_TOML, Grant, Policy, Status, check_invariants};
use tousu_workflow::*;

/// The default policy where the handler reports a case up (`escalate`, the
/// step `manual-head`) only once it was decided: approved or answered.
fn harness() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    let grant: Grant = serde_json::from_value(serde_json::json!({
        "actions": ["escalate"],
        "reached": ["approved", "replied"],
    }))
    .unwrap();
    let handler = policy
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "handler")
        .unwrap();
    handler.actions.retain(|a| *a != Action::Escalate);
    handler.grants.push(grant);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn escalate() -> CommandKind {
    CommandKind::Escalate {
        reason: "对处理决议有异议".into(),
        step: None,
    }
}

/// The handler's escalation is refused, naming `reached`, and records nothing.
fn refused(h: &mut Harness, at: chrono::DateTime<chrono::Utc>) {
    let before = h.events.len();
    match h.run("h1", at, escalate()).unwrap_err() {
        Rejection::GrantConditionUnmet { unmet, .. } => assert_eq!(
            unmet,
            [
                "role handler (grants[0]): the case must have reached one of the statuses approved, replied at some time, in any round (`reached`; it has not)"
            ]
        ),
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
    assert_eq!(h.events.len(), before);
}

/// Under investigation from `t0`: findings, a 500 元 proposal and the head's
/// approval, 60–80 minutes in.
fn decided(h: &mut Harness, t0: chrono::DateTime<chrono::Utc>) {
    h.investigating_from(t0);
    refused(h, Harness::minutes(t0, 40));
    let findings = CommandKind::RecordFindings {
        validity: None,
        fault: Some(FaultParty::Us),
        responsible: vec![],
        note: None,
    };
    h.run("h1", Harness::minutes(t0, 50), findings).unwrap();
    let remedies =
        vec![Remedy::with_amount(RemedyKind::Compensation, "500".parse().unwrap()).unwrap()];
    let propose = CommandKind::ProposeSolution {
        remedies,
        note: None,
    };
    h.run("h1", Harness::minutes(t0, 60), propose).unwrap();
    refused(h, Harness::minutes(t0, 70));
    h.run("head1", Harness::minutes(t0, 80), CommandKind::Approve)
        .unwrap();
}

#[test]
fn reached_holds_once_the_case_was_decided_and_not_before() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness();
    decided(&mut h, t0);
    assert_eq!(h.case().status, Status::Approved);
    h.run("h1", Harness::minutes(t0, 90), escalate()).unwrap();
}

#[test]
fn reached_holds_in_a_later_round_and_the_case_keeps_what_it_entered() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness();
    decided(&mut h, t0);
    let reply = CommandKind::Reply {
        text: "已赔偿500元".into(),
        written: false,
    };
    h.run("kf1", Harness::minutes(t0, 100), reply).unwrap();
    let callback = CommandKind::RecordCallback {
        satisfaction: Satisfaction::Unsatisfied,
        note: None,
    };
    h.run("kf1", Harness::minutes(t0, 110), callback).unwrap();
    let reopen = CommandKind::Reopen {
        reason: "客户不满意".into(),
    };
    h.run("gm", Harness::minutes(t0, 120), reopen).unwrap();
    assert_eq!(h.case().round, 2);
    assert!(!matches!(
        h.case().status,
        Status::Approved | Status::Replied
    ));
    assert!(h.case().statuses_reached.contains(Status::Replied));
    // The second round's status is not a decision; the first round's was.
    h.run("h1", Harness::minutes(t0, 130), escalate()).unwrap();
    let replayed = Case::replay_events(&h.events).unwrap();
    assert_eq!(replayed.statuses_reached, h.case().statuses_reached);
}

#[test]
fn a_case_stored_before_the_statuses_were_kept_loads_and_reads_its_status() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness();
    decided(&mut h, t0);
    let mut json = serde_json::to_value(h.case()).unwrap();
    assert!(json.get("statuses_reached").is_some(), "{json}");
    json.as_object_mut().unwrap().remove("statuses_reached");
    let old: Case = serde_json::from_value(json).unwrap();
    assert!(old.statuses_reached.is_empty());
    assert_eq!(old.status, Status::Approved);
    h.case = Some(old);
    h.run("h1", Harness::minutes(t0, 90), escalate()).unwrap();
}

/// The policy text with `g` as the handler's first grant.
fn with(g: &str) -> String {
    let text = DEFAULT_POLICY_TOML.replacen(
        "id = \"handler\"\n",
        &format!("id = \"handler\"\ngrants = [{g}]\n"),
        1,
    );
    assert_ne!(text, DEFAULT_POLICY_TOML);
    text
}

#[test]
fn reached_is_refused_empty_registered_or_on_a_register_grant_by_path() {
    let report = |g: &str| Policy::parse_toml(&with(g)).unwrap().check().to_string();
    let empty = report(r#"{ actions = ["close"], reached = [] }"#);
    assert!(
        empty.contains("roles[1].grants[0].reached: is empty"),
        "{empty}"
    );
    let always = report(r#"{ actions = ["close"], reached = ["replied", "registered"] }"#);
    assert!(
        always.contains("roles[1].grants[0].reached[1]: every case starts registered"),
        "{always}"
    );
    let register = report(r#"{ actions = ["register"], reached = ["replied"] }"#);
    assert!(
        register.contains("roles[1].grants[0].reached")
            && register.contains("a grant of `register` tests what the registration says"),
        "{register}"
    );
    Policy::from_toml_str(&with(r#"{ actions = ["close"], reached = ["replied"] }"#)).unwrap();
}

#[test]
fn a_status_no_role_puts_a_case_in_is_found() {
    let found = |text: &str| {
        check_invariants(&Policy::parse_toml(text).unwrap())
            .into_iter()
            .filter(|f| f.invariant == "grants_can_hold" && f.path.contains(".reached"))
            .map(|f| format!("{}: {}", f.path, f.message))
            .collect::<Vec<_>>()
    };
    let text = with(r#"{ actions = ["close"], reached = ["awaiting_approval"] }"#);
    assert!(found(&text).is_empty(), "{:?}", found(&text));
    // Nobody proposes a solution: no case awaits approval.
    let nobody = text.replace("\"propose_solution\", ", "");
    assert_eq!(
        found(&nobody),
        [
            "roles[1].grants[0].reached[0]: no role may take the action that puts a case in awaiting_approval, so no case ever reaches it and the grant never holds"
        ]
    );
}
