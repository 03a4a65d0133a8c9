//! Repeating clocks (`repeat`, ruling 49): a report owed every period
//! until the case ends. The law: the periods follow from the recorded
//! events alone — the reports and the deadlines missed — so replaying the
//! events gives the same clocks, and ticking often, seldom or never between
//! the reports records the same breaches and leaves the same clock.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use proptest::prelude::*;
use tousu_policy::{CaseAction, Milestone, Policy};
use tousu_workflow::*;

/// The default policy with a progress report owed every 3 hours from
/// acceptance, restarted by each report (`customer_contacted`), charged to
/// the complaint manager on the case.
fn repeating_policy() -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let m: Milestone = serde_json::from_value(serde_json::json!({
        "id": "progress",
        "name_zh": "让顾客了解处理进度",
        "start": ["accepted"],
        "stop": ["customer_contacted", "callback_recorded", "withdrawn", "closed"],
        "repeat": { "until": ["callback_recorded"] },
        "target": "3 hours",
        "owner": { "role": "complaint_manager" },
    }))
    .unwrap();
    policy.milestones.push(m);
    for r in &mut policy.roles {
        r.actions.push(tousu_policy::Action::RecordAction);
    }
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn accepted(h: &mut Harness) -> DateTime<Utc> {
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let at = Harness::minutes(t0, 5);
    h.run(
        "kf1",
        at,
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    at
}

fn report(h: &mut Harness, at: DateTime<Utc>) {
    let kind = CommandKind::RecordAction {
        action: CaseAction::CustomerContacted,
        note: Some("告知处理进度".into()),
        milestone: None,
    };
    h.run("kf1", at, kind).unwrap();
}

fn progress(h: &Harness) -> Clock {
    let mut clocks = h
        .case()
        .clocks
        .iter()
        .filter(|c| c.milestone.as_str() == "progress");
    let clock = clocks.next().unwrap().clone();
    assert!(clocks.next().is_none(), "one clock per milestone and round");
    clock
}

/// (deadline, owner) of each breach of the progress clock.
fn breaches(h: &Harness) -> Vec<(DateTime<Utc>, Option<String>)> {
    h.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone,
                deadline,
                owner,
                ..
            } if milestone.as_str() == "progress" => {
                Some((*deadline, owner.as_ref().map(ToString::to_string)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_report_restarts_the_clock_and_a_silent_period_breaches() {
    let mut h = repeating_policy();
    let t = accepted(&mut h);
    let first = progress(&h);
    assert_eq!(first.period, 1);
    assert_eq!(first.deadline_at(), Some(t + TimeDelta::hours(3)));
    // A report after an hour: met, and the next period runs from it.
    report(&mut h, t + TimeDelta::hours(1));
    let second = progress(&h);
    assert_eq!(second.period, 2);
    assert_eq!(second.deadline_at(), Some(t + TimeDelta::hours(4)));
    assert!(h.events.iter().any(|e| matches!(
        &e.kind,
        EventKind::ClockStopped { milestone, met: true, .. } if milestone.as_str() == "progress"
    )));
    // Seven silent hours: the periods ending at 4 h and 7 h breach, both
    // charged to the complaint manager; the third runs 7 h to 10 h.
    h.tick(t + TimeDelta::hours(8));
    let kf1 = Some("kf1".to_owned());
    assert_eq!(
        breaches(&h),
        vec![
            (t + TimeDelta::hours(4), kf1.clone()),
            (t + TimeDelta::hours(7), kf1)
        ]
    );
    let now = progress(&h);
    assert_eq!(now.period, 4);
    assert_eq!(now.started_at, t + TimeDelta::hours(7));
    assert_eq!(now.deadline_at(), Some(t + TimeDelta::hours(10)));
    assert!(!now.breached);
    assert_eq!(
        next_due(h.case(), &h.rt.ctx(&h.roster, t + TimeDelta::hours(8))).unwrap(),
        Some(t + TimeDelta::hours(10))
    );
    // The complainant withdraws: the case closes and the repetition ends.
    let withdraw = CommandKind::Withdraw {
        reason: Some("客户撤回".into()),
    };
    h.run("kf1", t + TimeDelta::hours(9), withdraw).unwrap();
    assert!(!progress(&h).is_open());
    h.tick(t + TimeDelta::days(3));
    assert_eq!(breaches(&h).len(), 2);
    assert_eq!(Case::replay(&h.rt.policy, &h.events).unwrap(), *h.case());
}

/// One step of a run: minutes later, a report or (in the ticking run only) a tick.
#[derive(Clone, Debug)]
struct Step {
    gap_minutes: i64,
    report: bool,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        (1i64..900, any::<bool>()).prop_map(|(gap_minutes, report)| Step {
            gap_minutes,
            report,
        }),
        0..12,
    )
}

/// Runs `steps` from acceptance, ticking at the non-report steps when
/// `ticking`, and once at `end` in any case.
fn run(steps: &[Step], ticking: bool) -> (Harness, DateTime<Utc>) {
    let mut h = repeating_policy();
    let mut at = accepted(&mut h);
    for s in steps {
        at += TimeDelta::minutes(s.gap_minutes);
        if s.report {
            report(&mut h, at);
        } else if ticking {
            h.tick(at);
        }
    }
    let end = at + TimeDelta::minutes(1);
    h.tick(end);
    (h, end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// However often the clock is ticked between the reports, the same
    /// periods breach, charged to the same owner, and the same clock runs
    /// at the end; and replaying either record gives its case.
    #[test]
    fn the_repeating_clock_follows_from_the_events(steps in steps()) {
        let (ticked, end) = run(&steps, true);
        let (quiet, _) = run(&steps, false);
        prop_assert_eq!(breaches(&ticked), breaches(&quiet));
        prop_assert_eq!(progress(&ticked), progress(&quiet));
        for h in [&ticked, &quiet] {
            prop_assert_eq!(&Case::replay(&h.rt.policy, &h.events).unwrap(), h.case());
            // The clock is never left overdue: every lapsed period was recorded.
            prop_assert!(progress(h).deadline_at().is_some_and(|d| d > end));
        }
    }
}
