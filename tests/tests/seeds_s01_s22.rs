//! The seed regulations S01–S22 as policy files (`policies/*-s01.toml` …
//! `*-s22.toml`), each loaded and checked, then run end to end through one
//! realistic case from registration to closure; the timelines (and, where the
//! regulation has penalties, the month's statements) are snapshots.

mod support;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use support::*;
use tousu_model::*;
use tousu_policy::{Acceptance, EvalInput};
use tousu_workflow::*;

// ---------------------------------------------------------------------------
// Helpers of this file (the shared harness is read-only).
// ---------------------------------------------------------------------------

fn cat(s: &str) -> CategoryId {
    CategoryId::new(s).unwrap()
}

fn fact(s: &str) -> FactName {
    FactName::new(s).unwrap()
}

fn person(name: &str, phone: &str) -> Complainant {
    Complainant::person(name).unwrap().with_phone(phone)
}

fn remedy(kind: RemedyKind, amount: Option<&str>, note: &str) -> Remedy {
    let mut r = match amount {
        Some(a) => Remedy::with_amount(kind, money(a)).unwrap(),
        None => Remedy::new(kind),
    };
    r.note = Some(note.to_owned());
    r
}

fn level_of(s: &Scenario) -> &str {
    s.case().level.as_ref().map_or("", LevelId::as_str)
}

fn accept(s: &mut Scenario, who: &str, at: DateTime<Utc>) {
    s.ok(
        who,
        at,
        CommandKind::Accept {
            override_reason: None,
        },
    );
}

fn assign(s: &mut Scenario, who: &str, at: DateTime<Utc>, dept: &str, handler: &str, co: &[&str]) {
    s.ok(
        who,
        at,
        CommandKind::Assign {
            assignment: Assignment {
                lead: did(dept),
                handler: Some(sid(handler)),
                co_handling: co.iter().map(|d| did(d)).collect(),
            },
        },
    );
}

fn investigate(s: &mut Scenario, who: &str, at: DateTime<Utc>) {
    s.ok(who, at, CommandKind::StartInvestigation);
}

fn findings(
    s: &mut Scenario,
    who: &str,
    at: DateTime<Utc>,
    fault: FaultParty,
    responsible: &[(&str, &str)],
    note: &str,
) {
    s.ok(
        who,
        at,
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(fault),
            responsible: responsible
                .iter()
                .map(|(staff, share)| Responsibility {
                    party: ResponsibleParty::Staff(sid(staff)),
                    share: share.parse::<Decimal>().unwrap(),
                })
                .collect(),
            note: Some(note.to_owned()),
        },
    );
}

fn propose(s: &mut Scenario, who: &str, at: DateTime<Utc>, remedies: Vec<Remedy>, note: &str) {
    s.ok(
        who,
        at,
        CommandKind::ProposeSolution {
            remedies,
            note: Some(note.to_owned()),
        },
    );
}

fn approve(s: &mut Scenario, who: &str, at: DateTime<Utc>) {
    s.ok(who, at, CommandKind::Approve);
}

fn reply(s: &mut Scenario, who: &str, at: DateTime<Utc>, text: &str) {
    s.ok(
        who,
        at,
        CommandKind::Reply {
            text: text.to_owned(),
        },
    );
}

fn callback(s: &mut Scenario, who: &str, at: DateTime<Utc>, sat: Satisfaction, note: &str) {
    s.ok(
        who,
        at,
        CommandKind::RecordCallback {
            satisfaction: sat,
            note: Some(note.to_owned()),
        },
    );
}

fn close(s: &mut Scenario, who: &str, at: DateTime<Utc>) {
    s.ok(who, at, CommandKind::Close);
}

fn escalate(s: &mut Scenario, who: &str, at: DateTime<Utc>, reason: &str) {
    s.ok(
        who,
        at,
        CommandKind::Escalate {
            reason: reason.to_owned(),
        },
    );
}

fn reopen(s: &mut Scenario, who: &str, at: DateTime<Utc>, reason: &str) {
    s.ok(
        who,
        at,
        CommandKind::Reopen {
            reason: reason.to_owned(),
        },
    );
}

fn note(s: &mut Scenario, who: &str, at: DateTime<Utc>, text: &str) {
    s.ok(
        who,
        at,
        CommandKind::AddNote {
            text: text.to_owned(),
            attachments: vec![],
        },
    );
}

fn closure_kind(s: &Scenario) -> String {
    s.case()
        .closure
        .as_ref()
        .map_or_else(String::new, |c| format!("{:?}", c.kind))
}

/// The milestones breached so far, as `milestone@round`.
fn breached(s: &Scenario) -> Vec<String> {
    s.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone, round, ..
            } => Some(format!("{milestone}@{round}")),
            _ => None,
        })
        .collect()
}

/// The open deadlines at `now`, as `milestone → Beijing time`.
fn due(s: &Scenario, now: DateTime<Utc>) -> Vec<String> {
    let bj = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    s.deadlines(now)
        .iter()
        .map(|d| {
            format!(
                "{} → {}",
                d.milestone,
                d.deadline
                    .as_ref()
                    .unwrap()
                    .at
                    .with_timezone(&bj)
                    .format("%Y-%m-%d %H:%M")
            )
        })
        .collect()
}

/// A roster whose staff have base points and a monthly bonus, for statements.
fn paid_roster(depts: &[DeptRow<'_>], staff: &[(StaffRow<'_>, &str)]) -> Roster {
    let tree = DepartmentTree::new(
        depts
            .iter()
            .map(|(id, name, parent)| Department::new(did(id), *name, parent.map(did)))
            .collect(),
    )
    .unwrap();
    let people = staff
        .iter()
        .map(|((id, name, dept, roles, sup), bonus)| {
            let mut s = Staff::new(sid(id), *name, did(dept)).with_pay(Decimal::ONE, money(bonus));
            for r in *roles {
                s = s.with_role(RoleId::new(*r).unwrap());
            }
            if let Some(sup) = sup {
                s = s.with_supervisor(sid(sup));
            }
            s
        })
        .collect();
    Roster::new(tree, people).unwrap()
}

/// The month's statements for the scenario's breaches plus `extra` facts.
fn statements(
    s: &Scenario,
    period: &str,
    extra: impl FnOnce(&mut tousu_penalty::PenaltyFacts),
) -> tousu_penalty::PeriodResult {
    let schedule =
        s.rt.policy
            .penalties
            .clone()
            .expect("the policy has [penalties]");
    let mut facts = tousu_penalty::PenaltyFacts {
        breaches: s.breaches(),
        ..tousu_penalty::PenaltyFacts::new(period.parse().unwrap())
    };
    extra(&mut facts);
    tousu_penalty::compute_statements(&schedule, &s.roster, &facts, None).unwrap()
}

