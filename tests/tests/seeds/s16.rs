use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S16 — law firm: recusal of the lawyer complained about, the partners'
// meeting for a major complaint, a confidential case.
// ---------------------------------------------------------------------------
#[test]
fn s16_law_firm_recusal_and_partners_meeting() {
    let p = policy("law-firm-s16.toml");
    let roster = roster(
        &[
            ("front", "总台", None),
            ("office", "投诉办公室", None),
            ("lit", "诉讼部", None),
            ("partners", "合伙人会议", None),
            ("admin", "行政部", None),
        ],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("zm", "专门负责人", "office", &["complaint_officer"], None),
            ("lw", "承办律师", "lit", &["lawyer", "partner"], Some("p1")),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("pm", "合伙人会议", "partners", &["partners_meeting"], None),
            ("ad", "行政人员", "admin", &["admin_staff"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 4, 3, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "委托的买卖合同纠纷案，承办律师错过举证期限致关键证据未被采纳，一审败诉；要求退还代理费3万元",
    )
    .complainant(person("委托人吴先生").with_phone("13900002026"))
    .respondent(Respondent::staff(sid("lw")))
    .category(cat("legal_service"))
    .fact(fact("principled_or_major"), FactValue::Bool(true))
    .request(remedy(RemedyKind::Refund, Some("30000"), "退还代理费"))
    .flags(ComplaintFlags {
        confidential: true,
        ..ComplaintFlags::default()
    })
    .build()
    .unwrap();
    s.register("ft", "S16-1", c).unwrap();
    assert_eq!(level_of(&s), "major");
    s.ok("zm", minutes(t0, 30), accept());
    // 专门负责人's written opinion within 2 working days: 清明 4–6 April → 8 April.
    assert!(
        due_all(&s, minutes(t0, 31)).contains(&"written_opinion → 2026-04-09 00:00".to_owned())
    );
    // 「被投诉人应当回避。」
    let refused = s.run(
        "zm",
        beijing(2026, 4, 7, 10, 0),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("lit"),
                handler: Some(sid("lw")),
                co_handling: vec![],
            },
        },
    );
    assert!(
        matches!(refused, Err(Rejection::Recused { .. })),
        "{refused:?}"
    );
    s.ok(
        "zm",
        beijing(2026, 4, 7, 10, 5),
        assign_with("lit", "p1", &[]),
    );
    s.ok("p1", beijing(2026, 4, 7, 14, 0), investigate());
    s.ok(
        "p1",
        beijing(2026, 4, 8, 9, 0),
        escalate("涉及原则性问题，提交合伙人会议讨论，并确定是否向律师协会通报"),
    );
    s.ok(
        "p1",
        beijing(2026, 4, 10, 16, 0),
        findings_of(
            FaultParty::Us,
            &[("lw", "1")],
            "经核实投诉属实：举证通知书送达后未按期提交证据清单",
        ),
    );
    s.ok(
        "p1",
        beijing(2026, 4, 13, 10, 0),
        propose(
            vec![
                remedy(RemedyKind::Refund, Some("15000"), "退还一半代理费"),
                remedy(
                    RemedyKind::Apology,
                    None,
                    "书面致歉；二审由其他律师免费代理",
                ),
            ],
            "合伙人会议讨论方案",
        ),
    );
    s.ok("pm", beijing(2026, 4, 14, 17, 0), approve());
    s.ok(
        "zm",
        beijing(2026, 4, 15, 10, 0),
        reply("书面回复：退还代理费15000元，二审由其他律师免费代理"),
    );
    s.ok(
        "zm",
        beijing(2026, 4, 17, 10, 0),
        callback(
            Satisfaction::Satisfied,
            "投诉人满意；被投诉律师对处理意见无异议",
        ),
    );
    s.ok("zm", beijing(2026, 4, 17, 11, 0), close());
    s.ok(
        "ad",
        beijing(2026, 4, 17, 15, 0),
        note("全部材料归档，编入2026年度案宗"),
    );
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
    insta::assert_snapshot!("s16_law_firm", timeline(&s.events));
}

