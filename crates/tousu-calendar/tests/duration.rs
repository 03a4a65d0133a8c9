//! Time limits: parsing, display, serde and schema.

use proptest::prelude::*;
use tousu_calendar::duration::{Duration, DurationParseError, DurationUnit};

fn d(amount: u32, unit: DurationUnit) -> Duration {
    Duration::new(amount, unit).unwrap()
}

#[test]
fn accepted_forms() {
    use DurationUnit as U;
    let cases = [
        ("30 minutes", d(30, U::Minutes)),
        ("1 minute", d(1, U::Minutes)),
        ("24 hours", d(24, U::Hours)),
        ("1 hour", d(1, U::Hours)),
        ("15 working days", d(15, U::WorkingDays)),
        ("1 working day", d(1, U::WorkingDays)),
        ("7 calendar days", d(7, U::CalendarDays)),
        ("7 days", d(7, U::CalendarDays)),
        ("1 day", d(1, U::CalendarDays)),
        ("1 month", d(1, U::Months)),
        ("2 months", d(2, U::Months)),
        ("8 working hours", d(8, U::WorkingHours)),
        ("  15   Working   Days ", d(15, U::WorkingDays)),
        ("15workingdays", d(15, U::WorkingDays)),
        ("30分钟", d(30, U::Minutes)),
        ("24小时", d(24, U::Hours)),
        ("24个小时", d(24, U::Hours)),
        ("15个工作日", d(15, U::WorkingDays)),
        ("15工作日", d(15, U::WorkingDays)),
        ("15 个 工作日", d(15, U::WorkingDays)),
        ("7天", d(7, U::CalendarDays)),
        ("7日", d(7, U::CalendarDays)),
        ("7个自然日", d(7, U::CalendarDays)),
        ("7自然日", d(7, U::CalendarDays)),
        ("一个月", d(1, U::Months)),
        ("1个月", d(1, U::Months)),
        ("两个月", d(2, U::Months)),
        ("两个工作日", d(2, U::WorkingDays)),
        ("三天", d(3, U::CalendarDays)),
        ("十天", d(10, U::CalendarDays)),
        ("十五个工作日", d(15, U::WorkingDays)),
        ("二十天", d(20, U::CalendarDays)),
        ("三十分钟", d(30, U::Minutes)),
        ("二十四小时", d(24, U::Hours)),
        ("九十九天", d(99, U::CalendarDays)),
        ("一百二十天", d(120, U::CalendarDays)),
        ("4个工作小时", d(4, U::WorkingHours)),
        ("１５个工作日", d(15, U::WorkingDays)),
        ("\u{3000}7天\u{3000}", d(7, U::CalendarDays)),
    ];
    for (text, want) in cases {
        assert_eq!(text.parse::<Duration>(), Ok(want), "{text:?}");
    }
}

#[test]
fn rejected_forms() {
    for text in [
        "",
        "   ",
        "days",
        "15",
        "15 workdays",
        "15 business days",
        "1.5 hours",
        "-3 days",
        "1月",
        "7 weeks",
        "三三天",
        "十百天",
        "15个工作",
        "15 working",
        "days 15",
        "15 days 2",
    ] {
        assert!(
            matches!(
                text.parse::<Duration>(),
                Err(DurationParseError::Unrecognized { .. })
            ),
            "{text:?} parsed as {:?}",
            text.parse::<Duration>()
        );
    }
    for text in ["0 days", "0个工作日", "零天", "00 minutes"] {
        assert!(
            matches!(
                text.parse::<Duration>(),
                Err(DurationParseError::Zero { .. })
            ),
            "{text:?}"
        );
    }
    assert!(matches!(
        "99999999999 minutes".parse::<Duration>(),
        Err(DurationParseError::TooLarge { .. })
    ));
    assert!(matches!(
        Duration::new(0, DurationUnit::WorkingDays),
        Err(DurationParseError::Zero { .. })
    ));
}

#[test]
fn error_message_quotes_text_and_lists_forms() {
    let err = "15 workdays".parse::<Duration>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#""15 workdays" is not a duration; expected e.g. "30 minutes", "24 hours", "15 working days", "7 calendar days", "1 month", "30分钟", "24小时", "15个工作日", "7天", "一个月""#
    );
}

