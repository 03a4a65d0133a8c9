//! Markdown and CSV renderings of a [`PeriodReport`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, Offset, Utc};
use rust_decimal::Decimal;

use super::{PenaltyFigures, PeriodReport, Tally};

use tousu_model::markdown::table_cell as cell;

/// The CSV's rows: section, key, Chinese label, value.
struct Rows(Vec<[String; 4]>);

impl Rows {
    fn push(&mut self, section: &str, key: &str, label: &str, value: String) {
        self.0
            .push([section.to_owned(), key.to_owned(), label.to_owned(), value]);
    }
}

/// A rate's percentage for the CSV; empty when there is none.
fn pct(r: &super::Rate) -> String {
    r.percent.map(|p| p.to_string()).unwrap_or_default()
}

fn opt_hours(h: Option<Decimal>) -> String {
    h.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

/// Rows of a tally in display order: by `order`, then by key.
pub(super) fn ordered(map: &BTreeMap<String, Tally>) -> Vec<(&String, &Tally)> {
    let mut rows: Vec<_> = map.iter().collect();
    rows.sort_by(|a, b| a.1.order.cmp(&b.1.order).then(a.0.cmp(b.0)));
    rows
}

impl PeriodReport {
    fn offset(&self) -> FixedOffset {
        self.utc_offset
            .parse::<FixedOffset>()
            .ok()
            .unwrap_or_else(|| Utc.fix())
    }

    pub(super) fn local(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.offset())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// An exclusive deadline as people write it: `2026-12-31 24:00` for the
    /// end of a day, not the next day's 00:00 ([`crate::when`]).
    pub(super) fn deadline(&self, at: DateTime<Utc>) -> String {
        crate::when::deadline_short(at, self.offset())
    }

    /// The report as Markdown for people: Chinese and English headings,
    /// one table per figure, percentages to one decimal, local times in the
    /// policy's offset.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let w = &mut md;
        self.md_head(w);
        self.md_dimensions(w);
        self.md_on_time(w);
        self.md_handling_time(w);
        self.md_satisfaction(w);
        self.md_repeats_and_top(w);
        self.md_overdue_and_penalties(w);
        md.truncate(md.trim_end().len());
        md.push('\n');
        md
    }

    /// The title and what the report covers, and the summary counts.
    fn md_head(&self, w: &mut String) {
        let _ = writeln!(
            w,
            "# 投诉统计分析报告 Complaint report: {}\n",
            self.period_label
        );
        let _ = writeln!(
            w,
            "- 统计期间 Period: {} – {} (UTC{})",
            self.period.from(),
            self.period.to(),
            self.utc_offset
        );
        let _ = writeln!(w, "- 统计时点 As of: {}", self.local(self.as_of));
        let _ = writeln!(
            w,
            "- 制度 Policy: {} (version {})\n",
            cell(&self.policy_id),
            cell(&self.policy_version)
        );

        let s = &self.summary;
        let _ = writeln!(w, "## 概况 Summary\n");
        let _ = writeln!(w, "| 指标 Measure | 件数 Cases |\n|---|---:|");
        for (label, n) in [
            ("收到投诉 Received", s.received),
            ("已受理 Accepted", s.accepted),
            ("不予受理 Not accepted", s.not_accepted),
            ("待受理 Awaiting acceptance", s.awaiting_acceptance),
            ("已结案 Closed", s.closed),
            ("处理中 Open", s.open),
            ("超期未结 Open overdue", s.open_overdue),
            ("多轮处理 Reopened", s.reopened),
            ("已升级 Escalated", s.escalated),
        ] {
            let _ = writeln!(w, "| {label} | {n} |");
        }
        let _ = writeln!(w);
    }

    /// One table per dimension (category, level, channel, ...).
    fn md_dimensions(&self, w: &mut String) {
        for (title, head, map) in [
            ("按投诉类别 By category", "类别 Category", &self.by_category),
            ("按投诉级别 By level", "级别 Level", &self.by_level),
            ("按投诉渠道 By channel", "渠道 Channel", &self.by_channel),
            (
                "按责任部门 By responsible department",
                "部门 Department",
                &self.by_department,
            ),
            (
                "按客户分类 By customer class",
                "客户分类 Class",
                &self.by_customer_class,
            ),
            ("按投诉性质 By validity", "性质 Validity", &self.by_validity),
            (
                "按处理情况 By handling (S15)",
                "处理情况 Handling",
                &self.by_handling,
            ),
        ] {
            let _ = writeln!(w, "## {title}\n");
            if map.is_empty() {
                let _ = writeln!(w, "无 None.\n");
                continue;
            }
            let _ = writeln!(
                w,
                "| {head} | 编号 Id | 件数 Cases | 占比 Share |\n|---|---|---:|---:|"
            );
            for (key, t) in ordered(map) {
                let _ = writeln!(
                    w,
                    "| {} | {} | {} | {} |",
                    cell(&t.label_zh),
                    cell(key),
                    t.count,
                    t.share.percent_text()
                );
            }
            let _ = writeln!(w);
        }
    }

    /// On-time rates per milestone.
    fn md_on_time(&self, w: &mut String) {
        let _ = writeln!(w, "## 时限达成率 On-time rate by milestone\n");
        let _ = writeln!(
            w,
            "| 节点 Milestone | 编号 Id | 计时 Clocks | 已停止 Stopped | 按时 Met | 超时 Missed | 违约记录 Breached | 未停止 Open | 超期 Overdue | 达成率 On-time |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        let mut milestones: Vec<_> = self.on_time.iter().collect();
        milestones.sort_by(|a, b| a.1.order.cmp(&b.1.order).then(a.0.cmp(b.0)));
        for (id, m) in milestones {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&m.name_zh),
                cell(id),
                m.clocks,
                m.stopped,
                m.met,
                m.missed,
                m.breached,
                m.open,
                m.overdue,
                m.on_time.percent_text()
            );
        }
        let _ = writeln!(w);
        let without: Vec<String> = self
            .on_time
            .iter()
            .filter(|(_, m)| m.no_deadline > 0)
            .map(|(id, m)| format!("{} {} {}", cell(&m.name_zh), cell(id), m.no_deadline))
            .collect();
        if !without.is_empty() {
            // Only when there are some, so reports without them read as before.
            let _ = writeln!(
                w,
                "无时限 Without a deadline (the calendar could not count one; neither met nor missed): {}\n",
                without.join("; ")
            );
        }
    }

    /// Handling time in working hours.
    fn md_handling_time(&self, w: &mut String) {
        let t = &self.handling_time;
        let _ = writeln!(w, "## 处理时长 Handling time (working hours 工作小时)\n");
        let _ = writeln!(
            w,
            "| 结案 Closed | 合计 Total | 平均 Average | 中位 Median | P90 | 最长 Max |\n|---:|---:|---:|---:|---:|---:|"
        );
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |\n",
            t.cases,
            t.total_hours,
            opt_hours(t.average_hours),
            opt_hours(t.median_hours),
            opt_hours(t.p90_hours),
            opt_hours(t.max_hours)
        );
    }

    /// The callbacks' answers.
    fn md_satisfaction(&self, w: &mut String) {
        let sat = &self.satisfaction;
        let _ = writeln!(w, "## 客户满意情况 Satisfaction\n");
        let _ = writeln!(
            w,
            "| 满意度 Answer | 编号 Id | 件数 Cases | 占比 Share |\n|---|---|---:|---:|"
        );
        for (key, t) in ordered(&sat.distribution) {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                cell(&t.label_zh),
                cell(key),
                t.count,
                t.share.percent_text()
            );
        }
        let _ = writeln!(
            w,
            "\n满意率 Satisfaction rate: {} ({}/{}); 未回访 No callback: {}\n",
            sat.rate.percent_text(),
            sat.rate.numerator,
            sat.rate.denominator,
            sat.no_callback
        );
    }

    /// Repeat complainants and the top categories.
    fn md_repeats_and_top(&self, w: &mut String) {
        let _ = writeln!(w, "## 重复投诉人 Repeat complainants\n");
        if self.repeat_complainants.is_empty() {
            let _ = writeln!(w, "无 None.\n");
        } else {
            let _ = writeln!(
                w,
                "| 投诉人 Complainant | 标识 Identity | 件数 Cases | 案件 Case ids | 此前投诉 Earlier |\n|---|---|---:|---|---:|"
            );
            for r in &self.repeat_complainants {
                let ids: Vec<&str> = r.cases.iter().map(|c| c.as_str()).collect();
                let _ = writeln!(
                    w,
                    "| {} | {} | {} | {} | {} |",
                    cell(r.name.as_deref().unwrap_or("匿名")),
                    cell(&r.identity()),
                    r.cases.len(),
                    cell(&ids.join(", ")),
                    r.earlier_complaints
                );
            }
            let _ = writeln!(w);
        }

        let _ = writeln!(w, "## 投诉类别前五 Top categories\n");
        if self.top_categories.is_empty() {
            let _ = writeln!(w, "无 None.\n");
        } else {
            let _ = writeln!(
                w,
                "| 排名 Rank | 类别 Category | 编号 Id | 件数 Cases | 占比 Share |\n|---:|---|---|---:|---:|"
            );
            for c in &self.top_categories {
                let _ = writeln!(
                    w,
                    "| {} | {} | {} | {} | {} |",
                    c.rank,
                    cell(&c.name_zh),
                    cell(&c.category),
                    c.count,
                    c.share.percent_text()
                );
            }
            let _ = writeln!(w);
        }
    }

    /// The open overdue list and the penalty totals.
    fn md_overdue_and_penalties(&self, w: &mut String) {
        let _ = writeln!(
            w,
            "## 超期未结清单 Open overdue list (as of {})\n",
            self.local(self.as_of)
        );
        if self.overdue.is_empty() {
            let _ = writeln!(w, "无 None.\n");
        } else {
            let _ = writeln!(
                w,
                "| 案件 Case | 编号 No. | 收到日期 Received | 级别 Level | 节点 Milestone | 轮次 Round | 期限 Deadline | 超期小时 Hours over | 责任部门 Department | 责任人 Handler |\n|---|---|---|---|---|---:|---|---:|---|---|"
            );
            for o in &self.overdue {
                let dept = match (&o.department, &o.department_name) {
                    (Some(id), Some(name)) => format!("{name} ({id})"),
                    (Some(id), None) => id.to_string(),
                    (None, _) => "未分派".to_owned(),
                };
                let _ = writeln!(
                    w,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    cell(o.case_id.as_str()),
                    cell(o.number.as_ref().map_or("—", |n| n.as_str())),
                    o.received_on,
                    cell(
                        o.level_zh
                            .as_deref()
                            .or(o.level.as_ref().map(|l| l.as_str()))
                            .unwrap_or("—")
                    ),
                    cell(&o.milestone_zh),
                    o.round,
                    self.deadline(o.deadline),
                    o.overdue_hours,
                    cell(&dept),
                    cell(o.handler.as_ref().map_or("—", |h| h.as_str()))
                );
            }
            let _ = writeln!(w);
        }

        if let Some(p) = &self.penalties {
            let _ = writeln!(w, "## 扣罚合计 Penalty totals ({})\n", p.period);
            let _ = writeln!(
                w,
                "| 部门 Department | 编号 Id | 人数 Staff | 应扣 Gross | 上期结转 Carried in | 实扣 Deducted | 结转下期 Carried forward | 奖励 Rewards |\n|---|---|---:|---:|---:|---:|---:|---:|"
            );
            let row = |w: &mut String, id: &str, f: &PenaltyFigures| {
                let _ = writeln!(
                    w,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    cell(&f.name),
                    cell(id),
                    f.statements,
                    f.gross.to_plain_string(),
                    f.carried_in.to_plain_string(),
                    f.deducted.to_plain_string(),
                    f.carried_forward.to_plain_string(),
                    f.rewards.to_plain_string()
                );
            };
            for (id, f) in &p.by_department {
                row(w, id, f);
            }
            row(w, "", &p.total);
            let _ = writeln!(w);
        }
    }

    /// The report as one long CSV table with the header
    /// `section,key,label_zh,value`: one row per figure, fields quoted as
    /// RFC 4180 says (when they hold a comma, a quote or a line break;
    /// quotes doubled), lines ended by CRLF. Percentages are numbers
    /// without the `%` sign under keys ending in `_percent`, empty when
    /// there is no denominator; hours are decimal working hours.
    pub fn to_csv(&self) -> String {
        let mut rows = Rows(Vec::new());
        self.csv_head(&mut rows);
        self.csv_summary_and_dimensions(&mut rows);
        self.csv_on_time(&mut rows);
        self.csv_handling_time(&mut rows);
        self.csv_satisfaction(&mut rows);
        self.csv_lists(&mut rows);
        let mut out = String::from("section,key,label_zh,value\r\n");
        for row in &rows.0 {
            let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// What the report covers.
    fn csv_head(&self, rows: &mut Rows) {
        rows.push(
            "report",
            "period_from",
            "统计期间起",
            self.period.from().to_string(),
        );
        rows.push(
            "report",
            "period_to",
            "统计期间止",
            self.period.to().to_string(),
        );
        rows.push(
            "report",
            "period_label",
            "统计期间",
            self.period_label.clone(),
        );
        rows.push(
            "report",
            "as_of",
            "统计时点",
            self.as_of.with_timezone(&self.offset()).to_rfc3339(),
        );
        rows.push(
            "report",
            "policy",
            "制度",
            format!("{}@{}", self.policy_id, self.policy_version),
        );
    }

    /// The summary counts and one row per value of each dimension.
    fn csv_summary_and_dimensions(&self, rows: &mut Rows) {
        let s = &self.summary;
        for (key, label, n) in [
            ("received", "收到投诉", s.received),
            ("accepted", "已受理", s.accepted),
            ("not_accepted", "不予受理", s.not_accepted),
            ("awaiting_acceptance", "待受理", s.awaiting_acceptance),
            ("closed", "已结案", s.closed),
            ("open", "处理中", s.open),
            ("open_overdue", "超期未结", s.open_overdue),
            ("reopened", "多轮处理", s.reopened),
            ("escalated", "已升级", s.escalated),
        ] {
            rows.push("summary", key, label, n.to_string());
        }

        for (section, map) in [
            ("category", &self.by_category),
            ("level", &self.by_level),
            ("channel", &self.by_channel),
            ("department", &self.by_department),
            ("customer_class", &self.by_customer_class),
            ("validity", &self.by_validity),
            ("handling", &self.by_handling),
        ] {
            for (key, t) in ordered(map) {
                rows.push(section, key, &t.label_zh, t.count.to_string());
            }
        }
    }

    /// On-time rates per milestone.
    fn csv_on_time(&self, rows: &mut Rows) {
        let mut milestones: Vec<_> = self.on_time.iter().collect();
        milestones.sort_by(|a, b| a.1.order.cmp(&b.1.order).then(a.0.cmp(b.0)));
        for (id, m) in milestones {
            for (field, n) in [
                ("clocks", m.clocks),
                ("stopped", m.stopped),
                ("met", m.met),
                ("missed", m.missed),
                ("breached", m.breached),
                ("open", m.open),
                ("overdue", m.overdue),
                ("no_deadline", m.no_deadline),
            ]
            .into_iter()
            .filter(|(field, n)| *field != "no_deadline" || *n > 0)
            {
                rows.push(
                    "on_time",
                    &format!("{id}.{field}"),
                    &m.name_zh,
                    n.to_string(),
                );
            }
            rows.push(
                "on_time",
                &format!("{id}.on_time_percent"),
                &m.name_zh,
                pct(&m.on_time),
            );
        }
    }

    /// Handling time in working hours.
    fn csv_handling_time(&self, rows: &mut Rows) {
        let t = &self.handling_time;
        let h = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        rows.push("handling_time", "cases", "结案件数", t.cases.to_string());
        rows.push(
            "handling_time",
            "total_hours",
            "合计工作小时",
            t.total_hours.to_string(),
        );
        rows.push(
            "handling_time",
            "average_hours",
            "平均工作小时",
            h(t.average_hours),
        );
        rows.push(
            "handling_time",
            "median_hours",
            "中位工作小时",
            h(t.median_hours),
        );
        rows.push(
            "handling_time",
            "p90_hours",
            "90百分位工作小时",
            h(t.p90_hours),
        );
        rows.push("handling_time", "max_hours", "最长工作小时", h(t.max_hours));
    }

    /// The callbacks' answers.
    fn csv_satisfaction(&self, rows: &mut Rows) {
        let sat = &self.satisfaction;
        for (key, t) in ordered(&sat.distribution) {
            rows.push("satisfaction", key, &t.label_zh, t.count.to_string());
        }
        rows.push(
            "satisfaction",
            "answered",
            "已回访",
            sat.answered.to_string(),
        );
        rows.push(
            "satisfaction",
            "no_callback",
            "未回访",
            sat.no_callback.to_string(),
        );
        rows.push("satisfaction", "rate_percent", "满意率", pct(&sat.rate));
    }

    /// Repeat complainants, top categories, the overdue list and the penalty totals.
    fn csv_lists(&self, rows: &mut Rows) {
        for r in &self.repeat_complainants {
            let id = r.identity();
            let name = r.name.as_deref().unwrap_or("匿名");
            rows.push(
                "repeat_complainant",
                &format!("{id}.cases"),
                name,
                r.cases.len().to_string(),
            );
            let ids: Vec<&str> = r.cases.iter().map(|c| c.as_str()).collect();
            rows.push(
                "repeat_complainant",
                &format!("{id}.case_ids"),
                name,
                ids.join(" "),
            );
            rows.push(
                "repeat_complainant",
                &format!("{id}.earlier_complaints"),
                name,
                r.earlier_complaints.to_string(),
            );
        }

        for c in &self.top_categories {
            rows.push(
                "top_category",
                &c.rank.to_string(),
                &c.name_zh,
                c.category.clone(),
            );
            rows.push(
                "top_category",
                &format!("{}.cases", c.rank),
                &c.name_zh,
                c.count.to_string(),
            );
        }

        for o in &self.overdue {
            let key = format!("{}/{}/{}", o.case_id, o.milestone, o.round);
            let label = o.milestone_zh.as_str();
            rows.push(
                "overdue",
                &format!("{key}.deadline"),
                label,
                o.deadline.with_timezone(&self.offset()).to_rfc3339(),
            );
            rows.push(
                "overdue",
                &format!("{key}.overdue_hours"),
                label,
                o.overdue_hours.to_string(),
            );
            rows.push(
                "overdue",
                &format!("{key}.department"),
                o.department_name.as_deref().unwrap_or(""),
                o.department
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
            rows.push(
                "overdue",
                &format!("{key}.level"),
                o.level_zh.as_deref().unwrap_or(""),
                o.level
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
            rows.push(
                "overdue",
                &format!("{key}.number"),
                "",
                o.number
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
            rows.push(
                "overdue",
                &format!("{key}.handler"),
                "",
                o.handler
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            );
        }

        if let Some(p) = &self.penalties {
            rows.push("penalty", "period", "扣罚月份", p.period.clone());
            let mut fig = |id: &str, f: &PenaltyFigures| {
                for (field, v) in [
                    ("gross", f.gross),
                    ("carried_in", f.carried_in),
                    ("deducted", f.deducted),
                    ("carried_forward", f.carried_forward),
                    ("rewards", f.rewards),
                ] {
                    rows.push(
                        "penalty",
                        &format!("{id}.{field}"),
                        &f.name,
                        v.to_plain_string(),
                    );
                }
            };
            for (id, f) in &p.by_department {
                fig(id, f);
            }
            fig("total", &p.total);
        }
    }
}

/// Quotes a CSV field when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
