//! A complaint's whole life under the default policy, with a breach, an
//! escalation, an out-of-authority approval, an extension across National
//! Day, a reopen and closure; every event snapshotted.

mod common;

use common::*;
use tousu_model::*;
use tousu_workflow::*;

#[test]
fn full_lifecycle_under_the_default_policy() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 9, 30, 9, 0);
    h.register_default(t0);
    assert_eq!(h.case().status, Status::Registered);
    assert_eq!(
        h.case().level.as_ref().map(LevelId::as_str),
        Some("unsatisfied")
    );

    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    let assign = Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![did("cs")],
    };
    h.run(
        "kf1",
        Harness::minutes(t0, 10),
        CommandKind::Assign { assignment: assign },
    )
    .unwrap();

    // 20 minutes in: past half of the 30-minute first response.
    let warn = h.tick(Harness::minutes(t0, 20));
    assert!(
        warn.iter()
            .any(|e| matches!(&e.kind, EventKind::MilestoneWarning { percent: 50, .. }))
    );
    // 40 minutes in: breached once, owned by the handler, and escalated to the head.
    let late = h.tick(Harness::minutes(t0, 40));
    assert!(late.iter().any(|e| matches!(&e.kind, EventKind::MilestoneBreached { owner: Some(o), .. } if o.as_str() == "h1")));
    assert!(
        late.iter()
            .any(|e| matches!(&e.kind, EventKind::Escalated { .. }))
    );
    assert!(
        h.tick(Harness::minutes(t0, 41)).is_empty(),
        "a breach is emitted once"
    );

    investigate_and_approve_above_the_head(&mut h, t0);
    extend_over_national_day(&mut h, t0);
    reply_reopen_and_close(&mut h);

    // Replay equals the incremental case.
    let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
    assert_eq!(&replayed, h.case());
    insta::assert_snapshot!("full_lifecycle_timeline", timeline(&h.events));
}

/// The handler investigates and proposes 1,500 元; the head's approval is
/// refused (above his limit) and the general manager approves.
fn investigate_and_approve_above_the_head(h: &mut Harness, t0: chrono::DateTime<chrono::Utc>) {
    h.run(
        "h1",
        Harness::minutes(t0, 60),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    h.run(
        "h1",
        Harness::minutes(t0, 90),
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: vec![],
            note: Some("安装时接口未拧紧".into()),
        },
    )
    .unwrap();
    let remedies = vec![
        Remedy::new(RemedyKind::Repair),
        Remedy::with_amount(RemedyKind::Compensation, "1500".parse().unwrap()).unwrap(),
    ];
    h.run(
        "h1",
        Harness::minutes(t0, 120),
        CommandKind::ProposeSolution {
            remedies,
            note: None,
        },
    )
    .unwrap();

    // The head may approve up to 1,000; 1,500 needs the general manager.
    let err = h
        .run("head1", Harness::minutes(t0, 130), CommandKind::Approve)
        .unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"¥1,500.00 is above head1's approval limit of ¥1,000.00; it needs role "general_manager""#);
    h.run("gm", Harness::minutes(t0, 140), CommandKind::Approve)
        .unwrap();
}

/// The result clock pauses for an extension to 9 October and resumes.
fn extend_over_national_day(h: &mut Harness, t0: chrono::DateTime<chrono::Utc>) {
    // The customer is away over National Day: extension until 10-09 09:00.
    let until = beijing(2025, 10, 9, 9, 0);
    h.run(
        "h1",
        Harness::minutes(t0, 150),
        CommandKind::RequestExtension {
            reason: "客户国庆外出，无法上门".into(),
            until: Some(until),
        },
    )
    .unwrap();
    h.run(
        "gm",
        Harness::minutes(t0, 160),
        CommandKind::ApproveExtension,
    )
    .unwrap();
    let result = tousu_policy::MilestoneId::new("result").unwrap();
    let before = deadlines(h.case(), &h.rt.ctx(&h.roster, Harness::minutes(t0, 161))).unwrap();
    assert!(before.iter().any(|d| d.milestone == result && d.paused));
    let ended = h.tick(beijing(2025, 10, 9, 10, 0));
    assert!(matches!(
        ended.first().map(|e| &e.kind),
        Some(EventKind::ExtensionEnded)
    ));
}

