use super::*;
use chrono::{DateTime, Utc};
use tousu_policy::Policy;

/// A report recorded (`record_action` report_submitted), naming the clock it
/// ends: the result reported to the province and the dossier reported for
/// the head's signature are two reports.
fn reported(milestone: &str, note: &str) -> CommandKind {
    CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: Some(note.into()),
        milestone: Some(tousu_policy::MilestoneId::new(milestone).unwrap()),
    }
}

/// The Wuxi body (intake officer 陆科员, case officer 储工) and the province
/// (卞处长), with `more` departments: the cast of the hand-over tests.
fn wuxi_and_province(more: &[DeptRow<'_>]) -> Roster {
    let mut depts = vec![
        ("ts", "无锡市工程质量投诉处理机构", None),
        ("sj", "省工程质量投诉处理机构", None),
    ];
    depts.extend_from_slice(more);
    roster(
        &depts,
        &[
            ("sl", "受理 陆科员", "ts", &["intake_officer"], None),
            ("ba", "办案负责人 储工", "ts", &["case_officer"], None),
            ("sj1", "省机构 卞处长", "sj", &["provincial_body"], None),
        ],
    )
}

/// The Wuxi and Changzhou bodies (each an intake officer and a case officer,
/// Changzhou's also its head) and the province: the cast of the tests of a case between two bodies.
fn wuxi_changzhou_and_province() -> Roster {
    roster(
        &[
            ("wx", "无锡市工程质量投诉处理机构", None),
            ("cz", "常州市工程质量投诉处理机构", None),
            ("sj", "省工程质量投诉处理机构", None),
        ],
        &[
            ("sl", "受理 陆科员", "wx", &["intake_officer"], None),
            ("ba", "办案负责人 储工", "wx", &["case_officer"], None),
            ("czsl", "受理 常科员", "cz", &["intake_officer"], None),
            ("czba", "办案负责人 钱工", "cz", &["case_officer"], None),
            ("czfz", "机构负责人 常主任", "cz", &["body_head"], None),
            ("sj1", "省机构 卞处长", "sj", &["provincial_body"], None),
        ],
    )
}

/// The Wuxi body alone: intake officer 陆科员, case officer 储工 and its head
/// 秦主任, the cast of the closure tests.
fn wuxi_body() -> Roster {
    roster(
        &[("ts", "无锡市工程质量投诉处理机构", None)],
        &[
            ("sl", "受理 陆科员", "ts", &["intake_officer"], None),
            ("ba", "办案负责人 储工", "ts", &["case_officer"], None),
            ("fz", "机构负责人 秦主任", "ts", &["body_head"], None),
        ],
    )
}

/// A complaint in `category` that meets both grounds to be filed: a written
/// complaint with evidence, about civil rights infringed.
fn grounded(t0: DateTime<Utc>, category: &str, content: &str) -> ComplaintBuilder {
    about(t0, category, content)
        .fact(fact("complaint_letter_and_evidence"), yes())
        .fact(fact("civil_rights_infringed"), yes())
}

/// [`grounded`], built.
fn filed(t0: DateTime<Utc>, category: &str, content: &str) -> Complaint {
    grounded(t0, category, content).build().unwrap()
}

/// A complaint about completed works in warranty, registered by the
/// province and accepted (+30 min), among [`wuxi_and_province`].
fn province_accepted(p: &Policy, id: &str, t0: DateTime<Utc>, content: &str) -> Scenario {
    let mut s = Scenario::new(p.clone(), wuxi_and_province(&[]));
    s.register("sj1", id, filed(t0, "completed_in_warranty", content))
        .unwrap();
    s.ok("sj1", minutes(t0, 30), accept());
    s
}

/// [`province_accepted`], then passed down to the Wuxi body's case officer
/// (+40 min).
fn passed_down(p: &Policy, id: &str, t0: DateTime<Utc>, content: &str) -> Scenario {
    let mut s = province_accepted(p, id, t0, content);
    s.ok("sj1", minutes(t0, 40), assign("ts", "ba"));
    s
}

// ---------------------------------------------------------------------------
// S31 — 《江苏省建设工程质量投诉处理规定》摘要
// ---------------------------------------------------------------------------

#[test]
fn s31_jiangsu_filing_rules_and_signed_closure() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = roster(
        &[
            ("ts", "无锡市工程质量投诉处理机构", None),
            ("sj", "省工程质量投诉处理机构", None),
            ("fg", "市房管局", None),
        ],
        &[
            ("sl", "受理 陆科员", "ts", &["intake_officer"], None),
            ("ba", "办案负责人 储工", "ts", &["case_officer"], None),
            ("fz", "机构负责人 秦主任", "ts", &["body_head"], None),
            ("sj1", "省机构 卞处长", "sj", &["provincial_body"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2026, 3, 20, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Letter,
        "新购住宅承重墙出现贯通裂缝,危及居住安全,附检测报告和购房合同",
    )
    .complainant(person("施先生"))
    .category(cat("completed_in_warranty"))
    .flags(ComplaintFlags {
        injury_or_safety: true,
        ..ComplaintFlags::default()
    })
    .fact(fact("complaint_letter_and_evidence"), yes())
    .build()
    .unwrap();
    s.register("sl", "JS-1", c).unwrap();
    s.ok("sl", minutes(t0, 30), accept());
    // 60 calendar days (assumed) from 20 Mar 2026: Tue 19 May.
    assert_eq!(due(&s, minutes(t0, 30), "handling"), "2026-05-20 00:00");
    s.ok(
        "sl",
        minutes(t0, 40),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("ts"),
                handler: Some(sid("ba")),
                co_handling: vec![did("fg")],
            },
        },
    );
    s.ok(
        "ba",
        beijing(2026, 3, 23, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "ba",
        beijing(2026, 4, 10, 16, 0),
        findings(FaultParty::ThirdParty, "联合房管部门查实:砌体施工质量缺陷"),
    );
    s.ok(
        "ba",
        beijing(2026, 4, 10, 16, 30),
        propose(
            vec![rem(RemedyKind::Repair)],
            "责成开发商委托原施工单位加固处理",
        ),
    );
    s.ok("fz", beijing(2026, 4, 13, 9, 0), CommandKind::Approve);
    s.ok(
        "ba",
        beijing(2026, 4, 29, 10, 0),
        reply("加固完成并经检测合格"),
    );
    s.ok(
        "ba",
        beijing(2026, 4, 29, 15, 0),
        callback(Satisfaction::Satisfied, "投诉人确认"),
    );
    // 10 working days (assumed) from the reply to file the dossier: over May Day (1–5 May off,
    // Sat 9 May a make-up working day) the 10th is Fri 15 May.
    assert_eq!(
        due(&s, beijing(2026, 4, 29, 10, 0), "closure_signature"),
        "2026-05-16 00:00"
    );
    // 「报投诉处理机构负责人签字,予以结案」: the case officer may not close.
    assert!(
        s.run("ba", beijing(2026, 5, 8, 9, 0), CommandKind::Close)
            .is_err()
    );
    // He reports the dossier, and the head signs it and closes (he may not
    // close before the report: `s31_the_head_closes_only_a_reported_dossier`).
    s.ok(
        "ba",
        beijing(2026, 5, 8, 9, 10),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    s.ok("fz", beijing(2026, 5, 8, 9, 30), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s31_jiangsu_filing", timeline(&s.events));

    // 不予立案: anonymous; and a neighbours' dispute.
    for (id, c) in [
        (
            "JS-2",
            Complaint::builder(t0, Channel::Letter, "匿名反映某工地质量问题")
                .fact(fact("complaint_letter_and_evidence"), yes())
                .flags(ComplaintFlags {
                    injury_or_safety: true,
                    ..ComplaintFlags::default()
                })
                .build()
                .unwrap(),
        ),
        (
            "JS-3",
            Complaint::builder(t0, Channel::Visit, "邻居加建阳台挡光")
                .complainant(person("袁女士"))
                .fact(fact("dispute_type"), FactValue::Text("邻里居住纠纷".into()))
                .build()
                .unwrap(),
        ),
    ] {
        let mut r = Scenario::new(p.clone(), roster.clone());
        r.register("sl", id, c).unwrap();
        assert!(
            r.run("sl", minutes(t0, 1), accept()).is_err(),
            "{id} 不予立案"
        );
    }
}

/// 「对在建工程和质量保修期内的竣工工程,向投诉处理机构投诉」: a completed work
/// whose warranty has ended is not filed.
#[test]
fn a_completed_work_out_of_warranty_is_not_filed() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 6, 1, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "2012年竣工的住宅屋面渗漏")
        .complainant(person("业主 单先生"))
        .category(cat("completed_in_warranty"))
        .fact(fact("complaint_letter_and_evidence"), yes())
        .fact(fact("civil_rights_infringed"), yes())
        .fact(fact("warranty_ended"), yes())
        .build()
        .unwrap();
    let d = p.acceptance(&EvalInput::new(&c, t0));
    assert!(matches!(d.outcome, Acceptance::NotAccepted { .. }), "{d:?}");
    assert_eq!(
        d.rule_id.as_ref().map(ToString::to_string).as_deref(),
        Some("completed-out-of-warranty")
    );
}

/// 不予立案 and 按举报处理: each refusal names its rule.
#[test]
fn s31_each_ground_not_to_file() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 6, 1, 10, 0);
    let filed = || {
        Complaint::builder(t0, Channel::Visit, "新房墙体开裂")
            .complainant(person("业主 单先生"))
            .category(cat("completed_in_warranty"))
            .fact(fact("complaint_letter_and_evidence"), yes())
            .fact(fact("civil_rights_infringed"), yes())
    };
    let rule = |c: Complaint| {
        p.acceptance(&EvalInput::new(&c, t0))
            .rule_id
            .map(|r| r.to_string())
    };
    assert_eq!(rule(filed().build().unwrap()), None, "filed");
    assert_eq!(
        rule(
            filed()
                .flags(ComplaintFlags {
                    in_litigation: true,
                    ..ComplaintFlags::default()
                })
                .build()
                .unwrap()
        )
        .as_deref(),
        Some("in-judicial-process")
    );
    assert_eq!(
        rule(
            filed()
                .fact(fact("no_direct_interest"), yes())
                .build()
                .unwrap()
        )
        .as_deref(),
        Some("no-direct-interest")
    );
    assert_eq!(
        rule(
            Complaint::builder(t0, Channel::Visit, "口头反映, 没有投诉书")
                .complainant(person("业主"))
                .fact(fact("civil_rights_infringed"), yes())
                .build()
                .unwrap()
        )
        .as_deref(),
        Some("no-written-complaint-or-evidence")
    );
    assert_eq!(
        rule(
            Complaint::builder(t0, Channel::Visit, "外墙颜色不好看")
                .complainant(person("业主"))
                .fact(fact("complaint_letter_and_evidence"), yes())
                .build()
                .unwrap()
        )
        .as_deref(),
        Some("no-harm")
    );
}

