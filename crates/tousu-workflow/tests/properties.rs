//! Laws of the decider under the default policy and under the same policy
//! with business hours: replay equals incremental, no command sequence
//! panics, a rejected command changes nothing, ticks are idempotent, elapsed
//! time is never negative, remaining time never grows while a clock runs,
//! and a closed case accepts nothing but notes.

mod common;

use std::collections::BTreeMap;

use chrono::TimeDelta;
use common::*;
use proptest::prelude::*;
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::*;

const ACTORS: &[&str] = &["kf1", "h1", "head1", "gm", "resp", "nobody"];

fn kind(choice: u8, amount: i64, sat: bool) -> CommandKind {
    let assignment = Assignment {
        lead: did("eng"),
        handler: Some(sid(if sat { "h1" } else { "resp" })),
        co_handling: vec![],
    };
    match choice % 21 {
        0 => CommandKind::Accept {
            override_reason: None,
        },
        1 => CommandKind::Assign { assignment },
        2 => CommandKind::StartInvestigation,
        3 => CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: vec![],
            note: None,
        },
        4 => CommandKind::ProposeSolution {
            remedies: vec![
                Remedy::with_amount(RemedyKind::Compensation, Money::from_fen(amount)).unwrap(),
            ],
            note: None,
        },
        5 => CommandKind::Approve,
        6 => CommandKind::SendBack {
            reason: "重做".into(),
        },
        7 => CommandKind::Reply {
            text: "答复".into(),
            written: false,
        },
        8 => CommandKind::RecordCallback {
            satisfaction: if sat {
                Satisfaction::Satisfied
            } else {
                Satisfaction::Unsatisfied
            },
            note: None,
        },
        9 => CommandKind::Close,
        10 => CommandKind::Reopen {
            reason: "不满意".into(),
        },
        11 => CommandKind::Escalate {
            reason: "上报".into(),
            step: None,
        },
        12 => CommandKind::RequestExtension {
            reason: "客户外出".into(),
            until: None,
        },
        13 => CommandKind::ApproveExtension,
        14 => CommandKind::EndExtension,
        15 => CommandKind::Classify {
            level: Some(LevelId::new(if sat { "crisis" } else { "unsatisfied" }).unwrap()),
            reason: Some("改级".into()),
        },
        16 => CommandKind::Transfer {
            assignment,
            reason: "转办".into(),
        },
        17 => CommandKind::AddNote {
            text: "备注".into(),
            attachments: vec![],
        },
        18 => CommandKind::Withdraw { reason: None },
        19 => CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 1, 5, 18, 0),
        },
        _ => CommandKind::CloseAbnormally {
            reason: "无理要求".into(),
        },
    }
}

/// The default policy with business hours 08:30–12:00 and 13:30–17:30.
fn business_hours_policy() -> Policy {
    let text = tousu_policy::DEFAULT_POLICY_TOML.replace(
        "[calendar]\n",
        "[calendar]\nbusiness_hours = [{ start = \"08:30\", end = \"12:00\" }, { start = \"13:30\", end = \"17:30\" }]\n",
    );
    Policy::from_toml_str(&text).unwrap()
}

