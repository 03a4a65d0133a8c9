//! A clock started by another clock's breach (`start = ["breached"]`,
//! `breach_of`, ruling 112): S37's explanation of a case not finished in
//! time is owed once the case is late, counted from the limit.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use tousu_policy::{Milestone, Policy};
use tousu_workflow::*;

use common::*;

/// The default policy with `late_notice`, a working day from the breach of
/// `result`, stopped by a reply.
fn harness() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "late_notice",
        "name_zh": "逾期主动说明原因",
        "start": ["breached"],
        "breach_of": "result",
        "stop": ["replied", "withdrawn", "closed"],
        "target": "1 working day",
        "owner": "assignee",
        "fallback_owner": { "role": "complaint_manager" },
    }))
    .unwrap();
    policy.milestones.push(m);
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn clock<'h>(h: &'h Harness, milestone: &str) -> Option<&'h Clock> {
    h.case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == milestone)
}

fn started(events: &[Event], milestone: &str) -> bool {
    events.iter().any(|e| {
        matches!(&e.kind, EventKind::ClockStarted { milestone: m, .. } if m.as_str() == milestone)
    })
}

fn breached(events: &[Event], milestone: &str) -> bool {
    events.iter().any(|e| {
        matches!(&e.kind, EventKind::MilestoneBreached { milestone: m, .. } if m.as_str() == milestone)
    })
}

/// Investigating from Mon 3 Nov 2025 09:00: `result`'s 15 working days end
/// with Mon 24 Nov.
fn investigating() -> (Harness, DateTime<Utc>) {
    let mut h = harness();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.investigating_from(t0);
    let result = clock(&h, "result").unwrap().deadline_at().unwrap();
    assert_eq!(result, beijing(2025, 11, 25, 0, 0));
    (h, t0)
}

#[test]
fn the_breach_starts_the_clock_counted_from_the_deadline() {
    let (mut h, _) = investigating();
    assert!(clock(&h, "late_notice").is_none(), "not owed in time");
    let early = h.tick(beijing(2025, 11, 24, 23, 0));
    assert!(!breached(&early, "result") && !started(&early, "late_notice"));
    // Seen late only on Wednesday: still counted from the limit (Tuesday's
    // start), so due by the end of Wednesday, not of Thursday.
    let late = h.tick(beijing(2025, 11, 26, 9, 0));
    assert!(breached(&late, "result"), "{late:#?}");
    assert!(started(&late, "late_notice"), "{late:#?}");
    let notice = clock(&h, "late_notice").unwrap();
    assert_eq!(notice.round, 1);
    assert_eq!(notice.deadline_at(), Some(beijing(2025, 11, 27, 0, 0)));
    // It breaches as any clock, charged to its owner.
    let late = h.tick(beijing(2025, 11, 27, 9, 0));
    assert!(breached(&late, "late_notice"), "{late:#?}");
    assert_eq!(&Case::replay_events(&h.events).unwrap(), h.case());
}

#[test]
fn the_explanation_stops_it_and_a_case_in_time_never_owes_it() {
    let (mut h, t0) = investigating();
    h.tick(beijing(2025, 11, 25, 9, 0));
    let reply = CommandKind::Reply {
        text: "尚需协调, 说明原因".into(),
        written: false,
    };
    h.run("h1", beijing(2025, 11, 25, 10, 0), reply).unwrap();
    assert!(!clock(&h, "late_notice").unwrap().is_running());
    assert!(!breached(
        &h.tick(beijing(2025, 12, 1, 9, 0)),
        "late_notice"
    ));

    // Answered in time: nothing starts.
    let mut h = harness();
    h.investigating_from(t0);
    let reply = CommandKind::Reply {
        text: "已处理".into(),
        written: false,
    };
    h.run("h1", t0 + TimeDelta::days(2), reply).unwrap();
    h.tick(beijing(2025, 12, 1, 9, 0));
    assert!(clock(&h, "late_notice").is_none());
}

#[test]
fn a_reply_that_meets_the_limit_late_starts_nothing() {
    // No tick saw `result` late: the reply stops it late (a breach), and
    // the reply is the answer, so no explanation is owed.
    let (mut h, _) = investigating();
    let reply = CommandKind::Reply {
        text: "已处理".into(),
        written: false,
    };
    let events = h.run("h1", beijing(2025, 11, 26, 10, 0), reply).unwrap();
    assert!(breached(&events, "result"), "{events:#?}");
    assert!(clock(&h, "late_notice").is_none(), "{events:#?}");
}
