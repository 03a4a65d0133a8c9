//! Periodic duties (定期工作): what a role owes every day, week, month or
//! quarter over all records rather than on one case — the 调度主管's daily
//! review of the records, the weekly statistics on Monday, the monthly
//! statistics by the 10th, the report filed (备案) with the authority, the
//! quarterly summary (「每季度末」).
//!
//! ```toml
//! # S32 第五条 「调度主管必须每天审核调度中心的投诉记录并签名」, its 附则
//! # 「调度主管未按时审核投诉记录的,每次扣罚50元」.
//! [[duties]]
//! id = "daily_record_review"
//! name_zh = "审核调度中心的投诉记录并签名"
//! role = "dispatch_supervisor"
//! clause = "第五条「调度主管必须每天审核调度中心的投诉记录并签名」"
//! period = { every = "day" }
//! on_miss = { violation = "review_late" }
//! ```
//!
//! A duty is owed once per period (a day, an ISO week, a month, a calendar
//! quarter) by the holder of its `role`, due at `by` (a local time, end of
//! the day by default) on the period's due day: the day itself, the week's
//! `on` weekday, the month's `by_day` or `working_day`-th working day, the
//! quarter's last day (`at_end`, 「每季度末」), or a span `after_end` of the
//! period. With `working_days = true` the daily duty is
//! owed on working days only and a due day that is not a working day moves
//! to the next one. A miss is a breach charging a violation of the penalty
//! table (`on_miss = { violation = ID }`) or only a reminder
//! (`on_miss = "remind"`). Where the regulation gives no period (「定期」)
//! the duty says why its period is the file's (`assumed`).
//!
//! The occurrences and the judging of records of performance are
//! `tousu-workflow`'s (`duty_occurrences`, `judge_duties`).

use chrono::Weekday;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use tousu_model::RoleId;

use crate::calendar::TimeOfDay;
use crate::duration::{Duration, DurationUnit};
use crate::error::Report;
use crate::penalty_schedule::ViolationId;
use crate::policy::Policy;

tousu_model::__string_id!(
    /// The id of a periodic duty (`daily_record_review`, `monthly_statistics`).
    DutyId, check_code, "A duty id: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);

/// The most working days a month's `working_day` may name: no month has
/// more than 23.
pub const MAX_WORKING_DAY_OF_MONTH: u8 = 23;

/// The longest `after_end`, in days: a duty due more than a month after its
/// period ended is a duty of another period.
pub const MAX_AFTER_END_DAYS: u32 = 31;

/// A periodic duty (`[[duties]]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Unique id; records of performance name it.
    pub id: DutyId,
    /// What is done, as the regulation words it (审核投诉记录并签名).
    pub name_zh: String,
    /// The role that owes it; its holder is charged when it is missed.
    pub role: RoleId,
    /// The clause it comes from, quoted.
    pub clause: String,
    /// How often, and on which day it is due.
    pub period: DutyPeriod,
    /// Whether the working-day calendar applies: a daily duty is owed on
    /// working days only, and a due day that is not a working day moves to
    /// the next working day. Default false: every calendar day (ruling 1:
    /// 日 / 天 without 工作 are calendar days).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub working_days: bool,
    /// The local time on the due day by which it must be done (`"09:00"`);
    /// absent: by the end of the day (`"24:00"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<TimeOfDay>,
    /// What a miss (or a late performance) is: a breach charging a
    /// violation of `penalties.violations`, or only a reminder.
    pub on_miss: OnMiss,
    /// Why the period or the due day is the file's, where the regulation
    /// gives none (「定期」, 「每周」 without a day). Absent: the clause gives
    /// them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumed: Option<String>,
}

/// How often a duty is owed, and its due day within (or after) each period.
///
/// In TOML: `{ every = "day" }`, `{ every = "week", on = "Mon" }`,
/// `{ every = "week", after_end = "1 working day" }`,
/// `{ every = "month", by_day = 10 }`, `{ every = "month", working_day = 3 }`,
/// `{ every = "month", after_end = "5 working days" }`,
/// `{ every = "quarter", at_end = true }`,
/// `{ every = "quarter", after_end = "10 days" }`. A field that does not
/// belong to the period (`on` for a month) is an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PeriodDoc", into = "PeriodDoc")]
#[non_exhaustive]
pub enum DutyPeriod {
    /// Every day (every working day with `working_days`), due that day.
    Day,
    /// Every ISO week (Monday to Sunday): due on its `on` weekday, or
    /// `after_end` of the week. Exactly one of the two.
    Week {
        /// The weekday it is due on (`"Mon"`).
        on: Option<Weekday>,
        /// How long after the week ends it is due (`"1 working day"`).
        after_end: Option<Duration>,
    },
    /// Every calendar month: due by its `by_day` (the month's last day if
    /// shorter), on its `working_day`-th working day, or `after_end` of the
    /// month. Exactly one of the three.
    Month {
        /// The day of the month it is due by (1–31; 10 for 「每月十日前」).
        by_day: Option<u8>,
        /// The working day of the month it is due on (1–23); the month's
        /// last working day when it has fewer. Needs `working_days = true`.
        working_day: Option<u8>,
        /// How long after the month ends it is due (`"5 working days"`).
        after_end: Option<Duration>,
    },
    /// Every calendar quarter (January–March, April–June, July–September,
    /// October–December; 季度): due on its last day (`at_end`, 「每季度末」)
    /// or `after_end` of the quarter. Exactly one of the two.
    Quarter {
        /// Due on the quarter's last day (31 March, 30 June, 30 September,
        /// 31 December).
        at_end: bool,
        /// How long after the quarter ends it is due (`"10 days"`).
        after_end: Option<Duration>,
    },
}

