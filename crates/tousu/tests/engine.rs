//! The engine over the in-memory store: numbering, idempotency, optimistic
//! concurrency, policy versions, overdue lists, confidentiality and the
//! month's penalties derived from cases.

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu::prelude::*;

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

fn bj(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

fn roster() -> Roster {
    let role = |r: &str| RoleId::new(r).unwrap();
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(did("hq"), "总经理室", None),
            Department::new(did("cs"), "客服部", Some(did("hq"))),
            Department::new(did("eng"), "工程部", Some(did("hq"))),
        ])
        .unwrap(),
        vec![
            Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
            Staff::new(sid("kf"), "李客服", did("cs")).with_role(role("complaint_manager")),
            Staff::new(sid("head"), "王主管", did("eng")).with_role(role("department_head")),
            Staff::new(sid("h1"), "张师傅", did("eng"))
                .with_role(role("handler"))
                .with_pay(Decimal::from(2), "1000".parse().unwrap()),
            Staff::new(sid("h2"), "刘师傅", did("eng"))
                .with_role(role("handler"))
                .with_pay(Decimal::from(1), "1000".parse().unwrap()),
        ],
    )
    .unwrap()
}

struct T {
    engine: Engine<MemoryStore>,
    n: u32,
}

impl T {
    fn new() -> Self {
        T {
            engine: Engine::new(
                Policy::default_policy().unwrap(),
                roster(),
                MemoryStore::new(),
            )
            .unwrap(),
            n: 0,
        }
    }

    fn file(&mut self, at: DateTime<Utc>, text: &str) -> CaseId {
        self.n += 1;
        let complaint = Complaint::builder(at, Channel::Phone, text)
            .respondent(Respondent::staff(sid("h2")))
            .build()
            .unwrap();
        let filing = Filing {
            actor: sid("kf"),
            command_id: CommandId::new(format!("f{}", self.n)).unwrap(),
            case_id: None,
            complaint,
            repeat_count: 0,
        };
        self.engine.file(filing).unwrap().case.id
    }

    fn cmd(
        &mut self,
        case: &CaseId,
        actor: &str,
        at: DateTime<Utc>,
        kind: CommandKind,
    ) -> Result<Vec<Event>, Error> {
        self.n += 1;
        let version = self.engine.case(case).unwrap().version;
        let cmd = Command::new(
            CommandId::new(format!("c{}", self.n)).unwrap(),
            sid(actor),
            at,
            version,
            kind,
        );
        self.engine.handle(case, &cmd)
    }
}

#[test]
fn numbers_run_per_month_in_the_policy_pattern() {
    let mut t = T::new();
    let a = t.file(bj(2025, 10, 31, 23, 50), "十月最后一单");
    let b = t.file(bj(2025, 11, 1, 0, 10), "十一月第一单");
    let c = t.file(bj(2025, 11, 1, 9, 0), "十一月第二单");
    assert_eq!(
        [a.as_str(), b.as_str(), c.as_str()],
        ["202510-0001", "202511-0001", "202511-0002"]
    );
}

