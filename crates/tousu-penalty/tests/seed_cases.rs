//! Hand-computed cases from the seed regulations: S12 overtime fines, the S32
//! violation table, S41's base-point split, 50 % cap carried over three
//! months and two major demerits, and S43's complaint-count ladder.

mod support;

use support::*;
use tousu_model::{Money, SanctionKind};
use tousu_penalty::{CarryOver, Month, compute_statements};

fn amounts(r: &tousu_penalty::PeriodResult, staff: &str) -> Vec<(String, String)> {
    of(r, staff)
        .lines
        .iter()
        .map(|l| (l.rule.to_string(), l.amount.to_plain_string()))
        .collect()
}

#[test]
fn s12_overtime_fine_per_breached_milestone_per_round() {
    let roster = roster(ROSTER);
    let f = facts(
        r#"{"period": "2025-10", "breaches": [
        {"case": "C1", "milestone": "first_response", "round": 1, "level": "不满意", "owner": "cs-1", "at": "2025-10-09T02:40:00Z"},
        {"case": "C1", "milestone": "second_response", "round": 1, "level": "不满意", "owner": "cs-1", "at": "2025-10-10T03:00:00Z"},
        {"case": "C1", "milestone": "first_response", "round": 2, "level": "不满意", "owner": "cs-1", "at": "2025-10-12T03:00:00Z"},
        {"case": "C1", "milestone": "first_response", "round": 1, "level": "不满意", "owner": "cs-1", "at": "2025-10-09T02:40:00Z"},
        {"case": "C2", "milestone": "first_response", "level": "危机事件", "owner": "cs-2", "at": "2025-10-15T01:00:00Z"},
        {"case": "C3", "milestone": "first_response", "level": "重大投诉", "owner": "cs-2", "at": "2025-10-16T01:00:00Z"},
        {"case": "C4", "milestone": "second_response", "level": "十分不满意", "owner": "cs-2", "at": "2025-10-17T01:00:00Z"}
    ]}"#,
    );
    let r = compute_statements(&schedule(S12), &roster, &f, None).unwrap();
    // The duplicate delivery of the first breach is not charged twice.
    assert_eq!(of(&r, "cs-1").gross, m("60"));
    assert_eq!(of(&r, "cs-1").lines.len(), 3);
    assert_eq!(of(&r, "cs-2").gross, m("160")); // 80 + 50 + 30
    assert_eq!(
        amounts(&r, "cs-2"),
        [
            ("overtime.危机事件".to_owned(), "80.00".to_owned()),
            ("overtime.重大投诉".to_owned(), "50.00".to_owned()),
            ("overtime.十分不满意".to_owned(), "30.00".to_owned())
        ]
    );
    let l = &of(&r, "cs-2").lines[0];
    assert_eq!(
        l.explanation_zh(),
        "案件 C2 里程碑 first_response 第1轮超时（级别 危机事件），超时扣罚 80.00 元"
    );
    assert_eq!(
        l.explanation_en(),
        "Case C2: milestone first_response breached in round 1 (level 危机事件); overtime fine ¥80.00"
    );

    // With the policy's names, the Chinese text says them as the regulation
    // does; the English text keeps the ids.
    let mut named = f.clone();
    named
        .names
        .milestones
        .insert("first_response".parse().unwrap(), "初次对应".to_owned());
    named
        .names
        .levels
        .insert("危机事件".parse().unwrap(), "危机事件（一级）".to_owned());
    let r = compute_statements(&schedule(S12), &roster, &named, None).unwrap();
    let l = &of(&r, "cs-2").lines[0];
    assert_eq!(
        l.explanation_zh(),
        "案件 C2「初次对应」第1轮超时（投诉级别：危机事件（一级）），超时扣罚 80.00 元"
    );
    assert_eq!(
        l.explanation_en(),
        "Case C2: milestone first_response breached in round 1 (level 危机事件); overtime fine ¥80.00"
    );

    // Only the milestones the schedule names are fined: second_response alone
    // leaves cs-1 one 20 元 line and cs-2 the 30 元 one.
    let second_only = schedule(&format!(
        "overtime_milestones = [\"second_response\"]\n{S12}"
    ));
    let r = compute_statements(&second_only, &roster, &f, None).unwrap();
    assert_eq!(of(&r, "cs-1").gross, m("20"));
    assert_eq!(of(&r, "cs-2").gross, m("30"));

    // No overtime table: breaches carry no fine and are not an error.
    let none = schedule("");
    assert!(
        compute_statements(&none, &roster, &f, None)
            .unwrap()
            .statements
            .is_empty()
    );

    // Once per case: C1 is charged once, for its earliest breach.
    let once = schedule(&format!("overtime_charge = \"once_per_case\"\n{S12}"));
    let r = compute_statements(&once, &roster, &f, None).unwrap();
    assert_eq!(of(&r, "cs-1").gross, m("20"));
    assert_eq!(of(&r, "cs-2").gross, m("160"));
}

