//! A grant's `holds_case = "handed"` (ruling 130): it loads and round-trips
//! beside `true` and `false`, a wrong value is refused with its path and
//! what would be accepted, its refusal says why, and the invariants find a
//! policy where no case is ever handed to anyone.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{
    Action, CaseView, DEFAULT_POLICY_TOML, EvalInput, Grant, HoldsCase, Policy, Status,
    check_invariants,
};

fn grant(value: serde_json::Value) -> Grant {
    serde_json::from_value(serde_json::json!({ "actions": ["reply"], "holds_case": value }))
        .unwrap()
}

#[test]
fn handed_loads_and_round_trips_beside_true_and_false() {
    assert_eq!(grant(true.into()).holds_case, HoldsCase::WithActor);
    assert_eq!(grant(false.into()).holds_case, HoldsCase::Anywhere);
    let handed = grant("handed".into());
    assert_eq!(handed.holds_case, HoldsCase::Handed);
    assert!(handed.is_conditional());
    let json = serde_json::to_value(&handed).unwrap();
    assert_eq!(json["holds_case"], "handed");
    assert_eq!(
        serde_json::to_value(grant(true.into())).unwrap()["holds_case"],
        true
    );
}

#[test]
fn a_wrong_value_is_refused_with_its_path_and_what_is_accepted() {
    let text = DEFAULT_POLICY_TOML.replacen(
        "id = \"handler\"\n",
        "id = \"handler\"\ngrants = [{ actions = [\"close\"], holds_case = \"mine\" }]\n",
        1,
    );
    assert_ne!(text, DEFAULT_POLICY_TOML);
    let err = Policy::from_toml_str(&text).unwrap_err().to_string();
    // A value the loader cannot read is placed by line and column.
    assert!(err.contains("line 59, column 47"), "{err}");
    assert!(err.contains("\"mine\" is not a `holds_case`"), "{err}");
    // It lists every value accepted.
    for accepted in [
        "true, false",
        "\"handed\"",
        "\"co_handling\"",
        "\"in_line\"",
        "\"received\"",
        "\"sent\"",
    ] {
        assert!(err.contains(accepted), "{accepted}: {err}");
    }
}

fn view(with_actor: bool, handed: bool, at_complaint: &Complaint) -> CaseView<'_> {
    let at = Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap();
    CaseView {
        level: None,
        status: Status::Accepted,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: None,
        findings_recorded: false,
        input: EvalInput::new(at_complaint, at),
        act: None,
        holds_case: with_actor,
        handed,
        co_handling: false,
        in_line: false,
        received: false,
        received_in_line: false,
        sent: false,
        lead: false,
        sender: false,
        role_absent: false,
        reported: with_actor,
        acts_recorded: &[],
        replied_since: Vec::new(),
    }
}

#[test]
fn handed_refuses_a_case_nobody_was_handed_and_says_so() {
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Phone, "断路器跳闸")
        .build()
        .unwrap();
    let handed = grant("handed".into());
    let with_actor = grant(true.into());
    // Nobody handed it: anyone's under `true`, nobody's under "handed".
    assert!(with_actor.unmet(&p, &view(true, false, &c)).is_empty());
    assert_eq!(
        handed.unmet(&p, &view(true, false, &c)),
        [
            "the case must have been handed to the actor (`holds_case = \"handed\"`): nobody has been assigned it and no step has taken it over"
        ]
    );
    // Handed to him: both hold; handed elsewhere: neither.
    assert!(handed.unmet(&p, &view(true, true, &c)).is_empty());
    for g in [&handed, &with_actor] {
        let unmet = g.unmet(&p, &view(false, true, &c));
        assert_eq!(unmet.len(), 1);
        assert!(unmet[0].contains("it has gone elsewhere"), "{unmet:?}");
    }
}

#[test]
fn handed_is_found_never_holding_where_nothing_is_handed() {
    let mut p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let path = "roles[1].grants[0].holds_case";
    let found = |p: &Policy| {
        check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "grants_can_hold" && f.path == path)
            .count()
    };
    p.roles[1].grants.insert(0, grant("handed".into()));
    assert_eq!(found(&p), 0, "the default hands cases over");
    for role in &mut p.roles {
        role.actions
            .retain(|a| !matches!(a, Action::Assign | Action::Transfer));
        role.grants.retain(|g| {
            !g.actions
                .iter()
                .any(|a| matches!(a, Action::Assign | Action::Transfer))
        });
    }
    for step in &mut p.escalation {
        step.take_over = None;
    }
    assert_eq!(found(&p), 1);
    // `true` is not refused: a case nobody was handed is anyone's.
    p.roles[1].grants[0] = grant(true.into());
    assert_eq!(found(&p), 0);
}
