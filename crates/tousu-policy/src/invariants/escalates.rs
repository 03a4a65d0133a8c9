//! `escalates_to_itself`: a role whose `escalate` takes a manual step that
//! is not its own.
//!
//! A role that escalates without naming a step gets the first manual step
//! not yet taken that it may take (`by` empty or naming it), in file order,
//! and may name any such step. So a step is the role's whenever `by` does
//! not exclude it, and two faults follow (the eleventh and twelfth audits
//! found eleven of them by hand):
//!
//! 1. the step brings the case to the role itself and nobody else (takes
//!    it over to the role, notifies only the role): the role reports a
//!    case to itself and uses the step up, so the role whose step it is
//!    can no longer take it;
//! 2. the step takes the case over to a role that escalates into this one
//!    by a later step (a manual step further up the ladder, which is in
//!    file order, taking the case over to this role, that the other may
//!    take): the role hands a case back down.

use crate::authority::{Action, EscalationStep, EscalationTrigger, Grant, Role};
use crate::policy::Policy;
use tousu_model::{LevelId, RoleId};

use super::{Findings, Severity};

/// Where a role holds `escalate`: its path and the levels it holds it at
/// (empty: every level), and the steps it holds it only after.
struct Holding<'a> {
    path: String,
    levels: &'a [LevelId],
    after: Option<&'a Grant>,
}

fn holdings(i: usize, role: &Role) -> Vec<Holding<'_>> {
    let held = role
        .actions
        .iter()
        .position(|a| *a == Action::Escalate)
        .map(|k| Holding {
            path: format!("roles[{i}].actions[{k}]"),
            levels: &[],
            after: None,
        });
    let granted = role.grants_of(Action::Escalate).map(|(j, g)| Holding {
        path: format!("roles[{i}].grants[{j}]"),
        levels: &g.levels,
        after: Some(g),
    });
    held.into_iter().chain(granted).collect()
}

/// Both level lists admit some level (an empty list admits every level).
fn levels_meet(a: &[LevelId], b: &[LevelId]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|l| b.contains(l))
}

/// `role` may take the manual `step` when escalating with `levels` held.
fn may_take(role: &RoleId, levels: &[LevelId], step: &EscalationStep) -> bool {
    step.after == EscalationTrigger::Manual
        && (step.by.is_empty() || step.by.contains(role))
        && levels_meet(levels, &step.levels)
}

/// The step brings the case to `role` and to nobody else: it takes it
/// over to the role or to nobody, notifies nobody but the role, and does
/// one of the two. (A step the role keeps the case through while it
/// notifies another, S37's referral to the municipal group, reports up.)
fn brings_to(step: &EscalationStep, role: &RoleId) -> bool {
    let over = step.take_over.as_ref().is_none_or(|r| r == role);
    let told = step.notify.iter().all(|r| r == role);
    over && told && (step.take_over.is_some() || !step.notify.is_empty())
}

/// A manual step after the `from`th, in ladder (file) order, taking the
/// case over to `upper` that `lower` may take (it may escalate and `by`
/// does not exclude it), at a level in `levels`.
fn escalates_into<'a>(
    p: &'a Policy,
    lower: &RoleId,
    upper: &RoleId,
    levels: &[LevelId],
    from: usize,
) -> Option<&'a EscalationStep> {
    let low = p.roles.iter().find(|r| r.id == *lower)?;
    let low_levels: Vec<_> = holdings(0, low).into_iter().map(|h| h.levels).collect();
    let mut later = p.escalation.iter().skip(from + 1);
    later.find(|s| {
        s.take_over.as_ref() == Some(upper)
            && levels_meet(levels, &s.levels)
            && low_levels
                .iter()
                .any(|l| may_take(lower, l, s) && levels_meet(l, levels))
    })
}

