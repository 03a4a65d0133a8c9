use super::*;

// ---------------------------------------------------------------------------
// S43 — 客户投诉管理制度 (保健品: 服务质量 / 产品质量 / 药品不良反应)
// ---------------------------------------------------------------------------

#[test]
fn s43_adverse_reaction_reply_and_count_ladder() {
    let p = policy("health-products-s43.toml");
    let roster = paid_roster(
        &[("xs", "销售部", None), ("js", "技术部", None)],
        &[
            (
                "hq",
                "销售部后勤 小翟",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1000",
            ),
            (
                "jt",
                "技术部 药师 季工",
                "js",
                &["technical_dept"],
                None,
                8,
                "1500",
            ),
            (
                "xm",
                "销售部经理 蓝经理",
                "xs",
                &["sales_manager"],
                None,
                10,
                "3000",
            ),
            (
                "s1",
                "销售代表 阮",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
            (
                "s2",
                "销售代表 匡",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
            (
                "s3",
                "销售代表 宁",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
            (
                "s4",
                "销售代表 米",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 31, 16, 0);
    let c = Complaint::builder(t0, Channel::Phone, "服用某复合维生素片三天后出现头晕、恶心")
        .complainant(person("顾客 尚阿姨"))
        .category(cat("adverse_reaction"))
        .build()
        .unwrap();
    s.register("hq", "BJ-1", c).unwrap();
    s.ok("hq", minutes(t0, 5), accept());
    s.ok("hq", minutes(t0, 30), assign("js", "jt"));
    // 1 working day after Wed 31 Dec: 1–3 Jan are off, Sun 4 Jan 2026 is a make-up working day.
    assert_eq!(
        due(&s, minutes(t0, 30), "technical_reply"),
        "2026-01-05 00:00"
    );
    s.ok(
        "jt",
        beijing(2026, 1, 4, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "jt",
        beijing(2026, 1, 4, 9, 30),
        findings(FaultParty::Nobody, "空腹服用所致,属正常范围内的不适反应"),
    );
    s.ok(
        "jt",
        beijing(2026, 1, 4, 9, 40),
        propose(
            vec![rem(RemedyKind::Explanation)],
            "告知饭后服用,如何预防头晕现象",
        ),
    );
    s.ok("xm", beijing(2026, 1, 4, 9, 50), CommandKind::Approve);
    s.ok(
        "jt",
        beijing(2026, 1, 4, 10, 0),
        reply("建议饭后服用并多饮水,症状持续请就医"),
    );
    s.ok(
        "hq",
        beijing(2026, 1, 6, 10, 0),
        callback(Satisfaction::Satisfied, "顾客症状消失"),
    );
    s.ok("hq", beijing(2026, 1, 6, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s43_adverse_reaction", timeline(&s.events));

    // December's ladder: s1 3 complaints → 200; s2 4 → 300; s3 5 with 情节严重
    // → 辞退 (and 300); s4 2 → nothing (ruling 8 in docs/rulings.md: exclusive tiers).
    let mut complaints = complaints_against("s1", 3, "D1");
    complaints.extend(complaints_against("s2", 4, "D2"));
    complaints.extend(complaints_against("s3", 5, "D3"));
    complaints.extend(complaints_against("s4", 2, "D4"));
    let facts = PenaltyFacts {
        complaints,
        serious: BTreeSet::from([sid("s3")]),
        ..PenaltyFacts::new("2025-12".parse().unwrap())
    };
    insta::assert_snapshot!("s43_count_ladder", statement_markdown(&s, &facts));
}
