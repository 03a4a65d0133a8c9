//! Periodic duties over time: the occurrences of each duty of a policy
//! (`[[duties]]`) due in a range of days, and, given the records of who
//! performed which, which occurrences are met, late, missed or still open —
//! each saying which rule fired and who is charged, or why nobody is.
//!
//! Pure functions over the policy, its calendar, the roster and a
//! [`DutyLog`] (the stored records and the rota); nothing here reads a
//! clock. A day is the policy's local day (`calendar.utc_offset`).
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use tousu_model::*;
//! use tousu_policy::Policy;
//! use tousu_workflow::{DutyLog, DutyOutcome, DutyRecord, judge_duties};
//!
//! let policy = Policy::from_toml_str(&format!("{}{}", tousu_policy::DEFAULT_POLICY_TOML, r#"
//! [[duties]]
//! id = "weekly_statistics"
//! name_zh = "对客户投诉事件进行统计分析"
//! role = "complaint_manager"
//! clause = "备注「每周一对客户投诉事件进行统计分析,在周会上汇报」"
//! period = { every = "week", on = "Mon" }
//! working_days = true
//! on_miss = "remind"
//! "#))?;
//! let calendar = policy.build_calendar()?;
//! let cs = DepartmentId::new("cs")?;
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![Staff::new(StaffId::new("e1")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
//! )?;
//! // Done on Monday 2025-10-13 (the week of National Day: its Monday, the
//! // 6th, is a holiday, so that week's is due on the next working day, the 9th).
//! let mut log = DutyLog::default();
//! log.records.push(DutyRecord::new(
//!     "weekly_statistics".parse()?, "2025-W42".parse()?, StaffId::new("e1")?,
//!     Utc.with_ymd_and_hms(2025, 10, 13, 2, 0, 0).single().ok_or("time")?,
//! ));
//! let day = |d| NaiveDate::from_ymd_opt(2025, 10, d).ok_or("date");
//! let now = Utc.with_ymd_and_hms(2025, 10, 20, 2, 0, 0).single().ok_or("time")?;
//! let report = judge_duties(&policy, &calendar, &roster, &log, day(1)?, day(19)?, now)?;
//! let dates: Vec<String> = report.judgements.iter().map(|j| j.occurrence.due_date.to_string()).collect();
//! assert_eq!(dates, ["2025-10-09", "2025-10-13"]);
//! assert!(matches!(report.judgements[0].outcome, DutyOutcome::Missed));
//! assert!(matches!(report.judgements[1].outcome, DutyOutcome::Met { .. }));
//! assert!(report.charges().next().is_none(), "a reminder charges nobody");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, Offset, TimeDelta, Utc, Weekday,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{Month, Problem, Roster, StaffId};
use tousu_policy::calendar::{Calendar, CalendarError};
use tousu_policy::duration::DurationUnit;
use tousu_policy::{Duty, DutyId, DutyPeriod, OnMiss, Policy, ViolationId};

/// The schema version of [`DutyLog`] documents this crate writes.
pub const DUTY_LOG_SCHEMA_VERSION: u32 = 1;

/// The longest range of days one call looks at: ten years.
pub const MAX_RANGE_DAYS: u64 = 3660;

fn log_version() -> u32 {
    DUTY_LOG_SCHEMA_VERSION
}

// ---------------------------------------------------------------------------
// Periods.
// ---------------------------------------------------------------------------

/// The period one occurrence of a duty is owed for: a day (`"2025-10-06"`),
/// an ISO week (`"2025-W41"`, Monday to Sunday), a month (`"2025-10"`) or
/// a calendar quarter (`"2025-Q4"`, October to December).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKey {
    /// A local day.
    Day(NaiveDate),
    /// An ISO week, by its Monday.
    Week(NaiveDate),
    /// A calendar month.
    Month(Month),
    /// A calendar quarter, by its first month (January, April, July or
    /// October).
    Quarter(Month),
}

impl PeriodKey {
    /// The period's first local day.
    #[must_use]
    pub fn first_day(self) -> NaiveDate {
        match self {
            PeriodKey::Day(d) | PeriodKey::Week(d) => d,
            PeriodKey::Month(m) | PeriodKey::Quarter(m) => month_day(m, 1),
        }
    }

    /// The period's last local day.
    #[must_use]
    pub fn last_day(self) -> NaiveDate {
        match self {
            PeriodKey::Day(d) => d,
            PeriodKey::Week(d) => d.checked_add_days(Days::new(6)).unwrap_or(d),
            PeriodKey::Month(m) => month_day(m, 31),
            PeriodKey::Quarter(m) => month_day(quarter_months(m)[2], 31),
        }
    }

    /// The period of `unit` (`day`, `week`, `month`, `quarter`) containing
    /// `date`.
    fn containing(period: &DutyPeriod, date: NaiveDate) -> PeriodKey {
        match period {
            DutyPeriod::Day => PeriodKey::Day(date),
            DutyPeriod::Week { .. } => {
                let back = u64::from(date.weekday().num_days_from_monday());
                PeriodKey::Week(date.checked_sub_days(Days::new(back)).unwrap_or(date))
            }
            DutyPeriod::Quarter { .. } => {
                match Month::new(date.year(), date.month0() / 3 * 3 + 1) {
                    Ok(m) => PeriodKey::Quarter(m),
                    Err(_) => PeriodKey::Day(date),
                }
            }
            _ => match Month::new(date.year(), date.month()) {
                Ok(m) => PeriodKey::Month(m),
                Err(_) => PeriodKey::Day(date),
            },
        }
    }

    /// The period after this one, `None` at the end of time.
    fn next(self) -> Option<PeriodKey> {
        match self {
            PeriodKey::Day(d) => d.succ_opt().map(PeriodKey::Day),
            PeriodKey::Week(d) => d.checked_add_days(Days::new(7)).map(PeriodKey::Week),
            PeriodKey::Month(m) => m.next().map(PeriodKey::Month),
            PeriodKey::Quarter(m) => quarter_months(m)[2].next().map(PeriodKey::Quarter),
        }
    }

    /// Whether this key is of the kind `period` counts in.
    fn fits(self, period: &DutyPeriod) -> bool {
        matches!(
            (self, period),
            (PeriodKey::Day(_), DutyPeriod::Day)
                | (PeriodKey::Week(_), DutyPeriod::Week { .. })
                | (PeriodKey::Month(_), DutyPeriod::Month { .. })
                | (PeriodKey::Quarter(_), DutyPeriod::Quarter { .. })
        )
    }
}

/// The three months of the quarter starting with `first`; a quarter at the
/// end of time repeats its last month.
fn quarter_months(first: Month) -> [Month; 3] {
    let second = first.next().unwrap_or(first);
    [first, second, second.next().unwrap_or(second)]
}

/// Day `day` of `m`, or its last day if it is shorter.
fn month_day(m: Month, day: u32) -> NaiveDate {
    (1..=day)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(m.year(), m.month(), d))
        .unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodKey::Day(d) => write!(f, "{d}"),
            PeriodKey::Week(d) => {
                let w = d.iso_week();
                write!(f, "{:04}-W{:02}", w.year(), w.week())
            }
            PeriodKey::Month(m) => write!(f, "{m}"),
            PeriodKey::Quarter(m) => write!(f, "{:04}-Q{}", m.year(), m.month().div_ceil(3)),
        }
    }
}

