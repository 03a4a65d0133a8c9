//! An approval before the act it allows (ruling 163): the acts
//! `approval_requested` and `approval_given`, a grant waiting for the
//! approval (`after_acts`), and the invariant `approval_follows_request`.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{
    Action, CaseAction, CaseView, ClockEvent, DEFAULT_POLICY_TOML, EvalInput, Grant, Policy,
    Status, check_invariants,
};

fn grant(json: serde_json::Value) -> Grant {
    serde_json::from_value(json).unwrap()
}

/// The default policy with no `record_action` anywhere, the handler's
/// `investigate` waiting for an approval (S06's factory re-inspecting once
/// the 质量总监 approved).
fn waiting_for_approval() -> Policy {
    let mut p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    for role in &mut p.roles {
        role.actions.retain(|a| *a != Action::RecordAction);
        role.grants
            .retain(|g| !g.actions.contains(&Action::RecordAction));
    }
    p.roles[1].grants.insert(
        0,
        grant(serde_json::json!({ "actions": ["investigate"], "after_acts": ["approval_given"] })),
    );
    p
}

fn findings(p: &Policy) -> Vec<(String, String)> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == "approval_follows_request")
        .map(|f| (f.path, f.message))
        .collect()
}

#[test]
fn approval_acts_are_named_and_a_grant_waits_for_the_approval() {
    assert_eq!(
        CaseAction::ApprovalRequested.to_string(),
        "approval_requested"
    );
    assert_eq!(CaseAction::ApprovalGiven.to_string(), "approval_given");
    assert_eq!(
        ClockEvent::ApprovalGiven.action(),
        Some(CaseAction::ApprovalGiven)
    );
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Visit, "墙砖色差")
        .build()
        .unwrap();
    let view = |acts: &'static [CaseAction]| CaseView {
        level: None,
        status: Status::Assigned,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: None,
        findings_recorded: false,
        input: EvalInput::new(&c, at),
        act: None,
        holds_case: true,
        handed: true,
        co_handling: true,
        in_line: true,
        received: true,
        received_in_line: true,
        sent: true,
        lead: true,
        sender: true,
        role_absent: true,
        reported: true,
        acts_recorded: acts,
        replied_since: Vec::new(),
    };
    let g =
        grant(serde_json::json!({ "actions": ["investigate"], "after_acts": ["approval_given"] }));
    // Asked, not yet approved: the grant does not hold, and says why.
    assert_eq!(
        g.unmet(&p, &view(&[CaseAction::ApprovalRequested])),
        [
            "one of the acts approval_given must have been recorded in the round (`after_acts`; none has)"
        ]
    );
    assert!(
        g.unmet(
            &p,
            &view(&[CaseAction::ApprovalRequested, CaseAction::ApprovalGiven])
        )
        .is_empty()
    );
}

#[test]
fn approval_given_where_nothing_was_asked_is_found() {
    let mut p = waiting_for_approval();
    // Nobody records the approval: the grant never holds (grants_can_hold).
    assert!(
        check_invariants(&p)
            .iter()
            .any(|f| f.invariant == "grants_can_hold" && f.path == "roles[1].grants[0].after_acts")
    );
    // The approver records it with no request before it.
    p.roles[2].grants.push(grant(serde_json::json!({
        "actions": ["record_action"],
        "acts": ["approval_given"],
    })));
    let k = p.roles[2].grants.len() - 1;
    let found = findings(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, format!("roles[2].grants[{k}]"));
    assert!(found[0].1.contains("where nothing was asked"), "{found:?}");
    // Waiting for the request, or for the request or something else: only
    // the request alone answers it.
    p.roles[2].grants[k].after_acts =
        vec![CaseAction::ApprovalRequested, CaseAction::WorkCompleted];
    assert_eq!(findings(&p).len(), 1);
    p.roles[2].grants[k].after_acts = vec![CaseAction::ApprovalRequested];
    assert_eq!(findings(&p), []);
    // Any act on any case: the approval too, unasked.
    p.roles[0].actions.push(Action::RecordAction);
    let found = findings(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "roles[0].actions");
}

#[test]
fn one_role_asking_and_approving_is_found() {
    let mut p = waiting_for_approval();
    p.roles[2].grants.push(grant(serde_json::json!({
        "actions": ["record_action"],
        "acts": ["approval_requested"],
    })));
    p.roles[2].grants.push(grant(serde_json::json!({
        "actions": ["record_action"],
        "acts": ["approval_given"],
        "after_acts": ["approval_requested"],
    })));
    let found = findings(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].1.contains("approve what he asked himself"),
        "{found:?}"
    );
    // The request moved to another role: nothing to find.
    let at = p.roles[2].grants.len() - 2;
    let asks = p.roles[2].grants.remove(at);
    p.roles[1].grants.push(asks);
    assert_eq!(findings(&p), []);
}

#[test]
fn approval_acts_without_a_grant_waiting_find_nothing() {
    let mut p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    p.roles[0].actions.push(Action::RecordAction);
    assert_eq!(findings(&p), []);
}
