//! Snapshots (insta) of a month's statements under the seed rules, as YAML
//! and as the Markdown people read.

mod support;

use support::*;
use tousu_model::Money;
use tousu_penalty::{CarryOver, Month, PeriodResult, compute_statements, render_markdown};

fn october() -> PeriodResult {
    let schedule = schedule(&format!("{S12}\n{S32}\n{S41}\n{S43}"));
    let f = facts(
        r#"{
        "period": "2025-10",
        "breaches": [
            {"case": "C1", "milestone": "first_response", "level": "不满意", "owner": "cs-1", "at": "2025-10-09T02:40:00Z"},
            {"case": "C2", "milestone": "second_response", "round": 2, "level": "危机事件", "owner": "cs-mgr", "at": "2025-10-11T08:00:00Z"}
        ],
        "violations": [
            {"rule": "caused_complaint", "case": "C1", "responsible": "disp-1"},
            {"rule": "record_incomplete", "case": "C1", "responsible": "disp-1", "items": 2}
        ],
        "losses": [
            {"case": "C3", "amount": "5000.00", "responsible": {"department": "prod"}},
            {"case": "C4", "amount": "1000.00", "responsible": {"parties": [{"staff": "cs-2", "share": "70%"}, {"department": "dispatch", "share": "30%"}]}}
        ],
        "sanctions": [
            {"staff": "p1", "kind": "major_demerit", "case": "C3", "reason": "未依制作规范备料"},
            {"staff": "p1", "kind": "major_demerit", "case": "C3", "reason": "交货延迟"},
            {"staff": "cs-2", "kind": "warning", "case": "C4"}
        ],
        "complaints": [
            {"staff": "cs-1", "case": "C1"}, {"staff": "cs-1", "case": "C5"}, {"staff": "cs-1", "case": "C6"}
        ]
    }"#,
    );
    let carry = CarryOver {
        schema_version: 1,
        period: Month::new(2025, 9).unwrap(),
        balances: [(id("cs-2"), m("120.50"))].into_iter().collect(),
    };
    compute_statements(&schedule, &roster(ROSTER), &f, Some(&carry)).unwrap()
}

#[test]
fn october_statements_yaml() {
    let r = october();
    // The books balance before we look at the text.
    let s = &r.summary;
    assert_eq!(
        s.carried_in
            .checked_add(s.gross)
            .unwrap()
            .checked_sub(s.deducted)
            .unwrap(),
        s.carried_forward
    );
    assert_eq!(
        Money::checked_sum(r.carry_out.balances.values().copied()).unwrap(),
        s.carried_forward
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn october_statements_markdown() {
    insta::assert_snapshot!(render_markdown(&october()));
}
