use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S41 — 东莞市万豪五金货架有限公司 客户投诉/咨询管理办法
// ---------------------------------------------------------------------------

#[test]
fn s41_wanhao_major_shelf_complaint_base_points_and_cap() {
    let p = policy("hardware-shelf-wanhao-s41.toml");
    let roster = s41_roster();
    let mut s = Scenario::new(p, roster);
    s41_first_round(&mut s);
    s41_second_round(&mut s);
    s.assert_replays();
    insta::assert_snapshot!("s41_wanhao", timeline(&s.events));

    s41_november_statements(&s);
}

/// S41's roster: 前台, 业务科, 品质科, 生产部, 综合部 and 总经办, with base points and bonuses.
fn s41_roster() -> Roster {
    paid_roster(
        &[
            ("qt", "前台", None),
            ("yw", "业务科", None),
            ("pz", "品质科", None),
            ("sc", "生产部", None),
            ("zh", "综合部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("f1", "前台 小冼", "qt", &["front_desk"], None, 5, "800"),
            (
                "b1",
                "业务科 詹业务",
                "yw",
                &["business_section"],
                None,
                8,
                "1500",
            ),
            (
                "p0",
                "品质科 植工",
                "pz",
                &["quality_section"],
                None,
                8,
                "1500",
            ),
            (
                "p1",
                "生产部 组长 黎",
                "sc",
                &["production"],
                None,
                3,
                "2000",
            ),
            (
                "p2",
                "生产部 焊工 区",
                "sc",
                &["production"],
                None,
                2,
                "1000",
            ),
            ("p3", "生产部 学徒 麦", "sc", &["production"], None, 5, "0"),
            (
                "zh1",
                "综合部 蔡主任",
                "zh",
                &["general_affairs"],
                None,
                8,
                "1500",
            ),
            ("fz", "副总 温总", "zjb", &["deputy_gm"], None, 15, "5000"),
            (
                "zj",
                "总经理 叶总",
                "zjb",
                &["general_manager"],
                None,
                20,
                "8000",
            ),
            ("gb", "总经办 秘书", "zjb", &["gm_office"], None, 5, "1000"),
        ],
    )
}

/// A sanction for a numbered violation on a case (the 5.6.4 list).
fn s41_cited(staff: &str, kind: SanctionKind, case: &str, violation: &str) -> Sanction {
    Sanction {
        staff: sid(staff),
        kind,
        case: Some(case_id(case)),
        reason: None,
        violation: Some(ViolationId::new(violation).unwrap()),
    }
}

/// Round 1: the 重大投诉 accepted, sent to the 品质科, investigated and reported, approved by the 总经理 (not the 副总), refused by the customer.
fn s41_first_round(s: &mut Scenario) {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "仓库重型货架安装后立柱倾斜,横梁挂钩开焊,要求赔偿货损25,000元",
    )
    .complainant(Complainant::organization("东莞某物流仓").unwrap())
    .category(cat("construction"))
    .request(rem_amt(RemedyKind::Compensation, "25000"))
    .build()
    .unwrap();
    s.register("f1", "WH-1", c).unwrap();
    assert_eq!(
        level_of(s),
        "major",
        "重大投诉 (assumed: a claim of 20,000 元 or more)"
    );
    s.ok("f1", minutes(t0, 10), accept());
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
    s.ok(
        "zh1",
        beijing(2025, 11, 3, 14, 0),
        escalate("重大投诉,组织内部评审"),
    );
    s.ok(
        "p0",
        beijing(2025, 11, 4, 9, 0),
        CommandKind::StartInvestigation,
    );
    // The investigation takes three days; the report's three days start
    // after it (5.1.4), so nothing is late yet.
    let quiet = s.tick(beijing(2025, 11, 7, 9, 0));
    assert!(!breached(&quiet, "report"));
    s.ok(
        "p0",
        beijing(2025, 11, 7, 10, 0),
        findings(FaultParty::Us, "横梁挂钩焊接不良(生产部),立柱未按图调平"),
    );
    assert_eq!(
        due(s, beijing(2025, 11, 7, 10, 0), "report"),
        "2025-11-11 00:00"
    );
    s.ok(
        "p0",
        beijing(2025, 11, 7, 11, 0),
        propose(
            vec![
                rem_amt(RemedyKind::Compensation, "25000"),
                rem(RemedyKind::Repair),
            ],
            "赔偿货损25,000元并重新安装",
        ),
    );
    let err = s
        .run("fz", beijing(2025, 11, 7, 14, 0), CommandKind::Approve)
        .unwrap_err();
    // 5.1.4 「呈总经理批示」: the 副总 approves no solution.
    assert!(matches!(&err, Rejection::NotPermitted { .. }), "{err}");
    s.ok("zj", beijing(2025, 11, 7, 16, 0), CommandKind::Approve);
    s.ok(
        "b1",
        beijing(2025, 11, 10, 10, 0),
        reply("已重新安装并加固,赔偿25,000元"),
    );
    s.ok(
        "b1",
        beijing(2025, 11, 12, 10, 0),
        callback(Satisfaction::Unsatisfied, "客户不接受,要求更换全部横梁"),
    );
}