/// 投诉 「应向被投诉工程所在地的工程质量投诉处理机构投诉」 and 处理 「省…其它投诉可以
/// 转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理」: the province takes in a
/// complaint about works in Wuxi and sends it to the Wuxi body, which handles
/// it. (The province could accept but neither assign nor — the case being
/// unassigned — transfer, so an accepted case could not leave it.) 「需要几个行政部门共同处理的,投诉处理机构要会同有关行政部门按照各自职责共同处理」:
/// the Wuxi body assigns its own case with the 房管局 co-handling.
#[test]
fn s31_the_province_transfers_down_and_joint_handling() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_and_province(&[("fg", "市房管局", None)]);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let filed = |content: &str| filed(t0, "completed_in_warranty", content);
    let mut s = passed_down(&p, "SJ-31", t0, "无锡某小区外墙保温层脱落");
    assert_eq!(s.case().assignment.as_ref().unwrap().lead, did("ts"));
    s.ok("ba", minutes(t0, 60), investigate());

    let mut j = Scenario::new(p, roster);
    j.register("sl", "WX-31", filed("住宅楼沉降开裂,涉及规划与房管"))
        .unwrap();
    j.ok("sl", minutes(t0, 10), accept());
    j.ok("sl", minutes(t0, 20), assign_with("ts", "ba", &["fg"]));
    let a = j.case().assignment.clone().unwrap();
    assert_eq!((a.lead, a.co_handling.len()), (did("ts"), 1));
}

