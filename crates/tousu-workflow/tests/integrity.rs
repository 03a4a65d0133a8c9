//! The integrity of the record (issue 12): nobody decides their own
//! complaint or approves their own proposal, a case's time never runs
//! backwards, a command id means one command.

mod common;

use common::*;
use tousu_model::*;
use tousu_policy::{Action, Policy};
use tousu_workflow::*;

use proptest::prelude::*;

/// The default roster plus a second complaint manager, `kf2`.
fn roster_with_kf2() -> Roster {
    let base = roster();
    let mut staff: Vec<Staff> = base.all_staff().cloned().collect();
    staff.push(
        Staff::new(sid("kf2"), "周客服", did("cs"))
            .with_role(RoleId::new("complaint_manager").unwrap()),
    );
    Roster::new(base.departments().clone(), staff).unwrap()
}

/// A harness whose complaint is about `respondent`, registered by `kf2`.
fn case_against(respondent: &str, policy: Policy) -> (Harness, chrono::DateTime<chrono::Utc>) {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h.roster = roster_with_kf2();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut c = complaint(t0);
    c.respondents = vec![Respondent::staff(sid(respondent))];
    let kind = CommandKind::Register {
        case_id: CaseId::new("K-1").unwrap(),
        number: None,
        complaint: Box::new(c),
        repeat_count: 0,
    };
    h.run("kf2", t0, kind).unwrap();
    (h, t0)
}

fn accept() -> CommandKind {
    CommandKind::Accept {
        override_reason: None,
    }
}

fn assignment(handler: &str) -> Assignment {
    Assignment {
        lead: did("eng"),
        handler: Some(sid(handler)),
        co_handling: vec![],
    }
}

#[test]
fn the_respondent_takes_no_decision_on_their_case() {
    let (mut h, t0) = case_against("kf1", Policy::default_policy().unwrap());
    let version = h.case().version;
    // Every command a complaint manager may give is refused to kf1 here:
    // acceptance, withdrawal, classification, assignment, a note.
    for kind in [
        accept(),
        CommandKind::Withdraw {
            reason: Some("客户撤回".into()),
        },
        CommandKind::Classify {
            level: None,
            reason: None,
        },
        CommandKind::AddNote {
            text: "我没有错".into(),
            attachments: vec![],
        },
    ] {
        let err = h.run("kf1", t0, kind).unwrap_err();
        assert!(matches!(err, Rejection::Recused { .. }), "{err}");
    }
    assert_eq!(
        h.case().version,
        version,
        "a rejected command changes nothing"
    );
    // kf2, not recused, accepts; kf1 may not assign or transfer either.
    h.run("kf2", t0, accept()).unwrap();
    let err = h
        .run(
            "kf1",
            t0,
            CommandKind::Assign {
                assignment: assignment("h1"),
            },
        )
        .unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"kf1 must recuse from this case: they are the respondent (被投诉人) (assign refused)");
}

#[test]
fn a_policy_may_let_the_respondent_add_a_note() {
    let mut policy = Policy::default_policy().unwrap();
    policy.recusal.allowed_actions = vec![Action::AddNote];
    let (mut h, t0) = case_against("kf1", policy);
    h.run(
        "kf1",
        t0,
        CommandKind::AddNote {
            text: "我的陈述".into(),
            attachments: vec![],
        },
    )
    .unwrap();
    let err = h.run("kf1", t0, accept()).unwrap_err();
    assert!(matches!(err, Rejection::Recused { .. }), "{err}");
}

#[test]
fn a_respondent_with_view_confidential_does_not_see_their_confidential_case() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut c = complaint(t0);
    c.respondents = vec![Respondent::staff(sid("head1"))];
    c.flags.confidential = true;
    let kind = CommandKind::Register {
        case_id: CaseId::new("K-2").unwrap(),
        number: None,
        complaint: Box::new(c),
        repeat_count: 0,
    };
    h.run("kf1", t0, kind).unwrap();
    let ctx = h.rt.ctx(&h.roster, t0);
    assert!(
        !can_view(&sid("head1"), h.case(), &ctx),
        "department_head may view confidential cases, but not one about themselves"
    );
    assert!(can_view(&sid("gm"), h.case(), &ctx));
    assert!(!can_view(&sid("h1"), h.case(), &ctx));
}

/// A case awaiting approval of a 500 元 solution proposed by `head1`.
fn proposed_by_head1(policy: Policy) -> (Harness, chrono::DateTime<chrono::Utc>) {
    proposed_by_head1_for(policy, "500")
}

