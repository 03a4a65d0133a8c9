//! A holder owner (`{ holder = { role, among } }`, ruling 75): what load
//! accepts and refuses, what `check_invariants` finds; and the
//! `deciders_named` invariant (a role granted a decision another role is
//! named for).

mod common;

use tousu_policy::{DEFAULT_POLICY_TOML, HolderAmong, MilestoneOwner, Policy, check_invariants};

const ONE: &str = "fallback_owner = { role = \"complaint_manager\" }";

/// The default policy (schema 2) with its first `fallback_owner` replaced.
fn with_first_fallback(to: &str) -> String {
    assert!(DEFAULT_POLICY_TOML.contains(ONE));
    DEFAULT_POLICY_TOML.replacen(ONE, to, 1)
}

fn report(text: &str) -> String {
    Policy::parse_toml(text).unwrap().check().to_string()
}

fn findings(text: &str, invariant: &str) -> Vec<String> {
    let p = Policy::from_toml_str(text).unwrap();
    check_invariants(&p)
        .into_iter()
        .filter(|f| f.invariant == invariant)
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect()
}

#[test]
fn a_holder_loads_in_a_list_and_round_trips() {
    let text = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"department_head\", among = \"supervisors\" } }, { holder = { role = \"general_manager\" } }]",
    );
    let p = Policy::from_toml_str(&text).unwrap();
    let m = p.milestone(&"first_response".parse().unwrap()).unwrap();
    let owners = m.fallback_owner.as_ref().unwrap().owners();
    assert!(matches!(&owners[0], MilestoneOwner::Holder(h) if h.among == HolderAmong::Supervisors));
    // `among` left out is the roster, and is not written back.
    assert!(matches!(&owners[1], MilestoneOwner::Holder(h) if h.among == HolderAmong::Roster));
    let json = serde_json::to_string(&owners[1]).unwrap();
    assert_eq!(json, r#"{"holder":{"role":"general_manager"}}"#);
    let back: MilestoneOwner = serde_json::from_str(&json).unwrap();
    assert_eq!(back, owners[1]);
}

#[test]
fn a_holder_is_checked() {
    // Schema 1 has no holder.
    let v1 = common::default_at_schema_1().replacen(
        ONE,
        "fallback_owner = { holder = { role = \"general_manager\" } }",
        1,
    );
    insta::assert_snapshot!(report(&v1), @"milestones[1].fallback_owner: is an option of schema_version 2; write schema_version = 2");
    // An unknown role; `supervisors` for a role no step takes over.
    let bad = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"nobody\" } }, { holder = { role = \"handler\", among = \"supervisors\" } }]",
    );
    insta::assert_snapshot!(report(&bad), @r#"
    milestones[1].fallback_owner[0].holder.role: "nobody" is not a role; roles are complaint_manager, handler, department_head, general_manager
    milestones[1].fallback_owner[1].holder.among: "supervisors" names the holder of "handler" once a step hands the case to it, but no escalation step has take_over = "handler", so it never names anyone; steps that take over are gm-after-rounds (general_manager), manual-head (department_head), manual-gm (general_manager)
    "#);
    // The same holder twice is tried once.
    let twice = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"general_manager\" } }, { holder = { role = \"general_manager\" } }]",
    );
    insta::assert_snapshot!(report(&twice), @r#"milestones[1].fallback_owner[1]: the holder of "general_manager" among roster is tried already (as the owner or earlier in the list); each owner is tried once"#);
    // An unknown `among` says what is accepted.
    let e = Policy::parse_toml(&with_first_fallback(
        "fallback_owner = { holder = { role = \"handler\", among = \"everyone\" } }",
    ))
    .unwrap_err()
    .to_string();
    assert!(e.contains("unknown variant `everyone`"), "{e}");
}

#[test]
fn a_taken_over_holder_loads_and_is_checked() {
    // `taken_over` (ruling 80) loads for a role a step takes over, and is
    // written back.
    let text = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"general_manager\", among = \"taken_over\" } }]",
    );
    let p = Policy::from_toml_str(&text).unwrap();
    let m = p.milestone(&"first_response".parse().unwrap()).unwrap();
    let owners = m.fallback_owner.as_ref().unwrap().owners();
    assert!(matches!(&owners[0], MilestoneOwner::Holder(h) if h.among == HolderAmong::TakenOver));
    let json = serde_json::to_string(&owners[0]).unwrap();
    assert_eq!(
        json,
        r#"{"holder":{"role":"general_manager","among":"taken_over"}}"#
    );
    // A role no step takes over is refused, with the steps that do.
    let bad = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"handler\", among = \"taken_over\" } }]",
    );
    insta::assert_snapshot!(report(&bad), @r#"milestones[1].fallback_owner[0].holder.among: "taken_over" names the holder of "handler" once a step hands the case to it, but no escalation step has take_over = "handler", so it never names anyone; steps that take over are gm-after-rounds (general_manager), manual-head (department_head), manual-gm (general_manager)"#);
}

