//! The tester's kit signs the result report (`sign_record` with `record =
//! "result_report"`, ruling 55) where a policy chains it: on the default
//! policy whose handler reports the result and whose department head, then
//! general manager, sign it before the callback (S04 一4's 《维修跟踪记录表》),
//! every law holds, the report is signed in turn, and callbacks follow a
//! signed report. Before the kit signed it, the callback of an assigned case
//! was never reached.

mod common;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use tousu_policy::{CaseAction, Policy, SignedRecord};
use tousu_workflow::testkit::{Kit, scenario};
use tousu_workflow::{EventKind, PolicyRuntime};

/// The default policy with the result report signed before the callback.
fn policy() -> Policy {
    common::signed_result_report_policy()
}

#[test]
fn the_laws_hold_with_the_result_report_signed() {
    let rt = PolicyRuntime::new(policy()).unwrap();
    let roster = common::kit_roster();
    let report = Kit::new(&rt, &roster, common::kit_start())
        .cases(64)
        .check()
        .unwrap_or_else(|e| panic!("{e}"));
    let c = &report.coverage;
    println!("{c}");
    assert!(c.signatures.get("result_report") > Some(&0), "{c}");
    assert!(c.accepted.get("record_callback") > Some(&0), "{c}");
}

/// In every generated run, a callback on an assigned case comes after the
/// round's last report was signed by both roles of the chain; and some runs
/// get there.
#[test]
fn a_callback_follows_the_signed_report() {
    let rt = PolicyRuntime::new(policy()).unwrap();
    let roster = common::kit_roster();
    let kit = Kit::new(&rt, &roster, common::kit_start());
    let scenarios = scenario(&rt.policy, &roster, 60);
    let mut runner = TestRunner::deterministic();
    let (mut completed, mut signed_then_called_back) = (0, 0);
    for _ in 0..512 {
        let s = scenarios.new_tree(&mut runner).unwrap().current();
        let run = kit.drive(&s).unwrap();
        let (mut assigned, mut signatures) = (false, 0);
        for e in &run.events {
            match &e.kind {
                EventKind::Assigned { .. } => assigned = true,
                EventKind::ActionRecorded {
                    action: CaseAction::ReportSubmitted,
                    ..
                }
                | EventKind::Reopened { .. } => signatures = 0,
                EventKind::RecordSignedOff {
                    record: SignedRecord::ResultReport,
                    ..
                } => {
                    signatures += 1;
                    completed += usize::from(signatures == 2);
                }
                EventKind::CallbackRecorded { .. } if assigned => {
                    assert_eq!(
                        signatures, 2,
                        "a callback before the report was signed: {run:?}"
                    );
                    signed_then_called_back += 1;
                }
                _ => {}
            }
        }
    }
    println!("chains completed {completed}, callbacks after them {signed_then_called_back}");
    assert!(signed_then_called_back > 0);
}