#[test]
fn retries_are_idempotent_and_stale_writers_conflict() {
    let mut t = T::new();
    let at = bj(2025, 11, 3, 9, 0);
    let case = t.file(at, "热水器漏水");
    let cmd = Command::new(
        CommandId::new("accept-1").unwrap(),
        sid("kf"),
        at,
        4,
        CommandKind::Accept {
            override_reason: None,
        },
    );
    let version = t.engine.case(&case).unwrap().version;
    assert_eq!(version, 4, "registered, classified, two clocks started");
    let first = t.engine.handle(&case, &cmd).unwrap();
    // At-least-once delivery: the same command again returns the same events, adds none.
    let again = t.engine.handle(&case, &cmd).unwrap();
    assert_eq!(first, again);
    assert_eq!(t.engine.store().event_count(), 4 + first.len());
    // A writer that read version 4 and sends a new command is stale now.
    let stale = Command::new(
        CommandId::new("accept-2").unwrap(),
        sid("kf"),
        at,
        4,
        CommandKind::AddNote {
            text: "备注".into(),
            attachments: vec![],
        },
    );
    assert!(matches!(
        t.engine.handle(&case, &stale),
        Err(Error::Rejected(Rejection::StaleVersion { .. }))
    ));
    // And the store itself refuses an append at the wrong version.
    let mut store = MemoryStore::new();
    let events = t.engine.store().load(&case).unwrap();
    let batch = tousu::Batch {
        case_id: case.clone(),
        expected_version: 0,
        events: events.clone(),
        command: None,
        open: true,
        next_due: None,
        snapshot: None,
    };
    store.append(&batch).unwrap();
    assert!(
        matches!(store.append(&batch), Err(StoreError::Conflict { actual, .. }) if actual == events.len() as u64)
    );
}

#[test]
fn filing_with_a_case_id_is_idempotent() {
    let mut t = T::new();
    let at = bj(2025, 11, 3, 9, 0);
    let filing = Filing {
        actor: sid("kf"),
        command_id: CommandId::new("crm-ticket-77").unwrap(),
        case_id: Some(CaseId::new("CRM-77").unwrap()),
        complaint: Complaint::builder(at, Channel::Web, "网上预约未上门")
            .build()
            .unwrap(),
        repeat_count: 0,
    };
    let first = t.engine.file(filing.clone()).unwrap();
    let again = t.engine.file(filing).unwrap();
    assert_eq!(first.events, again.events);
    assert_eq!(t.engine.cases().unwrap().len(), 1);
}

#[test]
fn cases_keep_their_policy_version() {
    let mut t = T::new();
    let at = bj(2025, 11, 3, 9, 0);
    let old_case = t.file(at, "旧制度下的投诉");
    let mut v2 = Policy::default_policy().unwrap();
    v2.version = tousu::policy::PolicyVersion::new("2").unwrap();
    t.engine.add_policy(v2, true).unwrap();
    let new_case = t.file(at, "新制度下的投诉");
    assert_eq!(
        t.engine.case(&old_case).unwrap().policy_version.as_str(),
        "1"
    );
    assert_eq!(
        t.engine.case(&new_case).unwrap().policy_version.as_str(),
        "2"
    );
    // The old case is still handled under version 1.
    t.cmd(
        &old_case,
        "kf",
        at,
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
}

#[test]
fn overdue_and_penalties_follow_from_the_cases() {
    let mut t = T::new();
    let t0 = bj(2025, 11, 3, 9, 0);
    let case = t.file(t0, "安装后漏水，地板泡坏");
    t.cmd(
        &case,
        "kf",
        t0 + TimeDelta::minutes(2),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    let assignment = Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    };
    t.cmd(
        &case,
        "kf",
        t0 + TimeDelta::minutes(3),
        CommandKind::Assign { assignment },
    )
    .unwrap();
    // 40 minutes: the 30-minute first response is overdue and, once ticked, breached.
    let now = t0 + TimeDelta::minutes(40);
    let overdue = t.engine.overdue(now).unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].milestone.as_str(), "first_response");
    assert_eq!(
        overdue[0].department.as_ref().map(DepartmentId::as_str),
        Some("eng")
    );
    t.engine.tick_all(now).unwrap();
    assert!(
        t.engine.tick_all(now).unwrap().is_empty(),
        "ticks are idempotent"
    );

    let later = t0 + TimeDelta::hours(2);
    t.cmd(&case, "h1", later, CommandKind::StartInvestigation)
        .unwrap();
    let responsible = vec![Responsibility {
        party: ResponsibleParty::Department(did("eng")),
        share: 1.into(),
    }];
    t.cmd(
        &case,
        "h1",
        later,
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(tousu::model::FaultParty::Us),
            responsible,
            note: None,
        },
    )
    .unwrap();
    let remedies =
        vec![Remedy::with_amount(RemedyKind::Compensation, "300".parse().unwrap()).unwrap()];
    t.cmd(
        &case,
        "h1",
        later,
        CommandKind::ProposeSolution {
            remedies,
            note: None,
        },
    )
    .unwrap();
    t.cmd(&case, "head", later, CommandKind::Approve).unwrap();
    t.cmd(
        &case,
        "kf",
        later,
        CommandKind::Reply {
            text: "赔偿300元".into(),
            written: false,
        },
    )
    .unwrap();
    t.cmd(
        &case,
        "kf",
        later + TimeDelta::days(1),
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::Satisfied,
            note: None,
        },
    )
    .unwrap();
    t.cmd(&case, "kf", later + TimeDelta::days(1), CommandKind::Close)
        .unwrap();

    let result = t
        .engine
        .penalties("2025-11".parse().unwrap(), None)
        .unwrap();
    let gross = |id: &str| {
        result
            .statements
            .iter()
            .find(|s| s.staff.as_str() == id)
            .map(|s| s.gross)
    };
    // 工程部 has 4 base points (head 1, h1 2, h2 1): the 300 元 loss splits
    // 75 / 150 / 75; h1 also owes the 20 元 overtime fine (不满意).
    assert_eq!(gross("h1"), Some("170.00".parse().unwrap()));
    assert_eq!(gross("h2"), Some("75.00".parse().unwrap()));
    assert_eq!(gross("head"), Some("75.00".parse().unwrap()));
    // October has nothing.
    assert!(
        t.engine
            .penalties("2025-10".parse().unwrap(), None)
            .unwrap()
            .statements
            .is_empty()
    );
}

