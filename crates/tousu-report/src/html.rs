//! The period report as one self-contained HTML page with charts
//! ([`PeriodReport::to_html`]), and the day-by-day figures the charts need
//! beyond the report's totals ([`PeriodSeries`]).
//!
//! The page carries everything inline — styles and SVG charts drawn by
//! plotters — and loads nothing: no script, no font, no image. Every chart
//! sits next to a table of its exact figures, so nothing is only a picture.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use tousu_policy::{Calendar, Policy};
use tousu_workflow::Case;

use super::charts::{self, Bar, DrawError, Line};
use super::timeline::CaseTimeline;
use super::{
    Handling, PeriodReport, ReportError, ReportPeriod, Tally, handling_duration, hours_2dp,
    local_date, render::ordered,
};

/// One day of the period.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DayCount {
    /// The local date.
    pub date: NaiveDate,
    /// Cases received that day.
    pub received: u32,
    /// Cases closed that day (whenever they were received).
    pub closed: u32,
}

/// Figures by day and by case that the report's totals do not keep: the
/// trend over the period and the spread of handling times.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct PeriodSeries {
    /// Every day of the period, in order.
    pub days: Vec<DayCount>,
    /// The handling time of each closed counted case in working hours (to
    /// the hundredth, as [`super::HandlingTime`] rounds), ascending.
    pub handling_hours: Vec<Decimal>,
}

impl PeriodSeries {
    /// The series over `cases`: received per local day of receipt (the cases
    /// the report counts), closed per local day of closure (any case closed
    /// in the period), and the handling time of every closed counted case,
    /// measured as the report measures it.
    ///
    /// # Errors
    ///
    /// [`ReportError::Calendar`] when a handling time cannot be measured.
    pub fn from_cases(
        policy: &Policy,
        calendar: &Calendar,
        cases: &[Case],
        period: &ReportPeriod,
    ) -> Result<PeriodSeries, ReportError> {
        let offset = policy.utc_offset();
        let mut days: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
        let mut date = period.from();
        while date <= period.to() {
            days.insert(date, (0, 0));
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        let mut handling_hours = Vec::new();
        for case in cases {
            let received = local_date(case.complaint.received_at, offset);
            if let Some(day) = days.get_mut(&received) {
                day.0 = day.0.saturating_add(1);
                if let Handling::Measured(worked) = handling_duration(calendar, case)? {
                    let nanos = i128::from(worked.num_seconds()) * 1_000_000_000
                        + i128::from(worked.subsec_nanos());
                    handling_hours.push(hours_2dp(nanos, 1, "a handling time")?);
                }
            }
            if let Some(closure) = &case.closure
                && let Some(day) = days.get_mut(&local_date(closure.at, offset))
            {
                day.1 = day.1.saturating_add(1);
            }
        }
        handling_hours.sort_unstable();
        Ok(PeriodSeries {
            days: days
                .into_iter()
                .map(|(date, (received, closed))| DayCount {
                    date,
                    received,
                    closed,
                })
                .collect(),
            handling_hours,
        })
    }
}

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Buckets of handling time, in working hours: (upper bound exclusive, label).
const HANDLING_BUCKETS: &[(i64, &str)] = &[
    (4, "<4h"),
    (8, "4–8h"),
    (24, "8–24h"),
    (40, "24–40h"),
    (80, "40–80h"),
    (i64::MAX, "≥80h"),
];

/// Buckets of time overdue, in hours: (upper bound exclusive, label).
const OVERDUE_BUCKETS: &[(i64, &str)] = &[
    (24, "<1天 day"),
    (72, "1–3天 days"),
    (168, "3–7天 days"),
    (720, "7–30天 days"),
    (i64::MAX, "≥30天 days"),
];

/// Counts of `hours` per bucket (a value on a bound falls in the upper bucket).
fn bucketed(hours: impl Iterator<Item = Decimal>, buckets: &[(i64, &str)]) -> Vec<u32> {
    let mut counts = vec![0u32; buckets.len()];
    for h in hours {
        let i = buckets
            .iter()
            .position(|(upper, _)| h < Decimal::from(*upper))
            .unwrap_or(buckets.len().saturating_sub(1));
        if let Some(c) = counts.get_mut(i) {
            *c = c.saturating_add(1);
        }
    }
    counts
}

/// A rate's percentage in tenths (`66.7%` → 667), for bar lengths.
fn tenths(percent: Option<Decimal>) -> i64 {
    percent
        .and_then(|p| p.checked_mul(Decimal::TEN))
        .and_then(|d| d.round().to_i64())
        .unwrap_or(0)
}

/// A page section: a heading, a chart and its table side by side.
struct Section<'a> {
    id: &'a str,
    title: &'a str,
    svg: String,
    table: String,
    note: &'a str,
}

