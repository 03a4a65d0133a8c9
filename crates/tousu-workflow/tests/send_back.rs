//! Sending a proposal back (`send_back`) needs the standing of an approval
//! of it (ruling 119): the next signer of its sign-off chain, or — the
//! chain complete — someone whose limit covers it, the proposer and the
//! last signer excepted. Otherwise refused as the approval would be, and
//! nothing changes.

mod common;

use common::*;
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::*;

/// A case awaiting approval of a compensation of `amount` 元, proposed by
/// the handler `h1`, under `policy`.
fn proposed(policy: Policy, amount: &str) -> (Harness, chrono::DateTime<chrono::Utc>) {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", t0, accept).unwrap();
    let assignment = Assignment {
        lead: did("eng"),
        handler: Some(sid("h1")),
        co_handling: vec![],
    };
    h.run("kf1", t0, CommandKind::Assign { assignment })
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
        "h1",
        t0,
        CommandKind::ProposeSolution {
            remedies,
            note: None,
        },
    )
    .unwrap();
    assert_eq!(h.case().status, Status::AwaitingApproval);
    (h, t0)
}

fn send_back() -> CommandKind {
    CommandKind::SendBack {
        reason: "补充维修记录".into(),
    }
}

/// Refused with `kind`; the case and the history are as before.
#[track_caller]
fn refused(h: &mut Harness, actor: &str, t: chrono::DateTime<chrono::Utc>, kind: &str) -> String {
    let (case, n) = (h.case().clone(), h.events.len());
    let err = h.run(actor, t, send_back()).unwrap_err();
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!((h.case(), h.events.len()), (&case, n), "nothing changes");
    err.to_string()
}

#[test]
fn a_send_back_beyond_the_actors_limit_is_refused() {
    // 1,500 元 is above the department head's 1,000: the general manager's.
    let (mut h, t0) = proposed(Policy::default_policy().unwrap(), "1500");
    let why = refused(&mut h, "head1", t0, "out_of_authority");
    assert!(why.contains("general_manager"), "{why}");
    h.run("gm", t0, send_back()).unwrap();
    assert_eq!(h.case().status, Status::Investigating);
}

/// Someone above, whose limit covers the amount, may approve it and so
/// may send it back (ruling 119); so may the head within his limit.
#[test]
fn whoever_could_approve_may_send_back_including_someone_above() {
    for actor in ["head1", "gm"] {
        let (mut h, t0) = proposed(Policy::default_policy().unwrap(), "500");
        h.run(actor, t0, send_back()).unwrap();
        assert_eq!(h.case().status, Status::Investigating, "{actor}");
    }
}

/// With a sign-off chain, only the signer whose turn it is may send back
/// before the chain is complete — not the approver after it, whose
/// approval would be refused as well.
#[test]
fn with_a_sign_off_chain_the_next_signer_sends_back() {
    let mut policy = Policy::default_policy().unwrap();
    if let Some(a) = policy.approval.as_mut() {
        a.sign_off = vec![RoleId::new("department_head").unwrap()];
    }
    let (mut h, t0) = proposed(policy.clone(), "1500");
    let why = refused(&mut h, "gm", t0, "sign_off_out_of_order");
    assert!(
        why.starts_with(
            "gm may not send the proposal back now: the proposal needs department_head next"
        ),
        "{why}"
    );
    h.run("head1", t0, send_back()).unwrap();
    assert_eq!(h.case().status, Status::Investigating);

    // The head signed: the approval is next, the general manager's; the
    // head, the last signer, may no longer send it back.
    let (mut h, t0) = proposed(policy, "1500");
    h.run("head1", t0, CommandKind::Approve).unwrap();
    refused(&mut h, "head1", t0, "already_signed_off");
    h.run("gm", t0, send_back()).unwrap();
    assert_eq!(h.case().status, Status::Investigating);
}
