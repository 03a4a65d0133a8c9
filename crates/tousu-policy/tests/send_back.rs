//! A role granted `send_back` that no approval limit or sign-off chain
//! names could never send a proposal back (ruling 119), nor one granted
//! `approve` approve one: the invariant checker says so.

use tousu_model::RoleId;
use tousu_policy::{Action, Policy, Severity, check_invariants};

fn standing_findings(p: &Policy) -> Vec<String> {
    findings_of(p, "send_back_has_standing")
}

fn findings_of(p: &Policy, invariant: &str) -> Vec<String> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == invariant)
        .inspect(|f| assert_eq!(f.severity, Severity::Warning))
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect()
}

#[test]
fn a_send_back_without_approval_standing_is_reported() {
    let mut p = Policy::default_policy().unwrap();
    assert!(standing_findings(&p).is_empty());
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "complaint_manager")
        .unwrap();
    p.roles[i].actions.push(Action::SendBack);
    let found = standing_findings(&p);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(&format!("roles[{i}].actions")),
        "{found:#?}"
    );
    // Named in a sign-off chain, it has the standing of the next signer.
    if let Some(a) = p.approval.as_mut() {
        a.sign_off = vec![RoleId::new("complaint_manager").unwrap()];
    }
    assert!(standing_findings(&p).is_empty());
}

/// The S29 and S21 files granted `approve` to a commission and a bureau
/// their approval sections never name: a grant the engine always refuses.
#[test]
fn an_approval_without_standing_is_reported() {
    let mut p = Policy::default_policy().unwrap();
    assert!(findings_of(&p, "approve_has_standing").is_empty());
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "complaint_manager")
        .unwrap();
    p.roles[i].actions.push(Action::Approve);
    let found = findings_of(&p, "approve_has_standing");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(&format!(
            "roles[{i}].actions: \"complaint_manager\" is granted approve"
        )),
        "{found:#?}"
    );
    if let Some(a) = p.approval.as_mut() {
        a.sign_off = vec![RoleId::new("complaint_manager").unwrap()];
    }
    assert!(findings_of(&p, "approve_has_standing").is_empty());
}
