//! Period reports over cases driven through the workflow under the default
//! policy: a month of complaints (closed the same day, closed in time,
//! reopened, open and overdue, not accepted, closed late, ...), its figures
//! checked by hand, and the Markdown and CSV renderings snapshotted.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, TimeZone, Utc};
use rust_decimal::Decimal;
use tousu::report::{
    HandlingStatus, HandlingTime, PeriodReport, Rate, ReportError, ReportPeriod, period_report,
};
use tousu_model::*;
use tousu_penalty::{Breach, PenaltyFacts, PeriodResult};
use tousu_policy::Policy;
use tousu_workflow::*;

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

fn cat(s: &str) -> CategoryId {
    CategoryId::new(s).unwrap()
}

fn bj(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2025, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 总经理室 hq, 客服部 cs, 工程部 eng, 销售部 sales.
fn roster() -> Roster {
    let role = |r: &str| RoleId::new(r).unwrap();
    let pay = |s: Staff| s.with_pay(Decimal::ONE, Money::from_yuan(1000).unwrap());
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
        Department::new(did("sales"), "销售部", Some(did("hq"))),
    ])
    .unwrap();
    Roster::new(
        tree,
        vec![
            pay(Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager"))),
            pay(Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager"))),
            pay(Staff::new(sid("head1"), "王主管", did("eng"))
                .with_role(role("department_head"))
                .with_supervisor(sid("gm"))),
            pay(Staff::new(sid("h1"), "张师傅", did("eng"))
                .with_role(role("handler"))
                .with_supervisor(sid("head1"))),
            pay(Staff::new(sid("head2"), "钱经理", did("sales"))
                .with_role(role("department_head"))
                .with_supervisor(sid("gm"))),
            pay(Staff::new(sid("h2"), "孙业务", did("sales"))
                .with_role(role("handler"))
                .with_supervisor(sid("head2"))),
        ],
    )
    .unwrap()
}

/// Drives cases through the workflow, keeping every case and event.
struct Desk {
    rt: PolicyRuntime,
    roster: Roster,
    cases: Vec<Case>,
    events: Vec<Event>,
    n: u32,
}

impl Desk {
    fn new() -> Self {
        Desk {
            rt: PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap(),
            roster: roster(),
            cases: Vec::new(),
            events: Vec::new(),
            n: 0,
        }
    }

    fn absorb(&mut self, idx: Option<usize>, events: Vec<Event>) -> usize {
        let mut idx = idx;
        for e in &events {
            match idx {
                None => {
                    self.cases.push(Case::from_registration(e).unwrap());
                    idx = Some(self.cases.len() - 1);
                }
                Some(i) => {
                    let c = self.cases[i].clone();
                    self.cases[i] = evolve(c, e);
                }
            }
        }
        self.events.extend(events);
        idx.unwrap()
    }

    fn register(&mut self, id: &str, complaint: Complaint, repeat_count: u32) -> usize {
        self.n += 1;
        let at = complaint.received_at;
        let local = at.with_timezone(&self.rt.policy.utc_offset());
        let number = self
            .rt
            .policy
            .complaint_number
            .format(ComplaintNoParts {
                year: chrono::Datelike::year(&local),
                month: chrono::Datelike::month(&local),
                seq: u32::try_from(self.cases.len()).unwrap() + 1,
            })
            .unwrap();
        let cmd = Command::new(
            CommandId::new(format!("c{}", self.n)).unwrap(),
            sid("kf1"),
            at,
            0,
            CommandKind::Register {
                case_id: CaseId::new(id).unwrap(),
                number: Some(number),
                complaint: Box::new(complaint),
                repeat_count,
            },
        );
        let events = register(&cmd, &self.rt.ctx(&self.roster, at)).unwrap();
        self.absorb(None, events)
    }

    fn run(&mut self, i: usize, actor: &str, at: DateTime<Utc>, kind: CommandKind) {
        self.n += 1;
        let name = kind.name();
        let cmd = Command::new(
            CommandId::new(format!("c{}", self.n)).unwrap(),
            sid(actor),
            at,
            self.cases[i].version,
            kind,
        );
        let events = decide(&self.cases[i], &cmd, &self.rt.ctx(&self.roster, at))
            .unwrap_or_else(|e| panic!("{} {name} by {actor}: {e}", self.cases[i].id));
        self.absorb(Some(i), events);
    }

    fn accept(&mut self, i: usize, at: DateTime<Utc>) {
        let kind = CommandKind::Accept {
            override_reason: None,
        };
        self.run(i, "kf1", at, kind);
    }

    /// The desk assigns the case to `dept`, naming `handler`.
    fn assign(&mut self, i: usize, at: DateTime<Utc>, dept: &str, handler: &str) {
        let assignment = Assignment {
            lead: did(dept),
            handler: Some(sid(handler)),
            co_handling: vec![],
        };
        self.run(i, "kf1", at, CommandKind::Assign { assignment });
    }

    fn tick(&mut self, i: usize, now: DateTime<Utc>) {
        let events = tick(&self.cases[i], &self.rt.ctx(&self.roster, now)).unwrap();
        self.absorb(Some(i), events);
    }

    /// Accept, assign to `dept`/`handler`, investigate, record findings,
    /// propose and approve, starting at `at` a few minutes apart.
    #[allow(clippy::too_many_arguments)]
    fn handle(
        &mut self,
        i: usize,
        at: DateTime<Utc>,
        dept: &str,
        handler: &str,
        head: &str,
        validity: Validity,
        remedy: RemedyKind,
        minutes: [i64; 6],
    ) {
        let t = |m: i64| at + TimeDelta::minutes(m);
        self.accept(i, t(minutes[0]));
        self.assign(i, t(minutes[1]), dept, handler);
        self.investigate(
            i,
            handler,
            head,
            validity,
            remedy,
            [t(minutes[2]), t(minutes[3]), t(minutes[4]), t(minutes[5])],
        );
    }

    fn investigate(
        &mut self,
        i: usize,
        handler: &str,
        head: &str,
        validity: Validity,
        remedy: RemedyKind,
        at: [DateTime<Utc>; 4],
    ) {
        self.run(i, handler, at[0], CommandKind::StartInvestigation);
        self.run(
            i,
            handler,
            at[1],
            CommandKind::RecordFindings {
                validity: Some(validity),
                fault: None,
                responsible: vec![],
                note: None,
            },
        );
        self.run(
            i,
            handler,
            at[2],
            CommandKind::ProposeSolution {
                remedies: vec![Remedy::new(remedy)],
                note: None,
            },
        );
        self.run(i, head, at[3], CommandKind::Approve);
    }

    fn reply(&mut self, i: usize, at: DateTime<Utc>) {
        self.run(
            i,
            "kf1",
            at,
            CommandKind::Reply {
                text: "已处理".into(),
                written: false,
            },
        );
    }

    fn callback(&mut self, i: usize, at: DateTime<Utc>, s: Satisfaction) {
        self.run(
            i,
            "kf1",
            at,
            CommandKind::RecordCallback {
                satisfaction: s,
                note: None,
            },
        );
    }
}

fn person(name: &str) -> Complainant {
    Complainant::person(name).unwrap()
}

/// The month: eight cases received in November 2025, one from October
/// still open (backlog) and one from December (outside the period).
fn november() -> Desk {
    let mut d = Desk::new();
    answered_in_time(&mut d);
    late_or_refused(&mut d);
    unsatisfied_and_open(&mut d);
    outside_the_month(&mut d);
    d
}

/// K1–K3: answered within their clocks, closed (K3 in a second round).
fn answered_in_time(d: &mut Desk) {
    // K1 当即处理: phone, class A, replied in 20 minutes, very satisfied, closed the same morning.
    let k1 = d.register(
        "K1",
        Complaint::builder(bj(11, 3, 9, 0), Channel::Phone, "营业员态度恶劣")
            .complainant(
                person("王先生")
                    .with_party_id(PartyId::new("P1").unwrap())
                    .with_phone("139-0000-0001"),
            )
            .category(cat("service_attitude"))
            .customer_class(CustomerClass::A)
            .build()
            .unwrap(),
        0,
    );
    d.accept(k1, bj(11, 3, 9, 5));
    d.reply(k1, bj(11, 3, 9, 20));
    d.callback(k1, bj(11, 3, 10, 0), Satisfaction::VerySatisfied);
    d.run(k1, "kf1", bj(11, 3, 10, 5), CommandKind::Close);

    // K2 期限内处理: web, class B, engineering, every clock met, closed next morning.
    let k2 = d.register(
        "K2",
        Complaint::builder(bj(11, 4, 10, 0), Channel::Web, "新买的热水器不加热")
            .complainant(person("李女士").with_phone("13800000002"))
            .category(cat("product_defect"))
            .customer_class(CustomerClass::B)
            .build()
            .unwrap(),
        0,
    );
    d.handle(
        k2,
        bj(11, 4, 10, 0),
        "eng",
        "h1",
        "head1",
        Validity::Valid,
        RemedyKind::Repair,
        [10, 15, 20, 25, 28, 40],
    );
    d.reply(k2, bj(11, 4, 16, 0));
    d.callback(k2, bj(11, 5, 9, 30), Satisfaction::Satisfied);
    d.run(k2, "kf1", bj(11, 5, 9, 35), CommandKind::Close);

    // K3 循环往复处理: visit, class C, the same party as K1; unsatisfied, reopened, satisfied in round 2.
    let k3 = d.register(
        "K3",
        Complaint::builder(bj(11, 5, 9, 0), Channel::Visit, "维修后仍漏水")
            .complainant(person("王先生").with_party_id(PartyId::new("P1").unwrap()))
            .category(cat("installation_repair"))
            .customer_class(CustomerClass::C)
            .build()
            .unwrap(),
        1,
    );
    d.handle(
        k3,
        bj(11, 5, 9, 0),
        "eng",
        "h1",
        "head1",
        Validity::Valid,
        RemedyKind::Repair,
        [5, 10, 15, 20, 25, 30],
    );
    d.reply(k3, bj(11, 5, 10, 0));
    d.callback(k3, bj(11, 6, 9, 0), Satisfaction::Unsatisfied);
    d.run(
        k3,
        "gm",
        bj(11, 6, 10, 0),
        CommandKind::Reopen {
            reason: "仍漏水".into(),
        },
    );
    d.investigate(
        k3,
        "h1",
        "head1",
        Validity::Valid,
        RemedyKind::Replacement,
        [
            bj(11, 6, 11, 0),
            bj(11, 6, 13, 0),
            bj(11, 6, 14, 0),
            bj(11, 6, 14, 10),
        ],
    );
    d.reply(k3, bj(11, 7, 10, 0));
    d.callback(k3, bj(11, 10, 9, 0), Satisfaction::Satisfied);
    d.run(k3, "kf1", bj(11, 10, 9, 5), CommandKind::Close);
}

/// K4–K6: one left overdue, one refused, one closed late.
fn late_or_refused(d: &mut Desk) {
    // K4 超期未结: phone, class A, media exposure (major), same phone as K1; sales never answers.
    let k4 = d.register(
        "K4",
        Complaint::builder(bj(11, 6, 14, 0), Channel::Phone, "多收费用，已联系记者")
            .complainant(
                person("王太太")
                    .with_party_id(PartyId::new("P4").unwrap())
                    .with_phone("13900000001"),
            )
            .category(cat("billing"))
            .customer_class(CustomerClass::A)
            .flags(ComplaintFlags {
                media_exposure: true,
                ..Default::default()
            })
            .build()
            .unwrap(),
        0,
    );
    d.accept(k4, bj(11, 6, 14, 5));
    d.assign(k4, bj(11, 6, 14, 8), "sales", "h2");
    d.tick(k4, bj(11, 6, 15, 0)); // first response (10 minutes) breached, owned by h2
    d.run(k4, "h2", bj(11, 6, 15, 30), CommandKind::StartInvestigation);

    // K5 不予受理: letter, class D, already in litigation.
    let k5 = d.register(
        "K5",
        Complaint::builder(bj(11, 7, 11, 0), Channel::Letter, "要求赔偿，已起诉")
            .complainant(person("赵先生"))
            .category(cat("other"))
            .customer_class(CustomerClass::D)
            .flags(ComplaintFlags {
                in_litigation: true,
                ..Default::default()
            })
            .build()
            .unwrap(),
        0,
    );
    d.run(
        k5,
        "kf1",
        bj(11, 7, 11, 30),
        CommandKind::NotAccept {
            reason_zh: "投诉事项已进入诉讼或仲裁程序".into(),
            advice_zh: Some("建议通过仲裁或司法途径解决".into()),
        },
    );

    // K6 超期办结: email, key account (十分不满意, 20 minutes), invalid; first
    // and second responses missed, neutral callback, closed the next day.
    let k6 = d.register(
        "K6",
        Complaint::builder(bj(11, 10, 9, 0), Channel::Email, "配送太慢")
            .complainant(Complainant::organization("某大客户公司").unwrap())
            .category(cat("service_timeliness"))
            .customer_class(CustomerClass::KeyAccount)
            .build()
            .unwrap(),
        0,
    );
    d.handle(
        k6,
        bj(11, 10, 9, 0),
        "eng",
        "h1",
        "head1",
        Validity::Invalid,
        RemedyKind::Explanation,
        [5, 10, 40, 50, 60, 70],
    );
    d.reply(k6, bj(11, 11, 9, 0));
    d.callback(k6, bj(11, 11, 15, 0), Satisfaction::Neutral);
    d.run(k6, "kf1", bj(11, 11, 15, 5), CommandKind::Close);
}

/// K7–K8: closed abnormally unsatisfied, and one still awaiting its callback.
fn unsatisfied_and_open(d: &mut Desk) {
    // K7 期限内处理 though unsatisfied: chat, class B, sales, malicious; closed abnormally next day.
    let k7 = d.register(
        "K7",
        Complaint::builder(bj(11, 12, 9, 0), Channel::Chat, "要求十倍赔偿")
            .complainant(person("钱先生").with_party_id(PartyId::new("P7").unwrap()))
            .category(cat("service_attitude"))
            .customer_class(CustomerClass::B)
            .build()
            .unwrap(),
        0,
    );
    d.handle(
        k7,
        bj(11, 12, 9, 0),
        "sales",
        "h2",
        "head2",
        Validity::Malicious,
        RemedyKind::Apology,
        [5, 10, 12, 15, 20, 25],
    );
    d.reply(k7, bj(11, 12, 9, 40));
    d.callback(k7, bj(11, 12, 17, 0), Satisfaction::Unsatisfied);
    d.run(
        k7,
        "gm",
        bj(11, 13, 11, 0),
        CommandKind::CloseAbnormally {
            reason: "要求超出政策".into(),
        },
    );

    // K8 处理中: official account, anonymous, no class or category; replied, awaiting the callback.
    let k8 = d.register(
        "K8",
        Complaint::builder(
            bj(11, 27, 16, 0),
            Channel::OfficialAccount,
            "公众号留言无人回复",
        )
        .build()
        .unwrap(),
        0,
    );
    d.accept(k8, bj(11, 27, 16, 5));
    d.assign(k8, bj(11, 27, 16, 6), "eng", "h1");
    d.reply(k8, bj(11, 27, 16, 20));
}

/// K0 and K9: from October (still open, overdue) and from December.
fn outside_the_month(d: &mut Desk) {
    // K0 from October, still open and overdue: in the overdue list, not in the counts.
    let k0 = d.register(
        "K0",
        Complaint::builder(bj(10, 20, 10, 0), Channel::Phone, "十月份的投诉")
            .complainant(person("孙女士").with_phone("13700000003"))
            .category(cat("billing"))
            .build()
            .unwrap(),
        0,
    );
    d.accept(k0, bj(10, 20, 10, 5));
    d.assign(k0, bj(10, 20, 10, 10), "eng", "h1");

    // K9 from December: outside the period and the overdue list.
    d.register(
        "K9",
        Complaint::builder(bj(12, 1, 9, 0), Channel::Phone, "十二月份的投诉")
            .build()
            .unwrap(),
        0,
    );
}

/// Friday 28 November 2025, 18:00 Beijing time.
fn as_of() -> DateTime<Utc> {
    bj(11, 28, 18, 0)
}

fn penalties(d: &Desk) -> PeriodResult {
    let mut facts = PenaltyFacts::new("2025-11".parse().unwrap());
    facts.breaches = d
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone,
                round,
                level,
                owner: Some(owner),
                ..
            } => Some(Breach {
                case: e.case_id.clone(),
                milestone: milestone.clone(),
                round: *round,
                level: level.clone(),
                owner: owner.clone(),
                at: e.at,
            }),
            _ => None,
        })
        .collect();
    let schedule = d.rt.policy.penalties.clone().unwrap();
    tousu_penalty::compute_statements(&schedule, &d.roster, &facts, None).unwrap()
}

