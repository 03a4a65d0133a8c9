//! The schedule options of issue 13 item 8, computed by hand: overtime fines
//! per milestone (S32's 30 元 dispatch fine), custom non-monetary sanctions
//! (S30's 责令下机学习), sanctions brought by a violation (S41 5.6.4) and fines
//! scaled by the loss (S44 罚则 1, S40's 10 % of the claim).

mod support;

use support::*;
use tousu_model::SanctionKind;
use tousu_penalty::{PenaltyError, compute_statements, render_markdown};

fn rules(r: &tousu_penalty::PeriodResult, staff: &str) -> Vec<(String, String)> {
    of(r, staff)
        .lines
        .iter()
        .map(|l| (l.rule.to_string(), l.amount.to_plain_string()))
        .collect()
}

/// The milestone's own fine replaces the level table's for its breaches,
/// level by level, then by its one `amount`; other milestones keep the
/// level table, and the rule id says which fired.
#[test]
fn overtime_by_milestone_replaces_the_level_table_for_that_milestone() {
    let s = schedule(
        r#"
        [overtime]
        general = "10"
        major = "20"
        [overtime_by_milestone.dispatch]
        amount = "30"
        [overtime_by_milestone.report]
        levels = { major = "80" }
        "#,
    );
    let f = facts(
        r#"{"period": "2025-10", "breaches": [
        {"case": "C1", "milestone": "dispatch", "level": "general", "owner": "disp-1", "at": "2025-10-09T02:40:00Z"},
        {"case": "C2", "milestone": "dispatch", "level": "major", "owner": "disp-1", "at": "2025-10-09T03:40:00Z"},
        {"case": "C3", "milestone": "report", "level": "major", "owner": "cs-1", "at": "2025-10-10T03:00:00Z"},
        {"case": "C4", "milestone": "report", "level": "general", "owner": "cs-1", "at": "2025-10-11T03:00:00Z"},
        {"case": "C5", "milestone": "reply", "level": "major", "owner": "cs-1", "at": "2025-10-12T03:00:00Z"}
    ]}"#,
    );
    let r = compute_statements(&s, &roster(ROSTER), &f, None).unwrap();
    assert_eq!(
        rules(&r, "disp-1"),
        [
            ("overtime.dispatch.general".to_owned(), "30.00".to_owned()),
            ("overtime.dispatch.major".to_owned(), "30.00".to_owned())
        ]
    );
    assert_eq!(
        rules(&r, "cs-1"),
        [
            ("overtime.report.major".to_owned(), "80.00".to_owned()),
            // No amount for general in the report's entry: the level table.
            ("overtime.general".to_owned(), "10.00".to_owned()),
            ("overtime.major".to_owned(), "20.00".to_owned())
        ]
    );
    let line = &of(&r, "disp-1").lines[0];
    assert_eq!(
        line.explanation_zh(),
        "案件 C1 里程碑 dispatch 第1轮超时（级别 general），该时限超时扣罚 30.00 元"
    );
    assert_eq!(
        line.explanation_en(),
        "Case C1: milestone dispatch breached in round 1 (level general); this milestone's overtime fine ¥30.00"
    );
}

/// A schedule with only a milestone's own fine fines that milestone and
/// refuses a breach of another at a level it has no fine for.
#[test]
fn a_milestone_table_alone_fines_its_milestone_and_no_other() {
    let s = schedule(
        r#"
        [overtime_by_milestone.dispatch]
        amount = "30"
        "#,
    );
    let ok = facts(
        r#"{"period": "2025-10", "breaches": [
        {"case": "C1", "milestone": "dispatch", "level": "一般", "owner": "disp-1", "at": "2025-10-09T02:40:00Z"}
    ]}"#,
    );
    let r = compute_statements(&s, &roster(ROSTER), &ok, None).unwrap();
    assert_eq!(of(&r, "disp-1").gross, m("30"));
    let other = facts(
        r#"{"period": "2025-10", "breaches": [
        {"case": "C1", "milestone": "callback", "level": "一般", "owner": "disp-1", "at": "2025-10-09T02:40:00Z"}
    ]}"#,
    );
    // No overtime table at all and no entry for this milestone: not fined.
    let r = compute_statements(&s, &roster(ROSTER), &other, None).unwrap();
    assert!(r.statements.is_empty());
}

