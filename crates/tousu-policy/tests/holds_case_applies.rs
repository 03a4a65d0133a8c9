//! `policy check` finds a grant's `"received"` or `"sent"` where it changes
//! nothing (`holds_case_applies`, ruling 157): `"received"` on actions or
//! statuses that come only after an assignment (ruling 151 limits only a
//! case nobody was handed), `"sent"` on actions that come only before one
//! or where no role assigns or transfers (ruling 152 needs a sender). Each
//! finding names the grant's `holds_case` and what to write instead.

use serde_json::json;
use tousu_policy::{Action, DEFAULT_POLICY_TOML, Grant, Policy, check_invariants};

fn grant(value: serde_json::Value) -> Grant {
    serde_json::from_value(value).unwrap()
}

/// The default policy with `g` as role 1's first grant, and the messages of
/// the findings on that grant's `holds_case`.
fn found(p: &mut Policy, g: serde_json::Value) -> Vec<String> {
    p.roles[1].grants.insert(0, grant(g));
    let out = check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == "holds_case_applies")
        .inspect(|f| assert_eq!(f.path, "roles[1].grants[0].holds_case"))
        .map(|f| f.message)
        .collect();
    p.roles[1].grants.remove(0);
    out
}

fn default() -> Policy {
    Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap()
}

#[test]
fn the_default_policy_has_no_such_finding() {
    assert!(
        check_invariants(&default())
            .iter()
            .all(|f| f.invariant != "holds_case_applies")
    );
}

#[test]
fn received_on_actions_only_an_assigned_case_takes_is_found() {
    let mut p = default();
    let msgs = found(
        &mut p,
        json!({ "actions": ["investigate", "propose_solution"], "holds_case": "received" }),
    );
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("ruling 151"), "{}", msgs[0]);
    assert!(
        msgs[0].contains("investigate, propose_solution"),
        "{}",
        msgs[0]
    );
    assert!(msgs[0].contains("write `holds_case = true`"), "{}", msgs[0]);
    // In a list, the rest of the list is what to write.
    let msgs = found(
        &mut p,
        json!({ "actions": ["approve"], "holds_case": ["received", "co_handling"] }),
    );
    assert!(
        msgs[0].contains("write `holds_case = \"co_handling\"`"),
        "{msgs:?}"
    );
    // By statuses: every one reached only once assigned.
    let msgs = found(
        &mut p,
        json!({ "actions": ["add_note"], "statuses": ["assigned", "investigating"], "holds_case": "received" }),
    );
    assert!(msgs[0].contains("its statuses"), "{msgs:?}");
    // An action a case nobody was handed takes keeps "received" meaningful.
    for g in [
        json!({ "actions": ["investigate", "reply"], "holds_case": "received" }),
        json!({ "actions": ["reply"], "statuses": ["accepted", "approved"], "holds_case": "received" }),
        json!({ "actions": ["investigate"], "holds_case": true }),
    ] {
        assert_eq!(found(&mut p, g.clone()), Vec::<String>::new(), "{g}");
    }
}

/// Ruling 170: `"received_in_line"` limits the same moment as `"received"`.
#[test]
fn received_in_line_on_actions_only_an_assigned_case_takes_is_found() {
    let mut p = default();
    let msgs = found(
        &mut p,
        json!({ "actions": ["approve", "send_back"], "holds_case": ["received_in_line", "in_line"] }),
    );
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    for said in [
        "\"received_in_line\" limits only",
        "ruling 170",
        "write `holds_case = \"in_line\"`",
    ] {
        assert!(msgs[0].contains(said), "{}", msgs[0]);
    }
    let g =
        json!({ "actions": ["accept", "approve"], "holds_case": ["received_in_line", "in_line"] });
    assert_eq!(found(&mut p, g), Vec::<String>::new());
}

