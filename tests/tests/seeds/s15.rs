use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S15 — CS department: A → B (deadline told) → C → D, then 事业部更高管理层.
// ---------------------------------------------------------------------------
#[test]
fn s15_cs_abcd_repeated_rounds_to_division() {
    let p = policy("cs-abcd-s15.toml");
    let roster = s15_roster();
    let mut s = Scenario::new(p, roster);
    s15_round_b(&mut s);
    s15_round_c(&mut s);
    s15_round_d(&mut s);
    s15_division_decides(&mut s);
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
    insta::assert_snapshot!("s15_cs_abcd", timeline(&s.events));
}

/// S15's roster: the 客户服务部, the 运营部 and the 事业部管理层.
fn s15_roster() -> Roster {
    roster(
        &[
            ("cs", "客户服务部", None),
            ("ops", "运营部", None),
            ("div", "事业部管理层", None),
        ],
        &[
            ("kf", "客服人员王芳", "cs", &["cs_staff"], Some("csm")),
            ("op1", "运营部仓库主管", "ops", &["ops_sales"], None),
            ("csm", "客服经理", "cs", &["cs_manager"], Some("dm")),
            ("dm", "事业部总经理", "div", &["division_management"], None),
        ],
    )
}

/// A and B: the A-class customer's complaint accepted, the deadline told, the 运营部's compensation refused; the 客服经理 takes over.
fn s15_round_b(s: &mut Scenario) {
    let t0 = beijing(2026, 4, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "存放在贵司3号仓的20箱电子元器件外箱破损、部分受潮，货值4500元，要求赔偿",
    )
    .complainant(person("A类客户 某电子公司 赵总").with_phone("13800004500"))
    .customer_class(CustomerClass::A)
    .category(cat("cargo_exception"))
    .request(remedy(RemedyKind::Compensation, Some("4500"), "货值赔偿"))
    .build()
    .unwrap();
    s.register("kf", "S15-1", c).unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    // 2 working days from 2 April: 3 April, then 7 April (清明 4–6 April).
    assert!(due_all(s, minutes(t0, 6)).contains(&"reply → 2026-04-08 00:00".to_owned()));
    // B: 「告知客户处理答复的期限」.
    s.ok(
        "kf",
        minutes(t0, 10),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 4, 7, 17, 0),
        },
    );
    s.ok("kf", minutes(t0, 15), assign_with("ops", "op1", &[]));
    s.ok("op1", minutes(t0, 60), investigate());
    s.ok(
        "op1",
        beijing(2026, 4, 3, 15, 0),
        findings_of(FaultParty::Us, &[], "库顶漏雨导致外箱受潮，12箱内件受损"),
    );
    s.ok(
        "op1",
        beijing(2026, 4, 3, 16, 0),
        propose(
            vec![remedy(
                RemedyKind::Compensation,
                Some("800"),
                "按入库协议赔付",
            )],
            "B: 责任部门处理",
        ),
    );
    s.ok("csm", beijing(2026, 4, 3, 17, 0), approve());
    s.ok(
        "kf",
        beijing(2026, 4, 7, 15, 0),
        reply("按入库协议赔付800元"),
    );
    s.ok(
        "kf",
        beijing(2026, 4, 7, 16, 0),
        callback(Satisfaction::Unsatisfied, "客户认为远低于损失"),
    );
    // 4.2 C: the staff's round failed, so the 客服经理 takes the case over.
    assert_eq!(steps_taken(s), ["cs-manager-after-b"]);
}

/// C: the 客服经理's measures, refused.
fn s15_round_c(s: &mut Scenario) {
    // C: the 客服经理 proposes measures.
    s.ok(
        "csm",
        beijing(2026, 4, 8, 9, 0),
        reopen("C: 客服经理提出处理措施"),
    );
    s.ok("csm", beijing(2026, 4, 8, 9, 30), investigate());
    s.ok(
        "csm",
        beijing(2026, 4, 8, 11, 0),
        propose(
            vec![remedy(
                RemedyKind::Compensation,
                Some("1000"),
                "赔付受损12箱成本价",
            )],
            "C",
        ),
    );
    s.ok("csm", beijing(2026, 4, 8, 11, 30), approve());
    s.ok("kf", beijing(2026, 4, 8, 14, 0), reply("赔付1000元"));
    s.ok(
        "kf",
        beijing(2026, 4, 8, 16, 0),
        callback(Satisfaction::Unsatisfied, "客户坚持按货值赔偿"),
    );
}

/// D: the manager negotiates again with the other departments, refused; the case goes up to the 事业部.
fn s15_round_d(s: &mut Scenario) {
    // D: the manager negotiates again with the other departments.
    s.ok(
        "csm",
        beijing(2026, 4, 9, 9, 0),
        reopen("D: 经理会同运营部、销售部再次协商"),
    );
    s.ok("csm", beijing(2026, 4, 9, 9, 30), investigate());
    s.ok(
        "csm",
        beijing(2026, 4, 9, 15, 0),
        propose(
            vec![
                remedy(RemedyKind::Compensation, Some("1000"), "赔付1000元"),
                remedy(RemedyKind::PriceAllowance, Some("0"), "免收一个月仓储费"),
            ],
            "D",
        ),
    );
    s.ok("csm", beijing(2026, 4, 9, 15, 30), approve());
    s.ok(
        "kf",
        beijing(2026, 4, 9, 16, 0),
        reply("赔付1000元并免一个月仓储费"),
    );
    s.ok(
        "kf",
        beijing(2026, 4, 10, 10, 0),
        callback(Satisfaction::Unsatisfied, "如此反复仍无法满足"),
    );
    // 「将此次投诉上报给事业部更高管理层」; the manager's rung was taken once, in round 1.
    assert_eq!(
        steps_taken(s),
        ["cs-manager-after-b", "division-management"]
    );
}

/// S15 after rounds B, C and D: the rounds took the case to the 事业部.
fn s15_at_the_division() -> Scenario {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), s15_roster());
    s15_round_b(&mut s);
    s15_round_c(&mut s);
    s15_round_d(&mut s);
    s
}

/// 4.2 E: the 事业部管理层 opens its round.
fn s15_division_reopens(s: &mut Scenario) {
    s.ok(
        "dm",
        beijing(2026, 4, 10, 14, 0),
        reopen("E: 事业部管理层决定"),
    );
}

/// The 事业部管理层 decides the full value (beyond the 客服经理), and the customer is very satisfied.
fn s15_division_decides(s: &mut Scenario) {
    s15_division_reopens(s);
    s.ok("csm", beijing(2026, 4, 10, 14, 30), investigate());
    s.ok(
        "csm",
        beijing(2026, 4, 10, 15, 0),
        propose(
            vec![remedy(
                RemedyKind::Compensation,
                Some("4500"),
                "按货值全额赔偿",
            )],
            "管理层决定",
        ),
    );
    let refused = s.run("csm", beijing(2026, 4, 10, 15, 10), CommandKind::Approve);
    assert!(
        matches!(refused, Err(Rejection::OutOfAuthority { .. })),
        "{refused:?}"
    );
    s.ok("dm", beijing(2026, 4, 10, 15, 30), approve());
    s.ok(
        "kf",
        beijing(2026, 4, 10, 16, 0),
        reply("事业部决定按货值全额赔偿4500元"),
    );
    s.ok(
        "kf",
        beijing(2026, 4, 13, 10, 0),
        callback(Satisfaction::VerySatisfied, "非常满意"),
    );
    s.ok("kf", beijing(2026, 4, 13, 10, 30), close());
}