/// A level the milestone's entry lacks, with a level table that lacks it
/// too, is an error naming the breach, not a free pass.
#[test]
fn a_level_neither_table_prices_is_an_error() {
    let s = schedule(
        r#"
        [overtime]
        general = "10"
        [overtime_by_milestone.report]
        levels = { major = "80" }
        "#,
    );
    let f = facts(
        r#"{"period": "2025-10", "breaches": [
        {"case": "C1", "milestone": "reply", "level": "major", "owner": "cs-1", "at": "2025-10-09T02:40:00Z"}
    ]}"#,
    );
    let err = compute_statements(&s, &roster(ROSTER), &f, None).unwrap_err();
    assert!(
        matches!(&err, PenaltyError::UnknownLevel { path, .. } if path == "breaches[0].level"),
        "{err}"
    );
}

/// S30 四: 「责令下机一旦发现未及时提交工单的情况,…学习」 (two of the source's
/// lines run together; read: 一旦发现未及时提交工单的情况,责令下机学习) — a
/// violation that brings a custom sanction of the schedule's own, with no money.
#[test]
fn a_violation_brings_a_custom_sanction() {
    let s = schedule(
        r#"
        [custom_sanctions.off_line_training]
        name_zh = "责令下机学习"
        name_en = "taken off the line for retraining"
        [violations.work_order_not_submitted]
        description_zh = "未及时提交工单"
        description_en = "work order not submitted in time"
        outcomes = ["off_line_training"]
        "#,
    );
    let f = facts(
        r#"{"period": "2025-12", "violations": [
        {"rule": "work_order_not_submitted", "case": "ZD-9", "responsible": "cs-1"}
    ]}"#,
    );
    let r = compute_statements(&s, &roster(ROSTER), &f, None).unwrap();
    let st = of(&r, "cs-1");
    assert!(st.lines.is_empty());
    assert_eq!(st.gross, m("0"));
    assert_eq!(st.custom_outcomes.len(), 1);
    let o = &st.custom_outcomes[0];
    assert_eq!(o.sanction.as_str(), "off_line_training");
    assert_eq!(o.rule, "violation.work_order_not_submitted");
    assert_eq!(
        o.explanation_zh,
        "未及时提交工单（案件 ZD-9）：责令下机学习"
    );
    assert_eq!(
        o.explanation_en,
        "work order not submitted in time (case ZD-9): taken off the line for retraining"
    );
    assert_eq!(r.summary.outcomes, 1);
    let md = render_markdown(&r);
    assert!(
        md.contains("- 责令下机学习 `off_line_training` (violation.work_order_not_submitted): 未及时提交工单（案件 ZD-9）：责令下机学习"),
        "{md}"
    );
    // Older statements (without custom outcomes) read and write as before.
    let json = serde_json::to_string(&r).unwrap();
    let back: tousu_penalty::PeriodResult = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

/// An outcome that names no custom sanction is refused with its path.
#[test]
fn an_unknown_custom_sanction_is_refused_with_its_path() {
    let s = schedule(
        r#"
        [violations.late]
        description_zh = "未及时提交工单"
        outcomes = ["retraining"]
        "#,
    );
    let f = facts(r#"{"period": "2025-12"}"#);
    let err = compute_statements(&s, &roster(ROSTER), &f, None).unwrap_err();
    let PenaltyError::InvalidSchedule { problems } = err else {
        panic!("{err}");
    };
    assert_eq!(problems[0].path, "penalties.violations.late.outcomes[0]");
    assert!(
        problems[0].message.contains("custom_sanctions"),
        "{problems:?}"
    );
}

/// S41 5.6.4: 「以上一经查觉属实者,即依情节轻重予以行政处分」 — the sanction a
/// violation brings is chosen by severity among those its row admits; the
/// outcome names the trigger, the value is charged as any sanction's.
#[test]
fn a_sanction_cites_the_violation_that_brought_it() {
    let s = schedule(
        r#"
        [sanctions]
        values = { warning = "50", minor_demerit = "100" }
        [violations."5.6.4.9"]
        description_zh = "交货延迟"
        sanctions = ["warning", "minor_demerit"]
        "#,
    );
    let f = facts(
        r#"{"period": "2025-11", "sanctions": [
        {"staff": "p2", "kind": "minor_demerit", "case": "WH-2", "violation": "5.6.4.9", "reason": "延迟两周"}
    ]}"#,
    );
    let r = compute_statements(&s, &roster(ROSTER), &f, None).unwrap();
    let st = of(&r, "p2");
    assert_eq!(
        rules(&r, "p2"),
        [("sanction.minor_demerit".to_owned(), "100.00".to_owned())]
    );
    assert_eq!(st.outcomes[0].kind, SanctionKind::MinorDemerit);
    assert_eq!(
        st.outcomes[0].explanation_zh(),
        "小过一次（案件 WH-2）：违反 5.6.4.9 交货延迟；延迟两周"
    );
    assert_eq!(
        st.outcomes[0].explanation_en(),
        "minor demerit (case WH-2): violation 5.6.4.9; 延迟两周"
    );

    // A major demerit is not among the sanctions 5.6.4.9 admits.
    let too_much = facts(
        r#"{"period": "2025-11", "sanctions": [
        {"staff": "p2", "kind": "major_demerit", "violation": "5.6.4.9"}
    ]}"#,
    );
    let err = compute_statements(&s, &roster(ROSTER), &too_much, None).unwrap_err();
    assert!(
        matches!(&err, PenaltyError::InvalidFact { path, message }
            if path == "sanctions[0].kind" && message.contains("warning, minor_demerit")),
        "{err}"
    );
    // A violation the table does not have.
    let unknown = facts(
        r#"{"period": "2025-11", "sanctions": [
        {"staff": "p2", "kind": "warning", "violation": "5.6.4.99"}
    ]}"#,
    );
    let err = compute_statements(&s, &roster(ROSTER), &unknown, None).unwrap_err();
    assert!(
        matches!(&err, PenaltyError::UnknownViolation { path, .. } if path == "sanctions[0].violation"),
        "{err}"
    );
}

