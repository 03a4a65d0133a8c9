use super::*;

// ---------------------------------------------------------------------------
// S06 — 陶瓷墙地砖: a major 吸污 claim, approved by the quality director.
// ---------------------------------------------------------------------------
#[test]
fn s06_ceramic_major_claim_needs_quality_director() {
    let p = policy("ceramic-tile-s06.toml");
    let roster = roster(
        &[
            ("salesco", "销售公司", None),
            ("qc", "品管部", None),
            ("gqc", "集团品管部", None),
            ("factory", "工厂品质监督", None),
        ],
        &[
            ("rep", "业务员陈强", "salesco", &["sales_rep"], None),
            ("qc1", "品管部刘工", "qc", &["qc_dept"], Some("qcm")),
            ("gqc1", "集团品管部黄工", "gqc", &["group_qc"], Some("qd")),
            ("fqc", "工厂品质监督何工", "factory", &["factory_qc"], None),
            ("qcm", "品管经理", "qc", &["qc_manager"], Some("qd")),
            ("qd", "质量总监", "gqc", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 5, 29, 14, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "经销商反映：别墅客户铺贴的120平方米抛光砖半年内大面积吸污发黑，擦洗不掉，要求全部更换并赔偿人工费用6万元",
    )
    .complainant(Complainant::organization("佛山某建材经销部").unwrap().with_phone("0757-83000000"))
    .category(cat("stain_absorption"))
    .request(remedy(RemedyKind::Replacement, None, "120平方米全部更换"))
    .request(remedy(RemedyKind::Compensation, Some("60000"), "拆除重铺人工费"))
    .attachment(AttachmentRef {
        id: AttachmentId::new("photo-0529-01").unwrap(),
        name: "现场照片（要求寄照片）.jpg".to_owned(),
        media_type: Some("image/jpeg".to_owned()),
        sha256: None,
    })
    .build()
    .unwrap();
    s.register("rep", "S06-1", c).unwrap();
    assert_eq!(
        level_of(&s),
        "major",
        "a 60,000 元 claim is major (assumed threshold)"
    );
    // 重大投诉 → 集团品管部.
    s.ok("gqc1", minutes(t0, 60), accept());
    s.ok(
        "gqc1",
        minutes(t0, 70),
        assign_with("gqc", "gqc1", &["factory", "qc"]),
    );
    s.ok("fqc", beijing(2025, 5, 30, 9, 0), investigate());
    s.ok("fqc", beijing(2025, 5, 30, 16, 0), findings_of(FaultParty::Us, &[], "派人现场质量鉴定 + 工厂留样复检: 该批次防污层偏薄（产品微小毛细孔易吸污）；另有部分区域为装修期间水泥浆污染（保养不当）"));
    s.ok(
        "gqc1",
        beijing(2025, 6, 3, 10, 0),
        propose(
            vec![
                remedy(
                    RemedyKind::Replacement,
                    None,
                    "免费更换80平方米同型号新批次产品",
                ),
                remedy(RemedyKind::Compensation, Some("8000"), "补贴拆铺人工费"),
            ],
            "以大化小：其余40平方米由经销商安排专业清洗及防污处理",
        ),
    );
    // 8,000 元 is above the 品管经理's 5,000 (assumed): the 质量总监 approves.
    let refused = s.run("qcm", beijing(2025, 6, 3, 11, 0), CommandKind::Approve);
    assert!(
        matches!(refused, Err(Rejection::OutOfAuthority { .. })),
        "{refused:?}"
    );
    s.ok("qd", beijing(2025, 6, 3, 15, 0), approve());
    // The feedback limit: 7 working days from 29 May (端午 31 May–2 June) → 10 June.
    assert!(
        due_all(&s, beijing(2025, 6, 3, 16, 0)).contains(&"feedback → 2025-06-11 00:00".to_owned())
    );
    s.ok(
        "rep",
        beijing(2025, 6, 4, 10, 0),
        reply("公司同意免费更换80平方米并补贴人工费8000元，其余区域专业清洗"),
    );
    s.ok(
        "rep",
        beijing(2025, 6, 6, 11, 0),
        callback(
            Satisfaction::Satisfied,
            "经销商及业主接受方案，《销售公司产品质量信息反馈表》已签回",
        ),
    );
    s.ok("gqc1", beijing(2025, 6, 6, 14, 0), close());
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
    insta::assert_snapshot!("s06_ceramic", timeline(&s.events));
}
