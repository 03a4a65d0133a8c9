use super::*;

// ---------------------------------------------------------------------------
// S22 — campus property: a safety emergency at night on New Year's Eve.
// ---------------------------------------------------------------------------
#[test]
fn s22_campus_emergency_reported_and_called_back() {
    let p = policy("campus-property-s22.toml");
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            (
                "duty",
                "值班员老王",
                "centre",
                &["duty_officer"],
                Some("sup"),
            ),
            ("rep", "维修工小赵", "repair", &["responsible"], Some("sup")),
            (
                "rec",
                "投诉受理员",
                "centre",
                &["receptionist"],
                Some("sup"),
            ),
            ("sup", "主管", "centre", &["supervisor"], Some("pm")),
            (
                "pm",
                "服务中心项目经理",
                "centre",
                &["project_manager"],
                Some("cm"),
            ),
            ("cm", "服务中心经理", "centre", &["centre_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 31, 23, 30);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "3号楼412宿舍热水器漏水，水流到插线板上冒火花，已拉闸",
    )
    .complainant(person("学生宿舍412 小林（辅导员已知悉）").with_phone("13900000412"))
    .location("3号楼412")
    .category(cat("repair"))
    .flags(ComplaintFlags {
        injury_or_safety: true,
        ..ComplaintFlags::default()
    })
    .build()
    .unwrap();
    s.register("duty", "S22-1", c).unwrap();
    assert_eq!(level_of(&s), "emergency");
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign_with("repair", "rep", &[]));
    s.ok(
        "duty",
        minutes(t0, 8),
        escalate("突发事件，迅速上报服务中心项目经理"),
    );
    // The report tells the 项目经理 and takes nothing over: the 维修工 notified
    // keeps the repair and answers it (second fifteenth-audit read).
    s.ok("pm", minutes(t0, 10), note("项目经理批示：维修班立即处理"));
    s.ok("rep", minutes(t0, 20), investigate());
    s.ok(
        "rep",
        beijing(2026, 1, 1, 1, 30),
        findings_of(
            FaultParty::Us,
            &[],
            "热水器进水阀老化破裂，插线板无漏电保护",
        ),
    );
    s.ok(
        "rep",
        beijing(2026, 1, 1, 2, 0),
        propose(
            vec![remedy(
                RemedyKind::Repair,
                None,
                "更换进水阀、加装漏电保护插座",
            )],
            "维修完毕",
        ),
    );
    s.ok("sup", beijing(2026, 1, 1, 2, 10), approve());
    s.ok(
        "rep",
        beijing(2026, 1, 1, 2, 25),
        act(
            tousu_policy::CaseAction::WorkCompleted,
            "维修完毕，恢复供电",
        ),
    );
    s.ok("rep", beijing(2026, 1, 1, 2, 30), reply("已修复并恢复供电"));
    // 回访 within 2 days (assumed) over 元旦: the centre works every day.
    assert!(
        due_all(&s, beijing(2026, 1, 1, 2, 31)).contains(&"callback → 2026-01-04 00:00".to_owned())
    );
    s.ok(
        "rec",
        beijing(2026, 1, 2, 10, 0),
        callback(
            Satisfaction::Satisfied,
            "回访记录：学生满意；纳入本周汇总统计",
        ),
    );
    s.ok(
        "sup",
        beijing(2026, 1, 2, 15, 0),
        note("主管巡查，对重大投诉事件进行回访：3号楼热水器统一排查"),
    );
    s.ok("rec", beijing(2026, 1, 2, 15, 30), close());
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
    insta::assert_snapshot!("s22_campus", timeline(&s.events));
}