/// Round 2: reopened on a new form, the whole batch of beams replaced, accepted and closed.
fn s41_second_round(s: &mut Scenario) {
    // 「再进行第二次处理」.
    s.ok(
        "gb",
        beijing(2025, 11, 12, 11, 0),
        CommandKind::Reopen {
            reason: "客户未能接受,重填《客户投诉处理表》附原表第二次处理".into(),
        },
    );
    s.ok(
        "p0",
        beijing(2025, 11, 13, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "p0",
        beijing(2025, 11, 13, 16, 0),
        findings(FaultParty::Us, "同批横梁焊点抽检不合格率12%"),
    );
    s.ok(
        "p0",
        beijing(2025, 11, 14, 10, 0),
        propose(vec![rem(RemedyKind::Replacement)], "更换同批全部横梁"),
    );
    s.ok("zj", beijing(2025, 11, 14, 15, 0), CommandKind::Approve);
    s.ok(
        "b1",
        beijing(2025, 11, 20, 10, 0),
        reply("同批横梁已全部更换"),
    );
    s.ok(
        "b1",
        beijing(2025, 11, 24, 10, 0),
        callback(Satisfaction::Satisfied, "客户验收合格"),
    );
    s.ok("b1", beijing(2025, 11, 24, 10, 5), CommandKind::Close);
}

/// November's statements: the workshop's unattributed loss split by base points and capped, the 焊工's two 大过, the 前台's 警告.
fn s41_november_statements(s: &Scenario) {
    // November: the 5,000 元 loss, which no unit of the workshop can be found
    // for (5.8.1 全车间), is split by base points (5.9.5.2; 3/2/5), capped at 50 % of each bonus and carried forward; the 焊工 has
    // two 大过 (the whole bonus, outside the cap); the 前台 a 警告 (assumed 50 元).
    let facts = PenaltyFacts {
        losses: vec![Loss {
            case: case_id("WH-1"),
            amount: Decimal::from(5000),
            responsible: Responsible::UnattributedWithin(did("sc")),
        }],
        sanctions: vec![
            s41_cited("p2", SanctionKind::MajorDemerit, "WH-1", "5.6.4.4"),
            s41_cited("p2", SanctionKind::MajorDemerit, "WH-3", "5.6.4.13"),
            s41_cited("f1", SanctionKind::Warning, "WH-2", "5.6.4.8"),
        ],
        ..PenaltyFacts::new("2025-11".parse().unwrap())
    };
    insta::assert_snapshot!("s41_wanhao_statements", statement_markdown(s, &facts));
}

// --- issue 13: the report clock, the 签呈, the unattributed split -----------

fn s41_desk() -> Scenario {
    let roster = roster(
        &[
            ("qt", "前台", None),
            ("yw", "业务科", None),
            ("pz", "品质科", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("f1", "前台", "qt", &["front_desk"], None),
            ("b1", "业务科", "yw", &["business_section"], None),
            ("p0", "品质科", "pz", &["quality_section"], None),
            ("fz", "副总", "zjb", &["deputy_gm"], None),
            ("zj", "总经理", "zjb", &["general_manager"], None),
        ],
    );
    Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), roster)
}

fn s41_assigned(s: &mut Scenario, case: &str, t0: DateTime<Utc>) {
    s41_accepted(s, case, t0);
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
}

/// The 品质科 investigates from `at`, finds and reports (at 120 minutes),
/// and the 总经理 approves its report at 180 minutes: the 决议 of 5.1.13.
fn s41_decided(s: &mut Scenario, at: DateTime<Utc>) {
    s41_reported(s, at);
    s.ok("zj", minutes(at, 180), approve());
}

/// The 品质科 investigates from `at`, records its findings at 60 minutes and
/// reports (`propose_solution`) at 120: 5.1.4, before the 总经理's 批示.
fn s41_reported(s: &mut Scenario, at: DateTime<Utc>) {
    s.ok("p0", at, investigate());
    s.ok("p0", minutes(at, 60), findings(FaultParty::Us, "焊点不良"));
    s.ok(
        "p0",
        minutes(at, 120),
        propose(vec![rem(RemedyKind::Repair)], "补焊"),
    );
}

/// A 品质类 complaint phoned in at `t0`, registered and accepted by the 前台.
fn s41_accepted(s: &mut Scenario, case: &str, t0: DateTime<Utc>) {
    let c = Complaint::builder(t0, Channel::Phone, "货架横梁挂钩开焊")
        .category(cat("quality"))
        .build()
        .unwrap();
    s.register("f1", case, c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
}

/// 5.1.4 「于进行调查处理后,将结果三天内提出报告」: the three days count from the
/// findings, not from the assignment.
#[test]
fn s41_report_clock_starts_after_the_investigation() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-9", t0);
    let open = due_all(&s, minutes(t0, 60));
    assert!(
        !open.iter().any(|d| d.starts_with("report ")),
        "no report is due before the investigation: {open:?}"
    );
    s.ok("p0", beijing(2025, 11, 4, 9, 0), investigate());
    let quiet = s.tick(beijing(2025, 11, 7, 9, 0));
    assert!(
        !breached(&quiet, "report"),
        "four days after the assignment, the investigation still running"
    );
    s.ok(
        "p0",
        beijing(2025, 11, 7, 10, 0),
        findings(FaultParty::Us, "横梁挂钩焊接不良"),
    );
    // 7 November + 3 days: the period ends with the 10th.
    assert_eq!(
        due(&s, beijing(2025, 11, 7, 10, 0), "report"),
        "2025-11-11 00:00"
    );
    let late = s.tick(beijing(2025, 11, 11, 0, 1));
    assert!(breached(&late, "report"), "three days after the findings");
}

/// 5.1.13 「各部门对客户投诉处理决议有异议时得以“签呈”专案呈报处理」: a department
/// files it (the 总经理 filed it before the twelfth audit, to himself).
#[test]
fn s41_dissent_goes_to_the_general_manager() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-10", t0);
    s41_decided(&mut s, minutes(t0, 90));
    // The department files it (5.1.13); the 总经理, whom it reaches, holds no
    // `escalate` (twelfth session, escalation check).
    let events = s.ok(
        "p0",
        minutes(t0, 300),
        escalate("品质科对处理决议有异议,签呈"),
    );
    let (step, take_over) = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Escalated {
                step, take_over, ..
            } => Some((step.clone(), take_over.clone())),
            _ => None,
        })
        .expect("an escalation");
    assert_eq!(step.unwrap().as_str(), "dissent");
    assert_eq!(take_over.unwrap().as_str(), "general_manager");
}

/// 5.9.5.2 「归属至全科或车间人员的,依“客户投诉罚扣标准”每基点数罚扣计全科或车间每人的
/// 基点数」: a loss no unit of the workshop can be found for is split by base
/// points (3 : 2 : 5), not equally.
#[test]
fn s41_unattributed_workshop_loss_split_by_base_points() {
    let roster = paid_roster(
        &[("sc", "生产部", None)],
        &[
            ("p1", "组长", "sc", &["production"], None, 3, "2000"),
            ("p2", "焊工", "sc", &["production"], None, 2, "2000"),
            ("p3", "学徒", "sc", &["production"], None, 5, "2000"),
        ],
    );
    let s = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), roster);
    let facts = PenaltyFacts {
        losses: vec![Loss {
            case: case_id("WH-11"),
            amount: Decimal::from(1000),
            responsible: Responsible::UnattributedWithin(did("sc")),
        }],
        ..PenaltyFacts::new("2025-11".parse().unwrap())
    };
    let result = compute(&s, &facts);
    let gross = |id: &str| {
        result
            .statements
            .iter()
            .find(|st| st.staff.as_str() == id)
            .unwrap()
            .gross
    };
    assert_eq!(
        (gross("p1"), gross("p2"), gross("p3")),
        (money("300"), money("200"), money("500"))
    );
}

