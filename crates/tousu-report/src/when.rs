//! Deadlines and time limits as people write them.
//!
//! A deadline is kept as an exclusive instant: "by the end of 31 December"
//! is `2027-01-01T00:00` local, the first instant that is late. People and
//! regulations do not write the next day's midnight: they write
//! 「12月31日24时」 or "end of 31 Dec". These functions show a deadline so,
//! and the data keeps the instant. An agreed deadline (约定回复时限) is
//! shown as the instant agreed, not as the minutes from its start.
//!
//! ```
//! use chrono::{FixedOffset, TimeZone, Utc};
//! use tousu_report::when;
//!
//! let beijing = FixedOffset::east_opt(8 * 3600).ok_or("offset")?;
//! // The first instant of 1 January 2027 in Beijing: the end of 31 December.
//! let at = Utc.with_ymd_and_hms(2026, 12, 31, 16, 0, 0).single().ok_or("time")?;
//! assert_eq!(when::deadline_zh(at, beijing), "2026年12月31日24时");
//! assert_eq!(when::deadline_en(at, beijing), "end of 31 Dec 2026");
//! assert_eq!(when::deadline_short(at, beijing), "2026-12-31 24:00");
//! let at = Utc.with_ymd_and_hms(2026, 12, 31, 9, 30, 0).single().ok_or("time")?;
//! assert_eq!(when::deadline_zh(at, beijing), "2026年12月31日17时30分");
//! assert_eq!(when::deadline_en(at, beijing), "17:30 on 31 Dec 2026");
//! assert_eq!(when::deadline_short(at, beijing), "2026-12-31 17:30");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};
use tousu_policy::{Duration, DurationUnit};
use tousu_workflow::{AGREED_DEADLINE, DeadlineView};

/// The deadline's local day and time of day, with a deadline at midnight
/// read as 24:00 of the day before (`None` for the time then).
fn local(at: DateTime<Utc>, offset: FixedOffset) -> (NaiveDate, Option<NaiveTime>) {
    let local = at.with_timezone(&offset).naive_local();
    match local.date().pred_opt() {
        Some(day_before) if local.time() == NaiveTime::MIN => (day_before, None),
        _ => (local.date(), Some(local.time())),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_en(day: NaiveDate) -> &'static str {
    MONTHS_EN.get(day.month0() as usize).copied().unwrap_or("?")
}

/// `17:30`, `17:30:15` when it has seconds.
fn clock_time(t: NaiveTime) -> String {
    if t.second() == 0 {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    }
}

/// A deadline in Chinese, in `offset`: `2026年12月31日24时` at the end of a
/// day, else `2026年12月31日17时30分` (`17时` on the hour).
pub fn deadline_zh(at: DateTime<Utc>, offset: FixedOffset) -> String {
    let (day, time) = local(at, offset);
    let date = format!("{}年{}月{}日", day.year(), day.month(), day.day());
    match time {
        None => format!("{date}24时"),
        Some(t) if t.second() != 0 => {
            format!("{date}{}时{}分{}秒", t.hour(), t.minute(), t.second())
        }
        Some(t) if t.minute() != 0 => format!("{date}{}时{}分", t.hour(), t.minute()),
        Some(t) => format!("{date}{}时", t.hour()),
    }
}

/// A deadline in English, in `offset`: `end of 31 Dec 2026` at the end of a
/// day, else `17:30 on 31 Dec 2026`.
pub fn deadline_en(at: DateTime<Utc>, offset: FixedOffset) -> String {
    let (day, time) = local(at, offset);
    let date = format!("{} {} {}", day.day(), month_en(day), day.year());
    match time {
        None => format!("end of {date}"),
        Some(t) => format!("{} on {date}", clock_time(t)),
    }
}

/// A deadline for tables and both languages, in `offset`:
/// `2026-12-31 24:00` at the end of a day, else `2026-12-31 17:30`.
pub fn deadline_short(at: DateTime<Utc>, offset: FixedOffset) -> String {
    let (day, time) = local(at, offset);
    let time = time.map_or_else(|| "24:00".to_owned(), clock_time);
    format!("{} {time}", day.format("%Y-%m-%d"))
}

/// A time limit in Chinese: `30分钟`, `15个工作日`.
pub fn duration_zh(d: Duration) -> String {
    let unit = match d.unit() {
        DurationUnit::Seconds => "秒",
        DurationUnit::Minutes => "分钟",
        DurationUnit::Hours => "小时",
        DurationUnit::CalendarDays => "天",
        DurationUnit::WorkingDays => "个工作日",
        DurationUnit::WorkingHours => "个工作小时",
        DurationUnit::Months => "个月",
        // A unit added later: its English word rather than nothing.
        other => other.english(d.amount()),
    };
    format!("{}{unit}", d.amount())
}

/// What a clock's limit is, in Chinese: the time limit (`30分钟`), or for
/// an agreed deadline the instant agreed (`约定 2025年10月9日17时`).
pub fn limit_zh(view: &DeadlineView, offset: FixedOffset) -> String {
    match agreed(view) {
        Some(at) => format!("约定 {}", deadline_zh(at, offset)),
        None => duration_zh(view.target),
    }
}

/// What a clock's limit is, in English: the time limit (`30 minutes`), or
/// for an agreed deadline the instant agreed (`agreed: 17:00 on 9 Oct 2025`).
pub fn limit_en(view: &DeadlineView, offset: FixedOffset) -> String {
    match agreed(view) {
        Some(at) => format!("agreed: {}", deadline_en(at, offset)),
        None => view.target.to_string(),
    }
}

/// The agreed instant of an agreed-deadline clock.
fn agreed(view: &DeadlineView) -> Option<DateTime<Utc>> {
    view.deadline
        .as_ref()
        .filter(|_| view.milestone.as_str() == AGREED_DEADLINE)
        .map(|d| d.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn beijing() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    #[test]
    fn the_end_of_a_day_is_24_00_of_that_day_across_months_and_leap_years() {
        // 2028-03-01 00:00 Beijing: the end of 29 February 2028.
        let at = Utc.with_ymd_and_hms(2028, 2, 29, 16, 0, 0).unwrap();
        assert_eq!(deadline_zh(at, beijing()), "2028年2月29日24时");
        assert_eq!(deadline_en(at, beijing()), "end of 29 Feb 2028");
        assert_eq!(deadline_short(at, beijing()), "2028-02-29 24:00");
        // Midnight UTC is 08:00 in Beijing: not the end of a day there.
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(deadline_zh(at, beijing()), "2026年1月1日8时");
        assert_eq!(
            deadline_short(at, FixedOffset::east_opt(0).unwrap()),
            "2025-12-31 24:00"
        );
        // Seconds are shown only when there are some.
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 1, 2, 3).unwrap();
        assert_eq!(deadline_zh(at, beijing()), "2026年1月1日9时2分3秒");
        assert_eq!(deadline_en(at, beijing()), "09:02:03 on 1 Jan 2026");
    }

    #[test]
    fn a_time_limit_in_chinese() {
        let d: Duration = "15个工作日".parse().unwrap();
        assert_eq!(duration_zh(d), "15个工作日");
        let d: Duration = "30 minutes".parse().unwrap();
        assert_eq!(duration_zh(d), "30分钟");
    }
}
