//! Validation at load: broken policies and the reports they produce
//! (insta snapshots), parse errors with positions, schema versions.

use tousu_policy::{ClockEvent, Policy, PolicyError};

const BASE: &str = r#"
schema_version = 1
id = "test"
name = "测试制度"
version = 3
effective_date = "2025-01-01"

[[roles]]
id = "clerk"
name_zh = "客服"
actions = ["register", "accept", "reply"]

[[roles]]
id = "boss"
name_zh = "总经理"
actions = ["approve", "approve_extension"]

[[levels]]
id = "minor"
name_zh = "一般投诉"

[[levels]]
id = "major"
name_zh = "重大投诉"

[[categories]]
id = "service"
name_zh = "服务"

[[categories]]
id = "attitude"
name_zh = "服务态度"
parent = "service"

[classification]
default = "minor"

[[classification.rules]]
id = "media"
when = { media_exposure = true }
level = "major"

[[milestones]]
id = "first_response"
name_zh = "初次响应"
start = ["registered"]
stop = ["replied"]
warn_at_percent = [50, 80]
targets = { minor = "30 minutes", major = "10 minutes" }
fallback_owner = { role = "clerk" }

[rounds]
per_level = { minor = 2, major = "unlimited" }
when_exhausted = "close_unsatisfied"

[approval]
thresholds = [{ up_to = "500", role = "boss" }]
above = "boss"
extension = "boss"

[penalties.overtime]
minor = "20"
major = "50"
"#;

fn broken(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base policy has no {from:?}");
    BASE.replacen(from, to, 1)
}

fn report(text: &str) -> String {
    let policy = Policy::parse_toml(text).unwrap();
    policy.check().to_string()
}

#[test]
fn base_policy_is_valid() {
    let p = Policy::from_toml_str(BASE).unwrap();
    assert!(p.check().warnings.is_empty(), "{}", p.check());
    assert_eq!(p.version.as_str(), "3");
}

