use super::*;

// ---------------------------------------------------------------------------
// S21 — Zhenjiang construction quality: developer first, the warranty, a
// repair order with a deadline.
// ---------------------------------------------------------------------------
#[test]
fn s21_construction_roof_leak_within_warranty() {
    let p = policy("construction-zhenjiang-s21.toml");
    let t0 = beijing(2025, 7, 8, 9, 0);
    let base = |delivered: (i32, u32, u32), developer_failed: bool| {
        let mut b = Complaint::builder(
            t0,
            Channel::Letter,
            "顶层住户：屋面防水失效，雨天卧室天花板渗水发霉",
        )
        .complainant(person("业主蒋先生（5栋1801）").with_phone("13951100000"))
        .category(cat("roof_waterproofing"))
        .product(ProductData {
            delivery_date: chrono::NaiveDate::from_ymd_opt(delivered.0, delivered.1, delivered.2),
            ..ProductData::default()
        });
        if developer_failed {
            b = b.fact(fact("developer_failed_warranty"), FactValue::Bool(true));
        }
        b.build().unwrap()
    };
    let rule = |c: &Complaint| {
        p.acceptance(&EvalInput::new(c, t0))
            .rule_id
            .map(|r| r.to_string())
    };
    // 第七条: the developer first.
    assert_eq!(
        rule(&base((2021, 12, 20), false)).as_deref(),
        Some("developer-first")
    );
    // 屋面防水 5 years from 竣工验收合格 (2019-06-30): expired.
    assert_eq!(
        rule(&base((2019, 6, 30), true)).as_deref(),
        Some("out-of-warranty")
    );
    assert_eq!(rule(&base((2021, 12, 20), true)), None);

    let roster = roster(
        &[
            ("station", "镇江市建设工程质量监督站", None),
            ("bureau", "镇江市建设局", None),
        ],
        &[
            ("io", "受理员", "station", &["intake_officer"], Some("sh")),
            ("ins", "监督员钱工", "station", &["inspector"], Some("sh")),
            ("sh", "监督站站长", "station", &["station_head"], Some("cb")),
            (
                "cb",
                "建设局质量安全科",
                "bureau",
                &["construction_bureau"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster);
    s.register("io", "S21-1", base((2021, 12, 20), true))
        .unwrap();
    s.ok("io", beijing(2025, 7, 9, 10, 0), accept());
    // 30 days from 9 July end on 8 August (assumed limits); 60 days end on
    // Sunday 7 September → the end of Monday 8 September.
    let d = due_all(&s, beijing(2025, 7, 9, 10, 1));
    assert!(
        d.contains(&"investigation → 2025-08-09 00:00".to_owned()),
        "{d:?}"
    );
    assert!(d.contains(&"result → 2025-09-09 00:00".to_owned()), "{d:?}");
    s.ok(
        "io",
        beijing(2025, 7, 9, 10, 30),
        assign_with("station", "ins", &[]),
    );
    s.ok("ins", beijing(2025, 7, 15, 9, 0), investigate());
    s.ok("ins", beijing(2025, 7, 15, 16, 0), findings_of(FaultParty::ThirdParty, &[], "调查核实：屋面卷材搭接不足、女儿墙泛水高度不够，属施工质量缺陷；开发商以保修人员不足为由拖延"));
    s.ok(
        "ins",
        beijing(2025, 7, 16, 10, 0),
        propose(
            vec![remedy(
                RemedyKind::Repair,
                None,
                "责成施工单位限期修复屋面防水并修复室内吊顶",
            )],
            "调解: 室内吊顶修复费用由施工单位承担",
        ),
    );
    s.ok("sh", beijing(2025, 7, 16, 15, 0), approve());
    // 限期修复: the deadline binds the builder and is in the order proposed
    // (`s21_the_builders_repair_deadline_is_not_the_inspectors`).
    s.ok(
        "io",
        beijing(2025, 8, 14, 10, 0),
        reply("屋面防水已重做并经闭水试验合格，室内吊顶已修复"),
    );
    s.ok(
        "io",
        beijing(2025, 8, 20, 10, 0),
        callback(Satisfaction::Satisfied, "雨后回访无渗漏"),
    );
    s.ok(
        "sh",
        beijing(2025, 8, 20, 15, 0),
        escalate("向上级有关部门反馈批转投诉事项的处理情况"),
    );
    s.ok("io", beijing(2025, 8, 20, 16, 0), close());
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
    insta::assert_snapshot!("s21_construction", timeline(&s.events));
}

/// 第四条 「政府及上级建设行政主管部门交办的工程质量投诉」: a referred complaint is
/// accepted without the developer-first precondition (第七条), which still
/// refuses the complainant's own.
#[test]
fn s21_government_referral_is_accepted_without_the_developer_first() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[("i1", "受理人员", "zjz", &["intake_officer"], None)],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut referred = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster.clone());
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:住宅楼外墙渗水")
        .build()
        .unwrap();
    referred.register("i1", "ZJ-1", c).unwrap();
    referred.ok("i1", minutes(t0, 30), accept());
    assert_eq!(status(&referred), Status::Accepted);

    let mut own = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Phone, "住宅楼外墙渗水")
        .build()
        .unwrap();
    own.register("i1", "ZJ-2", c).unwrap();
    let err = own.run("i1", minutes(t0, 30), accept()).unwrap_err();
    assert!(
        matches!(&err, Rejection::PolicyDecides { rule: Some(r), .. } if r.as_str() == "developer-first"),
        "{err}"
    );
}

