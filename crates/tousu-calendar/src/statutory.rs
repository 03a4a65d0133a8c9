//! The statutory holidays of 《全国年节及纪念日放假办法》 (State Council Order
//! No. 795, in force 1 January 2025): what the law fixes for every year, before
//! any notice says how the year is arranged.
//!
//! Article 2 gives every citizen these days off:
//!
//! | festival | days | when |
//! |---|---|---|
//! | 元旦 New Year | 1 | 1 January |
//! | 春节 Spring Festival | 4 | 除夕 (the eve) and 正月初一 to 初三 |
//! | 清明节 Qingming | 1 | the day of the solar term 清明 |
//! | 劳动节 Labour Day | 2 | 1 and 2 May |
//! | 端午节 Dragon Boat | 1 | 五月初五 |
//! | 中秋节 Mid-Autumn | 1 | 八月十五 |
//! | 国庆节 National Day | 3 | 1 to 3 October |
//!
//! Article 6: 「全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假」 — a
//! holiday on a Saturday or Sunday gives a day off in lieu on a working day.
//! The law does not say which; by practice it is the first working day after
//! the holiday, and a year's notice fixes it. This module takes, for each
//! holiday on a weekend in date order, the first day after it that is a
//! weekday, not a holiday and not already taken in lieu, in the same year (the
//! rule Python `holidays` applies as `China(observed=True)`, against which the
//! tests check 2027–2099 day by day). Only the 调休 arrangement — make-up
//! working weekends and bridging days — comes from nothing but the notice.
//!
//! Lunar dates come from ICU4X's `icu_calendar` (GB/T 33661-2017, precomputed
//! to 2100 and checked by its authors against the Purple Mountain and Hong
//! Kong observatories); the tests check them against a second source
//! (`lunar_python`) for 2025–2100. 清明 is the 寿星 formula for the day the
//! sun reaches 15° ecliptic longitude in Beijing time, checked the same way.
//! The covered range is [`STATUTORY_FIRST_YEAR`] to [`STATUTORY_LAST_YEAR`].

use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use icu_calendar::types::Month;
use icu_calendar::{Date, Iso};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::CalendarError;

/// The first year the statutory days are computed for: Order No. 795 took
/// effect on 1 January 2025 (earlier years had 3 days of 春节 and 1 of 劳动节).
pub const STATUTORY_FIRST_YEAR: i32 = 2025;
/// The last year the statutory days are computed for: the lunar data is
/// checked against the observatories to 2100.
pub const STATUTORY_LAST_YEAR: i32 = 2100;

/// A festival of Order No. 795 art. 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Festival {
    /// 元旦, 1 January.
    NewYear,
    /// 春节: 除夕 and 正月初一 to 初三.
    SpringFestival,
    /// 清明节, the solar term.
    Qingming,
    /// 劳动节, 1 and 2 May.
    LabourDay,
    /// 端午节, 五月初五.
    DragonBoat,
    /// 中秋节, 八月十五.
    MidAutumn,
    /// 国庆节, 1 to 3 October.
    NationalDay,
}

impl Festival {
    /// The festival's Chinese name, as the notices write it.
    #[must_use]
    pub const fn name_zh(self) -> &'static str {
        match self {
            Self::NewYear => "元旦",
            Self::SpringFestival => "春节",
            Self::Qingming => "清明节",
            Self::LabourDay => "劳动节",
            Self::DragonBoat => "端午节",
            Self::MidAutumn => "中秋节",
            Self::NationalDay => "国庆节",
        }
    }

    /// The festival's English name.
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            Self::NewYear => "New Year's Day",
            Self::SpringFestival => "Spring Festival",
            Self::Qingming => "Qingming Festival",
            Self::LabourDay => "Labour Day",
            Self::DragonBoat => "Dragon Boat Festival",
            Self::MidAutumn => "Mid-Autumn Festival",
            Self::NationalDay => "National Day",
        }
    }
}

impl fmt::Display for Festival {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_zh())
    }
}

/// One statutory day off: a festival's own day (art. 2) or a day in lieu of
/// one that fell on a weekend (art. 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatutoryDay {
    /// The date.
    pub date: NaiveDate,
    /// Whose day it is.
    pub festival: Festival,
    /// True for a day in lieu (补假).
    pub in_lieu: bool,
}