#[test]
fn unknown_level_in_a_target() {
    let text = broken(r#"major = "10 minutes" }"#, r#"majr = "10 minutes" }"#);
    insta::assert_snapshot!(report(&text));
}

#[test]
fn warning_percent_out_of_range() {
    let text = broken("warn_at_percent = [50, 80]", "warn_at_percent = [50, 120]");
    insta::assert_snapshot!(report(&text));
}

#[test]
fn negative_fine() {
    let text = broken(r#"major = "50""#, r#"major = "-5""#);
    insta::assert_snapshot!(report(&text));
}

#[test]
fn missing_target_for_a_level() {
    let text = broken(r#", major = "10 minutes" }"#, " }");
    insta::assert_snapshot!(report(&text));
}

#[test]
fn unknown_role_in_approval() {
    let text = broken(
        r#"{ up_to = "500", role = "boss" }"#,
        r#"{ up_to = "500", role = "manager" }"#,
    );
    insta::assert_snapshot!(report(&text));
}

#[test]
fn duplicated_ids() {
    let text = broken(r#"id = "boss""#, r#"id = "clerk""#);
    let text = text.replacen(r#"id = "major""#, r#"id = "minor""#, 1);
    let text = text.replacen(r#"id = "attitude""#, r#"id = "service""#, 1);
    insta::assert_snapshot!(report(&text));
}

#[test]
fn category_cycle() {
    let text = broken(
        "id = \"service\"\nname_zh = \"服务\"\n",
        "id = \"service\"\nname_zh = \"服务\"\nparent = \"attitude\"\n",
    );
    insta::assert_snapshot!(report(&text));
}

#[test]
fn more_severe_level_with_a_longer_limit_is_a_warning() {
    let text = broken(r#"major = "10 minutes""#, r#"major = "2 hours""#);
    let policy = Policy::from_toml_str(&text).unwrap();
    insta::assert_snapshot!(policy.check().to_string());
}

#[test]
fn all_problems_are_reported_together() {
    let text = broken("warn_at_percent = [50, 80]", "warn_at_percent = [80, 50, 0]")
        .replacen(r#"default = "minor""#, r#"default = "trivial""#, 1)
        .replacen(r#"role = "boss" }"#, r#"role = "nobody" }"#, 1)
        .replacen(r#"when = { media_exposure = true }"#, r#"when = { all = [{ category = ["services"] }, { any = [] }, { collective_at_least = 0 }] }"#, 1)
        .replacen("[approval]", "[[escalation]]\nid = \"up\"\nafter = { breach_of = \"reply\" }\n\n[approval]", 1);
    let err = Policy::from_toml_str(&text).unwrap_err();
    let PolicyError::Invalid { problems } = &err else {
        panic!("expected Invalid, got {err:?}");
    };
    assert!(problems.len() >= 8, "{err}");
    insta::assert_snapshot!(err.to_string());
}

#[test]
fn typo_in_a_field_is_a_parse_error_with_position() {
    let text = broken("warn_at_percent", "warn_at_percnet");
    let err = Policy::from_toml_str(&text).unwrap_err();
    let PolicyError::Parse {
        line,
        column,
        message,
        ..
    } = &err
    else {
        panic!("expected Parse, got {err:?}");
    };
    assert_eq!(*line, Some(48));
    assert_eq!(*column, Some(1));
    assert!(message.contains("warn_at_percnet"), "{message}");
    insta::assert_snapshot!(err.to_string());
}

#[test]
fn bad_duration_is_a_parse_error_saying_what_is_accepted() {
    let text = broken(r#"minor = "30 minutes""#, r#"minor = "30 workdays""#);
    let err = Policy::from_toml_str(&text).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("\"30 workdays\" is not a duration"),
        "{message}"
    );
    assert!(message.contains("15个工作日"), "{message}");
}

#[test]
fn newer_schema_version_is_a_clear_error() {
    let text = broken(
        "schema_version = 1",
        "schema_version = 3\nnew_section = { x = 1 }",
    );
    let err = Policy::from_toml_str(&text).unwrap_err();
    assert_eq!(
        err,
        PolicyError::UnsupportedSchemaVersion {
            found: 3,
            supported: 2
        }
    );
    let json = r#"{ "schema_version": 7, "id": "x" }"#;
    assert!(matches!(
        Policy::from_json_str(json),
        Err(PolicyError::UnsupportedSchemaVersion { found: 7, .. })
    ));
}

#[test]
fn json_parse_error_has_a_position() {
    let err = Policy::from_json_str("{\n  \"schema_version\": 1,\n  \"id\": 5\n}").unwrap_err();
    let PolicyError::Parse { line, column, .. } = &err else {
        panic!("expected Parse, got {err:?}");
    };
    assert_eq!(*line, Some(3));
    assert!(column.is_some());
}

#[test]
fn calendar_problems_are_reported_under_calendar() {
    let text = broken(
        "[[roles]]",
        "[calendar]\nbusiness_hours = [{ start = \"12:00\", end = \"08:30\" }]\n\n[[roles]]",
    );
    let out = report(&text);
    assert!(out.starts_with("calendar.business_hours[0]: "), "{out}");
}

#[test]
fn a_limit_longer_than_any_complaint_is_refused_with_its_path() {
    let text = broken(r#"minor = "30 minutes""#, r#"minor = "4294967295 hours""#);
    insta::assert_snapshot!(report(&text), @"milestones[0].targets.minor: 4294967295 hours is longer than any complaint is handled; give at most 87600 hours (ten years)");
    assert!(Policy::from_toml_str(&text).is_err());
    let ok = broken(r#"minor = "30 minutes""#, r#"minor = "87600 hours""#);
    assert!(Policy::from_toml_str(&ok).is_ok());
}

#[test]
fn self_approval_and_recused_actions_are_warned_about() {
    let text = broken(
        r#"extension = "boss""#,
        "extension = \"boss\"\nallow_self_approval = true\n\n[recusal]\nallowed_actions = [\"add_note\", \"approve\"]",
    );
    let report = report(&text);
    assert!(
        report.contains("approval.allow_self_approval: a proposer may approve"),
        "{report}"
    );
    assert!(
        report.contains("recusal.allowed_actions[1]: lets a recused person"),
        "{report}"
    );
    assert!(!report.contains("allowed_actions[0]"), "{report}");
}

#[test]
fn an_assignee_clock_starting_before_assignment_needs_a_fallback_owner() {
    let text = broken("fallback_owner = { role = \"clerk\" }\n", "");
    insta::assert_snapshot!(report(&text), @r#"warning: milestones[0].fallback_owner: is missing: the clock is owned by the assignee but starts on "registered", before anyone is assigned, so a breach then has nobody to charge; add e.g. fallback_owner = { role = "complaint_manager" }"#);
}

/// Version 2 added the action events; a file that uses one says so, and a
/// version-1 file that does not still loads.
#[test]
fn action_events_need_schema_version_2() {
    let v1 = broken(
        "stop = [\"replied\"]",
        "stop = [\"replied\", \"customer_contacted\"]",
    );
    let message = report(&v1);
    assert!(
        message.contains("milestones[0].stop[1]")
            && message.contains("`customer_contacted` is an action event of schema_version 2"),
        "{message}"
    );
    let v1_role = broken(
        "actions = [\"register\", \"accept\", \"reply\"]",
        "actions = [\"register\", \"accept\", \"reply\", \"record_action\"]",
    );
    assert!(report(&v1_role).contains("roles[0].actions[3]"));
    let v2 = v1
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen("\"reply\"]", "\"reply\", \"record_action\"]", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert!(
        p.milestones[0]
            .stop
            .contains(&ClockEvent::CustomerContacted)
    );
    assert!(Policy::from_toml_str(BASE).is_ok(), "version 1 still loads");
    let loosening = broken(
        "stop = [\"replied\"]",
        "stop = [\"replied\"]\nloosen_on_reclassify = true",
    );
    assert!(
        report(&loosening).contains("milestones[0].loosen_on_reclassify"),
        "{}",
        report(&loosening)
    );
}

/// Conditional grants, approval rules and sign-off chains, routing and
/// escalation by category: every reference checked with its path, and each
/// is an option of schema 2.
#[test]
fn permissions_approvals_and_routing_are_validated() {
    let text = broken(
        r#"actions = ["register", "accept", "reply"]"#,
        r#"actions = ["register", "accept", "reply"]
grants = [
    { actions = ["close"] },
    { actions = ["register", "approve"], levels = ["huge"], after_escalation = ["nowhere"] },
]"#,
    );
    let text = broken_in(
        &text,
        r#"extension = "boss""#,
        r#"extension = "boss"
sign_off = ["clerk", "ghost", "clerk"]

[[approval.rules]]
id = "big"
levels = ["major"]
remedy_kinds = ["compensation"]
thresholds = [{ up_to = "100", role = "boss" }, { up_to = "50", role = "boss" }]
above = "nobody"

[[approval.rules]]
id = "big"
when = { category = ["cars"] }
above = "boss"

[[routing]]
id = "svc"
categories = ["service", "service"]
handler_role = "ghost"

[[escalation]]
id = "gm"
after = "manual"
categories = ["food"]
notify = ["boss"]"#,
    );
    insta::assert_snapshot!(report(&text));
}

fn broken_in(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the policy has no {from:?}");
    text.replacen(from, to, 1)
}