/// One round of handling that leaves the customer unsatisfied.
fn s41_unsatisfied_round(s: &mut Scenario, at: DateTime<Utc>) -> Vec<Event> {
    s41_decided(s, at);
    s.ok("b1", minutes(at, 240), reply("已补焊"));
    s.ok(
        "b1",
        minutes(at, 300),
        callback(Satisfaction::Unsatisfied, "客户未能接受"),
    )
}

/// 「再进行第二次处理」, then the general manager: a 签呈 taken during the second
/// round does not hold back the step the used-up rounds call for, and the
/// case that stays unsatisfied after the GM's extra round closes saying
/// that the policy allows two rounds, not three.
#[test]
fn s41_rounds_exhausted_despite_a_dissent_and_the_closing_counts_right() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-12", t0);
    s41_unsatisfied_round(&mut s, beijing(2025, 11, 4, 9, 0));
    s.ok("zj", beijing(2025, 11, 5, 9, 0), reopen("第二次处理"));
    s.ok(
        "p0",
        beijing(2025, 11, 5, 9, 30),
        escalate("品质科有异议,签呈"),
    );
    let second = s41_unsatisfied_round(&mut s, beijing(2025, 11, 6, 9, 0));
    let steps: Vec<_> = second
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Escalated { step, .. } => step.as_ref().map(|x| x.as_str().to_owned()),
            _ => None,
        })
        .collect();
    assert_eq!(steps, ["gm-after-second-handling"]);
    s.ok("zj", beijing(2025, 11, 7, 9, 0), reopen("总经理亲自处理"));
    let third = s41_unsatisfied_round(&mut s, beijing(2025, 11, 8, 9, 0));
    let reason = third.iter().find_map(|e| match &e.kind {
        EventKind::Closed { reason, .. } => reason.clone(),
        _ => None,
    });
    assert_eq!(
        reason.unwrap(),
        "rounds allowed (2) used up, and round 3 after the escalation; customer still unsatisfied"
    );
    assert_eq!(closure_kind(&s), "Unsatisfied");
}

/// A case not closed in time gets the 《催办单》 to the 总经办 (`chase-overdue`,
/// after the assumed 15 days of a 一般投诉); 「由于非公司因素引发的客户不满(包括无效
/// 投诉、非正当客户需求)」 → invalid.
#[test]
fn s41_overdue_chased_and_not_the_companys_cause() {
    let mut s = s41_desk();
    let t0 = beijing(2026, 3, 2, 9, 0);
    s41_assigned(&mut s, "WH-30", t0);
    assert_eq!(level_of(&s), "normal");
    assert_eq!(due(&s, minutes(t0, 61), "closure"), "2026-03-18 00:00");
    s.tick(beijing(2026, 3, 18, 9, 0));
    assert!(
        steps_notified(&s).contains(&"chase-overdue → gm_office".to_owned()),
        "{:?}",
        steps_notified(&s)
    );
    let p = policy("hardware-shelf-wanhao-s41.toml");
    let c = about(t0, "quality", "客户自行超载导致横梁变形")
        .fact(fact("not_company_cause"), yes())
        .build()
        .unwrap();
    assert_eq!(
        judged(&p, &c),
        ("invalid".into(), Some("not-company-cause".into()))
    );
}

/// 5.6.4.1–5.6.4.15, 「客户投诉行政处分判定项目」 (「因票据错误或附样等资料错误遭客户
/// 投诉」 … 「交货延迟」「装运错误」 … 「其他」): the schedule knows each, so the month's
/// facts may name it against the person responsible (an id it does not know is
/// refused); the money or sanction each brings is in the lost table of 5.6.3
/// (「扣罚标准如下表」), so none is charged.
#[test]
fn s41_each_trigger_of_article_5_6_4_is_known_and_charges_nothing() {
    let roster = paid_roster(
        &[("yw", "业务科", None)],
        &[("y1", "业务员", "yw", &["business_section"], None, 2, "2000")],
    );
    let s = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), roster);
    let schedule = s.rt.policy.penalties.clone().unwrap();
    let month = |rule: &str| {
        let facts = PenaltyFacts {
            violations: vec![Violation {
                rule: ViolationId::new(rule).unwrap(),
                case: Some(case_id("WH-40")),
                responsible: sid("y1"),
                supervisor: None,
                items: 1,
            }],
            ..PenaltyFacts::new("2026-03".parse().unwrap())
        };
        tousu_penalty::compute_statements(&schedule, &s.roster, &facts, None)
    };
    for n in 1..=15 {
        let rule = format!("5.6.4.{n}");
        let result = month(&rule).unwrap_or_else(|e| panic!("{rule}: {e}"));
        assert!(
            result.statements.iter().all(|st| st.gross == money("0")),
            "{rule}"
        );
    }
    assert!(month("5.6.4.16").is_err());
}

/// 5.6.4 「以上一经查觉属实者,即依情节轻重予以行政处分」: a sanction cites the
/// trigger that brought it, and the statement names it; a sanction the
/// trigger cannot bring (5.7 names 警告, 小过, 大过 only) is refused with its
/// path, and so is a trigger the list does not have.
#[test]
fn s41_sanctions_cite_their_trigger_and_only_the_three_kinds() {
    let s = s41_desk();
    let schedule = s.rt.policy.penalties.clone().unwrap();
    let sanction = |kind: SanctionKind, violation: &str| Sanction {
        staff: sid("b1"),
        kind,
        case: Some(case_id("WH-9")),
        reason: None,
        violation: Some(ViolationId::new(violation).unwrap()),
    };
    let month = |sanctions: Vec<Sanction>| PenaltyFacts {
        sanctions,
        ..PenaltyFacts::new("2025-11".parse().unwrap())
    };
    let result = compute(
        &s,
        &month(vec![sanction(SanctionKind::MinorDemerit, "5.6.4.9")]),
    );
    let st = &result.statements[0];
    assert_eq!(
        st.outcomes[0].explanation_zh(),
        "小过一次（案件 WH-9）：违反 5.6.4.9 交货延迟"
    );
    assert_eq!(st.gross.to_plain_string(), "100.00"); // the assumed value of 小过
    for (bad, path) in [
        (
            sanction(SanctionKind::PublicCriticism, "5.6.4.9"),
            "sanctions[0].kind",
        ),
        (
            sanction(SanctionKind::Warning, "5.6.4.16"),
            "sanctions[0].violation",
        ),
    ] {
        let err = tousu_penalty::compute_statements(&schedule, &s.roster, &month(vec![bad]), None)
            .unwrap_err();
        assert!(err.to_string().contains(path), "{err}");
    }
}

