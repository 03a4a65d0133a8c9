//! A role owner limited to the department holding the case
//! (`{ role_holding_case = "…" }`, ruling 161): a holder of the role on the
//! case counts only while their department holds it, read as a
//! `holds_case = "received"` grant reads it — or as the `holds` of the table
//! form reads it (`{ role_holding_case = { role = "…", holds = ["received",
//! "sent"] } }`, ruling 172).

mod common;

use common::*;
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

/// The default policy with an hour's clock from the registration owned by
/// the department head on the case — any (`role`) or only one whose
/// department holds it (`role_holding_case`) — else the complaint manager.
fn harness(owner: &str) -> Harness {
    harness_with(
        serde_json::json!({ owner: "department_head" }),
        "complaint_manager",
    )
}

/// The default policy with an hour's clock from the registration owned by
/// `owner`, else the first holder of `fallback` on the case.
fn harness_with(owner: serde_json::Value, fallback: &str) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "held",
        "name_zh": "持有部门时限",
        "start": ["registered"],
        "stop": ["closed"],
        "target": "1 hours",
        "owner": owner,
        "fallback_owner": { "role": fallback },
    }))
    .unwrap();
    policy.milestones.push(m);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

/// Who the `held` clock's breach was charged to, once `eng` has acted (its
/// head classified the case), assigned to `eng` first when `assign`.
fn charged(owner: &str, assign: bool) -> Option<String> {
    charged_in(harness(owner), assign)
}

