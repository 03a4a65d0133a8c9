use super::*;

/// A report naming the clock it answers (`named_actions`, ruling 29).
fn s40_report(milestone: &str, note: &str) -> CommandKind {
    CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: Some(note.into()),
        milestone: Some(tousu_policy::MilestoneId::new(milestone).unwrap()),
    }
}

// ---------------------------------------------------------------------------
// S40 — 客诉处理办法 (国内十五天国外二十天)
// ---------------------------------------------------------------------------

#[test]
fn s40_factory_foreign_claim_authority_and_reopen() {
    let p = policy("factory-claims-s40.toml");
    let roster = s40_roster();
    let mut s = Scenario::new(p, roster);
    s40_first_round(&mut s);
    s40_second_round(&mut s);
    s.assert_replays();
    insta::assert_snapshot!("s40_factory_claim", timeline(&s.events));

    s40_january_statements(&s);
}

/// S40's roster: the 业务部, the 总经理室, the 质量管理部 and the 制造部, with base points and bonuses.
fn s40_roster() -> Roster {
    paid_roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
            ("zz", "制造部", None),
        ],
        &[
            (
                "y1",
                "业务员 高先生",
                "yw",
                &["sales_dept"],
                Some("yj"),
                10,
                "3000",
            ),
            (
                "yj",
                "业务部经理 邵经理",
                "yw",
                &["sales_manager"],
                None,
                14,
                "5000",
            ),
            (
                "sc",
                "生产管理组 景专员",
                "zjs",
                &["production_mgmt"],
                None,
                10,
                "3000",
            ),
            (
                "q1",
                "质量管理部 柯工",
                "pg",
                &["quality_dept"],
                None,
                12,
                "4000",
            ),
            (
                "z1",
                "制造部 机班长 郝师傅",
                "zz",
                &["manufacturing"],
                None,
                8,
                "2000",
            ),
            (
                "z2",
                "制造部 操作员 甘师傅",
                "zz",
                &["manufacturing"],
                None,
                6,
                "1500",
            ),
            (
                "fz",
                "副总经理 顾总",
                "zjs",
                &["deputy_gm"],
                None,
                20,
                "8000",
            ),
            (
                "zj",
                "总经理 黎总",
                "zjs",
                &["general_manager"],
                None,
                30,
                "12000",
            ),
        ],
    )
}

/// The claim's shares: the 制造部 70 %, the 业务员 30 %.
fn s40_shares() -> Vec<Responsibility> {
    vec![
        Responsibility {
            party: ResponsibleParty::Department(did("zz")),
            share: Decimal::from(70),
        },
        Responsibility {
            party: ResponsibleParty::Staff(sid("y1")),
            share: Decimal::from(30),
        },
    ]
}

/// The first round: the foreign claim accepted, investigated, reported, decided beyond the 业务部经理 and refused by the customer.
fn s40_first_round(s: &mut Scenario) {
    let t0 = beijing(2025, 12, 18, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Email,
        "越南客户反映:订单PO-2511-087 冲压件料号 ST-4410 批量尺寸超差,影响装配",
    )
    .complainant(Complainant::organization("越南某电子厂").unwrap())
    .category(cat("quality_abnormality"))
    .fact(fact("foreign_customer"), yes())
    .product(ProductData {
        order_no: Some("PO-2511-087".into()),
        part_no: Some("ST-4410".into()),
        delivery_date: Some(date(2025, 12, 5)),
        quantity: Some(50_000),
        defective_quantity: Some(3_200),
        ..ProductData::default()
    })
    .request(rem_amt(RemedyKind::Compensation, "38000"))
    .build()
    .unwrap();
    s.register("y1", "KS-2512-01", c).unwrap();
    // 自总经理室受理起国外二十天: accepted Fri 19 Dec → 8 Jan 2026.
    s.ok("sc", beijing(2025, 12, 19, 9, 0), accept());
    assert_eq!(
        due(s, beijing(2025, 12, 19, 9, 0), "closure"),
        "2026-01-09 00:00"
    );
    s.ok("sc", beijing(2025, 12, 19, 9, 30), assign("pg", "q1"));
    s.ok(
        "q1",
        beijing(2025, 12, 22, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "sc",
        beijing(2025, 12, 29, 17, 0),
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: s40_shares(),
            note: Some(
                "质量异常:模具磨损未及时更换(制造部70%);业务员未将客户特殊公差要求反映给工厂(30%)"
                    .into(),
            ),
        },
    );
    // 调查处理后三天内提出报告: 1 Jan is a holiday → Sun 4 Jan 2026 (a make-up working day).
    assert_eq!(
        due(s, beijing(2025, 12, 29, 17, 0), "investigation_report"),
        "2026-01-05 00:00"
    );
    // 第九条(二): the 质量管理部's report to the 总经理, naming its clock.
    s.ok(
        "q1",
        beijing(2025, 12, 30, 10, 0),
        s40_report("investigation_report", "客诉调查报告呈总经理批示"),
    );
    // 第九条(四)(五): the 业务部 returns the form with the 交涉结果, and the 生产管理组's
    // day runs from it.
    s.ok(
        "y1",
        beijing(2025, 12, 31, 10, 0),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "38000")],
            "同意赔偿客户挑选及返工费用38,000元",
        ),
    );
    // 核决权限: 38,000 元 is beyond the 业务部经理 (5,000, assumed); the 副总经理 decides.
    let err = s
        .run("yj", beijing(2025, 12, 31, 15, 0), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&err, Rejection::OutOfAuthority { required_role, .. } if required_role.as_str() == "deputy_gm"),
        "{err}"
    );
    s.ok("fz", beijing(2026, 1, 4, 10, 0), CommandKind::Approve);
    s.ok(
        "y1",
        beijing(2026, 1, 5, 10, 0),
        reply("我司同意赔偿38,000元,补发合格品3,200件"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 6, 10, 0),
        callback(Satisfaction::Unsatisfied, "客户要求另赔停线损失"),
    );
}

