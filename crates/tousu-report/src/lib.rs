//! Period reports (统计分析): weekly, monthly, quarterly and yearly complaint
//! statistics, as data, Markdown and CSV.
//!
//! [`period_report`] reads cases (as the workflow built them), the policy
//! that names their levels, categories and milestones, its business
//! calendar, a [`ReportPeriod`] and an `as_of` instant, and returns a
//! [`PeriodReport`]: counts along the dimensions of S15's
//! 《客户投诉处理统计分析报告》 (customer class A–D, content category,
//! handling situation 当即处理 / 期限内处理 / 循环往复处理, satisfaction) and
//! of S02's 95598 analysis (category, channel), plus on-time rates per
//! milestone, handling time in working hours, repeat complainants, the top
//! categories, the open overdue list and, when given, the month's penalty
//! totals by department. [`PeriodReport::to_markdown`] and
//! [`PeriodReport::to_csv`] render it. Nothing reads a clock: `as_of` is "now".
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu_report::{period_report, ReportPeriod};
//! use tousu_policy::Policy;
//!
//! let policy = Policy::default_policy()?;
//! let calendar = policy.build_calendar()?;
//! let period = ReportPeriod::month(2025, 10)?;
//! let as_of = Utc.with_ymd_and_hms(2025, 10, 31, 16, 0, 0).single().ok_or("time")?;
//! let report = period_report(&policy, &calendar, &[], &period, as_of, None)?;
//! assert_eq!(report.summary.received, 0);
//! assert_eq!(report.satisfaction.rate.percent, None); // nothing answered: no rate
//! assert!(report.to_markdown().starts_with("# 投诉统计分析报告 Complaint report: 2025年10月"));
//! assert!(report.to_csv().starts_with("section,key,label_zh,value\r\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Definitions
//!
//! Every figure is defined here; `docs/reports.md` repeats them for readers
//! of the reports.
//!
//! - **Which cases count.** A case counts in a period when the local date of
//!   its `complaint.received_at`, in the policy's UTC offset, lies in the
//!   period (both ends inclusive). Every case counts whatever its feedback
//!   kind. The case is taken as it stands (its status, round, clocks and
//!   closure); `as_of` only decides which running clocks are overdue.
//! - **Dimensions.** Category is the complaint's category as recorded (not
//!   rolled up to its parents), named by the policy; level is the case's
//!   level; department is the lead department of the current assignment
//!   (责任部门 / 主办); customer class is A, B, C, D or 大客户; validity is the
//!   findings of the last round (有效 / 无效 / 恶意). Missing values are
//!   counted under `(uncategorized)`, `(unclassified)`, `(unassigned)` or
//!   `(undetermined)`. Closed vocabularies (levels of the policy, customer
//!   classes, validity, handling status, satisfaction) list every value, with
//!   zeros, so that tables of successive periods line up; open-ended ones
//!   (categories, channels, departments) list only what occurs. Every
//!   [`Tally`] carries its share of the cases received.
//! - **Handling status (S15 投诉处理情况).** Each case falls in exactly one
//!   [`HandlingStatus`], tested in this order: 不予受理 (not accepted);
//!   循环往复处理 (recurring: more than one round, open or closed);
//!   当即处理 (immediate: closed in round 1 on the local day it was received);
//!   期限内处理 (within deadline: closed in round 1 on a later day, with every
//!   stopped clock met and no clock breached); 超期办结 (closed late: closed in
//!   round 1 otherwise); 超期未结 (open overdue: open with a running clock whose
//!   deadline is at or before `as_of`); 处理中 (open, in time).
//! - **On-time rate per milestone.** Over every clock of every round of the
//!   counted cases: `met` ÷ `stopped` (clocks stopped strictly before their
//!   deadline ÷ clocks stopped). `missed` is stopped late, `breached` counts
//!   clocks whose breach was recorded (`milestone_breached`, emitted by
//!   [`tousu_workflow::tick`] or when a command is decided after the
//!   deadline; the basis of overtime fines), `overdue` counts running clocks past their
//!   deadline at `as_of`, `open` counts running or paused clocks.
//!   `no_deadline` counts clocks the calendar could not give a deadline (a
//!   year the policy refuses without a notice, or beyond its data): never
//!   overdue, and when stopped neither met nor missed (not in `stopped`).
//! - **Handling time.** For each closed counted case, the working time from
//!   receipt to closure ([`Calendar::working_time_between`]: inside business
//!   hours on working days, or whole working days when the policy sets no
//!   business hours). Sums are exact in nanoseconds; hours are shown to the
//!   hundredth, rounded half up from the exact integer quotient (no floats).
//!   The average is the total ÷ the number of cases; median and 90th
//!   percentile are nearest-rank: the value at rank ⌈p·n⌉ of the ascending
//!   list (so the median of an even list is its lower middle value).
//! - **Satisfaction.** The last callback (回访) of each counted case's
//!   current round. The rate is answers that
//!   [`is_satisfied`](tousu_model::Satisfaction::is_satisfied) (非常满意,
//!   满意, 一般) ÷ answers; cases without a callback are counted apart.
//! - **Repeat complainants.** Counted cases whose complainants share a
//!   `party_id` or a telephone number (digits compared, other characters
//!   ignored; linked transitively), grouped; a group is listed when it holds
//!   two or more cases, or when any of its cases was registered with a
//!   `repeat_count` above zero. Phone numbers are shown masked (`139****0001`).
//! - **Top categories.** The five recorded categories with the most counted
//!   cases, ties broken by the policy's category order and then by id;
//!   uncategorized cases are left out.
//! - **Open overdue list.** Every case in the input (not only those received
//!   in the period, so that a backlog stays visible) that was received no
//!   later than the period's last day, is open, and has a running clock whose
//!   deadline (exclusive) is at or before `as_of`; one row per such clock,
//!   ordered by deadline, case id and milestone. Paused clocks (an approved
//!   extension) are not overdue. The department is the assignment's lead.
//! - **Penalty totals.** Copied from a [`tousu_penalty::PeriodResult`] when
//!   one is given; its month must overlap the report period.
//! - **Percentages** are shown with one decimal, rounded half up from the
//!   exact integer ratio; a ratio over zero has no percentage (`—`).
//!
//! [`Calendar::working_time_between`]: tousu_policy::Calendar::working_time_between
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]
#![doc(test(attr(deny(warnings))))]

