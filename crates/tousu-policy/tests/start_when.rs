//! Clocks that start at the last of their start events (`start_when =
//! "all"`, ruling 81): refused at a path where they cannot work, and
//! absent from files that do not use them.

use tousu_policy::{ClockEvent, Milestone, Policy, StartWhen};

const S04: &str = include_str!("../../../policies/property-system9-s04.toml");

fn v2() -> Policy {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    p
}

fn milestone(json: serde_json::Value) -> Milestone {
    serde_json::from_value(json).unwrap()
}

/// The policy's errors, as `path: message`.
fn errors(p: &Policy) -> Vec<String> {
    p.check().errors.iter().map(ToString::to_string).collect()
}

/// `p` with a milestone made of `json` pushed last, and its index.
fn with(mut p: Policy, json: serde_json::Value) -> (Policy, usize) {
    p.milestones.push(milestone(json));
    let i = p.milestones.len() - 1;
    (p, i)
}

fn has(errors: &[String], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.starts_with(path) && e.contains(words))
}

#[test]
fn s04_loads_its_callback_starting_at_the_later_event() {
    let p = Policy::from_toml_str(S04).unwrap();
    let callback = p
        .milestones
        .iter()
        .find(|m| m.id.as_str() == "callback")
        .unwrap();
    assert_eq!(callback.start_when, StartWhen::All);
    assert_eq!(
        callback.start,
        [ClockEvent::Replied, ClockEvent::ResultReportSigned]
    );
}

#[test]
fn older_files_load_with_any_and_write_nothing_new() {
    let p = Policy::default_policy().unwrap();
    for m in &p.milestones {
        assert_eq!(m.start_when, StartWhen::Any, "{}", m.id);
        let json = serde_json::to_value(m).unwrap();
        assert!(json.get("start_when").is_none(), "{json}");
    }
}

#[test]
fn all_with_one_start_event_or_with_started_by_is_refused() {
    let (mut p, i) = with(
        v2(),
        serde_json::json!({
            "id": "after_reply", "name_zh": "答复后", "start": ["replied"],
            "start_when": "all", "stop": ["closed"], "target": "1 days",
        }),
    );
    let found = errors(&p);
    assert!(
        has(
            &found,
            &format!("milestones[{i}].start_when"),
            "fewer than two"
        ),
        "{found:#?}"
    );
    p.milestones[i].started_by = vec![tousu_model::RoleId::new("department_head").unwrap()];
    let found = errors(&p);
    assert!(
        has(
            &found,
            &format!("milestones[{i}].start_when"),
            "`started_by`"
        ),
        "{found:#?}"
    );
}

#[test]
fn all_with_an_event_the_round_does_not_remember_is_refused() {
    let (p, i) = with(
        v2(),
        serde_json::json!({
            "id": "after_both", "name_zh": "两者之后", "start": ["replied", "assigned"],
            "start_when": "all", "stop": ["closed"], "target": "1 days",
        }),
    );
    let found = errors(&p);
    assert!(
        has(
            &found,
            &format!("milestones[{i}].start[1]"),
            "`assigned` is not an event a round remembers"
        ),
        "{found:#?}"
    );
    assert!(
        !has(&found, &format!("milestones[{i}].start[0]"), ""),
        "{found:#?}"
    );
}

#[test]
fn result_report_signed_needs_the_chain_and_schema_2() {
    let (mut p, i) = with(
        v2(),
        serde_json::json!({
            "id": "after_signatures", "name_zh": "签字后",
            "start": ["replied", "result_report_signed"],
            "start_when": "all", "stop": ["closed"], "target": "1 days",
        }),
    );
    let found = errors(&p);
    assert!(
        has(
            &found,
            &format!("milestones[{i}].start[1]"),
            "never happens"
        ),
        "{found:#?}"
    );
    p.schema_version = 1;
    let found = errors(&p);
    assert!(
        has(
            &found,
            &format!("milestones[{i}].start_when"),
            "schema_version 2"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &found,
            &format!("milestones[{i}].start[1]"),
            "schema_version 2"
        ),
        "{found:#?}"
    );
}