/// The statutory days off of `year`, in date order: the festivals of art. 2
/// and the days in lieu of art. 6.
///
/// ```
/// use tousu_calendar::statutory::{Festival, statutory_days};
///
/// let days = statutory_days(2027)?;
/// // 除夕 2027 is Friday 5 February; 初二 and 初三 fall on the weekend, so
/// // Tuesday 9 and Wednesday 10 February are days in lieu.
/// let spring: Vec<String> = days
///     .iter()
///     .filter(|d| d.festival == Festival::SpringFestival)
///     .map(|d| format!("{}{}", d.date.format("%m-%d"), if d.in_lieu { "*" } else { "" }))
///     .collect();
/// assert_eq!(spring, ["02-05", "02-06", "02-07", "02-08", "02-09*", "02-10*"]);
/// # Ok::<(), tousu_calendar::CalendarError>(())
/// ```
///
/// # Errors
///
/// [`CalendarError::OutsideStatutoryRange`] for a year outside
/// [`STATUTORY_FIRST_YEAR`]..=[`STATUTORY_LAST_YEAR`].
pub fn statutory_days(year: i32) -> Result<Vec<StatutoryDay>, CalendarError> {
    if !(STATUTORY_FIRST_YEAR..=STATUTORY_LAST_YEAR).contains(&year) {
        return Err(CalendarError::OutsideStatutoryRange {
            year,
            first: STATUTORY_FIRST_YEAR,
            last: STATUTORY_LAST_YEAR,
        });
    }
    let day = |month: u32, d: u32| ymd(year, month, d);
    let new_year = lunar(year, 1, 1)?;
    let eve = new_year
        .pred_opt()
        .ok_or_else(|| out_of_range(year, "除夕"))?;
    let mut own: Vec<(NaiveDate, Festival)> = vec![(day(1, 1)?, Festival::NewYear)];
    own.push((eve, Festival::SpringFestival));
    for d in new_year.iter_days().take(3) {
        own.push((d, Festival::SpringFestival));
    }
    own.push((qingming(year)?, Festival::Qingming));
    own.push((day(5, 1)?, Festival::LabourDay));
    own.push((day(5, 2)?, Festival::LabourDay));
    own.push((lunar(year, 5, 5)?, Festival::DragonBoat));
    own.push((lunar(year, 8, 15)?, Festival::MidAutumn));
    for d in 1..=3 {
        own.push((day(10, d)?, Festival::NationalDay));
    }
    // Date order; a stable sort keeps two festivals on one date in the order
    // above (中秋 on a 国庆 day gets its own day in lieu after 国庆's).
    own.sort_by_key(|(date, _)| *date);

    let mut days: Vec<StatutoryDay> = own
        .iter()
        .map(|&(date, festival)| StatutoryDay {
            date,
            festival,
            in_lieu: false,
        })
        .collect();
    for &(date, festival) in &own {
        if !is_weekend(date) {
            continue;
        }
        let taken = |d: NaiveDate| days.iter().any(|s| s.date == d);
        let in_lieu = date
            .iter_days()
            .skip(1)
            .take_while(|d| d.year() == year)
            .find(|d| !is_weekend(*d) && !taken(*d));
        // None only if no weekday is left in the year (never for these dates).
        if let Some(date) = in_lieu {
            days.push(StatutoryDay {
                date,
                festival,
                in_lieu: true,
            });
        }
    }
    days.sort_by_key(|d| d.date);
    Ok(days)
}

/// [`statutory_days`] of every year of the range, computed once per process:
/// every calendar built needs them and they never change.
pub(crate) fn cached_statutory_days(year: i32) -> Result<&'static [StatutoryDay], CalendarError> {
    static TABLE: OnceLock<Result<Vec<Vec<StatutoryDay>>, CalendarError>> = OnceLock::new();
    let table = TABLE
        .get_or_init(|| {
            (STATUTORY_FIRST_YEAR..=STATUTORY_LAST_YEAR)
                .map(statutory_days)
                .collect()
        })
        .as_ref()
        .map_err(Clone::clone)?;
    usize::try_from(year - STATUTORY_FIRST_YEAR)
        .ok()
        .and_then(|i| table.get(i))
        .map(Vec::as_slice)
        .ok_or(CalendarError::OutsideStatutoryRange {
            year,
            first: STATUTORY_FIRST_YEAR,
            last: STATUTORY_LAST_YEAR,
        })
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, CalendarError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| out_of_range(year, "a fixed date"))
}

fn out_of_range(year: i32, what: &str) -> CalendarError {
    CalendarError::OutOfRange {
        what: format!("{what} of {year}"),
    }
}

/// The Gregorian date of lunar `month`/`day` (a regular, not a leap, month) of
/// the Chinese year that begins in Gregorian `year`.
fn lunar(year: i32, month: u8, day: u8) -> Result<NaiveDate, CalendarError> {
    let date = Date::try_new_chinese_traditional(year, Month::new(month), day)
        .map_err(|e| out_of_range(year, &format!("lunar {month}/{day} ({e:?})")))?;
    let iso = date.to_calendar(Iso);
    let (y, m, d) = (
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    );
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| out_of_range(year, "a lunar date"))
}

/// 清明 by the 寿星 formula: day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ of April, Y the
/// year within its century, C = 4.81 in the 21st century and 5.15 in the
/// 22nd; in integers to stay exact. Checked against an astronomical source
/// for 2025–2100 in the tests.
fn qingming(year: i32) -> Result<NaiveDate, CalendarError> {
    let y = year.rem_euclid(100);
    let c = if year < 2100 { 48_100 } else { 51_500 };
    let day = (y * 2422 + c) / 10_000 - y / 4;
    let day = u32::try_from(day).map_err(|_| out_of_range(year, "清明"))?;
    ymd(year, 4, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2025_and_2026_notices_agree_with_the_law_on_the_festival_days() {
        // The notices (国办发明电〔2024〕12号, 〔2025〕7号) give these as the
        // festivals' own days; the law must find them too.
        let own = |year| -> Vec<NaiveDate> {
            statutory_days(year)
                .unwrap()
                .into_iter()
                .filter(|d| !d.in_lieu)
                .map(|d| d.date)
                .collect()
        };
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        for date in [
            "2025-01-28",
            "2025-01-31",
            "2025-04-04",
            "2025-05-31",
            "2025-10-06",
        ] {
            assert!(own(2025).contains(&d(date)), "{date}");
        }
        for date in [
            "2026-02-16",
            "2026-02-19",
            "2026-04-05",
            "2026-06-19",
            "2026-09-25",
        ] {
            assert!(own(2026).contains(&d(date)), "{date}");
        }
    }

    #[test]
    fn outside_the_range_is_an_error_naming_the_year() {
        for year in [2024, 2101] {
            let err = statutory_days(year).unwrap_err();
            assert!(err.to_string().contains(&year.to_string()), "{err}");
        }
    }
}
