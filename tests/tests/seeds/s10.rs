use super::*;

// ---------------------------------------------------------------------------
// S10 — xx物业: the emergency ladder on New Year's Eve; a late completion
// report; sanctions and rewards on the January statements.
// ---------------------------------------------------------------------------
#[test]
fn s10_property_emergency_ladder_new_year() {
    let p = policy("property-xx-s10.toml");
    let roster = roster(
        &[
            ("front", "客户中心", None),
            ("eng", "工程部", None),
            ("sec", "秩序维护部", None),
            ("site", "管理处", None),
            ("company", "物业公司", None),
            ("board", "董事会", None),
            ("dev", "发展商客户服务部", None),
        ],
        &[
            ("guard", "保安员刘勇", "sec", &["employee"], Some("sm")),
            ("fd", "前台小吴", "front", &["front_desk"], Some("sm")),
            ("eng1", "工程部维修工马师傅", "eng", &["dept"], Some("eh")),
            ("eh", "工程部主管", "eng", &["dept_head"], Some("sm")),
            ("sm", "管理处负责人", "site", &["site_manager"], Some("cl")),
            (
                "cl",
                "物业公司主管领导",
                "company",
                &["company_leader"],
                Some("bl"),
            ),
            ("bl", "董事领导", "board", &["board_leader"], None),
            ("dcs", "发展商客服专员", "dev", &["developer_cs"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 31, 22, 50);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "地下车库B2消防水管爆裂，积水已漫到车位，多辆车轮胎泡水，要求马上抢修并赔偿洗车费用",
    )
    .complainant(person("业主孙先生（8栋602）").with_phone("13812340602"))
    .location("地下车库B2层")
    .category(cat("emergency_repair"))
    .first_responder(sid("guard"))
    .build()
    .unwrap();
    s.register("guard", "S10-1", c).unwrap();
    assert_eq!(level_of(&s), "emergency");
    s.ok("fd", minutes(t0, 1), accept());
    // 「须于3分钟内知会相关部门作应急处理」: dispatched at 22:52.
    s.ok("fd", minutes(t0, 2), assign_with("eng", "eng1", &[]));
    // 「管理处负责人 … 须于接报后的5分钟内上报」: reported at 23:08, late.
    s.tick(minutes(t0, 6));
    s.ok("eng1", minutes(t0, 10), investigate());
    s.ok(
        "sm",
        minutes(t0, 18),
        escalate("管道主阀锈死无法关闭，管理处无法解决，上报物业公司主管领导"),
    );
    s.ok(
        "cl",
        minutes(t0, 26),
        escalate("需开发商协调消防系统总阀，电话上报董事领导决策"),
    );
    s.ok(
        "eng1",
        beijing(2026, 1, 1, 3, 0),
        findings_of(
            FaultParty::Us,
            &[],
            "抢修完毕：关闭消防系统分区阀，更换爆裂管段2米，积水已抽排",
        ),
    );
    // 「处理完毕后 … 须于2小时内反馈客户中心」: due 05:00, not met.
    s.tick(beijing(2026, 1, 1, 5, 10));
    s.ok(
        "eng1",
        beijing(2026, 1, 1, 6, 0),
        propose(
            vec![
                remedy(RemedyKind::Repair, None, "更换管段，车库清洁"),
                remedy(
                    RemedyKind::Compensation,
                    Some("1800"),
                    "6辆车洗车及轮胎检查费每辆300元",
                ),
            ],
            "完成后反馈客户中心（迟报）",
        ),
    );
    s.ok("sm", beijing(2026, 1, 1, 8, 0), approve());
    // 「发展商客户服务部会同物业公司于8小时内跟进验证」: verified and answered by noon.
    s.ok(
        "fd",
        beijing(2026, 1, 1, 12, 0),
        reply("管道已修复并经发展商客服部跟进验证，洗车费用每辆300元已登记发放"),
    );
    // 回访 within 2 working days: 1–3 January are 元旦, 4 January (Sunday) is a
    // 调休 working day → the end of 5 January.
    assert!(
        due_all(&s, beijing(2026, 1, 1, 12, 1)).contains(&"callback → 2026-01-06 00:00".to_owned())
    );
    s.ok(
        "dcs",
        beijing(2026, 1, 4, 10, 0),
        callback(Satisfaction::Satisfied, "孙先生对抢修速度表示满意"),
    );
    // 「客户中心 … 须于2小时内反馈首问责任人」: the guard is told, the case closes.
    s.ok(
        "fd",
        beijing(2026, 1, 4, 10, 30),
        note("已反馈首问责任人刘勇：处理完毕，业主满意"),
    );
    s.ok("fd", beijing(2026, 1, 4, 10, 40), close());
    assert_eq!(
        breach_list(&s),
        vec![
            "report_to_company@1".to_owned(),
            "completion_feedback@1".to_owned()
        ]
    );
    s.assert_replays();
    insta::assert_snapshot!("s10_property_emergency", timeline(&s.events));

    // The month's statements: no overtime money (the source fines none); the
    // late report earns a written warning, the first asker a commendation.
    let result = statements(&s, "2026-01", |f| {
        f.sanctions.push(Sanction {
            staff: sid("eng1"),
            kind: SanctionKind::Warning,
            case: Some(CaseId::new("S10-1").unwrap()),
            reason: Some("抢修完毕后未于2小时内反馈客户中心，影响整体运作（书面警告）".to_owned()),
        });
        f.sanctions.push(Sanction {
            staff: sid("guard"),
            kind: SanctionKind::Commendation,
            case: Some(CaseId::new("S10-1").unwrap()),
            reason: Some("首问责任落实到位，及时接报（嘉奖）".to_owned()),
        });
    });
    insta::assert_snapshot!("s10_statements", tousu_penalty::render_markdown(&result));
}