/// 5.1.13 「各部门对客户投诉处理决议有异议时得以“签呈”专案呈报处理」 and 5.1.15 「如客户
/// 有异议时,再以“签呈”呈报上级处理」: the 品质科 and the 业务科 file the 签呈 themselves
/// (before, only the 综合部, the 副总, the 总经理 and the 总经办 could escalate).
#[test]
fn s41_the_departments_file_their_own_dissent() {
    for who in ["p0", "b1"] {
        let mut s = s41_desk();
        let t0 = beijing(2025, 11, 3, 9, 0);
        s41_assigned(&mut s, "WH-12", t0);
        s41_decided(&mut s, minutes(t0, 90));
        s.ok(
            who,
            minutes(t0, 300),
            escalate_to("dissent", "对处理决议有异议,签呈"),
        );
        assert_eq!(
            steps_notified(&s),
            ["dissent → general_manager ⇒ general_manager"],
            "{who}"
        );
    }
}

/// A case the 前台 accepted and passed to the 业务科 (5.1.1–5.1.3), which never
/// took it up: its late closure is the 业务科's all the same, the roster's
/// holder of the role (`holder`, ruling 75), not the 前台's, which may not
/// close. Fails on the old file (the 前台 was charged).
#[test]
fn s41_a_late_closure_the_business_section_never_took_up_is_still_its() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "货架立柱油漆大面积脱落")
        .category(cat("process"))
        .build()
        .unwrap();
    s.register("f1", "WH-13", c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    s.tick(beijing(2025, 11, 20, 9, 0));
    assert_eq!(breach_owners(&s), ["closure@1 → b1"]);
}

/// 5.1.6 and 5.1.12「业务部门不得超越核决权限与客户做任何处理的答复协议或承认」: the 业务科
/// answers the customer once the 总经理 has decided, not while the case is investigated.
#[test]
fn s41_the_business_section_answers_after_the_decision() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-14", t0);
    s.ok("p0", minutes(t0, 90), investigate());
    let early = s.run("b1", minutes(t0, 100), reply("我司负责免费更换"));
    assert!(
        matches!(&early, Err(Rejection::GrantConditionUnmet { .. })),
        "{early:?}"
    );
    s.ok(
        "p0",
        minutes(t0, 120),
        findings(FaultParty::Us, "横梁挂钩焊接不良"),
    );
    s.ok(
        "p0",
        minutes(t0, 150),
        propose(vec![rem(RemedyKind::Repair)], "补焊并加固"),
    );
    s.ok("zj", minutes(t0, 180), approve());
    s.ok("b1", minutes(t0, 200), reply("经总经理批示,免费补焊加固"));
}

/// 5.1.4「由品质科或工程科有关人员于进行调查处理后,将结果三天内提出报告」: the report is
/// the 品质科 / 工程科's. A case the 业务科 sent to the 品质科 with no person named
/// breached to nobody; it is now whoever of the section acted on it
/// (`fallback_owner`). Fails on the old file.
#[test]
fn s41_a_late_report_without_a_handler_is_the_sections() {
    assert_eq!(
        s41_late_report_owners(s41_desk(), "WH-O", "p0"),
        ["report@1 → p0"]
    );
}

/// Who is charged with the late report of a case the 业务科 sent to the 品质科
/// naming nobody, whose findings `investigator` recorded on Friday 2025-11-07
/// (the report due three days later).
fn s41_late_report_owners(s: Scenario, case: &str, investigator: &str) -> Vec<String> {
    s41_late_report_owners_in(s, case, "pz", investigator, None)
}

/// The same late report with the case sent to `lead`, and `noter` (if any)
/// having put a note on it before the 业务科 sent it.
fn s41_late_report_owners_in(
    mut s: Scenario,
    case: &str,
    lead: &str,
    investigator: &str,
    noter: Option<&str>,
) -> Vec<String> {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "货架立柱变形")
        .category(cat("quality"))
        .build()
        .unwrap();
    s.register("f1", case, c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    if let Some(who) = noter {
        s.ok(
            who,
            minutes(t0, 30),
            note("品质科: 立柱属安装问题,请工程科处理"),
        );
    }
    s.ok("b1", minutes(t0, 60), assign_department(lead));
    s.ok(investigator, beijing(2025, 11, 4, 9, 0), investigate());
    s.ok(
        investigator,
        beijing(2025, 11, 7, 10, 0),
        findings(FaultParty::Us, "立柱钢板厚度不足"),
    );
    s.tick(beijing(2025, 11, 11, 0, 1));
    breach_owners(&s)
}

/// 5.1.4「由品质科或工程科有关人员于进行调查处理后,将结果三天内提出报告」: a case sent
/// to the 品质科 with no person named, whose findings a production 有关人员
/// recorded before anyone of the 品质科 acted, is the section's — its holder at
/// the top in the roster (`holder`, ruling 75). Before, the late report was
/// charged to nobody. Fails on the old file.
#[test]
fn s41_a_late_report_before_the_section_acts_is_its_heads() {
    let roster = roster(
        &[
            ("qt", "前台", None),
            ("yw", "业务科", None),
            ("pz", "品质科", None),
            ("sc", "生产部", None),
        ],
        &[
            ("f1", "前台", "qt", &["front_desk"], None),
            ("b1", "业务科", "yw", &["business_section"], None),
            ("p0", "品质科", "pz", &["quality_section"], None),
            ("s1", "生产部 组长", "sc", &["production"], None),
        ],
    );
    let s = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), roster);
    assert_eq!(s41_late_report_owners(s, "WH-H", "s1"), ["report@1 → p0"]);
}

/// 5.1.11「总经办于每月10日前汇总上月份结案的案件…判定责任归属确认及比率」 and 5.3.1
/// 「总经办每月10日前应审视上月份结案的客户投诉案件,凡经批示为行政处分者,经整理后送人力
/// 资源部提报《处罚通知书》并公布」: two monthly duties of the 总经办, due by the 10th
/// (included, ruling 32) in calendar days — 10 August 2025 is a Sunday and
/// stays — and reminders, as the source fines no miss. Fails on the old file,
/// which had no duties.
#[test]
fn s41_the_general_office_reviews_closed_cases_by_the_tenth() {
    let p = policy("hardware-shelf-wanhao-s41.toml");
    let calendar = p.build_calendar().unwrap();
    for id in ["monthly_closed_case_review", "monthly_sanction_notices"] {
        let (i, d) = p
            .duties
            .iter()
            .enumerate()
            .find(|(_, d)| d.id.as_str() == id)
            .unwrap_or_else(|| panic!("S41 has no duty {id}"));
        assert_eq!(d.role.as_str(), "gm_office");
        assert_eq!(d.on_miss, tousu_policy::OnMiss::Remind);
        let due: Vec<String> = duty_occurrences(
            &calendar,
            i,
            d,
            chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap(),
        )
        .unwrap()
        .iter()
        .map(|o| format!("{} {}", o.period, o.due_date))
        .collect();
        assert_eq!(due, ["2025-08 2025-08-10", "2025-09 2025-09-10"], "{id}");
    }
}