const SCALED: &str = r#"
rounding = "half_up"
[losses]
scaled = { percent = "10", min = "50", max = "2000", description_zh = "依照投诉所造成的损失大小" }
"#;

/// A fine scaled by the loss: 10 % rounded half-up to the fen, raised to the
/// minimum, lowered to the maximum, never above the loss; split as the loss
/// would be, exact to the fen.
#[test]
fn a_fine_scaled_by_the_loss_within_bounds() {
    let f = facts(
        r#"{"period": "2025-10", "losses": [
        {"case": "A", "amount": "1234.55", "responsible": {"parties": [{"staff": "cs-1", "share": "60%"}, {"staff": "cs-mgr", "share": "40%"}]}},
        {"case": "B", "amount": "300", "responsible": {"parties": [{"staff": "cs-2", "share": "1"}]}},
        {"case": "C", "amount": "50000", "responsible": {"parties": [{"staff": "cs-2", "share": "1"}]}},
        {"case": "D", "amount": "20", "responsible": {"parties": [{"staff": "disp-1", "share": "1"}]}}
    ]}"#,
    );
    let r = compute_statements(&schedule(SCALED), &roster(ROSTER), &f, None).unwrap();
    // A: 10 % of 1234.55 = 123.455 → 123.46, split 60/40 → 74.08 / 49.38
    // (quotas 74.076 and 49.384: the left fen goes to the larger remainder).
    assert_eq!(
        rules(&r, "cs-1"),
        [("loss_fine.A".to_owned(), "74.08".to_owned())]
    );
    assert_eq!(
        rules(&r, "cs-mgr"),
        [("loss_fine.A".to_owned(), "49.38".to_owned())]
    );
    // B: 30 → the minimum 50; C: 5000 → the maximum 2000.
    assert_eq!(
        rules(&r, "cs-2"),
        [
            ("loss_fine.B".to_owned(), "50.00".to_owned()),
            ("loss_fine.C".to_owned(), "2000.00".to_owned())
        ]
    );
    // D: 2 → the minimum 50 → never more than the loss, 20.
    assert_eq!(of(&r, "disp-1").gross, m("20"));
    let a = &of(&r, "cs-1").lines[0];
    assert_eq!(
        a.explanation_zh(),
        "案件 A 损失 1234.55 元，按损失 10% 计罚（依照投诉所造成的损失大小） 123.46 元，按责任比例 60/100 分摊 74.08 元"
    );
    let c = &of(&r, "cs-2").lines[1];
    assert!(
        c.explanation_en().starts_with(
            "Case C: loss ¥50000.00; fine 10% of the loss, lowered to the maximum: ¥2000.00"
        ),
        "{}",
        c.explanation_en()
    );
}