/// The second round: reopened on a new form, the stop-line loss verified, the 总经理 decides and the case is closed.
fn s40_second_round(s: &mut Scenario) {
    // 若客户未能接受时业务部门应再填一份新的“客户抱怨处理表”附原抱怨表一并呈报处理.
    s.ok(
        "sc",
        beijing(2026, 1, 6, 11, 0),
        CommandKind::Reopen {
            reason: "客户未能接受,重填客户抱怨处理表附原表呈报".into(),
        },
    );
    s.ok(
        "q1",
        beijing(2026, 1, 7, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "q1",
        beijing(2026, 1, 8, 15, 0),
        findings(FaultParty::Us, "停线损失经客户提供凭证核实"),
    );
    s.ok(
        "q1",
        beijing(2026, 1, 8, 15, 30),
        s40_report("investigation_report", "停线损失核实报告呈总经理批示"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 8, 16, 0),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "52000")],
            "赔偿合计52,000元(含停线损失14,000元)",
        ),
    );
    s.ok("zj", beijing(2026, 1, 9, 10, 0), CommandKind::Approve);
    s.ok(
        "y1",
        beijing(2026, 1, 9, 15, 0),
        reply("经总经理核决,赔偿合计52,000元"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 12, 10, 0),
        callback(Satisfaction::Satisfied, "客户接受"),
    );
    s.ok("sc", beijing(2026, 1, 12, 10, 30), CommandKind::Close);
}

/// January's statements: the 52,000 元 claim charged at the assumed 10 %.
fn s40_january_statements(s: &Scenario) {
    // January's statements (每月十日前 judged): the amount to deduct, by the
    // judged ratio, 制造部's 70 % split by base points. The 「客诉罚扣判定基准」
    // is lost: the policy assumes 10 % of the claim (`losses.scaled`), so the
    // 52,000 元 claim is charged 5,200 元 (rule `loss_fine.KS-2512-01`).
    let facts = PenaltyFacts {
        losses: vec![Loss {
            case: case_id("KS-2512-01"),
            amount: Decimal::from(52_000),
            responsible: Responsible::Parties(s40_shares()),
        }],
        ..PenaltyFacts::new("2026-01".parse().unwrap())
    };
    insta::assert_snapshot!("s40_factory_statements", statement_markdown(s, &facts));
    let result = compute(s, &facts);
    let charged = Money::checked_sum(
        result
            .statements
            .iter()
            .flat_map(|st| &st.lines)
            .filter(|l| &*l.rule == "loss_fine.KS-2512-01")
            .map(|l| l.amount),
    )
    .unwrap();
    assert_eq!(charged.to_plain_string(), "5200.00");
}

/// 第十四条 「对于逾期案件应开立“催办单”催促有关部门处理」: a case not closed 「国内
/// 十五天」 after acceptance (第十条) tells 生产管理 and the 总经理 (`chase-overdue`);
/// 第九条(十一) 「各部门对客诉处理决议有异议时得以“签呈”专案呈报处理」: a 催办 is no
/// 决议, so the 生产管理组's 签呈 waits for one (`reached`, ruling 160; before the
/// twenty-second session it was taken here). 第三条: a quality problem that
/// caused no loss is not a 客诉 (「应填报“异常处理单”反应有关单位改善」); 客诉不成立 →
/// invalid.
#[test]
fn s40_overdue_chased_dissent_and_no_loss() {
    let p = policy("factory-claims-s40.toml");
    let roster = roster(
        &[("yw", "业务部", None), ("zjs", "总经理室", None)],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
            ("gm", "总经理", "zjs", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "y1",
        "KS-8",
        about(
            t0,
            "quality_abnormality",
            "客户来函:出货的纸箱受潮变形,要求折价",
        )
        .build()
        .unwrap(),
    )
    .unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    assert_eq!(due(&s, minutes(t0, 31), "closure"), "2026-03-18 00:00");
    s.tick(beijing(2026, 3, 18, 9, 0));
    assert_eq!(
        steps_notified(&s),
        ["chase-overdue → production_mgmt, general_manager"]
    );
    s40_no_dissent_yet(&mut s, "pm", beijing(2026, 3, 18, 10, 0));
    assert_eq!(
        steps_notified(&s),
        ["chase-overdue → production_mgmt, general_manager"]
    );

    let no_loss = about(t0, "quality_abnormality", "客户反映标签印刷偏位,未影响使用")
        .fact(fact("no_loss"), yes())
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &no_loss).as_deref(), Some("no-loss"));
    let not_established = about(t0, "quality_abnormality", "客户称短装")
        .fact(fact("claim_not_established"), yes())
        .build()
        .unwrap();
    assert_eq!(
        judged(&p, &not_established),
        ("invalid".into(), Some("not-established".into()))
    );
}

