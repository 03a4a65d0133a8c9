//! `policy check` lists the acts a role takes on any department's case
//! (`acts_on_any_case`, a note): in a policy that reads the role as held in
//! departments, its `actions` and grants without `holds_case` that answer,
//! close, withdraw, hand over or stop a clock, with the values to consider.

use serde_json::json;
use tousu_model::RoleId;
use tousu_policy::{DEFAULT_POLICY_TOML, Policy, Severity, check_invariants};

fn default() -> Policy {
    Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap()
}

/// The findings of `acts_on_any_case`, as `(path, message)`.
fn found(p: &Policy) -> Vec<(String, String)> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == "acts_on_any_case")
        .inspect(|f| assert_eq!(f.severity, Severity::Info))
        .map(|f| (f.path, f.message))
        .collect()
}

#[test]
fn nothing_is_listed_where_no_role_is_read_as_held_in_departments() {
    // The default policy's roles answer and close any case: nothing in it
    // says a role has holders in more than one department.
    assert_eq!(found(&default()), Vec::<(String, String)>::new());
}

#[test]
fn a_role_with_one_act_scoped_lists_its_others() {
    let mut p = default();
    // The handler answers only a case with him; his escalation is unscoped.
    p.roles[1].actions.retain(|a| a.to_string() != "reply");
    p.roles[1].grants.push(
        serde_json::from_value(json!({ "actions": ["reply"], "holds_case": "handed" })).unwrap(),
    );
    let f = found(&p);
    assert_eq!(f.len(), 1, "{f:#?}");
    let (path, msg) = &f[0];
    assert_eq!(path, "roles[1]");
    assert!(
        msg.contains("its own grants[0] ask where the case is"),
        "{msg}"
    );
    // Its manual steps take the case over: an escalation is a hand-over.
    assert!(msg.contains("escalate (actions: hands over"), "{msg}");
    // Its promised date stops clocks; its scoped reply is not listed.
    assert!(msg.contains("set_agreed_deadline (actions: stops"), "{msg}");
    assert!(!msg.contains("reply ("), "{msg}");
    for value in ["\"handed\"", "\"received\"", "\"followed\"", "ruling 151"] {
        assert!(msg.contains(value), "{value}: {msg}");
    }
}

#[test]
fn a_role_handed_cases_is_listed_once_a_grant_elsewhere_is_scoped() {
    let mut p = default();
    // Nobody's hand-overs name the handler yet: nothing.
    p.roles[0].hands_over_to = vec![RoleId::new("handler").unwrap()];
    assert!(found(&p).is_empty());
    // The department head answers only his department's case: the policy
    // reads roles as held in departments, and the handler the desk hands
    // cases to answers any.
    p.roles[2].actions.retain(|a| a.to_string() != "reply");
    p.roles[2]
        .grants
        .push(serde_json::from_value(json!({ "actions": ["reply"], "holds_case": true })).unwrap());
    let f = found(&p);
    let handler = f.iter().find(|(path, _)| path == "roles[1]");
    let (_, msg) = handler.unwrap_or_else(|| panic!("{f:#?}"));
    assert!(
        msg.contains(
            "the hand-overs of \"complaint_manager\" go to a department where someone holds it"
        ),
        "{msg}"
    );
    assert!(msg.contains("reply (actions: answers)"), "{msg}");
}