/// The period's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Every {
    /// Every day.
    Day,
    /// Every ISO week, Monday to Sunday.
    Week,
    /// Every calendar month.
    Month,
    /// Every calendar quarter.
    Quarter,
}

/// The written form of a [`DutyPeriod`]: one table, the fields the unit
/// takes.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct PeriodDoc {
    /// `day`, `week`, `month` or `quarter`.
    every: Every,
    /// Week: the weekday it is due on (`"Mon"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "weekday_schema")]
    on: Option<Weekday>,
    /// Month: the day of the month it is due by (1–31).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by_day: Option<u8>,
    /// Month: the working day of the month it is due on (1–23).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    working_day: Option<u8>,
    /// Week, month or quarter: how long after the period ends it is due
    /// (`"5 working days"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    after_end: Option<Duration>,
    /// Quarter: due on the quarter's last day (「每季度末」).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    at_end: bool,
}

impl TryFrom<PeriodDoc> for DutyPeriod {
    type Error = String;

    fn try_from(d: PeriodDoc) -> Result<Self, String> {
        let stray = |field: &str, unit: &str| {
            Err(format!(
                "`{field}` does not belong to a period of every {unit}"
            ))
        };
        if d.at_end && d.every != Every::Quarter {
            let unit = match d.every {
                Every::Day => "day",
                Every::Week => "week",
                _ => "month",
            };
            return stray("at_end", unit);
        }
        match d.every {
            Every::Day => match (&d.on, &d.by_day, &d.working_day, &d.after_end) {
                (None, None, None, None) => Ok(DutyPeriod::Day),
                (Some(_), ..) => stray("on", "day"),
                (_, Some(_), ..) => stray("by_day", "day"),
                (_, _, Some(_), _) => stray("working_day", "day"),
                _ => stray("after_end", "day"),
            },
            Every::Week => match (d.by_day, d.working_day) {
                (Some(_), _) => stray("by_day", "week"),
                (_, Some(_)) => stray("working_day", "week"),
                _ => Ok(DutyPeriod::Week {
                    on: d.on,
                    after_end: d.after_end,
                }),
            },
            Every::Month => match d.on {
                Some(_) => stray("on", "month"),
                None => Ok(DutyPeriod::Month {
                    by_day: d.by_day,
                    working_day: d.working_day,
                    after_end: d.after_end,
                }),
            },
            Every::Quarter => match (d.on, d.by_day, d.working_day) {
                (Some(_), ..) => stray("on", "quarter"),
                (_, Some(_), _) => stray("by_day", "quarter"),
                (.., Some(_)) => stray("working_day", "quarter"),
                _ => Ok(DutyPeriod::Quarter {
                    at_end: d.at_end,
                    after_end: d.after_end,
                }),
            },
        }
    }
}

impl From<DutyPeriod> for PeriodDoc {
    fn from(p: DutyPeriod) -> Self {
        let mut d = PeriodDoc {
            every: Every::Day,
            on: None,
            by_day: None,
            working_day: None,
            after_end: None,
            at_end: false,
        };
        match p {
            DutyPeriod::Day => {}
            DutyPeriod::Week { on, after_end } => {
                d.every = Every::Week;
                d.on = on;
                d.after_end = after_end;
            }
            DutyPeriod::Month {
                by_day,
                working_day,
                after_end,
            } => {
                d.every = Every::Month;
                d.by_day = by_day;
                d.working_day = working_day;
                d.after_end = after_end;
            }
            DutyPeriod::Quarter { at_end, after_end } => {
                d.every = Every::Quarter;
                d.at_end = at_end;
                d.after_end = after_end;
            }
        }
        d
    }
}

impl JsonSchema for DutyPeriod {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DutyPeriod".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        PeriodDoc::json_schema(generator)
    }
}

fn weekday_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "enum": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
                 "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "description": "A weekday."
    })
}

impl DutyPeriod {
    /// The span after the period's end it is due, if it is due after the
    /// period rather than within it.
    #[must_use]
    pub fn after_end(&self) -> Option<&Duration> {
        match self {
            DutyPeriod::Day => None,
            DutyPeriod::Week { after_end, .. }
            | DutyPeriod::Month { after_end, .. }
            | DutyPeriod::Quarter { after_end, .. } => after_end.as_ref(),
        }
    }

    /// The period's unit for people: `day`, `week`, `month`, `quarter`.
    #[must_use]
    pub fn unit(&self) -> &'static str {
        match self {
            DutyPeriod::Day => "day",
            DutyPeriod::Week { .. } => "week",
            DutyPeriod::Month { .. } => "month",
            DutyPeriod::Quarter { .. } => "quarter",
        }
    }
}

