//! Where a role may send a case (`hands_over_to`, ruling 78): checked at
//! its path, a schema-2 option, a warning when it limits nothing, and an
//! invariant finding when a role listed can take no case on.

use tousu_model::RoleId;
use tousu_policy::{Action, Policy, Severity, check_invariants};

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
    let admits = |role: &tousu_policy::authority::Role, roles: &[&RoleId]| {
        role.hand_over_limits(Action::Assign)
            .any(|l| l.admits(roles.iter().copied()))
    };
    assert!(admits(role, &[&head, &handler]));
    assert!(!admits(role, &[&head]));
    assert!(!admits(role, &[]));
    let open = Policy::default_policy().unwrap();
    assert!(open.roles.iter().all(|r| r.hands_over_to.is_empty()));
    assert!(admits(&open.roles[0], &[]));
    // An empty list is not written out: a file without it reads back as it was.
    let json = serde_json::to_value(&open.roles[0]).unwrap();
    assert!(json.get("hands_over_to").is_none(), "{json}");
    let back: tousu_policy::authority::Role =
        serde_json::from_value(serde_json::to_value(role).unwrap()).unwrap();
    assert_eq!(&back, role);
}

/// A grant of `assign` or `transfer` with a list of its own (ruling 158):
/// the default policy at schema 2, `complaint_manager`'s `assign` moved to
/// a grant at the most severe level, listing `lists`.
fn by_level(lists: &[&str]) -> (Policy, usize, usize) {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "complaint_manager")
        .unwrap();
    let top = p.levels.last().unwrap().id.as_str().to_owned();
    let grant = serde_json::json!({
        "actions": ["assign"], "levels": [top], "hands_over_to": lists,
    });
    p.roles[i]
        .grants
        .push(serde_json::from_value(grant).unwrap());
    let j = p.roles[i].grants.len() - 1;
    (p, i, j)
}

#[test]
fn a_grants_list_is_checked_at_its_path() {
    let (mut p, i, j) = by_level(&["handler", "province"]);
    let found = errors(&p);
    assert!(
        found.iter().any(|e| e.starts_with(&format!(
            "roles[{i}].grants[{j}].hands_over_to[1]: \"province\" is not a role; roles are complaint_manager, handler"
        ))),
        "{found:#?}"
    );
    // On a grant of neither action, or of others besides, it is refused.
    p.roles[i].grants[j].hands_over_to.truncate(1);
    p.roles[i].grants[j].actions = vec![Action::Reply];
    let found = errors(&p);
    assert!(
        found.iter().any(|e| e.starts_with(&format!(
            "roles[{i}].grants[{j}].hands_over_to: limits only `assign` and `transfer`, and the grant of role \"complaint_manager\" gives neither"
        ))),
        "{found:#?}"
    );
    p.roles[i].grants[j].actions = vec![Action::Assign, Action::Reply];
    let found = errors(&p);
    assert!(
        found.iter().any(|e| e.starts_with(&format!(
            "roles[{i}].grants[{j}].hands_over_to: limits only `assign` and `transfer`, and the grant also gives reply"
        ))),
        "{found:#?}"
    );
    // A level the policy lacks is refused at the grant's `levels`.
    p.roles[i].grants[j].actions = vec![Action::Assign];
    p.roles[i].grants[j].levels = vec![serde_json::from_value(serde_json::json!("grave")).unwrap()];
    let found = errors(&p);
    assert!(
        found
            .iter()
            .any(|e| e.starts_with(&format!("roles[{i}].grants[{j}].levels[0]"))),
        "{found:#?}"
    );
}

#[test]
fn a_grants_list_holds_where_the_grant_does_and_in_place_of_the_roles() {
    let (mut p, i, j) = by_level(&["handler", "department_head"]);
    p.roles[i].actions.retain(|a| *a != Action::Assign);
    p.roles[i].hands_over_to = vec![RoleId::new("handler").unwrap()];
    p.validate().unwrap();
    let role = &p.roles[i];
    let limits: Vec<_> = role.hand_over_limits(Action::Assign).collect();
    let handler = RoleId::new("handler").unwrap();
    let head = RoleId::new("department_head").unwrap();
    assert!(limits.iter().all(|l| l.grant.is_some()));
    let own = limits.iter().find(|l| l.grant == Some(j)).unwrap();
    assert!(own.admits([&head].into_iter()));
    // The role's list still limits its other ways of holding the action.
    assert!(
        limits
            .iter()
            .filter(|l| l.grant != Some(j))
            .all(|l| !l.admits([&head].into_iter()))
    );
    // Whom it may name, in some case: both lists.
    assert_eq!(role.hand_over_targets(), Some(vec![handler, head]));
    // Written out and read back unchanged; a grant without it omits it.
    let json = serde_json::to_value(&role.grants[j]).unwrap();
    assert!(json.get("hands_over_to").is_some(), "{json}");
    let back: tousu_policy::authority::Role =
        serde_json::from_value(serde_json::to_value(role).unwrap()).unwrap();
    assert_eq!(&back, role);
}

#[test]
fn a_grants_list_beside_an_unlimited_way_is_found() {
    // The role also assigns by its `actions`, with no list of its own: the
    // case may go anywhere at the grant's level too.
    let (p, i, j) = by_level(&["handler"]);
    assert!(p.roles[i].actions.contains(&Action::Assign));
    p.validate().unwrap();
    let found: Vec<String> = check_invariants(&p)
        .into_iter()
        .filter(|f| f.invariant == "hand_over_lists_limit")
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect();
    assert_eq!(
        found,
        [format!(
            "roles[{i}].grants[{j}].hands_over_to: limits nothing for `assign`: the role \"complaint_manager\" also takes it with no list, by its `actions`, so the case may go anywhere; give the role a `hands_over_to`, or that way a list of its own"
        )]
    );
    // With a list on the role, every way is limited: nothing found.
    let (mut p, i, _) = by_level(&["handler"]);
    p.roles[i].hands_over_to = vec![RoleId::new("handler").unwrap()];
    assert!(
        check_invariants(&p)
            .iter()
            .all(|f| f.invariant != "hand_over_lists_limit")
    );
}