mod charts;
mod facts;
mod html;
mod period;
mod render;
mod timeline;
mod timeline_svg;
pub mod when;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};
use rust_decimal::Decimal;
use tousu_model::{
    CaseId, Channel, ComplaintNo, CustomerClass, DepartmentId, DepartmentTree, LevelId, Money,
    PartyId, Satisfaction, StaffId, Validity,
};
use tousu_policy::{Calendar, CalendarError, MilestoneId, Policy};
use tousu_workflow::{Case, Clock, ClockState, Status};

pub use charts::DrawError;
pub use facts::{CaseRecord, penalty_facts};
pub use html::{DayCount, PeriodSeries};
pub use period::ReportPeriod;
pub use timeline::{CaseTimeline, ClockTrack, DayKind, TimelineError, TimelineMark};

/// The schema version of [`PeriodReport`] documents this crate writes.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

/// Key for cases without a category.
pub const UNCATEGORIZED: &str = "(uncategorized)";
/// Key for cases without a level or a customer class.
pub const UNCLASSIFIED: &str = "(unclassified)";
/// Key for cases without an assignment.
pub const UNASSIGNED: &str = "(unassigned)";
/// Key for cases without findings.
pub const UNDETERMINED: &str = "(undetermined)";

/// Why a report could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The period's first day is after its last.
    #[error("the period runs from {from} to {to}; the first day must not be after the last")]
    InvertedPeriod {
        /// The first day given.
        from: NaiveDate,
        /// The last day given.
        to: NaiveDate,
    },
    /// A period that does not exist (month 13, quarter 5, a year out of range).
    #[error("no such period: {what}")]
    InvalidPeriod {
        /// What was asked for, and what is accepted.
        what: String,
    },
    /// The calendar could not measure a case's handling time (typically a
    /// year no holiday data covers).
    #[error("case {case}: handling time: {source}")]
    Calendar {
        /// The case.
        case: String,
        /// The calendar's error.
        source: CalendarError,
    },
    /// The penalty result is for a month outside the report period.
    #[error(
        "the penalty result is for {penalty_period}, which does not overlap the report period {from} to {to}; give the result of a month inside the period"
    )]
    PenaltyPeriodOutside {
        /// The penalty result's month.
        penalty_period: String,
        /// The report period's first day.
        from: NaiveDate,
        /// The report period's last day.
        to: NaiveDate,
    },
    /// A figure left the representable range.
    #[error("{what} is out of the representable range")]
    Overflow {
        /// Which figure.
        what: String,
    },
}

/// A ratio of two counts and its percentage to one decimal, rounded half up
/// from the exact integers.
///
/// ```
/// use tousu_report::Rate;
/// assert_eq!(Rate::new(2, 3).percent_text(), "66.7%");
/// assert_eq!(Rate::new(1, 8).percent_text(), "12.5%");
/// assert_eq!(Rate::new(1, 16).percent_text(), "6.3%"); // 6.25 rounds half up
/// assert_eq!(Rate::new(0, 0).percent_text(), "—");
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// The count.
    pub numerator: u32,
    /// What it is counted out of.
    pub denominator: u32,
    /// `numerator ÷ denominator` in percent, to one decimal (a decimal
    /// string); absent when the denominator is zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub percent: Option<Decimal>,
}

impl Rate {
    /// `numerator ÷ denominator`.
    pub fn new(numerator: u32, denominator: u32) -> Rate {
        let percent = (denominator > 0).then(|| {
            let (n, d) = (u64::from(numerator), u64::from(denominator));
            // Tenths of a percent, half up: ⌊(2000·n + d) / 2d⌋.
            let tenths = (2000 * n + d) / (2 * d);
            Decimal::new(i64::try_from(tenths).unwrap_or(i64::MAX), 1)
        });
        Rate {
            numerator,
            denominator,
            percent,
        }
    }

    /// The percentage as text (`"66.7%"`), or `"—"` without a denominator.
    pub fn percent_text(&self) -> String {
        self.percent
            .map_or_else(|| "—".to_owned(), |p| format!("{p}%"))
    }
}

/// One row of a count table: a value's Chinese label, its position for
/// display, its count and its share of the cases received.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// The Chinese label (the policy's name, the vocabulary's label, or the
    /// id itself when nothing names it).
    pub label_zh: String,
    /// Display position: the policy's order for levels and categories,
    /// declaration order for vocabularies; renderers sort by it, then by key.
    pub order: u32,
    /// The number of cases.
    pub count: u32,
    /// `count` ÷ the cases received in the period.
    pub share: Rate,
}

/// How a case was handled, in S15's terms (投诉处理情况), plus the states
/// S15's "等" leaves open. See the [module docs](self) for the exact tests.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HandlingStatus {
    /// 当即处理: closed in round 1 on the local day it was received.
    Immediate,
    /// 期限内处理: closed in round 1 later, every stopped clock met, none breached.
    WithinDeadline,
    /// 循环往复处理: more than one round.
    Recurring,
    /// 超期办结: closed in round 1 with a clock missed or breached.
    ClosedLate,
    /// 处理中: open, no running clock past its deadline.
    Open,
    /// 超期未结: open with a running clock past its deadline.
    OpenOverdue,
    /// 不予受理: not accepted.
    NotAccepted,
}

