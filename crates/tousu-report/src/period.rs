//! The period a report covers: a week, a month, a quarter, a year or any
//! inclusive range of local dates.

use chrono::{Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, Weekday};

use super::ReportError;

/// The local dates a report covers, both ends inclusive, in the policy's UTC
/// offset (周报 / 月报 / 季报 / 年报).
///
/// Build one with [`ReportPeriod::week_of`], [`ReportPeriod::month`],
/// [`ReportPeriod::quarter`], [`ReportPeriod::year`] or
/// [`ReportPeriod::custom`]; each checks that the period exists and that
/// `from` is not after `to`. A deserialized period is checked the same way.
///
/// ```
/// use chrono::NaiveDate;
/// use tousu_report::ReportPeriod;
///
/// let q1 = ReportPeriod::quarter(2024, 1)?;
/// assert_eq!(q1.to(), NaiveDate::from_ymd_opt(2024, 3, 31).ok_or("date")?);
/// assert_eq!(q1.days(), 91); // 2024 is a leap year
/// assert_eq!(q1.label(), "2024年第1季度");
/// let week = ReportPeriod::week_of(NaiveDate::from_ymd_opt(2025, 10, 9).ok_or("date")?)?;
/// assert_eq!(week.from().to_string(), "2025-10-06"); // weeks run Monday to Sunday
/// assert_eq!(week.label(), "2025年第41周");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(try_from = "PeriodDoc", deny_unknown_fields)]
pub struct ReportPeriod {
    /// The first local date (inclusive).
    from: NaiveDate,
    /// The last local date (inclusive).
    to: NaiveDate,
}

/// The unchecked serialized form of a [`ReportPeriod`].
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct PeriodDoc {
    /// The first local date (inclusive).
    from: NaiveDate,
    /// The last local date (inclusive); not before `from`.
    to: NaiveDate,
}

impl TryFrom<PeriodDoc> for ReportPeriod {
    type Error = ReportError;
    fn try_from(doc: PeriodDoc) -> Result<Self, ReportError> {
        ReportPeriod::custom(doc.from, doc.to)
    }
}

fn invalid(what: String) -> ReportError {
    ReportError::InvalidPeriod { what }
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, ReportError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| invalid(format!("{year:04}-{month:02}-{day:02} is not a date")))
}

/// The last day of a month.
fn last_of_month(year: i32, month: u32) -> Result<NaiveDate, ReportError> {
    let first_of_next = if month == 12 {
        year.checked_add(1).map(|y| (y, 1))
    } else {
        Some((year, month + 1))
    };
    first_of_next
        .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| invalid(format!("{year:04}-{month:02} has no last day in range")))
}

impl ReportPeriod {
    /// Any range of local dates, both inclusive.
    ///
    /// # Errors
    ///
    /// [`ReportError::InvertedPeriod`] if `from` is after `to`.
    pub fn custom(from: NaiveDate, to: NaiveDate) -> Result<Self, ReportError> {
        if from > to {
            return Err(ReportError::InvertedPeriod { from, to });
        }
        Ok(ReportPeriod { from, to })
    }

    /// The week (Monday to Sunday, as Chinese calendars and ISO 8601 count)
    /// that contains `date` (周报).
    ///
    /// # Errors
    ///
    /// [`ReportError::InvalidPeriod`] at the edges of chrono's date range.
    pub fn week_of(date: NaiveDate) -> Result<Self, ReportError> {
        let back = u64::from(date.weekday().num_days_from_monday());
        let from = date
            .checked_sub_days(Days::new(back))
            .ok_or_else(|| invalid(format!("the week of {date} starts out of range")))?;
        let to = from
            .checked_add_days(Days::new(6))
            .ok_or_else(|| invalid(format!("the week of {date} ends out of range")))?;
        Self::custom(from, to)
    }

    /// The calendar month a penalty statement settles, as a report period.
    ///
    /// # Errors
    ///
    /// [`ReportError::InvalidPeriod`] if the month is out of chrono's range.
    pub fn of_month(month: tousu_penalty::Month) -> Result<Self, ReportError> {
        Self::month(month.year(), month.month())
    }

