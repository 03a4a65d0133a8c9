//! The year's end: twenty complaints filed from December 2026 to January
//! 2027, handled into February, run three ways — no 2027 holiday notice at
//! all; the notice given from the start; the notice arriving in mid-January
//! followed by a recalculation — and a fourth, the notice arriving only at the
//! end of February. Nothing is refused for want of the notice, and nobody is
//! fined for a breach that only the missing notice caused.
//!
//! The 2027 notice here is hypothetical (the real one is not published when
//! this is written): 元旦 1–3 January; 春节 5–13 February with make-up working
//! days on Sunday 31 January and Saturday 20 February. Against the statutory
//! days the law alone gives (元旦 1 January; 春节 5–8 February and the days in
//! lieu 9–10 February), it moves two kinds of deadline: one across 31 January
//! ends a day earlier, one across 11–12 February ends later.

use chrono::{DateTime, Datelike, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu::policy::calendar::CalendarData;
use tousu::prelude::*;
use tousu::report::ReportPeriod;
use tousu::workflow::ClockState;

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

fn bj(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    beijing()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

const NOTICE_2027: &str = r#"
id = "cn-2027-test"
description = "A hypothetical 2027 notice, for this test only"

[[years]]
year = 2027
citation = "（假设）国办发明电〔2026〕X号"
holidays = [
    { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
    { name = "春节", from = "2027-02-05", to = "2027-02-13" },
]
working_days = ["2027-01-31", "2027-02-20"]
"#;

fn notice() -> CalendarData {
    CalendarData::from_toml_str(NOTICE_2027).unwrap()
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
            Staff::new(sid("kf"), "李客服", did("cs"))
                .with_role(role("complaint_manager"))
                .with_pay(Decimal::from(1), "1000".parse().unwrap()),
            Staff::new(sid("head"), "王主管", did("eng")).with_role(role("department_head")),
            Staff::new(sid("h1"), "张师傅", did("eng"))
                .with_role(role("handler"))
                .with_pay(Decimal::from(1), "1000".parse().unwrap()),
        ],
    )
    .unwrap()
}

/// When the notice reaches the engine.
#[derive(Clone, Copy, PartialEq)]
enum Notice {
    Never,
    FromStart,
    /// Given at this instant, then every case recalculated.
    At(DateTime<Utc>),
}

/// One complaint: filed at `filed`, replied at `reply`.
struct Plan {
    filed: DateTime<Utc>,
    reply: DateTime<Utc>,
}

/// Twenty complaints. Most are answered the next morning; four are not (and
/// miss the 24-hour second contact too, in every calendar):
/// - filed 9 December, answered 5 January: late on an exact 2026 deadline;
/// - filed 21 December, answered 14 January: late in every calendar;
/// - filed 12 January, answered 2 February: on time by the statutory days
///   (end of 2 February), late by the notice (its make-up Sunday 31 January
///   ends the limit on 1 February);
/// - filed 20 January, answered 17 February: late by the statutory days (end
///   of 16 February), on time by the notice (11–12 February are off; end of
///   17 February).
fn plans() -> Vec<Plan> {
    let dec = [1, 3, 7, 9, 10, 11, 14, 15, 16, 17, 21, 22, 28, 30];
    let jan = [5, 8, 12, 13, 20, 22];
    let mut out = Vec::new();
    for d in dec {
        let filed = bj(2026, 12, d, 10, 0);
        let reply = match d {
            9 => bj(2027, 1, 5, 10, 0),
            21 => bj(2027, 1, 14, 10, 0),
            _ => filed + TimeDelta::hours(20),
        };
        out.push(Plan { filed, reply });
    }
    for d in jan {
        let filed = bj(2027, 1, d, 10, 0);
        let reply = match d {
            12 => bj(2027, 2, 2, 10, 0),
            20 => bj(2027, 2, 17, 10, 0),
            _ => filed + TimeDelta::hours(20),
        };
        out.push(Plan { filed, reply });
    }
    out
}

enum Step {
    Tick,
    Notice,
    Command(usize, &'static str, CommandKind),
    File(usize),
}

struct Run {
    engine: Engine<MemoryStore>,
    cases: Vec<CaseId>,
    n: u32,
}

impl Run {
    fn cmd(&mut self, i: usize, actor: &str, at: DateTime<Utc>, kind: CommandKind) {
        self.n += 1;
        let case = self.cases[i].clone();
        let version = self.engine.case(&case).unwrap().version;
        let id = CommandId::new(format!("c{}", self.n)).unwrap();
        let cmd = Command::new(id, sid(actor), at, version, kind);
        self.engine
            .handle(&case, &cmd)
            .unwrap_or_else(|e| panic!("{at}: case {i}: {e}"));
    }
}

/// Runs the twenty complaints under `notice`, ticking at every local
/// midnight from 1 December 2026 to 1 March 2027.
fn run(notice_at: Notice) -> Run {
    let mut engine = Engine::new(
        Policy::default_policy().unwrap(),
        roster(),
        MemoryStore::new(),
    )
    .unwrap();
    if notice_at == Notice::FromStart {
        engine.add_calendar_data(notice()).unwrap();
    }
    let mut steps: Vec<(DateTime<Utc>, Step)> = Vec::new();
    let mut day = bj(2026, 12, 1, 0, 0);
    while day <= bj(2027, 3, 1, 0, 0) {
        steps.push((day, Step::Tick));
        day += TimeDelta::days(1);
    }
    if let Notice::At(at) = notice_at {
        steps.push((at, Step::Notice));
    }
    for (i, p) in plans().into_iter().enumerate() {
        let m = |min: i64| p.filed + TimeDelta::minutes(min);
        steps.push((p.filed, Step::File(i)));
        steps.push((
            m(5),
            Step::Command(
                i,
                "kf",
                CommandKind::Accept {
                    override_reason: None,
                },
            ),
        ));
        steps.push((
            m(10),
            Step::Command(
                i,
                "kf",
                CommandKind::Assign {
                    assignment: Assignment {
                        lead: did("eng"),
                        handler: Some(sid("h1")),
                        co_handling: Vec::new(),
                    },
                },
            ),
        ));
        steps.push((
            m(15),
            Step::Command(i, "h1", CommandKind::StartInvestigation),
        ));
        steps.push((
            m(20),
            Step::Command(
                i,
                "h1",
                CommandKind::ProposeSolution {
                    remedies: vec![Remedy::new(RemedyKind::Repair)],
                    note: None,
                },
            ),
        ));
        steps.push((m(25), Step::Command(i, "head", CommandKind::Approve)));
        steps.push((
            p.reply,
            Step::Command(
                i,
                "kf",
                CommandKind::Reply {
                    text: "已处理".into(),
                    written: false,
                },
            ),
        ));
        steps.push((
            p.reply + TimeDelta::hours(1),
            Step::Command(
                i,
                "kf",
                CommandKind::RecordCallback {
                    satisfaction: Satisfaction::Satisfied,
                    note: None,
                },
            ),
        ));
        steps.push((
            p.reply + TimeDelta::hours(2),
            Step::Command(i, "kf", CommandKind::Close),
        ));
    }
    // Stable: at one instant a tick comes before the commands.
    steps.sort_by_key(|(at, _)| *at);
    let mut r = Run {
        engine,
        cases: Vec::new(),
        n: 0,
    };
    let plans = plans();
    for (at, step) in steps {
        match step {
            Step::Tick => {
                r.engine.tick_all(at).unwrap();
            }
            Step::Notice => {
                r.engine.add_calendar_data(notice()).unwrap();
                r.engine.recalculate_all(at).unwrap();
            }
            Step::File(i) => {
                let complaint =
                    Complaint::builder(plans[i].filed, Channel::Phone, format!("投诉 {i}"))
                        .build()
                        .unwrap();
                let filing = Filing {
                    actor: sid("kf"),
                    command_id: CommandId::new(format!("f{i}")).unwrap(),
                    case_id: None,
                    complaint,
                    repeat_count: 0,
                };
                let id = r.engine.file(filing).unwrap().case.id;
                r.cases.push(id);
            }
            Step::Command(i, actor, kind) => r.cmd(i, actor, at, kind),
        }
    }
    r
}

/// The result clock of every case: deadline, how it was counted, outcome.
fn clocks(r: &Run) -> String {
    let mut out = String::new();
    for id in &r.cases {
        let case = r.engine.case(id).unwrap();
        for c in case
            .clocks
            .iter()
            .filter(|c| c.milestone.as_str() == "result")
        {
            let state = match &c.state {
                ClockState::Stopped { met: true, .. } => "met",
                ClockState::Stopped { met: false, .. } => "BREACHED",
                _ => "open",
            };
            let basis = c
                .deadline
                .as_ref()
                .and_then(|d| d.provisional_basis)
                .map_or_else(|| "exact".to_owned(), |b| format!("provisional ({b})"));
            out.push_str(&format!(
                "{} due {} {:<32} {state}\n",
                id,
                // The end of a day as people write it (24:00), not the next day's 00:00.
                tousu::report::when::deadline_short(
                    c.deadline_at().expect("a deadline"),
                    beijing()
                ),
                basis,
            ));
        }
    }
    out
}

/// Each month's statements and February's report, as people read them.
fn months(r: &Run) -> String {
    let mut out = String::new();
    let mut carry = None;
    for (y, m) in [(2026, 12), (2027, 1), (2027, 2)] {
        let result = r
            .engine
            .penalties(Month::new(y, m).unwrap(), carry.as_ref())
            .unwrap();
        out.push_str(&tousu::penalty::render_markdown(&result));
        carry = Some(result.carry_out.clone());
        if m == 2 {
            let period = ReportPeriod::month(y, m).unwrap();
            let report = r
                .engine
                .report(&period, bj(2027, 3, 1, 0, 0), Some(&result))
                .unwrap();
            out.push_str(&report.to_markdown());
        }
    }
    out
}

fn fined(r: &Run, y: i32, m: u32) -> Vec<(String, String)> {
    let facts = r.engine.penalty_facts(Month::new(y, m).unwrap()).unwrap();
    facts
        .breaches
        .iter()
        .map(|b| (b.case.to_string(), b.milestone.to_string()))
        .collect()
}

#[test]
fn no_notice_counts_the_statutory_days_and_refuses_nothing() {
    let r = run(Notice::Never);
    let all = clocks(&r);
    assert!(all.contains("provisional (statutory days only)"), "{all}");
    insta::assert_snapshot!("no_notice_clocks", all);
    insta::assert_snapshot!("no_notice_months", months(&r));
    // The overdue list and the report work throughout 2027.
    assert!(r.engine.overdue(bj(2027, 2, 28, 0, 0)).unwrap().is_empty());
    assert_eq!(
        r.engine.calendar_coverage(),
        "holiday notices cover 2024–2026; later deadlines to 2100 are provisional (statutory days only)"
    );
}

#[test]
fn the_notice_from_the_start_is_exact() {
    let r = run(Notice::FromStart);
    let all = clocks(&r);
    assert!(!all.contains("provisional"), "{all}");
    insta::assert_snapshot!("notice_from_start_clocks", all);
    insta::assert_snapshot!("notice_from_start_months", months(&r));
}

#[test]
fn a_notice_in_january_recalculates_and_fines_only_what_the_notice_makes_late() {
    let exact = run(Notice::FromStart);
    let r = run(Notice::At(bj(2027, 1, 15, 9, 0)));
    insta::assert_snapshot!("notice_in_january_clocks", clocks(&r));
    // The same fines as if the notice had been there from the start.
    for (y, m) in [(2026, 12), (2027, 1), (2027, 2)] {
        assert_eq!(fined(&r, y, m), fined(&exact, y, m), "{y}-{m}");
    }
    assert_eq!(months(&r), months(&exact));
    // The 12 January case's deadline moved a day earlier (the make-up
    // Sunday); its breach is dated after the recalculation, not before.
    let case = &r.cases[16];
    let events = r.engine.store().load(case).unwrap();
    let recalculated = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::DeadlineRecalculated { .. }))
        .expect("recalculated");
    assert_eq!(recalculated.at, bj(2027, 1, 15, 9, 0));
    let breach = events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::MilestoneBreached { milestone, .. } if milestone.as_str() == "result"))
        .expect("breached");
    assert!(breach.at >= recalculated.at);
    assert_eq!(breach.at, bj(2027, 2, 2, 0, 0));
}

