//! Late entries (补录, issue 12 item 5): a command that records something
//! done before it is recorded says when it happened (`occurred_at`), is
//! permitted by the policy's `late_entries`, and never undoes a breach
//! already due at the recording instant (ruling 27 in docs/rulings.md).

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use tousu_policy::{Action, LateEntry, Policy};
use tousu_workflow::*;

/// The default policy, letting replies and notes be recorded up to 24 hours late.
fn late_policy() -> Policy {
    let mut policy = Policy::default_policy().unwrap();
    policy.late_entries.push(LateEntry {
        actions: vec![Action::Reply, Action::AddNote],
        within: "24 hours".parse().unwrap(),
    });
    assert!(policy.check().errors.is_empty());
    policy
}

/// A case under `policy` accepted and assigned to h1 at `t0`: its first
/// response (30 minutes at the default level) runs from `t0`.
fn assigned(policy: Policy) -> (Harness, DateTime<Utc>) {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    h.run(
        "kf1",
        t0,
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    h.run(
        "kf1",
        t0,
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("eng"),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        },
    )
    .unwrap();
    (h, t0)
}

fn reply() -> CommandKind {
    CommandKind::Reply {
        text: "已上门更换阀门".into(),
        written: false,
    }
}

fn late(h: &mut Harness, at: DateTime<Utc>, occurred_at: DateTime<Utc>) -> Command {
    h.command("h1", at, reply()).late_entry(occurred_at)
}

/// How the first response's clock ended: (met, breached).
fn first_response(h: &Harness) -> (bool, bool) {
    let clock = h
        .case()
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "first_response")
        .unwrap();
    let met = matches!(clock.state, ClockState::Stopped { met: true, .. });
    (met, clock.breached)
}

#[test]
fn a_late_entry_records_both_instants_and_stops_a_clock_not_yet_due() {
    let (mut h, t0) = assigned(late_policy());
    let happened = t0 + TimeDelta::minutes(10);
    let recorded = t0 + TimeDelta::minutes(20);
    let cmd = late(&mut h, recorded, happened);
    let events = h.apply_command(&cmd).unwrap();
    let replied = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::Replied { .. }))
        .unwrap();
    assert_eq!(
        (replied.at, replied.occurred_at.as_deref().copied()),
        (recorded, Some(happened))
    );
    // What the clocks did happened when it was recorded.
    let stopped = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::ClockStopped { .. }))
        .unwrap();
    assert_eq!(
        (stopped.at, stopped.occurred_at.as_deref()),
        (recorded, None)
    );
    assert_eq!(first_response(&h), (true, false));
    // Replay rebuilds the same case, late entry included.
    assert_eq!(&Case::replay_events(&h.events).unwrap(), h.case());
}

#[test]
fn a_late_entry_never_undoes_a_breach_due_at_the_recording_instant() {
    let (mut h, t0) = assigned(late_policy());
    // Replied 10 minutes in, recorded 40 minutes in: the 30-minute first
    // response was due at the recording instant and stays breached, though
    // no tick saw it first.
    let cmd = late(
        &mut h,
        t0 + TimeDelta::minutes(40),
        t0 + TimeDelta::minutes(10),
    );
    let events = h.apply_command(&cmd).unwrap();
    assert!(events.iter().any(|e| matches!(
        &e.kind,
        EventKind::MilestoneBreached { milestone, .. } if milestone.as_str() == "first_response"
    )));
    assert_eq!(first_response(&h), (false, true));

    // And a breach a tick already recorded stays.
    let (mut h, t0) = assigned(late_policy());
    assert!(!h.tick(t0 + TimeDelta::minutes(31)).is_empty());
    let cmd = late(
        &mut h,
        t0 + TimeDelta::minutes(32),
        t0 + TimeDelta::minutes(5),
    );
    let events = h.apply_command(&cmd).unwrap();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.kind, EventKind::BreachWithdrawn { .. }))
    );
    assert_eq!(first_response(&h), (false, true));
}

#[test]
fn without_late_entries_in_the_policy_nothing_is_entered_late() {
    let (mut h, t0) = assigned(Policy::default_policy().unwrap());
    let version = h.case().version;
    let cmd = late(
        &mut h,
        t0 + TimeDelta::minutes(20),
        t0 + TimeDelta::minutes(10),
    );
    let err = h.apply_command(&cmd).unwrap_err();
    assert_eq!(err.kind(), "late_entry_not_allowed");
    insta::assert_snapshot!(err.to_string(), @"`reply` may not be recorded late under this policy; it allows no late entries (a policy lists them in late_entries): leave occurred_at out to record it as happening now");
    assert_eq!(h.case().version, version);
}

