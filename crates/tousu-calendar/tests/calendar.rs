//! The business calendar: data, convention, overrides, errors, and the fast
//! path against a naive day-by-day reference.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Timelike, Utc, Weekday};
use proptest::prelude::*;
use tousu_calendar::duration::{Duration, DurationUnit};
use tousu_calendar::{
    Calendar, CalendarError, CalendarSpec, DataSet, Deadline, ProvisionalBasis, YearCoverage,
    YearOrigin,
};

static CHINA: LazyLock<Calendar> = LazyLock::new(|| Calendar::china().unwrap());

/// A policy calendar with business hours and a supplied 2027.
static OFFICE: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::from_spec(&spec(
        r#"
        business_hours = [
            { start = "13:30", end = "17:30" },
            { start = "08:30", end = "12:00" },
        ]
        [[years]]
        year = 2027
        citation = "国办发明电〔2026〕X号"
        holidays = [{ name = "元旦", from = "2027-01-01" }]
        "#,
    ))
    .unwrap()
});

/// China's calendar with [`OFFICE`]'s business hours and nothing else.
static CHINA_OFFICE: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::from_spec(&spec(
        r#"
        business_hours = [
            { start = "08:30", end = "12:00" },
            { start = "13:30", end = "17:30" },
        ]
        "#,
    ))
    .unwrap()
});

static PROVISIONAL: LazyLock<Calendar> =
    LazyLock::new(|| Calendar::from_spec(&spec("provisional = true")).unwrap());

