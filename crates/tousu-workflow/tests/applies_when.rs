//! A milestone's `applies_when` is read wherever its clock would start,
//! a reopened round that continues the last round's clock included
//! (ruling 53).

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use tousu_model::{FactName, FactValue, Satisfaction};
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

use common::*;

/// The default policy with a 10-day limit that runs across rounds (`on_reopen
/// = "continue"`) only for complaints not found outside the service scope.
fn harness() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "in_scope_resolution",
        "name_zh": "服务范围内投诉解决",
        "applies_when": { "not": { "fact_true": "outside_scope" } },
        "start": ["accepted", "reopened"],
        "stop": ["replied", "closed", "withdrawn"],
        "target": "10 days",
        "on_reopen": "continue",
        "owner": "assignee",
    }))
    .unwrap();
    policy.milestones.push(m);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

/// Accepted (the limit starts), assigned, investigated; the facts found are
/// recorded; replied (the limit stops), the customer unsatisfied, reopened.
fn reopened_after(facts: &[(&str, bool)]) -> (Harness, DateTime<Utc>) {
    let mut h = harness();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.investigating_from(t0);
    if !facts.is_empty() {
        let facts = facts
            .iter()
            .map(|(n, v)| (FactName::new(*n).unwrap(), FactValue::Bool(*v)))
            .collect();
        h.run(
            "h1",
            t0 + TimeDelta::days(1),
            CommandKind::RecordFacts { facts },
        )
        .unwrap();
    }
    let reply = CommandKind::Reply {
        text: "已说明".into(),
        written: false,
    };
    h.run("h1", t0 + TimeDelta::days(2), reply).unwrap();
    let callback = CommandKind::RecordCallback {
        satisfaction: Satisfaction::Unsatisfied,
        note: Some("不接受".into()),
    };
    h.run("kf1", t0 + TimeDelta::days(3), callback).unwrap();
    let reopen = CommandKind::Reopen {
        reason: "客户不接受".into(),
    };
    h.run("gm", t0 + TimeDelta::days(4), reopen).unwrap();
    assert_eq!(h.case().round, 2);
    (h, t0)
}

fn round_two_clock(h: &Harness) -> Option<&Clock> {
    h.case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "in_scope_resolution" && c.round == 2)
}

#[test]
fn a_continued_clock_runs_on_where_its_milestone_applies() {
    // Nothing found against it (no fact, or the fact false): the new round
    // carries the time left over from the reopening.
    for facts in [&[][..], &[("outside_scope", false)][..]] {
        let (h, _) = reopened_after(facts);
        assert!(round_two_clock(&h).is_some_and(Clock::is_running));
        let carried = h.events.iter().any(|e| {
            matches!(&e.kind, EventKind::ClockStarted { milestone, round: 2, extras: Some(x), .. }
                if milestone.as_str() == "in_scope_resolution" && x.carried_seconds.is_some())
        });
        assert!(carried, "{}", timeline(&h.events));
    }
}

#[test]
fn a_continued_clock_does_not_run_where_its_milestone_no_longer_applies() {
    // Found outside the service scope in round 1: the limit no longer
    // applies, so the reopened round starts no clock for it, carried over
    // or not — as a fresh start would not.
    let (h, _) = reopened_after(&[("outside_scope", true)]);
    assert!(round_two_clock(&h).is_none(), "{:#?}", round_two_clock(&h));
    assert_eq!(&Case::replay_events(&h.events).unwrap(), h.case());
}
