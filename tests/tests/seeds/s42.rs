use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S42 — 五清楚 + 一般性投诉 / 重大投诉
// ---------------------------------------------------------------------------

#[test]
fn s42_office_tower_lift_entrapment_reported_at_once() {
    let p = policy("property-office-s42.toml");
    let roster = tower_roster();
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 7, 15, 14, 0);
    s.register("j1", "DS-1", lift_entrapment(t0)).unwrap();
    assert_eq!(level_of(&s), "major");
    assert_eq!(due(&s, t0, "major_report"), "2025-07-15 14:15");
    s.ok("j1", minutes(t0, 2), accept());
    // 「(6)报告:重大投诉,必须马上报告部门经理和物业管理中心领导」.
    s.ok("j1", minutes(t0, 5), escalate("电梯困人,马上报告"));
    s.ok("gm", minutes(t0, 6), assign("gc", "e1"));
    s.ok("e1", minutes(t0, 10), CommandKind::StartInvestigation);
    s.ok(
        "e1",
        minutes(t0, 40),
        findings(FaultParty::Us, "门锁回路接触不良,已救出被困人员"),
    );
    s.ok(
        "e1",
        minutes(t0, 50),
        propose(
            vec![rem(RemedyKind::Apology), rem(RemedyKind::Repair)],
            "更换门锁触点,全面检查同批电梯",
        ),
    );
    s.ok("gm", minutes(t0, 60), CommandKind::Approve);
    s.ok(
        "j1",
        minutes(t0, 80),
        reply("被困人员已安全救出,故障原因及整改措施已书面告知"),
    );
    s.ok(
        "j1",
        beijing(2025, 7, 16, 10, 0),
        callback(
            Satisfaction::Satisfied,
            "记清楚: 客户在客户意见处理表上确认",
        ),
    );
    s.ok("j1", beijing(2025, 7, 16, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s42_office_tower", timeline(&s.events));

    // 客户集体投诉(三家以上): three firms are major (以上 includes 3).
    let mut m = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Letter, "12楼三家公司联名投诉空调不制冷")
        .complainant(person("联名代表"))
        .collective_count(3)
        .build()
        .unwrap();
    m.register("j1", "DS-2", c).unwrap();
    assert_eq!(level_of(&m), "major");
}

/// Non-happy paths: three firms complaining together are 重大 (「三家以上」,
/// inclusive); a major complaint not reported within the (assumed) 15 minutes
/// breaches and is escalated by the breach; a general complaint has no
/// report clock and its manual step goes to the 部门经理 only.
#[test]
fn s42_collective_major_reported_late() {
    let p = policy("property-office-s42.toml");
    let roster = roster(
        &[("kf", "客户服务中心", None), ("wy", "物业管理中心", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("jl")),
            ("jl", "部门经理", "kf", &["dept_manager"], Some("ld")),
            ("ld", "中心领导", "wy", &["centre_leader"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2026, 8, 3, 14, 0);
    let c = Complaint::builder(t0, Channel::Visit, "18层三家公司联名: 空调一周不制冷")
        .complainant(person("18层 三家公司行政"))
        .category(cat("public_facilities"))
        .collective_count(3)
        .build()
        .unwrap();
    s.register("j1", "DS-C", c).unwrap();
    assert_eq!(level_of(&s), "major");
    assert_eq!(due(&s, t0, "major_report"), "2026-08-03 14:15");
    s.tick(minutes(t0, 20));
    assert!(breached(&s.events, "major_report"));
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "late-major-report")
    }));
    let mut g = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Phone, "报纸连续两天没送到")
        .category(cat("mail"))
        .build()
        .unwrap();
    g.register("j1", "DS-G", c).unwrap();
    assert_eq!(level_of(&g), "general");
    assert!(
        g.deadlines(t0)
            .iter()
            .all(|v| v.milestone.as_str() != "major_report")
    );
    g.ok("j1", minutes(t0, 5), accept());
    g.ok("j1", minutes(t0, 10), escalate("客户要求经理出面"));
    assert_eq!(
        g.case().escalations[0]
            .step
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("manual-manager")
    );
}