fn report(d: &Desk) -> PeriodReport {
    let p = penalties(d);
    let mut r = period_report(
        &d.rt.policy,
        &d.rt.calendar,
        &d.cases,
        &ReportPeriod::month(2025, 11).unwrap(),
        as_of(),
        Some(&p),
    )
    .unwrap();
    r.name_departments(d.roster.departments());
    r
}

fn count(map: &std::collections::BTreeMap<String, tousu::report::Tally>, key: &str) -> u32 {
    map.get(key).map_or(0, |t| t.count)
}

#[test]
fn the_cases_end_where_the_scenario_says() {
    let d = november();
    let offset = d.rt.policy.utc_offset();
    let status: Vec<(String, HandlingStatus)> = d
        .cases
        .iter()
        .map(|c| (c.id.to_string(), HandlingStatus::of(c, offset, as_of())))
        .collect();
    let want = [
        ("K1", HandlingStatus::Immediate),
        ("K2", HandlingStatus::WithinDeadline),
        ("K3", HandlingStatus::Recurring),
        ("K4", HandlingStatus::OpenOverdue),
        ("K5", HandlingStatus::NotAccepted),
        ("K6", HandlingStatus::ClosedLate),
        ("K7", HandlingStatus::WithinDeadline),
        ("K8", HandlingStatus::Open),
        ("K0", HandlingStatus::OpenOverdue),
        ("K9", HandlingStatus::Open),
    ];
    let want: Vec<(String, HandlingStatus)> =
        want.iter().map(|(k, h)| ((*k).to_owned(), *h)).collect();
    assert_eq!(status, want);
    // Replaying the events rebuilds every case.
    for c in &d.cases {
        let events: Vec<&Event> = d.events.iter().filter(|e| e.case_id == c.id).collect();
        assert_eq!(&Case::replay_events(events).unwrap(), c);
    }
}

