//! Seeds S23–S44: every source regulation in the range as a policy file under
//! `policies/`, checked, and run end to end through a realistic case whose
//! timeline (and, where the regulation has money rules, the month's
//! statements) is snapshot-tested.

mod support;

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use rust_decimal::Decimal;
use support::*;
use tousu_model::*;
use tousu_penalty::{
    ComplaintAgainst, Loss, PenaltyFacts, Responsibility, Responsible, ResponsibleParty, Sanction,
    Violation,
};
use tousu_policy::ViolationId;
use tousu_workflow::*;

// ---------------------------------------------------------------------------
// Helpers of this file (the shared harness is read-only).
// ---------------------------------------------------------------------------

fn at_s(y: i32, m: u32, d: u32, h: u32, min: u32, sec: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, sec)
        .unwrap()
        .to_utc()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn cat(id: &str) -> CategoryId {
    CategoryId::new(id).unwrap()
}

fn fact(name: &str) -> FactName {
    FactName::new(name).unwrap()
}

fn yes() -> FactValue {
    FactValue::Bool(true)
}

fn person(name: &str) -> Complainant {
    Complainant::person(name).unwrap()
}

fn delivered(d: NaiveDate) -> ProductData {
    ProductData {
        delivery_date: Some(d),
        ..ProductData::default()
    }
}

fn assign(lead: &str, handler: &str) -> CommandKind {
    CommandKind::Assign {
        assignment: Assignment {
            lead: did(lead),
            handler: Some(sid(handler)),
            co_handling: vec![],
        },
    }
}

fn findings(fault: FaultParty, note: &str) -> CommandKind {
    CommandKind::RecordFindings {
        validity: None,
        fault: Some(fault),
        responsible: vec![],
        note: Some(note.into()),
    }
}

fn rem(kind: RemedyKind) -> Remedy {
    Remedy::new(kind)
}

fn rem_amt(kind: RemedyKind, amount: &str) -> Remedy {
    Remedy::with_amount(kind, money(amount)).unwrap()
}

fn propose(remedies: Vec<Remedy>, note: &str) -> CommandKind {
    CommandKind::ProposeSolution {
        remedies,
        note: Some(note.into()),
    }
}

fn reply(text: &str) -> CommandKind {
    CommandKind::Reply { text: text.into() }
}

fn callback(satisfaction: Satisfaction, note: &str) -> CommandKind {
    CommandKind::RecordCallback {
        satisfaction,
        note: Some(note.into()),
    }
}

fn accept() -> CommandKind {
    CommandKind::Accept {
        override_reason: None,
    }
}

fn escalate(reason: &str) -> CommandKind {
    CommandKind::Escalate {
        reason: reason.into(),
    }
}

