use super::*;

// ---------------------------------------------------------------------------
// S35 — 安徽省建设工程质量投诉处理办法
// ---------------------------------------------------------------------------

#[test]
fn s35_anhui_five_year_waterproofing_with_extension() {
    let p = policy("construction-anhui-s35.toml");
    let roster = roster(
        &[
            ("xf", "省住建厅信访办", None),
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("x1", "信访办 汪科员", "xf", &["petition_office"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 5, 30, 16, 0);
    let c = Complaint::builder(
        t0,
        Channel::Letter,
        "外墙渗水导致卧室墙面发霉,交房近4年,开发商称已过保修期",
    )
    .complainant(person("程女士"))
    .category(cat("waterproofing"))
    .incident_at(beijing(2025, 5, 20, 8, 0))
    .product(delivered(date(2021, 7, 1)))
    .build()
    .unwrap();
    s.register("x1", "AH-1", c).unwrap();
    // Anhui 第六条(二): 外墙面的防渗漏 5年 → in warranty (Jiangsu's roof table would say 3).
    s.ok("x1", minutes(t0, 20), accept());
    // 交办 within 3 working days (assumed) over 端午 (31 May–2 Jun): Thu 5 Jun.
    assert_eq!(due(&s, minutes(t0, 20), "transfer"), "2025-06-06 00:00");
    s.ok("x1", beijing(2025, 6, 3, 9, 0), assign("hf", "h1"));
    // 60 days (assumed) from 3 Jun end on Sat 2 Aug → Mon 4 Aug.
    assert_eq!(
        due(&s, beijing(2025, 6, 3, 9, 0), "handling"),
        "2025-08-05 00:00"
    );
    s.ok(
        "h1",
        beijing(2025, 6, 5, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "h1",
        beijing(2025, 6, 20, 10, 0),
        CommandKind::RequestExtension {
            reason: "等待第三方淋水检测报告".into(),
            until: Some(beijing(2025, 7, 10, 0, 0)),
        },
    );
    s.ok(
        "z1",
        beijing(2025, 6, 20, 15, 0),
        CommandKind::ApproveExtension,
    );
    s.tick(beijing(2025, 7, 10, 9, 0));
    s.ok(
        "h1",
        beijing(2025, 7, 15, 16, 0),
        findings(
            FaultParty::ThirdParty,
            "外墙保温层与窗框交接处防水失效,在5年保修期内",
        ),
    );
    s.ok(
        "h1",
        beijing(2025, 7, 15, 16, 30),
        propose(
            vec![rem(RemedyKind::Repair)],
            "责成开发商组织施工单位维修,费用由责任单位承担",
        ),
    );
    s.ok("z1", beijing(2025, 7, 16, 9, 0), CommandKind::Approve);
    s.ok(
        "h1",
        beijing(2025, 8, 20, 10, 0),
        reply("外墙防渗漏已维修,室内墙面已修复"),
    );
    s.ok(
        "h1",
        beijing(2025, 8, 25, 10, 0),
        callback(Satisfaction::Satisfied, "业主确认"),
    );
    s.ok("h1", beijing(2025, 8, 25, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s35_anhui", timeline(&s.events));

    // 第六条(四): 给排水管道 2年 — a pipe complaint 2 years 3 months after delivery is out.
    let mut w = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Letter, "卫生间排水管接口漏水")
        .complainant(person("方先生"))
        .category(cat("mep_decoration"))
        .incident_at(beijing(2025, 5, 20, 8, 0))
        .product(delivered(date(2023, 3, 1)))
        .build()
        .unwrap();
    w.register("x1", "AH-2", c).unwrap();
    assert!(w.run("x1", minutes(t0, 1), accept()).is_err());
}
