//! Reclassification into a level with a longer limit: a running clock keeps
//! its deadline unless its milestone says `loosen_on_reclassify`, and then
//! never after the deadline has passed (ruling 26 in docs/rulings.md).

mod common;

use common::*;
use tousu_model::{CaseId, LevelId};
use tousu_policy::Policy;
use tousu_workflow::*;

fn harness(loosen: bool) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    for m in &mut policy.milestones {
        m.loosen_on_reclassify = loosen && m.id.as_str() == "first_response";
    }
    assert!(policy.check().is_ok(), "{}", policy.check());
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

/// A repeat complaint (major: 10 minutes) registered at `t0`.
fn register_major(h: &mut Harness, t0: chrono::DateTime<chrono::Utc>) {
    let kind = CommandKind::Register {
        case_id: CaseId::new("K-1").unwrap(),
        number: None,
        complaint: Box::new(complaint(t0)),
        repeat_count: 2,
    };
    h.run("kf1", t0, kind).unwrap();
    assert_eq!(h.case().level.as_ref().map(LevelId::as_str), Some("major"));
}

fn lower(h: &mut Harness, at: chrono::DateTime<chrono::Utc>) -> Vec<Event> {
    h.run(
        "head1",
        at,
        CommandKind::Classify {
            level: Some(LevelId::new("unsatisfied").unwrap()),
            reason: Some("核实后并非重复投诉".into()),
        },
    )
    .unwrap()
}

fn first_response_deadline(h: &Harness) -> chrono::DateTime<chrono::Utc> {
    h.case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "first_response")
        .and_then(|c| c.deadline.as_ref())
        .unwrap()
        .at
}

#[test]
fn a_loosening_clock_takes_the_longer_limit_from_its_start() {
    let t0 = beijing(2025, 10, 9, 9, 0);
    let mut h = harness(true);
    register_major(&mut h, t0);
    assert_eq!(first_response_deadline(&h), Harness::minutes(t0, 10));
    let events = lower(&mut h, Harness::minutes(t0, 4));
    assert!(events.iter().any(|e| matches!(&e.kind,
        EventKind::ClockRetargeted { from: Some(f), .. } if *f == t0)));
    // 30 minutes for 不满意, counted from the start, not from the reclassification.
    assert_eq!(first_response_deadline(&h), Harness::minutes(t0, 30));
    let ticked = h.tick(Harness::minutes(t0, 20));
    assert!(
        !ticked
            .iter()
            .any(|e| matches!(e.kind, EventKind::MilestoneBreached { .. })),
        "20 minutes in, the longer limit has not run out"
    );
    let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
    assert_eq!(&replayed, h.case());
}

#[test]
fn a_clock_is_not_loosened_by_default_nor_once_its_deadline_has_passed() {
    let t0 = beijing(2025, 10, 9, 9, 0);
    let mut keep = harness(false);
    register_major(&mut keep, t0);
    lower(&mut keep, Harness::minutes(t0, 4));
    assert_eq!(first_response_deadline(&keep), Harness::minutes(t0, 10));

    // Past the deadline, not yet ticked: the breach stays due.
    let mut late = harness(true);
    register_major(&mut late, t0);
    let events = lower(&mut late, Harness::minutes(t0, 12));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.kind, EventKind::ClockRetargeted { .. }))
    );
    let ticked = late.tick(Harness::minutes(t0, 13));
    assert!(ticked.iter().any(|e| matches!(&e.kind,
        EventKind::MilestoneBreached { milestone, .. } if milestone.as_str() == "first_response")));
}
