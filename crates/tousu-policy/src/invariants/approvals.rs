//! `approval_follows_request`: an approval before an act (ruling 163) is
//! the act `approval_given`, which a grant waits for (`after_acts`), and it
//! approves what was asked (`approval_requested`, 申请 / 请示). Where a
//! policy waits for an approval, two mistakes are possible:
//!
//! 1. a role may record `approval_given` on a case where nothing was asked:
//!    `record_action` in its `actions`, or a grant of it admitting the act
//!    that does not wait for `approval_requested` alone (S06's 质量总监
//!    approving a written application the 销售公司 never made);
//! 2. one role may record both the request and the approval, so one
//!    person may approve what he asked himself (ruling 19's rule for
//!    proposals).

use crate::authority::{Action, Grant};
use crate::milestone::CaseAction;
use crate::policy::Policy;

use super::{Findings, Severity};

/// Whether `g` is a grant of `record_action` that admits `act`.
fn admits(g: &Grant, act: CaseAction) -> bool {
    g.actions.contains(&Action::RecordAction) && (g.acts.is_empty() || g.acts.contains(&act))
}

/// Whether a grant waits for the request and nothing else.
fn waits_for_request(g: &Grant) -> bool {
    !g.after_acts.is_empty()
        && g.after_acts
            .iter()
            .all(|a| *a == CaseAction::ApprovalRequested)
}

pub(super) fn approval_follows_request(p: &Policy, out: &mut Findings) {
    let waited_for = p.roles.iter().any(|r| {
        r.grants
            .iter()
            .any(|g| g.after_acts.contains(&CaseAction::ApprovalGiven))
    });
    if !waited_for {
        return;
    }
    for (i, r) in p.roles.iter().enumerate() {
        if r.may(Action::RecordAction) {
            out.add(
                Severity::Warning,
                "approval_follows_request",
                format!("roles[{i}].actions"),
                format!(
                    "{} records any act on any case (`record_action` in `actions`), so it may record `approval_given` where nothing was asked and its holder may approve his own request; grant it only the acts the regulation gives it (`acts`), and `approval_given` by a grant with `after_acts = [\"approval_requested\"]` (ruling 163)",
                    r.id
                ),
            );
            continue;
        }
        let mut requests = None;
        let mut approves = None;
        for (k, g) in r.grants.iter().enumerate() {
            if admits(g, CaseAction::ApprovalRequested) {
                requests.get_or_insert(k);
            }
            if !admits(g, CaseAction::ApprovalGiven) {
                continue;
            }
            approves.get_or_insert(k);
            if !waits_for_request(g) {
                out.add(
                    Severity::Warning,
                    "approval_follows_request",
                    format!("roles[{i}].grants[{k}]"),
                    format!(
                        "{} may record `approval_given` on a case where nothing was asked: the grant does not wait for the request alone; give the approval a grant with `after_acts = [\"approval_requested\"]` (ruling 163)",
                        r.id
                    ),
                );
            }
        }
        if let (Some(asks), Some(k)) = (requests, approves) {
            out.add(
                Severity::Warning,
                "approval_follows_request",
                format!("roles[{i}].grants[{k}]"),
                format!(
                    "{} may record both `approval_requested` (grants[{asks}]) and `approval_given`, so its holder may approve what he asked himself; give the request and the approval to the roles the regulation names (ruling 163)",
                    r.id
                ),
            );
        }
    }
}
