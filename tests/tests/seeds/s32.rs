use super::*;

// ---------------------------------------------------------------------------
// S32 — 客户服务部投诉处理管理制度 (广州市金碧物业管理有限公司)
// ---------------------------------------------------------------------------

#[test]
fn s32_jinbi_late_dispatch_and_month_fines() {
    let p = policy("property-jinbi-s32.toml");
    let roster = paid_roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("gc", "工程部", None),
        ],
        &[
            (
                "dz",
                "当班 苏小姐",
                "dd",
                &["duty_staff"],
                Some("dg"),
                10,
                "800",
            ),
            (
                "dz2",
                "当班 梁小姐",
                "dd",
                &["duty_staff"],
                Some("dg"),
                10,
                "800",
            ),
            (
                "dg",
                "调度主管 陈主管",
                "dd",
                &["dispatch_supervisor"],
                Some("kj"),
                12,
                "1200",
            ),
            (
                "gs",
                "工程部 维修工 阿强",
                "gc",
                &["handler"],
                Some("gz"),
                8,
                "600",
            ),
            (
                "gz",
                "工程部主管 黎主管",
                "gc",
                &["responsible_supervisor"],
                Some("kj"),
                12,
                "1200",
            ),
            (
                "kj",
                "客服部经理 冯经理",
                "kf",
                &["cs_manager"],
                None,
                15,
                "2000",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 10, 9, 8, 58);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "金碧花园5栋2302业主来电:楼上漏水,天花板滴水已一晚",
    )
    .complainant(person("业主 邝先生"))
    .category(cat("property_service"))
    .first_responder(sid("dz"))
    .location("金碧花园5栋2302")
    .build()
    .unwrap();
    s.register("dz", "JB-1", c).unwrap();
    // 「必须在首报五分钟内调度相关部门」.
    assert_eq!(due(&s, t0, "dispatch"), "2025-10-09 09:03");
    s.ok("dz", minutes(t0, 1), accept());
    // 「并同时向投诉人做好解释和安抚工作」: met; only the dispatch is late.
    s.ok("dz", minutes(t0, 2), contacted("已向业主解释,安抚情绪"));
    let late = s.tick(minutes(t0, 6));
    assert!(breached(&late, "dispatch"), "dispatched after five minutes");
    s.ok("dz", minutes(t0, 7), assign("gc", "gs"));
    s.ok("gs", minutes(t0, 30), CommandKind::StartInvestigation);
    s.ok(
        "gs",
        minutes(t0, 60),
        findings(FaultParty::ThirdParty, "楼上2402户卫生间进水软管爆裂"),
    );
    s.ok(
        "gs",
        minutes(t0, 70),
        propose(
            vec![rem(RemedyKind::Repair), rem(RemedyKind::Explanation)],
            "关闭2402总阀,更换软管,协调2402户修复天花",
        ),
    );
    s.ok("dg", minutes(t0, 80), CommandKind::Approve);
    s.ok(
        "dz",
        beijing(2025, 10, 9, 11, 0),
        reply("漏水已止,天花修复已与楼上业主协调"),
    );
    s.ok(
        "dz",
        beijing(2025, 10, 10, 10, 0),
        callback(Satisfaction::Satisfied, "回访业主满意"),
    );
    s.ok("dz", beijing(2025, 10, 10, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s32_jinbi_dispatch", timeline(&s.events));

    // October's statements: the late dispatch (30 元) plus the month's other
    // violations, each with the supervisor the 附则 names.
    let v = |rule: &str, case: &str, staff: &str, sup: Option<&str>, items: u32| Violation {
        rule: ViolationId::new(rule).unwrap(),
        case: Some(case_id(case)),
        responsible: sid(staff),
        supervisor: sup.map(sid),
        items,
    };
    let facts = PenaltyFacts {
        breaches: s.breaches(),
        violations: vec![
            v("record_incomplete", "JB-1", "dz", None, 2),
            v("etiquette_caused_complaint", "JB-7", "dz2", Some("dg"), 1),
            v("ignored_repeat", "JB-9", "dz2", Some("dg"), 1),
            v("record_caused_mishandling", "JB-12", "gs", Some("gz"), 1),
            v("review_late", "JB-12", "dg", None, 1),
        ],
        ..PenaltyFacts::new("2025-10".parse().unwrap())
    };
    let md = statement_markdown(&s, &facts);
    insta::assert_snapshot!("s32_jinbi_statements", md);
}

/// 附则: 「未按《员工服务礼仪标准》要求进行接待」 20 元, 「未按规定用语和标准接听电话」
/// 20 元, 「因解释工作不到位,引起投诉人误解」 50 元, each charged to the person
/// responsible alone (no supervisor's share).
#[test]
fn s32_etiquette_wording_and_explanation_fines() {
    let p = policy("property-jinbi-s32.toml");
    let roster = bonus_roster(
        &[("dd", "调度中心", None)],
        &[
            (("a", "当班 小安", "dd", &["duty_staff"], Some("dg")), "800"),
            (("b", "当班 小白", "dd", &["duty_staff"], Some("dg")), "800"),
            (("c", "当班 小陈", "dd", &["duty_staff"], Some("dg")), "800"),
            (
                ("dg", "调度主管", "dd", &["dispatch_supervisor"], None),
                "1200",
            ),
        ],
    );
    let s = Scenario::new(p, roster);
    let v = |rule: &str, staff: &str| Violation {
        rule: ViolationId::new(rule).unwrap(),
        case: None,
        responsible: sid(staff),
        supervisor: None,
        items: 1,
    };
    let result = compute(
        &s,
        &PenaltyFacts {
            violations: vec![
                v("etiquette", "a"),
                v("phone_wording", "b"),
                v("poor_explanation", "c"),
            ],
            ..PenaltyFacts::new("2026-03".parse().unwrap())
        },
    );
    let gross = |staff: &str| {
        result
            .statements
            .iter()
            .find(|st| st.staff == sid(staff))
            .map_or_else(|| money("0"), |st| st.gross)
    };
    assert_eq!(
        [gross("a"), gross("b"), gross("c"), gross("dg")],
        [money("20"), money("20"), money("50"), money("0")]
    );
}

/// 第二条 督导中心 「负责监督、检查本制度的执行情况」: it reads and notes, and does not
/// handle. The 调度主管 hands a case up to the 客户服务部经理, who takes it over
/// (`manual-cs-manager`).
#[test]
fn s32_supervision_centre_watches_and_the_manager_takes_over() {
    let p = policy("property-jinbi-s32.toml");
    let roster = roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("dz", "督导中心", None),
        ],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], Some("dg")),
            ("dg", "调度主管", "dd", &["dispatch_supervisor"], Some("km")),
            ("km", "客户服务部经理", "kf", &["cs_manager"], None),
            ("sv", "督导中心 督导员", "dz", &["supervision_centre"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "d1",
        "JB-20",
        about(t0, "property_service", "电梯困人十分钟无人接听")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    s.ok(
        "d1",
        minutes(t0, 2),
        contacted("已安抚被困业主,电梯维保即到"),
    );
    assert!(matches!(
        s.run("sv", minutes(t0, 2), close()),
        Err(Rejection::NotPermitted { .. })
    ));
    s.ok("sv", minutes(t0, 3), note("督导中心:抽查接听录音"));
    s.ok("dg", minutes(t0, 4), escalate("困梯投诉,报客户服务部经理"));
    assert_eq!(
        steps_notified(&s),
        ["manual-cs-manager → cs_manager ⇒ cs_manager"]
    );
    // Not dispatched in five minutes, and no first responder was recorded: the
    // 当班人员 who took it answers for 第七条 (and its 30 元), not nobody.
    s.tick(minutes(t0, 6));
    assert_eq!(breach_owners(&s), ["dispatch@1 → d1"]);
}

/// The source has no recusal rule; the file states the project's (ruling 18):
/// the duty staff member complained about neither dispatches nor closes it.
#[test]
fn s32_the_staff_member_complained_about_stands_aside() {
    let p = policy("property-jinbi-s32.toml");
    assert!(p.recusal.respondent && !p.recusal.is_implied());
    let roster = roster(
        &[("dd", "调度中心", None)],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], Some("dg")),
            ("d2", "当班 小韩", "dd", &["duty_staff"], Some("dg")),
            ("dg", "调度主管", "dd", &["dispatch_supervisor"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "property_service", "当班小韩接电话时态度恶劣")
        .respondent(Respondent::staff(sid("d2")))
        .build()
        .unwrap();
    s.register("d1", "JB-21", c).unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    assert!(s.run("d2", minutes(t0, 2), close()).is_err());
    assert!(s.run("d2", minutes(t0, 2), assign("dd", "d1")).is_err());
    s.ok("dg", minutes(t0, 3), assign("dd", "d1"));
}

/// 第七条「当班人员在接到投诉后,必须在首报五分钟内调度相关部门进行处理,并同时向投诉人做好
/// 解释和安抚工作」: the explanation and comfort run with the dispatch, within the
/// same five minutes, and are the 当班人员's. Dispatching alone does not meet
/// them; speaking with the complainant (`customer_contacted`) does. The 附则
/// fines only the late dispatch, so the late comfort costs nothing. Fails on
/// the old file (no such clock; the 当班人员 could not record the contact).
#[test]
fn s32_the_complainant_is_comforted_with_the_dispatch() {
    let p = policy("property-jinbi-s32.toml");
    let roster = roster(
        &[("dd", "调度中心", None), ("gc", "工程部", None)],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], None),
            ("g1", "工程部 维修工", "gc", &["handler"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = || {
        about(t0, "property_service", "楼道灯不亮")
            .first_responder(sid("d1"))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(p.clone(), roster.clone());
    s.register("d1", "JB-30", c()).unwrap();
    assert_eq!(due(&s, t0, "comfort"), "2026-03-02 10:05");
    s.ok("d1", minutes(t0, 1), accept());
    s.ok("d1", minutes(t0, 2), assign("gc", "g1"));
    s.tick(minutes(t0, 6));
    assert_eq!(breach_owners(&s), ["comfort@1 → d1"]);
    let result = statements(&s, "2026-03", |_| {});
    assert_eq!(
        result.summary.gross,
        money("0"),
        "the 附则 fines no late comfort"
    );

    let mut m = Scenario::new(p, roster);
    m.register("d1", "JB-31", c()).unwrap();
    m.ok("d1", minutes(t0, 1), accept());
    m.ok(
        "d1",
        minutes(t0, 2),
        contacted("已向业主解释并安抚,维修工即到"),
    );
    m.ok("d1", minutes(t0, 3), assign("gc", "g1"));
    m.tick(minutes(t0, 6));
    assert!(breach_owners(&m).is_empty());
}

/// The 当班人员 speaks with the complainant (第七条「解释和安抚」).
fn contacted(note: &str) -> CommandKind {
    CommandKind::RecordAction {
        action: tousu_policy::CaseAction::CustomerContacted,
        note: Some(note.into()),
        milestone: None,
    }
}

/// Tenth audit: the source promises the owner no date, only the centre's own limits (「首报五分钟内调度」). A role held `set_agreed_deadline`, and a date it
/// promised ran on a clock the handler alone owned (no milestone stops on
/// `agreed_deadline_set`): promised before a handler was named, it lapsed
/// charged to nobody. No role may promise one now (fails on the old file).
#[test]
fn s32_no_role_promises_a_date_the_source_lacks() {
    let t0 = beijing(2026, 3, 3, 10, 0);
    no_role_promises_a_date(
        "property-jinbi-s32.toml",
        about(t0, "property_service", "楼上漏水")
            .location("金碧花园5栋2302")
            .build()
            .unwrap(),
    );
}

/// Twelfth audit: the one step by hand, `manual-cs-manager` (assumed: the
/// source names no escalation), brings a case to the 客户服务部经理; he has no
/// step above him, so his own escalation took that step and reported the
/// case to himself, using the step the 调度主管 would take. He no longer
/// escalates. Fails on the old file (the manager's escalation was recorded as
/// `manual-cs-manager`).
#[test]
fn s32_the_manager_does_not_escalate_to_himself() {
    let roster = roster(
        &[("kf", "客户服务部", None), ("dd", "调度中心", Some("kf"))],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], Some("dg")),
            ("dg", "调度主管", "dd", &["dispatch_supervisor"], Some("km")),
            ("km", "客户服务部经理", "kf", &["cs_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-jinbi-s32.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "d1",
        "JB-21",
        about(t0, "property_service", "楼道照明损坏一周")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    let version = s.case().version;
    let refused = s
        .run("km", minutes(t0, 3), escalate("经理亲自处理"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("dg", minutes(t0, 4), escalate("报客户服务部经理"));
    assert_eq!(steps_taken(&s), ["manual-cs-manager"]);
}

/// The approval authority (assumed: the source names no amounts): the 调度主管
/// approves up to 200 元, the 责任主管 up to 500 元, the 客户服务部经理 above.
/// A 300 元 remedy is beyond the 调度主管 and within the 责任主管.
#[test]
fn s32_each_supervisor_approves_within_his_amount() {
    let roster = roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("gc", "工程部", None),
        ],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], Some("dg")),
            ("dg", "调度主管", "dd", &["dispatch_supervisor"], Some("km")),
            ("gs", "工程部 维修工", "gc", &["handler"], Some("gz")),
            (
                "gz",
                "工程部主管",
                "gc",
                &["responsible_supervisor"],
                Some("km"),
            ),
            ("km", "客户服务部经理", "kf", &["cs_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-jinbi-s32.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "d1",
        "JB-40",
        about(t0, "property_service", "维修时损坏业主地板")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    s.ok("d1", minutes(t0, 2), assign("gc", "gs"));
    s.ok("gs", minutes(t0, 30), CommandKind::StartInvestigation);
    floor_found_and_proposed(&mut s, t0);
    let version = s.case().version;
    let refused = s
        .run("dg", minutes(t0, 80), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::OutOfAuthority { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("gz", minutes(t0, 90), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
}

/// The cap (assumed: S32 states none, so the fines are deducted in full, up
/// to the whole monthly bonus): 30 items of an incomplete record at 30 元 an
/// item are 900 元 against a bonus of 800 元.
#[test]
fn s32_fines_are_deducted_up_to_the_whole_bonus() {
    let roster = bonus_roster(
        &[("dd", "调度中心", None)],
        &[(("a", "当班 小安", "dd", &["duty_staff"], None), "800")],
    );
    let s = Scenario::new(policy("property-jinbi-s32.toml"), roster);
    let result = compute(
        &s,
        &PenaltyFacts {
            violations: vec![Violation {
                rule: ViolationId::new("record_incomplete").unwrap(),
                case: None,
                responsible: sid("a"),
                supervisor: None,
                items: 30,
            }],
            ..PenaltyFacts::new("2026-03".parse().unwrap())
        },
    );
    let st = &result.statements[0];
    assert_eq!(
        (st.gross, st.cap_limit, st.deducted),
        (money("900"), money("800"), money("800"))
    );
}

/// Ruling 133: the 制度 has no 延期, 延长 or 顺延, so no one asks for more time:
/// the handler may not ask and the 客户服务部经理 may not grant, and nothing is
/// recorded. (No clock of the file paused on an extension, but a request
/// and its approval were recorded on the case as if the source gave one.)
/// Fails on the old file (the handler's request was recorded).
#[test]
fn s32_no_one_extends_the_handling() {
    let roster = roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("gc", "工程部", None),
        ],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], Some("dg")),
            ("dg", "调度主管", "dd", &["dispatch_supervisor"], Some("km")),
            ("gs", "工程部 维修工 阿强", "gc", &["handler"], None),
            ("km", "客户服务部经理", "kf", &["cs_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-jinbi-s32.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "property_service", "楼上漏水").build().unwrap();
    s.register("d1", "JB-X", c).unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    s.ok("d1", minutes(t0, 3), assign("gc", "gs"));
    s.ok("gs", minutes(t0, 30), investigate());
    assert_no_extension(&mut s, "gs", "km", minutes(t0, 60));
    s.assert_replays();
}

/// 第八条「当班人员应当合理地安排人员处理投诉,并将投诉事项详细告知投诉处理人」: the
/// 投诉处理人 and his 责任主管 are those of the department the duty staff sent
/// the case to. 保洁部's handler may not answer it before it is sent anywhere,
/// and neither he nor 保洁部's supervisor may record findings on, answer,
/// approve or report up a case sent to 工程部, whose handler and supervisor
/// do. Before (the act probe of 2026-11-28) they could, ending 工程部's
/// clocks. Fails on the old file.
#[test]
fn s32_only_the_department_sent_the_case_handles_it() {
    let roster = roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("gc", "工程部", None),
            ("bj", "保洁部", None),
        ],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], None),
            ("gs", "工程部 维修工", "gc", &["handler"], None),
            ("gz", "工程部主管", "gc", &["responsible_supervisor"], None),
            ("bs", "保洁部 保洁员", "bj", &["handler"], None),
            ("bz", "保洁部主管", "bj", &["responsible_supervisor"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-jinbi-s32.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "property_service", "维修时损坏业主地板")
        .build()
        .unwrap();
    s.register("d1", "JB-H", c).unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    refused_not_holding(&mut s, "bs", minutes(t0, 2), reply("保洁部答复"));
    s.ok("d1", minutes(t0, 3), assign("gc", "gs"));
    s.ok("gs", minutes(t0, 30), investigate());
    for (who, kind) in [
        ("bs", findings(FaultParty::Us, "保洁部：地板打蜡过滑")),
        ("bs", reply("保洁部答复")),
        ("bz", findings(FaultParty::Us, "保洁部主管：地板打蜡过滑")),
        ("bz", escalate("保洁部主管上报")),
    ] {
        refused_not_holding(&mut s, who, minutes(t0, 40), kind);
    }
    floor_found_and_proposed(&mut s, t0);
    refused_not_holding(&mut s, "bz", minutes(t0, 80), approve());
    s.ok("gz", minutes(t0, 90), approve());
    assert_eq!(status(&s), Status::Approved);
}

/// 工程部's handler finds the floor scratched by a ladder and proposes 300 元
/// (the two approval tests' case, an hour after registration).
fn floor_found_and_proposed(s: &mut Scenario, t0: chrono::DateTime<chrono::Utc>) {
    s.ok(
        "gs",
        minutes(t0, 60),
        findings(FaultParty::Us, "维修工搬运梯子划伤地板"),
    );
    s.ok(
        "gs",
        minutes(t0, 70),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "300")],
            "赔偿地板修复费300元",
        ),
    );
}

/// 第七条「当班人员在接到投诉后,必须在首报五分钟内调度相关部门进行处理」 and 第一条
/// 「客户服务部是投诉受理、处理、回访…的主要责任部门」 (twenty-first audit): the assumed
/// abnormal closure of the 客户服务部经理 ends only a complaint handled and answered.
/// He closed one at any stage: closed two minutes after the first report, nothing
/// dispatched, it stopped `dispatch` and the 附则's 30 元 (fails on the old file: the
/// closure was accepted). Now refused, the dispatch runs late to the 当班人员; once
/// dispatched and answered he may end it.
#[test]
fn s32_the_manager_closes_abnormally_only_an_answered_complaint() {
    let roster = roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("gc", "工程部", None),
        ],
        &[
            ("d1", "当班 小冯", "dd", &["duty_staff"], Some("km")),
            ("km", "客户服务部经理", "kf", &["cs_manager"], None),
            ("gs", "工程部 维修工", "gc", &["handler"], None),
        ],
    );
    let mut s = Scenario::new(policy("property-jinbi-s32.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "property_service", "地下车库照明损坏")
        .first_responder(sid("d1"))
        .build()
        .unwrap();
    s.register("d1", "JB-A", c).unwrap();
    s.ok("d1", minutes(t0, 1), accept());
    let abnormal = || CommandKind::CloseAbnormally {
        reason: "业主不再联系".into(),
    };
    assert!(matches!(
        s.run("km", minutes(t0, 2), abnormal()),
        Err(Rejection::GrantConditionUnmet { .. })
    ));
    s.tick(minutes(t0, 6));
    assert!(breach_owners(&s).contains(&"dispatch@1 → d1".to_owned()));
    s.ok("d1", minutes(t0, 8), assign("gc", "gs"));
    s.ok("gs", minutes(t0, 30), investigate());
    s.ok("gs", minutes(t0, 60), reply("已更换灯管"));
    s.ok("km", minutes(t0, 90), abnormal());
    s.assert_replays();
}
