//! A late entry (补录, ruling 27) shows on the case's timeline as recorded
//! late, at the instant it was recorded, with the instant it happened.

use chrono::{TimeDelta, TimeZone, Utc};
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, RoleId,
    Roster, Staff, StaffId,
};
use tousu_policy::{Action, LateEntry, Policy};
use tousu_report::{CaseTimeline, TimelineMark};
use tousu_workflow::{Case, Command, CommandKind, PolicyRuntime, handle};

#[test]
fn a_late_entry_is_marked_recorded_late_with_both_instants() {
    let mut policy = Policy::default_policy().unwrap();
    policy.late_entries.push(LateEntry {
        actions: vec![Action::AddNote],
        within: "24 hours".parse().unwrap(),
    });
    let runtime = PolicyRuntime::new(policy).unwrap();
    let cs = DepartmentId::new("cs").unwrap();
    let kf = StaffId::new("kf").unwrap();
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(kf.clone(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap();
    let t0 = Utc.with_ymd_and_hms(2025, 11, 3, 1, 0, 0).unwrap();
    let id = |s: &str| CommandId::new(s).unwrap();
    let complaint = Complaint::builder(t0, Channel::Phone, "热水器漏水")
        .build()
        .unwrap();
    let register = Command::new(
        id("f1"),
        kf.clone(),
        t0,
        0,
        CommandKind::Register {
            case_id: CaseId::new("c1").unwrap(),
            number: None,
            complaint: Box::new(complaint),
            repeat_count: 0,
        },
    );
    let mut case: Option<Case> = None;
    let mut events = handle(&mut case, &register, &runtime.ctx(&roster, t0)).unwrap();
    let version = case.as_ref().unwrap().version;
    let note = Command::builder(id("n1"), kf, t0 + TimeDelta::hours(2))
        .expecting(version)
        .note("09:15 已电话安抚客户")
        .late_entry(t0 + TimeDelta::minutes(15));
    events.extend(handle(&mut case, &note, &runtime.ctx(&roster, note.at)).unwrap());
    let as_of = t0 + TimeDelta::hours(3);
    let timeline = CaseTimeline::from_events(&runtime.policy, &events, as_of).unwrap();
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
    let svg = timeline.to_svg(&runtime.calendar).unwrap();
    assert!(svg.contains("recorded late"));
}