/// [`charged`] for a harness built with its owners.
fn charged_in(mut h: Harness, assign: bool) -> Option<String> {
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    let classify = CommandKind::Classify {
        level: Some(tousu_model::LevelId::new("unsatisfied").unwrap()),
        reason: Some("工程部判定".to_owned()),
    };
    h.run("head1", Harness::minutes(t0, 10), classify).unwrap();
    if assign {
        let kind = CommandKind::Assign {
            assignment: Assignment {
                lead: did("eng"),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        };
        h.run("kf1", Harness::minutes(t0, 20), kind).unwrap();
    }
    let events = h.tick(Harness::minutes(t0, 120));
    events.iter().find_map(|e| match &e.kind {
        EventKind::MilestoneBreached {
            milestone, owner, ..
        } if milestone.as_str() == "held" => {
            Some(owner.as_ref().map_or("-".to_owned(), ToString::to_string))
        }
        _ => None,
    })
}

#[test]
fn role_holding_case_skips_a_holder_whose_department_does_not_hold_the_case() {
    // 客服部 received it (kf1 is the first responder) and handed it to nobody:
    // 工程部's head on the case is charged as a role owner, not as one
    // limited to the department holding it.
    assert_eq!(charged("role", false).as_deref(), Some("head1"));
    assert_eq!(charged("role_holding_case", false).as_deref(), Some("kf1"));
}

#[test]
fn role_holding_case_counts_the_holder_once_the_case_is_handed_to_his_department() {
    assert_eq!(charged("role_holding_case", true).as_deref(), Some("head1"));
}

/// The complaint manager as an owner limited to the departments holding the
/// case, read as `holds` reads them (ruling 172; `None`: the role alone, as
/// `"received"`), else the general manager, who is never on the case.
fn manager_charged(holds: Option<serde_json::Value>, assign: bool) -> Option<String> {
    let owner = match holds {
        None => serde_json::json!({ "role_holding_case": "complaint_manager" }),
        Some(holds) => serde_json::json!({
            "role_holding_case": { "role": "complaint_manager", "holds": holds }
        }),
    };
    charged_in(harness_with(owner, "general_manager"), assign)
}

#[test]
fn role_holding_case_holds_sent_counts_the_department_that_handed_the_case_on() {
    // kf1 (客服部) received the case and assigned it to 工程部: as `"received"`
    // reads it, the case is 工程部's alone and the manager answers no longer;
    // `"sent"` keeps it with the department that handed it on (ruling 152).
    assert_eq!(manager_charged(None, true).as_deref(), Some("-"));
    let sent = serde_json::json!(["received", "sent"]);
    assert_eq!(
        manager_charged(Some(sent.clone()), true).as_deref(),
        Some("kf1")
    );
    assert_eq!(manager_charged(Some(sent), false).as_deref(), Some("kf1"));
}

#[test]
fn role_holding_case_holds_followed_counts_the_department_that_received_it() {
    let followed = serde_json::json!(["received", "followed"]);
    assert_eq!(
        manager_charged(Some(followed), true).as_deref(),
        Some("kf1")
    );
}

#[test]
fn role_holding_case_holds_handed_names_nobody_before_a_hand_over() {
    // `"handed"`: a case nobody was handed is nobody's (ruling 130), so the
    // manager who received it is not its owner; the 工程部 head is, once
    // it was handed to his department.
    assert_eq!(
        manager_charged(Some(serde_json::json!("handed")), false).as_deref(),
        Some("-")
    );
    let head = |assign| {
        let owner = serde_json::json!({
            "role_holding_case": { "role": "department_head", "holds": "handed" }
        });
        charged_in(harness_with(owner, "general_manager"), assign)
    };
    assert_eq!(head(false).as_deref(), Some("-"));
    assert_eq!(head(true).as_deref(), Some("head1"));
}

#[test]
fn role_holding_case_holds_loads_writes_back_and_refuses_false_with_its_place() {
    let toml_owner = |owner: &str| -> Result<Policy, String> {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../policies/campus-property-s22.toml"
        ))
        .unwrap();
        // `notify_responsible`'s fallback, the file's first with the role
        // alone: the anchor must be there, or the owner tested is not this.
        let anchor = "fallback_owner = { role_holding_case = \"receptionist\" }";
        assert!(text.contains(anchor), "S22 no longer has {anchor}");
        let text = text.replacen(anchor, &format!("fallback_owner = {owner}"), 1);
        let p = Policy::from_toml_str(&text).map_err(|e| e.to_string())?;
        p.validate().map_err(|e| e.to_string())?;
        Ok(p)
    };
    let p = toml_owner(
        "{ role_holding_case = { role = \"receptionist\", holds = [\"received\", \"sent\"] } }",
    )
    .unwrap();
    let m = p
        .milestones
        .iter()
        .find(|m| m.id.as_str() == "notify_responsible")
        .unwrap();
    let written = serde_json::to_value(&m.fallback_owner).unwrap();
    assert_eq!(
        written,
        serde_json::json!({ "role_holding_case": { "role": "receptionist", "holds": ["received", "sent"] } })
    );
    // The role alone is `"received"` and is written back as the role alone.
    let p = toml_owner("{ role_holding_case = { role = \"receptionist\", holds = \"received\" } }")
        .unwrap();
    let m = p
        .milestones
        .iter()
        .find(|m| m.id.as_str() == "notify_responsible")
        .unwrap();
    assert_eq!(
        serde_json::to_value(&m.fallback_owner).unwrap(),
        serde_json::json!({ "role_holding_case": "receptionist" })
    );
    let err = toml_owner("{ role_holding_case = { role = \"receptionist\", holds = false } }")
        .unwrap_err();
    assert!(
        err.contains("milestones[1].fallback_owner.role_holding_case.holds")
            && err.contains("ruling 172"),
        "{err}"
    );
    let err = toml_owner(
        "{ role_holding_case = { role = \"receptionist\", holds = [\"handed\", \"received\"] } }",
    )
    .unwrap_err();
    assert!(err.contains("both \"handed\" and \"received\""), "{err}");
    let err = toml_owner("{ role_holding_case = { role = \"receptionist\", among = \"roster\" } }")
        .unwrap_err();
    assert!(err.contains("among"), "{err}");
}