/// The warranty table the source relies on (「保修期自竣工验收合格之日起计算」,
/// the terms of 《建设工程质量管理条例》第四十条): 「有防水要求的卫生间、房间和外墙面的防
/// 渗漏,为5年」, 「电气管线、给排水管道、设备安装和装修工程,为2年」 at their last day and
/// the day after; 「合理使用年限」 and 「2个采暖期、供冷期」 have no date to compute. The
/// developer was asked first in every case (第七条), so only the date decides.
#[test]
fn s21_each_warranty_term_and_litigation() {
    let p = policy("construction-zhenjiang-s21.toml");
    let accepted_on = date(2021, 6, 30);
    let refusal = |category: &str, incident: chrono::NaiveDate| {
        let at = on_day(incident);
        let c = about(at, category, "质量缺陷")
            .incident_at(on_day(incident))
            .product(delivered(accepted_on))
            .fact(fact("developer_failed_warranty"), yes())
            .build()
            .unwrap();
        refused_by(&p, &c)
    };
    assert_eq!(warranty_term(&p, "wet_room_leakage"), "5 years");
    assert_eq!(refusal("wet_room_leakage", date(2026, 6, 30)), None);
    assert_eq!(
        refusal("wet_room_leakage", date(2026, 7, 1)).as_deref(),
        Some("out-of-warranty")
    );
    for category in [
        "electrical_plumbing",
        "decoration",
        "equipment_installation",
    ] {
        assert_eq!(warranty_term(&p, category), "2 years");
        assert_eq!(refusal(category, date(2023, 6, 30)), None, "{category}");
        assert_eq!(
            refusal(category, date(2023, 7, 1)).as_deref(),
            Some("out-of-warranty"),
            "{category}"
        );
    }
    assert_eq!(warranty_term(&p, "foundation_structure"), "design_life");
    assert_eq!(warranty_term(&p, "heating_cooling"), "2 heating seasons");
    for category in ["foundation_structure", "heating_cooling"] {
        assert_eq!(refusal(category, date(2040, 1, 1)), None, "{category}");
    }
    let in_court = about(beijing(2026, 1, 5, 9, 0), "decoration", "已起诉")
        .fact(fact("developer_failed_warranty"), yes())
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &in_court).as_deref(), Some("in-litigation"));
}

/// 第四条「本办法适用于…在建设过程中及质量保修期限和保修范围内因施工质量缺陷而产生的投诉处理
/// 行为」 (and 第三条): a defect within the term but outside the 保修范围 — what the
/// warranty does not cover, found as the fact `outside_warranty_scope` — is
/// outside the 办法, as a defect past the term is. The rule tested the term
/// only (and cited 第二条, which defines 建筑工程). Fails on the old file (the
/// complaint was accepted).
#[test]
fn s21_a_defect_outside_the_warranty_scope_is_not_accepted() {
    let p = policy("construction-zhenjiang-s21.toml");
    let at = beijing(2026, 3, 2, 9, 0);
    let complaint = |outside: bool| {
        let mut b = about(at, "decoration", "住户自行改造的吊顶开裂")
            .incident_at(at)
            .product(delivered(date(2025, 6, 30)))
            .fact(fact("developer_failed_warranty"), yes());
        if outside {
            b = b.fact(fact("outside_warranty_scope"), yes());
        }
        b.build().unwrap()
    };
    assert_eq!(refused_by(&p, &complaint(false)), None);
    assert_eq!(
        refused_by(&p, &complaint(true)).as_deref(),
        Some("out-of-warranty")
    );
}