/// A case awaiting approval of a solution of `amount` proposed by `head1`.
fn proposed_by_head1_for(policy: Policy, amount: &str) -> (Harness, chrono::DateTime<chrono::Utc>) {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    h.run("kf1", t0, accept()).unwrap();
    h.run(
        "kf1",
        t0,
        CommandKind::Assign {
            assignment: assignment("h1"),
        },
    )
    .unwrap();
    h.run("h1", t0, CommandKind::StartInvestigation).unwrap();
    h.run(
        "h1",
        t0,
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: vec![],
            note: None,
        },
    )
    .unwrap();
    let remedies =
        vec![Remedy::with_amount(RemedyKind::Compensation, amount.parse().unwrap()).unwrap()];
    h.run(
        "head1",
        t0,
        CommandKind::ProposeSolution {
            remedies,
            note: None,
        },
    )
    .unwrap();
    (h, t0)
}

#[test]
fn a_proposer_does_not_approve_their_own_proposal() {
    let (mut h, t0) = proposed_by_head1(Policy::default_policy().unwrap());
    let err = h.run("head1", t0, CommandKind::Approve).unwrap_err();
    assert_eq!(err.kind(), "self_approval");
    insta::assert_snapshot!(err.to_string(), @"head1 may not approve their own proposal: someone else approves it (segregation of duties; a policy may allow it with approval.allow_self_approval)");
    h.run("gm", t0, CommandKind::Approve).unwrap();
    assert_eq!(h.case().status, Status::Approved);
}

/// Segregation of duties comes before the amount limit: a proposer beyond
/// their own limit is refused for approving their own proposal, which no
/// authority cures, not for the amount (the sign-off chain checks in the
/// same order).
#[test]
fn self_approval_is_refused_before_the_amount_limit() {
    let (mut h, t0) = proposed_by_head1_for(Policy::default_policy().unwrap(), "5000");
    let err = h.run("head1", t0, CommandKind::Approve).unwrap_err();
    assert_eq!(err.kind(), "self_approval", "{err}");
    // Someone else whose limit covers it approves.
    h.run("gm", t0, CommandKind::Approve).unwrap();
    assert_eq!(h.case().status, Status::Approved);
}

#[test]
fn a_policy_may_allow_self_approval_explicitly() {
    let mut policy = Policy::default_policy().unwrap();
    if let Some(a) = policy.approval.as_mut() {
        a.allow_self_approval = true;
    }
    let (mut h, t0) = proposed_by_head1(policy);
    h.run("head1", t0, CommandKind::Approve).unwrap();
    assert_eq!(
        h.case()
            .proposal
            .as_ref()
            .and_then(|p| p.proposed_by.as_ref()),
        Some(&sid("head1"))
    );
}

#[test]
fn a_command_dated_before_the_last_event_is_refused() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let version = h.case().version;
    let err = h
        .run("kf1", beijing(2024, 11, 3, 9, 0), accept())
        .unwrap_err();
    assert_eq!(err.kind(), "back_dated");
    insta::assert_snapshot!(err.to_string(), @"the command is dated 2024-11-03 01:00:00 UTC, before the case's last event (2025-11-03 01:00:00 UTC); date it at or after 2025-11-03 01:00:00 UTC (something that happened earlier is recorded now with `occurred_at`, as a late entry, where the policy's late_entries allow it)");
    assert_eq!(h.case().version, version);
    // At the same instant is fine; a tick dated earlier adds nothing.
    h.run("kf1", t0, accept()).unwrap();
    assert!(h.tick(Harness::minutes(t0, -60)).is_empty());
}

#[test]
fn a_registration_dated_before_receipt_is_refused() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let kind = CommandKind::Register {
        case_id: CaseId::new("K-3").unwrap(),
        number: None,
        complaint: Box::new(complaint(t0)),
        repeat_count: 0,
    };
    let err = h.run("kf1", Harness::minutes(t0, -1), kind).unwrap_err();
    assert!(
        matches!(err, Rejection::BackDated { what, .. } if what == "the complaint's receipt"),
        "{err}"
    );
}

#[test]
fn a_command_id_reused_for_another_command_is_a_conflict() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let first = h.command("kf1", t0, accept());
    h.apply_command(&first).unwrap();
    // The same command again: its first outcome (no second effect).
    assert!(h.apply_command(&first).unwrap().is_empty());
    // The same id, another payload (another actor, another kind): refused.
    let mut other = first.clone();
    other.actor = sid("gm");
    other.kind = CommandKind::AddNote {
        text: "x".into(),
        attachments: vec![],
    };
    let err = h.apply_command(&other).unwrap_err();
    assert_eq!(
        err,
        Rejection::CommandIdConflict {
            id: first.id.clone()
        }
    );
    // Replay keeps the fingerprints, so the conflict survives a reload.
    let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
    assert_eq!(replayed.seen(&other), Err(err));
    assert_eq!(replayed.seen(&first), Ok(true));
}