#[test]
fn s32_violation_table_for_responsible_and_supervisor() {
    let roster = roster(ROSTER);
    let f = facts(
        r#"{"period": "2025-10", "violations": [
        {"rule": "caused_complaint", "case": "C7", "responsible": "disp-1"},
        {"rule": "record_incomplete", "case": "C7", "responsible": "disp-1", "items": 3},
        {"rule": "ignored_repeat", "case": "C8", "responsible": "cs-1", "supervisor": "disp-lead"},
        {"rule": "review_late", "responsible": "disp-lead"},
        {"rule": "reception_etiquette", "responsible": "cs-2"}
    ]}"#,
    );
    let r = compute_statements(&schedule(S32), &roster, &f, None).unwrap();
    // disp-1: 50 (caused a complaint) + 30 × 3 items = 140.
    assert_eq!(
        amounts(&r, "disp-1"),
        [
            ("violation.caused_complaint".to_owned(), "50.00".to_owned()),
            ("violation.record_incomplete".to_owned(), "90.00".to_owned())
        ]
    );
    // disp-lead: 20 as disp-1's roster supervisor, 50 as named 调度主管 of C8, 50 for the late review.
    assert_eq!(of(&r, "disp-lead").gross, m("120"));
    assert_eq!(of(&r, "cs-1").gross, m("100"));
    assert_eq!(of(&r, "cs-2").gross, m("20"));
    // cs-mgr is cs-1's roster supervisor but the fact named disp-lead.
    assert!(r.statements.iter().all(|s| s.staff.as_str() != "cs-mgr"));
    let per_item = &of(&r, "disp-1").lines[1];
    assert_eq!(
        per_item.explanation_zh(),
        "投诉记录漏项、不准确、不详细（案件 C7）：责任人罚款 90.00 元（30.00 元 × 3 项）"
    );
    let sup = of(&r, "disp-lead")
        .lines
        .iter()
        .find(|l| &*l.rule == "violation.caused_complaint.supervisor")
        .unwrap();
    assert_eq!(
        sup.explanation_en(),
        "Reception not to standard, causing a complaint (case C7): supervisor's fine for 吴三 (disp-1) ¥20.00"
    );
}

