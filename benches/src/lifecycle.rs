//! The workflow bench's lifecycle: one complaint's 13 commands under the
//! default policy, shared by the `workflow` bench and the programs that
//! split a command's cost (`command_split`).
use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu_model::{
    CaseId, CategoryId, Channel, CommandId, Complainant, Complaint, Department, DepartmentId,
    DepartmentTree, FaultParty, Money, Remedy, RemedyKind, Respondent, RoleId, Roster,
    Satisfaction, Staff, StaffId,
};
use tousu_workflow::{Assignment, Case, Command, CommandKind, Event, PolicyRuntime, handle};

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

fn role(s: &str) -> RoleId {
    RoleId::new(s).unwrap()
}

/// 客服部, 工程部, 总经理室 (the workflow tests' organization).
pub fn roster() -> Roster {
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
    ])
    .unwrap();
    let staff = vec![
        Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
        Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager")),
        Staff::new(sid("head1"), "王主管", did("eng"))
            .with_role(role("department_head"))
            .with_supervisor(sid("gm")),
        Staff::new(sid("h1"), "张师傅", did("eng"))
            .with_role(role("handler"))
            .with_supervisor(sid("head1")),
        Staff::new(sid("resp"), "刘师傅", did("eng"))
            .with_role(role("handler"))
            .with_supervisor(sid("head1")),
    ];
    Roster::new(tree, staff).unwrap()
}

/// A local time in Beijing (UTC+8), as an instant.
pub fn beijing(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

/// Monday 2025-11-03 09:00 in Beijing: the lifecycle starts here.
pub fn t0() -> DateTime<Utc> {
    beijing(2025, 11, 3, 9, 0)
}

/// `m` minutes after [`t0`].
pub fn minutes(m: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(m)
}

/// The lifecycle's complaint, received at `at`.
pub fn complaint(at: DateTime<Utc>) -> Complaint {
    Complaint::builder(at, Channel::Phone, "热水器安装后漏水，地板泡坏")
        .complainant(
            Complainant::person("王先生")
                .unwrap()
                .with_phone("13900000001"),
        )
        .category(CategoryId::new("installation_repair").unwrap())
        .respondent(Respondent::staff(sid("resp")))
        .first_responder(sid("kf1"))
        .build()
        .unwrap()
}

/// The 13 steps of a complaint's life: (actor, minutes after t0, command).
pub fn steps(case_id: &str) -> Vec<(&'static str, i64, CommandKind)> {
    vec![
        (
            "kf1",
            0,
            CommandKind::Register {
                case_id: CaseId::new(case_id).unwrap(),
                number: None,
                complaint: Box::new(complaint(t0())),
                repeat_count: 0,
            },
        ),
        (
            "kf1",
            5,
            CommandKind::Accept {
                override_reason: None,
            },
        ),
        (
            "kf1",
            10,
            CommandKind::Assign {
                assignment: Assignment {
                    lead: did("eng"),
                    handler: Some(sid("h1")),
                    co_handling: vec![did("cs")],
                },
            },
        ),
        ("h1", 15, CommandKind::StartInvestigation),
        (
            "h1",
            20,
            CommandKind::RecordFindings {
                validity: None,
                fault: Some(FaultParty::Us),
                responsible: vec![],
                note: Some("安装时接口未拧紧".into()),
            },
        ),
        (
            "h1",
            25,
            CommandKind::ProposeSolution {
                remedies: vec![
                    Remedy::new(RemedyKind::Repair),
                    Remedy::with_amount(RemedyKind::Compensation, Money::from_fen(80_000)).unwrap(),
                ],
                note: None,
            },
        ),
        ("head1", 40, CommandKind::Approve),
        (
            "h1",
            50,
            CommandKind::RequestExtension {
                reason: "客户外出，无法上门".into(),
                until: Some(minutes(26 * 60)),
            },
        ),
        ("gm", 60, CommandKind::ApproveExtension),
        ("gm", 180, CommandKind::EndExtension),
        (
            "kf1",
            240,
            CommandKind::Reply {
                text: "已安排上门维修并赔偿800元".into(),
                written: false,
            },
        ),
        (
            "kf1",
            24 * 60,
            CommandKind::RecordCallback {
                satisfaction: Satisfaction::Satisfied,
                note: None,
            },
        ),
        ("kf1", 24 * 60 + 5, CommandKind::Close),
    ]
}

/// The lifecycle's commands (with the versions they expect) and its events.
pub fn lifecycle(rt: &PolicyRuntime, roster: &Roster, case_id: &str) -> (Vec<Command>, Vec<Event>) {
    let mut commands = Vec::new();
    let mut events = Vec::new();
    let mut case: Option<Case> = None;
    for (n, (actor, m, kind)) in steps(case_id).into_iter().enumerate() {
        let at = minutes(m);
        let version = case.as_ref().map_or(0, |c| c.version);
        let cmd = Command::new(
            CommandId::new(format!("cmd-{n}")).unwrap(),
            sid(actor),
            at,
            version,
            kind,
        );
        let new = handle(&mut case, &cmd, &rt.ctx(roster, at)).unwrap();
        assert!(!new.is_empty(), "{} caused nothing", cmd.kind.name());
        events.extend(new);
        commands.push(cmd);
    }
    (commands, events)
}

/// The case before each command of `commands` (none before the
/// registration), for timing a decision without applying its events.
pub fn states(rt: &PolicyRuntime, roster: &Roster, commands: &[Command]) -> Vec<Option<Case>> {
    let mut case = None;
    commands
        .iter()
        .map(|cmd| {
            let before = case.clone();
            handle(&mut case, cmd, &rt.ctx(roster, cmd.at)).unwrap();
            before
        })
        .collect()
}
