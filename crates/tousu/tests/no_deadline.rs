//! A policy that refuses to count a year without its holiday notice
//! (`[calendar] uncovered = "error"`): complaints filed in December 2026 are
//! still accepted, their 15-working-day result clock starts without a
//! deadline, never breaches by itself through January, is listed and counted
//! as such, and gets its deadline when the 2027 notice arrives.

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use tousu::policy::calendar::CalendarData;
use tousu::prelude::*;
use tousu::report::{CaseTimeline, PeriodSeries, ReportPeriod};
use tousu::workflow::ClockState;

const DEFAULT_POLICY: &str = include_str!("../../tousu-policy/policies/default.toml");

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

/// The default policy, refusing years without a notice.
fn strict_policy() -> Policy {
    let text = DEFAULT_POLICY.replacen("data = \"cn\"", "data = \"cn\"\nuncovered = \"error\"", 1);
    assert_ne!(text, DEFAULT_POLICY);
    Policy::from_toml_str(&text).unwrap()
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
            Staff::new(sid("h1"), "张师傅", did("eng")).with_role(role("handler")),
        ],
    )
    .unwrap()
}

struct Desk {
    engine: Engine<MemoryStore>,
    n: u32,
}

impl Desk {
    fn new() -> Desk {
        Desk {
            engine: Engine::new(strict_policy(), roster(), MemoryStore::new()).unwrap(),
            n: 0,
        }
    }

    fn file(&mut self, at: DateTime<Utc>) -> CaseId {
        self.n += 1;
        let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水")
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

    fn run(&mut self, case: &CaseId, actor: &str, at: DateTime<Utc>, kind: CommandKind) {
        self.try_run(case, actor, at, kind)
            .unwrap_or_else(|e| panic!("{at}: {e}"));
    }

    fn try_run(
        &mut self,
        case: &CaseId,
        actor: &str,
        at: DateTime<Utc>,
        kind: CommandKind,
    ) -> Result<(), Error> {
        self.n += 1;
        let version = self.engine.case(case).unwrap().version;
        let id = CommandId::new(format!("c{}", self.n)).unwrap();
        let cmd = Command::new(id, sid(actor), at, version, kind);
        self.engine.handle(case, &cmd).map(|_| ())
    }

    /// Files at `at`, accepts, assigns and starts the investigation.
    fn open(&mut self, at: DateTime<Utc>) -> CaseId {
        let case = self.file(at);
        let m = |min: i64| at + TimeDelta::minutes(min);
        self.run(
            &case,
            "kf",
            m(5),
            CommandKind::Accept {
                override_reason: None,
            },
        );
        self.run(
            &case,
            "kf",
            m(10),
            CommandKind::Assign {
                assignment: Assignment {
                    lead: did("eng"),
                    handler: Some(sid("h1")),
                    co_handling: Vec::new(),
                },
            },
        );
        self.run(&case, "h1", m(15), CommandKind::StartInvestigation);
        case
    }

    fn result_clock(&self, case: &CaseId) -> tousu::workflow::Clock {
        self.engine
            .case(case)
            .unwrap()
            .clocks
            .into_iter()
            .find(|c| c.milestone.as_str() == "result")
            .expect("a result clock")
    }

    fn events(&self, case: &CaseId) -> Vec<Event> {
        self.engine.store().load(case).unwrap()
    }
}

fn result_breaches(events: &[Event]) -> Vec<&Event> {
    events
        .iter()
        .filter(|e| matches!(&e.kind, EventKind::MilestoneBreached { milestone, .. } if milestone.as_str() == "result"))
        .collect()
}

#[test]
fn a_december_complaint_is_accepted_and_its_result_clock_waits_for_the_notice() {
    let mut desk = Desk::new();
    // 15 working days from 21 December 2026 end in January 2027, which no
    // notice covers and this policy refuses to count.
    let dec = desk.open(bj(2026, 12, 21, 10, 0));
    let clock = desk.result_clock(&dec);
    assert!(clock.deadline.is_none(), "{clock:?}");
    let why = clock.no_deadline.clone().expect("why");
    assert!(why.contains("2027"), "{why}");

    // Listed as such: the deadline view says why, the overdue list never has
    // it, the engine lists it apart.
    let views = desk.engine.deadlines(&dec, bj(2026, 12, 22, 9, 0)).unwrap();
    let view = views
        .iter()
        .find(|v| v.milestone.as_str() == "result")
        .unwrap();
    assert_eq!(view.deadline, None);
    assert_eq!(view.remaining_seconds, None);
    assert_eq!(view.no_deadline.as_deref(), Some(&*why));
    let waiting = desk.engine.clocks_without_deadline().unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].case.clone(), waiting[0].milestone.as_str()),
        (dec.clone(), "result")
    );

    let jan = january_complaint_paused_and_answered(&mut desk, &dec);
    january_report_counts_it_without_a_deadline(&desk, &dec, &jan);
    the_notice_gives_december_its_deadline(&mut desk, &dec);
}

