//! The form of a reply (`reply.written`, ruling 141): where the policy says
//! a case is answered in writing, an oral reply is refused and changes
//! nothing, a written one is recorded as such; elsewhere any reply stands.

mod common;

use chrono::TimeDelta;
use tousu_policy::{Policy, WrittenReply};
use tousu_workflow::*;

use common::*;

/// The default policy, its replies written where `when` holds (every case
/// when absent).
fn harness(when: Option<serde_json::Value>) -> Harness {
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.reply.written = Some(WrittenReply {
        when: when.map(|w| serde_json::from_value(w).unwrap()),
        note: None,
    });
    policy.validate().unwrap();
    let mut h = Harness::new();
    h.rt = PolicyRuntime::new(policy).unwrap();
    h
}

fn reply(written: bool) -> CommandKind {
    CommandKind::Reply {
        text: "已安排上门维修".into(),
        written,
    }
}

#[test]
fn an_oral_reply_is_refused_where_the_policy_wants_it_written() {
    let mut h = harness(None);
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.investigating_from(t0);
    let before = h.case().clone();
    let oral = h.run("h1", t0 + TimeDelta::hours(2), reply(false));
    assert!(
        matches!(&oral, Err(Rejection::InvalidInput { path, .. }) if path == "kind.written"),
        "{oral:?}"
    );
    assert_eq!(*h.case(), before, "a refused reply changes nothing");
    let events = h.run("h1", t0 + TimeDelta::hours(3), reply(true)).unwrap();
    assert!(
        events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Replied { written: true, .. })),
        "{events:?}"
    );
}

#[test]
fn a_case_the_predicate_does_not_hold_for_is_answered_in_any_form() {
    // The default complaint is made by phone; only letters are written.
    let mut h = harness(Some(serde_json::json!({ "channel": ["letter"] })));
    let t0 = beijing(2025, 11, 3, 9, 0);
    h.investigating_from(t0);
    h.run("h1", t0 + TimeDelta::hours(2), reply(false)).unwrap();
}