/// (6)「报告:重大投诉,必须马上报告部门经理和物业管理中心领导」 binds a case
/// because of its level, whenever it reaches it: a complaint registered
/// 一般性 and found 重大 later must be reported within the 15 minutes
/// (assumed) from its reclassification; reported late it breaches and is
/// escalated by the breach, and the report clock does not run a second time.
#[test]
fn s42_a_case_reclassified_major_must_be_reported() {
    let p = policy("property-office-s42.toml");
    let roster = roster(
        &[("kf", "客户服务中心", None), ("wy", "物业管理中心", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("jl")),
            ("jl", "部门经理", "kf", &["dept_manager"], Some("ld")),
            ("ld", "中心领导", "wy", &["centre_leader"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 8, 4, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "12层卫生间漏水")
        .complainant(person("12层 某公司行政"))
        .category(cat("unit_repair"))
        .first_responder(sid("j1"))
        .build()
        .unwrap();
    s.register("j1", "DS-R", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("j1", minutes(t0, 5), accept());
    assert!(
        s.deadlines(minutes(t0, 5))
            .iter()
            .all(|v| v.milestone.as_str() != "major_report")
    );
    // The leak turns out to come from a burst riser flooding three floors.
    s.ok(
        "jl",
        minutes(t0, 30),
        classify_as("major", "立管爆裂, 三层被淹"),
    );
    assert_eq!(due(&s, minutes(t0, 30), "major_report"), "2026-08-04 09:45");
    s.tick(minutes(t0, 50));
    assert!(breached(&s.events, "major_report"));
    assert_eq!(steps_taken(&s), ["late-major-report"]);
    assert_eq!(breach_owners(&s), ["major_report@1 → j1"]);
}

/// 重大或突发事件: each listed event, and a main-equipment failure, is 重大; a
/// general-category complaint stays 一般性.
#[test]
fn s42_events_and_main_equipment_are_major() {
    let p = policy("property-office-s42.toml");
    let t0 = beijing(2026, 8, 3, 14, 0);
    let level_for = |c: Complaint| {
        let d = p.classify(&EvalInput::new(&c, t0));
        (d.outcome.to_string(), d.rule_id.map(|r| r.to_string()))
    };
    for event in [
        "火灾",
        "电梯困人",
        "爆炸",
        "突发性停电",
        "水浸",
        "盗窃",
        "刑事案件",
        "主体结构遭受破坏",
    ] {
        let c = Complaint::builder(t0, Channel::Phone, event)
            .fact(fact("event"), FactValue::Text(event.to_owned()))
            .build()
            .unwrap();
        assert_eq!(
            level_for(c),
            ("major".to_owned(), Some("emergency".to_owned())),
            "{event}"
        );
    }
    let chiller = Complaint::builder(t0, Channel::Phone, "中央空调主机停机")
        .category(cat("main_equipment"))
        .build()
        .unwrap();
    assert_eq!(
        level_for(chiller),
        ("major".to_owned(), Some("main-equipment".to_owned()))
    );
    let pests = Complaint::builder(t0, Channel::Phone, "茶水间有蟑螂")
        .category(cat("pest_control"))
        .build()
        .unwrap();
    assert_eq!(level_for(pests), ("general".to_owned(), None));
}

/// (3) 「跟清楚:受理客户投诉要一跟到底,直到问题得到解决并回复客户为止」: no last
/// round — four answers that leave the owner unsatisfied, four new rounds, no
/// escalation and no closure.
#[test]
fn s42_followed_to_the_end() {
    let roster = roster(
        &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
        &[
            ("jd", "接待员 小宋", "kf", &["receptionist"], None),
            (
                "g1",
                "工程部 维修主管",
                "gc",
                &["functional_dept"],
                Some("gm"),
            ),
            ("gm", "工程部经理", "gc", &["dept_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "jd",
        "WY-9",
        about(t0, "public_facilities", "地下车库照明一半不亮")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("jd", minutes(t0, 1), accept());
    s.ok("jd", minutes(t0, 2), assign("gc", "g1"));
    let crew = RoundCrew {
        handler: "g1",
        approver: "gm",
        replier: "jd",
        caller: "jd",
        reopener: "gm",
    };
    unsatisfied_rounds(&mut s, 4, minutes(t0, 10), &crew);
    assert!(s.case().escalations.is_empty());
    assert_eq!(s.case().round, 5);
}

/// (3)「受理客户投诉要一跟到底」 and (6)「重大投诉,必须马上报告」: a major complaint
/// recorded without its first responder and reported late is charged to the
/// receptionist who registered it.
#[test]
fn s42_a_late_major_report_is_the_receptionists() {
    let p = policy("property-office-s42.toml");
    let roster = roster(
        &[("kf", "客户服务中心", None)],
        &[("j1", "接待 小容", "kf", &["receptionist"], None)],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 8, 3, 14, 0);
    let c = Complaint::builder(t0, Channel::Phone, "21层突发性停电,整层办公中断")
        .fact(fact("event"), FactValue::Text("突发性停电".into()))
        .build()
        .unwrap();
    s.register("j1", "DS-R", c).unwrap();
    assert_eq!(level_of(&s), "major");
    s.tick(minutes(t0, 20));
    assert_eq!(breach_owners(&s), ["major_report@1 → j1"]);
}

/// (6)「重大或突发事件包括:…盗窃等破坏性行为…」: theft is the example of a class;
/// a destructive act that is not theft (a tenant's staff smashing the lobby's
/// access gates) is 重大 too. The old file knew theft only.
#[test]
fn s42_a_destructive_act_is_major() {
    let p = policy("property-office-s42.toml");
    let t0 = beijing(2026, 8, 3, 14, 0);
    let c = Complaint::builder(t0, Channel::Phone, "大堂门禁闸机被人砸坏")
        .fact(fact("event"), text("破坏性行为"))
        .build()
        .unwrap();
    assert_eq!(
        classified(&p, &c),
        ("major".to_owned(), Some("emergency".to_owned()))
    );
}

/// (4)「一般性投诉:…立即将情况回复客户」 and (6)「重大投诉:…向投诉客户解释原因,确定回复时间」
/// with (3)「对不能解决的投诉,应婉转地向客户讲清楚,并确定下次回复的时间」: a general
/// complaint is answered within 4 hours of receipt (立即, assumed), a major one
/// within 2 (assumed); agreeing the next reply time meets the clock, doing neither
/// breaches, charged to the receiver who took the complaint in (eighth audit: the
/// handler before, `s42::s42_the_receiver_answers_at_once_or_agrees_the_time`).
#[test]
fn s42_reply_at_once_or_agree_the_next_time() {
    let run = |major: bool, agree: bool| {
        let roster = roster(
            &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
            &[
                ("j1", "接待 小容", "kf", &["receptionist"], None),
                ("e1", "工程部 维修工", "gc", &["functional_dept"], None),
            ],
        );
        let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
        let t0 = beijing(2026, 8, 3, 10, 0);
        let mut c = Complaint::builder(t0, Channel::Phone, "9层卫生间水龙头漏水")
            .complainant(person("9层 某公司行政"))
            .category(cat("public_facilities"))
            .first_responder(sid("j1"));
        if major {
            c = c.fact(fact("event"), text("水浸"));
        }
        s.register("j1", "DS-Y", c.build().unwrap()).unwrap();
        s.ok("j1", minutes(t0, 2), accept());
        s.ok("j1", minutes(t0, 3), assign("gc", "e1"));
        let due_at = due(&s, minutes(t0, 3), "reply");
        if agree {
            s.ok(
                "j1",
                minutes(t0, 60),
                CommandKind::SetAgreedDeadline {
                    deadline: beijing(2026, 8, 4, 17, 0),
                },
            );
        }
        s.tick(beijing(2026, 8, 3, 15, 0));
        (due_at, breach_owners(&s))
    };
    assert_eq!(
        run(false, false),
        (
            "2026-08-03 14:00".to_owned(),
            vec!["reply@1 → j1".to_owned()]
        )
    );
    assert_eq!(run(false, true), ("2026-08-03 14:00".to_owned(), vec![]));
    let (major_due, _) = run(true, true);
    assert_eq!(major_due, "2026-08-03 12:00");
}

/// The source has no 延期: (3)「对不能解决的投诉,应婉转地向客户讲清楚,并确定下次回复的时间」
/// and (6)「向投诉客户解释原因,确定回复时间」 give a case more time only by a reply
/// time agreed with the customer. The department may not ask for an extension
/// (nor the manager approve one); it agrees the next reply time, which meets the
/// reply clock and runs as the agreed deadline. The old file let the department
/// ask and the manager approve an extension, which paused no clock.
#[test]
fn s42_more_time_is_a_reply_time_agreed_not_an_extension() {
    let roster = roster(
        &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], None),
            (
                "e1",
                "工程部 维修主管",
                "gc",
                &["functional_dept"],
                Some("gm"),
            ),
            ("gm", "工程部经理", "gc", &["dept_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 8, 4, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "办公室空调出风口滴水")
        .complainant(person("15层 某公司行政"))
        .category(cat("unit_repair"))
        .first_responder(sid("j1"))
        .build()
        .unwrap();
    s.register("j1", "DS-E", c).unwrap();
    s.ok("j1", minutes(t0, 5), accept());
    s.ok("j1", minutes(t0, 10), assign("gc", "e1"));
    let asked = s
        .run(
            "e1",
            minutes(t0, 60),
            CommandKind::RequestExtension {
                reason: "需等厂家配件".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert_eq!(asked.kind(), "not_permitted", "{asked}");
    s.ok(
        "j1",
        minutes(t0, 70),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 8, 6, 17, 0),
        },
    );
    s.tick(minutes(t0, 300));
    assert!(breach_list(&s).is_empty());
    assert_eq!(
        due(&s, minutes(t0, 300), "agreed_deadline"),
        "2026-08-06 17:00"
    );
}

/// (4)「一般性投诉:当接到一般性投诉时,将投诉情况记录在《客户投诉记录表》上,及时向职能部门
/// 进行信息传递并立即将情况回复客户」: the receiver who records the complaint and passes
/// it to the department is the one who answers the customer at once — the same
/// person does all three — and (3)「受理客户投诉要一跟到底,直到问题得到解决并回复客户为止。
/// 对不能解决的投诉,应婉转地向客户讲清楚,并确定下次回复的时间」 has whoever received it
/// follow it and agree the next reply time. Neither answered nor given a time within
/// 4 hours (立即, assumed), the complaint is the receiver's lateness. The old file
/// charged the department's handler, who cannot agree a reply time at all.
#[test]
fn s42_the_receiver_answers_at_once_or_agrees_the_time() {
    let roster = roster(
        &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], None),
            ("e1", "工程部 维修工", "gc", &["functional_dept"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 8, 3, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "9层卫生间水龙头漏水")
        .complainant(person("9层 某公司行政"))
        .category(cat("public_facilities"))
        .first_responder(sid("j1"))
        .build()
        .unwrap();
    s.register("j1", "DS-Q", c).unwrap();
    s.ok("j1", minutes(t0, 2), accept());
    s.ok("j1", minutes(t0, 3), assign("gc", "e1"));
    // The department cannot agree a reply time: that is the receiver's (3).
    let refused = s
        .run(
            "e1",
            minutes(t0, 60),
            CommandKind::SetAgreedDeadline {
                deadline: beijing(2026, 8, 4, 17, 0),
            },
        )
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
    s.tick(beijing(2026, 8, 3, 15, 0));
    assert_eq!(breach_owners(&s), ["reply@1 → j1"]);
    // Recorded without its first responder, it is the desk's that registered it.
    let mut d = Scenario::new(
        policy("property-office-s42.toml"),
        super::roster(
            &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
            &[
                ("j1", "接待 小容", "kf", &["receptionist"], None),
                ("e1", "工程部 维修工", "gc", &["functional_dept"], None),
            ],
        ),
    );
    d.register(
        "j1",
        "DS-Q2",
        about(t0, "public_facilities", "9层卫生间水龙头漏水")
            .build()
            .unwrap(),
    )
    .unwrap();
    d.ok("j1", minutes(t0, 2), accept());
    d.ok("j1", minutes(t0, 3), assign("gc", "e1"));
    d.tick(beijing(2026, 8, 3, 15, 0));
    assert_eq!(breach_owners(&d), ["reply@1 → j1"]);
}

/// (4)「当接到一般性投诉时,将投诉情况记录在《客户投诉记录表》上,及时向职能部门进行信息
/// 传递并立即将情况回复客户」: the reply is owed from the moment the complaint is
/// received (接到), not from a later acceptance (S42 refuses nothing: acceptance
/// is the receiver's formality). Fails on the old file, whose clock started on
/// `accepted`: a complaint recorded and left unaccepted ran no clock at all, and
/// one accepted late was measured from the acceptance.
#[test]
fn s42_the_reply_is_owed_from_receipt_not_acceptance() {
    let staff = || {
        roster(
            &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
            &[
                ("j1", "接待 小容", "kf", &["receptionist"], None),
                ("e1", "工程部 维修工", "gc", &["functional_dept"], None),
            ],
        )
    };
    let t0 = beijing(2026, 8, 3, 10, 0);
    let complaint = || {
        Complaint::builder(t0, Channel::Phone, "9层卫生间水龙头漏水")
            .complainant(person("9层 某公司行政"))
            .category(cat("public_facilities"))
            .first_responder(sid("j1"))
            .build()
            .unwrap()
    };
    // Recorded and never accepted: still owed, and late at 14:00.
    let mut s = Scenario::new(policy("property-office-s42.toml"), staff());
    s.register("j1", "DS-R", complaint()).unwrap();
    assert_eq!(due(&s, minutes(t0, 1), "reply"), "2026-08-03 14:00");
    s.tick(beijing(2026, 8, 3, 14, 5));
    assert_eq!(breach_owners(&s), ["reply@1 → j1"]);
    // Accepted two hours after receipt: the four hours still run from receipt.
    let mut a = Scenario::new(policy("property-office-s42.toml"), staff());
    a.register("j1", "DS-R2", complaint()).unwrap();
    a.ok("j1", minutes(t0, 120), accept());
    assert_eq!(due(&a, minutes(t0, 121), "reply"), "2026-08-03 14:00");
    a.tick(beijing(2026, 8, 3, 14, 5));
    assert_eq!(breach_owners(&a), ["reply@1 → j1"]);
}

/// Eleventh audit: (6)「报告:重大投诉,必须马上报告部门经理和物业管理中心领导」 binds
/// every 重大 complaint, however fast it is settled. The closing stopped
/// `major_report` as met, so a lift entrapment answered, confirmed and closed
/// within its 15 minutes (assumed) was never reported; the closing now waits
/// for the report (`[closure] awaits = ["major_report"]`, ruling 91), refused
/// as `closure_awaits_clock` until the step `report-major` is taken. The old
/// file closed it unreported (this test fails there). A general complaint has
/// no report clock and closes as before.
#[test]
fn s42_a_major_complaint_is_reported_before_it_is_closed() {
    let roster = roster(
        &[
            ("wy", "物业管理中心", None),
            ("kf", "客户服务中心", Some("wy")),
        ],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("jl")),
            ("jl", "部门经理", "kf", &["dept_manager"], Some("ld")),
            ("ld", "中心领导", "wy", &["centre_leader"], None),
        ],
    );
    let t0 = beijing(2026, 6, 1, 10, 0);
    let case = |s: &mut Scenario, id: &str, event: Option<&str>| {
        let mut b = Complaint::builder(t0, Channel::Phone, "8楼客户:2号电梯门开关异常")
            .complainant(Complainant::organization("801 某设计公司").unwrap())
            .category(cat("public_facilities"))
            .first_responder(sid("j1"));
        if let Some(e) = event {
            b = b.fact(fact("event"), FactValue::Text(e.into()));
        }
        s.register("j1", id, b.build().unwrap()).unwrap();
        s.ok("j1", minutes(t0, 1), accept());
        s.ok("j1", minutes(t0, 6), reply("被困人员已救出,电梯已停用待修"));
        s.ok(
            "j1",
            minutes(t0, 8),
            callback(Satisfaction::Satisfied, "客户确认记录"),
        );
    };
    let mut m = Scenario::new(policy("property-office-s42.toml"), roster.clone());
    case(&mut m, "DS-M", Some("电梯困人"));
    assert_eq!(level_of(&m), "major");
    let err = m.run("j1", minutes(t0, 9), close()).unwrap_err();
    assert_eq!(err.kind(), "closure_awaits_clock", "{err}");
    assert_eq!(status(&m), Status::Replied);
    m.ok(
        "j1",
        minutes(t0, 10),
        escalate_to("report-major", "电梯困人,马上报告"),
    );
    m.ok("j1", minutes(t0, 11), close());
    assert_eq!(status(&m), Status::Closed);
    assert!(breach_list(&m).is_empty());
    m.assert_replays();
    let mut g = Scenario::new(policy("property-office-s42.toml"), roster);
    case(&mut g, "DS-G", None);
    assert_eq!(level_of(&g), "general");
    g.ok("j1", minutes(t0, 9), close());
    assert_eq!(status(&g), Status::Closed);
}

/// The `clock_stopped` events of the agreed deadline, in order: `met` or
/// `missed`, with the instant.
fn s42_agreed_stops(s: &Scenario) -> Vec<String> {
    s.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ClockStopped { milestone, met, .. }
                if milestone.as_str() == AGREED_DEADLINE =>
            {
                Some(format!(
                    "{} {}",
                    if *met { "met" } else { "missed" },
                    beijing_minute(e.at)
                ))
            }
            _ => None,
        })
        .collect()
}

/// (3)「受理客户投诉要一跟到底,直到问题得到解决并回复客户为止。对不能解决的投诉,应婉转地
/// 向客户讲清楚,并确定下次回复的时间」: each contact that still cannot resolve the
/// complaint agrees the next reply time, so a round has several. A later
/// agreement replaces the running one (`[agreed_deadline] later_replaces`,
/// ruling 110): made by the time agreed before, that time is met; made after
/// it, the time was missed — charged to the receiver who agreed it — and the
/// new one runs all the same. Fails on the old file, which refused the second
/// agreement in the round.
#[test]
fn s42_each_next_reply_time_replaces_the_last() {
    let roster = roster(
        &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], None),
            ("e1", "工程部 维修工", "gc", &["functional_dept"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 8, 3, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "空调末端出风不冷,需更换风机盘管")
        .complainant(person("12层 某公司行政"))
        .category(cat("unit_repair"))
        .first_responder(sid("j1"))
        .build()
        .unwrap();
    s.register("j1", "DS-N", c).unwrap();
    s.ok("j1", minutes(t0, 2), accept());
    s.ok("j1", minutes(t0, 3), assign("gc", "e1"));
    let agree = |s: &mut Scenario, at, deadline| {
        s.ok("j1", at, CommandKind::SetAgreedDeadline { deadline });
    };
    // Cannot be solved today: the next reply time is tomorrow 17:00.
    agree(&mut s, minutes(t0, 60), beijing(2026, 8, 4, 17, 0));
    // Tomorrow at 16:00 the part has not come: the customer is told, and
    // the next time agreed — the time before is met.
    agree(
        &mut s,
        beijing(2026, 8, 4, 16, 0),
        beijing(2026, 8, 6, 17, 0),
    );
    assert_eq!(
        due(&s, beijing(2026, 8, 4, 16, 0), "agreed_deadline"),
        "2026-08-06 17:00"
    );
    // The receiver calls only the next morning, after that time: it was
    // missed, and the new one runs from the call.
    agree(
        &mut s,
        beijing(2026, 8, 7, 9, 0),
        beijing(2026, 8, 10, 17, 0),
    );
    assert_eq!(
        s42_agreed_stops(&s),
        ["met 2026-08-04 16:00", "missed 2026-08-07 09:00"]
    );
    assert_eq!(breach_owners(&s), ["agreed_deadline@1 → j1"]);
    // Replaced, not ended: the last time still binds until the reply.
    s.tick(beijing(2026, 8, 10, 17, 1));
    assert_eq!(
        breach_owners(&s),
        ["agreed_deadline@1 → j1", "agreed_deadline@1 → j1"]
    );
    s.assert_replays();
}

/// Twelfth audit: a 一般性投诉 is the receiver's to follow to the end ((3)
/// 「一跟到底」), and the step bringing it to the 部门经理 by hand
/// (`manual-manager`, assumed) is the receiver's; the 物业管理中心领导, above
/// the manager, has no step of his own on a general complaint (he is told of a
/// 重大 one, (6)), so his escalation took `manual-manager` and handed the
/// complaint down to the manager. Now only the receiver takes that step.
/// Fails on the old file (the centre leader's escalation was recorded as
/// `manual-manager`).
#[test]
fn s42_the_centre_leader_does_not_hand_a_general_complaint_down() {
    let roster = roster(
        &[("kf", "客户服务中心", None), ("wy", "物业管理中心", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("jl")),
            ("jl", "部门经理", "kf", &["dept_manager"], Some("ld")),
            ("ld", "中心领导", "wy", &["centre_leader"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 8, 4, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "16层男卫生间水龙头漏水两天")
        .complainant(person("16层 某公司行政"))
        .category(cat("public_facilities"))
        .build()
        .unwrap();
    s.register("j1", "DS-L", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("j1", minutes(t0, 5), accept());
    let version = s.case().version;
    let refused = s
        .run("ld", minutes(t0, 30), escalate("交部门经理处理"))
        .unwrap_err();
    // He no longer escalates at all (thirteenth audit).
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    let refused = s
        .run(
            "ld",
            minutes(t0, 31),
            escalate_to("manual-manager", "交部门经理处理"),
        )
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("j1", minutes(t0, 40), escalate("客户要求经理出面"));
    assert_eq!(steps_taken(&s), ["manual-manager"]);
}

/// (7)「书面投诉:对客户的书面投诉,确认投诉性质以书面形式回复客户。」: a complaint
/// made in writing is answered in writing (`reply.written`, ruling 141); an
/// oral reply to it is refused and changes nothing. One made by phone may be
/// answered orally.
#[test]
fn s42_a_written_complaint_is_answered_in_writing() {
    let run = |channel: Channel| {
        let roster = roster(
            &[("kf", "客户服务中心", None), ("gc", "工程部", None)],
            &[
                ("j1", "接待 小容", "kf", &["receptionist"], None),
                ("e1", "工程部 维修工", "gc", &["functional_dept"], None),
            ],
        );
        let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
        let t0 = beijing(2026, 8, 3, 10, 0);
        let c = Complaint::builder(t0, channel, "12层公共区域保洁不到位, 垃圾未及时清运")
            .complainant(person("12层 某公司行政"))
            .category(cat("cleaning_greening"))
            .first_responder(sid("j1"))
            .build()
            .unwrap();
        s.register("j1", "DS-W", c).unwrap();
        s.ok("j1", minutes(t0, 2), accept());
        s.ok("j1", minutes(t0, 3), assign("gc", "e1"));
        let oral = s.run("j1", minutes(t0, 60), reply("已安排保洁加派人手"));
        (s, oral)
    };
    let (mut s, oral) = run(Channel::Letter);
    assert!(
        matches!(&oral, Err(Rejection::InvalidInput { path, .. }) if path == "kind.written"),
        "{oral:?}"
    );
    s.ok(
        "j1",
        beijing(2026, 8, 3, 11, 5),
        CommandKind::Reply {
            text: "书面回复: 已安排保洁加派人手, 每日清运两次".into(),
            written: true,
        },
    );
    s.assert_replays();
    let (_, by_phone) = run(Channel::Phone);
    assert!(by_phone.is_ok(), "{by_phone:?}");
}

/// A 重大 complaint (电梯困人) registered and accepted by the receiver 小容,
/// whose report to the 部门经理 and 中心领导 is not made yet.
fn s42_unreported_lift_entrapment() -> Scenario {
    let roster = roster(
        &[("kf", "客户服务中心", None), ("wy", "物业管理中心", None)],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("jl")),
            ("jl", "部门经理", "kf", &["dept_manager"], Some("ld")),
            ("ld", "中心领导", "wy", &["centre_leader"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 8, 4, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "5号电梯困人, 三人被困")
        .complainant(person("21层 某公司前台"))
        .category(cat("public_facilities"))
        .first_responder(sid("j1"))
        .fact(fact("event"), FactValue::Text("电梯困人".into()))
        .build()
        .unwrap();
    s.register("j1", "DS-R", c).unwrap();
    assert_eq!(level_of(&s), "major");
    s.ok("j1", minutes(t0, 2), accept());
    s
}

/// Those (6) has told may not make the report: the escalation of `who` is refused,
/// nothing is recorded, and the receiver's own report is still `report-major`.
fn s42_only_the_receiver_reports(who: &str) {
    let mut s = s42_unreported_lift_entrapment();
    let t0 = beijing(2026, 8, 4, 10, 0);
    let version = s.case().version;
    let refused = s
        .run(who, minutes(t0, 4), escalate("电梯困人, 报部门经理"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("j1", minutes(t0, 6), escalate("电梯困人,马上报告"));
    assert_eq!(steps_taken(&s), ["report-major"]);
}

/// (6)「重大投诉,必须马上报告部门经理和物业管理中心领导」: the 中心领导 is told, he
/// does not make the report. His escalation took `report-major`, "reporting" a
/// major complaint to himself, handing it down to the 部门经理 and stopping the
/// receiver's report clock with his own act (thirteenth audit).
#[test]
fn s42_the_centre_leader_does_not_make_the_major_report_to_himself() {
    s42_only_the_receiver_reports("ld");
}

/// (6)「重大投诉,必须马上报告部门经理和物业管理中心领导」: the 部门经理 is told too, and
/// the report is not his to make. His escalation took `report-major` (his only step:
/// `manual-manager` is the receiver's), "reporting" the complaint to himself — the
/// step hands it over to the 部门经理 — and stopped the receiver's report clock as met
/// while the 中心领导 heard nothing from the receiver (fourteenth audit). Fails on the
/// old file: the manager's escalation was recorded as `report-major`.
#[test]
fn s42_the_manager_does_not_make_the_major_report_to_himself() {
    s42_only_the_receiver_reports("jl");
}

/// A general complaint (half the car park's lights out) the receptionist `jd`
/// registers on Mon 2 Mar 2026 at 10:00 as its first responder, accepts and
/// passes at 10:02 to 工程部's `g1`; the centre's leader `ld`, 工程部's
/// manager `gm`, 保安部's `b1` and `jb` at the B座 service desk are on the
/// roster.
fn s42_lights_passed_to_engineering() -> Scenario {
    let mut s = s42_lights_received();
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.ok("jd", minutes(t0, 2), assign("gc", "g1"));
    s
}

/// [`s42_lights_passed_to_engineering`] before the hand-over: registered by
/// `jd` and accepted at 10:01.
fn s42_lights_received() -> Scenario {
    let mut s = s42_lights_registered();
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.ok("jd", minutes(t0, 1), accept());
    s
}

/// [`s42_lights_received`] before its acceptance: registered by `jd` (客户服务中心)
/// at 10:00, with the B座 desk, 工程部, 保安部 and the 物业管理中心 on the roster.
fn s42_lights_registered() -> Scenario {
    let roster = roster(
        &[
            ("kf", "客户服务中心", None),
            ("kb", "B座服务台", None),
            ("gc", "工程部", None),
            ("ba", "保安部", None),
            ("zx", "物业管理中心", None),
        ],
        &[
            ("jd", "接待员 小宋", "kf", &["receptionist"], None),
            ("jb", "B座接待员 小何", "kb", &["receptionist"], None),
            ("g1", "工程部 维修主管", "gc", &["functional_dept"], None),
            ("gm", "工程部经理", "gc", &["dept_manager"], None),
            ("b1", "保安部 领班", "ba", &["functional_dept"], None),
            ("bm", "保安部经理", "ba", &["dept_manager"], None),
            ("ld", "物业管理中心 钟总", "zx", &["centre_leader"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-office-s42.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "public_facilities", "地下车库照明一半不亮")
        .first_responder(sid("jd"))
        .build()
        .unwrap();
    s.register("jd", "WY-R", c).unwrap();
    s
}

/// (3)「跟清楚:受理客户投诉要一跟到底,直到问题得到解决并回复客户为止」: the desk that
/// received the complaint follows it to the end — through the 职能部门's handling
/// and the 部门经理's transfer (ruling 162, `holds_case = ["received",
/// "followed"]`) — and another desk neither passes it on nor answers it. Fails
/// on the old file: every receptionist held these acts on every case, so the
/// B座 desk's hand-over before the receiver's and its reply after the transfer
/// were recorded. (`["received", "sent"]` would refuse the receiver's own reply
/// after the transfer, the 部门经理 being then the one who handed it on.)
#[test]
fn s42_the_receiving_desk_follows_the_complaint_to_the_end() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_received();
    refused_not_holding(&mut s, "jb", minutes(t0, 2), assign("gc", "g1"));
    s.ok("jd", minutes(t0, 3), assign("gc", "g1"));
    s.ok(
        "gm",
        minutes(t0, 20),
        transfer("ba", "b1", "车库照明线路属保安部监控系统"),
    );
    refused_not_holding(&mut s, "jb", minutes(t0, 40), reply("照明已恢复"));
    s.ok("jd", minutes(t0, 50), reply("保安部已修复线路, 照明恢复"));
    s.ok(
        "jd",
        minutes(t0, 90),
        callback(Satisfaction::Satisfied, "客户确认"),
    );
    refused_not_holding(&mut s, "jb", minutes(t0, 95), CommandKind::Close);
    s.ok("jd", minutes(t0, 100), CommandKind::Close);
    s.assert_replays();
}

/// (4)「当接到一般性投诉时,将投诉情况记录在《客户投诉记录表》上,及时向职能部门进行信息传递
/// 并立即将情况回复客户」 and (3)「受理客户投诉要一跟到底,直到问题得到解决并回复客户为止」:
/// the receiver who passed the complaint on answers the customer; the 职能部门 is
/// told (信息传递) and does the work. It held `reply`, and its answer stopped the
/// receiver's `reply` clock (fourteenth audit). Fails on the old file: the
/// department's reply was recorded.
#[test]
fn s42_the_department_does_not_answer_for_the_receiver() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_passed_to_engineering();
    s.ok("g1", minutes(t0, 30), investigate());
    let version = s.case().version;
    let refused = s
        .run("g1", minutes(t0, 40), reply("灯管已更换"))
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("jd", minutes(t0, 50), reply("工程部已更换灯管, 照明恢复"));
    s.assert_replays();
}

/// Seventeenth audit: the source has no 非正常结案, and (3)「受理客户投诉要一跟到底,直到
/// 问题得到解决并回复客户为止」 has every complaint followed until the customer is
/// answered. The 物业管理中心领导's abnormal closure (assumed, `approval.abnormal_closure`,
/// unmarked before) held at any stage, so a complaint 工程部 was still repairing
/// ended unanswered and its `reply` clock stopped. He closes abnormally only a
/// complaint answered (`replied`) whose customer, called back (8「进行客户回访」),
/// stays unsatisfied. Fails on the old file: the closure of the unanswered
/// complaint was recorded.
#[test]
fn s42_the_centre_leader_closes_abnormally_only_an_answered_complaint() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_passed_to_engineering();
    let closing = || CommandKind::CloseAbnormally {
        reason: "客户要求全部更换为LED灯, 超出物业服务范围".to_owned(),
    };
    let before = s.case().clone();
    let e = s.refused("ld", minutes(t0, 20), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("jd", minutes(t0, 50), reply("工程部已更换灯管, 照明恢复"));
    s.ok(
        "jd",
        minutes(t0, 90),
        callback(Satisfaction::Unsatisfied, "客户要求全部更换为LED灯"),
    );
    s.ok("ld", minutes(t0, 120), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// The tower's 客户服务中心 receptionist `j1`, 工程部's lift engineer `e1` and
/// manager `gm`, and the 物业管理中心's leader `ld`.
fn tower_roster() -> Roster {
    roster(
        &[
            ("wy", "物业管理中心", None),
            ("kf", "客户服务中心", Some("wy")),
            ("gc", "工程部", Some("wy")),
        ],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("gm")),
            (
                "e1",
                "工程部 电梯工 骆师傅",
                "gc",
                &["functional_dept"],
                Some("gm"),
            ),
            (
                "gm",
                "工程部经理 聂经理",
                "gc",
                &["dept_manager"],
                Some("ld"),
            ),
            ("ld", "物业管理中心 卓总", "wy", &["centre_leader"], None),
        ],
    )
}

/// A lift entrapment (重大: 「电梯困人」) phoned in at `t0`, received by `j1`.
fn lift_entrapment(t0: DateTime<Utc>) -> Complaint {
    Complaint::builder(
        t0,
        Channel::Phone,
        "18楼客户:3号电梯困人,两名员工被困约10分钟",
    )
    .complainant(Complainant::organization("1803 某律师事务所").unwrap())
    .category(cat("public_facilities"))
    .first_responder(sid("j1"))
    .fact(fact("event"), FactValue::Text("电梯困人".into()))
    .build()
    .unwrap()
}

/// (6)「报告:重大投诉,必须马上报告部门经理和物业管理中心领导。」 and (6)「须将投诉事项及时
/// 上报部门经理和中心领导并向投诉客户解释原因,确定回复时间」: a report, not a hand-over; the
/// receiver follows the complaint to the end ((3)「一跟到底」) and the 工程部 handler
/// she named stays on it. The old file's step took the case over for the 部门经理
/// (`take_over`), putting the handler off it.
#[test]
fn s42_the_major_report_does_not_hand_the_case_to_the_manager() {
    let mut s = Scenario::new(policy("property-office-s42.toml"), tower_roster());
    let t0 = beijing(2025, 7, 15, 14, 0);
    s.register("j1", "DS-R", lift_entrapment(t0)).unwrap();
    s.ok("j1", minutes(t0, 2), accept());
    s.ok("j1", minutes(t0, 3), assign("gc", "e1"));
    s.ok(
        "j1",
        minutes(t0, 5),
        escalate_to("report-major", "电梯困人,马上报告"),
    );
    assert_eq!(steps_taken(&s), ["report-major"]);
    let taken_over: Vec<_> = s
        .case()
        .escalations
        .iter()
        .filter_map(|e| e.take_over.clone())
        .collect();
    assert!(taken_over.is_empty(), "{taken_over:?}");
    assert!(!s.case().assigned_before_take_over);
    s.ok("e1", minutes(t0, 10), CommandKind::StartInvestigation);
    s.assert_replays();
}

/// Twentieth audit: (4)「当接到一般性投诉时,将投诉情况记录在《客户投诉记录表》上,及时向
/// 职能部门进行信息传递」: the 职能部门 the receiver passed the complaint to works it
/// (`holds_case = "handed"`, ruling 130); 保安部 neither investigates, records the
/// findings of nor proposes for the complaint passed to 工程部, and nothing changes.
/// Fails on the old file (保安部's investigation was recorded).
#[test]
fn s42_only_the_department_passed_the_complaint_works_it() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_passed_to_engineering();
    let version = s.case().version;
    refused_not_holding(&mut s, "b1", minutes(t0, 10), investigate());
    s.ok("g1", minutes(t0, 20), investigate());
    let found = || findings(FaultParty::Us, "车库照明回路空开跳闸");
    refused_not_holding(&mut s, "b1", minutes(t0, 30), found());
    s.ok("g1", minutes(t0, 40), found());
    let proposal = || propose(vec![rem(RemedyKind::Repair)], "更换空开并检修回路");
    refused_not_holding(&mut s, "b1", minutes(t0, 45), proposal());
    assert_eq!(s.case().version, version + 2, "only 工程部's acts");
    s.ok("g1", minutes(t0, 50), proposal());
    s.assert_replays();
}

/// Twenty-first audit: (4)「当接到一般性投诉时,将投诉情况记录在《客户投诉记录表》上,及时向
/// 职能部门进行信息传递」 and (3)「受理客户投诉要一跟到底」: a complaint the receiver passed
/// to 工程部 is 工程部's and the receiving desk's; 保安部's 部门经理, whose department
/// neither received nor was given it, does not pass it on (to his own department)
/// or reclassify it, and nothing changes; 工程部's manager does (`holds_case =
/// "followed"`, ruling 162). Fails on the old file: 保安部's manager's transfer
/// was recorded.
#[test]
fn s42_another_departments_manager_does_not_pass_on_a_complaint_passed_to_engineering() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_passed_to_engineering();
    let version = s.case().version;
    let to_security = || transfer("ba", "b1", "车库照明线路属保安部监控系统");
    refused_not_holding(&mut s, "bm", minutes(t0, 10), to_security());
    refused_not_holding(
        &mut s,
        "bm",
        minutes(t0, 12),
        classify_as("major", "车库照明属主要设备设施"),
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("gm", minutes(t0, 20), to_security());
    s.assert_replays();
}

/// (3)「跟清楚:受理客户投诉要一跟到底」: the complaint the 客户服务中心's desk took in is
/// its to accept (受理). `accept` was among every receptionist's actions, held
/// on every case, so the B座 desk accepted it before the receiver had. It is in
/// the receiving desk's grant now (`holds_case = ["received", "followed"]`,
/// rulings 151, 162): refused naming `holds_case`, nothing changes, and the
/// receiver accepts. The twenty-second audit's act probe, received stage
/// (fails on the old file, where the B座 desk's acceptance was taken).
#[test]
fn s42_another_desk_does_not_accept_a_complaint_received_here() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_registered();
    let before = s.case().clone();
    refused_not_holding(&mut s, "jb", minutes(t0, 1), accept());
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("jd", minutes(t0, 2), accept());
    s.assert_replays();
}

/// (4)「及时向职能部门进行信息传递」 (twenty-third audit): the receiver brings a 一般性
/// complaint she passed to 工程部 to the 部门经理 (`manual-manager`, assumed: the source
/// has a step for 重大 complaints only, a report, (6)); the step takes the case over,
/// which put 工程部 off it (ruling 129): its 维修主管 could no longer investigate,
/// record findings or propose, though nothing in the source takes the complaint from
/// the 职能部门 it was passed to. Now 工程部 keeps it under the manager (`holds_case =
/// ["handed", "lead"]`, ruling 173), and 保安部 still does not work it. Fails on the old
/// file: 工程部's investigation after the step was refused naming `holds_case`.
#[test]
fn s42_engineering_keeps_the_complaint_brought_to_the_manager() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = s42_lights_passed_to_engineering();
    s.ok("jd", minutes(t0, 5), escalate("客户要求经理出面"));
    assert_eq!(steps_taken(&s), ["manual-manager"]);
    refused_not_holding(&mut s, "b1", minutes(t0, 10), investigate());
    s.ok("g1", minutes(t0, 20), investigate());
    s.ok(
        "g1",
        minutes(t0, 40),
        findings(FaultParty::Us, "车库照明回路空开跳闸"),
    );
    s.ok(
        "g1",
        minutes(t0, 50),
        propose(vec![rem(RemedyKind::Repair)], "更换空开并检修回路"),
    );
    s.assert_replays();
}
