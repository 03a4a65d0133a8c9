//! Clocks that start on a hand-over made by a given role (`started_by`,
//! ruling 45), or while the standing hand-over is that role's
//! (`handed_down_by`, ruling 124), or stop only on what given roles do (`stopped_by`, ruling
//! 64), and a classification's clocks seeing the steps its level
//! takes (ruling 38).

mod common;

use common::*;
use tousu_model::LevelId;
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

fn milestone(json: serde_json::Value) -> Milestone {
    serde_json::from_value(json).unwrap()
}

fn assignment() -> Assignment {
    Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    }
}

/// The default policy with a report owed only for cases the department
/// head hands over (as S31's province passes a case down).
fn handover_policy() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.milestones.push(milestone(serde_json::json!({
        "id": "handover_report",
        "name_zh": "交办结果上报",
        "start": ["assigned", "transferred"],
        "started_by": ["department_head"],
        "stop": ["report_submitted", "closed"],
        "target": "1 days",
    })));
    let head = policy
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "department_head")
        .unwrap();
    head.actions.push(tousu_policy::Action::RecordAction);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn accepted(h: &mut Harness) -> chrono::DateTime<chrono::Utc> {
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    t0
}

fn handover_clock(h: &Harness) -> Option<&Clock> {
    h.case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "handover_report")
}

#[test]
fn a_clock_started_by_a_role_runs_only_for_its_handovers() {
    // The desk assigns: no report is owed.
    let mut h = handover_policy();
    let t0 = accepted(&mut h);
    let kind = CommandKind::Assign {
        assignment: assignment(),
    };
    h.run("kf1", Harness::minutes(t0, 10), kind).unwrap();
    assert!(handover_clock(&h).is_none(), "{:#?}", h.case().clocks);

    // The department head hands it over: the report is owed, and the
    // recorded report stops it in time.
    let mut h = handover_policy();
    let t0 = accepted(&mut h);
    let kind = CommandKind::Assign {
        assignment: assignment(),
    };
    h.run("head1", Harness::minutes(t0, 10), kind).unwrap();
    assert!(handover_clock(&h).is_some_and(Clock::is_running));
    h.run("head1", Harness::minutes(t0, 60), kind_report())
        .unwrap();
    let clock = handover_clock(&h).unwrap();
    assert!(matches!(clock.state, ClockState::Stopped { met: true, .. }));
}

fn kind_report() -> CommandKind {
    CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: None,
        milestone: None,
    }
}

#[test]
fn a_started_by_role_that_is_no_role_is_refused_at_its_path() {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.milestones.push(milestone(serde_json::json!({
        "id": "handover_report",
        "name_zh": "交办结果上报",
        "start": ["assigned"],
        "started_by": ["province"],
        "stop": ["report_submitted"],
        "target": "1 days",
    })));
    let err = policy.validate().unwrap_err().to_string();
    assert!(
        err.contains("milestones[")
            && err.contains("started_by[0]")
            && err.contains("\"province\" is not a role"),
        "{err}"
    );
}

/// Ruling 38: a later classification into a level that takes a step by
/// itself sees that step after its own clock effects, as a registration
/// does: a clock it starts on `classified` stops on the step.
#[test]
fn a_classification_clock_stops_on_its_levels_own_step() {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.escalation.push(
        serde_json::from_value(serde_json::json!({
            "id": "gm-on-major",
            "after": "level_reached",
            "levels": ["major"],
            "notify": ["general_manager"],
        }))
        .unwrap(),
    );
    policy.milestones.push(milestone(serde_json::json!({
        "id": "major_report",
        "name_zh": "重大投诉上报",
        "start": ["classified"],
        "stop": ["escalated"],
        "steps": ["gm-on-major"],
        "optional": true,
        "targets": { "major": "1 hours" },
        "fallback_owner": { "role": "complaint_manager" },
    })));
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    assert!(
        h.case()
            .clocks
            .iter()
            .all(|c| c.milestone.as_str() != "major_report")
    );
    let kind = CommandKind::Classify {
        level: Some(LevelId::new("major").unwrap()),
        reason: Some("媒体已介入".to_owned()),
    };
    h.run("head1", Harness::minutes(t0, 10), kind).unwrap();
    let steps: Vec<_> = h
        .case()
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(steps, ["gm-on-major"]);
    let clock = h
        .case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "major_report")
        .unwrap();
    assert!(
        matches!(clock.state, ClockState::Stopped { met: true, .. }),
        "{clock:#?}"
    );
}