/// 4.1.4「客户服务人员认为无法自行处理的投诉必须转至客户服务部主管或经理」: the
/// first manual step hands the case to the 客服经理; 4.1.2 any employee only
/// passes a complaint on.
#[test]
fn s15_staff_pass_to_the_manager() {
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[("cs", "客户服务部", None), ("wh", "仓库", None)],
        &[
            ("yg", "仓库员工 小常", "wh", &["any_employee"], Some("csm")),
            ("kf", "客服人员", "cs", &["cs_staff"], Some("csm")),
            ("csm", "客服经理", "cs", &["cs_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 6, 8, 9, 0);
    let c = Complaint::builder(t0, Channel::Internal, "仓库转述: 客户称签收时少了两箱")
        .complainant(person("客户 伏先生"))
        .category(cat("cargo_exception"))
        .build()
        .unwrap();
    s.register("yg", "S15-P", c).unwrap();
    assert!(
        s.run("yg", minutes(t0, 5), accept()).is_err(),
        "passed on, not handled"
    );
    s.ok("kf", minutes(t0, 8), complete_contact("13900001111"));
    s.ok("kf", minutes(t0, 10), accept());
    s.ok("kf", minutes(t0, 20), escalate("涉及赔偿, 无法自行处理"));
    let e = &s.case().escalations[0];
    assert_eq!(
        e.step.as_ref().map(ToString::to_string).as_deref(),
        Some("cs-manager")
    );
    assert_eq!(
        e.take_over.as_ref().map(ToString::to_string).as_deref(),
        Some("cs_manager")
    );
}

/// 4.1.2 「公司任何人员接到投诉时, 应礼貌地道歉并立即转至客户服务部相关人员」 and
/// 4.2 B 「客户服务人员应告知客户处理答复的期限;…并在期限内答复客户」: the employee who
/// passed the complaint on owes nothing more; a late answer before any handler
/// is assigned is the CS staff's. (The file charged it to the employee.)
#[test]
fn a_late_answer_before_assignment_is_the_cs_staffs() {
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[("cs", "客户服务部", None), ("wh", "仓储部", None)],
        &[
            ("e1", "仓库员工小刘", "wh", &["any_employee"], None),
            ("kf", "客服人员王芳", "cs", &["cs_staff"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 4, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "提货时被告知系统无入库记录")
        .complainant(person("B类客户 钱先生"))
        .customer_class(CustomerClass::B)
        .category(cat("system"))
        .build()
        .unwrap();
    s.register("e1", "S15-2", c).unwrap();
    // 4.1.3 B: the staff confirm the contact the pass-on lacked.
    s.ok("kf", minutes(t0, 4), complete_contact("13900002222"));
    s.ok("kf", minutes(t0, 5), accept());
    // 2 working days from 2 April: 3 April, then 7 April (清明 4–6 April).
    assert_eq!(due(&s, minutes(t0, 6), "reply"), "2026-04-08 00:00");
    s.tick(beijing(2026, 4, 8, 9, 0));
    assert_eq!(breach_owners(&s), ["reply@1 → kf"]);
}

/// 3.2.2 / 3.3.2 「与相关部门一起解决需要跨部门才能解决的客户投诉」: the CS staff give
/// the work order to 运营部 with 销售部 co-handling; both departments are on the
/// case, and a co-handler records findings.
#[test]
fn s15_cross_department_cases_are_handled_jointly() {
    let p = policy("cs-abcd-s15.toml");
    let mut s = Scenario::new(p, ops_and_sales());
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "kf",
        "S15-3",
        about(t0, "timeliness", "合同约定次日达,实际三日到")
            .complainant(confirmed("投诉人"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    s.ok("kf", minutes(t0, 10), assign_with("ops", "op1", &["sales"]));
    let a = s.case().assignment.clone().unwrap();
    assert_eq!(a.lead, did("ops"));
    assert_eq!(a.co_handling, [did("sales")]);
    s.ok("op1", minutes(t0, 20), investigate());
    s.ok(
        "xs1",
        minutes(t0, 60),
        findings(FaultParty::Us, "销售部承诺的时效超出运营部线路能力"),
    );
}

/// E 「将管理层的处理意见,与客户沟通,直至让客户满意为止」: three rounds, the
/// 事业部 step, a management round that still leaves the customer unsatisfied
/// — and the case stays open (`until_satisfied`) for another round instead of
/// closing unsatisfied.
#[test]
fn s15_handled_until_satisfied_after_the_division() {
    let roster = roster(
        &[("cs", "客户服务部", None), ("div", "事业部管理层", None)],
        &[
            ("kf", "客服人员", "cs", &["cs_staff"], Some("csm")),
            ("csm", "客服经理", "cs", &["cs_manager"], Some("dm")),
            ("dm", "事业部总经理", "div", &["division_management"], None),
        ],
    );
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), roster);
    let t0 = beijing(2026, 4, 13, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "送货延误两天")
        .complainant(confirmed("客户"))
        .category(cat("cargo_exception"))
        .build()
        .unwrap();
    s.register("kf", "S15-U", c).unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    let round = |s: &mut Scenario, at: DateTime<Utc>| {
        s.ok("csm", at, investigate());
        s.ok(
            "csm",
            minutes(at, 30),
            propose(vec![rem(RemedyKind::Apology)], "致歉"),
        );
        s.ok("dm", minutes(at, 40), approve());
        s.ok("kf", minutes(at, 60), reply("已致歉"));
        s.ok(
            "kf",
            minutes(at, 90),
            callback(Satisfaction::Unsatisfied, "仍不满意"),
        )
    };
    s.ok("kf", minutes(t0, 10), assign_with("cs", "csm", &[]));
    round(&mut s, minutes(t0, 20));
    for (n, at) in [(2, 200), (3, 400)] {
        s.ok("csm", minutes(t0, at), reopen(&format!("第{n}次协商")));
        round(&mut s, minutes(t0, at + 10));
    }
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "division-management")
    }));
    s.ok("dm", minutes(t0, 600), reopen("E: 事业部管理层决定"));
    let management = round(&mut s, minutes(t0, 610));
    assert!(
        !management
            .iter()
            .any(|e| matches!(e.kind, EventKind::Closed { .. })),
        "not closed unsatisfied"
    );
    assert!(status(&s).is_open());
    s.ok("dm", minutes(t0, 800), reopen("与客户继续沟通"));
    assert_eq!(s.case().round, 5);
}

/// 4.2 C「对上述A和B的处理,客户都不满意的,客户服务人员应及时报告客服经理」 after B
/// 「对不能及时处理的,或客户对即时处理意见不满意的,客户服务人员应告知客户处理答复的期限」:
/// a customer unsatisfied with A's immediate handling goes to B — the staff tell a
/// deadline and handle it again — and the 客服经理 takes the case over when that round
/// ends unsatisfied too (ruling 59); a satisfied customer goes to nobody, and no extra
/// round comes of it. (The file handed the case to the manager after A.)
#[test]
fn s15_the_manager_takes_over_after_b() {
    let roster = roster(
        &[("cs", "客户服务部", None)],
        &[
            ("kf", "客服人员", "cs", &["cs_staff"], Some("csm")),
            ("csm", "客服经理", "cs", &["cs_manager"], None),
        ],
    );
    let t0 = beijing(2026, 6, 15, 9, 0);
    let handle = |s: &mut Scenario, at: DateTime<Utc>, note: &str, satisfaction: Satisfaction| {
        s.ok("kf", at, investigate());
        s.ok(
            "kf",
            minutes(at, 10),
            propose(vec![rem(RemedyKind::Explanation)], note),
        );
        s.ok("csm", minutes(at, 15), approve());
        s.ok("kf", minutes(at, 20), reply("短信通道故障已修复"));
        s.ok("kf", minutes(at, 40), callback(satisfaction, "回访"));
    };
    let run = |a: Satisfaction| {
        let mut s = Scenario::new(policy("cs-abcd-s15.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, "系统下单后未收到确认短信")
            .complainant(confirmed("客户"))
            .category(cat("system"))
            .build()
            .unwrap();
        s.register("kf", "S15-R", c).unwrap();
        s.ok("kf", minutes(t0, 5), accept());
        s.ok("kf", minutes(t0, 10), assign_with("cs", "kf", &[]));
        handle(&mut s, minutes(t0, 20), "A: 当即处理", a);
        s
    };
    assert!(steps_taken(&run(Satisfaction::Satisfied)).is_empty());
    // A failed: not yet the manager's; the staff tell a deadline and try again (B).
    let mut s = run(Satisfaction::Unsatisfied);
    assert!(steps_taken(&s).is_empty(), "{:?}", steps_taken(&s));
    s.ok("kf", minutes(t0, 120), reopen("B: 告知答复期限"));
    s.ok(
        "kf",
        minutes(t0, 125),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 6, 17, 17, 0),
        },
    );
    handle(
        &mut s,
        minutes(t0, 130),
        "B: 期限内处理",
        Satisfaction::Unsatisfied,
    );
    assert_eq!(steps_taken(&s), ["cs-manager-after-b"]);
    let e = &s.case().escalations[0];
    assert_eq!(
        e.take_over.as_ref().map(ToString::to_string).as_deref(),
        Some("cs_manager")
    );
    assert_eq!(e.round, 2);
    assert!(status(&s).is_open());
}

/// 4.2 B「对不能及时处理的…客户服务人员应告知客户处理答复的期限;…并在期限内答复客户」: once a
/// deadline is told, the answer is due by it, not by the file's assumed two-working-day
/// backstop, which is for a case where none is told. (The file kept the backstop running
/// beside the deadline told, so an answer within a longer deadline was late.)
#[test]
fn s15_the_deadline_told_replaces_the_backstop() {
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[("cs", "客户服务部", None), ("ops", "运营部", None)],
        &[
            ("kf", "客服人员", "cs", &["cs_staff"], None),
            ("op1", "运营部 主管", "ops", &["ops_sales"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "上周到港的三票货未按时派送")
        .complainant(confirmed("B类客户 钱经理"))
        .category(cat("timeliness"))
        .build()
        .unwrap();
    let mut s = Scenario::new(p, roster);
    s.register("kf", "S15-D", c).unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    // The backstop alone would be due at the end of Wed 4 March.
    assert_eq!(due(&s, minutes(t0, 6), "reply"), "2026-03-05 00:00");
    s.ok(
        "kf",
        minutes(t0, 10),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 6, 17, 0),
        },
    );
    s.ok("kf", minutes(t0, 15), assign_with("ops", "op1", &[]));
    let quiet = s.tick(beijing(2026, 3, 5, 9, 0));
    assert!(!breached(&quiet, "reply"), "{:?}", breach_list(&s));
    s.ok(
        "kf",
        beijing(2026, 3, 6, 15, 0),
        reply("三票货已于今日派送完毕"),
    );
    s.tick(beijing(2026, 3, 9, 9, 0));
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
}

/// 4.3.2「A.投诉客户分类:A类,B类,C类,D类;」「B.投诉内容分类:系统方面,人员方面;时效方面;货物异常方面,等;」
/// 「C.投诉处理情况:当即处理,期限内处理,循环往复处理,等;」「D.客户满意情况:非常满意,满意,一般,不满意。」:
/// the month's report counts the cases by those four dimensions, with the
/// policy's names for the content classes — an A-class system complaint handled
/// at once, and a B-class cargo complaint answered within the deadline told.
#[test]
fn s15_the_statistics_count_the_four_dimensions() {
    use tousu::report::{ReportPeriod, period_report};
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[("cs", "客户服务部", None)],
        &[("kf", "客服人员", "cs", &["cs_staff"], None)],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut cases = Vec::new();
    let mut at_once = Scenario::new(p.clone(), roster.clone());
    let c = Complaint::builder(t0, Channel::Phone, "系统查询不到运单轨迹")
        .complainant(confirmed("A类客户 孙经理"))
        .customer_class(CustomerClass::A)
        .category(cat("system"))
        .build()
        .unwrap();
    at_once.register("kf", "S15-R1", c).unwrap();
    at_once.ok("kf", minutes(t0, 5), accept());
    at_once.ok("kf", minutes(t0, 20), reply("已刷新轨迹,可正常查询"));
    at_once.ok(
        "kf",
        minutes(t0, 30),
        callback(Satisfaction::VerySatisfied, "客户非常满意"),
    );
    at_once.ok("kf", minutes(t0, 35), close());
    cases.push(at_once.case().clone());

    let mut in_time = Scenario::new(p.clone(), roster);
    let c = Complaint::builder(t0, Channel::Email, "两箱货物外包装破损")
        .complainant(confirmed("B类客户 钱经理"))
        .customer_class(CustomerClass::B)
        .category(cat("cargo_exception"))
        .build()
        .unwrap();
    in_time.register("kf", "S15-R2", c).unwrap();
    in_time.ok("kf", minutes(t0, 5), accept());
    in_time.ok(
        "kf",
        minutes(t0, 10),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 6, 17, 0),
        },
    );
    in_time.ok("kf", beijing(2026, 3, 5, 15, 0), reply("破损货物已补发"));
    in_time.ok(
        "kf",
        beijing(2026, 3, 5, 16, 0),
        callback(Satisfaction::Satisfied, "客户满意"),
    );
    in_time.ok("kf", beijing(2026, 3, 5, 16, 5), close());
    cases.push(in_time.case().clone());

    let r = period_report(
        &in_time.rt.policy,
        &in_time.rt.calendar,
        &cases,
        &ReportPeriod::month(2026, 3).unwrap(),
        beijing(2026, 4, 1, 0, 0),
        None,
    )
    .unwrap();
    let counts = |t: &std::collections::BTreeMap<String, tousu::report::Tally>| {
        t.iter()
            .filter(|(_, v)| v.count > 0)
            .map(|(k, v)| format!("{k} {} {}", v.label_zh, v.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&r.by_customer_class), ["a A类 1", "b B类 1"]);
    for class in ["a", "b", "c", "d"] {
        assert!(r.by_customer_class.contains_key(class), "{class}");
    }
    assert_eq!(
        counts(&r.by_category),
        ["cargo_exception 货物异常方面 1", "system 系统方面 1"]
    );
    assert_eq!(
        counts(&r.by_handling),
        ["immediate 当即处理 1", "within_deadline 期限内处理 1"]
    );
    assert!(r.by_handling.contains_key("recurring"));
    assert_eq!(
        counts(&r.satisfaction.distribution),
        ["satisfied 满意 1", "very_satisfied 非常满意 1"]
    );
}

