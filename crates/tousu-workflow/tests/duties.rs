//! Periodic duties: the laws of their occurrences on the policy's calendar,
//! and the judging of records of performance (met, late, missed, open; who
//! is charged, or why nobody is; mistakes in the log with their paths).

use chrono::{DateTime, Days, NaiveDate, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use tousu_model::*;
use tousu_policy::{Duty, Policy};
use tousu_workflow::*;

fn policy(duties: &str) -> Policy {
    let text = format!(
        "{}\n[penalties.violations.review_late]\ndescription_zh = \"未按时审核\"\nresponsible = \"50\"\n{duties}",
        tousu_policy::DEFAULT_POLICY_TOML
    );
    Policy::from_toml_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn duty_toml(id: &str, period: &str, working_days: bool, on_miss: &str) -> String {
    format!(
        "[[duties]]\nid = \"{id}\"\nname_zh = \"审核\"\nrole = \"complaint_manager\"\nclause = \"每天审核\"\nperiod = {period}\nworking_days = {working_days}\non_miss = {on_miss}\n"
    )
}

fn roster(managers: &[&str]) -> Roster {
    let cs = DepartmentId::new("cs").unwrap();
    Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        managers
            .iter()
            .map(|m| {
                Staff::new(StaffId::new(*m).unwrap(), *m, cs.clone())
                    .with_role(RoleId::new("complaint_manager").unwrap())
            })
            .chain([Staff::new(
                StaffId::new("clerk").unwrap(),
                "clerk",
                cs.clone(),
            )])
            .collect(),
    )
    .unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn beijing(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .unwrap()
        .to_utc()
}

fn record(duty: &str, period: &str, staff: &str, at: DateTime<Utc>) -> DutyRecord {
    DutyRecord::new(
        duty.parse().unwrap(),
        period.parse().unwrap(),
        StaffId::new(staff).unwrap(),
        at,
    )
}

const DAILY_BREACH: &str = r#"{ violation = "review_late" }"#;

#[test]
fn several_holders_and_no_rota_charge_nobody_and_say_why() {
    let p = policy(&duty_toml(
        "review",
        r#"{ every = "day" }"#,
        false,
        DAILY_BREACH,
    ));
    let cal = p.build_calendar().unwrap();
    let r = roster(&["a", "b"]);
    let report = judge_duties(
        &p,
        &cal,
        &r,
        &DutyLog::default(),
        day(2025, 3, 3),
        day(2025, 3, 3),
        beijing(2025, 3, 5, 9),
    )
    .unwrap();
    let j = &report.judgements[0];
    assert_eq!(j.outcome, DutyOutcome::Missed);
    assert_eq!(j.charge, None);
    assert_eq!(j.owed_by, None);
    assert!(j.because.ends_with("charged to nobody: 2 people hold the role complaint_manager and the rota names none for 2025-03-03"), "{}", j.because);
    // The rota names who owed it; a colleague holding the role who does it
    // late does not move the charge off the person on the rota.
    let mut log = DutyLog::default();
    log.rota.push(RotaEntry {
        duty: "review".parse().unwrap(),
        period: "2025-03-03".parse().unwrap(),
        staff: StaffId::new("a").unwrap(),
    });
    log.records
        .push(record("review", "2025-03-03", "b", beijing(2025, 3, 4, 9)));
    let report = judge_duties(
        &p,
        &cal,
        &r,
        &log,
        day(2025, 3, 3),
        day(2025, 3, 3),
        beijing(2025, 3, 5, 9),
    )
    .unwrap();
    let j = &report.judgements[0];
    assert!(matches!(&j.outcome, DutyOutcome::Late { staff, .. } if staff.as_str() == "b"));
    assert_eq!(j.charge.as_ref().map(|c| c.staff.as_str()), Some("a"));
    assert!(
        j.because
            .ends_with("charged to a, on the rota for 2025-03-03"),
        "{}",
        j.because
    );
}

#[test]
fn mistakes_in_the_log_are_reported_together_with_paths() {
    let p = policy(&duty_toml(
        "review",
        r#"{ every = "day" }"#,
        false,
        DAILY_BREACH,
    ));
    let cal = p.build_calendar().unwrap();
    let r = roster(&["a"]);
    let mut log = DutyLog::default();
    log.records
        .push(record("review", "2025-03", "a", beijing(2025, 3, 3, 9)));
    log.records
        .push(record("nap", "2025-03-03", "zed", beijing(2025, 3, 3, 9)));
    log.records
        .push(record("review", "2025-03-04", "a", beijing(2025, 3, 9, 9)));
    for _ in 0..2 {
        log.rota.push(RotaEntry {
            duty: "review".parse().unwrap(),
            period: "2025-03-03".parse().unwrap(),
            staff: StaffId::new("a").unwrap(),
        });
    }
    let before = log.clone();
    let e = judge_duties(
        &p,
        &cal,
        &r,
        &log,
        day(2025, 3, 3),
        day(2025, 3, 4),
        beijing(2025, 3, 5, 9),
    )
    .unwrap_err()
    .to_string();
    for want in [
        r#"records[0].period: 2025-03 is not a day; duty "review" is owed every day"#,
        r#"records[1].duty: "nap" is not a duty of policy default; duties are review"#,
        r#"records[1].staff: "zed" is not on the roster"#,
        "rota[1].period: 2025-03-03 of duty \"review\" is on the rota twice",
        "records[2].at: 2025-03-09 01:00:00 UTC is after the instant judged at",
    ] {
        assert!(e.contains(want), "missing {want:?} in {e}");
    }
    assert_eq!(log, before, "judging changes nothing");
    let e = judge_duties(
        &p,
        &cal,
        &r,
        &DutyLog::default(),
        day(2025, 3, 4),
        day(2025, 3, 3),
        beijing(2025, 3, 5, 9),
    )
    .unwrap_err();
    assert!(matches!(e, DutyError::Range { .. }), "{e}");
    let e = judge_duties(
        &p,
        &cal,
        &r,
        &DutyLog::default(),
        day(2000, 1, 1),
        day(2025, 1, 1),
        beijing(2025, 3, 5, 9),
    )
    .unwrap_err();
    assert!(e.to_string().contains("longer than 3660 days"), "{e}");
}

#[test]
fn the_log_is_a_stored_document_that_round_trips() {
    let mut log = DutyLog::default();
    log.records
        .push(record("review", "2025-W10", "a", beijing(2025, 3, 3, 9)));
    let json = serde_json::to_string(&log).unwrap();
    assert_eq!(
        json,
        r#"{"schema_version":1,"records":[{"duty":"review","period":"2025-W10","staff":"a","at":"2025-03-03T01:00:00Z"}]}"#
    );
    let back: DutyLog = serde_json::from_str(r#"{"records":[{"duty":"review","period":"2025-W10","staff":"a","at":"2025-03-03T01:00:00Z"}]}"#).unwrap();
    assert_eq!(back, log, "a log without schema_version is version 1");
    let schema = serde_json::to_value(schemars::schema_for!(DutyLog)).unwrap();
    assert!(schema["properties"]["records"].is_object());
}

/// A quarter is written `2025-Q4`; its duty is due on its last day
/// (`at_end`), moved to the next working day when it counts working days
/// (30 June 2024 is a Sunday), a period whose moved due day falls in the
/// range being listed, or a span after it, and opens at the
/// quarter's start or end accordingly.
#[test]
fn quarters_are_keyed_and_due_at_their_end_or_after_it() {
    let q: PeriodKey = "2025-Q4".parse().unwrap();
    assert_eq!(q.to_string(), "2025-Q4");
    assert_eq!(
        (q.first_day(), q.last_day()),
        (day(2025, 10, 1), day(2025, 12, 31))
    );
    for bad in ["2025-Q0", "2025-Q5", "2025-Q", "Q1-2025"] {
        let e = bad.parse::<PeriodKey>().unwrap_err();
        assert!(
            e.to_string().contains("a quarter \"2025-Q4\""),
            "{bad}: {e}"
        );
    }
    let due = |period: &str, working: bool| -> Vec<String> {
        let p = policy(&duty_toml("d", period, working, r#""remind""#));
        let cal = p.build_calendar().unwrap();
        duty_occurrences(&cal, 0, &p.duties[0], day(2024, 4, 1), day(2024, 12, 31))
            .unwrap()
            .iter()
            .map(|o| format!("{} {} {}", o.period, o.opens.date_naive(), o.due_date))
            .collect()
    };
    // Opens at the quarter's start (local midnight is 16:00 UTC the day before).
    assert_eq!(
        due(r#"{ every = "quarter", at_end = true }"#, false),
        [
            "2024-Q2 2024-03-31 2024-06-30",
            "2024-Q3 2024-06-30 2024-09-30",
            "2024-Q4 2024-09-30 2024-12-31"
        ]
    );
    assert_eq!(
        due(r#"{ every = "quarter", at_end = true }"#, true)[..2],
        [
            // 31 March 2024 is a Sunday too: due in the range on 1 April.
            "2024-Q1 2023-12-31 2024-04-01",
            "2024-Q2 2024-03-31 2024-07-01"
        ]
    );
    // Opens once the quarter has ended; ten working days after 30 September
    // 2024 skip the National Day holiday (1–7 October) and count Saturday
    // 12 October, a make-up working day.
    assert_eq!(
        due(
            r#"{ every = "quarter", after_end = "10 working days" }"#,
            true
        ),
        [
            "2024-Q1 2024-03-31 2024-04-15",
            "2024-Q2 2024-06-30 2024-07-12",
            "2024-Q3 2024-09-30 2024-10-18"
        ]
    );
}

// ---------------------------------------------------------------------------
// Laws.
// ---------------------------------------------------------------------------

fn any_period() -> impl Strategy<Value = String> {
    let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    prop_oneof![
        Just(r#"{ every = "day" }"#.to_owned()),
        (0..7usize).prop_map(move |i| format!(r#"{{ every = "week", on = "{}" }}"#, days[i])),
        (1..=10u32)
            .prop_map(|n| format!(r#"{{ every = "week", after_end = "{n} working days" }}"#)),
        (1..=31u8).prop_map(|n| format!(r#"{{ every = "month", by_day = {n} }}"#)),
        (1..=23u8).prop_map(|n| format!(r#"{{ every = "month", working_day = {n} }}"#)),
        (1..=31u32).prop_map(|n| format!(r#"{{ every = "month", after_end = "{n} days" }}"#)),
        Just(r#"{ every = "quarter", at_end = true }"#.to_owned()),
        (1..=31u32)
            .prop_map(|n| format!(r#"{{ every = "quarter", after_end = "{n} working days" }}"#)),
    ]
}

/// A duty and a range of days in the years the China data covers.
fn any_case() -> impl Strategy<Value = (Policy, Duty, NaiveDate, NaiveDate)> {
    (any_period(), any::<bool>(), 0..700u64, 0..120u64).prop_map(|(period, working, start, len)| {
        let working = working || period.contains("working_day =");
        let p = policy(&duty_toml("d", &period, working, r#""remind""#));
        let d = p.duties[0].clone();
        let from = day(2024, 1, 15).checked_add_days(Days::new(start)).unwrap();
        (p, d, from, from.checked_add_days(Days::new(len)).unwrap())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Occurrences come in order, one per period, each due in the range,
    /// opening before it is due, and never on a non-working day when the
    /// duty counts working days.
    #[test]
    fn occurrences_are_ordered_one_per_period_and_on_working_days((p, d, from, to) in any_case()) {
        let cal = p.build_calendar().unwrap();
        let occ = duty_occurrences(&cal, 0, &d, from, to).unwrap();
        for pair in occ.windows(2) {
            prop_assert!(pair[0].period < pair[1].period, "{:?}", pair);
            prop_assert!(pair[0].due <= pair[1].due, "{:?}", pair);
        }
        for o in &occ {
            prop_assert!((from..=to).contains(&o.due_date));
            prop_assert!(o.opens < o.due, "{o:?}");
            if d.working_days {
                prop_assert!(cal.is_working_day(o.due_date).unwrap(), "{o:?}");
            }
        }
        // A daily duty on calendar days is owed every day of the range.
        if d.period == tousu_policy::DutyPeriod::Day && !d.working_days {
            prop_assert_eq!(i64::try_from(occ.len()).unwrap(), (to - from).num_days() + 1);
        }
        // Splitting the range splits the occurrences.
        let mid = from.checked_add_days(Days::new(((to - from).num_days() / 2).unsigned_abs())).unwrap();
        let mut parts = duty_occurrences(&cal, 0, &d, from, mid).unwrap();
        if let Some(next) = mid.succ_opt().filter(|n| *n <= to) {
            parts.extend(duty_occurrences(&cal, 0, &d, next, to).unwrap());
        }
        prop_assert_eq!(parts, occ);
    }

    /// A record counts exactly when it was made between the period's
    /// opening and its due instant (met) or after (late); a record that
    /// predates its period never satisfies it.
    #[test]
    fn a_record_counts_only_once_its_period_opens((p, d, from, to) in any_case(), pick in any::<prop::sample::Index>(), shift in -72i64..72) {
        let cal = p.build_calendar().unwrap();
        let occ = duty_occurrences(&cal, 0, &d, from, to).unwrap();
        prop_assume!(!occ.is_empty());
        let o = pick.get(&occ);
        let at = o.opens + TimeDelta::hours(shift) + (o.due - o.opens) / 2 * i32::from(shift > 0);
        let now = o.due + TimeDelta::days(40);
        let mut log = DutyLog::default();
        log.records.push(DutyRecord::new(d.id.clone(), o.period, StaffId::new("a").unwrap(), at));
        let report = judge_duties(&p, &cal, &roster(&["a"]), &log, o.due_date, o.due_date, now).unwrap();
        let j = report.judgements.iter().find(|j| j.occurrence.period == o.period).unwrap();
        let want = if at < o.opens { "Missed" } else if at <= o.due { "Met" } else { "Late" };
        let got = format!("{:?}", j.outcome);
        prop_assert!(got.starts_with(want), "record at {at}, {o:?}: {got}");
        prop_assert_eq!(j.ignored.len(), usize::from(at < o.opens));
        prop_assert!(j.charge.is_none(), "a reminder charges nobody");
    }
}
