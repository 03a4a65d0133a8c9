//! Adding N working days: tousu's precomputed calendar against the `bdays`
//! crate (plain `HolidayCalendar` and its `HolidayCalendarCache`), a chrono
//! loop over a `Vec<bool>` day table and a naive day-by-day loop, all on the
//! same holiday and make-up-day set.
//!
//! `working_days` asks from one start day (2025-09-30, before National Day:
//! N = 1 walks nine days); `working_days_2025` from each of the 365 days of
//! 2025 in turn (one element = one call; answers asserted equal for every
//! day and N before timing), the fair comparison for short periods.
//!
//! `cargo bench -p tousu-benches --bench calendar -- --warm-up-time 1 --measurement-time 3`

use std::collections::HashSet;
use std::hint::black_box;

use bdays::{HolidayCalendar, HolidayCalendarCache};
use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tousu_benches::calendar::{DayTable, start_days_2025};
use tousu_policy::calendar::Calendar;
use tousu_policy::duration::{Duration, DurationUnit};

const NS: [u32; 5] = [1, 5, 10, 15, 250];

/// China's calendar for `bdays`: holidays on weekdays, and make-up working days
/// on weekends (bdays' default `is_bday` knows no make-up days, so it is
/// overridden), both read from tousu's calendar for 2024-2027 (2027 from
/// the statutory days: no notice covers it yet).
struct ChinaBdays {
    holidays: HashSet<NaiveDate>,
    make_up: HashSet<NaiveDate>,
}

impl ChinaBdays {
    fn from(cal: &Calendar) -> Self {
        let mut holidays = HashSet::new();
        let mut make_up = HashSet::new();
        let mut d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        while d.year() <= 2027 {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            match (cal.is_working_day(d).unwrap(), weekend) {
                (false, false) => {
                    holidays.insert(d);
                }
                (true, true) => {
                    make_up.insert(d);
                }
                _ => {}
            }
            d = d.succ_opt().unwrap();
        }
        Self { holidays, make_up }
    }
}

impl HolidayCalendar<NaiveDate> for ChinaBdays {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date)
    }

    fn is_bday(&self, date: NaiveDate) -> bool {
        self.make_up.contains(&date) || !(bdays::is_weekend(date) || self.is_holiday(date))
    }
}

/// The reference loop: one `is_working_day` per calendar day.
fn naive_nth_after(cal: &Calendar, mut d: NaiveDate, n: u32) -> NaiveDate {
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap();
        if cal.is_working_day(d).unwrap() {
            left -= 1;
        }
    }
    d
}

