//! Where the actor's roles may send a case (`roles[].hands_over_to`,
//! ruling 78 in docs/rulings.md, or a grant's own list, ruling 158): the lead department of an `assign` or
//! `transfer` has someone holding a role listed, and the handler named
//! holds one himself. S31: a city or county body sends its case to another
//! such body, never up to the province; S26: the intake officer names an
//! inspector the handler, not the station head who works beside them.

use tousu_model::{DepartmentId, StaffId};
use tousu_policy::authority::Role;
use tousu_policy::hands_over::HandOverLimit;

use super::Decision;
use crate::Rejection;
use crate::authority::{case_view, holds_case};
use crate::command::Assignment;

/// The roles of the actor that grant the command's action on the case
/// decide, each grant only where its conditions hold for the actor, where
/// the case is for him included (`holds_case`): one with no list lets the hand-over through; otherwise some
/// list must fit the lead department, and some list must hold a role of
/// the handler named — a handler is charged with the case's clocks, so
/// working beside those who may stop them is not enough. Co-handling
/// departments are called in, not sent the case, and are not limited.
pub(super) fn check(d: &Decision<'_, '_>, a: &Assignment) -> Result<(), Rejection> {
    let ctx = d.ctx;
    let action = d.command.kind.action();
    let mut view = case_view(d.case, d.at());
    // Where the case is for the actor (rulings 121 and 158): a grant that
    // asks for the case (`holds_case`) counts only where it holds for him,
    // as when the action was authorised; read for nobody in particular, a
    // grant with no list let any hand-over through wherever another grant
    // authorised it.
    holds_case(ctx, d.staff, d.case, &mut view);
    let mut roles: Vec<&Role> = Vec::new();
    let mut limits: Vec<HandOverLimit<'_>> = Vec::new();
    for role in d.staff.roles.iter().filter_map(|r| ctx.policy.role(r)) {
        // The ways the role holds the action now (ruling 158): its
        // `actions`, or a grant whose conditions hold.
        let now = role.hand_over_limits(action).filter(|l| {
            l.grant
                .and_then(|j| role.grants.get(j))
                .is_none_or(|g| g.unmet(ctx.policy, &view).is_empty())
        });
        for limit in now {
            if limit.to.is_empty() {
                return Ok(());
            }
            if !roles.iter().any(|r| r.id == role.id) {
                roles.push(role);
            }
            limits.push(limit);
        }
    }
    if limits.is_empty() {
        return Ok(());
    }
    let refused = |what, handler: Option<&StaffId>, department: &DepartmentId| {
        let mut accepted: Vec<_> = limits.iter().flat_map(|l| l.to.iter().cloned()).collect();
        accepted.sort();
        accepted.dedup();
        Rejection::HandOverRefused {
            actor: d.staff.id.clone(),
            action,
            roles: roles.iter().map(|r| r.id.clone()).collect(),
            what,
            handler: handler.cloned(),
            department: department.clone(),
            accepted,
        }
    };
    let lead_fits = limits.iter().any(|limit| {
        ctx.roster
            .in_department(&a.lead)
            .any(|s| limit.admits(s.roles.iter()))
    });
    if !lead_fits {
        return Err(refused("the lead department", None, &a.lead));
    }
    // A handler not on the roster is refused before this check.
    if let Some(handler) = a.handler.as_ref().and_then(|h| ctx.roster.staff(h))
        && !limits
            .iter()
            .any(|limit| limit.admits(handler.roles.iter()))
    {
        return Err(refused(
            "the handler",
            Some(&handler.id),
            &handler.department,
        ));
    }
    Ok(())
}
