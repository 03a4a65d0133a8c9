//! What closing a case waits for (`[closure]`, rulings 91 and 92): refused
//! at a path where it cannot work, reported by the invariants where it
//! would not work as meant, and absent from files that do not use it.

mod common;

use tousu_policy::{
    Closure, ClosureCallback, MilestoneId, Policy, RecordSignOff, Severity, SignedRecord,
    check_invariants,
};

const S10: &str = include_str!("../../../policies/property-xx-s10.toml");
const S14: &str = include_str!("../../../policies/logistics-s14.toml");
const S22: &str = include_str!("../../../policies/campus-property-s22.toml");

fn v2() -> Policy {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 2;
    p
}

fn id(s: &str) -> MilestoneId {
    MilestoneId::new(s).unwrap()
}

/// The policy's errors, as `path: message`.
fn errors(p: &Policy) -> Vec<String> {
    p.check().errors.iter().map(ToString::to_string).collect()
}

fn has(errors: &[String], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.starts_with(path) && e.contains(words))
}

#[test]
fn the_seeds_load_what_their_closure_waits_for() {
    let s10 = Policy::from_toml_str(S10).unwrap();
    assert_eq!(s10.closure.awaits, [id("first_asker_feedback")]);
    assert_eq!(s10.closure.callback, ClosureCallback::Satisfied);
    let s14 = Policy::from_toml_str(S14).unwrap();
    assert!(s14.closure.awaits.is_empty());
    assert_eq!(s14.closure.callback, ClosureCallback::None);
}

#[test]
fn older_files_load_with_the_default_and_write_nothing_new() {
    let p = Policy::default_policy().unwrap();
    assert!(p.closure.is_default());
    let json = serde_json::to_value(&p).unwrap();
    assert!(json.get("closure").is_none(), "{json}");
}

#[test]
fn an_awaited_clock_must_be_a_milestone_that_can_stop_before_the_end() {
    let mut p = v2();
    p.closure = Closure {
        awaits: vec![id("callback"), id("nope"), id("callback"), id("acceptance")],
        ..Closure::default()
    };
    let found = errors(&p);
    assert!(
        has(&found, "closure.awaits[1]", "\"nope\" is not a milestone"),
        "{found:#?}"
    );
    assert!(
        has(&found, "closure.awaits[2]", "listed twice"),
        "{found:#?}"
    );
    // `callback` stops on callback_recorded; `acceptance` on accepted: both
    // can stop before the case ends.
    assert!(
        !found
            .iter()
            .any(|e| e.starts_with("closure.awaits[0]") || e.starts_with("closure.awaits[3]")),
        "{found:#?}"
    );
    // A clock that stops only when the case ends would be waited for forever.
    p.milestones[4].stop = vec![
        tousu_policy::ClockEvent::Withdrawn,
        tousu_policy::ClockEvent::Closed,
    ];
    p.closure.awaits = vec![id("callback")];
    let found = errors(&p);
    assert!(
        has(&found, "closure.awaits[0]", "stops only when the case ends"),
        "{found:#?}"
    );
}

#[test]
fn the_table_belongs_to_schema_2() {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 1;
    p.closure.callback = ClosureCallback::None;
    let found = errors(&p);
    assert!(has(&found, "closure", "schema_version 2"), "{found:#?}");
    let toml = common::default_at_schema_1().replace(
        "[rounds]\n",
        "[closure]\nawaits = [\"callback\", \"second\"]\n\n[rounds]\n",
    );
    let err = Policy::from_toml_str(&toml).unwrap_err().to_string();
    assert!(
        err.contains("closure: is a table of schema_version 2"),
        "{err}"
    );
    assert!(
        err.contains("closure.awaits[1]: \"second\" is not a milestone"),
        "{err}"
    );
}