/// 4.2 B「…涉及到其他部门的,将《客服工单》移交给负责部门,并跟进处理结果,并在期限内答复客户」:
/// the CS staff chase the department and answer the customer; 运营部 / 销售部 only
/// 「跟进和处理客户服务部转交的…客户投诉」 and cannot reply. A late answer is the staff's,
/// whoever handles the work order. (The file charged it to the assignee, the
/// department's handler, who may not answer.)
#[test]
fn s15_a_late_answer_is_the_staffs_not_the_departments() {
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[("cs", "客户服务部", None), ("ops", "运营部", None)],
        &[
            ("kf", "客服人员王芳", "cs", &["cs_staff"], None),
            ("op1", "运营部主管", "ops", &["ops_sales"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "kf",
        "S15-4",
        about(t0, "timeliness", "合同约定次日达,实际三日到")
            .complainant(confirmed("投诉人"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    s.ok("kf", minutes(t0, 10), assign("ops", "op1"));
    assert!(
        s.run("op1", minutes(t0, 60), reply("已查明原因")).is_err(),
        "the department does not answer the customer"
    );
    // 2 working days from Monday 2 March: the end of Wednesday 4 March.
    s.tick(beijing(2026, 3, 5, 9, 0));
    assert_eq!(breach_owners(&s), ["reply@1 → kf"]);
}

/// 4.2 D「…如此反复,还无法满足客户投诉需求,将此次投诉上报给事业部更高管理层。」: the case
/// reaches 事业部 only after the 客服经理's repeated rounds; 4.1.4 sends what the staff
/// cannot handle to the 主管或经理, not higher. (The file had a manual step, with no
/// clause, by which the staff could send a case to 事业部 at once.)
#[test]
fn s15_the_staff_cannot_send_a_case_to_the_division() {
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[("cs", "客户服务部", None), ("div", "事业部", None)],
        &[
            ("kf", "客服人员王芳", "cs", &["cs_staff"], Some("csm")),
            ("csm", "客服经理", "cs", &["cs_manager"], Some("dm")),
            ("dm", "事业部总经理", "div", &["division_management"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "kf",
        "S15-5",
        about(t0, "cargo_exception", "整批货物外箱破损, 要求全额赔偿")
            .complainant(confirmed("投诉人"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    assert!(
        s.run(
            "kf",
            minutes(t0, 10),
            escalate_to("manual-division", "直接上报事业部")
        )
        .is_err(),
        "no step sends a case to 事业部 by hand"
    );
    // 4.1.4: the staff's one step by hand is to the 主管或经理; none is left after it.
    s.ok("kf", minutes(t0, 15), escalate("无法自行处理"));
    assert_eq!(steps_taken(&s), ["cs-manager"]);
    assert!(s.run("kf", minutes(t0, 20), escalate("再上报")).is_err());
    assert!(
        s.run("csm", minutes(t0, 25), escalate("上报事业部"))
            .is_err()
    );
}

/// 4.1.4「客户服务人员认为无法自行处理的投诉必须转至客户服务部主管或经理。」 in the last round
/// does not hold back 4.2 D「如此反复,还无法满足客户投诉需求,将此次投诉上报给事业部更高管理层。」:
/// the staff hand round 3 to the 客服经理 by hand, the customer is still unsatisfied, and
/// the case goes to 事业部 (the engine behaviour issue 13 item 10 reported, re-verified).
#[test]
fn s15_a_step_by_hand_in_the_last_round_still_reaches_the_division() {
    let roster = roster(
        &[("cs", "客户服务部", None), ("div", "事业部管理层", None)],
        &[
            ("kf", "客服人员", "cs", &["cs_staff"], Some("csm")),
            ("csm", "客服经理", "cs", &["cs_manager"], Some("dm")),
            ("dm", "事业部总经理", "div", &["division_management"], None),
        ],
    );
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), roster);
    let t0 = beijing(2026, 4, 13, 10, 0);
    s.register(
        "kf",
        "S15-L",
        about(t0, "personnel", "司机态度恶劣")
            .complainant(confirmed("投诉人"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    s.ok("kf", minutes(t0, 6), assign("cs", "kf"));
    let crew = RoundCrew {
        handler: "kf",
        approver: "csm",
        replier: "kf",
        caller: "kf",
        reopener: "kf",
    };
    unsatisfied_rounds(&mut s, 2, minutes(t0, 10), &crew);
    assert_eq!(s.case().round, 3);
    s.ok("kf", minutes(t0, 40), escalate("无法自行处理"));
    s.ok("csm", minutes(t0, 41), investigate());
    s.ok(
        "csm",
        minutes(t0, 42),
        propose(vec![rem(RemedyKind::Apology)], "经理致歉"),
    );
    s.ok("csm", minutes(t0, 43), approve());
    s.ok("kf", minutes(t0, 44), reply("经理当面致歉"));
    s.ok(
        "kf",
        minutes(t0, 45),
        callback(Satisfaction::Unsatisfied, "仍不满意"),
    );
    assert_eq!(steps_taken(&s), ["cs-manager", "division-management"]);
}

/// A complainant the CS staff took in themselves: name and phone confirmed
/// (4.1.3 B), so the staff's acceptance is not refused for them.
fn confirmed(name: &str) -> Complainant {
    person(name).with_phone("13800000000")
}

/// The CS staff complete the phone an employee's pass-on lacked (ruling 66).
fn complete_contact(phone: &str) -> CommandKind {
    CommandKind::CompleteDetails {
        details: Box::new(Details {
            contact: Contact {
                phone: Some(phone.to_owned()),
                ..Contact::default()
            },
            ..Details::default()
        }),
    }
}

/// The roster of 4.1.2 and 4.1.3: a warehouse employee who passes a
/// complaint on, and the CS staff who take it in.
fn pass_on_roster() -> Roster {
    roster(
        &[("cs", "客户服务部", None), ("wh", "仓库", None)],
        &[
            ("yg", "仓库员工 小常", "wh", &["any_employee"], None),
            ("kf", "客服人员", "cs", &["cs_staff"], None),
        ],
    )
}

/// 4.1.2「公司任何人员接到投诉时, 应礼貌地道歉并立即转至客户服务部相关人员」 and
/// 4.1.3「B.确认客户身份、姓名和联络办法;」: the employee's pass-on registers
/// without a contact, the staff's acceptance is refused until they have
/// confirmed one, and the record keeps both what was passed on and what the
/// staff completed. (The file let the staff accept a complaint nobody could
/// be reached on.)
#[test]
fn s15_the_staff_accept_once_the_name_and_contact_are_confirmed() {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), pass_on_roster());
    let t0 = beijing(2026, 6, 8, 9, 0);
    let c = Complaint::builder(t0, Channel::Internal, "仓库转述: 客户称签收时少了两箱")
        .category(cat("cargo_exception"))
        .build()
        .unwrap();
    s.register("yg", "S15-C", c)
        .expect("the pass-on is 「立即」: it owes no name or contact");
    // Passed on without the name, the complaint is anonymous: the rule
    // `anonymous` turns it away until the staff have the name (#24).
    match s.run("kf", minutes(t0, 5), accept()) {
        Err(Rejection::PolicyDecides { rule, .. }) => assert_eq!(
            rule.as_ref().map(ToString::to_string).as_deref(),
            Some("anonymous")
        ),
        other => panic!("accepted without a name: {other:?}"),
    }
    assert!(
        s.run("yg", minutes(t0, 6), complete_contact("13900001111"))
            .is_err(),
        "the employee passes the complaint on; the staff confirm the details"
    );
    s.ok(
        "kf",
        minutes(t0, 7),
        CommandKind::CompleteDetails {
            details: Box::new(Details {
                name: Some("客户 伏先生".to_owned()),
                ..Details::default()
            }),
        },
    );
    // Named but unreachable: the rule `no_contact` turns it away until
    // the staff have a contact (#24, ruling 51).
    match s.run("kf", minutes(t0, 8), accept()) {
        Err(Rejection::PolicyDecides { rule, .. }) => assert_eq!(
            rule.as_ref().map(ToString::to_string).as_deref(),
            Some("no_contact")
        ),
        other => panic!("accepted without a contact: {other:?}"),
    }
    s.ok("kf", minutes(t0, 9), complete_contact("13900001111"));
    s.ok("kf", minutes(t0, 10), accept());
    let who = &s.case().complaint.complainant;
    assert_eq!(who.name.as_deref(), Some("客户 伏先生"));
    assert_eq!(who.contact.phone.as_deref(), Some("13900001111"));
    // The registration still says what the employee passed on; each
    // completion is an event of its own, by the staff.
    let EventKind::Registered { complaint, .. } = &s.events[0].kind else {
        panic!("the first event is the registration");
    };
    assert!(complaint.complainant.contact.phone.is_none());
    let completed: Vec<_> = s
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::DetailsCompleted { .. }))
        .map(|e| e.actor.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(completed, [Some("kf".to_owned()), Some("kf".to_owned())]);
}

/// A completion that gives nothing, a blank field or what the complaint
/// already says is refused, and the case is left as it was.
#[test]
fn s15_a_completion_must_complete_something() {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), pass_on_roster());
    let t0 = beijing(2026, 6, 8, 9, 0);
    let c = Complaint::builder(t0, Channel::Internal, "仓库转述: 客户称包装破损")
        .complainant(person("客户 伏先生").with_phone("13900001111"))
        .build()
        .unwrap();
    s.register("yg", "S15-B", c).unwrap();
    let before = s.events.len();
    let refused = |s: &mut Scenario, kind: CommandKind| match s.run("kf", minutes(t0, 5), kind) {
        Err(Rejection::InvalidInput { path, .. }) => path,
        other => panic!("not refused as invalid input: {other:?}"),
    };
    let nothing = CommandKind::CompleteDetails {
        details: Box::default(),
    };
    assert_eq!(refused(&mut s, nothing), "kind.details");
    assert_eq!(
        refused(&mut s, complete_contact("  ")),
        "kind.details.contact.phone"
    );
    assert_eq!(
        refused(&mut s, complete_contact("13900001111")),
        "kind.details"
    );
    assert_eq!(s.events.len(), before, "a refused command changes nothing");
    // A correction is a completion: the new phone replaces the old.
    s.ok("kf", minutes(t0, 6), complete_contact("13900003333"));
    assert_eq!(
        s.case().complaint.complainant.contact.phone.as_deref(),
        Some("13900003333")
    );
}

/// 4.1.3「B.确认客户身份、姓名和联络办法;」 and 4.2「客户服务组人员在确认上述信息后,应按照
/// 以下原则进行客户投诉的处理」: the handling follows the confirmation, so a
/// caller who will not say who they are is turned away by a written rule
/// giving that reason, by the staff, without an override; the same caller,
/// once the staff have the name, is taken in (ruling 50). (The file refused
/// the staff's acceptance for the missing name, and their refusal for want
/// of the `override_acceptance` permission: the case could be neither
/// handled nor turned away.)
#[test]
fn s15_an_anonymous_complaint_is_turned_away_for_want_of_a_name() {
    let p = policy("cs-abcd-s15.toml");
    let t0 = beijing(2026, 6, 8, 9, 0);
    let anonymous = || {
        Complaint::builder(t0, Channel::Phone, "来电称送货员态度恶劣, 不愿留下姓名")
            .complainant(Complainant::anonymous().with_phone("13900005555"))
            .category(cat("personnel"))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(p.clone(), pass_on_roster());
    s.register("kf", "S15-N", anonymous()).unwrap();
    let (rule, reason_zh, advice_zh, overridden) =
        staff_refusal(&mut s, minutes(t0, 5), "客户不愿告知姓名");
    assert_eq!(rule.as_deref(), Some("anonymous"));
    assert!(reason_zh.contains("4.1.3 B"), "{reason_zh}");
    assert!(advice_zh.is_some(), "the rule's advice is given");
    assert!(
        !overridden,
        "the rule refuses it, not the staff against the rules"
    );

    // Accepting it is refused, naming the rule; once the staff have the
    // name, it is taken in.
    let mut s = Scenario::new(p.clone(), pass_on_roster());
    s.register("kf", "S15-M", anonymous()).unwrap();
    match s.run("kf", minutes(t0, 5), accept()) {
        Err(Rejection::PolicyDecides { rule, .. }) => assert_eq!(
            rule.as_ref().map(ToString::to_string).as_deref(),
            Some("anonymous")
        ),
        other => panic!("accepted, or refused without the rule: {other:?}"),
    }
    s.ok(
        "kf",
        minutes(t0, 7),
        CommandKind::CompleteDetails {
            details: Box::new(Details {
                name: Some("C类客户 孙女士".to_owned()),
                ..Details::default()
            }),
        },
    );
    assert!(!s.case().complaint.complainant.is_anonymous());
    s.ok("kf", minutes(t0, 8), accept());
    assert_eq!(refused_by(&p, &anonymous()).as_deref(), Some("anonymous"));
}

/// 4.1.3「B.确认客户身份、姓名和联络办法;」 and 4.2「客户服务组人员在确认上述信息后,应按照
/// 以下原则进行客户投诉的处理」: a caller who gives a name but no way to be
/// reached is turned away by a written rule giving that reason and the
/// advice to leave one, by the staff, without an override; the same caller,
/// once the staff have a contact, is taken in (ruling 51). (The file refused
/// the staff's acceptance for the missing contact, and their refusal for
/// want of the `override_acceptance` permission: the case could be neither
/// handled nor turned away.)
#[test]
fn s15_a_complaint_without_a_contact_is_turned_away() {
    let p = policy("cs-abcd-s15.toml");
    let t0 = beijing(2026, 6, 8, 9, 0);
    let with = |contact: Contact| {
        Complaint::builder(t0, Channel::Phone, "来电称货物延误两天, 不愿留下电话")
            .complainant(person("客户 郑先生").with_contact(contact))
            .category(cat("timeliness"))
            .build()
            .unwrap()
    };
    let unreachable = || with(Contact::default());
    let mut s = Scenario::new(p.clone(), pass_on_roster());
    s.register("kf", "S15-K", unreachable()).unwrap();
    let (rule, reason_zh, advice_zh, overridden) =
        staff_refusal(&mut s, minutes(t0, 5), "客户不愿留下联络办法");
    assert_eq!(rule.as_deref(), Some("no_contact"));
    assert!(reason_zh.contains("4.1.3 B"), "{reason_zh}");
    assert!(
        advice_zh.as_deref().is_some_and(|a| a.contains("联络办法")),
        "the rule's advice is to leave a contact: {advice_zh:?}"
    );
    assert!(
        !overridden,
        "the rule refuses it, not the staff against the rules"
    );

    // Accepting it is refused, naming the rule (the acceptance table
    // decides before `registration.before`); once the staff have a phone,
    // it is taken in.
    let mut s = Scenario::new(p.clone(), pass_on_roster());
    s.register("kf", "S15-J", unreachable()).unwrap();
    match s.run("kf", minutes(t0, 5), accept()) {
        Err(Rejection::PolicyDecides { rule, .. }) => assert_eq!(
            rule.as_ref().map(ToString::to_string).as_deref(),
            Some("no_contact")
        ),
        other => panic!("accepted, or refused without the rule: {other:?}"),
    }
    s.ok("kf", minutes(t0, 7), complete_contact("13900006666"));
    s.ok("kf", minutes(t0, 8), accept());
    assert_eq!(status(&s), Status::Accepted);

    // What counts as a contact is what `registration.before`'s `contact`
    // asks: a phone, an e-mail or an address; a WeChat id alone (`other`)
    // is not one. A caller withholding both name and contact is refused
    // for the name, the rule written first.
    assert_eq!(
        refused_by(&p, &unreachable()).as_deref(),
        Some("no_contact")
    );
    let other = Contact {
        other: Some("微信 zheng_2026".to_owned()),
        ..Contact::default()
    };
    assert_eq!(refused_by(&p, &with(other)).as_deref(), Some("no_contact"));
    for reachable in [
        Contact {
            email: Some("zheng@example.com".to_owned()),
            ..Contact::default()
        },
        Contact {
            address: Some("厦门市思明区湖滨南路1号".to_owned()),
            ..Contact::default()
        },
    ] {
        assert_eq!(refused_by(&p, &with(reachable)), None);
    }
    let nobody = Complaint::builder(t0, Channel::Phone, "匿名来电, 不留电话")
        .category(cat("timeliness"))
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &nobody).as_deref(), Some("anonymous"));

    // The staff's override of the table (a permission no role of the file
    // holds) still owes 4.1.3 B's contact: `registration.before` refuses it.
    let mut granted = p;
    for role in &mut granted.roles {
        if role.id.as_str() == "cs_staff" {
            role.actions.push(tousu_policy::Action::OverrideAcceptance);
        }
    }
    let mut s = Scenario::new(granted, pass_on_roster());
    s.register("kf", "S15-I", unreachable()).unwrap();
    match s.run(
        "kf",
        minutes(t0, 5),
        CommandKind::Accept {
            override_reason: Some("老客户, 先受理".to_owned()),
        },
    ) {
        Err(Rejection::RecordIncomplete {
            field, requirement, ..
        }) => {
            assert_eq!(field, "complainant.contact");
            assert_eq!(requirement, "registration.before[0]");
        }
        other => panic!("an override skipped the confirmation: {other:?}"),
    }
}

/// The staff turn the case away at `at` with `reason`; the recorded refusal's
/// rule, reason, advice and whether it overrode the rules.
fn staff_refusal(
    s: &mut Scenario,
    at: DateTime<Utc>,
    reason: &str,
) -> (Option<String>, String, Option<String>, bool) {
    s.ok(
        "kf",
        at,
        CommandKind::NotAccept {
            reason_zh: reason.into(),
            advice_zh: None,
        },
    );
    assert_eq!(status(s), Status::NotAccepted);
    let Some(EventKind::NotAccepted {
        rule,
        reason_zh,
        advice_zh,
        overridden,
        ..
    }) = s
        .events
        .iter()
        .map(|e| &e.kind)
        .find(|k| matches!(k, EventKind::NotAccepted { .. }))
    else {
        panic!("no refusal recorded");
    };
    (
        rule.as_ref().map(ToString::to_string),
        reason_zh.clone(),
        advice_zh.as_deref().map(str::to_owned),
        *overridden,
    )
}

/// 4.2 D「由客户服务部经理与其它相关部门再次商议解决办法,并再次征询客户意见」: the 客服经理
/// who took the case over after B proposes his measures, answers and asks the
/// customer again himself, and records the answer, which ends the satisfaction
/// check. (The file let him answer but not record the customer's opinion, though
/// it charged him for a late one.) The 事业部, which the file never names to decide
/// an extension, has no such action at all (its grant was dead: the decision was
/// refused as `not_permitted` before too).
#[test]
fn s15_the_manager_asks_the_customer_again_himself() {
    let roster = roster(
        &[("cs", "客户服务部", None), ("div", "事业部管理层", None)],
        &[
            ("kf", "客服人员", "cs", &["cs_staff"], Some("csm")),
            ("csm", "客服经理", "cs", &["cs_manager"], Some("dm")),
            ("dm", "事业部总经理", "div", &["division_management"], None),
        ],
    );
    let t0 = beijing(2026, 6, 15, 9, 0);
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), roster);
    let c = Complaint::builder(t0, Channel::Phone, "系统下单后未收到确认短信")
        .complainant(confirmed("客户"))
        .category(cat("system"))
        .build()
        .unwrap();
    s.register("kf", "S15-M", c).unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    // B: a deadline told, handled, the customer still unsatisfied.
    s.ok(
        "kf",
        minutes(t0, 10),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 6, 17, 17, 0),
        },
    );
    s.ok("kf", minutes(t0, 15), assign_with("cs", "kf", &[]));
    s.ok("kf", minutes(t0, 20), investigate());
    s.ok(
        "kf",
        minutes(t0, 30),
        propose(vec![rem(RemedyKind::Explanation)], "B: 期限内处理"),
    );
    s.ok("csm", minutes(t0, 35), approve());
    s.ok("kf", minutes(t0, 40), reply("短信通道故障已修复"));
    s.ok(
        "kf",
        minutes(t0, 60),
        callback(Satisfaction::Unsatisfied, "回访"),
    );
    assert_eq!(steps_taken(&s), ["cs-manager-after-b"]);
    // C and D: the manager's measures, told to the customer, his opinion asked again.
    s.ok("csm", minutes(t0, 120), reopen("C: 客服经理提出处理措施"));
    s.ok("csm", minutes(t0, 125), investigate());
    s.ok(
        "csm",
        minutes(t0, 130),
        propose(vec![rem(RemedyKind::Explanation)], "C: 补发确认并致歉"),
    );
    s.ok("csm", minutes(t0, 135), approve());
    s.ok("csm", minutes(t0, 140), reply("已补发确认短信并致歉"));
    s.ok(
        "csm",
        minutes(t0, 150),
        callback(Satisfaction::Satisfied, "D: 再次征询客户意见,客户满意"),
    );
    assert!(
        !due_all(&s, minutes(t0, 151))
            .iter()
            .any(|d| d.starts_with("satisfaction_check")),
        "{:?}",
        due_all(&s, minutes(t0, 151))
    );
    // An extension the 事业部 would decide is not its action.
    let refused = s
        .run("dm", minutes(t0, 160), CommandKind::ApproveExtension)
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
}

/// 2「本程序适用于公司所有客户对服务提出的投诉异常处理」 and 4.1.1「A.电话、电子邮件、网站在线、
/// 或其它书面形式;」「B.由相关部门转述」: a complaint by any of these channels, its
/// name and contact confirmed, is accepted by the 客服人员 (no rule turns it away).
#[test]
fn s15_a_complaint_by_each_channel_named_is_accepted() {
    let t0 = beijing(2026, 6, 8, 9, 0);
    for (n, channel) in [
        Channel::Phone,
        Channel::Email,
        Channel::Web,
        Channel::Letter,
        Channel::Internal,
    ]
    .into_iter()
    .enumerate()
    {
        let mut s = Scenario::new(policy("cs-abcd-s15.toml"), pass_on_roster());
        let c = Complaint::builder(t0, channel, "两箱货物外包装破损")
            .complainant(confirmed("客户 伏先生"))
            .category(cat("cargo_exception"))
            .build()
            .unwrap();
        s.register("kf", &format!("S15-CH{n}"), c).unwrap();
        s.ok("kf", minutes(t0, 5), accept());
        assert_eq!(status(&s), Status::Accepted, "{channel:?}");
        assert_eq!(s.case().complaint.channel, channel);
    }
}

/// A complaint the staff accepted at `t0` and passed to the 客服经理 by hand
/// (4.1.4, the step `cs-manager`) 20 minutes later.
fn passed_to_the_manager(t0: DateTime<Utc>, id: &str) -> Scenario {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), s15_roster());
    s.register(
        "kf",
        id,
        about(t0, "cargo_exception", "签收时少了两箱,要求赔偿")
            .complainant(confirmed("客户 伏先生"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    s.ok("kf", minutes(t0, 20), escalate("涉及赔偿, 无法自行处理"));
    s
}

/// 4.1.4「客户服务人员认为无法自行处理的投诉必须转至客户服务部主管或经理」: the complaint the
/// staff cannot handle is the 客服经理's once they pass it to him (the step
/// `cs-manager` takes it over), and so is the answer (the reply backstop of
/// 4.2 B, assumed 2 working days) while he holds it: the roster's 客服经理 at
/// the top (`taken_over`, ruling 80), not the staff member who passed it on and
/// now waits on his measures. The fourteenth audit (fails on the old file:
/// `reply@1 → kf`).
#[test]
fn s15_a_case_passed_to_the_manager_is_his_to_answer() {
    let t0 = beijing(2026, 4, 29, 10, 0); // Wednesday before Labour Day
    let mut s = passed_to_the_manager(t0, "S15-M");
    assert_eq!(steps_taken(&s), ["cs-manager"]);
    // 2 working days from Wednesday 29 April: 30 April, then 6 May after the
    // holiday (1–5 May).
    assert_eq!(due(&s, t0, "reply"), "2026-05-07 00:00");
    s.tick(beijing(2026, 5, 7, 9, 0));
    assert_eq!(breach_owners(&s), ["reply@1 → csm"]);
    s.assert_replays();
}

/// D「由客户服务部经理与其它相关部门再次商议解决办法,并再次征询客户意见」: once the 客服经理
/// has the case (4.1.4 by hand here), he asks the customer whether they are
/// satisfied, and a check not made (assumed 1 working day after the answer) is
/// his while his take-over stands (`taken_over`, ruling 80), not the staff
/// member's who passed the case on. The fourteenth audit (fails on the old
/// file: `satisfaction_check@1 → kf`).
#[test]
fn s15_the_satisfaction_check_of_a_case_passed_to_the_manager_is_his() {
    let t0 = beijing(2026, 3, 2, 10, 0); // Monday
    let mut s = passed_to_the_manager(t0, "S15-MS");
    s.ok("csm", minutes(t0, 120), reply("补发两箱并赔付运费"));
    // 1 working day from Monday 2 March: the end of Tuesday 3 March.
    s.tick(beijing(2026, 3, 4, 9, 0));
    assert_eq!(breach_owners(&s), ["satisfaction_check@1 → csm"]);
    s.assert_replays();
}

/// 4.2 D「如此反复,还无法满足客户投诉需求,将此次投诉上报给事业部更高管理层」 and E: once
/// the rounds took the case to 事业部, 4.1.4's step to the 客服经理 is past
/// (`not_after`, ruling 136): taken then, it handed the division's case back
/// down to the manager, who became the one to answer for it. The staff's
/// escalation is refused now, changing nothing, and the answer in the
/// division's round stays the division's while its take-over stands. The
/// fourteenth audit (fails on the old file, where the step was taken).
#[test]
fn s15_the_staff_do_not_hand_the_divisions_case_back_to_the_manager() {
    let mut s = s15_at_the_division();
    s15_division_reopens(&mut s);
    let before = s.case().clone();
    let refused = s
        .run("kf", beijing(2026, 4, 10, 14, 10), escalate("转客服经理"))
        .unwrap_err();
    assert_eq!(refused.kind(), "no_escalation_step", "{refused}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    // 2 working days from Friday 10 April: 13 and 14 April.
    s.tick(beijing(2026, 4, 15, 9, 0));
    assert_eq!(breach_owners(&s), ["reply@4 → dm"]);
    s.assert_replays();
}

/// Ruling 133: the 流程 has no 延期, 延长 or 顺延; its way to more time is B's
/// deadline told to the customer (「对不能及时处理的…客户服务人员应告知客户处理答复的
/// 期限」), so the assumed reply backstop is not extended: neither the
/// department nor the CS staff may ask and the 客服经理 may not grant, nothing
/// is recorded, and the backstop breaches when its 2 working days end. Fails
/// on the old file (the department's request was recorded, and an extension
/// the 客服经理 approved paused the backstop).
#[test]
fn s15_the_reply_is_not_extended() {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), s15_roster());
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "cargo_exception", "签收时少了两箱")
        .complainant(confirmed("客户 伏先生"))
        .build()
        .unwrap();
    s.register("kf", "S15-X", c).unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    s.ok("kf", minutes(t0, 10), assign("ops", "op1"));
    s.ok("op1", minutes(t0, 30), investigate());
    let asked = beijing(2026, 3, 3, 9, 0);
    assert_no_extension(&mut s, "op1", "csm", asked);
    assert_no_extension(&mut s, "kf", "csm", asked);
    // 2 working days (assumed) from Monday 2 March: the end of Wednesday 4 March.
    assert_eq!(due(&s, minutes(t0, 31), "reply"), "2026-03-05 00:00");
    s.tick(beijing(2026, 3, 5, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["reply@1 → kf"]);
}

/// 4.2 D「如此反复,还无法满足客户投诉需求,将此次投诉上报给事业部更高管理层」 and E「将管理层的
/// 处理意见,与客户沟通,直至让客户满意为止」: the 事业部 answers, reopens and (assumed, ruling
/// 28) ends abnormally only a case the rounds took to it. Before the fifteenth
/// audit it held `reply`, `reopen` and `close_abnormally` on every case: it could
/// answer a case the 客服经理 held (meeting his reply clock) and end a case abnormally
/// while the staff and the manager were still in their rounds. Now each is refused
/// as `grant_condition_unmet`, changing nothing, until the step
/// `division-management` was taken (fails on the old file: the division's answer
/// to the case passed to the 客服经理 was accepted).
#[test]
fn s15_the_division_acts_only_on_a_case_the_rounds_took_to_it() {
    let refused_to_dm = |s: &mut Scenario, at, kinds: Vec<CommandKind>| {
        for kind in kinds {
            refused_unmet(s, "dm", at, kind);
        }
    };
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = passed_to_the_manager(t0, "S15-DV");
    refused_to_dm(
        &mut s,
        minutes(t0, 60),
        vec![
            reply("事业部直接答复"),
            CommandKind::CloseAbnormally {
                reason: "事业部结案".into(),
            },
        ],
    );
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), s15_roster());
    s15_round_b(&mut s);
    refused_to_dm(
        &mut s,
        beijing(2026, 4, 7, 17, 0),
        vec![
            reopen("事业部重新处理"),
            CommandKind::CloseAbnormally {
                reason: "事业部结案".into(),
            },
        ],
    );
    s15_round_c(&mut s);
    s15_round_d(&mut s);
    s15_division_decides(&mut s);
    s.assert_replays();
}

