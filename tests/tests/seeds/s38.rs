use super::*;

// ---------------------------------------------------------------------------
// S38 — 医院投诉管理
// ---------------------------------------------------------------------------

/// A complainant who leaves a telephone number: 6「对不能立即答复或解决的问题,
/// 做好登记,留下联系方法」 asks it of every complaint that is handed on.
fn patient(name: &str) -> Complainant {
    person(name).with_phone("13800000038")
}

#[test]
fn s38_hospital_billing_complaint_over_spring_festival() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("nk", "心内科病区", Some("yy")),
            ("cw", "财务科", Some("yy")),
            ("zh", "综合办", Some("yy")),
        ],
        &[
            ("hs", "护士站 护士 小祁", "nk", &["first_receiver"], None),
            ("cw1", "财务科 单会计", "cw", &["finance"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2026, 2, 13, 21, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "住院费用清单中同一项心脏彩超收费两次,多收860元",
    )
    .complainant(patient("患者家属 柏女士"))
    .category(cat("billing"))
    .first_responder(sid("hs"))
    .build()
    .unwrap();
    s.register("hs", "YY-1", c).unwrap();
    assert_eq!(due(&s, t0, "routing"), "2026-02-14 21:00");
    s.ok("hs", minutes(t0, 5), accept());
    // 5 working days (assumed) from Fri 13 Feb 2026: Sat 14 (make-up day),
    // then after the festival 24, 25, 26, 27 Feb.
    assert_eq!(due(&s, minutes(t0, 5), "feedback"), "2026-02-28 00:00");
    // 收费投诉上交财务科.
    s.ok("hs", beijing(2026, 2, 14, 8, 30), assign("cw", "cw1"));
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 11, 0),
        findings(FaultParty::Us, "医嘱重复录入导致重复计费"),
    );
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 11, 30),
        propose(
            vec![rem_amt(RemedyKind::Refund, "860"), rem(RemedyKind::Apology)],
            "冲销重复收费860元",
        ),
    );
    s.ok("cw1", beijing(2026, 2, 14, 11, 40), CommandKind::Approve);
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 14, 0),
        reply("已冲销重复收费860元,出院结算时退还"),
    );
    s.ok(
        "zh1",
        beijing(2026, 2, 25, 10, 0),
        callback(Satisfaction::Satisfied, "家属满意"),
    );
    s.ok("zh1", beijing(2026, 2, 25, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s38_hospital", timeline(&s.events));

    // (1) 已向人民法院起诉: explained, not handled.
    let mut r = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Letter, "手术并发症索赔")
        .complainant(patient("韩先生"))
        .category(cat("medical"))
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    r.register("hs", "YY-2", c).unwrap();
    assert!(r.run("hs", minutes(t0, 1), accept()).is_err());
}