/// Reply, an unsatisfied callback, the reopened second round, closure.
fn reply_reopen_and_close(h: &mut Harness) {
    h.run(
        "kf1",
        beijing(2025, 10, 9, 11, 0),
        CommandKind::Reply {
            text: "已安排10月10日上门维修并赔偿1500元".into(),
            written: false,
        },
    )
    .unwrap();
    h.run(
        "kf1",
        beijing(2025, 10, 10, 16, 0),
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::Unsatisfied,
            note: Some("维修后仍渗水".into()),
        },
    )
    .unwrap();
    h.run(
        "gm",
        beijing(2025, 10, 10, 17, 0),
        CommandKind::Reopen {
            reason: "维修后仍渗水".into(),
        },
    )
    .unwrap();
    assert_eq!(h.case().round, 2);
    assert_eq!(h.case().status, Status::Assigned);

    h.run(
        "h1",
        beijing(2025, 10, 11, 9, 0),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    h.run(
        "h1",
        beijing(2025, 10, 11, 10, 0),
        CommandKind::ProposeSolution {
            remedies: vec![Remedy::new(RemedyKind::Replacement)],
            note: Some("更换热水器".into()),
        },
    )
    .unwrap();
    h.run("head1", beijing(2025, 10, 11, 11, 0), CommandKind::Approve)
        .unwrap();
    h.run(
        "kf1",
        beijing(2025, 10, 11, 15, 0),
        CommandKind::Reply {
            text: "已更换新热水器".into(),
            written: false,
        },
    )
    .unwrap();
    h.run(
        "kf1",
        beijing(2025, 10, 13, 10, 0),
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::Satisfied,
            note: None,
        },
    )
    .unwrap();
    h.run("kf1", beijing(2025, 10, 13, 10, 5), CommandKind::Close)
        .unwrap();
    assert_eq!(h.case().status, Status::Closed);
}

#[test]
fn recusal_and_permissions() {
    let mut h = Harness::new();
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
    // The respondent may not be assigned to handle their own case.
    let bad = Assignment {
        lead: did("eng"),
        handler: Some(sid("resp")),
        co_handling: vec![],
    };
    let err = h
        .run("kf1", t0, CommandKind::Assign { assignment: bad })
        .unwrap_err();
    assert!(matches!(err, Rejection::Recused { .. }), "{err}");
    // A handler may not assign.
    let ok = Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    };
    let err = h
        .run(
            "h1",
            t0,
            CommandKind::Assign {
                assignment: ok.clone(),
            },
        )
        .unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"h1 may not assign: none of their roles (handler) is granted it by the policy");
    h.run("kf1", t0, CommandKind::Assign { assignment: ok })
        .unwrap();
    // The respondent holds the handler role but must recuse from investigating.
    let err = h
        .run("resp", t0, CommandKind::StartInvestigation)
        .unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"resp must recuse from this case: they are the respondent (被投诉人) (investigate refused)");
    // An unknown actor, a stale version.
    let err = h
        .run("nobody", t0, CommandKind::StartInvestigation)
        .unwrap_err();
    assert!(matches!(err, Rejection::UnknownActor { .. }));
    let mut cmd = h.command("h1", t0, CommandKind::StartInvestigation);
    cmd.expected_version -= 1;
    let version = h.case().version;
    assert!(matches!(
        h.apply_command(&cmd),
        Err(Rejection::StaleVersion { .. })
    ));
    assert_eq!(
        h.case().version,
        version,
        "a rejected command changes nothing"
    );
}

#[test]
fn idempotent_commands_have_one_effect() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let cmd = h.command(
        "kf1",
        t0,
        CommandKind::Accept {
            override_reason: None,
        },
    );
    let first = h.apply_command(&cmd).unwrap();
    assert!(!first.is_empty());
    // The same command again (an at-least-once retry): no second effect.
    let again = h.apply_command(&cmd).unwrap();
    assert!(again.is_empty());
}

#[test]
fn litigation_is_not_accepted_with_advice() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let mut c = complaint(t0);
    c.flags.in_litigation = true;
    let kind = CommandKind::Register {
        case_id: CaseId::new("K2").unwrap(),
        number: None,
        complaint: Box::new(c),
        repeat_count: 0,
    };
    h.run("kf1", t0, kind).unwrap();
    let err = h
        .run(
            "kf1",
            t0,
            CommandKind::Accept {
                override_reason: None,
            },
        )
        .unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"the policy's acceptance rules decide not accepted: 投诉事项已进入诉讼或仲裁程序 (by rule in-litigation); give override_reason (needs the override_acceptance permission) or use not_accept"#);
    h.run(
        "kf1",
        t0,
        CommandKind::NotAccept {
            reason_zh: "投诉事项已进入诉讼或仲裁程序".into(),
            advice_zh: None,
        },
    )
    .unwrap();
    let acc = h.case().acceptance.clone().unwrap();
    assert_eq!(acc.advice.as_deref(), Some("建议通过仲裁或司法途径解决"));
    assert_eq!(h.case().status, Status::NotAccepted);
    assert!(
        h.case().open_clocks().next().is_none(),
        "no clock runs on a case not accepted"
    );
}