/// 第九条(十一)「各部门对客诉处理决议有异议时得以“签呈”专案呈报处理」: the 质量管理部
/// (not only the 总经理室) files the 签呈, and it goes to the 总经理; (十三) 客诉不成立
/// 「如客户有异议时,再呈报上级进行处理」: the 业务员 may hand it up the same way.
#[test]
fn s40_any_department_files_a_dissent() {
    let p = policy("factory-claims-s40.toml");
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zg", "质量管理部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("q1", "品管 邵工", "zg", &["quality_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
            ("gm", "总经理", "zjs", &["general_manager"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let case = |who: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = about(t0, "quality_abnormality", "客户来函:纸箱抗压不足,要求退货")
            .build()
            .unwrap();
        s.register("y1", "KS-9", c).unwrap();
        s.ok("pm", minutes(t0, 30), accept());
        s.ok("pm", minutes(t0, 40), assign("zg", "q1"));
        s40_decided(&mut s, "q1", minutes(t0, 50));
        s.ok(who, minutes(t0, 150), escalate("签呈:对责任归属判定有异议"));
        steps_notified(&s)
    };
    for who in ["q1", "y1"] {
        assert_eq!(
            case(who),
            ["dissent → general_manager ⇒ general_manager"],
            "{who}"
        );
    }
}

/// 第九条(十)「业务部门不得超越核决权限与客户做任何处理的答复协议或承认。对“客户抱怨处理表”
/// 的批示事项据以书信或电话转答客户」: the 业务员 may not answer the customer while the
/// claim is under investigation, only relay what was decided.
#[test]
fn s40_sales_answers_only_what_was_decided() {
    let p = policy("factory-claims-s40.toml");
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zg", "质量管理部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("yj", "业务部经理 钱经理", "yw", &["sales_manager"], None),
            ("q1", "品管 邵工", "zg", &["quality_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "quality_abnormality", "客户来函:纸箱印刷色差,要求折价")
        .build()
        .unwrap();
    s.register("y1", "KS-R", c).unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    s.ok("pm", minutes(t0, 40), assign("zg", "q1"));
    s.ok("q1", minutes(t0, 60), investigate());
    let early = s.run("y1", minutes(t0, 90), reply("我司同意折价10%"));
    assert!(
        matches!(&early, Err(Rejection::GrantConditionUnmet { .. })),
        "{early:?}"
    );
    s.ok(
        "q1",
        minutes(t0, 120),
        findings(FaultParty::Us, "印刷色差超标"),
    );
    s.ok(
        "q1",
        minutes(t0, 150),
        propose(
            vec![rem_amt(RemedyKind::PriceAllowance, "1200")],
            "折让1,200元",
        ),
    );
    s.ok("yj", minutes(t0, 180), approve());
    s.ok("y1", minutes(t0, 200), reply("经核决,折让1,200元"));
}

/// 第十条「“客户抱怨处理表”处理期限自总经理室受理起国内十五天国外二十天内结案」 is owned by
/// the 生产管理组 (第七条(三)「客诉案件的登记,处理时效管理及逾期反应」), then by the 总经理
/// who heads the 总经理室 (assumed). When the group's clerk who took the case has
/// left the group, the 总经理 answers if he acted on the case; if he never
/// did, nobody on the case is charged, and the breach says why: both roles
/// were tried and no holder of either received the case or acted on it.
/// The source names nobody else who answers: 第十四条 has the 总经理室 trace
/// the cause of an overdue case afterwards (「对于处理时效逾期案件,得开立“治办单”送有关
/// 部门追查逾期原因」), which is the inquiry the unowned line starts.
#[test]
fn s40_a_late_closure_nobody_on_the_case_answers_for_says_why() {
    let p = policy("factory-claims-s40.toml");
    let staff = |clerk_roles: &'static [&'static str]| {
        paid_roster(
            &[
                ("yw", "业务部", None),
                ("zjs", "总经理室", None),
                ("pg", "质量管理部", None),
            ],
            &[
                (
                    "y1",
                    "业务员 高先生",
                    "yw",
                    &["sales_dept"],
                    None,
                    10,
                    "3000",
                ),
                (
                    "sc",
                    "生产管理组 景专员",
                    "zjs",
                    clerk_roles,
                    None,
                    10,
                    "3000",
                ),
                (
                    "q1",
                    "质量管理部 柯工",
                    "pg",
                    &["quality_dept"],
                    None,
                    12,
                    "4000",
                ),
                (
                    "zj",
                    "总经理 严总",
                    "zjs",
                    &["general_manager"],
                    None,
                    30,
                    "12000",
                ),
            ],
        )
    };
    let t0 = beijing(2026, 3, 2, 9, 0);
    let opened = |id: &str, gm_acts: bool| {
        let mut s = Scenario::new(p.clone(), staff(&["production_mgmt"]));
        let c = Complaint::builder(t0, Channel::Phone, "端子镀层脱落,要求退货")
            .complainant(person("客户 华东电器"))
            .category(cat("quality_abnormality"))
            .build()
            .unwrap();
        s.register("y1", id, c).unwrap();
        s.ok("sc", minutes(t0, 30), accept());
        s.ok("sc", minutes(t0, 40), assign("pg", "q1"));
        if gm_acts {
            s.ok("zj", minutes(t0, 60), note("请质量管理部从速追查"));
        }
        // The clerk leaves the 生产管理组 for the 质量管理部's bench.
        s.roster = staff(&["quality_dept"]);
        s
    };
    let due = beijing(2026, 3, 18, 0, 0);

    // The 总经理 acted: the late closure is his.
    let mut s = opened("2603-01", true);
    s.tick(due + chrono::TimeDelta::hours(9));
    assert_eq!(breach_owners(&s), ["closure@1 → zj"]);

    // He never did: charged to nobody, and the breach names whom it tried.
    let mut s = opened("2603-02", false);
    let late = s.tick(due + chrono::TimeDelta::hours(9));
    assert_eq!(breach_owners(&s), ["closure@1 → -"]);
    let tried = late.iter().find_map(|e| match &e.kind {
        EventKind::MilestoneBreached { owners_tried, .. } => Some(owners_tried.to_vec()),
        _ => None,
    });
    assert_eq!(
        tried.unwrap(),
        [
            tousu_policy::MilestoneOwner::Role(RoleId::new("production_mgmt").unwrap()),
            tousu_policy::MilestoneOwner::Role(RoleId::new("general_manager").unwrap()),
        ]
    );
    let record = tousu::report::CaseRecord {
        case: s.case(),
        events: &s.events,
        offset: chrono::FixedOffset::east_opt(8 * 3600).unwrap(),
    };
    let facts = tousu::report::penalty_facts(Month::new(2026, 3).unwrap(), [record]).unwrap();
    assert!(facts.breaches.is_empty(), "{:?}", facts.breaches);
    let why = "unowned: every owner the milestone names was tried when the clock breached, and none named anyone on the case (role production_mgmt, the owner: nobody who holds it received the case or acted on it; then role general_manager, fallback owner: nobody who holds it received the case or acted on it); the milestone names nobody after them";
    assert_eq!(facts.unowned.len(), 1);
    assert_eq!(facts.unowned[0].reason, why);
    // The month's statements show it, with why.
    let md = statement_markdown(&s, &facts);
    assert!(md.contains("无责任人的超时 Unowned breaches"), "{md}");
    assert!(md.contains(why), "{md}");
}

/// 第九条(十二)「客诉资料若涉及其他公司,原物料供应商等的职责时由总经理室会同有关单位共同处理」:
/// a claim that involves a raw-material supplier is handled jointly — the
/// 总经理室's 生产管理组 assigns it with the units concerned co-handling; the
/// 业务部门, which registered it, cannot hand it out itself.
#[test]
fn s40_a_supplier_claim_is_handled_jointly_by_the_gm_office() {
    let p = policy("factory-claims-s40.toml");
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zg", "质量管理部", None),
            ("cg", "采购部(原物料供应商联络)", None),
            ("zz", "制造部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("q1", "品管 邵工", "zg", &["quality_dept"], None),
            ("m1", "制造部 组长", "zz", &["manufacturing"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(
        t0,
        "quality_abnormality",
        "客户来函:纸箱印刷脱墨,疑为油墨供应商批次问题",
    )
    .build()
    .unwrap();
    s.register("y1", "KS-J", c).unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    let by_sales = s
        .run(
            "y1",
            minutes(t0, 35),
            assign_with("zg", "q1", &["cg", "zz"]),
        )
        .unwrap_err();
    assert!(
        matches!(by_sales, Rejection::NotPermitted { .. }),
        "{by_sales}"
    );
    s.ok(
        "pm",
        minutes(t0, 40),
        assign_with("zg", "q1", &["cg", "zz"]),
    );
    let a = s.case().assignment.clone().unwrap();
    assert_eq!(a.lead, did("zg"));
    assert_eq!(a.co_handling, [did("cg"), did("zz")]);
    s.ok("q1", minutes(t0, 60), investigate());
    s.ok(
        "m1",
        minutes(t0, 90),
        note("制造部:同批次油墨另两单亦有脱墨"),
    );
}

/// 第九条(二)「由质量管理部或有关人员于调查处理后三天内提出报告」: a case the 生产管理组
/// sent to the 质量管理部 with no person named breached to nobody when the
/// report was late; it is now whoever of the 质量管理部 acted on it
/// (`fallback_owner`). Fails on the old file.
#[test]
fn s40_a_late_report_without_a_handler_is_the_quality_departments() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("sc", "生产管理组 景专员", "zjs", &["production_mgmt"], None),
            ("q1", "质量管理部 品管员", "pg", &["quality_dept"], None),
        ],
    );
    assert_eq!(
        late_report_owners(roster, "q1", "KS-O"),
        ["investigation_report@1 → q1"]
    );
}

/// 第九条(二)「由质量管理部或有关人员于调查处理后三天内提出报告」: a case sent to the
/// 质量管理部 with no person named, whose findings a 制造部门 有关人员 recorded
/// before anyone of the 质量管理部 acted, is the department's all the same — its holder
/// at the top in the roster (`holder`, ruling 75). Before, the late report was
/// charged to nobody. Fails on the old file.
#[test]
fn s40_a_late_report_before_the_quality_department_acts_is_its_heads() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
            ("zz", "制造部", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("sc", "生产管理组 景专员", "zjs", &["production_mgmt"], None),
            ("m1", "制造部 冲压组长", "zz", &["manufacturing"], None),
            ("q0", "质量管理部 经理", "pg", &["quality_dept"], None),
            (
                "q1",
                "质量管理部 品管员",
                "pg",
                &["quality_dept"],
                Some("q0"),
            ),
        ],
    );
    assert_eq!(
        late_report_owners(roster, "m1", "KS-H"),
        ["investigation_report@1 → q0"]
    );
}

/// 第九条(五)「总经理室生产管理组接到业务部填具交涉结果的“客户抱怨处理表”后,应于一日内就
/// 业务与工厂的意见加以分析作成综合意见,依据核决权限分送…核决」: the group's act is the
/// synthesis sent for decision (`report_submitted`). The clock stopped only on
/// the decision (`approved`, `sent_back`), which the group may not make, so
/// it was charged for the approver's speed. Fails on the old file (the
/// group could not record the synthesis).
#[test]
fn s40_the_group_meets_its_day_by_sending_the_synthesis() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("sc", "生产管理组 景专员", "zjs", &["production_mgmt"], None),
            ("q1", "质量管理部 品管员", "pg", &["quality_dept"], None),
        ],
    );
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Email, "冲压件批量毛刺超标")
        .complainant(Complainant::organization("苏州某电子厂").unwrap())
        .category(cat("quality_abnormality"))
        .build()
        .unwrap();
    s.register("y1", "KS-S", c).unwrap();
    s.ok("sc", minutes(t0, 30), accept());
    s.ok("sc", minutes(t0, 60), assign("pg", "q1"));
    s.ok("q1", minutes(t0, 90), investigate());
    s.ok(
        "q1",
        beijing(2026, 3, 3, 10, 0),
        findings(FaultParty::Us, "冲压模具刃口磨损"),
    );
    s.ok(
        "y1",
        beijing(2026, 3, 4, 10, 0),
        propose(vec![rem(RemedyKind::Repair)], "客户同意返工挑选"),
    );
    // The synthesis is sent the next morning, within its day; the decision
    // comes later.
    s.ok(
        "sc",
        beijing(2026, 3, 5, 9, 0),
        act(
            tousu_policy::CaseAction::ReportSubmitted,
            "综合意见呈业务部经理核决",
        ),
    );
    s.tick(beijing(2026, 3, 6, 12, 0));
    let breaches = breach_owners(&s);
    assert!(
        !breaches.iter().any(|b| b.starts_with("synthesis")),
        "{breaches:?}"
    );
}

