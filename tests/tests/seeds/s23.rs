use super::*;

/// A complaint about `category` holding 第七条's record (name, contact, the
/// project's 报建名称, the room, the relation to the owner), which the policy
/// requires at registration.
fn about(at: chrono::DateTime<chrono::Utc>, category: &str, content: &str) -> ComplaintBuilder {
    super::about(at, category, content)
        .complainant(person("投诉人").with_phone("13906000000"))
        .location("某小区1号楼101室")
        .fact(fact("project_name"), text("某小区1号楼"))
        .fact(fact("relation_to_owner"), text("产权人本人"))
}

// ---------------------------------------------------------------------------
// S23 — 厦门市建设工程质量投诉处理工作细则
// ---------------------------------------------------------------------------

#[test]
fn s23_xiamen_leak_in_warranty_handled_and_redirects() {
    let p = policy("construction-xiamen-s23.toml");
    let roster = roster(
        &[
            ("zxz", "质量安全监督站", None),
            ("fzx", "投诉质量分中心", Some("zxz")),
            ("jd1", "监督一科", Some("zxz")),
        ],
        &[
            ("zb", "值班员 陈工", "jd1", &["duty_officer"], None),
            (
                "zb2",
                "分中心主办 黄科员",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("jd", "监督员 许工", "jd1", &["supervision_section"], None),
            ("zz", "站长 郑站长", "zxz", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 9, 29, 15, 0);
    let c = Complaint::builder(
        t0,
        Channel::Letter,
        "湖里区某小区3号楼1802室卫生间楼板渗漏至楼下,开发商维修两次仍未解决",
    )
    .complainant(person("林女士").with_phone("13906001802"))
    .category(cat("waterproofing"))
    .first_responder(sid("zb"))
    .incident_at(beijing(2025, 9, 20, 8, 0))
    .product(delivered(date(2023, 6, 30)))
    .location("厦门市湖里区某小区3号楼1802室")
    .fact(fact("project_name"), text("某小区二期3号楼"))
    .fact(fact("relation_to_owner"), text("产权人本人"))
    .build()
    .unwrap();
    s.register("zb", "XM-1", c).unwrap();
    // 1 working day after Mon 29 Sep: Tue 30 Sep, so 24:00 that day.
    assert_eq!(due(&s, t0, "report_to_sub_centre"), "2025-10-01 00:00");
    // 第七条: the duty officer reports it to the 分中心主办人员.
    s.ok(
        "zb",
        beijing(2025, 9, 29, 16, 0),
        CommandKind::RecordAction {
            action: tousu_policy::CaseAction::ReportSubmitted,
            note: Some("已报分中心主办人员黄科员".into()),
            milestone: None,
        },
    );
    s.ok("zb2", beijing(2025, 9, 30, 9, 0), accept());
    // 30 calendar days from 30 Sep: 30 Oct (a Thursday).
    assert_eq!(
        due(&s, beijing(2025, 9, 30, 9, 0), "handling"),
        "2025-10-31 00:00"
    );
    s.ok("zb2", beijing(2025, 9, 30, 9, 30), assign("jd1", "jd"));
    s.ok(
        "jd",
        beijing(2025, 10, 9, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "jd",
        beijing(2025, 10, 10, 16, 0),
        findings(
            FaultParty::ThirdParty,
            "现场核查:卫生间防水层破损,属施工质量缺陷,在5年保修期内",
        ),
    );
    s.ok(
        "jd",
        beijing(2025, 10, 10, 16, 30),
        propose(
            vec![rem(RemedyKind::Repair)],
            "责成施工单位于10月20日前重做防水层并闭水试验",
        ),
    );
    s.ok("zz", beijing(2025, 10, 11, 10, 0), CommandKind::Approve);
    s.ok(
        "zb2",
        beijing(2025, 10, 21, 10, 0),
        reply("施工单位已重做防水层,闭水试验48小时无渗漏"),
    );
    s.ok(
        "zb2",
        beijing(2025, 10, 23, 10, 0),
        callback(Satisfaction::Satisfied, "业主确认不再渗漏"),
    );
    s.ok("zb2", beijing(2025, 10, 23, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s23_xiamen_leak", timeline(&s.events));

    // 第三条2: a defect from the owner's own renovation is redirected.
    let p2 = p.clone();
    let mut r = Scenario::new(p, roster);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "自行二次装修后阳台地面开裂,要求监督站处理",
    )
    .complainant(person("吴先生").with_phone("13906002201"))
    .category(cat("building"))
    .fact(fact("secondary_decoration"), yes())
    .location("某花园5号楼2201室")
    .fact(fact("project_name"), text("某花园一期5号楼"))
    .fact(fact("relation_to_owner"), text("产权人本人"))
    .build()
    .unwrap();
    r.register("zb", "XM-2", c).unwrap();
    assert!(
        r.run("zb", minutes(t0, 5), accept()).is_err(),
        "第三条2 does not accept"
    );
    r.ok(
        "zb",
        minutes(t0, 6),
        CommandKind::NotAccept {
            reason_zh: "二次装修造成的质量缺陷(第三条2)".into(),
            advice_zh: Some("建议投诉人通过其它投诉途径或民事仲裁、司法等途径解决".into()),
        },
    );
    assert_eq!(status(&r), Status::NotAccepted);
    r.assert_replays();

    // 第三条1: asking for 换房、退房 or 经济赔偿 is redirected, whatever the
    // amount; asking for the defect to be repaired is not.
    let asking = |r: Remedy| {
        Complaint::builder(t0, Channel::Visit, "楼板开裂")
            .complainant(person("郑先生"))
            .category(cat("building"))
            .request(r)
            .build()
            .unwrap()
    };
    let accepted = |c: &Complaint| {
        matches!(
            p2.acceptance(&EvalInput::new(c, t0)).outcome,
            Acceptance::Accept
        )
    };
    assert!(!accepted(&asking(rem(RemedyKind::Replacement))), "换房");
    assert!(!accepted(&asking(rem(RemedyKind::Return))), "退房");
    assert!(
        !accepted(&asking(rem_amt(RemedyKind::Compensation, "20000"))),
        "经济赔偿"
    );
    assert!(accepted(&asking(rem(RemedyKind::Repair))), "维修");
}

/// The redirect list is 第三条 items 1-6 (第七条 is the duty officer's record):
/// every not-accepted reason cites 第三条.
#[test]
fn s23_redirect_reasons_cite_article_three() {
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[("d1", "值班人员", "fzx", &["duty_officer"], None)],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2025, 6, 9, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "二次装修后卫生间漏水")
        .complainant(person("周女士").with_phone("13906000603"))
        .fact(fact("secondary_decoration"), yes())
        .location("某苑6号楼603室")
        .fact(fact("project_name"), text("某苑6号楼"))
        .fact(fact("relation_to_owner"), text("承租人"))
        .build()
        .unwrap();
    s.register("d1", "XM-1", c).unwrap();
    let events = s.ok(
        "d1",
        minutes(t0, 10),
        CommandKind::NotAccept {
            reason_zh: "二次装修造成的质量缺陷(第三条2)".into(),
            advice_zh: None,
        },
    );
    let reason = events.iter().find_map(|e| match &e.kind {
        EventKind::NotAccepted { reason_zh, .. } => Some(reason_zh.clone()),
        _ => None,
    });
    assert_eq!(reason.unwrap(), "二次装修造成的质量缺陷(第三条2)");
    for rule in &s.rt.policy.acceptance.rules {
        if let Acceptance::NotAccepted { reason_zh, .. } = &rule.outcome {
            assert!(
                reason_zh.contains("第三条") && !reason_zh.contains("第七条"),
                "{reason_zh}"
            );
        }
    }
}

/// 第三条 1–6, one ground each: the rule that redirects it. 1 「投诉人要求获得经济
/// 赔偿或换房、退房或投诉人不同意责任方对质量缺陷实施整改的」; 2 「二次装修造成的质量缺陷」; 3 「工程未经
/// 竣工验收或验收不合格而交付使用的」; 4 「超过保修规定期限或不属于保修范围的」 (by the
/// date or by the scope); 5 「非工程质量缺陷的」; 6 「已进入司法诉讼程序的」. A plain
/// defect in warranty is taken up.
#[test]
fn s23_each_ground_of_article_three() {
    let p = policy("construction-xiamen-s23.toml");
    let t0 = beijing(2026, 3, 2, 9, 0);
    let defect = || about(t0, "waterproofing", "卫生间楼板渗漏至楼下");
    let with_fact = |name: &str| refused_by(&p, &defect().fact(fact(name), yes()).build().unwrap());
    assert_eq!(refused_by(&p, &defect().build().unwrap()), None);
    assert_eq!(
        with_fact("refuses_rectification").as_deref(),
        Some("compensation-or-refusal")
    );
    assert_eq!(
        refused_by(
            &p,
            &defect().request(rem(RemedyKind::Refund)).build().unwrap()
        )
        .as_deref(),
        Some("compensation-or-refusal"),
        "退房 with the price back"
    );
    assert_eq!(
        with_fact("secondary_decoration").as_deref(),
        Some("secondary-decoration")
    );
    assert_eq!(
        with_fact("delivered_without_completion_acceptance").as_deref(),
        Some("not-accepted-on-completion")
    );
    assert_eq!(
        with_fact("outside_warranty_scope").as_deref(),
        Some("out-of-warranty")
    );
    assert_eq!(
        with_fact("not_quality_defect").as_deref(),
        Some("not-a-quality-defect")
    );
    let in_court = defect()
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &in_court).as_deref(), Some("in-litigation"));
}

/// The terms the file takes from 《房屋建筑工程质量保修办法》 第七条 (the source
/// cites it without restating them): two years for 电气管线、给排水管道、设备安装和装修
/// at its last day and the day after; 「合理使用年限」 and 「2个采暖期、供冷期」 have no
/// date to compute.
#[test]
fn s23_warranty_terms_of_the_national_rules() {
    let p = policy("construction-xiamen-s23.toml");
    let handed_over = date(2023, 12, 20);
    assert_eq!(warranty_term(&p, "mep_decoration"), "2 years");
    assert_eq!(
        warranty_refusal(&p, "mep_decoration", handed_over, date(2025, 12, 20)),
        None
    );
    assert_eq!(
        warranty_refusal(&p, "mep_decoration", handed_over, date(2025, 12, 21)).as_deref(),
        Some("out-of-warranty")
    );
    assert_eq!(warranty_term(&p, "structure"), "design_life");
    assert_eq!(warranty_term(&p, "heating_cooling"), "2 heating seasons");
    for category in ["structure", "heating_cooling"] {
        assert_eq!(
            warranty_refusal(&p, category, handed_over, date(2040, 1, 1)),
            None
        );
    }
}

/// The 分中心主办人员 hands a case up to the station head, who takes it over
/// (`manual-station-head`); the duty officer may not (第四条 gives the duty
/// officer the record and the report, not the handling).
#[test]
fn s23_the_sub_centre_hands_a_case_to_the_station_head() {
    let p = policy("construction-xiamen-s23.toml");
    let roster = roster(
        &[("fzx", "分中心", None), ("zxz", "质量安全监督站", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("zz", "站长 郑站长", "zxz", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "zb",
        "XM-5",
        about(t0, "structure", "在建楼梯间混凝土蜂窝麻面")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    assert!(matches!(
        s.run("zb", minutes(t0, 40), escalate("请站长处理")),
        Err(Rejection::NotPermitted { .. })
    ));
    s.ok(
        "zr",
        minutes(t0, 45),
        escalate("涉及多家责任单位,报站长协调"),
    );
    assert_eq!(
        steps_notified(&s),
        ["manual-station-head → station_head ⇒ station_head"]
    );
}

/// 第四条: the 分中心 「对内协调质量投诉处理并跟踪督办、汇总、反馈质量投诉情况」; the
/// duty officer records and reports to it. A handling late before a supervisor
/// is assigned is the 分中心主办人员's who accepted it, not the duty officer's.
/// (The file charged the duty officer.)
#[test]
fn a_late_handling_is_the_sub_centres_not_the_duty_officers() {
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "zb",
        "XM-6",
        about(t0, "waterproofing", "交房半年外墙渗水")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 60), accept());
    // 30 days from 2 March: the end of 1 April.
    assert_eq!(due(&s, minutes(t0, 61), "handling"), "2026-04-02 00:00");
    s.tick(beijing(2026, 4, 2, 9, 0));
    let late: Vec<String> = breach_owners(&s)
        .into_iter()
        .filter(|b| b.starts_with("handling"))
        .collect();
    assert_eq!(late, ["handling@1 → zr"]);
}

/// 第七条 「值班人员对受理的投诉件应详细做好记录并及时报告分中心主办人员」: accepting
/// at the window does not stop the report clock — only the report does — and
/// a complaint recorded without a first responder charges the duty officer
/// who took it (fallback owner), not nobody.
#[test]
fn s23_the_duty_officer_owes_the_report_even_after_accepting() {
    let roster = roster(
        &[("fzx", "分中心", None), ("jd1", "监督一科", None)],
        &[
            ("zb", "值班员 陈工", "jd1", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
        ],
    );
    let p = policy("construction-xiamen-s23.toml");
    // Fri 6 March 2026, 16:00: 1 working day ends with Mon 9 March.
    let t0 = beijing(2026, 3, 6, 16, 0);
    let mut late = Scenario::new(p.clone(), roster.clone());
    late.register(
        "zb",
        "XM-7",
        about(t0, "waterproofing", "外墙渗水").build().unwrap(),
    )
    .unwrap();
    late.ok("zb", minutes(t0, 10), accept());
    assert_eq!(
        due(&late, minutes(t0, 10), "report_to_sub_centre"),
        "2026-03-10 00:00"
    );
    late.tick(beijing(2026, 3, 10, 8, 0));
    let owners: Vec<String> = breach_owners(&late)
        .into_iter()
        .filter(|b| b.starts_with("report_to_sub_centre"))
        .collect();
    assert_eq!(owners, ["report_to_sub_centre@1 → zb"]);

    let mut on_time = Scenario::new(p, roster);
    on_time
        .register(
            "zb",
            "XM-8",
            about(t0, "waterproofing", "外墙渗水").build().unwrap(),
        )
        .unwrap();
    on_time.ok("zb", minutes(t0, 10), accept());
    on_time.ok(
        "zb",
        beijing(2026, 3, 9, 10, 0),
        CommandKind::RecordAction {
            action: tousu_policy::CaseAction::ReportSubmitted,
            note: Some("已报分中心主办人员".into()),
            milestone: None,
        },
    );
    on_time.tick(beijing(2026, 3, 10, 8, 0));
    assert!(
        breach_owners(&on_time)
            .iter()
            .all(|b| !b.starts_with("report_to_sub_centre"))
    );
}

/// The source has no recusal rule; the file states the project's (ruling 18):
/// the 监督员 complained about does not investigate the complaint about them.
#[test]
fn s23_the_inspector_complained_about_stands_aside() {
    let roster = roster(
        &[("fzx", "分中心", None), ("jd1", "监督一科", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("jd", "监督员 许工", "jd1", &["supervision_section"], None),
            ("jd2", "监督员 蔡工", "jd1", &["supervision_section"], None),
        ],
    );
    let p = policy("construction-xiamen-s23.toml");
    assert!(
        p.recusal.respondent && !p.recusal.is_implied(),
        "stated, not the default"
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "监督员许工对楼板裂缝验收把关不严")
        .respondent(Respondent::staff(sid("jd")))
        .build()
        .unwrap();
    s.register("zb", "XM-9", c).unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    assert!(s.run("zr", minutes(t0, 40), assign("jd1", "jd")).is_err());
    s.ok("zr", minutes(t0, 41), assign("jd1", "jd2"));
    assert!(
        s.run("jd", minutes(t0, 60), CommandKind::StartInvestigation)
            .is_err()
    );
    s.ok("jd2", minutes(t0, 61), CommandKind::StartInvestigation);
}

/// 第七条「记录的内容应包括以下内容: 1、投诉人姓名、联系方式、投诉工程报建名称、具体房号或
/// 购房合同中的房屋全称,投诉人与产权人关系」: a complaint without one of them is not
/// registered — the refusal names the first missing field and the policy's
/// entry that requires it, and nothing is recorded; with all of them it is.
#[test]
fn s23_the_record_must_hold_article_seven() {
    let p = policy("construction-xiamen-s23.toml");
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[("d1", "值班人员", "fzx", &["duty_officer"], None)],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let full = || {
        Complaint::builder(t0, Channel::Phone, "外墙渗水")
            .complainant(person("许先生").with_phone("13906000901"))
            .category(cat("waterproofing"))
            .location("某园9号楼901室")
            .fact(fact("project_name"), text("某园三期9号楼"))
            .fact(fact("relation_to_owner"), text("产权人配偶"))
    };
    let refused = |c: Complaint| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let e = s.register("d1", "XM-R", c).unwrap_err();
        assert!(s.events.is_empty(), "nothing is recorded");
        match e {
            Rejection::InvalidInput { path, message } => (path, message),
            other => panic!("{other:?}"),
        }
    };
    let (path, message) = refused(
        full()
            .complainant(Complainant::anonymous())
            .build()
            .unwrap(),
    );
    assert_eq!(path, "kind.complaint.complainant.name");
    assert!(message.contains("registration.required[0]"), "{message}");
    let (path, _) = refused(full().complainant(person("许先生")).build().unwrap());
    assert_eq!(path, "kind.complaint.complainant.contact");
    let mut no_project = full().build().unwrap();
    no_project.facts.remove(&fact("project_name"));
    let (path, message) = refused(no_project);
    assert_eq!(path, "kind.complaint.facts.project_name");
    assert!(message.contains("the fact project_name"), "{message}");
    let mut no_room = full().build().unwrap();
    no_room.location = None;
    assert_eq!(refused(no_room).0, "kind.complaint.location");
    let mut no_relation = full().build().unwrap();
    no_relation.facts.remove(&fact("relation_to_owner"));
    assert_eq!(
        refused(no_relation).0,
        "kind.complaint.facts.relation_to_owner"
    );

    let mut s = Scenario::new(p, roster);
    s.register("d1", "XM-OK", full().build().unwrap()).unwrap();
    assert!(!s.events.is_empty());
}

/// 第二条「采用书信、电子邮件、传真、走访等形式」 and 第六条「对所有来电、来访」: a complaint
/// comes by letter, e-mail, fax (a written submission), a visit or a call, and
/// 「等」 leaves the list open: the duty officer records and accepts each alike,
/// and no acceptance rule turns one away for how it came.
#[test]
fn s23_every_channel_of_article_two_is_received() {
    let p = policy("construction-xiamen-s23.toml");
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[("d1", "值班人员", "fzx", &["duty_officer"], None)],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    for (n, channel) in [
        Channel::Letter,
        Channel::Email,
        Channel::Visit,
        Channel::Phone,
        Channel::Web,
        Channel::Other,
    ]
    .into_iter()
    .enumerate()
    {
        let c = Complaint::builder(t0, channel, "卫生间楼板渗水到楼下")
            .complainant(person("许先生").with_phone("13906000901"))
            .category(cat("waterproofing"))
            .location("某园9号楼901室")
            .product(delivered(date(2023, 6, 1)))
            .fact(fact("project_name"), text("某园三期9号楼"))
            .fact(fact("relation_to_owner"), text("产权人"))
            .build()
            .unwrap();
        assert_eq!(refused_by(&p, &c), None, "{channel:?}");
        let mut s = Scenario::new(p.clone(), roster.clone());
        s.register("d1", &format!("XM-C{n}"), c).unwrap();
        s.ok("d1", minutes(t0, 5), accept());
        assert_eq!(status(&s), Status::Accepted, "{channel:?}");
    }
}

/// 第三条 gives one advice for all six grounds: 「投诉受理人应建议投诉人通过其它投诉
/// 途径或民事仲裁、司法等途径解决」 — a case already in court (6 「已进入司法诉讼程序的」)
/// included. The file told that one “建议通过司法途径解决”, words the source does
/// not have, though the catalogue row says every ground carries the source's.
/// Fails on the old file.
#[test]
fn s23_every_ground_of_article_three_gives_its_advice() {
    let p = policy("construction-xiamen-s23.toml");
    let mut grounds = 0;
    for rule in &p.acceptance.rules {
        if let Acceptance::NotAccepted { advice_zh, .. } = &rule.outcome {
            grounds += 1;
            assert_eq!(
                advice_zh, "建议投诉人通过其它投诉途径或民事仲裁、司法等途径解决",
                "{}",
                rule.id
            );
        }
    }
    assert_eq!(grounds, 6);
}

/// 第七条「值班人员对受理的投诉件应详细做好记录并及时报告分中心主办人员」, 第四条 the 分中心
/// 「对内协调质量投诉处理并跟踪督办」: once the duty officer has accepted a
/// complaint at the window (第五条「统一受理」) and reported it, its handling is
/// the 分中心主办人员's though he has not acted on it yet — the roster's holder
/// (`holder`, ruling 75). The file named only a 主办人员 who acted, so a case
/// he never touched breached charged to nobody. Fails on the old file.
#[test]
fn s23_a_reported_case_the_sub_centre_never_touched_is_still_its_officers() {
    let roster = roster(
        &[("fzx", "分中心", None), ("jd1", "监督一科", None)],
        &[
            ("zb", "值班员 陈工", "jd1", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "zb",
        "XM-H",
        about(t0, "waterproofing", "交房半年外墙渗水")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("zb", minutes(t0, 10), accept());
    s.ok(
        "zb",
        minutes(t0, 60),
        CommandKind::RecordAction {
            action: tousu_policy::CaseAction::ReportSubmitted,
            note: Some("已报分中心主办人员".into()),
            milestone: None,
        },
    );
    // 30 days from 2 March: the end of 1 April.
    s.tick(beijing(2026, 4, 2, 9, 0));
    let late: Vec<String> = breach_owners(&s)
        .into_iter()
        .filter(|b| b.starts_with("handling"))
        .collect();
    assert_eq!(late, ["handling@1 → zr"]);
}

/// Tenth audit: the surviving 细则 gives the complainant no promised date, only its own limits. A role held `set_agreed_deadline`, and a date it
/// promised ran on a clock the handler alone owned (no milestone stops on
/// `agreed_deadline_set`): promised before a handler was named, it lapsed
/// charged to nobody. No role may promise one now (fails on the old file).
#[test]
fn s23_no_role_promises_a_date_the_source_lacks() {
    let t0 = beijing(2026, 3, 3, 10, 0);
    no_role_promises_a_date(
        "construction-xiamen-s23.toml",
        about(t0, "waterproofing", "卫生间渗漏").build().unwrap(),
    );
}

/// 第四条: the 分中心 「对外受理质量投诉,对内协调质量投诉处理并跟踪督办、汇总、反馈质量投诉
/// 情况」; 第七条 gives the duty officer the record and the report
/// (「值班人员对受理的投诉件应详细做好记录并及时报告分中心主办人员」), and 第六条's
/// 「耐心解答」 is the reception of every call and visit, not the 反馈 of a
/// complaint's handling. The file let the duty officer `reply`, which ended
/// the 分中心's handling clock (`handling`) with an answer the 分中心 never
/// gave; he may not now, and the 主办人员 replies. Fails on the old file (the
/// duty officer's reply was taken).
#[test]
fn s23_the_duty_officer_does_not_answer_for_the_sub_centre() {
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "zb",
        "XM-R",
        about(t0, "waterproofing", "卫生间楼板渗漏至楼下")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("zb", minutes(t0, 10), accept());
    assert!(matches!(
        s.run("zb", minutes(t0, 20), reply("已登记,会尽快处理")),
        Err(Rejection::NotPermitted { .. })
    ));
    s.ok("zr", minutes(t0, 60), reply("已责成施工单位限期整改"));
}

/// The surviving 细则 (第一条 … 第七条1) has no 延期, and the 30 days of
/// `handling` are assumed: the 主办人员 asked and the station head approved
/// an extension that paused them (`approval.extension` with no clause). Both
/// are refused now, and the handling is late on the 31st day, the handler's.
/// Fails on the old file (the request was taken).
#[test]
fn s23_the_handling_is_not_extended() {
    let roster = roster(
        &[("fzx", "分中心", None), ("jd", "监督一科", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("jd1", "监督员 黄工", "jd", &["supervision_section"], None),
            ("zz", "站长", "fzx", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    s.register(
        "zb",
        "XM-E",
        about(t0, "waterproofing", "屋面渗漏至顶层住户")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    s.ok("zr", minutes(t0, 60), assign_with("jd", "jd1", &[]));
    let asked = s
        .run(
            "zr",
            beijing(2026, 3, 20, 9, 0),
            CommandKind::RequestExtension {
                reason: "需等待雨季复查渗漏点".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(matches!(asked, Rejection::NotPermitted { .. }), "{asked}");
    let decided = s
        .run(
            "zz",
            beijing(2026, 3, 20, 10, 0),
            CommandKind::ApproveExtension,
        )
        .unwrap_err();
    assert!(
        matches!(decided, Rejection::NotPermitted { .. }),
        "{decided}"
    );
    // 30 days from Monday 2 March 09:30: 1 April.
    s.tick(beijing(2026, 4, 2, 9, 0));
    s.assert_replays();
    let owners = breach_owners(&s);
    assert!(
        owners.contains(&"handling@1 → jd1".to_owned()),
        "{owners:?}"
    );
}

/// 第四条「对内协调质量投诉处理并跟踪督办」, 第五条「由各监督科室轮流值班」: the 分中心 hands a
/// case to a 监督科室, whose 监督员 investigate and reply, or to another 主办人员 —
/// not to a duty officer as such, who may not reply (第七条 gives him the record
/// and the report) and, named handler, was charged with the `handling` he
/// cannot end. Refused now (`hands_over_to`). Fails on the old file (the
/// assignment was taken).
#[test]
fn s23_the_sub_centre_hands_a_case_only_to_those_who_can_answer_it() {
    let roster = roster(
        &[("fzx", "分中心", None), ("jd", "监督一科", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("jd1", "监督员 黄工", "jd", &["supervision_section"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    s.register(
        "zb",
        "XM-H",
        about(t0, "waterproofing", "外墙渗水").build().unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    let refused = s
        .run("zr", minutes(t0, 60), assign_with("fzx", "zb", &[]))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::HandOverRefused { .. }),
        "{refused}"
    );
    s.ok("zr", minutes(t0, 70), assign_with("jd", "jd1", &[]));
}

/// 第三条「工程质量投诉问题属下列情形者,投诉受理人应建议投诉人通过其它投诉途径或民事仲裁、司法
/// 等途径解决」: the six grounds bind (「应」), and the 细则 gives no one the
/// power to accept such a complaint anyway. The station head held
/// `override_acceptance` and could accept a complaint already in court
/// against 第三条6. Refused now. Fails on the old file (the override was
/// taken).
#[test]
fn s23_no_one_accepts_a_ground_of_article_three_anyway() {
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            ("zz", "站长", "fzx", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "waterproofing", "屋面渗漏,已起诉开发商")
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    s.register("zb", "XM-L", c).unwrap();
    let refused = s
        .run(
            "zz",
            minutes(t0, 30),
            CommandKind::Accept {
                override_reason: Some("站长同意先行受理".to_owned()),
            },
        )
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
}

/// The surviving 细则 has no 回访: 第四条 gives the 分中心 「跟踪督办、汇总、反馈质量投诉
/// 情况」, the 反馈 being its reply. The file closed a case only after a
/// satisfied callback (the default), so a complainant who would not say he
/// was satisfied kept it open. A replied case closes on the reply now
/// (`[closure] callback = "none"`, ruling 92). Fails on the old file (the
/// closure was refused for want of a callback).
#[test]
fn s23_a_case_closes_on_its_result_without_a_callback() {
    let roster = roster(
        &[("fzx", "分中心", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "zb",
        "XM-N",
        about(t0, "waterproofing", "阳台渗水").build().unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    s.ok(
        "zr",
        beijing(2026, 3, 20, 10, 0),
        reply("已督促施工单位整改完毕"),
    );
    s.ok("zr", beijing(2026, 3, 20, 11, 0), close());
    assert_eq!(status(&s), Status::Closed);
}

/// The station head (assumed: the 细则 names no one above the 分中心) approves and
/// is the one a case is reported up to: the one manual step
/// (`manual-station-head`) is the 分中心主办人员's report to him (第四条「对内协调质量投诉处理并跟踪督办」
/// is the 分中心's). Holding `escalate`, the head took that step to himself and
/// used it up, so the 分中心 could no longer report the case up. Fails on the
/// old file (the head's escalation was accepted).
#[test]
fn s23_the_station_head_does_not_escalate_to_himself() {
    let roster = roster(
        &[("fzx", "分中心", None), ("zxz", "综合管理室", None)],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("zz", "站长 郑站长", "zxz", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "zb",
        "XM-H",
        about(t0, "structure", "在建楼梯间混凝土蜂窝麻面")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    let refused = s
        .run("zz", minutes(t0, 40), escalate("站长接手"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert!(steps_notified(&s).is_empty(), "{:?}", steps_notified(&s));
    s.ok(
        "zr",
        minutes(t0, 45),
        escalate("涉及多家责任单位,报站长协调"),
    );
    assert_eq!(
        steps_notified(&s),
        ["manual-station-head → station_head ⇒ station_head"]
    );
}

/// The assumed values of S23: every complaint is one level (质量投诉, 第二条
/// 「在施工过程及保修期内」); 防水 is 5 years (《房屋建筑工程质量保修办法》第七条(二),
/// which the 细则 relies on without reprinting); a result not given in the
/// assumed 30 days is brought to the station head (`head-on-late-handling`).
#[test]
fn s23_one_level_the_waterproofing_term_and_a_late_result() {
    let p = policy("construction-xiamen-s23.toml");
    let handed_over = date(2021, 3, 1);
    assert_eq!(warranty_term(&p, "waterproofing"), "5 years");
    assert_eq!(
        warranty_refusal(&p, "waterproofing", handed_over, date(2026, 3, 1)),
        None
    );
    assert_eq!(
        warranty_refusal(&p, "waterproofing", handed_over, date(2026, 3, 2)).as_deref(),
        Some("out-of-warranty")
    );
    let roster = roster(
        &[("fzx", "分中心", None), ("jd1", "监督一科", None)],
        &[
            ("zb", "值班员 陈工", "jd1", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(p, roster);
    s.register(
        "zb",
        "XM-L",
        about(t0, "waterproofing", "外墙渗水").build().unwrap(),
    )
    .unwrap();
    assert_eq!(level_of(&s), "quality_complaint");
    s.ok("zb", minutes(t0, 10), accept());
    s.tick(beijing(2026, 4, 3, 9, 0));
    assert!(
        steps_notified(&s).contains(&"head-on-late-handling → station_head".to_owned()),
        "{:?}",
        steps_notified(&s)
    );
}

/// The 分中心 (duty officer `zb`, 主办 `zr`), its station head (`zz`) and two
/// 监督科室 (`jd1` of 监督一科, `jd2` of 监督二科); and a 外墙渗水 complaint the 分中心
/// registered and accepted on Mon 2 Mar 2026 09:30, handed to nobody yet.
fn accepted_at_the_sub_centre(number: &str) -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let roster = roster(
        &[
            ("fzx", "分中心", None),
            ("jd", "监督一科", None),
            ("je", "监督二科", None),
        ],
        &[
            ("zb", "值班员 陈工", "fzx", &["duty_officer"], None),
            (
                "zr",
                "分中心主办 林工",
                "fzx",
                &["sub_centre_officer"],
                Some("zz"),
            ),
            ("zz", "站长", "fzx", &["station_head"], None),
            ("jd1", "监督员 黄工", "jd", &["supervision_section"], None),
            ("jd2", "监督员 吴工", "je", &["supervision_section"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-xiamen-s23.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    s.register(
        "zb",
        number,
        about(t0, "waterproofing", "外墙渗水").build().unwrap(),
    )
    .unwrap();
    s.ok("zr", minutes(t0, 30), accept());
    (s, t0)
}

/// 第四条「分中心…对内协调质量投诉处理并跟踪督办」 and 第五条「各监督科室」 (twenty-first
/// audit): a 监督科室 investigates and answers a case the 分中心 handed to it. Any
/// section's 监督员 held `investigate` … `reply` on every case: 监督二科's answered a
/// case the 分中心 had not handed on, and one it had handed to 监督一科, ending
/// `handling` (fails on the old file: his answer was accepted). Now refused naming
/// `holds_case`; 监督一科's 监督员 investigates and answers.
#[test]
fn s23_a_section_works_only_a_case_handed_to_it() {
    let (mut s, t0) = accepted_at_the_sub_centre("XM-S1");
    refused_not_holding(&mut s, "jd2", minutes(t0, 40), reply("监督二科答复"));
    s.ok("zr", minutes(t0, 60), assign_with("jd", "jd1", &[]));
    for kind in [investigate(), reply("监督二科答复")] {
        refused_not_holding(&mut s, "jd2", minutes(t0, 90), kind);
    }
    s.ok("jd1", minutes(t0, 120), investigate());
    s.ok(
        "jd1",
        beijing(2026, 3, 10, 10, 0),
        reply("已责成施工单位整改"),
    );
    s.assert_replays();
}

/// 第四条「分中心…跟踪督办、汇总、反馈质量投诉情况」 (twenty-first audit): the station head's
/// abnormal closure (assumed: the 细则 has none) ends only an answered complaint. He
/// closed one at any stage, before any investigation or answer, stopping `handling`
/// (fails on the old file: the closure was accepted). Now refused; answered, it is his
/// to end.
#[test]
fn s23_the_station_head_closes_abnormally_only_an_answered_complaint() {
    let (mut s, t0) = accepted_at_the_sub_centre("XM-S2");
    let abnormal = || CommandKind::CloseAbnormally {
        reason: "投诉人失联".into(),
    };
    assert!(matches!(
        s.run("zz", minutes(t0, 40), abnormal()),
        Err(Rejection::GrantConditionUnmet { .. })
    ));
    s.ok("zr", minutes(t0, 60), assign_with("jd", "jd1", &[]));
    s.ok("jd1", minutes(t0, 120), investigate());
    s.ok(
        "jd1",
        beijing(2026, 3, 10, 10, 0),
        reply("已责成施工单位整改"),
    );
    s.ok("zz", beijing(2026, 3, 20, 10, 0), abnormal());
    s.assert_replays();
}

/// 第四条「分中心…对内协调质量投诉处理并跟踪督办」, 第五条「各监督科室」 (twenty-third audit):
/// the 分中心's report up to the station head (`manual-station-head`, assumed: the 细则
/// names no head) takes the case over, which put the 监督科室 it was handed to off it
/// (ruling 129): its 监督员 could no longer investigate or answer, and the head holds
/// neither `assign` nor `reply` to give it back. Nothing in the 细则 takes the case from
/// the section it was handed to; the head is over it (fails on the old file: 监督一科's
/// investigation after the report was refused naming `holds_case`). Another section
/// still does not work it (`holds_case = ["handed", "lead"]`, ruling 173).
#[test]
fn s23_the_section_keeps_its_case_reported_to_the_station_head() {
    let (mut s, t0) = accepted_at_the_sub_centre("XM-S3");
    s.ok("zr", minutes(t0, 60), assign_with("jd", "jd1", &[]));
    s.ok(
        "zr",
        minutes(t0, 90),
        escalate("涉及多家责任单位,报站长协调"),
    );
    assert_eq!(
        steps_notified(&s),
        ["manual-station-head → station_head ⇒ station_head"]
    );
    refused_not_holding(&mut s, "jd2", minutes(t0, 100), investigate());
    s.ok("jd1", minutes(t0, 120), investigate());
    s.ok(
        "jd1",
        beijing(2026, 3, 10, 10, 0),
        reply("已责成施工单位整改"),
    );
    s.assert_replays();
}
