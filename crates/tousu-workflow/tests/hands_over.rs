//! Where a role may send a case (`hands_over_to`, ruling 78): an
//! assignment or transfer to a lead department where nobody holds a role
//! listed, or naming a handler who holds none, is refused, naming the
//! role's list and the department or handler, and changes nothing; a role
//! of the actor without a list lets it through.

mod common;

use tousu_model::{Department, DepartmentTree, Roster, Staff};
use tousu_policy::Policy;
use tousu_workflow::*;

use common::*;

fn role(s: &str) -> tousu_model::RoleId {
    tousu_model::RoleId::new(s).unwrap()
}

/// The default policy whose complaint desk sends cases only to departments
/// where someone is a handler (工程部, not 总经理室 or itself).
fn limited() -> PolicyRuntime {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "complaint_manager")
        .unwrap();
    p.roles[i].hands_over_to = vec![role("handler")];
    p.validate().unwrap();
    PolicyRuntime::new(p).unwrap()
}

fn assign(lead: &str, handler: Option<&str>) -> CommandKind {
    CommandKind::Assign {
        assignment: Assignment {
            lead: did(lead),
            handler: handler.map(sid),
            co_handling: vec![],
        },
    }
}

fn accepted(h: &mut Harness) -> chrono::DateTime<chrono::Utc> {
    h.rt = limited();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    t0
}

#[test]
fn an_assignment_where_the_list_does_not_reach_is_refused_and_changes_nothing() {
    let mut h = Harness::new();
    let t0 = accepted(&mut h);
    let before = h.case().clone();
    let err = h
        .run("kf1", Harness::minutes(t0, 10), assign("hq", None))
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused");
    insta::assert_snapshot!(err.to_string(), @"kf1 may assign a case only to a department where someone holds handler (hands_over_to of role complaint_manager): the lead department hq has nobody who does");
    // The handler named counts too, by his own roles: 总经理 赵总 works
    // in 总经理室, and 王主管 works in 工程部 beside its handlers but is
    // its department head, not one of them (S26's station head).
    let err = h
        .run("kf1", Harness::minutes(t0, 10), assign("eng", Some("gm")))
        .unwrap_err();
    assert!(
        err.to_string()
            .ends_with("the handler gm (of hq) holds none of them"),
        "{err}"
    );
    let err = h
        .run(
            "kf1",
            Harness::minutes(t0, 10),
            assign("eng", Some("head1")),
        )
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused");
    insta::assert_snapshot!(err.to_string(), @"kf1 may assign a case only to a handler who holds handler (hands_over_to of role complaint_manager): the handler head1 (of eng) holds none of them");
    let details = err.details();
    assert_eq!(details["handler"], "head1");
    assert_eq!(details["what"], "the handler");
    assert_eq!(details["department"], "eng");
    assert_eq!(details["accepted"], serde_json::json!(["handler"]));
    assert_eq!(h.case(), &before, "a refused hand-over changes nothing");
    h.run("kf1", Harness::minutes(t0, 10), assign("eng", Some("h1")))
        .unwrap();
    assert_eq!(h.case().assignment.as_ref().unwrap().lead, did("eng"));
}

#[test]
fn a_role_of_the_actor_without_a_list_lets_the_hand_over_through() {
    let mut h = Harness::new();
    // 客服部's desk is also a department head: that role sends anywhere.
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
    ])
    .unwrap();
    let staff = vec![
        Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
        Staff::new(sid("kf1"), "李客服", did("cs"))
            .with_role(role("complaint_manager"))
            .with_role(role("department_head")),
        Staff::new(sid("h1"), "张师傅", did("eng")).with_role(role("handler")),
    ];
    h.roster = Roster::new(tree, staff).unwrap();
    let t0 = accepted(&mut h);
    h.run("kf1", Harness::minutes(t0, 10), assign("hq", None))
        .unwrap();
    assert_eq!(h.case().assignment.as_ref().unwrap().lead, did("hq"));
}