/// The summary has no recusal rule; the file states the project's (ruling 18):
/// a case officer complained about does not investigate the complaint.
#[test]
fn s31_the_case_officer_complained_about_stands_aside() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    assert!(p.recusal.respondent && !p.recusal.is_implied());
    let roster = roster(
        &[("wx", "无锡市工程质量投诉处理机构", None)],
        &[
            ("sl", "受理人员", "wx", &["intake_officer"], None),
            ("ba", "办案负责人 甲", "wx", &["case_officer"], None),
            ("bb", "办案负责人 乙", "wx", &["case_officer"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 3, 2, 9, 0);
    let c = Complaint::builder(t0, Channel::Letter, "办案人员甲对楼体开裂久拖不查")
        .complainant(person("业主 钱先生"))
        .category(cat("completed_in_warranty"))
        .respondent(Respondent::staff(sid("ba")))
        .fact(fact("complaint_letter_and_evidence"), yes())
        .fact(fact("civil_rights_infringed"), yes())
        .build()
        .unwrap();
    s.register("sl", "JS-R", c).unwrap();
    s.ok("sl", minutes(t0, 30), accept());
    assert!(s.run("sl", minutes(t0, 40), assign("wx", "ba")).is_err());
    s.ok("sl", minutes(t0, 41), assign("wx", "bb"));
    assert!(s.run("ba", minutes(t0, 50), investigate()).is_err());
    s.ok("bb", minutes(t0, 51), investigate());
}

/// #9 处理「市、县(市)…接到省投诉处理机构转交办理的投诉后,应按规定处理,并把处理结果
/// 及时上报省工程质量投诉处理机构备案」: a case the province passes down owes the
/// province its result (60 days, assumed: 「及时」 has no value); one the local
/// body assigns itself owes nothing. Fails on the old file, which had no such
/// clock.
#[test]
fn s31_a_case_the_province_passes_down_reports_its_result() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_and_province(&[]);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let filed = |content: &str| filed(t0, "completed_in_warranty", content);
    // Passed down by the province: the report is owed, 60 days from the
    // hand-over (1 May 2026, Labour Day: the deadline rolls to the end of the
    // first working day after the holiday, 6 May); unreported, it breaches
    // and the case officer answers.
    let mut s = passed_down(&p, "SJ-31", t0, "无锡某小区外墙保温层脱落");
    assert_eq!(
        due(&s, minutes(t0, 40), "result_report_to_province"),
        "2026-05-07 00:00"
    );
    s.tick(beijing(2026, 5, 7, 0, 1));
    assert!(
        breach_owners(&s).contains(&"result_report_to_province@1 → ba".to_owned()),
        "{:?}",
        breach_owners(&s)
    );

    // Reported in time: the clock stops met.
    let mut r = passed_down(&p, "SJ-32", t0, "无锡某小区地下室渗水");
    r.ok("ba", minutes(t0, 60), investigate());
    r.ok(
        "ba",
        beijing(2026, 4, 10, 10, 0),
        reported(
            "result_report_to_province",
            "处理结果已上报省工程质量投诉处理机构备案",
        ),
    );
    let clock = r
        .case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "result_report_to_province")
        .unwrap();
    assert!(matches!(clock.state, ClockState::Stopped { met: true, .. }));
    r.assert_replays();

    // Filed and assigned locally: nothing is owed to the province.
    let mut l = Scenario::new(p, roster);
    l.register("sl", "WX-31", filed("住宅楼沉降开裂")).unwrap();
    l.ok("sl", minutes(t0, 10), accept());
    l.ok("sl", minutes(t0, 20), assign("ts", "ba"));
    assert!(
        l.deadlines(minutes(t0, 20))
            .iter()
            .all(|v| v.milestone.as_str() != "result_report_to_province")
    );
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理。」 The body that
/// received a complaint handles it: the summary lets the province send down what
/// it receives and has the city body report its result 备案, but sends no case up.
/// Neither the city body's head nor its case officer can hand the case to the
/// province, and the province cannot take it. (The file had a manual step,
/// unmarked and with no clause, that let the head hand the case over to the
/// province.)
#[test]
fn s31_the_body_that_received_the_complaint_keeps_it() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = roster(
        &[
            ("wx", "无锡市工程质量投诉处理机构", None),
            ("sj", "省工程质量投诉处理机构", None),
        ],
        &[
            ("sl", "受理 陆科员", "wx", &["intake_officer"], None),
            ("ba", "办案负责人 储工", "wx", &["case_officer"], Some("fz")),
            ("fz", "机构负责人 华主任", "wx", &["body_head"], None),
            ("sj1", "省机构 卞处长", "sj", &["provincial_body"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(p, roster);
    s.register(
        "sl",
        "WX-K",
        filed(t0, "in_construction", "在建住宅楼现浇板开裂"),
    )
    .unwrap();
    s.ok("sl", minutes(t0, 10), accept());
    s.ok("sl", minutes(t0, 20), assign("wx", "ba"));
    for who in ["fz", "ba", "sj1"] {
        assert!(
            s.run(who, minutes(t0, 30), escalate("请省机构处理"))
                .is_err(),
            "{who}"
        );
    }
    assert!(s.case().escalations.is_empty());
    assert_eq!(s.case().assignment.as_ref().unwrap().lead, did("wx"));
}

/// 处理「工程质量投诉案终结后,由办案负责人整理卷宗,并报投诉处理机构负责人签字,予以结案。」:
/// the case officer's clock (10 working days, assumed) ends when he has put
/// the dossier together and reported it for signature; the head's signature
/// is the head's. Before the seventh audit only the head's closure stopped
/// it, so a head who signed late made the case officer late (this test
/// fails on that file: the named report was refused). Unreported, it
/// breaches, charged to the case officer; an unnamed report is refused (two
/// reports of the file ask to be named).
#[test]
fn s31_the_case_officer_reports_the_dossier_and_the_head_signs() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_body();
    let t0 = beijing(2026, 9, 14, 10, 0);
    let ended = |id: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = grounded(t0, "completed_in_warranty", "住宅卫生间楼板渗漏至楼下")
            .complainant(person("业主 窦女士"))
            .build()
            .unwrap();
        s.register("sl", id, c).unwrap();
        s.ok("sl", minutes(t0, 10), accept());
        s.ok("sl", minutes(t0, 20), assign("ts", "ba"));
        s.ok("ba", minutes(t0, 30), investigate());
        s.ok(
            "ba",
            beijing(2026, 9, 25, 10, 0),
            reply("责成施工单位返修,已完成"),
        );
        s.ok(
            "ba",
            beijing(2026, 9, 25, 15, 0),
            callback(Satisfaction::Satisfied, "投诉人确认"),
        );
        s
    };
    // Fri 25 Sep 2026, the reply: 10 working days over National Day (1–7 Oct off, Sat
    // 10 Oct a make-up working day) end with Thu 15 Oct.
    let mut s = ended("WX-S1");
    assert_eq!(
        due(&s, beijing(2026, 9, 25, 10, 0), "closure_signature"),
        "2026-10-16 00:00"
    );
    let unnamed = s
        .run(
            "ba",
            beijing(2026, 9, 28, 9, 0),
            act(tousu_policy::CaseAction::ReportSubmitted, "卷宗已整理报签"),
        )
        .unwrap_err();
    assert_eq!(unnamed.kind(), "invalid_input", "{unnamed}");
    s.ok(
        "ba",
        beijing(2026, 9, 28, 9, 0),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    // The head signs after the case officer's ten days: the case officer was
    // in time, and nothing breaches.
    s.ok("fz", beijing(2026, 10, 20, 9, 0), close());
    assert_eq!(status(&s), Status::Closed);
    assert!(breach_owners(&s).is_empty(), "{:?}", breach_owners(&s));
    s.assert_replays();

    // Never reported: the case officer is late.
    let mut late = ended("WX-S2");
    late.tick(beijing(2026, 10, 16, 9, 0));
    assert_eq!(breach_owners(&late), ["closure_signature@1 → ba"]);
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理。省…其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理。」:
/// the province sends complaints down; a city or county body sends its case
/// to another such body (where the work is, 投诉「应向被投诉工程所在地的工程质量投诉处理机构投诉」),
/// never up to the province. The intake officer and the case officer hold
/// `transfer`, so it is where they send the case that is limited
/// (`hands_over_to`, ruling 78). On the file before it, the Wuxi body's
/// transfer up to the province was accepted: this test fails there.
#[test]
fn s31_a_city_body_does_not_send_its_case_up_to_the_province() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_changzhou_and_province();
    let t0 = beijing(2026, 3, 2, 10, 0);
    let filed = |content: &str| filed(t0, "in_construction", content);
    let mut s = Scenario::new(p.clone(), roster.clone());
    s.register("sl", "WX-UP", filed("常州某在建小区地下室渗水"))
        .unwrap();
    s.ok("sl", minutes(t0, 10), accept());
    s.ok("sl", minutes(t0, 20), assign("wx", "ba"));
    let before = (s.case().clone(), s.events.len());

    // Up to the province: refused, for the intake officer and the case
    // officer alike, whether the province is the lead or only the handler
    // named (who holds neither listed role); nothing changes.
    let up = s
        .run("sl", minutes(t0, 30), transfer("sj", "sj1", "请省机构处理"))
        .unwrap_err();
    assert_eq!(up.kind(), "hand_over_refused", "{up}");
    assert_eq!(
        up.to_string(),
        "sl may transfer a case only to a department where someone holds case_officer (hands_over_to of role intake_officer): the lead department sj has nobody who does"
    );
    let by_case_officer = s
        .run("ba", minutes(t0, 30), transfer("sj", "sj1", "请省机构处理"))
        .unwrap_err();
    assert_eq!(by_case_officer.kind(), "hand_over_refused");
    assert!(
        by_case_officer
            .to_string()
            .contains("(hands_over_to of role case_officer): the lead department sj"),
        "{by_case_officer}"
    );
    let handler_up = s
        .run("sl", minutes(t0, 30), transfer("wx", "sj1", "请省机构处理"))
        .unwrap_err();
    assert!(
        handler_up
            .to_string()
            .ends_with("the handler sj1 (of sj) holds none of them"),
        "{handler_up}"
    );
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));

    // To the body where the work is: Changzhou.
    s.ok(
        "sl",
        minutes(t0, 40),
        transfer("cz", "czba", "工程位于常州,转送所在地投诉处理机构"),
    );
    assert_eq!(s.case().assignment.as_ref().unwrap().lead, did("cz"));

    // The province sends its complaint down; one it passed to the wrong body
    // is that body's to send on (the province no longer holds it, ruling 121).
    let mut down = Scenario::new(p, roster);
    down.register("sj1", "SJ-DOWN", filed("无锡某在建住宅楼梁柱开裂"))
        .unwrap();
    down.ok("sj1", minutes(t0, 10), accept());
    down.ok("sj1", minutes(t0, 20), assign("wx", "ba"));
    down.ok(
        "ba",
        minutes(t0, 30),
        transfer("cz", "czba", "工程位于常州"),
    );
    assert_eq!(down.case().assignment.as_ref().unwrap().lead, did("cz"));
    down.assert_replays();
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理」: the body handles
/// through its 办案负责人 (#11 「由办案负责人整理卷宗」). The intake officer
/// registers, accepts and passes a complaint on, and may neither investigate
/// nor reply: named the handler, he would answer for the 60-day handling
/// limit he cannot meet (ruling 79). The old file's list named his role too
/// (to tell a body by), so he could be named handler, or name himself.
#[test]
fn s31_the_intake_officer_is_not_named_the_handler() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(p, wuxi_and_province(&[]));
    s.register(
        "sl",
        "WX-SELF",
        filed(t0, "in_construction", "无锡某在建小区外墙开裂"),
    )
    .unwrap();
    s.ok("sl", minutes(t0, 10), accept());
    let before = (s.case().clone(), s.events.len());

    let himself = s
        .run("sl", minutes(t0, 20), assign("ts", "sl"))
        .unwrap_err();
    assert_eq!(himself.kind(), "hand_over_refused", "{himself}");
    assert!(
        himself
            .to_string()
            .ends_with("the handler sl (of ts) holds none of them"),
        "{himself}"
    );
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));

    // The case officer is named, and handles.
    s.ok("sl", minutes(t0, 20), assign("ts", "ba"));
    s.ok("ba", minutes(t0, 30), investigate());
    s.assert_replays();
}