/// China's data with no fallback: years without a notice are errors.
static STRICT: LazyLock<Calendar> =
    LazyLock::new(|| Calendar::from_spec(&spec(r#"uncovered = "error""#)).unwrap());

fn spec(toml_text: &str) -> CalendarSpec {
    toml::from_str(toml_text).unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn dur(s: &str) -> Duration {
    s.parse().unwrap()
}

fn due(cal: &Calendar, start: &str, within: &str) -> DateTime<Utc> {
    cal.deadline(at(start), &dur(within)).unwrap().at
}

// ---------------------------------------------------------------------------
// Naive reference: the notices as written out by hand, walked day by day.
// ---------------------------------------------------------------------------

/// (first day off, last day off) per holiday block, 2024-2026.
const HOLIDAYS: &[(&str, &str)] = &[
    // 2024, 国办发明电〔2023〕7号
    ("2024-01-01", "2024-01-01"),
    ("2024-02-10", "2024-02-17"),
    ("2024-04-04", "2024-04-06"),
    ("2024-05-01", "2024-05-05"),
    ("2024-06-10", "2024-06-10"),
    ("2024-09-15", "2024-09-17"),
    ("2024-10-01", "2024-10-07"),
    // 2025, 国办发明电〔2024〕12号
    ("2025-01-01", "2025-01-01"),
    ("2025-01-28", "2025-02-04"),
    ("2025-04-04", "2025-04-06"),
    ("2025-05-01", "2025-05-05"),
    ("2025-05-31", "2025-06-02"),
    ("2025-10-01", "2025-10-08"),
    // 2026, 国办发明电〔2025〕7号
    ("2026-01-01", "2026-01-03"),
    ("2026-02-15", "2026-02-23"),
    ("2026-04-04", "2026-04-06"),
    ("2026-05-01", "2026-05-05"),
    ("2026-06-19", "2026-06-21"),
    ("2026-09-25", "2026-09-27"),
    ("2026-10-01", "2026-10-07"),
];

const MAKE_UP: &[&str] = &[
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

/// The statutory and in-lieu days of 2027-2099 from a second, independent
/// source: Python `holidays` 0.109, `China(observed=True)` (tests/data/generate.py).
const STATUTORY_2027_2099: &str = include_str!("data/statutory-2027-2099.csv");

/// The days off and make-up days of [`HOLIDAYS`] and [`MAKE_UP`], expanded,
/// and the days of [`STATUTORY_2027_2099`].
static NAIVE_DAYS: LazyLock<(HashSet<NaiveDate>, HashSet<NaiveDate>)> = LazyLock::new(|| {
    let mut off: HashSet<NaiveDate> = STATUTORY_2027_2099
        .lines()
        .skip(1)
        .map(|line| date(line.split(',').next().unwrap()))
        .collect();
    for (a, b) in HOLIDAYS {
        let mut d = date(a);
        while d <= date(b) {
            off.insert(d);
            d = d.succ_opt().unwrap();
        }
    }
    (off, MAKE_UP.iter().map(|s| date(s)).collect())
});

fn naive_is_working(d: NaiveDate) -> bool {
    let (off, make_up) = &*NAIVE_DAYS;
    if make_up.contains(&d) {
        return true;
    }
    if off.contains(&d) {
        return false;
    }
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn naive_nth_after(mut d: NaiveDate, n: u32) -> NaiveDate {
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap();
        if naive_is_working(d) {
            left -= 1;
        }
    }
    d
}

const FIRST: &str = "2024-01-01";
const DAYS_2024_2026: u64 = 1096;

fn day(offset: u64) -> NaiveDate {
    date(FIRST).checked_add_days(Days::new(offset)).unwrap()
}

#[test]
fn every_day_matches_the_notices() {
    for i in 0..DAYS_2024_2026 {
        let d = day(i);
        assert_eq!(CHINA.is_working_day(d).unwrap(), naive_is_working(d), "{d}");
    }
}

// ---------------------------------------------------------------------------
// The convention, by hand.
// ---------------------------------------------------------------------------

#[test]
fn national_day_2025_fifteen_working_days() {
    let d = CHINA
        .deadline(at("2025-09-30T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    assert_eq!(d.at, at("2025-10-29T00:00:00+08:00"));
    assert!(!d.provisional);
    assert_eq!(d.calendar.to_string(), "cn:2025 国办发明电〔2024〕12号");
    assert_eq!(d.calendar.data.as_deref(), Some("cn"));
    assert!(!d.calendar.overrides);
}

#[test]
fn working_days_across_holidays_and_make_up_days() {
    let cases = [
        // 2024 Spring Festival: off 2/10-2/17, Sunday 2/18 is a working day.
        (
            "2024-02-08T10:00:00+08:00",
            "3 working days",
            "2024-02-20T00:00:00+08:00",
        ),
        // Sunday 2024-02-04 is a make-up day.
        (
            "2024-02-02T10:00:00+08:00",
            "1 working day",
            "2024-02-05T00:00:00+08:00",
        ),
        // 2024 National Day: Sunday 9/29 works, 10/1-7 off.
        (
            "2024-09-27T10:00:00+08:00",
            "5个工作日",
            "2024-10-11T00:00:00+08:00",
        ),
        // Saturday 2024-10-12 is a make-up day.
        (
            "2024-10-10T10:00:00+08:00",
            "两个工作日",
            "2024-10-13T00:00:00+08:00",
        ),
        // 2025 Spring Festival: Sunday 1/26 works, 1/28-2/4 off.
        (
            "2025-01-24T10:00:00+08:00",
            "3 working days",
            "2025-02-06T00:00:00+08:00",
        ),
        // New Year 2025, across the year boundary.
        (
            "2024-12-30T09:00:00+08:00",
            "2 working days",
            "2025-01-03T00:00:00+08:00",
        ),
        // New Year 2026: 1/1-1/3 off, Sunday 1/4 works.
        (
            "2025-12-31T09:00:00+08:00",
            "2 working days",
            "2026-01-06T00:00:00+08:00",
        ),
        // 2026 Spring Festival: Saturday 2/14 works, 2/15-2/23 off.
        (
            "2026-02-12T09:00:00+08:00",
            "3 working days",
            "2026-02-25T00:00:00+08:00",
        ),
        // 2026 Mid-Autumn (9/25-27) then National Day (10/1-7), Saturday 10/10 works.
        (
            "2026-09-24T09:00:00+08:00",
            "3 working days",
            "2026-10-01T00:00:00+08:00",
        ),
        (
            "2026-09-24T09:00:00+08:00",
            "4 working days",
            "2026-10-09T00:00:00+08:00",
        ),
        (
            "2026-09-24T09:00:00+08:00",
            "6 working days",
            "2026-10-11T00:00:00+08:00",
        ),
        // Started on a holiday: counting begins with the next working day.
        (
            "2025-10-03T15:00:00+08:00",
            "1 working day",
            "2025-10-10T00:00:00+08:00",
        ),
        // Start late in the evening UTC: the local day (+08:00) is what counts.
        (
            "2025-09-30T17:00:00Z",
            "1 working day",
            "2025-10-10T00:00:00+08:00",
        ),
    ];
    for (start, within, want) in cases {
        assert_eq!(due(&CHINA, start, within), at(want), "{start} + {within}");
    }
}

#[test]
fn calendar_days_roll_to_the_next_working_day() {
    let cases = [
        // Ends on 10/1 (holiday) → next working day 10/9.
        (
            "2025-09-24T16:00:00+08:00",
            "7天",
            "2025-10-10T00:00:00+08:00",
        ),
        // Ends on 2/15 (Spring Festival 2026) → 2/24.
        (
            "2026-02-12T09:00:00+08:00",
            "3 calendar days",
            "2026-02-25T00:00:00+08:00",
        ),
        // Ends on an ordinary Saturday → Monday.
        (
            "2025-03-12T09:00:00+08:00",
            "3 days",
            "2025-03-18T00:00:00+08:00",
        ),
        // Ends on a make-up Saturday, a working day: no roll.
        (
            "2025-10-08T09:00:00+08:00",
            "3日",
            "2025-10-12T00:00:00+08:00",
        ),
        // Ends on a weekday: no roll.
        (
            "2025-03-10T09:00:00+08:00",
            "三天",
            "2025-03-14T00:00:00+08:00",
        ),
    ];
    for (start, within, want) in cases {
        assert_eq!(due(&CHINA, start, within), at(want), "{start} + {within}");
    }
}

#[test]
fn months_use_the_corresponding_day_or_the_last() {
    let cases = [
        (
            "2025-01-31T09:00:00+08:00",
            "1 month",
            "2025-03-01T00:00:00+08:00",
        ),
        (
            "2024-01-31T09:00:00+08:00",
            "一个月",
            "2024-03-01T00:00:00+08:00",
        ),
        (
            "2025-08-31T09:00:00+08:00",
            "1个月",
            "2025-10-01T00:00:00+08:00",
        ),
        // 10/1 is National Day: rolls to 10/9.
        (
            "2025-09-01T09:00:00+08:00",
            "1 month",
            "2025-10-10T00:00:00+08:00",
        ),
        (
            "2025-03-15T09:00:00+08:00",
            "2 months",
            "2025-05-16T00:00:00+08:00",
        ),
    ];
    for (start, within, want) in cases {
        assert_eq!(due(&CHINA, start, within), at(want), "{start} + {within}");
    }
}

#[test]
fn clock_units_are_plain_additions() {
    assert_eq!(
        due(&CHINA, "2025-10-01T23:50:00+08:00", "30 minutes"),
        at("2025-10-02T00:20:00+08:00")
    );
    assert_eq!(
        due(&CHINA, "2025-09-30T18:00:00+08:00", "24小时"),
        at("2025-10-01T18:00:00+08:00")
    );
    // Clock units need no holiday data.
    let d = CHINA
        .deadline(at("2030-06-01T00:00:00Z"), &dur("2 hours"))
        .unwrap();
    assert_eq!(d.at, at("2030-06-01T02:00:00Z"));
    assert!(d.calendar.years.is_empty());
}

#[test]
fn next_and_previous_working_days() {
    assert_eq!(
        CHINA.next_working_day(date("2025-09-30")).unwrap(),
        date("2025-10-09")
    );
    assert_eq!(
        CHINA.next_working_day(date("2025-10-10")).unwrap(),
        date("2025-10-11")
    );
    assert_eq!(
        CHINA.previous_working_day(date("2025-10-09")).unwrap(),
        date("2025-09-30")
    );
    assert_eq!(
        CHINA.previous_working_day(date("2026-01-05")).unwrap(),
        date("2026-01-04")
    );
    assert_eq!(
        CHINA.previous_working_day(date("2026-01-04")).unwrap(),
        date("2025-12-31")
    );
    assert_eq!(
        CHINA
            .nth_working_day_after(date("2024-12-31"), 250)
            .unwrap(),
        naive_nth_after(date("2024-12-31"), 250)
    );
    assert_eq!(
        CHINA
            .working_days_between(date("2025-09-30"), date("2025-10-28"))
            .unwrap(),
        15
    );
}

// ---------------------------------------------------------------------------
// Coverage.
// ---------------------------------------------------------------------------

#[test]
fn uncovered_years_are_errors_when_the_policy_says_so() {
    assert_eq!(
        STRICT.is_working_day(date("2027-01-05")),
        Err(CalendarError::CalendarNotCovered { year: 2027 })
    );
    assert_eq!(
        STRICT.is_working_day(date("2023-12-29")),
        Err(CalendarError::CalendarNotCovered { year: 2023 })
    );
    // A December complaint whose deadline falls in 2027.
    assert_eq!(
        STRICT.deadline(at("2026-12-20T10:00:00+08:00"), &dur("15 working days")),
        Err(CalendarError::CalendarNotCovered { year: 2027 })
    );
    assert_eq!(
        STRICT.previous_working_day(date("2024-01-02")),
        Err(CalendarError::CalendarNotCovered { year: 2023 })
    );
    assert_eq!(STRICT.coverage(2027), YearCoverage::Uncovered);
}

#[test]
fn years_without_a_notice_count_the_statutory_days_by_default() {
    // The issue's production case: 15 working days from 21 December 2026.
    let d = CHINA
        .deadline(at("2026-12-21T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    // 12/22-12/31: 8; 1/1 元旦 off; 1/4-1/8: 5; 1/11, 1/12: the 15th.
    assert_eq!(d.at, at("2027-01-13T00:00:00+08:00"));
    assert!(d.provisional);
    assert_eq!(d.provisional_basis, Some(ProvisionalBasis::StatutoryDays));
    assert_eq!(
        d.calendar.to_string(),
        "cn:2026 国办发明电〔2025〕7号; statutory:2027"
    );
    assert_eq!(CHINA.coverage(2027), YearCoverage::Statutory);
    // 春节 2027: 除夕 Friday 5 February to 初三 Monday 8; 初二 and 初三 fall
    // on the weekend, so Tuesday 9 and Wednesday 10 are days in lieu.
    for (day, working) in [
        ("2027-02-04", true),
        ("2027-02-05", false),
        ("2027-02-08", false),
        ("2027-02-09", false),
        ("2027-02-10", false),
        ("2027-02-11", true),
    ] {
        assert_eq!(CHINA.is_working_day(date(day)).unwrap(), working, "{day}");
    }
    // Not provisional where the notices reach.
    let d = CHINA
        .deadline(at("2025-09-30T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    assert!(!d.provisional);
    assert_eq!(d.provisional_basis, None);
    // Beyond the law's computed range: an error naming the year.
    assert!(matches!(
        CHINA.is_working_day(date("2101-01-03")),
        Err(CalendarError::BeyondProvisionalRange { year: 2101, .. })
    ));
    assert!(matches!(
        CHINA.is_working_day(date("2023-12-29")),
        Err(CalendarError::BeyondProvisionalRange { year: 2023, .. })
    ));
}

#[test]
fn statutory_years_agree_day_by_day_with_an_independent_source() {
    let mut d = date("2027-01-01");
    while d.year() < 2100 {
        assert_eq!(CHINA.is_working_day(d).unwrap(), naive_is_working(d), "{d}");
        d = d.succ_opt().unwrap();
    }
}

#[test]
fn a_policy_supplied_year_covers_it() {
    assert!(OFFICE.is_working_day(date("2027-01-05")).unwrap());
    assert!(!OFFICE.is_working_day(date("2027-01-01")).unwrap());
    let d = OFFICE
        .deadline(at("2026-12-20T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    // 12/21-12/31: 9 working days; 1/1 off; 1/4-1/8: 5; 1/11: the 15th.
    assert_eq!(d.at, at("2027-01-11T17:30:00+08:00"));
    assert!(!d.provisional);
    assert_eq!(
        d.calendar.to_string(),
        "cn:2026 国办发明电〔2025〕7号; policy:2027 国办发明电〔2026〕X号"
    );
    assert_eq!(d.calendar.years[1].origin, YearOrigin::Policy);
    // 2028 has no notice: statutory days (元旦 falls on Saturday, so
    // Monday 3 January is the day in lieu).
    assert_eq!(OFFICE.coverage(2028), YearCoverage::Statutory);
    assert!(!OFFICE.is_working_day(date("2028-01-03")).unwrap());
    assert!(OFFICE.is_working_day(date("2028-01-04")).unwrap());
}

#[test]
fn a_gap_year_is_not_skipped() {
    let cal = Calendar::from_spec(&spec(
        r#"
        uncovered = "error"
        [[years]]
        year = 2028
        citation = "test"
        "#,
    ))
    .unwrap();
    assert_eq!(
        cal.nth_working_day_after(date("2026-12-30"), 5),
        Err(CalendarError::CalendarNotCovered { year: 2027 })
    );
    assert_eq!(
        cal.nth_working_day_after(date("2026-12-30"), 1).unwrap(),
        date("2026-12-31")
    );
}

#[test]
fn provisional_years_are_marked() {
    let d = PROVISIONAL
        .deadline(at("2026-12-28T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    // 12/29-12/31: 3; then weekdays of 2027 (weekends only): 1/1, 1/4-8, 1/11-15, 1/18.
    assert_eq!(d.at, at("2027-01-19T00:00:00+08:00"));
    assert!(d.provisional);
    assert_eq!(
        d.calendar.to_string(),
        "cn:2026 国办发明电〔2025〕7号; provisional:2027"
    );
    let d = PROVISIONAL
        .deadline(at("2025-09-30T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    assert!(!d.provisional);
    assert_eq!(d.at, at("2025-10-29T00:00:00+08:00"));
    assert_eq!(PROVISIONAL.coverage(2027), YearCoverage::Provisional);
    assert!(matches!(
        PROVISIONAL.is_working_day(date("2300-01-01")),
        Err(CalendarError::BeyondProvisionalRange { year: 2300, .. })
    ));
}

#[test]
fn no_data_at_all() {
    let cal = Calendar::from_spec(&spec("data = \"none\"\nuncovered = \"error\"")).unwrap();
    assert_eq!(
        cal.is_working_day(date("2025-01-01")),
        Err(CalendarError::CalendarNotCovered { year: 2025 })
    );
    // Without data the default is weekends only.
    let cal = Calendar::from_spec(&spec(r#"data = "none""#)).unwrap();
    assert!(cal.is_working_day(date("2025-01-01")).unwrap());
    let d = cal
        .deadline(at("2025-01-01T10:00:00+08:00"), &dur("1 working day"))
        .unwrap();
    assert_eq!(d.provisional_basis, Some(ProvisionalBasis::WeekendsOnly));
    let cal = Calendar::from_spec(&spec("data = \"none\"\nprovisional = true")).unwrap();
    assert!(cal.is_working_day(date("2025-01-01")).unwrap());
    let mut s = CalendarSpec::default();
    s.data = DataSet::None;
    assert!(Calendar::from_spec(&s).is_ok());
}

// ---------------------------------------------------------------------------
// Overrides, business hours, options.
// ---------------------------------------------------------------------------

#[test]
fn overrides_apply_and_are_recorded() {
    let cal = Calendar::from_spec(&spec(
        r#"
        extra_holidays = [{ date = "2025-03-14", reason = "厂庆" }]
        closures = ["2025-03-13"]
        extra_working_days = [{ date = "2025-03-16" }]
        "#,
    ))
    .unwrap();
    assert!(!cal.is_working_day(date("2025-03-13")).unwrap());
    assert!(!cal.is_working_day(date("2025-03-14")).unwrap());
    assert!(cal.is_working_day(date("2025-03-16")).unwrap());
    let d = cal
        .deadline(at("2025-03-12T09:00:00+08:00"), &dur("2 working days"))
        .unwrap();
    // 3/13, 3/14 off, 3/15 Saturday, 3/16 Sunday works (1), 3/17 (2).
    assert_eq!(d.at, at("2025-03-18T00:00:00+08:00"));
    assert!(d.calendar.overrides);
    assert!(d.calendar.to_string().ends_with("(+overrides)"));
    let d = cal
        .deadline(at("2025-05-12T09:00:00+08:00"), &dur("2 working days"))
        .unwrap();
    assert!(!d.calendar.overrides);
}

#[test]
fn business_hours() {
    // Working days end at close of business.
    assert_eq!(
        due(&OFFICE, "2025-09-30T10:00:00+08:00", "15 working days"),
        at("2025-10-28T17:30:00+08:00")
    );
    // Working hours: 2.5 h before noon, then the afternoon.
    assert_eq!(
        due(&OFFICE, "2025-03-10T09:30:00+08:00", "4 working hours"),
        at("2025-03-10T15:00:00+08:00")
    );
    // Exactly one business day from opening ends at close, not next opening.
    assert_eq!(
        OFFICE
            .add_working_time(at("2025-03-10T08:30:00+08:00"), TimeDelta::minutes(450))
            .unwrap(),
        at("2025-03-10T17:30:00+08:00")
    );
    // Over National Day 2025: 1 h on 9/30, then 3.5 h + 3.5 h on 10/9.
    assert_eq!(
        due(&OFFICE, "2025-09-30T16:30:00+08:00", "8个工作小时"),
        at("2025-10-09T17:00:00+08:00")
    );
    // Started during lunch / before opening / on a holiday.
    assert_eq!(
        due(&OFFICE, "2025-03-10T12:15:00+08:00", "1 working hour"),
        at("2025-03-10T14:30:00+08:00")
    );
    assert_eq!(
        due(&OFFICE, "2025-10-03T12:15:00+08:00", "1 working hour"),
        at("2025-10-09T09:30:00+08:00")
    );
    assert_eq!(
        OFFICE
            .working_time_between(
                at("2025-09-30T16:30:00+08:00"),
                at("2025-10-09T09:30:00+08:00")
            )
            .unwrap(),
        TimeDelta::hours(2)
    );
    assert_eq!(
        OFFICE
            .working_time_between(
                at("2025-03-10T11:00:00+08:00"),
                at("2025-03-10T14:00:00+08:00")
            )
            .unwrap(),
        TimeDelta::minutes(90)
    );
    assert_eq!(
        OFFICE
            .working_time_between(
                at("2025-03-10T14:00:00+08:00"),
                at("2025-03-10T11:00:00+08:00")
            )
            .unwrap(),
        TimeDelta::zero()
    );
}

#[test]
fn working_hours_without_business_hours_count_whole_days() {
    // 2025-09-30 10:00 → 24:00 is 14 h, then 10/9 from 00:00.
    assert_eq!(
        due(&CHINA, "2025-09-30T10:00:00+08:00", "24 working hours"),
        at("2025-10-09T10:00:00+08:00")
    );
    assert_eq!(
        CHINA
            .working_time_between(
                at("2025-09-30T10:00:00+08:00"),
                at("2025-10-10T06:00:00+08:00")
            )
            .unwrap(),
        TimeDelta::hours(14 + 24 + 6)
    );
}

#[test]
fn convention_options() {
    let cal =
        Calendar::from_spec(&spec("count_start_day = true\nroll_to_working_day = false")).unwrap();
    // Counting 2025-09-24 as day 1: 7 days end on 9/30.
    assert_eq!(
        due(&cal, "2025-09-24T16:00:00+08:00", "7天"),
        at("2025-10-01T00:00:00+08:00")
    );
    // No roll: ends on Saturday 3/15.
    assert_eq!(
        due(&cal, "2025-03-13T09:00:00+08:00", "3 days"),
        at("2025-03-16T00:00:00+08:00")
    );
    // The start day, a working day, counts as the first working day.
    assert_eq!(
        due(&cal, "2025-09-30T10:00:00+08:00", "1 working day"),
        at("2025-10-01T00:00:00+08:00")
    );
}

#[test]
fn utc_offset_sets_day_boundaries() {
    let cal = Calendar::from_spec(&spec(
        "utc_offset = \"+00:00\"\ndata = \"none\"\nprovisional = true",
    ))
    .unwrap();
    assert_eq!(
        due(&cal, "2025-03-10T23:30:00+00:00", "1 working day"),
        at("2025-03-12T00:00:00Z")
    );
    let weekend = Calendar::from_spec(&spec(r#"weekly_rest = ["Friday", "Sat"]"#)).unwrap();
    assert!(weekend.is_working_day(date("2025-03-16")).unwrap());
    assert!(!weekend.is_working_day(date("2025-03-14")).unwrap());
}

// ---------------------------------------------------------------------------
// Validation and messages.
// ---------------------------------------------------------------------------

fn build_err(toml_text: &str) -> CalendarError {
    Calendar::from_spec(&spec(toml_text)).unwrap_err()
}

#[test]
fn validation_errors_name_the_field() {
    let cases = [
        (r#"utc_offset = "Asia/Shanghai""#, "utc_offset"),
        (
            r#"business_hours = [{ start = "12:00", end = "08:30" }]"#,
            "business_hours[0]",
        ),
        (
            r#"business_hours = [{ start = "08:30", end = "12:00" }, { start = "11:00", end = "17:00" }]"#,
            "business_hours[1]",
        ),
        (
            "extra_holidays = [\"2025-03-14\"]\nextra_working_days = [\"2025-03-14\"]",
            "extra_working_days[0]",
        ),
        (
            r#"weekly_rest = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]"#,
            "weekly_rest",
        ),
        (
            "[[years]]\nyear = 2027\ncitation = \"x\"\n[[years]]\nyear = 2027\ncitation = \"y\"",
            "years[1].year",
        ),
        (
            "[[years]]\nyear = 2027\ncitation = \"x\"\nholidays = [{ from = \"2027-12-31\", to = \"2028-01-01\" }]",
            "years[0].holidays[0]",
        ),
        (
            "[[years]]\nyear = 2027\ncitation = \"x\"\nholidays = [{ from = \"2027-02-10\" }]\nworking_days = [\"2027-02-10\"]",
            "years[0].working_days[0]",
        ),
        ("[[years]]\nyear = 1200\ncitation = \"x\"", "years[0].year"),
    ];
    for (text, path) in cases {
        let err = build_err(text);
        assert_eq!(err.path(), Some(path), "{text}: {err}");
        assert!(err.to_string().starts_with(path), "{err}");
    }
}

#[test]
fn error_messages_snapshot() {
    let messages = [
        build_err(r#"utc_offset = "Asia/Shanghai""#).to_string(),
        build_err(
            r#"business_hours = [{ start = "08:30", end = "12:00" }, { start = "11:00", end = "17:00" }]"#,
        )
        .to_string(),
        build_err("closures = [\"2025-03-14\"]\nextra_working_days = [\"2025-03-14\"]").to_string(),
        STRICT.is_working_day(date("2027-01-05")).unwrap_err().to_string(),
        CHINA.is_working_day(date("2101-01-05")).unwrap_err().to_string(),
        build_err("uncovered = \"error\"\nprovisional = true").to_string(),
        PROVISIONAL
            .is_working_day(date("2300-01-01"))
            .unwrap_err()
            .to_string(),
    ];
    insta::assert_snapshot!(messages.join("\n"));
}

#[test]
fn spec_files_are_strict() {
    let err = toml::from_str::<CalendarSpec>("utc_ofset = \"+08:00\"").unwrap_err();
    assert!(err.to_string().contains("unknown field"), "{err}");
    let err =
        toml::from_str::<CalendarSpec>(r#"business_hours = [{ start = "8h30", end = "12:00" }]"#)
            .unwrap_err();
    assert!(
        err.to_string().contains("\"8h30\" is not a time of day"),
        "{err}"
    );
}

#[test]
fn serde_and_schema() {
    let spec = CalendarSpec::default();
    let text = toml::to_string(&spec).unwrap();
    assert_eq!(toml::from_str::<CalendarSpec>(&text).unwrap(), spec);
    let office = OFFICE.spec().clone();
    let json = serde_json::to_string(&office).unwrap();
    assert_eq!(serde_json::from_str::<CalendarSpec>(&json).unwrap(), office);

    let d = OFFICE
        .deadline(at("2026-12-20T10:00:00+08:00"), &dur("15 working days"))
        .unwrap();
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["at"], "2027-01-11T09:30:00Z");
    assert_eq!(json["calendar"]["years"][0]["origin"]["kind"], "data");
    assert_eq!(serde_json::from_value::<Deadline>(json).unwrap(), d);

    let schema = serde_json::to_value(schemars::schema_for!(CalendarSpec)).unwrap();
    let props = &schema["properties"];
    for field in [
        "utc_offset",
        "weekly_rest",
        "data",
        "years",
        "business_hours",
        "provisional",
    ] {
        assert!(props.get(field).is_some(), "{field} missing from {schema}");
    }
    let schema = serde_json::to_value(schemars::schema_for!(Deadline)).unwrap();
    assert!(schema["properties"].get("calendar").is_some());
}

// ---------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------

fn covered_day() -> impl Strategy<Value = NaiveDate> {
    (0..DAYS_2024_2026).prop_map(day)
}

fn instant_2023_2028() -> impl Strategy<Value = DateTime<Utc>> {
    let lo = at("2023-01-01T00:00:00Z").timestamp();
    let hi = at("2029-01-01T00:00:00Z").timestamp();
    (lo..hi).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn any_duration() -> impl Strategy<Value = Duration> {
    let unit = prop_oneof![
        Just(DurationUnit::Minutes),
        Just(DurationUnit::Hours),
        Just(DurationUnit::CalendarDays),
        Just(DurationUnit::WorkingDays),
        Just(DurationUnit::WorkingHours),
        Just(DurationUnit::Months),
    ];
    (prop_oneof![1u32..400, Just(u32::MAX), 1u32..], unit)
        .prop_map(|(n, u)| Duration::new(n, u).unwrap())
}

/// China's calendar on a day that starts west of UTC: the local day is
/// the UTC day before for most of it.
static WEST: LazyLock<Calendar> =
    LazyLock::new(|| Calendar::from_spec(&spec(r#"utc_offset = "-09:30""#)).unwrap());

const NANOS_PER_DAY: i64 = 86_400_000_000_000;

/// [`OFFICE`]'s business hours (08:30–12:00, 13:30–17:30) in nanoseconds
/// from midnight; the other calendars count the whole day.
const OFFICE_WINDOWS: [(i64, i64); 2] = [
    (30_600_000_000_000, 43_200_000_000_000),
    (48_600_000_000_000, 63_000_000_000_000),
];

/// Working time by walking the local days from `a` to `b`: each working
/// day's windows cut to `[a, b)`; the first day not covered gives the
/// calendar's own error for it.
fn naive_working_time(
    cal: &Calendar,
    windows: &[(i64, i64)],
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Result<TimeDelta, CalendarError> {
    if b <= a {
        return Ok(TimeDelta::zero());
    }
    let (la, lb) = (
        a.with_timezone(&cal.offset()).naive_local(),
        b.with_timezone(&cal.offset()).naive_local(),
    );
    let nanos = |t: chrono::NaiveDateTime| {
        i64::from(t.num_seconds_from_midnight()) * 1_000_000_000
            + i64::from(t.nanosecond().min(999_999_999))
    };
    let mut total = 0i64;
    let mut d = la.date();
    loop {
        let from = if d == la.date() { nanos(la) } else { 0 };
        let to = if d == lb.date() {
            nanos(lb)
        } else {
            NANOS_PER_DAY
        };
        if cal.is_working_day(d)? {
            total += windows
                .iter()
                .map(|&(s, e)| (e.min(to) - s.max(from)).max(0))
                .sum::<i64>();
        }
        if d == lb.date() {
            return Ok(TimeDelta::nanoseconds(total));
        }
        d = d.succ_opt().unwrap();
    }
}

/// Instants with nanoseconds, 2023–2028 (past every table edge of
/// [`STRICT`]) or within ten days of a new year the data meets.
fn instant_with_nanos() -> impl Strategy<Value = DateTime<Utc>> {
    let span = |a: &str, b: &str| at(a).timestamp()..at(b).timestamp();
    (
        prop_oneof![
            span("2023-01-01T00:00:00Z", "2029-01-01T00:00:00Z"),
            span("2023-12-22T00:00:00Z", "2024-01-10T00:00:00Z"),
            span("2026-12-22T00:00:00Z", "2027-01-10T00:00:00Z"),
            span("2027-12-22T00:00:00Z", "2028-01-10T00:00:00Z"),
        ],
        0u32..1_000_000_000,
    )
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

/// An instant 2024–2100 with nanoseconds: anywhere, or within two minutes
/// of a Beijing midnight, where holidays begin and end.
fn instant_2024_2100() -> impl Strategy<Value = DateTime<Utc>> {
    let start = at("2024-01-01T00:00:00+08:00").timestamp();
    let end = at("2101-01-01T00:00:00+08:00").timestamp();
    (
        prop_oneof![
            start..end,
            (0..(end - start) / 86_400, -120i64..=120)
                .prop_map(move |(d, s)| start + d * 86_400 + s),
        ],
        0u32..1_000_000_000,
    )
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

/// A day from 2024 to the end of 2027 (China's notices, then the statutory
/// days), weighted to the turn of 2026–2027.
fn day_2024_2027() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (0..DAYS_2024_2026 + 365).prop_map(day),
        (DAYS_2024_2026 - 20..DAYS_2024_2026 + 10).prop_map(day),
    ]
}

/// Working time by the hand-typed notices ([`naive_is_working`]), not the
/// calendar's tables: each local day from `a`'s to `b`'s that works adds
/// its windows cut to `[a, b)`. China's tables span 2024–2100, so a local
/// day outside them is `BeyondProvisionalRange` naming the first year
/// outside on the way (the earlier instant's, or 2101).
fn independent_working_time(
    offset: chrono::FixedOffset,
    windows: &[(i64, i64)],
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Result<TimeDelta, CalendarError> {
    if b <= a {
        return Ok(TimeDelta::zero());
    }
    let (la, lb) = (
        a.with_timezone(&offset).naive_local(),
        b.with_timezone(&offset).naive_local(),
    );
    let beyond = |year| CalendarError::BeyondProvisionalRange {
        year,
        first: 2024,
        last: 2100,
    };
    if !(2024..=2100).contains(&la.year()) {
        return Err(beyond(la.year()));
    }
    if lb.year() > 2100 {
        return Err(beyond(2101));
    }
    // A leap second counts as the second before.
    let nanos = |t: chrono::NaiveDateTime| {
        i64::from(t.hour() * 3600 + t.minute() * 60 + t.second()) * 1_000_000_000
            + i64::from(t.nanosecond().min(999_999_999))
    };
    let mut total = 0i64;
    for d in la.date().iter_days().take_while(|d| *d <= lb.date()) {
        let from = if d == la.date() { nanos(la) } else { 0 };
        let to = if d == lb.date() {
            nanos(lb)
        } else {
            NANOS_PER_DAY
        };
        if naive_is_working(d) {
            total += windows
                .iter()
                .map(|&(s, e)| (e.min(to) - s.max(from)).max(0))
                .sum::<i64>();
        }
    }
    Ok(TimeDelta::nanoseconds(total))
}

/// The days where the 2024–2026 notices turn: each holiday's first day and
/// the day after its last, and each make-up day and the day after it.
static TURNING_DAYS: LazyLock<Vec<NaiveDate>> = LazyLock::new(|| {
    HOLIDAYS
        .iter()
        .flat_map(|(a, b)| [date(a), date(b).succ_opt().unwrap()])
        .chain(
            MAKE_UP
                .iter()
                .flat_map(|d| [date(d), date(d).succ_opt().unwrap()]),
        )
        .collect()
});

/// Instants for `working_time_between` against [`independent_working_time`]
/// at `offset`: anywhere in 2024–2026 local time with nanoseconds; on a day
/// where a holiday or make-up day begins or ends, at its midnight, a window's
/// edge or the day's end, give or take a nanosecond or a second; a leap
/// second (23:59:60 UTC); or outside the tables (1990–2023, 2101–2300).
fn instant_2024_2026(offset: chrono::FixedOffset) -> impl Strategy<Value = DateTime<Utc>> {
    let local = move |d: NaiveDate, nanos: i64| {
        d.and_hms_opt(0, 0, 0)
            .unwrap()
            .and_local_timezone(offset)
            .unwrap()
            .to_utc()
            + TimeDelta::nanoseconds(nanos)
    };
    let edges = [0, 8 * 60 + 30, 12 * 60, 13 * 60 + 30, 17 * 60 + 30, 24 * 60];
    prop_oneof![
        (0..DAYS_2024_2026, 0..NANOS_PER_DAY).prop_map(move |(d, n)| local(day(d), n)),
        (
            proptest::sample::select(TURNING_DAYS.clone()),
            proptest::sample::select(edges.to_vec()),
            prop_oneof![
                Just(0i64),
                Just(1),
                Just(-1),
                Just(1_000_000_000),
                Just(-1_000_000_000)
            ],
        )
            .prop_map(move |(d, minute, by)| local(d, minute * 60_000_000_000 + by)),
        (0..DAYS_2024_2026, 0..NANOS_PER_DAY, 0u32..1_000_000_000).prop_map(move |(d, n, leap)| {
            let t = local(day(d), n);
            let leap_second = t
                .date_naive()
                .and_hms_nano_opt(23, 59, 59, 1_000_000_000 + leap)
                .unwrap()
                .and_utc();
            if n % 2 == 0 { leap_second } else { t }
        }),
        (1990..2024i32, 0..NANOS_PER_DAY)
            .prop_map(move |(y, n)| local(NaiveDate::from_ymd_opt(y, 6, 1).unwrap(), n)),
        (2101..2300i32, 0..NANOS_PER_DAY)
            .prop_map(move |(y, n)| local(NaiveDate::from_ymd_opt(y, 6, 1).unwrap(), n)),
    ]
}

proptest! {
    #[test]
    fn fast_path_equals_naive(d in covered_day(), n in 1u32..=250) {
        let want = naive_nth_after(d, n);
        // Past 2026 the statutory days (ICU4X) meet the independent list.
        let got = CHINA.nth_working_day_after(d, n).unwrap();
        prop_assert_eq!(got, want);
        prop_assert!(CHINA.is_working_day(got).unwrap());
        prop_assert_eq!(CHINA.working_days_between(d, got).unwrap(), n);
        match STRICT.nth_working_day_after(d, n) {
            Ok(strict) => prop_assert_eq!(strict, want),
            Err(e) => {
                prop_assert_eq!(e, CalendarError::CalendarNotCovered { year: 2027 });
                prop_assert!(want.year() >= 2027);
            }
        }
    }

    #[test]
    fn working_time_equals_the_day_walk(a in instant_with_nanos(), b in instant_with_nanos()) {
        let whole = [(0, NANOS_PER_DAY)];
        for (cal, windows) in [
            (&*CHINA, &whole[..]),
            (&*STRICT, &whole[..]),
            (&*PROVISIONAL, &whole[..]),
            (&*WEST, &whole[..]),
            (&*OFFICE, &OFFICE_WINDOWS[..]),
        ] {
            for (x, y) in [(a, b), (b, a)] {
                prop_assert_eq!(cal.working_time_between(x, y), naive_working_time(cal, windows, x, y));
            }
        }
    }

    /// `working_time_between` (the inline whole-day path, the business-hours
    /// path, the checked path for instants outside the tables) against the
    /// hand-typed notices, on China's calendar at +08:00 and at −09:30 and
    /// with business hours, in either order and for the same instant.
    #[test]
    fn working_time_equals_the_hand_typed_notices(
        pairs in prop_oneof![
            (instant_2024_2026(CHINA.offset()), instant_2024_2026(CHINA.offset())),
            (instant_2024_2026(WEST.offset()), instant_2024_2026(WEST.offset())),
        ],
    ) {
        let (a, b) = pairs;
        let whole = [(0, NANOS_PER_DAY)];
        for (cal, windows) in [
            (&*CHINA, &whole[..]),
            (&*WEST, &whole[..]),
            (&*CHINA_OFFICE, &OFFICE_WINDOWS[..]),
        ] {
            for (x, y) in [(a, b), (b, a), (a, a)] {
                prop_assert_eq!(
                    cal.working_time_between(x, y),
                    independent_working_time(cal.offset(), windows, x, y),
                    "{} to {}", x, y
                );
            }
        }
    }

    /// The whole fallback range to 2100, periods up to 40 days, either
    /// order: the tables' difference equals the day walk to the nanosecond.
    #[test]
    fn working_time_to_2100_equals_the_day_walk(
        a in instant_2024_2100(),
        secs in 0i64..40 * 86_400,
        nanos in 0i64..1_000_000_000,
    ) {
        let b = a + TimeDelta::seconds(secs) + TimeDelta::nanoseconds(nanos);
        let whole = [(0, NANOS_PER_DAY)];
        for (cal, windows) in [
            (&*CHINA, &whole[..]),
            (&*PROVISIONAL, &whole[..]),
            (&*WEST, &whole[..]),
            (&*OFFICE, &OFFICE_WINDOWS[..]),
        ] {
            for (x, y) in [(a, b), (b, a), (a, a)] {
                prop_assert_eq!(cal.working_time_between(x, y), naive_working_time(cal, windows, x, y));
            }
        }
    }

    #[test]
    fn nth_working_day_across_the_year_end(d in day_2024_2027(), n in 0u32..=250) {
        let want = naive_nth_after(d, n);
        prop_assert_eq!(CHINA.nth_working_day_after(d, n).unwrap(), want);
        // The strict calendar ends with 2026: the same day, or 2027 named.
        let strict = STRICT.nth_working_day_after(d, n);
        if want.year() <= 2026 {
            prop_assert_eq!(strict, Ok(want));
        } else {
            prop_assert_eq!(strict, Err(CalendarError::CalendarNotCovered { year: 2027 }));
        }
    }

    #[test]
    fn next_and_previous_are_neighbours(d in covered_day()) {
        if let Ok(next) = CHINA.next_working_day(d) {
            prop_assert!(next > d);
            prop_assert!(CHINA.is_working_day(next).unwrap());
            prop_assert_eq!(CHINA.working_days_between(d, next).unwrap(), 1);
            match CHINA.previous_working_day(next.succ_opt().unwrap()) {
                Ok(p) => prop_assert_eq!(p, next),
                Err(e) => prop_assert_eq!(e, CalendarError::CalendarNotCovered { year: 2027 }),
            }
        }
        if let Ok(prev) = CHINA.previous_working_day(d) {
            prop_assert!(prev < d);
            prop_assert!(CHINA.is_working_day(prev).unwrap());
            // No working day strictly between prev and d.
            prop_assert!(CHINA.next_working_day(prev).unwrap() >= d);
        }
    }

    #[test]
    fn deadlines_are_monotone_and_after_start(
        start in instant_2023_2028(), n in 1u32..=250, unit_pick in 0usize..4,
    ) {
        let unit = [
            DurationUnit::WorkingDays,
            DurationUnit::CalendarDays,
            DurationUnit::WorkingHours,
            DurationUnit::Months,
        ][unit_pick];
        let n = if unit == DurationUnit::Months { n % 24 + 1 } else { n };
        for cal in [&*PROVISIONAL, &*OFFICE] {
            let a = cal.deadline(start, &Duration::new(n, unit).unwrap());
            let b = cal.deadline(start, &Duration::new(n + 1, unit).unwrap());
            if let (Ok(a), Ok(b)) = (a, b) {
                prop_assert!(a.at > start);
                prop_assert!(a.at <= b.at);
            }
        }
    }

    #[test]
    fn calendar_days_roll_forward(start in instant_2023_2028(), n in 1u32..=60) {
        let Ok(d) = PROVISIONAL.deadline(start, &Duration::new(n, DurationUnit::CalendarDays).unwrap())
        else { return Ok(()); };
        let local_start = PROVISIONAL.local_date(start).unwrap();
        let nominal = local_start.checked_add_days(Days::new(u64::from(n))).unwrap();
        // The period ends at 24:00 of its last day.
        let last = PROVISIONAL.local_date(d.at).unwrap().pred_opt().unwrap();
        prop_assert!(last >= nominal);
        prop_assert!(PROVISIONAL.is_working_day(last).unwrap());
        // Every day from the nominal end up to the last is a day off.
        let mut x = nominal;
        while x < last {
            prop_assert!(!PROVISIONAL.is_working_day(x).unwrap());
            x = x.succ_opt().unwrap();
        }
    }

    #[test]
    fn working_days_deadline_counts_exactly_n(start in instant_2023_2028(), n in 1u32..=250) {
        let Ok(d) = CHINA.deadline(start, &Duration::new(n, DurationUnit::WorkingDays).unwrap())
        else { return Ok(()); };
        let first = CHINA.local_date(start).unwrap();
        let last = CHINA.local_date(d.at).unwrap().pred_opt().unwrap();
        prop_assert!(CHINA.is_working_day(last).unwrap());
        prop_assert_eq!(CHINA.working_days_between(first, last).unwrap(), n);
        prop_assert_eq!(last, naive_nth_after(first, n));
    }

    #[test]
    fn working_time_round_trips(start in instant_2023_2028(), minutes in 0i64..200_000) {
        for cal in [&*OFFICE, &*PROVISIONAL] {
            let amount = TimeDelta::minutes(minutes);
            let Ok(end) = cal.add_working_time(start, amount) else { continue };
            prop_assert!(end >= start);
            prop_assert_eq!(cal.working_time_between(start, end).unwrap(), amount);
            // Earliest such instant: a second earlier is short, unless no time is needed.
            if minutes > 0 {
                let before = end - TimeDelta::seconds(1);
                prop_assert!(cal.working_time_between(start, before).unwrap() < amount);
            }
        }
    }

    #[test]
    fn working_time_is_additive(
        a in instant_2023_2028(), b in instant_2023_2028(), c in instant_2023_2028(),
    ) {
        let mut v = [a, b, c];
        v.sort();
        let [a, b, c] = v;
        for cal in [&*OFFICE, &*PROVISIONAL] {
            if let (Ok(ab), Ok(bc), Ok(ac)) = (
                cal.working_time_between(a, b),
                cal.working_time_between(b, c),
                cal.working_time_between(a, c),
            ) {
                prop_assert_eq!(ab + bc, ac);
            }
        }
    }

    #[test]
    fn nothing_panics(start in instant_2023_2028(), within in any_duration(), day_off in 0i64..2200) {
        let d = date("2023-01-01") + TimeDelta::days(day_off);
        for cal in [&*CHINA, &*OFFICE, &*PROVISIONAL] {
            let _ = cal.deadline(start, &within);
            let _ = cal.is_working_day(d);
            let _ = cal.next_working_day(d);
            let _ = cal.previous_working_day(d);
            let _ = cal.working_time_between(start, start + TimeDelta::days(day_off));
            let _ = cal.add_working_time(start, TimeDelta::hours(day_off * 7));
        }
    }
}

#[test]
fn extreme_inputs_are_errors_not_panics() {
    for cal in [&*CHINA, &*OFFICE, &*PROVISIONAL] {
        for start in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            for w in [
                "4294967295 minutes",
                "4294967295 working days",
                "4294967295 months",
                "4294967295 working hours",
                "1 day",
                "4294967295 hours",
            ] {
                let _ = cal.deadline(start, &dur(w));
            }
            let _ = cal.working_time_between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
            let _ = cal.add_working_time(start, TimeDelta::MAX);
        }
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = cal.is_working_day(d);
            let _ = cal.next_working_day(d);
            let _ = cal.previous_working_day(d);
            let _ = cal.nth_working_day_after(d, u32::MAX);
        }
    }
    assert!(matches!(
        CHINA.add_working_time(at("2025-01-02T00:00:00Z"), TimeDelta::minutes(-1)),
        Err(CalendarError::NegativeWorkingTime { .. })
    ));
}

#[test]
fn day_entries_accept_both_forms_strictly() {
    let s = spec(
        r#"closures = ["2025-03-13", { date = "2025-03-14", reason = "盘点" }, { date = "2025-03-17" }]"#,
    );
    assert_eq!(s.closures.len(), 3);
    assert_eq!(s.closures[1].reason.as_deref(), Some("盘点"));
    let err =
        toml::from_str::<CalendarSpec>(r#"closures = [{ date = "2025-03-14", resaon = "x" }]"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("unknown field `resaon`"), "{err}");
    let err = toml::from_str::<CalendarSpec>(r#"closures = ["2025-02-30"]"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"2025-02-30\" is not a date"), "{err}");
    let err = toml::from_str::<CalendarSpec>("closures = [20250214]")
        .unwrap_err()
        .to_string();
    assert!(err.contains("a quoted date"), "{err}");
}

/// After a pause, day-unit deadlines end at 24:00 of the day the remaining
/// time runs out on, rolled to a working day; clock units are untouched.
#[test]
fn resumed_day_deadlines_end_at_day_end() {
    use chrono::{FixedOffset, TimeZone};
    let cal = Calendar::china().unwrap();
    let bj = |d: u32, h: u32, m: u32| {
        FixedOffset::east_opt(8 * 3600)
            .unwrap()
            .with_ymd_and_hms(2025, 10, d, h, m, 0)
            .unwrap()
            .to_utc()
    };
    let end = |d: u32| {
        FixedOffset::east_opt(8 * 3600)
            .unwrap()
            .with_ymd_and_hms(2025, 10, d, 0, 0, 0)
            .unwrap()
            .to_utc()
    };
    // Working days: 10-29 21:20 ends 10-29 24:00.
    assert_eq!(
        cal.to_day_end(bj(29, 21, 20), DurationUnit::WorkingDays)
            .unwrap(),
        end(30)
    );
    // Exactly 24:00 stays.
    assert_eq!(
        cal.to_day_end(end(30), DurationUnit::WorkingDays).unwrap(),
        end(30)
    );
    // Calendar days landing on National Day roll to the end of 10-09.
    assert_eq!(
        cal.to_day_end(bj(3, 9, 0), DurationUnit::CalendarDays)
            .unwrap(),
        end(10)
    );
    // A make-up Saturday (10-11) is a working day: no roll.
    assert_eq!(
        cal.to_day_end(bj(11, 9, 0), DurationUnit::CalendarDays)
            .unwrap(),
        end(12)
    );
    // Clock units are plain.
    assert_eq!(
        cal.to_day_end(bj(3, 9, 0), DurationUnit::Hours).unwrap(),
        bj(3, 9, 0)
    );
}

/// The years a deadline consulted are shared by every deadline over the same
/// years, and serialize as the plain list they were stored as before (a
/// `Vec`): stored deadlines load and write back byte for byte.
#[test]
fn year_sources_are_shared_and_stored_as_before() {
    let days = |n| Duration::new(n, DurationUnit::WorkingDays).unwrap();
    let one = CHINA
        .deadline(at("2025-03-03T10:00:00+08:00"), &days(5))
        .unwrap();
    let two = CHINA
        .deadline(at("2025-06-03T10:00:00+08:00"), &days(5))
        .unwrap();
    assert!(std::ptr::eq(
        one.calendar.years.as_ptr(),
        two.calendar.years.as_ptr()
    ));
    let across = CHINA
        .deadline(at("2025-12-25T10:00:00+08:00"), &days(15))
        .unwrap();
    let again = CHINA
        .deadline(at("2025-12-29T10:00:00+08:00"), &days(15))
        .unwrap();
    assert_eq!(across.calendar.years.len(), 2);
    assert!(std::ptr::eq(
        across.calendar.years.as_ptr(),
        again.calendar.years.as_ptr()
    ));

    // As `Vec<YearSource>` wrote it.
    let stored = concat!(
        r#"{"at":"2026-01-16T16:00:00Z","provisional":false,"calendar":{"data":"cn","years":["#,
        r#"{"year":2025,"origin":{"kind":"data","id":"cn"},"citation":"国办发明电〔2024〕12号"},"#,
        r#"{"year":2026,"origin":{"kind":"data","id":"cn"},"citation":"国办发明电〔2025〕7号"}],"#,
        r#""overrides":false}}"#
    );
    let loaded: Deadline = serde_json::from_str(stored).unwrap();
    assert_eq!(loaded, across);
    assert_eq!(serde_json::to_string(&across).unwrap(), stored);
    assert_eq!(serde_json::to_string(&loaded).unwrap(), stored);

    // Older still: no `years` or `overrides` at all; and an empty list.
    let bare = r#"{"at":"2026-01-13T16:00:00Z","provisional":false,"calendar":{}}"#;
    let old: Deadline = serde_json::from_str(bare).unwrap();
    assert!(old.calendar.years.is_empty());
    let empty = r#"{"at":"2026-01-13T16:00:00Z","provisional":false,"calendar":{"years":[],"overrides":false}}"#;
    let d: Deadline = serde_json::from_str(empty).unwrap();
    assert_eq!(d, old);
    assert_eq!(serde_json::to_string(&d).unwrap(), empty);
    assert_eq!(format!("{:?}", d.calendar.years), "[]");
    // A pointer and a length, where a `Vec` was three words.
    assert_eq!(size_of::<tousu_calendar::YearSources>(), 16);
}