#[test]
fn confidential_cases_are_limited_to_those_involved() {
    let mut t = T::new();
    let at = bj(2025, 11, 3, 9, 0);
    let complaint = Complaint::builder(at, Channel::Letter, "举报员工收受好处")
        .flags(ComplaintFlags {
            confidential: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    let filing = Filing {
        actor: sid("kf"),
        command_id: CommandId::new("conf").unwrap(),
        case_id: None,
        complaint,
        repeat_count: 0,
    };
    let case = t.engine.file(filing).unwrap().case.id;
    assert!(
        t.engine.can_view(&sid("kf"), &case).unwrap(),
        "the person who filed it"
    );
    assert!(
        t.engine.can_view(&sid("gm"), &case).unwrap(),
        "view_confidential role"
    );
    assert!(
        !t.engine.can_view(&sid("h2"), &case).unwrap(),
        "not involved"
    );
    assert!(!t.engine.can_view(&sid("stranger"), &case).unwrap());
    // A person's lists leave out what they may not see.
    assert_eq!(t.engine.cases_for(&sid("gm")).unwrap().len(), 1);
    assert!(t.engine.cases_for(&sid("h2")).unwrap().is_empty());
    let late = bj(2025, 12, 31, 9, 0);
    assert!(!t.engine.overdue(late).unwrap().is_empty());
    assert!(t.engine.overdue_for(&sid("h2"), late).unwrap().is_empty());
    assert_eq!(
        t.engine.overdue_for(&sid("gm"), late).unwrap(),
        t.engine.overdue(late).unwrap()
    );
}

#[test]
fn a_past_month_s_report_is_as_of_its_end_whenever_it_runs() {
    let mut t = T::new();
    let dec = t.file(bj(2025, 12, 10, 9, 0), "十二月的投诉");
    let december = ReportPeriod::month(2025, 12).unwrap();
    let end = bj(2026, 1, 1, 0, 0);
    let before = t.engine.report(&december, end, None).unwrap();
    assert_eq!((before.summary.received, before.summary.closed), (1, 0));
    // Withdrawn in February: December's report is unchanged when run later.
    t.cmd(
        &dec,
        "kf",
        bj(2026, 2, 3, 9, 0),
        CommandKind::Withdraw { reason: None },
    )
    .unwrap();
    let after = t.engine.report(&december, end, None).unwrap();
    assert_eq!(after.summary, before.summary);
    // Asked as of February, it shows what happened since.
    let now = t
        .engine
        .report(&december, bj(2026, 2, 28, 0, 0), None)
        .unwrap();
    assert_ne!(now.summary, before.summary);
}

/// The short path: `submit` decides on the case as it is now, without the
/// caller reading the case first; a command that names a version is still
/// checked against it, and a retry returns the first outcome.
#[test]
fn submit_decides_at_the_current_version_and_checks_a_named_one() {
    let mut t = T::new();
    let at = bj(2025, 11, 3, 9, 0);
    let case = t.file(at, "热水器漏水");
    let accept = Command::builder(CommandId::new("crm-2").unwrap(), sid("kf"), at).accept();
    assert_eq!(accept.expected_version, 0);
    let first = t.engine.submit(&case, accept.clone()).unwrap();
    assert!(!first.is_empty());
    assert_eq!(t.engine.case(&case).unwrap().status, Status::Accepted);
    // Sent again (a retried request): the first outcome, nothing stored.
    let stored = t.engine.store().event_count();
    assert_eq!(t.engine.submit(&case, accept).unwrap(), first);
    assert_eq!(t.engine.store().event_count(), stored);
    // A form that showed version 1 is stale now: refused, nothing changes.
    let stale = Command::builder(CommandId::new("crm-3").unwrap(), sid("kf"), at)
        .expecting(1)
        .note("已电话联系");
    assert!(matches!(
        t.engine.submit(&case, stale),
        Err(Error::Rejected(Rejection::StaleVersion { .. }))
    ));
    assert_eq!(t.engine.store().event_count(), stored);
    // The version it names, when current, is accepted.
    let version = t.engine.case(&case).unwrap().version;
    let fresh = Command::builder(CommandId::new("crm-4").unwrap(), sid("kf"), at)
        .expecting(version)
        .note("已电话联系");
    assert_eq!(t.engine.submit(&case, fresh).unwrap().len(), 1);
    // `handle` keeps checking the version always: an unversioned command is stale there.
    let unversioned =
        Command::builder(CommandId::new("crm-5").unwrap(), sid("kf"), at).note("再次联系");
    assert!(matches!(
        t.engine.handle(&case, &unversioned),
        Err(Error::Rejected(Rejection::StaleVersion { .. }))
    ));
}

/// A filing without a case id is idempotent by its command id: the same
/// filing again gets the case it opened (no second case, no second number);
/// the id with another complaint is the conflict naming it.
#[test]
fn a_filing_without_a_case_id_is_idempotent_by_its_command_id() {
    let mut t = T::new();
    let at = bj(2025, 11, 3, 9, 0);
    let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水")
        .build()
        .unwrap();
    let filing = Filing::new(sid("kf"), CommandId::new("webhook-1").unwrap(), complaint);
    let first = t.engine.file(filing.clone()).unwrap();
    let again = t.engine.file(filing.clone()).unwrap();
    assert_eq!(first.case.id, again.case.id);
    assert_eq!(
        t.engine.store().case_ids().unwrap(),
        vec![first.case.id.clone()]
    );
    let mut other = filing;
    other.complaint = Complaint::builder(at, Channel::Phone, "另一件事")
        .build()
        .unwrap();
    match t.engine.file(other) {
        Err(Error::CommandReused { case, command, .. }) => {
            assert_eq!(case, first.case.id);
            assert_eq!(command.as_str(), "webhook-1");
        }
        other => panic!("expected CommandReused, got {other:?}"),
    }
    let next = t.file(at, "又一件");
    assert_eq!(
        t.engine.case(&next).unwrap().number.unwrap().as_str(),
        "202511-0002"
    );
}