#[test]
fn texts_are_bounded_and_cleaned_through_the_decider() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let version = h.case().version;
    let note = |text: String| CommandKind::AddNote {
        text,
        attachments: vec![],
    };
    let long = h.run("kf1", t0, note("漏".repeat(70_000 / 3))).unwrap_err();
    assert!(
        matches!(&long, Rejection::InvalidInput { path, .. } if path == "kind.text"),
        "{long}"
    );
    let nul = h.run("kf1", t0, note("a\u{0}b".into())).unwrap_err();
    assert!(
        nul.to_string()
            .starts_with("kind.text: has the invisible character U+0000"),
        "{nul}"
    );
    let rlo = h
        .run(
            "kf1",
            t0,
            CommandKind::NotAccept {
                reason_zh: "不属于\u{202E}受理范围".into(),
                advice_zh: None,
            },
        )
        .unwrap_err();
    assert!(
        matches!(&rlo, Rejection::InvalidInput { path, .. } if path == "kind.reason_zh"),
        "{rlo}"
    );
    assert_eq!(
        h.case().version,
        version,
        "a rejected command changes nothing"
    );
}

#[test]
fn messages_name_ids_without_rust_debug_formatting() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let err = h.run("ghost", t0, accept()).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"actor "ghost" is not on the roster"#);
    let err = h
        .run(
            "gm",
            t0,
            CommandKind::Classify {
                level: Some(LevelId::new("nope").unwrap()),
                reason: Some("x".into()),
            },
        )
        .unwrap_err();
    assert!(!err.to_string().contains("Id(\""), "{err}");
}

fn some_kind(choice: u8) -> CommandKind {
    match choice % 4 {
        0 => accept(),
        1 => CommandKind::AddNote {
            text: format!("备注 {choice}"),
            attachments: vec![],
        },
        2 => CommandKind::Assign {
            assignment: assignment("h1"),
        },
        _ => CommandKind::StartInvestigation,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Laws: the record's time never runs backwards (a command dated before
    /// the last event is refused as back-dated and changes nothing), and a
    /// command id means one command (the same command again has no second
    /// effect; another command under a used id is a conflict and changes
    /// nothing).
    #[test]
    fn time_never_runs_backwards_and_a_key_means_one_thing(
        steps in proptest::collection::vec(
            (any::<u8>(), -600i64..600, prop::option::of((any::<prop::sample::Index>(), any::<bool>()))),
            1..30,
        )
    ) {
        let mut h = Harness::new();
        let t0 = beijing(2025, 11, 3, 9, 0);
        h.register_default(t0);
        let mut sent: Vec<Command> = Vec::new();
        let mut at = t0;
        for (choice, gap, reuse) in steps {
            at += chrono::TimeDelta::minutes(gap);
            let actor = if choice % 3 == 0 { "h1" } else { "kf1" };
            let before = h.case().clone();
            let (cmd, same) = match reuse {
                Some((i, same)) if !sent.is_empty() => {
                    let mut c = i.get(&sent).clone();
                    if !same {
                        c.kind = some_kind(choice.wrapping_add(1));
                        c.at = at;
                    }
                    let same = same || c.kind == i.get(&sent).kind && c.at == i.get(&sent).at;
                    c.expected_version = before.version;
                    (c, Some(same))
                }
                _ => (h.command(actor, at, some_kind(choice)), None),
            };
            let outcome = h.apply_command(&cmd);
            match (same, &outcome) {
                (Some(true), result) => prop_assert!(
                    result.as_ref().is_ok_and(Vec::is_empty) || before.seen(&cmd) == Ok(false),
                    "a retry had a second effect: {result:?}"
                ),
                (Some(false), result) => {
                    if before.commands.contains(&cmd.id) {
                        prop_assert_eq!(
                            result.clone().map(|_| ()),
                            Err(Rejection::CommandIdConflict { id: cmd.id.clone() })
                        );
                    }
                }
                (None, Err(e)) if cmd.at < before.updated_at => {
                    prop_assert_eq!(e.kind(), "back_dated", "{}", e);
                }
                (None, result) => prop_assert!(
                    cmd.at >= before.updated_at || result.is_err(),
                    "a back-dated command was applied"
                ),
            }
            if outcome.is_err() {
                prop_assert_eq!(&before, h.case(), "a rejected command changed the case");
            } else if reuse.is_none() {
                sent.push(cmd);
            }
        }
        for pair in h.events.windows(2) {
            prop_assert!(pair[0].at <= pair[1].at, "event {} runs backwards", pair[1].version);
        }
    }
}

#[test]
fn a_breach_before_assignment_is_charged_to_the_fallback_owner() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    h.run("kf1", t0, accept()).unwrap();
    // Nobody assigned: the 30-minute first response breaches with its
    // assignee-owner unknown, and the complaint manager answers for it.
    let late = h.tick(Harness::minutes(t0, 40));
    let owners: Vec<_> = late
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone,
                owner,
                owner_role,
                ..
            } if milestone.as_str() == "first_response" => {
                Some((owner.clone(), owner_role.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        owners,
        vec![(
            Some(sid("kf1")),
            Some(RoleId::new("complaint_manager").unwrap())
        )]
    );
}

/// An agreed deadline (约定回复时限) stands in for the first response, so it
/// is owned as the first response is: its owner (the handler), else its
/// fallback owner (the desk that registered it). Before, a breach of an
/// agreed deadline set before assignment had no owner at all.
#[test]
fn an_agreed_deadline_breached_before_assignment_is_charged_to_the_fallback_owner() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    h.run(
        "kf1",
        t0 + chrono::TimeDelta::minutes(2),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    let agreed = t0 + chrono::TimeDelta::hours(4);
    h.run(
        "kf1",
        t0 + chrono::TimeDelta::minutes(5),
        CommandKind::SetAgreedDeadline { deadline: agreed },
    )
    .unwrap();
    let owners: Vec<_> = h
        .tick(agreed + chrono::TimeDelta::minutes(1))
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::MilestoneBreached {
                milestone,
                owner,
                owner_role,
                ..
            } if milestone.as_str() == AGREED_DEADLINE => Some((owner, owner_role)),
            _ => None,
        })
        .collect();
    assert_eq!(
        owners,
        [(
            Some(sid("kf1")),
            Some(RoleId::new("complaint_manager").unwrap())
        )]
    );
}