/// 5.1.4「由品质科或工程科有关人员于进行调查处理后,将结果三天内提出报告呈总经理批示」,
/// 5.1.6「业务人员收到总经理已审批的《客户投诉处理表》时,应立即向客户说明、交涉」: the
/// 总经理 approves every solution, however small; the 副总 (5.1.3 assigns when the
/// sections cannot go) approves none. Fails on the old file, where the 副总
/// approved up to 10,000 元 and the 业务科 could answer on his approval alone.
#[test]
fn s41_the_general_manager_approves_every_solution() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-A", t0);
    s.ok("p0", minutes(t0, 60), investigate());
    s.ok("p0", minutes(t0, 120), findings(FaultParty::Us, "焊点不良"));
    s.ok(
        "p0",
        minutes(t0, 150),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "800")],
            "补焊并赔偿800元",
        ),
    );
    assert!(s.run("fz", minutes(t0, 180), approve()).is_err());
    assert!(s.run("b1", minutes(t0, 190), reply("已补焊")).is_err());
    s.ok("zj", minutes(t0, 200), approve());
    s.ok("b1", minutes(t0, 240), reply("已补焊并赔偿800元"));
}

/// Tenth audit: the source promises the customer no date, and 5.1.12 forbids the business section any answer beyond its authority: 「业务部门不得超越核决权限与客户做任何处理的答复协议或承认」. A role held `set_agreed_deadline`, and a date it
/// promised ran on a clock the handler alone owned (no milestone stops on
/// `agreed_deadline_set`): promised before a handler was named, it lapsed
/// charged to nobody. No role may promise one now (fails on the old file).
#[test]
fn s41_no_role_promises_a_date_the_source_lacks() {
    let t0 = beijing(2026, 3, 3, 10, 0);
    no_role_promises_a_date(
        "hardware-shelf-wanhao-s41.toml",
        about(t0, "quality", "货架横梁挂钩开焊").build().unwrap(),
    );
}

/// 5.1.3「若品质科或工程科人员无法及时前往时由副总指派有关人员前往处理,并于处理后向副总
/// 报告处理结果」, 5.1.4「由品质科或工程科有关人员于进行调查处理后,将结果三天内提出报告呈
/// 总经理批示」: the 副总 may send anyone — here a 生产部 组长, named the handler —
/// but the three-day report to the 总经理 stays the section's (ruling 95). The
/// late report is the 品质科's head's, not the 组长's, who reports to the 副总
/// and may not propose the solution the report is. Fails on the old file,
/// where the report was the assignee's: `report@1 → s1`.
#[test]
fn s41_the_report_is_the_sections_when_the_deputy_sends_another() {
    let roster = roster(
        &[
            ("qt", "前台", None),
            ("yw", "业务科", None),
            ("pz", "品质科", None),
            ("sc", "生产部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("f1", "前台", "qt", &["front_desk"], None),
            ("b1", "业务科", "yw", &["business_section"], None),
            ("p0", "品质科 科长", "pz", &["quality_section"], None),
            (
                "p1",
                "品质科 检验员",
                "pz",
                &["quality_section"],
                Some("p0"),
            ),
            ("s1", "生产部 组长", "sc", &["production"], None),
            ("fz", "副总", "zjb", &["deputy_gm"], None),
        ],
    );
    let mut s = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), roster);
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "货架立柱变形")
        .category(cat("quality"))
        .build()
        .unwrap();
    s.register("f1", "WH-D", c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    s.ok("fz", minutes(t0, 60), assign("sc", "s1"));
    s.ok("s1", beijing(2025, 11, 4, 9, 0), investigate());
    s.ok(
        "s1",
        beijing(2025, 11, 7, 10, 0),
        findings(FaultParty::Us, "立柱钢板厚度不足"),
    );
    // The 组长 may not make the report (the solution proposed for the 批示).
    assert!(matches!(
        s.run(
            "s1",
            beijing(2025, 11, 7, 11, 0),
            propose(vec![rem(RemedyKind::Repair)], "更换立柱")
        ),
        Err(Rejection::NotPermitted { .. })
    ));
    // Three days from Friday 7 November (a six-day week): Monday 10th.
    s.tick(beijing(2025, 11, 11, 0, 1));
    assert_eq!(breach_owners(&s), ["report@1 → p0"]);
}

/// 5.1.5「综合部接到前台或业务科的《客户升级\重大投诉处理表》后,应组织相关部门进行评审」: the
/// review of a 重大 case is sent by the 业务科 (the 前台 holds no `escalate`) or
/// started by 综合部; 5.1.13「各部门对客户投诉处理决议有异议时得以“签呈”专案呈报处理」 is
/// the departments' 签呈. Manual steps are taken in file order, so the 品质科's
/// 签呈 on a 重大 case not yet reviewed was taken as the review, and never reached
/// the 总经理. Now only the 业务科 and 综合部 take `major-review` (`by`); the
/// 品质科's 签呈 passes over it. Fails on the old file.
#[test]
fn s41_a_departments_dissent_on_a_major_case_is_not_taken_as_the_review() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "整排货架倒塌,要求赔偿货损")
        .category(cat("quality"))
        .request(rem_amt(RemedyKind::Compensation, "30000"))
        .build()
        .unwrap();
    s.register("f1", "WH-M", c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    assert_eq!(level_of(&s), "major");
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
    s41_decided(&mut s, minutes(t0, 90));
    s.ok("p0", minutes(t0, 300), escalate("对处理决议有异议,签呈"));
    assert_eq!(
        steps_notified(&s),
        ["dissent → general_manager ⇒ general_manager"]
    );
}

