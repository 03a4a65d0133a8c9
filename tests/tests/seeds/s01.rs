use super::*;

// ---------------------------------------------------------------------------
// S01 — 联想 维修服务部: a key account's excessive demand, closed abnormally.
// ---------------------------------------------------------------------------
#[test]
fn s01_lenovo_key_account_abnormal_closure() {
    let p = policy("it-repair-lenovo-s01.toml");
    let roster = service_department();
    // Out of scope: a printer of another brand is not accepted.
    let t0 = beijing(2025, 4, 29, 10, 0);
    let other = Complaint::builder(
        t0,
        Channel::Phone,
        "购买的某品牌打印机卡纸，要求联想上门维修",
    )
    .category(cat("third_party_product"))
    .build()
    .unwrap();
    let d = p.acceptance(&EvalInput::new(&other, t0));
    assert!(matches!(d.outcome, Acceptance::NotAccepted { .. }));
    assert_eq!(
        d.rule_id.as_ref().map(ToString::to_string).as_deref(),
        Some("out-of-scope-product")
    );

    let mut s = Scenario::new(p, roster);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "我行采购的50台联想ThinkPad笔记本三个月内有12台主板故障，维修后又反复死机，要求50台整机全部更换新机并赔偿业务损失20万元",
    )
    .complainant(
        Complainant::organization("某商业银行信息科技部")
            .unwrap()
            .with_phone("010-66880000"),
    )
    .category(cat("lenovo_logo_product"))
    .customer_class(CustomerClass::KeyAccount)
    .request(remedy(RemedyKind::Replacement, None, "50台整机更换"))
    .request(remedy(RemedyKind::Compensation, Some("200000"), "业务损失"))
    .build()
    .unwrap();
    s.register("desk1", "S01-1", c).unwrap();
    assert_eq!(level_of(&s), "key_account", "大客户 list → its own level");
    s.ok("desk1", minutes(t0, 20), accept());
    s.ok("desk1", minutes(t0, 30), assign_with("msd", "eng1", &[]));
    // 3 working days from acceptance on 29 April: 30 April, then 6 and 7 May
    // (劳动节 1–5 May) → the end of 7 May.
    assert!(due_all(&s, minutes(t0, 31)).contains(&"result → 2025-05-08 00:00".to_owned()));
    s.ok("eng1", beijing(2025, 4, 30, 9, 0), investigate());
    s.ok(
        "eng1",
        beijing(2025, 4, 30, 11, 0),
        note("《投诉处理资源申请单》: 申请备件中心调拨主板12块（接口人: 备件中心）"),
    );
    // 3.3: the investigation finds the demand excessive and beyond the norms,
    // the condition of 非正常结案.
    s.ok(
        "eng1",
        beijing(2025, 5, 6, 14, 0),
        CommandKind::RecordFacts {
            facts: [(fact("demand_beyond_norms"), yes())].into(),
        },
    );
    s.ok(
        "eng1",
        beijing(2025, 5, 6, 15, 0),
        findings_of(
            FaultParty::Us,
            &[],
            "12台主板为同批次电容缺陷，其余38台检测正常；业务损失无凭据",
        ),
    );
    s.ok(
        "eng1",
        beijing(2025, 5, 6, 16, 0),
        propose(
            vec![
                remedy(RemedyKind::Repair, None, "12台更换新主板并延保一年"),
                remedy(RemedyKind::Apology, None, "书面致歉"),
            ],
            "按三包规定更换故障部件；整机更换和20万元赔偿超出公司政策",
        ),
    );
    s.ok("mgr", beijing(2025, 5, 6, 17, 0), approve());
    s.ok(
        "desk1",
        beijing(2025, 5, 7, 10, 0),
        reply("已为12台故障机更换新主板并延保一年，整机更换及赔偿要求无法满足"),
    );
    s.ok(
        "desk1",
        beijing(2025, 5, 8, 10, 0),
        callback(
            Satisfaction::Unsatisfied,
            "客户坚持50台整机更换并赔偿20万元",
        ),
    );
    s.ok(
        "law1",
        beijing(2025, 5, 9, 10, 0),
        note("法务意见: 要求超出《产品质量法》三包规定及公司政策"),
    );
    s.ok(
        "mgr",
        beijing(2025, 5, 9, 15, 0),
        CommandKind::CloseAbnormally {
            reason: "客户过高要求，超出法律、法规、行业规范及公司相关政策，无法与用户达成一致（非正常结案）".to_owned(),
        },
    );
    assert_eq!(closure_kind(&s), "Abnormal");
    assert!(
        breach_list(&s).is_empty(),
        "every limit was met: {:?}",
        breach_list(&s)
    );
    s.assert_replays();
    insta::assert_snapshot!("s01_lenovo", timeline(&s.events));
}

