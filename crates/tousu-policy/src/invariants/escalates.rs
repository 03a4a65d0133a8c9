//! `escalates_to_itself`: a role whose `escalate` takes a manual step that
//! is not its own.
//!
//! A role that escalates without naming a step gets the first manual step
//! not yet taken that it may take (`by` empty or naming it), in file order,
//! and may name any such step. So a step is the role's whenever `by` does
//! not exclude it, and three faults follow (the eleventh to fourteenth
//! audits found them by hand):
//!
//! 1. the step brings the case to the role itself and nobody else (takes
//!    it over to the role, notifies only the role): the role reports a
//!    case to itself and uses the step up, so the role whose step it is
//!    can no longer take it;
//! 2. the step takes the case over to a role that escalates into this one
//!    by a later step (a manual step further up the ladder, which is in
//!    file order, taking the case over to this role, that the other may
//!    take): the role hands a case back down;
//! 3. the step's `notify` names the role among others, and it takes the
//!    case over to nobody, to the role, or to a role below it on the
//!    approval ladder: the role reports a case to itself and uses the
//!    step up; the finding names each clock of another role the step
//!    stops (`escalated` in `stop`, `steps` empty or naming the step),
//!    which the role's report to itself meets (S42's 部门经理 and 中心领导,
//!    S22's 项目经理 and S44's 总经理 taking the report made to them).
//!
//! A step is not the role's where `by` excludes it, where its `levels`
//! and the grant's meet at no level, or where the grant holds `escalate`
//! only after steps that are the step itself or close it (`not_after`).

use crate::authority::{Action, EscalationStep, EscalationTrigger, Grant, Role};
use crate::milestone::{ClockEvent, MilestoneOwner};
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

/// The grant holds `escalate` only after steps that are `step` itself or
/// close it (`not_after`), so it never takes `step`.
fn only_after_it(after: Option<&Grant>, step: &EscalationStep) -> bool {
    after.is_some_and(|g| {
        !g.after_escalation.is_empty()
            && g.after_escalation
                .iter()
                .all(|a| *a == step.id || step.not_after.contains(a))
    })
}

/// Where `role` stands on the approval ladder (its first threshold; the
/// role above every limit last), if it stands on it.
fn approval_rank(p: &Policy, role: &RoleId) -> Option<usize> {
    let a = p.approval.as_ref()?;
    let at = a.thresholds.iter().position(|t| t.role == *role);
    at.or_else(|| (a.above == *role).then_some(a.thresholds.len()))
}

/// Fault 3's step: `notify` names `role`, and the step takes the case over
/// to nobody, to `role`, or to a role below it on the approval ladder. (A
/// step taking it over to a role above reports up, telling `role` as well:
/// S22's 主管 reporting to the 项目经理.)
fn tells_itself(p: &Policy, step: &EscalationStep, role: &RoleId) -> bool {
    let below = |r: &RoleId| match (approval_rank(p, r), approval_rank(p, role)) {
        (Some(low), Some(high)) => low < high,
        _ => false,
    };
    step.notify.contains(role)
        && step
            .take_over
            .as_ref()
            .is_none_or(|r| r == role || below(r))
}

