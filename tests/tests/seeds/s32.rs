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
