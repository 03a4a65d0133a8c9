//! `next_due` agrees with `tick`: from the case's last event up to the
//! instant it gives, ticking yields nothing; at that instant it yields
//! something; and when it gives none, time alone changes nothing. And
//! `tick_with_next_due` agrees with `tick` and `next_due` of the case its
//! events leave.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use proptest::prelude::*;
use tousu_policy::Policy;
use tousu_workflow::strategies::{Step, drive, steps};
use tousu_workflow::*;

/// The default policy with business hours, so that working-time clocks
/// measure across nights and weekends.
fn business_hours_policy() -> Policy {
    let text = tousu_policy::DEFAULT_POLICY_TOML.replace(
        "[calendar]\n",
        "[calendar]\nbusiness_hours = [{ start = \"08:30\", end = \"12:00\" }, { start = \"13:30\", end = \"17:30\" }]\n",
    );
    Policy::from_toml_str(&text).unwrap()
}

fn ticks(rt: &PolicyRuntime, case: &Case, at: DateTime<Utc>) -> Vec<Event> {
    tick(case, &rt.ctx(&roster(), at)).unwrap()
}

/// `tick_with_next_due` at `at` gives `tick`'s events, and the `next_due`
/// and openness of the case they leave, built by `evolve`.
fn check_with_next_due(
    rt: &PolicyRuntime,
    case: &Case,
    at: DateTime<Utc>,
) -> Result<(), TestCaseError> {
    let roster = roster();
    let ctx = rt.ctx(&roster, at);
    let ticked = tick_with_next_due(case, &ctx).unwrap();
    prop_assert_eq!(&ticked.events, &tick(case, &ctx).unwrap());
    if !ticked.events.is_empty() {
        let after = ticked.events.iter().fold(case.clone(), evolve);
        let want = next_due(&after, &rt.ctx(&roster, after.updated_at)).unwrap();
        prop_assert_eq!(ticked.next_due, want);
        prop_assert_eq!(ticked.open, after.status.is_open());
    }
    Ok(())
}

fn check(rt: &PolicyRuntime, steps: &[Step], probe: u16) -> Result<(), TestCaseError> {
    let start = beijing(2025, 12, 1, 9, 0);
    let run = drive(rt, &roster(), "kf1", start, steps).unwrap();
    let case = run.case;
    let from = case.updated_at;
    check_with_next_due(rt, &case, from + TimeDelta::days(30))?;
    match next_due(&case, &rt.ctx(&roster(), from)).unwrap() {
        Some(due) => {
            check_with_next_due(rt, &case, due)?;
            prop_assert!(due >= from, "due {due} before the last event {from}");
            prop_assert!(
                !ticks(rt, &case, due).is_empty(),
                "nothing happens at the due instant {due}"
            );
            if due > from {
                let just_before = due - TimeDelta::nanoseconds(1);
                let before = ticks(rt, &case, just_before);
                prop_assert!(before.is_empty(), "{before:?} happen before {due}");
                let span = (due - from).num_seconds();
                let probed = from + TimeDelta::seconds(span * i64::from(probe) / 1000);
                if probed < due {
                    let at_probe = ticks(rt, &case, probed);
                    prop_assert!(
                        at_probe.is_empty(),
                        "{at_probe:?} happen at {probed}, due {due}"
                    );
                }
            }
        }
        None => {
            let later = ticks(rt, &case, from + TimeDelta::days(30));
            prop_assert!(later.is_empty(), "no due instant, yet {later:?} happen");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn next_due_agrees_with_tick(
        steps in steps(&runtime().policy, &roster(), 0..25),
        probe in 0u16..1000,
    ) {
        check(&runtime(), &steps, probe)?;
    }

    #[test]
    fn next_due_agrees_with_tick_in_business_hours(
        steps in steps(&runtime().policy, &roster(), 0..25),
        probe in 0u16..1000,
    ) {
        check(&PolicyRuntime::new(business_hours_policy()).unwrap(), &steps, probe)?;
    }
}

#[test]
fn a_closed_case_is_never_due() {
    let rt = runtime();
    let start = beijing(2025, 12, 1, 9, 0);
    let withdraw = Step {
        actor: sid("kf1"),
        kind: CommandKind::Withdraw { reason: None },
        after_minutes: 5,
    };
    let run = drive(&rt, &roster(), "kf1", start, &[withdraw]).unwrap();
    assert!(!run.case.status.is_open());
    assert_eq!(
        next_due(&run.case, &rt.ctx(&roster(), start)).unwrap(),
        None
    );
}

/// A warning fires when its share of the clock has elapsed, not earlier:
/// at a fractional-second instant the remaining time is not rounded toward
/// zero (which made a threshold fire up to a second early), and `next_due`
/// gives that very instant.
#[test]
fn a_warning_at_a_fractional_instant_fires_on_time() {
    let mut h = Harness::new();
    let at = beijing(2025, 12, 1, 9, 0) + TimeDelta::milliseconds(500);
    h.register_default(at);
    let case = h.case().clone();
    let clock = case
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "first_response")
        .unwrap();
    let deadline = clock.deadline_at().unwrap();
    assert_eq!(deadline, at + TimeDelta::seconds(clock.total_seconds));
    // Half the clock's time: the 50 % threshold.
    let half = at + TimeDelta::milliseconds(clock.total_seconds * 500);
    let rt = runtime();
    let warned = |now| {
        ticks(&rt, &case, now)
            .iter()
            .any(|e| matches!(e.kind, EventKind::MilestoneWarning { percent: 50, .. }))
    };
    assert!(!warned(half - TimeDelta::milliseconds(400)));
    assert!(!warned(half - TimeDelta::nanoseconds(1)));
    assert!(warned(half));
    assert_eq!(next_due(&case, &rt.ctx(&roster(), at)).unwrap(), Some(half));
}