/// Non-happy paths: the five 「说明情况,告知相关处理规定」 grounds refuse a
/// complaint with the rule named; a patient-safety complaint gets the shorter
/// (assumed) 2 working days; a late feedback goes to 综合办.
#[test]
fn s38_grounds_not_handled_and_patient_safety() {
    let p = policy("hospital-s38.toml");
    let t0 = beijing(2026, 9, 7, 10, 0);
    let refused = |c: Complaint| {
        let d = p.acceptance(&EvalInput::new(&c, t0));
        assert!(matches!(d.outcome, Acceptance::NotAccepted { .. }), "{d:?}");
        d.rule_id.map(|r| r.to_string()).unwrap_or_default()
    };
    let base = |text: &str| Complaint::builder(t0, Channel::Visit, text);
    assert_eq!(
        refused(
            base("已起诉医院, 仍来投诉")
                .flags(ComplaintFlags {
                    in_litigation: true,
                    ..ComplaintFlags::default()
                })
                .build()
                .unwrap()
        ),
        "sued"
    );
    assert_eq!(
        refused(
            base("信访办已答复的事项")
                .flags(ComplaintFlags {
                    handled_by_other_authority: true,
                    ..ComplaintFlags::default()
                })
                .build()
                .unwrap()
        ),
        "petition-handled"
    );
    assert_eq!(
        refused(
            base("医院就是不好")
                .fact(fact("no_target_or_facts"), yes())
                .build()
                .unwrap()
        ),
        "no-target-or-facts"
    );
    assert_eq!(
        refused(
            base("门诊大厅被盗, 公安已立案")
                .fact(fact("under_police_investigation"), yes())
                .build()
                .unwrap()
        ),
        "police-case"
    );
    assert_eq!(
        refused(
            base("要求医院替我向医保局申请报销比例")
                .fact(fact("outside_remit"), yes())
                .build()
                .unwrap()
        ),
        "outside-remit"
    );
    let roster = roster(
        &[
            ("nk", "内科", None),
            ("yj", "医教科", None),
            ("zh", "综合办", None),
        ],
        &[
            ("hs", "护士站 护士", "nk", &["first_receiver"], None),
            ("yj1", "医教科 干事", "yj", &["medical_affairs"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let c = base("输液时护士核对错误, 险些输错药")
        .complainant(patient("患者家属 蔡先生"))
        .category(cat("medical"))
        .flags(ComplaintFlags {
            injury_or_safety: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    s.register("hs", "YY-S", c).unwrap();
    assert_eq!(level_of(&s), "serious");
    s.ok("hs", minutes(t0, 10), accept());
    s.ok("hs", minutes(t0, 20), assign("yj", "yj1"));
    // 2 working days (assumed) from Monday 7 September, the starting day not
    // counted: the end of Wednesday the 9th.
    assert_eq!(due(&s, minutes(t0, 21), "feedback"), "2026-09-10 00:00");
    s.tick(beijing(2026, 9, 10, 8, 0));
    assert!(breached(&s.events, "feedback"));
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "office-on-late")
    }));
}

/// 5「对投诉者的不正确意见和不合理要求,要耐心解释」: an unreasonable demand is
/// not a valid complaint; an internal complaint (9) is received like any other.
#[test]
fn s38_unreasonable_demands_and_internal_complaints() {
    let p = policy("hospital-s38.toml");
    let t0 = beijing(2026, 9, 7, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "要求医院免除全部住院费用")
        .category(cat("billing"))
        .fact(fact("unreasonable_demand"), yes())
        .build()
        .unwrap();
    let v = p.validity(&EvalInput::new(&c, t0));
    assert_eq!(v.outcome, Validity::Invalid);
    assert_eq!(
        v.rule_id.map(|r| r.to_string()).as_deref(),
        Some("unreasonable")
    );
    let internal = Complaint::builder(t0, Channel::Internal, "药房冷链冰箱温度报警无人处理")
        .category(cat("conduct"))
        .build()
        .unwrap();
    assert!(matches!(
        p.acceptance(&EvalInput::new(&internal, t0)).outcome,
        Acceptance::Accept
    ));
}

/// 7「属于下列情形之一的投诉,投诉管理部门应当向投诉人说明情况,告知相关处理规定」:
/// the complaint-management department (综合办) turns such a complaint away.
#[test]
fn s38_the_complaint_office_turns_a_complaint_away() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[("nk", "内科", None), ("zh", "综合办", None)],
        &[
            ("hs", "护士站 护士", "nk", &["first_receiver"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 9, 8, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "住院部病房内手机被盗, 派出所已立案")
        .complainant(patient("患者 苗先生"))
        .category(cat("conduct"))
        .fact(fact("under_police_investigation"), yes())
        .build()
        .unwrap();
    s.register("hs", "YY-N", c).unwrap();
    s.ok(
        "zh1",
        minutes(t0, 30),
        CommandKind::NotAccept {
            reason_zh: "已经依法立案侦查的治安案件".to_owned(),
            advice_zh: Some("请配合公安机关侦查".to_owned()),
        },
    );
}

/// 2 「窗口…由窗口工作人员负责接待;门诊病人投诉由“一站式”服务台负责接待处理;住院病人投诉
/// 由各科护士站负责接待处理」: the window clerk, the one-stop desk and a ward's nurse
/// station each take in the complaint made to them.
#[test]
fn s38_each_reception_point_takes_in_its_complaints() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[
            ("ck", "收费窗口", None),
            ("yzs", "一站式服务台", None),
            ("hs", "心内科护士站", None),
        ],
        &[
            ("c1", "窗口收费员", "ck", &["first_receiver"], None),
            ("y1", "服务台护士", "yzs", &["first_receiver"], None),
            ("h1", "护士站护士长", "hs", &["first_receiver"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    for (who, category, content) in [
        ("c1", "billing", "窗口多收挂号费"),
        ("y1", "medical", "门诊候诊时间过长"),
        ("h1", "conduct", "住院病人反映夜班护士态度差"),
    ] {
        let mut s = Scenario::new(p.clone(), roster.clone());
        s.register(
            who,
            &format!("YY-{who}"),
            about(t0, category, content).build().unwrap(),
        )
        .unwrap();
        s.ok(who, minutes(t0, 5), accept());
        assert_eq!(status(&s), Status::Accepted, "{who}");
    }
}

/// 4「凡医疗投诉上交医教科、收费投诉上交财务科、行风投诉上交综合办处理」: each subject
/// goes to its office (an assignment elsewhere is refused, naming the route),
/// and the office it is routed to approves its settlements — 财务科 may not
/// approve a medical settlement it could approve for a billing complaint.
#[test]
fn s38_routing_and_approval_by_subject() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("nk", "心内科病区", Some("yy")),
            ("cw", "财务科", Some("yy")),
            ("yj", "医教科", Some("yy")),
            ("ld", "院办", Some("yy")),
        ],
        &[
            ("hs", "护士站 护士", "nk", &["first_receiver"], None),
            ("cw1", "财务科 会计", "cw", &["finance"], None),
            ("yj1", "医教科 科员", "yj", &["medical_affairs"], None),
            ("yj2", "医教科 科长", "yj", &["medical_affairs"], None),
            ("ld1", "副院长", "ld", &["hospital_leader"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 9, 0);
    let open = |category: &str, text: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = Complaint::builder(t0, Channel::Visit, text)
            .complainant(patient("患者"))
            .category(cat(category))
            .first_responder(sid("hs"))
            .build()
            .unwrap();
        s.register("hs", "YY-R", c).unwrap();
        s.ok("hs", minutes(t0, 5), accept());
        s
    };

    // A medical complaint handed to 财务科 is misrouted, by name or by department.
    let mut m = open("medical", "术后换药不及时导致伤口感染");
    let to_finance = m
        .run("hs", minutes(t0, 10), assign("cw", "cw1"))
        .unwrap_err();
    assert!(
        matches!(&to_finance, Rejection::Misrouted { route, handler_role, .. }
            if route.as_str() == "medical" && handler_role.as_str() == "medical_affairs"),
        "{to_finance}"
    );
    assert_eq!(
        to_finance.to_string(),
        "route medical hands medical complaints to role \"medical_affairs\": the handler cw1 does not hold it"
    );
    let dept_only = m
        .run(
            "hs",
            minutes(t0, 11),
            CommandKind::Assign {
                assignment: Assignment {
                    lead: DepartmentId::new("cw").unwrap(),
                    handler: None,
                    co_handling: vec![],
                },
            },
        )
        .unwrap_err();
    assert_eq!(dept_only.kind(), "misrouted", "{dept_only}");
    let assigned = m.ok("hs", minutes(t0, 12), assign("yj", "yj1"));
    // The assignment records the route it follows.
    assert!(
        assigned.iter().any(|e| matches!(&e.kind, EventKind::Assigned { route: Some(r), .. } if r.as_str() == "medical")),
        "{assigned:?}"
    );
    m.ok("yj1", minutes(t0, 60), CommandKind::StartInvestigation);
    m.ok(
        "yj1",
        minutes(t0, 120),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "1500")],
            "减免换药费用并补偿1500元",
        ),
    );
    let proposal = m.case().proposal.clone().unwrap();
    assert_eq!(
        proposal.approval_rule.as_ref().map(|r| r.as_str()),
        Some("medical")
    );
    assert_eq!(
        proposal.required_role.as_ref().map(|r| r.as_str()),
        Some("medical_affairs")
    );
    // 财务科 approves refunds up to 2,000 元 — of billing complaints only.
    let finance = m.run("cw1", minutes(t0, 130), approve()).unwrap_err();
    assert!(
        matches!(&finance, Rejection::OutOfAuthority { required_role, rule: Some(rule), .. }
            if required_role.as_str() == "medical_affairs" && rule.as_str() == "medical"),
        "{finance}"
    );
    m.ok("yj2", minutes(t0, 140), approve());

    // A billing refund above 2,000 元 goes to the hospital leaders.
    let mut b = open("billing", "检查费重复收取2600元");
    b.ok("hs", minutes(t0, 10), assign("cw", "cw1"));
    b.ok("cw1", minutes(t0, 60), CommandKind::StartInvestigation);
    b.ok(
        "cw1",
        minutes(t0, 90),
        propose(
            vec![rem_amt(RemedyKind::Refund, "2600")],
            "退还重复收费2600元",
        ),
    );
    let over = b.run("cw1", minutes(t0, 100), approve()).unwrap_err();
    assert!(
        matches!(&over, Rejection::OutOfAuthority { required_role, rule: Some(rule), .. }
            if required_role.as_str() == "hospital_leader" && rule.as_str() == "billing"),
        "{over}"
    );
    b.ok("ld1", minutes(t0, 120), approve());
}

/// 3「凡第一位接到病人投诉的本院职工均为“投诉第一接待人”」: a complaint recorded
/// without its first receiver, not handled or passed on within the day, is charged
/// to the receiver who registered it.
#[test]
fn s38_a_late_handover_without_a_first_receiver_is_the_receivers() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[("mz", "门诊一站式服务台", None)],
        &[("fw", "服务台 何护士", "mz", &["first_receiver"], None)],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "挂号后候诊三小时无人叫号")
        .complainant(patient("患者家属 吴先生"))
        .category(cat("conduct"))
        .build()
        .unwrap();
    s.register("fw", "YY-F", c).unwrap();
    s.tick(beijing(2026, 3, 3, 11, 0));
    assert_eq!(breach_owners(&s), ["routing@1 → fw"]);
}

/// 5「对投诉者的不正确意见和不合理要求,要耐心解释,做好疏导工作」: whether a view is unfounded
/// is what the investigation finds: the investigator records it with `record_facts` and the findings
/// judge by it; the same case without the finding is valid.
#[test]
fn s38_an_unfounded_demand_is_found_by_the_investigation() {
    let c = || {
        Complaint::builder(beijing(2025, 11, 3, 9, 0), Channel::Phone, "投诉")
            .complainant(patient("投诉人"))
            .category(cat("medical"))
            .build()
            .unwrap()
    };
    let crew: (&[&str], &[&str]) = (&["first_receiver"], &["medical_affairs"]);
    assert_eq!(
        judged_on_finding("hospital-s38.toml", crew, c(), Some("unreasonable_demand")),
        ("invalid".to_owned(), Some("unreasonable".to_owned()))
    );
    assert_eq!(
        judged_on_finding("hospital-s38.toml", crew, c(), None),
        ("valid".to_owned(), None)
    );
}

