//! The invariant checker on the default policy and on policies built to
//! break each invariant; findings snapshotted.

use tousu_policy::{Policy, check_invariants};

fn render(p: &Policy) -> String {
    check_invariants(p)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn default_policy_findings() {
    insta::assert_snapshot!(render(&Policy::default_policy().unwrap()));
}

#[test]
fn broken_invariants_are_found() {
    let mut p = Policy::default_policy().unwrap();
    // No rule reaches "crisis" any more, and nobody may reclassify.
    p.classification
        .rules
        .retain(|r| r.level.as_str() != "crisis");
    for role in &mut p.roles {
        role.actions.retain(|a| {
            !matches!(
                a,
                tousu_policy::authority::Action::Reclassify
                    | tousu_policy::authority::Action::Close
            )
        });
    }
    // Rounds run out with no ladder step.
    p.escalation
        .retain(|s| s.after != tousu_policy::authority::EscalationTrigger::RoundsExhausted);
    // A clock nothing stops.
    if let Some(m) = p
        .milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "callback")
    {
        m.stop = vec![tousu_policy::ClockEvent::RepeatMerged];
        for role in &mut p.roles {
            role.actions
                .retain(|a| *a != tousu_policy::authority::Action::Merge);
        }
    }
    insta::assert_snapshot!(render(&p));
}

/// A clock that starts on an action event no role may record never runs.
#[test]
fn action_event_nobody_records_is_found() {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let m = p
        .milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "callback")
        .unwrap();
    m.start = vec![tousu_policy::ClockEvent::WorkCompleted];
    let findings = render(&p);
    assert!(
        findings.contains("milestones[4].start: no role may take an action that starts callback"),
        "{findings}"
    );
    for role in &mut p.roles {
        role.actions
            .push(tousu_policy::authority::Action::RecordAction);
    }
    assert!(!render(&p).contains("starts callback"));
}

/// A milestone's own overtime fine that can never be charged: the milestone
/// is left out of `overtime_milestones`, or it is a reminder.
#[test]
fn a_milestone_fine_that_never_applies_is_found() {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let schedule = p.penalties.get_or_insert_with(Default::default);
    schedule.overtime_milestones = vec![tousu_policy::MilestoneId::new("first_response").unwrap()];
    for id in ["callback", "first_response"] {
        schedule.overtime_by_milestone.insert(
            tousu_policy::MilestoneId::new(id).unwrap(),
            tousu_policy::MilestoneFine {
                amount: Some("30".parse().unwrap()),
                levels: Default::default(),
            },
        );
    }
    let findings = render(&p);
    assert!(
        findings.contains(
            "warning [overtime_fine_applies] penalties.overtime_by_milestone.callback: callback has its own overtime fine but is not in `overtime_milestones`"
        ),
        "{findings}"
    );
    assert!(
        !findings.contains("overtime_by_milestone.first_response"),
        "{findings}"
    );
    if let Some(m) = p
        .milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "first_response")
    {
        m.reminder = true;
    }
    assert!(
        render(&p).contains("first_response is a reminder, which never breaches"),
        "{}",
        render(&p)
    );
}

/// A grant of an action the role has always, a grant that cannot hold, an
/// approval rule behind one without conditions, a route to a role that
/// cannot handle: each is found.
#[test]
fn grant_approval_and_routing_mistakes_are_found() {
    let text =
        tousu_policy::DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    let mut p = Policy::from_toml_str(&text).unwrap();
    let grants: Vec<tousu_policy::Grant> = serde_json::from_value(serde_json::json!([
        { "actions": ["add_note", "approve"], "levels": ["unsatisfied"] },
        { "actions": ["approve"], "levels": ["unsatisfied"], "after_escalation": ["crisis-to-gm"] },
        { "actions": ["reply"], "statuses": ["closed"] },
    ]))
    .unwrap();
    let role = p
        .roles
        .iter_mut()
        .find(|r| r.may(tousu_policy::Action::AddNote))
        .unwrap();
    role.grants = grants;
    let step = p.escalation.first().unwrap().clone();
    let mut only_crisis = step.clone();
    only_crisis.id = "crisis-to-gm".parse().unwrap();
    only_crisis.levels = vec!["crisis".parse().unwrap()];
    p.escalation.push(only_crisis);
    let auth = p.approval.as_mut().unwrap();
    auth.rules = serde_json::from_value(serde_json::json!([
        { "id": "all", "above": auth.above },
        { "id": "major", "levels": ["major"], "above": auth.above },
    ]))
    .unwrap();
    p.routing = serde_json::from_value(serde_json::json!([
        { "id": "to-clerks", "categories": [], "handler_role": p.roles[0].id },
    ]))
    .unwrap();
    insta::assert_snapshot!(render(&p));
}