/// Non-happy path: a major problem not reported to the 项目经理 within the
/// (assumed) 30 minutes breaches and is escalated by the breach; the general
/// level runs no report clock at all.
#[test]
fn s22_major_problem_reported_late() {
    let p = policy("campus-property-s22.toml");
    let roster = roster(
        &[("fw", "服务中心", None)],
        &[
            ("duty", "值班员 小车", "fw", &["duty_officer"], Some("pm")),
            ("pm", "项目经理", "fw", &["project_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 5, 1, 23, 0);
    let c = Complaint::builder(t0, Channel::Phone, "7号楼整层停水,40多名学生无法洗漱")
        .complainant(person("7号楼 楼长"))
        .category(cat("repair"))
        .collective_count(40)
        .build()
        .unwrap();
    s.register("duty", "S22-M", c).unwrap();
    assert_eq!(level_of(&s), "major");
    // Every day is a working day here, the report clock is 30 minutes (assumed).
    assert_eq!(due(&s, t0, "report_major"), "2026-05-01 23:30");
    s.tick(beijing(2026, 5, 1, 23, 45));
    assert!(breached(&s.events, "report_major"));
    assert!(
        s.case()
            .escalations
            .iter()
            .any(|e| e.step.as_ref().is_some_and(|x| x.as_str() == "late-report"))
    );
    let mut g = Scenario::new(policy("campus-property-s22.toml"), roster_one());
    let c = Complaint::builder(t0, Channel::Visit, "宿舍门锁不好用")
        .category(cat("repair"))
        .build()
        .unwrap();
    g.register("duty", "S22-G", c).unwrap();
    assert!(
        g.deadlines(t0)
            .iter()
            .all(|v| v.milestone.as_str() != "report_major")
    );
}

/// (三)「发现重大问题应迅速上报服务中心项目经理」 binds a case because of its
/// level, whenever it reaches it: a complaint found major after it was
/// registered must be reported from its reclassification, and only the report
/// to the 项目经理 (the step `project-manager`) ends the clock — not the
/// escalation its own breach causes, after which the report is still owed
/// (and is recorded late when it is made).
#[test]
fn s22_a_problem_found_major_must_still_be_reported() {
    let p = policy("campus-property-s22.toml");
    let roster = roster(
        &[("fw", "服务中心", None)],
        &[
            ("duty", "值班员 小车", "fw", &["duty_officer"], Some("zg")),
            ("zg", "主管", "fw", &["supervisor"], Some("pm")),
            ("pm", "项目经理", "fw", &["project_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 5, 6, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "3号楼一楼走廊渗水")
        .complainant(person("3号楼 宿管"))
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-R", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("duty", minutes(t0, 5), accept());
    assert!(
        s.deadlines(minutes(t0, 5))
            .iter()
            .all(|v| v.milestone.as_str() != "report_major")
    );
    s.ok(
        "zg",
        minutes(t0, 20),
        classify_as("major", "地下供水主管破裂, 整栋停水"),
    );
    assert_eq!(due(&s, minutes(t0, 20), "report_major"), "2026-05-06 09:50");
    s.tick(minutes(t0, 55));
    assert!(breached(&s.events, "report_major"));
    assert_eq!(steps_taken(&s), ["late-report"]);
    // The breach's own escalation did not end the clock: the report is still owed.
    assert!(!s.events.iter().any(|e| matches!(&e.kind, EventKind::ClockStopped { milestone, .. } if milestone.as_str() == "report_major")));
    s.ok("duty", minutes(t0, 60), escalate("整栋停水, 上报项目经理"));
    assert_eq!(steps_taken(&s), ["late-report", "project-manager"]);
    assert!(s.events.iter().any(|e| matches!(&e.kind, EventKind::ClockStopped { milestone, met: false, .. } if milestone.as_str() == "report_major")));
}

fn roster_one() -> Roster {
    roster(
        &[("fw", "服务中心", None)],
        &[("duty", "值班员 小车", "fw", &["duty_officer"], None)],
    )
}

/// (三)「当遇投诉报修无法立即处理时…尽快通知责任人」: a complaint the duty
/// officer answers at once needs no one notified, so its clock does not breach.
#[test]
fn s22_settled_at_once_needs_no_notification() {
    let p = policy("campus-property-s22.toml");
    let mut s = Scenario::new(p, roster_one());
    let t0 = beijing(2026, 5, 2, 20, 0);
    let c = Complaint::builder(t0, Channel::Visit, "宿舍楼大门门禁卡刷不开")
        .complainant(person("学生 小郝"))
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-Q", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok(
        "duty",
        minutes(t0, 5),
        reply("门禁卡已在值班室重新授权, 可正常进出"),
    );
    s.tick(minutes(t0, 60));
    assert!(!breached(&s.events, "notify_responsible"));
}

/// (四)「按规定接听学生电话和接待学生投诉来访…由投诉受理员负责回访」: the
/// 投诉受理员 receives and accepts a complaint, and calls back after the repair.
#[test]
fn s22_the_complaint_clerk_receives_and_calls_back() {
    let p = policy("campus-property-s22.toml");
    let roster = roster(
        &[("fw", "服务中心", None), ("wx", "维修班", None)],
        &[
            ("sl", "投诉受理员 小钟", "fw", &["receptionist"], None),
            ("wxg", "维修工 老包", "wx", &["responsible"], None),
            ("duty", "值班员", "fw", &["duty_officer"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 5, 6, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "5号楼208宿舍窗户关不上")
        .complainant(person("学生 小柯"))
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("sl", "S22-R", c).unwrap();
    s.ok("sl", minutes(t0, 3), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    s.ok(
        "wxg",
        minutes(t0, 85),
        act(tousu_policy::CaseAction::WorkCompleted, "窗户合页已更换"),
    );
    s.ok("wxg", minutes(t0, 90), reply("窗户合页已更换"));
    s.ok(
        "sl",
        beijing(2026, 5, 7, 10, 0),
        callback(Satisfaction::Satisfied, "学生确认窗户已修好"),
    );
}

/// (七)「并对重大投诉事件进行回访」: the supervisor calls back a major case
/// (a conditional grant by level); an ordinary one is the receptionist's
/// (四), and the supervisor's callback is refused naming the condition.
#[test]
fn s22_the_supervisor_calls_back_major_cases_only() {
    let p = policy("campus-property-s22.toml");
    let roster = roster(
        &[("centre", "服务中心", None)],
        &[
            (
                "rec",
                "投诉受理员",
                "centre",
                &["receptionist"],
                Some("sup"),
            ),
            ("sup", "主管", "centre", &["supervisor"], None),
        ],
    );
    let t0 = beijing(2026, 4, 8, 20, 0);
    let replied = |collective: u32, text: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, text)
            .complainant(person("学生"))
            .collective_count(collective)
            .build()
            .unwrap();
        s.register("rec", "XY-C", c).unwrap();
        s.ok("rec", minutes(t0, 2), accept());
        s.ok("rec", minutes(t0, 60), reply("已修复"));
        s
    };

    let mut general = replied(1, "宿舍灯管不亮");
    assert_eq!(level_of(&general), "general");
    let refused = general
        .run(
            "sup",
            minutes(t0, 90),
            callback(Satisfaction::Satisfied, "满意"),
        )
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "sup may not record_callback on this case: role supervisor (grants[0]): the level must be one of major, emergency (the case is general)"
    );
    general.ok(
        "rec",
        minutes(t0, 95),
        callback(Satisfaction::Satisfied, "满意"),
    );

    let mut major = replied(12, "整层楼停水一天");
    assert_eq!(level_of(&major), "major");
    major.ok(
        "sup",
        minutes(t0, 90),
        callback(Satisfaction::Satisfied, "主管回访,满意"),
    );
}

/// (四)「如遇维修事件,应在维修后,由投诉受理员负责回访,回访结果要做记录」: the
/// callback clock starts when the repair is recorded done (`work_completed`),
/// not at the reply; a complaint answered without a repair has none, and a
/// repair not called back on breaches, charged to the 投诉受理员.
#[test]
fn s22_the_callback_follows_the_repair() {
    let run = |repaired: bool| {
        let roster = roster(
            &[("fw", "服务中心", None), ("wx", "维修班", None)],
            &[
                ("sl", "投诉受理员", "fw", &["receptionist"], None),
                ("wxg", "维修工", "wx", &["responsible"], None),
                ("duty", "值班员", "fw", &["duty_officer"], None),
            ],
        );
        let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
        let t0 = beijing(2026, 5, 6, 10, 0);
        let c = Complaint::builder(t0, Channel::Visit, "宿舍窗户关不上")
            .complainant(person("学生"))
            .category(cat("repair"))
            .build()
            .unwrap();
        s.register("sl", "S22-C", c).unwrap();
        s.ok("sl", minutes(t0, 3), accept());
        s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
        s.ok("wxg", minutes(t0, 60), reply("已答复"));
        assert!(
            !due_all(&s, minutes(t0, 61))
                .iter()
                .any(|d| d.starts_with("callback")),
            "a reply is not the repair"
        );
        if repaired {
            s.ok(
                "wxg",
                minutes(t0, 120),
                act(tousu_policy::CaseAction::WorkCompleted, "维修完毕"),
            );
            // 2 days (assumed), calendar days: the end of 8 May.
            assert_eq!(due(&s, minutes(t0, 121), "callback"), "2026-05-09 00:00");
        }
        s.tick(beijing(2026, 5, 9, 9, 0));
        s.assert_replays();
        breach_owners(&s)
    };
    assert_eq!(run(true), vec!["callback@1 → sl".to_owned()]);
    assert!(run(false).is_empty(), "{:?}", run(false));
}

/// (七)「服务中心项目经理、主管等应不定期对值班情况进行巡视,及时处理突发事件,对违规或擅自离岗者
/// 进行处理,并对重大投诉事件进行回访」: the project manager, named first, calls back a
/// major case as the supervisor does; an ordinary case stays the
/// receptionist's (四). (The file let only the supervisor call back.)
#[test]
fn s22_the_project_manager_calls_back_major_cases_too() {
    let p = policy("campus-property-s22.toml");
    let roster = roster(
        &[("centre", "服务中心", None)],
        &[
            ("rec", "投诉受理员", "centre", &["receptionist"], Some("pm")),
            (
                "pm",
                "服务中心项目经理",
                "centre",
                &["project_manager"],
                None,
            ),
        ],
    );
    let t0 = beijing(2026, 4, 9, 20, 0);
    let replied = |collective: u32, text: &str| {
        let mut s = Scenario::new(p.clone(), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, text)
            .complainant(person("学生"))
            .collective_count(collective)
            .build()
            .unwrap();
        s.register("rec", "XY-P", c).unwrap();
        s.ok("rec", minutes(t0, 2), accept());
        s.ok("rec", minutes(t0, 60), reply("已修复"));
        s
    };

    let mut major = replied(12, "整层楼断电两小时");
    assert_eq!(level_of(&major), "major");
    major.ok(
        "pm",
        minutes(t0, 90),
        callback(Satisfaction::Satisfied, "项目经理回访,满意"),
    );
    assert_eq!(major.case().callback, Some(Satisfaction::Satisfied));

    let mut general = replied(1, "宿舍门锁松动");
    let refused = general
        .run(
            "pm",
            minutes(t0, 90),
            callback(Satisfaction::Satisfied, "满意"),
        )
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("the level must be one of major, emergency"),
        "{refused}"
    );
}

/// (三)「发现重大问题应迅速上报服务中心项目经理」 is the 值班员's; a major problem the
/// 投诉受理员 took ((四)「接待学生投诉来访」) and no duty officer ever acted on is
/// the receptionist's when the report is late (its `fallback_owner`, assumed) —
/// before, that breach was charged to nobody.
#[test]
fn s22_a_late_report_no_duty_officer_acted_on_is_the_receptionists() {
    let roster = roster(
        &[("fw", "服务中心", None)],
        &[
            (
                "rec",
                "投诉受理员 小林",
                "fw",
                &["receptionist"],
                Some("pm"),
            ),
            ("pm", "项目经理", "fw", &["project_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2026, 5, 1, 23, 0);
    let c = Complaint::builder(t0, Channel::Phone, "7号楼整层停水,40多名学生无法洗漱")
        .category(cat("repair"))
        .collective_count(40)
        .build()
        .unwrap();
    s.register("rec", "S22-F", c).unwrap();
    assert_eq!(level_of(&s), "major");
    let late = s.tick(beijing(2026, 5, 1, 23, 45));
    let owner = late.iter().find_map(|e| match &e.kind {
        EventKind::MilestoneBreached {
            milestone, owner, ..
        } if milestone.as_str() == "report_major" => Some(owner.clone()),
        _ => None,
    });
    assert_eq!(owner, Some(Some(sid("rec"))));
}

/// (七)「服务中心项目经理、主管等应不定期对值班情况进行巡视,及时处理突发事件」: an emergency
/// the duty officer reports up is the project manager's to handle: he sends it on
/// to the repair team himself; the supervisor is told. The report takes nothing
/// over (second fifteenth-audit read: (三)「上报」). (The patrol is supervision of
/// staff, out of scope.)
#[test]
fn s22_the_project_manager_handles_an_emergency() {
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            (
                "duty",
                "值班员老王",
                "centre",
                &["duty_officer"],
                Some("sup"),
            ),
            ("rep", "维修工小赵", "repair", &["responsible"], Some("sup")),
            ("sup", "主管", "centre", &["supervisor"], Some("pm")),
            (
                "pm",
                "服务中心项目经理",
                "centre",
                &["project_manager"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2025, 10, 3, 1, 10); // National Day holiday: the centre works
    let c = Complaint::builder(t0, Channel::Phone, "5号楼配电箱冒烟,楼道有焦味")
        .complainant(person("学生宿舍503 小陈"))
        .category(cat("repair"))
        .flags(ComplaintFlags {
            injury_or_safety: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    s.register("duty", "S22-E", c).unwrap();
    assert_eq!(level_of(&s), "emergency");
    s.ok("duty", minutes(t0, 2), accept());
    s.ok(
        "duty",
        minutes(t0, 5),
        escalate("突发事件,上报服务中心项目经理"),
    );
    assert_eq!(steps_taken(&s), ["project-manager"]);
    assert_eq!(
        steps_notified(&s),
        ["project-manager → project_manager, supervisor"]
    );
    let handler = |s: &Scenario| {
        s.case()
            .assignment
            .as_ref()
            .and_then(|a| a.handler.as_ref())
            .map(|h| h.as_str().to_owned())
    };
    s.ok("pm", minutes(t0, 8), assign("repair", "rep"));
    assert_eq!(handler(&s).as_deref(), Some("rep"));
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
}

/// TOC 四「关于保洁员、维修工、值班门卫投诉的相关规定」 (一)「针对宿舍保洁员的投诉」 (二)「针对维修人员的
/// 投诉」 (三)「针对宿舍值班门卫的投诉」 and 五「投诉或合理化意见的处理办法」: complaints about the
/// three kinds of staff are kinds of complaint about staff, and 合理化意见 a
/// category of its own (the rules of 四 and 五 themselves are lost).
#[test]
fn s22_complaints_about_staff_and_suggestions_are_categories() {
    let p = policy("campus-property-s22.toml");
    for id in ["cleaner", "repair_worker", "door_guard"] {
        let parent = p
            .category(&cat(id))
            .unwrap()
            .parent
            .as_ref()
            .map(ToString::to_string);
        assert_eq!(parent.as_deref(), Some("staff"), "{id}");
    }
    assert!(p.category(&cat("staff")).unwrap().parent.is_none());
    assert_eq!(
        p.category(&cat("suggestion")).map(|c| c.name_zh.as_str()),
        Some("合理化意见")
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "door_guard", "值班门卫夜里不给晚归学生开门")
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &c), None);
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人,发现重大问题应迅速
/// 上报服务中心项目经理」: a major problem the 投诉受理员 took and no 值班员 acted on is
/// the receptionist's to notify and report (he answers for both clocks,
/// `fallback_owner`, assumed), so he may: he reports it to the project manager
/// and notifies the 责任人 in time, and nothing breaches. (The old file charged
/// him with both clocks but let him do neither: no `escalate`, no `assign`.)
#[test]
fn s22_the_receptionist_who_took_a_major_problem_reports_it() {
    let roster = roster(
        &[("fw", "服务中心", None), ("repair", "维修班", Some("fw"))],
        &[
            (
                "rec",
                "投诉受理员 小林",
                "fw",
                &["receptionist"],
                Some("pm"),
            ),
            ("rep", "维修工小赵", "repair", &["responsible"], None),
            ("pm", "项目经理", "fw", &["project_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2026, 5, 1, 23, 0); // 劳动节 holiday: the centre works
    let c = Complaint::builder(t0, Channel::Phone, "7号楼整层停水,40多名学生无法洗漱")
        .category(cat("repair"))
        .collective_count(40)
        .build()
        .unwrap();
    s.register("rec", "S22-G", c).unwrap();
    assert_eq!(level_of(&s), "major");
    s.ok("rec", minutes(t0, 2), accept());
    s.ok(
        "rec",
        minutes(t0, 10),
        escalate("重大问题:整层停水,上报项目经理"),
    );
    assert_eq!(steps_taken(&s), ["project-manager"]);
    s.ok("rec", minutes(t0, 15), assign("repair", "rep"));
    s.tick(beijing(2026, 5, 2, 0, 0));
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
}

/// (四)「如遇维修事件,应在维修后,由投诉受理员负责回访」: the one who took the
/// complaint in (受理) calls back. A complaint the 值班员 took and no 投诉受理员
/// ever acted on has the duty officer answer for the callback (its
/// `fallback_owner`, assumed) — so he may record it; the file charged him
/// (and then the 责任人 who did the repair, who would be checking his own
/// work) with a callback neither could record.
#[test]
fn s22_the_duty_officer_who_took_it_calls_back() {
    let roster = roster(
        &[("fw", "服务中心", None), ("wx", "维修班", None)],
        &[
            ("duty", "值班员", "fw", &["duty_officer"], None),
            ("wxg", "维修工", "wx", &["responsible"], None),
        ],
    );
    let t0 = beijing(2026, 5, 6, 22, 0);
    let run = |called_back: bool| {
        let mut s = Scenario::new(policy("campus-property-s22.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, "宿舍水龙头关不上")
            .complainant(person("学生"))
            .category(cat("repair"))
            .build()
            .unwrap();
        s.register("duty", "S22-D", c).unwrap();
        s.ok("duty", minutes(t0, 3), accept());
        s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
        s.ok(
            "wxg",
            minutes(t0, 60),
            act(tousu_policy::CaseAction::WorkCompleted, "更换阀芯"),
        );
        s.ok("wxg", minutes(t0, 65), reply("已修好"));
        if called_back {
            s.ok(
                "duty",
                minutes(t0, 600),
                callback(Satisfaction::Satisfied, "回访：已不漏水"),
            );
        }
        s.tick(beijing(2026, 5, 9, 9, 0));
        s.assert_replays();
        breach_owners(&s)
    };
    assert!(run(true).is_empty(), "{:?}", run(true));
    assert_eq!(run(false), vec!["callback@1 → duty".to_owned()]);
}

/// (七)「服务中心项目经理、主管等应不定期对值班情况进行巡视,及时处理突发事件」: the
/// supervisor, named with the project manager, handles an emergency he meets
/// on his patrol — he sends the repair team and answers the student. The file
/// let only the project manager handle one (the supervisor could not assign,
/// transfer or reply); an ordinary complaint is still not his to handle.
#[test]
fn s22_the_supervisor_handles_an_emergency_too() {
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            ("duty", "值班员老王", "centre", &["duty_officer"], None),
            ("rep", "维修工小赵", "repair", &["responsible"], None),
            ("sup", "主管", "centre", &["supervisor"], None),
        ],
    );
    let t0 = beijing(2026, 2, 17, 22, 40); // Spring Festival: the centre works
    let complaint = |text: &str, safety: bool| {
        Complaint::builder(t0, Channel::Visit, text)
            .complainant(person("学生宿舍208 小韩"))
            .category(cat("repair"))
            .flags(ComplaintFlags {
                injury_or_safety: safety,
                ..ComplaintFlags::default()
            })
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster.clone());
    s.register("duty", "S22-S", complaint("2号楼楼道应急灯短路冒烟", true))
        .unwrap();
    assert_eq!(level_of(&s), "emergency");
    s.ok("duty", minutes(t0, 1), accept());
    s.ok("sup", minutes(t0, 4), assign("repair", "rep"));
    s.ok("sup", minutes(t0, 30), reply("已断电更换应急灯,请放心"));
    assert_eq!(status(&s), Status::Replied);
    s.assert_replays();

    let mut g = Scenario::new(policy("campus-property-s22.toml"), roster);
    g.register("duty", "S22-O", complaint("宿舍门把手松了", false))
        .unwrap();
    g.ok("duty", minutes(t0, 1), accept());
    let refused = g
        .run("sup", minutes(t0, 4), assign("repair", "rep"))
        .unwrap_err();
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
}

/// (三)「尽快通知责任人」 and (四)「应在维修后,由投诉受理员负责回访」: what survives
/// promises the student no date (section 三「投诉的界定及处理期限」 is lost, and
/// its limits are the file's assumed clocks). (The file let the 投诉受理员 set a
/// deadline with the student, a clock of no clause; set before anyone was
/// assigned, its lapse was charged to nobody.)
#[test]
fn s22_the_receptionist_promises_no_deadline_the_source_lacks() {
    let roster = roster(
        &[("fw", "服务中心", None)],
        &[("sl", "投诉受理员 小钟", "fw", &["receptionist"], None)],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2026, 5, 6, 10, 0);
    s.register(
        "sl",
        "S22-D",
        about(t0, "repair", "3号楼112宿舍热水器不出热水")
            .build()
            .unwrap(),
    )
    .unwrap();
    s.ok("sl", minutes(t0, 3), accept());
    let promise = CommandKind::SetAgreedDeadline {
        deadline: beijing(2026, 5, 6, 18, 0),
    };
    let refused = s.run("sl", minutes(t0, 5), promise);
    assert!(
        matches!(refused, Err(Rejection::NotPermitted { .. })),
        "{refused:?}"
    );
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人」: the duty
/// officer notifies the 责任人; a repair sent to the repair team with no
/// person named is the team's once one of it acts, and until then the duty
/// officer's, whose notice named nobody (`fallback_owner`, assumed). Before,
/// a late repair was charged to nobody. Fails on the old file.
#[test]
fn s22_a_repair_sent_to_the_team_without_a_person_is_still_owned() {
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            ("duty", "值班员老王", "centre", &["duty_officer"], None),
            ("rep", "维修工小赵", "repair", &["responsible"], None),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2026, 5, 6, 9, 0);
    let c = Complaint::builder(t0, Channel::Phone, "5号楼302宿舍水龙头坏了")
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-O", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("duty", minutes(t0, 5), accept());
    s.ok("duty", minutes(t0, 10), assign_department("repair"));
    // 24 hours later nobody of the team has acted: the duty officer.
    s.tick(beijing(2026, 5, 7, 9, 11));
    assert_eq!(breach_owners(&s), ["repair@1 → duty"]);
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人」: a
/// complaint not settled at once goes to the 责任人, whose repair the clock
/// `repair` measures (`owner = "assignee"`). The 值班员, the 投诉受理员, the 主管
/// and the 项目经理 could name anyone the handler — the 主管 on an ordinary
/// case, who may not reply to it, or a 值班员, who cannot record the repair
/// done that the callback waits for — and the repair was then charged to him.
/// They hand a case only to a 责任人 now (`hands_over_to`, ruling 78).
#[test]
fn s22_a_complaint_is_handed_only_to_the_person_responsible() {
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            (
                "duty",
                "值班员老王",
                "centre",
                &["duty_officer"],
                Some("sup"),
            ),
            (
                "duty2",
                "值班员小李",
                "centre",
                &["duty_officer"],
                Some("sup"),
            ),
            (
                "sl",
                "投诉受理员小钟",
                "centre",
                &["receptionist"],
                Some("sup"),
            ),
            ("sup", "主管", "centre", &["supervisor"], Some("pm")),
            ("pm", "项目经理", "centre", &["project_manager"], None),
            ("rep", "维修工小赵", "repair", &["responsible"], None),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    // Friday 25 September 2026, the Mid-Autumn Festival: the centre works.
    let t0 = beijing(2026, 9, 25, 21, 0);
    let c = Complaint::builder(t0, Channel::Phone, "7号楼一层走廊灯全部不亮")
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-H", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("duty", minutes(t0, 2), accept());
    let before = s.case().clone();
    // The 项目经理 hands on no ordinary complaint at all since the second
    // fifteenth-audit read (his `assign` by level).
    for (by, handler, kind) in [
        ("duty", "sup", "hand_over_refused"),
        ("duty", "duty2", "hand_over_refused"),
        ("sl", "duty", "hand_over_refused"),
        ("pm", "pm", "grant_condition_unmet"),
    ] {
        let refused = s
            .run(by, minutes(t0, 5), assign("centre", handler))
            .unwrap_err();
        assert_eq!(refused.kind(), kind, "{by} → {handler}: {refused}");
        assert_eq!(s.case(), &before, "the refusal changes nothing");
    }
    s.ok("duty", minutes(t0, 6), assign("repair", "rep"));
    // 24 hours (assumed) from the assignment, on calendar days.
    s.tick(beijing(2026, 9, 26, 21, 7));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["repair@1 → rep"]);
}

/// (三)「发现重大问题应迅速上报服务中心项目经理」: a major problem is reported to the
/// 项目经理 however quickly it is settled. Closing the case stopped
/// `report_major` as met, so a major problem answered, called back and closed
/// within the (assumed) 30 minutes was never reported and nobody was caught.
/// The closing now waits for the report (`[closure] awaits`, ruling 91):
/// refused as `closure_awaits_clock` and changing nothing until the 值班员
/// takes the step `project-manager`, then taken. An ordinary complaint, which
/// runs no report clock, closes as before. The twelfth audit (fails on the
/// old file, where the major case closed unreported and the clock was met).
#[test]
fn s22_a_major_problem_is_reported_before_the_case_closes() {
    let roster = roster(
        &[("centre", "物业服务中心", None)],
        &[
            (
                "duty",
                "值班员老王",
                "centre",
                &["duty_officer"],
                Some("pm"),
            ),
            ("rec", "投诉受理员", "centre", &["receptionist"], Some("pm")),
            ("pm", "项目经理", "centre", &["project_manager"], None),
        ],
    );
    // Thursday 7 May 2026, evening.
    let t0 = beijing(2026, 5, 7, 19, 0);
    let settled = |collective: u32, text: &str| {
        let mut s = Scenario::new(policy("campus-property-s22.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::Phone, text)
            .complainant(person("学生 小周"))
            .collective_count(collective)
            .build()
            .unwrap();
        s.register("duty", "S22-M", c).unwrap();
        s.ok("duty", minutes(t0, 1), accept());
        s.ok("duty", minutes(t0, 10), reply("阀门已复位,已恢复供水"));
        s.ok(
            "duty",
            minutes(t0, 15),
            callback(Satisfaction::Satisfied, "学生确认已来水"),
        );
        s
    };

    let mut major = settled(12, "整层楼停水");
    assert_eq!(level_of(&major), "major");
    let before = major.case().clone();
    let closed = major.run("rec", minutes(t0, 20), close()).unwrap_err();
    assert_eq!(closed.kind(), "closure_awaits_clock", "{closed}");
    assert_eq!(major.case(), &before, "the refusal changes nothing");
    major.ok(
        "duty",
        minutes(t0, 22),
        escalate("重大问题:整层停水,已恢复,上报项目经理"),
    );
    major.ok("rec", minutes(t0, 25), close());
    assert_eq!(status(&major), Status::Closed);
    assert!(breach_list(&major).is_empty(), "{:?}", breach_list(&major));
    major.assert_replays();

    let mut general = settled(1, "宿舍水龙头没水");
    assert_eq!(level_of(&general), "general");
    general.ok("rec", minutes(t0, 20), close());
    assert_eq!(status(&general), Status::Closed);
}

/// The centre's 值班员 (duty) under its 项目经理 (pm), and nobody else.
fn duty_and_project_manager() -> Scenario {
    let roster = roster(
        &[("centre", "物业服务中心", None)],
        &[
            (
                "duty",
                "值班员老王",
                "centre",
                &["duty_officer"],
                Some("pm"),
            ),
            ("pm", "项目经理", "centre", &["project_manager"], None),
        ],
    );
    Scenario::new(policy("campus-property-s22.toml"), roster)
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人,发现重大问题应迅速上报服务中心项目经理」:
/// the report is the 值班员's, made to the 项目经理; the step `project-manager`
/// takes the case over to the 项目经理, so his own escalation reported a case to
/// himself, used the step up and stopped `report_major`, which the 值班员 owes,
/// as met — and let the case close with nothing reported. He holds no
/// `escalate` now (nothing in the surviving text is above him but the
/// 服务中心经理, who only approves): his escalation is refused and changes
/// nothing, the report stays owed and breaches to the 值班员 who took the call,
/// whose own report is then taken. The thirteenth audit (fails on the old file,
/// where the project manager's escalation was taken and the report met).
#[test]
fn s22_the_project_manager_does_not_report_a_case_to_himself() {
    let mut s = duty_and_project_manager();
    // Saturday 3 October 2026, National Day holiday, night: the centre works every day.
    let t0 = beijing(2026, 10, 3, 22, 0);
    let c = Complaint::builder(t0, Channel::Phone, "5号楼整层停电")
        .complainant(person("学生 小吴"))
        .collective_count(20)
        .build()
        .unwrap();
    s.register("duty", "S22-PM", c).unwrap();
    assert_eq!(level_of(&s), "major");
    s.ok("duty", minutes(t0, 2), accept());
    let before = s.case().clone();
    let refused = s
        .run(
            "pm",
            minutes(t0, 10),
            escalate("项目经理巡视发现, 自行上报"),
        )
        .unwrap_err();
    assert_eq!(refused.kind(), "not_permitted", "{refused}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    assert!(steps_taken(&s).is_empty());
    s.tick(minutes(t0, 31));
    assert!(
        breach_owners(&s).contains(&"report_major@1 → duty".to_owned()),
        "the report stays the 值班员's: {:?}",
        breach_owners(&s)
    );
    s.ok(
        "duty",
        minutes(t0, 35),
        escalate("重大问题:整层停电,上报项目经理"),
    );
    assert_eq!(steps_taken(&s), ["late-report", "project-manager"]);
    s.assert_replays();
}

/// (三)「发现重大问题应迅速上报服务中心项目经理」: the report is made to the 项目经理.
/// A problem he classified major himself (on his 巡视, (七)) is known to him and
/// owes no report; the report clock is started only by the classification of
/// those who report to him (`started_by`): the 值班员's registration, the
/// 投诉受理员's, the 主管's reclassification. Since he no longer escalates
/// (`s22_the_project_manager_does_not_report_a_case_to_himself`), a clock his
/// own reclassification started breached to the 值班员 and held the closing
/// back until someone reported to him what he had found. The thirteenth audit
/// (fails on the file before it, where his reclassification started the clock).
#[test]
fn s22_a_problem_the_project_manager_found_major_owes_him_no_report() {
    let mut s = duty_and_project_manager();
    // Sunday 4 October 2026, National Day holiday: the centre works every day.
    let t0 = beijing(2026, 10, 4, 15, 0);
    let c = Complaint::builder(t0, Channel::Phone, "6号楼三层走廊灯不亮")
        .complainant(person("学生 小郑"))
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-PF", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("duty", minutes(t0, 2), accept());
    s.ok(
        "pm",
        minutes(t0, 30),
        classify_as("major", "巡视发现整层线路老化, 有火灾隐患"),
    );
    assert_eq!(level_of(&s), "major");
    assert!(
        s.deadlines(minutes(t0, 30))
            .iter()
            .all(|v| v.milestone.as_str() != "report_major"),
        "no report is owed to the one who found it"
    );
    s.tick(minutes(t0, 120));
    assert!(!breached(&s.events, "report_major"));
    s.assert_replays();
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人」: what the
/// 值班员 cannot settle at once goes to the 责任人, whose repair the clock `repair`
/// measures and whose answer ends it; (四)「应在维修后,由投诉受理员负责回访」: the
/// 投诉受理员 calls back after the repair. Either could still answer a case handed
/// to a 责任人, and the answer ended his `repair` clock as met though nothing was
/// repaired. They answer only a case with them now (`holds_case`, ruling 121):
/// one nobody was handed, which they settle at once. The fourteenth audit
/// (fails on the old file, where both answers were accepted).
#[test]
fn s22_a_repair_handed_to_the_person_responsible_is_answered_by_him() {
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            ("duty", "值班员老王", "centre", &["duty_officer"], None),
            ("rec", "投诉受理员", "centre", &["receptionist"], None),
            ("wxg", "维修工小赵", "repair", &["responsible"], None),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    // Friday 1 May 2026, Labour Day: the centre works every day.
    let t0 = beijing(2026, 5, 1, 21, 0);
    let c = Complaint::builder(t0, Channel::Phone, "7号楼203宿舍空调不制冷")
        .complainant(person("学生 小钱"))
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-R", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("repair", "wxg"));
    for by in ["duty", "rec"] {
        let before = s.case().clone();
        let refused = s
            .run(by, minutes(t0, 30), reply("已安排维修, 请耐心等待"))
            .unwrap_err();
        assert_eq!(refused.kind(), "grant_condition_unmet", "{by}: {refused}");
        assert_eq!(s.case(), &before, "the refusal changes nothing");
    }
    assert_eq!(due(&s, minutes(t0, 30), "repair"), "2026-05-02 21:05");
    s.tick(beijing(2026, 5, 2, 21, 10));
    assert_eq!(breach_owners(&s), ["repair@1 → wxg"]);
    s.ok(
        "wxg",
        beijing(2026, 5, 2, 22, 0),
        act(tousu_policy::CaseAction::WorkCompleted, "更换压缩机电容"),
    );
    s.ok("wxg", beijing(2026, 5, 2, 22, 5), reply("空调已修好"));
    s.assert_replays();
}

/// Ruling 133: what survives of the 制度 has no 延期, 延长 or 顺延, and 三
/// (「投诉的界定及处理期限」) is lost, so the assumed repair limit is not
/// extended: the 责任人 may not ask and the 项目经理 may not grant, nothing is
/// recorded, and the repair breaches when its 24 hours end. Fails on the old
/// file (the repairer's request was recorded, and an extension the 项目经理
/// approved paused the repair).
#[test]
fn s22_the_repair_is_not_extended() {
    let roster = roster(
        &[
            ("centre", "物业服务中心", None),
            ("repair", "维修班", Some("centre")),
        ],
        &[
            (
                "duty",
                "值班员老王",
                "centre",
                &["duty_officer"],
                Some("pm"),
            ),
            ("rep", "维修工小赵", "repair", &["responsible"], Some("pm")),
            (
                "pm",
                "服务中心项目经理",
                "centre",
                &["project_manager"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "repair", "宿舍卫生间水龙头关不紧")
        .build()
        .unwrap();
    s.register("duty", "S22-X", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign_with("repair", "rep", &[]));
    s.ok("rep", minutes(t0, 20), investigate());
    assert_no_extension(&mut s, "rep", "pm", minutes(t0, 60));
    // 24 hours (assumed) from the assignment: the centre works every day.
    assert_eq!(due(&s, minutes(t0, 21), "repair"), "2026-03-03 10:05");
    s.tick(beijing(2026, 3, 3, 11, 0));
    s.assert_replays();
    assert!(breach_owners(&s).contains(&"repair@1 → rep".to_owned()));
}

/// The centre's 值班员 (duty), 投诉受理员 (rec) and 项目经理 (pm), and two 维修工
/// (wxg, wxg2) of the 维修班 (wx).
fn centre_with_repair_team() -> Scenario {
    let roster = roster(
        &[("fw", "物业服务中心", None), ("wx", "维修班", Some("fw"))],
        &[
            ("duty", "值班员 老王", "fw", &["duty_officer"], Some("pm")),
            (
                "rec",
                "投诉受理员 小钟",
                "fw",
                &["receptionist"],
                Some("pm"),
            ),
            ("pm", "项目经理", "fw", &["project_manager"], None),
            ("wxg", "维修工 老包", "wx", &["responsible"], Some("pm")),
            ("wxg2", "维修工 小董", "wx", &["responsible"], Some("pm")),
        ],
    );
    Scenario::new(policy("campus-property-s22.toml"), roster)
}

/// What survives calls back after a repair ((四)「如遇维修事件,应在维修后,由投诉受理员
/// 负责回访,回访结果要做记录」) and on a major complaint ((七)「并对重大投诉事件进行回访」),
/// nothing else; the file needed a satisfied callback of every case. Now an
/// ordinary complaint the 值班员 settles at once closes on its reply
/// (`on_reply`); a repair recorded done closes only once it is called back
/// (`[closure] awaits` the milestone `callback`: refused as
/// `closure_awaits_clock`, changing nothing); and a case the 项目经理
/// reclassified major — the complaint alone is ordinary — closes only after a
/// satisfied callback (`needs_callback_at`, ruling 146: the level as it
/// stands). The fourteenth audit (fails on the old file, where the ordinary
/// complaint could not be closed without a callback).
#[test]
fn s22_only_a_repair_or_a_major_case_is_called_back_before_closing() {
    // Tuesday 12 May 2026.
    let t0 = beijing(2026, 5, 12, 9, 0);
    let registered = |no: &str| {
        let mut s = centre_with_repair_team();
        let c = Complaint::builder(t0, Channel::Visit, "宿舍楼道灯不亮")
            .complainant(person("学生 小宋"))
            .category(cat("repair"))
            .build()
            .unwrap();
        s.register("duty", no, c).unwrap();
        s.ok("duty", minutes(t0, 1), accept());
        s
    };

    let mut at_once = registered("S22-N1");
    at_once.ok("duty", minutes(t0, 5), reply("已更换保险丝,楼道灯恢复"));
    at_once.ok("rec", minutes(t0, 10), close());
    assert_eq!(closure_kind(&at_once), "OnReply");
    at_once.assert_replays();

    let mut repaired = registered("S22-N2");
    repaired.ok("duty", minutes(t0, 3), assign("wx", "wxg"));
    repaired.ok(
        "wxg",
        minutes(t0, 60),
        act(tousu_policy::CaseAction::WorkCompleted, "灯具已更换"),
    );
    repaired.ok("wxg", minutes(t0, 65), reply("灯具已更换"));
    let before = repaired.case().clone();
    let refused = repaired.run("rec", minutes(t0, 70), close()).unwrap_err();
    assert_eq!(refused.kind(), "closure_awaits_clock", "{refused}");
    assert_eq!(repaired.case(), &before, "the refusal changes nothing");
    repaired.ok(
        "rec",
        minutes(t0, 120),
        callback(Satisfaction::Satisfied, "学生确认灯已亮"),
    );
    repaired.ok("rec", minutes(t0, 125), close());
    assert_eq!(closure_kind(&repaired), "Satisfied");

    let mut major = registered("S22-N3");
    major.ok(
        "pm",
        minutes(t0, 2),
        classify_as("major", "整栋楼道照明故障"),
    );
    assert_eq!(level_of(&major), "major");
    major.ok("duty", minutes(t0, 30), reply("楼道照明线路已修复"));
    let before = major.case().clone();
    let refused = major.run("rec", minutes(t0, 40), close()).unwrap_err();
    assert!(refused.to_string().contains("callback"), "{refused}");
    assert_eq!(major.case(), &before, "the refusal changes nothing");
    major.ok(
        "pm",
        minutes(t0, 50),
        callback(Satisfaction::Satisfied, "项目经理回访,满意"),
    );
    major.ok("rec", minutes(t0, 55), close());
    assert_eq!(closure_kind(&major), "Satisfied");
    major.assert_replays();
}

/// (三)「当遇投诉报修无法立即处理时…尽快通知责任人」: the complaint is handed to
/// one 责任人, whose repair the `repair` clock measures; another 班组's 责任人 (a
/// 保洁员 on a repair the 维修工 holds) does not answer it and so end that clock.
/// Refused as `holds_case`, nothing changes, the 维修工 answers. Fails on the
/// old file (any 责任人's reply was accepted). Fourteenth session, act probe.
#[test]
fn s22_only_the_responsible_notified_answers() {
    let mut s = repair_and_cleaning_teams();
    let t0 = beijing(2026, 5, 6, 10, 0);
    let c = Complaint::builder(t0, Channel::Visit, "5号楼208宿舍窗户关不上")
        .complainant(person("学生 小柯"))
        .category(cat("repair"))
        .build()
        .unwrap();
    s.register("duty", "S22-RN", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    // Nobody notified yet: no 责任人's case.
    let e = s.refused("bjy", minutes(t0, 3), reply("已处理"));
    assert!(e.to_string().contains("holds_case"), "{e}");
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let e = s.refused("bjy", minutes(t0, 30), reply("窗户已修好"));
    assert!(e.to_string().contains("holds_case"), "{e}");
    s.ok("wxg", minutes(t0, 90), reply("窗户合页已更换"));
    s.assert_replays();
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人,发现重大
/// 问题应迅速上报服务中心项目经理」: an ordinary complaint goes to the 责任人, and only a
/// major problem to the 项目经理, whose part (七) is 突发事件 and 重大投诉事件. He held
/// `reply` on every case, so his answer to an ordinary repair handed to a 维修工
/// ended the 维修工's `repair` clock as met though nothing was repaired (the fault
/// the fourteenth audit fixed for the 值班员 and the 投诉受理员). He answers only a
/// case at `major` or `emergency` now: refused as `grant_condition_unmet`,
/// nothing changes, the repair runs on and is the 维修工's. The fifteenth audit
/// (fails on the old file, where his answer was taken).
#[test]
fn s22_the_project_manager_does_not_answer_an_ordinary_repair() {
    // Wednesday 1 July 2026.
    let t0 = beijing(2026, 7, 1, 9, 0);
    let mut s = centre_with_repair_team();
    let c = about(t0, "repair", "6号楼312宿舍热水器不出热水")
        .build()
        .unwrap();
    s.register("duty", "S22-PM", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let e = s.refused("pm", minutes(t0, 30), reply("已安排维修"));
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert!(e.to_string().contains("major"), "{e}");
    assert_eq!(due(&s, minutes(t0, 31), "repair"), "2026-07-02 09:05");
    s.tick(beijing(2026, 7, 2, 9, 10));
    assert_eq!(breach_owners(&s), ["repair@1 → wxg"]);
    s.ok(
        "wxg",
        beijing(2026, 7, 2, 10, 0),
        reply("热水器温控器已更换"),
    );
    s.assert_replays();

    // A problem he found major himself is his to answer.
    let mut major = centre_with_repair_team();
    let c = about(t0, "repair", "6号楼整栋热水停供").build().unwrap();
    major.register("duty", "S22-PM2", c).unwrap();
    major.ok("duty", minutes(t0, 2), accept());
    major.ok(
        "pm",
        minutes(t0, 10),
        classify_as("major", "整栋楼停供热水"),
    );
    major.ok("pm", minutes(t0, 40), reply("锅炉已抢修, 今晚恢复供热水"));
    major.assert_replays();
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人,发现重大问题应迅速
/// 上报服务中心项目经理」: the report tells the 项目经理 of a major problem; it does
/// not take the repair from the 维修工 notified. The step took the case over, so
/// the 维修工 could no longer answer (`holds_case`, ruling 129) while the
/// `repair` clock stayed his. Now he answers after the report, in time, and
/// the 项目经理 is told. Fails on the old file, where his answer was refused.
/// Second fifteenth-audit read.
#[test]
fn s22_a_repair_reported_to_the_project_manager_stays_the_repairers() {
    let t0 = beijing(2026, 7, 8, 21, 0); // Wednesday
    let mut s = centre_with_repair_team();
    let c = about(t0, "repair", "8号楼三层整层停电,30多名学生无法照明")
        .collective_count(30)
        .build()
        .unwrap();
    s.register("duty", "S22-RP", c).unwrap();
    assert_eq!(level_of(&s), "major");
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    s.ok(
        "duty",
        minutes(t0, 10),
        escalate("重大问题,上报服务中心项目经理"),
    );
    s.ok(
        "wxg",
        minutes(t0, 20),
        act(tousu_policy::CaseAction::WorkCompleted, "更换三层总闸"),
    );
    s.ok("wxg", minutes(t0, 30), reply("三层总闸已更换, 恢复供电"));
    assert_eq!(status(&s), Status::Replied);
    assert_eq!(
        steps_notified(&s),
        ["project-manager → project_manager, supervisor"]
    );
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
}

/// (一)「确保住宿学生及辅导员投诉随时得到处理」: the 服务中心经理's abnormal closure
/// (assumed: the surviving text names none) ends only a case already answered.
/// Refused as `grant_condition_unmet` while the 维修工 notified has the repair,
/// nothing changes, and the repair stays his; taken once he has answered and
/// the callback cannot be made. Fails on the old file, where the closure of
/// the unanswered repair was taken. Second fifteenth-audit read.
#[test]
fn s22_the_centre_manager_closes_abnormally_only_an_answered_case() {
    let roster = roster(
        &[("fw", "物业服务中心", None), ("wx", "维修班", Some("fw"))],
        &[
            ("duty", "值班员 老王", "fw", &["duty_officer"], Some("cm")),
            ("wxg", "维修工 老包", "wx", &["responsible"], Some("cm")),
            ("cm", "服务中心经理", "fw", &["centre_manager"], None),
        ],
    );
    let mut s = Scenario::new(policy("campus-property-s22.toml"), roster);
    let t0 = beijing(2026, 7, 15, 9, 0); // Wednesday
    let c = about(t0, "repair", "4号楼106宿舍空调不制冷")
        .build()
        .unwrap();
    s.register("duty", "S22-AB", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let closing = || CommandKind::CloseAbnormally {
        reason: "学生已离校,无法回访".to_owned(),
    };
    let before = s.case().clone();
    let e = s.refused("cm", minutes(t0, 30), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok(
        "wxg",
        minutes(t0, 120),
        act(tousu_policy::CaseAction::WorkCompleted, "补充冷媒"),
    );
    s.ok("wxg", minutes(t0, 130), reply("空调已补充冷媒, 制冷正常"));
    s.ok("cm", beijing(2026, 7, 17, 9, 0), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// A 值班员 (`duty`), a 维修工 (`wxg`, 维修班) and a 保洁员 (`bjy`, 保洁班), each
/// 班组 a department of its own.
fn repair_and_cleaning_teams() -> Scenario {
    let roster = roster(
        &[
            ("fw", "服务中心", None),
            ("wx", "维修班", None),
            ("bj", "保洁班", None),
        ],
        &[
            ("duty", "值班员", "fw", &["duty_officer"], None),
            ("wxg", "维修工 老包", "wx", &["responsible"], None),
            ("bjy", "保洁员 小田", "bj", &["responsible"], None),
        ],
    );
    Scenario::new(policy("campus-property-s22.toml"), roster)
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人」: the 责任人
/// notified repairs, and no other. A 保洁员 of another 班组 recorded the repair
/// of a case handed to the 维修工 done (`work_completed`), starting the
/// 投诉受理员's callback (四「应在维修后…回访」) before anything was repaired, and
/// could investigate and propose for it. Each is refused as `holds_case`,
/// nothing changes, and the 维修工 repairs. Fails on the old file, where the
/// 保洁员's investigation was taken. Second fifteenth-audit read.
#[test]
fn s22_only_the_responsible_notified_repairs() {
    let mut s = repair_and_cleaning_teams();
    let t0 = beijing(2026, 7, 22, 10, 0); // Wednesday
    let c = about(t0, "repair", "2号楼305宿舍水龙头漏水")
        .build()
        .unwrap();
    s.register("duty", "S22-RW", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let before = s.case().clone();
    for cmd in [
        investigate(),
        act(tousu_policy::CaseAction::WorkCompleted, "已修好"),
    ] {
        let e = s.refused("bjy", minutes(t0, 10), cmd);
        assert!(e.to_string().contains("holds_case"), "{e}");
    }
    assert_eq!(s.case(), &before, "the refusals change nothing");
    s.ok("wxg", minutes(t0, 20), investigate());
    s.ok(
        "wxg",
        minutes(t0, 60),
        act(tousu_policy::CaseAction::WorkCompleted, "更换水龙头阀芯"),
    );
    s.ok("wxg", minutes(t0, 65), reply("水龙头阀芯已更换"));
    s.assert_replays();
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人,发现重大问题应迅速
/// 上报服务中心项目经理」: the notice of an ordinary complaint is the 值班员's, and only a
/// major problem the 项目经理's ((七) adds 突发事件). His transfer took an
/// ordinary repair from the 维修工 notified; refused now as
/// `grant_condition_unmet`, nothing changes, and the 维修工 answers. Fails on
/// the old file, where the transfer was taken. Second fifteenth-audit read.
#[test]
fn s22_the_project_manager_does_not_reassign_an_ordinary_repair() {
    let t0 = beijing(2026, 7, 29, 9, 0); // Wednesday
    let mut s = centre_with_repair_team();
    let c = about(t0, "repair", "6号楼215宿舍门锁损坏").build().unwrap();
    s.register("duty", "S22-PT", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let before = s.case().clone();
    let e = s.refused("pm", minutes(t0, 10), transfer("wx", "wxg2", "改派小董"));
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("wxg", minutes(t0, 60), reply("门锁已更换"));
    s.assert_replays();
}

/// Two 服务中心 (`fw`, `fw2`), each with a 维修班 under it (`wx`, `wx2`),
/// staffed as given.
fn two_centres_staffed(staff: &[StaffRow<'_>]) -> Scenario {
    let depts = [
        ("fw", "一区物业服务中心", None),
        ("wx", "一区维修班", Some("fw")),
        ("fw2", "二区物业服务中心", None),
        ("wx2", "二区维修班", Some("fw2")),
    ];
    Scenario::new(policy("campus-property-s22.toml"), roster(&depts, staff))
}

/// Two 服务中心, each with its 值班员, its 投诉受理员 and a 维修班 under it (`wx`:
/// 老包 and 小董; `wx2`: 小鲁).
fn two_centres() -> Scenario {
    two_centres_staffed(&[
        ("duty", "一区值班员", "fw", &["duty_officer"], None),
        ("wxg", "维修工 老包", "wx", &["responsible"], None),
        ("wxg2", "维修工 小董", "wx", &["responsible"], None),
        ("rec", "一区投诉受理员", "fw", &["receptionist"], None),
        ("duty2", "二区值班员", "fw2", &["duty_officer"], None),
        ("wxg3", "二区维修工 小鲁", "wx2", &["responsible"], None),
        ("rec2", "二区投诉受理员", "fw2", &["receptionist"], None),
    ])
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人」: the 值班员
/// notifies the 责任人 of what his centre's duty received, and may name another
/// in his notice's place. His `transfer` had no condition, so another centre's
/// 值班员 took a repair from the 维修工 this centre had notified and gave it to
/// his own team. He transfers only a case his centre sent on now (`holds_case
/// = "sent"`, ruling 152): the other centre's transfer is refused naming
/// `holds_case`, nothing changes, and this centre's 值班员 re-notifies within
/// his team. The twentieth audit (fails on the old file, where the other
/// centre's transfer was taken).
#[test]
fn s22_the_duty_officer_transfers_only_what_his_centre_sent() {
    let mut s = two_centres();
    let t0 = beijing(2026, 8, 5, 21, 0); // Wednesday night
    let c = about(t0, "repair", "一区5号楼108宿舍灯管不亮")
        .build()
        .unwrap();
    s.register("duty", "S22-TC", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let before = s.case().clone();
    refused_not_holding(
        &mut s,
        "duty2",
        minutes(t0, 10),
        transfer("wx2", "wxg3", "改派二区维修班"),
    );
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok(
        "duty",
        minutes(t0, 15),
        transfer("wx", "wxg2", "老包休班, 改由小董维修"),
    );
    s.ok("wxg2", minutes(t0, 60), reply("灯管已更换"));
    s.assert_replays();
}

/// (二)「保证服务中心内全天二十四小时有人值班」, (三)「值班员应认真做好值班记录,并尽快通知
/// 责任人」, (四)「按规定接听学生电话和接待学生投诉来访」: each centre's duty desk
/// handles the complaints it receives. The 值班员's and the 投诉受理员's notice,
/// callback, report and the 投诉受理员's closing held on every case, and their
/// answer on any case nobody had been handed, so another centre's 值班员
/// notified his own team of this centre's complaint and its 投诉受理员 closed
/// it. They are grants now on a complaint of their centre (`holds_case =
/// ["received", "sent"]`, the answer `"received"`, rulings 151, 152): each
/// refused naming `holds_case`, nothing changes, and this centre's desk
/// answers and closes. The twentieth audit's act probe (fails on the old
/// file, where the other centre's notice was taken).
#[test]
fn s22_another_centres_desk_does_not_handle_a_centres_complaint() {
    let mut s = two_centres();
    let t0 = beijing(2026, 8, 6, 20, 0); // Thursday evening
    let c = about(t0, "cleaner", "一区3号楼走廊垃圾两天没人清")
        .first_responder(sid("duty"))
        .build()
        .unwrap();
    s.register("duty", "S22-DX", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    let before = s.case().clone();
    refused_not_holding(&mut s, "duty2", minutes(t0, 5), assign("wx2", "wxg3"));
    refused_not_holding(&mut s, "rec2", minutes(t0, 5), reply("已安排保洁"));
    assert_eq!(s.case(), &before, "the refusals change nothing");
    s.ok("duty", minutes(t0, 10), reply("已通知保洁员今晚清理"));
    let replied = s.case().clone();
    refused_not_holding(&mut s, "rec2", minutes(t0, 20), close());
    assert_eq!(s.case(), &replied, "the refusal changes nothing");
    s.ok("rec", minutes(t0, 30), close());
    s.assert_replays();
}

/// (三)「当遇投诉报修无法立即处理时,值班员应认真做好值班记录,并尽快通知责任人」: a case
/// the 值班员 first sent to the 保洁班, whose 保洁员 looked at it, then passed on to
/// the 维修班 with no one named is the 维修班's: until one of it acts, the 值班员
/// whose notice named nobody answers for the repair. `{ role = "responsible" }`
/// charged the first 责任人 on the case in any 班组, the 保洁员 who no longer had
/// it. Now the 责任人 of the 班组 holding it (`role_holding_case`, ruling 161).
/// The twenty-first audit (fails on the old file).
#[test]
fn s22_a_repair_passed_on_is_not_the_first_teams() {
    let mut s = repair_and_cleaning_teams();
    let t0 = beijing(2026, 8, 10, 9, 0);
    let c = about(t0, "repair", "7号楼楼道地面积水").build().unwrap();
    s.register("duty", "S22-PO", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("bj", "bjy"));
    s.ok("bjy", minutes(t0, 30), investigate());
    s.ok(
        "duty",
        minutes(t0, 40),
        transfer_department("wx", "积水系水管渗漏, 改派维修班"),
    );
    s.tick(beijing(2026, 8, 11, 9, 10));
    assert_eq!(breach_owners(&s), ["repair@1 → duty"]);
    s.assert_replays();
}

/// (二)「保证服务中心内全天二十四小时有人值班」, (三)「值班员…尽快通知责任人」: the notice
/// of a complaint 一区's 投诉受理员 received is 一区's duty desk's. 二区's 值班员, who
/// only noted it (the student had called 二区 first), was charged with the late
/// notice as the first 值班员 on the case (`{ role = "duty_officer" }`). Now the
/// centre holding it (`role_holding_case`, ruling 161): with no 一区 值班员 on the
/// case, its 投诉受理员 who took it. The twenty-first audit (fails on the old file).
#[test]
fn s22_a_late_notice_is_the_receiving_centres() {
    let mut s = two_centres();
    let t0 = beijing(2026, 8, 12, 20, 0);
    let c = about(t0, "repair", "一区2号楼热水器不出热水")
        .first_responder(sid("rec"))
        .build()
        .unwrap();
    s.register("rec", "S22-LN", c).unwrap();
    s.ok("rec", minutes(t0, 2), accept());
    s.ok(
        "duty2",
        minutes(t0, 5),
        note("学生先打到二区值班室, 已转一区"),
    );
    s.tick(minutes(t0, 40));
    assert_eq!(breach_owners(&s), ["notify_responsible@1 → rec"]);
}

/// Two centres, each with its 维修班 under it, a 值班员, a 主管 and a 项目经理.
fn two_centres_with_heads() -> Scenario {
    two_centres_staffed(&[
        ("duty", "一区值班员", "fw", &["duty_officer"], None),
        ("wxg", "维修工 老包", "wx", &["responsible"], None),
        ("sup", "一区主管", "fw", &["supervisor"], None),
        ("pm", "一区项目经理", "fw", &["project_manager"], None),
        ("sup2", "二区主管", "fw2", &["supervisor"], None),
        ("pm2", "二区项目经理", "fw2", &["project_manager"], None),
    ])
}

/// (七)「服务中心项目经理、主管等应不定期对值班情况进行巡视,及时处理突发事件」 and (三)「发现重大问题
/// 应迅速上报服务中心项目经理」: a centre's 主管 and 项目经理 act on their own centre's
/// cases. Their reclassification, and their answer, callback and hand-over at 重大 and
/// 突发, held on every case, so 二区's 主管 could make 一区's repair 重大 (starting its
/// `report_major`) and 二区's 项目经理 answer it. Now on a case their centre received,
/// sent on or has a 班组 under it handling (`["received", "sent", "in_line"]`): each
/// refused naming `holds_case`, nothing changes, and 一区's 主管 reclassifies. The
/// twenty-first audit's act probe (fails on the old file).
#[test]
fn s22_another_centres_heads_do_not_reclassify_or_answer() {
    let mut s = two_centres_with_heads();
    let t0 = beijing(2026, 8, 13, 21, 0);
    let c = about(t0, "repair", "一区4号楼顶层漏水, 多间宿舍进水")
        .first_responder(sid("duty"))
        .build()
        .unwrap();
    s.register("duty", "S22-HD", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    let before = s.case().clone();
    for who in ["sup2", "pm2"] {
        refused_not_holding(
            &mut s,
            who,
            minutes(t0, 10),
            classify_as("major", "多间宿舍进水"),
        );
    }
    assert_eq!(s.case(), &before, "the refusals change nothing");
    s.ok("sup", minutes(t0, 12), classify_as("major", "多间宿舍进水"));
    assert_eq!(level_of(&s), "major");
    let major = s.case().clone();
    refused_not_holding(&mut s, "pm2", minutes(t0, 15), reply("二区已处理"));
    assert_eq!(s.case(), &major, "the refusal changes nothing");
    s.ok("pm", minutes(t0, 20), reply("已关闭顶层水阀, 维修班抢修"));
    s.assert_replays();
}

/// (四)「如遇维修事件,应在维修后,由投诉受理员负责回访」 and (二)「保证服务中心内全天二十四小时
/// 有人值班」: the callback of a repair a centre sent to its 班组 is that centre's
/// desk's. Its owner was the first 投诉受理员 on the case in any centre, so
/// another centre's, for a note, was charged with a callback it may not make
/// (its `record_callback` reads `["received", "sent"]`). The owners read the case
/// as the grants do now (`role_holding_case` with `holds = ["received",
/// "sent"]`, ruling 172): the 值班员 who notified the 维修工 answers. Twenty-first
/// session, language (fails on the old file, which charged `rec2`).
#[test]
fn s22_the_callback_is_owed_by_the_centre_that_sent_the_repair() {
    let mut s = two_centres();
    let t0 = beijing(2026, 8, 10, 21, 0); // Monday night
    let c = about(t0, "repair", "一区7号楼水龙头漏水")
        .first_responder(sid("duty"))
        .build()
        .unwrap();
    s.register("duty", "S22-CB", c).unwrap();
    s.ok("duty", minutes(t0, 2), accept());
    s.ok("duty", minutes(t0, 5), assign("wx", "wxg"));
    s.ok("rec2", minutes(t0, 10), note("二区也有同型号水龙头漏水"));
    s.ok(
        "wxg",
        minutes(t0, 60),
        act(tousu_policy::CaseAction::WorkCompleted, "更换水龙头"),
    );
    s.tick(beijing(2026, 8, 14, 9, 0));
    // The 维修工 never answered: his repair clock breached too (his own).
    assert_eq!(breach_owners(&s), ["repair@1 → wxg", "callback@1 → duty"]);
}

/// (二)「保证服务中心内全天二十四小时有人值班,本着对学生负责的精神,认真听取投诉意见」,
/// (四)「按规定接听学生电话和接待学生投诉来访」: a complaint 一区's 值班员 took in is
/// 一区's to accept. `accept` was among the 值班员's and the 投诉受理员's actions,
/// held on every case, so 二区's desk accepted it before anyone of 一区 had. It
/// is a grant on a complaint their centre received now (`holds_case =
/// "received"`, ruling 151): each refused naming `holds_case`, nothing changes,
/// and 一区's 投诉受理员 accepts. The twenty-second audit's act probe, received
/// stage (fails on the old file, where 二区's acceptance was taken).
#[test]
fn s22_another_centres_desk_does_not_accept_a_centres_complaint() {
    let mut s = two_centres();
    let t0 = beijing(2026, 8, 13, 21, 0);
    let c = about(t0, "repair", "一区4号楼206宿舍门锁坏了")
        .first_responder(sid("duty"))
        .build()
        .unwrap();
    s.register("duty", "S22-AC", c).unwrap();
    let before = s.case().clone();
    refused_not_holding(&mut s, "duty2", minutes(t0, 2), accept());
    refused_not_holding(&mut s, "rec2", minutes(t0, 2), accept());
    assert_eq!(s.case(), &before, "the refusals change nothing");
    s.ok("rec", minutes(t0, 3), accept());
    s.assert_replays();
}