fn check_sequence(
    mut h: Harness,
    steps: Vec<(usize, u8, i64, bool, i64)>,
) -> Result<(), TestCaseError> {
    let mut at = beijing(2025, 12, 1, 9, 0);
    h.register_default(at);
    // (milestone, round) -> (remaining seconds, deadline) at the last look, for running clocks.
    let mut last: BTreeMap<(String, u32), (i64, chrono::DateTime<chrono::Utc>)> = BTreeMap::new();
    for (actor, choice, amount, sat, gap) in steps {
        at += TimeDelta::minutes(gap);
        let before = h.case().clone();
        let kind = kind(choice, amount, sat);
        let is_note = matches!(kind, CommandKind::AddNote { .. });
        match h.run(ACTORS[actor], at, kind) {
            Ok(events) => prop_assert!(
                !(matches!(before.status, Status::Closed | Status::NotAccepted)
                    && !is_note
                    && !events.is_empty()),
                "a final case accepted a command other than a note"
            ),
            Err(_) => prop_assert_eq!(&before, h.case(), "a rejected command changed the case"),
        }
        let ticked = h.tick(at);
        prop_assert!(
            h.tick(at).is_empty(),
            "tick not idempotent after {:?}",
            ticked
        );
        let resumed: Vec<_> = h
            .events
            .iter()
            .filter(|e| e.version > before.version)
            .filter_map(|e| match &e.kind {
                EventKind::ClockResumed {
                    milestone, round, ..
                }
                | EventKind::ClockStarted {
                    milestone, round, ..
                } => Some((milestone.to_string(), *round)),
                _ => None,
            })
            .collect();
        for d in deadlines(h.case(), &h.rt.ctx(&h.roster, at)).unwrap() {
            // The default policy's calendar counts every year: every clock has a deadline.
            let (Some(elapsed), Some(remaining), Some(deadline)) =
                (d.elapsed_seconds, d.remaining_seconds, d.deadline.as_ref())
            else {
                return Err(TestCaseError::fail(format!(
                    "{} has no deadline",
                    d.milestone
                )));
            };
            prop_assert!(elapsed >= 0, "{} elapsed {}", d.milestone, elapsed);
            let key = (d.milestone.to_string(), d.round);
            if !d.paused {
                if let Some((prev, _)) = last.get(&key)
                    && !resumed.contains(&key)
                {
                    prop_assert!(
                        remaining <= *prev,
                        "{} remaining grew from {} to {}",
                        d.milestone,
                        prev,
                        remaining
                    );
                }
                last.insert(key, (remaining, deadline.at));
            } else {
                last.remove(&key);
            }
        }
    }
    let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
    prop_assert_eq!(&replayed, h.case());
    for (i, e) in h.events.iter().enumerate() {
        prop_assert_eq!(e.version, i as u64 + 1);
    }
    let json = serde_json::to_string(&h.events).unwrap();
    let back: Vec<Event> = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(Case::replay(&h.rt.policy, &back).unwrap(), replayed);
    Ok(())
}

/// 64 cases a law, or as many as `PROPTEST_CASES` asks for (a long search:
/// `PROPTEST_CASES=5000 cargo test -p tousu-workflow --test properties`).
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 64;
    }
    config
}

fn steps() -> impl Strategy<Value = Vec<(usize, u8, i64, bool, i64)>> {
    proptest::collection::vec(
        (
            0usize..ACTORS.len(),
            any::<u8>(),
            0i64..300_000,
            any::<bool>(),
            prop_oneof![0i64..90, 90i64..4000],
        ),
        1..40,
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn laws_under_the_default_policy(steps in steps()) {
        check_sequence(Harness::new(), steps)?;
    }

    #[test]
    fn laws_under_business_hours(steps in steps()) {
        let mut h = Harness::new();
        h.rt = PolicyRuntime::new(business_hours_policy()).unwrap();
        check_sequence(h, steps)?;
    }
}

/// The input the "ticks are idempotent" law once failed with (issue 12 item
/// 18): a command 19 h 12 min after registration, the 24-hour acceptance
/// clock at exactly its 80 % warning. Under both policies the first tick
/// gives both warnings, the first response's breach and its escalation, and
/// a second tick at the same instant nothing; the same answer from several
/// threads at once (nothing shared between test threads changes it), and
/// one second earlier the 80 % warning is not yet due (the threshold is
/// integer arithmetic on whole seconds, no float).
#[test]
fn ticks_at_exactly_the_warning_threshold_are_idempotent() {
    fn run(business_hours: bool, gap: TimeDelta) -> (Vec<EventKind>, Vec<EventKind>) {
        let mut h = Harness::new();
        if business_hours {
            h.rt = PolicyRuntime::new(business_hours_policy()).unwrap();
        }
        let registered = beijing(2025, 12, 1, 9, 0);
        h.register_default(registered);
        let at = registered + gap;
        // The shrunk step (0, 43, 0, false, 1152): kf1 assigns a case not yet accepted.
        assert!(h.run(ACTORS[0], at, kind(43, 0, false)).is_err());
        let kinds = |events: Vec<Event>| events.into_iter().map(|e| e.kind).collect::<Vec<_>>();
        let first = kinds(h.tick(at));
        let second = kinds(h.tick(at));
        (first, second)
    }
    let warned = |events: &[EventKind]| {
        events
            .iter()
            .filter_map(|k| match k {
                EventKind::MilestoneWarning { percent, .. } => Some(*percent),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let at_threshold = TimeDelta::minutes(1152);
    for business_hours in [false, true] {
        let (first, second) = run(business_hours, at_threshold);
        assert_eq!(warned(&first), [50, 80]);
        let names: Vec<_> = first.iter().map(EventKind::name).collect();
        assert_eq!(
            names,
            [
                "milestone_warning",
                "milestone_warning",
                "milestone_breached",
                "escalated"
            ]
        );
        assert_eq!(second, [], "the second tick at the same instant");
        let (early, _) = run(business_hours, at_threshold - TimeDelta::seconds(1));
        assert_eq!(warned(&early), [50], "one second before 80 %");
        let threads: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(move || run(business_hours, at_threshold)))
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), (first.clone(), second.clone()));
        }
    }
}