#[test]
fn figures_checked_by_hand() {
    let d = november();
    let r = report(&d);
    let s = &r.summary;
    // K1..K8 received in November; K0 (October) and K9 (December) are not counted.
    assert_eq!(s.received, 8);
    assert_eq!(
        (s.accepted, s.not_accepted, s.awaiting_acceptance),
        (7, 1, 0)
    );
    assert_eq!((s.closed, s.open, s.open_overdue), (5, 2, 1));
    // Escalated on a late first response: K4 (by the tick) and one case found
    // late when the next command was decided; the case whose late clock was
    // found by the command that closed it is not escalated (nobody to tell).
    assert_eq!((s.reopened, s.escalated), (1, 2));

    assert_eq!(count(&r.by_handling, "immediate"), 1);
    assert_eq!(count(&r.by_handling, "within_deadline"), 2);
    assert_eq!(count(&r.by_handling, "recurring"), 1);
    assert_eq!(count(&r.by_handling, "closed_late"), 1);
    assert_eq!(count(&r.by_handling, "open_overdue"), 1);
    assert_eq!(count(&r.by_handling, "open"), 1);
    assert_eq!(count(&r.by_handling, "not_accepted"), 1);

    assert_eq!(count(&r.by_category, "service_attitude"), 2);
    assert_eq!(count(&r.by_category, "(uncategorized)"), 1);
    assert_eq!(count(&r.by_level, "unsatisfied"), 6);
    assert_eq!(count(&r.by_level, "very_unsatisfied"), 1);
    assert_eq!(count(&r.by_level, "major"), 1);
    assert_eq!(count(&r.by_level, "crisis"), 0);
    assert_eq!(count(&r.by_channel, "phone"), 2);
    assert_eq!(count(&r.by_department, "eng"), 4);
    assert_eq!(count(&r.by_department, "sales"), 2);
    assert_eq!(count(&r.by_department, "(unassigned)"), 2);
    assert_eq!(r.by_department["eng"].label_zh, "工程部");
    assert_eq!(count(&r.by_customer_class, "a"), 2);
    assert_eq!(count(&r.by_customer_class, "b"), 2);
    assert_eq!(count(&r.by_customer_class, "key_account"), 1);
    assert_eq!(count(&r.by_customer_class, "(unclassified)"), 1);
    assert_eq!(count(&r.by_validity, "valid"), 2);
    assert_eq!(count(&r.by_validity, "invalid"), 1);
    assert_eq!(count(&r.by_validity, "malicious"), 1);
    assert_eq!(count(&r.by_validity, "(undetermined)"), 4);
    assert_eq!(r.by_validity["valid"].share.percent_text(), "25.0%");

    // First response: K1, K2, K3, K7 and K8 met; K6 missed (proposal at 60
    // minutes of 20); K5's stopped by not-accepting at exactly 30 minutes,
    // which is not strictly before the deadline: missed; K4's still runs.
    // Breaches are recorded for K4 (tick), K5 and K6 (decided late).
    let fr = &r.on_time["first_response"];
    assert_eq!((fr.clocks, fr.stopped, fr.met, fr.missed), (8, 7, 5, 2));
    assert_eq!((fr.breached, fr.open, fr.overdue), (3, 1, 1));
    assert_eq!(fr.on_time.percent_text(), "71.4%");
    // Second response (24 hours from the proposal to the callback): K2, K3
    // round 1 and K7 met; K3 round 2 (Thu 14:00 → Mon 09:00) and K6 missed.
    let sr = &r.on_time["second_response"];
    assert_eq!((sr.clocks, sr.stopped, sr.met, sr.missed), (5, 5, 3, 2));
    assert_eq!(sr.breached, 2);
    assert_eq!(sr.on_time.percent_text(), "60.0%");
    // K4's result deadline is the end of 27 November (15 working days).
    let result = &r.on_time["result"];
    assert_eq!((result.open, result.overdue, result.breached), (1, 1, 0));

    // Working hours from receipt to closure (no business hours: whole days):
    // K1 1h05 (65 min); K2 Tue 10:00 → Wed 09:35 = 23h35 (1415 min); K3
    // Wed 09:00 → Mon 09:05 = 15h + 24h + 24h + 9h05 (the weekend skipped) =
    // 72h05 (4325 min); K6 Mon 09:00 → Tue 15:05 = 30h05 (1805 min); K7
    // Wed 09:00 → Thu 11:00 = 26h (1560 min). 9170 minutes in all.
    let t = &r.handling_time;
    assert_eq!(t.cases, 5);
    assert_eq!(t.total_hours.to_string(), "152.83"); // 9170 / 60 = 152.833…
    assert_eq!(t.average_hours.unwrap().to_string(), "30.57"); // 1834 min = 30.566…
    assert_eq!(t.median_hours.unwrap().to_string(), "26.00"); // rank 3 of 5
    assert_eq!(t.p90_hours.unwrap().to_string(), "72.08"); // rank ⌈4.5⌉ = 5
    assert_eq!(t.max_hours.unwrap().to_string(), "72.08");

    // Callbacks: K1 very satisfied, K2 satisfied, K3 satisfied (round 2),
    // K6 neutral, K7 unsatisfied; K4, K5 and K8 have none.
    let sat = &r.satisfaction;
    assert_eq!((sat.answered, sat.no_callback), (5, 3));
    assert_eq!(sat.rate, Rate::new(4, 5));
    assert_eq!(sat.rate.percent_text(), "80.0%");

    // K1 (P1, 139…0001), K3 (P1) and K4 (phone 139…0001) are one complainant.
    assert_eq!(r.repeat_complainants.len(), 1);
    let rep = &r.repeat_complainants[0];
    let ids: Vec<&str> = rep.cases.iter().map(CaseId::as_str).collect();
    assert_eq!(ids, ["K1", "K3", "K4"]);
    assert_eq!(rep.phone.as_deref(), Some("139****0001"));
    assert_eq!(rep.earlier_complaints, 1);

    let top: Vec<(&str, u32)> = r
        .top_categories
        .iter()
        .map(|c| (c.category.as_str(), c.count))
        .collect();
    assert_eq!(
        top,
        [
            ("service_attitude", 2),
            ("service_timeliness", 1),
            ("product_defect", 1),
            ("installation_repair", 1),
            ("billing", 1),
        ]
    );

    // K0 (October backlog) and K4: first response and result overdue,
    // earliest deadline first.
    let overdue: Vec<(&str, &str)> = r
        .overdue
        .iter()
        .map(|o| (o.case_id.as_str(), o.milestone.as_str()))
        .collect();
    assert_eq!(
        overdue,
        [
            ("K0", "first_response"),
            ("K4", "first_response"),
            ("K0", "result"),
            ("K4", "result"),
        ]
    );
    assert_eq!(r.overdue[1].department_name.as_deref(), Some("销售部"));
    // 10 minutes after 14:00 on 6 November → 14:10; to 28 November 18:00 is
    // 22 days 3 h 50 min = 531.83 hours.
    assert_eq!(r.overdue[1].overdue_hours.to_string(), "531.83");

    // K0's result deadline: 15 working days from 20 October → end of 10 November.
    assert_eq!(r.overdue[2].overdue_hours.to_string(), "426.00");

    // Overtime fines (S12: 20 / 30 / 50 / 80 元 by level): sales 50 for K4's
    // first response (major, h2); engineering 30 for K6's (十分不满意, h1);
    // customer service 20 + 30 for the second responses of K3 (round 2) and
    // K6, owned by the complaint manager, and 20 for K5's first response:
    // never assigned, so charged to the milestone's fallback owner, the
    // complaint manager (issue 12: every breach is charged to someone).
    let p = r.penalties.as_ref().unwrap();
    assert_eq!(p.period, "2025-11");
    assert_eq!(p.by_department["sales"].gross.to_plain_string(), "50.00");
    assert_eq!(p.by_department["eng"].gross.to_plain_string(), "30.00");
    assert_eq!(p.by_department["cs"].gross.to_plain_string(), "70.00");
    assert_eq!(p.total.gross.to_plain_string(), "150.00");
}

