use super::*;

/// The sales company's rep 小封 and a 品管部 专员.
fn sales_and_qc() -> Roster {
    roster(
        &[("xs", "销售公司", None), ("pg", "品管部", None)],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
        ],
    )
}

/// [`sales_and_qc`] and a 集团品管部 专员.
fn sales_qc_and_group() -> Roster {
    roster(
        &[
            ("xs", "销售公司", None),
            ("pg", "品管部", None),
            ("jt", "集团品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("gqc", "集团品管部 专员", "jt", &["group_qc"], None),
        ],
    )
}

/// 五「销售公司 书面申请」→「质量总监审批」: the rep `rep` records the sales
/// company's written application at `t`, and the 质量总监 `director` approves
/// it an hour later (ruling 163), before the factory re-inspects.
fn application_approved(
    s: &mut Scenario,
    rep: &str,
    director: &str,
    t: chrono::DateTime<chrono::Utc>,
) {
    use tousu_policy::CaseAction::{ApprovalGiven, ApprovalRequested};
    s.ok(
        rep,
        t,
        act(
            ApprovalRequested,
            "销售公司书面申请:工厂复检、派人现场质量鉴定",
        ),
    );
    s.ok(
        director,
        minutes(t, 60),
        act(ApprovalGiven, "质量总监审批:同意复检"),
    );
}

/// The rep registers what a customer reported at `t0`, in `category`.
fn rep_reports(
    s: &mut Scenario,
    id: &str,
    t0: chrono::DateTime<chrono::Utc>,
    category: &str,
    content: &str,
) {
    s.register("rep", id, about(t0, category, content).build().unwrap())
        .unwrap();
}

// ---------------------------------------------------------------------------
// S06 — 陶瓷墙地砖: a major 吸污 claim, signed by the QC manager and approved by
// the quality director.
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
    application_approved(&mut s, "rep", "qd", beijing(2025, 5, 29, 16, 0));
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
    // A claim: 「品管经理 签注意见」, then 「质量总监审批」 (the rule `claim`'s
    // sign-off chain). The director may not approve before the manager signs.
    let early = s.run("qd", beijing(2025, 6, 3, 11, 0), CommandKind::Approve);
    assert!(
        matches!(&early, Err(Rejection::SignOffOutOfOrder { next, .. }) if next.as_str() == "qc_manager"),
        "{early:?}"
    );
    let signed = s.ok("qcm", beijing(2025, 6, 3, 11, 0), approve());
    assert!(signed.iter().any(|e| matches!(&e.kind,
        EventKind::SignedOff { role } if role.as_str() == "qc_manager")));
    // Signed, the manager does not approve too.
    assert!(s.run("qcm", beijing(2025, 6, 3, 12, 0), approve()).is_err());
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

/// Non-happy paths: a general complaint reported up (「及时上报」) goes to the
/// 质量总监, a major one to 集团品管部 (the flowchart's 「重大 投诉」 → 「集团品管部」); staining
/// from poor maintenance (吸污 b) is not the product's fault; a large claim is
/// major (assumed criterion).
#[test]
fn s06_reported_up_by_level_and_maintenance_staining() {
    let p = policy("ceramic-tile-s06.toml");
    let people = roster(
        &[("xs", "销售公司", None), ("pg", "品管部", None)],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], Some("qd")),
            ("qd", "质量总监", "pg", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), people);
    let t0 = beijing(2026, 4, 20, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "客厅抛光砖铺贴一个月后出现黑色污渍擦不掉",
    )
    .complainant(person("经销商 杨老板（代业主）"))
    .category(cat("stain_absorption"))
    .build()
    .unwrap();
    s.register("rep", "S06-G", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("qc", minutes(t0, 30), accept());
    s.ok(
        "qc",
        minutes(t0, 40),
        escalate("业主要求整体更换, 及时上报"),
    );
    let steps: Vec<String> = s
        .case()
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(steps, vec!["director"]);
    // The flowchart's 「重大 投诉」 → 「集团品管部」: a major case goes there because
    // of its level, as soon as it is registered major — nobody has to send it.
    let mut m = Scenario::new(
        p.clone(),
        roster(
            &[
                ("xs", "销售公司", None),
                ("pg", "品管部", None),
                ("jt", "集团品管部", None),
            ],
            &[
                ("rep", "业务员 小封", "xs", &["sales_rep"], None),
                ("gqc", "集团品管部 专员", "jt", &["group_qc"], None),
            ],
        ),
    );
    let c = Complaint::builder(t0, Channel::Visit, "工程单批量釉面开裂, 报社记者已到现场")
        .category(cat("other_defect"))
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-M", c).unwrap();
    assert_eq!(level_of(&m), "major");
    assert_eq!(steps_taken(&m), ["group-qc-for-major"]);
    assert_eq!(
        m.case().escalations[0]
            .step
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("group-qc-for-major")
    );
    assert_eq!(
        m.case().escalations[0]
            .take_over
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("group_qc")
    );
    let maintenance = Complaint::builder(t0, Channel::Phone, "地砖吸污")
        .category(cat("stain_absorption"))
        .fact(fact("improper_maintenance"), yes())
        .build()
        .unwrap();
    let v = p.validity(&EvalInput::new(&maintenance, t0));
    assert_eq!(v.outcome, Validity::Invalid);
    assert_eq!(
        v.rule_id.map(|r| r.to_string()).as_deref(),
        Some("improper-maintenance")
    );
    let large = Complaint::builder(t0, Channel::Letter, "整栋别墅地砖色差")
        .request(rem_amt(RemedyKind::Compensation, "60000"))
        .build()
        .unwrap();
    assert_eq!(
        p.classify(&EvalInput::new(&large, t0)).outcome,
        level("major")
    );
}

/// 五, the boxes 「品管部受理」「一般 投诉」「现场核实」「反 馈」「详细记录」: the site check and the
/// feedback on a general complaint are 品管部's; the rep who 「现场了解 要求寄样
/// 或寄照片」 records no findings and gives no feedback. (The file charged both
/// late clocks to the rep.)
#[test]
fn a_late_feedback_is_the_quality_departments() {
    let p = policy("ceramic-tile-s06.toml");
    let roster = sales_and_qc();
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "经销商反映一批抛光砖铺贴后有色差")
        .complainant(Complainant::organization("某经销商").unwrap())
        .category(cat("other_defect"))
        .build()
        .unwrap();
    s.register("rep", "S06-4", c).unwrap();
    s.ok("qc", minutes(t0, 30), accept());
    // 7 working days from Monday 2 March: Wednesday 11 March ends the limit.
    assert_eq!(
        due(&s, beijing(2026, 3, 3, 11, 0), "feedback"),
        "2026-03-12 00:00"
    );
    s.tick(beijing(2026, 3, 12, 9, 0));
    // Nobody checked on site either: 「品管部受理 … 现场核实」, so that clock is
    // 品管部's too (the rep records no findings and could not have met it).
    assert_eq!(breach_owners(&s), ["site_check@1 → qc", "feedback@1 → qc"]);
}