#[test]
fn error_messages_snapshot() {
    let messages: Vec<String> = ["15 workdays", "0 days", "99999999999 minutes", "1月"]
        .iter()
        .map(|t| t.parse::<Duration>().unwrap_err().to_string())
        .collect();
    insta::assert_snapshot!(messages.join("\n"));
}

#[test]
fn display_is_canonical_english() {
    for (text, want) in [
        ("15个工作日", "15 working days"),
        ("一个月", "1 month"),
        ("2 months", "2 months"),
        ("7天", "7 calendar days"),
        ("1 day", "1 calendar day"),
        ("30分钟", "30 minutes"),
        ("1 minute", "1 minute"),
        ("24小时", "24 hours"),
        ("4个工作小时", "4 working hours"),
    ] {
        assert_eq!(text.parse::<Duration>().unwrap().to_string(), want);
    }
}

#[test]
fn serde_as_string() {
    let x: Duration = "15个工作日".parse().unwrap();
    assert_eq!(serde_json::to_string(&x).unwrap(), r#""15 working days""#);
    let back: Duration = serde_json::from_str(r#""十五个工作日""#).unwrap();
    assert_eq!(back, x);

    #[derive(serde::Deserialize)]
    struct Limits {
        reply: Duration,
    }
    let t: Limits = toml::from_str(r#"reply = "24小时""#).unwrap();
    assert_eq!(t.reply, d(24, DurationUnit::Hours));
    let err = toml::from_str::<Limits>(r#"reply = "15 workdays""#)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("\"15 workdays\" is not a duration"), "{err}");
}

#[test]
fn json_schema_is_a_string_with_examples() {
    let schema = schemars::schema_for!(Duration);
    let v = serde_json::to_value(&schema).unwrap();
    assert_eq!(v["type"], "string");
    assert!(v["description"].as_str().unwrap().contains("working days"));
    let examples = v["examples"].as_array().unwrap();
    assert!(examples.iter().any(|e| e == "15个工作日"));
    for e in examples {
        e.as_str().unwrap().parse::<Duration>().unwrap();
    }
}

fn units() -> impl Strategy<Value = DurationUnit> {
    prop_oneof![
        Just(DurationUnit::Minutes),
        Just(DurationUnit::Hours),
        Just(DurationUnit::CalendarDays),
        Just(DurationUnit::WorkingDays),
        Just(DurationUnit::WorkingHours),
        Just(DurationUnit::Months),
    ]
}

/// Chinese numeral for 1..=999, the way people write it.
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s += DIGITS[h as usize];
        s += "百";
    }
    if t > 0 {
        if !(h == 0 && t == 1) {
            s += DIGITS[t as usize];
        }
        s += "十";
    } else if h > 0 && u > 0 {
        s += "零";
    }
    if u > 0 {
        s += DIGITS[u as usize];
    }
    s
}

proptest! {
    #[test]
    fn display_round_trips(amount in 1u32.., unit in units()) {
        let x = Duration::new(amount, unit).unwrap();
        prop_assert_eq!(x.to_string().parse::<Duration>(), Ok(x));
    }

    #[test]
    fn chinese_numerals_round_trip(n in 1u32..1000) {
        let text = format!("{}个工作日", chinese(n));
        prop_assert_eq!(text.parse::<Duration>(), Ok(d(n, DurationUnit::WorkingDays)), "{}", text);
    }

    #[test]
    fn no_text_panics(text in "\\PC{0,12}") {
        let _ = text.parse::<Duration>();
    }

    #[test]
    fn no_near_miss_panics(text in "[0-9一二两三十百零 ]{0,5}(个)?(工作)?(日|天|小时|分钟|月|days|hours)?") {
        let _ = text.parse::<Duration>();
    }
}

/// S25: answer within 15 seconds.
#[test]
fn seconds() {
    let d: Duration = "15秒".parse().unwrap();
    assert_eq!(d.to_string(), "15 seconds");
    assert_eq!("15 seconds".parse::<Duration>().unwrap(), d);
    assert_eq!(
        "1 second".parse::<Duration>().unwrap().to_string(),
        "1 second"
    );
}