/// The scale's bounds and percent are validated with their paths.
#[test]
fn a_scale_out_of_range_is_refused_with_its_path() {
    let s = schedule(
        r#"
        [losses]
        scaled = { percent = "120", min = "500", max = "100" }
        "#,
    );
    let paths: Vec<String> = s.validate(&[]).into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "penalties.losses.scaled.percent",
            "penalties.losses.scaled.min"
        ]
    );
}

/// `losses.departments` (ruling 127): a department whose staff hold a listed
/// role bears its loss by that rule — equally, or not as money (refused,
/// naming the fact and the rule) — and the others by `department_split`;
/// a loss no unit within it was found for (`unattributed_within`) is not the
/// department's and follows `unattributed`. Computed by hand: 1,000 元 over
/// the sales staff's 8 and 2 points is 800 and 200; equally over two, 500 each.
#[test]
fn department_rules_split_some_departments_otherwise_or_refuse_their_loss() {
    let staff = roster(
        r#"{
      "departments": [
        {"id": "hq", "name": "总经办"},
        {"id": "yw", "name": "业务科", "parent": "hq"},
        {"id": "sc", "name": "生产部", "parent": "hq"},
        {"id": "qc", "name": "品质科", "parent": "hq"}
      ],
      "staff": [
        {"id": "b1", "name": "詹业务", "department": "yw", "roles": ["business_section"], "base_points": "8", "monthly_bonus": "1500"},
        {"id": "b2", "name": "助理", "department": "yw", "roles": ["business_section"], "base_points": "2", "monthly_bonus": "1500"},
        {"id": "p1", "name": "组长", "department": "sc", "roles": ["production"], "base_points": "3", "monthly_bonus": "2000"},
        {"id": "p2", "name": "焊工", "department": "sc", "base_points": "2", "monthly_bonus": "2000"},
        {"id": "q1", "name": "植工", "department": "qc", "roles": ["quality"], "base_points": "9", "monthly_bonus": "2000"},
        {"id": "q2", "name": "检验", "department": "qc", "roles": ["quality"], "base_points": "1", "monthly_bonus": "2000"}
      ]
    }"#,
    );
    let s = schedule(
        r#"
        [losses]
        department_split = "base_points"
        unattributed = "whole_team_by_base_points"
        [[losses.departments]]
        roles = ["production"]
        split = "not_money"
        note = "5.9.5.1"
        [[losses.departments]]
        roles = ["quality"]
        split = "equal"
        "#,
    );
    let loss = |responsible: &str| {
        facts(&format!(
            r#"{{"period": "2025-11", "losses": [{{"case": "C1", "amount": "1000", "responsible": {responsible}}}]}}"#
        ))
    };
    let gross = |r: &tousu_penalty::PeriodResult, id: &str| of(r, id).gross.to_plain_string();
    let r = compute_statements(&s, &staff, &loss(r#"{"department": "yw"}"#), None).unwrap();
    assert_eq!(
        (gross(&r, "b1"), gross(&r, "b2")),
        ("800.00".into(), "200.00".into())
    );
    let r = compute_statements(&s, &staff, &loss(r#"{"department": "qc"}"#), None).unwrap();
    assert_eq!(
        (gross(&r, "q1"), gross(&r, "q2")),
        ("500.00".into(), "500.00".into())
    );
    // One member holding the role is enough (p2 holds none).
    let err = compute_statements(&s, &staff, &loss(r#"{"department": "sc"}"#), None).unwrap_err();
    assert!(
        matches!(&err, PenaltyError::InvalidFact { path, message }
            if path == "losses[0].responsible.department"
                && message.contains("penalties.losses.departments[0], 5.9.5.1")),
        "{err}"
    );
    let shared =
        r#"{"parties": [{"department": "yw", "share": "1"}, {"department": "sc", "share": "1"}]}"#;
    let err = compute_statements(&s, &staff, &loss(shared), None).unwrap_err();
    assert!(
        matches!(&err, PenaltyError::InvalidFact { path, .. }
            if path == "losses[0].responsible.parties[1].department"),
        "{err}"
    );
    // The workshop's loss no unit was found for is money, by base points.
    let r =
        compute_statements(&s, &staff, &loss(r#"{"unattributed_within": "sc"}"#), None).unwrap();
    assert_eq!(
        (gross(&r, "p1"), gross(&r, "p2")),
        ("600.00".into(), "400.00".into())
    );
    // The whole company holds a production member: its own loss is refused too
    // (the first rule a member matches decides).
    assert!(compute_statements(&s, &staff, &loss(r#"{"department": "hq"}"#), None).is_err());
}