/// 处理「省工程质量投诉处理机构接到的投诉除直接立案处理的之外,其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理」:
/// a complaint the province received and accepted is the province's until it
/// passes it down. The old file charged a late handling clock before a handler
/// was assigned to the city body's intake officer alone, so a case the province
/// accepted and kept breached charged to nobody (this test fails on that file);
/// a case a city body received is still its intake officer's.
#[test]
fn s31_a_case_the_province_keeps_is_the_provinces_until_passed_down() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_and_province(&[]);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let filed = |content: &str| filed(t0, "completed_in_warranty", content);
    // Accepted by the province on Mon 2 Mar 2026 and kept: 60 days (assumed)
    // end on Fri 1 May, Labour Day, so the period runs to Wed 6 May.
    let mut s = province_accepted(&p, "SJ-41", t0, "无锡某小区外墙保温层脱落");
    assert_eq!(due(&s, minutes(t0, 30), "handling"), "2026-05-07 00:00");
    s.tick(beijing(2026, 5, 7, 0, 1));
    assert_eq!(breach_owners(&s), ["handling@1 → sj1"]);

    // Received by the city body and left unassigned: its intake officer's.
    let mut c = Scenario::new(p, roster);
    c.register("sl", "WX-41", filed("无锡某小区地下室渗水"))
        .unwrap();
    c.ok("sl", minutes(t0, 30), accept());
    c.tick(beijing(2026, 5, 7, 0, 1));
    assert_eq!(breach_owners(&c), ["handling@1 → sl"]);
}

/// 处理「省工程质量投诉处理机构接到的投诉除直接立案处理的之外,其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理」:
/// a case the province passes down to a city body without naming a handler
/// is that body's from the hand-over, though nobody there has acted on it yet:
/// its intake officer answers for the handling clock and for the result owed
/// to the province (the holder of the role in the lead department, ruling
/// 75). The old file charged the handling breach to the province's staff
/// member, who had passed the case on, and the result report to nobody (this
/// test fails on that file).
#[test]
fn s31_a_case_passed_down_without_a_handler_is_the_bodys_at_once() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = province_accepted(&p, "SJ-42", t0, "无锡某小区外墙保温层脱落");
    s.ok(
        "sj1",
        minutes(t0, 40),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("ts"),
                handler: None,
                co_handling: vec![],
            },
        },
    );
    // Both 60-day clocks (assumed) end on Labour Day and run to Wed 6 May.
    assert_eq!(due(&s, minutes(t0, 40), "handling"), "2026-05-07 00:00");
    assert_eq!(
        due(&s, minutes(t0, 40), "result_report_to_province"),
        "2026-05-07 00:00"
    );
    s.tick(beijing(2026, 5, 7, 0, 1));
    let mut owners = breach_owners(&s);
    owners.sort();
    assert_eq!(
        owners,
        ["handling@1 → sl", "result_report_to_province@1 → sl"]
    );
    s.assert_replays();
}

/// 处理「工程质量投诉案终结后,由办案负责人整理卷宗,并报投诉处理机构负责人签字,予以结案。」:
/// a case the province passes down without naming a handler, worked and
/// answered by the receiving body's 办案负责人, whose dossier is never reported
/// for signature, is that case officer's breach. The old file had no fallback
/// owner for `closure_signature`: the breach was charged to nobody (this test
/// fails there).
#[test]
fn s31_an_unreported_dossier_without_a_handler_is_the_case_officers() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 9, 14, 10, 0);
    let mut s = province_accepted(&p, "SJ-51", t0, "住宅卫生间楼板渗漏至楼下");
    s.ok("sj1", minutes(t0, 40), assign_department("ts"));
    s.ok("ba", minutes(t0, 60), investigate());
    s.ok(
        "ba",
        beijing(2026, 9, 25, 10, 0),
        reply("责成施工单位返修,已完成"),
    );
    s.ok(
        "ba",
        beijing(2026, 9, 25, 11, 0),
        reported("result_report_to_province", "处理结果已上报省机构备案"),
    );
    // Ten working days from the reply over National Day end with Thu 15 October.
    assert_eq!(
        due(&s, beijing(2026, 9, 25, 10, 0), "closure_signature"),
        "2026-10-16 00:00"
    );
    s.tick(beijing(2026, 10, 16, 9, 0));
    assert_eq!(breach_owners(&s), ["closure_signature@1 → ba"]);
    s.assert_replays();
}

/// 处理「省工程质量投诉处理机构接到的投诉除直接立案处理的之外,其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理」:
/// what the province files directly it handles itself. It assigns its own
/// staff (which passes nothing down: no result report is owed to itself,
/// ruling 45), investigates, answers within its handling clock, records the
/// callback and reports the dossier for its head's signature (「由办案负责人整理卷宗,并报投诉处理机构负责人签字,予以结案」).
/// The old file let the province only pass cases down: a case it kept could
/// never be investigated or answered, though its handling clock was the
/// province's (this test fails on that file).
#[test]
fn s31_the_province_handles_what_it_files_directly() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = roster(
        &[("sj", "省工程质量投诉处理机构", None)],
        &[
            (
                "sj1",
                "省机构 卞处长",
                "sj",
                &["provincial_body"],
                Some("sjfz"),
            ),
            ("sjfz", "省机构负责人 阮主任", "sj", &["body_head"], None),
        ],
    );
    // Mon 2 Mar 2026.
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = grounded(
        t0,
        "in_construction",
        "南京某在建项目主体结构混凝土强度不足",
    )
    .complainant(person("业主 严先生"))
    .build()
    .unwrap();
    let mut s = Scenario::new(p, roster);
    s.register("sj1", "SJ-51", c).unwrap();
    s.ok("sj1", minutes(t0, 30), accept());
    s.ok("sj1", minutes(t0, 40), assign("sj", "sj1"));
    s.ok("sj1", minutes(t0, 50), investigate());
    s.ok(
        "sj1",
        beijing(2026, 3, 20, 10, 0),
        findings(
            FaultParty::Us,
            "检测报告确认混凝土强度不足,责成施工单位加固",
        ),
    );
    s.ok(
        "sj1",
        beijing(2026, 3, 27, 10, 0),
        reply("已责成施工单位按设计要求加固"),
    );
    s.ok(
        "sj1",
        beijing(2026, 4, 3, 10, 0),
        callback(Satisfaction::Satisfied, "投诉人确认"),
    );
    s.ok(
        "sj1",
        beijing(2026, 4, 7, 10, 0),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    s.ok("sjfz", beijing(2026, 4, 8, 10, 0), close());
    assert_eq!(status(&s), Status::Closed);
    // Answered in time, and no result report was owed: nothing breaches.
    assert!(
        s.case()
            .clocks
            .iter()
            .all(|c| c.milestone.as_str() != "result_report_to_province"),
        "the province's own assignment passes nothing down"
    );
    s.tick(beijing(2026, 6, 1, 9, 0));
    assert!(breach_owners(&s).is_empty(), "{:?}", breach_owners(&s));
    s.assert_replays();
}

/// 投诉「投诉人投诉建设工程质量,应向被投诉工程所在地的工程质量投诉处理机构投诉。」 and
/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理」: a city body that
/// received a complaint about works in another city sends it to that city's
/// body, which then handles it. Sent there with no 办案负责人 named, the case
/// is the receiving body's before anyone there acts on it — its intake
/// officer, the holder of the role in the lead department (ruling 75), as for
/// a case the province passes down. The old file charged the sending body's
/// intake officer who had registered it, though the case was no longer his
/// body's and he may not reply (this test fails on that file). A case the
/// body keeps without naming a handler is still its own intake officer's.
#[test]
fn s31_a_case_sent_to_another_body_without_a_handler_is_that_bodys() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_changzhou_and_province();
    // Mon 2 Mar 2026: the 60 days (assumed) end on Labour Day and run to Wed 6 May.
    let t0 = beijing(2026, 3, 2, 10, 0);
    let late = beijing(2026, 5, 8, 9, 0);
    let received = |id: &str, to: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        s.register(
            "sl",
            id,
            filed(t0, "in_construction", "常州某在建小区地下室渗水"),
        )
        .unwrap();
        s.ok("sl", minutes(t0, 10), accept());
        s.ok("sl", minutes(t0, 20), assign_department(to));
        s
    };

    // Sent to the Changzhou body, where nobody acts: its intake officer answers.
    let mut s = received("WX-CZ", "cz");
    assert!(breached(&s.tick(late), "handling"));
    assert_eq!(breach_owners(&s), ["handling@1 → czsl"]);
    s.assert_replays();

    // Kept in Wuxi without a handler named: its own intake officer.
    let mut s = received("WX-WX", "wx");
    assert!(breached(&s.tick(late), "handling"));
    assert_eq!(breach_owners(&s), ["handling@1 → sl"]);
    s.assert_replays();
}