/// 第四条「督促和责成责任单位对质量缺陷进行限期修复」: the 限期 binds the 责任单位 — the
/// builder, outside the station, who cannot act in the system — and is part
/// of the order the inspector proposes and the head approves. The file let
/// the inspector set it as an agreed deadline (约定回复时限), a clock charged to
/// him: a builder late with the repair was the inspector's breach, though he
/// can only urge (督促). The station's own handling runs on `result` (60 days,
/// assumed), which only its reply meets (ruling 96). Fails on the old file,
/// where the inspector set the deadline (and its lapse was his breach).
#[test]
fn s21_the_builders_repair_deadline_is_not_the_inspectors() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("ins", "质量监督员", "zjz", &["inspector"], None),
            ("sh", "站长", "zjz", &["station_head"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:住宅楼外墙渗水")
        .build()
        .unwrap();
    s.register("io", "ZJ-R", c).unwrap();
    s.ok("io", minutes(t0, 30), accept());
    s.ok("io", minutes(t0, 40), assign_with("zjz", "ins", &[]));
    s.ok("ins", beijing(2025, 6, 10, 9, 0), investigate());
    s.ok(
        "ins",
        beijing(2025, 6, 12, 16, 0),
        findings_of(FaultParty::ThirdParty, &[], "外墙防水层施工缺陷"),
    );
    s.ok(
        "ins",
        beijing(2025, 6, 13, 10, 0),
        propose(
            vec![remedy(
                RemedyKind::Repair,
                None,
                "责成施工单位于2025年7月15日前修复外墙防水",
            )],
            "责成限期修复",
        ),
    );
    s.ok("sh", beijing(2025, 6, 13, 15, 0), approve());
    for who in ["ins", "io"] {
        let refused = s
            .run(
                who,
                beijing(2025, 6, 13, 16, 0),
                CommandKind::SetAgreedDeadline {
                    deadline: beijing(2025, 7, 15, 18, 0),
                },
            )
            .unwrap_err();
        assert!(
            matches!(refused, Rejection::NotPermitted { .. }),
            "{refused}"
        );
    }
    // The builder is late; no one at the station is charged for it, and
    // the station's result clock still runs (due 8 August).
    s.tick(beijing(2025, 7, 20, 9, 0));
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
}

/// The 办法 has no 延期 (no 延 in its text), and its clocks are assumed: the
/// inspector asked and the station head approved an extension that paused the
/// investigation and the result (`approval.extension` with no clause). Both
/// are refused now, and the 30 days run on. Fails on the old file (the
/// request was taken).
#[test]
fn s21_the_investigation_is_not_extended() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("ins", "质量监督员", "zjz", &["inspector"], None),
            ("sh", "站长", "zjz", &["station_head"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:住宅楼卫生间渗漏")
        .build()
        .unwrap();
    s.register("io", "ZJ-X", c).unwrap();
    s.ok("io", minutes(t0, 30), accept());
    s.ok("io", minutes(t0, 40), assign_with("zjz", "ins", &[]));
    s.ok("ins", beijing(2025, 6, 10, 9, 0), investigate());
    let asked = s
        .run(
            "ins",
            beijing(2025, 6, 20, 9, 0),
            CommandKind::RequestExtension {
                reason: "需委托检测机构鉴定".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(matches!(asked, Rejection::NotPermitted { .. }), "{asked}");
    let decided = s
        .run(
            "sh",
            beijing(2025, 6, 20, 10, 0),
            CommandKind::ApproveExtension,
        )
        .unwrap_err();
    assert!(
        matches!(decided, Rejection::NotPermitted { .. }),
        "{decided}"
    );
    // 30 days from Monday 9 June 09:30: 9 July.
    s.tick(beijing(2025, 7, 10, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["investigation@1 → ins"]);
}

/// 第六条(三)「向上级有关部门反馈批转投诉事项的处理情况」 and 第五条's 协调: the one manual
/// step (`bureau`) is the station's report up to the 建设行政主管部门. The bureau
/// held `escalate` too, and taking the step reported the case to itself; the
/// 办法 gives it no step above it. Fails on the old file (the bureau's
/// escalation was taken).
#[test]
fn s21_the_bureau_does_not_escalate_to_itself() {
    let roster = roster(
        &[("zjz", "质监站", None), ("jsj", "建设局", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("sh", "站长", "zjz", &["station_head"], None),
            ("bj", "建设局科员", "jsj", &["construction_bureau"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:小区道路塌陷")
        .build()
        .unwrap();
    s.register("io", "ZJ-B", c).unwrap();
    s.ok("io", minutes(t0, 30), accept());
    let refused = s
        .run("bj", minutes(t0, 60), escalate("报上级"))
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    s.ok(
        "sh",
        minutes(t0, 90),
        escalate("受理责任不对口,报建设局协调"),
    );
    assert_eq!(steps_notified(&s), ["bureau → construction_bureau"]);
}

/// 第四条「按投诉处理程序调查核实,督促和责成责任单位对质量缺陷进行限期修复」: the handler is
/// an inspector, who investigates, proposes the repair order and may reply (or
/// another intake officer, who may reply). The station could name anyone —
/// the station head, who may neither propose nor reply, and was then charged
/// with the investigation and the result. Refused now (`hands_over_to`).
/// Fails on the old file (the assignment was taken).
#[test]
fn s21_the_station_names_only_an_inspector_handler() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("ins", "质量监督员", "zjz", &["inspector"], Some("sh")),
            ("sh", "站长", "zjz", &["station_head"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:地下室渗水")
        .build()
        .unwrap();
    s.register("io", "ZJ-H", c).unwrap();
    s.ok("io", minutes(t0, 30), accept());
    for who in ["io", "sh"] {
        let refused = s
            .run(who, minutes(t0, 40), assign_with("zjz", "sh", &[]))
            .unwrap_err();
        assert!(
            matches!(refused, Rejection::HandOverRefused { .. }),
            "{refused}"
        );
    }
    s.ok("io", minutes(t0, 50), assign_with("zjz", "ins", &[]));
}

/// 第七条「应与工程建设单位(开发商)或受其委托的质量保修单位先行联系,协商处理。建设单位不按
/// 规定履行保修责任的,投诉人可…投诉」 and 第四条's scope: the 办法 gives no one the
/// power to accept a complaint against them. The station head and the bureau
/// held `override_acceptance` and could accept a complainant's own complaint
/// before the developer was asked. Refused now; the bureau, which 第五条 makes
/// 「负责…投诉受理和处理工作」, accepts under the rules like the station. Fails
/// on the old file (the station head's override was taken).
#[test]
fn s21_no_one_accepts_against_the_developer_first() {
    let roster = roster(
        &[("zjz", "质监站", None), ("jsj", "建设局", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("sh", "站长", "zjz", &["station_head"], None),
            ("bj", "建设局科员", "jsj", &["construction_bureau"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Phone, "住宅楼卫生间渗漏")
        .build()
        .unwrap();
    s.register("io", "ZJ-O", c).unwrap();
    for who in ["sh", "bj"] {
        let refused = s
            .run(
                who,
                minutes(t0, 30),
                CommandKind::Accept {
                    override_reason: Some("领导同意先行受理".to_owned()),
                },
            )
            .unwrap_err();
        assert!(
            matches!(refused, Rejection::NotPermitted { .. }),
            "{who}: {refused}"
        );
    }
    let err = s.run("bj", minutes(t0, 40), accept()).unwrap_err();
    assert!(
        matches!(&err, Rejection::PolicyDecides { rule: Some(r), .. } if r.as_str() == "developer-first"),
        "{err}"
    );
}

/// The surviving 办法 has no 回访: 第四条's handling (「调查核实,督促和责成责任单位对质量缺陷
/// 进行限期修复和对投诉及被投诉双方发生的分歧进行调解」) ends on its result. The file
/// closed a case only after a satisfied callback (the default), so a
/// complainant who would not say he was satisfied kept it open. A replied
/// case closes on the reply now (`[closure] callback = "none"`, ruling 92).
/// Fails on the old file (the closure was refused for want of a callback).
#[test]
fn s21_a_case_closes_on_its_result_without_a_callback() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[("io", "受理人员", "zjz", &["intake_officer"], None)],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    // The complainant's own complaint, the developer asked first (第七条): a
    // referred one also owes its report up before it closes
    // (`s21_a_referred_case_closes_once_reported_up`).
    let c = Complaint::builder(t0, Channel::Phone, "楼道墙面开裂")
        .fact(fact("developer_failed_warranty"), FactValue::Bool(true))
        .build()
        .unwrap();
    s.register("io", "ZJ-N", c).unwrap();
    s.ok("io", minutes(t0, 30), accept());
    s.ok(
        "io",
        beijing(2025, 6, 20, 10, 0),
        reply("已责成施工单位修复完毕"),
    );
    s.ok("io", beijing(2025, 6, 20, 11, 0), close());
    assert_eq!(status(&s), Status::Closed);
}

/// 第五条「镇江市建设行政主管部门负责本市行政区域内的建筑工程质量投诉受理和处理工作」 and
/// 「建设行政主管部门确定的投诉处理机构,具体负责建筑工程质量投诉处理工作。市建筑工程质量投诉处理机构设在市建设工程质量监督站」:
/// a case the bureau registered and accepted itself (a 交办, exempt from the
/// developer first) is the station's to handle; before anyone of the station
/// acts, the investigation and the result are its intake officer's in the
/// roster (`holder`, ruling 75). Fails on the old file (both lapsed charged to
/// nobody).
#[test]
fn s21_a_case_the_bureau_accepted_is_the_stations_to_answer_for() {
    let roster = roster(
        &[("zjz", "质监站", None), ("jsj", "建设局", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("sh", "站长", "zjz", &["station_head"], None),
            ("bj", "建设局科员", "jsj", &["construction_bureau"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:住宅楼卫生间渗漏")
        .build()
        .unwrap();
    s.register("bj", "ZJ-Q", c).unwrap();
    s.ok("bj", minutes(t0, 30), accept());
    // 30 and 60 days from 9 June 09:30: 9 July and 8 August.
    s.tick(beijing(2025, 8, 20, 9, 0));
    assert_eq!(breach_owners(&s), ["investigation@1 → io", "result@1 → io"]);
}

/// 第六条(二)「承办上级部门批转和交办的相关投诉事项」, (三)「向上级有关部门反馈批转投诉事项的
/// 处理情况」: a case referred from above is closed only once the station has
/// reported its handling up (the round's `report_submitted`, made by the
/// station head); the 办法 gives the report no time, so no clock stands for
/// it (`[closure] awaits_report`, ruling 126). Fails on the old file: the
/// referred case closed on the reply, nothing reported up (the one manual
/// step, a notice to the bureau, was never required).
#[test]
fn s21_a_referred_case_closes_once_reported_up() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("sh", "质监站站长", "zjz", &["station_head"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Referral, "市政府交办:楼道墙面开裂")
        .build()
        .unwrap();
    s.register("io", "ZJ-R", c).unwrap();
    s.ok("io", minutes(t0, 30), accept());
    s.ok(
        "io",
        beijing(2025, 6, 20, 10, 0),
        reply("已责成施工单位修复完毕"),
    );
    let err = s
        .run("io", beijing(2025, 6, 20, 11, 0), close())
        .unwrap_err();
    assert_eq!(err.kind(), "closure_awaits_report", "{err}");
    assert_eq!(status(&s), Status::Replied);
    let report = || CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: Some("向市政府反馈: 已责成施工单位修复完毕".into()),
        milestone: None,
    };
    // The station's report up is its head's, not the intake officer's.
    let err = s
        .run("io", beijing(2025, 6, 20, 14, 0), report())
        .unwrap_err();
    assert_eq!(err.kind(), "not_permitted", "{err}");
    s.ok("sh", beijing(2025, 6, 23, 9, 0), report());
    s.ok("io", beijing(2025, 6, 23, 10, 0), close());
    assert_eq!(status(&s), Status::Closed);
    s.assert_replays();
}

/// The assumed values of S21 (the surviving 办法 sets no levels and no
/// limits): a complaint is 一般 unless it is about the foundation or the
/// structure, safety or ten households or more (重大); acceptance is decided
/// within 5 working days of receipt; a late investigation is brought to the
/// station head (`late-investigation`).
#[test]
fn s21_the_assumed_levels_acceptance_days_and_late_investigation() {
    let p = policy("construction-zhenjiang-s21.toml");
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    let about_ = |category: &str, households: u32| {
        Complaint::builder(t0, Channel::Visit, "住户反映质量缺陷")
            .category(cat(category))
            .collective_count(households)
            .fact(fact("developer_failed_warranty"), yes())
            .product(delivered(date(2025, 6, 1)))
            .build()
            .unwrap()
    };
    assert_eq!(
        classified(&p, &about_("roof_waterproofing", 1)),
        ("general".into(), None)
    );
    assert_eq!(
        classified(&p, &about_("roof_waterproofing", 10)),
        ("major".into(), Some("structure-safety".into()))
    );
    assert_eq!(
        classified(&p, &about_("foundation_structure", 1)),
        ("major".into(), Some("structure-safety".into()))
    );
    let roster = roster(
        &[("station", "镇江市建设工程质量监督站", None)],
        &[
            ("io", "受理员", "station", &["intake_officer"], Some("sh")),
            ("ins", "监督员", "station", &["inspector"], Some("sh")),
            ("sh", "监督站站长", "station", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    s.register("io", "S21-A", about_("roof_waterproofing", 1))
        .unwrap();
    // Five working days after Monday 2 March: the end of Monday 9 March.
    assert_eq!(due(&s, t0, "acceptance_decision"), "2026-03-10 00:00");
    s.ok("io", minutes(t0, 30), accept());
    s.ok("io", minutes(t0, 40), assign("station", "ins"));
    s.tick(beijing(2026, 4, 2, 9, 0));
    assert!(
        steps_notified(&s).contains(&"late-investigation → station_head".to_owned()),
        "{:?}",
        steps_notified(&s)
    );
}

/// 第四条「本办法所称投诉处理,是指建筑工程质量投诉处理机构…按投诉处理程序调查核实,督促和责成责任单位对质量缺陷进行限期修复和对投诉及被投诉双方发生的分歧进行调解的活动」,
/// 第六条(二)「受理、协调解决本市行政区域范围内的建筑工程质量投诉」: the 办法 has no
/// 非正常结案; the station head's (assumed) abnormal closure ends only a
/// complaint answered. He closed one abnormally at any stage: as registered,
/// before the acceptance rules decided it, and accepted, before any
/// investigation. Both are refused now (`grant_condition_unmet`, nothing
/// changes); after the reply he may. The twenty-third audit (fails on the
/// old file, where the closure at registration was taken).
#[test]
fn s21_the_station_head_closes_abnormally_only_an_answered_complaint() {
    let roster = roster(
        &[("zjz", "质监站", None)],
        &[
            ("io", "受理人员", "zjz", &["intake_officer"], None),
            ("sh", "站长", "zjz", &["station_head"], None),
        ],
    );
    let t0 = beijing(2025, 6, 9, 9, 0);
    let mut s = Scenario::new(policy("construction-zhenjiang-s21.toml"), roster);
    let c = Complaint::builder(t0, Channel::Phone, "阳台栏杆松动")
        .fact(fact("developer_failed_warranty"), FactValue::Bool(true))
        .build()
        .unwrap();
    s.register("io", "ZJ-AB", c).unwrap();
    let abnormal = || CommandKind::CloseAbnormally {
        reason: "投诉人要求超出保修责任".to_owned(),
    };
    let refused = |s: &mut Scenario, at: chrono::DateTime<chrono::Utc>| {
        let before = (s.case().clone(), s.events.len());
        let err = s.run("sh", at, abnormal()).unwrap_err();
        assert_eq!(err.kind(), "grant_condition_unmet", "{err}");
        assert_eq!((s.case().clone(), s.events.len()), before);
    };
    refused(&mut s, minutes(t0, 10));
    s.ok("io", minutes(t0, 30), accept());
    refused(&mut s, minutes(t0, 40));
    s.ok(
        "io",
        beijing(2025, 6, 20, 10, 0),
        reply("已责成施工单位限期修复"),
    );
    s.ok("sh", beijing(2025, 6, 21, 10, 0), abnormal());
    assert_eq!(status(&s), Status::Closed);
    s.assert_replays();
}
