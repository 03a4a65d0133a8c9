use super::*;

// ---------------------------------------------------------------------------
// S39 — 客户投诉案件处理办法 (零售连锁)
// ---------------------------------------------------------------------------

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
    s.ok(
        "c1",
        beijing(2025, 9, 30, 10, 30),
        propose(
            vec![rem_amt(RemedyKind::Refund, "399")],
            "同意退货退款399元,向供应商索赔",
        ),
    );
    // 第十一条「交主管审核后,交行政人事部」, 第十二条「经整理审核附具体意见后,呈报总经理
    // 批阅」, 第十三条「报请上级主管审核」: the superior signs, then 行政人事部, then the
    // general manager, and the superior approves.
    let out_of_turn = s
        .run("x1", beijing(2025, 9, 30, 11, 0), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&out_of_turn, Rejection::SignOffOutOfOrder { next, signed: 0, .. } if next.as_str() == "store_superior"),
        "{out_of_turn}"
    );
    assert_eq!(
        out_of_turn.to_string(),
        "x1 may not sign or approve now: the proposal needs store_superior next (sign-off chain store_superior → admin_hr → general_manager → store_superior (approval); 0 signed)"
    );
    s.ok("dz", beijing(2025, 9, 30, 12, 0), CommandKind::Approve);
    assert_eq!(
        status(&s),
        Status::AwaitingApproval,
        "one sign-off is not the approval"
    );
    // The general manager may not skip 行政人事部's review.
    let skipped = s
        .run("g1", beijing(2025, 9, 30, 12, 30), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&skipped, Rejection::SignOffOutOfOrder { next, signed: 1, .. } if next.as_str() == "admin_hr"),
        "{skipped}"
    );
    s.ok("x1", beijing(2025, 9, 30, 14, 0), CommandKind::Approve);
    s.ok("g1", beijing(2025, 9, 30, 16, 0), CommandKind::Approve);
    s.ok("dz", beijing(2025, 9, 30, 17, 0), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
    let signed: Vec<_> = s
        .case()
        .proposal
        .as_ref()
        .unwrap()
        .signed_off
        .iter()
        .map(|x| format!("{} {}", x.role, x.by))
        .collect();
    assert_eq!(
        signed,
        ["store_superior dz", "admin_hr x1", "general_manager g1"]
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

/// The sign-off chain keeps segregation of duties: nobody signs twice, and a
/// superior who also proposed may not sign their own proposal.
#[test]
fn s39_nobody_signs_twice_or_their_own_proposal() {
    let p = policy("retail-chain-s39.toml");
    let roster = roster(
        &[("md", "门店", None), ("xz", "行政人事部", None)],
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
        minutes(t0, 90),
        propose(vec![rem(RemedyKind::Replacement)], "再次换货"),
    );
    // The proposer holds the superior's role but may not sign their own proposal.
    let own = s
        .run("dz", minutes(t0, 95), CommandKind::Approve)
        .unwrap_err();
    assert_eq!(own.kind(), "self_approval", "{own}");
    // x1 signs as superior, and may not sign again as 行政人事部.
    s.ok("x1", minutes(t0, 100), CommandKind::Approve);
    let twice = s
        .run("x1", minutes(t0, 110), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&twice, Rejection::AlreadySignedOff { role, .. } if role.as_str() == "store_superior"),
        "{twice}"
    );
    // A sent-back proposal starts its chain again.
    s.ok(
        "zz",
        minutes(t0, 120),
        CommandKind::SendBack {
            reason: "补充照片".into(),
        },
    );
    s.ok(
        "dz",
        minutes(t0, 150),
        propose(vec![rem(RemedyKind::Replacement)], "再次换货(附照片)"),
    );
    assert!(s.case().proposal.as_ref().unwrap().signed_off.is_empty());
    s.ok("zz", minutes(t0, 160), CommandKind::Approve);
    assert_eq!(s.case().proposal.as_ref().unwrap().signed_off.len(), 1);
}

/// 第十一条「交主管审核后,交行政人事部」 and 第十三条「受理部门根据行政人事部意见,形成具体
/// 处理意见,报请上级主管审核」: the one 上级主管 of a store reviews the report before
/// 行政人事部 and the handling opinion after the general manager's 批阅 (ruling 43). He may
/// not sign twice in a row, nor may one person holding two roles fill two of their
/// positions. (The file had the general manager approve last: the superior's second
/// review never happened.)
#[test]
fn s39_the_superior_reviews_before_admin_and_after_the_gm() {
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
            (
                "g1",
                "总经理(兼任区域主管)",
                "zjb",
                &["general_manager", "store_superior"],
                None,
            ),
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
    s.ok(
        "sl",
        minutes(t0, 90),
        propose(vec![rem_amt(RemedyKind::Refund, "30")], "补差价30元"),
    );
    s.ok("dz", minutes(t0, 100), CommandKind::Approve);
    // Not twice in a row: after his own signature it is 行政人事部's turn.
    let again = s
        .run("dz", minutes(t0, 105), CommandKind::Approve)
        .unwrap_err();
    assert_eq!(again.kind(), "already_signed_off", "{again}");
    s.ok("x1", minutes(t0, 120), CommandKind::Approve);
    s.ok("g1", minutes(t0, 150), CommandKind::Approve);
    // The general manager's 批阅 is not the end: the superior reviews the opinion.
    assert_eq!(status(&s), Status::AwaitingApproval);
    // g1 also holds the superior's role, but signed last, as general manager.
    let gm_again = s
        .run("g1", minutes(t0, 155), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&gm_again, Rejection::AlreadySignedOff { role, .. } if role.as_str() == "general_manager"),
        "{gm_again}"
    );
    // The store's one superior approves at his second position.
    s.ok("dz", minutes(t0, 180), CommandKind::Approve);
    assert_eq!(status(&s), Status::Approved);
    assert_eq!(
        s.case()
            .proposal
            .as_ref()
            .unwrap()
            .approved_by
            .as_ref()
            .map(|x| x.as_str()),
        Some("dz")
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
