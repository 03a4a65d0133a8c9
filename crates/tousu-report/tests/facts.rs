//! penalty_facts over cases built by the workflow alone: no engine, no store.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use rust_decimal::Decimal;
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, FaultParty,
    Money, Remedy, RemedyKind, Respondent, RoleId, Roster, Satisfaction, Staff, StaffId, Validity,
};
use tousu_penalty::{Period, Responsible};
use tousu_policy::Policy;
use tousu_report::{CaseRecord, penalty_facts};
use tousu_workflow::{
    Assignment, Case, Command, CommandKind, Event, PolicyRuntime, Responsibility, ResponsibleParty,
    handle,
};

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn roster() -> Roster {
    let (cs, eng) = (
        DepartmentId::new("cs").unwrap(),
        DepartmentId::new("eng").unwrap(),
    );
    let role = |r: &str| RoleId::new(r).unwrap();
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(cs.clone(), "客服部", None),
            Department::new(eng.clone(), "工程部", None),
        ])
        .unwrap(),
        vec![
            Staff::new(sid("kf1"), "李客服", cs.clone()).with_role(role("complaint_manager")),
            Staff::new(sid("head1"), "赵主管", eng.clone()).with_role(role("department_head")),
            Staff::new(sid("h1"), "张师傅", eng).with_role(role("handler")),
            Staff::new(sid("e9"), "钱安装", cs),
        ],
    )
    .unwrap()
}

/// A complaint against e9, at our fault, compensated ¥300 and closed at `closed`.
fn lifecycle(
    rt: &PolicyRuntime,
    start: DateTime<Utc>,
    closed: DateTime<Utc>,
) -> (Case, Vec<Event>) {
    let roster = roster();
    let mut case: Option<Case> = None;
    let mut events = Vec::new();
    let complaint = Complaint::builder(start, Channel::Phone, "热水器漏水")
        .respondent(Respondent::staff(sid("e9")))
        .build()
        .unwrap();
    let steps = [
        (
            "kf1",
            CommandKind::Register {
                case_id: CaseId::new("K1").unwrap(),
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 0,
            },
        ),
        (
            "kf1",
            CommandKind::Accept {
                override_reason: None,
            },
        ),
        (
            "kf1",
            CommandKind::Assign {
                assignment: Assignment {
                    lead: DepartmentId::new("eng").unwrap(),
                    handler: Some(sid("h1")),
                    co_handling: Vec::new(),
                },
            },
        ),
        ("h1", CommandKind::StartInvestigation),
        (
            "h1",
            CommandKind::RecordFindings {
                validity: Some(Validity::Valid),
                fault: Some(FaultParty::Us),
                responsible: vec![Responsibility {
                    party: ResponsibleParty::Staff(sid("e9")),
                    share: Decimal::ONE,
                }],
                note: None,
            },
        ),
        (
            "h1",
            CommandKind::ProposeSolution {
                remedies: vec![
                    Remedy::with_amount(RemedyKind::Compensation, Money::from_yuan(300).unwrap())
                        .unwrap(),
                ],
                note: None,
            },
        ),
        ("head1", CommandKind::Approve),
        (
            "kf1",
            CommandKind::Reply {
                text: "已赔偿".to_owned(),
            },
        ),
        (
            "kf1",
            CommandKind::RecordCallback {
                satisfaction: Satisfaction::Satisfied,
                note: None,
            },
        ),
        ("kf1", CommandKind::Close),
    ];
    let last = steps.len() - 1;
    for (i, (actor, kind)) in steps.into_iter().enumerate() {
        let at = if i == last { closed } else { start };
        let version = case.as_ref().map_or(0, |c| c.version);
        let cmd = Command::new(
            CommandId::new(format!("c{i}")).unwrap(),
            sid(actor),
            at,
            version,
            kind,
        );
        events.extend(handle(&mut case, &cmd, &rt.ctx(&roster, at)).unwrap());
    }
    (case.unwrap(), events)
}

#[test]
fn a_case_closed_at_our_fault_is_a_loss_and_a_complaint_in_its_policys_month() {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let start = Utc.with_ymd_and_hms(2025, 10, 30, 2, 0, 0).unwrap();
    // 2025-10-31 17:00 UTC is 1 November, 01:00 in Beijing.
    let closed = Utc.with_ymd_and_hms(2025, 10, 31, 17, 0, 0).unwrap();
    let (case, events) = lifecycle(&rt, start, closed);
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    let record = |offset| CaseRecord {
        case: &case,
        events: &events,
        offset,
    };

    let november = penalty_facts(Period::new(2025, 11).unwrap(), [record(beijing)]).unwrap();
    assert_eq!(november.losses.len(), 1);
    assert_eq!(november.losses[0].amount, Decimal::from(300));
    assert!(matches!(&november.losses[0].responsible, Responsible::Parties(p) if p.len() == 1));
    assert_eq!(november.complaints.len(), 1);
    assert_eq!(november.complaints[0].staff, sid("e9"));

    // The same case judged by a policy on UTC closed in October.
    let utc = FixedOffset::east_opt(0).unwrap();
    let october = penalty_facts(Period::new(2025, 10).unwrap(), [record(utc)]).unwrap();
    assert_eq!(october.losses.len(), 1);
    let october_beijing = penalty_facts(Period::new(2025, 10).unwrap(), [record(beijing)]).unwrap();
    assert!(october_beijing.losses.is_empty());
    assert!(october_beijing.complaints.is_empty());
}
