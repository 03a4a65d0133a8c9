//! Where the actor's roles may send a case (`roles[].hands_over_to`,
//! ruling 78 in docs/rulings.md): the lead department of an `assign` or
//! `transfer` has someone holding a role listed, and the handler named
//! holds one himself. S31: a city or county body sends its case to another
//! such body, never up to the province; S26: the intake officer names an
//! inspector the handler, not the station head who works beside them.

use tousu_model::{DepartmentId, StaffId};
use tousu_policy::Action;
use tousu_policy::authority::Role;

use super::Decision;
use crate::Rejection;
use crate::authority::case_view;
use crate::command::Assignment;

/// The roles of the actor that grant the command's action on the case
/// decide: one with no list lets the hand-over through; otherwise some
/// list must fit the lead department, and some list must hold a role of
/// the handler named — a handler is charged with the case's clocks, so
/// working beside those who may stop them is not enough. Co-handling
/// departments are called in, not sent the case, and are not limited.
pub(super) fn check(d: &Decision<'_, '_>, a: &Assignment) -> Result<(), Rejection> {
    let ctx = d.ctx;
    let action = d.command.kind.action();
    let mut limiting: Vec<&Role> = Vec::new();
    for role in d.staff.roles.iter().filter_map(|r| ctx.policy.role(r)) {
        if !grants_now(d, role, action) {
            continue;
        }
        if role.hands_over_to.is_empty() {
            return Ok(());
        }
        limiting.push(role);
    }
    if limiting.is_empty() {
        return Ok(());
    }
    let refused = |what, handler: Option<&StaffId>, department: &DepartmentId| {
        let mut accepted: Vec<_> = limiting
            .iter()
            .flat_map(|r| r.hands_over_to.iter().cloned())
            .collect();
        accepted.sort();
        accepted.dedup();
        Rejection::HandOverRefused {
            actor: d.staff.id.clone(),
            action,
            roles: limiting.iter().map(|r| r.id.clone()).collect(),
            what,
            handler: handler.cloned(),
            department: department.clone(),
            accepted,
        }
    };
    let lead_fits = limiting.iter().any(|role| {
        ctx.roster
            .in_department(&a.lead)
            .any(|s| role.hands_over_to_any(s.roles.iter()))
    });
    if !lead_fits {
        return Err(refused("the lead department", None, &a.lead));
    }
    // A handler not on the roster is refused before this check.
    if let Some(handler) = a.handler.as_ref().and_then(|h| ctx.roster.staff(h))
        && !limiting
            .iter()
            .any(|role| role.hands_over_to_any(handler.roles.iter()))
    {
        return Err(refused(
            "the handler",
            Some(&handler.id),
            &handler.department,
        ));
    }
    Ok(())
}

/// Whether `role` grants `action` on the case now: in its `actions`, or by
/// a grant whose conditions hold (as `authority::granted` reads them).
fn grants_now(d: &Decision<'_, '_>, role: &Role, action: Action) -> bool {
    role.may(action)
        || role
            .grants_of(action)
            .any(|(_, g)| g.unmet(d.ctx.policy, &case_view(d.case, d.at())).is_empty())
}
