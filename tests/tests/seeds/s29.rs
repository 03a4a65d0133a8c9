use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S29 — 江苏省实施《建设工程质量投诉处理暂行规定》细则 苏建质(1997)373号
// ---------------------------------------------------------------------------

#[test]
fn s29_jiangsu_referred_roof_leak_and_warranty_table() {
    let p = policy("construction-jiangsu-s29.toml");
    let roster = roster(
        &[
            ("sz", "江苏省建设工程质量用户投诉站", None),
            ("nj", "南京市建设工程质量用户投诉站", None),
            ("sg", "某建筑公司", None),
        ],
        &[
            ("n1", "市投诉站 周工", "nj", &["city_station"], None),
            ("g1", "施工单位 项目经理", "sg", &["responsible_unit"], None),
            ("s1", "省投诉站 严站长", "sz", &["provincial_station"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(
        t0,
        Channel::Referral,
        "省建委批转:某小区顶层6户住户联名反映屋面渗漏,多次报修未果",
    )
    .complainant(person("顶层住户代表 孙先生"))
    .collective_count(6)
    .category(cat("roof_waterproofing"))
    .incident_at(beijing(2025, 11, 10, 8, 0))
    .product(delivered(date(2023, 5, 1)))
    .build()
    .unwrap();
    s.register("n1", "SJ-1", c).unwrap();
    // A referred case keeps its severity: six households are 影响较大 (第五条(五)).
    assert_eq!(level_of(&s), "serious");
    // 上级批转 (第六条): 三个月 to report to the referrer, 28 Feb 2026, a
    // Saturday but a make-up working day (春节调休), so no roll.
    assert_eq!(due(&s, t0, "report_to_referrer"), "2026-03-01 00:00");
    s.ok("n1", minutes(t0, 30), accept());
    // The rectification runs by the level: 30 days for a serious case.
    assert_eq!(
        due(&s, minutes(t0, 30), "rectification"),
        "2025-12-30 00:00"
    );
    // 第六条(三): the station charges the 施工单位 (the province's taking a serious
    // case up, and the station then off it, is
    // `s29_a_station_works_only_the_complaints_of_its_area`).
    s.ok("n1", minutes(t0, 50), assign("sg", "g1"));
    s.ok(
        "g1",
        beijing(2025, 12, 2, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "g1",
        beijing(2025, 12, 5, 16, 0),
        findings(FaultParty::ThirdParty, "屋面防水卷材搭接不足,在3年保修期内"),
    );
    s.ok(
        "g1",
        beijing(2025, 12, 5, 16, 30),
        propose(vec![rem(RemedyKind::Repair)], "施工单位重新铺设屋面防水层"),
    );
    s.ok("s1", beijing(2025, 12, 8, 10, 0), CommandKind::Approve);
    s.ok("n1", beijing(2025, 12, 22, 10, 0), reply("屋面防水已返修"));
    // 第六条(五): the result goes to the 原批转机关 as its own report.
    s.ok(
        "n1",
        beijing(2025, 12, 22, 11, 0),
        CommandKind::RecordAction {
            action: tousu_policy::CaseAction::ReportSubmitted,
            note: Some("已将调查和处理情况报原批转机关".into()),
            milestone: Some(tousu_policy::MilestoneId::new("report_to_referrer").unwrap()),
        },
    );
    s.ok(
        "n1",
        beijing(2025, 12, 24, 10, 0),
        callback(Satisfaction::Satisfied, "雨后复查无渗漏"),
    );
    s.ok("n1", beijing(2025, 12, 24, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s29_jiangsu_referred", timeline(&s.events));

    // The Jiangsu table: 照明电气、上下水管线 6个月 from delivery. A pipe leak
    // 8 months after delivery is out of warranty → 由产权单位或有关部门处理.
    let mut w = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Phone, "厨房上水管接头渗水")
        .complainant(person("钱女士"))
        .category(cat("lighting_plumbing"))
        .incident_at(beijing(2025, 11, 20, 8, 0))
        .product(delivered(date(2025, 3, 15)))
        .build()
        .unwrap();
    w.register("n1", "SJ-2", c).unwrap();
    // Not referred: no report to a referrer.
    assert!(
        w.deadlines(t0)
            .iter()
            .all(|v| v.milestone.as_str() != "report_to_referrer")
    );
    assert!(
        w.run("n1", minutes(t0, 1), accept()).is_err(),
        "6个月 warranty expired"
    );
}

/// S29's source is dated: 「颁布日期:1997/08/11 实施日期:1997/08/11」. The other
/// seeds of issue 13's audit either quote their date on the line or say the
/// date is assumed.
#[test]
fn s29_effective_date_is_the_sources_and_others_say_assumed() {
    assert_eq!(
        policy("construction-jiangsu-s29.toml")
            .effective_date
            .to_string(),
        "1997-08-11"
    );
    for name in [
        "property-xx-s10.toml",
        "bank-branch-s11.toml",
        "four-level-s12.toml",
        "restaurant-s13.toml",
        "logistics-s14.toml",
        "law-firm-s16.toml",
        "water-chengdu-s18.toml",
        "construction-zhenjiang-s21.toml",
        "construction-xiamen-s23.toml",
        "construction-jiangsu-s29.toml",
        "property-jinbi-s32.toml",
        "construction-anhui-s35.toml",
        "factory-claims-s40.toml",
        "hardware-shelf-wanhao-s41.toml",
        "health-products-s43.toml",
        "auto-dealer-s44.toml",
    ] {
        let text = std::fs::read_to_string(repo(&format!("policies/{name}"))).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("effective_date"))
            .unwrap();
        assert!(
            line.contains("# assumed") || line.contains('「'),
            "{name}: {line}"
        );
    }
}

/// 第三条's table, each term at its last day and the day after: 「一般工业建筑、
/// 构筑物的土建工程为一年」 (一), 「室外的上下水和小区的道路为一年」 (四), 「装饰工程为
/// 1年」 (六); then 「对超过保修期,在使用过程中发生的工程质量问题,由产权单位或有关部门
/// 处理」 (after-warranty). 「一个采暖供冷期」 (三) and 「由使用单位和施工单位在合同中约定」
/// (七) have no date to compute: the station judges them, so a claim years
/// later is still taken up.
#[test]
fn s29_each_term_of_article_three_and_after_it() {
    let p = policy("construction-jiangsu-s29.toml");
    let handed_over = date(2025, 3, 15);
    for category in ["civil_works", "outdoor_water_roads", "decoration"] {
        assert_eq!(warranty_term(&p, category), "1 year");
        assert_eq!(
            warranty_refusal(&p, category, handed_over, date(2026, 3, 15)),
            None,
            "{category}: the last day of 一年"
        );
        assert_eq!(
            warranty_refusal(&p, category, handed_over, date(2026, 3, 16)).as_deref(),
            Some("after-warranty"),
            "{category}"
        );
    }
    assert_eq!(warranty_term(&p, "heating_cooling"), "1 heating season");
    assert_eq!(warranty_term(&p, "industrial_special"), "contract");
    for category in ["heating_cooling", "industrial_special"] {
        assert_eq!(
            warranty_refusal(&p, category, handed_over, date(2029, 1, 10)),
            None,
            "{category}"
        );
    }
}

/// 第五条(三)「严重的工程质量问题」 → serious; a case already in court is refused
/// (ruling 12); a complaint the investigation finds no defect in is invalid.
#[test]
fn s29_serious_by_safety_litigation_and_no_defect() {
    let p = policy("construction-jiangsu-s29.toml");
    let t0 = beijing(2026, 5, 11, 9, 0);
    let wall = || about(t0, "civil_works", "承重墙出现贯通裂缝");
    assert_eq!(
        classified(&p, &wall().build().unwrap()),
        ("general".into(), None)
    );
    let unsafe_wall = wall()
        .flags(ComplaintFlags {
            injury_or_safety: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    assert_eq!(
        classified(&p, &unsafe_wall),
        ("serious".into(), Some("serious-safety".into()))
    );
    let in_court = wall()
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &in_court).as_deref(), Some("in-litigation"));
    let no_defect = wall()
        .fact(fact("no_quality_defect"), yes())
        .build()
        .unwrap();
    assert_eq!(
        judged(&p, &no_defect),
        ("invalid".into(), Some("no-defect".into()))
    );
}

/// 第六条 「在三个月内将调查和处理情况报原批转机关」 missed: the province and the
/// 省建委 hear of it (`commission-on-late-referral`); the late rectification
/// goes to the province (`province-on-late-rectification`). The 省建委 may add
/// its instruction and escalate, but does not accept cases itself.
#[test]
fn s29_late_report_to_the_referrer_reaches_the_commission() {
    let p = policy("construction-jiangsu-s29.toml");
    let roster = roster(
        &[
            ("sz", "江苏省建设工程质量用户投诉站", None),
            ("jw", "江苏省建委", None),
            ("nj", "南京市建设工程质量用户投诉站", None),
        ],
        &[
            ("n1", "市投诉站 周工", "nj", &["city_station"], None),
            ("s1", "省投诉站 严站长", "sz", &["provincial_station"], None),
            (
                "w1",
                "省建委 质量处",
                "jw",
                &["provincial_commission"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Referral, "省建委批转:住户反映外墙面砖空鼓")
        .complainant(person("住户 李女士"))
        .category(cat("civil_works"))
        .incident_at(beijing(2025, 11, 1, 8, 0))
        .product(delivered(date(2025, 6, 1)))
        .build()
        .unwrap();
    s.register("n1", "SJ-3", c).unwrap();
    assert_eq!(level_of(&s), "general");
    assert!(matches!(
        s.run("w1", minutes(t0, 5), accept()),
        Err(Rejection::NotPermitted { .. })
    ));
    s.ok("n1", minutes(t0, 10), accept());
    // 一般: 60 days from 28 November, to the end of 27 January; the report
    // 三个月 from registration.
    assert_eq!(
        due(&s, minutes(t0, 11), "rectification"),
        "2026-01-28 00:00"
    );
    assert_eq!(
        due(&s, minutes(t0, 11), "report_to_referrer"),
        "2026-03-01 00:00"
    );
    s.tick(beijing(2026, 1, 28, 9, 0));
    assert_eq!(
        steps_notified(&s),
        ["province-on-late-rectification → provincial_station"]
    );
    s.ok("w1", beijing(2026, 2, 2, 9, 0), note("请省站督办"));
    s.tick(beijing(2026, 3, 2, 9, 0));
    assert_eq!(
        steps_notified(&s),
        [
            "province-on-late-rectification → provincial_station",
            "commission-on-late-referral → provincial_station, provincial_commission",
        ]
    );
    assert_eq!(breach_list(&s), ["rectification@1", "report_to_referrer@1"]);
}

/// 第六条(五) 「在三个月内将调查和处理情况报原批转机关」: the reply to the
/// complainant is not the report to the referrer; a referred case answered
/// but never reported still breaches at three months.
#[test]
fn s29_replying_is_not_reporting_to_the_referrer() {
    let roster = roster(
        &[("nj", "南京市建设工程质量用户投诉站", None)],
        &[("n1", "市投诉站 周工", "nj", &["city_station"], None)],
    );
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Referral, "省建委批转:住户反映外墙面砖空鼓")
        .complainant(person("住户 李女士"))
        .category(cat("civil_works"))
        .product(delivered(date(2025, 6, 1)))
        .build()
        .unwrap();
    s.register("n1", "SJ-9", c).unwrap();
    s.ok("n1", minutes(t0, 10), accept());
    s.ok(
        "n1",
        beijing(2025, 12, 20, 10, 0),
        reply("已责成施工单位返修"),
    );
    assert_eq!(
        due(&s, beijing(2025, 12, 20, 10, 0), "report_to_referrer"),
        "2026-03-01 00:00"
    );
    s.tick(beijing(2026, 3, 2, 9, 0));
    assert_eq!(breach_list(&s), ["report_to_referrer@1"]);
    // No handler was assigned: the city station that holds the case answers.
    assert_eq!(breach_owners(&s), ["report_to_referrer@1 → n1"]);
}

/// The text has no recusal rule; the file states the project's (ruling 18).
#[test]
fn s29_recusal_is_stated() {
    let p = policy("construction-jiangsu-s29.toml");
    assert!(p.recusal.respondent && !p.recusal.is_implied());
}

/// 第二条: a complaint reflects a 工程质量问题; the station records what its
/// investigation found (`record_facts`) and a finding of no defect makes the
/// complaint invalid (assumed rule, the text has none of its own).
#[test]
fn s29_the_investigation_finds_no_defect() {
    let roster = roster(
        &[("nj", "南京市建设工程质量用户投诉站", None)],
        &[("n1", "市投诉站 周工", "nj", &["city_station"], None)],
    );
    let (mut s, t0) = civil_works_accepted(roster, "SJ-10", "住户认为地面不平", "住户 李女士");
    s.ok("n1", minutes(t0, 20), assign("nj", "n1"));
    s.ok("n1", minutes(t0, 30), investigate());
    s.ok(
        "n1",
        minutes(t0, 90),
        CommandKind::RecordFacts {
            facts: [(fact("no_quality_defect"), yes())].into(),
        },
    );
    s.ok(
        "n1",
        minutes(t0, 91),
        findings(FaultParty::Nobody, "实测平整度在验收规范允许偏差内"),
    );
    let found = s.case().findings.clone().unwrap();
    assert_eq!(found.validity, Validity::Invalid);
    assert_eq!(
        found.rule.map(|r| r.to_string()).as_deref(),
        Some("no-defect")
    );
}

/// 第五条(三): the province 「受理全省范围内的工程质量投诉,按照属地解决的原则,交由工程
/// 所在地的投诉处理机构处理,并要求报告处理结果」. A case it passes down (its own
/// `transfer` here) owes it the report, three months as assumed (read as a
/// 批转 under 第六条(五)); the city station's own assignment owes nothing.
/// Fails on the old file, which had no such clock.
#[test]
fn s29_a_case_the_province_passes_down_reports_to_it() {
    let p = policy("construction-jiangsu-s29.toml");
    let roster = roster(
        &[
            ("sz", "江苏省建设工程质量用户投诉站", None),
            ("nj", "南京市建设工程质量用户投诉站", None),
        ],
        &[
            ("n1", "市投诉站 周工", "nj", &["city_station"], None),
            ("s1", "省投诉站 严站长", "sz", &["provincial_station"], None),
        ],
    );
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = |content: &str| {
        Complaint::builder(t0, Channel::Letter, content)
            .complainant(person("业主 吴先生"))
            .category(cat("civil_works"))
            .incident_at(beijing(2025, 10, 20, 8, 0))
            .product(delivered(date(2025, 3, 1)))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(p.clone(), roster.clone());
    s.register("s1", "SZ-1", c("南京某小区墙体裂缝,向省站投诉"))
        .unwrap();
    s.ok("s1", minutes(t0, 30), accept());
    s.ok("s1", minutes(t0, 40), assign("sz", "s1"));
    // The province's own handling owes it no report.
    assert!(
        s.deadlines(minutes(t0, 40))
            .iter()
            .all(|v| v.milestone.as_str() != "report_to_province")
    );
    s.ok(
        "s1",
        minutes(t0, 50),
        transfer("nj", "n1", "按照属地解决的原则,交由南京市投诉站处理"),
    );
    // 3 months from the hand-down.
    assert_eq!(
        due(&s, minutes(t0, 50), "report_to_province"),
        "2026-02-04 00:00"
    );
    // Named, the report to the province stops its clock met.
    s.ok(
        "n1",
        beijing(2026, 1, 5, 10, 0),
        CommandKind::RecordAction {
            action: tousu_policy::CaseAction::ReportSubmitted,
            note: Some("已向省投诉站报告处理结果".into()),
            milestone: Some(tousu_policy::MilestoneId::new("report_to_province").unwrap()),
        },
    );
    let clock = s
        .case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "report_to_province")
        .unwrap();
    assert!(matches!(clock.state, ClockState::Stopped { met: true, .. }));

    // Filed with the city station and assigned by it: nothing owed upward.
    let mut l = Scenario::new(p, roster);
    l.register("n1", "NJ-1", c("南京某小区墙体裂缝")).unwrap();
    l.ok("n1", minutes(t0, 30), accept());
    l.ok("n1", minutes(t0, 40), assign("nj", "n1"));
    assert!(
        l.deadlines(minutes(t0, 40))
            .iter()
            .all(|v| v.milestone.as_str() != "report_to_province")
    );
}

/// 第六条(三) the city station 「责成并督促质量责任单位认真处理好用户投诉,并对工程质量
/// 问题及时进行整改处理」 and (五) reports 「在三个月内将调查和处理情况报原批转机关」: a
/// referred case the station hands to the 质量责任单位 is still the station's to
/// answer for. The unit may neither reply nor report, so a late rectification
/// and a late report are the station's, not the unit's. Fails on the old file
/// (both were charged to the unit, the assignee).
#[test]
fn s29_the_station_answers_for_the_unit_it_directs() {
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), station_and_unit());
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Referral, "省建委批转:住户反映外墙面砖空鼓")
        .complainant(person("住户 李女士"))
        .category(cat("civil_works"))
        .product(delivered(date(2025, 6, 1)))
        .build()
        .unwrap();
    s.register("n1", "SJ-11", c).unwrap();
    s.ok("n1", minutes(t0, 10), accept());
    s.ok("n1", minutes(t0, 20), assign("sg", "g1"));
    // The unit investigates but can neither answer nor report.
    s.ok("g1", beijing(2025, 12, 1, 9, 0), investigate());
    assert!(matches!(
        s.run("g1", beijing(2025, 12, 1, 10, 0), reply("已返修")),
        Err(Rejection::NotPermitted { .. })
    ));
    s.tick(beijing(2026, 3, 2, 9, 0));
    assert_eq!(
        breach_owners(&s),
        ["report_to_referrer@1 → n1", "rectification@1 → n1"]
    );
}

/// Tenth audit: the 细则 gives the complainant no promised date, only its own limits. A role held `set_agreed_deadline`, and a date it
/// promised ran on a clock the handler alone owned (no milestone stops on
/// `agreed_deadline_set`): promised before a handler was named, it lapsed
/// charged to nobody. No role may promise one now (fails on the old file).
#[test]
fn s29_no_role_promises_a_date_the_source_lacks() {
    let t0 = beijing(2026, 3, 3, 10, 0);
    no_role_promises_a_date(
        "construction-jiangsu-s29.toml",
        about(t0, "civil_works", "承重墙出现贯通裂缝")
            .build()
            .unwrap(),
    );
}

/// The 细则 has no 延期 (no 延 in its text), and the rectification's 60 / 30
/// days are assumed (「及时、就地依法解决」): the city station asked and the
/// province approved an extension that paused them (`approval.extension` with
/// no clause). Both are refused now, and the rectification is late on the
/// 61st day, the station's. Fails on the old file (the request was taken).
#[test]
fn s29_the_rectification_is_not_extended() {
    let roster = roster(
        &[("city", "市投诉站", None), ("prov", "省投诉站", None)],
        &[
            ("cs", "市投诉站 受理员", "city", &["city_station"], None),
            ("ps", "省投诉站", "prov", &["provincial_station"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2026, 3, 2, 9, 0); // a Monday
    s.register(
        "cs",
        "JS-E",
        about(t0, "decoration", "外墙面砖空鼓脱落").build().unwrap(),
    )
    .unwrap();
    s.ok("cs", minutes(t0, 30), accept());
    let asked = s
        .run(
            "cs",
            beijing(2026, 4, 1, 9, 0),
            CommandKind::RequestExtension {
                reason: "施工单位需待天气转好后整改".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(matches!(asked, Rejection::NotPermitted { .. }), "{asked}");
    let decided = s
        .run(
            "ps",
            beijing(2026, 4, 1, 10, 0),
            CommandKind::ApproveExtension,
        )
        .unwrap_err();
    assert!(
        matches!(decided, Rejection::NotPermitted { .. }),
        "{decided}"
    );
    // 60 days from Monday 2 March: 1 May, in the Labour Day holiday, so the
    // end of Wednesday 6 May.
    s.tick(beijing(2026, 5, 7, 9, 0));
    s.assert_replays();
    let owners = breach_owners(&s);
    assert!(
        owners.contains(&"rectification@1 → cs".to_owned()),
        "{owners:?}"
    );
}

/// 第六条(五)「认真处理上级有关部门批转的工程质量投诉,并在三个月内将调查和处理情况报原批转
/// 机关」: the report goes up with the investigation and the handling, so the
/// case is not closed before it. The file let the city station close a
/// referred case unreported, and the closure stopped `report_to_referrer` as
/// met. Closing waits for the report now (`[closure] awaits`, ruling 91).
/// Fails on the old file (the closure was taken).
#[test]
fn s29_a_referred_case_is_closed_only_after_the_report_to_the_referrer() {
    let roster = roster(
        &[("nj", "南京市建设工程质量用户投诉站", None)],
        &[("n1", "市投诉站 周工", "nj", &["city_station"], None)],
    );
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Referral, "省建委批转:住户反映屋面渗漏")
        .complainant(person("住户 王先生"))
        .category(cat("roof_waterproofing"))
        .product(delivered(date(2025, 6, 1)))
        .build()
        .unwrap();
    s.register("n1", "SJ-C", c).unwrap();
    s.ok("n1", minutes(t0, 10), accept());
    s.ok(
        "n1",
        beijing(2025, 12, 20, 10, 0),
        reply("已责成施工单位返修"),
    );
    s.ok(
        "n1",
        beijing(2025, 12, 22, 10, 0),
        callback(Satisfaction::Satisfied, "返修后无渗漏"),
    );
    let refused = s
        .run("n1", beijing(2025, 12, 22, 11, 0), close())
        .unwrap_err();
    assert!(
        matches!(refused, Rejection::ClosureAwaitsClock { .. }),
        "{refused}"
    );
    s.ok(
        "n1",
        beijing(2025, 12, 23, 10, 0),
        CommandKind::RecordAction {
            action: tousu_policy::CaseAction::ReportSubmitted,
            note: Some("已将调查和处理情况报原批转机关".into()),
            milestone: Some(tousu_policy::MilestoneId::new("report_to_referrer").unwrap()),
        },
    );
    s.ok("n1", beijing(2025, 12, 23, 11, 0), close());
}

/// The 细则 has no 回访: 第六条(四)「对受理的工程质量投诉及处理情况进行登记…做到受理一件,
/// 处理一个,件件有结果」 ends a case on its result. The file closed a case only
/// after a satisfied callback (the default), so a complainant who would not
/// say he was satisfied kept it open for ever. A replied case closes on the
/// reply now (`[closure] callback = "none"`, ruling 92). Fails on the old
/// file (the closure was refused for want of a callback).
#[test]
fn s29_a_case_closes_on_its_result_without_a_callback() {
    let roster = roster(
        &[("nj", "南京市建设工程质量用户投诉站", None)],
        &[("n1", "市投诉站 周工", "nj", &["city_station"], None)],
    );
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, "住户反映屋面渗漏")
        .complainant(person("住户 赵先生"))
        .category(cat("roof_waterproofing"))
        .product(delivered(date(2025, 6, 1)))
        .build()
        .unwrap();
    s.register("n1", "SJ-N", c).unwrap();
    s.ok("n1", minutes(t0, 10), accept());
    s.ok(
        "n1",
        beijing(2025, 12, 20, 10, 0),
        reply("已责成施工单位返修完毕"),
    );
    s.ok("n1", beijing(2025, 12, 20, 11, 0), close());
    assert_eq!(status(&s), Status::Closed);
}

/// 第六条(五)「认真处理上级有关部门批转的工程质量投诉,并在三个月内将调查和处理情况报原批转机关」
/// is a city or county station's duty (第六条 lists the 市、县(市、区) stations'
/// 职责); the province's own (第五条) are to pass a case down and require a
/// report (第五条(三), `report_to_province`), or take it up itself. A referral
/// the provincial station registered itself started the three months all the
/// same, and with no city station on the case the late report was charged to
/// nobody. The clock starts now only on a station's registration
/// (`started_by = ["city_station"]`, ruling 45). Fails on the old file
/// (`report_to_referrer@1` breached, charged to nobody).
#[test]
fn s29_a_referral_the_province_registers_owes_no_city_report() {
    let roster = roster(
        &[("sz", "江苏省建设工程质量用户投诉站", None)],
        &[("s1", "省投诉站 严站长", "sz", &["provincial_station"], None)],
    );
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Referral, "建设部批转:苏州某住宅楼地基沉降")
        .complainant(person("业主 钱先生"))
        .category(cat("civil_works"))
        .incident_at(beijing(2025, 10, 20, 8, 0))
        .product(delivered(date(2025, 3, 1)))
        .build()
        .unwrap();
    s.register("s1", "SZ-R", c).unwrap();
    s.ok("s1", minutes(t0, 30), accept());
    s.ok("s1", minutes(t0, 40), assign("sz", "s1"));
    assert!(
        s.deadlines(minutes(t0, 40))
            .iter()
            .all(|v| v.milestone.as_str() != "report_to_referrer")
    );
    s.tick(beijing(2026, 3, 2, 9, 0));
    assert!(
        !breach_list(&s).contains(&"report_to_referrer@1".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
}

/// 第三条(二)「建筑物的照明电气、上下水管线安装工程为6个月」 and (五)「屋面防水工程为3年」,
/// 「保修期从交付之日起计算」: each term's last day is in warranty, the next is not.
#[test]
fn s29_plumbing_six_months_and_the_roof_three_years() {
    let p = policy("construction-jiangsu-s29.toml");
    let handed_over = date(2025, 3, 15);
    assert_eq!(warranty_term(&p, "lighting_plumbing"), "6 months");
    assert_eq!(
        warranty_refusal(&p, "lighting_plumbing", handed_over, date(2025, 9, 15)),
        None
    );
    assert_eq!(
        warranty_refusal(&p, "lighting_plumbing", handed_over, date(2025, 9, 16)).as_deref(),
        Some("after-warranty")
    );
    assert_eq!(warranty_term(&p, "roof_waterproofing"), "3 years");
    assert_eq!(
        warranty_refusal(&p, "roof_waterproofing", handed_over, date(2028, 3, 15)),
        None
    );
    assert_eq!(
        warranty_refusal(&p, "roof_waterproofing", handed_over, date(2028, 3, 16)).as_deref(),
        Some("after-warranty")
    );
}

/// 第五条(五)「组织处理反复投诉、影响较大,得不到及时解决的投诉问题」 (assumed
/// readings: 反复 = raised twice or more before, 影响较大 = the media or five
/// households): each makes a case serious; one earlier complaint does not.
#[test]
fn s29_repeated_or_wide_complaints_are_serious() {
    let p = policy("construction-jiangsu-s29.toml");
    let t0 = beijing(2026, 5, 11, 9, 0);
    let c = about(t0, "civil_works", "外墙渗水").build().unwrap();
    let level = |input: EvalInput<'_>| {
        let d = p.classify(&input);
        (d.outcome.to_string(), d.rule_id.map(|r| r.to_string()))
    };
    assert_eq!(
        level(EvalInput::new(&c, t0).with_repeat_count(1)),
        ("general".into(), None)
    );
    assert_eq!(
        level(EvalInput::new(&c, t0).with_repeat_count(2)),
        ("serious".into(), Some("repeated".into()))
    );
    let wide = about(t0, "civil_works", "五户住户联名反映外墙渗水")
        .collective_count(5)
        .build()
        .unwrap();
    assert_eq!(
        level(EvalInput::new(&wide, t0)),
        ("serious".into(), Some("repeated".into()))
    );
    let reported = about(t0, "civil_works", "媒体报道外墙渗水")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    assert_eq!(
        level(EvalInput::new(&reported, t0)),
        ("serious".into(), Some("repeated".into()))
    );
}

/// A civil-works complaint (delivered 1 Jun 2025) registered by the station's
/// `n1` as `number` on Fri 28 Nov 2025 at 09:00 and accepted at 09:10.
fn civil_works_accepted(
    roster: Roster,
    number: &str,
    text: &str,
    complainant: &str,
) -> (Scenario, DateTime<Utc>) {
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Visit, text)
        .complainant(person(complainant))
        .category(cat("civil_works"))
        .product(delivered(date(2025, 6, 1)))
        .build()
        .unwrap();
    s.register("n1", number, c).unwrap();
    s.ok("n1", minutes(t0, 10), accept());
    (s, t0)
}

/// 南京's station and a 施工单位 (the 质量责任单位).
fn station_and_unit() -> Roster {
    station_with(&[], &[])
}

/// 南京's station and a 施工单位, with `more` staff in `more_depts`.
fn station_with(more_depts: &[DeptRow<'_>], more: &[StaffRow<'_>]) -> Roster {
    let mut depts = vec![
        ("nj", "南京市建设工程质量用户投诉站", None),
        ("sg", "某建筑公司", None),
    ];
    depts.extend_from_slice(more_depts);
    let mut staff: Vec<StaffRow<'_>> = vec![
        ("n1", "市投诉站 周工", "nj", &["city_station"], None),
        ("g1", "施工单位 项目经理", "sg", &["responsible_unit"], None),
    ];
    staff.extend_from_slice(more);
    roster(&depts, &staff)
}

/// 第六条(三)「责成并督促质量责任单位认真处理好用户投诉」: the unit works the complaint
/// the station charged it with (`holds_case = "handed"`, ruling 130): another unit
/// (the 设计单位 here) neither investigates, records findings on nor proposes for
/// the case charged to the 施工单位. Nineteenth audit; fails on the old file (the
/// 设计单位's investigation was accepted).
#[test]
fn s29_a_unit_works_only_the_complaint_charged_to_it() {
    let roster = station_with(
        &[("sj", "某设计院", None)],
        &[(
            "h1",
            "设计单位 设计负责人",
            "sj",
            &["responsible_unit"],
            None,
        )],
    );
    let (mut s, t0) = civil_works_accepted(roster, "SJ-13", "住户反映外墙渗水", "住户 赵女士");
    s.ok("n1", minutes(t0, 20), assign("sg", "g1"));
    let version = s.case().version;
    refused_not_holding(&mut s, "h1", minutes(t0, 30), investigate());
    assert_eq!(s.case().version, version, "refused: nothing changed");
    s.ok("g1", minutes(t0, 40), investigate());
    refused_not_holding(
        &mut s,
        "h1",
        minutes(t0, 45),
        findings(FaultParty::Us, "外墙设计无误"),
    );
    s.ok(
        "g1",
        minutes(t0, 50),
        findings(FaultParty::Us, "外墙防水层破损"),
    );
    let proposal = || propose(vec![rem(RemedyKind::Repair)], "返修外墙防水层");
    refused_not_holding(&mut s, "h1", minutes(t0, 55), proposal());
    assert_eq!(s.case().version, version + 2, "only the 施工单位's acts");
    s.ok("g1", minutes(t0, 60), proposal());
    s.assert_replays();
}

/// 第六条(三)「责成并督促质量责任单位认真处理好用户投诉」: the unit the case is handed to
/// investigates and records its findings, but whether there is a quality defect at
/// all (`no_quality_defect`, which makes the complaint about its own work invalid)
/// is the station's finding (ruling 150). Fifteenth audit; fails on the old file
/// (the unit's `no_quality_defect` was recorded).
#[test]
fn s29_the_unit_does_not_find_its_own_work_free_of_defect() {
    let (mut s, t0) = civil_works_accepted(
        station_and_unit(),
        "SJ-12",
        "住户反映卫生间楼板渗水",
        "住户 王先生",
    );
    s.ok("n1", minutes(t0, 20), assign("sg", "g1"));
    s.ok("g1", minutes(t0, 60), investigate());
    let no_defect = || CommandKind::RecordFacts {
        facts: [(fact("no_quality_defect"), yes())].into(),
    };
    let version = s.case().version;
    match s.run("g1", minutes(t0, 90), no_defect()) {
        Err(Rejection::GrantConditionUnmet { unmet, .. }) => assert_eq!(
            unmet,
            [
                "role responsible_unit (grants[0]): the fact no_quality_defect is not one it may record (`facts`: none: it records findings, not facts)"
            ]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(s.case().version, version, "refused: nothing changed");
    s.ok(
        "g1",
        minutes(t0, 120),
        findings(FaultParty::Us, "防水层搭接不足"),
    );
    assert_eq!(
        s.case().findings.as_ref().unwrap().validity,
        Validity::Valid
    );
    // The station's own investigation may find no defect.
    s.ok("n1", minutes(t0, 150), no_defect());
    s.assert_replays();
}

/// Twentieth audit: 第六条(二)「受理本地区的工程质量投诉」 and (三)「责成并督促质量责任单位
/// 认真处理好用户投诉」: a city station works the complaints of its own area — one it
/// received (`"received"`, ruling 151) and one it charged to a 质量责任单位 (`"sent"`,
/// ruling 152). 苏州's station neither accepts, answers nor closes a complaint
/// 南京's station received and charged to a 施工单位, and nothing changes; 南京's
/// does. A serious case the province took up (第五条(三)「直接组织有关方面调查处理」) is
/// the province's: 南京's station no longer charges it to a unit (ruling 129).
/// Fails on the old file (苏州's acceptance was recorded).
#[test]
fn s29_a_station_works_only_the_complaints_of_its_area() {
    let roster = station_with(
        &[("su", "苏州市建设工程质量用户投诉站", None)],
        &[("u1", "苏州市投诉站 吕工", "su", &["city_station"], None)],
    );
    let t0 = beijing(2025, 11, 28, 9, 0);
    let complaint = |serious: bool| {
        Complaint::builder(t0, Channel::Visit, "住户反映外墙面砖空鼓脱落")
            .complainant(person("住户 赵女士"))
            .category(cat("civil_works"))
            .product(delivered(date(2025, 6, 1)))
            .flags(ComplaintFlags {
                injury_or_safety: serious,
                ..ComplaintFlags::default()
            })
            .first_responder(sid("n1"))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster.clone());
    s.register("n1", "SJ-21", complaint(false)).unwrap();
    refused_not_holding(&mut s, "u1", minutes(t0, 5), accept());
    s.ok("n1", minutes(t0, 10), accept());
    s.ok("n1", minutes(t0, 20), assign("sg", "g1"));
    refused_not_holding(&mut s, "u1", minutes(t0, 30), reply("已责成施工单位返修"));
    refused_not_holding(&mut s, "u1", minutes(t0, 35), close());
    assert!(
        s.events.iter().all(|e| e.actor != Some(sid("u1"))),
        "苏州's station recorded nothing"
    );
    s.ok("n1", minutes(t0, 40), reply("已责成施工单位返修"));
    s.assert_replays();

    let mut t = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    t.register("n1", "SJ-22", complaint(true)).unwrap();
    assert_eq!(level_of(&t), "serious");
    t.ok("n1", minutes(t0, 10), accept());
    t.ok(
        "n1",
        minutes(t0, 20),
        escalate("严重质量问题,由省投诉站直接组织处理"),
    );
    refused_not_holding(&mut t, "n1", minutes(t0, 30), assign("sg", "g1"));
}

/// Twentieth audit: 第五条(三)「受理全省范围内的工程质量投诉,按照属地解决的原则,交由工程所在地的
/// 投诉处理机构处理,并要求报告处理结果」: a case the province passed down to 南京's
/// station is the station's to handle; the province neither investigates, answers nor
/// takes it back (`holds_case = "received"`, rulings 121, 151), and a complaint
/// 南京's station received is not the province's to accept. Fails on the old file
/// (the province's investigation of the case it passed down was recorded).
#[test]
fn s29_the_province_does_not_handle_a_case_it_passed_down() {
    let roster = station_with(
        &[("sz", "江苏省建设工程质量用户投诉站", None)],
        &[("s1", "省投诉站 严站长", "sz", &["provincial_station"], None)],
    );
    let t0 = beijing(2025, 11, 3, 9, 0);
    let complaint = |by: &str| {
        Complaint::builder(t0, Channel::Letter, "南京某小区墙体裂缝")
            .complainant(person("业主 吴先生"))
            .category(cat("civil_works"))
            .product(delivered(date(2025, 3, 1)))
            .first_responder(sid(by))
            .build()
            .unwrap()
    };
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster.clone());
    s.register("s1", "SZ-2", complaint("s1")).unwrap();
    s.ok("s1", minutes(t0, 30), accept());
    s.ok("s1", minutes(t0, 50), assign("nj", "n1"));
    refused_not_holding(&mut s, "s1", minutes(t0, 60), investigate());
    refused_not_holding(&mut s, "s1", minutes(t0, 70), transfer("sz", "s1", "收回"));
    s.ok("n1", minutes(t0, 80), investigate());
    s.assert_replays();

    let mut l = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    l.register("n1", "NJ-2", complaint("n1")).unwrap();
    refused_not_holding(&mut l, "s1", minutes(t0, 10), accept());
    l.ok("n1", minutes(t0, 20), accept());
}

/// Twentieth audit: 第六条(四)「对受理的工程质量投诉及处理情况进行登记…做到受理一件,处理一个,
/// 件件有结果」: every case accepted has its result. The province's abnormal closure
/// (assumed: the 细则 has none) ends only a case answered whose complainant stays
/// unsatisfied: refused while the 施工单位 investigates, nothing changes, taken after
/// the answer and an unsatisfied callback. Fails on the old file, where it closed the
/// case under investigation.
#[test]
fn s29_the_province_closes_abnormally_only_an_answered_case() {
    let roster = station_with(
        &[("sz", "江苏省建设工程质量用户投诉站", None)],
        &[("s1", "省投诉站 严站长", "sz", &["provincial_station"], None)],
    );
    let (mut s, t0) = civil_works_accepted(roster, "SJ-31", "住户反映外墙渗水", "住户 赵女士");
    s.ok("n1", minutes(t0, 20), assign("sg", "g1"));
    s.ok("g1", minutes(t0, 30), investigate());
    let closing = || CommandKind::CloseAbnormally {
        reason: "住户不认可返修结果".to_owned(),
    };
    let before = s.case().clone();
    let e = s.refused("s1", minutes(t0, 40), closing());
    assert_eq!(e.kind(), "grant_condition_unmet", "{e}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("n1", beijing(2025, 12, 22, 10, 0), reply("外墙防水已返修"));
    s.ok(
        "n1",
        beijing(2025, 12, 24, 10, 0),
        callback(Satisfaction::Unsatisfied, "住户认为仍有渗水"),
    );
    s.ok("s1", beijing(2025, 12, 26, 10, 0), closing());
    assert_eq!(closure_kind(&s), "Abnormal");
    s.assert_replays();
}

/// Twentieth audit: 第五条(三)「交由工程所在地的投诉处理机构处理,并要求报告处理结果」 and 第六条
/// (三)(五): a case the province passed down to 南京's station is 南京's to rectify
/// and report on; 苏州's station, which only put a note on it, answers for neither
/// when they are late (`role_holding_case`, ruling 161). Fails on the old file,
/// which charged both breaches to 苏州's station, the first city station on the case.
#[test]
fn s29_another_citys_note_does_not_make_it_answer_for_a_case() {
    let (mut s, _) = passed_down_to_nanjing_and_noted_elsewhere("u1");
    s.tick(beijing(2026, 2, 10, 9, 0));
    assert_eq!(
        breach_owners(&s),
        ["rectification@1 → n1", "report_to_province@1 → n1"]
    );
}

/// A case the province (`s1`) registered and passed down to 南京's station
/// (`n1`), on which another city's station (`noted_by`: 苏州's `u1` or
/// 常州's `c1`) then put a note.
fn passed_down_to_nanjing_and_noted_elsewhere(noted_by: &str) -> (Scenario, DateTime<Utc>) {
    passed_down_to_nanjing_with(noted_by, ComplaintFlags::default())
}

/// [`passed_down_to_nanjing_and_noted_elsewhere`], the complaint carrying `flags`
/// (`injury_or_safety`: a serious case, which `province-on-serious` takes up).
fn passed_down_to_nanjing_with(noted_by: &str, flags: ComplaintFlags) -> (Scenario, DateTime<Utc>) {
    let roster = station_with(
        &[
            ("sz", "江苏省建设工程质量用户投诉站", None),
            ("su", "苏州市建设工程质量用户投诉站", None),
            ("cz", "常州市建设工程质量用户投诉站", None),
        ],
        &[
            ("s1", "省投诉站 严站长", "sz", &["provincial_station"], None),
            ("u1", "苏州市投诉站 吕工", "su", &["city_station"], None),
            ("c1", "常州市投诉站 钱工", "cz", &["city_station"], None),
        ],
    );
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(t0, Channel::Letter, "南京某小区墙体裂缝")
        .complainant(person("业主 吴先生"))
        .category(cat("civil_works"))
        .product(delivered(date(2025, 3, 1)))
        .flags(flags)
        .first_responder(sid("s1"))
        .build()
        .unwrap();
    s.register("s1", "SZ-3", c).unwrap();
    s.ok("s1", minutes(t0, 30), accept());
    s.ok("s1", minutes(t0, 40), assign("nj", "n1"));
    s.ok(
        noted_by,
        minutes(t0, 50),
        note("该开发商在本市亦有类似投诉"),
    );
    (s, t0)
}

/// Twenty-first session (language): 第六条(三)「责成并督促质量责任单位认真处理好用户投诉」
/// and (五) keep the rectification and the report with the station that charged the
/// 质量责任单位: once 南京's station charged the 施工单位, its clocks are still 南京's
/// (`role_holding_case` with `holds = ["received", "sent"]`, ruling 172), not 常州's,
/// the first city station on the case (the first in the roster's order of ids), for
/// a note. Fails on the old file (both breaches charged to `c1`).
#[test]
fn s29_the_station_that_charged_the_unit_still_answers_for_its_clocks() {
    let (mut s, t0) = passed_down_to_nanjing_and_noted_elsewhere("c1");
    s.ok(
        "n1",
        minutes(t0, 60),
        transfer("sg", "g1", "责成施工单位整改"),
    );
    s.tick(beijing(2026, 2, 10, 9, 0));
    assert_eq!(
        breach_owners(&s),
        ["rectification@1 → n1", "report_to_province@1 → n1"]
    );
}

/// 第六条(五)「认真处理上级有关部门批转的工程质量投诉,并在三个月内将调查和处理情况报原批转机关」:
/// the station that received a referral reports on it, also once the province
/// took the serious case up (第五条(三)「直接组织有关方面调查处理」). The station's
/// `record_action` held on every case, so 苏州's station recorded the report of
/// a referral 南京's station received, meeting 南京's `report_to_referrer` with
/// no report of 南京's. Now the report to the referrer is the receiving
/// station's (`holds_case = ["received", "sent", "followed"]`): 苏州's is
/// refused naming `holds_case`, nothing changes, and 南京's reports after the
/// province's take-over. The twenty-second audit (fails on the old file, where
/// 苏州's report was taken).
#[test]
fn s29_another_citys_station_does_not_report_a_referral_it_did_not_receive() {
    let roster = station_with(
        &[
            ("su", "苏州市建设工程质量用户投诉站", None),
            ("sz", "江苏省建设工程质量用户投诉站", None),
        ],
        &[
            ("u1", "苏州市投诉站 吕工", "su", &["city_station"], None),
            ("p1", "省投诉站 钱工", "sz", &["provincial_station"], None),
        ],
    );
    let t0 = beijing(2025, 11, 28, 9, 0);
    let c = Complaint::builder(t0, Channel::Referral, "省建委批转:住宅楼阳台栏杆松动")
        .complainant(person("住户 王先生"))
        .category(cat("civil_works"))
        .product(delivered(date(2025, 6, 1)))
        .flags(ComplaintFlags {
            injury_or_safety: true,
            ..ComplaintFlags::default()
        })
        .first_responder(sid("n1"))
        .build()
        .unwrap();
    let mut s = Scenario::new(policy("construction-jiangsu-s29.toml"), roster);
    s.register("n1", "SJ-31", c).unwrap();
    s.ok("n1", minutes(t0, 10), accept());
    let report = || CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: Some("已将调查和处理情况报原批转机关".into()),
        milestone: Some(tousu_policy::MilestoneId::new("report_to_referrer").unwrap()),
    };
    let before = s.case().clone();
    refused_not_holding(&mut s, "u1", minutes(t0, 20), report());
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok(
        "n1",
        minutes(t0, 30),
        escalate("严重质量问题,由省投诉站直接组织处理"),
    );
    refused_not_holding(&mut s, "u1", minutes(t0, 40), report());
    s.ok("n1", beijing(2025, 12, 23, 10, 0), report());
    s.assert_replays();
}

/// Thirteenth session (language, ruling 166): 第五条(三)「交由工程所在地的投诉处理机构处理,
/// 并要求报告处理结果」: the report to the province is the station's the case was passed
/// to, also once it charged a 质量责任单位 (第六条(三)「责成并督促质量责任单位认真处理好用户
/// 投诉」) and the province took the serious case up again (「直接组织有关方面调查处理」).
/// The station's `record_action` for `report_to_province` held on every case, so
/// 苏州's station reported 南京's case to the province, meeting 南京's clock. Now
/// `holds_case = ["received", "lead", "sender"]`: 苏州's report is refused naming
/// `holds_case`, nothing changes, and 南京's, the sender of the standing hand-over,
/// is taken. Fails on the old file (苏州's report was taken).
#[test]
fn s29_only_the_station_it_was_passed_to_reports_to_the_province() {
    let (mut s, t0) = charged_and_taken_up("u1");
    let report = || CommandKind::RecordAction {
        action: tousu_policy::CaseAction::ReportSubmitted,
        note: Some("已将处理结果报告省投诉站".into()),
        milestone: Some(tousu_policy::MilestoneId::new("report_to_province").unwrap()),
    };
    let before = s.case().clone();
    refused_not_holding(&mut s, "u1", minutes(t0, 90), report());
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    s.ok("n1", beijing(2025, 12, 23, 10, 0), report());
    s.assert_replays();
}

/// The same station answers for the report's lateness (`report_to_province`'s
/// owner reads the case as the grant does, ruling 172): after the take-over,
/// 南京's, not 常州's, the first city station on the case for a note. Fails on the
/// old file (charged to `c1`).
#[test]
fn s29_the_station_it_was_passed_to_answers_for_the_report_after_the_take_over() {
    let (mut s, _) = charged_and_taken_up("c1");
    s.tick(beijing(2026, 2, 10, 9, 0));
    assert!(
        breach_owners(&s).contains(&"report_to_province@1 → n1".to_owned()),
        "{:?}",
        breach_owners(&s)
    );
}

/// A serious case the province passed down to 南京's station, noted by
/// `noted_by`'s station; 南京's station charged the 施工单位, and the province
/// took the case up (`province-on-serious`).
fn charged_and_taken_up(noted_by: &str) -> (Scenario, DateTime<Utc>) {
    let serious = ComplaintFlags {
        injury_or_safety: true,
        ..ComplaintFlags::default()
    };
    let (mut s, t0) = passed_down_to_nanjing_with(noted_by, serious);
    s.ok(
        "n1",
        minutes(t0, 60),
        transfer("sg", "g1", "责成施工单位整改"),
    );
    s.ok(
        "s1",
        minutes(t0, 80),
        escalate("严重质量问题,由省投诉站直接组织处理"),
    );
    assert_eq!(steps_taken(&s), ["province-on-serious"]);
    (s, t0)
}