impl HandlingStatus {
    /// Every value, in display order.
    pub const ALL: &'static [HandlingStatus] = &[
        HandlingStatus::Immediate,
        HandlingStatus::WithinDeadline,
        HandlingStatus::Recurring,
        HandlingStatus::ClosedLate,
        HandlingStatus::Open,
        HandlingStatus::OpenOverdue,
        HandlingStatus::NotAccepted,
    ];

    /// The id, as serialized.
    pub const fn id(self) -> &'static str {
        match self {
            HandlingStatus::Immediate => "immediate",
            HandlingStatus::WithinDeadline => "within_deadline",
            HandlingStatus::Recurring => "recurring",
            HandlingStatus::ClosedLate => "closed_late",
            HandlingStatus::Open => "open",
            HandlingStatus::OpenOverdue => "open_overdue",
            HandlingStatus::NotAccepted => "not_accepted",
        }
    }

    /// The Chinese label.
    pub const fn label_zh(self) -> &'static str {
        match self {
            HandlingStatus::Immediate => "当即处理",
            HandlingStatus::WithinDeadline => "期限内处理",
            HandlingStatus::Recurring => "循环往复处理",
            HandlingStatus::ClosedLate => "超期办结",
            HandlingStatus::Open => "处理中",
            HandlingStatus::OpenOverdue => "超期未结",
            HandlingStatus::NotAccepted => "不予受理",
        }
    }

    /// How `case` was handled, judging open clocks at `as_of` and "the same
    /// day" in `offset`.
    pub fn of(case: &Case, offset: FixedOffset, as_of: DateTime<Utc>) -> HandlingStatus {
        if case.status == Status::NotAccepted {
            return HandlingStatus::NotAccepted;
        }
        if case.round > 1 {
            return HandlingStatus::Recurring;
        }
        if case.status == Status::Closed {
            let closed_at = case.closure.as_ref().map_or(case.updated_at, |c| c.at);
            if local_date(closed_at, offset) == local_date(case.complaint.received_at, offset) {
                return HandlingStatus::Immediate;
            }
            let late = case.clocks.iter().any(|c| c.breached || missed(c));
            return if late {
                HandlingStatus::ClosedLate
            } else {
                HandlingStatus::WithinDeadline
            };
        }
        if case.clocks.iter().any(|c| is_overdue(c, as_of)) {
            HandlingStatus::OpenOverdue
        } else {
            HandlingStatus::Open
        }
    }
}

/// Whether a clock is running with its deadline at or before `as_of` (one
/// without a deadline never is).
fn is_overdue(clock: &Clock, as_of: DateTime<Utc>) -> bool {
    clock.is_past_deadline(as_of)
}

/// Whether a clock stopped at or after its deadline (one without a deadline
/// stopped neither met nor missed).
fn missed(clock: &Clock) -> bool {
    clock.deadline.is_some() && matches!(clock.state, ClockState::Stopped { met: false, .. })
}

fn local_date(at: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    at.with_timezone(&offset).date_naive()
}

/// The headline counts.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Cases received in the period.
    pub received: u32,
    /// Of those, accepted (受理).
    pub accepted: u32,
    /// Not accepted (不予受理).
    pub not_accepted: u32,
    /// Acceptance not yet decided.
    pub awaiting_acceptance: u32,
    /// Closed (结案), in any way.
    pub closed: u32,
    /// Still open.
    pub open: u32,
    /// Open with a running clock past its deadline at `as_of`.
    pub open_overdue: u32,
    /// Handled in more than one round.
    pub reopened: u32,
    /// Escalated at least once.
    pub escalated: u32,
}

/// One milestone's on-time figures over the counted cases' clocks.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct MilestoneOnTime {
    /// The milestone's Chinese name (its id when the policy lacks it).
    pub name_zh: String,
    /// The policy's order of milestones.
    pub order: u32,
    /// Clocks started (every round).
    pub clocks: u32,
    /// Clocks stopped.
    pub stopped: u32,
    /// Stopped strictly before the deadline.
    pub met: u32,
    /// Stopped at or after the deadline.
    pub missed: u32,
    /// Clocks with a recorded breach (`milestone_breached`).
    pub breached: u32,
    /// Running or paused at the end.
    pub open: u32,
    /// Running with the deadline at or before `as_of`.
    pub overdue: u32,
    /// Clocks without a deadline (the calendar could not count one: a year
    /// the policy refuses without a notice, or beyond its data), open or
    /// stopped. A stopped one is neither met nor missed and is not in
    /// `stopped`; an open one is in `open` and never overdue.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub no_deadline: u32,
    /// `met` ÷ `stopped`.
    pub on_time: Rate,
}