#[test]
fn an_action_the_policy_does_not_list_is_refused_with_what_it_allows() {
    let (mut h, t0) = assigned(late_policy());
    let cmd = h
        .command(
            "h1",
            t0 + TimeDelta::minutes(20),
            CommandKind::StartInvestigation,
        )
        .late_entry(t0 + TimeDelta::minutes(10));
    let err = h.apply_command(&cmd).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"`investigate` may not be recorded late under this policy; it allows `reply` within 24 hours, `add_note` within 24 hours; leave occurred_at out to record it as happening now");
}

#[test]
fn a_late_entry_beyond_the_policys_limit_is_refused() {
    let (mut h, t0) = assigned(late_policy());
    let version = h.case().version;
    let happened = t0 + TimeDelta::minutes(10);
    // Recorded exactly 24 hours after: the limit is exclusive, as a deadline's.
    let cmd = late(&mut h, happened + TimeDelta::hours(24), happened);
    let err = h.apply_command(&cmd).unwrap_err();
    assert_eq!(err.kind(), "too_late");
    insta::assert_snapshot!(err.to_string(), @"`reply` may be recorded at most 24 hours after it happened: what happened at 2025-11-03 01:10:00 UTC could be recorded until 2025-11-04 01:10:00 UTC (exclusive), not at 2025-11-04 01:10:00 UTC; record it as happening now (leave occurred_at out)");
    assert_eq!(h.case().version, version);
    // A minute earlier it is within the limit (and the clock long breached).
    let cmd = late(
        &mut h,
        happened + TimeDelta::hours(24) - TimeDelta::minutes(1),
        happened,
    );
    h.apply_command(&cmd).unwrap();
    assert_eq!(first_response(&h), (false, true));
}

#[test]
fn occurred_at_is_before_the_recording_and_after_receipt() {
    let (mut h, t0) = assigned(late_policy());
    let at = t0 + TimeDelta::minutes(20);
    let same = late(&mut h, at, at);
    assert!(
        h.apply_command(&same)
            .unwrap_err()
            .to_string()
            .starts_with("occurred_at: is not before the command's instant")
    );
    let before_receipt = late(&mut h, at, t0 - TimeDelta::minutes(1));
    assert!(
        h.apply_command(&before_receipt)
            .unwrap_err()
            .to_string()
            .starts_with("occurred_at: is before the complaint was received")
    );
    // The recording instant itself still never runs backwards.
    let back = late(
        &mut h,
        t0 - TimeDelta::minutes(1),
        t0 - TimeDelta::minutes(2),
    );
    assert_eq!(h.apply_command(&back).unwrap_err().kind(), "back_dated");
}

#[test]
fn a_late_entry_is_a_key_of_its_own() {
    let (mut h, t0) = assigned(late_policy());
    let cmd = late(
        &mut h,
        t0 + TimeDelta::minutes(20),
        t0 + TimeDelta::minutes(10),
    );
    // Without occurred_at the fingerprint is what it was before late entries.
    let mut plain = cmd.clone();
    plain.occurred_at = None;
    assert_ne!(cmd.digest(), plain.digest());
    h.apply_command(&cmd).unwrap();
    // The same id saying it happened at another instant is another command.
    let mut other = cmd.clone();
    other.occurred_at = Some(t0 + TimeDelta::minutes(11));
    other.expected_version = h.case().version;
    assert_eq!(
        h.apply_command(&other).unwrap_err().kind(),
        "command_id_conflict"
    );
}

#[test]
fn commands_without_occurred_at_read_and_write_as_before() {
    let (mut h, t0) = assigned(late_policy());
    let cmd = h.command("h1", t0 + TimeDelta::minutes(20), reply());
    let json = serde_json::to_string(&cmd).unwrap();
    assert!(!json.contains("occurred_at"), "{json}");
    let events = h.apply_command(&cmd).unwrap();
    let json = serde_json::to_string(&events).unwrap();
    assert!(!json.contains("occurred_at"), "{json}");
    let late_json = serde_json::to_value(late(&mut h, t0 + TimeDelta::minutes(30), t0)).unwrap();
    assert_eq!(late_json["occurred_at"], "2025-11-03T01:00:00Z");
}
