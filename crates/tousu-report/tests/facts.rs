//! penalty_facts over cases built by the workflow alone: no engine, no store.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use rust_decimal::Decimal;
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, FaultParty,
    Money, Remedy, RemedyKind, Respondent, RoleId, Roster, Satisfaction, Staff, StaffId, Validity,
};
use tousu_penalty::{Month, Responsible};
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
                written: false,
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

    let november = penalty_facts(Month::new(2025, 11).unwrap(), [record(beijing)]).unwrap();
    assert_eq!(november.losses.len(), 1);
    assert_eq!(november.losses[0].amount, Decimal::from(300));
    assert!(matches!(&november.losses[0].responsible, Responsible::Parties(p) if p.len() == 1));
    assert_eq!(november.complaints.len(), 1);
    assert_eq!(november.complaints[0].staff, sid("e9"));

    // The same case judged by a policy on UTC closed in October.
    let utc = FixedOffset::east_opt(0).unwrap();
    let october = penalty_facts(Month::new(2025, 10).unwrap(), [record(utc)]).unwrap();
    assert_eq!(october.losses.len(), 1);
    let october_beijing = penalty_facts(Month::new(2025, 10).unwrap(), [record(beijing)]).unwrap();
    assert!(october_beijing.losses.is_empty());
    assert!(october_beijing.complaints.is_empty());
}

/// The default policy without any `fallback_owner`: an assignee-owned clock
/// that breaches before anyone is assigned has nobody to charge.
fn without_fallback_owners() -> PolicyRuntime {
    let text: String = tousu_policy::DEFAULT_POLICY_TOML
        .lines()
        .filter(|l| !l.trim_start().starts_with("fallback_owner"))
        .map(|l| format!("{l}\n"))
        .collect();
    PolicyRuntime::new(Policy::from_toml_str(&text).unwrap()).unwrap()
}

/// Registers K1 at `start` and ticks at `now`: the first response (owned
/// by the assignee, 30 minutes) breaches with nobody assigned.
fn breached_before_assignment(
    rt: &PolicyRuntime,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (Case, Vec<Event>) {
    let roster = roster();
    let mut case = None;
    let register = Command::new(
        CommandId::new("c0").unwrap(),
        sid("kf1"),
        start,
        0,
        CommandKind::Register {
            case_id: CaseId::new("K1").unwrap(),
            number: None,
            complaint: Box::new(
                Complaint::builder(start, Channel::Phone, "热水器漏水")
                    .build()
                    .unwrap(),
            ),
            repeat_count: 0,
        },
    );
    let mut events = handle(&mut case, &register, &rt.ctx(&roster, start)).unwrap();
    let mut case = case.unwrap();
    for e in tousu_workflow::tick(&case, &rt.ctx(&roster, now)).unwrap() {
        case = tousu_workflow::evolve(case, &e);
        events.push(e);
    }
    (case, events)
}

#[test]
fn a_breach_nobody_owns_is_listed_with_why_never_dropped() {
    let rt = without_fallback_owners();
    let start = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).unwrap();
    let (case, events) =
        breached_before_assignment(&rt, start, start + chrono::TimeDelta::hours(2));
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    let record = CaseRecord {
        case: &case,
        events: &events,
        offset: beijing,
    };
    let facts = penalty_facts(Month::new(2025, 10).unwrap(), [record]).unwrap();
    assert_eq!(facts.unowned.len(), 1, "{facts:#?}");
    let unowned = &facts.unowned[0];
    assert_eq!(
        (
            unowned.case.as_str(),
            unowned.milestone.as_str(),
            unowned.round
        ),
        ("K1", "first_response", 1)
    );
    assert!(
        unowned.reason.starts_with("unowned: "),
        "{}",
        unowned.reason
    );
    assert!(
        unowned.reason.contains("fallback_owner"),
        "{}",
        unowned.reason
    );
    // The statements carry it through, and the Markdown shows it.
    let schedule = rt.policy.penalties.clone().unwrap();
    let result = tousu_penalty::compute_statements(&schedule, &roster(), &facts, None).unwrap();
    assert_eq!(result.unowned, facts.unowned);
    let text = tousu_penalty::render_markdown(&result);
    assert!(text.contains("Unowned breaches"), "{text}");
    assert!(text.contains("| K1 | first_response | 1 |"), "{text}");
}

#[test]
fn the_default_policy_charges_the_desk_for_a_breach_before_assignment() {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let start = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).unwrap();
    // kf1 registered it and holds complaint_manager, the fallback owner.
    let (case, events) =
        breached_before_assignment(&rt, start, start + chrono::TimeDelta::hours(2));
    let record = CaseRecord {
        case: &case,
        events: &events,
        offset: FixedOffset::east_opt(8 * 3600).unwrap(),
    };
    let facts = penalty_facts(Month::new(2025, 10).unwrap(), [record]).unwrap();
    assert!(facts.unowned.is_empty(), "{:#?}", facts.unowned);
    assert!(
        facts
            .breaches
            .iter()
            .any(|b| b.milestone.as_str() == "first_response" && b.owner == sid("kf1"))
    );
}

mod law {
    //! Every breach is charged to someone or listed as unowned: over
    //! generated runs, under the default policy and under the same policy
    //! without fallback owners, each standing breach of a month is in that
    //! month's facts exactly once, as a charge or as an unowned line.

    use std::collections::BTreeSet;

    use chrono::{Datelike, FixedOffset, TimeZone, Utc};
    use proptest::prelude::*;
    use tousu_penalty::Month;
    use tousu_policy::Policy;
    use tousu_report::{CaseRecord, penalty_facts};
    use tousu_workflow::testkit::{Kit, scenario};
    use tousu_workflow::{EventKind, PolicyRuntime};

    fn check(
        rt: &PolicyRuntime,
        s: &tousu_workflow::testkit::Scenario,
    ) -> Result<(), TestCaseError> {
        let roster = super::roster();
        let start = Utc.with_ymd_and_hms(2025, 10, 1, 1, 0, 0).unwrap();
        let run = Kit::new(rt, &roster, start).drive(s).unwrap();
        let Some(case) = run.case.as_ref() else {
            return Ok(());
        };
        let offset = FixedOffset::east_opt(8 * 3600).unwrap();
        let standing = tousu_workflow::standing_breaches(&run.events);
        let months: BTreeSet<(i32, u32)> = standing
            .iter()
            .map(|e| {
                let d = e.at.with_timezone(&offset);
                (d.year(), d.month())
            })
            .collect();
        let mut seen = 0;
        for (year, month) in months {
            let record = CaseRecord {
                case,
                events: &run.events,
                offset,
            };
            let facts = penalty_facts(Month::new(year, month).unwrap(), [record]).unwrap();
            for u in &facts.unowned {
                prop_assert!(u.reason.starts_with("unowned: "), "{}", u.reason);
            }
            seen += facts.breaches.len() + facts.unowned.len();
        }
        let breaches = standing
            .iter()
            .filter(|e| matches!(e.kind, EventKind::MilestoneBreached { .. }))
            .count();
        prop_assert_eq!(seen, breaches, "a breach was dropped from the facts");
        Ok(())
    }

    proptest! {
        #![proptest_config(tousu_workflow::testkit::config(48))]

        #[test]
        fn every_breach_is_charged_or_listed_as_unowned(
            s in scenario(&Policy::default_policy().unwrap(), &super::roster(), 24),
            fallback in any::<bool>(),
        ) {
            let rt = if fallback {
                PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap()
            } else {
                super::without_fallback_owners()
            };
            check(&rt, &s)?;
        }
    }
}