/// [`limited`], and the desk's `assign` also granted in `status` with a
/// list of its own naming the general manager (ruling 158).
fn granted_in(status: &str) -> PolicyRuntime {
    let mut p = limited().policy.clone();
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "complaint_manager")
        .unwrap();
    let grant = serde_json::json!({
        "actions": ["assign"], "statuses": [status],
        "hands_over_to": ["handler", "general_manager"],
    });
    p.roles[i]
        .grants
        .push(serde_json::from_value(grant).unwrap());
    p.validate().unwrap();
    PolicyRuntime::new(p).unwrap()
}

#[test]
fn a_grants_own_list_holds_only_where_the_grant_does() {
    let mut h = Harness::new();
    let t0 = accepted(&mut h);
    // The grant holds only in another status: the role's list decides.
    h.rt = granted_in("investigating");
    let before = h.case().clone();
    let err = h
        .run("kf1", Harness::minutes(t0, 10), assign("hq", Some("gm")))
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused", "{err}");
    assert_eq!(err.details()["accepted"], serde_json::json!(["handler"]));
    assert_eq!(h.case(), &before);
    // Where it holds, its list lets the case go to the general manager.
    h.rt = granted_in("accepted");
    h.run("kf1", Harness::minutes(t0, 10), assign("hq", Some("gm")))
        .unwrap();
}

/// The default policy whose complaint desk holds `transfer` only by two
/// grants: one while the case is with it (`holds_case = true`) with no list
/// (the role has none either: anywhere), one that does not ask for the case
/// (on an assigned case) sending it only where someone is a handler (ruling
/// 158).
fn transfer_by_two_grants() -> PolicyRuntime {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "complaint_manager")
        .unwrap();
    p.roles[i]
        .actions
        .retain(|a| *a != tousu_policy::authority::Action::Transfer);
    for grant in [
        serde_json::json!({ "actions": ["transfer"], "holds_case": true }),
        serde_json::json!({ "actions": ["transfer"], "statuses": ["assigned"], "hands_over_to": ["handler"] }),
    ] {
        p.roles[i]
            .grants
            .push(serde_json::from_value(grant).unwrap());
    }
    p.validate().unwrap();
    PolicyRuntime::new(p).unwrap()
}

/// Ruling 158, 「the ways that hold on the case decide」: a grant counts only
/// where its conditions hold, `holds_case` among them. The desk sent the
/// case to 工程部's handler, so it is no longer the desk's: the grant that
/// asks for the case (no list) does not hold, and the other grant's list
/// decides — the desk may not send the case on to the general manager in
/// 总经理室, where nobody is a handler. (`assign` is taken only on an
/// accepted case, which before any hand-over is anyone's under
/// `holds_case = true`; `transfer` is the same check on a case held
/// elsewhere.)
#[test]
fn a_grant_that_asks_for_the_case_does_not_count_where_the_case_is_elsewhere() {
    let mut h = Harness::new();
    h.rt = transfer_by_two_grants();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    h.run("kf1", Harness::minutes(t0, 10), assign("eng", Some("h1")))
        .unwrap();
    let before = h.case().clone();
    let transfer_to = |lead: &str, handler: Option<&str>| CommandKind::Transfer {
        assignment: Assignment {
            lead: did(lead),
            handler: handler.map(sid),
            co_handling: vec![],
        },
        reason: "转总经理室".to_owned(),
    };
    let err = h
        .run(
            "kf1",
            Harness::minutes(t0, 20),
            transfer_to("hq", Some("gm")),
        )
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused", "{err}");
    assert_eq!(err.details()["accepted"], serde_json::json!(["handler"]));
    assert_eq!(h.case(), &before);
    // The other grant's list lets the case go where a handler is.
    h.run("kf1", Harness::minutes(t0, 20), transfer_to("eng", None))
        .unwrap();
    assert_eq!(h.case().assignment.as_ref().unwrap().handler, None);
}