/// Handling time of closed cases, in working hours.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct HandlingTime {
    /// Closed cases measured.
    pub cases: u32,
    /// Their total, in working hours (to the hundredth).
    #[schemars(with = "String")]
    pub total_hours: Decimal,
    /// The average, in working hours; absent without cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub average_hours: Option<Decimal>,
    /// The nearest-rank median (rank ⌈n/2⌉).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub median_hours: Option<Decimal>,
    /// The nearest-rank 90th percentile (rank ⌈9n/10⌉).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub p90_hours: Option<Decimal>,
    /// The longest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub max_hours: Option<Decimal>,
    /// Closed cases left out because the calendar cannot measure them (a
    /// year the policy's calendar refuses to count without a notice).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unmeasured: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl HandlingTime {
    /// Figures over exact durations (any order): the total and average
    /// exact to the nanosecond before rounding to the hundredth of an hour,
    /// median and 90th percentile by nearest rank.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use tousu_report::HandlingTime;
    ///
    /// let hours = |h: i64| TimeDelta::hours(h);
    /// let t = HandlingTime::from_durations(&[hours(3), hours(1), hours(2), TimeDelta::minutes(20)])?;
    /// assert_eq!(t.total_hours.to_string(), "6.33");
    /// assert_eq!(t.average_hours.map(|d| d.to_string()).as_deref(), Some("1.58")); // 380 min ÷ 4 = 1.5833… h
    /// assert_eq!(t.median_hours.map(|d| d.to_string()).as_deref(), Some("1.00")); // rank ⌈4/2⌉ = 2
    /// assert_eq!(t.p90_hours.map(|d| d.to_string()).as_deref(), Some("3.00")); // rank ⌈3.6⌉ = 4
    /// # Ok::<(), tousu_report::ReportError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ReportError::Overflow`] if a figure does not fit a decimal.
    pub fn from_durations(durations: &[TimeDelta]) -> Result<HandlingTime, ReportError> {
        let mut nanos: Vec<i128> = durations
            .iter()
            .map(|d| i128::from(d.num_seconds()) * 1_000_000_000 + i128::from(d.subsec_nanos()))
            .collect();
        nanos.sort_unstable();
        let n = nanos.len();
        let total: i128 = nanos.iter().sum();
        let count = u32::try_from(n).map_err(|_| ReportError::Overflow {
            what: "the number of closed cases".into(),
        })?;
        let n128 = i128::from(count);
        let rank = |pct: usize| -> Option<i128> {
            // Nearest rank ⌈pct·n/100⌉, from 1.
            let r = (pct * n).div_ceil(100).max(1);
            nanos.get(r - 1).copied()
        };
        let opt = |v: Option<i128>, what: &str| -> Result<Option<Decimal>, ReportError> {
            v.map(|x| hours_2dp(x, 1, what)).transpose()
        };
        Ok(HandlingTime {
            cases: count,
            total_hours: hours_2dp(total, 1, "the total handling time")?,
            average_hours: if n == 0 {
                None
            } else {
                Some(hours_2dp(total, n128, "the average handling time")?)
            },
            median_hours: opt(rank(50), "the median handling time")?,
            p90_hours: opt(rank(90), "the 90th percentile handling time")?,
            max_hours: opt(nanos.last().copied(), "the longest handling time")?,
            unmeasured: 0,
        })
    }
}

const NANOS_PER_HOUR: i128 = 3_600_000_000_000;

/// `nanos ÷ divisor` in hours, to the hundredth, half up (values are ≥ 0).
fn hours_2dp(nanos: i128, divisor: i128, what: &str) -> Result<Decimal, ReportError> {
    let overflow = || ReportError::Overflow { what: what.into() };
    let den = divisor
        .checked_mul(NANOS_PER_HOUR)
        .and_then(|d| d.checked_mul(2))
        .ok_or_else(overflow)?;
    let num = nanos
        .checked_mul(200)
        .and_then(|x| x.checked_add(den / 2))
        .ok_or_else(overflow)?;
    let hundredths = num.checked_div(den).ok_or_else(overflow)?;
    Decimal::try_from_i128_with_scale(hundredths, 2).map_err(|_| overflow())
}

/// The satisfaction answers of the counted cases.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionSummary {
    /// Answers by value (`very_satisfied` … `unsatisfied`), every value listed;
    /// shares are of the answers.
    pub distribution: BTreeMap<String, Tally>,
    /// Cases with a callback answer.
    pub answered: u32,
    /// Cases without one.
    pub no_callback: u32,
    /// Satisfied answers (非常满意, 满意, 一般) ÷ answers.
    pub rate: Rate,
}

/// Cases from one complainant in the period.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct RepeatComplainant {
    /// The party id, when the cases carry one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_id: Option<PartyId>,
    /// The telephone number, masked (`139****0001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The name given on the first case, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The cases, by id.
    pub cases: Vec<CaseId>,
    /// The highest `repeat_count` registered on them (earlier complaints).
    pub earlier_complaints: u32,
}

impl RepeatComplainant {
    /// A short identity: `party:P1`, `phone:139****0001` or `-`.
    pub fn identity(&self) -> String {
        match (&self.party_id, &self.phone) {
            (Some(p), _) => format!("party:{p}"),
            (None, Some(ph)) => format!("phone:{ph}"),
            (None, None) => "-".to_owned(),
        }
    }
}

/// A category among the most frequent.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct TopCategory {
    /// 1 to 5.
    pub rank: u32,
    /// The category id.
    pub category: String,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its cases.
    pub count: u32,
    /// Its share of the cases received.
    pub share: Rate,
}

/// An open case with a running clock past its deadline.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct OverdueItem {
    /// The case.
    pub case_id: CaseId,
    /// Its complaint number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<ComplaintNo>,
    /// The local date it was received.
    pub received_on: NaiveDate,
    /// Its status.
    pub status: Status,
    /// Its level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelId>,
    /// The level's Chinese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_zh: Option<String>,
    /// The overdue milestone.
    pub milestone: MilestoneId,
    /// Its Chinese name.
    pub milestone_zh: String,
    /// The round of the clock.
    pub round: u32,
    /// The missed deadline (exclusive).
    pub deadline: DateTime<Utc>,
    /// Clock hours from the deadline to `as_of`, to the hundredth.
    #[schemars(with = "String")]
    pub overdue_hours: Decimal,
    /// The responsible (lead) department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentId>,
    /// Its name, when known ([`PeriodReport::name_departments`] or the penalty result).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_name: Option<String>,
    /// The responsible person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<StaffId>,
}

/// A department's penalty figures for the month.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct PenaltyFigures {
    /// The department's name (`合计` for the total).
    pub name: String,
    /// Staff with a statement.
    pub statements: u32,
    /// Gross charges.
    pub gross: Money,
    /// Instalments carried in.
    pub carried_in: Money,
    /// Deducted this month.
    pub deducted: Money,
    /// Carried forward.
    pub carried_forward: Money,
    /// Rewards.
    pub rewards: Money,
}