#[test]
fn s41_base_point_split_and_cap_carried_over_three_months() {
    let roster = roster(ROSTER);
    let s41 = schedule(S41);
    // October: a loss of 5000 attributed to 生产部 (points 3 + 2 + 5 = 10).
    let oct = facts(
        r#"{"period": "2025-10", "losses": [
        {"case": "C41", "amount": "5000.00", "responsible": {"department": "prod"}}
    ]}"#,
    );
    let r1 = compute_statements(&s41, &roster, &oct, None).unwrap();
    let p1 = of(&r1, "p1");
    assert_eq!(
        (p1.gross, p1.cap_limit, p1.deducted, p1.carried_forward),
        (m("1500"), m("1000"), m("1000"), m("500"))
    );
    assert_eq!(
        p1.lines[0].explanation_zh(),
        "案件 C41 损失 5000.00 元，按部门 prod 总基点 10 中个人基点 3 分摊 1500.00 元"
    );
    let p2 = of(&r1, "p2");
    assert_eq!(
        (p2.gross, p2.deducted, p2.carried_forward),
        (m("1000"), m("500"), m("500"))
    );
    // p3 has no bonus: nothing is deducted, everything carries (documented).
    let p3 = of(&r1, "p3");
    assert_eq!(
        (p3.gross, p3.deducted, p3.carried_forward),
        (m("2500"), Money::ZERO, m("2500"))
    );
    assert_eq!(&*p3.settlement[0].rule, "cap");
    assert!(
        p3.settlement[0]
            .explanation_zh()
            .starts_with("无月度效益奖金")
    );
    assert_eq!(r1.summary.gross, m("5000"));
    assert_eq!(r1.carry_out.balances.len(), 3);

    // November: nothing new; instalments continue under the same cap.
    let r2 = compute_statements(
        &s41,
        &roster,
        &facts(r#"{"period": "2025-11"}"#),
        Some(&r1.carry_out),
    )
    .unwrap();
    let p1 = of(&r2, "p1");
    assert_eq!(
        (p1.carried_in, p1.gross, p1.deducted, p1.carried_forward),
        (m("500"), Money::ZERO, m("500"), Money::ZERO)
    );
    assert_eq!(&*p1.settlement[0].rule, "carry.in");
    assert_eq!(of(&r2, "p2").deducted, m("500"));
    assert_eq!(of(&r2, "p3").carried_forward, m("2500"));

    // December: a shared loss of 1000.01 (p1 60 %, p2 40 %) and one by base points with a remainder.
    let dec = facts(
        r#"{"period": "2025-12", "losses": [
        {"case": "C42", "amount": "1000.01", "responsible": {"parties": [{"staff": "p1", "share": "60%"}, {"staff": "p2", "share": "40%"}]}},
        {"case": "C43", "amount": "1000.01", "responsible": {"department": "prod"}}
    ]}"#,
    );
    let r3 = compute_statements(&s41, &roster, &dec, Some(&r2.carry_out)).unwrap();
    assert_eq!(
        amounts(&r3, "p1"),
        [
            ("loss.C42".to_owned(), "600.01".to_owned()),
            ("loss.C43".to_owned(), "300.00".to_owned())
        ]
    );
    assert_eq!(
        amounts(&r3, "p2"),
        [
            ("loss.C42".to_owned(), "400.00".to_owned()),
            ("loss.C43".to_owned(), "200.00".to_owned())
        ]
    );
    // 1000.01 over 10 points: quotas 300.003, 200.002, 500.005 → the left fen goes to p3.
    assert_eq!(
        amounts(&r3, "p3"),
        [("loss.C43".to_owned(), "500.01".to_owned())]
    );
    let p1 = of(&r3, "p1");
    assert_eq!(
        (p1.gross, p1.deducted, p1.carried_forward),
        (m("900.01"), m("900.01"), Money::ZERO)
    );
    let p2 = of(&r3, "p2");
    assert_eq!(
        (p2.gross, p2.deducted, p2.carried_forward),
        (m("600"), m("500"), m("100"))
    );
    assert_eq!(of(&r3, "p3").carried_forward, m("3000.01"));
    assert_eq!(r3.carry_out.period, Month::new(2025, 12).unwrap());
}