#[test]
fn raising_the_level_tightens_running_clocks() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let fr = tousu_policy::MilestoneId::new("first_response").unwrap();
    let before = h.case().clock(&fr, 1).unwrap().deadline_at().unwrap();
    assert_eq!(before, Harness::minutes(t0, 30));
    // Five minutes in, the customer calls the press: crisis, 10 minutes.
    h.run(
        "gm",
        Harness::minutes(t0, 5),
        CommandKind::Classify {
            level: Some(LevelId::new("crisis").unwrap()),
            reason: Some("客户联系媒体".into()),
        },
    )
    .unwrap();
    assert_eq!(
        h.case().clock(&fr, 1).unwrap().deadline_at().unwrap(),
        Harness::minutes(t0, 15)
    );
    // Lowering it again never loosens the running clock.
    h.run(
        "gm",
        Harness::minutes(t0, 6),
        CommandKind::Classify {
            level: Some(LevelId::new("unsatisfied").unwrap()),
            reason: Some("误报".into()),
        },
    )
    .unwrap();
    assert_eq!(
        h.case().clock(&fr, 1).unwrap().deadline_at().unwrap(),
        Harness::minutes(t0, 15)
    );
}

#[test]
fn rounds_exhausted_escalate_to_the_general_manager() {
    let mut h = Harness::new();
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
    for round in 1..=2u32 {
        h.run("h1", t0, CommandKind::StartInvestigation).unwrap();
        h.run(
            "h1",
            t0,
            CommandKind::ProposeSolution {
                remedies: vec![Remedy::new(RemedyKind::Explanation)],
                note: None,
            },
        )
        .unwrap();
        h.run("head1", t0, CommandKind::Approve).unwrap();
        h.run(
            "kf1",
            t0,
            CommandKind::Reply {
                text: "解释".into(),
                written: false,
            },
        )
        .unwrap();
        let ev = h
            .run(
                "kf1",
                t0,
                CommandKind::RecordCallback {
                    satisfaction: Satisfaction::Unsatisfied,
                    note: None,
                },
            )
            .unwrap();
        if round == 1 {
            assert!(
                !ev.iter()
                    .any(|e| matches!(e.kind, EventKind::Escalated { .. }))
            );
            h.run(
                "gm",
                t0,
                CommandKind::Reopen {
                    reason: "仍不满意".into(),
                },
            )
            .unwrap();
        } else {
            let step = ev.iter().find_map(|e| match &e.kind {
                EventKind::Escalated {
                    step, take_over, ..
                } => Some((step.clone(), take_over.clone())),
                _ => None,
            });
            let (step, take_over) = step.expect("escalated after two rounds");
            assert_eq!(step.unwrap().as_str(), "gm-after-rounds");
            assert_eq!(take_over.unwrap().as_str(), "general_manager");
        }
    }
}

/// The default's manual steps go up one role at a time (S12 第三条 部门经理 →
/// … → 总经理): `manual-head` is the handler's, `manual-gm` the department
/// head's, and the 总经理, with nothing above him, does not escalate. Before,
/// the head escalating took `manual-head` and reported the case to himself.
#[test]
fn manual_escalation_goes_up_to_someone_else() {
    let t0 = beijing(2025, 11, 3, 9, 0);
    let up = |step: Option<&str>| CommandKind::Escalate {
        reason: "上报".into(),
        step: step.map(|s| tousu_policy::EscalationId::new(s).unwrap()),
    };
    let steps = |h: &Harness| -> Vec<String> {
        h.case()
            .escalations
            .iter()
            .filter_map(|e| e.step.as_ref().map(ToString::to_string))
            .collect()
    };
    let accepted = || {
        let mut h = Harness::new();
        h.register_default(t0);
        let accept = CommandKind::Accept {
            override_reason: None,
        };
        h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
        h
    };

    // The head reports to the 总经理, not to himself, and may not take the
    // handler's step by name.
    let mut h = accepted();
    let version = h.case().version;
    assert!(
        h.run("head1", Harness::minutes(t0, 10), up(Some("manual-head")))
            .is_err()
    );
    assert_eq!(h.case().version, version);
    h.run("head1", Harness::minutes(t0, 15), up(None)).unwrap();
    assert_eq!(steps(&h), ["manual-gm"]);

    // The handler reports to his head; the 总经理 escalates nothing.
    let mut h = accepted();
    h.run("h1", Harness::minutes(t0, 10), up(None)).unwrap();
    assert_eq!(steps(&h), ["manual-head"]);
    let refused = h.run("gm", Harness::minutes(t0, 15), up(None)).unwrap_err();
    assert!(
        matches!(refused, Rejection::NotPermitted { .. }),
        "{refused}"
    );
    h.run("head1", Harness::minutes(t0, 20), up(None)).unwrap();
    assert_eq!(steps(&h), ["manual-head", "manual-gm"]);
}
