//! Calendar calls for counting instructions with callgrind (independent of
//! the machine's load), 1,000 calls each unless named otherwise:
//!
//! - `working_time_1000`: `working_time_between` over a year, across
//!   National Day (one pair of instants);
//! - `working_time_varied`: the same over 1,000 pairs of instants spread
//!   over 2024–2027 (working days, weekends, holidays, both orders);
//! - `nth_1000`: `nth_working_day_after` from 2025-09-30 (the day before
//!   National Day: N = 1 is 2025-10-09);
//! - `nth_year` and `table_year`: `nth_working_day_after` and the chrono
//!   day-table loop (`tousu_benches::calendar::DayTable`) from each of the
//!   365 days of 2025, answers asserted equal first.
//!
//! The arguments are the N to run (default 1, 15 and 250). Divide the count
//! of the named function by its calls (1,000, or 365 per N for the `_year`
//! ones):
//!
//! ```sh
//! cargo build --release -p tousu-benches --bin calendar_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*working_time_1000*' target/release/calendar_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*nth_1000*' target/release/calendar_once 1
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*table_year*' target/release/calendar_once 1
//! ```
use std::hint::black_box;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use tousu_benches::Rng;
use tousu_benches::calendar::{DayTable, start_days_2025};
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

/// `working_time_between` over each pair; the sum of their seconds.
#[inline(never)]
fn working_time_varied(cal: &Calendar, pairs: &[(DateTime<Utc>, DateTime<Utc>)]) -> i64 {
    pairs
        .iter()
        .map(|&(a, b)| {
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

/// `nth_working_day_after` from each of `days`; the sum of the answers' ordinals.
#[inline(never)]
fn nth_year(cal: &Calendar, days: &[NaiveDate], n: u32) -> u32 {
    days.iter()
        .map(|&d| {
            cal.nth_working_day_after(black_box(d), black_box(n))
                .unwrap()
                .ordinal()
        })
        .sum()
}

/// The day-table loop from each of `days`; the sum of the answers' ordinals.
#[inline(never)]
fn table_year(table: &DayTable, days: &[NaiveDate], n: u32) -> u32 {
    days.iter()
        .map(|&d| table.nth_after(black_box(d), black_box(n)).ordinal())
        .sum()
}

/// 1,000 pairs of instants over 2024–2027, with nanoseconds.
fn varied_pairs() -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let first: DateTime<Utc> = "2024-01-01T00:00:00+08:00".parse().unwrap();
    let span = 4 * 365 * 86_400_000_000_000_u64;
    let mut rng = Rng(17);
    let mut at = || first + TimeDelta::nanoseconds(i64::try_from(rng.next_u64() % span).unwrap());
    (0..1000).map(|_| (at(), at())).collect()
}

fn main() {
    let ns: Vec<u32> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("an N"))
        .collect();
    let ns = if ns.is_empty() { vec![1, 15, 250] } else { ns };
    let cal = Calendar::china().unwrap();
    let a: DateTime<Utc> = "2025-09-30T10:00:00+08:00".parse().unwrap();
    let b: DateTime<Utc> = "2026-09-30T10:00:00+08:00".parse().unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
    println!("{}", working_time_1000(&cal, a, b));
    println!("{}", working_time_varied(&cal, &varied_pairs()));
    let days = start_days_2025();
    let table = DayTable::from(&cal, 2024, 2027);
    for n in ns {
        for &d in &days {
            assert_eq!(
                cal.nth_working_day_after(d, n).unwrap(),
                table.nth_after(d, n),
                "{d} + {n}"
            );
        }
        println!("{}", nth_1000(&cal, day, n));
        println!(
            "{} {}",
            nth_year(&cal, &days, n),
            table_year(&table, &days, n)
        );
    }
}