/// 5.9.3「责任归属部门的营业人员,以损失金额除以该责任部门的总基点数,再乘以个人的总基点数即为
/// 罚扣金额」 against 5.9.5's 「生产部门的罚扣方式」: a sales department's loss is
/// money by base points (8 : 2), but a production department's own loss is
/// not money — 5.9.5.1「归属至部门的,依“客户投诉罚扣标准”计扣该部门所有人员绩效,分数进行
/// 分滩下调」 lowers scores — so the statements refuse it, alone or as a share,
/// naming the rule (`penalties.losses.departments`, ruling 127); the
/// workshop's loss no unit can be found for stays money (5.9.5.2,
/// `s41_unattributed_workshop_loss_split_by_base_points`). Fails on the old
/// file: the production department's 1,000 元 was split as money, 600/400.
#[test]
fn s41_a_production_departments_own_loss_is_not_money() {
    let roster = paid_roster(
        &[("yw", "业务科", None), ("sc", "生产部", None)],
        &[
            (
                "b1",
                "业务科 詹业务",
                "yw",
                &["business_section"],
                None,
                8,
                "1500",
            ),
            (
                "b2",
                "业务科 助理",
                "yw",
                &["business_section"],
                None,
                2,
                "1500",
            ),
            ("p1", "生产部 组长", "sc", &["production"], None, 3, "2000"),
            ("p2", "生产部 焊工", "sc", &["production"], None, 2, "2000"),
        ],
    );
    let s = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), roster);
    let schedule = s.rt.policy.penalties.clone().unwrap();
    let loss = |responsible: Responsible| PenaltyFacts {
        losses: vec![Loss {
            case: case_id("WH-21"),
            amount: Decimal::from(1000),
            responsible,
        }],
        ..PenaltyFacts::new("2025-11".parse().unwrap())
    };
    // 5.9.3: the sales department's loss by base points.
    let result = compute(&s, &loss(Responsible::Department(did("yw"))));
    let gross = |id: &str| {
        result
            .statements
            .iter()
            .find(|st| st.staff.as_str() == id)
            .unwrap()
            .gross
    };
    assert_eq!((gross("b1"), gross("b2")), (money("800"), money("200")));
    // 5.9.5.1: the production department's own loss is refused, alone…
    let refused = |facts: &PenaltyFacts| {
        tousu_penalty::compute_statements(&schedule, &s.roster, facts, None).unwrap_err()
    };
    let err = refused(&loss(Responsible::Department(did("sc"))));
    assert!(
        matches!(&err, tousu_penalty::PenaltyError::InvalidFact { path, message }
            if path == "losses[0].responsible.department"
                && message.contains("penalties.losses.departments[0]")),
        "{err}"
    );
    // …or as its share of a loss shared with the sales department.
    let shared = Responsible::Parties(vec![
        Responsibility {
            party: ResponsibleParty::Department(did("yw")),
            share: Decimal::new(5, 1),
        },
        Responsibility {
            party: ResponsibleParty::Department(did("sc")),
            share: Decimal::new(5, 1),
        },
    ]);
    let err = refused(&loss(shared));
    assert!(
        matches!(&err, tousu_penalty::PenaltyError::InvalidFact { path, .. }
            if path == "losses[0].responsible.parties[1].department"),
        "{err}"
    );
}

/// Twelfth audit: on an ordinary case the one step by hand the 总经理 may take
/// is `dissent`, the departments' 签呈 (5.1.13「各部门对客户投诉处理决议有异议时得以“签呈”专案呈报处理」),
/// which brings the case to him; he has no step above him, so his escalation
/// took it and reported the case to himself, using the 签呈 a department
/// would file. He no longer escalates. Fails on the old file (the 总经理's
/// escalation was recorded as `dissent`).
#[test]
fn s41_the_general_manager_does_not_escalate_to_himself() {
    only_a_department_files_the_dissent("zj", "WH-G", "货架层板变形", "总经理亲自处理");
}

/// Twelfth audit: the 签呈 of 5.1.13 is the departments' (「各部门」); the 副总
/// assigns people and is reported to (5.1.3「由副总指派有关人员前往处理,并于处理后向副总报告处理结果」)
/// and files none. His escalation took `dissent` and brought the case to the
/// 总经理, using the step a department would take. He no longer escalates.
/// Fails on the old file (the 副总's escalation was recorded as `dissent`).
#[test]
fn s41_the_deputy_does_not_take_the_departments_dissent() {
    only_a_department_files_the_dissent("fz", "WH-D", "货架立柱锈蚀", "呈总经理");
}

/// On an ordinary case assigned to 品质科 (p0): `actor`'s escalation is
/// refused and records nothing, and the department's 签呈 (5.1.13) is then
/// taken as `dissent`.
fn only_a_department_files_the_dissent(actor: &str, case: &str, content: &str, reason: &str) {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, content)
        .category(cat("quality"))
        .build()
        .unwrap();
    s.register("f1", case, c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    assert_eq!(level_of(&s), "normal");
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
    let version = s.case().version;
    let refused = s.run(actor, minutes(t0, 90), escalate(reason)).unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s41_decided(&mut s, minutes(t0, 100));
    s.ok("p0", minutes(t0, 300), escalate("对处理决议有异议,签呈"));
    assert_eq!(steps_taken(&s), ["dissent"]);
}

/// Twelfth audit: 5.1.1 has the 前台 take every complaint and request, and
/// 4.1 sorts them by validity (有效投诉 / 客户需求), not by acceptance; no
/// article lets anyone take one against a rule. The 总经理 held
/// `override_acceptance`, with which he accepted a complaint "against the
/// rules" though the rules accept every one. The grant is gone; the 前台
/// accepts. Fails on the old file (his acceptance with an override reason
/// was taken).
#[test]
fn s41_the_general_manager_does_not_override_acceptance() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "货架横梁承重不足")
        .category(cat("quality"))
        .build()
        .unwrap();
    s.register("f1", "WH-O", c).unwrap();
    let version = s.case().version;
    let overridden = s.run(
        "zj",
        minutes(t0, 5),
        CommandKind::Accept {
            override_reason: Some("总经理特批受理".to_owned()),
        },
    );
    assert!(
        matches!(overridden, Err(Rejection::NotPermitted { .. })),
        "{overridden:?}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("f1", minutes(t0, 10), accept());
}

/// Thirteenth session: 5.1.1「属重大投诉的开具《客户升级\重大投诉处理表》」 has the
/// 前台 judge a major complaint, and 5.1.5「综合部接到前台或业务科的《客户升级\重大投诉处理表》后」
/// lets the 业务科 open the same form later; the 总经理 decides on the review
/// (「并将评审结果送总经理批示」), not the level. He held `reclassify` and made an
/// ordinary case 重大 himself. Fails on the old file (his reclassification was
/// taken, and the 业务科's refused).
#[test]
fn s41_the_front_desk_or_business_section_judges_a_major_complaint() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "货架整体倾斜")
        .category(cat("quality"))
        .build()
        .unwrap();
    s.register("f1", "WH-R", c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    assert_eq!(level_of(&s), "normal");
    let version = s.case().version;
    let refused = s
        .run(
            "zj",
            minutes(t0, 20),
            classify_as("major", "总经理认定为重大"),
        )
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok(
        "b1",
        minutes(t0, 30),
        classify_as("major", "客户升级投诉,开具《客户升级\\重大投诉处理表》"),
    );
    assert_eq!(level_of(&s), "major");
}

