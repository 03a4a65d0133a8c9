//! Where a role may send a case (`hands_over_to`, ruling 78): checked at
//! its path, a schema-2 option, a warning when it limits nothing, and an
//! invariant finding when a role listed can take no case on.

use tousu_model::RoleId;
use tousu_policy::{Policy, Severity, check_invariants};

/// The default policy at schema 2, with `hands_over_to` on `role`.
fn limited(role: &str, to: &[&str]) -> (Policy, usize) {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let i = p.roles.iter().position(|r| r.id.as_str() == role).unwrap();
    p.roles[i].hands_over_to = to.iter().map(|r| RoleId::new(*r).unwrap()).collect();
    (p, i)
}

fn errors(p: &Policy) -> Vec<String> {
    p.check().errors.iter().map(ToString::to_string).collect()
}

#[test]
fn hands_over_to_is_checked_at_its_path_and_needs_schema_2() {
    let (mut p, i) = limited("complaint_manager", &["handler", "province", "handler"]);
    let found = errors(&p);
    let at = |j: usize, what: &str| {
        found
            .iter()
            .any(|e| e.starts_with(&format!("roles[{i}].hands_over_to[{j}]")) && e.contains(what))
    };
    assert!(
        at(
            1,
            "\"province\" is not a role; roles are complaint_manager, handler"
        ),
        "{found:#?}"
    );
    assert!(at(2, "listed twice"), "{found:#?}");
    p.roles[i].hands_over_to.truncate(1);
    p.validate().unwrap();
    p.schema_version = 1;
    assert!(
        errors(&p).contains(&format!(
            "roles[{i}].hands_over_to: is an option of schema_version 2; write schema_version = 2"
        )),
        "{:#?}",
        errors(&p)
    );
}

#[test]
fn a_list_on_a_role_that_neither_assigns_nor_transfers_limits_nothing() {
    let (p, i) = limited("handler", &["handler"]);
    let warnings: Vec<String> = p.check().warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.contains(&format!(
            "roles[{i}].hands_over_to: limits nothing: the role \"handler\" may neither assign nor transfer; grant it the action or drop the list"
        )),
        "{warnings:#?}"
    );
    let (p, _) = limited("complaint_manager", &["handler"]);
    assert!(p.check().warnings.is_empty(), "{:#?}", p.check().warnings);
}

#[test]
fn a_listed_role_that_can_take_no_case_on_is_found() {
    // The general manager approves and escalates, but neither investigates
    // nor passes a case on: a department picked for him may have nobody
    // who handles the case.
    let (p, i) = limited("complaint_manager", &["handler", "general_manager"]);
    p.validate().unwrap();
    let found: Vec<String> = check_invariants(&p)
        .into_iter()
        .filter(|f| f.invariant == "hand_overs_received")
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            format!("{}: {}", f.path, f.message)
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(&format!(
            "roles[{i}].hands_over_to[1]: the role \"general_manager\" may not investigate"
        )),
        "{found:#?}"
    );
    let (p, _) = limited("complaint_manager", &["handler", "department_head"]);
    assert!(
        check_invariants(&p)
            .iter()
            .all(|f| f.invariant != "hand_overs_received")
    );
}

#[test]
fn a_role_without_the_list_sends_anywhere_and_older_files_round_trip() {
    let (p, i) = limited("complaint_manager", &["handler"]);
    let role = &p.roles[i];
    let handler = RoleId::new("handler").unwrap();
    let head = RoleId::new("department_head").unwrap();
    assert!(role.hands_over_to_any([&head, &handler].into_iter()));
    assert!(!role.hands_over_to_any([&head].into_iter()));
    assert!(!role.hands_over_to_any(std::iter::empty()));
    let open = Policy::default_policy().unwrap();
    assert!(open.roles.iter().all(|r| r.hands_over_to.is_empty()));
    assert!(open.roles[0].hands_over_to_any(std::iter::empty()));
    // An empty list is not written out: a file without it reads back as it was.
    let json = serde_json::to_value(&open.roles[0]).unwrap();
    assert!(json.get("hands_over_to").is_none(), "{json}");
    let back: tousu_policy::authority::Role =
        serde_json::from_value(serde_json::to_value(role).unwrap()).unwrap();
    assert_eq!(&back, role);
}