/// A January complaint: its result clock has no deadline either; ticks
/// through January breach neither, and its reply stops it neither met nor missed.
fn january_complaint_paused_and_answered(desk: &mut Desk, dec: &CaseId) -> CaseId {
    let jan = desk.open(bj(2027, 1, 5, 10, 0));
    assert!(desk.result_clock(&jan).deadline.is_none());
    desk.run(
        &jan,
        "h1",
        bj(2027, 1, 6, 10, 0),
        CommandKind::RequestExtension {
            reason: "等待检测报告".into(),
            until: Some(bj(2027, 1, 8, 10, 0)),
        },
    );
    desk.run(
        &jan,
        "gm",
        bj(2027, 1, 6, 11, 0),
        CommandKind::ApproveExtension,
    );
    assert!(matches!(
        desk.result_clock(&jan).state,
        ClockState::Paused { .. }
    ));

    // Ticks every day through January: none fails, none breaches the result clocks.
    let mut day = bj(2026, 12, 22, 0, 0);
    while day <= bj(2027, 2, 1, 0, 0) {
        desk.engine.tick_all(day).unwrap();
        assert!(
            desk.engine
                .overdue(day)
                .unwrap()
                .iter()
                .all(|o| o.milestone.as_str() != "result")
        );
        day += TimeDelta::days(1);
    }
    assert!(desk.result_clock(&jan).is_running(), "the extension ended");
    assert!(result_breaches(&desk.events(dec)).is_empty());
    assert!(result_breaches(&desk.events(&jan)).is_empty());
    desk.run(
        &jan,
        "kf",
        bj(2027, 1, 20, 10, 0),
        CommandKind::Reply {
            text: "已处理".into(),
            written: false,
        },
    );
    let stopped = desk.result_clock(&jan);
    assert!(matches!(
        stopped.state,
        ClockState::Stopped { met: false, .. }
    ));
    assert!(desk.events(&jan).iter().any(|e| matches!(
        &e.kind,
        EventKind::ClockStopped { milestone, no_deadline: true, .. } if milestone.as_str() == "result"
    )));
    jan
}