/// A complaint sent to the 质量管理部 with no person named, investigated and
/// found by `investigator`, its three-day report never made: the breaches'
/// owners on Sat 7 March.
fn late_report_owners(roster: Roster, investigator: &str, case: &str) -> Vec<String> {
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Email, "冲压件批量毛刺超标")
        .complainant(Complainant::organization("苏州某电子厂").unwrap())
        .category(cat("quality_abnormality"))
        .build()
        .unwrap();
    s.register("y1", case, c).unwrap();
    s.ok("sc", minutes(t0, 30), accept());
    s.ok("sc", minutes(t0, 60), assign_department("pg"));
    s.ok(investigator, beijing(2026, 3, 2, 14, 0), investigate());
    s.ok(
        investigator,
        beijing(2026, 3, 3, 10, 0),
        findings(FaultParty::Us, "冲压模具刃口磨损"),
    );
    // Three days from Tue 3 March: the end of Fri 6 March.
    s.tick(beijing(2026, 3, 7, 9, 0));
    breach_owners(&s)
}

/// 第九条(五)「总经理室生产管理组接到业务部填具交涉结果的“客户抱怨处理表”后,应于一日内…
/// 作成综合意见」: the day starts on the 业务部's proposal (the form with the 交涉结果),
/// not on the 质量管理部's (its report, 第九条(二)), which has no 交涉结果. Fails on
/// the old file, where any proposal started it and the quality department's
/// breached the group's day.
#[test]
fn s40_only_the_sales_form_starts_the_groups_day() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("sc", "生产管理组 景专员", "zjs", &["production_mgmt"], None),
            ("q1", "质量管理部 品管员", "pg", &["quality_dept"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0); // a Monday
    let proposed_by = |who: &str, no: &str| {
        let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Email, "冲压件批量毛刺超标")
            .complainant(Complainant::organization("苏州某电子厂").unwrap())
            .category(cat("quality_abnormality"))
            .build()
            .unwrap();
        s.register("y1", no, c).unwrap();
        s.ok("sc", minutes(t0, 30), accept());
        s.ok("sc", minutes(t0, 60), assign("pg", "q1"));
        s.ok("q1", minutes(t0, 90), investigate());
        s.ok(
            "q1",
            beijing(2026, 3, 3, 10, 0),
            findings(FaultParty::Us, "冲压模具刃口磨损"),
        );
        s.ok(
            who,
            beijing(2026, 3, 4, 10, 0),
            propose(vec![rem(RemedyKind::Repair)], "返工挑选"),
        );
        s
    };
    let synthesis_open = |s: &Scenario| {
        due_all(s, beijing(2026, 3, 4, 10, 0))
            .iter()
            .any(|d| d.starts_with("synthesis →"))
    };
    // The quality department's proposal: no form from the 业务部, no day runs.
    let mut quality = proposed_by("q1", "KS-Q");
    assert!(!synthesis_open(&quality));
    quality.tick(beijing(2026, 3, 6, 12, 0));
    assert!(
        !breach_owners(&quality)
            .iter()
            .any(|b| b.starts_with("synthesis")),
        "{:?}",
        breach_owners(&quality)
    );
    // The 业务部's form: the group's day runs to the end of Thursday 5 March,
    // and is the group's when it lapses.
    let mut sales = proposed_by("y1", "KS-Y");
    assert_eq!(
        due(&sales, beijing(2026, 3, 4, 10, 0), "synthesis"),
        "2026-03-06 00:00"
    );
    sales.tick(beijing(2026, 3, 6, 12, 0));
    assert_eq!(breach_owners(&sales), ["synthesis@1 → sc"]);
}