/// The open deadline of `milestone`, in Beijing time.
fn due(s: &Scenario, now: DateTime<Utc>, milestone: &str) -> String {
    let bj = FixedOffset::east_opt(8 * 3600).unwrap();
    let view = s
        .deadlines(now)
        .into_iter()
        .find(|d| d.milestone.as_str() == milestone)
        .unwrap_or_else(|| panic!("no open clock {milestone}"));
    view.deadline
        .as_ref()
        .unwrap_or_else(|| panic!("{milestone} has no deadline"))
        .at
        .with_timezone(&bj)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn breached(events: &[Event], milestone: &str) -> bool {
    events.iter().any(|e| matches!(&e.kind, EventKind::MilestoneBreached { milestone: m, .. } if m.as_str() == milestone))
}

fn level_of(s: &Scenario) -> &str {
    s.case().level.as_ref().map(LevelId::as_str).unwrap_or("-")
}

fn status(s: &Scenario) -> Status {
    s.case().status
}

fn statements(s: &Scenario, facts: &PenaltyFacts) -> String {
    let schedule =
        s.rt.policy
            .penalties
            .clone()
            .expect("the policy has a [penalties] table");
    let result = tousu_penalty::compute_statements(&schedule, &s.roster, facts, None).unwrap();
    tousu_penalty::render_markdown(&result)
}

fn paid(staff: Staff, points: i64, bonus: &str) -> Staff {
    staff.with_pay(Decimal::from(points), money(bonus))
}

/// A roster with pay (base points, monthly bonus): staff as
/// (id, name, department, roles, supervisor, points, bonus).
#[allow(clippy::type_complexity)]
fn paid_roster(
    depts: &[(&str, &str, Option<&str>)],
    staff: &[(&str, &str, &str, &[&str], Option<&str>, i64, &str)],
) -> Roster {
    let tree = DepartmentTree::new(
        depts
            .iter()
            .map(|(id, name, parent)| Department::new(did(id), *name, parent.map(did)))
            .collect(),
    )
    .unwrap();
    let people = staff
        .iter()
        .map(|(id, name, dept, roles, sup, points, bonus)| {
            let mut s = Staff::new(sid(id), *name, did(dept));
            for r in *roles {
                s = s.with_role(RoleId::new(*r).unwrap());
            }
            if let Some(sup) = sup {
                s = s.with_supervisor(sid(sup));
            }
            paid(s, *points, bonus)
        })
        .collect();
    Roster::new(tree, people).unwrap()
}

fn case_id(s: &str) -> CaseId {
    CaseId::new(s).unwrap()
}

fn complaints_against(staff: &str, n: usize, prefix: &str) -> Vec<ComplaintAgainst> {
    (1..=n)
        .map(|i| ComplaintAgainst {
            staff: sid(staff),
            case: case_id(&format!("{prefix}-{i}")),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// S23 — 厦门市建设工程质量投诉处理工作细则
// ---------------------------------------------------------------------------

#[test]
fn s23_xiamen_leak_in_warranty_handled_and_redirects() {
    let p = policy("construction-xiamen-s23.toml");
    let roster = roster(
        &[
            ("zxz", "质量安全监督站", None),
            ("fzx", "投诉质量分中心", Some("zxz")),
            ("jd1", "监督一科", Some("zxz")),
        ],
        &[
            ("zb", "值班员 陈工", "jd1", &["duty_officer"], None),
            (
                "zb2",
                "分中心主办 黄科员",
                "fzx",
                &["sub_centre_officer"],
                None,
            ),
            ("jd", "监督员 许工", "jd1", &["supervision_section"], None),
            ("zz", "站长 郑站长", "zxz", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 9, 29, 15, 0);
    let c = Complaint::builder(
        t0,
        Channel::Letter,
        "湖里区某小区3号楼1802室卫生间楼板渗漏至楼下,开发商维修两次仍未解决",
    )
    .complainant(person("林女士(产权人)"))
    .category(cat("waterproofing"))
    .first_responder(sid("zb"))
    .incident_at(beijing(2025, 9, 20, 8, 0))
    .product(delivered(date(2023, 6, 30)))
    .location("厦门市湖里区")
    .build()
    .unwrap();
    s.register("zb", "XM-1", c).unwrap();
    // 1 working day after Mon 29 Sep: Tue 30 Sep, so 24:00 that day.
    assert_eq!(due(&s, t0, "report_to_sub_centre"), "2025-10-01 00:00");
    s.ok("zb2", beijing(2025, 9, 30, 9, 0), accept());
    // 30 calendar days from 30 Sep: 30 Oct (a Thursday).
    assert_eq!(
        due(&s, beijing(2025, 9, 30, 9, 0), "handling"),
        "2025-10-31 00:00"
    );
    s.ok("zb2", beijing(2025, 9, 30, 9, 30), assign("jd1", "jd"));
    s.ok(
        "jd",
        beijing(2025, 10, 9, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "jd",
        beijing(2025, 10, 10, 16, 0),
        findings(
            FaultParty::ThirdParty,
            "现场核查:卫生间防水层破损,属施工质量缺陷,在5年保修期内",
        ),
    );
    s.ok(
        "jd",
        beijing(2025, 10, 10, 16, 30),
        propose(
            vec![rem(RemedyKind::Repair)],
            "责成施工单位于10月20日前重做防水层并闭水试验",
        ),
    );
    s.ok("zz", beijing(2025, 10, 11, 10, 0), CommandKind::Approve);
    s.ok(
        "zb2",
        beijing(2025, 10, 21, 10, 0),
        reply("施工单位已重做防水层,闭水试验48小时无渗漏"),
    );
    s.ok(
        "zb2",
        beijing(2025, 10, 23, 10, 0),
        callback(Satisfaction::Satisfied, "业主确认不再渗漏"),
    );
    s.ok("zb2", beijing(2025, 10, 23, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s23_xiamen_leak", timeline(&s.events));

    // 第七条2: a defect from the owner's own renovation is redirected.
    let p2 = p.clone();
    let mut r = Scenario::new(p, roster);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "自行二次装修后阳台地面开裂,要求监督站处理",
    )
    .complainant(person("吴先生"))
    .category(cat("building"))
    .fact(fact("secondary_decoration"), yes())
    .build()
    .unwrap();
    r.register("zb", "XM-2", c).unwrap();
    assert!(
        r.run("zb", minutes(t0, 5), accept()).is_err(),
        "第七条2 does not accept"
    );
    r.ok(
        "zb",
        minutes(t0, 6),
        CommandKind::NotAccept {
            reason_zh: "二次装修造成的质量缺陷(第七条2)".into(),
            advice_zh: Some("建议投诉人通过其它投诉途径或民事仲裁、司法等途径解决".into()),
        },
    );
    assert_eq!(status(&r), Status::NotAccepted);
    r.assert_replays();

    // 第七条1: asking for 换房、退房 or 经济赔偿 is redirected, whatever the
    // amount; asking for the defect to be repaired is not.
    let asking = |r: Remedy| {
        Complaint::builder(t0, Channel::Visit, "楼板开裂")
            .complainant(person("郑先生"))
            .category(cat("building"))
            .request(r)
            .build()
            .unwrap()
    };
    let accepted = |c: &Complaint| {
        matches!(
            p2.acceptance(&tousu_policy::EvalInput::new(c, t0)).outcome,
            tousu_policy::Acceptance::Accept
        )
    };
    assert!(!accepted(&asking(rem(RemedyKind::Replacement))), "换房");
    assert!(!accepted(&asking(rem(RemedyKind::Return))), "退房");
    assert!(
        !accepted(&asking(rem_amt(RemedyKind::Compensation, "20000"))),
        "经济赔偿"
    );
    assert!(accepted(&asking(rem(RemedyKind::Repair))), "维修");
}

// ---------------------------------------------------------------------------
// S24 — XXXX电气有限公司 质量投诉处理及服务管理制度
// ---------------------------------------------------------------------------

#[test]
fn s24_electrical_out_of_province_over_may_day() {
    let p = policy("electrical-equipment-s24.toml");
    let roster = roster(
        &[
            ("pz", "品质部", None),
            ("xs", "销售部", None),
            ("sc", "生产部", None),
            ("ld", "公司领导", None),
        ],
        &[
            ("q1", "品质部 杨工", "pz", &["quality_dept"], None),
            ("x1", "销售 何经理", "xs", &["sales"], None),
            ("p1", "生产部 罗主任", "sc", &["production"], None),
            ("m1", "副总 钱总", "ld", &["management"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 4, 30, 16, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "贵州客户:上月到货的20台低压开关柜中2台断路器合闸后跳闸",
    )
    .complainant(Complainant::organization("遵义某建设公司").unwrap())
    .category(cat("product"))
    .fact(fact("out_of_province"), yes())
    .incident_at(beijing(2025, 4, 28, 9, 0))
    .product(ProductData {
        model: Some("GGD-0.4kV".into()),
        delivery_date: Some(date(2025, 3, 25)),
        quantity: Some(20),
        defective_quantity: Some(2),
        ..ProductData::default()
    })
    .build()
    .unwrap();
    s.register("q1", "DQ-1", c).unwrap();
    // 省外不超过四天: 4 calendar days end on Sun 4 May, a holiday, so the
    // period runs to the next working day, Tue 6 May (ruling 2 in docs/rulings.md).
    assert_eq!(due(&s, t0, "handling"), "2025-05-07 00:00");
    s.ok("q1", minutes(t0, 10), accept());
    s.ok("q1", minutes(t0, 20), assign("xs", "x1"));
    s.ok(
        "x1",
        beijing(2025, 5, 6, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "x1",
        beijing(2025, 5, 6, 15, 0),
        findings(
            FaultParty::Us,
            "会同质检人员检定:断路器脱扣器装配不良,属产品自身质量原因",
        ),
    );
    s.ok(
        "x1",
        beijing(2025, 5, 6, 16, 0),
        propose(
            vec![rem(RemedyKind::Replacement)],
            "保修期1年内,免费调换2台断路器",
        ),
    );
    // Not answered by the end of 6 May: the deadline breaches and 「及时汇报」.
    let late = s.tick(beijing(2025, 5, 7, 8, 30));
    assert!(breached(&late, "handling"));
    s.ok("m1", beijing(2025, 5, 7, 9, 0), CommandKind::Approve);
    s.ok(
        "x1",
        beijing(2025, 5, 7, 10, 0),
        reply("已发出2台替换断路器,随货附《质量信息反馈单》"),
    );
    s.ok(
        "q1",
        beijing(2025, 5, 9, 10, 0),
        callback(Satisfaction::Satisfied, "客户确认更换后运行正常"),
    );
    s.ok("q1", beijing(2025, 5, 9, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s24_electrical", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S25 — 服务用语及投诉处理技巧 (中国电信)
// ---------------------------------------------------------------------------

#[test]
fn s25_telecom_broadband_fault_passed_on() {
    let p = policy("telecom-callcentre-s25.toml");
    let roster = roster(
        &[
            ("kf", "10000号客服中心", None),
            ("wh", "宽带维护中心", None),
        ],
        &[
            (
                "w1",
                "维系经理 小周",
                "kf",
                &["retention_agent"],
                Some("bz"),
            ),
            ("bz", "值班主管 孙主管", "kf", &["team_leader"], None),
            ("h1", "装维 江师傅", "wh", &["back_office"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 31, 20, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "家中宽带从下午起无法上网,明天元旦要在家办公,已是第二次报修",
    )
    .complainant(person("赵先生"))
    .category(cat("fault_report"))
    .first_responder(sid("w1"))
    .build()
    .unwrap();
    s.register("w1", "DX-1", c).unwrap();
    // Answered 12 seconds after the call arrives (limit: 15 s, approximated by 1 minute).
    s.ok("w1", at_s(2025, 12, 31, 20, 0, 12), accept());
    // 申告 answered within 48 hours (assumed): clock hours, holidays do not matter.
    assert_eq!(
        due(&s, at_s(2025, 12, 31, 20, 0, 12), "reply"),
        "2026-01-02 20:00"
    );
    // 「复杂问题,及时转达」: passed on to the team leader.
    s.ok(
        "w1",
        beijing(2025, 12, 31, 20, 5),
        escalate("光猫LOS灯红,需装维上门,超出首问处理范围"),
    );
    s.ok("bz", beijing(2025, 12, 31, 20, 10), assign("wh", "h1"));
    s.ok(
        "h1",
        beijing(2026, 1, 1, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "h1",
        beijing(2026, 1, 1, 11, 0),
        findings(FaultParty::Us, "分光器端口故障"),
    );
    s.ok(
        "h1",
        beijing(2026, 1, 1, 11, 10),
        propose(
            vec![
                rem(RemedyKind::Repair),
                rem_amt(RemedyKind::Compensation, "20"),
            ],
            "更换端口并赠送20元话费补偿",
        ),
    );
    // 20 元 is within the agent's 50 元; the agent approves.
    s.ok("w1", beijing(2026, 1, 1, 11, 20), CommandKind::Approve);
    s.ok(
        "w1",
        beijing(2026, 1, 1, 11, 30),
        reply("宽带已恢复,20元话费补偿将于24小时内到账"),
    );
    s.ok(
        "w1",
        beijing(2026, 1, 2, 10, 0),
        callback(Satisfaction::Satisfied, "用户表示满意"),
    );
    s.ok("w1", beijing(2026, 1, 2, 10, 1), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s25_telecom", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S26 — 成都市房屋建筑工程施工质量投诉处理暂行办法
// ---------------------------------------------------------------------------

#[test]
fn s26_chengdu_referred_case_over_spring_festival() {
    let p = policy("construction-chengdu-s26.toml");
    let roster = roster(
        &[
            ("zjz", "成都市建设工程质量监督站", None),
            ("jd", "监督三科", Some("zjz")),
        ],
        &[
            ("sl", "受理专人 邓科员", "zjz", &["intake_officer"], None),
            ("jy", "监督员 冯工", "jd", &["inspector"], None),
            ("zz", "站长 谢站长", "zjz", &["station_head"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2026, 2, 10, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Referral,
        "市信访办交办:高新区某在建住宅项目外墙瓷砖空鼓脱落,业主联名反映",
    )
    .complainant(person("业主代表 刘先生"))
    .category(cat("installation_decoration"))
    .build()
    .unwrap();
    s.register("sl", "CD-1", c).unwrap();
    assert_eq!(level_of(&s), "quality_complaint");
    // 15 working days from Tue 10 Feb 2026 over the Spring Festival (15–23 Feb
    // off; Sat 14 and Sat 28 Feb are make-up working days): the 15th is Mon 9 Mar.
    assert_eq!(due(&s, t0, "answer_referrer"), "2026-03-10 00:00");
    s.ok("sl", minutes(t0, 30), accept());
    s.ok("sl", minutes(t0, 40), assign("jd", "jy"));
    s.ok(
        "jy",
        beijing(2026, 2, 11, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "jy",
        beijing(2026, 2, 12, 17, 0),
        findings(
            FaultParty::ThirdParty,
            "外墙饰面砖粘贴不符合设计文件及验收规范,属施工质量问题",
        ),
    );
    // 「责成建设责任主体单位对质量问题进行限期整改」: the limit is agreed per case.
    s.ok(
        "jy",
        beijing(2026, 2, 12, 17, 30),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 3, 6, 18, 0),
        },
    );
    s.ok(
        "jy",
        beijing(2026, 2, 12, 17, 40),
        propose(
            vec![rem(RemedyKind::Repair)],
            "责成施工单位于3月6日前完成外墙空鼓瓷砖铲除重贴并设置安全防护",
        ),
    );
    s.ok("zz", beijing(2026, 2, 13, 9, 0), CommandKind::Approve);
    s.ok(
        "jy",
        beijing(2026, 3, 5, 16, 0),
        reply("整改完成,已向市信访办回复办理结果"),
    );
    s.ok(
        "sl",
        beijing(2026, 3, 9, 10, 0),
        callback(Satisfaction::Satisfied, "业主代表确认整改完成"),
    );
    s.ok("sl", beijing(2026, 3, 9, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s26_chengdu_referred", timeline(&s.events));

    // 自行协商 first: a direct complaint before negotiating is not accepted.
    let mut d = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Phone, "新房地漏返水,还没找开发商")
        .complainant(person("王女士"))
        .build()
        .unwrap();
    d.register("sl", "CD-2", c).unwrap();
    assert!(d.run("sl", minutes(t0, 1), accept()).is_err());
    // The answer to the referrer is for 上级交办 cases only.
    assert!(
        d.deadlines(t0)
            .iter()
            .all(|v| v.milestone.as_str() != "answer_referrer")
    );
}

// ---------------------------------------------------------------------------
// S27 — 纳税服务投诉管理办法
// ---------------------------------------------------------------------------

#[test]
fn s27_tax_service_missed_preference_late_handling() {
    let p = policy("tax-service-s27.toml");
    let roster = roster(
        &[
            ("jg", "某区税务局", None),
            ("nf", "纳税服务科", Some("jg")),
            ("zs", "征收管理科", Some("jg")),
        ],
        &[
            (
                "n1",
                "纳服专职 欧阳",
                "nf",
                &["tax_service_staff"],
                Some("nk"),
            ),
            ("nk", "纳服科长 钟科长", "nf", &["service_dept_head"], None),
            (
                "z1",
                "征管科 田科员",
                "zs",
                &["coordinating_dept"],
                Some("zk"),
            ),
            (
                "z2",
                "征管科 马科员",
                "zs",
                &["coordinating_dept"],
                Some("zk"),
            ),
            ("zk", "征管科长", "zs", &["coordinating_dept"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 30, 16, 0);
    let c = Complaint::builder(
        t0,
        Channel::Web,
        "申报时窗口人员称我公司不符合小微企业优惠条件,多缴税款,经咨询12366应可享受",
    )
    .complainant(Complainant::organization("某商贸有限公司").unwrap())
    .category(cat("missed_preference"))
    .respondent(Respondent::staff(sid("z1")))
    .flags(ComplaintFlags {
        confidential: true,
        ..ComplaintFlags::default()
    })
    .build()
    .unwrap();
    s.register("n1", "NF-1", c).unwrap();
    // 1 working day (assumed) after Tue 30 Sep: the National Day holiday runs
    // to 8 Oct, so it is Thu 9 Oct.
    assert_eq!(due(&s, t0, "acceptance"), "2025-10-10 00:00");
    s.ok("n1", beijing(2025, 10, 9, 9, 30), accept());
    // 10 working days from Thu 9 Oct (Sat 11 Oct is a make-up working day): Wed 22 Oct.
    assert_eq!(
        due(&s, beijing(2025, 10, 9, 9, 30), "handling"),
        "2025-10-23 00:00"
    );
    s.ok(
        "n1",
        beijing(2025, 10, 9, 9, 40),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("nf"),
                handler: Some(sid("n1")),
                co_handling: vec![did("zs")],
            },
        },
    );
    s.ok(
        "n1",
        beijing(2025, 10, 9, 10, 0),
        CommandKind::StartInvestigation,
    );
    // 不得徇私、偏袒: the respondent may not record the findings.
    assert!(
        s.run(
            "z1",
            beijing(2025, 10, 10, 10, 0),
            findings(FaultParty::Nobody, "无过错")
        )
        .is_err()
    );
    s.ok(
        "z2",
        beijing(2025, 10, 20, 15, 0),
        findings(
            FaultParty::Us,
            "窗口人员误用从业人数口径,企业应享受小微企业所得税优惠",
        ),
    );
    let late = s.tick(beijing(2025, 10, 23, 8, 0));
    assert!(breached(&late, "handling"));
    s.ok(
        "n1",
        beijing(2025, 10, 23, 9, 0),
        propose(
            vec![rem(RemedyKind::Apology), rem(RemedyKind::Explanation)],
            "办理退抵税,对窗口人员进行批评教育",
        ),
    );
    s.ok("nk", beijing(2025, 10, 23, 10, 0), CommandKind::Approve);
    s.ok(
        "n1",
        beijing(2025, 10, 23, 11, 0),
        reply("已为贵公司办理多缴税款退抵,并致歉"),
    );
    s.ok(
        "n1",
        beijing(2025, 10, 27, 10, 0),
        callback(Satisfaction::Satisfied, "纳税人满意"),
    );
    s.ok("n1", beijing(2025, 10, 27, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s27_tax_service", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S28 — 客户投诉处理服务规范 (营业厅)
// ---------------------------------------------------------------------------

#[test]
fn s28_business_hall_batch_complaint_beyond_authority() {
    let p = policy("business-hall-s28.toml");
    let roster = roster(
        &[
            ("yyt", "中山路营业厅", None),
            ("fgs", "分公司客服中心", None),
        ],
        &[
            ("y1", "营业员 小唐", "yyt", &["hall_staff"], Some("zr")),
            ("zr", "营业厅主任 韦主任", "yyt", &["hall_supervisor"], None),
            ("sj", "客服中心 潘经理", "fgs", &["superior"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 1, 1, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "同一小区4位客户到厅反映:套餐升级后12月话费被重复扣除月租",
    )
    .complainant(person("客户代表 蒋女士"))
    .category(cat("product_service_defect"))
    .collective_count(4)
    .first_responder(sid("y1"))
    .build()
    .unwrap();
    s.register("y1", "YYT-1", c).unwrap();
    assert_eq!(level_of(&s), "batch", "短时间内出现批量投诉");
    s.ok("y1", minutes(t0, 5), accept());
    // Not answerable on site: tell the customer the time needed (agreed deadline).
    s.ok(
        "y1",
        minutes(t0, 20),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 1, 2, 12, 0),
        },
    );
    // 「有升级投诉倾向 … 及时向上级上报」 (first: the hall supervisor).
    s.ok(
        "y1",
        minutes(t0, 40),
        escalate("批量投诉,客户情绪激动,超出处理权限"),
    );
    s.ok("zr", minutes(t0, 45), assign("yyt", "y1"));
    s.ok("y1", minutes(t0, 50), CommandKind::StartInvestigation);
    s.ok(
        "y1",
        beijing(2026, 1, 1, 15, 0),
        findings(FaultParty::Us, "计费系统套餐变更时重复出账"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 1, 15, 10),
        propose(
            vec![rem_amt(RemedyKind::Refund, "316"), rem(RemedyKind::Apology)],
            "退还4户重复扣除月租共316元",
        ),
    );
    // 316 元 is beyond the hall staff's 100 元 authority: the supervisor approves.
    let err = s
        .run("y1", beijing(2026, 1, 1, 15, 20), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&err, Rejection::OutOfAuthority { required_role, .. } if required_role.as_str() == "hall_supervisor"),
        "{err}"
    );
    s.ok("zr", beijing(2026, 1, 1, 15, 30), CommandKind::Approve);
    s.ok(
        "y1",
        beijing(2026, 1, 2, 11, 0),
        reply("重复扣费已退回,并致歉"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 2, 11, 10),
        callback(Satisfaction::VerySatisfied, "客户签字确认"),
    );
    s.ok("y1", beijing(2026, 1, 2, 11, 15), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s28_business_hall", timeline(&s.events));
}

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
    // A referred case keeps its severity: six households are 影响较大 (第四条).
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
    s.ok("n1", minutes(t0, 40), assign("sg", "g1"));
    // The province takes up a serious case directly (第四条).
    s.ok(
        "n1",
        minutes(t0, 50),
        escalate("影响较大的批转件,由省投诉站直接组织处理"),
    );
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
    s.ok(
        "n1",
        beijing(2025, 12, 22, 10, 0),
        reply("屋面防水已返修,已将调查和处理情况报原批转机关"),
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

// ---------------------------------------------------------------------------
// S30 — 客户投诉服务问题处理流程及评判标准 (卓达社区网客服中心)
// ---------------------------------------------------------------------------

#[test]
fn s30_zhuoda_chain_difficult_node_and_unreachable_closure() {
    let p = policy("community-network-s30.toml");
    let roster = roster(
        &[
            ("kfzx", "客服中心", None),
            ("jd", "服务监督团队", Some("kfzx")),
            ("yn", "疑难投诉处理团队", Some("kfzx")),
        ],
        &[
            ("kd1", "客户代表 小白", "kfzx", &["agent"], Some("zg")),
            ("kd2", "客户代表 小黎", "kfzx", &["agent"], Some("zg")),
            (
                "zg",
                "部门主管 龚主管",
                "kfzx",
                &["dept_supervisor"],
                Some("jl"),
            ),
            ("jl", "部门经理 汤经理", "kfzx", &["dept_manager"], None),
            ("jd1", "服务监督 包主管", "jd", &["supervision_team"], None),
            ("yn1", "疑难团队 万经理", "yn", &["difficult_team"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 30, 14, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "投诉客户代表小黎昨天办理宽带续费时语气生硬、与客户争执",
    )
    .complainant(person("邵先生"))
    .category(cat("agent_service"))
    .respondent(Respondent::staff(sid("kd2")))
    .first_responder(sid("kd1"))
    .build()
    .unwrap();
    s.register("kd1", "ZD-1", c).unwrap();
    s.ok("kd1", minutes(t0, 8), accept());
    // The chain: 客户代表 → 部门主管 → 部门经理 → 服务监督团队.
    s.ok("kd1", minutes(t0, 15), escalate("客户不接受初步解释"));
    s.ok("zg", minutes(t0, 30), escalate("客户不同意主管处理意见"));
    s.ok("jl", minutes(t0, 50), escalate("转服务监督团队处理"));
    s.ok("jd1", minutes(t0, 60), assign("jd", "jd1"));
    s.ok("jd1", minutes(t0, 70), CommandKind::StartInvestigation);
    s.ok(
        "jd1",
        beijing(2025, 12, 30, 17, 0),
        findings(FaultParty::Us, "调取录音:属实,客户代表语气生硬"),
    );
    s.ok(
        "jd1",
        beijing(2025, 12, 30, 17, 10),
        propose(vec![rem(RemedyKind::Apology)], "致歉,客户代表责令下机学习"),
    );
    s.ok("jd1", beijing(2025, 12, 30, 17, 20), CommandKind::Approve);
    s.ok(
        "jd1",
        beijing(2025, 12, 31, 10, 0),
        reply("已核实属实,向您致歉,当事客户代表已下机学习"),
    );
    // Still unsatisfied with higher demands: the 疑难 node, a second handling.
    // The round was already escalated by hand, so the team takes the last
    // step of the chain itself: 服务监督团队(主管级) → 疑难投诉处理团队(经理级).
    s.ok(
        "jd1",
        beijing(2025, 12, 31, 15, 0),
        callback(Satisfaction::Unsatisfied, "客户要求免一个月网费"),
    );
    s.ok(
        "jd1",
        beijing(2025, 12, 31, 15, 10),
        escalate("非客户代表差错范围的更高诉求,提交“咨询工单—疑难客户”节点"),
    );
    s.ok(
        "yn1",
        beijing(2026, 1, 4, 9, 0),
        CommandKind::Reopen {
            reason: "提交“咨询工单—疑难客户”节点工单进行二次处理".into(),
        },
    );
    s.ok(
        "yn1",
        beijing(2026, 1, 4, 9, 5),
        CommandKind::Classify {
            level: Some(level("difficult")),
            reason: Some("疑难投诉客户".into()),
        },
    );
    // The round-2 clock started under 普通 (1 working day from Sun 4 Jan 2026,
    // a make-up working day: Mon 5 Jan). Raising the level to 疑难 (2 working
    // days) never loosens a running clock, so 5 Jan still binds.
    assert_eq!(
        due(&s, beijing(2026, 1, 4, 9, 5), "team_reply"),
        "2026-01-06 00:00"
    );
    // 「无人接听、正在通话中、关机或无法接通」 → SMS on Mon 5 Jan 16:00.
    s.ok(
        "yn1",
        beijing(2026, 1, 5, 16, 0),
        CommandKind::AddNote {
            text: "多次回电无人接听,已发短信通知".into(),
            attachments: vec![],
        },
    );
    let notice = beijing(2026, 1, 5, 16, 0);
    // 2 working days after the notice end with Wed 7 Jan: too early on the 7th.
    assert!(
        s.run(
            "yn1",
            beijing(2026, 1, 7, 10, 0),
            CommandKind::CloseUnreachable {
                notified_at: notice
            }
        )
        .is_err()
    );
    s.ok(
        "yn1",
        beijing(2026, 1, 8, 9, 0),
        CommandKind::CloseUnreachable {
            notified_at: notice,
        },
    );
    assert_eq!(status(&s), Status::Closed);
    s.assert_replays();
    insta::assert_snapshot!("s30_zhuoda", timeline(&s.events));
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
        beijing(2026, 4, 28, 10, 0),
        reply("加固完成并经检测合格"),
    );
    s.ok(
        "ba",
        beijing(2026, 4, 29, 10, 0),
        callback(Satisfaction::Satisfied, "投诉人确认"),
    );
    // 10 working days (assumed) to file the dossier: over May Day (1–5 May off,
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

// ---------------------------------------------------------------------------
// S32 — 客户服务部投诉处理管理制度 (广州市金碧物业管理有限公司)
// ---------------------------------------------------------------------------

#[test]
fn s32_jinbi_late_dispatch_and_month_fines() {
    let p = policy("property-jinbi-s32.toml");
    let roster = paid_roster(
        &[
            ("kf", "客户服务部", None),
            ("dd", "调度中心", Some("kf")),
            ("gc", "工程部", None),
        ],
        &[
            (
                "dz",
                "当班 苏小姐",
                "dd",
                &["duty_staff"],
                Some("dg"),
                10,
                "800",
            ),
            (
                "dz2",
                "当班 梁小姐",
                "dd",
                &["duty_staff"],
                Some("dg"),
                10,
                "800",
            ),
            (
                "dg",
                "调度主管 陈主管",
                "dd",
                &["dispatch_supervisor"],
                Some("kj"),
                12,
                "1200",
            ),
            (
                "gs",
                "工程部 维修工 阿强",
                "gc",
                &["handler"],
                Some("gz"),
                8,
                "600",
            ),
            (
                "gz",
                "工程部主管 黎主管",
                "gc",
                &["responsible_supervisor"],
                Some("kj"),
                12,
                "1200",
            ),
            (
                "kj",
                "客服部经理 冯经理",
                "kf",
                &["cs_manager"],
                None,
                15,
                "2000",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 10, 9, 8, 58);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "金碧花园5栋2302业主来电:楼上漏水,天花板滴水已一晚",
    )
    .complainant(person("业主 邝先生"))
    .category(cat("property_service"))
    .first_responder(sid("dz"))
    .location("金碧花园5栋2302")
    .build()
    .unwrap();
    s.register("dz", "JB-1", c).unwrap();
    // 「必须在首报五分钟内调度相关部门」.
    assert_eq!(due(&s, t0, "dispatch"), "2025-10-09 09:03");
    s.ok("dz", minutes(t0, 1), accept());
    let late = s.tick(minutes(t0, 6));
    assert!(breached(&late, "dispatch"), "dispatched after five minutes");
    s.ok("dz", minutes(t0, 7), assign("gc", "gs"));
    s.ok("gs", minutes(t0, 30), CommandKind::StartInvestigation);
    s.ok(
        "gs",
        minutes(t0, 60),
        findings(FaultParty::ThirdParty, "楼上2402户卫生间进水软管爆裂"),
    );
    s.ok(
        "gs",
        minutes(t0, 70),
        propose(
            vec![rem(RemedyKind::Repair), rem(RemedyKind::Explanation)],
            "关闭2402总阀,更换软管,协调2402户修复天花",
        ),
    );
    s.ok("dg", minutes(t0, 80), CommandKind::Approve);
    s.ok(
        "dz",
        beijing(2025, 10, 9, 11, 0),
        reply("漏水已止,天花修复已与楼上业主协调"),
    );
    s.ok(
        "dz",
        beijing(2025, 10, 10, 10, 0),
        callback(Satisfaction::Satisfied, "回访业主满意"),
    );
    s.ok("dz", beijing(2025, 10, 10, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s32_jinbi_dispatch", timeline(&s.events));

    // October's statements: the late dispatch (30 元) plus the month's other
    // violations, each with the supervisor the 附则 names.
    let v = |rule: &str, case: &str, staff: &str, sup: Option<&str>, items: u32| Violation {
        rule: ViolationId::new(rule).unwrap(),
        case: Some(case_id(case)),
        responsible: sid(staff),
        supervisor: sup.map(sid),
        items,
    };
    let facts = PenaltyFacts {
        breaches: s.breaches(),
        violations: vec![
            v("record_incomplete", "JB-1", "dz", None, 2),
            v("etiquette_caused_complaint", "JB-7", "dz2", Some("dg"), 1),
            v("ignored_repeat", "JB-9", "dz2", Some("dg"), 1),
            v("record_caused_mishandling", "JB-12", "gs", Some("gz"), 1),
            v("review_late", "JB-12", "dg", None, 1),
        ],
        ..PenaltyFacts::new("2025-10".parse().unwrap())
    };
    let md = statements(&s, &facts);
    insta::assert_snapshot!("s32_jinbi_statements", md);
}

// ---------------------------------------------------------------------------
// S33 — 物业服务投诉处理范本 — 投诉处理制度
// ---------------------------------------------------------------------------

#[test]
fn s33_property_model_one_month_becomes_major() {
    let p = policy("property-model-s33.toml");
    let roster = roster(
        &[
            ("glc", "管理处", None),
            ("gc", "工程组", Some("glc")),
            ("gs", "物业公司", None),
        ],
        &[
            ("jd", "接待员 小甘", "glc", &["receptionist"], Some("zr")),
            ("cl", "工程组 覃工", "gc", &["handler"], Some("zr")),
            (
                "zr",
                "管理处主任 卢主任",
                "glc",
                &["cs_manager"],
                Some("ld"),
            ),
            ("ld", "公司 分管领导", "gs", &["company_leader"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 12, 15, 19, 0);
    let c = Complaint::builder(t0, Channel::Visit, "地下车库B2层顶板渗水滴到车上,要求处理")
        .complainant(person("业主 毛先生"))
        .category(cat("liability"))
        .build()
        .unwrap();
    s.register("jd", "WY-1", c).unwrap();
    assert_eq!(level_of(&s), "general");
    s.ok("jd", minutes(t0, 10), accept());
    // 一个月: 15 Jan 2026, so the month ends at 24:00 that day.
    assert_eq!(
        due(&s, minutes(t0, 10), "reasonable_resolution"),
        "2026-01-16 00:00"
    );
    // 「与投诉人约定好回复时间」.
    s.ok(
        "jd",
        minutes(t0, 15),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 12, 17, 18, 0),
        },
    );
    s.ok("jd", minutes(t0, 20), assign("gc", "cl"));
    s.ok(
        "cl",
        beijing(2025, 12, 16, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "cl",
        beijing(2025, 12, 16, 15, 0),
        findings(FaultParty::Us, "顶板伸缩缝止水带老化,属物业维保范围"),
    );
    s.ok(
        "cl",
        beijing(2025, 12, 16, 15, 30),
        propose(vec![rem(RemedyKind::Repair)], "注浆堵漏"),
    );
    s.ok("zr", beijing(2025, 12, 16, 17, 0), CommandKind::Approve);
    s.ok("cl", beijing(2025, 12, 17, 10, 0), reply("已注浆堵漏"));
    s.ok(
        "jd",
        beijing(2025, 12, 22, 10, 0),
        callback(Satisfaction::Unsatisfied, "雨后仍渗水"),
    );
    s.ok(
        "zr",
        beijing(2025, 12, 22, 10, 30),
        CommandKind::Reopen {
            reason: "堵漏无效,再次处理".into(),
        },
    );
    // The month runs on across rounds; on 16 Jan it is 重大 c).
    // The breach itself makes it 重大投诉 (the step's `reclassify_to`).
    let late = s.tick(beijing(2026, 1, 16, 8, 0));
    assert!(breached(&late, "reasonable_resolution"));
    assert_eq!(level_of(&s), "major");
    s.ok(
        "cl",
        beijing(2026, 1, 16, 9, 30),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "cl",
        beijing(2026, 1, 16, 11, 0),
        findings(FaultParty::Us, "需整段更换止水带"),
    );
    s.ok(
        "cl",
        beijing(2026, 1, 16, 11, 30),
        propose(
            vec![
                rem(RemedyKind::Repair),
                rem_amt(RemedyKind::Compensation, "600"),
            ],
            "更换止水带,赔偿洗车及漆面处理费600元",
        ),
    );
    s.ok("zr", beijing(2026, 1, 16, 14, 0), CommandKind::Approve);
    s.ok(
        "cl",
        beijing(2026, 1, 20, 10, 0),
        reply("止水带已更换,赔偿已支付"),
    );
    s.ok(
        "jd",
        beijing(2026, 1, 23, 10, 0),
        callback(Satisfaction::Satisfied, "连续降雨后无渗水"),
    );
    s.ok("jd", beijing(2026, 1, 23, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s33_property_model", timeline(&s.events));

    // 重大 e): five households or more, inclusive (ruling 13 in docs/rulings.md).
    let mut m = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Visit, "5户业主联名投诉电梯频繁停运")
        .complainant(person("业主代表"))
        .collective_count(5)
        .build()
        .unwrap();
    m.register("jd", "WY-2", c).unwrap();
    assert_eq!(level_of(&m), "major");
}

// ---------------------------------------------------------------------------
// S34 — 重庆市建设工程质量投诉处理办法
// ---------------------------------------------------------------------------

#[test]
fn s34_chongqing_safety_case_to_the_commission() {
    let p = policy("construction-chongqing-s34.toml");
    let roster = roster(
        &[
            ("qx", "渝北区建设行政主管部门", None),
            ("sjw", "重庆市住房和城乡建设委员会", None),
        ],
        &[
            ("q1", "区县专门机构 向科员", "qx", &["district_body"], None),
            ("qz", "区县负责人 彭局长", "qx", &["district_head"], None),
            (
                "w1",
                "市建委 质安处 段处长",
                "sjw",
                &["municipal_commission"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 4, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "在建商住楼塔吊基础积水、附着杆件松动,夜间仍在吊装作业",
    )
    .complainant(person("附近居民 冉先生"))
    .category(cat("safety"))
    .build()
    .unwrap();
    s.register("q1", "CQ-1", c).unwrap();
    assert_eq!(level_of(&s), "major", "安全 → 重大的建筑工程投诉");
    // 立案建档 within 5 working days (assumed) over 清明 (4–6 Apr off): Fri 10 Apr.
    assert_eq!(due(&s, t0, "filing"), "2026-04-11 00:00");
    s.ok("q1", beijing(2026, 4, 3, 9, 0), accept());
    s.ok(
        "q1",
        beijing(2026, 4, 3, 9, 10),
        escalate("重大的建筑工程投诉,报市建委处理"),
    );
    s.ok("w1", beijing(2026, 4, 3, 10, 0), assign("sjw", "w1"));
    s.ok(
        "w1",
        beijing(2026, 4, 3, 14, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "w1",
        beijing(2026, 4, 3, 18, 0),
        findings(
            FaultParty::ThirdParty,
            "塔吊附着装置不符合专项方案,施工单位违规夜间作业",
        ),
    );
    s.ok(
        "w1",
        beijing(2026, 4, 3, 18, 30),
        propose(
            vec![rem(RemedyKind::Explanation)],
            "责令停止塔吊作业,限期整改并复查",
        ),
    );
    s.ok("w1", beijing(2026, 4, 3, 19, 0), CommandKind::Approve);
    s.ok(
        "w1",
        beijing(2026, 4, 14, 10, 0),
        reply("已责令停工整改,复查合格后恢复作业"),
    );
    s.ok(
        "q1",
        beijing(2026, 4, 16, 10, 0),
        callback(Satisfaction::Satisfied, "居民确认"),
    );
    s.ok("q1", beijing(2026, 4, 16, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s34_chongqing", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S35 — 安徽省建设工程质量投诉处理办法
// ---------------------------------------------------------------------------

#[test]
fn s35_anhui_five_year_waterproofing_with_extension() {
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
    s.ok(
        "h1",
        beijing(2025, 6, 20, 10, 0),
        CommandKind::RequestExtension {
            reason: "等待第三方淋水检测报告".into(),
            until: Some(beijing(2025, 7, 10, 0, 0)),
        },
    );
    s.ok(
        "z1",
        beijing(2025, 6, 20, 15, 0),
        CommandKind::ApproveExtension,
    );
    s.tick(beijing(2025, 7, 10, 9, 0));
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
        beijing(2025, 8, 20, 10, 0),
        reply("外墙防渗漏已维修,室内墙面已修复"),
    );
    s.ok(
        "h1",
        beijing(2025, 8, 25, 10, 0),
        callback(Satisfaction::Satisfied, "业主确认"),
    );
    s.ok("h1", beijing(2025, 8, 25, 10, 5), CommandKind::Close);
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

// ---------------------------------------------------------------------------
// S36 — 客户投诉处理办法 (配送中心)
// ---------------------------------------------------------------------------

#[test]
fn s36_distribution_account_manager_over_spring_festival() {
    let p = policy("distribution-centre-s36.toml");
    let roster = roster(
        &[
            ("psz", "配送中心", None),
            ("kf", "客户服务部", None),
            ("yx", "营销部", None),
        ],
        &[
            ("r1", "受理专人 邱小姐", "psz", &["intake"], None),
            ("k1", "客服 石小姐", "kf", &["cs_staff"], Some("kz")),
            (
                "kz",
                "客户服务主管 庞主管",
                "kf",
                &["cs_supervisor"],
                Some("pm"),
            ),
            ("m1", "客户经理 雷经理", "yx", &["responsible"], None),
            ("pm", "配送中心负责人", "psz", &["centre_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 1, 27, 17, 0);
    let c = Complaint::builder(
        t0,
        Channel::Email,
        "春节前订货未按约定时间送达,客户经理电话不接",
    )
    .complainant(Complainant::organization("城东零售店").unwrap())
    .category(cat("account_manager"))
    .build()
    .unwrap();
    s.register("r1", "PS-1", c).unwrap();
    assert_eq!(due(&s, t0, "acceptance"), "2025-01-28 17:00");
    s.ok("r1", beijing(2025, 1, 28, 9, 0), accept());
    // 3 working days from Tue 28 Jan, over the Spring Festival (28 Jan–4 Feb):
    // Wed 5, Thu 6, Fri 7 Feb.
    assert_eq!(
        due(&s, beijing(2025, 1, 28, 9, 0), "resolution"),
        "2025-02-08 00:00"
    );
    s.ok("kz", beijing(2025, 1, 28, 9, 30), assign("yx", "m1"));
    // 客户经理 complaints: the deadline is judged by the matter and told to the customer.
    s.ok(
        "k1",
        beijing(2025, 1, 28, 10, 0),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 2, 6, 18, 0),
        },
    );
    s.ok(
        "m1",
        beijing(2025, 2, 5, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "m1",
        beijing(2025, 2, 5, 15, 0),
        findings(FaultParty::Us, "客户经理漏报订单"),
    );
    s.ok(
        "m1",
        beijing(2025, 2, 5, 15, 30),
        propose(
            vec![
                rem(RemedyKind::Apology),
                rem_amt(RemedyKind::Compensation, "200"),
            ],
            "补送货物并补偿200元",
        ),
    );
    s.ok("kz", beijing(2025, 2, 5, 16, 0), CommandKind::Approve);
    s.ok(
        "k1",
        beijing(2025, 2, 6, 15, 0),
        reply("货物已补送,补偿200元已抵扣货款"),
    );
    s.ok(
        "k1",
        beijing(2025, 2, 7, 10, 0),
        callback(Satisfaction::Satisfied, "客户满意"),
    );
    s.ok("k1", beijing(2025, 2, 7, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s36_distribution", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S37 — 承诺制服务和投诉处理、首问负责制 (红沙岗)
// ---------------------------------------------------------------------------

#[test]
fn s37_investment_bureau_complex_case_with_extension() {
    let p = policy("industrial-park-s37.toml");
    let roster = roster(
        &[
            ("zsj", "招商局", None),
            ("ywk", "项目服务科", Some("zsj")),
            ("sz", "市投资环境保障领导小组", None),
        ],
        &[
            ("sw", "首问 康科员", "zsj", &["first_receiver"], None),
            ("jb", "经办 阎科长", "ywk", &["handling_section"], None),
            ("jl", "局领导 左局长", "zsj", &["bureau_leader"], None),
            (
                "xz",
                "领导小组办公室",
                "sz",
                &["investment_env_group"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 4, 30, 15, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "入园企业反映:厂区供电增容手续涉及供电、国土、环保三个部门,两个月未办结",
    )
    .complainant(Complainant::organization("某新材料有限公司").unwrap())
    .category(cat("other_bodies"))
    .first_responder(sid("sw"))
    .fact(fact("multiple_departments"), yes())
    .build()
    .unwrap();
    s.register("sw", "HSG-1", c).unwrap();
    assert_eq!(level_of(&s), "complex");
    // 首问: 1 working day (assumed) over May Day (1–5 May): Tue 6 May.
    assert_eq!(due(&s, t0, "first_ask"), "2025-05-07 00:00");
    s.ok("sw", beijing(2025, 5, 6, 9, 0), accept());
    // 15 working days (assumed) from Tue 6 May: Tue 27 May.
    assert_eq!(
        due(&s, beijing(2025, 5, 6, 9, 0), "completion"),
        "2025-05-28 00:00"
    );
    s.ok("sw", beijing(2025, 5, 6, 9, 10), assign("ywk", "jb"));
    s.ok(
        "jb",
        beijing(2025, 5, 6, 10, 0),
        escalate("涉及多个职能部门,报经领导批准协调"),
    );
    s.ok(
        "jb",
        beijing(2025, 5, 8, 10, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "jb",
        beijing(2025, 5, 12, 10, 0),
        CommandKind::RequestExtension {
            reason: "供电公司需现场勘察,特殊原因延期,已转告投资商".into(),
            until: None,
        },
    );
    s.ok(
        "jl",
        beijing(2025, 5, 12, 11, 0),
        CommandKind::ApproveExtension,
    );
    s.ok("jl", beijing(2025, 5, 26, 9, 0), CommandKind::EndExtension);
    // 其他部门妨碍: 经局领导批准,报请市投资环境保障领导小组处理.
    s.ok(
        "jl",
        beijing(2025, 5, 26, 9, 30),
        escalate("国土部门迟迟不出具用地意见"),
    );
    s.ok(
        "jb",
        beijing(2025, 5, 30, 16, 0),
        findings(FaultParty::ThirdParty, "经领导小组协调,三部门并联审批"),
    );
    s.ok(
        "jb",
        beijing(2025, 5, 30, 16, 30),
        propose(vec![rem(RemedyKind::Explanation)], "6月10日前完成增容手续"),
    );
    s.ok("jl", beijing(2025, 6, 3, 9, 0), CommandKind::Approve);
    s.ok(
        "jb",
        beijing(2025, 6, 10, 17, 0),
        reply("供电增容手续已办结"),
    );
    s.ok(
        "jb",
        beijing(2025, 6, 12, 10, 0),
        callback(Satisfaction::Satisfied, "企业满意"),
    );
    s.ok("jb", beijing(2025, 6, 12, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s37_industrial_park", timeline(&s.events));

    // 不予受理 1、匿名投诉.
    let mut a = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Letter, "匿名信反映某科室办事拖拉")
        .build()
        .unwrap();
    a.register("sw", "HSG-2", c).unwrap();
    assert!(a.run("sw", minutes(t0, 5), accept()).is_err());
}

// ---------------------------------------------------------------------------
// S38 — 医院投诉管理
// ---------------------------------------------------------------------------

#[test]
fn s38_hospital_billing_complaint_over_spring_festival() {
    let p = policy("hospital-s38.toml");
    let roster = roster(
        &[
            ("yy", "医院", None),
            ("nk", "心内科病区", Some("yy")),
            ("cw", "财务科", Some("yy")),
            ("zh", "综合办", Some("yy")),
        ],
        &[
            ("hs", "护士站 护士 小祁", "nk", &["first_receiver"], None),
            ("cw1", "财务科 单会计", "cw", &["finance"], None),
            ("zh1", "综合办 主任", "zh", &["general_office"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2026, 2, 13, 21, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "住院费用清单中同一项心脏彩超收费两次,多收860元",
    )
    .complainant(person("患者家属 柏女士"))
    .category(cat("billing"))
    .first_responder(sid("hs"))
    .build()
    .unwrap();
    s.register("hs", "YY-1", c).unwrap();
    assert_eq!(due(&s, t0, "routing"), "2026-02-14 21:00");
    s.ok("hs", minutes(t0, 5), accept());
    // 5 working days (assumed) from Fri 13 Feb 2026: Sat 14 (make-up day),
    // then after the festival 24, 25, 26, 27 Feb.
    assert_eq!(due(&s, minutes(t0, 5), "feedback"), "2026-02-28 00:00");
    // 收费投诉上交财务科.
    s.ok("hs", beijing(2026, 2, 14, 8, 30), assign("cw", "cw1"));
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 11, 0),
        findings(FaultParty::Us, "医嘱重复录入导致重复计费"),
    );
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 11, 30),
        propose(
            vec![rem_amt(RemedyKind::Refund, "860"), rem(RemedyKind::Apology)],
            "冲销重复收费860元",
        ),
    );
    s.ok("cw1", beijing(2026, 2, 14, 11, 40), CommandKind::Approve);
    s.ok(
        "cw1",
        beijing(2026, 2, 14, 14, 0),
        reply("已冲销重复收费860元,出院结算时退还"),
    );
    s.ok(
        "zh1",
        beijing(2026, 2, 25, 10, 0),
        callback(Satisfaction::Satisfied, "家属满意"),
    );
    s.ok("zh1", beijing(2026, 2, 25, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s38_hospital", timeline(&s.events));

    // (1) 已向人民法院起诉: explained, not handled.
    let mut r = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Letter, "手术并发症索赔")
        .complainant(person("韩先生"))
        .category(cat("medical"))
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    r.register("hs", "YY-2", c).unwrap();
    assert!(r.run("hs", minutes(t0, 1), accept()).is_err());
}

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
    // 行政人事部 cannot approve: 总经理批阅.
    assert!(
        s.run("x1", beijing(2025, 9, 30, 11, 0), CommandKind::Approve)
            .is_err()
    );
    s.ok("g1", beijing(2025, 9, 30, 16, 0), CommandKind::Approve);
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

// ---------------------------------------------------------------------------
// S40 — 客诉处理办法 (国内十五天国外二十天)
// ---------------------------------------------------------------------------

#[test]
fn s40_factory_foreign_claim_authority_and_reopen() {
    let p = policy("factory-claims-s40.toml");
    let roster = paid_roster(
        &[
            ("yw", "业务部", None),
            ("zjs", "总经理室", None),
            ("pg", "质量管理部", None),
            ("zz", "制造部", None),
        ],
        &[
            (
                "y1",
                "业务员 高先生",
                "yw",
                &["sales_dept"],
                Some("yj"),
                10,
                "3000",
            ),
            (
                "yj",
                "业务部经理 邵经理",
                "yw",
                &["sales_manager"],
                None,
                14,
                "5000",
            ),
            (
                "sc",
                "生产管理组 景专员",
                "zjs",
                &["production_mgmt"],
                None,
                10,
                "3000",
            ),
            (
                "q1",
                "质量管理部 柯工",
                "pg",
                &["quality_dept"],
                None,
                12,
                "4000",
            ),
            (
                "z1",
                "制造部 机班长 郝师傅",
                "zz",
                &["manufacturing"],
                None,
                8,
                "2000",
            ),
            (
                "z2",
                "制造部 操作员 甘师傅",
                "zz",
                &["manufacturing"],
                None,
                6,
                "1500",
            ),
            (
                "fz",
                "副总经理 顾总",
                "zjs",
                &["deputy_gm"],
                None,
                20,
                "8000",
            ),
            (
                "zj",
                "总经理 黎总",
                "zjs",
                &["general_manager"],
                None,
                30,
                "12000",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 18, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Email,
        "越南客户反映:订单PO-2511-087 冲压件料号 ST-4410 批量尺寸超差,影响装配",
    )
    .complainant(Complainant::organization("越南某电子厂").unwrap())
    .category(cat("quality_abnormality"))
    .fact(fact("foreign_customer"), yes())
    .product(ProductData {
        order_no: Some("PO-2511-087".into()),
        part_no: Some("ST-4410".into()),
        delivery_date: Some(date(2025, 12, 5)),
        quantity: Some(50_000),
        defective_quantity: Some(3_200),
        ..ProductData::default()
    })
    .request(rem_amt(RemedyKind::Compensation, "38000"))
    .build()
    .unwrap();
    s.register("y1", "KS-2512-01", c).unwrap();
    // 自总经理室受理起国外二十天: accepted Fri 19 Dec → 8 Jan 2026.
    s.ok("sc", beijing(2025, 12, 19, 9, 0), accept());
    assert_eq!(
        due(&s, beijing(2025, 12, 19, 9, 0), "closure"),
        "2026-01-09 00:00"
    );
    s.ok("sc", beijing(2025, 12, 19, 9, 30), assign("pg", "q1"));
    s.ok(
        "q1",
        beijing(2025, 12, 22, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "sc",
        beijing(2025, 12, 29, 17, 0),
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: vec![
                Responsibility {
                    party: ResponsibleParty::Department(did("zz")),
                    share: Decimal::from(70),
                },
                Responsibility {
                    party: ResponsibleParty::Staff(sid("y1")),
                    share: Decimal::from(30),
                },
            ],
            note: Some(
                "质量异常:模具磨损未及时更换(制造部70%);业务员未将客户特殊公差要求反映给工厂(30%)"
                    .into(),
            ),
        },
    );
    // 调查处理后三天内提出报告: 1 Jan is a holiday → Sun 4 Jan 2026 (a make-up working day).
    assert_eq!(
        due(&s, beijing(2025, 12, 29, 17, 0), "investigation_report"),
        "2026-01-05 00:00"
    );
    s.ok(
        "q1",
        beijing(2025, 12, 31, 10, 0),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "38000")],
            "同意赔偿客户挑选及返工费用38,000元",
        ),
    );
    // 核决权限: 38,000 元 is beyond the 业务部经理 (5,000, assumed); the 副总经理 decides.
    let err = s
        .run("yj", beijing(2025, 12, 31, 15, 0), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&err, Rejection::OutOfAuthority { required_role, .. } if required_role.as_str() == "deputy_gm"),
        "{err}"
    );
    s.ok("fz", beijing(2026, 1, 4, 10, 0), CommandKind::Approve);
    s.ok(
        "y1",
        beijing(2026, 1, 5, 10, 0),
        reply("我司同意赔偿38,000元,补发合格品3,200件"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 6, 10, 0),
        callback(Satisfaction::Unsatisfied, "客户要求另赔停线损失"),
    );
    // 若客户未能接受时业务部门应再填一份新的“客户抱怨处理表”附原抱怨表一并呈报处理.
    s.ok(
        "sc",
        beijing(2026, 1, 6, 11, 0),
        CommandKind::Reopen {
            reason: "客户未能接受,重填客户抱怨处理表附原表呈报".into(),
        },
    );
    s.ok(
        "q1",
        beijing(2026, 1, 7, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "q1",
        beijing(2026, 1, 8, 15, 0),
        findings(FaultParty::Us, "停线损失经客户提供凭证核实"),
    );
    s.ok(
        "q1",
        beijing(2026, 1, 8, 16, 0),
        propose(
            vec![rem_amt(RemedyKind::Compensation, "52000")],
            "赔偿合计52,000元(含停线损失14,000元)",
        ),
    );
    s.ok("zj", beijing(2026, 1, 9, 10, 0), CommandKind::Approve);
    s.ok(
        "y1",
        beijing(2026, 1, 9, 15, 0),
        reply("经总经理核决,赔偿合计52,000元"),
    );
    s.ok(
        "y1",
        beijing(2026, 1, 12, 10, 0),
        callback(Satisfaction::Satisfied, "客户接受"),
    );
    s.ok("sc", beijing(2026, 1, 12, 10, 30), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s40_factory_claim", timeline(&s.events));

    // January's statements (每月十日前 judged): the amount to deduct, by the
    // judged ratio, 制造部's 70 % split by base points. The 「客诉罚扣判定基准」
    // is lost: assumed, the 总经理室 charges 10 % of the 52,000 元 claim (5,200 元).
    let facts = PenaltyFacts {
        losses: vec![Loss {
            case: case_id("KS-2512-01"),
            amount: Decimal::from(5_200),
            responsible: Responsible::Parties(vec![
                Responsibility {
                    party: ResponsibleParty::Department(did("zz")),
                    share: Decimal::from(70),
                },
                Responsibility {
                    party: ResponsibleParty::Staff(sid("y1")),
                    share: Decimal::from(30),
                },
            ]),
        }],
        ..PenaltyFacts::new("2026-01".parse().unwrap())
    };
    insta::assert_snapshot!("s40_factory_statements", statements(&s, &facts));
}

// ---------------------------------------------------------------------------
// S41 — 东莞市万豪五金货架有限公司 客户投诉/咨询管理办法
// ---------------------------------------------------------------------------

#[test]
fn s41_wanhao_major_shelf_complaint_base_points_and_cap() {
    let p = policy("hardware-shelf-wanhao-s41.toml");
    let roster = paid_roster(
        &[
            ("qt", "前台", None),
            ("yw", "业务科", None),
            ("pz", "品质科", None),
            ("sc", "生产部", None),
            ("zh", "综合部", None),
            ("zjb", "总经办", None),
        ],
        &[
            ("f1", "前台 小冼", "qt", &["front_desk"], None, 5, "800"),
            (
                "b1",
                "业务科 詹业务",
                "yw",
                &["business_section"],
                None,
                8,
                "1500",
            ),
            (
                "p0",
                "品质科 植工",
                "pz",
                &["quality_section"],
                None,
                8,
                "1500",
            ),
            (
                "p1",
                "生产部 组长 黎",
                "sc",
                &["production"],
                None,
                3,
                "2000",
            ),
            (
                "p2",
                "生产部 焊工 区",
                "sc",
                &["production"],
                None,
                2,
                "1000",
            ),
            ("p3", "生产部 学徒 麦", "sc", &["production"], None, 5, "0"),
            (
                "zh1",
                "综合部 蔡主任",
                "zh",
                &["general_affairs"],
                None,
                8,
                "1500",
            ),
            ("fz", "副总 温总", "zjb", &["deputy_gm"], None, 15, "5000"),
            (
                "zj",
                "总经理 叶总",
                "zjb",
                &["general_manager"],
                None,
                20,
                "8000",
            ),
            ("gb", "总经办 秘书", "zjb", &["gm_office"], None, 5, "1000"),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 11, 3, 9, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "仓库重型货架安装后立柱倾斜,横梁挂钩开焊,要求赔偿货损25,000元",
    )
    .complainant(Complainant::organization("东莞某物流仓").unwrap())
    .category(cat("construction"))
    .request(rem_amt(RemedyKind::Compensation, "25000"))
    .build()
    .unwrap();
    s.register("f1", "WH-1", c).unwrap();
    assert_eq!(
        level_of(&s),
        "major",
        "重大投诉 (assumed: a claim of 20,000 元 or more)"
    );
    s.ok("f1", minutes(t0, 10), accept());
    s.ok("b1", minutes(t0, 60), assign("pz", "p0"));
    // 三天内提出报告: 6 Nov ends the period.
    assert_eq!(due(&s, minutes(t0, 60), "report"), "2025-11-07 00:00");
    s.ok(
        "zh1",
        beijing(2025, 11, 3, 14, 0),
        escalate("重大投诉,组织内部评审"),
    );
    s.ok(
        "p0",
        beijing(2025, 11, 4, 9, 0),
        CommandKind::StartInvestigation,
    );
    let late = s.tick(beijing(2025, 11, 7, 9, 0));
    assert!(breached(&late, "report"), "report not in three days");
    s.ok(
        "p0",
        beijing(2025, 11, 7, 10, 0),
        findings(FaultParty::Us, "横梁挂钩焊接不良(生产部),立柱未按图调平"),
    );
    s.ok(
        "p0",
        beijing(2025, 11, 7, 11, 0),
        propose(
            vec![
                rem_amt(RemedyKind::Compensation, "25000"),
                rem(RemedyKind::Repair),
            ],
            "赔偿货损25,000元并重新安装",
        ),
    );
    let err = s
        .run("fz", beijing(2025, 11, 7, 14, 0), CommandKind::Approve)
        .unwrap_err();
    assert!(
        matches!(&err, Rejection::OutOfAuthority { required_role, .. } if required_role.as_str() == "general_manager"),
        "{err}"
    );
    s.ok("zj", beijing(2025, 11, 7, 16, 0), CommandKind::Approve);
    s.ok(
        "b1",
        beijing(2025, 11, 10, 10, 0),
        reply("已重新安装并加固,赔偿25,000元"),
    );
    s.ok(
        "b1",
        beijing(2025, 11, 12, 10, 0),
        callback(Satisfaction::Unsatisfied, "客户不接受,要求更换全部横梁"),
    );
    // 「再进行第二次处理」.
    s.ok(
        "gb",
        beijing(2025, 11, 12, 11, 0),
        CommandKind::Reopen {
            reason: "客户未能接受,重填《客户投诉处理表》附原表第二次处理".into(),
        },
    );
    s.ok(
        "p0",
        beijing(2025, 11, 13, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "p0",
        beijing(2025, 11, 13, 16, 0),
        findings(FaultParty::Us, "同批横梁焊点抽检不合格率12%"),
    );
    s.ok(
        "p0",
        beijing(2025, 11, 14, 10, 0),
        propose(vec![rem(RemedyKind::Replacement)], "更换同批全部横梁"),
    );
    s.ok("fz", beijing(2025, 11, 14, 15, 0), CommandKind::Approve);
    s.ok(
        "b1",
        beijing(2025, 11, 20, 10, 0),
        reply("同批横梁已全部更换"),
    );
    s.ok(
        "b1",
        beijing(2025, 11, 24, 10, 0),
        callback(Satisfaction::Satisfied, "客户验收合格"),
    );
    s.ok("b1", beijing(2025, 11, 24, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s41_wanhao", timeline(&s.events));

    // November: the 5,000 元 loss attributed to 生产部 is split by base points
    // (3/2/5), capped at 50 % of each bonus and carried forward; the 焊工 has
    // two 大过 (the whole bonus, outside the cap); the 前台 a 警告 (assumed 50 元).
    let facts = PenaltyFacts {
        losses: vec![Loss {
            case: case_id("WH-1"),
            amount: Decimal::from(5000),
            responsible: Responsible::Department(did("sc")),
        }],
        sanctions: vec![
            Sanction {
                staff: sid("p2"),
                kind: SanctionKind::MajorDemerit,
                case: Some(case_id("WH-1")),
                reason: Some("5.6.4.4 不合格产品混入正常品缴库".into()),
            },
            Sanction {
                staff: sid("p2"),
                kind: SanctionKind::MajorDemerit,
                case: Some(case_id("WH-3")),
                reason: Some("5.6.4.13 外观标示不符规格".into()),
            },
            Sanction {
                staff: sid("f1"),
                kind: SanctionKind::Warning,
                case: Some(case_id("WH-2")),
                reason: Some("5.6.4.8 订单误记".into()),
            },
        ],
        ..PenaltyFacts::new("2025-11".parse().unwrap())
    };
    insta::assert_snapshot!("s41_wanhao_statements", statements(&s, &facts));
}

// ---------------------------------------------------------------------------
// S42 — 五清楚 + 一般性投诉 / 重大投诉
// ---------------------------------------------------------------------------

#[test]
fn s42_office_tower_lift_entrapment_reported_at_once() {
    let p = policy("property-office-s42.toml");
    let roster = roster(
        &[
            ("wy", "物业管理中心", None),
            ("kf", "客户服务中心", Some("wy")),
            ("gc", "工程部", Some("wy")),
        ],
        &[
            ("j1", "接待 小容", "kf", &["receptionist"], Some("gm")),
            (
                "e1",
                "工程部 电梯工 骆师傅",
                "gc",
                &["functional_dept"],
                Some("gm"),
            ),
            (
                "gm",
                "工程部经理 聂经理",
                "gc",
                &["dept_manager"],
                Some("ld"),
            ),
            ("ld", "物业管理中心 卓总", "wy", &["centre_leader"], None),
        ],
    );
    let mut s = Scenario::new(p.clone(), roster.clone());
    let t0 = beijing(2025, 7, 15, 14, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "18楼客户:3号电梯困人,两名员工被困约10分钟",
    )
    .complainant(Complainant::organization("1803 某律师事务所").unwrap())
    .category(cat("public_facilities"))
    .first_responder(sid("j1"))
    .fact(fact("event"), FactValue::Text("电梯困人".into()))
    .build()
    .unwrap();
    s.register("j1", "DS-1", c).unwrap();
    assert_eq!(level_of(&s), "major");
    assert_eq!(due(&s, t0, "major_report"), "2025-07-15 14:15");
    s.ok("j1", minutes(t0, 2), accept());
    // 「(6)报告:重大投诉,必须马上报告部门经理和物业管理中心领导」.
    s.ok("j1", minutes(t0, 5), escalate("电梯困人,马上报告"));
    s.ok("gm", minutes(t0, 6), assign("gc", "e1"));
    s.ok("e1", minutes(t0, 10), CommandKind::StartInvestigation);
    s.ok(
        "e1",
        minutes(t0, 40),
        findings(FaultParty::Us, "门锁回路接触不良,已救出被困人员"),
    );
    s.ok(
        "e1",
        minutes(t0, 50),
        propose(
            vec![rem(RemedyKind::Apology), rem(RemedyKind::Repair)],
            "更换门锁触点,全面检查同批电梯",
        ),
    );
    s.ok("gm", minutes(t0, 60), CommandKind::Approve);
    s.ok(
        "j1",
        minutes(t0, 80),
        reply("被困人员已安全救出,故障原因及整改措施已书面告知"),
    );
    s.ok(
        "j1",
        beijing(2025, 7, 16, 10, 0),
        callback(
            Satisfaction::Satisfied,
            "记清楚: 客户在客户意见处理表上确认",
        ),
    );
    s.ok("j1", beijing(2025, 7, 16, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s42_office_tower", timeline(&s.events));

    // 客户集体投诉(三家以上): three firms are major (以上 includes 3).
    let mut m = Scenario::new(p, roster);
    let c = Complaint::builder(t0, Channel::Letter, "12楼三家公司联名投诉空调不制冷")
        .complainant(person("联名代表"))
        .collective_count(3)
        .build()
        .unwrap();
    m.register("j1", "DS-2", c).unwrap();
    assert_eq!(level_of(&m), "major");
}

// ---------------------------------------------------------------------------
// S43 — 客户投诉管理制度 (保健品: 服务质量 / 产品质量 / 药品不良反应)
// ---------------------------------------------------------------------------

#[test]
fn s43_adverse_reaction_reply_and_count_ladder() {
    let p = policy("health-products-s43.toml");
    let roster = paid_roster(
        &[("xs", "销售部", None), ("js", "技术部", None)],
        &[
            (
                "hq",
                "销售部后勤 小翟",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1000",
            ),
            (
                "jt",
                "技术部 药师 季工",
                "js",
                &["technical_dept"],
                None,
                8,
                "1500",
            ),
            (
                "xm",
                "销售部经理 蓝经理",
                "xs",
                &["sales_manager"],
                None,
                10,
                "3000",
            ),
            (
                "s1",
                "销售代表 阮",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
            (
                "s2",
                "销售代表 匡",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
            (
                "s3",
                "销售代表 宁",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
            (
                "s4",
                "销售代表 米",
                "xs",
                &["sales_logistics"],
                Some("xm"),
                5,
                "1200",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 31, 16, 0);
    let c = Complaint::builder(t0, Channel::Phone, "服用某复合维生素片三天后出现头晕、恶心")
        .complainant(person("顾客 尚阿姨"))
        .category(cat("adverse_reaction"))
        .build()
        .unwrap();
    s.register("hq", "BJ-1", c).unwrap();
    s.ok("hq", minutes(t0, 5), accept());
    s.ok("hq", minutes(t0, 30), assign("js", "jt"));
    // 1 working day after Wed 31 Dec: 1–3 Jan are off, Sun 4 Jan 2026 is a make-up working day.
    assert_eq!(
        due(&s, minutes(t0, 30), "technical_reply"),
        "2026-01-05 00:00"
    );
    s.ok(
        "jt",
        beijing(2026, 1, 4, 9, 0),
        CommandKind::StartInvestigation,
    );
    s.ok(
        "jt",
        beijing(2026, 1, 4, 9, 30),
        findings(FaultParty::Nobody, "空腹服用所致,属正常范围内的不适反应"),
    );
    s.ok(
        "jt",
        beijing(2026, 1, 4, 9, 40),
        propose(
            vec![rem(RemedyKind::Explanation)],
            "告知饭后服用,如何预防头晕现象",
        ),
    );
    s.ok("xm", beijing(2026, 1, 4, 9, 50), CommandKind::Approve);
    s.ok(
        "jt",
        beijing(2026, 1, 4, 10, 0),
        reply("建议饭后服用并多饮水,症状持续请就医"),
    );
    s.ok(
        "hq",
        beijing(2026, 1, 6, 10, 0),
        callback(Satisfaction::Satisfied, "顾客症状消失"),
    );
    s.ok("hq", beijing(2026, 1, 6, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s43_adverse_reaction", timeline(&s.events));

    // December's ladder: s1 3 complaints → 200; s2 4 → 300; s3 5 with 情节严重
    // → 辞退 (and 300); s4 2 → nothing (ruling 8 in docs/rulings.md: exclusive tiers).
    let mut complaints = complaints_against("s1", 3, "D1");
    complaints.extend(complaints_against("s2", 4, "D2"));
    complaints.extend(complaints_against("s3", 5, "D3"));
    complaints.extend(complaints_against("s4", 2, "D4"));
    let facts = PenaltyFacts {
        complaints,
        serious: BTreeSet::from([sid("s3")]),
        ..PenaltyFacts::new("2025-12".parse().unwrap())
    };
    insta::assert_snapshot!("s43_count_ladder", statements(&s, &facts));
}

// ---------------------------------------------------------------------------
// S44 — 客户投诉处理制度 (汽车4S店)
// ---------------------------------------------------------------------------

#[test]
fn s44_auto_dealer_late_solution_over_dragon_boat() {
    let p = policy("auto-dealer-s44.toml");
    let roster = paid_roster(
        &[
            ("kg", "客户关系部", None),
            ("fw", "售后服务部", None),
            ("zjb", "总经理室", None),
        ],
        &[
            (
                "gw",
                "客户关系顾问 小苗",
                "kg",
                &["cr_advisor"],
                Some("kj"),
                6,
                "1500",
            ),
            (
                "kj",
                "客户关系经理 韩经理",
                "kg",
                &["cr_manager"],
                None,
                10,
                "3000",
            ),
            (
                "fj",
                "服务经理 戴经理",
                "fw",
                &["dept_manager"],
                None,
                12,
                "4000",
            ),
            (
                "js",
                "机修技师 车师傅",
                "fw",
                &["dept_manager"],
                Some("fj"),
                8,
                "2500",
            ),
            (
                "zj",
                "总经理 季总",
                "zjb",
                &["general_manager"],
                None,
                20,
                "10000",
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 6, 18, 17, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "车牌粤B·7K2X9,昨日做完首保后发动机冷启动异响,怀疑机油加错",
    )
    .complainant(person("车主 骆先生"))
    .category(cat("repair_quality"))
    .build()
    .unwrap();
    s.register("gw", "4S-1", c).unwrap();
    s.ok("kj", minutes(t0, 10), accept());
    s.ok("kj", minutes(t0, 30), assign("fw", "fj"));
    // 一个工作日: 19–21 Jun are the Dragon Boat holiday → Mon 22 Jun.
    assert_eq!(due(&s, minutes(t0, 30), "solution"), "2026-06-23 00:00");
    s.ok(
        "fj",
        beijing(2026, 6, 22, 9, 0),
        CommandKind::StartInvestigation,
    );
    let late = s.tick(beijing(2026, 6, 23, 9, 0));
    assert!(
        breached(&late, "solution"),
        "no solution within one working day"
    );
    s.ok(
        "fj",
        beijing(2026, 6, 23, 10, 0),
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: vec![
                Responsibility {
                    party: ResponsibleParty::Staff(sid("js")),
                    share: Decimal::from(70),
                },
                Responsibility {
                    party: ResponsibleParty::Staff(sid("fj")),
                    share: Decimal::from(30),
                },
            ],
            note: Some("技师误加0W-40机油,服务经理未复核工单".into()),
        },
    );
    s.ok(
        "fj",
        beijing(2026, 6, 23, 11, 0),
        propose(
            vec![
                rem(RemedyKind::Repair),
                rem_amt(RemedyKind::Compensation, "800"),
                rem(RemedyKind::Apology),
            ],
            "免费更换机油机滤并赠送一次保养(折800元)",
        ),
    );
    // 「投诉解决办法经总经理同意后」: only the general manager approves.
    s.ok("zj", beijing(2026, 6, 23, 14, 0), CommandKind::Approve);
    s.ok(
        "kj",
        beijing(2026, 6, 23, 15, 0),
        reply("已免费更换机油机滤,赠送一次保养"),
    );
    s.ok(
        "gw",
        beijing(2026, 6, 25, 10, 0),
        callback(Satisfaction::Satisfied, "车主满意"),
    );
    s.ok("gw", beijing(2026, 6, 25, 10, 5), CommandKind::Close);
    s.assert_replays();
    insta::assert_snapshot!("s44_auto_dealer", timeline(&s.events));

    // June: the delay fine (罚则 2, assumed 100 元) to the 受理责任人, and the
    // 800 元 loss shared by the technician and the service manager (罚则 1).
    let facts = PenaltyFacts {
        breaches: s.breaches(),
        losses: vec![Loss {
            case: case_id("4S-1"),
            amount: Decimal::from(800),
            responsible: Responsible::Parties(vec![
                Responsibility {
                    party: ResponsibleParty::Staff(sid("js")),
                    share: Decimal::from(70),
                },
                Responsibility {
                    party: ResponsibleParty::Staff(sid("fj")),
                    share: Decimal::from(30),
                },
            ]),
        }],
        ..PenaltyFacts::new("2026-06".parse().unwrap())
    };
    insta::assert_snapshot!("s44_auto_dealer_statements", statements(&s, &facts));
}
