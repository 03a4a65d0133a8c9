//! The workflow decider under the default policy: a whole lifecycle of 13
//! commands (decide + evolve), replay of 1,000,000 events, and `tick` over
//! 1,000,000 open cases (an instant where almost nothing is due, and one
//! where every case breaches). Inputs are built outside the timed sections.
use std::hint::black_box;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tousu_model::{
    CaseId, CategoryId, Channel, CommandId, Complainant, Complaint, Department, DepartmentId,
    DepartmentTree, FaultParty, Money, Remedy, RemedyKind, Respondent, RoleId, Roster,
    Satisfaction, Staff, StaffId,
};
use tousu_policy::Policy;
use tousu_workflow::{Assignment, Case, Command, CommandKind, Event, PolicyRuntime, handle, tick};

const REPLAY_EVENTS: usize = 1_000_000;
const TICK_CASES: usize = 1_000_000;

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
fn roster() -> Roster {
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

fn beijing(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

/// Monday 2025-11-03 09:00 in Beijing: the lifecycle starts here.
fn t0() -> DateTime<Utc> {
    beijing(2025, 11, 3, 9, 0)
}

fn minutes(m: i64) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(m)
}

fn complaint(at: DateTime<Utc>) -> Complaint {
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
fn steps(case_id: &str) -> Vec<(&'static str, i64, CommandKind)> {
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
fn lifecycle(rt: &PolicyRuntime, roster: &Roster, case_id: &str) -> (Vec<Command>, Vec<Event>) {
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

/// One run of the lifecycle: every command decided and its events applied.
fn run_lifecycle(rt: &PolicyRuntime, roster: &Roster, commands: &[Command]) -> Case {
    let mut case = None;
    for cmd in commands {
        handle(&mut case, cmd, &rt.ctx(roster, cmd.at)).unwrap();
    }
    case.unwrap()
}

fn with_case_id(events: &[Event], id: &CaseId) -> Vec<Event> {
    events
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.case_id = id.clone();
            e
        })
        .collect()
}

fn bench_lifecycle(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (commands, events) = lifecycle(&rt, &roster, "K-202511-0001");
    let done = run_lifecycle(&rt, &roster, &commands);
    assert_eq!(done, Case::replay(&rt.policy, &events).unwrap());
    assert_eq!(done.status, tousu_workflow::Status::Closed);
    eprintln!(
        "lifecycle: {} commands, {} events",
        commands.len(),
        events.len()
    );

    let mut g = c.benchmark_group("workflow");
    g.throughput(Throughput::Elements(commands.len() as u64));
    g.bench_function("lifecycle decide+evolve (per command)", |b| {
        b.iter(|| run_lifecycle(&rt, &roster, black_box(&commands)));
    });
    g.finish();
}

fn bench_replay(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (_, events) = lifecycle(&rt, &roster, "K-202511-0001");
    // Whole streams of the lifecycle, each under its own case id.
    let cases = REPLAY_EVENTS.div_ceil(events.len());
    let total = cases * events.len();

    let mut g = c.benchmark_group("workflow");
    g.sample_size(10);
    g.throughput(Throughput::Elements(total as u64));
    // Built on first use (criterion calls the routine once per sample), so
    // that a filtered-out run does not pay for it.
    let streams: OnceLock<Vec<Vec<Event>>> = OnceLock::new();
    g.bench_function("replay 1M events", |b| {
        let streams = streams.get_or_init(|| {
            eprintln!("replay: {cases} cases, {total} events");
            (0..cases)
                .map(|i| with_case_id(&events, &CaseId::new(format!("K-202511-{i:07}")).unwrap()))
                .collect()
        });
        b.iter(|| {
            let mut versions = 0u64;
            for s in streams {
                versions += Case::replay_events(black_box(s)).unwrap().version;
            }
            versions
        });
    });
    g.finish();
}

fn bench_tick(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (_, events) = lifecycle(&rt, &roster, "K-202511-0001");
    // Open cases at different points: after the proposal (6 commands), the
    // approval (7), the extension request (8), the approved extension (9,
    // clocks paused) and, for one case in ten, just after the assignment (3,
    // the 30-minute first response still running).
    let prefix = |commands: usize| {
        let last = events
            .iter()
            .rposition(|e| {
                e.command_id.as_ref().map(CommandId::as_str)
                    == Some(&*format!("cmd-{}", commands - 1))
            })
            .unwrap();
        Case::replay_events(&events[..=last]).unwrap()
    };
    let templates: Vec<Case> = [6, 7, 8, 9, 6, 7, 8, 9, 6, 3]
        .into_iter()
        .map(prefix)
        .collect();
    // Built on first use (criterion calls the routine once per sample), so
    // that a filtered-out run does not pay for it.
    let cases: OnceLock<Vec<Case>> = OnceLock::new();
    let cases = || {
        cases.get_or_init(|| {
            (0..TICK_CASES)
                .map(|i| {
                    let mut case = templates[i % templates.len()].clone();
                    case.id = CaseId::new(format!("K-202511-{i:07}")).unwrap();
                    case
                })
                .collect()
        })
    };
    let quiet = minutes(120);
    let late = beijing(2025, 12, 13, 9, 0);

    let mut g = c.benchmark_group("workflow");
    g.sample_size(10);
    g.throughput(Throughput::Elements(TICK_CASES as u64));
    for (name, now) in [
        ("tick 1M cases, 10% due", quiet),
        ("tick 1M cases, all breach", late),
    ] {
        let ctx = rt.ctx(&roster, now);
        let described = OnceLock::new();
        g.bench_function(name, |b| {
            let cases = cases();
            described.get_or_init(|| {
                let busy = cases
                    .iter()
                    .filter(|c| !tick(c, &ctx).unwrap().is_empty())
                    .count();
                let n: usize = cases.iter().map(|c| tick(c, &ctx).unwrap().len()).sum();
                eprintln!("{name}: {busy} of {TICK_CASES} cases have something due, {n} events");
            });
            b.iter(|| {
                let mut n = 0usize;
                for case in cases {
                    n += tick(black_box(case), &ctx).unwrap().len();
                }
                n
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench_lifecycle, bench_replay, bench_tick);
criterion_main!(benches);
