use super::*;

// ---------------------------------------------------------------------------
// S35 — 安徽省建设工程质量投诉处理办法
// ---------------------------------------------------------------------------

#[test]
fn s35_anhui_five_year_waterproofing_in_sixty_days() {
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
    .fact(fact("petition"), yes())
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
    // No extension (ruling 133): the 办法 has no 延期, and the 60 days are assumed.
    assert_no_extension(&mut s, "h1", "z1", beijing(2025, 6, 20, 10, 0));
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
        beijing(2025, 8, 1, 10, 0),
        reply("外墙防渗漏已维修,室内墙面已修复"),
    );
    s.ok(
        "h1",
        beijing(2025, 8, 4, 10, 0),
        callback(Satisfaction::Satisfied, "业主确认"),
    );
    s.ok("h1", beijing(2025, 8, 4, 10, 5), CommandKind::Close);
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

/// 第六条's minimum terms: 「保温工程,为5年」 (五) at its last day and the day
/// after, 「为2年」 (四) likewise, then 第二条 「在建设过程中和保修期内」 refuses the
/// rest (out-of-warranty). 「合理使用年限」 (一), 「2个采暖期、供冷期」 (三) and
/// 「其他项目的保修期限由发包方和承包方约定」 have no date to compute, so nothing is refused by
/// date. A case in court is refused (ruling 12); no defect found is invalid.
#[test]
fn s35_each_term_of_article_six_and_the_refusals() {
    let p = policy("construction-anhui-s35.toml");
    let handed_over = date(2020, 9, 1);
    assert_eq!(warranty_term(&p, "insulation"), "5 years");
    assert_eq!(
        warranty_refusal(&p, "insulation", handed_over, date(2025, 9, 1)),
        None
    );
    assert_eq!(
        warranty_refusal(&p, "insulation", handed_over, date(2025, 9, 2)).as_deref(),
        Some("out-of-warranty")
    );
    assert_eq!(warranty_term(&p, "mep_decoration"), "2 years");
    assert_eq!(
        warranty_refusal(&p, "mep_decoration", handed_over, date(2022, 9, 2)).as_deref(),
        Some("out-of-warranty")
    );
    assert_eq!(warranty_term(&p, "structure"), "design_life");
    assert_eq!(warranty_term(&p, "heating_cooling"), "2 heating seasons");
    assert_eq!(warranty_term(&p, "other_works"), "contract");
    for category in ["structure", "heating_cooling", "other_works"] {
        assert_eq!(
            warranty_refusal(&p, category, handed_over, date(2040, 1, 1)),
            None,
            "{category}"
        );
    }
    let t0 = beijing(2026, 3, 2, 9, 0);
    let in_court = about(t0, "waterproofing", "卫生间渗漏,已起诉开发商")
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &in_court).as_deref(), Some("in-litigation"));
    let no_defect = about(t0, "waterproofing", "墙面返潮")
        .fact(fact("no_quality_defect"), yes())
        .build()
        .unwrap();
    assert_eq!(
        judged(&p, &no_defect),
        ("invalid".into(), Some("no-defect".into()))
    );
}