/// The report over January counts the clock without a deadline; the HTML
/// report and the timelines draw it.
fn january_report_counts_it_without_a_deadline(desk: &Desk, dec: &CaseId, jan: &CaseId) {
    // The report over January succeeds and counts them.
    let period = ReportPeriod::month(2027, 1).unwrap();
    let as_of = bj(2027, 2, 1, 0, 0);
    let report = desk.engine.report(&period, as_of, None).unwrap();
    let result = &report.on_time["result"];
    assert_eq!(
        (result.no_deadline, result.stopped, result.overdue),
        (1, 0, 0)
    );
    let markdown = report.to_markdown();
    assert!(markdown.contains("无时限 Without a deadline"), "{markdown}");
    assert!(report.to_csv().contains("result.no_deadline"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["on_time"]["result"]["no_deadline"], 1);
    // The HTML report and the timelines draw them.
    let policy = strict_policy();
    let calendar = policy.build_calendar().unwrap();
    let cases = desk.engine.cases().unwrap();
    let series = PeriodSeries::from_cases(&policy, &calendar, &cases, &period).unwrap();
    let timelines: Vec<CaseTimeline> = [dec, jan]
        .iter()
        .map(|c| CaseTimeline::from_events(&policy, &desk.events(c), as_of).unwrap())
        .collect();
    for t in &timelines {
        assert!(t.to_svg(&calendar).unwrap().contains("无时限"));
    }
    let html = report.to_html(&series, &calendar, &timelines).unwrap();
    assert!(html.contains("无时限 no deadline: 1"));
}

/// The notice arrives on 1 February: the December clock gets its deadline,
/// and the next tick breaches it.
fn the_notice_gives_december_its_deadline(desk: &mut Desk, dec: &CaseId) {
    // The notice arrives on 1 February: the December clock gets its deadline
    // (15 working days from 21 December: the end of 12 January), recorded
    // as an event.
    let at = bj(2027, 2, 1, 9, 0);
    desk.engine
        .add_calendar_data(CalendarData::from_toml_str(NOTICE_2027).unwrap())
        .unwrap();
    desk.engine.recalculate_all(at).unwrap();
    let recalculated: Vec<_> = desk
        .events(dec)
        .into_iter()
        .filter(|e| {
            matches!(
                &e.kind,
                EventKind::DeadlineRecalculated { previous: None, .. }
            )
        })
        .collect();
    assert_eq!(recalculated.len(), 1);
    assert_eq!(recalculated[0].at, at);
    let clock = desk.result_clock(dec);
    let deadline = clock.deadline.clone().expect("counted now");
    assert_eq!(deadline.at, bj(2027, 1, 13, 0, 0));
    assert!(!deadline.provisional);
    assert_eq!(clock.no_deadline, None);
    // It has the base of its warnings too: 15 working days of working time.
    assert!(clock.total_seconds > 0);
    assert!(desk.engine.clocks_without_deadline().unwrap().is_empty());
    // The breach comes from the next tick, dated at or after the recalculation.
    assert!(result_breaches(&desk.events(dec)).is_empty());
    desk.engine.tick_all(at + TimeDelta::hours(1)).unwrap();
    let events = desk.events(dec);
    let breaches = result_breaches(&events);
    assert_eq!(breaches.len(), 1);
    assert!(breaches[0].at >= at);
    // Replay is exact.
    assert_eq!(
        Case::replay_events(&events).unwrap(),
        desk.engine.case(dec).unwrap()
    );
}

#[test]
fn a_clock_paused_without_a_deadline_counts_its_suspension_when_the_notice_arrives() {
    let mut desk = Desk::new();
    let dec = desk.open(bj(2026, 12, 21, 10, 0));
    // Paused from 22 December 10:00 until 24 December 10:00 (two working days).
    desk.run(
        &dec,
        "h1",
        bj(2026, 12, 22, 9, 0),
        CommandKind::RequestExtension {
            reason: "等待检测报告".into(),
            until: Some(bj(2026, 12, 24, 10, 0)),
        },
    );
    desk.run(
        &dec,
        "gm",
        bj(2026, 12, 22, 10, 0),
        CommandKind::ApproveExtension,
    );
    desk.engine.tick_all(bj(2026, 12, 25, 0, 0)).unwrap();
    let clock = desk.result_clock(&dec);
    assert!(clock.is_running() && clock.deadline.is_none(), "{clock:?}");
    desk.engine
        .add_calendar_data(CalendarData::from_toml_str(NOTICE_2027).unwrap())
        .unwrap();
    desk.engine.recalculate_all(bj(2027, 1, 2, 9, 0)).unwrap();
    // The end of 12 January, plus the two working days it stood still.
    assert_eq!(
        desk.result_clock(&dec).deadline_at(),
        Some(bj(2027, 1, 15, 0, 0))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whenever a complaint is filed in late 2026 or 2027 under a policy that
    /// refuses 2027, ticks never fail, and a clock without a deadline never
    /// breaches; the deadline view and the report never fail either.
    #[test]
    fn ticks_never_fail_on_clocks_without_a_deadline(
        filed_min in 0i64..(400 * 24 * 60),
        ticks in proptest::collection::vec(0i64..(120 * 24 * 60), 1..6),
    ) {
        let mut desk = Desk::new();
        let filed = bj(2026, 12, 1, 0, 0) + TimeDelta::minutes(filed_min);
        let case = desk.open(filed);
        let mut ticks: Vec<_> = ticks.into_iter().map(|m| filed + TimeDelta::minutes(m + 20)).collect();
        ticks.sort();
        for at in ticks {
            desk.engine.tick_all(at).unwrap();
            desk.engine.deadlines(&case, at).unwrap();
            desk.engine.overdue(at).unwrap();
        }
        let state = desk.engine.case(&case).unwrap();
        for c in state.clocks.iter().filter(|c| c.deadline.is_none()) {
            prop_assert!(!c.breached, "{} breached without a deadline", c.milestone);
        }
        let period = ReportPeriod::month(2027, 1).unwrap();
        desk.engine.report(&period, bj(2028, 1, 1, 0, 0), None).unwrap();
    }
}

#[test]
fn events_and_clocks_stored_before_deadline_less_clocks_still_load() {
    let started: EventKind = serde_json::from_str(r#"{"deadline":{"at":"2025-11-24T16:00:00Z","provisional":false,"calendar":{"data":"cn"}},"level":"unsatisfied","milestone":"result","round":1,"target":"15 working days","total_seconds":1349700,"type":"clock_started"}"#).unwrap();
    assert!(matches!(
        started,
        EventKind::ClockStarted {
            deadline: Some(_),
            extras,
            ..
        } if extras.as_ref().is_none_or(|x| x.no_deadline.is_none())
    ));
    let stopped: EventKind = serde_json::from_str(
        r#"{"met":false,"milestone":"first_response","round":1,"type":"clock_stopped"}"#,
    )
    .unwrap();
    assert!(matches!(
        stopped,
        EventKind::ClockStopped {
            met: false,
            no_deadline: false,
            ..
        }
    ));
    let recalculated: EventKind = serde_json::from_str(r#"{"deadline":{"at":"2027-01-12T16:00:00Z","provisional":false,"calendar":{"data":"cn"}},"milestone":"result","previous":"2027-01-13T16:00:00Z","round":1,"type":"deadline_recalculated"}"#).unwrap();
    assert!(matches!(
        recalculated,
        EventKind::DeadlineRecalculated {
            previous: Some(_),
            ..
        }
    ));
    let clock: tousu::workflow::Clock = serde_json::from_str(r#"{"milestone":"result","round":1,"level":"unsatisfied","target":"15 working days","started_at":"2025-11-03T01:05:00Z","deadline":{"at":"2025-11-24T16:00:00Z","provisional":false,"calendar":{"data":"cn"}},"total_seconds":1349700,"state":{"state":"running"},"warned":[],"breached":false}"#).unwrap();
    assert!(clock.deadline.is_some() && clock.no_deadline.is_none());
}

#[test]
fn a_clock_resumed_into_a_year_without_a_notice_goes_on_without_a_deadline() {
    let mut desk = Desk::new();
    // Accepted on 1 December 2026: the result clock ends on 22 December.
    let case = desk.open(bj(2026, 12, 1, 10, 0));
    assert!(desk.result_clock(&case).deadline.is_some());
    // Suspended from 2 December until Monday 21 December: the time left now
    // runs into 2027, which this policy refuses to count.
    desk.run(
        &case,
        "h1",
        bj(2026, 12, 2, 9, 0),
        CommandKind::RequestExtension {
            reason: "等待检测报告".into(),
            until: Some(bj(2026, 12, 21, 10, 0)),
        },
    );
    desk.run(
        &case,
        "gm",
        bj(2026, 12, 2, 10, 0),
        CommandKind::ApproveExtension,
    );
    // The tick that ends the extension does not fail.
    desk.engine.tick_all(bj(2026, 12, 22, 0, 0)).unwrap();
    let clock = desk.result_clock(&case);
    assert!(clock.is_running() && clock.deadline.is_none(), "{clock:?}");
    assert!(clock.no_deadline.as_deref().unwrap_or("").contains("2027"));
    let mut day = bj(2026, 12, 23, 0, 0);
    while day <= bj(2027, 1, 31, 0, 0) {
        desk.engine.tick_all(day).unwrap();
        day += TimeDelta::days(1);
    }
    assert!(result_breaches(&desk.events(&case)).is_empty());
    // The notice arrives: the time left is counted from the resume.
    desk.engine
        .add_calendar_data(CalendarData::from_toml_str(NOTICE_2027).unwrap())
        .unwrap();
    desk.engine.recalculate_all(bj(2027, 2, 1, 9, 0)).unwrap();
    let clock = desk.result_clock(&case);
    let deadline = clock.deadline.expect("counted now");
    assert!(deadline.at > bj(2027, 1, 1, 0, 0) && !deadline.provisional);
    assert!(clock.total_seconds > 0);
}