/// 一(一) 「电话或上门的投诉和意见反馈由总台接待并转专门负责人受理」: the desk
/// receives and passes on; only the 专门负责人 (or, for written ones, the
/// 行政总台) accepts.
#[test]
fn s16_front_desk_passes_on_and_the_officer_accepts() {
    let roster = roster(
        &[("front", "总台", None)],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("zm", "专门负责人", "front", &["complaint_officer"], None),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2025, 6, 9, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "上门投诉律师未按时出庭")
        .build()
        .unwrap();
    s.register("ft", "LS-1", c).unwrap();
    let err = s.run("ft", minutes(t0, 5), accept()).unwrap_err();
    assert!(matches!(err, Rejection::NotPermitted { .. }), "{err}");
    s.ok("zm", minutes(t0, 30), accept());
    assert_eq!(status(&s), Status::Accepted);
}

/// 一(二) 「书面的投诉和意见反馈由行政总台负责受理」: the 行政总台 registers and accepts a
/// letter; a 一般 complaint (not referred, not 原则性或重大) is handed, when the
/// partner in charge is away, to 「主任或其他合伙人」 by the 专门负责人 (a hand-over,
/// no escalation step; twelfth audit of the named seeds); the meeting's step is
/// for major cases only. 二(三) 「处理人员应当对相关事情及材料的
/// 真实性进行调查」: untrue → invalid.
#[test]
fn s16_written_complaint_at_the_admin_desk_and_another_partner() {
    let p = policy("law-firm-s16.toml");
    let roster = roster(
        &[("admin", "行政部", None), ("lit", "诉讼部", None)],
        &[
            ("xz", "行政总台 文员", "admin", &["admin_front_desk"], None),
            ("zm", "专门负责人", "admin", &["complaint_officer"], None),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("zr", "主任", "lit", &["partner"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Letter,
        "来信反映承办律师未按约定时间提交代理词",
    )
    .complainant(person("委托人 冯先生"))
    .category(cat("legal_service"))
    .build()
    .unwrap();
    s.register("xz", "LS-7", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("xz", minutes(t0, 30), accept());
    assert!(matches!(
        s.run("xz", minutes(t0, 35), assign("lit", "p1")),
        Err(Rejection::NotPermitted { .. })
    ));
    s.ok("zm", minutes(t0, 40), assign("lit", "p1"));
    // The partner away, the 专门负责人 hands the case to the director (二(二)).
    s.ok(
        "zm",
        minutes(t0, 60),
        transfer("lit", "zr", "业务分管合伙人出差,转主任处理"),
    );
    assert!(steps_notified(&s).is_empty(), "{:?}", steps_notified(&s));

    let untrue = about(t0, "conduct", "反映律师收取案外费用")
        .fact(fact("complaint_untrue"), yes())
        .build()
        .unwrap();
    assert_eq!(
        judged(&p, &untrue),
        ("invalid".into(), Some("untrue".into()))
    );
}

/// 一(一) 「电话或上门的投诉和意见反馈由总台接待并转专门负责人受理」: the 总台 passes a
/// complaint on and owes nothing more; a written reply late before any handler
/// is assigned is the 专门负责人's, who accepted it. (The file charged the 总台.)
#[test]
fn a_late_written_reply_is_the_officers_not_the_front_desks() {
    let roster = roster(
        &[("front", "总台", None)],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("zm", "专门负责人", "front", &["complaint_officer"], None),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "ft",
        "LS-8",
        about(t0, "fees", "上门投诉律师费收取过高").build().unwrap(),
    )
    .unwrap();
    s.ok("zm", minutes(t0, 30), accept());
    // 15 working days from Monday 2 March: the end of Monday 23 March.
    assert_eq!(
        due(&s, minutes(t0, 31), "written_reply"),
        "2026-03-24 00:00"
    );
    s.tick(beijing(2026, 3, 24, 9, 0));
    let late: Vec<String> = breach_owners(&s)
        .into_iter()
        .filter(|b| b.starts_with("written_reply"))
        .collect();
    assert_eq!(late, ["written_reply@1 → zm"]);
}

/// 一(一)「由总台接待并转专门负责人受理」, 一(四)3「将相关材料及处理登记表按规定转给相关处理
/// 人员」: a complaint the desk received and no 专门负责人 ever accepted is the
/// desk's when the acceptance is late (the clock's `fallback_owner`) — before,
/// that breach was charged to nobody.
#[test]
fn s16_a_late_acceptance_no_officer_acted_on_is_the_front_desks() {
    let desk = ("ft", "总台接待", "front", "front_desk");
    let owner = late_acceptance_owner(desk, Channel::Visit, "上门投诉律师未按时出庭");
    assert_eq!(owner, Some(Some(sid("ft"))));
}

/// Who is charged for the acceptance of a complaint that `desk` (id, name,
/// department, role) registers by `channel` and nobody accepts within the
/// (assumed) working day.
fn late_acceptance_owner(
    desk: (&str, &str, &str, &str),
    channel: Channel,
    what: &str,
) -> Option<Option<StaffId>> {
    let (id, name, department, role) = desk;
    let roster = roster(
        &[(department, "前台", None)],
        &[(id, name, department, &[role], None)],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2025, 6, 9, 9, 0); // a Monday
    let c = Complaint::builder(t0, channel, what).build().unwrap();
    s.register(id, "LS-F", c).unwrap();
    let late = s.tick(beijing(2025, 6, 13, 9, 0));
    late.iter().find_map(|e| match &e.kind {
        EventKind::MilestoneBreached {
            milestone, owner, ..
        } if milestone.as_str() == "acceptance" => Some(owner.clone()),
        _ => None,
    })
}

/// 一(一)「由总台接待并转专门负责人受理」: a complaint the 总台 passed on is the
/// 专门负责人's acceptance though he has not acted on it yet — the roster's
/// holder (`holder`, ruling 75), not the 总台's, which may not accept. Fails
/// on the old file (the 总台 was charged).
#[test]
fn s16_a_late_acceptance_passed_on_is_the_officers() {
    let roster = roster(
        &[("front", "前台", None), ("zm", "投诉专门负责人", None)],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            (
                "of",
                "专门负责人 邹律师",
                "zm",
                &["complaint_officer"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2025, 6, 9, 9, 0); // a Monday
    let c = Complaint::builder(t0, Channel::Visit, "上门投诉律师未按时出庭")
        .build()
        .unwrap();
    s.register("ft", "LS-O", c).unwrap();
    s.tick(beijing(2025, 6, 13, 9, 0));
    assert!(
        breach_owners(&s).contains(&"acceptance@1 → of".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
}

/// 一(二)「书面的投诉和意见反馈由行政总台负责受理」, 二(二): a written complaint the
/// 行政总台 accepted is the 专门负责人's written opinion though he has not acted
/// on it yet — the roster's holder (`holder`, ruling 75), not the desk's, which
/// may not pass it to the partner. Fails on the old file (the desk was charged).
#[test]
fn s16_a_late_written_opinion_is_the_officers() {
    let roster = roster(
        &[("admin", "行政总台", None), ("zm", "投诉专门负责人", None)],
        &[
            ("ad", "行政总台", "admin", &["admin_front_desk"], None),
            (
                "of",
                "专门负责人 邹律师",
                "zm",
                &["complaint_officer"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2025, 6, 9, 9, 0); // a Monday
    let c = Complaint::builder(t0, Channel::Letter, "来函投诉律师收费不透明")
        .build()
        .unwrap();
    s.register("ad", "LS-W", c).unwrap();
    s.ok("ad", minutes(t0, 30), accept());
    s.tick(beijing(2025, 6, 13, 9, 0));
    assert!(
        breach_owners(&s).contains(&"written_opinion@1 → of".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
}

/// 一(二)「书面的投诉和意见反馈由行政总台负责受理」: a written complaint the 行政总台
/// registers and nobody accepts in time is the 行政总台's late acceptance — no
/// 专门负责人 and no 总台 acted on it. (The schema-1 file could name only the
/// 总台 as the fallback owner, so the breach was charged to nobody.)
#[test]
fn s16_a_late_written_acceptance_is_the_admin_desks() {
    let desk = ("ad", "行政总台", "admin", "admin_front_desk");
    let owner = late_acceptance_owner(desk, Channel::Letter, "来函投诉律师收费不透明");
    assert_eq!(owner, Some(Some(sid("ad"))));
}

/// 二(二)「再由业务分管合伙人处理…重大事项应由所务会议或合伙人会议讨论决定」: the
/// partner decides a complaint's handling whatever its amount, and a major one
/// is the meeting's whatever its amount (the approval rule by level). Fails on
/// the old file, where the amount decided (the partner up to 5,000 元, assumed):
/// the partner approved a major case's 3,000 元 and could not approve an
/// ordinary 20,000 元.
#[test]
fn s16_a_major_case_is_the_meetings_to_decide_whatever_its_amount() {
    let roster = roster(
        &[
            ("front", "总台", None),
            ("office", "投诉办公室", None),
            ("lit", "诉讼部", None),
            ("partners", "合伙人会议", None),
        ],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("zm", "专门负责人", "office", &["complaint_officer"], None),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("p2", "主任", "lit", &["partner"], None),
            ("pm", "合伙人会议", "partners", &["partners_meeting"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 10, 0); // a Monday
    let proposed = |no: &str, major: bool, amount: &str| {
        let mut s = Scenario::new(policy("law-firm-s16.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Visit, "代理费收取与约定不符")
            .category(cat("fees"))
            .fact(fact("principled_or_major"), FactValue::Bool(major))
            .build()
            .unwrap();
        s.register("ft", no, c).unwrap();
        s.ok("zm", minutes(t0, 30), accept());
        s.ok("zm", minutes(t0, 60), assign_with("lit", "p1", &[]));
        s.ok("p1", minutes(t0, 90), investigate());
        s.ok(
            "p1",
            minutes(t0, 120),
            findings(FaultParty::Us, "多收代理费属实"),
        );
        s.ok(
            "p1",
            minutes(t0, 150),
            propose(
                vec![remedy(RemedyKind::Refund, Some(amount), "退还多收代理费")],
                "退费",
            ),
        );
        s
    };
    // A major case: 3,000 元 is the meeting's, not a partner's.
    let mut major = proposed("S16-M", true, "3000");
    assert_eq!(level_of(&major), "major");
    let refused = major.run("p2", minutes(t0, 180), approve());
    assert!(
        matches!(&refused, Err(Rejection::OutOfAuthority { required_role, .. }) if required_role.as_str() == "partners_meeting"),
        "{refused:?}"
    );
    major.ok("pm", minutes(t0, 200), approve());
    // An ordinary case: 20,000 元 is the partner's.
    let mut general = proposed("S16-G", false, "20000");
    assert_eq!(level_of(&general), "general");
    general.ok("p2", minutes(t0, 180), approve());
}

/// The 制度 gives no 延期: 二(五)「应及时与投诉人或意见反馈人联系,明确告知处理的工作安排状况」
/// is the firm telling the complainant its arrangements (an agreed deadline),
/// not a pause of the (assumed) written reply. The file let the 专门负责人 ask
/// the partners' meeting for an extension that paused `written_reply`, with
/// `approval.extension` marked assumed and no clause. Fails on the old file
/// (the request was taken).
#[test]
fn s16_the_written_reply_is_not_extended() {
    let roster = roster(
        &[
            ("zm", "投诉专门负责人", None),
            ("partners", "合伙人会议", None),
        ],
        &[
            (
                "of",
                "专门负责人 邹律师",
                "zm",
                &["complaint_officer"],
                None,
            ),
            ("pm", "合伙人会议", "partners", &["partners_meeting"], None),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    s.register(
        "of",
        "LS-X",
        about(t0, "fees", "来电投诉律师费收取过高").build().unwrap(),
    )
    .unwrap();
    s.ok("of", minutes(t0, 30), accept());
    let asked = s
        .run(
            "of",
            beijing(2026, 3, 10, 9, 0),
            CommandKind::RequestExtension {
                reason: "需调取卷宗核实收费依据".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(matches!(asked, Rejection::NotPermitted { .. }), "{asked}");
    let decided = s
        .run(
            "pm",
            beijing(2026, 3, 10, 10, 0),
            CommandKind::ApproveExtension,
        )
        .unwrap_err();
    assert!(
        matches!(decided, Rejection::NotPermitted { .. }),
        "{decided}"
    );
    // 15 working days from Monday 2 March: the end of Monday 23 March.
    s.tick(beijing(2026, 3, 24, 9, 0));
    s.assert_replays();
    assert!(
        breach_list(&s).iter().any(|b| b == "written_reply@1"),
        "{:?}",
        breach_list(&s)
    );
}

/// 二(六)「处理人员应当签署明确处理意见,并将相关材料移交专门负责人,由专门负责人组织实施」
/// and (七)5「原则上要求采用书面形式回复意见」: the partner who handles a complaint
/// signs his opinion and hands it back; the written reply is the 专门负责人's
/// (only he may `reply`). The (assumed) 15 working days were the assignee's,
/// so a late reply was charged to the handling partner, who cannot make it
/// (ruling 79). Fails on the old file (charged to the partner).
#[test]
fn s16_a_late_written_reply_is_the_officers_not_the_handling_partners() {
    let roster = roster(
        &[("zm", "投诉专门负责人", None), ("lit", "诉讼部", None)],
        &[
            (
                "of",
                "专门负责人 邹律师",
                "zm",
                &["complaint_officer"],
                None,
            ),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    s.register(
        "of",
        "LS-P",
        about(t0, "legal_service", "来电投诉承办律师迟迟不提交代理意见")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("of", minutes(t0, 30), accept());
    s.ok("of", minutes(t0, 60), assign_with("lit", "p1", &[]));
    s.ok("p1", minutes(t0, 120), investigate());
    // 15 working days from Monday 2 March: the end of Monday 23 March.
    s.tick(beijing(2026, 3, 24, 9, 0));
    let late: Vec<String> = breach_owners(&s)
        .into_iter()
        .filter(|b| b.starts_with("written_reply"))
        .collect();
    assert_eq!(late, ["written_reply@1 → of"]);
}

/// Tenth audit: the source promises the client no date, and bids the receiver 「不得做任何承诺」 before the decision. A role held `set_agreed_deadline`, and a date it
/// promised ran on a clock the handler alone owned (no milestone stops on
/// `agreed_deadline_set`): promised before a handler was named, it lapsed
/// charged to nobody. No role may promise one now (fails on the old file).
#[test]
fn s16_no_role_promises_a_date_the_source_lacks() {
    let t0 = beijing(2026, 3, 3, 10, 0);
    no_role_promises_a_date(
        "law-firm-s16.toml",
        about(t0, "legal_service", "承办律师未及时告知开庭时间")
            .build()
            .unwrap(),
    );
}

/// 二(七)4「处理人员不得将投诉及处理事宜告知不相关人员」: every complaint is registered
/// confidential, though the registration did not ask for it — another 总台
/// receptionist and a lawyer of the firm, neither on the case, do not see it;
/// the 专门负责人, the partner and the 行政人员 who archive it (三(一)) do.
/// Fails on the old file, which left the flag to whoever registered the
/// complaint.
#[test]
fn s16_every_complaint_is_kept_from_those_not_concerned() {
    let roster = roster(
        &[("front", "总台", None), ("lit", "诉讼部", None)],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("ft2", "总台接待 乙", "front", &["front_desk"], None),
            ("zm", "专门负责人", "front", &["complaint_officer"], None),
            ("xr", "行政人员", "front", &["admin_staff"], None),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("l1", "律师", "lit", &["lawyer"], None),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2025, 6, 9, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "来电投诉律师未及时告知案件进展")
        .complainant(person("当事人 孙先生"))
        .build()
        .unwrap();
    assert!(!c.flags.confidential);
    s.register("ft", "LS-9", c).unwrap();
    assert!(s.case().complaint.flags.confidential);
    let ctx = s.rt.ctx(&s.roster, t0);
    for (who, sees) in [
        ("ft2", false),
        ("l1", false),
        ("zm", true),
        ("p1", true),
        ("xr", true),
    ] {
        assert_eq!(can_view(&sid(who), s.case(), &ctx), sees, "{who}");
    }
}

/// 二(二)「重大事项应由所务会议或合伙人会议讨论决定」, 二(四)「应召开所务会议或合伙人会议讨论
/// 处理方案,并确定是否向相关管理部门通报」: the meeting is the top of the 制度, and
/// its 通报 is a decision, not a step of the case. It held `escalate`, and
/// escalating a general complaint took the step `director-or-other-partner`,
/// notifying the partners below it. Refused now; the partner still takes his
/// steps. Fails on the old file (the meeting's escalation was taken).
#[test]
fn s16_the_meeting_has_no_step_above_it() {
    let roster = roster(
        &[
            ("front", "总台", None),
            ("office", "投诉办公室", None),
            ("lit", "诉讼部", None),
            ("partners", "合伙人会议", None),
        ],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("zm", "专门负责人", "office", &["complaint_officer"], None),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("pm", "合伙人会议", "partners", &["partners_meeting"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 10, 0); // a Monday
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "承办律师多次未按约定时间回复")
        .category(cat("conduct"))
        .build()
        .unwrap();
    s.register("ft", "S16-M", c).unwrap();
    s.ok("zm", minutes(t0, 30), accept());
    s.ok("zm", minutes(t0, 60), assign_with("lit", "p1", &[]));
    let refused = s
        .run("pm", minutes(t0, 90), escalate("会议讨论后通报"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    assert!(steps_notified(&s).is_empty(), "{:?}", steps_notified(&s));
    // A major complaint the partner still reports up to the meeting.
    s.ok(
        "p1",
        minutes(t0, 110),
        classify_as("major", "涉及原则性问题"),
    );
    s.ok(
        "p1",
        minutes(t0, 120),
        escalate("涉及原则性问题,提交合伙人会议"),
    );
    assert_eq!(
        steps_notified(&s),
        ["partners-meeting → partners_meeting ⇒ partners_meeting"]
    );
}

/// 二(二)「先由专门负责人出具书面意见,再由业务分管合伙人处理,如分管合伙人不在,则由主任或其他
/// 合伙人处理」: the hand-over to the director or another partner is the 专门负责人's
/// (一(四)3「将相关材料及处理登记表按规定转给相关处理人员」), not a step up. The file had
/// the step `director-or-other-partner`, which only a partner could take: the
/// partner on the case, who was there, escalated a general complaint to the
/// partners, himself among them. Refused now; a major one still goes to the
/// meeting. Fails on the old file (the partner's escalation was taken).
#[test]
fn s16_the_partner_does_not_report_a_case_to_the_partners() {
    let roster = roster(
        &[("office", "投诉办公室", None), ("lit", "诉讼部", None)],
        &[
            ("zm", "专门负责人", "office", &["complaint_officer"], None),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("p2", "主任", "lit", &["partner"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 10, 0); // a Monday
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let c = Complaint::builder(t0, Channel::Visit, "承办律师多次未按约定时间回复")
        .category(cat("conduct"))
        .build()
        .unwrap();
    s.register("zm", "S16-P", c).unwrap();
    s.ok("zm", minutes(t0, 30), accept());
    s.ok("zm", minutes(t0, 60), assign_with("lit", "p1", &[]));
    let refused = s
        .run("p1", minutes(t0, 90), escalate("请主任处理"))
        .unwrap_err();
    assert!(
        matches!(&refused, Rejection::NoEscalationStep { accepted, .. } if accepted.is_empty()),
        "{refused}"
    );
    assert!(steps_notified(&s).is_empty(), "{:?}", steps_notified(&s));
    // The 专门负责人 hands it to the director.
    s.ok(
        "zm",
        minutes(t0, 100),
        transfer("lit", "p2", "分管合伙人出差,转主任处理"),
    );
    assert!(steps_notified(&s).is_empty(), "{:?}", steps_notified(&s));
}

/// The 投诉办公室's 专门负责人 `zm`, 诉讼部's partners `p1` (in charge) and `p2` (主任),
/// and the 合伙人会议 `pm`; `zm` registers (at `t0`, a Monday) and accepts (+30 min) a
/// complaint about fees.
fn fees_complaint(id: &str) -> (Scenario, DateTime<Utc>) {
    let roster = roster(
        &[
            ("office", "投诉办公室", None),
            ("lit", "诉讼部", None),
            ("partners", "合伙人会议", None),
        ],
        &[
            ("zm", "专门负责人", "office", &["complaint_officer"], None),
            ("p1", "业务分管合伙人", "lit", &["partner"], None),
            ("p2", "主任", "lit", &["partner"], None),
            ("pm", "合伙人会议", "partners", &["partners_meeting"], None),
        ],
    );
    let t0 = beijing(2026, 5, 11, 10, 0); // a Monday
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    s.register(
        "zm",
        id,
        about(t0, "fees", "对律师费结算有异议").build().unwrap(),
    )
    .unwrap();
    s.ok("zm", minutes(t0, 30), accept());
    (s, t0)
}

/// 二(六)「由专门负责人组织实施」, 二(七)5「原则上要求采用书面形式回复意见」: the meeting's
/// assumed abnormal closure ends only an answered complaint. Before, it ended one the
/// 专门负责人 had just accepted, before any opinion or reply; refused now
/// (`grant_condition_unmet`), changing nothing; once answered, it may. Twenty-third
/// audit (act probe); fails on the old file (the closure was taken).
#[test]
fn s16_the_meeting_ends_abnormally_only_an_answered_complaint() {
    let (mut s, t0) = fees_complaint("S16-AB");
    let closing = || CommandKind::CloseAbnormally {
        reason: "合伙人会议决定结案".into(),
    };
    let before = (s.case().clone(), s.events.len());
    let refused = s.run("pm", minutes(t0, 40), closing()).unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
    s.ok("zm", minutes(t0, 60), assign_with("lit", "p1", &[]));
    s.ok("p1", minutes(t0, 120), investigate());
    s.ok(
        "p1",
        minutes(t0, 200),
        propose(vec![rem(RemedyKind::Apology)], "书面致歉"),
    );
    s.ok("p2", minutes(t0, 240), approve());
    s.ok("zm", minutes(t0, 300), reply("经核查,书面致歉"));
    s.ok("pm", minutes(t0, 400), closing());
    assert!(!status(&s).is_open());
    s.assert_replays();
}

/// 二(六)「处理人员应当签署明确处理意见,并将相关材料移交专门负责人,由专门负责人组织实施」,
/// 二(七)3「在作来源理决定前不得做任何承诺」: the 专门负责人's written reply carries the
/// opinion the partner signed; he may not reply before it. Fails on the old file
/// (the reply was accepted with the proposal still awaiting the partner).
#[test]
fn s16_the_reply_follows_the_partners_signed_opinion() {
    let (mut s, t0) = fees_complaint("S16-R");
    assert!(
        s.run("zm", minutes(t0, 40), reply("经研究,维持原结算"))
            .is_err()
    );
    s.ok("zm", minutes(t0, 60), assign_with("lit", "p1", &[]));
    s.ok("p1", minutes(t0, 120), investigate());
    s.ok(
        "p1",
        minutes(t0, 180),
        findings(FaultParty::Us, "结算清单漏列已退部分"),
    );
    s.ok(
        "p1",
        minutes(t0, 200),
        propose(vec![rem_amt(RemedyKind::Refund, "500")], "退还多收费用"),
    );
    assert!(
        s.run("zm", minutes(t0, 210), reply("退还多收费用500元"))
            .is_err(),
        "replied before the partner signed"
    );
    s.ok("p2", minutes(t0, 240), approve());
    s.ok("zm", minutes(t0, 300), reply("退还多收费用500元"));
}

/// 一(四)「接待受理人员的工作: 1、填写投诉或意见反馈处理登记表及台帐」: registering is the
/// work of those 一(一)–(三) name — the 总台 (passing a call or a visit on), the
/// 行政总台 (a written complaint) and the 专门负责人 (one the 司法行政机关 or 律师协会
/// send); a 律师 is none of them. The lawyer held `register`. Fails on the
/// old file (the lawyer's registration was taken).
#[test]
fn s16_a_lawyer_does_not_register_a_complaint() {
    let roster = roster(
        &[("front", "总台", None), ("lit", "诉讼部", None)],
        &[
            ("ft", "总台接待", "front", &["front_desk"], None),
            ("l1", "律师", "lit", &["lawyer"], None),
        ],
    );
    let mut s = Scenario::new(policy("law-firm-s16.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = || {
        Complaint::builder(t0, Channel::Visit, "当事人当面投诉承办律师未按时提交证据")
            .complainant(person("当事人 钱女士"))
            .build()
            .unwrap()
    };
    let refused = s.register("l1", "LS-L", c()).unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    s.register("ft", "LS-L", c()).unwrap();
}

/// The classification: 一(三)「司法行政机关、律师协会转来的投诉和意见反馈由专门负责人受理」
/// (assumed: such a referral is major), and 二(四)「涉及原则性问题或重大问题的投诉」,
/// the 专门负责人's judgement recorded as a fact; anything else is general.
#[test]
fn s16_what_makes_a_complaint_major() {
    let p = policy("law-firm-s16.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let by = |channel: Channel| {
        Complaint::builder(t0, channel, "律师收费不透明")
            .complainant(person("当事人 周先生"))
            .build()
            .unwrap()
    };
    assert_eq!(
        classified(&p, &by(Channel::Phone)),
        ("general".into(), None)
    );
    assert_eq!(
        classified(&p, &by(Channel::Referral)),
        ("major".into(), Some("referred-by-authority".into()))
    );
    let principled = Complaint::builder(t0, Channel::Phone, "律师泄露当事人隐私")
        .fact(fact("principled_or_major"), FactValue::Bool(true))
        .build()
        .unwrap();
    assert_eq!(
        classified(&p, &principled),
        ("major".into(), Some("principled".into()))
    );
}
