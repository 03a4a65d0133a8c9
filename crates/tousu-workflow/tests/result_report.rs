//! The result report as a signed record (`record_sign_offs` with
//! `record = "result_report"`, ruling 55): the recorded action
//! `report_submitted` is the round's report, the callback waits for its
//! chain, and a new report or a new round is signed afresh.

mod common;

use common::*;
use tousu_model::{Remedy, RemedyKind, Satisfaction};
use tousu_policy::{CaseAction, SignedRecord};
use tousu_workflow::*;

/// The default policy with the handler reporting the result and the
/// department head, then the general manager, signing the report before
/// the callback (as S04 一4's 《维修跟踪记录表》).
fn harness() -> Harness {
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(signed_result_report_policy()).unwrap();
    h
}

fn report() -> CommandKind {
    CommandKind::RecordAction {
        action: CaseAction::ReportSubmitted,
        note: Some("处理结果报客户服务中心".into()),
        milestone: None,
    }
}

fn sign() -> CommandKind {
    CommandKind::SignRecord {
        record: SignedRecord::ResultReport,
    }
}

fn callback(satisfaction: Satisfaction) -> CommandKind {
    CommandKind::RecordCallback {
        satisfaction,
        note: None,
    }
}

/// Investigated, approved and replied to, at `t0`.
fn replied(h: &mut Harness, t0: chrono::DateTime<chrono::Utc>) {
    h.investigating_from(t0);
    let propose = CommandKind::ProposeSolution {
        remedies: vec![Remedy::new(RemedyKind::Explanation)],
        note: None,
    };
    h.run("h1", Harness::minutes(t0, 40), propose).unwrap();
    h.run("head1", Harness::minutes(t0, 50), CommandKind::Approve)
        .unwrap();
    let reply = CommandKind::Reply {
        text: "已处理".into(),
        written: false,
    };
    h.run("kf1", Harness::minutes(t0, 60), reply).unwrap();
}

fn result_signatures(h: &Harness) -> Vec<String> {
    h.case()
        .record_signatures
        .iter()
        .filter(|s| s.record == SignedRecord::ResultReport)
        .map(|s| format!("{}:{}", s.role, s.by))
        .collect()
}

#[test]
fn the_callback_waits_for_the_report_made_and_signed_in_order() {
    let mut h = harness();
    let t0 = beijing(2025, 11, 3, 9, 0);
    replied(&mut h, t0);
    let version = h.case().version;

    // No report in the round: the callback is refused, and nothing changes.
    let missing = h
        .run(
            "kf1",
            Harness::minutes(t0, 70),
            callback(Satisfaction::Satisfied),
        )
        .unwrap_err();
    assert_eq!(missing.kind(), "record_missing", "{missing}");
    assert_eq!(
        missing.to_string(),
        "there is no result_report record in this round: record_callback waits for it, made and signed (sign-off chain department_head → general_manager)"
    );
    assert_eq!(h.case().version, version);
    // Nothing to sign before the report.
    let early = h
        .run("head1", Harness::minutes(t0, 71), sign())
        .unwrap_err();
    assert_eq!(early.kind(), "record_sign_refused", "{early}");

    h.run("h1", Harness::minutes(t0, 80), report()).unwrap();
    assert!(h.case().result_reported);
    let unsigned = h
        .run(
            "kf1",
            Harness::minutes(t0, 81),
            callback(Satisfaction::Satisfied),
        )
        .unwrap_err();
    assert_eq!(
        unsigned.to_string(),
        "the result_report record is not signed yet: record_callback waits for department_head (sign-off chain department_head → general_manager)"
    );
    // The general manager may not sign before the department head.
    let out_of_order = h.run("gm", Harness::minutes(t0, 82), sign()).unwrap_err();
    assert!(
        out_of_order
            .to_string()
            .contains("department_head signs next"),
        "{out_of_order}"
    );
    h.run("head1", Harness::minutes(t0, 83), sign()).unwrap();
    assert!(
        h.run(
            "kf1",
            Harness::minutes(t0, 84),
            callback(Satisfaction::Satisfied)
        )
        .is_err(),
        "one signature of two"
    );
    h.run("gm", Harness::minutes(t0, 85), sign()).unwrap();
    assert_eq!(
        result_signatures(&h),
        ["department_head:head1", "general_manager:gm"]
    );
    h.run(
        "kf1",
        Harness::minutes(t0, 90),
        callback(Satisfaction::Satisfied),
    )
    .unwrap();
    h.run("kf1", Harness::minutes(t0, 95), CommandKind::Close)
        .unwrap();
    assert_eq!(h.case().status, Status::Closed);
    let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
    assert_eq!(&replayed, h.case());
}

#[test]
fn a_new_report_or_a_new_round_is_signed_afresh() {
    let mut h = harness();
    let t0 = beijing(2025, 11, 3, 9, 0);
    replied(&mut h, t0);
    h.run("h1", Harness::minutes(t0, 80), report()).unwrap();
    h.run("head1", Harness::minutes(t0, 81), sign()).unwrap();
    h.run("gm", Harness::minutes(t0, 82), sign()).unwrap();

    // The result reported again: its signatures are gone.
    h.run("h1", Harness::minutes(t0, 85), report()).unwrap();
    assert!(result_signatures(&h).is_empty());
    let again = h
        .run(
            "kf1",
            Harness::minutes(t0, 86),
            callback(Satisfaction::Unsatisfied),
        )
        .unwrap_err();
    assert_eq!(again.kind(), "record_not_signed", "{again}");
    h.run("head1", Harness::minutes(t0, 87), sign()).unwrap();
    h.run("gm", Harness::minutes(t0, 88), sign()).unwrap();
    h.run(
        "kf1",
        Harness::minutes(t0, 90),
        callback(Satisfaction::Unsatisfied),
    )
    .unwrap();

    // A new round has no report until it is made again.
    let reopen = CommandKind::Reopen {
        reason: "仍不满意".into(),
    };
    h.run("gm", Harness::minutes(t0, 100), reopen).unwrap();
    assert!(!h.case().result_reported);
    assert!(result_signatures(&h).is_empty());
    let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
    assert_eq!(&replayed, h.case());
}

/// A case stored before the result report was kept loads, and a case
/// without a report writes no field for it.
#[test]
fn the_case_document_stays_compatible() {
    let mut h = harness();
    let t0 = beijing(2025, 11, 3, 9, 0);
    replied(&mut h, t0);
    let json = serde_json::to_value(h.case()).unwrap();
    assert!(json.get("result_reported").is_none(), "{json}");
    let back: Case = serde_json::from_value(json).unwrap();
    assert_eq!(&back, h.case());
    h.run("h1", Harness::minutes(t0, 80), report()).unwrap();
    let json = serde_json::to_value(h.case()).unwrap();
    assert_eq!(json["result_reported"], serde_json::json!(true));
}

/// A case answered on the spot, never assigned, has no department result
/// to report: `required` does not hold its callback back (ruling 55).
#[test]
fn a_case_never_assigned_owes_no_report() {
    let mut h = harness();
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.register_default(t0);
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    h.run("kf1", Harness::minutes(t0, 5), accept).unwrap();
    let reply = CommandKind::Reply {
        text: "当场解释清楚".into(),
        written: false,
    };
    h.run("kf1", Harness::minutes(t0, 10), reply).unwrap();
    assert!(h.case().assignment.is_none());
    h.run(
        "kf1",
        Harness::minutes(t0, 30),
        callback(Satisfaction::Satisfied),
    )
    .unwrap();
}
