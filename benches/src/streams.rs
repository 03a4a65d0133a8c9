//! Event streams of a varied population of complaints, decided command by
//! command under the default policy: different handlers, first responders,
//! complainants, texts and amounts, with or without an extension, closed or
//! stopped part-way (four cases in ten are still open).
use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu_model::{
    CaseId, CategoryId, Channel, CommandId, Complainant, Complaint, Department, DepartmentId,
    DepartmentTree, FaultParty, Money, Remedy, RemedyKind, Respondent, RoleId, Roster,
    Satisfaction, Staff, StaffId,
};
use tousu_workflow::{
    Assignment, Case, Command, CommandKind, Event, PolicyRuntime, decide, evolve, register,
};

use crate::Rng;

/// Handlers in 工程部.
pub const HANDLERS: usize = 40;
/// Complaint managers in 客服部.
pub const SERVICE: usize = 10;

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

fn role(s: &str) -> RoleId {
    RoleId::new(s).unwrap()
}

/// 总经理室 over 客服部 (complaint managers) and 工程部 (a head and handlers).
pub fn roster() -> Roster {
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
    ])
    .unwrap();
    let mut staff = vec![
        Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
        Staff::new(sid("head1"), "王主管", did("eng"))
            .with_role(role("department_head"))
            .with_supervisor(sid("gm")),
    ];
    for k in 0..SERVICE {
        staff.push(
            Staff::new(sid(&format!("kf{k:02}")), format!("客服{k}"), did("cs"))
                .with_role(role("complaint_manager")),
        );
    }
    for h in 0..HANDLERS {
        staff.push(
            Staff::new(sid(&format!("h{h:03}")), format!("师傅{h}"), did("eng"))
                .with_role(role("handler"))
                .with_supervisor(sid("head1")),
        );
    }
    Roster::new(tree, staff).unwrap()
}