/// A text that is not a day, an ISO week, a month or a quarter.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{text:?} is not a period; write a day \"2025-10-06\", an ISO week \"2025-W41\", a month \"2025-10\" or a quarter \"2025-Q4\""
)]
pub struct PeriodKeyParseError {
    /// The text as given.
    pub text: String,
}

impl FromStr for PeriodKey {
    type Err = PeriodKeyParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodKeyParseError { text: s.to_owned() };
        let s = s.trim();
        if let Some((y, w)) = s.split_once("-W") {
            let (y, w) = (y.parse().map_err(|_| err())?, w.parse().map_err(|_| err())?);
            return NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
                .map(PeriodKey::Week)
                .ok_or_else(err);
        }
        if let Some((y, q)) = s.split_once("-Q") {
            let (y, q): (i32, u32) = (y.parse().map_err(|_| err())?, q.parse().map_err(|_| err())?);
            if !(1..=4).contains(&q) {
                return Err(err());
            }
            return Month::new(y, q * 3 - 2)
                .map(PeriodKey::Quarter)
                .map_err(|_| err());
        }
        if s.len() == 10 {
            return s.parse().map(PeriodKey::Day).map_err(|_| err());
        }
        s.parse().map(PeriodKey::Month).map_err(|_| err())
    }
}