/// The default policy with its result clock stopped only by a reply of
/// `role` (`stopped_by`, ruling 64), as S30's team reply clock is.
fn stopped_by_policy(role: &str) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let result = policy
        .milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "result")
        .unwrap();
    result.stopped_by = vec![tousu_model::RoleId::new(role).unwrap()];
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn result_clock(h: &Harness) -> &Clock {
    h.case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "result")
        .unwrap()
}

fn reply(text: &str) -> CommandKind {
    CommandKind::Reply {
        text: text.into(),
        written: false,
    }
}

/// Accepted, assigned to `h1` and under investigation.
fn investigated(h: &mut Harness) -> chrono::DateTime<chrono::Utc> {
    let t0 = accepted(h);
    let kind = CommandKind::Assign {
        assignment: assignment(),
    };
    h.run("kf1", Harness::minutes(t0, 10), kind).unwrap();
    h.run(
        "h1",
        Harness::minutes(t0, 20),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    t0
}

#[test]
fn a_clock_stopped_by_a_role_runs_on_through_another_roles_reply() {
    // The handler's reply is not the desk's: the result clock runs on,
    // while the first response (no `stopped_by`) stops on it.
    let mut h = stopped_by_policy("complaint_manager");
    let t0 = investigated(&mut h);
    h.run("h1", Harness::minutes(t0, 30), reply("正在处理"))
        .unwrap();
    assert!(result_clock(&h).is_running(), "{}", timeline(&h.events));
    let first = h
        .case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "first_response")
        .unwrap();
    assert!(!first.is_open());
    // The decision is in the events: replay gives the same clocks.
    let replayed = Case::replay_events(&h.events).unwrap();
    assert_eq!(replayed.clocks, h.case().clocks);

    // The complaint manager's reply stops it, in time.
    let mut h = stopped_by_policy("complaint_manager");
    let t0 = investigated(&mut h);
    h.run("kf1", Harness::minutes(t0, 30), reply("处理结果如下"))
        .unwrap();
    assert!(
        matches!(
            result_clock(&h).state,
            ClockState::Stopped { met: true, .. }
        ),
        "{}",
        timeline(&h.events)
    );
}

#[test]
fn a_withdrawal_stops_a_clock_whoever_makes_it() {
    let mut h = stopped_by_policy("department_head");
    let t0 = investigated(&mut h);
    h.run("h1", Harness::minutes(t0, 30), reply("已收到"))
        .unwrap();
    assert!(result_clock(&h).is_running());
    let kind = CommandKind::Withdraw {
        reason: Some("客户撤诉".into()),
    };
    h.run("kf1", Harness::minutes(t0, 40), kind).unwrap();
    assert!(!result_clock(&h).is_open(), "{}", timeline(&h.events));
}

/// The default policy with a clock that runs from the investigation of a
/// case the department head handed over, whoever starts the investigation.
fn handed_down_policy() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.milestones.push(milestone(serde_json::json!({
        "id": "handover_report",
        "name_zh": "交办结果上报",
        "start": ["investigation_started"],
        "handed_down_by": ["department_head"],
        "stop": ["closed"],
        "target": "1 days",
    })));
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

#[test]
fn a_clock_handed_down_by_a_role_reads_the_standing_hand_over_not_the_actor() {
    for (assigner, owed) in [("head1", true), ("kf1", false)] {
        let mut h = handed_down_policy();
        let t0 = accepted(&mut h);
        let kind = CommandKind::Assign {
            assignment: assignment(),
        };
        h.run(assigner, Harness::minutes(t0, 10), kind).unwrap();
        assert_eq!(h.case().handed_over_by, Some(sid(assigner)));
        // The handler starts the investigation: the clock reads who handed
        // the case to him, not him.
        h.run(
            "h1",
            Harness::minutes(t0, 20),
            CommandKind::StartInvestigation,
        )
        .unwrap();
        assert_eq!(handover_clock(&h).is_some(), owed, "{assigner}");
        // A replay finds who made the hand-over.
        let replayed = Case::replay_events(&h.events).unwrap();
        assert_eq!(replayed.handed_over_by, Some(sid(assigner)));
    }
}
