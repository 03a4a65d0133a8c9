use super::*;

// ---------------------------------------------------------------------------
// S41 — 东莞市万豪五金货架有限公司 客户投诉/咨询管理办法
// ---------------------------------------------------------------------------

#[test]
fn s41_wanhao_major_shelf_complaint_base_points_and_cap() {
    let p = policy("hardware-shelf-wanhao-s41.toml");
    let roster = paid_roster(
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
    );
    let mut s = Scenario::new(p, roster);
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
        level_of(&s),
        "major",
        "重大投诉 (assumed: a claim of 20,000 元 or more)"
    );
    s.ok("f1", minutes(t0, 10), accept());
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
    // 三天内提出报告: 6 Nov ends the period.
    assert_eq!(due(&s, minutes(t0, 60), "report"), "2025-11-07 00:00");
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
    let late = s.tick(beijing(2025, 11, 7, 9, 0));
    assert!(breached(&late, "report"), "report not in three days");
    s.ok(
        "p0",
        beijing(2025, 11, 7, 10, 0),
        findings(FaultParty::Us, "横梁挂钩焊接不良(生产部),立柱未按图调平"),
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
    assert!(
        matches!(&err, Rejection::OutOfAuthority { required_role, .. } if required_role.as_str() == "general_manager"),
        "{err}"
    );
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
    s.ok("fz", beijing(2025, 11, 14, 15, 0), CommandKind::Approve);
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
    s.assert_replays();
    insta::assert_snapshot!("s41_wanhao", timeline(&s.events));

    // November: the 5,000 元 loss attributed to 生产部 is split by base points
    // (3/2/5), capped at 50 % of each bonus and carried forward; the 焊工 has
    // two 大过 (the whole bonus, outside the cap); the 前台 a 警告 (assumed 50 元).
    let facts = PenaltyFacts {
        losses: vec![Loss {
            case: case_id("WH-1"),
            amount: Decimal::from(5000),
            responsible: Responsible::Department(did("sc")),
        }],
        sanctions: vec![
            Sanction {
                staff: sid("p2"),
                kind: SanctionKind::MajorDemerit,
                case: Some(case_id("WH-1")),
                reason: Some("5.6.4.4 不合格产品混入正常品缴库".into()),
            },
            Sanction {
                staff: sid("p2"),
                kind: SanctionKind::MajorDemerit,
                case: Some(case_id("WH-3")),
                reason: Some("5.6.4.13 外观标示不符规格".into()),
            },
            Sanction {
                staff: sid("f1"),
                kind: SanctionKind::Warning,
                case: Some(case_id("WH-2")),
                reason: Some("5.6.4.8 订单误记".into()),
            },
        ],
        ..PenaltyFacts::new("2025-11".parse().unwrap())
    };
    insta::assert_snapshot!("s41_wanhao_statements", statement_markdown(&s, &facts));
}