#[test]
fn a_late_notice_withdraws_breaches_only_the_missing_notice_caused() {
    let mut r = run(Notice::Never);
    // Under the statutory days alone, the 20 January case was late.
    let spring = r.cases[18].clone();
    assert!(
        fined(&r, 2027, 2)
            .iter()
            .any(|(c, _)| *c == spring.to_string())
    );
    // The notice arrives on 28 February.
    let at = bj(2027, 2, 28, 12, 0);
    r.engine.add_calendar_data(notice()).unwrap();
    let events = r.engine.recalculate_all(at).unwrap();
    let withdrawn: Vec<_> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::BreachWithdrawn { .. }))
        .map(|e| e.case_id.to_string())
        .collect();
    assert_eq!(withdrawn, [spring.to_string()]);
    assert!(
        !fined(&r, 2027, 2)
            .iter()
            .any(|(c, _)| *c == spring.to_string())
    );
    // The record keeps the breach and says it was withdrawn; replay is exact.
    let stored = r.engine.store().load(&spring).unwrap();
    assert!(
        stored
            .iter()
            .any(|e| matches!(e.kind, EventKind::MilestoneBreached { .. }))
    );
    let replayed = Case::replay_events(&stored).unwrap();
    assert_eq!(replayed, r.engine.case(&spring).unwrap());
    // The 12 January case stopped on time by the days counted then: it stays
    // met (nobody is fined retroactively for the calendar's correction).
    let jan12 = r.engine.case(&r.cases[16]).unwrap();
    let result = jan12
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "result")
        .unwrap();
    assert!(matches!(
        result.state,
        ClockState::Stopped { met: true, .. }
    ));
    // A second recalculation changes nothing.
    assert!(
        r.engine
            .recalculate_all(at + TimeDelta::hours(1))
            .unwrap()
            .is_empty()
    );
    let _ = at.year();
}