/// #5 3「凡对病人投诉不接待者,当事人作为一次投诉处理」: the patient's complaint that
/// a nurse would not receive theirs is registered by another receiver with
/// the nurse as respondent (`refused_reception`, a 行风 matter routed to
/// 综合办); found valid and closed, it counts as one complaint against that
/// nurse in the month's penalty facts (the count ladders read them). Fails
/// on the old file, which had no such category.
#[test]
fn s38_refusing_to_receive_a_complaint_is_a_complaint_against_the_refuser() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[
            ("nk", "心内科病区", None),
            ("mz", "门诊一站式服务台", None),
            ("zh", "综合办", None),
        ],
        &[
            ("hs", "护士站 护士 小祁", "nk", &["first_receiver"], None),
            ("fw", "服务台 小沈", "mz", &["first_receiver"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let t0 = beijing(2026, 3, 9, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "病区护士拒不接待家属对输液延误的投诉")
        .complainant(patient("患者家属 尹先生"))
        .category(cat("refused_reception"))
        .respondent(Respondent::staff(sid("hs")))
        .first_responder(sid("fw"))
        .build()
        .unwrap();
    s.register("fw", "YY-R", c).unwrap();
    s.ok("fw", minutes(t0, 5), accept());
    // A 行风 matter: routed to 综合办 with its parent category.
    assert_eq!(
        p.route_for(&cat("refused_reception"))
            .map(|r| r.id.as_str()),
        Some("conduct")
    );
    s.ok("fw", minutes(t0, 20), assign("zh", "zh1"));
    s.ok("zh1", minutes(t0, 60), investigate());
    s.ok(
        "zh1",
        beijing(2026, 3, 10, 15, 0),
        findings(FaultParty::Us, "护士未按首问负责制接待投诉属实"),
    );
    s.ok(
        "zh1",
        beijing(2026, 3, 10, 15, 30),
        propose(
            vec![rem(RemedyKind::Apology)],
            "向家属致歉,当事护士作为一次投诉处理",
        ),
    );
    s.ok("zh1", beijing(2026, 3, 10, 16, 0), approve());
    s.ok("zh1", beijing(2026, 3, 10, 16, 30), reply("已核实并致歉"));
    s.ok(
        "zh1",
        beijing(2026, 3, 12, 10, 0),
        callback(Satisfaction::Satisfied, "家属满意"),
    );
    s.ok("zh1", beijing(2026, 3, 12, 10, 5), close());
    s.assert_replays();
    let facts = tousu::report::penalty_facts(
        Month::new(2026, 3).unwrap(),
        [tousu::report::CaseRecord {
            case: s.case(),
            events: &s.events,
            offset: chrono::FixedOffset::east_opt(8 * 3600).unwrap(),
        }],
    )
    .unwrap();
    let against: Vec<(&str, &str)> = facts
        .complaints
        .iter()
        .map(|c| (c.staff.as_str(), c.case.as_str()))
        .collect();
    assert_eq!(against, [("hs", "YY-R")]);
}

/// 3「各科室及每位员工均有接待投诉的责任与义务…凡对病人投诉不接待者,当事人作为一次投诉处理」
/// and 7「属于下列情形之一的投诉,投诉管理部门应当向投诉人说明情况,告知相关处理规定」: the
/// first receiver turns no complaint away; one they cannot accept (here a police case) they
/// pass to 综合办 (4「上交综合办」), which stops their clock, and 综合办 explains. They
/// pass it to the offices, not to the leaders (assumed). (The file let the first receiver
/// refuse the complaint, and gave them no way to pass on one they could not accept.)
#[test]
fn s38_the_first_receiver_passes_on_what_they_cannot_accept() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[("nk", "内科", None), ("zh", "综合办", None)],
        &[
            ("hs", "护士站 护士", "nk", &["first_receiver"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 9, 8, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "住院部病房内手机被盗, 派出所已立案")
        .complainant(patient("患者 苗先生"))
        .category(cat("conduct"))
        .fact(fact("under_police_investigation"), yes())
        .build()
        .unwrap();
    s.register("hs", "YY-P", c).unwrap();
    let turned_away = s
        .run(
            "hs",
            minutes(t0, 10),
            CommandKind::NotAccept {
                reason_zh: "已经依法立案侦查的治安案件".to_owned(),
                advice_zh: None,
            },
        )
        .unwrap_err();
    assert_eq!(turned_away.kind(), "not_permitted", "{turned_away}");
    let to_leaders = s
        .run(
            "hs",
            minutes(t0, 15),
            escalate_to("manual-leader", "上交院领导"),
        )
        .unwrap_err();
    assert_eq!(to_leaders.kind(), "grant_condition_unmet", "{to_leaders}");
    s.ok(
        "hs",
        minutes(t0, 20),
        escalate_to("manual-office", "上交综合办"),
    );
    s.tick(beijing(2026, 9, 10, 9, 0));
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.ok(
        "zh1",
        beijing(2026, 9, 10, 10, 0),
        CommandKind::NotAccept {
            reason_zh: "已经依法立案侦查的治安案件".to_owned(),
            advice_zh: Some("说明情况,告知相关处理规定:请配合公安机关侦查".to_owned()),
        },
    );
    assert_eq!(status(&s), Status::NotAccepted);
    // A 行风 complaint the receiver passes on unaccepted, 综合办 takes in.
    let c = Complaint::builder(t0, Channel::Visit, "护工态度恶劣")
        .complainant(patient("患者家属 苗女士"))
        .category(cat("conduct"))
        .build()
        .unwrap();
    let mut o = Scenario::new(policy("hospital-s38.toml"), s.roster.clone());
    o.register("hs", "YY-Q", c).unwrap();
    o.ok(
        "hs",
        minutes(t0, 5),
        escalate_to("manual-office", "上交综合办"),
    );
    o.ok("zh1", minutes(t0, 30), accept());
}

/// #8 6「对不能立即答复或解决的问题,做好登记,留下联系方法,在规定时日内把调查结果和处理意见
/// 反馈给投诉者。」: a complaint answered on the spot needs no contact; one the first
/// receiver hands on — assigned to its office, passed to 综合办, or given a date for the
/// answer — is refused while the record has no way to reach the complainant, naming
/// the requirement (`registration.before[0]`), and nothing changes. (The old file
/// handed it on without one: the feedback 6 promises could not reach anyone.)
#[test]
fn s38_a_complaint_not_answered_at_once_leaves_a_contact() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[("mz", "门诊一站式服务台", None), ("cw", "财务科", None)],
        &[
            ("fw", "服务台 何护士", "mz", &["first_receiver"], None),
            ("cw1", "财务科 会计", "cw", &["finance"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let visit = |who: Complainant| {
        Complaint::builder(t0, Channel::Visit, "门诊缴费后发票金额与清单不符")
            .complainant(who)
            .category(cat("billing"))
            .first_responder(sid("fw"))
            .build()
            .unwrap()
    };

    // Answered at once: no contact asked.
    let mut at_once = Scenario::new(p.clone(), roster.clone());
    at_once
        .register("fw", "YY-A", visit(person("患者 郑先生")))
        .unwrap();
    at_once.ok("fw", minutes(t0, 2), accept());
    at_once.ok(
        "fw",
        minutes(t0, 5),
        reply("系发票打印时合并了两项检查费, 已当场核对说明"),
    );
    assert_eq!(status(&at_once), Status::Replied);

    // Not answerable at once, and no contact left: it cannot be handed on.
    let mut s = Scenario::new(p.clone(), roster.clone());
    s.register("fw", "YY-B", visit(person("患者 郑先生")))
        .unwrap();
    s.ok("fw", minutes(t0, 2), accept());
    let before = (s.case().clone(), s.events.len());
    let to_finance = s
        .run("fw", minutes(t0, 5), assign("cw", "cw1"))
        .unwrap_err();
    assert!(
        matches!(&to_finance, Rejection::RecordIncomplete { field, event, requirement, .. }
            if field == "complainant.contact"
                && *event == tousu_policy::ClockEvent::Assigned
                && requirement == "registration.before[0]"),
        "{to_finance:?}"
    );
    assert_eq!(to_finance.kind(), "record_incomplete");
    assert_eq!(
        to_finance.to_string(),
        "complaint.complainant.contact is missing: assign causes `assigned`, before which policy hospital-s38 requires it (registration.before[0]); a complaint answered at once needs none; give the field with complete_details (or at registration)"
    );
    let to_office = s
        .run(
            "fw",
            minutes(t0, 6),
            escalate_to("manual-office", "上交综合办"),
        )
        .unwrap_err();
    assert_eq!(to_office.kind(), "record_incomplete", "{to_office}");
    let promised = s
        .run(
            "fw",
            minutes(t0, 7),
            CommandKind::SetAgreedDeadline {
                deadline: beijing(2026, 3, 4, 17, 0),
            },
        )
        .unwrap_err();
    assert_eq!(promised.kind(), "record_incomplete", "{promised}");
    assert_eq!(
        (s.case().clone(), s.events.len()),
        before,
        "a refusal changes nothing"
    );

    // With a number left, the same complaint goes to 财务科.
    let mut t = Scenario::new(p, roster);
    t.register("fw", "YY-C", visit(patient("患者 郑先生")))
        .unwrap();
    t.ok("fw", minutes(t0, 2), accept());
    t.ok("fw", minutes(t0, 5), assign("cw", "cw1"));
    assert_eq!(status(&t), Status::Assigned);
}

/// #8 and #14: 4「…行风投诉上交综合办处理」 — a complaint the first receiver passes to
/// 综合办 unaccepted (`manual-office`) and 综合办 takes in is 综合办's to answer: the
/// feedback clock (running from the registration since the tenth audit's second
/// read) is charged to 综合办 when late, not to the nurse who passed it on. (The old file charged the first receiver, its only
/// fallback owner, because a step that takes a case over assigns nobody.)
#[test]
fn s38_what_the_office_takes_in_is_the_offices_to_answer() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[("nk", "内科", None), ("zh", "综合办", None)],
        &[
            ("hs", "护士站 护士", "nk", &["first_receiver"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 9, 8, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "护工态度恶劣")
        .complainant(patient("患者家属 苗女士"))
        .category(cat("conduct"))
        .first_responder(sid("hs"))
        .build()
        .unwrap();
    s.register("hs", "YY-O", c).unwrap();
    s.ok(
        "hs",
        minutes(t0, 5),
        escalate_to("manual-office", "上交综合办"),
    );
    s.ok("zh1", minutes(t0, 30), accept());
    // 5 working days (assumed) from Tuesday 8 September: the end of the 15th.
    assert_eq!(due(&s, minutes(t0, 31), "feedback"), "2026-09-16 00:00");
    s.tick(beijing(2026, 9, 16, 9, 0));
    assert_eq!(breach_owners(&s), ["feedback@1 → zh1"]);
}

/// #8: 6「对不能立即答复或解决的问题,做好登记,留下联系方法」 — the receiver who finds,
/// after registering it, that a complaint cannot be answered at once leaves
/// the contact then (ruling 66), and the complaint goes on to 财务科. (The old
/// file had no way to add it: such a complaint was stuck at the desk.)
#[test]
fn s38_the_receiver_leaves_the_contact_when_the_complaint_cannot_be_answered_at_once() {
    let roster = roster(
        &[("mz", "门诊一站式服务台", None), ("cw", "财务科", None)],
        &[
            ("fw", "服务台 何护士", "mz", &["first_receiver"], None),
            ("cw1", "财务科 会计", "cw", &["finance"], None),
        ],
    );
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "门诊缴费后发票金额与清单不符")
        .complainant(person("患者 郑先生"))
        .category(cat("billing"))
        .first_responder(sid("fw"))
        .build()
        .unwrap();
    s.register("fw", "YY-D", c).unwrap();
    s.ok("fw", minutes(t0, 2), accept());
    assert_eq!(
        s.run("fw", minutes(t0, 5), assign("cw", "cw1"))
            .unwrap_err()
            .kind(),
        "record_incomplete"
    );
    s.ok(
        "fw",
        minutes(t0, 6),
        CommandKind::CompleteDetails {
            details: Box::new(Details {
                contact: Contact {
                    phone: Some("13700006666".to_owned()),
                    ..Contact::default()
                },
                ..Details::default()
            }),
        },
    );
    s.ok("fw", minutes(t0, 7), assign("cw", "cw1"));
    assert_eq!(status(&s), Status::Assigned);
}

/// 10「建立健全投诉档案,立卷归档,留档备查」 gives no term: the file keeps the
/// dossier 15 years (assumed) and an important one for good.
#[test]
fn s38_the_dossier_is_kept_fifteen_years_important_ones_for_good() {
    let p = policy("hospital-s38.toml");
    let r = p.retention.as_ref().unwrap();
    assert_eq!(r.period.to_string(), "15 years");
    assert_eq!(
        r.important.as_ref().map(ToString::to_string).as_deref(),
        Some("permanent")
    );
}

/// #8 (ninth audit): 4「凡医疗投诉上交医教科、收费投诉上交财务科、行风投诉上交综合办处理」
/// and 6「在规定时日内把调查结果和处理意见反馈给投诉者」 — a complaint handed to an
/// office with no handler named is that office's to answer: whoever of it acted
/// on the case, else its holder of the office's role in the lead department
/// (ruling 75), not the nurse who received it and passed it on because she
/// could not resolve it. The old file charged the first receiver either way.
#[test]
fn s38_a_complaint_handed_to_an_office_without_a_handler_is_the_offices() {
    let roster = roster(
        &[("nk", "心内科病区", None), ("jk", "医教科", None)],
        &[
            ("hs", "护士站 护士 小祁", "nk", &["first_receiver"], None),
            ("jk1", "医教科 科长", "jk", &["medical_affairs"], None),
            (
                "jk2",
                "医教科 干事",
                "jk",
                &["medical_affairs"],
                Some("jk1"),
            ),
        ],
    );
    let t0 = beijing(2026, 9, 8, 9, 0);
    let run = |office_acts: bool| {
        let mut s = Scenario::new(policy("hospital-s38.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Visit, "术后换药不及时, 伤口感染")
            .complainant(patient("患者 钱先生"))
            .category(cat("medical"))
            .first_responder(sid("hs"))
            .build()
            .unwrap();
        s.register("hs", "YY-J", c).unwrap();
        s.ok("hs", minutes(t0, 2), accept());
        s.ok("hs", minutes(t0, 5), assign_department("jk"));
        if office_acts {
            s.ok("jk2", minutes(t0, 60), note("医教科调阅换药记录"));
        }
        // 5 working days (assumed) from Tuesday 8 September: the end of the 15th.
        assert_eq!(due(&s, minutes(t0, 61), "feedback"), "2026-09-16 00:00");
        s.tick(beijing(2026, 9, 16, 9, 0));
        breach_owners(&s)
    };
    assert_eq!(run(true), ["feedback@1 → jk2"]);
    assert_eq!(run(false), ["feedback@1 → jk1"]);
}

/// #8 (tenth audit): 6「对不能立即答复或解决的问题,做好登记,留下联系方法,在规定时日内把
/// 调查结果和处理意见反馈给投诉者」 — a date promised to the patient for the feedback
/// (ruling 65's "a date promised for the answer") is that complaint's 规定时日
/// (ruling 101): it stands in for the feedback limit and is owned as the feedback
/// is — the handler, else whoever of the office the complaint went to acted, else
/// that office's holder, else the first receiver who kept it. The old file owned
/// the date by the handler alone, so a date the nurse promised, or one an office
/// promised on a case sent to it with no handler named, lapsed charged to nobody
/// (this test fails there).
#[test]
fn s38_a_date_promised_to_the_patient_is_owned_as_the_feedback() {
    let roster = roster(
        &[("nk", "心内科病区", None), ("jk", "医教科", None)],
        &[
            ("hs", "护士站 护士 小祁", "nk", &["first_receiver"], None),
            ("jk1", "医教科 科长", "jk", &["medical_affairs"], None),
            (
                "jk2",
                "医教科 干事",
                "jk",
                &["medical_affairs"],
                Some("jk1"),
            ),
        ],
    );
    let t0 = beijing(2026, 9, 8, 9, 0);
    let promise = || CommandKind::SetAgreedDeadline {
        deadline: beijing(2026, 9, 10, 17, 0),
    };
    // who: "nurse" keeps it, "office" is sent it and acts, "sent" is sent it after the nurse's promise.
    let run = |who: &str| {
        let mut s = Scenario::new(policy("hospital-s38.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Visit, "术后换药不及时, 伤口感染")
            .complainant(patient("患者 钱先生"))
            .category(cat("medical"))
            .first_responder(sid("hs"))
            .build()
            .unwrap();
        s.register("hs", "YY-P", c).unwrap();
        s.ok("hs", minutes(t0, 2), accept());
        match who {
            "nurse" => {
                s.ok("hs", minutes(t0, 5), promise());
            }
            "office" => {
                s.ok("hs", minutes(t0, 5), assign_department("jk"));
                s.ok("jk2", minutes(t0, 60), note("医教科调阅换药记录"));
                s.ok("jk2", minutes(t0, 61), promise());
            }
            _ => {
                s.ok("hs", minutes(t0, 4), promise());
                s.ok("hs", minutes(t0, 5), assign_department("jk"));
            }
        }
        // The date told replaces the feedback limit: only the promise runs.
        let open: Vec<_> = s
            .deadlines(minutes(t0, 62))
            .into_iter()
            .map(|d| d.milestone.to_string())
            .filter(|m| m != "routing")
            .collect();
        assert_eq!(open, ["agreed_deadline"], "{who}");
        s.tick(beijing(2026, 9, 11, 9, 0));
        s.assert_replays();
        breach_owners(&s)
    };
    // The nurse kept the complaint a day without handing it on: routing is late too.
    assert_eq!(run("nurse"), ["routing@1 → hs", "agreed_deadline@1 → hs"]);
    assert_eq!(run("office"), ["agreed_deadline@1 → jk2"]);
    assert_eq!(run("sent"), ["agreed_deadline@1 → jk1"]);
}

/// 4「如对病人投诉的问题没有能力解决…行风投诉上交综合办处理」 with 6「做好登记,留下联系方法,
/// 在规定时日内把调查结果和处理意见反馈给投诉者」: the 规定时日 runs from the registration
/// (做好登记), and a complaint the first receiver passes to 综合办 (`manual-office`, a
/// step that takes the case over and names nobody) is 综合办's until someone of it
/// acts — its holder (ruling 80's `among = "taken_over"`), not the nurse who passed it
/// on because she could not resolve it. Fails on the old file: the feedback started on
/// `accepted`, so a complaint passed on unaccepted and left there ran no clock at all,
/// and one passed on after acceptance was charged to the first receiver.
#[test]
fn s38_a_complaint_passed_to_the_office_is_the_offices_before_it_acts() {
    let staff = || {
        roster(
            &[("nk", "内科", None), ("zh", "综合办", None)],
            &[
                ("hs", "护士站 护士", "nk", &["first_receiver"], None),
                ("zh1", "综合办 主任", "zh", &["general_office"], None),
                ("zh2", "综合办 干事", "zh", &["general_office"], Some("zh1")),
            ],
        )
    };
    let t0 = beijing(2026, 9, 8, 9, 0);
    let run = |accept_first: bool| {
        let mut s = Scenario::new(policy("hospital-s38.toml"), staff());
        let c = Complaint::builder(t0, Channel::Visit, "护工态度恶劣")
            .complainant(patient("患者家属 苗女士"))
            .category(cat("conduct"))
            .first_responder(sid("hs"))
            .build()
            .unwrap();
        s.register("hs", "YY-P", c).unwrap();
        if accept_first {
            s.ok("hs", minutes(t0, 2), accept());
        }
        s.ok(
            "hs",
            minutes(t0, 5),
            escalate_to("manual-office", "上交综合办"),
        );
        // 5 working days (assumed) from Tuesday 8 September: the end of the 15th.
        assert_eq!(due(&s, minutes(t0, 6), "feedback"), "2026-09-16 00:00");
        s.tick(beijing(2026, 9, 16, 9, 0));
        breach_owners(&s)
    };
    assert_eq!(run(true), ["feedback@1 → zh1"]);
    assert_eq!(run(false), ["feedback@1 → zh1"]);
}

/// Eleventh audit: 篇一 is whole (1~10 and the 24-hour number) and has no 回访:
/// its last step of handling is 6「在规定时日内把调查结果和处理意见反馈给投诉者」, and the
/// patient's answer is asked nowhere. The office that fed the result back
/// closes on it (`[closure] callback = "none"`, ruling 92), a closure of kind
/// `on_reply`; the old file refused the closing until a satisfied callback the
/// source never asks for was recorded (this test fails there). A callback
/// recorded all the same still binds: an unsatisfied patient holds it back.
#[test]
fn s38_the_feedback_closes_the_complaint_without_a_callback() {
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("mz", "门诊", Some("yy")),
            ("cw", "财务科", Some("yy")),
        ],
        &[
            ("fw", "一站式服务台 小汤", "mz", &["first_receiver"], None),
            ("cw1", "财务科 单会计", "cw", &["finance"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 9, 0);
    let case = |s: &mut Scenario, id: &str| {
        let c = Complaint::builder(t0, Channel::Visit, "门诊缴费多收挂号费20元")
            .complainant(patient("患者 韦先生"))
            .category(cat("billing"))
            .first_responder(sid("fw"))
            .build()
            .unwrap();
        s.register("fw", id, c).unwrap();
        s.ok("fw", minutes(t0, 5), accept());
        s.ok("fw", minutes(t0, 10), assign("cw", "cw1"));
        s.ok("cw1", minutes(t0, 30), CommandKind::StartInvestigation);
        s.ok(
            "cw1",
            beijing(2026, 5, 12, 10, 0),
            reply("系重复挂号,已退还20元"),
        );
    };
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster.clone());
    case(&mut s, "YY-C");
    s.ok("cw1", beijing(2026, 5, 12, 10, 5), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    assert!(breach_list(&s).is_empty());
    s.assert_replays();
    let mut u = Scenario::new(policy("hospital-s38.toml"), roster);
    case(&mut u, "YY-U");
    u.ok(
        "cw1",
        beijing(2026, 5, 12, 15, 0),
        callback(Satisfaction::Unsatisfied, "患者要求赔偿误工"),
    );
    let err = u
        .run("cw1", beijing(2026, 5, 12, 15, 5), close())
        .unwrap_err();
    assert_eq!(err.kind(), "invalid_transition", "{err}");
}

/// Second eleventh-session audit: 4「如对病人投诉的问题没有能力解决,凡医疗投诉上交医教科、
/// 收费投诉上交财务科、行风投诉上交综合办处理」 — a complaint the first receiver cannot
/// solve goes to an office, and the offices answer for `feedback` (6). The routes
/// hold only a complaint of the three subjects; one about the wards' facilities
/// (篇一's 「环境设施」) has none, and without a `hands_over_to` list the first
/// receiver, or an office, could name the hospital leader its handler, charged
/// with `feedback` though he may neither feed the result back nor close
/// (ruling 78's pattern). The old file let both hand-overs through (this test
/// fails there).
#[test]
fn s38_a_complaint_is_handed_only_to_an_office() {
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("hl", "住院部护士站", Some("yy")),
            ("zh", "综合办", Some("yy")),
        ],
        &[
            ("hs", "护士站 护士 秦", "hl", &["first_receiver"], None),
            ("zh1", "综合办 干事 孔", "zh", &["general_office"], None),
            ("yld", "院领导 蒋院长", "yy", &["hospital_leader"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "病房卫生间下水堵塞三天无人修理")
        .complainant(patient("患者家属 黎女士"))
        .first_responder(sid("hs"))
        .build()
        .unwrap();
    s.register("hs", "YY-H", c).unwrap();
    s.ok("hs", minutes(t0, 5), accept());
    let err = s
        .run("hs", minutes(t0, 10), assign("yy", "yld"))
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused", "{err}");
    s.ok("hs", minutes(t0, 15), assign("zh", "zh1"));
    let err = s
        .run(
            "zh1",
            minutes(t0, 30),
            transfer("yy", "yld", "请院领导处理"),
        )
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused", "{err}");
}

/// A 行风 complaint (a 护工 took a red envelope) registered at a ward's nurse
/// station on Monday 11 May 2026, with 综合办 and a hospital leader in the roster.
fn s38_red_envelope_complaint() -> Scenario {
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("hl", "住院部护士站", Some("yy")),
            ("zh", "综合办", Some("yy")),
        ],
        &[
            ("hs", "护士站 护士 秦", "hl", &["first_receiver"], None),
            ("zh1", "综合办 干事 孔", "zh", &["general_office"], None),
            ("yld", "院领导 蒋院长", "yy", &["hospital_leader"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "护工收取红包后态度恶劣")
        .complainant(patient("患者家属 黎女士"))
        .category(cat("conduct"))
        .first_responder(sid("hs"))
        .build()
        .unwrap();
    s.register("hs", "YY-L", c).unwrap();
    s
}

/// Twelfth audit: 4「如对病人投诉的问题没有能力解决,…行风投诉上交综合办处理」 gives
/// the passing on to 综合办 (`manual-office`) to the first receiver; the step to
/// the leaders (`manual-leader`, assumed) is 综合办's. The hospital leader, at
/// the top, has no step of his own: his escalation took `manual-office` and
/// handed a complaint 综合办 had brought to him back down; and 综合办's own
/// escalation took `manual-office` first, passing its complaint to itself
/// instead of to the leaders. Now only the first receiver passes a complaint
/// to 综合办 by hand, and the leader does not escalate. Fails on the old file
/// (综合办's escalation was recorded as `manual-office`).
#[test]
fn s38_the_office_reports_to_the_leader_who_does_not_hand_it_back() {
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = s38_red_envelope_complaint();
    s.ok("hs", minutes(t0, 5), accept());
    s.ok("hs", minutes(t0, 15), assign("zh", "zh1"));
    s.ok("zh1", minutes(t0, 60), escalate("涉及收受红包, 上交院领导"));
    assert_eq!(steps_taken(&s), ["manual-leader"]);
    let version = s.case().version;
    let refused = s
        .run("yld", minutes(t0, 120), escalate("交综合办处理"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    let refused = s
        .run(
            "zh1",
            minutes(t0, 130),
            escalate_to("manual-office", "上交综合办"),
        )
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
}

/// 4「如对病人投诉的问题没有能力解决,凡医疗投诉上交医教科、收费投诉上交财务科、行风投诉上交综合办处理」:
/// once the first receiver has passed a complaint to 综合办 (`manual-office`)
/// it is the office's to handle: she may no longer answer it, promise a date
/// or hand it on (`holds_case`, ruling 121); 综合办 answers. Before she passes
/// it on she answers on the spot, as 6 lets her. The old file let her answer
/// a complaint she had passed to 综合办, ending its feedback (this test fails
/// on that file).
#[test]
fn s38_the_first_receiver_does_not_answer_what_she_passed_on() {
    let staff = || {
        roster(
            &[("nk", "内科", None), ("zh", "综合办", None)],
            &[
                ("hs", "护士站 护士", "nk", &["first_receiver"], None),
                ("zh1", "综合办 主任", "zh", &["general_office"], None),
            ],
        )
    };
    let t0 = beijing(2026, 9, 8, 9, 0);
    let complaint = |id: &str| {
        Complaint::builder(t0, Channel::Visit, "护工态度恶劣")
            .complainant(patient("患者家属 苗女士"))
            .category(cat("conduct"))
            .first_responder(sid("hs"))
            .build()
            .map(|c| (id.to_owned(), c))
            .unwrap()
    };
    let mut s = Scenario::new(policy("hospital-s38.toml"), staff());
    let (id, c) = complaint("YY-H");
    s.register("hs", &id, c).unwrap();
    s.ok("hs", minutes(t0, 2), accept());
    s.ok(
        "hs",
        minutes(t0, 5),
        escalate_to("manual-office", "上交综合办"),
    );
    let answer = s
        .run("hs", minutes(t0, 30), reply("已向护工了解情况"))
        .unwrap_err();
    assert!(
        matches!(&answer, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case"))),
        "{answer}"
    );
    s.ok("zh1", minutes(t0, 60), reply("综合办:已核实,护工已道歉"));
    s.assert_replays();

    // Not passed on: she answers on the spot.
    let mut k = Scenario::new(policy("hospital-s38.toml"), staff());
    let (id, c) = complaint("YY-K");
    k.register("hs", &id, c).unwrap();
    k.ok("hs", minutes(t0, 2), accept());
    k.ok("hs", minutes(t0, 10), reply("当场解释并致歉"));
}

/// A billing complaint (a fee charged twice) received at the outpatient desk on
/// Monday 1 June 2026, accepted and handed to 财务科's 周会计 (`f1`); 医教科 and 综合办
/// are in the roster.
fn s38_double_charge_with_finance() -> Scenario {
    let mut s = s38_double_charge_received();
    s.ok(
        "n1",
        minutes(beijing(2026, 6, 1, 9, 0), 10),
        assign("cw", "f1"),
    );
    s
}

/// The double charge of `s38_double_charge_with_finance`, handed to 财务科 with
/// nobody named there.
fn s38_double_charge_sent_to_finance() -> Scenario {
    let mut s = s38_double_charge_received();
    s.ok(
        "n1",
        minutes(beijing(2026, 6, 1, 9, 0), 10),
        assign_department("cw"),
    );
    s
}

/// The double charge, registered and accepted by the desk's `n1`.
fn s38_double_charge_received() -> Scenario {
    let roster = roster(
        &[
            ("mz", "门诊服务台", None),
            ("cw", "财务科", None),
            ("jk", "医教科", None),
            ("zh", "综合办", None),
        ],
        &[
            ("n1", "服务台 小林", "mz", &["first_receiver"], None),
            ("f1", "财务科 周会计", "cw", &["finance"], None),
            ("jk1", "医教科 科长", "jk", &["medical_affairs"], None),
            ("g1", "综合办 王主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster);
    let t0 = beijing(2026, 6, 1, 9, 0);
    let c = about(t0, "billing", "检查费重复收取")
        .complainant(patient("门诊患者 何女士"))
        .first_responder(sid("n1"))
        .build()
        .unwrap();
    s.register("n1", "YY-X", c).unwrap();
    s.ok("n1", minutes(t0, 5), accept());
    s
}

/// Ruling 133: 篇一 has no 延期, and 「在规定时日内」 no value: the 5 working days are the
/// file's (assumed), and the source's way to more time is the date promised to the
/// patient, that complaint's 规定时日 (ruling 101). 财务科 could ask for an extension
/// and 综合办 approve it, pausing `feedback`; neither may now, and the feedback is late
/// once the 5 working days end. Fails on the old file (the request was recorded).
#[test]
fn s38_the_feedback_is_not_extended() {
    let t0 = beijing(2026, 6, 1, 9, 0);
    let mut s = s38_double_charge_with_finance();
    s.ok("f1", minutes(t0, 60), investigate());
    assert_no_extension(&mut s, "f1", "g1", beijing(2026, 6, 3, 9, 0));
    // 5 working days after Monday 1 June: the end of Monday the 8th.
    assert_eq!(due(&s, minutes(t0, 10), "feedback"), "2026-06-09 00:00");
    s.tick(beijing(2026, 6, 9, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["feedback@1 → f1"]);
}

/// 4「凡医疗投诉上交医教科、收费投诉上交财务科、行风投诉上交综合办处理」: a billing complaint
/// handed to 财务科 is 财务科's to handle. 医教科 held its acts on every case, so it could
/// answer (and promise a date on, close) a complaint 财务科 held, ending the feedback
/// clock 财务科's handler answers for, and so could 综合办 (fourteenth audit;
/// `holds_case`, ruling 121). Fails on the old file: 医教科's reply was recorded.
#[test]
fn s38_an_office_does_not_answer_another_offices_complaint() {
    let t0 = beijing(2026, 6, 1, 9, 0);
    let mut s = s38_double_charge_with_finance();
    let version = s.case().version;
    for who in ["jk1", "g1"] {
        for kind in [
            reply("答复: 已退费"),
            CommandKind::SetAgreedDeadline {
                deadline: beijing(2026, 6, 5, 17, 0),
            },
            investigate(),
        ] {
            let refused = s.run(who, minutes(t0, 60), kind).unwrap_err();
            assert_eq!(refused.kind(), "grant_condition_unmet", "{who}: {refused}");
        }
    }
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("f1", minutes(t0, 70), investigate());
    s.ok("f1", minutes(t0, 80), reply("已核实重复收费, 办理退费"));
}

/// 综合办 passes a 行风 complaint the first receiver brought it (`manual-office`) to
/// the leaders (`manual-leader`, assumed) with nobody named; the case is then the
/// leader's, who neither handles nor answers. 综合办 still names the handler (its
/// `assign` holds wherever the complaint is), who then answers: the fourteenth
/// audit's `holds_case` on the offices' handling leaves no complaint stuck.
#[test]
fn s38_a_complaint_reported_to_the_leaders_still_goes_on() {
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = s38_red_envelope_complaint();
    s.ok("hs", minutes(t0, 5), escalate("上交综合办"));
    s.ok("zh1", minutes(t0, 30), accept());
    s.ok("zh1", minutes(t0, 60), escalate("涉及收受红包, 上交院领导"));
    assert_eq!(steps_taken(&s), ["manual-office", "manual-leader"]);
    let refused = s.run("zh1", minutes(t0, 70), investigate()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    s.ok("zh1", minutes(t0, 80), assign("zh", "zh1"));
    s.ok("zh1", minutes(t0, 90), investigate());
    s.ok(
        "zh1",
        minutes(t0, 120),
        reply("已调查核实, 护工已辞退, 红包已退还"),
    );
}

/// 7「属于下列情形之一的投诉,投诉管理部门应当向投诉人说明情况,告知相关处理规定」: each of the
/// five grounds gives the complainant 7's words. The advice of (1) (已向人民法院起诉) added
/// 「请通过诉讼途径解决」, advice 7 does not give (fourteenth audit). Fails on the old
/// file.
#[test]
fn s38_every_ground_of_item_seven_gives_its_words() {
    let p = policy("hospital-s38.toml");
    let mut grounds = 0;
    for rule in &p.acceptance.rules {
        if let Acceptance::NotAccepted { advice_zh, .. } = &rule.outcome {
            grounds += 1;
            assert_eq!(advice_zh, "说明情况,告知相关处理规定", "{}", rule.id);
        }
    }
    assert_eq!(grounds, 5);
}

/// 4「凡医疗投诉上交医教科、收费投诉上交财务科、行风投诉上交综合办处理」: a billing
/// complaint sent to 财务科 with nobody named is 财务科's when its feedback is late
/// (ruling 75). 医教科 held `add_note` on every complaint, and a note put it on the
/// case: the feedback's owners try 医教科's staff on the case first, so a note on
/// 财务科's complaint made 医教科 answer for it (fifteenth audit). An office now
/// notes only on a complaint with it, as it handles only those (`holds_case`,
/// ruling 121). Fails on the old file: 医教科's note was recorded, and the late
/// feedback charged to its 科长.
#[test]
fn s38_another_offices_note_does_not_make_it_answer_for_the_feedback() {
    let t0 = beijing(2026, 6, 1, 9, 0);
    let mut s = s38_double_charge_sent_to_finance();
    let refused = s
        .run("jk1", minutes(t0, 60), note("医教科: 该检查系医嘱开具"))
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    s.tick(beijing(2026, 6, 9, 9, 0));
    assert_eq!(breach_owners(&s), ["feedback@1 → f1"]);
}

/// 4「如对病人投诉的问题没有能力解决,凡医疗投诉上交医教科、收费投诉上交财务科…处理」:
/// 医教科, 财务科 and 综合办 register nothing (a complaint made at an office's desk is
/// received by its staff as first receivers, 3); a complaint is an office's once
/// it is handed to it. While the desk still had it, 财务科 or 综合办 could answer it,
/// 财务科 close it and 医教科 note on it (fifteenth audit; `holds_case = "handed"`,
/// ruling 130). Fails on the old file: 财务科's answer to the desk's complaint was
/// recorded.
#[test]
fn s38_an_office_acts_only_on_a_complaint_handed_to_it() {
    let t0 = beijing(2026, 6, 1, 9, 0);
    let mut s = s38_double_charge_received();
    let version = s.case().version;
    for (who, kind) in [
        ("f1", reply("答复: 已退费")),
        ("f1", close()),
        ("f1", investigate()),
        ("jk1", note("医教科: 该检查系医嘱开具")),
        ("g1", reply("综合办答复")),
        ("g1", investigate()),
    ] {
        let refused = s.run(who, minutes(t0, 8), kind).unwrap_err();
        assert_eq!(refused.kind(), "grant_condition_unmet", "{who}: {refused}");
    }
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("n1", minutes(t0, 10), assign("cw", "f1"));
    s.ok("f1", minutes(t0, 20), note("财务科核对收费记录"));
    s.ok("f1", minutes(t0, 30), reply("已核实重复收费, 办理退费"));
}

/// Sixteenth audit: 篇一 has no reopening (1~10: received, handed on, fed back,
/// archived), and it gives the hospital's leaders only 8(2)'s 投诉分析会议; the
/// leader's `reopen` (and `reclassify`) had no clause and no assumed reason,
/// so he could make a billing complaint one of patient safety, shortening the
/// feedback 财务科 answers for to 2 working days, and reopen one whose
/// patient was recorded unsatisfied, restarting that clock. 综合办, the 投诉管理部门, keeps the
/// assumed reopening an earlier audit kept. The old file let the leader do both
/// (this test fails there).
#[test]
fn s38_the_leader_does_not_reopen_or_reclassify() {
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("mz", "门诊", Some("yy")),
            ("cw", "财务科", Some("yy")),
            ("zh", "综合办", Some("yy")),
        ],
        &[
            ("fw", "一站式服务台 小汤", "mz", &["first_receiver"], None),
            ("cw1", "财务科 单会计", "cw", &["finance"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
            ("ld", "院长", "yy", &["hospital_leader"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "门诊缴费多收挂号费20元")
        .complainant(patient("患者 韦先生"))
        .category(cat("billing"))
        .first_responder(sid("fw"))
        .build()
        .unwrap();
    s.register("fw", "YY-R", c).unwrap();
    s.ok("fw", minutes(t0, 5), accept());
    s.ok("fw", minutes(t0, 10), assign("cw", "cw1"));
    let err = s
        .run(
            "ld",
            minutes(t0, 30),
            classify_as("serious", "院长认为涉及医疗安全"),
        )
        .unwrap_err();
    assert_eq!(err.kind(), "not_permitted", "{err}");
    assert_eq!(level_of(&s), "general");
    s.ok(
        "cw1",
        beijing(2026, 5, 12, 10, 0),
        reply("系重复挂号,已退还20元"),
    );
    s.ok(
        "cw1",
        beijing(2026, 5, 12, 15, 0),
        callback(Satisfaction::Unsatisfied, "患者要求赔偿误工"),
    );
    let before = status(&s);
    let err = s
        .run("ld", beijing(2026, 5, 13, 9, 0), reopen("院长要求重新处理"))
        .unwrap_err();
    assert_eq!(err.kind(), "not_permitted", "{err}");
    assert_eq!(status(&s), before);
    s.ok("zh1", beijing(2026, 5, 13, 9, 5), reopen("患者仍不满意"));
    s.assert_replays();
}

/// Seventeenth audit: the source has no 非正常结案; the file's (assumed, 综合办's
/// `approval.abnormal_closure`) rests on 5「对投诉者的不正确意见和不合理要求,要耐心解释,
/// 做好疏导工作,消除矛盾」, and 6 has every complaint not answered at once fed back
/// 「在规定时日内把调查结果和处理意见反馈给投诉者」. 综合办 closed abnormally at any stage,
/// so a billing complaint 财务科 was still looking into ended with no feedback and
/// its `feedback` clock stopped. It closes abnormally only a complaint fed back
/// (`replied`) whose patient, heard all the same, is still unsatisfied. Fails on
/// the old file: the closure of the complaint with 财务科 was recorded.
#[test]
fn s38_the_office_closes_abnormally_only_a_complaint_fed_back() {
    let t0 = beijing(2026, 6, 1, 9, 0);
    let mut s = s38_double_charge_with_finance();
    let closing = || CommandKind::CloseAbnormally {
        reason: "患者要求不合理, 经耐心解释仍不接受".to_owned(),
    };
    s.ok("f1", minutes(t0, 20), investigate());
    let before = s.case().clone();
    let e = s.refused("g1", minutes(t0, 30), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok(
        "f1",
        minutes(t0, 60),
        reply("已核实: 第二次收费为复查费, 非重复收取"),
    );
    s.ok(
        "g1",
        minutes(t0, 90),
        callback(Satisfaction::Unsatisfied, "患者仍要求退还复查费"),
    );
    s.ok("g1", minutes(t0, 120), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// Two wards' nurses, 财务科 and 综合办: `hs` of 心内科病区 receives, `hs2` of
/// 外科病区 is another first receiver.
fn two_wards_roster() -> Roster {
    roster(
        &[
            ("yy", "医院", None),
            ("nk", "心内科病区", Some("yy")),
            ("wk", "外科病区", Some("yy")),
            ("cw", "财务科", Some("yy")),
            ("zh", "综合办", Some("yy")),
        ],
        &[
            (
                "hs",
                "心内科护士站 护士 小祁",
                "nk",
                &["first_receiver"],
                None,
            ),
            (
                "hs2",
                "外科护士站 护士 小鲁",
                "wk",
                &["first_receiver"],
                None,
            ),
            ("cw1", "财务科 单会计", "cw", &["finance"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    )
}

/// 3「凡第一位接到病人投诉的本院职工均为“投诉第一接待人”。“投诉第一接待人”必须严格按
/// “首问负责制”对待病人的投诉」: before it is handed on, a complaint is its first
/// receiver's (`holds_case = "received"`, ruling 151); a nurse of another ward
/// neither accepts, hands on, promises a date on nor answers it. The old file
/// (`true`) let her hand it to 财务科 and answer it, ending the `routing` clock
/// the first receiver owns.
#[test]
fn s38_a_complaint_not_yet_handed_on_is_its_first_receivers() {
    let mut s = Scenario::new(policy("hospital-s38.toml"), two_wards_roster());
    let t0 = beijing(2026, 9, 7, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "住院押金退款少退200元")
        .complainant(patient("患者 喻先生"))
        .category(cat("billing"))
        .first_responder(sid("hs"))
        .build()
        .unwrap();
    s.register("hs", "YY-R", c).unwrap();
    refused_not_holding(&mut s, "hs2", minutes(t0, 5), accept());
    s.ok("hs", minutes(t0, 10), accept());
    refused_not_holding(&mut s, "hs2", minutes(t0, 15), assign("cw", "cw1"));
    refused_not_holding(&mut s, "hs2", minutes(t0, 15), reply("已核对,次日退还"));
    s.ok("hs", minutes(t0, 20), assign("cw", "cw1"));
    s.assert_replays();
}

/// 1「将综合办、医教科、护理部、服务台、总值班设为常规投诉接待处」, 3「凡第一位接到病人投诉的本院职工均为
/// "投诉第一接待人"」 and 4「如对病人投诉的问题没有能力解决,凡医疗投诉上交医教科、收费投诉上交财务科、
/// 行风投诉上交综合办处理」: a billing complaint received at 医教科, a regular
/// reception point, and handed up to 财务科 with no handler named is 财务科's to
/// feed back (6「在规定时日内把调查结果和处理意见反馈给投诉者」). `feedback`'s fallback
/// `{ role = "medical_affairs" }` counted the first holder of the role on the
/// case in any office — the 医教科 clerk who received it and passed it on — so
/// 财务科's late feedback was charged to her (this test fails on that file);
/// now `{ role_holding_case = "…" }` (ruling 161): only the office holding the
/// complaint, and 财务科's holder answers. The twentieth audit.
#[test]
fn s38_a_complaint_passed_on_from_another_reception_point_is_the_receiving_offices() {
    let roster = roster(
        &[("jk", "医教科", None), ("cw", "财务科", None)],
        &[
            (
                "jk3",
                "医教科 接待干事",
                "jk",
                &["first_receiver", "medical_affairs"],
                None,
            ),
            ("cw1", "财务科 科长", "cw", &["finance"], None),
        ],
    );
    let mut s = Scenario::new(policy("hospital-s38.toml"), roster);
    let t0 = beijing(2026, 9, 8, 9, 0); // Tuesday
    let c = Complaint::builder(t0, Channel::Visit, "出院结算重复收取检查费")
        .complainant(patient("患者 孙女士"))
        .category(cat("billing"))
        .first_responder(sid("jk3"))
        .build()
        .unwrap();
    s.register("jk3", "YY-CW", c).unwrap();
    s.ok("jk3", minutes(t0, 2), accept());
    s.ok("jk3", minutes(t0, 5), assign_department("cw"));
    // 5 working days (assumed) from Tuesday 8 September: the end of the 15th.
    assert_eq!(due(&s, minutes(t0, 6), "feedback"), "2026-09-16 00:00");
    s.tick(beijing(2026, 9, 16, 9, 0));
    assert_eq!(breach_owners(&s), ["feedback@1 → cw1"]);
}

/// 3「凡第一位接到病人投诉的本院职工均为“投诉第一接待人”。“投诉第一接待人”必须严格按“首问负责制”
/// 对待病人的投诉」: a complaint a ward's nurse received and has not handed on is hers;
/// 综合办 (the 投诉管理部门, assumed) held `assign` on every complaint and took it
/// from her. Now it assigns a complaint its own desk received, and one it reported
/// to the leaders (`manual-leader`), which it must still send on (`holds_case =
/// ["received", "reported"]`, ruling 165): its assignment of the ward's complaint is
/// refused naming `holds_case` and changes nothing; passed to it (`manual-office`)
/// and reported up, it names the handler. Thirteenth session, language (fails on
/// the old file, where the assignment was taken).
#[test]
fn s38_the_office_does_not_take_a_complaint_a_ward_still_holds() {
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = s38_red_envelope_complaint();
    s.ok("hs", minutes(t0, 5), accept());
    refused_not_holding(&mut s, "zh1", minutes(t0, 10), assign("zh", "zh1"));
    s.ok("hs", minutes(t0, 15), escalate("上交综合办"));
    s.ok("zh1", minutes(t0, 60), escalate("涉及收受红包, 上交院领导"));
    assert_eq!(steps_taken(&s), ["manual-office", "manual-leader"]);
    s.ok("zh1", minutes(t0, 80), assign("zh", "zh1"));
    s.assert_replays();
}

/// 6「在规定时日内把调查结果和处理意见反馈给投诉者」, 4「行风投诉上交综合办处理」: a complaint
/// the first receiver passed to 综合办 (`manual-office`) is 综合办's, not hers (the
/// tenth audit's reading of the clock's owners), also once 综合办 reported it to the
/// leaders (`manual-leader`, a take-over naming nobody): its late feedback is
/// charged to the 综合办 member who reported it (`role_holding_case` reading
/// `"reported"`, ruling 165). It fell to the first receiver (thirteenth session;
/// fails on the old file, where `feedback` was charged to `hs`).
#[test]
fn s38_the_feedback_of_a_complaint_reported_to_the_leaders_is_the_offices() {
    let t0 = beijing(2026, 5, 11, 9, 0);
    let mut s = s38_red_envelope_complaint();
    s.ok("hs", minutes(t0, 5), escalate("上交综合办"));
    s.ok("zh1", minutes(t0, 30), accept());
    s.ok("zh1", minutes(t0, 60), escalate("涉及收受红包, 上交院领导"));
    s.tick(beijing(2026, 5, 25, 9, 0));
    let owners = breach_owners(&s);
    assert!(
        owners.contains(&"feedback@1 → zh1".to_string()),
        "{owners:?}"
    );
    assert!(!owners.iter().any(|o| o.ends_with("→ hs")), "{owners:?}");
}