/// 4.2 B「对不能及时处理的,或客户对即时处理意见不满意的,客户服务人员应告知客户处理答复的期限」: the
/// deadline told is the staff's, for what they handle; a case they passed to the
/// 客服经理 (4.1.4) is his to answer (`reply.owner`, ruling 80), and neither 4.1.4 nor
/// C and D tell a deadline. Before the fifteenth audit the staff could still tell
/// one there: it replaced the manager's backstop and charged him with the staff's
/// date. Now refused as `grant_condition_unmet`, changing nothing, and the backstop
/// stays (fails on the old file: the date was set).
#[test]
fn s15_the_staff_tell_no_deadline_on_a_case_passed_to_the_manager() {
    let t0 = beijing(2026, 3, 2, 10, 0); // Monday
    let mut s = passed_to_the_manager(t0, "S15-DL");
    refused_unmet(
        &mut s,
        "kf",
        minutes(t0, 30),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 3, 12, 0),
        },
    );
    // 2 working days from Monday 2 March.
    assert_eq!(due(&s, minutes(t0, 31), "reply"), "2026-03-05 00:00");
}

/// `who`'s `kind` at `at` is refused as `grant_condition_unmet` and changes nothing.
fn refused_unmet(s: &mut Scenario, who: &str, at: DateTime<Utc>, kind: CommandKind) {
    let before = (s.case().clone(), s.events.len());
    let refused = s.run(who, at, kind).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
}