#[test]
fn markdown_and_csv_snapshots() {
    let d = november();
    let r = report(&d);
    insta::assert_snapshot!("november_markdown", r.to_markdown());
    insta::assert_snapshot!("november_csv", r.to_csv());
}

#[test]
fn json_round_trips_and_has_a_schema() {
    let d = november();
    let r = report(&d);
    let json = serde_json::to_string(&r).unwrap();
    let back: PeriodReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["handling_time"]["average_hours"], "30.57");
    assert_eq!(v["satisfaction"]["rate"]["percent"], "80.0");
    let schema = PeriodReport::json_schema();
    assert!(schema["properties"]["by_handling"].is_object());
    // A period document is checked when read.
    let bad = serde_json::from_str::<ReportPeriod>(r#"{"from":"2025-11-30","to":"2025-11-01"}"#);
    assert!(
        bad.unwrap_err()
            .to_string()
            .contains("first day must not be after the last")
    );
}

#[test]
fn other_periods_count_other_cases() {
    let d = november();
    let week = ReportPeriod::week_of(date(2025, 11, 5)).unwrap();
    let r = period_report(&d.rt.policy, &d.rt.calendar, &d.cases, &week, as_of(), None).unwrap();
    // Monday 3 to Sunday 9 November: K1..K5.
    assert_eq!(r.summary.received, 5);
    assert_eq!(r.period_label, "2025年第45周");
    assert!(r.penalties.is_none());
    let q4 = ReportPeriod::quarter(2025, 4).unwrap();
    let r = period_report(
        &d.rt.policy,
        &d.rt.calendar,
        &d.cases,
        &q4,
        bj(12, 31, 18, 0),
        None,
    )
    .unwrap();
    assert_eq!(r.summary.received, 10);
    // The November penalty result does not belong in an October report.
    let p = penalties(&d);
    let october = ReportPeriod::month(2025, 10).unwrap();
    let err = period_report(
        &d.rt.policy,
        &d.rt.calendar,
        &d.cases,
        &october,
        as_of(),
        Some(&p),
    )
    .unwrap_err();
    assert!(
        matches!(err, ReportError::PenaltyPeriodOutside { .. }),
        "{err}"
    );
}