impl Serialize for PeriodKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PeriodKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PeriodKey {
    fn schema_name() -> Cow<'static, str> {
        "PeriodKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(W[0-9]{2}|Q[1-4]|[0-9]{2}(-[0-9]{2})?)$",
            "description": "A duty's period: a day \"2025-10-06\", an ISO week \"2025-W41\", a month \"2025-10\" or a quarter \"2025-Q4\".",
            "examples": ["2025-10-06", "2025-W41", "2025-10", "2025-Q4"]
        })
    }
}

// ---------------------------------------------------------------------------
// The stored log.
// ---------------------------------------------------------------------------

/// A record of performance: who did which duty for which period, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DutyRecord {
    /// The duty (an id of the policy's `duties`).
    pub duty: DutyId,
    /// The period it was done for.
    pub period: PeriodKey,
    /// Who did it.
    pub staff: StaffId,
    /// When it was done.
    pub at: DateTime<Utc>,
    /// A note for people (签名, the report's number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DutyRecord {
    /// `staff` did `duty` for `period` at `at`.
    #[must_use]
    pub fn new(duty: DutyId, period: PeriodKey, staff: StaffId, at: DateTime<Utc>) -> Self {
        Self {
            duty,
            period,
            staff,
            at,
            note: None,
        }
    }
}

/// One line of a rota (值班表): who owes a duty for a period. The rota
/// decides who is charged when several people hold the role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RotaEntry {
    /// The duty.
    pub duty: DutyId,
    /// The period.
    pub period: PeriodKey,
    /// Who is on duty for it.
    pub staff: StaffId,
}

/// The stored records of periodic duties and the rota.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DutyLog {
    /// The document's schema version ([`DUTY_LOG_SCHEMA_VERSION`]).
    #[serde(default = "log_version")]
    pub schema_version: u32,
    /// Records of performance, in any order.
    #[serde(default)]
    pub records: Vec<DutyRecord>,
    /// The rota: who owes which duty for which period, where the roster
    /// alone cannot say (several people hold the role).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rota: Vec<RotaEntry>,
}

impl Default for DutyLog {
    fn default() -> Self {
        Self {
            schema_version: DUTY_LOG_SCHEMA_VERSION,
            records: Vec::new(),
            rota: Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------

/// Why duties could not be listed or judged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DutyError {
    /// The range of days is empty or too long.
    #[error("days {from} to {to}: {reason}")]
    Range {
        /// The first day asked for.
        from: NaiveDate,
        /// The last day asked for.
        to: NaiveDate,
        /// What is wrong and what is accepted.
        reason: String,
    },
    /// The calendar could not place a due day (a year it does not cover).
    #[error("duties[{index}] ({duty}), period {period}: {source}")]
    Calendar {
        /// The duty's index in the policy.
        index: usize,
        /// The duty.
        duty: DutyId,
        /// The period whose due day was sought.
        period: PeriodKey,
        /// The calendar's error.
        source: CalendarError,
    },
    /// The log is wrong: every problem with its path (`records[3].duty`).
    #[error("the duty log is invalid: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        /// The problems.
        problems: Vec<Problem>,
    },
}

// ---------------------------------------------------------------------------
// Occurrences.
// ---------------------------------------------------------------------------

/// One occurrence of a duty: the period it is owed for, when it opens and
/// when it is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Occurrence {
    /// The duty.
    pub duty: DutyId,
    /// The period it is owed for.
    pub period: PeriodKey,
    /// The first instant a performance can count: the period's start, or
    /// its end for a duty due `after_end` (the work covers the whole period).
    pub opens: DateTime<Utc>,
    /// The local day it is due.
    pub due_date: NaiveDate,
    /// The instant it is due (`by` on the due day).
    pub due: DateTime<Utc>,
    /// The day it would have been due had it been a working day, when
    /// `working_days` moved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<NaiveDate>,
}

