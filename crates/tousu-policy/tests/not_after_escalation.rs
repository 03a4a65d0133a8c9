//! A grant's `not_after_escalation` (ruling 159): it holds until one of its
//! steps is taken, says which ended it, is a condition of its own, is
//! refused on a grant of `register` and for an unknown step (by path), and
//! the invariants find a grant that ends with every step it waits for.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{
    CaseView, DEFAULT_POLICY_TOML, EscalationId, EvalInput, Grant, Policy, Status, check_invariants,
};

fn grant(json: serde_json::Value) -> Grant {
    serde_json::from_value(json).unwrap()
}

fn until_reported() -> Grant {
    grant(serde_json::json!({ "actions": ["reclassify"], "not_after_escalation": ["manual-head"] }))
}

fn step(id: &str) -> EscalationId {
    EscalationId::new(id).unwrap()
}

/// What the conditions see of `c` with `escalations` taken, wherever it is.
fn view<'a>(
    c: &'a Complaint,
    at: chrono::DateTime<Utc>,
    escalations: Vec<&'a EscalationId>,
) -> CaseView<'a> {
    CaseView {
        level: None,
        status: Status::Investigating,
        reached: tousu_policy::StatusSet::default(),
        escalations,
        callback: None,
        findings_recorded: false,
        input: EvalInput::new(c, at),
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
        acts_recorded: &[],
        replied_since: Vec::new(),
    }
}

#[test]
fn not_after_escalation_holds_until_a_step_is_taken_and_says_which() {
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Visit, "同一小区多户宽带断网")
        .build()
        .unwrap();
    let (head, gm) = (step("manual-head"), step("manual-gm"));
    let view = |escalations| view(&c, at, escalations);
    let g = until_reported();
    assert!(g.is_conditional(), "a condition of its own");
    assert!(g.unmet(&p, &view(Vec::new())).is_empty());
    assert!(g.unmet(&p, &view(vec![&gm])).is_empty(), "another step");
    assert_eq!(
        g.unmet(&p, &view(vec![&gm, &head])),
        [
            "none of the escalation steps manual-head may have been taken (`not_after_escalation`; manual-head has been)"
        ]
    );
    let json = serde_json::to_value(&g).unwrap();
    assert_eq!(
        json["not_after_escalation"],
        serde_json::json!(["manual-head"])
    );
    // Left out, it is empty and not written: older files load as before.
    let plain = grant(serde_json::json!({ "actions": ["reply"], "levels": ["major"] }));
    assert!(plain.not_after_escalation.is_empty());
    assert!(
        !serde_json::to_string(&plain)
            .unwrap()
            .contains("not_after_escalation")
    );
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
fn not_after_escalation_is_refused_on_a_register_grant_and_for_an_unknown_step_by_path() {
    let register = with(r#"{ actions = ["register"], not_after_escalation = ["manual-head"] }"#);
    let report = Policy::parse_toml(&register).unwrap().check().to_string();
    assert!(
        report.contains("roles[1].grants[0].not_after_escalation"),
        "{report}"
    );
    assert!(
        report.contains("a grant of `register` tests what the registration says"),
        "{report}"
    );
    let unknown = with(r#"{ actions = ["reclassify"], not_after_escalation = ["report-up"] }"#);
    let report = Policy::parse_toml(&unknown).unwrap().check().to_string();
    assert!(
        report.contains("roles[1].grants[0].not_after_escalation[0]"),
        "{report}"
    );
    assert!(report.contains("is not an escalation step"), "{report}");
    let fine = with(r#"{ actions = ["reclassify"], not_after_escalation = ["manual-head"] }"#);
    Policy::from_toml_str(&fine).unwrap();
}

#[test]
fn a_grant_ending_with_every_step_it_waits_for_is_found() {
    let path = "roles[1].grants[0].not_after_escalation";
    let found = |g: &str| {
        let p = Policy::from_toml_str(&with(g)).unwrap();
        check_invariants(&p)
            .into_iter()
            .filter(|f| f.invariant == "grants_can_hold" && f.path == path)
            .count()
    };
    assert_eq!(
        found(
            r#"{ actions = ["close"], after_escalation = ["manual-head"], not_after_escalation = ["manual-head"] }"#
        ),
        1
    );
    // It waits for one step and ends with a later one: it can hold.
    assert_eq!(
        found(
            r#"{ actions = ["close"], after_escalation = ["manual-head"], not_after_escalation = ["manual-gm"] }"#
        ),
        0
    );
    assert_eq!(
        found(r#"{ actions = ["close"], not_after_escalation = ["manual-gm"] }"#),
        0
    );
}