/// The month's penalty totals, from a [`tousu_penalty::PeriodResult`].
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct PenaltyTotals {
    /// The month (`2025-10`).
    pub period: String,
    /// By department id.
    pub by_department: BTreeMap<String, PenaltyFigures>,
    /// The whole month.
    pub total: PenaltyFigures,
}

/// A period report (统计分析报告). See the [module docs](self) for every
/// figure's definition.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct PeriodReport {
    /// The document's schema version ([`REPORT_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The policy that named levels, categories and milestones.
    pub policy_id: String,
    /// Its version.
    pub policy_version: String,
    /// The period.
    pub period: ReportPeriod,
    /// Its Chinese name ([`ReportPeriod::label`]).
    pub period_label: String,
    /// The policy's UTC offset (`+08:00`), for local dates and times.
    pub utc_offset: String,
    /// "Now" for open clocks.
    pub as_of: DateTime<Utc>,
    /// Headline counts.
    pub summary: Summary,
    /// By category (投诉内容分类).
    pub by_category: BTreeMap<String, Tally>,
    /// By level (投诉级别).
    pub by_level: BTreeMap<String, Tally>,
    /// By channel (投诉渠道).
    pub by_channel: BTreeMap<String, Tally>,
    /// By responsible department (责任部门).
    pub by_department: BTreeMap<String, Tally>,
    /// By customer class (投诉客户分类 A–D).
    pub by_customer_class: BTreeMap<String, Tally>,
    /// By validity (有效 / 无效 / 恶意).
    pub by_validity: BTreeMap<String, Tally>,
    /// By handling status (投诉处理情况, S15).
    pub by_handling: BTreeMap<String, Tally>,
    /// On-time figures by milestone id.
    pub on_time: BTreeMap<String, MilestoneOnTime>,
    /// Handling time of closed cases.
    pub handling_time: HandlingTime,
    /// Satisfaction (客户满意情况).
    pub satisfaction: SatisfactionSummary,
    /// Repeat complainants, most cases first.
    pub repeat_complainants: Vec<RepeatComplainant>,
    /// The five most frequent categories.
    pub top_categories: Vec<TopCategory>,
    /// The open overdue list at `as_of`.
    pub overdue: Vec<OverdueItem>,
    /// The month's penalty totals, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalties: Option<PenaltyTotals>,
}

impl PeriodReport {
    /// Names the departments of [`PeriodReport::by_department`] and of the
    /// overdue list from an organization tree (ids it lacks keep their label).
    pub fn name_departments(&mut self, tree: &DepartmentTree) {
        let name = |id: &str| {
            DepartmentId::new(id)
                .ok()
                .and_then(|d| tree.get(&d).map(|d| d.name.clone()))
        };
        for (id, tally) in &mut self.by_department {
            if let Some(n) = name(id) {
                tally.label_zh = n;
            }
        }
        for item in &mut self.overdue {
            if let Some(n) = item.department.as_ref().and_then(|d| name(d.as_str())) {
                item.department_name = Some(n);
            }
        }
    }

    /// The JSON Schema of report documents.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(PeriodReport)).unwrap_or_default()
    }
}

/// Counts keyed by id, with labels and order, before shares are computed.
#[derive(Default)]
struct Counter {
    rows: BTreeMap<String, (String, u32, u32)>,
}

impl Counter {
    /// Lists a value with a zero count.
    fn declare(&mut self, key: &str, label: &str, order: u32) {
        self.rows
            .entry(key.to_owned())
            .or_insert_with(|| (label.to_owned(), order, 0));
    }

    fn add(&mut self, key: &str, label: &str, order: u32) {
        let row = self
            .rows
            .entry(key.to_owned())
            .or_insert_with(|| (label.to_owned(), order, 0));
        row.2 = row.2.saturating_add(1);
    }

    fn finish(self, total: u32) -> BTreeMap<String, Tally> {
        self.rows
            .into_iter()
            .map(|(k, (label_zh, order, count))| {
                (
                    k,
                    Tally {
                        label_zh,
                        order,
                        count,
                        share: Rate::new(count, total),
                    },
                )
            })
            .collect()
    }
}

