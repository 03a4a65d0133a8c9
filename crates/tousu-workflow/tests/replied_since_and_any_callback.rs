//! Two conditions the audits could not say (issue 13, twenty-second session):
//! a grant's `replied_since_escalation` (ruling 168: an act allowed only once
//! the case was answered after a step took it up, S15 4.2 E), and a closure
//! that needs a callback of any answer (`closure.callback = "any"` or
//! `callback_otherwise = "any"`, ruling 169: the record of the reply, S11
//! 第八条(三)), as the engine reads them and as validation refuses their
//! mistakes, by path.

mod common;

use common::*;
use tousu_model::Satisfaction;
use tousu_policy::{Action, ClosureCallback, Grant, Policy, Severity};
use tousu_workflow::*;

type At = chrono::DateTime<chrono::Utc>;

/// The default policy where the 总经理 ends a case abnormally only once it
/// was answered since his step (`manual-gm`) took it up.
fn division_policy() -> Policy {
    let mut policy = Policy::default_policy().unwrap();
    let gm = policy
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "general_manager")
        .unwrap();
    gm.actions.retain(|a| *a != Action::CloseAbnormally);
    let grant: Grant = serde_json::from_value(serde_json::json!({
        "actions": ["close_abnormally"],
        "replied_since_escalation": ["manual-gm"],
    }))
    .unwrap();
    gm.grants.push(grant);
    policy.validate().unwrap();
    policy
}

fn harness(policy: Policy) -> Harness {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn reply() -> CommandKind {
    CommandKind::Reply {
        text: "已安排维修".into(),
        written: false,
    }
}

fn escalate() -> CommandKind {
    CommandKind::Escalate {
        reason: "无法自行处理".into(),
        step: None,
    }
}

fn end() -> CommandKind {
    CommandKind::CloseAbnormally {
        reason: "客户要求超出政策".into(),
    }
}

/// The 总经理's abnormal closure is refused, naming `why`, and changes nothing.
fn gm_may_not_end(h: &mut Harness, at: At, why: &str) {
    let before = h.events.len();
    match h.run("gm", at, end()).unwrap_err() {
        Rejection::GrantConditionUnmet { unmet, .. } => assert_eq!(
            unmet,
            [format!(
                "role general_manager (grants[0]): the case must have been answered since one of the escalation steps manual-gm was taken (`replied_since_escalation`; {why})"
            )]
        ),
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
    assert_eq!(h.events.len(), before);
}

#[test]
fn replied_since_escalation_waits_for_an_answer_after_the_step() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness(division_policy());
    h.investigating_from(t0);
    h.run("h1", Harness::minutes(t0, 40), reply()).unwrap();
    // Answered, but no step was taken: the grant does not hold.
    gm_may_not_end(&mut h, Harness::minutes(t0, 45), "none has been taken");
    h.run(
        "kf1",
        Harness::minutes(t0, 48),
        callback(Satisfaction::Unsatisfied),
    )
    .unwrap();
    h.run("h1", Harness::minutes(t0, 50), escalate()).unwrap();
    h.run("head1", Harness::minutes(t0, 60), escalate())
        .unwrap();
    // The case reached the 总经理 still `replied` from the handler's answer: a
    // `statuses = ["replied"]` grant would hold here; this one does not.
    assert_eq!(h.case().status, Status::Replied);
    assert_eq!(h.case().escalations_before_reply, 0);
    gm_may_not_end(
        &mut h,
        Harness::minutes(t0, 70),
        "there has been none since",
    );
    let reopen = CommandKind::Reopen {
        reason: "总经理重新处理".into(),
    };
    h.run("gm", Harness::minutes(t0, 75), reopen).unwrap();
    h.run("kf1", Harness::minutes(t0, 80), reply()).unwrap();
    let taken = u32::try_from(h.case().escalations.len()).unwrap();
    assert!(taken >= 2, "{:?}", h.case().escalations);
    assert_eq!(h.case().escalations_before_reply, taken);
    h.run("gm", Harness::minutes(t0, 90), end()).unwrap();
    assert_eq!(h.case().status, Status::Closed);
    // Replayed from its events, the case finds the same count.
    let replayed = Case::replay_events(&h.events).unwrap();
    assert_eq!(replayed, *h.case());
}

#[test]
fn a_case_document_written_before_the_count_loads_as_no_reply_since_a_step() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness(division_policy());
    h.investigating_from(t0);
    h.run("h1", Harness::minutes(t0, 40), escalate()).unwrap();
    h.run("h1", Harness::minutes(t0, 50), reply()).unwrap();
    let mut json = serde_json::to_value(h.case()).unwrap();
    assert_eq!(json["escalations_before_reply"], 1);
    json.as_object_mut()
        .unwrap()
        .remove("escalations_before_reply");
    let old: Case = serde_json::from_value(json).unwrap();
    assert_eq!(old.escalations_before_reply, 0);
    // A case never answered since a step does not write the field.
    let mut fresh = harness(division_policy());
    fresh.investigating_from(t0);
    let json = serde_json::to_value(fresh.case()).unwrap();
    assert!(json.get("escalations_before_reply").is_none(), "{json}");
}

/// The default policy with `[closure]` as `toml` says.
fn with_closure(toml: &str) -> Result<Policy, String> {
    let text = format!("{}\n[closure]\n{toml}\n", tousu_policy::DEFAULT_POLICY_TOML);
    Policy::from_toml_str(&text).map_err(|e| e.to_string())
}