/// The default policy letting every action that records something done be
/// entered late, up to 24 hours after it happened.
fn late_entries_policy() -> Policy {
    let mut policy = Policy::default_policy().unwrap();
    policy.late_entries.push(tousu_policy::LateEntry {
        actions: tousu_policy::LateEntry::RECORDABLE.to_vec(),
        within: "24 hours".parse().unwrap(),
    });
    policy
}

proptest! {
    #![proptest_config(config())]

    /// A late entry never removes a breach that was due at the recording
    /// instant (issue 12 item 5, ruling 27): after it (and a tick at the
    /// same instant) every clock whose deadline had come by then and that
    /// had not already stopped in time is breached, and breaches recorded
    /// before stay, never withdrawn.
    #[test]
    fn a_late_entry_never_removes_a_breach_due_at_the_recording_instant(
        steps in steps(),
        late in proptest::collection::vec((any::<bool>(), any::<u8>(), 1i64..1440, any::<bool>()), 40),
    ) {
        let mut h = Harness::new();
        h.rt = PolicyRuntime::new(late_entries_policy()).unwrap();
        let received = beijing(2025, 12, 1, 9, 0);
        h.register_default(received);
        // Accepted and assigned at once, so that replies and findings apply
        // while the first response still runs.
        for choice in [0, 1] {
            h.run("kf1", received, kind(choice, 0, true)).unwrap();
        }
        let mut at = received;
        for ((actor, choice, amount, sat, gap), (is_late, late_choice, minutes_ago, tick)) in
            steps.into_iter().zip(late)
        {
            at += TimeDelta::minutes(gap);
            if !is_late {
                let _ = h.run(ACTORS[actor], at, kind(choice, amount, sat));
                // Not always a tick: a late entry is often the first to see a deadline pass.
                if tick {
                    h.tick(at);
                }
                continue;
            }
            // A recordable kind (investigation, findings, reply, callback,
            // note) by someone who may record it (kf1 or h1).
            let choice = [2, 3, 7, 7, 8, 17][usize::from(late_choice % 6)];
            let actor = if choice == 2 || choice == 3 || sat { "h1" } else { "kf1" };
            let occurred_at = (at - TimeDelta::minutes(minutes_ago)).max(received);
            let before = h.case().clone();
            let cmd = h.command(actor, at, kind(choice, amount, sat)).late_entry(occurred_at);
            match h.apply_command(&cmd) {
                Err(_) => {
                    prop_assert_eq!(&before, h.case(), "a refused late entry changed the case");
                    continue;
                }
                Ok(events) => prop_assert!(
                    !events.iter().any(|e| matches!(e.kind, EventKind::BreachWithdrawn { .. })),
                    "a late entry withdrew a breach"
                ),
            }
            h.tick(at);
            for old in &before.clocks {
                let reminder = h.rt.policy.milestone(&old.milestone).is_some_and(|m| m.reminder);
                let stopped_in_time = matches!(old.state, ClockState::Stopped { met: true, .. });
                let paused = matches!(old.state, ClockState::Paused { .. });
                let due = old.deadline_at().is_some_and(|d| d <= at);
                let now = h
                    .case()
                    .clocks
                    .iter()
                    .find(|c| c.milestone == old.milestone && c.round == old.round);
                let Some(now) = now else {
                    return Err(TestCaseError::fail(format!("{} disappeared", old.milestone)));
                };
                if old.breached {
                    prop_assert!(now.breached, "{} round {}: a breach was removed", old.milestone, old.round);
                }
                if due && !reminder && !stopped_in_time && !paused {
                    prop_assert!(
                        now.breached && !matches!(now.state, ClockState::Stopped { met: true, .. }),
                        "{} round {} was due at {} (deadline {:?}) and is not breached after a late entry of {}",
                        old.milestone, old.round, at, old.deadline_at(), occurred_at
                    );
                }
            }
        }
        prop_assert_eq!(&Case::replay(&h.rt.policy, &h.events).unwrap(), h.case());
    }
}