/// 第九条(二)「由质量管理部或有关人员于调查处理后三天内提出报告,上报总经理批示」: the
/// 质量管理部's report, naming its clock, meets the three days; the 业务部's
/// proposal (its 处理意见 after the 交涉, 第九条(三)(四)) does not, and the
/// report never made is late, the department's. Fails on the old file, where
/// any proposal met it and the report could not be recorded.
#[test]
fn s40_the_quality_report_is_the_quality_departments() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("sc", "生产管理组 景专员", "zjs", &["production_mgmt"], None),
            ("q1", "质量管理部 品管员", "pg", &["quality_dept"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0); // a Monday
    let found = |no: &str| {
        let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Email, "冲压件批量毛刺超标")
            .complainant(Complainant::organization("苏州某电子厂").unwrap())
            .category(cat("quality_abnormality"))
            .build()
            .unwrap();
        s.register("y1", no, c).unwrap();
        s.ok("sc", minutes(t0, 30), accept());
        s.ok("sc", minutes(t0, 60), assign("pg", "q1"));
        s.ok("q1", minutes(t0, 90), investigate());
        s.ok(
            "q1",
            beijing(2026, 3, 3, 10, 0),
            findings(FaultParty::Us, "冲压模具刃口磨损"),
        );
        s.ok(
            "y1",
            beijing(2026, 3, 4, 10, 0),
            propose(vec![rem(RemedyKind::Repair)], "客户同意返工挑选"),
        );
        s.ok(
            "sc",
            beijing(2026, 3, 4, 15, 0),
            s40_report("synthesis", "综合意见呈业务部经理核决"),
        );
        s
    };
    // Three days from Tue 3 March: the end of Fri 6 March, the 业务部's proposal
    // notwithstanding.
    let mut reported = found("KS-R1");
    assert_eq!(
        due(
            &reported,
            beijing(2026, 3, 4, 15, 0),
            "investigation_report"
        ),
        "2026-03-07 00:00"
    );
    let stopped = reported.ok(
        "q1",
        beijing(2026, 3, 5, 9, 0),
        s40_report("investigation_report", "客诉调查报告呈总经理批示"),
    );
    assert!(stopped.iter().any(|e| matches!(&e.kind,
        EventKind::ClockStopped { milestone, met: true, .. } if milestone.as_str() == "investigation_report")));
    reported.tick(beijing(2026, 3, 7, 9, 0));
    assert!(
        breach_owners(&reported).is_empty(),
        "{:?}",
        breach_owners(&reported)
    );
    let mut silent = found("KS-R2");
    silent.tick(beijing(2026, 3, 7, 9, 0));
    assert_eq!(breach_owners(&silent), ["investigation_report@1 → q1"]);
}