/// What missing a duty is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum OnMiss {
    /// Only a reminder: it is reported, nobody is charged.
    Remind,
    /// A breach: the violation (an id of `penalties.violations`) is charged
    /// to the person who owed it, for a miss and for a late performance
    /// (S32: 「未按时审核」).
    Violation(ViolationId),
}

impl Policy {
    /// The duty with this id.
    #[must_use]
    pub fn duty(&self, id: &DutyId) -> Option<&Duty> {
        self.duties.iter().find(|d| d.id == *id)
    }
}

/// Validation of `duties`: ids, roles, periods, violations; every problem
/// with its path.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    let mut seen = std::collections::BTreeSet::new();
    for (i, d) in p.duties.iter().enumerate() {
        let at = format!("duties[{i}]");
        if !seen.insert(d.id.as_str()) {
            r.error(
                format!("{at}.id"),
                format!("{:?} is listed twice", d.id.as_str()),
            );
        }
        if d.name_zh.trim().is_empty() {
            r.error(
                format!("{at}.name_zh"),
                "is blank; write what is done, e.g. \"审核投诉记录并签名\"",
            );
        }
        if d.clause.trim().is_empty() {
            r.error(
                format!("{at}.clause"),
                "is blank; quote the regulation's clause",
            );
        }
        if d.assumed.as_ref().is_some_and(|a| a.trim().is_empty()) {
            r.error(
                format!("{at}.assumed"),
                "is blank; say why the period is the file's, or leave it out",
            );
        }
        if p.role(&d.role).is_none() {
            let roles: Vec<&str> = p.roles.iter().map(|x| x.id.as_str()).collect();
            r.error(
                format!("{at}.role"),
                format!(
                    "{:?} is not a role; roles are {}",
                    d.role.as_str(),
                    roles.join(", ")
                ),
            );
        }
        period(d, &at, r);
        if let OnMiss::Violation(v) = &d.on_miss {
            let known = p.penalties.as_ref().map(|s| &s.violations);
            if !known.is_some_and(|k| k.contains_key(v)) {
                let ids: Vec<&str> = known
                    .map(|k| k.keys().map(|x| x.as_str()).collect())
                    .unwrap_or_default();
                r.error(
                    format!("{at}.on_miss.violation"),
                    format!(
                        "{:?} is not a violation of penalties.violations; {}, or write on_miss = \"remind\"",
                        v.as_str(),
                        if ids.is_empty() {
                            "the policy has none: add it there".to_owned()
                        } else {
                            format!("violations are {}", ids.join(", "))
                        }
                    ),
                );
            }
        }
    }
}

fn period(d: &Duty, at: &str, r: &mut Report) {
    let at = format!("{at}.period");
    match &d.period {
        DutyPeriod::Day => {}
        DutyPeriod::Week { on, after_end } => {
            if on.is_some() == after_end.is_some() {
                r.error(
                    at.clone(),
                    "a weekly duty needs exactly one of `on` (the weekday it is due, \"Mon\") and `after_end` (\"1 working day\")",
                );
            }
        }
        DutyPeriod::Month {
            by_day,
            working_day,
            after_end,
        } => {
            let given = [by_day.is_some(), working_day.is_some(), after_end.is_some()];
            if given.iter().filter(|g| **g).count() != 1 {
                r.error(
                    at.clone(),
                    "a monthly duty needs exactly one of `by_day` (10), `working_day` (3) and `after_end` (\"5 working days\")",
                );
            }
            if let Some(n) = by_day
                && !(1..=31).contains(n)
            {
                r.error(
                    format!("{at}.by_day"),
                    format!("{n} is not a day of the month; write 1 to 31"),
                );
            }
            if let Some(n) = working_day {
                if !(1..=MAX_WORKING_DAY_OF_MONTH).contains(n) {
                    r.error(
                        format!("{at}.working_day"),
                        format!("{n} is not a working day of a month; write 1 to {MAX_WORKING_DAY_OF_MONTH}"),
                    );
                }
                if !d.working_days {
                    r.error(
                        format!("{at}.working_day"),
                        "counts working days; write working_days = true on the duty",
                    );
                }
            }
        }
        DutyPeriod::Quarter { at_end, after_end } => {
            if *at_end == after_end.is_some() {
                r.error(
                    at.clone(),
                    "a quarterly duty needs exactly one of `at_end = true` (due on the quarter's last day, 「每季度末」) and `after_end` (\"10 days\")",
                );
            }
        }
    }
    if let Some(span) = d.period.after_end() {
        let days_ok = matches!(
            span.unit(),
            DurationUnit::WorkingDays | DurationUnit::CalendarDays
        );
        if !days_ok || span.amount() > MAX_AFTER_END_DAYS {
            r.error(
                format!("{at}.after_end"),
                format!(
                    "{span} is not a span after a period's end; write working or calendar days, 1 to {MAX_AFTER_END_DAYS} (\"5 working days\")"
                ),
            );
        }
    }
}