#[test]
fn a_holder_who_cannot_act_or_is_never_assigned_is_found() {
    let text = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"observer\" } }, { holder = { role = \"handler\", among = \"lead_department\" } }]",
    )
    .replacen(
        "[[roles]]",
        "[[roles]]\nid = \"observer\"\nname_zh = \"旁听\"\nactions = [\"view_confidential\"]\n\n[[roles]]",
        1,
    );
    insta::assert_snapshot!(findings(&text, "holders_can_act").join("\n"), @r#"milestones[1].fallback_owner[0].holder.role: "observer" is granted no action on a case, so its holder would answer for "first_response" without being able to act on the case; name a role that handles cases"#);
    // No role may assign or transfer: the lead department is never named.
    let unassigned = text
        .replace("\"assign\", \"transfer\",", "")
        .replace("\"assign\", ", "");
    let found = findings(&unassigned, "holders_can_act");
    assert!(
        found
            .iter()
            .any(|f| f
                .starts_with("milestones[1].fallback_owner[1].holder.among: \"lead_department\"")),
        "{found:#?}"
    );
    // The default policy names no holder: nothing found.
    assert!(findings(DEFAULT_POLICY_TOML, "holders_can_act").is_empty());
}

#[test]
fn a_role_granted_a_decision_another_role_is_named_for_is_found() {
    assert!(findings(DEFAULT_POLICY_TOML, "deciders_named").is_empty());
    let text = DEFAULT_POLICY_TOML.replacen(
        "\"request_extension\", \"add_note\", \"view_confidential\",",
        "\"request_extension\", \"approve_extension\", \"close_abnormally\", \"add_note\", \"view_confidential\",",
        1,
    );
    assert_ne!(text, DEFAULT_POLICY_TOML);
    insta::assert_snapshot!(findings(&text, "deciders_named").join("\n"), @r#"
    roles[2].actions: "department_head" is granted approve_extension, but approval.extension names "general_manager", so a holder of "department_head" who does not also hold "general_manager" is always refused; take the action away or name the role in approval.extension
    roles[2].actions: "department_head" is granted close_abnormally, but approval.abnormal_closure names "general_manager", so a holder of "department_head" who does not also hold "general_manager" is always refused; take the action away or name the role in approval.abnormal_closure
    "#);
}

#[test]
fn a_holder_until_handed_down_loads_and_is_checked() {
    // `until_handed_down` (ruling 147) loads beside `supervisors` or
    // `taken_over`, is written back, and is a different owner from the same
    // holder without it (tried after it, once the case is handed down).
    let good = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"department_head\", among = \"supervisors\", until_handed_down = true } }, { holder = { role = \"department_head\", among = \"supervisors\" } }]",
    );
    let p = Policy::from_toml_str(&good).unwrap();
    let owners = p.milestones[1].fallback_owner.as_ref().unwrap().owners();
    assert!(matches!(&owners[0], MilestoneOwner::Holder(h) if h.until_handed_down));
    assert!(matches!(&owners[1], MilestoneOwner::Holder(h) if !h.until_handed_down));
    let json = serde_json::to_string(&owners[0]).unwrap();
    assert_eq!(
        json,
        r#"{"holder":{"role":"department_head","among":"supervisors","until_handed_down":true}}"#
    );
    // Said of a holder no step names (the roster's): refused, saying what is accepted.
    let bad = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"general_manager\", until_handed_down = true } }]",
    );
    // Where no role may assign or transfer, the case is never handed down:
    // the flag changes nothing, and the invariants say so.
    let unassigned = good
        .replace("\"assign\", \"transfer\",", "")
        .replace("\"assign\", ", "");
    let found = findings(&unassigned, "holders_can_act");
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("milestones[1].fallback_owner[0].holder.until_handed_down: ")),
        "{found:#?}"
    );
    assert!(findings(&good, "holders_can_act").is_empty());
    insta::assert_snapshot!(report(&bad), @r#"milestones[1].fallback_owner[0].holder.until_handed_down: is said of a holder named once a step took the case over, but among is "roster"; write among = "supervisors" or "taken_over", or drop until_handed_down"#);
}

#[test]
fn a_handed_down_holder_loads_and_is_checked() {
    // `handed_down` (ruling 123) loads in a policy where a step takes a case
    // over, and round-trips.
    let good = with_first_fallback(
        "fallback_owner = [{ holder = { role = \"handler\", among = \"handed_down\" } }]",
    );
    let p = Policy::from_toml_str(&good).unwrap();
    let owners = p.milestones[1].fallback_owner.as_ref().unwrap().owners();
    assert!(matches!(&owners[0], MilestoneOwner::Holder(h) if h.among == HolderAmong::HandedDown));
    // Where no step takes a case over, it would never name anyone: refused.
    let no_take_over: String = good
        .lines()
        .filter(|l| !l.trim_start().starts_with("take_over"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(no_take_over, good);
    let report = report(&no_take_over);
    assert!(
        report.contains(
            "milestones[1].fallback_owner[0].holder.among: \"handed_down\" names a holder in the department a case is assigned to after a step took it over, but no escalation step has a take_over"
        ),
        "{report}"
    );
}

#[test]
fn a_holds_case_grant_is_a_condition_and_says_so() {
    use tousu_policy::Grant;
    let g: Grant =
        serde_json::from_value(serde_json::json!({ "actions": ["reply"], "holds_case": true }))
            .unwrap();
    assert!(g.is_conditional());
    // Left out, it is false and not written.
    let plain: Grant =
        serde_json::from_value(serde_json::json!({ "actions": ["reply"], "levels": ["general"] }))
            .unwrap();
    assert!(!plain.holds_case.is_set());
    assert!(
        !serde_json::to_string(&plain)
            .unwrap()
            .contains("holds_case")
    );
}
