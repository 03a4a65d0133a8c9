//! A late entry (补录, ruling 27) shows on the case's timeline as recorded
//! late, at the instant it was recorded, with the instant it happened.

mod common;

use chrono::TimeDelta;
use common::Desk;
use tousu_policy::{Action, LateEntry, Policy};
use tousu_report::{CaseTimeline, TimelineMark};

#[test]
fn a_late_entry_is_marked_recorded_late_with_both_instants() {
    let mut policy = Policy::default_policy().unwrap();
    policy.late_entries.push(LateEntry {
        actions: vec![Action::AddNote],
        within: "24 hours".parse().unwrap(),
    });
    let mut desk = Desk::registered(policy);
    let t0 = desk.t0;
    let note = desk
        .builder("n1", t0 + TimeDelta::hours(2))
        .note("09:15 已电话安抚客户")
        .late_entry(t0 + TimeDelta::minutes(15));
    desk.run(&note);
    let as_of = t0 + TimeDelta::hours(3);
    let timeline = CaseTimeline::from_events(&desk.runtime.policy, &desk.events, as_of).unwrap();
    let late: Vec<_> = timeline
        .marks
        .iter()
        .filter(|m| matches!(m, TimelineMark::RecordedLate { .. }))
        .collect();
    assert_eq!(
        late,
        [&TimelineMark::RecordedLate {
            at: t0 + TimeDelta::hours(2),
            occurred_at: t0 + TimeDelta::minutes(15),
            what: "note_added",
        }]
    );
    assert_eq!(late[0].label(), "补录 note_added, recorded late");
    let svg = timeline.to_svg(&desk.runtime.calendar).unwrap();
    assert!(svg.contains("recorded late"));
}