fn table(head: &[&str], rows: &[Vec<String>], scroll: bool) -> String {
    let mut t = String::new();
    let _ = write!(
        t,
        "<div class=\"numbers{}\"><table><thead><tr>",
        if scroll { " scroll" } else { "" }
    );
    for h in head {
        let _ = write!(t, "<th>{}</th>", esc(h));
    }
    t.push_str("</tr></thead><tbody>");
    for row in rows {
        t.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if i == 0 { "" } else { " class=\"n\"" };
            let _ = write!(t, "<td{class}>{}</td>", esc(cell));
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table></div>");
    t
}

fn tally_bars(map: &BTreeMap<String, Tally>) -> (Vec<Bar>, Vec<Vec<String>>) {
    let rows = ordered(map);
    let bars = rows
        .iter()
        .map(|(_, t)| {
            Bar::new(
                t.label_zh.clone(),
                i64::from(t.count),
                format!("{} ({})", t.count, t.share.percent_text()),
            )
        })
        .collect();
    let table = rows
        .iter()
        .map(|(k, t)| {
            vec![
                format!("{} ({k})", t.label_zh),
                t.count.to_string(),
                t.share.percent_text(),
            ]
        })
        .collect();
    (bars, table)
}

const STYLE: &str = "
:root{color:#222;background:#fff;font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif}
body{max-width:1280px;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.15rem;margin:0 0 .6rem;border-bottom:2px solid #2f5f8f;padding-bottom:.2rem}
.meta{color:#444;margin:0 0 1rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem;margin:0 0 1.5rem}
.tile{border:1px solid #bbb;border-radius:4px;padding:.5rem .7rem}
.tile b{display:block;font-size:1.5rem}
.chart{margin:0 0 1.8rem;break-inside:avoid}
.body{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
figure{margin:0;flex:1 1 560px;max-width:660px}
figure svg{width:100%;height:auto;display:block}
.numbers{flex:1 1 360px;overflow:auto}
.scroll{max-height:22rem}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#eee;font-size:.8rem;font-weight:600}
.note{color:#444;font-size:.85rem;margin:.4rem 0 0}
.timeline svg{max-width:100%;height:auto}
@media print{body{max-width:none;padding:0}.scroll{max-height:none;overflow:visible}}
";

impl PeriodReport {
    /// The report as one self-contained HTML page (Chinese with English):
    /// headline counts, then a chart with its table for volume by category
    /// and by channel, the level mix, the trend over the period (from
    /// `series`), the on-time rate per milestone, the handling-time
    /// distribution (from `series`), the open overdue clocks by age and the
    /// penalties by department, then the `timelines` given (typically those
    /// of the overdue cases), drawn over `calendar`. See `docs/reports.md`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tousu_report::{period_report, PeriodSeries, ReportPeriod};
    /// use tousu_policy::Policy;
    ///
    /// let policy = Policy::default_policy()?;
    /// let calendar = policy.build_calendar()?;
    /// let period = ReportPeriod::month(2025, 10)?;
    /// let as_of = Utc.with_ymd_and_hms(2025, 10, 31, 16, 0, 0).single().ok_or("time")?;
    /// let report = period_report(&policy, &calendar, &[], &period, as_of, None)?;
    /// let series = PeriodSeries::from_cases(&policy, &calendar, &[], &period)?;
    /// let html = report.to_html(&series, &calendar, &[])?;
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert_eq!(html.matches("<figure class=\"chart-figure\"").count(), 8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DrawError`] when a chart cannot be drawn.
    pub fn to_html(
        &self,
        series: &PeriodSeries,
        calendar: &Calendar,
        timelines: &[CaseTimeline],
    ) -> Result<String, DrawError> {
        let mut page = String::new();
        let title = format!("投诉统计分析报告 Complaint report: {}", self.period_label);
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><h1>{}</h1>\n<p class=\"meta\">统计期间 Period: {} – {} (UTC{}) · 统计时点 As of: {} · 制度 Policy: {} (version {})</p></header>\n",
            esc(&title),
            esc(&title),
            self.period.from(),
            self.period.to(),
            esc(&self.utc_offset),
            esc(&self.local(self.as_of)),
            esc(&self.policy_id),
            esc(&self.policy_version),
        );
        page.push_str(&self.summary_tiles());
        for section in self.sections(series)? {
            let _ = write!(
                page,
                "<section class=\"chart\" id=\"{}\">\n<h2>{}</h2>\n<div class=\"body\"><figure class=\"chart-figure\" aria-label=\"{}\">{}</figure>{}</div>\n{}</section>\n",
                section.id,
                esc(section.title),
                esc(section.title),
                section.svg,
                section.table,
                if section.note.is_empty() {
                    String::new()
                } else {
                    format!("<p class=\"note\">{}</p>\n", esc(section.note))
                },
            );
        }
        page.push_str(&self.overdue_section(calendar, timelines)?);
        page.push_str("</body>\n</html>\n");
        Ok(page)
    }

    fn summary_tiles(&self) -> String {
        let s = &self.summary;
        let mut out = String::from("<section class=\"tiles\" id=\"summary\">");
        for (label, n) in [
            ("收到投诉 Received", s.received),
            ("已受理 Accepted", s.accepted),
            ("已结案 Closed", s.closed),
            ("处理中 Open", s.open),
            ("超期未结 Open overdue", s.open_overdue),
            ("多轮处理 Reopened", s.reopened),
            ("已升级 Escalated", s.escalated),
        ] {
            let _ = write!(out, "<div class=\"tile\">{}<b>{n}</b></div>", esc(label));
        }
        let _ = writeln!(
            out,
            "<div class=\"tile\">满意率 Satisfaction<b>{}</b></div></section>",
            esc(&self.satisfaction.rate.percent_text())
        );
        out
    }

    fn sections(&self, series: &PeriodSeries) -> Result<Vec<Section<'static>>, DrawError> {
        let count_head = ["项目 Item", "件数 Cases", "占比 Share"];
        let count = |v: i64| v.to_string();
        let mut out = Vec::new();
        for (id, title, map) in [
            (
                "category",
                "按投诉类别 Volume by category",
                &self.by_category,
            ),
            ("channel", "按投诉渠道 Volume by channel", &self.by_channel),
            ("level", "投诉级别构成 Level mix", &self.by_level),
        ] {
            let (bars, rows) = tally_bars(map);
            out.push(Section {
                id,
                title,
                svg: charts::hbars(title, &bars, "件数 cases", &count)?,
                table: table(&count_head, &rows, false),
                note: "",
            });
        }
        out.push(self.trend(series)?);
        out.push(self.on_time_section()?);
        out.push(self.handling_section(series)?);
        out.push(self.overdue_age_section()?);
        out.push(self.penalty_section()?);
        Ok(out)
    }

    fn trend(&self, series: &PeriodSeries) -> Result<Section<'static>, DrawError> {
        let title = "期间走势 Trend over the period";
        let labels: Vec<String> = series
            .days
            .iter()
            .map(|d| d.date.format("%m-%d").to_string())
            .collect();
        let received = Line {
            name: "收到 received",
            values: series.days.iter().map(|d| i64::from(d.received)).collect(),
        };
        let closed = Line {
            name: "结案 closed",
            values: series.days.iter().map(|d| i64::from(d.closed)).collect(),
        };
        let rows: Vec<Vec<String>> = series
            .days
            .iter()
            .map(|d| {
                vec![
                    d.date.to_string(),
                    d.received.to_string(),
                    d.closed.to_string(),
                ]
            })
            .collect();
        Ok(Section {
            id: "trend",
            title,
            svg: charts::lines(title, &labels, &[received, closed], "日期 date")?,
            table: table(&["日期 Date", "收到 Received", "结案 Closed"], &rows, true),
            note: "收到：当日收到的本期投诉；结案：当日结案的任何投诉。Received: cases of the period by day of receipt; closed: any case closed that day.",
        })
    }

    fn on_time_section(&self) -> Result<Section<'static>, DrawError> {
        let title = "各节点时限达成率 On-time rate per milestone";
        let mut milestones: Vec<_> = self.on_time.iter().collect();
        milestones.sort_by(|a, b| a.1.order.cmp(&b.1.order).then(a.0.cmp(b.0)));
        let bars: Vec<Bar> = milestones
            .iter()
            .map(|(_, m)| {
                Bar::new(
                    m.name_zh.clone(),
                    tenths(m.on_time.percent),
                    format!(
                        "{} ({}/{})",
                        m.on_time.percent_text(),
                        m.on_time.numerator,
                        m.on_time.denominator
                    ),
                )
            })
            .collect();
        let rows: Vec<Vec<String>> = milestones
            .iter()
            .map(|(id, m)| {
                // Clocks the calendar could not give a deadline, only when there are some.
                let name = match m.no_deadline {
                    0 => format!("{} ({id})", m.name_zh),
                    n => format!("{} ({id}) · 无时限 no deadline: {n}", m.name_zh),
                };
                vec![
                    name,
                    m.clocks.to_string(),
                    m.met.to_string(),
                    m.missed.to_string(),
                    m.breached.to_string(),
                    m.overdue.to_string(),
                    m.on_time.percent_text(),
                ]
            })
            .collect();
        Ok(Section {
            id: "on-time",
            title,
            svg: charts::hbars(title, &bars, "达成率 on-time %", &|t| {
                format!("{}%", t / 10)
            })?,
            table: table(
                &[
                    "节点 Milestone",
                    "计时 Clocks",
                    "按时 Met",
                    "超时 Missed",
                    "违约 Breached",
                    "超期 Overdue",
                    "达成率 On-time",
                ],
                &rows,
                false,
            ),
            note: "达成率 = 按时停止 ÷ 已停止；未停止的计时不计入。On-time = clocks stopped before the deadline ÷ clocks stopped.",
        })
    }

    fn handling_section(&self, series: &PeriodSeries) -> Result<Section<'static>, DrawError> {
        let title = "处理时长分布 Handling-time distribution";
        let counts = bucketed(series.handling_hours.iter().copied(), HANDLING_BUCKETS);
        let bars: Vec<Bar> = HANDLING_BUCKETS
            .iter()
            .zip(&counts)
            .map(|((_, label), n)| Bar::new(*label, i64::from(*n), n.to_string()))
            .collect();
        let t = &self.handling_time;
        let opt = |h: Option<Decimal>| h.map_or_else(|| "—".to_owned(), |d| d.to_string());
        let mut rows: Vec<Vec<String>> = HANDLING_BUCKETS
            .iter()
            .zip(&counts)
            .map(|((_, label), n)| vec![(*label).to_owned(), n.to_string()])
            .collect();
        for (label, value) in [
            ("结案 Closed", t.cases.to_string()),
            ("平均 Average (h)", opt(t.average_hours)),
            ("中位 Median (h)", opt(t.median_hours)),
            ("P90 (h)", opt(t.p90_hours)),
            ("最长 Max (h)", opt(t.max_hours)),
        ] {
            rows.push(vec![label.to_owned(), value]);
        }
        Ok(Section {
            id: "handling-time",
            title,
            svg: charts::columns(title, &bars, "工作小时 working hours, receipt to closure")?,
            table: table(&["工作小时 Working hours", "件数 Cases"], &rows, false),
            note: "本期受理且已结案的投诉，从受理到结案的工作时间。Closed cases received in the period, working time from receipt to closure.",
        })
    }

    fn overdue_age_section(&self) -> Result<Section<'static>, DrawError> {
        let title = "超期未结按超期时长 Overdue cases by age";
        let counts = bucketed(
            self.overdue.iter().map(|o| o.overdue_hours),
            OVERDUE_BUCKETS,
        );
        let bars: Vec<Bar> = OVERDUE_BUCKETS
            .iter()
            .zip(&counts)
            .map(|((_, label), n)| Bar::new(*label, i64::from(*n), n.to_string()))
            .collect();
        let rows: Vec<Vec<String>> = OVERDUE_BUCKETS
            .iter()
            .zip(&counts)
            .map(|((_, label), n)| vec![(*label).to_owned(), n.to_string()])
            .collect();
        Ok(Section {
            id: "overdue-age",
            title,
            svg: charts::columns(title, &bars, "超期时长 time past the deadline")?,
            table: table(&["超期 Overdue by", "计时 Clocks"], &rows, false),
            note: "每个超期的计时一条（一件投诉可有多条）。One per overdue clock (a case may have several).",
        })
    }

    fn penalty_section(&self) -> Result<Section<'static>, DrawError> {
        let title = "各部门考核金额 Penalties by department";
        let mut bars = Vec::new();
        let mut rows = Vec::new();
        let mut note = "";
        match &self.penalties {
            Some(p) => {
                for (id, d) in &p.by_department {
                    bars.push(Bar::new(d.name.clone(), d.gross.fen(), d.gross.to_string()));
                    rows.push(vec![
                        format!("{} ({id})", d.name),
                        d.statements.to_string(),
                        d.gross.to_string(),
                        d.deducted.to_string(),
                        d.carried_forward.to_string(),
                        d.rewards.to_string(),
                    ]);
                }
                let t = &p.total;
                rows.push(vec![
                    t.name.clone(),
                    t.statements.to_string(),
                    t.gross.to_string(),
                    t.deducted.to_string(),
                    t.carried_forward.to_string(),
                    t.rewards.to_string(),
                ]);
            }
            None => note = "未提供考核结果。No penalty result was given for this report.",
        }
        Ok(Section {
            id: "penalties",
            title,
            svg: charts::hbars(
                title,
                &bars,
                "考核金额 gross charges (元 yuan)",
                &|fen| format!("{}", fen / 100),
            )?,
            table: table(
                &[
                    "部门 Department",
                    "人数 Statements",
                    "考核 Gross",
                    "扣发 Deducted",
                    "结转 Carried",
                    "奖励 Rewards",
                ],
                &rows,
                false,
            ),
            note,
        })
    }

    fn overdue_section(
        &self,
        calendar: &Calendar,
        timelines: &[CaseTimeline],
    ) -> Result<String, DrawError> {
        let mut out = String::from(
            "<section class=\"chart\" id=\"overdue\">\n<h2>超期未结清单 Open overdue list</h2>\n",
        );
        let rows: Vec<Vec<String>> = self
            .overdue
            .iter()
            .map(|o| {
                vec![
                    o.case_id.to_string(),
                    o.milestone_zh.clone(),
                    self.deadline(o.deadline),
                    o.overdue_hours.to_string(),
                    o.department_name
                        .clone()
                        .or_else(|| o.department.as_ref().map(ToString::to_string))
                        .unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect();
        if rows.is_empty() {
            out.push_str("<p>无 None.</p>\n");
        } else {
            out.push_str(&table(
                &[
                    "案件 Case",
                    "节点 Milestone",
                    "时限 Deadline",
                    "超期小时 Hours overdue",
                    "部门 Department",
                ],
                &rows,
                true,
            ));
        }
        for t in timelines {
            let _ = writeln!(
                out,
                "<figure class=\"timeline\" id=\"timeline-{}\">{}</figure>",
                esc(t.case_id.as_str()),
                t.to_svg(calendar)?
            );
        }
        out.push_str("</section>\n");
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_put_bounds_in_the_upper_bucket() {
        let h = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        let counts = bucketed(
            [h("0"), h("3.99"), h("4"), h("80"), h("1000")].into_iter(),
            HANDLING_BUCKETS,
        );
        assert_eq!(counts, vec![2, 1, 0, 0, 0, 2]);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn tenths_of_a_percent() {
        assert_eq!(tenths(Some(Decimal::new(667, 1))), 667);
        assert_eq!(tenths(None), 0);
    }
}