/// `[agreed_deadline]` names the date's owner (ruling 109): it answers,
/// not the milestone the date stops (the first response, whose fallback is
/// the desk). Here the roster's department head, though he never acted on
/// the case.
#[test]
fn an_agreed_deadline_is_owned_as_agreed_deadline_names() {
    let mut h = Harness::new();
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.agreed_deadline.owner = tousu_policy::MilestoneOwner::Holder(
        serde_json::from_str(r#"{ "role": "department_head" }"#).unwrap(),
    );
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    h.run("kf1", Harness::minutes(t0, 2), accept()).unwrap();
    let agreed = t0 + chrono::TimeDelta::hours(4);
    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::SetAgreedDeadline { deadline: agreed },
    )
    .unwrap();
    let owners: Vec<_> = h
        .tick(agreed + chrono::TimeDelta::minutes(1))
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::MilestoneBreached {
                milestone,
                owner,
                owner_role,
                ..
            } if milestone.as_str() == AGREED_DEADLINE => Some((owner, owner_role)),
            _ => None,
        })
        .collect();
    assert_eq!(
        owners,
        [(
            Some(sid("head1")),
            Some(RoleId::new("department_head").unwrap())
        )]
    );
}

/// A second agreement in a round is refused, naming the option that allows
/// it; with `later_replaces` (ruling 110) it stops the running date — met,
/// agreed before the date lapsed — and the case's agreed deadline is the
/// new one, on replay too.
#[test]
fn a_later_agreement_replaces_the_running_one_only_where_the_policy_says() {
    let agree_twice = |replaces: bool| {
        let mut h = Harness::new();
        let mut policy = Policy::default_policy().unwrap();
        policy.schema_version = 2;
        policy.agreed_deadline.later_replaces = replaces;
        h.rt = PolicyRuntime::new(policy).unwrap();
        let t0 = beijing(2025, 11, 3, 9, 0);
        h.register_default(t0);
        h.run("kf1", Harness::minutes(t0, 2), accept()).unwrap();
        let agree = |h: &mut Harness, minutes: i64, hours: i64| {
            h.run(
                "kf1",
                Harness::minutes(t0, minutes),
                CommandKind::SetAgreedDeadline {
                    deadline: t0 + chrono::TimeDelta::hours(hours),
                },
            )
        };
        agree(&mut h, 5, 4).unwrap();
        let second = agree(&mut h, 60, 8).map(|events| {
            events
                .iter()
                .map(|e| e.kind.name())
                .collect::<Vec<_>>()
                .join(", ")
        });
        (h, second, t0)
    };
    let (_, refused, _) = agree_twice(false);
    let refused = refused.unwrap_err().to_string();
    assert!(refused.contains("later_replaces"), "{refused}");
    let (h, replaced, t0) = agree_twice(true);
    assert_eq!(
        replaced.unwrap(),
        "agreed_deadline_set, clock_stopped, clock_started"
    );
    let id = tousu_policy::MilestoneId::new(AGREED_DEADLINE).unwrap();
    let clock = h.case().clock(&id, 1).unwrap();
    assert_eq!(clock.deadline_at(), Some(t0 + chrono::TimeDelta::hours(8)));
    assert!(clock.is_running());
    assert_eq!(
        h.case().clocks.iter().filter(|c| c.milestone == id).count(),
        1
    );
    let replayed = Case::replay_events(&h.events).unwrap();
    assert_eq!(&replayed, h.case());
}