/// The occurrences of `duty` (the policy's `duties[index]`) whose due day
/// falls in `from..=to`, in order: one per period, none on a non-working
/// day when the duty counts working days.
///
/// # Errors
///
/// [`DutyError::Range`] if `to` is before `from` or the range is longer than
/// [`MAX_RANGE_DAYS`]; [`DutyError::Calendar`] if a period in or next to
/// the range needs a year the calendar does not cover. (A period of an
/// earlier year that the calendar does not cover is not listed, even if its
/// due day would fall in the range.)
pub fn duty_occurrences(
    calendar: &Calendar,
    index: usize,
    duty: &Duty,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Occurrence>, DutyError> {
    check_range(from, to)?;
    // A due day can lie after its period: look back far enough to catch
    // every period whose due day falls in the range.
    let lookback = match (duty.period.after_end(), duty.working_days) {
        (Some(_), _) => 100,
        (None, true) => 20,
        (None, false) => 0,
    };
    let start = from.checked_sub_days(Days::new(lookback)).unwrap_or(from);
    let mut key = Some(PeriodKey::containing(&duty.period, start));
    let mut out = Vec::new();
    while let Some(period) = key {
        if period.first_day() > to {
            break;
        }
        let err = |source| DutyError::Calendar {
            index,
            duty: duty.id.clone(),
            period,
            source,
        };
        match occurrence(calendar, duty, period) {
            Ok(Some(o)) if (from..=to).contains(&o.due_date) => out.push(o),
            Ok(_) => {}
            // A period looked back at, wholly before the range, in a year the
            // calendar does not cover: its due day is not placed.
            Err(
                CalendarError::CalendarNotCovered { .. }
                | CalendarError::BeyondProvisionalRange { .. },
            ) if period.last_day() < from && period.last_day().year() < from.year() => {}
            Err(e) => return Err(err(e)),
        }
        key = period.next();
    }
    Ok(out)
}

fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(), DutyError> {
    let reason = if to < from {
        "the last day is before the first".to_owned()
    } else if (to - from).num_days().unsigned_abs() >= MAX_RANGE_DAYS {
        format!("longer than {MAX_RANGE_DAYS} days; ask for a shorter range")
    } else {
        return Ok(());
    };
    Err(DutyError::Range { from, to, reason })
}

/// The occurrence of `duty` for `period`; `None` for a non-working day of a
/// daily duty that counts working days.
fn occurrence(
    calendar: &Calendar,
    duty: &Duty,
    period: PeriodKey,
) -> Result<Option<Occurrence>, CalendarError> {
    let working = duty.working_days;
    let nominal = match (&duty.period, period) {
        (DutyPeriod::Day, PeriodKey::Day(d)) => {
            if working && !calendar.is_working_day(d)? {
                return Ok(None);
            }
            d
        }
        (DutyPeriod::Week { on: Some(w), .. }, PeriodKey::Week(mon)) => mon
            .checked_add_days(Days::new(u64::from(w.num_days_from_monday())))
            .unwrap_or(mon),
        (
            DutyPeriod::Month {
                by_day: Some(n), ..
            },
            PeriodKey::Month(m),
        ) => month_day(m, u32::from(*n)),
        (
            DutyPeriod::Month {
                working_day: Some(n),
                ..
            },
            PeriodKey::Month(m),
        ) => nth_working_day_of(calendar, m, u32::from(*n))?,
        (DutyPeriod::Quarter { at_end: true, .. }, key @ PeriodKey::Quarter(_)) => key.last_day(),
        (p, key) => match p.after_end() {
            Some(span) => after(calendar, key.last_day(), span.amount(), span.unit())?,
            None => return Ok(None),
        },
    };
    let due_date = if working && !calendar.is_working_day(nominal)? {
        calendar.next_working_day(nominal)?
    } else {
        nominal
    };
    let offset = calendar.offset();
    let opens_day = if duty.period.after_end().is_some() {
        period.last_day().succ_opt().unwrap_or(NaiveDate::MAX)
    } else {
        period.first_day()
    };
    let by = duty.by.map_or(24 * 60, |t| t.minutes());
    Ok(Some(Occurrence {
        duty: duty.id.clone(),
        period,
        opens: local_instant(opens_day, 0, offset)?,
        due_date,
        due: local_instant(due_date, by, offset)?,
        moved_from: (due_date != nominal).then_some(nominal),
    }))
}

/// The `n`-th working day of `m`, or its last working day if it has fewer.
fn nth_working_day_of(calendar: &Calendar, m: Month, n: u32) -> Result<NaiveDate, CalendarError> {
    // Counted from the month's first day itself, not from the day before
    // it: that day may lie in a year the calendar does not cover.
    let first = month_day(m, 1);
    let n = n.max(1);
    let day = match (calendar.is_working_day(first)?, n) {
        (true, 1) => first,
        (true, n) => calendar.nth_working_day_after(first, n - 1)?,
        (false, n) => calendar.nth_working_day_after(first, n)?,
    };
    if day.month() == m.month() {
        Ok(day)
    } else {
        calendar.previous_working_day(month_day(m, 31).succ_opt().unwrap_or(day))
    }
}

/// The day `amount` working or calendar days after `end`.
fn after(
    calendar: &Calendar,
    end: NaiveDate,
    amount: u32,
    unit: DurationUnit,
) -> Result<NaiveDate, CalendarError> {
    if unit == DurationUnit::WorkingDays {
        calendar.nth_working_day_after(end, amount)
    } else {
        Ok(end
            .checked_add_days(Days::new(u64::from(amount)))
            .unwrap_or(end))
    }
}

/// The instant `minutes` after local midnight starting `date`.
fn local_instant(
    date: NaiveDate,
    minutes: u16,
    offset: FixedOffset,
) -> Result<DateTime<Utc>, CalendarError> {
    date.and_time(NaiveTime::MIN)
        .checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
        .and_then(|local| local.checked_sub_offset(offset))
        .map(|n| DateTime::from_naive_utc_and_offset(n, Utc))
        .ok_or_else(|| CalendarError::OutOfRange {
            what: "instant of a duty's day".to_owned(),
        })
}

// ---------------------------------------------------------------------------
// Judging.
// ---------------------------------------------------------------------------

/// How one occurrence stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DutyOutcome {
    /// Done in time, by `staff` at `at`.
    Met {
        /// Who did it.
        staff: StaffId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Done after it was due.
    Late {
        /// Who did it.
        staff: StaffId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Not done, and the due instant has passed.
    Missed,
    /// Not done yet, and not yet due.
    Open,
}

/// A violation a breached duty charges to a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DutyCharge {
    /// The violation of `penalties.violations`.
    pub violation: ViolationId,
    /// The person charged.
    pub staff: StaffId,
}

/// A record that does not count for the occurrence it names, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IgnoredRecord {
    /// The record's index in the log (`records[i]`).
    pub index: usize,
    /// Why it does not count.
    pub reason: String,
}

