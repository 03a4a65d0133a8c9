//! Co-handling (协办) by category: a route's `support` roles (schema 2,
//! ruling 42) are checked at load, and `check_invariants` warns about a
//! supporting role that may not record what it finds.

use tousu_policy::{DEFAULT_POLICY_TOML, Policy, check_invariants};

/// The default policy under schema 2 with one route for `billing`.
fn with_route(support: &str) -> String {
    let mut text = DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    text.push_str(&format!(
        "\n[[routing]]\nid = \"billing\"\ncategories = [\"billing\"]\nhandler_role = \"department_head\"\nsupport = {support}\n"
    ));
    text
}

#[test]
fn supporting_roles_load_and_are_checked() {
    let p = Policy::from_toml_str(&with_route(r#"["handler"]"#)).unwrap();
    assert_eq!(p.routing[0].support[0].as_str(), "handler");
    let bad = with_route(r#"["department_head", "handler", "handler", "ghost"]"#);
    let report = Policy::parse_toml(&bad).unwrap().check().to_string();
    insta::assert_snapshot!(report, @r#"
    routing[0].support[0]: "department_head" is the handler role or listed already; list each supporting (协办) role once, apart from the handler role
    routing[0].support[2]: "handler" is the handler role or listed already; list each supporting (协办) role once, apart from the handler role
    routing[0].support[3]: "ghost" is not a role; roles are complaint_manager, handler, department_head, general_manager
    "#);
}

#[test]
fn a_supporting_role_that_cannot_record_findings_is_a_warning() {
    let finds = |support: &str| {
        let p = Policy::from_toml_str(&with_route(support)).unwrap();
        check_invariants(&p)
            .iter()
            .filter(|f| f.invariant == "routes_support")
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert!(finds(r#"["handler"]"#).is_empty());
    insta::assert_snapshot!(finds(r#"["complaint_manager"]"#).join("\n"), @"warning [routes_support] routing[0].support[0]: role complaint_manager supports these categories but may not record_findings, so what it finds is never recorded; grant it (e.g. by a grant `when = { category = [...] }`)");
}
