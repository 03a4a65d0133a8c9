use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S27 — 纳税服务投诉管理办法
// ---------------------------------------------------------------------------

#[test]
fn s27_tax_service_missed_preference_late_handling() {
    let p = policy("tax-service-s27.toml");
    let roster = roster(
        &[
            ("jg", "某区税务局", None),
            ("nf", "纳税服务科", Some("jg")),
            ("zs", "征收管理科", Some("jg")),
        ],
        &[
            (
                "n1",
                "纳服专职 欧阳",
                "nf",
                &["tax_service_staff"],
                Some("nk"),
            ),
            ("nk", "纳服科长 钟科长", "nf", &["service_dept_head"], None),
            (
                "z1",
                "征管科 田科员",
                "zs",
                &["coordinating_dept"],
                Some("zk"),
            ),
            (
                "z2",
                "征管科 马科员",
                "zs",
                &["coordinating_dept"],
                Some("zk"),
            ),
            ("zk", "征管科长", "zs", &["coordinating_dept"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 30, 16, 0);
    let c = Complaint::builder(
        t0,
        Channel::Web,
        "申报时窗口人员称我公司不符合小微企业优惠条件,多缴税款,经咨询12366应可享受",
    )
    .complainant(Complainant::organization("某商贸有限公司").unwrap())
    .category(cat("missed_preference"))
    .respondent(Respondent::staff(sid("z1")))
    .flags(ComplaintFlags {
        confidential: true,
        ..ComplaintFlags::default()
    })
    .build()
    .unwrap();
    s.register("n1", "NF-1", c).unwrap();
    // 1 working day (assumed) after Tue 30 Sep: the National Day holiday runs
    // to 8 Oct, so it is Thu 9 Oct.
    assert_eq!(due(&s, t0, "acceptance"), "2025-10-10 00:00");
    s.ok("n1", beijing(2025, 10, 9, 9, 30), accept());
    // 10 working days from Thu 9 Oct (Sat 11 Oct is a make-up working day): Wed 22 Oct.
    assert_eq!(
        due(&s, beijing(2025, 10, 9, 9, 30), "handling"),
        "2025-10-23 00:00"
    );
    s.ok(
        "n1",
        beijing(2025, 10, 9, 9, 40),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("nf"),
                handler: Some(sid("n1")),
                co_handling: vec![did("zs")],
            },
        },
    );
    s.ok(
        "n1",
        beijing(2025, 10, 9, 10, 0),
        CommandKind::StartInvestigation,
    );
    // 不得徇私、偏袒: the respondent may not record the findings.
    assert!(
        s.run(
            "z1",
            beijing(2025, 10, 10, 10, 0),
            findings(FaultParty::Nobody, "无过错")
        )
        .is_err()
    );
    s.ok(
        "z2",
        beijing(2025, 10, 20, 15, 0),
        findings(
            FaultParty::Us,
            "窗口人员误用从业人数口径,企业应享受小微企业所得税优惠",
        ),
    );
    let late = s.tick(beijing(2025, 10, 23, 8, 0));
    assert!(breached(&late, "handling"));
    s.ok(
        "n1",
        beijing(2025, 10, 23, 9, 0),
        propose(
            vec![rem(RemedyKind::Apology), rem(RemedyKind::Explanation)],
            "办理退抵税,对窗口人员进行批评教育",
        ),
    );
    s.ok("nk", beijing(2025, 10, 23, 10, 0), CommandKind::Approve);
    s.ok(
        "n1",
        beijing(2025, 10, 23, 11, 0),
        reply("已为贵公司办理多缴税款退抵,并致歉"),
    );
    s.ok(
        "n1",
        beijing(2025, 10, 27, 10, 0),
        callback(Satisfaction::Satisfied, "纳税人满意"),
    );
    s.ok("n1", beijing(2025, 10, 27, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s27_tax_service", timeline(&s.events));
}

/// 第三条: matters for reconsideration, litigation or reporting go their own
/// way; 第五条: fabricated facts make a complaint malicious.
#[test]
fn s27_other_legal_routes_and_fabrication() {
    let p = policy("tax-service-s27.toml");
    let t0 = beijing(2026, 3, 16, 9, 0);
    let base = |text: &str| {
        Complaint::builder(t0, Channel::Phone, text).complainant(person("纳税人 甘女士"))
    };
    let rule = |c: Complaint| {
        p.acceptance(&EvalInput::new(&c, t0))
            .rule_id
            .map(|r| r.to_string())
    };
    assert_eq!(
        rule(
            base("不服补税决定")
                .fact(fact("administrative_reconsideration_matter"), yes())
                .build()
                .unwrap()
        )
        .as_deref(),
        Some("other-legal-route")
    );
    assert_eq!(
        rule(
            base("举报某企业虚开发票")
                .fact(fact("tax_violation_report"), yes())
                .build()
                .unwrap()
        )
        .as_deref(),
        Some("other-legal-route")
    );
    assert_eq!(rule(base("窗口人员态度生硬").build().unwrap()), None);
    let made_up = base("称窗口索要好处费, 监控与记录均无此事")
        .fact(fact("facts_fabricated"), yes())
        .build()
        .unwrap();
    assert_eq!(
        p.validity(&EvalInput::new(&made_up, t0)).outcome,
        Validity::Malicious
    );
}

/// 分级负责 (第四条): the staff hand a case up to the department head (assumed step).
#[test]
fn the_staff_hand_a_case_up() {
    let t0 = beijing(2026, 6, 15, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "窗口人员使用不文明用语")
        .complainant(person("客户"))
        .category(cat("service_language"))
        .build()
        .unwrap();
    let step = manual_step(
        "tax-service-s27.toml",
        ("tax_service_staff", "tax_service_staff"),
        "b",
        c,
    );
    assert_eq!(step.as_deref(), Some("manual-dept-head"));
}

/// 第五条「客观、真实地反映相关情况,不得隐瞒、捏造、歪曲事实」: fabrication is what the
/// investigation finds: the investigator records it with `record_facts` and the findings
/// judge by it; the same case without the finding is valid.
#[test]
fn s27_fabrication_is_found_by_the_investigation() {
    let c = || {
        Complaint::builder(beijing(2025, 11, 3, 9, 0), Channel::Phone, "投诉")
            .complainant(person("投诉人"))
            .category(cat("service_conduct"))
            .build()
            .unwrap()
    };
    // 第七条: the 纳税服务部门 investigates; another department only 配合 and is
    // not named the handler (ruling 78).
    let crew: (&[&str], &[&str]) = (&["tax_service_staff"], &["tax_service_staff"]);
    assert_eq!(
        judged_on_finding("tax-service-s27.toml", crew, c(), Some("facts_fabricated")),
        ("malicious".to_owned(), Some("fabricated".to_owned()))
    );
    assert_eq!(
        judged_on_finding("tax-service-s27.toml", crew, c(), None),
        ("valid".to_owned(), None)
    );
}

/// 第六条「并应当对投诉人信息保密」: every complaint is registered confidential,
/// though the registration did not ask for it — a colleague of another
/// section not on the case does not see it; the service staff (who hold
/// `view_confidential`) and the head do.
#[test]
fn s27_every_complainant_is_kept_confidential() {
    let roster = roster(
        &[("nf", "纳税服务科", None), ("zs", "征收管理科", None)],
        &[
            ("n1", "纳服专职", "nf", &["tax_service_staff"], Some("nk")),
            ("nk", "纳服科长", "nf", &["service_dept_head"], None),
            ("z2", "征管科 马科员", "zs", &["coordinating_dept"], None),
        ],
    );
    let mut s = Scenario::new(policy("tax-service-s27.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "窗口人员态度生硬")
        .complainant(person("纳税人 何女士"))
        .category(cat("service_language"))
        .build()
        .unwrap();
    assert!(!c.flags.confidential);
    s.register("n1", "NF-C", c).unwrap();
    assert!(s.case().complaint.flags.confidential);
    let ctx = s.rt.ctx(&s.roster, t0);
    assert!(!can_view(&sid("z2"), s.case(), &ctx));
    assert!(can_view(&sid("n1"), s.case(), &ctx));
    assert!(can_view(&sid("nk"), s.case(), &ctx));
}

/// 第七条「各级税务机关的纳税服务部门是纳税服务投诉的主管部门,负责纳税服务投诉的接收、受理、调查、处理、反馈等事项。需要其他部门配合的,由纳税服务部门进行统筹协调。」:
/// another department cooperates on the case the 纳税服务部门 handles; it is not
/// handed the case. The old file let the staff make a 征管科 member the
/// handler, who was then charged with the handling limit he could not stop
/// (`coordinating_dept` holds no `reply`; this test fails on that file). Now
/// the hand-over is refused (`hands_over_to`, ruling 78), the department is
/// called in to co-handle, investigates, and a late answer is the service
/// staff member's.
#[test]
fn s27_another_department_cooperates_and_is_not_handed_the_case() {
    // Mon 2 Mar 2026: 10 working days (assumed), counted from the next day,
    // end with Mon 16 Mar.
    let (mut s, t0) = s27_window_case_accepted("NF-7");
    let handed = s
        .run("n1", minutes(t0, 40), assign("zs", "z2"))
        .unwrap_err();
    assert_eq!(handed.kind(), "hand_over_refused", "{handed}");
    s.ok(
        "n1",
        minutes(t0, 50),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("nf"),
                handler: Some(sid("n1")),
                co_handling: vec![did("zs")],
            },
        },
    );
    s.ok("z2", minutes(t0, 60), investigate());
    assert_eq!(due(&s, minutes(t0, 30), "handling"), "2026-03-17 00:00");
    s.tick(beijing(2026, 3, 17, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → n1"]);
    s.assert_replays();
}

/// 第七条「负责纳税服务投诉的接收、受理、调查、处理、反馈等事项」: the surviving
/// articles promise the taxpayer no date (the time-limit articles are lost, and
/// the file's limits are assumed). The old file let the staff set one
/// (`set_agreed_deadline`), a clock of no clause owned by the handler alone, so
/// a date promised before a handler was named breached charged to nobody (this
/// test fails on that file: the date was accepted). As S06's and S34's files,
/// it promises none.
#[test]
fn s27_the_staff_promise_no_date_the_source_lacks() {
    let roster = roster(
        &[("nf", "纳税服务科", None)],
        &[("n1", "纳服专职 欧阳", "nf", &["tax_service_staff"], None)],
    );
    let mut s = Scenario::new(policy("tax-service-s27.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Web, "窗口人员未一次性告知所需资料")
        .complainant(Complainant::organization("某商贸有限公司").unwrap())
        .category(cat("service_system_breach"))
        .build()
        .unwrap();
    s.register("n1", "NF-D", c).unwrap();
    s.ok("n1", minutes(t0, 30), accept());
    let before = (s.case().clone(), s.events.len());
    let promised = s
        .run(
            "n1",
            minutes(t0, 40),
            CommandKind::SetAgreedDeadline {
                deadline: beijing(2026, 3, 4, 17, 0),
            },
        )
        .unwrap_err();
    assert_eq!(promised.kind(), "not_permitted", "{promised}");
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
}

/// Twelfth session, escalation check: 分级负责 (第四条) — the staff hand a case
/// to the department head (`manual-dept-head`), the head to the superior tax
/// authority (`manual-superior`; both assumed). Holding `escalate` with no
/// step named, the head took his staff's step, reporting a case to himself,
/// and the superior authority took the first step, handing a case down to the
/// head (or its own, reporting to itself). Now the superior's escalation is
/// refused and changes nothing, the head's reaches the superior, and the staff
/// still hand a case up. Fails on the old file (the superior's escalation was
/// recorded as `manual-dept-head`).
#[test]
fn s27_each_level_escalates_only_to_the_one_above() {
    let roster = roster(
        &[("ns", "纳税服务科", None), ("sj", "上级纳税服务处", None)],
        &[
            (
                "zy",
                "专职人员 钱专员",
                "ns",
                &["tax_service_staff"],
                Some("kz"),
            ),
            ("kz", "科长 孙科长", "ns", &["service_dept_head"], None),
            ("cz", "处长 李处长", "sj", &["superior_authority"], None),
        ],
    );
    let t0 = beijing(2026, 6, 15, 10, 0);
    let open = || {
        let mut s = Scenario::new(policy("tax-service-s27.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, "窗口人员使用不文明用语")
            .complainant(person("纳税人"))
            .category(cat("service_language"))
            .build()
            .unwrap();
        s.register("zy", "NS-E", c).unwrap();
        s.ok("zy", minutes(t0, 5), accept());
        s
    };
    let mut s = open();
    let refused = s
        .run("cz", minutes(t0, 10), escalate("上级自行接手"))
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
    assert!(steps_taken(&s).is_empty());
    s.ok("zy", minutes(t0, 20), escalate("报部门负责人"));
    s.ok("kz", minutes(t0, 30), escalate("报上级税务机关"));
    assert_eq!(steps_taken(&s), ["manual-dept-head", "manual-superior"]);

    let mut head_first = open();
    head_first.ok("kz", minutes(t0, 10), escalate("报上级税务机关"));
    assert_eq!(steps_taken(&head_first), ["manual-superior"]);
}

/// 第四条「分级负责」: each level hands a case only to the one above it. The
/// staff hold `escalate` for their own step to the department head
/// (`manual-dept-head`), but `manual-superior` — the head's step — named
/// nobody, so the staff could send a case past the head to the superior
/// authority, by name, or unnamed once the head had it; and once the head had
/// sent a case up, the staff's step, still open, handed it back down to him.
/// Now `manual-superior` is the head's (`by`) and `manual-dept-head` is closed
/// once the case went up (`not_after`, ruling 136): each refusal changes
/// nothing. The thirteenth audit (fails on the old file, where the staff's
/// named escalation to `manual-superior` was taken).
#[test]
fn s27_the_staff_do_not_pass_over_the_head_nor_take_the_case_back() {
    let roster = roster(
        &[("ns", "纳税服务科", None), ("sj", "上级纳税服务处", None)],
        &[
            (
                "zy",
                "专职人员 钱专员",
                "ns",
                &["tax_service_staff"],
                Some("kz"),
            ),
            ("kz", "科长 孙科长", "ns", &["service_dept_head"], None),
            ("cz", "处长 李处长", "sj", &["superior_authority"], None),
        ],
    );
    let t0 = beijing(2026, 6, 15, 10, 0);
    let open = |n: &str| {
        let mut s = Scenario::new(policy("tax-service-s27.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, "窗口人员使用不文明用语")
            .complainant(person("纳税人"))
            .category(cat("service_language"))
            .build()
            .unwrap();
        s.register("zy", n, c).unwrap();
        s.ok("zy", minutes(t0, 5), accept());
        s
    };
    // Past the head, by name: refused before and after the head has the case.
    let mut s = open("NS-F");
    let before = s.case().clone();
    let named = s
        .run(
            "zy",
            minutes(t0, 10),
            escalate_to("manual-superior", "直接报上级税务机关"),
        )
        .unwrap_err();
    assert_eq!(named.kind(), "grant_condition_unmet", "{named}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("zy", minutes(t0, 20), escalate("报部门负责人"));
    let before = s.case().clone();
    let unnamed = s
        .run("zy", minutes(t0, 30), escalate("再报上级"))
        .unwrap_err();
    assert!(
        matches!(&unnamed, Rejection::NoEscalationStep { accepted, .. } if accepted.is_empty()),
        "{unnamed}"
    );
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("kz", minutes(t0, 40), escalate("报上级税务机关"));
    assert_eq!(steps_taken(&s), ["manual-dept-head", "manual-superior"]);
    s.assert_replays();

    // The head sent it up first: the staff's step no longer hands it back down.
    let mut up = open("NS-G");
    up.ok("kz", minutes(t0, 10), escalate("报上级税务机关"));
    let before = up.case().clone();
    let back = up
        .run(
            "zy",
            minutes(t0, 20),
            escalate_to("manual-dept-head", "报部门负责人"),
        )
        .unwrap_err();
    assert_eq!(back.kind(), "grant_condition_unmet", "{back}");
    assert!(
        back.to_string().contains(
            "the escalation step manual-dept-head is not taken once the step manual-superior has been"
        ),
        "{back}"
    );
    assert_eq!(up.case(), &before, "the refusal changes nothing");
    assert_eq!(steps_taken(&up), ["manual-superior"]);
}

/// Two bureaus' tax-service departments (第四条「属地管理」), each with a staff
/// member under its head: 甲区 (zy, kz) and 乙区 (zy2, kz2).
fn two_bureaus() -> Roster {
    roster(
        &[
            ("ns", "甲区税务局纳税服务科", None),
            ("ns2", "乙区税务局纳税服务科", None),
        ],
        &[
            (
                "zy",
                "专职人员 钱专员",
                "ns",
                &["tax_service_staff"],
                Some("kz"),
            ),
            ("kz", "科长 孙科长", "ns", &["service_dept_head"], None),
            (
                "zy2",
                "专职人员 周专员",
                "ns2",
                &["tax_service_staff"],
                Some("kz2"),
            ),
            ("kz2", "科长 吴科长", "ns2", &["service_dept_head"], None),
        ],
    )
}

/// 第四条「属地管理、分级负责」 and 第七条「各级税务机关的纳税服务部门…负责纳税服务投诉的接收、受理、调查、处理、反馈等事项」:
/// a case the staff send to the tax-service department of the bureau where
/// it belongs, naming nobody there, is that department's to handle. The
/// handling clock fell back to the staff member who had acted on it — the
/// sender, whose bureau no longer has the case — and he was charged when the
/// receiving department let it run late. It is now the receiving
/// department's holder of the role (`holder` among `lead_department`, ruling
/// 75), then the staff member who acted. The thirteenth audit (fails on the
/// old file, which charged the sender).
#[test]
fn s27_a_case_sent_to_another_bureau_without_a_handler_is_that_bureaus() {
    let mut s = Scenario::new(policy("tax-service-s27.toml"), two_bureaus());
    // Mon 15 Jun 2026; 10 working days (Dragon Boat, Fri 19 Jun, off) end with Tue 30 Jun.
    let t0 = beijing(2026, 6, 15, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "乙区办税服务厅未一次性告知所需资料")
        .complainant(person("纳税人"))
        .category(cat("service_system_breach"))
        .build()
        .unwrap();
    s.register("zy", "NS-H", c).unwrap();
    s.ok("zy", minutes(t0, 5), accept());
    s.ok("zy", minutes(t0, 10), assign_department("ns2"));
    assert_eq!(due(&s, minutes(t0, 10), "handling"), "2026-07-01 00:00");
    s.tick(beijing(2026, 7, 2, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → zy2"]);
    s.assert_replays();
}

/// 第二条 (a taxpayer's complaint about the tax service is one level, 一般) and
/// the categories of 第九条–第十一条: 服务言行 (用语, 举止), 服务质效 (a missed
/// preference, a breach of the service system) and other rights.
#[test]
fn s27_one_level_and_the_categories_of_articles_nine_to_eleven() {
    let p = policy("tax-service-s27.toml");
    let tree: Vec<(String, Option<String>)> = p
        .categories
        .iter()
        .map(|c| (c.id.to_string(), c.parent.as_ref().map(ToString::to_string)))
        .collect();
    let tree: Vec<(&str, Option<&str>)> = tree
        .iter()
        .map(|(c, p)| (c.as_str(), p.as_deref()))
        .collect();
    assert_eq!(
        tree,
        [
            ("service_conduct", None),
            ("service_language", Some("service_conduct")),
            ("service_behaviour", Some("service_conduct")),
            ("service_effectiveness", None),
            ("missed_preference", Some("service_effectiveness")),
            ("service_system_breach", Some("service_effectiveness")),
            ("other_rights", None),
        ]
    );
    for category in ["service_language", "missed_preference", "other_rights"] {
        let c = about(
            beijing(2026, 3, 16, 9, 0),
            category,
            "窗口人员未一次性告知所需资料",
        )
        .complainant(person("纳税人"))
        .build()
        .unwrap();
        assert_eq!(classified(&p, &c).0, "general", "{category}");
    }
}

/// Ruling 133: the surviving articles have no 延期, 延长 or 顺延 (the time-limit
/// articles are lost, and the 10 working days are assumed), so `handling` is
/// not extended: the staff may not ask and the department head may not
/// grant, nothing is recorded, and the case is late when the days end. Fails
/// on the old file (the staff's request was recorded, and an extension the
/// head approved paused the clock).
#[test]
fn s27_the_handling_is_not_extended() {
    let roster = roster(
        &[("ns", "纳税服务科", None)],
        &[
            (
                "zy",
                "专职人员 钱专员",
                "ns",
                &["tax_service_staff"],
                Some("kz"),
            ),
            ("kz", "科长 孙科长", "ns", &["service_dept_head"], None),
        ],
    );
    let mut s = Scenario::new(policy("tax-service-s27.toml"), roster);
    let t0 = beijing(2026, 6, 15, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "窗口人员使用不文明用语")
        .complainant(person("纳税人"))
        .category(cat("service_language"))
        .build()
        .unwrap();
    s.register("zy", "NS-X", c).unwrap();
    s.ok("zy", minutes(t0, 5), accept());
    s.ok("zy", minutes(t0, 10), assign("ns", "zy"));
    s.ok("zy", minutes(t0, 30), investigate());
    assert_no_extension(&mut s, "zy", "kz", beijing(2026, 6, 22, 9, 0));
    // 10 working days (assumed) from Monday 15 June, 端午 (19 June) off: the end of 30 June.
    assert_eq!(due(&s, minutes(t0, 30), "handling"), "2026-07-01 00:00");
    s.tick(beijing(2026, 7, 10, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["handling@1 → zy"]);
}

/// 第四条「属地管理、分级负责」 and 第七条「各级税务机关的纳税服务部门…负责纳税服务投诉的接收、受理、调查、处理、反馈等事项」:
/// a case one bureau's tax-service department assigned is its own; another
/// bureau's staff neither answer it (ending its handler's `handling` clock),
/// take it by a transfer, report it up (using its one step to the head), nor
/// call back or close it once answered; nor does
/// another bureau's head close it abnormally or report it up. Reported to the head (分级负责), it stays with
/// the department's staff, who answer it (`holds_case`, ruling 121; the steps
/// take nothing over: the head and the superior authority may neither assign
/// nor answer). The fifteenth audit (fails on the old file, where the other
/// bureau's reply was accepted).
#[test]
fn s27_another_bureau_does_not_answer_a_bureaus_case() {
    let (mut s, t0) = a_case_jia_assigned();
    let unmet = |e: &Rejection| {
        matches!(e, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case")))
    };
    let before = s.case().clone();
    for kind in [
        reply("乙区：已核实，向您致歉"),
        transfer("ns2", "zy2", "乙区接手"),
        investigate(),
        escalate("乙区报部门负责人"),
    ] {
        let e = s.run("zy2", minutes(t0, 20), kind).unwrap_err();
        assert!(unmet(&e), "{e}");
    }
    // Nor does 乙区's head decide on it or report it up (as S34, ruling 139).
    for kind in [
        CommandKind::CloseAbnormally {
            reason: "乙区科长：诉求无法满足".into(),
        },
        escalate_to("manual-superior", "乙区科长上报"),
    ] {
        let e = s.run("kz2", minutes(t0, 25), kind).unwrap_err();
        assert!(unmet(&e), "{e}");
    }
    assert_eq!(s.case(), &before, "a refusal changes nothing");
    s.ok("zy", minutes(t0, 30), escalate("报部门负责人"));
    assert_eq!(steps_taken(&s), ["manual-dept-head"]);
    s.ok("zy", minutes(t0, 40), investigate());
    s.ok(
        "zy",
        minutes(t0, 60),
        reply("经核实，已对窗口人员批评教育，向您致歉"),
    );
    let answered = s.case().clone();
    for kind in [callback(Satisfaction::Satisfied, "乙区回访：满意"), close()] {
        let e = s.run("zy2", minutes(t0, 70), kind).unwrap_err();
        assert!(unmet(&e), "{e}");
    }
    assert_eq!(s.case(), &answered, "a refusal changes nothing");
    s.ok(
        "zy",
        minutes(t0, 80),
        callback(Satisfaction::Satisfied, "回访：满意"),
    );
    s.ok("zy", minutes(t0, 90), close());
    s.assert_replays();
}

/// A 纳税服务科 case `id` (a window that did not tell everything at once),
/// registered at 09:00 on Mon 2 Mar 2026 and accepted by the service staff
/// member `n1`; the roster also has a 征管科 member `z2` (`coordinating_dept`).
fn s27_window_case_accepted(id: &str) -> (Scenario, DateTime<Utc>) {
    let roster = roster(
        &[
            ("jg", "某区税务局", None),
            ("nf", "纳税服务科", Some("jg")),
            ("zs", "征收管理科", Some("jg")),
        ],
        &[
            ("n1", "纳服专职 欧阳", "nf", &["tax_service_staff"], None),
            ("z2", "征管科 马科员", "zs", &["coordinating_dept"], None),
        ],
    );
    let mut s = Scenario::new(policy("tax-service-s27.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Web, "窗口人员未一次性告知所需资料,往返三次")
        .complainant(Complainant::organization("某商贸有限公司").unwrap())
        .category(cat("service_system_breach"))
        .build()
        .unwrap();
    s.register("n1", id, c).unwrap();
    s.ok("n1", minutes(t0, 30), accept());
    (s, t0)
}

/// A 纳税服务科 case and a 征管科 member (`coordinating_dept`), accepted and
/// assigned to the service staff member `n1`, the 征管科 called in to it
/// (`co_handling`) or not.
fn s27_case_with_the_coordinating_dept(called_in: bool) -> (Scenario, DateTime<Utc>) {
    let (mut s, t0) = s27_window_case_accepted("NF-9");
    s.ok(
        "n1",
        minutes(t0, 40),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("nf"),
                handler: Some(sid("n1")),
                co_handling: if called_in { vec![did("zs")] } else { vec![] },
            },
        },
    );
    (s, t0)
}

/// 第七条「需要其他部门配合的,由纳税服务部门进行统筹协调」: another department cooperates
/// on a case the 纳税服务部门 called it in to. The old file gave `coordinating_dept`
/// `investigate` and `record_findings` outright, so a 征管科 member investigated and
/// recorded the findings of a case nobody called his department to (this test
/// fails on that file); now both are `holds_case = "co_handling"` (ruling 148).
#[test]
fn s27_a_department_not_called_in_does_not_investigate() {
    let (mut s, t0) = s27_case_with_the_coordinating_dept(false);
    refused_not_holding(&mut s, "z2", minutes(t0, 60), investigate());
    s.ok("n1", minutes(t0, 70), investigate());
    refused_not_holding(
        &mut s,
        "z2",
        minutes(t0, 80),
        findings(FaultParty::Us, "窗口人员未一次性告知"),
    );
    let (mut s, t0) = s27_case_with_the_coordinating_dept(true);
    s.ok("z2", minutes(t0, 60), investigate());
}

/// 第七条「纳税服务部门…负责纳税服务投诉的接收、受理、调查、处理、反馈等事项。需要其他部门配合的,
/// 由纳税服务部门进行统筹协调」 with 第五条「不得隐瞒、捏造、歪曲事实」: whether the taxpayer
/// fabricated the facts, which makes the complaint malicious, is the 纳税服务部门's
/// finding; the department called in to cooperate records its findings but no
/// fact (`facts = []`, ruling 150). The old file let it record `facts_fabricated`
/// (this test fails on that file); the service staff still do.
#[test]
fn s27_the_cooperating_department_records_no_fact() {
    let (mut s, t0) = s27_case_with_the_coordinating_dept(true);
    s.ok("z2", minutes(t0, 60), investigate());
    let fabricated = || CommandKind::RecordFacts {
        facts: [(fact("facts_fabricated"), yes())].into(),
    };
    let refused = s.run("z2", minutes(t0, 70), fabricated()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    s.ok("n1", minutes(t0, 75), fabricated());
    s.ok(
        "z2",
        minutes(t0, 80),
        findings(FaultParty::Us, "征管科核实情况"),
    );
    s.assert_replays();
}

/// Mon 15 Jun 2026: a case 甲区's staff member `zy` registered, accepted and
/// assigned to himself, among `two_bureaus`.
fn a_case_jia_assigned() -> (Scenario, DateTime<Utc>) {
    let mut s = Scenario::new(policy("tax-service-s27.toml"), two_bureaus());
    let t0 = beijing(2026, 6, 15, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "甲区办税服务厅未落实首问责任")
        .complainant(person("纳税人"))
        .category(cat("service_system_breach"))
        .build()
        .unwrap();
    s.register("zy", "NS-J", c).unwrap();
    s.ok("zy", minutes(t0, 5), accept());
    s.ok("zy", minutes(t0, 10), assign("ns", "zy"));
    (s, t0)
}

/// 第四条「属地管理」 and 第七条「各级税务机关的纳税服务部门…负责纳税服务投诉的接收、受理、调查、
/// 处理、反馈等事项」: a case one bureau assigned is its own, so the taxpayer's
/// withdrawal is recorded there too. The old file left `withdraw` outside the
/// staff's `holds_case` grant, so another bureau's staff member recorded it on
/// 甲区's assigned case, ending its handler's `handling` clock (this test fails
/// on that file); now it is refused and 甲区 records it.
#[test]
fn s27_another_bureau_does_not_record_a_withdrawal() {
    let (mut s, t0) = a_case_jia_assigned();
    refused_not_holding(
        &mut s,
        "zy2",
        minutes(t0, 20),
        CommandKind::Withdraw { reason: None },
    );
    s.ok(
        "zy",
        minutes(t0, 30),
        CommandKind::Withdraw { reason: None },
    );
    s.assert_replays();
}

/// 第六条「并应当对投诉人信息保密」 with 第四条「属地管理」: the complainant of a case
/// one bureau handles is kept from another bureau. The staff and the head
/// held `view_confidential` on every case, so 乙区's staff member and head saw
/// who complained of 甲区 (this test fails on that file); they now see only a
/// case with their department (`holds_case = "received"`, ruling 151), and
/// 甲区's head still sees his.
#[test]
fn s27_another_bureau_does_not_see_a_bureaus_complainant() {
    let (s, t0) = a_case_jia_assigned();
    let ctx = s.rt.ctx(&s.roster, minutes(t0, 20));
    assert!(s.case().complaint.flags.confidential);
    assert!(can_view(&sid("kz"), s.case(), &ctx), "甲区's head");
    for other in ["zy2", "kz2"] {
        assert!(!can_view(&sid(other), s.case(), &ctx), "{other}");
    }
}

/// 第四条「纳税服务投诉管理工作遵循依法公正、规范高效、属地管理、分级负责的原则」 and 第七条
/// 「各级税务机关的纳税服务部门…负责纳税服务投诉的接收、受理、调查、处理、反馈等事项」: a
/// complaint 甲区's staff member received is 甲区's until it is handed on. The
/// staff's acceptance was ungranted and their other acts, like the head's
/// decisions, held under `holds_case = true`, under which a case nobody was
/// handed is anyone's: 乙区's staff member accepted, and answered, a complaint
/// 甲区 had received, and 乙区's head closed it abnormally (this test fails on
/// that file). Now `"received"` (ruling 151): refused changing nothing; 甲区
/// accepts and answers. The twentieth audit.
#[test]
fn s27_another_bureau_does_not_take_a_complaint_not_handed_on() {
    let mut s = Scenario::new(policy("tax-service-s27.toml"), two_bureaus());
    let t0 = beijing(2026, 6, 16, 10, 0); // Tuesday
    let c = Complaint::builder(t0, Channel::Phone, "甲区办税服务厅未一次性告知")
        .complainant(person("纳税人"))
        .category(cat("service_system_breach"))
        .first_responder(sid("zy"))
        .build()
        .unwrap();
    s.register("zy", "NS-R", c).unwrap();
    let before = s.case().clone();
    refused_not_holding(&mut s, "zy2", minutes(t0, 5), accept());
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("zy", minutes(t0, 10), accept());
    let before = s.case().clone();
    refused_not_holding(&mut s, "zy2", minutes(t0, 20), reply("乙区：已核实并答复"));
    refused_not_holding(
        &mut s,
        "kz2",
        minutes(t0, 25),
        CommandKind::CloseAbnormally {
            reason: "乙区科长：诉求无法满足".into(),
        },
    );
    assert_eq!(s.case(), &before, "the refusals change nothing");
    s.ok("zy", minutes(t0, 30), reply("甲区：已核实并答复"));
    s.assert_replays();
}

/// 第四条「属地管理、分级负责」 and 第六条「并应当对投诉人信息保密」: the 上级税务机关 is the
/// level above its own bureaus. It held `view_confidential` (and its decisions) on
/// every case, so the superior of another line saw who complained of a case 甲区
/// had assigned (this test fails on that file); now `holds_case = "in_line"`
/// (ruling 149): 甲区's superior, above it, sees the complainant; the other does
/// not. The twentieth audit.
#[test]
fn s27_a_superior_sees_only_its_own_bureaus_complainant() {
    let (mut s, t0) = two_superiors_jia_received("NS-S");
    s.ok("zy", minutes(t0, 5), accept());
    s.ok("zy", minutes(t0, 10), assign("ns", "zy"));
    assert_only_jias_superior_sees(&s, minutes(t0, 20));
}

/// 甲区's tax-service department under 甲市's 处 (its 上级税务机关, cz) and 乙市's 处
/// beside them (cz2): a complaint 甲区's staff member `zy` received (its first
/// responder) on Wed 17 Jun 2026, registered as `id`.
fn two_superiors_jia_received(id: &str) -> (Scenario, DateTime<Utc>) {
    let roster = roster(
        &[
            ("sj", "甲市税务局纳税服务处", None),
            ("ns", "甲区税务局纳税服务科", Some("sj")),
            ("sj2", "乙市税务局纳税服务处", None),
        ],
        &[
            ("zy", "专职人员 钱专员", "ns", &["tax_service_staff"], None),
            ("cz", "甲市 处长", "sj", &["superior_authority"], None),
            ("cz2", "乙市 处长", "sj2", &["superior_authority"], None),
        ],
    );
    let mut s = Scenario::new(policy("tax-service-s27.toml"), roster);
    let t0 = beijing(2026, 6, 17, 10, 0); // Wednesday
    let c = Complaint::builder(t0, Channel::Phone, "甲区办税服务厅未落实限时办结")
        .complainant(person("纳税人"))
        .category(cat("service_system_breach"))
        .first_responder(sid("zy"))
        .build()
        .unwrap();
    s.register("zy", id, c).unwrap();
    (s, t0)
}

/// 甲市's superior sees the complainant of the case at `at`; 乙市's does not.
fn assert_only_jias_superior_sees(s: &Scenario, at: DateTime<Utc>) {
    let ctx = s.rt.ctx(&s.roster, at);
    assert!(s.case().complaint.flags.confidential);
    assert!(can_view(&sid("cz"), s.case(), &ctx), "甲市's superior");
    assert!(!can_view(&sid("cz2"), s.case(), &ctx), "乙市's superior");
}

/// Twenty-second session, language (ruling 170): 第四条「属地管理、
/// 分级负责」 and 第六条「并应当对投诉人信息保密」 keep the complainant of a complaint 甲区
/// received and has not handed on from the superior of another line too. Under
/// `"in_line"` alone a case nobody was handed is anyone's, so 乙市's superior saw who
/// complained of 甲区 before its assignment (fails on the old file); now
/// `["received_in_line", "in_line"]`: before a hand-over the line of the bureau
/// that received it (甲区, 甲市 above it), after one the lead's.
#[test]
fn s27_a_superior_sees_no_other_lines_complainant_before_a_hand_over() {
    let (mut s, t0) = two_superiors_jia_received("NS-L");
    assert_only_jias_superior_sees(&s, minutes(t0, 2));
    s.ok("zy", minutes(t0, 5), accept());
    assert_only_jias_superior_sees(&s, minutes(t0, 6));
}

/// 第七条「各级税务机关的纳税服务部门…负责纳税服务投诉的接收、受理、调查、处理、反馈等事项」
/// (twenty-first audit): the head's abnormal closure (assumed: the surviving articles
/// have none) ends only a complaint answered. He closed one at any stage: accepted and
/// not investigated, it ended `handling` with no 调查 or 反馈 (fails on the old file: the
/// closure was accepted). Now refused; answered, it is his to end.
#[test]
fn s27_the_head_closes_abnormally_only_an_answered_complaint() {
    let mut s = Scenario::new(policy("tax-service-s27.toml"), two_bureaus());
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Web, "办税服务厅窗口人员态度生硬")
        .complainant(Complainant::organization("某商贸有限公司").unwrap())
        .category(cat("service_behaviour"))
        .first_responder(sid("zy"))
        .build()
        .unwrap();
    s.register("zy", "NS-A", c).unwrap();
    s.ok("zy", minutes(t0, 10), accept());
    let abnormal = || CommandKind::CloseAbnormally {
        reason: "纳税人诉求无法满足".into(),
    };
    assert!(matches!(
        s.run("kz", minutes(t0, 20), abnormal()),
        Err(Rejection::GrantConditionUnmet { .. })
    ));
    s.ok("zy", minutes(t0, 30), assign("ns", "zy"));
    s.ok("zy", minutes(t0, 40), investigate());
    s.ok(
        "zy",
        minutes(t0, 60),
        reply("经核实,已对窗口人员批评教育,向您致歉"),
    );
    s.ok("kz", minutes(t0, 90), abnormal());
    s.assert_replays();
}

/// 第七条「负责纳税服务投诉的接收、受理、调查、处理、反馈等事项」 (twenty-third audit): the
/// 办法's surviving text has no 回访 and no 满意: the 反馈 ends the handling. The file had
/// no `[closure]`, so closing waited for a satisfied callback the 办法 never asks (ruling
/// 92). Now the 纳税服务科 closes its answered case on the answer. Fails on the old file:
/// the closing was refused.
#[test]
fn s27_an_answered_complaint_closes_without_a_callback() {
    let (mut s, t0) = s27_case_with_the_coordinating_dept(false);
    s.ok("n1", minutes(t0, 45), investigate());
    s.ok(
        "n1",
        minutes(t0, 60),
        reply("经核实，已对窗口人员批评教育，向您致歉"),
    );
    s.ok("n1", minutes(t0, 70), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    s.assert_replays();
}