fn pos(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Order for values the policy does not list: after everything it does.
const UNLISTED: u32 = u32::MAX;

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn inc(x: &mut u32) {
    *x = x.saturating_add(1);
}

/// Makes the report for `period`: see the [module docs](self) for which
/// cases count and how every figure is defined.
///
/// # Errors
///
/// [`ReportError::Calendar`] when the calendar cannot measure a closed
/// case's working time (a year without holiday data);
/// [`ReportError::PenaltyPeriodOutside`] when `penalties` is for a month
/// outside the period; [`ReportError::Overflow`] for absurd totals.
pub fn period_report(
    policy: &Policy,
    calendar: &Calendar,
    cases: &[Case],
    period: &ReportPeriod,
    as_of: DateTime<Utc>,
    penalties: Option<&tousu_penalty::PeriodResult>,
) -> Result<PeriodReport, ReportError> {
    let offset = policy.utc_offset();
    let counted: Vec<&Case> = cases
        .iter()
        .filter(|c| period.contains(local_date(c.complaint.received_at, offset)))
        .collect();
    let total = count_u32(counted.len());

    let mut summary = Summary {
        received: total,
        ..Summary::default()
    };
    let mut dims = Breakdowns::declared(policy);
    let category_order: HashMap<&str, (u32, &str)> = policy
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), (pos(i), c.name_zh.as_str())))
        .collect();
    let dept_names: HashMap<&str, &str> = penalties
        .map(|p| {
            p.department_totals
                .iter()
                .map(|d| (d.department.as_str(), d.name.as_str()))
                .collect()
        })
        .unwrap_or_default();

    let mut on_time: BTreeMap<String, MilestoneOnTime> = BTreeMap::new();
    for (i, m) in policy.milestones.iter().enumerate() {
        on_time.insert(m.id.to_string(), empty_on_time(m.name_zh.clone(), pos(i)));
    }

    let mut durations = Vec::new();
    let mut unmeasured = 0u32;
    let (mut answered, mut no_callback, mut satisfied) = (0u32, 0u32, 0u32);

    for case in &counted {
        count_summary(&mut summary, case, as_of);

        dims.add(case, policy, offset, as_of, &category_order, &dept_names);

        count_clocks(&mut on_time, case, policy, as_of);

        // Handling time.
        match handling_duration(calendar, case)? {
            Handling::Measured(worked) => durations.push(worked),
            Handling::Unmeasured => unmeasured += 1,
            Handling::Open => {}
        }

        // Satisfaction.
        match case.callback {
            Some(s) => {
                answered += 1;
                if s.is_satisfied() {
                    satisfied += 1;
                }
                dims.answers.add(s.id(), s.label_zh(), 0);
            }
            None => no_callback += 1,
        }
    }
    for m in on_time.values_mut() {
        m.on_time = Rate::new(m.met, m.stopped);
    }

    let Breakdowns {
        by_category,
        by_level,
        by_channel,
        by_department,
        by_class,
        by_validity,
        by_handling,
        answers,
    } = dims;
    let by_category = by_category.finish(total);
    let top_categories = top_categories(&by_category, total);
    let overdue = overdue_list(policy, cases, period, as_of, &dept_names)?;

    Ok(PeriodReport {
        schema_version: REPORT_SCHEMA_VERSION,
        policy_id: policy.id.to_string(),
        policy_version: policy.version.to_string(),
        period: *period,
        period_label: period.label(),
        utc_offset: offset.to_string(),
        as_of,
        summary,
        by_category,
        by_level: by_level.finish(total),
        by_channel: by_channel.finish(total),
        by_department: by_department.finish(total),
        by_customer_class: by_class.finish(total),
        by_validity: by_validity.finish(total),
        by_handling: by_handling.finish(total),
        on_time,
        handling_time: HandlingTime {
            unmeasured,
            ..HandlingTime::from_durations(&durations)?
        },
        satisfaction: SatisfactionSummary {
            distribution: answers.finish(answered),
            answered,
            no_callback,
            rate: Rate::new(satisfied, answered),
        },
        repeat_complainants: repeat_complainants(&counted),
        top_categories,
        overdue,
        penalties: penalties.map(|p| penalty_totals(p, period)).transpose()?,
    })
}

/// The report's breakdowns, counted case by case.
struct Breakdowns {
    by_category: Counter,
    by_level: Counter,
    by_channel: Counter,
    by_department: Counter,
    by_class: Counter,
    by_validity: Counter,
    by_handling: Counter,
    /// The callback answers (satisfaction).
    answers: Counter,
}

impl Breakdowns {
    /// Empty, with every level, customer class, validity, handling status
    /// and answer listed in its order (so a value nobody had shows as 0).
    fn declared(policy: &Policy) -> Self {
        let mut b = Breakdowns {
            by_category: Counter::default(),
            by_level: Counter::default(),
            by_channel: Counter::default(),
            by_department: Counter::default(),
            by_class: Counter::default(),
            by_validity: Counter::default(),
            by_handling: Counter::default(),
            answers: Counter::default(),
        };
        for (i, l) in policy.levels.iter().enumerate() {
            b.by_level.declare(l.id.as_str(), &l.name_zh, pos(i));
        }
        for (i, c) in CustomerClass::ALL.iter().enumerate() {
            b.by_class.declare(c.id(), c.label_zh(), pos(i));
        }
        for (i, v) in Validity::ALL.iter().enumerate() {
            b.by_validity.declare(v.id(), v.label_zh(), pos(i));
        }
        for (i, h) in HandlingStatus::ALL.iter().enumerate() {
            b.by_handling.declare(h.id(), h.label_zh(), pos(i));
        }
        for (i, s) in Satisfaction::ALL.iter().enumerate() {
            b.answers.declare(s.id(), s.label_zh(), pos(i));
        }
        b
    }

    /// Counts one case in every breakdown but the answers (counted with the
    /// satisfaction figures).
    fn add(
        &mut self,
        case: &Case,
        policy: &Policy,
        offset: FixedOffset,
        as_of: DateTime<Utc>,
        category_order: &HashMap<&str, (u32, &str)>,
        dept_names: &HashMap<&str, &str>,
    ) {
        add_category(&mut self.by_category, case, category_order);
        add_level(&mut self.by_level, case, policy);
        let ch = case.complaint.channel;
        let ch_order = Channel::ALL
            .iter()
            .position(|x| *x == ch)
            .map_or(UNLISTED, pos);
        self.by_channel.add(ch.id(), ch.label_zh(), ch_order);
        match case.assignment.as_ref().map(|a| &a.lead) {
            Some(d) => {
                let name = dept_names.get(d.as_str()).copied().unwrap_or(d.as_str());
                self.by_department.add(d.as_str(), name, 0);
            }
            None => self.by_department.add(UNASSIGNED, "未分派", UNLISTED),
        }
        match case.complaint.customer_class {
            Some(c) => self.by_class.add(c.id(), c.label_zh(), 0),
            None => self.by_class.add(UNCLASSIFIED, "未分类", UNLISTED),
        }
        match case.findings.as_ref().map(|f| f.validity) {
            Some(v) => self.by_validity.add(v.id(), v.label_zh(), 0),
            None => self.by_validity.add(UNDETERMINED, "未认定", UNLISTED),
        }
        let h = HandlingStatus::of(case, offset, as_of);
        self.by_handling.add(h.id(), h.label_zh(), 0);
    }
}

