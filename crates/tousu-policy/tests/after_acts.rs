//! A grant's `after_acts` (ruling 131): it holds once one of its acts was
//! recorded in the round, says which it waits for, is refused on a grant of
//! `register`, and the invariants find one no role may record.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{
    Action, CaseAction, CaseView, DEFAULT_POLICY_TOML, EvalInput, Grant, Policy, Status,
    check_invariants,
};

fn grant(json: serde_json::Value) -> Grant {
    serde_json::from_value(json).unwrap()
}

fn after_instruction() -> Grant {
    grant(serde_json::json!({ "actions": ["reply"], "after_acts": ["instruction_given"] }))
}

#[test]
fn after_acts_holds_once_an_act_is_recorded_and_says_which() {
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Visit, "建议增加早场课")
        .build()
        .unwrap();
    let view = |acts: &'static [CaseAction]| CaseView {
        level: None,
        status: Status::Investigating,
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
    let g = after_instruction();
    assert!(g.is_conditional());
    assert_eq!(
        g.unmet(&p, &view(&[CaseAction::ReportSubmitted])),
        [
            "one of the acts instruction_given must have been recorded in the round (`after_acts`; none has)"
        ]
    );
    assert!(
        g.unmet(
            &p,
            &view(&[CaseAction::ReportSubmitted, CaseAction::InstructionGiven])
        )
        .is_empty()
    );
    let json = serde_json::to_value(&g).unwrap();
    assert_eq!(json["after_acts"], serde_json::json!(["instruction_given"]));
    // Left out, it is empty and not written.
    let plain = grant(serde_json::json!({ "actions": ["reply"], "levels": ["general"] }));
    assert!(
        !serde_json::to_string(&plain)
            .unwrap()
            .contains("after_acts")
    );
}

#[test]
fn after_acts_is_refused_on_a_register_grant_and_an_unknown_act_by_line() {
    let with = |g: &str| {
        let text = DEFAULT_POLICY_TOML.replacen(
            "id = \"handler\"\n",
            &format!("id = \"handler\"\ngrants = [{g}]\n"),
            1,
        );
        assert_ne!(text, DEFAULT_POLICY_TOML);
        text
    };
    let register = with(r#"{ actions = ["register"], after_acts = ["instruction_given"] }"#);
    let report = Policy::parse_toml(&register).unwrap().check().to_string();
    assert!(report.contains("roles[1].grants[0].after_acts"), "{report}");
    assert!(
        report.contains("a grant of `register` tests what the registration says"),
        "{report}"
    );
    let unknown = with(r#"{ actions = ["close"], after_acts = ["instructed"] }"#);
    let err = Policy::from_toml_str(&unknown).unwrap_err().to_string();
    assert!(err.contains("instruction_given"), "{err}");
}

#[test]
fn after_acts_no_role_may_record_is_found() {
    let mut p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let path = "roles[1].grants[0].after_acts";
    let found = |p: &Policy| {
        check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "grants_can_hold" && f.path == path)
            .count()
    };
    p.roles[1].grants.insert(0, after_instruction());
    for role in &mut p.roles {
        role.actions.retain(|a| *a != Action::RecordAction);
        role.grants
            .retain(|g| !g.actions.contains(&Action::RecordAction));
    }
    assert_eq!(found(&p), 1);
    // The leader records his instruction: the grant can hold.
    p.roles[2].grants.push(grant(serde_json::json!({
        "actions": ["record_action"],
        "acts": ["instruction_given"],
    })));
    assert_eq!(found(&p), 0);
    // A grant of other acts only does not record it.
    p.roles[2].grants.pop();
    p.roles[2].grants.push(grant(serde_json::json!({
        "actions": ["record_action"],
        "acts": ["report_submitted"],
    })));
    assert_eq!(found(&p), 1);
}
