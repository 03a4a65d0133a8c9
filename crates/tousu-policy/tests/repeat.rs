//! Repeating clocks (`repeat`, ruling 49): validated at their paths, and
//! `check_invariants` finds one that never starts its next period or never
//! ends.

use tousu_policy::{Milestone, Policy, Severity, check_invariants};

fn with(json: serde_json::Value) -> (Policy, usize) {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    let m: Milestone = serde_json::from_value(json).unwrap();
    p.milestones.push(m);
    for r in &mut p.roles {
        r.actions.push(tousu_policy::Action::RecordAction);
    }
    let i = p.milestones.len() - 1;
    (p, i)
}

fn errors(p: &Policy) -> Vec<String> {
    p.check().errors.iter().map(ToString::to_string).collect()
}

fn found(p: &Policy, invariant: &str) -> Vec<String> {
    check_invariants(p)
        .into_iter()
        .filter(|f| f.invariant == invariant)
        .map(|f| {
            assert_eq!(f.severity, Severity::Error);
            format!("{}: {}", f.path, f.message)
        })
        .collect()
}

fn progress(stop: &[&str], until: &[&str]) -> serde_json::Value {
    serde_json::json!({
        "id": "progress",
        "name_zh": "让顾客了解处理进度",
        "start": ["accepted"],
        "stop": stop,
        "repeat": { "until": until },
        "target": "1 days",
    })
}

#[test]
fn a_well_formed_repeating_clock_passes() {
    let (p, _) = with(progress(
        &["customer_contacted", "callback_recorded", "closed"],
        &["callback_recorded"],
    ));
    p.validate().unwrap();
    assert!(found(&p, "repeat_restarts").is_empty());
    assert!(found(&p, "repeat_ends").is_empty());
    // It round-trips through TOML as written.
    let text = toml::to_string(&p).unwrap();
    let again = Policy::from_toml_str(&text).unwrap();
    assert_eq!(again.milestones, p.milestones);
}

#[test]
fn repeat_is_checked_at_its_paths_and_needs_schema_2() {
    let (mut p, i) = with(progress(
        &["customer_contacted", "closed"],
        &["callback_recorded", "closed", "closed"],
    ));
    let e = errors(&p);
    assert!(
        e.iter().any(
            |e| e.starts_with(&format!("milestones[{i}].repeat.until[0]"))
                && e.contains("not in this milestone's `stop`")
        ),
        "{e:#?}"
    );
    assert!(
        e.iter().any(
            |e| e.starts_with(&format!("milestones[{i}].repeat.until[2]"))
                && e.contains("listed twice")
        ),
        "{e:#?}"
    );
    p.milestones[i].repeat = Some(tousu_policy::Repeat::default());
    p.milestones[i].reminder = true;
    let e = errors(&p);
    assert!(
        e.iter()
            .any(|e| e.starts_with(&format!("milestones[{i}].repeat")) && e.contains("reminder")),
        "{e:#?}"
    );
    p.milestones[i].reminder = false;
    p.validate().unwrap();
    p.schema_version = 1;
    // Schema 1 has neither `repeat` nor `customer_contacted`.
    let e = errors(&p);
    assert!(
        e.iter()
            .any(|e| e.starts_with(&format!("milestones[{i}].repeat:"))
                && e.contains("schema_version 2")),
        "{e:#?}"
    );
}

#[test]
fn a_repeating_clock_that_never_restarts_or_never_ends_is_found() {
    // Only closing and the resolving callback stop it: no report ever starts
    // the next period.
    let (p, i) = with(progress(
        &["callback_recorded", "withdrawn", "closed"],
        &["callback_recorded"],
    ));
    p.validate().unwrap();
    let restarts = found(&p, "repeat_restarts");
    assert_eq!(restarts.len(), 1, "{restarts:#?}");
    assert!(
        restarts[0].starts_with(&format!("milestones[{i}].stop: no event a role can make")),
        "{restarts:#?}"
    );
    // Reports stop it, but nothing ends it: not even closing.
    let (p, i) = with(progress(&["customer_contacted"], &[]));
    p.validate().unwrap();
    let ends = found(&p, "repeat_ends");
    assert_eq!(ends.len(), 1, "{ends:#?}");
    assert!(
        ends[0].starts_with(&format!(
            "milestones[{i}].repeat: nothing a role can do ends"
        )),
        "{ends:#?}"
    );
    // A report nobody may record restarts nothing either.
    let (mut p, _) = with(progress(&["customer_contacted", "closed"], &[]));
    for r in &mut p.roles {
        r.actions
            .retain(|a| *a != tousu_policy::Action::RecordAction);
    }
    assert_eq!(found(&p, "repeat_restarts").len(), 1);
}