/// The clocks `step` stops that `role` does not own, each as ", and it
/// stops `milestones[m]` (id), the clock of ...".
fn others_clocks(p: &Policy, step: &EscalationStep, role: &RoleId) -> String {
    let mut said = String::new();
    for (m, ms) in p.milestones.iter().enumerate() {
        let stops = ms.stop.contains(&ClockEvent::Escalated)
            && (ms.steps.is_empty() || ms.steps.contains(&step.id));
        if !stops {
            continue;
        }
        let whose = match &ms.owner {
            MilestoneOwner::Role(r)
            | MilestoneOwner::RoleHoldingCase(crate::HeldRole { role: r, .. })
                if r == role =>
            {
                continue;
            }
            MilestoneOwner::Holder(h) if h.role == *role => continue,
            MilestoneOwner::Role(r) => r.to_string(),
            MilestoneOwner::RoleHoldingCase(h) => format!("{} holding the case", h.role),
            MilestoneOwner::Holder(h) => format!("the holder of {}", h.role),
            MilestoneOwner::Assignee => "the handler".to_owned(),
            MilestoneOwner::FirstResponder => "the first responder".to_owned(),
        };
        said.push_str(&format!(
            ", and it stops `milestones[{m}]` ({}), the clock of {whose}, with a report to itself",
            ms.id
        ));
    }
    said
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
                if only_after_it(h.after, step) || !may_take(&role.id, h.levels, step) {
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
                if tells_itself(p, step, &role.id) {
                    reports_to_itself(p, &h.path, k, &role.id, step, out);
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

/// Fault 3: `step`'s `notify` names `role` among others.
fn reports_to_itself(
    p: &Policy,
    path: &str,
    k: usize,
    role: &RoleId,
    step: &EscalationStep,
    out: &mut Findings,
) {
    let told: Vec<_> = step.notify.iter().map(ToString::to_string).collect();
    let over = match &step.take_over {
        Some(r) if r == role => format!(", and takes it over to {role} itself"),
        Some(r) => format!(", and takes it over to {r}, below {role} on the approval ladder"),
        None => String::new(),
    };
    out.add(
        Severity::Warning,
        "escalates_to_itself",
        format!("{path}; escalation[{k}]"),
        format!(
            "role {role} may escalate and may take the manual step {} (`by` does not exclude it), which notifies {} ({role} among them){over}: its escalation reports the case to {role} itself and uses the step up, so the role whose step it is can no longer take it{}; drop `escalate` from {role} (or limit its grant to the levels it escalates at), or give the step `by = [...]` naming the roles whose step it is, or `not_after = [...]` naming the step after which {role} escalates",
            step.id,
            told.join(", "),
            others_clocks(p, step, role),
        ),
    );
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

    /// `id` holds `escalate` only by `grant` (its own `escalate` dropped).
    fn escalates_only(p: &mut Policy, id: &str, grant: serde_json::Value) {
        let role = p.roles.iter_mut().find(|r| r.id.as_str() == id).unwrap();
        role.actions
            .retain(|a| *a != crate::authority::Action::Escalate);
        role.grants.push(serde_json::from_value(grant).unwrap());
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
        escalates_only(
            &mut p,
            "general_manager",
            serde_json::json!({ "actions": ["escalate"], "levels": ["major"] }),
        );
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

    /// The `escalates_to_itself` findings as (path, message).
    fn said(p: &Policy) -> Vec<(String, String)> {
        super::super::check_invariants(p)
            .into_iter()
            .filter(|f| f.invariant == "escalates_to_itself")
            .map(|f| (f.path, f.message))
            .collect()
    }

    /// S42's fault, on the default: `manual-head` open to anyone who
    /// escalates, reporting to the department head and the general manager
    /// and taken over by the head, stopping the handler's first response.
    fn told_itself() -> Policy {
        let mut p = Policy::default_policy().unwrap();
        let s = step(&mut p, "manual-head");
        s.by.clear();
        s.notify = vec![role("department_head"), role("general_manager")].into();
        let first = p
            .milestones
            .iter_mut()
            .find(|m| m.id.as_str() == "first_response")
            .unwrap();
        first.stop.push(crate::milestone::ClockEvent::Escalated);
        first.steps = vec![crate::EscalationId::new("manual-head").unwrap()];
        p
    }

    // roles[2] is department_head, escalation[3] manual-head, milestones[1]
    // first_response (owned by the handler).
    #[test]
    fn a_role_told_of_its_own_report_is_found_with_the_clock_it_stops() {
        let f = said(&told_itself());
        let (_, message) = f
            .iter()
            .find(|(path, _)| path == "roles[2].actions[9]; escalation[3]")
            .unwrap_or_else(|| panic!("{f:?}"));
        for part in [
            "notifies department_head, general_manager (department_head among them), and takes it over to department_head itself",
            "reports the case to department_head itself",
            "it stops `milestones[1]` (first_response), the clock of the handler",
            "`not_after = [...]`",
        ] {
            assert!(message.contains(part), "{part}: {message}");
        }
    }

    #[test]
    fn a_top_role_told_while_handing_the_case_down_is_found() {
        let mut p = told_itself();
        let gm = p
            .roles
            .iter_mut()
            .find(|r| r.id.as_str() == "general_manager")
            .unwrap();
        gm.actions.insert(4, crate::authority::Action::Escalate);
        let f = said(&p);
        assert!(
            f.iter().any(|(path, m)| path == "roles[3].actions[4]; escalation[3]"
                && m.contains("takes it over to department_head, below general_manager on the approval ladder")),
            "{f:?}"
        );
    }

    #[test]
    fn a_role_told_while_reporting_up_is_not_found() {
        // S22's 主管: the step to the 项目经理 above tells him too.
        let mut p = Policy::default_policy().unwrap();
        step(&mut p, "manual-gm").notify =
            vec![role("general_manager"), role("department_head")].into();
        let f = said(&p);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn none_when_the_grant_holds_only_after_a_step_that_closes_it() {
        let mut p = told_itself();
        let later = crate::EscalationId::new("gm-on-late-result").unwrap();
        escalates_only(
            &mut p,
            "department_head",
            serde_json::json!({ "actions": ["escalate"], "after_escalation": ["gm-on-late-result"] }),
        );
        let found_at = |p: &Policy| {
            said(p)
                .into_iter()
                .any(|(path, _)| path == "roles[2].grants[0]; escalation[3]")
        };
        assert!(found_at(&p), "{:?}", said(&p));
        step(&mut p, "manual-head").not_after = vec![later];
        assert!(!found_at(&p), "{:?}", said(&p));
    }
}
