//! Periodic duties (`[[duties]]`): the forms a period takes in TOML, and
//! validation and invariant findings with their paths.

use tousu_policy::{DutyPeriod, OnMiss, Policy, check_invariants};

const BASE: &str = r#"
schema_version = 2
id = "test"
name = "测试制度"
version = 1
effective_date = "2025-01-01"

[[roles]]
id = "clerk"
name_zh = "客服"
actions = ["register", "accept", "reply"]

[[roles]]
id = "supervisor"
name_zh = "调度主管"
actions = ["approve"]

[[levels]]
id = "minor"
name_zh = "一般投诉"

[classification]
default = "minor"

[recusal]
respondent = true

[penalties.violations.review_late]
description_zh = "调度主管未按时审核投诉记录的"
responsible = "50"

[penalties.violations.free]
description_zh = "不罚"
"#;

fn with(duties: &str) -> Result<Policy, tousu_policy::PolicyError> {
    Policy::from_toml_str(&format!("{BASE}\n{duties}"))
}

fn errors(duties: &str) -> String {
    with(duties).unwrap_err().to_string()
}

const REVIEW: &str = r#"
[[duties]]
id = "review"
name_zh = "审核投诉记录并签名"
role = "supervisor"
clause = "第五条「调度主管必须每天审核调度中心的投诉记录并签名」"
period = { every = "day" }
on_miss = { violation = "review_late" }
"#;

