use super::*;

// ---------------------------------------------------------------------------
// S44 — 客户投诉处理制度 (汽车4S店)
// ---------------------------------------------------------------------------

#[test]
fn s44_auto_dealer_late_solution_over_dragon_boat() {
    let p = policy("auto-dealer-s44.toml");
    let roster = dealer_roster();
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 6, 18, 17, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "车牌粤B·7K2X9,昨日做完首保后发动机冷启动异响,怀疑机油加错",
    )
    .complainant(person("车主 骆先生"))
    .category(cat("repair_quality"))
    .build()
    .unwrap();
    s.register("gw", "4S-1", c).unwrap();
    s.ok("kj", minutes(t0, 10), accept());
    s.ok("kj", minutes(t0, 30), assign("fw", "fj"));
    // 一个工作日: 19–21 Jun are the Dragon Boat holiday → Mon 22 Jun.
    assert_eq!(due(&s, minutes(t0, 30), "solution"), "2026-06-23 00:00");
    s.ok(
        "fj",
        beijing(2026, 6, 22, 9, 0),
        CommandKind::StartInvestigation,
    );
    let late = s.tick(beijing(2026, 6, 23, 9, 0));
    assert!(
        breached(&late, "solution"),
        "no solution within one working day"
    );
    s.ok(
        "fj",
        beijing(2026, 6, 23, 10, 0),
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: oil_shares(),
            note: Some("技师误加0W-40机油,服务经理未复核工单".into()),
        },
    );
    s.ok(
        "fj",
        beijing(2026, 6, 23, 11, 0),
        propose(
            vec![
                rem(RemedyKind::Repair),
                rem_amt(RemedyKind::Compensation, "800"),
                rem(RemedyKind::Apology),
            ],
            "免费更换机油机滤并赠送一次保养(折800元)",
        ),
    );
    // 「投诉解决办法经总经理同意后」: only the general manager approves.
    s.ok("zj", beijing(2026, 6, 23, 14, 0), CommandKind::Approve);
    s.ok(
        "kj",
        beijing(2026, 6, 23, 15, 0),
        reply("已免费更换机油机滤,赠送一次保养"),
    );
    s.ok(
        "gw",
        beijing(2026, 6, 25, 10, 0),
        callback(Satisfaction::Satisfied, "车主满意"),
    );
    s.ok("gw", beijing(2026, 6, 25, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s44_auto_dealer", timeline(&s.events));

    june_fines_scaled_by_the_loss(&s);
}

/// June: the delay fine (罚则 2, assumed 100 元) to the 受理责任人, and the
/// fine scaled by the 800 元 loss (罚则 1, assumed 10 % with a 100 元
/// minimum: 80 → 100) shared by the technician and the service manager.
fn june_fines_scaled_by_the_loss(s: &Scenario) {
    let facts = PenaltyFacts {
        breaches: s.breaches(),
        losses: vec![Loss {
            case: case_id("4S-1"),
            amount: Decimal::from(800),
            responsible: Responsible::Parties(oil_shares()),
        }],
        ..PenaltyFacts::new("2026-06".parse().unwrap())
    };
    insta::assert_snapshot!("s44_auto_dealer_statements", statement_markdown(s, &facts));
    let result = compute(s, &facts);
    let loss_lines = |staff: &str| -> Vec<(String, String)> {
        result
            .statements
            .iter()
            .filter(|st| st.staff.as_str() == staff)
            .flat_map(|st| &st.lines)
            .filter(|l| l.rule.starts_with("loss"))
            .map(|l| (l.rule.to_string(), l.amount.to_plain_string()))
            .collect()
    };
    assert_eq!(
        loss_lines("js"),
        [("loss_fine.4S-1".to_owned(), "70.00".to_owned())]
    );
    assert_eq!(
        loss_lines("fj"),
        [("loss_fine.4S-1".to_owned(), "30.00".to_owned())]
    );
}

/// The dealer's relations desk, service department and general manager,
/// each with a salary base for the fines.
fn dealer_roster() -> Roster {
    paid_roster(
        &[
            ("kg", "客户关系部", None),
            ("fw", "售后服务部", None),
            ("zjb", "总经理室", None),
        ],
        &[
            (
                "gw",
                "客户关系顾问 小苗",
                "kg",
                &["cr_advisor"],
                Some("kj"),
                6,
                "1500",
            ),
            (
                "kj",
                "客户关系经理 韩经理",
                "kg",
                &["cr_manager"],
                None,
                10,
                "3000",
            ),
            (
                "fj",
                "服务经理 戴经理",
                "fw",
                &["dept_manager"],
                None,
                12,
                "4000",
            ),
            (
                "js",
                "机修技师 车师傅",
                "fw",
                &["dept_manager"],
                Some("fj"),
                8,
                "2500",
            ),
            (
                "zj",
                "总经理 季总",
                "zjb",
                &["general_manager"],
                None,
                20,
                "10000",
            ),
        ],
    )
}

/// The technician who added the wrong oil 70 %, the manager who did not check 30 %.
fn oil_shares() -> Vec<Responsibility> {
    vec![
        Responsibility {
            party: ResponsibleParty::Staff(sid("js")),
            share: Decimal::from(70),
        },
        Responsibility {
            party: ResponsibleParty::Staff(sid("fj")),
            share: Decimal::from(30),
        },
    ]
}

/// 重大客户投诉 (no criteria in the source; assumed: safety, the media, a claim of
/// 50,000 or more) 「并立即召紧急会议」: the 客户关系经理 calls the meeting, the
/// department manager and the 总经理 are told and the case stays with the
/// 受理责任人 (`emergency-meeting`). 「判定客户投诉理由是否充分,投诉要求是否合理」: not enough grounds or an
/// unreasonable demand → invalid.
#[test]
fn s44_major_complaint_calls_the_emergency_meeting() {
    let p = policy("auto-dealer-s44.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let claim = |amount: &str| {
        about(t0, "repair_quality", "保养后变速箱损坏,要求赔偿")
            .request(rem_amt(RemedyKind::Compensation, amount))
            .build()
            .unwrap()
    };
    assert_eq!(classified(&p, &claim("49999.99")), ("general".into(), None));
    assert_eq!(
        classified(&p, &claim("50000")),
        ("major".into(), Some("major".into()))
    );
    for ground in ["grounds_insufficient", "demand_unreasonable"] {
        let c = about(t0, "sales_contract", "要求退还购置税")
            .fact(fact(ground), yes())
            .build()
            .unwrap();
        assert_eq!(
            judged(&p, &c),
            ("invalid".into(), Some("unfounded".into())),
            "{ground}"
        );
    }
    let roster = roster(
        &[
            ("kg", "客户关系部", None),
            ("sh", "售后服务部", None),
            ("zj", "总经理室", None),
        ],
        &[
            ("gw", "客户关系顾问", "kg", &["cr_advisor"], None),
            ("km", "客户关系经理", "kg", &["cr_manager"], None),
            ("dm", "售后服务部经理", "sh", &["dept_manager"], None),
            ("gm", "总经理", "zj", &["general_manager"], None),
        ],
    );
    let steps = |c: Complaint| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        s.register("gw", "QC-4", c).unwrap();
        s.ok("km", minutes(t0, 5), accept());
        s.ok("km", minutes(t0, 10), escalate("上报"));
        steps_notified(&s)
    };
    assert_eq!(
        steps(claim("80000")),
        ["emergency-meeting → dept_manager, general_manager"]
    );
}

