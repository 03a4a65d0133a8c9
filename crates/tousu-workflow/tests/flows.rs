//! Event streams of the flows every integrator meets, snapshotted: an
//! unreachable customer with an approved extension, an abnormal closure, a
//! recusal attempt, a stale version and a duplicate command id. (The seed
//! regulations' own flows — S10, S11, S12, S40 … — are snapshotted with
//! their policy files in `tests/tests/seeds_*.rs`.)

mod common;

use common::*;
use tousu_model::{CaseId, Channel, LevelId};
use tousu_policy::Policy;
use tousu_workflow::*;

fn accepted_and_assigned(h: &mut Harness, t0: chrono::DateTime<chrono::Utc>) {
    h.register_default(t0);
    h.run(
        "kf1",
        Harness::minutes(t0, 5),
        CommandKind::Accept {
            override_reason: None,
        },
    )
    .unwrap();
    let a = Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    };
    h.run(
        "kf1",
        Harness::minutes(t0, 8),
        CommandKind::Assign { assignment: a },
    )
    .unwrap();
}

#[test]
fn unreachable_customer_with_an_approved_extension() {
    // The default policy plus S30's rule: close 2 working days after notice.
    let text = tousu_policy::DEFAULT_POLICY_TOML.replace(
        "complaint_number = \"{yyyy}{mm}-{seq:04}\"\n",
        "complaint_number = \"{yyyy}{mm}-{seq:04}\"\nunreachable_closure = { after_notice = \"2 working days\" }\n",
    );
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(Policy::from_toml_str(&text).unwrap()).unwrap();
    let t0 = beijing(2026, 2, 11, 9, 0); // Wednesday before Spring Festival (02-15 to 02-23)
    accepted_and_assigned(&mut h, t0);
    h.run(
        "h1",
        Harness::minutes(t0, 20),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    h.run(
        "h1",
        Harness::minutes(t0, 25),
        CommandKind::RequestExtension {
            reason: "客户电话无人接听，已发短信".into(),
            until: None,
        },
    )
    .unwrap();
    h.run(
        "gm",
        Harness::minutes(t0, 40),
        CommandKind::ApproveExtension,
    )
    .unwrap();
    // Notice sent on Thursday 02-12 10:00: two working days are 02-13 and the
    // make-up Saturday 02-14, so closing is allowed from 02-15 00:00 ...
    let notice = beijing(2026, 2, 12, 10, 0);
    let too_early = h
        .run(
            "kf1",
            beijing(2026, 2, 13, 16, 0),
            CommandKind::CloseUnreachable {
                notified_at: notice,
            },
        )
        .unwrap_err();
    insta::assert_snapshot!("unreachable_too_early", too_early.to_string());
    // ...so on the first working day after the holiday-free 02-14 (a make-up Saturday) it may close.
    h.run(
        "kf1",
        beijing(2026, 2, 24, 9, 0),
        CommandKind::CloseUnreachable {
            notified_at: notice,
        },
    )
    .unwrap();
    assert_eq!(
        h.case().closure.as_ref().map(|c| c.kind),
        Some(ClosureKind::Unreachable)
    );
    insta::assert_snapshot!("unreachable_with_extension", timeline(&h.events));
}

#[test]
fn abnormal_closure_needs_the_named_role() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    accepted_and_assigned(&mut h, t0);
    h.run(
        "h1",
        Harness::minutes(t0, 20),
        CommandKind::StartInvestigation,
    )
    .unwrap();
    let denied = h
        .run(
            "head1",
            Harness::minutes(t0, 60),
            CommandKind::CloseAbnormally {
                reason: "客户要求赔偿十万元，超出法律规定".into(),
            },
        )
        .unwrap_err();
    insta::assert_snapshot!("abnormal_by_head", denied.to_string());
    h.run(
        "gm",
        Harness::minutes(t0, 90),
        CommandKind::CloseAbnormally {
            reason: "客户要求赔偿十万元，超出法律规定".into(),
        },
    )
    .unwrap();
    let after = h
        .run(
            "kf1",
            Harness::minutes(t0, 95),
            CommandKind::Reply {
                text: "补充答复".into(),
                written: false,
            },
        )
        .unwrap_err();
    insta::assert_snapshot!("reply_after_closure", after.to_string());
    h.run(
        "kf1",
        Harness::minutes(t0, 96),
        CommandKind::AddNote {
            text: "已归档".into(),
            attachments: vec![],
        },
    )
    .unwrap();
    insta::assert_snapshot!("abnormal_closure", timeline(&h.events));
}

