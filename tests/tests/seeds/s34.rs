use super::*;

// ---------------------------------------------------------------------------
// S34 — 重庆市建设工程质量投诉处理办法
// ---------------------------------------------------------------------------

#[test]
fn s34_chongqing_safety_case_to_the_commission() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(
        &[
            ("qx", "渝北区建设行政主管部门", None),
            ("sjw", "重庆市住房和城乡建设委员会", None),
        ],
        &[
            ("q1", "区县专门机构 向科员", "qx", &["district_body"], None),
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
    s.ok("q1", beijing(2026, 4, 3, 9, 0), accept());
    s.ok(
        "q1",
        beijing(2026, 4, 3, 9, 10),
        escalate("重大的建筑工程投诉,报市建委处理"),
    );
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
    s.ok(
        "q1",
        beijing(2026, 4, 16, 10, 0),
        callback(Satisfaction::Satisfied, "居民确认"),
    );
    s.ok("q1", beijing(2026, 4, 16, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s34_chongqing", timeline(&s.events));
}