#[test]
fn a_year_the_calendar_refuses_is_left_out_not_a_failure() {
    let d = november();
    let mut case = d.cases[0].clone();
    // Pretend K1 was received and closed in 2031, under a calendar that
    // refuses years without a notice.
    let shift = TimeDelta::days(6 * 365 + 2);
    std::sync::Arc::make_mut(&mut case.complaint).received_at += shift;
    if let Some(c) = case.closure.as_mut() {
        c.at += shift;
    }
    let mut spec = d.rt.policy.calendar.clone();
    spec.uncovered = Some(tousu_policy::calendar::UncoveredYears::Error);
    let strict = tousu_policy::Calendar::from_spec(&spec).unwrap();
    let year = ReportPeriod::year(2031).unwrap();
    let report =
        period_report(&d.rt.policy, &strict, &[case.clone()], &year, as_of(), None).unwrap();
    assert_eq!(report.handling_time.cases, 0);
    assert_eq!(report.handling_time.unmeasured, 1);
    // The default calendar counts 2031 by the statutory days.
    let report =
        period_report(&d.rt.policy, &d.rt.calendar, &[case], &year, as_of(), None).unwrap();
    assert_eq!(report.handling_time.cases, 1);
    assert_eq!(report.handling_time.unmeasured, 0);
}

