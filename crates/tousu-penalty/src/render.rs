//! Statements rendered as Markdown for people (扣罚结算单), bilingual.
//!
//! The rendering is a pure function of the [`PeriodResult`]: the same result
//! renders to the same text, so it can be snapshot-tested and archived.

use std::fmt::Write as _;

use tousu_model::Money;
use tousu_model::markdown::Cell;

use crate::{LineItem, PeriodResult, Statement};

/// Renders a whole period: the summary, department totals, every statement
/// and the carry-over.
pub fn render_markdown(result: &PeriodResult) -> String {
    let mut out = String::with_capacity(1024 + result.statements.len() * 512);
    let s = &result.summary;
    let _ = writeln!(out, "# 扣罚结算 Penalty statements — {}\n", result.period);
    out.push_str("## 汇总 Summary\n\n| 项目 Item | 值 Value |\n|---|---:|\n");
    let _ = writeln!(out, "| 结算单 Statements | {} |", s.statements);
    let _ = writeln!(out, "| 扣罚条目 Charge lines | {} |", s.lines);
    let _ = writeln!(out, "| 非金钱处理 Non-monetary outcomes | {} |", s.outcomes);
    let _ = writeln!(out, "| 本月应扣 Gross | {} |", s.gross);
    let _ = writeln!(out, "| 上期结转 Carried in | {} |", s.carried_in);
    let _ = writeln!(out, "| 本月实扣 Deducted | {} |", s.deducted);
    let _ = writeln!(out, "| 结转下期 Carried forward | {} |", s.carried_forward);
    let _ = writeln!(out, "| 奖励 Rewards | {} |", s.rewards);
    out.push('\n');
    if !result.department_totals.is_empty() {
        out.push_str("## 部门合计 Department totals\n\n");
        out.push_str("| 部门 Department | 人数 Statements | 应扣 Gross | 上期结转 Carried in | 实扣 Deducted | 结转 Carried forward | 奖励 Rewards |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
        for d in &result.department_totals {
            let _ = writeln!(
                out,
                "| {} ({}) | {} | {} | {} | {} | {} | {} |",
                cell(&d.name),
                cell(d.department.as_str()),
                d.statements,
                d.gross,
                d.carried_in,
                d.deducted,
                d.carried_forward,
                d.rewards
            );
        }
        out.push('\n');
    }
    for st in &result.statements {
        render_statement_into(&mut out, st);
    }
    if !result.unowned.is_empty() {
        // Never dropped: a breach nobody could be charged for is shown with why.
        out.push_str("## 无责任人的超时 Unowned breaches\n\n");
        out.push_str(
            "| 投诉 Case | 时限 Milestone | 轮次 Round | 等级 Level | 超时 At | 原因 Why |\n",
        );
        out.push_str("|---|---|---:|---|---|---|\n");
        for u in &result.unowned {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(u.case.as_str()),
                cell(u.milestone.as_str()),
                u.round,
                cell(u.level.as_str()),
                u.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                cell(&u.reason)
            );
        }
        out.push('\n');
    }
    out.push_str("## 结转 Carry-over\n\n");
    if result.carry_out.balances.is_empty() {
        out.push_str("无 None.\n");
    } else {
        out.push_str("| 员工 Staff | 待扣 Owed |\n|---|---:|\n");
        for (id, m) in &result.carry_out.balances {
            let _ = writeln!(out, "| {} | {} |", cell(id.as_str()), m);
        }
    }
    out
}

/// Renders one statement.
pub fn render_statement(st: &Statement) -> String {
    let mut out = String::with_capacity(512);
    render_statement_into(&mut out, st);
    out
}

fn render_statement_into(out: &mut String, st: &Statement) {
    let _ = writeln!(
        out,
        "## {} ({}) — {}\n",
        cell(&st.name),
        cell(st.staff.as_str()),
        cell(st.department.as_str())
    );
    let _ = writeln!(
        out,
        "效益奖金 Monthly bonus: {} · 扣款上限 Cap: {}\n",
        st.monthly_bonus, st.cap_limit
    );
    if !st.lines.is_empty() {
        table(out, &st.lines);
    }
    out.push_str("| 结算 Settlement | 金额 Amount |\n|---|---:|\n");
    row2(out, "本月应扣 Gross", st.gross);
    row2(out, "上期结转 Carried in", st.carried_in);
    row2(out, "本月实扣 Deducted", st.deducted);
    row2(out, "结转下期 Carried forward", st.carried_forward);
    out.push('\n');
    for l in &st.settlement {
        let _ = writeln!(
            out,
            "- `{}`: {} / {}",
            l.rule,
            Cell(l.explanation.zh()),
            Cell(l.explanation.en())
        );
    }
    if !st.settlement.is_empty() {
        out.push('\n');
    }
    if !st.rewards.is_empty() {
        out.push_str("**奖励 Rewards**\n\n");
        table(out, &st.rewards);
    }
    if !st.outcomes.is_empty() || !st.custom_outcomes.is_empty() {
        out.push_str("**非金钱处理 Non-monetary outcomes**\n\n");
        for o in &st.outcomes {
            let _ = writeln!(
                out,
                "- {} `{}` ({}): {} / {}",
                o.kind.label_zh(),
                o.kind,
                o.rule,
                Cell(o.explanation.zh()),
                Cell(o.explanation.en())
            );
        }
        for o in &st.custom_outcomes {
            let _ = writeln!(
                out,
                "- {} `{}` ({}): {} / {}",
                Cell(o.name_zh.as_str()),
                o.sanction,
                o.rule,
                Cell(o.explanation_zh.as_str()),
                Cell(o.explanation_en.as_str())
            );
        }
        out.push('\n');
    }
}

fn table(out: &mut String, lines: &[LineItem]) {
    out.push_str(
        "| 规则 Rule | 案件 Cases | 说明 Explanation | 金额 Amount |\n|---|---|---|---:|\n",
    );
    for l in lines {
        let flag = if l.bypasses_cap { " †" } else { "" };
        out.push_str("| `");
        out.push_str(&l.rule);
        out.push_str("` | ");
        for (k, c) in l.cases.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{}", Cell(c.as_str()));
        }
        let _ = writeln!(
            out,
            " | {}<br>{} | {}{flag} |",
            Cell(l.explanation.zh()),
            Cell(l.explanation.en()),
            l.amount
        );
    }
    if lines.iter().any(|l| l.bypasses_cap) {
        out.push_str("\n† 不受月度扣款上限限制 Outside the monthly cap.\n");
    }
    out.push('\n');
}

fn row2(out: &mut String, label: &str, m: Money) {
    let _ = writeln!(out, "| {label} | {m} |");
}

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> Cell<&str> {
    Cell(s)
}
