use super::*;

// The 市建委 and the bodies and people most tests of S34 need.
const SJW: DeptRow<'static> = ("sjw", "重庆市住房和城乡建设委员会", None);
const YZ: DeptRow<'static> = ("yz", "渝中区建设工程质量投诉办", None);
const QX: DeptRow<'static> = ("qx", "渝北区建设行政主管部门", None);
const Q1: StaffRow<'static> = ("q1", "区县专门机构 向科员", "qx", &["district_body"], None);
const Y1: StaffRow<'static> = ("y1", "区投诉办 唐工", "yz", &["district_body"], None);
const W1: StaffRow<'static> = (
    "w1",
    "市建委 投诉受理 段科员",
    "sjw",
    &["municipal_commission"],
    None,
);

/// A scenario in which the commission's `w1` registers, as its first
/// responder, an ordinary complaint about a cracked stairwell wall.
fn commission_registered(roster: &Roster, id: &str, t0: chrono::DateTime<chrono::Utc>) -> Scenario {
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster.clone());
    s.register(
        "w1",
        id,
        about(t0, "structure", "商品房楼梯间墙面开裂, 开发商拒不维修")
            .first_responder(sid("w1"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s
}

/// Two districts' bodies and heads (渝北 `qz`, 渝中 `yzz`) and the commission.
fn two_districts() -> Roster {
    roster(
        &[QX, YZ, SJW],
        &[
            Q1,
            Y1,
            W1,
            ("qz", "渝北区负责人 彭局长", "qx", &["district_head"], None),
            ("yzz", "渝中区负责人 罗局长", "yz", &["district_head"], None),
        ],
    )
}

/// A command refused because the case is not with the actor (`holds_case`).
fn refused_as_not_holding(err: &Rejection) -> bool {
    matches!(err, Rejection::GrantConditionUnmet { unmet, .. }
        if unmet.iter().any(|u| u.contains("holds_case")))
}

// ---------------------------------------------------------------------------
// S34 — 重庆市建设工程质量投诉处理办法
// ---------------------------------------------------------------------------

#[test]
fn s34_chongqing_safety_case_to_the_commission() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(
        &[QX, SJW],
        &[
            Q1,
            ("qz", "区县负责人 彭局长", "qx", &["district_head"], None),
            (
                "w1",
                "市建委 质安处 段处长",
                "sjw",
                &["municipal_commission"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 4, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "在建商住楼塔吊基础积水、附着杆件松动,夜间仍在吊装作业",
    )
    .complainant(person("附近居民 冉先生"))
    .category(cat("safety"))
    .build()
    .unwrap();
    s.register("q1", "CQ-1", c).unwrap();
    assert_eq!(level_of(&s), "major", "安全 → 重大的建筑工程投诉");
    // 立案建档 within 5 working days (assumed) over 清明 (4–6 Apr off): Fri 10 Apr.
    assert_eq!(due(&s, t0, "filing"), "2026-04-11 00:00");
    // 第六条(三): the 市建委 handles a 重大 case because of its level, from registration.
    assert_eq!(steps_taken(&s), ["commission-takes-major"]);
    s.ok("q1", beijing(2026, 4, 3, 9, 0), accept());
    s.ok("w1", beijing(2026, 4, 3, 10, 0), assign("sjw", "w1"));
    s.ok(
        "w1",
        beijing(2026, 4, 3, 14, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "w1",
        beijing(2026, 4, 3, 18, 0),
        findings(
            FaultParty::ThirdParty,
            "塔吊附着装置不符合专项方案,施工单位违规夜间作业",
        ),
    );
    s.ok(
        "w1",
        beijing(2026, 4, 3, 18, 30),
        propose(
            vec![rem(RemedyKind::Explanation)],
            "责令停止塔吊作业,限期整改并复查",
        ),
    );
    s.ok("w1", beijing(2026, 4, 3, 19, 0), CommandKind::Approve);
    s.ok(
        "w1",
        beijing(2026, 4, 14, 10, 0),
        reply("已责令停工整改,复查合格后恢复作业"),
    );
    // The case is the 市建委's (第六条(三)): it checks back and closes, not the
    // district body that recorded the complaint (fourteenth session).
    s.ok(
        "w1",
        beijing(2026, 4, 16, 10, 0),
        callback(Satisfaction::Satisfied, "居民确认"),
    );
    s.ok("w1", beijing(2026, 4, 16, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s34_chongqing", timeline(&s.events));
}

/// Non-happy paths: a 重点 case (media, assumed criterion) not handled in time
/// is supervised by the 市建委 (督办, 第六条(五)); a problem after the warranty
/// is outside the scope of 第三条.
#[test]
fn s34_key_case_supervised_and_out_of_warranty() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(
        &[("qx", "区建委投诉办", None), ("sj", "市建委", None)],
        &[
            ("qx1", "投诉办 科员", "qx", &["district_body"], Some("qxz")),
            (
                "qxz",
                "区建委 负责人",
                "qx",
                &["district_head"],
                Some("sjw"),
            ),
            (
                "sjw",
                "市建委 督办处",
                "sj",
                &["municipal_commission"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let t0 = beijing(2026, 7, 1, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "小区地库顶板渗水, 电视台已报道")
        .complainant(person("业委会 主任"))
        .category(cat("waterproofing"))
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    s.register("qx1", "CQ-K", c).unwrap();
    assert_eq!(level_of(&s), "key");
    s.ok("qx1", minutes(t0, 30), accept());
    // 30 calendar days (assumed) from 1 July: the end of 31 July.
    assert_eq!(due(&s, minutes(t0, 31), "handling"), "2026-08-01 00:00");
    s.tick(beijing(2026, 8, 1, 9, 0));
    assert!(breached(&s.events, "handling"));
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "supervise-key")
    }));
    let old = Complaint::builder(t0, Channel::Letter, "2015年交房的住宅卫生间渗漏")
        .category(cat("waterproofing"))
        .product(delivered(date(2015, 6, 30)))
        .build()
        .unwrap();
    let d = p.acceptance(&EvalInput::new(&old, t0));
    assert!(matches!(d.outcome, Acceptance::NotAccepted { .. }));
    assert_eq!(
        d.rule_id.map(|r| r.to_string()).as_deref(),
        Some("out-of-warranty")
    );
}

/// 第七条(三) 「办理同级建设行政主管部门批办的建筑工程投诉」: a case the district
/// commission refers is taken up; 第六条(四) 「负责协调需多个部门或单位共同办理的建筑工程
/// 投诉」: the 市建委 hands it to the district body with the professional department
/// co-handling.
#[test]
fn s34_referred_case_coordinated_across_departments() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(
        &[YZ, ("sw", "市建委", None), ("sz", "市市政主管部门", None)],
        &[
            Y1,
            ("s1", "市建委 协调处", "sw", &["municipal_commission"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Referral,
        "区建委批办:小区道路与排水管网同时塌陷",
    )
    .complainant(person("业主代表 何先生"))
    .category(cat("permitting"))
    .build()
    .unwrap();
    s.register("y1", "CQ-34", c).unwrap();
    s.ok("y1", minutes(t0, 30), accept());
    s.ok("s1", minutes(t0, 60), assign_with("yz", "y1", &["sz"]));
    let a = s.case().assignment.clone().unwrap();
    assert_eq!((a.lead, a.co_handling.len()), (did("yz"), 1));
}

/// 第七条(四)「负责本部门所办理建筑工程投诉的立案建档工作」 with 第五条's designated
/// body: a complaint recorded without its first responder and not filed in 5
/// working days is charged to the district body that registered it, not to nobody.
#[test]
fn s34_a_late_filing_without_a_first_responder_is_the_district_bodys() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(&[QX], &[Q1]);
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Letter, "小区外墙渗水,开发商拖延维修")
        .complainant(person("业主 黄女士"))
        .category(cat("waterproofing"))
        .build()
        .unwrap();
    s.register("q1", "CQ-F", c).unwrap();
    // 5 working days from Mon 2 March: the end of Mon 9 March.
    assert_eq!(due(&s, t0, "filing"), "2026-03-10 00:00");
    s.tick(beijing(2026, 3, 10, 9, 0));
    assert_eq!(breach_owners(&s), ["filing@1 → q1"]);
}

/// 第六条(五)「负责对…交给各区县…建设行政主管部门、有关主管部门办理的投诉处理进行督办」:
/// an ordinary case the commission handed down and the district let run late is
/// supervised by the 市建委; an ordinary case the district received itself is not
/// (督办 there is for 影响较大的重点投诉).
#[test]
fn s34_a_late_case_handed_down_is_supervised_by_the_commission() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(&[YZ], &[Y1]);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let late = |channel: Channel| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = Complaint::builder(t0, channel, "商品房楼梯间墙面开裂")
            .complainant(person("业主 鲜女士"))
            .category(cat("structure"))
            .build()
            .unwrap();
        s.register("y1", "CQ-H", c).unwrap();
        s.ok("y1", minutes(t0, 30), accept());
        s.ok("y1", minutes(t0, 40), assign("yz", "y1"));
        // 60 days (assumed) from 2 March end on 1 May, in the 劳动节 holiday: 6 May.
        let clock = if channel == Channel::Referral {
            "handed_down"
        } else {
            "handling"
        };
        assert_eq!(due(&s, minutes(t0, 40), clock), "2026-05-07 00:00");
        s.tick(beijing(2026, 5, 8, 9, 0));
        (breach_list(&s), steps_notified(&s))
    };
    assert_eq!(
        late(Channel::Referral),
        (
            vec!["handed_down@1".to_owned()],
            vec!["supervise-handed-down → municipal_commission".to_owned()]
        )
    );
    assert_eq!(
        late(Channel::Letter),
        (vec!["handling@1".to_owned()], Vec::<String>::new())
    );
}

/// 第六条(五)「负责对影响较大的重点投诉…进行督办」: the 市建委 supervises a 重点 case
/// as such, not only once it is late. A case classified 重点 is brought to the
/// commission at once because of its level (ruling 38); the district keeps it
/// (督办 is supervision, not a take-over, which 第六条(三) gives for 重大 only).
/// The old file told the commission only at a breach of `handling`, so a key case
/// on time was never before it.
#[test]
fn s34_the_commission_supervises_a_key_case_from_the_start() {
    let roster = roster(
        &[("qx", "区建委投诉办", None), ("sj", "市建委", None)],
        &[
            ("qx1", "投诉办 科员", "qx", &["district_body"], None),
            (
                "sjw",
                "市建委 督办处",
                "sj",
                &["municipal_commission"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 7, 1, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "同一小区6户反映外墙保温层空鼓脱落")
        .complainant(person("业主代表"))
        .category(cat("quality"))
        .collective_count(6)
        .build()
        .unwrap();
    s.register("qx1", "CQ-K2", c).unwrap();
    assert_eq!(level_of(&s), "key");
    assert_eq!(steps_taken(&s), ["supervise-key-case"]);
    // Supervision, not a take-over: the district's officer still handles it.
    s.ok("qx1", minutes(t0, 30), accept());
    s.ok("qx1", minutes(t0, 40), assign("qx", "qx1"));
    s.ok("qx1", minutes(t0, 50), CommandKind::StartInvestigation);
    // A general case is not brought to the commission.
    let mut g = Scenario::new(
        policy("construction-chongqing-s34.toml"),
        super::roster(
            &[("qx", "区建委投诉办", None)],
            &[("qx1", "投诉办 科员", "qx", &["district_body"], None)],
        ),
    );
    g.register(
        "qx1",
        "CQ-G",
        about(t0, "quality", "楼梯扶手松动").build().unwrap(),
    )
    .unwrap();
    assert_eq!(level_of(&g), "general");
    assert!(steps_taken(&g).is_empty());
}

/// 第六条(四)「负责协调需多个部门或单位共同办理的建筑工程投诉」: a district body that
/// finds a case needs several departments hands it to the 市建委 (the step
/// `commission-coordinates`), which takes it over and names the lead and the
/// co-handling departments. The old file had no way to bring such a case to the
/// commission (only a 重大 level or a breach did): the step was refused.
#[test]
fn s34_a_joint_case_is_handed_to_the_commission_to_coordinate() {
    let roster = roster(
        &[YZ, ("sw", "市建委", None), ("sz", "市市政主管部门", None)],
        &[
            Y1,
            ("s1", "市建委 协调处", "sw", &["municipal_commission"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "y1",
        "CQ-J",
        about(t0, "quality", "小区道路与排水管网同时塌陷, 涉及住建与市政")
            .build()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("y1", minutes(t0, 30), accept());
    s.ok(
        "y1",
        minutes(t0, 40),
        escalate_to("commission-coordinates", "需住建、市政两个部门共同办理"),
    );
    assert_eq!(steps_taken(&s), ["commission-coordinates"]);
    let taken = s.case().escalations.last().unwrap().take_over.clone();
    assert_eq!(
        taken.map(|r| r.to_string()).as_deref(),
        Some("municipal_commission")
    );
    s.ok("s1", minutes(t0, 60), assign_with("yz", "y1", &["sz"]));
    let a = s.case().assignment.clone().unwrap();
    assert_eq!((a.lead, a.co_handling.len()), (did("yz"), 1));
}

/// 第二条「投诉处理机构,是指受理投诉的市建/设行政主管部门、市级各有关专业主管部门…和
/// 各区县…建设行政主管部门」: the 市建委 receives complaints itself. A 重大 complaint
/// phoned to it is registered and filed (立案建档) by its own officer, who owns the
/// filing clock — 5 working days (assumed) across the 2026 Spring Festival — and
/// the commission handles it (第六条(三)). The old file gave the commission no
/// `register` or `accept`: such a complaint could not be recorded where it came in.
#[test]
fn s34_the_commission_receives_a_complaint_itself() {
    let roster = roster(&[SJW], &[W1]);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 2, 13, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "高层住宅在建工地脚手架连墙件大量拆除, 仍在作业",
    )
    .complainant(person("市民 母先生"))
    .category(cat("safety"))
    .first_responder(sid("w1"))
    .build()
    .unwrap();
    s.register("w1", "CQ-W", c).unwrap();
    assert_eq!(level_of(&s), "major");
    assert_eq!(steps_taken(&s), ["commission-takes-major"]);
    // Sat 14 Feb is a working day; 15–23 Feb are the holiday: 5 working days
    // from Fri 13 Feb end with Fri 27 Feb.
    assert_eq!(due(&s, t0, "filing"), "2026-02-28 00:00");
    s.ok("w1", minutes(t0, 30), accept());
    s.ok("w1", minutes(t0, 40), assign("sjw", "w1"));
    s.ok("w1", minutes(t0, 60), investigate());
    s.tick(beijing(2026, 3, 2, 9, 0));
    assert!(breach_list(&s).is_empty());
    // A complaint outside its scope it turns away itself (第三条: out of the warranty).
    let mut o = Scenario::new(
        policy("construction-chongqing-s34.toml"),
        super::roster(
            &[SJW],
            &[(
                "w1",
                "市建委 段科员",
                "sjw",
                &["municipal_commission"],
                None,
            )],
        ),
    );
    let old = Complaint::builder(t0, Channel::Letter, "2012年交房的住宅墙面渗水")
        .category(cat("waterproofing"))
        .product(delivered(date(2012, 6, 30)))
        .build()
        .unwrap();
    o.register("w1", "CQ-O", old).unwrap();
    o.ok(
        "w1",
        minutes(t0, 10),
        CommandKind::NotAccept {
            reason_zh: "已超过质量保修期".into(),
            advice_zh: Some("建议通过民事途径解决".into()),
        },
    );
    assert_eq!(status(&o), Status::NotAccepted);
}

/// 第四条「分级管理、归口处理」 and 第五条「市级各有关主管部门的建筑工程投诉处理工作,根据
/// 市人民政府规定的部门分工,由各有关主管部门负责」: a district body that receives a
/// complaint in a municipal department's field passes it on (Transfer), and the
/// department handles it to the reply; a department also receives and handles its
/// own. Which field is whose is the 部门分工, which the text does not give.
#[test]
fn s34_a_department_handles_the_complaints_of_its_field() {
    let roster = roster(
        &[QX, ("zj", "市级有关专业主管部门", None)],
        &[
            Q1,
            (
                "z1",
                "专业主管部门 投诉办 谭工",
                "zj",
                &["professional_dept"],
                None,
            ),
            (
                "z2",
                "专业主管部门 受理员",
                "zj",
                &["professional_dept"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "q1",
        "CQ-T",
        about(
            t0,
            "supervision",
            "监理单位未对隐蔽工程旁站, 由专业主管部门管理",
        )
        .build()
        .unwrap(),
    )
    .unwrap();
    s.ok("q1", minutes(t0, 30), accept());
    s.ok("q1", minutes(t0, 40), assign("qx", "q1"));
    s.ok(
        "q1",
        minutes(t0, 50),
        transfer("zj", "z1", "归口处理: 属专业主管部门职责"),
    );
    s.ok("z1", minutes(t0, 90), investigate());
    s.ok(
        "z1",
        beijing(2026, 3, 5, 10, 0),
        findings(FaultParty::ThirdParty, "监理单位旁站记录缺失"),
    );
    s.ok(
        "z1",
        beijing(2026, 3, 10, 10, 0),
        reply("已责令监理单位整改并通报"),
    );
    assert_eq!(status(&s), Status::Replied);
    // Its own complaint, received and filed by the department.
    let mut own = Scenario::new(
        policy("construction-chongqing-s34.toml"),
        super::roster(
            &[("zj", "市级有关专业主管部门", None)],
            &[(
                "z2",
                "专业主管部门 受理员",
                "zj",
                &["professional_dept"],
                None,
            )],
        ),
    );
    own.register(
        "z2",
        "CQ-Z",
        about(t0, "cost", "工程造价结算争议")
            .first_responder(sid("z2"))
            .build()
            .unwrap(),
    )
    .unwrap();
    own.ok("z2", minutes(t0, 30), accept());
    own.ok("z2", minutes(t0, 40), assign("zj", "z2"));
    own.ok("z2", minutes(t0, 60), investigate());
}

/// 第五条「市级各有关主管部门的建筑工程投诉处理工作…由各有关主管部门负责,并接受同级建设
/// 行政主管部门的业务指导」: a municipal department answers to the 市建委, not to a
/// district's head. Escalating without naming a step, the department reaches the
/// commission (`commission-coordinates`); a district body reaches its own head
/// (`head`, assumed). The old file sent the department's and the commission's
/// cases to a 区县负责人; the commission no longer escalates at all (twelfth
/// audit, `s34_the_commission_does_not_escalate_to_itself`).
#[test]
fn s34_a_department_escalates_to_the_commission_not_a_district_head() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let step = |role: &str| {
        manual_step(
            "construction-chongqing-s34.toml",
            (role, role),
            "b",
            about(t0, "cost", "工程造价结算争议, 需上级协调")
                .build()
                .unwrap(),
        )
    };
    assert_eq!(
        step("professional_dept").as_deref(),
        Some("commission-coordinates")
    );
    assert_eq!(step("district_body").as_deref(), Some("head"));
}

/// 第六条(五)「负责对…交给各区县(自治县、市)建设行政主管部门、有关主管部门办理的投诉
/// 处理进行督办」: a complaint the 市建委 receives itself (第二条) and hands to a
/// district is a case 交给各区县…办理 as much as one the district records as a
/// referral. Handed down at 10:40 on Mon 2 March 2026 and not answered in 60
/// days (assumed, counted from the hand-over), it is supervised by the
/// commission at its ordinary level. The commission assigning a case to its own
/// officer hands nothing down. The old file ran only `handling` for it, whose
/// breach the commission supervises for 重点 and 重大 cases only: the late
/// ordinary case was never before it.
#[test]
fn s34_a_case_the_commission_hands_down_is_supervised_when_late() {
    let roster = roster(&[SJW, YZ], &[W1, Y1]);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let run = |lead: &str, handler: &str| {
        let mut s = commission_registered(&roster, "CQ-D", t0);
        assert_eq!(level_of(&s), "general");
        s.ok("w1", minutes(t0, 30), accept());
        s.ok("w1", minutes(t0, 40), assign(lead, handler));
        s.tick(beijing(2026, 5, 8, 9, 0));
        s
    };
    let down = run("yz", "y1");
    // 60 days from 2 March end on 1 May, in the 劳动节 holiday: 6 May.
    assert_eq!(
        due(&down, minutes(t0, 40), "commission_handed_down"),
        "2026-05-07 00:00"
    );
    assert!(breach_list(&down).contains(&"commission_handed_down@1".to_owned()));
    assert_eq!(
        steps_notified(&down),
        ["supervise-commission-handed-down → municipal_commission"]
    );
    let own = run("sjw", "w1");
    assert!(!breach_list(&own).contains(&"commission_handed_down@1".to_owned()));
    assert!(steps_notified(&own).is_empty());
}

/// 第二条 makes the 市建委 one of the 「受理投诉的」 bodies and 第七条(四) has each
/// body file 「本部门所办理」 complaints: a complaint the commission records
/// without naming its first responder and does not file in 5 working days
/// (assumed), nor assign, is the commission's lateness, not nobody's. The old
/// file fell back to the district's body alone, which never touched the case,
/// so both breaches were charged to nobody.
#[test]
fn s34_a_late_complaint_the_commission_recorded_is_the_commissions() {
    let roster = roster(&[SJW, YZ], &[W1, Y1]);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "w1",
        "CQ-U",
        Complaint::builder(t0, Channel::Letter, "小区外墙渗水, 开发商拖延维修")
            .complainant(person("业主 黄女士"))
            .category(cat("waterproofing"))
            .build()
            .unwrap(),
    )
    .unwrap();
    // 5 working days from Mon 2 March: the end of Mon 9 March.
    s.tick(beijing(2026, 3, 10, 9, 0));
    s.ok("w1", beijing(2026, 3, 10, 9, 30), accept());
    // Never assigned: 60 days (assumed) from 10 March, in May.
    s.tick(beijing(2026, 5, 20, 9, 0));
    assert_eq!(breach_owners(&s), ["filing@1 → w1", "handling@1 → w1"]);
}

/// 第三条「凡是本市行政辖区内的房屋等建筑工程…在建设过程中和质量保修期内发生的问题,
/// 均属投诉范围」: the scope is the city's works. A complaint about a project outside
/// Chongqing's territory is not accepted (the receiver records the fact
/// `outside_city`), one inside it is; the warranty ground of the same clause
/// stands beside it. The old file accepted a project in another province.
#[test]
fn s34_a_project_outside_the_city_is_not_in_scope() {
    let p = policy("construction-chongqing-s34.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let outside = about(t0, "structure", "四川广安某在建住宅楼板开裂")
        .fact(fact("outside_city"), yes())
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &outside).as_deref(), Some("outside-city"));
    let inside = about(t0, "structure", "渝北区某在建住宅楼板开裂")
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &inside), None);
}

/// 第六条(五)「负责对…交给各区县…、有关主管部门办理的投诉处理进行督办」: a case the
/// 市建委 hands down again in a reopened round is handed down as much as in the
/// first. The commission received a complaint (第二条) and passed it to a district,
/// which replied on time; the complainant was not satisfied, the commission
/// reopened the case and handed it to another district, which let it run past
/// its 60 days (assumed, from the second hand-over). The commission is told. The
/// old file ran the hand-down clock once per case, so the second round's
/// hand-down started nothing and the late ordinary case was never before it.
#[test]
fn s34_a_case_handed_down_again_after_reopening_is_supervised() {
    let roster = roster(
        &[SJW, YZ, ("jb", "江北区建设工程质量投诉办", None)],
        &[
            W1,
            ("y1", "渝中区投诉办 唐工", "yz", &["district_body"], None),
            ("j1", "江北区投诉办 冯工", "jb", &["district_body"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = commission_registered(&roster, "CQ-R", t0);
    assert_eq!(level_of(&s), "general");
    s.ok("w1", minutes(t0, 30), accept());
    s.ok("w1", minutes(t0, 40), assign("yz", "y1"));
    s.ok("y1", beijing(2026, 3, 16, 10, 0), reply("已责令开发商维修"));
    s.ok(
        "w1",
        beijing(2026, 3, 18, 10, 0),
        callback(Satisfaction::Unsatisfied, "开发商未维修"),
    );
    s.ok(
        "w1",
        beijing(2026, 3, 18, 11, 0),
        reopen("投诉人不满意, 重新交办"),
    );
    let t2 = beijing(2026, 3, 18, 12, 0);
    s.ok(
        "w1",
        t2,
        transfer("jb", "j1", "工程位于江北区, 交江北区办理"),
    );
    // 60 days (assumed) from 18 March end on Sun 17 May, a rest day: Mon 18 May.
    assert_eq!(
        due(&s, minutes(t2, 1), "commission_handed_down"),
        "2026-05-19 00:00"
    );
    s.tick(beijing(2026, 5, 19, 9, 0));
    assert!(breach_list(&s).contains(&"commission_handed_down@2".to_owned()));
    assert!(!breach_list(&s).contains(&"commission_handed_down@1".to_owned()));
    assert_eq!(
        steps_notified(&s),
        ["supervise-commission-handed-down → municipal_commission"]
    );
}

/// 第六条(三) gives the 市建委 「负责处理重大的建筑工程投诉」: a 重大 case a district registers
/// is the commission's from its classification (`commission-takes-major`). Left
/// without a handler, a late `handling` is the commission's, not the district's
/// that passed it up: its officer who acted on it, or, before anyone there acts,
/// the commission's holder the case was taken over to (`among = "taken_over"`,
/// ruling 80). The eighth audit's file charged the district's body in both; the
/// ninth audit's charged it until the commission acted (its approximation: this
/// test fails there). An ordinary case, never taken over, stays the district's.
#[test]
fn s34_a_major_case_the_commission_took_over_is_the_commissions_when_late() {
    let roster = roster(
        &[QX, SJW],
        &[
            Q1,
            (
                "w1",
                "市建委 质安处 段处长",
                "sjw",
                &["municipal_commission"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 4, 2, 10, 0);
    let run = |category: &str, commission_acts: bool| {
        let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster.clone());
        s.register(
            "q1",
            "CQ-M",
            about(t0, category, "在建商住楼塔吊附着杆件松动, 仍在吊装作业")
                .build()
                .unwrap(),
        )
        .unwrap();
        s.ok("q1", minutes(t0, 30), accept());
        if category != "safety" {
            assert_eq!(level_of(&s), "general");
            assert!(steps_taken(&s).is_empty());
            // 60 days (assumed) from 2 April: the end of Mon 1 June.
            s.tick(beijing(2026, 6, 3, 9, 0));
            return breach_owners(&s);
        }
        assert_eq!(level_of(&s), "major");
        assert_eq!(steps_taken(&s), ["commission-takes-major"]);
        if commission_acts {
            s.ok(
                "w1",
                minutes(t0, 60),
                note("市建委接手, 安排质安处现场核查"),
            );
        }
        // 30 days (assumed) from 2 April: the end of Sat 2 May, in the 劳动节 holiday: 6 May.
        assert_eq!(due(&s, minutes(t0, 61), "handling"), "2026-05-07 00:00");
        s.tick(beijing(2026, 5, 8, 9, 0));
        breach_owners(&s)
    };
    assert_eq!(run("safety", true), ["handling@1 → w1"]);
    assert_eq!(run("safety", false), ["handling@1 → w1"]);
    assert_eq!(run("quality", false), ["handling@1 → q1"]);
}

/// 第六条(五)「交给各区县(自治县、市)建设行政主管部门、有关主管部门办理的投诉」: a case
/// the 市建委 received and hands down to a body without naming a handler is
/// that body's before anyone there acts on it — the holder of its role in the
/// lead department (ruling 75) — not the commission's, which no longer holds
/// it. The old file had no fallback owner for `commission_handed_down`: its
/// breach was charged to nobody (this test fails there). `handling`, the
/// case's own time, is that body's too: ruling 73 has it owned by whoever
/// holds the case, 「the commission until the hand-over, the body after」, and
/// the commission no longer answers or closes a case it handed down. Before the
/// fifteenth audit `handling` stayed the commission's, which had acted on it as
/// its receiver (fails on that file).
#[test]
fn s34_a_case_handed_down_without_a_handler_is_the_bodys_it_went_to() {
    let roster = roster(
        &[SJW, YZ, ("zj", "市城乡建设专业主管部门", None)],
        &[
            W1,
            Y1,
            (
                "z1",
                "专业主管部门 蒲工",
                "zj",
                &["professional_dept"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let run = |lead: &str| {
        let mut s = commission_registered(&roster, "CQ-N", t0);
        s.ok("w1", minutes(t0, 30), accept());
        s.ok("w1", minutes(t0, 40), assign_department(lead));
        // 60 days (assumed) from 2 March end on 1 May, in the 劳动节 holiday: 6 May.
        assert_eq!(
            due(&s, minutes(t0, 40), "commission_handed_down"),
            "2026-05-07 00:00"
        );
        s.tick(beijing(2026, 5, 8, 9, 0));
        s.assert_replays();
        let mut owners = breach_owners(&s);
        owners.sort();
        owners
    };
    assert_eq!(
        run("yz"),
        ["commission_handed_down@1 → y1", "handling@1 → y1"]
    );
    assert_eq!(
        run("zj"),
        ["commission_handed_down@1 → z1", "handling@1 → z1"]
    );
}

/// The fifteenth audit's owner of `handling` for a case the commission handed
/// down (above) is limited to the commission's own hand-over: a case 渝中's body
/// sent to its own office with nobody named that then turns 重大 and is taken
/// over by the commission (第六条(三)「负责处理重大的建筑工程投诉」) is the
/// commission's when late, its officer who acted on it (ruling 69), not 渝中's.
#[test]
fn s34_a_major_case_a_district_handed_on_is_still_the_commissions() {
    let mut s = yuzhong_case_turning_major(assign_department("yz"));
    s.tick(beijing(2026, 5, 8, 9, 0));
    assert!(breach_owners(&s).contains(&"handling@1 → w1".to_owned()));
}

/// A structural crack registered and accepted by 渝中's body on Mon 2 Mar 2026,
/// handed on by `hand_over` (at 20 minutes) and classified 重大 by the
/// commission an hour in, which takes it over (`commission-takes-major`).
fn yuzhong_case_turning_major(hand_over: CommandKind) -> Scenario {
    let roster = roster(&[SJW, YZ], &[W1, Y1]);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    s.register(
        "y1",
        "CQ-B",
        about(t0, "structure", "在建住宅楼板出现贯通裂缝")
            .first_responder(sid("y1"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("y1", minutes(t0, 10), accept());
    s.ok("y1", minutes(t0, 20), hand_over);
    s.ok(
        "w1",
        minutes(t0, 60),
        classify_as("major", "主体结构安全隐患"),
    );
    assert_eq!(steps_taken(&s), ["commission-takes-major"]);
    s
}

/// 第六条(五)「负责对影响较大的重点投诉…进行督办」 gives the 市建委 督办 of 重点 cases;
/// a 重大 case is its own to handle (第六条(三)「负责处理重大的建筑工程投诉」). A late
/// 重大 case the commission kept, its officer named, notified the commission of its
/// own lateness (`supervise-key` at `major`): a 督办 of itself the source lacks
/// (fifteenth audit). Fails on the old file: the step was recorded.
#[test]
fn s34_the_commission_does_not_supervise_its_own_major_case() {
    let roster = roster(&[QX, SJW], &[Q1, W1]);
    let t0 = beijing(2026, 4, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    s.register(
        "q1",
        "CQ-K",
        about(t0, "safety", "在建商住楼塔吊附着杆件松动")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("q1", minutes(t0, 30), accept());
    s.ok("w1", minutes(t0, 60), assign("sjw", "w1"));
    s.tick(beijing(2026, 5, 8, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → w1"]);
    assert_eq!(steps_taken(&s), ["commission-takes-major"]);
}

/// 第六条(三)「负责处理重大的建筑工程投诉」: a case 渝中's body assigned to its own
/// officer that turns 重大 is the commission's from the take-over
/// (`commission-takes-major`): the officer named before may no longer answer it
/// (ruling 129), so a late `handling` is the commission's, not his. The old
/// file charged the displaced handler (`owner = "assignee"`), who could do
/// nothing about it (fifteenth audit; fails there). Once the commission hands
/// the case down again, the handler it names answers.
#[test]
fn s34_a_handler_displaced_by_the_commissions_take_over_is_not_charged() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let run = |hand_back: bool| {
        let mut s = yuzhong_case_turning_major(assign("yz", "y1"));
        let refused = s.run("y1", minutes(t0, 70), reply("区里答复")).unwrap_err();
        assert!(refused_as_not_holding(&refused), "{refused}");
        if hand_back {
            s.ok("w1", minutes(t0, 80), transfer("yz", "y1", "交渝中区办理"));
        }
        s.tick(beijing(2026, 5, 8, 9, 0));
        s.assert_replays();
        breach_owners(&s)
            .into_iter()
            .filter(|b| b.starts_with("handling@"))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(false), ["handling@1 → w1"]);
    assert_eq!(run(true), ["handling@1 → y1"]);
}

/// The hand-down clocks as `handling` (fifteenth audit): a referral 渝中's body
/// recorded and gave its officer (`handed_down`), or a case the commission handed
/// to him itself (`commission_handed_down`), that turns 重大 is the commission's
/// from its take-over (第六条(三)「负责处理重大的建筑工程投诉」); the officer may no
/// longer answer it (ruling 129) and is not charged when the clock runs out. The
/// old file charged him (fails there).
#[test]
fn s34_a_handed_down_case_the_commission_took_back_is_not_the_handlers() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let run = |referral: bool| {
        let roster = roster(&[SJW, YZ], &[W1, Y1]);
        let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
        let channel = if referral {
            Channel::Referral
        } else {
            Channel::Letter
        };
        let (by, clock) = if referral {
            ("y1", "handed_down")
        } else {
            ("w1", "commission_handed_down")
        };
        let c = Complaint::builder(t0, channel, "在建住宅楼板出现贯通裂缝")
            .complainant(person("业主 周先生"))
            .category(cat("structure"))
            .build()
            .unwrap();
        s.register(by, "CQ-R", c).unwrap();
        s.ok(by, minutes(t0, 10), accept());
        s.ok(by, minutes(t0, 20), assign("yz", "y1"));
        s.ok(
            "w1",
            minutes(t0, 60),
            classify_as("major", "主体结构安全隐患"),
        );
        assert_eq!(steps_taken(&s), ["commission-takes-major"]);
        s.tick(beijing(2026, 5, 8, 9, 0));
        s.assert_replays();
        breach_owners(&s)
            .into_iter()
            .filter(|b| b.starts_with(clock))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(true), ["handed_down@1 → w1"]);
    assert_eq!(run(false), ["commission_handed_down@1 → w1"]);
}

/// #13 (ninth audit): no clause promises the complainant a date — 第四条 asks only
/// 「及时、依法解决」, and the file's handling limits are its own (assumed) — so the
/// district's body may not set one of its own (`set_agreed_deadline`), a clock of
/// no clause whose lapse it would then answer for. The old file let it.
#[test]
fn s34_the_district_promises_no_deadline_the_source_lacks() {
    let roster = roster(&[QX], &[Q1]);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    s.register(
        "q1",
        "CQ-P",
        about(t0, "civilised_construction", "工地夜间施工噪声扰民")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("q1", minutes(t0, 30), accept());
    let refused = s.run(
        "q1",
        minutes(t0, 40),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 6, 17, 0),
        },
    );
    assert!(
        matches!(refused, Err(Rejection::NotPermitted { .. })),
        "{refused:?}"
    );
}

/// 渝北's body (`q1`), a municipal department (`zj`: `z1` and his clerk
/// `z2`), 江北's body (`jb`: `j1` and his clerk `j2`) and the commission's `w1`.
fn bodies_passed_to() -> Roster {
    roster(
        &[
            QX,
            SJW,
            ("zj", "市级有关专业主管部门", None),
            ("jb", "江北区建设工程质量投诉办", None),
        ],
        &[
            Q1,
            W1,
            (
                "z1",
                "专业主管部门 投诉办 谭工",
                "zj",
                &["professional_dept"],
                None,
            ),
            (
                "z2",
                "专业主管部门 科员",
                "zj",
                &["professional_dept"],
                Some("z1"),
            ),
            ("j1", "江北区投诉办 冯工", "jb", &["district_body"], None),
            (
                "j2",
                "江北区投诉办 科员",
                "jb",
                &["district_body"],
                Some("j1"),
            ),
        ],
    )
}

/// 渝北's body (`q1`, its first responder) registers a complaint about a
/// supervising firm on Mon 2 Mar 2026 at 10:00 (`channel`), accepts it at
/// 10:30, assigns it to itself at 10:40 and passes it on 归口 at 10:50 to the
/// body `to`, naming nobody there.
fn q1_passes_on(roster: &Roster, channel: Channel, to: &str) -> Scenario {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster.clone());
    let c = Complaint::builder(t0, channel, "监理单位未对隐蔽工程旁站")
        .complainant(person("业主 牟先生"))
        .category(cat("supervision"))
        .first_responder(sid("q1"))
        .build()
        .unwrap();
    s.register("q1", "CQ-G", c).unwrap();
    s.ok("q1", minutes(t0, 30), accept());
    s.ok("q1", minutes(t0, 40), assign("qx", "q1"));
    s.ok(
        "q1",
        minutes(t0, 50),
        CommandKind::Transfer {
            assignment: Assignment {
                lead: did(to),
                handler: None,
                co_handling: vec![],
            },
            reason: "归口处理".into(),
        },
    );
    s
}

/// #11 and #8 (tenth audit): 第四条「分级管理、归口处理」 — a district's body that
/// passes a complaint to the body whose it is, naming no handler (a municipal
/// department, for a matter of its field: 第七条(三)「办理本部门管理范围内的建筑工程
/// 投诉」; or the district where the works are, 第五条「负责处理本地区的建筑工程投诉」),
/// no longer holds it: a late `handling` (or, for a referral, `handed_down`) is
/// that body's, its holder of the role in the lead department (ruling 75), even
/// once a clerk of it has taken the case up. The old file charged the district
/// clerk who passed it on (this test fails there).
#[test]
fn s34_a_case_passed_to_another_body_without_a_handler_is_that_bodys() {
    let roster = bodies_passed_to();
    let t0 = beijing(2026, 3, 2, 10, 0);
    // `to`: the body it is passed to; `by`: its clerk who takes it up, if any.
    let run = |channel: Channel, to: &str, by: Option<&str>| {
        let mut s = q1_passes_on(&roster, channel, to);
        if let Some(clerk) = by {
            s.ok(clerk, minutes(t0, 90), investigate());
        }
        // 60 days (assumed) from 2 March: 1 May, in the Labour Day holiday, rolls to 6 May.
        s.tick(beijing(2026, 5, 8, 9, 0));
        s.assert_replays();
        breach_owners(&s)
    };
    assert_eq!(run(Channel::Phone, "zj", Some("z2")), ["handling@1 → z1"]);
    assert_eq!(run(Channel::Phone, "zj", None), ["handling@1 → z1"]);
    // A referral the district recorded and passed to the district where the works are.
    assert_eq!(
        run(Channel::Referral, "jb", Some("j2")),
        ["handed_down@1 → j1"]
    );
}

/// Seventeenth audit: 第五条「市建设行政主管部门负责协调、监督、归口管理全市建筑工程投诉工作」
/// and 第七条(三)「办理本部门管理范围内的建筑工程投诉」: a case 渝北's body passed on 归口
/// to a department, naming nobody there, is the department's to handle; the
/// commission supervising it is not charged for its lateness. `handling` tried
/// the commission's staff on the case before the holder of the lead department,
/// so a note the commission's officer put on the department's case (its
/// supervision) made the commission answer for the department's late handling.
/// The commission's staff on the case answer after the lead department's holder
/// now. Fails on the old file: the breach was charged to `w1`.
#[test]
fn s34_the_commissions_note_does_not_make_it_answer_for_a_bodys_case() {
    let mut s = q1_passes_on(&bodies_passed_to(), Channel::Phone, "zj");
    s.ok(
        "w1",
        beijing(2026, 3, 3, 10, 0),
        note("市建委: 请专业主管部门依法处理"),
    );
    // 60 days (assumed) from 2 March: 1 May, in the Labour Day holiday, rolls to 6 May.
    s.tick(beijing(2026, 5, 8, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → z1"]);
    s.assert_replays();
}

/// Eleventh audit: 第四条「建筑工程投诉处理实行分级管理、归口处理」, 第五条「各区县…应指定
/// 专门机构,负责处理本地区的建筑工程投诉」 and 第七条(三)「办理本部门管理范围内的建筑工程投诉」:
/// a district's body and a municipal department handle their own complaints and
/// pass one on 归口 to the body whose it is; the 市建委 takes a case because it
/// is 重大 (第六条(三), the level step) or to coordinate a joint one (第六条(四),
/// `commission-coordinates`), never because a body sent it an ordinary case by
/// `assign` or `transfer`. The old file let both bodies send an ordinary case to
/// the commission's officer, who was then charged with its handling, and the
/// case left the 督办 of 第六条(五) (this test fails there: the transfer was
/// recorded). They hand a case over only to a district's body or a department
/// now (`hands_over_to`, ruling 78).
#[test]
fn s34_a_body_does_not_send_an_ordinary_case_up_to_the_commission() {
    let roster = roster(
        &[QX, SJW, ("zj", "市级有关专业主管部门", None), YZ],
        &[
            Q1,
            W1,
            Y1,
            (
                "z1",
                "专业主管部门 谭工",
                "zj",
                &["professional_dept"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster.clone());
    let noise = |first: &str| {
        Complaint::builder(t0, Channel::Phone, "小区外墙装饰施工夜间噪音扰民")
            .complainant(person("业主 牟先生"))
            .category(cat("civilised_construction"))
            .first_responder(sid(first))
            .build()
            .unwrap()
    };
    s.register("q1", "CQ-U", noise("q1")).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("q1", minutes(t0, 30), accept());
    let assigned_up = s
        .run("q1", minutes(t0, 35), assign("sjw", "w1"))
        .unwrap_err();
    assert_eq!(assigned_up.kind(), "hand_over_refused", "{assigned_up}");
    s.ok("q1", minutes(t0, 38), assign("qx", "q1"));
    let up = s
        .run("q1", minutes(t0, 40), transfer("sjw", "w1", "交市建委处理"))
        .unwrap_err();
    assert_eq!(up.kind(), "hand_over_refused", "{up}");
    // 归口: to the district where the works are, as before.
    s.ok(
        "q1",
        minutes(t0, 50),
        transfer("yz", "y1", "工程位于渝中区, 交渝中区办理"),
    );
    // A department's ordinary case does not go up either.
    let mut d = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    d.register("z1", "CQ-D", noise("z1")).unwrap();
    d.ok("z1", minutes(t0, 30), accept());
    d.ok("z1", minutes(t0, 35), assign("zj", "z1"));
    let dept_up = d
        .run("z1", minutes(t0, 40), transfer("sjw", "w1", "交市建委处理"))
        .unwrap_err();
    assert_eq!(dept_up.kind(), "hand_over_refused", "{dept_up}");
}

/// Second eleventh-session audit: 第六条(五) has the 市建委 hand a case down
/// 「交给各区县(自治县、市)建设行政主管部门、有关主管部门办理」 — to a district's
/// body or a department, whose officer answers for `commission_handed_down`,
/// or it keeps the case. With no `hands_over_to` list the commission could name
/// the district's head its handler, charged with the handling though he may
/// neither reply nor close (ruling 78's pattern, fixed for the districts and
/// the departments by the eleventh audit). The old file let it through (this
/// test fails there).
#[test]
fn s34_the_commission_hands_a_case_down_to_a_body_not_its_head() {
    let roster = roster(
        &[QX, SJW],
        &[
            Q1,
            W1,
            ("qz", "区县负责人 彭局长", "qx", &["district_head"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = commission_registered(&roster, "CQ-H", t0);
    s.ok("w1", minutes(t0, 30), accept());
    let err = s
        .run("w1", minutes(t0, 40), assign("qx", "qz"))
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused", "{err}");
    // It keeps the case, then hands it down: to the district's body, not its head.
    s.ok("w1", minutes(t0, 45), assign("sjw", "w1"));
    let err = s
        .run("w1", minutes(t0, 50), transfer("qx", "qz", "交区县办理"))
        .unwrap_err();
    assert_eq!(err.kind(), "hand_over_refused", "{err}");
    s.ok("w1", minutes(t0, 55), transfer("qx", "q1", "交区县办理"));
}

/// Twelfth audit: 第六条(三)–(五) give the 市建委 the 重大 cases, the joint
/// cases to coordinate and the 督办, each brought to it — by the level
/// (`commission-takes-major`), by the body that finds a case needs several
/// departments (`commission-coordinates`) or by a breach — and name nothing
/// above it. With no step of its own, its escalation took the first manual
/// step open, `commission-coordinates`, reporting a case to itself and
/// taking it over from its own officer. It no longer escalates; a joint case
/// it received itself it coordinates by naming the lead and co-handling
/// departments (`assign`). Fails on the old file (the commission's
/// escalation was recorded as `commission-coordinates`).
#[test]
fn s34_the_commission_does_not_escalate_to_itself() {
    let roster = roster(&[SJW], &[W1]);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 4, 7, 10, 0);
    let c = Complaint::builder(t0, Channel::Phone, "工地夜间浇筑混凝土噪音扰民")
        .complainant(person("市民 蒲女士"))
        .category(cat("civilised_construction"))
        .first_responder(sid("w1"))
        .build()
        .unwrap();
    s.register("w1", "CQ-E", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("w1", minutes(t0, 30), accept());
    let version = s.case().version;
    let refused = s
        .run("w1", minutes(t0, 40), escalate("需多个部门共同办理"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    assert!(steps_taken(&s).is_empty(), "{:?}", steps_taken(&s));
}

/// 第六条(五)「负责对…交给各区县(自治县、市)建设行政主管部门、有关主管部门办理的投诉处理进行
/// 督办」: a case the 市建委 handed down stays handed down in a round the
/// district's head reopens and leaves with the body the commission chose, so
/// that round is supervised too (`handed_down_by`, ruling 124): the head's
/// reopening starts `commission_handed_down` again, 60 days (assumed) from
/// Wed 18 March, and a late ordinary case is before the commission. A case
/// the district's body passed on to another district in the first round is no
/// longer the commission's hand-over: its reopening starts nothing. The old
/// file started the clock only on a hand-over the commission made in that
/// round (`started_by`), so the head's reopening left the ordinary case timed
/// by `handling` alone, never before the commission: this test fails there.
#[test]
fn s34_a_round_the_district_head_reopens_is_still_supervised() {
    let roster = roster(
        &[SJW, YZ, ("jb", "江北区建设工程质量投诉办", None)],
        &[
            W1,
            Y1,
            (
                "yh",
                "渝中区建委 负责人 何局长",
                "yz",
                &["district_head"],
                None,
            ),
            ("j1", "江北区投诉办 冯工", "jb", &["district_body"], None),
            (
                "jh",
                "江北区建委 负责人 邓局长",
                "jb",
                &["district_head"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let run = |passed_on: bool| {
        let mut s = commission_registered(&roster, "CQ-H", t0);
        s.ok("w1", minutes(t0, 30), accept());
        s.ok("w1", minutes(t0, 40), assign("yz", "y1"));
        let holder = if passed_on {
            s.ok(
                "y1",
                beijing(2026, 3, 3, 10, 0),
                transfer("jb", "j1", "工程位于江北区, 交江北区办理"),
            );
            "j1"
        } else {
            "y1"
        };
        s.ok(
            holder,
            beijing(2026, 3, 16, 10, 0),
            reply("已责令开发商维修"),
        );
        s.ok(
            "w1",
            beijing(2026, 3, 18, 10, 0),
            callback(Satisfaction::Unsatisfied, "开发商未维修"),
        );
        let t2 = beijing(2026, 3, 18, 11, 0);
        // A case passed on to 江北 is 江北's: its head reopens it, not 渝中's
        // (第五条「负责处理本地区的建筑工程投诉」, `holds_case`; fourteenth audit).
        let head = if passed_on {
            let other = s
                .run("yh", t2, reopen("投诉人不满意, 由原承办机构重新办理"))
                .unwrap_err();
            assert!(refused_as_not_holding(&other), "{other}");
            "jh"
        } else {
            "yh"
        };
        s.ok(head, t2, reopen("投诉人不满意, 由原承办机构重新办理"));
        let supervised = s
            .case()
            .clocks
            .iter()
            .any(|c| c.milestone.as_str() == "commission_handed_down" && c.round == 2);
        (s, supervised, t2)
    };
    let (mut s, supervised, t2) = run(false);
    assert!(supervised, "the head's reopening starts the supervision");
    // 60 days (assumed) from 18 March end on Sun 17 May, a rest day: Mon 18 May.
    assert_eq!(
        due(&s, minutes(t2, 1), "commission_handed_down"),
        "2026-05-19 00:00"
    );
    s.tick(beijing(2026, 5, 19, 9, 0));
    assert!(breach_list(&s).contains(&"commission_handed_down@2".to_owned()));
    assert_eq!(
        steps_notified(&s),
        ["supervise-commission-handed-down → municipal_commission"]
    );
    let (_, supervised, _) = run(true);
    assert!(
        !supervised,
        "a case the district passed on is not the commission's hand-over"
    );
}

/// 第五条「各区县(自治县、市)建设行政主管部门应指定专门机构,负责处理本地区的建筑工程投诉」:
/// a district head decides on his own district's cases. A proposal without
/// money (the district head's assumed limit) by 渝中's body is approved by
/// 渝中's head, not 渝北's (`holds_case`, ruling 121). The old file let any
/// district head approve it (this test fails there).
#[test]
fn s34_a_district_head_approves_only_his_districts_cases() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = yuzhong_case("CQ-J", |s| {
        s.ok("y1", minutes(t0, 20), assign("yz", "y1"));
    });
    other_head_refused(&mut s, minutes(t0, 120));
    s.ok("yzz", minutes(t0, 120), CommandKind::Approve);
    s.assert_replays();
}

/// A 渝中 case handled by 渝中's body, with 渝中's and 渝北's heads on the
/// roster: registered on Mon 2 Mar 2026, accepted, handed over by
/// `hand_over` (from 20 minutes), investigated and proposed without money
/// at 90 minutes.
fn yuzhong_case(id: &str, hand_over: impl FnOnce(&mut Scenario)) -> Scenario {
    let roster = two_districts();
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    s.register(
        "y1",
        id,
        about(t0, "structure", "商品房楼梯间墙面开裂, 开发商拒不维修")
            .first_responder(sid("y1"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("y1", minutes(t0, 10), accept());
    hand_over(&mut s);
    s.ok("y1", minutes(t0, 30), investigate());
    s.ok(
        "y1",
        minutes(t0, 60),
        findings(FaultParty::ThirdParty, "开发商未履行保修责任"),
    );
    s.ok(
        "y1",
        minutes(t0, 90),
        propose(vec![rem(RemedyKind::Explanation)], "责令开发商限期维修"),
    );
    s
}

/// 渝北's head's approval of the 渝中 case is refused (`holds_case`),
/// changing nothing.
fn other_head_refused(s: &mut Scenario, at: chrono::DateTime<chrono::Utc>) {
    let before = s.events.len();
    let other = s.run("qz", at, CommandKind::Approve).unwrap_err();
    assert!(
        matches!(&other, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case"))),
        "{other}"
    );
    assert_eq!(s.events.len(), before);
}

/// 第五条「负责处理本地区的建筑工程投诉」 and the assumed `head` step (a
/// district body refers its case to its own head): a case 渝中's body
/// assigned and then referred to its head is 渝中's head's, not every
/// district head's — the step's role is read in the assignment's line (the
/// lead department or above it; ruling 129). With nobody named at 渝中
/// (fails on the old file, where the step gave the case to every
/// district head and 渝北's approved it), and with 渝中's body member named
/// the handler, whom the step displaces: 渝北's head is still refused.
#[test]
fn s34_a_case_referred_to_the_head_is_its_own_districts_heads() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    for (id, handler) in [("CQ-R1", None), ("CQ-R2", Some("y1"))] {
        let mut s = yuzhong_case(id, |s| {
            let to = handler.map_or_else(|| assign_department("yz"), |h| assign("yz", h));
            s.ok("y1", minutes(t0, 20), to);
            s.ok("y1", minutes(t0, 25), escalate("需区负责人决定"));
            assert_eq!(steps_taken(s), ["head"]);
        });
        other_head_refused(&mut s, minutes(t0, 120));
        s.ok("yzz", minutes(t0, 120), CommandKind::Approve);
        s.assert_replays();
    }
}

/// 第五条「负责处理本地区的建筑工程投诉」 bounds the district head to his
/// district's cases (ruling 121); a municipal department's case is no
/// district's, so a district head does not approve its proposal and the
/// commission, `approval.above`, does (thirteenth session: the approvers
/// are bounded by the handler's body for a department's case too).
#[test]
fn s34_a_departments_case_is_approved_by_the_commission_not_a_district_head() {
    let roster = roster(
        &[QX, SJW, ("zj", "市级有关专业主管部门", None)],
        &[
            W1,
            ("qz", "渝北区负责人 彭局长", "qx", &["district_head"], None),
            (
                "z1",
                "专业主管部门 投诉办 谭工",
                "zj",
                &["professional_dept"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    s.register(
        "z1",
        "CQ-Z",
        about(t0, "supervision", "监理单位未对隐蔽工程旁站")
            .first_responder(sid("z1"))
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("z1", minutes(t0, 10), accept());
    s.ok("z1", minutes(t0, 20), assign("zj", "z1"));
    s.ok("z1", minutes(t0, 30), investigate());
    s.ok(
        "z1",
        minutes(t0, 60),
        findings(FaultParty::ThirdParty, "监理单位未履行旁站职责"),
    );
    s.ok(
        "z1",
        minutes(t0, 90),
        propose(vec![rem(RemedyKind::Explanation)], "责令监理单位整改"),
    );
    let head = s
        .run("qz", minutes(t0, 120), CommandKind::Approve)
        .unwrap_err();
    assert!(refused_as_not_holding(&head), "{head}");
    s.ok("w1", minutes(t0, 120), CommandKind::Approve);
    s.assert_replays();
}

/// 第五条「各区县(自治县、市)建设行政主管部门应指定专门机构,负责处理本地区的建筑工程投诉」:
/// a district head reclassifies, escalates and reopens only his district's
/// cases, as he approves only theirs (`holds_case`, ruling 121). 渝北's head
/// may neither raise 渝中's case to 重点 nor hand it to the commission; 渝中's
/// head hands it to the commission to coordinate (`commission-coordinates`).
/// Nor may 渝中's head lower a 重大 case the 市建委 took over from his district
/// (第六条(三)「负责处理重大的建筑工程投诉」). The old file let any district head
/// do all three (this test fails there; the reopening is asserted in
/// `s34_a_round_the_district_head_reopens_is_still_supervised`).
#[test]
fn s34_a_district_head_reclassifies_and_escalates_only_his_districts_cases() {
    let roster = two_districts();
    let t0 = beijing(2026, 3, 2, 10, 0);
    let refused = |s: &mut Scenario, actor: &str, at, cmd| {
        let err = s.run(actor, at, cmd).unwrap_err();
        assert!(refused_as_not_holding(&err), "{actor}: {err}");
    };
    let registered = |id: &str, category: &str, content: &str| {
        let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster.clone());
        s.register(
            "y1",
            id,
            about(t0, category, content)
                .first_responder(sid("y1"))
                .build()
                .unwrap(),
        )
        .unwrap();
        s.ok("y1", minutes(t0, 10), accept());
        s
    };
    let mut s = registered("CQ-K", "structure", "商品房楼梯间墙面开裂, 开发商拒不维修");
    s.ok("y1", minutes(t0, 20), assign("yz", "y1"));
    refused(
        &mut s,
        "qz",
        minutes(t0, 30),
        classify_as("key", "影响较大"),
    );
    refused(
        &mut s,
        "qz",
        minutes(t0, 30),
        escalate("需多个部门共同办理"),
    );
    assert_eq!(level_of(&s), "general");
    assert!(steps_taken(&s).is_empty());
    s.ok("yzz", minutes(t0, 40), escalate("需多个部门共同办理"));
    assert_eq!(steps_taken(&s), ["commission-coordinates"]);

    let mut s = registered("CQ-M", "safety", "塔吊基础开裂, 存在倒塌危险");
    assert_eq!(level_of(&s), "major");
    assert_eq!(steps_taken(&s), ["commission-takes-major"]);
    refused(
        &mut s,
        "yzz",
        minutes(t0, 30),
        classify_as("general", "影响不大"),
    );
    assert_eq!(level_of(&s), "major");
    s.assert_replays();
}

/// Ruling 133: the 办法 has no 延期 (no 延 in its text), and its handling limits are
/// the file's (assumed). The district's body could ask for an extension and the
/// district head approve it, pausing `handling`; neither may now, and the case is
/// late on the day the (assumed) 60 days end. Fails on the old file (the request
/// was recorded).
#[test]
fn s34_the_handling_is_not_extended() {
    let roster = roster(
        &[("yz", "渝中区建委投诉办", None)],
        &[
            ("q1", "渝中 投诉专员", "yz", &["district_body"], Some("qh")),
            ("qh", "渝中区建委负责人", "yz", &["district_head"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "quality", "住宅楼外墙瓷砖脱落").build().unwrap();
    s.register("q1", "CQ-X", c).unwrap();
    s.ok("q1", minutes(t0, 10), accept());
    s.ok("q1", minutes(t0, 20), assign("yz", "q1"));
    s.ok("q1", beijing(2026, 3, 3, 9, 0), investigate());
    assert_no_extension(&mut s, "q1", "qh", beijing(2026, 3, 20, 9, 0));
    // 60 days (assumed) from 2 March: 1 May, rolled past the Labour Day holiday.
    assert_eq!(due(&s, minutes(t0, 20), "handling"), "2026-05-07 00:00");
    s.tick(beijing(2026, 5, 7, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["handling@1 → q1"]);
}

/// A complaint `id` (a cracked stairwell wall) 渝中's officer `y1` received
/// and registered at 10:00 on Mon 2 Mar 2026, himself its first responder,
/// between the two districts.
fn yuzhong_stairwell_case(id: &str) -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), two_districts());
    let c = about(t0, "structure", "商品房楼梯间墙面开裂, 开发商拒不维修")
        .first_responder(sid("y1"))
        .build()
        .unwrap();
    s.register("y1", id, c).unwrap();
    (s, t0)
}

/// 第五条「各区县(自治县、市)建设行政主管部门应指定专门机构,负责处理本地区的建筑工程投诉」,
/// 第六条(三)「负责处理重大的建筑工程投诉」: a district's body answers, closes and hands
/// on only a case that is with it (`holds_case`, ruling 121). 渝北's body may not
/// answer, close or pass on a case 渝中's body holds, nor answer a 重大 case the
/// 市建委 took over; 渝中's body refers its case to its head (the assumed step
/// `head`) and still answers it, the case staying with the body. The old file
/// let 渝北's body answer 渝中's case (this test fails there), and the head's step
/// took the case over to a head who could neither hand it back nor answer it.
#[test]
fn s34_a_body_answers_and_closes_only_a_case_with_it() {
    let (mut s, t0) = yuzhong_stairwell_case("CQ-B");
    s.ok("y1", minutes(t0, 10), accept());
    s.ok("y1", minutes(t0, 20), assign("yz", "y1"));
    for cmd in [
        reply("已处理"),
        close(),
        transfer("qx", "q1", "改由渝北处理"),
        escalate("需多个部门共同办理"),
    ] {
        let refused = s.refused("q1", minutes(t0, 30), cmd);
        assert!(refused_as_not_holding(&refused), "{refused}");
    }
    s.ok("y1", minutes(t0, 40), escalate("报区建委负责人"));
    assert_eq!(steps_notified(&s), ["head → district_head"]);
    s.ok("y1", minutes(t0, 60), investigate());
    s.ok("y1", minutes(t0, 90), reply("已责令开发商维修"));

    let mut s = Scenario::new(policy("construction-chongqing-s34.toml"), two_districts());
    let c = about(t0, "safety", "塔吊基础开裂, 存在倒塌危险")
        .first_responder(sid("q1"))
        .build()
        .unwrap();
    s.register("q1", "CQ-S", c).unwrap();
    assert_eq!(steps_taken(&s), ["commission-takes-major"]);
    s.ok("q1", minutes(t0, 10), accept());
    let refused = s.refused("q1", minutes(t0, 20), reply("已转市建委"));
    assert!(refused_as_not_holding(&refused), "{refused}");
    s.ok("w1", minutes(t0, 30), assign("sjw", "w1"));
    s.ok("w1", minutes(t0, 40), investigate());
    s.ok("w1", minutes(t0, 60), reply("市建委已责令停工整改"));
    s.assert_replays();
}

/// 第六条(五)「交给各区县(自治县、市)建设行政主管部门、有关主管部门办理的投诉处理进行督办」:
/// a case handed to 渝中's body is that body's to answer and close; the commission
/// supervises it (it may still hear the complainant, its 督办 of the result) and
/// neither answers nor closes it (fails on the file before the fourteenth
/// session's act probe: the commission's reply ended the district's clocks). A
/// case it keeps for its own officer it answers.
#[test]
fn s34_the_commission_does_not_answer_a_case_it_handed_down() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = commission_registered(&two_districts(), "CQ-H", t0);
    s.ok("w1", minutes(t0, 10), accept());
    s.ok("w1", minutes(t0, 20), assign("yz", "y1"));
    for cmd in [reply("市建委已处理"), close()] {
        let refused = s.refused("w1", minutes(t0, 30), cmd);
        assert!(refused_as_not_holding(&refused), "{refused}");
    }
    s.ok("y1", minutes(t0, 40), investigate());
    s.ok("y1", minutes(t0, 60), reply("已责令开发商维修"));

    let mut s = commission_registered(&two_districts(), "CQ-K", t0);
    s.ok("w1", minutes(t0, 10), accept());
    s.ok("w1", minutes(t0, 20), assign("sjw", "w1"));
    s.ok("w1", minutes(t0, 40), investigate());
    s.ok("w1", minutes(t0, 60), reply("市建委已责令开发商维修"));
    s.assert_replays();
}

/// 第五条「各区县…应指定专门机构,负责处理本地区的建筑工程投诉」 and 第六条(四)
/// 「负责协调需多个部门或单位共同办理的建筑工程投诉」: a district's body
/// investigates, records findings (a fact among them: `no_violation_found`
/// makes the complaint invalid) and proposes only on a case with it or a
/// joint one the commission called it in to (`holds_case = "co_handling"`,
/// ruling 148). 渝北's body is refused on the case the commission handed to
/// 渝中 alone, naming `holds_case` and changing nothing, and works the case
/// 渝中 leads with 渝北 called in. The sixteenth audit (fails on the old
/// file, where any body investigated and recorded facts on every case).
#[test]
fn s34_a_body_investigates_only_its_own_or_a_joint_case() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let handed_to = |co: &[&str]| {
        let mut s = commission_registered(&two_districts(), "CQ-CO", t0);
        s.ok("w1", minutes(t0, 10), accept());
        s.ok("w1", minutes(t0, 20), assign_with("yz", "y1", co));
        s
    };
    let mut alone = handed_to(&[]);
    case_work_refused(&mut alone, "q1", minutes(t0, 30));
    alone.ok("y1", minutes(t0, 40), investigate());

    let mut joint = handed_to(&["qx"]);
    joint.ok("q1", minutes(t0, 30), investigate());
    joint.ok(
        "q1",
        minutes(t0, 40),
        findings(FaultParty::ThirdParty, "开发商未履行保修责任"),
    );
    joint.assert_replays();
}

/// 第六条(二)「负责全市建筑工程投诉处理的监督检查」 and (五)「…交给各区县…建设行政主管部门、
/// 有关主管部门办理的投诉处理进行督办」: the commission supervises a case it handed
/// to 渝中's body; it does not investigate it, find its facts (`no_violation_found`
/// would make it invalid) or propose its solution (`holds_case`, ruling 150).
/// A case it keeps for its own officer it works. The sixteenth audit (fails on
/// the old file, where the commission's investigation of 渝中's case was taken).
#[test]
fn s34_the_commission_does_not_find_the_facts_of_a_case_it_handed_down() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = commission_registered(&two_districts(), "CQ-F", t0);
    s.ok("w1", minutes(t0, 10), accept());
    s.ok("w1", minutes(t0, 20), assign("yz", "y1"));
    case_work_refused(&mut s, "w1", minutes(t0, 30));
    s.ok("y1", minutes(t0, 40), investigate());

    let mut own = commission_registered(&two_districts(), "CQ-G", t0);
    own.ok("w1", minutes(t0, 10), accept());
    own.ok("w1", minutes(t0, 20), assign("sjw", "w1"));
    own.ok("w1", minutes(t0, 30), investigate());
    own.ok(
        "w1",
        minutes(t0, 40),
        findings(FaultParty::ThirdParty, "开发商未履行保修责任"),
    );
    own.assert_replays();
}

/// `actor`'s investigation, its finding of no violation (a fact that makes
/// the complaint invalid), findings and proposal are each refused naming
/// `holds_case`, changing nothing.
fn case_work_refused(s: &mut Scenario, actor: &str, at: chrono::DateTime<chrono::Utc>) {
    for attempt in [
        investigate(),
        CommandKind::RecordFacts {
            facts: [(fact("no_violation_found"), yes())].into(),
        },
        findings(FaultParty::ThirdParty, "开发商未履行保修责任"),
        propose(vec![rem(RemedyKind::Explanation)], "责令开发商限期维修"),
    ] {
        refused_not_holding(s, actor, at, attempt);
    }
}

/// 第五条「各区县…应指定专门机构,负责处理本地区的建筑工程投诉」 before anything is
/// handed on: a complaint 渝中's body received (its officer the first
/// responder) is 渝中's — 渝北's body does not take it to itself, and 渝北's
/// head does not end it abnormally; 渝中 hands it on. Under `holds_case = true`
/// a case nobody was handed was anyone's (ruling 121); `"received"` keeps it
/// with the body that received it (ruling 151). Fails on the old file: 渝北's
/// assignment was taken.
#[test]
fn s34_a_case_not_yet_handed_on_is_the_receiving_districts() {
    let (mut s, t0) = yuzhong_stairwell_case("CQ-R");
    s.ok("y1", minutes(t0, 30), accept());
    refused_not_holding(&mut s, "q1", minutes(t0, 40), assign("qx", "q1"));
    refused_not_holding(
        &mut s,
        "qz",
        minutes(t0, 40),
        CommandKind::CloseAbnormally {
            reason: "渝北区结案".to_owned(),
        },
    );
    s.ok("y1", minutes(t0, 50), assign("yz", "y1"));
    s.assert_replays();
}

/// #4, nineteenth session (language, ruling 161): 第五条「各区县…应指定专门机构,负责
/// 处理本地区的建筑工程投诉」 — a case 渝中's body received and accepted, not yet
/// handed on, is 渝中's to handle; a note of the commission's supervision on it
/// (第五条「市建设行政主管部门负责协调、监督」) does not make the commission answer for
/// its late handling: `handling`'s role owners count only the body holding the
/// case (`role_holding_case`). Fails on the old file: `handling@1 → w1`.
#[test]
fn s34_a_note_on_a_case_a_district_received_does_not_make_the_commission_answer() {
    let (mut s, t0) = yuzhong_stairwell_case("CQ-N");
    s.ok("y1", minutes(t0, 30), accept());
    s.ok("w1", minutes(t0, 60), note("市建委: 请渝中区依法处理"));
    // 60 days (assumed) from 2 March: 1 May, in the Labour Day holiday, rolls to 6 May.
    s.tick(beijing(2026, 5, 8, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → y1"]);
    s.assert_replays();
}

/// 第五条「各区县(自治县、市)建设行政主管部门应指定专门机构,负责处理本地区的建筑工程投诉」,
/// 第七条(四)「负责本部门所办理建筑工程投诉的立案建档工作」, 第六条(五)「交给各区县…、有关主管部门
/// 办理的投诉处理进行督办」: the body that received a complaint files it (立案) or
/// refuses it, and the commission answers, hands on or re-routes only a case
/// with it or one it handed down. `accept` and `not_accept` held on every case
/// (the commission's `assign` and `transfer` too, its `reply` and `close` under
/// `holds_case = true`, anyone's before a hand-over): 渝北's body or the
/// commission filed or refused 渝中's complaint, ending 渝中's `filing`; the
/// commission answered it, took it, or moved the case 渝中 had handed to its own
/// officer. Now each is refused naming `holds_case`, nothing changes, and 渝中
/// acts. The twenty-second audit (fails on the old file, where 渝北's acceptance
/// was taken).
#[test]
fn s34_another_body_does_not_file_or_take_a_complaint_a_district_received() {
    let (mut s, t0) = yuzhong_stairwell_case("CQ-F");
    let before = s.case().clone();
    let refuse = || CommandKind::NotAccept {
        reason_zh: "不属本区".into(),
        advice_zh: None,
    };
    for who in ["q1", "w1"] {
        refused_not_holding(&mut s, who, minutes(t0, 20), accept());
        refused_not_holding(&mut s, who, minutes(t0, 20), refuse());
    }
    assert_eq!(s.case(), &before, "the refusals change nothing");
    s.ok("y1", minutes(t0, 30), accept());
    let accepted = s.case().clone();
    for attempt in [reply("市建委: 已答复"), close(), assign("sjw", "w1")] {
        refused_not_holding(&mut s, "w1", minutes(t0, 40), attempt);
    }
    assert_eq!(s.case(), &accepted, "the refusals change nothing");
    s.ok("y1", minutes(t0, 50), assign("yz", "y1"));
    let assigned = s.case().clone();
    refused_not_holding(
        &mut s,
        "w1",
        minutes(t0, 60),
        transfer("qx", "q1", "改由渝北区办理"),
    );
    assert_eq!(s.case(), &assigned, "the refusal changes nothing");
    s.assert_replays();
}

/// 第四条「及时、依法解决」, 第五条「负责处理本地区的建筑工程投诉」 (twenty-third audit): the
/// 办法's surviving text (第一~第七条) has no 回访 and no 满意: a complaint ends with the
/// body's answer. The file had no `[closure]`, so closing waited for a satisfied
/// callback the 办法 never asks (ruling 92). Now 渝中's body closes its answered case on
/// the answer. Fails on the old file: the closing was refused.
#[test]
fn s34_an_answered_complaint_closes_without_a_callback() {
    let (mut s, t0) = yuzhong_stairwell_case("CQ-CB");
    s.ok("y1", minutes(t0, 10), accept());
    s.ok("y1", minutes(t0, 20), assign("yz", "y1"));
    s.ok("y1", beijing(2026, 3, 16, 10, 0), reply("已责令开发商维修"));
    s.ok("y1", beijing(2026, 3, 16, 11, 0), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    s.assert_replays();
}

/// 第四条「及时、依法解决」 (twenty-third audit): the district head's abnormal closure
/// (assumed: the 办法 has none) ends only a complaint resolved, its solution approved
/// or answered, as S35's 总站's. He ended his district's case at any stage, while
/// 渝中's body was still investigating, stopping `handling` as met (fails on the old
/// file: the closure was taken). Now refused, nothing changes; answered, it is his
/// to end.
#[test]
fn s34_the_district_head_closes_abnormally_only_a_resolved_complaint() {
    let (mut s, t0) = yuzhong_stairwell_case("CQ-AB");
    let closing = || CommandKind::CloseAbnormally {
        reason: "投诉人对处理结果仍不满意".to_owned(),
    };
    s.ok("y1", minutes(t0, 10), accept());
    s.ok("y1", minutes(t0, 20), assign("yz", "y1"));
    s.ok("y1", minutes(t0, 30), investigate());
    let before = s.case().clone();
    let refused = s.refused("yzz", minutes(t0, 40), closing());
    assert!(
        matches!(refused, Rejection::GrantConditionUnmet { .. }),
        "{refused}"
    );
    assert_eq!(s.case(), &before, "a refusal changes nothing");
    s.ok("y1", beijing(2026, 3, 16, 10, 0), reply("已责令开发商维修"));
    s.ok("yzz", beijing(2026, 3, 20, 10, 0), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}