/// One occurrence judged: its outcome, who owed it, the charge, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DutyJudgement {
    /// The occurrence.
    #[serde(flatten)]
    pub occurrence: Occurrence,
    /// The duty's name (`name_zh`).
    pub name_zh: String,
    /// The outcome.
    #[serde(flatten)]
    pub outcome: DutyOutcome,
    /// Who owed it: the rota's person for the period, else the sole holder
    /// of the role, else whoever did it; `None` when nobody can be named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owed_by: Option<StaffId>,
    /// The violation charged, for a late or missed occurrence of a duty
    /// whose miss is a breach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<DutyCharge>,
    /// The rule that fired and why, for people.
    pub because: String,
    /// Records naming this occurrence that do not count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<IgnoredRecord>,
}

/// Every occurrence of every duty due in a range of days, judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DutyReport {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// The instant the report was judged at.
    pub now: DateTime<Utc>,
    /// The policy's UTC offset in seconds east, for showing instants as
    /// local times (28800 for `+08:00`).
    pub utc_offset_seconds: i32,
    /// The occurrences, by due instant, then by the duty's order in the policy.
    pub judgements: Vec<DutyJudgement>,
}

impl DutyReport {
    /// The violations charged, in the report's order.
    pub fn charges(&self) -> impl Iterator<Item = (&DutyJudgement, &DutyCharge)> {
        self.judgements
            .iter()
            .filter_map(|j| j.charge.as_ref().map(|c| (j, c)))
    }
}