#[test]
fn invariants_report_a_closure_that_cannot_happen() {
    let closure_findings = |p: &Policy| -> Vec<String> {
        check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "closure_can_happen")
            .inspect(|f| assert_eq!(f.severity, Severity::Error))
            .map(|f| format!("{}: {}", f.path, f.message))
            .collect()
    };
    // Nobody may record the callback that stops the awaited clock.
    let mut p = v2();
    p.closure.awaits = vec![id("callback")];
    assert!(closure_findings(&p).is_empty());
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::Action::RecordCallback);
    }
    let found = closure_findings(&p);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("closure.awaits[0]") && f.contains("callback_recorded")),
        "{found:#?}"
    );
    // No callback owed, but a chain that requires one.
    let mut p = v2();
    p.closure.callback = ClosureCallback::None;
    let role = p.roles[0].id.clone();
    p.record_sign_offs.push(RecordSignOff {
        record: SignedRecord::Callback,
        chain: vec![role],
        required: true,
        note: None,
    });
    let found = closure_findings(&p);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("closure.callback") && f.contains("record_missing")),
        "{found:#?}"
    );
}

#[test]
fn a_policy_without_callbacks_needs_no_role_to_record_one() {
    let mut p = v2();
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::Action::RecordCallback);
    }
    let essential = |p: &Policy| {
        check_invariants(p).into_iter().any(|f| {
            f.invariant == "essential_action_granted" && f.message.contains("record_callback")
        })
    };
    assert!(essential(&p));
    p.closure.callback = ClosureCallback::None;
    assert!(!essential(&p));
}

/// `callback_when` limits `callback = "none"` to some cases (ruling 120):
/// the others still need a callback, so someone must record it; said of
/// `"satisfied"` it limits nothing and is refused; its predicate is checked
/// as any `when`.
#[test]
fn callback_when_limits_the_closure_without_callback() {
    let mut p = v2();
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::Action::RecordCallback);
    }
    p.closure.callback = ClosureCallback::None;
    p.closure.callback_when =
        Some(serde_json::from_value(serde_json::json!({ "channel": ["letter"] })).unwrap());
    assert!(errors(&p).is_empty(), "{:#?}", errors(&p));
    let essential = check_invariants(&p).into_iter().any(|f| {
        f.invariant == "essential_action_granted" && f.message.contains("record_callback")
    });
    assert!(essential, "the other cases still need a callback");

    p.closure.callback = ClosureCallback::Satisfied;
    let found = errors(&p);
    assert!(
        has(&found, "closure.callback_when", "callback = \"none\""),
        "{found:#?}"
    );

    p.closure.callback = ClosureCallback::None;
    p.closure.callback_when = Some(
        serde_json::from_value(serde_json::json!({ "category": ["no_such_category"] })).unwrap(),
    );
    let found = errors(&p);
    assert!(
        found.iter().any(|f| f.starts_with("closure.callback_when")),
        "{found:#?}"
    );
}

/// `needs_callback_at` (ruling 146): levels that need a satisfied callback
/// beside `callback = "none"`; S22 loads it; said of `"satisfied"` it limits
/// nothing and is refused; each entry is a level, named once; the invariants
/// report a level at which no role may record the callback, and the flow
/// still needs someone who records it.
#[test]
fn needs_callback_at_names_levels_that_still_need_a_callback() {
    let s22 = Policy::from_toml_str(S22).unwrap();
    let levels: Vec<&str> = s22
        .closure
        .needs_callback_at
        .iter()
        .map(|l| l.as_str())
        .collect();
    assert_eq!(levels, ["major", "emergency"]);
    assert!(!s22.closure.never_needs_callback());

    let level = |s: &str| tousu_model::LevelId::new(s).unwrap();
    let mut p = v2();
    p.closure.callback = ClosureCallback::None;
    p.closure.needs_callback_at = vec![level("major"), level("nope"), level("major")];
    let found = errors(&p);
    assert!(
        has(
            &found,
            "closure.needs_callback_at[1]",
            "\"nope\" is not a level; levels are"
        ),
        "{found:#?}"
    );
    assert!(
        has(&found, "closure.needs_callback_at[2]", "listed twice"),
        "{found:#?}"
    );

    p.closure.needs_callback_at = vec![level("major")];
    assert!(errors(&p).is_empty(), "{:#?}", errors(&p));
    refused_beside_satisfied(&mut p, "closure.needs_callback_at");
    let found = nobody_records_callback(&mut p, "closure.needs_callback_at[0]");
    assert!(
        found
            .iter()
            .any(|f| f.invariant == "essential_action_granted"
                && f.message.contains("record_callback")),
        "the major cases still need a callback"
    );
}

