//! A later agreement that replaces the running agreed deadline
//! (`[agreed_deadline] later_replaces`, ruling 110) shows on the case's
//! timeline as agreed again, saying whether the earlier date was met.

use chrono::{TimeDelta, TimeZone, Utc};
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, RoleId,
    Roster, Staff, StaffId,
};
use tousu_policy::Policy;
use tousu_report::{CaseTimeline, TimelineMark};
use tousu_workflow::{Case, Command, CommandKind, PolicyRuntime, handle};

#[test]
fn a_replaced_agreed_deadline_is_marked_agreed_again() {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.agreed_deadline.later_replaces = true;
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
    let mut run = |events: &mut Vec<_>, name: &str, hours: i64, cmd: fn(_) -> Command| {
        let at = t0 + TimeDelta::hours(hours);
        let version = case.as_ref().unwrap().version;
        let c = cmd(Command::builder(id(name), kf.clone(), at).expecting(version));
        events.extend(handle(&mut case, &c, &runtime.ctx(&roster, at)).unwrap());
    };
    run(&mut events, "a1", 1, |b| b.accept());
    // Agreed for t0 + 1 day; agreed again after 2 hours (met), then again
    // after 3 days (the second date, t0 + 2 days, missed).
    run(&mut events, "d1", 2, |b| {
        b.agree_deadline(Utc.with_ymd_and_hms(2025, 11, 4, 1, 0, 0).unwrap())
    });
    run(&mut events, "d2", 4, |b| {
        b.agree_deadline(Utc.with_ymd_and_hms(2025, 11, 5, 1, 0, 0).unwrap())
    });
    run(&mut events, "d3", 72, |b| {
        b.agree_deadline(Utc.with_ymd_and_hms(2025, 11, 10, 1, 0, 0).unwrap())
    });
    let timeline =
        CaseTimeline::from_events(&runtime.policy, &events, t0 + TimeDelta::hours(80)).unwrap();
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
    let svg = timeline.to_svg(&runtime.calendar).unwrap();
    assert!(svg.contains("agreed again"));
}