#[test]
fn s41_two_major_demerits_take_the_whole_bonus_and_instalments_wait() {
    let roster = roster(ROSTER);
    let s = schedule(&format!("{S41}\n{S12}"));
    let carry = CarryOver {
        schema_version: 1,
        period: Month::new(2025, 9).unwrap(),
        balances: [(id("cs-mgr"), m("400"))].into_iter().collect(),
    };
    let f = facts(
        r#"{"period": "2025-10",
        "breaches": [{"case": "C9", "milestone": "first_response", "level": "重大投诉", "owner": "cs-mgr", "at": "2025-10-01T00:00:00Z"}],
        "sanctions": [
            {"staff": "cs-mgr", "kind": "major_demerit", "case": "C9", "reason": "交货延迟"},
            {"staff": "cs-mgr", "kind": "大过", "case": "C10"},
            {"staff": "cs-1", "kind": "major_demerit"},
            {"staff": "cs-2", "kind": "warning"}
        ]}"#,
    );
    let r = compute_statements(&s, &roster, &f, Some(&carry)).unwrap();
    let mgr = of(&r, "cs-mgr");
    // The whole bonus (3000) replaces the two demerits' values, outside the cap.
    assert_eq!(
        amounts(&r, "cs-mgr"),
        [
            ("overtime.重大投诉".to_owned(), "50.00".to_owned()),
            (
                "sanction.major_demerit.whole_bonus".to_owned(),
                "3000.00".to_owned()
            )
        ]
    );
    assert_eq!(
        (mgr.deducted, mgr.carried_in, mgr.carried_forward),
        (m("3000"), m("400"), m("450"))
    );
    assert!(mgr.deducted > mgr.cap_limit);
    assert_eq!(
        mgr.outcomes
            .iter()
            .filter(|o| o.kind == SanctionKind::MajorDemerit)
            .count(),
        2
    );
    // One major demerit is its value, under the cap.
    let one = of(&r, "cs-1");
    assert_eq!((one.gross, one.deducted), (m("300"), m("300")));
    assert_eq!(of(&r, "cs-2").gross, m("50"));

    // Next month the waiting instalments are deducted under the cap again.
    let r2 = compute_statements(
        &s,
        &roster,
        &facts(r#"{"period": "2025-11"}"#),
        Some(&r.carry_out),
    )
    .unwrap();
    assert_eq!(of(&r2, "cs-mgr").deducted, m("450"));
}

