//! A role owner limited to the department holding the case
//! (`{ role_holding_case = "…" }`, ruling 161): a holder of the role on the
//! case counts only while their department holds it, read as a
//! `holds_case = "received"` grant reads it.

mod common;

use common::*;
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

/// The default policy with an hour's clock from the registration owned by
/// the department head on the case — any (`role`) or only one whose
/// department holds it (`role_holding_case`) — else the complaint manager.
fn harness(owner: &str) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "held",
        "name_zh": "持有部门时限",
        "start": ["registered"],
        "stop": ["closed"],
        "target": "1 hours",
        "owner": { owner: "department_head" },
        "fallback_owner": { "role": "complaint_manager" },
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
    let mut h = harness(owner);
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