fn callback(satisfaction: Satisfaction) -> CommandKind {
    CommandKind::RecordCallback {
        satisfaction,
        note: Some("意见登记薄已记录处理和回复情况".into()),
    }
}

#[test]
fn a_callback_of_any_answer_closes_an_unsatisfied_case_and_none_does_not() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let policy = with_closure(r#"callback = "any""#).unwrap();
    assert_eq!(policy.closure.callback, ClosureCallback::Any);
    let mut h = harness(policy);
    h.investigating_from(t0);
    h.run("h1", Harness::minutes(t0, 40), reply()).unwrap();
    let refused = h
        .run("kf1", Harness::minutes(t0, 50), CommandKind::Close)
        .unwrap_err();
    assert!(
        refused.to_string().contains("any answer"),
        "closing before the record: {refused}"
    );
    h.run(
        "kf1",
        Harness::minutes(t0, 60),
        callback(Satisfaction::Unsatisfied),
    )
    .unwrap();
    h.run("kf1", Harness::minutes(t0, 70), CommandKind::Close)
        .unwrap();
    let closure = h.case().closure.clone().unwrap();
    assert_eq!(closure.kind, ClosureKind::Unsatisfied);
    // Under the default (a satisfied callback) the same record does not close it.
    let mut h = harness(Policy::default_policy().unwrap());
    h.investigating_from(t0);
    h.run("h1", Harness::minutes(t0, 40), reply()).unwrap();
    h.run(
        "kf1",
        Harness::minutes(t0, 60),
        callback(Satisfaction::Unsatisfied),
    )
    .unwrap();
    let refused = h
        .run("kf1", Harness::minutes(t0, 70), CommandKind::Close)
        .unwrap_err();
    assert!(refused.to_string().contains("unsatisfied"), "{refused}");
}

#[test]
fn callback_otherwise_is_what_the_cases_outside_callback_when_need() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // The default complaint comes by phone: outside `callback_when`.
    let policy = with_closure(
        "callback = \"none\"\ncallback_when = { channel = [\"opinion_book\"] }\ncallback_otherwise = \"any\"",
    )
    .unwrap();
    let mut h = harness(policy);
    h.investigating_from(t0);
    h.run("h1", Harness::minutes(t0, 40), reply()).unwrap();
    let refused = h
        .run("kf1", Harness::minutes(t0, 50), CommandKind::Close)
        .unwrap_err();
    assert!(refused.to_string().contains("any answer"), "{refused}");
    h.run(
        "kf1",
        Harness::minutes(t0, 60),
        callback(Satisfaction::Unsatisfied),
    )
    .unwrap();
    h.run("kf1", Harness::minutes(t0, 70), CommandKind::Close)
        .unwrap();
    assert_eq!(h.case().status, Status::Closed);
}

#[test]
fn the_mistakes_are_refused_by_path() {
    let err = with_closure("callback_otherwise = \"any\"").unwrap_err();
    assert!(err.contains("closure.callback_otherwise"), "{err}");
    let err = with_closure(
        "callback = \"any\"\ncallback_when = { channel = [\"visit\"] }\ncallback_otherwise = \"any\"",
    )
    .unwrap_err();
    assert!(err.contains("closure.callback_when"), "{err}");
    // `callback = "satisfied"` beside `callback_otherwise = "none"` says something.
    with_closure("callback_when = { channel = [\"visit\"] }\ncallback_otherwise = \"none\"")
        .unwrap();
    // `needs_callback_at` beside a closure that is not always satisfied.
    with_closure(
        "callback_when = { channel = [\"visit\"] }\ncallback_otherwise = \"any\"\nneeds_callback_at = [\"major\"]",
    )
    .unwrap();

    let grant = |g: &str| {
        let text = tousu_policy::DEFAULT_POLICY_TOML.replacen(
            "id = \"general_manager\"",
            &format!("id = \"general_manager\"\ngrants = [{g}]"),
            1,
        );
        Policy::from_toml_str(&text).map_err(|e| e.to_string())
    };
    let err =
        grant(r#"{ actions = ["reopen"], replied_since_escalation = ["nope"] }"#).unwrap_err();
    assert!(
        err.contains("roles[3].grants[0].replied_since_escalation[0]"),
        "{err}"
    );
    let err = grant(r#"{ actions = ["register"], replied_since_escalation = ["manual-gm"] }"#)
        .unwrap_err();
    assert!(
        err.contains("roles[3].grants[0].replied_since_escalation"),
        "{err}"
    );
    let old = tousu_policy::DEFAULT_POLICY_TOML
        .replacen("schema_version = 2", "schema_version = 1", 1)
        .replacen(
            "id = \"general_manager\"",
            "id = \"general_manager\"\ngrants = [{ actions = [\"reopen\"], replied_since_escalation = [\"manual-gm\"] }]",
            1,
        );
    let err = Policy::from_toml_str(&old).unwrap_err().to_string();
    assert!(
        err.contains(
            "roles[3].grants[0].replied_since_escalation: is an option of schema_version 2"
        ),
        "{err}"
    );
    // A grant that ends with the step it waits for an answer since never holds.
    let p = grant(
        r#"{ actions = ["reopen"], replied_since_escalation = ["manual-gm"], not_after_escalation = ["manual-gm"] }"#,
    )
    .unwrap();
    let found: Vec<_> = tousu_policy::check_invariants(&p)
        .into_iter()
        .filter(|f| f.path == "roles[3].grants[0].replied_since_escalation")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].invariant, "grants_can_hold");
}