fn beijing(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

const TEXTS: [&str; 4] = [
    "热水器安装后漏水，地板泡坏",
    "空调维修后仍不制冷，预约三次无人上门",
    "送货延误一周，客服电话无人接听",
    "安装师傅态度恶劣，收取额外费用",
];

/// One case's commands, varied by `rng`: who handles it, who takes the call,
/// the complainant, texts, the compensation, whether an extension is asked
/// for, and where (if anywhere before closing) the stream stops.
fn steps(rng: &mut Rng, i: usize) -> Vec<(StaffId, i64, CommandKind)> {
    // Weekday mornings spread over November 2025.
    let start = beijing(2025, 11, 3, 9, 0) + TimeDelta::days((i % 25) as i64);
    let kf = sid(&format!("kf{:02}", rng.below(SERVICE)));
    let h = rng.below(HANDLERS);
    let handler = sid(&format!("h{h:03}"));
    // The complaint is against another handler (the respondent may not
    // handle it).
    let respondent = sid(&format!(
        "h{:03}",
        (h + 1 + rng.below(HANDLERS - 1)) % HANDLERS
    ));
    let text = format!("{}（第{}次来电）", TEXTS[rng.below(TEXTS.len())], 1 + i % 3);
    let complaint = Complaint::builder(start, Channel::Phone, text)
        .complainant(
            Complainant::person(format!("客户{}", rng.below(100_000)))
                .unwrap()
                .with_phone(format!("139{:08}", rng.below(100_000_000))),
        )
        .category(CategoryId::new("installation_repair").unwrap())
        .respondent(Respondent::staff(respondent))
        .first_responder(kf.clone())
        .build()
        .unwrap();
    let amount = Money::from_fen(100 * (1 + rng.below(2_000)) as i64);
    let mut steps = vec![
        (
            kf.clone(),
            0,
            CommandKind::Register {
                case_id: CaseId::new(format!("K-202511-{i:07}")).unwrap(),
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 0,
            },
        ),
        (
            kf.clone(),
            5,
            CommandKind::Accept {
                override_reason: None,
            },
        ),
        (
            kf.clone(),
            10,
            CommandKind::Assign {
                assignment: Assignment {
                    lead: did("eng"),
                    handler: Some(handler.clone()),
                    co_handling: if rng.below(2) == 0 {
                        vec![did("cs")]
                    } else {
                        vec![]
                    },
                },
            },
        ),
        (handler.clone(), 15, CommandKind::StartInvestigation),
        (
            handler.clone(),
            20,
            CommandKind::RecordFindings {
                validity: None,
                fault: Some(FaultParty::Us),
                responsible: vec![],
                note: Some(format!("现场检查记录 {}", rng.below(1_000))),
            },
        ),
        (
            handler.clone(),
            25,
            CommandKind::ProposeSolution {
                remedies: vec![
                    Remedy::new(RemedyKind::Repair),
                    Remedy::with_amount(RemedyKind::Compensation, amount).unwrap(),
                ],
                note: None,
            },
        ),
        // Above the department head's ¥1,000 authority the general manager
        // approves.
        (
            sid(if amount.fen() > 100_000 {
                "gm"
            } else {
                "head1"
            }),
            40,
            CommandKind::Approve,
        ),
    ];
    if rng.below(2) == 0 {
        steps.extend([
            (
                handler.clone(),
                50,
                CommandKind::RequestExtension {
                    reason: "客户外出，无法上门".into(),
                    until: Some(start + TimeDelta::minutes(26 * 60)),
                },
            ),
            (sid("gm"), 60, CommandKind::ApproveExtension),
            (sid("gm"), 180, CommandKind::EndExtension),
        ]);
    }
    steps.extend([
        (
            kf.clone(),
            240,
            CommandKind::Reply {
                text: format!("已安排上门维修并赔偿{}元", amount.to_plain_string()),
                written: false,
            },
        ),
        (
            kf.clone(),
            24 * 60,
            CommandKind::RecordCallback {
                satisfaction: Satisfaction::Satisfied,
                note: None,
            },
        ),
        (kf, 24 * 60 + 5, CommandKind::Close),
    ]);
    // Four cases in ten are still open: stopped after the assignment, the
    // proposal, the approval or the reply.
    let keep = match rng.below(10) {
        0 => 3,
        1 => 6,
        2 => 7,
        3 => steps.len() - 2,
        _ => steps.len(),
    };
    steps.truncate(keep);
    steps
        .into_iter()
        .map(|(who, m, kind)| (who, m + (i % 25) as i64 * 24 * 60, kind))
        .collect()
}

/// The events of case number `i`, decided command by command (panics if
/// the decider refuses one: the generator is wrong then).
pub fn stream(rt: &PolicyRuntime, roster: &Roster, rng: &mut Rng, i: usize) -> Vec<Event> {
    lifecycle(rt, roster, rng, i).1
}

/// The commands of case number `i` (each with the version it expects) and
/// the events they caused.
pub fn lifecycle(
    rt: &PolicyRuntime,
    roster: &Roster,
    rng: &mut Rng,
    i: usize,
) -> (Vec<Command>, Vec<Event>) {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut commands = Vec::new();
    let mut events = Vec::new();
    let mut case: Option<Case> = None;
    for (n, (actor, m, kind)) in steps(rng, i).into_iter().enumerate() {
        let at = t0 + TimeDelta::minutes(m);
        let version = case.as_ref().map_or(0, |c| c.version);
        let cmd = Command::new(
            CommandId::new(format!("{i}-{n}")).unwrap(),
            actor,
            at,
            version,
            kind,
        );
        let ctx = rt.ctx(roster, at);
        let new = match &case {
            None => register(&cmd, &ctx).unwrap(),
            Some(c) => decide(c, &cmd, &ctx).unwrap(),
        };
        for e in &new {
            case = Some(match case.take() {
                None => Case::from_registration(e).unwrap(),
                Some(c) => evolve(c, e),
            });
        }
        events.extend(new);
        commands.push(cmd);
    }
    (commands, events)
}