#[test]
fn received_on_findings_counts_facts_recorded_from_the_acceptance() {
    let mut p = default();
    let g = json!({ "actions": ["record_findings"], "holds_case": "received" });
    assert_eq!(found(&mut p, g.clone()).len(), 1);
    // Facts recorded before the assignment (ruling 97): not found.
    p.validity.facts_from = tousu_policy::FactsFrom::Acceptance;
    assert_eq!(found(&mut p, g), Vec::<String>::new());
}

#[test]
fn sent_on_actions_before_an_assignment_is_found() {
    let mut p = default();
    let msgs = found(
        &mut p,
        json!({ "actions": ["accept", "assign"], "holds_case": ["handed", "sent"] }),
    );
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("ruling 152"), "{}", msgs[0]);
    assert!(
        msgs[0].contains("write `holds_case = \"handed\"`"),
        "{}",
        msgs[0]
    );
    for g in [
        json!({ "actions": ["assign", "reply"], "holds_case": "sent" }),
        json!({ "actions": ["record_action"], "holds_case": "sent" }),
    ] {
        assert_eq!(found(&mut p, g.clone()), Vec::<String>::new(), "{g}");
    }
}

#[test]
fn sent_where_no_role_assigns_or_transfers_is_found() {
    let mut p = default();
    let g = json!({ "actions": ["reply"], "holds_case": "sent" });
    assert_eq!(found(&mut p, g.clone()), Vec::<String>::new());
    for role in &mut p.roles {
        role.actions
            .retain(|a| !matches!(a, Action::Assign | Action::Transfer));
        role.grants.retain(|g| {
            !g.actions
                .iter()
                .any(|a| matches!(a, Action::Assign | Action::Transfer))
        });
    }
    let msgs = found(&mut p, g);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].contains("no role may assign or transfer"),
        "{}",
        msgs[0]
    );
    assert!(msgs[0].contains("write `holds_case = true`"), "{}", msgs[0]);
}

/// Ruling 162: `"followed"` widens a case handed on; where nothing is ever
/// handed on (no assignment, no transfer, no take-over), or on actions taken
/// only before an assignment beside `"received"` with no take-over, it
/// changes nothing and is found, with the rest of the list to write.
#[test]
fn followed_where_no_case_is_handed_on_is_found() {
    let mut p = default();
    let g = json!({ "actions": ["reply"], "holds_case": ["received", "followed"] });
    assert_eq!(found(&mut p, g.clone()), Vec::<String>::new());
    // The default policy's `gm-after-rounds` takes a case over, so a
    // take-over may come before an assignment: `assign` beside "received"
    // is not found.
    let early = json!({ "actions": ["assign"], "holds_case": ["received", "followed"] });
    assert_eq!(found(&mut p, early.clone()), Vec::<String>::new());
    for step in &mut p.escalation {
        step.take_over = None;
    }
    let msgs = found(&mut p, early);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("ruling 162"), "{}", msgs[0]);
    assert!(
        msgs[0].contains("only before a case is assigned"),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[0].contains("write `holds_case = \"received\"`"),
        "{}",
        msgs[0]
    );
    assert_eq!(found(&mut p, g.clone()), Vec::<String>::new());
    for role in &mut p.roles {
        role.actions
            .retain(|a| !matches!(a, Action::Assign | Action::Transfer));
        role.grants.retain(|g| {
            !g.actions
                .iter()
                .any(|a| matches!(a, Action::Assign | Action::Transfer))
        });
    }
    let msgs = found(&mut p, g);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("no case is ever handed on"), "{}", msgs[0]);
    assert!(
        msgs[0].contains("write `holds_case = \"received\"`"),
        "{}",
        msgs[0]
    );
}

/// The "received" finding points to "followed" for a receiving department
/// that keeps the case after handing it on (ruling 162).
#[test]
fn received_after_an_assignment_points_to_followed() {
    let mut p = default();
    let msgs = found(
        &mut p,
        json!({ "actions": ["investigate"], "holds_case": "received" }),
    );
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("\"followed\" (ruling 162"), "{}", msgs[0]);
}