/// Issue 12 item 18 again, through the law itself and through the due
/// index: the shrunk input `[(0, 43, 0, false, 1152)]` passes
/// `check_sequence` (the very function the failing law ran) under both
/// policies, from four threads at once, fifty times each; and a tick driven
/// by `next_due` — the warning instant computed the other way, by inverting
/// the threshold — finds each threshold of that case exactly: nothing one
/// nanosecond before, something at it, and nothing more at the same instant.
#[test]
fn the_shrunk_input_of_item_18_passes_the_laws_and_the_due_index_agrees_with_tick() {
    let harness = |business_hours: bool| {
        let mut h = Harness::new();
        if business_hours {
            h.rt = PolicyRuntime::new(business_hours_policy()).unwrap();
        }
        h
    };
    let threads: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                for _ in 0..50 {
                    check_sequence(harness(i % 2 == 1), vec![(0, 43, 0, false, 1152)]).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    for business_hours in [false, true] {
        let mut h = harness(business_hours);
        let registered = beijing(2025, 12, 1, 9, 0);
        h.register_default(registered);
        assert!(
            h.run(
                ACTORS[0],
                registered + TimeDelta::minutes(1152),
                kind(43, 0, false)
            )
            .is_err()
        );
        let mut seen = Vec::new();
        while let Some(due) = next_due(h.case(), &h.rt.ctx(&h.roster, h.case().updated_at)).unwrap()
        {
            if due > registered + TimeDelta::days(3) {
                break;
            }
            assert!(
                h.tick(due - TimeDelta::nanoseconds(1)).is_empty(),
                "a tick before {due} acted"
            );
            let events = h.tick(due);
            assert!(!events.is_empty(), "nothing due at {due}");
            assert!(h.tick(due).is_empty(), "a second tick at {due} acted");
            seen.extend(events.iter().map(|e| (e.at - registered, e.kind.name())));
        }
        // The acceptance clock's 80 % warning: remaining time is measured in
        // whole seconds, rounded toward zero, so a tick finds a threshold up
        // to a second before its exact instant (docs/testing.md) — the due
        // index exactly as tick does.
        let at_80 = |d: &TimeDelta| {
            *d > TimeDelta::minutes(1152) - TimeDelta::seconds(1) && *d <= TimeDelta::minutes(1152)
        };
        assert!(
            seen.iter()
                .any(|(d, name)| at_80(d) && *name == "milestone_warning"),
            "{seen:?}"
        );
    }
}

/// Found by a 20,000-case run of `laws_under_the_default_policy`: an
/// extension approved while the first response was 3 days overdue and the
/// 15-working-day result clock was running, ended a minute later. Before,
/// the overdue clock resumed due "now" (its deadline moved 4 days on, no
/// longer overdue) and the result clock, brought to the end of the day its
/// time runs out on, showed −82,920 s elapsed (its span less a time left
/// that had grown past it). Now the overdue clock resumes to the deadline it
/// had and the result clock's span grows with its deadline, so its elapsed
/// time stays the 57 minutes it had used.
#[test]
fn an_extension_neither_cures_an_overdue_clock_nor_makes_elapsed_time_negative() {
    let steps = vec![
        (0, 1, 0, false, 1437),
        (0, 0, 0, false, 3935),
        (0, 8, 0, false, 57),
        (0, 54, 0, false, 0),
        (3, 223, 0, false, 0),
        (0, 0, 0, false, 0),
        (3, 119, 0, false, 1),
    ];
    check_sequence(Harness::new(), steps.clone()).unwrap();
    let mut h = Harness::new();
    let mut at = beijing(2025, 12, 1, 9, 0);
    h.register_default(at);
    for (actor, choice, amount, sat, gap) in steps {
        at += TimeDelta::minutes(gap);
        let _ = h.run(ACTORS[actor], at, kind(choice, amount, sat));
        h.tick(at);
    }
    let ds = deadlines(h.case(), &h.rt.ctx(&h.roster, at)).unwrap();
    let first = ds
        .iter()
        .find(|d| d.milestone.as_str() == "first_response")
        .unwrap();
    assert_eq!(
        first.deadline.as_ref().map(|d| d.at),
        Some(beijing(2025, 12, 1, 9, 30)),
        "the overdue first response keeps its deadline"
    );
    assert!(first.remaining_seconds.unwrap() < 0, "and stays overdue");
    let result = ds
        .iter()
        .find(|d| d.milestone.as_str() == "result")
        .unwrap();
    assert_eq!(result.elapsed_seconds, Some(57 * 60));
    let resumed_span = h.events.iter().find_map(|e| match &e.kind {
        EventKind::ClockResumed {
            milestone,
            total_seconds,
            ..
        } if milestone.as_str() == "result" => Some(*total_seconds),
        _ => None,
    });
    assert_eq!(
        resumed_span,
        Some(Some(57 * 60 + result.remaining_seconds.unwrap())),
        "the resume records the grown span"
    );
}
