use super::*;
use chrono::{DateTime, Utc};
use tousu_policy::SignedRecord;

// ---------------------------------------------------------------------------
// S39 — 客户投诉案件处理办法 (零售连锁)
// ---------------------------------------------------------------------------

/// 万达店 (a clerk and her 上级主管), 行政人事部, 商品部 (a 受理部门 and its 主管) and
/// 营运部客服,
/// with `more` staff in `more_depts`: complaint `id` (`text`, a demand of
/// `category`) registered by the clerk at `t0` and accepted by her superior
/// half an hour later.
fn wanda_accepted(
    (id, t0, text, category): (&str, DateTime<Utc>, &str, &str),
    more_depts: &[DeptRow<'_>],
    more: &[StaffRow<'_>],
) -> Scenario {
    let mut depts = vec![
        ("md", "万达店", None),
        ("xz", "行政人事部", None),
        ("cp", "商品部", None),
        ("yy", "营运部", None),
    ];
    depts.extend_from_slice(more_depts);
    let mut staff: Vec<StaffRow<'_>> = vec![
        ("d1", "门店 店员 小鲁", "md", &["store"], Some("dz")),
        ("dz", "上级主管 施店长", "md", &["store_superior"], None),
        ("x1", "行政人事部 付专员", "xz", &["admin_hr"], None),
        ("c1", "商品部 毕采购", "cp", &["handling_dept"], None),
        ("cz", "商品部 主管 司经理", "cp", &["store_superior"], None),
        ("k1", "营运部客服 小伍", "yy", &["ops_cs"], None),
    ];
    staff.extend_from_slice(more);
    let c = Complaint::builder(t0, Channel::Visit, text)
        .complainant(person("顾客"))
        .category(cat(category))
        .build()
        .unwrap();
    let mut s = Scenario::new(policy("retail-chain-s39.toml"), roster(&depts, &staff));
    s.register("d1", id, c).unwrap();
    s.ok("dz", minutes(t0, 30), accept());
    s
}

#[test]
fn s39_retail_return_closed_late_after_national_day() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[
            ("md", "万达店", None),
            ("xz", "行政人事部", None),
            ("cp", "商品部", None),
            ("yy", "营运部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("d1", "门店 店员 小鲁", "md", &["store"], Some("dz")),
            ("dz", "上级主管 施店长", "md", &["store_superior"], None),
            ("x1", "行政人事部 付专员", "xz", &["admin_hr"], None),
            ("c1", "商品部 毕采购", "cp", &["handling_dept"], None),
            ("cz", "商品部 主管 司经理", "cp", &["store_superior"], None),
            ("g1", "总经理 龙总", "zjb", &["general_manager"], None),
            ("k1", "营运部客服 小伍", "yy", &["ops_cs"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 28, 11, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "购买的电饭煲使用两周内胆涂层脱落,要求退货",
    )
    .complainant(person("顾客 喻女士"))
    .category(cat("return"))
    .request(rem_amt(RemedyKind::Refund, "399"))
    .build()
    .unwrap();
    s.register("d1", "KS-1", c).unwrap();
    // 「至接到投诉7天结案」: 5 Oct is a holiday → the next working day, Thu 9 Oct.
    assert_eq!(due(&s, t0, "closure"), "2025-10-10 00:00");
    s.ok("dz", beijing(2025, 9, 28, 15, 0), accept());
    s.ok("x1", beijing(2025, 9, 29, 9, 0), assign("cp", "c1"));
    s.ok(
        "c1",
        beijing(2025, 9, 29, 10, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "c1",
        beijing(2025, 9, 30, 10, 0),
        findings(
            FaultParty::ThirdParty,
            "投诉调查报告:同批次内胆涂层附着力不合格(供应商原因)",
        ),
    );
    // 第十一条「交主管审核后,交行政人事部」, 第十二条「经整理审核附具体意见后,呈报总经理
    // 批阅,回复受理部门」: the 调查报告 (the findings) is signed by the 受理部门's
    // superior, then 行政人事部, then the general manager, before the department
    // forms its opinion.
    let out_of_turn = s
        .run(
            "x1",
            beijing(2025, 9, 30, 11, 0),
            sign(SignedRecord::Findings),
        )
        .unwrap_err();
    assert_eq!(
        out_of_turn.to_string(),
        "x1 may not sign the findings record: store_superior signs next (sign-off chain store_superior → admin_hr → general_manager; 0 signed)"
    );
    s.ok(
        "cz",
        beijing(2025, 9, 30, 12, 0),
        sign(SignedRecord::Findings),
    );
    // The general manager may not skip 行政人事部's review.
    let skipped = s
        .run(
            "g1",
            beijing(2025, 9, 30, 12, 30),
            sign(SignedRecord::Findings),
        )
        .unwrap_err();
    assert!(
        skipped.to_string().contains("admin_hr signs next"),
        "{skipped}"
    );
    s.ok(
        "x1",
        beijing(2025, 9, 30, 14, 0),
        sign(SignedRecord::Findings),
    );
    s.ok(
        "g1",
        beijing(2025, 9, 30, 16, 0),
        sign(SignedRecord::Findings),
    );
    // 第十三条「形成具体处理意见,报请上级主管审核」: the opinion, approved by the superior.
    s.ok(
        "c1",
        beijing(2025, 9, 30, 16, 30),
        propose(
            vec![rem_amt(RemedyKind::Refund, "399")],
            "同意退货退款399元,向供应商索赔",
        ),
    );
    s.ok("cz", beijing(2025, 9, 30, 17, 0), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
    let signed: Vec<_> = s
        .case()
        .record_signatures
        .iter()
        .map(|x| format!("{} {}", x.role, x.by))
        .collect();
    assert_eq!(
        signed,
        ["store_superior cz", "admin_hr x1", "general_manager g1"]
    );
    s.ok(
        "k1",
        beijing(2025, 10, 9, 10, 0),
        reply("已办理退货退款399元"),
    );
    let late = s.tick(beijing(2025, 10, 10, 8, 0));
    assert!(breached(&late, "closure"), "not closed within 7 days");
    s.ok(
        "k1",
        beijing(2025, 10, 10, 14, 0),
        callback(Satisfaction::Satisfied, "顾客满意"),
    );
    s.ok("k1", beijing(2025, 10, 10, 14, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s39_retail_chain", timeline(&s.events));
}

/// 第七条: the store may not rule on acceptance itself (「呈报上级主管裁定是否受理」),
/// and a complaint caused by the customer is not accepted, with the advice to
/// explain tactfully.
#[test]
fn s39_the_superior_rules_and_customer_caused_complaints() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[("md", "门店", None)],
        &[
            ("dy", "门店 店员", "md", &["store"], Some("zg")),
            ("zg", "上级主管", "md", &["store_superior"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let t0 = beijing(2026, 11, 2, 15, 0);
    let c = Complaint::builder(t0, Channel::Visit, "洗衣机用了三天不脱水, 要求退货")
        .complainant(person("顾客 童女士"))
        .category(cat("return"))
        .fact(fact("customer_caused"), yes())
        .build()
        .unwrap();
    s.register("dy", "KS-C", c).unwrap();
    assert!(
        s.run("dy", minutes(t0, 10), accept()).is_err(),
        "the store may not accept"
    );
    let d = p.acceptance(&EvalInput::new(&s.case().complaint, t0));
    assert!(
        matches!(&d.outcome, Acceptance::NotAccepted { advice_zh, .. } if advice_zh.contains("婉转讲明理由")),
        "{d:?}"
    );
    assert_eq!(
        d.rule_id.map(|r| r.to_string()).as_deref(),
        Some("customer-caused")
    );
}

/// 第一条 「客户(终端消费者、代理商、加盟商)对本公司商品销售所发生的客户投诉案件」: a
/// consumer, an agent and a franchisee may each complain. 第十五条 「客户投诉记录卡中应
/// 写明投诉客户名称、客户要求、受理时间和编号」: the card's number follows the file's
/// (assumed) pattern, and the case holds the name and what the customer asks.
#[test]
fn s39_who_may_complain_and_the_record_card() {
    let p = policy("retail-chain-s39.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    for complainant in [
        person("终端消费者 王女士"),
        Complainant::organization("代理商 某贸易公司").unwrap(),
        Complainant::organization("加盟商 某加盟店").unwrap(),
    ] {
        let c = Complaint::builder(t0, Channel::Phone, "商品质量投诉")
            .complainant(complainant)
            .category(cat("return"))
            .build()
            .unwrap();
        assert_eq!(refused_by(&p, &c), None);
    }
    let number = p
        .complaint_number
        .format(ComplaintNoParts {
            year: 2026,
            month: 3,
            seq: 7,
        })
        .unwrap();
    assert_eq!(number.as_str(), "KS202603-0007");
}

/// Segregation of duties on the report and the opinion: nobody signs the
/// 调查报告 twice (one person holding two roles of its chain fills one), and a
/// superior who also proposed the opinion may not approve it.
#[test]
fn s39_nobody_signs_twice_or_their_own_proposal() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[
            ("xz", "行政人事部", None),
            ("md", "门店", Some("xz")),
            ("zjb", "总经办", None),
        ],
        &[
            ("d1", "店员", "md", &["store"], None),
            (
                "dz",
                "店长(主管兼受理部门)",
                "md",
                &["store_superior", "handling_dept"],
                None,
            ),
            ("zz", "区域主管", "md", &["store_superior"], None),
            (
                "x1",
                "行政人事部 专员",
                "xz",
                &["admin_hr", "store_superior"],
                None,
            ),
            ("x2", "行政人事部 主任", "xz", &["admin_hr"], None),
            ("g1", "总经理", "zjb", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 4, 7, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "换货后的商品仍有划痕")
        .complainant(person("顾客"))
        .category(cat("exchange"))
        .build()
        .unwrap();
    s.register("d1", "KS-9", c).unwrap();
    s.ok("dz", minutes(t0, 30), accept());
    s.ok("x1", minutes(t0, 60), assign("md", "dz"));
    s.ok("dz", minutes(t0, 70), CommandKind::StartInvestigation);
    s.ok(
        "dz",
        minutes(t0, 80),
        findings(FaultParty::Us, "投诉调查报告:换货商品出库前未检查"),
    );
    // x1 signs as superior, and may not sign again as 行政人事部.
    s.ok("x1", minutes(t0, 85), sign(SignedRecord::Findings));
    let twice = s
        .run("x1", minutes(t0, 88), sign(SignedRecord::Findings))
        .unwrap_err();
    assert_eq!(twice.kind(), "record_sign_refused", "{twice}");
    assert!(twice.to_string().contains("signed it already"), "{twice}");
    s.ok("x2", minutes(t0, 89), sign(SignedRecord::Findings));
    s.ok("g1", minutes(t0, 89), sign(SignedRecord::Findings));
    s.ok(
        "dz",
        minutes(t0, 90),
        propose(vec![rem(RemedyKind::Replacement)], "再次换货"),
    );
    // The proposer holds the superior's role but may not approve their own opinion.
    let own = s
        .run("dz", minutes(t0, 95), CommandKind::Approve)
        .unwrap_err();
    assert_eq!(own.kind(), "self_approval", "{own}");
    s.ok("zz", minutes(t0, 100), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
}

/// 第十一、十二条: the 调查报告 goes through the 上级主管, 行政人事部 and the 总经理's
/// 批阅; 第十三条「受理部门根据行政人事部意见,形成具体处理意见,报请上级主管审核」: the
/// handling opinion is formed after that, and the 上级主管 alone reviews it. Two
/// records, not one proposal (ruling 58): no opinion before the report is read
/// (nor without a report), the superior's one approval settles the opinion, and
/// an opinion he sends back is formed again without a new 批阅. (The file had one
/// proposal carry both: the opinion came before the report was read, the
/// superior's approval was only a first signature, and a send-back went to the
/// general manager again.)
#[test]
fn s39_the_report_is_read_before_the_opinion_the_superior_approves() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[
            ("md", "门店", None),
            ("xz", "行政人事部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("d1", "店员", "md", &["store"], None),
            (
                "dz",
                "店长(唯一的上级主管)",
                "md",
                &["store_superior"],
                None,
            ),
            ("sl", "受理部门 商品专员", "md", &["handling_dept"], None),
            ("x1", "行政人事部 专员", "xz", &["admin_hr"], None),
            ("g1", "总经理", "zjb", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 5, 11, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "促销价未兑现,要求补差价")
        .complainant(person("顾客 潘先生"))
        .category(cat("price_reduction"))
        .build()
        .unwrap();
    s.register("d1", "KS-11", c).unwrap();
    s.ok("dz", minutes(t0, 20), accept());
    s.ok("x1", minutes(t0, 40), assign("md", "sl"));
    s.ok("sl", minutes(t0, 50), CommandKind::StartInvestigation);
    let opinion = |note: &str| propose(vec![rem_amt(RemedyKind::Refund, "30")], note);
    // No opinion without the report (第十一条: every case has its 调查报告).
    let no_report = s
        .run("sl", minutes(t0, 55), opinion("补差价30元"))
        .unwrap_err();
    assert_eq!(no_report.kind(), "record_missing", "{no_report}");
    s.ok(
        "sl",
        minutes(t0, 60),
        findings(FaultParty::Us, "投诉调查报告:促销价格未同步到收银系统"),
    );
    s.ok("dz", minutes(t0, 70), sign(SignedRecord::Findings));
    s.ok("x1", minutes(t0, 80), sign(SignedRecord::Findings));
    // The general manager has not read the report: no opinion yet.
    let unread = s
        .run("sl", minutes(t0, 90), opinion("补差价30元"))
        .unwrap_err();
    assert_eq!(
        unread.to_string(),
        "the findings record is not signed yet: propose_solution waits for general_manager (sign-off chain store_superior → admin_hr → general_manager)"
    );
    s.ok("g1", minutes(t0, 120), sign(SignedRecord::Findings));
    s.ok("sl", minutes(t0, 150), opinion("补差价30元"));
    // The superior reviews the opinion: he sends it back, the department forms
    // another, and his approval settles it; the general manager is not asked again.
    s.ok(
        "dz",
        minutes(t0, 160),
        CommandKind::SendBack {
            reason: "按行政人事部意见另加赠券".into(),
        },
    );
    s.ok(
        "sl",
        minutes(t0, 170),
        propose(
            vec![rem_amt(RemedyKind::Refund, "30"), rem(RemedyKind::Apology)],
            "补差价30元并致歉",
        ),
    );
    s.ok("dz", minutes(t0, 180), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
    let proposal = s.case().proposal.as_ref().unwrap();
    assert!(proposal.signed_off.is_empty(), "no chain on the opinion");
    assert_eq!(
        proposal.approved_by.as_ref().map(|x| x.as_str()),
        Some("dz")
    );
    assert_eq!(
        s.case().record_signatures.len(),
        3,
        "the report stays signed"
    );
}

/// Who answers for a late ruling and a late closure when the role that owns the
/// clock never acted on the case: 第七条「呈报上级主管裁定是否受理」 — the store that
/// received it answers for the ruling until the 上级主管 acts (assumed), and the 上级主管
/// who accepted it answers for the closure until 行政人事部 acts (assumed); before, both
/// breaches were charged to nobody. A case no superior ruled on is the store's for the
/// ruling and for the closure: the fallback owners are tried in order, the 上级主管 then
/// the store (ruling 44; with one fallback role its closure breach was unowned).
#[test]
fn s39_late_clocks_are_charged_when_the_owner_never_acted() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[("md", "万达店", None), ("xz", "行政人事部", None)],
        &[
            ("d1", "门店 店员 小鲁", "md", &["store"], Some("dz")),
            ("dz", "上级主管 施店长", "md", &["store_superior"], None),
            ("x1", "行政人事部 付专员", "xz", &["admin_hr"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let complaint = || {
        Complaint::builder(t0, Channel::Visit, "新买的保温杯不保温,要求换货")
            .complainant(person("顾客 容女士"))
            .category(cat("exchange"))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(p.clone(), roster.clone());
    s.register("d1", "KS-P", complaint()).unwrap();
    s.tick(beijing(2026, 3, 12, 9, 0));
    assert_eq!(
        breach_owners(&s),
        ["closure@1 → d1", "acceptance_ruling@1 → d1"]
    );
    let mut a = Scenario::new(p, roster);
    a.register("d1", "KS-Q", complaint()).unwrap();
    a.ok("dz", minutes(t0, 60), accept());
    a.tick(beijing(2026, 3, 12, 9, 0));
    assert_eq!(breach_owners(&a), ["closure@1 → dz"]);
}

/// 第二十六条「投诉处理期限:至接到投诉7天结案。」 sets the limit without exception, and
/// the source has no 延期: nobody may ask for an extension, so nothing pauses the seven
/// days, and a case not closed by then is late. (The old file let 行政人事部 ask for an
/// extension and the general manager approve it, which paused the closure clock: a case
/// closed on the tenth day was not late.)
#[test]
fn s39_the_seven_days_admit_no_extension() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[
            ("md", "万达店", None),
            ("xz", "行政人事部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("d1", "门店 店员 小鲁", "md", &["store"], Some("dz")),
            ("dz", "上级主管 施店长", "md", &["store_superior"], None),
            ("x1", "行政人事部 付专员", "xz", &["admin_hr"], None),
            ("g1", "总经理 龙总", "zjb", &["general_manager"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "新买的保温杯不保温,要求换货")
        .complainant(person("顾客 容女士"))
        .category(cat("exchange"))
        .build()
        .unwrap();
    let mut s = Scenario::new(p, roster);
    s.register("d1", "KS-X", c).unwrap();
    s.ok("dz", minutes(t0, 60), accept());
    s.ok("x1", minutes(t0, 120), note("供应商检测报告需十天"));
    let asked = s
        .run(
            "x1",
            minutes(t0, 130),
            CommandKind::RequestExtension {
                reason: "等待供应商检测报告".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert_eq!(asked.kind(), "not_permitted", "{asked}");
    // 7 days from Mon 2 March: the end of Mon 9 March.
    assert_eq!(due(&s, minutes(t0, 131), "closure"), "2026-03-10 00:00");
    s.tick(beijing(2026, 3, 10, 9, 0));
    assert_eq!(breach_owners(&s), ["closure@1 → x1"]);
}

/// 第九条「行政人事部在接到上述第一种情况的投诉记录卡时,要确定具体受理部门,指示受理部门调查。」
/// and 第十四条「返回营运部客服,由客服以书面或者口头形式答复客户。」: only 行政人事部
/// designates the 受理部门 (the store and its superior may not), and only 营运部客服
/// answers the customer (the 受理部门 returns its opinion to them).
#[test]
fn s39_admin_designates_and_customer_service_answers() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = wanda_accepted(
        ("KS-Y", t0, "新买的保温杯不保温,要求换货", "exchange"),
        &[],
        &[],
    );
    for actor in ["d1", "dz"] {
        let own = s
            .run(actor, minutes(t0, 90), assign("cp", "c1"))
            .unwrap_err();
        assert_eq!(own.kind(), "not_permitted", "{actor}: {own}");
    }
    s.ok("x1", minutes(t0, 120), assign("cp", "c1"));
    let direct = s
        .run("c1", minutes(t0, 130), reply("同意换货"))
        .unwrap_err();
    assert_eq!(direct.kind(), "not_permitted", "{direct}");
}

/// Eleventh audit: 第十三条「受理部门根据行政人事部意见,形成具体处理意见,报请上级主管审核。」
/// 第十四条「受理部门根据主管审核意见,返回营运部客服,由客服以书面或者口头形式答复客户。」:
/// 营运部客服 answers with the opinion the 上级主管 approved, and only then. The old
/// file let it reply from the acceptance on, so a case 行政人事部 had just sent to
/// the 受理部门 was answered before any 调查报告 or opinion existed, the chain of
/// 第九条~第十四条 passed over (this test fails there: the early reply was
/// recorded). Its `reply` is now granted in `approved` only.
#[test]
fn s39_customer_service_answers_with_the_approved_opinion_only() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[
            ("md", "门店", None),
            ("xz", "行政人事部", None),
            ("zjb", "总经办", None),
            ("yy", "营运部", None),
        ],
        &[
            ("d1", "店员", "md", &["store"], None),
            ("dz", "店长(上级主管)", "md", &["store_superior"], None),
            ("sl", "受理部门 商品专员", "md", &["handling_dept"], None),
            ("x1", "行政人事部 专员", "xz", &["admin_hr"], None),
            ("g1", "总经理", "zjb", &["general_manager"], None),
            ("k1", "营运部客服 小伍", "yy", &["ops_cs"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 5, 11, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "促销价未兑现,要求补差价")
        .complainant(person("顾客 潘先生"))
        .category(cat("price_reduction"))
        .build()
        .unwrap();
    s.register("d1", "KS-R", c).unwrap();
    s.ok("dz", minutes(t0, 20), accept());
    s.ok("x1", minutes(t0, 40), assign("md", "sl"));
    let early = s
        .run("k1", minutes(t0, 45), reply("同意补差价"))
        .unwrap_err();
    assert_eq!(early.kind(), "grant_condition_unmet", "{early}");
    s.ok("sl", minutes(t0, 50), CommandKind::StartInvestigation);
    s.ok(
        "sl",
        minutes(t0, 60),
        findings(FaultParty::Us, "投诉调查报告:促销价格未同步到收银系统"),
    );
    let unsigned = s
        .run("k1", minutes(t0, 65), reply("同意补差价"))
        .unwrap_err();
    assert_eq!(unsigned.kind(), "grant_condition_unmet", "{unsigned}");
    s.ok("dz", minutes(t0, 70), sign(SignedRecord::Findings));
    s.ok("x1", minutes(t0, 80), sign(SignedRecord::Findings));
    s.ok("g1", minutes(t0, 120), sign(SignedRecord::Findings));
    s.ok(
        "sl",
        minutes(t0, 150),
        propose(vec![rem_amt(RemedyKind::Refund, "30")], "补差价30元"),
    );
    s.ok("dz", minutes(t0, 180), CommandKind::Approve);
    s.ok("k1", minutes(t0, 200), reply("已按审核意见补差价30元"));
    assert_eq!(status(&s), Status::Replied);
    s.assert_replays();
}

/// Eleventh audit: 第十二条 gives the general manager the 批阅 of the 调查报告
/// (its last signature), and 第十三条「受理部门根据行政人事部意见,形成具体处理意见,报请上级主管
/// 审核」 gives the handling opinion to the 上级主管 alone. The old file let the
/// general manager send an opinion back, so he reviewed the opinion too and
/// overruled the one the clause makes its reviewer (this test fails there: his
/// send-back was recorded); he neither sends it back nor approves it now (his
/// `approve` was always refused, the approval naming the 上级主管 only).
#[test]
fn s39_the_general_manager_reads_the_report_not_the_opinion() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[
            ("md", "门店", None),
            ("xz", "行政人事部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("d1", "店员", "md", &["store"], None),
            ("dz", "店长(上级主管)", "md", &["store_superior"], None),
            ("sl", "受理部门 商品专员", "md", &["handling_dept"], None),
            ("x1", "行政人事部 专员", "xz", &["admin_hr"], None),
            ("g1", "总经理", "zjb", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let t0 = beijing(2026, 6, 1, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "买到临期奶粉,要求退货")
        .complainant(person("顾客 蓝女士"))
        .category(cat("return"))
        .build()
        .unwrap();
    s.register("d1", "KS-G", c).unwrap();
    s.ok("dz", minutes(t0, 20), accept());
    s.ok("x1", minutes(t0, 40), assign("md", "sl"));
    s.ok("sl", minutes(t0, 50), CommandKind::StartInvestigation);
    s.ok(
        "sl",
        minutes(t0, 60),
        findings(FaultParty::Us, "投诉调查报告:临期商品未按规定下架"),
    );
    s.ok("dz", minutes(t0, 70), sign(SignedRecord::Findings));
    s.ok("x1", minutes(t0, 80), sign(SignedRecord::Findings));
    s.ok("g1", minutes(t0, 120), sign(SignedRecord::Findings));
    s.ok(
        "sl",
        minutes(t0, 150),
        propose(vec![rem(RemedyKind::Return)], "办理退货"),
    );
    let back = s
        .run(
            "g1",
            minutes(t0, 160),
            CommandKind::SendBack {
                reason: "另加补偿".into(),
            },
        )
        .unwrap_err();
    assert_eq!(back.kind(), "not_permitted", "{back}");
    let approved = s
        .run("g1", minutes(t0, 165), CommandKind::Approve)
        .unwrap_err();
    assert_eq!(approved.kind(), "not_permitted", "{approved}");
    assert_eq!(status(&s), Status::AwaitingApproval);
    s.ok("dz", minutes(t0, 170), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
}

/// 第九条「行政人事部在接到上述第一种情况的投诉记录卡时,要确定具体受理部门,指示受理部门调查。」
/// and 第十一条「受理部门将调查情况汇总,填制“投诉调查报告”」: the 受理部门 行政人事部
/// designates investigates and reports, and only it. 行政人事部 names as 受理部门
/// one who may investigate — not the store, its superior or 营运部客服
/// (`hand_over_refused`) — and another 受理部门 neither investigates nor
/// reports on a case it was not given (`holds_case`). Nothing changes; the
/// designated 受理部门 investigates and reports, also after 行政人事部 has
/// brought the case to the general manager (`manual-gm`, a notice, no
/// take-over). Fails on the old file (行政人事部's assignment to the store was
/// recorded; without that check, 物流部's investigation was taken there).
/// Fifteenth audit, act probe.
#[test]
fn s39_only_the_designated_handling_department_investigates() {
    let t0 = beijing(2026, 6, 1, 10, 0);
    let mut s = wanda_accepted(
        ("KS-D", t0, "送货上门的冰箱外壳凹陷,要求换货", "exchange"),
        &[("wl", "物流部", None)],
        &[("w1", "物流部 严主管", "wl", &["handling_dept"], None)],
    );
    for (dept, who) in [("md", "d1"), ("md", "dz"), ("yy", "k1")] {
        let e = s.refused("x1", minutes(t0, 50), assign(dept, who));
        assert_eq!(e.kind(), "hand_over_refused", "{who}: {e}");
    }
    s.ok("x1", minutes(t0, 60), assign("cp", "c1"));
    let e = s.refused("w1", minutes(t0, 70), CommandKind::StartInvestigation);
    assert!(e.to_string().contains("holds_case"), "{e}");
    s.ok("c1", minutes(t0, 80), CommandKind::StartInvestigation);
    // Brought to the general manager (assumed), the case stays the 受理部门's.
    s.ok("x1", minutes(t0, 85), escalate("请总经理关注"));
    let e = s.refused(
        "w1",
        minutes(t0, 90),
        findings(FaultParty::Us, "投诉调查报告:配送途中搬运不当"),
    );
    assert!(e.to_string().contains("holds_case"), "{e}");
    s.ok(
        "c1",
        minutes(t0, 100),
        findings(FaultParty::Us, "投诉调查报告:配送途中搬运不当"),
    );
    s.assert_replays();
}

/// The source has no 非正常结案: 第十四条 has every case answered by 营运部客服
/// 「根据主管审核意见」 and 第二十六条 closed 「至接到投诉7天结案」. The general
/// manager's abnormal closure (assumed) ends only a case answered whose customer
/// stays unsatisfied (`close` needs a satisfied callback): refused as
/// `grant_condition_unmet` while the 受理部门 investigates, nothing changes, and
/// taken once 营运部客服 has answered. Fails on the old file, where he closed the
/// case under investigation. Second fifteenth-audit read.
#[test]
fn s39_the_general_manager_closes_abnormally_only_an_answered_case() {
    let t0 = beijing(2026, 6, 8, 10, 0); // Monday
    let mut s = wanda_accepted(
        ("KS-AB", t0, "洗衣机安装后漏水,要求赔偿地板", "damages"),
        &[("zjb", "总经办", None)],
        &[("g1", "总经理 龙总", "zjb", &["general_manager"], None)],
    );
    let closing = || CommandKind::CloseAbnormally {
        reason: "客户对处理结果仍不满意,总经理结案".to_owned(),
    };
    s.ok("x1", minutes(t0, 40), assign("cp", "c1"));
    s.ok("c1", minutes(t0, 50), CommandKind::StartInvestigation);
    let before = s.case().clone();
    let e = s.refused("g1", minutes(t0, 60), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    answered_with_the_approved_opinion(&mut s, t0);
    s.ok(
        "k1",
        beijing(2026, 6, 9, 10, 0),
        callback(Satisfaction::Unsatisfied, "客户要求更换整块地板"),
    );
    s.ok("g1", beijing(2026, 6, 10, 10, 0), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// On a damages case 商品部's 毕采购 (`c1`) investigates: his 调查报告 (+90 min)
/// read by 商品部's 主管 (`cz`), 行政人事部 and the general manager (`g1`), his
/// opinion of 300 元 approved by that 主管 (+170 min), and 营运部客服 answers with it
/// (+200 min).
fn answered_with_the_approved_opinion(s: &mut Scenario, t0: DateTime<Utc>) {
    s.ok(
        "c1",
        minutes(t0, 90),
        findings(FaultParty::Us, "投诉调查报告:安装工未接好排水管"),
    );
    s.ok("cz", minutes(t0, 100), sign(SignedRecord::Findings));
    s.ok("x1", minutes(t0, 110), sign(SignedRecord::Findings));
    s.ok("g1", minutes(t0, 120), sign(SignedRecord::Findings));
    s.ok(
        "c1",
        minutes(t0, 150),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "300")],
            "赔偿地板300元",
        ),
    );
    s.ok("cz", minutes(t0, 170), CommandKind::Approve);
    s.ok("k1", minutes(t0, 200), reply("已按审核意见赔偿300元"));
}

/// The source has no 回访: 第十四条「由客服以书面或者口头形式答复客户」 is the last step of a
/// case's handling and 第二十六条「至接到投诉7天结案」 closes it. 营运部客服 closes a case
/// on its answer (`[closure] callback = "none"`, ruling 92: 答复结案); the file
/// needed a satisfied callback, so a case whose customer was not called back
/// stayed open and the seven days breached to 行政人事部. Fails on the old file,
/// where the closure after the answer was refused. Second fifteenth-audit read.
#[test]
fn s39_customer_service_closes_on_its_answer() {
    let t0 = beijing(2026, 6, 8, 10, 0); // Monday
    let mut s = wanda_accepted(
        ("KS-CL", t0, "洗衣机安装后漏水,要求赔偿地板", "damages"),
        &[("zjb", "总经办", None)],
        &[("g1", "总经理 龙总", "zjb", &["general_manager"], None)],
    );
    s.ok("x1", minutes(t0, 40), assign("cp", "c1"));
    s.ok("c1", minutes(t0, 50), CommandKind::StartInvestigation);
    answered_with_the_approved_opinion(&mut s, t0);
    s.ok("k1", minutes(t0, 210), close());
    assert_eq!(closure_kind(&s), "OnReply");
    s.tick(beijing(2026, 6, 16, 10, 0));
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
}

/// 第七条「各门店接到投诉后,应确认其投诉理由是否成立,呈报上级主管裁定是否受理」: the
/// 上级主管 rules on a complaint his own store received (`holds_case = "received"`,
/// ruling 151); another store's superior neither accepts, turns away nor
/// classifies it. The old file let 万达店's superior accept 万象城店's complaint.
#[test]
fn s39_a_superior_rules_only_on_his_stores_complaint() {
    let t0 = beijing(2026, 5, 6, 15, 0);
    let mut s = wanxiang_received("KS-R", t0);
    refused_not_holding(&mut s, "dz", minutes(t0, 10), accept());
    s.ok("wz", minutes(t0, 20), accept());
    s.assert_replays();
}

/// 万达店 and 万象城店, each a clerk and her 上级主管: complaint `id`, received by
/// 万象城店's clerk (`w1`, its first responder) at `t0`.
fn wanxiang_received(id: &str, t0: DateTime<Utc>) -> Scenario {
    let roster = roster(
        &[("md", "万达店", None), ("wx", "万象城店", None)],
        &[
            ("d1", "万达店 店员 小鲁", "md", &["store"], Some("dz")),
            (
                "dz",
                "万达店 上级主管 施店长",
                "md",
                &["store_superior"],
                None,
            ),
            ("w1", "万象城店 店员 小计", "wx", &["store"], Some("wz")),
            (
                "wz",
                "万象城店 上级主管 姬店长",
                "wx",
                &["store_superior"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("retail-chain-s39.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "新买的电饭煲内胆涂层脱落,要求换货")
        .complainant(person("顾客 庞先生"))
        .category(cat("exchange"))
        .first_responder(sid("w1"))
        .build()
        .unwrap();
    s.register("w1", id, c).unwrap();
    s
}

/// Twentieth audit: 第七条「各门店接到投诉后,应确认其投诉理由是否成立,呈报上级主管裁定是否
/// 受理」: the ruling owed, and the seven days until 行政人事部 acts, are the 上级主管's of
/// the store that received the complaint (`role_holding_case`, ruling 161), never
/// another store's for a note he put on it; with its own 主管 not yet on the case,
/// the store that received it answers (ruling 79's exception). Fails on the old file,
/// which charged both breaches to 万达店's 主管 for his note on 万象城店's complaint.
#[test]
fn s39_another_stores_superior_does_not_answer_for_a_note() {
    let t0 = beijing(2026, 5, 6, 15, 0);
    let mut s = wanxiang_received("KS-N", t0);
    s.ok("dz", minutes(t0, 10), note("顾客曾在本店咨询过同款"));
    s.tick(beijing(2026, 5, 15, 9, 0));
    assert_eq!(
        breach_owners(&s),
        ["closure@1 → w1", "acceptance_ruling@1 → w1"]
    );
}

/// Twentieth audit: 第十一条「受理部门将调查情况汇总,填制“投诉调查报告”,随同原投诉书一同
/// 交主管审核后,交行政人事部」 and 第十三条「受理部门根据行政人事部意见,形成具体处理意见,报请
/// 上级主管审核」: the 受理部门 takes its report and its opinion to its own 主管. The 主管
/// of a store beside 商品部 — 万象城店's, and 万达店's, who ruled on the acceptance
/// (第七条) — neither signs 商品部's 调查报告 nor approves its opinion
/// (`holds_case = "in_line"`, ruling 149); 商品部's 主管 does both. Fails on the old
/// file (万象城店's superior's signature was recorded).
#[test]
fn s39_the_handling_departments_superior_signs_and_approves() {
    let t0 = beijing(2026, 6, 8, 10, 0); // Monday
    let mut s = wanda_accepted(
        ("KS-ZG", t0, "洗衣机安装后漏水,要求赔偿地板", "damages"),
        &[("zjb", "总经办", None), ("wx", "万象城店", None)],
        &[
            ("g1", "总经理 龙总", "zjb", &["general_manager"], None),
            (
                "wz",
                "万象城店 上级主管 姬店长",
                "wx",
                &["store_superior"],
                None,
            ),
        ],
    );
    s.ok("x1", minutes(t0, 40), assign("cp", "c1"));
    s.ok("c1", minutes(t0, 50), CommandKind::StartInvestigation);
    s.ok(
        "c1",
        minutes(t0, 90),
        findings(FaultParty::Us, "投诉调查报告:安装工未接好排水管"),
    );
    for other in ["wz", "dz"] {
        refused_not_holding(&mut s, other, minutes(t0, 95), sign(SignedRecord::Findings));
    }
    s.ok("cz", minutes(t0, 100), sign(SignedRecord::Findings));
    s.ok("x1", minutes(t0, 110), sign(SignedRecord::Findings));
    s.ok("g1", minutes(t0, 120), sign(SignedRecord::Findings));
    s.ok(
        "c1",
        minutes(t0, 150),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "300")],
            "赔偿地板300元",
        ),
    );
    let version = s.case().version;
    for other in ["wz", "dz"] {
        refused_not_holding(&mut s, other, minutes(t0, 160), CommandKind::Approve);
    }
    assert_eq!(s.case().version, version, "refused: nothing changed");
    s.ok("cz", minutes(t0, 170), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
    s.assert_replays();
}

/// 华东区 (its 上级主管 `qz`) over 万达店 (a clerk `d1`), and 万象城店 beside it (its
/// 上级主管 `wz`): complaint `id`, received by 万达店's clerk (its first responder)
/// at `t0`.
fn region_store_received(id: &str, t0: DateTime<Utc>) -> Scenario {
    let roster = roster(
        &[
            ("hd", "华东区", None),
            ("md", "万达店", Some("hd")),
            ("wx", "万象城店", None),
        ],
        &[
            ("d1", "万达店 店员 小鲁", "md", &["store"], Some("qz")),
            (
                "qz",
                "华东区 上级主管 区域经理",
                "hd",
                &["store_superior"],
                None,
            ),
            (
                "wz",
                "万象城店 上级主管 姬店长",
                "wx",
                &["store_superior"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("retail-chain-s39.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "新买的微波炉不加热,要求退货")
        .complainant(person("顾客 邹女士"))
        .category(cat("return"))
        .first_responder(sid("d1"))
        .build()
        .unwrap();
    s.register("d1", id, c).unwrap();
    s
}

/// Twenty-second session, language (ruling 170): 第七条「各门店接到投诉后,应确认其投诉
/// 理由是否成立,呈报上级主管裁定是否受理」 — the store's 上级主管 may sit in the department
/// above it (华东区 over 万达店). Under `holds_case = "received"` only the receiving
/// store and those under it held the complaint, so the region's 主管 was refused the
/// ruling on his own store's complaint (fails on the old file); now
/// `"received_in_line"`: 万达店's line, above it too, and still not 万象城店's 主管
/// beside it.
#[test]
fn s39_a_superior_above_the_store_rules_on_its_complaint() {
    let t0 = beijing(2026, 6, 9, 10, 0); // Tuesday
    let mut s = region_store_received("KS-Q", t0);
    refused_not_holding(&mut s, "wz", minutes(t0, 10), accept());
    s.ok("qz", minutes(t0, 20), accept());
    s.assert_replays();
}

/// Twenty-second session, language (ruling 170): 第七条「…呈报上级主管裁定是否受理」 —
/// the ruling owed is the 上级主管's over the store that received the complaint, in
/// its department or the one above it
/// (`role_holding_case = { role = "store_superior", holds = "received_in_line" }`).
/// The region's 主管, who put a note on 万达店's complaint and did not rule, is
/// charged with the late ruling; the old file (`"received"`) passed over him to the
/// clerk (fails on it: `acceptance_ruling@1 → d1`). 万象城店's 主管, beside it, is
/// never charged for his note.
#[test]
fn s39_the_ruling_owed_is_the_superiors_above_the_store() {
    let t0 = beijing(2026, 6, 9, 10, 0); // Tuesday
    let mut s = region_store_received("KS-QN", t0);
    s.ok("wz", minutes(t0, 5), note("本店也卖过同款"));
    s.ok("qz", minutes(t0, 10), note("区域经理已知悉"));
    s.tick(beijing(2026, 6, 12, 9, 0));
    assert_eq!(breach_owners(&s), ["acceptance_ruling@1 → qz"]);
}
