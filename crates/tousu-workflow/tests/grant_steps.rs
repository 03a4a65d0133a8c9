//! A grant of `escalate` limited to its steps (`steps`, ruling 166): an
//! escalation naming another step is refused, one naming none takes the
//! first open step the holding grants list, and a grant without `steps`
//! admits every step. Validated with paths: only on a grant of `escalate`
//! alone, a manual step of the policy the role may take, schema 2.

mod common;

use common::*;
use tousu_policy::{Action, Grant, Policy};
use tousu_workflow::*;

const S41: &str = include_str!("../../../policies/hardware-shelf-wanhao-s41.toml");

/// The default policy, its manual steps open to anyone (no `by`), the
/// handler escalating only by `grants` (each a JSON grant).
fn policy(grants: &[serde_json::Value]) -> Policy {
    let mut policy = Policy::default_policy().unwrap();
    for step in &mut policy.escalation {
        step.by.clear();
    }
    for role in &mut policy.roles {
        if role.id.as_str() == "handler" {
            role.actions.retain(|a| *a != Action::Escalate);
            for g in grants {
                let grant: Grant = serde_json::from_value(g.clone()).unwrap();
                role.grants.push(grant);
            }
        }
    }
    policy.validate().unwrap();
    policy
}

/// A default complaint registered at `t0`, accepted and assigned to `h1`.
fn assigned(grants: &[serde_json::Value], t0: chrono::DateTime<chrono::Utc>) -> Harness {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy(grants)).unwrap();
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
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
    h
}

fn escalate(step: Option<&str>) -> CommandKind {
    CommandKind::Escalate {
        reason: "上报".into(),
        step: step.map(|s| tousu_policy::EscalationId::new(s).unwrap()),
    }
}

/// The steps the case has taken, in order.
fn taken(h: &Harness) -> Vec<String> {
    h.case()
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref().map(ToString::to_string))
        .collect()
}

#[test]
fn a_step_the_grant_does_not_name_is_refused_and_changes_nothing() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    let only_gm = serde_json::json!({ "actions": ["escalate"], "steps": ["manual-gm"] });
    let mut h = assigned(&[only_gm], t0);
    let before = h.events.len();
    let err = h
        .run(
            "h1",
            Harness::minutes(t0, 20),
            escalate(Some("manual-head")),
        )
        .unwrap_err();
    assert_eq!(h.events.len(), before);
    match err {
        Rejection::GrantConditionUnmet { unmet, .. } => {
            let said = unmet.join("; ");
            assert!(
                said.contains("`steps`: manual-gm") && said.contains("ruling 166"),
                "{said}"
            );
        }
        other => panic!("expected grant_condition_unmet, got {other}"),
    }
    // Named no step, it takes the first open one the grant lists.
    h.run("h1", Harness::minutes(t0, 30), escalate(None))
        .unwrap();
    assert_eq!(taken(&h), ["manual-gm"]);
}

#[test]
fn the_steps_of_every_holding_grant_count_and_a_grant_without_steps_admits_all() {
    let t0 = beijing(2026, 3, 16, 9, 0);
    // The grant for `manual-head` does not hold (a level the case is not).
    let grants = [
        serde_json::json!({ "actions": ["escalate"], "levels": ["crisis"], "steps": ["manual-head"] }),
        serde_json::json!({ "actions": ["escalate"], "statuses": ["assigned"], "steps": ["manual-gm"] }),
    ];
    let mut h = assigned(&grants, t0);
    h.run(
        "h1",
        Harness::minutes(t0, 20),
        escalate(Some("manual-head")),
    )
    .unwrap_err();
    h.run("h1", Harness::minutes(t0, 30), escalate(None))
        .unwrap();
    assert_eq!(taken(&h), ["manual-gm"]);
    // A holding grant without `steps`: any step, the first open one first.
    let any = serde_json::json!({ "actions": ["escalate"], "statuses": ["assigned"] });
    let mut h = assigned(&[grants[1].clone(), any], t0);
    h.run("h1", Harness::minutes(t0, 20), escalate(None))
        .unwrap();
    assert_eq!(taken(&h), ["manual-head"]);
}

#[test]
fn steps_are_validated_with_their_paths() {
    let review =
        r#"not_after_escalation = ["major-review"], steps = ["major-review"], note = "5.1.5: the"#;
    assert!(S41.contains(review));
    let bad = S41
        .replacen(
            review,
            r#"not_after_escalation = ["major-review"], steps = ["nope", "chase-overdue", "major-review"], note = "5.1.5: the"#,
            1,
        )
        .replacen(
            r#"{ actions = ["escalate"], reached = ["approved", "replied"], steps = ["dissent"]"#,
            r#"{ actions = ["escalate", "add_note"], reached = ["approved", "replied"], steps = ["dissent"]"#,
            1,
        );
    let e = Policy::from_toml_str(&bad).unwrap_err().to_string();
    for want in [
        "roles[1].grants[1].steps[0]: \"nope\" is not an escalation step; the manual steps are",
        "roles[1].grants[1].steps[1]: \"chase-overdue\" is taken",
        "roles[1].grants[2].steps: limits the steps `escalate` takes",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
    // A step whose `by` leaves the role out can never be taken by it.
    let quality = S41.replacen(
        r#"grants = [
    { actions = ["escalate"], reached = ["approved", "replied"], note"#,
        r#"grants = [
    { actions = ["escalate"], reached = ["approved", "replied"], steps = ["major-review"], note"#,
        1,
    );
    assert_ne!(quality, S41);
    let e = Policy::from_toml_str(&quality).unwrap_err().to_string();
    assert!(
        e.contains("steps[0]: \"major-review\" is taken only by \"business_section\", \"general_affairs\" (`by`), not by \"quality_section\""),
        "{e}"
    );
    // Schema 1 has no `steps`.
    let one = S41.replacen("schema_version = 2", "schema_version = 1", 1);
    let e = Policy::from_toml_str(&one).unwrap_err().to_string();
    assert!(e.contains("steps: is an option of schema_version 2"), "{e}");
}

#[test]
fn steps_round_trip_and_make_a_grant_conditional() {
    let g: Grant = serde_json::from_value(
        serde_json::json!({ "actions": ["escalate"], "steps": ["manual-gm"] }),
    )
    .unwrap();
    assert!(g.is_conditional());
    assert_eq!(
        serde_json::to_value(&g).unwrap()["steps"],
        serde_json::json!(["manual-gm"])
    );
    let none: Grant =
        serde_json::from_value(serde_json::json!({ "actions": ["escalate"], "levels": ["major"] }))
            .unwrap();
    assert!(serde_json::to_value(&none).unwrap().get("steps").is_none());
}