/// See the module docs.
pub(super) fn escalates_to_itself(p: &Policy, out: &mut Findings) {
    for (i, role) in p.roles.iter().enumerate() {
        for h in holdings(i, role) {
            for (k, step) in p.escalation.iter().enumerate() {
                // A grant held only after this very step cannot take it.
                let only_after_it = h.after.is_some_and(
                    |g| matches!(g.after_escalation.as_slice(), [only] if *only == step.id),
                );
                if only_after_it || !may_take(&role.id, h.levels, step) {
                    continue;
                }
                let fix = format!(
                    "drop `escalate` from {} (or limit its grant to the levels it escalates at), or give the step `by = [...]` naming the roles whose step it is",
                    role.id
                );
                if brings_to(step, &role.id) {
                    out.add(
                        Severity::Warning,
                        "escalates_to_itself",
                        format!("{}; escalation[{k}]", h.path),
                        format!(
                            "role {} may escalate and may take the manual step {} (`by` does not exclude it), which brings the case to {} itself: its escalation reports the case to itself and uses the step up, so the role whose step it is can no longer take it; {fix}",
                            role.id, step.id, role.id
                        ),
                    );
                    continue;
                }
                // A step the role keeps the case through reports up to
                // those it notifies; it hands nothing down.
                let Some(lower) = step.take_over.as_ref().filter(|r| **r != role.id) else {
                    continue;
                };
                let levels = if h.levels.is_empty() {
                    &step.levels[..]
                } else {
                    h.levels
                };
                if let Some(up) = escalates_into(p, lower, &role.id, levels, k) {
                    out.add(
                        Severity::Warning,
                        "escalates_to_itself",
                        format!("{}; escalation[{k}]", h.path),
                        format!(
                            "role {} may escalate and may take the manual step {} (`by` does not exclude it), which takes the case over to {lower}, a role that escalates into {} by a step further up the ladder ({}): its escalation hands a case back down; {fix}",
                            role.id, step.id, role.id, up.id
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Policy;
    use tousu_model::{LevelId, RoleId};

    fn role(id: &str) -> RoleId {
        RoleId::new(id).unwrap()
    }

    /// The `escalates_to_itself` findings as (role's path, step, what).
    fn found(p: &Policy) -> Vec<(String, bool)> {
        super::super::check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "escalates_to_itself")
            .map(|f| (f.path, f.message.contains("hands a case back down")))
            .collect()
    }

    fn step<'a>(p: &'a mut Policy, id: &str) -> &'a mut crate::authority::EscalationStep {
        p.escalation
            .iter_mut()
            .find(|s| s.id.as_str() == id)
            .expect("the default policy has the step")
    }

    /// The default as it was before its steps named their reporters: no
    /// `by` on `manual-head` and `manual-gm`, and the general manager
    /// holding `escalate` (where it stood, `actions[4]`).
    fn unfixed_default() -> Policy {
        let mut p = Policy::default_policy().unwrap();
        step(&mut p, "manual-head").by.clear();
        step(&mut p, "manual-gm").by.clear();
        let gm = p
            .roles
            .iter_mut()
            .find(|r| r.id.as_str() == "general_manager")
            .unwrap();
        gm.actions.insert(4, crate::authority::Action::Escalate);
        p
    }

    #[test]
    fn the_default_escalates_only_up() {
        let f = found(&Policy::default_policy().unwrap());
        assert!(f.is_empty(), "{f:?}");
    }

    // The default's roles[2] is department_head, roles[3] general_manager;
    // escalation[3] is manual-head, escalation[4] manual-gm.
    #[test]
    fn a_role_reporting_to_itself_and_handing_down_is_found() {
        let p = unfixed_default();
        let f = found(&p);
        assert!(
            f.contains(&("roles[3].actions[4]; escalation[4]".to_owned(), false)),
            "{f:?}"
        );
        assert!(
            f.contains(&("roles[2].actions[9]; escalation[3]".to_owned(), false)),
            "{f:?}"
        );
        // The general manager's escalation may take manual-head, handing the
        // case to the head whose escalation (manual-gm) brings it to him.
        assert!(
            f.contains(&("roles[3].actions[4]; escalation[3]".to_owned(), true)),
            "{f:?}"
        );
    }

    #[test]
    fn none_when_by_excludes_the_role() {
        let mut p = unfixed_default();
        step(&mut p, "manual-head").by = vec![role("handler")];
        step(&mut p, "manual-gm").by = vec![role("department_head")];
        let f = found(&p);
        // Only what `by` still leaves: nobody but the head takes manual-gm,
        // so the general manager's escalation has no step at all.
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_grant_only_at_other_levels_is_not_found() {
        let mut p = unfixed_default();
        step(&mut p, "manual-gm").levels = vec![LevelId::new("crisis").unwrap()];
        for role in &mut p.roles {
            if role.id.as_str() == "general_manager" {
                role.actions
                    .retain(|a| *a != crate::authority::Action::Escalate);
                role.grants.push(
                    serde_json::from_value(serde_json::json!({
                        "actions": ["escalate"], "levels": ["major"]
                    }))
                    .unwrap(),
                );
            }
        }
        let f = found(&p);
        assert!(
            !f.iter()
                .any(|(path, _)| path.ends_with("escalation[4]") && path.starts_with("roles[3]")),
            "{f:?}"
        );
        // Nor is manual-head a hand-down at `major`: the head's only way up
        // (manual-gm) is for crises.
        assert!(
            !f.iter()
                .any(|(path, _)| path.starts_with("roles[3].grants[")),
            "{f:?}"
        );
    }
}
