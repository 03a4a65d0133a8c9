//! Calendar calls for counting instructions with callgrind (independent of
//! the machine's load): 1,000 calls each of `working_time_between` (over a
//! year, across National Day) and `nth_working_day_after` (N = 1, 15, 250).
//! Divide the count of the named function by 1,000 calls:
//!
//! ```sh
//! cargo build --release -p tousu-benches --bin calendar_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*working_time_1000*' target/release/calendar_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*nth_1000*' target/release/calendar_once
//! ```
use std::hint::black_box;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use tousu_policy::calendar::Calendar;

/// 1,000 `working_time_between` calls; the sum of their seconds.
#[inline(never)]
fn working_time_1000(cal: &Calendar, a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
    (0..1000)
        .map(|_| {
            cal.working_time_between(black_box(a), black_box(b))
                .unwrap()
                .num_seconds()
        })
        .sum()
}

/// 1,000 `nth_working_day_after` calls with `n`.
#[inline(never)]
fn nth_1000(cal: &Calendar, day: NaiveDate, n: u32) -> i64 {
    (0..1000)
        .map(|_| {
            i64::from(
                cal.nth_working_day_after(black_box(day), black_box(n))
                    .unwrap()
                    .num_days_from_ce(),
            )
        })
        .sum()
}

fn main() {
    let cal = Calendar::china().unwrap();
    let a: DateTime<Utc> = "2025-09-30T10:00:00+08:00".parse().unwrap();
    let b: DateTime<Utc> = "2026-09-30T10:00:00+08:00".parse().unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
    println!("{}", working_time_1000(&cal, a, b));
    for n in [1, 15, 250] {
        println!("{}", nth_1000(&cal, day, n));
    }
}