// ---------------------------------------------------------------------------
// S01 — 联想 维修服务部: a key account's excessive demand, closed abnormally.
// ---------------------------------------------------------------------------
#[test]
fn s01_lenovo_key_account_abnormal_closure() {
    let p = policy("it-repair-lenovo-s01.toml");
    let roster = roster(
        &[
            ("msd", "客户维修服务部", None),
            ("qm", "质量监控处", Some("msd")),
            ("legal", "法务部", None),
        ],
        &[
            ("desk1", "李受理", "msd", &["complaint_desk"], Some("mgr")),
            (
                "eng1",
                "王工程师",
                "msd",
                &["service_engineer"],
                Some("mgr"),
            ),
            ("mgr", "赵经理", "msd", &["service_manager"], None),
            ("qm1", "孙监控", "qm", &["quality_monitor"], None),
            ("law1", "钱法务", "legal", &["legal"], None),
        ],
    );
    // Out of scope: a printer of another brand is not accepted.
    let t0 = beijing(2025, 4, 29, 10, 0);
    let other = Complaint::builder(
        t0,
        Channel::Phone,
        "购买的某品牌打印机卡纸，要求联想上门维修",
    )
    .category(cat("third_party_product"))
    .build()
    .unwrap();
    let d = p.acceptance(&EvalInput::new(&other, t0));
    assert!(matches!(d.outcome, Acceptance::NotAccepted { .. }));
    assert_eq!(
        d.rule_id.as_ref().map(ToString::to_string).as_deref(),
        Some("out-of-scope-product")
    );

    let mut s = Scenario::new(p, roster);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "我行采购的50台联想ThinkPad笔记本三个月内有12台主板故障，维修后又反复死机，要求50台整机全部更换新机并赔偿业务损失20万元",
    )
    .complainant(
        Complainant::organization("某商业银行信息科技部")
            .unwrap()
            .with_phone("010-66880000"),
    )
    .category(cat("lenovo_logo_product"))
    .customer_class(CustomerClass::KeyAccount)
    .request(remedy(RemedyKind::Replacement, None, "50台整机更换"))
    .request(remedy(RemedyKind::Compensation, Some("200000"), "业务损失"))
    .build()
    .unwrap();
    s.register("desk1", "S01-1", c).unwrap();
    assert_eq!(level_of(&s), "key_account", "大客户 list → its own level");
    accept(&mut s, "desk1", minutes(t0, 20));
    assign(&mut s, "desk1", minutes(t0, 30), "msd", "eng1", &[]);
    // 3 working days from acceptance on 29 April: 30 April, then 6 and 7 May
    // (劳动节 1–5 May) → the end of 7 May.
    assert!(due(&s, minutes(t0, 31)).contains(&"result → 2025-05-08 00:00".to_owned()));
    investigate(&mut s, "eng1", beijing(2025, 4, 30, 9, 0));
    note(
        &mut s,
        "eng1",
        beijing(2025, 4, 30, 11, 0),
        "《投诉处理资源申请单》: 申请备件中心调拨主板12块（接口人: 备件中心）",
    );
    findings(
        &mut s,
        "eng1",
        beijing(2025, 5, 6, 15, 0),
        FaultParty::Us,
        &[],
        "12台主板为同批次电容缺陷，其余38台检测正常；业务损失无凭据",
    );
    propose(
        &mut s,
        "eng1",
        beijing(2025, 5, 6, 16, 0),
        vec![
            remedy(RemedyKind::Repair, None, "12台更换新主板并延保一年"),
            remedy(RemedyKind::Apology, None, "书面致歉"),
        ],
        "按三包规定更换故障部件；整机更换和20万元赔偿超出公司政策",
    );
    approve(&mut s, "mgr", beijing(2025, 5, 6, 17, 0));
    reply(
        &mut s,
        "desk1",
        beijing(2025, 5, 7, 10, 0),
        "已为12台故障机更换新主板并延保一年，整机更换及赔偿要求无法满足",
    );
    callback(
        &mut s,
        "desk1",
        beijing(2025, 5, 8, 10, 0),
        Satisfaction::Unsatisfied,
        "客户坚持50台整机更换并赔偿20万元",
    );
    note(
        &mut s,
        "law1",
        beijing(2025, 5, 9, 10, 0),
        "法务意见: 要求超出《产品质量法》三包规定及公司政策",
    );
    s.ok(
        "mgr",
        beijing(2025, 5, 9, 15, 0),
        CommandKind::CloseAbnormally {
            reason: "客户过高要求，超出法律、法规、行业规范及公司相关政策，无法与用户达成一致（非正常结案）".to_owned(),
        },
    );
    assert_eq!(closure_kind(&s), "Abnormal");
    assert!(
        breached(&s).is_empty(),
        "every limit was met: {:?}",
        breached(&s)
    );
    s.assert_replays();
    insta::assert_snapshot!("s01_lenovo", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S04 (+S03, S07) — 物业(九): a serious leak over the National Day holiday.
// ---------------------------------------------------------------------------
#[test]
fn s04_property_serious_leak_over_national_day() {
    let p = policy("property-system9-s04.toml");
    let roster = roster(
        &[
            ("cs", "客户服务中心", None),
            ("bd", "经营发展部", None),
            ("sec", "秩序维护部", None),
        ],
        &[
            ("guard", "保安小周", "sec", &["employee"], None),
            ("kf", "客服小李", "cs", &["service_centre"], Some("min")),
            (
                "asst",
                "客服助理小陈",
                "cs",
                &["service_assistant"],
                Some("kf"),
            ),
            ("h1", "经营发展部张工", "bd", &["business_dev"], Some("dh")),
            ("rw", "维修工老刘", "bd", &["repair_worker"], Some("h1")),
            (
                "dh",
                "经营发展部王经理",
                "bd",
                &["solving_dept_head"],
                Some("min"),
            ),
            ("min", "部长", "cs", &["minister"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 30, 18, 30);
    // 首问责任: the guard is asked first, registers and tells the centre.
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "12栋顶楼水箱溢流，楼梯间和1201–1206六户门口积水，业主担心渗入室内，要求立即处理",
    )
    .complainant(person("王女士（1203室）", "13900001203"))
    .location("12栋12层")
    .category(cat("house_repair"))
    .collective_count(6)
    .first_responder(sid("guard"))
    .build()
    .unwrap();
    s.register("guard", "S04-1", c).unwrap();
    assert_eq!(level_of(&s), "serious", "six households: 较严重的投诉");
    accept(&mut s, "kf", minutes(t0, 10));
    escalate(&mut s, "kf", minutes(t0, 15), "较严重投诉，报部长组织协调");
    assign(&mut s, "min", minutes(t0, 30), "bd", "h1", &[]);
    // Serious: the result within 1 working day of the dispatch on 30 September;
    // 1–8 October are the 国庆节、中秋节 holiday → the end of 9 October.
    assert!(due(&s, minutes(t0, 31)).contains(&"result → 2025-10-10 00:00".to_owned()));
    investigate(&mut s, "h1", minutes(t0, 45));
    findings(
        &mut s,
        "rw",
        beijing(2025, 9, 30, 21, 0),
        FaultParty::Us,
        &[],
        "水箱浮球阀失灵，已临时关闭进水阀；10月9日更换浮球阀（《维修跟踪记录表》维修人员签字）",
    );
    // Nothing breaches over the holiday.
    s.tick(beijing(2025, 10, 8, 20, 0));
    propose(
        &mut s,
        "h1",
        beijing(2025, 10, 9, 11, 0),
        vec![
            remedy(RemedyKind::Repair, None, "更换水箱浮球阀、清理楼梯间积水"),
            remedy(
                RemedyKind::Compensation,
                Some("300"),
                "1203、1205两户门口地垫、鞋柜受潮补偿",
            ),
        ],
        "部长确定解决措施及责任人；部长会签《维修跟踪记录表》",
    );
    approve(&mut s, "dh", beijing(2025, 10, 9, 12, 0));
    reply(
        &mut s,
        "kf",
        beijing(2025, 10, 9, 16, 0),
        "浮球阀已更换，积水清理完毕，两户补偿300元已发放",
    );
    // S07 表二 客户回访记录表: 被回访人, 回访电话, 回访内容, 客服人员签名.
    callback(
        &mut s,
        "asst",
        beijing(2025, 10, 10, 10, 0),
        Satisfaction::Satisfied,
        "被回访人王女士，回访电话13900001203：水箱运行正常，满意",
    );
    close(&mut s, "kf", beijing(2025, 10, 10, 10, 30));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s04_property", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S05 — 板卡事业部: a batch defect before the 2026 Spring Festival.
// ---------------------------------------------------------------------------
#[test]
fn s05_board_card_batch_defect_over_spring_festival() {
    let p = policy("board-card-s05.toml");
    let roster = roster(
        &[
            ("sales", "业务部", None),
            ("qa", "品质部", None),
            ("rd", "研发部", None),
            ("pe", "工程部", None),
            ("prod", "生产部", None),
        ],
        &[
            ("yw1", "业务员周明", "sales", &["sales"], None),
            ("kfgc", "客服工程师林工", "qa", &["cs_engineer"], Some("qm")),
            ("rd1", "研发部硬件工程师吴工", "rd", &["rd"], None),
            ("pe1", "工程部制程工程师郑工", "pe", &["process_eng"], None),
            ("prod1", "生产部组长", "prod", &["production"], None),
            ("qm", "品质部经理", "qa", &["quality_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 2, 12, 9, 30);
    let c = Complaint::builder(
        t0,
        Channel::Email,
        "贵司1月交付的2000片显卡在整机老化测试中有150片出现花屏、黑屏，要求分析原因并返修",
    )
    .complainant(
        Complainant::organization("深圳某整机厂")
            .unwrap()
            .with_phone("0755-26000000"),
    )
    .category(cat("reliability"))
    .product(ProductData {
        order_no: Some("PO-2026-0107".to_owned()),
        model: Some("GX-4060 8G".to_owned()),
        batch: Some("2601A".to_owned()),
        delivery_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 20),
        quantity: Some(2000),
        defective_quantity: Some(150),
        ..ProductData::default()
    })
    .fact(fact("usage_stage"), FactValue::Text("使用中".to_owned()))
    .fact(
        fact("defect_rate_percent"),
        FactValue::Number("7.5".parse().unwrap()),
    )
    .build()
    .unwrap();
    s.register("yw1", "S05-1", c).unwrap();
    assert_eq!(level_of(&s), "major", "7.5 % defective: a batch defect");
    accept(&mut s, "kfgc", minutes(t0, 30));
    // 客服工程师 「具有调配相关部门人员协助处理的权限」: 研发部 leads, 工程部 and 生产部 assist.
    assign(
        &mut s,
        "kfgc",
        minutes(t0, 40),
        "rd",
        "rd1",
        &["pe", "prod"],
    );
    // 7 calendar days from 12 February end on the 19th, inside the Spring
    // Festival (15–23 February) → rolled to the end of the 24th.
    assert!(due(&s, minutes(t0, 41)).contains(&"improvement_report → 2026-02-25 00:00".to_owned()));
    investigate(&mut s, "rd1", beijing(2026, 2, 12, 11, 0));
    findings(
        &mut s,
        "rd1",
        beijing(2026, 2, 12, 16, 0),
        FaultParty::Us,
        &[],
        "显存供电电感批次虚焊（制程），工程部确认回流焊温区偏低；研发部确认设计余量正常",
    );
    propose(
        &mut s,
        "rd1",
        beijing(2026, 2, 13, 10, 0),
        vec![
            remedy(
                RemedyKind::Repair,
                None,
                "150片不良品返修（生产部安排人力物料）",
            ),
            remedy(RemedyKind::Replacement, None, "先行补发20片良品供客户生产"),
        ],
        "8D报告: 调整回流焊曲线，加严出货老化抽检",
    );
    approve(&mut s, "qm", beijing(2026, 2, 13, 14, 0));
    s.tick(beijing(2026, 2, 20, 9, 0));
    reply(
        &mut s,
        "kfgc",
        beijing(2026, 2, 24, 15, 0),
        "8D报告及返修计划已发客户，150片返修品2月27日前交回",
    );
    callback(
        &mut s,
        "yw1",
        beijing(2026, 2, 27, 16, 0),
        Satisfaction::Satisfied,
        "客户确认返修品老化测试通过",
    );
    close(&mut s, "kfgc", beijing(2026, 2, 27, 17, 0));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s05_board_card", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S06 — 陶瓷墙地砖: a major 吸污 claim, approved by the quality director.
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
    accept(&mut s, "gqc1", minutes(t0, 60));
    assign(
        &mut s,
        "gqc1",
        minutes(t0, 70),
        "gqc",
        "gqc1",
        &["factory", "qc"],
    );
    investigate(&mut s, "fqc", beijing(2025, 5, 30, 9, 0));
    findings(
        &mut s,
        "fqc",
        beijing(2025, 5, 30, 16, 0),
        FaultParty::Us,
        &[],
        "派人现场质量鉴定 + 工厂留样复检: 该批次防污层偏薄（产品微小毛细孔易吸污）；另有部分区域为装修期间水泥浆污染（保养不当）",
    );
    propose(
        &mut s,
        "gqc1",
        beijing(2025, 6, 3, 10, 0),
        vec![
            remedy(
                RemedyKind::Replacement,
                None,
                "免费更换80平方米同型号新批次产品",
            ),
            remedy(RemedyKind::Compensation, Some("8000"), "补贴拆铺人工费"),
        ],
        "以大化小：其余40平方米由经销商安排专业清洗及防污处理",
    );
    // 8,000 元 is above the 品管经理's 5,000 (assumed): the 质量总监 approves.
    let refused = s.run("qcm", beijing(2025, 6, 3, 11, 0), CommandKind::Approve);
    assert!(
        matches!(refused, Err(Rejection::OutOfAuthority { .. })),
        "{refused:?}"
    );
    approve(&mut s, "qd", beijing(2025, 6, 3, 15, 0));
    // The feedback limit: 7 working days from 29 May (端午 31 May–2 June) → 10 June.
    assert!(
        due(&s, beijing(2025, 6, 3, 16, 0)).contains(&"feedback → 2025-06-11 00:00".to_owned())
    );
    reply(
        &mut s,
        "rep",
        beijing(2025, 6, 4, 10, 0),
        "公司同意免费更换80平方米并补贴人工费8000元，其余区域专业清洗",
    );
    callback(
        &mut s,
        "rep",
        beijing(2025, 6, 6, 11, 0),
        Satisfaction::Satisfied,
        "经销商及业主接受方案，《销售公司产品质量信息反馈表》已签回",
    );
    close(&mut s, "gqc1", beijing(2025, 6, 6, 14, 0));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s06_ceramic", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S09 — generic rule: late acceptance over a weekend, 15 working days across
// the National Day holiday, an extension, and arbitration advice.
// ---------------------------------------------------------------------------
#[test]
fn s09_generic_fifteen_working_days_then_arbitration() {
    let p = policy("generic-company-s09.toml");
    let roster = roster(
        &[
            ("cs", "客服部", None),
            ("fin", "财务部", None),
            ("mgmt", "公司管理层", None),
        ],
        &[
            ("kf", "客服人员赵敏", "cs", &["cs_staff"], None),
            (
                "fin1",
                "财务部会计钱红",
                "fin",
                &["dept_handler"],
                Some("fh"),
            ),
            ("fh", "财务部经理", "fin", &["dept_head"], Some("boss")),
            ("boss", "总经理", "mgmt", &["management"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 26, 16, 0);
    let c = Complaint::builder(
        t0,
        Channel::Email,
        "8月货款对账时贵司多扣我方3200元质量扣款，无任何检验记录，要求退还",
    )
    .complainant(
        Complainant::organization("某包装材料供应商")
            .unwrap()
            .with_phone("021-58000000"),
    )
    .category(cat("transaction"))
    .request(remedy(RemedyKind::Refund, Some("3200"), "退还多扣货款"))
    .build()
    .unwrap();
    s.register("kf", "S09-1", c).unwrap();
    // 24 hours is a plain clock: Saturday 27 September 16:00.
    let late = s.tick(beijing(2025, 9, 27, 17, 0));
    assert!(late.iter().any(|e| matches!(&e.kind, EventKind::MilestoneBreached { milestone, .. } if milestone.as_str() == "acceptance")));
    // Sunday 28 September is a 调休 working day.
    accept(&mut s, "kf", beijing(2025, 9, 28, 9, 0));
    // 15 working days from 28 September: 29, 30 Sep, 9, 10, 11 (Sat, 调休), 13–17,
    // 20–24 Oct → the end of 24 October.
    assert!(
        due(&s, beijing(2025, 9, 28, 9, 1))
            .contains(&"result_notice → 2025-10-25 00:00".to_owned())
    );
    assign(
        &mut s,
        "kf",
        beijing(2025, 9, 28, 10, 0),
        "fin",
        "fin1",
        &[],
    );
    investigate(&mut s, "fin1", beijing(2025, 9, 29, 9, 0));
    s.ok(
        "fin1",
        beijing(2025, 10, 20, 10, 0),
        CommandKind::RequestExtension {
            reason: "特殊情况：需品质部调取8月来料检验留样，已电话告知客户".to_owned(),
            until: None,
        },
    );
    s.ok(
        "fh",
        beijing(2025, 10, 20, 11, 0),
        CommandKind::ApproveExtension,
    );
    s.ok("fh", beijing(2025, 10, 27, 9, 0), CommandKind::EndExtension);
    findings(
        &mut s,
        "fin1",
        beijing(2025, 10, 27, 15, 0),
        FaultParty::Us,
        &[],
        "来料检验留样合格，质量扣款依据不足，属财务误扣1800元；另1400元为合同约定的迟交货违约金",
    );
    propose(
        &mut s,
        "fin1",
        beijing(2025, 10, 28, 9, 0),
        vec![remedy(RemedyKind::Refund, Some("1800"), "退还误扣货款")],
        "违约金1400元按合同第八条不予退还",
    );
    // 1,800 ≤ 2,000: the department head approves.
    approve(&mut s, "fh", beijing(2025, 10, 28, 10, 0));
    reply(
        &mut s,
        "kf",
        beijing(2025, 10, 28, 14, 0),
        "经核实退还误扣货款1800元，违约金1400元依合同不予退还（书面通知）",
    );
    callback(
        &mut s,
        "kf",
        beijing(2025, 10, 30, 10, 0),
        Satisfaction::Unsatisfied,
        "客户不接受违约金扣款；已告知可向相关行业协会或政府监管部门申请仲裁",
    );
    assert_eq!(
        closure_kind(&s),
        "Unsatisfied",
        "one round, then the arbitration route"
    );
    assert_eq!(breached(&s), vec!["acceptance@1".to_owned()]);
    s.assert_replays();
    insta::assert_snapshot!("s09_generic", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S10 — xx物业: the emergency ladder on New Year's Eve; a late completion
// report; sanctions and rewards on the January statements.
// ---------------------------------------------------------------------------
#[test]
fn s10_property_emergency_ladder_new_year() {
    let p = policy("property-xx-s10.toml");
    let roster = roster(
        &[
            ("front", "客户中心", None),
            ("eng", "工程部", None),
            ("sec", "秩序维护部", None),
            ("site", "管理处", None),
            ("company", "物业公司", None),
            ("board", "董事会", None),
            ("dev", "发展商客户服务部", None),
        ],
        &[
            ("guard", "保安员刘勇", "sec", &["employee"], Some("sm")),
            ("fd", "前台小吴", "front", &["front_desk"], Some("sm")),
            ("eng1", "工程部维修工马师傅", "eng", &["dept"], Some("eh")),
            ("eh", "工程部主管", "eng", &["dept_head"], Some("sm")),
            ("sm", "管理处负责人", "site", &["site_manager"], Some("cl")),
            (
                "cl",
                "物业公司主管领导",
                "company",
                &["company_leader"],
                Some("bl"),
            ),
            ("bl", "董事领导", "board", &["board_leader"], None),
            ("dcs", "发展商客服专员", "dev", &["developer_cs"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 31, 22, 50);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "地下车库B2消防水管爆裂，积水已漫到车位，多辆车轮胎泡水，要求马上抢修并赔偿洗车费用",
    )
    .complainant(person("业主孙先生（8栋602）", "13812340602"))
    .location("地下车库B2层")
    .category(cat("emergency_repair"))
    .first_responder(sid("guard"))
    .build()
    .unwrap();
    s.register("guard", "S10-1", c).unwrap();
    assert_eq!(level_of(&s), "emergency");
    accept(&mut s, "fd", minutes(t0, 1));
    // 「须于3分钟内知会相关部门作应急处理」: dispatched at 22:52.
    assign(&mut s, "fd", minutes(t0, 2), "eng", "eng1", &[]);
    // 「管理处负责人 … 须于接报后的5分钟内上报」: reported at 23:08, late.
    s.tick(minutes(t0, 6));
    investigate(&mut s, "eng1", minutes(t0, 10));
    escalate(
        &mut s,
        "sm",
        minutes(t0, 18),
        "管道主阀锈死无法关闭，管理处无法解决，上报物业公司主管领导",
    );
    escalate(
        &mut s,
        "cl",
        minutes(t0, 26),
        "需开发商协调消防系统总阀，电话上报董事领导决策",
    );
    findings(
        &mut s,
        "eng1",
        beijing(2026, 1, 1, 3, 0),
        FaultParty::Us,
        &[],
        "抢修完毕：关闭消防系统分区阀，更换爆裂管段2米，积水已抽排",
    );
    // 「处理完毕后 … 须于2小时内反馈客户中心」: due 05:00, not met.
    s.tick(beijing(2026, 1, 1, 5, 10));
    propose(
        &mut s,
        "eng1",
        beijing(2026, 1, 1, 6, 0),
        vec![
            remedy(RemedyKind::Repair, None, "更换管段，车库清洁"),
            remedy(
                RemedyKind::Compensation,
                Some("1800"),
                "6辆车洗车及轮胎检查费每辆300元",
            ),
        ],
        "完成后反馈客户中心（迟报）",
    );
    approve(&mut s, "sm", beijing(2026, 1, 1, 8, 0));
    // 「发展商客户服务部会同物业公司于8小时内跟进验证」: verified and answered by noon.
    reply(
        &mut s,
        "fd",
        beijing(2026, 1, 1, 12, 0),
        "管道已修复并经发展商客服部跟进验证，洗车费用每辆300元已登记发放",
    );
    // 回访 within 2 working days: 1–3 January are 元旦, 4 January (Sunday) is a
    // 调休 working day → the end of 5 January.
    assert!(
        due(&s, beijing(2026, 1, 1, 12, 1)).contains(&"callback → 2026-01-06 00:00".to_owned())
    );
    callback(
        &mut s,
        "dcs",
        beijing(2026, 1, 4, 10, 0),
        Satisfaction::Satisfied,
        "孙先生对抢修速度表示满意",
    );
    // 「客户中心 … 须于2小时内反馈首问责任人」: the guard is told, the case closes.
    note(
        &mut s,
        "fd",
        beijing(2026, 1, 4, 10, 30),
        "已反馈首问责任人刘勇：处理完毕，业主满意",
    );
    close(&mut s, "fd", beijing(2026, 1, 4, 10, 40));
    assert_eq!(
        breached(&s),
        vec![
            "report_to_company@1".to_owned(),
            "completion_feedback@1".to_owned()
        ]
    );
    s.assert_replays();
    insta::assert_snapshot!("s10_property_emergency", timeline(&s.events));

    // The month's statements: no overtime money (the source fines none); the
    // late report earns a written warning, the first asker a commendation.
    let result = statements(&s, "2026-01", |f| {
        f.sanctions.push(tousu_penalty::Sanction {
            staff: sid("eng1"),
            kind: SanctionKind::Warning,
            case: Some(CaseId::new("S10-1").unwrap()),
            reason: Some("抢修完毕后未于2小时内反馈客户中心，影响整体运作（书面警告）".to_owned()),
        });
        f.sanctions.push(tousu_penalty::Sanction {
            staff: sid("guard"),
            kind: SanctionKind::Commendation,
            case: Some(CaseId::new("S10-1").unwrap()),
            reason: Some("首问责任落实到位，及时接报（嘉奖）".to_owned()),
        });
    });
    insta::assert_snapshot!("s10_statements", tousu_penalty::render_markdown(&result));
}

// ---------------------------------------------------------------------------
// S11 (+S08) — bank branch: 三日 across the holiday, an agreed reply time, a
// case beyond the branch's authority.
// ---------------------------------------------------------------------------
#[test]
fn s11_bank_branch_beyond_authority_over_holiday() {
    let p = policy("bank-branch-s11.toml");
    let roster = roster(
        &[
            ("branch", "洛阳某支行营业部", None),
            ("ho", "总行规范服务管理部门", None),
        ],
        &[
            ("teller", "柜员小王", "branch", &["staff"], Some("bh")),
            (
                "tsm",
                "投诉管理人张姐",
                "branch",
                &["complaint_manager"],
                Some("bh"),
            ),
            ("bh", "网点负责人", "branch", &["branch_head"], None),
            (
                "ho1",
                "总行规范服务管理部专员",
                "ho",
                &["head_office"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 9, 30, 15, 0);
    // 现场口头投诉: recorded, and the main points restated to the customer.
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "排队一小时后柜员称跨行汇款须另收50元加急手续费，与网点公示不符，态度生硬；要求退还手续费并道歉",
    )
    .complainant(person("刘先生", "13703790000"))
    .respondent(Respondent::staff(sid("teller")))
    .category(cat("fees"))
    .first_responder(sid("tsm"))
    .request(remedy(RemedyKind::Refund, Some("50"), "加急手续费"))
    .request(remedy(RemedyKind::Apology, None, "柜员道歉"))
    .build()
    .unwrap();
    s.register("tsm", "S11-1", c).unwrap();
    note(
        &mut s,
        "tsm",
        minutes(t0, 3),
        "已向客户复述主要问题：①加急手续费50元 ②柜员态度；客户确认无误，已引导至贵宾室",
    );
    accept(&mut s, "tsm", minutes(t0, 5));
    // 三日 from 30 September: 1–3 October, a holiday → the next working day,
    // 9 October, to its end.
    assert!(due(&s, minutes(t0, 6)).contains(&"reply → 2025-10-10 00:00".to_owned()));
    // 「和客户约定回复时限」.
    s.ok(
        "tsm",
        minutes(t0, 8),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 10, 9, 17, 0),
        },
    );
    // The branch head confirms the refund is beyond the branch's authority.
    s.ok(
        "bh",
        minutes(t0, 20),
        CommandKind::Classify {
            level: Some(level("beyond_branch")),
            reason: Some("加急手续费的退还属总行收费政策，超出本网点处理权限".to_owned()),
        },
    );
    escalate(&mut s, "tsm", minutes(t0, 21), "向营业网点负责人汇报");
    escalate(
        &mut s,
        "bh",
        minutes(t0, 25),
        "超出本网点处理权限，报总行规范服务管理部门",
    );
    assign(&mut s, "bh", minutes(t0, 30), "ho", "ho1", &[]);
    investigate(&mut s, "ho1", beijing(2025, 10, 9, 9, 0));
    findings(
        &mut s,
        "ho1",
        beijing(2025, 10, 9, 11, 0),
        FaultParty::Us,
        &[("teller", "1")],
        "调查证实我行应负责任：普通跨行汇款不收加急费，柜员误用收费代码",
    );
    propose(
        &mut s,
        "ho1",
        beijing(2025, 10, 9, 11, 30),
        vec![
            remedy(RemedyKind::Refund, Some("50"), "退还误收手续费"),
            remedy(RemedyKind::Apology, None, "网点负责人当面致歉"),
        ],
        "整改：全行核对收费代码",
    );
    approve(&mut s, "ho1", beijing(2025, 10, 9, 14, 0));
    reply(
        &mut s,
        "tsm",
        beijing(2025, 10, 9, 16, 0),
        "50元已退回原账户，网点负责人已当面致歉",
    );
    callback(
        &mut s,
        "tsm",
        beijing(2025, 10, 10, 10, 0),
        Satisfaction::Satisfied,
        "意见登记簿已记录处理结果",
    );
    // 网点负责人签字确认: only the branch head closes.
    let refused = s.run("tsm", beijing(2025, 10, 10, 10, 30), CommandKind::Close);
    assert!(
        matches!(refused, Err(Rejection::NotPermitted { .. })),
        "{refused:?}"
    );
    close(&mut s, "bh", beijing(2025, 10, 10, 11, 0));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    // 「投诉管理人应每日查阅客户意见簿」 is for opinion-book entries only: the
    // on-site complaint above never ran that clock.
    assert!(
        !s.events.iter().any(|e| matches!(&e.kind,
            EventKind::ClockStarted { milestone, .. } if milestone.as_str() == "opinion_book_review")),
        "no review clock for a visit"
    );
    s.assert_replays();
    insta::assert_snapshot!("s11_bank_branch", timeline(&s.events));

    // An entry written in the 客户意见簿 on Friday evening must be read within a
    // day: by the end of Saturday 11 October, a make-up working day (调休).
    let mut b = Scenario::new(s.rt.policy.clone(), s.roster.clone());
    let t1 = beijing(2025, 10, 10, 18, 30);
    let entry = Complaint::builder(
        t1,
        Channel::OpinionBook,
        "我要投诉：自助存款机吞卡，大堂无人处理，心情：很生气",
    )
    .complainant(person("赵女士", "13903790000"))
    .category(cat("business_process"))
    .fact(fact("mood"), FactValue::Text("很生气".to_owned()))
    .build()
    .unwrap();
    b.register("tsm", "S11-2", entry).unwrap();
    assert!(due(&b, t1).contains(&"opinion_book_review → 2025-10-12 00:00".to_owned()));
    // Not read until Monday morning: the daily review was missed.
    b.tick(beijing(2025, 10, 13, 9, 0));
    accept(&mut b, "tsm", beijing(2025, 10, 13, 9, 5));
    assert_eq!(breached(&b), ["opinion_book_review@1"]);
    b.assert_replays();
    insta::assert_snapshot!("s11_opinion_book", timeline(&b.events));
}

// ---------------------------------------------------------------------------
// S12 — four levels: two rounds with breaches, the GM after the rounds, the
// month's overtime fines.
// ---------------------------------------------------------------------------
#[test]
fn s12_four_levels_two_rounds_then_gm_with_fines() {
    let p = policy("four-level-s12.toml");
    let roster = paid_roster(
        &[
            ("cs", "客服部", None),
            ("ws", "维修车间", None),
            ("mgmt", "总经办", None),
        ],
        &[
            (
                (
                    "hf",
                    "回访专员周婷",
                    "cs",
                    &["callback_specialist"],
                    Some("csm"),
                ),
                "2000",
            ),
            (
                ("wm", "车间经理韩强", "ws", &["dept_manager"], Some("gm")),
                "3000",
            ),
            (
                ("csm", "客服部经理", "cs", &["cs_manager"], Some("gm")),
                "3000",
            ),
            (("gm", "总经理", "mgmt", &["general_manager"], None), "0"),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 10, 9, 9, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "上周在贵店做完保养，发动机底部渗机油、怠速有异响，来回跑了两趟还没解决",
    )
    .complainant(person("车主何先生", "13600001111"))
    .category(cat("workshop"))
    .build()
    .unwrap();
    s.register("hf", "S12-1", c).unwrap();
    accept(&mut s, "hf", minutes(t0, 2));
    s.ok(
        "hf",
        minutes(t0, 3),
        CommandKind::Classify {
            level: Some(level("very_unsatisfied")),
            reason: Some("客户情绪激动，二次返修仍未解决：十分不满意".to_owned()),
        },
    );
    // 《协调工作单》 within 10 minutes of the complaint.
    assign(&mut s, "hf", minutes(t0, 8), "ws", "wm", &[]);
    // Nobody calls back: initial agreement (10 min), first contact (20 min) and
    // 初次对应 (20 min for 十分不满意) all breach.
    s.tick(minutes(t0, 25));
    s.ok(
        "wm",
        minutes(t0, 30),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 10, 10, 12, 0),
        },
    );
    investigate(&mut s, "wm", minutes(t0, 35));
    findings(
        &mut s,
        "wm",
        beijing(2025, 10, 9, 16, 0),
        FaultParty::Us,
        &[("wm", "1")],
        "油底壳放油螺栓未按力矩拧紧",
    );
    propose(
        &mut s,
        "wm",
        beijing(2025, 10, 9, 17, 0),
        vec![remedy(
            RemedyKind::Repair,
            None,
            "更换放油螺栓垫片，免费复检",
        )],
        "处理结果记录在《协调工作单》并交回回访专员",
    );
    approve(&mut s, "csm", beijing(2025, 10, 9, 17, 30));
    reply(
        &mut s,
        "hf",
        beijing(2025, 10, 10, 11, 0),
        "客户二次到店，已更换垫片并复检",
    );
    callback(
        &mut s,
        "hf",
        beijing(2025, 10, 10, 15, 0),
        Satisfaction::Unsatisfied,
        "渗油已止，但怠速异响仍在",
    );
    // (八) 再次投诉处理: round 2.
    reopen(
        &mut s,
        "hf",
        beijing(2025, 10, 10, 15, 5),
        "异响未解决，按第三条流程再次处理",
    );
    s.ok(
        "wm",
        beijing(2025, 10, 10, 15, 20),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 10, 11, 18, 0),
        },
    );
    investigate(&mut s, "wm", beijing(2025, 10, 10, 15, 30));
    findings(
        &mut s,
        "wm",
        beijing(2025, 10, 11, 9, 0),
        FaultParty::Us,
        &[("wm", "1")],
        "正时链条张紧器磨损，与保养无直接关系",
    );
    propose(
        &mut s,
        "wm",
        beijing(2025, 10, 11, 10, 0),
        vec![remedy(RemedyKind::Repair, None, "更换张紧器（保修范围内）")],
        "交回《协调工作单》",
    );
    approve(&mut s, "csm", beijing(2025, 10, 11, 10, 30));
    reply(
        &mut s,
        "hf",
        beijing(2025, 10, 11, 16, 0),
        "已更换张紧器，试车正常",
    );
    // 二次对应 within 24 hours of the returned work order: due 10:00 on the 12th.
    s.tick(beijing(2025, 10, 12, 10, 30));
    callback(
        &mut s,
        "hf",
        beijing(2025, 10, 12, 11, 0),
        Satisfaction::Unsatisfied,
        "冷车启动仍有轻微异响，要求总经理出面",
    );
    // Two rounds used up, still unsatisfied → 总经理 (ruling 6 in docs/rulings.md).
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "gm-after-rounds")
    }));
    reopen(&mut s, "gm", beijing(2025, 10, 12, 14, 0), "总经理接手处理");
    s.ok(
        "wm",
        beijing(2025, 10, 12, 14, 10),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 10, 13, 18, 0),
        },
    );
    investigate(&mut s, "wm", beijing(2025, 10, 12, 14, 15));
    findings(
        &mut s,
        "wm",
        beijing(2025, 10, 13, 10, 0),
        FaultParty::Us,
        &[],
        "厂家技术支持确认需更换正时链条总成",
    );
    propose(
        &mut s,
        "wm",
        beijing(2025, 10, 13, 11, 0),
        vec![
            remedy(RemedyKind::Repair, None, "更换正时链条总成"),
            remedy(RemedyKind::Compensation, Some("500"), "三次往返交通补偿"),
        ],
        "总经理批示",
    );
    approve(&mut s, "gm", beijing(2025, 10, 13, 11, 30));
    reply(
        &mut s,
        "gm",
        beijing(2025, 10, 13, 17, 0),
        "总经理致电：正时链条总成已更换，并补偿交通费500元",
    );
    callback(
        &mut s,
        "hf",
        beijing(2025, 10, 14, 10, 0),
        Satisfaction::Satisfied,
        "客户满意，客服部经理签名，呈总经理审阅",
    );
    close(&mut s, "csm", beijing(2025, 10, 14, 11, 0));
    s.assert_replays();
    insta::assert_snapshot!("s12_four_level", timeline(&s.events));

    // 超时扣罚: only 初次对应 and 二次对应 are fined (30 元 each at 十分不满意).
    // The policy's `overtime_milestones` does the filtering: every breach is given.
    let result = statements(&s, "2025-10", |_| {});
    let wm = result
        .statements
        .iter()
        .find(|st| st.staff.as_str() == "wm")
        .unwrap();
    assert_eq!(
        wm.gross,
        money("60"),
        "two breaches at 十分不满意, 30 元 each"
    );
    insta::assert_snapshot!("s12_statements", tousu_penalty::render_markdown(&result));

    // 第五条 注: 「现场10分钟内接触」 — a complaint made on site gets 10 minutes
    // for the first contact, not the 20 of a phone complaint.
    let mut v = Scenario::new(s.rt.policy.clone(), s.roster.clone());
    let t1 = beijing(2025, 10, 20, 10, 0);
    let c = Complaint::builder(t1, Channel::Visit, "到店取车发现车门有新划痕，要求当面说明")
        .complainant(person("车主林女士", "13600002222"))
        .category(cat("workshop"))
        .build()
        .unwrap();
    v.register("hf", "S12-2", c).unwrap();
    assert!(due(&v, t1).contains(&"first_contact → 2025-10-20 10:10".to_owned()));
    accept(&mut v, "hf", minutes(t1, 1));
    assign(&mut v, "hf", minutes(t1, 5), "ws", "wm", &[]);
    // The manager comes out after 12 minutes: late on site (it would have
    // been in time by phone).
    v.tick(minutes(t1, 11));
    investigate(&mut v, "wm", minutes(t1, 12));
    assert_eq!(breached(&v), ["first_contact@1"]);
    v.assert_replays();
    insta::assert_snapshot!("s12_on_site", timeline(&v.events));
}

// ---------------------------------------------------------------------------
// S13 — restaurant: a class-1 complaint not settled by the server becomes
// class 2 under the manager; 案例二's 例份 refund.
// ---------------------------------------------------------------------------
#[test]
fn s13_restaurant_class1_unsettled_becomes_class2() {
    let p = policy("restaurant-s13.toml");
    let roster = roster(
        &[
            ("rest", "中餐厅", None),
            ("fb", "餐饮部", None),
            ("mgmt", "总经理室", None),
        ],
        &[
            ("w1", "服务员小郑", "rest", &["server"], Some("lb")),
            ("lb", "领班阿芳", "rest", &["supervisor"], Some("fbm")),
            ("fbm", "中餐部经理", "fb", &["fb_manager"], Some("gm")),
            ("gm", "总经理", "mgmt", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 10, 1, 12, 30);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "12人国庆家宴，点的清蒸石斑上错成红烧，等了40分钟；服务员推荐的招牌菜上了三个例份，分量远超所需",
    )
    .complainant(person("陈女士（8号包厢）", "13500008888"))
    .category(cat("wrong_order"))
    .build()
    .unwrap();
    s.register("w1", "S13-1", c).unwrap();
    assert_eq!(level_of(&s), "class1");
    accept(&mut s, "w1", minutes(t0, 1));
    assign(&mut s, "w1", minutes(t0, 2), "rest", "w1", &[]);
    investigate(&mut s, "w1", minutes(t0, 3));
    propose(
        &mut s,
        "w1",
        minutes(t0, 8),
        vec![
            remedy(
                RemedyKind::Replacement,
                None,
                "立即重新制作清蒸石斑（无条件更换）",
            ),
            remedy(RemedyKind::Apology, None, "道歉"),
        ],
        "出品质量/服务质量",
    );
    approve(&mut s, "lb", minutes(t0, 9));
    reply(&mut s, "w1", minutes(t0, 10), "已重新制作清蒸石斑并致歉");
    callback(
        &mut s,
        "w1",
        minutes(t0, 60),
        Satisfaction::Unsatisfied,
        "客人不满三个例份的推荐，要求餐厅经理出面",
    );
    // One round for class 1: the manager takes over, and the unsettled
    // complaint becomes class 2 (the step's `reclassify_to`).
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "manager-after-class1")
    }));
    assert_eq!(level_of(&s), "class2");
    reopen(&mut s, "fbm", minutes(t0, 65), "经理出面处理");
    investigate(&mut s, "fbm", minutes(t0, 66));
    findings(
        &mut s,
        "fbm",
        minutes(t0, 67),
        FaultParty::Us,
        &[("w1", "1")],
        "一个例份适合4到6人，12人上三个例份属推荐不当；追究服务员及当班领班责任",
    );
    // 案例二: the guests pay one 例份 (168 元); the other two are borne by 中餐部.
    propose(
        &mut s,
        "fbm",
        minutes(t0, 68),
        vec![remedy(
            RemedyKind::PriceAllowance,
            Some("336"),
            "只收一份例份的价钱，其余两份由中餐部承担",
        )],
        "措施承诺：点菜时按人数推荐分量",
    );
    // 336 元 is above the 领班's 200 (assumed): the manager approves.
    let refused = s.run("lb", minutes(t0, 69), CommandKind::Approve);
    assert!(
        matches!(refused, Err(Rejection::OutOfAuthority { .. })),
        "{refused:?}"
    );
    approve(&mut s, "fbm", minutes(t0, 69));
    reply(
        &mut s,
        "fbm",
        minutes(t0, 75),
        "经理致歉，两份例份免单336元",
    );
    callback(
        &mut s,
        "fbm",
        minutes(t0, 120),
        Satisfaction::VerySatisfied,
        "顾客投诉记录档案已建立",
    );
    close(&mut s, "fbm", minutes(t0, 125));
    s.assert_replays();
    insta::assert_snapshot!("s13_restaurant", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S14 — logistics: the 30-minute plan missed, an investigator who may not
// promise, validity rules.
// ---------------------------------------------------------------------------
#[test]
fn s14_logistics_plan_breach_and_validity() {
    let p = policy("logistics-s14.toml");
    // 第九条(6): an attitude complaint a month after the incident is invalid;
    // 恶意(3): an anonymous complaint whose facts do not stand is malicious.
    let t0 = beijing(2025, 12, 12, 14, 0);
    let late = Complaint::builder(t0, Channel::Chat, "上个月送货司机说话难听")
        .category(cat("service_attitude"))
        .incident_at(beijing(2025, 11, 5, 10, 0))
        .build()
        .unwrap();
    let d = p.validity(&EvalInput::new(&late, t0));
    assert_eq!(
        (d.outcome, d.rule_id.map(|r| r.to_string())),
        (Validity::Invalid, Some("late-attitude".to_owned()))
    );
    let anon = Complaint::builder(t0, Channel::Phone, "匿名举报仓库员工私拿客户货物")
        .category(cat("conduct_norms"))
        .fact(fact("main_facts_not_established"), FactValue::Bool(true))
        .build()
        .unwrap();
    assert_eq!(
        p.validity(&EvalInput::new(&anon, t0)).outcome,
        Validity::Malicious
    );

    let roster = roster(
        &[
            ("cs", "客户服务部", None),
            ("ops", "运输部", None),
            ("mgmt", "公司领导", None),
        ],
        &[
            ("kf", "客服专员韩梅", "cs", &["cs_agent"], Some("csm")),
            ("inv", "调查员李雷", "cs", &["investigator"], Some("csm")),
            ("drv", "司机老周", "ops", &[], Some("ld")),
            ("csm", "客户服务部经理", "cs", &["cs_manager"], Some("ld")),
            (
                "ld",
                "运营副总（直接领导）",
                "mgmt",
                &["direct_leader"],
                None,
            ),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let c = Complaint::builder(
        t0,
        Channel::Chat,
        "12月8日发往郑州的整车货物晚到两天，GPS一直显示在途，司机电话里态度生硬；要求减免运费",
    )
    .complainant(person("郑州某商贸公司 刘经理", "13937100000"))
    .respondent(Respondent::staff(sid("drv")))
    .category(cat("timeliness"))
    .request(remedy(RemedyKind::PriceAllowance, Some("500"), "减免运费"))
    .build()
    .unwrap();
    s.register("kf", "S14-1", c).unwrap();
    accept(&mut s, "kf", minutes(t0, 5));
    // 「在接到投诉30分钟内提出处理方案」: not done by 14:30.
    s.tick(minutes(t0, 35));
    assign(&mut s, "kf", minutes(t0, 40), "cs", "inv", &[]);
    investigate(&mut s, "inv", minutes(t0, 45));
    // 调查人员 「无权对任何一方做出任何形式的承诺」.
    let refused = s.run(
        "inv",
        minutes(t0, 50),
        CommandKind::ProposeSolution {
            remedies: vec![remedy(RemedyKind::PriceAllowance, Some("500"), "减免运费")],
            note: None,
        },
    );
    assert!(
        matches!(refused, Err(Rejection::NotPermitted { .. })),
        "{refused:?}"
    );
    findings(
        &mut s,
        "inv",
        beijing(2025, 12, 12, 16, 0),
        FaultParty::Us,
        &[("drv", "1")],
        "车辆途中故障停驶一天未报备，GPS信息未更新；司机通话录音确有不当用语",
    );
    propose(
        &mut s,
        "kf",
        beijing(2025, 12, 12, 16, 30),
        vec![
            remedy(RemedyKind::PriceAllowance, Some("300"), "减免本次运费300元"),
            remedy(RemedyKind::Apology, None, "司机及直接领导致歉"),
        ],
        "与被投诉人及其直接领导沟通；管理漏洞: 车辆故障报备制度",
    );
    approve(&mut s, "csm", beijing(2025, 12, 12, 16, 45));
    reply(
        &mut s,
        "kf",
        beijing(2025, 12, 12, 17, 0),
        "运费减免300元，司机已致歉，今后故障须及时报备并更新GPS",
    );
    callback(
        &mut s,
        "kf",
        beijing(2025, 12, 15, 10, 0),
        Satisfaction::Satisfied,
        "客户接受",
    );
    close(&mut s, "kf", beijing(2025, 12, 15, 10, 5));
    assert_eq!(breached(&s), vec!["plan@1".to_owned()]);
    s.assert_replays();
    insta::assert_snapshot!("s14_logistics", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S15 — CS department: A → B (deadline told) → C → D, then 事业部更高管理层.
// ---------------------------------------------------------------------------
#[test]
fn s15_cs_abcd_repeated_rounds_to_division() {
    let p = policy("cs-abcd-s15.toml");
    let roster = roster(
        &[
            ("cs", "客户服务部", None),
            ("ops", "运营部", None),
            ("div", "事业部管理层", None),
        ],
        &[
            ("kf", "客服人员王芳", "cs", &["cs_staff"], Some("csm")),
            ("op1", "运营部仓库主管", "ops", &["ops_sales"], None),
            ("csm", "客服经理", "cs", &["cs_manager"], Some("dm")),
            ("dm", "事业部总经理", "div", &["division_management"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 4, 2, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::Phone,
        "存放在贵司3号仓的20箱电子元器件外箱破损、部分受潮，货值4500元，要求赔偿",
    )
    .complainant(person("A类客户 某电子公司 赵总", "13800004500"))
    .customer_class(CustomerClass::A)
    .category(cat("cargo_exception"))
    .request(remedy(RemedyKind::Compensation, Some("4500"), "货值赔偿"))
    .build()
    .unwrap();
    s.register("kf", "S15-1", c).unwrap();
    accept(&mut s, "kf", minutes(t0, 5));
    // 2 working days from 2 April: 3 April, then 7 April (清明 4–6 April).
    assert!(due(&s, minutes(t0, 6)).contains(&"reply → 2026-04-08 00:00".to_owned()));
    // B: 「告知客户处理答复的期限」.
    s.ok(
        "kf",
        minutes(t0, 10),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 4, 7, 17, 0),
        },
    );
    assign(&mut s, "kf", minutes(t0, 15), "ops", "op1", &[]);
    investigate(&mut s, "op1", minutes(t0, 60));
    findings(
        &mut s,
        "op1",
        beijing(2026, 4, 3, 15, 0),
        FaultParty::Us,
        &[],
        "库顶漏雨导致外箱受潮，12箱内件受损",
    );
    propose(
        &mut s,
        "op1",
        beijing(2026, 4, 3, 16, 0),
        vec![remedy(
            RemedyKind::Compensation,
            Some("800"),
            "按入库协议赔付",
        )],
        "B: 责任部门处理",
    );
    approve(&mut s, "csm", beijing(2026, 4, 3, 17, 0));
    reply(
        &mut s,
        "kf",
        beijing(2026, 4, 7, 15, 0),
        "按入库协议赔付800元",
    );
    callback(
        &mut s,
        "kf",
        beijing(2026, 4, 7, 16, 0),
        Satisfaction::Unsatisfied,
        "客户认为远低于损失",
    );
    // C: the 客服经理 proposes measures.
    reopen(
        &mut s,
        "csm",
        beijing(2026, 4, 8, 9, 0),
        "C: 客服经理提出处理措施",
    );
    investigate(&mut s, "csm", beijing(2026, 4, 8, 9, 30));
    propose(
        &mut s,
        "csm",
        beijing(2026, 4, 8, 11, 0),
        vec![remedy(
            RemedyKind::Compensation,
            Some("1000"),
            "赔付受损12箱成本价",
        )],
        "C",
    );
    approve(&mut s, "csm", beijing(2026, 4, 8, 11, 30));
    reply(&mut s, "kf", beijing(2026, 4, 8, 14, 0), "赔付1000元");
    callback(
        &mut s,
        "kf",
        beijing(2026, 4, 8, 16, 0),
        Satisfaction::Unsatisfied,
        "客户坚持按货值赔偿",
    );
    // D: the manager negotiates again with the other departments.
    reopen(
        &mut s,
        "csm",
        beijing(2026, 4, 9, 9, 0),
        "D: 经理会同运营部、销售部再次协商",
    );
    investigate(&mut s, "csm", beijing(2026, 4, 9, 9, 30));
    propose(
        &mut s,
        "csm",
        beijing(2026, 4, 9, 15, 0),
        vec![
            remedy(RemedyKind::Compensation, Some("1000"), "赔付1000元"),
            remedy(RemedyKind::PriceAllowance, Some("0"), "免收一个月仓储费"),
        ],
        "D",
    );
    approve(&mut s, "csm", beijing(2026, 4, 9, 15, 30));
    reply(
        &mut s,
        "kf",
        beijing(2026, 4, 9, 16, 0),
        "赔付1000元并免一个月仓储费",
    );
    callback(
        &mut s,
        "kf",
        beijing(2026, 4, 10, 10, 0),
        Satisfaction::Unsatisfied,
        "如此反复仍无法满足",
    );
    // 「将此次投诉上报给事业部更高管理层」.
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "division-management")
    }));
    reopen(
        &mut s,
        "dm",
        beijing(2026, 4, 10, 14, 0),
        "E: 事业部管理层决定",
    );
    investigate(&mut s, "csm", beijing(2026, 4, 10, 14, 30));
    propose(
        &mut s,
        "csm",
        beijing(2026, 4, 10, 15, 0),
        vec![remedy(
            RemedyKind::Compensation,
            Some("4500"),
            "按货值全额赔偿",
        )],
        "管理层决定",
    );
    let refused = s.run("csm", beijing(2026, 4, 10, 15, 10), CommandKind::Approve);
    assert!(
        matches!(refused, Err(Rejection::OutOfAuthority { .. })),
        "{refused:?}"
    );
    approve(&mut s, "dm", beijing(2026, 4, 10, 15, 30));
    reply(
        &mut s,
        "kf",
        beijing(2026, 4, 10, 16, 0),
        "事业部决定按货值全额赔偿4500元",
    );
    callback(
        &mut s,
        "kf",
        beijing(2026, 4, 13, 10, 0),
        Satisfaction::VerySatisfied,
        "非常满意",
    );
    close(&mut s, "kf", beijing(2026, 4, 13, 10, 30));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s15_cs_abcd", timeline(&s.events));
}

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
    .complainant(person("委托人吴先生", "13900002026"))
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
    accept(&mut s, "zm", minutes(t0, 30));
    // 专门负责人's written opinion within 2 working days: 清明 4–6 April → 8 April.
    assert!(due(&s, minutes(t0, 31)).contains(&"written_opinion → 2026-04-09 00:00".to_owned()));
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
    assign(&mut s, "zm", beijing(2026, 4, 7, 10, 5), "lit", "p1", &[]);
    investigate(&mut s, "p1", beijing(2026, 4, 7, 14, 0));
    escalate(
        &mut s,
        "p1",
        beijing(2026, 4, 8, 9, 0),
        "涉及原则性问题，提交合伙人会议讨论，并确定是否向律师协会通报",
    );
    findings(
        &mut s,
        "p1",
        beijing(2026, 4, 10, 16, 0),
        FaultParty::Us,
        &[("lw", "1")],
        "经核实投诉属实：举证通知书送达后未按期提交证据清单",
    );
    propose(
        &mut s,
        "p1",
        beijing(2026, 4, 13, 10, 0),
        vec![
            remedy(RemedyKind::Refund, Some("15000"), "退还一半代理费"),
            remedy(
                RemedyKind::Apology,
                None,
                "书面致歉；二审由其他律师免费代理",
            ),
        ],
        "合伙人会议讨论方案",
    );
    approve(&mut s, "pm", beijing(2026, 4, 14, 17, 0));
    reply(
        &mut s,
        "zm",
        beijing(2026, 4, 15, 10, 0),
        "书面回复：退还代理费15000元，二审由其他律师免费代理",
    );
    callback(
        &mut s,
        "zm",
        beijing(2026, 4, 17, 10, 0),
        Satisfaction::Satisfied,
        "投诉人满意；被投诉律师对处理意见无异议",
    );
    close(&mut s, "zm", beijing(2026, 4, 17, 11, 0));
    note(
        &mut s,
        "ad",
        beijing(2026, 4, 17, 15, 0),
        "全部材料归档，编入2026年度案宗",
    );
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s16_law_firm", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S17 — membership cards: 3 working days across the Spring Festival; the
// sales consultant bears the loss on the February statement.
// ---------------------------------------------------------------------------
#[test]
fn s17_membership_misleading_sale_loss_borne() {
    let p = policy("membership-cards-s17.toml");
    let roster = paid_roster(
        &[
            ("front", "前台", None),
            ("sales", "会籍部", None),
            ("gmo", "总经办", None),
        ],
        &[
            (
                ("fd", "前台小杨", "front", &["receiving_dept"], Some("dmgr")),
                "1500",
            ),
            (("adv", "会籍顾问阿杰", "sales", &[], Some("dmgr")), "2000"),
            (
                (
                    "inv",
                    "会籍部主管",
                    "sales",
                    &["investigator"],
                    Some("dmgr"),
                ),
                "3000",
            ),
            (
                ("dmgr", "会籍部经理", "sales", &["dept_manager"], Some("gm")),
                "4000",
            ),
            (("gm", "总经办", "gmo", &["gm_office"], None), "0"),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 2, 12, 15, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "会籍顾问办卡时承诺两年卡6800元赠送私教10节、春节可冻结，现均不兑现；要求退一半卡费",
    )
    .complainant(person("会员林小姐", "13600006800"))
    .respondent(Respondent::staff(sid("adv")))
    .category(cat("card_sales"))
    .request(remedy(RemedyKind::Refund, Some("3400"), "退一半卡费"))
    .build()
    .unwrap();
    s.register("fd", "S17-1", c).unwrap();
    assert_eq!(level_of(&s), "complaint");
    accept(&mut s, "fd", minutes(t0, 10));
    // 3 working days: 13 February, 14 February (Saturday, 调休), then 24 February
    // after the Spring Festival (15–23 February).
    assert!(due(&s, minutes(t0, 11)).contains(&"handling → 2026-02-25 00:00".to_owned()));
    assign(&mut s, "fd", minutes(t0, 20), "sales", "inv", &[]);
    investigate(&mut s, "inv", beijing(2026, 2, 13, 10, 0));
    findings(
        &mut s,
        "inv",
        beijing(2026, 2, 13, 16, 0),
        FaultParty::Us,
        &[("adv", "1")],
        "销售类：合同无赠课及冻结条款，会籍顾问口头承诺属误导客户",
    );
    propose(
        &mut s,
        "inv",
        beijing(2026, 2, 14, 10, 0),
        vec![remedy(RemedyKind::Refund, Some("3400"), "退还一半卡费")],
        "由当事人赔偿公司损失",
    );
    approve(&mut s, "dmgr", beijing(2026, 2, 14, 11, 0));
    reply(
        &mut s,
        "fd",
        beijing(2026, 2, 24, 16, 0),
        "经核实属销售误导，退还3400元，三个工作日内到账",
    );
    callback(
        &mut s,
        "fd",
        beijing(2026, 2, 26, 10, 0),
        Satisfaction::Satisfied,
        "林小姐确认到账，征询意见：满意",
    );
    close(&mut s, "fd", beijing(2026, 2, 26, 10, 30));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s17_membership", timeline(&s.events));

    // 「由当事人进行赔偿」: the 3,400 元 loss is the consultant's; 「按公司规章制度
    // 对当事人进行处理」 (a warning, assumed). The bonus is 2,000 元, so 1,400 元
    // is carried to March.
    let result = statements(&s, "2026-02", |f| {
        f.losses.push(tousu_penalty::Loss {
            case: CaseId::new("S17-1").unwrap(),
            amount: "3400".parse().unwrap(),
            responsible: tousu_penalty::Responsible::Parties(vec![Responsibility {
                party: ResponsibleParty::Staff(sid("adv")),
                share: Decimal::ONE,
            }]),
        });
        f.sanctions.push(tousu_penalty::Sanction {
            staff: sid("adv"),
            kind: SanctionKind::Warning,
            case: Some(CaseId::new("S17-1").unwrap()),
            reason: Some("销售类: 误导客户".to_owned()),
        });
    });
    let adv = result
        .statements
        .iter()
        .find(|st| st.staff.as_str() == "adv")
        .unwrap();
    assert_eq!(adv.gross, money("3400"));
    insta::assert_snapshot!("s17_statements", tousu_penalty::render_markdown(&result));

    // 客户需求: a consultation (咨询) or suggestion is a demand by its feedback
    // kind, answered within 24 hours; 求助型 / 发泄型 by the intake's fact; a
    // complaint about the card sale stays a complaint.
    let p = &s.rt.policy;
    let t1 = beijing(2026, 2, 20, 10, 0);
    let level_for = |c: &Complaint| p.classify(&EvalInput::new(c, t1)).outcome;
    let ask = |kind: FeedbackKind| {
        Complaint::builder(t1, Channel::Phone, "年卡能否暂停两个月？")
            .kind(kind)
            .build()
            .unwrap()
    };
    assert_eq!(level_for(&ask(FeedbackKind::Inquiry)), level("demand"));
    assert_eq!(level_for(&ask(FeedbackKind::Suggestion)), level("demand"));
    assert_eq!(level_for(&ask(FeedbackKind::Complaint)), level("complaint"));
    let venting = Complaint::builder(t1, Channel::Visit, "更衣室太挤，就是想说一说")
        .fact(fact("demand_type"), FactValue::Text("发泄型".to_owned()))
        .build()
        .unwrap();
    assert_eq!(level_for(&venting), level("demand"));
}

// ---------------------------------------------------------------------------
// S18 — Chengdu water: a holiday complaint from the official account, phoned
// within 24 hours.
// ---------------------------------------------------------------------------
#[test]
fn s18_water_phone_reply_within_24_hours_on_labour_day() {
    let p = policy("water-chengdu-s18.toml");
    let roster = roster(
        &[
            ("cs", "客服中心", None),
            ("pipe", "管网所", None),
            ("lab", "水质检测中心", None),
            ("lead", "公司领导", None),
        ],
        &[
            ("kf", "客服受理员", "cs", &["cs_intake"], None),
            (
                "gw1",
                "管网所班长",
                "pipe",
                &["responsible_dept"],
                Some("zg"),
            ),
            ("zg", "管网所主管领导", "pipe", &["dept_leader"], Some("cl")),
            ("cl", "分管副总", "lead", &["company_leader"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2026, 5, 1, 8, 30);
    let c = Complaint::builder(
        t0,
        Channel::OfficialAccount,
        "小区3栋自来水发黄、有铁锈味，早上水压也很低，家里老人孩子不敢喝",
    )
    .complainant(person("居民冯女士（高新区某小区3栋）", "13880000003"))
    .category(cat("water_quality"))
    .collective_count(3)
    .build()
    .unwrap();
    s.register("kf", "S18-1", c).unwrap();
    accept(&mut s, "kf", minutes(t0, 10));
    assign(&mut s, "kf", minutes(t0, 30), "pipe", "gw1", &["lab"]);
    // 24 hours is a plain clock, holiday or not: 09:00 on 2 May.
    assert!(due(&s, minutes(t0, 31)).contains(&"phone_reply → 2026-05-02 09:00".to_owned()));
    // 5 working days for the result: 6, 7, 8, 9 (Saturday, 调休) and 11 May.
    assert!(due(&s, minutes(t0, 31)).contains(&"result → 2026-05-12 00:00".to_owned()));
    investigate(&mut s, "gw1", beijing(2026, 5, 1, 10, 30));
    note(
        &mut s,
        "gw1",
        beijing(2026, 5, 1, 10, 35),
        "已电话答复客户：今日下午排放冲洗，临时送桶装水",
    );
    findings(
        &mut s,
        "gw1",
        beijing(2026, 5, 1, 16, 0),
        FaultParty::Us,
        &[],
        "上游管网改造后未彻底冲洗；水质检测浊度超标，冲洗后复检合格",
    );
    propose(
        &mut s,
        "gw1",
        beijing(2026, 5, 1, 17, 0),
        vec![
            remedy(RemedyKind::Repair, None, "管段冲洗并复检"),
            remedy(
                RemedyKind::PriceAllowance,
                Some("90"),
                "三户各减免当月水费30元",
            ),
        ],
        "纠正预防: 管网改造后冲洗复检纳入验收",
    );
    approve(&mut s, "zg", beijing(2026, 5, 1, 18, 0));
    reply(
        &mut s,
        "kf",
        beijing(2026, 5, 2, 11, 0),
        "冲洗后复检合格，当月水费每户减免30元",
    );
    callback(
        &mut s,
        "kf",
        beijing(2026, 5, 6, 10, 0),
        Satisfaction::Satisfied,
        "客户满意；问题归类: 水质",
    );
    close(&mut s, "kf", beijing(2026, 5, 6, 10, 10));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s18_water", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S19 — service recovery: spoiled food handled at the table.
// ---------------------------------------------------------------------------
#[test]
fn s19_service_recovery_at_the_table() {
    let p = policy("service-recovery-s19.toml");
    let roster = roster(
        &[("rest", "餐厅", None)],
        &[
            ("w", "服务员小何", "rest", &["server"], Some("fm")),
            ("fm", "当班经理", "rest", &["floor_manager"], None),
        ],
    );
    // After service the remedy is announced within 24 hours (assumed).
    let mut later = Scenario::new(p.clone(), roster.clone());
    let t1 = beijing(2025, 7, 20, 9, 0);
    later
        .register(
            "w",
            "S19-2",
            Complaint::builder(t1, Channel::Phone, "昨晚用餐后腹泻，怀疑海鲜不新鲜")
                .category(cat("after_service"))
                .build()
                .unwrap(),
        )
        .unwrap();
    assert!(due(&later, t1).contains(&"remedy → 2025-07-21 09:00".to_owned()));

    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 7, 19, 19, 30);
    let c = Complaint::builder(t0, Channel::Visit, "刚上的海鲜粥有明显异味")
        .complainant(person("12号桌客人", "13700001212"))
        .category(cat("spoiled_food"))
        .build()
        .unwrap();
    s.register("w", "S19-1", c).unwrap();
    accept(&mut s, "w", minutes(t0, 1));
    assign(&mut s, "w", minutes(t0, 1), "rest", "w", &[]);
    investigate(&mut s, "w", minutes(t0, 2));
    note(
        &mut s,
        "w",
        minutes(t0, 2),
        "当客人面撤下海鲜粥处理掉；已告知当班其他服务人员共同关注12号桌",
    );
    // 「迅速行动」: the remedy within 10 minutes (assumed).
    propose(
        &mut s,
        "w",
        minutes(t0, 6),
        vec![
            remedy(RemedyKind::Apology, None, "承认错误，不辩解"),
            remedy(RemedyKind::Replacement, None, "重新制作一份"),
            remedy(RemedyKind::PriceAllowance, Some("88"), "海鲜粥免单"),
            remedy(RemedyKind::Gift, None, "赠送果盘及纪念品"),
        ],
        "协商经济补偿方法",
    );
    approve(&mut s, "fm", minutes(t0, 8));
    reply(
        &mut s,
        "fm",
        minutes(t0, 9),
        "经理致歉：粥已重做，免单88元，赠果盘",
    );
    callback(
        &mut s,
        "w",
        minutes(t0, 60),
        Satisfaction::Satisfied,
        "离店前再次致歉，客人满意",
    );
    close(&mut s, "w", minutes(t0, 61));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s19_service_recovery", timeline(&s.events));
}

// ---------------------------------------------------------------------------
// S20 — property training: an agreed phone-reply time missed, the superior
// takes over.
// ---------------------------------------------------------------------------
#[test]
fn s20_property_agreed_reply_missed_then_superior() {
    let p = policy("property-training-s20.toml");
    let roster = roster(
        &[
            ("cs", "客服中心", None),
            ("eng", "工程部", None),
            ("mgmt", "管理处", None),
        ],
        &[
            ("kf", "客服员小蒋", "cs", &["cs_staff"], Some("sup")),
            ("eng1", "工程部巡查员", "eng", &["dept_staff"], None),
            ("sup", "客服主管", "cs", &["supervisor"], Some("sd")),
            ("sd", "管理处经理", "mgmt", &["superior_dept"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 12, 30, 20, 0);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "楼上1502装修连续三晚十点后还在电钻施工，孩子无法休息",
    )
    .complainant(person("业主邓先生（1402）", "13500001402"))
    .category(cat("neighbourhood"))
    .attachment(AttachmentRef {
        id: AttachmentId::new("opinion-1230").unwrap(),
        name: "业主填写的客户意见表.pdf".to_owned(),
        media_type: Some("application/pdf".to_owned()),
        sha256: None,
    })
    .build()
    .unwrap();
    s.register("kf", "S20-1", c).unwrap();
    accept(&mut s, "kf", minutes(t0, 5));
    assign(&mut s, "kf", minutes(t0, 10), "cs", "kf", &["eng"]);
    investigate(&mut s, "eng1", minutes(t0, 15));
    findings(
        &mut s,
        "eng1",
        minutes(t0, 40),
        FaultParty::ThirdParty,
        &[],
        "现场核实属实：1502装修工人夜间施工",
    );
    // 「与业主约定时间 … 限时进行电话回复」.
    s.ok(
        "kf",
        minutes(t0, 45),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 12, 31, 12, 0),
        },
    );
    s.tick(beijing(2025, 12, 31, 13, 0));
    // 6: the owner calls again, unsatisfied → 交上级处理.
    escalate(
        &mut s,
        "kf",
        beijing(2025, 12, 31, 13, 10),
        "约定回复时间已过，业主不满，交上级处理",
    );
    propose(
        &mut s,
        "sup",
        beijing(2025, 12, 31, 14, 0),
        vec![remedy(
            RemedyKind::Explanation,
            None,
            "向1502下达整改通知：施工时间限8:00–12:00、14:00–18:00",
        )],
        "主管处理",
    );
    approve(&mut s, "sup", beijing(2025, 12, 31, 14, 10));
    reply(
        &mut s,
        "sup",
        beijing(2025, 12, 31, 15, 0),
        "已书面通知1502按规定时间施工，秩序维护部夜间巡查",
    );
    callback(
        &mut s,
        "kf",
        beijing(2026, 1, 4, 10, 0),
        Satisfaction::Satisfied,
        "回访：夜间已无施工；投诉归类: 邻里纠纷/装修扰民",
    );
    close(&mut s, "kf", beijing(2026, 1, 4, 10, 5));
    assert_eq!(breached(&s), vec!["agreed_deadline@1".to_owned()]);
    s.assert_replays();
    insta::assert_snapshot!("s20_property_training", timeline(&s.events));
}

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
        .complainant(person("业主蒋先生（5栋1801）", "13951100000"))
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
    accept(&mut s, "io", beijing(2025, 7, 9, 10, 0));
    // 30 days from 9 July end on 8 August (assumed limits); 60 days end on
    // Sunday 7 September → the end of Monday 8 September.
    let d = due(&s, beijing(2025, 7, 9, 10, 1));
    assert!(
        d.contains(&"investigation → 2025-08-09 00:00".to_owned()),
        "{d:?}"
    );
    assert!(d.contains(&"result → 2025-09-09 00:00".to_owned()), "{d:?}");
    assign(
        &mut s,
        "io",
        beijing(2025, 7, 9, 10, 30),
        "station",
        "ins",
        &[],
    );
    investigate(&mut s, "ins", beijing(2025, 7, 15, 9, 0));
    findings(
        &mut s,
        "ins",
        beijing(2025, 7, 15, 16, 0),
        FaultParty::ThirdParty,
        &[],
        "调查核实：屋面卷材搭接不足、女儿墙泛水高度不够，属施工质量缺陷；开发商以保修人员不足为由拖延",
    );
    propose(
        &mut s,
        "ins",
        beijing(2025, 7, 16, 10, 0),
        vec![remedy(
            RemedyKind::Repair,
            None,
            "责成施工单位限期修复屋面防水并修复室内吊顶",
        )],
        "调解: 室内吊顶修复费用由施工单位承担",
    );
    approve(&mut s, "sh", beijing(2025, 7, 16, 15, 0));
    // 限期修复: the deadline is agreed per case.
    s.ok(
        "ins",
        beijing(2025, 7, 16, 16, 0),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2025, 8, 15, 18, 0),
        },
    );
    reply(
        &mut s,
        "io",
        beijing(2025, 8, 14, 10, 0),
        "屋面防水已重做并经闭水试验合格，室内吊顶已修复",
    );
    callback(
        &mut s,
        "io",
        beijing(2025, 8, 20, 10, 0),
        Satisfaction::Satisfied,
        "雨后回访无渗漏",
    );
    escalate(
        &mut s,
        "sh",
        beijing(2025, 8, 20, 15, 0),
        "向上级有关部门反馈批转投诉事项的处理情况",
    );
    close(&mut s, "io", beijing(2025, 8, 20, 16, 0));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s21_construction", timeline(&s.events));
}

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
    .complainant(person("学生宿舍412 小林（辅导员已知悉）", "13900000412"))
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
    accept(&mut s, "duty", minutes(t0, 2));
    assign(&mut s, "duty", minutes(t0, 5), "repair", "rep", &[]);
    escalate(
        &mut s,
        "duty",
        minutes(t0, 8),
        "突发事件，迅速上报服务中心项目经理",
    );
    investigate(&mut s, "rep", minutes(t0, 20));
    findings(
        &mut s,
        "rep",
        beijing(2026, 1, 1, 1, 30),
        FaultParty::Us,
        &[],
        "热水器进水阀老化破裂，插线板无漏电保护",
    );
    propose(
        &mut s,
        "rep",
        beijing(2026, 1, 1, 2, 0),
        vec![remedy(
            RemedyKind::Repair,
            None,
            "更换进水阀、加装漏电保护插座",
        )],
        "维修完毕",
    );
    approve(&mut s, "sup", beijing(2026, 1, 1, 2, 10));
    reply(
        &mut s,
        "rep",
        beijing(2026, 1, 1, 2, 30),
        "已修复并恢复供电",
    );
    // 回访 within 2 days (assumed) over 元旦: the centre works every day.
    assert!(
        due(&s, beijing(2026, 1, 1, 2, 31)).contains(&"callback → 2026-01-04 00:00".to_owned())
    );
    callback(
        &mut s,
        "rec",
        beijing(2026, 1, 2, 10, 0),
        Satisfaction::Satisfied,
        "回访记录：学生满意；纳入本周汇总统计",
    );
    note(
        &mut s,
        "sup",
        beijing(2026, 1, 2, 15, 0),
        "主管巡查，对重大投诉事件进行回访：3号楼热水器统一排查",
    );
    close(&mut s, "rec", beijing(2026, 1, 2, 15, 30));
    assert!(breached(&s).is_empty(), "{:?}", breached(&s));
    s.assert_replays();
    insta::assert_snapshot!("s22_campus", timeline(&s.events));
}