/// 5.5.1「总经理办于客户投诉案件处理过程中,对于逾期案件应开立《催办单》催促有关部门处理」:
/// an overdue case is chased, not fined — the 罚扣 of 5.6–5.9 follow the
/// responsibility found and the loss, and no article fines lateness
/// (`penalties.overtime`, 0).
#[test]
fn s41_an_overdue_case_is_chased_not_fined() {
    let mut s = s41_desk();
    let t0 = beijing(2026, 3, 2, 9, 0);
    s41_assigned(&mut s, "WH-31", t0);
    s.tick(beijing(2026, 3, 18, 9, 0));
    assert!(breach_list(&s).contains(&"closure@1".to_owned()));
    let result = statements(&s, "2026-03", |_| {});
    assert_eq!(result.summary.gross, money("0"));
}

/// Ruling 133: the 办法 has no 延期, 延长 or 顺延 (4.2.3 处理时限 is blank; 5.5.1
/// answers a late case with a 《催办单》, not more time), so the assumed closure
/// limit is not extended: the 业务科 may not ask and the 总经理 may not grant,
/// nothing is recorded, and the closure breaches when its 15 days end. Fails
/// on the old file (the 业务科's request was recorded, and an extension the
/// 总经理 approved paused the closure).
#[test]
fn s41_the_closure_is_not_extended() {
    let mut s = s41_desk();
    let t0 = beijing(2026, 3, 2, 9, 0);
    s41_assigned(&mut s, "WH-X", t0);
    assert_no_extension(&mut s, "b1", "zj", beijing(2026, 3, 10, 9, 0));
    assert_eq!(due(&s, minutes(t0, 61), "closure"), "2026-03-18 00:00");
    s.tick(beijing(2026, 3, 18, 9, 0));
    s.assert_replays();
    assert!(
        breach_owners(&s).contains(&"closure@1 → b1".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
}

/// 5.1.3「业务人员应立即反应到品质科人员或工程科」, 5.1.4「由品质科或工程科有关人员于进行
/// 调查处理后,将结果三天内提出报告呈总经理批示」: the report is the section's the case
/// was sent to. A 品质科 member who only put a note on a case the 业务科 then sent
/// to the 工程科 does not answer for the 工程科's late report (`role_holding_case`,
/// ruling 161). Fails on the old file: `report@1 → p0`.
#[test]
fn s41_a_note_by_the_other_section_does_not_make_it_answer_for_the_report() {
    assert_eq!(
        s41_late_report_owners_in(s41_two_sections(), "WH-G", "gc", "q1", Some("p0")),
        ["report@1 → q1"]
    );
}

/// The 前台, the 业务科, the 品质科 (`p0`), the 工程科 (`q1`), the 生产部 (`s1`)
/// and the 副总 (`fz`).
fn s41_two_sections() -> Scenario {
    Scenario::new(
        policy("hardware-shelf-wanhao-s41.toml"),
        roster(
            &[
                ("qt", "前台", None),
                ("yw", "业务科", None),
                ("pz", "品质科", None),
                ("gc", "工程科", None),
                ("sc", "生产部", None),
                ("zjb", "总经办", None),
            ],
            &[
                ("f1", "前台", "qt", &["front_desk"], None),
                ("b1", "业务科", "yw", &["business_section"], None),
                ("p0", "品质科", "pz", &["quality_section"], None),
                ("q1", "工程科", "gc", &["quality_section"], None),
                ("s1", "生产部 组长", "sc", &["production"], None),
                ("fz", "副总", "zjb", &["deputy_gm"], None),
            ],
        ),
    )
}

/// Thirteenth session (language, ruling 166): 5.1.4「由品质科或工程科有关人员于进行调查
/// 处理后,将结果三天内提出报告呈总经理批示」 is the report of the section the case was
/// sent to: the 品质科's report on a case the 业务科 sent to the 工程科 is refused
/// naming `holds_case`, nothing changes, and the 工程科's is taken. 5.1.3「若品质科或
/// 工程科人员无法及时前往时由副总指派有关人员前往处理」: on a case the 副总 sent to the
/// 生产部, which may not report (ruling 95), either section reports
/// (`"role_absent"`). Fails on the old file, where any section reported on any case.
#[test]
fn s41_the_report_is_made_by_the_section_the_case_was_sent_to() {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let report = || propose(vec![rem(RemedyKind::Repair)], "更换立柱");
    // A case `sender` sent to `lead`, whose findings `investigator` recorded.
    let sent_to = |sender: &str, lead: &str, investigator: &str| {
        let mut s = s41_two_sections();
        s41_accepted(&mut s, "WH-R", t0);
        s.ok(sender, minutes(t0, 60), assign_department(lead));
        s.ok(investigator, minutes(t0, 90), investigate());
        s.ok(
            investigator,
            minutes(t0, 120),
            findings(FaultParty::Us, "立柱钢板厚度不足"),
        );
        s
    };
    let mut s = sent_to("b1", "gc", "q1");
    let before = s.case().clone();
    refused_not_holding(&mut s, "p0", minutes(t0, 150), report());
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("q1", minutes(t0, 160), report());
    let mut d = sent_to("fz", "sc", "s1");
    d.ok("p0", minutes(t0, 170), report());
}

/// 5.1.6「业务人员收到总经理已审批的《客户投诉处理表》时,应立即向客户说明、交涉」, 5.1.12
/// 「对《客户投诉处理表》的批示事项据以书信或电话转答客户」: the 办法 has no 非正常结案, and
/// every complaint is answered with what the 总经理 decided. His abnormal closure
/// (assumed) ends only an answered complaint: refused as `grant_condition_unmet` on
/// a case just sent to the 品质科, nothing changes, and taken on the first round's
/// answered case whose customer stays unsatisfied. Fails on the old file, where he
/// closed the case just sent (twenty-first audit).
#[test]
fn s41_the_general_manager_closes_abnormally_only_an_answered_complaint() {
    let closing = || CommandKind::CloseAbnormally {
        reason: "客户拒不接受批示结论,总经理结案".to_owned(),
    };
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-AB", t0);
    let before = s.case().clone();
    let e = s.refused("zj", minutes(t0, 90), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    let mut answered = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), s41_roster());
    s41_first_round(&mut answered);
    answered.ok("zj", beijing(2025, 11, 13, 10, 0), closing());
    assert_eq!(closure_kind(&answered), "Abnormal");
    answered.assert_replays();
}

/// 5.1.3「业务人员应立即反应到品质科人员或工程科,会同生产部门人员共同前往处理」 (and 5.1.7's
/// 生产部, 5.1.14's 综合部): the 业务科 sends a complaint to those who investigate it,
/// never to the 前台, the 副总 or the 总经理 as its handler (`hands_over_to`, ruling
/// 78; S40's 生产管理组 has had its list since the eleventh-session audit). Fails on
/// the old file, where the 业务科 could name anyone.
#[test]
fn s41_the_business_section_sends_a_complaint_only_to_those_who_investigate() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_accepted(&mut s, "WH-HO", t0);
    for (dept, to) in [("qt", "f1"), ("zjb", "fz"), ("zjb", "zj")] {
        let before = (s.case().clone(), s.events.len());
        let refused = s.run("b1", minutes(t0, 40), assign(dept, to)).unwrap_err();
        assert_eq!(refused.kind(), "hand_over_refused", "{to}: {refused}");
        assert_eq!((s.case().clone(), s.events.len()), before);
    }
    s.ok("b1", minutes(t0, 45), assign("pz", "p0"));
}