/// A closed case's working time from receipt to closure (see "Handling
/// time" in the module docs); `None` while it is not closed.
pub(crate) fn handling_duration(calendar: &Calendar, case: &Case) -> Result<Handling, ReportError> {
    if case.status != Status::Closed {
        return Ok(Handling::Open);
    }
    let closed_at = case.closure.as_ref().map_or(case.updated_at, |c| c.at);
    // A case the calendar cannot measure (a year its policy refuses to count
    // without a notice) is left out and counted as such: a report never
    // fails for want of next year's data.
    match calendar.working_time_between(case.complaint.received_at, closed_at) {
        Ok(worked) => Ok(Handling::Measured(worked)),
        Err(
            CalendarError::CalendarNotCovered { .. } | CalendarError::BeyondProvisionalRange { .. },
        ) => Ok(Handling::Unmeasured),
        Err(source) => Err(ReportError::Calendar {
            case: case.id.to_string(),
            source,
        }),
    }
}

/// A case's handling time, as far as it can be measured.
pub(crate) enum Handling {
    /// Not closed: nothing to measure.
    Open,
    /// Closed, with its working time from receipt to closure.
    Measured(TimeDelta),
    /// Closed in a period the calendar refuses to count.
    Unmeasured,
}

/// Counts a case in the summary.
fn count_summary(summary: &mut Summary, case: &Case, as_of: DateTime<Utc>) {
    match case.acceptance.as_ref().map(|a| a.accepted) {
        Some(true) => inc(&mut summary.accepted),
        Some(false) => inc(&mut summary.not_accepted),
        None => inc(&mut summary.awaiting_acceptance),
    }
    if case.status == Status::Closed {
        inc(&mut summary.closed);
    }
    if case.status.is_open() {
        inc(&mut summary.open);
        if case.clocks.iter().any(|c| is_overdue(c, as_of)) {
            inc(&mut summary.open_overdue);
        }
    }
    if case.round > 1 {
        inc(&mut summary.reopened);
    }
    if !case.escalations.is_empty() {
        inc(&mut summary.escalated);
    }
}

/// Counts a case's clocks in the on-time rates of their milestones.
fn count_clocks(
    on_time: &mut BTreeMap<String, MilestoneOnTime>,
    case: &Case,
    policy: &Policy,
    as_of: DateTime<Utc>,
) {
    for clock in &case.clocks {
        let entry = on_time
            .entry(clock.milestone.to_string())
            .or_insert_with(|| {
                empty_on_time(
                    tousu_workflow::milestone_name_zh(policy, &clock.milestone),
                    UNLISTED,
                )
            });
        inc(&mut entry.clocks);
        if clock.deadline.is_none() {
            inc(&mut entry.no_deadline);
        }
        match clock.state {
            // Neither met nor missed: it had no deadline to meet.
            ClockState::Stopped { .. } if clock.deadline.is_none() => {}
            ClockState::Stopped { met, .. } => {
                inc(&mut entry.stopped);
                inc(if met {
                    &mut entry.met
                } else {
                    &mut entry.missed
                });
            }
            ClockState::Running | ClockState::Paused { .. } => inc(&mut entry.open),
        }
        if clock.breached {
            inc(&mut entry.breached);
        }
        if is_overdue(clock, as_of) {
            inc(&mut entry.overdue);
        }
    }
}

/// Counts a case under its recorded category, named and ordered by the policy.
fn add_category(counter: &mut Counter, case: &Case, order: &HashMap<&str, (u32, &str)>) {
    match &case.complaint.category {
        Some(c) => {
            let (order, name) = order
                .get(c.as_str())
                .copied()
                .unwrap_or((UNLISTED, c.as_str()));
            counter.add(c.as_str(), name, order);
        }
        None => counter.add(UNCATEGORIZED, "未分类", UNLISTED),
    }
}

/// Counts a case under its level, named and ordered by the policy.
fn add_level(counter: &mut Counter, case: &Case, policy: &Policy) {
    match &case.level {
        Some(l) => match policy.levels.iter().position(|x| &x.id == l) {
            Some(i) => counter.add(
                l.as_str(),
                policy.level(l).map_or(l.as_str(), |x| x.name_zh.as_str()),
                pos(i),
            ),
            None => counter.add(l.as_str(), l.as_str(), UNLISTED),
        },
        None => counter.add(UNCLASSIFIED, "未定级", UNLISTED),
    }
}

fn empty_on_time(name_zh: String, order: u32) -> MilestoneOnTime {
    MilestoneOnTime {
        name_zh,
        order,
        clocks: 0,
        stopped: 0,
        met: 0,
        missed: 0,
        breached: 0,
        open: 0,
        overdue: 0,
        no_deadline: 0,
        on_time: Rate::new(0, 0),
    }
}

fn top_categories(by_category: &BTreeMap<String, Tally>, total: u32) -> Vec<TopCategory> {
    let mut rows: Vec<(&String, &Tally)> = by_category
        .iter()
        .filter(|(k, t)| k.as_str() != UNCATEGORIZED && t.count > 0)
        .collect();
    rows.sort_by(|a, b| {
        b.1.count
            .cmp(&a.1.count)
            .then(a.1.order.cmp(&b.1.order))
            .then(a.0.cmp(b.0))
    });
    rows.into_iter()
        .take(5)
        .enumerate()
        .map(|(i, (k, t))| TopCategory {
            rank: pos(i + 1),
            category: k.clone(),
            name_zh: t.label_zh.clone(),
            count: t.count,
            share: Rate::new(t.count, total),
        })
        .collect()
}

/// Digits of a phone number, or `None` when it has none.
fn phone_digits(phone: &str) -> Option<String> {
    let d: String = phone.chars().filter(char::is_ascii_digit).collect();
    (!d.is_empty()).then_some(d)
}