/// 4.1.4「客户服务人员认为无法自行处理的投诉必须转至客户服务部主管或经理」: once the staff
/// passed a complaint to the 客服经理 it is his — C and D have him propose and
/// negotiate 「与其它相关部门」 — so the staff do not take it back by naming
/// themselves its handler, nor send his case on to a department: both are refused
/// as `grant_condition_unmet` and change nothing, and the 客服经理 hands it on
/// himself. Before the fifteenth audit the staff's assignment of the manager's case
/// to themselves was accepted, and with it they told a deadline the manager was
/// then charged with (`agreed_deadline@1 → csm`; fails on the old file).
#[test]
fn s15_the_staff_do_not_take_back_or_send_on_the_managers_case() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = passed_to_the_manager(t0, "S15-RT");
    refused_unmet(&mut s, "kf", minutes(t0, 30), assign("cs", "kf"));
    refused_unmet(&mut s, "kf", minutes(t0, 31), assign("ops", "op1"));
    s.ok("csm", minutes(t0, 40), assign("ops", "op1"));
    refused_unmet(
        &mut s,
        "kf",
        minutes(t0, 50),
        transfer("cs", "kf", "客服人员收回"),
    );
}

/// 4.2 C「对上述A和B的处理,客户都不满意的,客户服务人员应及时报告客服经理,由客户服务部经理提出让客户
/// 满意的处理措施」: after B the case is the 客服经理's (`cs-manager-after-b`), and the
/// next round is his to open; the staff reopen only their own case (B after a failed
/// A). Before the fifteenth audit the staff's reopening of the manager's case was
/// accepted, starting his reply clock at their moment (fails on the old file).
#[test]
fn s15_the_staff_do_not_open_the_managers_round() {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), s15_roster());
    s15_round_b(&mut s);
    refused_unmet(
        &mut s,
        "kf",
        beijing(2026, 4, 8, 8, 30),
        reopen("客服人员重新处理"),
    );
    s15_round_c(&mut s);
}