/// 5.1.13「各部门对客户投诉处理决议有异议时得以“签呈”专案呈报处理」 and 5.1.15「业务员接获
/// 《客户投诉处理表》时…如客户有异议时,再以“签呈”呈报上级处理」: the 签呈 disputes a
/// 决议, so no department files one before the 总经理 has decided (`reached =
/// ["approved", "replied"]`, ruling 160) — not while the case is investigated,
/// nor while the 品质科's report awaits his 批示 — and every department may once
/// he has. Fails on the old file (the 品质科's 签呈 was taken on a case nobody had
/// decided).
#[test]
fn s41_a_dissent_waits_for_a_decision() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_assigned(&mut s, "WH-DQ", t0);
    s41_no_dissent_yet(&mut s, minutes(t0, 70));
    s41_reported(&mut s, minutes(t0, 90));
    s41_no_dissent_yet(&mut s, minutes(t0, 240));
    s.ok("zj", minutes(t0, 270), approve());
    s.ok("p0", minutes(t0, 300), escalate("对处理决议有异议,签呈"));
    assert_eq!(steps_taken(&s), ["dissent"]);
}

/// On a major case the 业务科 sends the 升级 form for review (5.1.5) before any
/// decision, as before; once the review is held its 签呈 (5.1.13) waits for the
/// 总经理's 批示 like every department's. Fails on the old file (the 业务科's
/// second escalation was taken as `dissent` with nothing decided).
#[test]
fn s41_the_review_is_sent_before_the_decision_the_dissent_after() {
    let mut s = s41_desk();
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_major_assigned(&mut s, "WH-MR", t0);
    s.ok(
        "b1",
        minutes(t0, 65),
        escalate("开具《客户升级\\重大投诉处理表》"),
    );
    assert_eq!(steps_taken(&s), ["major-review"]);
    s41_no_dissent_yet(&mut s, minutes(t0, 70));
    s41_decided(&mut s, minutes(t0, 90));
    s.ok("b1", minutes(t0, 300), escalate("客户有异议,签呈"));
    assert_eq!(steps_taken(&s), ["major-review", "dissent"]);
}

/// No 决议 yet: the 品质科's and the 业务科's 签呈 are refused on the grant's
/// `reached`, and nothing is recorded.
fn s41_no_dissent_yet(s: &mut Scenario, at: DateTime<Utc>) {
    for who in ["p0", "b1"] {
        let version = s.case().version;
        let early = s.run(who, at, escalate("对处理决议有异议,签呈"));
        assert!(
            matches!(&early, Err(Rejection::GrantConditionUnmet { unmet, .. }) if unmet.iter().any(|u| u.contains("`reached`"))),
            "{who}: {early:?}"
        );
        assert_eq!(s.case().version, version, "{who}: nothing recorded");
    }
}

/// A 重大 complaint (a 30,000 元 claim) phoned in at `t0`, accepted by the 前台
/// and sent by the 业务科 to the 品质科's `p0` (+60 minutes).
fn s41_major_assigned(s: &mut Scenario, case: &str, t0: DateTime<Utc>) {
    let c = Complaint::builder(t0, Channel::Phone, "整排货架倒塌,要求赔偿货损")
        .category(cat("quality"))
        .request(rem_amt(RemedyKind::Compensation, "30000"))
        .build()
        .unwrap();
    s.register("f1", case, c).unwrap();
    s.ok("f1", minutes(t0, 10), accept());
    assert_eq!(level_of(s), "major");
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
}

/// Thirteenth session (language, ruling 166): 5.1.5「综合部接到前台或业务科的《客户升级\重大
/// 投诉处理表》后,应组织相关部门进行评审」 before any decision; 5.1.13「各部门对客户投诉处理
/// 决议有异议时得以“签呈”专案呈报处理」 only once there is one. On a major case before its
/// review the 业务科's and 综合部's grant for the review let them name the 签呈
/// (`dissent`) itself; each grant now takes its own step (`steps`): the 签呈 named
/// before any decision is refused naming `steps`, nothing changes, and the review
/// is taken. Fails on the old file (the 业务科's `dissent` was taken).
#[test]
fn s41_the_review_grant_does_not_file_the_dissent() {
    let mut s = Scenario::new(policy("hardware-shelf-wanhao-s41.toml"), s41_roster());
    let t0 = beijing(2025, 11, 3, 9, 0);
    s41_major_assigned(&mut s, "WH-MS", t0);
    for (who, at) in [("b1", 70), ("zh1", 75)] {
        let before = s.case().clone();
        let early = s.refused(who, minutes(t0, at), escalate_to("dissent", "签呈"));
        assert!(
            matches!(&early, Rejection::GrantConditionUnmet { unmet, .. } if unmet.iter().any(|u| u.contains("`steps`"))),
            "{who}: {early}"
        );
        assert_eq!(s.case(), &before, "{who}: nothing recorded");
    }
    s.ok(
        "b1",
        minutes(t0, 80),
        escalate("开具《客户升级\\重大投诉处理表》"),
    );
    assert_eq!(steps_taken(&s), ["major-review"]);
}
