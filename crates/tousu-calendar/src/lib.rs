//! China's working-day calendar: weekly rest days, the State Council's holiday
//! notices (放假安排) as data, the statutory holidays of Order No. 795 for the
//! years no notice covers yet, policy overrides, business hours, and deadlines
//! under the Civil Code convention (民法典 arts. 201–203).
//!
//! # Data
//!
//! The crate embeds China's holidays and make-up working days for 2024, 2025
//! and 2026 (`data/cn-holidays.toml`), each year citing its State Council
//! notice (国务院办公厅关于…部分节假日安排的通知, 国办发明电). On top of it:
//!
//! - **calendar data files** ([`CalendarData`], TOML or JSON, a JSON Schema in
//!   `docs/calendar-data.schema.json`) give whole years, each citing its
//!   notice, and replace the embedded year of the same number — next year's
//!   notice arrives in November as a data change, not a rebuild
//!   ([`Calendar::from_spec_with_data`]);
//! - a [`CalendarSpec`] may supply whole years inline
//!   ([`CalendarSpec::years`]) and add single days:
//!   [`CalendarSpec::extra_holidays`] (local holidays),
//!   [`CalendarSpec::closures`] (company closures) and
//!   [`CalendarSpec::extra_working_days`].
//!
//! # Years no notice covers
//!
//! Each November the next year's notice is not yet published, yet a 15-working-day
//! limit from mid-December ends in January. The holidays themselves are fixed
//! by law ([`statutory`]: Order No. 795 arts. 2 and 6); only the 调休
//! arrangement needs the notice. [`CalendarSpec::uncovered`] chooses what such
//! a year means:
//!
//! - `"statutory"` (the default with the `cn` data): the statutory holidays and
//!   their days in lieu plus the weekly rest days, for
//!   [`STATUTORY_FIRST_YEAR`]–[`STATUTORY_LAST_YEAR`];
//! - `"weekends"`: the weekly rest days only, for
//!   [`PROVISIONAL_FIRST_YEAR`]–[`PROVISIONAL_LAST_YEAR`] (the default with
//!   `data = "none"`; the older `provisional = true` means this);
//! - `"error"`: [`CalendarError::CalendarNotCovered`] naming the year.
//!
//! Every deadline counted through such a year is [`Deadline::provisional`],
//! says how ([`Deadline::provisional_basis`]) and lists the years it consulted
//! with their origin ([`Deadline::calendar`]), so that a program can
//! recompute it when the notice arrives. Beyond the fallback's range, and for
//! every uncovered year under `"error"`, the calendar answers with an error
//! naming the year: it never guesses silently.
//!
//! # Deadline convention
//!
//! Days are local to the policy's fixed UTC offset (default `+08:00`). By
//! default ([`CalendarSpec::count_start_day`] false,
//! [`CalendarSpec::roll_to_working_day`] true):
//!
//! - **Seconds, minutes and hours** are plain clock additions to the start instant.
//! - **Calendar days, working days and months** do not count the starting day.
//!   A period of *n* calendar days ends on the *n*-th day after the start day,
//!   *n* working days on the *n*-th working day after it, *n* months on the
//!   corresponding day *n* months later (or that month's last day if it has
//!   none: 31 January + 1 month = 28/29 February).
//! - A calendar-day or month period whose last day is not a working day ends on
//!   the next working day.
//! - A period ends at 24:00 of its last day, or at close of business (the end
//!   of the day's last business-hours window) when business hours are set.
//! - A deadline is an exclusive instant: on time means strictly before it, so
//!   "end of 2025-10-10" is `2025-10-11T00:00:00+08:00`.
//! - **Working hours** count only time inside business hours on working days.
//!   Without business hours a working day counts whole, 24 hours from 00:00 to
//!   24:00, and other days count nothing. A period that runs out exactly at a
//!   window's end ends there (close of business), not at the next opening.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use tousu_calendar::Calendar;
//! use tousu_calendar::duration::Duration;
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let china = Calendar::china()?;
//!     let start: DateTime<Utc> = "2025-09-30T10:00:00+08:00".parse()?;
//!     // 1-8 October are National Day; Saturday 11 October is a make-up day.
//!     let due = china.deadline(start, &"15 working days".parse::<Duration>()?)?;
//!     assert_eq!(due.at, "2025-10-29T00:00:00+08:00".parse::<DateTime<Utc>>()?);
//!     assert!(!due.provisional);
//!     assert_eq!(due.calendar.to_string(), "cn:2025 国办发明电〔2024〕12号");
//!
//!     // 7 calendar days from 2025-09-24 end on 1 October, a holiday: the
//!     // period rolls to the next working day, Thursday 9 October.
//!     let start: DateTime<Utc> = "2025-09-24T16:00:00+08:00".parse()?;
//!     let due = china.deadline(start, &"7天".parse::<Duration>()?)?;
//!     assert_eq!(due.at, "2025-10-10T00:00:00+08:00".parse::<DateTime<Utc>>()?);
//!     Ok(())
//! }
//! ```
//!
//! A policy writes its calendar in TOML (dates quoted):
//!
//! ```
//! use chrono::{DateTime, NaiveDate, Utc};
//! use tousu_calendar::{Calendar, CalendarSpec};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let spec: CalendarSpec = toml::from_str(r#"
//!         utc_offset = "+08:00"
//!         closures = [{ date = "2026-12-31", reason = "年终盘点" }]
//!         business_hours = [
//!             { start = "08:30", end = "12:00" },
//!             { start = "13:30", end = "17:30" },
//!         ]
//!
//!         [[years]]
//!         year = 2027
//!         citation = "国办发明电〔2026〕X号"
//!         holidays = [{ name = "元旦", from = "2027-01-01" }]
//!         working_days = []
//!     "#)?;
//!     let calendar = Calendar::from_spec(&spec)?;
//!     let d = |s: &str| s.parse::<NaiveDate>();
//!     assert!(!calendar.is_working_day(d("2026-12-31")?)?);
//!     assert_eq!(calendar.next_working_day(d("2026-12-30")?)?, d("2027-01-04")?);
//!     // 8 working hours from Wednesday 16:00: 1.5 h, then 6.5 h on Monday.
//!     let start: DateTime<Utc> = "2026-12-30T16:00:00+08:00".parse()?;
//!     let due = calendar.deadline(start, &"8个工作小时".parse()?)?;
//!     assert_eq!(due.at, "2027-01-04T16:30:00+08:00".parse::<DateTime<Utc>>()?);
//!     Ok(())
//! }
//! ```
//!
//! # Speed
//!
//! The calendar precomputes, over the years it covers, the number of working
//! days before each day (a `u32` per day) and the index of each working day
//! (a `u32` per working day), and the index of each year's 1 January. A
//! date's index is its year's first index plus its ordinal; the *n*-th
//! working day after it is two table loads, so adding 1 or 250 working days
//! costs the same, across years too; the working time between two instants
//! is the working time before one minus the working time before the other.
//! The tables take about 7 bytes per day (190 KB for China's 2024–2100).
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

mod calendar;
pub mod data;
pub mod duration;
pub mod statutory;

pub use calendar::*;
pub use data::{CALENDAR_DATA_SCHEMA_VERSION, CalendarData};
pub use duration::{Duration, DurationParseError, DurationUnit};
pub use statutory::{Festival, STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR, StatutoryDay};

/// The README's example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;