#[test]
fn every_form_of_period_loads_and_round_trips() {
    let forms = [
        r#"{ every = "day" }"#,
        r#"{ every = "week", on = "Mon" }"#,
        r#"{ every = "week", after_end = "1 working day" }"#,
        r#"{ every = "month", by_day = 10 }"#,
        r#"{ every = "month", working_day = 3 }"#,
        r#"{ every = "month", after_end = "5个工作日" }"#,
        r#"{ every = "quarter", at_end = true }"#,
        r#"{ every = "quarter", after_end = "10 days" }"#,
    ];
    for form in forms {
        let text = REVIEW.replace(r#"{ every = "day" }"#, form) + "working_days = true\n";
        let p = with(&text).unwrap_or_else(|e| panic!("{form}: {e}"));
        let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
        assert_eq!(back.duties, p.duties, "{form}");
        let json = Policy::from_json_str(&p.to_json_string().unwrap()).unwrap();
        assert_eq!(json.duties, p.duties, "{form}");
    }
    let p = with(REVIEW).unwrap();
    assert_eq!(p.duties[0].period, DutyPeriod::Day);
    assert!(matches!(p.duties[0].on_miss, OnMiss::Violation(_)));
    assert!(!p.duties[0].working_days);
    assert!(p.duty(&"review".parse().unwrap()).is_some());
}

#[test]
fn a_policy_without_duties_has_none_and_writes_none() {
    let p = with("").unwrap();
    assert!(p.duties.is_empty());
    assert!(!p.to_toml_string().unwrap().contains("duties"));
}

#[test]
fn mistakes_are_reported_with_their_paths() {
    let bad = REVIEW
        .replace(r#"role = "supervisor""#, r#"role = "boss""#)
        .replace(r#"violation = "review_late""#, r#"violation = "late""#)
        + &REVIEW.replace(
            r#"{ every = "day" }"#,
            r#"{ every = "month", by_day = 32, working_day = 2 }"#,
        );
    let e = errors(&bad);
    for want in [
        r#"duties[0].role: "boss" is not a role; roles are clerk, supervisor"#,
        r#"duties[0].on_miss.violation: "late" is not a violation of penalties.violations; violations are free, review_late"#,
        r#"duties[1].id: "review" is listed twice"#,
        "duties[1].period: a monthly duty needs exactly one of `by_day` (10), `working_day` (3) and `after_end`",
        "duties[1].period.by_day: 32 is not a day of the month; write 1 to 31",
        "duties[1].period.working_day: counts working days; write working_days = true on the duty",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
    let e = errors(&REVIEW.replace(r#"{ every = "day" }"#, r#"{ every = "week" }"#));
    assert!(
        e.contains("duties[0].period: a weekly duty needs exactly one of `on`"),
        "{e}"
    );
    let e = errors(&REVIEW.replace(
        r#"{ every = "day" }"#,
        r#"{ every = "week", after_end = "3 hours" }"#,
    ));
    assert!(
        e.contains("duties[0].period.after_end: 3 hours is not a span after a period's end"),
        "{e}"
    );
    let e = errors(&REVIEW.replace("clause = ", "assumed = \" \"\nclause = "));
    assert!(e.contains("duties[0].assumed: is blank"), "{e}");
}

#[test]
fn unknown_fields_and_periods_are_parse_errors() {
    let e = errors(&REVIEW.replace(r#"{ every = "day" }"#, r#"{ every = "fortnight" }"#));
    assert!(e.contains("fortnight"), "{e}");
    let e = errors(&REVIEW.replace(r#"{ every = "day" }"#, r#"{ every = "day", on = "Mon" }"#));
    assert!(
        e.contains("`on` does not belong to a period of every day"),
        "{e}"
    );
    let e = errors(&REVIEW.replace(r#"{ every = "day" }"#, r#"{ every = "month", on = "Mon" }"#));
    assert!(
        e.contains("`on` does not belong to a period of every month"),
        "{e}"
    );
    let e = errors(&REVIEW.replace(r#"{ every = "day" }"#, r#"{ every = "day", at = "09:00" }"#));
    assert!(e.contains("unknown field `at`"), "{e}");
}

#[test]
fn invariants_ask_for_the_reason_of_an_assumed_period_and_a_real_charge() {
    let text = REVIEW
        .replace("每天", "定期")
        .replace("review_late", "free");
    let p = with(&text).unwrap();
    let found: Vec<String> = check_invariants(&p)
        .iter()
        .filter(|f| f.invariant.starts_with("duty_"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("warning [duty_miss_charges] duties[0].on_miss.violation"),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("warning [duty_period_stated] duties[0].period"),
        "{found:#?}"
    );
    // Saying why the period is assumed answers the first; a stated period needs nothing.
    let text = text.replace(
        "clause = ",
        "assumed = \"定期 gives none: monthly\"\nclause = ",
    );
    assert!(
        !check_invariants(&with(&text).unwrap())
            .iter()
            .any(|f| f.invariant == "duty_period_stated")
    );
    assert!(
        check_invariants(&with(REVIEW).unwrap())
            .iter()
            .all(|f| !f.invariant.starts_with("duty_"))
    );
}

/// A quarter (「每季度末」, S29) is due on its last day (`at_end`) or a span
/// after it (`after_end`), exactly one; the fields of other units do not
/// belong to it, nor `at_end` to them.
#[test]
fn a_quarter_takes_at_end_or_after_end() {
    let q = |form: &str| REVIEW.replace(r#"{ every = "day" }"#, form);
    let p = with(&q(r#"{ every = "quarter", at_end = true }"#)).unwrap();
    assert_eq!(
        p.duties[0].period,
        DutyPeriod::Quarter {
            at_end: true,
            after_end: None
        }
    );
    assert_eq!(p.duties[0].period.unit(), "quarter");
    for form in [
        r#"{ every = "quarter" }"#,
        r#"{ every = "quarter", at_end = false }"#,
        r#"{ every = "quarter", at_end = true, after_end = "10 days" }"#,
    ] {
        let e = errors(&q(form));
        assert!(
            e.contains("duties[0].period: a quarterly duty needs exactly one of `at_end = true`"),
            "{form}: {e}"
        );
    }
    let e = errors(&q(r#"{ every = "quarter", after_end = "2 months" }"#));
    assert!(
        e.contains("duties[0].period.after_end: 2 months is not a span after a period's end"),
        "{e}"
    );
    for (form, stray) in [
        (
            r#"{ every = "quarter", by_day = 10 }"#,
            "`by_day` does not belong to a period of every quarter",
        ),
        (
            r#"{ every = "quarter", on = "Mon" }"#,
            "`on` does not belong to a period of every quarter",
        ),
        (
            r#"{ every = "quarter", working_day = 3 }"#,
            "`working_day` does not belong to a period of every quarter",
        ),
        (
            r#"{ every = "month", by_day = 31, at_end = true }"#,
            "`at_end` does not belong to a period of every month",
        ),
        (
            r#"{ every = "day", at_end = true }"#,
            "`at_end` does not belong to a period of every day",
        ),
    ] {
        let e = errors(&q(form));
        assert!(e.contains(stray), "{form}: {e}");
    }
    // 「每季度」 states the period.
    let text = q(r#"{ every = "quarter", at_end = true }"#).replace("每天", "每季度末");
    assert!(
        !check_invariants(&with(&text).unwrap())
            .iter()
            .any(|f| f.invariant == "duty_period_stated")
    );
}