/// `awaits_report` (ruling 126): S21's referred cases wait for the report up;
/// the table is schema 2's, its predicate is checked as any `when`, and the
/// invariants report it when no role may make the report without naming a
/// clock.
#[test]
fn awaits_report_is_checked_and_needs_someone_to_report() {
    const S21: &str = include_str!("../../../policies/construction-zhenjiang-s21.toml");
    let s21 = Policy::from_toml_str(S21).unwrap();
    let awaited = s21
        .closure
        .awaits_report
        .as_ref()
        .expect("S21 awaits the report");
    assert!(awaited.when.is_some());
    assert!(!s21.closure.is_default());

    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 1;
    p.closure.awaits_report = Some(tousu_policy::AwaitedReport::default());
    assert!(has(&errors(&p), "closure", "schema_version 2"));

    let mut p = v2();
    p.closure.awaits_report = Some(tousu_policy::AwaitedReport {
        when: Some(
            serde_json::from_value(serde_json::json!({ "category": ["no_such_category"] }))
                .unwrap(),
        ),
        note: None,
    });
    let found = errors(&p);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("closure.awaits_report.when")),
        "{found:#?}"
    );

    let reporting = |p: &Policy| {
        check_invariants(p)
            .into_iter()
            .any(|f| f.invariant == "closure_can_happen" && f.path == "closure.awaits_report")
    };
    let mut p = v2();
    p.closure.awaits_report = Some(tousu_policy::AwaitedReport::default());
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::Action::RecordAction);
        role.grants.clear();
    }
    assert!(reporting(&p), "nobody may report");
    let role = p.roles[0].id.clone();
    p.roles
        .iter_mut()
        .find(|r| r.id == role)
        .unwrap()
        .actions
        .push(tousu_policy::Action::RecordAction);
    assert!(!reporting(&p));
}

/// `needs_callback_when_handed` (ruling 155): a case handed on needs a
/// satisfied callback beside `callback = "none"`; said of `"satisfied"` it
/// asks nothing more and is refused at its path; the invariants report it
/// when no role may record the callback; older files lack it.
#[test]
fn needs_callback_when_handed_asks_a_callback_of_a_case_handed_on() {
    let s22 = Policy::from_toml_str(S22).unwrap();
    assert!(!s22.closure.needs_callback_when_handed);

    let mut p = v2();
    p.closure.callback = ClosureCallback::None;
    p.closure.needs_callback_when_handed = true;
    assert!(errors(&p).is_empty(), "{:#?}", errors(&p));
    assert!(!p.closure.never_needs_callback());

    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 2, 2, 0, 0).unwrap();
    let complaint = tousu_model::Complaint::builder(at, tousu_model::Channel::Phone, "当场解释")
        .build()
        .unwrap();
    let input = tousu_policy::EvalInput::new(&complaint, at);
    assert_eq!(
        p.closure.callback_for(&p, &input, None, false),
        ClosureCallback::None
    );
    assert_eq!(
        p.closure.callback_for(&p, &input, None, true),
        ClosureCallback::Satisfied
    );

    refused_beside_satisfied(&mut p, "closure.needs_callback_when_handed");
    nobody_records_callback(&mut p, "closure.needs_callback_when_handed");
}

/// A field that asks a callback beside `callback = "none"` is refused at
/// `path` once the policy already asks `"satisfied"`; it leaves the policy
/// at `"none"` again.
fn refused_beside_satisfied(p: &mut Policy, path: &str) {
    p.closure.callback = ClosureCallback::Satisfied;
    let found = errors(p);
    assert!(has(&found, path, "callback = \"none\""), "{found:#?}");
    p.closure.callback = ClosureCallback::None;
}

/// With nobody granted `record_callback`, the invariants say at `path` that
/// the closure it asks cannot happen; returns every finding.
fn nobody_records_callback(p: &mut Policy, path: &str) -> Vec<tousu_policy::Finding> {
    for role in &mut p.roles {
        role.actions
            .retain(|a| *a != tousu_policy::Action::RecordCallback);
        role.grants
            .retain(|g| !g.actions.contains(&tousu_policy::Action::RecordCallback));
    }
    let found = check_invariants(p);
    assert!(
        found.iter().any(|f| f.invariant == "closure_can_happen"
            && f.path == path
            && f.severity == Severity::Error),
        "{found:#?}"
    );
    found
}