    /// A calendar month, `month` 1–12 (月报).
    ///
    /// # Errors
    ///
    /// [`ReportError::InvalidPeriod`] if `month` is not 1–12 or the year is
    /// out of chrono's range.
    pub fn month(year: i32, month: u32) -> Result<Self, ReportError> {
        if !(1..=12).contains(&month) {
            return Err(invalid(format!(
                "month {month} of {year}; expected a month 1-12"
            )));
        }
        Self::custom(ymd(year, month, 1)?, last_of_month(year, month)?)
    }

    /// A calendar quarter, `quarter` 1–4: January–March, April–June,
    /// July–September, October–December (季报).
    ///
    /// # Errors
    ///
    /// [`ReportError::InvalidPeriod`] if `quarter` is not 1–4 or the year is
    /// out of chrono's range.
    pub fn quarter(year: i32, quarter: u32) -> Result<Self, ReportError> {
        if !(1..=4).contains(&quarter) {
            return Err(invalid(format!(
                "quarter {quarter} of {year}; expected a quarter 1-4"
            )));
        }
        let first_month = (quarter - 1) * 3 + 1;
        Self::custom(
            ymd(year, first_month, 1)?,
            last_of_month(year, first_month + 2)?,
        )
    }

    /// A calendar year, 1 January to 31 December (年报).
    ///
    /// # Errors
    ///
    /// [`ReportError::InvalidPeriod`] if the year is out of chrono's range.
    pub fn year(year: i32) -> Result<Self, ReportError> {
        Self::custom(ymd(year, 1, 1)?, ymd(year, 12, 31)?)
    }

    /// The first local date (inclusive).
    pub const fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last local date (inclusive).
    pub const fn to(&self) -> NaiveDate {
        self.to
    }

    /// Whether `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The number of days in the period (at least 1).
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The instant the period ends (exclusive): local midnight after its last
    /// day, in `offset`. `None` at the edge of chrono's range.
    pub fn end_instant(&self, offset: FixedOffset) -> Option<chrono::DateTime<chrono::Utc>> {
        let next = self.to.succ_opt()?;
        local_midnight(next, offset)
    }

    /// The instant the period starts: local midnight of its first day in
    /// `offset`. `None` at the edge of chrono's range.
    pub fn start_instant(&self, offset: FixedOffset) -> Option<chrono::DateTime<chrono::Utc>> {
        local_midnight(self.from, offset)
    }

    /// A Chinese name for the period: `2025年`, `2025年第4季度`, `2025年10月`,
    /// `2025年第41周` (ISO week), or `2025-10-01至2025-10-15` for any other range.
    pub fn label(&self) -> String {
        let (y, m) = (self.from.year(), self.from.month());
        let starts_month = self.from.day() == 1;
        let ends_month = last_of_month(self.to.year(), self.to.month()).ok() == Some(self.to);
        let same_year = self.to.year() == y;
        if starts_month && ends_month && same_year {
            let months = self.to.month() + 1 - m;
            if m == 1 && months == 12 {
                return format!("{y}年");
            }
            if months == 3 && m % 3 == 1 {
                return format!("{y}年第{}季度", (m - 1) / 3 + 1);
            }
            if months == 1 {
                return format!("{y}年{m}月");
            }
        }
        if self.from.weekday() == Weekday::Mon && self.days() == 7 {
            let w = self.from.iso_week();
            return format!("{}年第{}周", w.year(), w.week());
        }
        format!("{}至{}", self.from, self.to)
    }
}

fn local_midnight(date: NaiveDate, offset: FixedOffset) -> Option<chrono::DateTime<chrono::Utc>> {
    let local: NaiveDateTime = date.and_hms_opt(0, 0, 0)?;
    local
        .checked_sub_offset(offset)
        .map(|n| chrono::DateTime::from_naive_utc_and_offset(n, chrono::Utc))
}