#[test]
fn s43_complaint_count_ladder_is_exclusive() {
    let roster = roster(ROSTER);
    let mut json = String::from(r#"{"period": "2025-12", "serious": ["p1"], "complaints": ["#);
    let mut items = Vec::new();
    for (who, n) in [
        ("cs-1", 2),
        ("cs-2", 3),
        ("disp-1", 4),
        ("disp-lead", 5),
        ("p1", 5),
    ] {
        for k in 0..n {
            items.push(format!(r#"{{"staff": "{who}", "case": "{who}-{k}"}}"#));
        }
    }
    items.push(r#"{"staff": "cs-1", "case": "cs-1-0"}"#.to_owned()); // the same case twice counts once
    json.push_str(&items.join(","));
    json.push_str(r#"], "year_review": {"complaint_counts": {"cs-1": 7, "cs-2": 9, "disp-1": 4, "disp-lead": 5, "p1": 5, "p2": 1}}}"#);
    let r = compute_statements(&schedule(S43), &roster, &facts(&json), None).unwrap();
    // Two complaints reach no tier, and cs-1 had complaints this year: nothing to report.
    assert!(r.statements.iter().all(|s| s.staff.as_str() != "cs-1"));
    assert_eq!(
        amounts(&r, "cs-2"),
        [("count_ladder[0]".to_owned(), "200.00".to_owned())]
    );
    assert_eq!(
        amounts(&r, "disp-1"),
        [("count_ladder[1]".to_owned(), "300.00".to_owned())]
    );
    // Five complaints without 情节严重 stay on the ≥4 tier.
    assert_eq!(
        amounts(&r, "disp-lead"),
        [("count_ladder[1]".to_owned(), "300.00".to_owned())]
    );
    assert_eq!(
        amounts(&r, "p1"),
        [("count_ladder[2]".to_owned(), "300.00".to_owned())]
    );
    let kinds: Vec<SanctionKind> = of(&r, "p1").outcomes.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds,
        [SanctionKind::PublicCriticism, SanctionKind::Dismissal]
    );
    assert!(
        of(&r, "disp-lead")
            .outcomes
            .iter()
            .all(|o| o.kind != SanctionKind::Dismissal)
    );
    // The year-end reward without an amount is reported, not dropped.
    for who in ["boss", "cs-mgr", "p3"] {
        let o = &of(&r, who).outcomes;
        assert_eq!(o.len(), 1, "{who}");
        assert_eq!(
            (o[0].kind, &*o[0].rule),
            (SanctionKind::Commendation, "yearly_reward")
        );
    }
    assert!(r.statements.iter().all(|s| s.staff.as_str() != "p2"));

    // With an amount the reward is paid, apart from deductions.
    let paid = schedule(&format!("{}\namount = \"500\"\n", S43.trim_end()));
    let r = compute_statements(&paid, &roster, &facts(&json), None).unwrap();
    let boss = of(&r, "boss");
    assert_eq!(
        (boss.reward_total, boss.gross, boss.deducted),
        (m("500"), Money::ZERO, Money::ZERO)
    );
    assert_eq!(r.summary.rewards, m("1500"));
}

#[test]
fn unattributed_losses_fall_on_the_whole_team_equally() {
    let roster = roster(ROSTER);
    let f = facts(
        r#"{"period": "2025-10", "losses": [
        {"case": "C50", "amount": "100.00", "responsible": "unattributed"},
        {"case": "C51", "amount": "100.00", "responsible": {"unattributed_within": "cs"}}
    ]}"#,
    );
    let r = compute_statements(&schedule(S41), &roster, &f, None).unwrap();
    // 100.00 over 9 people: 11.12 to the first id, 11.11 to the others.
    assert_eq!(of(&r, "boss").lines[0].amount, m("11.12"));
    assert_eq!(of(&r, "p3").lines[0].amount, m("11.11"));
    // Within cs (and its dispatch centre): 5 people, 20.00 each.
    assert_eq!(of(&r, "disp-1").lines[1].amount, m("20"));
    assert_eq!(r.summary.gross, m("200"));
    // Department totals add up to the summary.
    let sum = Money::checked_sum(r.department_totals.iter().map(|d| d.gross)).unwrap();
    assert_eq!(sum, r.summary.gross);
}

#[test]
fn sub_fen_losses_are_rejected_or_rounded_by_the_named_mode() {
    let roster = roster(ROSTER);
    let f = facts(
        r#"{"period": "2025-10", "losses": [{"case": "C60", "amount": "10.005", "responsible": {"parties": [{"staff": "p1", "share": "1"}]}}]}"#,
    );
    let err = compute_statements(&schedule(S41), &roster, &f, None).unwrap_err();
    assert_eq!(err.to_string().split(':').next(), Some("losses[0].amount"));
    let round = schedule("rounding = \"half_even\"\n[losses]\nsub_fen = \"round\"\n");
    let r = compute_statements(&round, &roster, &f, None).unwrap();
    assert_eq!(of(&r, "p1").gross, m("10.00"));
    let round_up = schedule("rounding = \"half_up\"\n[losses]\nsub_fen = \"round\"\n");
    let r = compute_statements(&round_up, &roster, &f, None).unwrap();
    assert_eq!(of(&r, "p1").gross, m("10.01"));
}

#[test]
fn cap_bypass_sanctions_are_deducted_in_full() {
    let roster = roster(ROSTER);
    let s = schedule(
        "[cap]\npercent = \"10\"\nbypass = [\"minor_demerit\"]\n[sanctions]\nvalues = { minor_demerit = \"150\", warning = \"80\" }\n",
    );
    let f = facts(
        r#"{"period": "2025-10", "sanctions": [{"staff": "cs-1", "kind": "minor_demerit"}, {"staff": "cs-1", "kind": "warning"}]}"#,
    );
    let r = compute_statements(&s, &roster, &f, None).unwrap();
    let st = of(&r, "cs-1");
    // bonus 1000, cap 10 % = 100: 150 outside the cap, then 80 of the warning up to 100.
    assert_eq!(
        (st.gross, st.cap_limit, st.deducted, st.carried_forward),
        (m("230"), m("100"), m("230"), Money::ZERO)
    );
}