fn working_days(c: &mut Criterion) {
    let cal = Calendar::china().unwrap();
    // Crosses National Day 2025; N = 250 crosses into 2026.
    let start: DateTime<Utc> = "2025-09-30T10:00:00+08:00".parse().unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
    let plain = ChinaBdays::from(&cal);
    let cache = HolidayCalendarCache::new(
        ChinaBdays::from(&cal),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    let table = DayTable::from(&cal, 2024, 2026);
    for n in NS {
        let ours = cal.nth_working_day_after(day, n).unwrap();
        assert_eq!(ours, table.nth_after(day, n), "day table, N = {n}");
        let n_i32 = i32::try_from(n).unwrap();
        assert_eq!(
            ours,
            plain.advance_bdays(day, n_i32),
            "bdays plain, N = {n}"
        );
        assert_eq!(
            ours,
            cache.advance_bdays(day, n_i32),
            "bdays cache, N = {n}"
        );
        assert_eq!(ours, naive_nth_after(&cal, day, n), "naive, N = {n}");
    }

    let mut group = c.benchmark_group("working_days");
    for n in NS {
        let within = Duration::new(n, DurationUnit::WorkingDays).unwrap();
        let n_i32 = i32::try_from(n).unwrap();
        group.bench_with_input(
            BenchmarkId::new("tousu_deadline", n),
            &within,
            |b, within| {
                b.iter(|| cal.deadline(black_box(start), black_box(within)).unwrap());
            },
        );
        group.bench_with_input(BenchmarkId::new("tousu_nth_working_day", n), &n, |b, &n| {
            b.iter(|| {
                cal.nth_working_day_after(black_box(day), black_box(n))
                    .unwrap()
            });
        });
        group.bench_with_input(BenchmarkId::new("chrono_day_table", n), &n, |b, &n| {
            b.iter(|| table.nth_after(black_box(day), black_box(n)));
        });
        group.bench_with_input(BenchmarkId::new("bdays_plain", n), &n_i32, |b, &n| {
            b.iter(|| plain.advance_bdays(black_box(day), black_box(n)));
        });
        group.bench_with_input(BenchmarkId::new("bdays_cache", n), &n_i32, |b, &n| {
            b.iter(|| cache.advance_bdays(black_box(day), black_box(n)));
        });
        group.bench_with_input(BenchmarkId::new("naive_loop", n), &n, |b, &n| {
            b.iter(|| naive_nth_after(&cal, black_box(day), black_box(n)));
        });
    }
    group.finish();
    from_every_day(c, &cal);

    let mut group = c.benchmark_group("working_time");
    let end: DateTime<Utc> = "2026-09-30T10:00:00+08:00".parse().unwrap();
    group.bench_function("tousu_working_time_between_1y", |b| {
        b.iter(|| {
            cal.working_time_between(black_box(start), black_box(end))
                .unwrap()
        });
    });
    let hours = Duration::new(2000, DurationUnit::WorkingHours).unwrap();
    group.bench_function("tousu_deadline_2000_working_hours", |b| {
        b.iter(|| cal.deadline(black_box(start), black_box(&hours)).unwrap());
    });
    group.bench_function("tousu_calendar_from_spec", |b| {
        b.iter(|| Calendar::china().unwrap());
    });
    group.finish();
}

/// Each N from every day of 2025: tousu, the day-table loop and bdays'
/// cache, answers asserted equal first; throughput is calls.
fn from_every_day(c: &mut Criterion, cal: &Calendar) {
    let days = start_days_2025();
    let table = DayTable::from(cal, 2024, 2027);
    let cache = HolidayCalendarCache::new(
        ChinaBdays::from(cal),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
    );
    for n in NS {
        for &d in &days {
            let ours = cal.nth_working_day_after(d, n).unwrap();
            assert_eq!(ours, table.nth_after(d, n), "day table, {d} + {n}");
            assert_eq!(
                ours,
                cache.advance_bdays(d, bdays_steps(cal, d, n)),
                "bdays cache, {d} + {n}"
            );
        }
    }
    let mut group = c.benchmark_group("working_days_2025");
    group.throughput(Throughput::Elements(days.len() as u64));
    for n in NS {
        group.bench_with_input(BenchmarkId::new("tousu_nth_working_day", n), &n, |b, &n| {
            b.iter(|| {
                for &d in &days {
                    black_box(
                        cal.nth_working_day_after(black_box(d), black_box(n))
                            .unwrap(),
                    );
                }
            });
        });
        group.bench_with_input(BenchmarkId::new("chrono_day_table", n), &n, |b, &n| {
            b.iter(|| {
                for &d in &days {
                    black_box(table.nth_after(black_box(d), black_box(n)));
                }
            });
        });
        // bdays first rolls a non-working start day forward and counts from
        // there, so asking it the same question takes one step fewer from
        // such a day: the steps are computed outside the timing.
        let asked: Vec<(NaiveDate, i32)> =
            days.iter().map(|&d| (d, bdays_steps(cal, d, n))).collect();
        group.bench_with_input(BenchmarkId::new("bdays_cache", n), &asked, |b, asked| {
            b.iter(|| {
                for &(d, steps) in asked {
                    black_box(cache.advance_bdays(black_box(d), black_box(steps)));
                }
            });
        });
    }
    group.finish();
}

/// The steps to give bdays' `advance_bdays` for tousu's "`n` working days
/// after `d`": bdays rolls a non-working `d` forward to the next working
/// day and counts from it, so from such a day it takes one step fewer.
fn bdays_steps(cal: &Calendar, d: NaiveDate, n: u32) -> i32 {
    let n = i32::try_from(n).unwrap();
    if cal.is_working_day(d).unwrap() {
        n
    } else {
        n - 1
    }
}

criterion_group!(benches, working_days);
criterion_main!(benches);