/// One recorded act that two clocks stop on without `named_actions` stops
/// both whatever it was for (ruling 29): a warning at the second, gone once
/// both ask to be named.
#[test]
fn an_action_stopping_two_clocks_is_found() {
    let text =
        tousu_policy::DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    let mut p = Policy::from_toml_str(&text).unwrap();
    for m in p.milestones.iter_mut().take(2) {
        m.stop.push(tousu_policy::ClockEvent::ReportSubmitted);
    }
    let found = |p: &Policy| -> Vec<String> {
        check_invariants(p)
            .iter()
            .filter(|f| f.invariant == "action_names_its_clock")
            .map(ToString::to_string)
            .collect()
    };
    insta::assert_snapshot!(found(&p).join("\n"));
    for m in p.milestones.iter_mut().take(2) {
        m.named_actions = true;
    }
    assert!(found(&p).is_empty());
}

/// A step waiting for a recorded fact when no role may record facts is
/// never taken: an error at its trigger.
#[test]
fn a_fact_step_nobody_can_fire_is_found() {
    let text =
        tousu_policy::DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    let mut p = Policy::from_toml_str(&text).unwrap();
    let mut step = p.escalation.first().unwrap().clone();
    step.id = "late-known".parse().unwrap();
    step.after =
        serde_json::from_value(serde_json::json!({ "fact_recorded": "cannot_fix_soon" })).unwrap();
    p.escalation.push(step);
    let found = |p: &Policy| -> Vec<String> {
        check_invariants(p)
            .iter()
            .filter(|f| f.invariant == "fact_step_can_fire")
            .map(ToString::to_string)
            .collect()
    };
    assert!(
        found(&p).is_empty(),
        "the default policy's roles record findings"
    );
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::authority::Action::RecordFindings);
    }
    insta::assert_snapshot!(found(&p).join("\n"));
}

/// A clock stopped by the findings' validity (ruling 48) needs someone who
/// records findings, and a validity the validity table can judge.
#[test]
fn a_validity_stop_that_cannot_fire_is_found() {
    let text =
        tousu_policy::DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    let mut p = Policy::from_toml_str(&text).unwrap();
    let found = |p: &Policy| -> Vec<String> {
        check_invariants(p)
            .iter()
            .filter(|f| f.invariant.starts_with("validity_stop"))
            .map(ToString::to_string)
            .collect()
    };
    let invalid = tousu_model::Validity::Invalid;
    p.milestones[0].stop_on_validity = vec![invalid];
    assert!(found(&p).is_empty(), "{:?}", found(&p));
    // No rule finds a complaint invalid any more, and nobody records findings.
    p.validity.rules.retain(|r| r.validity != invalid);
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::authority::Action::RecordFindings);
    }
    insta::assert_snapshot!(found(&p).join("\n"));
}

/// The paths `grants_usable` reports for `p`.
fn unusable(p: &Policy) -> Vec<String> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == "grants_usable")
        .map(|f| f.path)
        .collect()
}

/// `not_accept` with no acceptance rule that refuses is refused to a role
/// without `override_acceptance`; `approve_extension` with nobody who may
/// `request_extension` has nothing to decide. Each is found, and only then.
#[test]
fn grants_the_engine_always_refuses_are_found() {
    use tousu_policy::Action;
    let mut p = Policy::default_policy().unwrap();
    assert_eq!(unusable(&p), Vec::<String>::new());
    // No acceptance rule refuses: only the override holder may still not_accept.
    p.acceptance.rules.clear();
    let found = unusable(&p);
    let clerk = p
        .roles
        .iter()
        .position(|r| r.may(Action::NotAccept) && !r.may(Action::OverrideAcceptance))
        .unwrap();
    let k = p.roles[clerk]
        .actions
        .iter()
        .position(|a| *a == Action::NotAccept)
        .unwrap();
    assert_eq!(found, vec![format!("roles[{clerk}].actions[{k}]")]);
    // Granting the clerk override_acceptance makes not_accept usable again.
    p.roles[clerk].actions.push(Action::OverrideAcceptance);
    assert_eq!(unusable(&p), Vec::<String>::new());
    // Nobody may request an extension: the approver's grant is dead.
    for role in &mut p.roles {
        role.actions.retain(|a| *a != Action::RequestExtension);
    }
    let approver = p
        .roles
        .iter()
        .position(|r| r.may(Action::ApproveExtension))
        .unwrap();
    let k = p.roles[approver]
        .actions
        .iter()
        .position(|a| *a == Action::ApproveExtension)
        .unwrap();
    let found = check_invariants(&p);
    let f = found
        .iter()
        .find(|f| f.invariant == "grants_usable")
        .unwrap();
    assert_eq!(f.path, format!("roles[{approver}].actions[{k}]"));
    assert!(f.message.contains("no role may request_extension"), "{f}");
    assert_eq!(f.severity, tousu_policy::Severity::Warning);
}
