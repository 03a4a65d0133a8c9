//! The tester's kit completes details (`complete_details`, ruling 66): on
//! the default policy owing a contact before a case is handed on
//! (`registration.before`, ruling 65), with the complaint manager granted
//! the completion, every law holds; a complaint without a contact is not
//! assigned until the contact is completed, then is; a completion that
//! gives nothing, something blank or only what the complaint says is
//! refused.

mod common;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use tousu_policy::{DEFAULT_POLICY_TOML, Policy};
use tousu_workflow::testkit::{Kit, scenario};
use tousu_workflow::{CommandKind, Event, EventKind, PolicyRuntime};

/// The default policy, where a case is assigned only once the complaint
/// says how to reach the complainant, and the complaint manager may
/// complete it.
fn policy() -> Policy {
    let text = DEFAULT_POLICY_TOML
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen("\"add_note\",", "\"add_note\", \"complete_details\",", 1);
    let text = format!(
        "{text}\n[[registration.before]]\nevents = [\"assigned\"]\nrequired = [\"contact\"]\n"
    );
    let policy = Policy::from_toml_str(&text).unwrap();
    assert!(
        policy
            .roles
            .iter()
            .any(|r| r.may(tousu_policy::Action::CompleteDetails))
    );
    policy
}

#[test]
fn the_laws_hold_with_details_completed() {
    let rt = PolicyRuntime::new(policy()).unwrap();
    let roster = common::kit_roster();
    let report = Kit::new(&rt, &roster, common::kit_start())
        .cases(64)
        .check()
        .unwrap_or_else(|e| panic!("{e}"));
    let c = &report.coverage;
    assert!(c.accepted.get("complete_details") > Some(&0), "{c}");
    assert!(c.accepted.get("assign") > Some(&0), "{c}");
}

/// The contact a completion gives, if any.
fn gives_contact(e: &Event) -> bool {
    matches!(&e.kind, EventKind::DetailsCompleted { details } if !details.contact.is_empty())
}

/// Runs whose complaint came without a contact are assigned only after a
/// completion gave one, and some are; some completions are refused.
#[test]
fn a_complaint_without_a_contact_is_assigned_once_completed() {
    let rt = PolicyRuntime::new(policy()).unwrap();
    let roster = common::kit_roster();
    let kit = Kit::new(&rt, &roster, common::kit_start());
    let scenarios = scenario(&rt.policy, &roster, 40);
    let mut runner = TestRunner::deterministic();
    let mut completed_then_assigned = 0;
    let mut refused = 0;
    for _ in 0..256 {
        let s = scenarios.new_tree(&mut runner).unwrap().current();
        let run = kit.drive(&s).unwrap();
        // Something blank, nothing, or what the complaint already says.
        refused += run
            .attempts
            .iter()
            .filter(|a| {
                matches!(a.command.kind, CommandKind::CompleteDetails { .. })
                    && a.outcome
                        .as_ref()
                        .is_err_and(|r| r.kind() == "invalid_input")
            })
            .count();
        if s.facts.contact {
            continue;
        }
        let completed = run.events.iter().position(gives_contact);
        let assigned = run
            .events
            .iter()
            .position(|e| matches!(e.kind, EventKind::Assigned { .. }));
        match (completed, assigned) {
            (Some(c), Some(a)) if c < a => completed_then_assigned += 1,
            (_, Some(_)) => panic!("assigned without a contact: {:#?}", run.attempts),
            _ => {}
        }
    }
    assert!(completed_then_assigned > 0);
    assert!(refused > 0);
}