/// 处理「省工程质量投诉处理机构接到的投诉除直接立案处理的之外,其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理」
/// and 「由办案负责人整理卷宗」: the province keeps what it files directly (its
/// own staff handle it) and sends the rest to a city or county body, whose
/// 办案负责人 handles it. The handler it names is charged with the handling
/// clock and the result owed to it, so he is one of its own staff or a case
/// officer — never the body's intake officer (or its head), who may neither
/// reply nor report the result. The old file set no limit on the province's
/// hand-over (its role had no `hands_over_to`, ruling 78), so it could name the
/// intake officer handler, and he was charged with both clocks (this test
/// fails on that file).
#[test]
fn s31_the_province_names_a_handler_who_can_answer() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = province_accepted(&p, "SJ-61", t0, "无锡某小区外墙保温层脱落");
    let refused = |s: &mut Scenario, at: i64, hand_over: CommandKind| {
        let before = (s.case().clone(), s.events.len());
        let e = s.run("sj1", minutes(t0, at), hand_over).unwrap_err();
        assert_eq!(e.kind(), "hand_over_refused", "{e}");
        assert!(
            e.to_string()
                .ends_with("the handler sl (of ts) holds none of them"),
            "{e}"
        );
        assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
    };
    refused(&mut s, 40, assign("ts", "sl"));

    // Passed down to the case officer, who answers for both clocks; nor may
    // the province move the case on to the intake officer (a case it passed
    // down is no longer its own to move, ruling 121).
    s.ok("sj1", minutes(t0, 40), assign("ts", "ba"));
    let moved = s
        .run(
            "sj1",
            minutes(t0, 50),
            transfer("ts", "sl", "转送工程所在地投诉处理机构"),
        )
        .unwrap_err();
    assert_eq!(moved.kind(), "grant_condition_unmet", "{moved}");
    s.tick(beijing(2026, 5, 7, 0, 1));
    let mut owners = breach_owners(&s);
    owners.sort();
    assert_eq!(
        owners,
        ["handling@1 → ba", "result_report_to_province@1 → ba"]
    );

    // Kept and handled by its own staff (直接立案处理), as before.
    let mut kept = province_accepted(&p, "SJ-62", t0, "无锡某小区外墙保温层脱落");
    kept.ok("sj1", minutes(t0, 40), assign("sj", "sj1"));
    kept.ok("sj1", minutes(t0, 50), investigate());
    kept.assert_replays();
    s.assert_replays();
}

/// 处理: the summary promises the complainant no date (its only 「及时」 is the
/// result reported to the province; the handling limit is the file's own,
/// assumed). The old file let the case officer and the province's staff set
/// one (`set_agreed_deadline`), a clock of no clause owned by the handler
/// alone, so a date the province promised before passing the case down
/// breached charged to nobody (this test fails on that file: the date was
/// accepted). As S06's and S34's files, it promises none.
#[test]
fn s31_no_body_promises_a_date_the_source_lacks() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = province_accepted(&p, "SJ-D", t0, "无锡某小区外墙保温层脱落");
    let promise = || CommandKind::SetAgreedDeadline {
        deadline: beijing(2026, 3, 20, 17, 0),
    };
    let before = (s.case().clone(), s.events.len());
    let e = s.run("sj1", minutes(t0, 35), promise()).unwrap_err();
    assert_eq!(e.kind(), "not_permitted", "{e}");
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
    s.ok("sj1", minutes(t0, 40), assign("ts", "ba"));
    let before = (s.case().clone(), s.events.len());
    let e = s.run("ba", minutes(t0, 50), promise()).unwrap_err();
    assert_eq!(e.kind(), "not_permitted", "{e}");
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
}

/// #9 处理「市、县(市)…接到省投诉处理机构转交办理的投诉后,应按规定处理,并把处理结果
/// 及时上报省工程质量投诉处理机构备案」: the report is the receiving body's, made by
/// its 办案负责人; the province receives it. The old file let the province's staff
/// record it themselves (`record_action` report_submitted naming the clock),
/// which stopped the clock met with no report made (this test fails on that
/// file: no breach). Only a case officer's report stops it (`stopped_by`).
#[test]
fn s31_the_province_does_not_make_the_report_owed_to_it() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = passed_down(&p, "SJ-71", t0, "无锡某小区外墙保温层脱落");
    s.run(
        "sj1",
        minutes(t0, 60),
        reported("result_report_to_province", "省机构自行登记备案"),
    )
    .ok();
    // 60 days from the hand-over, rolled past Labour Day to Wed 6 May 2026:
    // still owed, and the case officer answers for it.
    s.tick(beijing(2026, 5, 7, 0, 1));
    assert!(
        breach_owners(&s).contains(&"result_report_to_province@1 → ba".to_owned()),
        "{:?}",
        breach_owners(&s)
    );

    // The case officer's report still meets it.
    let mut r = passed_down(&p, "SJ-72", t0, "无锡某小区地下室渗水");
    r.ok(
        "ba",
        beijing(2026, 4, 10, 10, 0),
        reported(
            "result_report_to_province",
            "处理结果已上报省工程质量投诉处理机构备案",
        ),
    );
    r.tick(beijing(2026, 5, 7, 0, 1));
    assert!(
        !breach_owners(&r)
            .iter()
            .any(|b| b.starts_with("result_report_to_province")),
        "{:?}",
        breach_owners(&r)
    );
    s.assert_replays();
    r.assert_replays();
}