/// 第十条(一)「“客户抱怨处理表”处理期限自总经理室受理起国内十五天国外二十天内结案」 has no
/// 延期: an overdue case is chased (第十四条「对于逾期案件应开立“催办单”催促有关部门处理」)
/// and traced afterwards (「治办单」), not given more time. The file let the
/// 生产管理组 ask the 总经理 for an extension that paused `closure`, with
/// `approval.extension` and no clause. Fails on the old file (the request
/// was taken).
#[test]
fn s40_the_closing_term_is_not_extended() {
    let roster = roster(
        &[("yw", "业务部", None), ("zjs", "总经理室", None)],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
            ("gm", "总经理", "zjs", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "y1",
        "KS-E",
        about(
            t0,
            "quality_abnormality",
            "客户来函:镀锌层厚度不足,要求退货",
        )
        .build()
        .unwrap(),
    )
    .unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    let asked = s
        .run(
            "pm",
            beijing(2026, 3, 12, 9, 0),
            CommandKind::RequestExtension {
                reason: "待供应商复检报告".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(matches!(asked, Rejection::NotPermitted { .. }), "{asked}");
    let decided = s
        .run(
            "gm",
            beijing(2026, 3, 12, 10, 0),
            CommandKind::ApproveExtension,
        )
        .unwrap_err();
    assert!(
        matches!(decided, Rejection::NotPermitted { .. }),
        "{decided}"
    );
    // 国内十五天 from Monday 2 March: due by the end of the 17th, then chased.
    s.tick(beijing(2026, 3, 18, 9, 0));
    s.assert_replays();
    assert_eq!(breach_list(&s), ["closure@1"]);
    assert_eq!(
        steps_notified(&s),
        ["chase-overdue → production_mgmt, general_manager"]
    );
}

/// 第九条(三)「送质量管理部追查分析原因及判定职责归属部门后,送生产单位分析异常原因」 and (二)
/// 「由质量管理部或有关人员于调查处理后三天内提出报告」: the 生产管理组 sends the case to the
/// 质量管理部 or the 制造部门, whose report stops that clock (`stopped_by`). Named
/// the handler, a 业务员, the 业务部经理 or the group's own clerk would be charged
/// with a report he may not make. Fails on the old file, where the group could
/// name anyone.
#[test]
fn s40_the_group_sends_the_case_only_to_those_who_report() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zg", "质量管理部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("yj", "业务部经理 邵经理", "yw", &["sales_manager"], None),
            ("q1", "品管 邵工", "zg", &["quality_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster);
    let c = about(t0, "quality_abnormality", "客户来函:纸箱抗压不足,要求退货")
        .build()
        .unwrap();
    s.register("y1", "KS-H", c).unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    for (dept, to) in [("yw", "y1"), ("yw", "yj"), ("zjs", "pm")] {
        let before = (s.case().clone(), s.events.len());
        let refused = s.run("pm", minutes(t0, 40), assign(dept, to)).unwrap_err();
        assert_eq!(refused.kind(), "hand_over_refused", "{to}: {refused}");
        assert_eq!((s.case().clone(), s.events.len()), before);
    }
    s.ok("pm", minutes(t0, 45), assign("zg", "q1"));
}

/// The 业务部 and the 总经理室: a salesman, the 生产管理组, the 副总经理 and the
/// 总经理, no pay.
fn s40_head_office() -> Roster {
    roster(
        &[
            ("yw", "业务部", None),
            ("zg", "质量管理部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("q1", "品管 邵工", "zg", &["quality_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
            ("fz", "副总经理", "zjs", &["deputy_gm"], None),
            ("gm", "总经理", "zjs", &["general_manager"], None),
        ],
    )
}

/// A quality abnormality the salesman registers at 10:00 on Monday
/// 2026-03-02, under [`s40_head_office`].
fn s40_head_office_case(id: &str, content: &str) -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), s40_head_office());
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "quality_abnormality", content).build().unwrap();
    s.register("y1", id, c).unwrap();
    (s, t0)
}

/// Twelfth audit: the one step by hand, `dissent`, is the departments' 签呈
/// (第九条(十一)「各部门对客诉处理决议有异议时得以“签呈”专案呈报处理」), which brings the case
/// to the 总经理; he has no step above him, so his escalation took it and
/// reported the case to himself, using the step a department would take. He
/// no longer escalates. Fails on the old file (the 总经理's escalation was
/// recorded as `dissent`).
#[test]
fn s40_the_general_manager_does_not_escalate_to_himself() {
    s40_only_a_department_files_the_dissent(
        "gm",
        "KS-G",
        "客户来函:纸箱印刷色差",
        "总经理亲自处理",
    );
}

/// Twelfth audit: the 签呈 of 第九条(十一) is the departments' (「各部门」); the
/// 副总经理 decides within his 核决权限 (第九条(五)) and files none. His
/// escalation took `dissent` and brought the case to the 总经理, using the
/// step a department would take. He no longer escalates. Fails on the old
/// file (the 副总经理's escalation was recorded as `dissent`).
#[test]
fn s40_the_deputy_does_not_take_the_departments_dissent() {
    s40_only_a_department_files_the_dissent("fz", "KS-D", "客户来函:纸箱尺寸偏差", "呈总经理");
}

/// On a case of [`s40_head_office_case`] accepted by the 生产管理组: `actor`'s
/// escalation is refused (he holds no `escalate`), and the 业务部's 签呈
/// (第九条(十一)) is taken as `dissent` once the 质量管理部's treatment is approved.
fn s40_only_a_department_files_the_dissent(actor: &str, id: &str, content: &str, reason: &str) {
    let (mut s, t0) = s40_head_office_case(id, content);
    s.ok("pm", minutes(t0, 30), accept());
    let refused = s.refused(actor, minutes(t0, 60), escalate(reason));
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    s.ok("pm", minutes(t0, 70), assign("zg", "q1"));
    s40_decided(&mut s, "q1", minutes(t0, 80));
    s.ok("y1", minutes(t0, 180), escalate("签呈:对责任归属有异议"));
    assert_eq!(steps_taken(&s), ["dissent"]);
}

/// Twelfth audit: 第三条 sends a quality abnormality with no loss to the
/// “异常处理单” (「应填报“异常处理单”反应有关单位改善」), not the 客诉 procedure, and no
/// article lets anyone take one as a 客诉 anyway. The 总经理 held
/// `override_acceptance`, with which he accepted such a case against the rule.
/// The grant is gone; the 生产管理组 records it as not accepted. Fails on the
/// old file (his acceptance with an override reason was taken).
#[test]
fn s40_the_general_manager_does_not_override_acceptance() {
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), s40_head_office());
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "quality_abnormality", "客户反映标签印刷偏位,未影响使用")
        .fact(fact("no_loss"), yes())
        .build()
        .unwrap();
    s.register("y1", "KS-O", c).unwrap();
    let overridden = s.refused(
        "gm",
        minutes(t0, 10),
        CommandKind::Accept {
            override_reason: Some("总经理特批按客诉处理".to_owned()),
        },
    );
    assert!(
        matches!(overridden, Rejection::NotPermitted { .. }),
        "{overridden}"
    );
}