#[test]
fn period_constructors() {
    let q = |y, n| {
        let p = ReportPeriod::quarter(y, n).unwrap();
        (p.from(), p.to(), p.days())
    };
    assert_eq!(q(2024, 1), (date(2024, 1, 1), date(2024, 3, 31), 91));
    assert_eq!(q(2025, 1), (date(2025, 1, 1), date(2025, 3, 31), 90));
    assert_eq!(q(2025, 2), (date(2025, 4, 1), date(2025, 6, 30), 91));
    assert_eq!(q(2025, 3), (date(2025, 7, 1), date(2025, 9, 30), 92));
    assert_eq!(q(2025, 4), (date(2025, 10, 1), date(2025, 12, 31), 92));
    assert!(ReportPeriod::quarter(2025, 0).is_err());
    assert!(ReportPeriod::quarter(2025, 5).is_err());

    let feb = |y| ReportPeriod::month(y, 2).unwrap().to();
    assert_eq!(feb(2024), date(2024, 2, 29)); // leap year
    assert_eq!(feb(2025), date(2025, 2, 28));
    assert_eq!(feb(2000), date(2000, 2, 29)); // divisible by 400
    assert_eq!(feb(1900), date(1900, 2, 28)); // by 100, not 400
    assert_eq!(
        ReportPeriod::month(2025, 12).unwrap().to(),
        date(2025, 12, 31)
    );
    assert!(ReportPeriod::month(2025, 13).is_err());
    assert!(ReportPeriod::month(2025, 0).is_err());
    assert_eq!(ReportPeriod::year(2024).unwrap().days(), 366);
    assert_eq!(ReportPeriod::year(2025).unwrap().days(), 365);

    // Weeks run Monday to Sunday, across month and year ends.
    let w = ReportPeriod::week_of(date(2026, 1, 1)).unwrap();
    assert_eq!((w.from(), w.to()), (date(2025, 12, 29), date(2026, 1, 4)));
    assert_eq!(w.label(), "2026年第1周");
    let sunday = ReportPeriod::week_of(date(2025, 11, 9)).unwrap();
    assert_eq!(sunday.from(), date(2025, 11, 3));

    assert_eq!(ReportPeriod::year(2025).unwrap().label(), "2025年");
    assert_eq!(ReportPeriod::month(2025, 11).unwrap().label(), "2025年11月");
    assert_eq!(
        ReportPeriod::quarter(2025, 4).unwrap().label(),
        "2025年第4季度"
    );
    let custom = ReportPeriod::custom(date(2025, 11, 1), date(2025, 11, 15)).unwrap();
    assert_eq!(custom.label(), "2025-11-01至2025-11-15");
    let one_day = ReportPeriod::custom(date(2025, 11, 1), date(2025, 11, 1)).unwrap();
    assert_eq!(one_day.days(), 1);
    let err = ReportPeriod::custom(date(2025, 11, 2), date(2025, 11, 1)).unwrap_err();
    assert!(matches!(err, ReportError::InvertedPeriod { .. }));
}