/// 「批准/日期 … 袁巍2001/4/28」: the policy carries the regulation's own date,
/// not a made-up one (the date labels the policy; cases use their own calendar).
#[test]
fn the_regulation_is_dated_by_its_approval() {
    let p = policy("it-repair-lenovo-s01.toml");
    assert_eq!(p.effective_date, date(2001, 4, 28));
}

/// The assumed manual step to the 服务部经理 can be taken by the desk that holds the case.
#[test]
fn the_desk_hands_a_case_up() {
    let t0 = beijing(2026, 6, 15, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "维修后三次返修仍未修好")
        .complainant(person("客户"))
        .category(cat("repair_service"))
        .build()
        .unwrap();
    let step = manual_step(
        "it-repair-lenovo-s01.toml",
        ("complaint_desk", "complaint_desk"),
        "b",
        c,
    );
    assert_eq!(step.as_deref(), Some("manual-manager"));
}

/// 4.1.1.1 「负责投诉处理流程及相关标准、政策的制定」: the 质量监控处 owns the
/// standards, so it may correct a case's class against them; handling cases
/// is not its duty, so it neither accepts nor answers.
#[test]
fn the_quality_office_owns_the_standards_not_the_cases() {
    let p = policy("it-repair-lenovo-s01.toml");
    let roster = roster(
        &[
            ("msd", "客户维修服务部", None),
            ("qm", "质量监控处", Some("msd")),
        ],
        &[
            ("desk1", "李受理", "msd", &["complaint_desk"], None),
            ("qm1", "孙监控", "qm", &["quality_monitor"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "desk1",
        "LX-9",
        about(t0, "repair_service", "笔记本送修两周未修好")
            .build()
            .unwrap(),
    )
    .unwrap();
    for refused in [accept(), reply("已处理")] {
        assert!(matches!(
            s.run("qm1", minutes(t0, 5), refused),
            Err(Rejection::NotPermitted { .. })
        ));
    }
    s.ok("desk1", minutes(t0, 10), accept());
    s.ok(
        "qm1",
        minutes(t0, 20),
        CommandKind::Classify {
            level: Some(level("key_account")),
            reason: Some("客户在大客户及策略联盟部名单中".to_owned()),
        },
    );
    assert_eq!(level_of(&s), "key_account");
}

/// 3.3「客户过高要求,且超出法律、法规、行业规范及公司相关标准、政策,无法与用户达成一致的投诉,
/// 可以进行非正常结案。」: the manager may close a case abnormally only when the
/// investigation found the demand excessive and beyond the norms, and only after
/// the company's answer was given and not agreed to. (The file let him close
/// any case abnormally at any time, the conditions being only words in the
/// closing reason.)
#[test]
fn s01_abnormal_closure_only_on_its_conditions() {
    let roster = roster(
        &[("msd", "客户维修服务部", None)],
        &[
            ("desk1", "李受理", "msd", &["complaint_desk"], None),
            ("eng1", "王工程师", "msd", &["service_engineer"], None),
            ("mgr", "赵经理", "msd", &["service_manager"], None),
        ],
    );
    let abnormal = || CommandKind::CloseAbnormally {
        reason: "客户过高要求，超出公司政策，无法达成一致".to_owned(),
    };
    let t0 = beijing(2026, 3, 2, 10, 0);
    let run = |found: bool| {
        let mut s = Scenario::new(policy("it-repair-lenovo-s01.toml"), roster.clone());
        s.register(
            "desk1",
            "LX-3",
            about(t0, "repair_service", "笔记本键盘失灵，要求换新机")
                .build()
                .unwrap(),
        )
        .unwrap();
        s.ok("desk1", minutes(t0, 10), accept());
        s.ok("desk1", minutes(t0, 20), assign("msd", "eng1"));
        s.ok("eng1", minutes(t0, 30), investigate());
        if found {
            s.ok(
                "eng1",
                minutes(t0, 40),
                CommandKind::RecordFacts {
                    facts: [(fact("demand_beyond_norms"), yes())].into(),
                },
            );
            // Found, but nothing answered yet: no agreement was sought.
            let early = s.run("mgr", minutes(t0, 45), abnormal()).unwrap_err();
            assert_eq!(early.kind(), "grant_condition_unmet", "{early}");
        }
        s.ok(
            "eng1",
            minutes(t0, 60),
            findings(FaultParty::Us, "键盘排线松动"),
        );
        s.ok(
            "eng1",
            minutes(t0, 70),
            propose(vec![rem(RemedyKind::Repair)], "更换键盘"),
        );
        s.ok("mgr", minutes(t0, 80), approve());
        s.ok(
            "desk1",
            minutes(t0, 90),
            reply("键盘已更换，整机换新不符合三包规定"),
        );
        s.ok(
            "desk1",
            minutes(t0, 120),
            callback(Satisfaction::Unsatisfied, "客户坚持换新机"),
        );
        // Only the manager closes abnormally.
        assert!(s.run("desk1", minutes(t0, 125), abnormal()).is_err());
        let closed = s.run("mgr", minutes(t0, 130), abnormal()).map(|_| ());
        (closed, s)
    };
    let (refused, _) = run(false);
    assert_eq!(refused.unwrap_err().kind(), "grant_condition_unmet");
    let (closed, s) = run(true);
    closed.unwrap();
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// 3.3「…无法与用户达成一致的投诉,可以进行非正常结案。」: no agreement is the
/// customer's rejection of the answer — the round's last callback answered
/// 不满意 (ruling 60). Before any callback, or after a satisfied one, the
/// manager's abnormal closure is refused, naming the condition that failed;
/// after an unsatisfied one it is allowed. (The file left the rejection to
/// the manager's judgement: he could close abnormally as soon as the answer
/// was given.)
#[test]
fn s01_abnormal_closure_waits_for_the_customers_rejection() {
    let roster = roster(
        &[("msd", "客户维修服务部", None)],
        &[
            ("desk1", "李受理", "msd", &["complaint_desk"], None),
            ("eng1", "王工程师", "msd", &["service_engineer"], None),
            ("mgr", "赵经理", "msd", &["service_manager"], None),
        ],
    );
    let abnormal = || CommandKind::CloseAbnormally {
        reason: "客户过高要求，超出公司政策，无法与用户达成一致".to_owned(),
    };
    let t0 = beijing(2026, 3, 2, 10, 0);
    // The demand found beyond the norms and the company's answer given: every
    // condition but the customer's rejection holds.
    let answered = || {
        let mut s = Scenario::new(policy("it-repair-lenovo-s01.toml"), roster.clone());
        s.register(
            "desk1",
            "LX-4",
            about(
                t0,
                "repair_service",
                "屏幕有一个坏点，要求整机换新并赔偿误工费",
            )
            .build()
            .unwrap(),
        )
        .unwrap();
        s.ok("desk1", minutes(t0, 10), accept());
        s.ok("desk1", minutes(t0, 20), assign("msd", "eng1"));
        s.ok("eng1", minutes(t0, 30), investigate());
        s.ok(
            "eng1",
            minutes(t0, 40),
            CommandKind::RecordFacts {
                facts: [(fact("demand_beyond_norms"), yes())].into(),
            },
        );
        s.ok(
            "eng1",
            minutes(t0, 60),
            findings(FaultParty::Us, "单个坏点在行业标准允许范围内"),
        );
        s.ok(
            "eng1",
            minutes(t0, 70),
            propose(vec![rem(RemedyKind::Explanation)], "说明坏点标准"),
        );
        s.ok("mgr", minutes(t0, 80), approve());
        s.ok(
            "desk1",
            minutes(t0, 90),
            reply("单个坏点符合行业标准，不予换机"),
        );
        s
    };
    let refused = |s: &mut Scenario| {
        let err = s.run("mgr", minutes(t0, 150), abnormal()).unwrap_err();
        assert_eq!(err.kind(), "grant_condition_unmet", "{err}");
        err.to_string()
    };

    let mut before = answered();
    let why = refused(&mut before);
    assert!(
        why.contains("service_manager (grants[0])")
            && why.contains("the round's last callback must have answered one of unsatisfied (there is none since the last reply)"),
        "{why}"
    );

    let mut satisfied = answered();
    s_callback(&mut satisfied, Satisfaction::Satisfied, "客户接受解释");
    let why = refused(&mut satisfied);
    assert!(why.contains("(it answered satisfied)"), "{why}");

    let mut rejected = answered();
    s_callback(&mut rejected, Satisfaction::Unsatisfied, "客户坚持整机换新");
    rejected.ok("mgr", minutes(t0, 150), abnormal());
    assert_eq!(closure_kind(&rejected), "Abnormal");
    rejected.assert_replays();
}

fn s_callback(s: &mut Scenario, answer: Satisfaction, note: &str) {
    s.ok("desk1", beijing(2026, 3, 2, 12, 0), callback(answer, note));
}

/// The surviving text (to 4.1.1.2) promises the customer no deadline, and every limit
/// of the file is assumed (#9–#11 of docs/seeds/S01.md): the desk sets none of its own.
/// (The file let it set one, a clock of no clause, and one that lapsed before a
/// handler was assigned was charged to nobody.)
#[test]
fn s01_the_desk_promises_no_deadline_the_source_lacks() {
    let p = policy("it-repair-lenovo-s01.toml");
    let roster = roster(
        &[("msd", "客户维修服务部", None)],
        &[("desk1", "李受理", "msd", &["complaint_desk"], None)],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 9, 9, 0);
    s.register(
        "desk1",
        "LX-10",
        about(t0, "repair_service", "笔记本送修两周未修好")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("desk1", minutes(t0, 2), accept());
    let promise = CommandKind::SetAgreedDeadline {
        deadline: beijing(2026, 3, 10, 17, 0),
    };
    assert!(matches!(
        s.run("desk1", minutes(t0, 3), promise),
        Err(Rejection::NotPermitted { .. })
    ));
}

/// The handling result is the handler's clock (`milestones[id=result]`, assumed: the
/// clauses after 4.1.1.2 are lost), and only the engineer or the desk may answer it.
/// The desk or the manager naming 法务部 (consulted on 3.3's 「超出法律、法规」) or
/// 质量监控处 (4.1.1.1「负责投诉处理流程及相关标准、政策的制定」) the handler would charge
/// them with a result they cannot give: the hand-over is refused and changes nothing
/// (`hands_over_to`, ruling 78). (The file let either hand a case to anyone.)
#[test]
fn s01_a_case_is_handed_to_those_who_can_answer_it() {
    let mut s = Scenario::new(policy("it-repair-lenovo-s01.toml"), service_department());
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "desk1",
        "LX-H",
        about(t0, "repair_service", "主板更换后仍无法开机,要求退机")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("desk1", minutes(t0, 5), accept());
    let before = s.case().clone();
    for (who, dept, handler) in [
        ("desk1", "legal", "law1"),
        ("mgr", "qm", "qm1"),
        ("desk1", "msd", "mgr"),
    ] {
        let refused = s
            .run(who, minutes(t0, 10), assign(dept, handler))
            .unwrap_err();
        assert_eq!(refused.kind(), "hand_over_refused", "{refused}");
        assert_eq!(s.case(), &before, "the refusal changes nothing");
    }
    s.ok("desk1", minutes(t0, 15), assign("msd", "eng1"));
    // 5 working days (assumed) from Monday 2 March: the end of Monday 9 March.
    assert_eq!(due(&s, minutes(t0, 16), "result"), "2026-03-10 00:00");
    s.tick(beijing(2026, 3, 10, 9, 0));
    assert_eq!(breach_owners(&s), ["result@1 → eng1"]);
}

/// Twelfth session, escalation check: the one manual step (`manual-manager`,
/// assumed) brings a case to the 经理, who has nobody above him. Holding
/// `escalate`, the manager took it himself, reporting the case to himself and
/// using the desk's step up. Now he may not escalate and the desk's step still
/// reaches him. Fails on the old file (his escalation was recorded as
/// `manual-manager`).
#[test]
fn s01_the_manager_does_not_escalate_to_himself() {
    let roster = roster(
        &[("msd", "客户维修服务部", None)],
        &[
            ("desk1", "李受理", "msd", &["complaint_desk"], Some("mgr")),
            (
                "eng1",
                "王工程师",
                "msd",
                &["service_engineer"],
                Some("mgr"),
            ),
            ("mgr", "赵经理", "msd", &["service_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("it-repair-lenovo-s01.toml"), roster);
    let t0 = beijing(2025, 4, 29, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "笔记本维修后反复死机")
        .category(cat("lenovo_logo_product"))
        .build()
        .unwrap();
    s.register("desk1", "S01-E", c).unwrap();
    s.ok("desk1", minutes(t0, 20), accept());
    s.ok("desk1", minutes(t0, 30), assign_with("msd", "eng1", &[]));
    let refused = s
        .run("mgr", minutes(t0, 40), escalate("报经理"))
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
    s.ok("desk1", minutes(t0, 50), escalate("报经理"));
    assert_eq!(steps_taken(&s), ["manual-manager"]);
}

/// The desk, an engineer, the manager, 质量监控处 and 法务部.
fn service_department() -> Roster {
    roster(
        &[
            ("msd", "客户维修服务部", None),
            ("qm", "质量监控处", Some("msd")),
            ("legal", "法务部", None),
        ],
        &[
            ("desk1", "李受理", "msd", &["complaint_desk"], Some("mgr")),
            (
                "eng1",
                "王工程师",
                "msd",
                &["service_engineer"],
                Some("mgr"),
            ),
            ("mgr", "赵经理", "msd", &["service_manager"], None),
            ("qm1", "孙监控", "qm", &["quality_monitor"], None),
            ("law1", "钱法务", "legal", &["legal"], None),
        ],
    )
}

/// Ruling 133: the surviving text (1–4.1.1.2) has no 延期, 延长 or 顺延, so the
/// assumed result limit is not extended: the engineer may not ask for more
/// time nor the manager grant it, and the result breaches when the 5 working
/// days end. Fails on the old file (the engineer's request was recorded, and
/// an extension the manager approved paused the result).
#[test]
fn s01_the_result_is_not_extended() {
    let mut s = Scenario::new(policy("it-repair-lenovo-s01.toml"), service_department());
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "repair_service", "主板更换后仍无法开机")
        .build()
        .unwrap();
    s.register("desk1", "LX-X", c).unwrap();
    s.ok("desk1", minutes(t0, 5), accept());
    s.ok("desk1", minutes(t0, 15), assign("msd", "eng1"));
    s.ok("eng1", minutes(t0, 30), investigate());
    assert_no_extension(&mut s, "eng1", "mgr", beijing(2026, 3, 4, 9, 0));
    assert_no_extension(&mut s, "desk1", "mgr", beijing(2026, 3, 4, 9, 0));
    // 5 working days (assumed) from Monday 2 March: the end of Monday 9 March.
    assert_eq!(due(&s, minutes(t0, 31), "result"), "2026-03-10 00:00");
    s.tick(beijing(2026, 3, 10, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["result@1 → eng1"]);
}
