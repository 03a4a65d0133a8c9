//! `fallback_owner` as a list tried in order (schema 2, ruling 44): what a
//! policy check says about a list, and that the single form still loads.

mod common;

use tousu_policy::{DEFAULT_POLICY_TOML, FallbackOwner, MilestoneOwner, Policy};

const ONE: &str = "fallback_owner = { role = \"complaint_manager\" }";

/// The default policy at `schema` (1 or 2) with its first `fallback_owner`
/// replaced.
fn with_first_fallback(to: &str, schema: u8) -> String {
    assert!(DEFAULT_POLICY_TOML.contains(ONE));
    let text = match schema {
        1 => common::default_at_schema_1(),
        _ => DEFAULT_POLICY_TOML.to_owned(),
    };
    text.replacen(ONE, to, 1)
}

fn report(text: &str) -> String {
    Policy::parse_toml(text).unwrap().check().to_string()
}

#[test]
fn a_single_owner_still_loads_as_a_list_of_one() {
    let p = Policy::from_toml_str(DEFAULT_POLICY_TOML).unwrap();
    let m = p.milestone(&"first_response".parse().unwrap()).unwrap();
    let fallback = m.fallback_owner.as_ref().unwrap();
    assert!(!fallback.is_chain());
    assert_eq!(
        fallback.owners(),
        [MilestoneOwner::Role("complaint_manager".parse().unwrap())]
    );
}

#[test]
fn a_list_loads_under_schema_2() {
    let text = with_first_fallback(
        "fallback_owner = [{ role = \"department_head\" }, { role = \"complaint_manager\" }]",
        2,
    );
    let p = Policy::from_toml_str(&text).unwrap();
    let m = p.milestone(&"first_response".parse().unwrap()).unwrap();
    assert!(matches!(m.fallback_owner, Some(FallbackOwner::Chain(ref l)) if l.len() == 2));
}

#[test]
fn a_list_is_checked() {
    let v1 = with_first_fallback("fallback_owner = [{ role = \"complaint_manager\" }]", 1);
    insta::assert_snapshot!(report(&v1), @"milestones[1].fallback_owner: is an option of schema_version 2; write schema_version = 2");
    let empty = with_first_fallback("fallback_owner = []", 2);
    insta::assert_snapshot!(report(&empty), @r#"milestones[1].fallback_owner: is an empty list; name the owners to try in order, e.g. [{ role = "store_superior" }, { role = "store" }], or leave fallback_owner out"#);
    let twice = with_first_fallback(
        "fallback_owner = [{ role = \"complaint_manager\" }, { role = \"department_head\" }, { role = \"complaint_manager\" }, \"assignee\", { role = \"nobody\" }]",
        2,
    );
    insta::assert_snapshot!(report(&twice), @r#"
    milestones[1].fallback_owner[2]: role "complaint_manager" is tried already (as the owner or earlier in the list); each owner is tried once
    milestones[1].fallback_owner[3]: assignee is tried already (as the owner or earlier in the list); each owner is tried once
    milestones[1].fallback_owner[4].role: "nobody" is not a role; roles are complaint_manager, handler, department_head, general_manager
    "#);
}

/// `{ role_holding_case = "…" }` (ruling 161): loads as its own owner, in
/// schema 2 only, and its role is checked with its path.
#[test]
fn a_role_owner_limited_to_the_department_holding_the_case() {
    let text = with_first_fallback(
        "fallback_owner = [{ role_holding_case = \"department_head\" }, { role = \"complaint_manager\" }]",
        2,
    );
    let p = Policy::from_toml_str(&text).unwrap();
    let m = p.milestone(&"first_response".parse().unwrap()).unwrap();
    let owners = m.fallback_owner.as_ref().unwrap().owners();
    assert_eq!(
        owners[0],
        MilestoneOwner::RoleHoldingCase(tousu_policy::HeldRole::received(
            "department_head".parse().unwrap()
        ))
    );
    assert_eq!(
        owners[0].role().map(|r| r.as_str()),
        Some("department_head")
    );
    let v1 = with_first_fallback(
        "fallback_owner = { role_holding_case = \"department_head\" }",
        1,
    );
    insta::assert_snapshot!(report(&v1), @"milestones[1].fallback_owner: is an option of schema_version 2; write schema_version = 2");
    let unknown = with_first_fallback(
        "fallback_owner = [{ role_holding_case = \"nobody\" }, { role_holding_case = \"department_head\" }, { role_holding_case = \"department_head\" }]",
        2,
    );
    insta::assert_snapshot!(report(&unknown), @r#"
    milestones[1].fallback_owner[2]: role "department_head" holding the case is tried already (as the owner or earlier in the list); each owner is tried once
    milestones[1].fallback_owner[0].role_holding_case: "nobody" is not a role; roles are complaint_manager, handler, department_head, general_manager
    "#);
}
