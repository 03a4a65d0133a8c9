//! A role may come back in a sign-off chain, not twice in a row (ruling 43),
//! and a chain whose last signer would approve too is a warning.

use tousu_policy::{DEFAULT_POLICY_TOML, Policy, Severity, check_invariants};

const ABOVE: &str = "above = \"general_manager\"\n";

/// The default policy under schema 2 with `sign_off` added to its approval.
fn with_chain(chain: &str) -> String {
    assert!(DEFAULT_POLICY_TOML.contains(ABOVE));
    DEFAULT_POLICY_TOML
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen(ABOVE, &format!("{ABOVE}sign_off = {chain}\n"), 1)
}

#[test]
fn a_role_comes_back_after_another() {
    let text = with_chain(r#"["department_head", "general_manager", "department_head"]"#);
    let p = Policy::from_toml_str(&text).unwrap();
    assert_eq!(p.approval.unwrap().sign_off.len(), 3);
}

#[test]
fn not_twice_in_a_row() {
    let text = with_chain(r#"["department_head", "department_head"]"#);
    let report = Policy::parse_toml(&text).unwrap().check().to_string();
    insta::assert_snapshot!(report, @r#"approval.sign_off[1]: "department_head" signs at the position before too; a role may come back later in the chain, after another role, but not twice in a row"#);
}

fn changes_hands(chain: &str) -> Vec<String> {
    let p = Policy::from_toml_str(&with_chain(chain)).unwrap();
    check_invariants(&p)
        .iter()
        .filter(|f| f.invariant == "sign_off_changes_hands")
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            f.to_string()
        })
        .collect()
}

#[test]
fn a_chain_ending_with_its_approver_is_a_warning() {
    // The general manager approves above 1,000 元, department_head up to it:
    // either as the last signer would approve right after signing.
    insta::assert_snapshot!(changes_hands(r#"["department_head", "general_manager"]"#).join("\n"), @"warning [sign_off_changes_hands] approval.sign_off[1]: role general_manager signs last and approves too: one person may not do both in a row, so the approval waits for a second holder of general_manager; end the chain with another role or drop the sign-off");
    assert_eq!(
        changes_hands(r#"["general_manager", "department_head"]"#).len(),
        1
    );
    assert!(
        changes_hands(r#"["department_head", "general_manager", "complaint_manager"]"#).is_empty()
    );
}