/// #7 处理「对不具实名的匿名投诉和巳进入司法程序的投诉,工程质量投诉处理机构不予立案」 and
/// #5「…的投诉,应当予以立案」: the summary gives nobody a power to file what it
/// refuses or to refuse what it files. The old file let the body's head
/// override the acceptance rules (`override_acceptance`): he could file an
/// anonymous complaint, or turn away one that meets the grounds (this test
/// fails on that file: the override was accepted). A request outside 工程质量
/// that the list does not name (「…等不属于工程质量投诉的请求事项」) is refused by
/// the fact `not_quality_matter`, not by an override.
#[test]
fn s31_the_head_does_not_override_the_filing_rules() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = roster(
        &[("ts", "无锡市工程质量投诉处理机构", None)],
        &[
            ("sl", "受理 陆科员", "ts", &["intake_officer"], None),
            ("fz", "机构负责人 秦主任", "ts", &["body_head"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let unchanged = |s: &mut Scenario, who: &str, at: i64, kind: CommandKind| {
        let before = (s.case().clone(), s.events.len());
        let e = s.run(who, minutes(t0, at), kind).unwrap_err();
        assert_eq!(e.kind(), "not_permitted", "{e}");
        assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
    };

    // Anonymous: the head may not file it.
    let anonymous = Complaint::builder(t0, Channel::Letter, "匿名反映某工地质量问题")
        .fact(fact("complaint_letter_and_evidence"), yes())
        .flags(ComplaintFlags {
            injury_or_safety: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    let mut a = Scenario::new(p.clone(), roster.clone());
    a.register("sl", "WX-A", anonymous).unwrap();
    let override_accept = || CommandKind::Accept {
        override_reason: Some("负责人同意立案".to_owned()),
    };
    unchanged(&mut a, "fz", 10, override_accept());

    // Meeting the grounds: the head may not turn it away.
    let mut g = Scenario::new(p.clone(), roster.clone());
    g.register(
        "sl",
        "WX-G",
        filed(t0, "in_construction", "在建住宅楼板开裂"),
    )
    .unwrap();
    unchanged(
        &mut g,
        "fz",
        10,
        CommandKind::NotAccept {
            reason_zh: "负责人决定不予立案".to_owned(),
            advice_zh: None,
        },
    );
    g.ok("sl", minutes(t0, 20), accept());

    // A request that is not about 工程质量, of a kind the list does not name.
    let mut n = Scenario::new(p, roster);
    n.register(
        "sl",
        "WX-N",
        grounded(t0, "in_construction", "要求开发商退还装修押金")
            .fact(fact("not_quality_matter"), yes())
            .build()
            .unwrap(),
    )
    .unwrap();
    assert!(n.run("sl", minutes(t0, 10), accept()).is_err());
    a.assert_replays();
    g.assert_replays();
}

/// 处理「工程质量投诉案终结后,由办案负责人整理卷宗,并报投诉处理机构负责人签字,予以结案」:
/// the head closes by signing the dossier the 办案负责人 reported, so he may
/// not close a case whose dossier was never reported. Before the second
/// eleventh-session audit he could, and his closure stopped the case
/// officer's dossier clock as met with no dossier made (this test fails on
/// that file: the first closure was accepted). The closure now waits for the
/// report (`[closure] awaits`, ruling 91); a report made late is still owed
/// and the breach stands.
#[test]
fn s31_the_head_closes_only_a_reported_dossier() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_body();
    let t0 = beijing(2026, 9, 14, 10, 0);
    let ended = |id: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = grounded(t0, "completed_in_warranty", "住宅外墙渗水")
            .complainant(person("业主 鲍先生"))
            .build()
            .unwrap();
        s.register("sl", id, c).unwrap();
        s.ok("sl", minutes(t0, 10), accept());
        s.ok("sl", minutes(t0, 20), assign("ts", "ba"));
        s.ok("ba", minutes(t0, 30), investigate());
        s.ok(
            "ba",
            beijing(2026, 9, 18, 10, 0),
            reply("责成施工单位返修,已完成"),
        );
        s.ok(
            "ba",
            beijing(2026, 9, 25, 10, 0),
            callback(Satisfaction::Satisfied, "投诉人确认"),
        );
        s
    };
    let mut s = ended("WX-D1");
    let before = s.events.len();
    let err = s
        .run("fz", beijing(2026, 9, 28, 9, 0), close())
        .unwrap_err();
    assert_eq!(err.kind(), "closure_awaits_clock", "{err}");
    assert_eq!(s.events.len(), before);
    assert_ne!(status(&s), Status::Closed);
    s.ok(
        "ba",
        beijing(2026, 9, 29, 9, 0),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    s.ok("fz", beijing(2026, 9, 30, 9, 0), close());
    assert_eq!(status(&s), Status::Closed);
    assert!(breach_owners(&s).is_empty(), "{:?}", breach_owners(&s));
    s.assert_replays();

    // Not reported in the ten working days (to Thu 15 Oct): the case officer
    // is late, and the head still signs only the reported dossier.
    let mut late = ended("WX-D2");
    late.tick(beijing(2026, 10, 16, 9, 0));
    assert_eq!(breach_owners(&late), ["closure_signature@1 → ba"]);
    let err = late
        .run("fz", beijing(2026, 10, 16, 10, 0), close())
        .unwrap_err();
    assert_eq!(err.kind(), "closure_awaits_clock", "{err}");
    late.ok(
        "ba",
        beijing(2026, 10, 19, 9, 0),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    late.ok("fz", beijing(2026, 10, 19, 10, 0), close());
    assert_eq!(breach_owners(&late), ["closure_signature@1 → ba"]);
}

/// 处理「省工程质量投诉处理机构接到的投诉除直接立案处理的之外,其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理」
/// and 「市、县(市)…接到省投诉处理机构转交办理的投诉后,应按规定处理,并把处理结果及时上报省工程质量投诉处理机构备案」:
/// once the province has passed a case down to the Wuxi body, the case is
/// the body's to handle; the province receives the result. Its staff member
/// may no longer answer, record findings or take the case back
/// (`holds_case`, ruling 121), whether a case officer was named or the
/// department alone; a case it keeps (its own staff named) stays its own.
/// The old file let the province answer and take back a case it had passed
/// down (this test fails on that file).
#[test]
fn s31_the_province_does_not_act_on_a_case_it_passed_down() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let unmet = |e: &Rejection| {
        matches!(e, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case")))
    };
    // Passed down to 储工: the province neither answers nor takes it back.
    let mut s = passed_down(&p, "SJ-51", t0, "无锡某小区外墙保温层脱落");
    let answer = s
        .run(
            "sj1",
            minutes(t0, 60),
            reply("经查,外墙保温层脱落系施工质量问题"),
        )
        .unwrap_err();
    assert!(unmet(&answer), "{answer}");
    let back = s
        .run(
            "sj1",
            minutes(t0, 60),
            transfer("sj", "sj1", "收回省机构办理"),
        )
        .unwrap_err();
    assert!(unmet(&back), "{back}");
    let found = s
        .run(
            "sj1",
            minutes(t0, 60),
            findings(FaultParty::ThirdParty, "施工质量问题"),
        )
        .unwrap_err();
    assert!(unmet(&found), "{found}");
    // The body's case officer handles it, and answers.
    s.ok("ba", minutes(t0, 90), investigate());
    s.ok(
        "ba",
        minutes(t0, 120),
        reply("经查,外墙保温层脱落系施工质量问题"),
    );

    // Passed down to the Wuxi body with nobody named: still not the province's.
    let mut d = province_accepted(&p, "SJ-52", t0, "无锡某小区地下室渗水");
    d.ok("sj1", minutes(t0, 40), assign_department("ts"));
    let answer = d.run("sj1", minutes(t0, 60), reply("已处理")).unwrap_err();
    assert!(unmet(&answer), "{answer}");

    // Kept (直接立案处理) and assigned to its own staff: the province answers.
    let mut k = Scenario::new(p.clone(), wuxi_and_province(&[]));
    k.register(
        "sj1",
        "SJ-53",
        filed(t0, "completed_in_warranty", "南京某楼盘渗漏"),
    )
    .unwrap();
    k.ok("sj1", minutes(t0, 30), accept());
    k.ok("sj1", minutes(t0, 40), assign("sj", "sj1"));
    k.ok("sj1", minutes(t0, 60), investigate());
    k.ok(
        "sj1",
        minutes(t0, 90),
        reply("经查,渗漏系防水层施工缺陷,已责令整改"),
    );
    k.assert_replays();
}

/// 处理「工程质量投诉处理机构受理的工程质量投诉案终结后,由办案负责人整理卷宗,并报投诉处理机构负责人签字,予以结案」
/// and 「市、县(市)工程质量投诉处理机构接到省投诉处理机构转交办理的投诉后,应按规定处理」:
/// a case the province passed down is the city body's, and its dossier is
/// signed by that body's head. Any body's head could approve, close or reopen
/// any case: the province's head closed the Wuxi body's case, signing a
/// dossier reported to another head. A head now decides only while the case
/// is with his body (`holds_case`, ruling 121): the province's head is
/// refused and nothing changes; the Wuxi head signs. The thirteenth audit
/// (fails on the old file, where the province's head closed the case).
#[test]
fn s31_only_the_head_of_the_body_handling_the_case_signs_it() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = roster(
        &[
            ("ts", "无锡市工程质量投诉处理机构", None),
            ("sj", "省工程质量投诉处理机构", None),
        ],
        &[
            ("sl", "受理 陆科员", "ts", &["intake_officer"], None),
            ("ba", "办案负责人 储工", "ts", &["case_officer"], None),
            ("fz", "机构负责人 秦主任", "ts", &["body_head"], None),
            ("sj1", "省机构 卞处长", "sj", &["provincial_body"], None),
            ("sjfz", "省机构负责人 阮主任", "sj", &["body_head"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(p, roster);
    s.register(
        "sj1",
        "SJ-H1",
        filed(t0, "completed_in_warranty", "无锡某小区外墙保温层脱落"),
    )
    .unwrap();
    s.ok("sj1", minutes(t0, 30), accept());
    s.ok("sj1", minutes(t0, 40), assign("ts", "ba"));
    s.ok("ba", minutes(t0, 60), investigate());
    s.ok(
        "ba",
        beijing(2026, 3, 20, 10, 0),
        reply("责成施工单位返修,已完成"),
    );
    s.ok(
        "ba",
        beijing(2026, 3, 25, 10, 0),
        callback(Satisfaction::Satisfied, "投诉人确认"),
    );
    s.ok(
        "ba",
        beijing(2026, 3, 26, 10, 0),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    let before = s.case().clone();
    let refused = s
        .run("sjfz", beijing(2026, 3, 27, 9, 0), close())
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    assert!(refused.to_string().contains("holds_case"), "{refused}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("fz", beijing(2026, 3, 27, 9, 0), close());
    assert_eq!(status(&s), Status::Closed);
    s.assert_replays();
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理。…市、县(市)工程质量投诉处理机构
/// 接到省投诉处理机构转交办理的投诉后,应按规定处理」: a case the province passed down
/// to the Wuxi body is the Wuxi body's. The heads (thirteenth audit) and the
/// province (twelfth session) act only on a case with their body, but the
/// case officers and intake officers of every body still answered, reported
/// on and moved any case: Changzhou's 办案负责人 answered the Wuxi body's case,
/// stopping its handler's clock, and took it to himself, and Changzhou's
/// intake officer handed it to him. A body's staff now answer, report on and
/// move only a case with their body (`holds_case`, ruling 121): refused,
/// nothing changes, the Wuxi 办案负责人 answers. The fourteenth audit (fails on
/// the old file, where Changzhou's answer was taken).
#[test]
fn s31_another_bodys_staff_do_not_act_on_a_case_it_holds() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(p, wuxi_changzhou_and_province());
    s.register(
        "sj1",
        "SJ-CZ",
        filed(t0, "completed_in_warranty", "无锡某小区外墙保温层脱落"),
    )
    .unwrap();
    s.ok("sj1", minutes(t0, 30), accept());
    s.ok("sj1", minutes(t0, 40), assign("wx", "ba"));
    let before = (s.case().clone(), s.events.len());
    let at = minutes(t0, 60);
    let attempts = [
        ("czba", reply("经查,已责令施工单位整改")),
        ("czba", transfer("cz", "czba", "由常州市机构办理")),
        (
            "czba",
            reported("result_report_to_province", "处理结果上报省机构备案"),
        ),
        ("czsl", assign("cz", "czba")),
        ("czsl", transfer("cz", "czba", "由常州市机构办理")),
    ];
    for (who, attempt) in attempts {
        let e = s.run(who, at, attempt).unwrap_err();
        assert_eq!(e.kind(), "grant_condition_unmet", "{who}: {e}");
        assert!(e.to_string().contains("holds_case"), "{who}: {e}");
    }
    assert_eq!((s.case(), s.events.len()), (&before.0, before.1));
    s.ok("ba", minutes(t0, 90), reply("经查,已责令施工单位整改"));
    s.assert_replays();
}

/// 处理「工程质量投诉处理机构受理的工程质量投诉案终结后,由办案负责人整理卷宗,并报投诉处理机构负责人签字,
/// 予以结案」: the summary closes a case on the head's signature of the dossier;
/// it has no 回访 and asks nobody whether the complainant is satisfied (ruling
/// 92). The file closed only after a satisfied callback, so a complainant
/// who never answered kept a signed dossier open, and the dossier clock
/// started only on that callback. The dossier clock now runs from the reply
/// (the case 终结), and the head closes on the reported dossier, closure kind
/// `on_reply`. The fourteenth audit (fails on the old file, where the head's
/// closure was refused for want of a callback).
#[test]
fn s31_the_head_signs_and_closes_without_a_callback() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let roster = wuxi_body();
    let t0 = beijing(2026, 9, 14, 10, 0);
    let mut s = Scenario::new(p, roster);
    s.register(
        "sl",
        "WX-NC",
        filed(t0, "completed_in_warranty", "住宅卫生间楼板渗漏至楼下"),
    )
    .unwrap();
    s.ok("sl", minutes(t0, 10), accept());
    s.ok("sl", minutes(t0, 20), assign("ts", "ba"));
    s.ok("ba", minutes(t0, 30), investigate());
    s.ok(
        "ba",
        beijing(2026, 9, 25, 10, 0),
        reply("责成施工单位返修,已完成"),
    );
    // Fri 25 Sep 2026, the reply: 10 working days over National Day end with
    // Thu 15 Oct.
    assert_eq!(
        due(&s, beijing(2026, 9, 25, 10, 0), "closure_signature"),
        "2026-10-16 00:00"
    );
    s.ok(
        "ba",
        beijing(2026, 9, 28, 10, 0),
        reported("closure_signature", "卷宗已整理,报机构负责人签字"),
    );
    s.ok("fz", beijing(2026, 9, 29, 9, 0), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    assert!(breach_list(&s).is_empty());
    s.assert_replays();
}

/// Ruling 133: the summary has no 延期, 延长 or 顺延, and the 60 days of
/// `handling` are assumed, so they are not extended: the case officer may not
/// ask and the body's head may not grant, nothing is recorded, and the case is
/// late when the 60 days end. Fails on the old file (the case officer's
/// request was recorded, and an extension the head approved paused the clock).
#[test]
fn s31_the_handling_is_not_extended() {
    let mut s = Scenario::new(policy("construction-jiangsu-summary-s31.toml"), wuxi_body());
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register("sl", "JS-X", filed(t0, "completed_in_warranty", "屋面渗漏"))
        .unwrap();
    s.ok("sl", minutes(t0, 30), accept());
    s.ok("sl", minutes(t0, 40), assign("ts", "ba"));
    s.ok("ba", minutes(t0, 60), investigate());
    assert_no_extension(&mut s, "ba", "fz", beijing(2026, 3, 20, 9, 0));
    // 60 days (assumed) from 2 March: 1 May, rolled past the Labour Day holiday.
    assert_eq!(due(&s, minutes(t0, 60), "handling"), "2026-05-07 00:00");
    s.tick(beijing(2026, 5, 20, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["handling@1 → ba"]);
}

/// 处理「由接到投诉的工程质量投诉处理机构负责处理」 and 「会同有关行政部门按照各自职责共同处理」:
/// a 办案负责人 investigates and records findings on his body's case or one his
/// body was called in to handle jointly (`holds_case = "co_handling"`, ruling
/// 148). Changzhou's officer is refused on the case the province passed to
/// Wuxi alone, naming `holds_case` and changing nothing, and works the case
/// Wuxi leads with Changzhou called in. The fifteenth audit (fails on the old
/// file, where any body's officer could investigate any case).
#[test]
fn s31_a_case_officer_investigates_only_his_bodys_or_a_joint_case() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 3, 2, 10, 0);
    let passed_to = |co: &[&str]| {
        let mut s = Scenario::new(p.clone(), wuxi_changzhou_and_province());
        s.register(
            "sj1",
            "SJ-CO",
            filed(t0, "completed_in_warranty", "无锡某小区外墙保温层脱落"),
        )
        .unwrap();
        s.ok("sj1", minutes(t0, 30), accept());
        s.ok("sj1", minutes(t0, 40), assign_with("wx", "ba", co));
        s
    };
    let mut alone = passed_to(&[]);
    let before = (alone.case().clone(), alone.events.len());
    for attempt in [
        investigate(),
        findings(FaultParty::ThirdParty, "保温层锚固不足"),
    ] {
        let e = alone.run("czba", minutes(t0, 60), attempt).unwrap_err();
        assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
        assert!(
            e.to_string().contains("holds_case = \"co_handling\""),
            "{e}"
        );
    }
    assert_eq!((alone.case(), alone.events.len()), (&before.0, before.1));
    alone.ok("ba", minutes(t0, 70), investigate());

    let mut joint = passed_to(&["cz"]);
    joint.ok("czba", minutes(t0, 60), investigate());
    joint.ok(
        "czba",
        minutes(t0, 70),
        findings(FaultParty::ThirdParty, "保温层锚固不足"),
    );
    joint.assert_replays();
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理」 before anything is handed
/// on: a complaint Wuxi's 受理人员 received (the first responder) is Wuxi's —
/// the province does not investigate or answer it, Changzhou's 受理人员 does
/// not hand it to his own case officer, and Changzhou's head does not end it;
/// Wuxi hands it on. Under `holds_case = true` a case nobody was handed was
/// anyone's (ruling 121); `"received"` keeps it with the body that received
/// it (ruling 151). Fails on the old file: the province's investigation was
/// taken.
#[test]
fn s31_a_case_not_yet_handed_on_is_the_receiving_bodys() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = received_in_wuxi("WX-R", t0);
    s.ok("sl", minutes(t0, 10), accept());
    refused_not_holding(&mut s, "sj1", minutes(t0, 20), investigate());
    refused_not_holding(&mut s, "czsl", minutes(t0, 20), assign("cz", "czba"));
    refused_not_holding(
        &mut s,
        "czfz",
        minutes(t0, 20),
        CommandKind::CloseAbnormally {
            reason: "常州机构结案".to_owned(),
        },
    );
    s.ok("sl", minutes(t0, 30), assign("wx", "ba"));
    s.ok("ba", minutes(t0, 40), investigate());
    s.assert_replays();
}

/// A complaint Wuxi's 受理人员 received (the first responder) at `t0`, in the
/// roster of Wuxi, Changzhou and the province.
fn received_in_wuxi(id: &str, t0: DateTime<Utc>) -> Scenario {
    let mut s = Scenario::new(
        policy("construction-jiangsu-summary-s31.toml"),
        wuxi_changzhou_and_province(),
    );
    let c = grounded(t0, "in_construction", "在建住宅楼现浇板开裂")
        .first_responder(sid("sl"))
        .build()
        .unwrap();
    s.register("sl", id, c).unwrap();
    s
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理」 and 「市、县(市)投诉处理机构在
/// 接待投诉人投诉时…应当予以立案」: the body that received a complaint files it or
/// not; Changzhou's 受理人员 and the province neither file nor refuse a complaint
/// Wuxi's 受理人员 received (`holds_case = "received"`, ruling 151). Nineteenth
/// audit, act probe; fails on the old file: Changzhou's filing was taken.
#[test]
fn s31_only_the_receiving_body_files_the_complaint() {
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = received_in_wuxi("WX-F", t0);
    for who in ["czsl", "sj1"] {
        refused_not_holding(&mut s, who, minutes(t0, 10), accept());
        let refuse = CommandKind::NotAccept {
            reason_zh: "不属于工程质量投诉".to_owned(),
            advice_zh: None,
        };
        refused_not_holding(&mut s, who, minutes(t0, 10), refuse);
    }
    s.ok("sl", minutes(t0, 20), accept());
    s.assert_replays();
}

/// Twentieth audit (act probe): 处理「工程质量投诉处理机构受理的工程质量投诉案终结后,由办案负责人
/// 整理卷宗,并报投诉处理机构负责人签字,予以结案」 closes a case after its 终结. The head's
/// abnormal closure (assumed: the summary has none) ends only a case answered:
/// refused as `grant_condition_unmet` while the 办案负责人 investigates, nothing
/// changes, and taken after the answer. Fails on the old file, where the head
/// closed the case under investigation.
#[test]
fn s31_the_head_closes_abnormally_only_an_ended_case() {
    let mut s = Scenario::new(policy("construction-jiangsu-summary-s31.toml"), wuxi_body());
    let t0 = beijing(2026, 3, 2, 9, 0);
    s.register(
        "sl",
        "JS-AB",
        filed(t0, "completed_in_warranty", "屋面渗漏"),
    )
    .unwrap();
    s.ok("sl", minutes(t0, 30), accept());
    s.ok("sl", minutes(t0, 40), assign("ts", "ba"));
    s.ok("ba", minutes(t0, 60), investigate());
    let closing = || CommandKind::CloseAbnormally {
        reason: "投诉人拒不配合调查".to_owned(),
    };
    let before = s.case().clone();
    let e = s.refused("fz", minutes(t0, 90), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok(
        "ba",
        beijing(2026, 3, 20, 10, 0),
        reply("责成施工单位返修,已完成"),
    );
    s.ok("fz", beijing(2026, 3, 23, 10, 0), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// 处理「工程质量投诉案终结后,由办案负责人整理卷宗,并报投诉处理机构负责人签字,予以结案」
/// (twenty-first audit, ruling 161): the dossier is the 办案负责人's of the body the
/// case is with. 无锡's 办案负责人 (`ba`), handed a complaint about works in 常州, sent
/// it on to the 常州 body naming nobody (「应向被投诉工程所在地的工程质量投诉处理机构投诉」);
/// 常州's 办案负责人 (`czba`) answered it. The clock's `{ role = "case_officer" }`
/// fallback charged the first case officer on the case in any body — `ba`, whose body
/// no longer had it and who may not report its dossier (fails on the old file:
/// `→ ba`). Now `{ role_holding_case = "case_officer" }`: `czba`.
#[test]
fn s31_a_dossier_sent_on_to_another_body_is_not_the_senders() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let t0 = beijing(2026, 9, 14, 10, 0);
    let mut s = Scenario::new(p, wuxi_changzhou_and_province());
    s.register(
        "sl",
        "WX-CZ2",
        filed(t0, "completed_in_warranty", "常州某小区外墙渗水"),
    )
    .unwrap();
    s.ok("sl", minutes(t0, 10), accept());
    s.ok("sl", minutes(t0, 20), assign("wx", "ba"));
    s.ok(
        "ba",
        minutes(t0, 60),
        transfer_department("cz", "工程在常州, 转被投诉工程所在地"),
    );
    s.ok("czba", minutes(t0, 120), investigate());
    s.ok(
        "czba",
        beijing(2026, 9, 25, 10, 0),
        reply("责成施工单位返修,已完成"),
    );
    s.tick(beijing(2026, 10, 16, 9, 0));
    assert_eq!(breach_owners(&s), ["closure_signature@1 → czba"]);
    s.assert_replays();
}

/// 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理。…市、县(市)工程质量投诉处理机构接到省投诉处理机构转交办理的投诉后,应按规定处理,并把处理结果及时上报省工程质量投诉处理机构备案」:
/// a case the province passes down to 常州 naming no handler, where two
/// intake officers tie at the top (no holder), is not 无锡's. `handling` and
/// `result_report_to_province` fell back to `{ role = "intake_officer" }`,
/// the first on the case in any body: 无锡's 陆科员, who had only noted on it,
/// answered for 常州's handling and for the result 常州 owed the province. Now
/// the intake officer of the body holding the case (`role_holding_case`,
/// ruling 161): nobody at 常州 has acted, so the province's staff member who
/// passed it down answers for the handling (the file's last owner), and the
/// report, owed to the province, is nobody's. The twenty-third audit (fails
/// on the old file: both `→ sl`).
#[test]
fn s31_another_bodys_intake_officer_is_not_charged_for_a_case_passed_down() {
    let p = policy("construction-jiangsu-summary-s31.toml");
    let two_desks = roster(
        &[
            ("wx", "无锡市工程质量投诉处理机构", None),
            ("cz", "常州市工程质量投诉处理机构", None),
            ("sj", "省工程质量投诉处理机构", None),
        ],
        &[
            ("sl", "受理 陆科员", "wx", &["intake_officer"], None),
            ("czsl", "受理 常科员", "cz", &["intake_officer"], None),
            ("czsl2", "受理 屠科员", "cz", &["intake_officer"], None),
            ("czba", "办案负责人 钱工", "cz", &["case_officer"], None),
            ("sj1", "省机构 卞处长", "sj", &["provincial_body"], None),
        ],
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let mut s = Scenario::new(p, two_desks);
    s.register(
        "sj1",
        "SJ-X",
        filed(t0, "completed_in_warranty", "常州某小区地下室渗水"),
    )
    .unwrap();
    s.ok("sj1", minutes(t0, 30), accept());
    s.ok("sj1", minutes(t0, 40), assign_department("cz"));
    s.ok("sl", minutes(t0, 50), note("无锡受理人员查阅"));
    s.tick(beijing(2026, 5, 7, 0, 1));
    let mut owners = breach_owners(&s);
    owners.sort();
    assert_eq!(
        owners,
        ["handling@1 → sj1", "result_report_to_province@1 → -"]
    );
    s.assert_replays();
}
