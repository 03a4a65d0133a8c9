//! A grant's `holds_case = "co_handling"` (ruling 148) and `"in_line"`
//! (ruling 149): they load and round-trip, each widens `true` by exactly
//! what the engine found (a department called in; a department above the
//! lead) and nothing else, and each refusal names its own value.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{CaseView, DEFAULT_POLICY_TOML, EvalInput, Grant, HoldsCase, Policy, Status};

fn grant(value: &str) -> Grant {
    serde_json::from_value(serde_json::json!({ "actions": ["investigate"], "holds_case": value }))
        .unwrap()
}

/// Where the case is for the actor: with him (ruling 121), with a
/// department called in, within his line.
fn view(c: &Complaint, (with_actor, co_handling, in_line): (bool, bool, bool)) -> CaseView<'_> {
    CaseView {
        level: None,
        status: Status::Accepted,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: None,
        findings_recorded: false,
        input: EvalInput::new(c, c.received_at),
        act: None,
        holds_case: with_actor,
        handed: true,
        co_handling,
        in_line,
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
fn co_handling_and_in_line_load_and_round_trip() {
    for (text, value) in [
        ("co_handling", HoldsCase::CoHandling),
        ("in_line", HoldsCase::InLine),
    ] {
        let g = grant(text);
        assert_eq!(g.holds_case, value);
        assert!(g.is_conditional() && g.holds_case.is_set());
        assert_eq!(serde_json::to_value(&g).unwrap()["holds_case"], text);
        assert_eq!(value.to_string(), format!("\"{text}\""));
    }
}

#[test]
fn each_widens_true_by_its_own_reading_only() {
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Phone, "断路器跳闸")
        .build()
        .unwrap();
    let holds = |g: &Grant, w| g.unmet(&p, &view(&c, w)).is_empty();
    let (co, line) = (grant("co_handling"), grant("in_line"));
    let plain: Grant = serde_json::from_value(
        serde_json::json!({ "actions": ["investigate"], "holds_case": true }),
    )
    .unwrap();
    // With the actor: all three hold.
    for g in [&plain, &co, &line] {
        assert!(holds(g, (true, false, false)));
    }
    // Called in to co-handle: only "co_handling"; above the lead: only "in_line".
    assert!(!holds(&plain, (false, true, false)) && holds(&co, (false, true, false)));
    assert!(!holds(&line, (false, true, false)));
    assert!(!holds(&plain, (false, false, true)) && holds(&line, (false, false, true)));
    assert!(!holds(&co, (false, false, true)));
    // Neither: each refusal names its own value.
    assert_eq!(
        co.unmet(&p, &view(&c, (false, false, false))),
        [
            "the case must be with the actor or with a department its assignment called in to handle it jointly (`holds_case = \"co_handling\"`): the role a step took it over to after its assignment, else its named handler, the lead department or a co-handling department, else the role a step took it over to; it has gone elsewhere"
        ]
    );
    let unmet = line.unmet(&p, &view(&c, (false, false, false)));
    assert_eq!(unmet.len(), 1);
    assert!(unmet[0].contains("`holds_case = \"in_line\"`"), "{unmet:?}");
    assert!(
        unmet[0].contains("a department above or under it"),
        "{unmet:?}"
    );
}

#[test]
fn received_and_sent_load_round_trip_and_read_their_own_fields() {
    for (text, value) in [("received", HoldsCase::Received), ("sent", HoldsCase::Sent)] {
        let g = grant(text);
        assert_eq!(g.holds_case, value);
        assert!(g.is_conditional() && g.holds_case.is_set());
        assert_eq!(serde_json::to_value(&g).unwrap()["holds_case"], text);
        assert_eq!(value.to_string(), format!("\"{text}\""));
    }
    let received_at = Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap();
    let c = Complaint::builder(received_at, Channel::Phone, "断路器跳闸")
        .build()
        .unwrap();
    let at = |with_actor, handed, received, sent| CaseView {
        handed,
        received,
        sent,
        ..view(&c, (with_actor, false, false))
    };
    // "received": before a hand-over, only the receiving department,
    // whatever `true` says; after one, exactly `true`.
    assert!(HoldsCase::Received.holds(&at(false, false, true, false)));
    assert!(!HoldsCase::Received.holds(&at(true, false, false, false)));
    assert!(HoldsCase::Received.holds(&at(true, true, false, false)));
    assert!(!HoldsCase::Received.holds(&at(false, true, true, false)));
    // "sent": `true`, or the department that handed it on.
    assert!(HoldsCase::Sent.holds(&at(false, true, false, true)));
    assert!(HoldsCase::Sent.holds(&at(true, true, false, false)));
    assert!(!HoldsCase::Sent.holds(&at(false, true, true, false)));
    let said = HoldsCase::Received.unmet_reason(&at(true, false, false, false));
    assert!(said.contains("\"received\""), "{said}");
    assert!(
        HoldsCase::Sent
            .unmet_reason(&at(false, true, false, false))
            .contains("\"sent\"")
    );
}
