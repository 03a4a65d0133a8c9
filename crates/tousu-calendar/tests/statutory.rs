//! The statutory holidays against a second, independent source, and calendar
//! data files.

use chrono::NaiveDate;
use tousu_calendar::statutory::{Festival, statutory_days};
use tousu_calendar::{Calendar, CalendarData, CalendarError, CalendarSpec, YearOrigin};

/// 除夕, 端午, 中秋 and 清明 of 2025-2100 from lunar_python 1.4.8 (6tail's
/// astronomical computation), not from ICU4X: tests/data/generate.py.
const LUNAR: &str = include_str!("data/lunar-2025-2100.csv");

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn lunar_dates_and_qingming_agree_with_a_second_source_2025_2100() {
    let mut years = 0;
    for line in LUNAR.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let year: i32 = cols[0].parse().unwrap();
        let days = statutory_days(year).unwrap();
        let own = |festival: Festival| -> Vec<NaiveDate> {
            days.iter()
                .filter(|d| d.festival == festival && !d.in_lieu)
                .map(|d| d.date)
                .collect()
        };
        // 春节: 除夕 and the three days after it.
        let eve = date(cols[1]);
        let spring: Vec<NaiveDate> = eve.iter_days().take(4).collect();
        assert_eq!(own(Festival::SpringFestival), spring, "{year} 春节");
        assert_eq!(own(Festival::DragonBoat), [date(cols[2])], "{year} 端午");
        assert_eq!(own(Festival::MidAutumn), [date(cols[3])], "{year} 中秋");
        assert_eq!(own(Festival::Qingming), [date(cols[4])], "{year} 清明");
        years += 1;
    }
    assert_eq!(years, 76);
}

#[test]
fn every_weekend_holiday_has_one_day_in_lieu_on_a_weekday() {
    use chrono::{Datelike, Weekday};
    for year in 2025..=2100 {
        let days = statutory_days(year).unwrap();
        let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        let on_weekend = days
            .iter()
            .filter(|d| !d.in_lieu && weekend(d.date))
            .count();
        let in_lieu: Vec<_> = days.iter().filter(|d| d.in_lieu).collect();
        assert_eq!(in_lieu.len(), on_weekend, "{year}");
        for d in in_lieu {
            assert!(!weekend(d.date), "{year}: {:?}", d);
        }
        // No date twice among the days in lieu, none on a festival's own day.
        let mut dates: Vec<_> = days.iter().filter(|d| d.in_lieu).map(|d| d.date).collect();
        dates.sort();
        dates.dedup();
        assert_eq!(dates.len(), on_weekend, "{year}");
    }
}

const DATA_2027: &str = r#"
id = "cn-2027"
description = "test notice"

[[years]]
year = 2027
citation = "国办发明电〔2026〕X号"
holidays = [
    { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
    { name = "春节", from = "2027-02-05", to = "2027-02-13" },
]
working_days = ["2027-02-14"]
"#;

#[test]
fn a_data_file_replaces_the_fallback_and_says_so() {
    let data = CalendarData::from_toml_str(DATA_2027).unwrap();
    let cal = Calendar::from_spec_with_data(&CalendarSpec::default(), std::slice::from_ref(&data))
        .unwrap();
    assert!(!cal.is_working_day(date("2027-02-12")).unwrap());
    assert!(cal.is_working_day(date("2027-02-14")).unwrap());
    let d = cal
        .deadline(
            "2026-12-21T10:00:00+08:00".parse().unwrap(),
            &"15 working days".parse().unwrap(),
        )
        .unwrap();
    assert!(!d.provisional);
    assert_eq!(
        d.calendar.years[1].origin,
        YearOrigin::Data("cn-2027".into())
    );
    // The same data as JSON.
    let json = serde_json::to_string(&data).unwrap();
    assert_eq!(CalendarData::from_json_str(&json).unwrap(), data);
    // A year given by a file and by the policy is refused: a year means one thing.
    let spec: CalendarSpec =
        toml::from_str("[[years]]\nyear = 2027\ncitation = \"policy\"").unwrap();
    let err = Calendar::from_spec_with_data(&spec, &[data]).unwrap_err();
    assert!(
        matches!(err, CalendarError::DuplicateYear { year: 2027, .. }),
        "{err}"
    );
}

#[test]
fn bad_data_files_say_what_and_where() {
    let cases = [
        (
            DATA_2027.replace("2027-02-14", "2028-02-14"),
            "years[0].working_days[0]",
        ),
        (
            DATA_2027.replace("id = \"cn-2027\"", "id = \"cn 2027\""),
            "id:",
        ),
        (
            format!("schema_version = 9\n{DATA_2027}"),
            "schema_version 9",
        ),
        (DATA_2027.replace("citation", "citaton"), "unknown field"),
        (
            DATA_2027.replace(
                "working_days = [\"2027-02-14\"]",
                "working_days = [\"2027-02-12\"]",
            ),
            "both a working day and a day off",
        ),
    ];
    for (text, want) in cases {
        let err = CalendarData::from_toml_str(&text).unwrap_err().to_string();
        assert!(err.contains(want), "{want}: {err}");
    }
    let err = CalendarData::load("/nonexistent/cn-2027.toml")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("calendar data file /nonexistent/cn-2027.toml:"),
        "{err}"
    );
}

#[test]
fn the_data_file_schema_is_current() {
    let schema = serde_json::to_string_pretty(&schemars::schema_for!(CalendarData)).unwrap() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/calendar-data.schema.json"
    );
    if std::env::var_os("TOUSU_BLESS").is_some() {
        std::fs::write(path, &schema).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == schema,
        "docs/calendar-data.schema.json is stale: rerun with TOUSU_BLESS=1"
    );
}