/// 重大 2「客户关系经理将投诉内容迅速传递给责任部门经理、总经理,并立即召紧急会议」: the
/// report is due within the hour (assumed) and only the meeting step stops it; before
/// the 客户关系经理 acts, the 客户关系顾问 who recorded it answers for it (assumed).
/// 「判定投诉性质和类别及受理责任人」: the 顾问 names the 受理责任人. The meeting leaves the
/// case with the 受理责任人, so a late solution is still his, and 罚则 2 fines only
/// that delay (the report clock is assumed and carries no fine).
#[test]
fn s44_major_report_late_and_only_the_handlers_delay_is_fined() {
    let p = policy("auto-dealer-s44.toml");
    let roster = paid_roster(
        &[
            ("kg", "客户关系部", None),
            ("xs", "销售部", None),
            ("zjb", "总经理室", None),
        ],
        &[
            (
                "gw",
                "客户关系顾问 小苗",
                "kg",
                &["cr_advisor"],
                Some("kj"),
                6,
                "1500",
            ),
            (
                "kj",
                "客户关系经理 韩经理",
                "kg",
                &["cr_manager"],
                None,
                10,
                "3000",
            ),
            (
                "xj",
                "销售经理 钟经理",
                "xs",
                &["dept_manager"],
                None,
                12,
                "4000",
            ),
            (
                "zj",
                "总经理 季总",
                "zjb",
                &["general_manager"],
                None,
                20,
                "10000",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "新车交付三天即发现车门漆面修补痕迹,已发微博曝光",
    )
    .complainant(person("车主 卜女士"))
    .category(cat("sales_contract"))
    .flags(ComplaintFlags {
        media_exposure: true,
        ..ComplaintFlags::default()
    })
    .build()
    .unwrap();
    s.register("gw", "4S-M", c).unwrap();
    assert_eq!(level_of(&s), "major");
    assert_eq!(due(&s, t0, "emergency_report"), "2026-03-02 11:00");
    s.ok("gw", minutes(t0, 5), accept());
    s.ok("gw", minutes(t0, 10), assign("xs", "xj"));
    s.tick(minutes(t0, 70));
    s.ok("kj", minutes(t0, 80), escalate("重大投诉,召紧急会议"));
    assert_eq!(
        steps_notified(&s),
        ["emergency-meeting → dept_manager, general_manager"]
    );
    // One working day from Mon 2 March: the end of Tue 3 March.
    s.tick(beijing(2026, 3, 4, 9, 0));
    assert_eq!(
        breach_owners(&s),
        // The 客户关系经理's step, late though he had not acted yet (ruling 75).
        ["emergency_report@1 → kj", "solution@1 → xj"]
    );
    let facts = PenaltyFacts {
        breaches: s.breaches(),
        ..PenaltyFacts::new("2026-03".parse().unwrap())
    };
    let result = compute(&s, &facts);
    let fined: Vec<(String, String)> = result
        .statements
        .iter()
        .flat_map(|st| {
            st.lines
                .iter()
                .map(move |l| (st.staff.to_string(), l.amount.to_plain_string()))
        })
        .collect();
    assert_eq!(fined, [("xj".to_owned(), "200.00".to_owned())]);
}

/// 一般 4「投诉解决办法经总经理同意后,客户关系专员或客户关系经理迅速通知客户」: when the
/// 专员 took the case in and no 经理 acted on it, a late notice is the 专员's (before, it
/// was charged to nobody).
#[test]
fn s44_a_late_notice_without_the_manager_is_the_advisors() {
    let p = policy("auto-dealer-s44.toml");
    let roster = roster(
        &[
            ("kg", "客户关系部", None),
            ("fw", "售后服务部", None),
            ("zjb", "总经理室", None),
        ],
        &[
            ("gw", "客户关系专员 小苗", "kg", &["cr_advisor"], None),
            ("fj", "服务经理 戴经理", "fw", &["dept_manager"], None),
            ("zj", "总经理 季总", "zjb", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "保养预约时间被无故取消")
        .complainant(person("车主 蒲先生"))
        .category(cat("service_quality"))
        .build()
        .unwrap();
    s.register("gw", "4S-N", c).unwrap();
    s.ok("gw", minutes(t0, 5), accept());
    s.ok("gw", minutes(t0, 10), assign("fw", "fj"));
    s.ok("fj", minutes(t0, 60), investigate());
    s.ok(
        "fj",
        minutes(t0, 90),
        findings(FaultParty::Us, "预约系统排班错误"),
    );
    s.ok(
        "fj",
        minutes(t0, 100),
        propose(vec![rem(RemedyKind::Apology)], "致歉并优先安排"),
    );
    s.ok("zj", minutes(t0, 120), approve());
    // 4 hours (assumed) from 11:00: due at 15:00; nobody told the customer.
    s.tick(beijing(2026, 3, 2, 16, 0));
    assert_eq!(breach_owners(&s), ["inform_customer@1 → gw"]);
}

/// 「销售经理/服务经理。本部门的主要投诉受理人」: a case sent to the 销售部 with no
/// 受理责任人 named is its manager's, the department's main 受理人, once he acts
/// on it (`fallback_owner`); 罚则 2 fines 「投诉受理人」 only, so nobody else is
/// charged. Before, the late solution was charged to nobody. Fails on the
/// old file.
#[test]
fn s44_a_case_sent_to_a_department_without_a_handler_is_its_managers() {
    s44_sent_to_sales(true);
}

/// The same case with the 销售经理 not having acted on it yet: he is the
/// department's manager in the roster (`holder`, ruling 75) and answers all
/// the same. Before, the late solution was charged to nobody. Fails on the
/// old file.
#[test]
fn s44_a_case_the_manager_has_not_touched_is_still_his() {
    s44_sent_to_sales(false);
}

fn s44_sent_to_sales(acts: bool) {
    assert_eq!(s44_late_solution_at_sales(acts, false), ["solution@1 → xj"]);
}

/// 「销售经理/服务经理。本部门的主要投诉受理人」, 一般 2「确定具体的受理部门」: a case the
/// 客户关系顾问 sends to 销售部 after the 服务经理 put a note on it (thinking it a
/// repair) is the 销售经理's, who answers for its late solution; the 服务经理, whose
/// department was never given it, does not (`role_holding_case`, ruling 161).
/// Fails on the old file: `solution@1 → fj`.
#[test]
fn s44_a_note_by_the_other_departments_manager_does_not_make_him_answer() {
    assert_eq!(s44_late_solution_at_sales(false, true), ["solution@1 → xj"]);
}

/// Breach owners of a case sent to 销售部 naming nobody, left without a solution
/// past its working day; `acts`: the 销售经理 investigated it; `noted`: the
/// 服务经理 put a note on it before it was sent.
fn s44_late_solution_at_sales(acts: bool, noted: bool) -> Vec<String> {
    let roster = roster(
        &[
            ("kg", "客户关系部", None),
            ("xs", "销售部", None),
            ("fw", "售后服务部", None),
        ],
        &[
            ("gw", "客户关系顾问 小苗", "kg", &["cr_advisor"], None),
            ("xj", "销售经理 钟经理", "xs", &["dept_manager"], None),
            ("fj", "服务经理 戴经理", "fw", &["dept_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "提车时承诺的脚垫和贴膜没有兑现")
        .complainant(person("车主 卜先生"))
        .category(cat("sales_contract"))
        .build()
        .unwrap();
    s.register("gw", "4S-O", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("gw", minutes(t0, 5), accept());
    if noted {
        s.ok(
            "fj",
            minutes(t0, 7),
            note("服务经理: 不是维修问题,应由销售部处理"),
        );
    }
    s.ok("gw", minutes(t0, 10), assign_department("xs"));
    if acts {
        s.ok("xj", minutes(t0, 60), investigate());
    }
    // One working day from Mon 2 March: the end of Tue 3 March.
    s.tick(beijing(2026, 3, 4, 9, 0));
    breach_owners(&s)
}

/// 一般 4「投诉解决办法经总经理同意后,客户关系专员或客户关系经理迅速通知客户」: in an
/// ordinary case the 受理责任人 does not answer the customer himself (his reply
/// stopped `inform_customer` in the 客户关系 staff's place); in a 重大 case he
/// does, with the 客户关系经理 (重大 3「由业务部门经理和客户关系经理出面与客户协商解决」).
/// Fails on the old file (his reply in the ordinary case was accepted).
#[test]
fn s44_the_relations_staff_inform_the_customer_of_an_ordinary_case() {
    let roster = roster(
        &[
            ("kg", "客户关系部", None),
            ("fw", "售后服务部", None),
            ("zjb", "总经理室", None),
        ],
        &[
            ("km", "客户关系经理 冼经理", "kg", &["cr_manager"], None),
            ("fj", "服务经理 戴经理", "fw", &["dept_manager"], None),
            ("zj", "总经理 季总", "zjb", &["general_manager"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 9, 0);
    let run = |c: Complaint, case: &str| {
        let mut s = Scenario::new(policy("auto-dealer-s44.toml"), roster.clone());
        s.register("km", case, c).unwrap();
        s.ok("km", minutes(t0, 5), accept());
        s.ok("km", minutes(t0, 10), assign("fw", "fj"));
        s.ok("fj", minutes(t0, 60), investigate());
        s.ok(
            "fj",
            minutes(t0, 90),
            findings(FaultParty::Us, "维修质量问题"),
        );
        s.ok(
            "fj",
            minutes(t0, 100),
            propose(vec![rem(RemedyKind::Repair)], "免费返修"),
        );
        s.ok("zj", minutes(t0, 120), approve());
        s
    };
    let mut s = run(
        Complaint::builder(t0, Channel::Phone, "空调维修后仍不制冷")
            .category(cat("repair_quality"))
            .build()
            .unwrap(),
        "4S-R",
    );
    assert!(matches!(
        s.run("fj", minutes(t0, 130), reply("已安排免费返修")),
        Err(Rejection::GrantConditionUnmet { .. })
    ));
    s.ok("km", minutes(t0, 140), reply("已安排免费返修"));

    let mut m = run(
        Complaint::builder(t0, Channel::Phone, "刹车维修后失灵,险些发生事故")
            .category(cat("repair_quality"))
            .flags(ComplaintFlags {
                injury_or_safety: true,
                ..ComplaintFlags::default()
            })
            .build()
            .unwrap(),
        "4S-S",
    );
    assert_eq!(level_of(&m), "major");
    m.ok("fj", minutes(t0, 130), reply("经与客户协商,免费返修并赔偿"));
}

/// The source promises the customer no date: 一般 4「客户关系专员或客户关系经理迅速通知
/// 客户」 and 重大 3「与客户协商解决」 agree a solution, not a time. The 客户关系 staff
/// held `set_agreed_deadline`, and a date they promised ran on a clock owned by the
/// handler alone (no milestone stops on `agreed_deadline_set`): set before the
/// 受理责任人 was named, it lapsed charged to nobody. Neither may promise one now
/// (refused as `not_permitted`; fails on the old file).
#[test]
fn s44_the_relations_staff_promise_no_date_the_source_lacks() {
    let roster = roster(
        &[("kg", "客户关系部", None)],
        &[
            ("gw", "客户关系顾问 小邝", "kg", &["cr_advisor"], Some("km")),
            ("km", "客户关系经理 冼经理", "kg", &["cr_manager"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 9, 0);
    for who in ["gw", "km"] {
        let mut s = Scenario::new(policy("auto-dealer-s44.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, "保养后机油灯常亮")
            .category(cat("repair_quality"))
            .build()
            .unwrap();
        s.register(who, "S44-D", c).unwrap();
        s.ok(who, minutes(t0, 5), accept());
        let promise = CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 4, 17, 0),
        };
        let refused = s.run(who, minutes(t0, 10), promise);
        assert!(
            matches!(refused, Err(Rejection::NotPermitted { .. })),
            "{who}: {refused:?}"
        );
    }
}

/// 一般 2「客户关系经理调查原因后判定投诉性质。首先确定客户投诉的类别;判定客户投诉理由是否
/// 充分,投诉要求是否合理,然后填写客户投诉处理表确定投诉处理责任。按照客户投诉内容分类,确定
/// 具体的受理部门」: the manager judges the grounds before he assigns, so he
/// records what he judged (`record_facts`) while the case is accepted; the
/// validity rules decide when the 受理责任人 records the findings, and the
/// manager's judgement counts (ruling 97). He records no findings, and no facts
/// once the department investigates. Fails on the old file, where facts could
/// be recorded only during the investigation, by the department.
#[test]
fn s44_the_manager_judges_the_grounds_before_assigning() {
    let roster = roster(
        &[("kg", "客户关系部", None), ("xs", "销售部", None)],
        &[
            ("km", "客户关系经理 冼经理", "kg", &["cr_manager"], None),
            ("gw", "客户关系顾问 小苗", "kg", &["cr_advisor"], None),
            ("xj", "销售经理 钟经理", "xs", &["dept_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "要求4S店承担购置税")
        .complainant(person("车主 卜先生"))
        .category(cat("sales_contract"))
        .build()
        .unwrap();
    s.register("gw", "4S-J", c).unwrap();
    s.ok("km", minutes(t0, 5), accept());
    s.ok(
        "km",
        minutes(t0, 20),
        CommandKind::RecordFacts {
            facts: [(fact("demand_unreasonable"), yes())].into(),
        },
    );
    // Before the assignment: his judgement, not findings.
    assert!(matches!(
        s.run(
            "km",
            minutes(t0, 30),
            findings(FaultParty::Customer, "要求不合理")
        ),
        Err(Rejection::InvalidTransition { .. })
    ));
    s.ok("km", minutes(t0, 40), assign("xs", "xj"));
    s.ok("xj", minutes(t0, 60), investigate());
    // Once the department investigates, the facts are its own to record.
    assert!(matches!(
        s.run(
            "km",
            minutes(t0, 70),
            CommandKind::RecordFacts {
                facts: [(fact("grounds_insufficient"), yes())].into(),
            },
        ),
        Err(Rejection::GrantConditionUnmet { .. })
    ));
    s.ok(
        "xj",
        minutes(t0, 90),
        findings(FaultParty::Customer, "购置税由车主承担,合同已约定"),
    );
    let f = s.case().findings.as_ref().unwrap();
    assert_eq!(f.validity, Validity::Invalid);
    assert_eq!(f.rule.as_ref().map(|r| r.as_str()), Some("unfounded"));
    s.assert_replays();
}

/// 一般 3「投诉受理责任人调查原因。…在一个工作日内提出解决办法」, and the 受理责任人 is
/// 「销售经理/服务经理。本部门的主要投诉受理人」: the 客户关系 staff name a 销售经理 or
/// 服务经理, never one of themselves or the 总经理, who may not propose the solution
/// and would be charged with its late day (罚则 2) for what they cannot do.
/// Fails on the old file, where either could name anyone.
#[test]
fn s44_the_relations_staff_name_only_a_department_manager() {
    let t0 = beijing(2026, 3, 2, 9, 0);
    for who in ["gw", "kj"] {
        let mut s = Scenario::new(policy("auto-dealer-s44.toml"), dealer_roster());
        let c = Complaint::builder(t0, Channel::Phone, "保养后机油灯常亮")
            .category(cat("repair_quality"))
            .build()
            .unwrap();
        s.register(who, "S44-H", c).unwrap();
        s.ok(who, minutes(t0, 5), accept());
        for (dept, to) in [("kg", "kj"), ("kg", "gw"), ("zjb", "zj")] {
            let before = (s.case().clone(), s.events.len());
            let refused = s.run(who, minutes(t0, 10), assign(dept, to)).unwrap_err();
            assert_eq!(
                refused.kind(),
                "hand_over_refused",
                "{who} → {to}: {refused}"
            );
            assert_eq!((s.case().clone(), s.events.len()), before);
        }
        s.ok(who, minutes(t0, 15), assign("fw", "fj"));
    }
}

/// 一般 3「投诉受理责任人调查原因。…在一个工作日内提出解决办法」 has no 延期: the source
/// gives more time nowhere, and 罚则 2 punishes 「不及时处理投诉造成延误的投诉受理人」. The
/// file let the 受理责任人 and the 客户关系经理 ask the 总经理 for an extension that
/// paused `solution`, with `approval.extension` and no clause. Fails on the old
/// file (the request was taken).
#[test]
fn s44_the_solution_day_is_not_extended() {
    let t0 = beijing(2026, 3, 2, 9, 0);
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), dealer_roster());
    let c = Complaint::builder(t0, Channel::Phone, "保养后机油灯常亮")
        .category(cat("repair_quality"))
        .build()
        .unwrap();
    s.register("kj", "S44-X", c).unwrap();
    s.ok("kj", minutes(t0, 5), accept());
    s.ok("kj", minutes(t0, 10), assign("fw", "fj"));
    s.ok("fj", minutes(t0, 30), investigate());
    for who in ["fj", "kj"] {
        let before = (s.case().clone(), s.events.len());
        let asked = s
            .run(
                who,
                minutes(t0, 60),
                CommandKind::RequestExtension {
                    reason: "待厂家技术支持".to_owned(),
                    until: None,
                },
            )
            .unwrap_err();
        assert!(
            matches!(asked, Rejection::NotPermitted { .. }),
            "{who}: {asked}"
        );
        assert_eq!((s.case().clone(), s.events.len()), before);
    }
    // The working day runs on to Tuesday's end, then breaches as the 受理责任人's.
    assert_eq!(due(&s, minutes(t0, 60), "solution"), "2026-03-04 00:00");
    s.tick(beijing(2026, 3, 4, 9, 0));
    assert_eq!(breach_owners(&s), ["solution@1 → fj"]);
}

/// 重大 2「客户关系经理将投诉内容迅速传递给责任部门经理、总经理,并立即召紧急会议」: the report and
/// the meeting are the 客户关系经理's. The 总经理, who held `escalate` for his own
/// take-over (`manual-gm`), took the step `emergency-meeting` in the manager's
/// place on a 重大 case, and so stopped the manager's `emergency_report`. Now
/// only the 经理 takes it (`by`), and (twelfth audit) the 总经理 no longer
/// escalates at all; the manager's hour still runs. Failed on the old file
/// (the 总经理 took the meeting step).
#[test]
fn s44_only_the_relations_manager_calls_the_emergency_meeting() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let major = || {
        about(t0, "repair_quality", "保养后变速箱损坏,要求赔偿")
            .request(rem_amt(RemedyKind::Compensation, "80000"))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), dealer_roster());
    s.register("gw", "S44-E", major()).unwrap();
    s.ok("kj", minutes(t0, 5), accept());
    let before = (s.case().clone(), s.events.len());
    let refused = s
        .run(
            "zj",
            minutes(t0, 10),
            escalate_to("emergency-meeting", "上报"),
        )
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!((s.case().clone(), s.events.len()), before);
    assert!(steps_notified(&s).is_empty());
    s.tick(minutes(t0, 90));
    assert_eq!(breach_owners(&s), ["emergency_report@1 → kj"]);
}

/// An ordinary complaint registered by the 顾问 and accepted by the 客户关系经理
/// (`dealer_roster`), at 10:05 on Monday 2026-03-02.
fn s44_ordinary_case_accepted() -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), dealer_roster());
    let c = about(t0, "service_quality", "接待人员态度冷淡")
        .build()
        .unwrap();
    s.register("gw", "S44-G", c).unwrap();
    s.ok("kj", minutes(t0, 5), accept());
    (s, t0)
}

/// Twelfth audit: the source gives the 总经理 「投诉解决方案的批准」 and the
/// preventive measures, no take-over; his own escalation took `manual-gm`
/// (assumed), which brought the case to him, and reported the case to
/// himself. He no longer escalates. Fails on the old file (the 总经理's
/// escalation was recorded as `manual-gm`).
#[test]
fn s44_the_general_manager_does_not_escalate_to_himself() {
    let (mut s, t0) = s44_ordinary_case_accepted();
    let version = s.case().version;
    let refused = s
        .run("zj", minutes(t0, 10), escalate("总经理亲自处理"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
}

/// Fourteenth session: no step brings an ordinary case to the 总经理 by hand.
/// The 一般 flow (1–7) hands nothing up: he sees the solution to approve it
/// (一般 4「投诉解决办法经总经理同意后」), and in a 重大 case he is told and meets
/// (重大 2), the case staying with the 受理责任人. The assumed `manual-gm` took
/// an ordinary case over to him, who may neither propose a solution nor
/// answer; it is gone, so the 客户关系经理's escalation of an ordinary case is
/// refused and nothing is recorded. Fails on the old file (`manual-gm` was
/// taken).
#[test]
fn s44_nobody_hands_an_ordinary_case_to_the_general_manager() {
    let (mut s, t0) = s44_ordinary_case_accepted();
    let version = s.case().version;
    let refused = s
        .run("kj", minutes(t0, 15), escalate("报总经理"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NoEscalationStep { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    assert!(steps_taken(&s).is_empty());
}

/// 一般 4「投诉解决办法经总经理同意后,客户关系专员或客户关系经理迅速通知客户」: the 客户关系
/// staff tell the customer the solution once the 总经理 has agreed to it.
#[test]
fn s44_the_relations_staff_answer_only_after_the_general_manager_agrees() {
    let (mut s, t0) = s44_queue_case_proposed("S44-R");
    for who in ["gw", "kj"] {
        let version = s.case().version;
        assert!(
            s.run(who, minutes(t0, 110), reply("致歉并优先安排"))
                .is_err(),
            "{who} answered before the 总经理 agreed"
        );
        assert_eq!(s.case().version, version, "nothing recorded");
    }
    s.ok("zj", minutes(t0, 120), approve());
    s.ok("gw", minutes(t0, 130), reply("致歉并优先安排"));
}

/// Twelfth audit: 一般 2「客户关系经理调查原因后判定投诉性质」 — the 客户关系经理 judges
/// what kind of complaint it is (the 顾问 「判定投诉性质和类别」 too); the source
/// gives the 总经理 「投诉解决方案的批准」 and the preventive measures, no
/// judgement of the level. He held `reclassify`, with which he made an
/// ordinary case 重大 himself. The grant is gone; the 经理 reclassifies. Fails
/// on the old file (the 总经理's reclassification was taken).
#[test]
fn s44_the_general_manager_does_not_reclassify() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), dealer_roster());
    let c = about(t0, "repair_quality", "维修后发动机异响")
        .build()
        .unwrap();
    s.register("gw", "S44-C", c).unwrap();
    s.ok("kj", minutes(t0, 5), accept());
    assert_eq!(level_of(&s), "general");
    let version = s.case().version;
    let refused = s
        .run(
            "zj",
            minutes(t0, 10),
            classify_as("major", "总经理认定为重大"),
        )
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok(
        "kj",
        minutes(t0, 15),
        classify_as("major", "涉及安全,重大投诉"),
    );
    assert_eq!(level_of(&s), "major");
}

/// 一般 3「在一个工作日内提出解决办法」 missed: 罚则 2「对不及时处理投诉造成延误的投诉受理人
/// 进行责任处罚」 — the late solution is reported to the 总经理
/// (`gm-on-late-solution`) and the 受理责任人 fined (assumed 100 元), deducted up to
/// his whole monthly bonus (the cap, assumed 100 %: the source states none);
/// 一般 5「关心询问客户对处理结果的满意程度」 is the 客户关系 staff's, not the
/// 受理责任人's.
#[test]
fn s44_a_late_solution_goes_to_the_general_manager_and_the_callback_is_the_relations_staffs() {
    let roster = bonus_roster(
        &[
            ("kg", "客户关系部", None),
            ("fw", "售后服务部", None),
            ("zjb", "总经理室", None),
        ],
        &[
            (
                ("gw", "客户关系顾问 小苗", "kg", &["cr_advisor"], None),
                "1500",
            ),
            (
                ("km", "客户关系经理 冼经理", "kg", &["cr_manager"], None),
                "3000",
            ),
            (
                ("fj", "服务经理 戴经理", "fw", &["dept_manager"], None),
                "60",
            ),
            (
                ("zj", "总经理 季总", "zjb", &["general_manager"], None),
                "10000",
            ),
        ],
    );
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0); // a Monday
    let c = Complaint::builder(t0, Channel::Phone, "空调维修后仍不制冷")
        .complainant(person("车主 卜先生"))
        .category(cat("repair_quality"))
        .build()
        .unwrap();
    s.register("gw", "4S-L", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("gw", minutes(t0, 5), accept());
    s.ok("gw", minutes(t0, 10), assign("fw", "fj"));
    s.ok("fj", minutes(t0, 60), investigate());
    // One working day from Mon 2 March: the end of Tue 3 March.
    s.tick(beijing(2026, 3, 4, 9, 0));
    assert_eq!(breach_owners(&s), ["solution@1 → fj"]);
    assert_eq!(
        steps_notified(&s),
        ["gm-on-late-solution → general_manager"]
    );
    let result = statements(&s, "2026-03", |_| {});
    let st = result
        .statements
        .iter()
        .find(|st| st.staff == sid("fj"))
        .unwrap();
    assert_eq!(
        (st.gross, st.cap_limit, st.deducted),
        (money("100"), money("60"), money("60"))
    );
    s.ok(
        "fj",
        beijing(2026, 3, 4, 10, 0),
        findings(FaultParty::Us, "冷媒加注不足"),
    );
    s.ok(
        "fj",
        beijing(2026, 3, 4, 10, 30),
        propose(vec![rem(RemedyKind::Repair)], "免费返修"),
    );
    s.ok("zj", beijing(2026, 3, 4, 11, 0), approve());
    s.ok("km", beijing(2026, 3, 4, 11, 30), reply("已安排免费返修"));
    let asked = callback(Satisfaction::Satisfied, "车主满意");
    let refused = s
        .run("fj", beijing(2026, 3, 6, 10, 0), asked.clone())
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
    s.ok("gw", beijing(2026, 3, 6, 10, 5), asked);
}

/// 一般 2「…确定投诉处理责任。按照客户投诉内容分类,确定具体的受理部门」: the 受理责任人 is
/// the manager of the department the case was given to. The 服务经理 may not
/// investigate, record findings on or propose the remedy for a case given to
/// the 销售部, whose manager does. Before (the act probe of 2026-11-28) his
/// proposal was taken, ending the 销售经理's `solution`. Fails on the old file.
#[test]
fn s44_only_the_department_given_the_case_works_on_it() {
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), sales_and_service_roster());
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "sales_contract", "提车时承诺的脚垫和贴膜没有兑现")
        .build()
        .unwrap();
    s.register("gw", "4S-H", c).unwrap();
    s.ok("gw", minutes(t0, 5), accept());
    s.ok("gw", minutes(t0, 10), assign("xs", "xj"));
    for kind in [
        investigate(),
        findings(FaultParty::Us, "服务部：交车漏项"),
        propose(vec![rem(RemedyKind::Replacement)], "服务部补装"),
    ] {
        refused_not_holding(&mut s, "fj", minutes(t0, 30), kind);
    }
    s.ok("xj", minutes(t0, 60), investigate());
    s.ok("xj", minutes(t0, 90), findings(FaultParty::Us, "交车漏项"));
}

/// An ordinary 服务质量 case registered by `gw` at 10:00 on Monday 2026-03-02,
/// sent to 售后服务部's 服务经理 `fj`, who investigates and proposes an apology
/// (+100 min), awaiting the 总经理's approval.
fn s44_queue_case_proposed(id: &str) -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), dealer_roster());
    let c = about(t0, "service_quality", "预约后到店仍需排队两小时")
        .build()
        .unwrap();
    s.register("gw", id, c).unwrap();
    s.ok("gw", minutes(t0, 5), accept());
    s.ok("gw", minutes(t0, 10), assign("fw", "fj"));
    s.ok("fj", minutes(t0, 60), investigate());
    s.ok(
        "fj",
        minutes(t0, 90),
        findings(FaultParty::Us, "预约系统排班错误"),
    );
    s.ok(
        "fj",
        minutes(t0, 100),
        propose(vec![rem(RemedyKind::Apology)], "致歉并优先安排"),
    );
    (s, t0)
}

/// 一般 3「在一个工作日内提出解决办法」, 4「投诉解决办法经总经理同意后,客户关系专员或客户关系
/// 经理迅速通知客户」, 罚则 2「对不及时处理投诉造成延误的投诉受理人进行责任处罚」: the 制度 has
/// no 非正常结案 and every case is solved and answered. The 总经理's abnormal closure
/// (assumed) ends only an answered case whose customer stays unsatisfied: refused
/// as `grant_condition_unmet` on a case accepted and not yet solved, nothing
/// changes, and taken once the customer, told the solution, is unsatisfied. Fails
/// on the old file, where he closed the case just accepted (twenty-first audit).
#[test]
fn s44_the_general_manager_closes_abnormally_only_an_answered_case() {
    let closing = || CommandKind::CloseAbnormally {
        reason: "客户拒绝解决办法,总经理结案".to_owned(),
    };
    let (mut s, t0) = s44_ordinary_case_accepted();
    let before = s.case().clone();
    let e = s.refused("zj", minutes(t0, 30), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    let (mut s, t0) = s44_queue_case_proposed("S44-AB");
    s.ok("zj", minutes(t0, 120), approve());
    s.ok("gw", minutes(t0, 130), reply("致歉并优先安排"));
    s.ok(
        "gw",
        minutes(t0, 200),
        callback(Satisfaction::Unsatisfied, "客户要求赔偿误工费"),
    );
    s.ok("zj", minutes(t0, 240), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// The 客户关系顾问 `gw`, the 销售经理 `xj` (销售部) and the 服务经理 `fj` (售后服务部).
fn sales_and_service_roster() -> Roster {
    roster(
        &[
            ("kg", "客户关系部", None),
            ("xs", "销售部", None),
            ("fw", "售后服务部", None),
        ],
        &[
            ("gw", "客户关系顾问 小苗", "kg", &["cr_advisor"], None),
            ("xj", "销售经理 钟经理", "xs", &["dept_manager"], None),
            ("fj", "服务经理 戴经理", "fw", &["dept_manager"], None),
        ],
    )
}

/// 一般 2「按照客户投诉内容分类,确定具体的受理部门」, 重大 2「客户关系经理将投诉内容迅速传递给
/// 责任部门经理」, 3「拟订解决办法后由业务部门经理和客户关系经理出面与客户协商解决」: the
/// 销售经理 or 服务经理 answers a 重大 case, and works on one, once it was given to
/// his department, not before: a 重大 case the 客户关系 staff have not passed on
/// is neither manager's. Fails on the old file (`holds_case = true`: before any
/// hand-over the case was anyone's, so the 销售经理 answered a 重大 case nobody
/// gave him; twenty-third audit).
#[test]
fn s44_a_manager_acts_only_on_a_case_given_to_his_department() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("auto-dealer-s44.toml"), sales_and_service_roster());
    let c = about(t0, "sales_contract", "新车交付后发现是事故修复车,要求退车")
        .request(rem_amt(RemedyKind::Compensation, "80000"))
        .build()
        .unwrap();
    s.register("gw", "4S-M", c).unwrap();
    s.ok("gw", minutes(t0, 5), accept());
    assert_eq!(level_of(&s), "major");
    refused_not_holding(&mut s, "xj", minutes(t0, 8), reply("同意退车"));
    s.ok("gw", minutes(t0, 10), assign("xs", "xj"));
    refused_not_holding(&mut s, "fj", minutes(t0, 20), investigate());
    s.ok("xj", minutes(t0, 30), investigate());
}