/// 4.2 C「由客户服务部经理提出让客户满意的处理措施」: in the round after B the measures are
/// the 客服经理's, on the case he took over; the staff investigate and propose on
/// their own case (A「对可以自行处理的投诉,及时处理」, B「期限内,去调查投诉的内容」).
/// Before the fifteenth audit the staff's investigation, findings and proposal on the
/// manager's case were accepted (fails on the old file); now each is refused as
/// `grant_condition_unmet`, changing nothing, and the manager proposes.
#[test]
fn s15_the_staff_do_not_propose_the_managers_measures() {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), s15_roster());
    s15_round_b(&mut s);
    s.ok(
        "csm",
        beijing(2026, 4, 8, 9, 0),
        reopen("C: 客服经理提出处理措施"),
    );
    refused_unmet(&mut s, "kf", beijing(2026, 4, 8, 9, 10), investigate());
    s.ok("csm", beijing(2026, 4, 8, 9, 30), investigate());
    let measures = || {
        propose(
            vec![remedy(
                RemedyKind::Compensation,
                Some("1000"),
                "赔付受损12箱成本价",
            )],
            "C",
        )
    };
    refused_unmet(
        &mut s,
        "kf",
        beijing(2026, 4, 8, 10, 0),
        findings(FaultParty::Us, "客服人员查明"),
    );
    refused_unmet(&mut s, "kf", beijing(2026, 4, 8, 10, 30), measures());
    s.ok("csm", beijing(2026, 4, 8, 11, 0), measures());
}

