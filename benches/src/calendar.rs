//! What the calendar is compared against, shared by `benches/calendar.rs` and
//! `src/bin/calendar_once.rs`: the loop a user writes first over a `Vec<bool>`
//! day table, and the start days both are asked about.

use chrono::{Datelike, NaiveDate};
use tousu_policy::calendar::Calendar;

/// One `bool` per day, read from tousu's calendar, and a chrono date to index
/// and back: what a user writes first. It walks one day per step and panics
/// past its table's end (a bench may; the library may not).
pub struct DayTable {
    first_day: i32,
    working: Vec<bool>,
}

impl DayTable {
    /// The table for years `first..=last` of `cal`.
    ///
    /// # Panics
    ///
    /// If `cal` does not cover those years.
    #[must_use]
    pub fn from(cal: &Calendar, first: i32, last: i32) -> Self {
        let first = NaiveDate::from_ymd_opt(first, 1, 1).expect("a year chrono knows");
        let working = first
            .iter_days()
            .take_while(|d| d.year() <= last)
            .map(|d| {
                cal.is_working_day(d)
                    .expect("the table's years are covered")
            })
            .collect();
        Self {
            first_day: first.num_days_from_ce(),
            working,
        }
    }

    /// Whether `d` is a working day.
    ///
    /// # Panics
    ///
    /// Outside the table.
    #[must_use]
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        let i = usize::try_from(d.num_days_from_ce() - self.first_day).expect("inside the table");
        self.working[i]
    }

    /// The `n`-th working day strictly after `d` (`d` itself for `n` = 0).
    ///
    /// # Panics
    ///
    /// If the answer is past the table's end.
    #[inline]
    #[must_use]
    pub fn nth_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut i =
            usize::try_from(d.num_days_from_ce() - self.first_day).expect("inside the table");
        let mut left = n;
        while left > 0 {
            i += 1;
            if self.working[i] {
                left -= 1;
            }
        }
        NaiveDate::from_num_days_from_ce_opt(self.first_day + i32::try_from(i).expect("small"))
            .expect("a date chrono knows")
    }
}

/// Every day of 2025: the start days of the year-long comparisons, so that
/// a short period is asked from weekdays, weekends and holidays in the
/// proportions a year has them (a single start day before National Day
/// makes N = 1 walk nine days).
#[must_use]
pub fn start_days_2025() -> Vec<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 1, 1)
        .expect("a date")
        .iter_days()
        .take_while(|d| d.year() == 2025)
        .collect()
}
