//! A grant's `holds_case` as a list (ruling 156): the list's reading of a
//! case nobody was handed (`"handed"` or `"received"`, else `true`), or any
//! of its widenings; it loads and round-trips, a single value still loads
//! as before, and an empty list, a value twice or both readings are refused
//! with their place and what is accepted.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{CaseView, DEFAULT_POLICY_TOML, EvalInput, Grant, HoldsCase, Policy, Status};

fn grant(value: serde_json::Value) -> Result<Grant, serde_json::Error> {
    serde_json::from_value(serde_json::json!({ "actions": ["investigate"], "holds_case": value }))
}

#[test]
fn a_list_loads_round_trips_and_one_value_is_that_value() {
    let g = grant(serde_json::json!(["co_handling", "handed"])).unwrap();
    assert!(g.is_conditional() && g.holds_case.is_set());
    assert!(g.holds_case.needs_hand_over());
    assert_eq!(
        serde_json::to_value(&g).unwrap()["holds_case"],
        serde_json::json!(["handed", "co_handling"])
    );
    assert_eq!(g.holds_case.to_string(), "[\"handed\", \"co_handling\"]");
    let again = grant(serde_json::to_value(&g).unwrap()["holds_case"].clone()).unwrap();
    assert_eq!(again.holds_case, g.holds_case);
    let one = grant(serde_json::json!(["sent"])).unwrap();
    assert_eq!(one.holds_case, HoldsCase::Sent);
    assert_eq!(
        grant(serde_json::json!(true)).unwrap().holds_case,
        HoldsCase::WithActor
    );
}

#[test]
fn handed_or_called_in_reads_both_and_nothing_else() {
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Phone, "断路器跳闸")
        .build()
        .unwrap();
    // (with the actor, handed, called in, above the lead)
    let view = |(holds_case, handed, co_handling, in_line)| CaseView {
        level: None,
        status: Status::Accepted,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: None,
        findings_recorded: false,
        input: EvalInput::new(&c, c.received_at),
        act: None,
        holds_case,
        handed,
        co_handling,
        in_line,
        received: false,
        received_in_line: false,
        sent: false,
        lead: false,
        sender: false,
        role_absent: false,
        reported: holds_case,
        acts_recorded: &[],
        replied_since: Vec::new(),
    };
    let both = grant(serde_json::json!(["handed", "co_handling"])).unwrap();
    let co = grant(serde_json::json!("co_handling")).unwrap();
    let holds = |g: &Grant, w| g.unmet(&p, &view(w)).is_empty();
    // Nobody handed it: anyone's under "co_handling", nobody's under the list.
    assert!(holds(&co, (true, false, false, false)));
    assert!(!holds(&both, (true, false, false, false)));
    // Handed to the actor, or his department called in: the list holds.
    assert!(holds(&both, (true, true, false, false)));
    assert!(holds(&both, (false, true, true, false)));
    // Above the lead is not one of the list's widenings.
    assert!(!holds(&both, (false, true, false, true)));
    let unmet = both.unmet(&p, &view((false, true, false, false)));
    assert_eq!(unmet.len(), 1);
    for said in [
        "`holds_case = [\"handed\", \"co_handling\"]`",
        "`holds_case = \"handed\"`",
        "`holds_case = \"co_handling\"`",
        "ruling 156",
    ] {
        assert!(unmet[0].contains(said), "{unmet:?}");
    }
}

#[test]
fn a_wrong_list_is_refused_with_its_place_and_what_is_accepted() {
    for (list, said) in [
        ("[]", "list is empty"),
        ("[\"handed\", \"handed\"]", "\"handed\" is named twice"),
        (
            "[\"handed\", \"received\"]",
            "both \"handed\" and \"received\"",
        ),
        (
            "[\"received\", \"received_in_line\"]",
            "both \"received\" and \"received_in_line\"",
        ),
        (
            "[\"handed\", \"received_in_line\", \"in_line\"]",
            "both \"handed\" and \"received_in_line\"",
        ),
        ("[true, \"sent\"]", "names strings only, not true"),
        ("[\"mine\"]", "\"mine\" is not a `holds_case`"),
    ] {
        let text = DEFAULT_POLICY_TOML.replacen(
            "id = \"handler\"\n",
            &format!(
                "id = \"handler\"\ngrants = [{{ actions = [\"close\"], holds_case = {list} }}]\n"
            ),
            1,
        );
        assert_ne!(text, DEFAULT_POLICY_TOML);
        let err = Policy::from_toml_str(&text).unwrap_err().to_string();
        assert!(err.contains("line 59"), "{list}: {err}");
        assert!(err.contains(said), "{list}: {err}");
        assert!(err.contains("or a list of these strings"), "{list}: {err}");
    }
}

/// Ruling 162: `"followed"` loads alone and in a list, round-trips, and
/// holds where `true` holds or, once the case was handed on, for the
/// department that received it; with `"received"` that department holds
/// it from intake to the end, and nobody else before a hand-over.
#[test]
fn followed_keeps_a_handed_case_with_the_department_that_received_it() {
    let g = grant(serde_json::json!(["followed", "received"])).unwrap();
    assert_eq!(
        serde_json::to_value(&g).unwrap()["holds_case"],
        serde_json::json!(["received", "followed"])
    );
    assert_eq!(g.holds_case.to_string(), "[\"received\", \"followed\"]");
    assert!(!g.holds_case.needs_hand_over());
    let one = grant(serde_json::json!("followed")).unwrap();
    assert_eq!(one.holds_case, HoldsCase::Followed);
    assert_eq!(
        grant(serde_json::json!(["followed"])).unwrap().holds_case,
        HoldsCase::Followed
    );
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Phone, "车库照明不亮")
        .build()
        .unwrap();
    // (with the actor, handed, in the receiving department)
    let view = |(holds_case, handed, received)| CaseView {
        level: None,
        status: Status::Investigating,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: None,
        findings_recorded: false,
        input: EvalInput::new(&c, c.received_at),
        act: None,
        holds_case,
        handed,
        co_handling: false,
        in_line: false,
        received,
        received_in_line: received,
        sent: false,
        lead: false,
        sender: false,
        role_absent: false,
        reported: holds_case,
        acts_recorded: &[],
        replied_since: Vec::new(),
    };
    let holds = |g: &Grant, w| g.unmet(&p, &view(w)).is_empty();
    // Before a hand-over: the receiving department only (the list); anyone
    // under "followed" alone, as `true`.
    assert!(holds(&g, (true, false, true)));
    assert!(!holds(&g, (true, false, false)));
    assert!(holds(&one, (true, false, false)));
    // Handed on and gone elsewhere: the receiving department still holds it.
    assert!(holds(&g, (false, true, true)));
    assert!(holds(&one, (false, true, true)));
    assert!(!holds(&g, (false, true, false)));
    // With the actor it holds as `true` does.
    assert!(holds(&g, (true, true, false)));
    let unmet = one.unmet(&p, &view((false, true, false)));
    assert_eq!(unmet.len(), 1);
    assert!(
        unmet[0].contains("`holds_case = \"followed\"`"),
        "{unmet:?}"
    );
    assert!(unmet[0].contains("ruling 162"), "{unmet:?}");
    // Named twice: refused with what is accepted.
    let err = grant(serde_json::json!(["followed", "followed"])).unwrap_err();
    assert!(
        err.to_string().contains("\"followed\" is named twice"),
        "{err}"
    );
    assert!(
        err.to_string().contains("\"followed\" (or, once handed on"),
        "{err}"
    );
}
