//! Hand-over clocks (`started_by`, ruling 45), clocks only given roles
//! stop (`stopped_by`, ruling 64), remedy rules (ruling 46) and
//! the checks that go with them: paths for mistakes, warnings for what will
//! not work as meant.

use tousu_policy::{Milestone, Policy, RemedyRule, Severity, check_invariants};

fn v2() -> Policy {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    p
}

fn milestone(json: serde_json::Value) -> Milestone {
    serde_json::from_value(json).unwrap()
}

fn findings(p: &Policy, invariant: &str) -> Vec<String> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == invariant)
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            format!("{}: {}", f.path, f.message)
        })
        .collect()
}

#[test]
fn a_handover_clock_no_named_role_can_start_is_found() {
    let mut p = v2();
    // The general manager may neither assign nor transfer.
    p.milestones.push(milestone(serde_json::json!({
        "id": "handover_report",
        "name_zh": "交办结果上报",
        "start": ["assigned", "transferred"],
        "started_by": ["general_manager"],
        "stop": ["report_submitted", "closed"],
        "target": "1 days",
    })));
    let i = p.milestones.len() - 1;
    p.validate().unwrap();
    let found = findings(&p, "handover_clocks_start");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(&format!(
            "milestones[{i}].started_by: no role of [general_manager]"
        )),
        "{found:#?}"
    );
    // The department head assigns: the clock can start.
    p.milestones[i].started_by = vec![tousu_model::RoleId::new("department_head").unwrap()];
    assert!(findings(&p, "handover_clocks_start").is_empty());
}

#[test]
fn started_by_is_checked_at_its_path_and_needs_schema_2() {
    let mut p = v2();
    p.milestones.push(milestone(serde_json::json!({
        "id": "handover_report",
        "name_zh": "交办结果上报",
        "start": ["assigned"],
        "started_by": ["department_head", "department_head"],
        "stop": ["closed"],
        "target": "1 days",
    })));
    let i = p.milestones.len() - 1;
    let report = p.check();
    let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("milestones[{i}].started_by[1]"))
                && e.contains("listed twice")),
        "{errors:#?}"
    );
    p.milestones[i].started_by.pop();
    p.schema_version = 1;
    let errors: Vec<String> = p.check().errors.iter().map(ToString::to_string).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("milestones[{i}].started_by"))
                && e.contains("schema_version 2")),
        "{errors:#?}"
    );
}

/// The default policy's result clock (stopped by `replied`, `withdrawn`,
/// `closed`), stopped only by `roles`.
fn stopped_by(roles: &[&str]) -> (Policy, usize) {
    let mut p = v2();
    let i = p
        .milestones
        .iter()
        .position(|m| m.id.as_str() == "result")
        .unwrap();
    p.milestones[i].stopped_by = roles
        .iter()
        .map(|r| tousu_model::RoleId::new(*r).unwrap())
        .collect();
    (p, i)
}

#[test]
fn stopped_by_is_checked_at_its_path_and_needs_schema_2() {
    let (mut p, i) = stopped_by(&["handler", "province", "handler"]);
    let errors: Vec<String> = p.check().errors.iter().map(ToString::to_string).collect();
    let at = |j: usize, what: &str| {
        errors
            .iter()
            .any(|e| e.starts_with(&format!("milestones[{i}].stopped_by[{j}]")) && e.contains(what))
    };
    assert!(
        at(1, "\"province\" is not a role; roles are"),
        "{errors:#?}"
    );
    assert!(at(2, "listed twice"), "{errors:#?}");
    p.milestones[i].stopped_by.truncate(1);
    p.validate().unwrap();
    p.schema_version = 1;
    let errors: Vec<String> = p.check().errors.iter().map(ToString::to_string).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("milestones[{i}].stopped_by"))
                && e.contains("schema_version 2")),
        "{errors:#?}"
    );
}

#[test]
fn a_stopped_by_role_that_cannot_make_a_stop_event_is_found() {
    // The general manager may not reply: named to stop the result clock,
    // it never does. Closure and withdrawal do not count: they stop the
    // clock whoever makes them.
    let (p, i) = stopped_by(&["handler", "general_manager"]);
    p.validate().unwrap();
    let found = findings(&p, "stopped_by_roles_stop");
    assert_eq!(
        found,
        [format!(
            "milestones[{i}].stopped_by[1]: the role \"general_manager\" may take no action that makes a stop event it is named for (replied), so it never stops the clock; grant the role the action (`reply` for `replied`) or drop it from the list"
        )]
    );
    let (p, _) = stopped_by(&["handler", "complaint_manager"]);
    assert!(findings(&p, "stopped_by_roles_stop").is_empty());
}

#[test]
fn a_stopped_by_that_restricts_nothing_is_warned_about() {
    let (mut p, i) = stopped_by(&["handler"]);
    p.milestones[i].stop = vec![
        tousu_policy::ClockEvent::Withdrawn,
        tousu_policy::ClockEvent::Closed,
    ];
    let warnings: Vec<String> = p.check().warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with(&format!("milestones[{i}].stopped_by: restricts nothing"))),
        "{warnings:#?}"
    );
}