/// 二「吸污 … b 、从产品养护看:存在保养不当和破坏污染」: poor maintenance is a cause found
/// on site, and makes the staining not the product's fault: the investigator records it with `record_facts` and the findings
/// judge by it; the same case without the finding is valid.
#[test]
fn s06_poor_maintenance_is_found_on_site() {
    let c = || {
        Complaint::builder(beijing(2025, 11, 3, 9, 0), Channel::Phone, "投诉")
            .complainant(person("投诉人"))
            .category(cat("stain_absorption"))
            .build()
            .unwrap()
    };
    let crew: (&[&str], &[&str]) = (&["sales_rep", "qc_dept"], &["qc_dept"]);
    assert_eq!(
        judged_on_finding(
            "ceramic-tile-s06.toml",
            crew,
            c(),
            Some("improper_maintenance")
        ),
        (
            "invalid".to_owned(),
            Some("improper-maintenance".to_owned())
        )
    );
    assert_eq!(
        judged_on_finding("ceramic-tile-s06.toml", crew, c(), None),
        ("valid".to_owned(), None)
    );
}

/// 五: the flowchart's boxes 「重大 投诉」 「集团品管部」 and 「品管部受理」 「一般 投诉」: 品管部
/// accepts general complaints, and a major one is 集团品管部's — 品管部 may not
/// accept it, and a late site check or feedback on it, before anyone is assigned,
/// is the group's who took it (the file let 品管部 accept any complaint, and
/// charged such breaches to 品管部 only, so to nobody on a major case). The limits
/// span the 2025 National Day holiday.
#[test]
fn s06_major_complaints_are_the_groups_general_ones_the_departments() {
    let p = policy("ceramic-tile-s06.toml");
    let roster = sales_qc_and_group();
    let t0 = beijing(2025, 9, 30, 10, 0);
    let mut m = Scenario::new(p.clone(), roster.clone());
    let c = Complaint::builder(t0, Channel::Phone, "工程单抛光砖批量吸污，索赔6万元")
        .complainant(Complainant::organization("某经销商").unwrap())
        .category(cat("stain_absorption"))
        .request(rem_amt(RemedyKind::Compensation, "60000"))
        .build()
        .unwrap();
    m.register("rep", "S06-J", c).unwrap();
    assert_eq!(level_of(&m), "major");
    let refused = m.run("qc", minutes(t0, 30), accept()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    m.ok("gqc", minutes(t0, 40), accept());
    // Major: 1 working day (assumed) from Tuesday 30 September; 1–8 October
    // are the 国庆节、中秋节 holiday → the end of Thursday 9 October.
    assert_eq!(due(&m, minutes(t0, 41), "site_check"), "2025-10-10 00:00");
    // 7 working days from 30 September: 9, 10, 11 (Saturday, 调休), 13–16 October.
    assert_eq!(due(&m, minutes(t0, 41), "feedback"), "2025-10-17 00:00");
    m.tick(beijing(2025, 10, 17, 9, 0));
    assert_eq!(
        breach_owners(&m),
        ["site_check@1 → gqc", "feedback@1 → gqc"]
    );
    // A general complaint is 品管部's to accept.
    let mut g = Scenario::new(p, roster);
    g.register(
        "rep",
        "S06-Y",
        about(t0, "other_defect", "客厅地砖色差").build().unwrap(),
    )
    .unwrap();
    assert_eq!(level_of(&g), "general");
    g.ok("qc", minutes(t0, 30), accept());
}

/// The flowchart gives 「现场核实」 and 「反 馈」 to 品管部 (「品管部受理」「一般 投诉」) or, for
/// a major complaint, to 集团品管部 (「重大 投诉」「集团品管部」). The rep held `reply`
/// on every case, so his early answer moved a case to `replied` — ending the
/// feedback clock, and leaving 品管部 no way to record what it verified on site
/// (the site check then breached). Now his 「适当回应」「巧妙答复」 (四) before the
/// check are notes, and he passes on the solution once it is approved, as the
/// dealer's contact (`s06_ceramic_major_claim_needs_quality_director`).
#[test]
fn s06_the_rep_does_not_answer_before_the_check() {
    let p = policy("ceramic-tile-s06.toml");
    let roster = roster(
        &[
            ("xs", "销售公司", None),
            ("pg", "品管部", None),
            ("jt", "集团品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("gqc", "集团品管部 专员", "jt", &["group_qc"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], Some("qcm")),
            ("qcm", "品管经理", "pg", &["qc_manager"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut m = Scenario::new(p.clone(), roster.clone());
    let c = Complaint::builder(t0, Channel::Phone, "小区外墙砖大面积脱落，已上电视")
        .complainant(Complainant::organization("某经销商").unwrap())
        .category(cat("other_defect"))
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-M", c).unwrap();
    assert_eq!(level_of(&m), "major");
    m.ok("gqc", minutes(t0, 30), accept());
    let refused = m
        .run("rep", minutes(t0, 40), reply("我们会尽快处理"))
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    m.ok(
        "rep",
        minutes(t0, 41),
        note("已安抚经销商，集团品管部将派人"),
    );
    assert!(
        due_all(&m, minutes(t0, 42))
            .iter()
            .any(|d| d.starts_with("feedback"))
    );
    m.ok(
        "gqc",
        minutes(t0, 60),
        reply("集团品管部：明日派人现场鉴定"),
    );
    assert_eq!(status(&m), Status::Replied);
    m.assert_replays();

    // A general complaint: 品管部 checks on site first; the rep passes on the
    // approved solution.
    let mut g = Scenario::new(p, roster);
    g.register(
        "rep",
        "S06-G",
        about(t0, "other_defect", "客厅地砖色差").build().unwrap(),
    )
    .unwrap();
    g.ok("qc", minutes(t0, 10), accept());
    let refused = g
        .run("rep", minutes(t0, 20), reply("应该是批次色差，给您换"))
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    g.ok("qc", minutes(t0, 30), assign("pg", "qc"));
    g.ok("qc", minutes(t0, 40), investigate());
    g.ok(
        "qc",
        beijing(2026, 3, 3, 10, 0),
        findings(FaultParty::Us, "现场核实：同批次色号不一"),
    );
    g.ok(
        "qc",
        beijing(2026, 3, 3, 11, 0),
        propose(vec![rem_amt(RemedyKind::Repair, "800")], "上门返修色差区域"),
    );
    g.ok("qcm", beijing(2026, 3, 3, 14, 0), approve());
    g.ok(
        "rep",
        beijing(2026, 3, 3, 15, 0),
        reply("公司安排上门返修色差区域"),
    );
    g.ok(
        "rep",
        beijing(2026, 3, 5, 15, 0),
        callback(Satisfaction::Satisfied, "反馈表已签回"),
    );
    assert!(breach_list(&g).is_empty(), "{:?}", breach_list(&g));
    g.assert_replays();
}

/// 五, the flowchart's first box 「业务人员 现场了解 要求寄样 或寄照片」, before
/// 「品管部受理」 (一般) or 「集团品管部」 (重大), and 四「及时上报」: until anyone from
/// 品管部 has acted on a general case, it is with the rep who received it,
/// and a site check nobody in quality control took up is his; once they act, it
/// is theirs. (The file fell back to 集团品管部 and 品管部 only, so such a breach
/// was charged to nobody.) The general case runs over the 2026 New Year holiday.
#[test]
fn s06_a_site_check_no_quality_control_took_up_is_the_reps() {
    let p = policy("ceramic-tile-s06.toml");
    let roster = sales_qc_and_group();
    // Tuesday 30 December 2025; 1–3 January 2026 are the New Year holiday and
    // Sunday 4 January a 调休 working day.
    let t0 = beijing(2025, 12, 30, 10, 0);
    let mut g = Scenario::new(p.clone(), roster.clone());
    rep_reports(
        &mut g,
        "S06-R1",
        t0,
        "other_defect",
        "经销商反映客户铺贴的仿古砖尺寸偏差",
    );
    assert_eq!(level_of(&g), "general");
    // 3 working days (assumed): 31 December, 4 and 5 January.
    assert_eq!(due(&g, minutes(t0, 1), "site_check"), "2026-01-06 00:00");
    g.tick(beijing(2026, 1, 6, 9, 0));
    assert_eq!(breach_owners(&g), ["site_check@1 → rep"]);
    g.assert_replays();

    // A major case the group took over by its level is the group's:
    // `s06_a_major_site_check_nobody_at_the_group_took_up_is_the_groups`.

    // Once 品管部 has accepted, the check is 品管部's, not the rep's.
    let mut q = Scenario::new(p, roster);
    q.register(
        "rep",
        "S06-R3",
        about(t0, "other_defect", "客厅地砖色差").build().unwrap(),
    )
    .unwrap();
    q.ok("qc", minutes(t0, 30), accept());
    q.tick(beijing(2026, 1, 6, 9, 0));
    assert_eq!(breach_owners(&q), ["site_check@1 → qc"]);
}

/// 四「适当回应」「巧妙答复」 and the flowchart (五) promise the dealer no date: the
/// source has no time limit at all, and no 约定 of one. (The file let the rep
/// set a deadline with the dealer, a clock of no clause; set at registration,
/// before anyone was assigned, its lapse was charged to nobody.)
#[test]
fn s06_the_rep_promises_no_deadline_the_source_lacks() {
    let roster = sales_and_qc();
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let t0 = beijing(2026, 3, 9, 9, 0);
    rep_reports(
        &mut s,
        "S06-D",
        t0,
        "other_defect",
        "经销商反映地砖批次色差",
    );
    for who in ["rep", "qc"] {
        let promise = CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 13, 17, 0),
        };
        let refused = s.run(who, minutes(t0, 5), promise);
        assert!(
            matches!(refused, Err(Rejection::NotPermitted { .. })),
            "{who}: {refused:?}"
        );
    }
}

/// 五: the flowchart splits by level — 「重大 投诉」 → 「集团品管部」, 「一般 投诉」 →
/// 「品管部受理」. As 品管部 may not accept a major complaint, 集团品管部 may not
/// take in a general one, which is 品管部's to accept; a general case that
/// turns major goes to the group because of its level. (The file let the group
/// accept any complaint, so a general one could be taken from 品管部.)
#[test]
fn s06_the_group_accepts_major_complaints_only() {
    let p = policy("ceramic-tile-s06.toml");
    let roster = sales_qc_and_group();
    let t0 = beijing(2026, 4, 27, 10, 0);
    let mut g = Scenario::new(p.clone(), roster.clone());
    rep_reports(&mut g, "S06-A1", t0, "other_defect", "厨房墙砖个别开裂");
    assert_eq!(level_of(&g), "general");
    let refused = g.run("gqc", minutes(t0, 10), accept()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    g.ok("qc", minutes(t0, 20), accept());

    let mut m = Scenario::new(p, roster);
    let c = about(t0, "stain_absorption", "小区200户地砖吸污")
        .collective_count(200)
        .build()
        .unwrap();
    m.register("rep", "S06-A2", c).unwrap();
    assert_eq!(level_of(&m), "major");
    m.ok("gqc", minutes(t0, 10), accept());
}

/// The rep, 品管部 and the factory's 工厂品质监督, each in his department; a
/// general complaint of colour difference registered by the rep and accepted
/// by 品管部 on Monday 2 March 2026 (`t0` 9:00).
fn a_general_case_beside_the_factory() -> (Scenario, chrono::DateTime<chrono::Utc>) {
    let roster = roster(
        &[
            ("xs", "销售公司", None),
            ("pg", "品管部", None),
            ("factory", "工厂", None),
            ("jt", "集团品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("fqc", "工厂品质监督何工", "factory", &["factory_qc"], None),
            ("qd", "质量总监", "jt", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "rep",
        "S06-H",
        about(t0, "other_defect", "经销商反映一批墙砖色差明显")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("qc", minutes(t0, 10), accept());
    (s, t0)
}

/// 五 「质量总监审批」「工厂品质 监Βιβλιοθήκη 复检」「派人现场 质量鉴定」: the factory
/// re-inspects when it is called in — the flowchart puts its 复检 after the
/// sales company's 「书面申请」 and the director's 「审批」, not on a case
/// 品管部 checks alone (「品管部受理」「现场核实」). Its 复检 and findings on a case
/// 品管部 took without calling the factory in are refused (`holds_case =
/// "co_handling"`, ruling 148) and change nothing; they would have ended
/// 品管部's site check. Fails on the old file, where the factory investigated
/// any case.
#[test]
fn s06_the_factory_re_inspects_only_when_called_in() {
    let (mut s, t0) = a_general_case_beside_the_factory();
    s.ok("qc", minutes(t0, 20), assign("pg", "qc"));
    let before = s.case().clone();
    let refused = s.run("fqc", minutes(t0, 30), investigate()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("qc", minutes(t0, 40), investigate());
    let refused = s
        .run(
            "fqc",
            minutes(t0, 50),
            findings(FaultParty::Us, "复检:色号混批"),
        )
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    s.ok(
        "qc",
        minutes(t0, 60),
        findings(FaultParty::Us, "现场核实:色号混批"),
    );
}

/// 五「销售公司 书面申请」→「质量总监审批」→「工厂品质 监Βιβλιοθήκη 复检」「派人现场 质量鉴定」: the
/// factory re-inspects a case quality control called it in on only once the
/// 质量总监 approved the sales company's written application (ruling 163).
/// Called in on Monday 2 March 2026, its re-inspection is refused, changing
/// nothing; the director approves nothing not yet asked; the rep's
/// application alone is not the approval, nor his to give; once the director
/// approved it, the factory re-inspects and records its appraisal. Fails on
/// the old file, where the factory re-inspected as soon as it was called in.
#[test]
fn s06_the_factory_re_inspects_only_once_the_director_approved_the_application() {
    use tousu_policy::CaseAction::{ApprovalGiven, ApprovalRequested};
    let (mut s, t0) = a_general_case_beside_the_factory();
    s.ok("qc", minutes(t0, 20), assign_with("pg", "qc", &["factory"]));
    let before = s.case().clone();
    let refused = s.run("fqc", minutes(t0, 30), investigate()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    assert!(refused.to_string().contains("after_acts"), "{refused}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    let unasked = s
        .run("qd", minutes(t0, 40), act(ApprovalGiven, "质量总监审批"))
        .unwrap_err();
    assert_eq!(unasked.kind(), "grant_condition_unmet", "{unasked}");
    assert_eq!(s.case(), &before, "nothing was asked: nothing is approved");
    s.ok(
        "rep",
        minutes(t0, 50),
        act(ApprovalRequested, "销售公司书面申请"),
    );
    assert!(
        s.run("fqc", minutes(t0, 60), investigate()).is_err(),
        "asked, not approved"
    );
    assert!(
        s.run("rep", minutes(t0, 70), act(ApprovalGiven, "同意"))
            .is_err(),
        "the rep does not approve his own application"
    );
    s.ok(
        "qd",
        minutes(t0, 80),
        act(ApprovalGiven, "质量总监审批:同意复检"),
    );
    s.ok("fqc", minutes(t0, 90), investigate());
    s.ok(
        "fqc",
        minutes(t0, 120),
        findings(FaultParty::Us, "复检、派人现场质量鉴定:色号混批"),
    );
}

/// 五: 「品管部受理」「现场核实」「反 馈」 are 品管部's (集团品管部's on a major case); the
/// factory's 「工厂品质 监Βιβλιοθήκη 复检」「派人现场 质量鉴定」 and the rep's part help
/// them. Making the factory's inspector or the rep the handler would charge him
/// with the feedback he cannot give (neither may answer the checked complaint):
/// the hand-over is refused and changes nothing (`hands_over_to`, ruling 78); the
/// factory is called in, and a late feedback stays 品管部's. (The file let 品管部
/// hand the case to anyone.)
#[test]
fn s06_quality_control_calls_the_factory_in_and_keeps_the_case() {
    let (mut s, t0) = a_general_case_beside_the_factory();
    let before = s.case().clone();
    for (dept, handler) in [("factory", "fqc"), ("xs", "rep")] {
        let refused = s
            .run("qc", minutes(t0, 20), assign(dept, handler))
            .unwrap_err();
        assert_eq!(refused.kind(), "hand_over_refused", "{refused}");
        assert_eq!(s.case(), &before, "the refusal changes nothing");
    }
    s.ok("qc", minutes(t0, 30), assign_with("pg", "qc", &["factory"]));
    application_approved(&mut s, "rep", "qd", minutes(t0, 40));
    s.ok("fqc", minutes(t0, 110), investigate());
    s.ok(
        "fqc",
        minutes(t0, 120),
        findings(FaultParty::Us, "复检:色号混批"),
    );
    // 7 working days (assumed) from Monday 2 March: the end of Wednesday 11 March.
    s.tick(beijing(2026, 3, 12, 9, 0));
    assert_eq!(breach_owners(&s), ["feedback@1 → qc"]);
}

/// 五 「重大 投诉」→「集团品管部」: a case classified 重大 at registration is handed to
/// the group by its level (`group-qc-for-major`, ruling 38), so it has left the
/// rep's first box. A site check nobody at the group has taken up is the
/// group's, its holder at the top of the roster while the take-over stands
/// (`taken_over`, ruling 80), not the rep's, who records no findings. 1 working
/// day (assumed) from Tuesday 30 December 2025: the end of Wednesday 31st.
/// Fails on the old file: `site_check@1 → rep`.
#[test]
fn s06_a_major_site_check_nobody_at_the_group_took_up_is_the_groups() {
    let t0 = beijing(2025, 12, 30, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    let c = about(t0, "stain_absorption", "楼盘大面积吸污，已上报纸")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-R2", c).unwrap();
    assert_eq!(level_of(&m), "major");
    assert_eq!(steps_taken(&m), ["group-qc-for-major"]);
    assert_eq!(due(&m, minutes(t0, 1), "site_check"), "2026-01-01 00:00");
    m.tick(beijing(2026, 1, 6, 9, 0));
    assert_eq!(breach_owners(&m), ["site_check@1 → gqc"]);
    m.assert_replays();
}

/// 五 「重大 投诉」→「集团品管部」「反 馈」「详细记录」: a general case 品管部 accepted
/// and the 质量总监 then classified 重大 is handed to the group by its level
/// (`group-qc-for-major`, ruling 38); its feedback and its record are the
/// group's from then on, as its site check is. While the take-over stands and
/// nobody at the group has acted, the group's holder at the top of the roster
/// answers (`taken_over`, ruling 80), not the 品管部 member who accepted the case
/// before it left 品管部. 7 working days (assumed) from Monday 28 September 2026
/// (国庆节 1–7 October, Saturday 10 October a 调休 working day): the end of
/// Tuesday 13 October; the callback's 3 working days (assumed) from the reply
/// on 14 October: the end of Monday 19 October. Fails on the old file:
/// `feedback@1 → qc`, `callback@1 → qc`.
#[test]
fn s06_a_case_that_turned_major_is_the_groups_to_feed_back() {
    let roster = roster(
        &[
            ("xs", "销售公司", None),
            ("pg", "品管部", None),
            ("jt", "集团品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("gqc", "集团品管部 专员", "jt", &["group_qc"], Some("qd")),
            ("qd", "质量总监", "jt", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let t0 = beijing(2026, 9, 28, 10, 0);
    rep_reports(
        &mut s,
        "S06-T",
        t0,
        "stain_absorption",
        "经销商反映一栋楼盘抛光砖吸污",
    );
    assert_eq!(level_of(&s), "general");
    s.ok("qc", minutes(t0, 30), accept());
    s.ok(
        "qd",
        minutes(t0, 60),
        classify_as("major", "楼盘业主联名，已有媒体关注"),
    );
    assert_eq!(steps_taken(&s), ["group-qc-for-major"]);
    assert_eq!(due(&s, minutes(t0, 61), "feedback"), "2026-10-14 00:00");
    s.tick(beijing(2026, 10, 14, 9, 0));
    assert!(
        breach_owners(&s).contains(&"feedback@1 → gqc".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
    // The group answers: 品管部, no longer holding the case, may not
    // (`holds_case`, ruling 122).
    s.ok(
        "gqc",
        beijing(2026, 10, 14, 10, 0),
        reply("集团品管部：派人现场鉴定"),
    );
    assert_eq!(
        due(&s, beijing(2026, 10, 14, 10, 1), "callback"),
        "2026-10-20 00:00"
    );
    s.tick(beijing(2026, 10, 20, 9, 0));
    let owners = breach_owners(&s);
    assert!(
        owners.contains(&"callback@1 → gqc".to_owned())
            && !owners.iter().any(|o| o.ends_with("→ qc")),
        "{owners:?}"
    );
    s.assert_replays();
}

/// 五 「销售公司 书面申请」→「质量总监审批」: the 质量总监 approves; he handles no
/// case (he records no findings, gives no feedback, names no handler). A major
/// case the rep reports up to him (四「及时上报」, the manual step `director`) is
/// still 集团品管部's, to which its level handed it (「重大 投诉」→「集团品管部」): a
/// site check nobody at the group took up is the group's holder's
/// (`taken_over`, ruling 80), not the rep's, who records no findings. 1 working
/// day (assumed) from Tuesday 30 December 2025: the end of Wednesday 31st. Fails
/// on the old file, where the step took the case over for the director, ending
/// the group's take-over: `site_check@1 → rep`.
#[test]
fn s06_a_case_reported_to_the_director_stays_the_groups() {
    let roster = roster(
        &[
            ("xs", "销售公司", None),
            ("pg", "品管部", None),
            ("jt", "集团品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("gqc", "集团品管部 专员", "jt", &["group_qc"], Some("qd")),
            ("qd", "质量总监", "jt", &["quality_director"], None),
        ],
    );
    let t0 = beijing(2025, 12, 30, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let c = about(t0, "stain_absorption", "楼盘大面积吸污，已上报纸")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-Q", c).unwrap();
    assert_eq!(level_of(&m), "major");
    // The group reports it up (the rep reports up general cases only, 四).
    m.ok(
        "gqc",
        minutes(t0, 10),
        escalate("媒体已报道，及时上报质量总监"),
    );
    assert_eq!(steps_taken(&m), ["group-qc-for-major", "director"]);
    assert_eq!(due(&m, minutes(t0, 11), "site_check"), "2026-01-01 00:00");
    m.tick(beijing(2026, 1, 6, 9, 0));
    assert_eq!(breach_owners(&m), ["site_check@1 → gqc"]);
    m.assert_replays();
}

/// 四「一般投诉的处理 : ☆ 注意倾听 ☆ 做好记录 ☆ 适当回应 ☆ 巧妙答复 ☆ 及时上报」: the
/// rep's report up is of a general complaint; a major one went to 集团品管部 by
/// its level (「重大 投诉」→「集团品管部」) and 四「重大投诉的处理」 has no 上报. The
/// rep's escalation of a major case is refused and takes no step, so the
/// group still reports it to the 质量总监; a general case he reports up.
/// Fails on the old file, where the rep took the `director` step on the
/// major case.
#[test]
fn s06_the_rep_reports_up_only_a_general_case() {
    let t0 = beijing(2026, 4, 20, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    let c = about(t0, "stain_absorption", "楼盘大面积吸污，已上报纸")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-R", c).unwrap();
    assert_eq!(level_of(&m), "major");
    let refused = m
        .run("rep", minutes(t0, 10), escalate("及时上报"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::GrantConditionUnmet { .. }),
        "{refused}"
    );
    assert_eq!(steps_taken(&m), ["group-qc-for-major"]);
    m.ok("gqc", minutes(t0, 20), escalate("集团上报质量总监"));
    assert_eq!(steps_taken(&m), ["group-qc-for-major", "director"]);
    let mut g = Scenario::new(policy("ceramic-tile-s06.toml"), sales_and_qc());
    rep_reports(&mut g, "S06-S", t0, "other_defect", "墙砖色差明显");
    g.ok("rep", minutes(t0, 10), escalate("及时上报"));
    assert_eq!(steps_taken(&g), ["director"]);
}

/// 四 一般投诉「及时上报」, 五 「重大 投诉」→「集团品管部」: 品管部 may send a general
/// case on to 集团品管部 (`hands_over_to`), and may name no handler there
/// (`assign` lets the handler be absent). The case has then left 品管部: its
/// site check and its feedback are the group's, its holder at the top of the
/// department the case went to (`lead_department`, rulings 75 and 77), not the
/// 品管部 member who sent it and can no longer act on it as its handler. 3
/// working days (assumed) from Wednesday 29 April 2026 (劳动节 1–5 May): the end
/// of Thursday 7 May; 7 working days from the acceptance (Saturday 9 May a 调休
/// working day): the end of Tuesday 12 May. Fails on the old file:
/// `site_check@1 → qc`, `feedback@1 → qc`, `callback@1 → qc`.
#[test]
fn s06_a_case_sent_to_the_group_with_nobody_named_is_the_groups() {
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    let t0 = beijing(2026, 4, 29, 10, 0);
    rep_reports(
        &mut s,
        "S06-D",
        t0,
        "other_defect",
        "经销商反映一批地砖尺寸偏差",
    );
    assert_eq!(level_of(&s), "general");
    s.ok("qc", minutes(t0, 30), accept());
    s.ok("qc", minutes(t0, 60), assign_department("jt"));
    assert_eq!(due(&s, minutes(t0, 61), "site_check"), "2026-05-08 00:00");
    assert_eq!(due(&s, minutes(t0, 61), "feedback"), "2026-05-13 00:00");
    s.tick(beijing(2026, 5, 13, 9, 0));
    assert_eq!(
        breach_owners(&s),
        ["site_check@1 → gqc", "feedback@1 → gqc"]
    );
    // Its record (the callback) is the group's too: 3 working days from the
    // group's answer on Wednesday 13 May, the end of Monday 18th. (品管部 may
    // not answer a case it sent up: fifteenth audit,
    // `s06_quality_control_leaves_a_general_case_it_sent_up`.)
    s.ok(
        "gqc",
        beijing(2026, 5, 13, 10, 0),
        reply("集团品管部：同意调换尺寸偏差批次"),
    );
    assert_eq!(
        due(&s, beijing(2026, 5, 13, 10, 1), "callback"),
        "2026-05-19 00:00"
    );
    s.tick(beijing(2026, 5, 19, 9, 0));
    assert!(
        breach_owners(&s).contains(&"callback@1 → gqc".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
    s.assert_replays();
}

/// 四「一般投诉的处理 : … ☆ 及时上报」 and the flowchart's 「质量总监审批」: the manual step
/// (`director`) is a report up to the 质量总监, made by those who handle the case.
/// The director held `escalate` too, and taking the step reported the case to
/// himself (and used up the step, so 品管部's report was then refused). He is
/// refused now, and 品管部 reports up. Fails on the old file (the director's
/// escalation was taken).
#[test]
fn s06_the_director_does_not_report_a_case_to_himself() {
    let people = roster(
        &[("xs", "销售公司", None), ("pg", "品管部", None)],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], Some("qd")),
            ("qd", "质量总监", "pg", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), people);
    let t0 = beijing(2026, 4, 20, 10, 0);
    rep_reports(&mut s, "S06-D", t0, "other_defect", "墙砖色差明显");
    s.ok("qc", minutes(t0, 30), accept());
    let refused = s
        .run("qd", minutes(t0, 40), escalate("及时上报"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert!(steps_taken(&s).is_empty());
    s.ok("qc", minutes(t0, 50), escalate("及时上报质量总监"));
    assert_eq!(steps_taken(&s), ["director"]);
}

/// 五 「重大 投诉」→「集团品管部」「现场核实」「反 馈」「详细记录」: a major case is the
/// group's. 品管部 may answer or record findings on it only once one of its staff
/// is named the handler or the group has handed the case down to 品管部
/// (`holds_case`, rulings 121 and 122): before, its reply would end the
/// group's feedback. Fails on the old file, where 品管部's reply was accepted.
#[test]
fn s06_quality_control_answers_a_major_case_only_when_named() {
    let t0 = beijing(2025, 12, 30, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    let c = about(t0, "stain_absorption", "楼盘大面积吸污，已上报纸")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-N", c).unwrap();
    assert_eq!(level_of(&m), "major");
    m.ok("gqc", minutes(t0, 10), accept());
    let unmet = |e: &Rejection| {
        matches!(e, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case")))
    };
    let answer = m
        .run("qc", minutes(t0, 30), reply("品管部：已派人现场查看"))
        .unwrap_err();
    assert!(unmet(&answer), "{answer}");
    let found = m
        .run(
            "qc",
            minutes(t0, 30),
            findings(FaultParty::Us, "砖面毛细孔吸污"),
        )
        .unwrap_err();
    assert!(unmet(&found), "{found}");
    // The group names 品管部's member the handler: he checks and answers.
    m.ok("gqc", minutes(t0, 40), assign("pg", "qc"));
    m.ok("qc", minutes(t0, 50), investigate());
    m.ok(
        "qc",
        minutes(t0, 60),
        findings(FaultParty::Us, "砖面毛细孔吸污"),
    );
    m.ok("qc", minutes(t0, 90), reply("品管部：经现场核实，同意更换"));
    m.assert_replays();
}

/// 五 「重大 投诉」「集团品管部」: a major case the group, having taken it over,
/// hands down to 品管部 naming nobody there is 品管部's: its holder at the top of
/// the department answers for the site check (`handed_down`, ruling 123), not
/// the group member who sent it, and 品管部 may record the findings
/// (`holds_case`). 1 working day (assumed) from Tuesday 30 December 2025: the
/// end of Wednesday 31st. An assignment made before the take-over does not
/// count: a general case 品管部 kept for itself, then classified 重大, is the
/// group's. Fails on the old file: `site_check@1 → gqc`.
#[test]
fn s06_a_major_case_the_group_hands_down_is_quality_controls() {
    let t0 = beijing(2025, 12, 30, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    let c = about(t0, "stain_absorption", "楼盘大面积吸污，已上报纸")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    m.register("rep", "S06-H", c).unwrap();
    m.ok("gqc", minutes(t0, 10), accept());
    m.ok("gqc", minutes(t0, 20), assign_department("pg"));
    assert_eq!(due(&m, minutes(t0, 21), "site_check"), "2026-01-01 00:00");
    m.tick(beijing(2026, 1, 6, 9, 0));
    assert_eq!(breach_owners(&m), ["site_check@1 → qc"]);
    m.ok("qc", beijing(2026, 1, 6, 9, 30), investigate());
    m.ok(
        "qc",
        beijing(2026, 1, 6, 10, 0),
        findings(FaultParty::Us, "砖面毛细孔吸污"),
    );
    m.assert_replays();

    // Assigned to 品管部 before the level handed it to the group: the group's.
    let roster = roster(
        &[
            ("xs", "销售公司", None),
            ("pg", "品管部", None),
            ("jt", "集团品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("gqc", "集团品管部 专员", "jt", &["group_qc"], Some("qd")),
            ("qd", "质量总监", "jt", &["quality_director"], None),
        ],
    );
    let mut g = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    rep_reports(
        &mut g,
        "S06-B",
        t0,
        "stain_absorption",
        "经销商反映抛光砖吸污",
    );
    g.ok("qc", minutes(t0, 10), accept());
    g.ok("qc", minutes(t0, 20), assign_department("pg"));
    g.ok(
        "qd",
        minutes(t0, 30),
        classify_as("major", "楼盘业主联名，已有媒体关注"),
    );
    g.tick(beijing(2026, 1, 6, 9, 0));
    assert_eq!(breach_owners(&g), ["site_check@1 → gqc"]);
    let found = g
        .run(
            "qc",
            beijing(2026, 1, 6, 10, 0),
            findings(FaultParty::Us, "吸污"),
        )
        .unwrap_err();
    assert!(
        matches!(&found, Rejection::GrantConditionUnmet { .. }),
        "{found}"
    );
}

/// 五 「重大 投诉」「集团品管部」: a major case is the group's; 品管部 acts on it
/// only once the group hands it down (ruling 122). Before, 品管部 could name
/// itself the handler of a case the group held, then answer it — the hand-over
/// the group makes — and investigate, close the group's case or report it up
/// (`director`, a step taken once per case: the group's). Each is refused
/// until the case is with 品管部; once the group sends it down to 品管部,
/// 品管部 names its own handler. Fails on the old file: 品管部's assignment of
/// itself was accepted. (An extension of the group's feedback was refused here
/// for the same reason; since ruling 133 no one may ask for one at all.)
#[test]
fn s06_quality_control_does_not_take_a_major_case_from_the_group() {
    let t0 = beijing(2025, 12, 30, 10, 0);
    let major = |t0| {
        about(t0, "stain_absorption", "楼盘大面积吸污，已上报纸")
            .flags(ComplaintFlags {
                media_exposure: true,
                ..ComplaintFlags::default()
            })
            .build()
            .unwrap()
    };
    let unmet = |e: &Rejection| {
        matches!(e, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case")))
    };
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    m.register("rep", "S06-T", major(t0)).unwrap();
    m.ok("gqc", minutes(t0, 10), accept());
    let named = m
        .run("qc", minutes(t0, 20), assign("pg", "qc"))
        .unwrap_err();
    assert!(unmet(&named), "{named}");
    let looked = m.run("qc", minutes(t0, 20), investigate()).unwrap_err();
    assert!(unmet(&looked), "{looked}");
    let reported = m
        .run("qc", minutes(t0, 20), escalate_to("director", "品管部上报"))
        .unwrap_err();
    assert!(unmet(&reported), "{reported}");
    m.ok(
        "gqc",
        minutes(t0, 25),
        escalate_to("director", "重大投诉上报质量总监"),
    );
    m.ok("gqc", minutes(t0, 30), assign("jt", "gqc"));
    let moved = m
        .run("qc", minutes(t0, 40), transfer("pg", "qc", "品管部接手"))
        .unwrap_err();
    assert!(unmet(&moved), "{moved}");
    let paused = m
        .run(
            "qc",
            minutes(t0, 40),
            CommandKind::RequestExtension {
                reason: "需工厂复检".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert_eq!(paused.kind(), "not_permitted", "{paused}");
    m.ok("gqc", minutes(t0, 50), investigate());
    m.ok(
        "gqc",
        minutes(t0, 60),
        findings(FaultParty::Us, "砖面毛细孔吸污"),
    );
    m.ok(
        "gqc",
        minutes(t0, 90),
        reply("集团品管部：经现场核实，同意更换"),
    );
    m.ok(
        "gqc",
        minutes(t0, 120),
        callback(Satisfaction::Satisfied, "经销商确认"),
    );
    let closed = m.run("qc", minutes(t0, 130), close()).unwrap_err();
    assert!(unmet(&closed), "{closed}");
    m.ok("gqc", minutes(t0, 130), close());
    m.assert_replays();

    // Handed down to 品管部: it names its own handler, who checks and answers.
    let mut d = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    d.register("rep", "S06-U", major(t0)).unwrap();
    d.ok("gqc", minutes(t0, 10), accept());
    d.ok("gqc", minutes(t0, 20), assign_department("pg"));
    d.ok(
        "qc",
        minutes(t0, 30),
        transfer("pg", "qc", "品管部专员接手"),
    );
    d.ok("qc", minutes(t0, 40), investigate());
    d.ok(
        "qc",
        minutes(t0, 50),
        findings(FaultParty::Us, "砖面毛细孔吸污"),
    );
    d.ok("qc", minutes(t0, 60), reply("品管部：经现场核实，同意更换"));
    d.assert_replays();
}

/// 五 「一般 投诉」「品管部受理」「现场核实」「反 馈」「详细记录」: a general case is
/// 品管部's; the group acts on one only while it is with the group — once
/// 品管部 sends it up (四「及时上报」) — as 品管部 on a major case (ruling 122).
/// Before, the group's findings or reply on a case 品管部's handler held ended
/// 品管部's site check or feedback, the group could take the case from him, and
/// its report up used 品管部's step (`director`, taken once per case).
/// Fails on the old file: the group's findings on 品管部's case were accepted.
#[test]
fn s06_the_group_acts_on_a_general_case_only_once_it_is_sent_up() {
    let t0 = beijing(2025, 12, 30, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    rep_reports(&mut m, "S06-G", t0, "stain_absorption", "客厅地砖局部吸污");
    assert_eq!(level_of(&m), "general");
    m.ok("qc", minutes(t0, 10), accept());
    // Accepted by 品管部, the case is its to hand on: the group names no handler
    // and does not answer before 品管部 has sent it up.
    let named = m
        .run("gqc", minutes(t0, 15), assign("jt", "gqc"))
        .unwrap_err();
    assert_eq!(named.kind(), "grant_condition_unmet", "{named}");
    let early = m
        .run("gqc", minutes(t0, 15), reply("集团品管部答复"))
        .unwrap_err();
    assert_eq!(early.kind(), "grant_condition_unmet", "{early}");
    m.ok("qc", minutes(t0, 20), assign("pg", "qc"));
    m.ok("qc", minutes(t0, 30), investigate());
    let unmet = |e: &Rejection| {
        matches!(e, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case")))
    };
    let found = m
        .run(
            "gqc",
            minutes(t0, 40),
            findings(FaultParty::Us, "集团：砖面毛细孔吸污"),
        )
        .unwrap_err();
    assert!(unmet(&found), "{found}");
    let answered = m
        .run("gqc", minutes(t0, 40), reply("集团品管部答复"))
        .unwrap_err();
    assert!(unmet(&answered), "{answered}");
    let taken = m
        .run("gqc", minutes(t0, 40), transfer("jt", "gqc", "集团接手"))
        .unwrap_err();
    assert!(unmet(&taken), "{taken}");
    let reported = m
        .run("gqc", minutes(t0, 40), escalate_to("director", "集团上报"))
        .unwrap_err();
    assert!(unmet(&reported), "{reported}");
    m.ok("qc", minutes(t0, 45), escalate_to("director", "及时上报"));
    // 品管部 reports it up: the group's handler checks and answers.
    m.ok("qc", minutes(t0, 50), transfer("jt", "gqc", "及时上报"));
    m.ok(
        "gqc",
        minutes(t0, 60),
        findings(FaultParty::Us, "集团：砖面毛细孔吸污"),
    );
    m.ok("gqc", minutes(t0, 90), reply("集团品管部：同意更换"));
    m.assert_replays();
}

/// Ruling 133: the source has no 延期, 延长 or 顺延 (nor a limit: the feedback's 7
/// working days are assumed), so no one extends the feedback: 品管部 may not
/// ask and the 质量总监 may not grant, nothing is recorded, and the feedback
/// breaches when its 7 working days end. Fails on the old file (品管部's
/// request was recorded, and an extension the 质量总监 approved paused the
/// feedback).
#[test]
fn s06_the_feedback_is_not_extended() {
    let roster = roster(
        &[("xs", "销售公司", None), ("pg", "品管部", None)],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("zj", "质量总监", "pg", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = about(t0, "other_defect", "一批抛光砖铺贴后有色差")
        .build()
        .unwrap();
    s.register("rep", "S06-X", c).unwrap();
    s.ok("qc", minutes(t0, 30), accept());
    s.ok("qc", minutes(t0, 40), assign("pg", "qc"));
    s.ok("qc", minutes(t0, 50), investigate());
    assert_no_extension(&mut s, "qc", "zj", beijing(2026, 3, 4, 9, 0));
    // 7 working days from Monday 2 March: Wednesday 11 March ends the limit.
    assert_eq!(due(&s, minutes(t0, 51), "feedback"), "2026-03-12 00:00");
    s.tick(beijing(2026, 3, 12, 9, 0));
    s.assert_replays();
    assert!(breach_owners(&s).contains(&"feedback@1 → qc".to_owned()));
}

/// 四「及时上报」: a general case 品管部 sent up to the group (assigned to the
/// group's staff) is the group's to check and answer until it hands it back
/// (ruling 128: each department acts on a case only while it is with it).
/// 品管部's reply, findings, transfer back to itself and closing are refused
/// and change nothing; the group answers. The fifteenth audit (fails on the
/// old file, where 品管部's reply on the group's case was accepted, ending the
/// group's feedback).
#[test]
fn s06_quality_control_leaves_a_general_case_it_sent_up() {
    let t0 = beijing(2026, 3, 9, 10, 0);
    let mut m = Scenario::new(policy("ceramic-tile-s06.toml"), sales_qc_and_group());
    rep_reports(
        &mut m,
        "S06-U",
        t0,
        "stain_absorption",
        "卫生间墙砖吸污发黄",
    );
    assert_eq!(level_of(&m), "general");
    m.ok("qc", minutes(t0, 10), accept());
    m.ok("qc", minutes(t0, 20), assign("jt", "gqc"));
    let unmet = |e: &Rejection| {
        matches!(e, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case")))
    };
    let before = m.case().clone();
    for kind in [
        reply("品管部：同意更换"),
        findings(FaultParty::Us, "品管部：砖面毛细孔吸污"),
        transfer("pg", "qc", "品管部收回"),
    ] {
        let e = m.run("qc", minutes(t0, 30), kind).unwrap_err();
        assert!(unmet(&e), "{e}");
    }
    assert_eq!(m.case(), &before, "a refusal changes nothing");
    m.ok("gqc", minutes(t0, 40), investigate());
    m.ok(
        "gqc",
        minutes(t0, 60),
        findings(FaultParty::Us, "集团：砖面毛细孔吸污"),
    );
    m.ok("gqc", minutes(t0, 90), reply("集团品管部：同意更换"));
    let closed = m.run("qc", minutes(t0, 100), close()).unwrap_err();
    assert!(unmet(&closed), "{closed}");
    m.assert_replays();
}

/// 四「不当要求我们要适当拒绝」 (the reason the 质量总监's abnormal closure is given):
/// a demand is refused in the feedback, after the site check — the flowchart
/// has 「现场核实」「反 馈」 on both branches — so the director ends only a case
/// whose feedback was given. Before it, on a case 品管部 holds, his closure is
/// refused and changes nothing, and the site check runs on to 品管部. The
/// sixteenth audit (fails on the old file, where he closed the case at once,
/// stopping the site check and the feedback unmet).
#[test]
fn s06_the_director_ends_only_a_refused_demand() {
    let roster = roster(
        &[("xs", "销售公司", None), ("pg", "品管部", None)],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], None),
            ("zj", "质量总监", "pg", &["quality_director"], None),
        ],
    );
    let mut s = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // Monday
    rep_reports(
        &mut s,
        "S06-AB",
        t0,
        "other_defect",
        "经销商要求整批退货并赔偿误工费",
    );
    s.ok("qc", minutes(t0, 30), accept());
    s.ok("qc", minutes(t0, 40), assign("pg", "qc"));
    let closing = || CommandKind::CloseAbnormally {
        reason: "不当要求，予以拒绝".to_owned(),
    };
    let before = s.case().clone();
    let refused = s.run("zj", minutes(t0, 50), closing()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    // 3 working days (assumed) from Monday 2 March: due at the end of Thursday 5.
    s.tick(beijing(2026, 3, 6, 9, 0));
    assert_eq!(breach_owners(&s), ["site_check@1 → qc"]);
    s.ok("qc", beijing(2026, 3, 6, 10, 0), investigate());
    s.ok(
        "qc",
        beijing(2026, 3, 6, 11, 0),
        findings(FaultParty::Customer, "品管部：铺贴不当，非产品质量问题"),
    );
    s.ok(
        "qc",
        beijing(2026, 3, 6, 14, 0),
        reply("品管部：非产品质量问题，退货赔偿要求不予支持"),
    );
    s.ok("zj", beijing(2026, 3, 9, 9, 0), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// 五「业务人员 现场了解 要求寄样 或寄照片」, 四「一般投诉的处理 : ☆ 注意倾听 ☆ 做好记录 ☆ 适当回应
/// ☆ 巧妙答复 ☆ 及时上报」, 表单记录《销售公司产品 质量信息反馈表》: the rep who heard the
/// dealer reports the complaint up, passes on the approved solution and records
/// the callback. A rep of another 销售公司 could do each on a complaint the first
/// company's rep received (his acts had no `holds_case`); refused now, changing
/// nothing (`holds_case = "followed"`, ruling 162, with `"received"` before the
/// hand-over, ruling 151), and the receiving rep does them. Twenty-first audit
/// (the twentieth recorded it as needing language; fails on the old file).
#[test]
fn s06_only_the_rep_who_heard_the_complaint_acts_for_it() {
    let roster = roster(
        &[
            ("xs", "销售公司", None),
            ("xs2", "另一销售公司", None),
            ("pg", "品管部", None),
        ],
        &[
            ("rep", "业务员 小封", "xs", &["sales_rep"], None),
            ("rep2", "业务员 小李", "xs2", &["sales_rep"], None),
            ("qc", "品管部 专员", "pg", &["qc_dept"], Some("qcm")),
            ("qcm", "品管经理", "pg", &["qc_manager"], None),
        ],
    );
    let mut g = Scenario::new(policy("ceramic-tile-s06.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0); // Monday
    let c = about(t0, "other_defect", "客厅地砖色差")
        .first_responder(sid("rep"))
        .build()
        .unwrap();
    g.register("rep", "S06-F", c).unwrap();
    for kind in [
        escalate("及时上报"),
        CommandKind::Withdraw {
            reason: Some("经销商撤诉".to_owned()),
        },
    ] {
        refused_not_holding(&mut g, "rep2", minutes(t0, 5), kind);
    }
    g.ok("qc", minutes(t0, 10), accept());
    g.ok("qc", minutes(t0, 30), assign("pg", "qc"));
    g.ok("qc", minutes(t0, 40), investigate());
    g.ok(
        "qc",
        minutes(t0, 60),
        findings(FaultParty::Us, "现场核实：同批次色号不一"),
    );
    g.ok(
        "qc",
        minutes(t0, 70),
        propose(vec![rem_amt(RemedyKind::Repair, "800")], "上门返修色差区域"),
    );
    g.ok("qcm", minutes(t0, 80), approve());
    refused_not_holding(&mut g, "rep2", minutes(t0, 90), reply("公司安排上门返修"));
    g.ok("rep", minutes(t0, 95), reply("公司安排上门返修色差区域"));
    refused_not_holding(
        &mut g,
        "rep2",
        minutes(t0, 100),
        callback(Satisfaction::Satisfied, "反馈表已签回"),
    );
    g.ok(
        "rep",
        minutes(t0, 110),
        callback(Satisfaction::Satisfied, "反馈表已签回"),
    );
    g.assert_replays();
}