/// A case stored before fingerprint scheme 2: its events carry scheme-1
/// fingerprints (64 hex digits, the SHA-256 of each command's JSON). Read
/// back and replayed, every command retried is still the same command (no
/// second effect) and every id reused for another command is still refused
/// — each compared under scheme 1, the scheme its fingerprint was made
/// with; a new command on the case is fingerprinted under scheme 2.
#[test]
fn a_case_stored_under_scheme_1_keeps_its_retries_and_conflicts() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut commands = Vec::new();
    let register = h.command(
        "kf1",
        t0,
        CommandKind::Register {
            case_id: CaseId::new("K-OLD").unwrap(),
            number: None,
            complaint: Box::new(complaint(t0)),
            repeat_count: 0,
        },
    );
    h.apply_command(&register).unwrap();
    commands.push(register);
    for kind in [
        accept(),
        CommandKind::AddNote {
            text: "已电话联系\n客户在家".into(),
            attachments: vec![],
        },
    ] {
        let cmd = h.command("kf1", Harness::minutes(t0, 5), kind);
        h.apply_command(&cmd).unwrap();
        commands.push(cmd);
    }
    // The stream as an older tousu wrote it: scheme-1 fingerprints.
    let mut stream = String::new();
    for mut event in h.events.clone() {
        if event.command_digest.is_some() {
            let cmd = commands
                .iter()
                .find(|c| Some(&c.id) == event.command_id.as_ref())
                .unwrap();
            event.command_digest = Some(Box::new(cmd.digest_as(DigestScheme::Json)));
        }
        stream.push_str(&serde_json::to_string(&event).unwrap());
        stream.push('\n');
    }
    assert!(!stream.contains("\"2:"));
    assert_eq!(stream.matches("\"command_digest\":\"").count(), 3);
    let events: Vec<Event> = stream
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let case = Case::replay(&h.rt.policy, &events).unwrap();
    for cmd in &commands {
        let stored = case.commands.digest(&cmd.id).unwrap();
        assert_eq!(stored.scheme(), DigestScheme::Json);
        assert!(cmd.has_digest(stored));
        assert_ne!(*stored, cmd.digest());
        assert_eq!(case.seen(cmd), Ok(true), "{}", cmd.id);
        let mut other = cmd.clone();
        other.at = Harness::minutes(other.at, 1);
        assert_eq!(
            case.seen(&other),
            Err(Rejection::CommandIdConflict { id: cmd.id.clone() })
        );
    }
    // A retry through the decider: no events; a conflict: refused.
    let ctx = h.rt.ctx(&h.roster, Harness::minutes(t0, 10));
    let mut retry = commands[2].clone();
    retry.expected_version = case.version;
    assert_eq!(decide(&case, &retry, &ctx), Ok(vec![]));
    retry.kind = CommandKind::AddNote {
        text: "别的".into(),
        attachments: vec![],
    };
    assert!(decide(&case, &retry, &ctx).is_err());
    // New commands on the old case: scheme 2, and the case keeps both.
    let note = Command::new(
        CommandId::new("new-1").unwrap(),
        sid("kf1"),
        Harness::minutes(t0, 10),
        case.version,
        CommandKind::AddNote {
            text: "新".into(),
            attachments: vec![],
        },
    );
    let new_events = decide(&case, &note, &ctx).unwrap();
    let digest = *new_events[0].command_digest.clone().unwrap();
    assert_eq!(digest.scheme(), DigestScheme::Canonical);
    assert!(
        serde_json::to_string(&new_events[0])
            .unwrap()
            .contains(&format!(
                "\"command_digest\":\"2:{}",
                &digest.to_string()[2..]
            ))
    );
    let mut case = case;
    for e in &new_events {
        case = evolve(case, e);
    }
    assert_eq!(case.seen(&note), Ok(true));
    assert_eq!(case.seen(&commands[1]), Ok(true));
}