/// 3.2.1 / 3.3.1 「客户服务部转交的」 and 3.2.2 / 3.3.2 「与相关部门一起解决」: a
/// department works a case the work order gave it, as the lead or called in
/// beside it (`holds_case = "co_handling"`, ruling 148). On a work order
/// given to 运营部 alone, 销售部 is refused naming `holds_case` and nothing
/// changes; called in, it records findings. The fifteenth audit (fails on the
/// old file, where 销售部 recorded findings on 运营部's case).
#[test]
fn s15_a_department_works_only_a_case_the_work_order_gave_it() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let given = |co: &[&str]| {
        let mut s = accepted_late_delivery(t0, "S15-CO");
        s.ok("kf", minutes(t0, 10), assign_with("ops", "op1", co));
        s
    };
    let mut alone = given(&[]);
    let before = (alone.case().clone(), alone.events.len());
    let found = || findings(FaultParty::Us, "销售部承诺的时效超出运营部线路能力");
    for attempt in [investigate(), found()] {
        let e = alone.run("xs1", minutes(t0, 20), attempt).unwrap_err();
        assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
        assert!(
            e.to_string().contains("holds_case = \"co_handling\""),
            "{e}"
        );
    }
    assert_eq!((alone.case(), alone.events.len()), (&before.0, before.1));
    alone.ok("op1", minutes(t0, 30), investigate());

    let mut joint = given(&["sales"]);
    joint.ok("xs1", minutes(t0, 20), investigate());
    joint.ok("xs1", minutes(t0, 30), found());
    joint.assert_replays();
}

