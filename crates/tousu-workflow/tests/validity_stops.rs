//! A limit the findings end (`stop_on_validity`, ruling 48) and findings
//! corrected in the same round (ruling 52): the limit was never met, so
//! it runs again to the deadline it had.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use tousu_model::{FaultParty, Validity};
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

use common::*;

/// The default policy with a 10-day limit for founded complaints (as S33's
/// month for 责任投诉), ended by findings of `invalid`, and a step that
/// raises the level when it breaches (S33 c) → 重大).
fn harness() -> Harness {
    harness_with(&[])
}

/// [`harness`], the limit also stopped by `report_submitted`.
fn harness_stopping_on_report() -> Harness {
    harness_with(&["report_submitted"])
}

fn harness_with(more_stops: &[&str]) -> Harness {
    let mut stop = vec!["closed", "withdrawn"];
    stop.extend_from_slice(more_stops);
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "founded_resolution",
        "name_zh": "责任投诉合理解决",
        "start": ["accepted", "reopened"],
        "stop": stop,
        "stop_on_validity": ["invalid"],
        "target": "10 days",
        "on_reopen": "continue",
        "owner": "assignee",
    }))
    .unwrap();
    policy.milestones.push(m);
    policy.escalation.push(
        serde_json::from_value(serde_json::json!({
            "id": "major-after-ten-days",
            "after": { "breach_of": "founded_resolution" },
            "reclassify_to": "major",
            "notify": ["general_manager"],
        }))
        .unwrap(),
    );
    let handler = policy
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "handler")
        .unwrap();
    handler.actions.push(tousu_policy::Action::RecordAction);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

/// Registered 3 Nov 2025 09:00, accepted at 09:05 (the limit ends 14 Nov
/// 00:00), assigned to the handler, who investigates.
fn investigating() -> (Harness, DateTime<Utc>) {
    investigating_with(harness())
}

fn investigating_with(mut h: Harness) -> (Harness, DateTime<Utc>) {
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.investigating_from(t0);
    (h, t0)
}

fn findings(validity: Validity) -> CommandKind {
    CommandKind::RecordFindings {
        validity: Some(validity),
        fault: Some(match validity {
            Validity::Valid => FaultParty::Us,
            _ => FaultParty::Nobody,
        }),
        responsible: vec![],
        note: None,
    }
}

fn clock(h: &Harness) -> &Clock {
    h.case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "founded_resolution" && c.round == h.case().round)
        .unwrap()
}

fn deadline() -> DateTime<Utc> {
    beijing(2025, 11, 14, 0, 0)
}

fn breached(events: &[Event]) -> bool {
    events.iter().any(|e| {
        matches!(&e.kind, EventKind::MilestoneBreached { milestone, .. }
            if milestone.as_str() == "founded_resolution")
    })
}

fn assert_replays(h: &Harness) {
    assert_eq!(&Case::replay_events(&h.events).unwrap(), h.case());
}

#[test]
fn corrected_findings_run_the_limit_again_to_its_deadline() {
    let (mut h, t0) = investigating();
    assert_eq!(clock(&h).deadline_at(), Some(deadline()));

    // Found invalid on day 2: the limit ends, met, and says why.
    h.run("h1", t0 + TimeDelta::days(2), findings(Validity::Invalid))
        .unwrap();
    assert!(
        matches!(
            clock(&h).state,
            ClockState::Stopped {
                met: true,
                by_validity: Some(Validity::Invalid),
                ..
            }
        ),
        "{:#?}",
        clock(&h)
    );

    // Corrected on day 4: founded after all. The limit was never met; it
    // runs again to the deadline it had, not a new one from now.
    let events = h
        .run("h1", t0 + TimeDelta::days(4), findings(Validity::Valid))
        .unwrap();
    assert!(
        events.iter().any(|e| matches!(&e.kind,
            EventKind::ClockResumed { milestone, deadline: Some(d), .. }
                if milestone.as_str() == "founded_resolution" && d.at == deadline())),
        "{}",
        timeline(&events)
    );
    assert!(clock(&h).is_running());
    assert_eq!(clock(&h).deadline_at(), Some(deadline()));

    // Left unresolved, it breaches at its deadline and raises the level.
    let late = h.tick(deadline() + TimeDelta::hours(1));
    assert!(breached(&late), "{}", timeline(&late));
    assert_eq!(h.case().level.as_ref().unwrap().as_str(), "major");
    assert_replays(&h);
}

#[test]
fn findings_corrected_after_the_deadline_breach_at_once() {
    let (mut h, t0) = investigating();
    h.run("h1", t0 + TimeDelta::days(2), findings(Validity::Invalid))
        .unwrap();
    // Corrected after the deadline: the limit had run out unresolved, so
    // the correction breaches it now, as a tick would have (the outcome
    // does not depend on how often tick runs).
    let events = h
        .run(
            "h1",
            deadline() + TimeDelta::days(1),
            findings(Validity::Valid),
        )
        .unwrap();
    assert!(breached(&events), "{}", timeline(&events));
    assert_eq!(h.case().level.as_ref().unwrap().as_str(), "major");
    assert!(clock(&h).breached);
    // Breached once: a tick finds nothing more to breach.
    assert!(!breached(&h.tick(deadline() + TimeDelta::days(2))));
    assert_replays(&h);
}

#[test]
fn findings_that_still_hold_the_limit_leave_it_stopped() {
    let (mut h, t0) = investigating();
    let level = h.case().level.clone();
    h.run("h1", t0 + TimeDelta::days(2), findings(Validity::Invalid))
        .unwrap();
    // Recorded again, still invalid: nothing to restore.
    let events = h
        .run("h1", t0 + TimeDelta::days(3), findings(Validity::Invalid))
        .unwrap();
    assert!(
        events
            .iter()
            .all(|e| !matches!(e.kind, EventKind::ClockResumed { .. })),
        "{}",
        timeline(&events)
    );
    // Valid, then invalid again: it runs, then stops met once more.
    h.run("h1", t0 + TimeDelta::days(4), findings(Validity::Valid))
        .unwrap();
    h.run("h1", t0 + TimeDelta::days(5), findings(Validity::Invalid))
        .unwrap();
    assert!(matches!(
        clock(&h).state,
        ClockState::Stopped { met: true, .. }
    ));
    assert!(!breached(&h.tick(deadline() + TimeDelta::days(1))));
    assert_eq!(h.case().level, level, "not raised");
    assert_replays(&h);
}

#[test]
fn a_limit_a_stop_event_ended_is_not_restored_by_findings() {
    let (mut h, t0) = investigating_with(harness_stopping_on_report());
    // The report is one of the limit's stop events: it ends the limit met,
    // and findings recorded after it (invalid, then valid) change nothing.
    let report = CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: None,
        milestone: None,
    };
    h.run("h1", t0 + TimeDelta::days(1), report).unwrap();
    assert!(matches!(
        clock(&h).state,
        ClockState::Stopped {
            met: true,
            by_validity: None,
            ..
        }
    ));
    h.run("h1", t0 + TimeDelta::days(2), findings(Validity::Invalid))
        .unwrap();
    let events = h
        .run("h1", t0 + TimeDelta::days(3), findings(Validity::Valid))
        .unwrap();
    assert!(
        events
            .iter()
            .all(|e| !matches!(e.kind, EventKind::ClockResumed { .. })),
        "{}",
        timeline(&events)
    );
    assert!(!clock(&h).is_running());
    assert_replays(&h);
}