/// Judges every duty of `policy` due in `from..=to` against `log`, as of
/// `now`: each occurrence is met (a record in time), late (the first
/// record came after the due instant), missed (none, and the due instant
/// has passed) or open. A record counts for the period it names only if it
/// was made once the period opened, by someone who holds the duty's role or
/// is on the rota for it; the others are listed with why. A late or missed
/// occurrence of a breach duty charges its violation to who owed it.
///
/// # Errors
///
/// [`DutyError::Invalid`] listing every problem of the log with its path
/// (an unknown duty or person, a period of the wrong kind, a record after
/// `now`, a period on the rota twice); else as [`duty_occurrences`].
pub fn judge_duties(
    policy: &Policy,
    calendar: &Calendar,
    roster: &Roster,
    log: &DutyLog,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<DutyReport, DutyError> {
    check_range(from, to)?;
    check_log(policy, roster, log, now)?;
    let mut judgements = Vec::new();
    for (index, duty) in policy.duties.iter().enumerate() {
        for occ in duty_occurrences(calendar, index, duty, from, to)? {
            judgements.push((
                index,
                judge(index, duty, roster, log, occ, now, calendar.offset()),
            ));
        }
    }
    judgements.sort_by(|(i, a), (j, b)| (a.occurrence.due, i).cmp(&(b.occurrence.due, j)));
    Ok(DutyReport {
        from,
        to,
        now,
        utc_offset_seconds: calendar.offset().local_minus_utc(),
        judgements: judgements.into_iter().map(|(_, j)| j).collect(),
    })
}

fn check_log(
    policy: &Policy,
    roster: &Roster,
    log: &DutyLog,
    now: DateTime<Utc>,
) -> Result<(), DutyError> {
    let mut problems = Vec::new();
    if log.schema_version == 0 || log.schema_version > DUTY_LOG_SCHEMA_VERSION {
        problems.push(Problem::new(
            "schema_version",
            format!("{} is not a duty log version this library reads; write 1 to {DUTY_LOG_SCHEMA_VERSION}", log.schema_version),
        ));
    }
    let entries = log
        .records
        .iter()
        .map(|r| ("records", &r.duty, r.period, &r.staff))
        .chain(
            log.rota
                .iter()
                .map(|r| ("rota", &r.duty, r.period, &r.staff)),
        );
    let mut counts = [0usize; 2];
    let mut rota_seen = std::collections::BTreeSet::new();
    for (list, duty, period, staff) in entries {
        let slot = usize::from(list == "rota");
        let i = counts.get(slot).copied().unwrap_or(0);
        if let Some(c) = counts.get_mut(slot) {
            *c += 1;
        }
        let at = format!("{list}[{i}]");
        match policy.duty(duty) {
            None => {
                let ids: Vec<&str> = policy.duties.iter().map(|d| d.id.as_str()).collect();
                problems.push(Problem::new(
                    format!("{at}.duty"),
                    format!(
                        "{:?} is not a duty of policy {}; duties are {}",
                        duty.as_str(),
                        policy.id,
                        if ids.is_empty() {
                            "none".to_owned()
                        } else {
                            ids.join(", ")
                        }
                    ),
                ));
            }
            Some(d) if !period.fits(&d.period) => problems.push(Problem::new(
                format!("{at}.period"),
                format!(
                    "{period} is not a {unit}; duty {:?} is owed every {unit}",
                    d.id.as_str(),
                    unit = d.period.unit()
                ),
            )),
            Some(_) => {}
        }
        if roster.staff(staff).is_none() {
            problems.push(Problem::new(
                format!("{at}.staff"),
                format!("{:?} is not on the roster", staff.as_str()),
            ));
        }
        if list == "rota" && !rota_seen.insert((duty, period)) {
            problems.push(Problem::new(
                format!("{at}.period"),
                format!("{period} of duty {:?} is on the rota twice", duty.as_str()),
            ));
        }
    }
    for (i, r) in log.records.iter().enumerate() {
        if r.at > now {
            problems.push(Problem::new(
                format!("records[{i}].at"),
                format!("{} is after the instant judged at ({now}): a duty cannot be done in the future", r.at),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DutyError::Invalid { problems })
    }
}

/// The person the rota names for `duty`'s `period`.
fn on_rota<'a>(log: &'a DutyLog, duty: &Duty, period: PeriodKey) -> Option<&'a StaffId> {
    log.rota
        .iter()
        .find(|r| r.duty == duty.id && r.period == period)
        .map(|r| &r.staff)
}

fn judge(
    index: usize,
    duty: &Duty,
    roster: &Roster,
    log: &DutyLog,
    occ: Occurrence,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> DutyJudgement {
    let rota = on_rota(log, duty, occ.period);
    let mut naming: Vec<(usize, &DutyRecord)> = log
        .records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.duty == duty.id && r.period == occ.period)
        .collect();
    naming.sort_by_key(|(i, r)| (r.at, *i));
    let mut ignored = Vec::new();
    let mut done = None;
    for (i, r) in naming {
        let holds = roster
            .staff(&r.staff)
            .is_some_and(|s| s.has_role(&duty.role));
        if r.at < occ.opens {
            ignored.push(IgnoredRecord {
                index: i,
                reason: format!(
                    "made at {}, before {} opens at {}: a record cannot do a period it predates",
                    local(r.at, offset),
                    occ.period,
                    local(occ.opens, offset)
                ),
            });
        } else if !holds && rota != Some(&r.staff) {
            ignored.push(IgnoredRecord {
                index: i,
                reason: format!(
                    "{} neither holds the role {} nor is on the rota for {}",
                    r.staff, duty.role, occ.period
                ),
            });
        } else if done.is_none() {
            done = Some(r);
        }
    }
    let outcome = match done {
        Some(r) if r.at <= occ.due => DutyOutcome::Met {
            staff: r.staff.clone(),
            at: r.at,
        },
        Some(r) => DutyOutcome::Late {
            staff: r.staff.clone(),
            at: r.at,
        },
        None if now > occ.due => DutyOutcome::Missed,
        None => DutyOutcome::Open,
    };
    let owner = owed_by(duty, roster, rota, done.map(|r| &r.staff), occ.period);
    let (charge, because) = verdict(index, duty, &occ, &outcome, &owner, offset);
    DutyJudgement {
        name_zh: duty.name_zh.clone(),
        outcome,
        owed_by: owner.ok().map(|(s, _)| s),
        charge,
        because,
        ignored,
        occurrence: occ,
    }
}

/// Who owed the occurrence and how that is known: the rota's person, else
/// the sole holder of the role, else whoever did it; else why nobody can
/// be named.
fn owed_by(
    duty: &Duty,
    roster: &Roster,
    rota: Option<&StaffId>,
    performer: Option<&StaffId>,
    period: PeriodKey,
) -> Result<(StaffId, String), String> {
    if let Some(s) = rota {
        return Ok((s.clone(), format!("on the rota for {period}")));
    }
    let holders: Vec<&StaffId> = roster
        .all_staff()
        .filter(|s| s.has_role(&duty.role))
        .map(|s| &s.id)
        .collect();
    match (holders.as_slice(), performer) {
        ([one], _) => Ok((
            (*one).clone(),
            format!("the only holder of the role {}", duty.role),
        )),
        (_, Some(p)) => Ok((p.clone(), "who did it".to_owned())),
        ([], None) => Err(format!("nobody on the roster holds the role {}", duty.role)),
        (many, None) => Err(format!(
            "{} people hold the role {} and the rota names none for {period}",
            many.len(),
            duty.role
        )),
    }
}

fn verdict(
    index: usize,
    duty: &Duty,
    occ: &Occurrence,
    outcome: &DutyOutcome,
    owner: &Result<(StaffId, String), String>,
    offset: FixedOffset,
) -> (Option<DutyCharge>, String) {
    let rule = format!("duties[{index}] ({})", duty.id);
    let due = match occ.moved_from {
        Some(d) => format!(
            "due {} (moved from {d}, not a working day)",
            due_text(occ, offset)
        ),
        None => format!("due {}", due_text(occ, offset)),
    };
    let failed = match outcome {
        DutyOutcome::Met { .. } => {
            return (None, format!("{rule}: done by its due instant; {due}"));
        }
        DutyOutcome::Open => return (None, format!("{rule}: not yet done, not yet due; {due}")),
        DutyOutcome::Late { .. } => "done after its due instant",
        DutyOutcome::Missed => "not done by its due instant",
    };
    match (&duty.on_miss, owner) {
        (OnMiss::Remind, _) => (
            None,
            format!(
                "{rule}: {failed}; {due}; a reminder only (on_miss = \"remind\"): nobody is charged"
            ),
        ),
        (OnMiss::Violation(v), Ok((staff, how))) => (
            Some(DutyCharge {
                violation: v.clone(),
                staff: staff.clone(),
            }),
            format!(
                "{rule}: {failed}; {due}; a breach (on_miss.violation = {v}): charged to {staff}, {how}"
            ),
        ),
        (OnMiss::Violation(v), Err(why)) => (
            None,
            format!(
                "{rule}: {failed}; {due}; a breach (on_miss.violation = {v}), charged to nobody: {why}"
            ),
        ),
    }
}

/// The due instant as the due day and a local time, `24:00` for the end of
/// the day (not the next day's `00:00`).
fn due_text(occ: &Occurrence, offset: FixedOffset) -> String {
    let at = occ.due.with_timezone(&offset);
    if at.date_naive() == occ.due_date {
        at.format("%Y-%m-%d %H:%M").to_string()
    } else {
        format!("{} 24:00", occ.due_date)
    }
}

/// `at` as a local time to the minute.
fn local(at: DateTime<Utc>, offset: FixedOffset) -> String {
    at.with_timezone(&offset)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl DutyReport {
    fn offset(&self) -> FixedOffset {
        FixedOffset::east_opt(self.utc_offset_seconds).unwrap_or_else(|| Utc.fix())
    }
}

/// The report for people: one block per occurrence, by due instant, with
/// its outcome, the charge and the rule that fired.
impl fmt::Display for DutyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = self.offset();
        writeln!(
            f,
            "Duties due {} to {}, as of {} ({offset})",
            self.from,
            self.to,
            local(self.now, offset)
        )?;
        if self.judgements.is_empty() {
            return writeln!(f, "  none due");
        }
        for j in &self.judgements {
            let o = &j.occurrence;
            let how = match &j.outcome {
                DutyOutcome::Met { staff, at } => {
                    format!("met by {staff} at {}", local(*at, offset))
                }
                DutyOutcome::Late { staff, at } => {
                    format!("LATE by {staff} at {}", local(*at, offset))
                }
                DutyOutcome::Missed => "MISSED".to_owned(),
                DutyOutcome::Open => "open".to_owned(),
            };
            writeln!(
                f,
                "- {} {} for {} (due {}): {how}",
                o.duty,
                j.name_zh,
                o.period,
                due_text(o, offset)
            )?;
            if let Some(c) = &j.charge {
                writeln!(f, "    charge: {} to {}", c.violation, c.staff)?;
            }
            writeln!(f, "    because {}", j.because)?;
            for r in &j.ignored {
                writeln!(f, "    ignored records[{}]: {}", r.index, r.reason)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_keys_round_trip_as_text() {
        for text in ["2025-10-06", "2025-W41", "2025-10", "2026-W01"] {
            let key: PeriodKey = text.parse().unwrap();
            assert_eq!(key.to_string(), text);
        }
        let week: PeriodKey = "2025-W41".parse().unwrap();
        assert_eq!(week.first_day().to_string(), "2025-10-06");
        assert_eq!(week.last_day().to_string(), "2025-10-12");
        let feb: PeriodKey = "2024-02".parse().unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        for bad in ["2025-W54", "2025-13", "2025-10-32", "yesterday", ""] {
            let e = bad.parse::<PeriodKey>().unwrap_err().to_string();
            assert!(e.contains("is not a period"), "{e}");
        }
    }
}
