//! A grant of `record_findings` limited to some facts (`facts`, ruling
//! 150) read by the engine: the handler records its findings and the facts
//! the grant names, and is refused any other fact — naming the fact and
//! what it may record — with nothing changed; a grant naming no `facts`
//! and the role's `actions` record any fact.

mod common;

use common::*;
use tousu_model::{FactName, FactValue};
use tousu_policy::{Action, Grant, Policy};
use tousu_workflow::*;

/// The default policy whose handler records findings by a grant naming
/// `facts` (`None`: the grant names none).
fn harness(facts: Option<&[&str]>) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    let mut grant =
        serde_json::json!({ "actions": ["record_findings"], "statuses": ["investigating"] });
    if let Some(facts) = facts {
        grant["facts"] = serde_json::json!(facts);
    }
    let grant: Grant = serde_json::from_value(grant).unwrap();
    for role in &mut policy.roles {
        if role.id.as_str() == "handler" {
            role.actions.retain(|a| *a != Action::RecordFindings);
            role.grants.push(grant.clone());
        }
    }
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn found(name: &str) -> CommandKind {
    CommandKind::RecordFacts {
        facts: [(FactName::new(name).unwrap(), FactValue::Bool(true))].into(),
    }
}

fn findings() -> CommandKind {
    CommandKind::RecordFindings {
        validity: None,
        fault: None,
        responsible: vec![],
        note: Some("查明原因".into()),
    }
}

#[test]
fn a_limited_grant_records_its_facts_and_refuses_others_changing_nothing() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness(Some(&["misunderstanding"]));
    h.investigating_from(t0);
    let before = h.events.len();
    // Two facts at once: refused for the one it may not record.
    let both = CommandKind::RecordFacts {
        facts: [
            (
                FactName::new("misunderstanding").unwrap(),
                FactValue::Bool(true),
            ),
            (
                FactName::new("malicious_demand").unwrap(),
                FactValue::Bool(true),
            ),
        ]
        .into(),
    };
    match h.run("h1", Harness::minutes(t0, 40), both).unwrap_err() {
        Rejection::GrantConditionUnmet { action, unmet, .. } => {
            assert_eq!(action, Action::RecordFindings);
            assert_eq!(
                unmet,
                [
                    "role handler (grants[0]): the fact malicious_demand is not one it may record (`facts`: misunderstanding)"
                ]
            );
        }
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
    assert_eq!(h.events.len(), before, "a rejected command changes nothing");
    h.run("h1", Harness::minutes(t0, 41), found("misunderstanding"))
        .unwrap();
    h.run("h1", Harness::minutes(t0, 42), findings()).unwrap();
    // The department head, with `record_findings` in its actions, records any fact.
    h.run("head1", Harness::minutes(t0, 43), found("malicious_demand"))
        .unwrap();
}

#[test]
fn facts_none_records_findings_but_no_fact() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness(Some(&[]));
    h.investigating_from(t0);
    let err = h
        .run("h1", Harness::minutes(t0, 40), found("misunderstanding"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        Rejection::GrantConditionUnmet {
            actor: tousu_model::StaffId::new("h1").unwrap(),
            action: Action::RecordFindings,
            unmet: vec![
                "role handler (grants[0]): the fact misunderstanding is not one it may record (`facts`: none: it records findings, not facts)"
                    .into()
            ],
        }
        .to_string()
    );
    h.run("h1", Harness::minutes(t0, 41), findings()).unwrap();
}

#[test]
fn a_grant_naming_no_facts_records_any() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let mut h = harness(None);
    h.investigating_from(t0);
    h.run("h1", Harness::minutes(t0, 40), found("malicious_demand"))
        .unwrap();
}