/// `13900000001` → `139****0001`; shorter numbers keep only their last two digits.
fn mask_phone(digits: &str) -> String {
    let n = digits.chars().count();
    if n >= 7 {
        let head: String = digits.chars().take(3).collect();
        let tail: String = digits.chars().skip(n - 4).collect();
        format!("{head}****{tail}")
    } else {
        let tail: String = digits.chars().skip(n.saturating_sub(2)).collect();
        format!("****{tail}")
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        // Path halving.
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = grand;
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        if let Some(slot) = parent.get_mut(hi) {
            *slot = lo;
        }
    }
}

fn repeat_complainants(cases: &[&Case]) -> Vec<RepeatComplainant> {
    let mut parent: Vec<usize> = (0..cases.len()).collect();
    let mut by_party: HashMap<&str, usize> = HashMap::new();
    let mut by_phone: HashMap<String, usize> = HashMap::new();
    for (i, case) in cases.iter().enumerate() {
        let who = &case.complaint.complainant;
        if let Some(p) = &who.party_id {
            let first = *by_party.entry(p.as_str()).or_insert(i);
            union(&mut parent, first, i);
        }
        if let Some(d) = who.contact.phone.as_deref().and_then(phone_digits) {
            let first = *by_phone.entry(d).or_insert(i);
            union(&mut parent, first, i);
        }
    }
    let mut groups: BTreeMap<usize, Vec<&Case>> = BTreeMap::new();
    for (i, case) in cases.iter().enumerate() {
        groups.entry(find(&mut parent, i)).or_default().push(case);
    }
    let mut out: Vec<RepeatComplainant> = groups
        .into_values()
        .filter(|g| g.len() >= 2 || g.iter().any(|c| c.repeat_count > 0))
        .filter_map(|g| {
            let first = g.first()?;
            let who = &first.complaint.complainant;
            let party_id = g
                .iter()
                .find_map(|c| c.complaint.complainant.party_id.clone());
            let phone = g
                .iter()
                .find_map(|c| {
                    c.complaint
                        .complainant
                        .contact
                        .phone
                        .as_deref()
                        .and_then(phone_digits)
                })
                .map(|d| mask_phone(&d));
            let mut ids: Vec<CaseId> = g.iter().map(|c| c.id.clone()).collect();
            ids.sort();
            Some(RepeatComplainant {
                party_id,
                phone,
                name: who.name.clone(),
                cases: ids,
                earlier_complaints: g.iter().map(|c| c.repeat_count).max().unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.cases
            .len()
            .cmp(&a.cases.len())
            .then_with(|| a.cases.first().cmp(&b.cases.first()))
    });
    out
}

fn overdue_list(
    policy: &Policy,
    cases: &[Case],
    period: &ReportPeriod,
    as_of: DateTime<Utc>,
    dept_names: &HashMap<&str, &str>,
) -> Result<Vec<OverdueItem>, ReportError> {
    let offset = policy.utc_offset();
    let mut out = Vec::new();
    for case in cases {
        let received_on = local_date(case.complaint.received_at, offset);
        if received_on > period.to() || !case.status.is_open() {
            continue;
        }
        for clock in case.clocks.iter().filter(|c| is_overdue(c, as_of)) {
            let Some(deadline) = clock.deadline_at() else {
                continue;
            };
            let late = (as_of - deadline)
                .num_nanoseconds()
                .map(i128::from)
                .ok_or_else(|| ReportError::Overflow {
                    what: format!("case {}: time overdue", case.id),
                })?;
            let department = case.assignment.as_ref().map(|a| a.lead.clone());
            out.push(OverdueItem {
                case_id: case.id.clone(),
                number: case.number.clone(),
                received_on,
                status: case.status,
                level: case.level.clone(),
                level_zh: case
                    .level
                    .as_ref()
                    .and_then(|l| policy.level(l))
                    .map(|l| l.name_zh.clone()),
                milestone: clock.milestone.clone(),
                milestone_zh: tousu_workflow::milestone_name_zh(policy, &clock.milestone),
                round: clock.round,
                deadline,
                overdue_hours: hours_2dp(late, 1, "time overdue")?,
                department_name: department
                    .as_ref()
                    .and_then(|d| dept_names.get(d.as_str()))
                    .map(|s| (*s).to_owned()),
                department,
                handler: case.assignment.as_ref().and_then(|a| a.handler.clone()),
            });
        }
    }
    out.sort_by(|a, b| {
        a.deadline
            .cmp(&b.deadline)
            .then_with(|| a.case_id.cmp(&b.case_id))
            .then_with(|| a.milestone.cmp(&b.milestone))
    });
    Ok(out)
}

fn penalty_totals(
    result: &tousu_penalty::PeriodResult,
    period: &ReportPeriod,
) -> Result<PenaltyTotals, ReportError> {
    let p = result.period;
    let month = ReportPeriod::of_month(p)?;
    if month.from() > period.to() || month.to() < period.from() {
        return Err(ReportError::PenaltyPeriodOutside {
            penalty_period: p.to_string(),
            from: period.from(),
            to: period.to(),
        });
    }
    let by_department = result
        .department_totals
        .iter()
        .map(|d| {
            (
                d.department.to_string(),
                PenaltyFigures {
                    name: d.name.clone(),
                    statements: d.statements,
                    gross: d.gross,
                    carried_in: d.carried_in,
                    deducted: d.deducted,
                    carried_forward: d.carried_forward,
                    rewards: d.rewards,
                },
            )
        })
        .collect();
    let s = &result.summary;
    Ok(PenaltyTotals {
        period: p.to_string(),
        by_department,
        total: PenaltyFigures {
            name: "合计".to_owned(),
            statements: s.statements,
            gross: s.gross,
            carried_in: s.carried_in,
            deducted: s.deducted,
            carried_forward: s.carried_forward,
            rewards: s.rewards,
        },
    })
}