#[test]
fn average_and_p90_are_exact() {
    let m = TimeDelta::minutes;
    // Ten cases of 1..=10 hours: average 5.5, nearest-rank p90 = rank 9 = 9 h,
    // median = rank 5 = 5 h.
    let ten: Vec<TimeDelta> = (1..=10).rev().map(TimeDelta::hours).collect();
    let t = HandlingTime::from_durations(&ten).unwrap();
    assert_eq!(t.average_hours.unwrap().to_string(), "5.50");
    assert_eq!(t.p90_hours.unwrap().to_string(), "9.00");
    assert_eq!(t.median_hours.unwrap().to_string(), "5.00");
    assert_eq!(t.total_hours.to_string(), "55.00");
    // Eleven: p90 rank ⌈9.9⌉ = 10; twenty: rank 18; twenty-one: rank ⌈18.9⌉ = 19.
    let p90 = |n: i64| {
        let v: Vec<TimeDelta> = (1..=n).map(TimeDelta::hours).collect();
        HandlingTime::from_durations(&v)
            .unwrap()
            .p90_hours
            .unwrap()
            .to_string()
    };
    assert_eq!(p90(11), "10.00");
    assert_eq!(p90(20), "18.00");
    assert_eq!(p90(21), "19.00");
    assert_eq!(p90(1), "1.00");
    // One case: every figure is that case.
    let one = HandlingTime::from_durations(&[m(90)]).unwrap();
    assert_eq!(
        (one.average_hours, one.median_hours, one.p90_hours),
        (
            Some(Decimal::new(150, 2)),
            Some(Decimal::new(150, 2)),
            Some(Decimal::new(150, 2))
        )
    );
    // Thirds of an hour never pass through a float: 20 + 20 + 21 minutes
    // average 20.333… minutes = 0.3388… h → 0.34; 1 minute = 0.0166… h → 0.02.
    let t = HandlingTime::from_durations(&[m(20), m(20), m(21)]).unwrap();
    assert_eq!(t.average_hours.unwrap().to_string(), "0.34");
    assert_eq!(
        HandlingTime::from_durations(&[m(1)])
            .unwrap()
            .total_hours
            .to_string(),
        "0.02"
    );
    // Half a hundredth rounds up: 0.3 minutes = 18 s = 0.005 h → 0.01.
    let t = HandlingTime::from_durations(&[TimeDelta::seconds(18)]).unwrap();
    assert_eq!(t.total_hours.to_string(), "0.01");
    let t = HandlingTime::from_durations(&[TimeDelta::seconds(17)]).unwrap();
    assert_eq!(t.total_hours.to_string(), "0.00");
    // No cases: no average.
    let none = HandlingTime::from_durations(&[]).unwrap();
    assert_eq!(
        (none.cases, none.average_hours, none.p90_hours),
        (0, None, None)
    );
}

#[test]
fn rates_round_half_up_from_integers() {
    assert_eq!(Rate::new(1, 3).percent_text(), "33.3%");
    assert_eq!(Rate::new(2, 3).percent_text(), "66.7%");
    assert_eq!(Rate::new(1, 16).percent_text(), "6.3%"); // 6.25
    assert_eq!(Rate::new(1, 80).percent_text(), "1.3%"); // 1.25
    assert_eq!(Rate::new(3, 3).percent_text(), "100.0%");
    assert_eq!(Rate::new(0, 7).percent_text(), "0.0%");
    assert_eq!(Rate::new(0, 0).percent, None);
    assert_eq!(Rate::new(u32::MAX, u32::MAX).percent_text(), "100.0%");
}