#[test]
fn remedy_rules_are_checked_with_paths() {
    let mut p = v2();
    let rule = |json: serde_json::Value| -> RemedyRule { serde_json::from_value(json).unwrap() };
    p.remedy_rules = vec![
        rule(serde_json::json!({ "id": "empty", "when": { "fact_true": "x" } })),
        rule(serde_json::json!({
            "id": "contradicts",
            "when": { "fact_true": "x" },
            "one_of": ["recall"],
            "only": ["replacement", "explanation"],
        })),
        rule(serde_json::json!({
            "id": "empty",
            "when": { "category": ["no_such_category"] },
            "only": ["apology"],
        })),
    ];
    let errors: Vec<String> = p.check().errors.iter().map(ToString::to_string).collect();
    for expected in [
        "remedy_rules[0]: requires nothing",
        "remedy_rules[1].one_of[0]: recall is required but not in `only`",
        "remedy_rules[2].id: \"empty\" is used twice",
        "remedy_rules[2].when",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{expected}: {errors:#?}"
        );
    }
    p.schema_version = 1;
    let errors: Vec<String> = p.check().errors.iter().map(ToString::to_string).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("remedy_rules: is a table of schema_version 2"))
    );
}

#[test]
fn a_requirement_that_blocks_a_refusal_is_found() {
    let mut p = v2();
    p.registration = Some(
        serde_json::from_value(serde_json::json!({ "required": ["contact", "complainant_name"] }))
            .unwrap(),
    );
    p.acceptance.rules.push(
        serde_json::from_value(serde_json::json!({
            "id": "anonymous",
            "when": { "all": [{ "anonymous": true }, { "channel": ["letter"] }] },
            "outcome": { "not_accepted": { "reason_zh": "匿名投诉", "advice_zh": "请实名投诉" } },
        }))
        .unwrap(),
    );
    let found = findings(&p, "refusals_registrable");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("registration.required[1]: requires complainant.name")
            && found[0].contains("(anonymous)"),
        "{found:#?}"
    );
    // Only what every record holds: nothing blocks the refusal.
    p.registration =
        Some(serde_json::from_value(serde_json::json!({ "required": ["contact"] })).unwrap());
    assert!(findings(&p, "refusals_registrable").is_empty());
}

#[test]
fn a_contact_required_at_registration_blocks_a_refusal_for_want_of_one() {
    let mut p = v2();
    p.registration =
        Some(serde_json::from_value(serde_json::json!({ "required": ["contact"] })).unwrap());
    p.acceptance.rules.push(
        serde_json::from_value(serde_json::json!({
            "id": "no_contact",
            "when": { "not": { "has_contact": true } },
            "outcome": { "not_accepted": { "reason_zh": "未留联络办法", "advice_zh": "请留下联络办法" } },
        }))
        .unwrap(),
    );
    let found = findings(&p, "refusals_registrable");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("registration.required[0]: requires complainant.contact")
            && found[0].contains("(no_contact)"),
        "{found:#?}"
    );
    // Owed only before the acceptance (S15 4.1.3 B): the refusal is recorded.
    p.registration = Some(
        serde_json::from_value(serde_json::json!({
            "before": [{ "events": ["accepted"], "required": ["contact"] }]
        }))
        .unwrap(),
    );
    assert!(findings(&p, "refusals_registrable").is_empty());
}

#[test]
fn a_role_owned_clock_another_role_starts_needs_a_fallback() {
    let mut p = v2();
    p.milestones.push(milestone(serde_json::json!({
        "id": "manager_review",
        "name_zh": "投诉管理人复核",
        "start": ["assigned"],
        "stop": ["closed"],
        "target": "1 days",
        "owner": { "role": "complaint_manager" },
    })));
    let i = p.milestones.len() - 1;
    let path = format!("milestones[{i}].fallback_owner");
    // Only the complaint manager registers: its holder is on every case.
    assert!(
        p.check()
            .warnings
            .iter()
            .all(|w| !w.to_string().starts_with(&path))
    );
    let head = p
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "department_head")
        .unwrap();
    head.actions.push(tousu_policy::Action::Register);
    let warned = |p: &Policy| {
        p.check()
            .warnings
            .iter()
            .map(ToString::to_string)
            .filter(|w| w.starts_with(&path))
            .collect::<Vec<_>>()
    };
    // The department head may assign too: the clock can run with no
    // complaint manager on the case.
    let w = warned(&p);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].contains("\"department_head\""), "{w:#?}");
    // Started only by the owner role's act: its holder is on the case.
    p.milestones[i].started_by = vec![tousu_model::RoleId::new("complaint_manager").unwrap()];
    assert!(warned(&p).is_empty());
    // Or a fallback owner answers.
    p.milestones[i].started_by.clear();
    p.milestones[i].fallback_owner = Some(tousu_policy::FallbackOwner::One(
        tousu_policy::MilestoneOwner::Role(tousu_model::RoleId::new("department_head").unwrap()),
    ));
    assert!(warned(&p).is_empty());
}