#[test]
fn recusal_stale_version_and_duplicate_command() {
    let mut h = Harness::new();
    let t0 = beijing(2025, 11, 3, 9, 0);
    accepted_and_assigned(&mut h, t0);
    let version = h.case().version;
    let mut out = Vec::new();
    // The respondent tries to take over the investigation.
    out.push(
        h.run(
            "resp",
            Harness::minutes(t0, 10),
            CommandKind::StartInvestigation,
        )
        .unwrap_err()
        .to_string(),
    );
    // A handler assigning the respondent as handler.
    let to_resp = Assignment {
        lead: did("eng"),
        handler: Some(sid("resp")),
        co_handling: vec![],
    };
    out.push(
        h.run(
            "kf1",
            Harness::minutes(t0, 11),
            CommandKind::Transfer {
                assignment: to_resp,
                reason: "人手不足".into(),
            },
        )
        .unwrap_err()
        .to_string(),
    );
    // A stale screen.
    let mut stale = h.command(
        "h1",
        Harness::minutes(t0, 12),
        CommandKind::StartInvestigation,
    );
    stale.expected_version = version - 1;
    out.push(h.apply_command(&stale).unwrap_err().to_string());
    // The same command delivered twice.
    let cmd = h.command(
        "h1",
        Harness::minutes(t0, 13),
        CommandKind::StartInvestigation,
    );
    let first = h.apply_command(&cmd).unwrap();
    let second = h.apply_command(&cmd).unwrap();
    out.push(format!(
        "first delivery: {} events; second delivery: {} events",
        first.len(),
        second.len()
    ));
    assert_eq!(h.case().version, version + first.len() as u64);
    insta::assert_snapshot!("refusals", out.join("\n"));
    insta::assert_snapshot!("refusals_timeline", timeline(&h.events));
}

/// The policy-model extensions the seed regulations needed: a limit that
/// depends on the facts (S12: on site 10 minutes), a clock that runs only
/// for some complaints (S26 / S29: referred cases), and an escalation step
/// that raises the level (S13 / S33).
#[test]
fn conditional_targets_applies_when_and_reclassifying_escalation() {
    use tousu_policy::{ConditionalTarget, Predicate};
    let mut policy = Policy::default_policy().unwrap();
    let fr = policy
        .milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "first_response")
        .unwrap();
    fr.conditional_targets.push(ConditionalTarget {
        when: Predicate::Channel(vec![Channel::Visit]),
        targets: Default::default(),
        target: Some("10 minutes".parse().unwrap()),
        note: Some("现场投诉10分钟内处理".into()),
    });
    let mut referral = policy
        .milestones
        .iter()
        .find(|m| m.id.as_str() == "result")
        .unwrap()
        .clone();
    referral.id = tousu_policy::MilestoneId::new("report_to_referrer").unwrap();
    referral.name_zh = "向交办单位报告".into();
    referral.start = vec![tousu_policy::ClockEvent::Registered];
    referral.targets.clear();
    referral.target = Some("3 working days".parse().unwrap());
    referral.applies_when = Some(Predicate::Channel(vec![Channel::Referral]));
    policy.milestones.push(referral);
    let step = policy
        .escalation
        .iter_mut()
        .find(|s| s.id.as_str() == "head-on-late-first-response")
        .unwrap();
    step.reclassify_to = Some(LevelId::new("very_unsatisfied").unwrap());
    policy.validate().unwrap();

    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    let visit = tousu_model::Complaint::builder(t0, Channel::Visit, "前台办理业务时被怠慢")
        .build()
        .unwrap();
    h.run(
        "kf1",
        t0,
        CommandKind::Register {
            case_id: CaseId::new("V1").unwrap(),
            number: None,
            complaint: Box::new(visit),
            repeat_count: 0,
        },
    )
    .unwrap();
    let fr_id = tousu_policy::MilestoneId::new("first_response").unwrap();
    assert_eq!(
        h.case().clock(&fr_id, 1).unwrap().deadline_at().unwrap(),
        Harness::minutes(t0, 10),
        "on site: 10 minutes"
    );
    assert!(
        h.case()
            .clock(
                &tousu_policy::MilestoneId::new("report_to_referrer").unwrap(),
                1
            )
            .is_none(),
        "not a referral"
    );
    let late = h.tick(Harness::minutes(t0, 12));
    // The breach escalates, and the step raises the level to 十分不满意.
    assert_eq!(
        h.case().level.as_ref().map(LevelId::as_str),
        Some("very_unsatisfied")
    );
    insta::assert_snapshot!("extensions_visit", timeline(&late));
    let deadlines = deadlines(h.case(), &h.rt.ctx(&h.roster, Harness::minutes(t0, 12))).unwrap();
    assert!(
        deadlines
            .iter()
            .all(|d| d.rule.contains("targets") || d.rule.contains("conditional"))
    );
}

/// A `level_reached` step (ruling 38) is taken when another step's
/// `reclassify_to` raises the case into its level, in the same instant, after
/// the step that raised it; and only once.
#[test]
fn a_level_raised_by_an_escalation_takes_the_level_step() {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    let step = policy
        .escalation
        .iter_mut()
        .find(|s| s.id.as_str() == "head-on-late-first-response")
        .unwrap();
    step.reclassify_to = Some(LevelId::new("very_unsatisfied").unwrap());
    let level_step: tousu_policy::EscalationStep = serde_json::from_value(serde_json::json!({
        "id": "gm-on-very-unsatisfied",
        "after": "level_reached",
        "levels": ["very_unsatisfied"],
        "notify": ["general_manager"],
    }))
    .unwrap();
    policy.escalation.push(level_step);
    policy.validate().unwrap();

    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    assert!(h.case().escalations.is_empty());
    h.tick(Harness::minutes(t0, 45));
    let steps: Vec<_> = h
        .case()
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(
        steps,
        ["head-on-late-first-response", "gm-on-very-unsatisfied"]
    );
    let cause = h.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Escalated { cause, .. } => Some(cause.clone()),
        _ => None,
    });
    assert_eq!(
        cause,
        Some(EscalationCause::LevelReached {
            level: LevelId::new("very_unsatisfied").unwrap()
        })
    );
}