/// 省建设稽查局 专案稽查: a suspected violation is its own level; the bureau
/// investigates and records what it finds but neither accepts nor settles.
/// A late handling is 督办 by the 总站 (`station-supervises-late`), and the
/// city body may hand a case up to the 总站 (`manual-station`, take-over).
#[test]
fn s35_special_inspection_and_the_stations_supervision() {
    let p = policy("construction-anhui-s35.toml");
    let roster = roster(
        &[
            ("xf", "省住建厅信访办", None),
            ("zz", "省建设工程质量安全监督总站", None),
            ("jc", "省建设稽查局", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("x1", "信访办 汪科员", "xf", &["petition_office"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
            ("j1", "稽查局 专案组", "jc", &["inspection_bureau"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "未取得施工许可擅自加层,楼板开裂")
        .fact(fact("suspected_violation"), yes())
        .build()
        .unwrap();
    s.register("x1", "AH-2", c).unwrap();
    assert_eq!(level_of(&s), "violation");
    assert!(matches!(
        s.run("j1", minutes(t0, 5), accept()),
        Err(Rejection::NotPermitted { .. })
    ));
    s.ok("x1", minutes(t0, 10), accept());
    s.ok("x1", minutes(t0, 20), assign("hf", "h1"));
    s.ok("j1", minutes(t0, 60), investigate());
    s.ok(
        "j1",
        beijing(2026, 3, 5, 10, 0),
        findings(FaultParty::ThirdParty, "建设单位擅自加层,移送专案稽查"),
    );
    assert!(matches!(
        s.run(
            "j1",
            beijing(2026, 3, 5, 11, 0),
            propose(vec![rem(RemedyKind::Repair)], "加固")
        ),
        Err(Rejection::NotPermitted { .. })
    ));
    // 60 days (assumed) from 2 March end on 1 May, in the 劳动节 holiday
    // (1–5 May): the end of Wednesday 6 May.
    assert_eq!(
        due(&s, beijing(2026, 3, 5, 11, 0), "handling"),
        "2026-05-07 00:00"
    );
    s.tick(beijing(2026, 5, 7, 9, 0));
    assert_eq!(
        steps_notified(&s),
        ["station-supervises-late → supervision_station"]
    );
    s.ok(
        "h1",
        beijing(2026, 5, 7, 10, 0),
        escalate("涉及多方,报总站组织处理"),
    );
    assert_eq!(
        steps_notified(&s),
        [
            "station-supervises-late → supervision_station",
            "manual-station → supervision_station ⇒ supervision_station",
        ]
    );
}

/// 第七条: the 总站 and the city and county bodies 「负责…工程质量投诉受理和处理工作」
/// themselves — a complaint brought straight to the 合肥站 is accepted and taken in
/// hand there, with no 信访办 clock (第八条's 交办、转送 is for 信访事项, fact `petition`);
/// the 总站 receives one the same way.
#[test]
fn s35_city_body_and_station_receive_complaints_directly() {
    let p = policy("construction-anhui-s35.toml");
    let roster = roster(
        &[
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 9, 0);
    for (who, dept) in [("h1", "hf"), ("z1", "zz")] {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = about(t0, "insulation", "外墙保温层空鼓脱落")
            .product(delivered(date(2024, 6, 1)))
            .build()
            .unwrap();
        s.register(who, "AH-D", c).unwrap();
        assert!(
            s.deadlines(t0)
                .iter()
                .all(|d| d.milestone.as_str() != "transfer"),
            "{who}: no 信访办 clock for a complaint received directly"
        );
        s.ok(who, minutes(t0, 10), accept());
        s.ok(who, minutes(t0, 20), assign(dept, who));
        assert_eq!(
            due(&s, minutes(t0, 20), "handling"),
            "2026-05-07 00:00",
            "{who}"
        );
    }
}

/// 第四条「属地管理、分级负责,谁主管、谁负责,依法、及时、就地解决」: the 总站 hands a
/// complaint to the body where the work lies, whose handling clock (60 days,
/// assumed: 「及时」 has no value) runs from the hand-over — from 30 September
/// 2025 it ends on Saturday 29 November and is carried to Monday 1 December —
/// and a body that finds the work lies elsewhere passes it on (转送). 第三条
/// 「要认真对待,妥善处理」 is an attitude, out of scope.
#[test]
fn s35_a_complaint_is_handled_where_the_work_lies() {
    let p = policy("construction-anhui-s35.toml");
    let roster = wuhu_and_maanshan();
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 30, 9, 0);
    let c = Complaint::builder(t0, Channel::Letter, "新交付住宅楼梯间墙体裂缝")
        .complainant(person("业主 吴先生"))
        .category(cat("structure"))
        .build()
        .unwrap();
    s.register("z1", "AH-L", c).unwrap();
    s.ok("z1", minutes(t0, 30), accept());
    s.ok("z1", minutes(t0, 40), assign("wh", "w1"));
    assert_eq!(due(&s, minutes(t0, 41), "handling"), "2025-12-02 00:00");
    s.ok(
        "w1",
        beijing(2025, 10, 9, 10, 0),
        transfer("mas", "m1", "项目位于马鞍山市当涂县,属地处理"),
    );
    let a = s.case().assignment.clone().unwrap();
    assert_eq!((a.lead, a.handler), (did("mas"), Some(sid("m1"))));
    s.ok("m1", beijing(2025, 10, 9, 14, 0), investigate());
}

/// 第七条「市、县级住房城乡建设行政主管部门应指定专门机构负责本行政区域内…投诉受理和处理工作」,
/// 第四条「属地管理、分级负责,谁主管、谁负责」 and 第八条 the 总站「对批转的投诉事项进行督办」: a
/// case the 总站 passed down to 芜湖's body is that body's. 马鞍山's body may not
/// investigate, answer, close, pass on or report it up, and the 总站 may not
/// answer, close or take it back — it still approves, the approver the file
/// assumes. Before (the act probe of 2026-11-28), another city's answer or
/// the 总站's stopped 芜湖's `handling`. Fails on the old file.
#[test]
fn s35_a_body_acts_only_on_a_case_with_it() {
    let (mut s, at) = s35_handed_to_wuhu("AH-H");
    for kind in [
        findings(FaultParty::ThirdParty, "马鞍山：施工缺陷"),
        reply("马鞍山站答复"),
        close(),
        transfer("mas", "m1", "马鞍山接手"),
        escalate("报总站"),
    ] {
        refused_not_holding(&mut s, "m1", at, kind);
    }
    for kind in [reply("总站答复"), close(), transfer("zz", "z1", "总站收回")] {
        refused_not_holding(&mut s, "z1", at, kind);
    }
    s35_wuhu_answers(&mut s, at);
    assert_eq!(status(&s), Status::Replied);
}

/// A stairwell crack the 总站 (`z1`) received at 09:00 on Monday 2026-03-02 and
/// handed to 芜湖's `w1`, who started investigating; and the next morning (returned).
fn s35_handed_to_wuhu(id: &str) -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let roster = wuhu_and_maanshan();
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "新交付住宅楼梯间墙体裂缝")
        .build()
        .unwrap();
    s.register("z1", id, c).unwrap();
    s.ok("z1", minutes(t0, 10), accept());
    s.ok("z1", minutes(t0, 20), assign("wh", "w1"));
    s.ok("w1", minutes(t0, 60), investigate());
    (s, beijing(2026, 3, 3, 9, 0))
}

/// 芜湖's findings, proposal, the 总站's approval and 芜湖's answer, from `at`
/// (+30 min).
fn s35_wuhu_answers(s: &mut Scenario, at: chrono::DateTime<chrono::Utc>) {
    s.ok(
        "w1",
        at,
        findings(FaultParty::ThirdParty, "施工单位砌体质量缺陷"),
    );
    s.ok(
        "w1",
        minutes(at, 10),
        propose(vec![rem(RemedyKind::Repair)], "责成施工单位返修"),
    );
    s.ok("z1", minutes(at, 20), approve());
    s.ok("w1", minutes(at, 30), reply("责成施工单位限期返修"));
}

/// 第四条「坚持属地管理、分级负责,谁主管、谁负责,依法、及时、就地解决的原则」: the 办法 has no
/// 非正常结案, and every complaint is resolved by the body handling it. The 总站's
/// abnormal closure (assumed) ends only a complaint resolved — its solution
/// approved (the complainant lost: `s35_waterproofing_five_years_and_the_station_approves`)
/// or answered, here with the complainant unsatisfied: refused as
/// `grant_condition_unmet` while 芜湖 investigates, nothing changes, and taken
/// once 芜湖 has answered. Fails on the old file, where the 总站 closed the case
/// 芜湖 was investigating (twenty-first audit).
#[test]
fn s35_the_station_closes_abnormally_only_a_resolved_complaint() {
    let closing = || CommandKind::CloseAbnormally {
        reason: "投诉人对处理结果仍不满意,总站结案".to_owned(),
    };
    let (mut s, at) = s35_handed_to_wuhu("AH-AB");
    let before = s.case().clone();
    let e = s.refused("z1", at, closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s35_wuhu_answers(&mut s, at);
    s.ok(
        "w1",
        minutes(at, 120),
        callback(Satisfaction::Unsatisfied, "业主要求拆除重砌"),
    );
    s.ok("z1", minutes(at, 180), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// 第七条 the city body 「负责本行政区域内…投诉受理和处理工作」, 第八条 the 总站
/// 「对批转的投诉事项进行督办」: a complaint the 总站 hands to a city body with no
/// person named is the city body's: whoever of it acted, and until then its
/// holder at the top in the roster (`holder`, ruling 75; the eighth audit's
/// policy-checker pass), not the 总站, which only supervises what it hands
/// down (`fallback_owner`, assumed). Before, a late handling was charged to
/// nobody.
#[test]
fn s35_a_complaint_handed_down_without_a_person_is_still_owned() {
    let roster = roster(
        &[
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 9, 0);
    let run = |city_acts: bool| {
        let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster.clone());
        let c = about(t0, "structure", "住宅外墙大面积空鼓开裂")
            .build()
            .unwrap();
        s.register("z1", "AH-O", c).unwrap();
        s.ok("z1", minutes(t0, 10), accept());
        s.ok("z1", minutes(t0, 20), assign_department("hf"));
        if city_acts {
            s.ok("h1", beijing(2026, 3, 3, 9, 0), investigate());
        }
        // 60 days (assumed) from 2 March: 1 May, rolled past the Labour Day
        // holiday (ruling 2).
        assert_eq!(due(&s, minutes(t0, 20), "handling"), "2026-05-07 00:00");
        s.tick(beijing(2026, 5, 7, 9, 0));
        breach_owners(&s)
    };
    assert_eq!(run(false), ["handling@1 → h1"]);
    assert_eq!(run(true), ["handling@1 → h1"]);
}

/// 第八条「信访办负责…交办、转送」, 第七条 the city body 「负责…投诉受理和处理工作」: a
/// petition the 信访办 hands to a city body with no person named, nobody of it
/// having acted yet, is the city body's — its holder at the top in the roster
/// (`holder`, ruling 75). Before, nobody on the case held `city_body` and the
/// 总站 had never touched it: the late handling was charged to nobody. Fails
/// on the old file.
#[test]
fn s35_a_petition_handed_down_is_the_city_bodys_before_it_acts() {
    let roster = roster(
        &[
            ("xf", "省住建厅信访办", None),
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("x1", "信访办 汪科员", "xf", &["petition_office"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "住宅外墙大面积空鼓开裂")
        .fact(fact("petition"), yes())
        .build()
        .unwrap();
    s.register("x1", "AH-P", c).unwrap();
    s.ok("x1", minutes(t0, 10), accept());
    s.ok("x1", minutes(t0, 20), assign_department("hf"));
    assert_eq!(due(&s, minutes(t0, 20), "handling"), "2026-05-07 00:00");
    s.tick(beijing(2026, 5, 7, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → h1"]);
}

/// Tenth audit: the 办法 gives the complainant no promised date, only its own limits. A role held `set_agreed_deadline`, and a date it
/// promised ran on a clock the handler alone owned (no milestone stops on
/// `agreed_deadline_set`): promised before a handler was named, it lapsed
/// charged to nobody. No role may promise one now (fails on the old file).
#[test]
fn s35_no_role_promises_a_date_the_source_lacks() {
    let t0 = beijing(2026, 3, 3, 10, 0);
    no_role_promises_a_date(
        "construction-anhui-s35.toml",
        about(t0, "waterproofing", "外墙渗水").build().unwrap(),
    );
}

/// 第七条 the 总站 and the city and county bodies 「负责…投诉受理和处理工作」; 第八条 the
/// 稽查局 「对工程质量投诉处理中涉及的违法违规行为进行专案稽查,提出处理意见」: the bureau
/// investigates a violation, it does not handle the complaint, and holds no
/// `reply`. Naming its staff the handler charged them with `handling`, which
/// only a reply meets (ruling 95); the 总站 and the 信访办 now hand a
/// complaint to a city or county body or the 总站 only, and the refusal
/// changes nothing. Fails on the old file, where the assignment went through.
#[test]
fn s35_the_inspection_bureau_is_not_named_the_handler() {
    let roster = roster(
        &[
            ("xf", "省住建厅信访办", None),
            ("zz", "省建设工程质量安全监督总站", None),
            ("jc", "省建设稽查局", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("x1", "信访办 汪科员", "xf", &["petition_office"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
            ("j1", "稽查局 专案组", "jc", &["inspection_bureau"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "未取得施工许可擅自加层,楼板开裂")
        .fact(fact("suspected_violation"), yes())
        .fact(fact("petition"), yes())
        .build()
        .unwrap();
    s.register("x1", "AH-J", c).unwrap();
    s.ok("x1", minutes(t0, 10), accept());
    for who in ["x1", "z1"] {
        let before = (s.case().clone(), s.events.len());
        let refused = s.run(who, minutes(t0, 20), assign("jc", "j1")).unwrap_err();
        assert_eq!(refused.kind(), "hand_over_refused", "{refused}");
        assert_eq!((s.case().clone(), s.events.len()), before);
    }
    // The city body where the work lies handles it; the bureau investigates.
    s.ok("x1", minutes(t0, 30), assign("hf", "h1"));
    s.ok("j1", minutes(t0, 60), investigate());
}

/// Twelfth audit: 第七条 and 第八条 make the 总站 the body that 「具体负责本省建设工程质量投诉的处理工作,对批转的投诉事项进行督办」
/// and name nothing above it for a complaint; the one step by hand,
/// `manual-station`, brings a case to it. Its own escalation took that step
/// and reported the case to itself. It no longer escalates; a city body still
/// brings a case up. Fails on the old file (the 总站's escalation was
/// recorded as `manual-station`).
#[test]
fn s35_the_station_does_not_escalate_to_itself() {
    let roster = roster(
        &[
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "waterproofing", "交房两年,卫生间渗漏至楼下")
        .build()
        .unwrap();
    s.register("h1", "AH-12", c).unwrap();
    s.ok("h1", minutes(t0, 10), accept());
    let version = s.case().version;
    let refused = s
        .run("z1", minutes(t0, 30), escalate("总站督办"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
    s.ok("h1", minutes(t0, 60), escalate("涉及多方,报总站"));
    assert_eq!(steps_taken(&s), ["manual-station"]);
}

/// Twelfth audit: 第八条 gives the 信访办 「受理、交办、转送」 of a 信访事项, and 第七条 and
/// 第八条 the handling to the city and county bodies and the 总站; the 信访办 held
/// `reply`, and its answer, given for the body it had handed the petition to,
/// stopped that body's `handling`. It no longer answers. Fails on the old file
/// (the 信访办's reply was taken).
#[test]
fn s35_the_petition_office_does_not_answer_for_the_body() {
    let roster = roster(
        &[
            ("xf", "省住建厅信访办", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("x1", "信访办 汪科员", "xf", &["petition_office"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "waterproofing", "屋面渗漏,开发商不予维修")
        .fact(fact("petition"), yes())
        .build()
        .unwrap();
    s.register("x1", "AH-P", c).unwrap();
    s.ok("x1", minutes(t0, 10), accept());
    s.ok("x1", minutes(t0, 20), assign("hf", "h1"));
    let version = s.case().version;
    let refused = s
        .run("x1", minutes(t0, 60), reply("已责成开发商维修"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert_eq!(s.case().version, version, "nothing recorded");
}

/// A complaint about a defect is 一般 unless it concerns a violation (第八条's
/// 专案稽查); 第六条(二)「屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏,为5年」
/// to its last day; and the approver the source does not name (assumed: the
/// 总站, which 第八条 makes 「具体负责本省建设工程质量投诉的处理工作」) approves the
/// remedy, the extension and the abnormal closure, which the city body handling
/// the case may not.
#[test]
fn s35_waterproofing_five_years_and_the_station_approves() {
    let p = policy("construction-anhui-s35.toml");
    assert_eq!(warranty_term(&p, "waterproofing"), "5 years");
    let handed_over = date(2020, 9, 1);
    assert_eq!(
        warranty_refusal(&p, "waterproofing", handed_over, date(2025, 9, 1)),
        None
    );
    assert_eq!(
        warranty_refusal(&p, "waterproofing", handed_over, date(2025, 9, 2)).as_deref(),
        Some("out-of-warranty")
    );
    let roster = roster(
        &[
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 16, 10, 0);
    let c = about(t0, "waterproofing", "交房两年,卫生间渗漏至楼下")
        .complainant(person("业主 程女士"))
        .build()
        .unwrap();
    s.register("h1", "AH-R", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("h1", minutes(t0, 10), accept());
    s.ok("h1", minutes(t0, 20), assign("hf", "h1"));
    s.ok("h1", minutes(t0, 30), investigate());
    s.ok(
        "h1",
        minutes(t0, 70),
        findings(FaultParty::ThirdParty, "防水层破损"),
    );
    s.ok(
        "h1",
        minutes(t0, 80),
        propose(vec![rem(RemedyKind::Repair)], "责成开发商维修"),
    );
    let own = s.run("h1", minutes(t0, 90), approve()).unwrap_err();
    assert_eq!(own.kind(), "not_permitted", "{own}");
    s.ok("z1", minutes(t0, 100), approve());
    let abnormal = CommandKind::CloseAbnormally {
        reason: "投诉人失联".into(),
    };
    let own = s.run("h1", minutes(t0, 110), abnormal.clone()).unwrap_err();
    assert_eq!(own.kind(), "not_permitted", "{own}");
    s.ok("z1", minutes(t0, 120), abnormal);
    assert_eq!(status(&s), Status::Closed);
}

/// Ruling 133: the 办法 has no 延期 (no 延 in its text), and `handling`'s 60 days are
/// the file's (assumed). The city body could ask for an extension and the 总站
/// approve it, pausing `handling`; neither may now, and the handling is late, and
/// supervised by the 总站, once the 60 days end. Fails on the old file (the request
/// was recorded).
#[test]
fn s35_the_handling_is_not_extended() {
    let roster = roster(
        &[
            ("zz", "省建设工程质量安全监督总站", None),
            ("hf", "合肥市工程质量监督站", None),
        ],
        &[
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
            ("h1", "合肥站 鲍工", "hf", &["city_body"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "住宅外墙大面积空鼓开裂")
        .build()
        .unwrap();
    s.register("h1", "AH-X", c).unwrap();
    s.ok("h1", minutes(t0, 10), accept());
    s.ok("h1", minutes(t0, 20), assign("hf", "h1"));
    s.ok("h1", beijing(2026, 3, 3, 9, 0), investigate());
    assert_no_extension(&mut s, "h1", "z1", beijing(2026, 3, 20, 9, 0));
    assert_eq!(due(&s, minutes(t0, 20), "handling"), "2026-05-07 00:00");
    s.tick(beijing(2026, 5, 7, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["handling@1 → h1"]);
    assert_eq!(steps_taken(&s), ["station-supervises-late"]);
}

/// 第七条「市、县级住房城乡建设行政主管部门应指定专门机构负责本行政区域内房屋建筑和市政基础
/// 设施工程质量投诉受理和处理工作」: a complaint 芜湖's body received about work in
/// 马鞍山 and handed to 马鞍山's body, naming nobody, is 马鞍山's to handle; its
/// late handling is charged there (its holder at the top, ruling 75), not to
/// 芜湖's officer who received it (`role_holding_case`, ruling 161). Fails on
/// the old file: `handling@1 → w1`.
#[test]
fn s35_a_body_that_passed_a_case_to_another_area_does_not_answer_for_it() {
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), wuhu_and_maanshan());
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "当涂县新交付住宅楼梯间墙体裂缝")
        .build()
        .unwrap();
    s.register("w1", "AH-W", c).unwrap();
    s.ok("w1", minutes(t0, 10), accept());
    s.ok("w1", minutes(t0, 20), assign_department("mas"));
    s.tick(beijing(2026, 5, 7, 9, 0));
    assert_eq!(breach_owners(&s), ["handling@1 → m1"]);
}

/// The 总站 and two city bodies, 芜湖's and 马鞍山's.
fn wuhu_and_maanshan() -> Roster {
    roster(
        &[
            ("zz", "省建设工程质量安全监督总站", None),
            ("wh", "芜湖市工程质量投诉处理机构", None),
            ("mas", "马鞍山市工程质量投诉处理机构", None),
        ],
        &[
            ("z1", "总站 葛站长", "zz", &["supervision_station"], None),
            ("w1", "芜湖 钱工", "wh", &["city_body"], None),
            ("m1", "马鞍山 孙工", "mas", &["city_body"], None),
        ],
    )
}

/// 第七条「市、县级住房城乡建设行政主管部门应指定专门机构负责本行政区域内…投诉受理和处理工作」,
/// 第四条「属地管理、分级负责」: a complaint 芜湖's body received (its first
/// responder `w1`) is 芜湖's to accept or refuse, hand on or answer until it is
/// handed on (`holds_case = "received"`, ruling 151). 马鞍山's body and the 总站
/// neither turn it away nor accept, hand on or answer it; 芜湖 accepts and hands
/// it on. Fails on the old file (twenty-second audit): 马鞍山's refusal
/// (`not_accept` on every case) was recorded, the complaint turned away.
#[test]
fn s35_a_complaint_a_body_received_is_its_own_to_accept_or_refuse() {
    let mut s = Scenario::new(policy("construction-anhui-s35.toml"), wuhu_and_maanshan());
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "structure", "新交付住宅楼梯间墙体裂缝")
        .first_responder(sid("w1"))
        .build()
        .unwrap();
    s.register("w1", "AH-RC", c).unwrap();
    let refuse = || CommandKind::NotAccept {
        reason_zh: "不属本行政区域".into(),
        advice_zh: None,
    };
    for who in ["m1", "z1"] {
        refused_not_holding(&mut s, who, minutes(t0, 5), refuse());
        refused_not_holding(&mut s, who, minutes(t0, 5), accept());
    }
    s.ok("w1", minutes(t0, 10), accept());
    for who in ["m1", "z1"] {
        refused_not_holding(&mut s, who, minutes(t0, 15), assign("mas", "m1"));
        refused_not_holding(&mut s, who, minutes(t0, 15), reply("已处理"));
    }
    s.ok("w1", minutes(t0, 20), assign("wh", "w1"));
    assert_eq!(status(&s), Status::Assigned);
    s.assert_replays();
}

/// 第七条「负责…工程质量投诉受理和处理工作」, 第四条「依法、及时、就地解决」 (twenty-third audit):
/// the 办法's surviving text (第一~第九条) has no 回访 and no 满意: a complaint ends with
/// the handling body's answer. The file had no `[closure]`, so closing waited for a
/// satisfied callback the 办法 never asks (ruling 92). Now 芜湖 closes its answered case
/// on the answer. Fails on the old file: the closing was refused.
#[test]
fn s35_an_answered_complaint_closes_without_a_callback() {
    let (mut s, at) = s35_handed_to_wuhu("AH-CB");
    s35_wuhu_answers(&mut s, at);
    s.ok("w1", minutes(at, 60), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    s.assert_replays();
}