/// The 制造部门 (第七条(四)) handles a case the 生产管理组 sends it as one of
/// 第九条(二)'s 「有关人员」: it investigates, records the findings, files the
/// report that stops `investigation_report`, and, disagreeing with the
/// decision, files its own 签呈 (第九条(十一), `dissent`).
#[test]
fn s40_the_manufacturing_department_reports_and_dissents() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zz", "制造部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("m1", "制造部 冲压组长", "zz", &["manufacturing"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
            ("gm", "总经理", "zjs", &["general_manager"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0); // a Monday
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster);
    let c = about(t0, "quality_abnormality", "冲压件尺寸超差")
        .build()
        .unwrap();
    s.register("y1", "KS-M", c).unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    s.ok("pm", minutes(t0, 40), assign("zz", "m1"));
    s.ok("m1", minutes(t0, 60), investigate());
    s.ok(
        "m1",
        beijing(2026, 3, 3, 10, 0),
        findings(FaultParty::Us, "冲压模具定位销磨损"),
    );
    let stopped = s.ok(
        "m1",
        beijing(2026, 3, 4, 10, 0),
        s40_report("investigation_report", "制造部调查报告"),
    );
    assert!(stopped.iter().any(|e| matches!(&e.kind,
        EventKind::ClockStopped { milestone, met: true, .. } if milestone.as_str() == "investigation_report")));
    s40_approved(&mut s, "y1", beijing(2026, 3, 4, 11, 0));
    s.ok(
        "m1",
        beijing(2026, 3, 5, 10, 0),
        escalate("签呈:对责任归属判定有异议"),
    );
    assert_eq!(steps_taken(&s), ["dissent"]);
}

/// 第十四条「对于逾期案件应开立“催办单”催促有关部门处理」: an overdue case is chased,
/// not fined — the 办法's 罚扣 follow the loss (第九条(六)), and no article
/// fines lateness (`penalties.overtime`, 0).
#[test]
fn s40_an_overdue_case_is_chased_not_fined() {
    let roster = roster(
        &[
            ("yw", "业务部", None),
            ("zg", "质量管理部", None),
            ("zjs", "总经理室", None),
        ],
        &[
            ("y1", "业务员 高先生", "yw", &["sales_dept"], None),
            ("q1", "品管 邵工", "zg", &["quality_dept"], None),
            ("pm", "生产管理 谢组长", "zjs", &["production_mgmt"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("factory-claims-s40.toml"), roster);
    let c = about(t0, "quality_abnormality", "纸箱印刷色差")
        .build()
        .unwrap();
    s.register("y1", "KS-O", c).unwrap();
    s.ok("pm", minutes(t0, 30), accept());
    s.ok("pm", minutes(t0, 40), assign("zg", "q1"));
    s.tick(beijing(2026, 3, 31, 9, 0));
    assert!(breach_list(&s).contains(&"closure@1".to_owned()));
    let result = statements(&s, "2026-03", |_| {});
    assert_eq!(result.summary.gross, money("0"));
}

/// 第九条(十)「对“客户抱怨处理表”的批示事项据以书信或电话转答客户」, 第十条「处理期限自总经理室
/// 受理起国内十五天国外二十天内结案」: the 办法 has no 非正常结案, and every claim is answered
/// with what was decided. The 总经理's abnormal closure (assumed) ends only an answered
/// claim: refused as `grant_condition_unmet` on a claim the 生产管理组 has just
/// accepted, nothing changes, and taken on the first round's answered claim whose
/// customer stays unsatisfied. Fails on the old file, where he closed the claim
/// just accepted (twenty-first audit).
#[test]
fn s40_the_general_manager_closes_abnormally_only_an_answered_claim() {
    let closing = || CommandKind::CloseAbnormally {
        reason: "客户拒不接受核决结论,总经理结案".to_owned(),
    };
    let (mut s, t0) = s40_head_office_case("KS-AB", "客户来函:纸箱印刷色差");
    s.ok("pm", minutes(t0, 30), accept());
    let before = s.case().clone();
    let e = s.refused("gm", minutes(t0, 60), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    let mut answered = Scenario::new(policy("factory-claims-s40.toml"), s40_roster());
    s40_first_round(&mut answered);
    answered.ok("zj", beijing(2026, 1, 7, 10, 0), closing());
    assert_eq!(closure_kind(&answered), "Abnormal");
    answered.assert_replays();
}

/// The 质量管理部's `investigator` investigates from `at` and records its
/// findings 30 minutes later; its treatment is proposed and approved
/// ([`s40_approved`]) from 60 minutes: the 决议 of 第九条(十一).
fn s40_decided(s: &mut Scenario, investigator: &str, at: chrono::DateTime<chrono::Utc>) {
    s.ok(investigator, at, investigate());
    s.ok(
        investigator,
        minutes(at, 30),
        findings(FaultParty::Us, "纸箱抗压不足"),
    );
    s40_approved(s, investigator, minutes(at, 60));
}

/// `proposer` proposes the treatment at `at` and the 总经理 approves it 30
/// minutes later (核决).
fn s40_approved(s: &mut Scenario, proposer: &str, at: chrono::DateTime<chrono::Utc>) {
    s.ok(proposer, at, propose(vec![rem(RemedyKind::Repair)], "返工"));
    s.ok("gm", minutes(at, 30), approve());
}

/// No 决议 yet: `who`'s 签呈 is refused on the grant's `reached` and nothing
/// is recorded.
fn s40_no_dissent_yet(s: &mut Scenario, who: &str, at: chrono::DateTime<chrono::Utc>) {
    let version = s.case().version;
    let early = s.run(who, at, escalate("签呈:对处理决议有异议"));
    assert!(
        matches!(&early, Err(Rejection::GrantConditionUnmet { unmet, .. }) if unmet.iter().any(|u| u.contains("`reached`"))),
        "{who}: {early:?}"
    );
    assert_eq!(s.case().version, version, "{who}: nothing recorded");
}

/// 第九条(十一)「各部门对客诉处理决议有异议时得以“签呈”专案呈报处理」 and (十三)「业务员在接到
/// “客户抱怨处理表”时…如客户有异议时,再呈报上级进行处理」: the 签呈 disputes a 决议, so no
/// department files one before the treatment is approved (核决; `reached =
/// ["approved", "replied"]`, ruling 160) — not while the 质量管理部 investigates,
/// nor while its proposal awaits approval — and every department may once it
/// is. Fails on the old file (the 签呈 was taken on a claim nobody had decided).
#[test]
fn s40_a_dissent_waits_for_a_decision() {
    let (mut s, t0) = s40_head_office_case("KS-DQ", "客户来函:纸箱抗压不足,要求退货");
    s.ok("pm", minutes(t0, 30), accept());
    s.ok("pm", minutes(t0, 40), assign("zg", "q1"));
    s.ok("q1", minutes(t0, 50), investigate());
    for who in ["q1", "y1", "pm"] {
        s40_no_dissent_yet(&mut s, who, minutes(t0, 60));
    }
    s.ok(
        "q1",
        minutes(t0, 70),
        findings(FaultParty::Us, "纸箱抗压不足"),
    );
    s.ok(
        "q1",
        minutes(t0, 80),
        propose(vec![rem(RemedyKind::Repair)], "返工"),
    );
    s40_no_dissent_yet(&mut s, "q1", minutes(t0, 90));
    s.ok("gm", minutes(t0, 100), approve());
    s.ok(
        "q1",
        minutes(t0, 110),
        escalate("签呈:对责任归属判定有异议"),
    );
    assert_eq!(steps_taken(&s), ["dissent"]);
}
