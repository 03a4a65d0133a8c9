//! A later agreement that replaces the running agreed deadline
//! (`[agreed_deadline] later_replaces`, ruling 110) shows on the case's
//! timeline as agreed again, saying whether the earlier date was met.

mod common;

use chrono::{TimeDelta, TimeZone, Utc};
use common::Desk;
use tousu_policy::Policy;
use tousu_report::{CaseTimeline, TimelineMark};
use tousu_workflow::{Command, CommandBuilder};

#[test]
fn a_replaced_agreed_deadline_is_marked_agreed_again() {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.agreed_deadline.later_replaces = true;
    let mut desk = Desk::registered(policy);
    let t0 = desk.t0;
    let mut run = |name: &str, hours: i64, cmd: fn(CommandBuilder) -> Command| {
        let command = cmd(desk.builder(name, t0 + TimeDelta::hours(hours)));
        desk.run(&command);
    };
    run("a1", 1, |b| b.accept());
    // Agreed for t0 + 1 day; agreed again after 2 hours (met), then again
    // after 3 days (the second date, t0 + 2 days, missed).
    run("d1", 2, |b| {
        b.agree_deadline(Utc.with_ymd_and_hms(2025, 11, 4, 1, 0, 0).unwrap())
    });
    run("d2", 4, |b| {
        b.agree_deadline(Utc.with_ymd_and_hms(2025, 11, 5, 1, 0, 0).unwrap())
    });
    run("d3", 72, |b| {
        b.agree_deadline(Utc.with_ymd_and_hms(2025, 11, 10, 1, 0, 0).unwrap())
    });
    let timeline = CaseTimeline::from_events(
        &desk.runtime.policy,
        &desk.events,
        t0 + TimeDelta::hours(80),
    )
    .unwrap();
    let again: Vec<String> = timeline
        .marks
        .iter()
        .filter(|m| matches!(m, TimelineMark::AgreedAgain { .. }))
        .map(|m| format!("{} {}", m.at(), m.label()))
        .collect();
    assert_eq!(
        again,
        [
            "2025-11-03 05:00:00 UTC 再约定 agreed again, the last time met",
            "2025-11-06 01:00:00 UTC 再约定 agreed again, the last time missed",
        ]
    );
    // Three dates on the drawing, the last still running.
    let agreed: Vec<_> = timeline
        .clocks
        .iter()
        .filter(|c| c.milestone.as_str() == "agreed_deadline")
        .collect();
    assert_eq!(agreed.len(), 3);
    assert!(agreed[2].stopped.is_none());
    let svg = timeline.to_svg(&desk.runtime.calendar).unwrap();
    assert!(svg.contains("agreed again"));
}
