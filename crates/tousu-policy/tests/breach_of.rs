//! Clocks that start when another clock breaches (`start = ["breached"]`
//! with `breach_of`, ruling 112): refused at a path where they cannot
//! work, and absent from files that do not use them.

use tousu_policy::{ClockEvent, Milestone, Policy};

const S37: &str = include_str!("../../../policies/industrial-park-s37.toml");

fn v2() -> Policy {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    p
}

/// The policy's errors, as `path: message`.
fn errors(p: &Policy) -> Vec<String> {
    p.check().errors.iter().map(ToString::to_string).collect()
}

/// `p` with a milestone made of `json` pushed last, and its index.
fn with(mut p: Policy, json: serde_json::Value) -> (Policy, usize) {
    let m: Milestone = serde_json::from_value(json).unwrap();
    p.milestones.push(m);
    let i = p.milestones.len() - 1;
    (p, i)
}

fn late_notice(extra: serde_json::Value) -> serde_json::Value {
    let mut m = serde_json::json!({
        "id": "late_notice",
        "name_zh": "逾期说明",
        "start": ["breached"],
        "breach_of": "result",
        "stop": ["replied", "withdrawn", "closed"],
        "target": "1 working day",
    });
    for (k, v) in extra.as_object().unwrap() {
        m[k] = v.clone();
    }
    m
}

fn has(errors: &[String], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.starts_with(path) && e.contains(words))
}

#[test]
fn s37_loads_its_explanation_starting_on_the_breach_of_completion() {
    let p = Policy::from_toml_str(S37).unwrap();
    let m = p
        .milestones
        .iter()
        .find(|m| m.id.as_str() == "late_explained")
        .unwrap();
    assert_eq!(m.start, [ClockEvent::Breached]);
    assert_eq!(m.breach_of.as_ref().unwrap().as_str(), "completion");
}

#[test]
fn older_files_load_without_it_and_write_nothing_new() {
    let p = Policy::default_policy().unwrap();
    for m in &p.milestones {
        assert!(m.breach_of.is_none(), "{}", m.id);
        let json = serde_json::to_value(m).unwrap();
        assert!(json.get("breach_of").is_none(), "{json}");
    }
}

#[test]
fn a_clock_started_by_a_breach_validates() {
    let (p, _) = with(v2(), late_notice(serde_json::json!({})));
    assert!(errors(&p).is_empty(), "{:#?}", errors(&p));
}

#[test]
fn it_is_a_schema_2_option() {
    let (mut p, i) = with(v2(), late_notice(serde_json::json!({})));
    p.schema_version = 1;
    let e = errors(&p);
    assert!(
        has(
            &e,
            &format!("milestones[{i}].breach_of"),
            "schema_version 2"
        ),
        "{e:#?}"
    );
    assert!(has(&e, &format!("milestones[{i}].start[0]"), ""), "{e:#?}");
}

#[test]
fn breached_and_breach_of_go_together() {
    let (p, i) = with(v2(), late_notice(serde_json::json!({ "breach_of": null })));
    let e = errors(&p);
    assert!(
        has(&e, &format!("milestones[{i}].breach_of"), "is missing"),
        "{e:#?}"
    );
    let (p, i) = with(
        v2(),
        late_notice(serde_json::json!({ "start": ["accepted"] })),
    );
    let e = errors(&p);
    assert!(
        has(
            &e,
            &format!("milestones[{i}].breach_of"),
            "does not list `breached`"
        ),
        "{e:#?}"
    );
    let (p, i) = with(
        v2(),
        late_notice(serde_json::json!({ "start": ["accepted", "breached"] })),
    );
    let e = errors(&p);
    assert!(
        has(
            &e,
            &format!("milestones[{i}].start"),
            "starts the clock alone"
        ),
        "{e:#?}"
    );
}

#[test]
fn breached_is_a_start_event_only() {
    let (p, i) = with(
        v2(),
        late_notice(serde_json::json!({ "stop": ["replied", "breached"] })),
    );
    let e = errors(&p);
    assert!(
        has(&e, &format!("milestones[{i}].stop[1]"), "start event only"),
        "{e:#?}"
    );
}

#[test]
fn it_names_another_clock_that_breaches() {
    let (p, i) = with(
        v2(),
        late_notice(serde_json::json!({ "breach_of": "late_notice" })),
    );
    assert!(has(
        &errors(&p),
        &format!("milestones[{i}].breach_of"),
        "names this milestone"
    ));
    let (p, i) = with(
        v2(),
        late_notice(serde_json::json!({ "breach_of": "nothing" })),
    );
    assert!(has(
        &errors(&p),
        &format!("milestones[{i}].breach_of"),
        "is not a milestone"
    ));
    let mut p = v2();
    p.milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "callback")
        .unwrap()
        .reminder = true;
    let (p, i) = with(
        p,
        late_notice(serde_json::json!({ "breach_of": "callback" })),
    );
    assert!(
        has(
            &errors(&p),
            &format!("milestones[{i}].breach_of"),
            "never breaches"
        ),
        "{:#?}",
        errors(&p)
    );
    let (p, i) = with(
        v2(),
        late_notice(serde_json::json!({ "counted_from": { "stop_of": "acceptance" } })),
    );
    assert!(has(
        &errors(&p),
        &format!("milestones[{i}].counted_from"),
        "drop one"
    ));
}