/// 3.2.1 / 3.3.1「跟进和处理客户服务部转交的属于本部门负责的客户投诉」: a complaint the
/// 客户服务部 has not handed on by a work order is no department's yet, so 运营部
/// neither investigates it nor records findings on it (`holds_case =
/// ["handed", "co_handling"]`, ruling 156); once handed to it, it does.
#[test]
fn s15_a_department_does_not_work_a_case_not_yet_handed_on() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = accepted_late_delivery(t0, "S15-UN");
    let before = (s.case().clone(), s.events.len());
    refused_not_holding(&mut s, "op1", minutes(t0, 10), investigate());
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
    s.ok("kf", minutes(t0, 15), assign_with("ops", "op1", &[]));
    s.ok("op1", minutes(t0, 20), investigate());
    s.assert_replays();
}

/// A late delivery the CS staff registered and accepted, not yet handed on,
/// with the cast of [`ops_and_sales`].
fn accepted_late_delivery(t0: DateTime<Utc>, id: &str) -> Scenario {
    accepted_late_delivery_among(ops_and_sales(), t0, id)
}

/// [`accepted_late_delivery`] with the cast `roster`.
fn accepted_late_delivery_among(roster: Roster, t0: DateTime<Utc>, id: &str) -> Scenario {
    let mut s = Scenario::new(policy("cs-abcd-s15.toml"), roster);
    let c = about(t0, "timeliness", "合同约定次日达,实际三日到")
        .complainant(confirmed("投诉人"))
        .build()
        .unwrap();
    s.register("kf", id, c).unwrap();
    s.ok("kf", minutes(t0, 5), accept());
    s
}

/// The CS staff member, 运营部's 主管 and 销售部's 客户经理, each department
/// of its own: the cast of a work order handed on (3.2.1, 3.2.2).
fn ops_and_sales() -> Roster {
    roster(
        &[
            ("cs", "客户服务部", None),
            ("ops", "运营部", None),
            ("sales", "销售部", None),
        ],
        &[
            ("kf", "客服人员王芳", "cs", &["cs_staff"], None),
            ("op1", "运营部主管", "ops", &["ops_sales"], None),
            ("xs1", "销售部客户经理", "sales", &["ops_sales"], None),
        ],
    )
}

/// 4.2 D「如此反复,还无法满足客户投诉需求,将此次投诉上报给事业部更高管理层」 and E「将管理层的
/// 处理意见,与客户沟通,直至让客户满意为止」: once the rounds took the case to the 事业部 it
/// is the division's (its take-over), and the 客服经理 hands on and opens a round only of
/// a case with him (4.1.4, C, D; `holds_case`, ruling 121). Before the seventeenth
/// audit he held `assign`, `transfer` and `reopen` on every case: his reopening of the
/// division's case was accepted, starting the division's reply clock at his moment
/// (fails on the old file); now each is refused as `grant_condition_unmet`, changing
/// nothing, and the division opens its round (E) and decides.
#[test]
fn s15_the_manager_leaves_the_divisions_case_to_the_division() {
    let mut s = s15_at_the_division();
    let at = beijing(2026, 4, 10, 13, 0);
    refused_unmet(&mut s, "csm", at, reopen("客服经理再次协商"));
    refused_unmet(&mut s, "csm", at, assign("ops", "op1"));
    refused_unmet(&mut s, "csm", at, transfer("cs", "csm", "客服经理收回"));
    s15_division_decides(&mut s);
    s.assert_replays();
}

/// 4.2 E「将管理层的处理意见,与客户沟通,直至让客户满意为止」: the 事业部's abnormal closure
/// (assumed, ruling 28) ends a case whose round was answered, not one in the middle of
/// its round, before the management's opinion is told. Before the seventeenth audit it
/// held at any stage once the case reached the division: it closed the case it had just
/// reopened for its round (fails on the old file). Now refused as
/// `grant_condition_unmet`, changing nothing.
#[test]
fn s15_the_division_does_not_end_its_round_before_its_opinion_is_told() {
    let mut s = s15_at_the_division();
    s15_division_reopens(&mut s);
    s.ok("csm", beijing(2026, 4, 10, 14, 30), investigate());
    refused_unmet(
        &mut s,
        "dm",
        beijing(2026, 4, 10, 15, 0),
        CommandKind::CloseAbnormally {
            reason: "事业部结案".into(),
        },
    );
    s.assert_replays();
}

/// 4.2 B「涉及到其他部门的,将《客服工单》移交给负责部门」, D「由客户服务部经理与其它相关部门再次商议解决
/// 办法…如此反复,还无法满足客户投诉需求,将此次投诉上报给事业部更高管理层」: the work order goes to
/// 运营部 / 销售部, and a case reaches the 事业部 only by the rounds' step. The staff and the
/// 客服经理 could name any handler, a 事业部 member too, who may not answer before that
/// step, and the case was then no longer with either of them. Now `hands_over_to` (ruling
/// 78): each assignment to the 事业部 is refused as `hand_over_refused`, changing nothing,
/// and the work order goes to 运营部. The twenty-second audit's act probe (fails on the old
/// file, where the staff's assignment to the 事业部 was taken).
#[test]
fn s15_no_one_hands_a_case_to_the_division_before_the_rounds() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = accepted_late_delivery_among(s15_roster(), t0, "S15-HD");
    let to_the_division = |s: &mut Scenario, who: &str, at| {
        let refusal = s.refused(who, at, assign("div", "dm"));
        assert!(
            matches!(refusal, Rejection::HandOverRefused { .. }),
            "{who}: {refusal}"
        );
    };
    to_the_division(&mut s, "kf", minutes(t0, 10));
    s.ok("kf", minutes(t0, 20), escalate("涉及赔偿, 无法自行处理"));
    to_the_division(&mut s, "csm", minutes(t0, 30));
    s.ok("csm", minutes(t0, 40), assign("ops", "op1"));
    s.assert_replays();
}

/// 4.2 E「将管理层的处理意见,与客户沟通,直至让客户满意为止」 (abnormal closure assumed, ruling
/// 28): the 事业部 ends a case abnormally only once its own round has answered, its
/// opinion told. A case the rounds take to it is still `replied` from the 客服经理's
/// round D, so `statuses = ["replied"]` alone let it end the case the moment it
/// arrived (fails on the old file: the closure was accepted). Now refused as
/// `grant_condition_unmet` naming `replied_since_escalation` (ruling 168), changing
/// nothing, until the division's round is answered; then taken.
#[test]
fn s15_the_division_does_not_end_a_case_on_the_managers_answer() {
    let division_ends = || CommandKind::CloseAbnormally {
        reason: "事业部结案".into(),
    };
    let mut s = s15_at_the_division();
    assert_eq!(status(&s), Status::Replied);
    let refused = s.refused("dm", beijing(2026, 4, 10, 11, 0), division_ends());
    assert!(
        matches!(&refused, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("replied_since_escalation"))),
        "{refused}"
    );
    s15_division_reopens(&mut s);
    s.ok("csm", beijing(2026, 4, 10, 14, 30), investigate());
    s.ok(
        "kf",
        beijing(2026, 4, 10, 16, 0),
        reply("事业部管理层的处理意见:维持赔付1000元并免一个月仓储费"),
    );
    s.ok("dm", beijing(2026, 4, 10, 16, 30), division_ends());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}
